#include "extractor/ner/entity_tagger.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cmath>
#include <filesystem>
#include <span>

#include "extractor/core/tsv_reader.h"
#include "extractor/ner/slug.h"
#include "extractor/ner/token_key.h"

namespace newsgraph::ner {
namespace {

uint64_t Step(uint64_t h, uint64_t key) { return NgramStep(h, key); }

// Splits a rule phrase into word keys as the segmenter splits text: at spaces,
// and a hyphen is a token of its own ("prime minister" -> 2 keys,
// "secretary-general" -> 3).
std::vector<uint64_t> PhraseKeys(std::string_view phrase) {
  std::vector<uint64_t> out;
  size_t i = 0;
  while (i < phrase.size()) {
    size_t end = phrase.find_first_of(" -", i);
    if (end == std::string_view::npos) end = phrase.size();
    if (end > i) out.push_back(TokenKey(phrase.substr(i, end - i)));
    if (end < phrase.size() && phrase[end] == '-') out.push_back(TokenKey("-"));
    i = end + 1;
  }
  return out;
}

// True when `t` is `word`: compared inline byte by byte, which for the
// short literal words of the rules costs less than a call to compare().
template <size_t N>
bool Is(std::string_view t, const char (&word)[N]) {
  if (t.size() != N - 1) return false;
  for (size_t k = 0; k + 1 < N; ++k) {
    if (t[k] != word[k]) return false;
  }
  return true;
}

// How a candidate mention was found.
enum class Origin : uint8_t { kGazetteer, kRule };

// Provisional type of a rule-found name before document-level resolution.
enum class Guess : uint8_t { kPerson, kPlace, kOrganization, kUnknown };

EntityType TypeOf(Guess g) {
  switch (g) {
    case Guess::kPlace: return EntityType::kPlace;
    case Guess::kOrganization: return EntityType::kOrganization;
    default: return EntityType::kPerson;
  }
}

// A hash of an entity id, eight bytes a step (the ids are 10 to 40 bytes;
// equal hashes are told apart by comparing the ids).
uint64_t IdHash(std::string_view id) {
  uint64_t h = 0;
  size_t i = 0;
  for (; i + 8 <= id.size(); i += 8) h = ChunkStep(h, Load64(id.data() + i));
  if (i < id.size()) h = ChunkStep(h, LoadLe(id.data() + i, id.size() - i));
  return FinishKey(h, id.size());
}

// Text that becomes the std::string it initializes: the string is made in
// place (an argument of type std::string would be made, moved and destroyed).
struct StringOf {
  std::string_view text;
  operator std::string() const { return std::string(text); }
};

// What `make` returns, made where it is emplaced: vector::emplace_back
// initializes its element from the conversion's result.
template <typename Make>
struct InPlace {
  Make make;
  operator decltype(make())() const { return make(); }
};
template <typename Make>
InPlace(Make) -> InPlace<Make>;  // (clang 14 does not deduce it for an aggregate)

// Everything the tables know about one word, looked up once per token.
struct WordInfo {
  uint32_t gaz_len : 5;    // longest gazetteer alias starting with the word (tokens)
  uint32_t title_len : 4;  // longest title starting with it (words)
  uint32_t common : 7;     // SCOWL level, 0 = no common word
  uint32_t org : 2;        // org_words.tsv position bits (kSuffix, kHead)
  uint32_t place : 2;      // place_words.tsv position bits
  uint32_t before : 2;     // name_context.tsv "before": 1 + EntityType, 0 = none
  uint32_t after : 2;      // name_context.tsv "after": the same
  uint32_t flags : 4;      // WordFlag
  uint32_t event : 2;      // non_entity_words.tsv position bits
  uint32_t adjective : 1;  // a gazetteer adjective starts with the word ("North Korean")
  uint32_t phrase_edge : 1;  // ends a "before" phrase of name_context.tsv or starts an "after" one
};
static_assert(sizeof(WordInfo) == sizeof(uint32_t));

enum WordFlag : uint8_t {
  kGiven = 1 << 0,      // a given name (first_names.tsv)
  kConnector = 1 << 1,  // may sit inside a name: "of", "de", "al", "&", "-"
  kNonName = 1 << 2,    // never a name alone: months, days
  kTeamWord = 1 << 3,   // stands between teams: "v", "beat"
};

uint32_t Pack(const WordInfo& info) { return std::bit_cast<uint32_t>(info); }
WordInfo Unpack(uint32_t v) { return std::bit_cast<WordInfo>(v); }
// Clears `common` and kGiven in a packed WordInfo. (const, not constexpr:
// clang 14, used for the fuzz build, cannot bit_cast bit-fields at compile time.)
const uint32_t kNotListWord =
    ~std::bit_cast<uint32_t>(WordInfo{0, 0, 127, 0, 0, 0, 0, kGiven, 0, 0, 0});
// The fields that make any word a mark (see Process): it may start a title
// or a gazetteer adjective.
const uint32_t kMarkIfWord = std::bit_cast<uint32_t>(WordInfo{0, 15, 0, 0, 0, 0, 0, 0, 0, 1, 0});

}  // namespace

// One part of a capitalised run: a gazetteer match, a word or a connector.
struct Piece {
  uint32_t begin, end;  // tokens
  bool gaz;
  uint32_t cand_begin, cand_end;  // its gazetteer candidates in Work::piece_cands
};

// One mention before entities are formed.
struct Cand {
  uint32_t begin = 0, end = 0;  // tokens [begin, end)
  Origin origin = Origin::kRule;
  Guess guess = Guess::kUnknown;
  int32_t entry = -1;              // gazetteer entry when origin is kGazetteer
  MentionKind kind = MentionKind::kName;
  TitleGroup title = TitleGroup::kNone;  // title seen just before the name
  uint64_t title_key = 0;          // n-gram hash of that title
  std::string_view affiliation;    // alpha-2 from "Russian President ..." (views the gazetteer)
  std::string_view subtype;        // from org/place word rules (views the rule tables)
  int32_t link = -1;               // index of the candidate whose entity this joins
  bool sentence_initial = false;
  bool weak = false;  // a sentence-initial common word: a name only if it is a known surname
  bool team = false;  // a place name standing for a sports team
  bool dropped = false;
};

// A small map from 64-bit keys to candidate or entity indices, emptied for
// each document by a new generation number rather than by clearing memory;
// the first value added for a key wins.
class KeyIndex {
 public:
  // Empties the map, with room for about `n` keys. Only the first slots a
  // document needs are probed, so a small document after a large one stays
  // in the cache.
  void Clear(size_t n) {
    size_t cap = 16;
    while (cap < 2 * n) cap <<= 1;
    NextGeneration(cap);
    size_ = 0;
  }
  // Inline where it is called, once per candidate or entity; Grow is rare.
  [[gnu::always_inline]] void Add(uint64_t key, int32_t value) {
    if (2 * (size_ + 1) > mask_ + 1) Grow();
    Slot* s = Probe(key);
    if (s->generation != generation_) {
      *s = Slot{key, value, generation_};
      ++size_;
    }
  }
  bool empty() const { return size_ == 0; }
  // The first value added for `key`, or -1.
  [[gnu::always_inline]] int32_t Find(uint64_t key) const {
    if (size_ == 0) return -1;
    const Slot* s = Probe(key);
    return s->generation == generation_ ? s->value : -1;
  }

 private:
  struct Slot {
    uint64_t key = 0;
    int32_t value = -1;
    uint32_t generation = 0;  // the slot is in use when it equals generation_
  };
  // Starts a new generation over the first `cap` slots (a power of two).
  void NextGeneration(size_t cap) {
    if (slots_.size() < cap || ++generation_ == 0) {
      slots_.assign(std::max(cap, slots_.size()), Slot{});
      generation_ = 1;
    }
    mask_ = cap - 1;
  }
  Slot* Probe(uint64_t key) const {
    for (size_t i = (key * 0x9E3779B97F4A7C15ull) >> 40 & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.generation != generation_ || s.key == key) return const_cast<Slot*>(&s);
    }
  }
  [[gnu::noinline]] void Grow() {
    std::vector<Slot> live;
    live.reserve(size_);
    for (size_t i = 0; i <= mask_; ++i) {
      if (slots_[i].generation == generation_) live.push_back(slots_[i]);
    }
    NextGeneration(2 * (mask_ + 1));
    size_ = 0;
    for (const Slot& s : live) Add(s.key, s.value);
  }
  std::vector<Slot> slots_ = std::vector<Slot>(16);
  size_t mask_ = 15;
  uint32_t generation_ = 1;
  size_t size_ = 0;
};

// Per-document state. One per thread, reused, so that a document allocates
// only what it outputs once the buffers have grown.
struct EntityTagger::Work {
  Document* doc = nullptr;
  // Per token; the first doc->tokens.size() are this document's.
  std::vector<uint64_t> keys;
  std::vector<WordInfo> info;
  std::vector<uint32_t> period_tokens;  // the tokens that hold a '.' ("J.", "U.S."), ascending
  // Words that are capitalised or may start a title or a gazetteer adjective
  // ("North Korean" in "the North Korean leader"), ascending.
  std::vector<uint32_t> marks;
  size_t mark_count = 0;  // how much of marks this document uses
  std::vector<uint32_t> description_starts;  // AddDescriptions: each "the" before an adjective
  std::vector<Cand> cands;
  std::vector<Gazetteer::Candidate> scratch;
  std::bitset<26 * 26> doc_countries;             // alpha-2 of countries named unambiguously
  bool results = false;  // the document lists results ("Kestrak 6 Vorlund 2")
  std::vector<uint8_t> headline;                  // per sentence: 1 all-caps, 2 title-case
  std::vector<uint32_t> all_caps_words;           // per sentence, to tell headlines
  std::vector<Piece> pieces;                      // the current capitalised run
  std::vector<Gazetteer::Candidate> piece_cands;  // gazetteer candidates of its pieces
  KeyIndex surname, family, teams, org_head, typed, context_typed, entity_index, entity_of_entry;
  std::vector<int8_t> context_of;  // per candidate: EntityType its context tells, or -1
  std::vector<int32_t> order;
  std::vector<int32_t> entity_of;
  std::vector<int32_t> entity_of_root;
  std::vector<uint32_t> mention_counts;
  std::string key_buffer;

  void Reset(Document* d) {
    doc = d;
    cands.clear();
    doc_countries.reset();
  }
  static size_t CountryBit(std::string_view alpha2) {
    return static_cast<size_t>(alpha2[0] - 'A') * 26 + static_cast<size_t>(alpha2[1] - 'A');
  }
};

// --- loading ---------------------------------------------------------------

Result<std::vector<std::string>> EntityTagger::GazetteerFiles(const StageConfig& config) {
  std::vector<std::string> files;
  std::error_code ec;
  const std::string dir = config.DataPath("gazetteers");
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".tsv") files.push_back(e.path().string());
  }
  if (ec) return NotFound(dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : config.user_gazetteers) files.push_back(f);
  return files;
}

Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(const StageConfig& config) {
  ASSIGN_OR_RETURN(std::vector<std::string> files, GazetteerFiles(config));
  return CreateWithGazetteers(config, files);
}

