#include "extractor/pipeline/default_pipeline.h"

#include <cstdlib>

#include "extractor/events/event_tagger.h"
#include "extractor/ner/entity_tagger.h"
#include "extractor/segment/segmenter.h"
#include "extractor/timex/timex_tagger.h"

namespace newsgraph {

Result<std::unique_ptr<Pipeline>> CreateDefaultPipeline(const StageConfig& config, PipelineDepth depth) {
  std::vector<std::unique_ptr<Stage>> stages;
  {
    ASSIGN_OR_RETURN(auto s, segment::Segmenter::Create(config));
    stages.push_back(std::move(s));
  }
  // Entities and time expressions are independent; events need both.
  if (depth != PipelineDepth::kTokens && depth != PipelineDepth::kTimexes) {
    ASSIGN_OR_RETURN(auto s, ner::EntityTagger::Create(config));
    stages.push_back(std::move(s));
  }
  if (depth == PipelineDepth::kTimexes || depth == PipelineDepth::kEvents) {
    ASSIGN_OR_RETURN(auto s, timex::TimexTagger::Create(config));
    stages.push_back(std::move(s));
  }
  if (depth == PipelineDepth::kEvents) {
    ASSIGN_OR_RETURN(auto s, events::EventTagger::Create(config));
    stages.push_back(std::move(s));
  }
  return Pipeline::FromStages(std::move(stages));
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("NEWSGRAPH_DATA"); env != nullptr && *env != '\0') return env;
  return NEWSGRAPH_DEFAULT_DATA_DIR;
}

}  // namespace newsgraph
