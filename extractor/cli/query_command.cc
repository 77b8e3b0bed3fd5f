// newsgraph query: questions asked of a JSON-LD graph.
#include <algorithm>
#include <cstdio>

#include "extractor/cli/args.h"
#include "extractor/cli/commands.h"
#include "extractor/cli/graph_io.h"
#include "extractor/query/queries.h"
#include "extractor/query/report.h"

namespace newsgraph::cli {
namespace {

constexpr const char* kSummary =
    "Answers questions from a graph written by 'newsgraph timeline' or 'merge'\n"
    "(- reads standard input). Names resolve through every name and alias the\n"
    "articles used, ignoring case ('Putin', 'vladimir putin'); a partial name\n"
    "('Kim') finds the entities whose names hold it.\n"
    "\n"
    "questions:\n"
    "  visits [--by NAME] [--to PLACE] [--since DATE] [--until DATE] [--status S]\n"
    "      who visited where and when, with the source sentences. A country as\n"
    "      PLACE also finds visits to places in it. DATE is YYYY, YYYY-MM or\n"
    "      YYYY-MM-DD; an imprecise event date (2000-07) counts when it reaches\n"
    "      into the range.\n"
    "  timeline --entity NAME\n"
    "      the events NAME took part in, in date order.\n"
    "  path A B\n"
    "      how A and B are connected through events: a shortest path.";

int Fail(const std::string& message) {
  std::fprintf(stderr, "newsgraph query: %s\n", message.c_str());
  return kExitSomeFailed;
}

Status OnlyFlags(const ArgParser& p, const std::string& question, const std::vector<std::string>& allowed) {
  for (const char* flag : {"by", "to", "since", "until", "status", "entity"}) {
    if (!p.Has(flag)) continue;
    if (std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
      return InvalidArgument("--" + std::string(flag) + " does not apply to '" + question + "'");
    }
  }
  return Status::Ok();
}

Result<std::vector<EventStatus>> Statuses(const std::vector<std::string>& values) {
  std::vector<EventStatus> out;
  for (const std::string& list : values) {
    size_t start = 0;
    while (start <= list.size()) {
      size_t comma = list.find(',', start);
      std::string name = list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
      bool known = false;
      for (int s = 0; s <= static_cast<int>(EventStatus::kUncertain); ++s) {
        if (EventStatusName(static_cast<EventStatus>(s)) == name) {
          out.push_back(static_cast<EventStatus>(s));
          known = true;
        }
      }
      if (!known) {
        return InvalidArgument("--status takes occurred, planned, cancelled, postponed, denied or uncertain, not '" +
                               name + "'");
      }
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

int RunQuery(const std::vector<std::string>& args) {
  ArgParser p("query", "GRAPH.jsonld visits|timeline|path [options]", kSummary);
  p.AddFlag("by", "NAME", "visits: by this visitor");
  p.AddFlag("to", "PLACE", "visits: to this place (a country covers its places)");
  p.AddFlag("since", "DATE", "visits: dated on or after DATE");
  p.AddFlag("until", "DATE", "visits: dated on or before DATE");
  p.AddFlag("status", "S[,S...]", "visits: only these statuses (repeatable)");
  p.AddFlag("entity", "NAME", "timeline: whose events");
  p.AddSwitch("json", "answer as JSON instead of a table");
  if (Status s = p.Parse(args); !s.ok()) return UsageError("query", s.message());
  if (p.help()) {
    std::fputs(p.Help().c_str(), stdout);
    return kExitOk;
  }
  const std::vector<std::string>& pos = p.positionals();
  if (pos.size() < 2) return UsageError("query", "needs GRAPH and a question: visits, timeline or path");
  const std::string& question = pos[1];
  const bool json = p.Has("json");
  Status flags_ok = question == "visits"     ? OnlyFlags(p, question, {"by", "to", "since", "until", "status"})
                    : question == "timeline" ? OnlyFlags(p, question, {"entity"})
                    : question == "path"     ? OnlyFlags(p, question, {})
                                             : InvalidArgument("unknown question '" + question +
                                                               "' (expected visits, timeline or path)");
  if (!flags_ok.ok()) return UsageError("query", flags_ok.message());
  size_t want_positionals = question == "path" ? 4 : 2;
  if (pos.size() != want_positionals) {
    return UsageError("query", question == "path" ? "path needs two names: path A B"
                                                  : "unexpected argument '" + pos[2] + "'");
  }
  if (question == "timeline" && p.Get("entity").empty()) return UsageError("query", "timeline needs --entity NAME");
  Result<std::vector<EventStatus>> statuses = Statuses(p.GetAll("status"));
  if (!statuses.ok()) return UsageError("query", statuses.status().message());

  Result<graph::KnowledgeGraph> loaded = LoadGraphs({pos[0]}, nullptr, graph::EventGrouping::kAsRead);
  if (!loaded.ok()) return Fail(loaded.status().message());
  const graph::KnowledgeGraph& g = *loaded;

  std::string out;
  if (question == "visits") {
    query::VisitFilter filter{p.Get("by"), p.Get("to"), p.Get("since"), p.Get("until"), *statuses};
    Result<std::vector<query::VisitRow>> rows = query::FindVisits(g, filter);
    if (!rows.ok()) {
      if (rows.status().code() == StatusCode::kInvalidArgument) return UsageError("query", rows.status().message());
      return Fail(rows.status().message());
    }
    out = json ? query::VisitsJson(g, *rows) : query::VisitsTable(g, *rows);
  } else if (question == "timeline") {
    std::optional<size_t> who = query::ResolveOne(g, p.Get("entity"));
    if (!who) return Fail("no entity matches '" + p.Get("entity") + "'");
    std::vector<size_t> events = g.EventsOf(*who);
    out = json ? query::EntityTimelineJson(g, *who, events) : query::EntityTimelineTable(g, *who, events);
  } else {
    std::optional<size_t> from = query::ResolveOne(g, pos[2]);
    if (!from) return Fail("no entity matches '" + pos[2] + "'");
    std::optional<size_t> to = query::ResolveOne(g, pos[3]);
    if (!to) return Fail("no entity matches '" + pos[3] + "'");
    std::optional<std::vector<graph::PathHop>> hops = g.ShortestPath(*from, *to);
    if (json) {
      out = query::PathJson(g, *from, *to, hops);
    } else if (hops) {
      out = query::PathText(g, *from, *hops);
    } else {
      out = g.entities()[*from].name + " and " + g.entities()[*to].name + " are not connected through any event\n";
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace newsgraph::cli
