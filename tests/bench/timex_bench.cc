// Speed of the time stage alone: MB/s of news text through
// TimexTagger::Process on one core, the documents already segmented.
//
//   cmake -B build -DNEWSGRAPH_BUILD_BENCHMARKS=ON && cmake --build build --target timex_bench
//   build/tests/bench/timex_bench
//
// The corpus is tests/bench/corpus/news.ndjson (wire-style articles kept in
// the repository, about one time expression per 140 bytes), plus the
// plain-text articles of samples/. NEWSGRAPH_BENCH_CORPUS=file.ndjson
// measures another corpus of {"text", "published"} lines instead.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <rapidjson/document.h>

#include "extractor/core/tsv_reader.h"
#include "extractor/segment/segmenter.h"
#include "extractor/timex/timex_tagger.h"

namespace newsgraph {
namespace {

StageConfig Config() {
  StageConfig c;
  c.data_dir = NEWSGRAPH_DEFAULT_DATA_DIR;
  return c;
}

const timex::TimexTagger& Tagger() {
  static auto t = timex::TimexTagger::Create(Config());
  if (!t.ok()) {
    std::fprintf(stderr, "%s\n", t.status().ToString().c_str());
    std::abort();
  }
  return **t;
}

// Segmented documents of the corpus, built once.
const std::vector<Document>& Corpus() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    const std::string root = NEWSGRAPH_DEFAULT_DATA_DIR;
    const char* other = std::getenv("NEWSGRAPH_BENCH_CORPUS");
    const std::string corpus = other != nullptr ? other : root + "/tests/bench/corpus/news.ndjson";
    if (auto ndjson = ReadFile(corpus); ndjson.ok()) {
      size_t start = 0;
      while (start < ndjson->size()) {
        size_t nl = ndjson->find('\n', start);
        if (nl == std::string::npos) nl = ndjson->size();
        rapidjson::Document j;
        j.Parse(ndjson->data() + start, nl - start);
        start = nl + 1;
        if (j.HasParseError() || !j.IsObject() || !j.HasMember("text")) continue;
        Document d;
        d.text = j["text"].GetString();
        if (j.HasMember("published") && j["published"].IsString()) d.published = j["published"].GetString();
        out.push_back(std::move(d));
      }
    }
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(other != nullptr ? "/nonexistent" : root + "/samples", ec)) {
      if (f.path().extension() != ".txt") continue;
      if (auto text = ReadFile(f.path().string()); text.ok()) {
        Document d;
        d.text = std::move(*text);
        d.published = "2024-06-19";
        out.push_back(std::move(d));
      }
    }
    auto seg = segment::Segmenter::Create(Config());
    if (!seg.ok() || out.empty()) std::abort();
    for (Document& d : out) {
      d.layers = kLayerText;
      if (!(*seg)->Process(&d).ok()) std::abort();
    }
    return out;
  }();
  return docs;
}

void BM_TimexStage(benchmark::State& state) {
  const timex::TimexTagger& tagger = Tagger();
  std::vector<Document> docs = Corpus();
  size_t bytes = 0, timexes = 0;
  for (const Document& d : docs) bytes += d.text.size();
  // RE2 builds its DFA states lazily: measure the steady state, after one
  // untimed pass.
  for (Document& d : docs) {
    if (!tagger.Process(&d).ok()) std::abort();
  }
  for (auto _ : state) {
    for (Document& d : docs) {
      if (!tagger.Process(&d).ok()) std::abort();
      timexes += d.timexes.size();
    }
    benchmark::ClobberMemory();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["timexes/doc"] =
      static_cast<double>(timexes) / static_cast<double>(docs.size() * state.iterations());
}
BENCHMARK(BM_TimexStage)->Unit(benchmark::kMillisecond);

// The stage as it runs in the pipeline: each document has just been
// segmented (its tokens and lower-cased text are in the cache, as the
// stages before it leave them), and only TimexTagger::Process is timed.
// BM_TimexStage cycles through all the documents already segmented, so
// each pass first fetches their tokens and text from memory again.
void BM_TimexAfterSegment(benchmark::State& state) {
  const timex::TimexTagger& tagger = Tagger();
  auto segmenter = segment::Segmenter::Create(Config());
  if (!segmenter.ok()) std::abort();
  const std::vector<Document>& corpus = Corpus();
  size_t bytes = 0;
  for (const Document& d : corpus) bytes += d.text.size();
  Document d;
  auto run = [&](const Document& source) {
    d.text = source.text;
    d.published = source.published;
    d.layers = kLayerText;
    if (!(*segmenter)->Process(&d).ok()) std::abort();
    auto start = std::chrono::steady_clock::now();
    if (!tagger.Process(&d).ok()) std::abort();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  for (const Document& source : corpus) run(source);  // RE2's DFA states, as in BM_TimexStage
  for (auto _ : state) {
    double seconds = 0;
    for (const Document& source : corpus) seconds += run(source);
    state.SetIterationTime(seconds);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_TimexAfterSegment)->UseManualTime()->Unit(benchmark::kMillisecond);

// The first pass of a new tagger: RE2 builds the DFA states the corpus
// needs as it goes, as it does on every new text of a stream until the
// states that news text needs are built.
void BM_TimexStageFirstPass(benchmark::State& state) {
  std::vector<Document> docs = Corpus();
  size_t bytes = 0;
  for (const Document& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    state.PauseTiming();
    auto tagger = timex::TimexTagger::Create(Config());
    if (!tagger.ok()) std::abort();
    state.ResumeTiming();
    for (Document& d : docs) {
      if (!(*tagger)->Process(&d).ok()) std::abort();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
}
BENCHMARK(BM_TimexStageFirstPass)->Unit(benchmark::kMillisecond);

// Rule loading and compilation (start-up cost of the stage).
void BM_TimexCreate(benchmark::State& state) {
  for (auto _ : state) {
    auto t = timex::TimexTagger::Create(Config());
    if (!t.ok()) std::abort();
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_TimexCreate)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
