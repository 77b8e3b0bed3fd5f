#include "extractor/timex/rule_set.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "extractor/core/tsv_reader.h"

namespace newsgraph::timex {
namespace {

const char kLexicon[] =
    "class\tword\tvalue\nmonth\tjune\t06\nweekday\tfriday\t5\ntrigger\t%month\t\ntrigger\t%weekday\t3,2\n";
const char kMacros[] = "name\tpattern\nday\t[0-9]{1,2}\n";
const char kHeader[] = "id\ttype\tpattern\tvalue\tmod\tflags\n";

Result<RuleSet> WithRules(const std::string& rows) {
  return RuleSet::FromStrings({"lexicon.tsv", kLexicon}, {"macros.tsv", kMacros},
                              {{"test_rules.tsv", std::string("# a comment\n") + kHeader + rows}});
}

}  // namespace

TEST_CASE("every rule file of the project loads") {
  const std::string dir = "extractor/timex/rules";
  auto rules = RuleSet::Load(dir);
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  CHECK(rules->size() > 150);
  // Each *_rules.tsv file is read: count its rows and compare.
  size_t rows = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::string name = entry.path().filename().string();
    if (name.size() < 10 || name.substr(name.size() - 10) != "_rules.tsv") continue;
    auto tsv = TsvReader::Open(entry.path().string());
    REQUIRE(tsv.ok());
    TsvRow row;
    while (tsv->Next(&row)) ++rows;
  }
  CHECK(rules->size() == rows);
  CHECK(rules->TriggerWord("wednesday").ok());
  CHECK(rules->TriggerWord("sept.").ok());
  CHECK_FALSE(rules->TriggerWord("the").ok());
  CHECK(rules->number_window().before > 0);
}

TEST_CASE("capture groups are counted and named as RE2 does it") {
  struct Case {
    std::string pattern;
    int count;
    std::map<std::string, int> named;
  };
  const Case cases[] = {
      {"june", 0, {}},
      {"(a)(?:b)(?P<day>c)", 2, {{"day", 2}}},
      {"\\(not\\) (?i)x(?i:y)(z)", 1, {}},
      {"[(](?P<x>a)[^)]", 1, {{"x", 1}}},
      {"[]()](b)[^](](c)", 2, {}},
      {"[[:alpha:](](d)", 1, {}},
      {"\\Q(literal)\\E(e)", 1, {}},
      {"(?P<a>(?P<b>1)|(2))", 3, {{"a", 1}, {"b", 2}}},
  };
  for (const Case& c : cases) {
    RE2 re(c.pattern);
    REQUIRE_MESSAGE(re.ok(), c.pattern);
    std::map<std::string, int> named;
    CHECK_MESSAGE(ScanCaptureGroups(c.pattern, &named) == c.count, c.pattern);
    CHECK(re.NumberOfCapturingGroups() == c.count);
    CHECK(named == c.named);
  }
  // And for every rule the project ships, against RE2's own count.
  auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  for (size_t i = 0; i < rules->size(); ++i) {
    RE2 re(rules->expanded_pattern(i));
    REQUIRE(re.ok());
    std::map<std::string, int> named;
    CHECK_MESSAGE(ScanCaptureGroups(rules->expanded_pattern(i), &named) == re.NumberOfCapturingGroups(),
                  rules->rule(i).id);
    CHECK_MESSAGE(named == re.NamedCapturingGroups(), rules->rule(i).id);
    CHECK(rules->rule(i).num_groups == re.NumberOfCapturingGroups());
  }
}

TEST_CASE("alternatives sorted for the rule set's automaton: innermost (?:...) groups only") {
  struct Case {
    std::string pattern;
    std::string sorted;
  };
  const Case cases[] = {
      {"(?:wednesday|thursday|thurs|thu)\\.?", "(?:thu|thurs|thursday|wednesday)\\.?"},
      {"(?:b|(?:d|c))|z|a", "(?:b|(?:c|d))|z|a"},          // the outer group holds a group
      {"(?P<x>b|a) (?:b\\|c|a)", "(?P<x>b|a) (?:a|b\\|c)"},  // a capture keeps its order; \\| is no bar
      {"(?:b|[xa]|a)", "(?:b|[xa]|a)"},                 // holds a class
      {"[(?:b|a)] \\(?:b|a\\)", "[(?:b|a)] \\(?:b|a\\)"},  // a class; escaped parentheses
      {"(?i:b|a)(?:b)", "(?i:b|a)(?:b)"},                // flags; one alternative
      {"\\Q(?:b|a)\\E", "\\Q(?:b|a)\\E"},
      {"(?:b|a", "(?:b|a"},
  };
  for (const Case& c : cases) CHECK_MESSAGE(SortAlternatives(c.pattern) == c.sorted, c.pattern);
  // Every shipped rule: a pattern RE2 accepts, that matches what the rule matches.
  auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  RE2 sorted(SortAlternatives(rules->expanded_pattern(0)));
  REQUIRE(sorted.ok());
  CHECK(RE2::FullMatch("wednesday, june 19, 2024", sorted));
  CHECK(RE2::FullMatch("thurs. the middle of jan 5 1999", sorted));
  CHECK_FALSE(RE2::FullMatch("june 19 2024 x", sorted));
  for (size_t i = 0; i < rules->size(); ++i) {
    CHECK_MESSAGE(RE2(SortAlternatives(rules->expanded_pattern(i))).ok(), rules->rule(i).id);
  }
}

