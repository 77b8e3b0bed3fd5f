#include "extractor/timex/rule_set.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include <re2/re2.h>
#include <re2/set.h>

#include "extractor/core/token_map.h"
#include "extractor/core/tsv_reader.h"
#include "extractor/timex/first_words.h"

namespace newsgraph::timex {
namespace {

RE2::Options RuleOptions() {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_max_mem(8 << 20);
  return o;
}

RE2::Options SetOptions() {
  RE2::Options o = RuleOptions();
  o.set_max_mem(64 << 20);
  return o;
}

}  // namespace

struct RuleSet::Compiled {
  // One per rule, compiled on first use: at load the rules only go into
  // the set below, which halves the time stage's start-up; a rule's own
  // regular expression is needed only once the set says it matched.
  struct LazyRe {
    std::string pattern;      // expanded
    std::once_flag once;
    std::unique_ptr<RE2> re;
  };
  std::vector<std::unique_ptr<LazyRe>> res;
  const RE2& Re(size_t i) const {
    LazyRe& r = *res[i];
    std::call_once(r.once, [&] { r.re = std::make_unique<RE2>(r.pattern, RuleOptions()); });
    return *r.re;
  }
  // Every rule, anchored at the start: which rules match from a position.
  // An unanchored set of all rules would tell the same for a whole window
  // in one call, but its lazily built DFA grows with every new text (all
  // rules from every offset at once) and costs a megabyte of work per
  // unseen kilobyte; anchored, the DFA stays small.
  std::unique_ptr<RE2::Set> set;
  std::vector<SetEntry> entries;  // the set's patterns, and the rules of each
  // Per entry: its rule, or kShared when it stands for several.
  static constexpr uint32_t kShared = UINT32_MAX;
  std::vector<uint32_t> entry_rule;
  void SetEntries(std::vector<SetEntry> e) {
    entries = std::move(e);
    entry_rule.clear();
    for (const SetEntry& x : entries) entry_rule.push_back(x.rules.size() == 1 ? x.rules[0] : kShared);
  }
  std::atomic<bool> taken{false};  // a thread searches with these objects

  // A copy with its own RE2 objects, or null when the set does not
  // compile again (out of memory).
  std::unique_ptr<Compiled> Clone() const {
    auto copy = std::make_unique<Compiled>();
    copy->set = std::make_unique<RE2::Set>(SetOptions(), RE2::ANCHOR_START);
    for (const SetEntry& e : entries) {
      if (copy->set->Add(e.pattern, nullptr) < 0) return nullptr;
    }
    copy->SetEntries(entries);
    for (const auto& r : res) {
      copy->res.push_back(std::make_unique<LazyRe>());
      copy->res.back()->pattern = r->pattern;
    }
    if (!copy->set->Compile()) return nullptr;
    return copy;
  }
};

namespace {

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u >= 0x80;
}

// Parses a rule type into *type (nullopt for NONE); false for a bad name.
bool ParseType(std::string_view t, std::optional<TimexType>* type) {
  if (t == "DATE") *type = TimexType::kDate;
  else if (t == "TIME") *type = TimexType::kTime;
  else if (t == "DURATION") *type = TimexType::kDuration;
  else if (t == "SET") *type = TimexType::kSet;
  else if (t == "NONE") type->reset();
  else return false;
  return true;
}

std::atomic<uint64_t> g_generation{0};

// re.Match() over folded[begin, end), given only that range and one byte
// of context on each side: all that RE2's assertions (\b, ^, $) look at.
// RE2 picks its engine by the size of the whole text it is given: given the
// document, a search for groups runs the DFA over the text before the
// engine that finds groups; given a short text, a small program's groups
// take one pass (BitState).
bool MatchAround(const RE2& re, std::string_view folded, size_t begin, size_t end, RE2::Anchor anchor,
                 re2::StringPiece* pieces, int n) {
  const size_t from = begin > 0 ? begin - 1 : 0;
  const size_t to = std::min(folded.size(), end + 1);
  const re2::StringPiece around(folded.data() + from, to - from);
  return re.Match(around, begin - from, end - from, anchor, pieces, n);
}

bool IsUpperStart(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[pos]);
  return c >= 'A' && c <= 'Z';
}

}  // namespace

RuleSet::RuleSet() : compiled_(std::make_unique<Compiled>()), generation_(++g_generation) {
  compiled_->set = std::make_unique<RE2::Set>(SetOptions(), RE2::ANCHOR_START);
}

