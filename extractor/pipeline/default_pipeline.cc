#include "extractor/pipeline/default_pipeline.h"

#include <cstdlib>
#include <system_error>
#include <thread>

#include "extractor/events/event_tagger.h"
#include "extractor/ner/entity_tagger.h"
#include "extractor/segment/segmenter.h"
#include "extractor/timex/timex_tagger.h"

namespace newsgraph {

Result<std::unique_ptr<Pipeline>> CreateDefaultPipeline(const StageConfig& config, PipelineDepth depth) {
  const bool with_entities = depth != PipelineDepth::kTokens && depth != PipelineDepth::kTimexes;
  const bool with_timexes = depth == PipelineDepth::kTimexes || depth == PipelineDepth::kEvents;
  const bool with_events = depth == PipelineDepth::kEvents;

  // Entities (gazetteers) and time (regular expressions) are the two costly
  // loads and share nothing: on a machine with a second core the entity
  // stage loads on a thread of its own, which takes start-up from their
  // sum to about the larger of the two.
  Result<std::unique_ptr<ner::EntityTagger>> entities = InvalidArgument("not built");
  std::thread entity_loader;
  const bool concurrent = with_entities && with_timexes && std::thread::hardware_concurrency() > 1;
  if (concurrent) {
    try {
      entity_loader = std::thread([&] { entities = ner::EntityTagger::Create(config); });
    } catch (const std::system_error&) {
      // No thread to be had (a process or memory limit): load in turn.
    }
  }
  if (with_entities && !entity_loader.joinable()) entities = ner::EntityTagger::Create(config);
  Result<std::unique_ptr<segment::Segmenter>> segmenter = segment::Segmenter::Create(config);
  Result<std::unique_ptr<timex::TimexTagger>> timexes = InvalidArgument("not built");
  if (with_timexes) timexes = timex::TimexTagger::Create(config);
  Result<std::unique_ptr<events::EventTagger>> event_tagger = InvalidArgument("not built");
  if (with_events) event_tagger = events::EventTagger::Create(config);
  if (entity_loader.joinable()) entity_loader.join();

  // The first error in stage order, as when loading one after the other.
  std::vector<std::unique_ptr<Stage>> stages;
  if (!segmenter.ok()) return segmenter.status();
  stages.push_back(std::move(segmenter).value());
  if (with_entities) {
    if (!entities.ok()) return entities.status();
    stages.push_back(std::move(entities).value());
  }
  if (with_timexes) {
    if (!timexes.ok()) return timexes.status();
    stages.push_back(std::move(timexes).value());
  }
  if (with_events) {
    if (!event_tagger.ok()) return event_tagger.status();
    stages.push_back(std::move(event_tagger).value());
  }
  return Pipeline::FromStages(std::move(stages));
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("NEWSGRAPH_DATA"); env != nullptr && *env != '\0') return env;
  return NEWSGRAPH_DEFAULT_DATA_DIR;
}

}  // namespace newsgraph
