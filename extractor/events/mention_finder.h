// Finds event mentions in one document: trigger words of the schema, the
// roles around them (subject, object, prepositions, possessives,
// coordination, relative clauses, pronouns and group phrases such as "the
// two leaders"), the status cues that govern them, and their own dates.
// Mentions of the same real event are merged later by EventLinker.
//
//   MentionFinder finder(lexicon);
//   std::vector<EventMention> mentions = finder.Find(doc);  // doc has tokens, entities, timexes
//   finder.Find(doc, &reused);                             // the same into a kept buffer
//
// Thread-safe: Find() keeps its working state on the stack and in
// per-thread buffers reused from one document to the next.
#ifndef NEWSGRAPH_EVENTS_MENTION_FINDER_H_
#define NEWSGRAPH_EVENTS_MENTION_FINDER_H_

#include <vector>

#include "extractor/core/document.h"
#include "extractor/events/event_mention.h"
#include "extractor/events/lexicon.h"

namespace newsgraph::events {

// Normalizes a TIMEX3 value to an event date: "2024-06-19T10:00" ->
// "2024-06-19"; keeps YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www, YYYY-Qn; returns
// "" for anything else (durations, PRESENT_REF, unresolved "XXXX-06").
std::string EventDateFromTimex(std::string_view value);

class MentionFinder {
 public:
  // `skip_without_triggers` false analyses even a document no word of which
  // starts a trigger (which yields no mention either way: tests compare).
  explicit MentionFinder(const Lexicon& lexicon, bool skip_without_triggers = true)
      : lex_(lexicon), skip_without_triggers_(skip_without_triggers) {}

  // The mentions in text order. Needs doc.tokens, doc.sentences, doc.folded,
  // doc.entities and doc.timexes; reads nothing else. Never fails.
  std::vector<EventMention> Find(const Document& doc) const;
  // The same into *out (cleared first), whose capacity a caller can keep
  // from one document to the next.
  void Find(const Document& doc, std::vector<EventMention>* out) const;

 private:
  const Lexicon& lex_;
  bool skip_without_triggers_;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_MENTION_FINDER_H_
