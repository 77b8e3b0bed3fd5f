// The event stage: finds Visit, Meeting, Agreement and Invitation events
// (types, triggers and roles from schemas/events.json; word classes and
// status cues from extractor/events/rules/) with their roles as entity
// indices, status, own date, trigger and sentence, and merges the mentions
// of each real event into one Event with all its evidence.
//
//   StageConfig config;
//   config.data_dir = DefaultDataDir();
//   ASSIGN_OR_RETURN(auto tagger, events::EventTagger::Create(config));
//   RETURN_IF_ERROR(tagger->Process(&doc));   // doc has tokens, entities, timexes
//   for (const Event& e : doc.events) use(e.type, e.status, e.date, e.roles);
//
// docs/events.md describes the rules and the data formats.
#ifndef NEWSGRAPH_EVENTS_EVENT_TAGGER_H_
#define NEWSGRAPH_EVENTS_EVENT_TAGGER_H_

#include <memory>
#include <string>
#include <vector>

#include "extractor/core/stage.h"

namespace newsgraph::events {

class Lexicon;

class EventTagger : public Stage {
 public:
  // Loads schemas/events.json and extractor/events/rules/*.tsv under
  // config.data_dir. DataError "file:line: message" (or "file: where:
  // message" for the JSON schema) on any malformed entry.
  static Result<std::unique_ptr<EventTagger>> Create(const StageConfig& config);
  ~EventTagger() override;

  // Copying would share nothing useful and the lexicon is large.
  EventTagger(const EventTagger&) = delete;
  EventTagger& operator=(const EventTagger&) = delete;

  std::string_view Name() const override { return "events"; }
  Layers Requires() const override { return kLayerTokens | kLayerEntities | kLayerTimexes; }
  Layers Provides() const override { return kLayerEvents; }
  // Replaces doc->events. Never fails on well-formed layers. Thread-safe.
  Status Process(Document* doc) const override;

  // One line per mention found in `doc` (which must carry tokens, entities
  // and timexes), before mentions are merged: sentence, trigger, rule, roles,
  // status, dates and flags. For writing and debugging rules. Thread-safe.
  std::vector<std::string> ExplainMentions(const Document& doc) const;

 private:
  explicit EventTagger(std::unique_ptr<Lexicon> lexicon);
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_EVENT_TAGGER_H_
