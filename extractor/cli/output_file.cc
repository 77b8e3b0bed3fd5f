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
  if (is_stdout() || committed_) return;
  if (file_ != nullptr) std::fclose(file_);
  unlink(temp_path_.c_str());
}

Status OutputFile::Write(std::string_view bytes) {
  if (bytes.empty()) return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return IoError((is_stdout() ? std::string("standard output") : path_) + ": write failed: " +
                   std::strerror(errno));
  }
  return Status::Ok();
}

Status OutputFile::FlushIfStream() {
  if (is_stdout() && std::fflush(stdout) != 0) {
    return IoError(std::string("standard output: ") + std::strerror(errno));
  }
  return Status::Ok();
}

Status OutputFile::Commit() {
  if (is_stdout()) return FlushIfStream();
  committed_ = true;
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