Result<std::unique_ptr<EntityTagger>> EntityTagger::CreateWithGazetteers(const StageConfig& config,
                                                                         const std::vector<std::string>& files) {
  std::unique_ptr<EntityTagger> t(new EntityTagger());
  RETURN_IF_ERROR(t->LoadRules(config));
  ASSIGN_OR_RETURN(t->lexicon_, Lexicon::Load(config.DataPath("gazetteers/lexicon")));
  ASSIGN_OR_RETURN(t->gazetteer_, Gazetteer::Load(files, t->lexicon_));
  RETURN_IF_ERROR(t->BuildVocabulary());
  return t;
}

Status EntityTagger::LoadRules(const StageConfig& config) {
  const std::string dir = config.DataPath("extractor/ner/rules/");
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(dir + "titles.tsv", {"title", "group"}));
    TsvRow row;
    const int c_title = tsv.Column("title"), c_group = tsv.Column("group");
    while (tsv.Next(&row)) {
      std::string_view g = row.Get(c_group);
      TitleGroup group;
      if (g == "leader") group = TitleGroup::kLeader;
      else if (g == "minister") group = TitleGroup::kMinister;
      else if (g == "official") group = TitleGroup::kOfficial;
      else if (g == "honorific") group = TitleGroup::kHonorific;
      else if (g == "other") group = TitleGroup::kOther;
      else return tsv.Error(row, "group must be leader, minister, official, honorific or other, not '" + std::string(g) + "'");
      std::vector<uint64_t> keys = PhraseKeys(row.Get(c_title));
      if (keys.empty()) return tsv.Error(row, "empty title");
      if (keys.size() > 8) return tsv.Error(row, "title longer than 8 words");
      uint64_t h = 0;
      for (uint64_t k : keys) h = Step(h, k);
      // The first row of a phrase wins.
      if (titles_.Find(h) == nullptr) titles_.Set(h, static_cast<uint64_t>(group) | keys.size() << 8);
      uint64_t* longest = title_first_.FindMutable(keys[0]);
      if (longest == nullptr) title_first_.Set(keys[0], keys.size());
      else if (*longest < keys.size()) *longest = keys.size();
    }
    RETURN_IF_ERROR(tsv.status());
  }
  for (auto [file, table] : {std::pair{"org_words.tsv", &org_words_}, std::pair{"place_words.tsv", &place_words_}}) {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(dir + file, {"word", "position", "subtype"}));
    TsvRow row;
    const int c_word = tsv.Column("word"), c_pos = tsv.Column("position"), c_sub = tsv.Column("subtype");
    while (tsv.Next(&row)) {
      std::string_view w = row.Get(c_word), p = row.Get(c_pos), sub = row.Get(c_sub);
      if (w.empty() || w.find(' ') != std::string_view::npos) return tsv.Error(row, "word must be one word");
      uint8_t pos;
      if (p == "suffix") pos = kSuffix;
      else if (p == "head") pos = kHead;
      else if (p == "both") pos = kSuffix | kHead;
      else return tsv.Error(row, "position must be suffix, head or both, not '" + std::string(p) + "'");
      size_t index = std::find(subtypes_.begin(), subtypes_.end(), sub) - subtypes_.begin();
      if (index == subtypes_.size()) {
        if (index >= 64) return tsv.Error(row, "more than 64 subtypes in org_words.tsv and place_words.tsv");
        subtypes_.emplace_back(sub);
      }
      table->Set(TokenKey(w), pos | index << 2);
    }
    RETURN_IF_ERROR(tsv.status());
  }
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(dir + "name_context.tsv", {"word", "side", "type"}));
    TsvRow row;
    const int c_word = tsv.Column("word"), c_side = tsv.Column("side"), c_type = tsv.Column("type");
    while (tsv.Next(&row)) {
      std::string_view w = row.Get(c_word), side = row.Get(c_side), type = row.Get(c_type);
      EntityType t = EntityType::kPerson;
      bool none = false;
      if (type == "Person") t = EntityType::kPerson;
      else if (type == "Place") t = EntityType::kPlace;
      else if (type == "Organization") t = EntityType::kOrganization;
      else if (type == "None") none = true;
      else return tsv.Error(row, "type must be Person, Place, Organization or None");
      if (side != "before" && side != "after") return tsv.Error(row, "side must be before or after");
      const std::vector<uint64_t> keys = PhraseKeys(w);
      if (keys.empty()) return tsv.Error(row, "empty word");
      if (keys.size() > kMaxContextWords) return tsv.Error(row, "a context phrase has at most 4 words");
      if (none) {
        if (keys.size() > 1 || side != "after") return tsv.Error(row, "None takes one word after the name");
        not_name_after_.Set(keys[0], 1);
        continue;
      }
      if (keys.size() == 1) {
        (side == "before" ? before_words_ : after_words_).Set(keys[0], 1 + static_cast<uint64_t>(t));
        continue;
      }
      // Phrases ("shares of", "'s board"): hashed like titles, by side.
      uint64_t h = side == "before" ? kBeforeSeed : kAfterSeed;
      for (uint64_t k : keys) h = Step(h, k);
      context_phrases_.Set(h, 1 + static_cast<uint64_t>(t));
      phrase_edges_.Set(side == "before" ? keys.back() : keys.front(), 1);
      size_t& longest = side == "before" ? longest_before_ : longest_after_;
      longest = std::max(longest, keys.size());
    }
    RETURN_IF_ERROR(tsv.status());
  }
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(dir + "non_entity_words.tsv", {"word", "position"}));
    TsvRow row;
    const int c_word = tsv.Column("word"), c_pos = tsv.Column("position");
    while (tsv.Next(&row)) {
      std::string_view w = row.Get(c_word), p = row.Get(c_pos);
      if (w.empty() || w.find(' ') != std::string_view::npos) return tsv.Error(row, "word must be one word");
      uint8_t pos;
      if (p == "suffix") pos = kSuffix;
      else if (p == "head") pos = kHead;
      else if (p == "both") pos = kSuffix | kHead;
      else return tsv.Error(row, "position must be suffix, head or both, not '" + std::string(p) + "'");
      event_words_.Set(TokenKey(w), pos);
    }
    RETURN_IF_ERROR(tsv.status());
  }
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(dir + "non_names.tsv", {"word"}));
    TsvRow row;
    while (tsv.Next(&row)) {
      if (row.Get(0).empty()) return tsv.Error(row, "empty word");
      non_names_.Set(TokenKey(row.Get(0)), 1);
    }
    RETURN_IF_ERROR(tsv.status());
  }
  // Words between two teams in sports results.
  for (std::string_view w : {"v", "v.", "vs", "vs.", "beat", "beats", "drew", "lost", "defeated", "edged", "routed"}) {
    team_words_.Set(TokenKey(w), 1);
  }
  // Lower-case words and marks that may sit inside a name.
  for (std::string_view w : {"of", "de", "del", "della", "der", "den", "van", "von", "al", "el", "bin", "ibn", "da",
                             "du", "la", "le", "dos", "das", "di", "&", "-", "and", "for", "the", "on", "y"}) {
    connectors_.Set(TokenKey(w), 1);
  }
  return Status::Ok();
}

Status EntityTagger::BuildVocabulary() {
  // How strongly each entry claims an ambiguous alias, before context (see FindCandidates).
  ranks_.resize(gazetteer_->entries().size());
  for (size_t i = 0; i < ranks_.size(); ++i) {
    const GazetteerEntry& e = gazetteer_->entries()[i];
    EntryRank& r = ranks_[i];
    r.person = e.type == EntityType::kPerson;
    r.type = e.type;
    r.country = e.IsCountry();
    r.ambiguous_word = e.ambiguous_word;
    r.town = e.type == EntityType::kPlace && e.subtype == "city" && e.capital_of.empty() && e.population < 500000;
    r.small_place = e.type == EntityType::kPlace && !e.IsCountry() && e.capital_of.empty() && e.subtype != "region" &&
                    e.subtype != "continent" && e.population < 1000000;
    r.curated = e.curated;
    r.minor = e.population < 100000 && e.capital_of.empty();
    r.small_city = e.type == EntityType::kPlace && e.population < 50000 && e.subtype == "city";
    r.may_be_team = e.type == EntityType::kPlace && !r.country && e.subtype != "continent" && e.subtype != "nation";
    if (e.type == EntityType::kPlace && r.country && !e.country.empty()) {
      r.own_country_bit = static_cast<uint16_t>(Work::CountryBit(e.country));
    }
    if (e.type == EntityType::kOrganization) {
      r.base = e.source.find("petrarch") == std::string::npos ? 88 : 65;
      r.company = e.subtype == "company";
    } else if (e.type == EntityType::kPlace) {
      r.site = e.subtype == "site" || e.subtype == "venue" || e.subtype == "building";
      if (r.site) {
        r.base = 89;  // the building over the body of the same name, unless it speaks
      } else if (e.IsCountry()) {
        r.base = e.subtype == "country" ? 100 : 92;
      } else if (!e.capital_of.empty()) {
        r.base = 90;
      } else if (e.subtype == "city" && e.population >= 1000000) {
        r.base = 80;
      } else if (e.subtype == "region") {
        r.base = 70;
      } else {
        r.base = 40 + 3 * std::log10(1.0 + static_cast<double>(e.population));
      }
      // Towns and regions of a country the document names score higher.
      if (!e.IsCountry() && !r.site && !e.country.empty()) {
        r.country_bit = static_cast<uint16_t>(Work::CountryBit(e.country));
      }
    }
  }
  vocab_.Reserve(lexicon_.common_words.size() + lexicon_.first_names.size() + gazetteer_->first_token_count() +
                 title_first_.size() + org_words_.size() + place_words_.size() + before_words_.size() +
                     after_words_.size() + connectors_.size() + non_names_.size() + team_words_.size() +
                     event_words_.size() + phrase_edges_.size(),
                 2);
  auto update = [&](uint64_t key, auto&& edit) {
    bool added;
    uint32_t* v = vocab_.FindOrAdd(key, &added);  // 0 when new
    WordInfo info = Unpack(*v);
    edit(&info);
    *v = Pack(info);
  };
  lexicon_.common_words.ForEach([&](uint64_t k, uint64_t level) {
    update(k, [&](WordInfo* i) { i->common = static_cast<uint32_t>(level); });
  });
  lexicon_.first_names.ForEach([&](uint64_t k, uint64_t) { update(k, [&](WordInfo* i) { i->flags |= kGiven; }); });
  gazetteer_->ForEachFirstToken([&](uint64_t k, uint32_t len, bool, bool adjective) {
    update(k, [&](WordInfo* i) {
      i->gaz_len = len;
      i->adjective = adjective;
    });
  });
  title_first_.ForEach([&](uint64_t k, uint64_t len) {
    update(k, [&](WordInfo* i) { i->title_len = static_cast<uint32_t>(len); });
  });
  org_words_.ForEach([&](uint64_t k, uint64_t v) { update(k, [&](WordInfo* i) { i->org = v & 3; }); });
  place_words_.ForEach([&](uint64_t k, uint64_t v) { update(k, [&](WordInfo* i) { i->place = v & 3; }); });
  before_words_.ForEach([&](uint64_t k, uint64_t v) { update(k, [&](WordInfo* i) { i->before = static_cast<uint32_t>(v); }); });
  after_words_.ForEach([&](uint64_t k, uint64_t v) { update(k, [&](WordInfo* i) { i->after = static_cast<uint32_t>(v); }); });
  connectors_.ForEach([&](uint64_t k, uint64_t) { update(k, [&](WordInfo* i) { i->flags |= kConnector; }); });
  non_names_.ForEach([&](uint64_t k, uint64_t) { update(k, [&](WordInfo* i) { i->flags |= kNonName; }); });
  team_words_.ForEach([&](uint64_t k, uint64_t) { update(k, [&](WordInfo* i) { i->flags |= kTeamWord; }); });
  event_words_.ForEach([&](uint64_t k, uint64_t v) { update(k, [&](WordInfo* i) { i->event = v & 3; }); });
  phrase_edges_.ForEach([&](uint64_t k, uint64_t) { update(k, [&](WordInfo* i) { i->phrase_edge = 1; }); });
  // The words whose entry matters when they are written in lower case (see
  // Process), copied from vocab_ into a table small enough for the L1 cache.
  FlatKeyMap lower;
  auto keep = [&](uint64_t k, uint64_t) { lower.Set(k, 1); };
  lexicon_.short_words.ForEach(keep);
  title_first_.ForEach(keep);
  org_words_.ForEach(keep);
  place_words_.ForEach(keep);
  before_words_.ForEach(keep);
  after_words_.ForEach(keep);
  connectors_.ForEach(keep);
  non_names_.ForEach(keep);
  team_words_.ForEach(keep);
  gazetteer_->ForEachFirstToken([&](uint64_t k, uint32_t, bool any_case, bool) {
    if (any_case) lower.Set(k, 1);
  });
  // The words next to a context phrase, for its first test: the other
  // fields of a word that is in lower_vocab_ for this alone stay 0 there.
  phrase_edges_.ForEach([&](uint64_t k, uint64_t) {
    bool added;
    uint64_t* v = lower.FindOrAdd(k, &added);
    if (added) *v = 2;
  });
  WordInfo edge_only{};
  edge_only.phrase_edge = 1;
  // Sparse, so that a lookup settles at the first slot: most words are not in it.
  lower_vocab_.Reserve(lower.size(), 8);
  lower.ForEach([&](uint64_t k, uint64_t v) { lower_vocab_.Set(k, v == 2 ? Pack(edge_only) : vocab_.Get(k)); });
  return Status::Ok();
}

