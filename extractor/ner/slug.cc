#include "extractor/ner/slug.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

#include "extractor/core/bytes.h"
#include "extractor/ner/token_key.h"

namespace newsgraph::ner {
namespace {

// The slug of a name of ASCII letters and digits with single spaces between
// its words ("John Smith"), the common case, eight bytes at a time: every
// byte maps to one, capitals lowered and spaces as '-'. Returns false, with
// *out as it was, for any other name.
bool AppendPlainSlug(std::string_view name, std::string* out) {
  // The words are stored as they were loaded: byte order matters.
  if constexpr (std::endian::native != std::endian::little) return false;
  const size_t size = name.size();
  if (size == 0 || name.front() == ' ' || name.back() == ' ') return false;
  const size_t start = out->size();
  out->resize(start + size + 8);  // room for whole words
  char* const slug = out->data() + start;
  uint64_t space_before = 0;  // 0x80 when the byte before this word is a space
  for (size_t i = 0; i < size; i += 8) {
    const size_t n = std::min<size_t>(8, size - i);
    const uint64_t w = LoadLe(name.data() + i, n);
    const uint64_t valid = LowBytes(kHighs, n);
    // Masks of high bits; exact for bytes below 0x80 (adding moves a
    // byte's high bit only, never a carry), checked below.
    const uint64_t lower = w | (kOnes * 0x20);
    const uint64_t letter = (lower + kOnes * (0x80 - 'a')) & ~(lower + kOnes * (0x80 - 'z' - 1));
    const uint64_t capital = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & kHighs;
    const uint64_t digit = (w + kOnes * (0x80 - '0')) & ~(w + kOnes * (0x80 - '9' - 1));
    const uint64_t x = w ^ (kOnes * ' ');
    const uint64_t space = ~(((x & ~kHighs) + ~kHighs) | x) & kHighs & valid;
    const uint64_t double_space = space & (space << 8 | space_before);
    if ((w & kHighs) != 0 || ((letter | digit | space) & valid) != valid || double_space != 0) {
      out->resize(start);
      return false;
    }
    // A capital gets its 0x20 bit; a space (0x20) plus 0x0d is '-'.
    const uint64_t word = (w | capital >> 2) + (space >> 7) * 0x0d;
    std::memcpy(slug + i, &word, 8);
    space_before = (space >> (8 * n - 8)) & 0x80;
  }
  out->resize(start + size);
  return true;
}

}  // namespace

void AppendSlugBytes(std::string_view name, std::string* out) {
  // Written through a pointer into room made first (a slug is never longer
  // than the name), not a byte at a time.
  const size_t start = out->size();
  out->resize(start + name.size());
  char* const begin = out->data() + start;
  char* p = begin;
  bool dash = false;
  for (unsigned char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      *p++ = static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      *p++ = static_cast<char>(c + 32);
      dash = false;
    } else if (c == '.' || c == '\'') {
      continue;
    } else if (!dash && p > begin) {
      *p++ = '-';
      dash = true;
    }
  }
  while (p > begin && p[-1] == '-') --p;
  out->resize(start + static_cast<size_t>(p - begin));
}

void AppendSlug(std::string_view name, std::string* out) {
  if (!AppendPlainSlug(name, out)) AppendSlugBytes(name, out);
}

}  // namespace newsgraph::ner
