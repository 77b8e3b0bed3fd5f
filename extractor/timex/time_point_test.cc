#include "extractor/timex/time_point.h"

#include <doctest/doctest.h>

namespace newsgraph::timex {

TEST_CASE("every TIMEX3 point form parses and prints back") {
  for (const char* v : {"2024-06-19", "2024-06-19TMO", "2024-06-19T10:30", "2024-W25", "2020-W53", "2024-06",
                        "2024-SU", "2023-WI", "2024-Q2", "2024-H1", "2024", "199", "20"}) {
    auto p = ParseTimePoint(v);
    REQUIRE_MESSAGE(p.has_value(), v);
    CHECK(FormatTimePoint(*p) == v);
  }
  for (const char* v : {"", "P24Y", "PRESENT_REF", "2024-13", "2023-02-29", "2024-Q5", "2021-W54", "XXXX-WXX-1",
                        "2024-06-19X"}) {
    CHECK_FALSE_MESSAGE(ParseTimePoint(v).has_value(), v);
  }
}

TEST_CASE("points of a date at each granularity") {
  CivilDate d{2024, 1, 15};
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kWeek)) == "2024-W03");
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kSeason)) == "2023-WI");  // January: last winter
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kQuarter)) == "2024-Q1");
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kHalf)) == "2024-H1");
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kDecade)) == "202");
  CHECK(FormatTimePoint(PointFromDate(d, Granularity::kCentury)) == "20");
  CHECK(FormatDay(CivilDate{987, 3, 4}) == "0987-03-04");
}

TEST_CASE("shifting by calendar units") {
  TimePoint june19 = *ParseTimePoint("2024-06-19");
  CHECK(FormatTimePoint(ShiftTimePoint(june19, Granularity::kWeek, -1, Granularity::kWeek)) == "2024-W24");
  CHECK(FormatTimePoint(ShiftTimePoint(june19, Granularity::kDay, 1, Granularity::kDay)) == "2024-06-20");
  CHECK(FormatTimePoint(ShiftTimePoint(june19, Granularity::kMonth, -1, Granularity::kMonth)) == "2024-05");
  CHECK(FormatTimePoint(ShiftTimePoint(june19, Granularity::kYear, -1, Granularity::kYear)) == "2023");
  TimePoint q3 = *ParseTimePoint("1989-Q3");
  CHECK(FormatTimePoint(ShiftTimePoint(q3, Granularity::kYear, -1, Granularity::kQuarter)) == "1988-Q3");
  TimePoint jan31 = *ParseTimePoint("2024-01-31");
  CHECK(FormatTimePoint(ShiftTimePoint(jan31, Granularity::kMonth, 1, Granularity::kDay)) == "2024-02-29");
  TimePoint morning = *ParseTimePoint("2024-06-19TMO");
  CHECK(FormatTimePoint(ShiftTimePoint(morning, Granularity::kDay, 1, Granularity::kDay)) == "2024-06-20TMO");
}

TEST_CASE("the date an event may take from a point") {
  CHECK(EventDate(*ParseTimePoint("2024-06-19T10:30")) == "2024-06-19");
  CHECK(EventDate(*ParseTimePoint("2024-W26")) == "2024-W26");
  CHECK(EventDate(*ParseTimePoint("2024-06")) == "2024-06");
  CHECK(EventDate(*ParseTimePoint("2024-Q2")) == "2024");
  CHECK(EventDate(*ParseTimePoint("2024-SU")) == "2024");
  CHECK(EventDate(*ParseTimePoint("199")).empty());
  // Read off the value, the same as formatted from the point.
  for (const char* v : {"2024-06-19", "2024-06-19TMO", "2024-06-19T10:30", "0999-01-31", "2024-W25", "2020-W53",
                        "2024-06", "2024-SU", "2023-WI", "2024-Q2", "2024-H1", "2024", "0800", "199", "20"}) {
    auto p = ParseTimePoint(v);
    REQUIRE_MESSAGE(p.has_value(), v);
    CHECK_MESSAGE(EventDate(*p, v) == EventDate(*p), v);
  }
  CHECK(EventDate(*ParseTimePoint("2024-06-19TMO"), "2024-06-19TMO") == "2024-06-19");
}

}  // namespace newsgraph::timex
