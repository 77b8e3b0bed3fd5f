#include "extractor/read/xml_sanitizer.h"

#include <libxml/HTMLparser.h>

#include <array>

#include "extractor/core/utf8.h"

namespace newsgraph::read {

namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsXmlChar(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

// &#128;..&#159; in feeds almost always mean windows-1252 characters.
char32_t FromWindows1252(char32_t cp) {
  static constexpr std::array<char32_t, 32> kMap = {
      0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
  return cp >= 0x80 && cp <= 0x9F ? kMap[cp - 0x80] : cp;
}

char32_t NamedEntity(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  std::string n(name);
  const htmlEntityDesc* e = htmlEntityLookup(reinterpret_cast<const xmlChar*>(n.c_str()));
  return e == nullptr ? 0 : static_cast<char32_t>(e->value);
}

void AppendCharRef(char32_t cp, std::string* out) {
  out->append("&#");
  out->append(std::to_string(static_cast<uint32_t>(cp)));
  out->push_back(';');
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view upper_prefix) {
  if (s.size() < upper_prefix.size()) return false;
  for (size_t i = 0; i < upper_prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (c != upper_prefix[i]) return false;
  }
  return true;
}

// Whether `s` is shorter than `full` (upper-case) and could be its start.
bool IsCutPrefix(std::string_view s, std::string_view full) {
  return s.size() < full.size() && StartsWithIgnoreCase(s, full.substr(0, s.size()));
}

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Bytes that end a run of plain text: markup, references and controls,
// and with UTF-8 repair, every non-ASCII byte.
constexpr std::array<bool, 256> SpecialBytes(bool utf8) {
  std::array<bool, 256> t{};
  for (int b = 0; b < 256; ++b) t[b] = b == '&' || b == '<' || b < 0x20 || (utf8 && b >= 0x80);
  return t;
}
constexpr std::array<bool, 256> kSpecialBytes = SpecialBytes(false);
constexpr std::array<bool, 256> kSpecialUtf8 = SpecialBytes(true);

}  // namespace

void XmlSanitizer::Push(std::string_view chunk, std::string* out) {
  if (carry_.empty()) {
    Run(chunk, false, out);
    return;
  }
  std::string in = std::move(carry_);
  carry_.clear();
  in.append(chunk);
  Run(in, false, out);
}

void XmlSanitizer::Finish(std::string* out) {
  std::string in = std::move(carry_);
  carry_.clear();
  Run(in, true, out);
}

size_t XmlSanitizer::Char(std::string_view in, size_t i, bool final, std::string* out) {
  unsigned char c = static_cast<unsigned char>(in[i]);
  if (c < 0x20) {
    if (c == '\t' || c == '\n' || c == '\r') {
      out->push_back(static_cast<char>(c));
    } else {
      out->push_back(' ');
      ++control_chars_;
    }
    return 1;
  }
  if (c < 0x80 || !repair_utf8_) {
    out->push_back(static_cast<char>(c));
    return 1;
  }
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (!final && need > 1 && i + need > in.size()) {
    bool continuation = true;
    for (size_t k = i + 1; k < in.size(); ++k) {
      if ((static_cast<unsigned char>(in[k]) & 0xC0) != 0x80) continuation = false;
    }
    if (continuation) return 0;  // the rest of the character is in the next chunk
  }
  size_t len;
  char32_t cp = DecodeUtf8(in, i, &len);
  bool real_replacement = len == 3 && in.substr(i, 3) == "\xEF\xBF\xBD";
  if ((cp == 0xFFFD && !real_replacement) || cp == 0xFFFE || cp == 0xFFFF) {
    AppendUtf8(0xFFFD, out);
    if (cp == 0xFFFD) ++invalid_utf8_;
    return len;
  }
  out->append(in.data() + i, len);
  return len;
}

size_t XmlSanitizer::Reference(std::string_view in, size_t i, bool final, std::string* out) {
  const size_t n = in.size();
  size_t j = i + 1;
  if (j >= n) {
    if (!final) return 0;
    out->append("&#38;");
    return 1;
  }
  if (in[j] == '#') {
    size_t k = j + 1;
    bool hex = k < n && (in[k] == 'x' || in[k] == 'X');
    if (hex) ++k;
    size_t digits = k;
    uint64_t value = 0;
    while (k < n && k - digits < 12 && (hex ? HexValue(in[k]) >= 0 : IsAsciiDigit(in[k]))) {
      value = value * (hex ? 16 : 10) + static_cast<uint64_t>(hex ? HexValue(in[k]) : in[k] - '0');
      ++k;
    }
    if (k >= n && !final) return 0;
    if (k < n && in[k] == ';' && k > digits) {
      char32_t cp = value > 0x10FFFF ? 0xFFFD : FromWindows1252(static_cast<char32_t>(value));
      AppendCharRef(IsXmlChar(cp) ? cp : 0xFFFD, out);
      return k + 1 - i;
    }
    out->append("&#38;");  // not a reference: a literal '&', the rest is text
    return 1;
  }
  size_t k = j;
  while (k < n && k - j < 32 && (IsAsciiAlpha(in[k]) || IsAsciiDigit(in[k]))) ++k;
  if (k >= n && !final) return 0;
  if (k < n && in[k] == ';' && k > j && IsAsciiAlpha(in[j])) {
    std::string_view name = in.substr(j, k - j);
    if (char32_t cp = NamedEntity(name); cp != 0) {
      AppendCharRef(cp, out);
    } else {
      out->append("&#38;");  // unknown: keep it readable as "&name;"
      out->append(name);
      out->push_back(';');
    }
    return k + 1 - i;
  }
  out->append("&#38;");
  return 1;
}

size_t XmlSanitizer::Doctype(std::string_view in, size_t i, bool final) {
  // Only the newlines are kept (see Run); everything else is dropped.
  const size_t n = in.size();
  size_t k = i;
  while (k < n) {
    char c = in[k];
    if (doctype_comment_) {
      if (c == '-') {
        if (n - k < 3 && !final) break;
        if (in.substr(k, 3) == "-->") {
          doctype_comment_ = false;
          k += 3;
          continue;
        }
      }
    } else if (doctype_quote_ != 0) {
      if (c == doctype_quote_) doctype_quote_ = 0;
    } else if (c == '"' || c == '\'') {
      doctype_quote_ = c;
    } else if (c == '<') {
      if (n - k < 4 && !final) break;
      if (in.substr(k, 4) == "<!--") {
        doctype_comment_ = true;
        k += 4;
        continue;
      }
    } else if (c == '[') {
      ++doctype_brackets_;
    } else if (c == ']') {
      if (doctype_brackets_ > 0) --doctype_brackets_;
    } else if (c == '>' && doctype_brackets_ == 0) {
      state_ = State::kText;
      ++k;
      break;
    }
    ++k;
  }
  return k - i;
}

void XmlSanitizer::Run(std::string_view in, bool final, std::string* out) {
  size_t i = 0;
  if (!started_) {
    if (!final && in.size() < kBom.size() && kBom.substr(0, in.size()) == in) {
      carry_.assign(in);
      return;
    }
    if (in.substr(0, kBom.size()) == kBom) i = kBom.size();
    started_ = true;
  }
  const size_t n = in.size();
  while (i < n) {
    size_t used = 0;
    switch (state_) {
      case State::kText: {
        char c = in[i];
        if (c == '&') {
          used = Reference(in, i, final, out);
        } else if (c == '<') {
          std::string_view rest = in.substr(i);
          if (!final && (IsCutPrefix(rest, "<!--") || IsCutPrefix(rest, "<![CDATA[") ||
                         IsCutPrefix(rest, "<!DOCTYPE"))) {
            used = 0;
          } else if (rest.substr(0, 4) == "<!--") {
            state_ = State::kComment;  // dropped
            used = 4;
          } else if (rest.substr(0, 9) == "<![CDATA[") {
            state_ = State::kCdata;  // its text is written escaped instead
            used = 9;
          } else if (StartsWithIgnoreCase(rest, "<!DOCTYPE")) {
            state_ = State::kDoctype;
            saw_doctype_ = true;
            doctype_quote_ = 0;
            doctype_brackets_ = 0;
            doctype_comment_ = false;
            used = 9;
          } else if (rest.substr(0, 2) == "<?") {
            // The XML declaration names the encoding: it stays. Other
            // processing instructions go.
            if (!final && rest.size() < 6) {
              used = 0;
            } else {
              bool declaration = !seen_markup_ && rest.substr(0, 5) == "<?xml" && rest.size() > 5 &&
                                 (rest[5] == ' ' || rest[5] == '\t' || rest[5] == '\r' || rest[5] == '\n');
              state_ = declaration ? State::kXmlDeclaration : State::kPi;
              declaration_.clear();
              used = 2;
            }
          } else {
            out->push_back('<');
            used = 1;
          }
        } else {
          // Fast path over plain bytes.
          const std::array<bool, 256>& special = repair_utf8_ ? kSpecialUtf8 : kSpecialBytes;
          size_t j = i;
          while (j < n && !special[static_cast<unsigned char>(in[j])]) ++j;
          if (j > i) {
            out->append(in.data() + i, j - i);
            used = j - i;
          } else {
            used = Char(in, i, final, out);
          }
        }
        break;
      }
      case State::kComment:
      case State::kCdata:
      case State::kPi: {
        std::string_view end = state_ == State::kComment ? "-->" : state_ == State::kCdata ? "]]>" : "?>";
        const bool keep = state_ == State::kCdata;
        // Fast path: a run of bytes that need nothing but copying (or, in
        // what is dropped, nothing but their newlines kept).
        size_t j = i;
        if (keep) {
          const bool cdata = state_ == State::kCdata;
          while (j < n) {
            unsigned char b = static_cast<unsigned char>(in[j]);
            if (b == static_cast<unsigned char>(end[0]) || b < 0x20 || (b >= 0x80 && repair_utf8_) ||
                (cdata && (b == '<' || b == '&' || b == '>'))) {
              break;
            }
            ++j;
          }
          out->append(in.data() + i, j - i);
        } else {
          size_t stop = in.find(end[0], i);
          j = stop == std::string_view::npos ? n : stop;
          for (size_t k = i; k < j; ++k) {
            if (in[k] == '\n') out->push_back('\n');  // line numbers stay true
          }
        }
        if (j > i) {
          used = j - i;
          break;
        }
        std::string_view rest = in.substr(i, end.size());
        if (rest == end) {
          state_ = State::kText;
          used = end.size();
        } else if (!final && in[i] == end[0] && rest.size() < end.size() && end.substr(0, rest.size()) == rest) {
          used = 0;
        } else if (!keep) {
          if (in[i] == '\n') out->push_back('\n');  // line numbers stay true
          used = 1;
        } else if (state_ == State::kCdata && (in[i] == '<' || in[i] == '&' || in[i] == '>')) {
          out->append(in[i] == '<' ? "&lt;" : in[i] == '&' ? "&amp;" : "&gt;");
          used = 1;
        } else {
          used = Char(in, i, final, out);
        }
        break;
      }
      case State::kXmlDeclaration: {
        // Held back until its '>' (it cannot hold one): passed on only when
        // well formed, so that libxml2 never reads past a broken one into
        // markup this scanner has not seen.
        size_t close = in.find('>', i);
        size_t stop = close == std::string_view::npos ? n : close + 1;
        declaration_.append(in.data() + i, stop - i);
        used = stop - i;
        bool done = close != std::string_view::npos;
        if (done || declaration_.size() > 256) {
          bool good = done && declaration_.size() >= 2 && declaration_[declaration_.size() - 2] == '?' &&
                      declaration_.find('<') == std::string::npos;
          if (good) {
            out->append("<?");
            out->append(declaration_);
          } else {
            for (char c : declaration_) {
              if (c == '\n') out->push_back('\n');
            }
          }
          declaration_.clear();
          state_ = done ? State::kText : State::kPi;  // an overlong one is dropped up to "?>"
        }
        break;
      }
      case State::kDoctype: {
        size_t start = i;
        used = Doctype(in, i, final);
        for (size_t k = start; k < start + used; ++k) {
          if (in[k] == '\n') out->push_back('\n');
        }
        break;
      }
    }
    if (used == 0) break;
    if (state_ == State::kText) seen_markup_ = true;
    i += used;
  }
  carry_.assign(in.substr(i));
}

}  // namespace newsgraph::read
