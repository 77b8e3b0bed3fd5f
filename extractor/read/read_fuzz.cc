// libFuzzer entry point for the readers: the input bytes are read as one
// in-memory input whose reader is chosen by content (text, HTML, feed,
// NDJSON, JSON), exactly as an input without an extension would be. Built
// only by a fuzzing build (clang -fsanitize=fuzzer), never by the normal one.
//
//   # the newsgraph_read and newsgraph_core libraries built with clang and
//   # -fsanitize=fuzzer-no-link,address,undefined, then:
//   clang++ -std=c++20 -fsanitize=fuzzer,address,undefined -I. read_fuzz.cc \
//     libnewsgraph_read.a libnewsgraph_core.a -lxml2 -o read_fuzz
//   ./read_fuzz -max_len=200000 corpus/
//
// Besides crashes and sanitizer reports it traps when an invariant of the
// stream breaks: every input yields at least one item, an error names its
// input, and a document's text, title and id are valid UTF-8 without NUL.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "extractor/core/utf8.h"
#include "extractor/read/document_stream.h"

namespace {

bool CleanUtf8(const std::string& s) {
  return newsgraph::IsValidUtf8(s) && std::memchr(s.data(), '\0', s.size()) == nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using newsgraph::read::DocumentStream;
  using newsgraph::read::ReadItem;
  using newsgraph::read::ReadOptions;
  ReadOptions options;
  options.published = "2024-06-19";
  options.max_document_bytes = size_t{1} << 20;  // keeps each run small
  auto stream = DocumentStream::FromMemory("fuzz-input", std::string(reinterpret_cast<const char*>(data), size),
                                           options);
  ReadItem item;
  size_t items = 0;
  while (stream->Next(&item)) {
    ++items;
    if (item.doc.id.empty() || item.doc.source.empty()) __builtin_trap();
    if (item.status.ok() && (!CleanUtf8(item.doc.text) || !CleanUtf8(item.doc.title) || !CleanUtf8(item.doc.id))) {
      __builtin_trap();
    }
  }
  if (items == 0) __builtin_trap();
  return 0;
}
