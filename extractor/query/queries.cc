#include "extractor/query/queries.h"

#include <algorithm>
#include <tuple>

namespace newsgraph::query {
namespace {

using graph::GraphEntity;
using graph::GraphEvent;
using graph::KnowledgeGraph;

// Lower-cased ASCII words.
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> words;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '-' || c == '.' || c == ',') {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
      continue;
    }
    word.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool ContainsRun(const std::vector<std::string>& hay, const std::vector<std::string>& needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  return std::search(hay.begin(), hay.end(), needle.begin(), needle.end()) != hay.end();
}

bool IsCountry(const GraphEntity& e) { return e.subtype == "country" || e.subtype == "territory"; }

// The place ids a --to name covers: the places it names, and for a country
// every place of that country.
std::vector<std::string> CoveredPlaces(const KnowledgeGraph& g, const std::vector<size_t>& places) {
  std::vector<std::string> ids;
  for (size_t i : places) {
    const GraphEntity& p = g.entities()[i];
    ids.push_back(p.id);
    if (!IsCountry(p) || p.country.empty()) continue;
    for (const GraphEntity& e : g.entities()) {
      if (e.type == EntityType::kPlace && e.country == p.country) ids.push_back(e.id);
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool AnyIn(const graph::Role* role, const std::vector<std::string>& sorted_ids) {
  if (role == nullptr) return false;
  for (const std::string& id : role->entities) {
    if (std::binary_search(sorted_ids.begin(), sorted_ids.end(), id)) return true;
  }
  return false;
}

Result<graph::DateRange> Bound(std::string_view flag, const std::string& text) {
  graph::DateRange r = graph::ParseDateBound(text);
  if (!r.dated()) {
    return InvalidArgument("--" + std::string(flag) + " needs YYYY, YYYY-MM or YYYY-MM-DD, not '" + text + "'");
  }
  return r;
}

}  // namespace

std::vector<size_t> ResolveName(const KnowledgeGraph& graph, std::string_view name, std::optional<EntityType> type) {
  const std::vector<std::string> wanted = Words(name);
  std::vector<size_t> exact, partial;
  if (wanted.empty()) return {};
  for (size_t i = 0; i < graph.entities().size(); ++i) {
    const GraphEntity& e = graph.entities()[i];
    if (type && e.type != *type) continue;
    bool is_exact = false, is_partial = false;
    auto check = [&](const std::string& candidate) {
      std::vector<std::string> words = Words(candidate);
      if (words == wanted) is_exact = true;
      else if (ContainsRun(words, wanted)) is_partial = true;
    };
    check(e.name);
    for (const std::string& alias : e.aliases) check(alias);
    if (is_exact) exact.push_back(i);
    else if (is_partial) partial.push_back(i);
  }
  return exact.empty() ? partial : exact;
}

std::optional<size_t> ResolveOne(const KnowledgeGraph& graph, std::string_view name) {
  std::optional<size_t> best;
  size_t best_events = 0;
  for (size_t i : ResolveName(graph, name)) {
    size_t events = graph.EventsOf(i).size();
    if (!best || events > best_events) {
      best = i;
      best_events = events;
    }
  }
  return best;
}

Result<std::vector<VisitRow>> FindVisits(const KnowledgeGraph& graph, const VisitFilter& filter) {
  std::optional<graph::DateRange> since, until;
  if (!filter.since.empty()) {
    ASSIGN_OR_RETURN(since, Bound("since", filter.since));
  }
  if (!filter.until.empty()) {
    ASSIGN_OR_RETURN(until, Bound("until", filter.until));
  }
  std::vector<std::string> visitors;
  if (!filter.by.empty()) {
    for (size_t i : ResolveName(graph, filter.by)) {
      if (graph.entities()[i].type != EntityType::kPlace) visitors.push_back(graph.entities()[i].id);
    }
    if (visitors.empty()) return NotFound("no person or organization matches '" + filter.by + "'");
    std::sort(visitors.begin(), visitors.end());
  }
  std::vector<std::string> places;
  if (!filter.to.empty()) {
    std::vector<size_t> named = ResolveName(graph, filter.to, EntityType::kPlace);
    if (named.empty()) return NotFound("no place matches '" + filter.to + "'");
    places = CoveredPlaces(graph, named);
  }

  std::vector<VisitRow> rows;
  for (size_t i = 0; i < graph.events().size(); ++i) {
    const GraphEvent& e = graph.events()[i];
    if (e.type != "Visit") continue;
    if (!filter.statuses.empty() &&
        std::find(filter.statuses.begin(), filter.statuses.end(), e.status) == filter.statuses.end()) {
      continue;
    }
    if (since && (!e.range.dated() || e.range.last < since->first)) continue;
    if (until && (!e.range.dated() || e.range.first > until->last)) continue;
    if (!places.empty() && !AnyIn(e.FindRole("destination"), places)) continue;
    const graph::Role* who = e.FindRole("visitor");
    if (who == nullptr) {
      if (filter.by.empty()) rows.push_back(VisitRow{i, ""});
      continue;
    }
    for (const std::string& id : who->entities) {
      if (!visitors.empty() && !std::binary_search(visitors.begin(), visitors.end(), id)) continue;
      rows.push_back(VisitRow{i, id});
    }
  }
  return rows;
}

}  // namespace newsgraph::query
