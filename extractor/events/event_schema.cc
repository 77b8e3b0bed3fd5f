#include "extractor/events/event_schema.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>

#include "extractor/core/tsv_reader.h"

namespace newsgraph::events {
namespace {

using rapidjson::Value;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// Reads a string or an array of strings into *out. False if `v` is neither.
bool ReadStrings(const Value& v, std::vector<std::string>* out) {
  if (v.IsString()) {
    out->push_back(Lower(std::string_view(v.GetString(), v.GetStringLength())));
    return true;
  }
  if (!v.IsArray()) return false;
  for (const Value& e : v.GetArray()) {
    if (!e.IsString()) return false;
    out->push_back(Lower(std::string_view(e.GetString(), e.GetStringLength())));
  }
  return true;
}

std::string_view Str(const Value& v) { return std::string_view(v.GetString(), v.GetStringLength()); }

class SchemaParser {
 public:
  explicit SchemaParser(std::string name) : name_(std::move(name)) {}

  Status Error(const std::string& where, const std::string& message) const {
    return DataError(name_ + ": " + where + ": " + message);
  }

  Status ParseType(const Value& v, size_t index, TypeDef* t) {
    std::string where = "types[" + std::to_string(index) + "]";
    if (!v.IsObject()) return Error(where, "must be an object");
    if (!v.HasMember("name") || !v["name"].IsString() || v["name"].GetStringLength() == 0) {
      return Error(where, "needs a non-empty \"name\"");
    }
    t->name = std::string(Str(v["name"]));
    where += " (" + t->name + ")";
    if (!v.HasMember("roles") || !v["roles"].IsArray() || v["roles"].Empty()) {
      return Error(where, "needs a non-empty \"roles\" array");
    }
    for (const Value& r : v["roles"].GetArray()) {
      if (!r.IsObject() || !r.HasMember("name") || !r["name"].IsString()) {
        return Error(where, "each role needs a \"name\"");
      }
      RoleDef role;
      role.name = std::string(Str(r["name"]));
      std::string_view kind = r.HasMember("kind") && r["kind"].IsString() ? Str(r["kind"]) : "";
      if (kind == "agent") role.kind = RoleKind::kAgent;
      else if (kind == "counterpart") role.kind = RoleKind::kCounterpart;
      else if (kind == "place") role.kind = RoleKind::kPlace;
      else return Error(where, "role '" + role.name + "': kind must be agent, counterpart or place");
      std::vector<std::string> types;
      if (!r.HasMember("entities") || !ReadStrings(r["entities"], &types) || types.empty()) {
        return Error(where, "role '" + role.name + "': needs \"entities\"");
      }
      for (const std::string& e : types) {
        if (e == "person") role.entities |= MaskOf(EntityType::kPerson);
        else if (e == "place") role.entities |= MaskOf(EntityType::kPlace);
        else if (e == "organization") role.entities |= MaskOf(EntityType::kOrganization);
        else return Error(where, "role '" + role.name + "': unknown entity type '" + e + "'");
      }
      if (t->RoleIndex(role.name) >= 0) return Error(where, "role '" + role.name + "' twice");
      t->roles.push_back(std::move(role));
    }
    if (v.HasMember("required")) {
      std::vector<std::string> req;
      if (!ReadStrings(v["required"], &req)) return Error(where, "\"required\" must list role names");
      for (const std::string& r : req) {
        int i = RoleIndexLower(*t, r);
        if (i < 0) return Error(where, "required role '" + r + "' is not a role of the type");
        t->required.push_back(static_cast<uint8_t>(i));
      }
    }
    if (v.HasMember("cameo")) {
      if (!v["cameo"].IsObject()) return Error(where, "\"cameo\" must be an object");
      for (const auto& m : v["cameo"].GetObject()) {
        if (!m.value.IsString()) return Error(where, "cameo codes must be strings");
        t->cameo.emplace_back(std::string(Str(m.name)), std::string(Str(m.value)));
      }
    }
    if (v.HasMember("instruments") && !ReadStrings(v["instruments"], &t->instruments)) {
      return Error(where, "\"instruments\" must be a list of nouns");
    }
    if (v.HasMember("negated_by") && !ReadStrings(v["negated_by"], &t->negated_by)) {
      return Error(where, "\"negated_by\" must be a list of cue effects");
    }
    if (v.HasMember("place_is_location")) {
      if (!v["place_is_location"].IsBool()) return Error(where, "\"place_is_location\" must be true or false");
      t->place_is_location = v["place_is_location"].GetBool();
    }
    return Status::Ok();
  }

