#include "extractor/cli/output_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace newsgraph::cli {

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  if (path.empty() || path == "-") {
    out->file_ = stdout;
    // Someone is watching: each record shows as soon as it is written.
    out->interactive_ = isatty(STDOUT_FILENO) != 0;
    return out;
  }
  out->path_ = path;
  std::string templ = path + ".tmp.XXXXXX";
  int fd = mkstemp(templ.data());
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  out->temp_path_ = templ;
  out->file_ = fdopen(fd, "wb");
  if (out->file_ == nullptr) {
    close(fd);
    unlink(templ.c_str());
    return IoError(path + ": " + std::strerror(errno));
  }
  return out;
}

OutputFile::~OutputFile() {
  if (is_stdout()) {
    // A run stopped by an error still shows the records before it.
    (void)FlushIfStream();
    return;
  }
  if (committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  unlink(temp_path_.c_str());
}

Status OutputFile::PushPending() {
  if (!error_.ok()) return error_;
  if (pending_.empty()) return Status::Ok();
  // pending_ ends on a record boundary; on standard output it goes out whole,
  // so a run killed between writes leaves no half record behind in stdio's buffer.
  if (std::fwrite(pending_.data(), 1, pending_.size(), file_) != pending_.size() ||
      (is_stdout() && std::fflush(file_) != 0)) {
    error_ = IoError((is_stdout() ? std::string("standard output") : path_) + ": write failed: " +
                     std::strerror(errno));
  }
  pending_.clear();
  return error_;
}

Status OutputFile::Write(std::string_view bytes) {
  if (!error_.ok()) return error_;
  if (bytes.empty()) return Status::Ok();
  pending_.append(bytes);
  if (interactive_) return FlushIfStream();
  if (pending_.size() >= kBufferBytes) return PushPending();
  return Status::Ok();
}

Status OutputFile::FlushIfStream() {
  if (!is_stdout()) return Status::Ok();
  RETURN_IF_ERROR(PushPending());
  if (std::fflush(stdout) != 0) {
    error_ = IoError(std::string("standard output: ") + std::strerror(errno));
  }
  return error_;
}

Status OutputFile::Commit() {
  if (is_stdout()) return FlushIfStream();
  committed_ = true;
  if (Status s = PushPending(); !s.ok()) {
    std::fclose(file_);
    file_ = nullptr;
    unlink(temp_path_.c_str());
    return s;
  }
  bool ok = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (!ok || std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    Status s = IoError(path_ + ": cannot write: " + std::strerror(errno));
    unlink(temp_path_.c_str());
    return s;
  }
  return Status::Ok();
}

}  // namespace newsgraph::cli
