#include "extractor/query/report.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include "extractor/graph/test_documents.h"

namespace newsgraph::query {
namespace {

namespace t = graph::testing;

graph::KnowledgeGraph Graph() { return t::BuildGraph(t::FourArticles()); }

TEST_CASE("visits as a table / with every source sentence") {
  graph::KnowledgeGraph g = Graph();
  std::vector<VisitRow> rows = {{0, t::kPutin}, {3, t::kPutin}};
  CHECK(VisitsTable(g, rows) ==
        "DATE        VISITOR         DESTINATION             STATUS    SOURCES\n"
        "2000-07     Vladimir Putin  Pyongyang               occurred  1\n"
        "    [a, 2024-06-19] Putin last visited Pyongyang in July 2000.\n"
        "2024-06-19  Vladimir Putin  Pyongyang, North Korea  occurred  3\n"
        "    [c, 2024-06-17] Putin will visit North Korea in June, the Kremlin said.\n"
        "    [a, 2024-06-19] Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim "
        "Jong Un.\n"
        "    [b, 2024-06-20] Vladimir Putin landed in North Korea on June 19, his first trip there in 24 years.\n"
        "2 visits\n");
  CHECK(VisitsTable(g, {}) == "no visits found\n");
}

TEST_CASE("visits as JSON") {
  graph::KnowledgeGraph g = Graph();
  std::string out = VisitsJson(g, {{3, t::kPutin}});
  rapidjson::Document json;
  json.Parse(out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  const auto& v = json["visits"][0];
  CHECK(std::string(v["event"].GetString()) == "urn:newsgraph:event:a%23e1");
  CHECK(std::string(v["date"].GetString()) == "2024-06-19");
  CHECK(std::string(v["datePrecision"].GetString()) == "day");
  CHECK(std::string(v["visitor"]["name"].GetString()) == "Vladimir Putin");
  CHECK(v["destination"].Size() == 2);
  CHECK(std::string(v["host"][0]["id"].GetString()) == t::kKim);
  CHECK(v["sources"].Size() == 3);
  CHECK(std::string(v["sources"][2]["article"].GetString()) == "b");
  CHECK(std::string(v["sources"][2]["published"].GetString()) == "2024-06-20");
  CHECK(v["sources"][2]["url"].IsNull());
  CHECK(v["sources"][2]["start"].GetUint() == 0);
  CHECK(std::string(v["sources"][2]["trigger"].GetString()) == "landed");
  CHECK(VisitsJson(g, {{0, ""}}).find("\"visitor\":null") != std::string::npos);
}

TEST_CASE("an entity's timeline") {
  graph::KnowledgeGraph g = Graph();
  size_t kim = *g.EntityIndex(t::kKim);
  std::string table = EntityTimelineTable(g, kim, g.EventsOf(kim));
  CHECK(table ==
        "Kim Jong Un (person/kim-jong-un)\n"
        "DATE        EVENT    ROLE          WITH                                                          STATUS    "
        "SOURCES\n"
        "2023-09     Visit    visitor       destination: Russia                                           occurred  1\n"
        "    [b, 2024-06-20] Kim Jong Un travelled to Russia in September 2023.\n"
        "2024-06-19  Meeting  participants  participants: Vladimir Putin; place: Pyongyang                occurred  1\n"
        "    [d, 2024-06-19] Kim Jong Un met Vladimir Putin in Pyongyang on Wednesday.\n"
        "2024-06-19  Visit    host          destination: Pyongyang, North Korea; visitor: Vladimir Putin  occurred  3\n"
        "    [c, 2024-06-17] Putin will visit North Korea in June, the Kremlin said.\n"
        "    [a, 2024-06-19] Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim "
        "Jong Un.\n"
        "    [b, 2024-06-20] Vladimir Putin landed in North Korea on June 19, his first trip there in 24 years.\n"
        "3 events\n");
  std::string json = EntityTimelineJson(g, kim, g.EventsOf(kim));
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["events"].Size() == 3);
  CHECK(std::string(doc["events"][1]["roles"]["place"][0]["name"].GetString()) == "Pyongyang");
}

TEST_CASE("a path / in words and in JSON") {
  graph::KnowledgeGraph g = Graph();
  size_t russia = *g.EntityIndex(t::kRussia), pyongyang = *g.EntityIndex(t::kPyongyang);
  auto hops = g.ShortestPath(russia, pyongyang);
  REQUIRE(hops);
  CHECK(PathText(g, russia, *hops) ==
        "Russia\n"
        "  destination of Visit 2023-09 (occurred), whose visitor is\n"
        "Kim Jong Un\n"
        "  participants of Meeting 2024-06-19 (occurred), whose place is\n"
        "Pyongyang\n"
        "2 events apart\n");
  std::string json = PathJson(g, russia, pyongyang, hops);
  rapidjson::Document doc;
  doc.Parse(json.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  CHECK(doc["length"].GetUint() == 2);
  CHECK(std::string(doc["steps"][1]["entity"]["name"].GetString()) == "Pyongyang");
  CHECK(std::string(doc["steps"][0]["fromRole"].GetString()) == "destination");
  CHECK(PathJson(g, russia, pyongyang, std::nullopt) ==
        "{\"from\":{\"id\":\"place/iso-ru\",\"name\":\"Russia\"},\"to\":{\"id\":\"place/geonames-1871859\","
        "\"name\":\"Pyongyang\"},\"length\":null,\"steps\":[]}\n");
}

}  // namespace
}  // namespace newsgraph::query
