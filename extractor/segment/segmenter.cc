#include "extractor/segment/segmenter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <new>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extractor/core/bytes.h"
#include "extractor/core/tsv_reader.h"
#include "extractor/core/utf8.h"

namespace newsgraph::segment {
namespace {

bool IsAsciiAlpha(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool IsAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Code point classes the tokenizer cares about.
enum class CharClass : uint8_t { kSpace, kNewline, kWord, kDigit, kApostrophe, kPunct };

// Class of each ASCII byte, and whether it is an upper- or lower-case letter:
// a table lookup keeps the per-byte cost of tokenizing to a few instructions.
struct AsciiInfo {
  CharClass cls;
  bool upper;
  bool lower;
};
constexpr std::array<AsciiInfo, 128> kAscii = [] {
  std::array<AsciiInfo, 128> t{};
  for (int c = 0; c < 128; ++c) {
    CharClass k = CharClass::kPunct;
    if (c == '\n') k = CharClass::kNewline;
    else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') k = CharClass::kSpace;
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = CharClass::kWord;
    else if (c >= '0' && c <= '9') k = CharClass::kDigit;
    else if (c == '\'') k = CharClass::kApostrophe;
    t[c] = AsciiInfo{k, c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z'};
  }
  return t;
}();

// Per byte, for the inner loop of words: an ASCII letter or digit (the
// word goes on), and the case of a letter. Bytes >= 0x80 and everything
// else stop the fast loop.
constexpr uint8_t kWordContinues = 1, kWordUpper = 2, kWordLetter = 4, kWordLower = 8;
constexpr std::array<uint8_t, 256> kWordByte = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 128; ++c) {
    if (c >= '0' && c <= '9') t[c] = kWordContinues;
    if (c >= 'A' && c <= 'Z') t[c] = kWordContinues | kWordUpper | kWordLetter;
    if (c >= 'a' && c <= 'z') t[c] = kWordContinues | kWordLower | kWordLetter;
  }
  return t;
}();

// What the quick paths of the tokenizer do with a byte that starts a token
// (or is a space between tokens). Apostrophes and bytes >= 0x80 take the
// general path.
enum class ByteKind : uint8_t { kLetter, kDigit, kSpace, kNewline, kDot, kPunct, kTerminal, kGeneral };
constexpr std::array<ByteKind, 256> kByteKind = [] {
  std::array<ByteKind, 256> t{};
  for (int c = 0; c < 256; ++c) {
    ByteKind k = ByteKind::kGeneral;
    if (c < 0x80) {
      switch (kAscii[c].cls) {
        case CharClass::kWord: k = ByteKind::kLetter; break;
        case CharClass::kDigit: k = ByteKind::kDigit; break;
        case CharClass::kSpace: k = ByteKind::kSpace; break;
        case CharClass::kNewline: k = ByteKind::kNewline; break;
        case CharClass::kApostrophe: k = ByteKind::kGeneral; break;
        case CharClass::kPunct:
          k = c == '.' ? ByteKind::kDot : c == '!' || c == '?' ? ByteKind::kTerminal : ByteKind::kPunct;
          break;
      }
    }
    t[c] = k;
  }
  return t;
}();

// Per byte after a run of ASCII letters and digits: whether it ends a word
// run (kEndsWord) or a number run (kEndsNumber) there for sure. Not for
// apostrophes and bytes >= 0x80, which may join the token, nor for '.' or
// a separator inside a number ("1,000"), which need a closer look.
constexpr uint8_t kEndsWord = 1, kEndsNumber = 2;
constexpr std::array<uint8_t, 256> kRunEnd = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 0x80; ++c) {
    if (c != '\'' && c != '.') t[c] |= kEndsWord;
    if (c != '.' && c != ',' && c != ':') t[c] |= kEndsNumber;
  }
  return t;
}();

