#include "extractor/core/utf8.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("repair replaces bad bytes and NUL / keeps good text") {
  std::string good = "Russia\xE2\x80\x99s";  // curly apostrophe
  CHECK(RepairUtf8(&good) == 0);
  CHECK(good == "Russia\xE2\x80\x99s");
  std::string bad = std::string("a\xFF") + '\0' + "b\xE2\x80";
  CHECK(RepairUtf8(&bad) == 3);
  CHECK(bad == "a\xEF\xBF\xBD b\xEF\xBF\xBD");
  CHECK(IsValidUtf8(bad));
  CHECK_FALSE(IsValidUtf8("\xC0\x80"));  // overlong NUL
}

TEST_CASE("decode and classify") {
  size_t len;
  CHECK(DecodeUtf8("\xC3\x89", 0, &len) == 0xC9);  // É
  CHECK(len == 2);
  CHECK(IsUnicodeUpper(0xC9));
  CHECK_FALSE(IsUnicodeUpper(0xE9));
  CHECK(IsUnicodeApostrophe(0x2019));
  CHECK(IsUnicodePunctuation(0x201C));
  CHECK(IsUnicodeSpace(0xA0));
}

TEST_CASE("code points classed as the segmenter reads them") {
  CHECK(ClassifyUnicode(0x2028) == UnicodeClass::kLineBreak);  // a space too, but it breaks the line
  CHECK(ClassifyUnicode(0x2029) == UnicodeClass::kLineBreak);
  CHECK(ClassifyUnicode(0xA0) == UnicodeClass::kSpace);
  CHECK(ClassifyUnicode(0x2019) == UnicodeClass::kApostrophe);
  CHECK(ClassifyUnicode(0x201C) == UnicodeClass::kPunctuation);
  CHECK(ClassifyUnicode(0xFFFD) == UnicodeClass::kPunctuation);
  CHECK(ClassifyUnicode(0xC5) == UnicodeClass::kWord);  // Å
  CHECK(ClassifyUnicode(0x4E2D) == UnicodeClass::kWord);
  CHECK(IsUnicodeWordChar(0xC5));
  CHECK_FALSE(IsUnicodeWordChar(0x2014));  // —
}

}  // namespace newsgraph