// RE2 objects are thread-safe, but every search takes a read lock on the
// object's DFA cache: two threads searching one object make its cache line
// travel between the cores on every call (tens of thousands of calls per
// megabyte). So the first thread to match uses the rule set's own objects
// and every other thread compiles a copy of its own, once.
const RuleSet::Compiled& RuleSet::ForThisThread() const {
  struct Own {
    uint64_t generation = 0;
    const Compiled* use = nullptr;
    std::unique_ptr<Compiled> copy;
  };
  thread_local Own own;
  if (own.generation != generation_) {
    own.generation = generation_;
    own.copy.reset();
    own.use = compiled_.get();
    if (compiled_->taken.exchange(true)) {
      own.copy = compiled_->Clone();
      if (own.copy != nullptr) own.use = own.copy.get();
    }
  }
  return *own.use;
}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::string& RuleSet::expanded_pattern(size_t i) const { return compiled_->res[i]->pattern; }

namespace {

// The end of the bracket class that opens at p[open] (one past its ']'),
// or p.size(). A ']' first is a member ("[]a]", "[^]a]"); "[:alpha:]"
// inside it is one item.
size_t ClassEnd(std::string_view p, size_t open) {
  size_t j = open + 1;
  if (j < p.size() && p[j] == '^') ++j;
  if (j < p.size() && p[j] == ']') ++j;
  while (j < p.size() && p[j] != ']') {
    if (p[j] == '\\') {
      j += 2;
    } else if (p.compare(j, 2, "[:") == 0 && p.find(":]", j + 2) != std::string_view::npos) {
      j = p.find(":]", j + 2) + 2;
    } else {
      ++j;
    }
  }
  return std::min(p.size(), j + 1);
}

}  // namespace

int ScanCaptureGroups(std::string_view p, std::map<std::string, int>* named) {
  int count = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\') {
      if (i + 1 < p.size() && p[i + 1] == 'Q') {  // \Q...\E quotes literally
        size_t e = p.find("\\E", i + 2);
        i = e == std::string_view::npos ? p.size() : e + 1;
      } else {
        ++i;  // the escaped character, whatever it is
      }
    } else if (c == '[') {
      i = ClassEnd(p, i) - 1;  // at its ']': no group inside a class
    } else if (c == '(') {
      if (i + 1 < p.size() && p[i + 1] == '?') {
        // (?P<name>...) and (?<name>...) capture; (?:...), (?i) and (?i:...) do not.
        size_t name_at = p.compare(i + 2, 2, "P<") == 0 ? i + 4 : p.compare(i + 2, 1, "<") == 0 ? i + 3 : 0;
        if (name_at == 0) continue;
        size_t close = p.find('>', name_at);
        if (close == std::string_view::npos) continue;
        ++count;
        (*named)[std::string(p.substr(name_at, close - name_at))] = count;
      } else {
        ++count;
      }
    }
  }
  return count;
}

std::string SortAlternatives(std::string_view p) {
  if (p.find("\\Q") != std::string_view::npos) return std::string(p);
  std::string out;
  out.reserve(p.size());
  std::vector<std::string_view> alternatives;
  size_t i = 0;
  while (i < p.size()) {
    if (p[i] == '\\') {
      out.append(p.substr(i, 2));
      i += 2;
      continue;
    }
    if (p[i] == '[') {
      const size_t end = ClassEnd(p, i);
      out.append(p.substr(i, end - i));
      i = end;
      continue;
    }
    if (p.compare(i, 3, "(?:") == 0) {
      // Innermost: up to its ')' no parenthesis or bracket, escaped or not.
      alternatives.clear();
      size_t from = i + 3, j = from;
      bool plain = true;
      for (; j < p.size() && p[j] != ')'; ++j) {
        if (p[j] == '\\') {
          if (j + 1 < p.size() && std::string_view("()[]").find(p[j + 1]) != std::string_view::npos) plain = false;
          ++j;
        } else if (p[j] == '(' || p[j] == '[') {
          plain = false;
        } else if (p[j] == '|') {
          alternatives.push_back(p.substr(from, j - from));
          from = j + 1;
        }
        if (!plain) break;
      }
      if (plain && j < p.size() && !alternatives.empty()) {
        alternatives.push_back(p.substr(from, j - from));
        std::sort(alternatives.begin(), alternatives.end());
        out += "(?:";
        for (size_t k = 0; k < alternatives.size(); ++k) {
          if (k > 0) out += '|';
          out.append(alternatives[k]);
        }
        out += ')';
        i = j + 1;
        continue;
      }
    }
    out += p[i++];
  }
  return out;
}

namespace {
bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// An escape that is two bytes long: a backslash before punctuation, or a
// Perl class or assertion ("\.", "\s", "\b"). Others run on (octal "\16",
// "\x{4a}", "\pN", "\p{Greek}") and would be cut.
bool IsTwoByteEscape(char next) {
  if (static_cast<unsigned char>(next) < 0x80 && std::ispunct(static_cast<unsigned char>(next))) return true;
  return std::string_view("dDsSwWbBAztnrfv").find(next) != std::string_view::npos;
}

}  // namespace