// Bit k for byte k of a 64-byte window of the text: an ASCII letter or
// digit, an upper-case and a lower-case ASCII letter. The quick paths read
// a token's extent and shape from them, not from its bytes.
struct WindowBits {
  uint64_t alnum = 0;
  uint64_t upper = 0;
  uint64_t lower = 0;
};

// The bits of the 64 bytes at p, of which the first `avail` are text (the
// rest count as zero bytes); writes their folded copy to folded[0, avail).
// Folding here saves a pass over the text.
inline WindowBits ClassifyWindow(const char* p, size_t avail, char* folded) {
  char in[64], out[64];
  const bool whole = avail >= 64;
  if (!whole) {  // the end of the text
    std::memset(in, 0, sizeof(in));
    std::memcpy(in, p, avail);
    p = in;
  }
  char* dst = whole ? folded : out;
  WindowBits w;
#if defined(__SSE2__)
  for (int k = 0; k < 4; ++k) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Byte ranges by unsigned minimum: x - 'A' is 0..25 for an upper-case letter.
    const __m128i u = _mm_sub_epi8(x, _mm_set1_epi8('A'));
    const __m128i l = _mm_sub_epi8(x, _mm_set1_epi8('a'));
    const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));
    const __m128i upper = _mm_cmpeq_epi8(_mm_min_epu8(u, _mm_set1_epi8(25)), u);
    const __m128i lower = _mm_cmpeq_epi8(_mm_min_epu8(l, _mm_set1_epi8(25)), l);
    const __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d);
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 16 * k),
                     _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    const uint64_t alnum_bits =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(upper, lower), digit)));
    w.alnum |= alnum_bits << (16 * k);
    w.upper |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(upper))} << (16 * k);
    w.lower |= uint64_t{static_cast<unsigned>(_mm_movemask_epi8(lower))} << (16 * k);
  }
#else
  for (int k = 0; k < 64; ++k) {
    const unsigned char c = static_cast<unsigned char>(p[k]);
    const uint64_t bit = uint64_t{1} << k;
    if (c < 0x80 && (kAscii[c].cls == CharClass::kWord || kAscii[c].cls == CharClass::kDigit)) w.alnum |= bit;
    if (c < 0x80 && kAscii[c].upper) w.upper |= bit;
    if (c < 0x80 && kAscii[c].lower) w.lower |= bit;
    dst[k] = static_cast<char>(c < 0x80 && kAscii[c].upper ? c | 0x20 : c);
  }
#endif
  if (!whole) std::memcpy(folded, out, avail);
  return w;
}

// Bits [off, off + 64) of the 128 bits hi:lo, for 0 <= off < 64.
inline uint64_t Funnel(uint64_t lo, uint64_t hi, size_t off) { return (lo >> off) | (hi << 1 << (63 - off)); }

CharClass ClassifyNonAscii(std::string_view s, size_t i, size_t* len) {
  // Shared with the stages that predict which tokens are words.
  switch (ClassifyUnicode(DecodeUtf8(s, i, len))) {
    case UnicodeClass::kLineBreak: return CharClass::kNewline;
    case UnicodeClass::kSpace: return CharClass::kSpace;
    case UnicodeClass::kApostrophe: return CharClass::kApostrophe;
    case UnicodeClass::kPunctuation: return CharClass::kPunct;
    case UnicodeClass::kWord: break;
  }
  return CharClass::kWord;
}

inline CharClass Classify(std::string_view s, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return kAscii[c].cls;
  }
  return ClassifyNonAscii(s, i, len);
}

// Abbreviations longer than this are not looked up: the bytes of one
// (none of them zero) make one integer key, LoadLe().
constexpr size_t kMaxAbbreviationBytes = 8;

bool IsWordChar(CharClass k) { return k == CharClass::kWord || k == CharClass::kDigit; }

