#include "extractor/cli/output_file.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace newsgraph::cli {
namespace {

// What the read end `fd` (non-blocking) holds now.
std::string Available(int fd) {
  std::string got;
  char buf[256];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0) got.append(buf, static_cast<size_t>(n));
  return got;
}

TEST_CASE("output file / a named pipe is written in place and each FlushIfStream reaches its reader") {
  char dir[] = "/tmp/newsgraph-output-fifo.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string fifo = std::string(dir) + "/out";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  // The reader first, non-blocking, so that opening the writing end does not wait.
  const int reader = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  {
    auto out = OutputFile::Open(fifo);
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("{\"id\":\"a\"}\n").ok());
    CHECK(Available(reader).empty());  // buffered until asked
    REQUIRE((*out)->FlushIfStream().ok());
    CHECK(Available(reader) == "{\"id\":\"a\"}\n");
    REQUIRE((*out)->Write("{\"id\":\"b\"}\n").ok());
    REQUIRE((*out)->Commit().ok());
    CHECK(Available(reader) == "{\"id\":\"b\"}\n");
  }
  struct stat st {};
  REQUIRE(stat(fifo.c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));  // not replaced by a file
  close(reader);
  std::system(("rm -rf " + std::string(dir)).c_str());
}

TEST_CASE("output file / a regular file appears whole at Commit and not before") {
  char dir[] = "/tmp/newsgraph-output-file.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string path = std::string(dir) + "/out.ndjson";
  {
    auto out = OutputFile::Open(path);
    REQUIRE(out.ok());
    REQUIRE((*out)->Write("{\"id\":\"a\"}\n").ok());
    REQUIRE((*out)->FlushIfStream().ok());  // no-op for a file
    CHECK(access(path.c_str(), F_OK) != 0);
    REQUIRE((*out)->Commit().ok());
  }
  struct stat st {};
  REQUIRE(stat(path.c_str(), &st) == 0);
  CHECK(S_ISREG(st.st_mode));
  CHECK(st.st_size == 11);
  std::system(("rm -rf " + std::string(dir)).c_str());
}

}  // namespace
}  // namespace newsgraph::cli
