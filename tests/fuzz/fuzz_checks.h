// Invariants the fuzz targets check on every document that comes out of a
// reader or the pipeline. A broken invariant aborts, which libFuzzer
// reports as a crash with the input that caused it.
//
//   newsgraph::fuzz::CheckDocument(doc);          // spans inside the text, valid UTF-8...
//   newsgraph::fuzz::CheckRecord(record);         // one line of valid JSON
#ifndef NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_
#define NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_

#include <string>

#include "extractor/core/document.h"

namespace newsgraph::fuzz {

// Aborts with `what` on stderr when `ok` is false (kept in release builds,
// unlike assert).
void Require(bool ok, const char* what);

// The reader's promises: text, title, url and id are valid UTF-8 with no
// NUL byte; the text is within `max_bytes`.
void CheckReadDocument(const Document& doc, size_t max_bytes);

// The pipeline's promises: every span (token, sentence, mention, timex,
// trigger, evidence) lies inside the text, tokens are in order and inside
// their sentence, event roles and timex anchors point at existing entries.
void CheckDocument(const Document& doc);

// `record` is exactly one line (ending in '\n') of valid UTF-8 JSON that
// holds an object, as `extract --format ndjson` writes.
void CheckRecord(const std::string& record);

}  // namespace newsgraph::fuzz

#endif  // NEWSGRAPH_TESTS_FUZZ_FUZZ_CHECKS_H_