// Shape flags of a word or number token that holds a non-ASCII byte.
uint16_t ShapeFlagsNonAscii(std::string_view s) {
  uint16_t flags = kTokNonAscii;
  int letters = 0, upper = 0, lower = 0;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (kAscii[c].upper || kAscii[c].lower) {
        ++letters;
        kAscii[c].upper ? ++upper : ++lower;
        if (i == 0 && kAscii[c].upper) flags |= kTokCapitalized;
      }
      ++i;
      continue;
    }
    size_t len;
    char32_t cp = DecodeUtf8(s, i, &len);
    if (!IsUnicodePunctuation(cp) && !IsUnicodeApostrophe(cp)) {
      ++letters;
      if (IsUnicodeUpper(cp)) {
        ++upper;
        if (i == 0) flags |= kTokCapitalized;
      } else {
        ++lower;  // caseless scripts count as lower: they are never "capitalized"
      }
    }
    i += len;
  }
  if (letters >= 2 && upper == letters) flags |= kTokAllCaps;
  if (letters > 0 && lower == letters) flags |= kTokLower;
  return flags;
}

// Shape flags of a word or number token.
inline uint16_t ShapeFlags(std::string_view s) {
  int letters = 0, upper = 0;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x80) return ShapeFlagsNonAscii(s);
    letters += static_cast<int>(kAscii[c].upper) | static_cast<int>(kAscii[c].lower);
    upper += kAscii[c].upper;
  }
  uint16_t flags = 0;
  if (kAscii[static_cast<unsigned char>(s[0])].upper) flags |= kTokCapitalized;
  if (letters >= 2 && upper == letters) flags |= kTokAllCaps;
  if (letters > 0 && upper == 0) flags |= kTokLower;
  return flags;
}

bool IsTerminal(std::string_view t) { return t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6"; }

bool IsClosing(std::string_view t) {
  return t == "\"" || t == "'" || t == ")" || t == "]" || t == "\xE2\x80\x9D" /* ” */ ||
         t == "\xE2\x80\x99" /* ’ */ || t == "\xC2\xBB" /* » */;
}

bool IsOpening(std::string_view t) {
  return t == "\"" || t == "'" || t == "(" || t == "[" || t == "\xE2\x80\x9C" /* “ */ ||
         t == "\xE2\x80\x98" /* ‘ */ || t == "\xC2\xAB" /* « */;
}

// Small words a headline leaves in lower case.
bool IsHeadlineFunctionWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "a",  "an", "the", "of",   "in",   "on", "at", "to",  "for", "and", "or", "but",
      "by", "as", "with", "from", "into", "vs", "via", "his", "her", "its", "is", "s"};
  return kWords.count(lower) > 0;
}

}  // namespace

Result<std::unique_ptr<Segmenter>> Segmenter::Create(const StageConfig& config) {
  std::unique_ptr<Segmenter> s(new Segmenter());
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(config.DataPath("extractor/segment/rules/abbreviations.tsv"),
                                                    {"abbreviation", "kind"}));
    TsvRow row;
    int word = tsv.Column("abbreviation"), kind = tsv.Column("kind");
    while (tsv.Next(&row)) {
      std::string_view k = row.Get(kind);
      AbbreviationKind parsed;
      if (k == "title") parsed = AbbreviationKind::kTitle;
      else if (k == "month") parsed = AbbreviationKind::kMonth;
      else if (k == "other") parsed = AbbreviationKind::kOther;
      else return tsv.Error(row, "kind must be title, month or other, not '" + std::string(k) + "'");
      if (row.Get(word).empty()) return tsv.Error(row, "empty abbreviation");
      std::string_view abbreviation = row.Get(word);
      if (abbreviation.size() <= kMaxAbbreviationBytes) {
        s->abbreviations_[LoadLe(abbreviation.data(), abbreviation.size())] = parsed;
      }
    }
    RETURN_IF_ERROR(tsv.status());
  }
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(config.DataPath("extractor/segment/rules/sentence_starters.tsv"),
                                                    {"word"}));
    TsvRow row;
    while (tsv.Next(&row)) {
      if (row.Get(0).empty()) return tsv.Error(row, "empty word");
      s->sentence_starters_.emplace(row.Get(0));
    }
    RETURN_IF_ERROR(tsv.status());
  }
  return s;
}

