// Scores the event stage against annotated articles in the format of
// ../shared/data/events-dev/articles.json (docs/events.md, "Evaluation").
//
//   eval_events [--data-dir DIR] [--gold-entities] [--verbose] [--mentions] [--entities] [--only d01,d07] ARTICLES.json
//   eval_events --text FILE --date YYYY-MM-DD [--data-dir DIR] [--mentions]    prints the events of one text
//
// --verbose lists each article's gold events with the event matched to each;
// --mentions adds the event stage's mentions before they are merged, and
// --entities the entities it was given.
//
// Each article's text runs through the default pipeline with its "published"
// date. An extracted event matches a gold event when the type is the same,
// one gold agent is among its agents (for Meeting and Agreement: among all
// participants, gold agents and counterparts together), and, where the gold
// names places, one gold place is among its places; names compare through the
// gold aliases and every name the entity is mentioned by. Each gold event
// takes at most one extracted event (an optimal assignment); every other
// extracted event is a false alarm, except one that matches an optional gold
// event, which counts neither way. Recall is over required gold events. Date
// (exact value, null = null) and status accuracy are over matched required
// events.
//
// --gold-entities replaces the entity stage with the article's gold entity
// list (every name and alias found in the text), to measure the event stage
// alone. Exit code 0, or 1 with a message on stderr.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/core/tsv_reader.h"
#include "extractor/events/event_schema.h"
#include "extractor/events/event_tagger.h"
#include "extractor/pipeline/default_pipeline.h"
#include "extractor/segment/segmenter.h"
#include "extractor/timex/timex_tagger.h"

namespace newsgraph {
namespace {

using Slots = std::vector<std::vector<std::string>>;  // one inner list of names per participant

struct GoldEntity {
  std::string name;
  std::string type;  // PER, LOC, ORG
  std::vector<std::string> aliases;
};

struct GoldEvent {
  std::string type;
  std::string status;
  Slots agents, counterparts, places;
  std::string date;  // "" = null
  std::string evidence;
  bool required = true;
  size_t evidence_begin = std::string::npos;
};

struct Article {
  std::string id, published, text;
  std::vector<GoldEvent> events;
  std::vector<GoldEntity> entities;
};

struct Options {
  std::string data_dir;
  std::string file;
  std::string text_file;
  std::string date;
  std::set<std::string> only;
  bool gold_entities = false;
  bool verbose = false;
  bool mentions = false;
  bool entities = false;
  bool help = false;
};

constexpr const char* kUsage =
    "usage: eval_events [--data-dir DIR] [--gold-entities] [--verbose] [--mentions] [--entities] [--only ID,ID] "
    "ARTICLES.json\n       eval_events --text FILE --date YYYY-MM-DD [--data-dir DIR] [--mentions]\n";

Status Usage(const std::string& message) { return InvalidArgument(message + "\n" + kUsage); }

Result<Options> ParseArgs(int argc, char** argv) {
  Options o;
  o.data_dir = DefaultDataDir();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&](std::string* out) -> Status {
      if (i + 1 >= argc) return Usage(a + " needs a value");
      *out = argv[++i];
      return Status::Ok();
    };
    if (a == "--data-dir") {
      RETURN_IF_ERROR(value(&o.data_dir));
    } else if (a == "--text") {
      RETURN_IF_ERROR(value(&o.text_file));
    } else if (a == "--date") {
      RETURN_IF_ERROR(value(&o.date));
    } else if (a == "--only") {
      std::string list;
      RETURN_IF_ERROR(value(&list));
      size_t p = 0;
      while (p <= list.size()) {
        size_t q = list.find(',', p);
        if (q == std::string::npos) q = list.size();
        if (q > p) o.only.insert(list.substr(p, q - p));
        p = q + 1;
      }
    } else if (a == "--gold-entities") {
      o.gold_entities = true;
    } else if (a == "--verbose" || a == "-v") {
      o.verbose = true;
    } else if (a == "--mentions") {
      o.mentions = true;
    } else if (a == "--entities") {
      o.entities = true;
    } else if (a == "--help" || a == "-h") {
      o.help = true;
      return o;
    } else if (!a.empty() && a[0] == '-') {
      return Usage("unknown option " + a);
    } else if (o.file.empty()) {
      o.file = a;
    } else {
      return Usage("one articles file only");
    }
  }
  if (o.file.empty() && o.text_file.empty()) return Usage("no input");
  return o;
}

