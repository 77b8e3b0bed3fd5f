// Measures the entity stage against gold-annotated corpora.
//
//   eval_ner conll    ../shared/data/conll2003/dev.txt            P/R/F1 for PER, LOC, ORG, exact spans
//   eval_ner meantime ../shared/data/meantime                      named PER/LOC/ORG mentions (NAM, PRE.NAM)
//   eval_ner events   ../shared/data/events-dev/articles.json      entity names found per article
//   eval_ner show     FILE.txt                                     entities and mentions of a text file
// Options: --data-dir DIR (default: the source tree), --gazetteer FILE (repeatable),
//          --errors N (print up to N false positives and misses), --only-gazetteers FILE,...
//
// Scoring: a predicted mention (name or partial name; descriptions and
// pronouns are not names) is correct when its byte span and type equal a
// gold mention's. CoNLL: MISC is left out, and a prediction that overlaps a
// gold MISC span is not counted. MEANTIME: a gold mention is named when its
// syntactic_type is NAM or PRE.NAM and the entity it refers to is PER, LOC or
// ORG; the text is rebuilt from the tokens, one space apart, and only the
// sentences up to the last one with an annotated mention are scored
// (MEANTIME annotates the first sentences of each article).
#include <rapidjson/document.h>

#include <algorithm>
#include <cstdint>
#include <chrono>
#include <cstdlib>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "extractor/core/tsv_reader.h"
#include "extractor/ner/entity_tagger.h"
#include "extractor/segment/segmenter.h"

namespace newsgraph {
namespace {

struct GoldSpan {
  uint32_t begin, end;
  std::string type;  // PER, LOC, ORG, MISC
};

struct Counts {
  long tp = 0, fp = 0, fn = 0;
  double P() const { return tp + fp ? static_cast<double>(tp) / (tp + fp) : 0; }
  double R() const { return tp + fn ? static_cast<double>(tp) / (tp + fn) : 0; }
  double F() const { return P() + R() > 0 ? 2 * P() * R() / (P() + R()) : 0; }
};

std::string TypeCode(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "PER";
    case EntityType::kPlace: return "LOC";
    case EntityType::kOrganization: return "ORG";
  }
  return "?";
}

// The P/R/F1 table of PER, LOC, ORG and overall, after a title line.
void PrintTable(const std::string& title, const std::map<std::string, Counts>& by_type) {
  std::printf("%s\n\n| type | gold | predicted | correct | P | R | F1 |\n|---|---|---|---|---|---|---|\n",
              title.c_str());
  Counts all;
  for (const char* t : {"PER", "LOC", "ORG"}) {
    auto it = by_type.find(t);
    Counts c = it == by_type.end() ? Counts() : it->second;
    all.tp += c.tp;
    all.fp += c.fp;
    all.fn += c.fn;
    std::printf("| %s | %ld | %ld | %ld | %.3f | %.3f | %.3f |\n", t, c.tp + c.fn, c.tp + c.fp, c.tp, c.P(), c.R(),
                c.F());
  }
  std::printf("| overall | %ld | %ld | %ld | %.3f | %.3f | %.3f |\n", all.tp + all.fn, all.tp + all.fp, all.tp,
              all.P(), all.R(), all.F());
}

struct Options {
  StageConfig config;
  int errors = 0;
};

class Evaluator {
 public:
  Status Init(const Options& o) {
    options_ = o;
    ASSIGN_OR_RETURN(segmenter_, segment::Segmenter::Create(o.config));
    auto start = std::chrono::steady_clock::now();
    ASSIGN_OR_RETURN(tagger_, ner::EntityTagger::Create(o.config));
    load_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return Status::Ok();
  }

  Status Run(Document* doc) {
    RETURN_IF_ERROR(segmenter_->Process(doc));
    return tagger_->Process(doc);
  }

