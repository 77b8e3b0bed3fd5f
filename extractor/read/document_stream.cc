#include "extractor/read/document_stream.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <filesystem>

#include "extractor/core/utf8.h"
#include "extractor/read/detect.h"
#include "extractor/read/feed_reader.h"
#include "extractor/read/html_reader.h"
#include "extractor/read/input.h"
#include "extractor/read/ndjson_reader.h"
#include "extractor/read/text_util.h"

namespace newsgraph::read {

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kAuto: return "auto";
    case Format::kText: return "text";
    case Format::kHtml: return "html";
    case Format::kFeed: return "feed";
    case Format::kNdjson: return "ndjson";
    case Format::kJson: return "json";
  }
  return "?";
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (Format f : {Format::kAuto, Format::kText, Format::kHtml, Format::kFeed, Format::kNdjson, Format::kJson}) {
    if (FormatName(f) == name) return f;
  }
  return std::nullopt;
}

namespace {

struct PendingInput {
  std::string name;
  bool in_memory = false;
  std::string bytes;
};

// One entry of a folder being walked.
struct WalkEntry {
  std::string key;  // the name, with "/" after a folder: sorting by it
                    // orders the walk by the byte order of whole paths
  std::string path;
  bool is_folder = false;
  std::optional<Status> error;
};

struct Folder {
  std::vector<WalkEntry> entries;
  size_t next = 0;
};

std::string JoinPath(const std::string& folder, const std::string& name) {
  if (!folder.empty() && folder.back() == '/') return folder + name;
  return folder + "/" + name;
}

bool IsAllSpace(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  return TrimAscii(s).empty();
}

}  // namespace

class DocumentStream::Impl {
 public:
  Impl(std::vector<std::string> inputs, ReadOptions options) : options_(std::move(options)) {
    for (std::string& name : inputs) pending_.push_back({std::move(name), false, {}});
  }

  void AddMemory(std::string name, std::string bytes) { pending_.push_back({std::move(name), true, std::move(bytes)}); }

  bool Next(ReadItem* item) {
    while (true) {
      if (source_ != nullptr) {
        if (source_->Next(item)) return true;
        source_.reset();
      }
      if (!walk_.empty()) {
        if (NextFromWalk(item)) return true;
        continue;
      }
      if (pending_.empty()) return false;
      PendingInput input = std::move(pending_.front());
      pending_.pop_front();
      if (input.in_memory) {
        source_ = Open(ByteInput::Memory(std::move(input.bytes)), input.name, input.name, false);
        continue;
      }
      if (input.name == "-") {
        source_ = Open(ByteInput::Stdin(), "stdin", "", false);
        continue;
      }
      struct stat st;
      if (::stat(input.name.c_str(), &st) != 0) {
        int err = errno;
        Status why = err == ENOENT || err == ENOTDIR ? NotFound("no such file or folder")
                     : err == EACCES                 ? IoError("permission denied")
                                                     : IoError(std::strerror(err));
        *item = ErrorItem(input.name, std::move(why));
        return true;
      }
      if (S_ISDIR(st.st_mode)) {
        walk_root_ = input.name;
        walk_files_ = 0;
        if (Status s = PushFolder(input.name); !s.ok()) {
          *item = ErrorItem(input.name, std::move(s));
          return true;
        }
        continue;
      }
      source_ = OpenFile(input.name);
    }
  }

 private:
  // Advances the folder walk: sets source_, or fills *item with an error
  // and returns true.
  bool NextFromWalk(ReadItem* item) {
    Folder& folder = walk_.back();
    if (folder.next == folder.entries.size()) {
      walk_.pop_back();
      if (walk_.empty() && walk_files_ == 0) {
        *item = ErrorItem(walk_root_, InvalidArgument("no files in the folder"));
        return true;
      }
      return false;
    }
    WalkEntry entry = std::move(folder.entries[folder.next++]);
    if (entry.error) {
      ++walk_files_;
      *item = ErrorItem(entry.path, std::move(*entry.error));
      return true;
    }
    if (entry.is_folder) {
      if (Status s = PushFolder(entry.path); !s.ok()) {
        ++walk_files_;
        *item = ErrorItem(entry.path, std::move(s));
        return true;
      }
      return false;
    }
    ++walk_files_;
    source_ = OpenFile(entry.path);
    return false;
  }

