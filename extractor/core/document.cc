#include "extractor/core/document.h"

#include "extractor/core/stage.h"
#include "extractor/core/status.h"

namespace newsgraph {

void Document::SwapAnalysis(Document* other) {
  folded.swap(other->folded);
  sentences.swap(other->sentences);
  tokens.swap(other->tokens);
  entities.swap(other->entities);
  timexes.swap(other->timexes);
  events.swap(other->events);
}

void Document::ClearAnalysis() {
  folded.clear();
  sentences.clear();
  tokens.clear();
  entities.clear();
  timexes.clear();
  events.clear();
}

std::string_view EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "Person";
    case EntityType::kPlace: return "Place";
    case EntityType::kOrganization: return "Organization";
  }
  return "?";
}

std::string_view MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName: return "name";
    case MentionKind::kPartialName: return "partial";
    case MentionKind::kDescription: return "description";
    case MentionKind::kPronoun: return "pronoun";
  }
  return "?";
}

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "?";
}

std::string_view EventStatusName(EventStatus status) {
  switch (status) {
    case EventStatus::kOccurred: return "occurred";
    case EventStatus::kPlanned: return "planned";
    case EventStatus::kCancelled: return "cancelled";
    case EventStatus::kPostponed: return "postponed";
    case EventStatus::kDenied: return "denied";
    case EventStatus::kUncertain: return "uncertain";
  }
  return "?";
}

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kDataError: return "data error";
    case StatusCode::kIoError: return "I/O error";
    case StatusCode::kTooLarge: return "too large";
    case StatusCode::kInternal: return "internal error";
  }
  return "?";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

std::string StageConfig::DataPath(std::string_view relative) const {
  if (!relative.empty() && relative.front() == '/') return std::string(relative);
  std::string out = data_dir.empty() ? std::string(".") : data_dir;
  if (out.back() != '/') out += '/';
  out += relative;
  return out;
}

}  // namespace newsgraph
