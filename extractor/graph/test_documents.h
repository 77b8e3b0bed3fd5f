// Hand-built Documents for the graph, write and query unit tests: entities
// and events are marked by the text they cover, so that every offset is
// computed from the text and checked against it. Test-only; header-only.
//
//   TestDoc d("a", "2024-06-19", "Putin arrived in Pyongyang on Wednesday.");
//   d.AddEntity("person/vladimir-putin", EntityType::kPerson, "Vladimir Putin", "Putin");
//   d.AddEvent("Visit", EventStatus::kOccurred, "2024-06-19", "arrived",
//              {{"visitor", {"person/vladimir-putin"}}});
#ifndef NEWSGRAPH_GRAPH_TEST_DOCUMENTS_H_
#define NEWSGRAPH_GRAPH_TEST_DOCUMENTS_H_

#include <cassert>
#include <string>
#include <utility>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/graph/graph_builder.h"

namespace newsgraph::graph::testing {

class TestDoc {
 public:
  TestDoc(std::string id, std::string published, std::string text) {
    doc_.id = std::move(id);
    doc_.published = std::move(published);
    doc_.text = std::move(text);
    doc_.layers = kLayerText | kLayerTokens | kLayerEntities | kLayerTimexes | kLayerEvents;
  }

  // Adds a mention of entity `id` at the `nth` occurrence (from 0) of
  // `surface`, creating the entity on its first mention.
  TestDoc& AddEntity(const std::string& id, EntityType type, const std::string& name, const std::string& surface,
                     const std::string& subtype = "", const std::string& country = "", int nth = 0,
                     MentionKind kind = MentionKind::kName) {
    Span span = Find(surface, nth);
    for (Entity& e : doc_.entities) {
      if (e.id == id) {
        e.mentions.push_back(Mention{span, 0, kind});
        return *this;
      }
    }
    Entity e;
    e.id = id;
    e.type = type;
    e.subtype = subtype;
    e.name = name;
    e.country = country;
    e.mentions.push_back(Mention{span, 0, kind});
    doc_.entities.push_back(std::move(e));
    return *this;
  }

  // Adds an event triggered by the `nth` occurrence of `trigger`; its
  // sentence runs from after the previous ". " (or the start) to the next
  // "." included. Roles name entity ids added before.
  TestDoc& AddEvent(const std::string& type, EventStatus status, const std::string& date, const std::string& trigger,
                    const std::vector<std::pair<std::string, std::vector<std::string>>>& roles,
                    double confidence = 0.9, const std::string& cameo = "042", int nth = 0) {
    Event e;
    e.id = doc_.id + "#e" + std::to_string(doc_.events.size() + 1);
    e.type = type;
    e.status = status;
    e.date = date;
    e.trigger = Find(trigger, nth);
    size_t start = doc_.text.rfind(". ", e.trigger.begin);
    start = start == std::string::npos ? 0 : start + 2;
    size_t end = doc_.text.find('.', e.trigger.end);
    end = end == std::string::npos ? doc_.text.size() : end + 1;
    e.sentence = Span{static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    for (const auto& [name, ids] : roles) {
      EventRole role{name, {}};
      for (const std::string& id : ids) role.entities.push_back(Index(id));
      e.roles.push_back(std::move(role));
    }
    e.confidence = confidence;
    e.cameo = cameo;
    e.rule = "test." + type;
    doc_.events.push_back(std::move(e));
    return *this;
  }

  const Document& doc() const { return doc_; }
  Document& mutable_doc() { return doc_; }

 private:
  Span Find(const std::string& surface, int nth) const {
    size_t at = doc_.text.find(surface);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = doc_.text.find(surface, at + 1);
    assert(at != std::string::npos && "surface not in the text");
    return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + surface.size())};
  }

  uint32_t Index(const std::string& id) const {
    for (size_t i = 0; i < doc_.entities.size(); ++i) {
      if (doc_.entities[i].id == id) return static_cast<uint32_t>(i);
    }
    assert(false && "role names an entity that was not added");
    return 0;
  }

  Document doc_;
};

inline constexpr const char* kPutin = "person/vladimir-putin";
inline constexpr const char* kKim = "person/kim-jong-un";
inline constexpr const char* kPyongyang = "place/geonames-1871859";
inline constexpr const char* kNorthKorea = "place/iso-kp";
inline constexpr const char* kRussia = "place/iso-ru";

