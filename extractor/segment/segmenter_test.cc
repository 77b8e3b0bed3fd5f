#include "extractor/segment/segmenter.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace newsgraph::segment {
namespace {

std::unique_ptr<Segmenter> MakeSegmenter() {
  StageConfig config;
  config.data_dir = ".";  // tests run from the source tree
  auto s = Segmenter::Create(config);
  REQUIRE_MESSAGE(s.ok(), s.status().ToString());
  return std::move(s).value();
}

Document Segment(const std::string& text) {
  Document doc;
  doc.text = text;
  doc.layers = kLayerText;
  static const auto segmenter = MakeSegmenter();
  REQUIRE(segmenter->Process(&doc).ok());
  return doc;
}

std::vector<std::string> Tokens(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.Text(t.span));
  return out;
}

std::vector<std::string> Sentences(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

}  // namespace

TEST_CASE("tokens carry exact byte offsets") {
  Document doc = Segment("Putin arrived in Pyongyang.");
  REQUIRE(doc.tokens.size() == 5);
  CHECK(doc.tokens[0].span == Span{0, 5});
  CHECK(doc.tokens[3].span == Span{17, 26});
  CHECK(doc.tokens[4].span == Span{26, 27});
  CHECK(doc.tokens[0].Has(kTokCapitalized));
  CHECK(doc.tokens[1].Has(kTokLower));
  CHECK(doc.tokens[4].Has(kTokPunct));
  CHECK(doc.folded == "putin arrived in pyongyang.");
  CHECK(doc.layers == (kLayerText | kLayerTokens));
}

TEST_CASE("possessives split with straight and curly apostrophes") {
  Document doc = Segment("North Korea\xE2\x80\x99s leader and Russia's O'Brien don't");
  CHECK(Tokens(doc) == std::vector<std::string>{"North", "Korea", "\xE2\x80\x99s", "leader", "and", "Russia",
                                                "'s", "O'Brien", "don't"});
  CHECK(doc.tokens[2].span == Span{11, 15});
  // A token with a byte >= 0x80 says so, punctuation and "’s" too: later
  // stages read its curly apostrophe as a straight one.
  CHECK(doc.tokens[2].Has(kTokNonAscii));
  CHECK(doc.tokens[2].Has(kTokWord));
  CHECK_FALSE(doc.tokens[6].Has(kTokNonAscii));
  Document marks = Segment("He said \xE2\x80\x9Cno\xE2\x80\x9D \xE2\x80\x94 and left.");
  REQUIRE(Tokens(marks) == std::vector<std::string>{"He", "said", "\xE2\x80\x9C", "no", "\xE2\x80\x9D",
                                                    "\xE2\x80\x94", "and", "left", "."});
  for (size_t t : {2, 4, 5}) CHECK((marks.tokens[t].Has(kTokNonAscii) && marks.tokens[t].Has(kTokPunct)));
  CHECK_FALSE(marks.tokens[8].Has(kTokNonAscii));
}

TEST_CASE("abbreviations / initialisms / numbers and hyphens") {
  Document doc = Segment("Mr. Kim met U.S. officials at 10:30 on Jan. 5, 2024, a 1,000-strong COVID-19 team.");
  CHECK(Tokens(doc) == std::vector<std::string>{"Mr.", "Kim", "met", "U.S.", "officials", "at", "10:30", "on",
                                                "Jan.", "5", ",", "2024", ",", "a", "1,000", "-", "strong",
                                                "COVID", "-", "19", "team", "."});
  CHECK(doc.sentences.size() == 1);
  CHECK(doc.tokens[3].Has(kTokAllCaps));
  CHECK(doc.tokens[6].Has(kTokNumber));
}

TEST_CASE("sentences end at punctuation / quotes / blank lines and headings") {
  Document doc = Segment(
      "Putin Arrives In North Korea For First Visit In 24 Years\n"
      "WASHINGTON: Putin arrived on Wednesday. \"It is historic,\" he said. He met Kim.\n\n"
      "The trip rankled the U.S. The talks went on with Mr. Kim for hours!");
  CHECK(Sentences(doc) == std::vector<std::string>{
                              "Putin Arrives In North Korea For First Visit In 24 Years",
                              "WASHINGTON: Putin arrived on Wednesday.",
                              "\"It is historic,\" he said.",
                              "He met Kim.",
                              "The trip rankled the U.S.",
                              "The talks went on with Mr. Kim for hours!"});
  CHECK(doc.sentences[1].paragraph == 0);
  CHECK(doc.sentences[4].paragraph == 1);
  CHECK(doc.tokens[doc.sentences[2].token_begin].Has(kTokSentenceStart));
}

TEST_CASE("wrapped prose lines do not split sentences") {
  Document doc = Segment("The Russian president arrived\nin Pyongyang on Wednesday.");
  CHECK(doc.sentences.size() == 1);
}

