#include "extractor/events/event_tagger.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "extractor/events/lexicon_test_util.h"
#include "extractor/events/mention_finder.h"
#include "extractor/segment/segmenter.h"

namespace newsgraph::events {
namespace {

// Builds a Document the way the earlier stages would: real segmentation,
// entities and timexes placed by hand so the test controls them exactly.
struct EntitySpec {
  std::string name;
  EntityType type;
  std::vector<std::string> forms = {};  // surface forms to find (the name if empty)
  std::string subtype = {};
  std::string country = {};
  std::string capital_of = {};
};
struct TimexSpec {
  std::string text;
  std::string value;
  int occurrence = 0;  // which occurrence of `text`
};

bool WordAt(const std::string& text, size_t p, size_t n) {
  auto word = [](unsigned char c) { return std::isalnum(c) || c >= 0x80; };
  return (p == 0 || !word(text[p - 1])) && (p + n >= text.size() || !word(text[p + n]));
}

class Fixture {
 public:
  Fixture() {
    StageConfig config;
    config.data_dir = ".";
    auto seg = segment::Segmenter::Create(config);
    REQUIRE(seg.ok());
    segmenter_ = std::move(seg).value();
    auto tagger = EventTagger::Create(config);
    if (!tagger.ok()) FAIL(tagger.status().ToString());
    tagger_ = std::move(tagger).value();
  }

  Document Run(const std::string& text, const std::string& published, const std::vector<EntitySpec>& entities,
               const std::vector<TimexSpec>& timexes = {}) const {
    Document doc;
    doc.id = "doc";
    doc.published = published;
    doc.text = text;
    doc.layers = kLayerText;
    REQUIRE(segmenter_->Process(&doc).ok());
    std::vector<Span> taken;
    for (const EntitySpec& spec : entities) {
      Entity e;
      e.id = "test/" + spec.name;
      e.name = spec.name;
      e.type = spec.type;
      e.subtype = spec.subtype;
      e.country = spec.country;
      e.capital_of = spec.capital_of;
      std::vector<std::string> forms = spec.forms.empty() ? std::vector<std::string>{spec.name} : spec.forms;
      for (const std::string& f : forms) {
        for (size_t p = text.find(f); p != std::string::npos; p = text.find(f, p + 1)) {
          Span s{static_cast<uint32_t>(p), static_cast<uint32_t>(p + f.size())};
          bool overlaps = false;
          for (const Span& t : taken) overlaps |= t.Overlaps(s);
          if (overlaps || !WordAt(text, p, f.size())) continue;
          taken.push_back(s);
          e.mentions.push_back(Mention{s, 0, f == spec.name ? MentionKind::kName : MentionKind::kPartialName});
        }
      }
      std::sort(e.mentions.begin(), e.mentions.end(),
                [](const Mention& a, const Mention& b) { return a.span.begin < b.span.begin; });
      doc.entities.push_back(std::move(e));
    }
    for (const TimexSpec& spec : timexes) {
      size_t p = text.find(spec.text);
      for (int i = 0; i < spec.occurrence && p != std::string::npos; ++i) p = text.find(spec.text, p + 1);
      REQUIRE(p != std::string::npos);
      Timex t;
      t.span = Span{static_cast<uint32_t>(p), static_cast<uint32_t>(p + spec.text.size())};
      t.value = spec.value;  // Timex::date left empty: the stage reads the value itself
      doc.timexes.push_back(t);
    }
    std::sort(doc.timexes.begin(), doc.timexes.end(),
              [](const Timex& a, const Timex& b) { return a.span.begin < b.span.begin; });
    doc.layers |= kLayerTokens | kLayerEntities | kLayerTimexes;
    REQUIRE(tagger_->Process(&doc).ok());
    return doc;
  }

