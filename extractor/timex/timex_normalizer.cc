#include "extractor/timex/timex_normalizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace newsgraph::timex {

// How a capture group's text is normalized, chosen by the group's name
// without trailing digits.
enum class GroupKind : uint8_t {
  kRaw,      // raw (lower-cased) text; also any group only used for extents
  kYear,     // "1998", "'98", "nineteen ninety-eight" -> "1998"
  kMonth,    // "sept.", "9" -> "09"
  kDay,      // "5", "5th", "fifth" -> "05"
  kNum,      // "twenty-four", "2 1/2", "several" -> "24", "2.5", "X"
  kOrd,      // "third", "3rd" -> "3"
  kQuarter,  // like kOrd, 1..4
  kHalf,     // like kOrd, 1..2
  kHour,     // digits
  kMinute,   // digits
  kAmpm,     // "a.m.", "pm" -> "am" / "pm"
  kWeekday,  // lexicon class weekday
  kSeason,   // lexicon class season
  kPart,     // lexicon class part (of the day)
  kUnit,     // lexicon class unit
  kHoliday,  // lexicon class holiday
  kRel,      // lexicon class rel ("last" -> -1)
  kMod,      // lexicon class mod ("early" -> START)
  kFreq,     // lexicon class frequency ("daily" -> P1D)
  kDecade,   // raw; @decade parses it
  kCentury,  // raw; @century parses it
};

enum class Fn : uint8_t {
  kDate, kMd, kMonth, kWeekday, kSeason, kQuarter, kHalf, kShift, kAshift, kRef, kAref,
  kDur, kTime, kDecade, kCentury, kHoliday, kWeekend, kAyear,
};

struct ValueNode {
  enum class Kind : uint8_t { kLiteral, kGroup, kCall };
  Kind kind = Kind::kLiteral;
  std::string text;  // literal
  int group = -1;
  GroupKind group_kind = GroupKind::kRaw;
  Fn fn = Fn::kDate;
  std::vector<std::vector<ValueNode>> args;
};

ValueProgram::ValueProgram() = default;
ValueProgram::~ValueProgram() = default;
ValueProgram::ValueProgram(ValueProgram&&) noexcept = default;
ValueProgram& ValueProgram::operator=(ValueProgram&&) noexcept = default;

namespace {

struct GroupKindName {
  std::string_view name;
  GroupKind kind;
};
constexpr std::array<GroupKindName, 24> kGroupKinds = {{
    {"freq", GroupKind::kFreq},
    {"x", GroupKind::kRaw},          {"raw", GroupKind::kRaw},        {"year", GroupKind::kYear},
    {"month", GroupKind::kMonth},    {"day", GroupKind::kDay},        {"num", GroupKind::kNum},
    {"ord", GroupKind::kOrd},        {"quarter", GroupKind::kQuarter}, {"half", GroupKind::kHalf},
    {"hour", GroupKind::kHour},      {"minute", GroupKind::kMinute},  {"ampm", GroupKind::kAmpm},
    {"weekday", GroupKind::kWeekday}, {"season", GroupKind::kSeason}, {"part", GroupKind::kPart},
    {"unit", GroupKind::kUnit},      {"holiday", GroupKind::kHoliday}, {"rel", GroupKind::kRel},
    {"mod", GroupKind::kMod},        {"decade", GroupKind::kDecade},  {"century", GroupKind::kCentury},
    {"n", GroupKind::kNum},          {"tz", GroupKind::kRaw},
}};

struct FnSpec {
  std::string_view name;
  Fn fn;
  int min_args;
  int max_args;
  bool uses_tense;
};
constexpr std::array<FnSpec, 18> kFns = {{
    {"ayear", Fn::kAyear, 2, 2, false},
    {"date", Fn::kDate, 3, 3, false},       {"md", Fn::kMd, 2, 3, true},
    {"month", Fn::kMonth, 1, 2, true},      {"weekday", Fn::kWeekday, 1, 2, true},
    {"season", Fn::kSeason, 1, 2, true},    {"quarter", Fn::kQuarter, 1, 2, true},
    {"half", Fn::kHalf, 1, 2, true},        {"shift", Fn::kShift, 2, 3, false},
    {"ashift", Fn::kAshift, 2, 4, false},   {"ref", Fn::kRef, 1, 1, false},
    {"aref", Fn::kAref, 1, 2, false},       {"dur", Fn::kDur, 2, 2, false},
    {"time", Fn::kTime, 1, 3, false},       {"decade", Fn::kDecade, 1, 1, false},
    {"century", Fn::kCentury, 1, 1, false}, {"holiday", Fn::kHoliday, 1, 3, true},
    {"weekend", Fn::kWeekend, 0, 1, true},
}};

std::optional<GroupKind> KindOf(std::string_view group_name) {
  while (!group_name.empty() && group_name.back() >= '0' && group_name.back() <= '9') group_name.remove_suffix(1);
  for (const auto& k : kGroupKinds) {
    if (k.name == group_name) return k.kind;
  }
  return std::nullopt;
}

// --- parsing -------------------------------------------------------------

class Parser {
 public:
  Parser(std::string_view text, const std::map<std::string, int>& groups) : s_(text), groups_(groups) {}

  Status ParseAll(std::vector<ValueNode>* out, bool* uses_tense, bool* uses_earlier) {
    uses_tense_ = uses_tense;
    uses_earlier_ = uses_earlier;
    RETURN_IF_ERROR(ParseSeq(out, /*in_args=*/false));
    if (pos_ != s_.size()) return Err("unexpected ')'");
    return Status::Ok();
  }

 private:
  Status Err(const std::string& m) const {
    return InvalidArgument("value '" + std::string(s_) + "': " + m + " at column " + std::to_string(pos_ + 1));
  }

