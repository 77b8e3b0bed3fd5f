#include "extractor/read/feed_reader.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <deque>
#include <vector>

#include "extractor/core/civil_date.h"
#include "extractor/core/utf8.h"
#include "extractor/read/detect.h"
#include "extractor/read/html_reader.h"
#include "extractor/read/text_util.h"
#include "extractor/read/xml_sanitizer.h"

namespace newsgraph::read {

namespace {

// Recovery from broken markup and no network. Deliberately absent:
// XML_PARSE_NOENT (substitute entities), XML_PARSE_DTDLOAD / DTDATTR /
// DTDVALID (read a DTD), XML_PARSE_XINCLUDE and XML_PARSE_HUGE (lift
// libxml2's size and depth limits).
constexpr int kXmlOptions = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
static_assert((kXmlOptions & (XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID |
                              XML_PARSE_XINCLUDE | XML_PARSE_HUGE)) == 0);

constexpr size_t kChunkBytes = 1 << 16;
constexpr size_t kMaxXmlWarnings = 3;

constexpr std::string_view kAtomNs = "http://www.w3.org/2005/Atom";
constexpr std::string_view kAtom03Ns = "http://purl.org/atom/ns#";
constexpr std::string_view kRss1Ns = "http://purl.org/rss/1.0/";
constexpr std::string_view kRss09Ns = "http://my.netscape.com/rdf/simple/0.9/";
constexpr std::string_view kContentNs = "http://purl.org/rss/1.0/modules/content/";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";

std::string_view Str(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}

bool IsAtomNs(std::string_view ns) { return ns == kAtomNs || ns == kAtom03Ns; }
bool IsRssNs(std::string_view ns) { return ns.empty() || ns == kRss1Ns || ns == kRss09Ns; }

// How the text of a field is written.
enum class Markup : uint8_t {
  kText,      // plain text
  kHtml,      // HTML source (escaped or CDATA); child elements are HTML too
  kXhtml,     // XHTML child elements (Atom type="xhtml")
  kRssTitle,  // plain text that may carry entity-escaped HTML
};

// Atom's type attribute: nullopt for content that is not text (an image).
std::optional<Markup> AtomMarkup(std::string_view type) {
  std::string t = AsciiLower(TrimAscii(type));
  if (t.empty() || t == "text" || t == "text/plain") return Markup::kText;
  if (t == "html" || t == "text/html") return Markup::kHtml;
  if (t == "xhtml" || t == "application/xhtml+xml") return Markup::kXhtml;
  return std::nullopt;
}

struct Field {
  std::string raw;
  Markup markup = Markup::kText;
  bool seen = false;
};

struct Item {
  int line = 0;
  Field title, link, guid, atom_id, description, summary, content, encoded;
  std::string atom_link;  // <link rel="alternate" href>
  bool guid_is_permalink = true;
  struct Date {
    int rank;
    std::string tag;
    Field field;
  };
  std::vector<Date> dates;
  size_t bytes = 0;
  bool too_large = false;
};

class FeedSource : public Source {
 public:
  FeedSource(std::unique_ptr<ByteInput> input, std::string name, const ReadOptions& options, bool utf8_already)
      : input_(std::move(input)), name_(std::move(name)), options_(options), utf8_already_(utf8_already),
        sanitizer_(true) {}

  ~FeedSource() override {
    if (ctxt_ == nullptr) return;
    // libxml2 may build a document for a DOCTYPE's entities even with SAX
    // handlers; xmlFreeParserCtxt leaves it to the caller.
    if (ctxt_->myDoc != nullptr) xmlFreeDoc(ctxt_->myDoc);
    xmlFreeParserCtxt(ctxt_);
  }

  bool Next(ReadItem* item) override {
    while (queue_.empty() && !finished_) Pump();
    if (queue_.empty()) return false;
    *item = std::move(queue_.front());
    queue_.pop_front();
    return true;
  }

