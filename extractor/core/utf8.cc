#include "extractor/core/utf8.h"

namespace newsgraph {

namespace {

// Decodes one code point; on an invalid sequence returns false and sets
// *length to the lead byte plus the continuation bytes that follow it, so
// that a truncated sequence becomes one U+FFFD.
bool Decode(std::string_view s, size_t pos, char32_t* out, size_t* length) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  *length = 1;
  *out = b0;
  if (b0 < 0x80) return true;
  const auto fail = [&](size_t max_len) {
    size_t l = 1;
    while (l < max_len && pos + l < s.size() && (byte(pos + l) & 0xC0) == 0x80) ++l;
    *length = l;
    *out = 0xFFFD;
    return false;
  };
  size_t n;
  char32_t cp;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07;
  } else {
    return fail(1);
  }
  for (size_t i = 1; i < n; ++i) {
    if (pos + i >= s.size()) return fail(n);
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) return fail(i);
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    *out = 0xFFFD;
    *length = 1;
    return false;
  }
  *length = n;
  *out = cp;
  return true;
}

}  // namespace

char32_t DecodeUtf8(std::string_view s, size_t pos, size_t* length) {
  char32_t cp;
  Decode(s, pos, &cp, length);
  return cp;
}

bool IsValidUtf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t cp;
    if (!Decode(s, i, &cp, &len)) return false;
    i += len;
  }
  return true;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t RepairUtf8(std::string* text) {
  const std::string& s = *text;
  // Fast path: most documents are clean.
  size_t i = 0;
  for (; i < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == 0) break;
    if (b >= 0x80) {
      size_t len;
      char32_t cp;
      if (!Decode(s, i, &cp, &len)) break;
      i += len - 1;
    }
  }
  if (i == s.size()) return 0;
  std::string out(s, 0, i);
  size_t replaced = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b == 0) {
      out.push_back(' ');
      ++replaced;
      ++i;
    } else if (b < 0x80) {
      out.push_back(static_cast<char>(b));
      ++i;
    } else {
      size_t len;
      char32_t cp;
      if (!Decode(s, i, &cp, &len)) {
        AppendUtf8(0xFFFD, &out);
        ++replaced;
      } else {
        out.append(s, i, len);
      }
      i += len;
    }
  }
  *text = std::move(out);
  return replaced;
}

bool IsUnicodeSpace(char32_t cp) {
  return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

UnicodeClass ClassifyUnicode(char32_t cp) {
  if (cp == 0x2028 || cp == 0x2029) return UnicodeClass::kLineBreak;
  if (IsUnicodeSpace(cp)) return UnicodeClass::kSpace;
  if (IsUnicodeApostrophe(cp)) return UnicodeClass::kApostrophe;
  if (IsUnicodePunctuation(cp)) return UnicodeClass::kPunctuation;
  return UnicodeClass::kWord;
}

bool IsUnicodePunctuation(char32_t cp) {
  return (cp >= 0x2010 && cp <= 0x2027) ||  // dashes, quotes, bullets, ellipsis
         (cp >= 0x2030 && cp <= 0x205E) ||  // per mille, primes, guillemets...
         cp == 0x00AB || cp == 0x00BB ||    // « »
         cp == 0x00A1 || cp == 0x00BF ||    // ¡ ¿
         cp == 0x00A7 || cp == 0x00B6 || cp == 0x00B7 || cp == 0x00A9 || cp == 0x00AE ||
         cp == 0x00B0 || cp == 0x2122 || cp == 0xFFFD || (cp >= 0x3000 && cp <= 0x303F) ||
         (cp >= 0x2190 && cp <= 0x2BFF);    // arrows, symbols
}

bool IsUnicodeApostrophe(char32_t cp) { return cp == 0x2019 || cp == 0x02BC; }

bool IsUnicodeUpper(char32_t cp) {
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;                  // Latin-1: À..Þ but ×
  if (cp >= 0x100 && cp <= 0x17F) {                                 // Latin Extended-A
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
    return cp % 2 == 0 && cp != 0x138;
  }
  if (cp >= 0x391 && cp <= 0x3AB) return true;                      // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;                      // Cyrillic
  if (cp >= 0x1E00 && cp <= 0x1EFF) return cp % 2 == 0;             // Latin Extended Additional
  return false;
}

}  // namespace newsgraph
