// Proleptic-Gregorian calendar arithmetic on plain dates (no time zones):
// day counts, weekdays, ISO weeks, and parsing of the date forms that news
// metadata uses. Pure functions, thread-safe.
//
//   CivilDate d = *ParseIsoDate("2024-06-19");
//   Weekday(d) == 3;                       // Wednesday (ISO: Monday = 1)
//   FormatIsoDate(AddDays(d, 1)) == "2024-06-20";
#ifndef NEWSGRAPH_CORE_CIVIL_DATE_H_
#define NEWSGRAPH_CORE_CIVIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);  // 0 for a month outside 1..12
bool IsValidDate(int year, int month, int day);

// Days since 1970-01-01 (negative before).
int64_t DaysFromCivil(const CivilDate& date);
CivilDate CivilFromDays(int64_t days);
CivilDate AddDays(const CivilDate& date, int64_t days);
// Adds months, clamping the day to the target month's length.
CivilDate AddMonths(const CivilDate& date, int months);

// ISO weekday: Monday = 1 ... Sunday = 7.
int Weekday(const CivilDate& date);

struct IsoWeek {
  int year = 0;  // ISO week-numbering year (may differ from the calendar year)
  int week = 0;  // 1..53
};
IsoWeek IsoWeekOf(const CivilDate& date);
// "2024-W25".
std::string FormatIsoWeek(const IsoWeek& week);

// "YYYY-MM-DD" exactly, with a valid day; nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
std::string FormatIsoDate(const CivilDate& date);

// The calendar date of a publication timestamp in any of the forms feeds and
// pages use: "2024-06-19", "2024-06-19T08:30:00+09:00" (the date as written,
// not shifted to UTC), "20240619", RFC 822 "Wed, 19 Jun 2024 08:00:00 GMT",
// "June 19, 2024", "19 June 2024". nullopt when it is none of these or names
// an impossible day (31 February).
std::optional<CivilDate> ParsePublicationDate(std::string_view text);

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_CIVIL_DATE_H_
