// The knowledge graph of many articles: the articles, the entities they
// mention (one per id across all articles), and the events they report, each
// event merged from every mention of the same real happening and keeping all
// of them as provenance. On Boost.Graph, entities and events are vertices
// and roles are edges, for "how are A and B connected" and "what did A do".
//
//   GraphBuilder builder;                      // graph_builder.h
//   builder.AddDocument(doc);                  // or Add(ReadJsonLd(...))
//   KnowledgeGraph g = builder.Build();
//   for (const GraphEvent& e : g.events()) ...      // in timeline order
//   auto path = g.ShortestPath(*g.EntityIndex("person/a"), *g.EntityIndex("person/b"));
//
// A KnowledgeGraph is immutable once built, so it is thread-safe to read.
#ifndef NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
#define NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/graph/date_range.h"

namespace newsgraph::graph {

// A span of an article's text together with its text, so that provenance
// reads without the article.
struct TextSpan {
  uint32_t start = 0;  // UTF-8 byte offsets into the article text
  uint32_t end = 0;
  std::string text;
  friend auto operator<=>(const TextSpan&, const TextSpan&) = default;
  friend bool operator==(const TextSpan&, const TextSpan&) = default;
};

// One more place in an article that states the same event.
struct MentionEvidence {
  TextSpan trigger;
  TextSpan sentence;
  friend auto operator<=>(const MentionEvidence&, const MentionEvidence&) = default;
  friend bool operator==(const MentionEvidence&, const MentionEvidence&) = default;
};

// A role and the ids of the entities that fill it, sorted and unique.
struct Role {
  std::string name;
  std::vector<std::string> entities;
  friend auto operator<=>(const Role&, const Role&) = default;
  friend bool operator==(const Role&, const Role&) = default;
};

struct Article {
  std::string id;         // the document id
  std::string url;        // empty when unknown
  std::string title;
  std::string published;  // YYYY-MM-DD or empty
  std::vector<std::string> entities;  // ids of the entities it mentions, sorted
  friend bool operator==(const Article&, const Article&) = default;
};

struct GraphEntity {
  std::string id;  // as in the extract records: "person/vladimir-putin"
  EntityType type = EntityType::kPerson;
  std::string subtype;
  std::string name;
  std::string country;  // ISO 3166 alpha-2, or empty
  std::vector<std::string> same_as;  // sorted
  // Other names the articles use for it ("Putin"), sorted; never the name
  // itself, one spelling per case-insensitive form.
  std::vector<std::string> aliases;
  friend bool operator==(const GraphEntity&, const GraphEntity&) = default;
};

// One article's statement of an event: the unit that merging groups. It
// holds everything its article said, so that a graph can be merged again
// from its mentions alone.
struct EventMention {
  std::string article;   // article id
  std::string event_id;  // the event's id in the article's record
  std::string type;      // "Visit", ...
  EventStatus status = EventStatus::kOccurred;
  std::string date;      // TIMEX3 value as the article gave it; empty = none
  std::vector<Role> roles;  // sorted by name, none empty
  TextSpan trigger;
  TextSpan sentence;
  std::vector<MentionEvidence> evidence;
  int confidence_milli = 0;  // confidence in thousandths (0..1000)
  std::string cameo;
  std::string rule;

  // Unique across articles: event_id when it starts with "<article>#",
  // otherwise "<article>#<event_id>".
  std::string Key() const;
  const Role* FindRole(std::string_view name) const;
  friend auto operator<=>(const EventMention&, const EventMention&) = default;
  friend bool operator==(const EventMention&, const EventMention&) = default;
};

// A real happening, merged from one or more mentions.
struct GraphEvent {
  std::string id;    // IRI, from the first mention key (see GraphBuilder)
  std::string type;
  EventStatus status = EventStatus::kOccurred;  // what the latest report says
  std::string date;  // the most precise date any mention gives; empty = none
  DateRange range;   // of `date`
  std::vector<Role> roles;  // union over the mentions, sorted by name
  int confidence_milli = 0;  // the highest of the mentions
  std::string cameo;         // of the mention the status comes from
  std::vector<EventMention> mentions;  // by publication date, article, event id

  const Role* FindRole(std::string_view name) const;
};

// One step of a path between two entities: through `event`, where the
// previous entity fills `from_role` and `entity` fills `to_role`.
struct PathHop {
  size_t event = 0;   // index into events()
  std::string from_role;
  std::string to_role;
  size_t entity = 0;  // index into entities()
};

class KnowledgeGraph {
 public:
  KnowledgeGraph();  // empty
  ~KnowledgeGraph();
  KnowledgeGraph(const KnowledgeGraph&);
  KnowledgeGraph& operator=(const KnowledgeGraph&);
  KnowledgeGraph(KnowledgeGraph&&) noexcept;
  KnowledgeGraph& operator=(KnowledgeGraph&&) noexcept;

  const std::vector<Article>& articles() const { return articles_; }      // sorted by id
  const std::vector<GraphEntity>& entities() const { return entities_; }  // sorted by id
  const std::vector<GraphEvent>& events() const { return events_; }       // timeline order

  // nullptr / nullopt when the id is not in the graph.
  const Article* FindArticle(std::string_view id) const;
  const GraphEntity* FindEntity(std::string_view id) const;
  std::optional<size_t> EntityIndex(std::string_view id) const;

  // Indices of the events in which the entity fills a role, in timeline order.
  std::vector<size_t> EventsOf(size_t entity) const;
  // A shortest path from one entity to another through events (breadth-first
  // over the entity-event graph; ties go to the earlier event and entity).
  // Empty vector when from == to; nullopt when they are not connected.
  std::optional<std::vector<PathHop>> ShortestPath(size_t from, size_t to) const;

  size_t mention_count() const;  // mentions over all events
  size_t merged_event_count() const;  // events with two or more mentions

 private:
  friend class GraphBuilder;
  class Topology;  // the Boost.Graph adjacency list; kept out of this header
  void BuildTopology();

  std::vector<Article> articles_;
  std::vector<GraphEntity> entities_;
  std::vector<GraphEvent> events_;
  std::shared_ptr<const Topology> topology_;
};

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_KNOWLEDGE_GRAPH_H_
