// Chooses a reader for an input from its name and first bytes, recognizes
// binary data, and finds the character set a page or feed declares. Pure
// functions, thread-safe.
//
//   ChooseFormat("world.rss", head) == Format::kFeed
//   ChooseFormat("-", "{\"id\": 1, ...") == Format::kNdjson
//   DetectBinary("\x1F\x8B\x08...") == "gzip-compressed data"
#ifndef NEWSGRAPH_READ_DETECT_H_
#define NEWSGRAPH_READ_DETECT_H_

#include <optional>
#include <string>
#include <string_view>

#include "extractor/read/document_stream.h"

namespace newsgraph::read {

// How many leading bytes detection looks at.
inline constexpr size_t kSniffBytes = 4096;

// The reader an extension asks for ("txt" -> kText, "html" -> kHtml,
// "rss"/"atom"/"rdf" -> kFeed, "ndjson"/"jsonl" -> kNdjson, "json" -> kJson),
// kAuto for any other. Case-insensitive; looks at the last path component.
Format FormatFromExtension(std::string_view path);

// The reader the first bytes suggest: '{' -> kNdjson (kJson when the first
// line is a lone "{", i.e. pretty-printed), '[' -> kJson, markup whose root
// is rss / feed / rdf:RDF (or after an XML declaration, any non-HTML root)
// -> kFeed, other markup -> kHtml, anything else (and empty) -> kText.
Format FormatFromContent(std::string_view head);

// Extension and content together: .txt is always text and .ndjson/.jsonl
// always NDJSON; markup is told apart (page or feed) by its root element
// whatever the extension; otherwise a known extension decides, then content.
Format ChooseFormat(std::string_view path, std::string_view head);

// Why `head` (the first bytes of an input, after any byte-order mark) is not
// text: a known file signature ("gzip-compressed data", "a PNG image") or too
// many control bytes. nullopt for text.
std::optional<std::string> DetectBinary(std::string_view head);

// The character set declared in an XML declaration (xml = true) or in the
// first <meta charset> / http-equiv of a page, lower-cased ("windows-1252");
// empty when none is declared.
std::string DeclaredCharset(std::string_view head, bool xml);

// Whether a declared charset means the bytes are (or must be) UTF-8: none
// declared, "utf-8", "utf8", or ASCII.
bool IsUtf8Charset(std::string_view charset);

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_DETECT_H_
