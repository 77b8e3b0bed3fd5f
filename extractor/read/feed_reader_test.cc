#include "extractor/read/feed_reader.h"

#include <libxml/parser.h>

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractor/read/document_stream.h"
#include "extractor/read/read_test_util.h"

namespace newsgraph::read {
TEST_CASE("RSS 2.0: fields / fallbacks and impossible dates") {
  ReadOptions options;
  options.published = "2000-01-01";
  std::vector<ReadItem> items = ReadAll({"tests/data/read/world.rss"}, options);
  REQUIRE(items.size() == 4);
  for (const ReadItem& item : items) {
    CHECK(item.status.ok());
    CHECK(item.format == Format::kFeed);
  }
  const Document& a = items[0].doc;
  CHECK(a.id == "wire-oslo-1");
  CHECK(a.source == "tests/data/read/world.rss:8");
  CHECK(a.url == "https://wire.example.org/oslo");
  CHECK(a.title == "Ministers meet in Oslo");  // not media:title
  CHECK(a.published == "2024-06-03");
  CHECK(a.text == "OSLO \xE2\x80\x93 Foreign ministers met in Oslo on Monday.\n\nThey agreed to meet again in July.");
  CHECK(a.warnings.empty());

  const Document& b = items[1].doc;  // no guid, link or date; a bare '&' and &nbsp;
  CHECK(b.id == "tests/data/read/world.rss#2");
  CHECK(b.url.empty());
  CHECK(b.title == "AT&T and Q&A: talks resume");
  CHECK(b.published == "2000-01-01");
  CHECK(b.text == "Talks resumed in Geneva & Bern.\n\nMore \xE2\x80\x99soon\xE2\x80\x99.");

  const Document& c = items[2].doc;  // 31 February, then a good dc:date
  CHECK(c.id == "https://wire.example.org/leap");
  CHECK(c.published == "2024-03-02");
  CHECK(c.warnings == std::vector<std::string>{
                          "ignored publication date \"Sat, 31 Feb 2024 10:00:00 GMT\" in <pubDate>: not a valid date"});

  const Document& d = items[3].doc;  // headline only, impossible date, --date fallback
  CHECK(d.id == "https://wire.example.org/headline-only");
  CHECK(d.url == "https://wire.example.org/headline-only");  // a permalink guid
  CHECK(d.text == "Headline only");
  CHECK(d.published == "2000-01-01");
  CHECK(d.warnings == std::vector<std::string>{
                          "the item has no content: its title is the text",
                          "ignored publication date \"31 February 2024\" in <pubDate>: not a valid date"});
}

TEST_CASE("Atom: alternate link / HTML title / XHTML content / updated as the date") {
  std::vector<ReadItem> items = ReadAll({"tests/data/read/asia.atom"});
  REQUIRE(items.size() == 2);
  const Document& a = items[0].doc;
  CHECK(a.id == "urn:example:asia:1");
  CHECK(a.url == "https://asia.example.net/1");
  CHECK(a.title == "Leaders meet in Seoul");
  CHECK(a.published == "2024-11-03");  // published beats updated
  CHECK(a.text == "SEOUL - The leaders met on Sunday.\n\nA <joint> statement followed & was read out.");
  const Document& b = items[1].doc;
  CHECK(b.url == "https://asia.example.net/2");
  CHECK(b.published == "2024-11-05");
  CHECK(b.text == "Plain summary text.");
  CHECK(b.source == "tests/data/read/asia.atom:16");
}

TEST_CASE("RSS 1.0 (RDF) items are siblings of the channel") {
  std::vector<ReadItem> items = ReadBytes("x.rdf",
      "<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
      "xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
      "<channel rdf:about=\"x\"><title>C</title></channel>\n"
      "<item rdf:about=\"https://e.org/1\"><title>One</title><link>https://e.org/1</link>"
      "<description>First &amp; only.</description><dc:date>2024-05-06T07:00:00Z</dc:date></item>\n"
      "</rdf:RDF>");
  REQUIRE(items.size() == 1);
  CHECK(items[0].doc.id == "https://e.org/1");
  CHECK(items[0].doc.text == "First & only.");
  CHECK(items[0].doc.published == "2024-05-06");
  CHECK(items[0].doc.source == "x.rdf:4");
}

TEST_CASE("external entities are never read / entity bombs never expand") {
  ReadOptions options;
  std::vector<ReadItem> xxe = ReadAll({"tests/data/read/xxe.rss"}, options);
  REQUIRE(xxe.size() == 1);
  REQUIRE(xxe[0].status.ok());
  CHECK(xxe[0].doc.title == "Leak: &secret;");
  CHECK(xxe[0].doc.text == "Before &secret; &passwd; after.");
  CHECK(xxe[0].doc.source == "tests/data/read/xxe.rss:11");  // line numbers survive the DOCTYPE's removal

  std::vector<ReadItem> laughs = ReadAll({"tests/data/read/billion-laughs.rss"}, options);
  REQUIRE(laughs.size() == 2);
  CHECK(laughs[0].doc.text == "A &lol9; B");
  CHECK(laughs[1].doc.text == "Still read.");

  // libxml2 itself runs without entity substitution, DTD loading or lifted limits.
  int o = FeedXmlParseOptions();
  CHECK((o & XML_PARSE_NOENT) == 0);
  CHECK((o & XML_PARSE_DTDLOAD) == 0);
  CHECK((o & XML_PARSE_DTDVALID) == 0);
  CHECK((o & XML_PARSE_HUGE) == 0);
  CHECK((o & XML_PARSE_NONET) != 0);
}

TEST_CASE("a document that is not a feed / or a feed with no items / is an error") {
  std::vector<ReadItem> sitemap = ReadBytes("map.xml", "<?xml version=\"1.0\"?><urlset><url/></urlset>");
  REQUIRE(sitemap.size() == 1);
  CHECK(sitemap[0].status.message() == "not an RSS or Atom feed: the root element is <urlset>");
  CHECK(sitemap[0].doc.id == "map.xml");
  std::vector<ReadItem> empty = ReadBytes("e.rss", "<rss><channel><title>Quiet</title></channel></rss>");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].status.code() == StatusCode::kInvalidArgument);
  CHECK(empty[0].status.message() == "no <item> or <entry> in the feed");
}

