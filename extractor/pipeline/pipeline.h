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
#include <span>
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

  // Every stage over each of `docs`, stage by stage rather than document
  // by document (Process() is a batch of one): the whole batch goes through
  // one stage before the next, so that a stage's code and tables (the
  // gazetteer's probes, the time rules' automaton, the event lexicon's word
  // cache) stay in the processor's caches across the batch instead of being
  // evicted by the other stages at every document. `statuses` has one entry
  // per document and says how docs[i] fared: a document whose status is not
  // OK on entry (a read error) is skipped, one that fails a stage skips the
  // later stages. The results are those of each document run alone.
  void ProcessBatch(std::span<Document* const> docs, std::span<Status> statuses) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  explicit Pipeline(std::vector<std::unique_ptr<Stage>> stages) : stages_(std::move(stages)) {}
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_PIPELINE_PIPELINE_H_
