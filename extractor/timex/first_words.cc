#include "extractor/timex/first_words.h"

#include <algorithm>
#include <iterator>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsgraph::timex {
namespace {

// Listing more beginnings than this is not worth it: the caller falls back
// to "can begin anywhere".
constexpr size_t kMaxPrefixes = 50000;
constexpr int kFollow = FollowBytes::kFollowBytes;

bool IsLetter(unsigned char c) { return c >= 'a' && c <= 'z'; }
unsigned char Lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; }

// A set of bytes, a bit each.
struct ByteSet {
  std::array<uint64_t, 4> bits{};
  void Set(unsigned char c) { bits[c >> 6] |= uint64_t{1} << (c & 63); }
  void Toggle(unsigned char c) { bits[c >> 6] ^= uint64_t{1} << (c & 63); }
  bool Has(unsigned c) const { return (bits[c >> 6] >> (c & 63)) & 1; }
  bool Any() const { return (bits[0] | bits[1] | bits[2] | bits[3]) != 0; }
  ByteSet& operator|=(const ByteSet& o) {
    for (int k = 0; k < 4; ++k) bits[k] |= o.bits[k];
    return *this;
  }
  ByteSet& Flip() {
    for (uint64_t& b : bits) b = ~b;
    return *this;
  }
  auto operator<=>(const ByteSet&) const = default;
};
using Tail = std::array<ByteSet, kFollow>;

// How a piece of pattern can begin a match. An item is the letters read
// so far (`words`: one while not `done`) and whether a non-letter ended
// them ("done"); once done, the bytes that came next: `known` of them
// described in the tail, and `open` when more came that could not be
// described (a character outside ASCII, any byte). Once done, words with
// the same tail share an item: what follows can no longer tell them apart.
using Words = std::shared_ptr<const std::vector<std::string>>;  // sorted; shared by copies of an item
Words MakeWords(std::vector<std::string> words) {
  return std::make_shared<const std::vector<std::string>>(std::move(words));
}

struct Item {
  Words words;
  bool done = false;
  uint8_t known = 0;
  bool open = false;
  Tail tail{};
  bool complete() const { return done && (open || known == kFollow); }
  bool operator==(const Item& o) const {
    return (words == o.words || *words == *o.words) && done == o.done && known == o.known && open == o.open &&
           tail == o.tail;
  }
};
using Prefixes = std::vector<Item>;  // in Normalize's order, no two alike

// "Any letter" (., \w, a negated class): harmless after a finished word,
// unlistable after letters that may go on. As a word it stands for every
// word it could take part in.
const std::string kAnyLetter = "\x01";
bool HasAnyLetter(const Item& item) {
  return std::binary_search(item.words->begin(), item.words->end(), kAnyLetter);
}

// Sorts the items and merges those alike: unfinished ones by word,
// finished ones by tail (their words joined). Items are large (a tail of
// 128 bytes): the sort moves indices.
void Normalize(Prefixes* p) {
  if (p->size() < 2) return;
  auto before = [](const Item& a, const Item& b) {
    if (a.done != b.done) return b.done;
    if (!a.done) return a.words->front() < b.words->front();
    return std::tie(a.known, a.open, a.tail) < std::tie(b.known, b.open, b.tail);
  };
  std::vector<uint32_t> order(p->size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) { return before((*p)[a], (*p)[b]); });
  Prefixes out;
  out.reserve(p->size());
  for (uint32_t i : order) {
    Item& item = (*p)[i];
    if (!out.empty() && !before(out.back(), item)) {  // alike: sorted, and not before
      Item& into = out.back();
      if (into.words != item.words && *into.words != *item.words) {
        std::vector<std::string> words;
        std::set_union(into.words->begin(), into.words->end(), item.words->begin(), item.words->end(),
                       std::back_inserter(words));
        into.words = MakeWords(std::move(words));
      }
    } else {
      out.push_back(std::move(item));
    }
  }
  *p = std::move(out);
}