bool SplitPieces(std::string_view p, std::vector<std::string_view>* pieces) {
  pieces->clear();
  auto refuse = [&] {
    pieces->clear();
    return false;
  };
  // \Q...\E quotes any byte, parentheses included.
  if (p.find("\\Q") != std::string_view::npos) return refuse();
  size_t i = 0;
  while (i < p.size()) {
    const size_t from = i;
    const char c = p[i];
    if (c == '|' || c == ')') return refuse();
    if (c == '\\') {
      if (i + 1 >= p.size() || !IsTwoByteEscape(p[i + 1])) return refuse();
      i += 2;
    } else if (c == '[') {
      i = ClassEnd(p, i);
    } else if (c == '(') {
      // To the matching ')': escapes and classes inside may hold either.
      int depth = 0;
      while (i < p.size()) {
        if (p[i] == '\\') {
          i += 2;
          continue;
        }
        if (p[i] == '[') {
          i = ClassEnd(p, i);
          continue;
        }
        if (p[i] == '(') ++depth;
        if (p[i] == ')' && --depth == 0) break;
        ++i;
      }
      if (i >= p.size()) return refuse();
      ++i;
    } else {
      ++i;  // a character: all the bytes of a UTF-8 sequence
      while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) ++i;
    }
    bool repeated = false;
    if (i < p.size() && (p[i] == '?' || p[i] == '*' || p[i] == '+')) {
      ++i;
      repeated = true;
    } else if (i < p.size() && p[i] == '{') {
      // A repetition only as RE2 reads one ({2}, {2,}, {2,5}); another '{'
      // is a character of its own.
      size_t j = i + 1;
      while (j < p.size() && (IsDigitByte(p[j]) || p[j] == ',')) ++j;
      if (j < p.size() && p[j] == '}' && j > i + 1 && IsDigitByte(p[i + 1])) {
        i = j + 1;
        repeated = true;
      }
    }
    if (repeated && i < p.size() && p[i] == '?') ++i;  // lazy
    pieces->push_back(p.substr(from, std::min(i, p.size()) - from));
  }
  return true;
}

namespace {

// `piece` with each named group made a plain one: "(?P<x>a)" -> "(?:a)".
std::string WithoutGroupNames(std::string_view p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      out.append(p.substr(i, 2));
      ++i;
    } else if (p[i] == '[') {
      const size_t end = ClassEnd(p, i);
      out.append(p.substr(i, end - i));
      i = end - 1;
    } else if (p.compare(i, 4, "(?P<") == 0 && p.find('>', i) != std::string_view::npos) {
      out += "(?:";
      i = p.find('>', i);
    } else {
      out += p[i];
    }
  }
  return out;
}

// The alternation of `sequences` (pieces each), with the pieces that
// neighbours begin with written once: {a b c, a b d, a e} -> a(?:b(?:c|d)|e).
std::string AlternationOf(const std::vector<std::vector<std::string_view>>& sequences, size_t depth) {
  std::string out;
  auto all_same = [&](size_t k) {
    for (const auto& s : sequences) {
      if (s.size() <= k || s[k] != sequences[0][k]) return false;
    }
    return true;
  };
  size_t k = depth;
  while (all_same(k)) out += WithoutGroupNames(sequences[0][k++]);
  // Branches by their next piece, in first-seen order; the end of a
  // sequence is an empty branch.
  std::vector<std::vector<std::vector<std::string_view>>> branches;
  std::vector<std::string_view> firsts;
  std::vector<bool> ended;
  for (const auto& s : sequences) {
    const bool end = s.size() <= k;
    size_t b = 0;
    while (b < branches.size() && !(ended[b] == end && (end || firsts[b] == s[k]))) ++b;
    if (b == branches.size()) {
      branches.emplace_back();
      firsts.push_back(end ? std::string_view() : s[k]);
      ended.push_back(end);
    }
    branches[b].push_back(s);
  }
  if (branches.size() == 1 && ended[0]) return out;
  out += "(?:";
  for (size_t b = 0; b < branches.size(); ++b) {
    if (b > 0) out += '|';
    if (!ended[b]) out += AlternationOf(branches[b], k);
  }
  out += ')';
  return out;
}

}  // namespace