  // Scores one document's predictions against its gold spans.
  // Only predictions that start before `limit` (bytes) count.
  void Score(const Document& doc, const std::vector<GoldSpan>& gold, size_t limit = SIZE_MAX) {
    std::set<std::tuple<uint32_t, uint32_t, std::string>> gold_set, pred_set;
    std::vector<GoldSpan> misc;
    for (const GoldSpan& g : gold) {
      if (g.type == "MISC") misc.push_back(g);
      else gold_set.emplace(g.begin, g.end, g.type);
    }
    for (const Entity& e : doc.entities) {
      for (const Mention& m : e.mentions) {
        if (m.kind != MentionKind::kName && m.kind != MentionKind::kPartialName) continue;
        if (m.span.begin >= limit) continue;
        bool overlaps_misc = false;
        for (const GoldSpan& g : misc) overlaps_misc |= m.span.begin < g.end && g.begin < m.span.end;
        if (overlaps_misc) continue;
        pred_set.emplace(m.span.begin, m.span.end, TypeCode(e.type));
      }
    }
    for (const auto& p : pred_set) {
      const std::string& type = std::get<2>(p);
      if (gold_set.count(p)) {
        ++by_type_[type].tp;
      } else {
        ++by_type_[type].fp;
        Note("FP", doc, p, gold_set);
      }
    }
    for (const auto& g : gold_set) {
      if (!pred_set.count(g)) {
        ++by_type_[std::get<2>(g)].fn;
        Note("FN", doc, g, pred_set);
      }
    }
  }

  void Print(const char* title) const {
    PrintTable(title, by_type_);
    std::printf("\nentity stage start-up: %.1f ms\n", load_ms_);
  }

  const ner::EntityTagger& tagger() const { return *tagger_; }

 private:
  void Note(const char* what, const Document& doc, const std::tuple<uint32_t, uint32_t, std::string>& s,
            const std::set<std::tuple<uint32_t, uint32_t, std::string>>& other) {
    if (printed_ >= options_.errors) return;
    ++printed_;
    uint32_t b = std::get<0>(s), e = std::get<1>(s);
    std::string other_note;
    for (const auto& o : other) {
      if (std::get<0>(o) < e && b < std::get<1>(o)) {
        other_note += " | other: " + doc.text.substr(std::get<0>(o), std::get<1>(o) - std::get<0>(o)) + "/" +
                      std::get<2>(o);
      }
    }
    size_t cb = b > 40 ? b - 40 : 0;
    std::string context = doc.text.substr(cb, std::min<size_t>(e + 40, doc.text.size()) - cb);
    for (char& c : context) {
      if (c == '\n') c = ' ';
    }
    std::printf("%s %s [%s]%s  ... %s ...\n", what, std::get<2>(s).c_str(), doc.text.substr(b, e - b).c_str(),
                other_note.c_str(), context.c_str());
  }

  Options options_;
  std::unique_ptr<segment::Segmenter> segmenter_;
  std::unique_ptr<ner::EntityTagger> tagger_;
  std::map<std::string, Counts> by_type_;
  double load_ms_ = 0;
  int printed_ = 0;
};

// --- CoNLL-2003 ----------------------------------------------------------------

Status EvalConll(Evaluator* ev, const std::string& path) {
  ASSIGN_OR_RETURN(std::string content, ReadFile(path));
  Document doc;
  std::vector<GoldSpan> gold;
  std::string cur_type;
  uint32_t cur_begin = 0, cur_end = 0;
  bool in_sentence = false;
  auto close_entity = [&]() {
    if (!cur_type.empty()) gold.push_back({cur_begin, cur_end, cur_type});
    cur_type.clear();
  };
  int docs = 0;
  auto flush_doc = [&]() -> Status {
    close_entity();
    if (!doc.text.empty()) {
      RETURN_IF_ERROR(ev->Run(&doc));
      ev->Score(doc, gold);
      ++docs;
    }
    doc = Document();
    gold.clear();
    in_sentence = false;
    return Status::Ok();
  };
  // The format opens the file, and each document, with a marker line
  // followed by a blank line; it is taken from the file rather than spelled
  // out here. A file that opens with a sentence has no marker: one document.
  std::string_view doc_marker;
  if (size_t first = content.find('\n'); first != std::string::npos && content.compare(first, 2, "\n\n") == 0) {
    doc_marker = std::string_view(content.data(), first);
  }
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string_view line(content.data() + pos, nl - pos);
    pos = nl + 1;
    if (!doc_marker.empty() && line == doc_marker) {
      RETURN_IF_ERROR(flush_doc());
      continue;
    }
    if (line.empty()) {
      close_entity();
      if (in_sentence) doc.text += "\n\n";
      in_sentence = false;
      continue;
    }
    size_t sp1 = line.find(' ');
    size_t sp_last = line.rfind(' ');
    std::string_view word = line.substr(0, sp1);
    std::string_view tag = line.substr(sp_last + 1);
    if (in_sentence) doc.text += ' ';
    in_sentence = true;
    uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += word;
    uint32_t e = static_cast<uint32_t>(doc.text.size());
    if (tag == "O") {
      close_entity();
      continue;
    }
    std::string type(tag.substr(2));
    if (tag[0] == 'B' || type != cur_type) {
      close_entity();
      cur_type = type;
      cur_begin = b;
    }
    cur_end = e;
  }
  RETURN_IF_ERROR(flush_doc());
  ev->Print(("CoNLL-2003 " + path + " (" + std::to_string(docs) + " documents; MISC left out)").c_str());
  return Status::Ok();
}

