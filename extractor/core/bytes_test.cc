#include "extractor/core/bytes.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("LoadLe and LoadLe8 give the first n bytes with the first byte lowest") {
  // Ten readable bytes, so that LoadLe8 may read eight from the start.
  const char text[] = "abcdefgh\xFF\x01";
  const uint64_t expected[9] = {0,
                                0x61,
                                0x6261,
                                0x636261,
                                0x64636261,
                                0x6564636261ull,
                                0x666564636261ull,
                                0x67666564636261ull,
                                0x6867666564636261ull};
  for (size_t n = 0; n <= 8; ++n) {
    CAPTURE(n);
    CHECK(LoadLe(text, n) == expected[n]);
    CHECK(LoadLe8(text, n) == expected[n]);
  }
  // Past eight, LoadLe gives the first eight.
  CHECK(LoadLe(text, 9) == expected[8]);
  CHECK(LoadLe(text, 10) == expected[8]);
  // Bytes of 0x80 and above are not sign-extended.
  CHECK(LoadLe(text + 8, 2) == 0x01FF);
  CHECK(LoadLe(text + 7, 2) == 0xFF68);
  CHECK(LoadLe8(text + 2, 7) == 0xFF686766656463ull);
}

}  // namespace newsgraph
