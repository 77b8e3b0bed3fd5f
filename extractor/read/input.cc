#include "extractor/read/input.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "extractor/read/text_util.h"

namespace newsgraph::read {

Result<std::unique_ptr<ByteInput>> ByteInput::OpenFile(const std::string& path) {
  int fd;
  do {
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    int err = errno;
    std::string why = std::strerror(err);
    if (!why.empty()) why[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(why[0])));
    if (err == ENOENT || err == ENOTDIR) return NotFound(why);
    return IoError(why);
  }
  std::unique_ptr<ByteInput> in(new ByteInput());
  in->fd_ = fd;
  in->owns_fd_ = true;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) in->size_ = static_cast<uint64_t>(st.st_size);
  return in;
}

std::unique_ptr<ByteInput> ByteInput::Stdin() {
  std::unique_ptr<ByteInput> in(new ByteInput());
  in->fd_ = STDIN_FILENO;
  struct stat st;
  if (::fstat(STDIN_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
    // A redirected file: what is left from the current offset.
    off_t pos = ::lseek(STDIN_FILENO, 0, SEEK_CUR);
    if (pos >= 0 && pos <= st.st_size) in->size_ = static_cast<uint64_t>(st.st_size - pos);
  }
  return in;
}

std::unique_ptr<ByteInput> ByteInput::Memory(std::string bytes) {
  std::unique_ptr<ByteInput> in(new ByteInput());
  in->is_memory_ = true;
  in->size_ = bytes.size();
  in->memory_ = std::move(bytes);
  return in;
}

ByteInput::~ByteInput() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

Result<size_t> ByteInput::ReadRaw(char* buf, size_t n) {
  if (eof_ || n == 0) return size_t{0};
  if (is_memory_) {
    size_t k = std::min(n, memory_.size() - memory_pos_);
    std::memcpy(buf, memory_.data() + memory_pos_, k);
    memory_pos_ += k;
    if (k == 0) eof_ = true;
    return k;
  }
  if (before_wait_ && !size_) {
    // Not a regular file: nothing waiting means the read would block.
    pollfd p{fd_, POLLIN, 0};
    int ready;
    do {
      ready = ::poll(&p, 1, 0);
    } while (ready < 0 && errno == EINTR);
    if (ready == 0) before_wait_();
  }
  while (true) {
    ssize_t k = ::read(fd_, buf, n);
    if (k > 0) return static_cast<size_t>(k);
    if (k == 0) {
      eof_ = true;
      return size_t{0};
    }
    if (errno == EINTR) continue;
    int err = errno;
    if (err == EISDIR) return IoError("is a folder");
    return IoError(std::string("read error: ") + std::strerror(err));
  }
}

Result<size_t> ByteInput::Read(char* buf, size_t n) {
  if (head_pos_ < head_.size()) {
    size_t k = std::min(n, head_.size() - head_pos_);
    std::memcpy(buf, head_.data() + head_pos_, k);
    head_pos_ += k;
    if (head_pos_ == head_.size()) {
      head_.clear();
      head_pos_ = 0;
    }
    return k;
  }
  return ReadRaw(buf, n);
}

Result<std::string_view> ByteInput::Peek(size_t n, bool stop_at_visible) {
  if (head_pos_ > 0) {
    head_.erase(0, head_pos_);
    head_pos_ = 0;
  }
  auto has_visible = [&] {
    for (char c : head_) {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return true;
    }
    return false;
  };
  while (head_.size() < n && !eof_) {
    if (stop_at_visible && has_visible()) break;
    size_t old = head_.size();
    head_.resize(n);
    Result<size_t> k = ReadRaw(head_.data() + old, n - old);
    if (!k.ok()) {
      head_.resize(old);
      return k.status();
    }
    head_.resize(old + *k);
  }
  return std::string_view(head_).substr(0, std::min(n, head_.size()));
}

Result<std::string> ByteInput::ReadAll(size_t limit) {
  std::string out;
  if (size_) {
    uint64_t left = *size_;
    if (left > limit) {
      return TooLarge("document of " + FormatBytes(left) + " is over the limit of " + FormatBytes(limit));
    }
    out.reserve(static_cast<size_t>(left));
  }
  if (head_pos_ < head_.size()) out.append(head_, head_pos_, std::string::npos);
  head_.clear();
  head_pos_ = 0;
  if (is_memory_) {
    out.append(memory_, memory_pos_, std::string::npos);
    memory_pos_ = memory_.size();
    eof_ = true;
  }
  char buf[1 << 16];
  while (!eof_) {
    ASSIGN_OR_RETURN(size_t k, ReadRaw(buf, sizeof buf));
    out.append(buf, k);
    if (out.size() > limit) {
      return TooLarge("document is over the limit of " + FormatBytes(limit));
    }
  }
  if (out.size() > limit) {
    return TooLarge("document of " + FormatBytes(out.size()) + " is over the limit of " + FormatBytes(limit));
  }
  return out;
}

bool SingleItemSource::Next(ReadItem* item) {
  if (done_) return false;
  done_ = true;
  *item = std::move(item_);
  return true;
}

ReadItem ErrorItem(const std::string& name, Status status, Format format) {
  ReadItem item;
  item.status = std::move(status);
  item.doc.id = name;
  item.doc.source = name;
  item.format = format;
  return item;
}

}  // namespace newsgraph::read