// Groups already read, by their text: the patterns of a rule set repeat
// the same expanded word classes (numbers, units, months) many times.
struct GroupMemo {
  Prefixes prefixes;
  bool fold_case = false;
};
using Memo = std::unordered_map<std::string_view, GroupMemo>;

class Reader {
 public:
  Reader(std::string_view p, size_t max_length, Memo* memo) : p_(p), max_length_(max_length), memo_(memo) {}

  bool Read(Prefixes* out) {
    *out = Alternation();
    if (!ok_ || i_ != p_.size()) return false;
    for (const Item& item : *out) {
      if (HasAnyLetter(item)) return false;
    }
    return true;
  }
  bool fold_case() const { return fold_case_; }

 private:
  static Words Word(std::string w) {
    // The empty word and single letters come up at every step: shared.
    static const Words kEmpty = MakeWords({""});
    static const std::array<Words, 26> kLetters = [] {
      std::array<Words, 26> letters;
      for (int k = 0; k < 26; ++k) letters[k] = MakeWords({std::string(1, static_cast<char>('a' + k))});
      return letters;
    }();
    if (w.empty()) return kEmpty;
    if (w.size() == 1 && IsLetter(static_cast<unsigned char>(w[0]))) return kLetters[w[0] - 'a'];
    return MakeWords({std::move(w)});
  }
  static Prefixes Empty() { return {Item{Word("")}}; }
  static bool IsEmpty(const Prefixes& p) { return p.size() == 1 && p[0] == Item{Word("")}; }
  static Prefixes Letter(unsigned char c) { return {Item{Word(std::string(1, static_cast<char>(c)))}}; }
  // Non-letters: each set is one byte of the match.
  static Prefixes Bytes(const std::vector<ByteSet>& bytes) {
    Item item{Word(""), true};
    for (const ByteSet& b : bytes) {
      if (item.known == kFollow) break;
      item.tail[item.known++] = b;
    }
    return {item};
  }
  static Prefixes Byte(unsigned char c) {
    ByteSet b;
    b.Set(c);
    return Bytes({b});
  }
  // A non-letter that cannot be described byte by byte (\W: maybe a
  // character outside ASCII).
  static Prefixes OpenNonLetter() { return {Item{Word(""), true, 0, true}}; }
  static Prefixes AnyLetter() { return {Item{Word(kAnyLetter)}}; }
  Prefixes Fail() {
    ok_ = false;
    return {};
  }

  // What a piece adds after a finished prefix: its bytes (letters, then
  // tail), by how many of them there are (up to kFollow) and whether more
  // follow that cannot be described. Pieces of one length share one tail,
  // or'ed: after a finished prefix only the bytes count.
  struct Cohort {
    uint8_t length = 0;
    bool open = false;
    Tail bytes{};
  };
  static std::vector<Cohort> Cohorts(const Prefixes& b) {
    std::vector<Cohort> out;
    auto add = [&](const Cohort& c) {
      for (Cohort& o : out) {
        if (o.length == c.length && o.open == c.open) {
          for (int j = 0; j < c.length; ++j) o.bytes[j] |= c.bytes[j];
          return;
        }
      }
      out.push_back(c);
    };
    for (const Item& item : b) {
      for (const std::string& word : *item.words) {
        Cohort c;
        if (word == kAnyLetter) {
          c.open = true;
        } else {
          for (char ch : word) {
            if (c.length == kFollow) break;
            c.bytes[c.length++].Set(static_cast<unsigned char>(ch));
          }
          for (int j = 0; j < item.known && c.length < kFollow; ++j) c.bytes[c.length++] = item.tail[j];
          c.open = item.open;
        }
        add(c);
      }
    }
    return out;
  }

