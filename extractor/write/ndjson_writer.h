// The NDJSON record of DESIGN.md's output contract: one JSON object per
// line per document, offsets as UTF-8 bytes into the document text.
//
//   {"id":..,"url":..,"title":..,"published":..,
//    "entities":[{"id","type","subtype","name","country","sameAs","mentions":[{"start","end","text"}]}],
//    "timexes":[{"start","end","text","type","value"}],
//    "events":[{"id","type","status","date","roles":{"visitor":["<entity id>"]},
//               "trigger":{"start","end","text"},"sentence":{"start","end","text"},
//               "evidence":[...],"confidence","cameo","rule"}]}
//
// A failed input is written as {"id":..,"source":..,"error":".."}.
#ifndef NEWSGRAPH_WRITE_NDJSON_WRITER_H_
#define NEWSGRAPH_WRITE_NDJSON_WRITER_H_

#include "extractor/write/record_writer.h"

namespace newsgraph::write {

class NdjsonWriter : public RecordWriter {
 public:
  explicit NdjsonWriter(WriteOptions options) : options_(options) {}
  void WriteDocument(const Document& doc, std::string* out) const override;
  void WriteError(const Document& doc, const Status& error, std::string* out) const override;

 private:
  WriteOptions options_;
};

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_NDJSON_WRITER_H_