 private:
  // Reads and parses one more chunk; at the end, reports what is missing.
  void Pump() {
    if (ctxt_ == nullptr && !Start()) return;
    char buf[kChunkBytes];
    Result<size_t> n = input_->Read(buf, sizeof buf);
    if (!n.ok()) {
      Emit(Failure(n.status()));
      finished_ = true;
      return;
    }
    std::string& clean = clean_;  // reused: keeps its capacity
    clean.clear();
    if (*n == 0) {
      sanitizer_.Finish(&clean);
      Parse(clean, /*terminate=*/true);
      End();
      return;
    }
    sanitizer_.Push(std::string_view(buf, *n), &clean);
    NoteRepairs();
    Parse(clean, /*terminate=*/false);
    if (ctxt_->instate == XML_PARSER_EOF || root_error_) {
      // libxml2 gave up, or this is not a feed: stop reading. Stopping
      // after the root element closed loses nothing unless more feed
      // follows (two feeds one after the other).
      if (!root_error_ && saw_root_ && depth_ == 0) {
        if (MoreFeedFollows(clean)) {
          Emit(Failure(InvalidArgument("more XML follows the end of the feed (after line " +
                                       std::to_string(CurrentLine()) + "); it was not read")));
        }
      } else {
        halted_ = true;
      }
      End();
    }
  }

  // Whether the bytes after the root element's end (in `chunk`, the last
  // one parsed) and the rest of the input hold the start of another feed
  // or item.
  bool MoreFeedFollows(std::string_view chunk) {
    static constexpr std::string_view kMarks[] = {"<item", "<entry", "<rss", "<feed", "<rdf:RDF"};
    auto found = [](std::string_view s) {
      for (std::string_view m : kMarks) {
        if (s.find(m) != std::string_view::npos) return true;
      }
      return false;
    };
    // The chunk from where the root element ended (earlier chunks were
    // read past it without complaint).
    uint64_t chunk_start = pushed_bytes_ - chunk.size();
    if (root_end_offset_ > chunk_start) {
      chunk.remove_prefix(static_cast<size_t>(std::min<uint64_t>(root_end_offset_ - chunk_start, chunk.size())));
    }
    std::string window(chunk);
    char buf[kChunkBytes];
    while (true) {
      if (found(window)) return true;
      if (window.size() > 8) window.erase(0, window.size() - 8);  // a mark cut by the chunk end
      Result<size_t> n = input_->Read(buf, sizeof buf);
      if (!n.ok() || *n == 0) return false;
      window.append(buf, *n);
    }
  }

  bool Start() {
    InitLibxml();
    Result<std::string_view> head = input_->Peek(kSniffBytes);
    std::string charset = head.ok() ? DeclaredCharset(*head, /*xml=*/true) : "";
    // A feed in UTF-8 (or declaring nothing) is repaired before parsing;
    // libxml2 converts any other declared encoding itself.
    if (!utf8_already_ && !IsUtf8Charset(charset) && !IsKnownCharset(charset)) {
      Warn("unknown encoding \"" + charset.substr(0, 40) + "\": read as UTF-8");
      charset.clear();
    }
    bool utf8 = utf8_already_ || IsUtf8Charset(charset);
    sanitizer_ = XmlSanitizer(utf8);
    std::memset(&sax_, 0, sizeof sax_);
    sax_.initialized = XML_SAX2_MAGIC;
    sax_.startElementNs = OnStart;
    sax_.endElementNs = OnEnd;
    sax_.characters = OnCharacters;
    sax_.cdataBlock = OnCharacters;
    sax_.serror = OnError;
    // Entities: none is declared (the sanitizer drops the DOCTYPE), and
    // should one slip through, it resolves to nothing.
    sax_.getEntity = NoEntity;
    sax_.getParameterEntity = NoEntity;
    sax_.entityDecl = IgnoreEntityDecl;
    sax_.resolveEntity = NoInput;
    ctxt_ = xmlCreatePushParserCtxt(&sax_, this, nullptr, 0, nullptr);
    if (ctxt_ == nullptr) {
      Emit(Failure(Internal("libxml2 could not create a parser")));
      finished_ = true;
      return false;
    }
    xmlCtxtUseOptions(ctxt_, kXmlOptions | (utf8 ? XML_PARSE_IGNORE_ENC : 0));
    if (utf8) xmlSwitchEncoding(ctxt_, XML_CHAR_ENCODING_UTF8);
    return true;
  }

