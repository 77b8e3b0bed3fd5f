// libFuzzer target for one reader: the input bytes are read as one
// in-memory file with the reader NEWSGRAPH_FUZZ_FORMAT (read::Format; kAuto
// chooses by content and the extension of NEWSGRAPH_FUZZ_NAME), every item
// is checked (valid UTF-8, size limit) and written as an NDJSON record or
// error record, which must be valid JSON.
//
//   build-fuzz/tests/fuzz/fuzz_read_html -max_len=65536 corpus/ tests/fuzz/corpus/read_html
#include <cstddef>
#include <cstdint>
#include <string>

#include "extractor/read/document_stream.h"
#include "extractor/write/record_writer.h"
#include "tests/fuzz/fuzz_checks.h"

namespace {

// Small enough that the limit itself is exercised by inputs of the size
// libFuzzer makes.
constexpr size_t kMaxDocumentBytes = 16 << 10;

const newsgraph::write::RecordWriter& Writer() {
  static auto* writer = newsgraph::write::MakeRecordWriter("ndjson", {}).value().release();
  return *writer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  read::ReadOptions options;
  options.format = read::Format::NEWSGRAPH_FUZZ_FORMAT;
  options.max_document_bytes = kMaxDocumentBytes;
  // Half the inputs get a publication date from the command line, as --date.
  if (size > 0 && (data[0] & 1)) options.published = "2024-06-19";
  auto stream = read::DocumentStream::FromMemory(NEWSGRAPH_FUZZ_NAME,
                                                 std::string(reinterpret_cast<const char*>(data), size), options);
  read::ReadItem item;
  size_t items = 0;
  std::string record;
  while (stream->Next(&item)) {
    ++items;
    record.clear();
    if (item.status.ok()) {
      fuzz::CheckReadDocument(item.doc, kMaxDocumentBytes);
      Writer().WriteDocument(item.doc, &record);
    } else {
      fuzz::Require(!item.status.message().empty(), "read: an error says why");
      Writer().WriteError(item.doc, item.status, &record);
    }
    fuzz::CheckRecord(record);
  }
  fuzz::Require(items > 0, "read: every input yields a document or an error");
  return 0;
}