  // Until ',' or ')' (inside arguments) or the end.
  Status ParseSeq(std::vector<ValueNode>* out, bool in_args) {
    std::string lit;
    auto flush = [&] {
      if (!lit.empty()) {
        ValueNode n;
        n.kind = ValueNode::Kind::kLiteral;
        n.text = std::move(lit);
        out->push_back(std::move(n));
        lit.clear();
      }
    };
    while (pos_ < s_.size()) {
      char c = s_[pos_];
      if (in_args && (c == ',' || c == ')')) break;
      if (!in_args && c == ')') break;
      if (c == '{') {
        flush();
        size_t close = s_.find('}', pos_);
        if (close == std::string_view::npos) return Err("'{' without '}'");
        std::string name(s_.substr(pos_ + 1, close - pos_ - 1));
        auto g = groups_.find(name);
        if (g == groups_.end()) return Err("no capture group named '" + name + "' in the pattern");
        auto kind = KindOf(name);
        if (!kind) return Err("group '" + name + "' has no known normalization (see docs/time.md)");
        ValueNode n;
        n.kind = ValueNode::Kind::kGroup;
        n.group = g->second;
        n.group_kind = *kind;
        out->push_back(std::move(n));
        pos_ = close + 1;
        continue;
      }
      if (c == '@') {
        flush();
        size_t open = s_.find('(', pos_);
        if (open == std::string_view::npos) return Err("'@' without '('");
        std::string_view name = s_.substr(pos_ + 1, open - pos_ - 1);
        const FnSpec* spec = nullptr;
        for (const auto& f : kFns) {
          if (f.name == name) spec = &f;
        }
        if (spec == nullptr) return Err("unknown function @" + std::string(name));
        if (spec->uses_tense) *uses_tense_ = true;
        if (spec->fn == Fn::kShift || spec->fn == Fn::kAshift || spec->fn == Fn::kAref || spec->fn == Fn::kAyear) {
          *uses_earlier_ = true;
        }
        ValueNode n;
        n.kind = ValueNode::Kind::kCall;
        n.fn = spec->fn;
        pos_ = open + 1;
        if (pos_ < s_.size() && s_[pos_] == ')') {
          ++pos_;  // no arguments
        } else {
          while (true) {
            std::vector<ValueNode> arg;
            RETURN_IF_ERROR(ParseSeq(&arg, true));
            n.args.push_back(std::move(arg));
            if (pos_ >= s_.size()) return Err("'(' without ')'");
            if (s_[pos_] == ')') {
              ++pos_;
              break;
            }
            ++pos_;  // ','
          }
        }
        int count = static_cast<int>(n.args.size());
        if (count < spec->min_args || count > spec->max_args) {
          return Err("@" + std::string(name) + " takes " + std::to_string(spec->min_args) +
                     (spec->max_args != spec->min_args ? " to " + std::to_string(spec->max_args) : "") +
                     " arguments, not " + std::to_string(count));
        }
        out->push_back(std::move(n));
        continue;
      }
      lit += c;
      ++pos_;
    }
    flush();
    return Status::Ok();
  }

