#include "extractor/timex/timex_tagger.h"

#include <algorithm>
#include <string>
#include <vector>

#include "extractor/core/civil_date.h"
#include "extractor/core/token_map.h"

namespace newsgraph::timex {
namespace {

// How far a tense marker may be from its timex, in tokens.
constexpr uint32_t kTenseBefore = 20;
constexpr uint32_t kTenseAfter = 10;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsBeForm(std::string_view w) {
  return w == "is" || w == "are" || w == "am" || w == "was" || w == "were" || w == "be" || w == "been" ||
         w == "being" || w == "has" || w == "have" || w == "had";
}

// Numbers that can be (part of) a time expression on their own: years
// ("1998", also inside "2024-06-19" and "6/19/2024"), decades ("1990s",
// "80s"), clock times ("10:30", "10am"), compact dates ("20240619").
bool IsNumberTrigger(std::string_view t) {
  size_t digits = 0;
  while (digits < t.size() && IsDigit(t[digits])) ++digits;
  if (digits == 0) return false;
  std::string_view rest = t.substr(digits);
  if (rest.empty()) {
    return (digits == 4 && (t[0] == '1' || t[0] == '2')) || (digits == 8 && (t[0] == '1' || t[0] == '2'));
  }
  if (rest[0] == ':') return true;
  if (rest == "s" || rest == "'s") return digits == 2 || digits == 4;
  if (rest == "am" || rest == "pm" || rest == "a.m" || rest == "p.m" || rest == "h" || rest == "hrs") return true;
  return false;
}

// The value and mod of matches whose programs read nothing of their
// context, remembered per thread under RuleSet::MatchKey: they follow from
// the rule and the matched text alone (the captures are the rule's groups
// in that text), and "24 years", "every year" or "June 19, 2024" recur
// across a feed.
// The values that read the publication date or the clause's tense but
// nothing of the timex's place ("on Monday", "last year") are remembered
// too, in a memo of their own whose keys also hold the date and the tense:
// a document repeats them, and a feed's documents share dates.
class ValueMemo {
 public:
  struct Known {
    ValueResult value, mod;
  };
  static ValueMemo& ForThisThread() {
    thread_local ValueMemo memo;
    return memo;
  }
  static ValueMemo& DatedForThisThread() {
    thread_local ValueMemo memo;
    return memo;
  }
  // The remembered results, or nullptr; valid until the next Put or PutDated
  // on this memo.
  const Known* Get(std::string_view key) const {
    const uint32_t* hit = entries_.Find(key);
    return hit == nullptr ? nullptr : &known_[*hit];
  }
  // Remembers the results under `key` if neither read any context
  // (`has_mod` false: the rule has no mod program).
  void Put(std::string_view key, const ValueResult& value, bool has_mod, const ValueResult& mod) {
    if (!value.context_free || (has_mod && !mod.context_free)) return;
    Add(key, value, mod);
  }
  // Remembers the results under `key` if neither read the earlier timexes
  // or the sentence.
  void PutDated(std::string_view key, const ValueResult& value, bool has_mod, const ValueResult& mod) {
    if (!value.place_free || (has_mod && !mod.place_free)) return;
    if (value.context_free && (!has_mod || mod.context_free)) return;  // in the other memo
    Add(key, value, mod);
  }

 private:
  void Add(std::string_view key, const ValueResult& value, const ValueResult& mod) {
    if (known_.size() >= kEntries) {
      entries_.Clear();
      known_.clear();
    }
    if (entries_.Insert(key, static_cast<uint32_t>(known_.size()))) known_.push_back(Known{value, mod});
  }

