#include "extractor/events/event_schema.h"

#include <doctest/doctest.h>

namespace newsgraph::events {
namespace {

constexpr const char* kSmall = R"({
  "types": [{"name": "Visit", "roles": [
      {"name": "visitor", "kind": "agent", "entities": ["Person", "Organization"]},
      {"name": "destination", "kind": "place", "entities": ["Place"]}],
    "required": ["visitor"], "cameo": {"default": "042", "planned": "036"}}],
  "verbs": {"fly": {"base": "fly", "s": "flies", "past": "flew", "pp": "flown", "ing": "flying"},
            "visit": {"base": "visit", "s": "visits", "past": "visited", "pp": "visited", "ing": "visiting"}},
  "triggers": [
    {"id": "fly.verb", "type": "Visit", "pos": "verb", "verb": "fly",
     "frame": {"subject": "visitor", "preps": {"to": "destination"}}, "guards": ["needs_place"], "confidence": 0.8},
    {"id": "trip.noun", "type": "Visit", "pos": "noun", "forms": {"sg": "trip", "pl": ["trips"]},
     "frame": {"possessor": "visitor", "preps": {"to": ["destination"]}}, "light_verbs": ["visit"]}]
})";

TEST_CASE("a schema is read with its types / verb forms and triggers") {
  Result<EventSchema> s = EventSchema::Parse(kSmall, "small.json");
  REQUIRE(s.ok());
  REQUIRE(s->types().size() == 1);
  const TypeDef& visit = s->types()[0];
  CHECK(visit.name == "Visit");
  CHECK(visit.RoleIndex("destination") == 1);
  CHECK(visit.FirstRole(RoleKind::kPlace) == 1);
  CHECK(visit.FirstRole(RoleKind::kCounterpart) == -1);
  CHECK(visit.required == std::vector<uint8_t>{0});
  CHECK(visit.Cameo("planned") == "036");
  CHECK(visit.Cameo("cancelled") == "042");  // falls back to "default"
  CHECK(visit.place_is_location);

  const VerbDef& visit_verb = s->verbs()[s->VerbIndex("visit")];
  // "visited" is both the past and the participle: one form with both bits.
  REQUIRE(visit_verb.forms.size() == 4);
  CHECK(visit_verb.forms[2].first == "visited");
  CHECK(visit_verb.forms[2].second == (kFormPast | kFormParticiple));

  REQUIRE(s->triggers().size() == 2);
  const TriggerDef& fly = s->triggers()[0];
  CHECK(fly.id == "fly.verb");
  CHECK_FALSE(fly.noun);
  CHECK(fly.verb == s->VerbIndex("fly"));
  CHECK(fly.guards == kGuardNeedsPlace);
  CHECK(fly.confidence == doctest::Approx(0.8));
  REQUIRE(fly.frame.Prep("to") != nullptr);
  CHECK(*fly.frame.Prep("to") == RoleList{1});
  CHECK(fly.frame.Prep("in") == nullptr);
  const TriggerDef& trip = s->triggers()[1];
  CHECK(trip.noun);
  CHECK(trip.noun_forms.size() == 2);
  CHECK(trip.noun_forms[1] == std::make_pair(std::string("trips"), static_cast<uint8_t>(kNounPlural)));
  CHECK(trip.frame.slots[kSlotPossessor] == RoleList{0});
  CHECK(trip.light_verbs == std::vector<int>{s->VerbIndex("visit")});
}

TEST_CASE("schema errors name the file and the entry") {
  Result<EventSchema> bad_json = EventSchema::Parse("{\n  \"types\": [", "x.json");
  REQUIRE_FALSE(bad_json.ok());
  CHECK(bad_json.status().message().rfind("x.json:2:13: ", 0) == 0);

  std::string unknown_role = kSmall;
  unknown_role.replace(unknown_role.find("\"subject\": \"visitor\""), 20, "\"subject\": \"visiter\"");
  Result<EventSchema> r = EventSchema::Parse(unknown_role, "x.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "x.json: triggers[0] (fly.verb) frame.subject: 'visiter' is not a role of Visit");

  std::string unknown_guard = kSmall;
  unknown_guard.replace(unknown_guard.find("needs_place"), 11, "needs_pizza");
  r = EventSchema::Parse(unknown_guard, "x.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "x.json: triggers[0] (fly.verb): unknown guard 'needs_pizza'");

  std::string unknown_verb = kSmall;
  unknown_verb.replace(unknown_verb.find("\"verb\": \"fly\""), 13, "\"verb\": \"run\"");
  r = EventSchema::Parse(unknown_verb, "x.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "x.json: triggers[0] (fly.verb): verb 'run' is not in \"verbs\"");
}

TEST_CASE("the shipped schema loads") {
  Result<EventSchema> s = EventSchema::Load("schemas/events.json");
  REQUIRE(s.ok());
  for (const char* type : {"Visit", "Meeting", "Agreement", "Invitation"}) CHECK(s->TypeIndex(type) >= 0);
  const TypeDef& meeting = s->types()[s->TypeIndex("Meeting")];
  CHECK(meeting.roles[0].name == "participants");
  CHECK(meeting.roles[1].name == "place");
  CHECK_FALSE(s->types()[s->TypeIndex("Invitation")].place_is_location);
}

}  // namespace
}  // namespace newsgraph::events
