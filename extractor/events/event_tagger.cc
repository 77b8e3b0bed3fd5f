#include "extractor/events/event_tagger.h"

namespace newsgraph::events {

Result<std::unique_ptr<EventTagger>> EventTagger::Create(const StageConfig& config) {
  return std::unique_ptr<EventTagger>(new EventTagger());
}

Status EventTagger::Process(Document* doc) const {
  doc->layers |= kLayerEvents;
  return Status::Ok();
}

}  // namespace newsgraph::events