  std::string_view s_;
  const std::map<std::string, int>& groups_;
  size_t pos_ = 0;
  bool* uses_tense_ = nullptr;
  bool* uses_earlier_ = nullptr;
};

// --- helpers ---------------------------------------------------------------

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The value of a run of ASCII digits (at most 9; callers check).
int DigitsValue(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Digits with an optional fraction ("2", "2.5"), without strtod's locale
// and allocation; nullopt for anything else.
std::optional<double> ParseDecimal(std::string_view s) {
  size_t dot = s.find('.');
  std::string_view whole = s.substr(0, dot);
  if (whole.empty() || whole.size() > 9 || !std::all_of(whole.begin(), whole.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  double v = DigitsValue(whole);
  if (dot == std::string_view::npos) return v;
  std::string_view frac = s.substr(dot + 1);
  if (frac.empty() || frac.size() > 6 || !std::all_of(frac.begin(), frac.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  double scale = 1;
  for (size_t i = 0; i < frac.size(); ++i) scale *= 10;
  return v + DigitsValue(frac) / scale;
}

// A lexicon value that is a number ("20", "0.5"), or 0.
double ValueNumber(const std::string& v) { return ParseDecimal(v).value_or(0); }

// Parses a signed integer ("+1", "-2", "3"); nullopt otherwise.
std::optional<int> ParseInt(std::string_view s) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.size() > 2 && s[0] == '-' && s[1] == '-') return std::nullopt;
  if (!AllDigits(s) || s.size() > 7) return std::nullopt;
  int v = DigitsValue(s);
  return neg ? -v : v;
}

std::string Pad2(int v) {
  std::string out(2, '0');
  if (v >= 0 && v < 100) {
    out[0] = static_cast<char>('0' + v / 10);
    out[1] = static_cast<char>('0' + v % 10);
    return out;
  }
  return std::to_string(v);
}

std::string FormatNumber(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) {
    return std::to_string(static_cast<long long>(std::llround(v)));
  } else {
    std::snprintf(buf, sizeof buf, "%.2f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    return s;
  }
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '-' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    size_t b = i;
    while (i < s.size() && !(s[i] == ' ' || s[i] == '-' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// Digits of an ordinal or a plain number ("21st" -> 21), else nullopt.
std::optional<int> DigitOrdinal(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0 || n > 4) return std::nullopt;
  std::string_view suffix = s.substr(n);
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th" && suffix != ".") {
    return std::nullopt;
  }
  return DigitsValue(s.substr(0, n));
}

std::optional<int> ParseOrdinal(std::string_view text, const Lexicon& lex) {
  if (auto d = DigitOrdinal(text)) return d;
  std::vector<std::string_view> words = SplitWords(text);
  if (words.empty()) return std::nullopt;
  const std::string* last = lex.FindInFamily("ordinal", words.back());
  if (last == nullptr) return std::nullopt;
  int value = static_cast<int>(ValueNumber(*last));
  for (size_t i = 0; i + 1 < words.size(); ++i) {  // "twenty-first"
    const std::string* tens = lex.FindInFamily("number", words[i]);
    if (tens == nullptr || !AllDigits(*tens)) return std::nullopt;
    value += static_cast<int>(ValueNumber(*tens));
  }
  return value;
}

}  // namespace

std::optional<std::string> ParseNumber(std::string_view text, const Lexicon& lex) {
  // Plain digits, the common case: "24".
  if (!text.empty() && text.size() < 10 && text[0] != '0' && AllDigits(text)) return std::string(text);
  std::vector<std::string_view> words = SplitWords(text);
  if (words.empty()) return std::nullopt;
  // Digits: "24", "1,000", "2.5", "2 1/2".
  if (words[0][0] >= '0' && words[0][0] <= '9') {
    std::string digits;
    for (char c : words[0]) {
      if (c != ',') digits += c;
    }
    auto parsed = ParseDecimal(digits);
    if (!parsed) return std::nullopt;
    double v = *parsed;
    if (words.size() == 2) {
      std::string_view f = words[1];
      size_t slash = f.find('/');
      if (slash == std::string_view::npos) return std::nullopt;
      auto num = ParseDecimal(f.substr(0, slash));
      auto den = ParseDecimal(f.substr(slash + 1));
      if (!num || !den || *den == 0) return std::nullopt;
      v += *num / *den;
    } else if (words.size() > 2) {
      return std::nullopt;
    }
    return FormatNumber(v);
  }
  // "half", "a half", "half an": one half; "two and a half": 2.5.
  auto half = std::find(words.begin(), words.end(), "half");
  if (half != words.end()) {
    auto and_word = std::find(words.begin(), half, "and");
    if (and_word == half) return std::string("0.5");
    std::string whole;
    for (auto it = words.begin(); it != and_word; ++it) {
      if (!whole.empty()) whole += ' ';
      whole += *it;
    }
    auto w = ParseNumber(whole, lex);
    if (!w || *w == "X") return w;
    return FormatNumber(ValueNumber(*w) + 0.5);
  }
  double total = 0, current = 0;
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w == "and" || w == "of") continue;
    const std::string* v = lex.FindInFamily("number", w);
    if (v == nullptr) return std::nullopt;
    if (*v == "X") return std::string("X");
    if (!v->empty() && (*v)[0] == '*') {  // multiplier: hundred, thousand
      double m = ValueNumber(v->substr(1));
      if (m >= 1000) {
        total += (current == 0 ? 1 : current) * m;
        current = 0;
      } else {
        current = (current == 0 ? 1 : current) * m;
      }
      any = true;
      continue;
    }
    // "a dozen", "a couple": the article multiplies.
    if (any && current == 1 && (words[i - 1] == "a" || words[i - 1] == "an")) current = 0;
    current += ValueNumber(*v);
    any = true;
  }
  if (!any) return std::nullopt;
  double value = total + current;
  return FormatNumber(value);
}

namespace {

// A ValueContext that notes whether it was read: a value that read none
// of it follows from its captures alone (ValueResult::context_free).
class ContextReads {
 public:
  explicit ContextReads(const ValueContext& ctx) : ctx_(ctx) {}
  const std::optional<CivilDate>& published() const {
    read_ = true;
    return ctx_.published;
  }
  Tense tense() const {
    read_ = true;
    return ctx_.tense;
  }
  const std::vector<EarlierPoint>* earlier() const {
    read_ = read_place_ = true;
    return ctx_.earlier;
  }
  uint32_t sentence() const {
    read_ = read_place_ = true;
    return ctx_.sentence;
  }
  bool read() const { return read_; }
  // Read the earlier timexes or the sentence: where the timex is.
  bool read_place() const { return read_place_; }

 private:
  const ValueContext& ctx_;
  mutable bool read_ = false;
  mutable bool read_place_ = false;
};

// Four-digit year from digits, "'98" or words ("nineteen ninety-eight",
// "two thousand and one"); a two-digit year reads the publication date.
std::optional<int> ParseYear(std::string_view text, const Lexicon& lex, const ContextReads& ctx) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (!digits.empty()) {
    if (digits.size() > 4) return std::nullopt;
    int y = DigitsValue(digits);
    if (digits.size() == 4) return y;
    if (digits.size() != 2) return std::nullopt;
    // Two digits: the century that puts the year at most 20 years ahead
    // of the publication (or of 2000 without one).
    const std::optional<CivilDate>& pub = ctx.published();
    int base = pub ? pub->year : 2000;
    int year = (base / 100) * 100 + y;
    if (year > base + 20) year -= 100;
    return year;
  }
  std::vector<std::string_view> words = SplitWords(text);
  if (words.empty()) return std::nullopt;
  // "nineteen ninety-seven": a number of hundreds, then the rest.
  const std::string* first = lex.FindInFamily("number", words[0]);
  if (first != nullptr && AllDigits(*first)) {
    int hundreds = static_cast<int>(ValueNumber(*first));
    if (hundreds >= 10 && hundreds <= 20 && words.size() >= 2 && words[1] != "thousand" && words[1] != "hundred") {
      std::string rest;
      for (size_t i = 1; i < words.size(); ++i) {
        if (!rest.empty()) rest += ' ';
        rest += words[i] == "oh" ? std::string("zero") : std::string(words[i]);
      }
      auto r = ParseNumber(rest, lex);
      if (!r || !AllDigits(*r)) return std::nullopt;
      if (r->size() > 4) return std::nullopt;
      int v = DigitsValue(*r);
      if (v >= 100) return std::nullopt;
      return hundreds * 100 + v;
    }
  }
  auto n = ParseNumber(text, lex);
  if (!n || !AllDigits(*n)) return std::nullopt;
  if (n->size() > 4) return std::nullopt;
  int v = DigitsValue(*n);
  if (v < 1000 || v > 2999) return std::nullopt;
  return v;
}

std::optional<std::string> NormalizeGroup(GroupKind kind, std::string_view text, const Lexicon& lex,
                                          const ContextReads& ctx) {
  auto from_class = [&](std::string_view cls) -> std::optional<std::string> {
    const std::string* v = lex.FindInFamily(cls, text);
    if (v == nullptr) return std::nullopt;
    return *v;
  };
  switch (kind) {
    case GroupKind::kRaw:
    case GroupKind::kDecade:
    case GroupKind::kCentury:
      return std::string(text);
    case GroupKind::kYear: {
      auto y = ParseYear(text, lex, ctx);
      if (!y || *y < 1 || *y > 9999) return std::nullopt;
      if (*y >= 1000) return std::to_string(*y);
      std::string out = std::to_string(*y);
      return std::string(4 - out.size(), '0') + out;
    }
    case GroupKind::kMonth: {
      if (auto d = DigitOrdinal(text)) {
        if (*d < 1 || *d > 12) return std::nullopt;
        return Pad2(*d);
      }
      return from_class("month");
    }
    case GroupKind::kDay: {
      auto d = ParseOrdinal(text, lex);
      if (!d) {
        auto n = ParseNumber(text, lex);
        if (!n || !AllDigits(*n)) return std::nullopt;
        if (n->size() > 4) return std::nullopt;
        d = DigitsValue(*n);
      }
      if (*d < 1 || *d > 31) return std::nullopt;
      return Pad2(*d);
    }
    case GroupKind::kNum:
      return ParseNumber(text, lex);
    case GroupKind::kOrd:
    case GroupKind::kQuarter:
    case GroupKind::kHalf: {
      // "last half", "q3": the class of the same name first.
      std::optional<int> d;
      if (kind != GroupKind::kOrd) {
        if (auto v = from_class(kind == GroupKind::kQuarter ? "quarter" : "half")) d = static_cast<int>(ValueNumber(*v));
      }
      if (!d) d = ParseOrdinal(text, lex);
      if (!d) return std::nullopt;
      int max = kind == GroupKind::kQuarter ? 4 : kind == GroupKind::kHalf ? 2 : 100000;
      if (*d < 1 || *d > max) return std::nullopt;
      return std::to_string(*d);
    }
    case GroupKind::kHour:
    case GroupKind::kMinute: {
      if (AllDigits(text)) return std::string(text);
      auto n = ParseNumber(text, lex);  // "ten o'clock"
      if (!n || !AllDigits(*n)) return std::nullopt;
      return n;
    }
    case GroupKind::kAmpm: {
      std::string letters;
      for (char c : text) {
        if (c == 'a' || c == 'p') letters += c;
      }
      if (letters.size() != 1) return std::nullopt;
      return letters + "m";
    }
    case GroupKind::kWeekday: return from_class("weekday");
    case GroupKind::kSeason: return from_class("season");
    case GroupKind::kPart: return from_class("part");
    case GroupKind::kUnit: return from_class("unit");
    case GroupKind::kHoliday: return from_class("holiday");
    case GroupKind::kRel: return from_class("rel");
    case GroupKind::kMod: return from_class("mod");
    case GroupKind::kFreq: return from_class("frequency");
  }
  return std::nullopt;
}

// --- evaluation -----------------------------------------------------------

enum class Pick : uint8_t { kStrictBefore, kOnOrBefore, kNearest, kOnOrAfter, kStrictAfter, kSameYear };

// Which occurrence of a recurring name ("Friday", "May", "Q3") a relation
// word or the tense selects. `rel` is "" (tense decides), or -1/0/+1.
Pick PickFor(std::string_view rel, Tense tense, Pick unknown, Pick present) {
  // A rule may force a reading from its context: "until May" is ahead.
  if (rel == "future") return Pick::kOnOrAfter;
  if (rel == "past") return Pick::kOnOrBefore;
  if (rel == "-1" || rel == "last") return Pick::kStrictBefore;
  if (rel == "+1" || rel == "1" || rel == "next") return Pick::kStrictAfter;
  if (rel == "0" || rel == "this") return Pick::kSameYear;
  switch (tense) {
    case Tense::kPast: return Pick::kOnOrBefore;
    case Tense::kFuture: return Pick::kOnOrAfter;
    case Tense::kPresent: return present;
    case Tense::kUnknown: return unknown;
  }
  return unknown;
}

// The index (in a linear count of periods: months, quarters...) of the
// occurrence of `phase` (0-based within a cycle of `period`) that `pick`
// selects relative to `ref`.
int64_t PickCycle(int period, int phase, int64_t ref, Pick pick) {
  auto floor_div = [](int64_t a, int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); };
  int64_t same = floor_div(ref, period) * period + phase;  // this cycle's occurrence
  int64_t before = same <= ref ? same : same - period;     // on or before
  int64_t after = same >= ref ? same : same + period;      // on or after
  switch (pick) {
    case Pick::kStrictBefore: return before == ref ? before - period : before;
    case Pick::kOnOrBefore: return before;
    case Pick::kOnOrAfter: return after;
    case Pick::kStrictAfter: return after == ref ? after + period : after;
    case Pick::kSameYear: return same;
    case Pick::kNearest: return (ref - before) <= (after - ref) ? before : after;
  }
  return same;
}

// How well a candidate `diff` days from the reference fits `pick` (lower is
// better), or nullopt when `pick` excludes it. kNearest weighs a day in the
// past by `past_weight` and one ahead by `future_weight`.
std::optional<int64_t> PickKey(Pick pick, int64_t diff, bool same_year, int64_t past_weight, int64_t future_weight) {
  switch (pick) {
    case Pick::kStrictBefore: return diff < 0 ? std::optional<int64_t>(-diff) : std::nullopt;
    case Pick::kOnOrBefore: return diff <= 0 ? std::optional<int64_t>(-diff) : std::nullopt;
    case Pick::kOnOrAfter: return diff >= 0 ? std::optional<int64_t>(diff) : std::nullopt;
    case Pick::kStrictAfter: return diff > 0 ? std::optional<int64_t>(diff) : std::nullopt;
    case Pick::kSameYear: return same_year ? std::optional<int64_t>(0) : std::nullopt;
    case Pick::kNearest: break;
  }
  return diff < 0 ? -past_weight * diff : future_weight * diff + 1;
}

// A past or future reading is kept unless the other candidate is more
// than `ratio` times closer to the publication date.
Pick ClosePick(Pick pick, int64_t before_distance, int64_t after_distance, int64_t ratio = 3) {
  if (pick == Pick::kOnOrBefore && after_distance * ratio < before_distance) return Pick::kOnOrAfter;
  if (pick == Pick::kOnOrAfter && before_distance * ratio < after_distance) return Pick::kOnOrBefore;
  return pick;
}

struct Evaluator {
  const std::vector<std::string_view>& captures;
  const Lexicon& lex;
  ContextReads ctx;
  ValueResult::Outcome outcome = ValueResult::Outcome::kValue;
  TimexAnchor anchor = TimexAnchor::kNone;
  int32_t anchor_timex = -1;

