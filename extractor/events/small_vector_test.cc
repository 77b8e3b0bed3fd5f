#include "extractor/events/small_vector.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

namespace newsgraph::events {
namespace {

struct Pair {
  uint8_t role = 0;
  uint32_t entity = 0;
};

std::vector<uint32_t> Items(const SmallVector<uint32_t, 4>& v) { return std::vector<uint32_t>(v.begin(), v.end()); }

TEST_CASE("small vector keeps order inline and after moving to the heap") {
  SmallVector<uint32_t, 4> v;
  CHECK(v.empty());
  for (uint32_t i = 0; i < 4; ++i) v.push_back(i * 10);
  CHECK(Items(v) == std::vector<uint32_t>{0, 10, 20, 30});
  for (uint32_t i = 4; i < 11; ++i) v.push_back(i * 10);  // past the inline room
  REQUIRE(v.size() == 11);
  CHECK(v.front() == 0);
  CHECK(v.back() == 100);
  CHECK(v[7] == 70);
  v.pop_back();
  CHECK(v.size() == 10);
  v.clear();
  CHECK(v.empty());
  v.push_back(5);
  CHECK(Items(v) == std::vector<uint32_t>{5});
}

TEST_CASE("small vector push_back of its own element survives growth") {
  SmallVector<uint32_t, 2> v{7, 8};
  v.push_back(v[0]);  // the inline storage is left while the value is read
  v.push_back(v[2]);
  CHECK(std::vector<uint32_t>(v.begin(), v.end()) == std::vector<uint32_t>{7, 8, 7, 7});
}

TEST_CASE("small vector copies and moves inline and heap contents") {
  SmallVector<uint32_t, 4> small{1, 2};
  SmallVector<uint32_t, 4> big{1, 2, 3, 4, 5, 6};

  SmallVector<uint32_t, 4> a = small;
  SmallVector<uint32_t, 4> b = big;
  CHECK(Items(a) == std::vector<uint32_t>{1, 2});
  CHECK(Items(b) == std::vector<uint32_t>{1, 2, 3, 4, 5, 6});
  b[0] = 9;
  CHECK(big[0] == 1);  // a copy owns its elements

  SmallVector<uint32_t, 4> c = std::move(a);
  SmallVector<uint32_t, 4> d = std::move(b);
  CHECK(Items(c) == std::vector<uint32_t>{1, 2});
  CHECK(Items(d) == std::vector<uint32_t>{9, 2, 3, 4, 5, 6});
  CHECK(a.empty());
  CHECK(b.empty());

  c = big;
  CHECK(Items(c) == std::vector<uint32_t>{1, 2, 3, 4, 5, 6});
  d = small;
  CHECK(Items(d) == std::vector<uint32_t>{1, 2});
  c = std::move(d);
  CHECK(Items(c) == std::vector<uint32_t>{1, 2});
  c.push_back(3);
  CHECK(Items(c) == std::vector<uint32_t>{1, 2, 3});
}

TEST_CASE("small vector erase and assign") {
  SmallVector<uint32_t, 4> v{1, 2, 3, 4, 5, 6};
  v.erase(std::remove_if(v.begin(), v.end(), [](uint32_t x) { return x % 2 == 0; }), v.end());
  CHECK(Items(v) == std::vector<uint32_t>{1, 3, 5});
  std::vector<uint32_t> source{8, 9};
  v.assign(source.begin(), source.end());
  CHECK(Items(v) == std::vector<uint32_t>{8, 9});
}

TEST_CASE("small vector emplace_back builds aggregates") {
  SmallVector<Pair, 2> v;
  v.emplace_back(uint8_t{1}, 40u);
  v.emplace_back(uint8_t{2}, 41u);
  Pair& p = v.emplace_back(uint8_t{3}, 42u);  // on the heap
  CHECK(p.entity == 42);
  REQUIRE(v.size() == 3);
  CHECK(v[0].role == 1);
  CHECK(v[1].entity == 41);
  CHECK(v[2].role == 3);
}

}  // namespace
}  // namespace newsgraph::events
