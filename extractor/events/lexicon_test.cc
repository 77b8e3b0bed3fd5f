#include "extractor/events/lexicon.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "extractor/events/lexicon_test_util.h"

namespace newsgraph::events {
namespace {

TEST_CASE("nationality adjectives name their country") {
  Lexicon lex = LoadShippedLexicon();
  CHECK(lex.CountryOfAdjective("russian") == "RU");
  CHECK(lex.CountryOfAdjective("north korean") == "KP");
  CHECK(lex.CountryOfAdjective("american") == "US");
  CHECK(lex.CountryOfAdjective("congolese") == "");  // two Congos: no one country
  CHECK(lex.CountryOfAdjective("president") == "");
}

TEST_CASE("words of one or two bytes are read from tables / as Lookup() finds them") {
  Lexicon lex = LoadShippedLexicon();
  int listed = 0;
  for (int c = 0; c < 256; ++c) {
    const char ch = static_cast<char>(c);
    CAPTURE(c);
    CHECK(lex.LookupByte(static_cast<unsigned char>(c)) == lex.Lookup(std::string_view(&ch, 1)));
    listed += lex.LookupByte(static_cast<unsigned char>(c)) != nullptr;
  }
  CHECK(listed == 8);
  listed = 0;
  for (int c0 = 0; c0 < 128; ++c0) {
    for (int c1 = 0; c1 < 128; ++c1) {
      const char pair[2] = {static_cast<char>(c0), static_cast<char>(c1)};
      const WordInfo* w = lex.LookupAsciiPair(static_cast<unsigned char>(c0), static_cast<unsigned char>(c1));
      if (w != lex.Lookup(std::string_view(pair, 2))) FAIL_CHECK("pair " << c0 << " " << c1);
      listed += w != nullptr;
    }
  }
  CHECK(listed == 25);
  const WordInfo* a = lex.LookupByte('a');
  REQUIRE(a != nullptr);
  CHECK((a->classes & kWcDet) != 0);
  CHECK(lex.LookupByte('A') == nullptr);  // tokens are folded first
  const WordInfo* of = lex.LookupAsciiPair('o', 'f');
  REQUIRE(of != nullptr);
  CHECK(of == lex.Lookup("of"));
  CHECK((of->classes & kWcPrep) != 0);
  CHECK(lex.LookupAsciiPair('z', 'q') == nullptr);
  // A copy holds the same tables.
  const Lexicon copy = lex;
  CHECK(copy.LookupByte('a') == copy.Lookup("a"));
  CHECK(copy.LookupAsciiPair('o', 'f') == copy.Lookup("of"));
}

TEST_CASE("forms split like the segmenter splits text") {
  CHECK(Lexicon::SplitForm("touched down") == std::vector<std::string>{"touched", "down"});
  CHECK(Lexicon::SplitForm("Co-Chaired") == std::vector<std::string>{"co", "-", "chaired"});
  CHECK(Lexicon::SplitForm(" go  to ") == std::vector<std::string>{"go", "to"});
}

TEST_CASE("word classes / forms and cues are found with one lookup") {
  Lexicon lex = LoadShippedLexicon();
  const WordInfo* the = lex.Lookup("the");
  REQUIRE(the != nullptr);
  CHECK((the->classes & kWcDet) != 0);
  CHECK(lex.Lookup("zebra") == nullptr);

  const WordInfo* touched = lex.Lookup("touched");
  REQUIRE(touched != nullptr);
  CHECK((touched->classes & kWcVerbForm) != 0);
  bool found = false;
  for (const FormRef& f : touched->forms) {
    if (f.kind == FormRef::kVerb && f.rest == std::vector<std::string>{"down"}) {
      found = true;
      CHECK(f.bits == (kFormPast | kFormParticiple));
      CHECK(lex.schema().verbs()[f.id].lemma == "touch down");
    }
  }
  CHECK(found);

  // "go to" is both a verb and (in spun text) a noun.
  const WordInfo* go = lex.Lookup("go");
  REQUIRE(go != nullptr);
  CHECK((go->classes & kWcTriggerNoun) != 0);
  CHECK((go->classes & kWcVerbForm) != 0);

  // A curly apostrophe reads as a straight one.
  const WordInfo* didnt = lex.Lookup("didn\xE2\x80\x99t");
  REQUIRE(didnt != nullptr);
  CHECK((didnt->classes & kWcNeg) != 0);
  CHECK_FALSE(didnt->cues.empty());
}

TEST_CASE("entries sum up what their word can start") {
  Lexicon lex = LoadShippedLexicon();
  auto bit = [&](uint64_t bits, std::string_view word) {
    const WordInfo* w = lex.Lookup(word);
    REQUIRE(w != nullptr);
    return (bits >> (lex.IdOf(w) & 63) & 1) != 0;
  };
  // "will" is a cue on its own: any next token may follow.
  const WordInfo* will = lex.Lookup("will");
  REQUIRE(will != nullptr);
  CHECK(will->starts == kStartsClause);
  CHECK(will->cue_next_any);

  // "was" starts only "@be ..." cues of two or more words: their second words.
  const WordInfo* was = lex.Lookup("was");
  REQUIRE(was != nullptr);
  CHECK(was->starts == kStartsClause);
  CHECK_FALSE(was->cue_next_any);
  CHECK(was->cue_next_classes == 0);
  for (std::string_view next : {"going", "due", "to", "not", "expected", "unlikely"}) {
    CHECK_MESSAGE(bit(was->cue_next_ids, next), next);
  }

  // A relative word opens a clause; a verb form starts a trigger; neither is a cue.
  const WordInfo* who = lex.Lookup("who");
  REQUIRE(who != nullptr);
  CHECK((who->starts & kStartsClause) != 0);
  const WordInfo* visited = lex.Lookup("visited");
  REQUIRE(visited != nullptr);
  CHECK((visited->starts & kStartsForm) != 0);
  CHECK((visited->starts & kStartsTrigger) != 0);
  CHECK(visited->cues.empty());
  CHECK_FALSE(visited->cue_next_any);
  CHECK(visited->cue_next_ids == 0);
  CHECK(visited->cue_next_classes == 0);
}

TEST_CASE("a noun trigger or a verb with triggers starts a trigger / a light verb alone does not") {
  Lexicon lex = LoadShippedLexicon();
  for (std::string_view word : {"visited", "talks", "summit", "signed", "agreement", "meets"}) {
    const WordInfo* w = lex.Lookup(word);
    REQUIRE_MESSAGE(w != nullptr, word);
    CHECK_MESSAGE((w->starts & (kStartsForm | kStartsTrigger)) == (kStartsForm | kStartsTrigger), word);
  }
  // Forms of light and host verbs only ("held talks", "paid a visit").
  for (std::string_view word : {"held", "paid", "had", "made"}) {
    const WordInfo* w = lex.Lookup(word);
    REQUIRE_MESSAGE(w != nullptr, word);
    CHECK_MESSAGE((w->starts & kStartsForm) != 0, word);
    CHECK_MESSAGE((w->starts & kStartsTrigger) == 0, word);
  }
  // A word no form starts with.
  const WordInfo* the = lex.Lookup("the");
  REQUIRE(the != nullptr);
  CHECK((the->starts & (kStartsForm | kStartsTrigger)) == 0);
}

TEST_CASE("patterns parse / and bad ones say why") {
  Lexicon lex = LoadShippedLexicon();
  Result<Pattern> p = lex.ParsePattern("@be due|set to");
  REQUIRE(p.ok());
  REQUIRE(p->size() == 3);
  CHECK(p->at(0).kind == PatternElem::kClass);
  CHECK(p->at(0).classes == kWcBe);
  CHECK(p->at(1).words == std::vector<std::string>{"due", "set"});
  CHECK_FALSE(lex.ParsePattern("** to").ok());
  CHECK(lex.ParsePattern("@nonsense to").status().message() == "unknown word class '@nonsense'");
  CHECK(lex.ParsePattern("a||b").status().message() == "empty alternative in 'a||b'");
}

TEST_CASE("a bad rule row fails with file and line") {
  const std::string dir = "/tmp/newsgraph_events_lexicon_test";
  std::string cmd = "mkdir -p " + dir + "/extractor/events/rules";
  REQUIRE(std::system(cmd.c_str()) == 0);
  for (const char* f : {"word_classes.tsv", "groups.tsv"}) {
    std::ifstream in(std::string("extractor/events/rules/") + f);
    std::ofstream out(dir + "/extractor/events/rules/" + f);
    out << in.rdbuf();
  }
  {
    std::ofstream out(dir + "/extractor/events/rules/cues.tsv");
    out << "# a comment\nid\tphrase\teffect\tscope\nok\twill\tplanned\taux\nbad\twill\tperhaps\taux\n";
  }
  StageConfig config;
  config.data_dir = dir;
  Result<EventSchema> schema = EventSchema::Load("schemas/events.json");
  REQUIRE(schema.ok());
  Result<Lexicon> lex = Lexicon::Load(config, std::move(schema).value());
  REQUIRE_FALSE(lex.ok());
  CHECK(lex.status().message() == dir + "/extractor/events/rules/cues.tsv:4: unknown effect 'perhaps'");
}

}  // namespace
}  // namespace newsgraph::events