TEST_CASE("empty and whitespace-only text give no tokens") {
  CHECK(Segment("").tokens.empty());
  Document doc = Segment(" \n\n\t ");
  CHECK(doc.tokens.empty());
  CHECK(doc.sentences.empty());
}

TEST_CASE("very long unpunctuated text is cut into bounded sentences") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  Document doc = Segment(text);
  CHECK(doc.sentences.size() == 4);
  for (const Sentence& s : doc.sentences) CHECK(s.token_end - s.token_begin <= Segmenter::kMaxSentenceTokens);
}

}  // namespace newsgraph::segment

namespace newsgraph::segment {

// A word that ends the text reads the string's terminating zero as the
// byte after it; the same word earlier on reads the text's next byte. Both
// must give the same tokens and flags.
TEST_CASE("A word gets the same tokens and flags wherever it stands in the text") {
  const std::vector<std::string> words = {"Putin", "NATO",  "iPhone", "x",     "U",      "de",      "McDonald",
                                          "abc123", "A1",   "B2B",    "Xi's",  "don't",  "U.S.",    "Mr.",
                                          "caf\xC3\xA9", "1990s", "fifteenletters", "Sixteen-letters"};
  const std::vector<std::string> afters = {" ", ",", ".", "\n", "\n\n", "'", ")", "\xE2\x80\x94", "!", ""};
  int checked = 0;
  for (const std::string& word : words) {
    for (const std::string& after : afters) {
      // Early: long text follows. Late: the word ends the text, or nearly.
      const std::string tail = " and then some more words";
      Document early = Segment("Lead " + word + after + tail);
      Document late = Segment("Lead " + word + after);
      REQUIRE(late.tokens.size() <= early.tokens.size());
      for (size_t i = 0; i < late.tokens.size(); ++i) {
        CHECK(early.tokens[i].span == late.tokens[i].span);
        // A sentence start can differ only at the last token ("." ending the text).
        CHECK((early.tokens[i].flags | kTokSentenceStart) == (late.tokens[i].flags | kTokSentenceStart));
        ++checked;
      }
    }
  }
  CHECK(checked == 496);
}

}  // namespace newsgraph::segment

namespace newsgraph::segment {

// The quick path reads the bits of 64-byte windows of the text: a word may
// start anywhere in one, run past its end, or be longer than a window. Its
// tokens and flags must not depend on where it stands, nor on whether it
// ends the text (but for a period after it, which that word does not have).
TEST_CASE("A word gets the same tokens and flags wherever it stands in the 64-byte windows") {
  const std::vector<std::string> words = {"Putin", "NATO", "iPhone", "Xi", "Corp", "Jan", "etc", "MR", "Inc",
                                          std::string(63, 'a'), std::string(64, 'B'), std::string(70, 'c') + "D"};
  const std::vector<std::string> afters = {" ", ".", ". ", ",", "\n", ""};
  int checked = 0;
  for (const std::string& word : words) {
    for (const std::string& after : afters) {
      std::vector<Token> first;  // the word's tokens at shift 0, offsets from its start
      for (size_t shift = 0; shift <= 70; ++shift) {
        const std::string lead = std::string(shift, ' ') + "Lead ";
        Document doc = Segment(lead + word + after + " and then some more words");
        REQUIRE(doc.tokens.size() > 3);
        std::vector<Token> here(doc.tokens.begin() + 1, doc.tokens.begin() + 3);
        for (Token& t : here) {
          t.span.begin -= static_cast<uint32_t>(shift);
          t.span.end -= static_cast<uint32_t>(shift);
        }
        if (shift == 0) first = here;
        for (size_t k = 0; k < here.size(); ++k) {
          CHECK(here[k].span == first[k].span);
          CHECK(here[k].flags == first[k].flags);
        }
        if (after.empty() || after[0] != '.') {
          Document late = Segment(lead + word);
          REQUIRE(late.tokens.size() == 2);
          CHECK(doc.tokens[1].span == late.tokens[1].span);
          CHECK((doc.tokens[1].flags | kTokSentenceStart) == (late.tokens[1].flags | kTokSentenceStart));
        }
        ++checked;
      }
    }
  }
  CHECK(checked == 12 * 6 * 71);
}

}  // namespace newsgraph::segment

