#include "extractor/cli/document_runner.h"

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <mutex>
#include <span>
#include <system_error>
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

// Items are read, processed and emitted in batches (see kBatchItems). Threads
// hand batches over, so that the hand-offs (a lock and a wake-up each,
// costly on virtual machines) are paid once per batch rather than once per
// document; and the pipeline runs over a batch stage by stage
// (Pipeline::ProcessBatch), which keeps each stage's code and tables in the
// caches. A batch also closes when the input has nothing more waiting.
struct Batch {
  std::vector<WorkItem> items;  // items[0, size) are this batch's; the rest are kept for reuse
  size_t size = 0;
  size_t bytes = 0;

  // Takes *item in; *item gets the buffers of the slot it fills, for the
  // next read. Returns whether the batch is now full.
  bool Add(WorkItem* item) {
    if (items.size() == size) items.emplace_back();
    std::swap(items[size++], *item);
    bytes += items[size - 1].item.doc.text.size();
    return BatchFull(size, bytes);
  }
  std::span<WorkItem> Items() { return {items.data(), size}; }
  void Clear() { size = bytes = 0; }
};

// A document larger than a batch: its buffers are let go once it is done
// with (ProcessItems: the analysis; EmitBatch: the text and the record),
// so that what a thread or a batch keeps stays within kBatchItems
// documents of ordinary size.
bool LargerThanBatch(const Document& doc) { return doc.text.size() > kBatchBytes; }

// Runs the pipeline on a batch of items and formats each: the per-document
// work. With a formatter, the analysis is built in the buffers of the
// thread doing the work and goes back into them once formatted. Had the
// buffers travelled with the record, the next thread to need one larger
// would free it into this thread's malloc arena, under that arena's lock,
// which this thread, busy allocating, then waits on.
void ProcessItems(const Pipeline& pipeline, const DocumentFormatter& formatter, std::span<WorkItem> items) {
  thread_local std::vector<Document> own;  // only their analysis buffers are used
  thread_local std::vector<Document*> docs;
  thread_local std::vector<Status> statuses;
  if (own.size() < items.size()) own.resize(items.size());
  docs.clear();
  statuses.clear();
  for (size_t i = 0; i < items.size(); ++i) {
    WorkItem& w = items[i];
    w.formatted.clear();
    statuses.push_back(w.item.status);
    if (formatter) own[i].SwapAnalysis(&w.item.doc);
    docs.push_back(&w.item.doc);
  }
  pipeline.ProcessBatch(docs, statuses);
  for (size_t i = 0; i < items.size(); ++i) {
    WorkItem& w = items[i];
    w.status = std::move(statuses[i]);
    if (!formatter) continue;
    formatter(w.item.doc, w.status, &w.formatted);
    own[i].SwapAnalysis(&w.item.doc);
    if (LargerThanBatch(w.item.doc)) {
      own[i] = Document();
    } else {
      own[i].ClearAnalysis();
    }
  }
}