  void Parse(const std::string& bytes, bool terminate) {
    pushed_bytes_ += bytes.size();
    std::string_view rest = bytes;
    do {
      size_t n = std::min<size_t>(rest.size(), INT_MAX / 2);
      xmlParseChunk(ctxt_, rest.data(), static_cast<int>(n), terminate && n == rest.size() ? 1 : 0);
      rest.remove_prefix(n);
    } while (!rest.empty());
  }

  void NoteRepairs() {
    if (sanitizer_.invalid_utf8() > reported_invalid_) {
      size_t n = sanitizer_.invalid_utf8() - reported_invalid_;
      Warn("replaced " + std::to_string(n) + " invalid UTF-8 sequence" + (n == 1 ? "" : "s") + " with U+FFFD");
      reported_invalid_ = sanitizer_.invalid_utf8();
    }
    if (sanitizer_.control_chars() > reported_controls_) {
      size_t n = sanitizer_.control_chars() - reported_controls_;
      Warn("replaced " + std::to_string(n) + " control character" + (n == 1 ? "" : "s") + " with spaces");
      reported_controls_ = sanitizer_.control_chars();
    }
  }

  // Warnings attach to the item being read, or to the next one.
  void Warn(std::string w) {
    if (in_item_ > 0) {
      item_warnings_.push_back(std::move(w));
    } else {
      pending_warnings_.push_back(std::move(w));
    }
  }

  // The end of the input, or libxml2 stopped: errors for what was lost.
  void End() {
    finished_ = true;
    NoteRepairs();
    if (root_error_) {
      Emit(Failure(InvalidArgument(*root_error_)));
      return;
    }
    if (in_item_ > 0) {
      ReadItem r = Failure(InvalidArgument(
          "item " + std::to_string(items_started_) + " (line " + std::to_string(item_.line) +
          ") is cut off: " + (halted_ ? "reading stopped at " + LastError() : "the feed ends inside it")));
      r.doc.id = ItemId(item_, items_started_);
      r.doc.source = name_ + ":" + std::to_string(item_.line);
      Emit(std::move(r));
      return;
    }
    if (halted_ && first_error_) {
      Emit(Failure(InvalidArgument("XML error at " + LastError() + "; reading stopped there after " +
                                   std::to_string(items_done_) + " item" + (items_done_ == 1 ? "" : "s"))));
      return;
    }
    if (items_started_ == 0) {
      std::string why = !saw_root_ ? "no XML element found" : "no <item> or <entry> in the feed";
      if (first_error_) why += " (XML error at " + FirstError() + ")";
      Emit(Failure(InvalidArgument(why)));
    }
  }

  std::string FirstError() const { return first_error_ ? *first_error_ : "unknown place"; }
  std::string LastError() const { return last_error_ ? *last_error_ : FirstError(); }

  ReadItem Failure(Status status) {
    ReadItem r = ErrorItem(name_, std::move(status), Format::kFeed);
    return r;
  }

  void Emit(ReadItem item) { queue_.push_back(std::move(item)); }

  int CurrentLine() const { return ctxt_ != nullptr && ctxt_->input != nullptr ? ctxt_->input->line : 0; }

  // --- SAX callbacks -------------------------------------------------------

  static FeedSource* Self(void* ctx) { return static_cast<FeedSource*>(ctx); }

  static void OnStart(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                      int nb_attributes, int, const xmlChar** attributes) {
    FeedSource* self = Self(ctx);
    ++self->depth_;
    std::string_view local = Str(localname);
    std::string_view ns = Str(uri);
    auto attr = [&](std::string_view name) -> std::string_view {
      for (int i = 0; i < nb_attributes; ++i) {
        const xmlChar** a = attributes + 5 * i;  // localname, prefix, URI, value, end
        if (Str(a[0]) == name && a[2] == nullptr) {
          return std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<size_t>(a[4] - a[3]));
        }
      }
      return {};
    };
    self->StartElement(local, ns, attr);
  }

