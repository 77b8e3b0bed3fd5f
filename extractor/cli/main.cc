// newsgraph: news articles in, a knowledge graph of events out.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "extractor/cli/commands.h"

namespace {

constexpr const char* kUsage =
    "usage: newsgraph <command> [options] [INPUT...]\n"
    "\n"
    "commands:\n"
    "  extract   one record per document: entities, time expressions, events (NDJSON)\n"
    "  timeline  one merged JSON-LD knowledge graph and timeline of all documents\n"
    "  merge     join JSON-LD graphs made from shards into one\n"
    "  query     ask a JSON-LD graph who visited where, an entity's timeline, a path\n"
    "\n"
    "INPUT is a file, a folder (walked in sorted order) or - for standard input:\n"
    "HTML pages, RSS/Atom feeds, NDJSON records or plain text.\n"
    "'newsgraph <command> --help' describes each command.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph::cli;
  if (argc < 2) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (command == "--version" || command == "version") {
    std::printf("newsgraph %s\n", NEWSGRAPH_VERSION);
    return kExitOk;
  }
  if (command == "extract") return RunExtract(args);
  if (command == "timeline") return RunTimeline(args);
  if (command == "merge") return RunMerge(args);
  if (command == "query") return RunQuery(args);
  std::fprintf(stderr, "newsgraph: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return kExitUsage;
}
