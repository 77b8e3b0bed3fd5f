#include "extractor/events/lexicon.h"

#include <atomic>

#include "extractor/core/tsv_reader.h"

namespace newsgraph::events {
namespace {

constexpr std::string_view kCurlyApostrophe = "\xE2\x80\x99";

struct NamedBit {
  const char* name;
  uint64_t bit;
};

constexpr NamedBit kClassNames[] = {
    {"det", kWcDet},           {"poss", kWcPoss},           {"subj_pron", kWcSubjPron},
    {"obj_pron", kWcObjPron},  {"rel", kWcRel},             {"sub", kWcSub},
    {"conj", kWcConj},         {"prep", kWcPrep},           {"loc_prep", kWcLocPrep},
    {"topic_prep", kWcTopicPrep}, {"excl_prep", kWcExclPrep}, {"be", kWcBe},
    {"have", kWcHave},         {"do", kWcDo},               {"modal", kWcModal},
    {"neg", kWcNeg},           {"adv", kWcAdv},             {"title", kWcTitle},
    {"role_noun", kWcRoleNoun}, {"group_noun", kWcGroupNoun}, {"place_noun", kWcPlaceNoun},
    {"place_adj", kWcPlaceAdj}, {"measure", kWcMeasure},     {"ordinal", kWcOrdinal},
    {"clause_verb", kWcClauseVerb}, {"weekday", kWcWeekday},     {"numeral", kWcNumeral},
    {"not_adv", kWcNotAdv},     {"occasion", kWcOccasion},   {"event_pred", kWcEventPred},
    {"kin", kWcKin},            {"join_verb", kWcJoin},
};

constexpr NamedBit kEffectNames[] = {
    {"planned", kEffPlanned},     {"uncertain", kEffUncertain}, {"conditional", kEffConditional},
    {"occurred", kEffOccurred},   {"denied", kEffDenied},       {"cancelled", kEffCancelled},
    {"postponed", kEffPostponed}, {"negated", kEffNegated},     {"request", kEffRequest},
    {"generic", kEffGeneric},     {"remote", kEffRemote},       {"later", kEffLater},
    {"anaphoric", kEffAnaphoric}, {"separate", kEffSeparate}, {"attested", kEffAttested},
};

int BitIndex(uint64_t bit) {
  int i = 0;
  while (bit > 1) {
    bit >>= 1;
    ++i;
  }
  return i;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// "didn’t" -> "didn't"; nullopt-like empty when unchanged.
bool NormalizeApostrophe(std::string_view in, std::string* out) {
  if (in.find(kCurlyApostrophe) == std::string_view::npos) return false;
  out->clear();
  for (size_t i = 0; i < in.size();) {
    if (in.compare(i, kCurlyApostrophe.size(), kCurlyApostrophe) == 0) {
      out->push_back('\'');
      i += kCurlyApostrophe.size();
    } else {
      out->push_back(in[i++]);
    }
  }
  return true;
}

}  // namespace

ClassBits WordClassFromName(std::string_view name) {
  for (const NamedBit& n : kClassNames) {
    if (name == n.name) return n.bit;
  }
  return 0;
}

uint32_t CueEffectFromName(std::string_view name) {
  for (const NamedBit& n : kEffectNames) {
    if (name == n.name) return static_cast<uint32_t>(n.bit);
  }
  return 0;
}

std::vector<std::string> Lexicon::SplitForm(std::string_view form) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(std::move(cur));
    cur.clear();
  };
  for (char c : form) {
    if (c == ' ') {
      flush();
    } else if (c == '-' || c == '/') {
      flush();
      out.emplace_back(1, c);
    } else {
      cur.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
  }
  flush();
  return out;
}

const WordInfo* Lexicon::LookupCurly(std::string_view folded) const {
  // Only tokens holding a curly apostrophe need a second probe.
  if (folded.size() < 3 || folded.find('\xE2') == std::string_view::npos) return nullptr;
  char buf[64];
  size_t n = 0;
  for (size_t i = 0; i < folded.size() && n < sizeof(buf);) {
    if (folded.compare(i, kCurlyApostrophe.size(), kCurlyApostrophe) == 0) {
      buf[n++] = '\'';
      i += kCurlyApostrophe.size();
    } else {
      buf[n++] = folded[i++];
    }
  }
  const uint32_t* v = map_.Find(std::string_view(buf, n));
  return v != nullptr ? &infos_[*v] : nullptr;
}

WordInfo* Lexicon::Entry(std::string_view word) {
  std::string normalized;
  if (NormalizeApostrophe(word, &normalized)) word = normalized;
  if (const uint32_t* v = map_.Find(word)) return &infos_[*v];
  map_.Insert(word, static_cast<uint32_t>(infos_.size()));
  infos_.emplace_back();
  return &infos_.back();
}

Status Lexicon::LoadClasses(const std::string& path) {
  ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(path, {"word", "class"}));
  const int word = tsv.Column("word"), cls = tsv.Column("class");
  class_words_.assign(64, {});
  TsvRow row;
  while (tsv.Next(&row)) {
    std::string w = Lower(row.Get(word));
    if (w.empty()) return tsv.Error(row, "empty word");
    ClassBits bit = WordClassFromName(row.Get(cls));
    if (bit == 0) return tsv.Error(row, "unknown class '" + std::string(row.Get(cls)) + "'");
    Entry(w)->classes |= bit;
    class_words_[BitIndex(bit)].push_back(w);
  }
  return tsv.status();
}

