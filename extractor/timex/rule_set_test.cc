#include "extractor/timex/rule_set.h"

#include <doctest/doctest.h>
#include <re2/re2.h>

#include <cctype>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
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

TEST_CASE("trigger words: the first-byte and length table lets every trigger through") {
  auto rules = WithRules("r1\tDATE\ton (?P<month>%month)\t{month}\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  CHECK(rules->TriggerWord("june").before == 4);  // the default window
  CHECK(rules->TriggerWord("june").after == 4);
  CHECK(rules->TriggerWord("june.").before == 4);
  CHECK(rules->TriggerWord("friday").before == 3);
  CHECK(rules->TriggerWord("friday").after == 2);
  CHECK(rules->TriggerWord("friday.").after == 2);
  // Same first byte and length as a trigger, or a trigger's first byte at
  // another length: not triggers.
  CHECK_FALSE(rules->TriggerWord("junk").ok());
  CHECK_FALSE(rules->TriggerWord("jun").ok());
  CHECK_FALSE(rules->TriggerWord("junes").ok());
  CHECK_FALSE(rules->TriggerWord("fridax").ok());
  CHECK_FALSE(rules->TriggerWord("fridays.").ok());
  CHECK_FALSE(rules->TriggerWord("j").ok());
  CHECK_FALSE(rules->TriggerWord(".").ok());
  CHECK_FALSE(rules->TriggerWord("junejunejunejune").ok());   // 16 bytes
  CHECK_FALSE(rules->TriggerWord("junejunejunejunej").ok());  // 17 bytes

  // The project's rules: TriggerWord agrees with the trigger list itself,
  // over every trigger and words one edit away from one.
  auto project = RuleSet::Load("extractor/timex/rules");
  REQUIRE_MESSAGE(project.ok(), project.status().ToString());
  const Lexicon& lexicon = project->lexicon();
  std::set<std::string> triggers;
  for (const std::string& w : lexicon.Words("trigger")) {
    std::vector<std::string> words = w[0] == '%' ? lexicon.Words(w.substr(1)) : std::vector<std::string>{w};
    for (std::string t : words) {
      if (t.find(' ') != std::string::npos) continue;
      if (t.size() > 1 && t.back() == '.') t.pop_back();
      triggers.insert(t);
    }
  }
  REQUIRE(triggers.size() > 50);
  std::vector<std::string> probes = {"the", "said", "in", "a", "president", "q", "zz"};
  for (const std::string& t : triggers) {
    probes.push_back(t);
    probes.push_back(t + ".");
    probes.push_back(t + "s");
    probes.push_back(t.substr(0, t.size() - 1));
    probes.push_back(t.substr(1));
    std::string changed = t;
    changed.back() = changed.back() == 'x' ? 'y' : 'x';
    probes.push_back(changed);
  }
  for (const std::string& p : probes) {
    std::string_view word = p;
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    const bool expected = !word.empty() && triggers.count(std::string(word)) > 0;
    CHECK_MESSAGE(project->TriggerWord(p).ok() == expected, p);
  }
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

TEST_CASE("pieces of a pattern: atoms with their repetitions / none for a top-level alternation") {
  std::vector<std::string_view> pieces;
  REQUIRE(SplitPieces("(?P<n>a|b)\\s+[^)(]x?y{2,3}z*?(?:c)+\u2013{q", &pieces));
  const std::vector<std::string_view> expected = {"(?P<n>a|b)", "\\s+", "[^)(]", "x?", "y{2,3}",
                                                  "z*?", "(?:c)+", "\u2013", "{", "q"};
  CHECK(pieces == expected);
  CHECK_FALSE(SplitPieces("a|b", &pieces));
  CHECK_FALSE(SplitPieces("\\Qa|b\\E", &pieces));
  CHECK_FALSE(SplitPieces("(a", &pieces));
  // Two-byte escapes are pieces; longer ones are not read, as a cut would
  // change them ("\\16" then "3" is not "\\163").
  REQUIRE(SplitPieces("\\.5\\s+\\b\\-\\{", &pieces));
  CHECK(pieces == std::vector<std::string_view>{"\\.", "5", "\\s+", "\\b", "\\-", "\\{"});
  for (const char* refused : {"ab\\163", "a\\x{4a}", "a\\x41", "a\\pN", "a\\p{Greek}", "(a\\Q)\\E)", "a\\"}) {
    CHECK_FALSE_MESSAGE(SplitPieces(refused, &pieces), refused);
    CHECK(pieces.empty());
  }
}

TEST_CASE("set entries: patterns that begin alike share one written once up to where they part") {
  const std::vector<std::string> patterns = {"ab(?P<n>c)x", "q|r", "ab(?P<n>c)y?", "abz", "ab", "a"};
  std::vector<SetEntry> entries = GroupForSet(patterns, 2);
  REQUIRE(entries.size() == 3);
  CHECK(entries[0].pattern == "ab(?:(?:c)(?:x|y?)|z|)");
  CHECK(entries[0].rules == std::vector<uint32_t>{0, 2, 3, 4});
  CHECK(entries[1].pattern == "q|r");  // no pieces: alone
  CHECK(entries[1].rules == std::vector<uint32_t>{1});
  CHECK(entries[2].pattern == "a");  // shorter than the bytes shared
  CHECK(entries[2].rules == std::vector<uint32_t>{5});
  // The same language as the patterns' alternation.
  RE2 shared(entries[0].pattern);
  for (const char* s : {"abcx", "abc", "abcy", "abz", "ab"}) CHECK(RE2::FullMatch(s, shared));
  for (const char* s : {"abx", "abcz", "a", "abcyy"}) CHECK_FALSE(RE2::FullMatch(s, shared));
  // Patterns with escapes longer than two bytes are never shared: cut
  // between "\\16" and "3", octal 163 ("s") would become 16 then "3".
  const std::vector<std::string> octal = {"abcd\\163", "abcd\\164"};
  std::vector<SetEntry> apart = GroupForSet(octal, 2);
  REQUIRE(apart.size() == 2);
  CHECK(apart[0].pattern == octal[0]);
  CHECK(apart[1].pattern == octal[1]);
  // The shipped rules: "%num %anyunit ago", "... later"... share an entry.
  auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE(rules.ok());
  std::vector<std::string> shipped;
  for (size_t i = 0; i < rules->size(); ++i) shipped.push_back(SortAlternatives(rules->expanded_pattern(i)));
  size_t shared_by_ago = 0;
  for (const SetEntry& e : GroupForSet(shipped, 800)) {
    for (uint32_t r : e.rules) {
      if (rules->rule(r).id == "date_ago") shared_by_ago = e.rules.size();
    }
  }
  CHECK(shared_by_ago > 1);
}

TEST_CASE("matches agree with each rule's own RE2 at every start (the shared set entries find no other)") {
  auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE(rules.ok());
  const std::string folded =
      "about three years ago, two weeks later and five days from now; some 10 months earlier, 3 to 5 years "
      "before that, the 24 years since june 19, 2024, a decade or so back, in the past year, 2 hours later.";
  std::vector<uint32_t> starts;
  for (uint32_t i = 0; i < folded.size(); ++i) {
    if (i == 0 || folded[i - 1] == ' ') starts.push_back(i);
  }
  MatchScratch scratch;
  std::vector<RuleMatch> matches;
  rules->FindMatches(folded, folded.size(), starts, &scratch, &matches);
  // Each rule alone, anchored at each start; the extent must fall on word
  // bounds as FindMatches requires.
  auto word = [&](size_t i) { return i < folded.size() && std::isalnum(static_cast<unsigned char>(folded[i])); };
  std::vector<std::unique_ptr<RE2>> own;
  for (uint32_t r = 0; r < rules->size(); ++r) own.push_back(std::make_unique<RE2>(rules->expanded_pattern(r)));
  std::vector<RuleMatch> expected;
  for (uint32_t start : starts) {
    for (uint32_t r = 0; r < rules->size(); ++r) {
      const int n = rules->rule(r).extent_group + 1;
      std::vector<re2::StringPiece> groups(n);
      if (!own[r]->Match(folded, start, folded.size(), RE2::ANCHOR_START, groups.data(), n)) continue;
      RuleMatch m;
      m.match_begin = start;
      m.match_end = static_cast<uint32_t>(start + groups[0].size());
      m.begin = m.match_begin;
      m.end = m.match_end;
      if (n > 1 && groups[n - 1].data() != nullptr) {
        m.begin = static_cast<uint32_t>(groups[n - 1].data() - folded.data());
        m.end = static_cast<uint32_t>(m.begin + groups[n - 1].size());
      }
      if (m.end <= m.begin || (m.begin > 0 && word(m.begin - 1) && word(m.begin)) || (word(m.end) && word(m.end - 1)) ||
          folded[m.begin] == ' ' || folded[m.end - 1] == ' ') {
        continue;
      }
      m.rule = r;
      expected.push_back(m);
    }
  }
  REQUIRE(matches.size() == expected.size());
  size_t ago = 0;
  for (size_t i = 0; i < matches.size(); ++i) {
    CHECK(matches[i].rule == expected[i].rule);
    CHECK(matches[i].begin == expected[i].begin);
    CHECK(matches[i].end == expected[i].end);
    CHECK(matches[i].match_begin == expected[i].match_begin);
    CHECK(matches[i].match_end == expected[i].match_end);
    if (rules->rule(matches[i].rule).id == "date_ago" || rules->rule(matches[i].rule).id == "date_later") ++ago;
  }
  CHECK(ago >= 3);
}

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
      // RE2 reads the patterns when the set is built; the first bad row is
      // still the one reported, and a row's bad pattern before its value.
      {"r1\tDATE\t(june\t06\nr2\tDATE\tjune\t@nothing()\n", "test_rules.tsv:3: bad pattern: missing ): (june"},
      {"r1\tDATE\t(june\t@nothing()\n", "test_rules.tsv:3: bad pattern: missing ): (june"},
      {"r1\tDATE\tjune\t06\nr2\tDATE\t(june\t06\n", "test_rules.tsv:4: bad pattern: missing ): (june"},
  };
  // A bad pattern in one file comes before a later file that cannot be read.
  auto two_files = RuleSet::FromStrings({"lexicon.tsv", kLexicon}, {"macros.tsv", kMacros},
                                        {{"a_rules.tsv", std::string(kHeader) + "r1\tDATE\t(june\t06\n"},
                                         {"b_rules.tsv", "# only a comment\n"}});
  REQUIRE_FALSE(two_files.ok());
  CHECK(two_files.status().message() == "a_rules.tsv:2: bad pattern: missing ): (june");
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

  // Given the match's key, the same groups and the same cap= check.
  std::string key;
  rules->MatchKey(folded, matches[1], &key);
  std::vector<std::string_view> keyed;
  REQUIRE(rules->Captures(text, folded, matches[1], key, &keyed));
  REQUIRE(keyed.size() == 3);
  CHECK(keyed[0] == "june 5");
  CHECK(keyed[0].data() == folded.data() + 15);
  CHECK(keyed[1] == "june");
  CHECK(keyed[2] == "5");
  rules->MatchKey(folded, matches[2], &key);
  CHECK_FALSE(rules->Captures(text, folded, matches[2], key, &keyed));
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
