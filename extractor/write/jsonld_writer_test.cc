#include "extractor/write/jsonld_writer.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <functional>

#include "extractor/graph/graph_builder.h"
#include "extractor/graph/jsonld_reader.h"
#include "extractor/graph/test_documents.h"
#include "extractor/graph/vocabulary.h"

namespace newsgraph::write {
namespace {

using graph::GraphBuilder;
using graph::KnowledgeGraph;
using graph::testing::BuildGraph;
using graph::testing::FourArticles;
using graph::testing::TestDoc;

std::string Timeline(const KnowledgeGraph& g) {
  std::string out;
  WriteGraphJsonLd(g, JsonLdStyle{}, &out);
  return out;
}

// What `newsgraph merge` does: read every JSON-LD text, build, write
// (`query` reads with kAsRead).
std::string Merge(const std::vector<std::string>& texts,
                  graph::EventGrouping grouping = graph::EventGrouping::kMerge) {
  GraphBuilder b;
  for (const std::string& t : texts) {
    graph::GraphParts parts;
    graph::JsonLdReadStats stats;
    Status s = graph::ReadJsonLd(t, "test", &parts, &stats);
    REQUIRE_MESSAGE(s.ok(), s.message());
    b.Add(std::move(parts));
  }
  return Timeline(b.Build(grouping));
}

std::string Str(const rapidjson::Value& v) { return std::string(v.GetString(), v.GetStringLength()); }

// The five test articles: the four of test_documents.h and one whose event
// has a type and a role outside the context's terms.
std::vector<Document> FiveArticles() {
  std::vector<Document> docs = FourArticles();
  TestDoc e("e", "2024-06-21", "Protesters, led by \"Kim\", met at dawn.\nNobody came.");
  e.AddEntity(graph::testing::kKim, EntityType::kPerson, "Kim Jong Un", "Kim")
      .AddEvent("Protest", EventStatus::kUncertain, "2024-06-21TMO", "met", {{"leader", {graph::testing::kKim}}}, 0.4, "");
  docs.push_back(e.doc());
  return docs;
}

TEST_CASE("the timeline follows the vocabulary") {
  std::string out = Timeline(BuildGraph(FourArticles()));
  REQUIRE(out.back() == '\n');
  rapidjson::Document json;
  json.Parse(out.c_str());
  REQUIRE_FALSE(json.HasParseError());

  rapidjson::Document context;
  context.Parse(graph::ContextDocumentText().data(), graph::ContextDocumentText().size());
  CHECK(json["@context"] == context["@context"]);

  const auto& nodes = json["@graph"];
  REQUIRE(nodes.Size() == 1 + 4 + 5 + 4);
  const auto& list = nodes[0];
  CHECK(Str(list["@id"]) == "urn:newsgraph:timeline");
  CHECK(Str(list["@type"]) == "ItemList");
  CHECK(list["numberOfItems"].GetUint() == 4);
  CHECK(list["documentCount"].GetUint() == 4);
  CHECK(list["entityCount"].GetUint() == 5);
  CHECK(list["eventCount"].GetUint() == 4);
  CHECK(list["mentionCount"].GetUint() == 6);
  CHECK(list["mergedEventCount"].GetUint() == 1);
  CHECK(list["itemListElement"].Size() == 4);
  CHECK(list["itemListElement"][0]["position"].GetUint() == 1);
  CHECK(Str(list["itemListElement"][0]["item"]) == "urn:newsgraph:event:a%23e2");
  CHECK(Str(list["itemListElement"][3]["item"]) == "urn:newsgraph:event:a%23e1");

  const auto& article = nodes[1];
  CHECK(Str(article["@id"]) == "urn:newsgraph:article:a");
  CHECK(Str(article["@type"]) == "NewsArticle");
  CHECK(Str(article["datePublished"]) == "2024-06-19");
  CHECK(article["mentions"].Size() == 3);
  CHECK_FALSE(article.HasMember("url"));

  const auto& putin = nodes[6];
  CHECK(Str(putin["@id"]) == "urn:newsgraph:entity:person/vladimir-putin");
  CHECK(Str(putin["@type"]) == "Person");
  CHECK(Str(putin["identifier"]) == "person/vladimir-putin");
  CHECK(Str(putin["alternateName"][0]) == "Putin");
  CHECK(Str(putin["country"]) == "RU");

  const auto& old_visit = nodes[10];
  CHECK(Str(old_visit["startDate"]) == "2000-07");
  CHECK(Str(old_visit["date"]) == "2000-07");
  CHECK(Str(old_visit["datePrecision"]) == "month");
  CHECK(Str(old_visit["timelineDate"]) == "2000-07-01");

  const auto& visit = nodes[13];
  CHECK(Str(visit["@id"]) == "urn:newsgraph:event:a%23e1");
  CHECK(Str(visit["@type"][0]) == "Event");
  CHECK(Str(visit["@type"][1]) == "Visit");
  CHECK(Str(visit["status"]) == "occurred");
  CHECK(Str(visit["eventStatus"]) == "EventScheduled");
  CHECK(Str(visit["startDate"]) == "2024-06-19");
  CHECK(Str(visit["datePrecision"]) == "day");
  CHECK(visit["location"].Size() == 2);
  CHECK(Str(visit["location"][0]) == "urn:newsgraph:entity:place/geonames-1871859");
  CHECK(Str(visit["location"][1]) == "urn:newsgraph:entity:place/iso-kp");
  CHECK(Str(visit["visitor"][0]) == "urn:newsgraph:entity:person/vladimir-putin");
  CHECK(Str(visit["host"][0]) == "urn:newsgraph:entity:person/kim-jong-un");
  CHECK(visit["confidence"].GetDouble() == 0.9);
  CHECK(Str(visit["cameo"]) == "042");
  CHECK(visit["mentionCount"].GetUint() == 3);
  const auto& source = visit["sources"][0];
  CHECK(Str(source["@type"]) == "EventMention");
  CHECK(Str(source["identifier"]) == "c#e1");
  CHECK(Str(source["article"]) == "urn:newsgraph:article:c");
  CHECK(Str(source["status"]) == "planned");
  CHECK(Str(source["date"]) == "2024-06");
  CHECK(Str(source["trigger"]["text"]) == "visit");
  CHECK(source["trigger"]["start"].GetUint() == 11);
  CHECK(source["trigger"]["end"].GetUint() == 16);
  CHECK(Str(source["sentence"]["text"]) == "Putin will visit North Korea in June, the Kremlin said.");
  CHECK(source["confidence"].GetDouble() == 0.7);
  CHECK(Str(source["rule"]) == "test.Visit");
}

TEST_CASE("exact bytes of a one-event record") {
  TestDoc d("w/1", "2024-06-19", "Putin arrived.");
  d.AddEntity(graph::testing::kPutin, EntityType::kPerson, "Vladimir Putin", "Putin", "", "RU")
      .AddEvent("Visit", EventStatus::kCancelled, "2024-06-19", "arrived", {{"visitor", {graph::testing::kPutin}}}, 0.25);
  std::string out;
  JsonLdWriter(WriteOptions{}).WriteDocument(d.doc(), &out);
  const std::string graph_part = out.substr(out.find(",\"@graph\":"));
  CHECK(graph_part ==
        ",\"@graph\":["
        "{\"@id\":\"urn:newsgraph:article:w/1\",\"@type\":\"NewsArticle\",\"identifier\":\"w/1\","
        "\"datePublished\":\"2024-06-19\",\"mentions\":[\"urn:newsgraph:entity:person/vladimir-putin\"]},"
        "{\"@id\":\"urn:newsgraph:entity:person/vladimir-putin\",\"@type\":\"Person\","
        "\"identifier\":\"person/vladimir-putin\",\"name\":\"Vladimir Putin\",\"alternateName\":[\"Putin\"],"
        "\"country\":\"RU\"},"
        "{\"@id\":\"urn:newsgraph:event:w/1%23e1\",\"@type\":[\"Event\",\"Visit\"],\"status\":\"cancelled\","
        "\"eventStatus\":\"EventCancelled\",\"startDate\":\"2024-06-19\",\"date\":\"2024-06-19\","
        "\"datePrecision\":\"day\",\"timelineDate\":\"2024-06-19\","
        "\"visitor\":[\"urn:newsgraph:entity:person/vladimir-putin\"],\"confidence\":0.25,\"cameo\":\"042\","
        "\"mentionCount\":1,\"sources\":[{\"@type\":\"EventMention\",\"identifier\":\"w/1#e1\","
        "\"article\":\"urn:newsgraph:article:w/1\",\"status\":\"cancelled\",\"date\":\"2024-06-19\","
        "\"visitor\":[\"urn:newsgraph:entity:person/vladimir-putin\"],"
        "\"trigger\":{\"start\":6,\"end\":13,\"text\":\"arrived\"},"
        "\"sentence\":{\"start\":0,\"end\":14,\"text\":\"Putin arrived.\"},"
        "\"confidence\":0.25,\"cameo\":\"042\",\"rule\":\"test.Visit\"}]}]}\n");
  CHECK(out.rfind("{\"@context\":{\"@version\":1.1,\"schema\":\"https://schema.org/\",", 0) == 0);
  CHECK(std::count(out.begin(), out.end(), '\n') == 1);
}

TEST_CASE("types and roles outside the context are compact IRIs in ng:") {
  std::string out = Timeline(BuildGraph(FiveArticles()));
  CHECK(out.find("\"ng:Protest\"") != std::string::npos);
  CHECK(out.find("\"ng:leader\": [") != std::string::npos);
  CHECK(out.find("\"startDate\": \"2024-06-21\"") != std::string::npos);  // the day of "2024-06-21TMO"
  CHECK(out.find("\"date\": \"2024-06-21TMO\"") != std::string::npos);
}

TEST_CASE("a failed document is an article with an error") {
  Document doc;
  doc.id = "bad.ndjson:3";
  std::string out;
  JsonLdWriter(WriteOptions{}).WriteError(doc, InvalidArgument("line 3: not JSON"), &out);
  CHECK(out.substr(out.find(",\"@graph\":")) ==
        ",\"@graph\":[{\"@id\":\"urn:newsgraph:article:bad.ndjson:3\",\"@type\":\"NewsArticle\","
        "\"identifier\":\"bad.ndjson:3\",\"error\":\"line 3: not JSON\"}]}\n");
}

TEST_CASE("reading a timeline back and writing it again gives the same bytes") {
  const std::string whole = Timeline(BuildGraph(FiveArticles()));
  CHECK(Merge({whole}) == whole);
  CHECK(Merge({whole, whole}) == whole);  // idempotent
  CHECK(Merge({whole}, graph::EventGrouping::kAsRead) == whole);
}

// Every way to split the five articles into parts (the 52 set partitions),
// each part's timeline written and read back: merged in any order, the
// parts give the bytes of the timeline of the whole.
TEST_CASE("merge is associative and commutative: any split merges to the whole") {
  const std::vector<Document> docs = FiveArticles();
  const std::string whole = Timeline(BuildGraph(docs));
  size_t partitions = 0;
  std::vector<int> block(docs.size(), 0);
  std::function<void(size_t, int)> visit = [&](size_t i, int blocks) {
    if (i == docs.size()) {
      std::vector<std::string> parts;
      for (int b = 0; b < blocks; ++b) {
        std::vector<Document> part;
        for (size_t k = 0; k < docs.size(); ++k) {
          if (block[k] == b) part.push_back(docs[k]);
        }
        parts.push_back(Timeline(BuildGraph(part)));
      }
      CHECK(Merge(parts) == whole);
      std::reverse(parts.begin(), parts.end());
      CHECK(Merge(parts) == whole);
      if (parts.size() >= 3) {  // (p0 + p1) + rest == p0 + (p1 + rest)
        std::vector<std::string> rest(parts.begin() + 2, parts.end());
        std::vector<std::string> left = {Merge({parts[0], parts[1]})};
        left.insert(left.end(), rest.begin(), rest.end());
        std::vector<std::string> inner = {parts[1]};
        inner.insert(inner.end(), rest.begin(), rest.end());
        CHECK(Merge(left) == Merge({parts[0], Merge(inner)}));
        CHECK(Merge(left) == whole);
      }
      ++partitions;
      return;
    }
    for (int b = 0; b <= blocks; ++b) {
      block[i] = b;
      visit(i + 1, std::max(blocks, b + 1));
    }
  };
  visit(0, 0);
  CHECK(partitions == 52);
}

TEST_CASE("extract --format jsonld records merge into the timeline") {
  const std::vector<Document> docs = FiveArticles();
  JsonLdWriter writer{WriteOptions{}};
  std::string lines;
  for (const Document& d : docs) writer.WriteDocument(d, &lines);
  Document failed;
  failed.id = "broken";
  writer.WriteError(failed, IoError("unreadable"), &lines);
  CHECK(std::count(lines.begin(), lines.end(), '\n') == 6);
  CHECK(Merge({lines}) == Timeline(BuildGraph(docs)));
}

}  // namespace
}  // namespace newsgraph::write