std::vector<SetEntry> GroupForSet(const std::vector<std::string>& patterns, size_t shared_bytes) {
  std::vector<SetEntry> entries;
  std::vector<std::vector<std::vector<std::string_view>>> members;  // per entry that may be shared
  std::map<std::string, size_t> by_key;  // the first pieces, shared_bytes of them -> entry
  std::vector<std::string_view> pieces;
  for (uint32_t r = 0; r < patterns.size(); ++r) {
    std::string key;
    size_t bytes = 0;  // of the pattern in the key
    if (SplitPieces(patterns[r], &pieces)) {
      for (size_t k = 0; k < pieces.size() && bytes < shared_bytes; ++k) {
        key.append(pieces[k]);
        key += '\0';  // no piece holds it: the boundaries are part of the key
        bytes += pieces[k].size();
      }
    }
    const bool may_share = bytes >= shared_bytes;
    auto it = may_share ? by_key.find(key) : by_key.end();
    if (it == by_key.end()) {
      if (may_share) by_key.emplace(key, entries.size());
      entries.push_back(SetEntry{patterns[r], {r}});
      members.emplace_back();
      members.back().push_back(pieces);
      continue;
    }
    entries[it->second].rules.push_back(r);
    members[it->second].push_back(pieces);
  }
  for (size_t e = 0; e < entries.size(); ++e) {
    if (entries[e].rules.size() > 1) entries[e].pattern = AlternationOf(members[e], 0);
  }
  return entries;
}

Result<RuleSet> RuleSet::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(dir + ": no such rules folder");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (name.size() > 10 && name.compare(name.size() - 10, 10, "_rules.tsv") == 0) names.push_back(name);
  }
  if (ec) return IoError(dir + ": " + ec.message());
  std::sort(names.begin(), names.end());
  if (names.empty()) return NotFound(dir + ": no *_rules.tsv files");
  auto read = [&](const std::string& name) -> Result<std::pair<std::string, std::string>> {
    std::string path = dir + "/" + name;
    ASSIGN_OR_RETURN(std::string content, ReadFile(path));
    return std::make_pair(path, std::move(content));
  };
  ASSIGN_OR_RETURN(auto lexicon, read("lexicon.tsv"));
  ASSIGN_OR_RETURN(auto macros, read("macros.tsv"));
  std::vector<std::pair<std::string, std::string>> files;
  for (const std::string& n : names) {
    ASSIGN_OR_RETURN(auto f, read(n));
    files.push_back(std::move(f));
  }
  return FromStrings(std::move(lexicon), std::move(macros), std::move(files));
}

Result<RuleSet> RuleSet::FromStrings(std::pair<std::string, std::string> lexicon,
                                     std::pair<std::string, std::string> macros,
                                     std::vector<std::pair<std::string, std::string>> rule_files) {
  RuleSet rs;
  ASSIGN_OR_RETURN(rs.lexicon_, Lexicon::FromStrings(lexicon.first, std::move(lexicon.second), macros.first,
                                                    std::move(macros.second)));
  for (auto& [name, content] : rule_files) RETURN_IF_ERROR(rs.AddRuleFile(name, std::move(content)));
  RETURN_IF_ERROR(rs.Finish());
  return rs;
}

