#include "extractor/cli/graph_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "extractor/cli/output_file.h"
#include "extractor/graph/graph_builder.h"
#include "extractor/write/jsonld_writer.h"

namespace newsgraph::cli {
namespace {

namespace fs = std::filesystem;

Result<std::string> ReadAll(const std::string& path) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (f == nullptr) return IoError(path + ": cannot open: " + std::strerror(errno));
  std::string text;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
  bool failed = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (failed) return IoError(path + ": read failed");
  return text;
}

// In a folder every file is a graph but hidden files and markers such as
// Hadoop's and Spark's _SUCCESS (their part-00000 files have no extension).
bool IsGraphFile(const fs::path& p) {
  std::string name = p.filename().string();
  return !name.empty() && name[0] != '.' && name[0] != '_';
}

// Expands folders into their graph files, sorted by path.
Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-" || !fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && IsGraphFile(it->path())) found.push_back(it->path().string());
    }
    if (ec) return IoError(input + ": cannot list: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string Plural(size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

Result<graph::KnowledgeGraph> LoadGraphs(const std::vector<std::string>& inputs, graph::JsonLdReadStats* stats,
                                         graph::EventGrouping grouping) {
  graph::JsonLdReadStats local;
  if (stats == nullptr) stats = &local;
  ASSIGN_OR_RETURN(std::vector<std::string> files, ExpandInputs(inputs));
  graph::GraphBuilder builder;
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(std::string text, ReadAll(file));
    graph::GraphParts parts;
    RETURN_IF_ERROR(graph::ReadJsonLd(text, file == "-" ? "standard input" : file, &parts, stats));
    builder.Add(std::move(parts));
  }
  return builder.Build(grouping);
}

Status WriteGraph(const graph::KnowledgeGraph& graph, const std::string& path) {
  std::string text;
  write::WriteGraphJsonLd(graph, write::JsonLdStyle{}, &text);
  ASSIGN_OR_RETURN(auto out, OutputFile::Open(path));
  RETURN_IF_ERROR(out->Write(text));
  return out->Commit();
}

std::string GraphSummary(const graph::KnowledgeGraph& graph) {
  size_t merged_mentions = 0;
  for (const graph::GraphEvent& e : graph.events()) merged_mentions += e.mentions.size() > 1 ? e.mentions.size() : 0;
  return Plural(graph.articles().size(), "document", "documents") + ", " +
         Plural(graph.entities().size(), "entity", "entities") + ", " +
         Plural(graph.events().size(), "event", "events") + " from " +
         Plural(graph.mention_count(), "mention", "mentions") + " (" +
         Plural(graph.merged_event_count(), "event", "events") + " merged from " +
         Plural(merged_mentions, "mention", "mentions") + ")\n";
}

}  // namespace newsgraph::cli
