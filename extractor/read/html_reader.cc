#include "extractor/read/html_reader.h"

#include <libxml/HTMLparser.h>
#include <libxml/encoding.h>
#include <libxml/tree.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "extractor/core/civil_date.h"
#include "extractor/core/utf8.h"
#include "extractor/read/detect.h"
#include "extractor/read/text_util.h"

namespace newsgraph::read {

namespace {

void IgnoreLibxmlMessage(void*, const char*, ...) {}

// No network, no external entities, recovery from broken markup, and no
// HTML_PARSE_HUGE: libxml2 keeps its depth (256) and size limits.
constexpr int kHtmlOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                             HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
static_assert((kHtmlOptions & XML_PARSE_HUGE) == 0);

std::string_view Str(const xmlChar* s) {
  return s == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(s));
}
std::string_view Name(const xmlNode* n) { return Str(n->name); }
bool IsElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
bool IsText(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

// The value of attribute `name` (lower-case, as the HTML parser stores
// names); empty when absent.
std::string_view Attr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (Str(a->name) == name) {
      return a->children != nullptr && a->children->type == XML_TEXT_NODE ? Str(a->children->content)
                                                                          : std::string_view();
    }
  }
  return {};
}
bool HasAttr(const xmlNode* n, std::string_view name) {
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (Str(a->name) == name) return true;
  }
  return false;
}

// Visits the subtree of `root` in document order without recursion (pages
// can nest deeply). enter(node) returns whether to visit the children;
// leave(node) follows only for nodes whose children were visited.
template <typename Enter, typename Leave>
void Walk(xmlNode* root, Enter enter, Leave leave) {
  xmlNode* n = root;
  while (n != nullptr) {
    bool descend = enter(n);
    if (descend && n->children != nullptr) {
      n = n->children;
      continue;
    }
    bool left_self = !descend;  // a node not descended into gets no leave()
    while (n != nullptr) {
      if (!left_self) leave(n);
      left_self = false;
      if (n == root) {
        n = nullptr;
        break;
      }
      if (n->next != nullptr) {
        n = n->next;
        break;
      }
      n = n->parent;
    }
  }
}

template <size_t N>
bool OneOf(std::string_view s, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

constexpr std::array<std::string_view, 47> kBlockTags = {
    "address", "article", "aside",   "blockquote", "body",  "caption", "center", "dd",
    "details", "dialog",  "dir",     "div",        "dl",    "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",    "h1",         "h2",    "h3",      "h4",     "h5",
    "h6",      "header",  "hgroup",  "hr",         "html",  "legend",  "li",     "main",
    "menu",    "nav",     "ol",      "p",          "pre",   "section", "summary", "table",
    "tbody",   "tfoot",   "thead",   "tr",         "ul",    "noscript", "listing"};

// Dropped with everything inside them, wherever they are.
constexpr std::array<std::string_view, 39> kSkippedTags = {
    "script", "style",    "noscript", "template", "iframe", "frame",  "frameset", "object",
    "embed",  "applet",   "svg",      "math",     "canvas", "video",  "audio",    "picture",
    "source", "track",    "map",      "img",      "form",   "button", "input",    "select",
    "textarea", "option", "optgroup", "datalist", "label",  "nav",    "aside",    "footer",
    "dialog", "figure",   "head",     "title",    "meta",   "link",   "menu"};

constexpr std::array<std::string_view, 12> kBoilerplateRoles = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar", "toolbar", "form", "alert"};

// Words that, as a part of a class or id ("cookie-banner", "share_bar"),
// mark an element as page furniture rather than article text.
constexpr std::array<std::string_view, 52> kBoilerplateWords = {
    "ad",          "ads",         "adslot",      "advert",     "advertisement", "advertising",
    "author",      "banner",      "breadcrumb",  "breadcrumbs", "byline",       "comment",
    "comments",    "consent",     "cookie",      "cookies",    "disqus",        "footer",
    "gdpr",        "masthead",    "menu",        "modal",      "mostread",      "nav",
    "navbar",      "navigation",  "newsletter",  "outbrain",   "overlay",       "paywall",
    "popular",     "popup",       "promo",       "promotion",  "recommended",   "recommendations",
    "related",     "share",       "sharebar",    "sharing",    "sidebar",       "signup",
    "skip",        "social",      "sponsor",     "sponsored",  "subscribe",     "subscription",
    "taboola",     "tags",        "toolbar",     "trending"};

bool IsHeading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

bool HasBoilerplateName(const xmlNode* n) {
  for (std::string_view attr : {std::string_view("class"), std::string_view("id")}) {
    std::string value = AsciiLower(Attr(n, attr));
    size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && !((value[i] >= 'a' && value[i] <= 'z') || (value[i] >= '0' && value[i] <= '9'))) {
        ++i;
      }
      size_t start = i;
      while (i < value.size() && ((value[i] >= 'a' && value[i] <= 'z') || (value[i] >= '0' && value[i] <= '9'))) {
        ++i;
      }
      if (i > start && OneOf(std::string_view(value).substr(start, i - start), kBoilerplateWords)) return true;
    }
  }
  return false;
}

