// How the entity stage hashes a token (TokenKey in gazetteer.h), inline for
// the per-token loop of EntityTagger::Process.
//
// A key hashes the normalized bytes of a token (ASCII lower-cased, '.'
// dropped, ’ and ‘ as ') eight at a time, little endian, the last word
// zero-padded, then its length. PlainTokenKey reads the words straight from
// Document::folded when the token is its own normal form (PlainTokens tells
// which tokens are, a document at a time; FastTokenKeyAt looks at one);
// SlowTokenKey normalizes byte by byte into the same words, so all give the
// same key.
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

// The key of a plain token: ASCII, 1 to 16 bytes, no '.', and 16 bytes
// readable from p. Folded text is lower-case already, so such a token is
// its own normal form.
inline uint64_t PlainTokenKey(const char* p, size_t n) {
  if (n <= 8) return FinishKey(ChunkStep(0, LoadLe8(p, n)), n);
  return FinishKey(ChunkStep(ChunkStep(0, LoadLe8(p, 8)), LoadLe8(p + 8, n - 8)), n);
}

// The key of a token of a segmented document; *has_period: it holds a '.'.
inline uint64_t FastTokenKeyAt(std::string_view folded, const Token& token, bool* has_period) {
  const size_t begin = token.span.begin, n = token.span.size();
  // A token without non-ASCII bytes (no curly apostrophe) is plain when it
  // holds no '.'.
  if ((token.flags & kTokNonAscii) == 0 && n - 1 < 16 /* 1 to 16 bytes */ && begin + 16 <= folded.size()) {
    const char* p = folded.data() + begin;
    if (n <= 8) {
      const uint64_t w = LoadLe8(p, n);
      if (!AnyPeriod(w)) {
        *has_period = false;
        return PlainTokenKey(p, n);
      }
      if (w == '.') {  // a full stop: nothing left once periods are dropped
        *has_period = true;
        return FinishKey(0, 0);
      }
    } else if (!AnyPeriod(LoadLe8(p, 8)) && !AnyPeriod(LoadLe8(p + 8, n - 8))) {
      *has_period = false;
      return PlainTokenKey(p, n);
    }
  }
  return SlowTokenKey(folded.substr(begin, n), has_period);
}

// Walks the tokens of a document in text order and tells which are plain
// (see PlainTokenKey). The periods are found ahead with memchr, a few per
// sentence, so that the test per token is a comparison with where the next
// one is, not a look at the token's bytes.
//
//   PlainTokens plain(doc.folded);
//   for (const Token& t : doc.tokens) {
//     if (plain.IsPlain(t)) key = PlainTokenKey(doc.folded.data() + t.span.begin, t.span.size());
//     else { key = FastTokenKeyAt(doc.folded, t, &period); plain.Skip(t); }
//   }
class PlainTokens {
 public:
  explicit PlainTokens(std::string_view folded)
      : folded_(folded), tail_(folded.size() >= 15 ? folded.size() - 15 : 0) {
    Seek(0);
  }
  // ASCII, 1 to 16 bytes, and it ends before the next '.' and before the
  // last 15 bytes of the text (so 16 bytes from its start are readable).
  bool IsPlain(const Token& t) const {
    return t.span.end <= stop_ && (t.flags & kTokNonAscii) == 0 && t.span.size() - 1u < 16u;
  }
  // Call after each token that is not plain: moves past the periods it holds.
  void Skip(const Token& t) {
    if (period_ < t.span.end) Seek(t.span.end);
  }

 private:
  void Seek(size_t from) {
    const void* dot = from < folded_.size() ? std::memchr(folded_.data() + from, '.', folded_.size() - from) : nullptr;
    period_ = dot == nullptr ? folded_.size() : static_cast<size_t>(static_cast<const char*>(dot) - folded_.data());
    stop_ = period_ < tail_ ? period_ : tail_;
  }
  std::string_view folded_;
  size_t tail_;
  size_t period_ = 0;  // offset of the next '.', or the text's size
  size_t stop_ = 0;    // min(period_, tail_): plain tokens end at or before it
};

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_TOKEN_KEY_H_
