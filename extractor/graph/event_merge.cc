#include "extractor/graph/event_merge.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <unordered_map>

#include "extractor/core/civil_date.h"

namespace newsgraph::graph {
namespace {

// A place as rule 5 sees it.
struct PlaceFacts {
  std::string_view id;
  std::string_view country;  // empty when unknown
  bool is_country = false;
  friend bool operator<(const PlaceFacts& x, const PlaceFacts& y) { return x.id < y.id; }
  friend bool operator==(const PlaceFacts& x, const PlaceFacts& y) { return x.id == y.id; }
};

struct RoleFacts {
  std::string_view name;
  std::vector<std::string_view> people;  // sorted (role fillers are sorted ids)
  std::vector<PlaceFacts> places;        // sorted by id
};

// What the rules look at, computed once per mention so that comparing two
// mentions allocates nothing and looks nothing up.
struct Facts {
  DateRange range;
  std::vector<std::string_view> participants;  // sorted, unique
  std::vector<PlaceFacts> places;              // sorted, unique
  std::vector<RoleFacts> roles;                // in the mention's role order (by name)
};

bool IsCountry(const GraphEntity& e) { return e.subtype == "country" || e.subtype == "territory"; }

bool PlacesCompatible(const PlaceFacts& x, const PlaceFacts& y) {
  if (x.id == y.id) return true;
  if (x.country.empty() || x.country != y.country) return false;
  return x.is_country != y.is_country;
}

Facts FactsOf(const EventMention& m, const EntityLookup& lookup) {
  Facts f;
  f.range = ParseTimexDate(m.date);
  for (const Role& role : m.roles) {
    RoleFacts r{role.name, {}, {}};
    for (const std::string& id : role.entities) {
      const GraphEntity* e = lookup(id);
      if (e != nullptr && e->type == EntityType::kPlace) {
        r.places.push_back(PlaceFacts{id, e->country, IsCountry(*e)});
      } else {
        r.people.push_back(id);
      }
    }
    f.participants.insert(f.participants.end(), r.people.begin(), r.people.end());
    f.places.insert(f.places.end(), r.places.begin(), r.places.end());
    f.roles.push_back(std::move(r));
  }
  std::sort(f.participants.begin(), f.participants.end());
  f.participants.erase(std::unique(f.participants.begin(), f.participants.end()), f.participants.end());
  std::sort(f.places.begin(), f.places.end());
  f.places.erase(std::unique(f.places.begin(), f.places.end()), f.places.end());
  return f;
}

size_t CommonCount(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

bool AnyPlacesCompatible(const std::vector<PlaceFacts>& a, const std::vector<PlaceFacts>& b) {
  for (const PlaceFacts& x : a) {
    for (const PlaceFacts& y : b) {
      if (PlacesCompatible(x, y)) return true;
    }
  }
  return false;
}

// Rule 4 for one role filled in both: people are compared with people and
// places with places, each only when both sides have some.
bool RoleFillersAgree(const RoleFacts& a, const RoleFacts& b) {
  if (!a.people.empty() && !b.people.empty() && CommonCount(a.people, b.people) == 0) return false;
  if (!a.places.empty() && !b.places.empty() && !AnyPlacesCompatible(a.places, b.places)) return false;
  return true;
}

bool Same(const EventMention& a, const Facts& fa, const EventMention& b, const Facts& fb) {
  if (a.type != b.type) return false;
  if (fa.range.dated() != fb.range.dated()) return false;
  if (fa.range.dated() && !fa.range.Overlaps(fb.range)) return false;
  if (fa.participants.empty() || fb.participants.empty()) return false;
  size_t needed = std::min<size_t>({2, fa.participants.size(), fb.participants.size()});
  if (CommonCount(fa.participants, fb.participants) < needed) return false;
  // Both role lists are sorted by name: walk them together.
  for (auto i = fa.roles.begin(), j = fb.roles.begin(); i != fa.roles.end() && j != fb.roles.end();) {
    if (i->name < j->name) {
      ++i;
    } else if (j->name < i->name) {
      ++j;
    } else {
      if (!RoleFillersAgree(*i, *j)) return false;
      ++i, ++j;
    }
  }
  if (!fa.places.empty() && !fb.places.empty() && !AnyPlacesCompatible(fa.places, fb.places)) return false;
  return true;
}

// Where a mention is filed in the candidate index, and where it looks.
// A mention can only join a group one of whose members shares a participant
// and overlaps its dates. Short ranges (up to a month) are filed under each
// of their days and months, longer ones under each of their years; a short
// mention looks under its days and years, a long one under its months and
// years, so every overlapping member is found and, for day-precise news,
// little else.
enum Level : int32_t { kUndated, kDay, kMonth, kYear };

struct Slot {
  Level level;
  int64_t n;
};

constexpr int64_t kShortRange = 31;

void AddMonthsAndYears(const DateRange& r, Level month_or_year, std::vector<Slot>* slots) {
  CivilDate first = CivilFromDays(r.first);
  CivilDate last = CivilFromDays(r.last);
  if (month_or_year == kMonth) {
    for (int64_t m = first.year * 12 + first.month - 1; m <= last.year * 12 + last.month - 1; ++m) {
      slots->push_back({kMonth, m});
    }
  } else {
    for (int64_t y = first.year; y <= last.year; ++y) slots->push_back({kYear, y});
  }
}

// The slots a member is filed under.
std::vector<Slot> FiledUnder(const DateRange& r) {
  std::vector<Slot> slots;
  if (!r.dated()) return {{kUndated, 0}};
  if (r.days() <= kShortRange) {
    for (int64_t d = r.first; d <= r.last; ++d) slots.push_back({kDay, d});
    AddMonthsAndYears(r, kMonth, &slots);
  } else {
    AddMonthsAndYears(r, kYear, &slots);
  }
  return slots;
}

// The slots a mention looks under for candidates.
std::vector<Slot> LooksUnder(const DateRange& r) {
  std::vector<Slot> slots;
  if (!r.dated()) return {{kUndated, 0}};
  if (r.days() <= kShortRange) {
    for (int64_t d = r.first; d <= r.last; ++d) slots.push_back({kDay, d});
  } else {
    AddMonthsAndYears(r, kMonth, &slots);
  }
  AddMonthsAndYears(r, kYear, &slots);
  return slots;
}

struct BucketKey {
  std::string_view type;
  std::string_view participant;
  Level level = kUndated;
  int64_t n = 0;
  friend bool operator==(const BucketKey&, const BucketKey&) = default;
};

struct BucketHash {
  size_t operator()(const BucketKey& k) const {
    size_t h = std::hash<std::string_view>()(k.type);
    h = h * 1000003u ^ std::hash<std::string_view>()(k.participant);
    h = h * 1000003u ^ static_cast<size_t>(k.level);
    return h * 1000003u ^ std::hash<int64_t>()(k.n);
  }
};

}  // namespace

bool SameHappening(const EventMention& a, const EventMention& b, const EntityLookup& lookup) {
  return Same(a, FactsOf(a, lookup), b, FactsOf(b, lookup));
}

std::vector<std::vector<size_t>> GroupMentions(const std::vector<EventMention>& mentions,
                                               const EntityLookup& lookup) {
  std::vector<Facts> facts;
  facts.reserve(mentions.size());
  std::vector<std::string> keys;
  keys.reserve(mentions.size());
  for (const EventMention& m : mentions) {
    facts.push_back(FactsOf(m, lookup));
    keys.push_back(m.Key());
  }
  // The order the mentions are taken in decides the groups, so it is a
  // function of the mentions alone: precise dates first, so that groups
  // form around them and vaguer mentions join them.
  std::vector<size_t> order(mentions.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    const DateRange& rx = facts[x].range;
    const DateRange& ry = facts[y].range;
    if (mentions[x].type != mentions[y].type) return mentions[x].type < mentions[y].type;
    if (rx.precision != ry.precision) return rx.precision > ry.precision;
    if (rx.first != ry.first) return rx.first < ry.first;
    if (keys[x] != keys[y]) return keys[x] < keys[y];
    return mentions[x] < mentions[y];
  });