uint32_t EntityTagger::MatchTitle(const Document& doc, const std::vector<uint64_t>& keys, uint32_t i,
                                  TitleGroup* group) const {
  const uint64_t* f = title_first_.Find(keys[i]);
  if (f == nullptr) return 0;
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t max_len = std::min<uint32_t>(static_cast<uint32_t>(*f), n - i);
  uint64_t hashes[9];
  uint64_t h = 0;
  for (uint32_t k = 0; k < max_len; ++k) {
    h = Step(h, keys[i + k]);
    hashes[k + 1] = h;
  }
  for (uint32_t len = max_len; len >= 1; --len) {
    const uint64_t* t = titles_.Find(hashes[len]);
    if (t != nullptr && (*t >> 8) == len) {
      *group = static_cast<TitleGroup>(*t & 0xff);
      return len;
    }
  }
  return 0;
}

uint32_t EntityTagger::TitleAt(const Work& w, uint32_t i, TitleGroup* group) const {
  if (w.info[i].title_len == 0) return 0;
  return MatchTitle(*w.doc, w.keys, i, group);
}

int EntityTagger::ContextType(const Work& w, uint32_t begin, uint32_t end) const {
  const std::vector<Token>& tokens = w.doc->tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  const uint32_t sentence = tokens[begin].sentence;
  // Phrases first, longest first ("the consulting firm X", "X 's board"),
  // where the word next to the name may end or start one.
  const bool before_phrase = begin > 0 && w.info[begin - 1].phrase_edge;
  for (uint32_t len = static_cast<uint32_t>(longest_before_); before_phrase && len >= 2; --len) {
    if (begin < len || tokens[begin - len].sentence != sentence) continue;
    uint64_t h = kBeforeSeed;
    for (uint32_t k = begin - len; k < begin; ++k) h = Step(h, w.keys[k]);
    if (const uint64_t* t = context_phrases_.Find(h)) return static_cast<int>(*t) - 1;
  }
  if (begin > 0 && tokens[begin - 1].sentence == sentence && w.info[begin - 1].before != 0) {
    return static_cast<int>(w.info[begin - 1].before) - 1;
  }
  const bool after_phrase = end < n && w.info[end].phrase_edge;
  for (uint32_t len = static_cast<uint32_t>(longest_after_); after_phrase && len >= 2; --len) {
    if (end + len > n || tokens[end + len - 1].sentence != sentence) continue;
    uint64_t h = kAfterSeed;
    for (uint32_t k = end; k < end + len; ++k) h = Step(h, w.keys[k]);
    if (const uint64_t* t = context_phrases_.Find(h)) return static_cast<int>(*t) - 1;
  }
  if (end < n && tokens[end].sentence == sentence) {
    // "Korvin general manager Peter Drazic": a name before a title in lower
    // case and a person's name is who that person works for. (A capitalised title
    // makes one title with the word: "Education Minister".)
    TitleGroup group;
    if (const uint32_t len = tokens[end].Has(kTokLower) ? TitleAt(w, end, &group) : 0;
        len > 0 && group != TitleGroup::kHonorific &&
                                                         end + len < n && tokens[end + len].sentence == sentence &&
                                                         tokens[end + len].Has(kTokCapitalized)) {
      return static_cast<int>(EntityType::kOrganization);
    }
    if (w.info[end].after != 0) return static_cast<int>(w.info[end].after) - 1;
  }
  return -1;
}

uint32_t EntityTagger::ExtendHyphenated(const Work& w, uint32_t begin, uint32_t end) const {
  const Document& doc = *w.doc;
  const std::vector<Token>& tokens = doc.tokens;
  if (end + 1 >= tokens.size() || end - begin < 2) return end;
  const Token& hyphen = tokens[end];
  const Token& part = tokens[end + 1];
  if (doc.Folded(hyphen.span) != "-" || hyphen.Has(kTokSpaceBefore) || part.Has(kTokSpaceBefore)) return end;
  if (hyphen.sentence != tokens[begin].sentence || part.sentence != hyphen.sentence) return end;
  if (!part.Has(kTokWord) || !part.Has(kTokLower) || !tokens[end - 1].Has(kTokCapitalized)) return end;
  // A syllable of a given name ("Jae-myung", "Eui-sun", "Ki-moon"), not a word
  // made from the name ("Kim-led", "Moscow-based", "Trump-era").
  const std::string_view s = doc.Folded(part.span);
  auto ends_with = [&](std::string_view x) { return s.size() >= x.size() && s.substr(s.size() - x.size()) == x; };
  if (s.size() < 2 || s.size() > 5 || ends_with("ed") || ends_with("ing") || ends_with("ly") || ends_with("era") ||
      ends_with("led") || ends_with("style")) {
    return end;
  }
  return end + 2;
}

bool EntityTagger::SpeakerAfter(const Work& w, uint32_t end) const {
  const std::vector<Token>& tokens = w.doc->tokens;
  if (end == 0 || end >= tokens.size() || tokens[end].sentence != tokens[end - 1].sentence) return false;
  if (w.info[end].after == 1 + static_cast<uint32_t>(EntityType::kPerson)) return true;  // "said", "told"
  TitleGroup group;
  return tokens[end].Has(kTokLower) && TitleAt(w, end, &group) > 0 && group != TitleGroup::kHonorific;
}

bool EntityTagger::IsScoreAfter(const Work& w, uint32_t end) const {
  const Document& doc = *w.doc;
  const std::vector<Token>& tokens = doc.tokens;
  if (end == 0 || end >= tokens.size() || tokens[end].sentence != tokens[end - 1].sentence) return false;
  if (!tokens[end].Has(kTokNumber) || (w.info[end - 1].flags & kNonName)) return false;  // "March 06"
  const std::string_view folded(doc.folded);
  auto word = [&](uint32_t i) { return folded.substr(tokens[i].span.begin, tokens[i].span.size()); };
  // Not a date ("PARIS 2024-06-30": a year joined to a month) nor an amount
  // ("Chicago 5 percent", "Boeing 747 jets").
  const bool joined = end + 1 < tokens.size() && !tokens[end + 1].Has(kTokSpaceBefore);
  const bool date = joined && word(end + 1) == "-" && word(end).size() == 4;
  const bool amount = end + 1 < tokens.size() && tokens[end + 1].Has(kTokWord) && tokens[end + 1].Has(kTokLower) &&
                      word(end + 1) != "for" && word(end + 1) != "and";
  return !date && !amount;
}

bool EntityTagger::IsTeamContext(const Work& w, uint32_t begin, uint32_t end) const {
  const Document& doc = *w.doc;
  const std::vector<Token>& tokens = doc.tokens;
  const uint32_t sentence = tokens[begin].sentence;
  // "in Graz 3-2", "Tom Hallworth of Wales 15-10": a place, whatever follows.
  if (begin > 0 && tokens[begin - 1].sentence == sentence &&
      (w.info[begin - 1].before == 1 + static_cast<uint32_t>(EntityType::kPlace) || w.keys[begin - 1] == of_key_)) {
    return false;
  }
  if (end < tokens.size() && tokens[end].sentence == sentence) {
    if (IsScoreAfter(w, end)) return true;
    if (w.info[end].flags & kTeamWord) return true;
  }
  if (begin > 0 && tokens[begin - 1].sentence == sentence && (w.info[begin - 1].flags & kTeamWord)) return true;
  return false;
}

bool EntityTagger::IsResultLine(const Work& w, uint32_t begin, uint32_t end) const {
  const std::vector<Token>& tokens = w.doc->tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  if (!IsTeamContext(w, begin, end)) return false;
  if (end < n && (w.info[end].flags & kTeamWord)) return true;                   // "Essex v Kent"
  if (begin > 0 && (w.info[begin - 1].flags & kTeamWord)) return true;          // "... beat Dinamo"
  if (!IsScoreAfter(w, end)) return false;
  const uint32_t sentence = tokens[begin].sentence;
  auto number = [&](uint32_t i) { return i < n && tokens[i].sentence == sentence && tokens[i].Has(kTokNumber); };
  auto capitalized = [&](uint32_t i) {
    return i < n && tokens[i].sentence == sentence && tokens[i].Has(kTokWord) &&
           (tokens[i].Has(kTokCapitalized) || tokens[i].Has(kTokAllCaps));
  };
  // A standings row: three numbers apart ("Aston Villa 4 1 2 1 4 3 5").
  if (number(end + 1) && number(end + 2)) return true;
  // A result: another name and its score ("Kestrak 6 Vorlund 2"), or this name second
  // ("Vorlund 6 Kestrak 5").
  if (capitalized(end + 1)) {
    for (uint32_t k = end + 2; k < end + 5 && k < n && tokens[k].sentence == sentence; ++k) {
      if (tokens[k].Has(kTokNumber)) return true;
      if (!capitalized(k)) break;
    }
  }
  return begin >= 2 && number(begin - 1) && capitalized(begin - 2);
}

// --- per-document work -----------------------------------------------------

