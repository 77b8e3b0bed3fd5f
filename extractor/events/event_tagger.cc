#include "extractor/events/event_tagger.h"

#include "extractor/events/event_linker.h"
#include "extractor/events/event_schema.h"
#include "extractor/events/lexicon.h"
#include "extractor/events/mention_finder.h"

namespace newsgraph::events {

Result<std::unique_ptr<EventTagger>> EventTagger::Create(const StageConfig& config) {
  ASSIGN_OR_RETURN(EventSchema schema, EventSchema::Load(config.DataPath("schemas/events.json")));
  ASSIGN_OR_RETURN(Lexicon lexicon, Lexicon::Load(config, std::move(schema)));
  return std::unique_ptr<EventTagger>(new EventTagger(std::make_unique<Lexicon>(std::move(lexicon))));
}

EventTagger::EventTagger(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
EventTagger::~EventTagger() = default;

Status EventTagger::Process(Document* doc) const {
  if (!doc->tokens.empty()) {
    MentionFinder finder(*lexicon_);
    EventLinker linker(lexicon_->schema());
    // Per-thread: the mention buffer keeps its capacity from one document to the next.
    thread_local std::vector<EventMention> mentions;
    finder.Find(*doc, &mentions);
    linker.Link(&mentions, doc);
    mentions.clear();
  } else {
    doc->events.clear();
  }
  doc->layers |= kLayerEvents;
  return Status::Ok();
}

std::vector<std::string> EventTagger::ExplainMentions(const Document& doc) const {
  std::vector<std::string> out;
  if (doc.tokens.empty()) return out;
  MentionFinder finder(*lexicon_);
  const EventSchema& schema = lexicon_->schema();
  static const char* kSources[] = {"direct", "coord", "group", "pronoun", "description", "context", "antecedent"};
  for (const EventMention& m : finder.Find(doc)) {
    const TypeDef& type = schema.types()[m.type];
    std::string line = "s";
    line += std::to_string(m.sentence);
    line += " <";
    line += doc.Text(m.trigger_span);
    line += "> ";
    line += schema.triggers()[m.trigger].id;
    line += " ";
    line += EventStatusName(m.status);
    if (!m.status_explicit) line += "?";
    if (m.status_change) line += "!";
    for (const std::string& d : m.dates) line += " " + d;
    for (const RoleFill& f : m.roles) {
      line += " " + type.roles[f.role].name + "=" + doc.entities[f.entity].name + "(" +
              kSources[static_cast<int>(f.source)] + ")";
    }
    if (m.nominal) line += " nominal";
    if (m.light_verb) line += " light";
    if (m.anaphoric) line += " anaphoric";
    if (m.framed) line += " framed";
    if (m.later) line += " later";
    if (m.group_source >= 0) line += " group_from=" + std::to_string(m.group_source);
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace newsgraph::events