// --- MEANTIME ------------------------------------------------------------------

std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    size_t semi = s.find(';', i);
    std::string_view ent = s.substr(i, semi - i + 1);
    if (ent == "&amp;") out += '&';
    else if (ent == "&lt;") out += '<';
    else if (ent == "&gt;") out += '>';
    else if (ent == "&quot;") out += '"';
    else if (ent == "&apos;") out += '\'';
    else { out += s[i]; continue; }
    i = semi;
  }
  return out;
}

std::string Attr(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t p = tag.find(key);
  if (p == std::string_view::npos) return {};
  p += key.size();
  size_t q = tag.find('"', p);
  return std::string(tag.substr(p, q - p));
}

Status EvalMeantimeFile(Evaluator* ev, const std::string& path) {
  ASSIGN_OR_RETURN(std::string xml, ReadFile(path));
  Document doc;
  std::map<std::string, std::pair<uint32_t, uint32_t>> token_span;  // t_id -> bytes
  int last_sentence = -1;
  size_t pos = 0;
  while ((pos = xml.find("<token ", pos)) != std::string::npos) {
    size_t close = xml.find('>', pos);
    size_t end = xml.find("</token>", close);
    std::string_view tag(xml.data() + pos, close - pos);
    int sentence = std::stoi(Attr(tag, "sentence"));
    if (last_sentence >= 0) doc.text += sentence != last_sentence ? "\n\n" : " ";
    last_sentence = sentence;
    uint32_t b = static_cast<uint32_t>(doc.text.size());
    doc.text += Unescape(std::string_view(xml.data() + close + 1, end - close - 1));
    token_span[Attr(tag, "t_id")] = {b, static_cast<uint32_t>(doc.text.size())};
    pos = end;
  }
  // Mentions: m_id -> (syntactic_type, first and last token).
  struct M {
    std::string syntactic;
    uint32_t begin = UINT32_MAX, end = 0;
  };
  std::map<std::string, M> mentions;
  pos = 0;
  while ((pos = xml.find("<ENTITY_MENTION ", pos)) != std::string::npos) {
    size_t close = xml.find('>', pos);
    size_t end = xml.find("</ENTITY_MENTION>", close);
    std::string_view tag(xml.data() + pos, close - pos);
    M m;
    m.syntactic = Attr(tag, "syntactic_type");
    size_t a = close;
    while ((a = xml.find("t_id=\"", a)) != std::string::npos && a < end) {
      a += 6;
      std::string id = xml.substr(a, xml.find('"', a) - a);
      auto it = token_span.find(id);
      if (it != token_span.end()) {
        m.begin = std::min(m.begin, it->second.first);
        m.end = std::max(m.end, it->second.second);
      }
    }
    mentions[Attr(tag, "m_id")] = m;
    pos = end;
  }
  std::map<std::string, std::string> entity_type;  // instance m_id -> PER/LOC/ORG...
  pos = 0;
  while ((pos = xml.find("<ENTITY ", pos)) != std::string::npos) {
    size_t close = xml.find('>', pos);
    std::string_view tag(xml.data() + pos, close - pos);
    entity_type[Attr(tag, "m_id")] = Attr(tag, "ent_type");
    pos = close;
  }
  std::vector<GoldSpan> gold;
  std::set<std::pair<uint32_t, uint32_t>> seen;
  pos = 0;
  while ((pos = xml.find("<REFERS_TO", pos)) != std::string::npos) {
    size_t end = xml.find("</REFERS_TO>", pos);
    std::string block = xml.substr(pos, end - pos);
    pos = end;
    size_t t = block.find("<target m_id=\"");
    if (t == std::string::npos) continue;
    t += 14;
    std::string target = block.substr(t, block.find('"', t) - t);
    auto type = entity_type.find(target);
    if (type == entity_type.end() || (type->second != "PER" && type->second != "LOC" && type->second != "ORG")) continue;
    size_t s = 0;
    while ((s = block.find("<source m_id=\"", s)) != std::string::npos) {
      s += 14;
      std::string id = block.substr(s, block.find('"', s) - s);
      auto m = mentions.find(id);
      if (m == mentions.end() || (m->second.syntactic != "NAM" && m->second.syntactic != "PRE.NAM")) continue;
      if (m->second.begin == UINT32_MAX || !seen.emplace(m->second.begin, m->second.end).second) continue;
      gold.push_back({m->second.begin, m->second.end, type->second});
    }
  }
  // MEANTIME annotates only the first sentences of each article: score the
  // sentences up to the last one that holds any entity or event mention.
  uint32_t annotated_end = 0;
  pos = 0;
  while ((pos = xml.find("_MENTION ", pos)) != std::string::npos) {
    size_t end = xml.find("_MENTION>", pos);
    size_t a = pos;
    while ((a = xml.find("t_id=\"", a)) != std::string::npos && a < end) {
      a += 6;
      auto it = token_span.find(xml.substr(a, xml.find('"', a) - a));
      if (it != token_span.end()) annotated_end = std::max(annotated_end, it->second.second);
    }
    pos = end;
  }
  size_t sentence_end = doc.text.find("\n\n", annotated_end);
  RETURN_IF_ERROR(ev->Run(&doc));
  ev->Score(doc, gold, sentence_end == std::string::npos ? doc.text.size() : sentence_end);
  return Status::Ok();
}

