// Slugs of the names that rules find, for entity ids ("person/" + slug):
// ASCII lower case, '.' and ' dropped, any other mark or space (a run of
// them) as one '-', none at the end.
//
//   std::string id = "person/";
//   ner::AppendSlug("John O'Brien", &id);  // "person/john-obrien"
#ifndef NEWSGRAPH_NER_SLUG_H_
#define NEWSGRAPH_NER_SLUG_H_

#include <string>
#include <string_view>

namespace newsgraph::ner {

// Appends the slug of `name` to *out.
void AppendSlug(std::string_view name, std::string* out);
// The same, a byte at a time: what AppendSlug does for names that are not
// ASCII letters and digits between single spaces (tests compare the two).
void AppendSlugBytes(std::string_view name, std::string* out);

}  // namespace newsgraph::ner

#endif  // NEWSGRAPH_NER_SLUG_H_