  // a·b: a's finished prefixes gain b's bytes, the others go on with b.
  Prefixes Concat(const Prefixes& a, const Prefixes& b) {
    Prefixes out;
    std::vector<Cohort> cohorts;
    bool summarized = false;
    for (const Item& x : a) {
      if (x.complete()) {
        out.push_back(x);
        continue;
      }
      if (x.done) {
        if (!summarized) cohorts = Cohorts(b), summarized = true;
        for (const Cohort& c : cohorts) {
          Item y = x;
          for (int j = 0; j < c.length && y.known < kFollow; ++j) y.tail[y.known++] = c.bytes[j];
          if (c.open) y.open = true;
          out.push_back(std::move(y));
        }
        continue;
      }
      const std::string& w = x.words->front();
      for (const Item& z : b) {
        if (w == kAnyLetter || HasAnyLetter(z)) {
          out.push_back(Item{Word(kAnyLetter), true, 0, true});  // nothing after it makes it listable
          continue;
        }
        Item y = z;
        if (!w.empty()) {
          std::vector<std::string> words;
          for (const std::string& v : *z.words) {
            if (w.size() + v.size() <= max_length_) words.push_back(w + v);  // no longer token is tried
          }
          if (words.empty()) continue;
          y.words = MakeWords(std::move(words));
        }
        out.push_back(std::move(y));
      }
      if (out.size() > kMaxPrefixes) return Fail();
    }
    Normalize(&out);
    return out;
  }

  // a{min,max}, max < 0 for no bound. Past max_length + kFollow + 1 more
  // copies a repetition adds nothing: every copy that adds a byte makes a
  // word too long to keep or falls past the bytes described.
  Prefixes Repeat(const Prefixes& a, int min, int max) {
    Prefixes power = Empty();
    for (int k = 0; k < min && ok_; ++k) power = Concat(power, a);
    Prefixes all = power;
    const int limit = static_cast<int>(max_length_) + kFollow + 2;
    for (int k = min; (max < 0 || k < max) && k < min + limit && ok_; ++k) {
      power = Concat(power, a);
      Prefixes before = all;
      all.insert(all.end(), power.begin(), power.end());
      Normalize(&all);
      if (all == before) break;
      if (all.size() > kMaxPrefixes) return Fail();
    }
    return all;
  }

