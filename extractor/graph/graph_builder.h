// Builds a KnowledgeGraph from processed documents, from graphs read back
// from JSON-LD, or both.
//
//   GraphBuilder builder;
//   builder.AddDocument(doc_a);                 // after the pipeline ran on it
//   builder.Add(parts_read_from_jsonld);        // jsonld_reader.h
//   KnowledgeGraph g = builder.Build();
//
// What is added is a set of facts: articles, entities and event mentions,
// each keyed (article id, entity id, mention Key()). Adding the same fact
// twice keeps one; two different versions of one key keep a deterministic
// choice. Build() is a function of that set alone, whatever the order and
// grouping of the additions, which is what makes `newsgraph merge`
// associative and commutative:
//   Build(A ∪ B ∪ C) == Build(parts(Build(A ∪ B)) ∪ C) == ...
//
// Not thread-safe while adding; Build() is const.
#ifndef NEWSGRAPH_GRAPH_GRAPH_BUILDER_H_
#define NEWSGRAPH_GRAPH_GRAPH_BUILDER_H_

#include <map>
#include <string>
#include <vector>

#include "extractor/core/document.h"
#include "extractor/graph/knowledge_graph.h"

namespace newsgraph::graph {

// The facts one source contributes.
struct GraphParts {
  std::vector<Article> articles;
  std::vector<GraphEntity> entities;
  std::vector<EventMention> mentions;
  // For parts read from a graph: for each mention, the index of the event
  // it was merged into there (mentions of one event share it). Empty
  // otherwise.
  std::vector<size_t> mention_event;
};

// How Build() groups mentions into events.
enum class EventGrouping {
  kMerge,   // decide afresh which mentions are the same happening (event_merge.h)
  kAsRead,  // keep the events of the graphs read, when every mention came from one;
            // a graph that is loaded to be queried needs no merging again
};

// The facts of one processed document: its article, its entities (aliases
// from its name and partial-name mentions) and one mention per event, with
// the sentence and trigger texts copied out. Events without an id get
// "<doc id>#e<n>" (n counts from 1 in document order).
GraphParts PartsFromDocument(const Document& doc);

// The facts a graph was built from (every mention of every event, with
// the event it is in).
GraphParts PartsOf(const KnowledgeGraph& graph);

class GraphBuilder {
 public:
  void AddDocument(const Document& doc) { Add(PartsFromDocument(doc)); }
  void Add(GraphParts parts);

  // Merges entities by id and mentions into events (event_merge.h), orders
  // the events into the timeline: by the first day of their date, a coarser
  // date before a finer one that starts the same day ("2024-06" before
  // "2024-06-01"), then by type and id; undated events last. An event's id
  // is EventIri() of the smallest Key() among its mentions. With kAsRead
  // and every mention read from a graph, the events are those of the
  // graphs read (each event's values are still recomputed from its
  // mentions, so a graph written by newsgraph reads back as it was).
  KnowledgeGraph Build(EventGrouping grouping = EventGrouping::kMerge) const;

 private:
  std::vector<std::vector<size_t>> GroupsAsRead(const std::vector<EventMention>& mentions) const;

  std::map<std::string, Article, std::less<>> articles_;
  std::map<std::string, GraphEntity, std::less<>> entities_;
  std::map<std::string, EventMention, std::less<>> mentions_;  // by Key()
  std::map<std::string, size_t, std::less<>> read_event_;      // mention Key() -> event, for kAsRead
  size_t read_events_ = 0;     // events numbered so far over all Add() calls
  bool all_read_ = true;       // every mention came with its event
};

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_GRAPH_BUILDER_H_
