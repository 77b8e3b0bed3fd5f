// A map from short strings (words, class names) to values, for lookups in
// hot loops: open addressing over a power-of-two table, where
// std::unordered_map divides by a prime on every lookup.
//
//   WordMap<std::string> months;
//   months.Insert("june", "06");
//   if (const std::string* mm = months.Find("june")) ...  // "06"
//
// Entries keep their insertion order; a pointer to a value stays valid
// until the next insertion.
#ifndef NEWSGRAPH_TIMEX_WORD_MAP_H_
#define NEWSGRAPH_TIMEX_WORD_MAP_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::timex {

template <typename V>
class WordMap {
 public:
  // Adds key -> value; false (nothing changes) when the key is there.
  bool Insert(std::string key, V value) {
    const uint32_t h = Hash(key);
    if (FindIndex(key, h) != kNone) return false;
    if ((entries_.size() + 1) * 2 > slots_.size()) Grow();
    entries_.push_back(Entry{h, std::move(key), std::move(value)});
    Place(static_cast<uint32_t>(entries_.size() - 1));
    return true;
  }
  // The value of `key`, added with V() when absent.
  V& operator[](std::string_view key) {
    const uint32_t i = FindIndex(key, Hash(key));
    if (i != kNone) return entries_[i].value;
    Insert(std::string(key), V());
    return entries_.back().value;
  }
  const V* Find(std::string_view key) const {
    const uint32_t i = FindIndex(key, Hash(key));
    return i == kNone ? nullptr : &entries_[i].value;
  }
  size_t size() const { return entries_.size(); }
  void Clear() {
    slots_.clear();
    entries_.clear();
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  struct Entry {
    uint32_t hash;
    std::string key;
    V value;
  };

  // Eight bytes at a time, each word multiplied in.
  static uint32_t Hash(std::string_view s) {
    uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 29;
    }
    if (i < s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, s.data() + i, s.size() - i);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 29;
    }
    return static_cast<uint32_t>(h ^ (h >> 32));
  }

  uint32_t FindIndex(std::string_view key, uint32_t h) const {
    if (slots_.empty()) return kNone;
    const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
    for (uint32_t s = h & mask;; s = (s + 1) & mask) {
      const uint32_t i = slots_[s];
      if (i == kNone) return kNone;
      const Entry& e = entries_[i];
      if (e.hash == h && e.key.size() == key.size() && std::memcmp(e.key.data(), key.data(), key.size()) == 0) {
        return i;
      }
    }
  }

  void Place(uint32_t i) {
    const uint32_t mask = static_cast<uint32_t>(slots_.size() - 1);
    uint32_t s = entries_[i].hash & mask;
    while (slots_[s] != kNone) s = (s + 1) & mask;
    slots_[s] = i;
  }

  // At most half full: probes stay short.
  void Grow() {
    slots_.assign(slots_.empty() ? 16 : slots_.size() * 2, kNone);
    for (uint32_t i = 0; i < entries_.size(); ++i) Place(i);
  }

  std::vector<uint32_t> slots_;  // index into entries_, kNone when empty
  std::vector<Entry> entries_;
};

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_WORD_MAP_H_