Status EntityTagger::Process(Document* doc) const {
  thread_local Work w;
  w.Reset(doc);
  doc->entities.clear();
  const size_t n = doc->tokens.size();
  // The per-token arrays only grow (the token count and the list counts say
  // how much is used): shrinking and growing them again would zero them for
  // every document.
  if (w.keys.size() < n) w.keys.resize(n);
  if (w.info.size() < n) w.info.resize(n);
  if (w.marks.size() < n + 1) w.marks.resize(n + 1);
  if (w.period_tokens.size() < n + 1) w.period_tokens.resize(n + 1);
  const std::string_view folded(doc->folded);
  // Plain pointers: the compiler need not reload the vectors after each store.
  const Token* tokens = doc->tokens.data();
  uint64_t* keys = w.keys.data();
  WordInfo* infos = w.info.data();
  // The lists are written through cursors, one register each, that move
  // on past a token that belongs in them.
  uint32_t* mark_end = w.marks.data();
  // The two tables as pointer and mask, indexed by "capitalised": a word in
  // lower case needs only what lower_vocab_ holds (titles, connectors,
  // context words, short common words...).
  const CompactKeyMap::View tables[2] = {lower_vocab_.view(), vocab_.view()};
  // Tokens with a period are few: listed in the pass, their entries are fixed after it.
  uint32_t* const period_tokens = w.period_tokens.data();
  uint32_t* period_end = period_tokens;
  // What a token's shape (its five low flags: word, number, punctuation,
  // capitalised, all capitals) says, looked up instead of computed.
  struct Shape {
    uint32_t capish;            // capitalised or all capitals: reads vocab_
    uint32_t word;
    uint32_t capitalized_word;  // a mark whatever the tables say
  };
  static constexpr auto kShapes = [] {
    std::array<Shape, 32> shapes{};
    for (uint32_t f = 0; f < 32; ++f) {
      const uint32_t word = (f & kTokWord) != 0, capish = (f & (kTokCapitalized | kTokAllCaps)) != 0;
      shapes[f] = Shape{capish, word, word & capish};
    }
    return shapes;
  }();
  static_assert((kTokWord | kTokNumber | kTokPunct | kTokCapitalized | kTokAllCaps) == 31);
  // One pass: keys, what the tables know of each word, and the tokens worth
  // a closer look (headlines are told later, sentence by sentence, where
  // most sentences are settled by their first few words). Without branches
  // where the outcome is unpredictable (& and |, not && and ||).
  PlainTokens plain(folded);
  for (size_t i = 0; i < n; ++i) {
    const Token& token = tokens[i];
    uint64_t key;
    if (plain.IsPlain(token)) {  // most tokens: no '.' to look for, no byte to normalize
      key = PlainTokenKey(folded.data() + token.span.begin, token.span.size());
    } else {
      bool has_period;
      key = FastTokenKeyAt(folded, token, &has_period);
      plain.Skip(token);
      if (has_period) *period_end++ = static_cast<uint32_t>(i);
    }
    keys[i] = key;
    const Shape& shape = kShapes[token.flags & 31];
    const WordInfo info = Unpack(tables[shape.capish].Get(key));
    infos[i] = info;
    *mark_end = static_cast<uint32_t>(i);
    mark_end += shape.capitalized_word | (shape.word & ((Pack(info) & kMarkIfWord) != 0));
  }
  // Words with periods ("J.", "St.") are initials and abbreviations, never
  // list words: no common level, no given name.
  for (const uint32_t* t = period_tokens; t != period_end; ++t) {
    infos[*t] = Unpack(Pack(infos[*t]) & kNotListWord);
  }
  w.mark_count = static_cast<size_t>(mark_end - w.marks.data());
  FindCandidates(&w);
  ResolveInDocument(&w);
  AddDescriptions(&w);
  BuildEntities(&w);
  w.doc = nullptr;
  doc->layers |= kLayerEntities;
  return Status::Ok();
}

uint8_t EntityTagger::HeadlineKind(const Work& w, const Sentence& sent, uint32_t all_caps_words) {
  const std::vector<Token>& tokens = w.doc->tokens;
  // Over the words: all, all capitals, content words (longer than three
  // letters or no common word) and capitalised content words.
  uint32_t words = 0, caps = 0, content = 0, capitalized = 0;
  for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
    const Token& token = tokens[t];
    if (!token.Has(kTokWord)) continue;
    ++words;
    caps += token.Has(kTokAllCaps);
    if (token.span.size() <= 3 && w.info[t].common != 0) continue;
    ++content;
    if (token.Has(kTokCapitalized) || token.Has(kTokAllCaps)) {
      ++capitalized;
      continue;
    }
    // A content word in lower case: no title-case headline. Nor an all-capitals
    // one once the sentence's words in capitals cannot make 60% of the words so far.
    if (uint64_t{all_caps_words} * 10 < uint64_t{words} * 6) return 0;
  }
  if (words >= 3 && caps * 10 >= words * 6) return 1;
  if (content >= 4 && capitalized == content) return 2;
  return 0;
}

