#include "extractor/graph/knowledge_graph.h"

#include <doctest/doctest.h>

#include "extractor/graph/graph_builder.h"
#include "extractor/graph/test_documents.h"

namespace newsgraph::graph {
namespace {

using testing::FourArticles;
using testing::TestDoc;

KnowledgeGraph FourArticlesAndXi() {
  GraphBuilder builder;
  for (const Document& d : FourArticles()) builder.AddDocument(d);
  TestDoc e("e", "2024-06-19", "Xi Jinping was not mentioned in any event.");
  e.AddEntity("person/xi-jinping", EntityType::kPerson, "Xi Jinping", "Xi Jinping", "", "CN");
  builder.AddDocument(e.doc());
  return builder.Build();
}

TEST_CASE("lookups by id") {
  KnowledgeGraph g = FourArticlesAndXi();
  REQUIRE(g.FindEntity(testing::kPutin) != nullptr);
  CHECK(g.FindEntity(testing::kPutin)->name == "Vladimir Putin");
  CHECK(g.FindEntity("person/nobody") == nullptr);
  CHECK(*g.EntityIndex(testing::kKim) == 0);
  CHECK(*g.EntityIndex("place/iso-ru") == 5);
  CHECK_FALSE(g.EntityIndex("person/nobody"));
  REQUIRE(g.FindArticle("b") != nullptr);
  CHECK(g.FindArticle("b")->published == "2024-06-20");
  CHECK(g.FindArticle("z") == nullptr);
}

TEST_CASE("an entity's events / in timeline order") {
  KnowledgeGraph g = FourArticlesAndXi();
  CHECK(g.EventsOf(*g.EntityIndex(testing::kPutin)) == std::vector<size_t>{0, 2, 3});
  CHECK(g.EventsOf(*g.EntityIndex(testing::kKim)) == std::vector<size_t>{1, 2, 3});
  CHECK(g.EventsOf(*g.EntityIndex(testing::kNorthKorea)) == std::vector<size_t>{3});
  CHECK(g.EventsOf(*g.EntityIndex("person/xi-jinping")).empty());
  CHECK(g.EventsOf(99).empty());
}

TEST_CASE("shortest paths go through events and name the roles") {
  KnowledgeGraph g = FourArticlesAndXi();
  size_t russia = *g.EntityIndex(testing::kRussia);
  size_t pyongyang = *g.EntityIndex(testing::kPyongyang);
  auto path = g.ShortestPath(russia, pyongyang);
  REQUIRE(path);
  REQUIRE(path->size() == 2);
  // Russia is the destination of Kim's 2023 visit; Kim took part in the
  // meeting held in Pyongyang (the meeting comes before the merged visit in
  // the timeline, so it wins the tie).
  CHECK((*path)[0].event == 1);
  CHECK((*path)[0].from_role == "destination");
  CHECK((*path)[0].to_role == "visitor");
  CHECK((*path)[0].entity == *g.EntityIndex(testing::kKim));
  CHECK((*path)[1].event == 2);
  CHECK((*path)[1].from_role == "participants");
  CHECK((*path)[1].to_role == "place");
  CHECK((*path)[1].entity == pyongyang);

  auto self = g.ShortestPath(russia, russia);
  REQUIRE(self);
  CHECK(self->empty());
  CHECK_FALSE(g.ShortestPath(russia, *g.EntityIndex("person/xi-jinping")));
  CHECK_FALSE(g.ShortestPath(russia, 99));
}

TEST_CASE("an empty graph") {
  KnowledgeGraph g;
  CHECK(g.events().empty());
  CHECK(g.EventsOf(0).empty());
  CHECK_FALSE(g.ShortestPath(0, 0));
  CHECK(g.mention_count() == 0);
  KnowledgeGraph built = GraphBuilder().Build();
  CHECK(built.articles().empty());
  CHECK(built.merged_event_count() == 0);
}

}  // namespace
}  // namespace newsgraph::graph
