// The names newsgraph's JSON-LD uses: the @context shipped in
// schemas/newsgraph.context.jsonld (compiled in, so that no output and no
// reader needs the network or the data folder), the IRIs given to articles,
// entities and events, and the event roles the context defines as terms.
//
//   std::string iri = EntityIri("person/vladimir-putin");
//   // "urn:newsgraph:entity:person/vladimir-putin"
//   std::string id;
//   DecodeIri(iri, kEntityIriPrefix, &id);     // id == "person/vladimir-putin"
//
// Pure functions and constants; thread-safe.
#ifndef NEWSGRAPH_GRAPH_VOCABULARY_H_
#define NEWSGRAPH_GRAPH_VOCABULARY_H_

#include <string>
#include <string_view>

namespace newsgraph::graph {

// The project vocabulary: every term the context maps to "ng:" expands to
// this namespace ("status" -> "urn:newsgraph:vocab:status").
inline constexpr std::string_view kVocabularyIri = "urn:newsgraph:vocab:";
inline constexpr std::string_view kArticleIriPrefix = "urn:newsgraph:article:";
inline constexpr std::string_view kEntityIriPrefix = "urn:newsgraph:entity:";
inline constexpr std::string_view kEventIriPrefix = "urn:newsgraph:event:";
// The schema:ItemList that holds the timeline.
inline constexpr std::string_view kTimelineIri = "urn:newsgraph:timeline";

// The text of schemas/newsgraph.context.jsonld as it was at build time: a
// JSON object whose "@context" member is the context every output inlines.
std::string_view ContextDocumentText();

// Percent-encodes every byte of `id` that may not stand as is in the path of
// an IRI: anything but ALPHA DIGIT - . _ ~ ! $ & ' ( ) * + , ; = : @ /.
std::string EncodeIriPart(std::string_view id);

std::string ArticleIri(std::string_view article_id);
std::string EntityIri(std::string_view entity_id);
std::string EventIri(std::string_view event_key);

// If `iri` starts with `prefix`, sets *id to the percent-decoded rest and
// returns true. Returns false (and leaves *id alone) otherwise or when an
// escape is malformed.
bool DecodeIri(std::string_view iri, std::string_view prefix, std::string* id);

// True for the role names that the context defines as terms ("visitor",
// "destination", "host", "participants", "place", "parties", "inviter",
// "invitee"). Other roles are written as compact IRIs "ng:<role>".
bool IsRoleTerm(std::string_view role);

// True for the event types the context defines as classes ("Visit",
// "Meeting", "Agreement", "Invitation"). Others are written "ng:<type>".
bool IsEventTypeTerm(std::string_view type);

}  // namespace newsgraph::graph

#endif  // NEWSGRAPH_GRAPH_VOCABULARY_H_