void EntityTagger::FindCandidates(Work* w) const {
  Document& doc = *w->doc;
  const std::vector<Token>& tokens = doc.tokens;
  const std::string_view folded(doc.folded);
  // Tokens lie inside the text: no bounds check (substr's would keep the
  // lambda from being inlined).
  auto lower = [&](uint32_t i) { return std::string_view(folded.data() + tokens[i].span.begin, tokens[i].span.size()); };
  auto is_cap = [&](uint32_t i) {  // the flags read once
    const uint16_t f = tokens[i].flags;
    return (f & kTokWord) != 0 && (f & (kTokCapitalized | kTokAllCaps)) != 0;
  };
  auto given = [&](uint32_t i) { return (w->info[i].flags & kGiven) != 0; };
  // "Major League Baseball": an organization word after the first makes a given name
  // no person's.
  auto org_word_inside = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b + 1; k < e; ++k) {
      if (w->info[k].org & kSuffix) return true;
    }
    return false;
  };

  // Headlines: mostly all capitals (1), or every content word capitalised
  // (2). Words in capitals are marked: counted from the marks. In the same
  // pass, three names with a number after them: a table of results, where a
  // name before a score is a team ("Kestrak 6", "Kent 312-5").
  w->all_caps_words.assign(doc.sentences.size(), 0);
  uint32_t scores = 0;
  for (uint32_t i : std::span<const uint32_t>(w->marks.data(), w->mark_count)) {
    const Token& token = tokens[i];
    w->all_caps_words[token.sentence] += token.Has(kTokWord) && token.Has(kTokAllCaps);
    scores += i + 1 < tokens.size() && (token.flags & (kTokCapitalized | kTokAllCaps)) != 0 &&
              (tokens[i + 1].flags & kTokNumber) != 0;
  }
  w->results = scores >= 3;
  w->headline.assign(doc.sentences.size(), 0);
  for (const Sentence& sent : doc.sentences) {
    const uint32_t s = tokens[sent.token_begin].sentence;
    w->headline[s] = HeadlineKind(*w, sent, w->all_caps_words[s]);
  }

  std::vector<Gazetteer::Candidate>& found = w->scratch;
  // Only marks can start anything: visit those.
  const std::span<const uint32_t> marks(w->marks.data(), w->mark_count);
  size_t m = 0;
  // The gazetteer's first slot for the name that may start at a mark is
  // prefetched a few marks ahead, so that its cache miss overlaps this work.
  constexpr size_t kMarksAhead = 4;
  size_t prefetched = 0;
  // What emit_gaz reads of the current run and sentence, declared once with
  // it: the lambda is too large to inline, and made in the loop it would be
  // made for every run.
  std::vector<Piece>& pieces = w->pieces;  // reused: no allocation per run once grown
  std::vector<Gazetteer::Candidate>& flat_cands = w->piece_cands;
  auto piece_cands = [&](const Piece& pc) {
    return std::span<const Gazetteer::Candidate>(flat_cands.data() + pc.cand_begin, pc.cand_end - pc.cand_begin);
  };
  bool all_caps = false, title_case = false;  // the sentence is a headline of either kind
  uint32_t run_begin = 0;
  bool sentence_start = false;
  TitleGroup title = TitleGroup::kNone;
  uint64_t title_key = 0;
  std::string_view affiliation;
  auto emit_gaz = [&](size_t q) {
    Cand c;
    c.begin = pieces[q].begin;
    c.end = pieces[q].end;
    c.origin = Origin::kGazetteer;
    c.title = title;
    c.title_key = title_key;
    c.affiliation = affiliation;
    c.sentence_initial = sentence_start && c.begin == run_begin;
    // Choose among the entries this alias may name.
    const auto& list = piece_cands(pieces[q]);
    double best = -1e9;
    // A seat of government that speaks is the body ("the White House said", "Kremlin
    // spokesman"); elsewhere it is the building. "the Amazon" is the river, not the
    // company.
    bool any_site = false;
    for (const auto& gc : list) any_site = any_site || ranks_[gc.entry].site;
    const bool speaks = any_site && SpeakerAfter(*w, c.end);
    const bool the_before = c.begin > 0 && w->keys[c.begin - 1] == the_key_;
    for (const auto& gc : list) {
      if (gc.adjective) continue;
      const EntryRank& rank = ranks_[gc.entry];
      double score = rank.base;
      if (rank.site && speaks) score -= 20;
      if (rank.company && the_before) score -= 40;
      if (rank.person) {
        score = gc.exact_name ? 85 : 55;
        if (title != TitleGroup::kNone) score += 40;
      }
      if (rank.country_bit != EntryRank::kNoCountry && w->doc_countries.test(rank.country_bit)) score += 25;
      if (title != TitleGroup::kNone && !rank.person) score -= 30;
      if (score > best) {
        best = score;
        c.entry = static_cast<int32_t>(gc.entry);
      }
    }
    if (c.entry < 0) return;  // adjectives only
    // What follows reads the entry's rank, not the entry: ranks are
    // small and close together, entries large and scattered.
    const EntryRank& e = ranks_[c.entry];
    // "US$ 299", "US dollars": a currency, not the place.
    if (e.type == EntityType::kPlace && c.end < tokens.size() && tokens[c.end].sentence == tokens[c.begin].sentence &&
        not_name_after_.Find(w->keys[c.end]) != nullptr) {
      return;
    }
    c.guess = e.type == EntityType::kPerson ? Guess::kPerson
              : e.type == EntityType::kPlace ? Guess::kPlace : Guess::kOrganization;
    // A one-word alias that is a common word or given name needs a good reason.
    const bool one_token = c.end - c.begin == 1;
    if (one_token && e.type != EntityType::kPerson && !e.country && !e.curated) {
      int level = w->info[c.begin].common;
      bool common = level > 0 && level <= 50;
      bool given = (w->info[c.begin].flags & kGiven) != 0;
      // A score after it is one ("Kent 312-5", "DENVER 71 60"): see below.
      const bool scored = e.type == EntityType::kPlace && IsScoreAfter(*w, c.end);
      if ((common || given) && (c.sentence_initial || all_caps || title_case) && !scored) return;
      if (common && level <= 20 && e.minor && !scored) return;
      if (given && e.small_city && !scored) return;
    }
    // Sports results: a town or region next to a score or "v" is a team ("Kent 305",
    // "Essex v Kent", "CHICAGO 52 68"), named like a club.
    if (e.may_be_team && IsTeamContext(*w, c.begin, c.end)) {
      c.origin = Origin::kRule;
      c.entry = -1;
      c.guess = Guess::kOrganization;
      c.subtype = "sports";
      c.team = true;
      w->cands.push_back(std::move(c));
      return;
    }
    if (e.own_country_bit != EntryRank::kNoCountry) w->doc_countries.set(e.own_country_bit);
    w->cands.push_back(std::move(c));
  };

  for (const Sentence& sent : doc.sentences) {
    const uint32_t s_index = tokens[sent.token_begin].sentence;
    all_caps = w->headline[s_index] == 1;
    title_case = w->headline[s_index] == 2;
    uint32_t i = sent.token_begin;
    // A title or adjective that may govern the next name, with where it ended.
    TitleGroup pending_title = TitleGroup::kNone;
    uint64_t pending_title_key = 0;
    std::string_view pending_affiliation;
    uint32_t pending_end = UINT32_MAX;

    while (true) {
      while (m < marks.size() && marks[m] < i) ++m;
      if (m == marks.size() || marks[m] >= sent.token_end) break;
      i = marks[m];
      for (; prefetched < std::min(marks.size(), m + kMarksAhead); ++prefetched) {
        if (w->info[marks[prefetched]].gaz_len != 0) gazetteer_->PrefetchStart(w->keys[marks[prefetched]]);
      }
      // Titles, capitalised or not: "spokesman John Kirby", "President Putin" -- unless
      // a person's name in the gazetteers starts with it ("Pope Francis").
      TitleGroup group;
      uint32_t title_len = all_caps ? 0 : TitleAt(*w, i, &group);
      if (title_len > 0 && w->info[i].gaz_len > title_len && is_cap(i)) {
        const uint32_t name_len = gazetteer_->MatchAt(doc, w->keys, i, &found);
        for (const auto& gc : found) {
          if (name_len > title_len && !gc.adjective &&
              ranks_[gc.entry].person) {
            title_len = 0;
          }
        }
      }
      if (uint32_t len = title_len; len > 0) {
        uint32_t after = i + len;
        // "President" that starts a name run: keep the title for the name after it.
        pending_title = group;
        uint64_t h = 0;
        for (uint32_t k = i; k < after; ++k) h = Step(h, w->keys[k]);
        pending_title_key = h;
        pending_end = after;
        i = after;
        continue;
      }
      if (!is_cap(i)) {
        ++i;
        continue;
      }

      // A capitalised run: name tokens, gazetteer matches and inner connectors.
      run_begin = i;
      uint32_t j = i;
      pieces.clear();
      flat_cands.clear();
      while (j < sent.token_end) {
        uint32_t len = 0;
        if (w->info[j].gaz_len > 0 && (is_cap(j) || j > run_begin)) len = gazetteer_->MatchAt(doc, w->keys, j, &found);
        if (len > 0 && j > run_begin) {
          // "United Nations Secretary-General Kofi Annan": a name that starts with a title
          // and a given name is a title and a person's name, whatever a gazetteer lists.
          TitleGroup g3;
          if (const uint32_t tl = TitleAt(*w, j, &g3); tl > 0 && tl < len && given(j + tl)) break;
        }
        if (len > 0) {
          pieces.push_back({j, j + len, true, static_cast<uint32_t>(flat_cands.size()),
                            static_cast<uint32_t>(flat_cands.size() + found.size())});
          flat_cands.insert(flat_cands.end(), found.begin(), found.end());
          j += len;
          continue;
        }
        if (is_cap(j)) {
          // A headline capitalises its function words: "Arrives In North Korea For His".
          if (j > run_begin && title_case && w->info[j].common == 10 && lower(j).size() <= 4 &&
              !Is(lower(j), "of")) {
            break;
          }
          TitleGroup g2;
          // A title inside a run starts a new name ("... Minister Sergei Lavrov"), but a
          // title at the end is part of this one ("Martin Luther King").
          if (uint32_t tl = j > run_begin ? TitleAt(*w, j, &g2) : 0;
              tl > 0 && j + tl < sent.token_end && is_cap(j + tl)) {
            break;
          }
          pieces.push_back({j, j + 1, false, 0, 0});
          ++j;
          continue;
        }
        if (j > run_begin && j + 1 < sent.token_end && (w->info[j].flags & kConnector) && !all_caps) {
          bool hyphen = Is(lower(j), "-");
          if (hyphen && (tokens[j].Has(kTokSpaceBefore) || tokens[j + 1].Has(kTokSpaceBefore))) break;
          // "the" only after "of": "Bank of the Philippine Islands".
          if (Is(lower(j), "the") && !Is(lower(j - 1), "of")) break;
          uint32_t k = j + 1;
          if (Is(lower(k), "the") && Is(lower(j), "of")) ++k;
          // "and" joins one more word ("Marks and Spencer"), not a second full name
          // ("the Ministry of Foreign Affairs and Acme Widgets Corp.").
          if (Is(lower(j), "and") && k + 1 < sent.token_end && is_cap(k + 1)) break;
          // "al-Aiban", "el-Sisi": the article joined to the name by a hyphen.
          if (k + 1 < sent.token_end && Is(lower(k), "-") && !hyphen && !tokens[k].Has(kTokSpaceBefore) &&
              !tokens[k + 1].Has(kTokSpaceBefore) && is_cap(k + 1)) {
            ++k;
          }
          // Not over a month or a day: "Port Moresby on Sunday".
          if (k < sent.token_end && is_cap(k) && !(w->info[k].flags & kNonName)) {
            pieces.push_back({j, k, false, 0, 0});
            j = k;
            continue;
          }
        }
        break;
      }
      const uint32_t run_end = j;
      i = run_end;
      if (pieces.empty()) {
        i = run_begin + 1;
        continue;
      }
      // Trim connectors at the end.
      while (!pieces.empty() && !pieces.back().gaz && !is_cap(pieces.back().begin)) pieces.pop_back();
      // Nor does a month or a day start one: "the July BKR meeting" -- unless
      // it is a given name too or an initial ("Jan Dvorak", "I. Moreno"), or
      // an organization word ends the run ("Sunday Times Group").
      bool non_name_first = false;
      if (pieces.size() >= 2 && !pieces[0].gaz && pieces[0].end - pieces[0].begin == 1 &&
          (w->info[pieces[0].begin].flags & (kNonName | kGiven)) == kNonName &&
          lower(pieces[0].begin).find('.') == std::string_view::npos &&
          is_cap(pieces[1].begin) &&
          !(w->info[pieces.back().end - 1].org & kSuffix)) {
        pieces.erase(pieces.begin());
        non_name_first = true;
      }

      // --- classify the run ------------------------------------------------
      sentence_start = !non_name_first &&
                       (run_begin == sent.token_begin ||
                        (run_begin > sent.token_begin && tokens[run_begin - 1].Has(kTokPunct) &&
                         (Is(lower(run_begin - 1), "\"") || Is(lower(run_begin - 1), "(") ||
                          Is(lower(run_begin - 1), "\xe2\x80\x9c") || Is(lower(run_begin - 1), "-") ||
                          Is(lower(run_begin - 1), ":"))));
      const bool title_before = pending_end == run_begin && pending_title != TitleGroup::kNone;
      title = title_before ? pending_title : TitleGroup::kNone;
      title_key = title_before ? pending_title_key : 0;
      affiliation = title_before ? pending_affiliation : std::string_view();
      pending_title = TitleGroup::kNone;
      pending_affiliation = {};

      auto piece_is_adjective = [&](size_t p) {
        if (!pieces[p].gaz) return false;
        bool any_adj = false, any_name = false;
        for (const auto& c : piece_cands(pieces[p])) {
          if (c.adjective) {
            any_adj = true;
          } else {
            any_name = true;
            if (ranks_[c.entry].country) return false;  // "U.S. officials": a name used as a modifier is still the place
          }
        }
        return any_adj && (!any_name || (pieces[p].end < sent.token_end && tokens[pieces[p].end].Has(kTokWord)));
      };
      auto adjective_country = [&](size_t p) -> std::string_view {
        for (const auto& c : piece_cands(pieces[p])) {
          const GazetteerEntry& e = gazetteer_->entries()[c.entry];
          if (c.adjective && !e.country.empty()) return e.country;
        }
        return {};
      };
      // The org_words / place_words rule of token `tok`, if it stands in position `pos`
      // (position 0: it does not).
      auto word_rule_at = [&](const FlatKeyMap& table, uint32_t tok, uint8_t pos) -> WordRule {
        const uint32_t bits = &table == &org_words_ ? w->info[tok].org : w->info[tok].place;
        if ((bits & pos) == 0) return WordRule{};
        const uint64_t rule = *table.Find(w->keys[tok]);
        return WordRule{static_cast<uint8_t>(rule & 3), static_cast<uint8_t>(rule >> 2)};
      };

      size_t p = 0;
      // Sentence-initial common words are no names ("The", "But", "Officials").
      if (sentence_start && !pieces.empty()) {
        const Piece& first = pieces[0];
        bool keep = false;
        if (first.gaz) {
          for (const auto& c : piece_cands(first)) {
            const EntryRank& e = ranks_[c.entry];
            if (!c.adjective && (!e.ambiguous_word || e.country || first.end - first.begin > 1)) keep = true;
            if (c.adjective) keep = true;
          }
          // "Kent 312-5": a town before a score is a team, a common word or not; so is a
          // name that starts with one in a table of results ("Aston Villa 4 1 2").
          if (!keep && IsScoreAfter(*w, first.end)) keep = true;
          if (!keep && w->results && IsResultLine(*w, first.begin, pieces.back().end)) keep = true;
        } else {
          int level = w->info[first.begin].common;
          // "Mark Papermaster said": a given name before a rare capitalised word.
          bool given_then_rare = false;
          // Also before a rare word that is a town: "Paul Tenby 120,514".
          if (given(first.begin) && pieces.size() > 1 && is_cap(pieces[1].begin) &&
              (!pieces[1].gaz || pieces[1].end - pieces[1].begin == 1)) {
            int next_level = w->info[pieces[1].begin].common;
            given_then_rare = next_level == 0 || next_level > 35;
          }
          keep = level == 0 || level > 35 || given_then_rare;
          // "Aston Villa 4 1 2": in a table of results, a name before a
          // score is a team.
          if (!keep && w->results && IsResultLine(*w, first.begin, pieces.back().end)) {
            keep = true;
          }
        }
        // "Copper Lantern Corp said": an organization's suffix ends a run of
        // capitalised words, so its first word belongs to the name, unless it
        // is among the commonest words ("The Acme Corp") or a connector
        // follows it ("Representatives of Norwell Bank").
        if (!keep && pieces.size() >= 2 && !first.gaz && w->info[first.begin].common > 10 &&
            word_rule_at(org_words_, pieces.back().end - 1, kSuffix).position != 0) {
          keep = std::all_of(pieces.begin(), pieces.end(), [&](const Piece& pc) { return pc.gaz || is_cap(pc.begin); });
        }
        if (!keep) {
          // Kept aside: it may still be the surname of someone named in full elsewhere ("Hill won").
          if (!first.gaz && pieces.size() == 1 && !(w->info[first.begin].flags & kNonName)) {
            Cand c;
            c.begin = first.begin;
            c.end = first.end;
            c.sentence_initial = true;
            c.weak = true;
            w->cands.push_back(std::move(c));
          }
          p = 1;
          // Nor the connectors after it: "Shares of Kolding Marine Inc."
          while (p < pieces.size() && !pieces[p].gaz && !is_cap(pieces[p].begin)) ++p;
        }
      }
      // Events, documents, agreements and awards are no entities, nor the names inside
      // them: "Good Friday Agreement", "Declaration of Principles" (rules/non_entity_words.tsv).
      // A country or an organization that opens the name stays one: "U.S. Labor Day",
      // "Apple Worldwide Developers Conference". An organization's own name wins over
      // an event word ("Organisation of Islamic Conference").
      if (p < pieces.size() && !(pieces.size() - p == 1 && pieces[p].gaz) && !all_caps) {
        auto event_word = [&](uint32_t tok, uint8_t pos) { return (w->info[tok].event & pos) != 0 && is_cap(tok); };
        bool event = event_word(pieces.back().end - 1, kSuffix);
        bool org_head = false;
        for (size_t q = p; q + 1 < pieces.size(); ++q) {
          if (pieces[q].gaz || !Is(lower(pieces[q + 1].begin), "of")) continue;
          event = event || event_word(pieces[q].begin, kHead);
          org_head = org_head || word_rule_at(org_words_, pieces[q].begin, kHead).position != 0;
        }
        if (event && !org_head) {
          size_t q = p;
          for (; q < pieces.size() && pieces[q].gaz; ++q) {
            bool stands = false;
            for (const auto& gc : piece_cands(pieces[q])) {
              const EntryRank& e = ranks_[gc.entry];
              stands = stands || (!gc.adjective && (e.country || e.type == EntityType::kOrganization));
            }
            if (!stands) break;
            emit_gaz(q);
          }
          continue;
        }
      }
      // Organizations: "... Party", "Ministry of ...". The whole run, adjectives included.
      if (p < pieces.size()) {
        const uint32_t b = pieces[p].begin, e = pieces.back().end;
        const WordRule suffix = word_rule_at(org_words_, e - 1, kSuffix);
        WordRule head;
        for (size_t q = p; q + 1 < pieces.size() && !head.position; ++q) {
          if (!pieces[q].gaz && Is(lower(pieces[q + 1].begin), "of")) head = word_rule_at(org_words_, pieces[q].begin, kHead);
        }
        WordRule rule = suffix.position ? suffix : head;
        // "Quimby & Farrow", "Procter & Gamble": an ampersand between names
        // makes a firm.
        if (!rule.position) {
          for (size_t q = p + 1; q + 1 < pieces.size(); ++q) {
            if (pieces[q].gaz || !Is(lower(pieces[q].begin), "&")) continue;
            const size_t company = std::find(subtypes_.begin(), subtypes_.end(), "company") - subtypes_.begin();
            if (company < subtypes_.size()) rule = WordRule{kSuffix, static_cast<uint8_t>(company)};
            break;
          }
        }
        bool whole_gaz = pieces.size() - p == 1 && pieces[p].gaz;
        if (rule.position && e - b >= 2 && !whole_gaz && !all_caps) {
          uint32_t org_begin = b;
          // "John Smith of Acme Corp": a person, then the organization -- unless
          // the given name is an organization word itself ("Bank of Norway").
          if (!pieces[p].gaz && given(b) && w->info[b].org == 0) {
            for (size_t q = p + 1; q + 1 < pieces.size(); ++q) {
              if (pieces[q].gaz || !Is(lower(pieces[q].begin), "of")) continue;
              Cand person;
              person.begin = b;
              person.end = pieces[q].begin;
              person.guess = Guess::kPerson;
              person.title = title;
              person.title_key = title_key;
              w->cands.push_back(std::move(person));
              org_begin = pieces[q + 1].begin;
              break;
            }
          }
          Cand c;
          c.begin = org_begin;
          c.end = e;
          c.guess = Guess::kOrganization;
          c.subtype = subtypes_[rule.subtype];
          c.sentence_initial = sentence_start && b == run_begin;
          w->cands.push_back(std::move(c));
          continue;
        }
        const WordRule psuffix = word_rule_at(place_words_, e - 1, kSuffix);
        const WordRule phead = word_rule_at(place_words_, b, kHead);
        WordRule prule = psuffix.position ? psuffix : phead;
        // "Daniel Brook" is a person: a given name first outweighs a place word last.
        if (!phead.position && !pieces[p].gaz && given(b)) prule = WordRule{};
        if (prule.position && e - b >= 2 && !whole_gaz && !all_caps) {
          Cand c;
          c.begin = b;
          c.end = e;
          c.guess = Guess::kPlace;
          c.subtype = subtypes_[prule.subtype];
          if (w->results && IsResultLine(*w, b, e)) {  // "Aston Villa 1": a club
            c.guess = Guess::kOrganization;
            c.subtype = "sports";
            c.team = true;
          }
          w->cands.push_back(std::move(c));
          continue;
        }
      }
      // "and", "for", "on", "the", "y" join words only inside organization names:
      // elsewhere "Kim and Putin" is two names.
      for (size_t q = p; q < pieces.size(); ++q) {
        if (pieces[q].gaz || is_cap(pieces[q].begin)) continue;
        std::string_view cw = lower(pieces[q].begin);
        if (Is(cw, "and") || Is(cw, "for") || Is(cw, "on") || Is(cw, "the") || Is(cw, "y") || Is(cw, "&")) {
          i = pieces[q].end;
          pieces.resize(q);
          break;
        }
      }
      if (p >= pieces.size()) continue;
      // Leading adjectives and titles: "Russian President Vladimir Putin".
      while (p < pieces.size()) {
        if (piece_is_adjective(p)) {
          affiliation = adjective_country(p);
          ++p;
          continue;
        }
        TitleGroup g;
        if (pieces[p].gaz && p + 1 < pieces.size() && TitleAt(*w, pieces[p + 1].begin, &g) > 0) {
          // "U.S. Secretary of State ...": the place is named, and is the affiliation.
          std::string_view country;
          for (const auto& gc : piece_cands(pieces[p])) {
            const GazetteerEntry& e = gazetteer_->entries()[gc.entry];
            if (!gc.adjective && e.IsCountry()) country = e.country;
          }
          if (!country.empty()) {
            emit_gaz(p);
            affiliation = country;
            ++p;
            continue;
          }
        }
        uint32_t len = TitleAt(*w, pieces[p].begin, &g);
        // A title that covers whole pieces ("Foreign Minister"), not the start of a
        // gazetteer name ("General Motors").
        const uint32_t title_end = pieces[p].begin + len;
        if (len > 0 && pieces[p].end <= title_end) {
          title = g;
          uint64_t h = 0;
          for (uint32_t k = pieces[p].begin; k < title_end; ++k) h = Step(h, w->keys[k]);
          title_key = h;
          while (p < pieces.size() && pieces[p].end <= title_end) ++p;
          continue;
        }
        break;
      }
      if (p >= pieces.size()) {
        // The run was only a title or adjective: it may govern the next run ("U.S. President").
        pending_title = title;
        pending_title_key = title_key;
        pending_affiliation = affiliation;
        pending_end = run_end;
        continue;
      }

      // Runs consisting only of months, days and the like are no names.
      {
        bool all_non_names = true;
        for (size_t q = p; q < pieces.size() && all_non_names; ++q) {
          all_non_names = !pieces[q].gaz && (w->info[pieces[q].begin].flags & kNonName);
        }
        if (all_non_names) continue;
      }
      // A person's name holds no "of": "Karl Brenner of Germany" is a person and a place.
      const bool person_start = (!pieces[p].gaz && given(pieces[p].begin)) ||
                                title != TitleGroup::kNone;
      if (person_start) {
        for (size_t q = p + 1; q < pieces.size(); ++q) {
          if (!pieces[q].gaz && Is(lower(pieces[q].begin), "of")) {
            i = pieces[q].end;
            pieces.resize(q);
            break;
          }
        }
      }
      const uint32_t name_begin = pieces[p].begin;
      const uint32_t name_end = pieces.back().end;
      // A given name or an initial ("J. Marlow", "T. Hallworth") opens a person's name.
      const std::string_view first_word = lower(name_begin);
      const bool initial = first_word.size() >= 2 && first_word.back() == '.' &&
                           first_word.find_first_not_of("abcdefghijklmnopqrstuvwxyz.") == std::string_view::npos &&
                           first_word.size() <= 4 && !pieces[p].gaz;
      const bool first_is_given = (!pieces[p].gaz && given(name_begin)) || initial;
      bool gaz_person_first = false;
      if (pieces[p].gaz) {
        for (const auto& gc : piece_cands(pieces[p])) {
          if (!gc.adjective && ranks_[gc.entry].person) gaz_person_first = true;
        }
      }
      bool given_gaz_first = false;  // "Jordan Henderson": a given name that a gazetteer calls a place
      if (pieces[p].gaz && pieces[p].end - pieces[p].begin == 1 && given(name_begin) &&
          p + 1 < pieces.size() && !pieces[p + 1].gaz) {
        given_gaz_first = true;
      }
      const bool whole_single_gaz = pieces.size() - p == 1 && pieces[p].gaz;
      const bool person_context = title != TitleGroup::kNone;

      if (whole_single_gaz && !given_gaz_first) {
        emit_gaz(p);
        continue;
      }
      // Tables of results: a name of several words before a score is one team
      // ("Aston Villa 1", "Kent Rovers 1", "Queen of Hearts 2"), unless a given
      // name or a title opens it.
      auto names_country = [&] {  // "Dinamo of Latvia": a team and its country
        for (size_t q = p; q < pieces.size(); ++q) {
          for (const auto& gc : piece_cands(pieces[q])) {
            if (ranks_[gc.entry].country) return true;
          }
        }
        return false;
      };
      if (w->results && name_end - name_begin >= 2 && pieces.size() - p >= 2 && !first_is_given &&
          !given_gaz_first && !gaz_person_first && title == TitleGroup::kNone && !all_caps &&
          IsResultLine(*w, name_begin, name_end) && !names_country()) {
        Cand c;
        c.begin = name_begin;
        c.end = name_end;
        c.guess = Guess::kOrganization;
        c.subtype = "sports";
        c.team = true;
        w->cands.push_back(std::move(c));
        continue;
      }
      if (all_caps) {
        // Case tells nothing in an all-capitals headline: only the gazetteers speak.
        for (size_t q = p; q < pieces.size(); ++q) {
          if (pieces[q].gaz && !piece_is_adjective(q)) emit_gaz(q);
        }
        continue;
      }
      if ((first_is_given && name_end - name_begin >= 2 && !org_word_inside(name_begin, name_end)) || given_gaz_first ||
          (person_context && title != TitleGroup::kOther && !gaz_person_first) ||
          (person_context && !pieces[p].gaz)) {
        if (gaz_person_first && pieces.size() - p == 1) {
          emit_gaz(p);
          continue;
        }
        Cand c;
        c.begin = name_begin;
        c.end = ExtendHyphenated(*w, name_begin, name_end);
        c.guess = Guess::kPerson;
        c.title = title;
        c.title_key = title_key;
        c.affiliation = affiliation;
        c.sentence_initial = sentence_start && name_begin == run_begin;
        if (c.end > name_end) i = c.end;
        w->cands.push_back(std::move(c));
        continue;
      }
      // Gazetteer matches as they are; the capitalised stretches between them are unknown names.
      size_t q = p;
      while (q < pieces.size()) {
        if (pieces[q].gaz) {
          if (!piece_is_adjective(q)) emit_gaz(q);
          ++q;
          continue;
        }
        size_t r = q;
        while (r < pieces.size() && !pieces[r].gaz) ++r;
        // Trim connectors at both ends.
        uint32_t b = pieces[q].begin, e = pieces[r - 1].end;
        while (b < e && !is_cap(b)) ++b;
        while (e > b && !is_cap(e - 1)) --e;
        q = r;
        if (b >= e) continue;
        if (title_case) {
          // A headline capitalises every word: only names with a given name count.
          if (!(given(b) && e - b >= 2)) {
            Cand c;
            c.begin = b;
            c.end = e;
            c.guess = Guess::kUnknown;
            c.sentence_initial = true;  // weak evidence, like a sentence start
            w->cands.push_back(std::move(c));
            continue;
          }
        }
        Cand c;
        c.begin = b;
        c.end = e;
        c.title = title;
        c.title_key = title_key;
        c.affiliation = affiliation;
        c.sentence_initial = sentence_start && b == run_begin;
        c.guess = Guess::kUnknown;
        if (given(b) && e - b >= 2 && !org_word_inside(b, e)) c.guess = Guess::kPerson;
        if (e - b >= 2 && q == pieces.size()) {  // "Lee Jae-myung": the run's last name
          c.end = ExtendHyphenated(*w, b, e);
          if (c.end > e) i = c.end;
        }
        w->cands.push_back(std::move(c));
      }
    }
  }
}

