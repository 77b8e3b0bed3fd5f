#include "extractor/ner/gazetteer.h"

#include <algorithm>
#include <cassert>
#include <cerrno>
#include <cstdio>
#include <cstring>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "extractor/core/utf8.h"
#include "extractor/ner/token_key.h"

namespace newsgraph::ner {
namespace {

constexpr uint8_t kMaxAliasTokens = 16;
// An ngrams_ value: first variant << 9 | count << 1 | kLonger.
constexpr uint32_t kLonger = 1;  // a longer alias starts with this n-gram
constexpr uint32_t kMaxGroup = 255;  // variants kept per n-gram (the first ones read)
constexpr uint32_t kMaxVariants = 1u << 23;
constexpr uint64_t kTooLong = ~0ull;  // AddAlias: more than kMaxAliasTokens tokens
constexpr uint64_t kAnyCaseFirst = 1 << 8;    // in a first_ value
constexpr uint64_t kAdjectiveFirst = 1 << 9;  // in a first_ value: an adjective starts with the word

enum CaseRule : uint8_t { kAnyCase = 0, kCapitalized = 1, kAllCaps = 2 };

}  // namespace

// Normalizes byte by byte: lower-case ASCII, no '.', ’ and ‘ as '.
uint64_t SlowTokenKey(std::string_view t, bool* has_period) {
  uint64_t h = 0, chunk = 0;
  size_t n = 0;  // normalized bytes so far
  bool period = false;
  for (size_t i = 0; i < t.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '.') {
      period = true;
      continue;
    }
    if (c == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) == 0x99 || static_cast<unsigned char>(t[i + 2]) == 0x98)) {
      c = '\'';  // ’ and ‘ as '
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c + 32);
    }
    chunk |= static_cast<uint64_t>(c) << (8 * (n & 7));
    ++n;
    if ((n & 7) == 0) {
      h = ChunkStep(h, chunk);
      chunk = 0;
    }
  }
  if ((n & 7) != 0) h = ChunkStep(h, chunk);
  if (has_period != nullptr) *has_period = period;
  return FinishKey(h, n);
}

namespace {

// Bytes of `t` as a key sees them: without '.', ’ and ‘ as one byte.
size_t NormalizedLength(std::string_view t) {
  size_t n = 0;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '.') continue;
    if (static_cast<unsigned char>(t[i]) == 0xE2 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(t[i + 2]) == 0x99 || static_cast<unsigned char>(t[i + 2]) == 0x98)) {
      i += 2;
    }
    ++n;
  }
  return n;
}

bool IsAsciiAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// The tokens of an alias, split the way the segmenter splits text: words
// (with inner apostrophes and periods), "'s" apart, every other punctuation
// mark alone. At most kMaxAliasTokens; `count` may exceed it (too long).
struct AliasTokens {
  std::string_view tokens[kMaxAliasTokens];
  size_t count = 0;
  // `padded`: s may be read up to 8 bytes past its end (it views a FileText).
  explicit AliasTokens(std::string_view s, bool padded = false);
  void Push(std::string_view t) {
    if (count < kMaxAliasTokens) tokens[count] = t;
    ++count;
  }
  size_t size() const { return std::min<size_t>(count, kMaxAliasTokens); }
};