const Segmenter::AbbreviationKind* Segmenter::FindAbbreviation(std::string_view lower) const {
  return FindAbbreviationAt(lower, 0, lower.size());
}

const Segmenter::AbbreviationKind* Segmenter::FindAbbreviationAt(std::string_view folded, size_t begin,
                                                                  size_t size) const {
  if (size > kMaxAbbreviationBytes) return nullptr;
  // One load, cut to the word, where the text goes on for 8 bytes; byte by
  // byte near its end.
  const char* p = folded.data() + begin;
  const uint64_t key = folded.size() - begin >= 8 ? LoadLe8(p, size) : LoadLe(p, size);
  auto it = abbreviations_.find(key);
  return it == abbreviations_.end() ? nullptr : &it->second;
}

Status Segmenter::Process(Document* doc) const { return Segment(doc, /*quick=*/true); }

Status Segmenter::ProcessGeneralForTesting(Document* doc) const { return Segment(doc, /*quick=*/false); }

Status Segmenter::Segment(Document* doc, bool quick) const {
  thread_local std::vector<uint32_t> checks;  // kept: no allocation per document once grown
  checks.clear();
  if (quick) {
    Tokenize<true>(doc, &checks);
  } else {
    Tokenize<false>(doc, &checks);
  }
  SplitSentences(doc, checks);
  doc->layers |= kLayerTokens;
  return Status::Ok();
}

// What TokenizeGeneral found at text[i]: a space, a line break or a token,
// each ending at `end`.
struct Segmenter::Piece {
  enum Kind : uint8_t { kSpace, kNewline, kToken };
  size_t end;
  Kind kind;
  uint16_t flags;  // of a token
  bool may_end;    // a token that may end a sentence: terminal punctuation, a word with its period
};