  static int RoleIndexLower(const TypeDef& t, std::string_view name) {
    for (size_t i = 0; i < t.roles.size(); ++i) {
      if (Lower(t.roles[i].name) == name) return static_cast<int>(i);
    }
    return -1;
  }

  Status ParseVerb(const std::string& lemma, const Value& v, VerbDef* verb) {
    std::string where = "verbs." + lemma;
    if (!v.IsObject()) return Error(where, "must be an object of forms");
    verb->lemma = Lower(lemma);
    static const std::pair<const char*, uint8_t> kKeys[] = {
        {"base", kFormBase}, {"s", kFormS}, {"past", kFormPast}, {"pp", kFormParticiple}, {"ing", kFormIng}};
    for (const auto& [key, bit] : kKeys) {
      if (!v.HasMember(key)) return Error(where, std::string("needs the form \"") + key + "\"");
      std::vector<std::string> forms;
      if (!ReadStrings(v[key], &forms) || forms.empty()) return Error(where, std::string("bad form \"") + key + "\"");
      for (const std::string& f : forms) {
        auto it = std::find_if(verb->forms.begin(), verb->forms.end(), [&](const auto& p) { return p.first == f; });
        if (it != verb->forms.end()) it->second |= bit;
        else verb->forms.emplace_back(f, bit);
      }
    }
    return Status::Ok();
  }

  Status ParseRoles(const Value& v, const TypeDef& type, const std::string& where, RoleList* out) {
    std::vector<std::string> names;
    if (!ReadStrings(v, &names) || names.empty()) return Error(where, "a frame slot needs a role or a list of roles");
    for (const std::string& n : names) {
      int i = RoleIndexLower(type, n);
      if (i < 0) return Error(where, "'" + n + "' is not a role of " + type.name);
      out->push_back(static_cast<uint8_t>(i));
    }
    return Status::Ok();
  }

