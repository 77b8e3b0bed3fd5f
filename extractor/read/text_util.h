// Small text helpers shared by the readers: whitespace-normalizing text
// assembly, UTF-8 repair that records a warning on the document, UTF-16
// conversion, and byte-size formatting for messages. Pure functions and
// single-owner classes; thread-compatible.
//
//   TextBuilder b;
//   b.Append("  Putin\n arrived ");   b.BreakParagraph();   b.Append("in Hanoi.");
//   b.Finish() == "Putin arrived\n\nin Hanoi."
#ifndef NEWSGRAPH_READ_TEXT_UTIL_H_
#define NEWSGRAPH_READ_TEXT_UTIL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extractor/core/document.h"

namespace newsgraph::read {

// Builds text from pieces the way a browser lays out text: runs of white
// space (ASCII, NBSP, the Unicode space separators) become one space, zero
// width characters and soft hyphens are dropped, U+2028 is a line break and
// U+2029 a paragraph break. Paragraphs are separated by "\n\n", line breaks
// by "\n"; no paragraph starts or ends with a space. Input must be UTF-8.
class TextBuilder {
 public:
  void Append(std::string_view text);
  // Ends the current paragraph; the next text starts a new one. Repeated
  // breaks and breaks before any text add nothing.
  void BreakParagraph() { Break(kParagraph); }
  // A line break inside the paragraph (<br>).
  void BreakLine() { Break(kLine); }
  // A soft break: a space unless the text already ends a line (<td>).
  void BreakWord() { Break(kSpace); }
  size_t size() const { return out_.size(); }
  // Stops Append from adding more once the text holds this many bytes
  // (a few more when the text ends in a multi-byte character).
  void set_limit(size_t bytes) { limit_ = bytes; }
  bool truncated() const { return truncated_; }
  // Returns the text; the builder is left empty.
  std::string Finish();

 private:
  enum Pending : uint8_t { kNone, kSpace, kLine, kParagraph };
  void Break(Pending p) {
    if (p > pending_) pending_ = p;
  }
  void Flush();

  std::string out_;
  Pending pending_ = kNone;
  size_t limit_ = SIZE_MAX;
  bool truncated_ = false;
};

// The text with white space normalized as by TextBuilder, on one paragraph.
std::string NormalizeSpace(std::string_view text);

// At most `max_bytes` of `text`, cut before a UTF-8 sequence rather than
// inside one (for quoting input in messages).
std::string_view Utf8Prefix(std::string_view text, size_t max_bytes);

// Makes *text valid UTF-8 (core RepairUtf8: invalid sequences become U+FFFD,
// NUL bytes spaces) and records what was replaced as warnings on *doc.
void RepairText(std::string* text, Document* doc);

// RepairUtf8 (core/utf8.h) without its second pass over a string that is
// valid UTF-8 already (the usual case): for metadata fields.
void RepairString(std::string* text);

// Decodes UTF-16 (little or big endian, after its byte-order mark) to UTF-8;
// unpaired surrogates and an odd last byte become U+FFFD.
std::string Utf16ToUtf8(std::string_view bytes, bool big_endian);

// "812 bytes", "3.4 MB": sizes in messages.
std::string FormatBytes(uint64_t bytes);

// ASCII lower-case copy.
std::string AsciiLower(std::string_view s);
// Whether `s` equals `lower` ignoring ASCII case (`lower` is lower-case).
bool EqualsIgnoreCase(std::string_view s, std::string_view lower);
// Trims ASCII white space on both ends.
std::string_view TrimAscii(std::string_view s);

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_TEXT_UTIL_H_
