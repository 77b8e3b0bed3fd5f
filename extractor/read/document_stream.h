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
// Inputs. A file; a folder, walked recursively in the byte order of the
// paths (so "a.txt" comes before "a/b.txt"), skipping names that start
// with '.', reading symbolic links to files but not following links to
// folders; or "-" for standard input.
//
// Readers, chosen by extension and content (detect.h), or forced with
// ReadOptions::format:
//   text    .txt, or anything not recognized: the bytes are the text, byte
//           for byte (a byte-order mark and "\r\n" included), so offsets
//           match the file; published = ReadOptions::published.
//   html    an HTML page (html_reader.h): title, URL, publication date and
//           the main text without navigation and boilerplate.
//   feed    RSS 2.0, RSS 1.0 or Atom (feed_reader.h), streamed: one document
//           per <item> / <entry>.
//   ndjson  .ndjson/.jsonl, or content starting with '{' (ndjson_reader.h),
//           streamed line by line: one document per non-blank line. Fields:
//           "text" (or "body", "content"; required), "id" (string or
//           integer), "url" (or "link"), "title" (or "headline"),
//           "published" (or "date", "datePublished").
//   json    content starting with '[' (an array of records) or a single
//           pretty-printed record.
//
// Document ids (doc.id) and sources (doc.source, for messages):
//   text, html   the path as given or as walked ("samples/a.html"); "stdin"
//   ndjson       the record's "id", else "<path>:<line>"; source "<path>:<line>"
//   json         the record's "id", else "<path>" (one record) or "<path>#<n>"
//   feed         <guid> / <id>, else the item's link, else "<path>#<n>";
//                source "<path>:<line of the item>"
// with "stdin" in place of the path for standard input.
//
// Every input yields at least one item: a document or the error that
// stands in its place, with doc.id and doc.source naming what failed, and
// the stream goes on with what follows. Errors: a missing or unreadable
// file (NotFound, IoError); a folder with no files; binary data (known
// signatures such as gzip or PNG, or many control bytes in the first 4 KB:
// InvalidArgument); a document, NDJSON line or feed item over
// max_document_bytes (TooLarge; a file's size is checked before reading
// it, and a long line is skipped without being held); a bad NDJSON line
// ("line N: ..."); a feed that is not one, has no items or stops early.
// Warnings (doc.warnings) on documents that were read: invalid UTF-8
// replaced by U+FFFD, NUL bytes replaced by spaces, an impossible date
// ignored, an empty input (a valid document with an empty text), broken
// markup recovered. Text is always valid UTF-8 without NUL bytes. UTF-16
// input with a byte-order mark is converted to UTF-8. Nothing here throws
// or exits.
#ifndef NEWSGRAPH_READ_DOCUMENT_STREAM_H_
#define NEWSGRAPH_READ_DOCUMENT_STREAM_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph::read {

// The kinds of input, and the reader for each.
enum class Format : uint8_t {
  kAuto,    // choose by content and extension
  kText,    // plain text, byte for byte
  kHtml,    // an HTML page: metadata and main text
  kFeed,    // RSS 2.0, RSS 1.0 or Atom: one document per item / entry
  kNdjson,  // one JSON record per line, streamed
  kJson,    // one JSON record, or an array of records
};
std::string_view FormatName(Format format);  // "auto", "text", "html", "feed", "ndjson", "json"
// The format named by FormatName(), or nullopt.
std::optional<Format> ParseFormat(std::string_view name);

struct ReadOptions {
  // Publication date (YYYY-MM-DD) for documents whose input carries none.
  std::string published;
  // A document (or NDJSON line) larger than this is reported as an error
  // (kTooLarge) and skipped; the stream goes on.
  size_t max_document_bytes = size_t{64} << 20;
  // kAuto: by content and extension. Anything else: every input is read
  // with that reader (e.g. plain text on stdin that starts with '{').
  Format format = Format::kAuto;
  // Called, on the reading thread, just before a read from a pipe, socket
  // or terminal that has no bytes waiting and so would block: the moment for
  // a caller to flush output that a streaming consumer may be waiting for,
  // without a flush per record when input keeps coming.
  std::function<void()> before_wait;
};

// One document, or the error that stands in its place in the output.
struct ReadItem {
  Status status;  // OK: `doc` holds the document (kLayerText)
  Document doc;   // on error: doc.id and doc.source still name what failed
  Format format = Format::kAuto;  // the reader that produced it (kAuto: none)
};

// Empties *item for the next document, keeping the memory of the text,
// the folded text, the metadata strings and the per-token and per-mention
// vectors, so that a stream of documents allocates them once rather than
// once per document.
void ResetItem(ReadItem* item);

class DocumentStream {
 public:
  DocumentStream(std::vector<std::string> inputs, ReadOptions options);
  // A stream over one in-memory input, read as if it were a file called
  // `name` (its extension takes part in choosing the reader). For fuzzing,
  // tests and embedding.
  static std::unique_ptr<DocumentStream> FromMemory(std::string name, std::string bytes,
                                                    ReadOptions options);
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
