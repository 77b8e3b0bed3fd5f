#include "extractor/graph/jsonld_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>

#include "extractor/graph/vocabulary.h"

namespace newsgraph::graph {
namespace {

using Value = rapidjson::Value;

class NodeReader {
 public:
  NodeReader(std::string_view name, GraphParts* parts, JsonLdReadStats* stats, size_t first_event)
      : name_(name), parts_(parts), stats_(stats), events_(first_event) {}

  Status ReadDocument(const Value& doc) {
    if (!doc.IsObject()) return Error("a JSON-LD document must be an object");
    auto context = doc.FindMember("@context");
    if (context == doc.MemberEnd() || !context->value.IsObject() || !context->value.HasMember("ng") ||
        !context->value["ng"].IsString() || Str(context->value["ng"]) != kVocabularyIri) {
      return Error("not a newsgraph graph: its @context does not map \"ng\" to \"" + std::string(kVocabularyIri) +
                   "\"");
    }
    auto graph = doc.FindMember("@graph");
    if (graph == doc.MemberEnd() || !graph->value.IsArray()) return Error("no \"@graph\" array");
    for (const Value& node : graph->value.GetArray()) RETURN_IF_ERROR(ReadNode(node));
    ++stats_->graphs;
    return Status::Ok();
  }

 private:
  static std::string_view Str(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

  Status Error(const std::string& what) const { return DataError(std::string(name_) + ": " + what); }

  // A string member; `required` makes its absence an error.
  Status GetString(const Value& node, const char* key, bool required, std::string* out) const {
    auto it = node.FindMember(key);
    if (it == node.MemberEnd()) {
      return required ? Error(Where(node) + "missing \"" + key + "\"") : Status::Ok();
    }
    if (!it->value.IsString()) return Error(Where(node) + "\"" + key + "\" must be a string");
    *out = std::string(Str(it->value));
    return Status::Ok();
  }

  // A string or an array of strings.
  Status GetStrings(const Value& node, const Value& v, std::string_view key, std::vector<std::string>* out) const {
    if (v.IsString()) {
      out->emplace_back(Str(v));
      return Status::Ok();
    }
    if (!v.IsArray()) return Error(Where(node) + "\"" + std::string(key) + "\" must be a string or an array");
    for (const Value& item : v.GetArray()) {
      if (!item.IsString()) return Error(Where(node) + "\"" + std::string(key) + "\" must hold strings");
      out->emplace_back(Str(item));
    }
    return Status::Ok();
  }

  Status EntityIds(const Value& node, const Value& v, std::string_view key, std::vector<std::string>* ids) const {
    std::vector<std::string> iris;
    RETURN_IF_ERROR(GetStrings(node, v, key, &iris));
    for (const std::string& iri : iris) {
      std::string id;
      if (!DecodeIri(iri, kEntityIriPrefix, &id)) return Error(Where(node) + "'" + iri + "' is not an entity IRI");
      ids->push_back(std::move(id));
    }
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
    return Status::Ok();
  }

  static std::string Where(const Value& node) {
    if (node.IsObject()) {
      auto id = node.FindMember("@id");
      if (id != node.MemberEnd() && id->value.IsString()) return std::string(Str(id->value)) + ": ";
    }
    return "";
  }

  Status ReadNode(const Value& node) {
    if (!node.IsObject()) return Error("every @graph entry must be an object");
    auto type = node.FindMember("@type");
    if (type == node.MemberEnd()) return Error(Where(node) + "missing \"@type\"");
    std::vector<std::string> types;
    RETURN_IF_ERROR(GetStrings(node, type->value, "@type", &types));
    if (std::find(types.begin(), types.end(), "Event") != types.end()) return ReadEvent(node, types);
    if (types.size() != 1) return Error(Where(node) + "unexpected @type");
    const std::string& t = types[0];
    if (t == "NewsArticle") return ReadArticle(node);
    if (t == "Person" || t == "Place" || t == "Organization") return ReadEntity(node, t);
    if (t == "ItemList") return Status::Ok();  // derived: rebuilt from the events
    return Error(Where(node) + "unexpected @type '" + t + "'");
  }

  Status ReadArticle(const Value& node) {
    if (node.HasMember("error")) {
      ++stats_->failed_articles;
      return Status::Ok();
    }
    Article a;
    RETURN_IF_ERROR(GetString(node, "identifier", true, &a.id));
    RETURN_IF_ERROR(GetString(node, "url", false, &a.url));
    RETURN_IF_ERROR(GetString(node, "headline", false, &a.title));
    RETURN_IF_ERROR(GetString(node, "datePublished", false, &a.published));
    if (auto it = node.FindMember("mentions"); it != node.MemberEnd()) {
      RETURN_IF_ERROR(EntityIds(node, it->value, "mentions", &a.entities));
    }
    parts_->articles.push_back(std::move(a));
    return Status::Ok();
  }

  Status ReadEntity(const Value& node, const std::string& type) {
    GraphEntity e;
    e.type = type == "Person" ? EntityType::kPerson : type == "Place" ? EntityType::kPlace : EntityType::kOrganization;
    RETURN_IF_ERROR(GetString(node, "identifier", true, &e.id));
    RETURN_IF_ERROR(GetString(node, "name", false, &e.name));
    RETURN_IF_ERROR(GetString(node, "subtype", false, &e.subtype));
    RETURN_IF_ERROR(GetString(node, "country", false, &e.country));
    if (auto it = node.FindMember("alternateName"); it != node.MemberEnd()) {
      RETURN_IF_ERROR(GetStrings(node, it->value, "alternateName", &e.aliases));
    }
    if (auto it = node.FindMember("sameAs"); it != node.MemberEnd()) {
      RETURN_IF_ERROR(GetStrings(node, it->value, "sameAs", &e.same_as));
    }
    for (auto* v : {&e.aliases, &e.same_as}) {
      std::sort(v->begin(), v->end());
      v->erase(std::unique(v->begin(), v->end()), v->end());
    }
    parts_->entities.push_back(std::move(e));
    return Status::Ok();
  }

  Status ReadEvent(const Value& node, const std::vector<std::string>& types) {
    std::string type;
    for (const std::string& t : types) {
      if (t != "Event") type = t.rfind("ng:", 0) == 0 ? t.substr(3) : t;
    }
    if (type.empty()) return Error(Where(node) + "an event needs its type beside \"Event\" in @type");
    auto sources = node.FindMember("sources");
    if (sources == node.MemberEnd() || !sources->value.IsArray() || sources->value.Empty()) {
      return Error(Where(node) + "an event needs a non-empty \"sources\" array");
    }
    for (const Value& m : sources->value.GetArray()) {
      RETURN_IF_ERROR(ReadMention(m, type));
      parts_->mention_event.push_back(events_);
    }
    ++events_;
    return Status::Ok();
  }

  Status ReadSpan(const Value& node, const Value& v, TextSpan* span) const {
    if (!v.IsObject() || !v.HasMember("start") || !v["start"].IsUint() || !v.HasMember("end") ||
        !v["end"].IsUint() || !v.HasMember("text") || !v["text"].IsString()) {
      return Error(Where(node) + "a span needs \"start\", \"end\" and \"text\"");
    }
    span->start = v["start"].GetUint();
    span->end = v["end"].GetUint();
    span->text = std::string(Str(v["text"]));
    return Status::Ok();
  }

  Status ReadMention(const Value& node, const std::string& type) {
    if (!node.IsObject()) return Error("every source of an event must be an object");
    EventMention m;
    m.type = type;
    RETURN_IF_ERROR(GetString(node, "identifier", true, &m.event_id));
    std::string article_iri;
    RETURN_IF_ERROR(GetString(node, "article", true, &article_iri));
    if (!DecodeIri(article_iri, kArticleIriPrefix, &m.article)) {
      return Error("'" + article_iri + "' is not an article IRI");
    }
    std::string status;
    RETURN_IF_ERROR(GetString(node, "status", true, &status));
    bool known = false;
    for (int s = 0; s <= static_cast<int>(EventStatus::kUncertain); ++s) {
      if (EventStatusName(static_cast<EventStatus>(s)) == status) {
        m.status = static_cast<EventStatus>(s);
        known = true;
      }
    }
    if (!known) return Error(m.event_id + ": unknown status '" + status + "'");
    RETURN_IF_ERROR(GetString(node, "date", false, &m.date));
    RETURN_IF_ERROR(GetString(node, "cameo", false, &m.cameo));
    RETURN_IF_ERROR(GetString(node, "rule", false, &m.rule));
    auto confidence = node.FindMember("confidence");
    if (confidence == node.MemberEnd() || !confidence->value.IsNumber()) {
      return Error(m.event_id + ": missing numeric \"confidence\"");
    }
    double c = std::clamp(confidence->value.GetDouble(), 0.0, 1.0);
    m.confidence_milli = static_cast<int>(std::lround(c * 1000.0));
    if (!node.HasMember("trigger") || !node.HasMember("sentence")) {
      return Error(m.event_id + ": missing \"trigger\" or \"sentence\"");
    }
    RETURN_IF_ERROR(ReadSpan(node, node["trigger"], &m.trigger));
    RETURN_IF_ERROR(ReadSpan(node, node["sentence"], &m.sentence));
    if (auto it = node.FindMember("evidence"); it != node.MemberEnd()) {
      if (!it->value.IsArray()) return Error(m.event_id + ": \"evidence\" must be an array");
      for (const Value& ev : it->value.GetArray()) {
        if (!ev.IsObject() || !ev.HasMember("trigger") || !ev.HasMember("sentence")) {
          return Error(m.event_id + ": evidence needs \"trigger\" and \"sentence\"");
        }
        MentionEvidence e;
        RETURN_IF_ERROR(ReadSpan(node, ev["trigger"], &e.trigger));
        RETURN_IF_ERROR(ReadSpan(node, ev["sentence"], &e.sentence));
        m.evidence.push_back(std::move(e));
      }
    }
    for (auto it = node.MemberBegin(); it != node.MemberEnd(); ++it) {
      std::string_view key = Str(it->name);
      std::string role;
      if (IsRoleTerm(key)) {
        role = std::string(key);
      } else if (key.substr(0, 3) == "ng:") {
        role = std::string(key.substr(3));
      } else {
        continue;
      }
      Role r{role, {}};
      RETURN_IF_ERROR(EntityIds(node, it->value, key, &r.entities));
      if (!r.entities.empty()) m.roles.push_back(std::move(r));
    }
    std::sort(m.roles.begin(), m.roles.end());
    parts_->mentions.push_back(std::move(m));
    return Status::Ok();
  }

  std::string_view name_;
  GraphParts* parts_;
  JsonLdReadStats* stats_;
  size_t events_ = 0;  // event nodes read so far
};

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

Status ReadJsonLd(const std::string& text, std::string_view name, GraphParts* parts, JsonLdReadStats* stats) {
  // mention_event numbers this call's events from where *parts left off.
  size_t first_event = 0;
  for (size_t e : parts->mention_event) first_event = std::max(first_event, e + 1);
  NodeReader reader(name, parts, stats, first_event);
  size_t offset = 0;
  size_t documents = 0;
  while (true) {
    while (offset < text.size() && IsSpace(text[offset])) ++offset;
    if (offset >= text.size()) break;
    rapidjson::Document doc;
    rapidjson::StringStream stream(text.c_str() + offset);
    doc.ParseStream<rapidjson::kParseStopWhenDoneFlag>(stream);
    if (doc.HasParseError()) {
      size_t at = offset + doc.GetErrorOffset();
      size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + std::min(at, text.size()), '\n'));
      return DataError(std::string(name) + ":" + std::to_string(line) + ": not JSON: " +
                       rapidjson::GetParseError_En(doc.GetParseError()));
    }
    offset += stream.Tell();
    RETURN_IF_ERROR(reader.ReadDocument(doc));
    ++documents;
  }
  if (documents == 0) return DataError(std::string(name) + ": empty: no JSON-LD document");
  return Status::Ok();
}

}  // namespace newsgraph::graph
