#include "extractor/write/ndjson_writer.h"

#include <algorithm>
#include <vector>

#include "extractor/write/json_out.h"

namespace newsgraph::write {
namespace {

// Confidences are written to three decimals at most ("0.85", "1.0").
constexpr int kMaxDecimals = 3;

// The member names go in with the punctuation around them (JsonOut::Raw):
// every object opens with a member that is always there, so the comma
// before each later member is part of its name. Runs of names, commas and
// numbers share one check of the room (JsonOut::Run); a Uint counts 20.

// A member whose value is the name of an enum value (",\"type\":\"Person\""),
// made once per value from the enum's name function: a record copies it,
// with no escaping to look for.
template <typename Enum>
class NamedValue {
 public:
  // The enum's values run from 0 to the first one `name` does not know
  // ("?", as for a value out of range, which gets that too).
  NamedValue(std::string_view key, std::string_view (*name)(Enum)) : unknown_(Member(key, "?")) {
    for (size_t i = 0; i <= kMaxValue && name(static_cast<Enum>(i)) != "?"; ++i) {
      pieces_.emplace_back(Member(key, name(static_cast<Enum>(i))));
    }
  }
  void Write(JsonOut* w, Enum value) const {
    const size_t i = static_cast<size_t>(value);
    w->Raw(i < pieces_.size() ? pieces_[i] : unknown_);
  }

 private:
  static constexpr size_t kMaxValue = 255;  // the enums of document.h are one byte
  static_assert(sizeof(Enum) == 1);
  static std::string Member(std::string_view key, std::string_view value) {
    std::string text(key);
    {
      JsonOut j(&text);
      j.String(value);
    }
    return text;
  }
  std::vector<JsonOut::Piece> pieces_;
  JsonOut::Piece unknown_;
};

// Made on first use, not at program start.
const NamedValue<EntityType>& EntityTypeMember() {
  static const NamedValue<EntityType> member(",\"type\":", EntityTypeName);
  return member;
}
const NamedValue<MentionKind>& MentionKindMember() {
  static const NamedValue<MentionKind> member(",\"kind\":", MentionKindName);
  return member;
}
const NamedValue<TimexType>& TimexTypeMember() {
  static const NamedValue<TimexType> member(",\"type\":", TimexTypeName);
  return member;
}
const NamedValue<EventStatus>& EventStatusMember() {
  static const NamedValue<EventStatus> member(",\"status\":", EventStatusName);
  return member;
}

// A string, or null when empty.
void StringOrNull(JsonOut* w, std::string_view value) {
  if (value.empty()) {
    w->Null();
  } else {
    w->String(value);
  }
}

// {"start":..,"end":..,"text":.. of a span, left open for more members;
// after a comma when `more`. Inline: a call would cost as much as the work.
[[gnu::always_inline]] inline void OpenSpan(JsonOut* w, bool more, const Document& doc, const Span& span) {
  {
    JsonOut::Run run(w, 1 + 9 + 20 + 7 + 20 + 8);
    run.Comma(more);
    run.Raw("{\"start\":");
    run.Uint(span.begin);
    run.Raw(",\"end\":");
    run.Uint(span.end);
    run.Raw(",\"text\":");
  }
  // The part of the span inside the text: a span past its end is a bug
  // upstream, but must not bring the run down (as in graph_builder.cc).
  const uint32_t size = static_cast<uint32_t>(doc.text.size());
  const uint32_t begin = std::min(span.begin, size);
  const uint32_t end = std::min(std::max(span.end, begin), size);
  w->String(std::string_view(doc.text.data() + begin, end - begin), doc.text);
}

// "trigger":{..},"sentence":{..}
void WriteEvidence(JsonOut* w, const Document& doc, const Span& trigger, const Span& sentence) {
  w->Raw("\"trigger\":");
  OpenSpan(w, false, doc, trigger);
  w->Raw("},\"sentence\":");
  OpenSpan(w, false, doc, sentence);
  w->Raw("}");
}

// The start of an array element that is an object with an id first: a
// ',' before every element but the first.
void OpenWithId(JsonOut* w, bool more) {
  JsonOut::Run run(w, 1 + 6);
  run.Comma(more);
  run.Raw("{\"id\":");
}

void WriteEntities(JsonOut* w, const Document& doc) {
  const NamedValue<EntityType>& entity_type = EntityTypeMember();
  const NamedValue<MentionKind>& mention_kind = MentionKindMember();
  w->Raw(",\"entities\":[");
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    OpenWithId(w, i > 0);
    w->String(e.id);
    entity_type.Write(w, e.type);
    if (!e.subtype.empty()) {
      w->Raw(",\"subtype\":");
      w->String(e.subtype);
    }
    w->Raw(",\"name\":");
    w->String(e.name);
    if (!e.country.empty()) {
      w->Raw(",\"country\":");
      w->String(e.country);
    }
    w->Raw(",\"mentions\":[");
    for (size_t j = 0; j < e.mentions.size(); ++j) {
      const Mention& m = e.mentions[j];
      OpenSpan(w, j > 0, doc, m.span);
      if (m.kind != MentionKind::kName) {
        mention_kind.Write(w, m.kind);
      }
      w->Raw("}");
    }
    w->Raw("]");
    if (!e.same_as.empty()) {
      w->Raw(",\"sameAs\":[");
      for (size_t j = 0; j < e.same_as.size(); ++j) {
        w->Comma(j > 0);
        w->String(e.same_as[j]);
      }
      w->Raw("]");
    }
    w->Raw("}");
  }
  w->Raw("]");
}

void WriteTimexes(JsonOut* w, const Document& doc) {
  const NamedValue<TimexType>& timex_type = TimexTypeMember();
  w->Raw(",\"timexes\":[");
  for (size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    OpenSpan(w, i > 0, doc, t.span);
    timex_type.Write(w, t.type);
    w->Raw(",\"value\":");
    StringOrNull(w, t.value);
    if (!t.mod.empty()) {
      w->Raw(",\"mod\":");
      w->String(t.mod);
    }
    if (!t.resolved) w->Raw(",\"resolved\":false");
    w->Raw("}");
  }
  w->Raw("]");
}

void WriteEvents(JsonOut* w, const Document& doc) {
  const NamedValue<EventStatus>& event_status = EventStatusMember();
  w->Raw(",\"events\":[");
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    OpenWithId(w, i > 0);
    w->String(e.id);
    w->Raw(",\"type\":");
    w->String(e.type);
    event_status.Write(w, e.status);
    w->Raw(",\"date\":");
    StringOrNull(w, e.date);
    w->Raw(",\"roles\":{");
    for (size_t j = 0; j < e.roles.size(); ++j) {
      const EventRole& role = e.roles[j];
      w->Comma(j > 0);
      w->String(role.name);  // a name from the schema data: escaped like any string
      w->Raw(":[");
      bool more = false;
      for (uint32_t index : role.entities) {
        if (index >= doc.entities.size()) continue;
        w->Comma(more);
        w->String(doc.entities[index].id);
        more = true;
      }
      w->Raw("]");
    }
    w->Raw("},");
    WriteEvidence(w, doc, e.trigger, e.sentence);
    if (!e.more_evidence.empty()) {
      w->Raw(",\"evidence\":[");
      for (size_t j = 0; j < e.more_evidence.size(); ++j) {
        {
          JsonOut::Run run(w, 2);
          run.Comma(j > 0);
          run.Raw("{");
        }
        WriteEvidence(w, doc, e.more_evidence[j].trigger, e.more_evidence[j].sentence);
        w->Raw("}");
      }
      w->Raw("]");
    }
    w->Raw(",\"confidence\":");
    w->Double(e.confidence, kMaxDecimals);
    w->Raw(",\"cameo\":");
    StringOrNull(w, e.cameo);
    if (!e.rule.empty()) {
      w->Raw(",\"rule\":");
      w->String(e.rule);
    }
    w->Raw("}");
  }
  w->Raw("]");
}

}  // namespace