Status RuleSet::AddRuleFile(const std::string& name, std::string content) {
  Result<TsvReader> opened = TsvReader::FromString(name, std::move(content), {"id", "type", "pattern", "value"});
  if (!opened.ok()) {
    RETURN_IF_ERROR(CheckPatterns());  // a bad pattern in an earlier file comes first
    return opened.status();
  }
  TsvReader tsv = std::move(opened).value();
  const int c_id = tsv.Column("id"), c_type = tsv.Column("type"), c_pattern = tsv.Column("pattern"),
            c_value = tsv.Column("value"), c_mod = tsv.Column("mod"), c_flags = tsv.Column("flags");
  // RE2 reads the patterns once, when Finish builds the set; before an
  // error is reported, the patterns of the rows above it (and the row's
  // own, for errors found after it) are checked, so that the first bad row
  // is the one reported. `pattern`: the row's own, or null.
  auto error = [&](const TsvRow& row, std::string_view message, const std::string* pattern) -> Status {
    RETURN_IF_ERROR(CheckPatterns());
    std::string bad;
    if (pattern != nullptr && !PatternOk(*pattern, &bad)) return tsv.Error(row, "bad pattern: " + bad);
    return tsv.Error(row, message);
  };
  TsvRow row;
  while (tsv.Next(&row)) {
    TimexRule rule;
    rule.id = std::string(row.Get(c_id));
    rule.where = name + ":" + std::to_string(row.line);
    if (rule.id.empty()) return error(row, "empty rule id", nullptr);
    for (const TimexRule& r : rules_) {
      if (r.id == rule.id) return error(row, "duplicate rule id '" + rule.id + "' (first at " + r.where + ")", nullptr);
    }
    if (!ParseType(row.Get(c_type), &rule.type)) {
      return error(row, "type must be DATE, TIME, DURATION, SET or NONE, not '" + std::string(row.Get(c_type)) + "'",
                   nullptr);
    }
    if (row.Get(c_pattern).empty()) return error(row, "empty pattern", nullptr);
    auto expanded = lexicon_.Expand(row.Get(c_pattern));
    if (!expanded.ok()) return error(row, expanded.status().message(), nullptr);
    // Compiled alone on first use; Finish puts it in the set.
    std::map<std::string, int> groups;
    rule.num_groups = ScanCaptureGroups(*expanded, &groups);
    if (auto x = groups.find("x"); x != groups.end()) rule.extent_group = x->second;
    std::string_view value = row.Get(c_value);
    if (rule.type && value.empty()) return error(row, "empty value", &*expanded);
    auto program = ValueProgram::Parse(value, groups);
    if (!program.ok()) return error(row, program.status().message(), &*expanded);
    rule.value = std::move(*program);
    auto mod = ValueProgram::Parse(row.Get(c_mod), groups);
    if (!mod.ok()) return error(row, "mod: " + mod.status().message(), &*expanded);
    rule.mod = std::move(*mod);
    std::string_view flags = row.Get(c_flags);
    while (!flags.empty()) {
      size_t comma = flags.find(',');
      std::string_view flag = flags.substr(0, comma);
      flags = comma == std::string_view::npos ? std::string_view() : flags.substr(comma + 1);
      if (flag.substr(0, 4) == "cap=") {
        auto g = groups.find(std::string(flag.substr(4)));
        if (g == groups.end()) return error(row, "flag " + std::string(flag) + ": no such group", &*expanded);
        rule.capitalized_groups.push_back(g->second);
      } else if (!flag.empty()) {
        return error(row, "unknown flag '" + std::string(flag) + "'", &*expanded);
      }
    }
    compiled_->res.push_back(std::make_unique<Compiled::LazyRe>());
    compiled_->res.back()->pattern = std::move(*expanded);
    raw_patterns_.emplace_back(row.Get(c_pattern));
    rules_.push_back(std::move(rule));
  }
  if (!tsv.status().ok()) RETURN_IF_ERROR(CheckPatterns());
  return tsv.status();
}

bool RuleSet::PatternOk(const std::string& pattern, std::string* error) {
  RE2::Set check(SetOptions(), RE2::ANCHOR_START);
  return check.Add(pattern, error) >= 0;
}

Status RuleSet::CheckPatterns() const {
  std::string error;
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (!PatternOk(compiled_->res[i]->pattern, &error)) return DataError(rules_[i].where + ": bad pattern: " + error);
  }
  return Status::Ok();
}

