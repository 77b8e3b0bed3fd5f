#include "extractor/cli/document_runner.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
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

namespace {

// One input item on its way from the reader to the sink.
struct WorkItem {
  read::ReadItem item;
  Status status;
  std::string formatted;
};

// Runs the pipeline on one item and formats it: the per-document work.
void ProcessItem(const Pipeline& pipeline, const DocumentFormatter& formatter, WorkItem* w) {
  w->formatted.clear();
  w->status = w->item.status;
  if (w->status.ok()) w->status = pipeline.Process(&w->item.doc);
  if (formatter) formatter(w->item.doc, w->status, &w->formatted);
}

// Reports an item on stderr, counts it, and passes it to the sink.
class Emitter {
 public:
  Emitter(const DocumentSink& sink, RunStats* stats) : sink_(sink), stats_(stats), tty_(isatty(STDERR_FILENO)) {
    start_ = last_progress_ = std::chrono::steady_clock::now();
  }
  ~Emitter() {
    if (shown_progress_) std::fputs("\r\033[K", stderr);
  }

  Status Emit(const WorkItem& w) {
    const Document& doc = w.item.doc;
    if (tty_ && shown_progress_) std::fputs("\r\033[K", stderr);
    for (const std::string& warning : doc.warnings) {
      std::fprintf(stderr, "newsgraph: %s: warning: %s\n", doc.id.c_str(), warning.c_str());
    }
    if (w.status.ok()) {
      ++stats_->documents;
      stats_->bytes += doc.text.size();
    } else {
      ++stats_->failed;
      // The source ("feed.xml:12") says where to look when the id alone does not.
      if (doc.source.empty() || doc.source == doc.id) {
        std::fprintf(stderr, "newsgraph: %s: %s\n", doc.id.c_str(), w.status.message().c_str());
      } else {
        std::fprintf(stderr, "newsgraph: %s (%s): %s\n", doc.id.c_str(), doc.source.c_str(),
                     w.status.message().c_str());
      }
    }
    RETURN_IF_ERROR(sink_(doc, w.status, w.formatted));
    MaybeShowProgress();
    return Status::Ok();
  }

 private:
  // A progress line at most twice a second, only on a terminal.
  void MaybeShowProgress() {
    if (!tty_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < std::chrono::milliseconds(500)) return;
    last_progress_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    std::fprintf(stderr, "\r\033[K%zu documents, %.1f MB/s, %zu errors", stats_->documents,
                 seconds > 0 ? stats_->bytes / 1e6 / seconds : 0.0, stats_->failed);
    std::fflush(stderr);
    shown_progress_ = true;
  }

  const DocumentSink& sink_;
  RunStats* stats_;
  bool tty_;
  bool shown_progress_ = false;
  std::chrono::steady_clock::time_point start_, last_progress_;
};

Status RunSerial(const Pipeline& pipeline, read::DocumentStream* stream, const DocumentFormatter& formatter,
                 Emitter* emitter) {
  WorkItem w;
  while (stream->Next(&w.item)) {
    ProcessItem(pipeline, formatter, &w);
    RETURN_IF_ERROR(emitter->Emit(w));
  }
  return Status::Ok();
}

// A reader thread feeds numbered items to the workers; the calling thread
// emits finished items strictly in number order. The reader waits while
// `max_in_flight` items are unfinished or unemitted, which bounds memory.
Status RunParallel(const Pipeline& pipeline, read::DocumentStream* stream, const DocumentFormatter& formatter,
                   int threads, const IdleCallback& idle, Emitter* emitter) {
  const size_t max_in_flight = static_cast<size_t>(threads) * 4;
  std::mutex mu;
  std::condition_variable work_ready, item_done, space_free;
  std::deque<std::pair<uint64_t, std::unique_ptr<WorkItem>>> queue;
  std::map<uint64_t, std::unique_ptr<WorkItem>> finished;
  // Emitted items, reused so that their buffers (text, tokens, the
  // formatted record) are not allocated again for every document.
  std::vector<std::unique_ptr<WorkItem>> spare;
  uint64_t next_read = 0, next_emit = 0;
  bool reading_done = false, stop = false;

  std::thread reader([&] {
    while (true) {
      std::unique_ptr<WorkItem> w;
      {
        std::unique_lock lock(mu);
        space_free.wait(lock, [&] { return stop || next_read - next_emit < max_in_flight; });
        if (stop) break;
        if (!spare.empty()) {
          w = std::move(spare.back());
          spare.pop_back();
        }
      }
      if (w == nullptr) w = std::make_unique<WorkItem>();
      if (!stream->Next(&w->item)) break;
      std::lock_guard lock(mu);
      queue.emplace_back(next_read++, std::move(w));
      work_ready.notify_one();
    }
    std::lock_guard lock(mu);
    reading_done = true;
    work_ready.notify_all();
    item_done.notify_all();
  });

  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      while (true) {
        std::pair<uint64_t, std::unique_ptr<WorkItem>> job;
        {
          std::unique_lock lock(mu);
          work_ready.wait(lock, [&] { return stop || !queue.empty() || reading_done; });
          if (stop || queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        ProcessItem(pipeline, formatter, job.second.get());
        std::lock_guard lock(mu);
        finished.emplace(job.first, std::move(job.second));
        item_done.notify_all();
      }
    });
  }

  Status result;
  while (true) {
    std::unique_ptr<WorkItem> w;
    {
      std::unique_lock lock(mu);
      if (idle && finished.count(next_emit) == 0 && !(reading_done && next_emit == next_read)) {
        // Everything finished so far is out: let it reach the consumer
        // while the workers go on.
        lock.unlock();
        idle();
        lock.lock();
      }
      item_done.wait(lock, [&] { return finished.count(next_emit) > 0 || (reading_done && next_emit == next_read); });
      auto it = finished.find(next_emit);
      if (it == finished.end()) break;  // all read and emitted
      w = std::move(it->second);
      finished.erase(it);
    }
    result = emitter->Emit(*w);
    std::lock_guard lock(mu);
    spare.push_back(std::move(w));
    ++next_emit;
    space_free.notify_one();
    if (!result.ok()) break;
  }
  {
    std::lock_guard lock(mu);
    stop = true;
    work_ready.notify_all();
    space_free.notify_all();
  }
  reader.join();
  for (std::thread& t : workers) t.join();
  return result;
}

}  // namespace

Result<std::unique_ptr<Pipeline>> BuildPipeline(const RunOptions& options) {
  StageConfig config;
  config.data_dir = options.data_dir;
  config.user_gazetteers = options.gazetteers;
  return CreateDefaultPipeline(config);
}

Result<RunStats> RunDocuments(const Pipeline& pipeline, const RunOptions& options, const DocumentSink& sink,
                              const DocumentFormatter& formatter, const IdleCallback& idle) {
  read::ReadOptions read_options;
  read_options.published = options.published;
  // Serial: the reading thread is the emitting one, so waiting for input
  // is the idle moment. Parallel: the emitter finds its own.
  if (options.threads <= 1) read_options.before_wait = idle;
  if (options.max_document_bytes > 0) read_options.max_document_bytes = options.max_document_bytes;
  read::DocumentStream stream(options.inputs, read_options);

  RunStats stats;
  Status s;
  {
    Emitter emitter(sink, &stats);
    s = options.threads <= 1 ? RunSerial(pipeline, &stream, formatter, &emitter)
                             : RunParallel(pipeline, &stream, formatter, options.threads, idle, &emitter);
  }
  RETURN_IF_ERROR(s);
  return stats;
}

}  // namespace newsgraph::cli
