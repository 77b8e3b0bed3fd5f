#include "extractor/query/queries.h"

#include <doctest/doctest.h>

#include "extractor/graph/test_documents.h"

namespace newsgraph::query {
namespace {

namespace t = graph::testing;

graph::KnowledgeGraph Graph() { return t::BuildGraph(t::FourArticles()); }

std::vector<std::pair<size_t, std::string>> Rows(const graph::KnowledgeGraph& g, const VisitFilter& f) {
  Result<std::vector<VisitRow>> rows = FindVisits(g, f);
  REQUIRE_MESSAGE(rows.ok(), rows.status().message());
  std::vector<std::pair<size_t, std::string>> out;
  for (const VisitRow& r : *rows) out.emplace_back(r.event, r.visitor);
  return out;
}

using Expected = std::vector<std::pair<size_t, std::string>>;

TEST_CASE("names resolve through names and aliases / ignoring case") {
  graph::KnowledgeGraph g = Graph();
  const size_t kim = *g.EntityIndex(t::kKim), putin = *g.EntityIndex(t::kPutin);
  CHECK(ResolveName(g, "Putin") == std::vector<size_t>{putin});            // an alias
  CHECK(ResolveName(g, "vladimir   PUTIN") == std::vector<size_t>{putin});  // the name
  CHECK(ResolveName(g, "Kim") == std::vector<size_t>{kim});                // a word of the name
  CHECK(ResolveName(g, "jong un") == std::vector<size_t>{kim});
  CHECK(ResolveName(g, "Jong Putin").empty());
  CHECK(ResolveName(g, "Korea") == std::vector<size_t>{*g.EntityIndex(t::kNorthKorea)});
  CHECK(ResolveName(g, "Korea", EntityType::kPerson).empty());
  CHECK(ResolveName(g, "   ").empty());
  CHECK(ResolveOne(g, "putin") == putin);
  CHECK_FALSE(ResolveOne(g, "Nobody"));
}

TEST_CASE("who visited where and when") {
  graph::KnowledgeGraph g = Graph();
  VisitFilter f;
  CHECK(Rows(g, f) == Expected{{0, t::kPutin}, {1, t::kKim}, {3, t::kPutin}});
  f.to = "Pyongyang";
  CHECK(Rows(g, f) == Expected{{0, t::kPutin}, {3, t::kPutin}});
  f.to = "north korea";  // a country covers its cities: the 2000 visit was to Pyongyang
  CHECK(Rows(g, f) == Expected{{0, t::kPutin}, {3, t::kPutin}});
  f.to = "Russia";
  CHECK(Rows(g, f) == Expected{{1, t::kKim}});
  f = VisitFilter{};
  f.by = "Kim";
  CHECK(Rows(g, f) == Expected{{1, t::kKim}});
  f = VisitFilter{};
  f.since = "2024";
  CHECK(Rows(g, f) == Expected{{3, t::kPutin}});
  f.since = "2000-07-15";  // "2000-07" reaches into it
  f.until = "2023-08";
  CHECK(Rows(g, f) == Expected{{0, t::kPutin}});
  f = VisitFilter{};
  f.statuses = {EventStatus::kPlanned};
  CHECK(Rows(g, f).empty());  // the merged visit happened; only one report said it was planned
  f.statuses = {EventStatus::kPlanned, EventStatus::kOccurred};
  CHECK(Rows(g, f).size() == 3);
}

TEST_CASE("query errors") {
  graph::KnowledgeGraph g = Graph();
  VisitFilter f;
  f.to = "Atlantis";
  CHECK(FindVisits(g, f).status().message() == "no place matches 'Atlantis'");
  CHECK(FindVisits(g, f).status().code() == StatusCode::kNotFound);
  f = VisitFilter{};
  f.by = "Pyongyang";  // a place is nobody's name as a visitor
  CHECK(FindVisits(g, f).status().message() == "no person or organization matches 'Pyongyang'");
  f = VisitFilter{};
  f.since = "June 2024";
  CHECK(FindVisits(g, f).status().message() == "--since needs YYYY, YYYY-MM or YYYY-MM-DD, not 'June 2024'");
  CHECK(FindVisits(g, f).status().code() == StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace newsgraph::query
