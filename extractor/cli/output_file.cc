#include "extractor/cli/output_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace newsgraph::cli {
namespace {

// Temporary files not yet committed, for a signal handler to remove: a run
// ended by Ctrl-C or `kill` leaves neither the target nor a FILE.tmp.*
// behind. Fixed storage, because the handler may only call functions that
// are safe in a signal handler (unlink, signal, raise).
constexpr int kMaxPendingTemps = 8;
constexpr size_t kMaxTempPath = 4096;
char g_temp_paths[kMaxPendingTemps][kMaxTempPath];
volatile std::sig_atomic_t g_temp_used[kMaxPendingTemps];

extern "C" void RemoveTempsAndRaise(int sig) {
  for (int i = 0; i < kMaxPendingTemps; ++i) {
    if (g_temp_used[i]) unlink(g_temp_paths[i]);
  }
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// Installs the handler for the signals that end a run, except where the
// caller chose to ignore them (nohup).
void InstallCleanupHandler() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) != 0 || old.sa_handler == SIG_IGN) continue;
    struct sigaction act {};
    act.sa_handler = RemoveTempsAndRaise;
    sigemptyset(&act.sa_mask);
    sigaction(sig, &act, nullptr);
  }
}

// The slot that holds `path`, or -1 when every slot is taken or the path
// is too long (the file is then only removed on a normal exit).
int RegisterTemp(const std::string& path) {
  if (path.size() >= kMaxTempPath) return -1;
  for (int i = 0; i < kMaxPendingTemps; ++i) {
    if (g_temp_used[i]) continue;
    std::memcpy(g_temp_paths[i], path.c_str(), path.size() + 1);
    g_temp_used[i] = 1;
    InstallCleanupHandler();
    return i;
  }
  return -1;
}

void ForgetTemp(int slot) {
  if (slot >= 0) g_temp_used[slot] = 0;
}

// The process's umask, read without setting it (umask() would change it
// for every thread while it is read); 022 where /proc cannot tell.
mode_t CurrentUmask() {
  if (FILE* f = std::fopen("/proc/self/status", "r")) {
    char line[256];
    unsigned mask = 022;
    while (std::fgets(line, sizeof line, f) != nullptr) {
      if (std::sscanf(line, "Umask: %o", &mask) == 1) break;
    }
    std::fclose(f);
    return static_cast<mode_t>(mask);
  }
  return 022;
}

}  // namespace

Result<std::unique_ptr<OutputFile>> OutputFile::Open(const std::string& path) {
  std::unique_ptr<OutputFile> out(new OutputFile());
  if (path.empty() || path == "-") {
    out->file_ = stdout;
    out->stream_ = true;
    // Someone is watching: each record shows as soon as it is written.
    out->interactive_ = isatty(STDOUT_FILENO) != 0;
    return out;
  }
  out->path_ = path;
  // A device or a named pipe ("-o /dev/stdout", "-o /dev/tty") is written
  // in place: a renamed file would replace it, not write to it. Opening a
  // named pipe waits for its reader, as the shell's '>' does.
  struct stat st {};
  const bool exists = stat(path.c_str(), &st) == 0;
  if (exists && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
    out->file_ = std::fopen(path.c_str(), "wb");
    if (out->file_ == nullptr) return IoError(path + ": cannot open: " + std::strerror(errno));
    out->stream_ = true;
    out->interactive_ = isatty(fileno(out->file_)) != 0;
    return out;
  }
  std::string templ = path + ".tmp.XXXXXX";
  int fd = mkstemp(templ.data());
  if (fd < 0) return IoError(path + ": cannot create: " + std::strerror(errno));
  // mkstemp makes the file private (0600); once renamed it is the output,
  // so it gets the permissions of the file it replaces, or those of any
  // new file (0666 less the umask).
  (void)fchmod(fd, exists ? (st.st_mode & 0777) : (0666 & ~CurrentUmask()));
  out->temp_path_ = templ;
  out->temp_slot_ = RegisterTemp(templ);
  out->file_ = fdopen(fd, "wb");
  if (out->file_ == nullptr) {
    close(fd);
    unlink(templ.c_str());
    return IoError(path + ": " + std::strerror(errno));
  }
  return out;
}

OutputFile::~OutputFile() {
  if (stream_) {
    // A run stopped by an error still shows the records before it.
    (void)FlushIfStream();
    if (!is_stdout() && file_ != nullptr) std::fclose(file_);
    return;
  }
  if (!committed_) {
    if (file_ != nullptr) std::fclose(file_);
    unlink(temp_path_.c_str());
  }
  ForgetTemp(temp_slot_);
}

Status OutputFile::PushPending() {
  if (!error_.ok()) return error_;
  if (pending_.empty()) return Status::Ok();
  // pending_ ends on a record boundary; on standard output it goes out whole,
  // so a run killed between writes leaves no half record behind in stdio's buffer.
  if (std::fwrite(pending_.data(), 1, pending_.size(), file_) != pending_.size() ||
      (stream_ && std::fflush(file_) != 0)) {
    error_ = IoError(Name() + ": write failed: " + std::strerror(errno));
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
  if (!stream_ || file_ == nullptr) return Status::Ok();
  RETURN_IF_ERROR(PushPending());
  if (std::fflush(file_) != 0) error_ = IoError(Name() + ": " + std::strerror(errno));
  return error_;
}

Status OutputFile::Commit() {
  if (is_stdout()) return FlushIfStream();
  committed_ = true;
  if (stream_) {
    Status s = FlushIfStream();
    if (std::fclose(file_) != 0 && s.ok()) s = IoError(path_ + ": write failed: " + std::strerror(errno));
    file_ = nullptr;
    return s;
  }
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
  // Renamed: the temporary name is gone, and a late signal must not
  // remove a file that someone else may have created under it since.
  ForgetTemp(temp_slot_);
  temp_slot_ = -1;
  return Status::Ok();
}

}  // namespace newsgraph::cli
