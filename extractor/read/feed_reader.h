// Reads RSS 2.0, RSS 1.0 (RDF) and Atom feeds as a stream, one Document per
// <item> / <entry>, in feed order, with memory bounded by one item (the
// feed is pushed through libxml2's SAX parser in 64 KB chunks).
//
//   auto feed = NewFeedSource(std::move(input), "world.rss", options, false);
//   ReadItem item;
//   while (feed->Next(&item)) ...
//
// Safety: the bytes pass through XmlSanitizer first (no DOCTYPE, so no
// entity is ever declared, expanded or fetched), and libxml2 runs with
// XML_PARSE_NONET and without XML_PARSE_NOENT, DTD loading or
// XML_PARSE_HUGE; its entity callbacks resolve nothing.
//
// Per item:
//   id        <guid> (RSS) or <id> (Atom), else the link, else "<name>#<n>"
//             (n = 1-based position of the item in the feed)
//   url       <link> (RSS), <link rel="alternate" href> (Atom), else a
//             permalink <guid>
//   title     <title>, entity-escaped HTML in it decoded
//   text      <content:encoded>, else Atom <content>, else <description> /
//             <summary>; HTML (escaped, CDATA or XHTML) is reduced to its
//             text as for pages (html_reader.h). With no content at all the
//             title is the text (with a warning).
//   published the first valid of <pubDate>, <published>, <dc:date>,
//             <issued>, <updated>, <modified>; an impossible date (31
//             February) is skipped with a warning; else ReadOptions::published
//   source    "<name>:<line of the item's start tag>"
// Errors, as items in the stream: a root element that is not rss / feed /
// RDF; a feed with no items; an item over max_document_bytes (kTooLarge,
// the next items still come); an item cut off by the end of the input; XML
// so broken that libxml2 stops (the items before it still come). XML errors
// libxml2 recovers from become warnings on the item being read.
#ifndef NEWSGRAPH_READ_FEED_READER_H_
#define NEWSGRAPH_READ_FEED_READER_H_

#include <memory>
#include <string>

#include "extractor/read/document_stream.h"
#include "extractor/read/input.h"

namespace newsgraph::read {

// `name` is the input's name (path or "stdin") used in ids and sources.
// `utf8_already`: the bytes were converted to UTF-8 by the caller, so any
// encoding the XML declaration names is ignored.
std::unique_ptr<Source> NewFeedSource(std::unique_ptr<ByteInput> input, std::string name,
                                      const ReadOptions& options, bool utf8_already);

// The libxml2 parser options feeds are read with (for tests).
int FeedXmlParseOptions();

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_FEED_READER_H_