// ---- reading the gold -------------------------------------------------------

Status ReadSlots(const rapidjson::Value& v, const std::string& where, Slots* out) {
  if (!v.IsArray()) return DataError(where + ": expected a list of name lists");
  for (const auto& inner : v.GetArray()) {
    if (!inner.IsArray() || inner.Empty()) return DataError(where + ": expected a non-empty list of names");
    std::vector<std::string> names;
    for (const auto& n : inner.GetArray()) {
      if (!n.IsString()) return DataError(where + ": names must be strings");
      names.emplace_back(n.GetString(), n.GetStringLength());
    }
    out->push_back(std::move(names));
  }
  return Status::Ok();
}

std::string Str(const rapidjson::Value& obj, const char* key) {
  if (!obj.HasMember(key) || !obj[key].IsString()) return "";
  return std::string(obj[key].GetString(), obj[key].GetStringLength());
}

Result<std::vector<Article>> LoadArticles(const std::string& path) {
  ASSIGN_OR_RETURN(std::string json, ReadFile(path));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError()) {
    return DataError(path + ": offset " + std::to_string(d.GetErrorOffset()) + ": " +
                     rapidjson::GetParseError_En(d.GetParseError()));
  }
  if (!d.IsArray()) return DataError(path + ": expected an array of articles");
  std::vector<Article> out;
  for (const auto& a : d.GetArray()) {
    if (!a.IsObject()) return DataError(path + ": every article must be an object");
    Article art;
    art.id = Str(a, "id");
    art.published = Str(a, "published");
    art.text = Str(a, "text");
    const std::string where = path + ": " + art.id;
    if (art.id.empty() || art.text.empty()) return DataError(where + ": needs \"id\" and \"text\"");
    if (a.HasMember("events") && a["events"].IsArray()) {
      for (const auto& e : a["events"].GetArray()) {
        GoldEvent g;
        g.type = Str(e, "type");
        g.status = Str(e, "status");
        if (e.HasMember("date") && e["date"].IsString()) g.date = e["date"].GetString();
        g.evidence = Str(e, "evidence");
        g.required = !e.HasMember("required") || !e["required"].IsBool() || e["required"].GetBool();
        if (e.HasMember("agents")) RETURN_IF_ERROR(ReadSlots(e["agents"], where + " agents", &g.agents));
        if (e.HasMember("counterparts")) {
          RETURN_IF_ERROR(ReadSlots(e["counterparts"], where + " counterparts", &g.counterparts));
        }
        if (e.HasMember("places")) RETURN_IF_ERROR(ReadSlots(e["places"], where + " places", &g.places));
        g.evidence_begin = g.evidence.empty() ? std::string::npos : art.text.find(g.evidence);
        art.events.push_back(std::move(g));
      }
    }
    if (a.HasMember("entities") && a["entities"].IsArray()) {
      for (const auto& e : a["entities"].GetArray()) {
        GoldEntity g;
        g.name = Str(e, "name");
        g.type = Str(e, "type");
        if (e.HasMember("aliases") && e["aliases"].IsArray()) {
          for (const auto& al : e["aliases"].GetArray()) {
            if (al.IsString()) g.aliases.emplace_back(al.GetString(), al.GetStringLength());
          }
        }
        art.entities.push_back(std::move(g));
      }
    }
    out.push_back(std::move(art));
  }
  return out;
}

// ---- the system under test ----------------------------------------------------

