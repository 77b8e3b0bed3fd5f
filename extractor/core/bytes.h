// Up to eight bytes of a text as one little-endian number (the first byte
// lowest), so that a short word is hashed or compared as one integer: the
// keys of TokenMap, the segmenter's abbreviations, the event stage's cache
// of lookups.
//
//   uint64_t a = LoadLe(p, 3);   // p[0] | p[1] << 8 | p[2] << 16; reads 3 bytes
//   uint64_t b = LoadLe8(p, 3);  // the same, with one 8-byte load: p[0..7] must be readable
#ifndef NEWSGRAPH_CORE_BYTES_H_
#define NEWSGRAPH_CORE_BYTES_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace newsgraph {

// The first min(n, 8) bytes at `p`; reads no byte past them.
inline uint64_t LoadLe(const char* p, size_t n) {
  if (n >= 8 && std::endian::native == std::endian::little) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  if constexpr (std::endian::native != std::endian::little) {
    if (n > 8) n = 8;
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    return v;
  }
  // Two loads that overlap in the middle, OR-ed: the bytes they share are
  // the same in both. Keys are mostly short words, and a loop of n steps
  // mispredicts on every new length.
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | static_cast<uint64_t>(hi) << (8 * (n - 4));
  }
  if (n == 0) return 0;
  auto byte = [p](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
  return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
}

// The same for n <= 8, reading all eight bytes at `p` (the caller knows they
// are readable) and masking off those past n: one load and an AND, no branch.
inline uint64_t LoadLe8(const char* p, size_t n) {
  if constexpr (std::endian::native != std::endian::little) return LoadLe(p, n);
  // The low n bytes set; a table, as a shift by 64 (n == 0) is undefined.
  static constexpr uint64_t kMasks[9] = {0,
                                         0xFF,
                                         0xFFFF,
                                         0xFFFFFF,
                                         0xFFFFFFFF,
                                         0xFFFFFFFFFFull,
                                         0xFFFFFFFFFFFFull,
                                         0xFFFFFFFFFFFFFFull,
                                         ~uint64_t{0}};
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v & kMasks[n];
}

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_BYTES_H_
