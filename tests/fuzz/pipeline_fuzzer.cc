// libFuzzer target for the whole pipeline: the input bytes are a document's
// text (repaired to valid UTF-8 as every reader does), run through every
// stage with the full gazetteers, checked (every span inside the text,
// every reference valid) and written as an NDJSON record, which must be
// one line of valid JSON.
//
//   build-fuzz/tests/fuzz/fuzz_pipeline -max_len=8192 corpus/ tests/fuzz/corpus/pipeline
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "extractor/core/utf8.h"
#include "extractor/pipeline/default_pipeline.h"
#include "extractor/write/record_writer.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

const newsgraph::Pipeline* pipeline = nullptr;
const newsgraph::write::RecordWriter* writer = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace newsgraph;
  StageConfig config;
  config.data_dir = DefaultDataDir();
  auto p = CreateDefaultPipeline(config);
  if (!p.ok()) {
    std::fprintf(stderr, "fuzz_pipeline: %s\n", p.status().ToString().c_str());
    std::exit(1);
  }
  pipeline = std::move(p).value().release();
  writer = write::MakeRecordWriter("ndjson", {}).value().release();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  Document doc;
  doc.id = "fuzz";
  // The first byte picks the publication date: known (resolving relative
  // dates) or unknown (they stay unresolved).
  if (size > 0 && (data[0] & 1)) doc.published = (data[0] & 2) ? "2024-02-29" : "1999-12-31";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  RepairUtf8(&doc.text);
  doc.layers = kLayerText;
  Status s = pipeline->Process(&doc);
  std::string record;
  if (s.ok()) {
    fuzz::CheckDocument(doc);
    writer->WriteDocument(doc, &record);
  } else {
    writer->WriteError(doc, s, &record);
  }
  fuzz::CheckRecord(record);
  return 0;
}
