#include "extractor/segment/segmenter.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

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

#if defined(__SSE2__)
// Bit i for byte p[i] of a 16-byte block: an ASCII letter or digit, an
// ASCII letter, a lower-case ASCII letter.
struct AsciiBlock {
  unsigned alnum;
  unsigned alpha;
  unsigned lower;
};
inline AsciiBlock ClassifyBlock(const char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i l = _mm_sub_epi8(_mm_or_si128(x, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));  // 0..25: a letter
  const __m128i d = _mm_sub_epi8(x, _mm_set1_epi8('0'));                                      // 0..9: a digit
  const __m128i k25 = _mm_set1_epi8(25);
  const __m128i k9 = _mm_set1_epi8(9);
  const unsigned alpha = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(l, k25), l)));
  const unsigned digit = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, k9), d)));
  // Bit 5 of each byte (set in lower case), moved to bit 7 for movemask.
  const unsigned case_bit = static_cast<unsigned>(_mm_movemask_epi8(_mm_slli_epi16(x, 2)));
  return AsciiBlock{alpha | digit, alpha, alpha & case_bit};
}

// The inner loop of words, 16 bytes at a time while 16 remain: advances
// `end` over ASCII letters and digits and notes, as the byte loop does,
// their letters (*letters counts at most two per block: only "none", "one"
// and "two or more" matter) and cases (kWordUpper / kWordLower in *seen).
inline size_t ScanAsciiWord(const char* s, size_t end, size_t n, int* letters, uint8_t* seen) {
  while (n - end >= 16) {
    const AsciiBlock b = ClassifyBlock(s + end);
    const unsigned stop = ~b.alnum & 0xFFFFu;
    const unsigned in_word = stop != 0 ? (1u << std::countr_zero(stop)) - 1 : 0xFFFFu;
    const unsigned word_letters = b.alpha & in_word;
    *letters += (word_letters != 0) + ((word_letters & (word_letters - 1)) != 0);
    if ((word_letters & ~b.lower) != 0) *seen |= kWordUpper;
    if ((b.lower & in_word) != 0) *seen |= kWordLower;
    if (stop != 0) return end + static_cast<size_t>(std::countr_zero(stop));
    end += 16;
  }
  return end;
}

// The same bits for the 64 bytes from p, of which the first `avail` are
// text (the rest count as zero bytes, which stop a word): one pass of
// vector work for the several tokens that start in them.
struct AsciiWindow {
  uint64_t alnum;
  uint64_t alpha;
  uint64_t lower;
};
inline AsciiWindow ClassifyWindow(const char* p, size_t avail) {
  char padded[64];
  if (avail < 64) {  // the end of the text
    std::memset(padded, 0, sizeof(padded));
    std::memcpy(padded, p, avail);
    p = padded;
  }
  AsciiWindow w{0, 0, 0};
  for (int k = 0; k < 4; ++k) {
    const AsciiBlock b = ClassifyBlock(p + 16 * k);
    w.alnum |= uint64_t{b.alnum} << (16 * k);
    w.alpha |= uint64_t{b.alpha} << (16 * k);
    w.lower |= uint64_t{b.lower} << (16 * k);
  }
  return w;
}
#endif

CharClass ClassifyNonAscii(std::string_view s, size_t i, size_t* len) {
  char32_t cp = DecodeUtf8(s, i, len);
  if (cp == 0x2028 || cp == 0x2029) return CharClass::kNewline;
  if (IsUnicodeSpace(cp)) return CharClass::kSpace;
  if (IsUnicodeApostrophe(cp)) return CharClass::kApostrophe;
  if (IsUnicodePunctuation(cp)) return CharClass::kPunct;
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

Status Segmenter::Process(Document* doc) const {
  // A copy folded in place (resize() would zero-fill the bytes first);
  // branch-free, so that the compiler vectorizes it.
  doc->folded.assign(doc->text);
  const size_t n = doc->folded.size();
  unsigned char* out = reinterpret_cast<unsigned char*>(doc->folded.data());
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = out[i];
    out[i] = static_cast<unsigned char>(c + ((static_cast<unsigned char>(c - 'A') < 26) << 5));
  }
  Tokenize(doc);
  SplitSentences(doc);
  doc->layers |= kLayerTokens;
  return Status::Ok();
}

void Segmenter::Tokenize(Document* doc) const {
  const std::string_view s(doc->text);
  const std::string_view folded(doc->folded);
  std::vector<Token>& tokens = doc->tokens;
  tokens.clear();
  tokens.reserve(s.size() / 5 + 1);
  // kTokSpaceBefore, kTokLineStart and kTokParagraphStart of the next
  // token, from the space and line breaks since the last one; the text
  // start counts as a paragraph start.
  uint16_t pending = kTokSpaceBefore | kTokLineStart | kTokParagraphStart;
  const size_t n = s.size();
  size_t i = 0;

  auto emit = [&](size_t begin, size_t end, uint16_t flags) {
    flags |= pending;
    tokens.push_back(Token{Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)}, flags, 0});
    pending = 0;
  };
  // True when an apostrophe at `pos` (of byte length alen) starts a
  // possessive/clitic "'s" that ends there: "Russia's", "Russia’s".
  auto is_clitic_s = [&](size_t pos, size_t alen) {
    size_t p = pos + alen;
    if (p >= n || (s[p] | 0x20) != 's') return false;
    if (p + 1 >= n) return true;
    size_t l;
    return !IsWordChar(Classify(s, p + 1, &l));
  };

#if defined(__SSE2__)
  AsciiWindow window{0, 0, 0};
  size_t window_begin = 0 - size_t{64};  // none yet: the first round makes one
