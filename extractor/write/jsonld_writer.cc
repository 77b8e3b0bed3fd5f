#include "extractor/write/jsonld_writer.h"

#include <rapidjson/document.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <cassert>

#include "extractor/core/civil_date.h"
#include "extractor/graph/graph_builder.h"
#include "extractor/graph/vocabulary.h"

namespace newsgraph::write {
namespace {

using graph::GraphEntity;
using graph::GraphEvent;
using graph::KnowledgeGraph;

// The "@context" value of schemas/newsgraph.context.jsonld, parsed once.
const rapidjson::Value& Context() {
  static const rapidjson::Document* const kDocument = [] {
    auto* d = new rapidjson::Document();
    std::string_view text = graph::ContextDocumentText();
    d->Parse(text.data(), text.size());
    assert(!d->HasParseError() && d->IsObject() && d->HasMember("@context"));
    return d;
  }();
  return (*kDocument)["@context"];
}

template <typename W>
class Emitter {
 public:
  Emitter(W* w, const KnowledgeGraph& g) : w_(w), g_(g) {}

  void WriteAll(bool timeline, const newsgraph::Document* failed_doc, const Status* error) {
    w_->StartObject();
    Key("@context");
    Context().Accept(*w_);
    Key("@graph");
    w_->StartArray();
    if (failed_doc != nullptr) {
      FailedArticle(*failed_doc, *error);
    } else {
      if (timeline) Timeline();
      for (const graph::Article& a : g_.articles()) Article(a);
      for (const GraphEntity& e : g_.entities()) Entity(e);
      for (const GraphEvent& e : g_.events()) Event(e);
    }
    w_->EndArray();
    w_->EndObject();
  }