  Status ParseTrigger(const Value& v, size_t index, const EventSchema& schema,
                      const std::vector<TypeDef>& types, TriggerDef* t) {
    std::string where = "triggers[" + std::to_string(index) + "]";
    if (!v.IsObject()) return Error(where, "must be an object");
    if (!v.HasMember("id") || !v["id"].IsString() || v["id"].GetStringLength() == 0) {
      return Error(where, "needs a non-empty \"id\"");
    }
    t->id = std::string(Str(v["id"]));
    where += " (" + t->id + ")";
    if (!v.HasMember("type") || !v["type"].IsString()) return Error(where, "needs a \"type\"");
    int type = -1;
    for (size_t i = 0; i < types.size(); ++i) {
      if (types[i].name == Str(v["type"])) type = static_cast<int>(i);
    }
    if (type < 0) return Error(where, "unknown type '" + std::string(Str(v["type"])) + "'");
    t->type = static_cast<uint8_t>(type);
    const TypeDef& td = types[type];
    std::string_view pos = v.HasMember("pos") && v["pos"].IsString() ? Str(v["pos"]) : "";
    if (pos == "verb") {
      t->noun = false;
      if (!v.HasMember("verb") || !v["verb"].IsString()) return Error(where, "a verb trigger needs \"verb\"");
      t->verb = schema.VerbIndex(Lower(Str(v["verb"])));
      if (t->verb < 0) return Error(where, "verb '" + std::string(Str(v["verb"])) + "' is not in \"verbs\"");
    } else if (pos == "noun") {
      t->noun = true;
      if (!v.HasMember("forms") || !v["forms"].IsObject()) return Error(where, "a noun trigger needs \"forms\"");
      for (const auto& m : v["forms"].GetObject()) {
        uint8_t bit = Str(m.name) == "sg" ? kNounSingular : Str(m.name) == "pl" ? kNounPlural : 0;
        if (bit == 0) return Error(where, "noun forms are \"sg\" and \"pl\"");
        std::vector<std::string> forms;
        if (!ReadStrings(m.value, &forms)) return Error(where, "bad noun form");
        for (std::string& f : forms) t->noun_forms.emplace_back(std::move(f), bit);
      }
      if (t->noun_forms.empty()) return Error(where, "no noun forms");
    } else {
      return Error(where, "\"pos\" must be verb or noun");
    }
    if (v.HasMember("frame")) {
      const Value& f = v["frame"];
      if (!f.IsObject()) return Error(where, "\"frame\" must be an object");
      static const std::pair<const char*, FrameSlot> kSlots[] = {
          {"subject", kSlotSubject},       {"object", kSlotObject},     {"passive_subject", kSlotPassiveSubject},
          {"by", kSlotBy},                 {"possessor", kSlotPossessor}, {"modifier", kSlotModifier},
          {"of", kSlotOf},                 {"from", kSlotFrom},         {"together_with", kSlotTogetherWith},
          {"complement", kSlotComplement}};
      for (const auto& m : f.GetObject()) {
        std::string_view key = Str(m.name);
        if (key == "preps") {
          if (!m.value.IsObject()) return Error(where, "\"preps\" must map prepositions to roles");
          for (const auto& p : m.value.GetObject()) {
            RoleList roles;
            RETURN_IF_ERROR(ParseRoles(p.value, td, where + " preps." + std::string(Str(p.name)), &roles));
            t->frame.preps.emplace_back(Lower(Str(p.name)), std::move(roles));
          }
          continue;
        }
        bool known = false;
        for (const auto& [name, slot] : kSlots) {
          if (key == name) {
            RETURN_IF_ERROR(ParseRoles(m.value, td, where + " frame." + name, &t->frame.slots[slot]));
            known = true;
          }
        }
        if (!known) return Error(where, "unknown frame slot '" + std::string(key) + "'");
      }
    }
    if (v.HasMember("guards")) {
      std::vector<std::string> guards;
      if (!ReadStrings(v["guards"], &guards)) return Error(where, "\"guards\" must list guard names");
      for (const std::string& g : guards) {
        if (g == "needs_place") t->guards |= kGuardNeedsPlace;
        else if (g == "actor_object") t->guards |= kGuardActorObject;
        else if (g == "noun_context") t->guards |= kGuardNounContext;
        else if (g == "verb_context") t->guards |= kGuardVerbContext;
        else if (g == "instrument") t->guards |= kGuardInstrument;
        else if (g == "agree_complement") t->guards |= kGuardAgreeComplement;
        else if (g == "no_bare") t->guards |= kGuardNoBare;
        else if (g == "no_infinitive") t->guards |= kGuardNoInfinitive;
        else return Error(where, "unknown guard '" + g + "'");
      }
    }
    if (v.HasMember("confidence")) {
      if (!v["confidence"].IsNumber()) return Error(where, "\"confidence\" must be a number");
      t->confidence = v["confidence"].GetDouble();
      if (t->confidence <= 0 || t->confidence > 1) return Error(where, "\"confidence\" must be in (0, 1]");
    }
    auto flag = [&](const char* key, bool* out) -> Status {
      if (!v.HasMember(key)) return Status::Ok();
      if (!v[key].IsBool()) return Error(where, std::string("\"") + key + "\" must be true or false");
      *out = v[key].GetBool();
      return Status::Ok();
    };
    RETURN_IF_ERROR(flag("spun", &t->spun));
    RETURN_IF_ERROR(flag("hosted", &t->hosted));
    RETURN_IF_ERROR(flag("context_place", &t->context_place));
    RETURN_IF_ERROR(flag("approval", &t->approval));
    if (v.HasMember("cameo")) {
      if (!v["cameo"].IsString()) return Error(where, "\"cameo\" must be a string");
      t->cameo = std::string(Str(v["cameo"]));
    }
    for (const char* key : {"light_verbs", "host_verbs"}) {
      if (!v.HasMember(key)) continue;
      if (!t->noun) return Error(where, std::string("only noun triggers take \"") + key + "\"");
      std::vector<std::string> lemmas;
      if (!ReadStrings(v[key], &lemmas)) return Error(where, std::string("\"") + key + "\" must list verbs");
      for (const std::string& l : lemmas) {
        int vi = schema.VerbIndex(l);
        if (vi < 0) return Error(where, "verb '" + l + "' is not in \"verbs\"");
        (std::string_view(key) == "light_verbs" ? t->light_verbs : t->host_verbs).push_back(vi);
      }
    }
    return Status::Ok();
  }

