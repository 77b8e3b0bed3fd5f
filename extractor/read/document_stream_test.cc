#include "extractor/read/document_stream.h"
#include "extractor/read/read_test_util.h"

#include <fcntl.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace newsgraph::read {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Ids(const std::vector<ReadItem>& items) {
  std::vector<std::string> ids;
  for (const ReadItem& item : items) ids.push_back(item.doc.id);
  return ids;
}

// A fresh folder under the system temporary folder, removed at the end.
struct TempDir {
  TempDir() {
    char tmpl[] = "/tmp/newsgraph-read-test-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string File(const std::string& name, const std::string& bytes) const {
    std::string p = path + "/" + name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }
  std::string path;
};

// Runs `read` with standard input replaced by `fd`.
template <typename F>
void WithStdin(int fd, F read) {
  int saved = dup(STDIN_FILENO);
  REQUIRE(dup2(fd, STDIN_FILENO) == STDIN_FILENO);
  close(fd);
  read();
  dup2(saved, STDIN_FILENO);
  close(saved);
}

}  // namespace

TEST_CASE("a folder is walked in byte order of paths / hidden entries skipped") {
  std::vector<ReadItem> items = ReadAll({"tests/data/read/walk/"});
  CHECK(Ids(items) == std::vector<std::string>{"tests/data/read/walk/B.txt", "tests/data/read/walk/a-b.txt",
                                               "tests/data/read/walk/a.txt", "tests/data/read/walk/a/z.txt",
                                               "tests/data/read/walk/sub/c.txt"});
  for (const ReadItem& item : items) CHECK(item.format == Format::kText);
  CHECK(items[3].doc.text == "z\n");
  // Without the trailing slash the ids are the same.
  CHECK(Ids(ReadAll({"tests/data/read/walk"}))[0] == "tests/data/read/walk/B.txt");
}

TEST_CASE("symbolic links to files are read / to folders not followed / broken ones reported") {
  TempDir dir;
  fs::create_directories(dir.path + "/walk/folder");
  dir.File("walk/folder/inner.txt", "inner");
  dir.File("target.txt", "target");
  fs::create_symlink(dir.path + "/target.txt", dir.path + "/walk/b-link.txt");
  fs::create_symlink(dir.path + "/missing.txt", dir.path + "/walk/c-broken.txt");
  fs::create_symlink(dir.path + "/walk", dir.path + "/walk/d-loop");
  std::vector<ReadItem> items = ReadAll({dir.path + "/walk"});
  REQUIRE(items.size() == 3);
  CHECK(items[0].doc.id == dir.path + "/walk/b-link.txt");
  CHECK(items[0].doc.text == "target");
  CHECK(items[1].doc.id == dir.path + "/walk/c-broken.txt");
  CHECK(items[1].status.message() == "broken symbolic link");
  CHECK(items[2].doc.id == dir.path + "/walk/folder/inner.txt");
}

TEST_CASE("inputs come out in the order given - every input yields an item") {
  TempDir dir;
  fs::create_directories(dir.path + "/empty");
  ReadOptions options;
  options.published = "2024-06-19";
  std::vector<ReadItem> items = ReadAll({"tests/data/read/walk/a.txt", "tests/data/read/no-such-file.txt",
                                         dir.path + "/empty", "tests/data/read/binary.gz",
                                         "tests/data/read/walk/B.txt"},
                                        options);
  REQUIRE(items.size() == 5);
  CHECK(items[0].status.ok());
  CHECK(items[0].doc.published == "2024-06-19");
  CHECK(items[1].status.code() == StatusCode::kNotFound);
  CHECK(items[1].doc.id == "tests/data/read/no-such-file.txt");
  CHECK(items[1].status.message() == "no such file or folder");
  CHECK(items[2].doc.id == dir.path + "/empty");
  CHECK(items[2].status.message() == "no files in the folder");
  CHECK(items[3].doc.id == "tests/data/read/binary.gz");
  CHECK(items[3].doc.source == "tests/data/read/binary.gz");
  CHECK(items[3].status.message() ==
        "binary data (gzip-compressed data), not text: newsgraph reads UTF-8 text, HTML, RSS/Atom feeds and JSON");
  CHECK(items[4].status.ok());
  CHECK(items[4].doc.text == "B\n");
}

