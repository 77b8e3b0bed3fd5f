// The calendar interval that a TIMEX3 date value names, so that events can
// be compared ("2024-06" agrees with "2024-06-19") and placed on a timeline.
//
//   DateRange r = ParseTimexDate("2024-06");
//   r.precision == DatePrecision::kMonth;
//   r.Overlaps(ParseTimexDate("2024-06-19"));   // true
//   FormatIsoDate(CivilFromDays(r.first)) == "2024-06-01";
//
// Pure functions; thread-safe.
#ifndef NEWSGRAPH_GRAPH_DATE_RANGE_H_
#define NEWSGRAPH_GRAPH_DATE_RANGE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsgraph::graph {

// How much of a date the text gave, coarsest first.
enum class DatePrecision : uint8_t {
  kNone,     // no date, or one that names no calendar interval ("PRESENT_REF", "XXXX-06")
  kCentury,  // "20": 2000-01-01 .. 2099-12-31
  kDecade,   // "202": 2020 .. 2029
  kYear,     // "2024"
  kHalf,     // "2024-H1"
  kSeason,   // "2024-SU": meteorological seasons of the northern hemisphere
  kQuarter,  // "2024-Q2"
  kMonth,    // "2024-06"
  kWeek,     // "2024-W25" (ISO week)
  kDay,      // "2024-06-19", also with a time of day ("2024-06-19T10:30")
};

// "none", "century", "decade", "year", "half", "season", "quarter", "month", "week", "day".
std::string_view DatePrecisionName(DatePrecision precision);

struct DateRange {
  DatePrecision precision = DatePrecision::kNone;
  int64_t first = 0;  // days since 1970-01-01, inclusive; 0 when undated
  int64_t last = 0;   // inclusive

  bool dated() const { return precision != DatePrecision::kNone; }
  int64_t days() const { return dated() ? last - first + 1 : 0; }
  // Both dated and sharing at least one day.
  bool Overlaps(const DateRange& other) const {
    return dated() && other.dated() && first <= other.last && other.first <= last;
  }
};

// The interval a TIMEX3 value names; precision kNone for anything else.
DateRange ParseTimexDate(std::string_view value);

// The ISO 8601 form of `value` that a schema.org consumer reads as startDate:
// the day of a day (a time of day is cut), a week, a month or a year; empty
// for the other precisions.
std::string_view IsoStartDate(std::string_view value);

// A date bound given on the command line ("2024", "2024-06", "2024-06-19"):
// the interval it names, precision kNone when it is none of these.
DateRange ParseDateBound(std::string_view text);

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_DATE_RANGE_H_