void EntityTagger::ResolveInDocument(Work* w) const {
  Document& doc = *w->doc;
  const std::vector<Token>& tokens = doc.tokens;
  const std::string_view folded(doc.folded);
  auto lower = [&](uint32_t i) { return std::string_view(folded.data() + tokens[i].span.begin, tokens[i].span.size()); };
  std::vector<Cand>& cands = w->cands;

  // Full person names: surname and family-name keys -> candidate index.
  KeyIndex& surname = w->surname;
  KeyIndex& family = w->family;
  for (KeyIndex* k : {&w->surname, &w->family, &w->teams, &w->org_head, &w->typed, &w->context_typed}) {
    k->Clear(cands.size());
  }
  auto name_key = [&](const Cand& c) {
    uint64_t h = 0;
    for (uint32_t k = c.begin; k < c.end; ++k) h = Step(h, w->keys[k]);
    return h;
  };
  auto is_person = [&](const Cand& c) {
    if (c.origin == Origin::kGazetteer) return ranks_[c.entry].person;
    return c.guess == Guess::kPerson;
  };
  // One sense per document: a place name that stands for a team once ("Kent 305") is
  // the team everywhere in the document, and so are the unknown names listed with it
  // ("Essex, Kent and Surrey"). The teams are listed in the pass over the people.
  KeyIndex& teams = w->teams;
  for (int32_t i = 0; i < static_cast<int32_t>(cands.size()); ++i) {
    const Cand& c = cands[i];
    if (c.team) teams.Add(name_key(c), i);
    if (!is_person(c) || c.end - c.begin < 2) continue;
    uint32_t last = c.end - 1;
    while (last > c.begin && !tokens[last].Has(kTokWord)) --last;
    surname.Add(w->keys[last], i);
    // Family name first: "Kim Jong Un" -> "Kim", "Xi Jinping" -> "Xi".
    if (c.end - c.begin >= 3 || !(w->info[c.begin].flags & kGiven)) family.Add(w->keys[c.begin], i);
  }
  {
    if (!teams.empty()) {
      for (int32_t i = 0; i < static_cast<int32_t>(cands.size()); ++i) {
        Cand& c = cands[i];
        if (c.team || c.weak) continue;
        // Unknown names only: a known town keeps its own reading where no score is near.
        bool place = c.origin == Origin::kRule && c.guess == Guess::kUnknown;
        if (c.origin == Origin::kGazetteer) {
          const EntryRank& e = ranks_[c.entry];
          // A known town stays a place where the words around it say so ("in Surrey").
          bool place_context = c.begin > 0 && w->info[c.begin - 1].before != 0;
          place = e.type == EntityType::kPlace && !e.country && !place_context &&
                  w->headline[tokens[c.begin].sentence] == 0;
        }
        if (!place) continue;
        if (teams.Find(name_key(c)) < 0) continue;
        c.origin = Origin::kRule;
        c.entry = -1;
        c.guess = Guess::kOrganization;
        c.subtype = "sports";
        c.team = true;
      }
      // Lists: an unknown or town name between commas / "and" next to a team is a team.
      std::vector<int32_t>& by_pos = w->order;
      by_pos.resize(cands.size());
      for (size_t i = 0; i < cands.size(); ++i) by_pos[i] = static_cast<int32_t>(i);
      std::sort(by_pos.begin(), by_pos.end(), [&](int32_t a, int32_t b) { return cands[a].begin < cands[b].begin; });
      for (int pass = 0; pass < 2; ++pass) {
        for (size_t k = 0; k + 1 < by_pos.size(); ++k) {
          Cand& a = cands[by_pos[k]];
          Cand& b = cands[by_pos[k + 1]];
          if (b.begin != a.end + 1 || a.dropped || b.dropped) continue;
          std::string_view sep = lower(a.end);
          if (!Is(sep, ",") && !Is(sep, "and")) continue;
          for (auto [x, y] : {std::pair<Cand*, Cand*>{&a, &b}, std::pair<Cand*, Cand*>{&b, &a}}) {
            if (!x->team || y->team || y->weak) continue;
            bool townish = y->origin == Origin::kGazetteer
                               ? ranks_[y->entry].type == EntityType::kPlace && !ranks_[y->entry].country
                               : y->guess == Guess::kUnknown;
            if (!townish) continue;
            y->origin = Origin::kRule;
            y->entry = -1;
            y->guess = Guess::kOrganization;
            y->subtype = "sports";
            y->team = true;
          }
        }
      }
    }
  }
  // Three indexes, filled in one pass (none changes a candidate):
  //  - organizations named in full: their first word alone refers to them
  //    ("Kolding" after "Kolding Marine Inc"), unless it is a common word;
  //  - multi-token names of any type, for "X" = a known name of the same
  //    surface elsewhere;
  //  - unknown names whose words around tell a type ("news agency Verbanta",
  //    "Korvin's board", "Kirby said"): one sense per document, and an
  //    organization wins over the other readings ("Verbanta said" is the
  //    agency too). The first such mention of each name is where the others look.
  KeyIndex& org_head = w->org_head;
  KeyIndex& typed = w->typed;
  KeyIndex& context_typed = w->context_typed;
  std::vector<int8_t>& context_of = w->context_of;
  context_of.assign(cands.size(), -1);
  for (int32_t i = 0; i < static_cast<int32_t>(cands.size()); ++i) {
    const Cand& c = cands[i];
    const bool org = c.origin == Origin::kGazetteer ? ranks_[c.entry].type == EntityType::kOrganization
                                                    : c.guess == Guess::kOrganization;
    if (org && c.end - c.begin >= 2 && tokens[c.begin].Has(kTokWord)) {
      // A common word heads the name only when it is not among the commonest ("Mercantile
      // Bancorp" -> "Mercantile", not "National Bank" -> "National").
      const int level = w->info[c.begin].common;
      if (!(level > 0 && level <= 20) && w->info[c.begin].org == 0) org_head.Add(w->keys[c.begin], i);
    }
    if (c.origin != Origin::kRule) continue;
    if (c.guess != Guess::kUnknown) {
      if (!c.sentence_initial) typed.Add(name_key(c), i);
      continue;
    }
    if (c.weak || c.dropped) continue;
    context_of[i] = static_cast<int8_t>(ContextType(*w, c.begin, c.end));
    if (context_of[i] == static_cast<int8_t>(EntityType::kOrganization)) context_typed.Add(name_key(c), i);
  }

  for (int32_t i = 0; i < static_cast<int32_t>(cands.size()); ++i) {
    Cand& c = cands[i];
    const bool one = c.end - c.begin == 1;
    // A single word that is the surname of a person here joins that person,
    // even if a gazetteer calls it a place ("Jordan" after "Michael Jordan").
    if (one) {
      int32_t target = surname.Find(w->keys[c.begin]);
      if (target < 0) target = family.Find(w->keys[c.begin]);
      // A country keeps its name unless the words around say a person ("Jordan said").
      bool person_after = c.end < tokens.size() && tokens[c.end].sentence == tokens[c.begin].sentence &&
                          w->info[c.end].after == 1 + static_cast<uint8_t>(EntityType::kPerson);
      bool can_join = c.origin == Origin::kRule || person_after;
      if (c.origin == Origin::kGazetteer) {
        // A town that is no capital nor a big city: "Obama" after "Barack Obama".
        const EntryRank& e = ranks_[c.entry];
        can_join = can_join || e.person || (!e.country && e.ambiguous_word) || e.town;
      }
      if (target >= 0 && target != i && can_join) {
        c.link = target;
        c.guess = Guess::kPerson;
        c.kind = MentionKind::kPartialName;
        c.origin = Origin::kRule;
        c.entry = -1;
        continue;
      }
    }
    if (c.weak) {
      c.dropped = true;
      continue;
    }
    // "Kolding" after "Kolding Marine Inc": a town's name that heads an
    // organization named in full here is that organization (not a country, a
    // capital or a big city: "Moscow" after "Moscow State University" stays).
    if (one && c.origin == Origin::kGazetteer) {
      const bool small_place = ranks_[c.entry].small_place;
      if (int32_t o = small_place ? org_head.Find(w->keys[c.begin]) : -1; o >= 0 && o != i) {
        c.origin = Origin::kRule;
        c.entry = -1;
        c.guess = Guess::kOrganization;
        c.link = o;
        c.kind = MentionKind::kPartialName;
        continue;
      }
    }
    if (c.origin == Origin::kGazetteer) continue;
    if (c.guess != Guess::kUnknown) continue;
    if (one) {
      if (int32_t o = org_head.Find(w->keys[c.begin]); o >= 0 && o != i) {
        c.guess = Guess::kOrganization;
        c.link = o;
        c.kind = MentionKind::kPartialName;
        continue;
      }
    }
    // Same surface typed elsewhere in the document.
    if (int32_t t = typed.Find(name_key(c)); t >= 0 && t != i) {
      c.guess = cands[t].guess;
      c.link = t;
      continue;
    }
    if (int32_t o = context_typed.Find(name_key(c)); o >= 0 && o != i) {
      c.guess = Guess::kOrganization;
      c.link = o;
      continue;
    }
    const bool has_context = context_of[i] >= 0;
    const EntityType context_type = has_context ? static_cast<EntityType>(context_of[i]) : EntityType::kPerson;
    // A table of results: an unknown name before a score is a team ("Kestrak 6 Vorlund 2").
    if (w->results && IsResultLine(*w, c.begin, c.end)) {
      c.guess = Guess::kOrganization;
      c.subtype = "sports";
      c.team = true;
      continue;
    }
    if (c.sentence_initial && !has_context) {
      // A sentence-initial capital proves nothing, unless a rare word follows it: "Svetlana
      // Masterkova won", not "Officials Said".
      int level = w->info[c.begin].common;
      bool rare_start = (level == 0 || level > 35) && tokens[c.begin].Has(kTokWord);
      if (one || !rare_start || w->headline[tokens[c.begin].sentence] != 0) {
        c.dropped = true;
        continue;
      }
    }
    if (one && tokens[c.begin].Has(kTokAllCaps) && lower(c.begin).size() >= 2 && lower(c.begin).size() <= 6) {
      c.guess = Guess::kOrganization;  // an acronym
      continue;
    }
    if (has_context) {
      c.guess = context_type == EntityType::kPlace ? Guess::kPlace
                : context_type == EntityType::kOrganization ? Guess::kOrganization : Guess::kPerson;
      // "Energy Watch said": a speaker whose name is only common
      // words (and opens with no given name) is an organization.
      if (c.guess == Guess::kPerson && !one && c.title == TitleGroup::kNone) {
        bool all_common = true;
        for (uint32_t k = c.begin; k < c.end && all_common; ++k) {
          const int level = w->info[k].common;
          all_common = !tokens[k].Has(kTokWord) || (level > 0 && level <= 35);
        }
        if (all_common) c.guess = Guess::kOrganization;
      }
      continue;
    }
    if (!one) {
      // A person's name is rarely made of common words: "Red Star", "Human Rights" are not people.
      bool wordy = false;
      for (uint32_t k = c.begin; k < c.end; ++k) {
        if (!tokens[k].Has(kTokWord)) continue;
        // Nor the syllables of a hyphenated given name ("Park Ji-hoon", "Chung Eui-sun").
        if (k + 1 < c.end && Is(lower(k + 1), "-") && !tokens[k + 1].Has(kTokSpaceBefore)) continue;
        if (k > c.begin && Is(lower(k - 1), "-") && !tokens[k].Has(kTokSpaceBefore)) continue;
        int level = w->info[k].common;
        if (level > 0 && level <= 35) wordy = true;
      }
      c.guess = wordy ? Guess::kOrganization : Guess::kPerson;
      continue;
    }
    c.dropped = true;  // one unknown capitalised word: too weak alone
  }
}

