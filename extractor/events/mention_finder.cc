#include "extractor/events/mention_finder.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <cstring>
#include <string>
#include <string_view>

#include "extractor/core/bytes.h"
#include "extractor/core/civil_date.h"

namespace newsgraph::events {
namespace {

constexpr std::string_view kCurly = "\xE2\x80\x99";

// An entity mention placed on tokens [begin, end).
struct MentionLoc {
  uint32_t entity = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kPerson;
  MentionKind kind = MentionKind::kName;
};

// A usable time expression placed on tokens [begin, end).
struct TimexLoc {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string date;  // EventDateFromTimex(value); "" if the timex gives no event date
  bool weekday = false;  // a bare weekday read against the publication date ("on Thursday")
};

struct CueHit {
  uint16_t cue = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// A view of part of a vector (the hits or clause spans of one sentence).
template <typename T>
struct Slice {
  const T* b = nullptr;
  const T* e = nullptr;
  const T* begin() const { return b; }
  const T* end() const { return e; }
};

// What a punctuation token is, computed once per token.
enum PunctKind : uint8_t {
  kPkHard = 1,
  kPkComma = 2,
  kPkQuote = 4,
  kPkOpen = 8,
  kPkClose = 16,
  kPkColon = 32,  // ; or :
  kPkOne = 64,    // one byte long: with one of the above, exactly that mark (see IsMark())
};

// A relative or subordinate clause inside a sentence, tokens [begin, end).
struct ClauseSpan {
  enum Kind : uint8_t { kRel, kSub, kWhen } kind = kRel;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Entity indices; a handful at a time, kept inline.
using EntityList = SmallVector<uint32_t, 8>;

// A group of fillers with how they were found.
struct Actors {
  EntityList entities;
  FillSource source = FillSource::kDirect;
  int group_source = -1;
  bool found() const { return !entities.empty(); }
};

// What the left part of a noun phrase holds.
struct NounPhrase {
  uint32_t begin = 0;         // first token of the phrase
  bool unknown_name = false;  // a capitalised word no entity covers ("a Quad summit")
  uint32_t det = kNone;       // determiner token
  uint32_t poss_pron = kNone; // "his", "their"
  EntityList possessors;  // entities before "'s"
  EntityList modifiers;   // entities used as modifiers ("the Lahore stop")
  int possessor_group = -1;           // group phrase before "'s" ("the bloc's")
  uint32_t group_tok = kNone;
  uint32_t timex = kNone;     // a time expression inside the phrase ("Monday's agreement")
  uint32_t poss_desc = kNone; // determiner of a described possessor ("the Russian leader's visit")
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A noun that can only refer back ("the deal"), kept until an event of its type is found.
struct DeferredNoun {
  uint16_t trigger;
  uint8_t bits;
  uint32_t begin, end;
};

// Per-thread working memory, kept from one document to the next so that a
// document costs no allocations once the buffers have grown.
struct Scratch {
  std::vector<const WordInfo*> info;
  std::vector<int32_t> mention_at;
  std::vector<MentionLoc> mentions;
  std::vector<int32_t> timex_at;
  std::vector<TimexLoc> timexes;
  std::vector<uint8_t> sentence_ready;
  std::vector<CueHit> hits;
  std::vector<ClauseSpan> clause_spans;
  std::vector<uint32_t> hit_range;
  std::vector<uint32_t> span_range;
  std::vector<uint8_t> punct;
  std::vector<uint8_t> taken;
  std::vector<uint8_t> in_aux;
  std::vector<uint32_t> form_starts;
  std::vector<uint32_t> scan_starts;
  std::vector<DeferredNoun> deferred;
  // Lexicon::Lookup() of ASCII words of up to 16 bytes, direct-mapped by
  // their bytes: most tokens are a few hundred common words. For
  // Lexicon::instance() `cache_lexicon`; word ids, not pointers, so that no
  // entry can dangle.
  struct CachedWord {
    uint64_t bytes = 0;   // the first eight bytes, zero-padded
    uint64_t bytes2 = 0;  // the next eight, zero-padded (0 for a word of up to 8 bytes)
    uint32_t size = 0;  // 0: empty
    uint32_t id = kNone;  // Lexicon::IdOf(), or kNone / kLyWord for no entry
  };
  // No entry, and a word of five or more letters in -ly (see Analyzer::LookUp()).
  static constexpr uint32_t kLyWord = kNone - 1;
  // 16384 entries (384 KB): the words of real news (names, numbers, content
  // words the lexicon does not hold) evict one another from 4096 entries,
  // and a miss costs a probe of the lexicon.
  static constexpr int kCacheBits = 14;
  static constexpr size_t kCacheSize = size_t{1} << kCacheBits;
  std::vector<CachedWord> word_cache = std::vector<CachedWord>(kCacheSize);
  uint64_t cache_lexicon = 0;
};

class Analyzer {
 public:
  Analyzer(const Lexicon& lex, const Document& doc, Scratch& scratch, std::vector<EventMention>* out)
      : lex_(lex),
        schema_(lex.schema()),
        doc_(doc),
        info_(scratch.info),
        mention_at_(scratch.mention_at),
        mentions_(scratch.mentions),
        timex_at_(scratch.timex_at),
        timexes_(scratch.timexes),
        sentence_ready_(scratch.sentence_ready),
        hits_(scratch.hits),
        clause_spans_(scratch.clause_spans),
        hit_range_(scratch.hit_range),
        span_range_(scratch.span_range),
        punct_(scratch.punct),
        taken_(scratch.taken),
        in_aux_(scratch.in_aux),
        form_starts_(scratch.form_starts),
        scan_starts_(scratch.scan_starts),
        deferred_(scratch.deferred),
        out_(*out) {
    if (scratch.cache_lexicon != lex.instance()) {  // the words of another lexicon
      scratch.word_cache.assign(Scratch::kCacheSize, Scratch::CachedWord{});
      scratch.cache_lexicon = lex.instance();
    }
    word_cache_ = scratch.word_cache.data();
    infos_ = lex.infos();
    tokens_ = doc.tokens.data();
    folded_ = doc.folded.data();
  }

  // Replaces *out (given to the constructor) with the mentions in text order;
  // `skip_without_triggers`: see MentionFinder.
  void Run(bool skip_without_triggers);

 private:
  // ---- token view ----------------------------------------------------------
  std::string_view F(uint32_t t) const { return doc_.Folded(doc_.tokens[t].span); }
  std::string_view Tx(uint32_t t) const { return doc_.Text(doc_.tokens[t].span); }
  // The lexicon entry of token t (BuildView() looks every token up once); nullptr if none.
  [[gnu::always_inline]] const WordInfo* Info(uint32_t t) const { return info_data_[t]; }
  // Lexicon::Lookup() of a token, or kLyAdverb for an unlisted lower-case
  // word in -ly. Inline: BuildView() calls it for every token of the
  // document, with `folded` and `size` of Document::folded hoisted.
  [[gnu::always_inline]] const WordInfo* LookUp(const Token& tk, const char* folded, size_t size) const {
    const uint32_t b = tk.span.begin, n = tk.span.end - b;
    // A token of one or two bytes (a mark, "a", "of", "'s"): the lexicon's tables.
    if (n - 1 < 2) {
      const unsigned char c0 = static_cast<unsigned char>(folded[b]);
      if (n == 1) return lex_.LookupByte(c0);
      const unsigned char c1 = static_cast<unsigned char>(folded[b + 1]);
      if ((c0 | c1) < 0x80) return lex_.LookupAsciiPair(c0, c1);
    }
    if (n - 1 < 8 && b + 8 <= size && !tk.Has(kTokNonAscii)) {
      // A short ASCII word (most tokens): the per-thread cache of lookups first.
      const uint64_t bytes = LoadLe8(folded + b, n);
      // (The size is compared, not hashed: equal zero-padded bytes of two sizes are rare.)
      const Scratch::CachedWord& c = word_cache_[CacheSlot(bytes, 0)];
      if (c.bytes == bytes && c.size == n) return FromCache(c, tk);  // (bytes2 is 0 for any size up to 8)
    }
    return LookUpSlow(tk, folded, size);
  }
  // LookUp() past the fast path: a word of 9 to 16 bytes in the cache, else
  // the lexicon itself (filling the cache for an ASCII word of up to 16 bytes).
  [[gnu::noinline]] const WordInfo* LookUpSlow(const Token& tk, const char* folded, size_t size) const {
    const uint32_t b = tk.span.begin, n = tk.span.end - b;
    const bool non_ascii = tk.Has(kTokNonAscii);
    Scratch::CachedWord* c = nullptr;
    uint64_t bytes = 0, bytes2 = 0;
    if (!non_ascii && n - 1 < 8 && b + 8 <= size) {
      bytes = LoadLe8(folded + b, n);
      c = &word_cache_[CacheSlot(bytes, 0)];
    } else if (!non_ascii && n - 9 < 8 && b + 16 <= size) {
      bytes = LoadLe8(folded + b, 8);
      bytes2 = LoadLe8(folded + b + 8, n - 8);
      c = &word_cache_[CacheSlot(bytes, bytes2)];
      if (c->bytes == bytes && c->bytes2 == bytes2 && c->size == n) return FromCache(*c, tk);
    }
    const WordInfo* w = lex_.Lookup(std::string_view(folded + b, n), non_ascii, b + 8 <= size);
    // A lower-case word in -ly that no rule names is an adverb ("may quickly make",
    // "is widely expected to"); nouns in -ly are listed as not_adv.
    const bool ly = w == nullptr && n >= 5 && folded[b + n - 1] == 'y' && folded[b + n - 2] == 'l' && !non_ascii;
    if (c != nullptr) *c = Scratch::CachedWord{bytes, bytes2, n, w != nullptr ? lex_.IdOf(w) : ly ? Scratch::kLyWord : kNone};
    return ly && tk.Has(kTokLower) ? &kLyAdverb : w;
  }
  [[gnu::always_inline]] const WordInfo* FromCache(const Scratch::CachedWord& c, const Token& tk) const {
    if (c.id < Scratch::kLyWord) return infos_ + c.id;  // a listed word is never the -ly adverb
    return c.id == Scratch::kLyWord && tk.Has(kTokLower) ? &kLyAdverb : nullptr;
  }
  static size_t CacheSlot(uint64_t bytes, uint64_t bytes2) {
    return ((bytes ^ bytes2 * 0xC4CEB9FE1A85EC53ull) * 0x9E3779B97F4A7C15ull) >> (64 - Scratch::kCacheBits);
  }
  // A word the lexicon's cheap filter lets through as a possible first word
  // of a form (BuildView() asks it of words whose entry starts one).
  [[gnu::always_inline]] bool PassesFormFilter(const Token& tk, std::string_view folded) const {
    return tk.Has(kTokWord) && tk.span.begin < folded.size() &&
           lex_.MayStartForm(folded.substr(tk.span.begin, tk.span.end - tk.span.begin));
  }
  [[gnu::always_inline]] ClassBits Cls(uint32_t t) const {
    const WordInfo* w = Info(t);
    return w != nullptr ? w->classes : 0;
  }
  [[gnu::always_inline]] bool Has(uint32_t t, ClassBits cls) const { return (Cls(t) & cls) != 0; }
  bool IsCap(uint32_t t) const { return tokens_[t].Has(kTokCapitalized); }
  bool IsPunct(uint32_t t) const { return tokens_[t].Has(kTokPunct); }
  bool IsNumber(uint32_t t) const { return tokens_[t].Has(kTokNumber); }
  // "where", or spun "the place" opening a relative clause.
  bool IsWhere(uint32_t t) const {
    return Is(t, "where") || (Is(t, "the") && t + 1 < doc_.tokens.size() && Is(t + 1, "place"));
  }
  // Whether token t is the (lower-case) word w. Inline: called for nearly
  // every token a scan passes, and most calls fail on the length.
  [[gnu::always_inline]] bool Is(uint32_t t, std::string_view w) const {
    const Span& sp = tokens_[t].span;
    if (sp.size() == w.size()) return std::memcmp(folded_ + sp.begin, w.data(), w.size()) == 0;
    return tokens_[t].Has(kTokNonAscii) && IsCurly(t, w);
  }
  bool IsCurly(uint32_t t, std::string_view w) const;  // "didn’t" is "didn't"
  bool IsPossessiveMark(uint32_t t) const;  // "'s", "’s", or a lone apostrophe after a plural
  bool IsQuote(uint32_t t) const;
  // Whether token t is exactly the one-byte mark of `kind` ("," for kPkComma,
  // ")" for kPkClose, "(" for kPkOpen, ";" or ":" for kPkColon): Tx(t) == ","
  // without reading the text.
  bool IsMark(uint32_t t, uint8_t kind) const { return (punct_data_[t] & (kind | kPkOne)) == (kind | kPkOne); }
  bool IsHardStop(uint32_t t) const;        // . ; : ? ! quotes dashes
  bool InAuxCue(uint32_t t) const;          // inside an auxiliary cue ("had planned to", "no plans to")
  uint32_t SentBegin(uint32_t s) const { return doc_.sentences[s].token_begin; }
  uint32_t SentEnd(uint32_t s) const { return doc_.sentences[s].token_end; }
  int MentionAt(uint32_t t) const { return mention_at_data_[t]; }
  int TimexAt(uint32_t t) const { return timex_at_data_[t]; }

  // ---- set-up --------------------------------------------------------------
  // Whether some token may start a trigger form: a form start BuildView()
  // would keep whose word starts a noun trigger or a verb with triggers. If
  // none does, Run() finds nothing (a light verb alone only repeats an
  // earlier mention: "held it"), and the document needs no view at all.
  // Stops at the first such token.
  bool MayHoldTrigger() const;
  void BuildView();
  void PrepareSentence(uint32_t s);
  uint32_t MatchFrom(const Pattern& p, size_t k, uint32_t t, uint32_t limit) const;
  // MatchFrom(p, 0, t, limit). A pattern never starts with * or **, so its
  // second element sits at t + 1: most candidates fail there, tested first.
  uint32_t MatchAt(const Pattern& p, uint32_t t, uint32_t limit) const {
    if (p.size() > 1 && p[1].kind != PatternElem::kAnyUpTo3 && (t + 1 >= limit || !ElemMatches(p[1], t + 1))) {
      return kNone;
    }
    return MatchFrom(p, 0, t, limit);
  }
  [[gnu::always_inline]] inline bool ElemMatches(const PatternElem& e, uint32_t t) const;
  // False when no cue of `w` (token t's entry) can match: the token after t
  // fits none of their second elements (WordInfo::cue_next_*).
  bool CueMayGoOn(const WordInfo& w, uint32_t t, uint32_t limit) const;

  // ---- clause structure ----------------------------------------------------
  // Innermost clause span holding token t, or nullptr for the main clause.
  const ClauseSpan* SpanOf(uint32_t t) const;
  const ClauseSpan* SpanEndingAt(uint32_t s, uint32_t end) const;
  bool OpensClause(uint32_t t, uint32_t se) const;
  bool LooksFinite(uint32_t t) const;

  // ---- triggers ------------------------------------------------------------
  // Length (tokens) of form `f` matched at t, or 0.
  uint32_t MatchForm(const FormRef& f, uint32_t t, uint32_t limit) const;
  bool NounContext(uint32_t t) const;
  bool NounSlot(uint32_t t) const;  // the word after token t is a noun, not a finite verb
  bool HasMentionOfType(uint8_t type) const;  // a mention of this type was found before
  // A cheap look at the words around a verb: false when its guards cannot
  // pass, so that most common verbs ("came", "reached") cost nothing more.
  bool GuardsMayPass(const TriggerDef& td, uint8_t form_bits, uint32_t begin, uint32_t end) const;
  // The instrument noun at t (a form of some type's instruments), its end, or kNone.
  uint32_t InstrumentAt(uint32_t t, uint32_t limit) const;

  void AnalyzeVerb(uint16_t trigger, uint8_t form_bits, uint32_t begin, uint32_t end);
  void AnalyzeNoun(uint16_t trigger, uint8_t form_bits, uint32_t begin, uint32_t end);
  void AnalyzeLightVerbIt(uint32_t verb_begin, uint32_t verb_end, int verb);

  // ---- roles ---------------------------------------------------------------
  EntityMask AgentMask(const TriggerDef& td, const RoleList& roles) const;
  Actors FindSubject(uint32_t from, EntityMask allowed, uint32_t* subject_at = nullptr, bool vp = true);
  Actors PersonByNamePart(uint32_t t) const;
  void CoordinateLeft(uint32_t begin, EntityMask allowed, bool through_preps, EntityList* out) const;
  bool IsGoverned(uint32_t begin) const;
  bool IsModifierMention(const MentionLoc& m) const;
  // The group phrase (groups() index) ending at token t, its first token in
  // *start; -1 if none. Inline: asked for most tokens a subject scan passes,
  // and few of them can end a group.
  int GroupEndingAt(uint32_t t, uint32_t* start) const {
    return Has(t, kWcGroupEnd) ? GroupEndingHere(t, start) : -1;
  }
  int GroupEndingHere(uint32_t t, uint32_t* start) const;
  Actors ResolveGroup(int group, uint32_t at);
  Actors ResolvePronoun(uint32_t t);
  // `strict`: only a person introduced with the description's words, never
  // just the latest person; `country`: ISO code the person must not contradict.
  Actors ResolveDescription(uint32_t np_begin, bool strict = false, std::string_view country = {});
  // "..., when X visited": the time right before the clause it hangs on.
  bool DateFromHostClause(EventMention* m, const ClauseSpan& own, uint32_t sentence_begin);
  // A description phrase "the (adjectives) <role noun>" starting at det token
  // t: the token after its role noun, or kNone.
  uint32_t DescriptionEnd(uint32_t t, uint32_t limit) const;
  // The country a nationality adjective among tokens [b, e) names ("the North
  // Korean leader" -> KP), or "".
  std::string_view NationIn(uint32_t b, uint32_t e) const;
  // "the North Korean capital" at det token t: the capital's place entity
  // (else the country's) named in the document, and the token after "capital".
  uint32_t DescribedCapital(uint32_t t, uint32_t limit, uint32_t* end) const;
  bool IsObjectOfVerb(const MentionLoc& m, uint32_t trigger) const;
  uint32_t VpCoordinatedSubjectEnd(uint32_t from, EntityMask allowed) const;
  uint32_t CountryEntityOf(uint32_t entity) const;
  bool IsCityLike(uint32_t entity) const;

  struct ScanState;
  // Scans right from `from` for objects and prepositional phrases.
  uint32_t ScanRight(EventMention* m, const TriggerDef& td, uint32_t from, uint32_t limit, bool allow_object,
                     uint32_t* instrument_tok);
  void AddFill(EventMention* m, const RoleList& roles, uint32_t entity, FillSource src) const;
  // Places in locative phrases before `anchor` in its clause, when the mention has none.
  void AddFrontedPlaces(EventMention* m, uint32_t anchor) const;
  NounPhrase ScanNounLeft(uint32_t noun_begin) const;
  // The light verb of lemma set `verbs` ending right before token `end`, its first token, or kNone.
  uint32_t LightVerbBefore(uint32_t end, const std::vector<int>& verbs, int* lemma, uint8_t* bits) const;

  // ---- status and date -----------------------------------------------------
  uint32_t CollectEffects(const EventMention& m, uint32_t np_begin, uint32_t aux_end, uint32_t* post_cue) ;
  void ApplyStatus(EventMention* m, uint8_t form_bits, bool after_to, uint32_t effects) const;
  bool TimexExcluded(uint32_t ti, uint32_t trigger_begin, uint32_t trigger_end) const;
  void DateFromClause(EventMention* m, uint32_t anchor, uint32_t right_limit, bool right_only = false);
  void DateFromNoun(EventMention* m, const NounPhrase& np, uint32_t np_end, uint32_t post_cue);
  void AddDateList(EventMention* m, uint32_t ti);

  void Finish(EventMention m, uint32_t effects);
  // "signed in Brasilia on February 17 and in Montevideo on February 28": the
  // place and date of a gapped second leg after the mention's own date.
  bool GappedLeg(const EventMention& m, uint32_t* place, std::string* date) const;
  uint32_t FrameNoun(const EventMention& m) const;
  uint32_t ContextPlace(const EventMention& m) const;

