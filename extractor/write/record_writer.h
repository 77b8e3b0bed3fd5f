// Writes the per-document output of `newsgraph extract`, one record per
// input document (or per failed input), in a chosen format.
//
//   ASSIGN_OR_RETURN(auto writer, write::MakeRecordWriter("ndjson", options));
//   std::string out;
//   writer->Begin(&out);
//   writer->WriteDocument(doc, &out);          // appends one record
//   writer->WriteError(failed_doc, status, &out);
//   writer->End(&out);
//
// Formats: "ndjson" (the output contract of DESIGN.md, one JSON object per
// line), "jsonld" and "csv" (see their writers).
#ifndef NEWSGRAPH_WRITE_RECORD_WRITER_H_
#define NEWSGRAPH_WRITE_RECORD_WRITER_H_

#include <memory>
#include <string>
#include <string_view>

#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph::write {

struct WriteOptions {
  bool include_text = false;  // --include-text: add the document text
};

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  // Appends what comes before the first record (a CSV header...).
  virtual void Begin(std::string* out) const {}
  // Appends the record of one processed document. Thread-safe: writers
  // hold no per-call state, so records can be formatted on worker threads.
  virtual void WriteDocument(const Document& doc, std::string* out) const = 0;
  // Appends the record that stands for a document that failed; `doc` holds
  // at least its id and source.
  virtual void WriteError(const Document& doc, const Status& error, std::string* out) const = 0;
  // Appends what comes after the last record.
  virtual void End(std::string* out) const {}
};

// InvalidArgument for an unknown format name.
Result<std::unique_ptr<RecordWriter>> MakeRecordWriter(std::string_view format,
                                                       const WriteOptions& options);

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_RECORD_WRITER_H_