  bool Failed() const { return outcome != ValueResult::Outcome::kValue; }
  std::nullopt_t Reject() {
    outcome = ValueResult::Outcome::kReject;
    return std::nullopt;
  }
  std::nullopt_t Unresolved() {
    if (outcome == ValueResult::Outcome::kValue) outcome = ValueResult::Outcome::kUnresolved;
    return std::nullopt;
  }
  // The publication date, noting that the value depends on it.
  std::optional<CivilDate> Pub() {
    if (!ctx.published()) return Unresolved();
    if (anchor == TimexAnchor::kNone) anchor = TimexAnchor::kPublication;
    return ctx.published();
  }
  void UsePrevious(const EarlierPoint& e) {
    anchor = TimexAnchor::kPrevious;
    anchor_timex = e.timex;
  }
  // Narrative time moves forward with "the following day"; a flashback or
  // a comparison ("a day earlier", "a year ago") does not move it.
  bool forward = false;
  bool Derived() const { return anchor == TimexAnchor::kPrevious && !forward; }

  // Appends the value of `nodes` to *out; false when it failed (see
  // outcome).
  bool Seq(const std::vector<ValueNode>& nodes, std::string* out) {
    for (const ValueNode& n : nodes) {
      switch (n.kind) {
        case ValueNode::Kind::kLiteral:
          *out += n.text;
          break;
        case ValueNode::Kind::kGroup: {
          std::string_view text = static_cast<size_t>(n.group) < captures.size() ? captures[n.group] : "";
          if (text.empty()) break;
          auto v = NormalizeGroup(n.group_kind, text, lex, ctx);
          if (!v) {
            Reject();
            return false;
          }
          *out += *v;
          break;
        }
        case ValueNode::Kind::kCall: {
          // Values are short: these stay in the strings' inline buffers.
          std::array<std::string, 4> args;
          for (size_t i = 0; i < n.args.size() && i < args.size(); ++i) {
            if (!Seq(n.args[i], &args[i])) return false;
          }
          auto v = Call(n.fn, args);
          if (!v) return false;
          *out += *v;
          break;
        }
      }
      if (Failed()) return false;
    }
    return true;
  }

