// Runs the newsgraph binary on small inputs and checks what a user sees:
// exit codes, one record per input in input order, error records, stderr.
#include <doctest/doctest.h>
#include <rapidjson/document.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  return s.str();
}

// Runs `newsgraph ARGS` through the shell with stdin from `stdin_path`.
Run Newsgraph(const std::string& args, const std::string& stdin_path = "/dev/null") {
  char out_path[] = "/tmp/newsgraph-cli-out.XXXXXX";
  char err_path[] = "/tmp/newsgraph-cli-err.XXXXXX";
  close(mkstemp(out_path));
  close(mkstemp(err_path));
  std::string cmd = std::string(NEWSGRAPH_BINARY) + " " + args + " <" + stdin_path + " >" + out_path + " 2>" +
                    err_path;
  int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = Slurp(out_path);
  r.err = Slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return r;
}

std::vector<rapidjson::Document> Records(const std::string& ndjson) {
  std::vector<rapidjson::Document> out;
  std::istringstream in(ndjson);
  std::string line;
  while (std::getline(in, line)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    REQUIRE_MESSAGE(!d.HasParseError(), line);
    out.push_back(std::move(d));
  }
  return out;
}

// `s` with \\, " , $ and ` escaped for a double-quoted shell word.
std::string Escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out;
}

std::string Str(const rapidjson::Value& v) { return v.IsString() ? v.GetString() : std::string("<not a string>"); }

}  // namespace

TEST_CASE("failed documents get error records in place and the batch goes on") {
  // One thread and two run different loops (serial batches, and batches
  // handed between threads).
  for (const std::string threads : {"1", "2"}) {
    INFO("--threads " << threads);
    Run r = Newsgraph("extract --threads " + threads +
                      " tests/cli/data/first.txt tests/cli/data/mixed.ndjson tests/cli/data/no-such-file.txt "
                      "tests/cli/data/last.txt");
    CHECK(r.exit_code == 1);
    auto records = Records(r.out);
    REQUIRE(records.size() == 7);
    CHECK(Str(records[0]["id"]) == "tests/cli/data/first.txt");
    CHECK(Str(records[1]["id"]) == "n1");
    CHECK(records[1].HasMember("entities"));
    CHECK(records[2].HasMember("error"));
    CHECK(records[3].HasMember("error"));
    CHECK(Str(records[4]["id"]) == "n4");
    CHECK(records[4].HasMember("events"));
    CHECK(records[5].HasMember("error"));
    CHECK(Str(records[5]["id"]) == "tests/cli/data/no-such-file.txt");
    CHECK(Str(records[6]["id"]) == "tests/cli/data/last.txt");
    // Each failure is named on stderr with its document id and the reason.
    CHECK(r.err.find("no-such-file.txt") != std::string::npos);
    CHECK(r.err.find("mixed.ndjson:2") != std::string::npos);
    CHECK(r.err.find("mixed.ndjson:3") != std::string::npos);
  }
}

TEST_CASE("a document larger than a batch comes out whole and in its place") {
  // 40 short articles (more than one batch of 32) with one of about 155 kB
  // (more than a batch's 128 kB) at the sixth place.
  const std::string sentence = "Putin visited Hanoi on Monday. ";
  constexpr int kRepeats = 5000;
  std::string big_text;
  for (int i = 0; i < kRepeats; ++i) big_text += sentence;
  char path[] = "/tmp/newsgraph-cli-big.XXXXXX";
  close(mkstemp(path));
  {
    std::ofstream f(path, std::ios::binary);
    for (int i = 0; i < 40; ++i) {
      if (i == 5) f << R"({"id":"big","published":"2024-06-19","text":")" << big_text << "\"}\n";
      f << R"({"id":"s)" << i << R"(","published":"2024-06-19","text":")" << sentence << "\"}\n";
    }
  }
  std::string first_out;
  for (const std::string threads : {"1", "2"}) {
    INFO("--threads " << threads);
    Run r = Newsgraph("extract --threads " + threads + " " + path);
    CHECK(r.exit_code == 0);
    auto records = Records(r.out);
    REQUIRE(records.size() == 41);
    for (size_t k = 0; k < records.size(); ++k) {
      const size_t i = k < 5 ? k : k - 1;
      const bool big = k == 5;
      std::string id = big ? "big" : "s";
      if (!big) id += std::to_string(i);
      CHECK(Str(records[k]["id"]) == id);
      const auto& entities = records[k]["entities"];
      REQUIRE(entities.Size() == 2);
      for (const auto& e : entities.GetArray()) CHECK(e["mentions"].Size() == (big ? kRepeats : 1));
    }
    if (first_out.empty()) {
      first_out = r.out;
    } else {
      CHECK(r.out == first_out);
    }
  }
  unlink(path);
}

