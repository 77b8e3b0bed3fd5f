#include "extractor/graph/vocabulary.h"

#include <array>

namespace newsgraph::graph {
namespace {

constexpr std::string_view kContextDocument =
#include "extractor/graph/context_text.inc"
    ;

constexpr std::array<std::string_view, 8> kRoleTerms = {"destination", "host",    "invitee", "inviter",
                                                        "participants", "parties", "place",   "visitor"};

constexpr std::array<std::string_view, 4> kEventTypeTerms = {"Agreement", "Invitation", "Meeting", "Visit"};

bool KeepsInIri(unsigned char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '-': case '.': case '_': case '~': case '!': case '$': case '&': case '\'': case '(':
    case ')': case '*': case '+': case ',': case ';': case '=': case ':': case '@': case '/':
      return true;
    default:
      return false;
  }
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string Join(std::string_view prefix, std::string_view id) {
  std::string out(prefix);
  out += EncodeIriPart(id);
  return out;
}

}  // namespace

std::string_view ContextDocumentText() { return kContextDocument; }

std::string EncodeIriPart(std::string_view id) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(id.size());
  for (char ch : id) {
    auto c = static_cast<unsigned char>(ch);
    if (KeepsInIri(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

std::string ArticleIri(std::string_view article_id) { return Join(kArticleIriPrefix, article_id); }
std::string EntityIri(std::string_view entity_id) { return Join(kEntityIriPrefix, entity_id); }
std::string EventIri(std::string_view event_key) { return Join(kEventIriPrefix, event_key); }

bool DecodeIri(std::string_view iri, std::string_view prefix, std::string* id) {
  if (iri.substr(0, prefix.size()) != prefix) return false;
  std::string out;
  for (size_t i = prefix.size(); i < iri.size(); ++i) {
    if (iri[i] != '%') {
      out.push_back(iri[i]);
      continue;
    }
    if (i + 2 >= iri.size()) return false;
    int hi = HexValue(iri[i + 1]);
    int lo = HexValue(iri[i + 2]);
    if (hi < 0 || lo < 0) return false;
    out.push_back(static_cast<char>(hi * 16 + lo));
    i += 2;
  }
  *id = std::move(out);
  return true;
}

bool IsRoleTerm(std::string_view role) {
  for (std::string_view t : kRoleTerms) {
    if (t == role) return true;
  }
  return false;
}

bool IsEventTypeTerm(std::string_view type) {
  for (std::string_view t : kEventTypeTerms) {
    if (t == type) return true;
  }
  return false;
}

}  // namespace newsgraph::graph
