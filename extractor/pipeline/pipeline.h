// Runs stages in order over one Document.
//
//   std::vector<std::unique_ptr<Stage>> stages;
//   stages.push_back(std::move(segmenter));
//   stages.push_back(std::move(entity_tagger));
//   ASSIGN_OR_RETURN(auto pipeline, Pipeline::FromStages(std::move(stages)));
//   RETURN_IF_ERROR(pipeline->Process(&doc));
//
// `CreateDefaultPipeline` (default_pipeline.h) builds the standard chain:
// segment -> ner -> timex -> events.
#ifndef NEWSGRAPH_PIPELINE_PIPELINE_H_
#define NEWSGRAPH_PIPELINE_PIPELINE_H_

#include <memory>
#include <vector>

#include "extractor/core/stage.h"

namespace newsgraph {

class Pipeline {
 public:
  // Checks, before any document runs, that every stage's Requires() is met
  // by kLayerText plus what the stages before it provide. InvalidArgument
  // naming the stage and the missing layer otherwise.
  static Result<std::unique_ptr<Pipeline>> FromStages(std::vector<std::unique_ptr<Stage>> stages);

  // Runs every stage on *doc. Stops at the first failing stage and returns
  // its error prefixed with the stage name. Thread-safe: stages are immutable.
  Status Process(Document* doc) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  explicit Pipeline(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_PIPELINE_H_