  Prefixes Alternation() {
    Prefixes out = Sequence();
    while (ok_ && i_ < p_.size() && p_[i_] == '|') {
      ++i_;
      Prefixes more = Sequence();
      out.insert(out.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
      if (out.size() > kMaxPrefixes) return Fail();
    }
    Normalize(&out);
    return out;
  }

  Prefixes Sequence() {
    Prefixes out = Empty();
    // Prefixes whose tail is complete (or open) no longer change: set
    // aside, so that the rest of the sequence does not copy them again.
    Prefixes complete;
    while (ok_ && i_ < p_.size() && p_[i_] != '|' && p_[i_] != ')') {
      Prefixes atom = Literal();
      if (atom.empty()) {
        atom = Atom();
        if (!ok_) break;
        int min = 1, max = 1;
        if (Quantifier(&min, &max)) atom = Repeat(atom, min, max);
      }
      out = IsEmpty(out) ? std::move(atom) : Concat(out, atom);
      auto first_complete =
          std::stable_partition(out.begin(), out.end(), [](const Item& item) { return !item.complete(); });
      complete.insert(complete.end(), std::make_move_iterator(first_complete), std::make_move_iterator(out.end()));
      out.erase(first_complete, out.end());
    }
    for (auto& item : complete) out.push_back(std::move(item));
    Normalize(&out);
    return out;
  }

  // ?, *, +, {n}, {n,}, {n,m}, each maybe lazy ('?' after it).
  bool Quantifier(int* min, int* max) {
    if (i_ >= p_.size()) return false;
    char c = p_[i_];
    if (c == '?' || c == '*' || c == '+') {
      *min = c == '+' ? 1 : 0;
      *max = c == '?' ? 1 : -1;
      ++i_;
    } else if (c == '{') {
      size_t j = i_ + 1;
      auto number = [&](int* n) {
        size_t start = j;
        *n = 0;
        while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9' && j - start < 5) *n = *n * 10 + (p_[j++] - '0');
        return j > start;
      };
      int lo = 0, hi = 0;
      if (!number(&lo)) return false;  // a literal '{'
      if (j < p_.size() && p_[j] == '}') {
        hi = lo;
      } else if (j < p_.size() && p_[j] == ',') {
        ++j;
        if (j < p_.size() && p_[j] == '}') hi = -1;
        else if (!number(&hi)) return false;
      } else {
        return false;
      }
      if (j >= p_.size() || p_[j] != '}') return false;
      *min = lo;
      *max = hi;
      i_ = j + 1;
    } else {
      return false;
    }
    if (i_ < p_.size() && p_[i_] == '?') ++i_;
    return true;
  }

  // A run of plain ASCII characters ("twenty", "a.m" is not: '.' is any
  // character) as one piece; empty when there is none. A character that a
  // quantifier follows is left to Atom.
  Prefixes Literal() {
    auto plain = [&](size_t k) {
      if (k >= p_.size()) return false;
      unsigned char c = static_cast<unsigned char>(p_[k]);
      return c < 0x80 && std::string_view("\\.[](){}|?*+^$").find(static_cast<char>(c)) == std::string_view::npos;
    };
    auto quantified = [&](size_t k) {
      return k < p_.size() && (p_[k] == '?' || p_[k] == '*' || p_[k] == '+' || p_[k] == '{');
    };
    size_t end = i_;
    while (plain(end) && !quantified(end + 1)) ++end;
    if (end - i_ < 2) return {};  // one character: Atom is as quick
    Item item;
    std::string word;
    for (size_t k = i_; k < end; ++k) {
      unsigned char c = Lower(static_cast<unsigned char>(p_[k]));
      if (!item.done && IsLetter(c)) {
        word += static_cast<char>(c);
        continue;
      }
      item.done = true;
      if (item.known < kFollow) item.tail[item.known++].Set(c);
    }
    i_ = end;
    item.words = Word(std::move(word));
    return {item};
  }

  Prefixes Atom() {
    unsigned char c = static_cast<unsigned char>(p_[i_]);
    if (c == '(') return Group();
    if (c == '[') return Class();
    if (c == '\\') return Escape();
    ++i_;
    if (c == '.') return AnyLetter();
    if (c == '^' || c == '$') return Empty();             // zero width
    if (c == '*' || c == '+' || c == '?') return Fail();  // RE2 rejects these
    if (c >= 0x80) {
      // A character outside ASCII, written as its UTF-8 bytes: one atom, so
      // that a quantifier after it applies to all of them.
      std::vector<ByteSet> bytes(1);
      bytes[0].Set(c);
      while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) {
        bytes.emplace_back().Set(static_cast<unsigned char>(p_[i_++]));
      }
      return Bytes(bytes);
    }
    c = Lower(c);
    return IsLetter(c) ? Letter(c) : Byte(c);
  }

  // One past the ')' that closes the group opening at p_[open]; npos when
  // none does.
  size_t GroupEnd(size_t open) const {
    int depth = 0;
    for (size_t k = open; k < p_.size(); ++k) {
      char c = p_[k];
      if (c == '\\') {
        if (k + 1 < p_.size() && p_[k + 1] == 'Q') {
          size_t e = p_.find("\\E", k + 2);
          if (e == std::string_view::npos) return std::string_view::npos;
          k = e + 1;
        } else {
          ++k;
        }
      } else if (c == '[') {
        ++k;
        if (k < p_.size() && p_[k] == '^') ++k;
        if (k < p_.size() && p_[k] == ']') ++k;  // a ']' first is a member
        while (k < p_.size() && p_[k] != ']') {
          if (p_[k] == '\\') ++k;
          else if (p_.substr(k, 2) == "[:") k = p_.find(":]", k + 2) == std::string_view::npos ? p_.size() : p_.find(":]", k + 2) + 1;
          ++k;
        }
      } else if (c == '(') {
        ++depth;
      } else if (c == ')' && --depth == 0) {
        return k + 1;
      }
    }
    return std::string_view::npos;
  }