AliasTokens::AliasTokens(std::string_view s, bool padded) {
  // Most aliases are ASCII letters, digits and single spaces: split at the
  // spaces, and start over on the general path at the first other byte.
  // Eight bytes at a time where the text may be read past its end.
  if (padded) {
    size_t start = 0;
    bool plain = true;
    for (size_t i = 0; i < s.size() && plain; i += 8) {
      const size_t n = std::min<size_t>(8, s.size() - i);
      const uint64_t w = LowBytes(Load64(s.data() + i), n);
      if ((w & kHighs) != 0) {
        plain = false;
        break;
      }
      // Bytes below 0x80: adding moves a byte's high bit only, never a carry.
      const uint64_t lower = w | (kOnes * 0x20);
      const uint64_t letter = (lower + kOnes * (0x80 - 'a')) & ~(lower + kOnes * (0x80 - 'z' - 1));
      const uint64_t digit = (w + kOnes * (0x80 - '0')) & ~(w + kOnes * (0x80 - '9' - 1));
      const uint64_t x = w ^ (kOnes * ' ');
      const uint64_t space = ~(((x & ~kHighs) + ~kHighs) | x) & kHighs;  // exact: no borrow between bytes
      const uint64_t valid = LowBytes(kHighs, n);
      if (((letter | digit | space) & valid) != valid) {
        plain = false;
        break;
      }
      for (uint64_t m = space & valid; m != 0; m &= m - 1) {
        const size_t k = i + static_cast<size_t>(__builtin_ctzll(m)) / 8;
        if (k == start) {  // a leading or double space
          plain = false;
          break;
        }
        Push(s.substr(start, k - start));
        start = k + 1;
      }
    }
    if (plain && start < s.size()) {
      Push(s.substr(start));
      return;
    }
    count = 0;
  } else {
    size_t start = 0, k = 0;
    for (; k < s.size(); ++k) {
      const unsigned char c = static_cast<unsigned char>(s[k]);
      if (c == ' ') {
        if (k == start) break;  // a leading or double space
        Push(s.substr(start, k - start));
        start = k + 1;
      } else if (!IsAsciiAlnum(c)) {
        break;
      }
    }
    if (k == s.size() && start < k) {
      Push(s.substr(start));
      return;
    }
    count = 0;
  }
  size_t i = 0;
  const size_t n = s.size();
  auto is_word = [&](size_t pos, size_t* len) {
    unsigned char c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
      *len = 1;
      return IsAsciiAlnum(c);
    }
    return IsUnicodeWordChar(DecodeUtf8(s, pos, len));  // as the segmenter reads it
  };
  auto is_apostrophe = [&](size_t pos, size_t* len) {
    if (s[pos] == '\'') {
      *len = 1;
      return true;
    }
    if (static_cast<unsigned char>(s[pos]) < 0x80) return false;
    return IsUnicodeApostrophe(DecodeUtf8(s, pos, len));
  };
  while (i < n) {
    size_t len;
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    if (is_word(i, &len)) {
      size_t end = i;
      while (end < n) {
        size_t l;
        if (is_word(end, &l)) {
          end += l;
        } else if (s[end] == '.') {
          ++end;  // "U.S.", "St." stay one token; the key drops periods
        } else if (is_apostrophe(end, &l)) {
          size_t after = end + l;
          bool clitic_s = after < n && (s[after] | 0x20) == 's' && (after + 1 >= n || !IsAsciiAlnum(s[after + 1]));
          size_t l2;
          if (!clitic_s && after < n && is_word(after, &l2)) {
            end = after;
          } else {
            break;
          }
        } else {
          break;
        }
      }
      Push(s.substr(i, end - i));
      i = end;
      continue;
    }
    if (is_apostrophe(i, &len) && i + len < n && (s[i + len] | 0x20) == 's') {
      Push(s.substr(i, len + 1));
      i += len + 1;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      DecodeUtf8(s, i, &len);
    } else {
      len = 1;
    }
    if (s[i] != '.') Push(s.substr(i, len));
    i += len;
  }
}

// RuleOf for an ASCII token that may be read up to 8 bytes past its end
// (it views a FileText): eight bytes at a time, with masks of the letters
// and the capitals among them. Returns false for a token with other bytes.
bool PaddedAsciiRule(std::string_view token, CaseRule* rule) {
  uint64_t letters = 0, upper = 0;  // counts
  bool first_upper = false, seen_letter = false;
  for (size_t i = 0; i < token.size(); i += 8) {
    const uint64_t w = LowBytes(Load64(token.data() + i), std::min<size_t>(8, token.size() - i));
    if ((w & kHighs) != 0) return false;
    // Bytes below 0x80: adding moves a byte's high bit only, never a carry.
    const uint64_t lower = w | (kOnes * 0x20);
    const uint64_t letter = (lower + kOnes * (0x80 - 'a')) & ~(lower + kOnes * (0x80 - 'z' - 1)) & kHighs;
    const uint64_t capital = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & kHighs;
    if (!seen_letter && letter != 0) {
      seen_letter = true;
      first_upper = (capital & (letter & (0 - letter))) != 0;  // the lowest letter is a capital
    }
    // Counted by a multiply: the bytes' 0/1 flags summed into the top byte.
    letters += ((letter >> 7) * kOnes) >> 56;
    upper += ((capital >> 7) * kOnes) >> 56;
  }
  *rule = letters >= 2 && upper == letters ? kAllCaps : first_upper ? kCapitalized : kAnyCase;
  return true;
}

CaseRule RuleOf(std::string_view token, bool after_hyphen) {
  if (after_hyphen) return kAnyCase;
  int letters = 0, upper = 0;
  bool first_upper = false;
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++letters;
      if (c <= 'Z') {
        ++upper;
        if (letters == 1) first_upper = true;
      }
    } else if (c >= 0x80) {
      size_t len;
      char32_t cp = DecodeUtf8(token, i, &len);
      ++letters;
      if (IsUnicodeUpper(cp)) {
        ++upper;
        if (letters == 1) first_upper = true;
      }
      i += len - 1;
    }
  }
  if (letters >= 2 && upper == letters) return kAllCaps;
  if (first_upper) return kCapitalized;
  return kAnyCase;
}

// Calls fn(part) for each non-empty '|'-separated part, spaces trimmed.
template <typename Fn>
void ForEachBar(std::string_view s, Fn fn) {
  while (!s.empty()) {
    size_t bar = s.find('|');
    std::string_view part = s.substr(0, bar);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) fn(part);
    if (bar == std::string_view::npos) break;
    s.remove_prefix(bar + 1);
  }
}

