// Turns a matched time expression into its TIMEX3 value.
//
// Each rule's `value` column is a small program, parsed once when the rules
// load: literal text, `{group}` (a capture group of the rule's pattern,
// normalized by its name: {month} "Sept." -> "09", {num} "twenty-four" ->
// "24") and `@function(arg, ...)` calls whose arguments are programs too:
//
//   {year}-{month}                       "July 2000"         -> 2000-07
//   @weekday({weekday})                  "on Monday"         -> 2024-06-17 (tense decides)
//   @shift(week,-1)                      "last week"         -> 2024-W24
//   @ashift(day,+1)                      "the following day" -> anchor date + 1
//   @dur({num},{unit})                   "24 years"          -> P24Y
//   @weekday({weekday})T{part}           "Wednesday morning" -> 2024-06-19TMO
//
// The functions, and what they resolve against, are listed in docs/time.md.
// A program that needs the publication date when there is none yields an
// unresolved result (no value) rather than a guess.
//
//   ASSIGN_OR_RETURN(ValueProgram p, ValueProgram::Parse("@shift(day,-{num})", groups));
//   ValueResult r = p.Evaluate(captures, lexicon, context);
#ifndef NEWSGRAPH_TIMEX_TIMEX_NORMALIZER_H_
#define NEWSGRAPH_TIMEX_TIMEX_NORMALIZER_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/civil_date.h"
#include "extractor/core/document.h"
#include "extractor/core/status.h"
#include "extractor/timex/lexicon.h"
#include "extractor/timex/time_point.h"

namespace newsgraph::timex {

// Tense of the clause around a timex: picks the past or the future reading
// of "Friday", "March 5", "in May".
enum class Tense : uint8_t {
  kUnknown,  // no marker found: past for weekdays, nearest for months and days
  kPast,     // "arrived", "was", "had": on or before the publication date
  kPresent,  // "is", "meets": on or after (a schedule)
  kFuture,   // "will", "is due to", "plans to": after the publication date
};

// An earlier timex of the document that names a calendar point, for
// anaphoric expressions ("the following day", "a year earlier").
struct EarlierPoint {
  TimePoint point;
  int32_t timex = -1;     // index into Document::timexes
  uint32_t sentence = 0;  // its sentence
  // Itself computed from an earlier timex ("a year earlier"): a comparison
  // that follows it ("... and from $5 a year earlier") must not chain on it.
  bool derived = false;
};

// What a value may be resolved against.
struct ValueContext {
  std::optional<CivilDate> published;                // Document::published, if any
  Tense tense = Tense::kUnknown;                     // of the timex's clause
  const std::vector<EarlierPoint>* earlier = nullptr;  // in text order
  uint32_t sentence = 0;                             // the timex's sentence
};

struct ValueResult {
  enum class Outcome : uint8_t {
    kValue,       // `value` holds the TIMEX3 value
    kUnresolved,  // relative, and the publication date it needs is unknown
    kReject,      // not a time expression after all (31 February, hour 27)
  };
  Outcome outcome = Outcome::kValue;
  std::string value;
  TimexAnchor anchor = TimexAnchor::kNone;
  int32_t anchor_timex = -1;
  bool derived = false;  // computed from an earlier timex (see EarlierPoint)
  // Nothing of the ValueContext was read: the same captures give the same
  // result in any document ("24 years", "June 19, 2024", but not "Monday").
  bool context_free = false;
  // Neither the earlier timexes nor the sentence were read: the same
  // captures, publication date and tense give the same result.
  bool place_free = false;
};

struct ValueNode;

class ValueProgram {
 public:
  ValueProgram();
  ~ValueProgram();
  ValueProgram(ValueProgram&&) noexcept;
  ValueProgram& operator=(ValueProgram&&) noexcept;

  // Parses `text`; `groups` maps the pattern's named capture groups to their
  // indices. InvalidArgument on an unknown function or group, a group name
  // with no known normalization, a wrong argument count or unbalanced ().
  static Result<ValueProgram> Parse(std::string_view text, const std::map<std::string, int>& groups);

  // Evaluates with `captures[i]` the text of capture group i (empty if it
  // did not take part). Thread-safe; allocates only the result.
  ValueResult Evaluate(const std::vector<std::string_view>& captures, const Lexicon& lexicon,
                       const ValueContext& context) const;

  bool empty() const { return nodes_.empty(); }
  // True when the value depends on the clause's tense (weekdays, month
  // names without a year...), so callers compute it only then.
  bool uses_tense() const { return uses_tense_; }
  // True when the value may depend on earlier timexes ("the following
  // day", "a year ago" after a quarter).
  bool uses_earlier() const { return uses_earlier_; }

 private:
  std::vector<ValueNode> nodes_;
  bool uses_tense_ = false;
  bool uses_earlier_ = false;
};

// Number words and digits to a number: "twenty-four" 24, "1,000" 1000,
// "2 1/2" 2.5, "a half" 0.5, "one and a half" 1.5, "a dozen" 12. Vague
// quantities ("several", "a few") give "X". nullopt when it is no number.
// Exposed for tests.
std::optional<std::string> ParseNumber(std::string_view text, const Lexicon& lexicon);

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_TIMEX_NORMALIZER_H_