  Prefixes Group() {
    const size_t open = i_;
    const size_t end = memo_ != nullptr ? GroupEnd(open) : std::string_view::npos;
    if (end != std::string_view::npos) {
      auto it = memo_->find(p_.substr(open, end - open));
      if (it != memo_->end()) {
        i_ = end;
        fold_case_ = fold_case_ || it->second.fold_case;
        return it->second.prefixes;
      }
    }
    const bool fold_case_before = fold_case_;
    fold_case_ = false;
    Prefixes inner = GroupUncached();
    if (ok_ && end == i_) memo_->emplace(p_.substr(open, end - open), GroupMemo{inner, fold_case_});
    fold_case_ = fold_case_ || fold_case_before;
    return inner;
  }

  Prefixes GroupUncached() {
    ++i_;  // '('
    if (i_ < p_.size() && p_[i_] == '?') {
      ++i_;
      if (i_ < p_.size() && (p_[i_] == 'P' || p_[i_] == '<')) {  // (?P<name>...) or (?<name>...)
        size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else {
        // Flags. The text is lower case and so are the words read, but with
        // (?i) a letter may match a character outside ASCII (K, the Kelvin
        // sign): then no following byte is described.
        while (i_ < p_.size() && (p_[i_] == 'i' || p_[i_] == 'm' || p_[i_] == 's' || p_[i_] == 'U' || p_[i_] == '-')) {
          if (p_[i_] == 'i') fold_case_ = true;
          ++i_;
        }
        if (i_ >= p_.size()) return Fail();
        if (p_[i_] == ')') {
          ++i_;
          return Empty();
        }
        if (p_[i_] != ':') return Fail();
        ++i_;
      }
    }
    Prefixes inner = Alternation();
    if (!ok_ || i_ >= p_.size() || p_[i_] != ')') return Fail();
    ++i_;
    return inner;
  }

  static ByteSet Digits() {
    ByteSet b;
    for (unsigned char c = '0'; c <= '9'; ++c) b.Set(c);
    return b;
  }
  static ByteSet Spaces() {
    ByteSet b;
    for (unsigned char c : {' ', '\t', '\n', '\v', '\f', '\r'}) b.Set(c);
    return b;
  }
  static ByteSet NonWord() {  // \W over ASCII
    ByteSet b;
    for (unsigned c = 0; c < 0x80; ++c) {
      bool word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (!word) b.Set(static_cast<unsigned char>(c));
    }
    return b;
  }

  // Outside a class: \b and the other anchors match no byte; \d, \s, \W
  // and escaped signs match no letter; \w, \S, \D, \pL and \C may.
  Prefixes Escape() {
    if (i_ + 1 >= p_.size()) return Fail();
    char e = p_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 'b': case 'B': case 'A': case 'z':
        return Empty();
      case 'd': return Bytes({Digits()});
      case 's': return Bytes({Spaces()});
      case 'W': return OpenNonLetter();  // maybe a character outside ASCII
      case 'Q': {
        size_t end = p_.find("\\E", i_);
        std::string_view quoted = p_.substr(i_, end == std::string_view::npos ? p_.npos : end - i_);
        i_ = end == std::string_view::npos ? p_.size() : end + 2;
        Prefixes out = Empty();
        for (char q : quoted) {
          unsigned char l = Lower(static_cast<unsigned char>(q));
          out = Concat(out, IsLetter(l) ? Letter(l) : Byte(l));
        }
        return out;
      }
      case 'x': {
        unsigned value = HexEscape();
        if (!ok_) return {};
        if (value > 0x7f) return OpenNonLetter();  // a code point outside ASCII: several bytes
        unsigned char l = Lower(static_cast<unsigned char>(value));
        return IsLetter(l) ? Letter(l) : Byte(l);
      }
      default: {
        if (int control = ControlEscape(e); control >= 0) return Byte(static_cast<unsigned char>(control));
        unsigned char l = static_cast<unsigned char>(e);
        if (l == 'p' || l == 'P') SkipUnicodeClass();
        if ((l >= 'a' && l <= 'z') || (l >= 'A' && l <= 'Z')) return AnyLetter();  // \w, \S, \D, \pL, \C...
        if (l >= '0' && l <= '9') return OpenNonLetter();                          // \0: an octal escape
        return Byte(l);  // an escaped sign: \. \- \(
      }
    }
  }

