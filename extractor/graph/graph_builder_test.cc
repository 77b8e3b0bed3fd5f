#include "extractor/graph/graph_builder.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "extractor/graph/test_documents.h"

namespace newsgraph::graph {
namespace {

using testing::BuildGraph;
using testing::FourArticles;
using testing::kKim;
using testing::kNorthKorea;
using testing::kPutin;
using testing::kPyongyang;
using testing::kRussia;
using testing::TestDoc;

std::vector<std::string> Ids(const Role* role) { return role == nullptr ? std::vector<std::string>{} : role->entities; }

TEST_CASE("a document becomes an article / entities and one mention per event") {
  GraphParts parts = PartsFromDocument(FourArticles()[0]);
  REQUIRE(parts.articles.size() == 1);
  CHECK(parts.articles[0].id == "a");
  CHECK(parts.articles[0].published == "2024-06-19");
  CHECK(parts.articles[0].entities == std::vector<std::string>{kKim, kPutin, kPyongyang});
  REQUIRE(parts.entities.size() == 3);
  CHECK(parts.entities[0].id == kPutin);
  CHECK(parts.entities[0].aliases == std::vector<std::string>{"Putin", "Vladimir Putin"});
  REQUIRE(parts.mentions.size() == 2);
  const EventMention& m = parts.mentions[0];
  CHECK(m.Key() == "a#e1");
  CHECK(m.type == "Visit");
  CHECK(m.date == "2024-06-19");
  CHECK(m.trigger == TextSpan{33, 40, "arrived"});
  CHECK(m.sentence.start == 0);
  CHECK(m.sentence.end == 94);
  CHECK(m.sentence.text ==
        "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with Kim Jong Un.");
  CHECK(m.confidence_milli == 900);
  REQUIRE(m.roles.size() == 3);
  CHECK(m.roles[0].name == "destination");
  CHECK(m.roles[1].name == "host");
  CHECK(m.roles[2].name == "visitor");
  CHECK(parts.mentions[1].sentence == TextSpan{95, 137, "Putin last visited Pyongyang in July 2000."});
}

TEST_CASE("events without ids / empty roles and spans past the end") {
  TestDoc d("x", "", "Putin arrived.");
  d.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEvent("Visit", EventStatus::kOccurred, "", "arrived", {{"visitor", {kPutin}}, {"host", {}}});
  Document doc = d.doc();
  doc.events[0].id.clear();
  doc.events[0].roles.push_back(EventRole{"visitor", {0, 7}});  // a second "visitor" role, one bad index
  doc.events[0].sentence = Span{6, 400};
  doc.events[0].confidence = 1.7;
  GraphParts parts = PartsFromDocument(doc);
  REQUIRE(parts.mentions.size() == 1);
  const EventMention& m = parts.mentions[0];
  CHECK(m.event_id == "x#e1");
  REQUIRE(m.roles.size() == 1);
  CHECK(m.roles[0] == Role{"visitor", {kPutin}});
  CHECK(m.sentence == TextSpan{6, 400, "arrived."});
  CHECK(m.confidence_milli == 1000);
}

TEST_CASE("four articles: one visit told three ways is merged / the rest stand alone") {
  GraphBuilder builder;
  for (const Document& d : FourArticles()) builder.AddDocument(d);
  KnowledgeGraph g = builder.Build();

  REQUIRE(g.articles().size() == 4);
  CHECK(g.articles()[2].id == "c");
  REQUIRE(g.entities().size() == 5);
  CHECK(g.entities()[0].id == kKim);
  CHECK(g.entities()[1].id == kPutin);
  CHECK(g.entities()[1].aliases == std::vector<std::string>{"Putin"});
  CHECK(g.entities()[2].id == kPyongyang);
  CHECK(g.entities()[2].aliases.empty());

  REQUIRE(g.events().size() == 4);
  CHECK(g.mention_count() == 6);
  CHECK(g.merged_event_count() == 1);

  const GraphEvent& e2000 = g.events()[0];
  CHECK(e2000.id == "urn:newsgraph:event:a%23e2");
  CHECK(e2000.date == "2000-07");
  CHECK(e2000.range.precision == DatePrecision::kMonth);
  CHECK(e2000.confidence_milli == 800);

  CHECK(g.events()[1].id == "urn:newsgraph:event:b%23e2");
  CHECK(g.events()[1].date == "2023-09");
  CHECK(Ids(g.events()[1].FindRole("visitor")) == std::vector<std::string>{kKim});

  CHECK(g.events()[2].type == "Meeting");  // same day as the visit: Meeting sorts before Visit

  const GraphEvent& visit = g.events()[3];
  CHECK(visit.id == "urn:newsgraph:event:a%23e1");
  CHECK(visit.type == "Visit");
  CHECK(visit.date == "2024-06-19");  // the most precise of 2024-06-19, 2024-06-19 and 2024-06
  CHECK(visit.status == EventStatus::kOccurred);  // b, the latest report, says so; c said planned
  CHECK(visit.cameo == "042");
  CHECK(visit.confidence_milli == 900);
  CHECK(Ids(visit.FindRole("destination")) == std::vector<std::string>{kPyongyang, kNorthKorea});
  CHECK(Ids(visit.FindRole("host")) == std::vector<std::string>{kKim});
  CHECK(Ids(visit.FindRole("visitor")) == std::vector<std::string>{kPutin});
  REQUIRE(visit.mentions.size() == 3);
  CHECK(visit.mentions[0].Key() == "c#e1");  // by publication date
  CHECK(visit.mentions[0].status == EventStatus::kPlanned);
  CHECK(visit.mentions[1].Key() == "a#e1");
  CHECK(visit.mentions[2].Key() == "b#e1");
  CHECK(visit.mentions[2].sentence.text == "Vladimir Putin landed in North Korea on June 19, his first trip there in 24 years.");
}

TEST_CASE("the latest report decides the status / same day: the stronger status") {
  TestDoc early("p", "2024-06-10", "Putin will visit Pyongyang next week.");
  early.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
      .AddEvent("Visit", EventStatus::kPlanned, "2024-W25", "visit", {{"visitor", {kPutin}}, {"destination", {kPyongyang}}},
                0.6, "036");
  TestDoc late("q", "2024-06-21", "Putin cancelled his trip to Pyongyang.");
  late.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
      .AddEvent("Visit", EventStatus::kCancelled, "2024-06", "cancelled",
                {{"visitor", {kPutin}}, {"destination", {kPyongyang}}}, 0.7, "");
  GraphBuilder builder;
  builder.AddDocument(early.doc());
  builder.AddDocument(late.doc());
  KnowledgeGraph g = builder.Build();
  REQUIRE(g.events().size() == 1);
  CHECK(g.events()[0].status == EventStatus::kCancelled);
  CHECK(g.events()[0].cameo.empty());
  CHECK(g.events()[0].date == "2024-W25");  // a week is more precise than a month
  CHECK(g.events()[0].id == "urn:newsgraph:event:p%23e1");

  TestDoc same_day("r", "2024-06-10", "Putin arrived in Pyongyang.");
  same_day.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
      .AddEvent("Visit", EventStatus::kOccurred, "2024-06-18", "arrived",
                {{"visitor", {kPutin}}, {"destination", {kPyongyang}}}, 0.5);
  GraphBuilder b2;
  b2.AddDocument(same_day.doc());
  b2.AddDocument(early.doc());
  KnowledgeGraph g2 = b2.Build();
  REQUIRE(g2.events().size() == 1);
  CHECK(g2.events()[0].status == EventStatus::kOccurred);
  CHECK(g2.events()[0].date == "2024-06-18");
}

TEST_CASE("undated events come last / a coarse date comes before the days it holds") {
  TestDoc d("u", "2024-06-19",
            "Putin visited Russia. Putin visited Pyongyang in 2024. Putin visited North Korea on June 1.");
  d.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity(kRussia, EntityType::kPlace, "Russia", "Russia", "country", "RU")
      .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
      .AddEntity(kNorthKorea, EntityType::kPlace, "North Korea", "North Korea", "country", "KP")
      .AddEvent("Visit", EventStatus::kOccurred, "", "visited", {{"visitor", {kPutin}}, {"destination", {kRussia}}})
      .AddEvent("Visit", EventStatus::kOccurred, "2024-06-01", "visited",
                {{"visitor", {kPutin}}, {"destination", {kNorthKorea}}}, 0.9, "042", 2)
      .AddEvent("Visit", EventStatus::kOccurred, "2024", "visited",
                {{"visitor", {kPutin}}, {"destination", {kPyongyang}}}, 0.9, "042", 1);
  // Pyongyang in 2024 and North Korea on 1 June agree (a year holds the
  // day, a country holds the city): merged. Russia, undated, stays last.
  GraphBuilder builder;
  builder.AddDocument(d.doc());
  KnowledgeGraph g = builder.Build();
  REQUIRE(g.events().size() == 2);
  CHECK(g.events()[0].date == "2024-06-01");
  CHECK(g.events()[0].mentions.size() == 2);
  CHECK(g.events()[1].date.empty());
  CHECK(g.events()[1].range.precision == DatePrecision::kNone);

  TestDoc e("v", "2024-06-19", "Putin visited Pyongyang in 2024. Kim visited Russia on 1 January 2024.");
  e.AddEntity(kPutin, EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity(kKim, EntityType::kPerson, "Kim Jong Un", "Kim")
      .AddEntity(kPyongyang, EntityType::kPlace, "Pyongyang", "Pyongyang", "city", "KP")
      .AddEntity(kRussia, EntityType::kPlace, "Russia", "Russia", "country", "RU")
      .AddEvent("Visit", EventStatus::kOccurred, "2024-01-01", "visited", {{"visitor", {kKim}}}, 0.9, "042", 1)
      .AddEvent("Visit", EventStatus::kOccurred, "2024", "visited", {{"visitor", {kPutin}}});
  GraphBuilder b2;
  b2.AddDocument(e.doc());
  KnowledgeGraph g2 = b2.Build();
  REQUIRE(g2.events().size() == 2);
  CHECK(g2.events()[0].date == "2024");
  CHECK(g2.events()[1].date == "2024-01-01");
}

TEST_CASE("Build depends on the set of facts / not on the order or repetition of additions") {
  std::vector<Document> docs = FourArticles();
  GraphBuilder forward;
  for (const Document& d : docs) forward.AddDocument(d);
  KnowledgeGraph want = forward.Build();

  GraphBuilder backward;
  for (auto it = docs.rbegin(); it != docs.rend(); ++it) backward.AddDocument(*it);
  backward.AddDocument(docs[1]);  // twice
  KnowledgeGraph got = backward.Build();

  REQUIRE(got.events().size() == want.events().size());
  for (size_t i = 0; i < want.events().size(); ++i) {
    CHECK(got.events()[i].id == want.events()[i].id);
    CHECK(got.events()[i].mentions == want.events()[i].mentions);
    CHECK(got.events()[i].roles == want.events()[i].roles);
  }
  CHECK(got.entities() == want.entities());
  CHECK(got.articles() == want.articles());

  // Rebuilding from a built graph's parts changes nothing.
  GraphBuilder again;
  again.Add(PartsOf(want));
  KnowledgeGraph rebuilt = again.Build();
  CHECK(rebuilt.entities() == want.entities());
  REQUIRE(rebuilt.events().size() == want.events().size());
  for (size_t i = 0; i < want.events().size(); ++i) CHECK(rebuilt.events()[i].mentions == want.events()[i].mentions);
}

TEST_CASE("kAsRead keeps the events of the graphs read / anything else merges afresh") {
  std::vector<Document> docs = FourArticles();
  GraphBuilder whole;
  for (const Document& d : docs) whole.AddDocument(d);
  KnowledgeGraph want = whole.Build();
  CHECK(whole.Build(EventGrouping::kAsRead).events().size() == 4);  // from documents: merged as usual

  GraphParts parts = PartsOf(want);
  CHECK(parts.mention_event == std::vector<size_t>{0, 1, 2, 3, 3, 3});
  // Split the merged visit in two, as another graph may have: kAsRead keeps
  // it split, kMerge merges it again.
  parts.mention_event = {0, 1, 2, 3, 4, 4};
  GraphBuilder read;
  read.Add(parts);
  CHECK(read.Build(EventGrouping::kAsRead).events().size() == 5);
  CHECK(read.Build(EventGrouping::kMerge).events().size() == 4);

  // Two graphs read: their events are numbered apart.
  GraphBuilder two;
  GraphParts first = PartsOf(BuildGraph({docs[0], docs[1]}));
  GraphParts second = PartsOf(BuildGraph({docs[2], docs[3]}));
  two.Add(first);
  two.Add(second);
  KnowledgeGraph g = two.Build(EventGrouping::kAsRead);
  CHECK(g.events().size() == 5);  // a#e1 + b#e1 merged in the first graph, c#e1 alone in the second
  CHECK(two.Build().events().size() == 4);

  GraphBuilder mixed;
  mixed.Add(PartsOf(want));
  mixed.AddDocument(docs[0]);
  CHECK(mixed.Build(EventGrouping::kAsRead).events().size() == 4);
}

TEST_CASE("conflicting versions of one entity combine the same way in any order") {
  GraphEntity a{"place/x", EntityType::kPlace, "", "Xland", "", {"urn:x:1"}, {"XL"}};
  GraphEntity b{"place/x", EntityType::kPlace, "country", "X-land", "XL", {"urn:x:2"}, {"Xland", "xland"}};
  for (int order = 0; order < 2; ++order) {
    GraphBuilder builder;
    builder.Add(GraphParts{{}, {order == 0 ? a : b}, {}});
    builder.Add(GraphParts{{}, {order == 0 ? b : a}, {}});
    KnowledgeGraph g = builder.Build();
    REQUIRE(g.entities().size() == 1);
    const GraphEntity& e = g.entities()[0];
    CHECK(e.name == "X-land");  // the smaller of two names
    CHECK(e.subtype == "country");
    CHECK(e.country == "XL");
    CHECK(e.same_as == std::vector<std::string>{"urn:x:1", "urn:x:2"});
    CHECK(e.aliases == std::vector<std::string>{"XL", "Xland"});  // "xland" is the same form as "Xland"
  }
}

}  // namespace
}  // namespace newsgraph::graph
