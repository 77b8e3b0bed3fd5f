#include "extractor/read/text_util.h"

#include <doctest/doctest.h>

namespace newsgraph::read {

TEST_CASE("text builder collapses white space and separates paragraphs") {
  TextBuilder b;
  b.BreakParagraph();  // nothing before: adds nothing
  b.Append("  Putin\n\t arrived ");
  b.Append("in\xC2\xA0Hanoi.");  // NBSP is a space
  b.BreakParagraph();
  b.BreakLine();  // weaker than the paragraph break already pending
  b.Append("  Talks");
  b.BreakLine();
  b.Append(" followed.  ");
  b.BreakParagraph();
  CHECK(b.Finish() == "Putin arrived in Hanoi.\n\nTalks\nfollowed.");
}

TEST_CASE("text builder drops invisible characters and keeps words whole") {
  CHECK(NormalizeSpace("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth \xEF\xBB\xBF" "bom") == "softhyphen zerowidth bom");
  CHECK(NormalizeSpace("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c") == "a\nb\n\nc");  // U+2028, U+2029
  CHECK(NormalizeSpace("tab\x01" "ctl \xE3\x80\x80ideographic") == "tab ctl ideographic");
  CHECK(NormalizeSpace("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  CHECK(NormalizeSpace("   ").empty());
}

TEST_CASE("text builder stops at its limit") {
  TextBuilder b;
  b.set_limit(5);
  b.Append("abc def ghi");
  CHECK(b.truncated());
  CHECK(b.Finish() == "abc d");
  TextBuilder c;
  c.set_limit(100);
  c.Append("abc def ghi");
  CHECK_FALSE(c.truncated());
  CHECK(c.Finish() == "abc def ghi");
}

TEST_CASE("repair records NUL bytes and bad UTF-8 separately") {
  Document doc;
  std::string text = std::string("a\0b", 3) + "\xC3" + "c";
  RepairText(&text, &doc);
  CHECK(text == "a b\xEF\xBF\xBD" "c");
  REQUIRE(doc.warnings.size() == 2);
  CHECK(doc.warnings[0] == "replaced 1 NUL byte with spaces");
  CHECK(doc.warnings[1] == "replaced 1 invalid UTF-8 sequence with U+FFFD");
  Document clean;
  std::string good = "Caf\xC3\xA9";
  RepairText(&good, &clean);
  CHECK(good == "Caf\xC3\xA9");
  CHECK(clean.warnings.empty());
}

TEST_CASE("UTF-16 converts to UTF-8 with surrogate pairs") {
  // "Ké" + U+1F600 + an unpaired high surrogate, little endian.
  std::string le("K\0\xE9\0\x3D\xD8\x00\xDE\x3D\xD8", 10);
  CHECK(Utf16ToUtf8(le, false) == "K\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD");
  std::string be("\0K\0\xE9", 4);
  CHECK(Utf16ToUtf8(be, true) == "K\xC3\xA9");
  CHECK(Utf16ToUtf8(std::string("\0K\0", 3), true) == "K\xEF\xBF\xBD");  // odd last byte
}

TEST_CASE("sizes and ASCII helpers") {
  CHECK(FormatBytes(812) == "812 bytes");
  CHECK(FormatBytes(3 * 1024 + 512) == "3.5 KB");
  CHECK(FormatBytes(uint64_t{200} << 20) == "200.0 MB");
  CHECK(AsciiLower("Content-TYPE") == "content-type");
  CHECK(EqualsIgnoreCase("TRUE", "true"));
  CHECK_FALSE(EqualsIgnoreCase("truer", "true"));
  CHECK(TrimAscii("\t x y \n") == "x y");
}

TEST_CASE("Utf8Prefix never cuts a UTF-8 sequence") {
  // "2" then U+FFFD (3 bytes) repeated: a cut at 5 bytes falls inside the second one.
  std::string s = "2\xEF\xBF\xBD\xEF\xBF\xBD";
  CHECK(Utf8Prefix(s, 5) == "2\xEF\xBF\xBD");
  CHECK(Utf8Prefix(s, 4) == "2\xEF\xBF\xBD");
  CHECK(Utf8Prefix(s, 3) == "2");
  CHECK(Utf8Prefix(s, 100) == s);
  CHECK(Utf8Prefix("abc", 2) == "ab");
}

}  // namespace newsgraph::read
