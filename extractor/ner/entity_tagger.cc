#include "extractor/ner/entity_tagger.h"

namespace newsgraph::ner {

Result<std::unique_ptr<EntityTagger>> EntityTagger::Create(const StageConfig& config) {
  return std::unique_ptr<EntityTagger>(new EntityTagger());
}

Status EntityTagger::Process(Document* doc) const {
  doc->layers |= kLayerEntities;
  return Status::Ok();
}

}  // namespace newsgraph::ner
