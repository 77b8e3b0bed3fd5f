#include "extractor/write/json_out.h"

#include <doctest/doctest.h>

#include <limits>

namespace newsgraph::write {

TEST_CASE("JsonOut writes compact JSON with commas only between values") {
  std::string out = "prefix ";
  JsonOut j(&out);
  j.StartObject();
  j.Key("a");
  j.Uint(0);
  j.Key("b");
  j.StartArray();
  j.Uint(4294967295u);
  j.String("x");
  j.StartObject();
  j.EndObject();
  j.StartArray();
  j.EndArray();
  j.Null();
  j.Bool(true);
  j.Bool(false);
  j.EndArray();
  j.EscapedKey("r\"ole");
  j.StartObject();
  j.Key("c");
  j.Null();
  j.EndObject();
  j.EndObject();
  j.Finish();
  CHECK(out == "prefix {\"a\":0,\"b\":[4294967295,\"x\",{},[],null,true,false],\"r\\\"ole\":{\"c\":null}}");
}

TEST_CASE("JsonOut escapes quotes / backslashes and control bytes / and copies UTF-8") {
  std::string out;
  JsonOut j(&out);
  j.String(std::string_view("a\"b\\c\n\t\r\b\f\x01\x1F\x7F/caf\xC3\xA9\0z", 21));
  j.Finish();
  CHECK(out == "\"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001\\u001F\x7F/caf\xC3\xA9\\u0000z\"");
}

TEST_CASE("JsonOut grows the string as it goes and appends after what was there") {
  std::string out = "x";
  JsonOut j(&out);
  j.StartArray();
  std::string big(5000, 'b');
  for (int i = 0; i < 3; ++i) j.String(big);
  j.EndArray();
  j.Finish();
  j.Finish();
  CHECK(out.size() == 1 + 2 + 3 * 5002 + 2);
  CHECK(out.substr(0, 4) == "x[\"b");
  CHECK(out.substr(out.size() - 3) == "b\"]");
}

TEST_CASE("JsonOut escapes a long text piece by piece / escapes across the cuts included") {
  std::string in;
  for (int i = 0; i < 30000; ++i) in += "ab\"\n\xC3\xA9";  // 150,000 bytes
  std::string want(1, '"');
  for (int i = 0; i < 30000; ++i) want += "ab\\\"\\n\xC3\xA9";
  want += '"';
  std::string out;
  JsonOut j(&out);
  j.String(in);
  j.Finish();
  CHECK(out.size() == want.size());
  CHECK(out == want);
}

TEST_CASE("JsonOut finds escapes anywhere in long strings") {
  for (size_t at = 0; at < 20; ++at) {
    std::string in(20, 'a');
    in[at] = '"';
    in += "\xE2\x80\x99 and more than eight bytes\\";
    std::string want(1, '"');
    want.append(at, 'a');
    want += "\\\"";
    want.append(19 - at, 'a');
    want += "\xE2\x80\x99 and more than eight bytes\\\\\"";
    std::string out;
    JsonOut j(&out);
    j.String(in);
    j.Finish();
    CHECK(out == want);
  }
}

// Byte by byte, as RapidJSON's Writer escapes.
std::string SlowQuoted(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      static const char kHex[] = "0123456789ABCDEF";
      const char* named = c == '\b'   ? "\\b"
                          : c == '\t' ? "\\t"
                          : c == '\n' ? "\\n"
                          : c == '\f' ? "\\f"
                          : c == '\r' ? "\\r"
                                      : nullptr;
      if (named != nullptr) {
        out += named;
      } else {
        out += "\\u00";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
  return out;
}

TEST_CASE("JsonOut escapes strings of every length up to 40 with escapes at every place") {
  const std::string specials = std::string("\"\\\n\x01\x1F", 5) + std::string(1, '\0');
  int checked = 0;
  for (size_t size = 0; size <= 40; ++size) {
    for (size_t at = 0; at <= size; ++at) {  // at == size: no escape
      for (char special : specials) {
        std::string in;
        for (size_t i = 0; i < size; ++i) {
          in += static_cast<char>(i % 3 == 0 ? 'a' + i % 26 : i % 3 == 1 ? ' ' : '\xC3');
        }
        if (at < size) in[at] = special;
        if (size > 3 && at + 2 < size) in[size - 1] = '"';  // a second escape, after the first
        std::string out = "[";
        {
          JsonOut j(&out);
          j.String(in);
        }
        std::string want = "[";
        want += SlowQuoted(in);
        CHECK(out == want);
        ++checked;
      }
    }
  }
  CHECK(checked == 5166);
}

TEST_CASE("JsonOut doubles: shortest form / at most the asked decimals / null for NaN") {
  std::string out;
  JsonOut j(&out);
  j.StartArray();
  j.Double(0.9, 3);
  j.Double(1.0, 3);
  j.Double(0.85, 3);
  j.Double(0.12345, 3);
  j.Double(0.0, 3);
  j.Double(std::numeric_limits<double>::quiet_NaN(), 3);
  j.EndArray();
  j.Finish();
  CHECK(out == "[0.9,1.0,0.85,0.123,0.0,null]");
}

}  // namespace newsgraph::write
