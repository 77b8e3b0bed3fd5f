// How the entity stage hashes a token (TokenKey in gazetteer.h), inline for
// the per-token loop of EntityTagger::Process.
//
// A key hashes the normalized bytes of a token (ASCII lower-cased, '.'
// dropped, ’ and ‘ as ') eight at a time, little endian, the last word
// zero-padded, then its length. FastTokenKeyAt reads the words straight from
// Document::folded when the token is its own normal form; SlowTokenKey
// normalizes byte by byte into the same words, so both give the same key.
#ifndef NEWSGRAPH_NER_TOKEN_KEY_H_
#define NEWSGRAPH_NER_TOKEN_KEY_H_

#include <cstdint>
#include <cstring>
#include <string_view>

#include "extractor/core/bytes.h"
#include "extractor/core/document.h"

namespace newsgraph::ner {

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

inline uint64_t ChunkStep(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 29);
}
inline uint64_t FinishKey(uint64_t h, size_t length) {
  h = (h ^ length) * 0xff51afd7ed558ccdull;
  return h ^ (h >> 32);
}

inline uint64_t Load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
// The low `n` bytes (n in 0..8) of a word.
inline uint64_t LowBytes(uint64_t v, size_t n) { return n >= 8 ? v : v & ((uint64_t{1} << (8 * n)) - 1); }
// The high bit of each byte of `v` that is '.', among its low n bytes.
inline uint64_t PeriodBits(uint64_t v, size_t n) {
  const uint64_t x = v ^ (kOnes * '.');
  return LowBytes((x - kOnes) & ~x & kHighs, n);
}

// Normalizes `t` byte by byte; *has_period (may be null): t holds a '.'.
uint64_t SlowTokenKey(std::string_view t, bool* has_period);

// True when some byte of `v` is '.'. (Zero bytes are not, so a word cut
// with LoadLe8 needs no second mask.)
inline bool AnyPeriod(uint64_t v) {
  const uint64_t x = v ^ (kOnes * '.');
  return ((x - kOnes) & ~x & kHighs) != 0;
}

// The key of a token of a segmented document; *has_period: it holds a '.'.
inline uint64_t FastTokenKeyAt(std::string_view folded, const Token& token, bool* has_period) {
  const size_t begin = token.span.begin, n = token.span.size();
  // Folded text is lower-case already; a token without '.' and without
  // non-ASCII bytes (no curly apostrophe) is its own normal form.
  if ((token.flags & kTokNonAscii) == 0 && n - 1 < 16 /* 1 to 16 bytes */ && begin + 16 <= folded.size()) {
    const char* p = folded.data() + begin;
    if (n <= 8) {
      const uint64_t w = LoadLe8(p, n);
      if (!AnyPeriod(w)) {
        *has_period = false;
        return FinishKey(ChunkStep(0, w), n);
      }
      if (w == '.') {  // a full stop: nothing left once periods are dropped
        *has_period = true;
        return FinishKey(0, 0);
      }
    } else {
      const uint64_t w1 = LoadLe8(p, 8), w2 = LoadLe8(p + 8, n - 8);
      if (!AnyPeriod(w1) && !AnyPeriod(w2)) {
        *has_period = false;
        return FinishKey(ChunkStep(ChunkStep(0, w1), w2), n);
      }
    }
  }
  return SlowTokenKey(folded.substr(begin, n), has_period);
}

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_TOKEN_KEY_H_
