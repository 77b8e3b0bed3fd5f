#include "extractor/graph/graph_builder.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "extractor/graph/event_merge.h"
#include "extractor/graph/vocabulary.h"

namespace newsgraph::graph {
namespace {

// The text of a span, or the part of it inside the text (a span past the
// end is a bug upstream, but must not bring the run down).
TextSpan SpanOf(const Document& doc, const Span& span) {
  uint32_t size = static_cast<uint32_t>(doc.text.size());
  uint32_t begin = std::min(span.begin, size);
  uint32_t end = std::min(std::max(span.end, begin), size);
  return TextSpan{span.begin, span.end, doc.text.substr(begin, end - begin)};
}

void SortUnique(std::vector<std::string>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// Keeps one of two versions of a text field: the non-empty one, else the
// smaller. Commutative, associative and idempotent, like set union.
void Combine(std::string* into, const std::string& other) {
  if (other.empty()) return;
  if (into->empty() || other < *into) *into = other;
}

void Union(std::vector<std::string>* into, const std::vector<std::string>& other) {
  into->insert(into->end(), other.begin(), other.end());
  SortUnique(into);
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Which spelling of one name to keep: mixed case ("Putin") before all
// capitals ("PUTIN", a dateline) before all lower case; then the smaller.
std::pair<int, std::string_view> SpellingRank(std::string_view s) {
  bool upper = false, lower = false;
  for (char c : s) {
    upper |= c >= 'A' && c <= 'Z';
    lower |= c >= 'a' && c <= 'z';
  }
  return {upper && lower ? 0 : upper ? 1 : 2, s};
}

// Drops aliases equal to the name and keeps one spelling per
// case-insensitive form.
std::vector<std::string> FinalAliases(const std::string& name, const std::vector<std::string>& aliases) {
  std::map<std::string, std::string> by_form;
  const std::string name_form = AsciiLower(name);
  for (const std::string& a : aliases) {
    std::string form = AsciiLower(a);
    if (a.empty() || form == name_form) continue;
    auto [it, inserted] = by_form.try_emplace(form, a);
    if (!inserted && SpellingRank(a) < SpellingRank(it->second)) it->second = a;
  }
  std::vector<std::string> out;
  for (auto& [form, alias] : by_form) out.push_back(alias);
  SortUnique(&out);
  return out;
}

// Lower is preferred when reports of the same day disagree.
int StatusRank(EventStatus s) {
  switch (s) {
    case EventStatus::kOccurred: return 0;
    case EventStatus::kCancelled: return 1;
    case EventStatus::kPostponed: return 2;
    case EventStatus::kPlanned: return 3;
    case EventStatus::kUncertain: return 4;
    case EventStatus::kDenied: return 5;
  }
  return 6;
}

GraphEvent MakeEvent(std::vector<EventMention> mentions,
                     const std::map<std::string, Article, std::less<>>& articles) {
  auto published = [&](const EventMention& m) -> const std::string& {
    static const std::string kNone;
    auto it = articles.find(m.article);
    return it == articles.end() ? kNone : it->second.published;
  };
  std::sort(mentions.begin(), mentions.end(), [&](const EventMention& a, const EventMention& b) {
    return std::forward_as_tuple(published(a), a.article, a.event_id, a) <
           std::forward_as_tuple(published(b), b.article, b.event_id, b);
  });
  GraphEvent e;
  e.type = mentions.front().type;
  std::string first_key;
  // The latest report decides the status; on the same day, the stronger
  // status, then the more confident mention, then the smaller key.
  const EventMention* lead = nullptr;
  std::string lead_key;
  for (const EventMention& m : mentions) {
    std::string key = m.Key();
    if (first_key.empty() || key < first_key) first_key = key;
    if (lead == nullptr ||
        std::make_tuple(published(m), -StatusRank(m.status), m.confidence_milli, lead_key) >
            std::make_tuple(published(*lead), -StatusRank(lead->status), lead->confidence_milli, key)) {
      lead = &m;
      lead_key = key;
    }
    e.confidence_milli = std::max(e.confidence_milli, m.confidence_milli);
    for (const Role& r : m.roles) {
      auto it = std::find_if(e.roles.begin(), e.roles.end(), [&](const Role& x) { return x.name == r.name; });
      if (it == e.roles.end()) {
        e.roles.push_back(r);
      } else {
        Union(&it->entities, r.entities);
      }
    }
    // The most precise date wins; among equals the earlier, then the smaller value.
    DateRange range = ParseTimexDate(m.date);
    if (range.dated()) {
      if (!e.range.dated() ||
          std::make_tuple(range.days(), range.first, m.date) < std::make_tuple(e.range.days(), e.range.first, e.date)) {
        e.range = range;
        e.date = m.date;
      }
    } else if (!e.range.dated()) {
      Combine(&e.date, m.date);
    }
  }
  std::sort(e.roles.begin(), e.roles.end());
  e.status = lead->status;
  e.cameo = lead->cameo;
  e.id = EventIri(first_key);
  e.mentions = std::move(mentions);
  return e;
}

bool TimelineBefore(const GraphEvent& a, const GraphEvent& b) {
  if (a.range.dated() != b.range.dated()) return a.range.dated();
  if (a.range.dated()) {
    if (a.range.first != b.range.first) return a.range.first < b.range.first;
    if (a.range.last != b.range.last) return a.range.last > b.range.last;
  }
  return std::tie(a.type, a.id) < std::tie(b.type, b.id);
}

}  // namespace

GraphParts PartsFromDocument(const Document& doc) {
  GraphParts parts;
  Article article{doc.id, doc.url, doc.title, doc.published, {}};
  for (const Entity& e : doc.entities) {
    article.entities.push_back(e.id);
    GraphEntity g{e.id, e.type, e.subtype, e.name, e.country, e.same_as, {}};
    SortUnique(&g.same_as);
    for (const Mention& m : e.mentions) {
      if (m.kind == MentionKind::kName || m.kind == MentionKind::kPartialName) {
        g.aliases.push_back(SpanOf(doc, m.span).text);
      }
    }
    SortUnique(&g.aliases);
    parts.entities.push_back(std::move(g));
  }
  SortUnique(&article.entities);
  parts.articles.push_back(std::move(article));

  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    EventMention m;
    m.article = doc.id;
    m.event_id = e.id.empty() ? doc.id + "#e" + std::to_string(i + 1) : e.id;
    m.type = e.type;
    m.status = e.status;
    m.date = e.date;
    for (const EventRole& role : e.roles) {
      Role r{role.name, {}};
      for (uint32_t index : role.entities) {
        if (index < doc.entities.size()) r.entities.push_back(doc.entities[index].id);
      }
      if (r.entities.empty()) continue;
      auto it = std::find_if(m.roles.begin(), m.roles.end(), [&](const Role& x) { return x.name == r.name; });
      if (it == m.roles.end()) {
        SortUnique(&r.entities);
        m.roles.push_back(std::move(r));
      } else {
        Union(&it->entities, r.entities);
      }
    }
    std::sort(m.roles.begin(), m.roles.end());
    m.trigger = SpanOf(doc, e.trigger);
    m.sentence = SpanOf(doc, e.sentence);
    for (const Evidence& ev : e.more_evidence) {
      m.evidence.push_back(MentionEvidence{SpanOf(doc, ev.trigger), SpanOf(doc, ev.sentence)});
    }
    double c = std::clamp(e.confidence, 0.0, 1.0);
    m.confidence_milli = static_cast<int>(std::lround(c * 1000.0));
    m.cameo = e.cameo;
    m.rule = e.rule;
    parts.mentions.push_back(std::move(m));
  }
  return parts;
}

GraphParts PartsOf(const KnowledgeGraph& graph) {
  GraphParts parts;
  parts.articles = graph.articles();
  parts.entities = graph.entities();
  for (size_t i = 0; i < graph.events().size(); ++i) {
    const GraphEvent& e = graph.events()[i];
    parts.mentions.insert(parts.mentions.end(), e.mentions.begin(), e.mentions.end());
    parts.mention_event.insert(parts.mention_event.end(), e.mentions.size(), i);
  }
  return parts;
}

void GraphBuilder::Add(GraphParts parts) {
  for (Article& a : parts.articles) {
    auto [it, inserted] = articles_.try_emplace(a.id, a);
    if (inserted) continue;
    Article& into = it->second;
    Combine(&into.url, a.url);
    Combine(&into.title, a.title);
    Combine(&into.published, a.published);
    Union(&into.entities, a.entities);
  }
  for (GraphEntity& e : parts.entities) {
    auto [it, inserted] = entities_.try_emplace(e.id, e);
    if (inserted) continue;
    GraphEntity& into = it->second;
    into.type = std::min(into.type, e.type);
    Combine(&into.subtype, e.subtype);
    Combine(&into.name, e.name);
    Combine(&into.country, e.country);
    Union(&into.same_as, e.same_as);
    Union(&into.aliases, e.aliases);
  }
  const bool with_events = !parts.mentions.empty() && parts.mention_event.size() == parts.mentions.size();
  all_read_ = all_read_ && (parts.mentions.empty() || with_events);
  size_t events = 0;
  for (size_t i = 0; i < parts.mentions.size(); ++i) {
    EventMention& m = parts.mentions[i];
    std::string key = m.Key();
    if (with_events) {
      read_event_.try_emplace(key, read_events_ + parts.mention_event[i]);
      events = std::max(events, parts.mention_event[i] + 1);
    }
    auto [it, inserted] = mentions_.try_emplace(std::move(key), m);
    if (!inserted && m < it->second) it->second = std::move(m);
  }
  read_events_ += events;
}

std::vector<std::vector<size_t>> GraphBuilder::GroupsAsRead(const std::vector<EventMention>& mentions) const {
  std::map<size_t, std::vector<size_t>> by_event;
  for (size_t i = 0; i < mentions.size(); ++i) by_event[read_event_.find(mentions[i].Key())->second].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [event, members] : by_event) groups.push_back(std::move(members));
  return groups;
}

KnowledgeGraph GraphBuilder::Build(EventGrouping grouping) const {
  KnowledgeGraph g;
  std::map<std::string, Article, std::less<>> articles = articles_;
  for (const auto& [key, m] : mentions_) articles.try_emplace(m.article, Article{m.article, "", "", "", {}});
  for (auto& [id, a] : articles) g.articles_.push_back(a);

  // Aliases are finished on the merged entity: the name may come from
  // another source than the alias.
  for (const auto& [id, e] : entities_) {
    GraphEntity entity = e;
    entity.aliases = FinalAliases(entity.name, entity.aliases);
    g.entities_.push_back(std::move(entity));
  }

  std::vector<EventMention> mentions;
  mentions.reserve(mentions_.size());
  for (const auto& [key, m] : mentions_) mentions.push_back(m);
  EntityLookup lookup = [&g](std::string_view id) { return g.FindEntity(id); };
  const bool as_read = grouping == EventGrouping::kAsRead && all_read_;
  for (const std::vector<size_t>& group : as_read ? GroupsAsRead(mentions) : GroupMentions(mentions, lookup)) {
    std::vector<EventMention> members;
    for (size_t i : group) members.push_back(mentions[i]);
    g.events_.push_back(MakeEvent(std::move(members), articles));
  }
  std::sort(g.events_.begin(), g.events_.end(), TimelineBefore);
  g.BuildTopology();
  return g;
}

}  // namespace newsgraph::graph
