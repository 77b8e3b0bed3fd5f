// First version: plain-text files and standard input only.
#include "extractor/read/document_stream.h"

#include <cstdio>
#include <deque>

#include "extractor/core/tsv_reader.h"
#include "extractor/core/utf8.h"

namespace newsgraph::read {

class DocumentStream::Impl {
 public:
  Impl(std::vector<std::string> inputs, ReadOptions options)
      : pending_(inputs.begin(), inputs.end()), options_(std::move(options)) {}

  bool Next(ReadItem* item) {
    if (pending_.empty()) return false;
    std::string input = pending_.front();
    pending_.pop_front();
    *item = ReadItem();
    item->doc.id = input == "-" ? "stdin" : input;
    item->doc.source = input;
    Result<std::string> text = input == "-" ? ReadStdin() : ReadFile(input);
    if (!text.ok()) {
      item->status = text.status();
      return true;
    }
    item->doc.text = std::move(text).value();
    if (size_t bad = RepairUtf8(&item->doc.text); bad > 0) {
      item->doc.warnings.push_back("replaced " + std::to_string(bad) + " invalid UTF-8 sequences");
    }
    item->doc.published = options_.published;
    item->doc.layers = kLayerText;
    return true;
  }

 private:
  static Result<std::string> ReadStdin() {
    std::string out;
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) out.append(buf, n);
    return out;
  }

  std::deque<std::string> pending_;
  ReadOptions options_;
};

DocumentStream::DocumentStream(std::vector<std::string> inputs, ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(inputs), std::move(options))) {}
DocumentStream::~DocumentStream() = default;
bool DocumentStream::Next(ReadItem* item) { return impl_->Next(item); }

}  // namespace newsgraph::read
