#include "extractor/read/ndjson_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "extractor/read/document_stream.h"
#include "extractor/read/read_test_util.h"

namespace newsgraph::read {
TEST_CASE("NDJSON: a bad line in the middle is an error item and the stream goes on") {
  ReadOptions options;
  options.published = "2000-01-01";
  std::vector<ReadItem> items = ReadAll({"tests/data/read/records.ndjson"}, options);
  REQUIRE(items.size() == 8);  // line 3 is blank

  CHECK(items[0].status.ok());
  CHECK(items[0].format == Format::kNdjson);
  CHECK(items[0].doc.id == "r1");
  CHECK(items[0].doc.source == "tests/data/read/records.ndjson:1");
  CHECK(items[0].doc.url == "https://example.org/r1");
  CHECK(items[0].doc.title == "First");
  CHECK(items[0].doc.published == "2024-06-19");
  CHECK(items[0].doc.text == "Putin arrived in Pyongyang.");

  CHECK(items[1].status.code() == StatusCode::kInvalidArgument);
  CHECK(items[1].doc.id == "tests/data/read/records.ndjson:2");
  CHECK(items[1].status.message() ==
        "line 2: the JSON ends early (a truncated record?): Missing a closing quotation mark in string.");

  CHECK(items[2].status.ok());  // integer id, "body" and "date" synonyms
  CHECK(items[2].doc.id == "3");
  CHECK(items[2].doc.text == "Kim met Putin.");
  CHECK(items[2].doc.published == "2024-06-20");
  CHECK(items[2].doc.source == "tests/data/read/records.ndjson:4");

  CHECK(items[3].status.ok());  // no id; 30 February
  CHECK(items[3].doc.id == "tests/data/read/records.ndjson:5");
  CHECK(items[3].doc.text == "Text from content.");
  CHECK(items[3].doc.published == "2000-01-01");
  CHECK(items[3].doc.warnings == std::vector<std::string>{"ignored publication date \"2024-02-30\": not a valid date"});

  CHECK(items[4].doc.id == "r5");  // the record's id names the failure
  CHECK(items[4].status.message() == "line 6: no \"text\" field (\"body\" and \"content\" are read too)");
  CHECK(items[5].doc.id == "r6");
  CHECK(items[5].status.message() == "line 7: \"text\" must be a string, not a number");
  CHECK(items[6].status.message() == "line 8: expected a JSON object, got an array");
  CHECK(items[6].doc.source == "tests/data/read/records.ndjson:8");

  CHECK(items[7].status.ok());
  CHECK(items[7].doc.id == "r8");
  CHECK(items[7].doc.text == "Last one.\r\n");  // the record's own text, as is
  CHECK(items[7].doc.published == "2000-01-01");
}

TEST_CASE("NDJSON: CRLF / BOM / NUL bytes / wrong types / deep nesting / no final newline") {
  std::string deep(100000, '[');
  std::vector<ReadItem> items = ReadBytes(
      "in.ndjson", "\xEF\xBB\xBF{\"text\": \"a\\u0000b\", \"title\": null}\r\n" + std::string("{\"text\": \"x\0y\"}\n", 16) +
                       "{\"text\": \"t\", \"title\": 5}\n{\"text\": \"t\", \"id\": [1]}\n" + deep + "\n" +
                       "{\"text\": \"caf\xE9\"} trailing\n{\"text\": \"caf\xE9\"}");
  REQUIRE(items.size() == 7);
  CHECK(items[0].status.ok());
  CHECK(items[0].doc.text == "a b");
  CHECK(items[0].doc.warnings == std::vector<std::string>{"replaced 1 NUL byte with spaces"});
  CHECK(items[1].status.message() == "line 2: a NUL byte in the line (not valid JSON)");
  CHECK(items[2].status.message() == "line 3: \"title\" must be a string, not a number");
  CHECK(items[3].status.message() == "line 4: \"id\" must be a string or an integer, not an array");
  CHECK(items[4].status.message().rfind("line 5: the JSON ends early", 0) == 0);
  CHECK(items[5].status.message() ==
        "line 6: invalid JSON at byte 18: The document root must not be followed by other values.");
  CHECK(items[6].status.ok());
  CHECK(items[6].doc.text == "caf\xEF\xBF\xBD");
  CHECK(items[6].doc.source == "in.ndjson:7");
}

TEST_CASE("NDJSON: a line over the limit is skipped / not held / and the next line is read") {
  ReadOptions options;
  options.max_document_bytes = 64;
  std::string long_line = "{\"text\": \"" + std::string(3 << 20, 'x') + "\"}";
  std::vector<ReadItem> items =
      ReadBytes("s.ndjson", "{\"id\": \"a\", \"text\": \"short\"}\n" + long_line + "\n{\"id\": \"c\", \"text\": \"after\"}\n",
                options);
  REQUIRE(items.size() == 3);
  CHECK(items[0].doc.text == "short");
  CHECK(items[1].status.code() == StatusCode::kTooLarge);
  CHECK(items[1].doc.id == "s.ndjson:2");
  CHECK(items[1].status.message() == "line 2: a record of 3.0 MB is over the limit of 64 bytes");
  CHECK(items[2].doc.id == "c");
  CHECK(items[2].doc.text == "after");
}

TEST_CASE("NDJSON: escapes decode at every place in strings of every length up to 48") {
  // Each escape with what it stands for; \u00e9 and \u4e2d decode to UTF-8.
  const std::vector<std::pair<std::string, std::string>> escapes = {
      {"\\n", "\n"}, {"\\\"", "\""}, {"\\\\", "\\"}, {"\\/", "/"}, {"\\t", "\t"},
      {"\\u00e9", "\xC3\xA9"}, {"\\u4E2D", "\xE4\xB8\xAD"}, {"\\u0041", "A"}};
  std::string ndjson, want_all;
  std::vector<std::string> want;
  for (size_t size = 0; size <= 48; ++size) {
    for (size_t at = 0; at <= size; ++at) {
      const auto& [escaped, decoded] = escapes[(size + at) % escapes.size()];
      std::string json, text;
      for (size_t i = 0; i < size; ++i) {
        if (i == at) {
          json += escaped;
          text += decoded;
        }
        if (i + 3 == size && at + 8 < i) {  // a second escape, well after the first
          json += "\\n";
          text += "\n";
        }
        char c = static_cast<char>('a' + i % 26);
        json += c;
        text += c;
      }
      ndjson += "{\"id\":\"e" + std::to_string(want.size()) + "\",\"title\":\"t\\u00e9\",\"text\":\"" + json + "\"}\n";
      want.push_back(text);
    }
  }
  std::vector<ReadItem> items = ReadBytes("escapes.ndjson", ndjson);
  REQUIRE(items.size() == want.size());
  for (size_t i = 0; i < items.size(); ++i) {
    CHECK(items[i].status.ok());
    CHECK(items[i].doc.id == "e" + std::to_string(i));
    CHECK(items[i].doc.title == "t\xC3\xA9");
    CHECK(items[i].doc.text == want[i]);
  }
}

TEST_CASE("NDJSON: records the quick reader leaves to RapidJSON read the same") {
  std::vector<ReadItem> items = ReadBytes(
      "mixed.ndjson",
      "{\"id\":7,\"text\":\"number id\"}\n"
      "{\"te\\u0078t\":\"escaped key\",\"id\":\"k\"}\n"
      "{\"text\":\"pair \\ud83d\\ude00.\",\"meta\":{\"a\":[1,null]}}\n"
      "{\"text\":\"first\",\"text\":\"second\",\"id\":null}\n"
      "  {  \"body\" : \"spaced\" , \"title\" : null , \"headline\" : \"H\" }  \n"
      "{\"text\":\"raw\ttab\"}\n"
      "{\"text\":\"bad \\x escape\"}\n");
  REQUIRE(items.size() == 7);
  CHECK(items[0].doc.id == "7");
  CHECK(items[0].doc.text == "number id");
  CHECK(items[1].doc.id == "k");
  CHECK(items[1].doc.text == "escaped key");
  CHECK(items[2].doc.text == "pair \xF0\x9F\x98\x80.");
  CHECK(items[3].doc.text == "first");
  CHECK(items[3].doc.id == "mixed.ndjson:4");
  CHECK(items[4].doc.text == "spaced");
  CHECK(items[4].doc.title == "H");
  CHECK(items[5].status.message() == "line 6: invalid JSON at byte 13: Invalid escape character in string.");
  CHECK(items[6].status.message() == "line 7: invalid JSON at byte 14: Invalid escape character in string.");
}

TEST_CASE("JSON files: an array of records / one pretty-printed record / records one after another") {
  std::vector<ReadItem> array = ReadBytes(
      "batch.json", "[{\"id\": \"x\", \"text\": \"One.\"}, {\"text\": \"Two.\", \"headline\": \"H\", \"link\": \"u\"}, 7]");
  REQUIRE(array.size() == 3);
  CHECK(array[0].format == Format::kJson);
  CHECK(array[0].doc.id == "x");
  CHECK(array[0].doc.source == "batch.json#1");
  CHECK(array[1].doc.id == "batch.json#2");
  CHECK(array[1].doc.title == "H");
  CHECK(array[1].doc.url == "u");
  CHECK(array[2].status.message() == "record 3: expected a JSON object, got a number");

  std::vector<ReadItem> one = ReadBytes("one.json", "{\n  \"title\": \"T\",\n  \"text\": \"Body.\"\n}\n");
  REQUIRE(one.size() == 1);
  CHECK(one[0].doc.id == "one.json");
  CHECK(one[0].doc.text == "Body.");

  std::vector<ReadItem> lines = ReadBytes("lines.json", "{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
  REQUIRE(lines.size() == 2);
  CHECK(lines[1].doc.id == "lines.json:2");

  std::vector<ReadItem> empty = ReadBytes("none.json", "[]");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].status.message() == "an empty JSON array: no records");
}

}  // namespace newsgraph::read
