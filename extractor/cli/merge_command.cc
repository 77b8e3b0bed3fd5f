// newsgraph merge: graphs made from shards -> one graph.
#include <cstdio>

#include "extractor/cli/args.h"
#include "extractor/cli/commands.h"
#include "extractor/cli/graph_io.h"

namespace newsgraph::cli {

int RunMerge(const std::vector<std::string>& args) {
  ArgParser p("merge", "[options] GRAPH...",
              "Joins JSON-LD graphs written by 'newsgraph timeline', 'merge' or\n"
              "'extract --format jsonld' into one graph, merging entities and events again\n"
              "across all of them. GRAPH is a file, a folder (every file in it but hidden\n"
              "ones and _SUCCESS markers, in sorted order) or - for standard input. The\n"
              "result does not depend on how the documents were split or in which order\n"
              "the graphs are given: merging the timelines of the parts of a corpus gives\n"
              "the same bytes as the timeline of the whole. If any input cannot be read,\n"
              "nothing is written (exit code 1).");
  p.AddFlag("output", "FILE", "write the graph to FILE (atomically) instead of standard output", 'o');
  if (Status s = p.Parse(args); !s.ok()) return UsageError("merge", s.message());
  if (p.help()) {
    std::fputs(p.Help().c_str(), stdout);
    return kExitOk;
  }
  if (p.positionals().empty()) return UsageError("merge", "no GRAPH given (use - to read standard input)");

  graph::JsonLdReadStats stats;
  Result<graph::KnowledgeGraph> graph = LoadGraphs(p.positionals(), &stats);
  if (!graph.ok()) {
    std::fprintf(stderr, "newsgraph merge: %s\n", graph.status().message().c_str());
    return kExitSomeFailed;
  }
  const std::string output = p.Get("output");
  if (Status s = WriteGraph(*graph, output); !s.ok()) {
    std::fprintf(stderr, "newsgraph merge: %s\n", s.message().c_str());
    return kExitSomeFailed;
  }
  std::string summary = "newsgraph merge: read " + std::to_string(stats.graphs) +
                        (stats.graphs == 1 ? " graph; " : " graphs; ") + GraphSummary(*graph);
  if (stats.failed_articles > 0) {
    summary += "newsgraph merge: left out " + std::to_string(stats.failed_articles) +
               " documents that had failed in extract\n";
  }
  std::fputs(summary.c_str(), output.empty() || output == "-" ? stderr : stdout);
  return kExitOk;
}

}  // namespace newsgraph::cli
