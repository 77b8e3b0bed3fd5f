// Speed of the event stage: alone, on documents the earlier stages have
// already filled (tokens, entities, timexes), and as part of the whole
// pipeline. Reports bytes/s of document text.
//
//   build/tests/bench/events_bench                      # tests/bench/corpus/news.ndjson
//   NEWSGRAPH_BENCH_CORPUS=other.ndjson build/tests/bench/events_bench
//
// Timings move with the load of a shared machine; instructions do not. One
// pass of the stage over the corpus, counted (divide by the corpus bytes):
//
//   valgrind --tool=callgrind --toggle-collect='newsgraph::events::EventTagger::Process*'
//     build/tests/bench/events_bench --benchmark_filter=BM_EventsStage --benchmark_min_time=0.001
//   (one command line)
//
// Benchmarks:
//   BM_EventsStage    EventTagger::Process only (the layer is cleared before each run)
//   BM_Pipeline       segment + entities + timexes + events, from text
//   BM_EventsLoad     EventTagger::Create: schema and rule files read and indexed
#include <benchmark/benchmark.h>
#include <rapidjson/document.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extractor/events/event_tagger.h"
#include "extractor/pipeline/default_pipeline.h"

namespace newsgraph {
namespace {

struct Corpus {
  std::vector<Document> raw;       // text only
  std::vector<Document> prepared;  // tokens, entities and timexes filled
  size_t bytes = 0;
  std::string error;
};

std::string CorpusPath() {
  const char* env = std::getenv("NEWSGRAPH_BENCH_CORPUS");
  if (env != nullptr && *env != '\0') return env;
  return std::string(NEWSGRAPH_DEFAULT_DATA_DIR) + "/tests/bench/corpus/news.ndjson";
}

std::string Field(const rapidjson::Value& v, const char* name) {
  auto it = v.FindMember(name);
  if (it == v.MemberEnd() || !it->value.IsString()) return "";
  return std::string(it->value.GetString(), it->value.GetStringLength());
}

const Corpus& GetCorpus() {
  static Corpus* c = [] {
    auto* c = new Corpus();
    std::ifstream in(CorpusPath(), std::ios::binary);
    if (!in) {
      c->error = "cannot open " + CorpusPath();
      return c;
    }
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      rapidjson::Document j;
      j.Parse(line.data(), line.size());
      if (j.HasParseError() || !j.IsObject()) continue;
      Document d;
      d.id = Field(j, "id");
      d.published = Field(j, "published");
      d.text = Field(j, "text");
      d.layers = kLayerText;
      c->bytes += d.text.size();
      c->raw.push_back(std::move(d));
    }
    StageConfig config;
    config.data_dir = DefaultDataDir();
    auto upto_timex = CreateDefaultPipeline(config, PipelineDepth::kTimexes);
    auto with_entities = CreateDefaultPipeline(config, PipelineDepth::kEntities);
    if (!upto_timex.ok() || !with_entities.ok()) {
      c->error = "cannot build the pipeline";
      return c;
    }
    // Entities and timexes are independent stages; run both on each document.
    for (const Document& raw : c->raw) {
      Document d = raw;
      if (!(*with_entities)->Process(&d).ok()) continue;
      for (size_t i = 1; i < (*upto_timex)->stages().size(); ++i) {
        if (!(*upto_timex)->stages()[i]->Process(&d).ok()) break;
      }
      c->prepared.push_back(std::move(d));
    }
    return c;
  }();
  return *c;
}

void BM_EventsStage(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  StageConfig config;
  config.data_dir = DefaultDataDir();
  auto tagger = events::EventTagger::Create(config);
  if (!tagger.ok()) {
    state.SkipWithError(tagger.status().ToString().c_str());
    return;
  }
  std::vector<Document> docs = c.prepared;
  size_t bytes = 0, events = 0;
  for (const Document& d : docs) bytes += d.text.size();
  for (auto _ : state) {
    for (Document& d : docs) {
      d.events.clear();
      benchmark::DoNotOptimize((*tagger)->Process(&d));
      events += d.events.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["events/doc"] =
      static_cast<double>(events) / static_cast<double>(state.iterations() * std::max<size_t>(docs.size(), 1));
}
BENCHMARK(BM_EventsStage)->Unit(benchmark::kMillisecond);

void BM_Pipeline(benchmark::State& state) {
  const Corpus& c = GetCorpus();
  if (!c.error.empty()) {
    state.SkipWithError(c.error.c_str());
    return;
  }
  StageConfig config;
  config.data_dir = DefaultDataDir();
  auto pipeline = CreateDefaultPipeline(config);
  if (!pipeline.ok()) {
    state.SkipWithError(pipeline.status().ToString().c_str());
    return;
  }
  for (auto _ : state) {
    for (const Document& raw : c.raw) {
      Document d = raw;
      benchmark::DoNotOptimize((*pipeline)->Process(&d));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * c.bytes));
}
BENCHMARK(BM_Pipeline)->Unit(benchmark::kMillisecond);

void BM_EventsLoad(benchmark::State& state) {
  StageConfig config;
  config.data_dir = DefaultDataDir();
  for (auto _ : state) {
    auto tagger = events::EventTagger::Create(config);
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_EventsLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
