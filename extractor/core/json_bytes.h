// The bytes a JSON string cannot hold as they are: '"', '\\' and the
// control bytes below 0x20. The reader stops at them to decode escapes, the
// writer to write them; both test 16 bytes at a time where SSE2 is there.
//
//   #if defined(__SSE2__)
//   unsigned m = JsonSpecialMask16(_mm_loadu_si128(p));  // bit i: byte i is special
//   #endif
#ifndef NEWSGRAPH_CORE_JSON_BYTES_H_
#define NEWSGRAPH_CORE_JSON_BYTES_H_

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsgraph {

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
