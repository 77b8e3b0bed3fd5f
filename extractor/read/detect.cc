#include "extractor/read/detect.h"

#include <array>

#include "extractor/read/text_util.h"

namespace newsgraph::read {

namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNameChar(char c) {
  return IsAlpha(c) || (c >= '0' && c <= '9') || c == ':' || c == '_' || c == '-' || c == '.';
}

std::string_view SkipBomAndSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  return s;
}

// The local name (after any prefix), lower-cased, of the name at s[0...].
std::string LocalName(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && IsNameChar(s[n])) ++n;
  std::string name = AsciiLower(s.substr(0, n));
  size_t colon = name.rfind(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

bool IsFeedRoot(std::string_view local) { return local == "rss" || local == "feed" || local == "rdf"; }

}  // namespace

Format FormatFromExtension(std::string_view path) {
  size_t slash = path.find_last_of('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t dot = base.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return Format::kAuto;
  std::string ext = AsciiLower(base.substr(dot + 1));
  if (ext == "txt" || ext == "text") return Format::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml" || ext == "shtml") return Format::kHtml;
  if (ext == "rss" || ext == "atom" || ext == "rdf") return Format::kFeed;
  if (ext == "ndjson" || ext == "jsonl" || ext == "jsonlines") return Format::kNdjson;
  if (ext == "json") return Format::kJson;
  return Format::kAuto;
}

Format FormatFromContent(std::string_view head) {
  std::string_view s = SkipBomAndSpace(head);
  if (s.empty()) return Format::kText;
  if (s[0] == '[') return Format::kJson;
  if (s[0] == '{') {
    size_t nl = s.find('\n');
    std::string_view first = TrimAscii(s.substr(0, nl));
    return first == "{" && nl != std::string_view::npos ? Format::kJson : Format::kNdjson;
  }
  if (s[0] != '<' || s.size() < 2 || !(IsAlpha(s[1]) || s[1] == '!' || s[1] == '?')) return Format::kText;
  bool xml_declaration = false;
  while (!s.empty()) {
    if (IsSpace(s[0])) {
      s.remove_prefix(1);
      continue;
    }
    if (s[0] != '<') break;  // text before any element: a page fragment
    if (s.substr(0, 2) == "<?") {
      if (s.size() >= 5 && EqualsIgnoreCase(s.substr(0, 5), "<?xml")) xml_declaration = true;
      size_t end = s.find("?>");
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 2);
    } else if (s.substr(0, 4) == "<!--") {
      size_t end = s.find("-->");
      if (end == std::string_view::npos) break;
      s.remove_prefix(end + 3);
    } else if (s.substr(0, 2) == "<!") {
      if (s.size() >= 9 && EqualsIgnoreCase(s.substr(0, 9), "<!doctype")) {
        std::string_view rest = SkipBomAndSpace(s.substr(9));
        std::string name = LocalName(rest);
        if (name == "html") return Format::kHtml;
        if (IsFeedRoot(name)) return Format::kFeed;
      }
      // Skip the declaration, with an internal subset in brackets.
      size_t bracket = s.find('[');
      size_t close = s.find('>');
      if (bracket != std::string_view::npos && bracket < close) {
        close = s.find("]>", bracket);
        if (close != std::string_view::npos) ++close;
      }
      if (close == std::string_view::npos) break;
      s.remove_prefix(close + 1);
    } else if (s.size() > 1 && IsAlpha(s[1])) {
      std::string name = LocalName(s.substr(1));
      if (IsFeedRoot(name)) return Format::kFeed;
      if (name == "html") return Format::kHtml;
      return xml_declaration ? Format::kFeed : Format::kHtml;
    } else {
      break;
    }
  }
  return xml_declaration ? Format::kFeed : Format::kHtml;
}

