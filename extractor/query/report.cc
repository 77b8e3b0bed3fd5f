#include "extractor/query/report.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace newsgraph::query {
namespace {

using graph::EventMention;
using graph::GraphEntity;
using graph::GraphEvent;
using graph::KnowledgeGraph;
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

std::string NameOf(const KnowledgeGraph& g, const std::string& id) {
  const GraphEntity* e = g.FindEntity(id);
  return e == nullptr || e->name.empty() ? id : e->name;
}

std::string Names(const KnowledgeGraph& g, const graph::Role* role) {
  std::string out;
  if (role == nullptr) return out;
  for (const std::string& id : role->entities) {
    if (!out.empty()) out += ", ";
    out += NameOf(g, id);
  }
  return out;
}

std::string DateText(const GraphEvent& e) { return e.date.empty() ? "(no date)" : e.date; }

// Display width in terminal columns: one per code point.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

std::string OneLine(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// An aligned table: columns padded to their widest cell, two spaces apart;
// `notes[i]` lines are printed under row i, indented.
std::string Table(const std::vector<std::vector<std::string>>& rows,
                  const std::vector<std::vector<std::string>>& notes) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], Width(row[c]));
  }
  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t c = 0; c < rows[r].size(); ++c) {
      line += rows[r][c];
      if (c + 1 < rows[r].size()) line.append(widths[c] - Width(rows[r][c]) + 2, ' ');
    }
    out += line + "\n";
    if (r < notes.size()) {
      for (const std::string& n : notes[r]) out += "    " + n + "\n";
    }
  }
  return out;
}

std::vector<std::string> SourceLines(const KnowledgeGraph& g, const GraphEvent& e) {
  std::vector<std::string> lines;
  for (const EventMention& m : e.mentions) {
    const graph::Article* a = g.FindArticle(m.article);
    std::string where = m.article;
    if (a != nullptr && !a->published.empty()) where += ", " + a->published;
    // Two events of one sentence merged: the sentence once.
    std::string line = "[" + where + "] " + OneLine(m.sentence.text);
    if (std::find(lines.begin(), lines.end(), line) == lines.end()) lines.push_back(std::move(line));
  }
  return lines;
}

class Json {
 public:
  Json() : w_(buffer_) { w_.SetMaxDecimalPlaces(3); }
  JsonWriter& w() { return w_; }
  void Key(std::string_view k) { w_.Key(k.data(), static_cast<rapidjson::SizeType>(k.size())); }
  void String(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Member(std::string_view k, std::string_view v) {
    Key(k);
    String(v);
  }
  void OptionalMember(std::string_view k, std::string_view v) {
    Key(k);
    if (v.empty()) w_.Null();
    else String(v);
  }
  void Entity(const KnowledgeGraph& g, const std::string& id) {
    w_.StartObject();
    Member("id", id);
    Member("name", NameOf(g, id));
    w_.EndObject();
  }
  void Entities(const KnowledgeGraph& g, std::string_view key, const graph::Role* role) {
    Key(key);
    w_.StartArray();
    if (role != nullptr) {
      for (const std::string& id : role->entities) Entity(g, id);
    }
    w_.EndArray();
  }
  void EventHead(const GraphEvent& e) {
    Member("event", e.id);
    Member("type", e.type);
    OptionalMember("date", e.date);
    Member("datePrecision", graph::DatePrecisionName(e.range.precision));
    Member("status", EventStatusName(e.status));
    Key("confidence");
    w_.Double(e.confidence_milli / 1000.0);
  }
  void Sources(const KnowledgeGraph& g, const GraphEvent& e) {
    Key("sources");
    w_.StartArray();
    for (const EventMention& m : e.mentions) {
      const graph::Article* a = g.FindArticle(m.article);
      w_.StartObject();
      Member("article", m.article);
      OptionalMember("url", a != nullptr ? a->url : "");
      OptionalMember("published", a != nullptr ? a->published : "");
      Member("event", m.event_id);
      Member("status", EventStatusName(m.status));
      OptionalMember("date", m.date);
      Member("sentence", m.sentence.text);
      Key("start");
      w_.Uint(m.sentence.start);
      Key("end");
      w_.Uint(m.sentence.end);
      Member("trigger", m.trigger.text);
      w_.EndObject();
    }
    w_.EndArray();
  }
  std::string Done() { return std::string(buffer_.GetString(), buffer_.GetSize()) + "\n"; }

 private:
  rapidjson::StringBuffer buffer_;
  JsonWriter w_;
};

}  // namespace

std::string VisitsTable(const KnowledgeGraph& g, const std::vector<VisitRow>& rows) {
  if (rows.empty()) return "no visits found\n";
  std::vector<std::vector<std::string>> table = {{"DATE", "VISITOR", "DESTINATION", "STATUS", "SOURCES"}};
  std::vector<std::vector<std::string>> notes = {{}};
  for (const VisitRow& row : rows) {
    const GraphEvent& e = g.events()[row.event];
    table.push_back({DateText(e), row.visitor.empty() ? "(unnamed)" : NameOf(g, row.visitor),
                     Names(g, e.FindRole("destination")), std::string(EventStatusName(e.status)),
                     std::to_string(e.mentions.size())});
    notes.push_back(SourceLines(g, e));
  }
  return Table(table, notes) + std::to_string(rows.size()) + (rows.size() == 1 ? " visit\n" : " visits\n");
}

