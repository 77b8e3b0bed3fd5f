#include "extractor/pipeline/pipeline.h"

#include <string>

namespace newsgraph {
namespace {

std::string LayerNames(Layers layers) {
  static constexpr std::pair<Layer, const char*> kNames[] = {
      {kLayerText, "text"},         {kLayerTokens, "tokens"}, {kLayerEntities, "entities"},
      {kLayerTimexes, "timexes"}, {kLayerEvents, "events"}};
  std::string out;
  for (const auto& [layer, name] : kNames) {
    if ((layers & layer) == 0) continue;
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::FromStages(std::vector<std::unique_ptr<Stage>> stages) {
  Layers have = kLayerText;
  for (const auto& stage : stages) {
    if (stage == nullptr) return InvalidArgument("pipeline: null stage");
    Layers missing = stage->Requires() & ~have;
    if (missing != 0) {
      return InvalidArgument("pipeline: stage '" + std::string(stage->Name()) + "' needs " +
                             LayerNames(missing) + ", which no earlier stage provides");
    }
    have |= stage->Provides();
  }
  return std::unique_ptr<Pipeline>(new Pipeline(std::move(stages)));
}

Status Pipeline::Process(Document* doc) const {
  Status status;
  ProcessBatch({&doc, 1}, {&status, 1});
  return status;
}

void Pipeline::ProcessBatch(std::span<Document* const> docs, std::span<Status> statuses) const {
  for (const auto& stage : stages_) {
    for (size_t i = 0; i < docs.size(); ++i) {
      if (!statuses[i].ok()) continue;
      Status s = stage->Process(docs[i]);
      if (!s.ok()) statuses[i] = Status(s.code(), std::string(stage->Name()) + ": " + s.message());
    }
  }
}

}  // namespace newsgraph
