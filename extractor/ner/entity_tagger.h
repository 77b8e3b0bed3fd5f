// Finds the people, places and organizations of a segmented document and
// groups their mentions into entities (Document::entities).
//
//   ASSIGN_OR_RETURN(auto tagger, ner::EntityTagger::Create(config));
//   RETURN_IF_ERROR(tagger->Process(&doc));       // needs kLayerTokens
//   for (const Entity& e : doc.entities) ...      // "person/vladimir-putin", mentions in text order
//
// How it works, in one pass over the tokens:
//  1. Gazetteers (gazetteers/*.tsv plus StageConfig::user_gazetteers, see
//     gazetteer.h) are matched as token n-grams, longest first, with case
//     rules ("US" is not "us").
//  2. Capitalised runs that no gazetteer covers are named by rules from
//     rules/*.tsv: titles before a name ("spokesman John Kirby"), given names
//     (gazetteers/lexicon/first_names.tsv), organization suffixes and heads
//     ("... Party", "Ministry of ..."), place words ("... River"), and the
//     words around them ("in X", "X said").
//  3. Inside the document, a surname or a family name alone ("Putin",
//     "Kim") joins the full name's entity as a partial mention, and a
//     description "the <adjective> <title>" ("the North Korean leader")
//     joins the one person of that country who carries a matching title.
//  4. Ambiguous names are settled by context: a country beats a capital, a
//     capital a big city, a region a small town; places in a country the
//     document names win; a common word that is also a town ("Nice",
//     "Split") is a place only mid-sentence; a place name that is the
//     surname of a person in the document is that person.
//
// For the event stage: Entity::capital_of marks capitals ("Moscow" -> "RU"),
// Entity::country is the affiliation of people ("Russian President ..."),
// and gazetteer() answers CountryOfAdjective("North Korean") and CapitalOf().
#ifndef NEWSGRAPH_NER_ENTITY_TAGGER_H_
#define NEWSGRAPH_NER_ENTITY_TAGGER_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/stage.h"
#include "extractor/ner/gazetteer.h"

namespace newsgraph::ner {

// Kinds of title (rules/titles.tsv), used to match descriptions to people.
enum class TitleGroup : uint8_t { kNone, kLeader, kMinister, kOfficial, kHonorific, kOther };

class EntityTagger : public Stage {
 public:
  // Loads gazetteers/lexicon/, every gazetteers/*.tsv under config.data_dir,
  // config.user_gazetteers, and extractor/ner/rules/*.tsv. Fails with
  // "file:line: message" on the first malformed row.
  static Result<std::unique_ptr<EntityTagger>> Create(const StageConfig& config);
  // The same with an explicit list of gazetteer files instead of
  // gazetteers/*.tsv (tests, experiments).
  static Result<std::unique_ptr<EntityTagger>> CreateWithGazetteers(const StageConfig& config,
                                                                    const std::vector<std::string>& files);
  // The gazetteer files Create() reads: gazetteers/*.tsv sorted, then the
  // user's files.
  static Result<std::vector<std::string>> GazetteerFiles(const StageConfig& config);

  std::string_view Name() const override { return "ner"; }
  Layers Requires() const override { return kLayerTokens; }
  Layers Provides() const override { return kLayerEntities; }
  // Replaces doc->entities. Entities are ordered by first mention, mentions
  // by offset. Never fails on well-formed tokens. Thread-safe.
  Status Process(Document* doc) const override;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Lexicon& lexicon() const { return lexicon_; }
  // The title phrase starting at token i ("prime minister"), longest first:
  // returns its length in tokens (0: none) and sets *group.
  uint32_t MatchTitle(const Document& doc, const std::vector<uint64_t>& keys, uint32_t i, TitleGroup* group) const;

