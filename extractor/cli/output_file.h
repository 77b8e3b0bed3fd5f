// Where a command writes its result: standard output, or a file written
// atomically (a temporary file in the same folder, renamed over the target
// on Commit()), so that an interrupted run never leaves a half-written file;
// SIGINT, SIGTERM, SIGHUP and SIGPIPE remove the temporary too. A device or
// a named pipe is written in place, like standard output.
//
//   ASSIGN_OR_RETURN(auto out, OutputFile::Open(path));   // "" or "-": stdout
//   RETURN_IF_ERROR(out->Write(record));
//   RETURN_IF_ERROR(out->Commit());
#ifndef NEWSGRAPH_CLI_OUTPUT_FILE_H_
#define NEWSGRAPH_CLI_OUTPUT_FILE_H_

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "extractor/core/status.h"

namespace newsgraph::cli {

class OutputFile {
 public:
  static Result<std::unique_ptr<OutputFile>> Open(const std::string& path);
  // Removes the temporary file if Commit() was not reached; standard output
  // still gets what was written.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;  // owns a FILE*
  OutputFile& operator=(const OutputFile&) = delete;

  // Buffered: bytes go out in large writes (kBufferBytes), not one system
  // call per record; on a terminal, at once. The first error is kept and
  // returned from then on.
  Status Write(std::string_view bytes);
  // Pushes buffered bytes to standard output (or the device or pipe), so
  // that a streaming consumer sees every record written so far. No-op for
  // files.
  Status FlushIfStream();
  // Flushes, and for a file renames the temporary over the target.
  Status Commit();
  bool is_stdout() const { return path_.empty(); }

 private:
  OutputFile() = default;
  std::string path_;  // empty: stdout
  std::string temp_path_;
  int temp_slot_ = -1;  // where a signal handler finds temp_path_ (output_file.cc)
  FILE* file_ = nullptr;
  bool committed_ = false;
  // Written in place and flushed at each FlushIfStream: standard output, a
  // device or a named pipe (no temporary, no rename).
  bool stream_ = false;
  std::string Name() const { return is_stdout() ? "standard output" : path_; }
  static constexpr size_t kBufferBytes = size_t{256} << 10;
  bool interactive_ = false;  // stdout is a terminal: no buffering
  std::string pending_;  // written, not yet handed to file_
  Status error_;         // the first write error
  Status PushPending();
};

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_OUTPUT_FILE_H_