TEST_CASE("plain text is taken byte for byte - bad UTF-8 and NUL bytes are repaired with warnings") {
  std::vector<ReadItem> bad = ReadAll({"tests/data/read/invalid-utf8.txt"});
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].status.ok());
  CHECK(bad[0].doc.text == "Caf\xEF\xBF\xBD in Hanoi\n");
  CHECK(bad[0].doc.warnings == std::vector<std::string>{"replaced 1 invalid UTF-8 sequence with U+FFFD"});

  std::string text = "\xEF\xBB\xBFPutin\r\narrived.\n";
  std::vector<ReadItem> exact = ReadBytes("story", text);
  REQUIRE(exact.size() == 1);
  CHECK(exact[0].doc.text == text);  // BOM and CRLF kept: offsets match the file
  CHECK(exact[0].doc.id == "story");
  CHECK(exact[0].doc.layers == kLayerText);

  std::vector<ReadItem> nul = ReadBytes("nul.txt", std::string("Kim\0met Putin.", 14));
  CHECK(nul[0].doc.text == "Kim met Putin.");
  CHECK(nul[0].doc.warnings == std::vector<std::string>{"replaced 1 NUL byte with spaces"});
}

TEST_CASE("empty inputs are empty documents with a warning") {
  std::vector<ReadItem> items = ReadBytes("empty.txt", "");
  REQUIRE(items.size() == 1);
  CHECK(items[0].status.ok());
  CHECK(items[0].doc.text.empty());
  CHECK(items[0].doc.warnings == std::vector<std::string>{"empty document: no text"});
  for (std::string name : {"e.html", "e.rss", "e.ndjson", "e.json"}) {
    std::vector<ReadItem> e = ReadBytes(name, " \n\n ");
    REQUIRE(e.size() == 1);
    CHECK(e[0].status.ok());
    CHECK(e[0].doc.id == name);
    CHECK(e[0].doc.text.empty());
    CHECK(e[0].doc.warnings == std::vector<std::string>{"empty input"});
  }
}

TEST_CASE("UTF-16 with a byte-order mark is converted") {
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<p>Hi</p>")) utf16 += std::string(1, c) + '\0';
  std::vector<ReadItem> items = ReadBytes("page.html", utf16);
  REQUIRE(items.size() == 1);
  CHECK(items[0].format == Format::kHtml);
  CHECK(items[0].doc.text == "Hi");
}

TEST_CASE("a document over the limit is rejected without being read - the stream goes on") {
  TempDir dir;
  std::string big = dir.File("big.txt", std::string(8192, 'a'));
  {
    // 200 MB, most of it a hole in the file: only the size is looked at.
    std::FILE* f = std::fopen(big.c_str(), "r+b");
    REQUIRE(f != nullptr);
    REQUIRE(ftruncate(fileno(f), off_t{200} << 20) == 0);
    std::fclose(f);
  }
  std::string small = dir.File("small.txt", "fits");
  std::vector<ReadItem> items = ReadAll({big, small});
  REQUIRE(items.size() == 2);
  CHECK(items[0].status.code() == StatusCode::kTooLarge);
  CHECK(items[0].doc.id == big);
  CHECK(items[0].status.message() == "document of 200.0 MB is over the limit of 64.0 MB");
  CHECK(items[1].doc.text == "fits");

  ReadOptions options;
  options.max_document_bytes = 10;
  std::vector<ReadItem> html = ReadBytes("p.html", "<p>more than ten bytes</p>", options);
  CHECK(html[0].status.code() == StatusCode::kTooLarge);
  CHECK(html[0].format == Format::kHtml);
}