  static constexpr size_t kEntries = 1 << 14;
  TokenMap entries_;  // key -> index into known_
  std::vector<Known> known_;
};

}  // namespace

Result<std::unique_ptr<TimexTagger>> TimexTagger::Create(const StageConfig& config) {
  ASSIGN_OR_RETURN(RuleSet rules, RuleSet::Load(config.DataPath("extractor/timex/rules")));
  return std::unique_ptr<TimexTagger>(new TimexTagger(std::move(rules)));
}

TimexTagger::TimexTagger(RuleSet rules)
    : rules_(std::move(rules)),
      tense_words_(rules_.lexicon().Class("tense")),
      function_words_(rules_.lexicon().Class("function")),
      adverbs_(rules_.lexicon().Class("adverb")) {
  if (tense_words_ == nullptr) return;
  for (size_t i = 0; i < tense_words_->words.size(); ++i) {
    tense_index_.Insert(tense_words_->words[i], static_cast<uint32_t>(TenseClassOf(&tense_words_->values[i])));
  }
}

// Runs on every token: inline in the scan loop of Process.
inline RuleSet::TriggerWindow TimexTagger::Trigger(const Document& doc, const Token& token) const {
  if ((token.flags & (kTokWord | kTokNumber)) == 0) return RuleSet::TriggerWindow();
  std::string_view t(doc.folded.data() + token.span.begin, token.span.end - token.span.begin);
  if (token.Has(kTokNumber)) return IsNumberTrigger(t) ? rules_.number_window() : RuleSet::TriggerWindow();
  return rules_.TriggerWord(t);
}

TimexTagger::TenseClass TimexTagger::TenseClassOf(const std::string* value) {
  if (value == nullptr) return TenseClass::kAbsent;
  static constexpr std::pair<std::string_view, TenseClass> kNames[] = {
      {"past", TenseClass::kPast},
      {"present", TenseClass::kPresent},
      {"future", TenseClass::kFuture},
      {"future_to", TenseClass::kFutureTo},
      {"future_unless_to", TenseClass::kFutureUnlessTo},
      {"det", TenseClass::kDet},
      {"be", TenseClass::kBe},
      {"clause", TenseClass::kClause},
  };
  for (const auto& [name, cls] : kNames) {
    if (*value == name) return cls;
  }
  return TenseClass::kOther;
}

TimexTagger::TenseClass TimexTagger::TenseOfWord(std::string_view w) const {
  // A token holds no white space, so only a final '.' makes Lexicon::Find
  // try more than the word itself ("sept." and "sept").
  if (w.empty() || w.back() == '.') return TenseClassOf(Lexicon::Find(tense_words_, w));
  const uint32_t* cls = tense_index_.Find(w);
  return cls == nullptr ? TenseClass::kAbsent : static_cast<TenseClass>(*cls);
}

// The nearest tense marker before (preferred on a tie) or after the timex
// in its sentence. A marker right after a determiner is an adjective or a
// noun ("a planned visit", "the past"); a participle right after a form of
// "be" takes its tense from the auxiliary ("will be signed").
Tense TimexTagger::ClauseTense(const Document& doc, uint32_t first_token, uint32_t end_token,
                               std::vector<TenseClass>* tense_classes) const {
  const Sentence& sent = doc.sentences[doc.tokens[first_token].sentence];
  auto word_class = [&](uint32_t k) {
    TenseClass& cls = (*tense_classes)[k];
    if (cls != TenseClass::kUnseen) return cls;
    const Token& t = doc.tokens[k];
    // Tense words are lower case, but for the first of a sentence.
    cls = !t.Has(kTokWord) || (!t.Has(kTokLower) && !t.Has(kTokSentenceStart))
              ? TenseClass::kAbsent
              : TenseOfWord(doc.Folded(t.span));
    return cls;
  };
  auto marker = [&](uint32_t k, Tense* out) {
    const Token& t = doc.tokens[k];
    if (!t.Has(kTokWord) || (!t.Has(kTokLower) && !t.Has(kTokSentenceStart))) return false;
    std::string_view w = doc.Folded(t.span);
    const TenseClass cls = word_class(k);
    bool participle = false;
    Tense tense;
    if (cls != TenseClass::kAbsent) {
      if (cls == TenseClass::kPast) tense = Tense::kPast;
      else if (cls == TenseClass::kFuture) tense = Tense::kFuture;
      else if (cls == TenseClass::kPresent) tense = Tense::kPresent;
      else if (cls == TenseClass::kFutureTo && k + 1 < sent.token_end && doc.Folded(doc.tokens[k + 1].span) == "to")
        tense = Tense::kFuture;  // "is expected to", "is due to"
      else if (cls == TenseClass::kFutureUnlessTo &&
               !(k + 1 < sent.token_end && doc.Folded(doc.tokens[k + 1].span) == "to"))
        tense = Tense::kFuture;  // "next", but not the place "next to the embassy"
      else return false;  // det, be, none; future_to without "to"
    } else if (w.size() >= 5 && w.substr(w.size() - 2) == "ed" && t.Has(kTokLower)) {
      // An adjective, not a verb, between a determiner or an adverb and a
      // content word: "a still unspecified date", "the newly elected mayor".
      if (k + 1 < sent.token_end && k > sent.token_begin) {
        const Token& next = doc.tokens[k + 1];
        std::string_view prev = doc.Folded(doc.tokens[k - 1].span);
        bool modifier_before = word_class(k - 1) == TenseClass::kDet || Lexicon::Find(adverbs_, prev) != nullptr ||
                               (prev.size() > 4 && prev.substr(prev.size() - 2) == "ly");
        if (modifier_before && next.Has(kTokWord) && next.Has(kTokLower) && next.Has(kTokSpaceBefore) &&
            Lexicon::Find(function_words_, doc.Folded(next.span)) == nullptr) {
          return false;
        }
      }
      tense = Tense::kPast;
      participle = true;
    } else {
      return false;
    }
    if (k > sent.token_begin) {
      const TenseClass prev = word_class(k - 1);
      if (prev == TenseClass::kDet) return false;
      // "will be paid", "was held": the auxiliary carries the tense.
      if ((participle || tense == Tense::kPast) &&
          (prev == TenseClass::kBe ||
           ((prev == TenseClass::kPresent || prev == TenseClass::kPast) &&
            IsBeForm(doc.Folded(doc.tokens[k - 1].span))))) {
        return false;
      }
    }
    *out = tense;
    return true;
  };
  // "Wednesday's ruling": a day whose event is named is past (or today).
  if (end_token < sent.token_end) {
    std::string_view next = doc.Folded(doc.tokens[end_token].span);
    if (next == "'s" || next == "\xE2\x80\x99s") return Tense::kPast;
  }
  Tense before = Tense::kUnknown, after = Tense::kUnknown;
  uint32_t before_dist = UINT32_MAX, after_dist = UINT32_MAX;
  // A quotation mark or a bracket ends the clause: in `"... at 4 a.m.
  // Thursday," Castro said` the reporting verb is not the clause's.
  auto boundary = [&](uint32_t k) {
    std::string_view t = doc.Folded(doc.tokens[k].span);
    return t == "\"" || t == "'" || t == "`" || t == "(" || t == ")" || t == ";" || t == "\xE2\x80\x9C" ||
           t == "\xE2\x80\x9D";
  };
  // A relative pronoun or a conjunction starts another clause: in "signed
  // on Tuesday under which Rwanda will withdraw", "will" is not Tuesday's.
  auto clause_start = [&](uint32_t k) {
    return word_class(k) == TenseClass::kClause;
  };
  // Only lower-case words (or a sentence's first) can mark tense; only
  // punctuation and clause words can end the clause.
  constexpr uint16_t kCandidate = kTokLower | kTokSentenceStart;
  for (uint32_t k = first_token; k > sent.token_begin && first_token - k < kTenseBefore;) {
    --k;
    const uint16_t f = doc.tokens[k].flags;
    if (f & kTokPunct) {
      if (boundary(k)) break;
      continue;
    }
    if ((f & kTokWord) == 0 || (f & kCandidate) == 0) continue;
    if (clause_start(k)) break;
    if (marker(k, &before)) {
      before_dist = first_token - k;
      break;
    }
  }
  for (uint32_t k = end_token; k < sent.token_end && k - end_token < kTenseAfter; ++k) {
    const uint16_t f = doc.tokens[k].flags;
    if (f & kTokPunct) {
      if (boundary(k)) break;
      continue;
    }
    if ((f & kTokWord) == 0 || (f & kCandidate) == 0) continue;
    if (clause_start(k)) break;
    if (marker(k, &after)) {
      after_dist = k - end_token + 1;
      break;
    }
  }
  if (before_dist == UINT32_MAX && after_dist == UINT32_MAX) return Tense::kUnknown;
  return before_dist <= after_dist ? before : after;
}

Status TimexTagger::Process(Document* doc) const {
  doc->timexes.clear();
  doc->layers |= kLayerTimexes;
  if (doc->tokens.empty()) return Status::Ok();
  if (doc->folded.size() != doc->text.size()) {
    return InvalidArgument("timex: document has no folded text; run the segment stage first");
  }
  const std::string_view text(doc->text), folded(doc->folded);
  std::optional<CivilDate> published;
  if (!doc->published.empty()) published = ParsePublicationDate(doc->published);

  MatchScratch scratch;
  std::vector<uint32_t> starts;  // token starts of the current window
  std::vector<RuleMatch> matches;
  std::vector<uint32_t> order;
  std::vector<EarlierPoint> earlier;
  std::vector<std::string_view> captures;
  std::vector<TenseClass> tense_classes;  // see ClauseTense
  std::string memo_key;                   // see RuleSet::MatchKey
  // The publication date as the dated memo's keys end with it: always
  // seven bytes, so that no key is another's with a different date.
  const CivilDate no_date{0, 0, 0};
  const CivilDate& date = published ? *published : no_date;
  std::string published_key(1, published ? 'p' : '-'), dated_key;
  published_key.append(reinterpret_cast<const char*>(&date.year), sizeof date.year);
  published_key.push_back(static_cast<char>(date.month));
  published_key.push_back(static_cast<char>(date.day));
  struct Accepted {
    uint32_t match;
    uint32_t end;  // the extent's end after trimming a sentence-final period
    ValueResult value;
    ValueResult mod;
  };
  std::vector<Accepted> accepted;

  // First and one-past-last token of a byte range inside sentence `s`.
  auto token_range = [&](const Sentence& s, uint32_t begin, uint32_t end) {
    auto first = std::lower_bound(doc->tokens.begin() + s.token_begin, doc->tokens.begin() + s.token_end, begin,
                                  [](const Token& t, uint32_t b) { return t.span.end <= b; });
    auto last = std::lower_bound(first, doc->tokens.begin() + s.token_end, end,
                                 [](const Token& t, uint32_t e) { return t.span.begin < e; });
    return std::make_pair(static_cast<uint32_t>(first - doc->tokens.begin()),
                          static_cast<uint32_t>(last - doc->tokens.begin()));
  };
  // The value and mod of a typed match, or false when a cap= group is not
  // capitalised. One key per match serves the capture memo and both value
  // memos. A value remembered without context needs no groups (nor clause
  // tense): they are searched for only to check the cap= groups then.
  ValueMemo& memo = ValueMemo::ForThisThread();
  ValueMemo& dated = ValueMemo::DatedForThisThread();
  auto value_of = [&](const RuleMatch& m, uint32_t s, Accepted* out) {
    const TimexRule& rule = rules_.rule(m.rule);
    rules_.MatchKey(folded, m, &memo_key);
    const ValueMemo::Known* known = memo.Get(memo_key);
    if ((known == nullptr || !rule.capitalized_groups.empty()) &&
        !rules_.Captures(text, folded, m, memo_key, &captures)) {
      return false;
    }
    if (known != nullptr) {
      out->value = known->value;
      out->mod = known->mod;
      return true;
    }
    ValueContext ctx;
    ctx.published = published;
    ctx.earlier = &earlier;
    ctx.sentence = s;
    if (rule.value.uses_tense()) {
      auto [first, end] = token_range(doc->sentences[s], m.begin, m.end);
      if (first < end) {
        if (tense_classes.empty()) tense_classes.assign(doc->tokens.size(), TenseClass::kUnseen);
        ctx.tense = ClauseTense(*doc, first, end, &tense_classes);
      }
    }
    dated_key.assign(memo_key);
    dated_key.append(published_key);
    dated_key.push_back(static_cast<char>(ctx.tense));
    if (const ValueMemo::Known* dated_known = dated.Get(dated_key)) {
      out->value = dated_known->value;
      out->mod = dated_known->mod;
      return true;
    }
    out->value = rule.value.Evaluate(captures, rules_.lexicon(), ctx);
    if (!rule.mod.empty()) out->mod = rule.mod.Evaluate(captures, rules_.lexicon(), ctx);
    memo.Put(memo_key, out->value, !rule.mod.empty(), out->mod);
    dated.PutDated(dated_key, out->value, !rule.mod.empty(), out->mod);
    return true;
  };

  auto run_window = [&](uint32_t s, uint32_t lo, uint32_t hi, uint32_t last_trigger) {
    const Sentence& sent = doc->sentences[s];
    const uint32_t window_end = doc->tokens[hi].span.end;
    matches.clear();
    starts.clear();
    // A time expression starts at a word or a number, or at a sign that a
    // rule names ("'90s", "$2000"), and at latest at the window's last
    // trigger: every rule's match holds a trigger.
    for (uint32_t k = lo; k <= last_trigger; ++k) {
      const Token& t = doc->tokens[k];
      if (t.Has(kTokPunct)) {
        unsigned char c = static_cast<unsigned char>(folded[t.span.begin]);
        if (c != '\'' && c != '$' && c != '#' && c < 0x80) continue;
      } else if (t.Has(kTokWord) && !rules_.MayStartAt(folded, t.span.begin, t.span.end, window_end)) {
        continue;  // a word no rule begins with here: a name, a verb...
      }
      starts.push_back(t.span.begin);
    }
    rules_.FindMatches(folded, window_end, starts, &scratch, &matches);
    if (matches.empty()) return;
    order.resize(matches.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      const RuleMatch& x = matches[a];
      const RuleMatch& y = matches[b];
      if (x.end - x.begin != y.end - y.begin) return x.end - x.begin > y.end - y.begin;
      bool x_none = !rules_.rule(x.rule).type.has_value(), y_none = !rules_.rule(y.rule).type.has_value();
      if (x_none != y_none) return x_none;
      if (x.context() != y.context()) return x.context() > y.context();  // a rule that checked context is surer
      if (x.rule != y.rule) return x.rule < y.rule;
      return x.begin < y.begin;
    });
    accepted.clear();
    for (uint32_t i : order) {
      const RuleMatch& m = matches[i];
      bool overlaps = false;
      for (const Accepted& a : accepted) {
        if (m.begin < matches[a.match].end && matches[a.match].begin < m.end) overlaps = true;
      }
      if (overlaps) continue;
      // A failed cap= check or a value that does not hold (31 February)
      // lets the next candidate in. A NONE rule without cap= flags blocks
      // whatever its groups hold: its groups are not looked for.
      const TimexRule& rule = rules_.rule(m.rule);
      Accepted a;
      a.match = i;
      a.end = m.end;
      if (a.end == sent.span.end && a.end - m.begin > 1 && text[a.end - 1] == '.') --a.end;
      if (rule.type) {
        if (!value_of(m, s, &a) || a.value.outcome == ValueResult::Outcome::kReject) continue;
      } else if (!rule.capitalized_groups.empty() && !rules_.Captures(text, folded, m, &captures)) {
        continue;
      }
      accepted.push_back(std::move(a));
    }
    // In text order (accepted extents never overlap): an index is sorted,
    // the records (two values each) stay where they are.
    order.resize(accepted.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return matches[accepted[a].match].begin < matches[accepted[b].match].begin;
    });
    for (uint32_t k : order) {
      Accepted& a = accepted[k];
      const RuleMatch& m = matches[a.match];
      const TimexRule& rule = rules_.rule(m.rule);
      if (!rule.type) continue;
      if (rule.value.uses_earlier() && accepted.size() > 1) {
        // Again, in text order: an earlier timex of this window may anchor it.
        if (!value_of(m, s, &a) || a.value.outcome == ValueResult::Outcome::kReject) continue;
      }
      ValueResult& value = a.value;
      const int32_t index = static_cast<int32_t>(doc->timexes.size());
      Timex& t = doc->timexes.emplace_back();  // built in place: four strings
      t.span = Span{m.begin, a.end};
      t.sentence = s;
      t.type = *rule.type;
      t.resolved = value.outcome == ValueResult::Outcome::kValue;
      t.value = std::move(value.value);
      if (a.mod.outcome == ValueResult::Outcome::kValue) t.mod = std::move(a.mod.value);
      t.rule = rule.id;
      t.anchor = t.resolved ? value.anchor : TimexAnchor::kNone;
      t.anchor_timex = t.resolved ? value.anchor_timex : -1;
      if (t.resolved && (t.type == TimexType::kDate || t.type == TimexType::kTime)) {
        std::string_view v = t.value;
        if (v.size() > 3 && v.substr(v.size() - 3) == "-WE") v.remove_suffix(3);  // a weekend: its week
        if (auto p = ParseTimePoint(v)) {
          t.date = EventDate(*p, v);
          earlier.push_back(EarlierPoint{std::move(*p), index, s, value.derived});
        }
      }
    }
  };

  for (uint32_t s = 0; s < doc->sentences.size(); ++s) {
    const Sentence& sent = doc->sentences[s];
    if (sent.token_end <= sent.token_begin) continue;
    int64_t lo = -1, hi = -1;
    uint32_t last = 0;  // the window's last trigger
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) {
      RuleSet::TriggerWindow w = Trigger(*doc, doc->tokens[i]);
      if (!w.ok()) continue;
      int64_t a = i >= sent.token_begin + w.before ? i - w.before : sent.token_begin;
      int64_t b = std::min<int64_t>(sent.token_end - 1, int64_t{i} + w.after);
      if (lo >= 0 && a <= hi + 1) {
        hi = std::max(hi, b);
        last = i;
        continue;
      }
      if (lo >= 0) run_window(s, static_cast<uint32_t>(lo), static_cast<uint32_t>(hi), last);
      lo = a;
      hi = b;
      last = i;
    }
    if (lo >= 0) run_window(s, static_cast<uint32_t>(lo), static_cast<uint32_t>(hi), last);
  }
  return Status::Ok();
}

}  // namespace newsgraph::timex
