// Decides which event mentions report the same real happening, so that two
// articles about one visit give one event with two sources.
//
// Two mentions are the same happening when all of these hold:
//   1. They have the same type.
//   2. Their dates overlap ("2024-06" agrees with "2024-06-19", "2024-W25"
//      with "2024-06-19"; "2024-06-19" does not agree with "2024-06-20"), or
//      neither has a date. A dated and an undated mention never merge: the
//      undated one may be about another occasion.
//   3. They share participants (people and organizations, any role): at
//      least two when both name two or more, else one. "Putin met Kim" and
//      "Putin met Xi" on the same day stay apart; "Putin met Kim" and "Kim
//      and Putin held talks" merge.
//   4. Every role both fill has a filler in common (for places, a compatible
//      place), so that Putin's visit to Kim and Kim's visit to Putin stay apart.
//   5. When both name places, two of them are compatible: the same place, or
//      a country and a place in it (North Korea and Pyongyang).
// The status does not keep mentions apart: "will visit" and "arrived" report
// the same happening at different times.
//
//   auto lookup = [&](std::string_view id) { return FindEntity(id); };
//   std::vector<std::vector<size_t>> groups = GroupMentions(mentions, lookup);
//
// Pure functions; thread-safe.
#ifndef NEWSGRAPH_GRAPH_EVENT_MERGE_H_
#define NEWSGRAPH_GRAPH_EVENT_MERGE_H_

#include <functional>
#include <string_view>
#include <vector>

#include "extractor/graph/knowledge_graph.h"

namespace newsgraph::graph {

// What merging knows of an entity id; nullptr when the id is unknown (it is
// then taken as a participant, never as a place).
using EntityLookup = std::function<const GraphEntity*(std::string_view id)>;

// True when `a` and `b` can report the same happening (rules above).
bool SameHappening(const EventMention& a, const EventMention& b, const EntityLookup& lookup);

// Partitions `mentions` into happenings; each group lists indices into
// `mentions`, ascending, and the groups come in order of their first index.
// Every member of a group is the same happening as every other (complete
// linkage). The partition depends only on the set of mentions, not on their
// order: mentions are taken most precise date first, then by date, then by
// Key(), and each joins the largest group it fits (the earliest on a tie).
std::vector<std::vector<size_t>> GroupMentions(const std::vector<EventMention>& mentions,
                                               const EntityLookup& lookup);

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_EVENT_MERGE_H_
