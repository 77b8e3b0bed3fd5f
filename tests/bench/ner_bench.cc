// Speed of the entity stage: matching throughput (MB/s of text, one core,
// tokens already there) and start-up time with the full gazetteers.
//
//   cmake -B build -DNEWSGRAPH_BUILD_BENCHMARKS=ON && cmake --build build --target ner_bench
//   build/tests/bench/ner_bench
//
// Three corpora:
//  - BM_NerProcess: the articles in samples/ plus generated text, sentences
//    built from templates with names drawn from the gazetteers: one 4 MB
//    document about as dense with names as a list of results (one name in
//    eight words), the worst case for the matcher.
//  - BM_NerWire: document by document over tests/bench/corpus/news.ndjson
//    (wire-style articles) and samples/, as the pipeline runs the stage.
//  - BM_NerDir: every file of $NEWSGRAPH_NER_BENCH_DIR as one document, to
//    measure on any news text kept outside the repository; skipped when the
//    variable is not set.
// MB/s are of CPU time on one core; the tokens are made outside the timing,
// and one untimed call first grows the per-thread buffers, as a long run has.
//
// Instructions (deterministic, unlike time on a shared machine): the timed
// loop is TimedLoop alone, so callgrind can count it. Under valgrind one
// iteration outlasts the minimum time, so it counts exactly one run:
//   valgrind --tool=callgrind --toggle-collect='*TimedLoop*' build/tests/bench/ner_bench
//     --benchmark_filter=NerProcess --benchmark_min_time=0.01     (one command line)
#include <benchmark/benchmark.h>

#include <algorithm>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <rapidjson/document.h>

#include "extractor/core/tsv_reader.h"
#include "extractor/ner/entity_tagger.h"
#include "extractor/segment/segmenter.h"

namespace newsgraph {
namespace {

StageConfig Config() {
  StageConfig c;
  c.data_dir = NEWSGRAPH_DEFAULT_DATA_DIR;
  return c;
}

const ner::EntityTagger& Tagger() {
  static auto t = ner::EntityTagger::Create(Config());
  if (!t.ok()) std::abort();
  return **t;
}

std::string GeneratedNews(size_t bytes) {
  const ner::Gazetteer& g = Tagger().gazetteer();
  std::vector<std::string> places, people, orgs, adjectives;
  for (const auto& e : g.entries()) {
    if (e.type == EntityType::kPlace && (e.IsCountry() || e.population > 500000)) places.emplace_back(e.name);
    if (e.type == EntityType::kPerson && people.size() < 2000) people.emplace_back(e.name);
    if (e.type == EntityType::kOrganization && e.curated) orgs.emplace_back(e.name);
  }
  const char* templates[] = {
      "%P arrived in %L on Wednesday for talks with officials of the %O, the ministry said.",
      "The %O said in a statement that %P would visit %L and %L next month to discuss trade.",
      "\"We are concerned about the deepening relationship,\" spokesman %P told reporters in %L on Monday.",
      "Shares of the company rose 3.5 percent in early trading after the announcement, analysts said.",
      "%P, who met %P in %L last year, is expected to sign an agreement on energy and security.",
      "Protests continued in %L for a third day as the government of %L rejected calls from the %O.",
      "The visit comes after months of negotiations that were stalled over the issue of sanctions.",
  };
  std::mt19937 rng(42);
  std::string text;
  // Our own sample articles first.
  std::error_code ec;
  for (const auto& f : std::filesystem::directory_iterator(std::string(NEWSGRAPH_DEFAULT_DATA_DIR) + "/samples", ec)) {
    if (f.path().extension() != ".txt") continue;
    auto content = ReadFile(f.path().string());
    if (content.ok()) text += *content + "\n\n";
  }
  while (text.size() < bytes) {
    for (int s = 0; s < 5; ++s) {
      std::string t = templates[rng() % std::size(templates)];
      std::string out;
      for (size_t i = 0; i < t.size(); ++i) {
        if (t[i] == '%' && i + 1 < t.size()) {
          char k = t[++i];
          const auto& list = k == 'P' ? people : k == 'L' ? places : orgs;
          out += list[rng() % list.size()];
        } else {
          out += t[i];
        }
      }
      text += out + " ";
    }
    text += "\n\n";
  }
  return text;
}

const Document& SegmentedCorpus() {
  static Document doc = [] {
    Document d;
    d.text = GeneratedNews(4 << 20);
    d.layers = kLayerText;
    auto seg = segment::Segmenter::Create(Config());
    if (!seg.ok() || !(*seg)->Process(&d).ok()) std::abort();
    return d;
  }();
  return doc;
}

// The timed loop: runs fn() once per iteration. Not inlined, so that
// callgrind can count its instructions alone (see above).
template <typename Fn>
[[gnu::noinline]] void TimedLoop(benchmark::State& state, Fn fn) {
  for (auto _ : state) fn();
}

// Entities only: the tokens are made once, outside the timing.
void BM_NerProcess(benchmark::State& state) {
  Document doc = SegmentedCorpus();
  const ner::EntityTagger& tagger = Tagger();
  size_t entities = 0;
  if (!tagger.Process(&doc).ok()) state.SkipWithError("process failed");  // untimed: grows the buffers
  TimedLoop(state, [&] {
    if (!tagger.Process(&doc).ok()) state.SkipWithError("process failed");
    entities = doc.entities.size();
    benchmark::DoNotOptimize(doc.entities.data());
  });
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["bytes"] = static_cast<double>(doc.text.size());  // to turn instruction counts into a rate
}
BENCHMARK(BM_NerProcess)->Unit(benchmark::kMillisecond);

std::vector<Document> Segmented(std::vector<Document> docs) {
  auto seg = segment::Segmenter::Create(Config());
  if (!seg.ok()) std::abort();
  for (Document& d : docs) {
    d.layers = kLayerText;
    if (!(*seg)->Process(&d).ok()) std::abort();
  }
  return docs;
}

// The wire corpus kept in the repository, one Document per NDJSON line, and samples/*.txt.
const std::vector<Document>& WireCorpus() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    const std::string root = NEWSGRAPH_DEFAULT_DATA_DIR;
    if (auto ndjson = ReadFile(root + "/tests/bench/corpus/news.ndjson"); ndjson.ok()) {
      size_t start = 0;
      while (start < ndjson->size()) {
        size_t nl = ndjson->find('\n', start);
        if (nl == std::string::npos) nl = ndjson->size();
        rapidjson::Document j;
        j.Parse(ndjson->data() + start, nl - start);
        start = nl + 1;
        if (j.HasParseError() || !j.IsObject() || !j.HasMember("text") || !j["text"].IsString()) continue;
        Document d;
        d.text = j["text"].GetString();
        out.push_back(std::move(d));
      }
    }
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(root + "/samples", ec)) {
      if (f.path().extension() != ".txt") continue;
      if (auto text = ReadFile(f.path().string()); text.ok()) {
        Document d;
        d.text = std::move(*text);
        out.push_back(std::move(d));
      }
    }
    return Segmented(std::move(out));
  }();
  return docs;
}