 private:
  EntityTagger() = default;
  Status LoadRules(const StageConfig& config);
  // Builds vocab_ from the lexicon, the gazetteers' first words and the rules.
  Status BuildVocabulary();
  struct Work;  // per-document state, in the .cc
  void FindCandidates(Work* w) const;
  // What kind of headline a sentence is: 0 none, 1 mostly all capitals, 2
  // every content word capitalised, given how many of its words are in
  // capitals. Stops at the first word that rules both out.
  static uint8_t HeadlineKind(const Work& w, const Sentence& sent, uint32_t all_caps_words);
  void ResolveInDocument(Work* w) const;
  void AddDescriptions(Work* w) const;
  void BuildEntities(Work* w) const;
  // MatchTitle over the document's vocabulary entries (one probe per title word).
  uint32_t TitleAt(const Work& w, uint32_t i, TitleGroup* group) const;
  // The type the words around the name at tokens [begin, end) tell
  // (rules/name_context.tsv, and "X general manager Y" -> Organization), as an
  // EntityType, or -1.
  int ContextType(const Work& w, uint32_t begin, uint32_t end) const;
  // True when the name at tokens [begin, end) stands in sports results.
  bool IsTeamContext(const Work& w, uint32_t begin, uint32_t end) const;
  // True when a score follows the name that ends at token `end` ("Kent
  // 312-5", "Kestrak 6 Vorlund 2"), not a date or an amount.
  bool IsScoreAfter(const Work& w, uint32_t end) const;
  // The end of a name of several words at [begin, end) with a hyphenated
  // syllable after it: "Lee Jae-myung", "Chung Eui-sun" (tokens "-" and
  // "myung"). Returns `end` when there is none.
  uint32_t ExtendHyphenated(const Work& w, uint32_t begin, uint32_t end) const;
  // True when what follows the name ending at token `end` makes it a speaker:
  // a speech verb ("said", "told") or a role in lower case ("spokesman").
  bool SpeakerAfter(const Work& w, uint32_t end) const;
  // Stricter than IsTeamContext, for names no gazetteer knows: the name at
  // [begin, end) stands in a line of results, with "v" or "beat", in a row of
  // standings ("Aston Villa 4 1 2 1"), or opposite another name and score
  // ("Kestrak 6 Vorlund 2"); a batting or bowling line ("Tom Hallworth 10-0-33-2")
  // is not one.
  bool IsResultLine(const Work& w, uint32_t begin, uint32_t end) const;

  Lexicon lexicon_;
  std::unique_ptr<Gazetteer> gazetteer_;
  // Title phrases: n-gram hash of their token keys -> TitleGroup | length << 8;
  // title_first_: first word's key -> longest title starting with it.
  FlatKeyMap titles_;
  FlatKeyMap title_first_;
  enum WordPosition : uint8_t { kSuffix = 1, kHead = 2 };
  // One word of rules/*.tsv: where it stands and the subtype it gives (index into subtypes_).
  struct WordRule {
    uint8_t position = 0;
    uint8_t subtype = 0;
  };
  std::vector<std::string> subtypes_;  // of org_words.tsv and place_words.tsv
  FlatKeyMap org_words_;    // key -> WordRule bits
  FlatKeyMap place_words_;  // key -> WordRule bits
  FlatKeyMap before_words_;  // "in" -> 1 + EntityType::kPlace
  FlatKeyMap after_words_;   // "said" -> 1 + EntityType::kPerson
  // Phrases of name_context.tsv ("shares of", "'s board"): hash of the side's
  // seed and the words -> 1 + EntityType.
  static constexpr uint64_t kBeforeSeed = 0x62656630, kAfterSeed = 0x61667430;
  static constexpr size_t kMaxContextWords = 4;
  FlatKeyMap context_phrases_;
  FlatKeyMap phrase_edges_;  // the last word of a "before" phrase, the first of an "after" one
  FlatKeyMap not_name_after_;  // type None: "$", "dollars" ("US$ 299" names no place)
  size_t longest_before_ = 1, longest_after_ = 1;
  FlatKeyMap connectors_;    // "of", "de", "al", "&", "-"
  FlatKeyMap non_names_;     // "July", "Monday"
  FlatKeyMap event_words_;   // rules/non_entity_words.tsv: "Agreement" -> WordPosition bits
  FlatKeyMap team_words_;    // "v", "beat"
  const uint64_t of_key_ = TokenKey("of");
  const uint64_t the_key_ = TokenKey("the");
  // Per gazetteer entry, what ranks it among the entries of one alias.
  struct EntryRank {
    static constexpr uint16_t kNoCountry = 0xffff;
    double base = 0;                   // places and organizations: score before context
    uint16_t country_bit = kNoCountry;  // a town's or region's country (Work::CountryBit)
    bool person = false;
    bool site = false;     // a building, monument or venue
    bool company = false;
    // What the document-level passes ask of an entry, so that they need not
    // read the (large, scattered) GazetteerEntry: its type, a country or
    // territory, a one-word common-word name, a town that may be a surname
    // (city, no capital, under 500,000), a place small enough to be the head
    // of an organization's name (no country, capital, region or continent,
    // under 1,000,000).
    EntityType type = EntityType::kPlace;
    bool country = false;
    bool ambiguous_word = false;
    bool town = false;
    bool small_place = false;
    // And what choosing among an alias's entries asks: read from a
    // hand-written file; under 100,000 people and no capital; a city under
    // 50,000; a place that may stand for a sports team (no country,
    // continent or nation); a country's or territory's own alpha-2.
    bool curated = false;
    bool minor = false;
    bool small_city = false;
    bool may_be_team = false;
    uint16_t own_country_bit = kNoCountry;
  };
  std::vector<EntryRank> ranks_;
  // Every word any of the tables above knows, with all it knows about it in
  // one 32-bit value (see WordInfo in the .cc): one probe per token.
  CompactKeyMap vocab_;
  // The part of vocab_ that words written in lower case need (see Process).
  CompactKeyMap lower_vocab_;
};

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_ENTITY_TAGGER_H_
