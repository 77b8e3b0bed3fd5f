// The word knowledge of the event stage, compiled for one hash probe per
// token: word classes (rules/word_classes.tsv), status and scope cues
// (rules/cues.tsv), group phrases (rules/groups.tsv), and every surface form
// of the schema's verbs, noun triggers and instrument nouns.
//
//   ASSIGN_OR_RETURN(Lexicon lex, Lexicon::Load(config, std::move(schema)));
//   const WordInfo* w = lex.Lookup(doc.Folded(token.span));   // nullptr: no rule knows the word
//   if (w && (w->classes & kWcPrep)) ...
//
// A pattern (cues and groups) is a list of space-separated elements matched
// against lower-cased tokens: "a|b" alternatives, "@class" a word class,
// "*" any one token, "**" up to three tokens. Immutable after Load().
#ifndef NEWSGRAPH_EVENTS_LEXICON_H_
#define NEWSGRAPH_EVENTS_LEXICON_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "extractor/core/stage.h"
#include "extractor/core/token_map.h"
#include "extractor/events/event_schema.h"

namespace newsgraph::events {

// Word classes of rules/word_classes.tsv, plus classes derived from the schema.
// One bit per class; 64 bits leave room for classes added to the TSV.
using ClassBits = uint64_t;
enum WordClass : ClassBits {
  kWcDet = 1ull << 0,
  kWcPoss = 1ull << 1,
  kWcSubjPron = 1ull << 2,
  kWcObjPron = 1ull << 3,
  kWcRel = 1ull << 4,
  kWcSub = 1ull << 5,
  kWcConj = 1ull << 6,
  kWcPrep = 1ull << 7,
  kWcLocPrep = 1ull << 8,
  kWcTopicPrep = 1ull << 9,
  kWcExclPrep = 1ull << 10,
  kWcBe = 1ull << 11,
  kWcHave = 1ull << 12,
  kWcDo = 1ull << 13,
  kWcModal = 1ull << 14,
  kWcNeg = 1ull << 15,
  kWcAdv = 1ull << 16,
  kWcTitle = 1ull << 17,
  kWcRoleNoun = 1ull << 18,
  kWcGroupNoun = 1ull << 19,
  kWcPlaceNoun = 1ull << 20,
  kWcPlaceAdj = 1ull << 21,
  kWcMeasure = 1ull << 22,
  kWcOrdinal = 1ull << 23,
  kWcClauseVerb = 1ull << 24,
  kWcWeekday = 1ull << 30,     // "monday": a weekday name (its tense is the event's)
  kWcNumeral = 1ull << 31,     // "three", "dozens": a count ("three times"); digits count too
  kWcNotAdv = 1ull << 32,      // a word ending in -ly that is no adverb ("assembly", "family")
  kWcOccasion = 1ull << 33,    // a noun naming an occasion told before ("the ceremony", "the dinner")
  kWcEventPred = 1ull << 34,   // a verb whose subject is an event noun ("talks will resume")
  kWcKin = 1ull << 35,         // a kinship noun before a name ("his sister Kim Yo Jong")
  kWcJoin = 1ull << 36,        // "join": "join X for talks" is a meeting with X
  // Derived from the schema, not listed in the TSV:
  kWcVerbForm = 1ull << 25,    // first word of a form of a schema verb
  kWcTriggerNoun = 1ull << 26,  // first word of a noun trigger form
  kWcInstrument = 1ull << 27,   // first word of an instrument noun
  kWcGroupEnd = 1ull << 28,     // a word a group phrase (groups.tsv) can end with
  kWcLightVerb = 1ull << 29,    // first word of a form of a light or host verb ("held", "paid")
};

// Returns the class bit of a TSV class name, or 0.
ClassBits WordClassFromName(std::string_view name);

// What a cue does to the mentions in its scope.
enum CueEffect : uint32_t {
  kEffPlanned = 1u << 0,
  kEffUncertain = 1u << 1,
  kEffConditional = 1u << 2,
  kEffOccurred = 1u << 3,
  kEffDenied = 1u << 4,
  kEffCancelled = 1u << 5,
  kEffPostponed = 1u << 6,
  kEffNegated = 1u << 7,
  kEffRequest = 1u << 8,
  kEffGeneric = 1u << 9,
  kEffRemote = 1u << 10,
  kEffLater = 1u << 11,
  kEffAnaphoric = 1u << 12,
  kEffSeparate = 1u << 13,  // "separate meetings with A and B": one event per counterpart
  kEffAttested = 1u << 14,  // "state media said": a source on the record, not a rumour
};
// The bit of an effect name ("planned"), or 0.
uint32_t CueEffectFromName(std::string_view name);

enum class CueScope : uint8_t { kAux, kNp, kGov, kPost, kNext, kClause, kSentence, kComp };

enum class GroupKind : uint8_t { kPersons, kCountries, kAny, kOrg };

struct PatternElem {
  enum Kind : uint8_t { kWords, kClass, kAny, kAnyUpTo3 } kind = kWords;
  std::vector<std::string> words;  // kWords: alternatives
  std::vector<uint32_t> ids;       // kWords: the alternatives' word ids (see Lexicon::IdOf)
  uint64_t id_bits = 0;            // kWords: bit (id % 64) of each id, a test before the list
  ClassBits classes = 0;           // kClass
};
using Pattern = std::vector<PatternElem>;

struct Cue {
  std::string id;
  Pattern pattern;
  uint32_t effect = 0;
  CueScope scope = CueScope::kAux;
};

struct Group {
  std::string id;
  Pattern pattern;
  GroupKind kind = GroupKind::kAny;
};

// A multi-token surface form that starts with a given word.
struct FormRef {
  enum Kind : uint8_t { kVerb, kNounTrigger, kInstrument } kind = kVerb;
  uint16_t id = 0;     // verbs() index, triggers() index, or types() index
  uint8_t bits = 0;    // VerbFormBits or NounFormBits
  std::vector<std::string> rest;  // the tokens after the first
};

// What a word can start, summed up from WordInfo for a one-byte test per token.
enum WordStart : uint8_t {
  kStartsClause = 1u << 0,  // a cue's first word, or a relative or subordinating word (kWcRel, kWcSub)
  kStartsForm = 1u << 1,    // a form's first word (kWcVerbForm, kWcTriggerNoun)
  kStartsTrigger = 1u << 2,  // the first word of a noun trigger or of a verb with triggers (not only a light verb)
};

struct WordInfo {
  ClassBits classes = 0;
  std::vector<FormRef> forms;
  std::vector<uint16_t> cues;    // cues() whose pattern may start here
  std::vector<uint16_t> groups;  // groups() whose pattern may start here
  uint8_t starts = 0;            // WordStart bits, derived from the fields above by Load()
  // What the second elements of `cues` can match, summed over them all: a
  // cue word that no next token can continue skips all its cues at once.
  bool cue_next_any = false;       // some cue is one element long, or takes any next token
  uint64_t cue_next_ids = 0;       // the id_bits of the word lists among them
  ClassBits cue_next_classes = 0;  // the classes among them
};

class Lexicon {
 public:
  // Reads extractor/events/rules/{word_classes,cues,groups}.tsv under
  // config.data_dir and indexes `schema`. DataError "file:line: message" on
  // a bad row.
  static Result<Lexicon> Load(const StageConfig& config, EventSchema schema);

