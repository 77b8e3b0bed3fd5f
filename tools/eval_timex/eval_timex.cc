// eval_timex: scores the time stage against TimeML gold, and shows what it
// finds in a text or in annotated event articles.
//
//   eval_timex [--errors|--all] [--by-rule] FOLDER
//                                          every *.tml under FOLDER: the <DCT> is the
//                                          publication date, the <TEXT> the document;
//                                          prints the TempEval-3 table (--errors: each
//                                          miss, false alarm and wrong value; --all: and
//                                          each right one, as OK; --by-rule:
//                                          what each rule found)
//   eval_timex --text FILE [--date D]     the timexes of a plain-text file
//   eval_timex --events ARTICLES.json     for each dated gold event, whether a timex
//                                          of its sentence carries the gold date
//   common: --data-dir DIR (rules; default: $NEWSGRAPH_DATA or the source tree)
//
// Scores follow TempEval-3 (UzZaman et al. 2013). A system and a gold
// timex match strictly when their extents are equal and relaxedly when
// they overlap; each system timex is paired with at most one gold timex
// (the one it overlaps most). Extent P = matched system / all system,
// R = matched gold / all gold. Type and value: a relaxed pair counts when
// the attribute is equal; P = correct / all system, R = correct / all
// gold, so missed and spurious timexes lower them too.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <rapidjson/document.h>

#include "extractor/core/civil_date.h"
#include "extractor/core/tsv_reader.h"
#include "extractor/pipeline/default_pipeline.h"

