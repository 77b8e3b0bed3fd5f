// Where a command writes its result: standard output, or a file written
// atomically (a temporary file in the same folder, renamed over the target
// on Commit()), so that an interrupted run never leaves a half-written file.
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
  // Removes the temporary file if Commit() was not reached.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;  // owns a FILE*
  OutputFile& operator=(const OutputFile&) = delete;

  Status Write(std::string_view bytes);
  // Pushes buffered bytes to standard output, so that a streaming consumer
  // sees each record as soon as it is done. No-op for files.
  Status FlushIfStream();
  // Flushes, and for a file renames the temporary over the target.
  Status Commit();
  bool is_stdout() const { return path_.empty(); }

 private:
  OutputFile() = default;
  std::string path_;  // empty: stdout
  std::string temp_path_;
  FILE* file_ = nullptr;
  bool committed_ = false;
};

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_OUTPUT_FILE_H_