// --- data files ----------------------------------------------------------
// The large data files (60,000 gazetteer rows, 68,000 lexicon rows) are
// split in place: the same format as core/tsv_reader.h ('#' comments, blank
// lines skipped, a header, CR and BOM dropped, a row may be shorter than the
// header but not longer), with the fields of a row in a fixed array, so that
// no row allocates.
constexpr int kMaxColumns = 24;

// A file's bytes and kPadding zero bytes after them, so that keys can be
// read eight bytes at a time up to the last field.
using FileText = std::vector<char, HugePageAllocator<char>>;
constexpr size_t kPadding = 16;

// Reads a whole file into *out (large files land in huge pages).
Status ReadWholeFile(const std::string& path, FileText* out) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    const int err = errno;
    const std::string message = path + ": " + std::strerror(err);
    return err == ENOENT ? NotFound(message) : IoError(message);
  }
  out->clear();
  size_t size = 0;
  if (std::fseek(f, 0, SEEK_END) == 0) {
    const long end = std::ftell(f);
    if (end > 0) size = static_cast<size_t>(end);
    std::rewind(f);
  }
  // Room for the padding too: growing by it later would map a buffer twice
  // the size and copy the file into it (4 MB more to fault in for cities.tsv).
  out->reserve(size + kPadding);
  out->resize(size);
  size_t got = size == 0 ? 0 : std::fread(out->data(), 1, size, f);
  out->resize(got);
  char buf[1 << 14];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out->insert(out->end(), buf, buf + n);  // grew, or unseekable
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError(path + ": read error");
  out->resize(out->size() + kPadding, 0);
  return Status::Ok();
}

// The text of a file without its padding.
std::string_view View(const FileText& t) { return std::string_view(t.data(), t.size() - kPadding); }

// TokenKey of a view into a FileText, which may read up to kPadding bytes
// past its end: eight bytes at a time, no copy.
uint64_t PaddedKey(std::string_view t) {
  uint64_t h = 0;
  for (size_t i = 0; i < t.size(); i += 8) {
    const size_t n = std::min<size_t>(8, t.size() - i);
    const uint64_t w = LowBytes(Load64(t.data() + i), n);
    if ((w & kHighs) != 0 || PeriodBits(w, n) != 0) return SlowTokenKey(t, nullptr);
    // High bit of each byte in 'A'..'Z', moved to the 0x20 bit.
    const uint64_t upper = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & kHighs;
    h = ChunkStep(h, w | upper >> 2);
  }
  return FinishKey(h, t.size());
}

class RowScanner {
 public:
  RowScanner(std::string_view name, std::string_view content) : name_(name), content_(content) {}

  // Reads the header; fails when there is none or it lacks a required column.
  Status ReadHeader(std::initializer_list<std::string_view> required) {
    columns_ = ScanLine(header_);
    if (columns_ == 0) return DataError(std::string(name_) + ":1: no header line");
    if (columns_ > kMaxColumns) return Error("header has more than " + std::to_string(kMaxColumns) + " columns");
    for (std::string_view c : required) {
      if (Column(c) < 0) return Error("header lacks column '" + std::string(c) + "'");
    }
    return Status::Ok();
  }
  int Column(std::string_view name) const {
    for (int i = 0; i < std::min(columns_, kMaxColumns); ++i) {
      if (header_[i] == name) return i;
    }
    return -1;
  }
  // The next data row; false at the end or on an error (see status()).
  bool Next() {
    if (!status_.ok()) return false;
    const int n = ScanLine(fields_);
    if (n == 0) return false;
    if (n > columns_) {
      status_ = Error("row has " + std::to_string(n) + " fields, header has " + std::to_string(columns_));
      return false;
    }
    for (int i = n; i < columns_; ++i) fields_[i] = {};
    return true;
  }
  std::string_view Get(int column) const { return column >= 0 ? fields_[column] : std::string_view(); }
  const Status& status() const { return status_; }
  int line() const { return line_; }
  // DataError "name:line: message".
  Status Error(std::string_view message) const {
    return DataError(std::string(name_) + ":" + std::to_string(line_) + ": " + std::string(message));
  }