  // Candidate groups come from an index of (type, participant, date slot).
  std::vector<std::vector<size_t>> groups;
  std::unordered_map<BucketKey, std::vector<size_t>, BucketHash> index;
  std::vector<size_t> candidates;
  std::vector<size_t> seen_by;  // per group: 1 + the last mention that listed it
  for (size_t m : order) {
    const Facts& f = facts[m];
    candidates.clear();
    const std::vector<Slot> looks = LooksUnder(f.range);
    for (std::string_view p : f.participants) {
      for (const Slot& slot : looks) {
        auto it = index.find(BucketKey{mentions[m].type, p, slot.level, slot.n});
        if (it == index.end()) continue;
        for (size_t g : it->second) {
          if (seen_by[g] == m + 1) continue;
          seen_by[g] = m + 1;
          candidates.push_back(g);
        }
      }
    }
    size_t best = groups.size();
    for (size_t g : candidates) {
      if (best != groups.size() &&
          (groups[g].size() < groups[best].size() || (groups[g].size() == groups[best].size() && g > best))) {
        continue;
      }
      bool fits = std::all_of(groups[g].begin(), groups[g].end(), [&](size_t other) {
        return Same(mentions[m], f, mentions[other], facts[other]);
      });
      if (fits) best = g;
    }
    if (best == groups.size()) {
      groups.emplace_back();
      seen_by.push_back(0);
    }
    groups[best].push_back(m);
    const std::vector<Slot> filed = FiledUnder(f.range);
    for (std::string_view p : f.participants) {
      for (const Slot& slot : filed) {
        std::vector<size_t>& list = index[BucketKey{mentions[m].type, p, slot.level, slot.n}];
        if (list.empty() || list.back() != best) list.push_back(best);
      }
    }
  }
  for (std::vector<size_t>& g : groups) std::sort(g.begin(), g.end());
  std::sort(groups.begin(), groups.end());
  return groups;
}

}  // namespace newsgraph::graph