bool IsHidden(const xmlNode* n) {
  if (HasAttr(n, "hidden")) return true;
  if (EqualsIgnoreCase(TrimAscii(Attr(n, "aria-hidden")), "true")) return true;
  std::string_view style = Attr(n, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : AsciiLower(style)) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') compact.push_back(c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

struct Stats {
  uint32_t text = 0;       // bytes of text below, white space at the ends of text nodes not counted
  uint32_t link_text = 0;  // of which inside <a>
  bool block = false;      // in kBlockTags
  bool skipped = false;    // in kSkippedTags
};

// A publication-date candidate and where it came from, for warnings.
struct DateCandidate {
  int rank = 0;  // lower is tried first
  std::string value;
  std::string where;
};

bool IsArticleType(std::string_view type) {
  size_t cut = type.find_last_of("/:");
  if (cut != std::string_view::npos) type.remove_prefix(cut + 1);
  return (type.size() >= 7 && type.substr(type.size() - 7) == "Article") || type == "BlogPosting" ||
         type == "LiveBlogPosting" || type == "Report";
}

bool HasArticleType(const rapidjson::Value& object) {
  auto it = object.FindMember("@type");
  if (it == object.MemberEnd()) return false;
  if (it->value.IsString()) return IsArticleType({it->value.GetString(), it->value.GetStringLength()});
  if (it->value.IsArray()) {
    for (const auto& t : it->value.GetArray()) {
      if (t.IsString() && IsArticleType({t.GetString(), t.GetStringLength()})) return true;
    }
  }
  return false;
}

// The "datePublished" of the first Article-type object in a JSON-LD block,
// searched in document order through arrays, "@graph" and nested objects.
std::optional<std::string> JsonLdDatePublished(std::string_view json) {
  json = TrimAscii(json);
  // Some sites wrap the block in an HTML comment or CDATA markers.
  if (json.substr(0, 4) == "<!--") json = TrimAscii(json.substr(4));
  if (json.size() >= 3 && json.substr(json.size() - 3) == "-->") json = TrimAscii(json.substr(0, json.size() - 3));
  rapidjson::Document d;
  d.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseCommentsFlag | rapidjson::kParseTrailingCommasFlag |
          rapidjson::kParseNanAndInfFlag>(json.data(), json.size());
  if (d.HasParseError()) return std::nullopt;
  struct Entry {
    const rapidjson::Value* value;
    int depth;
  };
  std::vector<Entry> stack = {{&d, 0}};
  size_t visited = 0;
  while (!stack.empty() && ++visited < 20000) {
    Entry e = stack.back();
    stack.pop_back();
    const rapidjson::Value& v = *e.value;
    if (e.depth > 12) continue;
    std::vector<Entry> children;
    if (v.IsObject()) {
      if (HasArticleType(v)) {
        auto date = v.FindMember("datePublished");
        if (date != v.MemberEnd() && date->value.IsString()) {
          return std::string(date->value.GetString(), date->value.GetStringLength());
        }
      }
      for (const auto& m : v.GetObject()) {
        if (m.value.IsObject() || m.value.IsArray()) children.push_back({&m.value, e.depth + 1});
      }
    } else if (v.IsArray()) {
      for (const auto& item : v.GetArray()) {
        if (item.IsObject() || item.IsArray()) children.push_back({&item, e.depth + 1});
      }
    }
    stack.insert(stack.end(), children.rbegin(), children.rend());  // keep document order
  }
  return std::nullopt;
}

bool IsDescendant(const xmlNode* n, const xmlNode* ancestor) {
  for (; n != nullptr; n = n->parent) {
    if (n == ancestor) return true;
  }
  return false;
}

// The parse of one page and the facts gathered from it.
class Page {
 public:
  ~Page() {
    if (doc_ != nullptr) xmlFreeDoc(doc_);
    if (ctxt_ != nullptr) htmlFreeParserCtxt(ctxt_);
  }

  // Parses UTF-8 (encoding "UTF-8") or bytes in a declared charset
  // (encoding nullptr). Returns false when libxml2 built no tree.
  bool Parse(std::string_view bytes, const char* encoding, std::vector<std::string>* warnings) {
    InitLibxml();
    ctxt_ = htmlNewParserCtxt();
    if (ctxt_ == nullptr) return false;
    if (bytes.size() > INT_MAX) {
      bytes = bytes.substr(0, INT_MAX);
      warnings->push_back("page cut at 2 GB");
    }
    int options = kHtmlOptions | (encoding != nullptr ? HTML_PARSE_IGNORE_ENC : 0);
    doc_ = htmlCtxtReadMemory(ctxt_, bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding, options);
    if (ctxt_->lastError.code == XML_ERR_INTERNAL_ERROR && ctxt_->lastError.message != nullptr &&
        std::string_view(ctxt_->lastError.message).find("depth") != std::string_view::npos) {
      warnings->push_back("elements nest deeper than libxml2's limit (256): the page was read up to there");
    }
    return doc_ != nullptr;
  }

  // Gathers metadata, candidates for the main content and text sizes.
  void Survey() {
    int link_depth = 0;
    Walk(
        reinterpret_cast<xmlNode*>(doc_),
        [&](xmlNode* n) -> bool {
          if (IsText(n)) {
            uint32_t bytes = static_cast<uint32_t>(TrimAscii(Str(n->content)).size());
            if (Stats* s = StatsOf(n->parent)) {
              s->text += bytes;
              if (link_depth > 0) s->link_text += bytes;
            }
            return false;
          }
          if (n->type == XML_HTML_DOCUMENT_NODE || n->type == XML_DOCUMENT_NODE) return true;
          if (!IsElement(n)) return false;
          n->_private = reinterpret_cast<void*>(static_cast<uintptr_t>(stats_.size() + 1));
          std::string_view name = Name(n);
          stats_.push_back({0, 0, OneOf(name, kBlockTags), OneOf(name, kSkippedTags)});
          nodes_.push_back(n);
          if (name == "script") {
            if (AsciiLower(Attr(n, "type")).find("ld+json") != std::string::npos) {
              std::string json;
              for (xmlNode* c = n->children; c != nullptr; c = c->next) {
                if (IsText(c)) json += Str(c->content);
              }
              jsonld_.push_back(std::move(json));
            }
            return false;
          }
          if (name == "style" || name == "noscript" || name == "template" || name == "svg") return false;
          if (name == "title") {
            if (title_tag_.empty()) title_tag_ = TextOf(n);
            return false;
          }
          if (name == "meta") {
            Meta(n);
            return false;
          }
          if (name == "link") {
            std::string rel = AsciiLower(Attr(n, "rel"));
            if (canonical_.empty() && (" " + rel + " ").find(" canonical ") != std::string::npos) {
              canonical_ = std::string(TrimAscii(Attr(n, "href")));
            }
            return false;
          }
          if (name == "h1" && first_h1_ == nullptr) first_h1_ = n;
          if (name == "time" && !TrimAscii(Attr(n, "datetime")).empty()) times_.push_back(n);
          if (name == "p") paragraphs_.push_back(n);
          if (name == "article") articles_.push_back(n);
          if (name == "main" || EqualsIgnoreCase(TrimAscii(Attr(n, "role")), "main")) mains_.push_back(n);
          if (name == "body" && body_ == nullptr) body_ = n;
          if (name == "a") ++link_depth;
          std::string_view itemprop = Attr(n, "itemprop");
          if (EqualsIgnoreCase(itemprop, "articlebody")) article_bodies_.push_back(n);
          if (EqualsIgnoreCase(itemprop, "datepublished")) {
            std::string_view v = Attr(n, "datetime");
            if (v.empty()) v = Attr(n, "content");
            AddDate(3, v.empty() ? TextOf(n) : std::string(v), "itemprop=\"datePublished\"");
          }
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n)) return;
          if (Name(n) == "a") --link_depth;
          Stats* parent = StatsOf(n->parent);
          if (Stats* self = StatsOf(n); parent != nullptr && self != nullptr) {
            parent->text += self->text;
            parent->link_text += self->link_text;
          }
        });
    for (const std::string& block : jsonld_) {
      if (auto d = JsonLdDatePublished(block)) {
        AddDate(2, *d, "JSON-LD datePublished");
        break;
      }
    }
  }

  // The element whose text is the article (see html_reader.h), or nullptr.
  xmlNode* ChooseRoot(bool* article_like) {
    *article_like = true;
    if (xmlNode* n = Largest(article_bodies_)) return n;
    if (xmlNode* n = Largest(articles_)) return n;
    *article_like = false;
    if (xmlNode* n = Largest(mains_)) return n;
    // The element that holds the most paragraph text (half for a grandparent).
    std::vector<uint32_t> score(stats_.size(), 0);
    for (xmlNode* p : paragraphs_) {
      uint32_t text = StatsOf(p)->text;
      if (text < 25) continue;
      if (size_t i = Index(p->parent); i != 0) score[i - 1] += text;
      if (p->parent != nullptr) {
        if (size_t i = Index(p->parent->parent); i != 0) score[i - 1] += text / 2;
      }
    }
    size_t best = 0;
    for (size_t i = 1; i < score.size(); ++i) {
      if (score[i] > score[best]) best = i;
    }
    if (!score.empty() && score[best] > 0) return nodes_[best];
    if (body_ != nullptr) return body_;
    return xmlDocGetRootElement(doc_);
  }

  // The text of `root` laid out as paragraphs, without boilerplate.
  std::string MainText(xmlNode* root, bool article_like, size_t limit, bool* truncated) {
    TextBuilder b;
    b.set_limit(limit);
    if (root == nullptr) return "";
    const uint32_t root_text = StatsOf(root) != nullptr ? StatsOf(root)->text : 0;
    int header_only_headings = 0;  // inside an article's <header>
    int heading = 0;
    int pre = 0;
    Walk(
        root,
        [&](xmlNode* n) -> bool {
          if (IsText(n)) {
            if (header_only_headings > 0 && heading == 0) return false;
            std::string_view text = Str(n->content);
            if (pre == 0) {
              b.Append(text);
            } else {
              for (size_t start = 0; start <= text.size();) {
                size_t nl = text.find('\n', start);
                if (nl == std::string_view::npos) nl = text.size();
                b.Append(text.substr(start, nl - start));
                if (nl < text.size()) b.BreakLine();
                start = nl + 1;
              }
            }
            return false;
          }
          if (!IsElement(n)) return false;
          std::string_view name = Name(n);
          if (n != root && Skip(n, name, article_like, root_text)) return false;
          if (name == "br") {
            b.BreakLine();
            return false;
          }
          if (name == "td" || name == "th") b.BreakWord();
          if (IsBlock(n, name)) b.BreakParagraph();
          if (name == "header" && n != root) ++header_only_headings;
          if (IsHeading(name)) ++heading;
          if (name == "pre") ++pre;
          return true;
        },
        [&](xmlNode* n) {
          if (!IsElement(n)) return;
          std::string_view name = Name(n);
          if (name == "td" || name == "th") b.BreakWord();
          if (IsBlock(n, name)) b.BreakParagraph();
          if (name == "header" && n != root) --header_only_headings;
          if (IsHeading(name)) --heading;
          if (name == "pre") --pre;
        });
    if (truncated != nullptr) *truncated = b.truncated();
    return b.Finish();
  }

  // Title, URL and date (see html_reader.h).
  void Metadata(xmlNode* root, std::string_view fallback_date, Document* doc) {
    doc->title = !og_title_.empty() ? og_title_ : !title_tag_.empty() ? title_tag_ : TextOf(first_h1_);
    doc->url = !canonical_.empty() ? canonical_ : og_url_;
    for (xmlNode* t : times_) {
      if (root != nullptr && IsDescendant(t, root)) {
        AddDate(5, std::string(Attr(t, "datetime")), "<time datetime>");
        break;
      }
    }
    std::stable_sort(dates_.begin(), dates_.end(),
                     [](const DateCandidate& a, const DateCandidate& b) { return a.rank < b.rank; });
    doc->published.clear();
    for (const DateCandidate& c : dates_) {
      std::string_view value = TrimAscii(c.value);
      if (value.empty()) continue;
      if (auto date = ParsePublicationDate(value)) {
        doc->published = FormatIsoDate(*date);
        break;
      }
      doc->warnings.push_back("ignored publication date \"" + std::string(Utf8Prefix(value, 80)) + "\" in " +
                              c.where + ": not a valid date");
    }
    if (doc->published.empty()) doc->published = std::string(fallback_date);
  }

  xmlNode* body() const { return body_; }
  xmlNode* root_element() const { return xmlDocGetRootElement(doc_); }

 private:
  static size_t Index(const xmlNode* n) {
    return n == nullptr ? 0 : static_cast<size_t>(reinterpret_cast<uintptr_t>(n->_private));
  }
  Stats* StatsOf(const xmlNode* n) {
    if (n == nullptr || !IsElement(n)) return nullptr;
    size_t i = Index(n);
    return i == 0 || i > stats_.size() ? nullptr : &stats_[i - 1];
  }

  xmlNode* Largest(const std::vector<xmlNode*>& nodes) {
    xmlNode* best = nullptr;
    uint32_t best_text = 0;
    for (xmlNode* n : nodes) {
      uint32_t text = StatsOf(n)->text;
      if (text > best_text) {
        best = n;
        best_text = text;
      }
    }
    return best;
  }

  bool IsBlock(const xmlNode* n, std::string_view name) {
    const Stats* st = StatsOf(n);
    return st != nullptr ? st->block : OneOf(name, kBlockTags);
  }

  bool Skip(const xmlNode* n, std::string_view name, bool article_like, uint32_t root_text) {
    const Stats* st = StatsOf(n);
    if (st != nullptr ? st->skipped : OneOf(name, kSkippedTags)) return true;
    if (name == "header" && !article_like) return true;
    if (IsHidden(n)) return true;
    std::string role = AsciiLower(TrimAscii(Attr(n, "role")));
    if (!role.empty() && OneOf(std::string_view(role), kBoilerplateRoles)) return true;
    const Stats* s = StatsOf(n);
    if (s == nullptr || s->text == 0) return false;
    // A paragraph that is nothing but a link ("Read more: ..."), unless it
    // is all there is.
    if ((name == "p" || name == "li") && uint64_t{s->link_text} * 10 >= uint64_t{s->text} * 9 &&
        s->text < root_text) {
      return true;
    }
    // Guesses from names and link density never remove most of the text.
    if (uint64_t{s->text} * 2 >= root_text) return false;
    if (HasBoilerplateName(n)) return true;
    if (name == "div" || name == "section" || name == "ul" || name == "ol" || name == "table" || name == "dl") {
      return uint64_t{s->link_text} * 2 > s->text;
    }
    return false;
  }

  void Meta(const xmlNode* n) {
    std::string key = AsciiLower(TrimAscii(Attr(n, "property")));
    if (key.empty()) key = AsciiLower(TrimAscii(Attr(n, "name")));
    if (key.empty()) key = AsciiLower(TrimAscii(Attr(n, "itemprop")));
    if (key.empty()) return;
    std::string content(TrimAscii(Attr(n, "content")));
    if (key == "og:title") {
      if (og_title_.empty()) og_title_ = NormalizeSpace(content);
    } else if (key == "og:url") {
      if (og_url_.empty()) og_url_ = content;
    } else if (key == "article:published_time" || key == "og:article:published_time") {
      AddDate(1, content, "<meta " + key + ">");
    } else if (key == "datepublished") {
      AddDate(3, content, "<meta itemprop=\"datePublished\">");
    } else {
      static constexpr std::array<std::string_view, 14> kDateNames = {
          "pubdate",        "publishdate",    "publish-date",   "publish_date",   "date",
          "dc.date",        "dc.date.issued", "dcterms.issued", "dcterms.created", "dcterms.date",
          "sailthru.date",  "parsely-pub-date", "original-publish-date", "article.published"};
      if (OneOf(std::string_view(key), kDateNames)) AddDate(4, content, "<meta " + key + ">");
    }
  }

  void AddDate(int rank, std::string value, std::string where) {
    dates_.push_back({rank, std::move(value), std::move(where)});
  }

  // The text under `n` on one line, scripts and styles left out.
  static std::string TextOf(xmlNode* n) {
    if (n == nullptr) return "";
    TextBuilder b;
    Walk(
        n,
        [&](xmlNode* c) -> bool {
          if (IsText(c)) {
            b.Append(Str(c->content));
            return false;
          }
          if (c != n && IsElement(c) && (Name(c) == "script" || Name(c) == "style")) return false;
          if (c != n && IsElement(c)) b.BreakWord();
          return IsElement(c);
        },
        [&](xmlNode* c) {
          if (c != n) b.BreakWord();
        });
    return b.Finish();
  }

  htmlParserCtxtPtr ctxt_ = nullptr;
  htmlDocPtr doc_ = nullptr;
  std::vector<Stats> stats_;  // per element, by Index() - 1
  std::vector<xmlNode*> nodes_;  // the elements, by Index() - 1
  std::string og_title_, title_tag_, canonical_, og_url_;
  xmlNode* first_h1_ = nullptr;
  xmlNode* body_ = nullptr;
  std::vector<xmlNode*> times_, paragraphs_, articles_, mains_, article_bodies_;
  std::vector<std::string> jsonld_;
  std::vector<DateCandidate> dates_;
};

}  // namespace

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
  // Thread-local in libxml2: keeps its fallback messages off stderr.
  xmlSetGenericErrorFunc(nullptr, IgnoreLibxmlMessage);
}

