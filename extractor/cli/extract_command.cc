// newsgraph extract: one record per input document.
#include <cstdio>

#include "extractor/cli/commands.h"
#include "extractor/cli/document_runner.h"
#include "extractor/cli/output_file.h"
#include "extractor/write/record_writer.h"

namespace newsgraph::cli {

int UsageError(const std::string& command, const std::string& message) {
  std::fprintf(stderr, "newsgraph %s: %s\n(see 'newsgraph %s --help')\n", command.c_str(), message.c_str(),
               command.c_str());
  return kExitUsage;
}

int RunExtract(const std::vector<std::string>& args) {
  ArgParser p("extract", "[options] [INPUT...]",
              "Finds people, places, organizations, time expressions and events in each\n"
              "input document and writes one record per document, in input order. A\n"
              "document that cannot be read gets an error record and a message on stderr;\n"
              "the others are still processed (exit code 1).");
  AddDocumentFlags(&p);
  p.AddFlag("format", "F", "ndjson (default), jsonld or csv");
  p.AddSwitch("include-text", "add each document's text to its record");
  p.AddFlag("output", "FILE", "write to FILE (atomically) instead of standard output", 'o');
  if (Status s = p.Parse(args); !s.ok()) return UsageError("extract", s.message());
  if (p.help()) {
    std::fputs(p.Help().c_str(), stdout);
    return kExitOk;
  }
  Result<RunOptions> options = ReadDocumentFlags(p);
  if (!options.ok()) return UsageError("extract", options.status().message());

  auto pipeline = BuildPipeline(*options);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "newsgraph extract: %s\n", pipeline.status().message().c_str());
    return kExitUsage;
  }
  write::WriteOptions write_options;
  write_options.include_text = p.Has("include-text");
  auto writer = write::MakeRecordWriter(p.Get("format", "ndjson"), write_options);
  if (!writer.ok()) return UsageError("extract", writer.status().message());
  auto out = OutputFile::Open(p.Get("output"));
  if (!out.ok()) return UsageError("extract", out.status().message());

  std::string buffer;
  (*writer)->Begin(&buffer);
  if (Status s = (*out)->Write(buffer); !s.ok()) return UsageError("extract", s.message());
  buffer.clear();
  const write::RecordWriter& records = **writer;
  auto format = [&records](const Document& doc, const Status& status, std::string* formatted) {
    if (status.ok()) {
      records.WriteDocument(doc, formatted);
    } else {
      records.WriteError(doc, status, formatted);
    }
  };
  auto stats = RunDocuments(
      **pipeline, *options,
      [&](const Document&, const Status&, std::string_view formatted) -> Status {
        return (*out)->Write(formatted);
      },
      format,
      // Records reach a streaming consumer whenever newsgraph would wait,
      // without a write call per record while input keeps coming. A failed
      // flush is kept by `out` and shows at the next Write or Commit.
      [&out] { (void)(*out)->FlushIfStream(); });
  if (!stats.ok()) {
    std::fprintf(stderr, "newsgraph extract: %s\n", stats.status().message().c_str());
    return kExitSomeFailed;
  }
  (*writer)->End(&buffer);
  Status s = (*out)->Write(buffer);
  if (s.ok()) s = (*out)->Commit();
  if (!s.ok()) {
    std::fprintf(stderr, "newsgraph extract: %s\n", s.message().c_str());
    return kExitSomeFailed;
  }
  return stats->failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace newsgraph::cli
