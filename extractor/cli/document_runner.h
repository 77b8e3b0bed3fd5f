// The loop shared by the commands that read articles (extract, timeline):
// read every input, run the pipeline on each document, hand each result to
// a sink in input order, and report failures on stderr.
//
//   ArgParser p(...);
//   AddDocumentFlags(&p);
//   RETURN_IF_ERROR(p.Parse(args));
//   ASSIGN_OR_RETURN(RunOptions options, ReadDocumentFlags(p));
//   ASSIGN_OR_RETURN(auto pipeline, BuildPipeline(options));
//   ASSIGN_OR_RETURN(RunStats stats, RunDocuments(*pipeline, options,
//       [&](const Document& doc, const Status& s, std::string_view) {
//         return s.ok() ? Consume(doc) : ConsumeError(doc, s);
//       }));
#ifndef NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_
#define NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "extractor/cli/args.h"
#include "extractor/core/document.h"
#include "extractor/core/status.h"
#include "extractor/pipeline/pipeline.h"

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

// Called once per input item, in input order, on the calling thread:
// `status` is OK for a processed document, or says why the item failed;
// `formatted` is what the formatter (if any) made of it. With a formatter,
// the document's analysis (folded text, sentences, tokens, entities,
// timexes, events) is released once formatted: the sink sees its text and
// metadata. A sink error stops the run.
using DocumentSink =
    std::function<Status(const Document& doc, const Status& status, std::string_view formatted)>;
// Optional: turns a finished item into output bytes on the worker thread
// that processed it, so that formatting runs in parallel too.
using DocumentFormatter = std::function<void(const Document& doc, const Status& status, std::string* out)>;

// Builds the default pipeline over options.data_dir and options.gazetteers.
// An error here is a set-up error (exit code 2).
Result<std::unique_ptr<Pipeline>> BuildPipeline(const RunOptions& options);

// Runs every input through `pipeline` on options.threads worker threads (the
// calling thread is one of them), handing results to `sink` in input order:
// the output is the same whatever the thread count. Documents go to the
// workers in small batches; at most a few batches per thread are in memory
// at once. Each failed item is reported on stderr as
// "newsgraph: <id> (<source>): <why>", each warning as
// "newsgraph: <id>: warning: ..." (control characters escaped); when stderr
// is a terminal a progress line shows documents, MB/s and errors.
//
// `idle` (optional) is called on the calling thread whenever the run is
// about to wait, for input that has not arrived or for a document still in
// work, with every finished item already handed to the sink: the moment to
// flush output to a streaming consumer, instead of once per record.
using IdleCallback = std::function<void()>;

// RunDocuments' batches: a batch closes at kBatchItems documents or at
// kBatchBytes of text (or when the input has nothing more waiting).
inline constexpr size_t kBatchItems = 32;
inline constexpr size_t kBatchBytes = size_t{128} << 10;
constexpr bool BatchFull(size_t items, size_t text_bytes) {
  return items >= kBatchItems || text_bytes >= kBatchBytes;
}

Result<RunStats> RunDocuments(const Pipeline& pipeline, const RunOptions& options, const DocumentSink& sink,
                              const DocumentFormatter& formatter = nullptr, const IdleCallback& idle = nullptr);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_DOCUMENT_RUNNER_H_