  template <typename Attr>
  void StartElement(std::string_view local, std::string_view ns, Attr attr) {
    if (depth_ == 1) {
      saw_root_ = true;
      if (local == "rss" || local == "RDF") {
        atom_ = false;
      } else if (local == "feed") {
        atom_ = true;
      } else {
        root_error_ = "not an RSS or Atom feed: the root element is <" + std::string(Utf8Prefix(local, 60)) + ">";
        RepairUtf8(&*root_error_);
        xmlStopParser(ctxt_);
      }
      return;
    }
    if (in_item_ == 0) {
      if ((local == "item" && IsRssNs(ns)) || (local == "entry" && (IsAtomNs(ns) || ns.empty()))) {
        in_item_ = depth_;
        item_ = Item();
        item_.line = CurrentLine();
        item_warnings_ = std::move(pending_warnings_);
        pending_warnings_.clear();
        ++items_started_;
      }
      return;
    }
    if (field_ != nullptr) {
      if (field_->markup == Markup::kHtml || field_->markup == Markup::kXhtml) {
        AppendToField("<", false);
        AppendToField(local, false);  // attributes do not matter for the text
        AppendToField(">", false);
      }
      return;
    }
    if (depth_ != in_item_ + 1) return;  // deeper, outside any field
    bool atom_element = IsAtomNs(ns) || (atom_ && ns.empty());
    bool rss_element = IsRssNs(ns) && !atom_;
    Field* target = nullptr;
    Markup markup = Markup::kText;
    if (local == "title" && (atom_element || rss_element)) {
      target = &item_.title;
      if (atom_element) {
        auto m = AtomMarkup(attr("type"));
        if (!m) return;
        markup = *m;
      } else {
        markup = Markup::kRssTitle;
      }
    } else if (local == "link" && atom_element) {
      std::string rel = AsciiLower(TrimAscii(attr("rel")));
      std::string_view href = TrimAscii(attr("href"));
      if ((rel.empty() || rel == "alternate") && !href.empty() && item_.atom_link.empty()) {
        item_.atom_link = std::string(href);
      }
      return;
    } else if (local == "link" && rss_element) {
      target = &item_.link;
    } else if (local == "guid" && rss_element) {
      target = &item_.guid;
      item_.guid_is_permalink = !EqualsIgnoreCase(TrimAscii(attr("isPermaLink")), "false");
    } else if (local == "id" && atom_element) {
      target = &item_.atom_id;
    } else if (local == "description" && rss_element) {
      target = &item_.description;
      markup = Markup::kHtml;
    } else if (local == "encoded" && ns == kContentNs) {
      target = &item_.encoded;
      markup = Markup::kHtml;
    } else if ((local == "summary" || local == "content") && atom_element) {
      if (local == "content" && !attr("src").empty()) return;  // content elsewhere
      auto m = AtomMarkup(attr("type"));
      if (!m) return;
      target = local == "summary" ? &item_.summary : &item_.content;
      markup = *m;
    } else {
      int rank = 0;
      if (local == "pubDate" && rss_element) rank = 1;
      if (local == "published" && atom_element) rank = 2;
      if (local == "date" && ns == kDcNs) rank = 3;
      if (local == "issued" && atom_element) rank = 4;
      if (local == "updated" && atom_element) rank = 5;
      if (local == "modified" && atom_element) rank = 6;
      if (rank == 0) return;
      item_.dates.push_back({rank, std::string(ns == kDcNs ? "dc:date" : local), Field()});
      target = &item_.dates.back().field;
    }
    if (target->seen) return;  // the first of a repeated element wins
    target->seen = true;
    target->markup = markup;
    field_ = target;
    field_depth_ = depth_;
  }

