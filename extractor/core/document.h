// The one shared record that every pipeline stage reads and extends.
//
// A reader fills the metadata and `text`; each later stage adds one layer
// (tokens, entities, timexes, events) and marks it in `layers`. All offsets
// are UTF-8 byte offsets into `text`, so for any span s:
//   text.substr(s.begin, s.end - s.begin) is the surface form.
// `text` is never edited after the reader.
#ifndef NEWSGRAPH_CORE_DOCUMENT_H_
#define NEWSGRAPH_CORE_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph {

// Byte range [begin, end) into Document::text (UTF-8).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(const Span& o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Which layers a document carries. Stages declare what they need and add.
enum Layer : uint32_t {
  kLayerText = 1u << 0,      // read/: text and metadata
  kLayerTokens = 1u << 1,    // segment/: sentences and tokens
  kLayerEntities = 1u << 2,  // ner/
  kLayerTimexes = 1u << 3,   // timex/
  kLayerEvents = 1u << 4,    // events/
};
using Layers = uint32_t;

// Shape of a token, so that later stages test case and class without
// re-reading bytes.
enum TokenFlag : uint16_t {
  kTokWord = 1u << 0,          // letters, maybe with inner digits, ' or .
  kTokNumber = 1u << 1,        // starts with a digit
  kTokPunct = 1u << 2,         // anything else that is not a space
  kTokCapitalized = 1u << 3,   // first character is an upper-case letter
  kTokAllCaps = 1u << 4,       // every letter upper-case, at least two letters
  kTokLower = 1u << 5,         // every letter lower-case
  kTokSpaceBefore = 1u << 6,   // whitespace (or document start) precedes
  kTokLineStart = 1u << 7,     // first token on its line
  kTokParagraphStart = 1u << 8,  // first token after a blank line, or of the text
  kTokSentenceStart = 1u << 9,   // first token of a sentence
  kTokNonAscii = 1u << 10,     // holds a byte >= 0x80
};

struct Token {
  Span span;
  uint16_t flags = 0;
  uint32_t sentence = 0;  // index into Document::sentences
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;
  uint32_t token_begin = 0;  // [token_begin, token_end) into Document::tokens
  uint32_t token_end = 0;
  uint32_t paragraph = 0;    // 0 for the first paragraph
};

enum class EntityType : uint8_t { kPerson, kPlace, kOrganization };
std::string_view EntityTypeName(EntityType type);  // "Person", "Place", ...

// How a mention names its entity.
enum class MentionKind : uint8_t {
  kName,         // a full name or an alias from the gazetteer ("Vladimir Putin", "US")
  kPartialName,  // part of a name resolved in the document ("Putin", "Kim")
  kDescription,  // a role description resolved in the document ("the Russian leader")
  kPronoun,      // "he", "his" resolved in the document
};
std::string_view MentionKindName(MentionKind kind);  // "name", "partial", ...

struct Mention {
  Span span;
  uint32_t sentence = 0;
  MentionKind kind = MentionKind::kName;
};

struct Entity {
  std::string id;        // stable across documents and runs, e.g. "place/iso-kp"
  EntityType type = EntityType::kPerson;
  std::string subtype;   // places: country, city, region, site; orgs: igo, media...
  std::string name;      // canonical name
  std::string country;   // ISO 3166 alpha-2 of the place or affiliation, if known
  std::string capital_of;  // places: alpha-2 of the country whose capital this is ("Moscow" -> "RU")
  std::vector<std::string> same_as;  // external ids as URIs (GeoNames, ISO 3166)
  std::vector<Mention> mentions;     // in text order
  std::string source;    // how it was found: gazetteer file, or a rule id
};

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType type);  // "DATE", "TIME", ...

// What a timex value was computed from (see extractor/timex/timex_tagger.h).
enum class TimexAnchor : uint8_t {
  kNone,         // nothing: absolute ("19 June 2024") or anchor-free ("P24Y", "PRESENT_REF")
  kPublication,  // Document::published ("on Wednesday", "last year", "two days ago")
  kPrevious,     // an earlier timex, see anchor_timex ("the following day", "a year earlier")
};

struct Timex {
  Span span;
  uint32_t sentence = 0;
  TimexType type = TimexType::kDate;
  std::string value;     // TIMEX3 value ("2024-06-19", "P24Y", "PRESENT_REF"); empty if unresolved
  std::string mod;       // TIMEX3 mod (EARLY, MID, LATE, APPROX...), or empty
  bool resolved = true;  // false: relative expression with no anchor to resolve it
  std::string rule;      // id of the rule that found it
  TimexAnchor anchor = TimexAnchor::kNone;
  int32_t anchor_timex = -1;  // kPrevious: index into Document::timexes of the anchor
  // The calendar point this timex names, usable as an event date: YYYY-MM-DD,
  // YYYY-Www, YYYY-MM or YYYY (times cut to their day, quarters and seasons
  // to their year, mod dropped). Empty for durations, sets, PRESENT_REF and
  // the like, decades, and unresolved timexes.
  std::string date;
};

enum class EventStatus : uint8_t {
  kOccurred,
  kPlanned,
  kCancelled,
  kPostponed,
  kDenied,
  kUncertain,
};
std::string_view EventStatusName(EventStatus status);  // "occurred", ...

// One role of an event and the entities that fill it (indices into
// Document::entities).
struct EventRole {
  std::string name;  // as in schemas/events.json: "visitor", "destination"...
  std::vector<uint32_t> entities;
};

// One more place in the text that states the same event.
struct Evidence {
  Span trigger;
  Span sentence;
};

struct Event {
  std::string id;      // unique in the document: "<doc id>#e1"
  std::string type;    // "Visit", "Meeting", "Agreement", "Invitation"
  EventStatus status = EventStatus::kOccurred;
  std::string date;    // the event's own date (TIMEX3 value); empty = null
  std::vector<EventRole> roles;
  Span trigger;        // the word(s) that state the event
  Span sentence;       // the sentence that states it
  std::vector<Evidence> more_evidence;  // other sentences about the same event
  double confidence = 0.0;
  std::string cameo;   // CAMEO code, e.g. "042"
  std::string rule;    // id of the rule that found it
};

struct Document {
  // --- read/ ---
  std::string id;
  std::string url;
  std::string title;
  std::string published;  // publication date YYYY-MM-DD, or empty if unknown
  std::string text;       // the article body; offsets point into it
  std::string source;     // where it came from ("file.ndjson:12"), for messages
  std::vector<std::string> warnings;  // non-fatal problems (repaired UTF-8...)

  // --- segment/ ---
  std::string folded;     // text with ASCII letters lower-cased: same offsets
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  // --- ner/, timex/, events/ ---
  std::vector<Entity> entities;
  std::vector<Timex> timexes;   // in text order
  std::vector<Event> events;

  Layers layers = 0;

  std::string_view Text(const Span& s) const {
    return std::string_view(text).substr(s.begin, s.end - s.begin);
  }
  std::string_view Folded(const Span& s) const {
    return std::string_view(folded).substr(s.begin, s.end - s.begin);
  }

  // The analysis, everything the stages add after reading (folded text,
  // sentences, tokens, entities, timexes, events), with its buffers: for
  // code that reuses them from document to document. `layers` stays.
  void SwapAnalysis(Document* other);
  void ClearAnalysis();  // empties it, keeping the buffers
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_CORE_DOCUMENT_H_
