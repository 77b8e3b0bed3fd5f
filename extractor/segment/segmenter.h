// Splits a document's text into sentences and tokens with byte offsets, and
// fills Document::folded (the text with ASCII letters lower-cased, so that
// case-insensitive lookups use the same offsets).
//
//   ASSIGN_OR_RETURN(auto segmenter, segment::Segmenter::Create(config));
//   RETURN_IF_ERROR(segmenter->Process(&doc));
//   for (const Token& t : doc.tokens) use(doc.Text(t.span));
//
// Tokens: runs of letters and digits; "'s" / "’s" split off as its own
// token; abbreviations keep their period ("Mr.", "U.S."); numbers keep inner
// separators ("1,000", "3.5", "10:30"); every other character (hyphens,
// quotes, dashes) is a token of its own. Sentences end at . ! ? (after
// closing quotes), at blank lines, and after a heading line.
#ifndef NEWSGRAPH_SEGMENT_SEGMENTER_H_
#define NEWSGRAPH_SEGMENT_SEGMENTER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extractor/core/stage.h"

namespace newsgraph::segment {

class Segmenter : public Stage {
 public:
  // Loads rules/abbreviations.tsv and rules/sentence_starters.tsv under
  // <data_dir>/extractor/segment. Fails with file:line on a bad row.
  static Result<std::unique_ptr<Segmenter>> Create(const StageConfig& config);

  std::string_view Name() const override { return "segment"; }
  Layers Requires() const override { return kLayerText; }
  Layers Provides() const override { return kLayerTokens; }
  // Replaces doc->tokens, doc->sentences and doc->folded. Never fails on
  // any text (the reader guarantees valid UTF-8). Thread-safe.
  Status Process(Document* doc) const override;

  // A sentence longer than this many tokens is cut, so that text with no
  // punctuation (tables, scraped lists) cannot make later stages quadratic.
  static constexpr uint32_t kMaxSentenceTokens = 250;

  // Process() with the quick paths of the tokenizer turned off: every
  // token takes the general path. For tests that both give the same.
  Status ProcessGeneralForTesting(Document* doc) const;

 private:
  enum class AbbreviationKind : uint8_t { kTitle, kMonth, kOther };
  struct Piece;
  Segmenter() = default;
  Status Segment(Document* doc, bool quick) const;
  // Fills doc->tokens and doc->folded, and *checks with the indices of the
  // tokens SplitSentences must look at (the others cannot end a sentence).
  // kQuick: with the quick paths for ASCII words, numbers and punctuation.
  template <bool kQuick>
  void Tokenize(Document* doc, std::vector<uint32_t>* checks) const;
  // The token, space or line break at text[i], by the general rules.
  // `after_word`: text[i] directly follows a word or number token.
  Piece TokenizeGeneral(std::string_view text, std::string_view folded, size_t i, bool after_word) const;
  void SplitSentences(Document* doc, const std::vector<uint32_t>& checks) const;
  // The kind of abbreviation `lower` (without its period) is, if it is one.
  const AbbreviationKind* FindAbbreviation(std::string_view lower) const;
  // The same for folded.substr(begin, size), read with one load where the
  // text goes on for 8 bytes.
  const AbbreviationKind* FindAbbreviationAt(std::string_view folded, size_t begin, size_t size) const;

  // Abbreviations of at most 8 bytes (a longer one never matches), keyed
  // by their bytes packed into an integer: a lookup builds no string.
  struct PackedHash {
    size_t operator()(uint64_t key) const { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32); }
  };
  std::unordered_map<uint64_t, AbbreviationKind, PackedHash> abbreviations_;
  std::unordered_set<std::string> sentence_starters_;
};

}  // namespace newsgraph::segment

#endif  // NEWSGRAPH_SEGMENT_SEGMENTER_H_
