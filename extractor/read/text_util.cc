#include "extractor/read/text_util.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extractor/core/utf8.h"

namespace newsgraph::read {

namespace {

// ASCII bytes that are neither white space nor other control characters.
bool IsVisibleAscii(unsigned char c) { return c > 0x20 && c < 0x7F; }

}  // namespace

void TextBuilder::Flush() {
  if (out_.empty()) {
    pending_ = kNone;  // no leading white space or breaks
    return;
  }
  switch (pending_) {
    case kNone: break;
    case kSpace: out_.push_back(' '); break;
    case kLine: out_.push_back('\n'); break;
    case kParagraph: out_.append("\n\n"); break;
  }
  pending_ = kNone;
}

void TextBuilder::Append(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (out_.size() >= limit_) {
      truncated_ = true;
      return;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsVisibleAscii(c)) {  // white space and stray control characters
        Break(kSpace);
        ++i;
        continue;
      }
      // A run of visible ASCII, single spaces between words included: most
      // text is copied in one piece.
      size_t j = i + 1;
      const size_t room = limit_ > out_.size() ? limit_ - out_.size() : 0;
      while (j < s.size() && j - i < room) {
        unsigned char b = static_cast<unsigned char>(s[j]);
        if (IsVisibleAscii(b)) {
          ++j;
        } else if (b == ' ' && j + 1 < s.size() && IsVisibleAscii(static_cast<unsigned char>(s[j + 1]))) {
          j += 2;
        } else {
          break;
        }
      }
      Flush();
      out_.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (cp == 0x200B || cp == 0xFEFF || cp == 0x00AD) {
      // zero width space, byte-order mark, soft hyphen: invisible
    } else if (cp == 0x2028) {
      Break(kLine);
    } else if (cp == 0x2029) {
      Break(kParagraph);
    } else if (IsUnicodeSpace(cp) || (cp >= 0x80 && cp < 0xA0)) {  // C1 controls too
      Break(kSpace);
    } else {
      Flush();
      if (cp == 0xFFFD) {
        AppendUtf8(0xFFFD, &out_);  // also stands for invalid input: keep the output valid
      } else {
        out_.append(s.data() + i, len);
      }
    }
    i += len;
  }
}

std::string TextBuilder::Finish() {
  pending_ = kNone;
  std::string out = std::move(out_);
  out_.clear();
  return out;
}

std::string NormalizeSpace(std::string_view text) {
  TextBuilder b;
  b.Append(text);
  return b.Finish();
}

// Whether `s` is valid UTF-8 without NUL bytes; sixteen (or eight) ASCII
// bytes at a time.
static bool IsCleanUtf8(std::string_view s) {
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  size_t i = 0;
  while (i < s.size()) {
#if defined(__SSE2__)
    // Sixteen ASCII bytes without a zero at a time: the bulk of most text.
    while (s.size() - i >= 16) {
      const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      if (_mm_movemask_epi8(_mm_or_si128(x, _mm_cmpeq_epi8(x, _mm_setzero_si128()))) != 0) break;
      i += 16;
    }
    if (i == s.size()) break;
#endif
    if (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if ((w & kHigh) == 0 && ((w - kOnes) & ~w & kHigh) == 0) {  // ASCII, no zero byte
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    if (DecodeUtf8(s, i, &len) == 0xFFFD && s.substr(i, 3) != "\xEF\xBF\xBD") return false;
    i += len;
  }
  return true;
}

void RepairText(std::string* text, Document* doc) {
  if (IsCleanUtf8(*text)) return;
  size_t nuls = static_cast<size_t>(std::count(text->begin(), text->end(), '\0'));
  size_t replaced = RepairUtf8(text);
  if (replaced == 0) return;
  if (nuls > 0) {
    doc->warnings.push_back("replaced " + std::to_string(nuls) + " NUL byte" + (nuls == 1 ? "" : "s") +
                            " with spaces");
  }
  if (replaced > nuls) {
    size_t bad = replaced - nuls;
    doc->warnings.push_back("replaced " + std::to_string(bad) + " invalid UTF-8 sequence" +
                            (bad == 1 ? "" : "s") + " with U+FFFD");
  }
}

void RepairString(std::string* text) {
  if (!IsCleanUtf8(*text)) RepairUtf8(text);
}

std::string Utf16ToUtf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
  auto unit = [&](size_t i) -> char32_t {
    unsigned char a = static_cast<unsigned char>(bytes[i]);
    unsigned char b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), &out);
        i += 2;
        continue;
      }
    }
    AppendUtf8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, &out);
  }
  if (i < bytes.size()) AppendUtf8(0xFFFD, &out);
  return out;
}

std::string FormatBytes(uint64_t bytes) {
  char buf[32];
  if (bytes < 1024) {
    std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
  } else if (bytes < (uint64_t{1} << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f KB", static_cast<double>(bytes) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  }
  return buf;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != lower[i]) return false;
  }
  return true;
}

std::string_view TrimAscii(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // continuation byte
  return text.substr(0, n);
}

}  // namespace newsgraph::read
