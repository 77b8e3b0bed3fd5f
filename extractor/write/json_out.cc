#include "extractor/write/json_out.h"

#include <rapidjson/internal/dtoa.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace newsgraph::write {
namespace {

// For each byte: 0 to copy it, else the letter after the backslash ('u'
// for \u00XX).
constexpr std::array<char, 256> MakeEscapes() {
  std::array<char, 256> t{};
  for (int c = 0; c < 0x20; ++c) t[c] = 'u';
  t['\b'] = 'b';
  t['\t'] = 't';
  t['\n'] = 'n';
  t['\f'] = 'f';
  t['\r'] = 'r';
  t['"'] = '"';
  t['\\'] = '\\';
  return t;
}
constexpr std::array<char, 256> kEscape = MakeEscapes();

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// True when a byte of `x` is below 0x20, '"' or '\\': the classic word
// tricks "has a byte less than n" and "has a zero byte" (after an XOR).
inline bool NeedsEscape(uint64_t x) {
  uint64_t quote = x ^ (kOnes * '"');
  uint64_t backslash = x ^ (kOnes * '\\');
  uint64_t control = (x - kOnes * 0x20) & ~x;
  uint64_t quotes = (quote - kOnes) & ~quote;
  uint64_t backslashes = (backslash - kOnes) & ~backslash;
  return ((control | quotes | backslashes) & kHighs) != 0;
}

// Copies [p, end) to `o` with JSON escapes; returns the end of what it
// wrote. `o` must have room for 6 bytes per input byte.
inline char* Escape(const char* p, const char* end, char* o) {
  while (true) {
    // Eight bytes at a time while none needs escaping (the usual case).
    while (end - p >= 8) {
      uint64_t x;
      std::memcpy(&x, p, 8);
      if (NeedsEscape(x)) break;
      std::memcpy(o, &x, 8);
      p += 8;
      o += 8;
    }
    if (p == end) return o;
    unsigned char c = static_cast<unsigned char>(*p++);
    char e = kEscape[c];
    if (e == 0) [[likely]] {
      *o++ = static_cast<char>(c);
      continue;
    }
    *o++ = '\\';
    *o++ = e;
    if (e == 'u') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      *o++ = '0';
      *o++ = '0';
      *o++ = kHex[c >> 4];
      *o++ = kHex[c & 15];
    }
  }
}

// The cursor's room grows by at least this much at a time.
constexpr size_t kGrowBytes = size_t{8} << 10;
// Strings are escaped in pieces of at most this many bytes, so that the
// worst-case room (6 bytes out per byte in) stays small for a long text.
constexpr size_t kEscapeChunk = size_t{64} << 10;

}  // namespace

void JsonOut::Grow(size_t n) {
  size_t used = pos_ != nullptr ? static_cast<size_t>(pos_ - out_->data()) : used_;
  // In steps of at least 8 KB: resize() zero-fills what it adds, so
  // taking the whole capacity each time would clear far more than a record
  // writes. Past the capacity, std::string doubles it, and the caller's
  // string keeps it from one record to the next.
  out_->resize(used + std::max(n, kGrowBytes));
  pos_ = out_->data() + used;
  end_ = out_->data() + out_->size();
}

void JsonOut::Quoted(std::string_view s) {
  // Room for the worst case (every byte as \u00XX), so that the copy
  // stores without checks; a long text goes in pieces to keep that room
  // small. Escapes are per byte, so any cut is safe.
  if (s.size() <= kEscapeChunk) [[likely]] {
    Reserve(6 * s.size() + 2);
    char* o = pos_;
    *o++ = '"';
    o = Escape(s.data(), s.data() + s.size(), o);
    *o++ = '"';
    pos_ = o;
    return;
  }
  Reserve(1);
  *pos_++ = '"';
  for (size_t at = 0; at < s.size(); at += kEscapeChunk) {
    std::string_view piece = s.substr(at, kEscapeChunk);
    Reserve(6 * piece.size() + 1);
    pos_ = Escape(piece.data(), piece.data() + piece.size(), pos_);
  }
  *pos_++ = '"';
}

void JsonOut::Double(double d, int max_decimals) {
  if (!std::isfinite(d)) {
    Null();
    return;
  }
  Separate();
  Reserve(32);  // dtoa writes at most 25 bytes
  pos_ = rapidjson::internal::dtoa(d, pos_, max_decimals);
}

}  // namespace newsgraph::write