bool IsKnownCharset(const std::string& charset) {
  InitLibxml();
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(charset.c_str());
  if (handler == nullptr) return false;
  xmlCharEncCloseFunc(handler);
  return true;
}

void ReadHtml(std::string_view bytes, std::string_view fallback_date, Document* doc) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  std::string charset = DeclaredCharset(bytes, false);
  std::string utf8;
  const char* encoding = nullptr;
  if (!IsUtf8Charset(charset) && !IsKnownCharset(charset)) {
    doc->warnings.push_back("unknown charset \"" + charset.substr(0, 40) + "\": read as UTF-8");
    charset.clear();
  }
  if (IsUtf8Charset(charset)) {
    utf8.assign(bytes);
    RepairText(&utf8, doc);
    bytes = utf8;
    encoding = "UTF-8";
  }
  doc->text.clear();
  doc->published = std::string(fallback_date);
  if (TrimAscii(bytes).empty()) {
    doc->warnings.push_back("empty page");
    return;
  }
  Page page;
  if (!page.Parse(bytes, encoding, &doc->warnings)) {
    doc->warnings.push_back("no HTML could be read from the page");
    return;
  }
  page.Survey();
  bool article_like = false;
  xmlNode* root = page.ChooseRoot(&article_like);
  doc->text = page.MainText(root, article_like, SIZE_MAX, nullptr);
  page.Metadata(root, fallback_date, doc);
  // libxml2 output is UTF-8; this only guards against a mislabelled charset.
  RepairUtf8(&doc->title);
  RepairUtf8(&doc->url);
  RepairText(&doc->text, doc);
  if (doc->text.empty()) doc->warnings.push_back("no article text found in the page");
}

std::string HtmlFragmentToText(std::string_view html, size_t limit, bool* truncated) {
  if (truncated != nullptr) *truncated = false;
  if (TrimAscii(html).empty()) return "";
  // Plain text needs no parse.
  if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) {
    TextBuilder b;
    b.set_limit(limit);
    b.Append(html);
    if (truncated != nullptr) *truncated = b.truncated();
    return b.Finish();
  }
  Page page;
  std::vector<std::string> ignored;
  if (!page.Parse(html, "UTF-8", &ignored)) return "";
  page.Survey();
  xmlNode* root = page.body() != nullptr ? page.body() : page.root_element();
  std::string text = page.MainText(root, /*article_like=*/true, limit, truncated);
  RepairUtf8(&text);
  return text;
}

}  // namespace newsgraph::read