bool IsWordByte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Fills doc->entities from the gold list: every name and alias, found as a
// whole word, longest first, without overlaps.
void AddGoldEntities(const Article& art, Document* doc) {
  struct Hit {
    size_t begin, end;
    size_t entity;
  };
  std::vector<Hit> hits;
  for (size_t e = 0; e < art.entities.size(); ++e) {
    std::vector<std::string> names = art.entities[e].aliases;
    names.push_back(art.entities[e].name);
    for (const std::string& n : names) {
      if (n.empty()) continue;
      for (size_t p = doc->text.find(n); p != std::string::npos; p = doc->text.find(n, p + 1)) {
        size_t end = p + n.size();
        if (p > 0 && IsWordByte(doc->text[p - 1])) continue;
        if (end < doc->text.size() && IsWordByte(doc->text[end])) continue;
        hits.push_back(Hit{p, end, e});
      }
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return a.end - a.begin != b.end - b.begin ? a.end - a.begin > b.end - b.begin : a.begin < b.begin;
  });
  std::vector<Hit> kept;
  for (const Hit& h : hits) {
    bool overlaps = false;
    for (const Hit& k : kept) overlaps |= h.begin < k.end && k.begin < h.end;
    if (!overlaps) kept.push_back(h);
  }
  std::sort(kept.begin(), kept.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  doc->entities.clear();
  std::vector<int> index(art.entities.size(), -1);
  for (const Hit& h : kept) {
    if (index[h.entity] < 0) {
      const GoldEntity& g = art.entities[h.entity];
      Entity ent;
      ent.id = "gold/" + g.name;
      ent.name = g.name;
      ent.type = g.type == "PER" ? EntityType::kPerson : g.type == "LOC" ? EntityType::kPlace : EntityType::kOrganization;
      ent.source = "gold";
      index[h.entity] = static_cast<int>(doc->entities.size());
      doc->entities.push_back(std::move(ent));
    }
    Mention m;
    m.span = Span{static_cast<uint32_t>(h.begin), static_cast<uint32_t>(h.end)};
    auto tok = std::lower_bound(doc->tokens.begin(), doc->tokens.end(), m.span.begin,
                                [](const Token& t, uint32_t v) { return t.span.end <= v; });
    m.sentence = tok != doc->tokens.end() ? tok->sentence : 0;
    m.kind = h.end - h.begin == art.entities[h.entity].name.size() ? MentionKind::kName : MentionKind::kPartialName;
    doc->entities[index[h.entity]].mentions.push_back(m);
  }
  doc->layers |= kLayerEntities;
}

class System {
 public:
  static Result<std::unique_ptr<System>> Create(const Options& o) {
    StageConfig config;
    config.data_dir = o.data_dir;
    auto s = std::unique_ptr<System>(new System());
    s->gold_entities_ = o.gold_entities;
    if (o.gold_entities) {
      ASSIGN_OR_RETURN(s->segmenter_, segment::Segmenter::Create(config));
      ASSIGN_OR_RETURN(s->timex_, timex::TimexTagger::Create(config));
      ASSIGN_OR_RETURN(s->events_, events::EventTagger::Create(config));
    } else {
      ASSIGN_OR_RETURN(s->pipeline_, CreateDefaultPipeline(config));
    }
    ASSIGN_OR_RETURN(events::EventSchema schema, events::EventSchema::Load(config.DataPath("schemas/events.json")));
    s->schema_ = std::make_unique<events::EventSchema>(std::move(schema));
    return s;
  }

  Status Run(const Article& art, Document* doc) const {
    doc->id = art.id;
    doc->published = art.published;
    doc->text = art.text;
    doc->layers = kLayerText;
    if (!gold_entities_) return pipeline_->Process(doc);
    RETURN_IF_ERROR(segmenter_->Process(doc));
    AddGoldEntities(art, doc);
    RETURN_IF_ERROR(timex_->Process(doc));
    return events_->Process(doc);
  }

  const events::EventSchema& schema() const { return *schema_; }
  std::vector<std::string> Explain(const Document& doc) const {
    if (events_ != nullptr) return events_->ExplainMentions(doc);
    for (const auto& s : pipeline_->stages()) {
      if (auto* e = dynamic_cast<const events::EventTagger*>(s.get())) return e->ExplainMentions(doc);
    }
    return {};
  }

 private:
  bool gold_entities_ = false;
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<segment::Segmenter> segmenter_;
  std::unique_ptr<timex::TimexTagger> timex_;
  std::unique_ptr<events::EventTagger> events_;
  std::unique_ptr<events::EventSchema> schema_;
};

// ---- matching ---------------------------------------------------------------

// Every name an entity goes by in this document.
std::set<std::string> NamesOf(const Document& doc, uint32_t entity) {
  std::set<std::string> names;
  const Entity& e = doc.entities[entity];
  names.insert(e.name);
  for (const Mention& m : e.mentions) {
    if (m.kind != MentionKind::kPronoun) names.insert(std::string(doc.Text(m.span)));
  }
  return names;
}

struct Predicted {
  const Event* event = nullptr;
  std::vector<std::set<std::string>> agents;  // names of each agent entity
  std::vector<std::set<std::string>> places;
  bool meeting_like = false;
};

Predicted Describe(const Document& doc, const Event& ev, const events::EventSchema& schema) {
  Predicted p;
  p.event = &ev;
  int t = schema.TypeIndex(ev.type);
  if (t < 0) return p;
  const events::TypeDef& type = schema.types()[t];
  p.meeting_like = type.FirstRole(events::RoleKind::kCounterpart) < 0;
  for (const EventRole& r : ev.roles) {
    int ri = type.RoleIndex(r.name);
    if (ri < 0) continue;
    events::RoleKind kind = type.roles[ri].kind;
    for (uint32_t e : r.entities) {
      if (kind == events::RoleKind::kAgent) p.agents.push_back(NamesOf(doc, e));
      if (kind == events::RoleKind::kPlace) p.places.push_back(NamesOf(doc, e));
    }
  }
  return p;
}

bool SlotsMeet(const Slots& gold, const std::vector<std::set<std::string>>& predicted) {
  for (const auto& names : gold) {
    for (const auto& p : predicted) {
      for (const std::string& n : names) {
        if (p.count(n)) return true;
      }
    }
  }
  return false;
}

bool Matches(const GoldEvent& g, const Predicted& p) {
  if (g.type != p.event->type) return false;
  Slots agents = g.agents;
  if (p.meeting_like) agents.insert(agents.end(), g.counterparts.begin(), g.counterparts.end());
  if (!SlotsMeet(agents, p.agents)) return false;
  return g.places.empty() || SlotsMeet(g.places, p.places);
}

// Minimum-cost assignment of rows to columns (Hungarian algorithm); cost[i][j]
// >= kInvalid means "may not pair". Returns the column of each row or -1.
std::vector<int> Assign(const std::vector<std::vector<double>>& cost, double invalid) {
  const size_t rows = cost.size();
  const size_t cols = rows == 0 ? 0 : cost[0].size();
  const size_t n = std::max(rows, cols);
  if (n == 0) return {};
  std::vector<std::vector<double>> a(n + 1, std::vector<double>(n + 1, invalid));
  for (size_t i = 0; i < rows; ++i) {
    for (size_t j = 0; j < cols; ++j) a[i + 1][j + 1] = cost[i][j];
  }
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1), v(n + 1);
  std::vector<size_t> p(n + 1), way(n + 1);
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, inf);
    std::vector<char> used(n + 1, false);
    do {
      used[j0] = true;
      size_t i0 = p[j0], j1 = 0;
      double delta = inf;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        double cur = a[i0][j] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0);
  }
  std::vector<int> out(rows, -1);
  for (size_t j = 1; j <= n; ++j) {
    if (p[j] >= 1 && p[j] <= rows && j <= cols && a[p[j]][j] < invalid) out[p[j] - 1] = static_cast<int>(j - 1);
  }
  return out;
}