  static void OnEnd(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar*) {
    FeedSource* self = Self(ctx);
    if (self->field_ != nullptr) {
      if (self->depth_ == self->field_depth_) {
        self->field_ = nullptr;
      } else if (self->field_->markup == Markup::kHtml || self->field_->markup == Markup::kXhtml) {
        self->AppendToField("</", false);
        self->AppendToField(Str(localname), false);
        self->AppendToField(">", false);
      }
    }
    if (self->in_item_ > 0 && self->depth_ == self->in_item_) {
      self->FinishItem();
      self->in_item_ = 0;
    }
    if (self->depth_ > 0 && --self->depth_ == 0) {
      long consumed = xmlByteConsumed(self->ctxt_);
      self->root_end_offset_ = consumed > 0 ? static_cast<uint64_t>(consumed) : 0;
    }
  }

  static void OnCharacters(void* ctx, const xmlChar* ch, int len) {
    FeedSource* self = Self(ctx);
    if (self->field_ == nullptr || len <= 0) return;
    self->AppendToField(std::string_view(reinterpret_cast<const char*>(ch), static_cast<size_t>(len)),
                        self->field_->markup == Markup::kXhtml);
  }

  void AppendToField(std::string_view s, bool escape) {
    if (item_.too_large) return;
    item_.bytes += s.size();
    if (item_.bytes > options_.max_document_bytes) {
      item_.too_large = true;
      return;
    }
    if (!escape) {
      field_->raw.append(s);
      return;
    }
    for (char c : s) {
      switch (c) {
        case '<': field_->raw.append("&lt;"); break;
        case '>': field_->raw.append("&gt;"); break;
        case '&': field_->raw.append("&amp;"); break;
        default: field_->raw.push_back(c);
      }
    }
  }

  static void OnError(void* ctx, xmlErrorPtr error) {
    FeedSource* self = Self(ctx);
    if (error == nullptr || error->level < XML_ERR_ERROR) return;
    std::string message(TrimAscii(Str(reinterpret_cast<const xmlChar*>(error->message))));
    RepairUtf8(&message);  // quotes names, which a feed in another encoding may leave invalid
    std::string where = "line " + std::to_string(error->line) + ": " + message;
    if (!self->first_error_) self->first_error_ = where;
    self->last_error_ = where;
    if (++self->xml_errors_ <= kMaxXmlWarnings) {
      self->Warn("XML error at " + where + " (recovered)");
    } else if (self->xml_errors_ == kMaxXmlWarnings + 1) {
      self->Warn("more XML errors not listed");
    }
  }

  static xmlEntityPtr NoEntity(void*, const xmlChar*) { return nullptr; }
  static void IgnoreEntityDecl(void*, const xmlChar*, int, const xmlChar*, const xmlChar*, xmlChar*) {}
  static xmlParserInputPtr NoInput(void*, const xmlChar*, const xmlChar*) { return nullptr; }

  // --- items ---------------------------------------------------------------

  std::string ItemId(const Item& it, int number) const {
    // Repaired here, not only in FinishItem: error items (cut off, too
    // large) carry the id too. A non-UTF-8 feed's converter may let bad bytes through.
    for (const Field* f : {&it.guid, &it.atom_id, &it.link}) {
      std::string id = NormalizeSpace(f->raw);
      if (!id.empty()) {
        RepairUtf8(&id);
        return id;
      }
    }
    if (!it.atom_link.empty()) {
      std::string id = it.atom_link;
      RepairUtf8(&id);
      return id;
    }
    return name_ + "#" + std::to_string(number);
  }

  std::string FieldText(const Field& f, bool* truncated) const {
    switch (f.markup) {
      case Markup::kText: return NormalizeSpace(f.raw);
      case Markup::kRssTitle:
        if (f.raw.find_first_of("<&") == std::string::npos) return NormalizeSpace(f.raw);
        [[fallthrough]];
      case Markup::kHtml:
      case Markup::kXhtml: return HtmlFragmentToText(f.raw, options_.max_document_bytes, truncated);
    }
    return "";
  }

