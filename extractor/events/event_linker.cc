#include "extractor/events/event_linker.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/core/civil_date.h"

namespace newsgraph::events {
namespace {

bool IsPlanLike(EventStatus s) { return s == EventStatus::kPlanned || s == EventStatus::kUncertain; }
bool IsChange(EventStatus s) {
  return s == EventStatus::kCancelled || s == EventStatus::kPostponed || s == EventStatus::kDenied;
}

// The first day of a TIMEX3 date value, for distances ("2023-W28" -> its Monday).
std::optional<CivilDate> FirstDay(const std::string& v) {
  if (v.size() == 10) return ParseIsoDate(v);
  if (v.size() == 7 && v[4] == '-' && v[5] != 'W') return ParseIsoDate(v + "-01");
  if (v.size() == 8 && v[5] == 'W') {
    int year = std::atoi(v.substr(0, 4).c_str()), week = std::atoi(v.substr(6, 2).c_str());
    CivilDate jan4{year, 1, 4};
    CivilDate monday = AddDays(jan4, 1 - Weekday(jan4));
    return AddDays(monday, 7 * (week - 1));
  }
  return std::nullopt;
}

// Two dates can name the same event: one is empty, they are equal, one
// contains the other ("2023-09" and "2023-09-10"), or a day is in a week.
bool DatesCompatible(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return true;
  const std::string& s = a.size() < b.size() ? a : b;
  const std::string& l = a.size() < b.size() ? b : a;
  if (s.size() == 8 && s[5] == 'W' && l.size() == 10) {
    std::optional<CivilDate> d = ParseIsoDate(l);
    return d && FormatIsoWeek(IsoWeekOf(*d)) == s;
  }
  if (s.size() == 8 || l.size() == 8) return false;
  return l.compare(0, s.size(), s) == 0 && l[s.size()] == '-';
}

// The more precise of two compatible dates.
const std::string& Finer(const std::string& a, const std::string& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return b.size() > a.size() ? b : a;
}

// A short list of entity indices kept inline: the fillers of one role kind
// of one mention are a handful, and these lists are built in inner loops.
class IdList {
 public:
  void push_back(uint32_t v) {
    if (n_ < kCap) v_[n_++] = v;
  }
  const uint32_t* begin() const { return v_; }
  const uint32_t* end() const { return v_ + n_; }
  bool empty() const { return n_ == 0; }
  size_t size() const { return n_; }

 private:
  static constexpr size_t kCap = 24;
  uint32_t v_[kCap];
  size_t n_ = 0;
};

// One filler of one role of an event.
struct Filler {
  uint32_t entity;
  FillSource source;
};
// Short lists kept inline: an event has a handful of fillers and mentions.
using Fillers = SmallVector<Filler, 4>;
using EntityIds = SmallVector<uint32_t, 8>;

struct Linked {
  uint8_t type = 0;
  EventStatus status = EventStatus::kOccurred;
  bool status_explicit = false;
  std::string date;
  std::vector<Fillers> roles;  // by role index
  SmallVector<int, 8> mentions;
  bool alive = true;
  int primary = -1;
  // The entities of each role kind, rebuilt after a change.
  mutable EntityIds by_kind[3];
  mutable bool dirty = true;
};

class Linker {
 public:
  // Works on *mentions in place and keeps its events in *events (cleared
  // first), so that buffers kept by the caller are reused.
  Linker(const EventSchema& schema, Document* doc, std::vector<EventMention>* mentions, std::vector<Linked>* events)
      : schema_(schema), doc_(doc), ms_(*mentions), events_(*events) {
    events_.clear();
  }

  void Run();

 private:
  const TypeDef& Type(const Linked& e) const { return schema_.types()[e.type]; }
  bool MeetingLike(uint8_t type) const { return schema_.types()[type].FirstRole(RoleKind::kCounterpart) < 0; }
  const EntityIds& RoleEntities(const Linked& e, RoleKind kind) const;
  IdList MentionEntities(const EventMention& m, RoleKind kind, bool strong_only) const;
  bool SameOrSameCountry(uint32_t a, uint32_t b) const;
  template <typename A, typename B>
  bool PlacesOverlap(const A& a, const B& b) const;
  template <typename A, typename B>
  bool PlacesApart(const A& a, const B& b) const;
  bool StrongCompatible(const Linked& e, const EventMention& m) const;
  // One actor, or a person and the country they act for ("China's top
  // diplomat Wang Yi" and "China").
  bool SameActor(uint32_t x, uint32_t y) const;
  template <typename A, typename B>
  bool ActorsMeet(const A& a, const B& b) const;
  template <typename A, typename B>
  bool ActorsWithin(const A& a, const B& b) const;
  void AddRole(Linked* e, uint8_t role, uint32_t entity, FillSource src) const;
  void Merge(int event, int mention, bool weak);
  int Create(int mention);
  void AttachWeak(int mention);
  uint32_t SentenceOf(const Linked& e) const { return ms_[e.primary].sentence; }
  uint32_t CountryEntityOf(uint32_t entity) const;
  uint32_t Dateline() const;
  bool NearPublication(const std::string& date) const;
  void ChoosePrimary(Linked* e) const;
  void InheritDates();
  void InheritPlaces();
  bool NamesOtherPlace(const Linked& e, uint32_t dateline) const;
  void FollowCalledOffTrips();
  void CompleteVisits();
  void Emit();

