#include "extractor/graph/event_merge.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <map>

namespace newsgraph::graph {
namespace {

class Entities {
 public:
  Entities() {
    Add("person/putin", EntityType::kPerson, "", "RU");
    Add("person/kim", EntityType::kPerson, "", "KP");
    Add("person/xi", EntityType::kPerson, "", "CN");
    Add("place/pyongyang", EntityType::kPlace, "city", "KP");
    Add("place/wonsan", EntityType::kPlace, "city", "KP");
    Add("place/kp", EntityType::kPlace, "country", "KP");
    Add("place/ru", EntityType::kPlace, "country", "RU");
    Add("place/moscow", EntityType::kPlace, "city", "RU");
  }
  EntityLookup Lookup() const {
    return [this](std::string_view id) -> const GraphEntity* {
      auto it = map_.find(std::string(id));
      return it == map_.end() ? nullptr : &it->second;
    };
  }

 private:
  void Add(const std::string& id, EntityType type, const std::string& subtype, const std::string& country) {
    map_[id] = GraphEntity{id, type, subtype, id, country, {}, {}};
  }
  std::map<std::string, GraphEntity> map_;
};

EventMention M(const std::string& article, const std::string& type, const std::string& date,
               std::vector<Role> roles) {
  EventMention m;
  m.article = article;
  m.event_id = article + "#e1";
  m.type = type;
  m.date = date;
  std::sort(roles.begin(), roles.end());
  m.roles = std::move(roles);
  return m;
}

TEST_CASE("the same visit told two ways is one happening") {
  Entities e;
  EventMention a = M("a", "Visit", "2024-06-19",
                     {{"visitor", {"person/putin"}}, {"destination", {"place/pyongyang"}}, {"host", {"person/kim"}}});
  EventMention b = M("b", "Visit", "2024-06", {{"visitor", {"person/putin"}}, {"destination", {"place/kp"}}});
  CHECK(SameHappening(a, b, e.Lookup()));
  CHECK(SameHappening(b, a, e.Lookup()));
}

TEST_CASE("each rule keeps mentions apart") {
  Entities e;
  EventMention base = M("a", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}, {"destination", {"place/pyongyang"}}});
  SUBCASE("another type") {
    EventMention o = base;
    o.type = "Meeting";
    CHECK_FALSE(SameHappening(base, o, e.Lookup()));
  }
  SUBCASE("another day") {
    CHECK_FALSE(SameHappening(base, M("b", "Visit", "2024-06-20", base.roles), e.Lookup()));
  }
  SUBCASE("dated and undated") {
    CHECK_FALSE(SameHappening(base, M("b", "Visit", "", base.roles), e.Lookup()));
  }
  SUBCASE("both undated agree") {
    CHECK(SameHappening(M("a", "Visit", "", base.roles), M("b", "Visit", "", base.roles), e.Lookup()));
  }
  SUBCASE("no shared participant") {
    CHECK_FALSE(SameHappening(
        base, M("b", "Visit", "2024-06-19", {{"visitor", {"person/xi"}}, {"destination", {"place/pyongyang"}}}),
        e.Lookup()));
  }
  SUBCASE("no participant at all") {
    EventMention o = M("b", "Visit", "2024-06-19", {{"destination", {"place/pyongyang"}}});
    CHECK_FALSE(SameHappening(o, M("c", "Visit", "2024-06-19", o.roles), e.Lookup()));
  }
  SUBCASE("roles swapped: Putin visits Kim vs Kim visits Putin") {
    EventMention x = M("a", "Visit", "2024-06", {{"visitor", {"person/putin"}}, {"host", {"person/kim"}}});
    EventMention y = M("b", "Visit", "2024-06", {{"visitor", {"person/kim"}}, {"host", {"person/putin"}}});
    CHECK_FALSE(SameHappening(x, y, e.Lookup()));
  }
  SUBCASE("places in different countries") {
    CHECK_FALSE(SameHappening(
        base, M("b", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}, {"destination", {"place/moscow"}}}),
        e.Lookup()));
  }
  SUBCASE("two cities of one country are not the same place") {
    CHECK_FALSE(SameHappening(
        base, M("b", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}, {"destination", {"place/wonsan"}}}),
        e.Lookup()));
  }
  SUBCASE("one side names no place") {
    CHECK(SameHappening(base, M("b", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}}), e.Lookup()));
  }
}

TEST_CASE("meetings need two shared participants when both name two") {
  Entities e;
  EventMention pk = M("a", "Meeting", "2024-06-19", {{"participants", {"person/kim", "person/putin"}}});
  EventMention px = M("b", "Meeting", "2024-06-19", {{"participants", {"person/putin", "person/xi"}}});
  EventMention p = M("c", "Meeting", "2024-06-19", {{"participants", {"person/putin"}}});
  EventMention kp = M("d", "Meeting", "2024-06-19", {{"participants", {"person/kim", "person/putin"}}});
  CHECK_FALSE(SameHappening(pk, px, e.Lookup()));
  CHECK(SameHappening(pk, p, e.Lookup()));
  CHECK(SameHappening(pk, kp, e.Lookup()));
}

TEST_CASE("grouping is complete-linkage and does not depend on order") {
  Entities e;
  // A month-precise mention agrees with two days that do not agree with each other.
  std::vector<EventMention> ms = {
      M("d19a", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}}),
      M("d20", "Visit", "2024-06-20", {{"visitor", {"person/putin"}}}),
      M("m06", "Visit", "2024-06", {{"visitor", {"person/putin"}}}),
      M("d19b", "Visit", "2024-06-19", {{"visitor", {"person/putin"}}, {"destination", {"place/kp"}}}),
      M("x", "Visit", "2024-06-19", {{"visitor", {"person/xi"}}}),
  };
  auto groups = GroupMentions(ms, e.Lookup());
  // Days first: d19a+d19b (by key), d20, x; then the month joins the largest
  // group it fits, d19a+d19b.
  std::vector<std::vector<size_t>> expected = {{0, 2, 3}, {1}, {4}};
  CHECK(groups == expected);

  auto article_sets = [&](const std::vector<EventMention>& list) {
    std::vector<std::vector<std::string>> sets;
    for (const auto& g : GroupMentions(list, e.Lookup())) {
      std::vector<std::string> s;
      for (size_t i : g) s.push_back(list[i].article);
      std::sort(s.begin(), s.end());
      sets.push_back(s);
    }
    std::sort(sets.begin(), sets.end());
    return sets;
  };
  const auto want = article_sets(ms);
  std::vector<EventMention> permuted = ms;
  std::sort(permuted.begin(), permuted.end(), [](const auto& a, const auto& b) { return a.article < b.article; });
  do {
    CHECK(article_sets(permuted) == want);
  } while (std::next_permutation(permuted.begin(), permuted.end(),
                                 [](const auto& a, const auto& b) { return a.article < b.article; }));
}

}  // namespace
}  // namespace newsgraph::graph