 private:
  // Splits the next line that is neither blank nor a comment into out[] (up
  // to kMaxColumns fields) and returns how many fields it has; 0 at the end.
  // One pass over the bytes, eight at a time, with a mask of the tabs and
  // line ends among them.
  int ScanLine(std::string_view* out) {
    const char* data = content_.data();
    const size_t size = content_.size();
    while (pos_ < size) {
      ++line_;
      size_t i = pos_;
      if (line_ == 1 && content_.substr(0, 3) == "\xEF\xBB\xBF") i += 3;  // BOM
      const bool skip = i >= size || data[i] == '#' || data[i] == '\n' ||
                        (data[i] == '\r' && (i + 1 == size || data[i + 1] == '\n'));
      if (skip) {
        const void* nl = i < size ? std::memchr(data + i, '\n', size - i) : nullptr;
        pos_ = nl == nullptr ? size : static_cast<size_t>(static_cast<const char*>(nl) - data) + 1;
        continue;
      }
      int n = 0;
      size_t field_begin = i;
      auto add = [&](size_t end) {
        if (n < kMaxColumns) out[n] = std::string_view(data + field_begin, end - field_begin);
        ++n;
      };
      for (size_t base = i;; base += 16) {
        uint32_t m = DelimiterMask(data, base, size);  // bit k: byte base + k is a tab or line end
        for (; m != 0; m &= m - 1) {
          const size_t at = base + static_cast<size_t>(__builtin_ctz(m));
          add(at);
          if (data[at] == '\n') {
            pos_ = at + 1;
            return EndLine(out, n);
          }
          field_begin = at + 1;
        }
        if (base + 16 >= size) {  // the last line, without a line end
          add(size);
          pos_ = size;
          return EndLine(out, n);
        }
      }
    }
    return 0;
  }
  // A mask of the tabs and line ends among the 16 bytes from data + base
  // (fewer at the end of the text).
  static uint32_t DelimiterMask(const char* data, size_t base, size_t size) {
    char block[16] = {0};
    const char* p = data + base;
    if (base + 16 > size) {  // zero padding matches nothing
      std::memcpy(block, data + base, base < size ? size - base : 0);
      p = block;
    }
#ifdef __SSE2__
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const __m128i hits = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\t')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n')));
    return static_cast<uint32_t>(_mm_movemask_epi8(hits));
#else
    uint32_t m = 0;
    for (int k = 0; k < 16; ++k) m |= static_cast<uint32_t>(p[k] == '\t' || p[k] == '\n') << k;
    return m;
#endif
  }
  // Drops the CR of a CRLF line end.
  static int EndLine(std::string_view* out, int n) {
    std::string_view& last = out[std::min(n, kMaxColumns) - 1];
    if (n <= kMaxColumns && !last.empty() && last.back() == '\r') last.remove_suffix(1);
    return n;
  }

  std::string_view name_;
  std::string_view content_;
  size_t pos_ = 0;
  int line_ = 0;
  int columns_ = 0;
  std::string_view header_[kMaxColumns];
  std::string_view fields_[kMaxColumns];
  Status status_;
};

}  // namespace


uint64_t TokenKey(std::string_view t) {
  // Eight bytes at a time while they are ASCII without '.': lower-cased in
  // the word, they are their own normal form.
  uint64_t h = 0;
  size_t i = 0;
  for (; i < t.size(); i += 8) {
    const size_t n = std::min<size_t>(8, t.size() - i);
    uint64_t w = 0;
    std::memcpy(&w, t.data() + i, n);
    if ((w & kHighs) != 0 || PeriodBits(w, n) != 0) return SlowTokenKey(t, nullptr);
    // High bit of each byte in 'A'..'Z', moved to the 0x20 bit.
    const uint64_t upper = (w + kOnes * (0x80 - 'A')) & ~(w + kOnes * (0x80 - 'Z' - 1)) & kHighs;
    h = ChunkStep(h, w | upper >> 2);
  }
  return FinishKey(h, t.size());
}

uint64_t TokenKeyAt(std::string_view folded, const Token& token, bool* has_period) {
  return FastTokenKeyAt(folded, token, has_period);
}

void ComputeTokenKeys(const Document& doc, std::vector<uint64_t>* keys, std::vector<uint8_t>* periods) {
  const size_t n = doc.tokens.size();
  keys->resize(n);
  if (periods != nullptr) periods->resize(n);
  const std::string_view folded(doc.folded);
  PlainTokens plain(folded);
  for (size_t i = 0; i < n; ++i) {
    const Token& token = doc.tokens[i];
    bool period = false;
    if (plain.IsPlain(token)) {
      (*keys)[i] = PlainTokenKey(folded.data() + token.span.begin, token.span.size());
    } else {
      (*keys)[i] = FastTokenKeyAt(folded, token, &period);
      plain.Skip(token);
    }
    if (periods != nullptr) (*periods)[i] = period;
  }
}

// --- FlatKeyMap --------------------------------------------------------------

void FlatKeyMap::Reserve(size_t n) {
  size_t cap = 16;
  while (cap * 3 < n * 4) cap <<= 1;  // load factor at most 3/4
  if (cap <= slots_.size()) return;
  auto old = std::move(slots_);
  slots_ = {};
  slots_.assign(cap, Slot{0, 0});
  size_ = 0;
  for (const Slot& s : old) {
    if (s.key != 0) Set(s.key, s.value);
  }
}

void FlatKeyMap::Grow() { Reserve(slots_.empty() ? 8 : slots_.size() * 3 / 2 + 1); }

void FlatKeyMap::Set(uint64_t key, uint64_t value) {
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  key = SlotKey(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = Spread(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) {
      slots_[i].value = value;
      return;
    }
    if (slots_[i].key == 0) {
      slots_[i] = Slot{key, value};
      ++size_;
      return;
    }
  }
}

