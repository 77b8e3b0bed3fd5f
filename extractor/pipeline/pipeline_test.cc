#include "extractor/pipeline/pipeline.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

// Records the order in which documents reach it (by their text) and fails
// the documents whose text is "bad".
class Recorder : public Stage {
 public:
  Recorder(std::string name, std::vector<std::string>* log) : name_(std::move(name)), log_(log) {}
  std::string_view Name() const override { return name_; }
  Layers Requires() const override { return kLayerText; }
  Layers Provides() const override { return kLayerText; }
  Status Process(Document* doc) const override {
    log_->push_back(name_ + ":" + doc->text);
    if (doc->text == "bad") return InvalidArgument("cannot read \"" + doc->text + "\"");
    return Status::Ok();
  }

 private:
  std::string name_;
  std::vector<std::string>* log_;
};

}  // namespace

TEST_CASE("a batch runs stage by stage and skips failed documents") {
  std::vector<std::string> log;
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(std::make_unique<Recorder>("first", &log));
  stages.push_back(std::make_unique<Recorder>("second", &log));
  auto p = Pipeline::FromStages(std::move(stages));
  REQUIRE(p.ok());
  std::vector<Document> batch(4);
  const std::vector<std::string> texts = {"a", "bad", "unread", "c"};
  std::vector<Document*> docs;
  for (size_t i = 0; i < batch.size(); ++i) {
    batch[i].text = texts[i];
    docs.push_back(&batch[i]);
  }
  std::vector<Status> statuses = {Status::Ok(), Status::Ok(), InvalidArgument("not valid UTF-8"), Status::Ok()};
  (*p)->ProcessBatch(docs, statuses);
  CHECK(log == std::vector<std::string>{"first:a", "first:bad", "first:c", "second:a", "second:c"});
  CHECK(statuses[0].ok());
  CHECK(statuses[1].message() == "first: cannot read \"bad\"");
  CHECK(statuses[2].message() == "not valid UTF-8");
  CHECK(statuses[3].ok());
  // The same error as Process() gives the document alone.
  CHECK((*p)->Process(&batch[1]).message() == statuses[1].message());
}

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
