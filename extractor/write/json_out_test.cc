#include "extractor/write/json_out.h"

#include <doctest/doctest.h>

#include <rapidjson/internal/dtoa.h>

#include <cmath>
#include <limits>

namespace newsgraph::write {

TEST_CASE("JsonOut appends literal pieces and values and commas after what was there") {
  std::string out = "prefix ";
  JsonOut j(&out);
  j.Raw("{\"a\":");
  j.Uint(0);
  j.Raw(",\"b\":[");
  j.Comma(false);
  j.Uint(4294967295u);
  j.Comma(true);
  j.String("x");
  j.Comma(true);
  j.Raw("{}");
  j.Comma(true);
  j.Null();
  j.Comma(true);
  j.Uint(18446744073709551615u);
  j.Raw("],");
  j.String("r\"ole");
  j.Raw(":{}}");
  j.Finish();
  CHECK(out == "prefix {\"a\":0,\"b\":[4294967295,\"x\",{},null,18446744073709551615],\"r\\\"ole\":{}}");
}

TEST_CASE("JsonOut writes pieces made ahead (short and long) and grows for them") {
  const JsonOut::Piece empty("");
  const JsonOut::Piece type(",\"type\":\"Person\"");
  const JsonOut::Piece exactly32(std::string(32, 'x'));
  const JsonOut::Piece long_piece(std::string(33, 'y') + "z");
  std::string out = "a";
  JsonOut j(&out);
  std::string want = "a";
  for (int i = 0; i < 100; ++i) {  // past the first room
    j.Raw(empty);
    j.Raw(type);
    j.Raw(exactly32);
    j.Raw(long_piece);
    want += ",\"type\":\"Person\"" + std::string(32, 'x') + std::string(33, 'y') + "z";
  }
  j.Finish();
  CHECK(out == want);
}

TEST_CASE("JsonOut writes whole numbers as std::to_string does at every digit count") {
  std::string out, want;
  JsonOut j(&out);
  auto add = [&](uint64_t v) {
    j.Uint(v);
    j.Raw(" ");
    want += std::to_string(v) + " ";
  };
  for (uint64_t v = 0; v < 100000; ++v) add(v);
  for (uint64_t v = 100000; v != 0 && v < 18446744073709551615u / 7; v = v * 7 + 3) add(v);
  add(4294967295u);
  add(18446744073709551615u);
  j.Finish();
  CHECK(out == want);
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
  j.Raw("[");
  std::string big(5000, 'b');
  for (int i = 0; i < 3; ++i) j.String(big);
  j.Raw("]");
  j.Finish();
  j.Finish();
  CHECK(out.size() == 1 + 1 + 3 * 5002 + 1);
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

TEST_CASE("JsonOut writes a piece of a longer text as it writes the piece alone") {
  // Every piece of up to 20 bytes of a text with escapes here and there,
  // near its end included (where the 16 bytes after a piece's start are
  // not all in the text).
  std::string text;
  for (int i = 0; i < 64; ++i) text += static_cast<char>(i % 7 == 3 ? '"' : i % 11 == 5 ? '\n' : 'a' + i % 26);
  text += "\xC3\xA9 tail";
  int differ = 0, checked = 0;
  for (size_t begin = 0; begin <= text.size(); ++begin) {
    for (size_t size = 0; size <= 20 && begin + size <= text.size(); ++size) {
      const std::string_view piece = std::string_view(text).substr(begin, size);
      std::string alone = "[", within = "[", want = "[";
      want += SlowQuoted(piece);
      {
        JsonOut a(&alone);
        a.String(piece);
        JsonOut w(&within);
        w.String(piece, text);
      }
      if (alone != want || within != want) ++differ;
      ++checked;
    }
  }
  CHECK(differ == 0);
  CHECK(checked == 1302);
}

TEST_CASE("JsonOut doubles: shortest form / at most the asked decimals / null for NaN") {
  std::string out;
  JsonOut j(&out);
  for (double d : {0.9, 1.0, 0.85, 0.12345, 0.0, -0.0, 0.0005, 1234.5, 1e21, -0.25,
                   std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    j.Double(d, 3);
    j.Raw(" ");
  }
  j.Double(0.85, 1);
  j.Finish();
  CHECK(out == "0.9 1.0 0.85 0.123 0.0 -0.0 0.0 1234.5 1e21 -0.25 null null 0.8");
}

// RapidJSON's writer, for comparison.
std::string Dtoa(double d, int max_decimals) {
  char buf[32];
  return std::string(buf, rapidjson::internal::dtoa(d, buf, max_decimals));
}

std::string ViaJsonOut(double d, int max_decimals) {
  std::string out;
  JsonOut j(&out);
  j.Double(d, max_decimals);
  j.Finish();
  return out;
}

TEST_CASE("JsonOut writes every whole number of thousandths below 1000 as dtoa does") {
  // The fast path for these values (the usual confidences) against the
  // general one, over its whole domain, the doubles next to each value
  // (which it must leave to dtoa) and a few cuts to fewer decimals.
  int differ = 0;
  for (uint32_t k = 0; k <= 1000000; ++k) {
    const double d = static_cast<double>(k) / 1000;
    for (double v : {d, std::nextafter(d, 0.0), std::nextafter(d, 2e6)}) {
      if (ViaJsonOut(v, 3) != Dtoa(v, 3)) ++differ;
    }
    if (k % 97 == 0 && (ViaJsonOut(d, 2) != Dtoa(d, 2) || ViaJsonOut(d, 5) != Dtoa(d, 5))) ++differ;
  }
  CHECK(differ == 0);
  CHECK(ViaJsonOut(0.85, 3) == "0.85");
  CHECK(ViaJsonOut(999.999, 3) == "999.999");
  CHECK(ViaJsonOut(1000.0, 3) == "1000.0");
}

}  // namespace newsgraph::write