Format ChooseFormat(std::string_view path, std::string_view head) {
  Format by_extension = FormatFromExtension(path);
  if (by_extension == Format::kText || by_extension == Format::kNdjson) return by_extension;
  Format by_content = FormatFromContent(head);
  if (by_content == Format::kHtml || by_content == Format::kFeed) return by_content;
  if (by_extension == Format::kJson) {
    return by_content == Format::kNdjson ? Format::kNdjson : Format::kJson;
  }
  if (by_extension != Format::kAuto) return by_extension;
  return by_content;
}

std::optional<std::string> DetectBinary(std::string_view head) {
  struct Signature {
    std::string_view magic;
    size_t offset;
    const char* what;
  };
  static constexpr std::array<Signature, 17> kSignatures = {{
      {"\x1F\x8B", 0, "gzip-compressed data"},
      {"PK\x03\x04", 0, "a ZIP archive (or an office document)"},
      {"%PDF-", 0, "a PDF document"},
      {"\x89PNG\r\n\x1A\n", 0, "a PNG image"},
      {"GIF87a", 0, "a GIF image"},
      {"GIF89a", 0, "a GIF image"},
      {"\xFF\xD8\xFF", 0, "a JPEG image"},
      {"\x7F" "ELF", 0, "an executable"},
      {"\xFD" "7zXZ", 0, "xz-compressed data"},
      {"7z\xBC\xAF\x27\x1C", 0, "a 7-Zip archive"},
      {"\x28\xB5\x2F\xFD", 0, "zstd-compressed data"},
      {"BZh91AY&SY", 0, "bzip2-compressed data"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0, "an old Microsoft Office document"},
      {"SQLite format 3", 0, "an SQLite database"},
      {"OggS", 0, "Ogg media"},
      {"ftyp", 4, "an MP4 or QuickTime video"},
      {"RIFF", 0, "a RIFF file (WAV, AVI or WebP)"},
  }};
  for (const Signature& sig : kSignatures) {
    if (head.size() >= sig.offset + sig.magic.size() &&
        head.substr(sig.offset, sig.magic.size()) == sig.magic) {
      return std::string(sig.what);
    }
  }
  std::string_view sample = head.substr(0, kSniffBytes);
  size_t control = 0;
  size_t nul = 0;
  for (char ch : sample) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c == 0) ++nul;
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
        c == 0x7F) {
      ++control;
    }
  }
  // Text has next to no control bytes; a few stray NULs are repaired.
  if (control >= 2 && control * 16 > sample.size()) {
    std::string why = std::to_string(control) + " control bytes in the first " +
                      std::to_string(sample.size()) + " bytes";
    if (nul * 3 > sample.size()) why += "; UTF-16 without a byte-order mark?";
    return why;
  }
  return std::nullopt;
}

std::string DeclaredCharset(std::string_view head, bool xml) {
  std::string lower = AsciiLower(head.substr(0, kSniffBytes));
  std::string_view s = lower;
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  auto value_after = [&](size_t pos) -> std::string {
    while (pos < s.size() && IsSpace(s[pos])) ++pos;
    if (pos >= s.size() || s[pos] != '=') return "";
    ++pos;
    while (pos < s.size() && (IsSpace(s[pos]) || s[pos] == '"' || s[pos] == '\'')) ++pos;
    size_t start = pos;
    while (pos < s.size() && IsNameChar(s[pos])) ++pos;
    return std::string(s.substr(start, pos - start));
  };
  if (s.substr(0, 5) == "<?xml") {
    size_t end = s.find("?>");
    size_t enc = s.find("encoding");
    if (enc != std::string_view::npos && (end == std::string_view::npos || enc < end)) {
      std::string v = value_after(enc + 8);
      if (!v.empty() || xml) return v;
    } else if (xml) {
      return "";
    }
  }
  if (xml) return "";
  for (size_t pos = s.find("charset"); pos != std::string_view::npos; pos = s.find("charset", pos + 7)) {
    std::string v = value_after(pos + 7);
    if (!v.empty()) return v;
  }
  return "";
}

bool IsUtf8Charset(std::string_view charset) {
  return charset.empty() || charset == "utf-8" || charset == "utf8" || charset == "us-ascii" ||
         charset == "ascii";
}

}  // namespace newsgraph::read
