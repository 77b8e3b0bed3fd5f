#include "extractor/cli/document_runner.h"

#include <unistd.h>

#include <cstdio>
#include <thread>

#include "extractor/core/civil_date.h"
#include "extractor/pipeline/default_pipeline.h"
#include "extractor/read/document_stream.h"

namespace newsgraph::cli {

void AddDocumentFlags(ArgParser* p) {
  p->AddFlag("date", "YYYY-MM-DD", "publication date of inputs that carry none");
  p->AddFlag("gazetteer", "FILE", "also match the names in FILE (repeatable)");
  p->AddFlag("data-dir", "DIR", "data files (default: $NEWSGRAPH_DATA or the source tree)");
  p->AddFlag("threads", "N", "worker threads (default: all cores)");
  p->AddFlag("max-doc-bytes", "N", "fail documents larger than N bytes (default 64 MiB)");
}

Result<RunOptions> ReadDocumentFlags(const ArgParser& p) {
  RunOptions o;
  o.inputs = p.positionals();
  if (o.inputs.empty()) {
    if (isatty(STDIN_FILENO)) return InvalidArgument("no INPUT given (use - to read standard input)");
    o.inputs.push_back("-");
  }
  if (p.Has("date")) {
    o.published = p.Get("date");
    if (!ParseIsoDate(o.published)) {
      return InvalidArgument("--date needs a real date as YYYY-MM-DD, not '" + o.published + "'");
    }
  }
  o.gazetteers = p.GetAll("gazetteer");
  o.data_dir = p.Get("data-dir", DefaultDataDir());
  unsigned cores = std::thread::hardware_concurrency();
  o.threads = cores == 0 ? 1 : static_cast<int>(cores);
  if (p.Has("threads")) {
    ASSIGN_OR_RETURN(long n, ParsePositive("threads", p.Get("threads")));
    o.threads = static_cast<int>(n > 256 ? 256 : n);
  }
  if (p.Has("max-doc-bytes")) {
    ASSIGN_OR_RETURN(long n, ParsePositive("max-doc-bytes", p.Get("max-doc-bytes")));
    o.max_document_bytes = static_cast<size_t>(n);
  }
  return o;
}

Result<RunStats> RunDocuments(const RunOptions& options, const DocumentSink& sink) {
  StageConfig config;
  config.data_dir = options.data_dir;
  config.user_gazetteers = options.gazetteers;
  ASSIGN_OR_RETURN(auto pipeline, CreateDefaultPipeline(config));

  read::ReadOptions read_options;
  read_options.published = options.published;
  if (options.max_document_bytes > 0) read_options.max_document_bytes = options.max_document_bytes;
  read::DocumentStream stream(options.inputs, read_options);

  RunStats stats;
  read::ReadItem item;
  while (stream.Next(&item)) {
    Status status = item.status;
    if (status.ok()) status = pipeline->Process(&item.doc);
    for (const std::string& w : item.doc.warnings) {
      std::fprintf(stderr, "newsgraph: %s: warning: %s\n", item.doc.id.c_str(), w.c_str());
    }
    if (status.ok()) {
      ++stats.documents;
      stats.bytes += item.doc.text.size();
    } else {
      ++stats.failed;
      std::fprintf(stderr, "newsgraph: %s: %s\n", item.doc.id.c_str(), status.message().c_str());
    }
    RETURN_IF_ERROR(sink(item.doc, status));
  }
  return stats;
}

}  // namespace newsgraph::cli