  const Lexicon& lex_;
  const EventSchema& schema_;
  const Document& doc_;
  static inline const WordInfo kLyAdverb{kWcAdv, {}, {}, {}};  // an unlisted word in -ly
  std::vector<const WordInfo*>& info_;   // token -> lexicon entry, filled by BuildView()
  const WordInfo* const* info_data_ = nullptr;  // info_.data()
  std::vector<int32_t>& mention_at_;
  std::vector<MentionLoc>& mentions_;
  std::vector<int32_t>& timex_at_;
  std::vector<TimexLoc>& timexes_;
  std::vector<uint8_t>& sentence_ready_;
  // Cue hits and clause spans of the prepared sentences, sentence after sentence.
  std::vector<CueHit>& hits_;
  std::vector<ClauseSpan>& clause_spans_;
  std::vector<uint32_t>& hit_range_;   // sentence -> [begin, end) into hits_, two entries each
  std::vector<uint32_t>& span_range_;  // sentence -> [begin, end) into clause_spans_
  std::vector<uint8_t>& punct_;        // token -> PunctKind bits
  Slice<CueHit> Hits(uint32_t s) const {
    return {hits_.data() + hit_range_[2 * s], hits_.data() + hit_range_[2 * s + 1]};
  }
  Slice<ClauseSpan> Spans(uint32_t s) const {
    return {clause_spans_.data() + span_range_[2 * s], clause_spans_.data() + span_range_[2 * s + 1]};
  }
  std::vector<uint8_t>& taken_;  // tokens already used by a trigger
  uint32_t complement_tok_ = kNone;  // where the last ScanRight entered an embedded trip ("to visit X")
  uint32_t dateline_end_ = 0;  // first token after a dateline ("OSAKA, June 29 (Wire) -"), else 0
  uint32_t dateline_sentence_ = kNone;  // the sentence that opens with it
  static constexpr int64_t kNoDays = INT64_MIN;
  int64_t published_days_ = kNoDays;  // the publication date as a day number
  // First token of sentence s that belongs to its text (after a dateline).
  uint32_t TextBegin(uint32_t s) const { return s == dateline_sentence_ ? dateline_end_ : SentBegin(s); }
  Scratch::CachedWord* word_cache_ = nullptr;  // Scratch::kCacheSize entries
  const WordInfo* infos_ = nullptr;            // Lexicon::infos()
  // The data of doc_.tokens, doc_.folded, mention_at_ and timex_at_, kept
  // here: the helpers above read them for nearly every token a scan passes.
  const Token* tokens_ = nullptr;
  const char* folded_ = nullptr;
  const int32_t* mention_at_data_ = nullptr;  // set by BuildView()
  const int32_t* timex_at_data_ = nullptr;    // set by BuildView()
  const uint8_t* punct_data_ = nullptr;       // punct_, set by BuildView()
  std::vector<uint8_t>& in_aux_;        // token -> inside an auxiliary cue hit (prepared sentences)
  std::vector<uint32_t>& form_starts_;  // word tokens that may start a trigger form
  // Tokens PrepareSentence() must look at, in text order: those that may
  // start a cue, open a clause, or follow a comma. The others do nothing there.
  std::vector<uint32_t>& scan_starts_;
  std::vector<DeferredNoun>& deferred_;
  std::vector<EventMention>& out_;
};

// ---------------------------------------------------------------------------
// Token view

bool Analyzer::IsCurly(uint32_t t, std::string_view w) const {
  std::string_view f = F(t);
  if (f.size() < 3) return false;
  // Compare with curly apostrophes read as straight ones.
  size_t i = 0, j = 0;
  while (i < f.size() && j < w.size()) {
    if (f.compare(i, kCurly.size(), kCurly) == 0) {
      if (w[j] != '\'') return false;
      i += kCurly.size();
      ++j;
    } else {
      if (f[i] != w[j]) return false;
      ++i;
      ++j;
    }
  }
  return i == f.size() && j == w.size();
}

bool Analyzer::IsPossessiveMark(uint32_t t) const {
  std::string_view f = F(t);
  return f == "'s" || f == "\xE2\x80\x99s" || f == "'" || f == kCurly;
}

bool Analyzer::IsQuote(uint32_t t) const { return (punct_data_[t] & kPkQuote) != 0; }

bool Analyzer::IsHardStop(uint32_t t) const { return (punct_data_[t] & kPkHard) != 0; }

bool Analyzer::InAuxCue(uint32_t t) const { return in_aux_[t] != 0; }

bool Analyzer::MayHoldTrigger() const {
  const std::string_view folded = doc_.folded;
  for (const Token& tk : doc_.tokens) {
    // BuildView()'s test for a form start, the lexicon's filter first.
    if (!PassesFormFilter(tk, folded)) continue;
    const WordInfo* w = LookUp(tk, folded.data(), folded.size());
    if (w != nullptr && (w->starts & kStartsForm) && (w->starts & kStartsTrigger)) return true;
  }
  return false;
}

void Analyzer::BuildView() {
  const size_t n = doc_.tokens.size();
  info_.resize(n);
  info_data_ = info_.data();
  mentions_.clear();
  timexes_.clear();
  hits_.clear();
  clause_spans_.clear();
  mention_at_.assign(n, -1);
  timex_at_.assign(n, -1);
  mention_at_data_ = mention_at_.data();
  timex_at_data_ = timex_at_.data();
  taken_.assign(n, 0);
  in_aux_.assign(n, 0);
  sentence_ready_.assign(doc_.sentences.size(), 0);
  hit_range_.assign(2 * doc_.sentences.size(), 0);
  span_range_.assign(2 * doc_.sentences.size(), 0);
  punct_.assign(n, 0);
  punct_data_ = punct_.data();
  // One pass over the tokens: the lexicon entry of each, the words that may
  // start a trigger form or matter to PrepareSentence(), and what each
  // punctuation mark is.
  form_starts_.clear();
  scan_starts_.clear();
  const std::string_view folded = doc_.folded;
  const WordInfo** info = info_.data();
  const Token* tokens_data = doc_.tokens.data();
  // Entity mentions onto tokens in the same pass: each, in text order, gets
  // the first token ending after its begin (its end token is found below).
  struct Ref {
    Span span;
    uint32_t entity;
    uint32_t mention;
    uint32_t first_token;
  };
  thread_local std::vector<Ref> refs;
  refs.clear();
  for (uint32_t e = 0; e < doc_.entities.size(); ++e) {
    const auto& ms = doc_.entities[e].mentions;
    for (uint32_t k = 0; k < ms.size(); ++k) refs.push_back(Ref{ms[k].span, e, k, 0});
  }
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  Ref* next_ref = refs.data();
  Ref* const refs_end = next_ref + refs.size();
  uint32_t next_ref_begin = next_ref != refs_end ? next_ref->span.begin : UINT32_MAX;
  bool after_comma = false;
  for (size_t t = 0; t < n; ++t) {
    const Token& tk = tokens_data[t];
    while (tk.span.end > next_ref_begin) {
      next_ref->first_token = static_cast<uint32_t>(t);
      ++next_ref;
      next_ref_begin = next_ref != refs_end ? next_ref->span.begin : UINT32_MAX;
    }
    const WordInfo* w = LookUp(tk, folded.data(), folded.size());
    info[t] = w;
    const uint8_t starts = w != nullptr ? w->starts : 0;
    if (starts != 0 || after_comma) {
      if ((starts & kStartsClause) || after_comma) scan_starts_.push_back(static_cast<uint32_t>(t));
      if ((starts & kStartsForm) && PassesFormFilter(tk, folded)) {
        form_starts_.push_back(static_cast<uint32_t>(t));
      }
    }
    after_comma = false;
    if (!tk.Has(kTokPunct)) continue;
    std::string_view f = Tx(static_cast<uint32_t>(t));
    uint8_t k = 0;
    switch (f[0]) {
      case '"': k = kPkQuote | kPkHard; break;
      case '.': case '?': case '!': k = kPkHard; break;
      case ';': case ':': k = kPkHard | kPkColon; break;
      case ',': k = kPkComma; break;
      case '(': k = kPkOpen; break;
      case ')': k = kPkClose; break;
      case '\xE2':
        if (f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D") k = kPkQuote | kPkHard;
        else if (f == "\xE2\x80\x94" || f == "\xE2\x80\x93" || f == "\xE2\x80\xA6") k = kPkHard;
        break;
      default: break;
    }
    if (f.size() == 1) k |= kPkOne;
    punct_[t] = k;
    after_comma = (k & kPkComma) != 0;
  }

  // Mentions that begin after the last token's end start past it.
  for (; next_ref != refs_end; ++next_ref) next_ref->first_token = static_cast<uint32_t>(n);

  // Each mention runs from its first token to the first token starting at its end.
  const auto& tokens = doc_.tokens;
  for (const Ref& r : refs) {
    const uint32_t b = r.first_token;
    uint32_t en = b;
    while (en < n && tokens[en].span.begin < r.span.end) ++en;
    if (b >= en) continue;
    const Entity& ent = doc_.entities[r.entity];
    mentions_.push_back(MentionLoc{r.entity, b, en, ent.type, ent.mentions[r.mention].kind});
  }
  for (size_t i = 0; i < mentions_.size(); ++i) {
    for (uint32_t t = mentions_[i].begin; t < mentions_[i].end; ++t) {
      if (mention_at_[t] < 0) mention_at_[t] = static_cast<int32_t>(i);
    }
  }

  // Timexes onto tokens (they are few: a search each): the first token ending
  // after the span's begin, to the first starting at its end.
  auto token_range = [&](const Span& s, size_t* cursor, uint32_t* b, uint32_t* e) {
    size_t i = *cursor;
    while (i > 0 && tokens[i - 1].span.end > s.begin) --i;  // overlapping spans step back
    if (i < n && tokens[i].span.end <= s.begin) {
      // Gallop, then search: the next span may lie far ahead (timexes are few).
      size_t lo = i, step = 1;  // tokens[lo] ends before the span
      while (lo + step < n && tokens[lo + step].span.end <= s.begin) {
        lo += step;
        step *= 2;
      }
      const size_t hi = std::min(lo + step, n);
      i = static_cast<size_t>(std::partition_point(tokens.begin() + static_cast<long>(lo) + 1,
                                                   tokens.begin() + static_cast<long>(hi),
                                                   [&](const Token& tk) { return tk.span.end <= s.begin; }) -
                              tokens.begin());
    }
    *cursor = i;
    size_t j = i;
    while (j < n && tokens[j].span.begin < s.end) ++j;
    *b = static_cast<uint32_t>(i);
    *e = static_cast<uint32_t>(j);
  };
  size_t cursor = 0;
  for (const Timex& tx : doc_.timexes) {
    uint32_t b, en;
    token_range(tx.span, &cursor, &b, &en);
    if (b >= en) continue;
    TimexLoc loc{b, en, "", false};
    if (!tx.date.empty()) {
      loc.date = tx.date;  // the time stage's own event-date reading of the value
    } else if ((tx.type == TimexType::kDate || tx.type == TimexType::kTime) && tx.resolved) {
      loc.date = EventDateFromTimex(tx.value);
    }
    if (en == b + 1 && IsNumber(b) && Tx(b).size() == 4 && b > 0 && IsCap(b - 1) && !IsPunct(b - 1) &&
        !doc_.tokens[b - 1].Has(kTokSentenceStart) && (Cls(b - 1) == 0 || mention_at_[b - 1] >= 0)) {
      loc.date.clear();  // "Expo 2020", "Vision 2030": a year inside a name
    }
    if (loc.date.size() == 10) {
      // A weekday with no "last", "next" or "this": its reading depends on the event's tense.
      bool weekday = false, relative = false;
      for (uint32_t t = b; t < en; ++t) {
        weekday |= Has(t, kWcWeekday);
        relative |= Has(t, kWcOrdinal | kWcDet) || Is(t, "past") || Is(t, "coming") || Is(t, "previous");
      }
      loc.weekday = weekday && !relative;
    }
    for (uint32_t t = b; t < en; ++t) timex_at_[t] = static_cast<int32_t>(timexes_.size());
    timexes_.push_back(std::move(loc));
  }
  published_days_ = kNoDays;
  if (std::optional<CivilDate> pub = ParseIsoDate(doc_.published)) published_days_ = DaysFromCivil(*pub);
  // A dateline: an all-capitals place opening the text, or its first
  // paragraph after a headline, up to its dash.
  dateline_end_ = 0;
  dateline_sentence_ = kNone;
  for (uint32_t s = 0; s < 3 && s < doc_.sentences.size() && dateline_sentence_ == kNone; ++s) {
    const uint32_t b = SentBegin(s);
    if (s > 0 && doc_.sentences[s].paragraph == doc_.sentences[s - 1].paragraph) continue;
    if (b + 2 >= n || !doc_.tokens[b].Has(kTokAllCaps) || mention_at_[b] < 0 ||
        mentions_[mention_at_[b]].type != EntityType::kPlace) {
      continue;
    }
    for (uint32_t t = b + 1; t < n && t < b + 16 && doc_.tokens[t].sentence == s; ++t) {
      const std::string_view x = Tx(t);
      if (x == "-" || x == "\xE2\x80\x94" || x == "\xE2\x80\x93") {
        dateline_end_ = t + 1;
        dateline_sentence_ = s;
        break;
      }
    }
  }
}

inline bool Analyzer::ElemMatches(const PatternElem& e, uint32_t t) const {
  switch (e.kind) {
    case PatternElem::kWords: {
      const WordInfo* info = Info(t);
      if (info == nullptr || info == &kLyAdverb) return false;
      const uint32_t id = lex_.IdOf(info);
      if ((e.id_bits >> (id & 63) & 1) == 0) return false;
      for (uint32_t w : e.ids) {
        if (w == id) return true;
      }
      return false;
    }
    case PatternElem::kClass:
      return Has(t, e.classes) || ((e.classes & kWcNumeral) && IsNumber(t));
    case PatternElem::kAny:
    case PatternElem::kAnyUpTo3:
      return !IsHardStop(t);
  }
  return false;
}

bool Analyzer::CueMayGoOn(const WordInfo& w, uint32_t t, uint32_t limit) const {
  if (w.cue_next_any) return true;
  if (t + 1 >= limit) return false;
  // ElemMatches() of a word list or a class, for all the lists and classes at once.
  const WordInfo* next = Info(t + 1);
  if (next != nullptr && next != &kLyAdverb && (w.cue_next_ids >> (lex_.IdOf(next) & 63) & 1)) return true;
  return Has(t + 1, w.cue_next_classes) || ((w.cue_next_classes & kWcNumeral) && IsNumber(t + 1));
}

uint32_t Analyzer::MatchFrom(const Pattern& p, size_t k, uint32_t t, uint32_t limit) const {
  for (; k < p.size(); ++k, ++t) {
    const PatternElem& e = p[k];
    if (e.kind == PatternElem::kAnyUpTo3) {
      for (uint32_t skip = 0; skip <= 3 && t + skip <= limit; ++skip) {
        if (skip > 0 && (IsPunct(t + skip - 1))) break;
        uint32_t r = MatchFrom(p, k + 1, t + skip, limit);
        if (r != kNone) return r;
      }
      return kNone;
    }
    if (t >= limit || !ElemMatches(e, t)) return kNone;
  }
  return t;
}

void Analyzer::PrepareSentence(uint32_t s) {
  if (sentence_ready_[s]) return;
  sentence_ready_[s] = 1;
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  std::vector<CueHit>& hits = hits_;
  if (hits.capacity() == 0) hits.reserve(64);
  hit_range_[2 * s] = static_cast<uint32_t>(hits.size());
  // Cue hits and clause spans in one pass over the sentence. Clause spans: a
  // relative clause after a comma or a noun, a subordinate clause, each up to
  // the next comma (or a hard stop).
  std::vector<ClauseSpan>& spans = clause_spans_;
  span_range_[2 * s] = static_cast<uint32_t>(spans.size());
  // Only the tokens BuildView() kept can start a cue or a clause span.
  const uint32_t* scan_begin = scan_starts_.data();
  const uint32_t* scan_end = scan_begin + scan_starts_.size();
  for (const uint32_t* it = std::lower_bound(scan_begin, scan_end, sb); it != scan_end && *it < se; ++it) {
    const uint32_t t = *it;
    const WordInfo* info = Info(t);
    if (info != nullptr && !info->cues.empty() && CueMayGoOn(*info, t, se)) {
      for (uint16_t cue : info->cues) {
        uint32_t end = MatchAt(lex_.cues()[cue].pattern, t, se);
        if (end != kNone) hits.push_back(CueHit{cue, t, end});
      }
    }
    ClassBits c = info != nullptr ? info->classes : 0;
    bool after_comma = t > sb && (punct_[t - 1] & kPkComma);
    bool known_as = after_comma && (Is(t, "known") || Is(t, "also") || Is(t, "formerly")) && t + 1 < se &&
                    (Is(t + 1, "as") || Is(t + 1, "by") || Is(t + 1, "known"));
    // Spun "where": ", the place he attended ...".
    const bool the_place = after_comma && Is(t, "the") && t + 2 < se && Is(t + 1, "place") &&
                           (Has(t + 2, kWcSubjPron) || MentionAt(t + 2) >= 0);
    if ((c & (kWcRel | kWcSub)) == 0 && !known_as && !the_place) continue;
    if (MentionAt(t) >= 0 || TimexAt(t) >= 0) continue;
    ClauseSpan::Kind kind;
    std::string_view f = F(t);
    if (known_as || the_place) {
      kind = ClauseSpan::kRel;
    } else if (f == "that") {
      // A relative "that" is followed by a verb group, not by a noun.
      if (t + 1 >= se || t == sb) continue;
      if (Has(t - 1, kWcClauseVerb)) continue;
      if (!Has(t + 1, kWcBe | kWcHave | kWcModal | kWcNeg | kWcAdv | kWcVerbForm | kWcDo)) continue;
      if (Has(t + 1, kWcOrdinal) || Has(t + 1, kWcDet)) continue;  // "that first agreement"
      kind = ClauseSpan::kRel;
    } else if (f == "when") {
      kind = ClauseSpan::kWhen;
    } else if (f == "where") {
      kind = ClauseSpan::kRel;
    } else if (c & kWcRel) {
      kind = ClauseSpan::kRel;
    } else {
      if ((f == "as" || f == "once" || f == "whether") && !after_comma) continue;
      if (f == "because" && t + 1 < se && Is(t + 1, "of")) continue;  // a preposition
      if ((f == "after" || f == "before" || f == "since" || f == "until" || f == "till") && !OpensClause(t + 1, se)) {
        continue;  // "after face-to-face talks": a preposition
      }
      kind = ClauseSpan::kSub;
    }
    uint32_t e = t + 1;
    int d = 0;
    while (e < se) {
      const uint8_t pk = punct_[e];
      if (pk & kPkOpen) ++d;
      if (pk & kPkClose) {
        if (d == 0) break;
        --d;
      }
      if (d == 0 && (pk & kPkQuote)) {
        // A quotation inside the clause ("in which Japan expressed "deep remorse" for ...").
        uint32_t q = e + 1;
        while (q < se && !(punct_[q] & kPkQuote)) ++q;
        if (q < se && q > e + 1 && kind != ClauseSpan::kSub) {
          e = q + 1;
          continue;
        }
        break;
      }
      if (d == 0 && (pk & kPkHard)) break;
      if (d == 0 && (pk & kPkComma)) {
        // "in Bali, Indonesia, in November": apposed places and times stay inside.
        bool goes_on = false;
        if (e + 1 < se) {
          int mi = MentionAt(e + 1);
          if (mi >= 0 && mentions_[mi].type == EntityType::kPlace) goes_on = true;
          if (Has(e + 1, kWcPrep) && e + 2 < se &&
              (TimexAt(e + 2) >= 0 || (MentionAt(e + 2) >= 0 && mentions_[MentionAt(e + 2)].type == EntityType::kPlace))) {
            goes_on = true;
          }
          if (TimexAt(e + 1) >= 0) goes_on = true;
        }
        if (!goes_on) break;
      }
      ++e;
    }
    spans.push_back(ClauseSpan{kind, t, e});
  }
  hit_range_[2 * s + 1] = static_cast<uint32_t>(hits.size());
  span_range_[2 * s + 1] = static_cast<uint32_t>(spans.size());
  // InAuxCue() is asked for many tokens: mark the tokens of auxiliary cues once.
  for (const CueHit& h : Hits(s)) {
    if (lex_.cues()[h.cue].scope != CueScope::kAux) continue;
    for (uint32_t t = h.begin; t < h.end; ++t) in_aux_[t] = 1;
  }
}

// Whether the words from t on make a clause (a finite verb before the next
// comma) rather than a noun phrase: "after the talks" vs "after the two
// leaders met", "since taking office".
bool Analyzer::OpensClause(uint32_t t, uint32_t se) const {
  if (t >= se) return false;
  if (doc_.tokens[t].Has(kTokLower) && F(t).size() > 4 && F(t).substr(F(t).size() - 3) == "ing" &&
      !Has(t, kWcTriggerNoun)) {
    return true;  // a gerund
  }
  for (uint32_t k = t; k < se && k < t + 8; ++k) {
    if (IsPunct(k) && Tx(k) != "-") return false;
    if (Has(k, kWcSubjPron | kWcBe | kWcHave | kWcModal | kWcDo | kWcClauseVerb)) return true;
    if (k > t && Has(k, kWcVerbForm) && !Has(k, kWcTriggerNoun) && !Has(k - 1, kWcDet | kWcPoss | kWcPrep)) return true;
    if (k > t && LooksFinite(k)) return true;
  }
  return false;
}

// A lower-case word in -ed after a noun or a name, not after an article,
// possessive or adverb: a finite verb ("the agreements followed talks"),
// not an adjective ("the delayed talks").
bool Analyzer::LooksFinite(uint32_t t) const {
  const std::string_view f = F(t);
  if (f.size() < 5 || f[f.size() - 1] != 'd' || f[f.size() - 2] != 'e' || !doc_.tokens[t].Has(kTokLower)) return false;
  if (Cls(t) & ~(kWcVerbForm | kWcLightVerb)) return false;
  if (t == 0) return false;
  const uint32_t p = t - 1;
  if (IsPunct(p) || IsNumber(p) || Has(p, kWcDet | kWcPoss | kWcAdv | kWcPrep | kWcConj | kWcBe | kWcHave)) return false;
  return MentionAt(p) >= 0 || doc_.tokens[p].Has(kTokLower) || Has(p, kWcSubjPron);
}

const ClauseSpan* Analyzer::SpanOf(uint32_t t) const {
  const Slice<ClauseSpan> spans = Spans(doc_.tokens[t].sentence);
  const ClauseSpan* best = nullptr;
  for (const ClauseSpan& c : spans) {
    if (c.begin <= t && t < c.end && (best == nullptr || c.begin > best->begin)) best = &c;
  }
  return best;
}

const ClauseSpan* Analyzer::SpanEndingAt(uint32_t s, uint32_t end) const {
  for (const ClauseSpan& c : Spans(s)) {
    if (c.end == end) return &c;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------
// Triggers

uint32_t Analyzer::MatchForm(const FormRef& f, uint32_t t, uint32_t limit) const {
  uint32_t k = t + 1;
  for (const std::string& w : f.rest) {
    if (k >= limit || !Is(k, w)) return 0;
    ++k;
  }
  return k - t;
}

uint32_t Analyzer::InstrumentAt(uint32_t t, uint32_t limit) const {
  if (!Has(t, kWcInstrument)) return kNone;
  uint32_t best = kNone;
  for (const FormRef& f : Info(t)->forms) {
    if (f.kind != FormRef::kInstrument) continue;
    uint32_t n = MatchForm(f, t, limit);
    if (n > 0 && (best == kNone || t + n > best)) best = t + n;
  }
  return best;
}

// True when the word at t is used as a noun: a determiner, a possessive or an
// ordinal comes before it, with only modifiers between.
bool Analyzer::NounContext(uint32_t t) const {
  const uint32_t sb = SentBegin(doc_.tokens[t].sentence);
  int steps = 0;
  for (int64_t i = static_cast<int64_t>(t) - 1; i >= sb && steps < 6; --i, ++steps) {
    uint32_t u = static_cast<uint32_t>(i);
    if (TimexAt(u) >= 0) {
      i = timexes_[TimexAt(u)].begin;
      continue;
    }
    if (MentionAt(u) >= 0) {
      // "Putin's go to", "the Lahore stop": keep looking for the determiner,
      // but a bare name right before ("Biden visits") makes a verb.
      const MentionLoc& m = mentions_[MentionAt(u)];
      if (steps == 0) return false;
      i = m.begin;
      continue;
    }
    if (IsPossessiveMark(u)) return true;
    ClassBits c = Cls(u);
    if (c & (kWcDet | kWcPoss | kWcOrdinal)) return true;
    if (IsNumber(u)) return true;
    if ((c & kWcLightVerb) && !(c & (kWcBe | kWcModal))) return true;  // "held separate meetings
    if (c & (kWcPrep | kWcConj | kWcRel | kWcSub | kWcBe | kWcHave | kWcDo | kWcModal | kWcNeg | kWcSubjPron |
             kWcObjPron | kWcClauseVerb | kWcVerbForm | kWcAdv)) {
      return false;
    }
    if (IsPunct(u)) {
      if (Tx(u) == "-") continue;
      return false;
    }
  }
  return false;
}

// After an article, a possessive or a preposition (not "to") comes a noun,
// never a finite verb: "the land borders", "a number of journeys". A
// preposition inside an auxiliary cue ("is because of travel") does not count.
bool Analyzer::NounSlot(uint32_t q) const {
  if (Has(q, kWcPoss)) return !Is(q, "her");  // "let her visit"
  if (Has(q, kWcDet)) return Is(q, "a") || Is(q, "an") || Is(q, "the") || Is(q, "every") || Is(q, "no");
  return Has(q, kWcPrep) && !Is(q, "to") && !InAuxCue(q);
}

bool Analyzer::HasMentionOfType(uint8_t type) const {
  for (const EventMention& o : out_) {
    if (o.type == type) return true;
  }
  return false;
}

bool Analyzer::GuardsMayPass(const TriggerDef& td, uint8_t form_bits, uint32_t begin, uint32_t end) const {
  const uint32_t s = doc_.tokens[begin].sentence;
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  auto any_mention = [&](uint32_t from, uint32_t to, EntityMask mask) {
    for (uint32_t k = from; k < to && k < se; ++k) {
      if (MentionAt(k) >= 0 && (MaskOf(mentions_[MentionAt(k)].type) & mask)) return true;
    }
    return false;
  };
  if ((td.guards & kGuardNeedsPlace) &&
      !any_mention(end, end + 16, MaskOf(EntityType::kPlace) | MaskOf(EntityType::kOrganization))) {
    bool described = false;  // "flew into the North Korean capital"
    for (uint32_t k = end; k < se && k < end + 3 && !described; ++k) {
      uint32_t cap_end = kNone;
      described = Has(k, kWcDet) && DescribedCapital(k, se, &cap_end) != kNone;
    }
    if (!described) return false;
  }
  if ((td.guards & kGuardActorObject) && !(form_bits & kFormParticiple) &&
      !any_mention(end, end + 10, MaskOf(EntityType::kPerson) | MaskOf(EntityType::kOrganization)) &&
      !any_mention(end, end + 10, MaskOf(EntityType::kPlace))) {
    bool pronoun = false;
    // ... or a role description the right scan resolves ("invited the king to visit Spain").
    for (uint32_t k = end; k < se && k < end + 10; ++k) {
      pronoun |= Has(k, kWcObjPron) || Has(k, kWcGroupEnd) || (k == end && DescriptionEnd(k, se) != kNone);
    }
    if (!pronoun) return false;
  }
  if (td.guards & (kGuardInstrument | kGuardAgreeComplement)) {
    bool found = false;
    // Wide on the left: "a treaty creating a monetary union that A and B signed".
    const uint32_t from = begin >= sb + 14 ? begin - 14 : sb;
    if (end < se && (Is(end, "it") || Is(end, "them")) && HasMentionOfType(td.type)) found = true;
    for (uint32_t k = from; k < se && k < end + 12 && !found; ++k) {
      if (Has(k, kWcInstrument)) found = true;
      if ((td.guards & kGuardAgreeComplement) && k >= end && (Is(k, "to") || Is(k, "on"))) found = true;
      if (MentionAt(k) >= 0 && Has(mentions_[MentionAt(k)].end - 1, kWcInstrument)) found = true;
    }
    if (!found) return false;
  }
  return true;
}

void Analyzer::AddFill(EventMention* m, const RoleList& roles, uint32_t entity, FillSource src) const {
  const TypeDef& type = schema_.types()[m->type];
  const EntityMask mask = MaskOf(doc_.entities[entity].type);
  for (uint8_t r : roles) {
    EntityMask allowed = type.roles[r].entities;
    if (type.roles[r].kind == RoleKind::kPlace && doc_.entities[entity].type == EntityType::kOrganization) {
      // A venue or site that the entity stage typed as an organization ("at
      // the White House", "visit the Demilitarized Zone"); never a body that acts.
      const std::string& sub = doc_.entities[entity].subtype;
      if (sub.empty() || sub == "venue" || sub == "site" || sub == "building" || sub == "company") allowed |= mask;
    }
    if (allowed & mask) {
      m->AddRole(r, entity, src);
      return;
    }
  }
}

EntityMask Analyzer::AgentMask(const TriggerDef& td, const RoleList& roles) const {
  EntityMask mask = 0;
  for (uint8_t r : roles) mask |= schema_.types()[td.type].roles[r].entities;
  return mask;
}

void Analyzer::AddFrontedPlaces(EventMention* m, uint32_t anchor) const {
  const TypeDef& type = schema_.types()[m->type];
  int place = type.FirstRole(RoleKind::kPlace);
  if (place < 0 || m->HasRole(static_cast<uint8_t>(place))) return;
  const ClauseSpan* own = SpanOf(anchor);
  if (own != nullptr && own->kind == ClauseSpan::kRel && IsWhere(own->begin)) {
    const uint32_t sb = SentBegin(m->sentence);
    for (int64_t k = static_cast<int64_t>(own->begin) - 1; k >= sb; --k) {
      int mi = MentionAt(static_cast<uint32_t>(k));
      if (mi < 0) continue;
      const MentionLoc& ml = mentions_[mi];
      k = ml.begin;
      if (ml.type != EntityType::kPlace) continue;
      // Only a place the clause is located at: "at/in/to X", not "outside X".
      int64_t p = static_cast<int64_t>(ml.begin) - 1;
      while (p >= sb && (Has(static_cast<uint32_t>(p), kWcDet) || IsPossessiveMark(static_cast<uint32_t>(p)))) --p;
      if (p >= sb && (Has(static_cast<uint32_t>(p), kWcLocPrep) || Is(static_cast<uint32_t>(p), "to"))) {
        m->AddRole(static_cast<uint8_t>(place), ml.entity, FillSource::kContext);
        return;
      }
    }
    return;
  }
  const uint32_t from = own != nullptr ? own->begin : TextBegin(m->sentence);
  for (uint32_t t = from; t < anchor; ++t) {
    if (!Has(t, kWcLocPrep) || SpanOf(t) != own) continue;
    for (uint32_t k = t + 1; k < anchor && k < t + 5; ++k) {
      if (MentionAt(k) >= 0) {
        const MentionLoc& ml = mentions_[MentionAt(k)];
        if (ml.type == EntityType::kPlace) {
          m->AddRole(static_cast<uint8_t>(place), ml.entity, FillSource::kDirect);
        }
        break;
      }
      if (IsPunct(k) && Tx(k) != "-") break;
      if (Has(k, kWcPrep | kWcVerbForm | kWcClauseVerb)) break;
    }
  }
}

// ---------------------------------------------------------------------------
// Roles

bool Analyzer::IsGoverned(uint32_t begin) const {
  const uint32_t sb = SentBegin(doc_.tokens[begin].sentence);
  int steps = 0;
  for (int64_t i = static_cast<int64_t>(begin) - 1; i >= sb && steps < 5; --i, ++steps) {
    uint32_t u = static_cast<uint32_t>(i);
    ClassBits c = Cls(u);
    if (Is(u, "of") && u > sb && Has(u - 1, kWcTitle | kWcRoleNoun)) continue;  // "Secretary of State X"
    if (c & kWcPrep) return true;
    if (c & (kWcDet | kWcPoss | kWcTitle | kWcPlaceAdj | kWcRoleNoun | kWcPlaceNoun | kWcKin)) continue;
    if (TimexAt(u) >= 0) return false;  // "on Thursday the pope": the preposition governs the time
    if (IsCap(u) && MentionAt(u) < 0 && !IsPunct(u)) continue;
    if (Tx(u) == "-" ) continue;
    return false;
  }
  return false;
}

// "FARC leader Rodrigo Londono", "U.S. President Joe Biden": a name that
// only qualifies the next one.
bool Analyzer::IsModifierMention(const MentionLoc& m) const {
  const uint32_t se = SentEnd(doc_.tokens[m.begin].sentence);
  uint32_t k = m.end;
  int skipped = 0;
  // "U.S. Secretary of State Rex Tillerson": "of" inside a title.
  while (k < se && skipped < 5 &&
         (Has(k, kWcTitle | kWcRoleNoun) || (IsCap(k) && MentionAt(k) < 0 && !IsPunct(k)) ||
          (Is(k, "of") && k > m.end && Has(k - 1, kWcTitle | kWcRoleNoun) && k + 1 < se && IsCap(k + 1)))) {
    ++k;
    ++skipped;
  }
  if (k < se && MentionAt(k) >= 0 && mentions_[MentionAt(k)].begin == k) return true;
  // "Russian President" style: a place directly before a title-led name is handled above;
  // a name followed directly by another name ("Quad Sydney") is not a modifier.
  return false;
}

int Analyzer::GroupEndingHere(uint32_t t, uint32_t* start) const {
  const uint32_t sb = SentBegin(doc_.tokens[t].sentence);
  const uint32_t from = t >= sb + 5 ? t - 5 : sb;
  for (uint32_t s = from; s <= t; ++s) {
    if (Info(s) == nullptr) continue;
    for (uint16_t g : Info(s)->groups) {
      if (MatchAt(lex_.groups()[g].pattern, s, t + 1) == t + 1) {
        *start = s;
        return g;
      }
    }
  }
  return -1;
}

void Analyzer::CoordinateLeft(uint32_t begin, EntityMask allowed, bool through_preps,
                              EntityList* out) const {
  const uint32_t sb = SentBegin(doc_.tokens[begin].sentence);
  int64_t i = static_cast<int64_t>(begin) - 1;
  for (int rounds = 0; rounds < 8; ++rounds) {
    // Pre-modifiers of the current item: "and South Korean President Yoon".
    int skipped = 0;
    while (i >= sb && skipped < 5) {
      uint32_t u = static_cast<uint32_t>(i);
      if (MentionAt(u) >= 0 && IsModifierMention(mentions_[MentionAt(u)])) {
        i = static_cast<int64_t>(mentions_[MentionAt(u)].begin) - 1;
        ++skipped;
        continue;
      }
      if (MentionAt(u) < 0 && !IsPunct(u) &&
          (Has(u, kWcDet | kWcPoss | kWcTitle | kWcRoleNoun | kWcGroupNoun | kWcPlaceAdj | kWcKin) || IsCap(u) ||
           (Cls(u) == 0 && doc_.tokens[u].Has(kTokLower)))) {
        --i;
        ++skipped;
        continue;
      }
      break;
    }
    if (i < sb) return;
    uint32_t u = static_cast<uint32_t>(i);
    bool comma = IsMark(u, kPkComma);
    bool conj = Is(u, "and") || Is(u, "or");
    if (!comma && !conj) return;
    --i;
    if (conj && i >= sb && IsMark(static_cast<uint32_t>(i), kPkComma)) --i;  // ", and"
    // Skip an appositive that ended at the comma: ", known by his nom de guerre X,".
    if (comma && i >= sb) {
      const ClauseSpan* sp = SpanEndingAt(doc_.tokens[begin].sentence, static_cast<uint32_t>(i) + 1);
      if (sp != nullptr && sp->kind == ClauseSpan::kRel) i = static_cast<int64_t>(sp->begin) - 2;
    }
    if (i < sb) return;
    u = static_cast<uint32_t>(i);
    if (MentionAt(u) < 0) return;
    const MentionLoc& m = mentions_[MentionAt(u)];
    if (m.end != u + 1) return;
    if (!(allowed & MaskOf(m.type))) return;
    if (!through_preps && IsGoverned(m.begin)) {
      // "with A and B": both governed; as a subject list, stop.
      return;
    }
    if (std::find(out->begin(), out->end(), m.entity) == out->end()) out->push_back(m.entity);
    i = static_cast<int64_t>(m.begin) - 1;
  }
}

uint32_t Analyzer::CountryEntityOf(uint32_t entity) const {
  const Entity& e = doc_.entities[entity];
  if (e.country.empty()) return kNone;
  for (uint32_t i = 0; i < doc_.entities.size(); ++i) {
    const Entity& c = doc_.entities[i];
    if (c.type == EntityType::kPlace && c.subtype == "country" && c.country == e.country) return i;
  }
  return kNone;
}

bool Analyzer::IsCityLike(uint32_t entity) const {
  const std::string& s = doc_.entities[entity].subtype;
  return s == "city" || s == "site" || s == "venue" || s == "building" || s == "capital";
}

Actors Analyzer::ResolvePronoun(uint32_t t) {
  Actors a;
  a.source = FillSource::kPronoun;
  if (MentionAt(t) >= 0) {  // the entity stage resolved it
    a.entities.push_back(mentions_[MentionAt(t)].entity);
    return a;
  }
  std::string_view f = F(t);
  if (size_t q = f.find('\''); q != std::string_view::npos && q > 0) f = f.substr(0, q);  // "he'll"
  if (size_t q = f.find('\xE2'); q != std::string_view::npos && q > 0) f = f.substr(0, q);
  if (f == "they" || f == "them" || f == "their") {
    uint32_t start;
    int g = GroupEndingAt(t, &start);
    if (g >= 0) return ResolveGroup(g, t);
    return a;
  }
  if (!(f == "he" || f == "she" || f == "his" || f == "her" || f == "him")) return a;
  const uint32_t s = doc_.tokens[t].sentence;
  auto subject_like = [&](const MentionLoc& m) {
    if (m.type != EntityType::kPerson) return false;
    if (m.end < doc_.tokens.size() && IsPossessiveMark(m.end)) return false;
    return !IsGoverned(m.begin) && !IsModifierMention(m);
  };
  // Same sentence: the subject before the pronoun, else the name it anticipates.
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  for (uint32_t u = sb; u < t; ++u) {
    if (MentionAt(u) < 0) continue;
    const MentionLoc& m = mentions_[MentionAt(u)];
    if (m.kind != MentionKind::kPronoun && subject_like(m) && m.end <= t) {
      a.entities.push_back(m.entity);
      return a;
    }
    u = m.end - 1;
  }
  for (uint32_t u = sb; u < t; ++u) {  // any person before it
    if (MentionAt(u) >= 0 && mentions_[MentionAt(u)].type == EntityType::kPerson &&
        !IsModifierMention(mentions_[MentionAt(u)])) {
      a.entities.clear();
      a.entities.push_back(mentions_[MentionAt(u)].entity);
    }
  }
  if (a.found()) return a;
  for (uint32_t u = t + 1; u < se && u < t + 12 && (f == "his" || f == "her"); ++u) {  // "Following his visit, Putin ..."
    if (Has(u, kWcVerbForm | kWcBe | kWcHave | kWcModal | kWcClauseVerb)) break;
    if (IsMark(u, kPkComma)) {
      for (uint32_t k = u + 1; k < se && k < u + 6; ++k) {
        if (MentionAt(k) >= 0 && subject_like(mentions_[MentionAt(k)])) {
          a.entities.push_back(mentions_[MentionAt(k)].entity);
          return a;
        }
      }
      break;
    }
  }
  // Earlier sentences: their subject, else any person they name.
  for (int64_t ps = static_cast<int64_t>(s) - 1; ps >= 0 && ps >= static_cast<int64_t>(s) - 3; --ps) {
    const uint32_t pb = SentBegin(static_cast<uint32_t>(ps)), pe = SentEnd(static_cast<uint32_t>(ps));
    uint32_t fallback = kNone;
    for (uint32_t u = pb; u < pe; ++u) {
      if (MentionAt(u) < 0) {
        // "Later the pope will celebrate mass. On Friday he is due to meet ...".
        const uint32_t de = fallback == kNone ? DescriptionEnd(u, pe) : kNone;
        if (de != kNone && !IsGoverned(u) && de < pe && !IsPossessiveMark(de)) {
          Actors r = ResolveDescription(u, true);
          if (r.found() && doc_.entities[r.entities[0]].type == EntityType::kPerson) {
            r.source = FillSource::kPronoun;
            return r;
          }
        }
        continue;
      }
      const MentionLoc& m = mentions_[MentionAt(u)];
      if (m.type == EntityType::kPerson) {
        if (subject_like(m)) {
          a.entities.push_back(m.entity);
          return a;
        }
        if (fallback == kNone && !IsModifierMention(m)) fallback = m.entity;
      }
      u = m.end - 1;
    }
    if (fallback != kNone) {
      a.entities.push_back(fallback);
      return a;
    }
  }
  return a;
}

Actors Analyzer::ResolveDescription(uint32_t np_begin, bool strict, std::string_view country) {
  Actors a;
  a.source = FillSource::kDescription;
  auto fits_country = [&](uint32_t e) {
    return country.empty() || doc_.entities[e].country.empty() || doc_.entities[e].country == country;
  };
  const uint32_t s = doc_.tokens[np_begin].sentence;
  // The words of the description: "the Somali leader" -> somali, leader.
  std::vector<std::string_view> words;
  for (uint32_t k = np_begin + 1; k < SentEnd(s) && k < np_begin + 5; ++k) {
    if (IsPunct(k) || MentionAt(k) >= 0) break;
    words.push_back(F(k));
    if (Has(k, kWcRoleNoun)) break;
  }
  // 1. A person introduced with one of those words right before a mention
  //    ("Somali President Mohamed", "German Chancellor Olaf Scholz").
  uint32_t best = kNone;
  int best_hits = 0;
  for (const MentionLoc& ml : mentions_) {
    if (ml.begin >= np_begin) break;
    if (ml.type != EntityType::kPerson) continue;
    int hits = 0;
    const uint32_t sb = SentBegin(doc_.tokens[ml.begin].sentence);
    for (int64_t k = static_cast<int64_t>(ml.begin) - 1; k >= sb && k >= static_cast<int64_t>(ml.begin) - 4; --k) {
      uint32_t kk = static_cast<uint32_t>(k);
      if (IsPunct(kk) || MentionAt(kk) >= 0) break;
      // Only the words that introduce the name: "hosted" ends "The king hosted Sánchez".
      if (!IsCap(kk) && !Has(kk, kWcTitle | kWcRoleNoun | kWcPlaceAdj)) break;
      for (std::string_view w : words) {
        if (F(kk) == w || (F(kk).size() > 3 && w.size() > 3 && F(kk).substr(0, 4) == w.substr(0, 4))) ++hits;
      }
    }
    // A title inside the name's own mention ("King Mohammed VI", "Pope Benedict XVI").
    for (uint32_t kk = ml.begin; kk + 1 < ml.end && Has(kk, kWcTitle); ++kk) {
      for (std::string_view w : words) hits += F(kk) == w;
    }
    if (hits > 0 && hits >= best_hits && fits_country(ml.entity)) {
      best_hits = hits;
      best = ml.entity;
    }
  }
  if (best != kNone) {
    a.entities.push_back(best);
    return a;
  }
  // 2. A nationality ("the Russian leader" after a bare "Vladimir Putin"):
  //    the only person of that country named before.
  const std::string_view nation = NationIn(np_begin + 1, np_begin + 1 + static_cast<uint32_t>(words.size()));
  if (!nation.empty()) {
    uint32_t only = kNone;
    bool several = false;
    for (const MentionLoc& ml : mentions_) {
      if (ml.begin >= np_begin) break;
      if (ml.type != EntityType::kPerson || doc_.entities[ml.entity].country != nation) continue;
      if (only != kNone && only != ml.entity) several = true;
      only = ml.entity;
    }
    if (only != kNone && !several) {
      a.entities.push_back(only);
      return a;
    }
  }
  if (strict) return a;
  // 3. Else the latest person named before it (of the nationality, if any).
  const uint32_t lowest = s >= 2 ? SentBegin(s - 2) : 0;
  for (int64_t u = static_cast<int64_t>(np_begin) - 1; u >= static_cast<int64_t>(lowest); --u) {
    int mi = MentionAt(static_cast<uint32_t>(u));
    if (mi >= 0 && mentions_[mi].type == EntityType::kPerson && !IsModifierMention(mentions_[mi]) &&
        fits_country(mentions_[mi].entity) &&
        (nation.empty() || doc_.entities[mentions_[mi].entity].country.empty() ||
         doc_.entities[mentions_[mi].entity].country == nation)) {
      a.entities.push_back(mentions_[mi].entity);
      return a;
    }
  }
  return a;
}

std::string_view Analyzer::NationIn(uint32_t b, uint32_t e) const {
  for (uint32_t k = b; k < e; ++k) {
    if (!IsCap(k)) continue;
    // Two words first: "North Korean", "South African".
    for (uint32_t j = std::min(e, k + 2); j > k; --j) {
      const std::string_view f(doc_.folded.data() + doc_.tokens[k].span.begin,
                               doc_.tokens[j - 1].span.end - doc_.tokens[k].span.begin);
      const std::string_view code = lex_.CountryOfAdjective(f);
      if (!code.empty()) return code;
    }
  }
  return {};
}

uint32_t Analyzer::DescribedCapital(uint32_t t, uint32_t limit, uint32_t* end) const {
  if (!Is(t, "the")) return kNone;
  uint32_t cap = kNone;
  for (uint32_t k = t + 2; k < limit && k < t + 4; ++k) {
    if (Is(k, "capital")) {
      cap = k;
      break;
    }
  }
  if (cap == kNone) return kNone;
  for (uint32_t k = t + 1; k < cap; ++k) {
    if (IsPunct(k) || MentionAt(k) >= 0) return kNone;
  }
  const std::string_view nation = NationIn(t + 1, cap);
  if (nation.empty()) return kNone;
  uint32_t country = kNone;
  for (uint32_t e = 0; e < doc_.entities.size(); ++e) {
    const Entity& en = doc_.entities[e];
    if (en.type != EntityType::kPlace) continue;
    if (en.capital_of == nation) {
      *end = cap + 1;
      return e;
    }
    if (country == kNone && en.subtype == "country" && en.country == nation) country = e;
  }
  if (country != kNone) *end = cap + 1;
  return country;
}

uint32_t Analyzer::DescriptionEnd(uint32_t t, uint32_t limit) const {
  if (!Is(t, "the")) return kNone;
  for (uint32_t k = t + 1; k < limit && k < t + 5; ++k) {
    if (IsPunct(k) || MentionAt(k) >= 0 || TimexAt(k) >= 0) return kNone;
    if (Has(k, kWcRoleNoun)) {
      if (k + 1 < limit && (MentionAt(k + 1) >= 0 || Is(k + 1, "of"))) return kNone;  // "the president, X"
      return k + 1;
    }
    if (Has(k, kWcDet | kWcPrep | kWcVerbForm | kWcBe | kWcHave | kWcModal | kWcConj | kWcRel)) return kNone;
  }
  return kNone;
}

// "Kohl invited Gorbachev", "missing a Group of Eight summit": a name right
// after a verb is its object, not the subject of a later verb. Not so in
// "sent Y to meet Z", where Y is the subject of the infinitive.
bool Analyzer::IsObjectOfVerb(const MentionLoc& m, uint32_t trigger) const {
  const uint32_t sb = SentBegin(doc_.tokens[m.begin].sentence);
  if (m.end < trigger && Is(m.end, "to")) {
    uint32_t k = m.end + 1;
    while (k < trigger && Has(k, kWcAdv)) ++k;
    if (k == trigger) return false;
  }
  for (int64_t i = static_cast<int64_t>(m.begin) - 1, steps = 0; i >= sb && steps < 4; --i, ++steps) {
    const uint32_t u = static_cast<uint32_t>(i);
    if (MentionAt(u) >= 0) {
      if (!IsModifierMention(mentions_[MentionAt(u)])) return false;
      i = mentions_[MentionAt(u)].begin;
      continue;
    }
    const ClassBits c = Cls(u);
    if (c & (kWcDet | kWcTitle | kWcPlaceAdj)) continue;
    if (IsPunct(u) || (c & (kWcPrep | kWcConj | kWcRel | kWcSub | kWcBe | kWcHave | kWcModal | kWcSubjPron))) return false;
    if (c & kWcClauseVerb) return false;  // "said Biden had no plans": the subject of what is said
    if (c & kWcLightVerb) return true;
    if ((c & kWcVerbForm) && !(c & kWcTriggerNoun) && !(u > sb && NounSlot(u - 1))) return true;
    if (LooksFinite(u)) return true;
    const std::string_view f = F(u);
    if (f.size() > 4 && f.substr(f.size() - 3) == "ing" && doc_.tokens[u].Has(kTokLower) && c == 0 &&
        !(u > sb && Has(u - 1, kWcDet | kWcPoss))) {
      return true;  // "missing a summit"
    }
    if (IsCap(u) || c != 0) return false;
  }
  return false;
}

// "Kim was in the capital with his sister Kim Yo Jong and had held talks":
// a verb group right after "and" shares the subject of the clause's first
// verb. Returns the token after that subject (and the names coordinated with
// it), from where FindSubject finds it, or kNone.
uint32_t Analyzer::VpCoordinatedSubjectEnd(uint32_t from, EntityMask allowed) const {
  const uint32_t s = doc_.tokens[from].sentence;
  const uint32_t sb = TextBegin(s);
  int64_t i = static_cast<int64_t>(from) - 1;
  while (i >= sb && (Has(static_cast<uint32_t>(i), kWcAdv | kWcNeg | kWcBe | kWcHave | kWcModal | kWcDo) ||
                     InAuxCue(static_cast<uint32_t>(i)) || Is(static_cast<uint32_t>(i), "to"))) {
    --i;
  }
  if (i < sb || !(Is(static_cast<uint32_t>(i), "and") || Is(static_cast<uint32_t>(i), "but"))) return kNone;
  const uint32_t conj = static_cast<uint32_t>(i);
  // The clause start: the sentence start, or after a reporting verb, a colon or a quote.
  uint32_t start = sb;
  for (uint32_t k = conj; k > sb; --k) {
    const uint32_t u = k - 1;
    if (IsQuote(u) || Tx(u) == ":" || Tx(u) == ";" || Has(u, kWcClauseVerb) ||
        (Is(u, "that") && (SpanOf(u) == nullptr || SpanOf(u)->begin != u))) {
      start = k;
      break;
    }
  }
  for (uint32_t u = start; u < conj; ++u) {
    const ClauseSpan* sp = SpanOf(u);
    if (sp != nullptr && sp->begin >= start && sp->begin == u && sp->end <= conj) {
      u = sp->end - 1;  // a relative or subordinate clause before the subject
      continue;
    }
    if (TimexAt(u) >= 0) {
      u = timexes_[TimexAt(u)].end - 1;
      continue;
    }
    if (Has(u, kWcVerbForm | kWcBe | kWcHave | kWcModal) && MentionAt(u) < 0) return kNone;  // no subject first
    if (MentionAt(u) < 0) continue;
    const MentionLoc& m = mentions_[MentionAt(u)];
    u = m.end - 1;
    const bool possessed = m.end < conj && IsPossessiveMark(m.end);
    if (possessed || IsGoverned(m.begin) || IsModifierMention(m) || !(allowed & MaskOf(m.type))) continue;
    // Its coordinated names: "Klaus and Meciar first met ... and agreed".
    uint32_t end = m.end;
    while (end + 1 < conj && (Is(end, "and") || IsMark(end, kPkComma))) {
      uint32_t k = end + 1;
      if (Is(k, "and")) ++k;
      while (k < conj && MentionAt(k) < 0 && Has(k, kWcTitle | kWcDet | kWcPoss | kWcRoleNoun | kWcPlaceAdj)) ++k;
      if (k >= conj || MentionAt(k) < 0 || mentions_[MentionAt(k)].begin != k) break;
      end = mentions_[MentionAt(k)].end;
    }
    return end < conj ? end + 0 : kNone;
  }
  return kNone;
}

// Participants of a group phrase ("the two leaders", "both countries", "the bloc").
Actors Analyzer::ResolveGroup(int group, uint32_t at) {
  Actors a;
  a.source = FillSource::kGroup;
  const GroupKind kind = lex_.groups()[group].kind;
  const uint32_t s = doc_.tokens[at].sentence;
  if (kind == GroupKind::kOrg) {
    for (int64_t u = static_cast<int64_t>(at) - 1; u >= 0; --u) {
      int mi = MentionAt(static_cast<uint32_t>(u));
      if (mi >= 0 && mentions_[mi].type == EntityType::kOrganization) {
        a.entities.push_back(mentions_[mi].entity);
        return a;
      }
    }
    return a;
  }
  auto to_kind = [&](EntityList ents) {
    if (kind != GroupKind::kCountries) return ents;
    EntityList out;
    for (uint32_t e : ents) {
      if (doc_.entities[e].type == EntityType::kPerson) {
        uint32_t c = CountryEntityOf(e);
        out.push_back(c != kNone ? c : e);
      } else {
        out.push_back(e);
      }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  auto fits = [&](EntityType t) {
    if (kind == GroupKind::kPersons) return t == EntityType::kPerson;
    if (kind == GroupKind::kCountries) return t != EntityType::kPerson;
    return true;
  };
  if (kind == GroupKind::kAny) {
    // "Hussein and Rabin declared ... which they signed": the pair of this sentence.
    const uint32_t sb = SentBegin(s);
    for (int64_t u = static_cast<int64_t>(at) - 1; u > static_cast<int64_t>(sb); --u) {
      uint32_t k = static_cast<uint32_t>(u);
      if (!Is(k, "and") || MentionAt(k - 1) < 0 || k + 1 >= at) continue;
      int right = MentionAt(k + 1);
      if (right < 0 && Has(k + 1, kWcDet) && k + 2 < at) right = MentionAt(k + 2);
      const MentionLoc& l = mentions_[MentionAt(k - 1)];
      if (right < 0 || IsGoverned(l.begin)) continue;
      EntityList ents{mentions_[right].entity, l.entity};
      CoordinateLeft(l.begin, 0xFF, false, &ents);
      if (ents[0] != ents[1]) {
        a.entities = std::move(ents);
        return a;
      }
    }
  }
  {
    // "X spoke with Y on Thursday, and the two agreed": the names of this
    // sentence, before the phrase (not the dateline's).
    const uint32_t sb = TextBegin(s);
    EntityList ents;
    for (uint32_t u = sb; u < at; ++u) {
      int mi = MentionAt(u);
      if (mi < 0) continue;
      const MentionLoc& ml = mentions_[mi];
      u = ml.end - 1;
      if (IsModifierMention(ml) || (ml.end < SentEnd(s) && IsPossessiveMark(ml.end))) continue;
      EntityType t = ml.type;
      bool ok = kind == GroupKind::kCountries ? true : fits(t);
      if (kind == GroupKind::kAny && t == EntityType::kPlace && IsGoverned(ml.begin)) ok = false;
      if (kind == GroupKind::kCountries && t == EntityType::kPlace && IsGoverned(ml.begin)) ok = false;
      if (ok && std::find(ents.begin(), ents.end(), ml.entity) == ents.end()) ents.push_back(ml.entity);
    }
    if (ents.size() >= 2) {
      a.entities = to_kind(std::move(ents));
      if (a.entities.size() >= 2) return a;
      a.entities.clear();
    }
  }
  // "the four parties": the count the group phrase gives, else 0.
  size_t count = 0;
  if (at + 1 < doc_.tokens.size()) {
    static constexpr std::string_view kCounts[] = {"three", "four", "five", "six"};
    const std::string_view w = F(at + 1);
    for (size_t c = 0; c < std::size(kCounts); ++c) {
      if (w == kCounts[c] || (w.size() == 1 && w[0] == static_cast<char>('3' + c))) count = c + 3;
    }
  }
  // 1. Participants of the latest earlier meeting or agreement with two of
  //    them (as many as a count says), else of a visit with its host.
  for (int pass = 0; pass < 2; ++pass) {
    for (int64_t i = static_cast<int64_t>(out_.size()) - 1; i >= 0; --i) {
      const EventMention& m = out_[i];
      if (m.sentence + 6 < s) break;
      bool meeting_like = schema_.types()[m.type].FirstRole(RoleKind::kCounterpart) < 0;
      if ((pass == 0) != meeting_like) continue;
      EntityList ents;
      int agents = 0;
      for (const RoleFill& f : m.roles) {
        if (schema_.types()[m.type].roles[f.role].kind == RoleKind::kAgent) ++agents;
      }
      for (const RoleFill& f : m.roles) {
        RoleKind rk = schema_.types()[m.type].roles[f.role].kind;
        if (rk == RoleKind::kPlace || (rk == RoleKind::kCounterpart && agents >= 2)) continue;
        if (kind == GroupKind::kPersons && doc_.entities[f.entity].type != EntityType::kPerson) continue;
        if (std::find(ents.begin(), ents.end(), f.entity) == ents.end()) ents.push_back(f.entity);
      }
      if (ents.size() >= 2) {
        EntityList resolved = to_kind(std::move(ents));
        if (count != 0 && resolved.size() != count) continue;
        a.entities = std::move(resolved);
        a.group_source = static_cast<int>(i);
        return a;
      }
    }
  }
  if (count != 0) return a;  // no earlier event of that many: the pair rules below do not apply
  // 2. The latest "A and B" of fitting entities in this or the two sentences before.
  const uint32_t lowest = s >= 2 ? SentBegin(s - 2) : 0;
  for (int64_t u = static_cast<int64_t>(at) - 1; u > static_cast<int64_t>(lowest); --u) {
    uint32_t k = static_cast<uint32_t>(u);
    if (!Is(k, "and")) continue;
    int right = k + 1 < doc_.tokens.size() ? MentionAt(k + 1) : -1;
    if (right < 0 && k + 2 < doc_.tokens.size() && Has(k + 1, kWcDet)) right = MentionAt(k + 2);
    int left = MentionAt(k - 1);
    if (right >= 0 && left >= 0 && fits(mentions_[left].type) && fits(mentions_[right].type) &&
        mentions_[left].entity != mentions_[right].entity) {
      a.entities = to_kind({mentions_[left].entity, mentions_[right].entity});
      return a;
    }
  }
  // 3. The last two different fitting names.
  EntityList ents;
  for (int64_t u = static_cast<int64_t>(at) - 1; u >= static_cast<int64_t>(lowest) && ents.size() < 2; --u) {
    int mi = MentionAt(static_cast<uint32_t>(u));
    if (mi < 0) continue;
    const MentionLoc& m = mentions_[mi];
    u = m.begin;
    if (!fits(m.type) || IsModifierMention(m)) continue;
    if (std::find(ents.begin(), ents.end(), m.entity) == ents.end()) ents.push_back(m.entity);
  }
  if (ents.size() == 2) a.entities = to_kind(std::move(ents));
  return a;
}

// The subject of the verb group that ends before token `from`: the nearest
// name to the left that no preposition governs, with the names coordinated
// with it; the antecedent when the verb is in a relative clause; a resolved
// pronoun, group phrase or role description otherwise.
Actors Analyzer::FindSubject(uint32_t from, EntityMask allowed, uint32_t* subject_at, bool vp) {
  Actors a;
  const uint32_t s = doc_.tokens[from].sentence;
  const uint32_t sb = TextBegin(s);
  auto found = [&](Actors r, uint32_t at) {
    if (subject_at != nullptr && r.found()) *subject_at = at;
    return r;
  };
  if (vp) {
    const uint32_t e = VpCoordinatedSubjectEnd(from, allowed);
    if (e != kNone) {
      Actors r = FindSubject(e, allowed, subject_at, false);
      if (r.found()) return r;
    }
  }
  int64_t i = static_cast<int64_t>(from) - 1;
  bool first_word = true;  // the first word left of the verb group
  while (i >= sb) {
    uint32_t u = static_cast<uint32_t>(i);
    if (IsMark(u, kPkClose)) {  // skip a parenthesis
      int depth = 0;
      while (i >= sb) {
        const uint32_t x = static_cast<uint32_t>(i);
        if (IsMark(x, kPkClose)) ++depth;
        if (IsMark(x, kPkOpen) && --depth == 0) break;
        --i;
      }
      --i;
      continue;
    }
    if (IsMark(u, kPkColon) || IsQuote(u)) break;
    if (TimexAt(u) >= 0) {
      i = static_cast<int64_t>(timexes_[TimexAt(u)].begin) - 1;
      first_word = false;
      continue;
    }
    if (MentionAt(u) >= 0) {
      const MentionLoc& m = mentions_[MentionAt(u)];
      bool possessed = m.end < SentEnd(s) && IsPossessiveMark(m.end);
      if (m.kind == MentionKind::kPronoun && (allowed & MaskOf(m.type)) && !possessed) {
        a.entities.push_back(m.entity);
        a.source = FillSource::kPronoun;
        return found(a, m.begin);
      }
      if (!possessed && !IsGoverned(m.begin) && !IsModifierMention(m) && (allowed & MaskOf(m.type)) &&
          !IsObjectOfVerb(m, from)) {
        a.entities.push_back(m.entity);
        a.source = m.kind == MentionKind::kDescription ? FillSource::kDescription : FillSource::kDirect;
        CoordinateLeft(m.begin, allowed, false, &a.entities);
        return found(a, m.begin);
      }
      // "Serbia's authorities", "Russia's government": the state acts.
      if (possessed && m.type != EntityType::kPerson && (allowed & MaskOf(m.type)) && m.end + 1 < from &&
          Has(m.end + 1, kWcGroupNoun) && !Has(m.end + 1, kWcRoleNoun) && MentionAt(m.end + 2) < 0 &&
          !IsGoverned(m.begin)) {
        a.entities.push_back(m.entity);
        a.source = FillSource::kDirect;
        return found(a, m.begin);
      }
      i = static_cast<int64_t>(m.begin) - 1;
      first_word = false;
      continue;
    }
    uint32_t start;
    int g = GroupEndingAt(u, &start);
    if (g >= 0) {
      Actors r = ResolveGroup(g, start);
      if (r.found()) return found(r, start);
      i = static_cast<int64_t>(start) - 1;
      first_word = false;
      continue;
    }
    ClassBits c = Cls(u);
    if (first_word && !IsPunct(u) && (c & ~(kWcGroupNoun | kWcRoleNoun | kWcPlaceNoun | kWcMeasure)) == 0 &&
        !InAuxCue(u) && !(u + 1 < from && Is(u + 1, "to"))) {
      if (doc_.tokens[u].Has(kTokLower) && !(c & kWcRoleNoun)) {
        // The word before the verb group is a common noun with its determiner:
        // an unnamed subject ("the neighbours should meet", "his plane landed").
        for (int64_t k = static_cast<int64_t>(u) - 1; k >= sb && k >= static_cast<int64_t>(u) - 3; --k) {
          uint32_t kk = static_cast<uint32_t>(k);
          if (MentionAt(kk) >= 0 || IsPossessiveMark(kk) || IsPunct(kk) || TimexAt(kk) >= 0) break;
          if (Has(kk, kWcDet | kWcPoss)) return a;
        }
      } else if (IsCap(u) && c == 0) {
        // A single name the entity stage did not link ("Lula landed"): the
        // one person named earlier whose name holds this word.
        Actors r = PersonByNamePart(u);
        if (r.found() && (allowed & MaskOf(EntityType::kPerson))) return found(r, u);
      }
    }
    if (!(c & (kWcAdv | kWcNeg | kWcBe | kWcHave | kWcDo | kWcModal)) && !Is(u, "to") && !InAuxCue(u)) {
      first_word = false;
    }
    if (c & kWcSubjPron) {
      Actors r = ResolvePronoun(u);
      if (r.found() && !(allowed & MaskOf(doc_.entities[r.entities[0]].type))) r.entities.clear();
      return found(r, u);
    }
    const bool that = Is(u, "that");
    if (that || (c & kWcRel)) {
      // The verb is in this relative clause: its subject is the antecedent
      // ("X, who visited", "X that visited").
      const ClauseSpan* sp = SpanOf(u);
      if (sp != nullptr && sp->begin == u &&
          (that || sp->kind == ClauseSpan::kRel || sp->kind == ClauseSpan::kWhen)) {
        if (Is(u, "when") || Is(u, "where")) break;  // "..., when the leader travelled": the subject follows
        int64_t j = static_cast<int64_t>(u) - 1;
        if (!that && j >= sb && IsMark(static_cast<uint32_t>(j), kPkComma)) --j;
        if (j >= sb && MentionAt(static_cast<uint32_t>(j)) >= 0) {
          const MentionLoc& m = mentions_[MentionAt(static_cast<uint32_t>(j))];
          if (allowed & MaskOf(m.type)) {
            a.entities.push_back(m.entity);
            CoordinateLeft(m.begin, allowed, true, &a.entities);
            return found(a, m.begin);
          }
        }
        break;
      }
    }
    if (c & kWcSub) {
      const ClauseSpan* sp = SpanOf(u);
      if (sp != nullptr && sp->begin == u) break;
    }
    if (IsMark(u, kPkComma)) {
      // Skip a relative clause that ends here: "Biden, who arrived ..., held".
      const ClauseSpan* sp = SpanEndingAt(s, u);
      if (sp != nullptr && sp->kind != ClauseSpan::kSub && sp->begin > sb) {
        i = static_cast<int64_t>(sp->begin) - 1;
        continue;
      }
    }
    if ((c & kWcRoleNoun) && !(u + 1 < SentEnd(s) && MentionAt(u + 1) >= 0)) {
      // "the North Korean leader travelled": a description the entity stage left unresolved.
      for (int64_t k = static_cast<int64_t>(u) - 1; k >= sb && k >= static_cast<int64_t>(u) - 4; --k) {
        uint32_t kk = static_cast<uint32_t>(k);
        if (IsPossessiveMark(kk) && kk > sb && MentionAt(kk - 1) >= 0 &&
            mentions_[MentionAt(kk - 1)].type != EntityType::kPerson) {
          // "Germany's foreign minister": a person of that country.
          const MentionLoc& owner = mentions_[MentionAt(kk - 1)];
          Actors r = ResolveDescription(kk, false, doc_.entities[owner.entity].country);
          if (r.found() && (allowed & MaskOf(doc_.entities[r.entities[0]].type)) && !IsGoverned(owner.begin)) {
            return found(r, owner.begin);
          }
          break;
        }
        if (MentionAt(kk) >= 0 || IsPossessiveMark(kk) || IsPunct(kk)) break;
        if (Has(kk, kWcDet)) {
          if (Is(kk, "the")) {
            Actors r = ResolveDescription(kk);
            if (r.found() && (allowed & MaskOf(doc_.entities[r.entities[0]].type))) return found(r, kk);
          }
          break;
        }
      }
    }
    --i;
  }
  return a;
}

Actors Analyzer::PersonByNamePart(uint32_t t) const {
  Actors a;
  a.source = FillSource::kDescription;
  std::string_view word = Tx(t);
  const uint32_t begin = doc_.tokens[t].span.begin;
  uint32_t found = kNone;
  for (uint32_t e = 0; e < doc_.entities.size(); ++e) {
    const Entity& ent = doc_.entities[e];
    if (ent.type != EntityType::kPerson || ent.mentions.empty() || ent.mentions[0].span.begin >= begin) continue;
    std::string_view name = ent.name;
    bool holds = false;
    for (size_t p = name.find(word); p != std::string_view::npos; p = name.find(word, p + 1)) {
      bool left = p == 0 || name[p - 1] == ' ';
      bool right = p + word.size() == name.size() || name[p + word.size()] == ' ';
      holds |= left && right;
    }
    if (!holds) continue;
    if (found != kNone && found != e) return a;  // ambiguous
    found = e;
  }
  if (found != kNone) a.entities.push_back(found);
  return a;
}

// The light verb (one of `verbs`) whose form ends right before `end`.
uint32_t Analyzer::LightVerbBefore(uint32_t end, const std::vector<int>& verbs, int* lemma, uint8_t* bits) const {
  if (verbs.empty()) return kNone;
  const uint32_t sb = SentBegin(doc_.tokens[end > 0 ? end - 1 : 0].sentence);
  for (uint32_t back = 1; back <= 3 && back <= end - sb; ++back) {
    uint32_t t = end - back;
    if (!Has(t, kWcVerbForm)) continue;
    for (const FormRef& f : Info(t)->forms) {
      if (f.kind != FormRef::kVerb) continue;
      if (std::find(verbs.begin(), verbs.end(), f.id) == verbs.end()) continue;
      if (MatchForm(f, t, end) == back) {
        *lemma = f.id;
        *bits = f.bits;
        return t;
      }
    }
  }
  return kNone;
}

NounPhrase Analyzer::ScanNounLeft(uint32_t noun_begin) const {
  NounPhrase np;
  np.begin = noun_begin;
  const uint32_t sb = SentBegin(doc_.tokens[noun_begin].sentence);
  int64_t i = static_cast<int64_t>(noun_begin) - 1;
  int steps = 0;
  while (i >= sb && steps < 8) {
    uint32_t u = static_cast<uint32_t>(i);
    if (TimexAt(u) >= 0) {
      np.timex = static_cast<uint32_t>(TimexAt(u));
      i = static_cast<int64_t>(timexes_[TimexAt(u)].begin) - 1;
      np.begin = static_cast<uint32_t>(i + 1);
      ++steps;
      continue;
    }
    if (MentionAt(u) >= 0) {
      const MentionLoc& m = mentions_[MentionAt(u)];
      bool possessive = m.end < noun_begin && IsPossessiveMark(m.end);
      (possessive ? np.possessors : np.modifiers).push_back(m.entity);
      i = static_cast<int64_t>(m.begin) - 1;
      np.begin = m.begin;
      ++steps;
      continue;
    }
    if (IsPossessiveMark(u)) {
      uint32_t start;
      int g = u > sb ? GroupEndingAt(u - 1, &start) : -1;
      if (g >= 0) {
        np.possessor_group = g;
        np.group_tok = start;
        np.begin = start;
        i = static_cast<int64_t>(start) - 1;
        if (i >= sb && Has(static_cast<uint32_t>(i), kWcDet)) break;
        continue;
      }
      // "the Russian leader's visit": the determiner is the possessor's.
      for (int64_t d = static_cast<int64_t>(u) - 2; d >= sb && d >= static_cast<int64_t>(u) - 5; --d) {
        const uint32_t dd = static_cast<uint32_t>(d);
        if (Has(dd, kWcDet) && u > sb && Has(u - 1, kWcRoleNoun) && DescriptionEnd(dd, u) == u) {
          np.poss_desc = dd;
          np.begin = dd;
          return np;
        }
      }
      --i;
      continue;
    }
    ClassBits c = Cls(u);
    if (c & kWcDet) {
      np.det = u;
      np.begin = u;
      break;
    }
    if (c & kWcPoss) {
      np.poss_pron = u;
      np.begin = u;
      break;
    }
    if (Is(u, "of") && u > sb && Has(u - 1, kWcMeasure)) {  // "five rounds of talks"
      i -= 2;
      np.begin = static_cast<uint32_t>(i + 1);
      ++steps;
      continue;
    }
    if (c & (kWcPrep | kWcConj | kWcRel | kWcSub | kWcBe | kWcHave | kWcDo | kWcModal | kWcNeg | kWcSubjPron |
             kWcObjPron | kWcClauseVerb | kWcVerbForm)) {
      break;
    }
    if (IsPunct(u) && Tx(u) != "-") break;
    // "The agreements followed talks": another event noun heads a phrase of its own.
    if (!IsCap(u) && (c & (kWcTriggerNoun | kWcInstrument)) && u + 1 < noun_begin) break;
    if (IsCap(u) && !doc_.tokens[u].Has(kTokSentenceStart)) np.unknown_name = true;
    np.begin = u;
    --i;
    ++steps;
  }
  return np;
}

// ---------------------------------------------------------------------------
// Right scan: objects and prepositional phrases.

uint32_t Analyzer::ScanRight(EventMention* m, const TriggerDef& td, uint32_t from, uint32_t limit,
                             bool allow_object, uint32_t* instrument_tok) {
  enum Mode { kObject, kPrep, kNoRole };
  Mode mode = allow_object ? kObject : kNoRole;
  const RoleList* roles = allow_object ? &td.frame.slots[kSlotObject] : nullptr;
  bool topic = false, topic_skip_used = false;
  int words = 0;
  bool last_was_place = false;
  uint32_t i = from;
  auto role_list_for = [&](uint32_t t) -> const RoleList* {
    std::string_view p = F(t);
    if (const RoleList* r = td.frame.Prep(p)) return r;
    if (p == "by") return &td.frame.slots[kSlotBy];
    if (p == "of") return &td.frame.slots[kSlotOf];
    if (p == "from") return &td.frame.slots[kSlotFrom];
    return nullptr;
  };
  while (i < limit) {
    const uint32_t t = i;
    if (IsMark(t, kPkOpen)) {
      while (i < limit && !IsMark(i, kPkClose)) ++i;
      ++i;
      continue;
    }
    if (IsHardStop(t)) break;
    if (TimexAt(t) >= 0) {
      i = timexes_[TimexAt(t)].end;
      mode = kNoRole;
      roles = nullptr;
      topic = false;
      words = 0;
      continue;
    }
    if (instrument_tok != nullptr && *instrument_tok == kNone && words <= 8) {
      uint32_t ie = InstrumentAt(t, limit);
      if (ie != kNone) {
        *instrument_tok = t;
        i = ie;
        ++words;
        continue;
      }
    }
    if (MentionAt(t) >= 0 && instrument_tok != nullptr && *instrument_tok == kNone &&
        InstrumentAt(mentions_[MentionAt(t)].end - 1, limit) != kNone) {
      *instrument_tok = mentions_[MentionAt(t)].end - 1;
      i = mentions_[MentionAt(t)].end;
      continue;
    }
    if (MentionAt(t) >= 0) {
      const MentionLoc& ml = mentions_[MentionAt(t)];
      bool is_place = ml.type == EntityType::kPlace;
      if (ml.type != EntityType::kPerson && ml.end + 1 < limit && IsPossessiveMark(ml.end)) {
        // "talks with Nauru's President Baron Waqa": the country owns the
        // office; the person is the participant.
        uint32_t k = ml.end + 1;
        while (k < limit && k < ml.end + 5 && MentionAt(k) < 0 && Has(k, kWcTitle | kWcRoleNoun)) ++k;
        // Only a person whose country is known: the linker can still tell
        // them apart from, or join them with, the country's own events.
        if (k > ml.end + 1 && k < limit && MentionAt(k) >= 0 &&
            mentions_[MentionAt(k)].type == EntityType::kPerson &&
            !doc_.entities[mentions_[MentionAt(k)].entity].country.empty()) {
          i = k;
          continue;
        }
      }
      if (IsModifierMention(ml) && !(mode == kPrep && is_place && roles != nullptr && !roles->empty() &&
                                     schema_.types()[m->type].roles[(*roles)[0]].kind == RoleKind::kPlace)) {
        i = ml.end;  // "U.S. President Donald Trump": the name that follows counts
        continue;
      }
      if (roles != nullptr && !roles->empty()) {
        if (topic && is_place && !IsCityLike(ml.entity) && !topic_skip_used) {
          topic_skip_used = true;
        } else {
          AddFill(m, *roles, ml.entity, FillSource::kDirect);
        }
      }
      last_was_place = is_place;
      i = ml.end;
      words = 0;
      if (i < limit && IsPossessiveMark(i)) {  // "to Russia's far east"
        ++i;
        continue;
      }
      // Coordination keeps the current slot: "to Kiribati, Samoa and Fiji".
      uint32_t k = i;
      if (k < limit && (IsMark(k, kPkComma) || Is(k, "and") || Is(k, "or"))) {
        uint32_t j = k + 1;
        if (j < limit && (Is(j, "and") || Is(j, "or"))) ++j;
        int skip = 0;
        while (j < limit && skip < 4 && MentionAt(j) < 0 &&
               (Has(j, kWcDet | kWcTitle | kWcPlaceAdj) || (IsCap(j) && !IsPunct(j)))) {
          ++j;
          ++skip;
        }
        if (j < limit && MentionAt(j) >= 0) {
          const MentionLoc& next = mentions_[MentionAt(j)];
          uint32_t after = next.end;
          bool starts_clause = after < limit && (Has(after, kWcClauseVerb | kWcBe | kWcHave | kWcModal | kWcVerbForm) &&
                                                 !Has(after, kWcPrep));
          if (IsMark(k, kPkComma) && starts_clause) break;
          if (IsMark(k, kPkComma) && after < limit && IsPossessiveMark(after)) {
            // An apposition describes the name before; the phrase resumes after it.
            uint32_t close = after;
            while (close < limit && close < after + 8 && !IsMark(close, kPkComma) && !IsHardStop(close)) ++close;
            if (close < limit && IsMark(close, kPkComma)) {
              i = close + 1;
              continue;
            }
            break;
          }
          i = j;
          continue;
        }
        // "meet the Archbishop of Canterbury, Rowan Williams, at Lambeth Palace in London":
        // a locative phrase after the apposition still places the event.
        if (IsMark(k, kPkComma) && k + 2 < limit && Has(k + 1, kWcLocPrep) && !Is(k + 1, "to")) {
          i = k + 1;
          continue;
        }
        // "in Honiara, the capital of Solomon Islands"; "in Abuja, the Nigerian capital"
        if (IsMark(k, kPkComma) && last_was_place && j < limit && Has(j, kWcPlaceNoun)) {
          i = j + 1;
          if (i < limit && Is(i, "of")) ++i;
          continue;
        }
        // "by Britain, Ireland and most Northern Irish parties in Belfast": a
        // coordinated phrase without a name; the phrase goes on.
        if (!IsMark(k, kPkComma) && k + 1 < limit && Has(k + 1, kWcDet) && !Has(k + 1, kWcPoss)) {
          i = k + 2;
          mode = kNoRole;
          roles = nullptr;
          continue;
        }
        break;
      }
      continue;
    }
    const ClassBits c = Cls(t);
    if (c & kWcSubjPron) break;
    if (roles != nullptr && !roles->empty() && (c & kWcDet)) {
      // "flew into the North Korean capital": the capital the text names, else its country.
      uint32_t cap_end = kNone;
      const uint32_t place = DescribedCapital(t, limit, &cap_end);
      if (place != kNone) {
        AddFill(m, *roles, place, FillSource::kDescription);
        last_was_place = true;
        i = cap_end;
        words = 0;
        continue;
      }
    }
    bool group_here = false;  // "hosted the two leaders": a group phrase, not a description
    if (mode == kObject && roles != nullptr && Info(t) != nullptr && !Info(t)->groups.empty()) {
      for (uint16_t g : Info(t)->groups) {
        if (lex_.groups()[g].kind != GroupKind::kAny && MatchAt(lex_.groups()[g].pattern, t, limit) != kNone) {
          group_here = true;
        }
      }
    }
    if (mode == kObject && roles != nullptr && !roles->empty() && !group_here) {
      // "invited the king", "will meet the pope": the person the role names.
      const uint32_t de = DescriptionEnd(t, limit);
      if (de != kNone) {
        Actors r = ResolveDescription(t, true);
        for (uint32_t e : r.entities) {
          if (doc_.entities[e].type == EntityType::kPerson) AddFill(m, *roles, e, FillSource::kDescription);
        }
        i = de;
        mode = kNoRole;
        roles = nullptr;
        continue;
      }
    }
    if (c & kWcObjPron) {
      if (mode == kObject && roles != nullptr) {
        Actors r = ResolvePronoun(t);
        for (uint32_t e : r.entities) AddFill(m, *roles, e, FillSource::kPronoun);
      }
      ++i;
      mode = kNoRole;
      roles = nullptr;
      continue;
    }
    if (Info(t) != nullptr && !Info(t)->groups.empty() && roles != nullptr) {
      int best = -1;
      uint32_t best_end = 0;
      for (uint16_t g : Info(t)->groups) {
        uint32_t e = MatchAt(lex_.groups()[g].pattern, t, limit);
        if (e == kNone || lex_.groups()[g].kind == GroupKind::kAny) continue;  // "they" starts a clause
        if (e > best_end) {
          best = g;
          best_end = e;
        }
      }
      if (best >= 0) {
        Actors r = ResolveGroup(best, t);
        for (uint32_t ent : r.entities) AddFill(m, *roles, ent, FillSource::kGroup);
        if (r.group_source >= 0 && m->group_source < 0) m->group_source = r.group_source;
        i = best_end;
        continue;
      }
    }
    if (c & kWcPrep) {
      if (t + 2 < limit && Is(t, "on") && Is(t + 1, "the") && Is(t + 2, "sidelines")) {
        // "on the sidelines of": what follows frames the event; its place still counts.
        i = t + 3;
        if (i < limit && Is(i, "of")) ++i;
        mode = kNoRole;
        roles = nullptr;
        continue;
      }
      if ((Is(t, "of") || Is(t, "from")) && t > from && Has(t - 1, kWcGroupNoun | kWcPlaceNoun | kWcMeasure)) {
        ++i;  // "the leaders of X", "the city of X", "a delegation from X": keep the slot
        continue;
      }
      if (Is(t, "of") && t > from && IsCap(t - 1) && Has(t - 1, kWcTitle | kWcRoleNoun) && t + 1 < limit &&
          MentionAt(t + 1) >= 0 && mentions_[MentionAt(t + 1)].type == EntityType::kPlace) {
        // "the Archbishop of Canterbury, Rowan Williams": the place names the office.
        i = mentions_[MentionAt(t + 1)].end;
        if (i + 1 < limit && IsMark(i, kPkComma) && MentionAt(i + 1) >= 0) ++i;
        continue;
      }
      if (Is(t, "to") && t > from && t + 1 < limit &&
          (F(t - 1) == F(t + 1) || Tx(t - 1) == "-" || Tx(t + 1) == "-")) {
        ++i;  // "face to face", "door-to-door": no infinitive
        continue;
      }
      if (Is(t, "to") && t + 1 < limit && MentionAt(t + 1) < 0 && TimexAt(t + 1) < 0 &&
          !Has(t + 1, kWcDet | kWcPoss | kWcPlaceAdj | kWcPlaceNoun | kWcOrdinal) && !IsCap(t + 1) &&
          !IsNumber(t + 1)) {
        // An infinitive. "invited X to visit Y": the embedded trip's place is a complement.
        if (!td.frame.slots[kSlotComplement].empty() && Has(t + 1, kWcVerbForm | kWcLightVerb)) {
          uint32_t vend = kNone;
          for (const FormRef& f : Info(t + 1)->forms) {
            if (f.kind != FormRef::kVerb) continue;
            for (uint16_t trig : lex_.TriggersOfVerb(f.id)) {
              if (schema_.types()[schema_.triggers()[trig].type].FirstRole(RoleKind::kPlace) >= 0 &&
                  schema_.types()[schema_.triggers()[trig].type].name == "Visit") {
                uint32_t n = MatchForm(f, t + 1, limit);
                if (n > 0) vend = t + 1 + n;
              }
            }
          }
          // "invited X to make an official visit to Tokyo next year": a light
          // verb and a trip noun are the embedded trip too.
          for (uint32_t k = t + 2; vend == kNone && Has(t + 1, kWcLightVerb) && k < limit && k < t + 5; ++k) {
            if (!Has(k, kWcTriggerNoun)) {
              if (MentionAt(k) >= 0 || IsPunct(k)) break;
              continue;
            }
            for (const FormRef& f : Info(k)->forms) {
              if (f.kind != FormRef::kNounTrigger || schema_.types()[schema_.triggers()[f.id].type].name != "Visit") continue;
              uint32_t n = MatchForm(f, k, limit);
              if (n > 0) vend = k + n;
            }
            break;
          }
          if (vend != kNone) {
            if (complement_tok_ == kNone) complement_tok_ = t;
            i = vend;
            if (i < limit && Is(i, "to")) ++i;
            mode = kPrep;
            roles = &td.frame.slots[kSlotComplement];
            words = 0;
            continue;
          }
        }
        break;
      }
      if (Is(t, "with") && t > 0 && Is(t - 1, "together") && !td.frame.slots[kSlotTogetherWith].empty()) {
        roles = &td.frame.slots[kSlotTogetherWith];
      } else {
        roles = role_list_for(t);
        if (roles != nullptr && roles->empty()) roles = nullptr;
      }
      if (Is(t, "of") && roles == nullptr && t > from && !topic) break;
      mode = roles != nullptr ? kPrep : kNoRole;
      if (c & kWcTopicPrep) {
        topic = !(t + 1 < limit && TimexAt(t + 1) >= 0);
        topic_skip_used = false;
      } else if (!(topic && (Is(t, "in") || Is(t, "of") || Is(t, "for")))) {
        topic = false;
      }
      words = 0;
      ++i;
      continue;
    }
    if (Is(t, "together")) {
      ++i;
      continue;
    }
    if (Is(t, "that") && (SpanOf(t) == nullptr || SpanOf(t)->begin != t)) {
      ++i;  // a determiner, not a relative clause
      ++words;
      continue;
    }
    if (c & (kWcRel | kWcSub | kWcClauseVerb)) break;
    if (c & kWcConj) break;
    if (IsMark(t, kPkComma)) {
      // An appositive place: "in Hiroshima, Japan" is handled above; anything else ends the phrase.
      break;
    }
    if ((c & kWcVerbForm) && t > from && !Has(t - 1, kWcDet | kWcPrep | kWcPoss)) {
      // Another verb starts; the phrase is over.
      bool is_form = false;
      for (const FormRef& f : Info(t)->forms) {
        if (f.kind == FormRef::kVerb && MatchForm(f, t, limit) > 0) is_form = true;
      }
      if (is_form) break;
    }
    if (c & (kWcBe | kWcHave | kWcModal | kWcNeg)) break;
    if (++words > 7) break;
    ++i;
  }
  return i;
}

// ---------------------------------------------------------------------------
// Status and date

// Effects of the cues that reach mention m. `np_begin` is the first token of
// the noun phrase (the trigger itself for verbs); `aux_end` the token the
// auxiliary chain must end before (the verb, or a noun's light verb).
uint32_t Analyzer::CollectEffects(const EventMention& m, uint32_t np_begin, uint32_t aux_end, uint32_t* post_cue) {
  uint32_t effects = 0;
  uint32_t reported = 0;  // uncertainty from who reports it, undone by an official source
  const uint32_t s = m.sentence;
  const uint32_t sb = SentBegin(s);
  const ClauseSpan* own = SpanOf(m.anchor);
  // The clause of the anchor: its span, or the main clause minus other spans.
  auto in_clause = [&](uint32_t t) {
    const ClauseSpan* sp = SpanOf(t);
    if (own != nullptr) return sp == own || (sp != nullptr && sp->begin > own->begin && sp->end <= own->end);
    return sp == nullptr;
  };
  *post_cue = kNone;
  for (const CueHit& h : Hits(s)) {
    const Cue& cue = lex_.cues()[h.cue];
    switch (cue.scope) {
      case CueScope::kAux: {
        if (h.end > aux_end || h.begin >= aux_end) break;
        const bool question = Tx(SentEnd(s) - 1) == "?";
        bool ok = true;
        for (uint32_t k = h.end; k < aux_end; ++k) {
          if (question && (MentionAt(k) >= 0 || Has(k, kWcSubjPron))) continue;
          if (!Has(k, kWcAdv | kWcNeg | kWcBe | kWcHave | kWcDo | kWcModal) && !Is(k, "to")) {
            ok = false;
            break;
          }
        }
        if (ok) effects |= cue.effect;
        break;
      }
      case CueScope::kNp:
        if (h.begin >= np_begin && h.end <= m.tok_begin) effects |= cue.effect;
        break;
      case CueScope::kGov: {
        if (h.end > np_begin || h.begin < sb) break;
        if (np_begin - h.end > 8) break;
        bool ok = true;
        for (uint32_t k = h.end; k < np_begin; ++k) {
          if (IsHardStop(k)) ok = false;
        }
        if (ok) effects |= cue.effect;
        break;
      }
      case CueScope::kPost: {
        if (h.begin < m.tok_end || h.begin - m.tok_end > 16) break;
        // No other trigger between the mention and the cue.
        bool ok = true;
        for (uint32_t k = m.tok_end; k < h.begin; ++k) {
          // "talks between Tokyo and Pyongyang will resume": "and" between names joins no clause.
          if (Is(k, "and") && k > m.tok_end && MentionAt(k - 1) >= 0 && k + 1 < h.begin && MentionAt(k + 1) >= 0) continue;
          if (IsHardStop(k) || Is(k, "but") || Is(k, "and")) {
            // "planned for late March but was postponed" reaches across "but".
            if (!Is(k, "but")) ok = false;
          }
        }
        for (const EventMention& o : out_) {
          if (o.sentence == s && o.tok_begin >= m.tok_end && o.tok_begin < h.begin) ok = false;
        }
        if (ok) {
          effects |= cue.effect;
          if ((cue.effect & (kEffCancelled | kEffPostponed | kEffDenied)) && (*post_cue == kNone || h.begin < *post_cue)) {
            *post_cue = h.begin;
          }
        }
        break;
      }
      case CueScope::kNext:
        if (h.begin == m.tok_end) effects |= cue.effect;
        break;
      case CueScope::kClause: {
        if (!in_clause(h.begin)) break;
        if ((cue.effect & kEffLater) && TimexAt(h.begin) >= 0) break;  // "later this year" is a time
        // "... saying they should speak more often": a habit of another verb.
        bool ok = true;
        if (!(cue.effect & (kEffLater | kEffConditional))) {
          uint32_t a = std::min(h.begin, m.anchor), b = std::max(h.end, m.anchor);
          for (uint32_t k = a; k < b; ++k) {
            if (IsMark(k, kPkComma) || IsQuote(k)) ok = false;
          }
        }
        if (ok) effects |= cue.effect;
        break;
      }
      case CueScope::kComp: {
        // "Ford denied a report in a German newspaper that its chairman had met X".
        if (h.end > m.anchor) break;
        uint32_t that = kNone;
        for (uint32_t k = h.end; k < m.anchor && k < h.end + 12; ++k) {
          if (IsHardStop(k)) break;
          if (Is(k, "that")) {
            that = k;
            break;
          }
        }
        if (that == kNone) break;
        bool ok = true;
        for (uint32_t k = that; k < m.anchor; ++k) ok &= !IsHardStop(k);
        if (ok) effects |= cue.effect;
        break;
      }
      case CueScope::kSentence:
        if ((cue.effect & kEffConditional) && !(h.begin == sb || IsPunct(h.begin) || in_clause(h.begin))) break;
        // "If confirmed, the trip would come a month before Kim is due to meet
        // Moon": the condition is the main clause's, not a time clause's.
        if ((cue.effect & kEffConditional) && h.begin == sb && own != nullptr && own->kind == ClauseSpan::kSub &&
            own->begin != h.begin) {
          break;
        }
        if (cue.effect & kEffUncertain) {
          reported |= cue.effect;
          break;
        }
        effects |= cue.effect;
        break;
    }
  }
  // "..., Vietnamese state media said": an official outlet states the event;
  // only a report nobody on the record makes leaves it uncertain.
  if (!(effects & kEffAttested)) effects |= reported;
  return effects;
}

void Analyzer::ApplyStatus(EventMention* m, uint8_t form_bits, bool after_to, uint32_t effects) const {
  // The verb form gives a default ("visited", "to visit"); the first cue
  // replaces it, and further cues can only raise it (planned < uncertain <
  // postponed < cancelled < denied).
  EventStatus st = EventStatus::kOccurred;
  if ((form_bits & kFormBase) && !(form_bits & (kFormPast | kFormParticiple)) && after_to) st = EventStatus::kPlanned;
  bool from_cue = false;
  auto raise = [&](EventStatus s) {
    if (!from_cue || StatusRank(s) > StatusRank(st)) st = s;
    from_cue = true;
  };
  if (effects & kEffOccurred) raise(EventStatus::kOccurred);
  if (effects & kEffPlanned) raise(EventStatus::kPlanned);
  if (effects & kEffUncertain) raise(EventStatus::kUncertain);
  if ((effects & kEffConditional) && (st == EventStatus::kPlanned || st == EventStatus::kUncertain)) {
    st = EventStatus::kUncertain;
    from_cue = true;
  }
  if (effects & kEffPostponed) raise(EventStatus::kPostponed);
  if (effects & kEffCancelled) raise(EventStatus::kCancelled);
  if (effects & kEffDenied) raise(EventStatus::kDenied);
  m->status = st;
  // Told as ahead: a plan, or a modal of possibility before the verb.
  m->future = (effects & kEffPlanned) != 0 || (st == EventStatus::kPlanned && !from_cue);
  m->past_plan = false;
  const uint32_t sb = SentBegin(m->sentence);
  for (int64_t k = static_cast<int64_t>(m->anchor) - 1; k >= sb && k >= static_cast<int64_t>(m->anchor) - 6; --k) {
    const uint32_t u = static_cast<uint32_t>(k);
    if (Is(u, "could") || Is(u, "may") || Is(u, "might") || Is(u, "can")) m->future = true;
    if ((effects & kEffPlanned) && (Is(u, "had") || Is(u, "was") || Is(u, "were"))) m->past_plan = true;
    if (!Has(u, kWcAdv | kWcNeg | kWcBe | kWcHave | kWcModal | kWcDo) && !Is(u, "to") && !InAuxCue(u)) break;
  }
  // A verb form states its tense; a bare noun states nothing until a cue does.
  m->status_explicit = from_cue || form_bits != 0;
  m->status_change = (effects & (kEffPostponed | kEffCancelled | kEffDenied)) != 0;
}

bool Analyzer::TimexExcluded(uint32_t ti, uint32_t trigger_begin, uint32_t trigger_end) const {
  const TimexLoc& tl = timexes_[ti];
  if (tl.date.empty()) return true;
  const uint32_t sb = SentBegin(doc_.tokens[tl.begin].sentence);
  if (tl.begin > sb) {
    uint32_t p = tl.begin - 1;
    if (Has(p, kWcExclPrep)) return true;
    if (Is(p, "as") && p > sb && Is(p - 1, "as")) return false;
    // "since the June elections": through the determiner of the noun the time qualifies.
    if (Has(p, kWcDet | kWcPoss) && p > sb && Has(p - 1, kWcExclPrep)) return true;
  }
  // "Tuesday's rebuff": the date of another noun.
  if (tl.end < doc_.tokens.size() && IsPossessiveMark(tl.end) && !(tl.end + 1 >= trigger_begin && tl.end < trigger_end + 1)) {
    uint32_t k = tl.end + 1;
    bool reaches_trigger = false;
    for (uint32_t j = k; j <= k + 4 && j < doc_.tokens.size(); ++j) {
      if (j == trigger_begin) reaches_trigger = true;
    }
    if (!reaches_trigger) return true;
  }
  return false;
}

void Analyzer::AddDateList(EventMention* m, uint32_t ti) {
  const TimexLoc& tl = timexes_[ti];
  if (tl.weekday && m->future && published_days_ != kNoDays) {
    // "was to be hosted on Thursday", "who will meet the pope on Saturday": a
    // weekday of an event ahead is the next such day from publication; the
    // publication's own weekday is that same day, as in the time stage.
    std::optional<CivilDate> d = ParseIsoDate(tl.date);
    if (d) {
      int64_t days = DaysFromCivil(*d);
      while (days < published_days_) days += 7;
      m->dates.push_back(FormatIsoDate(CivilFromDays(days)));
      return;
    }
  }
  m->dates.push_back(timexes_[ti].date);
  // "in 1961, 2000 and 2001": one event per date.
  uint32_t k = timexes_[ti].end;
  const size_t granularity = timexes_[ti].date.size();
  while (k + 1 < doc_.tokens.size()) {
    uint32_t j = k;
    if (IsMark(j, kPkComma)) ++j;
    if (j < doc_.tokens.size() && (Is(j, "and") || Is(j, "or"))) ++j;
    if (j == k || j >= doc_.tokens.size() || TimexAt(j) < 0) break;
    const TimexLoc& next = timexes_[TimexAt(j)];
    if (next.begin != j || next.date.empty() || next.date.size() != granularity || granularity > 7) break;
    if (std::find(m->dates.begin(), m->dates.end(), next.date) == m->dates.end()) m->dates.push_back(next.date);
    k = next.end;
  }
}

void Analyzer::DateFromClause(EventMention* m, uint32_t anchor, uint32_t right_limit, bool right_only) {
  const uint32_t s = m->sentence;
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  const ClauseSpan* own = SpanOf(anchor);
  auto same_clause = [&](uint32_t t) {
    const ClauseSpan* sp = SpanOf(t);
    if (sp == own) return true;
    // A nested span that only holds a name's description does not carry the date.
    return false;
  };
  // Other verb anchors in this sentence bound the search to the right.
  uint32_t limit = std::min(right_limit, se);
  for (const EventMention& o : out_) {
    if (o.sentence == s && o.anchor > anchor && o.anchor < limit && !o.nominal) limit = o.anchor;
  }
  // ", Kremlin aide Yuri Ushakov told reporters on Monday", ", the ministry
  // said on Friday": past a comma, a reporting verb opens the clause of the
  // telling, and its time is not the event's.
  bool reporting = false;
  uint32_t comma = kNone;
  for (uint32_t t = anchor + 1; t < limit; ++t) {
    if (IsMark(t, kPkComma)) comma = t;
    if (comma != kNone && Has(t, kWcClauseVerb) && MentionAt(t) < 0) reporting = true;
    int ti = TimexAt(t);
    if (ti < 0) continue;
    if (reporting) break;
    const TimexLoc& tl = timexes_[ti];
    t = tl.end - 1;
    if (!same_clause(tl.begin) || TimexExcluded(ti, m->tok_begin, m->tok_end)) continue;
    AddDateList(m, ti);
    return;
  }
  // "On Friday he is due to meet X": a time opening the sentence dates an
  // infinitive too, when nothing but its subject and auxiliaries come between.
  if (right_only) {
    uint32_t t0 = TextBegin(s);
    if (t0 < anchor && Has(t0, kWcPrep) && TimexAt(t0) < 0) ++t0;
    const int ti = t0 < anchor ? TimexAt(t0) : -1;
    if (ti >= 0 && timexes_[ti].begin == t0 && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
      bool clear = true;
      for (uint32_t k = timexes_[ti].end; k < anchor && clear; ++k) {
        if (Has(k, kWcClauseVerb | kWcVerbForm) || Is(k, "that") || IsQuote(k)) clear = false;
      }
      for (const EventMention& o : out_) clear &= !(o.sentence == s && o.anchor < anchor);
      if (clear) {
        AddDateList(m, ti);
        return;
      }
    }
  }
  // "X said on Monday that Y will visit": before the anchor, a reporting verb
  // between a time and the event puts that time in the telling.
  reporting = false;
  for (int64_t t = static_cast<int64_t>(anchor) - 1; t >= sb && !right_only; --t) {
    if (Has(static_cast<uint32_t>(t), kWcClauseVerb) && MentionAt(static_cast<uint32_t>(t)) < 0) reporting = true;
    int ti = TimexAt(static_cast<uint32_t>(t));
    if (ti < 0) continue;
    if (reporting) break;
    const TimexLoc& tl = timexes_[ti];
    t = tl.begin;
    if (!same_clause(tl.begin) || TimexExcluded(ti, m->tok_begin, m->tok_end)) continue;
    AddDateList(m, ti);
    return;
  }
  // "Kishida extended the invitation when the two leaders met on Sunday": a
  // "when" clause right after the event's own clause gives both their time.
  for (uint32_t t = anchor + 1; t < se && t < anchor + 12; ++t) {
    const ClauseSpan* sp = SpanOf(t);
    if (sp == own) {
      if (IsHardStop(t) || IsMark(t, kPkComma)) break;
      continue;
    }
    if (sp == nullptr || sp->begin != t || sp->kind != ClauseSpan::kWhen || !Is(t, "when")) break;
    for (uint32_t k = t + 1; k < sp->end; ++k) {
      int ti = TimexAt(k);
      if (ti >= 0 && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
        AddDateList(m, ti);
        return;
      }
    }
    break;
  }
  // "The signing of the accord, which ... could take place this year,": a
  // relative clause on a verb used as a noun dates it.
  if (m->tok_begin > sb && Has(m->tok_begin - 1, kWcDet)) {
    for (uint32_t k = m->tok_end; k < limit && k < m->tok_end + 6; ++k) {
      if (!IsMark(k, kPkComma) || k + 1 >= se || !(Is(k + 1, "which") || Is(k + 1, "that"))) continue;
      const ClauseSpan* sp = SpanOf(k + 1);
      for (uint32_t t = k + 1; sp != nullptr && t < sp->end; ++t) {
        int ti = TimexAt(t);
        if (ti >= 0 && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
          AddDateList(m, ti);
          return;
        }
      }
      break;
    }
  }
  // "..., when X visited", "in October, where he signed": the time is the
  // one the clause hangs on.
  if (own != nullptr && (own->kind == ClauseSpan::kWhen || IsWhere(own->begin))) DateFromHostClause(m, *own, sb);
}

bool Analyzer::DateFromHostClause(EventMention* m, const ClauseSpan& own, uint32_t sb) {
  for (int64_t t = static_cast<int64_t>(own.begin) - 1; t >= sb && t >= static_cast<int64_t>(own.begin) - 3; --t) {
    int ti = TimexAt(static_cast<uint32_t>(t));
    if (ti >= 0 && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
      AddDateList(m, ti);
      return true;
    }
    if (ti < 0 && !IsMark(static_cast<uint32_t>(t), kPkComma)) break;
  }
  return false;
}

void Analyzer::DateFromNoun(EventMention* m, const NounPhrase& np, uint32_t np_end, uint32_t post_cue) {
  if (np.timex != kNone && !timexes_[np.timex].date.empty()) {
    AddDateList(m, np.timex);
    return;
  }
  const uint32_t se = SentEnd(m->sentence);
  // Inside the phrase's own place phrases: "talks in Osaka on Saturday" (the
  // time follows the noun or one of its places directly).
  if (!m->status_change) {
    for (uint32_t t = m->tok_end; t < np_end && t < se; ++t) {
      int ti = TimexAt(t);
      if (ti < 0) continue;
      uint32_t p = t - 1;
      if (p >= m->tok_end && (Is(p, "in") || Is(p, "on") || Is(p, "at") || Is(p, "during"))) --p;
      const bool after_noun = p + 1 == m->tok_end;
      const bool after_place = MentionAt(p) >= 0 && mentions_[MentionAt(p)].type == EntityType::kPlace;
      if ((after_noun || after_place) && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
        AddDateList(m, ti);
        return;
      }
      t = timexes_[ti].end - 1;
    }
  }
  // "The meeting could take place as early as next month".
  {
    uint32_t k = np_end;
    while (k < se && Has(k, kWcModal | kWcAdv | kWcBe)) ++k;
    // "Normalisation talks ... will resume in October": a verb whose subject is the event.
    if (k + 1 < se && ((Is(k, "take") && Is(k + 1, "place")) || Is(k, "happen") || Is(k, "occur") ||
                       (Is(k, "go") && Is(k + 1, "ahead")) || Is(k, "held") || (k > np_end && Has(k, kWcEventPred)))) {
      for (uint32_t t = k + 1; t < se && t < k + 8; ++t) {
        int ti = TimexAt(t);
        if (ti >= 0 && !TimexExcluded(ti, m->tok_begin, m->tok_end)) {
          AddDateList(m, ti);
          return;
        }
      }
    }
  }
  // Right after the phrase: "Obama's trip to Hiroshima in May".
  uint32_t k = np_end;
  if (k < se && (Is(k, "in") || Is(k, "on") || Is(k, "during") || Is(k, "at") || Is(k, "for"))) ++k;
  if (k < se && TimexAt(k) >= 0 && !m->status_change) {
    int ti = TimexAt(k);
    if (!TimexExcluded(ti, m->tok_begin, m->tok_end)) {
      AddDateList(m, ti);
      return;
    }
  }
  // A relative clause on the noun ("a summit that was to be held ... this week"),
  // or the clause whose subject the noun is, up to its status cue.
  uint32_t from = np_end;
  if (from < se && IsMark(from, kPkComma)) ++from;
  bool attached = from < se && (Is(from, "which") || Is(from, "that"));
  uint32_t limit = post_cue != kNone ? post_cue : (attached ? se : from);
  if (attached && post_cue == kNone) {
    const ClauseSpan* sp = SpanOf(from);
    limit = sp != nullptr ? sp->end : se;
  }
  for (uint32_t t = np_end; t < limit && t < se; ++t) {
    int ti = TimexAt(t);
    if (ti < 0) continue;
    if (!TimexExcluded(ti, m->tok_begin, m->tok_end)) {
      AddDateList(m, ti);
      return;
    }
    t = timexes_[ti].end - 1;
  }
  // "in 2017, when he attended a summit in Da Nang": the time the clause hangs on.
  const ClauseSpan* own = SpanOf(m->tok_begin);
  if (own != nullptr && own->kind == ClauseSpan::kWhen) DateFromHostClause(m, *own, SentBegin(m->sentence));
}

// ---------------------------------------------------------------------------
// Trigger analysis

// "At the news conference, Kohl invited ...", "during their talks", "on the
// sidelines of the forum": the head noun of a phrase
// that places the event at an occasion told before, or kNone.
uint32_t Analyzer::FrameNoun(const EventMention& m) const {
  const uint32_t sb = TextBegin(m.sentence), se = SentEnd(m.sentence);
  // The words that open such a phrase, with the word that must follow
  // (or none). Only an occasion the event happens at or during shares its
  // time; "after the ceremony" and "following his visit" tell a sequence.
  struct Opener {
    std::string_view word, then;
  };
  static constexpr Opener kOpeners[] = {{"at", {}}, {"during", {}}, {"throughout", {}}, {"sidelines", "of"}};
  // Their lengths and first letters, one bit each: most tokens fail on
  // these two bit tests before any text is compared.
  constexpr uint32_t kOpenerLengths = [] {
    uint32_t lengths = 0;
    for (const Opener& o : kOpeners) lengths |= 1u << o.word.size();  // not constant past 31 bytes
    return lengths;
  }();
  constexpr uint32_t kOpenerFirsts = [] {
    uint32_t firsts = 0;
    for (const Opener& o : kOpeners) firsts |= 1u << (o.word[0] - 'a');  // not constant but for a-z
    return firsts;
  }();
  const char* folded = doc_.folded.data();
  for (uint32_t t = sb; t + 2 < se; ++t) {
    const Span& sp = doc_.tokens[t].span;
    const uint32_t len = sp.size();
    if (len >= 32 || !(kOpenerLengths >> len & 1)) continue;
    const unsigned first = static_cast<unsigned char>(folded[sp.begin]) - 'a';
    if (first >= 26 || !(kOpenerFirsts >> first & 1)) continue;
    uint32_t k = kNone;
    for (const Opener& o : kOpeners) {
      if (!Is(t, o.word)) continue;
      if (o.then.empty()) {
        k = t + 1;
      } else if (Is(t + 1, o.then)) {
        k = t + 2;
      }
      break;
    }
    if (k >= se || !(Is(k, "the") || Is(k, "this") || Is(k, "that") || Is(k, "their") || Is(k, "his") ||
                     Is(k, "her") || Is(k, "its"))) {
      continue;
    }
    for (uint32_t h = k + 1; h < se && h < k + 5; ++h) {
      if (h >= m.tok_begin && h < m.tok_end) break;  // the trigger itself
      if (Has(h, kWcTriggerNoun | kWcOccasion) && MentionAt(h) < 0) return h;
      if (IsPunct(h) || MentionAt(h) >= 0 || Has(h, kWcPrep | kWcVerbForm | kWcConj)) break;
    }
  }
  return kNone;
}

// The place a visit with no destination of its own most likely went to: the
// last place named before the trigger in its sentence, else in the sentence
// before; never a name that only qualifies a title ("U.S. Secretary of State").
uint32_t Analyzer::ContextPlace(const EventMention& m) const {
  const uint32_t lowest = m.sentence > 0 ? TextBegin(m.sentence - 1) : TextBegin(m.sentence);
  for (int64_t u = static_cast<int64_t>(m.tok_begin) - 1; u >= static_cast<int64_t>(lowest); --u) {
    const int mi = MentionAt(static_cast<uint32_t>(u));
    if (mi < 0) continue;
    const MentionLoc& ml = mentions_[mi];
    u = ml.begin;
    if (ml.type != EntityType::kPlace || IsModifierMention(ml)) continue;
    if (ml.begin > 0 && (Is(ml.begin - 1, "from") || Is(ml.begin - 1, "of"))) continue;
    return ml.entity;
  }
  return kNone;
}

void Analyzer::Finish(EventMention m, uint32_t effects) {
  if (effects & lex_.NegatedBy(m.type)) return;
  if (m.dates.empty()) {
    m.frame_tok = FrameNoun(m);
    if (m.frame_tok != kNone) {
      // The latest earlier sentence naming the same occasion ("a news conference").
      const std::string_view head = F(m.frame_tok);
      for (int64_t t = static_cast<int64_t>(SentBegin(m.sentence)) - 1; t >= 0; --t) {
        if (F(static_cast<uint32_t>(t)) == head) {
          m.frame_sentence = doc_.tokens[t].sentence;
          break;
        }
      }
    }
  }
  if (schema_.types()[m.type].name == "Visit" && schema_.triggers()[m.trigger].context_place) {
    m.context_place = ContextPlace(m);
  }
  const TriggerDef& td = schema_.triggers()[m.trigger];
  m.confidence = td.confidence;
  int agent = schema_.types()[m.type].FirstRole(RoleKind::kAgent);
  FillSource best = FillSource::kAntecedent;
  bool has_agent = false;
  for (const RoleFill& f : m.roles) {
    if (f.role == agent) {
      has_agent = true;
      if (static_cast<int>(f.source) < static_cast<int>(best)) best = f.source;
    }
  }
  if (!has_agent) m.confidence *= 0.7;
  else if (best == FillSource::kGroup || best == FillSource::kPronoun) m.confidence *= 0.9;
  else if (best == FillSource::kDescription) m.confidence *= 0.85;
  m.weak_agent = has_agent && (best == FillSource::kPronoun || best == FillSource::kDescription);
  for (uint32_t t = m.tok_begin; t < m.tok_end; ++t) taken_[t] = 1;
  uint32_t leg_place = kNone;
  std::string leg_date;
  if (!m.nominal && m.dates.size() == 1 && GappedLeg(m, &leg_place, &leg_date)) {
    EventMention leg = m;
    const TypeDef& type = schema_.types()[m.type];
    leg.roles.erase(std::remove_if(leg.roles.begin(), leg.roles.end(),
                                   [&](const RoleFill& f) { return type.roles[f.role].kind == RoleKind::kPlace; }),
                    leg.roles.end());
    leg.AddRole(static_cast<uint8_t>(type.FirstRole(RoleKind::kPlace)), leg_place, FillSource::kDirect);
    leg.dates.assign(1, leg_date);
    out_.push_back(std::move(m));
    out_.push_back(std::move(leg));
    return;
  }
  out_.push_back(std::move(m));
}

bool Analyzer::GappedLeg(const EventMention& m, uint32_t* place, std::string* date) const {
  const TypeDef& type = schema_.types()[m.type];
  const int place_role = type.FirstRole(RoleKind::kPlace);
  if (place_role < 0 || !m.HasRole(static_cast<uint8_t>(place_role))) return false;
  const uint32_t se = SentEnd(m.sentence);
  // The mention's own date: the first time after the verb.
  uint32_t k = m.tok_end;
  while (k < se && k < m.tok_end + 16 && TimexAt(k) < 0 && !IsHardStop(k)) ++k;
  if (k >= se || TimexAt(k) < 0 || timexes_[TimexAt(k)].date != m.dates[0]) return false;
  k = timexes_[TimexAt(k)].end;
  // "on February 17 in Brasilia and ...": the first leg's place may follow its date.
  auto place_at = [&](uint32_t t, uint32_t* after) -> uint32_t {
    if (t + 1 >= se || !Has(t, kWcLocPrep) || MentionAt(t + 1) < 0) return kNone;
    const MentionLoc& ml = mentions_[MentionAt(t + 1)];
    if (ml.type != EntityType::kPlace) return kNone;
    *after = ml.end;
    return ml.entity;
  };
  uint32_t after = 0;
  if (place_at(k, &after) != kNone) k = after;
  if (k + 1 < se && IsMark(k, kPkComma) && !Is(k + 1, "and")) {
    // "met in Brussels in July, at talks hosted by Michel, and in Chisinau in
    // June": an aside between the legs.
    uint32_t j = k + 1;
    while (j < se && j < k + 10 && !IsMark(j, kPkComma) && !IsHardStop(j) && TimexAt(j) < 0) ++j;
    if (j + 1 < se && IsMark(j, kPkComma) && Is(j + 1, "and")) k = j;
  }
  if (k < se && IsMark(k, kPkComma)) ++k;
  if (k >= se || !Is(k, "and")) return false;
  ++k;
  uint32_t leg_place = kNone;
  std::string_view leg_date;
  for (int part = 0; part < 2 && k < se; ++part) {
    if (leg_place == kNone) {
      const uint32_t e = place_at(k, &after);
      if (e != kNone) {
        leg_place = e;
        k = after;
        continue;
      }
    }
    if (leg_date.empty()) {
      uint32_t t = k;
      if (t < se && Has(t, kWcPrep) && TimexAt(t) < 0) ++t;
      if (t < se && TimexAt(t) >= 0 && timexes_[TimexAt(t)].begin == t && !timexes_[TimexAt(t)].date.empty()) {
        leg_date = timexes_[TimexAt(t)].date;
        k = timexes_[TimexAt(t)].end;
        continue;
      }
    }
    break;
  }
  if (leg_place == kNone || leg_date.empty() || leg_date == m.dates[0]) return false;
  for (const RoleFill& f : m.roles) {
    if (f.entity == leg_place) return false;
  }
  *place = leg_place;
  *date = std::string(leg_date);
  return true;
}

void Analyzer::AnalyzeVerb(uint16_t trigger, uint8_t form_bits, uint32_t begin, uint32_t end) {
  const TriggerDef& td = schema_.triggers()[trigger];
  const uint32_t s = doc_.tokens[begin].sentence;
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  // "a visit", "the tour": a form that is also a noun trigger is a verb only
  // where no determiner introduces it.
  if ((td.guards & kGuardVerbContext) && Has(begin, kWcTriggerNoun) && NounContext(begin)) return;
  if ((td.guards & kGuardNounContext) && !NounContext(begin)) return;
  if (!GuardsMayPass(td, form_bits, begin, end)) return;
  PrepareSentence(s);
  if (!(form_bits & kFormIng) && begin > sb && NounSlot(begin - 1)) return;

  EventMention m;
  m.trigger = trigger;
  m.type = td.type;
  m.sentence = s;
  m.tok_begin = begin;
  m.tok_end = end;
  m.anchor = begin;
  m.trigger_span = Span{doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end};
  m.hosted = td.hosted;

  // Voice: the nearest word before the verb, past adverbs.
  int64_t p = static_cast<int64_t>(begin) - 1;
  while (p >= sb && Has(static_cast<uint32_t>(p), kWcAdv | kWcNeg)) --p;
  const bool participle = (form_bits & kFormParticiple) != 0;
  bool passive = participle && p >= sb && Has(static_cast<uint32_t>(p), kWcBe);
  bool after_to = p >= sb && Is(static_cast<uint32_t>(p), "to");
  // "documents signed between ...", "The security agreement, signed in April":
  // a participle after its noun.
  bool reduced = false;
  uint32_t antecedent_instrument = kNone;
  if (participle && !passive && p >= sb && !Has(static_cast<uint32_t>(p), kWcHave | kWcModal | kWcDo)) {
    for (int64_t k = p; k >= sb && k >= p - 4; --k) {
      uint32_t kk = static_cast<uint32_t>(k);
      if (MentionAt(kk) >= 0 && (mentions_[MentionAt(kk)].end != kk + 1 || InstrumentAt(kk, begin) == kNone)) break;
      uint32_t ie = InstrumentAt(kk, begin);
      if (ie != kNone && (ie == static_cast<uint32_t>(p) + 1 || IsMark(static_cast<uint32_t>(p), kPkComma) ||
                          Is(static_cast<uint32_t>(p), "they") || Is(static_cast<uint32_t>(p), "which"))) {
        antecedent_instrument = kk;
        reduced = ie == static_cast<uint32_t>(p) + 1 || IsMark(static_cast<uint32_t>(p), kPkComma);
        break;
      }
    }
    if (!reduced && begin + 1 < se && Is(begin + 1, "by") && !(form_bits & kFormPast)) reduced = true;
  } else if (passive && (td.guards & kGuardInstrument)) {
    int64_t q = p;
    while (q >= sb && Has(static_cast<uint32_t>(q), kWcBe | kWcHave | kWcModal | kWcAdv | kWcNeg)) --q;
    for (int64_t k = q; k >= sb && k >= q - 2; --k) {
      uint32_t ie = InstrumentAt(static_cast<uint32_t>(k), begin);
      if (ie != kNone && ie == static_cast<uint32_t>(q) + 1) {
        antecedent_instrument = static_cast<uint32_t>(k);
        break;
      }
    }
  }
  if (reduced) passive = true;

  // Roles.
  const RoleList& subj_roles = passive ? td.frame.slots[kSlotPassiveSubject] : td.frame.slots[kSlotSubject];
  uint32_t subject_tok = kNone;
  if (!reduced && !subj_roles.empty()) {
    Actors a = FindSubject(begin, AgentMask(td, subj_roles), &subject_tok);
    for (uint32_t e : a.entities) AddFill(&m, subj_roles, e, a.source);
    if (a.group_source >= 0) m.group_source = a.group_source;
    if (a.entities.empty() && !passive && (AgentMask(td, subj_roles) & MaskOf(EntityType::kOrganization))) {
      // "the Pacific Islands Forum, where leaders signed": bare "leaders" act for
      // the organization the sentence names before them.
      int64_t k = static_cast<int64_t>(begin) - 1;
      while (k > sb && Has(static_cast<uint32_t>(k), kWcAdv | kWcModal | kWcHave | kWcBe)) --k;
      const uint32_t kk = static_cast<uint32_t>(k);
      if (k > sb && (Is(kk, "leaders") || Is(kk, "ministers") || Is(kk, "members")) && MentionAt(kk - 1) < 0 &&
          !Has(kk - 1, kWcDet | kWcPoss | kWcTitle | kWcPlaceAdj | kWcNumeral) && !IsCap(kk - 1)) {
        for (int64_t u = k - 1; u >= sb; --u) {
          const int mi = MentionAt(static_cast<uint32_t>(u));
          if (mi >= 0 && mentions_[mi].type == EntityType::kOrganization) {
            AddFill(&m, subj_roles, mentions_[mi].entity, FillSource::kGroup);
            break;
          }
        }
      }
    }
  }
  if ((td.guards & kGuardInstrument) && antecedent_instrument == kNone && subject_tok != kNone) {
    // "a treaty ... that West Germany and East Germany signed": the object
    // is the noun the relative clause hangs on.
    int64_t k = static_cast<int64_t>(subject_tok) - 1;
    // ("that" is a determiner too: stop at it.)
    while (k > sb && !Is(static_cast<uint32_t>(k), "that") &&
           (MentionAt(static_cast<uint32_t>(k)) >= 0 || Is(static_cast<uint32_t>(k), "and") ||
            IsMark(static_cast<uint32_t>(k), kPkComma) || Has(static_cast<uint32_t>(k), kWcTitle | kWcDet))) {
      --k;
    }
    if (k > sb && (Is(static_cast<uint32_t>(k), "that") || Is(static_cast<uint32_t>(k), "which"))) {
      for (int64_t j = k - 1; j >= sb && j >= k - 6; --j) {
        const uint32_t jj = static_cast<uint32_t>(j);
        if (IsHardStop(jj) || Has(jj, kWcBe | kWcHave | kWcModal | kWcClauseVerb)) break;
        if (InstrumentAt(jj, static_cast<uint32_t>(k)) != kNone) {
          antecedent_instrument = jj;
          break;
        }
      }
    }
  }
  uint32_t instrument = antecedent_instrument;
  complement_tok_ = kNone;
  const uint32_t scan_end = ScanRight(&m, td, end, se, !passive && !td.frame.slots[kSlotObject].empty(),
                                      (td.guards & kGuardInstrument) && instrument == kNone ? &instrument : nullptr);
  bool pronoun_instrument = false;
  if ((td.guards & kGuardInstrument) && instrument == kNone && end < se && (Is(end, "it") || Is(end, "them")) &&
      HasMentionOfType(td.type)) {
    instrument = end;  // "is expected to ratify it": the agreement told before
    pronoun_instrument = true;
  }
  if ((td.guards & kGuardNoInfinitive) && scan_end < se && (Is(scan_end, "to") || Is(scan_end, "for"))) return;

  const TypeDef& type = schema_.types()[td.type];

  // Guards.
  if (td.guards & kGuardNeedsPlace) {
    int place = type.FirstRole(RoleKind::kPlace);
    if (place < 0 || !m.HasRole(static_cast<uint8_t>(place))) return;
  }
  if (td.guards & kGuardActorObject) {
    bool ok = false;
    const RoleList& obj = passive ? td.frame.slots[kSlotPassiveSubject] : td.frame.slots[kSlotObject];
    for (uint8_t r : obj) {
      if (m.HasRole(r)) ok = true;
    }
    if (const RoleList* w = td.frame.Prep("with")) {
      for (uint8_t r : *w) {
        for (const RoleFill& f : m.roles) {
          if (f.role == r && doc_.entities[f.entity].type != EntityType::kPlace) ok = true;
        }
      }
    }
    // For "with" the subject is one of the roles too; require a second actor.
    if (td.frame.Prep("with") != nullptr && !passive) {
      int n = 0;
      for (const RoleFill& f : m.roles) {
        if (type.roles[f.role].kind != RoleKind::kPlace) ++n;
      }
      ok = ok && n >= 2;
    }
    if (!ok) return;
  }
  if (td.guards & kGuardInstrument) {
    if (instrument == kNone) return;
    // "the most recent signal of ...": an instrument must follow closely.
  }
  if (td.guards & kGuardAgreeComplement) {
    bool ok = false;
    for (uint32_t k = end; k < se && k < end + 12; ++k) {
      if (TimexAt(k) >= 0) {
        k = timexes_[TimexAt(k)].end - 1;
        continue;
      }
      if (MentionAt(k) >= 0) {
        k = mentions_[MentionAt(k)].end - 1;
        continue;
      }
      if (Is(k, "that") || Is(k, "whether") || IsHardStop(k)) break;
      if (InstrumentAt(k, se) != kNone) {
        ok = true;
        break;
      }
      if (Is(k, "to") && k + 1 < se && MentionAt(k + 1) < 0 && !Has(k + 1, kWcDet) && !IsCap(k + 1)) {
        // "agreed to restore ties", but not "agreed to meet": that is a planned meeting.
        bool event_verb = false;
        if (Has(k + 1, kWcVerbForm)) {
          for (const FormRef& f : Info(k + 1)->forms) {
            if (f.kind == FormRef::kVerb && !lex_.TriggersOfVerb(f.id).empty()) {
              for (uint16_t tr : lex_.TriggersOfVerb(f.id)) {
                if (schema_.triggers()[tr].type != td.type) event_verb = true;
              }
            }
          }
        }
        ok = !event_verb;
        break;
      }
      if (Is(k, "on") && k + 1 < se && TimexAt(k + 1) < 0 && !Is(k + 1, "whether")) {
        ok = true;
        break;
      }
      if (Has(k, kWcClauseVerb) || Is(k, "with")) break;
    }
    if (!ok) return;
  }

  AddFrontedPlaces(&m, subject_tok != kNone ? subject_tok : begin);

  // Status.
  uint32_t post_cue;
  uint32_t effects = CollectEffects(m, begin, begin, &post_cue);
  if (antecedent_instrument != kNone) {
    // "was not among the settlements signed": negation before the noun.
    for (int64_t k = static_cast<int64_t>(antecedent_instrument) - 1;
         k >= sb && k >= static_cast<int64_t>(antecedent_instrument) - 4; --k) {
      if (Has(static_cast<uint32_t>(k), kWcNeg)) effects |= kEffNegated;
    }
    // A definite, lower-case antecedent refers back to an agreement already told.
    uint32_t d = antecedent_instrument;
    bool definite = d > sb && (Is(d - 1, "the") || Is(d - 1, "this") || Is(d - 1, "that") || Is(d - 1, "its"));
    if (!definite && d > sb + 1 && (Is(d - 2, "the") || Is(d - 2, "this") || Is(d - 2, "that")) && !IsCap(d - 1)) {
      definite = true;
    }
    if (IsCap(d)) m.named_instrument = true;
    else if (definite && !td.approval) m.anaphoric = true;
  } else if (instrument != kNone && (td.guards & kGuardInstrument)) {
    uint32_t d = instrument;
    bool definite = pronoun_instrument;
    if (d > end && Is(d - 1, "no")) effects |= kEffNegated;  // "signed no document"
    for (uint32_t k = end; k < d; ++k) {
      if (Is(k, "the") || Is(k, "this") || Is(k, "that") || Is(k, "its") || Is(k, "their")) definite = true;
      if (Is(k, "a") || Is(k, "an")) definite = false;
    }
    if (IsCap(d)) m.named_instrument = true;
    else if (definite && !td.approval) m.anaphoric = true;
  }
  ApplyStatus(&m, form_bits, after_to, effects);
  if (effects & kEffLater) m.later = true;
  // "will travel to Britain next week and meet officials": a bare verb right
  // after "and" shares the auxiliaries of the verb it is coordinated with.
  if (!(effects & (kEffPlanned | kEffUncertain | kEffPostponed | kEffCancelled | kEffDenied | kEffOccurred)) &&
      (form_bits & kFormBase) && !(form_bits & (kFormPast | kFormParticiple)) && !after_to && p >= sb &&
      Is(static_cast<uint32_t>(p), "and")) {
    for (int64_t i = static_cast<int64_t>(out_.size()) - 1; i >= 0 && out_[i].sentence == s; --i) {
      const EventMention& v = out_[i];
      if (v.nominal || v.tok_begin >= begin) continue;
      if (v.status_explicit && v.status != EventStatus::kOccurred) {
        m.status = v.status;
        m.status_explicit = true;
        m.future = v.future;
        m.past_plan = v.past_plan;
      }
      break;
    }
  }
  bool generic_instrument = false;
  if (instrument != kNone && instrument > end && p >= sb && Has(static_cast<uint32_t>(p), kWcHave)) {
    for (const CueHit& h : Hits(s)) {
      const Cue& c = lex_.cues()[h.cue];
      if (c.scope == CueScope::kNp && (c.effect & kEffGeneric) && h.begin >= end && h.end <= instrument) {
        generic_instrument = true;
      }
    }
  }

  // Date.
  if (m.status_change && post_cue == kNone) {
    // "X scrapped ..." is a noun case; a verb with a status cue before it
    // ("ruled out visiting") keeps the date of its clause.
  }
  uint32_t date_limit = post_cue != kNone ? post_cue : se;
  if (complement_tok_ != kNone && complement_tok_ < date_limit) date_limit = complement_tok_;  // "invited X to visit Y in April"
  DateFromClause(&m, begin, date_limit,
                 after_to && !(form_bits & kFormParticiple) && m.status != EventStatus::kOccurred);
  if (generic_instrument && m.dates.empty()) return;
  Finish(std::move(m), effects);
}

void Analyzer::AnalyzeNoun(uint16_t trigger, uint8_t form_bits, uint32_t begin, uint32_t end) {
  const TriggerDef& td = schema_.triggers()[trigger];
  const uint32_t s = doc_.tokens[begin].sentence;
  const uint32_t sb = SentBegin(s), se = SentEnd(s);
  if ((td.guards & kGuardNounContext) && !NounContext(begin)) return;
  const TypeDef& type = schema_.types()[td.type];
  PrepareSentence(s);

  EventMention m;
  m.trigger = trigger;
  m.type = td.type;
  m.sentence = s;
  m.tok_begin = begin;
  m.tok_end = end;
  m.anchor = begin;
  m.nominal = true;
  m.trigger_span = Span{doc_.tokens[begin].span.begin, doc_.tokens[end - 1].span.end};

  NounPhrase np = ScanNounLeft(begin);
  PrepareSentence(s);

  // What governs the phrase: a light verb, a host verb, a status verb, or a preposition.
  int lemma = -1;
  uint8_t verb_bits = 0;
  uint32_t gov_end = np.begin;
  while (gov_end > sb && Has(gov_end - 1, kWcAdv)) --gov_end;
  uint32_t light = LightVerbBefore(gov_end, td.light_verbs, &lemma, &verb_bits);
  bool host_verb = false;
  if (light == kNone) {
    light = LightVerbBefore(gov_end, td.host_verbs, &lemma, &verb_bits);
    host_verb = light != kNone;
  }
  bool gov_prep = gov_end > sb && Has(gov_end - 1, kWcPrep) && light == kNone && !Is(gov_end - 1, "of") &&
                  !Is(gov_end - 1, "to") && !Is(gov_end - 1, "by");
  const bool sidelines = gov_end >= sb + 2 && Is(gov_end - 1, "of") && Is(gov_end - 2, "sidelines");
  uint32_t status_verb = kNone;  // "scrapped a planned visit"
  for (const CueHit& h : Hits(s)) {
    const Cue& c = lex_.cues()[h.cue];
    if (c.scope == CueScope::kGov && h.end == gov_end && (c.effect & (kEffCancelled | kEffPostponed))) {
      status_verb = h.begin;
    }
  }

  // Plural nouns without a light verb are habitual or generic ("his trips abroad").
  const int agent = type.FirstRole(RoleKind::kAgent);
  uint32_t subject_tok = kNone;
  if (light != kNone) {
    m.light_verb = true;
    m.anchor = light;
    m.tok_begin = begin;
    // The light verb's subject; passive light verbs ("talks were held") have none.
    int64_t p = static_cast<int64_t>(light) - 1;
    while (p >= sb && Has(static_cast<uint32_t>(p), kWcAdv | kWcNeg)) --p;
    bool passive = (verb_bits & kFormParticiple) && p >= sb && Has(static_cast<uint32_t>(p), kWcBe);
    if (!passive) {
      const RoleList& subj = td.frame.slots[kSlotSubject];
      if (!subj.empty()) {
        Actors a = FindSubject(light, AgentMask(td, subj) | (host_verb ? MaskOf(EntityType::kPlace) : 0),
                               &subject_tok);
        for (uint32_t e : a.entities) {
          AddFill(&m, subj, e, a.source);
          if (host_verb && doc_.entities[e].type == EntityType::kPlace) {
            int place = type.FirstRole(RoleKind::kPlace);
            if (place >= 0) m.AddRole(static_cast<uint8_t>(place), e, a.source, false);
          }
        }
        if (a.group_source >= 0) m.group_source = a.group_source;
      }
    }
  } else if (status_verb != kNone) {
    const RoleList& subj = td.frame.slots[kSlotSubject];
    if (!subj.empty()) {
      Actors a = FindSubject(status_verb, AgentMask(td, subj));
      for (uint32_t e : a.entities) AddFill(&m, subj, e, a.source);
    }
    m.anchor = status_verb;
  }
  // Possessor and modifiers.
  for (uint32_t e : np.possessors) AddFill(&m, td.frame.slots[kSlotPossessor], e, FillSource::kDirect);
  if (np.possessor_group >= 0 && !td.frame.slots[kSlotPossessor].empty()) {
    Actors a = ResolveGroup(np.possessor_group, np.group_tok);
    for (uint32_t e : a.entities) AddFill(&m, td.frame.slots[kSlotPossessor], e, FillSource::kGroup);
    if (a.group_source >= 0) m.group_source = a.group_source;
  }
  if (np.poss_pron != kNone && !td.frame.slots[kSlotPossessor].empty() && !m.HasRole(static_cast<uint8_t>(agent))) {
    bool plural = Is(np.poss_pron, "their");
    // A pair owning a trip is rare: "their first stop" names no visitor.
    if (!(plural && type.FirstRole(RoleKind::kCounterpart) >= 0)) {
      Actors a = ResolvePronoun(np.poss_pron);
      for (uint32_t e : a.entities) AddFill(&m, td.frame.slots[kSlotPossessor], e, a.source);
      if (a.group_source >= 0) m.group_source = a.group_source;
    }
  }
  for (uint32_t e : np.modifiers) AddFill(&m, td.frame.slots[kSlotModifier], e, FillSource::kDirect);
  if (np.poss_desc != kNone && !td.frame.slots[kSlotPossessor].empty() && !m.HasRole(static_cast<uint8_t>(agent))) {
    Actors a = ResolveDescription(np.poss_desc, true, "");  // strict: never just the latest person
    for (uint32_t e : a.entities) AddFill(&m, td.frame.slots[kSlotPossessor], e, a.source);
  }

  const size_t fills_before_scan = m.roles.size();
  complement_tok_ = kNone;
  // Clamped: ScanRight can stop past the sentence end (found by fuzzing).
  uint32_t np_end = std::min(ScanRight(&m, td, end, se, false, nullptr), se);
  const uint32_t complement = complement_tok_;
  const bool meeting_like = type.FirstRole(RoleKind::kCounterpart) < 0;
  // Trim the phrase end back to the last token that belongs to it.
  while (np_end > end && (IsPunct(np_end - 1) || Has(np_end - 1, kWcPrep | kWcConj))) --np_end;

  // "The agreement was announced in Beijing": the predicate of a noun subject places it.
  if (np_end + 1 < se && Has(np_end, kWcBe) && !Has(np_end + 1, kWcDet) && MentionAt(np_end + 1) < 0) {
    EventMention probe = m;
    probe.roles.clear();
    ScanRight(&probe, td, np_end + 2, se, false, nullptr);
    for (const RoleFill& f : probe.roles) {
      if (type.roles[f.role].kind == RoleKind::kPlace) m.AddRole(f.role, f.entity, f.source);
    }
  }
  if (light != kNone) AddFrontedPlaces(&m, subject_tok != kNone ? subject_tok : light);
  // A relative clause on the noun gives its place: "a summit that was to be held in Sydney".
  {
    uint32_t k = np_end;
    if (k < se && IsMark(k, kPkComma)) ++k;
    if (k < se && (Is(k, "that") || Is(k, "which"))) {
      const ClauseSpan* sp = SpanOf(k);
      uint32_t lim = sp != nullptr ? sp->end : se;
      int place = type.FirstRole(RoleKind::kPlace);
      for (uint32_t t = k; t + 1 < lim && place >= 0; ++t) {
        if (Has(t, kWcLocPrep) && MentionAt(t + 1) >= 0) {
          AddFill(&m, RoleList{static_cast<uint8_t>(place)}, mentions_[MentionAt(t + 1)].entity, FillSource::kDirect);
        }
      }
    }
  }

  // Reference: "the visit", "this trip", "any such meeting" point back.
  bool definite = np.det != kNone && (Is(np.det, "the") || Is(np.det, "this") || Is(np.det, "that") ||
                                      Is(np.det, "these") || Is(np.det, "those") || Is(np.det, "such") ||
                                      Is(np.det, "any") || Is(np.det, "no"));
  uint32_t post_cue;
  uint32_t effects = CollectEffects(m, np.begin, light != kNone ? light : (status_verb != kNone ? status_verb : np.begin),
                                    &post_cue);
  if (light == kNone) {
    // The auxiliary chain of a bare noun is not its own: drop aux-only effects.
    uint32_t aux_only = 0;
    for (const CueHit& h : Hits(s)) {
      const Cue& c = lex_.cues()[h.cue];
      if (c.scope == CueScope::kAux && h.end <= np.begin && h.end + 3 >= np.begin) aux_only |= c.effect;
    }
    effects &= ~(aux_only & (kEffPlanned | kEffUncertain | kEffOccurred | kEffNegated));
  }
  if (effects & kEffAnaphoric) definite = true;
  if (np.det != kNone && Is(np.det, "no") && !(np.det + 1 < se && Is(np.det + 1, "such"))) {
    effects |= kEffNegated;  // "held no talks"
  }
  const uint32_t status_effects = kEffPlanned | kEffUncertain | kEffPostponed | kEffCancelled | kEffDenied;
  if (meeting_like && light == kNone && !(effects & status_effects)) {
    // "for the G20 summit", "a NATO summit": a named gathering that only
    // frames other events; its name is no participant told to meet.
    bool only_modifiers = true;
    for (const RoleFill& f : m.roles) {
      if (f.role == agent && std::find(np.modifiers.begin(), np.modifiers.end(), f.entity) == np.modifiers.end()) {
        only_modifiers = false;
      }
    }
    if (only_modifiers) {
      for (RoleFill& f : m.roles) {
        if (f.role == agent) f.source = FillSource::kContext;
      }
    }
  }
  if (host_verb && definite && m.roles.size() == fills_before_scan) {
    // "who is hosting the summit": the host of a gathering told before.
    for (RoleFill& f : m.roles) {
      if (f.role == agent) f.source = FillSource::kContext;
    }
  }
  bool has_agent = agent >= 0 && m.HasRole(static_cast<uint8_t>(agent));
  bool own_agent = false;
  for (const RoleFill& f : m.roles) {
    if (f.role == agent && (f.source == FillSource::kDirect || f.source == FillSource::kCoordinated)) {
      own_agent = true;
    }
  }
  m.anaphoric = (definite && !own_agent) || (td.guards & kGuardNoBare);
  m.in_pp = gov_prep;
  m.unknown_actor = np.unknown_name;
  if (gov_prep && Is(gov_end - 1, "for") && !own_agent && type.FirstRole(RoleKind::kCounterpart) < 0) {
    for (int64_t i = static_cast<int64_t>(out_.size()) - 1; i >= 0 && out_[i].sentence == s; --i) {
      const EventMention& inv = out_[i];
      const TypeDef& it = schema_.types()[inv.type];
      if (it.place_is_location || inv.tok_begin > begin) continue;
      const int place = type.FirstRole(RoleKind::kPlace);
      for (const RoleFill& f : inv.roles) {
        RoleKind k = it.roles[f.role].kind;
        if (k == RoleKind::kPlace && place >= 0) m.AddRole(static_cast<uint8_t>(place), f.entity, FillSource::kAntecedent);
        if (k != RoleKind::kPlace) m.AddRole(static_cast<uint8_t>(agent), f.entity, FillSource::kAntecedent);
      }
      gov_prep = false;  // the offered meeting is an event of its own
      own_agent = true;
      effects |= kEffPlanned;
      break;
    }
  }
  // "plans to fly to Washington for talks with U.S. officials": the purpose
  // of a trip told just before is the traveller's own meeting, with the
  // trip's status and, when it has none of its own, the trip's date.
  int purpose_of = -1;
  const bool indefinite = np.det == kNone || Is(np.det, "a") || Is(np.det, "an");
  if (gov_prep && Is(gov_end - 1, "for") && light == kNone && np.possessors.empty() && np.poss_pron == kNone &&
      np.modifiers.empty() && !np.unknown_name && indefinite && meeting_like && !out_.empty()) {
    const EventMention& v = out_.back();
    const TypeDef& vt = schema_.types()[v.type];
    bool adjacent = v.sentence == s && !v.nominal && vt.name == "Visit" && v.tok_end < begin;
    for (uint32_t k = adjacent ? v.tok_end : begin; k + 1 < gov_end && adjacent; ++k) {
      if (IsHardStop(k) || IsMark(k, kPkComma) || Has(k, kWcConj | kWcRel)) adjacent = false;
    }
    if (adjacent) {
      // The traveller, and the host of "hosted X for talks".
      for (const RoleFill& f : v.roles) {
        if (vt.roles[f.role].kind != RoleKind::kPlace) {
          m.AddRole(static_cast<uint8_t>(agent), f.entity, FillSource::kAntecedent);
        }
      }
      purpose_of = static_cast<int>(out_.size()) - 1;
      gov_prep = false;
      own_agent = true;
    }
  }
  // "had been due to join G8 leaders for talks": those joined meet the subject,
  // with the status the verb "join" has.
  if (gov_prep && Is(gov_end - 1, "for") && meeting_like && !own_agent && agent >= 0) {
    uint32_t join_tok = kNone;
    for (int64_t k = static_cast<int64_t>(gov_end) - 2; k >= static_cast<int64_t>(sb) && k + 7 >= gov_end; --k) {
      const uint32_t kk = static_cast<uint32_t>(k);
      if (Has(kk, kWcJoin)) {
        join_tok = kk;
        break;
      }
      if (IsHardStop(kk) || IsMark(kk, kPkComma) || Has(kk, kWcClauseVerb | kWcPrep | kWcConj | kWcRel)) break;
    }
    bool joined = false;
    for (uint32_t u = join_tok == kNone ? gov_end : join_tok + 1; u + 1 < gov_end; ++u) {
      if (MentionAt(u) < 0) continue;
      const MentionLoc& ml = mentions_[MentionAt(u)];
      if (ml.type != EntityType::kPlace) {
        m.AddRole(static_cast<uint8_t>(agent), ml.entity, FillSource::kDirect);
        joined = true;
      }
      u = ml.end - 1;
    }
    if (joined) {
      Actors a = FindSubject(join_tok, AgentMask(td, td.frame.slots[kSlotSubject]));
      for (uint32_t e : a.entities) m.AddRole(static_cast<uint8_t>(agent), e, a.source);
      for (const CueHit& h : Hits(s)) {
        const Cue& c = lex_.cues()[h.cue];
        if (c.scope == CueScope::kAux && h.end <= join_tok && h.end + 3 >= join_tok) effects |= c.effect;
      }
      gov_prep = false;
      own_agent = true;
      has_agent = true;
    }
  }
  m.framed = (gov_prep && !own_agent) || sidelines;
  // "at the invitation of X": the subject of the clause is the one invited.
  const int counterpart = type.FirstRole(RoleKind::kCounterpart);
  if (own_agent && light == kNone && counterpart >= 0 && !m.HasRole(static_cast<uint8_t>(counterpart)) &&
      gov_prep && td.frame.slots[kSlotSubject].size() > 0) {
    Actors a = FindSubject(np.begin, type.roles[counterpart].entities);
    for (uint32_t e : a.entities) {
      bool is_agent = false;
      for (const RoleFill& f : m.roles) is_agent |= f.entity == e;
      if (!is_agent) m.AddRole(static_cast<uint8_t>(counterpart), e, a.source);
    }
  }
  if ((form_bits & kNounPlural) && light == kNone && !definite && !has_agent) effects |= kEffGeneric;
  if ((form_bits & kNounPlural) && light == kNone && np.det == kNone && np.poss_pron != kNone) effects |= kEffGeneric;

  // An implicit agent for a framed or anaphoric noun: the subject of its sentence.
  if (!has_agent && (m.framed || m.anaphoric || np.det == kNone || Is(np.det, "a") || Is(np.det, "an")) &&
      !td.frame.slots[kSlotSubject].empty() && light == kNone && status_verb == kNone) {
    Actors a = FindSubject(np.begin, AgentMask(td, td.frame.slots[kSlotSubject]));
    // "A and B failed to agree during talks in Osaka": a pair's talks are told here.
    const bool pair_talks = meeting_like && m.framed && !m.anaphoric && a.entities.size() >= 2 &&
                            a.source == FillSource::kDirect;
    for (uint32_t e : a.entities) {
      AddFill(&m, td.frame.slots[kSlotSubject], e, pair_talks ? FillSource::kCoordinated : FillSource::kContext);
    }
    if (pair_talks) m.framed = false;
  }

  ApplyStatus(&m, light != kNone ? verb_bits : 0, light != kNone && light > sb && Is(light - 1, "to"), effects);
  if (light == kNone && status_verb == kNone && !(effects & (kEffPlanned | kEffUncertain | kEffPostponed |
                                                              kEffCancelled | kEffDenied))) {
    m.status_explicit = false;
  }
  if (effects & kEffLater) m.later = true;
  if (purpose_of >= 0 && !(effects & status_effects)) {
    const EventMention& v = out_[purpose_of];
    m.status = v.status;
    m.status_explicit = v.status_explicit;
    m.future = v.future;
    m.past_plan = v.past_plan;
  }

  if (light != kNone) {
    uint32_t date_limit = post_cue != kNone ? post_cue : se;
    if (complement != kNone && complement < date_limit) date_limit = complement;
    DateFromClause(&m, light, date_limit, light > sb && Is(light - 1, "to"));
  } else if (status_verb != kNone) {
    // "scrapped a planned visit to Denmark on Tuesday": Tuesday dates the
    // scrapping; only "planned for <date>" dates the visit.
    for (uint32_t t = np_end; t + 1 < se && t < np_end + 4; ++t) {
      if (Is(t, "for") && TimexAt(t + 1) >= 0 && !TimexExcluded(TimexAt(t + 1), begin, end)) {
        AddDateList(&m, TimexAt(t + 1));
        break;
      }
    }
  } else {
    DateFromNoun(&m, np, np_end, post_cue);
    if (purpose_of >= 0 && m.dates.empty()) m.dates = out_[purpose_of].dates;
  }
  if ((effects & kEffSeparate) && m.roles.size() > fills_before_scan + 1) {
    // "separate meetings with A and B": one event with each of them.
    std::vector<RoleFill> shared(m.roles.begin(), m.roles.begin() + static_cast<long>(fills_before_scan));
    std::vector<RoleFill> each(m.roles.begin() + static_cast<long>(fills_before_scan), m.roles.end());
    for (const RoleFill& f : each) {
      if (f.role != agent) shared.push_back(f);
    }
    for (const RoleFill& f : each) {
      if (f.role != agent) continue;
      EventMention one = m;
      one.roles.assign(shared.begin(), shared.end());
      one.roles.push_back(f);
      Finish(std::move(one), effects);
    }
    return;
  }
  Finish(std::move(m), effects);
}

// "at the invitation of Trong, who extended it in March": the pronoun stands
// for the noun just told, and its clause dates it.
void Analyzer::AnalyzeLightVerbIt(uint32_t verb_begin, uint32_t verb_end, int verb) {
  const uint32_t s = doc_.tokens[verb_begin].sentence;
  for (int64_t i = static_cast<int64_t>(out_.size()) - 1; i >= 0; --i) {
    const EventMention& prev = out_[i];
    if (prev.sentence != s) break;
    const TriggerDef& td = schema_.triggers()[prev.trigger];
    if (!td.noun || std::find(td.light_verbs.begin(), td.light_verbs.end(), verb) == td.light_verbs.end()) continue;
    EventMention m;
    m.trigger = prev.trigger;
    m.type = prev.type;
    m.sentence = s;
    m.tok_begin = verb_begin;
    m.tok_end = verb_end + 1;
    m.anchor = verb_begin;
    m.nominal = true;
    m.light_verb = true;
    m.anaphoric = true;
    m.trigger_span = Span{doc_.tokens[verb_begin].span.begin, doc_.tokens[verb_end].span.end};
    const RoleList& subj = td.frame.slots[kSlotSubject];
    Actors a = FindSubject(verb_begin, AgentMask(td, subj));
    for (uint32_t e : a.entities) AddFill(&m, subj, e, a.source);
    PrepareSentence(s);
    uint32_t post_cue;
    uint32_t effects = CollectEffects(m, verb_begin, verb_begin, &post_cue);
    ApplyStatus(&m, kFormPast, false, effects);
    DateFromClause(&m, verb_begin, SentEnd(s));
    Finish(std::move(m), effects);
    return;
  }
}

void Analyzer::Run(bool skip_without_triggers) {
  out_.clear();
  if (skip_without_triggers && !MayHoldTrigger()) return;
  BuildView();
  // Nouns that can only refer back ("the deal") wait until an event of
  // their type is found: most documents never need them.
  std::vector<DeferredNoun>& deferred = deferred_;
  deferred.clear();
  for (const uint32_t t : form_starts_) {  // BuildView() kept the few that may start a form
    const WordInfo* w = Info(t);
    if (MentionAt(t) >= 0 || taken_[t]) continue;
    const uint32_t se = SentEnd(doc_.tokens[t].sentence);
    // The longest form starting here wins; verbs and nouns both get a chance.
    struct Candidate {
      uint16_t trigger;
      uint8_t bits;
      uint32_t end;
      bool noun;
    };
    Candidate cands[16];
    int nc = 0;
    uint32_t longest = 0;
    for (const FormRef& f : w->forms) {
      if (f.kind == FormRef::kInstrument) continue;
      uint32_t len = MatchForm(f, t, se);
      if (len == 0) continue;
      if (f.kind == FormRef::kVerb) {
        const auto& trig = lex_.TriggersOfVerb(f.id);
        if (trig.empty() && len > 0 && t + len < se && Is(t + len, "it")) {
          AnalyzeLightVerbIt(t, t + len, f.id);
          continue;
        }
        for (uint16_t tr : trig) {
          if (nc < 16) cands[nc++] = Candidate{tr, f.bits, t + len, false};
        }
      } else if (nc < 16) {
        cands[nc++] = Candidate{f.id, f.bits, t + len, true};
      }
      longest = std::max(longest, len);
    }
    for (int c = 0; c < nc; ++c) {
      if (cands[c].end != t + longest) continue;
      // A multi-token trigger inside a name ("Group of Seven summit" is fine; "Washington Declaration" not).
      bool inside = false;
      for (uint32_t k = t; k < cands[c].end; ++k) {
        if (MentionAt(k) >= 0) inside = true;
      }
      if (inside) continue;
      if (cands[c].noun && (schema_.triggers()[cands[c].trigger].guards & kGuardNoBare)) {
        deferred.push_back(DeferredNoun{cands[c].trigger, cands[c].bits, t, cands[c].end});
        break;
      }
      const size_t before = out_.size();
      if (cands[c].noun) AnalyzeNoun(cands[c].trigger, cands[c].bits, t, cands[c].end);
      else AnalyzeVerb(cands[c].trigger, cands[c].bits, t, cands[c].end);
      if (out_.size() > before) break;  // one mention per trigger word
    }
  }
  if (!deferred.empty()) {
    const size_t first = out_.size();
    for (const DeferredNoun& d : deferred) {
      bool wanted = false;
      for (size_t i = 0; i < first; ++i) wanted |= out_[i].type == schema_.triggers()[d.trigger].type;
      if (wanted && !taken_[d.begin]) AnalyzeNoun(d.trigger, d.bits, d.begin, d.end);
    }
    if (out_.size() > first) {
      // Back to text order; group links follow the mentions they name.
      std::vector<uint32_t> order(out_.size());
      for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](uint32_t a, uint32_t b) { return out_[a].tok_begin < out_[b].tok_begin; });
      std::vector<int> where(out_.size());
      for (uint32_t i = 0; i < order.size(); ++i) where[order[i]] = static_cast<int>(i);
      std::vector<EventMention> sorted;
      sorted.reserve(out_.size());
      for (uint32_t i : order) {
        sorted.push_back(std::move(out_[i]));
        if (sorted.back().group_source >= 0) sorted.back().group_source = where[sorted.back().group_source];
      }
      out_ = std::move(sorted);
    }
  }
}

}  // namespace

std::string EventDateFromTimex(std::string_view v) {
  size_t cut = v.find('T');
  if (cut != std::string_view::npos) v = v.substr(0, cut);
  if (v.size() < 4 || !IsDigit(v[0]) || !IsDigit(v[1]) || !IsDigit(v[2]) || !IsDigit(v[3])) return "";
  if (v.size() == 4) return std::string(v);
  if (v[4] != '-') return "";
  std::string_view rest = v.substr(5);
  auto digits = [](std::string_view s) {
    for (char c : s) {
      if (!IsDigit(c)) return false;
    }
    return !s.empty();
  };
  if (rest.size() == 2 && digits(rest)) return std::string(v);
  if (rest.size() == 5 && digits(rest.substr(0, 2)) && rest[2] == '-' && digits(rest.substr(3))) return std::string(v);
  if (rest.size() == 3 && rest[0] == 'W' && digits(rest.substr(1))) return std::string(v);
  if (rest.size() == 2 && rest[0] == 'Q' && digits(rest.substr(1))) return std::string(v);
  if (rest.size() > 3 && rest[0] == 'W' && rest[3] == '-') return std::string(v.substr(0, 8));  // 2024-W25-3
  return "";
}

void MentionFinder::Find(const Document& doc, std::vector<EventMention>* out) const {
  thread_local Scratch scratch;
  Analyzer a(lex_, doc, scratch, out);
  a.Run(skip_without_triggers_);
}

std::vector<EventMention> MentionFinder::Find(const Document& doc) const {
  std::vector<EventMention> out;
  Find(doc, &out);
  return out;
}

}  // namespace newsgraph::events