  // Information about a folded token, or nullptr. "’" is read as "'";
  // `non_ascii` false promises the token has no byte >= 0x80 (one probe only).
  // Inline: probed for most tokens of a document.
  const WordInfo* Lookup(std::string_view folded, bool non_ascii = true, bool readable8 = false) const {
    const uint32_t* v = map_.Find(folded, readable8);
    if (v != nullptr) return &infos_[*v];
    return non_ascii ? LookupCurly(folded) : nullptr;
  }

  // Lookup() of a one-byte token (a mark, "a", a digit) and of a two-byte
  // ASCII one ("of", "to", "'s"): tables filled by Load(), no hashing for
  // the commonest tokens of a text.
  const WordInfo* LookupByte(unsigned char c) const {
    return byte_ids_[c] != kNoId ? &infos_[byte_ids_[c]] : nullptr;
  }
  // `c0` and `c1` below 0x80.
  const WordInfo* LookupAsciiPair(unsigned char c0, unsigned char c1) const {
    const uint32_t id = pair_ids_[c0 << 7 | c1];
    return id != kNoId ? &infos_[id] : nullptr;
  }

  // False when no trigger, light verb or instrument form can start with
  // this folded token: a cheap filter before Lookup() for every token.
  bool MayStartForm(std::string_view folded) const {
    return !folded.empty() && (form_filter_[FilterKey(folded) >> 6] >> (FilterKey(folded) & 63) & 1) != 0;
  }