namespace {

// Whether a match may start at the text's first token (up to its first space).
bool StartsAt(const RuleSet& rules, std::string_view text) {
  size_t end = text.find(' ');
  if (end == std::string_view::npos) end = text.size();
  return rules.MayStartAt(text, 0, static_cast<uint32_t>(end), static_cast<uint32_t>(text.size()));
}

}  // namespace

TEST_CASE("starts: only words a shipped pattern can begin with / before bytes it allows") {
  auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  // Every shipped pattern's first words can be listed; otherwise every
  // word the rules spell out would be tried.
  CHECK(rules->first_words_listed());
  for (const char* text : {"next week", "last year", "monday", "june 5", "since june", "the first quarter",
                           "two days ago", "jan. 5", "in 1998", "in the past"}) {
    CHECK_MESSAGE(StartsAt(*rules, text), text);
  }
  // Spelled out inside patterns only ("two days ago", "on Monday").
  for (const char* text : {"ago", "on monday", "percent", "visited"}) CHECK_FALSE_MESSAGE(StartsAt(*rules, text), text);
  // First words, but not before these bytes.
  for (const char* text : {"since he left", "in gaza"}) CHECK_FALSE_MESSAGE(StartsAt(*rules, text), text);
  // A token with a digit in it: its first word is the letters before it
  // ("q" of "q2", a rule's q[1-4]).
  CHECK(StartsAt(*rules, "q2 results"));
  CHECK(rules->MayStartAt("q2", 0, 2, 2));
  // The window ends before what would follow: "since" needs more.
  CHECK_FALSE(rules->MayStartAt("since june", 0, 5, 5));
  CHECK(rules->MayStartAt("since june", 0, 5, 10));
  // A letter after the token: any word spelled out counts, before anything.
  CHECK(rules->MayStartAt("agone", 0, 3, 5));
  CHECK_FALSE(rules->MayStartAt("visitedx", 0, 7, 8));
}

