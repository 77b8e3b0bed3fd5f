// The word lists and named sub-patterns that time-expression rules are
// written with, loaded from rules/lexicon.tsv and rules/macros.tsv.
//
// A lexicon row is `class  word  value`: ("month", "sept", "09"),
// ("weekday", "friday", "5"), ("number", "twenty", "20"). A macro row is
// `name  pattern`, an RE2 fragment that may use other macros and classes.
// In a pattern, `%name` stands for the macro of that name or, if there is
// none, for the alternation of every word of the lexicon class (longest
// first, so "september" is tried before "sep"); a space stands for any run
// of white space.
//
//   ASSIGN_OR_RETURN(Lexicon lex, Lexicon::Load(lexicon_path, macros_path));
//   ASSIGN_OR_RETURN(std::string re, lex.Expand("(?P<month>%month) (?P<day>%day)"));
//   const std::string* mm = lex.Find("month", "sept.");   // "09"
#ifndef NEWSGRAPH_TIMEX_LEXICON_H_
#define NEWSGRAPH_TIMEX_LEXICON_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/status.h"
#include "extractor/core/token_map.h"

namespace newsgraph::timex {

class Lexicon {
 public:
  Lexicon() = default;  // empty: every Find fails, Expand knows no %name
  // Movable only: families_ points into classes_, whose nodes a move keeps.
  Lexicon(Lexicon&&) = default;
  Lexicon& operator=(Lexicon&&) = default;
  Lexicon(const Lexicon&) = delete;
  Lexicon& operator=(const Lexicon&) = delete;
  // Reads both files (TSV: '#' comments, a header line). Fails with
  // "file:line: message" on a malformed row, a duplicate word or macro, or a
  // macro that does not expand (unknown name, cycle, invalid RE2).
  static Result<Lexicon> Load(const std::string& lexicon_path, const std::string& macros_path);
  // The same over file contents already read; names are used in messages.
  static Result<Lexicon> FromStrings(const std::string& lexicon_name, std::string lexicon_tsv,
                                     const std::string& macros_name, std::string macros_tsv);

  // `pattern` with every %name replaced and every space outside a character
  // class turned into `\s+`. InvalidArgument naming the unknown %name.
  Result<std::string> Expand(std::string_view pattern) const;

  // The value of `word` in `cls`, or nullptr. The word is looked up with its
  // white space collapsed to single spaces, and again without a final '.'.
  const std::string* Find(std::string_view cls, std::string_view word) const;
  // As Find, over the class family: `cls` itself, then every class named
  // cls + "_..." ("month", "month_abbr"), in name order.
  const std::string* FindInFamily(std::string_view cls, std::string_view word) const;
  bool HasClass(std::string_view cls) const { return classes_.count(std::string(cls)) > 0; }

  struct WordClass {
    std::vector<std::string> words;  // file order
    std::vector<std::string> values;  // values[i]: the value of words[i]
    TokenMap index;                   // word -> i
    const std::string* Value(std::string_view word) const {
      const uint32_t* i = index.Find(word);
      return i == nullptr ? nullptr : &values[*i];
    }
    // A bit per (first letter, second letter, last letter, length) hash of
    // each word: most misses are settled here, without hashing the word.
    uint64_t quick[64] = {};
    static uint32_t QuickBit(std::string_view w) {
      uint32_t k = static_cast<unsigned char>(w[0]) | static_cast<unsigned char>(w.size() > 1 ? w[1] : 0) << 8 |
                   static_cast<unsigned char>(w.back()) << 16 | static_cast<uint32_t>(w.size() & 0xFF) << 24;
      return (k * 2654435761u) >> 20;  // 12 bits
    }
    bool MayContain(std::string_view w) const {
      if (w.empty()) return false;
      uint32_t b = QuickBit(w);
      return (quick[b >> 6] >> (b & 63)) & 1;
    }
  };
  // A class looked up once, for hot loops: Find(handle, word) skips the
  // class-name lookup. Null for an unknown class (Find then fails).
  const WordClass* Class(std::string_view cls) const;
  static const std::string* Find(const WordClass* cls, std::string_view word);
  // The words of a class in file order (empty for an unknown class).
  const std::vector<std::string>& Words(std::string_view cls) const;
  // Every class name, and every macro's pattern as written.
  std::vector<std::string> ClassNames() const;
  std::vector<std::string> MacroPatterns() const;

 private:
  Result<std::string> ExpandDepth(std::string_view pattern, int depth) const;
  // The classes of family `name`, added empty when new.
  std::vector<const WordClass*>& Family(std::string_view name);

  std::map<std::string, WordClass, std::less<>> classes_;
  // Family name -> its classes, in FindInFamily order ("month" -> month,
  // month_abbr), built once after loading.
  std::vector<std::vector<const WordClass*>> families_;
  TokenMap family_index_;  // family name -> index into families_
  std::map<std::string, std::string, std::less<>> macros_;  // name -> raw pattern
};

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_LEXICON_H_