  // A dense id of a word the lexicon knows: equal ids, equal words.
  uint32_t IdOf(const WordInfo* info) const { return static_cast<uint32_t>(info - infos_.data()); }
  // The entry of a word id.
  const WordInfo* InfoOf(uint32_t id) const { return &infos_[id]; }
  // All entries: InfoOf(id) is infos()[id].
  const WordInfo* infos() const { return infos_.data(); }
  // Distinct for every Load(), shared by copies: keys caches of word ids.
  uint64_t instance() const { return instance_; }

  const EventSchema& schema() const { return schema_; }
  const std::vector<Cue>& cues() const { return cues_; }
  const std::vector<Group>& groups() const { return groups_; }
  // Triggers of each verb (verbs() index -> triggers() indices).
  const std::vector<uint16_t>& TriggersOfVerb(int verb) const { return verb_triggers_[verb]; }
  // Cue effect bits that block a mention of each type.
  uint32_t NegatedBy(int type) const { return negated_by_[type]; }

  // Splits a surface form as the segmenter would ("co-chair" -> co - chair).
  static std::vector<std::string> SplitForm(std::string_view form);
  // The ISO 3166 alpha-2 code of a folded nationality adjective ("russian",
  // "north korean": gazetteers/countries.tsv), or "" when unknown or shared
  // by several countries ("congolese").
  std::string_view CountryOfAdjective(std::string_view folded) const;

  // Parses a pattern; the error names the bad element.
  Result<Pattern> ParsePattern(std::string_view text) const;

 private:
  Lexicon() = default;
  WordInfo* Entry(std::string_view word);
  // Lookup() of a token the map does not hold as is: "didn’t" as "didn't".
  const WordInfo* LookupCurly(std::string_view folded) const;
  Status LoadClasses(const std::string& path);
  Status LoadCues(const std::string& path);
  Status LoadGroups(const std::string& path);
  Status LoadAdjectives(const std::string& path);
  void IndexForm(std::string_view surface, FormRef ref, ClassBits first_class);
  // Registers pattern index `id` under each word its first element may be.
  Status IndexPattern(const Pattern& p, bool cue, uint16_t id);
  // Registers every word of `p` and fills the elements' ids.
  void AssignIds(Pattern* p);

  static uint32_t FilterKey(std::string_view w) {
    return (static_cast<unsigned char>(w[0]) * 131u + static_cast<unsigned char>(w.back()) * 31u +
            static_cast<uint32_t>(w.size()) * 7u + (w.size() > 1 ? static_cast<unsigned char>(w[1]) : 0u)) &
           0xFFFFu;
  }

  static constexpr uint32_t kNoId = 0xFFFFFFFFu;

  EventSchema schema_;
  uint64_t instance_ = 0;
  TokenMap map_;
  std::vector<uint64_t> form_filter_ = std::vector<uint64_t>(1024, 0);   // 65536 bits
  std::vector<WordInfo> infos_;
  std::array<uint32_t, 256> byte_ids_{};  // the id of each one-byte word (LookupByte()), or kNoId
  std::vector<uint32_t> pair_ids_;         // the same for two ASCII bytes, 128 * 128 (LookupAsciiPair())
  std::vector<std::vector<std::string>> class_words_;  // bit index -> words
  std::vector<Cue> cues_;
  std::vector<Group> groups_;
  std::vector<std::vector<uint16_t>> verb_triggers_;
  std::vector<uint32_t> negated_by_;
  // Folded adjective -> alpha-2; "" marks an adjective of several countries.
  std::unordered_map<std::string, std::string> nation_adjectives_;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_LEXICON_H_