#endif
  while (i < n) {
#if defined(__SSE2__)
    // The usual token: an ASCII word that starts with a letter and ends
    // before an ASCII byte other than '\'' (which could make it a word with
    // an apostrophe) and other than a '.' that would make it an initialism
    // or an abbreviation. Found from the bits of the 64-byte window it
    // starts in; it gets the flags the general path below would give it.
    if (i - window_begin >= 64) {
      window = ClassifyWindow(s.data() + i, n - i);
      window_begin = i;
    }
    if ((window.alpha >> (i - window_begin) & 1) != 0) {
      uint64_t stop = ~window.alnum >> (i - window_begin);
      if (stop == 0 && window_begin != i) {  // the word goes on past the window: one from here
        window = ClassifyWindow(s.data() + i, n - i);
        window_begin = i;
        stop = ~window.alnum;
      }
      const size_t len = static_cast<size_t>(std::countr_zero(stop));
      // The byte after the word; none (a word of 64 bytes or more, or one
      // that ends the text) sends it to the general path.
      const unsigned char next = stop != 0 && i + len < n ? static_cast<unsigned char>(s[i + len]) : 0x80;
      if (next < 0x80 && next != '\'' &&
          (next != '.' || (len >= 2 && FindAbbreviationAt(folded, i, len) == nullptr))) {
        const uint64_t in_word = (uint64_t{1} << len) - 1;
        const uint64_t letters = window.alpha >> (i - window_begin) & in_word;
        const uint64_t lower = window.lower >> (i - window_begin) & in_word;
        // The first byte is a letter: capitalized unless lower case.
        const uint16_t shape = static_cast<uint16_t>(
            kTokWord | ((lower & 1u) == 0 ? kTokCapitalized : 0) |
            (lower == 0 && (letters & (letters - 1)) != 0 ? kTokAllCaps : 0) | (lower == letters ? kTokLower : 0));
        emit(i, i + len, shape);
        i += len;
        if (next == ' ') {
          pending |= kTokSpaceBefore;
          ++i;
        }
        continue;
      }
    }
#endif
    size_t len;
    CharClass k = Classify(s, i, &len);
    switch (k) {
      case CharClass::kNewline:
        // A second line break makes a paragraph start.
        static_assert(kTokParagraphStart == kTokLineStart << 1, "the shift below moves one flag to the other");
        pending |= kTokSpaceBefore | kTokLineStart | ((pending & kTokLineStart) << 1);
        i += len;
        continue;
      case CharClass::kSpace:
        pending |= kTokSpaceBefore;
        i += len;
        continue;
      case CharClass::kApostrophe: {
        bool after_word = !tokens.empty() && (pending & kTokSpaceBefore) == 0 &&
                          (tokens.back().flags & (kTokWord | kTokNumber));
        if (after_word && is_clitic_s(i, len)) {
          emit(i, i + len + 1, kTokWord | kTokLower);
          i += len + 1;
        } else {
          emit(i, i + len, kTokPunct);
          i += len;
        }
        continue;
      }
      case CharClass::kPunct: {
        size_t end = i + len;
        if (s[i] == '.') {
          while (end < n && s[end] == '.') ++end;  // "..." is one token
        }
        emit(i, end, kTokPunct);
        i = end;
        if (i < n && s[i] == ' ') {  // the usual space after a comma: no round of the loop
          pending |= kTokSpaceBefore;
          ++i;
        }
        continue;
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
        emit(i, end, static_cast<uint16_t>(kTokNumber | ShapeFlags(s.substr(i, end - i))));
        i = end;
        continue;
      }
      case CharClass::kWord: {
        // Scans the word and, for ASCII, counts its letters and notes their
        // cases on the way, so that its shape needs no second pass.
        size_t end = i;
        int letters = 0;
        uint8_t seen = 0;  // kWordUpper / kWordLower of the ASCII letters
        bool non_ascii = false;
        while (end < n) {
#if defined(__SSE2__)
          end = ScanAsciiWord(s.data(), end, n, &letters, &seen);
          if (end == n) break;
#endif
          // ASCII letters and digits, the bulk of a word: one table load
          // and a few register operations per byte.
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
        emit(i, end, static_cast<uint16_t>(kTokWord | shape));
        i = end;
        continue;
      }
    }
  }
}

void Segmenter::SplitSentences(Document* doc) const {
  std::vector<Token>& tokens = doc->tokens;
  std::vector<Sentence>& sentences = doc->sentences;
  sentences.clear();
  if (tokens.empty()) return;
  const std::string_view text(doc->text);
  const std::string_view folded(doc->folded);
  auto tok = [&](size_t i) { return text.substr(tokens[i].span.begin, tokens[i].span.size()); };

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
    for (uint32_t t = start; t < end; ++t) tokens[t].sentence = static_cast<uint32_t>(sentences.size());
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

  const uint32_t n = static_cast<uint32_t>(tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    // Most tokens are words that neither start a line nor can end a
    // sentence, for which the steps below do nothing: a tight loop skips them.
    // (`skip_end`: the last token the sentence may take is looked at below.)
    const uint32_t skip_end = std::min(n, start + kMaxSentenceTokens - 1);
    while (i < skip_end && (tokens[i].flags & (kTokParagraphStart | kTokLineStart | kTokPunct)) == 0 &&
           text[tokens[i].span.end - 1] != '.') {
      ++i;
    }
    if (i == n) break;
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

    // Most tokens are words that cannot end a sentence: skip them cheaply.
    if (!t.Has(kTokPunct) && text[t.span.end - 1] != '.') continue;
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
    if (next_starts && next.Has(kTokSpaceBefore)) {
      close(end);
      i = end - 1;
    }
  }
  close(n);
}

}  // namespace newsgraph::segment