void EntityTagger::AddDescriptions(Work* w) const {
  // "the North Korean leader", "the Russian president": a description joins
  // the one person of that country with a title of the same group.
  Document& doc = *w->doc;
  const std::vector<Token>& tokens = doc.tokens;
  std::vector<Gazetteer::Candidate>& found = w->scratch;
  const size_t n_cands = w->cands.size();
  // Where one may start: "the" before a word that may start a gazetteer
  // adjective. Such a word is a mark when every adjective starts with a
  // letter (a word, see Process), and the marks are few; else every token is
  // looked at.
  std::vector<uint32_t>& starts = w->description_starts;
  starts.clear();
  if (gazetteer_->adjectives_start_with_letters()) {
    for (uint32_t j : std::span<const uint32_t>(w->marks.data(), w->mark_count)) {
      if (j > 0 && w->info[j].adjective && w->keys[j - 1] == the_key_) starts.push_back(j - 1);
    }
  } else {
    for (uint32_t i = 0; i + 1 < tokens.size(); ++i) {
      if (w->keys[i] == the_key_ && w->info[i + 1].adjective) starts.push_back(i);
    }
  }
  uint32_t next_free = 0;  // descriptions do not overlap
  for (uint32_t i : starts) {
    if (i < next_free || i + 2 >= tokens.size()) continue;
    uint32_t j = i + 1;
    uint32_t len = gazetteer_->MatchAt(doc, w->keys, j, &found);
    std::string_view country;
    for (const auto& c : found) {
      if (c.adjective) country = gazetteer_->entries()[c.entry].country;
    }
    if (country.empty() || len == 0) continue;
    j += len;
    if (j >= tokens.size()) continue;
    TitleGroup group;
    uint32_t tlen = TitleAt(*w, j, &group);
    if (tlen == 0 || group == TitleGroup::kHonorific) continue;
    uint32_t end = j + tlen;
    if (end < tokens.size() && tokens[end].Has(kTokCapitalized) &&
        tokens[end].sentence == tokens[i].sentence) {
      continue;  // a title before a name, not a description
    }
    // The person: same country, title of the same group, nearest before (else after).
    int32_t best = -1;
    int best_distance = 1 << 30;
    for (size_t k = 0; k < n_cands; ++k) {
      const Cand& c = w->cands[k];
      if (c.dropped || c.kind != MentionKind::kName) continue;
      bool person = c.origin == Origin::kGazetteer ? ranks_[c.entry].person : c.guess == Guess::kPerson;
      if (!person) continue;
      std::string_view c_country = c.affiliation;
      if (c_country.empty() && c.origin == Origin::kGazetteer) c_country = gazetteer_->entries()[c.entry].country;
      if (c_country != country) continue;
      if (c.title != group && !(group == TitleGroup::kLeader && c.title == TitleGroup::kLeader)) continue;
      int distance = static_cast<int>(i) - static_cast<int>(c.begin);
      if (distance < 0) distance = 100000 - distance;  // prefer people named before
      if (distance < best_distance) {
        best_distance = distance;
        best = static_cast<int32_t>(k);
      }
    }
    if (best < 0) continue;
    Cand d;
    d.begin = i;
    d.end = end;
    d.kind = MentionKind::kDescription;
    d.link = best;
    d.guess = Guess::kPerson;
    w->cands.push_back(std::move(d));
    next_free = end;
  }
}

