#include "extractor/graph/knowledge_graph.h"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/breadth_first_search.hpp>

namespace newsgraph::graph {

// Vertices 0..E-1 are the entities, E..E+V-1 the events; an edge joins an
// event to each entity that fills one of its roles and names the role.
class KnowledgeGraph::Topology {
 public:
  struct RoleEdge {
    std::string role;
  };
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property, RoleEdge>;
  using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
  using Edge = boost::graph_traits<Graph>::edge_descriptor;

  Topology(const std::vector<GraphEntity>& entities, const std::vector<GraphEvent>& events,
           const KnowledgeGraph& g)
      : entity_count_(entities.size()), graph_(entities.size() + events.size()) {
    for (size_t e = 0; e < events.size(); ++e) {
      for (const Role& role : events[e].roles) {
        for (const std::string& id : role.entities) {
          std::optional<size_t> entity = g.EntityIndex(id);
          if (entity) boost::add_edge(*entity, entity_count_ + e, RoleEdge{role.name}, graph_);
        }
      }
    }
  }

  std::vector<size_t> EventsOf(size_t entity) const {
    std::vector<size_t> out;
    for (auto [it, end] = boost::out_edges(entity, graph_); it != end; ++it) {
      out.push_back(boost::target(*it, graph_) - entity_count_);
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

  std::optional<std::vector<PathHop>> ShortestPath(size_t from, size_t to) const {
    if (from == to) return std::vector<PathHop>{};
    const size_t n = boost::num_vertices(graph_);
    std::vector<Edge> parent_edge(n);
    std::vector<bool> reached(n, false);
    reached[from] = true;
    boost::breadth_first_search(graph_, from, boost::visitor(TreeRecorder{{}, &parent_edge, &reached}));
    if (!reached[to]) return std::nullopt;
    // Walk back from `to`: entity <- event <- entity ... Each recorded edge
    // runs from the vertex that reached it (source) to it (target).
    std::vector<PathHop> hops;
    Vertex v = to;
    while (v != from) {
      const Edge& into_entity = parent_edge[v];
      Vertex event = boost::source(into_entity, graph_);
      const Edge& into_event = parent_edge[event];
      hops.push_back(PathHop{event - entity_count_, graph_[into_event].role, graph_[into_entity].role, v});
      v = boost::source(into_event, graph_);
    }
    std::reverse(hops.begin(), hops.end());
    return hops;
  }

 private:
  // Records, for each vertex, the edge it was first reached by.
  struct TreeRecorder : boost::default_bfs_visitor {
    std::vector<Edge>* parent_edge;
    std::vector<bool>* reached;
    void tree_edge(const Edge& e, const Graph& g) const {
      Vertex t = boost::target(e, g);
      (*parent_edge)[t] = e;
      (*reached)[t] = true;
    }
  };

  size_t entity_count_;
  Graph graph_;
};

KnowledgeGraph::KnowledgeGraph() = default;
KnowledgeGraph::~KnowledgeGraph() = default;
KnowledgeGraph::KnowledgeGraph(const KnowledgeGraph&) = default;
KnowledgeGraph& KnowledgeGraph::operator=(const KnowledgeGraph&) = default;
KnowledgeGraph::KnowledgeGraph(KnowledgeGraph&&) noexcept = default;
KnowledgeGraph& KnowledgeGraph::operator=(KnowledgeGraph&&) noexcept = default;

void KnowledgeGraph::BuildTopology() { topology_ = std::make_shared<const Topology>(entities_, events_, *this); }

std::string EventMention::Key() const {
  if (event_id.size() > article.size() && event_id.compare(0, article.size(), article) == 0 &&
      event_id[article.size()] == '#') {
    return event_id;
  }
  return article + "#" + event_id;
}

namespace {

template <typename T>
const Role* FindRoleIn(const T& holder, std::string_view name) {
  for (const Role& r : holder.roles) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

template <typename T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  auto it = std::lower_bound(items.begin(), items.end(), id,
                             [](const T& item, std::string_view key) { return item.id < key; });
  return it != items.end() && it->id == id ? &*it : nullptr;
}

}  // namespace

const Role* EventMention::FindRole(std::string_view name) const { return FindRoleIn(*this, name); }
const Role* GraphEvent::FindRole(std::string_view name) const { return FindRoleIn(*this, name); }

const Article* KnowledgeGraph::FindArticle(std::string_view id) const { return FindById(articles_, id); }
const GraphEntity* KnowledgeGraph::FindEntity(std::string_view id) const { return FindById(entities_, id); }

std::optional<size_t> KnowledgeGraph::EntityIndex(std::string_view id) const {
  const GraphEntity* e = FindEntity(id);
  if (e == nullptr) return std::nullopt;
  return static_cast<size_t>(e - entities_.data());
}

std::vector<size_t> KnowledgeGraph::EventsOf(size_t entity) const {
  if (topology_ == nullptr || entity >= entities_.size()) return {};
  return topology_->EventsOf(entity);
}

std::optional<std::vector<PathHop>> KnowledgeGraph::ShortestPath(size_t from, size_t to) const {
  if (topology_ == nullptr || from >= entities_.size() || to >= entities_.size()) return std::nullopt;
  return topology_->ShortestPath(from, to);
}

size_t KnowledgeGraph::mention_count() const {
  size_t n = 0;
  for (const GraphEvent& e : events_) n += e.mentions.size();
  return n;
}

size_t KnowledgeGraph::merged_event_count() const {
  size_t n = 0;
  for (const GraphEvent& e : events_) n += e.mentions.size() > 1 ? 1 : 0;
  return n;
}

}  // namespace newsgraph::graph
