// What the graph commands (timeline, merge, query) share: loading JSON-LD
// graphs from files, folders or standard input, writing a graph atomically,
// and the one-line summary of a graph.
//
//   ASSIGN_OR_RETURN(graph::KnowledgeGraph g, LoadGraphs({"a.jsonld", "shards/"}, nullptr));
//   RETURN_IF_ERROR(WriteGraph(g, "out.jsonld"));   // "" or "-": standard output
//   std::fputs(GraphSummary(g).c_str(), stderr);
#ifndef NEWSGRAPH_CLI_GRAPH_IO_H_
#define NEWSGRAPH_CLI_GRAPH_IO_H_

#include <string>
#include <vector>

#include "extractor/core/status.h"
#include "extractor/graph/graph_builder.h"
#include "extractor/graph/jsonld_reader.h"
#include "extractor/graph/knowledge_graph.h"

namespace newsgraph::cli {

// Reads every input (a file, "-" for standard input, or a folder: every
// file in it but hidden ones and markers starting with "_", walked in sorted
// order) and builds
// one graph from all of them. Fails on the first unreadable or malformed
// input, naming it; nothing is built then. Fills *stats when not null.
// `merge` merges events afresh (kMerge); `query` keeps those of the graph
// it reads (kAsRead), which is the same graph without the cost.
Result<graph::KnowledgeGraph> LoadGraphs(const std::vector<std::string>& inputs, graph::JsonLdReadStats* stats,
                                         graph::EventGrouping grouping = graph::EventGrouping::kMerge);

// Writes the pretty JSON-LD timeline of `graph` to `path` atomically (a
// temporary file renamed over it), or to standard output for "" or "-".
Status WriteGraph(const graph::KnowledgeGraph& graph, const std::string& path);

// "9 documents, 52 entities, 14 events from 17 mentions (3 events merged from 6 mentions)\n"
std::string GraphSummary(const graph::KnowledgeGraph& graph);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_GRAPH_IO_H_
