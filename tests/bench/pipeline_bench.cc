// End-to-end benchmark of the extraction pipeline over a news corpus: every
// stage (segment, entities with the full gazetteers, time expressions,
// events) and the NDJSON record, as `newsgraph extract` runs them.
// Reports bytes/s (document text) and docs/s.
//
//   build-speed/tests/bench/pipeline_bench       # tests/bench/corpus/news.ndjson
//   NEWSGRAPH_BENCH_CORPUS=big.ndjson NEWSGRAPH_BENCH_GAZETTEER=synthetic-1m.tsv
//       build-speed/tests/bench/pipeline_bench --benchmark_filter=Extract    # one command line
//
// Environment:
//   NEWSGRAPH_BENCH_CORPUS     NDJSON ({"id","url","title","published","text"} per line);
//                              any other file is one plain-text document
//   NEWSGRAPH_BENCH_GAZETTEER  extra gazetteer files, ':'-separated (as --gazetteer)
//   NEWSGRAPH_DATA             data directory (default: the source tree)
//
// Benchmarks:
//   BM_Depth/<stages>   Pipeline::Process: segment; segment+ner; segment+timex; all stages
//   BM_Extract          all stages plus the NDJSON record, in batches run stage by stage
//                       as `newsgraph extract` runs them; also on 2 threads
//   BM_ExtractByDocument  the same, each document through all stages before the next
//   BM_Load             building the default pipeline: every data file loaded
#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/cli/document_runner.h"
#include "extractor/pipeline/default_pipeline.h"
#include "extractor/write/record_writer.h"

namespace newsgraph {
namespace {

struct Corpus {
  std::vector<Document> docs;  // kLayerText only
  size_t bytes = 0;            // sum of text sizes
  std::string error;
};

std::string CorpusPath() {
  const char* env = std::getenv("NEWSGRAPH_BENCH_CORPUS");
  if (env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_DEFAULT_DATA_DIR) + "/tests/bench/corpus/news.ndjson";
}

std::string StringField(const rapidjson::Value& v, const char* name) {
  auto it = v.FindMember(name);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

Corpus LoadCorpus() {
  Corpus c;
  const std::string path = CorpusPath();
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    c.error = "cannot open corpus " + path;
    return c;
  }
  const bool ndjson = path.size() > 7 && path.compare(path.size() - 7, 7, ".ndjson") == 0;
  if (!ndjson) {
    std::stringstream s;
    s << in.rdbuf();
    Document d;
    d.id = path;
    d.text = s.str();
    d.layers = kLayerText;
    c.bytes = d.text.size();
    c.docs.push_back(std::move(d));
    return c;
  }
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty()) continue;
    rapidjson::Document json;
    json.Parse(line.data(), line.size());
    if (json.HasParseError() || !json.IsObject()) {
      c.error = path + ":" + std::to_string(line_no) + ": not a JSON object";
      return c;
    }
    Document d;
    d.id = StringField(json, "id");
    d.url = StringField(json, "url");
    d.title = StringField(json, "title");
    d.published = StringField(json, "published");
    d.text = StringField(json, "text");
    d.layers = kLayerText;
    c.bytes += d.text.size();
    c.docs.push_back(std::move(d));
  }
  return c;
}

const Corpus& TheCorpus() {
  static const Corpus* corpus = new Corpus(LoadCorpus());
  return *corpus;
}

StageConfig BenchConfig() {
  StageConfig config;
  config.data_dir = DefaultDataDir();
  if (const char* env = std::getenv("NEWSGRAPH_BENCH_GAZETTEER"); env != nullptr) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(':', start);
      if (end == std::string::npos) end = list.size();
      if (end > start) config.user_gazetteers.push_back(list.substr(start, end - start));
      start = end + 1;
    }
  }
  return config;
}

// One pipeline per depth, built on first use and shared by every thread
// (stages are immutable and thread-safe).
const Pipeline* PipelineAt(PipelineDepth depth, std::string* error) {
  static std::unique_ptr<Pipeline> pipelines[4];
  static std::string errors[4];
  static std::once_flag once[4];
  const int i = static_cast<int>(depth);
  std::call_once(once[i], [&] {
    auto p = CreateDefaultPipeline(BenchConfig(), depth);
    if (p.ok()) {
      pipelines[i] = std::move(p).value();
    } else {
      errors[i] = p.status().ToString();
    }
  });
  *error = errors[i];
  return pipelines[i].get();
}

// A fresh copy of a corpus document, as the reader would hand it over.
void Reset(const Document& from, Document* to) {
  *to = Document();
  to->id = from.id;
  to->url = from.url;
  to->title = from.title;
  to->published = from.published;
  to->text = from.text;
  to->layers = kLayerText;
}

void SetCounters(benchmark::State& state, const Corpus& corpus) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["docs/s"] = benchmark::Counter(static_cast<double>(state.iterations() * corpus.docs.size()),
                                                benchmark::Counter::kIsRate);
}

void BM_Depth(benchmark::State& state, PipelineDepth depth) {
  const Corpus& corpus = TheCorpus();
  if (!corpus.error.empty()) return state.SkipWithError(corpus.error.c_str());
  std::string error;
  const Pipeline* pipeline = PipelineAt(depth, &error);
  if (pipeline == nullptr) return state.SkipWithError(error.c_str());
  Document doc;
  for (auto _ : state) {
    for (const Document& d : corpus.docs) {
      Reset(d, &doc);
      Status s = pipeline->Process(&doc);
      if (!s.ok()) return state.SkipWithError((d.id + ": " + s.ToString()).c_str());
      benchmark::DoNotOptimize(doc.layers);
    }
  }
  SetCounters(state, corpus);
}
// segment; segment+ner; segment+timex; all four stages.
BENCHMARK_CAPTURE(BM_Depth, segment, PipelineDepth::kTokens)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Depth, segment_ner, PipelineDepth::kEntities)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Depth, segment_timex, PipelineDepth::kTimexes)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Depth, all_stages, PipelineDepth::kEvents)->Unit(benchmark::kMillisecond);

