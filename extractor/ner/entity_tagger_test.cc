#include "extractor/ner/entity_tagger.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include <unistd.h>  // getpid: test files of parallel runs apart

#include "extractor/segment/segmenter.h"

namespace newsgraph::ner {
namespace {

StageConfig TestConfig() {
  StageConfig config;
  config.data_dir = ".";  // tests run from the source tree
  return config;
}

const EntityTagger& Tagger() {
  static const std::unique_ptr<EntityTagger> tagger = [] {
    auto t = EntityTagger::Create(TestConfig());
    REQUIRE_MESSAGE(t.ok(), t.status().ToString());
    return std::move(t).value();
  }();
  return *tagger;
}

Document Tag(const std::string& text, const EntityTagger& tagger = Tagger()) {
  static const auto segmenter = [] {
    auto s = segment::Segmenter::Create(TestConfig());
    REQUIRE(s.ok());
    return std::move(s).value();
  }();
  Document doc;
  doc.text = text;
  doc.layers = kLayerText;
  REQUIRE(segmenter->Process(&doc).ok());
  REQUIRE(tagger.Process(&doc).ok());
  return doc;
}

const Entity* Find(const Document& doc, std::string_view id) {
  for (const Entity& e : doc.entities) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// "begin-end:kind" for each mention, to compare in one line.
std::vector<std::string> Mentions(const Entity& e) {
  std::vector<std::string> out;
  for (const Mention& m : e.mentions) {
    out.push_back(std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + ":" +
                  std::string(MentionKindName(m.kind)));
  }
  return out;
}

const char kStory[] =
    "Russian President Vladimir Putin arrived in Pyongyang on Wednesday for talks with North Korean leader "
    "Kim Jong Un. Putin\xE2\x80\x99s aide Yuri Ushakov said Russia's ties with North Korea were strong. The North "
    "Korean leader thanked Putin, and Kim said the US had told us nothing.";

}  // namespace

TEST_CASE("people / places and their mentions carry exact offsets") {
  Document doc = Tag(kStory);
  CHECK(doc.layers == (kLayerText | kLayerTokens | kLayerEntities));

  const Entity* putin = Find(doc, "person/vladimir-putin");
  REQUIRE(putin != nullptr);
  CHECK(putin->type == EntityType::kPerson);
  CHECK(putin->name == "Vladimir Putin");
  CHECK(putin->country == "RU");  // "Russian President ..."
  CHECK(Mentions(*putin) == std::vector<std::string>{"18-32:name", "115-120:partial", "224-229:partial"});
  CHECK(doc.Text(putin->mentions[1].span) == "Putin");  // before the curly possessive

  const Entity* kim = Find(doc, "person/kim-jong-un");
  REQUIRE(kim != nullptr);
  CHECK(kim->country == "KP");
  CHECK(Mentions(*kim) == std::vector<std::string>{"102-113:name", "192-215:description", "235-238:partial"});
  CHECK(doc.Text(kim->mentions[1].span) == "The North Korean leader");

  const Entity* ushakov = Find(doc, "person/yuri-ushakov");
  REQUIRE(ushakov != nullptr);
  CHECK(Mentions(*ushakov) == std::vector<std::string>{"130-142:name"});

  const Entity* pyongyang = Find(doc, "place/geonames-1871859");
  REQUIRE(pyongyang != nullptr);
  CHECK(pyongyang->subtype == "city");
  CHECK(pyongyang->capital_of == "KP");
  CHECK(pyongyang->country == "KP");
  CHECK(pyongyang->same_as == std::vector<std::string>{"https://sws.geonames.org/1871859/"});
  CHECK(Mentions(*pyongyang) == std::vector<std::string>{"44-53:name"});

  const Entity* russia = Find(doc, "place/iso-ru");
  REQUIRE(russia != nullptr);
  CHECK(russia->subtype == "country");
  CHECK(russia->same_as == std::vector<std::string>{"urn:iso:std:iso:3166:RU"});
  CHECK(Mentions(*russia) == std::vector<std::string>{"148-154:name"});  // "Russia's"

  const Entity* us = Find(doc, "place/iso-us");
  REQUIRE(us != nullptr);
  CHECK(Mentions(*us) == std::vector<std::string>{"248-250:name"});  // "US", never "us"

  // "North Korean" is an adjective, not a mention of North Korea.
  const Entity* nk = Find(doc, "place/iso-kp");
  REQUIRE(nk != nullptr);
  CHECK(Mentions(*nk) == std::vector<std::string>{"167-178:name"});

  // Entities in order of first mention.
  CHECK(doc.entities.front().id == "person/vladimir-putin");
}

TEST_CASE("a common word that is also a town needs context") {
  Document doc = Tag("Nice to meet you. He flew to Nice on Monday.");
  REQUIRE(doc.entities.size() == 1);
  CHECK(doc.entities[0].id == "place/geonames-2990440");
  CHECK(Mentions(doc.entities[0]) == std::vector<std::string>{"29-33:name"});
}

TEST_CASE("a place name that is a person's surname in the document is that person") {
  Document doc = Tag("Michael Jordan scored 30 points. Jordan said he was tired.");
  REQUIRE(doc.entities.size() == 1);
  CHECK(doc.entities[0].id == "person/michael-jordan");
  CHECK(Mentions(doc.entities[0]) == std::vector<std::string>{"0-14:name", "33-39:partial"});
  // Without the person, Jordan is the country.
  Document alone = Tag("Talks were held in Jordan.");
  REQUIRE(alone.entities.size() == 1);
  CHECK(alone.entities[0].id == "place/iso-jo");
}

TEST_CASE("titles before names / organization suffixes and heads") {
  Document doc = Tag(
      "US national security spokesman John Kirby told reporters that officials at the Ministry of Foreign "
      "Affairs and Acme Widgets Corp. declined to comment.");
  const Entity* kirby = Find(doc, "person/john-kirby");
  REQUIRE(kirby != nullptr);
  CHECK(Mentions(*kirby) == std::vector<std::string>{"31-41:name"});
  const Entity* ministry = Find(doc, "org/ministry-of-foreign-affairs");
  REQUIRE(ministry != nullptr);
  CHECK(ministry->type == EntityType::kOrganization);
  CHECK(Mentions(*ministry) == std::vector<std::string>{"79-106:name"});
  const Entity* acme = Find(doc, "org/acme-widgets-corp");
  REQUIRE(acme != nullptr);
  CHECK(acme->subtype == "company");
  CHECK(doc.Text(acme->mentions[0].span) == "Acme Widgets Corp.");
}

TEST_CASE("all-capitals headlines match the gazetteers only") {
  Document doc = Tag("PUTIN ARRIVES IN NORTH KOREA\n\nMore follows.");
  const Entity* nk = Find(doc, "place/iso-kp");
  REQUIRE(nk != nullptr);
  CHECK(Mentions(*nk) == std::vector<std::string>{"17-28:name"});
  CHECK(Find(doc, "person/arrives") == nullptr);
}

TEST_CASE("a headline in capitals may hold a word in lower case") {
  // 7 of 8 words in capitals: a headline, though "today" comes third.
  Document doc = Tag("PUTIN ARRIVES today IN NORTH KOREA FOR TALKS\n\nMore follows.");
  const Entity* nk = Find(doc, "place/iso-kp");
  REQUIRE(nk != nullptr);
  CHECK(Mentions(*nk) == std::vector<std::string>{"23-34:name"});
  CHECK(doc.entities.size() == 2);  // Putin and North Korea
}

TEST_CASE("the country API answers capitals and adjectives") {
  const Gazetteer& g = Tagger().gazetteer();
  REQUIRE(g.CountryOfAdjective("North Korean") != nullptr);
  CHECK(g.CountryOfAdjective("North Korean")->id == "place/iso-kp");
  CHECK(g.CountryOfAdjective("russians")->country == "RU");
  CHECK(g.CountryOfAdjective("Martian") == nullptr);
  REQUIRE(g.CapitalOf("RU") != nullptr);
  CHECK(g.CapitalOf("RU")->name == "Moscow");
  CHECK(g.CapitalOf("VN")->name == "Hanoi");
  REQUIRE(g.Country("KP") != nullptr);
  CHECK(g.Country("KP")->name == "North Korea");
  CHECK(g.FindById("place/iso-us")->name == "United States");
}

TEST_CASE("a user gazetteer is loaded without a rebuild") {
  const std::string path = "/tmp/newsgraph_ner_test_watchlist.tsv";
  {
    std::ofstream out(path);
    out << "# watch list\nid\ttype\tname\taliases\tcountry\n"
           "person/zarkon-velt\tPerson\tZarkon Velt\tVelt\tFR\n";
  }
  StageConfig config = TestConfig();
  config.user_gazetteers.push_back(path);
  auto tagger = EntityTagger::Create(config);
  REQUIRE_MESSAGE(tagger.ok(), tagger.status().ToString());
  Document doc = Tag("Zarkon Velt landed in Lyon. Velt spoke.", **tagger);
  const Entity* velt = Find(doc, "person/zarkon-velt");
  REQUIRE(velt != nullptr);
  CHECK(velt->country == "FR");
  CHECK(Mentions(*velt) == std::vector<std::string>{"0-11:name", "28-32:partial"});
  std::remove(path.c_str());
}


// The entity of the mention at [begin, end), or nullptr.
const Entity* At(const Document& doc, uint32_t begin, uint32_t end) {
  for (const Entity& e : doc.entities) {
    for (const Mention& m : e.mentions) {
      if (m.span.begin == begin && m.span.end == end) return &e;
    }
  }
  return nullptr;
}

TEST_CASE("tables of results: names before scores are teams") {
  // A county before a score; unknown names opposite a score; a name of
  // several words in a row of standings; a place after "in" whatever follows.
  Document doc = Tag(
      "Kent 312-5 (Sam Carter 91 not out).\n\nKestrak 6 Vorlund 2\n\nTamsel 3 Brinow 0\n\n"
      "Aston Villa 4 1 2 1 4 3 5\n\nThe United States edged Austria in Graz 3-2.");
  const Entity* kent = At(doc, 0, 4);
  REQUIRE(kent != nullptr);
  CHECK(kent->type == EntityType::kOrganization);
  CHECK(kent->subtype == "sports");
  const Entity* kestrak = At(doc, 37, 44);
  REQUIRE(kestrak != nullptr);
  CHECK(kestrak->type == EntityType::kOrganization);
  const Entity* villa = At(doc, 77, 88);
  REQUIRE(villa != nullptr);
  CHECK(villa->id == "org/aston-villa");
  // "in Graz 3-2" is the place.
  const Entity* graz = At(doc, 139, 143);
  REQUIRE(graz != nullptr);
  CHECK(graz->type == EntityType::kPlace);
  // A bowling line is no result: the player stays a person.
  Document card = Tag(
      "Kestrak 6 Vorlund 2. Tamsel 3 Brinow 1. Orlek 2 Dunmar 0.\n\n"
      "The best bowling was by Tom Hallworth 10-0-33-2 and James Ferrow 9-0-54-1.");
  const Entity* hallworth = Find(card, "person/tom-hallworth");
  REQUIRE(hallworth != nullptr);
  CHECK(hallworth->type == EntityType::kPerson);
}

TEST_CASE("companies named by what the text says around them") {
  Document doc = Tag(
      "The Moldovan news agency Verbanta reported the closure. Verbanta said the port would reopen. "
      "Halvex said Korvin general manager Peter Drazic had resigned. Korvin's board met.");
  const Entity* agency = Find(doc, "org/verbanta");
  REQUIRE(agency != nullptr);
  CHECK(Mentions(*agency) == std::vector<std::string>{"25-33:name", "56-64:name"});
  const Entity* korvin = Find(doc, "org/korvin");
  REQUIRE(korvin != nullptr);
  CHECK(Mentions(*korvin) == std::vector<std::string>{"105-111:name", "155-161:name"});
  const Entity* manager = Find(doc, "person/peter-drazic");
  REQUIRE(manager != nullptr);
  // A town's name that heads a company named in full is the company.
  Document firm = Tag("Shares of Kolding Marine Inc. rose. Analysts said Kolding would gain.");
  const Entity* m = Find(firm, "org/kolding-marine-inc");
  REQUIRE(m != nullptr);
  CHECK(Mentions(*m) == std::vector<std::string>{"10-29:name", "50-57:partial"});
}

TEST_CASE("a context phrase wins over its last word alone / before and after the name") {
  // "stake in" tells an organization where "in" alone tells a place; "'s board"
  // one where "'s" tells nothing.
  Document doc = Tag("Halvex bought a stake in Drommel last year. Brelvan's board met in Ostrava on Monday.");
  const Entity* drommel = Find(doc, "org/drommel");
  REQUIRE(drommel != nullptr);
  CHECK(Mentions(*drommel) == std::vector<std::string>{"25-32:name"});
  CHECK(Find(doc, "place/drommel") == nullptr);
  const Entity* brelvan = Find(doc, "org/brelvan");
  REQUIRE(brelvan != nullptr);
  CHECK(Mentions(*brelvan) == std::vector<std::string>{"44-51:name"});
}

TEST_CASE("firms by an ampersand / a suffix after a sentence-initial word / newspapers by what follows") {
  Document doc = Tag(
      "Analysts at Quimby & Farrow expect more cuts. Copper Lantern Corp said profits fell. "
      "Kurier Porannu daily said on Monday it was sold. Representatives of Norwell Bank declined to comment.");
  const Entity* qf = Find(doc, "org/quimby-farrow");
  REQUIRE(qf != nullptr);
  CHECK(qf->subtype == "company");
  CHECK(Mentions(*qf) == std::vector<std::string>{"12-27:name"});
  // "Copper" is a common word at the start of a sentence, but "Corp" ends its run.
  const Entity* cl = Find(doc, "org/copper-lantern-corp");
  REQUIRE(cl != nullptr);
  CHECK(Mentions(*cl) == std::vector<std::string>{"46-65:name"});
  const Entity* kp = Find(doc, "org/kurier-porannu");
  REQUIRE(kp != nullptr);
  CHECK(kp->type == EntityType::kOrganization);
  CHECK(Mentions(*kp) == std::vector<std::string>{"85-99:name"});
  // A connector after the first word keeps it out: "Representatives of ...".
  const Entity* nb = Find(doc, "org/norwell-bank");
  REQUIRE(nb != nullptr);
  CHECK(Mentions(*nb) == std::vector<std::string>{"153-165:name"});
}

TEST_CASE("an organization word is no given name / a month does not start a name") {
  Document doc = Tag(
      "Officials at the Bank of Norway said on Monday that the July BKR meeting mattered. Jan Dvorak won.");
  const Entity* bank = Find(doc, "org/bank-of-norway");
  REQUIRE(bank != nullptr);
  CHECK(Mentions(*bank) == std::vector<std::string>{"17-31:name"});
  CHECK(Find(doc, "person/bank") == nullptr);
  const Entity* bkr = Find(doc, "org/bkr");
  REQUIRE(bkr != nullptr);
  CHECK(Mentions(*bkr) == std::vector<std::string>{"61-64:name"});
  // A month that is also a given name stays one.
  const Entity* jan = Find(doc, "person/jan-dvorak");
  REQUIRE(jan != nullptr);
  CHECK(Mentions(*jan) == std::vector<std::string>{"83-93:name"});
}

TEST_CASE("a speaker named only with common words is an organization") {
  Document doc = Tag("Prices fell last week, Energy Watch said on Monday.");
  const Entity* watch = Find(doc, "org/energy-watch");
  REQUIRE(watch != nullptr);
  CHECK(watch->type == EntityType::kOrganization);
  CHECK(Mentions(*watch) == std::vector<std::string>{"23-35:name"});
  CHECK(Find(doc, "person/energy-watch") == nullptr);
}

TEST_CASE("a seat of government is a place / and the body when it speaks") {
  Document doc = Tag("Kim arrived at the White House on Monday. The White House said the talks went well.");
  const Entity* place = Find(doc, "place/white-house");
  REQUIRE(place != nullptr);
  CHECK(place->subtype == "site");
  CHECK(Mentions(*place) == std::vector<std::string>{"19-30:name"});
  const Entity* body = Find(doc, "org/white-house");
  REQUIRE(body != nullptr);
  CHECK(Mentions(*body) == std::vector<std::string>{"46-57:name"});
  Document oval = Tag("They met in the Oval Office and walked to the Great Hall of the People.");
  REQUIRE(Find(oval, "place/site-oval-office") != nullptr);
  REQUIRE(Find(oval, "place/site-great-hall-of-the-people") != nullptr);
  // A venue by its last word: "Colón Theatre".
  Document venue = Tag("The gala took place at the Colón Theatre in Buenos Aires.");
  const Entity* theatre = At(venue, 27, 41);
  REQUIRE(theatre != nullptr);
  CHECK(theatre->type == EntityType::kPlace);
  CHECK(theatre->subtype == "venue");
}

TEST_CASE("events / agreements and awards are no entities / nor the names inside them") {
  Document doc = Tag(
      "The Good Friday Agreement holds. Leaders signed the Washington Declaration and the Declaration of "
      "Principles before the U.S. Labor Day weekend, and she won the Nobel Peace Prize.");
  CHECK(doc.entities.size() == 1);
  const Entity* us = Find(doc, "place/iso-us");
  REQUIRE(us != nullptr);
  CHECK(doc.Text(us->mentions[0].span) == "U.S.");
}

TEST_CASE("currencies are no places / hyphenated given names / titles before a listed name") {
  Document doc = Tag("It costs US$ 299, or 250 US dollars. Lee Jae-myung met Pope Francis. Lee said so.");
  CHECK(Find(doc, "place/iso-us") == nullptr);
  const Entity* lee = Find(doc, "person/lee-jae-myung");
  REQUIRE(lee != nullptr);
  CHECK(Mentions(*lee) == std::vector<std::string>{"37-50:name", "69-72:partial"});
  const Entity* pope = Find(doc, "person/pope-francis");
  REQUIRE(pope != nullptr);
  CHECK(Mentions(*pope) == std::vector<std::string>{"55-67:name"});
}

TEST_CASE("descriptions are found from the marks as from every token") {
  // AddDescriptions looks only at the marks when every adjective of the
  // gazetteers starts with a letter, else at every token: both find the
  // same descriptions, including one whose adjective is in lower case.
  auto load = [](const std::string& adjectives) {
    const std::string path = "/tmp/newsgraph_ner_test_adjectives_" + std::to_string(getpid()) + ".tsv";
    {
      std::ofstream out(path);
      out << "id\ttype\tsubtype\tname\tcountry\tadjectives\n"
             "place/zq-zarquonia\tPlace\tcountry\tZarquonia\tZQ\t" << adjectives << "\n";
    }
    StageConfig config = TestConfig();
    config.user_gazetteers.push_back(path);
    auto tagger = EntityTagger::Create(config);
    std::remove(path.c_str());
    REQUIRE_MESSAGE(tagger.ok(), tagger.status().ToString());
    return std::move(tagger).value();
  };
  CHECK(Tagger().gazetteer().adjectives_start_with_letters());  // the shipped gazetteers ("Ålandish" too)
  const auto marks_only = load("zarquonian");
  const auto every_token = load("zarquonian|2nd Zarquonian");  // an adjective that starts with a digit
  CHECK(marks_only->gazetteer().adjectives_start_with_letters());
  CHECK(!every_token->gazetteer().adjectives_start_with_letters());
  const std::string text =
      "Zarquonian President Olan Brix arrived in Paris. Later the zarquonian president met the North Korean "
      "leader Kim Jong Un. The North Korean leader thanked the Zarquonian president.";
  const Document a = Tag(text, *marks_only);
  const Document b = Tag(text, *every_token);
  const Entity* brix = Find(a, "person/olan-brix");
  REQUIRE(brix != nullptr);
  CHECK(brix->country == "ZQ");
  CHECK(Mentions(*brix) == std::vector<std::string>{"21-30:name", "55-79:description", "153-177:description"});
  const Entity* kim = Find(a, "person/kim-jong-un");
  REQUIRE(kim != nullptr);
  CHECK(Mentions(*kim) == std::vector<std::string>{"108-119:name", "121-144:description"});
  REQUIRE(a.entities.size() == b.entities.size());
  for (size_t k = 0; k < a.entities.size(); ++k) {
    CHECK(a.entities[k].id == b.entities[k].id);
    CHECK(Mentions(a.entities[k]) == Mentions(b.entities[k]));
  }
}

}  // namespace newsgraph::ner
