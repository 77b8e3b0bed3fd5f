#include "extractor/write/ndjson_writer.h"

#include "extractor/write/json_out.h"

namespace newsgraph::write {
namespace {

// Confidences are written to three decimals at most ("0.85", "1.0").
constexpr int kMaxDecimals = 3;

void String(JsonOut* w, std::string_view s) { w->String(s); }

void Key(JsonOut* w, std::string_view k) { w->Key(k); }

// A string member, or null when empty.
void OptionalString(JsonOut* w, std::string_view key, std::string_view value) {
  Key(w, key);
  if (value.empty()) {
    w->Null();
  } else {
    String(w, value);
  }
}

void SpanMembers(JsonOut* w, const Document& doc, const Span& span, bool with_text) {
  Key(w, "start");
  w->Uint(span.begin);
  Key(w, "end");
  w->Uint(span.end);
  if (with_text) {
    Key(w, "text");
    String(w, doc.Text(span));
  }
}

void SpanObject(JsonOut* w, std::string_view key, const Document& doc, const Span& span) {
  Key(w, key);
  w->StartObject();
  SpanMembers(w, doc, span, true);
  w->EndObject();
}

void WriteEntities(JsonOut* w, const Document& doc) {
  Key(w, "entities");
  w->StartArray();
  for (const Entity& e : doc.entities) {
    w->StartObject();
    Key(w, "id");
    String(w, e.id);
    Key(w, "type");
    String(w, EntityTypeName(e.type));
    if (!e.subtype.empty()) {
      Key(w, "subtype");
      String(w, e.subtype);
    }
    Key(w, "name");
    String(w, e.name);
    if (!e.country.empty()) {
      Key(w, "country");
      String(w, e.country);
    }
    Key(w, "mentions");
    w->StartArray();
    for (const Mention& m : e.mentions) {
      w->StartObject();
      SpanMembers(w, doc, m.span, true);
      if (m.kind != MentionKind::kName) {
        Key(w, "kind");
        String(w, MentionKindName(m.kind));
      }
      w->EndObject();
    }
    w->EndArray();
    if (!e.same_as.empty()) {
      Key(w, "sameAs");
      w->StartArray();
      for (const std::string& s : e.same_as) String(w, s);
      w->EndArray();
    }
    w->EndObject();
  }
  w->EndArray();
}

void WriteTimexes(JsonOut* w, const Document& doc) {
  Key(w, "timexes");
  w->StartArray();
  for (const Timex& t : doc.timexes) {
    w->StartObject();
    SpanMembers(w, doc, t.span, true);
    Key(w, "type");
    String(w, TimexTypeName(t.type));
    OptionalString(w, "value", t.value);
    if (!t.mod.empty()) {
      Key(w, "mod");
      String(w, t.mod);
    }
    if (!t.resolved) {
      Key(w, "resolved");
      w->Bool(false);
    }
    w->EndObject();
  }
  w->EndArray();
}

void WriteEvents(JsonOut* w, const Document& doc) {
  Key(w, "events");
  w->StartArray();
  for (const Event& e : doc.events) {
    w->StartObject();
    Key(w, "id");
    String(w, e.id);
    Key(w, "type");
    String(w, e.type);
    Key(w, "status");
    String(w, EventStatusName(e.status));
    OptionalString(w, "date", e.date);
    Key(w, "roles");
    w->StartObject();
    for (const EventRole& role : e.roles) {
      w->EscapedKey(role.name);
      w->StartArray();
      for (uint32_t index : role.entities) {
        if (index < doc.entities.size()) String(w, doc.entities[index].id);
      }
      w->EndArray();
    }
    w->EndObject();
    SpanObject(w, "trigger", doc, e.trigger);
    SpanObject(w, "sentence", doc, e.sentence);
    if (!e.more_evidence.empty()) {
      Key(w, "evidence");
      w->StartArray();
      for (const Evidence& ev : e.more_evidence) {
        w->StartObject();
        SpanObject(w, "trigger", doc, ev.trigger);
        SpanObject(w, "sentence", doc, ev.sentence);
        w->EndObject();
      }
      w->EndArray();
    }
    Key(w, "confidence");
    w->Double(e.confidence, kMaxDecimals);
    OptionalString(w, "cameo", e.cameo);
    if (!e.rule.empty()) {
      Key(w, "rule");
      String(w, e.rule);
    }
    w->EndObject();
  }
  w->EndArray();
}

}  // namespace

void NdjsonWriter::WriteDocument(const Document& doc, std::string* out) const {
  // Straight into *out: the caller's string keeps its capacity from one
  // record to the next.
  JsonOut w(out);
  w.StartObject();
  Key(&w, "id");
  String(&w, doc.id);
  OptionalString(&w, "url", doc.url);
  OptionalString(&w, "title", doc.title);
  OptionalString(&w, "published", doc.published);
  if (options_.include_text) {
    Key(&w, "text");
    String(&w, doc.text);
  }
  if (!doc.warnings.empty()) {
    Key(&w, "warnings");
    w.StartArray();
    for (const std::string& warning : doc.warnings) String(&w, warning);
    w.EndArray();
  }
  WriteEntities(&w, doc);
  WriteTimexes(&w, doc);
  WriteEvents(&w, doc);
  w.EndObject();
  w.Finish();
  out->push_back('\n');
}

void NdjsonWriter::WriteError(const Document& doc, const Status& error, std::string* out) const {
  JsonOut w(out);
  w.StartObject();
  Key(&w, "id");
  String(&w, doc.id);
  OptionalString(&w, "source", doc.source);
  Key(&w, "error");
  String(&w, error.message());
  w.EndObject();
  w.Finish();
  out->push_back('\n');
}

}  // namespace newsgraph::write