Result<Pattern> Lexicon::ParsePattern(std::string_view text) const {
  Pattern p;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t j = text.find(' ', i);
    if (j == std::string_view::npos) j = text.size();
    std::string_view el = text.substr(i, j - i);
    i = j;
    if (el.empty()) continue;
    PatternElem e;
    if (el == "*") {
      e.kind = PatternElem::kAny;
    } else if (el == "**") {
      e.kind = PatternElem::kAnyUpTo3;
    } else if (el.front() == '@') {
      e.kind = PatternElem::kClass;
      e.classes = WordClassFromName(el.substr(1));
      if (e.classes == 0) return InvalidArgument("unknown word class '" + std::string(el) + "'");
    } else {
      e.kind = PatternElem::kWords;
      size_t a = 0;
      while (a <= el.size()) {
        size_t b = el.find('|', a);
        if (b == std::string_view::npos) b = el.size();
        std::string w = Lower(el.substr(a, b - a));
        std::string normalized;
        if (NormalizeApostrophe(w, &normalized)) w = normalized;
        if (w.empty()) return InvalidArgument("empty alternative in '" + std::string(el) + "'");
        e.words.push_back(std::move(w));
        a = b + 1;
      }
    }
    p.push_back(std::move(e));
  }
  if (p.empty()) return InvalidArgument("empty pattern");
  if (p.front().kind == PatternElem::kAny || p.front().kind == PatternElem::kAnyUpTo3) {
    return InvalidArgument("a pattern cannot start with * or **");
  }
  if (p.back().kind == PatternElem::kAny || p.back().kind == PatternElem::kAnyUpTo3) {
    return InvalidArgument("a pattern cannot end with * or **");
  }
  return p;
}

Status Lexicon::IndexPattern(const Pattern& p, bool cue, uint16_t id) {
  const PatternElem& first = p.front();
  auto add = [&](std::string_view w) {
    WordInfo* info = Entry(w);
    (cue ? info->cues : info->groups).push_back(id);
  };
  if (first.kind == PatternElem::kWords) {
    for (const std::string& w : first.words) add(w);
  } else {
    for (size_t b = 0; b < 64; ++b) {
      if ((first.classes & (1ull << b)) == 0) continue;
      for (const std::string& w : class_words_[b]) add(w);
    }
  }
  return Status::Ok();
}

void Lexicon::AssignIds(Pattern* p) {
  for (PatternElem& e : *p) {
    e.ids.clear();
    e.id_bits = 0;
    for (const std::string& w : e.words) {
      Entry(w);
      e.ids.push_back(*map_.Find(w));
      e.id_bits |= 1ull << (e.ids.back() & 63);
    }
  }
}

Status Lexicon::LoadCues(const std::string& path) {
  ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(path, {"id", "phrase", "effect", "scope"}));
  const int id = tsv.Column("id"), phrase = tsv.Column("phrase"), effect = tsv.Column("effect"),
            scope = tsv.Column("scope");
  TsvRow row;
  while (tsv.Next(&row)) {
    Cue c;
    c.id = std::string(row.Get(id));
    if (c.id.empty()) return tsv.Error(row, "empty id");
    Result<Pattern> p = ParsePattern(row.Get(phrase));
    if (!p.ok()) return tsv.Error(row, p.status().message());
    c.pattern = std::move(p).value();
    c.effect = CueEffectFromName(row.Get(effect));
    if (c.effect == 0) return tsv.Error(row, "unknown effect '" + std::string(row.Get(effect)) + "'");
    std::string_view s = row.Get(scope);
    if (s == "aux") c.scope = CueScope::kAux;
    else if (s == "np") c.scope = CueScope::kNp;
    else if (s == "gov") c.scope = CueScope::kGov;
    else if (s == "post") c.scope = CueScope::kPost;
    else if (s == "next") c.scope = CueScope::kNext;
    else if (s == "clause") c.scope = CueScope::kClause;
    else if (s == "sentence") c.scope = CueScope::kSentence;
    else if (s == "comp") c.scope = CueScope::kComp;
    else return tsv.Error(row, "unknown scope '" + std::string(s) + "'");
    if (cues_.size() >= 0xFFFF) return tsv.Error(row, "too many cues");
    RETURN_IF_ERROR(IndexPattern(c.pattern, true, static_cast<uint16_t>(cues_.size())));
    cues_.push_back(std::move(c));
  }
  return tsv.status();
}

