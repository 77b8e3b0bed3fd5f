// Every data file the pipeline ships (gazetteers, rule tables, the event
// schema) loads, and a malformed row in any of them stops start-up with
// "file:line: message". Run from the source tree.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "extractor/core/tsv_reader.h"
#include "extractor/pipeline/default_pipeline.h"

namespace fs = std::filesystem;

namespace newsgraph {
namespace {

// Data files relative to the source tree: what the stages must load.
std::vector<fs::path> DataFiles() {
  std::vector<fs::path> out;
  auto add_tree = [&](const fs::path& root, const std::string& ext) {
    if (!fs::exists(root)) return;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_regular_file() && entry.path().extension() == ext) out.push_back(entry.path());
    }
  };
  add_tree("gazetteers", ".tsv");
  for (const auto& stage : fs::directory_iterator("extractor")) add_tree(stage.path() / "rules", ".tsv");
  if (fs::exists("schemas/events.json")) out.push_back("schemas/events.json");
  std::sort(out.begin(), out.end());
  return out;
}

// A copy of the data tree made of symbolic links, except `broken`, which is
// a real copy with a malformed row (TSV) or trailing garbage (JSON) appended.
fs::path TreeWithBrokenFile(const std::vector<fs::path>& files, const fs::path& broken) {
  std::random_device rd;
  fs::path root = fs::temp_directory_path() / ("newsgraph-data-" + std::to_string(rd()));
  for (const fs::path& f : files) {
    fs::create_directories(root / f.parent_path());
    if (f != broken) {
      fs::create_symlink(fs::absolute(f), root / f);
      continue;
    }
    fs::copy_file(f, root / f);
    std::ofstream out(root / f, std::ios::app);
    if (f.extension() == ".json") {
      out << "\n{ this is not JSON\n";
    } else {
      // One field more than any header has.
      out << "\n";
      for (int i = 0; i < 40; ++i) out << "x\t";
      out << "x\n";
    }
  }
  return root;
}

}  // namespace

TEST_CASE("the default pipeline loads every shipped data file") {
  StageConfig config;
  config.data_dir = ".";
  auto pipeline = CreateDefaultPipeline(config);
  REQUIRE_MESSAGE(pipeline.ok(), pipeline.status().ToString());
  CHECK_FALSE(DataFiles().empty());
}

TEST_CASE("every TSV data file has a header and well-formed rows") {
  for (const fs::path& f : DataFiles()) {
    if (f.extension() != ".tsv") continue;
    auto tsv = TsvReader::Open(f.string());
    REQUIRE_MESSAGE(tsv.ok(), tsv.status().ToString());
    TsvRow row;
    while (tsv->Next(&row)) {
    }
    CHECK_MESSAGE(tsv->status().ok(), tsv->status().ToString());
  }
}

TEST_CASE("a malformed row in any data file fails start-up with file:line") {
  const std::vector<fs::path> files = DataFiles();
  for (const fs::path& broken : files) {
    fs::path root = TreeWithBrokenFile(files, broken);
    StageConfig config;
    config.data_dir = root.string();
    auto pipeline = CreateDefaultPipeline(config);
    CHECK_MESSAGE(!pipeline.ok(), broken.string() << " was not loaded, or its bad row was accepted");
    if (!pipeline.ok()) {
      const std::string& message = pipeline.status().message();
      // "<root>/<file>:<line>: ..." names the file and a line number.
      std::string where = broken.string() + ":";
      size_t at = message.find(where);
      CHECK_MESSAGE(at != std::string::npos, message);
      if (at != std::string::npos) {
        CHECK_MESSAGE(std::isdigit(static_cast<unsigned char>(message[at + where.size()])), message);
      }
    }
    fs::remove_all(root);
  }
}

}  // namespace newsgraph