// ---- reporting --------------------------------------------------------------

std::string Join(const Slots& s) {
  std::string out = "[";
  for (size_t i = 0; i < s.size(); ++i) {
    if (i) out += "; ";
    out += s[i].empty() ? "" : s[i][0];
  }
  return out + "]";
}

std::string RolesText(const Document& doc, const Event& ev) {
  std::string out;
  for (const EventRole& r : ev.roles) {
    if (!out.empty()) out += " ";
    out += r.name + "=[";
    for (size_t i = 0; i < r.entities.size(); ++i) {
      if (i) out += "; ";
      out += doc.entities[r.entities[i]].name;
    }
    out += "]";
  }
  return out;
}

std::string Clip(std::string_view s, size_t n = 110) {
  std::string out(s.substr(0, std::min(n, s.size())));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return s.size() > n ? out + "..." : out;
}

std::string EventLine(const Document& doc, const Event& ev) {
  return ev.type + " " + std::string(EventStatusName(ev.status)) + " " + (ev.date.empty() ? "null" : ev.date) + " " +
         RolesText(doc, ev) + " <" + std::string(doc.Text(ev.trigger)) + "> " + ev.rule + " " +
         std::to_string(ev.confidence).substr(0, 4) + " | " + Clip(doc.Text(ev.sentence));
}

struct Counts {
  int gold = 0, pred = 0, tp = 0, fp = 0, fn = 0;
};