  // The last earlier point no coarser than `g`; in `same_sentences`
  // sentences back at most when that is >= 0.
  // The last earlier point no coarser than `g` (exactly `g` when `exact`);
  // at most `same_sentences` sentences back when that is >= 0; skipping
  // derived points unless `chain`.
  const EarlierPoint* Earlier(Granularity g, int same_sentences = -1, bool chain = false, bool exact = false) const {
    if (ctx.earlier() == nullptr) return nullptr;
    for (auto it = ctx.earlier()->rbegin(); it != ctx.earlier()->rend(); ++it) {
      if (same_sentences >= 0 && it->sentence + same_sentences < ctx.sentence()) return nullptr;
      if (it->derived && !chain) continue;
      if (exact ? it->point.granularity == g : it->point.granularity <= g) return &*it;
    }
    return nullptr;
  }

  // True when `p` is not over by the publication date: a quarter under way
  // or ahead has no results yet to compare with a year before.
  bool NotOver(const TimePoint& p) const {
    if (!ctx.published()) return false;
    TimePoint next = ShiftTimePoint(p, p.granularity, 1, p.granularity);
    return DaysFromCivil(next.first) > DaysFromCivil(*ctx.published()) + 1;
  }

  // The quarter (half) a results story is about: the latest one named that
  // is over by the publication date ("losses through the third quarter of
  // 1990" is a forecast; "after a flat second quarter" in a story on the
  // third looks back).
  const EarlierPoint* StoryPeriod(Granularity g) const {
    if (ctx.earlier() == nullptr) return nullptr;
    const EarlierPoint* best = nullptr;
    for (auto it = ctx.earlier()->rbegin(); it != ctx.earlier()->rend(); ++it) {
      if (it->derived || it->point.granularity != g || NotOver(it->point)) continue;
      if (best == nullptr || DaysFromCivil(it->point.first) > DaysFromCivil(best->point.first)) best = &*it;
    }
    return best;
  }
  // A quarter or half named last that is older than the story's period is
  // a look back: comparisons ("the year-earlier period", "a year ago")
  // still concern the story's period.
  const EarlierPoint* StoryAnchor(const EarlierPoint* e) const {
    if (e == nullptr || (e->point.granularity != Granularity::kQuarter && e->point.granularity != Granularity::kHalf)) {
      return e;
    }
    const EarlierPoint* story = StoryPeriod(e->point.granularity);
    if (story != nullptr && DaysFromCivil(story->point.first) > DaysFromCivil(e->point.first)) return story;
    return e;
  }

  std::optional<std::string> Call(Fn fn, const std::array<std::string, 4>& a) {
    auto arg = [&](size_t i) -> std::string_view { return i < a.size() ? std::string_view(a[i]) : ""; };
    switch (fn) {
      case Fn::kDate: return Date(arg(0), arg(1), arg(2));
      case Fn::kMd: return MonthDay(arg(0), arg(1), arg(2));
      case Fn::kMonth: return Cycle(Granularity::kMonth, 12, arg(0), arg(1));
      case Fn::kSeason: return Cycle(Granularity::kSeason, 4, arg(0), arg(1));
      case Fn::kQuarter: return Cycle(Granularity::kQuarter, 4, arg(0), arg(1));
      case Fn::kHalf: return Cycle(Granularity::kHalf, 2, arg(0), arg(1));
      case Fn::kWeekday: return WeekdayFn(arg(0), arg(1));
      case Fn::kShift: return Shift(arg(0), arg(1), arg(2) == "keep", /*from_anchor=*/false);
      case Fn::kAshift: return Shift(arg(0), arg(1), arg(2) == "keep", /*from_anchor=*/true, arg(3));
      case Fn::kRef: return Shift(arg(0), "0", false, false);
      case Fn::kAref: return Aref(arg(0), arg(1));
      case Fn::kDur: return Duration(arg(0), arg(1));
      case Fn::kTime: return TimeOfDay(arg(0), arg(1), arg(2));
      case Fn::kDecade: return Decade(arg(0));
      case Fn::kCentury: return Century(arg(0));
      case Fn::kHoliday: return Holiday(arg(0), arg(1), arg(2));
      case Fn::kWeekend: return Weekend(arg(0));
      case Fn::kAyear: return Ayear(arg(0), arg(1));
    }
    return Reject();
  }

  std::optional<std::string> Date(std::string_view y, std::string_view m, std::string_view d) {
    if (!AllDigits(y) || y.size() != 4) return Reject();
    int year = DigitsValue(y);
    if (m.empty()) return std::string(y);
    auto month = ParseInt(m);
    if (!month || *month < 1 || *month > 12) return Reject();
    if (d.empty()) return std::string(y) + "-" + Pad2(*month);
    auto day = ParseInt(d);
    if (!day || !IsValidDate(year, *month, *day)) return Reject();
    return FormatDay(CivilDate{year, *month, *day});
  }

  std::optional<std::string> MonthDay(std::string_view m, std::string_view d, std::string_view rel) {
    auto month = ParseInt(m);
    auto day = ParseInt(d);
    if (!month || !day || *month < 1 || *month > 12 || *day < 1 || *day > 31) return Reject();
    if (*day > DaysInMonth(2000, *month)) return Reject();  // 30 February in any year
    auto pub = Pub();
    if (!pub) return std::nullopt;
    const int64_t ref = DaysFromCivil(*pub);
    auto date_in = [&](int y) -> std::optional<int64_t> {
      if (!IsValidDate(y, *month, *day)) return std::nullopt;
      return DaysFromCivil(CivilDate{y, *month, *day});
    };
    Pick pick = PickFor(rel, ctx.tense(), Pick::kNearest, Pick::kNearest);
    if (pick == Pick::kOnOrBefore || pick == Pick::kOnOrAfter) {
      // The tense only chooses between two candidates at comparable
      // distances: "by Jan. 14" a week after publication is that one.
      std::optional<int64_t> before, after;
      for (int y = pub->year - 1; y <= pub->year + 1; ++y) {
        auto d = date_in(y);
        if (!d) continue;
        if (*d <= ref) before = d;
        if (*d >= ref && !after) after = d;
      }
      if (before && after) pick = ClosePick(pick, ref - *before, *after - ref);
    }
    std::optional<CivilDate> best;
    int64_t best_key = 0;
    for (int y = pub->year - 1; y <= pub->year + 1; ++y) {
      if (!IsValidDate(y, *month, *day)) continue;
      CivilDate c{y, *month, *day};
      // Nearest: the past preferred unless the future is a fifth closer.
      std::optional<int64_t> key = PickKey(pick, DaysFromCivil(c) - ref, y == pub->year, 4, 5);
      if (key && (!best || *key < best_key)) {
        best = c;
        best_key = *key;
      }
    }
    if (!best) return Reject();
    return FormatDay(*best);
  }

