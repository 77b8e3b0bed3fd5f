#include "extractor/write/json_out.h"

#include <rapidjson/internal/dtoa.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cassert>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>

#include "extractor/core/json_bytes.h"

namespace newsgraph::write {
namespace {

#if defined(__SSE2__)
// Copies the bytes of [p, end) before the first one that needs escaping to
// `o` and returns how many it copied; it may store any of the bytes of
// [p, end) after those too (the caller writes over them). `o` must have
// room for end - p bytes. 16 bytes at a time; a shorter string or the end
// of a longer one is read as two overlapping pieces (the bytes in both are
// the same), so that no byte outside [p, end) is read.
inline size_t CopyClean(const char* p, const char* end, char* o) {
  const size_t n = static_cast<size_t>(end - p);
  if (n >= 16) {
    const char* const start = p;
    do {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
      if (const unsigned m = JsonSpecialMask16(x); m != 0) return static_cast<size_t>(p - start) + std::countr_zero(m);
      p += 16;
      o += 16;
    } while (end - p >= 16);
    if (p == end) return n;
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(end - 16));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(o + (end - p) - 16), x);
    if (const unsigned m = JsonSpecialMask16(x); m != 0) return n - 16 + std::countr_zero(m);
    return n;
  }
  if (n >= 4) {
    const unsigned m = internal::CopyShort(p, n, o);
    if (m == 0) return n;
    // Bit b from h on stands for byte n - h + (b - h) of the string.
    const size_t h = n >= 8 ? 8 : 4;
    const size_t first = static_cast<size_t>(std::countr_zero(m));
    return first < h ? first : first + n - 2 * h;
  }
  size_t i = 0;
  while (i < n && kJsonEscape[static_cast<unsigned char>(p[i])] == 0) {
    o[i] = p[i];
    ++i;
  }
  return i;
}
#else
// Escape-needing bytes ('"', '\\', below 0x20) in a word of `Word`
// (uint64_t or uint32_t): the classic "has a byte less than n" and "has a
// zero byte" (after an XOR) tricks. A borrow can mark bytes above a true
// match, never below it, so the lowest marked byte is the first match.
template <typename Word>
inline Word EscapeMask(Word x) {
  constexpr Word kOnes = static_cast<Word>(0x0101010101010101ull);
  constexpr Word kHighs = static_cast<Word>(0x8080808080808080ull);
  Word quote = x ^ (kOnes * '"');
  Word backslash = x ^ (kOnes * '\\');
  Word control = (x - kOnes * 0x20) & ~x;
  Word quotes = (quote - kOnes) & ~quote;
  Word backslashes = (backslash - kOnes) & ~backslash;
  return (control | quotes | backslashes) & kHighs;
}

// Copies the bytes of [p, end) before the first one that needs escaping to
// `o` and returns how many it copied; it may store any of the bytes of
// [p, end) after those too (the caller writes over them). `o` must have
// room for end - p bytes. Whole words at a time, the last word overlapping
// the one before, so that a short string costs a few operations.
inline size_t CopyClean(const char* p, const char* end, char* o) {
  const char* const start = p;
  if constexpr (std::endian::native == std::endian::little) {
    while (end - p > 8) {
      uint64_t x;
      std::memcpy(&x, p, 8);
      std::memcpy(o, &x, 8);
      if (uint64_t m = EscapeMask(x); m != 0) return static_cast<size_t>(p - start) + std::countr_zero(m) / 8;
      p += 8;
      o += 8;
    }
    const size_t n = static_cast<size_t>(end - p);  // 0 to 8
    if (end - start >= 8) {
      // The last eight bytes; those before p were found clean already.
      uint64_t x;
      std::memcpy(&x, end - 8, 8);
      std::memcpy(o + n - 8, &x, 8);
      if (uint64_t m = EscapeMask(x); m != 0) return static_cast<size_t>(end - 8 - start) + std::countr_zero(m) / 8;
      return static_cast<size_t>(end - start);
    }
    if (n >= 4) {  // a string of 4 to 7 bytes: two words of 4
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, end - 4, 4);
      std::memcpy(o, &a, 4);
      if (uint32_t m = EscapeMask(a); m != 0) return std::countr_zero(m) / 8;
      std::memcpy(o + n - 4, &b, 4);
      if (uint32_t m = EscapeMask(b); m != 0) return n - 4 + std::countr_zero(m) / 8;
      return n;
    }
  }
  while (p != end && kJsonEscape[static_cast<unsigned char>(*p)] == 0) *o++ = *p++;
  return static_cast<size_t>(p - start);
}
#endif