uint64_t* FlatKeyMap::FindOrAdd(uint64_t key, bool* added) {
  if ((size_ + 1) * 4 > slots_.size() * 3) Grow();
  key = SlotKey(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = Spread(key) & mask;; i = (i + 1) & mask) {
    if (slots_[i].key == key) {
      *added = false;
      return &slots_[i].value;
    }
    if (slots_[i].key == 0) {
      slots_[i] = Slot{key, 0};
      ++size_;
      *added = true;
      return &slots_[i].value;
    }
  }
}

// --- CompactKeyMap ----------------------------------------------------------

void CompactKeyMap::Reserve(size_t n, size_t sparseness) {
  size_t cap = 16;
  while (cap * 3 < n * 4 || cap < n * sparseness) cap <<= 1;  // load factor at most 3/4
  if (cap <= slots_.size()) return;
  // Rehashing needs the full hash, which the slots do not keep: only an
  // empty table can grow.
  assert(size_ == 0);
  slots_.assign(cap, Slot{0, 0});
}

void CompactKeyMap::Set(uint64_t hash, uint32_t value) {
  bool added;
  *FindOrAdd(hash, &added) = value;
}

uint32_t* CompactKeyMap::FindOrAdd(uint64_t hash, bool* added) {
  assert((size_ + 1) * 4 <= slots_.size() * 3);
  const uint32_t fp = Fingerprint(hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    if (slots_[i].fingerprint == fp) {
      *added = false;
      return &slots_[i].value;
    }
    if (slots_[i].fingerprint == 0) {
      slots_[i] = Slot{fp, 0};
      ++size_;
      *added = true;
      return &slots_[i].value;
    }
  }
}

// --- Lexicon ---------------------------------------------------------------

Result<Lexicon> Lexicon::Load(const std::string& dir) {
  Lexicon lex;
  {
    const std::string path = dir + "/first_names.tsv";
    FileText content;
    RETURN_IF_ERROR(ReadWholeFile(path, &content));
    RowScanner tsv(path, View(content));
    RETURN_IF_ERROR(tsv.ReadHeader({"name"}));
    const int col = tsv.Column("name");
    lex.first_names.Reserve(10000);
    while (tsv.Next()) {
      std::string_view name = tsv.Get(col);
      if (name.empty()) return tsv.Error("empty name");
      lex.first_names.Set(PaddedKey(name), 1);
    }
    RETURN_IF_ERROR(tsv.status());
  }
  {
    const std::string path = dir + "/common_words.tsv";
    FileText content;
    RETURN_IF_ERROR(ReadWholeFile(path, &content));
    RowScanner tsv(path, View(content));
    RETURN_IF_ERROR(tsv.ReadHeader({"word", "level"}));
    const int word = tsv.Column("word"), level = tsv.Column("level");
    lex.common_words.Reserve(70000);
    while (tsv.Next()) {
      std::string_view w = tsv.Get(word);
      std::string_view l = tsv.Get(level);
      if (w.empty()) return tsv.Error("empty word");
      int value = 0;
      for (char c : l) {
        if (c < '0' || c > '9' || value > 1000) return tsv.Error("level must be a number, not '" + std::string(l) + "'");
        value = value * 10 + (c - '0');
      }
      if (value <= 0 || value > 100) return tsv.Error("level must be in 1..100");
      uint64_t key = PaddedKey(w);
      bool added;
      if (uint64_t* v = lex.common_words.FindOrAdd(key, &added); added) {  // the first row of a word wins
        *v = static_cast<uint64_t>(value);
        if (NormalizedLength(w) <= 3) lex.short_words.Set(key, static_cast<uint64_t>(value));
      }
    }
    RETURN_IF_ERROR(tsv.status());
  }
  return lex;
}

// Words with periods ("J.", "St.") are initials and abbreviations, never list words.
bool Lexicon::IsFirstName(std::string_view lower) const {
  return lower.find('.') == std::string_view::npos && first_names.Find(TokenKey(lower)) != nullptr;
}

int Lexicon::CommonLevel(std::string_view lower) const {
  if (lower.find('.') != std::string_view::npos) return 0;
  const uint64_t* v = common_words.Find(TokenKey(lower));
  return v == nullptr ? 0 : static_cast<int>(*v);
}

// --- Gazetteer -------------------------------------------------------------

std::vector<std::string> GazetteerEntry::SameAs() const {
  std::vector<std::string> out;
  if (!same_as.empty()) out.reserve(1 + std::count(same_as.begin(), same_as.end(), '|'));  // one allocation
  ForEachBar(same_as, [&](std::string_view s) { out.emplace_back(s); });
  return out;
}

