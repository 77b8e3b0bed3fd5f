#include "extractor/timex/word_map.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace newsgraph::timex {
namespace {

std::string Key(int i) {
  std::string key = "w";
  key += std::to_string(i);
  return key;
}

TEST_CASE("word map: insert / find / first insert wins") {
  WordMap<std::string> m;
  CHECK(m.Find("june") == nullptr);
  CHECK(m.Insert("june", "06"));
  CHECK(m.Insert("jun", "06"));
  CHECK_FALSE(m.Insert("june", "07"));
  REQUIRE(m.Find("june") != nullptr);
  CHECK(*m.Find("june") == "06");
  CHECK(m.Find("jun.") == nullptr);
  CHECK(m.Find("") == nullptr);
  CHECK(m.size() == 2);
}

TEST_CASE("word map: grows past its first table and finds every key") {
  WordMap<int> m;
  for (int i = 0; i < 5000; ++i) CHECK(m.Insert(Key(i), i));
  CHECK(m.size() == 5000);
  for (int i = 0; i < 5000; ++i) {
    const int* v = m.Find(Key(i));
    REQUIRE(v != nullptr);
    CHECK(*v == i);
  }
  CHECK(m.Find("w5000") == nullptr);
  CHECK(m.Insert("", -1));  // the empty key is a key like any other
  CHECK(*m.Find("") == -1);
}

TEST_CASE("word map: operator[] adds a default value once") {
  WordMap<std::vector<int>> m;
  m["month"].push_back(1);
  m["month"].push_back(2);
  m["month_abbr"].push_back(3);
  CHECK(m.size() == 2);
  CHECK(*m.Find("month") == std::vector<int>{1, 2});
}

}  // namespace
}  // namespace newsgraph::timex