template <bool kQuick>
void Segmenter::Tokenize(Document* doc, std::vector<uint32_t>* checks) const {
  const std::string_view s(doc->text);
  const size_t n = s.size();
  // text[n] is the string's terminating zero: a run that ends the text
  // reads it as the byte after it.
  const char* const text = doc->text.c_str();
  // Filled window by window below, before any token reads it.
  doc->folded.resize(n);
  char* const folded_out = doc->folded.data();
  const std::string_view folded(doc->folded);
  std::vector<Token>& tokens = doc->tokens;
  tokens.clear();
  tokens.reserve(n / 4 + 16);  // news text has a token every 5 bytes or so

  // kTokSpaceBefore, kTokLineStart and kTokParagraphStart of the next
  // token, from the spaces and line breaks since the last one; the text
  // start counts as a paragraph start.
  uint16_t pending = kTokSpaceBefore | kTokLineStart | kTokParagraphStart;
  checks->reserve(n / 32 + 16);
  checks->push_back(0);  // the first token starts a line
  // New tokens go to a local array, and to `tokens` in one copy when it
  // may not hold another window's (at most one starts at each byte):
  // cheaper than a push_back each. Raw storage, as an array of Token would
  // be zero-filled first.
  constexpr size_t kBatch = 256;
  alignas(Token) unsigned char batch_bytes[kBatch * sizeof(Token)];
  Token* const batch = reinterpret_cast<Token*>(batch_bytes);
  size_t batched = 0;
  auto flush = [&]() {
    tokens.insert(tokens.end(), batch, batch + batched);
    batched = 0;
  };
  auto count = [&]() { return static_cast<uint32_t>(tokens.size() + batched); };
  // Lists the next token for SplitSentences, once (a line start may also
  // be a period).
  auto check_next = [&]() {
    if (checks->back() != count()) checks->push_back(count());
  };
  auto emit = [&](size_t begin, size_t end, uint16_t flags) {
    new (batch + batched++) Token{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)},
                             static_cast<uint16_t>(flags | pending), 0};
    pending = 0;
  };
  auto newline = [&]() {
    if ((pending & kTokLineStart) == 0) check_next();
    // A second line break makes a paragraph start.
    static_assert(kTokParagraphStart == kTokLineStart << 1, "the shift below moves one flag to the other");
    pending |= kTokSpaceBefore | kTokLineStart | ((pending & kTokLineStart) << 1);
  };
  // A closer look at the byte after a run, where kRunEnd cannot tell.
  auto run_ends = [&](size_t begin, size_t end, bool word) {
    const char after = text[end];
    if (word) return after == '.' && end - begin >= 2 && FindAbbreviationAt(folded, begin, end - begin) == nullptr;
    return (after == '.' || after == ',' || after == ':') && !IsAsciiDigit(text[end + 1]);
  };

  // The windows at w and w + 64: a token that starts in the first reads
  // its bits from both, so that it may run on into the second.
  WindowBits cur, next;
  if (n > 0) next = ClassifyWindow(s.data(), n, folded_out);
  size_t i = 0;
  for (size_t w = 0; w < n; w += 64) {
    cur = next;
    next = w + 64 < n ? ClassifyWindow(s.data() + w + 64, n - w - 64, folded_out + w + 64) : WindowBits{};
    if (batched > kBatch - 64) flush();
    const size_t window_end = std::min(n, w + 64);
    while (i < window_end) {
      // Without the quick paths, every byte goes to the general rules.
      const ByteKind kind = kQuick ? kByteKind[static_cast<unsigned char>(text[i])] : ByteKind::kGeneral;
      static_assert(ByteKind::kLetter < ByteKind::kDigit && ByteKind::kDigit < ByteKind::kSpace,
                    "letters and digits are the first two kinds");
      if (kind <= ByteKind::kDigit) {
        // A run of ASCII letters and digits: the window bits from text[i] on.
        const size_t off = i - w;
        uint64_t stop = ~cur.alnum >> off;
        uint64_t upper = cur.upper >> off;
        uint64_t lower = cur.lower >> off;
        if (stop == 0) {  // it runs on into the next window
          stop = ~Funnel(cur.alnum, next.alnum, off);
          upper = Funnel(cur.upper, next.upper, off);
          lower = Funnel(cur.lower, next.lower, off);
        }
        const size_t end = i + static_cast<size_t>(std::countr_zero(stop));
        // The run is the whole token unless the byte after it may join it.
        const bool word = kind == ByteKind::kLetter;
        const unsigned char after = static_cast<unsigned char>(text[end]);
        if (stop != 0 && ((kRunEnd[after] & (word ? kEndsWord : kEndsNumber)) != 0 || run_ends(i, end, word))) {
          // The run and the byte after it, which is no letter.
          const uint64_t in_run = stop ^ (stop - 1);
          upper &= in_run;
          lower &= in_run;
          static_assert(kTokWord == 1 && kTokNumber == 2 && kTokCapitalized == 8, "the arithmetic below makes flags");
          uint16_t flags = static_cast<uint16_t>((word ? kTokWord : kTokNumber) | (upper & 1) << 3);
          if (lower == 0 && (upper & (upper - 1)) != 0) flags |= kTokAllCaps;  // two letters or more
          if (upper == 0 && lower != 0) flags |= kTokLower;
          emit(i, end, flags);
          i = end;
          if (after == ' ') {  // the usual space after a word: no round of the loop
            pending = kTokSpaceBefore;
            ++i;
          }
          continue;
        }
      } else if (kind == ByteKind::kSpace) {
        pending |= kTokSpaceBefore;
        ++i;
        continue;
      } else if (kind == ByteKind::kNewline) {
        newline();
        ++i;
        continue;
      } else if (kind != ByteKind::kGeneral) {  // ASCII punctuation: one byte, or a run of periods
        size_t end = i + 1;
        if (kind == ByteKind::kDot) {
          while (text[end] == '.') ++end;
        }
        // "." and "..." may end a sentence, ".." and "...." do not (IsTerminal).
        if (kind == ByteKind::kTerminal || (kind == ByteKind::kDot && (end - i == 1 || end - i == 3))) check_next();
        emit(i, end, kTokPunct);
        i = end;
        if (text[i] == ' ') {
          pending = kTokSpaceBefore;
          ++i;
        }
        continue;
      }
      const Token* last = batched > 0 ? &batch[batched - 1] : tokens.empty() ? nullptr : &tokens.back();
      const bool after_word =
          last != nullptr && (pending & kTokSpaceBefore) == 0 && (last->flags & (kTokWord | kTokNumber)) != 0;
      const Piece piece = TokenizeGeneral(s, folded, i, after_word);
      if (piece.kind == Piece::kToken) {
        if (piece.may_end) check_next();
        emit(i, piece.end, piece.flags);
      } else if (piece.kind == Piece::kNewline) {
        newline();
      } else {
        pending |= kTokSpaceBefore;
      }
      i = piece.end;
    }
  }
  flush();
}

