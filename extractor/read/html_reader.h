// Reads an HTML page (libxml2's HTML parser, in recovery mode, with no
// network access and no external entities) into a Document: its title, URL,
// publication date and main text.
//
//   Document doc;
//   ReadHtml(page_bytes, "2024-06-19", &doc);
//   doc.title, doc.url, doc.published, doc.text, doc.warnings
//
// Title: <meta property="og:title">, else <title>, else the first <h1>.
// URL: <link rel="canonical">, else <meta property="og:url">.
// Publication date, the first of these that is a real calendar date:
//   1. <meta property|name="article:published_time">;
//   2. schema.org JSON-LD in <script type="application/ld+json">: the
//      "datePublished" of an Article-type object (NewsArticle, Article,
//      ReportageNewsArticle, BlogPosting, ...), at the top level, in an
//      array, in "@graph" or nested in another object;
//   3. itemprop="datePublished" (content or datetime attribute);
//   4. <meta name="pubdate|publishdate|date|dc.date|dc.date.issued|...">;
//   5. the first <time datetime> inside the main content.
// An impossible date (2024-02-31) is skipped with a warning; when none is
// found, `fallback_date` (--date) is used.
// Main text: the element with itemprop="articleBody", else the largest
// <article>, else <main> / role="main", else the element holding the most
// paragraph text, else <body>. Inside it, scripts, styles, forms, frames,
// media, figures, <nav>, <aside>, <footer>, hidden elements, ARIA landmark
// boilerplate (navigation, banner, complementary, contentinfo, search,
// dialog...), and elements whose class or id names boilerplate (cookie,
// consent, newsletter, share, related, comments, ad, sidebar, byline...) or
// that are mostly links are left out; the last two only when they hold less
// than half of the main text. A <header> inside an article gives only its
// headings. Block elements (p, div, li, h1-h6, ...) become paragraphs
// separated by "\n\n", <br> a "\n"; entities are decoded and white space
// is normalized (text_util.h TextBuilder).
#ifndef NEWSGRAPH_READ_HTML_READER_H_
#define NEWSGRAPH_READ_HTML_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "extractor/core/document.h"

namespace newsgraph::read {

// Fills doc->title, url, published, text and warnings from the page bytes
// (any charset libxml2 knows; undeclared or UTF-8 pages have invalid
// sequences replaced by U+FFFD with a warning). Never fails: a page with no
// text gives an empty text and a warning. Thread-compatible.
void ReadHtml(std::string_view bytes, std::string_view fallback_date, Document* doc);

// The readable text of an HTML fragment (a feed item's description), laid
// out as ReadHtml lays out the main text, with the same boilerplate rules
// applied to the whole fragment. At most about `limit` bytes; sets
// *truncated when it stopped there.
std::string HtmlFragmentToText(std::string_view html, size_t limit, bool* truncated = nullptr);

// Whether libxml2 can convert from `charset` ("windows-1252", "shift_jis").
bool IsKnownCharset(const std::string& charset);

// Calls xmlInitParser once and silences libxml2's generic error output on
// this thread. Every libxml2 user in read/ calls it first.
void InitLibxml();

}  // namespace newsgraph::read

#endif  // NEWSGRAPH_READ_HTML_READER_H_
