// Reads the project's data files: UTF-8, tab-separated, '#' starts a comment
// line, blank lines are skipped, and the first other line is the header.
//
//   ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::Open(path, {"name", "type"}));
//   TsvRow row;
//   while (tsv.Next(&row)) {
//     std::string_view name = row.Get(tsv.Column("name"));
//     if (name.empty()) return tsv.Error(row, "empty name");   // "path:12: empty name"
//   }
//   RETURN_IF_ERROR(tsv.status());
#ifndef NEWSGRAPH_CORE_TSV_READER_H_
#define NEWSGRAPH_CORE_TSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/status.h"

namespace newsgraph {

// Reads a whole file. NotFound or IoError with the path in the message.
Result<std::string> ReadFile(const std::string& path);

struct TsvRow {
  int line = 0;                          // 1-based line number in the file
  std::vector<std::string_view> fields;  // views into the reader's buffer
  // The field at column `index`, or "" when the row is shorter or index < 0.
  std::string_view Get(int index) const {
    return index >= 0 && static_cast<size_t>(index) < fields.size() ? fields[index]
                                                                      : std::string_view();
  }
};

class TsvReader {
 public:
  // Reads `path` and its header. Fails when the file is missing, when it
  // has no header, or when a name in `required_columns` is not in it.
  static Result<TsvReader> Open(const std::string& path,
                                const std::vector<std::string>& required_columns = {});
  // The same over text already in memory; `name` is used in messages.
  static Result<TsvReader> FromString(std::string name, std::string content,
                                      const std::vector<std::string>& required_columns = {});

  TsvReader(TsvReader&&) = default;
  TsvReader& operator=(TsvReader&&) = default;

  // Fills *row with the next data row and returns true; false at the end of
  // the file or after an error (see status()). A row with more fields than
  // the header is an error; fewer fields are allowed (missing = "").
  bool Next(TsvRow* row);
  // OK, or the first malformed-row error met by Next().
  const Status& status() const { return status_; }

  const std::vector<std::string>& header() const { return header_; }
  // Index of a header column, or -1.
  int Column(std::string_view name) const;
  const std::string& name() const { return name_; }
  // DataError "name:line: message".
  Status Error(const TsvRow& row, std::string_view message) const;

 private:
  TsvReader() = default;
  Status ParseHeader(const std::vector<std::string>& required_columns);
  // Next non-comment, non-blank line; false at the end.
  bool NextLine(std::string_view* line, int* line_number);

  std::string name_;
  std::string content_;
  size_t pos_ = 0;
  int line_ = 0;
  std::vector<std::string> header_;
  Status status_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_TSV_READER_H_
