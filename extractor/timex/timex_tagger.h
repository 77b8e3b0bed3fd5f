// Finds TIMEX3 time expressions (DATE, TIME, DURATION, SET) in a segmented
// document and gives each its value, resolved against the publication date.
//
//   ASSIGN_OR_RETURN(auto tagger, timex::TimexTagger::Create(config));
//   RETURN_IF_ERROR(tagger->Process(&doc));  // needs doc.tokens and doc.folded
//   for (const Timex& t : doc.timexes) use(doc.Text(t.span), t.value);
//
// How it works: a token is a trigger when it is a word of the lexicon's
// `trigger` class (month and weekday names, time units, "today", "now"...)
// or a number shaped like a year, a decade or a clock time. Only a window
// of tokens around triggers, inside one sentence, is given to RE2: at each
// token of the window that may start a match (a number, or a word that some
// pattern or lexicon class spells out), an RE2::Set of every rule anchored
// there says which rules match, and only those run. Among overlapping
// matches the longest extent wins; on a tie a NONE rule wins (and blocks),
// then the rule that checked more context, then the earlier rule. A match
// whose value does not hold (31 February) gives way.
//
// What Document::timexes holds, for the event stage:
//  - In text order, never overlapping; `span` is exact (a sentence-final
//    period is not part of it); `sentence` indexes Document::sentences.
//  - `type`, `value`, `mod` are TIMEX3. `rule` names the rule that matched.
//  - `resolved == false`: a relative expression ("on Wednesday", "last
//    year", "June 19" without a year) in a document with no publication
//    date; `value` and `date` are empty. Absolute dates ("19 June 2024"),
//    durations and PRESENT_REF-like values never need one.
//  - `anchor` says what a relative value was computed from:
//      kPublication - Document::published: weekday names by the tense of
//                     their clause (past: the latest such day on or before
//                     the publication date; future "will", "is due to",
//                     "next": the next such day strictly after), "last
//                     week" (ISO week), "last September" (the latest
//                     September before the publication month), "yesterday"
//      kPrevious    - the timex at `anchor_timex`, the last date mentioned
//                     before it that is precise enough: "the following
//                     day", "a day later", "that year", "a year earlier"
//                     (at the anchor's own granularity: a day, a month,
//                     a quarter)
//      kNone        - an absolute date, a duration, a set, PRESENT_REF.
//  - `date` is the calendar point an event can take as its date: non-empty
//    only for a resolved DATE or TIME that names a day, week, month, season,
//    quarter, half or year (YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY; a time of
//    day is cut to its day; seasons, quarters and halves to their year; the
//    mod is dropped: "mid-1999" -> "1999"). Empty for durations ("24 years",
//    "over the next ten days"), sets ("every Monday"), PRESENT_REF,
//    PAST_REF, FUTURE_REF and decades: those are not an event's date.
#ifndef NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_
#define NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_

#include <memory>

#include "extractor/core/stage.h"
#include "extractor/core/token_map.h"
#include "extractor/timex/rule_set.h"

namespace newsgraph::timex {

class TimexTagger : public Stage {
 public:
  // Loads <data_dir>/extractor/timex/rules (lexicon.tsv, macros.tsv,
  // *_rules.tsv). Fails with "file:line: message" on a bad row.
  static Result<std::unique_ptr<TimexTagger>> Create(const StageConfig& config);

  std::string_view Name() const override { return "timex"; }
  Layers Requires() const override { return kLayerTokens; }
  Layers Provides() const override { return kLayerTimexes; }
  // Replaces doc->timexes. Reads doc->published (YYYY-MM-DD or another form
  // ParsePublicationDate accepts; empty = unknown). Fails only when the
  // token layer is inconsistent with the text. Thread-safe.
  Status Process(Document* doc) const override;

  const RuleSet& rules() const { return rules_; }

 private:
  explicit TimexTagger(RuleSet rules);
  RuleSet::TriggerWindow Trigger(const Document& doc, const Token& token) const;
  // A word's value in the lexicon's `tense` class, compared for every word
  // near a timex: kAbsent when it is not in the class, kOther for "none"
  // and any other value.
  enum class TenseClass : uint8_t {
    kUnseen, kAbsent, kOther, kPast, kPresent, kFuture, kFutureTo, kFutureUnlessTo, kDet, kBe, kClause
  };
  static TenseClass TenseClassOf(const std::string* value);
  // The TenseClass of a word token (lower-cased), never kUnseen.
  TenseClass TenseOfWord(std::string_view folded_word) const;
  // `tense_classes` caches each token's TenseClass (kUnseen: not looked up
  // yet), for the document's timexes share the words around them; sized
  // like doc.tokens.
  Tense ClauseTense(const Document& doc, uint32_t first_token, uint32_t end_token,
                    std::vector<TenseClass>* tense_classes) const;

  RuleSet rules_;
  // Lexicon classes the tense heuristic reads for every nearby word.
  const Lexicon::WordClass* tense_words_;
  // Each word of `tense_words_` -> its TenseClass, so that the words near
  // a timex are classed by one lookup.
  TokenMap tense_index_;
  const Lexicon::WordClass* function_words_;
  const Lexicon::WordClass* adverbs_;
};

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_
