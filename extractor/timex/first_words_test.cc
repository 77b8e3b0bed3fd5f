#include "extractor/timex/first_words.h"

#include <doctest/doctest.h>

#include <set>

namespace newsgraph::timex {
namespace {

using Set = std::set<std::string>;

std::map<std::string, FollowBytes> Follow(std::string_view pattern, size_t max_length = 15) {
  std::map<std::string, FollowBytes> words;
  CHECK_MESSAGE(FirstWords(pattern, max_length, &words), pattern);
  return words;
}

Set Words(std::string_view pattern, size_t max_length = 15) {
  Set out;
  for (const auto& [w, follow] : Follow(pattern, max_length)) out.insert(w);
  return out;
}

bool Listed(std::string_view pattern) {
  std::map<std::string, FollowBytes> words;
  return FirstWords(pattern, 15, &words);
}

// Whether `text`, which begins with first word `word`, may be matched.
bool Allows(std::string_view pattern, std::string_view word, std::string_view text) {
  auto words = Follow(pattern);
  auto it = words.find(std::string(word));
  return it != words.end() && it->second.Allows(text, word.size(), text.size());
}

TEST_CASE("first words: literals / optional groups / alternatives") {
  CHECK(Words("on (?:monday|tuesday)") == Set{"on"});
  CHECK(Words("(?:the )?(?:early|late) (?:may|june)") == Set{"early", "late", "the"});
  CHECK(Words("(?:(?P<w>monday|tue\\.?),? )?(?P<m>may) (?P<d>[0-9]+)") == Set{"may", "monday", "tue"});
  CHECK(Words("\\bsince (?P<x>may)") == Set{"since"});
  CHECK(Words("(?i)Last Week") == Set{"last"});  // the text is lower case
}

TEST_CASE("first words: a word ends at any non-letter or where the pattern ends") {
  CHECK(Words("mid-(?:19|20)[0-9]{2}") == Set{"mid"});
  CHECK(Words("o'clock") == Set{"o"});
  CHECK(Words("a\\.m\\.") == Set{"a"});
  CHECK(Words("noon") == Set{"noon"});
  CHECK(Words("year(?:s)?(?:-end)?") == Set{"year", "years"});
  CHECK(Words("(?:ye)ar|yes") == Set{"year", "yes"});
}

TEST_CASE("first words: matches that begin with a digit or a sign add none") {
  CHECK(Words("[0-9]{4}").empty());
  CHECK(Words("\\$[0-9]+ a year").empty());
  CHECK(Words("(?:'|\\x{2019})[0-9]{2}s").empty());
  CHECK(Words("\\d+ (?:days|weeks)").empty());
  CHECK(Words("(?:[0-9]+|two|three) days") == Set{"three", "two"});
}

TEST_CASE("first words: repetition and small classes") {
  CHECK(Words("(?:very )*late") == Set{"late", "very"});
  CHECK(Words("(?:ha)+\\b") == Set{"ha", "haha", "hahaha", "hahahaha", "hahahahaha", "hahahahahaha", "hahahahahahaha"});
  CHECK(Words("(?:ab){1,2}c") == Set{"abc", "ababc"});
  CHECK(Words("week[sz]?") == Set{"week", "weeks", "weekz"});
  CHECK(Words("[ .]?week") == Set{"week"});
  CHECK(Words("x{0}week") == Set{"week"});
  CHECK(Words("a{2,}b", 4) == Set{"aab", "aaab"});
}

TEST_CASE("first words: longer words than max_length are left out") {
  CHECK(Words("(?:short|muchtoolongword) day", 10) == Set{"short"});
  CHECK(Words("ab(?:c)*", 4) == Set{"ab", "abc", "abcc"});
}

TEST_CASE("first words: any letter cannot be listed") {
  CHECK_FALSE(Listed(".*day"));
  CHECK_FALSE(Listed("\\w+ day"));
  CHECK_FALSE(Listed("[^0-9]+ day"));
  CHECK_FALSE(Listed("\\pL+"));
  CHECK_FALSE(Listed("[a-z]+ day"));
  CHECK_FALSE(Listed("(?:unclosed"));
  CHECK_FALSE(Listed("unopened)"));
  CHECK(Words("[^a-z]day").empty());  // a negated class of all letters holds none
  CHECK_FALSE(Listed("[\\w-]+ day"));
  CHECK_FALSE(Listed("(?:\\pL)day"));
  CHECK_FALSE(Listed("(?:the|\\p{Latin}+) day"));
  CHECK_FALSE(Listed("day(?:\\w)?"));  // "days", "dayx"...
}

TEST_CASE("first words: any letter stays unlistable when merged with other beginnings") {
  // After "x": either \W (maybe outside ASCII) or any letter; both end up
  // in one finished beginning with the empty word.
  CHECK_FALSE(Listed("(?:\\W|\\w)day"));
  CHECK_FALSE(Listed("(?:[^a-z]|.)day"));
}

TEST_CASE("first words: any letter after a finished word changes nothing") {
  CHECK(Words("the\\s+(?P<x>current)\\b\\s+[^\\s.,;]") == Set{"the"});
  CHECK(Words("(?:the|a) (?:\\w+ )?day") == Set{"a", "the"});
}

TEST_CASE("first words: literal braces and escapes") {
  CHECK(Words("\\{x").empty());
  CHECK(Words("{x").empty());
  CHECK(Words("a{x") == Set{"a"});
  CHECK(Words("\\Qa.b\\E") == Set{"a"});
  CHECK(Words("\\x61m") == Set{"am"});
  CHECK(Words("[\\x{61}]m") == Set{"am"});
  CHECK(Words("[[:digit:]]m").empty());
}

TEST_CASE("follow bytes: what may come after a first word") {
  const char* since = "since (?:early |late )?(?:may|june)";
  CHECK(Allows(since, "since", "since june 5"));
  CHECK(Allows(since, "since", "since early"));
  CHECK_FALSE(Allows(since, "since", "since he left"));
  CHECK_FALSE(Allows(since, "since", "since,"));
  CHECK_FALSE(Allows(since, "since", "since"));  // the text ends where more is needed
  // Where the match may end, anything may follow, the end of the text too.
  CHECK(Allows("noon", "noon", "noon"));
  CHECK(Allows("noon", "noon", "noon he"));
  CHECK(Allows("day(?:s ago)?", "day", "day x"));
  CHECK_FALSE(Allows("days? ago", "day", "day x"));
  CHECK(Allows("days? ago", "days", "days ago"));
  // Digits, spaces and small classes are described byte by byte.
  CHECK(Allows("in \\d{4}", "in", "in 1998"));
  CHECK_FALSE(Allows("in \\d{4}", "in", "in x998"));
  CHECK(Allows("mid[- ]\\d", "mid", "mid 1"));
  CHECK(Allows("mid[- ]\\d", "mid", "mid-1"));
  CHECK_FALSE(Allows("mid[- ]\\d", "mid", "mid.1"));
}

TEST_CASE("follow bytes: what cannot be described allows anything") {
  // A character outside ASCII is several bytes: a quantifier takes them all.
  CHECK(Allows("mid\xE2\x80\x93?\\d", "mid", "mid1"));
  CHECK(Allows("mid\xE2\x80\x93?\\d", "mid", "mid\xE2\x80\x93" "1"));
  CHECK_FALSE(Allows("mid\xE2\x80\x93?\\d", "mid", "mid-1"));
  CHECK(Allows("mid\\W\\d", "mid", "mid\xE2\x80\x93" "1"));
  CHECK(Allows("mid[^0-9a-z]x", "mid", "mid\xE2\x80\x93x"));
  CHECK(Allows("mid\\x{2013}\\d", "mid", "mid\xE2\x80\x93" "1"));
  CHECK(Allows("the .*day", "the", "the hol"));
  CHECK(Allows("(?i)mid k", "mid", "mid \xE2\x84\xAA"));  // K matches the Kelvin sign
  CHECK(Allows("mid[\xE2\x80\x93-\xE2\x80\x94]x", "mid", "mid\xE2\x80\x94x"));  // a range: any
}

TEST_CASE("follow bytes: a class of a few characters outside ASCII") {
  const char* year = "in ['\xE2\x80\x99][0-9]{2}";
  CHECK(Allows(year, "in", "in '98"));
  CHECK(Allows(year, "in", "in \xE2\x80\x99" "98"));
  CHECK_FALSE(Allows(year, "in", "in \xE2\x80\x9C" "98"));
  CHECK_FALSE(Allows(year, "in", "in gaza"));
}

}  // namespace
}  // namespace newsgraph::timex