void EntityTagger::BuildEntities(Work* w) const {
  Document& doc = *w->doc;
  const std::vector<Token>& tokens = doc.tokens;
  std::vector<Cand>& cands = w->cands;
  // Follow links to the candidate that defines the entity.
  auto root = [&](int32_t i) {
    for (int guard = 0; guard < 8 && cands[i].link >= 0; ++guard) i = cands[i].link;
    return i;
  };
  // Candidates by position (ties in the order found).
  std::vector<int32_t>& order = w->order;
  order.resize(cands.size());
  for (size_t i = 0; i < cands.size(); ++i) order[i] = static_cast<int32_t>(i);
  auto before = [&](int32_t a, int32_t b) {
    return cands[a].begin != cands[b].begin ? cands[a].begin < cands[b].begin : a < b;
  };
  // Candidates are found mostly in text order: sort only the tail that is
  // not, and merge.
  const auto sorted_end = std::is_sorted_until(order.begin(), order.end(), before);
  if (sorted_end != order.end()) {
    std::sort(sorted_end, order.end(), before);
    std::inplace_merge(order.begin(), sorted_end, order.end(), before);
  }

  auto surface = [&](const Cand& c) {
    return std::string_view(doc.text).substr(tokens[c.begin].span.begin,
                                             tokens[c.end - 1].span.end - tokens[c.begin].span.begin);
  };
  // The entity's id: the gazetteer's (viewed, not copied), or "<type>/<slug
  // of the name>" for names found by rules, made in a reused buffer.
  std::string& key_buffer = w->key_buffer;
  auto key_of = [&](const Cand& c) -> std::string_view {
    if (c.origin == Origin::kGazetteer) return gazetteer_->entries()[c.entry].id;
    key_buffer.clear();
    key_buffer.append(c.guess == Guess::kPlace ? "place/" : c.guess == Guess::kOrganization ? "org/" : "person/");
    AppendSlug(surface(c), &key_buffer);
    return key_buffer;
  };
  // First pass: the entity of every mention, entities made at their first
  // mention (so in text order), and how many mentions each gets.
  KeyIndex& by_key = w->entity_index;  // hash of the id -> first entity with it
  by_key.Clear(cands.size());
  KeyIndex& by_entry = w->entity_of_entry;  // gazetteer entry -> its entity
  by_entry.Clear(cands.size());
  std::vector<int32_t>& entity_of = w->entity_of;  // per position in `order`; -1: no mention
  entity_of.assign(order.size(), -1);
  std::vector<int32_t>& entity_of_root = w->entity_of_root;  // per candidate that defines an entity
  entity_of_root.assign(cands.size(), -1);
  std::vector<uint32_t>& counts = w->mention_counts;
  counts.clear();
  std::vector<int32_t> same_hash;  // entities whose id hash collides (never in practice)
  doc.entities.reserve(cands.size());
  for (size_t pos = 0; pos < order.size(); ++pos) {
    const int32_t idx = order[pos];
    const Cand& c = cands[idx];
    if (c.dropped) continue;
    const int32_t r = root(idx);
    const Cand& def = cands[r];
    if (def.dropped || (def.origin == Origin::kRule && def.guess == Guess::kUnknown)) continue;
    if (c.origin == Origin::kRule && c.guess == Guess::kUnknown && r == idx) continue;
    // Mentions of one defining candidate share its entity: look it up once.
    if (entity_of_root[r] >= 0) {
      entity_of[pos] = entity_of_root[r];
      ++counts[entity_of_root[r]];
      continue;
    }
    // A gazetteer entry named again by another candidate: its entity is
    // known without making and hashing its id.
    const bool from_gazetteer = def.origin == Origin::kGazetteer;
    if (int32_t known = from_gazetteer ? by_entry.Find(static_cast<uint64_t>(def.entry)) : -1; known >= 0) {
      entity_of[pos] = known;
      entity_of_root[r] = known;
      ++counts[known];
      continue;
    }
    const std::string_view key = key_of(def);
    const uint64_t hash = IdHash(key);
    int32_t index = by_key.Find(hash);
    if (index >= 0 && doc.entities[index].id != key) {
      index = -1;
      for (int32_t k : same_hash) {
        if (doc.entities[k].id == key) index = k;
      }
    }
    if (from_gazetteer) by_entry.Add(static_cast<uint64_t>(def.entry), index >= 0 ? index : static_cast<int32_t>(doc.entities.size()));
    if (index < 0) {
      if (by_key.Find(hash) >= 0) same_hash.push_back(static_cast<int32_t>(doc.entities.size()));
      else by_key.Add(hash, static_cast<int32_t>(doc.entities.size()));
      index = static_cast<int32_t>(doc.entities.size());
      counts.push_back(0);
      // The entity is made where the vector keeps it, from the conversion's
      // result (no temporary to move and destroy), and so are its strings
      // (see StringOf).
      using S = StringOf;
      if (def.origin == Origin::kGazetteer) {
        const GazetteerEntry& g = gazetteer_->entries()[def.entry];
        doc.entities.emplace_back(InPlace{[&] {
          return Entity{S{key}, g.type, S{g.subtype}, S{g.name}, S{g.country}, S{g.capital_of}, g.SameAs(), {},
                        S{g.source}};
        }});
      } else {
        doc.entities.emplace_back(InPlace{[&] {
          return Entity{S{key}, TypeOf(def.guess), S{def.subtype}, S{surface(def)}, {}, {}, {}, {}, S{"rule"}};
        }});
      }
    }
    entity_of[pos] = index;
    entity_of_root[r] = index;
    ++counts[index];
  }
  for (size_t k = 0; k < doc.entities.size(); ++k) doc.entities[k].mentions.reserve(counts[k]);
  // Second pass: the mentions, in text order.
  for (size_t pos = 0; pos < order.size(); ++pos) {
    if (entity_of[pos] < 0) continue;
    const Cand& c = cands[order[pos]];
    const Cand& def = cands[root(order[pos])];
    Entity& e = doc.entities[entity_of[pos]];
    if (e.country.empty() && !c.affiliation.empty()) e.country = c.affiliation;
    if (e.country.empty() && !def.affiliation.empty()) e.country = def.affiliation;
    Mention m;
    m.span = Span{tokens[c.begin].span.begin, tokens[c.end - 1].span.end};
    m.sentence = tokens[c.begin].sentence;
    m.kind = c.kind;
    if (c.origin == Origin::kGazetteer && def.origin == Origin::kGazetteer && c.end - c.begin == 1 &&
        e.type == EntityType::kPerson && e.name.find(' ') != std::string::npos) {
      m.kind = MentionKind::kPartialName;  // "Putin" for Vladimir Putin
    }
    e.mentions.push_back(m);
  }
}

}  // namespace newsgraph::ner
