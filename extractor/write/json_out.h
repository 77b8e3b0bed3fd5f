// Appends JSON straight to a caller's std::string: it writes into the
// string's own memory through a cursor, so a value costs a few stores, with
// no intermediate buffer and no allocation once the string has grown to its
// working size. The caller writes the punctuation: the fixed parts of a
// record (brackets, member names with their commas and colons) go in as
// they are with Raw(), which copies a literal with a store or two; values
// go in with String(), Uint(), Double()... The bytes of values are those
// RapidJSON's Writer (default flags) would write: '"', '\\' and control
// bytes escaped ("\n", "\u001F" with upper-case hex), everything else,
// UTF-8 included, copied as it is; numbers without spaces.
//
//   std::string out;
//   {
//     JsonOut j(&out);
//     j.Raw("{\"start\":"); j.Uint(0);
//     j.Raw(",\"text\":"); j.String("Putin");
//     j.Raw(",\"mentions\":[");
//     for (uint32_t i = 0; i < 2; ++i) { j.Comma(i > 0); j.Uint(i + 1); }
//     j.Raw("]}");
//   }  // or j.Finish(): out == {"start":0,"text":"Putin","mentions":[1,2]}
//
// *out must not be touched between construction and Finish() (or the
// destruction of the JsonOut).
#ifndef NEWSGRAPH_WRITE_JSON_OUT_H_
#define NEWSGRAPH_WRITE_JSON_OUT_H_

#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extractor/core/json_bytes.h"

namespace newsgraph::write {

namespace internal {

#if defined(__SSE2__)
// Copies the n bytes at `p` (4 <= n <= 16) to `o` as two overlapping words,
// the first and the last h bytes (h = 8 from 8 bytes on, else 4), and
// returns the bytes of those words that need escaping: bit i for byte i of
// the first word, bit h + i for byte i of the last (byte n - h + i of the
// string); 0 when none does. QuotedShort() and CopyClean() share it.
inline unsigned CopyShort(const char* p, size_t n, char* o) {
  assert(n >= 4 && n <= 16);
  if (n >= 8) {
    const __m128i a = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p));
    const __m128i b = _mm_loadl_epi64(reinterpret_cast<const __m128i*>(p + n - 8));
    _mm_storel_epi64(reinterpret_cast<__m128i*>(o), a);
    _mm_storel_epi64(reinterpret_cast<__m128i*>(o + n - 8), b);
    return JsonSpecialMask16(_mm_unpacklo_epi64(a, b));
  }
  int32_t a, b;
  std::memcpy(&a, p, 4);
  std::memcpy(&b, p + n - 4, 4);
  std::memcpy(o, &a, 4);
  std::memcpy(o + n - 4, &b, 4);
  // Bytes 8 to 15 are zero, which counts as a control byte: masked off.
  return JsonSpecialMask16(_mm_unpacklo_epi32(_mm_cvtsi32_si128(a), _mm_cvtsi32_si128(b))) & 0xFFu;
}
#endif

}  // namespace internal