namespace {

// True when `token` starts with an ASCII letter or a character the segmenter
// reads as part of a word: a document token of the same key then starts with
// it too, and is a word.
bool StartsWithLetter(std::string_view token) {
  if (token.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(token[0]);
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  size_t length;
  return IsUnicodeWordChar(DecodeUtf8(token, 0, &length));
}

}  // namespace

uint64_t Gazetteer::AddAlias(std::string_view alias, uint32_t entry, bool adjective, bool exact_name) {
  const AliasTokens tokens(alias, /*padded=*/true);  // aliases view the loaded files
  const size_t n = tokens.size();
  if (n == 0) return 0;
  if (tokens.count > kMaxAliasTokens) return kTooLong;  // the canonical name is not checked
  uint64_t h = 0, first = 0;
  uint32_t cases = 0;
  for (size_t k = 0; k < n; ++k) {
    if (k > 0) prefixes_.push_back(h);
    const uint64_t key = PaddedKey(tokens.tokens[k]);  // aliases view the loaded files
    if (k == 0) first = key;
    h = NgramStep(h, key);
    const bool after_hyphen = k > 0 && tokens.tokens[k - 1] == "-";
    CaseRule rule = kAnyCase;
    if (!after_hyphen && !PaddedAsciiRule(tokens.tokens[k], &rule)) rule = RuleOf(tokens.tokens[k], false);
    cases |= static_cast<uint32_t>(rule) << (2 * k);
  }
  if (adjective && !StartsWithLetter(tokens.tokens[0])) adjectives_start_with_letters_ = false;
  const uint8_t length = static_cast<uint8_t>(n);
  pending_.push_back(PendingAlias{h, static_cast<uint32_t>(pending_.size()),
                                  Variant{entry, cases, length, adjective, exact_name || n > 1}});
  // first_: the longest length in the low byte, kAnyCaseFirst when some alias's
  // first token matches any case ("al", "de", "1920"), kAdjectiveFirst when
  // an adjective starts with it.
  const uint64_t flags = ((cases & 3) == kAnyCase ? kAnyCaseFirst : 0) | (adjective ? kAdjectiveFirst : 0);
  bool added;
  uint64_t* longest = first_.FindOrAdd(first, &added);
  if (added) *longest = length | flags;
  else *longest = std::max<uint64_t>(*longest & 0xff, length) | (*longest & (kAnyCaseFirst | kAdjectiveFirst)) | flags;
  return h;
}

Status Gazetteer::Index() {
  // Groups the aliases by n-gram hash, each group in the order added (the
  // order decides ties downstream), without sorting: ngrams_ first numbers
  // the groups in the order they appear and counts their aliases, then every
  // alias is placed in its group's range, and finally each group is copied
  // into variants_ without duplicates and ngrams_ set to where it lies.
  ngrams_.Reserve(pending_.size() + prefixes_.size());
  struct Group {
    uint32_t begin = 0, size = 0;
  };
  std::vector<Group> groups;
  groups.reserve(pending_.size());
  for (PendingAlias& a : pending_) {
    bool added;
    uint32_t* g = ngrams_.FindOrAdd(a.hash, &added);
    if (added) {
      *g = static_cast<uint32_t>(groups.size());
      groups.push_back(Group{0, 0});
    }
    a.order = *g;  // from here on: the alias's group
    ++groups[*g].size;
  }
  uint32_t total = 0;
  for (Group& g : groups) {
    g.begin = total;
    total += g.size;
    g.size = 0;  // filled again below
  }
  std::vector<Variant, HugePageAllocator<Variant>> placed(pending_.size());
  for (const PendingAlias& a : pending_) {
    Group& g = groups[a.order];
    placed[g.begin + g.size++] = a.variant;
  }
  std::vector<uint64_t, HugePageAllocator<uint64_t>> group_hash(groups.size());
  for (const PendingAlias& a : pending_) group_hash[a.order] = a.hash;
  variants_.reserve(pending_.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    const uint64_t begin = variants_.size();
    for (uint32_t j = g.begin; j < g.begin + g.size; ++j) {
      const Variant& v = placed[j];
      bool duplicate = false;  // the same alias twice for one entry: keep one
      for (uint64_t k = begin; k < variants_.size() && !duplicate; ++k) {
        const Variant& o = variants_[k];
        duplicate = o.entry == v.entry && o.adjective == v.adjective && o.length == v.length && o.cases == v.cases;
      }
      if (!duplicate && variants_.size() - begin < kMaxGroup) variants_.push_back(v);
    }
    if (variants_.size() > kMaxVariants) return DataError("more than 8 million gazetteer aliases");
    ngrams_.Set(group_hash[gi], static_cast<uint32_t>(begin << 9 | (variants_.size() - begin) << 1));
  }
  for (uint64_t h : prefixes_) {
    if (uint32_t* v = ngrams_.FindMutable(h)) *v |= kLonger;
    else ngrams_.Set(h, kLonger);
  }
  pending_ = {};
  prefixes_ = {};
  return Status::Ok();
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const std::vector<std::string>& files, const Lexicon& lexicon) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  std::vector<bool> generated;
  for (const std::string& path : files) {
    FileText& content = g->texts_.emplace_back();
    RETURN_IF_ERROR(ReadWholeFile(path, &content));
    generated.push_back(View(content).substr(0, 14) == "# GENERATED BY");
  }
  // Hand-written files first, so that their names and fields win.
  std::vector<size_t> order(files.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return !generated[a] && generated[b]; });

  size_t rows = 16;
  for (const FileText& t : g->texts_) {
    for (const char* p = t.data(), *end = t.data() + t.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)))) != nullptr; ++p) {
      ++rows;
    }
  }
  g->entries_.reserve(rows);
  g->by_id_.Reserve(rows);
  g->first_.Reserve(rows);
  g->pending_.reserve(rows * 2);
  g->prefixes_.reserve(rows * 2);
  for (size_t f : order) {
    RowScanner tsv(files[f], View(g->texts_[f]));
    RETURN_IF_ERROR(tsv.ReadHeader({"id", "type", "name"}));
    const int c_id = tsv.Column("id"), c_type = tsv.Column("type"), c_subtype = tsv.Column("subtype"),
              c_name = tsv.Column("name"), c_aliases = tsv.Column("aliases"), c_country = tsv.Column("country"),
              c_capital = tsv.Column("capital_of"), c_adj = tsv.Column("adjectives"),
              c_pop = tsv.Column("population"), c_same = tsv.Column("same_as"), c_roles = tsv.Column("roles");
    std::string_view base = files[f];
    if (size_t slash = base.rfind('/'); slash != std::string_view::npos) base.remove_prefix(slash + 1);
    // The base name must outlive the caller's vector: keep a copy.
    g->owned_.emplace_back(base);
    base = g->owned_.back();
    while (tsv.Next()) {
      std::string_view id = tsv.Get(c_id), type = tsv.Get(c_type), name = tsv.Get(c_name);
      if (id.empty()) return tsv.Error("empty id");
      if (name.empty()) return tsv.Error("empty name");
      if (name.find('|') != std::string_view::npos) return tsv.Error("name holds '|'");
      EntityType t;
      if (type == "Person") t = EntityType::kPerson;
      else if (type == "Place") t = EntityType::kPlace;
      else if (type == "Organization") t = EntityType::kOrganization;
      else return tsv.Error("type must be Person, Place or Organization, not '" + std::string(type) + "'");
      std::string_view country = tsv.Get(c_country), capital = tsv.Get(c_capital);
      for (std::string_view code : {country, capital}) {
        if (!code.empty() && (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z')) {
          return tsv.Error("country codes are ISO 3166-1 alpha-2 in capitals, not '" + std::string(code) + "'");
        }
      }
      uint64_t population = 0;
      for (char c : tsv.Get(c_pop)) {
        if (c < '0' || c > '9') return tsv.Error("population must be a whole number");
        population = population * 10 + static_cast<uint64_t>(c - '0');
      }
      const uint64_t id_hash = PaddedKey(id) ^ 0x5bd1e995ull;
      uint32_t index;
      if (const uint64_t* found = g->by_id_.Find(id_hash); found != nullptr && g->entries_[*found].id == id) {
        index = static_cast<uint32_t>(*found);
        GazetteerEntry& e = g->entries_[index];
        if (e.type != t) return tsv.Error("id " + std::string(id) + " was read before with another type");
        if (e.subtype.empty()) e.subtype = tsv.Get(c_subtype);
        if (e.country.empty()) e.country = country;
        if (e.capital_of.empty()) e.capital_of = capital;
        if (e.population == 0) e.population = population;
        // Merged lists live in owned_, whose strings never move.
        for (auto [field, value] : {std::pair{&e.same_as, tsv.Get(c_same)}, std::pair{&e.roles, tsv.Get(c_roles)}}) {
          if (value.empty()) continue;
          if (field->empty()) {
            *field = value;
          } else if (field->find(value) == std::string_view::npos) {
            g->owned_.push_back(std::string(*field) + "|" + std::string(value));
            *field = g->owned_.back();
          }
        }
      } else {
        if (found != nullptr) return tsv.Error("id hash collision: " + std::string(id));
        index = static_cast<uint32_t>(g->entries_.size());
        GazetteerEntry e;
        e.id = id;
        e.type = t;
        e.subtype = tsv.Get(c_subtype);
        e.name = name;
        e.country = country;
        e.capital_of = capital;
        e.same_as = tsv.Get(c_same);
        e.roles = tsv.Get(c_roles);
        e.population = population;
        e.source = base;
        e.curated = !generated[f];
        g->entries_.push_back(e);
        g->by_id_.Set(id_hash, index);
      }
      const bool is_country = g->entries_[index].IsCountry();
      g->AddAlias(name, index, false, true);
      std::string_view too_long;
      ForEachBar(tsv.Get(c_aliases), [&](std::string_view a) {
        if (g->AddAlias(a, index, false, false) == kTooLong) too_long = a;
      });
      ForEachBar(tsv.Get(c_adj), [&](std::string_view a) {
        const uint64_t h = g->AddAlias(a, index, true, false);
        if (h == kTooLong) too_long = a;
        else if (is_country && t == EntityType::kPlace && g->adjective_country_.Find(h) == nullptr) {
          g->adjective_country_.Set(h, index);
        }
      });
      if (!too_long.empty()) return tsv.Error("alias longer than 16 tokens: '" + std::string(too_long) + "'");
    }
    RETURN_IF_ERROR(tsv.status());
  }
  RETURN_IF_ERROR(g->Index());
  for (uint32_t i = 0; i < g->entries_.size(); ++i) {
    GazetteerEntry& e = g->entries_[i];
    if (e.type == EntityType::kPlace && e.IsCountry() && !e.country.empty()) {
      if (g->country_by_code_.Find(TokenKey(e.country)) == nullptr) g->country_by_code_.Set(TokenKey(e.country), i);
    }
    if (!e.capital_of.empty()) {
      uint64_t* cur = g->capital_by_code_.FindMutable(TokenKey(e.capital_of));
      if (cur == nullptr) g->capital_by_code_.Set(TokenKey(e.capital_of), i);
      else if (g->entries_[*cur].population < e.population) *cur = i;
    }
    // As CommonLevel and IsFirstName, with one key: names view the loaded
    // (padded) files.
    if (!e.curated && e.name.find(' ') == std::string_view::npos && e.name.find('.') == std::string_view::npos) {
      const uint64_t key = PaddedKey(e.name);
      const uint64_t* level = lexicon.common_words.Find(key);
      e.ambiguous_word = (level != nullptr && *level > 0 && *level <= 50) || lexicon.first_names.Find(key) != nullptr;
    }
  }
  return g;
}

