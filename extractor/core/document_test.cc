#include "extractor/core/document.h"

#include <doctest/doctest.h>

namespace newsgraph {
namespace {

TEST_CASE("document / SwapAnalysis swaps the analysis and nothing else and ClearAnalysis keeps its buffers") {
  Document a, b;
  a.id = "a";
  a.text = "Putin visited Hanoi.";
  a.folded = "putin visited hanoi.";
  a.sentences.resize(1);
  a.tokens.resize(4);
  a.entities.resize(2);
  a.timexes.resize(1);
  a.events.resize(1);
  a.layers = kLayerText | kLayerTokens;
  a.SwapAnalysis(&b);
  CHECK(a.id == "a");
  CHECK(a.text == "Putin visited Hanoi.");
  CHECK(a.layers == (kLayerText | kLayerTokens));
  CHECK(a.folded.empty());
  CHECK(a.tokens.empty());
  CHECK(a.entities.empty());
  CHECK(b.id.empty());
  CHECK(b.text.empty());
  CHECK(b.folded == "putin visited hanoi.");
  CHECK(b.sentences.size() == 1);
  CHECK(b.tokens.size() == 4);
  CHECK(b.entities.size() == 2);
  CHECK(b.timexes.size() == 1);
  CHECK(b.events.size() == 1);
  const size_t token_room = b.tokens.capacity();
  b.ClearAnalysis();
  CHECK(b.folded.empty());
  CHECK(b.sentences.empty());
  CHECK(b.tokens.empty());
  CHECK(b.entities.empty());
  CHECK(b.timexes.empty());
  CHECK(b.events.empty());
  CHECK(b.tokens.capacity() == token_room);
}

}  // namespace
}  // namespace newsgraph
