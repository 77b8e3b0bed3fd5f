#include "extractor/timex/lexicon.h"

#include <algorithm>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractor/core/tsv_reader.h"

namespace newsgraph::timex {
namespace {

bool IsNameChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// A lexicon word as a regex: metacharacters escaped, spaces as \s+.
std::string WordPattern(std::string_view word) {
  std::string out;
  for (char c : word) {
    if (c == ' ') {
      out += "\\s+";
    } else if (IsNameChar(c) || static_cast<unsigned char>(c) >= 0x80 || c == '-' || c == '\'') {
      out += c;
    } else {
      out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<Lexicon> Lexicon::Load(const std::string& lexicon_path, const std::string& macros_path) {
  ASSIGN_OR_RETURN(std::string lex, ReadFile(lexicon_path));
  ASSIGN_OR_RETURN(std::string mac, ReadFile(macros_path));
  return FromStrings(lexicon_path, std::move(lex), macros_path, std::move(mac));
}

Result<Lexicon> Lexicon::FromStrings(const std::string& lexicon_name, std::string lexicon_tsv,
                                     const std::string& macros_name, std::string macros_tsv) {
  Lexicon lex;
  {
    ASSIGN_OR_RETURN(TsvReader tsv,
                     TsvReader::FromString(lexicon_name, std::move(lexicon_tsv), {"class", "word", "value"}));
    const int cls = tsv.Column("class"), word = tsv.Column("word"), value = tsv.Column("value");
    TsvRow row;
    while (tsv.Next(&row)) {
      std::string_view c = row.Get(cls);
      std::string w = CollapseSpaces(row.Get(word));
      if (c.empty() || !std::all_of(c.begin(), c.end(), IsNameChar)) {
        return tsv.Error(row, "class must be a lower-case name, not '" + std::string(c) + "'");
      }
      if (w.empty()) return tsv.Error(row, "empty word");
      for (char ch : w) {
        if (ch >= 'A' && ch <= 'Z') return tsv.Error(row, "word '" + w + "' must be lower-case");
      }
      WordClass& wc = lex.classes_[std::string(c)];
      if (wc.index.Find(w) != nullptr) {
        return tsv.Error(row, "duplicate word '" + w + "' in class " + std::string(c));
      }
      wc.index.Insert(w, static_cast<uint32_t>(wc.words.size()));
      wc.values.emplace_back(row.Get(value));
      wc.words.push_back(w);
      // A word may be looked up with or without its final period.
      for (std::string_view form : {std::string_view(w), w.back() == '.' && w.size() > 1
                                                            ? std::string_view(w).substr(0, w.size() - 1)
                                                            : std::string_view(w)}) {
        uint32_t b = WordClass::QuickBit(form);
        wc.quick[b >> 6] |= uint64_t{1} << (b & 63);
      }
    }
    RETURN_IF_ERROR(tsv.status());
  }
  std::vector<std::pair<std::string, int>> macro_lines;
  {
    ASSIGN_OR_RETURN(TsvReader tsv, TsvReader::FromString(macros_name, std::move(macros_tsv), {"name", "pattern"}));
    const int name = tsv.Column("name"), pattern = tsv.Column("pattern");
    TsvRow row;
    while (tsv.Next(&row)) {
      std::string_view n = row.Get(name);
      if (n.empty() || !std::all_of(n.begin(), n.end(), IsNameChar)) {
        return tsv.Error(row, "macro name must be a lower-case name, not '" + std::string(n) + "'");
      }
      if (row.Get(pattern).empty()) return tsv.Error(row, "empty pattern");
      if (!lex.macros_.emplace(std::string(n), std::string(row.Get(pattern))).second) {
        return tsv.Error(row, "duplicate macro '" + std::string(n) + "'");
      }
      macro_lines.emplace_back(std::string(n), row.line);
    }
    RETURN_IF_ERROR(tsv.status());
  }
  for (const auto& [name, cls] : lex.classes_) {
    std::vector<const WordClass*>& own = lex.Family(name);
    own.insert(own.begin(), &cls);  // the class itself comes first
    size_t underscore = name.find('_');
    if (underscore != std::string::npos) lex.Family(name.substr(0, underscore)).push_back(&cls);
  }
  // Every macro must expand to a valid RE2 on its own. A set that is never
  // compiled parses each one, which is all the check needs.
  RE2::Options opts;
  opts.set_log_errors(false);
  RE2::Set parser(opts, RE2::UNANCHORED);
  for (const auto& [n, line] : macro_lines) {
    auto expanded = lex.Expand("%" + n);
    std::string where = macros_name + ":" + std::to_string(line) + ": ";
    if (!expanded.ok()) return DataError(where + expanded.status().message());
    std::string error;
    if (parser.Add(*expanded, &error) < 0) return DataError(where + "macro " + n + ": " + error);
  }
  return lex;
}

Result<std::string> Lexicon::Expand(std::string_view pattern) const { return ExpandDepth(pattern, 0); }

Result<std::string> Lexicon::ExpandDepth(std::string_view p, int depth) const {
  if (depth > 16) return InvalidArgument("macros nest too deep (a cycle?)");
  std::string out;
  out.reserve(p.size() * 2);
  bool in_class = false;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      out += c;
      out += p[++i];
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];  // "[]...]"
      continue;
    }
    if (c == ' ') {
      // Grouped when a quantifier follows: " ?" must stay "optional space".
      bool quantified = i + 1 < p.size() && (p[i + 1] == '?' || p[i + 1] == '*' || p[i + 1] == '+' || p[i + 1] == '{');
      out += quantified ? "(?:\\s+)" : "\\s+";
      continue;
    }
    if (c != '%' || i + 1 >= p.size() || !IsNameChar(p[i + 1])) {
      out += c;
      continue;
    }
    size_t end = i + 1;
    while (end < p.size() && IsNameChar(p[end])) ++end;
    std::string_view name = p.substr(i + 1, end - i - 1);
    i = end - 1;
    if (auto m = macros_.find(name); m != macros_.end()) {
      ASSIGN_OR_RETURN(std::string inner, ExpandDepth(m->second, depth + 1));
      out += "(?:" + inner + ")";
      continue;
    }
    auto cl = classes_.find(name);
    if (cl == classes_.end()) return InvalidArgument("unknown macro or word class %" + std::string(name));
    std::vector<const std::string*> words;
    for (const std::string& w : cl->second.words) words.push_back(&w);
    std::stable_sort(words.begin(), words.end(),
                     [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
    out += "(?:";
    for (size_t k = 0; k < words.size(); ++k) {
      if (k > 0) out += '|';
      out += WordPattern(*words[k]);
    }
    out += ")";
  }
  return out;
}

const Lexicon::WordClass* Lexicon::Class(std::string_view cls) const {
  auto cl = classes_.find(cls);
  return cl == classes_.end() ? nullptr : &cl->second;
}

const std::string* Lexicon::Find(std::string_view cls, std::string_view word) const {
  return Find(Class(cls), word);
}

const std::string* Lexicon::Find(const WordClass* cls, std::string_view word) {
  if (cls == nullptr) return nullptr;
  // Fast path: a word with no run of white space and no final period.
  bool plain = word.empty() || word.back() != '.';
  for (size_t i = 0; plain && i < word.size(); ++i) {
    char c = word[i];
    if (c == '\t' || c == '\n' || c == '\r' || (c == ' ' && (i == 0 || i + 1 == word.size() || word[i + 1] == ' '))) {
      plain = false;
    }
  }
  if (plain) {
    if (!cls->MayContain(word)) return nullptr;
    return cls->Value(word);
  }
  std::string w = CollapseSpaces(word);
  if (const std::string* v = cls->Value(w)) return v;
  if (!w.empty() && w.back() == '.') {
    w.pop_back();
    return cls->Value(w);
  }
  return nullptr;
}

std::vector<const Lexicon::WordClass*>& Lexicon::Family(std::string_view name) {
  if (const uint32_t* i = family_index_.Find(name)) return families_[*i];
  family_index_.Insert(name, static_cast<uint32_t>(families_.size()));
  return families_.emplace_back();
}

const std::string* Lexicon::FindInFamily(std::string_view cls, std::string_view word) const {
  const uint32_t* family = family_index_.Find(cls);
  if (family == nullptr) return nullptr;
  for (const WordClass* c : families_[*family]) {
    if (const std::string* v = Find(c, word)) return v;
  }
  return nullptr;
}

const std::vector<std::string>& Lexicon::Words(std::string_view cls) const {
  static const std::vector<std::string> kEmpty;
  auto cl = classes_.find(cls);
  return cl == classes_.end() ? kEmpty : cl->second.words;
}

std::vector<std::string> Lexicon::ClassNames() const {
  std::vector<std::string> out;
  for (const auto& [name, cls] : classes_) out.push_back(name);
  return out;
}

std::vector<std::string> Lexicon::MacroPatterns() const {
  std::vector<std::string> out;
  for (const auto& [name, pattern] : macros_) out.push_back(pattern);
  return out;
}

}  // namespace newsgraph::timex
