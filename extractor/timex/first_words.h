// The words a regular expression's matches can begin with, and the bytes
// that can follow each.
//
// The time stage tries its rule set only at tokens where some rule can
// start. A word the rules spell out somewhere ("on" in "on Monday and
// Tuesday") is no start unless a pattern can begin with it, and "in" is no
// start before "Gaza" when every pattern that begins with "in" goes on with
// "the", "early", a month or a year. Reading the patterns' syntax tells both.
//
//   std::map<std::string, FollowBytes> words;
//   if (FirstWords("since (?:early |late )?(?:may|june)", 15, &words)) ...
//   // words: {"since": follow " " then "e", "l", "m" or "j", then ...}
//   if (words["since"].Allows(text, pos_after_word, text_end)) ... // may match here
//
// A match's first word is its first run of letters a-z, whatever follows
// it. Matches that begin with any other byte (a digit, a sign) add no word.
#ifndef NEWSGRAPH_TIMEX_FIRST_WORDS_H_
#define NEWSGRAPH_TIMEX_FIRST_WORDS_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::timex {

// What the first kFollowBytes bytes after a first word can be, over all
// the matches that begin with it. A position that a match may not reach
// (it can end before) allows anything, the end of the text too.
struct FollowBytes {
  static constexpr int kFollowBytes = 4;
  // Bit b of allowed[j] (a bit per byte value, 64 to a word): byte b may be
  // at position j.
  std::array<std::array<uint64_t, 4>, kFollowBytes> allowed{};
  std::array<bool, kFollowBytes> may_end{};  // the text may end there

  // False when no match that begins with the word can be followed by the
  // bytes of `text` from `pos` (the text ends at `end`).
  bool Allows(std::string_view text, size_t pos, size_t end) const {
    for (int j = 0; j < kFollowBytes; ++j) {
      size_t at = pos + static_cast<size_t>(j);
      if (at >= end || at >= text.size()) return may_end[j];
      unsigned char b = static_cast<unsigned char>(text[at]);
      if (((allowed[j][b >> 6] >> (b & 63)) & 1) == 0) return false;
    }
    return true;
  }
  // Anything at position j and after: a match may have ended before it.
  void AllowAllFrom(int j) {
    for (; j < kFollowBytes; ++j) {
      allowed[j].fill(~uint64_t{0});
      may_end[j] = true;
    }
  }
  FollowBytes& operator|=(const FollowBytes& o) {
    for (int j = 0; j < kFollowBytes; ++j) {
      for (int k = 0; k < 4; ++k) allowed[j][k] |= o.allowed[j][k];
      may_end[j] = may_end[j] || o.may_end[j];
    }
    return *this;
  }
  bool operator==(const FollowBytes& o) const = default;
};

// Adds the first words of `pattern` (RE2 syntax over lower-cased text) to
// *words, up to `max_length` letters (longer words are left out: no token
// that long is tried), each with the bytes that may follow it (or'ed into
// what *words already holds for it). False when they cannot be listed: the
// pattern can begin with "any letter" ('.', \w, a negated class, \pL), uses
// syntax this reader does not know, or has too many beginnings to list; the
// caller must then assume the pattern can begin anywhere.
bool FirstWords(std::string_view pattern, size_t max_length, std::map<std::string, FollowBytes>* words);
// The same for each of `patterns` (false when any cannot be listed), with
// the groups that they share read once.
bool FirstWords(const std::vector<std::string>& patterns, size_t max_length,
                std::map<std::string, FollowBytes>* words);

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_FIRST_WORDS_H_
