// A hash map from short strings (folded token text, word-list entries, class
// names) to uint32 values, probed once per token of every document by the
// event and time stages: a value is often an index into the caller's own
// vector of larger values. Open addressing over a power-of-two table; keys
// are copied into one arena, so a lookup with a std::string_view allocates
// nothing, and most keys are compared as one 8-byte word.
//
//   TokenMap map;
//   map.Insert("visit", 7);
//   const uint32_t* v = map.Find(doc.Folded(token.span));   // nullptr if absent
//
// Find() is const and thread-safe; Insert() and Clear() are not (build,
// then share).
#ifndef NEWSGRAPH_CORE_TOKEN_MAP_H_
#define NEWSGRAPH_CORE_TOKEN_MAP_H_

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/bytes.h"

namespace newsgraph {

class TokenMap {
 public:
  TokenMap() { Rehash(64); }

  // Inserts or overwrites the value of `key`; false (nothing stored) for
  // an empty key or one longer than kMaxKey, which Find never finds.
  bool Insert(std::string_view key, uint32_t value) {
    if (key.empty() || key.size() > kMaxKey) return false;
    if ((size_ + 1) * 2 > slots_.size()) Rehash(slots_.size() * 2);
    Slot* s = Probe(key);
    if (s->length == kEmpty) {
      s->offset = static_cast<uint32_t>(arena_.size());
      s->length = static_cast<uint32_t>(key.size());
      s->prefix = Prefix(key);
      arena_.append(key);
      ++size_;
    }
    s->value = value;
    // The arena may have moved: views are rebuilt from offsets in Find().
    return true;
  }

  // The value of `key`, or nullptr. `readable8`: eight bytes from
  // key.data() may be read even if the key is shorter (one load, no loop).
  const uint32_t* Find(std::string_view key, bool readable8 = false) const {
    if (key.empty() || key.size() > kMaxKey) return nullptr;
    const size_t mask = mask_;
    uint64_t prefix;
    if (readable8 && key.size() < 8) {
      prefix = LoadLe8(key.data(), key.size());
    } else {
      prefix = Prefix(key);
    }
    for (size_t i = Hash(key, prefix) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.length == kEmpty) return nullptr;
      // Most words are at most eight bytes: the prefix decides without memcmp.
      if (s.length == key.size() && s.prefix == prefix &&
          (key.size() <= 8 || std::memcmp(arena_.data() + s.offset + 8, key.data() + 8, key.size() - 8) == 0)) {
        return &s.value;
      }
    }
  }

  size_t size() const { return size_; }
  void Clear() {
    slots_.assign(64, Slot{});
    mask_ = 63;
    arena_.clear();
    size_ = 0;
  }

  // Keys longer than this are neither stored nor found (no token that long
  // is a word of the rules; the time stage's memo keys stay under it).
  static constexpr size_t kMaxKey = 255;

 private:
  static constexpr uint32_t kEmpty = 0xFFFFFFFFu;
  struct Slot {
    uint64_t prefix = 0;  // the first (up to) eight bytes of the key
    uint32_t offset = 0;
    uint32_t length = kEmpty;
    uint32_t value = 0;
  };

  static uint64_t Prefix(std::string_view key) { return LoadLe(key.data(), key.size()); }

  // Eight bytes at a time: keys are short words, probed once per token.
  static uint64_t Hash(std::string_view key, uint64_t prefix) {
    const char* p = key.data() + 8;
    size_t n = key.size();
    uint64_t h = (0x9E3779B97F4A7C15ull ^ n ^ prefix) * 0xFF51AFD7ED558CCDull;
    h ^= h >> 32;
    for (n = n > 8 ? n - 8 : 0; n > 0; n = n > 8 ? n - 8 : 0, p += 8) {
      h = (h ^ LoadLe(p, n)) * 0xC4CEB9FE1A85EC53ull;
      h ^= h >> 29;
    }
    return h ^ (h >> 31);
  }

  Slot* Probe(std::string_view key) {
    const size_t mask = mask_;
    for (size_t i = Hash(key, Prefix(key)) & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.length == kEmpty) return &s;
      if (s.length == key.size() && std::string_view(arena_).substr(s.offset, s.length) == key) return &s;
    }
  }

  void Rehash(size_t n) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(n, Slot{});
    mask_ = n - 1;
    for (const Slot& s : old) {
      if (s.length == kEmpty) continue;
      Slot* t = Probe(std::string_view(arena_).substr(s.offset, s.length));
      *t = s;
    }
  }

  std::vector<Slot> slots_;
  size_t mask_ = 0;  // slots_.size() - 1, kept: Find() needs it for every token
  std::string arena_;
  size_t size_ = 0;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_TOKEN_MAP_H_