TEST_CASE("a clean batch exits 0 and stdin is read with -") {
  Run r = Newsgraph("extract --date 2024-06-19 -", "tests/cli/data/first.txt");
  CHECK(r.exit_code == 0);
  auto records = Records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(Str(records[0]["published"]) == "2024-06-19");
}

TEST_CASE("usage errors exit 2 and help exits 0") {
  CHECK(Newsgraph("extract --no-such-flag x").exit_code == 2);
  CHECK(Newsgraph("extract --date 2024-02-30 tests/cli/data/first.txt").exit_code == 2);
  CHECK(Newsgraph("extract --format xml tests/cli/data/first.txt").exit_code == 2);
  CHECK(Newsgraph("frobnicate").exit_code == 2);
  Run version = Newsgraph("--version");
  CHECK(version.exit_code == 0);
  CHECK(version.out.rfind("newsgraph ", 0) == 0);
  for (const char* command : {"extract", "timeline", "merge", "query"}) {
    Run help = Newsgraph(std::string(command) + " --help");
    CHECK_MESSAGE(help.exit_code == 0, command);
    CHECK(help.out.find("usage: newsgraph") != std::string::npos);
  }
}

TEST_CASE("every offset in every sample points at its text") {
  Run r = Newsgraph("extract --include-text --date 2024-06-19 samples");
  CHECK(r.exit_code == 0);
  auto records = Records(r.out);
  CHECK(records.size() >= 6);
  size_t checked = 0;
  for (const auto& rec : records) {
    REQUIRE(rec.HasMember("text"));
    std::string text = Str(rec["text"]);
    auto check_span = [&](const rapidjson::Value& span) {
      size_t start = span["start"].GetUint(), end = span["end"].GetUint();
      REQUIRE(start <= end);
      REQUIRE(end <= text.size());
      if (span.HasMember("text")) CHECK(text.substr(start, end - start) == Str(span["text"]));
      ++checked;
    };
    for (const auto& e : rec["entities"].GetArray()) {
      for (const auto& m : e["mentions"].GetArray()) check_span(m);
    }
    for (const auto& t : rec["timexes"].GetArray()) check_span(t);
    for (const auto& ev : rec["events"].GetArray()) {
      check_span(ev["trigger"]);
      check_span(ev["sentence"]);
    }
  }
  MESSAGE("checked ", checked, " spans");
}

TEST_CASE("-o writes the file whole and leaves no temporary behind") {
  char dir[] = "/tmp/newsgraph-cli-dir.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  std::string target = std::string(dir) + "/out.ndjson";
  Run r = Newsgraph("extract --date 2024-06-19 -o " + target + " tests/cli/data/first.txt");
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(Records(Slurp(target)).size() == 1);
  FILE* ls = popen(("ls -A " + std::string(dir)).c_str(), "r");
  char buf[256] = {0};
  std::string names;
  while (fgets(buf, sizeof buf, ls) != nullptr) names += buf;
  pclose(ls);
  CHECK(names == "out.ndjson\n");
  std::system(("rm -rf " + std::string(dir)).c_str());
}

TEST_CASE("-o gives a new file the umask's permissions and a replaced file its own") {
  char dir[] = "/tmp/newsgraph-cli-mode.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string folder = dir;
  const std::string run = std::string(NEWSGRAPH_BINARY) + " extract --date 2024-06-19 " + NEWSGRAPH_DEFAULT_DATA_DIR +
                          "/tests/cli/data/first.txt -o ";
  std::string script = "cd " + folder + " && umask 027 && " + run + "new.ndjson && touch old.ndjson && " +
                       "chmod 604 old.ndjson && " + run + "old.ndjson && stat -c %a new.ndjson old.ndjson > modes";
  REQUIRE(std::system(("bash -c \"" + Escaped(script) + "\"").c_str()) == 0);
  CHECK(Slurp(folder + "/modes") == "640\n604\n");
  CHECK(Records(Slurp(folder + "/old.ndjson")).size() == 1);
  std::system(("rm -rf " + folder).c_str());
}

