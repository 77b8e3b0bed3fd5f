#include "extractor/graph/jsonld_reader.h"

#include <doctest/doctest.h>

namespace newsgraph::graph {
namespace {

// Written by hand in the shape write/jsonld_writer.h produces (the round
// trip through the writer is tested in write/jsonld_writer_test.cc).
const char* const kGraph = R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [
  {"@id": "urn:newsgraph:timeline", "@type": "ItemList", "itemListElement": []},
  {"@id": "urn:newsgraph:article:a%20b", "@type": "NewsArticle", "identifier": "a b", "url": "https://x.example/1",
   "headline": "Title", "datePublished": "2024-06-19", "mentions": ["urn:newsgraph:entity:person/p", "urn:newsgraph:entity:place/q"]},
  {"@id": "urn:newsgraph:entity:person/p", "@type": "Person", "identifier": "person/p", "name": "P P",
   "alternateName": ["P"], "country": "RU"},
  {"@id": "urn:newsgraph:entity:place/q", "@type": "Place", "identifier": "place/q", "name": "Q", "subtype": "city",
   "sameAs": ["https://sws.geonames.org/1/"]},
  {"@id": "urn:newsgraph:event:a%20b%23e1", "@type": ["Event", "Visit"], "status": "planned", "date": "ignored",
   "visitor": ["urn:newsgraph:entity:person/p"],
   "sources": [{"@type": "EventMention", "identifier": "a b#e1", "article": "urn:newsgraph:article:a%20b",
                "status": "occurred", "date": "2024-06", "visitor": ["urn:newsgraph:entity:person/p"],
                "destination": "urn:newsgraph:entity:place/q", "ng:witness": ["urn:newsgraph:entity:person/p"],
                "trigger": {"start": 2, "end": 9, "text": "arrived"}, "sentence": {"start": 0, "end": 20, "text": "P arrived in Q today"},
                "evidence": [{"trigger": {"start": 30, "end": 35, "text": "visit"}, "sentence": {"start": 21, "end": 40, "text": "x"}}],
                "confidence": 0.8125, "cameo": "042", "rule": "r1"}]},
  {"@id": "urn:newsgraph:event:x", "@type": ["Event", "ng:Protest"],
   "sources": [{"identifier": "e2", "article": "urn:newsgraph:article:a%20b", "status": "denied",
                "trigger": {"start": 0, "end": 1, "text": "P"}, "sentence": {"start": 0, "end": 1, "text": "P"},
                "confidence": 1}]}
]}
{"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [
  {"@id": "urn:newsgraph:article:f", "@type": "NewsArticle", "identifier": "f", "error": "not JSON"}]}
)";

TEST_CASE("reads articles / entities and every mention / skips derived values") {
  GraphParts parts;
  JsonLdReadStats stats;
  Status s = ReadJsonLd(kGraph, "g.jsonld", &parts, &stats);
  REQUIRE_MESSAGE(s.ok(), s.message());
  CHECK(stats.graphs == 2);
  CHECK(stats.failed_articles == 1);
  REQUIRE(parts.articles.size() == 1);
  CHECK(parts.articles[0] == Article{"a b", "https://x.example/1", "Title", "2024-06-19", {"person/p", "place/q"}});
  REQUIRE(parts.entities.size() == 2);
  CHECK(parts.entities[0] == GraphEntity{"person/p", EntityType::kPerson, "", "P P", "RU", {}, {"P"}});
  CHECK(parts.entities[1] ==
        GraphEntity{"place/q", EntityType::kPlace, "city", "Q", "", {"https://sws.geonames.org/1/"}, {}});
  REQUIRE(parts.mentions.size() == 2);
  const EventMention& m = parts.mentions[0];
  CHECK(m.article == "a b");
  CHECK(m.event_id == "a b#e1");
  CHECK(m.Key() == "a b#e1");
  CHECK(m.type == "Visit");
  CHECK(m.status == EventStatus::kOccurred);
  CHECK(m.date == "2024-06");
  REQUIRE(m.roles.size() == 3);
  CHECK(m.roles[0] == Role{"destination", {"place/q"}});
  CHECK(m.roles[1] == Role{"visitor", {"person/p"}});
  CHECK(m.roles[2] == Role{"witness", {"person/p"}});
  CHECK(m.trigger == TextSpan{2, 9, "arrived"});
  CHECK(m.sentence == TextSpan{0, 20, "P arrived in Q today"});
  REQUIRE(m.evidence.size() == 1);
  CHECK(m.evidence[0].trigger == TextSpan{30, 35, "visit"});
  CHECK(m.confidence_milli == 813);
  CHECK(m.cameo == "042");
  CHECK(m.rule == "r1");
  CHECK(parts.mentions[1].type == "Protest");
  CHECK(parts.mentions[1].Key() == "a b#e2");
  CHECK(parts.mentions[1].status == EventStatus::kDenied);
  CHECK(parts.mentions[1].confidence_milli == 1000);
  CHECK(parts.mention_event == std::vector<size_t>{0, 1});
}

TEST_CASE("errors name the input and what is wrong") {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "g: empty: no JSON-LD document"},
      {"  \n", "g: empty: no JSON-LD document"},
      {"{\"@context\": {\"ng\": \"urn:newsgraph:vocab:\"}, \"@graph\": []}\n{\"x\": ",
       "g:2: not JSON: Invalid value."},
      {"[1]", "g: a JSON-LD document must be an object"},
      {R"({"@context": "https://schema.org/", "@graph": []})",
       "g: not a newsgraph graph: its @context does not map \"ng\" to \"urn:newsgraph:vocab:\""},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}})", "g: no \"@graph\" array"},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "n1"}]})", "g: n1: missing \"@type\""},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "n1", "@type": "Thing"}]})",
       "g: n1: unexpected @type 'Thing'"},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "n1", "@type": "Person"}]})",
       "g: n1: missing \"identifier\""},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "e", "@type": ["Event", "Visit"]}]})",
       "g: e: an event needs a non-empty \"sources\" array"},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "e", "@type": ["Event", "Visit"],
          "sources": [{"identifier": "x", "article": "urn:newsgraph:article:a", "status": "happened"}]}]})",
       "g: x: unknown status 'happened'"},
      {R"({"@context": {"ng": "urn:newsgraph:vocab:"}, "@graph": [{"@id": "e", "@type": ["Event", "Visit"],
          "sources": [{"identifier": "x", "article": "urn:newsgraph:article:a", "status": "occurred",
          "confidence": 1, "trigger": {"start": 0, "end": 1, "text": "a"}, "sentence": {"start": 0, "end": 1, "text": "a"},
          "visitor": ["person/p"]}]}]})",
       "g: 'person/p' is not an entity IRI"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    GraphParts parts;
    JsonLdReadStats stats;
    Status s = ReadJsonLd(c.text, "g", &parts, &stats);
    CHECK(s.code() == StatusCode::kDataError);
    CHECK(s.message() == c.message);
  }
}

}  // namespace
}  // namespace newsgraph::graph
