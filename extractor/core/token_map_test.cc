#include "extractor/core/token_map.h"

#include <doctest/doctest.h>

#include <string>

namespace newsgraph {
namespace {

std::string Key(int i) {
  std::string key = "w";
  key += std::to_string(i);
  return key;
}

TEST_CASE("token map: insert / find / overwrite") {
  TokenMap m;
  CHECK(m.Find("june") == nullptr);
  CHECK(m.Insert("june", 6));
  CHECK(m.Insert("jun", 6));
  REQUIRE(m.Find("june") != nullptr);
  CHECK(*m.Find("june") == 6);
  CHECK(m.Insert("june", 7));  // overwrites
  CHECK(*m.Find("june") == 7);
  CHECK(m.Find("jun.") == nullptr);
  CHECK(m.Find("junex") == nullptr);
  CHECK(m.size() == 2);
}

TEST_CASE("token map: keys past eight bytes compare whole / grows and finds every key") {
  TokenMap m;
  CHECK(m.Insert("september", 9));
  CHECK(m.Find("septembex") == nullptr);
  CHECK(*m.Find("september") == 9);
  for (int i = 0; i < 5000; ++i) CHECK(m.Insert(Key(i), static_cast<uint32_t>(i)));
  CHECK(m.size() == 5001);
  for (int i = 0; i < 5000; ++i) {
    const uint32_t* v = m.Find(Key(i));
    REQUIRE(v != nullptr);
    CHECK(*v == static_cast<uint32_t>(i));
  }
  CHECK(m.Find(Key(5000)) == nullptr);
}

TEST_CASE("token map: empty and over-long keys are refused / keys may hold any byte") {
  TokenMap m;
  CHECK_FALSE(m.Insert("", 1));
  CHECK_FALSE(m.Insert(std::string(TokenMap::kMaxKey + 1, 'a'), 1));
  CHECK(m.Insert(std::string(TokenMap::kMaxKey, 'a'), 2));
  CHECK(*m.Find(std::string(TokenMap::kMaxKey, 'a')) == 2);
  const std::string binary("\0\x01r\xff", 4);
  CHECK(m.Insert(binary, 3));
  CHECK(*m.Find(binary) == 3);
  CHECK(m.Find(std::string("\0\x01r", 3)) == nullptr);
}

TEST_CASE("token map: Clear empties it for reuse") {
  TokenMap m;
  for (int i = 0; i < 200; ++i) m.Insert(Key(i), 1);
  m.Clear();
  CHECK(m.size() == 0);
  CHECK(m.Find(Key(3)) == nullptr);
  CHECK(m.Insert(Key(3), 4));
  CHECK(*m.Find(Key(3)) == 4);
}

}  // namespace
}  // namespace newsgraph