Segmenter::Piece Segmenter::TokenizeGeneral(std::string_view s, std::string_view folded, size_t i,
                                            bool after_word) const {
  const size_t n = s.size();
  // True when an apostrophe at `pos` (of byte length alen) starts a
  // possessive/clitic "'s" that ends there: "Russia's", "Russia’s".
  auto is_clitic_s = [&](size_t pos, size_t alen) {
    size_t p = pos + alen;
    if (p >= n || (s[p] | 0x20) != 's') return false;
    if (p + 1 >= n) return true;
    size_t l;
    return !IsWordChar(Classify(s, p + 1, &l));
  };

  size_t len;
  switch (Classify(s, i, &len)) {
    case CharClass::kNewline:
      return Piece{i + len, Piece::kNewline, 0, false};
    case CharClass::kSpace:
      return Piece{i + len, Piece::kSpace, 0, false};
    case CharClass::kApostrophe: {
      // "’s" and "’" are marked like any token with a byte >= 0x80: later
      // stages then read the curly apostrophe as a straight one.
      const uint16_t non_ascii = static_cast<unsigned char>(s[i]) >= 0x80 ? kTokNonAscii : 0;
      if (after_word && is_clitic_s(i, len)) {
        return Piece{i + len + 1, Piece::kToken, static_cast<uint16_t>(kTokWord | kTokLower | non_ascii), false};
      }
      return Piece{i + len, Piece::kToken, static_cast<uint16_t>(kTokPunct | non_ascii), false};
    }
    case CharClass::kPunct: {
      size_t end = i + len;
      if (s[i] == '.') {
        while (end < n && s[end] == '.') ++end;  // "..." is one token
      }
      const uint16_t non_ascii = static_cast<unsigned char>(s[i]) >= 0x80 ? kTokNonAscii : 0;  // "“", "—"
      return Piece{end, Piece::kToken, static_cast<uint16_t>(kTokPunct | non_ascii), IsTerminal(s.substr(i, end - i))};
    }
    case CharClass::kDigit: {
      size_t end = i;
      while (end < n) {
        unsigned char c = static_cast<unsigned char>(s[end]);
        if (IsAsciiDigit(c)) {
          ++end;
        } else if ((c == ',' || c == '.' || c == ':') && end + 1 < n &&
                   IsAsciiDigit(static_cast<unsigned char>(s[end + 1]))) {
          end += 2;
        } else {
          break;
        }
      }
      // Letters glued to a number stay with it: "1990s", "24th", "10am".
      while (end < n) {
        size_t l;
        if (!IsWordChar(Classify(s, end, &l))) break;
        end += l;
      }
      return Piece{end, Piece::kToken, static_cast<uint16_t>(kTokNumber | ShapeFlags(s.substr(i, end - i))), false};
    }
    case CharClass::kWord:
      break;
  }
  // A word. Scans it and, for ASCII, counts its letters and notes their
  // cases on the way, so that its shape needs no second pass.
  size_t end = i;
  int letters = 0;
  uint8_t seen = 0;  // kWordUpper / kWordLower of the ASCII letters
  bool non_ascii = false;
  while (end < n) {
    // ASCII letters and digits, the bulk of a word: one table load and a
    // few register operations per byte.
    uint8_t w;
    while ((w = kWordByte[static_cast<unsigned char>(s[end])]) & kWordContinues) {
      letters += w >> 2 & 1;
      seen |= w;
      if (++end == n) break;
    }
    if (end == n) break;
    unsigned char b = static_cast<unsigned char>(s[end]);
    size_t l = 1;
    CharClass c;
    if (b < 0x80) {
      c = kAscii[b].cls;
    } else {
      non_ascii = true;
      c = ClassifyNonAscii(s, end, &l);
      if (IsWordChar(c)) {
        end += l;
        continue;
      }
    }
    // An apostrophe between letters stays inside ("O'Brien", "don't")
    // unless it starts a final "'s".
    if (c == CharClass::kApostrophe && end + l < n && !is_clitic_s(end, l)) {
      size_t l2;
      if (Classify(s, end + l, &l2) == CharClass::kWord) {
        end += l;
        continue;
      }
    }
    break;
  }
  // Initialisms with periods: "U.S.", "U.N.", "a.m.", "J.".
  if (end - i == 1 && end < n && s[end] == '.') {
    size_t e = end + 1;
    while (e + 1 < n && IsAsciiAlpha(static_cast<unsigned char>(s[e])) && s[e + 1] == '.') e += 2;
    end = e;
  } else if (end < n && s[end] == '.' && FindAbbreviation(folded.substr(i, end - i)) != nullptr) {
    ++end;
  }
  uint16_t shape;
  if (non_ascii || s[end - 1] == '.') {
    shape = ShapeFlags(s.substr(i, end - i));
  } else {
    shape = 0;
    if (kAscii[static_cast<unsigned char>(s[i])].upper) shape |= kTokCapitalized;
    if (letters >= 2 && (seen & kWordLower) == 0) shape |= kTokAllCaps;
    if (letters > 0 && (seen & kWordUpper) == 0) shape |= kTokLower;
  }
  return Piece{end, Piece::kToken, static_cast<uint16_t>(kTokWord | shape), s[end - 1] == '.'};
}

