#include "extractor/graph/date_range.h"

#include "extractor/core/civil_date.h"

namespace newsgraph::graph {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view digits) {
  int n = 0;
  for (char c : digits) n = n * 10 + (c - '0');
  return n;
}

DateRange Range(DatePrecision precision, const CivilDate& first, const CivilDate& last) {
  return DateRange{precision, DaysFromCivil(first), DaysFromCivil(last)};
}

DateRange Months(DatePrecision precision, int year, int first_month, int count) {
  CivilDate first{year, first_month, 1};
  CivilDate after = AddMonths(first, count);
  return DateRange{precision, DaysFromCivil(first), DaysFromCivil(after) - 1};
}

// The part after "YYYY-".
DateRange ParseYearPart(int year, std::string_view rest) {
  if (rest.size() == 2 && AllDigits(rest)) {
    int month = Number(rest);
    if (month < 1 || month > 12) return {};
    return Months(DatePrecision::kMonth, year, month, 1);
  }
  if (rest.size() >= 5 && AllDigits(rest.substr(0, 2)) && rest[2] == '-' && AllDigits(rest.substr(3, 2)) &&
      (rest.size() == 5 || rest[5] == 'T')) {
    int month = Number(rest.substr(0, 2));
    int day = Number(rest.substr(3, 2));
    if (!IsValidDate(year, month, day)) return {};
    CivilDate d{year, month, day};
    return Range(DatePrecision::kDay, d, d);
  }
  if (rest.size() == 3 && rest[0] == 'W' && AllDigits(rest.substr(1))) {
    int week = Number(rest.substr(1));
    // Week 1 holds 4 January; weeks start on Monday.
    int64_t jan4 = DaysFromCivil(CivilDate{year, 1, 4});
    int64_t monday = jan4 - (Weekday(CivilDate{year, 1, 4}) - 1) + int64_t{7} * (week - 1);
    if (week < 1 || IsoWeekOf(CivilFromDays(monday)).week != week) return {};
    return DateRange{DatePrecision::kWeek, monday, monday + 6};
  }
  if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4') {
    return Months(DatePrecision::kQuarter, year, (rest[1] - '1') * 3 + 1, 3);
  }
  if (rest == "H1" || rest == "H2") return Months(DatePrecision::kHalf, year, rest == "H1" ? 1 : 7, 6);
  if (rest == "SP") return Months(DatePrecision::kSeason, year, 3, 3);
  if (rest == "SU") return Months(DatePrecision::kSeason, year, 6, 3);
  if (rest == "FA" || rest == "AU") return Months(DatePrecision::kSeason, year, 9, 3);
  if (rest == "WI") return Months(DatePrecision::kSeason, year, 12, 3);
  return {};
}

}  // namespace

std::string_view DatePrecisionName(DatePrecision precision) {
  switch (precision) {
    case DatePrecision::kNone: return "none";
    case DatePrecision::kCentury: return "century";
    case DatePrecision::kDecade: return "decade";
    case DatePrecision::kYear: return "year";
    case DatePrecision::kHalf: return "half";
    case DatePrecision::kSeason: return "season";
    case DatePrecision::kQuarter: return "quarter";
    case DatePrecision::kMonth: return "month";
    case DatePrecision::kWeek: return "week";
    case DatePrecision::kDay: return "day";
  }
  return "none";
}

DateRange ParseTimexDate(std::string_view value) {
  if (value.size() == 2 && AllDigits(value)) {
    int c = Number(value);
    return Range(DatePrecision::kCentury, CivilDate{c * 100, 1, 1}, CivilDate{c * 100 + 99, 12, 31});
  }
  if (value.size() == 3 && AllDigits(value)) {
    int d = Number(value);
    return Range(DatePrecision::kDecade, CivilDate{d * 10, 1, 1}, CivilDate{d * 10 + 9, 12, 31});
  }
  if (value.size() < 4 || !AllDigits(value.substr(0, 4))) return {};
  int year = Number(value.substr(0, 4));
  if (value.size() == 4) return Range(DatePrecision::kYear, CivilDate{year, 1, 1}, CivilDate{year, 12, 31});
  if (value[4] != '-') return {};
  return ParseYearPart(year, value.substr(5));
}

std::string_view IsoStartDate(std::string_view value) {
  DatePrecision p = ParseTimexDate(value).precision;
  // A time of day may be a TIMEX3 name ("TMO", morning): keep the day only.
  if (p == DatePrecision::kDay) return value.substr(0, 10);
  bool iso = p == DatePrecision::kWeek || p == DatePrecision::kMonth || (p == DatePrecision::kYear && value.size() == 4);
  return iso ? value : std::string_view();
}

DateRange ParseDateBound(std::string_view text) {
  DateRange r = ParseTimexDate(text);
  bool plain = (r.precision == DatePrecision::kYear && text.size() == 4) ||
               r.precision == DatePrecision::kMonth || (r.precision == DatePrecision::kDay && text.size() == 10);
  return plain ? r : DateRange{};
}

}  // namespace newsgraph::graph
