// Test helper for events/: the shipped event lexicon, read from the source
// tree (tests run there).
#ifndef NEWSGRAPH_EVENTS_LEXICON_TEST_UTIL_H_
#define NEWSGRAPH_EVENTS_LEXICON_TEST_UTIL_H_

#include <doctest/doctest.h>

#include <utility>

#include "extractor/core/stage.h"
#include "extractor/events/event_schema.h"
#include "extractor/events/lexicon.h"

namespace newsgraph::events {

inline Lexicon LoadShippedLexicon() {
  StageConfig config;
  config.data_dir = ".";
  Result<EventSchema> schema = EventSchema::Load("schemas/events.json");
  REQUIRE(schema.ok());
  Result<Lexicon> lex = Lexicon::Load(config, std::move(schema).value());
  REQUIRE(lex.ok());
  return std::move(lex).value();
}

}  // namespace newsgraph::events

#endif  // NEWSGRAPH_EVENTS_LEXICON_TEST_UTIL_H_
