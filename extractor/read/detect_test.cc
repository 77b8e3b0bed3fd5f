#include "extractor/read/detect.h"

#include <doctest/doctest.h>

#include <string>

namespace newsgraph::read {

TEST_CASE("extensions name readers") {
  CHECK(FormatFromExtension("a/b/story.HTML") == Format::kHtml);
  CHECK(FormatFromExtension("feed.atom") == Format::kFeed);
  CHECK(FormatFromExtension("dump.jsonl") == Format::kNdjson);
  CHECK(FormatFromExtension("one.json") == Format::kJson);
  CHECK(FormatFromExtension("notes.txt") == Format::kText);
  CHECK(FormatFromExtension("dir.d/README") == Format::kAuto);
  CHECK(FormatFromExtension(".bashrc") == Format::kAuto);
  CHECK(FormatFromExtension("") == Format::kAuto);
}

TEST_CASE("content names readers") {
  CHECK(FormatFromContent("\xEF\xBB\xBF  {\"id\": 1}\n{\"id\": 2}") == Format::kNdjson);
  CHECK(FormatFromContent("{\n  \"id\": 1\n}") == Format::kJson);  // pretty-printed
  CHECK(FormatFromContent("[{\"id\": 1}]") == Format::kJson);
  CHECK(FormatFromContent("<?xml version=\"1.0\"?>\n<!-- c -->\n<rss version=\"2.0\">") == Format::kFeed);
  CHECK(FormatFromContent("<feed xmlns=\"http://www.w3.org/2005/Atom\">") == Format::kFeed);
  CHECK(FormatFromContent("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">") == Format::kFeed);
  CHECK(FormatFromContent("<!DOCTYPE html><html>") == Format::kHtml);
  CHECK(FormatFromContent("<?xml version=\"1.0\"?><!DOCTYPE html [ <!ENTITY a \"b\"> ]><html>") == Format::kHtml);
  CHECK(FormatFromContent("<p>Hello</p>") == Format::kHtml);
  CHECK(FormatFromContent("<?xml version=\"1.0\"?><urlset>") == Format::kFeed);  // the feed reader says why not
  CHECK(FormatFromContent("Putin arrived in Pyongyang.") == Format::kText);
  CHECK(FormatFromContent("<3 from Hanoi") == Format::kText);
  CHECK(FormatFromContent("") == Format::kText);
}

TEST_CASE("extension and content together") {
  CHECK(ChooseFormat("story.txt", "<html><body>x") == Format::kText);
  CHECK(ChooseFormat("lines.ndjson", "[1]") == Format::kNdjson);
  CHECK(ChooseFormat("feed.xml", "<?xml version=\"1.0\"?><rss>") == Format::kFeed);
  CHECK(ChooseFormat("page.xml", "<html><body>") == Format::kHtml);
  CHECK(ChooseFormat("misnamed.html", "<rss version=\"2.0\">") == Format::kFeed);
  CHECK(ChooseFormat("page.html", "Hello <b>world</b>") == Format::kHtml);
  CHECK(ChooseFormat("feed.rss", "not markup") == Format::kFeed);
  CHECK(ChooseFormat("records.json", "{\"id\": 1}\n{\"id\": 2}\n") == Format::kNdjson);
  CHECK(ChooseFormat("record.json", "{\n \"id\": 1\n}") == Format::kJson);
  CHECK(ChooseFormat("", "plain words") == Format::kText);
}

TEST_CASE("binary data is recognized / text is not") {
  CHECK(DetectBinary(std::string("\x1F\x8B\x08\x00", 4)) == "gzip-compressed data");
  CHECK(DetectBinary("%PDF-1.7\n") == "a PDF document");
  CHECK(DetectBinary(std::string("\0\0\0\x18" "ftypmp42", 12)) == "an MP4 or QuickTime video");
  std::string random;
  for (int i = 0; i < 1024; ++i) random.push_back(static_cast<char>((i * 37) & 0xFF));
  CHECK(DetectBinary(random) == "108 control bytes in the first 1024 bytes");
  std::string utf16;
  for (char c : std::string("Putin arrived")) utf16 += std::string(1, c) + '\0';
  CHECK(DetectBinary(utf16) == "13 control bytes in the first 26 bytes; UTF-16 without a byte-order mark?");
  CHECK_FALSE(DetectBinary("Caf\xC3\xA9\tau lait\r\n\x1B[0m\f"));
  CHECK_FALSE(DetectBinary(std::string("one stray NUL ") + '\0' + "in a line of text"));
  CHECK_FALSE(DetectBinary(""));
}

TEST_CASE("declared charsets") {
  CHECK(DeclaredCharset("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss>", true) == "iso-8859-1");
  CHECK(DeclaredCharset("<?xml version='1.0'?><rss><p>charset=koi8-r</p>", true) == "");
  CHECK(DeclaredCharset("<html><head><meta charset=\"Windows-1252\">", false) == "windows-1252");
  CHECK(DeclaredCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", false) ==
        "shift_jis");
  CHECK(DeclaredCharset("<html><body>no declaration", false) == "");
  CHECK(IsUtf8Charset(""));
  CHECK(IsUtf8Charset("utf-8"));
  CHECK(IsUtf8Charset("us-ascii"));
  CHECK_FALSE(IsUtf8Charset("windows-1252"));
}

}  // namespace newsgraph::read
