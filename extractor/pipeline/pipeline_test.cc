#include "extractor/pipeline/pipeline.h"

#include <doctest/doctest.h>

#include "extractor/segment/segmenter.h"

namespace newsgraph {
namespace {

// A stage that needs entities, to check the order check.
class NeedsEntities : public Stage {
 public:
  std::string_view Name() const override { return "needs-entities"; }
  Layers Requires() const override { return kLayerTokens | kLayerEntities; }
  Layers Provides() const override { return kLayerEvents; }
  Status Process(Document*) const override { return Status::Ok(); }
};

}  // namespace

TEST_CASE("a stage whose input no earlier stage provides is refused") {
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<NeedsEntities>());
  auto p = Pipeline::FromStages(std::move(stages));
  REQUIRE_FALSE(p.ok());
  CHECK(p.status().message() ==
        "pipeline: stage 'needs-entities' needs tokens, entities, which no earlier stage provides");
}

TEST_CASE("a valid chain runs every stage") {
  StageConfig config;
  config.data_dir = ".";
  auto seg = segment::Segmenter::Create(config);
  REQUIRE(seg.ok());
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::move(seg).value());
  auto p = Pipeline::FromStages(std::move(stages));
  REQUIRE(p.ok());
  Document doc;
  doc.text = "Kim met Putin. They talked.";
  REQUIRE((*p)->Process(&doc).ok());
  CHECK(doc.sentences.size() == 2);
  CHECK((doc.layers & kLayerTokens) != 0);
}

}  // namespace newsgraph
