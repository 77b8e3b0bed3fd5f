// Finds events in a segmented document.
// (First version: the stage's shape; it finds nothing yet.)
#ifndef NEWSGRAPH_EVENTS_EVENT_TAGGER_H_
#define NEWSGRAPH_EVENTS_EVENT_TAGGER_H_

#include <memory>

#include "extractor/core/stage.h"

namespace newsgraph::events {

class EventTagger : public Stage {
 public:
  static Result<std::unique_ptr<EventTagger>> Create(const StageConfig& config);

  std::string_view Name() const override { return "events"; }
  Layers Requires() const override { return kLayerTokens | kLayerEntities | kLayerTimexes; }
  Layers Provides() const override { return kLayerEvents; }
  Status Process(Document* doc) const override;

 private:
  EventTagger() = default;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_EVENT_TAGGER_H_
