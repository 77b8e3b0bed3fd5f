// Renders query answers for people (aligned text tables, each event
// followed by its source sentences) and for programs (JSON).
//
//   std::string out = json ? VisitsJson(graph, rows) : VisitsTable(graph, rows);
//
// Pure functions; thread-safe. Output ends with a newline.
#ifndef NEWSGRAPH_QUERY_REPORT_H_
#define NEWSGRAPH_QUERY_REPORT_H_

#include <optional>
#include <string>
#include <vector>

#include "extractor/graph/knowledge_graph.h"
#include "extractor/query/queries.h"

namespace newsgraph::query {

// DATE  VISITOR  DESTINATION  STATUS  SOURCES, then one indented line per
// source: [article id, publication date] sentence.
std::string VisitsTable(const graph::KnowledgeGraph& graph, const std::vector<VisitRow>& rows);
// {"visits":[{"event","date","datePrecision","status","confidence","visitor":{"id","name"}|null,
//   "destination":[{"id","name"}],"host":[...],"sources":[{"article","url","published","event",
//   "status","date","sentence","start","end","trigger"}]}]}
std::string VisitsJson(const graph::KnowledgeGraph& graph, const std::vector<VisitRow>& rows);

// The events an entity fills a role in (indices into graph.events()).
std::string EntityTimelineTable(const graph::KnowledgeGraph& graph, size_t entity, const std::vector<size_t>& events);
// {"entity":{"id","name"},"events":[{"event","type","date","datePrecision","status","roles":{"visitor":
//   [{"id","name"}]},"sources":[...]}]}
std::string EntityTimelineJson(const graph::KnowledgeGraph& graph, size_t entity, const std::vector<size_t>& events);

// A path from `from` to `to`; `hops` empty when they are the same entity.
std::string PathText(const graph::KnowledgeGraph& graph, size_t from, const std::vector<graph::PathHop>& hops);
// {"from":{"id","name"},"to":{"id","name"},"length":n,"steps":[{"event":{...},"fromRole","toRole",
//   "entity":{"id","name"}}]}; "length" null and "steps" empty when `hops` is
// nullopt (not connected).
std::string PathJson(const graph::KnowledgeGraph& graph, size_t from, size_t to,
                     const std::optional<std::vector<graph::PathHop>>& hops);

}  // namespace newsgraph::query

#endif  // NEWSGRAPH_QUERY_REPORT_H_
