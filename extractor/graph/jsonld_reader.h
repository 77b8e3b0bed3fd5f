// Reads newsgraph's JSON-LD back into the facts of a graph, so that `merge`
// and `query` work from the files `timeline`, `merge` and `extract --format
// jsonld` write (write/jsonld_writer.h). It reads that shape, not any JSON-LD:
// the document must carry newsgraph's @context.
//
//   GraphParts parts;
//   JsonLdReadStats stats;
//   RETURN_IF_ERROR(ReadJsonLd(text, "shard-1.jsonld", &parts, &stats));
//   GraphBuilder builder;
//   builder.Add(std::move(parts));
//
// Thread-safe.
#ifndef NEWSGRAPH_GRAPH_JSONLD_READER_H_
#define NEWSGRAPH_GRAPH_JSONLD_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extractor/core/status.h"
#include "extractor/graph/graph_builder.h"

namespace newsgraph::graph {

struct JsonLdReadStats {
  size_t graphs = 0;           // JSON-LD documents read
  size_t failed_articles = 0;  // error records of documents that failed in `extract` (skipped)
};

// Reads every JSON-LD document in `text`: one document, or several one
// after the other (one per line, as `extract --format jsonld` writes).
// Appends their articles, entities and event mentions to *parts, with the
// event each mention was merged into (GraphParts::mention_event); derived
// values (merged events' own dates and statuses, the timeline list, counts)
// are not read: GraphBuilder recomputes them. Fails with DataError
// "<name>: <what>" on malformed JSON, a foreign @context or a node that
// misses what newsgraph writes; *parts may then hold part of the input.
Status ReadJsonLd(const std::string& text, std::string_view name, GraphParts* parts, JsonLdReadStats* stats);

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_JSONLD_READER_H_