  // Month names, seasons, quarters and halves without a year.
  std::optional<std::string> Cycle(Granularity g, int period, std::string_view which, std::string_view rel) {
    int phase;
    if (g == Granularity::kSeason) {
      static constexpr std::array<std::string_view, 4> kNames = {"SP", "SU", "FA", "WI"};
      auto it = std::find(kNames.begin(), kNames.end(), which);
      if (it == kNames.end()) return Reject();
      phase = static_cast<int>(it - kNames.begin());
    } else {
      auto v = ParseInt(which);
      if (!v || *v < 1 || *v > period) return Reject();
      phase = *v - 1;
    }
    auto pub = Pub();
    if (!pub) return std::nullopt;
    TimePoint now = PointFromDate(*pub, g);
    const int64_t ref = static_cast<int64_t>(now.first.year) * period +
                        (g == Granularity::kMonth ? now.first.month - 1 : now.index - 1);
    // Quarters and halves without a tense are read in the publication year
    // ("the third quarter" in a results story); months and seasons as the
    // nearest one.
    bool by_year = g == Granularity::kQuarter || g == Granularity::kHalf;
    // Months and seasons: past unless the text says otherwise (the present,
    // a schedule, "is heard in May", takes the nearest), and the tense
    // gives way when the other reading is five times closer ("in
    // mid-November" written in late October).
    Pick pick = by_year ? PickFor(rel, Tense::kUnknown, Pick::kSameYear, Pick::kSameYear)
                        : PickFor(rel, ctx.tense(), Pick::kOnOrBefore, Pick::kNearest);
    if (!by_year && (pick == Pick::kOnOrBefore || pick == Pick::kOnOrAfter)) {
      int64_t before = PickCycle(period, phase, ref, Pick::kOnOrBefore);
      int64_t after = PickCycle(period, phase, ref, Pick::kOnOrAfter);
      pick = ClosePick(pick, ref - before, after - ref, 5);
    }
    int64_t idx = PickCycle(period, phase, ref, pick);
    // A quarter three quarters ahead is last year's: "profits fell in the
    // fourth quarter" written in January reports on the quarter just over.
    if (by_year && rel.empty() && g == Granularity::kQuarter && idx - ref >= 3) idx -= period;
    int64_t year = idx >= 0 ? idx / period : -((-idx + period - 1) / period);
    int64_t ph = idx - year * period;
    CivilDate first;
    if (g == Granularity::kMonth) first = CivilDate{static_cast<int>(year), static_cast<int>(ph) + 1, 1};
    else if (g == Granularity::kSeason) first = CivilDate{static_cast<int>(year), 3 * static_cast<int>(ph) + 3, 1};
    else if (g == Granularity::kQuarter) first = CivilDate{static_cast<int>(year), 3 * static_cast<int>(ph) + 1, 1};
    else first = CivilDate{static_cast<int>(year), 6 * static_cast<int>(ph) + 1, 1};
    TimePoint p;
    p.granularity = g;
    p.first = first;
    p.index = static_cast<int>(ph) + 1;
    return FormatTimePoint(p);
  }

  std::optional<std::string> WeekdayFn(std::string_view w, std::string_view rel) {
    auto wd = ParseInt(w);
    if (!wd || *wd < 1 || *wd > 7) return Reject();
    auto pub = Pub();
    if (!pub) return std::nullopt;
    int64_t days = DaysFromCivil(*pub);
    // The publication's own weekday is the publication day, whatever the
    // tense: "will hold talks on Wednesday" in a Wednesday article is that
    // day, as is "later on Thursday" on a Thursday. Only "last" / "next"
    // move it a week.
    bool same_day = Weekday(*pub) == *wd;
    if (same_day && rel != "-1" && rel != "last" && rel != "+1" && rel != "1" && rel != "next") {
      return FormatDay(*pub);
    }
    // Past by default: news reports what happened.
    Pick pick = PickFor(rel, ctx.tense(), Pick::kOnOrBefore, Pick::kOnOrAfter);
    if (pick == Pick::kSameYear) pick = Pick::kOnOrAfter;  // "this Friday"
    // Days since an arbitrary Monday: 1970-01-05.
    int64_t ref = days - 4;
    int64_t idx = PickCycle(7, *wd - 1, ref, pick);
    return FormatDay(CivilFromDays(idx + 4));
  }

  // `fallback`: for an anchored shift with no anchor, the count to shift
  // the publication date by instead of `n_text` (empty: the same).
  std::optional<std::string> Shift(std::string_view unit_name, std::string_view n_text, bool keep,
                                   bool from_anchor, std::string_view fallback = "") {
    int factor = 1;
    std::string_view u = unit_name;
    if (u == "fortnight") {
      u = "week";
      factor = 2;
    }
    if (u == "weekend") return Weekend(n_text == "0" ? "0" : n_text);
    // "a decade ago" is a year, not the 1980s ("last decade" is).
    if (keep && (u == "decade" || u == "century" || u == "millennium")) {
      factor = u == "decade" ? 10 : u == "century" ? 100 : 1000;
      u = "year";
    }
    auto unit = GranularityFromName(u);
    if (!unit) return Reject();
    // A vague count ("a few years ago") is only past or future.
    std::string_view digits = n_text;
    bool negative = false;
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) {
      negative = digits[0] == '-';
      digits.remove_prefix(1);
    }
    if (digits == "X") return std::string(negative ? "PAST_REF" : "FUTURE_REF");
    auto parsed = ParseDecimal(digits);
    if (!parsed || *parsed > 100000) return Reject();
    double v = *parsed;
    int n = static_cast<int>(std::lround(v)) * factor * (negative ? -1 : 1);
    keep = keep && (n == 1 || n == -1);  // "a year ago" after a quarter; "41 years ago" is a year

