#include "extractor/read/xml_sanitizer.h"

#include <doctest/doctest.h>

#include <string>

namespace newsgraph::read {
namespace {

std::string Clean(std::string_view in, bool repair_utf8 = true) {
  XmlSanitizer s(repair_utf8);
  std::string out;
  s.Push(in, &out);
  s.Finish(&out);
  return out;
}

// The same input pushed one byte at a time.
std::string CleanByteByByte(std::string_view in) {
  XmlSanitizer s(true);
  std::string out;
  for (char c : in) s.Push(std::string_view(&c, 1), &out);
  s.Finish(&out);
  return out;
}

}  // namespace

TEST_CASE("named references become numeric ones - bare ampersands are escaped") {
  CHECK(Clean("<t>AT&T &amp; Q&A&nbsp;x&rsquo;s &lt;b&gt; &foo; &#8217; &#x2019;</t>") ==
        "<t>AT&#38;T &#38; Q&#38;A&#160;x&#8217;s &#60;b&#62; &#38;foo; &#8217; &#8217;</t>");
  CHECK(Clean("<a href=\"?a=1&b=2&amp;c=3\">") == "<a href=\"?a=1&#38;b=2&#38;c=3\">");
  CHECK(Clean("&#146;&#0;&#xD800;&#99999999999;&#12 &") == "&#8217;&#65533;&#65533;&#65533;&#38;#12 &#38;");
}

TEST_CASE("the DOCTYPE goes / with its entities - its newlines stay") {
  std::string feed =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n  <!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
      "  <!-- it's ] tricky -->\n  <!ENTITY y \"a>b\">\n]>\n<rss>&x;&y;</rss>";
  XmlSanitizer s(true);
  std::string out;
  s.Push(feed, &out);
  s.Finish(&out);
  CHECK(out == "<?xml version=\"1.0\"?>\n\n\n\n\n\n<rss>&#38;x;&#38;y;</rss>");
  CHECK(s.saw_doctype());
}

TEST_CASE("a malformed XML declaration cannot hide a DOCTYPE") {
  CHECK(Clean("<?xml version=\"1.0\"=>\n<!DOCTYPE rss [<!ENTITY a \"b\">]>\n<rss>&a;</rss>") ==
        "\n\n<rss>&#38;a;</rss>");
  CHECK(Clean("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>") == "<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>");
  CHECK(Clean("<?xml " + std::string(300, 'x') + "<!DOCTYPE r [<!ENTITY a \"b\">]> ?><r>&a;</r>") ==
        "]> ?><r>&#38;a;</r>");  // dropped up to its first '>', the DOCTYPE with it
}

TEST_CASE("CDATA becomes escaped text - comments and other instructions go") {
  CHECK(Clean("<d><![CDATA[<p>A & B]]]></d>") == "<d>&lt;p&gt;A &amp; B]</d>");
  CHECK(Clean("<d>a<!-- x\ny -->b<?php echo 1; ?>c</d>") == "<d>a\nbc</d>");
  CHECK(Clean("  <?xml version=\"1.0\"?><r/>") == "  <r/>");  // not at the start: not a declaration
}

TEST_CASE("control characters / NUL and bad UTF-8 are repaired") {
  XmlSanitizer s(true);
  std::string out;
  s.Push(std::string("<t>a\x01\0b\xFF\xC3\xA9\t\xEF\xBF\xBE</t>", 18), &out);
  s.Finish(&out);
  CHECK(out == "<t>a  b\xEF\xBF\xBD\xC3\xA9\t\xEF\xBF\xBD</t>");
  CHECK(s.control_chars() == 2);
  CHECK(s.invalid_utf8() == 1);
  // Declared non-UTF-8 feeds keep their high bytes for libxml2 to convert.
  CHECK(Clean("<t>Caf\xE9</t>", false) == "<t>Caf\xE9</t>");
  CHECK(Clean("\xEF\xBB\xBF<r/>") == "<r/>");
}

TEST_CASE("constructs cut at chunk boundaries come out the same") {
  std::string feed =
      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"&b;\">]>\n<r x=\"&amp;\">&nbsp;&#x2019;"
      "<![CDATA[<i>&]]><!--c-->Caf\xC3\xA9 \xE2\x80\x94 AT&T<?pi x?></r>";
  std::string expected = Clean(feed);
  CHECK(expected ==
        "<?xml version=\"1.0\"?>\n\n<r x=\"&#38;\">&#160;&#8217;&lt;i&gt;&amp;Caf\xC3\xA9 \xE2\x80\x94 "
        "AT&#38;T</r>");
  CHECK(CleanByteByByte(feed) == expected);
}

}  // namespace newsgraph::read
