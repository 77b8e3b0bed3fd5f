// Turns the command line's inputs into a stream of Documents, one at a time
// and in input order, so that memory stays bounded by the largest document.
//
//   read::ReadOptions options;
//   options.published = "2024-06-19";          // --date
//   read::DocumentStream stream({"samples/", "-"}, options);
//   read::ReadItem item;
//   while (stream.Next(&item)) {
//     if (!item.status.ok()) { report(item.doc.id, item.status); continue; }
//     process(&item.doc);
//   }
//
// An input is a file, a folder (walked recursively in sorted byte order), or
// "-" for standard input. The reader is chosen by content and extension:
// HTML page, RSS 2.0 / Atom feed (one document per item), NDJSON (one
// {"id","url","title","published","text"} record per line) or plain text.
// Every input yields at least one item: a document or the error that stands
// in its place. Nothing here throws or exits.
#ifndef NEWSGRAPH_READ_DOCUMENT_STREAM_H_
#define NEWSGRAPH_READ_DOCUMENT_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph::read {

struct ReadOptions {
  // Publication date (YYYY-MM-DD) for documents whose input carries none.
  std::string published;
  // A document (or NDJSON line) larger than this is reported as an error
  // (kTooLarge) and skipped; the stream goes on.
  size_t max_document_bytes = size_t{64} << 20;
};

// One document, or the error that stands in its place in the output.
struct ReadItem {
  Status status;  // OK: `doc` holds the document (kLayerText)
  Document doc;   // on error: doc.id and doc.source still name what failed
};

class DocumentStream {
 public:
  DocumentStream(std::vector<std::string> inputs, ReadOptions options);
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;  // owns open files
  DocumentStream& operator=(const DocumentStream&) = delete;

  // Fills *item with the next document or error and returns true; returns
  // false once every input is done. Not thread-safe: one reader thread.
  bool Next(ReadItem* item);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_DOCUMENT_STREAM_H_
