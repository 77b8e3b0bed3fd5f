// The time-expression rules: every `*_rules.tsv` file of a rules folder,
// compiled once, plus the lexicon they are written with, the trigger words
// that say where a time expression may be, and the words a match may start
// with (every word a pattern or a lexicon class spells out: a pattern may
// not contain a letter class such as [a-z]+, or its words could not be
// listed).
//
// A rule row is `id  type  pattern  value  mod  flags`:
//   id       unique name, reported in Timex::rule
//   type     DATE, TIME, DURATION, SET, or NONE (what it matches is not a
//            time expression: it blocks shorter and equal matches)
//   pattern  RE2 over the lower-cased text, with %macros (see lexicon.h);
//            a group (?P<x>...) narrows the extent to that group, so a
//            rule can require context it does not tag. Checked at load,
//            but compiled on its own only when the rule first matches: a
//            pattern too big for RE2's 8 MB program budget would then never
//            match (rule_set_test compiles every shipped rule to be sure)
//   value    the value program (see timex_normalizer.h)
//   mod      optional TIMEX3 mod: literal ("START") or "{mod}"
//   flags    optional, comma-separated: cap=<group> (that group must start
//            with an upper-case letter in the original text: "May", "March")
//
//   ASSIGN_OR_RETURN(RuleSet rules, RuleSet::Load("extractor/timex/rules"));
//   MatchScratch scratch;
//   std::vector<RuleMatch> matches;
//   rules.FindMatches(doc.folded, window_end, token_starts, &scratch, &matches);
//   std::vector<std::string_view> groups;
//   if (rules.Captures(doc.text, doc.folded, matches[0], &groups)) ...
#ifndef NEWSGRAPH_TIMEX_RULE_SET_H_
#define NEWSGRAPH_TIMEX_RULE_SET_H_

#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/status.h"
#include "extractor/core/token_map.h"
#include "extractor/timex/first_words.h"
#include "extractor/timex/lexicon.h"
#include "extractor/timex/timex_normalizer.h"

namespace re2 {
class RE2;
}

namespace newsgraph::timex {

struct TimexRule {
  std::string id;
  std::string where;                // "file:line", for messages
  std::optional<TimexType> type;    // nullopt: a NONE (blocking) rule
  ValueProgram value;
  ValueProgram mod;
  int extent_group = 0;             // capture group that is the extent; 0 = whole match
  int num_groups = 0;               // capture groups, without group 0
  std::vector<int> capitalized_groups;  // cap= flags
};

// One match of one rule: the extent and every capture group, as byte
// offsets into the document (begin == end == UINT32_MAX for a group that did
// not take part).
// One match of one rule, as byte offsets into the document.
struct RuleMatch {
  uint32_t begin = 0;        // the extent
  uint32_t end = 0;
  uint32_t match_begin = 0;  // the whole match, context included
  uint32_t match_end = 0;
  uint32_t rule = 0;         // index into RuleSet
  uint32_t context() const { return (match_end - match_begin) - (end - begin); }
};

// Per-call buffers, so that matching allocates only while they grow.
struct MatchScratch {
  std::vector<int> hits;
};

// The capturing groups of an RE2 pattern, as RE2 numbers them: returns
// how many there are and fills *named with the index of each named one
// ((?P<name>...)). Reads the pattern's syntax only; the pattern must be one
// that RE2 accepts.
int ScanCaptureGroups(std::string_view pattern, std::map<std::string, int>* named);

// `pattern` with the alternatives of each innermost non-capturing group
// (a (?:...) that holds no group and no class) in byte order: the same
// language, but RE2 then factors the prefixes that neighbours share
// ("thu|thur|thurs"). Patterns with \Q...\E are returned as they are.
// Only for the RE2::Set, which says whether a rule matches, never where:
// a rule's own RE2 keeps the written order, on which its leftmost-first
// ends and groups depend.
std::string SortAlternatives(std::string_view pattern);

// The top-level pieces of `pattern`, in order: each a character, an
// escape, a class or a group, with its repetition ("?", "*", "+", "{2,3}",
// lazy or not). False when the pattern is an alternation at top level, has
// a ')' without its '(' or a '(' without its ')', or uses \Q...\E or an
// escape longer than two bytes (octal, \x, \p): it is then not read as a
// sequence of pieces.
bool SplitPieces(std::string_view pattern, std::vector<std::string_view>* pieces);

// One pattern of the rule set's RE2::Set and the rules it stands for.
struct SetEntry {
  std::string pattern;
  std::vector<uint32_t> rules;  // indexes into the patterns, ascending
};
// The set's entries for `patterns` (as the set gets them): patterns whose
// first pieces, at least `shared_bytes` long, are the same share one entry,
// their alternation with the pieces they share written once (and no group
// names, which the branches could repeat). RE2's automaton then follows
// those pieces once and not once per rule: "%num %unit ago", "... later"
// and "... earlier" read a number and a unit together. The entry matches
// where any of its rules does; each rule's own RE2 then tells which.
std::vector<SetEntry> GroupForSet(const std::vector<std::string>& patterns, size_t shared_bytes);

class RuleSet {
 public:
  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  // Loads <dir>/lexicon.tsv, <dir>/macros.tsv and every <dir>/*_rules.tsv
  // (in name order; row order within a file is rule priority). Fails with
  // "file:line: message" on the first bad row, pattern or value.
  static Result<RuleSet> Load(const std::string& dir);
  // The same over contents already in memory: {name, content} pairs.
  static Result<RuleSet> FromStrings(std::pair<std::string, std::string> lexicon,
                                     std::pair<std::string, std::string> macros,
                                     std::vector<std::pair<std::string, std::string>> rule_files);

