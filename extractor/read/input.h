// Byte sources for the readers (a file, standard input, or a buffer) and
// the Source interface that every reader implements: one open input that
// yields documents one at a time.
//
//   ASSIGN_OR_RETURN(auto in, ByteInput::OpenFile("feed.xml"));
//   ASSIGN_OR_RETURN(std::string_view head, in->Peek(4096));   // not consumed
//   char buf[65536];
//   ASSIGN_OR_RETURN(size_t n, in->Read(buf, sizeof buf));       // 0 at the end
#ifndef NEWSGRAPH_READ_INPUT_H_
#define NEWSGRAPH_READ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "extractor/core/status.h"
#include "extractor/read/document_stream.h"

namespace newsgraph::read {

class ByteInput {
 public:
  // NotFound or IoError ("no such file or directory", "permission denied").
  static Result<std::unique_ptr<ByteInput>> OpenFile(const std::string& path);
  // Standard input; never closed.
  static std::unique_ptr<ByteInput> Stdin();
  static std::unique_ptr<ByteInput> Memory(std::string bytes);

  ~ByteInput();
  ByteInput(const ByteInput&) = delete;  // owns a file descriptor
  ByteInput& operator=(const ByteInput&) = delete;

  // Reads up to `n` bytes; returns how many, 0 only at the end.
  Result<size_t> Read(char* buf, size_t n);
  // The first bytes, up to `n` of them (fewer at the end), without consuming
  // them: the next Read returns them again. Blocks on a pipe until `n` bytes
  // or the end arrive, unless `stop_at_visible` and a byte other than ASCII
  // white space has been seen (so that a streamed NDJSON line is not held
  // back waiting for more input).
  Result<std::string_view> Peek(size_t n, bool stop_at_visible = false);
  // Reads everything left. TooLarge, without reading further, as soon as
  // more than `limit` bytes are known to be there.
  Result<std::string> ReadAll(size_t limit);
  // Called before a read that would block (a pipe or terminal with no
  // bytes waiting); see ReadOptions::before_wait.
  void SetBeforeWait(std::function<void()> before_wait) { before_wait_ = std::move(before_wait); }
  // The total size when it is known up front (a regular file, a buffer).
  std::optional<uint64_t> size() const { return size_; }

 private:
  ByteInput() = default;
  Result<size_t> ReadRaw(char* buf, size_t n);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::string memory_;
  size_t memory_pos_ = 0;
  bool is_memory_ = false;
  std::string head_;  // bytes peeked and not yet consumed
  size_t head_pos_ = 0;
  bool eof_ = false;
  std::optional<uint64_t> size_;
  std::function<void()> before_wait_;
};

// One open input (a file, stdin, a buffer) that yields one or more items.
class Source {
 public:
  virtual ~Source() = default;
  // Fills *item and returns true, or returns false when the input is done.
  virtual bool Next(ReadItem* item) = 0;
};

// Yields a single prepared item.
class SingleItemSource : public Source {
 public:
  explicit SingleItemSource(ReadItem item) : item_(std::move(item)) {}
  bool Next(ReadItem* item) override;

 private:
  ReadItem item_;
  bool done_ = false;
};

// An error item for input `name` (doc.id and doc.source are `name`).
ReadItem ErrorItem(const std::string& name, Status status, Format format = Format::kAuto);

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_INPUT_H_