Status Lexicon::LoadGroups(const std::string& path) {
  ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(path, {"id", "phrase", "kind"}));
  const int id = tsv.Column("id"), phrase = tsv.Column("phrase"), kind = tsv.Column("kind");
  TsvRow row;
  while (tsv.Next(&row)) {
    Group g;
    g.id = std::string(row.Get(id));
    if (g.id.empty()) return tsv.Error(row, "empty id");
    Result<Pattern> p = ParsePattern(row.Get(phrase));
    if (!p.ok()) return tsv.Error(row, p.status().message());
    g.pattern = std::move(p).value();
    std::string_view k = row.Get(kind);
    if (k == "persons") g.kind = GroupKind::kPersons;
    else if (k == "countries") g.kind = GroupKind::kCountries;
    else if (k == "any") g.kind = GroupKind::kAny;
    else if (k == "org") g.kind = GroupKind::kOrg;
    else return tsv.Error(row, "kind must be persons, countries, any or org");
    RETURN_IF_ERROR(IndexPattern(g.pattern, false, static_cast<uint16_t>(groups_.size())));
    const PatternElem& last = g.pattern.back();
    if (last.kind == PatternElem::kWords) {
      for (const std::string& w : last.words) Entry(w)->classes |= kWcGroupEnd;
    } else {
      for (size_t b = 0; b < 64; ++b) {
        if (last.classes & (1ull << b)) {
          for (const std::string& w : class_words_[b]) Entry(w)->classes |= kWcGroupEnd;
        }
      }
    }
    groups_.push_back(std::move(g));
  }
  return tsv.status();
}

void Lexicon::IndexForm(std::string_view surface, FormRef ref, ClassBits first_class) {
  std::vector<std::string> parts = SplitForm(surface);
  if (parts.empty()) return;
  WordInfo* info = Entry(parts[0]);
  info->classes |= first_class;
  for (const std::string& variant : {parts[0], std::string()}) {
    if (variant.empty()) continue;
    uint32_t k = FilterKey(variant);
    form_filter_[k >> 6] |= 1ull << (k & 63);
  }
  ref.rest.assign(parts.begin() + 1, parts.end());
  info->forms.push_back(std::move(ref));
}

// Only the adjectives of the entity stage's country gazetteer are read: they
// let "the Russian leader" and "the North Korean capital" name a country.
Status Lexicon::LoadAdjectives(const std::string& path) {
  ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(path, {"subtype", "country", "adjectives"}));
  const int subtype = tsv.Column("subtype"), country = tsv.Column("country"), adjectives = tsv.Column("adjectives");
  // A sovereign country wins an adjective over its territories ("American":
  // the United States, not the Minor Outlying Islands).
  std::unordered_map<std::string, bool> from_country;
  TsvRow row;
  while (tsv.Next(&row)) {
    const std::string_view code = row.Get(country), list = row.Get(adjectives);
    const bool sovereign = row.Get(subtype) == "country";
    if (code.empty() || list.empty()) continue;
    size_t pos = 0;
    while (pos <= list.size()) {
      size_t bar = list.find('|', pos);
      if (bar == std::string_view::npos) bar = list.size();
      std::string adj(list.substr(pos, bar - pos));
      pos = bar + 1;
      if (adj.empty()) continue;
      for (char& ch : adj) {
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      }
      auto rank = from_country.emplace(adj, sovereign).first;
      auto [it, inserted] = nation_adjectives_.emplace(std::move(adj), std::string(code));
      if (inserted || it->second == code || rank->second > sovereign) continue;
      if (sovereign && !rank->second) {
        rank->second = true;
        it->second = std::string(code);
      } else {
        it->second.clear();  // shared by equals: names no one country
      }
    }
  }
  return tsv.status();
}

std::string_view Lexicon::CountryOfAdjective(std::string_view folded) const {
  auto it = nation_adjectives_.find(std::string(folded));
  return it == nation_adjectives_.end() ? std::string_view() : std::string_view(it->second);
}

