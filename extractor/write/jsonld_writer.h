// JSON-LD for newsgraph's knowledge graph: the timeline that `newsgraph
// timeline` and `merge` write, and the per-document records of `extract
// --format jsonld`. The @context (schemas/newsgraph.context.jsonld) is
// inlined, so no consumer needs the network: schema.org terms where they fit
// (NewsArticle, Person, Place, Organization, Event, startDate, location,
// eventStatus, sameAs, ItemList), the project's vocabulary
// (urn:newsgraph:vocab:) for the rest. docs/graph.md describes the shape.
//
//   std::string out;
//   WriteGraphJsonLd(graph, JsonLdStyle{}, &out);     // pretty, with the timeline
//
//   ASSIGN_OR_RETURN(auto writer, MakeRecordWriter("jsonld", options));
//   writer->WriteDocument(doc, &out);  // one line: the graph of that document
//
// Output is a function of the graph alone: the same graph gives the same
// bytes. Everything `merge` needs to rebuild the graph is in it (each event
// carries every mention it was merged from), and graph/jsonld_reader.h reads
// it back. Thread-safe.
#ifndef NEWSGRAPH_WRITE_JSONLD_WRITER_H_
#define NEWSGRAPH_WRITE_JSONLD_WRITER_H_

#include <string>

#include "extractor/graph/knowledge_graph.h"
#include "extractor/write/record_writer.h"

namespace newsgraph::write {

struct JsonLdStyle {
  bool pretty = true;    // indented, one member a line; false: one line
  bool timeline = true;  // add the schema:ItemList of the events, in order, with counts
};

// Appends the JSON-LD document of `graph` (and a newline) to *out.
void WriteGraphJsonLd(const graph::KnowledgeGraph& graph, const JsonLdStyle& style, std::string* out);

// extract --format jsonld: each record is one line holding the graph of one
// document (its article, entities and events, no timeline list); a failed
// document is a NewsArticle node with an "error". `merge` reads these lines.
class JsonLdWriter : public RecordWriter {
 public:
  explicit JsonLdWriter(WriteOptions options) : options_(options) {}
  void WriteDocument(const Document& doc, std::string* out) const override;
  void WriteError(const Document& doc, const Status& error, std::string* out) const override;

 private:
  WriteOptions options_;
};

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_JSONLD_WRITER_H_
