// Rewrites a feed's bytes as they stream in, before libxml2 sees them, so
// that entity tricks cannot work and common real-world breakage does not
// cost text:
//   - the document type declaration (with its internal subset) is removed:
//     no entity is ever declared, so none can be expanded ("billion laughs")
//     or fetched (an external SYSTEM entity); its newlines are kept so that
//     line numbers stay true;
//   - every named entity reference becomes a numeric character reference:
//     the five XML ones, HTML's (&nbsp; &rsquo; ...), and any other name
//     becomes literal text ("&foo;" stays readable as "&foo;");
//   - a bare '&' (AT&T) becomes "&#38;"; a numeric reference to a character
//     XML forbids becomes U+FFFD, and &#128;..&#159; are read as
//     windows-1252, as browsers do;
//   - control characters other than tab, LF and CR, and NUL, become spaces;
//   - with `repair_utf8`, invalid UTF-8 becomes U+FFFD;
//   - a leading UTF-8 byte-order mark is dropped.
//   - the text of a CDATA section is written as escaped character data
//     (same text, and libxml2's 10 MB limit on one CDATA section is gone);
//   - comments and processing instructions other than the XML declaration
//     (which names the encoding) are removed, their newlines kept; a
//     malformed XML declaration is removed too.
// A construct cut at a chunk boundary is held back until the next chunk.
// Not thread-safe (one feed).
//
//   XmlSanitizer s(/*repair_utf8=*/true);
//   std::string out;
//   s.Push(chunk1, &out);  s.Push(chunk2, &out);  s.Finish(&out);
#ifndef NEWSGRAPH_READ_XML_SANITIZER_H_
#define NEWSGRAPH_READ_XML_SANITIZER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::read {

class XmlSanitizer {
 public:
  explicit XmlSanitizer(bool repair_utf8) : repair_utf8_(repair_utf8) {}

  // Appends the rewritten form of `chunk` to *out, holding back at most a
  // few dozen bytes that may start a construct cut by the chunk's end.
  void Push(std::string_view chunk, std::string* out);
  // Appends what was held back; call once at the end of the input.
  void Finish(std::string* out);

  size_t invalid_utf8() const { return invalid_utf8_; }
  size_t control_chars() const { return control_chars_; }
  bool saw_doctype() const { return saw_doctype_; }

 private:
  enum class State : uint8_t { kText, kComment, kCdata, kPi, kXmlDeclaration, kDoctype };
  void Run(std::string_view in, bool final, std::string* out);
  // Each returns the bytes it consumed from in[i...], or 0 when it needs
  // more input than `in` holds (only when !final).
  size_t Reference(std::string_view in, size_t i, bool final, std::string* out);
  size_t Char(std::string_view in, size_t i, bool final, std::string* out);
  size_t Doctype(std::string_view in, size_t i, bool final);

  bool repair_utf8_;
  State state_ = State::kText;
  bool started_ = false;
  std::string carry_;
  // Document type declaration scanning.
  char doctype_quote_ = 0;
  int doctype_brackets_ = 0;
  bool doctype_comment_ = false;
  bool saw_doctype_ = false;
  std::string declaration_;   // the XML declaration read so far, after "<?"
  bool seen_markup_ = false;  // anything written yet
  size_t invalid_utf8_ = 0;
  size_t control_chars_ = 0;
};

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_XML_SANITIZER_H_