  static constexpr unsigned kWideChar = 0x110000;  // ClassChar: see wide_char_

  // The byte of \n, \t, \r, \f, \v or \a, in a class or out of one; -1 for
  // any other escape letter.
  static int ControlEscape(char e) {
    switch (e) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'a': return '\a';
      default: return -1;
    }
  }

  // The digits after \x: two, or {any number}.
  unsigned HexEscape() {
    unsigned value = 0;
    if (i_ < p_.size() && p_[i_] == '{') {
      size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return Fail(), 0;
      for (size_t k = i_ + 1; k < close; ++k) value = value * 16 + HexDigit(p_[k]);
      i_ = close + 1;
    } else {
      for (int k = 0; k < 2 && i_ < p_.size(); ++k) value = value * 16 + HexDigit(p_[i_++]);
    }
    return value;
  }

  // The name after \p or \P: one letter or {Name}.
  void SkipUnicodeClass() {
    if (i_ < p_.size() && p_[i_] == '{') {
      size_t close = p_.find('}', i_);
      i_ = close == std::string_view::npos ? p_.size() : close + 1;
    } else if (i_ < p_.size()) {
      ++i_;
    }
  }

  static unsigned HexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return 0;
  }

  // What a bracket class can match: letters a-z, other ASCII bytes, and
  // whether a character outside ASCII (several bytes).
  struct ClassBytes {
    bool letters[26] = {};
    ByteSet other;
    bool wide = false;                 // may match a character outside ASCII not listed below
    std::vector<std::string> members;  // characters outside ASCII, as UTF-8
    void Add(unsigned lo, unsigned hi) {
      if (hi > 0x7f) wide = true;
      for (unsigned c = lo; c <= hi && c < 0x80; ++c) {
        unsigned char l = Lower(static_cast<unsigned char>(c));
        if (IsLetter(l)) letters[l - 'a'] = true;
        else other.Set(static_cast<unsigned char>(c));
      }
    }
    void AddAllLetters() {
      for (bool& l : letters) l = true;
    }
  };

  // A bracket class: each of its letters a beginning of its own, if there
  // are only a few ([sz]; [^0-9] may be any letter).
  Prefixes Class() {
    ++i_;  // '['
    bool negated = false;
    if (i_ < p_.size() && p_[i_] == '^') {
      negated = true;
      ++i_;
    }
    ClassBytes cls;
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      if (p_.substr(i_, 2) == "[:") {
        size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return Fail();
        std::string_view name = p_.substr(i_ + 2, close - i_ - 2);
        i_ = close + 2;
        if (name == "digit") cls.other |= Digits();
        else if (name == "space") cls.other |= Spaces();
        else if (name == "punct" || name == "blank" || name == "cntrl") cls.other |= NonWord();  // a superset
        else cls.AddAllLetters(), cls.other = ByteSet().Flip(), cls.wide = true;  // [:alpha:], [:word:]...
        continue;
      }
      unsigned lo;
      if (!ClassChar(&lo, &cls)) {
        if (!ok_) return {};
        continue;  // \d, \s, \w inside the class
      }
      unsigned hi = lo;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (!ClassChar(&hi, &cls)) return Fail();
      } else if (lo == kWideChar) {
        cls.members.emplace_back(wide_char_);  // one character outside ASCII: its bytes
        continue;
      }
      cls.Add(lo, hi);
    }
    if (i_ >= p_.size()) return Fail();
    ++i_;  // ']'
    if (negated) {
      for (bool& l : cls.letters) l = !l;
      for (unsigned c = 0; c < 0x80; ++c) {
        if (!IsLetter(Lower(static_cast<unsigned char>(c)))) cls.other.Toggle(static_cast<unsigned char>(c));
      }
      cls.wide = true;
    }
    Prefixes out;
    int count = 0;
    for (int k = 0; k < 26; ++k) {
      if (!cls.letters[k]) continue;
      if (++count > 6) return AnyLetter();
      out.push_back(Letter(static_cast<unsigned char>('a' + k))[0]);
    }
    if (cls.wide) {
      out.push_back(OpenNonLetter()[0]);
      return out;
    }
    if (cls.other.Any()) {
      out.push_back(Bytes({cls.other})[0]);
    }
    for (const std::string& member : cls.members) {
      std::vector<ByteSet> bytes(member.size());
      for (size_t k = 0; k < member.size(); ++k) bytes[k].Set(static_cast<unsigned char>(member[k]));
      out.push_back(Bytes(bytes)[0]);
    }
    Normalize(&out);
    return out;
  }

  // One character of a class into *c; false for a class escape (\d, \s,
  // \w, \pL: added to *cls) or an error (ok_ cleared).
  bool ClassChar(unsigned* c, ClassBytes* cls) {
    if (p_[i_] != '\\') {
      unsigned char b = static_cast<unsigned char>(p_[i_++]);
      if (b >= 0x80) {
        // A character outside ASCII, kept in wide_char_ as its UTF-8 bytes.
        size_t from = i_ - 1;
        while (i_ < p_.size() && (static_cast<unsigned char>(p_[i_]) & 0xC0) == 0x80) ++i_;
        wide_char_ = p_.substr(from, i_ - from);
        *c = kWideChar;
        return true;
      }
      *c = b;
      return true;
    }
    if (i_ + 1 >= p_.size()) {
      Fail();
      return false;
    }
    char e = p_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 'd': cls->other |= Digits(); return false;
      case 's': cls->other |= Spaces(); return false;
      case 'W': cls->other |= NonWord(); cls->wide = true; return false;
      case 'x': *c = HexEscape(); return ok_;
      default:
        if (int control = ControlEscape(e); control >= 0) {
          *c = static_cast<unsigned>(control);
          return true;
        }
        if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {  // \w, \S, \D, \pL...
          if (e == 'p' || e == 'P') SkipUnicodeClass();
          cls->AddAllLetters();
          cls->other = ByteSet().Flip();
          cls->wide = true;
          return false;
        }
        if (e >= '0' && e <= '9') {  // an octal escape
          cls->other = ByteSet().Flip();
          cls->wide = true;
          return false;
        }
        *c = static_cast<unsigned char>(e);
        return true;
    }
  }

  std::string_view p_;
  size_t max_length_;
  Memo* memo_;  // may be null
  size_t i_ = 0;
  bool ok_ = true;
  bool fold_case_ = false;
  std::string_view wide_char_;  // the last character outside ASCII that ClassChar read
};

}  // namespace

bool FirstWords(const std::vector<std::string>& patterns, size_t max_length,
                std::map<std::string, FollowBytes>* words) {
  Memo memo;
  for (const std::string& pattern : patterns) {
    Prefixes prefixes;
    Reader reader(pattern, max_length, &memo);
    if (!reader.Read(&prefixes)) return false;
    for (const Item& item : prefixes) {
      FollowBytes follow;
      const int known = reader.fold_case() ? 0 : item.known;
      for (int j = 0; j < known; ++j) follow.allowed[j] = item.tail[j].bits;
      // Past the bytes described, the match may have ended or goes on with
      // bytes unknown: anything, the end of the text too.
      follow.AllowAllFrom(known);
      for (const std::string& w : *item.words) {
        if (!w.empty() && w.size() <= max_length) (*words)[w] |= follow;
      }
    }
  }
  return true;
}

bool FirstWords(std::string_view pattern, size_t max_length, std::map<std::string, FollowBytes>* words) {
  return FirstWords(std::vector<std::string>{std::string(pattern)}, max_length, words);
}

}  // namespace newsgraph::timex
