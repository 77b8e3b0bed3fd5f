#include "tests/fuzz/fuzz_checks.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <cstdio>
#include <cstdlib>

#include "extractor/core/utf8.h"

namespace newsgraph::fuzz {
namespace {

void CheckSpan(const Document& doc, const Span& s, const char* what) {
  Require(s.begin <= s.end && s.end <= doc.text.size(), what);
}

void CheckString(const std::string& s, const char* what) {
  Require(IsValidUtf8(s), what);
  Require(s.find('\0') == std::string::npos, what);
}

}  // namespace

void Require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

void CheckReadDocument(const Document& doc, size_t max_bytes) {
  CheckString(doc.text, "reader: text is valid UTF-8 without NUL");
  CheckString(doc.title, "reader: title is valid UTF-8 without NUL");
  CheckString(doc.url, "reader: url is valid UTF-8 without NUL");
  CheckString(doc.id, "reader: id is valid UTF-8 without NUL");
  Require(doc.text.size() <= max_bytes, "reader: text within max_document_bytes");
  Require((doc.layers & kLayerText) != 0, "reader: kLayerText set");
}

void CheckDocument(const Document& doc) {
  Require(doc.folded.size() == doc.text.size(), "segment: folded has the text's size");
  uint32_t previous_end = 0;
  for (const Token& t : doc.tokens) {
    CheckSpan(doc, t.span, "segment: token inside the text");
    Require(!t.span.empty(), "segment: token not empty");
    Require(t.span.begin >= previous_end, "segment: tokens in order, not overlapping");
    previous_end = t.span.end;
    Require(t.sentence < doc.sentences.size(), "segment: token's sentence exists");
  }
  for (const Sentence& s : doc.sentences) {
    CheckSpan(doc, s.span, "segment: sentence inside the text");
    Require(s.token_begin < s.token_end && s.token_end <= doc.tokens.size(), "segment: sentence tokens exist");
  }
  for (const Entity& e : doc.entities) {
    CheckString(e.id, "ner: entity id is valid UTF-8");
    CheckString(e.name, "ner: entity name is valid UTF-8");
    for (const Mention& m : e.mentions) CheckSpan(doc, m.span, "ner: mention inside the text");
  }
  for (const Timex& t : doc.timexes) {
    CheckSpan(doc, t.span, "timex: span inside the text");
    Require(t.anchor_timex < static_cast<int32_t>(doc.timexes.size()), "timex: anchor exists");
  }
  for (const Event& e : doc.events) {
    CheckSpan(doc, e.trigger, "events: trigger inside the text");
    CheckSpan(doc, e.sentence, "events: sentence inside the text");
    for (const Evidence& ev : e.more_evidence) {
      CheckSpan(doc, ev.trigger, "events: evidence trigger inside the text");
      CheckSpan(doc, ev.sentence, "events: evidence sentence inside the text");
    }
    for (const EventRole& r : e.roles) {
      for (uint32_t i : r.entities) Require(i < doc.entities.size(), "events: role entity exists");
    }
  }
}

void CheckRecord(const std::string& record) {
  Require(!record.empty() && record.back() == '\n', "write: record ends with a newline");
  Require(record.find('\n') == record.size() - 1, "write: record is one line");
  rapidjson::Document json;
  json.Parse<rapidjson::kParseValidateEncodingFlag>(record.data(), record.size() - 1);
  if (json.HasParseError()) {
    std::fprintf(stderr, "record: %s at %zu\n", rapidjson::GetParseError_En(json.GetParseError()),
                 json.GetErrorOffset());
  }
  Require(!json.HasParseError(), "write: record is valid UTF-8 JSON");
  Require(json.IsObject(), "write: record is a JSON object");
}

}  // namespace newsgraph::fuzz
