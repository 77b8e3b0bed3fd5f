#include "extractor/core/tsv_reader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace newsgraph {

Result<std::string> ReadFile(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string msg = path + ": " + std::strerror(err);
    return err == ENOENT ? NotFound(msg) : IoError(msg);
  }
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return IoError(path + ": read error");
  return out;
}

Result<TsvReader> TsvReader::Open(const std::string& path,
                                  const std::vector<std::string>& required_columns) {
  ASSIGN_OR_RETURN(std::string content, ReadFile(path));
  return FromString(path, std::move(content), required_columns);
}

Result<TsvReader> TsvReader::FromString(std::string name, std::string content,
                                        const std::vector<std::string>& required_columns) {
  TsvReader r;
  r.name_ = std::move(name);
  r.content_ = std::move(content);
  RETURN_IF_ERROR(r.ParseHeader(required_columns));
  return r;
}

static std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool TsvReader::NextLine(std::string_view* line, int* line_number) {
  std::string_view all(content_);
  while (pos_ < all.size()) {
    size_t nl = all.find('\n', pos_);
    size_t end = nl == std::string_view::npos ? all.size() : nl;
    std::string_view l = all.substr(pos_, end - pos_);
    pos_ = nl == std::string_view::npos ? all.size() : nl + 1;
    ++line_;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (line_ == 1 && l.substr(0, 3) == "\xEF\xBB\xBF") l.remove_prefix(3);  // BOM
    if (l.empty() || l[0] == '#') continue;
    *line = l;
    *line_number = line_;
    return true;
  }
  return false;
}

Status TsvReader::ParseHeader(const std::vector<std::string>& required_columns) {
  std::string_view line;
  int number = 0;
  if (!NextLine(&line, &number)) return DataError(name_ + ":1: no header line");
  for (std::string_view f : SplitTabs(line)) header_.emplace_back(f);
  for (const std::string& c : required_columns) {
    if (Column(c) < 0) {
      return DataError(name_ + ":" + std::to_string(number) + ": header lacks column '" + c + "'");
    }
  }
  return Status::Ok();
}

bool TsvReader::Next(TsvRow* row) {
  if (!status_.ok()) return false;
  std::string_view line;
  if (!NextLine(&line, &row->line)) return false;
  row->fields = SplitTabs(line);
  if (row->fields.size() > header_.size()) {
    status_ = Error(*row, "row has " + std::to_string(row->fields.size()) + " fields, header has " +
                              std::to_string(header_.size()));
    return false;
  }
  return true;
}

int TsvReader::Column(std::string_view name) const {
  for (size_t i = 0; i < header_.size(); ++i) {
    if (header_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Status TsvReader::Error(const TsvRow& row, std::string_view message) const {
  return DataError(name_ + ":" + std::to_string(row.line) + ": " + std::string(message));
}

}  // namespace newsgraph