namespace newsgraph::segment {

// A word followed by '.' is looked up as an abbreviation with one 8-byte
// load where eight bytes of the text are left, and byte by byte in the last
// bytes of the text; both must give the tokens of the table.
TEST_CASE("A word before a period gets the same tokens mid-text and ending the text") {
  struct Case {
    std::string word;
    std::vector<Token> tokens;  // the tokens of the word after "Lead "
  };
  constexpr uint16_t kSpace = kTokSpaceBefore;
  const std::vector<Case> cases = {
      {"Putin.", {{{5, 10}, kTokWord | kTokCapitalized | kSpace, 0}, {{10, 11}, kTokPunct, 0}}},
      {"Corp.", {{{5, 10}, kTokWord | kTokCapitalized | kSpace, 0}}},
      {"Mr.", {{{5, 8}, kTokWord | kTokCapitalized | kSpace, 0}}},
      {"U.S.", {{{5, 9}, kTokWord | kTokCapitalized | kTokAllCaps | kSpace, 0}}},
      {"ab.", {{{5, 7}, kTokWord | kTokLower | kSpace, 0}, {{7, 8}, kTokPunct, 0}}},
  };
  for (const Case& c : cases) {
    for (const std::string& after : {std::string(" and more words"), std::string()}) {
      CAPTURE(c.word);
      CAPTURE(after);
      Document doc = Segment("Lead " + c.word + after);
      REQUIRE(doc.tokens.size() >= 1 + c.tokens.size());
      for (size_t k = 0; k < c.tokens.size(); ++k) {
        const Token& t = doc.tokens[1 + k];
        CHECK(t.span == c.tokens[k].span);
        CHECK(t.flags == c.tokens[k].flags);
      }
      if (after.empty()) CHECK(doc.tokens.size() == 1 + c.tokens.size());
    }
  }
}

}  // namespace newsgraph::segment

namespace newsgraph::segment {

// The quick paths of the tokenizer (ASCII words, numbers and punctuation,
// read from the bits of 64-byte windows) must give what the general path
// gives alone: the same tokens, flags, sentences and folded text.
void CheckSameAsGeneralPath(const std::string& text) {
  static const auto segmenter = MakeSegmenter();
  Document quick, general;
  quick.text = general.text = text;
  quick.layers = general.layers = kLayerText;
  REQUIRE(segmenter->Process(&quick).ok());
  REQUIRE(segmenter->ProcessGeneralForTesting(&general).ok());
  CAPTURE(text);
  REQUIRE(quick.tokens.size() == general.tokens.size());
  for (size_t i = 0; i < quick.tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(quick.tokens[i].span == general.tokens[i].span);
    CHECK(quick.tokens[i].flags == general.tokens[i].flags);
    CHECK(quick.tokens[i].sentence == general.tokens[i].sentence);
  }
  REQUIRE(quick.sentences.size() == general.sentences.size());
  for (size_t i = 0; i < quick.sentences.size(); ++i) {
    CHECK(quick.sentences[i].span == general.sentences[i].span);
    CHECK(quick.sentences[i].token_begin == general.sentences[i].token_begin);
    CHECK(quick.sentences[i].token_end == general.sentences[i].token_end);
    CHECK(quick.sentences[i].paragraph == general.sentences[i].paragraph);
  }
  CHECK(quick.folded == general.folded);
}

TEST_CASE("The quick paths give the tokens of the general path on mixed text") {
  const std::vector<std::string> pieces = {
      "Putin", "NATO", "iPhone", "the", "a", "I", "Mr", "Jan", "Corp", "U", "S", "etc", "McDonald", "COVID19",
      "abc123", "B2B", "1990s", "24th", "10am", "7", "1", "2024", "1,000", "3.5", "10:30", "2:03.45", "12,",
      "O'Brien", "don't", "Russia's", "'s", "'", "n't", "caf\xC3\xA9", "\xC3\x89lys\xC3\xA9" "e",
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0" /* Москва */,
      "\xE2\x80\x99s", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x94", "\xE2\x80\xA6", "\xC2\xA0", "\xE2\x80\xA8",
      ".", ".", "..", "...", "....", ",", ";", ":", "!", "?", "-", "(", ")", "\"", "$", "%", "/", "&",
      " ", " ", " ", " ", "  ", "\t", "\n", "\n\n", " \n", "\r\n", std::string(40, 'x'), std::string(70, 'Y')};
  uint32_t state = 12345;  // a fixed linear congruential sequence: the same texts on every run
  auto next = [&state](uint32_t bound) {
    state = state * 1664525u + 1013904223u;
    return (state >> 8) % bound;
  };
  int texts = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const uint32_t length = next(400);
    while (text.size() < length) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    CheckSameAsGeneralPath(text);
    ++texts;
  }
  // The same sentence at every offset in a window, so that its tokens meet
  // the window edges at every byte.
  const std::string sentence =
      "Mr. O'Brien met U.S. officials at 10:30, and NATO's 1,000-strong team (\"iPhone\") left... "
      "Caf\xC3\xA9 owners said: COVID19 ended.\nNew line\n\nParagraph Two Heading\nThe end.";
  for (size_t shift = 0; shift < 130; ++shift) {
    CheckSameAsGeneralPath(std::string(shift, shift % 3 == 0 ? ' ' : 'a') + " " + sentence);
    ++texts;
  }
  CHECK(texts == 3000 + 130);
}

}  // namespace newsgraph::segment