  // Lists a folder: files and folders not starting with '.', sorted.
  // Symbolic links to files are read; links to folders are not followed
  // (they could loop); other special files are left out.
  Status PushFolder(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::directory_iterator it(path, ec);
    if (ec) return IoError("cannot list the folder: " + ec.message());
    Folder folder;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) return IoError("cannot list the folder: " + ec.message());
      std::string name = it->path().filename().string();
      if (name.empty() || name[0] == '.') continue;
      WalkEntry entry;
      entry.path = JoinPath(path, name);
      std::error_code type_ec;
      fs::file_status st = it->symlink_status(type_ec);
      if (fs::is_symlink(st)) {
        fs::file_status target = fs::status(it->path(), type_ec);
        if (type_ec || !fs::exists(target)) {
          entry.error = NotFound("broken symbolic link");
        } else if (!fs::is_regular_file(target)) {
          continue;
        }
      } else if (fs::is_directory(st)) {
        entry.is_folder = true;
      } else if (!fs::is_regular_file(st)) {
        continue;
      }
      entry.key = entry.is_folder ? name + "/" : name;
      folder.entries.push_back(std::move(entry));
    }
    std::sort(folder.entries.begin(), folder.entries.end(),
              [](const WalkEntry& a, const WalkEntry& b) { return a.key < b.key; });
    walk_.push_back(std::move(folder));
    return Status::Ok();
  }

  std::unique_ptr<Source> OpenFile(const std::string& path) {
    Result<std::unique_ptr<ByteInput>> input = ByteInput::OpenFile(path);
    if (!input.ok()) return std::make_unique<SingleItemSource>(ErrorItem(path, input.status()));
    return Open(std::move(input).value(), path, path, false);
  }

  // Chooses the reader for one input. `name` names its documents; `path`
  // (may be empty) gives the extension.
  std::unique_ptr<Source> Open(std::unique_ptr<ByteInput> input, const std::string& name, const std::string& path,
                               bool converted) {
    auto fail = [&](Status s, Format f = Format::kAuto) {
      return std::make_unique<SingleItemSource>(ErrorItem(name, std::move(s), f));
    };
    if (options_.before_wait) input->SetBeforeWait(options_.before_wait);
    // A first visible '{' is enough to start streaming NDJSON from a pipe.
    Result<std::string_view> head = input->Peek(kSniffBytes, /*stop_at_visible=*/true);
    if (head.ok()) {
      std::string_view start = *head;
      if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
      if (TrimAscii(start).substr(0, 1) != "{") head = input->Peek(kSniffBytes);
    }
    if (!head.ok()) return fail(head.status());
    std::string_view h = *head;
    const bool whole_input = h.size() < kSniffBytes;  // the head is all there is
    if (!converted && (h.substr(0, 2) == "\xFF\xFE" || h.substr(0, 2) == "\xFE\xFF")) {
      bool big_endian = h[0] == '\xFE';
      Result<std::string> bytes = input->ReadAll(options_.max_document_bytes);
      if (!bytes.ok()) return fail(bytes.status());
      std::string utf8 = Utf16ToUtf8(std::string_view(*bytes).substr(2), big_endian);
      return Open(ByteInput::Memory(std::move(utf8)), name, path, true);
    }
    std::string_view body = h.substr(0, 3) == "\xEF\xBB\xBF" ? h.substr(3) : h;
    if (std::optional<std::string> why = DetectBinary(body)) {
      return fail(InvalidArgument("binary data (" + *why +
                                  "), not text: newsgraph reads UTF-8 text, HTML, RSS/Atom feeds and JSON"));
    }
    Format format = options_.format != Format::kAuto ? options_.format : ChooseFormat(path, h);
    if (format != Format::kText && whole_input && IsAllSpace(h)) {
      ReadItem item;
      item.format = format;
      item.doc.id = item.doc.source = name;
      item.doc.published = options_.published;
      item.doc.warnings.push_back("empty input");
      item.doc.layers = kLayerText;
      return std::make_unique<SingleItemSource>(std::move(item));
    }
    switch (format) {
      case Format::kNdjson: return NewNdjsonSource(std::move(input), name, options_);
      case Format::kFeed: return NewFeedSource(std::move(input), name, options_, converted);
      case Format::kAuto:
      case Format::kText:
      case Format::kHtml:
      case Format::kJson: break;
    }
    if (format == Format::kAuto) format = Format::kText;
    Result<std::string> bytes = input->ReadAll(options_.max_document_bytes);
    if (!bytes.ok()) return fail(bytes.status(), format);
    if (format == Format::kJson) return NewJsonSource(std::move(bytes).value(), name, options_);
    ReadItem item;
    item.format = format;
    Document& doc = item.doc;
    doc.id = doc.source = name;
    if (format == Format::kHtml) {
      ReadHtml(*bytes, options_.published, &doc);
    } else {
      doc.text = std::move(bytes).value();  // byte for byte
      RepairText(&doc.text, &doc);
      doc.published = options_.published;
      if (TrimAscii(doc.text).empty()) doc.warnings.push_back("empty document: no text");
    }
    doc.layers = kLayerText;
    return std::make_unique<SingleItemSource>(std::move(item));
  }

  ReadOptions options_;
  std::deque<PendingInput> pending_;
  std::unique_ptr<Source> source_;
  std::vector<Folder> walk_;  // the folders being walked, innermost last
  std::string walk_root_;
  size_t walk_files_ = 0;     // items started under walk_root_
};

DocumentStream::DocumentStream(std::vector<std::string> inputs, ReadOptions options)
    : impl_(std::make_unique<Impl>(std::move(inputs), std::move(options))) {}

DocumentStream::~DocumentStream() = default;

std::unique_ptr<DocumentStream> DocumentStream::FromMemory(std::string name, std::string bytes,
                                                           ReadOptions options) {
  auto stream = std::make_unique<DocumentStream>(std::vector<std::string>{}, std::move(options));
  stream->impl_->AddMemory(std::move(name), std::move(bytes));
  return stream;
}

bool DocumentStream::Next(ReadItem* item) {
  if (!impl_->Next(item)) return false;
  // Ids and sources built from file names carry the names' bytes, which
  // need not be UTF-8; every record and message must be.
  RepairString(&item->doc.id);
  RepairString(&item->doc.source);
  return true;
}

void ResetItem(ReadItem* item) {
  // A fresh document that keeps the buffers of the old one's text, token,
  // entity, time and event vectors and of its metadata strings (a url, a
  // title or a source of more than 15 bytes would otherwise be allocated
  // again); whatever else a document holds starts afresh.
  Document kept;
  auto keep = [](auto& from, auto* to) {
    *to = std::move(from);
    to->clear();
  };
  Document& doc = item->doc;
  keep(doc.id, &kept.id);
  keep(doc.url, &kept.url);
  keep(doc.title, &kept.title);
  keep(doc.published, &kept.published);
  keep(doc.source, &kept.source);
  keep(doc.warnings, &kept.warnings);
  keep(doc.text, &kept.text);
  kept.SwapAnalysis(&doc);
  kept.ClearAnalysis();
  *item = ReadItem();
  item->doc = std::move(kept);
}

}  // namespace newsgraph::read
