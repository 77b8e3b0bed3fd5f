// Turns event mentions into events: one event per real event in a document.
// Mentions that state the same trip, meeting, agreement or invitation (same
// type, same agents, compatible dates and statuses) merge; mentions that only
// refer back ("the visit", "any such meeting") join the event they refer to
// and may change its status ("... was postponed"); a date or place the text
// leaves implicit comes from the context the annotation guidelines name (the
// event a "later" or "the two leaders" points to, the trip around a meeting,
// the dateline).
//
//   EventLinker linker(lexicon.schema());
//   linker.Link(finder.Find(doc), &doc);   // fills doc.events
//
// Thread-safe: Link() keeps its state on the stack and in per-thread buffers.
#ifndef NEWSGRAPH_EVENTS_EVENT_LINKER_H_
#define NEWSGRAPH_EVENTS_EVENT_LINKER_H_

#include <vector>

#include "extractor/core/document.h"
#include "extractor/events/event_mention.h"
#include "extractor/events/event_schema.h"

namespace newsgraph::events {

class EventLinker {
 public:
  explicit EventLinker(const EventSchema& schema) : schema_(schema) {}

  // Replaces doc->events with the events of `mentions` (as returned by
  // MentionFinder::Find on the same document), in text order, with ids
  // "<doc id>#e<n>".
  void Link(std::vector<EventMention> mentions, Document* doc) const;
  // The same, reordering and rewriting *mentions in place (a caller's
  // buffer, reused from one document to the next).
  void Link(std::vector<EventMention>* mentions, Document* doc) const;

 private:
  const EventSchema& schema_;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_EVENT_LINKER_H_
