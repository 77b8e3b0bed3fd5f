#include "extractor/core/civil_date.h"

#include <array>
#include <cctype>
#include <cstdio>

namespace newsgraph {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

bool IsValidDate(int year, int month, int day) {
  return year >= 1 && year <= 9999 && day >= 1 && day <= DaysInMonth(year, month);
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
int64_t DaysFromCivil(const CivilDate& date) {
  int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (date.month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return CivilDate{y, m, d};
}

CivilDate AddDays(const CivilDate& date, int64_t days) {
  return CivilFromDays(DaysFromCivil(date) + days);
}

CivilDate AddMonths(const CivilDate& date, int months) {
  int total = date.year * 12 + (date.month - 1) + months;
  int year = total / 12;
  int month = total % 12 + 1;
  if (total < 0) {  // floor division
    year = (total - 11) / 12;
    month = total - year * 12 + 1;
  }
  int day = date.day;
  if (day > DaysInMonth(year, month)) day = DaysInMonth(year, month);
  return CivilDate{year, month, day};
}

int Weekday(const CivilDate& date) {
  int64_t z = DaysFromCivil(date);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z + 3) % 7;
  if (w < 0) w += 7;
  return static_cast<int>(w) + 1;
}

IsoWeek IsoWeekOf(const CivilDate& date) {
  // The ISO week's year is the year of its Thursday.
  CivilDate thursday = AddDays(date, 4 - Weekday(date));
  CivilDate jan1{thursday.year, 1, 1};
  int64_t ordinal = DaysFromCivil(thursday) - DaysFromCivil(jan1);
  return IsoWeek{thursday.year, static_cast<int>(ordinal / 7) + 1};
}

std::string FormatIsoWeek(const IsoWeek& week) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", week.year, week.week);
  return buf;
}

static bool ParseDigits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ParseDigits(text, 0, 4, &y) || !ParseDigits(text, 5, 2, &m) || !ParseDigits(text, 8, 2, &d)) {
    return std::nullopt;
  }
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::string FormatIsoDate(const CivilDate& date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

// 1..12 for an English month name or its three-letter abbreviation, else 0.
static int MonthFromName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!lower.empty() && lower.back() == '.') lower.pop_back();
  if (lower.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == lower || (lower.size() <= 4 && kMonths[i].substr(0, lower.size()) == lower) ||
        (lower == "sept" && i == 8)) {
      return static_cast<int>(i) + 1;
    }
  }
  return 0;
}

static std::optional<CivilDate> Checked(int y, int m, int d) {
  if (!IsValidDate(y, m, d)) return std::nullopt;
  return CivilDate{y, m, d};
}

std::optional<CivilDate> ParsePublicationDate(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  int y, m, d;
  // ISO 8601 date or date-time: the calendar date as written.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && ParseDigits(text, 0, 4, &y) &&
      ParseDigits(text, 5, 2, &m) && ParseDigits(text, 8, 2, &d)) {
    if (text.size() > 10 && text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
    return Checked(y, m, d);
  }
  if (text.size() == 8 && ParseDigits(text, 0, 4, &y) && ParseDigits(text, 4, 2, &m) &&
      ParseDigits(text, 6, 2, &d)) {
    return Checked(y, m, d);
  }
  // Word forms: split on spaces and commas, skip a leading weekday.
  std::array<std::string_view, 6> words;
  size_t n = 0;
  size_t i = 0;
  while (i < text.size() && n < words.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',') ++i;
    if (i > start) words[n++] = text.substr(start, i - start);
  }
  size_t w = 0;
  if (n > 0 && !std::isdigit(static_cast<unsigned char>(words[0][0])) && MonthFromName(words[0]) == 0) {
    w = 1;  // "Wed," in RFC 822
  }
  auto number = [](std::string_view s, int* out) {
    if (s.empty() || s.size() > 4) return false;
    return ParseDigits(s, 0, s.size(), out);
  };
  if (n >= w + 3) {
    // "19 Jun 2024" (RFC 822) or "June 19 2024".
    if (number(words[w], &d) && (m = MonthFromName(words[w + 1])) != 0 && number(words[w + 2], &y) &&
        words[w + 2].size() == 4) {
      return Checked(y, m, d);
    }
    if ((m = MonthFromName(words[w])) != 0 && number(words[w + 1], &d) && number(words[w + 2], &y) &&
        words[w + 2].size() == 4) {
      return Checked(y, m, d);
    }
  }
  return std::nullopt;
}

}  // namespace newsgraph