Status EvalMeantime(Evaluator* ev, const std::string& dir) {
  std::string corpus = dir + "/intra-doc_annotation/corpus_apple";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(corpus, ec)) {
    if (e.path().extension() == ".xml") files.push_back(e.path().string());
  }
  if (ec) return NotFound(corpus + ": " + ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) RETURN_IF_ERROR(EvalMeantimeFile(ev, f));
  ev->Print(("MEANTIME Apple " + corpus + " (" + std::to_string(files.size()) +
             " documents; named mentions NAM and PRE.NAM of PER, LOC, ORG entities)").c_str());
  return Status::Ok();
}

// --- events-dev entity lists ---------------------------------------------------

Status EvalEvents(Evaluator* ev, const std::string& path, int errors) {
  ASSIGN_OR_RETURN(std::string json, ReadFile(path));
  rapidjson::Document d;
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsArray()) return DataError(path + ": not a JSON array");
  std::map<std::string, Counts> counts;
  int printed = 0;
  for (const auto& a : d.GetArray()) {
    Document doc;
    doc.id = a["id"].GetString();
    doc.text = a["text"].GetString();
    RETURN_IF_ERROR(ev->Run(&doc));
    // Predicted: every entity with its name mentions' texts.
    std::vector<std::pair<std::string, std::set<std::string>>> predicted;
    for (const Entity& e : doc.entities) {
      std::set<std::string> texts;
      for (const Mention& m : e.mentions) {
        if (m.kind == MentionKind::kName || m.kind == MentionKind::kPartialName) texts.insert(std::string(doc.Text(m.span)));
      }
      if (!texts.empty()) predicted.emplace_back(TypeCode(e.type), texts);
    }
    std::vector<bool> used(predicted.size(), false);
    for (const auto& g : a["entities"].GetArray()) {
      std::string type = g["type"].GetString();
      std::set<std::string> names{g["name"].GetString()};
      for (const auto& al : g["aliases"].GetArray()) names.insert(al.GetString());
      bool found = false;
      for (size_t k = 0; k < predicted.size(); ++k) {
        if (predicted[k].first != type) continue;
        for (const std::string& t : predicted[k].second) found |= names.count(t) > 0;
        if (found) {
          used[k] = true;
          break;
        }
      }
      if (found) {
        ++counts[type].tp;
      } else {
        ++counts[type].fn;
        if (printed++ < errors) std::printf("MISS %s %s %s\n", doc.id.c_str(), type.c_str(), g["name"].GetString());
      }
    }
    for (size_t k = 0; k < predicted.size(); ++k) {
      if (used[k]) continue;
      ++counts[predicted[k].first].fp;
      if (printed++ < errors) std::printf("EXTRA %s %s %s\n", doc.id.c_str(), predicted[k].first.c_str(), predicted[k].second.begin()->c_str());
    }
  }
  PrintTable("events-dev entity lists " + path +
                 " (entity level: an entity is found when one of its name mentions equals a gold name or alias "
                 "with the same type)",
             counts);
  return Status::Ok();
}