    const EarlierPoint* base = nullptr;
    if (from_anchor && !keep) {
      // "the following day" counts from the narrative's last date, which
      // may itself be "the following day", but not "a day earlier".
      base = Earlier(*unit);
      // "The year-ago quarter" compares results, which a forecast quarter
      // named last has none of.
      if (base != nullptr && n < 0 && (*unit == Granularity::kQuarter || *unit == Granularity::kHalf) &&
          base->point.granularity == *unit && NotOver(base->point)) {
        base = StoryPeriod(*unit);
      } else if (n < 0) {
        base = StoryAnchor(base);
      }
      forward = base != nullptr && n > 0;
    } else if (from_anchor) {
      // "a year earlier" compares with a date stated outright nearby, or
      // else with the quarter a results story is about; with neither, with
      // the publication date.
      base = Earlier(*unit, 2);
      if (base == nullptr && *unit > Granularity::kQuarter) base = StoryPeriod(Granularity::kQuarter);
      if (base == nullptr && *unit > Granularity::kHalf) base = StoryPeriod(Granularity::kHalf);
    } else if (keep) {
      // "rose 5% from a year ago" after "third-quarter profit": the period
      // compared is the month or quarter named just before, or the quarter
      // the story is about.
      const EarlierPoint* e = Earlier(Granularity::kYear, 2);
      if (e != nullptr && (e->point.granularity == Granularity::kMonth || e->point.granularity == Granularity::kQuarter ||
                           e->point.granularity == Granularity::kHalf) &&
          e->point.granularity < *unit) {
        base = StoryAnchor(e);
      }
      if (base == nullptr && *unit > Granularity::kQuarter) base = StoryPeriod(Granularity::kQuarter);
    }
    if (base != nullptr) {
      UsePrevious(*base);
      Granularity out = *unit;
      // "a year earlier" than "Sept. 30" is a day, than "the third quarter"
      // a quarter; "a year ago" keeps the month or quarter it compares.
      bool kept = from_anchor ? base->point.granularity != Granularity::kWeek
                              : (base->point.granularity == Granularity::kMonth ||
                                 base->point.granularity == Granularity::kQuarter ||
                                 base->point.granularity == Granularity::kHalf);
      if (keep && kept && base->point.granularity < *unit) {
        out = base->point.granularity;
      }
      TimePoint p = ShiftTimePoint(base->point, *unit, n, out);
      p.time.clear();
      return FormatTimePoint(p);
    }
    if (from_anchor && !fallback.empty()) {
      auto f = ParseInt(fallback);
      if (!f) return Reject();
      n = *f * factor;
    }
    auto pub = Pub();
    if (!pub) return std::nullopt;
    return FormatTimePoint(ShiftTimePoint(PointFromDate(*pub, Granularity::kDay), *unit, n, *unit));
  }

  std::optional<std::string> Aref(std::string_view unit_name, std::string_view fallback) {
    auto unit = GranularityFromName(unit_name);
    if (!unit) return Reject();
    // "the quarter" is the last quarter named; "that day" any earlier day.
    bool period = *unit == Granularity::kQuarter || *unit == Granularity::kHalf || *unit == Granularity::kSeason;
    if (const EarlierPoint* e = Earlier(*unit, -1, false, period)) {
      UsePrevious(*e);
      return FormatTimePoint(PointFromDate(e->point.first, *unit));
    }
    return Shift(unit_name, fallback.empty() ? "0" : fallback, false, false);
  }

  // "the 1988 quarter": the quarter (month, half...) last named, in the
  // year given; just the year when none was named.
  std::optional<std::string> Ayear(std::string_view year, std::string_view unit_name) {
    auto y = ParseInt(year);
    auto unit = GranularityFromName(unit_name);
    if (!y || !unit || year.size() != 4) return Reject();
    if (const EarlierPoint* e = StoryAnchor(Earlier(*unit, -1, true, true))) {
      UsePrevious(*e);
      TimePoint p = ShiftTimePoint(e->point, Granularity::kYear, *y - e->point.first.year, *unit);
      return FormatTimePoint(p);
    }
    return std::string(year);
  }

  std::optional<std::string> Duration(std::string_view n_text, std::string_view unit) {
    if (n_text.empty()) n_text = "1";
    bool vague = n_text == "X";
    double n = 0;
    if (!vague) {
      auto parsed = ParseDecimal(n_text);
      if (!parsed) return Reject();
      n = *parsed;
    }
    // Unit letter, whether it is a time unit (after "T"), and what a
    // fraction of it is in the next smaller unit.
    struct U { std::string_view name; std::string_view letter; bool time; double scale; std::string_view sub; bool sub_time; double mult; };
    static constexpr std::array<U, 13> kUnits = {{
        {"year", "Y", false, 12, "M", false, 1},      {"month", "M", false, 30, "D", false, 1},
        {"week", "W", false, 7, "D", false, 1},       {"day", "D", false, 24, "H", true, 1},
        {"hour", "H", true, 60, "M", true, 1},        {"minute", "M", true, 60, "S", true, 1},
        {"second", "S", true, 0, "", true, 1},        {"decade", "Y", false, 0, "", false, 10},
        {"century", "Y", false, 0, "", false, 100},   {"millennium", "Y", false, 0, "", false, 1000},
        {"quarter", "Q", false, 3, "M", false, 1},    {"fortnight", "W", false, 0, "", false, 2},
        {"half", "M", false, 0, "", false, 6},
    }};
    if (unit == "weekend") return vague ? std::string("PXWE") : "P" + FormatNumber(n) + "WE";
    if (unit == "season") return vague ? std::string("PXM") : "P" + FormatNumber(3 * n) + "M";  // three months
    const U* u = nullptr;
    for (const U& k : kUnits) {
      if (k.name == unit) u = &k;
    }
    if (u == nullptr) return Reject();
    std::string p = u->time ? "PT" : "P";
    if (vague) {
      std::string letter(u->letter);
      if (u->mult == 10) letter = "DE";
      if (u->mult == 100) letter = "CE";
      if (u->mult == 1000) letter = "ML";
      return p + "X" + letter;
    }
    n *= u->mult;
    double whole = std::floor(n + 1e-9);
    double frac = n - whole;
    if (frac > 1e-6 && u->scale > 0) {
      double sub = frac * u->scale;
      if (std::fabs(sub - std::round(sub)) < 1e-6) {
        std::string out = p;
        if (whole > 0) out += FormatNumber(whole) + std::string(u->letter);
        if (u->sub_time && !u->time) out += "T";
        out += FormatNumber(std::round(sub)) + std::string(u->sub);
        return out;
      }
    }
    return p + FormatNumber(n) + std::string(u->letter);
  }

  std::optional<std::string> TimeOfDay(std::string_view h, std::string_view m, std::string_view ampm) {
    auto hour = ParseInt(h);
    if (!hour) return Reject();
    int minute = 0;
    if (!m.empty()) {
      auto mm = ParseInt(m);
      if (!mm || *mm < 0 || *mm > 59) return Reject();
      minute = *mm;
    }
    int hh = *hour;
    // "4 in the morning", "8 in the evening": a part of the day.
    if (ampm == "MO") ampm = "am";
    else if (ampm == "AF" || ampm == "EV") ampm = "pm";
    else if (ampm == "NI") ampm = hh >= 6 && hh <= 11 ? "pm" : "am";
    if (ampm == "am" || ampm == "pm") {
      if (hh < 1 || hh > 12) return Reject();
      hh = hh % 12 + (ampm == "pm" ? 12 : 0);
    } else if (hh < 0 || hh > 24) {
      return Reject();
    }
    return Pad2(hh) + ":" + Pad2(minute);
  }

