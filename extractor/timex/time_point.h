// Calendar points as TIMEX3 values write them, at any granularity:
// "2024-06-19", "2024-W25", "2024-06", "2024-SU", "2024-Q2", "2024-H1",
// "2024", "199" (the 1990s), "20" (the 21st century), and a day with a time
// part ("2024-06-19TMO", "2024-06-19T10:30"). Parsing, formatting and
// shifting by calendar units. Pure functions, thread-safe.
//
//   TimePoint p = *ParseTimePoint("2024-06-19");
//   FormatTimePoint(ShiftTimePoint(p, Granularity::kWeek, -1, Granularity::kWeek)) == "2024-W24";
//   EventDate(*ParseTimePoint("2024-Q2")) == "2024";
#ifndef NEWSGRAPH_TIMEX_TIME_POINT_H_
#define NEWSGRAPH_TIMEX_TIME_POINT_H_

#include <optional>
#include <string>
#include <string_view>

#include "extractor/core/civil_date.h"

namespace newsgraph::timex {

// Finest first, so that `a < b` means "a is finer than b".
enum class Granularity : uint8_t {
  kDay,      // 2024-06-19 (also with a time part)
  kWeek,     // 2024-W25 (ISO week)
  kMonth,    // 2024-06
  kSeason,   // 2024-SU
  kQuarter,  // 2024-Q2
  kHalf,     // 2024-H1
  kYear,     // 2024
  kDecade,   // 202
  kCentury,  // 20
};

// "day", "week", "month", "season", "quarter", "half", "year", "decade",
// "century" (as rule files name units); nullopt for anything else.
std::optional<Granularity> GranularityFromName(std::string_view name);

struct TimePoint {
  Granularity granularity = Granularity::kYear;
  CivilDate first;   // first day of the period (a week's Monday, a decade's 1 January)
  int index = 0;     // quarter 1..4, half 1..2, season 1..4 (SP SU FA WI); else 0
  std::string time;  // a day's time part without the 'T': "MO", "10:30"; else empty
};

// The point of granularity `g` that contains `date` (a week: its ISO week).
TimePoint PointFromDate(const CivilDate& date, Granularity g);

// Parses the forms listed above; nullopt for anything else (durations,
// "PRESENT_REF", "XXXX-WXX-1", impossible days).
std::optional<TimePoint> ParseTimePoint(std::string_view value);

// The TIMEX3 value of `p`, with "T" + time when `p.time` is set.
std::string FormatTimePoint(const TimePoint& p);
// "2024-06-19" (as FormatIsoDate, without printf).
std::string FormatDay(const CivilDate& date);

// Moves `p` by `n` units of `unit` (day, week, month, season = a year,
// quarter, half, year, decade, century) and returns the point of granularity
// `out` that contains the result. A month shift keeps the day in range.
TimePoint ShiftTimePoint(const TimePoint& p, Granularity unit, int n, Granularity out);

// The value an event date may carry: YYYY-MM-DD for a day (time dropped),
// YYYY-Www, YYYY-MM, YYYY for a season, quarter, half or year; "" for a
// decade or a century.
std::string EventDate(const TimePoint& p);
// EventDate(p) for p = *ParseTimePoint(value), read off `value` where the
// forms ParseTimePoint reads spell it out (a day with or without its time,
// a month, a year, a season, a quarter, a half): no formatting again.
std::string EventDate(const TimePoint& p, std::string_view value);

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_TIME_POINT_H_
