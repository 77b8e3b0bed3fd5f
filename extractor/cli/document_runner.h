// The loop shared by the commands that read articles (extract, timeline):
// read every input, run the pipeline on each document, hand each result to
// a sink in input order, and report failures on stderr.
//
//   ArgParser p(...);
//   AddDocumentFlags(&p);
//   RETURN_IF_ERROR(p.Parse(args));
//   ASSIGN_OR_RETURN(RunOptions options, ReadDocumentFlags(p));
//   ASSIGN_OR_RETURN(RunStats stats, RunDocuments(options, [&](const Document& doc, const Status& s) {
//     return s.ok() ? Consume(doc) : ConsumeError(doc, s);
//   }));
#ifndef NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_
#define NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extractor/cli/args.h"
#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph::cli {

struct RunOptions {
  std::vector<std::string> inputs;      // files, folders, "-"
  std::string published;                // --date, validated YYYY-MM-DD
  std::vector<std::string> gazetteers;  // --gazetteer
  std::string data_dir;                 // --data-dir, $NEWSGRAPH_DATA or the source tree
  int threads = 1;                      // --threads
  size_t max_document_bytes = 0;        // --max-doc-bytes; 0: the reader's default
};

struct RunStats {
  size_t documents = 0;  // inputs that became documents and were processed
  size_t failed = 0;     // inputs reported as errors
  size_t bytes = 0;      // text bytes processed
};

// Adds --date, --gazetteer, --data-dir, --threads, --max-doc-bytes.
void AddDocumentFlags(ArgParser* parser);
// Validates them. With no INPUT, standard input is read unless it is a terminal.
Result<RunOptions> ReadDocumentFlags(const ArgParser& parser);

// Called once per input item, in input order: `status` is OK for a
// processed document, or says why the item failed. A sink error stops the run.
using DocumentSink = std::function<Status(const Document& doc, const Status& status)>;

// Builds the pipeline (an error here is a set-up error) and runs every
// input through it. Each failed item is reported on stderr as
// "newsgraph: <id>: <why>", each warning as "newsgraph: <id>: warning: ...".
Result<RunStats> RunDocuments(const RunOptions& options, const DocumentSink& sink);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_
