// The acceptance of the knowledge graph, through the real binary: on the
// samples, ../shared/seed-article.txt and tests/graph/data/,
//   - `query visits --to Pyongyang` lists Vladimir Putin in 2024-06-19 and in
//     2000-07, each with its source sentences;
//   - `query visits --by Kim` lists Kim's trip to Russia in 2023-09;
//   - two articles about the same visit, written differently, give one
//     merged event with both as sources.
#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
};

Run Newsgraph(const std::string& args) {
  Run r;
  std::string command = std::string(NEWSGRAPH_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(command.c_str(), "r");
  REQUIRE(p != nullptr);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string Str(const rapidjson::Value& v) { return v.IsString() ? std::string(v.GetString()) : std::string(); }

const std::string& Graph() {
  static const std::string path = [] {
    // The project's seed article sits beside the repository where the
    // project's shared material is checked out; the samples alone must
    // already satisfy every check below.
    std::string seed = "../shared/seed-article.txt";
    if (!std::filesystem::exists(seed)) seed.clear();
    std::string out = std::string(NEWSGRAPH_TEST_OUTPUT_DIR) + "/acceptance.jsonld";
    Run r = Newsgraph("timeline --date 2024-06-19 -o " + out + " samples " + seed + " tests/graph/data");
    REQUIRE(r.exit_code == 0);
    return out;
  }();
  return path;
}

rapidjson::Document Visits(const std::string& flags) {
  Run r = Newsgraph("query " + Graph() + " visits --json " + flags);
  REQUIRE(r.exit_code == 0);
  rapidjson::Document doc;
  doc.Parse(r.out.c_str());
  REQUIRE_FALSE(doc.HasParseError());
  REQUIRE(doc["visits"].IsArray());
  return doc;
}

// The row of `visitor` dated `date`, or nullptr.
const rapidjson::Value* Row(const rapidjson::Document& visits, const std::string& visitor, const std::string& date) {
  for (const auto& v : visits["visits"].GetArray()) {
    if (v["visitor"].IsObject() && Str(v["visitor"]["name"]) == visitor && Str(v["date"]) == date) return &v;
  }
  return nullptr;
}

std::set<std::string> SourceArticles(const rapidjson::Value& row) {
  std::set<std::string> articles;
  for (const auto& s : row["sources"].GetArray()) articles.insert(Str(s["article"]));
  return articles;
}

TEST_CASE("visits to Pyongyang: Putin in 2024-06-19 and in 2000-07 / with their sentences") {
  rapidjson::Document visits = Visits("--to Pyongyang");
  for (const char* date : {"2024-06-19", "2000-07"}) {
    CAPTURE(date);
    const rapidjson::Value* row = Row(visits, "Vladimir Putin", date);
    REQUIRE(row != nullptr);
    REQUIRE((*row)["sources"].Size() >= 1);
    for (const auto& s : (*row)["sources"].GetArray()) {
      std::string sentence = Str(s["sentence"]);
      CHECK(sentence.find(Str(s["trigger"])) != std::string::npos);
      CHECK(s["end"].GetUint() - s["start"].GetUint() == sentence.size());
    }
  }
  // Two samples (and the seed article, where present) report the 2024 visit
  // in different words: one event with all of them as sources.
  CHECK(SourceArticles(*Row(visits, "Vladimir Putin", "2024-06-19")).size() >= 2);
}

TEST_CASE("visits by Kim: his trip to Russia in 2023-09") {
  rapidjson::Document visits = Visits("--by Kim");
  bool found = false;
  for (const auto& v : visits["visits"].GetArray()) {
    if (Str(v["date"]) != "2023-09") continue;
    for (const auto& d : v["destination"].GetArray()) found |= Str(d["name"]) == "Russia";
    CHECK(Str(v["visitor"]["name"]).find("Kim") != std::string::npos);
  }
  CHECK(found);
}

TEST_CASE("two articles about one visit / written differently / give one event with two sources") {
  rapidjson::Document visits = Visits("--by Kishida");
  REQUIRE(visits["visits"].Size() >= 1);
  const rapidjson::Value* row = Row(visits, "Fumio Kishida", "2024-04-10");
  REQUIRE(row != nullptr);
  CHECK(SourceArticles(*row) == std::set<std::string>{"graph-data-kishida-arrives", "graph-data-kishida-talks"});
}

}  // namespace