Status RuleSet::Finish() {
  std::vector<std::string> set_patterns;
  // The set only tells which rules match, whatever the order of their
  // alternatives: it gets them sorted, and the smaller automaton that RE2
  // builds from those costs less on text it has not seen.
  for (const auto& re : compiled_->res) set_patterns.push_back(SortAlternatives(re->pattern));
  std::vector<SetEntry> entries;
  for (SetEntry& e : GroupForSet(set_patterns, kSharedBytes)) {
    if (compiled_->set->Add(e.pattern, nullptr) >= 0) {
      entries.push_back(std::move(e));
      continue;
    }
    // A bad pattern (reported as its row), or a shared entry that RE2 does
    // not take: its rules then go in one by one.
    RETURN_IF_ERROR(CheckPatterns());
    for (uint32_t r : e.rules) {
      std::string error;
      if (compiled_->set->Add(set_patterns[r], &error) < 0) {
        return DataError(rules_[r].where + ": bad pattern: " + error);
      }
      entries.push_back(SetEntry{set_patterns[r], {r}});
    }
  }
  compiled_->SetEntries(std::move(entries));
  if (!compiled_->set->Compile()) return DataError("timex rules: RE2::Set out of memory");

  // Trigger rows: a word or %class, and optionally "before,after": the
  // tokens around it that rules may need (default 4,4).
  auto parse_window = [](std::string_view v, TriggerWindow* w) {
    if (v.empty()) return true;
    size_t comma = v.find(',');
    if (comma == std::string_view::npos) return false;
    int b = std::atoi(std::string(v.substr(0, comma)).c_str()), a = std::atoi(std::string(v.substr(comma + 1)).c_str());
    if (b < 0 || a < 0 || b > 20 || a > 20 || b + a == 0) return false;
    w->before = static_cast<uint8_t>(b);
    w->after = static_cast<uint8_t>(a);
    return true;
  };
  if (const std::string* d = lexicon_.Find("trigger_default", "window")) {
    if (!parse_window(*d, &default_window_)) return DataError("lexicon: trigger_default window must be before,after");
  }
  number_window_ = default_window_;
  if (const std::string* d = lexicon_.Find("trigger_default", "number")) {
    if (!parse_window(*d, &number_window_)) return DataError("lexicon: trigger_default number must be before,after");
  }
  std::vector<std::pair<std::string, TriggerWindow>> triggers;
  for (const std::string& w : lexicon_.Words("trigger")) {
    TriggerWindow window = default_window_;
    if (!parse_window(*lexicon_.Find("trigger", w), &window)) {
      return DataError("lexicon: trigger " + w + ": window must be before,after");
    }
    if (w[0] == '%') {
      std::string cls = w.substr(1);
      if (!lexicon_.HasClass(cls)) return DataError("lexicon: trigger %" + cls + " names no class");
      for (const std::string& cw : lexicon_.Words(cls)) {
        if (cw.find(' ') == std::string::npos) triggers.emplace_back(cw, window);
      }
    } else {
      triggers.emplace_back(w, window);
    }
  }
  std::vector<std::string> starters;
  RETURN_IF_ERROR(CollectStarters(&starters));
  std::vector<std::string> slot_words;  // by slot, for the first-word pass below
  auto slot_for = [&](const std::string& w) -> TriggerSlot& {
    if (const uint32_t* i = slot_index_.Find(w)) return trigger_slots_[*i];
    slot_index_.Insert(w, static_cast<uint32_t>(trigger_slots_.size()));
    slot_words.push_back(w);
    return trigger_slots_.emplace_back();
  };
  for (auto& [w, window] : triggers) {
    if (w.size() > 1 && w.back() == '.') w.pop_back();  // tokens are looked up without it
    if (w.size() > kMaxTrigger) return DataError("lexicon: trigger '" + w + "' is longer than 15 bytes");
    TriggerSlot& slot = slot_for(w);
    // Listed twice (a word and its class): the wider window.
    slot.window.before = std::max(slot.window.before, window.before);
    slot.window.after = std::max(slot.window.after, window.after);
    slot.starter = true;
    for (const std::string& form : {w, w + "."}) {
      if (form.empty()) continue;
      uint32_t b = QuickBit(form);
      trigger_quick_[b >> 6] |= uint64_t{1} << (b & 63);
      trigger_lengths_[static_cast<unsigned char>(form[0])] |= static_cast<uint16_t>(1u << (form.size() - 1));
    }
  }
  for (const std::string& w : starters) {
    if (w.empty() || w.size() > kMaxTrigger) continue;  // a longer word is no token to start at
    slot_for(w).starter = true;
  }
  // Of those, the words a match can begin with, with the bytes that may
  // follow them. A pattern whose first words cannot be listed (it may begin
  // with any letter) makes every word a start, before any byte.
  std::vector<std::string> patterns;
  for (const auto& re : compiled_->res) patterns.push_back(re->pattern);
  std::map<std::string, FollowBytes> firsts;
  const bool listed = FirstWords(patterns, kMaxTrigger, &firsts);
  FollowBytes anything;
  anything.AllowAllFrom(0);
  for (size_t i = 0; i < trigger_slots_.size(); ++i) {
    TriggerSlot& slot = trigger_slots_[i];
    const std::string& w = slot_words[i];
    if (!slot.starter) continue;
    auto it = firsts.find(w);
    if (listed && it == firsts.end()) continue;
    const FollowBytes& follow = listed ? it->second : anything;
    // Words of one class share their follow bytes ("january", "june"...).
    auto same = std::find(follow_.begin(), follow_.end(), follow);
    slot.follow = static_cast<uint16_t>(same - follow_.begin());
    if (same == follow_.end()) follow_.push_back(follow);
    uint32_t b = QuickBit(w);
    first_quick_[b >> 6] |= uint64_t{1} << (b & 63);
  }
  first_words_listed_ = listed;
  return Status::Ok();
}

RuleSet::TriggerWindow RuleSet::TriggerWordSlow(std::string_view w) const {
  const TriggerSlot* slot = FindSlot(w);
  return slot == nullptr ? TriggerWindow() : slot->window;
}

