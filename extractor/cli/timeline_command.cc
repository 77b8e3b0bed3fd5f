// newsgraph timeline: every input document into one merged JSON-LD graph.
#include <cstdio>

#include "extractor/cli/commands.h"
#include "extractor/cli/document_runner.h"
#include "extractor/cli/graph_io.h"
#include "extractor/graph/graph_builder.h"

namespace newsgraph::cli {

int RunTimeline(const std::vector<std::string>& args) {
  ArgParser p("timeline", "[options] [INPUT...]",
              "Reads every input document, finds its entities and events, merges the\n"
              "entities (by id) and the events (the same happening reported by several\n"
              "articles) across documents, and writes one JSON-LD knowledge graph with\n"
              "the events in date order as a schema.org ItemList. A summary goes to\n"
              "standard error (standard output when -o is given). Documents that fail are\n"
              "reported and left out (exit code 1).");
  AddDocumentFlags(&p);
  p.AddFlag("output", "FILE", "write the graph to FILE (atomically) instead of standard output", 'o');
  if (Status s = p.Parse(args); !s.ok()) return UsageError("timeline", s.message());
  if (p.help()) {
    std::fputs(p.Help().c_str(), stdout);
    return kExitOk;
  }
  Result<RunOptions> options = ReadDocumentFlags(p);
  if (!options.ok()) return UsageError("timeline", options.status().message());

  auto pipeline = BuildPipeline(*options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "newsgraph timeline: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  graph::GraphBuilder builder;
  auto stats = RunDocuments(**pipeline, *options, [&](const Document& doc, const Status& status, std::string_view) {
    if (status.ok()) builder.AddDocument(doc);
    return Status::Ok();
  });
  if (!stats.ok()) {
    // Nothing is written: a partial graph would pass for a whole one.
    std::fprintf(stderr, "newsgraph timeline: %s\n", stats.status().message().c_str());
    return kExitSomeFailed;
  }
  graph::KnowledgeGraph graph = builder.Build();
  const std::string output = p.Get("output");
  if (Status s = WriteGraph(graph, output); !s.ok()) {
    std::fprintf(stderr, "newsgraph timeline: %s\n", s.message().c_str());
    return kExitSomeFailed;
  }
  std::string summary = "newsgraph timeline: " + GraphSummary(graph);
  if (stats->failed > 0) summary += "newsgraph timeline: " + std::to_string(stats->failed) + " inputs failed\n";
  std::fputs(summary.c_str(), output.empty() || output == "-" ? stderr : stdout);
  return stats->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace newsgraph::cli