  size_t size() const { return rules_.size(); }
  // Rule i's pattern with its macros and classes expanded, as RE2 reads it.
  const std::string& expanded_pattern(size_t i) const;
  const TimexRule& rule(size_t i) const { return rules_[i]; }
  const Lexicon& lexicon() const { return lexicon_; }

  // How many tokens around a trigger the rules may see.
  struct TriggerWindow {
    uint8_t before = 0;
    uint8_t after = 0;
    bool ok() const { return before != 0 || after != 0; }
  };
  // The window of a token (lower-cased, a final '.' ignored) that may be
  // part of a time expression, a word of the lexicon's `trigger` class;
  // !ok() for any other word.
  TriggerWindow TriggerWord(std::string_view folded_token) const {
    if (folded_token.empty() || folded_token.size() > kMaxTrigger + 1) return TriggerWindow();
    // Most words are settled by one bit, before any hashing: the bits are
    // set for each trigger with and without a final '.'. The first byte and
    // the length settle most of them with one load from a small table.
    const uint16_t lengths = trigger_lengths_[static_cast<unsigned char>(folded_token[0])];
    if (((lengths >> (folded_token.size() - 1)) & 1) == 0) return TriggerWindow();
    uint32_t b = QuickBit(folded_token);
    if (((trigger_quick_[b >> 6] >> (b & 63)) & 1) == 0) return TriggerWindow();
    if (folded_token.back() == '.') folded_token.remove_suffix(1);
    if (folded_token.empty() || folded_token.size() > kMaxTrigger) return TriggerWindow();
    return TriggerWordSlow(folded_token);
  }
  // True when a match may start at the word token [begin, end) of `folded`
  // (a final '.' of the token ignored): a word some pattern can begin with
  // ("on" is spelled out in "on Monday" but begins no rule), followed, up
  // to `window_end`, by bytes that such a pattern allows ("in" begins
  // rules before "the", "early" or a year, not before "Gaza"). Words no
  // rule names (most of any text) are never tried as a start. A match's
  // first word is the run of letters at `begin`: for a token with a digit
  // or a sign in it ("q2"), the letters before it; when letters go on past
  // the token (the tokenizer split a run of letters), any word the rules
  // spell out counts.
  bool MayStartAt(std::string_view folded, uint32_t begin, uint32_t end, uint32_t window_end) const {
    std::string_view word = folded.substr(begin, end - begin);
    if (!word.empty() && word.back() == '.') word.remove_suffix(1);
    if (word.empty() || word.size() > kMaxTrigger) return false;
    size_t run = 0;
    while (run < word.size() && IsLowerLetter(word[run])) ++run;
    const size_t after = begin + word.size();
    if (run == word.size() && !(after < folded.size() && IsLowerLetter(folded[after]))) {
      // The usual token, all letters: its word is the first word.
      uint32_t b = QuickBit(word);
      if (((first_quick_[b >> 6] >> (b & 63)) & 1) == 0) return false;
      const TriggerSlot* slot = FindSlot(word);
      if (slot == nullptr || slot->follow == kNotFirst) return false;
      return follow_[slot->follow].Allows(folded, after, window_end);
    }
    const TriggerSlot* slot = FindSlot(word);
    if (slot == nullptr || !slot->starter) return false;
    if (run == word.size() || run == 0) return true;
    const TriggerSlot* first = FindSlot(word.substr(0, run));
    if (first == nullptr) return true;
    return first->follow != kNotFirst && follow_[first->follow].Allows(folded, begin + run, window_end);
  }

  // False when some pattern may begin with any letter: then every word the
  // rules spell out is tried as a start.
  bool first_words_listed() const { return first_words_listed_; }

  // The window for numbers shaped like years, decades and clock times.
  TriggerWindow number_window() const { return number_window_; }

  // Appends to *out, for every offset in `starts` (token starts, in
  // order) and every rule, the rule's match that starts
  // there and ends by `end`, if its extent starts and ends at word
  // boundaries. Only the bounds are computed here (cheap); see Captures.
  // Thread-safe.
  void FindMatches(std::string_view folded, size_t end, const std::vector<uint32_t>& starts, MatchScratch* scratch,
                   std::vector<RuleMatch>* out) const;