  std::optional<std::string> Decade(std::string_view text) {
    std::string digits;
    for (char c : text) {
      if (c >= '0' && c <= '9') digits += c;
    }
    int year;
    if (digits.size() == 4) {
      year = DigitsValue(digits);
      if (year % 10 != 0) return Reject();
    } else {
      int tens;
      if (digits.size() == 2) {
        tens = DigitsValue(digits);
      } else {
        const std::string* v = lex.FindInFamily("decade", text);
        if (v == nullptr) return Reject();
        tens = static_cast<int>(ValueNumber(*v));
      }
      if (tens % 10 != 0) return Reject();
      int base = ctx.published() ? ctx.published()->year : 1999;
      year = (base / 100) * 100 + tens;
      if (year > base) year -= 100;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", year / 10);
    return std::string(buf);
  }

  std::optional<std::string> Century(std::string_view text) {
    auto n = ParseOrdinal(text, lex);
    if (!n || *n < 1 || *n > 99) return Reject();
    return Pad2(*n - 1);
  }

  // Holiday specs: "12-25" fixed day; "11-4-4" the 4th Thursday of
  // November; "05-L-1" the last Monday of May; "E-2" two days before
  // Easter Sunday.
  static std::optional<CivilDate> HolidayIn(std::string_view spec, int year) {
    if (!spec.empty() && spec[0] == 'E') {
      // Anonymous Gregorian computus.
      int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
      int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
      int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
      int m = (a + 11 * h + 22 * l) / 451;
      int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
      auto off = ParseInt(spec.substr(1));
      if (!off) return std::nullopt;
      return AddDays(CivilDate{year, month, day}, *off);
    }
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
      size_t dash = spec.find('-', start);
      parts.push_back(spec.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
      if (dash == std::string_view::npos) break;
      start = dash + 1;
    }
    auto month = ParseInt(parts[0]);
    if (!month || *month < 1 || *month > 12) return std::nullopt;
    if (parts.size() == 2) {
      auto day = ParseInt(parts[1]);
      if (!day || !IsValidDate(year, *month, *day)) return std::nullopt;
      return CivilDate{year, *month, *day};
    }
    if (parts.size() != 3) return std::nullopt;
    int offset = 0;  // "11-1-1+1": the day after the first Monday of November
    if (size_t plus = parts[2].find('+'); plus != std::string_view::npos) {
      auto o = ParseInt(parts[2].substr(plus));
      if (!o) return std::nullopt;
      offset = *o;
      parts[2] = parts[2].substr(0, plus);
    }
    auto wd = ParseInt(parts[2]);
    if (!wd || *wd < 1 || *wd > 7) return std::nullopt;
    if (parts[1] == "L") {
      CivilDate last{year, *month, DaysInMonth(year, *month)};
      return AddDays(last, offset - (Weekday(last) - *wd + 7) % 7);
    }
    auto nth = ParseInt(parts[1]);
    if (!nth || *nth < 1 || *nth > 5) return std::nullopt;
    CivilDate first{year, *month, 1};
    CivilDate d = AddDays(first, (*wd - Weekday(first) + 7) % 7 + 7 * (*nth - 1));
    if (d.month != *month) return std::nullopt;
    return AddDays(d, offset);
  }

  std::optional<std::string> Holiday(std::string_view spec, std::string_view year, std::string_view rel) {
    if (!year.empty()) {
      auto y = ParseInt(year);
      if (!y) return Reject();
      auto d = HolidayIn(spec, *y);
      if (!d) return Reject();
      return FormatDay(*d);
    }
    auto pub = Pub();
    if (!pub) return std::nullopt;
    Pick pick = PickFor(rel, ctx.tense(), Pick::kNearest, Pick::kNearest);
    const int64_t ref = DaysFromCivil(*pub);
    std::optional<CivilDate> best;
    int64_t best_key = 0;
    for (int y = pub->year - 1; y <= pub->year + 1; ++y) {
      auto c = HolidayIn(spec, y);
      if (!c) return Reject();
      std::optional<int64_t> key = PickKey(pick, DaysFromCivil(*c) - ref, y == pub->year, 2, 2);
      if (key && (!best || *key < best_key)) {
        best = c;
        best_key = *key;
      }
    }
    if (!best) return Reject();
    return FormatDay(*best);
  }

  // "2024-W24-WE": the weekend of an ISO week.
  std::optional<std::string> Weekend(std::string_view rel) {
    auto pub = Pub();
    if (!pub) return std::nullopt;
    int wd = Weekday(*pub);
    int shift = 0;
    if (rel == "-1" || rel == "last") {
      shift = -1;
    } else if (rel == "+1" || rel == "next") {
      shift = 1;
    } else if (rel == "0" || rel == "this") {
      shift = 0;
    } else if (ctx.tense() == Tense::kPast || ctx.tense() == Tense::kUnknown) {
      shift = wd >= 6 ? 0 : -1;  // the weekend just past
    }
    return FormatIsoWeek(IsoWeekOf(AddDays(*pub, 7 * shift))) + "-WE";
  }
};

}  // namespace

Result<ValueProgram> ValueProgram::Parse(std::string_view text, const std::map<std::string, int>& groups) {
  ValueProgram p;
  Parser parser(text, groups);
  RETURN_IF_ERROR(parser.ParseAll(&p.nodes_, &p.uses_tense_, &p.uses_earlier_));
  return p;
}

ValueResult ValueProgram::Evaluate(const std::vector<std::string_view>& captures, const Lexicon& lexicon,
                                   const ValueContext& context) const {
  Evaluator ev{captures, lexicon, ContextReads(context)};
  ValueResult r;
  bool ok = ev.Seq(nodes_, &r.value);
  r.outcome = ev.outcome;
  if (!ok && r.outcome == ValueResult::Outcome::kValue) r.outcome = ValueResult::Outcome::kReject;
  r.anchor = ev.anchor;
  r.anchor_timex = ev.anchor_timex;
  r.derived = ev.Derived();
  r.context_free = !ev.ctx.read();
  r.place_free = !ev.ctx.read_place();
  if (r.outcome != ValueResult::Outcome::kValue) r.value.clear();
  return r;
}

}  // namespace newsgraph::timex
