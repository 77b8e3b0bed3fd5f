#include "extractor/timex/lexicon.h"

#include <doctest/doctest.h>

#include <re2/re2.h>

namespace newsgraph::timex {
namespace {

Result<Lexicon> Small() {
  return Lexicon::FromStrings("lex.tsv",
                              "# comment\nclass\tword\tvalue\nmonth\tjanuary\t01\nmonth\tjune\t06\n"
                              "month_abbr\tjan\t01\nmonth_abbr\tsept\t09\nholiday\tnew year's day\t01-01\n",
                              "mac.tsv", "name\tpattern\nmonthname\t(?:%month|%month_abbr\\.?)\nday\t[0-9]{1,2}\n");
}

}  // namespace

TEST_CASE("patterns expand macros / word classes and spaces") {
  auto lex = Small();
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  auto re = lex->Expand("(?P<month>%monthname) (?P<day>%day)");
  REQUIRE(re.ok());
  // Longest word first, so that "january" is tried before "jan".
  CHECK(*re == "(?P<month>(?:(?:(?:january|june)|(?:sept|jan)\\.?)))\\s+(?P<day>(?:[0-9]{1,2}))");
  CHECK(*lex->Expand("a ?b") == "a(?:\\s+)?b");
  CHECK(*lex->Expand("[ %]x \\%") == "[ %]x\\s+\\%");
  CHECK(RE2::FullMatch("new year's  day", *lex->Expand("%holiday")));
  auto bad = lex->Expand("%nothing");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "unknown macro or word class %nothing");
}

TEST_CASE("words are found with spaces collapsed / without a final period / and by family") {
  auto lex = Small();
  REQUIRE(lex.ok());
  CHECK(*lex->Find("month", "june") == "06");
  CHECK(lex->Find("month", "jan") == nullptr);
  CHECK(*lex->FindInFamily("month", "sept.") == "09");
  CHECK(*lex->Find("holiday", "new  year's\nday") == "01-01");
  CHECK(lex->Find("nothing", "june") == nullptr);
  CHECK(Lexicon::Find(lex->Class("month"), "january") != nullptr);
  CHECK(Lexicon::Find(lex->Class("month"), "july") == nullptr);
  CHECK(lex->Words("month_abbr").size() == 2);
}

TEST_CASE("malformed lexicon and macro rows fail with file:line") {
  auto dup = Lexicon::FromStrings("lex.tsv", "class\tword\tvalue\nmonth\tjune\t06\nmonth\tjune\t07\n", "mac.tsv",
                                  "name\tpattern\n");
  REQUIRE_FALSE(dup.ok());
  CHECK(dup.status().message() == "lex.tsv:3: duplicate word 'june' in class month");
  auto upper = Lexicon::FromStrings("lex.tsv", "class\tword\tvalue\nmonth\tJune\t06\n", "mac.tsv", "name\tpattern\n");
  CHECK(upper.status().message() == "lex.tsv:2: word 'June' must be lower-case");
  auto cycle = Lexicon::FromStrings("lex.tsv", "class\tword\tvalue\n", "mac.tsv", "name\tpattern\n# c\na\t%b\nb\t%a\n");
  REQUIRE_FALSE(cycle.ok());
  CHECK(cycle.status().message() == "mac.tsv:3: macros nest too deep (a cycle?)");
  auto broken = Lexicon::FromStrings("lex.tsv", "class\tword\tvalue\n", "mac.tsv", "name\tpattern\nx\t(ab\n");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().message().rfind("mac.tsv:2: macro x: ", 0) == 0);
}

}  // namespace newsgraph::timex