// The cursor's room grows by at least this much at a time: small enough
// that zero-filling it (std::string::resize) stays a short vector loop
// rather than a byte-wise `rep stos`, large enough to be rare.
constexpr size_t kGrowBytes = 2048;

}  // namespace

void JsonOut::Grow(size_t n) {
  size_t used = pos_ != nullptr ? static_cast<size_t>(pos_ - out_->data()) : used_;
  // resize() zero-fills what it adds, so the room grows by what is asked
  // (at least kGrowBytes), not to the whole capacity. Past the capacity,
  // std::string doubles it, and the caller's string keeps it from one
  // record to the next.
  out_->resize(used + std::max(n, kGrowBytes));
  pos_ = out_->data() + used;
  end_ = out_->data() + out_->size();
}

void JsonOut::String(std::string_view s, std::string_view within) {
  assert(within.data() <= s.data() && s.data() + s.size() <= within.data() + within.size());
#if defined(__SSE2__)
  if (s.size() < 16 && within.data() + within.size() - s.data() >= 16) {
    // The bytes after s are read and copied too, and masked off; the
    // closing quote goes over the first of them.
    Reserve(18);
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data()));
    *pos_ = '"';
    _mm_storeu_si128(reinterpret_cast<__m128i*>(pos_ + 1), x);
    if ((JsonSpecialMask16(x) & ((1u << s.size()) - 1)) == 0) [[likely]] {
      pos_[s.size() + 1] = '"';
      pos_ += s.size() + 2;
      return;
    }
  }
#endif
  String(s);
}

void JsonOut::Quoted(std::string_view s) {
  // Room for the string as it is and its quotes; an escape (at most 6
  // bytes for 1) makes more room when it comes, so that a long text needs
  // no worst-case reservation.
  Reserve(s.size() + 2);
  char* o = pos_;
  *o++ = '"';
  const size_t clean = CopyClean(s.data(), s.data() + s.size(), o);
  if (clean == s.size()) [[likely]] {  // nothing to escape
    o[clean] = '"';
    pos_ = o + clean + 1;
    return;
  }
  pos_ = o + clean;
  QuotedRest(s.substr(clean));
}

void JsonOut::QuotedRest(std::string_view s) {
  const char* p = s.data();
  const char* const end = p + s.size();
  char* o = pos_;
  while (true) {  // *p needs escaping
    const size_t rest = static_cast<size_t>(end - p);  // this byte and those after it
    if (static_cast<size_t>(end_ - o) < rest + 6) {
      pos_ = o;
      Grow(rest + 6);
      o = pos_;
    }
    const unsigned char c = static_cast<unsigned char>(*p++);
    const char e = kJsonEscape[c];
    *o++ = '\\';
    *o++ = e;
    if (e == 'u') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      *o++ = '0';
      *o++ = '0';
      *o++ = kHex[c >> 4];
      *o++ = kHex[c & 15];
    }
    const size_t clean = CopyClean(p, end, o);
    p += clean;
    o += clean;
    if (p == end) break;
  }
  *o++ = '"';
  pos_ = o;
}

bool JsonOut::Thousandths(double d) {
  // d is k / 1000 for a whole k when it is the double nearest to it
  // (division rounds correctly). For those, and k below a million, the
  // shortest digits are k's with the point three places left, trailing
  // zeros dropped, so that no cut applies (json_out_test compares every
  // such k with RapidJSON's dtoa). -0.0 keeps its sign there: left to it.
  const double x = d * 1000;
  if (!(x >= 0 && x < 1e6) || std::signbit(d)) return false;
  const uint32_t k = static_cast<uint32_t>(x + 0.5);
  if (static_cast<double>(k) / 1000 != d) return false;
  Reserve(16);
  pos_ = WriteUint(k / 1000, pos_);
  *pos_++ = '.';
  // The three decimals, less their trailing zeros, but one at least.
  const uint32_t fraction = k % 1000;
  *pos_ = static_cast<char>('0' + fraction / 100);
  WritePair(fraction % 100, pos_ + 1);
  pos_ += fraction % 100 != 0 ? (fraction % 10 != 0 ? 3 : 2) : 1;
  return true;
}

void JsonOut::Double(double d, int max_decimals) {
  if (!std::isfinite(d)) {
    Null();
    return;
  }
  if (max_decimals >= 3 && Thousandths(d)) return;
  Reserve(32);  // dtoa writes at most 25 bytes
  pos_ = rapidjson::internal::dtoa(d, pos_, max_decimals);
}

}  // namespace newsgraph::write