Result<Lexicon> Lexicon::Load(const StageConfig& config, EventSchema schema) {
  Lexicon lex;
  static std::atomic<uint64_t> next_instance{1};
  lex.instance_ = next_instance.fetch_add(1);
  lex.schema_ = std::move(schema);
  const std::string dir = config.DataPath("extractor/events/rules/");
  RETURN_IF_ERROR(lex.LoadClasses(dir + "word_classes.tsv"));
  RETURN_IF_ERROR(lex.LoadCues(dir + "cues.tsv"));
  RETURN_IF_ERROR(lex.LoadGroups(dir + "groups.tsv"));
  RETURN_IF_ERROR(lex.LoadAdjectives(config.DataPath("gazetteers/countries.tsv")));

  const EventSchema& s = lex.schema_;
  lex.verb_triggers_.assign(s.verbs().size(), {});
  std::vector<bool> light(s.verbs().size(), false);
  for (const TriggerDef& td : s.triggers()) {
    for (int v : td.light_verbs) light[v] = true;
    for (int v : td.host_verbs) light[v] = true;
  }
  for (size_t v = 0; v < s.verbs().size(); ++v) {
    for (const auto& [form, bits] : s.verbs()[v].forms) {
      lex.IndexForm(form, FormRef{FormRef::kVerb, static_cast<uint16_t>(v), bits, {}},
                    kWcVerbForm | (light[v] ? ClassBits{kWcLightVerb} : ClassBits{0}));
    }
  }
  for (size_t t = 0; t < s.triggers().size(); ++t) {
    const TriggerDef& td = s.triggers()[t];
    if (td.noun) {
      for (const auto& [form, bits] : td.noun_forms) {
        lex.IndexForm(form, FormRef{FormRef::kNounTrigger, static_cast<uint16_t>(t), bits, {}}, kWcTriggerNoun);
      }
    } else {
      lex.verb_triggers_[td.verb].push_back(static_cast<uint16_t>(t));
    }
  }
  // Word ids last: every word is in the map by now.
  for (Cue& c : lex.cues_) lex.AssignIds(&c.pattern);
  for (Group& g : lex.groups_) lex.AssignIds(&g.pattern);
  lex.negated_by_.assign(s.types().size(), 0);
  for (size_t ty = 0; ty < s.types().size(); ++ty) {
    for (const std::string& inst : s.types()[ty].instruments) {
      lex.IndexForm(inst, FormRef{FormRef::kInstrument, static_cast<uint16_t>(ty), 0, {}}, kWcInstrument);
    }
    for (const std::string& e : s.types()[ty].negated_by) {
      uint32_t bit = CueEffectFromName(e);
      if (bit == 0) {
        return DataError(config.DataPath("schemas/events.json") + ": type " + s.types()[ty].name +
                         ": unknown cue effect '" + e + "' in negated_by");
      }
      lex.negated_by_[ty] |= bit;
    }
  }
  for (WordInfo& w : lex.infos_) {
    if (!w.cues.empty() || (w.classes & (kWcRel | kWcSub))) w.starts |= kStartsClause;
    if (w.classes & (kWcVerbForm | kWcTriggerNoun)) w.starts |= kStartsForm;
    for (const FormRef& f : w.forms) {
      if (f.kind == FormRef::kNounTrigger || (f.kind == FormRef::kVerb && !lex.verb_triggers_[f.id].empty())) {
        w.starts |= kStartsTrigger;
      }
    }
    for (uint16_t c : w.cues) {
      const Pattern& p = lex.cues_[c].pattern;
      if (p.size() == 1 || p[1].kind == PatternElem::kAny || p[1].kind == PatternElem::kAnyUpTo3) {
        w.cue_next_any = true;
      } else if (p[1].kind == PatternElem::kWords) {
        w.cue_next_ids |= p[1].id_bits;
      } else {
        w.cue_next_classes |= p[1].classes;
      }
    }
  }
  // One- and two-byte words last: every word is in the map by now.
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    const WordInfo* w = lex.Lookup(std::string_view(&ch, 1));
    lex.byte_ids_[c] = w != nullptr ? lex.IdOf(w) : kNoId;
  }
  lex.pair_ids_.assign(128 * 128, kNoId);
  for (int c = 0; c < 128 * 128; ++c) {
    const char pair[2] = {static_cast<char>(c >> 7), static_cast<char>(c & 127)};
    const WordInfo* w = lex.Lookup(std::string_view(pair, 2));
    if (w != nullptr) lex.pair_ids_[c] = lex.IdOf(w);
  }
  return lex;
}

}  // namespace newsgraph::events
