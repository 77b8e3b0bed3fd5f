// Test helpers for read/: every item a stream yields, from paths or bytes.
#ifndef NEWSGRAPH_READ_READ_TEST_UTIL_H_
#define NEWSGRAPH_READ_READ_TEST_UTIL_H_

#include <string>
#include <vector>

#include "extractor/read/document_stream.h"

namespace newsgraph::read {

inline std::vector<ReadItem> Drain(DocumentStream* stream) {
  std::vector<ReadItem> items;
  ReadItem item;
  while (stream->Next(&item)) items.push_back(std::move(item));
  return items;
}

// Every item of the inputs (paths, folders, "-").
inline std::vector<ReadItem> ReadAll(std::vector<std::string> inputs, ReadOptions options = {}) {
  DocumentStream stream(std::move(inputs), std::move(options));
  return Drain(&stream);
}

// Every item of `bytes` read as a file called `name`.
inline std::vector<ReadItem> ReadBytes(const std::string& name, const std::string& bytes, ReadOptions options = {}) {
  auto stream = DocumentStream::FromMemory(name, bytes, std::move(options));
  return Drain(stream.get());
}

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_READ_TEST_UTIL_H_
