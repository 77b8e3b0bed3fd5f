// The bytes a JSON string cannot hold as they are: '"', '\\' and the
// control bytes below 0x20, and the escapes that stand for them. The reader
// stops at them to decode escapes, the writer to write them; both test 16
// bytes at a time where SSE2 is there.
//
//   #if defined(__SSE2__)
//   unsigned m = JsonSpecialMask16(_mm_loadu_si128(p));  // bit i: byte i is special
//   #endif
#ifndef NEWSGRAPH_CORE_JSON_BYTES_H_
#define NEWSGRAPH_CORE_JSON_BYTES_H_

#include <array>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsgraph {

// For each byte: 0 when a JSON string holds it as it is, else the letter
// after the backslash that writes it ('u' for \u00XX).
inline constexpr std::array<char, 256> kJsonEscape = [] {
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
}();

// The other way: for each letter after a backslash, the byte it stands for
// ('/' too, which JSON may escape); 0 for 'u' and for an invalid escape.
inline constexpr std::array<char, 256> kJsonUnescape = [] {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    if (kJsonEscape[c] != 0 && kJsonEscape[c] != 'u') t[static_cast<unsigned char>(kJsonEscape[c])] = static_cast<char>(c);
  }
  t['/'] = '/';
  return t;
}();

inline bool IsJsonSpecial(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

#if defined(__SSE2__)
// Bit i set when byte i of `x` is '"', '\\' or below 0x20.
inline unsigned JsonSpecialMask16(__m128i x) {
  const __m128i control = _mm_set1_epi8(0x1F);
  const __m128i hit = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
      _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));  // x <= 0x1F
  return static_cast<unsigned>(_mm_movemask_epi8(hit));
}
#endif

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_JSON_BYTES_H_