  void FinishItem() {
    ++items_done_;
    ReadItem r;
    r.format = Format::kFeed;
    Document& d = r.doc;
    d.id = ItemId(item_, items_started_);
    d.source = name_ + ":" + std::to_string(item_.line);
    if (item_.too_large) {
      r.status = TooLarge("item " + std::to_string(items_started_) + " is over the limit of " +
                          FormatBytes(options_.max_document_bytes));
      Emit(std::move(r));
      return;
    }
    d.warnings = std::move(item_warnings_);
    item_warnings_.clear();
    d.url = NormalizeSpace(item_.link.raw);
    if (d.url.empty()) d.url = item_.atom_link;
    if (d.url.empty() && item_.guid_is_permalink) {
      std::string guid = NormalizeSpace(item_.guid.raw);
      if (guid.rfind("http://", 0) == 0 || guid.rfind("https://", 0) == 0) d.url = guid;
    }
    bool truncated = false;
    d.title = FieldText(item_.title, &truncated);
    for (const Field* f : {&item_.encoded, &item_.content, &item_.description, &item_.summary}) {
      if (!f->seen) continue;
      d.text = FieldText(*f, &truncated);
      if (!d.text.empty()) break;
    }
    if (d.text.empty() && !d.title.empty()) {
      d.text = d.title;
      d.warnings.push_back("the item has no content: its title is the text");
    } else if (d.text.empty()) {
      d.warnings.push_back("empty item: no title and no content");
    }
    std::stable_sort(item_.dates.begin(), item_.dates.end(),
                     [](const Item::Date& a, const Item::Date& b) { return a.rank < b.rank; });
    for (const Item::Date& date : item_.dates) {
      std::string value = NormalizeSpace(date.field.raw);
      if (value.empty()) continue;
      if (auto parsed = ParsePublicationDate(value)) {
        d.published = FormatIsoDate(*parsed);
        break;
      }
      d.warnings.push_back("ignored publication date \"" + std::string(Utf8Prefix(value, 80)) + "\" in <" + date.tag +
                           ">: not a valid date");
    }
    if (d.published.empty()) d.published = options_.published;
    RepairUtf8(&d.title);
    RepairUtf8(&d.url);
    RepairUtf8(&d.id);
    RepairText(&d.text, &d);
    d.layers = kLayerText;
    Emit(std::move(r));
  }

  std::unique_ptr<ByteInput> input_;
  std::string name_;
  ReadOptions options_;
  bool utf8_already_;
  XmlSanitizer sanitizer_;
  std::string clean_;  // the sanitized chunk
  xmlSAXHandler sax_;
  xmlParserCtxtPtr ctxt_ = nullptr;
  std::deque<ReadItem> queue_;
  bool finished_ = false;
  bool halted_ = false;

  uint64_t pushed_bytes_ = 0;     // sanitized bytes given to libxml2
  uint64_t root_end_offset_ = 0;  // where the root element ended in them
  int depth_ = 0;     // of the element being read; the root is 1
  bool saw_root_ = false;
  bool atom_ = false;
  std::optional<std::string> root_error_;
  int in_item_ = 0;   // depth of the open item element, 0 outside items
  Item item_;
  Field* field_ = nullptr;  // the field whose text is being read
  int field_depth_ = 0;
  int items_started_ = 0;
  int items_done_ = 0;
  std::vector<std::string> item_warnings_;
  std::vector<std::string> pending_warnings_;
  std::optional<std::string> first_error_;
  std::optional<std::string> last_error_;
  size_t xml_errors_ = 0;
  size_t reported_invalid_ = 0;
  size_t reported_controls_ = 0;
};

}  // namespace

std::unique_ptr<Source> NewFeedSource(std::unique_ptr<ByteInput> input, std::string name,
                                      const ReadOptions& options, bool utf8_already) {
  return std::make_unique<FeedSource>(std::move(input), std::move(name), options, utf8_already);
}

int FeedXmlParseOptions() { return kXmlOptions; }

}  // namespace newsgraph::read