 private:
  void Key(std::string_view k) { w_->Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void String(std::string_view s) { w_->String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Member(std::string_view k, std::string_view v) {
    Key(k);
    String(v);
  }
  void MemberIfSet(std::string_view k, std::string_view v) {
    if (!v.empty()) Member(k, v);
  }
  void Count(std::string_view k, size_t n) {
    Key(k);
    w_->Uint64(n);
  }
  void Confidence(int milli) {
    Key("confidence");
    w_->Double(milli / 1000.0);
  }
  void StringArray(std::string_view k, const std::vector<std::string>& values) {
    if (values.empty()) return;
    Key(k);
    w_->StartArray();
    for (const std::string& v : values) String(v);
    w_->EndArray();
  }
  void EntityRefs(std::string_view k, const std::vector<std::string>& ids) {
    if (ids.empty()) return;
    Key(k);
    w_->StartArray();
    for (const std::string& id : ids) String(graph::EntityIri(id));
    w_->EndArray();
  }
  // Known roles are context terms; any other is a compact IRI in ng:, so
  // that no role is ever dropped by expansion.
  void Roles(const std::vector<graph::Role>& roles) {
    for (const graph::Role& r : roles) {
      EntityRefs(graph::IsRoleTerm(r.name) ? r.name : "ng:" + r.name, r.entities);
    }
  }
  void Span(std::string_view k, const graph::TextSpan& s) {
    Key(k);
    w_->StartObject();
    Count("start", s.start);
    Count("end", s.end);
    Member("text", s.text);
    w_->EndObject();
  }

  void Timeline() {
    w_->StartObject();
    Member("@id", graph::kTimelineIri);
    Member("@type", "ItemList");
    Member("name", "newsgraph timeline");
    Member("itemListOrder", "ItemListOrderAscending");
    Count("numberOfItems", g_.events().size());
    Count("documentCount", g_.articles().size());
    Count("entityCount", g_.entities().size());
    Count("eventCount", g_.events().size());
    Count("mentionCount", g_.mention_count());
    Count("mergedEventCount", g_.merged_event_count());
    Key("itemListElement");
    w_->StartArray();
    for (size_t i = 0; i < g_.events().size(); ++i) {
      w_->StartObject();
      Member("@type", "ListItem");
      Count("position", i + 1);
      Member("item", g_.events()[i].id);
      w_->EndObject();
    }
    w_->EndArray();
    w_->EndObject();
  }

  void Article(const graph::Article& a) {
    w_->StartObject();
    Member("@id", graph::ArticleIri(a.id));
    Member("@type", "NewsArticle");
    Member("identifier", a.id);
    MemberIfSet("url", a.url);
    MemberIfSet("headline", a.title);
    MemberIfSet("datePublished", a.published);
    EntityRefs("mentions", a.entities);
    w_->EndObject();
  }

  void FailedArticle(const newsgraph::Document& doc, const Status& error) {
    w_->StartObject();
    Member("@id", graph::ArticleIri(doc.id));
    Member("@type", "NewsArticle");
    Member("identifier", doc.id);
    MemberIfSet("url", doc.url);
    Member("error", error.message());
    w_->EndObject();
  }

  void Entity(const GraphEntity& e) {
    w_->StartObject();
    Member("@id", graph::EntityIri(e.id));
    Member("@type", EntityTypeName(e.type));
    Member("identifier", e.id);
    MemberIfSet("name", e.name);
    StringArray("alternateName", e.aliases);
    MemberIfSet("subtype", e.subtype);
    MemberIfSet("country", e.country);
    StringArray("sameAs", e.same_as);
    w_->EndObject();
  }

  void EventType(std::string_view type) {
    Key("@type");
    w_->StartArray();
    String("Event");
    String(graph::IsEventTypeTerm(type) ? std::string(type) : "ng:" + std::string(type));
    w_->EndArray();
  }

  static std::string_view SchemaStatus(EventStatus s) {
    switch (s) {
      case EventStatus::kOccurred:
      case EventStatus::kPlanned: return "EventScheduled";
      case EventStatus::kCancelled: return "EventCancelled";
      case EventStatus::kPostponed: return "EventPostponed";
      case EventStatus::kDenied:
      case EventStatus::kUncertain: return "";
    }
    return "";
  }

  void Event(const GraphEvent& e) {
    w_->StartObject();
    Member("@id", e.id);
    EventType(e.type);
    Member("status", EventStatusName(e.status));
    MemberIfSet("eventStatus", SchemaStatus(e.status));
    MemberIfSet("startDate", graph::IsoStartDate(e.date));
    MemberIfSet("date", e.date);
    Member("datePrecision", graph::DatePrecisionName(e.range.precision));
    if (e.range.dated()) Member("timelineDate", FormatIsoDate(CivilFromDays(e.range.first)));
    std::vector<std::string> places;
    for (const graph::Role& r : e.roles) {
      for (const std::string& id : r.entities) {
        const GraphEntity* entity = g_.FindEntity(id);
        if (entity != nullptr && entity->type == EntityType::kPlace) places.push_back(id);
      }
    }
    std::sort(places.begin(), places.end());
    places.erase(std::unique(places.begin(), places.end()), places.end());
    EntityRefs("location", places);
    Roles(e.roles);
    Confidence(e.confidence_milli);
    MemberIfSet("cameo", e.cameo);
    Count("mentionCount", e.mentions.size());
    Key("sources");
    w_->StartArray();
    for (const graph::EventMention& m : e.mentions) Mention(m);
    w_->EndArray();
    w_->EndObject();
  }

  void Mention(const graph::EventMention& m) {
    w_->StartObject();
    Member("@type", "EventMention");
    Member("identifier", m.event_id);
    Member("article", graph::ArticleIri(m.article));
    Member("status", EventStatusName(m.status));
    MemberIfSet("date", m.date);
    Roles(m.roles);
    Span("trigger", m.trigger);
    Span("sentence", m.sentence);
    if (!m.evidence.empty()) {
      Key("evidence");
      w_->StartArray();
      for (const graph::MentionEvidence& ev : m.evidence) {
        w_->StartObject();
        Span("trigger", ev.trigger);
        Span("sentence", ev.sentence);
        w_->EndObject();
      }
      w_->EndArray();
    }
    Confidence(m.confidence_milli);
    MemberIfSet("cameo", m.cameo);
    MemberIfSet("rule", m.rule);
    w_->EndObject();
  }

  W* w_;
  const KnowledgeGraph& g_;
};

template <typename W>
void Emit(W* w, const KnowledgeGraph& g, bool timeline, const Document* failed, const Status* error) {
  w->SetMaxDecimalPlaces(3);
  Emitter<W>(w, g).WriteAll(timeline, failed, error);
}

}  // namespace

void WriteGraphJsonLd(const KnowledgeGraph& graph, const JsonLdStyle& style, std::string* out) {
  rapidjson::StringBuffer buffer;
  if (style.pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    Emit(&w, graph, style.timeline, nullptr, nullptr);
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
    Emit(&w, graph, style.timeline, nullptr, nullptr);
  }
  out->append(buffer.GetString(), buffer.GetSize());
  out->push_back('\n');
}

void JsonLdWriter::WriteDocument(const Document& doc, std::string* out) const {
  graph::GraphBuilder builder;
  builder.AddDocument(doc);
  WriteGraphJsonLd(builder.Build(), JsonLdStyle{false, false}, out);
}

void JsonLdWriter::WriteError(const Document& doc, const Status& error, std::string* out) const {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  KnowledgeGraph empty;
  Emit(&w, empty, false, &doc, &error);
  out->append(buffer.GetString(), buffer.GetSize());
  out->push_back('\n');
}

}  // namespace newsgraph::write