 private:
  std::unique_ptr<segment::Segmenter> segmenter_;
  std::unique_ptr<EventTagger> tagger_;
};

const Fixture& F() {
  static Fixture* f = new Fixture();
  return *f;
}

// The names filling role `role` of event `e`, in order.
std::vector<std::string> Role(const Document& doc, const Event& e, const std::string& role) {
  std::vector<std::string> out;
  for (const EventRole& r : e.roles) {
    if (r.name != role) continue;
    for (uint32_t i : r.entities) out.push_back(doc.entities[i].name);
  }
  return out;
}

const EntitySpec kPutin{"Vladimir Putin", EntityType::kPerson, {"Vladimir Putin", "Putin"}, "", "RU"};
const EntitySpec kKim{"Kim Jong Un", EntityType::kPerson, {"Kim Jong Un", "Kim"}, "", "KP"};
const EntitySpec kNorthKorea{"North Korea", EntityType::kPlace, {}, "country", "KP"};
const EntitySpec kPyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP"};
const EntitySpec kMoscow{"Moscow", EntityType::kPlace, {}, "city", "RU"};

TEST_CASE("a verb trigger: visitor / destination / own date / offsets") {
  const std::string text = "Russian President Vladimir Putin arrived in North Korea on Wednesday morning.";
  Document doc = F().Run(text, "2024-06-19", {kPutin, kNorthKorea}, {{"Wednesday morning", "2024-06-19TMO"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.id == "doc#e1");
  CHECK(e.type == "Visit");
  CHECK(e.status == EventStatus::kOccurred);
  CHECK(e.date == "2024-06-19");
  CHECK(Role(doc, e, "visitor") == std::vector<std::string>{"Vladimir Putin"});
  CHECK(Role(doc, e, "destination") == std::vector<std::string>{"North Korea"});
  CHECK(e.trigger == Span{33, 40});
  CHECK(doc.Text(e.trigger) == "arrived");
  CHECK(e.sentence == Span{0, static_cast<uint32_t>(text.size())});
  CHECK(e.rule == "arrive.verb");
  CHECK(e.cameo == "042");
  CHECK(e.confidence > 0.5);
  CHECK((doc.layers & kLayerEvents) != 0);
}

TEST_CASE("a nationality names the person and the capital of its country") {
  const EntitySpec pyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP", "KP"};
  const std::string text =
      "Vladimir Putin met Kim Jong Un in Moscow in 2023, Pyongyang said. On Tuesday the Russian leader flew into "
      "the North Korean capital.";
  Document doc = F().Run(text, "2024-06-18", {kPutin, kKim, kMoscow, pyongyang},
                         {{"2023", "2023"}, {"Tuesday", "2024-06-18"}});
  REQUIRE(doc.events.size() == 2);
  const Event& visit = doc.events[1];
  CHECK(visit.type == "Visit");
  CHECK(doc.Text(visit.trigger) == "flew");
  CHECK(visit.trigger.begin == text.find("flew"));
  CHECK(Role(doc, visit, "visitor") == std::vector<std::string>{"Vladimir Putin"});
  CHECK(Role(doc, visit, "destination") == std::vector<std::string>{"Pyongyang"});
  CHECK(visit.date == "2024-06-18");

  // No capital named: the country stands for it.
  doc = F().Run("Vladimir Putin met Kim Jong Un in North Korea in 2023. The Russian leader flew into the North "
                "Korean capital on Tuesday.",
                "2024-06-18", {kPutin, kKim, kNorthKorea}, {{"2023", "2023"}, {"Tuesday", "2024-06-18"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(Role(doc, doc.events[1], "visitor") == std::vector<std::string>{"Vladimir Putin"});
  CHECK(Role(doc, doc.events[1], "destination") == std::vector<std::string>{"North Korea"});

  // Two persons of the nationality: the description names neither.
  const EntitySpec lavrov{"Sergei Lavrov", EntityType::kPerson, {"Sergei Lavrov", "Lavrov"}, "", "RU"};
  doc = F().Run("Vladimir Putin and Sergei Lavrov met Kim Jong Un in Pyongyang in 2023. Kim signed a pact during "
                "the Russian leader's visit to Pyongyang.",
                "2024-06-18", {kPutin, lavrov, kKim, pyongyang}, {{"2023", "2023"}});
  for (const Event& e : doc.events) {
    if (e.type == "Visit") CHECK(Role(doc, e, "visitor") != std::vector<std::string>{"Vladimir Putin"});
  }
  doc = F().Run("Vladimir Putin met Kim Jong Un in Pyongyang in 2023. Kim signed a pact during the Russian "
                "leader's visit to Pyongyang.",
                "2024-06-18", {kPutin, kKim, pyongyang}, {{"2023", "2023"}});
  int visits = 0;
  for (const Event& e : doc.events) {
    if (e.type != "Visit") continue;
    ++visits;
    CHECK(Role(doc, e, "visitor") == std::vector<std::string>{"Vladimir Putin"});
  }
  CHECK(visits == 1);
}

TEST_CASE("a country that owns a person's office is no participant") {
  const EntitySpec ardern{"Jacinda Ardern", EntityType::kPerson, {"Jacinda Ardern", "Ardern"}, "", "NZ"};
  const EntitySpec waqa{"Baron Waqa", EntityType::kPerson, {}, "", "NR"};
  const EntitySpec nauru{"Nauru", EntityType::kPlace, {}, "country", "NR"};
  Document doc = F().Run("Jacinda Ardern held talks with Nauru's President Baron Waqa in Yaren on Wednesday.",
                         "2018-09-06", {ardern, waqa, nauru, {"Yaren", EntityType::kPlace, {}, "city", "NR"}},
                         {{"Wednesday", "2018-09-05"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].type == "Meeting");
  CHECK(Role(doc, doc.events[0], "participants") == std::vector<std::string>{"Jacinda Ardern", "Baron Waqa"});
  CHECK(Role(doc, doc.events[0], "place") == std::vector<std::string>{"Yaren"});

  // The person stands for the country named as a party before: one agreement.
  const EntitySpec china{"China", EntityType::kPlace, {}, "country", "CN"};
  const EntitySpec asean{"ASEAN", EntityType::kOrganization, {}, "igo", ""};
  const EntitySpec wang{"Wang Yi", EntityType::kPerson, {}, "", "CN"};
  doc = F().Run("ASEAN and China agreed on guidelines on Thursday. The guidelines were adopted by ministers of "
                "ASEAN and China's top diplomat Wang Yi.",
                "2023-07-13", {asean, china, wang}, {{"Thursday", "2023-07-13"}});
  int agreements = 0;
  for (const Event& e : doc.events) agreements += e.type == "Agreement";
  CHECK(agreements == 1);
}

TEST_CASE("a gapped second leg is an event of its own") {
  const EntitySpec peru{"Peru", EntityType::kPlace, {}, "country", "PE"};
  const EntitySpec ecuador{"Ecuador", EntityType::kPlace, {}, "country", "EC"};
  const EntitySpec brasilia{"Brasilia", EntityType::kPlace, {}, "city", "BR"};
  const EntitySpec montevideo{"Montevideo", EntityType::kPlace, {}, "city", "UY"};
  const std::string text =
      "Peru and Ecuador signed ceasefire declarations in Brasilia on February 17, 1995 and in Montevideo on "
      "February 28, 1995.";
  Document doc = F().Run(text, "1998-10-27", {peru, ecuador, brasilia, montevideo},
                         {{"February 17, 1995", "1995-02-17"}, {"February 28, 1995", "1995-02-28"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].date == "1995-02-17");
  CHECK(Role(doc, doc.events[0], "place") == std::vector<std::string>{"Brasilia"});
  CHECK(doc.events[1].date == "1995-02-28");
  CHECK(Role(doc, doc.events[1], "place") == std::vector<std::string>{"Montevideo"});
  std::vector<std::string> parties = Role(doc, doc.events[1], "parties");
  std::sort(parties.begin(), parties.end());
  CHECK(parties == std::vector<std::string>{"Ecuador", "Peru"});
  CHECK(doc.events[1].trigger.begin == text.find("signed"));

  // The date first, then the place: the same.
  doc = F().Run("Peru and Ecuador signed ceasefire declarations on February 17, 1995 in Brasilia and on February 28, "
                "1995 in Montevideo.",
                "1998-10-27", {peru, ecuador, brasilia, montevideo},
                {{"February 17, 1995", "1995-02-17"}, {"February 28, 1995", "1995-02-28"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(Role(doc, doc.events[1], "place") == std::vector<std::string>{"Montevideo"});
  CHECK(doc.events[1].date == "1995-02-28");

  // An aside between the legs.
  doc = F().Run("Peru and Ecuador signed ceasefire declarations in Brasilia on February 17, 1995, at a ceremony "
                "hosted by Brazil, and in Montevideo on February 28, 1995.",
                "1998-10-27", {peru, ecuador, brasilia, montevideo},
                {{"February 17, 1995", "1995-02-17"}, {"February 28, 1995", "1995-02-28"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(Role(doc, doc.events[1], "place") == std::vector<std::string>{"Montevideo"});
  CHECK(doc.events[1].date == "1995-02-28");

  // No second place: one event.
  doc = F().Run("Peru and Ecuador signed ceasefire declarations in Brasilia on February 17, 1995 and left.",
                "1998-10-27", {peru, ecuador, brasilia, montevideo}, {{"February 17, 1995", "1995-02-17"}});
  CHECK(doc.events.size() == 1);
}

TEST_CASE("a role noun names the person it introduced / not a name after a verb") {
  const EntitySpec sanchez{"Pedro Sánchez", EntityType::kPerson, {"Pedro Sánchez", "Sánchez"}, "", "ES"};
  const EntitySpec king{"Mohammed VI", EntityType::kPerson, {}, "", "MA"};
  const EntitySpec rabat{"Rabat", EntityType::kPlace, {}, "city", "MA"};
  const EntitySpec spain{"Spain", EntityType::kPlace, {}, "country", "ES"};
  const std::string text =
      "Pedro Sánchez arrived in Rabat and was received by King Mohammed VI. The king hosted Sánchez for an iftar. "
      "Sánchez invited the king to visit Spain.";
  Document doc = F().Run(text, "2022-04-08", {sanchez, king, rabat, spain});
  const Event* invitation = nullptr;
  for (const Event& e : doc.events) {
    if (e.type == "Invitation") invitation = &e;
  }
  REQUIRE(invitation != nullptr);
  CHECK(Role(doc, *invitation, "inviter") == std::vector<std::string>{"Pedro Sánchez"});
  CHECK(Role(doc, *invitation, "invitee") == std::vector<std::string>{"Mohammed VI"});
  CHECK(Role(doc, *invitation, "destination") == std::vector<std::string>{"Spain"});
  CHECK(invitation->trigger.begin == text.find("invited"));
}

TEST_CASE("a pronoun after 'On Thursday the pope ...' is the pope / a place after an apposition counts") {
  const EntitySpec benedict{"Pope Benedict XVI", EntityType::kPerson, {"Pope Benedict XVI"}, "", "VA"};
  const EntitySpec jp2{"John Paul II", EntityType::kPerson};
  const EntitySpec williams{"Rowan Williams", EntityType::kPerson};
  const EntitySpec london{"London", EntityType::kPlace, {}, "city", "GB"};
  const EntitySpec glasgow{"Glasgow", EntityType::kPlace, {}, "city", "GB"};
  const EntitySpec canterbury{"Canterbury", EntityType::kPlace, {}, "city", "GB"};
  const std::string text =
      "Pope Benedict XVI arrived in Glasgow on Thursday. John Paul II's trip to Glasgow in 1982 was not a state "
      "visit, and he was not received by the Queen. On Thursday the pope will celebrate mass in Glasgow. On Friday "
      "he is due to meet the Archbishop of Canterbury, Rowan Williams, at Lambeth Palace in London.";
  Document doc = F().Run(text, "2010-09-16", {benedict, jp2, williams, london, glasgow, canterbury},
                         {{"Thursday", "2010-09-16"}, {"1982", "1982"}, {"Thursday", "2010-09-16", 1},
                          {"Friday", "2010-09-17"}});
  const Event* meeting = nullptr;
  for (const Event& e : doc.events) {
    if (e.type == "Meeting") meeting = &e;
  }
  REQUIRE(meeting != nullptr);
  CHECK(Role(doc, *meeting, "participants") == std::vector<std::string>{"Pope Benedict XVI", "Rowan Williams"});
  CHECK(Role(doc, *meeting, "place") == std::vector<std::string>{"London"});
  CHECK(meeting->date == "2010-09-17");
  CHECK(meeting->status == EventStatus::kPlanned);
}

TEST_CASE("a counted group takes the event with that many participants") {
  const EntitySpec russia{"Russia", EntityType::kPlace, {}, "country", "RU"};
  const EntitySpec ukraine{"Ukraine", EntityType::kPlace, {}, "country", "UA"};
  const EntitySpec turkey{"Turkey", EntityType::kPlace, {}, "country", "TR"};
  const EntitySpec un{"United Nations", EntityType::kOrganization, {}, "igo", ""};
  const EntitySpec istanbul{"Istanbul", EntityType::kPlace, {}, "city", "TR"};
  const EntitySpec guterres{"António Guterres", EntityType::kPerson, {"António Guterres", "Guterres"}};
  const EntitySpec erdogan{"Tayyip Erdogan", EntityType::kPerson, {"Tayyip Erdogan", "Erdogan"}, "", "TR"};
  const std::string text =
      "Russia and Ukraine signed agreements with Turkey and the United Nations in Istanbul on Friday. Guterres met "
      "Erdogan on Thursday. The agreements followed talks between the four parties in Istanbul last week.";
  Document doc = F().Run(text, "2022-07-22", {russia, ukraine, turkey, un, istanbul, guterres, erdogan},
                         {{"Friday", "2022-07-22"}, {"Thursday", "2022-07-21"}, {"last week", "2022-W28"}});
  const Event* talks = nullptr;
  for (const Event& e : doc.events) {
    if (e.type == "Meeting" && doc.Text(e.trigger) == "talks") talks = &e;
  }
  REQUIRE(talks != nullptr);
  std::vector<std::string> parts = Role(doc, *talks, "participants");
  std::sort(parts.begin(), parts.end());
  CHECK(parts == std::vector<std::string>{"Russia", "Turkey", "Ukraine", "United Nations"});
  CHECK(talks->date == "2022-W28");
  CHECK(Role(doc, *talks, "place") == std::vector<std::string>{"Istanbul"});
}

TEST_CASE("bare 'leaders' act for the organization named before them") {
  const EntitySpec ardern{"Jacinda Ardern", EntityType::kPerson, {}, "", "NZ"};
  const EntitySpec nauru{"Nauru", EntityType::kPlace, {}, "country", "NR"};
  const EntitySpec forum{"Pacific Islands Forum", EntityType::kOrganization, {}, "igo", ""};
  Document doc = F().Run("Jacinda Ardern flew to Nauru on Wednesday for the Pacific Islands Forum, where leaders signed "
                         "a declaration on regional security.",
                         "2018-09-06", {ardern, nauru, forum}, {{"Wednesday", "2018-09-05"}});
  const Event* deal = nullptr;
  for (const Event& e : doc.events) {
    if (e.type == "Agreement") deal = &e;
  }
  REQUIRE(deal != nullptr);
  CHECK(Role(doc, *deal, "parties") == std::vector<std::string>{"Pacific Islands Forum"});
  CHECK(doc.Text(deal->trigger) == "signed");

  // "the leaders" refer back to persons; no organization is taken for them.
  doc = F().Run("Jacinda Ardern flew to Nauru for the Pacific Islands Forum, where the two leaders signed a "
                "declaration.",
                "2018-09-06", {ardern, nauru, forum});
  for (const Event& e : doc.events) {
    if (e.type == "Agreement") CHECK(Role(doc, e, "parties") != std::vector<std::string>{"Pacific Islands Forum"});
  }
}

TEST_CASE("'during their talks' dates an event by the latest meeting of its actors") {
  const EntitySpec koizumi{"Junichiro Koizumi", EntityType::kPerson, {"Junichiro Koizumi", "Koizumi"}, "", "JP"};
  const EntitySpec kim{"Kim Jong Il", EntityType::kPerson, {"Kim Jong Il", "Kim"}, "", "KP"};
  const EntitySpec tokyo{"Tokyo", EntityType::kPlace, {}, "city", "JP"};
  const EntitySpec pyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP"};
  const std::string text =
      "Junichiro Koizumi sat down with Kim Jong Il in Pyongyang on Tuesday. Talks between Tokyo and Pyongyang will "
      "resume in October. Koizumi invited Kim to visit Tokyo during their talks.";
  Document doc = F().Run(text, "2002-09-18", {koizumi, kim, tokyo, pyongyang},
                         {{"Tuesday", "2002-09-17"}, {"October", "2002-10"}});
  const Event* invitation = nullptr;
  for (const Event& e : doc.events) {
    if (e.type == "Invitation") invitation = &e;
  }
  REQUIRE(invitation != nullptr);
  CHECK(Role(doc, *invitation, "inviter") == std::vector<std::string>{"Junichiro Koizumi"});
  CHECK(Role(doc, *invitation, "invitee") == std::vector<std::string>{"Kim Jong Il"});
  CHECK(invitation->date == "2002-09-17");
}

TEST_CASE("'at' 'throughout' and 'on the sidelines of' an occasion frame it / 'after' tells a sequence") {
  // FrameNoun() passes over tokens by their length first: every opener word keeps working.
  const EntitySpec koizumi{"Junichiro Koizumi", EntityType::kPerson, {"Junichiro Koizumi", "Koizumi"}, "", "JP"};
  const EntitySpec kim{"Kim Jong Il", EntityType::kPerson, {"Kim Jong Il", "Kim"}, "", "KP"};
  const EntitySpec tokyo{"Tokyo", EntityType::kPlace, {}, "city", "JP"};
  const EntitySpec pyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP"};
  auto invitation_date = [&](const std::string& frame) {
    const std::string text =
        "Junichiro Koizumi sat down with Kim Jong Il in Pyongyang on Tuesday. Talks between Tokyo and Pyongyang "
        "will resume in October. Koizumi invited Kim to visit Tokyo " + frame + " their talks.";
    Document doc = F().Run(text, "2002-09-18", {koizumi, kim, tokyo, pyongyang},
                           {{"Tuesday", "2002-09-17"}, {"October", "2002-10"}});
    for (const Event& e : doc.events) {
      if (e.type == "Invitation") return e.date;
    }
    return std::string("none");
  };
  CHECK(invitation_date("at") == "2002-09-17");
  CHECK(invitation_date("throughout") == "2002-09-17");
  CHECK(invitation_date("on the sidelines of") == "2002-09-17");
  CHECK(invitation_date("after") == "");
}

TEST_CASE("'hosted the two leaders' is a group / a denied trip elsewhere is its own event") {
  const EntitySpec maduro{"Nicolás Maduro", EntityType::kPerson, {"Nicolás Maduro", "Maduro"}, "", "VE"};
  const EntitySpec ali{"Irfaan Ali", EntityType::kPerson, {"Irfaan Ali", "Ali"}, "", "GY"};
  const EntitySpec gonsalves{"Ralph Gonsalves", EntityType::kPerson, {}, "", "VC"};
  const EntitySpec kingstown{"Kingstown", EntityType::kPlace, {}, "city", "VC"};
  const EntitySpec caracas{"Caracas", EntityType::kPlace, {}, "city", "VE"};
  const std::string text =
      "Nicolás Maduro and Irfaan Ali agreed on Thursday not to use force. Ralph Gonsalves hosted the two leaders in "
      "Kingstown on Thursday. Ali later ruled out any visit to Caracas.";
  Document doc = F().Run(text, "2023-12-15", {maduro, ali, gonsalves, kingstown, caracas},
                         {{"Thursday", "2023-12-14"}, {"Thursday", "2023-12-14", 1}});
  std::vector<const Event*> visits;
  for (const Event& e : doc.events) {
    if (e.type == "Visit") visits.push_back(&e);
  }
  REQUIRE(visits.size() == 2);
  std::vector<std::string> visitors = Role(doc, *visits[0], "visitor");
  std::sort(visitors.begin(), visitors.end());
  CHECK(visitors == std::vector<std::string>{"Irfaan Ali", "Nicolás Maduro"});
  CHECK(Role(doc, *visits[0], "host") == std::vector<std::string>{"Ralph Gonsalves"});
  CHECK(Role(doc, *visits[0], "destination") == std::vector<std::string>{"Kingstown"});
  CHECK(visits[0]->status == EventStatus::kOccurred);
  CHECK(visits[0]->date == "2023-12-14");
  CHECK(visits[1]->status == EventStatus::kDenied);
  CHECK(Role(doc, *visits[1], "destination") == std::vector<std::string>{"Caracas"});
  CHECK(Role(doc, *visits[1], "host").empty());
}

TEST_CASE("'join X for talks' is a meeting with X / with the status of 'join'") {
  const EntitySpec hu{"Hu Jintao", EntityType::kPerson, {"Hu Jintao", "Hu"}, "", "CN"};
  const EntitySpec g8{"Group of Eight", EntityType::kOrganization, {"Group of Eight", "G8"}, "igo", ""};
  const EntitySpec aquila{"L'Aquila", EntityType::kPlace, {}, "city", "IT"};
  const std::string text = "Hu Jintao will join G8 leaders for talks on the economy in L'Aquila on Thursday.";
  Document doc = F().Run(text, "2009-07-06", {hu, g8, aquila}, {{"Thursday", "2009-07-09"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.type == "Meeting");
  std::vector<std::string> parts = Role(doc, e, "participants");
  std::sort(parts.begin(), parts.end());
  CHECK(parts == std::vector<std::string>{"Group of Eight", "Hu Jintao"});
  CHECK(Role(doc, e, "place") == std::vector<std::string>{"L'Aquila"});
  CHECK(e.status == EventStatus::kPlanned);
  CHECK(e.date == "2009-07-09");
  CHECK(doc.Text(e.trigger) == "talks");
}

TEST_CASE("host verbs: the one received is the visitor / in either voice") {
  const EntitySpec wang{"Wang Yi", EntityType::kPerson, {"Wang Yi", "Wang"}};
  const EntitySpec sogavare{"Manasseh Sogavare", EntityType::kPerson};
  const EntitySpec honiara{"Honiara", EntityType::kPlace, {}, "city", "SB"};
  Document doc = F().Run("Wang Yi was received by Prime Minister Manasseh Sogavare in Honiara.", "2022-05-27",
                         {wang, sogavare, honiara});
  REQUIRE(doc.events.size() == 1);
  CHECK(Role(doc, doc.events[0], "visitor") == std::vector<std::string>{"Wang Yi"});
  CHECK(Role(doc, doc.events[0], "host") == std::vector<std::string>{"Manasseh Sogavare"});
  CHECK(Role(doc, doc.events[0], "destination") == std::vector<std::string>{"Honiara"});
  CHECK(doc.events[0].cameo == "043");

  doc = F().Run("Manasseh Sogavare welcomed Wang Yi in Honiara.", "2022-05-27", {wang, sogavare, honiara});
  REQUIRE(doc.events.size() == 1);
  CHECK(Role(doc, doc.events[0], "visitor") == std::vector<std::string>{"Wang Yi"});
  CHECK(Role(doc, doc.events[0], "host") == std::vector<std::string>{"Manasseh Sogavare"});

  // A host verb whose object is no person states no visit.
  doc = F().Run("Manasseh Sogavare welcomed the agreement in Honiara.", "2022-05-27", {wang, sogavare, honiara});
  CHECK(doc.events.empty());
}

TEST_CASE("spun English: 'go to' as a noun / 'satisfy' for meet / with their guards") {
  const EntitySpec deby{"Mahamat Deby", EntityType::kPerson, {"Mahamat Deby", "Deby"}};
  Document doc = F().Run("Mahamat Deby paid a go to to Moscow on Wednesday and is predicted to satisfy Vladimir Putin.",
                         "2024-01-25", {deby, kMoscow, kPutin}, {{"Wednesday", "2024-01-24"}});
  REQUIRE(doc.events.size() == 2);
  const Event& visit = doc.events[0];
  CHECK(visit.type == "Visit");
  CHECK(doc.Text(visit.trigger) == "go to");
  CHECK(Role(doc, visit, "visitor") == std::vector<std::string>{"Mahamat Deby"});
  CHECK(Role(doc, visit, "destination") == std::vector<std::string>{"Moscow"});
  CHECK(visit.date == "2024-01-24");
  const Event& meeting = doc.events[1];
  CHECK(meeting.type == "Meeting");
  CHECK(meeting.status == EventStatus::kPlanned);
  CHECK(Role(doc, meeting, "participants") == std::vector<std::string>{"Mahamat Deby", "Vladimir Putin"});

  // "is going to" is a future, and "satisfy the demand" no meeting.
  doc = F().Run("Vladimir Putin is going to satisfy the demand for munitions.", "2024-01-25", {kPutin});
  CHECK(doc.events.empty());
}

TEST_CASE("a pair phrase takes the participants / date and place of the event it points to") {
  const EntitySpec sunak{"Rishi Sunak", EntityType::kPerson, {"Rishi Sunak", "Sunak"}, "", "GB"};
  const EntitySpec vdl{"Ursula von der Leyen", EntityType::kPerson, {}, "", "DE"};
  const EntitySpec windsor{"Windsor", EntityType::kPlace, {}, "city", "GB"};
  Document doc = F().Run(
      "Rishi Sunak and Ursula von der Leyen sealed a deal on Monday. The two leaders met at a hotel in Windsor.",
      "2023-02-27", {sunak, vdl, windsor}, {{"Monday", "2023-02-27"}});
  REQUIRE(doc.events.size() == 2);
  const Event& deal = doc.events[0];
  CHECK(deal.type == "Agreement");
  CHECK(Role(doc, deal, "parties") == std::vector<std::string>{"Ursula von der Leyen", "Rishi Sunak"});
  CHECK(Role(doc, deal, "place") == std::vector<std::string>{"Windsor"});  // the meeting's
  const Event& met = doc.events[1];
  CHECK(met.type == "Meeting");
  CHECK(met.date == "2023-02-27");  // inherited from the deal
  CHECK(Role(doc, met, "participants") == std::vector<std::string>{"Ursula von der Leyen", "Rishi Sunak"});
  CHECK(doc.Text(met.trigger) == "met");
}

TEST_CASE("a scrapped plan: one cancelled visit dated by the plan / not by the scrapping") {
  const EntitySpec trump{"Donald Trump", EntityType::kPerson, {"Donald Trump", "Trump"}, "", "US"};
  const EntitySpec denmark{"Denmark", EntityType::kPlace, {}, "country", "DK"};
  const EntitySpec copenhagen{"Copenhagen", EntityType::kPlace, {}, "city", "DK"};
  Document doc = F().Run(
      "Donald Trump scrapped a planned state visit to Denmark on Tuesday. Trump had been due to arrive in "
      "Copenhagen on Sept. 2.",
      "2019-08-21", {trump, denmark, copenhagen}, {{"Tuesday", "2019-08-20"}, {"Sept. 2", "2019-09-02"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.status == EventStatus::kCancelled);
  CHECK(e.date == "2019-09-02");
  CHECK(Role(doc, e, "destination") == std::vector<std::string>{"Denmark", "Copenhagen"});
  CHECK(doc.Text(e.trigger) == "visit");
  REQUIRE(e.more_evidence.size() == 1);
  CHECK(doc.Text(e.more_evidence[0].trigger) == "arrive");
}

TEST_CASE("denials / negation / refusals / habits and phone calls") {
  const EntitySpec biden{"Joe Biden", EntityType::kPerson, {"Joe Biden", "Biden"}, "", "US"};
  const EntitySpec dmz{"Demilitarized Zone", EntityType::kPlace, {}, "site", "KR"};
  const EntitySpec us{"United States", EntityType::kPlace, {}, "country", "US"};
  const EntitySpec xi{"Xi Jinping", EntityType::kPerson, {"Xi Jinping", "Xi"}, "", "CN"};
  Document doc = F().Run("The White House said Joe Biden had no plans to visit the Demilitarized Zone.", "2022-05-22",
                         {biden, dmz});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kDenied);
  CHECK(doc.events[0].date.empty());

  CHECK(F().Run("Joe Biden did not travel to the Demilitarized Zone.", "2022-05-22", {biden, dmz}).events.empty());
  CHECK(F().Run("Joe Biden has travelled to the United States several times.", "2022-05-22", {biden, us}).events.empty());
  CHECK(F().Run("Joe Biden refused to meet Xi Jinping.", "2022-05-22", {biden, xi}).events.empty());
  CHECK(F().Run("Joe Biden held talks with Xi Jinping by phone.", "2022-05-22", {biden, xi}).events.empty());
  CHECK(F().Run("Joe Biden and Xi Jinping didn't sign any agreement.", "2022-05-22", {biden, xi}).events.empty());
}

TEST_CASE("history statements: one agreement per date of a list") {
  const EntitySpec pyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP"};
  Document doc = F().Run(
      "He said the new settlement will replace documents signed between Moscow and Pyongyang in 1961, 2000 and 2001.",
      "2024-06-19", {kMoscow, pyongyang}, {{"1961", "1961"}, {"2000", "2000"}, {"2001", "2001"}});
  REQUIRE(doc.events.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    CHECK(doc.events[i].type == "Agreement");
    CHECK(doc.events[i].status == EventStatus::kOccurred);
    CHECK(Role(doc, doc.events[i], "parties") == std::vector<std::string>{"Moscow", "Pyongyang"});
  }
  CHECK(doc.events[0].date == "1961");
  CHECK(doc.events[1].date == "2000");
  CHECK(doc.events[2].date == "2001");
}

TEST_CASE("an invitation / and the trip it offers is no visit") {
  Document doc = F().Run("In September 2023, Kim Jong Un extended an invitation to Vladimir Putin to visit Pyongyang.",
                         "2024-06-19", {kKim, kPutin, kPyongyang}, {{"September 2023", "2023-09"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.type == "Invitation");
  CHECK(e.date == "2023-09");
  CHECK(Role(doc, e, "inviter") == std::vector<std::string>{"Kim Jong Un"});
  CHECK(Role(doc, e, "invitee") == std::vector<std::string>{"Vladimir Putin"});
  CHECK(Role(doc, e, "destination") == std::vector<std::string>{"Pyongyang"});
  CHECK(e.cameo == "036");

  // The time of the offered trip is not the time of the invitation.
  doc = F().Run("Kim Jong Un invited Vladimir Putin to visit Pyongyang in the autumn.", "2024-06-19",
                {kKim, kPutin, kPyongyang}, {{"the autumn", "2024-FA"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].type == "Invitation");
  CHECK(doc.events[0].date.empty());
}

TEST_CASE("separate meetings with two people are two meetings / a framing summit is none") {
  const EntitySpec erdogan{"Tayyip Erdogan", EntityType::kPerson};
  const EntitySpec mbs{"Mohammed bin Salman", EntityType::kPerson};
  const EntitySpec g20{"G20", EntityType::kOrganization, {}, "igo"};
  Document doc = F().Run("Vladimir Putin held separate meetings with Tayyip Erdogan and Mohammed bin Salman at the G20 summit.",
                         "2019-06-29", {kPutin, erdogan, mbs, g20});
  REQUIRE(doc.events.size() == 2);
  CHECK(Role(doc, doc.events[0], "participants") == std::vector<std::string>{"Vladimir Putin", "Tayyip Erdogan"});
  CHECK(Role(doc, doc.events[1], "participants") == std::vector<std::string>{"Vladimir Putin", "Mohammed bin Salman"});
}

TEST_CASE("reported by media only: uncertain / a subject in a relative clause / a date from the trip") {
  const EntitySpec netanyahu{"Benjamin Netanyahu", EntityType::kPerson, {"Benjamin Netanyahu", "Netanyahu"}};
  const EntitySpec saudi{"Saudi Arabia", EntityType::kPlace, {}, "country", "SA"};
  Document doc = F().Run("Benjamin Netanyahu flew to Saudi Arabia on Sunday, Israeli media reported.", "2020-11-23",
                         {netanyahu, saudi}, {{"Sunday", "2020-11-22"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kUncertain);
  CHECK(doc.events[0].date == "2020-11-22");

  const EntitySpec biden{"Joe Biden", EntityType::kPerson, {"Joe Biden", "Biden"}, "", "US"};
  const EntitySpec trong{"Nguyen Phu Trong", EntityType::kPerson, {}, "", "VN"};
  const EntitySpec hanoi{"Hanoi", EntityType::kPlace, {}, "city", "VN"};
  const EntitySpec vietnam{"Vietnam", EntityType::kPlace, {}, "country", "VN"};
  doc = F().Run("Vietnam welcomed the move. Biden, who arrived in Hanoi on Sunday, held talks with Nguyen Phu Trong.",
                "2023-09-11", {biden, trong, hanoi, vietnam}, {{"Sunday", "2023-09-10"}});
  REQUIRE(doc.events.size() == 2);
  const Event& visit = doc.events[0];
  CHECK(visit.type == "Visit");
  CHECK(Role(doc, visit, "visitor") == std::vector<std::string>{"Joe Biden"});
  // City and country both: the country of the destination is added.
  CHECK(Role(doc, visit, "destination") == std::vector<std::string>{"Hanoi", "Vietnam"});
  const Event& talks = doc.events[1];
  CHECK(talks.type == "Meeting");
  CHECK(talks.date == "2023-09-10");
  CHECK(Role(doc, talks, "participants") == std::vector<std::string>{"Joe Biden", "Nguyen Phu Trong"});
  CHECK(Role(doc, talks, "place") == std::vector<std::string>{"Hanoi", "Vietnam"});
}

TEST_CASE("mentions of one visit merge / a postponed plan of it stays apart") {
  const EntitySpec lula{"Luiz Inacio Lula da Silva", EntityType::kPerson, {"Luiz Inacio Lula da Silva", "Lula"}};
  const EntitySpec shanghai{"Shanghai", EntityType::kPlace, {}, "city", "CN"};
  const EntitySpec china{"China", EntityType::kPlace, {}, "country", "CN"};
  Document doc = F().Run(
      "Luiz Inacio Lula da Silva landed in Shanghai on Wednesday. China welcomed his visit. The trip had "
      "originally been planned for late March but was postponed.",
      "2023-04-14", {lula, shanghai, china}, {{"Wednesday", "2023-04-12"}, {"late March", "2023-03"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].status == EventStatus::kOccurred);
  CHECK(doc.events[0].date == "2023-04-12");
  REQUIRE(doc.events[0].more_evidence.size() == 1);
  CHECK(doc.Text(doc.events[0].more_evidence[0].trigger) == "visit");
  CHECK(doc.events[1].status == EventStatus::kPostponed);
  CHECK(doc.events[1].date == "2023-03");
  CHECK(Role(doc, doc.events[1], "visitor") == std::vector<std::string>{"Luiz Inacio Lula da Silva"});
  CHECK(Role(doc, doc.events[1], "destination") == std::vector<std::string>{"Shanghai", "China"});
}

TEST_CASE("a pronoun subject and a planned meeting next week") {
  const EntitySpec mandela{"Nelson Mandela", EntityType::kPerson, {"Nelson Mandela", "Mandela"}};
  const EntitySpec bush{"George Bush", EntityType::kPerson};
  const EntitySpec white_house{"White House", EntityType::kPlace, {}, "site", "US"};
  Document doc = F().Run("Nelson Mandela spoke in Harlem. He will meet President George Bush at the White House next week.",
                         "1990-06-21", {mandela, bush, white_house}, {{"next week", "1990-W26"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.status == EventStatus::kPlanned);
  CHECK(e.date == "1990-W26");
  CHECK(e.cameo == "036");
  CHECK(Role(doc, e, "participants") == std::vector<std::string>{"Nelson Mandela", "George Bush"});
  CHECK(Role(doc, e, "place") == std::vector<std::string>{"White House"});
}

TEST_CASE("two trips of one traveller to places in different countries stay two events") {
  const EntitySpec prabowo{"Prabowo Subianto", EntityType::kPerson, {"Prabowo Subianto", "Prabowo"}, "", "ID"};
  const EntitySpec china{"China", EntityType::kPlace, {}, "country", "CN"};
  const EntitySpec beijing{"Beijing", EntityType::kPlace, {}, "city", "CN"};
  const EntitySpec washington{"Washington", EntityType::kPlace, {}, "city", "US"};
  const EntitySpec us{"United States", EntityType::kPlace, {"U.S."}, "country", "US"};
  Document doc = F().Run(
      "Prabowo Subianto will travel to China next week. From Beijing, Prabowo plans to fly to Washington for "
      "talks with U.S. officials.",
      "2024-11-04", {prabowo, china, beijing, washington, us}, {{"next week", "2024-W46"}});
  REQUIRE(doc.events.size() == 3);
  CHECK(doc.events[0].type == "Visit");
  CHECK(Role(doc, doc.events[0], "destination") == std::vector<std::string>{"China"});
  CHECK(doc.events[0].date == "2024-W46");
  CHECK(doc.events[1].type == "Visit");
  CHECK(doc.events[1].status == EventStatus::kPlanned);
  CHECK(Role(doc, doc.events[1], "destination") == std::vector<std::string>{"Washington", "United States"});
  // The purpose of the trip: the traveller's own planned talks.
  const Event& talks = doc.events[2];
  CHECK(talks.type == "Meeting");
  CHECK(talks.status == EventStatus::kPlanned);
  CHECK(Role(doc, talks, "participants") == std::vector<std::string>{"United States", "Prabowo Subianto"});
  CHECK(doc.Text(talks.trigger) == "talks");
}

TEST_CASE("talks that are a trip's purpose are called off with it") {
  const EntitySpec luxon{"Christopher Luxon", EntityType::kPerson, {"Christopher Luxon", "Luxon"}, "", "NZ"};
  const EntitySpec rabuka{"Sitiveni Rabuka", EntityType::kPerson, {}, "", "FJ"};
  const EntitySpec fiji{"Fiji", EntityType::kPlace, {}, "country", "FJ"};
  const EntitySpec suva{"Suva", EntityType::kPlace, {}, "city", "FJ"};
  Document doc = F().Run(
      "Christopher Luxon called off a planned visit to Fiji on Monday. Luxon had been due to arrive in Suva on "
      "Wednesday for talks with Fijian Prime Minister Sitiveni Rabuka.",
      "2024-02-05", {luxon, rabuka, fiji, suva}, {{"Monday", "2024-02-05"}, {"Wednesday", "2024-02-07"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Visit");
  CHECK(doc.events[0].status == EventStatus::kCancelled);
  const Event& talks = doc.events[1];
  CHECK(talks.type == "Meeting");
  CHECK(talks.status == EventStatus::kCancelled);
  CHECK(talks.date == "2024-02-07");
  CHECK(Role(doc, talks, "participants") == std::vector<std::string>{"Sitiveni Rabuka", "Christopher Luxon"});
}

TEST_CASE("the time of a reporting clause is not the event's") {
  Document doc = F().Run(
      "Putin and Kim will hold talks on Wednesday afternoon and are expected to sign a new partnership treaty, "
      "Kremlin aide Yuri Ushakov told reporters on Monday.",
      "2024-06-18", {kPutin, kKim}, {{"Wednesday afternoon", "2024-06-19TAF"}, {"Monday", "2024-06-17"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Meeting");
  CHECK(doc.events[0].date == "2024-06-19");
  CHECK(doc.events[1].type == "Agreement");
  CHECK(doc.events[1].status == EventStatus::kPlanned);
  CHECK(doc.events[1].date.empty());  // never the Monday of the telling

  const EntitySpec japan{"Japan", EntityType::kPlace, {}, "country", "JP"};
  const EntitySpec ph{"Philippines", EntityType::kPlace, {}, "country", "PH"};
  doc = F().Run("Japan and the Philippines will sign a defence pact, the ministry said on Friday.", "2024-07-06",
                {japan, ph}, {{"Friday", "2024-07-05"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kPlanned);
  CHECK(doc.events[0].date.empty());
}

TEST_CASE("state media stating an event is no rumour / a city is no participant") {
  const EntitySpec lam{"To Lam", EntityType::kPerson, {}, "", "VN"};
  const EntitySpec hanoi{"Hanoi", EntityType::kPlace, {}, "city", "VN"};
  Document doc = F().Run(
      "Vladimir Putin arrived in Hanoi on Thursday and held talks with Vietnamese President To Lam. The two "
      "leaders signed eleven agreements on energy, Vietnamese state media said.",
      "2024-06-20", {kPutin, lam, hanoi}, {{"Thursday", "2024-06-20"}});
  REQUIRE(doc.events.size() == 3);
  CHECK(doc.events[1].type == "Meeting");
  CHECK(Role(doc, doc.events[1], "participants") == std::vector<std::string>{"Vladimir Putin", "To Lam"});
  CHECK(doc.events[2].type == "Agreement");
  CHECK(doc.events[2].status == EventStatus::kOccurred);
  CHECK(Role(doc, doc.events[2], "parties") == std::vector<std::string>{"Vladimir Putin", "To Lam"});
}

TEST_CASE("a dateline after a headline is no subject / and places what happens that day") {
  const EntitySpec lam{"To Lam", EntityType::kPerson, {}, "", "VN"};
  const EntitySpec hanoi{"Hanoi", EntityType::kPlace, {"Hanoi", "HANOI"}, "city", "VN"};
  Document doc = F().Run(
      "Putin in Vietnam\n\nHANOI — Russian President Vladimir Putin arrived in Hanoi on Thursday and held talks "
      "with Vietnamese President To Lam.\n\nThe two leaders signed eleven agreements.",
      "2024-06-20", {kPutin, lam, hanoi}, {{"Thursday", "2024-06-20"}});
  REQUIRE(doc.events.size() == 3);
  CHECK(doc.events[1].type == "Meeting");
  CHECK(Role(doc, doc.events[1], "participants") == std::vector<std::string>{"Vladimir Putin", "To Lam"});
  CHECK(doc.events[2].type == "Agreement");
  CHECK(Role(doc, doc.events[2], "parties") == std::vector<std::string>{"Vladimir Putin", "To Lam"});
  CHECK(Role(doc, doc.events[2], "place") == std::vector<std::string>{"Hanoi"});
}

TEST_CASE("an agreement in a relative clause on its instrument noun") {
  const EntitySpec peru{"Peru", EntityType::kPlace, {}, "country", "PE"};
  const EntitySpec ecuador{"Ecuador", EntityType::kPlace, {}, "country", "EC"};
  const EntitySpec brasilia{"Brasilia", EntityType::kPlace, {}, "city", "BR"};
  Document doc = F().Run("The war ended with ceasefire declarations that Peru and Ecuador signed in Brasilia in 1995.",
                         "1998-10-27", {peru, ecuador, brasilia}, {{"1995", "1995"}});
  REQUIRE(doc.events.size() == 1);
  const Event& e = doc.events[0];
  CHECK(e.type == "Agreement");
  CHECK(e.status == EventStatus::kOccurred);
  CHECK(e.date == "1995");
  CHECK(doc.Text(e.trigger) == "signed");
  CHECK(Role(doc, e, "parties") == std::vector<std::string>{"Ecuador", "Peru"});
  CHECK(Role(doc, e, "place") == std::vector<std::string>{"Brasilia"});
}

TEST_CASE("a time inside a phrase after since is not the event's") {
  const EntitySpec klaus{"Vaclav Klaus", EntityType::kPerson, {"Vaclav Klaus", "Klaus"}, "", "CZ"};
  const EntitySpec meciar{"Vladimir Meciar", EntityType::kPerson, {"Vladimir Meciar", "Meciar"}, "", "SK"};
  const EntitySpec brno{"Brno", EntityType::kPlace, {}, "city", "CZ"};
  Document doc = F().Run(
      "Vaclav Klaus and Vladimir Meciar reached an agreement yesterday. The two leaders met for six hours in Brno, "
      "their fifth round of talks since the June elections.",
      "1992-08-27", {klaus, meciar, brno}, {{"yesterday", "1992-08-26"}, {"June", "1992-06"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Agreement");
  CHECK(doc.events[0].date == "1992-08-26");
  CHECK(Role(doc, doc.events[0], "place") == std::vector<std::string>{"Brno"});
  CHECK(doc.events[1].type == "Meeting");
  CHECK(doc.events[1].date == "1992-08-26");
  CHECK(Role(doc, doc.events[1], "participants") == std::vector<std::string>{"Vladimir Meciar", "Vaclav Klaus"});
}

TEST_CASE("a verb coordinated after will shares the plan / talks of a postponed trip are postponed") {
  const EntitySpec tata{"Ratan Tata", EntityType::kPerson, {}, "", "IN"};
  const EntitySpec britain{"United Kingdom", EntityType::kPlace, {"Britain"}, "country", "GB"};
  const EntitySpec coventry{"Coventry", EntityType::kPlace, {}, "city", "GB"};
  Document doc = F().Run("Ratan Tata will travel to Britain next week and meet union officials in Coventry.",
                         "2008-03-27", {tata, britain, coventry}, {{"next week", "2008-W14"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Visit");
  CHECK(doc.events[0].status == EventStatus::kPlanned);
  CHECK(doc.events[1].type == "Meeting");
  CHECK(doc.events[1].status == EventStatus::kPlanned);
  CHECK(Role(doc, doc.events[1], "place") == std::vector<std::string>{"Coventry"});

  const EntitySpec widodo{"Joko Widodo", EntityType::kPerson, {"Joko Widodo", "Widodo"}, "", "ID"};
  const EntitySpec turnbull{"Malcolm Turnbull", EntityType::kPerson, {}, "", "AU"};
  const EntitySpec australia{"Australia", EntityType::kPlace, {}, "country", "AU"};
  const EntitySpec sydney{"Sydney", EntityType::kPlace, {}, "city", "AU"};
  const EntitySpec canberra{"Canberra", EntityType::kPlace, {}, "city", "AU"};
  doc = F().Run(
      "Joko Widodo has postponed a visit to Australia. Widodo had been due to arrive in Sydney on Sunday and to "
      "hold talks with Malcolm Turnbull in Canberra on Tuesday.",
      "2016-11-05", {widodo, turnbull, australia, sydney, canberra}, {{"Sunday", "2016-11-06"}, {"Tuesday", "2016-11-08"}});
  REQUIRE(doc.events.size() == 2);
  CHECK(doc.events[0].type == "Visit");
  CHECK(doc.events[0].status == EventStatus::kPostponed);
  CHECK(doc.events[1].type == "Meeting");
  CHECK(doc.events[1].status == EventStatus::kPostponed);
  CHECK(doc.events[1].date == "2016-11-08");
}

TEST_CASE("a country that only qualifies a title is no destination") {
  const EntitySpec tillerson{"Rex Tillerson", EntityType::kPerson, {}, "", "US"};
  const EntitySpec us{"United States", EntityType::kPlace, {"U.S."}, "country", "US"};
  Document doc = F().Run("U.S. Secretary of State Rex Tillerson, who visited last week, called it ethnic cleansing.",
                         "2017-11-24", {tillerson, us}, {{"last week", "2017-W46"}});
  CHECK(doc.events.empty());
}

TEST_CASE("a trip told as the frame of a signing is a visit / a dateline city is not where it happened") {
  const EntitySpec seoul{"Seoul", EntityType::kPlace, {"SEOUL"}, "city", "KR"};
  Document doc = F().Run(
      "SEOUL, June 20 (Wire) - Russian President Vladimir Putin and Kim Jong Un signed a treaty on Wednesday, "
      "during the Russian leader's visit to Pyongyang.",
      "2024-06-20", {seoul, kPutin, kKim, kPyongyang}, {{"June 20", "2024-06-20"}, {"Wednesday", "2024-06-19"}});
  REQUIRE(doc.events.size() == 2);
  const Event& signing = doc.events[0];
  CHECK(signing.type == "Agreement");
  CHECK(signing.date == "2024-06-19");
  CHECK(Role(doc, signing, "place") == std::vector<std::string>{"Pyongyang"});
  const Event& visit = doc.events[1];
  CHECK(visit.type == "Visit");
  CHECK(visit.status == EventStatus::kOccurred);
  CHECK(doc.Text(visit.trigger) == "visit");
  CHECK(Role(doc, visit, "visitor") == std::vector<std::string>{"Vladimir Putin"});
  CHECK(Role(doc, visit, "destination") == std::vector<std::string>{"Pyongyang"});
}

TEST_CASE("an invitation during talks takes their time / hosted for talks: host and guest meet") {
  const EntitySpec widodo{"Joko Widodo", EntityType::kPerson, {"Joko Widodo", "Widodo"}, "", "ID"};
  const EntitySpec anwar{"Anwar Ibrahim", EntityType::kPerson, {"Anwar Ibrahim", "Anwar"}, "", "MY"};
  const EntitySpec bogor{"Bogor", EntityType::kPlace, {}, "city", "ID"};
  const EntitySpec malaysia{"Malaysia", EntityType::kPlace, {}, "country", "MY"};
  Document doc = F().Run(
      "Joko Widodo hosted Anwar Ibrahim for talks in Bogor on Monday. During the talks Anwar invited Widodo to "
      "visit Malaysia.",
      "2023-01-10", {widodo, anwar, bogor, malaysia}, {{"Monday", "2023-01-09"}});
  REQUIRE(doc.events.size() == 3);
  CHECK(doc.events[0].type == "Visit");
  const Event& talks = doc.events[1];
  CHECK(talks.type == "Meeting");
  CHECK(talks.date == "2023-01-09");
  CHECK(Role(doc, talks, "participants") == std::vector<std::string>{"Joko Widodo", "Anwar Ibrahim"});
  const Event& inv = doc.events[2];
  CHECK(inv.type == "Invitation");
  CHECK(inv.date == "2023-01-09");
  CHECK(Role(doc, inv, "inviter") == std::vector<std::string>{"Anwar Ibrahim"});
}

TEST_CASE("talks that will resume are planned and dated / unnamed sources leave a meeting uncertain") {
  const EntitySpec tokyo{"Tokyo", EntityType::kPlace, {}, "city", "JP"};
  const EntitySpec pyongyang{"Pyongyang", EntityType::kPlace, {}, "city", "KP"};
  Document doc = F().Run("Normalisation talks between Tokyo and Pyongyang will resume in October, officials said.",
                         "2002-09-18", {tokyo, pyongyang}, {{"October", "2002-10"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].type == "Meeting");
  CHECK(doc.events[0].status == EventStatus::kPlanned);
  CHECK(doc.events[0].date == "2002-10");

  const EntitySpec moon{"Moon Jae-in", EntityType::kPerson, {}, "", "KR"};
  doc = F().Run("Kyodo, citing unnamed sources, said Kim Jong Un had held talks with Moon Jae-in on Monday.", "2018-03-27",
                {kKim, moon}, {{"Monday", "2018-03-26"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kUncertain);
  CHECK(doc.events[0].date == "2018-03-26");
}

TEST_CASE("a time opening the sentence dates an infinitive after it") {
  const EntitySpec pope{"Benedict XVI", EntityType::kPerson, {"Benedict XVI"}, "", "VA"};
  const EntitySpec williams{"Rowan Williams", EntityType::kPerson, {}, "", "GB"};
  const EntitySpec london{"London", EntityType::kPlace, {}, "city", "GB"};
  Document doc = F().Run("On Friday Benedict XVI is due to meet Rowan Williams in London.", "2010-09-16",
                         {pope, williams, london}, {{"Friday", "2010-09-17"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kPlanned);
  CHECK(doc.events[0].date == "2010-09-17");
  // Not so across a reporting verb: the time is the telling's.
  doc = F().Run("On Friday officials said Benedict XVI is due to meet Rowan Williams in London.", "2010-09-18",
                {pope, williams, london}, {{"Friday", "2010-09-17"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].date.empty());
}

TEST_CASE("spun where: the place and time a clause on 'the place' hangs on") {
  const EntitySpec harris{"Kamala Harris", EntityType::kPerson, {"Kamala Harris", "Harris"}, "", "US"};
  const EntitySpec hichilema{"Hakainde Hichilema", EntityType::kPerson, {}, "", "ZM"};
  const EntitySpec tanzania{"Tanzania", EntityType::kPlace, {}, "country", "TZ"};
  const EntitySpec zambia{"Zambia", EntityType::kPlace, {}, "country", "ZM"};
  Document doc = F().Run(
      "Kamala Harris will travel on to Tanzania on Wednesday and to Zambia on Friday, the place she'll meet "
      "President Hakainde Hichilema.",
      "2023-03-27", {harris, hichilema, tanzania, zambia}, {{"Wednesday", "2023-03-29"}, {"Friday", "2023-03-31"}});
  REQUIRE(doc.events.size() == 2);
  const Event& meet = doc.events[1];
  CHECK(meet.type == "Meeting");
  CHECK(meet.status == EventStatus::kPlanned);
  CHECK(meet.date == "2023-03-31");
  CHECK(Role(doc, meet, "place") == std::vector<std::string>{"Zambia"});
}

TEST_CASE("an attempt to strike a deal states no agreement") {
  const EntitySpec thaci{"Hashim Thaci", EntityType::kPerson, {"Hashim Thaci", "Thaci"}, "", "XK"};
  const EntitySpec dacic{"Ivica Dacic", EntityType::kPerson, {"Ivica Dacic", "Dacic"}, "", "RS"};
  Document doc = F().Run("Hashim Thaci and Ivica Dacic made an earlier attempt to strike a deal on April 2.", "2013-04-20",
                         {thaci, dacic}, {{"April 2", "2013-04-02"}});
  CHECK(doc.events.empty());
  doc = F().Run("Hashim Thaci and Ivica Dacic struck a deal on April 2.", "2013-04-20", {thaci, dacic},
                {{"April 2", "2013-04-02"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].date == "2013-04-02");
}

TEST_CASE("an invitation is dated when it was extended / not by the time offered for the trip") {
  const EntitySpec kishida{"Fumio Kishida", EntityType::kPerson, {"Fumio Kishida", "Kishida"}, "", "JP"};
  const EntitySpec marcos{"Ferdinand Marcos Jr.", EntityType::kPerson, {}, "", "PH"};
  const EntitySpec tokyo{"Tokyo", EntityType::kPlace, {}, "city", "JP"};
  Document doc = F().Run("Fumio Kishida invited Ferdinand Marcos Jr. to make an official visit to Tokyo next year.",
                         "2023-12-18", {kishida, marcos, tokyo}, {{"next year", "2024"}});
  REQUIRE(!doc.events.empty());
  CHECK(doc.events[0].type == "Invitation");
  CHECK(doc.events[0].date.empty());  // "next year" is the trip's
  CHECK(Role(doc, doc.events[0], "destination") == std::vector<std::string>{"Tokyo"});

  doc = F().Run("Fumio Kishida invited Ferdinand Marcos Jr. to Tokyo when the two leaders met on Sunday.", "2023-12-18",
                {kishida, marcos, tokyo}, {{"Sunday", "2023-12-17"}});
  REQUIRE(!doc.events.empty());
  CHECK(doc.events[0].type == "Invitation");
  CHECK(doc.events[0].date == "2023-12-17");
}

TEST_CASE("a role description as the one invited") {
  const EntitySpec sanchez{"Pedro Sanchez", EntityType::kPerson, {"Pedro Sanchez", "Sanchez"}, "", "ES"};
  const EntitySpec king{"Mohammed VI", EntityType::kPerson, {}, "", "MA"};
  const EntitySpec rabat{"Rabat", EntityType::kPlace, {}, "city", "MA"};
  const EntitySpec spain{"Spain", EntityType::kPlace, {}, "country", "ES"};
  Document doc = F().Run(
      "Pedro Sanchez arrived in Rabat on Thursday and was received by King Mohammed VI. During the dinner Sanchez "
      "invited the king to visit Spain.",
      "2022-04-08", {sanchez, king, rabat, spain}, {{"Thursday", "2022-04-07"}});
  REQUIRE(doc.events.size() == 2);
  const Event& inv = doc.events[1];
  CHECK(inv.type == "Invitation");
  CHECK(Role(doc, inv, "inviter") == std::vector<std::string>{"Pedro Sanchez"});
  CHECK(Role(doc, inv, "invitee") == std::vector<std::string>{"Mohammed VI"});
  CHECK(Role(doc, inv, "destination") == std::vector<std::string>{"Spain"});
}

TEST_CASE("the dateline places an event only when its sentence names no place") {
  const EntitySpec seoul{"Seoul", EntityType::kPlace, {"SEOUL"}, "city", "KR"};
  Document doc = F().Run("SEOUL, June 20 (Wire) - Vladimir Putin and Kim Jong Un signed a treaty on Wednesday.",
                         "2024-06-20", {seoul, kPutin, kKim}, {{"June 20", "2024-06-20"}, {"Wednesday", "2024-06-19"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(Role(doc, doc.events[0], "place") == std::vector<std::string>{"Seoul"});
  doc = F().Run(
      "SEOUL, June 20 (Wire) - Vladimir Putin and Kim Jong Un signed a treaty on Wednesday, a day after Putin's "
      "arrival flight to Pyongyang.",
      "2024-06-20", {seoul, kPutin, kKim, kPyongyang}, {{"June 20", "2024-06-20"}, {"Wednesday", "2024-06-19"}});
  REQUIRE(!doc.events.empty());
  CHECK(doc.events[0].type == "Agreement");
  CHECK(Role(doc, doc.events[0], "place").empty());
}

TEST_CASE("a summit told in a past clause does not join a meeting planned for later") {
  const EntitySpec chinh{"Pham Minh Chinh", EntityType::kPerson, {}, "", "VN"};
  const EntitySpec vietnam{"Vietnam", EntityType::kPlace, {}, "country", "VN"};
  const EntitySpec danang{"Da Nang", EntityType::kPlace, {}, "city", "VN"};
  Document doc = F().Run(
      "Pham Minh Chinh is due to meet Putin later on Thursday. Putin last visited Vietnam in 2017, when he "
      "attended an Asia-Pacific summit in Da Nang.",
      "2024-06-20", {chinh, kPutin, vietnam, danang}, {{"Thursday", "2024-06-20"}, {"2017", "2017"}});
  REQUIRE(doc.events.size() == 2);
  const Event& meet = doc.events[0];
  CHECK(meet.type == "Meeting");
  CHECK(meet.status == EventStatus::kPlanned);
  CHECK(meet.date == "2024-06-20");  // "later on Thursday" on a Thursday
  CHECK(Role(doc, meet, "place").empty());
  CHECK(meet.more_evidence.empty());
  CHECK(doc.events[1].type == "Visit");
  CHECK(doc.events[1].date == "2017");
}

TEST_CASE("a weekday ahead that is the publication's own weekday is that same day") {
  Document doc = F().Run("Putin and Kim will hold talks on Wednesday.", "2024-06-19", {kPutin, kKim},
                         {{"Wednesday", "2024-06-19"}});
  REQUIRE(doc.events.size() == 1);
  CHECK(doc.events[0].status == EventStatus::kPlanned);
  CHECK(doc.events[0].date == "2024-06-19");  // not the Wednesday after
}

TEST_CASE("long words read the same the first time and from the word cache") {
  // "unexpectedly" (no rule names it: an adverb in -ly) and "reportedly" (a
  // cue) are looked up in the lexicon the first time and found in the
  // per-thread cache of words up to 16 bytes after.
  const std::string text =
      "Putin will unexpectedly travel to Pyongyang. Kim will unexpectedly travel to Moscow. "
      "Putin reportedly visited Moscow. Kim reportedly visited Pyongyang.";
  for (int pass = 0; pass < 2; ++pass) {
    Document doc = F().Run(text, "2024-06-19", {kPutin, kKim, kPyongyang, kMoscow});
    std::vector<std::string> got;
    for (const Event& e : doc.events) {
      got.push_back(std::string(doc.Text(e.trigger)) + " " + std::string(EventStatusName(e.status)) + " " +
                    Role(doc, e, "visitor")[0]);
    }
    CHECK(got == std::vector<std::string>{"travel planned Vladimir Putin", "travel planned Kim Jong Un",
                                          "visited uncertain Vladimir Putin", "visited uncertain Kim Jong Un"});
  }
}

// One line per mention: where, what, status and fillers.
std::vector<std::string> MentionLines(const std::vector<EventMention>& mentions) {
  std::vector<std::string> out;
  for (const EventMention& m : mentions) {
    auto add = [&line = out.emplace_back()](char sep, const std::string& s) {
      if (sep != 0) line += sep;
      line += s;
    };
    add(0, std::to_string(m.sentence));
    add(' ', std::to_string(m.tok_begin));
    add('-', std::to_string(m.tok_end));
    add(' ', std::to_string(m.trigger));
    add(' ', std::string(EventStatusName(m.status)));
    for (const RoleFill& f : m.roles) {
      add(' ', std::to_string(f.role));
      add('=', std::to_string(f.entity));
    }
    for (const std::string& d : m.dates) add(' ', d);
  }
  return out;
}

TEST_CASE("a document no trigger word starts is skipped / with the mentions of a full analysis") {
  const Lexicon lex = LoadShippedLexicon();
  const MentionFinder skipping(lex);
  const MentionFinder full(lex, /*skip_without_triggers=*/false);
  // Forms of light verbs only, some with "it" (which repeats an earlier
  // mention of its sentence): no mention, whether skipped or analysed.
  Document none = F().Run("Putin held it in Moscow on Monday. Kim paid it no mind, and they had it out. "
                          "The ministers made it to Pyongyang.",
                          "2024-06-19", {kPutin, kKim, kMoscow, kPyongyang}, {{"Monday", "2024-06-17"}});
  CHECK(full.Find(none).empty());
  CHECK(skipping.Find(none).empty());
  // A trigger word anywhere: the whole document is analysed ("held it" repeats the talks).
  Document some = F().Run("Putin held it in Moscow. Putin held talks with Kim in Pyongyang, and they held it "
                          "again on Monday.",
                          "2024-06-19", {kPutin, kKim, kMoscow, kPyongyang}, {{"Monday", "2024-06-17"}});
  const std::vector<std::string> lines = MentionLines(full.Find(some));
  CHECK(lines == std::vector<std::string>{"1 8-9 34 occurred 0=0 0=1 1=3 2024-06-17",  // talks
                                          "1 16-18 34 occurred 0=0 0=1 2024-06-17"});     // held it (again)
  CHECK(MentionLines(skipping.Find(some)) == lines);
}

TEST_CASE("an empty document has no events and is not an error") {
  Document doc = F().Run("", "2024-01-01", {});
  CHECK(doc.events.empty());
  CHECK((doc.layers & kLayerEvents) != 0);
}

TEST_CASE("a broken schema fails Create with the file and entry") {
  const std::string dir = "/tmp/newsgraph_events_tagger_test";
  REQUIRE(std::system(("mkdir -p " + dir + "/schemas " + dir + "/extractor/events && cp -r extractor/events/rules " +
                       dir + "/extractor/events/")
                          .c_str()) == 0);
  {
    FILE* f = std::fopen((dir + "/schemas/events.json").c_str(), "w");
    REQUIRE(f != nullptr);
    std::fputs("{\"types\": [{\"name\": \"Visit\", \"roles\": [{\"name\": \"visitor\", \"kind\": \"actor\", "
               "\"entities\": [\"Person\"]}]}], \"verbs\": {}, \"triggers\": []}",
               f);
    std::fclose(f);
  }
  StageConfig config;
  config.data_dir = dir;
  auto tagger = EventTagger::Create(config);
  REQUIRE_FALSE(tagger.ok());
  CHECK(tagger.status().message() ==
        dir + "/schemas/events.json: types[0] (Visit): role 'visitor': kind must be agent, counterpart or place");
}

}  // namespace
}  // namespace newsgraph::events
