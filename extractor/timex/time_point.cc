#include "extractor/timex/time_point.h"

#include <algorithm>
#include <array>

namespace newsgraph::timex {
namespace {

constexpr std::array<std::string_view, 4> kSeasons = {"SP", "SU", "FA", "WI"};
// First month of each season: spring March, summer June, autumn September,
// winter December (of the year it is labelled with).
constexpr std::array<int, 4> kSeasonStart = {3, 6, 9, 12};

bool Digits(std::string_view s, size_t pos, size_t n, int* out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = v;
  return true;
}

int FloorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

// Writes `v` (>= 0) zero-padded to `width` digits (at most 12) at `p` and
// returns the end; snprintf is too slow for the tagger's inner loop.
char* PutPadded(int v, int width, char* p) {
  char digits[12];
  int n = 0;
  if (v < 0) v = 0;
  do {
    digits[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0 && n < 11);
  for (int pad = std::min(12, width) - n; pad > 0; --pad) *p++ = '0';
  while (n > 0) *p++ = digits[--n];
  return p;
}

void AppendPadded(int v, int width, std::string* out) {
  char buf[12];
  out->append(buf, static_cast<size_t>(PutPadded(v, width, buf) - buf));
}

// One append for the whole date: a value or a date is built for every timex.
void AppendDate(const CivilDate& d, std::string* out) {
  char buf[40];
  char* p = PutPadded(d.year, 4, buf);
  *p++ = '-';
  p = PutPadded(d.month, 2, p);
  *p++ = '-';
  p = PutPadded(d.day, 2, p);
  out->append(buf, static_cast<size_t>(p - buf));
}

}  // namespace

std::optional<Granularity> GranularityFromName(std::string_view name) {
  if (name == "day") return Granularity::kDay;
  if (name == "week") return Granularity::kWeek;
  if (name == "month") return Granularity::kMonth;
  if (name == "season") return Granularity::kSeason;
  if (name == "quarter") return Granularity::kQuarter;
  if (name == "half") return Granularity::kHalf;
  if (name == "year") return Granularity::kYear;
  if (name == "decade") return Granularity::kDecade;
  if (name == "century") return Granularity::kCentury;
  return std::nullopt;
}

TimePoint PointFromDate(const CivilDate& date, Granularity g) {
  TimePoint p;
  p.granularity = g;
  switch (g) {
    case Granularity::kDay:
      p.first = date;
      break;
    case Granularity::kWeek:
      p.first = AddDays(date, 1 - Weekday(date));
      break;
    case Granularity::kMonth:
      p.first = CivilDate{date.year, date.month, 1};
      break;
    case Granularity::kSeason: {
      // January and February belong to the winter labelled with the
      // previous year ("2023-WI" runs December 2023 to February 2024).
      int year = date.month <= 2 ? date.year - 1 : date.year;
      int s = date.month <= 2 ? 3 : (date.month - 3) / 3;
      p.index = s + 1;
      p.first = CivilDate{year, kSeasonStart[s], 1};
      break;
    }
    case Granularity::kQuarter:
      p.index = (date.month - 1) / 3 + 1;
      p.first = CivilDate{date.year, (p.index - 1) * 3 + 1, 1};
      break;
    case Granularity::kHalf:
      p.index = date.month <= 6 ? 1 : 2;
      p.first = CivilDate{date.year, p.index == 1 ? 1 : 7, 1};
      break;
    case Granularity::kYear:
      p.first = CivilDate{date.year, 1, 1};
      break;
    case Granularity::kDecade:
      p.first = CivilDate{FloorDiv(date.year, 10) * 10, 1, 1};
      break;
    case Granularity::kCentury:
      p.first = CivilDate{FloorDiv(date.year, 100) * 100, 1, 1};
      break;
  }
  return p;
}

std::optional<TimePoint> ParseTimePoint(std::string_view v) {
  int year = 0;
  if (v.size() == 2 && Digits(v, 0, 2, &year)) {
    return PointFromDate(CivilDate{year * 100, 1, 1}, Granularity::kCentury);
  }
  if (v.size() == 3 && Digits(v, 0, 3, &year)) {
    return PointFromDate(CivilDate{year * 10, 1, 1}, Granularity::kDecade);
  }
  if (!Digits(v, 0, 4, &year)) return std::nullopt;
  if (v.size() == 4) return PointFromDate(CivilDate{year, 1, 1}, Granularity::kYear);
  if (v[4] != '-' || v.size() < 7) return std::nullopt;
  std::string_view rest = v.substr(5);
  int n = 0;
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H') && Digits(rest, 1, 1, &n)) {
    if (rest[0] == 'Q' && n >= 1 && n <= 4) {
      return PointFromDate(CivilDate{year, (n - 1) * 3 + 1, 1}, Granularity::kQuarter);
    }
    if (rest[0] == 'H' && n >= 1 && n <= 2) {
      return PointFromDate(CivilDate{year, n == 1 ? 1 : 7, 1}, Granularity::kHalf);
    }
    return std::nullopt;
  }
  for (size_t s = 0; s < kSeasons.size(); ++s) {
    if (rest == kSeasons[s]) {
      TimePoint p;
      p.granularity = Granularity::kSeason;
      p.index = static_cast<int>(s) + 1;
      p.first = CivilDate{year, kSeasonStart[s], 1};
      return p;
    }
  }
  if (rest.size() == 3 && rest[0] == 'W' && Digits(rest, 1, 2, &n)) {
    // The Monday of ISO week n: week 1 holds 4 January.
    CivilDate jan4{year, 1, 4};
    CivilDate monday = AddDays(jan4, 1 - Weekday(jan4) + 7 * (n - 1));
    if (n < 1 || IsoWeekOf(monday).year != year || IsoWeekOf(monday).week != n) return std::nullopt;
    return PointFromDate(monday, Granularity::kWeek);
  }
  int month = 0;
  if (!Digits(rest, 0, 2, &month) || month < 1 || month > 12) return std::nullopt;
  if (rest.size() == 2) return PointFromDate(CivilDate{year, month, 1}, Granularity::kMonth);
  int day = 0;
  if (rest.size() < 5 || rest[2] != '-' || !Digits(rest, 3, 2, &day) || !IsValidDate(year, month, day)) {
    return std::nullopt;
  }
  TimePoint p = PointFromDate(CivilDate{year, month, day}, Granularity::kDay);
  if (rest.size() == 5) return p;
  if (rest[5] != 'T' || rest.size() == 6) return std::nullopt;
  p.time = std::string(rest.substr(6));
  return p;
}

std::string FormatTimePoint(const TimePoint& p) {
  std::string out;
  out.reserve(16);
  const CivilDate& d = p.first;
  switch (p.granularity) {
    case Granularity::kDay:
      AppendDate(d, &out);
      if (!p.time.empty()) {
        out.push_back('T');
        out += p.time;
      }
      return out;
    case Granularity::kWeek: {
      IsoWeek w = IsoWeekOf(d);
      AppendPadded(w.year, 4, &out);
      out += "-W";
      AppendPadded(w.week, 2, &out);
      return out;
    }
    case Granularity::kMonth:
      AppendPadded(d.year, 4, &out);
      out.push_back('-');
      AppendPadded(d.month, 2, &out);
      return out;
    case Granularity::kSeason:
      AppendPadded(d.year, 4, &out);
      out.push_back('-');
      out += kSeasons[(p.index + 3) % 4];
      return out;
    case Granularity::kQuarter:
    case Granularity::kHalf:
      AppendPadded(d.year, 4, &out);
      out += p.granularity == Granularity::kQuarter ? "-Q" : "-H";
      AppendPadded(p.index, 1, &out);
      return out;
    case Granularity::kYear:
      AppendPadded(d.year, 4, &out);
      return out;
    case Granularity::kDecade:
      AppendPadded(FloorDiv(d.year, 10), 3, &out);
      return out;
    case Granularity::kCentury:
      AppendPadded(FloorDiv(d.year, 100), 2, &out);
      return out;
  }
  return out;
}

std::string FormatDay(const CivilDate& date) {
  std::string out;
  out.reserve(10);
  AppendDate(date, &out);
  return out;
}

TimePoint ShiftTimePoint(const TimePoint& p, Granularity unit, int n, Granularity out) {
  CivilDate d = p.first;
  switch (unit) {
    case Granularity::kDay: d = AddDays(d, n); break;
    case Granularity::kWeek: d = AddDays(d, 7 * n); break;
    case Granularity::kMonth: d = AddMonths(d, n); break;
    case Granularity::kQuarter: d = AddMonths(d, 3 * n); break;
    case Granularity::kHalf: d = AddMonths(d, 6 * n); break;
    case Granularity::kSeason:  // the same season n years on
    case Granularity::kYear: d = AddMonths(d, 12 * n); break;
    case Granularity::kDecade: d = AddMonths(d, 120 * n); break;
    case Granularity::kCentury: d = AddMonths(d, 1200 * n); break;
  }
  TimePoint r = PointFromDate(d, out);
  if (out == Granularity::kDay && p.granularity == Granularity::kDay) r.time = p.time;
  return r;
}

std::string EventDate(const TimePoint& p, std::string_view value) {
  switch (p.granularity) {
    case Granularity::kDay:
      return std::string(value.substr(0, 10));  // YYYY-MM-DD, then maybe T...
    case Granularity::kMonth:
      return std::string(value.substr(0, 7));  // YYYY-MM
    case Granularity::kSeason:
    case Granularity::kQuarter:
    case Granularity::kHalf:
    case Granularity::kYear:
      return std::string(value.substr(0, 4));  // YYYY, then maybe -SU, -Q2, -H1
    default:
      return EventDate(p);  // a week is normalized; decades and centuries have none
  }
}

std::string EventDate(const TimePoint& p) {
  std::string out;
  switch (p.granularity) {
    case Granularity::kDay:
      AppendDate(p.first, &out);
      return out;
    case Granularity::kWeek:
    case Granularity::kMonth:
      return FormatTimePoint(p);
    case Granularity::kSeason:
    case Granularity::kQuarter:
    case Granularity::kHalf:
    case Granularity::kYear:
      AppendPadded(p.first.year, 4, &out);
      return out;
    case Granularity::kDecade:
    case Granularity::kCentury:
      return "";
  }
  return "";
}

}  // namespace newsgraph::timex