TEST_CASE("\"-\" reads standard input: NDJSON streamed from a pipe / text from a file") {
  int p[2];
  REQUIRE(pipe(p) == 0);
  std::string records = "{\"id\": \"s1\", \"text\": \"one\"}\nnot json\n{\"text\": \"three\"}\n";
  REQUIRE(write(p[1], records.data(), records.size()) == static_cast<ssize_t>(records.size()));
  close(p[1]);
  std::vector<ReadItem> items;
  WithStdin(p[0], [&] { items = ReadAll({"-"}); });
  REQUIRE(items.size() == 3);
  CHECK(items[0].doc.id == "s1");
  CHECK(items[0].doc.source == "stdin:1");
  CHECK(items[1].doc.id == "stdin:2");
  CHECK(items[1].status.message() == "line 2: invalid JSON at byte 2: Invalid value.");
  CHECK(items[2].doc.id == "stdin:3");
  CHECK(items[2].doc.text == "three");

  TempDir dir;
  int fd = open(dir.File("in.txt", "From a file.").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  WithStdin(fd, [&] { items = ReadAll({"-"}); });
  REQUIRE(items.size() == 1);
  CHECK(items[0].doc.id == "stdin");
  CHECK(items[0].doc.text == "From a file.");
}

TEST_CASE("the reader can be forced - formats have names") {
  ReadOptions options;
  options.format = Format::kText;
  std::vector<ReadItem> items = ReadBytes("x.json", "{\"looks\": \"like JSON\"}", options);
  REQUIRE(items.size() == 1);
  CHECK(items[0].format == Format::kText);
  CHECK(items[0].doc.text == "{\"looks\": \"like JSON\"}");
  CHECK(FormatName(Format::kFeed) == "feed");
  CHECK(ParseFormat("ndjson") == Format::kNdjson);
  CHECK_FALSE(ParseFormat("xml").has_value());
}

TEST_CASE("before_wait is called when a pipe has nothing waiting / not while input keeps coming") {
  int p[2];
  REQUIRE(pipe(p) == 0);
  std::string first = "{\"id\": \"a\", \"text\": \"one\"}\n";
  REQUIRE(write(p[1], first.data(), first.size()) == static_cast<ssize_t>(first.size()));
  int calls = 0;
  int writer = p[1];
  ReadOptions options;
  // Standing in for the consumer's flush: the input goes on only once
  // newsgraph is about to wait (here the second record, then the end).
  options.before_wait = [&] {
    ++calls;
    if (writer < 0) return;
    std::string second = "{\"id\": \"b\", \"text\": \"two\"}\n";
    REQUIRE(write(writer, second.data(), second.size()) == static_cast<ssize_t>(second.size()));
    close(writer);
    writer = -1;
  };
  std::vector<std::string> ids;
  WithStdin(p[0], [&] {
    DocumentStream stream({"-"}, options);
    ReadItem item;
    while (stream.Next(&item)) ids.push_back(item.doc.id);
  });
  CHECK(ids == std::vector<std::string>{"a", "b"});
  // Once after the first record (the pipe then empty); the end of input is
  // ready at once and needs no wait.
  CHECK(calls == 1);
}

TEST_CASE("ResetItem empties every field and keeps the text's memory") {
  ReadItem item;
  item.status = InvalidArgument("bad");
  item.format = Format::kHtml;
  item.doc.id.push_back('a');
  item.doc.url.push_back('u');
  item.doc.published.push_back('p');
  item.doc.text = std::string(1000, 'x');
  item.doc.folded = item.doc.text;
  item.doc.warnings.emplace_back(1, 'w');
  item.doc.tokens.resize(10);
  item.doc.sentences.resize(2);
  item.doc.entities.resize(1);
  item.doc.timexes.resize(1);
  item.doc.events.resize(1);
  item.doc.layers = kLayerText | kLayerTokens;
  const char* text_memory = item.doc.text.data();
  ResetItem(&item);
  CHECK(item.status.ok());
  CHECK(item.format == Format::kAuto);
  CHECK(item.doc.id.empty());
  CHECK(item.doc.url.empty());
  CHECK(item.doc.published.empty());
  CHECK(item.doc.text.empty());
  CHECK(item.doc.folded.empty());
  CHECK(item.doc.warnings.empty());
  CHECK(item.doc.tokens.empty());
  CHECK(item.doc.sentences.empty());
  CHECK(item.doc.entities.empty());
  CHECK(item.doc.timexes.empty());
  CHECK(item.doc.events.empty());
  CHECK(item.doc.layers == 0);
  CHECK(item.doc.text.capacity() >= 1000);
  CHECK(item.doc.text.data() == text_memory);
  CHECK(item.doc.tokens.capacity() >= 10);
}

}  // namespace newsgraph::read
