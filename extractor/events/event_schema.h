// The event schema: event types with their roles and CAMEO codes, verbs with
// every inflected form, and the triggers that state each type, read from
// schemas/events.json (docs/events.md describes the format). Adding a type,
// a role or a trigger is an edit of that file, never of the code.
//
//   ASSIGN_OR_RETURN(EventSchema schema, EventSchema::Load("schemas/events.json"));
//   int visit = schema.TypeIndex("Visit");
//   for (const TriggerDef& t : schema.triggers()) use(t.id, t.frame);
//
// An EventSchema is immutable after Load(), so it may be shared by threads.
#ifndef NEWSGRAPH_EVENTS_EVENT_SCHEMA_H_
#define NEWSGRAPH_EVENTS_EVENT_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/status.h"

namespace newsgraph::events {

// What a role means to the linker: who acts, who is acted with, or where.
enum class RoleKind : uint8_t {
  kAgent,        // visitor, participants, parties, inviter
  kCounterpart,  // host, invitee
  kPlace,        // destination, place
};

// One bit per EntityType: 1 << static_cast<int>(type).
using EntityMask = uint8_t;
inline EntityMask MaskOf(EntityType t) { return static_cast<EntityMask>(1u << static_cast<int>(t)); }

struct RoleDef {
  std::string name;
  RoleKind kind = RoleKind::kAgent;
  EntityMask entities = 0;
};

// The roles a syntactic slot may fill, tried in order: the first whose
// entity types include the filler's type wins.
using RoleList = std::vector<uint8_t>;

// Syntactic slots of a frame.
enum FrameSlot : uint8_t {
  kSlotSubject,         // active subject; for a noun, the subject of its light verb
  kSlotObject,          // direct object of a verb
  kSlotPassiveSubject,  // subject of a passive verb
  kSlotBy,              // "by X" (passive agent; "the first visit by X")
  kSlotPossessor,       // "X's visit", "his visit"
  kSlotModifier,        // a name before the noun: "the Lahore stop", "a Quad summit"
  kSlotOf,              // "of X" after a noun
  kSlotFrom,            // "from X" after a noun
  kSlotTogetherWith,    // "together with X"
  kSlotComplement,      // the place of an embedded trip: "invited X to visit Y"
  kSlotCount,
};

struct Frame {
  RoleList slots[kSlotCount];
  // Preposition (lower case, may hold a space: "over in") -> roles.
  std::vector<std::pair<std::string, RoleList>> preps;
  // The roles of preposition `prep`, or nullptr.
  const RoleList* Prep(std::string_view prep) const;
};

// Named checks a trigger must pass (see the schema's $comment).
enum Guard : uint32_t {
  kGuardNeedsPlace = 1u << 0,
  kGuardActorObject = 1u << 1,
  kGuardNounContext = 1u << 2,
  kGuardVerbContext = 1u << 3,
  kGuardInstrument = 1u << 4,
  kGuardAgreeComplement = 1u << 5,
  kGuardNoBare = 1u << 6,
  kGuardNoInfinitive = 1u << 7,  // no "to <verb>" or "for" after the object ("called on X to ...")
};

// Inflection of a verb form; a form may be several at once ("visited").
enum VerbFormBits : uint8_t {
  kFormBase = 1u << 0,
  kFormS = 1u << 1,
  kFormPast = 1u << 2,
  kFormParticiple = 1u << 3,
  kFormIng = 1u << 4,
};
enum NounFormBits : uint8_t { kNounSingular = 1u << 0, kNounPlural = 1u << 1 };

struct VerbDef {
  std::string lemma;
  std::vector<std::pair<std::string, uint8_t>> forms;  // surface (lower case) -> VerbFormBits
};

struct TypeDef {
  std::string name;
  std::vector<RoleDef> roles;
  std::vector<uint8_t> required;                          // role indices an event must fill
  std::vector<std::pair<std::string, std::string>> cameo;  // key ("default", a status...) -> code
  std::vector<std::string> instruments;                   // nouns that license instrument triggers
  std::vector<std::string> negated_by;                    // cue effect names that block a mention
  bool place_is_location = true;  // false: the place role is where someone is asked to go (Invitation)

  int RoleIndex(std::string_view role) const;  // -1 if absent
  // -1 if absent. Inline: asked for every mention, and a type has a handful of roles.
  int FirstRole(RoleKind kind) const {
    for (size_t i = 0; i < roles.size(); ++i) {
      if (roles[i].kind == kind) return static_cast<int>(i);
    }
    return -1;
  }
  // The CAMEO code for `key`, or for "default", or "".
  std::string_view Cameo(std::string_view key) const;
};

struct TriggerDef {
  std::string id;
  uint8_t type = 0;  // index into types()
  bool noun = false;
  int verb = -1;     // verb triggers: index into verbs()
  std::vector<std::pair<std::string, uint8_t>> noun_forms;  // noun triggers: surface -> NounFormBits
  Frame frame;
  uint32_t guards = 0;
  double confidence = 0.8;
  bool spun = false;           // a form article-spinning tools produce
  bool hosted = false;         // the subject is the host ("welcomed X"): CAMEO "hosted"
  bool context_place = false;  // a missing destination may come from the context ("X visited on May 10")
  bool approval = false;       // a body's approval of a known instrument is an event of its own ("ratified the treaty")
  std::string cameo;           // overrides the type's code when set
  std::vector<int> light_verbs;  // verbs() indices: "paid a visit", "held talks"
  std::vector<int> host_verbs;   // verbs() indices: "hosted talks"
};

class EventSchema {
 public:
  // Reads and checks the schema. DataError "path: message" (with the JSON
  // offset, or the trigger id) on any malformed or inconsistent entry.
  static Result<EventSchema> Load(const std::string& path);
  // The same over text in memory; `name` is used in messages.
  static Result<EventSchema> Parse(std::string_view json, const std::string& name);

  const std::vector<TypeDef>& types() const { return types_; }
  const std::vector<VerbDef>& verbs() const { return verbs_; }
  const std::vector<TriggerDef>& triggers() const { return triggers_; }
  int TypeIndex(std::string_view name) const;  // -1 if absent
  int VerbIndex(std::string_view lemma) const;  // -1 if absent

 private:
  std::vector<TypeDef> types_;
  std::vector<VerbDef> verbs_;
  std::vector<TriggerDef> triggers_;
};

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_EVENT_SCHEMA_H_
