// Finds TIMEX3 time expressions in a segmented document.
// (First version: the stage's shape; it finds nothing yet.)
#ifndef NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_
#define NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_

#include <memory>

#include "extractor/core/stage.h"

namespace newsgraph::timex {

class TimexTagger : public Stage {
 public:
  static Result<std::unique_ptr<TimexTagger>> Create(const StageConfig& config);

  std::string_view Name() const override { return "timex"; }
  Layers Requires() const override { return kLayerTokens; }
  Layers Provides() const override { return kLayerTimexes; }
  Status Process(Document* doc) const override;

 private:
  TimexTagger() = default;
};

}  // namespace newsgraph::timex

#endif  // NEWSGRAPH_TIMEX_TIMEX_TAGGER_H_