// Every regular file of $NEWSGRAPH_NER_BENCH_DIR, one Document each, in name order.
const std::vector<Document>& DirCorpus() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    const char* dir = std::getenv("NEWSGRAPH_NER_BENCH_DIR");
    if (dir == nullptr || *dir == 0) return out;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
      if (f.is_regular_file()) files.push_back(f.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files) {
      if (auto text = ReadFile(f); text.ok()) {
        Document d;
        d.text = std::move(*text);
        out.push_back(std::move(d));
      }
    }
    return Segmented(std::move(out));
  }();
  return docs;
}

void RunDocuments(benchmark::State& state, const std::vector<Document>& corpus) {
  if (corpus.empty()) {
    state.SkipWithError("no documents (set NEWSGRAPH_NER_BENCH_DIR)");
    return;
  }
  std::vector<Document> docs = corpus;
  const ner::EntityTagger& tagger = Tagger();
  size_t bytes = 0, entities = 0;
  for (const Document& d : docs) bytes += d.text.size();
  auto run = [&] {
    entities = 0;
    for (Document& d : docs) {
      if (!tagger.Process(&d).ok()) state.SkipWithError("process failed");
      entities += d.entities.size();
    }
    benchmark::DoNotOptimize(entities);
  };
  run();  // untimed: grows the buffers
  TimedLoop(state, run);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["documents"] = static_cast<double>(docs.size());
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["entities"] = static_cast<double>(entities);
}

void BM_NerWire(benchmark::State& state) { RunDocuments(state, WireCorpus()); }
BENCHMARK(BM_NerWire)->Unit(benchmark::kMillisecond);

void BM_NerDir(benchmark::State& state) { RunDocuments(state, DirCorpus()); }
BENCHMARK(BM_NerDir)->Unit(benchmark::kMillisecond);

// Create() with every gazetteer, lexicon and rule file.
void BM_NerStartup(benchmark::State& state) {
  for (auto _ : state) {
    auto t = ner::EntityTagger::Create(Config());
    if (!t.ok()) state.SkipWithError(t.status().ToString().c_str());
    benchmark::DoNotOptimize(t);
  }
}
BENCHMARK(BM_NerStartup)->Unit(benchmark::kMillisecond)->Iterations(5);

}  // namespace
}  // namespace newsgraph

BENCHMARK_MAIN();
