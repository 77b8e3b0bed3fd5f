// Writes the graph test fixture: the hand-built test articles of
// extractor/graph/test_documents.h through every writer, so that the
// interoperability tests have outputs whose content does not depend on how
// far the extraction stages have come.
//
//   graph_fixture DIR   ->  (DIR is created if need be)
//                        DIR/fixture.jsonld          timeline (WriteGraphJsonLd)
//                           DIR/fixture-records.jsonld  extract --format jsonld records
//                           DIR/fixture.ndjson          extract --include-text NDJSON records
//                           DIR/fixture.csv             extract --format csv
#include <cstdio>
#include <filesystem>
#include <string>

#include "extractor/graph/graph_builder.h"
#include "extractor/graph/test_documents.h"
#include "extractor/write/jsonld_writer.h"
#include "extractor/write/record_writer.h"

namespace {

bool WriteFile(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return false;
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace newsgraph;
  if (argc != 2) {
    std::fprintf(stderr, "usage: graph_fixture DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  std::vector<Document> docs = graph::testing::FourArticles();
  graph::testing::TestDoc e("e/extra doc", "2024-06-21", "Xi Jinping invited Putin to Beijing, a spokesman said.");
  e.AddEntity("person/xi-jinping", EntityType::kPerson, "Xi Jinping", "Xi Jinping", "", "CN")
      .AddEntity(graph::testing::kPutin, EntityType::kPerson, "Vladimir Putin", "Putin", "", "RU", 0,
                 MentionKind::kPartialName)
      .AddEntity("place/geonames-1816670", EntityType::kPlace, "Beijing", "Beijing", "city", "CN")
      .AddEvent("Invitation", EventStatus::kOccurred, "", "invited",
                {{"inviter", {"person/xi-jinping"}}, {"invitee", {graph::testing::kPutin}},
                 {"destination", {"place/geonames-1816670"}}},
                0.75, "039");
  e.mutable_doc().url = "https://desk.example.net/xi?x=1&y=2";
  e.mutable_doc().title = "Xi invites \"Putin\"";
  docs.push_back(e.doc());

  graph::GraphBuilder builder;
  for (const Document& d : docs) builder.AddDocument(d);
  std::string timeline;
  write::WriteGraphJsonLd(builder.Build(), write::JsonLdStyle{}, &timeline);
  bool ok = WriteFile(dir + "/fixture.jsonld", timeline);

  for (const char* format : {"jsonld", "ndjson", "csv"}) {
    write::WriteOptions options;
    options.include_text = true;  // so that tests can check every span against the text
    auto writer = write::MakeRecordWriter(format, options);
    if (!writer.ok()) {
      std::fprintf(stderr, "graph_fixture: %s\n", writer.status().message().c_str());
      return 1;
    }
    std::string out;
    (*writer)->Begin(&out);
    for (const Document& d : docs) (*writer)->WriteDocument(d, &out);
    Document failed;
    failed.id = "failed.ndjson:3";
    failed.source = "failed.ndjson:3";
    (*writer)->WriteError(failed, InvalidArgument("line 3: not JSON"), &out);
    (*writer)->End(&out);
    std::string name = std::string(format) == "jsonld" ? "fixture-records.jsonld" : std::string("fixture.") + format;
    ok = WriteFile(dir + "/" + name, out) && ok;
  }
  if (!ok) {
    std::fprintf(stderr, "graph_fixture: cannot write into %s\n", dir.c_str());
    return 1;
  }
  return 0;
}