 private:
  std::string name_;
};

}  // namespace

const RoleList* Frame::Prep(std::string_view prep) const {
  for (const auto& [p, roles] : preps) {
    if (p == prep) return &roles;
  }
  return nullptr;
}

int TypeDef::RoleIndex(std::string_view role) const {
  for (size_t i = 0; i < roles.size(); ++i) {
    if (roles[i].name == role) return static_cast<int>(i);
  }
  return -1;
}

std::string_view TypeDef::Cameo(std::string_view key) const {
  std::string_view fallback;
  for (const auto& [k, code] : cameo) {
    if (k == key) return code;
    if (k == "default") fallback = code;
  }
  return fallback;
}

int EventSchema::TypeIndex(std::string_view name) const {
  for (size_t i = 0; i < types_.size(); ++i) {
    if (types_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int EventSchema::VerbIndex(std::string_view lemma) const {
  for (size_t i = 0; i < verbs_.size(); ++i) {
    if (verbs_[i].lemma == lemma) return static_cast<int>(i);
  }
  return -1;
}

Result<EventSchema> EventSchema::Load(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  return Parse(text, path);
}

Result<EventSchema> EventSchema::Parse(std::string_view json, const std::string& name) {
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) {
    // Report file:line:column like the TSV files, so an edit error is found at once.
    const size_t offset = std::min(d.GetErrorOffset(), json.size());
    const std::string_view before = json.substr(0, offset);
    const size_t line = 1 + static_cast<size_t>(std::count(before.begin(), before.end(), '\n'));
    const size_t line_start = before.rfind('\n');
    const size_t column = offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
    return DataError(name + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " +
                     rapidjson::GetParseError_En(d.GetParseError()));
  }
  SchemaParser p(name);
  if (!d.IsObject()) return p.Error("top level", "must be an object");
  EventSchema schema;
  if (!d.HasMember("types") || !d["types"].IsArray() || d["types"].Empty()) {
    return p.Error("top level", "needs a non-empty \"types\" array");
  }
  size_t i = 0;
  for (const Value& v : d["types"].GetArray()) {
    TypeDef t;
    RETURN_IF_ERROR(p.ParseType(v, i++, &t));
    if (schema.TypeIndex(t.name) >= 0) return p.Error("types", "type '" + t.name + "' twice");
    if (t.FirstRole(RoleKind::kAgent) < 0) return p.Error("types", "type '" + t.name + "' has no agent role");
    schema.types_.push_back(std::move(t));
  }
  if (!d.HasMember("verbs") || !d["verbs"].IsObject()) return p.Error("top level", "needs a \"verbs\" object");
  for (const auto& m : d["verbs"].GetObject()) {
    VerbDef verb;
    RETURN_IF_ERROR(p.ParseVerb(std::string(Str(m.name)), m.value, &verb));
    if (schema.VerbIndex(verb.lemma) >= 0) return p.Error("verbs", "verb '" + verb.lemma + "' twice");
    schema.verbs_.push_back(std::move(verb));
  }
  if (!d.HasMember("triggers") || !d["triggers"].IsArray()) return p.Error("top level", "needs a \"triggers\" array");
  i = 0;
  for (const Value& v : d["triggers"].GetArray()) {
    TriggerDef t;
    RETURN_IF_ERROR(p.ParseTrigger(v, i++, schema, schema.types_, &t));
    for (const TriggerDef& o : schema.triggers_) {
      if (o.id == t.id) return p.Error("triggers", "id '" + t.id + "' twice");
    }
    schema.triggers_.push_back(std::move(t));
  }
  return schema;
}

}  // namespace newsgraph::events