TEST_CASE("-o onto a named pipe writes into the pipe and leaves it a pipe") {
  char dir[] = "/tmp/newsgraph-cli-fifo.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string folder = dir;
  // A reader that gives up after 20 s, so that output sent anywhere but
  // into the pipe fails the test instead of hanging it.
  std::string script = "cd " + folder + " && mkfifo out && { timeout 20 cat out > got & reader=$!; " +
                       NEWSGRAPH_BINARY + " extract --date 2024-06-19 -o out " + NEWSGRAPH_DEFAULT_DATA_DIR +
                       "/tests/cli/data/first.txt; echo $? > status; wait $reader; "
                       "test -p out && echo pipe > kind; ls -A > names; }";
  REQUIRE(std::system(("bash -c \"" + Escaped(script) + "\"").c_str()) == 0);
  CHECK(Slurp(folder + "/status") == "0\n");
  CHECK(Records(Slurp(folder + "/got")).size() == 1);
  CHECK(Slurp(folder + "/kind") == "pipe\n");
  CHECK(Slurp(folder + "/names") == "got\nkind\nnames\nout\nstatus\n");  // no temporary
  std::system(("rm -rf " + folder).c_str());
}

TEST_CASE("-o leaves neither the target nor a temporary behind when the run is killed") {
  char dir[] = "/tmp/newsgraph-cli-kill.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string folder = dir;
  // The run reads a pipe that stays open, so it is still at work when the
  // signal comes; the temporary exists from the start.
  std::string script = "cd " + folder + " && mkfifo in && { " + NEWSGRAPH_BINARY +
                       " extract --date 2024-06-19 -o out.ndjson - <in 2>/dev/null & pid=$!; exec 3>in; "
                       "printf '{\"id\":\"a\",\"text\":\"Putin visited Hanoi.\"}\\n' >&3; "
                       "for i in $(seq 200); do ls out.ndjson.tmp.* >/dev/null 2>&1 && break; sleep 0.05; done; "
                       "ls out.ndjson.tmp.* >/dev/null 2>&1 && echo temp-seen > seen; "
                       "kill -TERM $pid; wait $pid; echo $? > status; exec 3>&-; rm in; }";
  REQUIRE(std::system(("bash -c \"" + Escaped(script) + "\"").c_str()) == 0);
  CHECK(Slurp(folder + "/seen") == "temp-seen\n");
  CHECK(Slurp(folder + "/status") == "143\n");  // 128 + SIGTERM: the signal still ends the run
  FILE* ls = popen(("ls -A " + folder).c_str(), "r");
  char buf[256] = {0};
  std::string names;
  while (fgets(buf, sizeof buf, ls) != nullptr) names += buf;
  pclose(ls);
  CHECK(names == "seen\nstatus\n");
  std::system(("rm -rf " + folder).c_str());
}

TEST_CASE("ids with control characters stay on one escaped stderr line") {
  char path[] = "/tmp/newsgraph-cli-ctl.XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  const std::string line = "{\"id\":\"bad\\n\\u001b[2Jid\",\"text\":5}\n";
  REQUIRE(write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()));
  close(fd);
  Run r = Newsgraph(std::string("extract ") + path);
  CHECK(r.exit_code == 1);
  CHECK(r.err == std::string("newsgraph: bad\\n\\x1b[2Jid (") + path + ":1): line 1: \"text\" must be a string, not a number\n");
  auto records = Records(r.out);
  REQUIRE(records.size() == 1);
  CHECK(Str(records[0]["id"]) == "bad\n\x1b[2Jid");
  unlink(path);
}

TEST_CASE("file names that are not UTF-8 give ids with U+FFFD / never invalid JSON") {
  char dir[] = "/tmp/newsgraph-cli-names.XXXXXX";
  REQUIRE(mkdtemp(dir) != nullptr);
  const std::string folder = dir;
  {
    std::ofstream text(folder + "/bad\xff" "name.txt", std::ios::binary);
    text << "Putin visited Hanoi.\n";
    std::ofstream broken(folder + "/b\xfe.ndjson", std::ios::binary);
    broken << "not json\n";
  }
  Run r = Newsgraph("extract --date 2024-06-20 " + folder);
  CHECK(r.exit_code == 1);
  auto records = Records(r.out);
  REQUIRE(records.size() == 2);
  // Sorted by bytes: "bad\xffname.txt" before "b\xfe.ndjson".
  CHECK(Str(records[0]["id"]) == folder + "/bad\xEF\xBF\xBDname.txt");
  CHECK(records[0].HasMember("events"));
  CHECK(Str(records[1]["id"]) == folder + "/b\xEF\xBF\xBD.ndjson:1");
  CHECK(records[1].HasMember("error"));
  std::system(("rm -rf " + folder).c_str());
}