// Four short articles written for these tests:
//   a (2024-06-19): Putin arrives in Pyongyang (Visit, 2024-06-19, host Kim);
//                   Putin last visited Pyongyang in July 2000 (Visit, 2000-07).
//   b (2024-06-20): Putin landed in North Korea on June 19 (Visit, 2024-06-19);
//                   Kim travelled to Russia in September 2023 (Visit, 2023-09).
//   c (2024-06-17): Putin will visit North Korea in June (Visit, planned, 2024-06).
//   d (2024-06-19): Kim met Putin in Pyongyang on Wednesday (Meeting, 2024-06-19).
// a#e1, b#e1 and c#e1 are one happening; everything else stands alone.
inline std::vector<Document> FourArticles() {
  std::vector<Document> docs;
  {
    TestDoc d("a", "2024-06-19",
              "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un. "
              "Putin last visited Pyongyang in July 2000.");
    d.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Vladimir Putin", "", "RU")
        .AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin", "", "RU", 1, MentionKind::kPartialName)
        .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
        .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP", 1)
        .AddEntity(kKim, EntityType::kPerson, "Kim Jong Un", "Kim Jong Un", "", "KP")
        .AddEvent("Visit", EventStatus::kOccurred, "2024-06-19", "arrived",
                  {{"visitor", {kPutin}}, {"destination", {kPyongyang}}, {"host", {kKim}}}, 0.9)
        .AddEvent("Visit", EventStatus::kOccurred, "2000-07", "visited",
                  {{"visitor", {kPutin}}, {"destination", {kPyongyang}}}, 0.8);
    docs.push_back(d.doc());
  }
  {
    TestDoc d("b", "2024-06-20",
              "Vladimir Putin landed in North Korea on June 19, his first trip there in 24 years. "
              "Kim Jong Un travelled to Russia in September 2023.");
    d.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Vladimir Putin", "", "RU")
        .AddEntity(kNorthKorea, EntityType::kPlace, "North Korea", "North Korea", "country", "KP")
        .AddEntity(kKim, EntityType::kPerson, "Kim Jong Un", "Kim Jong Un", "", "KP")
        .AddEntity(kRussia, EntityType::kPlace, "Russia", "Russia", "country", "RU")
        .AddEvent("Visit", EventStatus::kOccurred, "2024-06-19", "landed",
                  {{"visitor", {kPutin}}, {"destination", {kNorthKorea}}}, 0.85)
        .AddEvent("Visit", EventStatus::kOccurred, "2023-09", "travelled",
                  {{"visitor", {kKim}}, {"destination", {kRussia}}}, 0.8, "042");
    docs.push_back(d.doc());
  }
  {
    TestDoc d("c", "2024-06-17", "Putin will visit North Korea in June, the Kremlin said.");
    d.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin", "", "RU", 0, MentionKind::kPartialName)
        .AddEntity(kNorthKorea, EntityType::kPlace, "North Korea", "North Korea", "country", "KP")
        .AddEvent("Visit", EventStatus::kPlanned, "2024-06", "visit",
                  {{"visitor", {kPutin}}, {"destination", {kNorthKorea}}}, 0.7, "036");
    docs.push_back(d.doc());
  }
  {
    TestDoc d("d", "2024-06-19", "Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday.");
    d.AddEntity(kKim, EntityType::kPerson, "Kim Jong Un", "Kim Jong Un", "", "KP")
        .AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Vladimir Putin", "", "RU")
        .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
        .AddEvent("Meeting", EventStatus::kOccurred, "2024-06-19", "met",
                  {{"participants", {kKim, kPutin}}, {"place", {kPyongyang}}}, 0.9, "036");
    docs.push_back(d.doc());
  }
  return docs;
}

// The graph of `docs`.
inline KnowledgeGraph BuildGraph(const std::vector<Document>& docs) {
  GraphBuilder builder;
  for (const Document& d : docs) builder.AddDocument(d);
  return builder.Build();
}

}  // namespace newsgraph::graph::testing

#endif  // NEWSGRAPH_GRAPH_TEST_DOCUMENTS_H_