std::string VisitsJson(const KnowledgeGraph& g, const std::vector<VisitRow>& rows) {
  Json j;
  j.w().StartObject();
  j.Key("visits");
  j.w().StartArray();
  for (const VisitRow& row : rows) {
    const GraphEvent& e = g.events()[row.event];
    j.w().StartObject();
    j.EventHead(e);
    j.Key("visitor");
    if (row.visitor.empty()) j.w().Null();
    else j.Entity(g, row.visitor);
    j.Entities(g, "destination", e.FindRole("destination"));
    j.Entities(g, "host", e.FindRole("host"));
    j.Sources(g, e);
    j.w().EndObject();
  }
  j.w().EndArray();
  j.w().EndObject();
  return j.Done();
}

std::string EntityTimelineTable(const KnowledgeGraph& g, size_t entity, const std::vector<size_t>& events) {
  const GraphEntity& who = g.entities()[entity];
  std::string head = who.name + " (" + who.id + ")\n";
  if (events.empty()) return head + "no events found\n";
  std::vector<std::vector<std::string>> table = {{"DATE", "EVENT", "ROLE", "WITH", "STATUS", "SOURCES"}};
  std::vector<std::vector<std::string>> notes = {{}};
  for (size_t i : events) {
    const GraphEvent& e = g.events()[i];
    std::string roles, with;
    for (const graph::Role& r : e.roles) {
      bool mine = std::find(r.entities.begin(), r.entities.end(), who.id) != r.entities.end();
      if (mine) roles += (roles.empty() ? "" : ", ") + r.name;
      std::string others;
      for (const std::string& id : r.entities) {
        if (id != who.id) others += (others.empty() ? "" : ", ") + NameOf(g, id);
      }
      if (!others.empty()) with += (with.empty() ? "" : "; ") + r.name + ": " + others;
    }
    table.push_back({DateText(e), e.type, roles, with, std::string(EventStatusName(e.status)),
                     std::to_string(e.mentions.size())});
    notes.push_back(SourceLines(g, e));
  }
  return head + Table(table, notes) + std::to_string(events.size()) + (events.size() == 1 ? " event\n" : " events\n");
}

std::string EntityTimelineJson(const KnowledgeGraph& g, size_t entity, const std::vector<size_t>& events) {
  Json j;
  j.w().StartObject();
  j.Key("entity");
  j.Entity(g, g.entities()[entity].id);
  j.Key("events");
  j.w().StartArray();
  for (size_t i : events) {
    const GraphEvent& e = g.events()[i];
    j.w().StartObject();
    j.EventHead(e);
    j.Key("roles");
    j.w().StartObject();
    for (const graph::Role& r : e.roles) j.Entities(g, r.name, &r);
    j.w().EndObject();
    j.Sources(g, e);
    j.w().EndObject();
  }
  j.w().EndArray();
  j.w().EndObject();
  return j.Done();
}

std::string PathText(const KnowledgeGraph& g, size_t from, const std::vector<graph::PathHop>& hops) {
  std::string out = g.entities()[from].name + "\n";
  for (const graph::PathHop& hop : hops) {
    const GraphEvent& e = g.events()[hop.event];
    out += "  " + hop.from_role + " of " + e.type + " " + DateText(e) + " (" + std::string(EventStatusName(e.status)) +
           "), whose " + hop.to_role + " is\n";
    out += g.entities()[hop.entity].name + "\n";
  }
  out += std::to_string(hops.size()) + (hops.size() == 1 ? " event apart\n" : " events apart\n");
  return out;
}

std::string PathJson(const KnowledgeGraph& g, size_t from, size_t to,
                     const std::optional<std::vector<graph::PathHop>>& path) {
  static const std::vector<graph::PathHop> kNone;
  const std::vector<graph::PathHop>& hops = path ? *path : kNone;
  Json j;
  j.w().StartObject();
  j.Key("from");
  j.Entity(g, g.entities()[from].id);
  j.Key("to");
  j.Entity(g, g.entities()[to].id);
  j.Key("length");
  if (path) j.w().Uint64(hops.size());
  else j.w().Null();
  j.Key("steps");
  j.w().StartArray();
  for (const graph::PathHop& hop : hops) {
    const GraphEvent& e = g.events()[hop.event];
    j.w().StartObject();
    j.Key("event");
    j.w().StartObject();
    j.EventHead(e);
    j.w().EndObject();
    j.Member("fromRole", hop.from_role);
    j.Member("toRole", hop.to_role);
    j.Key("entity");
    j.Entity(g, g.entities()[hop.entity].id);
    j.w().EndObject();
  }
  j.w().EndArray();
  j.w().EndObject();
  return j.Done();
}

}  // namespace newsgraph::query