namespace newsgraph {
namespace {

struct GoldTimex {
  Span span;
  std::string type;
  std::string value;
};

struct TmlDocument {
  std::string path;
  std::string dct;  // YYYY-MM-DD or empty
  std::string text;
  std::vector<GoldTimex> gold;
};

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool IsElement(xmlNode* n, const char* name) {
  return n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// Appends the text under `node` to doc->text, recording TIMEX3 extents.
void CollectText(xmlNode* node, TmlDocument* doc) {
  for (xmlNode* n = node->children; n != nullptr; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content != nullptr) doc->text += reinterpret_cast<const char*>(n->content);
    } else if (n->type == XML_ELEMENT_NODE) {
      if (IsElement(n, "TIMEX3")) {
        GoldTimex g;
        g.span.begin = static_cast<uint32_t>(doc->text.size());
        CollectText(n, doc);
        g.span.end = static_cast<uint32_t>(doc->text.size());
        g.type = Attr(n, "type");
        g.value = Attr(n, "value");
        doc->gold.push_back(std::move(g));
      } else {
        CollectText(n, doc);
      }
    }
  }
}

xmlNode* FindElement(xmlNode* node, const char* name) {
  for (xmlNode* n = node; n != nullptr; n = n->next) {
    if (IsElement(n, name)) return n;
    if (n->type == XML_ELEMENT_NODE) {
      if (xmlNode* found = FindElement(n->children, name)) return found;
    }
  }
  return nullptr;
}

Result<TmlDocument> ReadTml(const std::string& path) {
  xmlDoc* xml = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (xml == nullptr) return InvalidArgument(path + ": not well-formed XML");
  TmlDocument doc;
  doc.path = path;
  xmlNode* root = xmlDocGetRootElement(xml);
  if (xmlNode* dct = FindElement(root, "DCT")) {
    if (xmlNode* t = FindElement(dct->children, "TIMEX3")) {
      std::string v = Attr(t, "value").substr(0, 10);
      if (ParseIsoDate(v)) doc.dct = v;
    }
  }
  xmlNode* text = FindElement(root, "TEXT");
  if (text == nullptr) {
    xmlFreeDoc(xml);
    return InvalidArgument(path + ": no <TEXT>");
  }
  CollectText(text, &doc);
  xmlFreeDoc(xml);
  return doc;
}

struct RuleCounts {
  size_t found = 0, unmatched = 0, strict = 0, value_ok = 0;
};

struct Counts {
  size_t gold = 0, system = 0;
  size_t strict = 0, relaxed_system = 0, relaxed_gold = 0;
  size_t pairs = 0, type_ok = 0, value_ok = 0;
  std::map<std::string, RuleCounts> by_rule;
};

struct Prf {
  double p, r, f;
};
Prf Score(size_t hit_p, size_t all_p, size_t hit_r, size_t all_r) {
  double p = all_p ? static_cast<double>(hit_p) / all_p : 0;
  double r = all_r ? static_cast<double>(hit_r) / all_r : 0;
  return {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
}

std::string Context(const std::string& text, Span s) {
  size_t b = s.begin > 40 ? s.begin - 40 : 0;
  size_t e = std::min<size_t>(text.size(), s.end + 40);
  std::string out = text.substr(b, s.begin - b) + "[" + text.substr(s.begin, s.end - s.begin) + "]" +
                    text.substr(s.end, e - s.end);
  for (char& c : out) {
    if (c == '\n' || c == '\t') c = ' ';
  }
  return out;
}

// Scores one document into *c; prints its errors when `errors`, and its
// right timexes too when `all` (to see what a change would break).
void ScoreDocument(const TmlDocument& tml, const Document& doc, bool errors, bool all, Counts* c) {
  const auto& sys = doc.timexes;
  const auto& gold = tml.gold;
  c->gold += gold.size();
  c->system += sys.size();
  std::vector<int> gold_pair(gold.size(), -1);
  std::vector<int> sys_pair(sys.size(), -1);
  for (size_t i = 0; i < sys.size(); ++i) {
    int best = -1;
    uint32_t best_overlap = 0;
    for (size_t j = 0; j < gold.size(); ++j) {
      if (gold_pair[j] >= 0 || !sys[i].span.Overlaps(gold[j].span)) continue;
      uint32_t overlap = std::min(sys[i].span.end, gold[j].span.end) - std::max(sys[i].span.begin, gold[j].span.begin);
      if (overlap > best_overlap) {
        best_overlap = overlap;
        best = static_cast<int>(j);
      }
    }
    if (best >= 0) {
      sys_pair[i] = best;
      gold_pair[best] = static_cast<int>(i);
    }
  }
  const char* name = tml.path.c_str();
  if (const char* slash = std::strrchr(name, '/')) name = slash + 1;
  for (size_t i = 0; i < sys.size(); ++i) {
    const Timex& s = sys[i];
    std::string_view type = TimexTypeName(s.type);
    RuleCounts& rc = c->by_rule[s.rule];
    ++rc.found;
    if (sys_pair[i] < 0) {
      ++rc.unmatched;
      if (errors) {
        std::printf("FALSE\t%s\t%s\t%.*s\t%s\t%s\t%s\n", name, tml.dct.c_str(), static_cast<int>(type.size()),
                    type.data(), s.value.c_str(), s.rule.c_str(), Context(doc.text, s.span).c_str());
      }
      continue;
    }
    const GoldTimex& g = gold[sys_pair[i]];
    ++c->pairs;
    ++c->relaxed_system;
    ++c->relaxed_gold;
    bool strict = g.span == s.span;
    bool type_ok = g.type == type;
    bool value_ok = g.value == s.value;
    c->strict += strict;
    c->type_ok += type_ok;
    c->value_ok += value_ok;
    rc.strict += strict;
    rc.value_ok += value_ok;
    if (errors && (all || !strict || !type_ok || !value_ok)) {
      std::string kind = !strict ? "EXTENT" : !value_ok ? "VALUE" : !type_ok ? "TYPE" : "OK";
      std::printf("%s\t%s\t%s\tgold %s %s [%s]\tsys %.*s %s [%s]\t%s\t%s\n", kind.c_str(), name, tml.dct.c_str(),
                  g.type.c_str(), g.value.c_str(), doc.text.substr(g.span.begin, g.span.size()).c_str(),
                  static_cast<int>(type.size()), type.data(), s.value.c_str(),
                  doc.text.substr(s.span.begin, s.span.size()).c_str(), s.rule.c_str(),
                  Context(doc.text, g.span).c_str());
    }
  }
  for (size_t j = 0; j < gold.size(); ++j) {
    if (gold_pair[j] >= 0) continue;
    if (errors) {
      std::printf("MISS\t%s\t%s\t%s\t%s\t%s\n", name, tml.dct.c_str(), gold[j].type.c_str(), gold[j].value.c_str(),
                  Context(doc.text, gold[j].span).c_str());
    }
  }
}

int EvaluateFolder(const Pipeline& pipeline, const std::string& folder, bool errors, bool all, bool by_rule) {
  namespace fs = std::filesystem;
  std::vector<std::string> paths;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(folder, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".tml") paths.push_back(it->path().string());
  }
  if (ec) {
    std::fprintf(stderr, "eval_timex: %s: %s\n", folder.c_str(), ec.message().c_str());
    return 1;
  }
  if (paths.empty()) {
    std::fprintf(stderr, "eval_timex: no .tml files under %s\n", folder.c_str());
    return 1;
  }
  std::sort(paths.begin(), paths.end());
  Counts c;
  size_t bytes = 0;
  for (const std::string& path : paths) {
    auto tml = ReadTml(path);
    if (!tml.ok()) {
      std::fprintf(stderr, "eval_timex: %s\n", tml.status().ToString().c_str());
      return 1;
    }
    Document doc;
    doc.id = path;
    doc.text = tml->text;
    doc.published = tml->dct;
    doc.layers = kLayerText;
    if (Status s = pipeline.Process(&doc); !s.ok()) {
      std::fprintf(stderr, "eval_timex: %s: %s\n", path.c_str(), s.ToString().c_str());
      return 1;
    }
    bytes += doc.text.size();
    ScoreDocument(*tml, doc, errors, all, &c);
  }
  Prf strict = Score(c.strict, c.system, c.strict, c.gold);
  Prf relaxed = Score(c.relaxed_system, c.system, c.relaxed_gold, c.gold);
  Prf type = Score(c.type_ok, c.system, c.type_ok, c.gold);
  Prf value = Score(c.value_ok, c.system, c.value_ok, c.gold);
  std::printf("%zu documents, %zu bytes of text, %zu gold timexes, %zu system timexes\n\n", paths.size(), bytes,
              c.gold, c.system);
  std::printf("| measure | P | R | F1 | accuracy on relaxed matches |\n|---|---|---|---|---|\n");
  std::printf("| strict extent | %.4f | %.4f | %.4f | |\n", strict.p, strict.r, strict.f);
  std::printf("| relaxed extent | %.4f | %.4f | %.4f | |\n", relaxed.p, relaxed.r, relaxed.f);
  std::printf("| type | %.4f | %.4f | %.4f | %.4f |\n", type.p, type.r, type.f,
              c.pairs ? static_cast<double>(c.type_ok) / c.pairs : 0);
  std::printf("| value | %.4f | %.4f | %.4f | %.4f |\n", value.p, value.r, value.f,
              c.pairs ? static_cast<double>(c.value_ok) / c.pairs : 0);
  if (by_rule) {
    std::printf("\n| rule | found | no gold overlap | exact extent | right value |\n|---|---|---|---|---|\n");
    for (const auto& [rule, rc] : c.by_rule) {
      std::printf("| %s | %zu | %zu | %zu | %zu |\n", rule.c_str(), rc.found, rc.unmatched, rc.strict, rc.value_ok);
    }
  }
  return 0;
}

void PrintTimexes(const Document& doc) {
  for (size_t i = 0; i < doc.timexes.size(); ++i) {
    const Timex& t = doc.timexes[i];
    static constexpr const char* kAnchors[] = {"none", "publication", "previous"};
    std::string_view type = TimexTypeName(t.type);
    std::printf("%u\t%u\t%s\t%.*s\t%s\t%s\t%s\t%s\t%s\n", t.span.begin, t.span.end,
                std::string(doc.Text(t.span)).c_str(), static_cast<int>(type.size()), type.data(),
                t.resolved ? t.value.c_str() : "(unresolved)", t.date.empty() ? "-" : t.date.c_str(),
                t.mod.empty() ? "-" : t.mod.c_str(), kAnchors[static_cast<int>(t.anchor)], t.rule.c_str());
  }
}

int ShowText(const Pipeline& pipeline, const std::string& path, const std::string& date) {
  auto text = ReadFile(path);
  if (!text.ok()) {
    std::fprintf(stderr, "eval_timex: %s\n", text.status().ToString().c_str());
    return 1;
  }
  Document doc;
  doc.text = std::move(*text);
  doc.published = date;
  doc.layers = kLayerText;
  if (Status s = pipeline.Process(&doc); !s.ok()) {
    std::fprintf(stderr, "eval_timex: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("start\tend\ttext\ttype\tvalue\tdate\tmod\tanchor\trule\n");
  PrintTimexes(doc);
  return 0;
}

// For every gold event with a date: is that date the `date` of a timex in
// the sentence(s) of its evidence?
int CheckEvents(const Pipeline& pipeline, const std::string& path) {
  auto json = ReadFile(path);
  if (!json.ok()) {
    std::fprintf(stderr, "eval_timex: %s\n", json.status().ToString().c_str());
    return 1;
  }
  rapidjson::Document d;
  d.Parse(json->c_str());
  if (d.HasParseError() || !d.IsArray()) {
    std::fprintf(stderr, "eval_timex: %s: not a JSON array of articles\n", path.c_str());
    return 1;
  }
  size_t dated = 0, found = 0;
  for (const auto& a : d.GetArray()) {
    if (!a.IsObject() || !a.HasMember("text") || !a.HasMember("events")) continue;
    Document doc;
    doc.id = a.HasMember("id") ? a["id"].GetString() : "";
    doc.text = a["text"].GetString();
    doc.published = a.HasMember("published") && a["published"].IsString() ? a["published"].GetString() : "";
    doc.layers = kLayerText;
    if (Status s = pipeline.Process(&doc); !s.ok()) {
      std::fprintf(stderr, "eval_timex: %s: %s\n", doc.id.c_str(), s.ToString().c_str());
      return 1;
    }
    for (const auto& e : a["events"].GetArray()) {
      if (!e.HasMember("date") || !e["date"].IsString()) continue;
      std::string gold = e["date"].GetString();
      std::string evidence = e["evidence"].GetString();
      size_t at = doc.text.find(evidence);
      ++dated;
      std::vector<std::string> candidates;
      if (at != std::string::npos) {
        Span ev{static_cast<uint32_t>(at), static_cast<uint32_t>(at + evidence.size())};
        for (const Timex& t : doc.timexes) {
          const Sentence& s = doc.sentences[t.sentence];
          if (s.span.Overlaps(ev)) candidates.push_back(std::string(doc.Text(t.span)) + "=" + (t.date.empty() ? t.value : t.date));
        }
        bool ok = false;
        for (const Timex& t : doc.timexes) {
          if (doc.sentences[t.sentence].span.Overlaps(ev) && t.date == gold) ok = true;
        }
        found += ok;
        if (ok) continue;
      }
      std::string list;
      for (const std::string& c : candidates) list += (list.empty() ? "" : "; ") + c;
      std::printf("%s\t%s\tgold %s\tsentence timexes: %s\t| %.80s\n", doc.id.c_str(), doc.published.c_str(),
                  gold.c_str(), list.empty() ? "(none)" : list.c_str(), evidence.c_str());
    }
  }
  std::printf("\n%zu dated events; the gold date is the date of a timex in the event's sentence for %zu (%.1f%%)\n",
              dated, found, dated ? 100.0 * found / dated : 0.0);
  return 0;
}

int Main(int argc, char** argv) {
  std::string data_dir = DefaultDataDir(), text_file, events_file, date, folder;
  bool errors = false, all = false, by_rule = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
    if (a == "--errors") errors = true;
    else if (a == "--all") errors = all = true;
    else if (a == "--by-rule") by_rule = true;
    else if (a == "--data-dir") data_dir = next();
    else if (a == "--text") text_file = next();
    else if (a == "--events") events_file = next();
    else if (a == "--date") date = next();
    else if (a == "-h" || a == "--help") folder.clear(), argc = 0;
    else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "eval_timex: unknown option %s\n", a.c_str());
      return 2;
    } else {
      folder = a;
    }
  }
  if (folder.empty() && text_file.empty() && events_file.empty()) {
    std::fprintf(stderr,
                 "usage: eval_timex [--data-dir DIR] [--errors|--all] [--by-rule] FOLDER_OF_TML\n"
                 "       eval_timex [--data-dir DIR] --text FILE [--date YYYY-MM-DD]\n"
                 "       eval_timex [--data-dir DIR] --events ARTICLES.json\n");
    return 2;
  }
  StageConfig config;
  config.data_dir = data_dir;
  auto pipeline = CreateDefaultPipeline(config, PipelineDepth::kTimexes);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "eval_timex: %s\n", pipeline.status().ToString().c_str());
    return 1;
  }
  if (!text_file.empty()) return ShowText(**pipeline, text_file, date);
  if (!events_file.empty()) return CheckEvents(**pipeline, events_file);
  return EvaluateFolder(**pipeline, folder, errors, all, by_rule);
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) {
  xmlInitParser();
  int rc = newsgraph::Main(argc, argv);
  xmlCleanupParser();
  return rc;
}