TEST_CASE("starts: a pattern that may begin with any letter makes every spelled-out word a start") {
  auto rules = WithRules("r1\tDATE\ton (?P<month>%month)\t{month}\nr2\tNONE\t\\w+ ago\t\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  CHECK_FALSE(rules->first_words_listed());
  CHECK(StartsAt(*rules, "on"));
  CHECK(StartsAt(*rules, "ago x"));
  CHECK_FALSE(StartsAt(*rules, "visited"));
}

TEST_CASE("malformed rule rows fail with file:line") {
  struct Case {
    std::string row;
    std::string message;
  };
  const Case cases[] = {
      {"r1\tDAY\tjune\t06\n", "test_rules.tsv:3: type must be DATE, TIME, DURATION, SET or NONE, not 'DAY'"},
      {"r1\tDATE\t(june\t06\n", "test_rules.tsv:3: bad pattern: missing ): (june"},
      {"r1\tDATE\t%nope\t06\n", "test_rules.tsv:3: unknown macro or word class %nope"},
      {"r1\tDATE\t(?P<month>%month)\t@nothing({month})\n",
       "test_rules.tsv:3: value '@nothing({month})': unknown function @nothing at column 1"},
      {"r1\tDATE\t(?P<month>%month)\t{day}\n",
       "test_rules.tsv:3: value '{day}': no capture group named 'day' in the pattern at column 1"},
      {"r1\tDATE\t(?P<month>%month)\t@md({month})\n",
       "test_rules.tsv:3: value '@md({month})': @md takes 2 to 3 arguments, not 1 at column 13"},
      {"r1\tDATE\tjune\t\n", "test_rules.tsv:3: empty value"},
      {"r1\tDATE\t(?P<month>june)\t{month}\t\tcap=day\n", "test_rules.tsv:3: flag cap=day: no such group"},
      {"r1\tDATE\tjune\t06\nr1\tDATE\tjune\t06\n",
       "test_rules.tsv:4: duplicate rule id 'r1' (first at test_rules.tsv:3)"},
      {"r1\tDATE\tjune\t06\t\t\textra\n", "test_rules.tsv:3: row has 7 fields, header has 6"},
      {"r1\tDATE\t[a-z]+ june\t06\n",
       "test_rules.tsv:3: pattern '[a-z]+ june': a class of letters ([a-z]) is not allowed: spell the words out"},
  };
  for (const Case& c : cases) {
    auto rules = WithRules(c.row);
    REQUIRE_FALSE_MESSAGE(rules.ok(), c.row);
    CHECK(rules.status().code() == StatusCode::kDataError);
    CHECK(rules.status().message() == c.message);
  }
}

TEST_CASE("matches report exact bounds / context and groups") {
  auto rules = WithRules(
      "md\tDATE\t(?P<month>%month) (?P<day>%day)\t@md({month},{day})\t\tcap=month\n"
      "ctx\tDATE\ton (?P<x>(?P<weekday>%weekday))\t@weekday({weekday})\n"
      "no\tNONE\tjune bug\t\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  CHECK(rules->size() == 3);
  CHECK_FALSE(rules->rule(2).type.has_value());
  CHECK(rules->TriggerWord("friday").before == 3);
  CHECK(rules->TriggerWord("june").before == 4);  // the default window
  const std::string text = "Met on Friday, June 5 and june 6; a june bug.";
  std::string folded = text;
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // Token starts: Met on Friday , June 5 and june 6 ; a june bug .
  const std::vector<uint32_t> starts = {0, 4, 7, 13, 15, 20, 22, 26, 31, 32, 34, 36, 41, 44};
  MatchScratch scratch;
  std::vector<RuleMatch> matches;
  rules->FindMatches(folded, folded.size(), starts, &scratch, &matches);
  REQUIRE(matches.size() == 4);
  // By start, then by rule.
  CHECK(matches[0].rule == 1);  // "on Friday": the extent is "Friday"
  CHECK(matches[0].begin == 7);
  CHECK(matches[0].end == 13);
  CHECK(matches[0].match_begin == 4);
  CHECK(matches[0].context() == 3);
  CHECK(matches[1].rule == 0);
  CHECK(matches[1].begin == 15);
  CHECK(matches[1].end == 21);
  CHECK(matches[2].begin == 26);  // "june 6": found, refused later by cap=
  CHECK(matches[3].rule == 2);
  CHECK(matches[3].begin == 36);
  CHECK(matches[3].end == 44);
  std::vector<std::string_view> captures;
  REQUIRE(rules->Captures(text, folded, matches[1], &captures));
  CHECK(captures[1] == "june");
  CHECK(captures[2] == "5");
  CHECK_FALSE(rules->Captures(text, folded, matches[2], &captures));  // "june" is not capitalised
}

TEST_CASE("matches: \\b and $ see the document's bytes around the window and not its edges") {
  // The extents start and end at word boundaries whatever the assertions
  // say: the context that the assertions check lies outside them.
  auto rules = WithRules(
      "edge\tDATE\tjune (?P<day>%day)$\t@md(06,{day})\n"
      "lead\tDATE\t\\bfriday (?P<x>(?P<day>%day))\t@md(06,{day})\n"
      "tail\tDATE\t(?P<x>june) (?P<day>%day)\\b\t@md(06,{day})\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  auto find = [&](const std::string& folded, uint32_t start, size_t window_end) {
    MatchScratch scratch;
    std::vector<RuleMatch> matches;
    rules->FindMatches(folded, window_end, {start}, &scratch, &matches);
    std::vector<std::string> found;
    std::vector<std::string_view> captures;
    for (const RuleMatch& m : matches) {
      REQUIRE(rules->Captures(folded, folded, m, &captures));
      found.push_back(rules->rule(m.rule).id + ":" + folded.substr(m.begin, m.end - m.begin) + "|" +
                      std::string(captures.back()));
    }
    return found;
  };
  using Found = std::vector<std::string>;
  // $ holds at the document's end only, wherever the window ends.
  CHECK(find("on june 5", 3, 9) == Found{"edge:june 5|5", "tail:june|5"});
  CHECK(find("on june 5 more", 3, 9) == Found{"tail:june|5"});
  // \b looks at the byte before the start...
  CHECK(find("friday 12", 0, 9) == Found{"lead:12|12"});
  CHECK(find("xfriday 12", 1, 10).empty());
  // ... and at the one after the window's end.
  CHECK(find("june 12x", 0, 7).empty());
  CHECK(find("june 12 x", 0, 7) == Found{"tail:june|12"});
}

TEST_CASE("matches from several threads / the first with the rule set's own RE2 objects / the others with copies") {
  auto rules = WithRules(
      "md\tDATE\t(?P<month>%month) (?P<day>%day)\t@md({month},{day})\t\tcap=month\n"
      "ctx\tDATE\ton (?P<x>(?P<weekday>%weekday))\t@weekday({weekday})\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  const std::string text = "Met on Friday, June 5.";
  std::string folded = text;
  for (char& c : folded) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::vector<uint32_t> starts = {4, 7, 15};
  auto find = [&] {
    MatchScratch scratch;
    std::vector<RuleMatch> matches;
    rules->FindMatches(folded, folded.size(), starts, &scratch, &matches);
    std::vector<std::string> found;
    std::vector<std::string_view> captures;
    for (const RuleMatch& m : matches) {
      std::string f = folded.substr(m.begin, m.end - m.begin);
      if (rules->Captures(text, folded, m, &captures)) {
        f += '|';
        f += captures.back();
      }
      found.push_back(f);
    }
    return found;
  };
  const std::vector<std::string> expected = {"friday|friday", "june 5|5"};
  CHECK(find() == expected);
  std::vector<std::vector<std::string>> found(3);
  std::vector<std::thread> threads;
  for (auto& f : found) threads.emplace_back([&f, &find] { f = find(); });
  for (std::thread& t : threads) t.join();
  for (const auto& f : found) CHECK(f == expected);
}

}  // namespace newsgraph::timex
