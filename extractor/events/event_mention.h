// One statement of an event in one sentence, before mentions of the same
// real event are merged: what the mention finder produces and the linker
// consumes. Role fillers are indices into Document::entities.
#ifndef NEWSGRAPH_EVENTS_EVENT_MENTION_H_
#define NEWSGRAPH_EVENTS_EVENT_MENTION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/events/small_vector.h"

namespace newsgraph::events {

// "No token" / "no entity" in the stage's token and entity indices.
constexpr uint32_t kNone = 0xFFFFFFFFu;

// How strongly a status overrides another when mentions of one event
// disagree: a later "called off" outranks the plan it cancels.
inline int StatusRank(EventStatus s) {
  switch (s) {
    case EventStatus::kOccurred: return 0;
    case EventStatus::kPlanned: return 1;
    case EventStatus::kUncertain: return 2;
    case EventStatus::kPostponed: return 3;
    case EventStatus::kCancelled: return 4;
    case EventStatus::kDenied: return 5;
  }
  return 0;
}

// How a role filler was found; later sources are weaker evidence.
enum class FillSource : uint8_t {
  kDirect,       // by position or preposition in the trigger's own clause
  kCoordinated,  // coordinated with a direct filler ("A and B signed")
  kGroup,        // a group phrase resolved to earlier participants ("the two leaders")
  kPronoun,      // a pronoun resolved by this stage ("his visit")
  kDescription,  // a role description resolved by this stage ("the Chinese leader")
  kContext,      // a place taken from the surrounding text
  kAntecedent,   // copied from the event a mention refers back to
};

struct RoleFill {
  uint8_t role = 0;      // index into the type's roles
  uint32_t entity = 0;   // index into Document::entities
  FillSource source = FillSource::kDirect;
};

struct EventMention {
  uint16_t trigger = 0;   // index into EventSchema::triggers()
  uint8_t type = 0;       // index into EventSchema::types()
  uint32_t sentence = 0;
  uint32_t tok_begin = 0;  // trigger tokens [tok_begin, tok_end)
  uint32_t tok_end = 0;
  uint32_t anchor = 0;     // token whose clause gives tense and time: the verb, or a noun's light verb
  Span trigger_span;

  bool nominal = false;     // a noun trigger
  bool light_verb = false;  // a noun governed by a light verb ("paid a visit")
  bool anaphoric = false;   // refers back to a known event ("the visit", "any such trip")
  bool framed = false;      // inside a phrase that only frames another event ("on his first visit")
  bool in_pp = false;       // a noun governed by a preposition ("at the invitation of X")
  bool unknown_actor = false;  // a noun qualified by a name no entity covers ("a Quad summit")
  bool weak_agent = false;  // the agent comes only from a pronoun or a description
  bool hosted = false;      // stated from the host's side ("welcomed X")
  bool later = false;       // "later", "afterwards": dated by the event before
  bool status_explicit = false;  // a cue set the status (not the verb form alone)
  bool status_change = false;    // cancelled/postponed/denied by a cue of its own
  bool named_instrument = false;  // "the Good Friday Agreement, signed ..."
  bool future = false;     // told as ahead of its time ("will meet", "was to be hosted"): weekdays read forward
  bool past_plan = false;  // a plan told in the past ("had been due to", "was to"): it may not have happened
  bool approval = false;   // a ratification or approval of an instrument ("ratified the treaty")

  // Context for the linker: the token of the noun a frame phrase names ("at
  // the news conference", "during their talks"), or kNoToken; the latest
  // earlier sentence naming the same noun, or kNoToken.
  uint32_t frame_tok = kNoToken;
  uint32_t frame_sentence = kNoToken;
  // A place named before the trigger (this sentence, else the one before) that
  // may be a visit's destination when the text gives none, or kNoToken.
  uint32_t context_place = kNoToken;
  static constexpr uint32_t kNoToken = 0xFFFFFFFFu;

  EventStatus status = EventStatus::kOccurred;
  std::vector<std::string> dates;  // own date(s) (TIMEX3 values); several for "in 1961, 2000 and 2001"
  SmallVector<RoleFill, 6> roles;  // a mention has a handful: kept inline
  int group_source = -1;  // mention whose participants a group phrase took, or -1
  double confidence = 0.0;

  bool HasRole(uint8_t role) const {
    for (const RoleFill& f : roles) {
      if (f.role == role) return true;
    }
    return false;
  }
  // Adds a filler unless the entity already fills `role`, or, when
  // `exclusive`, any role (a visitor is not also the host).
  void AddRole(uint8_t role, uint32_t entity, FillSource source, bool exclusive = true) {
    for (const RoleFill& f : roles) {
      if (f.entity == entity && (exclusive || f.role == role)) return;
    }
    roles.push_back(RoleFill{role, entity, source});
  }
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_EVENT_MENTION_H_
