// Questions asked of a knowledge graph: who visited where and when, what one
// entity took part in, and how two entities are connected. Names resolve
// through the names and aliases the articles used ("Putin", "Vladimir
// Putin"), case-insensitively.
//
//   VisitFilter f;
//   f.to = "Pyongyang";
//   f.since = "2000";
//   ASSIGN_OR_RETURN(std::vector<VisitRow> rows, FindVisits(graph, f));
//   std::string table = VisitsTable(graph, rows);   // report.h
//
// Pure functions of the graph; thread-safe.
#ifndef NEWSGRAPH_QUERY_QUERIES_H_
#define NEWSGRAPH_QUERY_QUERIES_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/status.h"
#include "extractor/graph/knowledge_graph.h"

namespace newsgraph::query {

// Which entities a user's name refers to, as indices into graph.entities(),
// ascending. Those whose name or an alias equals `name` (ignoring ASCII
// case and runs of spaces) if there are any; otherwise those whose name or
// an alias holds `name`'s words as consecutive whole words ("Kim" finds
// "Kim Jong Un"). With `type`, only entities of that type. Empty when
// nothing matches.
std::vector<size_t> ResolveName(const graph::KnowledgeGraph& graph, std::string_view name,
                                std::optional<EntityType> type = std::nullopt);

// The one entity a name stands for when a single one is needed: of the
// matches, the one in most events, then the smallest id. nullopt when
// nothing matches.
std::optional<size_t> ResolveOne(const graph::KnowledgeGraph& graph, std::string_view name);

struct VisitFilter {
  std::string by;     // visitor name; empty: anyone
  std::string to;     // destination name; a country also finds places in it
  std::string since;  // "2024", "2024-06" or "2024-06-19": dates that reach it or later
  std::string until;  // dates that start on or before its end
  std::vector<EventStatus> statuses;  // empty: every status
};

// One visitor of one Visit event.
struct VisitRow {
  size_t event = 0;     // index into graph.events()
  std::string visitor;  // entity id; empty when the visit names no visitor
};

// The visits the filter lets through, in timeline order, one row per
// visitor. InvalidArgument for a malformed date bound; NotFound naming the
// name when --by or --to matches no entity.
Result<std::vector<VisitRow>> FindVisits(const graph::KnowledgeGraph& graph, const VisitFilter& filter);

}  // namespace newsgraph::query

#endif  // NEWSGRAPH_QUERY_QUERIES_H_