// `s` with control characters written as escapes ("\n", "\x1b"), so that
// an id or a source name taken from the input stays on its one stderr line
// and cannot move the terminal's cursor.
std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else {
      static const char kHex[] = "0123456789abcdef";
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
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
    const std::string id = doc.warnings.empty() && w.status.ok() ? std::string() : Printable(doc.id);
    for (const std::string& warning : doc.warnings) {
      std::fprintf(stderr, "newsgraph: %s: warning: %s\n", id.c_str(), Printable(warning).c_str());
    }
    if (w.status.ok()) {
      ++stats_->documents;
      stats_->bytes += doc.text.size();
    } else {
      ++stats_->failed;
      // The source ("feed.xml:12") says where to look when the id alone does not.
      const std::string why = Printable(w.status.message());
      if (doc.source.empty() || doc.source == doc.id) {
        std::fprintf(stderr, "newsgraph: %s: %s\n", id.c_str(), why.c_str());
      } else {
        std::fprintf(stderr, "newsgraph: %s (%s): %s\n", id.c_str(), Printable(doc.source).c_str(), why.c_str());
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

// Emits a processed batch in order, up to the first failure to emit. A
// batch's slot would keep a large document's text and record until it is
// filled again, and every slot could hold one: see LargerThanBatch.
Status EmitBatch(Batch* batch, Emitter* emitter) {
  for (WorkItem& w : batch->Items()) {
    RETURN_IF_ERROR(emitter->Emit(w));
    if (LargerThanBatch(w.item.doc)) w = WorkItem();
  }
  return Status::Ok();
}

// One thread reads, processes and emits. A batch is processed as soon as
// the input would keep the next document waiting (`wait_hook` is called
// then, from inside the read), so that a streaming consumer gets each
// answer while the input stays open.
Status RunSerial(const Pipeline& pipeline, read::DocumentStream* stream, const DocumentFormatter& formatter,
                 const IdleCallback& idle, std::function<void()>* wait_hook, Emitter* emitter) {
  Batch batch;
  Status result;
  auto run_batch = [&] {
    ProcessItems(pipeline, formatter, batch.Items());
    if (result.ok()) result = EmitBatch(&batch, emitter);
    batch.Clear();
  };
  *wait_hook = [&] {
    if (batch.size > 0) run_batch();
    if (idle) idle();
  };
  WorkItem next;
  while (result.ok() && stream->Next(&next.item)) {
    if (batch.Add(&next)) run_batch();
  }
  if (result.ok() && batch.size > 0) run_batch();
  *wait_hook = nullptr;
  return result;
}

// A reader thread fills numbered batches; `threads` workers process them:
// threads - 1 of their own, and the calling thread, which also emits
// finished batches strictly in number order between batches of its own.
// Every thread that sleeps while the others work takes a core from a
// worker when it wakes, so the run is shaped to wake threads rarely: the
// emitting thread is busy working whenever there is work, and the reader,
// which stops once `max_in_flight` batches are unemitted (bounding memory),
// starts again only when half of them are out, to read several at once.
// Waking notifications are sent after the lock is released, so that the
// woken thread does not at once block on it.
// `dispatch_hook` is pointed at the reader's "send what you have" so that
// the stream can call it before it waits for input (a streaming consumer
// gets its answers while the input stays open).
Status RunParallel(const Pipeline& pipeline, read::DocumentStream* stream, const DocumentFormatter& formatter,
                   int threads, const IdleCallback& idle, std::function<void()>* dispatch_hook,
                   Emitter* emitter) {
  const size_t max_in_flight = static_cast<size_t>(threads) * 4;
  const size_t resume_reading = max_in_flight / 2;
  using Job = std::pair<uint64_t, std::unique_ptr<Batch>>;
  std::mutex mu;
  // work_ready: a batch is queued, the batch to emit next is finished
  // (only the calling thread waits for that), or the run is over.
  std::condition_variable work_ready, space_free;
  std::deque<Job> queue;
  std::map<uint64_t, std::unique_ptr<Batch>> finished;
  // Emitted batches, reused so that their buffers (text, tokens, the
  // formatted records) are not allocated again for every document.
  std::vector<std::unique_ptr<Batch>> spare;
  uint64_t next_read = 0, next_emit = 0;
  bool reading_done = false, stop = false;
  bool caller_waiting = false;  // the calling thread sleeps on work_ready

  auto read_loop = [&] {
    std::unique_ptr<Batch> open;  // being filled; only this thread touches it
    auto dispatch = [&] {
      if (open == nullptr || open->size == 0) return;
      {
        std::lock_guard lock(mu);
        queue.emplace_back(next_read++, std::move(open));
      }
      work_ready.notify_one();
    };
    *dispatch_hook = dispatch;
    WorkItem next;
    while (stream->Next(&next.item)) {
      if (open == nullptr) {
        std::unique_lock lock(mu);
        if (next_read - next_emit >= max_in_flight) {
          space_free.wait(lock, [&] { return stop || next_read - next_emit <= resume_reading; });
        }
        if (stop) break;
        if (!spare.empty()) {
          open = std::move(spare.back());
          spare.pop_back();
        } else {
          open = std::make_unique<Batch>();
        }
        open->Clear();
      }
      if (open->Add(&next)) dispatch();
    }
    dispatch();
    *dispatch_hook = nullptr;
    {
      std::lock_guard lock(mu);
      reading_done = true;
    }
    work_ready.notify_all();
  };
  // Processes the batch at the queue's front; called with `lock` held, and
  // returns with it held. Returns whether the batch is the one to emit next.
  auto process_next = [&](std::unique_lock<std::mutex>& lock) {
    Job job = std::move(queue.front());
    queue.pop_front();
    lock.unlock();
    Batch& batch = *job.second;
    ProcessItems(pipeline, formatter, batch.Items());
    lock.lock();
    finished.emplace(job.first, std::move(job.second));
    return job.first == next_emit;
  };
  auto work_loop = [&] {
    std::unique_lock lock(mu);
    while (true) {
      work_ready.wait(lock, [&] { return stop || !queue.empty() || reading_done; });
      if (stop || queue.empty()) return;
      if (process_next(lock) && caller_waiting) {
        // The calling thread waits for this batch. The workers sleeping on
        // the same condition variable wake too, and sleep again.
        lock.unlock();
        work_ready.notify_all();
        lock.lock();
      }
    }
  };

  // Threads that cannot be had (a process or memory limit) mean fewer
  // workers, or a serial run without a reader.
  std::vector<std::thread> workers;
  std::thread reader;
  try {
    reader = std::thread(read_loop);
    for (int t = 1; t < threads; ++t) workers.emplace_back(work_loop);
  } catch (const std::system_error&) {
  }
  if (!reader.joinable()) {
    return RunSerial(pipeline, stream, formatter, idle, dispatch_hook, emitter);
  }

  Status result;
  std::unique_lock lock(mu);
  while (result.ok()) {
    auto it = finished.find(next_emit);
    if (it != finished.end()) {
      std::unique_ptr<Batch> batch = std::move(it->second);
      finished.erase(it);
      lock.unlock();
      result = EmitBatch(batch.get(), emitter);
      lock.lock();
      spare.push_back(std::move(batch));
      ++next_emit;
      if (next_read - next_emit <= resume_reading) {
        lock.unlock();
        space_free.notify_one();
        lock.lock();
      }
    } else if (!queue.empty()) {
      process_next(lock);
    } else if (reading_done && next_emit == next_read) {
      break;  // all read and emitted
    } else {
      if (idle) {
        // Everything finished so far is out: let it reach the consumer
        // while the workers go on.
        lock.unlock();
        idle();
        lock.lock();
      }
      caller_waiting = true;
      work_ready.wait(lock, [&] {
        return !queue.empty() || finished.count(next_emit) > 0 || (reading_done && next_emit == next_read);
      });
      caller_waiting = false;
    }
  }
  stop = true;
  lock.unlock();
  work_ready.notify_all();
  space_free.notify_all();
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
  // Waiting for input is the moment to send on what has been read: a serial
  // run processes and emits the batch it holds, then lets the sink flush; a
  // parallel one hands the batch to the workers (its emitting thread finds
  // its own idle moments).
  std::function<void()> dispatch;
  read_options.before_wait = [&dispatch] {
    if (dispatch) dispatch();
  };
  if (options.max_document_bytes > 0) read_options.max_document_bytes = options.max_document_bytes;
  read::DocumentStream stream(options.inputs, read_options);

  RunStats stats;
  Status s;
  {
    Emitter emitter(sink, &stats);
    s = options.threads <= 1 ? RunSerial(pipeline, &stream, formatter, idle, &dispatch, &emitter)
                             : RunParallel(pipeline, &stream, formatter, options.threads, idle, &dispatch, &emitter);
  }
  RETURN_IF_ERROR(s);
  return stats;
}

}  // namespace newsgraph::cli