  const EventSchema& schema_;
  Document* doc_;
  std::vector<EventMention>& ms_;
  std::vector<Linked>& events_;
  std::vector<int> event_of_;
};

const EntityIds& Linker::RoleEntities(const Linked& e, RoleKind kind) const {
  if (e.dirty) {
    for (auto& v : e.by_kind) v.clear();
    for (size_t r = 0; r < e.roles.size(); ++r) {
      auto& out = e.by_kind[static_cast<int>(Type(e).roles[r].kind)];
      for (const auto& [ent, src] : e.roles[r]) out.push_back(ent);
    }
    e.dirty = false;
  }
  return e.by_kind[static_cast<int>(kind)];
}

IdList Linker::MentionEntities(const EventMention& m, RoleKind kind, bool strong_only) const {
  IdList out;
  for (const RoleFill& f : m.roles) {
    if (schema_.types()[m.type].roles[f.role].kind != kind) continue;
    if (strong_only && (f.source == FillSource::kContext || f.source == FillSource::kPronoun ||
                        f.source == FillSource::kDescription)) {
      continue;
    }
    out.push_back(f.entity);
  }
  return out;
}

bool Linker::SameOrSameCountry(uint32_t a, uint32_t b) const {
  if (a == b) return true;
  const Entity& x = doc_->entities[a];
  const Entity& y = doc_->entities[b];
  return !x.country.empty() && x.country == y.country && x.type == EntityType::kPlace && y.type == EntityType::kPlace;
}

// True when some x of `a` and y of `b` have related(x, y); AllRelated: when
// every x of `a` has such a y. The entity-list tests below are these two
// with different relations.
template <typename A, typename B, typename Rel>
bool AnyRelated(const A& a, const B& b, Rel related) {
  for (uint32_t x : a) {
    for (uint32_t y : b) {
      if (related(x, y)) return true;
    }
  }
  return false;
}

template <typename A, typename B, typename Rel>
bool AllRelated(const A& a, const B& b, Rel related) {
  for (uint32_t x : a) {
    bool found = false;
    for (uint32_t y : b) {
      if (related(x, y)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool SameEntity(uint32_t x, uint32_t y) { return x == y; }

template <typename A, typename B>
bool Linker::PlacesOverlap(const A& a, const B& b) const {
  return AnyRelated(a, b, [this](uint32_t x, uint32_t y) { return SameOrSameCountry(x, y); });
}

// Places that cannot hold one event: none shared, and each in a known country
// ("China" and "Washington"; not "Pacific" and "Honiara", a region may hold a city).
template <typename A, typename B>
bool Linker::PlacesApart(const A& a, const B& b) const {
  if (PlacesOverlap(a, b)) return false;
  for (uint32_t x : a) {
    if (doc_->entities[x].country.empty()) return false;
  }
  for (uint32_t y : b) {
    if (doc_->entities[y].country.empty()) return false;
  }
  return true;
}

template <typename V>
bool Contains(const V& v, uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

template <typename A, typename B>
bool Intersects(const A& a, const B& b) {
  return AnyRelated(a, b, SameEntity);
}

template <typename A, typename B>
bool Subset(const A& a, const B& b) {
  return AllRelated(a, b, SameEntity);
}

bool Linker::SameActor(uint32_t x, uint32_t y) const {
  if (x == y) return true;
  const Entity& a = doc_->entities[x];
  const Entity& b = doc_->entities[y];
  if (a.country.empty() || a.country != b.country) return false;
  auto nation = [](const Entity& e) { return e.type == EntityType::kPlace && e.subtype == "country"; };
  return (a.type == EntityType::kPerson && nation(b)) || (b.type == EntityType::kPerson && nation(a));
}

template <typename A, typename B>
bool Linker::ActorsMeet(const A& a, const B& b) const {
  return AnyRelated(a, b, [this](uint32_t x, uint32_t y) { return SameActor(x, y); });
}

template <typename A, typename B>
bool Linker::ActorsWithin(const A& a, const B& b) const {
  return AllRelated(a, b, [this](uint32_t x, uint32_t y) { return SameActor(x, y); });
}

// Two mentions stated as events in their own right are the same event when
// the same actors do it, at a compatible time, with statuses one event can
// go through (a plan that is then called off), and, for meetings and
// agreements, not in two different places.
bool Linker::StrongCompatible(const Linked& e, const EventMention& m) const {
  if (e.type != m.type || !e.alive) return false;
  if (m.dates.size() > 0 && !DatesCompatible(e.date, m.dates[0])) return false;
  if (e.status_explicit && m.status_explicit && e.status != m.status) {
    bool ok = (IsPlanLike(e.status) && IsChange(m.status)) || (IsPlanLike(m.status) && IsChange(e.status)) ||
              (IsPlanLike(e.status) && IsPlanLike(m.status)) || (IsChange(e.status) && IsChange(m.status));
    if (!ok) return false;
  }
  const EntityIds& ea = RoleEntities(e, RoleKind::kAgent);
  IdList ma = MentionEntities(m, RoleKind::kAgent, false);
  if (MeetingLike(m.type)) {
    if (ea.empty() || ma.empty() || !ActorsMeet(ea, ma)) return false;
    if (!ActorsWithin(ea, ma) && !ActorsWithin(ma, ea)) return false;
    const EntityIds& ep = RoleEntities(e, RoleKind::kPlace);
    IdList mp = MentionEntities(m, RoleKind::kPlace, false);
    if (!ep.empty() && !mp.empty() && !PlacesOverlap(ep, mp)) return false;
  } else {
    if (!Intersects(ea, ma)) return false;
    // "will travel to China next week ... plans to fly to Washington": two
    // trips of one traveller to places that share no country are two legs.
    if (Type(e).name == "Visit") {
      const EntityIds& ep = RoleEntities(e, RoleKind::kPlace);
      IdList mp = MentionEntities(m, RoleKind::kPlace, false);
      if (!ep.empty() && !mp.empty() && PlacesApart(ep, mp)) return false;
    }
    const EntityIds& ec = RoleEntities(e, RoleKind::kCounterpart);
    IdList mc = MentionEntities(m, RoleKind::kCounterpart, true);
    // Two invitations of the same inviter to different people are two.
    if (Type(e).FirstRole(RoleKind::kPlace) >= 0 && !ec.empty() && !mc.empty() && !Intersects(ec, mc) &&
        Type(e).name != "Visit") {
      return false;
    }
  }
  return true;
}

void Linker::AddRole(Linked* e, uint8_t role, uint32_t entity, FillSource src) const {
  const TypeDef& type = Type(*e);
  const RoleKind kind = type.roles[role].kind;
  for (size_t r = 0; r < e->roles.size(); ++r) {
    // An entity fills a role once, and is never both the agent and the counterpart.
    bool clash = r == role || (kind != RoleKind::kPlace && type.roles[r].kind != RoleKind::kPlace);
    if (!clash) continue;
    for (const auto& [ent, s] : e->roles[r]) {
      if (ent == entity) return;
    }
  }
  e->roles[role].emplace_back(entity, src);
  e->dirty = true;
}

int Linker::Create(int mi) {
  const EventMention& m = ms_[mi];
  Linked& e = events_.emplace_back();
  e.type = m.type;
  e.status = m.status;
  e.status_explicit = m.status_explicit;
  if (!m.dates.empty()) e.date = m.dates[0];
  e.roles.resize(schema_.types()[m.type].roles.size());
  for (const RoleFill& f : m.roles) AddRole(&e, f.role, f.entity, f.source);
  e.mentions.push_back(mi);
  event_of_[mi] = static_cast<int>(events_.size()) - 1;
  return static_cast<int>(events_.size()) - 1;
}

void Linker::Merge(int ei, int mi, bool weak) {
  Linked& e = events_[ei];
  const EventMention& m = ms_[mi];
  const TypeDef& type = schema_.types()[e.type];
  e.mentions.push_back(mi);
  event_of_[mi] = ei;
  if (!m.dates.empty()) e.date = Finer(e.date, m.dates[0]);
  // Status: a later status of the same plan wins; a bare noun says nothing.
  if (m.status_explicit) {
    if (!e.status_explicit) {
      e.status = m.status;
    } else if (weak) {
      if (m.status_change && (StatusRank(m.status) > StatusRank(e.status))) e.status = m.status;
      if (m.status == EventStatus::kUncertain && e.status == EventStatus::kPlanned) e.status = m.status;
    } else if (StatusRank(m.status) > StatusRank(e.status)) {
      e.status = m.status;
    }
    e.status_explicit = true;
  }
  const bool had_places = !RoleEntities(e, RoleKind::kPlace).empty();
  const bool had_agents = !RoleEntities(e, RoleKind::kAgent).empty();
  const bool had_counterparts = !RoleEntities(e, RoleKind::kCounterpart).empty();
  for (const RoleFill& f : m.roles) {
    RoleKind kind = type.roles[f.role].kind;
    if (!weak) {
      AddRole(&e, f.role, f.entity, f.source);
    } else if (kind == RoleKind::kPlace && (!had_places || type.name == "Visit")) {
      AddRole(&e, f.role, f.entity, f.source);
    } else if (kind == RoleKind::kAgent && !had_agents && f.source != FillSource::kContext) {
      AddRole(&e, f.role, f.entity, f.source);
    } else if (kind == RoleKind::kCounterpart && !had_counterparts && f.source != FillSource::kContext) {
      AddRole(&e, f.role, f.entity, f.source);
    }
  }
}

// A mention that only refers back joins the best event of its type: the one
// that shares its actors and places, dated compatibly, nearest before it.
void Linker::AttachWeak(int mi) {
  const EventMention& m = ms_[mi];
  IdList ma = MentionEntities(m, RoleKind::kAgent, false);
  IdList own_agents = MentionEntities(m, RoleKind::kAgent, true);
  IdList mp = MentionEntities(m, RoleKind::kPlace, false);
  int best = -1;
  double best_score = -1e9;
  bool best_conflict = false;
  for (size_t ei = 0; ei < events_.size(); ++ei) {
    const Linked& e = events_[ei];
    if (!e.alive || e.type != m.type) continue;
    bool conflict = !m.dates.empty() && !DatesCompatible(e.date, m.dates[0]);
    if (m.status_change && e.status_explicit && e.status == EventStatus::kOccurred &&
        m.status != EventStatus::kDenied) {
      conflict = true;
    }
    // "ruled out any visit to Caracas" after a trip elsewhere: a status of another trip.
    if (m.status_change && !mp.empty() && !RoleEntities(e, RoleKind::kPlace).empty() &&
        !PlacesOverlap(mp, RoleEntities(e, RoleKind::kPlace))) {
      conflict = true;
    }
    if (conflict && !m.status_change) continue;
    if (!m.anaphoric && !m.status_change) {
      // "a day after a visit to North Korea" is not the arrival in Hanoi; "attended
      // a summit" is not the meeting planned for later.
      const EntityIds& ep0 = RoleEntities(e, RoleKind::kPlace);
      if (!mp.empty() && !ep0.empty() && PlacesApart(mp, ep0)) continue;
      // "Biden pulled out to cope with debt ceiling talks in Washington": talks
      // of someone else are not the summit told before, which has no place
      // for them to give.
      if (!ma.empty() && !mp.empty() && ep0.empty() && !Intersects(ma, RoleEntities(e, RoleKind::kAgent)) &&
          !Intersects(ma, RoleEntities(e, RoleKind::kCounterpart))) {
        continue;
      }
      if (m.status_explicit && e.status_explicit &&
          (m.status == EventStatus::kOccurred) != (e.status == EventStatus::kOccurred)) {
        continue;
      }
    }
    double score = 0;
    const EntityIds& ea = RoleEntities(e, RoleKind::kAgent);
    const EntityIds& ec = RoleEntities(e, RoleKind::kCounterpart);
    if (Intersects(ma, ea) || Intersects(ma, ec)) score += 4;
    else if (!own_agents.empty()) score -= 3;
    const EntityIds& ep = RoleEntities(e, RoleKind::kPlace);
    if (!mp.empty() && !ep.empty()) score += PlacesOverlap(mp, ep) ? 3 : -1;
    if (m.group_source >= 0 && event_of_[m.group_source] == static_cast<int>(ei)) score += 5;
    if (!m.dates.empty() && m.dates[0] == e.date) score += 3;
    score += 1.0 * std::min<size_t>(e.mentions.size(), 5);
    // Distance in sentences to the nearest mention; referring back is likelier.
    double dist = 1e9;
    for (int o : e.mentions) {
      double d = static_cast<double>(ms_[o].sentence) - static_cast<double>(m.sentence);
      double cost = d <= 0 ? -d * 0.3 : d * 1.0 + 2.0;
      dist = std::min(dist, cost);
    }
    score -= dist;
    if (conflict) score -= 1000;  // a compatible event is always preferred
    if (score > best_score) {
      best_score = score;
      best = static_cast<int>(ei);
      best_conflict = conflict;
    }
  }
  const int agent = schema_.types()[m.type].FirstRole(RoleKind::kAgent);
  // A mention that neither refers back nor names its actors ("a summit ...
  // was called off" with no name the entity stage knows) joins an event only
  // where they share a place, and never changes it.
  const bool bare = !m.anaphoric && !m.framed && ma.empty();
  if (bare && m.status_change && m.nominal && !mp.empty() && !m.unknown_actor) {
    // "A spokesman ruled out a stop in Hong Kong": the trip of the one the
    // text is about, the actor of the most told event of this type.
    int salient = -1;
    for (size_t ei = 0; ei < events_.size(); ++ei) {
      if (!events_[ei].alive || events_[ei].type != m.type) continue;
      if (salient < 0 || events_[ei].mentions.size() > events_[salient].mentions.size()) salient = static_cast<int>(ei);
    }
    if (salient >= 0) {
      int ni = Create(mi);
      const Linked& src = events_[salient];
      const int agent_role = schema_.types()[m.type].FirstRole(RoleKind::kAgent);
      for (const auto& [ent, s] : src.roles[agent_role]) {
        AddRole(&events_[ni], static_cast<uint8_t>(agent_role), ent, FillSource::kAntecedent);
      }
      events_[ni].status_explicit = true;
    }
    return;
  }
  if (bare && best >= 0) {
    const EntityIds& ep = RoleEntities(events_[best], RoleKind::kPlace);
    if (mp.empty() || !PlacesOverlap(mp, ep) || best_conflict) return;
    event_of_[mi] = best;
    events_[best].mentions.push_back(mi);
    return;
  }
  if (best < 0) {
    // "signed a treaty during the Russian leader's visit to Pyongyang": a trip
    // told only as the frame of another event still took place, when the text
    // says who went where.
    const bool framed_trip = m.framed && !m.anaphoric && schema_.types()[m.type].name == "Visit" && !mp.empty() &&
                             !ma.empty() && m.status == EventStatus::kOccurred;
    bool known_actor = false;
    for (const RoleFill& f : m.roles) {
      known_actor |= f.role == agent && f.source != FillSource::kContext;
    }
    if ((!m.framed && !own_agents.empty()) || (framed_trip && known_actor)) Create(mi);
    return;
  }
  if (best_conflict) {
    // "The trip had been planned for late March but was postponed": the
    // same actors' other, unrealised event.
    int ni = Create(mi);
    Linked& n = events_[ni];
    const Linked& src = events_[best];
    for (size_t r = 0; r < src.roles.size(); ++r) {
      if (!n.roles[r].empty() && static_cast<int>(r) == agent) continue;
      // With places of its own ("any visit to Caracas") it takes only the actors.
      if (!mp.empty() && static_cast<int>(r) != agent) continue;
      for (const auto& [ent, s] : src.roles[r]) AddRole(&n, static_cast<uint8_t>(r), ent, FillSource::kAntecedent);
    }
    n.status_explicit = true;
    return;
  }
  Merge(best, mi, true);
}

void Linker::ChoosePrimary(Linked* e) const {
  const TypeDef& type = Type(*e);
  int agent = type.FirstRole(RoleKind::kAgent);
  int best = -1, best_score = -1;
  for (int mi : e->mentions) {
    const EventMention& m = ms_[mi];
    int score = 0;
    for (const RoleFill& f : m.roles) {
      if (f.role == agent && f.source == FillSource::kDirect) score |= 8;
    }
    if (!m.nominal || m.light_verb) score |= 4;
    if (!m.anaphoric && !m.framed) score |= 2;
    if (!m.dates.empty()) score += 1;
    // "scrapped a planned visit" tells more than "had been due to arrive".
    if (m.status_change && m.status == e->status &&
        (m.status == EventStatus::kCancelled || m.status == EventStatus::kPostponed)) {
      score += 16;
    }
    if (score > best_score || (score == best_score && m.tok_begin < ms_[best].tok_begin)) {
      best = mi;
      best_score = score;
    }
  }
  e->primary = best;
}

uint32_t Linker::CountryEntityOf(uint32_t entity) const {
  const Entity& e = doc_->entities[entity];
  if (e.country.empty() || e.subtype == "country") return kNone;
  for (uint32_t i = 0; i < doc_->entities.size(); ++i) {
    const Entity& c = doc_->entities[i];
    if (c.type == EntityType::kPlace && c.subtype == "country" && c.country == e.country) return i;
  }
  return kNone;
}

// "NAIROBI, March 3 (Wire) -": a capitalised place that opens the text, or
// its first paragraph after a headline.
uint32_t Linker::Dateline() const {
  for (size_t s = 0; s < 3 && s < doc_->sentences.size(); ++s) {
    const uint32_t b = doc_->sentences[s].token_begin;
    if (b >= doc_->tokens.size()) break;
    const Token& first = doc_->tokens[b];
    if (!first.Has(kTokAllCaps)) continue;
    // After a headline: the opening of the next paragraph, and a dash or comma after the place.
    const bool later = s > 0;
    if (later && doc_->sentences[s].paragraph == doc_->sentences[s - 1].paragraph) continue;
    for (uint32_t e = 0; e < doc_->entities.size(); ++e) {
      if (doc_->entities[e].type != EntityType::kPlace) continue;
      for (const Mention& m : doc_->entities[e].mentions) {
        if (m.span.begin == first.span.begin) {
          uint32_t end = m.span.end;
          if (end >= doc_->text.size()) continue;
          const std::string_view rest = std::string_view(doc_->text).substr(end, 5);
          if (rest[0] == ',' || (!later && rest[0] == ' ') || rest.starts_with(" -") ||
              rest.starts_with(" \xE2\x80\x94") || rest.starts_with(" \xE2\x80\x93")) {
            return e;
          }
        }
      }
    }
  }
  return kNone;
}

bool Linker::NearPublication(const std::string& date) const {
  std::optional<CivilDate> pub = ParseIsoDate(doc_->published);
  std::optional<CivilDate> d = FirstDay(date);
  if (!pub || !d) return false;
  int64_t diff = DaysFromCivil(*d) - DaysFromCivil(*pub);
  return diff >= -7 && diff <= 7;
}

void Linker::InheritDates() {
  for (int round = 0; round < 2; ++round) {
    for (size_t ei = 0; ei < events_.size(); ++ei) {
      Linked& e = events_[ei];
      if (!e.alive || !e.date.empty()) continue;
      std::string found;
      for (int mi : e.mentions) {
        const EventMention& m = ms_[mi];
        // "The two leaders met": the event that named the two leaders.
        if (m.group_source >= 0) {
          int src = event_of_[m.group_source];
          if (src >= 0 && src != static_cast<int>(ei) && events_[src].alive && !events_[src].date.empty() &&
              events_[src].status == e.status) {
            found = events_[src].date;
            break;
          }
        }
      }
      // "Throughout the talks Muizzu extended an invite", "At the news
      // conference, Kohl invited": the time of the occasion that frames it.
      for (int mi : e.mentions) {
        const EventMention& m = ms_[mi];
        if (!found.empty() || m.frame_tok == EventMention::kNoToken) continue;
        const EntityIds& ea = RoleEntities(e, RoleKind::kAgent);
        for (size_t oi = 0; oi < events_.size() && found.empty(); ++oi) {
          const Linked& o = events_[oi];
          if (oi == ei || !o.alive || o.date.empty()) continue;
          for (int om : o.mentions) {
            const EventMention& x = ms_[om];
            const bool names_frame = x.tok_begin <= m.frame_tok && m.frame_tok < x.tok_end;
            const bool frame_told = m.frame_sentence != EventMention::kNoToken && x.sentence == m.frame_sentence &&
                                    (Intersects(ea, RoleEntities(o, RoleKind::kAgent)) ||
                                     Intersects(ea, RoleEntities(o, RoleKind::kCounterpart)));
            if (names_frame || frame_told) {
              found = o.date;
              break;
            }
          }
        }
        if (!found.empty()) continue;
        // "invited Kim to visit Tokyo during their talks", the talks told last
        // being others': the latest meeting told before of all its actors.
        EntityIds actors = ea;
        for (uint32_t c : RoleEntities(e, RoleKind::kCounterpart)) actors.push_back(c);
        if (actors.size() < 2) continue;
        uint32_t best_pos = 0;
        for (const Linked& o : events_) {
          if (&o == &e || !o.alive || o.date.empty() || o.status != EventStatus::kOccurred ||
              schema_.types()[o.type].name != "Meeting") {
            continue;
          }
          const uint32_t op = ms_[o.primary].tok_begin;
          if (op >= m.tok_begin || op < best_pos) continue;
          if (Subset(actors, RoleEntities(o, RoleKind::kAgent))) {
            best_pos = op;
            found = o.date;
          }
        }
      }
      if (found.empty() && schema_.types()[e.type].name != "Visit" && Type(e).place_is_location) {
        // "X paid a visit to Moscow on Wednesday and held talks": the trip of
        // the same actor told in the same sentence.
        const EntityIds& ea = RoleEntities(e, RoleKind::kAgent);
        for (int mi : e.mentions) {
          for (size_t oi = 0; oi < events_.size() && found.empty(); ++oi) {
            const Linked& o = events_[oi];
            if (oi == ei || !o.alive || o.date.empty() || schema_.types()[o.type].name != "Visit") continue;
            bool same_sentence = false;
            for (int om : o.mentions) same_sentence |= ms_[om].sentence == ms_[mi].sentence;
            if (same_sentence && o.status == e.status && Intersects(ea, RoleEntities(o, RoleKind::kAgent))) {
              found = o.date;
            }
          }
        }
      }
      if (found.empty()) {
        bool later = false;
        for (int mi : e.mentions) later |= ms_[mi].later;
        if (later) {
          // "Ministers later signed": the latest dated event told before it.
          uint32_t pos = ms_[e.primary].tok_begin;
          uint32_t best_pos = 0;
          for (const Linked& o : events_) {
            if (!o.alive || o.date.empty() || &o == &e) continue;
            uint32_t op = ms_[o.primary].tok_begin;
            if (op < pos && op >= best_pos && o.status == EventStatus::kOccurred) {
              best_pos = op;
              found = o.date;
            }
          }
        }
      }
      e.date = found;
    }
  }
}

// "SEOUL - ... signed a treaty ... during the visit to Pyongyang": the
// sentence that tells the event names where it happened, so the dateline
// says only where the story was filed.
bool Linker::NamesOtherPlace(const Linked& e, uint32_t dateline) const {
  const Span sent = doc_->sentences[ms_[e.primary].sentence].span;
  const std::string_view text = doc_->text;
  for (uint32_t en = 0; en < doc_->entities.size(); ++en) {
    if (en == dateline || doc_->entities[en].type != EntityType::kPlace) continue;
    for (const Mention& mm : doc_->entities[en].mentions) {
      if (mm.span.begin < sent.begin + 4 || mm.span.end > sent.end) continue;
      const std::string_view before = text.substr(mm.span.begin - 4, 4);
      if (before == " in " || before == " at " || before == " to ") return true;
    }
  }
  return false;
}

void Linker::InheritPlaces() {
  const uint32_t dateline = Dateline();
  for (size_t ei = 0; ei < events_.size(); ++ei) {
    Linked& e = events_[ei];
    if (!e.alive) continue;
    const TypeDef& type = Type(e);
    const int place = type.FirstRole(RoleKind::kPlace);
    if (place < 0 || !e.roles[place].empty()) continue;
    const bool is_visit = type.name == "Visit";
    EntityIds actors = RoleEntities(e, RoleKind::kAgent);
    for (uint32_t c : RoleEntities(e, RoleKind::kCounterpart)) actors.push_back(c);
    // 1. A trip told in the same sentence: "agreed ..., as Biden paid a visit
    //    to Hanoi"; "at the invitation of X" inside the trip's clause.
    if (!is_visit) {
      for (int mi : e.mentions) {
        for (size_t oi = 0; oi < events_.size() && e.roles[place].empty(); ++oi) {
          const Linked& o = events_[oi];
          if (oi == ei || !o.alive || Type(o).name != "Visit") continue;
          bool same_sentence = false;
          for (int om : o.mentions) same_sentence |= ms_[om].sentence == ms_[mi].sentence;
          if (!same_sentence) continue;
          if (!type.place_is_location && !ms_[mi].in_pp) continue;
          for (uint32_t p : RoleEntities(o, RoleKind::kPlace)) AddRole(&e, place, p, FillSource::kContext);
          // "had been due to arrive in Suva for talks with X", the trip then
          // called off: the talks go with it.
          if (e.status == EventStatus::kPlanned && (o.status == EventStatus::kCancelled || o.status == EventStatus::kPostponed) &&
              Intersects(RoleEntities(e, RoleKind::kAgent), RoleEntities(o, RoleKind::kAgent))) {
            e.status = o.status;
          }
          if (type.FirstRole(RoleKind::kCounterpart) >= 0) {
            // The inviter hosts the visit.
            int host = Type(o).FirstRole(RoleKind::kCounterpart);
            Linked& ov = events_[oi];
            if (host >= 0 && ov.roles[host].empty()) {
              for (uint32_t a : RoleEntities(e, RoleKind::kAgent)) AddRole(&ov, host, a, FillSource::kContext);
            }
          }
        }
      }
    }
    if (!e.roles[place].empty() || !type.place_is_location) continue;
    // 2. An event of the same actors at the same time: the meeting around an
    //    agreement, the trip around a meeting.
    std::optional<CivilDate> day = FirstDay(e.date);
    int best = -1;
    int best_rank = 100;
    for (size_t oi = 0; oi < events_.size(); ++oi) {
      const Linked& o = events_[oi];
      if (oi == ei || !o.alive || !Type(o).place_is_location) continue;
      const EntityIds& op = RoleEntities(o, RoleKind::kPlace);
      if (op.empty()) continue;
      EntityIds oa = RoleEntities(o, RoleKind::kAgent);
      for (uint32_t c : RoleEntities(o, RoleKind::kCounterpart)) oa.push_back(c);
      if (!Intersects(actors, oa)) continue;
      bool o_visit = Type(o).name == "Visit";
      bool time_ok;
      if (o.date.empty() || e.date.empty()) {
        time_ok = o.date.empty() == e.date.empty() || (o_visit && !is_visit && o.status == e.status) ||
                  (o_visit && e.date.empty()) ||
                  (o_visit && IsPlanLike(e.status) && (IsPlanLike(o.status) || IsChange(o.status)));
      } else if (DatesCompatible(o.date, e.date)) {
        time_ok = true;
      } else {
        std::optional<CivilDate> od = FirstDay(o.date);
        time_ok = o_visit && od && day && DaysFromCivil(*day) >= DaysFromCivil(*od) &&
                  DaysFromCivil(*day) - DaysFromCivil(*od) <= 3;
      }
      if (!time_ok) continue;
      if (is_visit && o_visit) continue;
      int rank = o_visit ? 1 : 0;
      if (Type(o).name == type.name) rank = 2;
      if (rank < best_rank) {
        best_rank = rank;
        best = static_cast<int>(oi);
      }
    }
    if (best >= 0 && !is_visit) {
      const Linked& o = events_[best];
      for (uint32_t p : RoleEntities(o, RoleKind::kPlace)) AddRole(&e, place, p, FillSource::kContext);
      if (Type(o).name == "Visit" && e.status == EventStatus::kPlanned &&
          (o.status == EventStatus::kCancelled || o.status == EventStatus::kPostponed)) {
        e.status = o.status;  // "called off a trip to Madrid ... had been scheduled to meet"
      }
      continue;
    }
    // 3. The dateline, for what happens around the publication date, with
    //    its country when the text names it.
    if (!is_visit && dateline != kNone && NearPublication(e.date) && !NamesOtherPlace(e, dateline)) {
      AddRole(&e, place, dateline, FillSource::kContext);
      const uint32_t country = CountryEntityOf(dateline);
      if (country != kNone) AddRole(&e, place, country, FillSource::kContext);
    }
  }
}

void Linker::Run() {
  event_of_.assign(ms_.size(), -1);
  // One mention per date of "signed in 1961, 2000 and 2001".
  bool lists = false;
  for (const EventMention& m : ms_) lists |= m.dates.size() > 1;
  std::vector<EventMention> expanded;
  for (EventMention& m : ms_) {
    if (!lists) break;
    if (m.dates.size() <= 1) {
      expanded.push_back(std::move(m));
      continue;
    }
    for (const std::string& d : m.dates) {
      EventMention c = m;
      c.dates.assign(1, d);
      expanded.push_back(std::move(c));
    }
  }
  if (lists) ms_ = std::move(expanded);
  event_of_.assign(ms_.size(), -1);
  events_.reserve(ms_.size());

  // "X and Y reached an agreement yesterday. The two leaders met for six
  // hours": an undated mention whose group phrase names the actors of a dated
  // one told as the same kind of fact happened then, before it can be taken for
  // another meeting of theirs.
  for (EventMention& m : ms_) {
    if (!m.dates.empty() || m.group_source < 0 || m.nominal || m.later) continue;
    if (static_cast<size_t>(m.group_source) >= ms_.size()) continue;
    const EventMention& src = ms_[m.group_source];
    if (src.dates.size() == 1 && src.status == m.status && src.status == EventStatus::kOccurred &&
        m.sentence == src.sentence + 1) {
      m.dates = src.dates;
    }
  }

  // Pass 1: mentions that state an event of their own.
  std::vector<int> weak;
  for (size_t i = 0; i < ms_.size(); ++i) {
    const EventMention& m = ms_[i];
    bool has_agent = !MentionEntities(m, RoleKind::kAgent, false).empty();
    bool context_only = true;
    for (const RoleFill& f : m.roles) {
      if (schema_.types()[m.type].roles[f.role].kind != RoleKind::kAgent) continue;
      // "his journey": a noun whose actor is only a pronoun refers back.
      bool weak_source = f.source == FillSource::kContext ||
                         (m.nominal && !m.light_verb &&
                          (f.source == FillSource::kPronoun || f.source == FillSource::kDescription));
      if (!weak_source) context_only = false;
    }
    if (m.anaphoric || m.framed || !has_agent || context_only) {
      weak.push_back(static_cast<int>(i));
      continue;
    }
    int target = -1;
    const bool bare_noun = m.nominal && !m.light_verb && m.dates.empty();
    for (size_t ei = 0; ei < events_.size(); ++ei) {
      if (!StrongCompatible(events_[ei], m)) continue;
      // A verb joins the latest compatible event; an undated noun ("Putin's
      // visit") the one the text tells most about.
      if (target < 0 || !bare_noun || events_[ei].mentions.size() >= events_[target].mentions.size()) {
        target = static_cast<int>(ei);
      }
    }
    if (target >= 0) Merge(target, static_cast<int>(i), false);
    else Create(static_cast<int>(i));
  }
  // Pass 2: mentions that refer back.
  for (int mi : weak) AttachWeak(mi);

  for (Linked& e : events_) ChoosePrimary(&e);
  InheritDates();
  CompleteVisits();
  InheritPlaces();
  FollowCalledOffTrips();
  Emit();
}

// "Widodo had been due to arrive in Sydney on Sunday and to hold talks with
// Turnbull in Canberra", the visit then postponed: what the same sentence
// planned for the trip goes with it.
void Linker::FollowCalledOffTrips() {
  for (const Linked& o : events_) {
    if (!o.alive || Type(o).name != "Visit") continue;
    if (o.status != EventStatus::kCancelled && o.status != EventStatus::kPostponed) continue;
    const EntityIds& visitors = RoleEntities(o, RoleKind::kAgent);
    for (int om : o.mentions) {
      const EventMention& trip = ms_[om];
      if (!trip.past_plan || trip.status != EventStatus::kPlanned) continue;
      for (Linked& e : events_) {
        if (!e.alive || &e == &o || Type(e).name == "Visit" || e.status != EventStatus::kPlanned) continue;
        bool same_sentence = false;
        for (int mi : e.mentions) same_sentence |= ms_[mi].sentence == trip.sentence;
        if (same_sentence && Intersects(RoleEntities(e, RoleKind::kAgent), visitors)) e.status = o.status;
      }
    }
  }
}

void Linker::CompleteVisits() {
  for (Linked& e : events_) {
    if (!e.alive || e.primary < 0) continue;
    const TypeDef& type = Type(e);
    const int place = type.FirstRole(RoleKind::kPlace);
    // A visit's destination: from the visitor's latest other event, else the
    // last place named before the trigger in its sentence.
    if (type.name == "Visit" && place >= 0) {
      if (e.roles[place].empty()) {
        const EventMention& pm = ms_[e.primary];
        const TriggerDef& td = schema_.triggers()[pm.trigger];
        if (td.context_place) {
          EntityIds visitors = RoleEntities(e, RoleKind::kAgent);
          uint32_t best_pos = 0;
          const Linked* best = nullptr;
          for (const Linked& o : events_) {
            if (&o == &e || !o.alive || o.primary < 0) continue;
            uint32_t op = ms_[o.primary].tok_begin;
            if (op > pm.tok_begin || op < best_pos) continue;
            EntityIds oa = RoleEntities(o, RoleKind::kAgent);
            for (uint32_t c : RoleEntities(o, RoleKind::kCounterpart)) oa.push_back(c);
            if (!Intersects(visitors, oa) || RoleEntities(o, RoleKind::kPlace).empty()) continue;
            if (IsChange(e.status) != IsChange(o.status)) continue;  // a trip ruled out is not the one made
            if (!DatesCompatible(o.date, e.date) && !(o.date.size() >= 10 && e.date.size() >= 10)) continue;
            best_pos = op;
            best = &o;
          }
          if (best != nullptr) {
            for (uint32_t p : RoleEntities(*best, RoleKind::kPlace)) AddRole(&e, place, p, FillSource::kContext);
          } else {
            // The last place named before the trigger in its sentence, else in
            // the sentence before ("made it to Lisbon. They touched down ..."),
            // never one that only qualifies a title ("U.S. Secretary of State
            // Rex Tillerson, who visited"): found by the mention finder.
            const uint32_t last = pm.context_place == EventMention::kNoToken ? kNone : pm.context_place;
            if (last != kNone) {
              AddRole(&e, place, last, FillSource::kContext);
            } else {
              // The place of the latest event told before: the scene of the story.
              uint32_t latest = 0;
              const Linked* scene = nullptr;
              for (const Linked& o : events_) {
                if (&o == &e || !o.alive || o.primary < 0 || !Type(o).place_is_location) continue;
                uint32_t op = ms_[o.primary].tok_begin;
                if (op < pm.tok_begin && op >= latest && !RoleEntities(o, RoleKind::kPlace).empty()) {
                  latest = op;
                  scene = &o;
                }
              }
              if (scene != nullptr) {
                EntityIds ps = RoleEntities(*scene, RoleKind::kPlace);
                for (uint32_t p : ps) AddRole(&e, place, p, FillSource::kContext);
              }
            }
          }
        }
      }
      // City and country both: add the country of each destination.
      EntityIds dest = RoleEntities(e, RoleKind::kPlace);
      for (uint32_t d : dest) {
        uint32_t c = CountryEntityOf(d);
        if (c != kNone) AddRole(&e, place, c, FillSource::kContext);
      }
    }
  }
}

void Linker::Emit() {
  doc_->events.clear();
  doc_->events.reserve(events_.size());
  std::optional<CivilDate> pub = ParseIsoDate(doc_->published);
  std::vector<int> order;
  for (size_t ei = 0; ei < events_.size(); ++ei) {
    Linked& e = events_[ei];
    if (!e.alive || e.primary < 0) continue;
    const TypeDef& type = Type(e);
    // Every required role must be filled.
    bool complete = true;
    for (uint8_t r : type.required) complete &= !e.roles[r].empty();
    if (!complete) continue;
    // A date after publication, stated by nothing but a present tense, is a plan.
    if (!e.date.empty() && pub && e.status == EventStatus::kOccurred) {
      std::optional<CivilDate> d = FirstDay(e.date);
      if (d && DaysFromCivil(*d) > DaysFromCivil(*pub) + 1 && e.date.size() >= 10) e.status = EventStatus::kPlanned;
    }
    order.push_back(static_cast<int>(ei));
  }
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return ms_[events_[a].primary].tok_begin < ms_[events_[b].primary].tok_begin;
  });
  int n = 0;
  for (int ei : order) {
    const Linked& e = events_[ei];
    const TypeDef& type = Type(e);
    const EventMention& pm = ms_[e.primary];
    const TriggerDef& td = schema_.triggers()[pm.trigger];
    Event& ev = doc_->events.emplace_back();  // built in place
    // "<doc id>#e<n>", sized once: no allocation at all when it fits the string inline.
    char num[16];
    char* num_end = std::to_chars(num, num + sizeof(num), ++n).ptr;
    ev.id.reserve(doc_->id.size() + 2 + static_cast<size_t>(num_end - num));
    ev.id = doc_->id;
    ev.id += "#e";
    ev.id.append(num, static_cast<size_t>(num_end - num));
    ev.type = type.name;
    ev.status = e.status;
    ev.date = e.date;
    ev.roles.reserve(e.roles.size());
    for (size_t r = 0; r < e.roles.size(); ++r) {
      if (e.roles[r].empty()) continue;
      EventRole role;
      role.name = type.roles[r].name;
      role.entities.reserve(e.roles[r].size());
      for (const auto& [ent, src] : e.roles[r]) role.entities.push_back(ent);
      ev.roles.push_back(std::move(role));
    }
    ev.trigger = pm.trigger_span;
    ev.sentence = doc_->sentences[pm.sentence].span;
    IdList seen;
    seen.push_back(pm.sentence);
    for (int mi : e.mentions) {
      const EventMention& m = ms_[mi];
      if (Contains(seen, m.sentence)) continue;
      seen.push_back(m.sentence);
      if (ev.more_evidence.empty()) ev.more_evidence.reserve(e.mentions.size() - 1);
      ev.more_evidence.push_back(Evidence{m.trigger_span, doc_->sentences[m.sentence].span});
    }
    std::sort(ev.more_evidence.begin(), ev.more_evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.trigger.begin < b.trigger.begin; });
    double conf = 0;
    for (int mi : e.mentions) conf = std::max(conf, ms_[mi].confidence);
    conf += 0.03 * static_cast<double>(std::min<size_t>(e.mentions.size() - 1, 3));
    ev.confidence = std::min(0.99, static_cast<double>(static_cast<int>(conf * 100 + 0.5)) / 100.0);
    // CAMEO: the trigger's own code, else the type's code for the status,
    // for a visit told from the host's side, or for a meeting away from both
    // parties' countries.
    std::string_view cameo = td.cameo;
    if (cameo.empty()) cameo = type.Cameo(EventStatusName(e.status));
    if (td.hosted && e.status == EventStatus::kOccurred) cameo = type.Cameo("hosted");
    if (MeetingLike(e.type) && e.status == EventStatus::kOccurred && type.Cameo("third_place") != type.Cameo("")) {
      const EntityIds& places = RoleEntities(e, RoleKind::kPlace);
      const EntityIds& parties = RoleEntities(e, RoleKind::kAgent);
      bool known = !places.empty() && !parties.empty();
      bool away = known;
      for (uint32_t p : places) {
        const std::string& pc = doc_->entities[p].country;
        if (pc.empty()) known = false;
        for (uint32_t a : parties) {
          const std::string& ac = doc_->entities[a].country;
          if (ac.empty()) known = false;
          if (ac == pc) away = false;
        }
      }
      if (known && away) cameo = type.Cameo("third_place");
    }
    ev.cameo = std::string(cameo);
    ev.rule = td.id;
  }
}

}  // namespace

void EventLinker::Link(std::vector<EventMention>* mentions, Document* doc) const {
  // Per-thread: the events' storage outlives one document.
  thread_local std::vector<Linked> events;
  Linker linker(schema_, doc, mentions, &events);
  linker.Run();
  events.clear();
}

void EventLinker::Link(std::vector<EventMention> mentions, Document* doc) const { Link(&mentions, doc); }

}  // namespace newsgraph::events