  // Fills (*captures)[i] with the text of capture group i of `m` (empty when
  // it did not take part) and returns true; false when a cap= group does
  // not start with an upper-case letter in `text` (same offsets as
  // `folded`). Thread-safe.
  bool Captures(std::string_view text, std::string_view folded, const RuleMatch& m,
                std::vector<std::string_view>* captures) const;
  // The same, given `key` = MatchKey(folded, m), which the caller has built
  // already (for its own memo): one key per match.
  bool Captures(std::string_view text, std::string_view folded, const RuleMatch& m, std::string_view key,
                std::vector<std::string_view>* captures) const;

  // Sets *key to what identifies `m` in per-thread memos of this process:
  // the matched text, the rule and the rule set (no two rule sets of one
  // process share one, even at one address). Whatever follows from the
  // rule and the matched text alone (the groups, a value that reads no
  // context) can be remembered under it.
  void MatchKey(std::string_view folded, const RuleMatch& m, std::string* key) const {
    // The text first: TokenMap compares keys by their first eight bytes.
    // One resize and copies: this runs for every match accepted.
    const size_t n = m.match_end - m.match_begin;
    key->resize(n + sizeof m.rule + sizeof generation_);
    char* out = key->data();
    std::memcpy(out, folded.data() + m.match_begin, n);
    std::memcpy(out + n, &m.rule, sizeof m.rule);
    std::memcpy(out + n + sizeof m.rule, &generation_, sizeof generation_);
  }

 private:
  struct Compiled;
  static bool IsLowerLetter(char c) { return c >= 'a' && c <= 'z'; }
  // 16 bits from the first two letters, the last letter and the length.
  static uint32_t QuickBit(std::string_view w) {
    uint32_t k = static_cast<unsigned char>(w[0]) | static_cast<unsigned char>(w.size() > 1 ? w[1] : 0) << 8 |
                 static_cast<unsigned char>(w.back()) << 16 | static_cast<uint32_t>(w.size()) << 24;
    return (k * 2654435761u) >> 16;
  }
  TriggerWindow TriggerWordSlow(std::string_view folded_token) const;
  // False (with RE2's message) when RE2 does not accept `pattern`.
  static bool PatternOk(const std::string& pattern, std::string* error);
  // The first rule whose pattern RE2 does not accept, as "file:line: bad
  // pattern: message".
  Status CheckPatterns() const;
  static constexpr size_t kMaxTrigger = 15;
  // Rules whose patterns begin with this many bytes alike share one entry
  // of the set (GroupForSet): today the number and unit of "%qmod?%num
  // %anyunit", five rules. A shorter start (200 bytes) also groups the
  // rules that share only "%qmod?", whose own RE2 then run in vain more
  // often than the set saves on real news.
  static constexpr size_t kSharedBytes = 800;
  RuleSet();
  Status AddRuleFile(const std::string& name, std::string content);
  Status Finish();

  Lexicon lexicon_;
  std::vector<TimexRule> rules_;
  std::unique_ptr<Compiled> compiled_;  // the RE2::Set and each rule's RE2 (compiled on first use)
  // The RE2 objects the calling thread searches with (see rule_set.cc).
  const Compiled& ForThisThread() const;
  static constexpr uint16_t kNotFirst = UINT16_MAX;
  // What the time stage knows of a word: the trigger test runs on every token.
  struct TriggerSlot {
    bool starter = false;         // spelled out by the lexicon, a macro or a pattern
    uint16_t follow = kNotFirst;  // a word some pattern begins with: index into follow_
    TriggerWindow window;         // !ok(): not a trigger, only a possible start
  };
  const TriggerSlot* FindSlot(std::string_view word) const {
    const uint32_t* i = slot_index_.Find(word);
    return i == nullptr ? nullptr : &trigger_slots_[*i];
  }
  // Every word spelled out in the lexicon, the macros and the patterns.
  Status CollectStarters(std::vector<std::string>* words) const;
  std::vector<TriggerSlot> trigger_slots_;
  TokenMap slot_index_;  // word -> index into trigger_slots_
  TriggerWindow default_window_{4, 4};
  TriggerWindow number_window_{4, 4};
  // A bit per trigger's QuickBit: a cheap "no trigger is like this" test.
  std::vector<uint64_t> trigger_quick_ = std::vector<uint64_t>(1024, 0);
  // Per first byte, a bit per length (1 to kMaxTrigger + 1) of the triggers
  // with and without a final '.'.
  std::array<uint16_t, 256> trigger_lengths_{};
  // What may follow each first word, one entry per distinct set.
  std::vector<FollowBytes> follow_;
  // A bit per first word's QuickBit.
  std::vector<uint64_t> first_quick_ = std::vector<uint64_t>(1024, 0);
  std::vector<std::string> raw_patterns_;  // as written, for CollectStarters
  uint64_t generation_ = 0;             // distinguishes rule sets in per-thread caches
  bool first_words_listed_ = false;     // every pattern's first words are known
};

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_RULE_SET_H_