// All stages and the NDJSON record, as `newsgraph extract` runs them: in
// its batches (cli::BatchFull), each batch stage by stage
// (Pipeline::ProcessBatch). With by_document, every document goes through
// all stages before the next (Pipeline::Process), for comparison.
void RunExtract(benchmark::State& state, bool by_document) {
  const Corpus& corpus = TheCorpus();
  if (!corpus.error.empty()) return state.SkipWithError(corpus.error.c_str());
  std::string error;
  const Pipeline* pipeline = PipelineAt(PipelineDepth::kEvents, &error);
  if (pipeline == nullptr) return state.SkipWithError(error.c_str());
  auto writer = write::MakeRecordWriter("ndjson", write::WriteOptions());
  if (!writer.ok()) return state.SkipWithError(writer.status().ToString().c_str());
  std::vector<Document> batch(cli::kBatchItems);
  std::vector<Document*> docs;
  std::vector<Status> statuses;
  std::string record;
  size_t output_bytes = 0;
  for (auto _ : state) {
    for (size_t first = 0, n = 0; first < corpus.docs.size(); first += n) {
      size_t text_bytes = 0;
      n = 0;
      docs.clear();
      while (first + n < corpus.docs.size() && !cli::BatchFull(n, text_bytes)) {
        Reset(corpus.docs[first + n], &batch[n]);
        text_bytes += batch[n].text.size();
        docs.push_back(&batch[n++]);
      }
      statuses.assign(n, Status::Ok());
      if (by_document) {
        for (size_t i = 0; i < n; ++i) statuses[i] = pipeline->Process(docs[i]);
      } else {
        pipeline->ProcessBatch(docs, statuses);
      }
      for (size_t i = 0; i < n; ++i) {
        if (!statuses[i].ok()) return state.SkipWithError((docs[i]->id + ": " + statuses[i].ToString()).c_str());
        record.clear();
        (*writer)->WriteDocument(*docs[i], &record);
        output_bytes += record.size();
      }
    }
  }
  SetCounters(state, corpus);
  state.counters["out_bytes/doc"] =
      benchmark::Counter(static_cast<double>(output_bytes) / static_cast<double>(state.iterations() * corpus.docs.size()),
                         benchmark::Counter::kAvgThreads);
}
void BM_Extract(benchmark::State& state) { RunExtract(state, false); }
void BM_ExtractByDocument(benchmark::State& state) { RunExtract(state, true); }
// Each thread runs the whole corpus: with real time, the rate on 2 threads
// over the rate on 1 is the scaling of the stages alone (no reader, no
// ordered output).
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond)->UseRealTime()->Threads(1)->Threads(2);
BENCHMARK(BM_ExtractByDocument)->Unit(benchmark::kMillisecond)->UseRealTime();

// The NDJSON record alone, over documents that went through every stage
// once: bytes_per_second counts input text, out_MB/s the record bytes.
void BM_WriteNdjson(benchmark::State& state) {
  const Corpus& corpus = TheCorpus();
  if (!corpus.error.empty()) return state.SkipWithError(corpus.error.c_str());
  std::string error;
  const Pipeline* pipeline = PipelineAt(PipelineDepth::kEvents, &error);
  if (pipeline == nullptr) return state.SkipWithError(error.c_str());
  std::vector<Document> processed(corpus.docs.size());
  for (size_t i = 0; i < corpus.docs.size(); ++i) {
    Reset(corpus.docs[i], &processed[i]);
    Status s = pipeline->Process(&processed[i]);
    if (!s.ok()) return state.SkipWithError(s.ToString().c_str());
  }
  auto writer = write::MakeRecordWriter("ndjson", write::WriteOptions());
  if (!writer.ok()) return state.SkipWithError(writer.status().ToString().c_str());
  std::string record;
  size_t output_bytes = 0;
  for (auto _ : state) {
    for (const Document& doc : processed) {
      record.clear();
      (*writer)->WriteDocument(doc, &record);
      output_bytes += record.size();
      benchmark::DoNotOptimize(record.data());
    }
  }
  SetCounters(state, corpus);
  state.counters["out_MB/s"] = benchmark::Counter(static_cast<double>(output_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriteNdjson)->Unit(benchmark::kMillisecond);

void BM_Load(benchmark::State& state) {
  const StageConfig config = BenchConfig();
  for (auto _ : state) {
    auto p = CreateDefaultPipeline(config, PipelineDepth::kEvents);
    if (!p.ok()) return state.SkipWithError(p.status().ToString().c_str());
    benchmark::DoNotOptimize(p->get());
  }
}
// Wall time, and the CPU time of the whole process: loading runs the
// entity stage on a second thread.
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->Iterations(5)->UseRealTime()->MeasureProcessCPUTime();

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const newsgraph::Corpus& corpus = newsgraph::TheCorpus();
  if (corpus.error.empty()) {
    benchmark::AddCustomContext("corpus", newsgraph::CorpusPath());
    benchmark::AddCustomContext("corpus_docs", std::to_string(corpus.docs.size()));
    benchmark::AddCustomContext("corpus_text_bytes", std::to_string(corpus.bytes));
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
