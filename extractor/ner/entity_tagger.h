// Finds entities (people, places, organizations) in a segmented document.
// (First version: the stage's shape; it finds nothing yet.)
#ifndef NEWSGRAPH_NER_ENTITY_TAGGER_H_
#define NEWSGRAPH_NER_ENTITY_TAGGER_H_

#include <memory>

#include "extractor/core/stage.h"

namespace newsgraph::ner {

class EntityTagger : public Stage {
 public:
  static Result<std::unique_ptr<EntityTagger>> Create(const StageConfig& config);

  std::string_view Name() const override { return "ner"; }
  Layers Requires() const override { return kLayerTokens; }
  Layers Provides() const override { return kLayerEntities; }
  Status Process(Document* doc) const override;

 private:
  EntityTagger() = default;
};

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_ENTITY_TAGGER_H_