TEST_CASE("a feed cut off inside an item keeps the items before it") {
  std::vector<ReadItem> items =
      ReadBytes("cut.rss", "<rss><channel>\n<item><guid>a</guid><title>A</title></item>\n<item><guid>b</guid><title>B");
  REQUIRE(items.size() == 2);
  CHECK(items[0].status.ok());
  CHECK(items[0].doc.text == "A");
  CHECK_FALSE(items[1].status.ok());
  CHECK(items[1].doc.id == "b");
  CHECK(items[1].doc.source == "cut.rss:3");
  CHECK(items[1].status.message() == "item 2 (line 3) is cut off: the feed ends inside it");
}

TEST_CASE("broken XML is recovered with a warning - control characters and bad UTF-8 repaired") {
  std::vector<ReadItem> items = ReadBytes(
      "broken.rss", std::string("<rss><channel><item><title>One</title><description>a\x01 b \xFF c</description>"
                                "</item><item><title>Two</b></title></item></channel></rss>"));
  REQUIRE(items.size() == 2);
  CHECK(items[0].doc.text == "a b \xEF\xBF\xBD c");
  CHECK(items[0].doc.warnings == std::vector<std::string>{"replaced 1 invalid UTF-8 sequence with U+FFFD",
                                                          "replaced 1 control character with spaces"});
  CHECK(items[1].doc.title == "Two");
  CHECK(items[1].doc.warnings ==
        std::vector<std::string>{"XML error at line 1: Opening and ending tag mismatch: title line 1 and b (recovered)",
                                 "XML error at line 1: Opening and ending tag mismatch: item line 1 and title (recovered)",
                                 "the item has no content: its title is the text"});
}

TEST_CASE("a second feed after the first is reported / not silently dropped") {
  std::string one = "<rss><channel><item><guid>a</guid><title>A</title></item></channel></rss>\n";
  std::vector<ReadItem> items = ReadBytes("two.rss", one + one);
  REQUIRE(items.size() == 2);
  CHECK(items[0].doc.id == "a");
  CHECK(items[1].status.message() == "more XML follows the end of the feed (after line 2); it was not read");
  // Trailing white space or junk closing tags are no loss.
  std::vector<ReadItem> junk = ReadBytes("junk.rss", one + "</channel></rss>\n\n");
  REQUIRE(junk.size() == 1);
  CHECK(junk[0].status.ok());
}

TEST_CASE("an item over the size limit is an error - the feed goes on") {
  ReadOptions options;
  options.max_document_bytes = 100;
  std::string big(500, 'x');
  std::vector<ReadItem> items = ReadBytes(
      "big.rss", "<rss><channel><item><guid>1</guid><description>" + big +
                     "</description></item><item><guid>2</guid><description>small</description></item></channel></rss>",
      options);
  REQUIRE(items.size() == 2);
  CHECK(items[0].status.code() == StatusCode::kTooLarge);
  CHECK(items[0].status.message() == "item 1 is over the limit of 100 bytes");
  CHECK(items[0].doc.id == "1");
  CHECK(items[1].status.ok());
  CHECK(items[1].doc.text == "small");
}

TEST_CASE("a feed larger than one read chunk streams through / items in order") {
  std::string feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss><channel>\n";
  const int kItems = 3000;
  for (int i = 0; i < kItems; ++i) {
    feed += "<item><guid>g" + std::to_string(i) + "</guid><description><![CDATA[<p>Item " + std::to_string(i) +
            " caf\xC3\xA9 &amp; more.</p>]]></description></item>\n";
  }
  feed += "</channel></rss>\n";
  REQUIRE(feed.size() > 3 * 65536);
  std::vector<ReadItem> items = ReadBytes("many.rss", feed);
  REQUIRE(items.size() == kItems);
  for (int i = 0; i < kItems; ++i) {
    std::string id = "g";  // not "g" + ...: GCC 12 warns wrongly (-Wrestrict) on that
    id += std::to_string(i);
    CHECK(items[i].doc.id == id);
    CHECK(items[i].doc.text == "Item " + std::to_string(i) + " caf\xC3\xA9 & more.");
    CHECK(items[i].doc.source == "many.rss:" + std::to_string(i + 3));
  }
}

TEST_CASE("a feed in a declared single-byte encoding is converted") {
  std::vector<ReadItem> items = ReadBytes(
      "latin1.rss", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss><channel><item><title>Caf\xE9</title>"
                    "<description>M\xFCnchen</description></item></channel></rss>");
  REQUIRE(items.size() == 1);
  CHECK(items[0].doc.title == "Caf\xC3\xA9");
  CHECK(items[0].doc.text == "M\xC3\xBCnchen");
  std::vector<ReadItem> unknown = ReadBytes(
      "bogus.rss", "<?xml version=\"1.0\" encoding=\"x-no-such-charset\"?><rss><channel><item><title>T</title>"
                   "<description>Caf\xC3\xA9</description></item></channel></rss>");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].doc.text == "Caf\xC3\xA9");
  CHECK(unknown[0].doc.warnings ==
        std::vector<std::string>{"unknown encoding \"x-no-such-charset\": read as UTF-8"});
}

}  // namespace newsgraph::read