void PrintRow(const char* name, const Counts& c) {
  double p = c.tp + c.fp ? static_cast<double>(c.tp) / (c.tp + c.fp) : 0;
  double r = c.tp + c.fn ? static_cast<double>(c.tp) / (c.tp + c.fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  std::printf("%-11s %5d %5d %5d %5d %5d  %6.3f %6.3f %6.3f\n", name, c.gold, c.pred, c.tp, c.fp, c.fn, p, r, f);
}

int PrintText(const Options& o) {
  auto sys = System::Create(o);
  if (!sys.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", sys.status().ToString().c_str());
    return 1;
  }
  auto text = ReadFile(o.text_file);
  if (!text.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", text.status().ToString().c_str());
    return 1;
  }
  Article art;
  art.id = o.text_file.substr(o.text_file.find_last_of('/') + 1);
  art.published = o.date;
  art.text = *text;
  Document doc;
  Status st = (*sys)->Run(art, &doc);
  if (!st.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", st.ToString().c_str());
    return 1;
  }
  if (o.mentions) {
    for (const std::string& line : (*sys)->Explain(doc)) std::printf("mention %s\n", line.c_str());
  }
  for (const Event& ev : doc.events) {
    std::printf("%s  %s\n", ev.id.c_str(), EventLine(doc, ev).c_str());
    for (const Evidence& e : ev.more_evidence) std::printf("      also <%s>\n", std::string(doc.Text(e.trigger)).c_str());
  }
  return 0;
}

int Main(int argc, char** argv) {
  auto opts = ParseArgs(argc, argv);
  if (!opts.ok()) {
    std::fprintf(stderr, "eval_events: %s", opts.status().message().c_str());
    return 1;
  }
  const Options& o = *opts;
  if (o.help) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!o.text_file.empty()) return PrintText(o);
  auto articles = LoadArticles(o.file);
  if (!articles.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", articles.status().ToString().c_str());
    return 1;
  }
  auto sys = System::Create(o);
  if (!sys.ok()) {
    std::fprintf(stderr, "eval_events: %s\n", sys.status().ToString().c_str());
    return 1;
  }

  std::map<std::string, Counts> by_type;
  Counts all;
  int matched = 0, date_ok = 0, status_ok = 0, optional_matched = 0, required = 0, optional = 0, docs = 0;
  std::vector<std::string> misses, false_alarms, wrong_dates, wrong_status;
  for (const Article& art : *articles) {
    if (!o.only.empty() && !o.only.count(art.id)) continue;
    ++docs;
    Document doc;
    Status st = (*sys)->Run(art, &doc);
    if (!st.ok()) {
      std::fprintf(stderr, "eval_events: %s: %s\n", art.id.c_str(), st.ToString().c_str());
      return 1;
    }
    std::vector<Predicted> preds;
    for (const Event& ev : doc.events) preds.push_back(Describe(doc, ev, (*sys)->schema()));
    const double kInvalid = 1e6;
    std::vector<std::vector<double>> cost(art.events.size(), std::vector<double>(preds.size(), kInvalid));
    for (size_t g = 0; g < art.events.size(); ++g) {
      const GoldEvent& ge = art.events[g];
      for (size_t p = 0; p < preds.size(); ++p) {
        if (!Matches(ge, preds[p])) continue;
        const Event& ev = *preds[p].event;
        double score = 10.0 + (ge.required ? 5.0 : 0.0);
        if (ev.date == ge.date) score += 1;
        if (EventStatusName(ev.status) == ge.status) score += 1;
        if (ge.evidence_begin != std::string::npos) {
          Span ev_span{static_cast<uint32_t>(ge.evidence_begin),
                       static_cast<uint32_t>(ge.evidence_begin + ge.evidence.size())};
          if (ev.sentence.Overlaps(ev_span)) score += 0.5;
        }
        cost[g][p] = -score;
      }
    }
    std::vector<int> assign = Assign(cost, kInvalid);
    std::vector<int> pred_gold(preds.size(), -1);
    for (size_t g = 0; g < assign.size(); ++g) {
      if (assign[g] >= 0) pred_gold[assign[g]] = static_cast<int>(g);
    }
    if (o.verbose) std::printf("=== %s (published %s)\n", art.id.c_str(), art.published.c_str());
    if (o.entities) {
      for (const Entity& e : doc.entities) {
        std::printf("  entity %s %s/%s %s:", e.name.c_str(), std::string(EntityTypeName(e.type)).c_str(),
                    e.subtype.c_str(), e.country.c_str());
        for (const Mention& m : e.mentions) std::printf(" \"%s\"", std::string(doc.Text(m.span)).c_str());
        std::printf("\n");
      }
    }
    if (o.mentions) {
      for (const std::string& line : (*sys)->Explain(doc)) std::printf("  mention %s\n", line.c_str());
    }
    for (size_t g = 0; g < art.events.size(); ++g) {
      const GoldEvent& ge = art.events[g];
      std::string gold_line = art.id + " " + ge.type + " " + ge.status + " " + (ge.date.empty() ? "null" : ge.date) +
                              " " + Join(ge.agents) + (ge.counterparts.empty() ? "" : " with " + Join(ge.counterparts)) +
                              " @ " + Join(ge.places) + " | " + Clip(ge.evidence, 90);
      if (!ge.required) {
        ++optional;
        if (assign[g] >= 0) ++optional_matched;
        if (o.verbose) std::printf("  gold(optional) %s -> %s\n", gold_line.c_str(), assign[g] >= 0 ? "matched" : "-");
        continue;
      }
      ++required;
      Counts& c = by_type[ge.type];
      ++c.gold;
      ++all.gold;
      if (assign[g] < 0) {
        ++c.fn;
        ++all.fn;
        misses.push_back(gold_line);
        if (o.verbose) std::printf("  MISS %s\n", gold_line.c_str());
        continue;
      }
      const Event& ev = *preds[assign[g]].event;
      ++c.tp;
      ++all.tp;
      ++matched;
      std::string got_date = ev.date.empty() ? "null" : ev.date;
      std::string gold_date = ge.date.empty() ? "null" : ge.date;
      if (ev.date == ge.date) ++date_ok;
      else wrong_dates.push_back(art.id + " " + ge.type + ": gold " + gold_date + ", got " + got_date + " | " + Clip(ge.evidence, 90));
      if (EventStatusName(ev.status) == ge.status) ++status_ok;
      else wrong_status.push_back(art.id + " " + ge.type + ": gold " + ge.status + ", got " +
                                  std::string(EventStatusName(ev.status)) + " | " + Clip(ge.evidence, 90));
      if (o.verbose) std::printf("  ok   %s\n       -> %s\n", gold_line.c_str(), EventLine(doc, ev).c_str());
    }
    for (size_t p = 0; p < preds.size(); ++p) {
      const Event& ev = *preds[p].event;
      if (pred_gold[p] >= 0 && !art.events[pred_gold[p]].required) continue;
      Counts& c = by_type[ev.type];
      ++c.pred;
      ++all.pred;
      if (pred_gold[p] < 0) {
        ++c.fp;
        ++all.fp;
        false_alarms.push_back(art.id + " " + EventLine(doc, ev));
        if (o.verbose) std::printf("  FALSE %s\n", EventLine(doc, ev).c_str());
      }
    }
  }

  std::printf("%s: %d articles, %d required gold events (+%d optional, %d of them matched)\n\n", o.file.c_str(), docs,
              required, optional, optional_matched);
  std::printf("%-11s %5s %5s %5s %5s %5s  %6s %6s %6s\n", "type", "gold", "pred", "tp", "fp", "fn", "P", "R", "F1");
  for (const auto& [type, c] : by_type) PrintRow(type.c_str(), c);
  PrintRow("all", all);
  std::printf("\ndate accuracy   %3d/%-3d = %.3f   (matched required events; exact value, null = null)\n", date_ok,
              matched, matched ? static_cast<double>(date_ok) / matched : 0.0);
  std::printf("status accuracy %3d/%-3d = %.3f\n", status_ok, matched, matched ? static_cast<double>(status_ok) / matched : 0.0);
  auto list = [](const char* title, const std::vector<std::string>& items) {
    std::printf("\n%s (%zu)\n", title, items.size());
    for (const std::string& s : items) std::printf("  %s\n", s.c_str());
  };
  list("misses", misses);
  list("false alarms", false_alarms);
  list("wrong dates", wrong_dates);
  list("wrong statuses", wrong_status);
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) { return newsgraph::Main(argc, argv); }
