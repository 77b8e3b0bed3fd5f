#include "extractor/cli/args.h"

#include <doctest/doctest.h>

namespace newsgraph::cli {

TEST_CASE("flags / switches / repeats / positionals and --") {
  ArgParser p("extract", "[INPUT...]", "x");
  p.AddFlag("date", "D", "d");
  p.AddFlag("gazetteer", "F", "g");
  p.AddFlag("output", "F", "o", 'o');
  p.AddSwitch("include-text", "t");
  REQUIRE(p.Parse({"a.txt", "--date=2024-06-19", "--gazetteer", "x.tsv", "--gazetteer", "y.tsv", "-o", "out",
                   "--include-text", "-", "--", "--weird"})
              .ok());
  CHECK(p.Get("date") == "2024-06-19");
  CHECK(p.GetAll("gazetteer") == std::vector<std::string>{"x.tsv", "y.tsv"});
  CHECK(p.Get("output") == "out");
  CHECK(p.Has("include-text"));
  CHECK(p.positionals() == std::vector<std::string>{"a.txt", "-", "--weird"});
  CHECK_FALSE(p.help());
}

TEST_CASE("usage errors are statuses") {
  ArgParser p("extract", "", "");
  p.AddFlag("date", "D", "d");
  p.AddSwitch("include-text", "t");
  CHECK(p.Parse({"--nope"}).message() == "unknown option '--nope'");
  ArgParser q("extract", "", "");
  q.AddFlag("date", "D", "d");
  CHECK(q.Parse({"--date"}).message() == "option --date needs a value");
  ArgParser r("extract", "", "");
  r.AddSwitch("include-text", "t");
  CHECK(r.Parse({"--include-text=1"}).message() == "option --include-text takes no value");
  CHECK(ParsePositive("threads", "0").status().message() == "--threads needs a positive whole number, not '0'");
  CHECK(*ParsePositive("threads", "4") == 4);
}

}  // namespace newsgraph::cli
