#include "extractor/ner/slug.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

namespace newsgraph::ner {
namespace {

std::string Slug(std::string_view name, std::string prefix = "") {
  AppendSlug(name, &prefix);
  return prefix;
}

TEST_CASE("slugs: lower case / marks as one dash / none at the end") {
  CHECK(Slug("John Smith") == "john-smith");
  CHECK(Slug("Kim Jong Un", "person/") == "person/kim-jong-un");
  CHECK(Slug("ALPHA Beta9 Gamma Delta") == "alpha-beta9-gamma-delta");
  CHECK(Slug("John O'Brien") == "john-obrien");
  CHECK(Slug("U.S. Steel") == "us-steel");
  CHECK(Slug("Procter & Gamble") == "procter-gamble");
  CHECK(Slug("Kim  Jong\nUn") == "kim-jong-un");
  CHECK(Slug("Lee Jae-myung") == "lee-jae-myung");
  CHECK(Slug("Zürich Re") == "z\xc3\xbcrich-re");
  CHECK(Slug("(Acme)") == "acme");
  CHECK(Slug("") == "");
  // Double spaces where the eight-byte words meet.
  CHECK(Slug("Abcdefg  Hij") == "abcdefg-hij");
  CHECK(Slug("Abcdefgh  Ij") == "abcdefgh-ij");
}

TEST_CASE("slugs: eight bytes at a time as a byte at a time") {
  std::mt19937 rng(11);
  const std::string alphabet[] = {"a", "q", "z", "A", "M", "Z", "0", "9", " ", " ", " ", ".", "'", "-",
                                  "\n", "@", "[", "`", "{", "/", ":", "\xc3\xa9"};
  for (int round = 0; round < 20000; ++round) {
    std::string name;
    const int n = static_cast<int>(rng() % 30);
    // Mostly plain names: letters with now and then a space.
    const bool plain = rng() % 2 == 0;
    for (int k = 0; k < n; ++k) name += alphabet[rng() % (plain ? 9 : std::size(alphabet))];
    std::string fast = "org/", bytes = "org/";
    AppendSlug(name, &fast);
    AppendSlugBytes(name, &bytes);
    INFO("name: [" << name << "]");
    CHECK(fast == bytes);
  }
}

}  // namespace
}  // namespace newsgraph::ner