Status RuleSet::CollectStarters(std::vector<std::string>* words) const {
  auto add_words = [&](std::string_view text) {
    std::string w;
    for (char c : text) {
      if (c >= 'a' && c <= 'z') {
        w += c;
      } else {
        if (!w.empty()) words->push_back(w);
        w.clear();
      }
    }
    if (!w.empty()) words->push_back(w);
  };
  // Words of the lexicon classes that a pattern or macro names (%class),
  // split as the tokenizer splits them. Classes no pattern names (tense
  // markers: "said", "held") are read by code, never matched: their words
  // start nothing.
  std::set<std::string, std::less<>> named;
  auto collect_names = [&](std::string_view p) {
    for (size_t i = 0; i < p.size(); ++i) {
      if (p[i] == '\\') {
        ++i;
        continue;
      }
      if (p[i] != '%') continue;
      size_t j = i + 1;
      while (j < p.size() && ((p[j] >= 'a' && p[j] <= 'z') || p[j] == '_' || (p[j] >= '0' && p[j] <= '9'))) ++j;
      named.emplace(p.substr(i + 1, j - i - 1));
      i = j - 1;
    }
  };
  for (const std::string& p : raw_patterns_) collect_names(p);
  for (const std::string& m : lexicon_.MacroPatterns()) collect_names(m);
  for (const std::string& cls : lexicon_.ClassNames()) {
    if (named.find(cls) == named.end()) continue;
    for (const std::string& w : lexicon_.Words(cls)) add_words(w);
  }
  // Literal words of patterns and macros: letters outside character
  // classes, escapes (\b, \s), group names (?P<...>), %references and
  // repetition counts.
  auto literal_words = [&](std::string_view p) -> Status {
    std::string literal;
    for (size_t i = 0; i < p.size(); ++i) {
      char c = p[i];
      if (c == '\\') {
        literal += ' ';
        ++i;
      } else if (c == '[') {
        size_t close = p.find(']', i + 2);
        // A class of letters could start any word: the words of such a
        // pattern could not be listed.
        std::string_view cls = p.substr(i, close == std::string_view::npos ? p.npos : close - i + 1);
        if (cls.find("a-z") != std::string_view::npos && cls.find("^") == std::string_view::npos) {
          return DataError("pattern '" + std::string(p) +
                           "': a class of letters ([a-z]) is not allowed: spell the words out");
        }
        i = close == std::string_view::npos ? p.size() : close;
        literal += ' ';
      } else if (c == '(' && p.substr(i, 4) == "(?P<") {
        i = p.find('>', i);
        if (i == std::string_view::npos) break;
        literal += ' ';
      } else if (c == '%') {
        while (i + 1 < p.size() && ((p[i + 1] >= 'a' && p[i + 1] <= 'z') || p[i + 1] == '_' ||
                                    (p[i + 1] >= '0' && p[i + 1] <= '9'))) {
          ++i;
        }
        literal += ' ';
      } else if (c == '{') {
        i = p.find('}', i);
        if (i == std::string_view::npos) break;
        literal += ' ';
      } else {
        literal += c;
      }
    }
    add_words(literal);
    return Status::Ok();
  };
  for (size_t r = 0; r < raw_patterns_.size(); ++r) {
    Status s = literal_words(raw_patterns_[r]);
    if (!s.ok()) return DataError(rules_[r].where + ": " + s.message());
  }
  for (const std::string& m : lexicon_.MacroPatterns()) RETURN_IF_ERROR(literal_words(m));
  std::sort(words->begin(), words->end());
  words->erase(std::unique(words->begin(), words->end()), words->end());
  return Status::Ok();
}

void RuleSet::FindMatches(std::string_view folded, size_t end, const std::vector<uint32_t>& starts,
                          MatchScratch* scratch, std::vector<RuleMatch>* out) const {
  if (rules_.empty()) return;
  const Compiled& compiled = ForThisThread();
  std::vector<int>& hits = scratch->hits;
  thread_local std::vector<re2::StringPiece> pieces;
  for (const uint32_t start : starts) {
    if (start >= end) continue;
    const re2::StringPiece from(folded.data() + start, end - start);
    // One call for the rules that match here. A first call that only asks
    // whether any does (it stops at the first match and allocates nothing)
    // costs more than it saves: each call's fixed cost inside RE2 is most
    // of its price, and about half the starts tried do match.
    hits.clear();
    if (!compiled.set->Match(from, &hits)) continue;
    // Entries -> rules (an entry that several rules share stands for each).
    const size_t n_hits = hits.size();
    for (size_t i = 0; i < n_hits; ++i) {
      uint32_t rule = compiled.entry_rule[hits[i]];
      if (rule == Compiled::kShared) {
        const std::vector<uint32_t>& rules = compiled.entries[hits[i]].rules;
        rule = rules[0];
        hits.insert(hits.end(), rules.begin() + 1, rules.end());
      }
      hits[i] = static_cast<int>(rule);
    }
    std::sort(hits.begin(), hits.end());
    for (int r : hits) {
      const TimexRule& rule = rules_[r];
      // The end needs only RE2's DFA; a rule with an extent group needs
      // that group too.
      const int n = rule.extent_group > 0 ? rule.extent_group + 1 : 1;
      if (pieces.size() < static_cast<size_t>(n)) pieces.resize(n);
      if (!MatchAround(compiled.Re(r), folded, start, end, RE2::ANCHOR_START, pieces.data(), n)) continue;
      const size_t mb = start;
      const size_t me = mb + pieces[0].size();
      size_t xb = mb, xe = me;
      if (rule.extent_group > 0 && pieces[rule.extent_group].data() != nullptr) {
        xb = static_cast<size_t>(pieces[rule.extent_group].data() - folded.data());
        xe = xb + pieces[rule.extent_group].size();
      }
      bool ok = xe > xb && (xb == 0 || !IsWordByte(folded[xb - 1]) || !IsWordByte(folded[xb])) &&
                (xe >= folded.size() || !IsWordByte(folded[xe]) || !IsWordByte(folded[xe - 1])) &&
                folded[xb] != ' ' && folded[xe - 1] != ' ';
      if (!ok) continue;
      RuleMatch m;
      m.begin = static_cast<uint32_t>(xb);
      m.end = static_cast<uint32_t>(xe);
      m.match_begin = static_cast<uint32_t>(mb);
      m.match_end = static_cast<uint32_t>(me);
      m.rule = static_cast<uint32_t>(r);
      out->push_back(m);
    }
  }
}