Status Show(Evaluator* ev, const std::string& path) {
  Document doc;
  ASSIGN_OR_RETURN(doc.text, ReadFile(path));
  RETURN_IF_ERROR(ev->Run(&doc));
  for (const Entity& e : doc.entities) {
    std::printf("%s\t%s\t%s\t%s\tcountry=%s capital_of=%s\n", e.id.c_str(), TypeCode(e.type).c_str(), e.subtype.c_str(),
                e.name.c_str(), e.country.c_str(), e.capital_of.c_str());
    for (const Mention& m : e.mentions) {
      std::printf("    %u-%u\t%s\t%.*s\n", m.span.begin, m.span.end, std::string(MentionKindName(m.kind)).c_str(),
                  static_cast<int>(m.span.size()), doc.text.data() + m.span.begin);
    }
  }
  return Status::Ok();
}

int Main(int argc, char** argv) {
  Options o;
  const char* env = std::getenv("NEWSGRAPH_DATA");
  o.config.data_dir = env != nullptr && *env != '\0' ? env : NEWSGRAPH_DEFAULT_DATA_DIR;
  std::vector<std::string> positional;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--data-dir" && i + 1 < argc) o.config.data_dir = argv[++i];
    else if (a == "--gazetteer" && i + 1 < argc) o.config.user_gazetteers.push_back(argv[++i]);
    else if (a == "--errors" && i + 1 < argc) o.errors = std::atoi(argv[++i]);
    else positional.push_back(a);
  }
  if (positional.size() != 2) {
    std::fprintf(stderr,
                 "usage: eval_ner [--data-dir DIR] [--gazetteer FILE] [--errors N] "
                 "conll|meantime|events|show PATH\n");
    return 2;
  }
  Evaluator ev;
  Status s = ev.Init(o);
  if (s.ok()) {
    const std::string& mode = positional[0];
    if (mode == "conll") s = EvalConll(&ev, positional[1]);
    else if (mode == "meantime") s = EvalMeantime(&ev, positional[1]);
    else if (mode == "events") s = EvalEvents(&ev, positional[1], o.errors);
    else if (mode == "show") s = Show(&ev, positional[1]);
    else s = InvalidArgument("unknown mode " + mode);
  }
  if (!s.ok()) {
    std::fprintf(stderr, "eval_ner: %s\n", s.ToString().c_str());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace newsgraph

int main(int argc, char** argv) { return newsgraph::Main(argc, argv); }
