#include "extractor/timex/timex_normalizer.h"

#include <doctest/doctest.h>

#include "extractor/timex/rule_set.h"

namespace newsgraph::timex {
namespace {

const Lexicon& Lex() {
  static auto rules = RuleSet::Load("extractor/timex/rules");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  return rules->lexicon();
}

// Evaluates `value` with named groups {name: text}.
ValueResult Eval(const std::string& value, const std::vector<std::pair<std::string, std::string>>& groups,
                 const std::string& published, Tense tense = Tense::kUnknown,
                 const std::vector<EarlierPoint>* earlier = nullptr) {
  std::map<std::string, int> index;
  std::vector<std::string_view> captures(1);
  for (const auto& [name, text] : groups) {
    index[name] = static_cast<int>(captures.size());
    captures.push_back(text);
  }
  auto program = ValueProgram::Parse(value, index);
  REQUIRE_MESSAGE(program.ok(), program.status().ToString());
  ValueContext ctx;
  if (!published.empty()) ctx.published = ParseIsoDate(published);
  ctx.tense = tense;
  ctx.earlier = earlier;
  return program->Evaluate(captures, Lex(), ctx);
}

std::string Value(const std::string& value, const std::vector<std::pair<std::string, std::string>>& groups,
                  const std::string& published = "2024-06-19", Tense tense = Tense::kUnknown) {
  ValueResult r = Eval(value, groups, published, tense);
  return r.outcome == ValueResult::Outcome::kValue ? r.value : "<none>";
}

}  // namespace

TEST_CASE("numbers in digits and words") {
  const Lexicon& lex = Lex();
  CHECK(*ParseNumber("24", lex) == "24");
  CHECK(*ParseNumber("twenty-four", lex) == "24");
  CHECK(*ParseNumber("twenty four", lex) == "24");
  CHECK(*ParseNumber("1,000", lex) == "1000");
  CHECK(*ParseNumber("2 1/2", lex) == "2.5");
  CHECK(*ParseNumber("one hundred and twenty", lex) == "120");
  CHECK(*ParseNumber("two thousand and one", lex) == "2001");
  CHECK(*ParseNumber("a dozen", lex) == "12");
  CHECK(*ParseNumber("a couple of", lex) == "2");
  CHECK(*ParseNumber("half an", lex) == "0.5");
  CHECK(*ParseNumber("one and a half", lex) == "1.5");
  CHECK(*ParseNumber("several", lex) == "X");
  CHECK(*ParseNumber("a few", lex) == "X");
  CHECK_FALSE(ParseNumber("blue", lex).has_value());
}

TEST_CASE("groups are normalized by their names") {
  CHECK(Value("{year}-{month}-{day}", {{"year", "2024"}, {"month", "sept."}, {"day", "5th"}}) == "2024-09-05");
  CHECK(Value("{year}", {{"year", "nineteen ninety-seven"}}) == "1997");
  CHECK(Value("{year}", {{"year", "'98"}}) == "1998");
  CHECK(Value("{year}", {{"year", "'19"}}) == "2019");
  CHECK(Value("@date({year},{month},{day})", {{"year", "2023"}, {"month", "feb"}, {"day", "29"}}) == "<none>");
  CHECK(Value("XXXX-WXX-{weekday}", {{"weekday", "fridays"}}) == "XXXX-WXX-5");
}

TEST_CASE("a value that reads no context is marked context-free") {
  auto free = [](const std::string& value, const std::vector<std::pair<std::string, std::string>>& groups) {
    return Eval(value, groups, "2024-06-19").context_free;
  };
  CHECK(free("@dur({num},{unit})", {{"num", "24"}, {"unit", "years"}}));
  CHECK(free("@date({year},{month},{day})", {{"year", "2024"}, {"month", "june"}, {"day", "19"}}));
  CHECK(free("{year}", {{"year", "1998"}}));
  CHECK(free("@date({year},{month},{day})", {{"year", "2023"}, {"month", "feb"}, {"day", "29"}}));  // rejected
  // A two-digit year reads the publication date; so do weekdays, and a
  // month and day without a year (and the tense).
  CHECK_FALSE(free("{year}", {{"year", "'98"}}));
  CHECK_FALSE(free("@weekday({weekday})", {{"weekday", "friday"}}));
  CHECK_FALSE(free("@md({month},{day})", {{"month", "june"}, {"day", "19"}}));
  CHECK_FALSE(free("@shift(year,{rel})", {{"rel", "last"}}));
  // Without a publication date a relative value is unresolved: it read that.
  CHECK_FALSE(Eval("@weekday({weekday})", {{"weekday", "friday"}}, "").context_free);
}

TEST_CASE("a value that reads no earlier timex is marked place-free") {
  auto place_free = [](const std::string& value, const std::vector<std::pair<std::string, std::string>>& groups) {
    return Eval(value, groups, "2024-06-19").place_free;
  };
  CHECK(place_free("@dur({num},{unit})", {{"num", "24"}, {"unit", "years"}}));
  CHECK(place_free("@weekday({weekday})", {{"weekday", "friday"}}));
  CHECK(place_free("@shift(year,{rel})", {{"rel", "last"}}));
  CHECK_FALSE(place_free("@ashift(day,+1)", {}));
}

TEST_CASE("weekdays / month days and months by tense") {
  // 2024-06-19 is a Wednesday.
  CHECK(Value("@weekday({weekday})", {{"weekday", "wednesday"}}) == "2024-06-19");
  // The publication's own weekday is that day in every tense; only "last"
  // and "next" move it by a week.
  CHECK(Value("@weekday({weekday})", {{"weekday", "wednesday"}}, "2024-06-19", Tense::kFuture) == "2024-06-19");
  CHECK(Value("@weekday({weekday})", {{"weekday", "wednesday"}}, "2024-06-19", Tense::kPresent) == "2024-06-19");
  CHECK(Value("@weekday({weekday},future)", {{"weekday", "wednesday"}}) == "2024-06-19");
  CHECK(Value("@weekday({weekday},{rel})", {{"weekday", "wednesday"}, {"rel", "this"}}) == "2024-06-19");
  CHECK(Value("@weekday({weekday},{rel})", {{"weekday", "wednesday"}, {"rel", "next"}}) == "2024-06-26");
  CHECK(Value("@weekday({weekday})", {{"weekday", "thursday"}}, "2024-06-19", Tense::kFuture) == "2024-06-20");
  CHECK(Value("@weekday({weekday})", {{"weekday", "tuesday"}}, "2024-06-19", Tense::kFuture) == "2024-06-25");
  CHECK(Value("@weekday({weekday})", {{"weekday", "friday"}}, "2024-06-19", Tense::kPast) == "2024-06-14");
  CHECK(Value("@weekday({weekday},{rel})", {{"weekday", "friday"}, {"rel", "next"}}) == "2024-06-21");
  CHECK(Value("@weekday({weekday},{rel})", {{"weekday", "wednesday"}, {"rel", "last"}}) == "2024-06-12");
  CHECK(Value("@md({month},{day})", {{"month", "june"}, {"day", "25"}}) == "2024-06-25");
  CHECK(Value("@md({month},{day})", {{"month", "december"}, {"day", "25"}}) == "2023-12-25");
  CHECK(Value("@md({month},{day})", {{"month", "january"}, {"day", "14"}}, "2024-12-30", Tense::kPast) ==
        "2025-01-14");  // the tense gives way: the future date is far closer
  CHECK(Value("@month({month},{rel})", {{"month", "september"}, {"rel", "last"}}) == "2023-09");
  CHECK(Value("@month({month},{rel})", {{"month", "may"}, {"rel", "final"}}) == "2024-05");
  CHECK(Value("@month({month})", {{"month", "november"}}, "2023-02-04") == "2022-11");
  CHECK(Value("@month({month})", {{"month", "november"}}, "2023-10-28") == "2023-11");  // five times closer
  CHECK(Value("@quarter({quarter})", {{"quarter", "third"}}, "1989-10-26") == "1989-Q3");
  CHECK(Value("@season({season},{rel})", {{"season", "fall"}, {"rel", "last"}}, "1999-04-10") == "1998-FA");
  CHECK(Value("@holiday({holiday},{year})", {{"holiday", "thanksgiving"}, {"year", "2024"}}) == "2024-11-28");
  CHECK(Value("@holiday({holiday},{year})", {{"holiday", "easter"}, {"year", "2024"}}) == "2024-03-31");
}

TEST_CASE("shifts / durations and clock times") {
  CHECK(Value("@shift({unit},-{num})", {{"unit", "days"}, {"num", "two"}}) == "2024-06-17");
  CHECK(Value("@shift({unit},{rel})", {{"unit", "week"}, {"rel", "next"}}) == "2024-W26");
  CHECK(Value("@shift({unit},-{num},keep)", {{"unit", "decade"}, {"num", "a"}}) == "2014");
  CHECK(Value("@shift({unit},-{num})", {{"unit", "years"}, {"num", "several"}}) == "PAST_REF");
  CHECK(Value("@dur({num},{unit})", {{"num", "24"}, {"unit", "years"}}) == "P24Y");
  CHECK(Value("@dur({num},{unit})", {{"num", "2 1/2"}, {"unit", "years"}}) == "P2Y6M");
  CHECK(Value("@dur({num},{unit})", {{"num", "5 1/2"}, {"unit", "hours"}}) == "PT5H30M");
  CHECK(Value("@dur({num},{unit})", {{"num", "two"}, {"unit", "decades"}}) == "P20Y");
  CHECK(Value("@dur({num},{unit})", {{"num", "a few"}, {"unit", "minutes"}}) == "PTXM");
  CHECK(Value("@ref(day)T@time({hour},{minute},{ampm})", {{"hour", "10"}, {"minute", "30"}, {"ampm", "p.m."}}) ==
        "2024-06-19T22:30");
  CHECK(Value("@time({hour},,{ampm})", {{"hour", "13"}, {"ampm", "pm"}}) == "<none>");
}

TEST_CASE("a missing publication date leaves relative values unresolved") {
  ValueResult r = Eval("@weekday({weekday})", {{"weekday", "monday"}}, "");
  CHECK(r.outcome == ValueResult::Outcome::kUnresolved);
  CHECK(r.value.empty());
  CHECK(Eval("{year}-{month}", {{"year", "2000"}, {"month", "july"}}, "").value == "2000-07");
  CHECK(Eval("@dur({num},{unit})", {{"num", "3"}, {"unit", "months"}}, "").value == "P3M");
}

TEST_CASE("anchored values count from an earlier point") {
  std::vector<EarlierPoint> earlier = {{*ParseTimePoint("2008-09-04"), 0, 0, false},
                                       {*ParseTimePoint("2008-09-03"), 1, 0, true}};
  ValueResult next = Eval("@ashift(day,+1)", {}, "2008-09-04", Tense::kUnknown, &earlier);
  CHECK(next.value == "2008-09-05");  // not from the derived "a day earlier"
  CHECK(next.anchor == TimexAnchor::kPrevious);
  CHECK(next.anchor_timex == 0);
  ValueResult none = Eval("@ashift(day,+1)", {}, "2008-09-04");
  CHECK(none.value == "2008-09-05");  // no earlier date: the publication date
  CHECK(none.anchor == TimexAnchor::kPublication);
  CHECK(Eval("@ashift(day,+1)", {}, "").outcome == ValueResult::Outcome::kUnresolved);
}

TEST_CASE("malformed value programs are refused") {
  std::map<std::string, int> groups = {{"month", 1}, {"foo", 2}};
  CHECK_FALSE(ValueProgram::Parse("@md({month}", groups).ok());
  CHECK_FALSE(ValueProgram::Parse("{foo}", groups).ok());  // no normalization for "foo"
  CHECK_FALSE(ValueProgram::Parse("{month", groups).ok());
  CHECK(ValueProgram::Parse("PRESENT_REF", groups).ok());
}

}  // namespace newsgraph::timex