namespace {

// Group offsets of a match, relative to its start (UINT16_MAX: absent),
// remembered per thread by rule set, rule and matched text: the same
// expressions ("on Monday", "last year") recur in every news feed, and
// extracting groups is RE2's slow path.
// A match the key's rule made has that rule's number of groups, so one
// index into `offsets` says where its groups' offsets start.
struct CaptureMemo {
  TokenMap entries;  // key -> index into offsets
  std::vector<std::pair<uint16_t, uint16_t>> offsets;
};
constexpr size_t kMemoEntries = 1 << 14;

}  // namespace

bool RuleSet::Captures(std::string_view text, std::string_view folded, const RuleMatch& m,
                       std::vector<std::string_view>* captures) const {
  thread_local std::string key;
  MatchKey(folded, m, &key);
  return Captures(text, folded, m, key, captures);
}

bool RuleSet::Captures(std::string_view text, std::string_view folded, const RuleMatch& m, std::string_view key,
                       std::vector<std::string_view>* captures) const {
  const TimexRule& rule = rules_[m.rule];
  const int n = rule.num_groups + 1;
  const std::string_view matched = folded.substr(m.match_begin, m.match_end - m.match_begin);
  thread_local CaptureMemo memo;
  captures->assign(static_cast<size_t>(n), std::string_view());
  if (const uint32_t* hit = memo.entries.Find(key)) {
    for (int g = 0; g < n; ++g) {
      auto [b, e] = memo.offsets[*hit + g];
      if (b != UINT16_MAX) (*captures)[g] = std::string_view(matched.data() + b, e - b);
    }
  } else {
    thread_local std::vector<re2::StringPiece> pieces;
    if (pieces.size() < static_cast<size_t>(n)) pieces.resize(n);
    // The text ends where the match found before ends, so its leftmost-first
    // match anchored at the start is that match: the same path, now with its
    // groups. Anchored at the start only, RE2 reuses the automaton that
    // found the match (anchored at both ends it builds another, for the
    // longest match, on every text it has not seen).
    if (!MatchAround(ForThisThread().Re(m.rule), folded, m.match_begin, m.match_end, RE2::ANCHOR_START,
                     pieces.data(), n)) {
      return false;
    }
    if (memo.entries.size() >= kMemoEntries) {
      memo.entries.Clear();
      memo.offsets.clear();
    }
    const size_t first = memo.offsets.size();
    memo.offsets.resize(first + static_cast<size_t>(n), {UINT16_MAX, UINT16_MAX});
    for (int g = 0; g < n; ++g) {
      if (pieces[g].data() == nullptr) continue;
      (*captures)[g] = std::string_view(pieces[g].data(), pieces[g].size());
      size_t b = static_cast<size_t>(pieces[g].data() - matched.data());
      memo.offsets[first + g] = {static_cast<uint16_t>(b), static_cast<uint16_t>(b + pieces[g].size())};
    }
    // A match too long to remember (offsets past 16 bits, or a key past
    // TokenMap::kMaxKey) takes its offsets back.
    if (matched.size() >= UINT16_MAX || !memo.entries.Insert(key, static_cast<uint32_t>(first))) {
      memo.offsets.resize(first);
    }
  }
  for (int g : rule.capitalized_groups) {
    if ((*captures)[g].empty()) continue;
    if (!IsUpperStart(text, static_cast<size_t>((*captures)[g].data() - folded.data()))) return false;
  }
  return true;
}

}  // namespace newsgraph::timex