class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(out), used_(out->size()) {}
  ~JsonOut() { Finish(); }
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  // Cuts *out to what was written. Idempotent.
  void Finish() {
    assert(!run_open_);
    if (pos_ == nullptr) return;
    used_ = static_cast<size_t>(pos_ - out_->data());
    out_->resize(used_);
    pos_ = end_ = nullptr;
  }

  // A run of literals, commas and whole numbers: one check of the room for
  // all of them, and a cursor of its own that stays in a register (the
  // JsonOut's lives in memory):
  //   {
  //     JsonOut::Run run(&j, 48);  // writes at most 48 bytes
  //     run.Raw("{\"start\":"); run.Uint(span.begin); run.Raw(",\"end\":"); run.Uint(span.end);
  //   }  // the JsonOut goes on after what the run wrote
  // A Uint counts 20 bytes, a Comma 1 even when `more` is false (it stores
  // its byte either way, for what follows to write over). Nothing else
  // writes to the JsonOut while a Run on it lives (debug builds assert it).
  class Run {
   public:
    Run(JsonOut* out, size_t budget) : out_(out) {
      out->Reserve(budget);
      pos_ = out->pos_;
      limit_ = pos_ + budget;
#ifndef NDEBUG
      out->run_open_ = true;
#endif
    }
    ~Run() {
      out_->pos_ = pos_;
#ifndef NDEBUG
      out_->run_open_ = false;
#endif
    }
    Run(const Run&) = delete;
    Run& operator=(const Run&) = delete;

    // A literal piece of JSON text, as it is: "{\"id\":", ",\"end\":", "]}".
    // Its length is known at compile time: the copy is a store or two.
    template <size_t N>
    void Raw(const char (&json)[N]) {
      assert(json[N - 1] == '\0');  // a string literal, not a char array of other bytes
      assert(pos_ + (N - 1) <= limit_);
      std::memcpy(pos_, json, N - 1);
      pos_ += N - 1;
    }
    // The ',' between two elements of an array: written when `more` (an
    // element after the first), without a branch.
    void Comma(bool more) {
      assert(pos_ < limit_);
      *pos_ = ',';
      pos_ += more;
    }
    void Uint(uint64_t v) {
      assert(pos_ + 20 <= limit_);
      pos_ = WriteUint(v, pos_);
    }

   private:
    JsonOut* out_;
    char* pos_;
    [[maybe_unused]] char* limit_;  // for the asserts
  };

  // The same, one at a time.
  template <size_t N>
  void Raw(const char (&json)[N]) {
    Run(this, N - 1).Raw(json);
  }
  void Comma(bool more) { Run(this, 1).Comma(more); }
  void Uint(uint64_t v) { Run(this, 20).Uint(v); }
  void Null() { Raw("null"); }
  // JSON text made at run time, as it is.
  void Raw(std::string_view json) {
    Reserve(json.size());
    std::memcpy(pos_, json.data(), json.size());
    pos_ += json.size();
  }

  // A piece of JSON text made once at run time and written often (a member
  // name with a quoted value: ",\"type\":\"Person\""). Up to 32 bytes it is
  // kept in a fixed buffer and written with a copy of fixed size (the bytes
  // after it are written over later), without a call to memcpy.
  class Piece {
   public:
    explicit Piece(std::string_view json) : size_(json.size()) {
      if (size_ <= sizeof(bytes_)) {
        std::memcpy(bytes_, json.data(), size_);
      } else {
        long_.assign(json);
      }
    }

   private:
    friend class JsonOut;
    char bytes_[32] = {};
    size_t size_;
    std::string long_;  // the text when longer than bytes_
  };
  void Raw(const Piece& piece) {
    if (piece.size_ > sizeof(piece.bytes_)) [[unlikely]] {
      Raw(std::string_view(piece.long_));
      return;
    }
    Reserve(sizeof(piece.bytes_));
    std::memcpy(pos_, piece.bytes_, sizeof(piece.bytes_));
    pos_ += piece.size_;
  }

  // A quoted, escaped string.
  void String(std::string_view s) {
    if (!QuotedShort(s)) Quoted(s);
  }
  // The same for a piece `s` of a longer text `within` (a span of the
  // document text): the bytes of `within` after `s` may be read, so that
  // a short `s` is checked in one 16-byte step rather than piece by piece
  // (near the end of `within`, it is written as by String(s)).
  void String(std::string_view s, std::string_view within);

  // Shortest digits that read back as `d`, cut (not rounded) to at most
  // `max_decimals` after the point ("0.9", "1.0", "0.123"), as RapidJSON's
  // writer does; callers round first. Null for NaN and infinities, which
  // JSON cannot hold.
  void Double(double d, int max_decimals);

 private:
  // Makes room for `n` more bytes after the cursor. Every write through
  // the JsonOut starts here.
  void Reserve(size_t n) {
    assert(!run_open_);
    if (static_cast<size_t>(end_ - pos_) < n) [[unlikely]] Grow(n);
  }
  void Grow(size_t n);
  // Most strings of a record (ids, names, dates) have 4 to 16 bytes: this
  // writes those inline, from two overlapping words checked at once, and
  // returns true. It returns false, having written nothing that counts, for
  // other sizes and when a byte needs escaping.
  bool QuotedShort(std::string_view s) {
#if defined(__SSE2__)
    const size_t n = s.size();
    if (n - 4 > 12) return false;  // below 4, n - 4 wraps around
    Reserve(18);
    char* o = pos_;
    if (internal::CopyShort(s.data(), n, o + 1) != 0) return false;
    o[0] = '"';
    o[n + 1] = '"';
    pos_ = o + n + 2;
    return true;
#else
    return false;
#endif
  }
  void Quoted(std::string_view s);
  // The rest of a quoted string from a byte that needs escaping, and the
  // closing quote.
  void QuotedRest(std::string_view s);
  // Writes the decimal digits of `v` at `p` (room for 20 bytes) and returns
  // the end. Offsets in a record mostly have 2 to 4 digits: a table of digit
  // pairs writes those with one division or none, where std::to_chars
  // counts the digits in a loop first.
  static char* WriteUint(uint64_t v, char* p) {
    if (v < 100) {
      if (v < 10) {
        *p = static_cast<char>('0' + v);
        return p + 1;
      }
      return WritePair(static_cast<uint32_t>(v), p);
    }
    if (v < 10000) {
      const uint32_t high = static_cast<uint32_t>(v) / 100;
      if (high < 10) {
        *p++ = static_cast<char>('0' + high);
      } else {
        p = WritePair(high, p);
      }
      return WritePair(static_cast<uint32_t>(v) - high * 100, p);
    }
    return std::to_chars(p, p + 20, v).ptr;
  }
  // The two digits of `v` (below 100).
  static char* WritePair(uint32_t v, char* p) {
    static constexpr char kPairs[] =
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
        "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
        "8081828384858687888990919293949596979899";
    std::memcpy(p, kPairs + 2 * v, 2);
    return p + 2;
  }
  // Writes `d` and returns true when `d` is the double nearest to k / 1000
  // for a whole k from 0 to 999999 (0 <= d < 1000 with at most three
  // decimals: "0.0", "0.85", "1.0", "999.999"); returns false, having
  // written nothing, for any other value, -0.0 included.
  bool Thousandths(double d);

  std::string* out_;
  size_t used_;            // bytes of *out_ in use when the cursor is unset
  char* pos_ = nullptr;    // cursor into out_'s memory, or nullptr
  char* end_ = nullptr;    // end of out_'s sized memory
#ifndef NDEBUG
  bool run_open_ = false;  // a Run writes through its own cursor
#endif
};

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_JSON_OUT_H_