uint32_t Gazetteer::MatchAt(const Document& doc, const std::vector<uint64_t>& keys, uint32_t i,
                            std::vector<Candidate>* out) const {
  out->clear();
  const Token* token = doc.tokens.data() + i;
  const uint64_t* key = keys.data() + i;
  const CompactKeyMap::View ngrams = ngrams_.view();
  const Variant* variants = variants_.data();
  const uint32_t max_len = std::min<uint32_t>(kMaxAliasTokens, static_cast<uint32_t>(doc.tokens.size()) - i);
  const uint32_t sentence = token->sentence;
  uint64_t h = 0;
  uint32_t best = 0;
  // The case rules each token breaks, two bits a token as in Variant::cases:
  // bit 0 kCapitalized (the token is neither capitalised nor all capitals),
  // bit 1 kAllCaps (it is not all capitals). Looked up by the token's two
  // case flags, a nibble each: none 3, capitalised 2, all capitals 0.
  static_assert(kTokCapitalized == 1 << 3 && kTokAllCaps == 1 << 4);
  constexpr uint32_t kBrokenRules = 0x0023;
  uint32_t broken = 0;
  if (max_len == 0) return 0;  // i is the end of the document
  for (uint32_t len = 1;; ++len, ++token) {
    h = NgramStep(h, key[len - 1]);
    const uint32_t found = ngrams.Get(h);
    if (found == 0) break;
    broken |= ((kBrokenRules >> (4 * ((token->flags >> 3) & 3))) & 3) << (2 * (len - 1));
    const uint32_t begin = found >> 9, count = (found >> 1) & kMaxGroup;
    assert(begin + count <= variants_.size());
    const size_t shorter = out->size();  // candidates of a shorter match
    for (const Variant* v = variants + begin; v != variants + begin + count; ++v) {
      if (v->length != len || (v->cases & broken) != 0) continue;
      out->push_back(Candidate{v->entry, v->adjective, v->exact_name});
    }
    if (out->size() != shorter) {  // a longer match replaces a shorter one
      if (shorter != 0) out->erase(out->begin(), out->begin() + static_cast<std::ptrdiff_t>(shorter));
      best = len;
    }
    // Nothing longer to find, or no token for it: a name never runs across
    // a sentence end. Tested here, after the first token, not before each.
    if ((found & kLonger) == 0 || len == max_len || token[1].sentence != sentence) break;
  }
  return best;
}