void Segmenter::SplitSentences(Document* doc, const std::vector<uint32_t>& checks) const {
  std::vector<Sentence>& sentences = doc->sentences;
  sentences.clear();
  if (doc->tokens.empty()) return;
  const uint32_t n = static_cast<uint32_t>(doc->tokens.size());
  // Sentences end at listed tokens and at the length limit: room for about
  // that many, so that push_back seldom reallocates.
  sentences.reserve(checks.size() + n / kMaxSentenceTokens + 1);
  Token* const tokens = doc->tokens.data();
  const std::string_view text(doc->text);
  const std::string_view folded(doc->folded);
  auto tok = [&](size_t i) { return std::string_view(text.data() + tokens[i].span.begin, tokens[i].span.size()); };

  uint32_t paragraph = 0;
  uint32_t start = 0;
  uint32_t line_start = 0;
  auto close = [&](uint32_t end) {  // sentence [start, end)
    if (end <= start) return;
    if (start > 0 && tokens[start].Has(kTokParagraphStart)) ++paragraph;
    Sentence sent;
    sent.span = Span{tokens[start].span.begin, tokens[end - 1].span.end};
    sent.token_begin = start;
    sent.token_end = end;
    sent.paragraph = paragraph;
    const uint32_t index = static_cast<uint32_t>(sentences.size());
    Token* t = tokens + start;
    for (; t + 4 <= tokens + end; t += 4) {  // four at a time: this loop is much of the work here
      t[0].sentence = index;
      t[1].sentence = index;
      t[2].sentence = index;
      t[3].sentence = index;
    }
    for (; t < tokens + end; ++t) t->sentence = index;
    tokens[start].flags |= kTokSentenceStart;
    sentences.push_back(sent);
    start = end;
  };
  // A line with no final punctuation whose content words are all
  // capitalised is a heading (a headline, a byline, a section title).
  auto line_is_heading = [&](uint32_t from, uint32_t to) {
    if (to <= from) return false;
    if (tokens[to - 1].Has(kTokPunct) && tok(to - 1) != "\"" && tok(to - 1) != ")") return false;
    int content = 0;
    for (uint32_t t = from; t < to; ++t) {
      if (!tokens[t].Has(kTokWord)) continue;
      std::string_view lower = folded.substr(tokens[t].span.begin, tokens[t].span.size());
      if (tokens[t].Has(kTokCapitalized) || tokens[t].Has(kTokAllCaps)) {
        ++content;
      } else if (!IsHeadlineFunctionWord(lower)) {
        return false;
      }
    }
    return content > 0 && to - from <= 40;
  };

  const size_t num_checks = checks.size();
  size_t next_check = 0;
  while (true) {
    // The next token to look at: the next one Tokenize listed, or the last
    // one the sentence may take, whichever comes first. The steps below do
    // nothing for any other.
    while (next_check < num_checks && checks[next_check] < start) ++next_check;
    const uint32_t listed = next_check < num_checks ? checks[next_check] : n;
    const uint32_t i = std::min({listed, start + kMaxSentenceTokens - 1, n});
    if (i == n) break;
    if (i == listed) ++next_check;
    const Token& t = tokens[i];
    if (i > start && t.Has(kTokParagraphStart)) {
      close(i);
    } else if (i > start && t.Has(kTokLineStart) && line_is_heading(line_start > start ? line_start : start, i)) {
      close(i);
    }
    if (t.Has(kTokLineStart)) line_start = i;
    if (i + 1 - start >= kMaxSentenceTokens) {
      close(i + 1);
      continue;
    }

    std::string_view word = tok(i);
    bool terminal = t.Has(kTokPunct) && IsTerminal(word);
    bool abbreviation_end = false;
    if (!terminal && t.Has(kTokWord) && word.size() > 1 && word.back() == '.') {
      std::string_view lower = folded.substr(t.span.begin, t.span.size() - 1);
      const AbbreviationKind* kind = FindAbbreviation(lower);
      abbreviation_end = kind == nullptr || *kind != AbbreviationKind::kTitle;  // initialisms, "Corp."
    }
    if (!terminal && !abbreviation_end) continue;

    uint32_t end = i + 1;
    while (end < n && IsClosing(tok(end)) && !tokens[end].Has(kTokSpaceBefore)) ++end;
    if (end >= n) {
      close(n);
      break;
    }
    const Token& next = tokens[end];
    std::string_view next_text = tok(end);
    bool next_starts = next.Has(kTokCapitalized) || next.Has(kTokNumber) || IsOpening(next_text) ||
                       next.Has(kTokParagraphStart);
    if (abbreviation_end) {
      std::string_view next_lower = folded.substr(next.span.begin, next.span.size());
      next_starts = next.Has(kTokParagraphStart) ||
                    (next.Has(kTokCapitalized) && sentence_starters_.count(std::string(next_lower)) > 0);
    }
    if (next_starts && next.Has(kTokSpaceBefore)) close(end);
  }
  close(n);
}

}  // namespace newsgraph::segment
