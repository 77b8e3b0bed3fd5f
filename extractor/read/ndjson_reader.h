// Reads JSON article records: NDJSON (one record per line, streamed line by
// line so that memory is bounded by the longest line) and whole JSON files
// (one record, or an array of records).
//
//   auto lines = NewNdjsonSource(std::move(input), "wire.ndjson", options);
//   ReadItem item;
//   while (lines->Next(&item)) ...   // one item per non-blank line, in order
//
// A record is a JSON object. Fields read (the first name present wins; any
// other field is ignored):
//   text       "text", "body" or "content": a string, required
//   id         "id": a string or an integer
//   url        "url" or "link": a string
//   title      "title" or "headline": a string
//   published  "published", "date" or "datePublished": a date string in any
//              form core/civil_date.h ParsePublicationDate reads; stored as
//              YYYY-MM-DD. Unreadable or impossible: a warning, then
//              ReadOptions::published, as when it is absent.
// null counts as absent. Strings are made valid UTF-8 (U+FFFD, with a
// warning); the text is otherwise taken as it is, so offsets point into
// the record's own text.
// Ids: the record's "id", else "<name>:<line>" for NDJSON, "<name>" for a
// single-record JSON file, "<name>#<n>" for the n-th element (from 1) of a
// JSON array. doc.source is "<name>:<line>" / "<name>#<n>".
// Errors, one item each, and the stream goes on with the next record: a
// line that is not valid JSON (truncated, NUL byte, trailing garbage), not
// an object, without a text string, or with a field of the wrong type
// (InvalidArgument, the message starts with "line N: "); a line longer than
// max_document_bytes (TooLarge, skipped without being held in memory).
// Blank lines are skipped; a UTF-8 byte-order mark and "\r\n" are allowed.
#ifndef NEWSGRAPH_READ_NDJSON_READER_H_
#define NEWSGRAPH_READ_NDJSON_READER_H_

#include <memory>
#include <string>

#include "extractor/read/document_stream.h"
#include "extractor/read/input.h"

namespace newsgraph::read {

// `name` is the input's name (path or "stdin") used in ids and sources.
std::unique_ptr<Source> NewNdjsonSource(std::unique_ptr<ByteInput> input, std::string name,
                                        const ReadOptions& options);

// A whole JSON file: an object is one record, an array one record per
// element. Several values one after another are read as NDJSON.
std::unique_ptr<Source> NewJsonSource(std::string bytes, std::string name, const ReadOptions& options);

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_NDJSON_READER_H_
