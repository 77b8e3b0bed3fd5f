#include "extractor/read/html_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractor/core/tsv_reader.h"

namespace newsgraph::read {
namespace {

Document ReadPage(const std::string& path, std::string_view fallback_date = "") {
  Result<std::string> bytes = ReadFile(path);
  REQUIRE_MESSAGE(bytes.ok(), bytes.status().ToString());
  Document doc;
  ReadHtml(*bytes, fallback_date, &doc);
  return doc;
}

}  // namespace

TEST_CASE("a page's article text leaves navigation / scripts and boilerplate out") {
  Document doc = ReadPage("tests/data/read/article.html", "2000-01-01");
  CHECK(doc.title == "Leaders meet in Hanoi");  // og:title, not <title>
  CHECK(doc.url == "https://daily.example.com/world/leaders-meet-hanoi");
  CHECK(doc.published == "2024-06-20");  // article:published_time beats <time>
  CHECK(doc.text ==
        "Leaders meet in Hanoi\n\n"
        "HANOI \xE2\x80\x94 The two leaders met on Thursday at the Presidential Palace, officials said.\n\n"
        "Trade & energy\n\n"
        "They signed an agreement on energy trade.\nDetails were not released.\n\n"
        "Point one\n\nPoint two");
  CHECK(doc.warnings.empty());
  // Offsets are into the extracted text.
  size_t hanoi = doc.text.find("HANOI");
  CHECK(hanoi == 23);
  CHECK(doc.text.substr(hanoi, 5) == "HANOI");
}

TEST_CASE("JSON-LD datePublished in an array and @graph - <main> content") {
  Document doc = ReadPage("tests/data/read/jsonld.html");
  CHECK(doc.title == "Summit ends without a deal");
  CHECK(doc.url.empty());
  CHECK(doc.published == "2023-09-13");  // the NewsArticle's, not the WebSite's
  CHECK(doc.text ==
        "VLADIVOSTOK - The summit ended on Wednesday without a signed agreement, both delegations said.\n\n"
        "Talks are expected to resume next month.");
}

TEST_CASE("<time datetime> inside the main content - og:url - h1 as the title") {
  Document doc = ReadPage("tests/data/read/time.html");
  CHECK(doc.title == "Minister visits Jakarta");
  CHECK(doc.url == "https://example.net/story/42");
  CHECK(doc.published == "2024-06-03");  // not the page header's 2030-01-01
  CHECK(doc.text ==
        "Minister visits Jakarta\n\n3 June\n\n"
        "JAKARTA - The foreign minister arrived in Jakarta on Monday for a three-day visit to Indonesia.\n\n"
        "She is due to meet her Indonesian counterpart on Tuesday, the ministry said in a statement.");
}

TEST_CASE("an impossible date is skipped with a warning") {
  Document doc = ReadPage("tests/data/read/bad-date.html", "2000-01-01");
  CHECK(doc.published == "2024-03-01");
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0] ==
        "ignored publication date \"2024-02-31T10:00:00Z\" in <meta article:published_time>: not a valid date");
  Document fallback;
  ReadHtml("<html><head><meta name=\"date\" content=\"2023-02-29\"></head><body><p>No date here.</p></body></html>",
           "2024-06-19", &fallback);
  CHECK(fallback.published == "2024-06-19");
  CHECK(fallback.text == "No date here.");
  CHECK(fallback.warnings.size() == 1);
}

TEST_CASE("a declared charset is converted - undeclared bad UTF-8 is repaired") {
  Document latin1 = ReadPage("tests/data/read/latin1.html");
  CHECK(latin1.title == "Caf\xC3\xA9");
  CHECK(latin1.text == "Caf\xC3\xA9 au lait in M\xC3\xBCnchen.");
  CHECK(latin1.warnings.empty());
  Document bad;
  ReadHtml("<p>Caf\xE9 &amp; cr\xC3\xA8me</p>", "", &bad);
  CHECK(bad.text == "Caf\xEF\xBF\xBD & cr\xC3\xA8me");
  REQUIRE(bad.warnings.size() == 1);
  CHECK(bad.warnings[0] == "replaced 1 invalid UTF-8 sequence with U+FFFD");
  Document unknown;
  ReadHtml("<meta charset=\"x-no-such-charset\"><p>Caf\xC3\xA9</p>", "", &unknown);
  CHECK(unknown.text == "Caf\xC3\xA9");
  CHECK(unknown.warnings == std::vector<std::string>{"unknown charset \"x-no-such-charset\": read as UTF-8"});
}

TEST_CASE("10000-deep nesting is cut at libxml2's depth limit / not crashed on") {
  std::string page = "<html><body><p>Top paragraph.</p>";
  for (int i = 0; i < 10000; ++i) page += "<div>";
  page += "deep text";
  for (int i = 0; i < 10000; ++i) page += "</div>";
  page += "<p>After.</p></body></html>";
  Document doc;
  ReadHtml(page, "", &doc);
  CHECK(doc.text == "Top paragraph.");
  REQUIRE(doc.warnings.size() == 1);
  CHECK(doc.warnings[0] == "elements nest deeper than libxml2's limit (256): the page was read up to there");
  // Unclosed inline elements nest too.
  std::string spans = "<p>Start ";
  for (int i = 0; i < 10000; ++i) spans += "<b><i>x ";
  Document doc2;
  ReadHtml(spans, "", &doc2);
  CHECK(doc2.text.substr(0, 10) == "Start x x ");
  CHECK(doc2.warnings.size() == 1);
}

TEST_CASE("broken nesting is recovered") {
  Document doc;
  ReadHtml("<p>One <b>two <i>three</b> four</i></p><div></p>Five<p>Six<li>Seven</div></span>", "", &doc);
  CHECK(doc.text == "One two three four\n\nFive\n\nSix\n\nSeven");
  Document empty;
  ReadHtml("", "2024-01-01", &empty);
  CHECK(empty.text.empty());
  CHECK(empty.published == "2024-01-01");
  CHECK(empty.warnings == std::vector<std::string>{"empty page"});
  Document scripts;
  ReadHtml("<html><body><script>only()</script></body></html>", "", &scripts);
  CHECK(scripts.text.empty());
  CHECK(scripts.warnings == std::vector<std::string>{"no article text found in the page"});
}

TEST_CASE("fragments: paragraphs / entities / link-only paragraphs dropped") {
  CHECK(HtmlFragmentToText("<p>One &amp; two&rsquo;s</p><p><a href=\"/x\">Continue reading</a></p>", 1000) ==
        "One & two\xE2\x80\x99s");
  CHECK(HtmlFragmentToText("Plain   text\n with  spaces", 1000) == "Plain text with spaces");
  CHECK(HtmlFragmentToText("<a href=\"/x\">Only a link</a>", 1000) == "Only a link");
  bool truncated = false;
  CHECK(HtmlFragmentToText("<p>aaaa bbbb cccc</p>", 4, &truncated) == "aaaa");
  CHECK(truncated);
}

}  // namespace newsgraph::read