uint32_t Gazetteer::LongestStartingWith(uint64_t key) const {
  const uint64_t* f = first_.Find(key);
  return f == nullptr ? 0 : static_cast<uint32_t>(*f & 0xff);
}

const GazetteerEntry* Gazetteer::FindById(std::string_view id) const {
  const uint64_t* found = by_id_.Find(TokenKey(id) ^ 0x5bd1e995ull);
  if (found == nullptr || entries_[*found].id != id) return nullptr;
  return &entries_[*found];
}

const GazetteerEntry* Gazetteer::Country(std::string_view alpha2) const {
  const uint64_t* found = country_by_code_.Find(TokenKey(alpha2));
  return found == nullptr ? nullptr : &entries_[*found];
}

const GazetteerEntry* Gazetteer::CapitalOf(std::string_view alpha2) const {
  const uint64_t* found = capital_by_code_.Find(TokenKey(alpha2));
  return found == nullptr ? nullptr : &entries_[*found];
}

const GazetteerEntry* Gazetteer::CountryOfAdjective(std::string_view text) const {
  const AliasTokens tokens(text);
  uint64_t h = 0;
  for (size_t k = 0; k < tokens.size(); ++k) h = NgramStep(h, TokenKey(tokens.tokens[k]));
  const uint64_t* found = adjective_country_.Find(h);
  return found == nullptr ? nullptr : &entries_[*found];
}

}  // namespace newsgraph::ner
