#include "extractor/timex/timex_tagger.h"

namespace newsgraph::timex {

Result<std::unique_ptr<TimexTagger>> TimexTagger::Create(const StageConfig& config) {
  return std::unique_ptr<TimexTagger>(new TimexTagger());
}

Status TimexTagger::Process(Document* doc) const {
  doc->layers |= kLayerTimexes;
  return Status::Ok();
}

}  // namespace newsgraph::timex