void NdjsonWriter::WriteDocument(const Document& doc, std::string* out) const {
  // Straight into *out: the caller's string keeps its capacity from one
  // record to the next.
  JsonOut w(out);
  w.Raw("{\"id\":");
  w.String(doc.id);
  w.Raw(",\"url\":");
  StringOrNull(&w, doc.url);
  w.Raw(",\"title\":");
  StringOrNull(&w, doc.title);
  w.Raw(",\"published\":");
  StringOrNull(&w, doc.published);
  if (options_.include_text) {
    w.Raw(",\"text\":");
    w.String(doc.text);
  }
  if (!doc.warnings.empty()) {
    w.Raw(",\"warnings\":[");
    for (size_t i = 0; i < doc.warnings.size(); ++i) {
      w.Comma(i > 0);
      w.String(doc.warnings[i]);
    }
    w.Raw("]");
  }
  WriteEntities(&w, doc);
  WriteTimexes(&w, doc);
  WriteEvents(&w, doc);
  w.Raw("}\n");
}

void NdjsonWriter::WriteError(const Document& doc, const Status& error, std::string* out) const {
  JsonOut w(out);
  w.Raw("{\"id\":");
  w.String(doc.id);
  w.Raw(",\"source\":");
  StringOrNull(&w, doc.source);
  w.Raw(",\"error\":");
  w.String(error.message());
  w.Raw("}\n");
}

}  // namespace newsgraph::write
