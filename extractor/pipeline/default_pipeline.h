// The standard chain of stages: segment -> ner -> timex -> events.
//
//   StageConfig config;
//   config.data_dir = DefaultDataDir();
//   ASSIGN_OR_RETURN(auto pipeline, CreateDefaultPipeline(config));
#ifndef NEWSGRAPH_PIPELINE_DEFAULT_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_DEFAULT_PIPELINE_H_

#include <memory>
#include <string>

#include "extractor/pipeline/pipeline.h"

namespace newsgraph {

// Which stages to build; the later ones need the earlier ones.
enum class PipelineDepth { kTokens, kEntities, kTimexes, kEvents };

// Loads every data file the stages need from config.data_dir. Fails with the
// first data error (file:line: message).
Result<std::unique_ptr<Pipeline>> CreateDefaultPipeline(const StageConfig& config,
                                                        PipelineDepth depth = PipelineDepth::kEvents);

// The data directory: $NEWSGRAPH_DATA if set, else the source tree the
// binary was built from.
std::string DefaultDataDir();

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_DEFAULT_PIPELINE_H_
