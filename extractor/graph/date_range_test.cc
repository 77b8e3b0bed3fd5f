#include "extractor/graph/date_range.h"

#include <doctest/doctest.h>

#include "extractor/core/civil_date.h"

namespace newsgraph::graph {
namespace {

std::string First(const DateRange& r) { return FormatIsoDate(CivilFromDays(r.first)); }
std::string Last(const DateRange& r) { return FormatIsoDate(CivilFromDays(r.last)); }

TEST_CASE("TIMEX3 values name calendar intervals") {
  struct Case {
    const char* value;
    DatePrecision precision;
    const char* first;
    const char* last;
  };
  const Case cases[] = {
      {"2024-06-19", DatePrecision::kDay, "2024-06-19", "2024-06-19"},
      {"2024-06-19T10:30", DatePrecision::kDay, "2024-06-19", "2024-06-19"},
      {"2024-06-19TMO", DatePrecision::kDay, "2024-06-19", "2024-06-19"},
      {"2024-06", DatePrecision::kMonth, "2024-06-01", "2024-06-30"},
      {"2024-02", DatePrecision::kMonth, "2024-02-01", "2024-02-29"},
      {"2024-W25", DatePrecision::kWeek, "2024-06-17", "2024-06-23"},
      {"2020-W53", DatePrecision::kWeek, "2020-12-28", "2021-01-03"},
      {"2024-W01", DatePrecision::kWeek, "2024-01-01", "2024-01-07"},
      {"2024-Q2", DatePrecision::kQuarter, "2024-04-01", "2024-06-30"},
      {"2024-H2", DatePrecision::kHalf, "2024-07-01", "2024-12-31"},
      {"2024-SU", DatePrecision::kSeason, "2024-06-01", "2024-08-31"},
      {"2023-WI", DatePrecision::kSeason, "2023-12-01", "2024-02-29"},
      {"2000", DatePrecision::kYear, "2000-01-01", "2000-12-31"},
      {"202", DatePrecision::kDecade, "2020-01-01", "2029-12-31"},
      {"19", DatePrecision::kCentury, "1900-01-01", "1999-12-31"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.value);
    DateRange r = ParseTimexDate(c.value);
    CHECK(r.precision == c.precision);
    CHECK(First(r) == c.first);
    CHECK(Last(r) == c.last);
  }
}

TEST_CASE("values that name no interval are undated") {
  for (const char* v : {"", "PRESENT_REF", "PAST_REF", "XXXX-06-19", "2024-13", "2024-02-30", "2021-W53", "2024-W00",
                        "P24Y", "2024-6-19", "20240619", "T10:30"}) {
    CAPTURE(v);
    CHECK_FALSE(ParseTimexDate(v).dated());
    CHECK(ParseTimexDate(v).days() == 0);
  }
}

TEST_CASE("overlap is what lets dates agree") {
  CHECK(ParseTimexDate("2024-06").Overlaps(ParseTimexDate("2024-06-19")));
  CHECK(ParseTimexDate("2024-06-19").Overlaps(ParseTimexDate("2024-06")));
  CHECK(ParseTimexDate("2024-W25").Overlaps(ParseTimexDate("2024-06-19")));
  CHECK_FALSE(ParseTimexDate("2024-06-19").Overlaps(ParseTimexDate("2024-06-20")));
  CHECK_FALSE(ParseTimexDate("2024-06").Overlaps(ParseTimexDate("2024-07")));
  CHECK_FALSE(ParseTimexDate("2024-06").Overlaps(ParseTimexDate("")));
  CHECK_FALSE(ParseTimexDate("").Overlaps(ParseTimexDate("")));
  CHECK(ParseTimexDate("2024-06").days() == 30);
}

TEST_CASE("schema.org startDate and command-line bounds") {
  CHECK(IsoStartDate("2024-06-19") == "2024-06-19");
  CHECK(IsoStartDate("2024-06-19TMO") == "2024-06-19");
  CHECK(IsoStartDate("2024-W25") == "2024-W25");
  CHECK(IsoStartDate("2000-07") == "2000-07");
  CHECK(IsoStartDate("2000") == "2000");
  CHECK(IsoStartDate("2024-Q2").empty());
  CHECK(IsoStartDate("202").empty());
  CHECK(IsoStartDate("PRESENT_REF").empty());
  CHECK(ParseDateBound("2020").precision == DatePrecision::kYear);
  CHECK(ParseDateBound("2020-03").precision == DatePrecision::kMonth);
  CHECK(ParseDateBound("2020-03-04").precision == DatePrecision::kDay);
  CHECK_FALSE(ParseDateBound("2020-Q1").dated());
  CHECK_FALSE(ParseDateBound("202").dated());
  CHECK_FALSE(ParseDateBound("2020-03-04T10:00").dated());
  CHECK(DatePrecisionName(DatePrecision::kMonth) == "month");
  CHECK(DatePrecisionName(DatePrecision::kNone) == "none");
}

}  // namespace
}  // namespace newsgraph::graph
