#include "extractor/write/ndjson_writer.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

namespace newsgraph::write {

TEST_CASE("a document record follows the output contract") {
  Document doc;
  doc.id = "d1";
  doc.published = "2024-06-19";
  doc.text = "Putin arrived in Pyongyang on Wednesday.";
  Entity putin;
  putin.id = "person/vladimir-putin";
  putin.type = EntityType::kPerson;
  putin.name = "Vladimir Putin";
  putin.country = "RU";
  putin.mentions = {Mention{Span{0, 5}, 0, MentionKind::kPartialName}};
  doc.entities.push_back(putin);
  Entity pyongyang;
  pyongyang.id = "place/pyongyang";
  pyongyang.type = EntityType::kPlace;
  pyongyang.subtype = "city";
  pyongyang.name = "Pyongyang";
  pyongyang.country = "KP";
  pyongyang.same_as = {"https://sws.geonames.org/1871859/"};
  pyongyang.mentions = {Mention{Span{17, 26}, 0, MentionKind::kName}};
  doc.entities.push_back(pyongyang);
  Timex wednesday;
  wednesday.span = Span{30, 39};
  wednesday.value = "2024-06-19";
  doc.timexes.push_back(wednesday);
  Event e;
  e.id = "d1#e1";
  e.type = "Visit";
  e.date = "2024-06-19";
  e.roles = {EventRole{"visitor", {0}}, EventRole{"destination", {1}}};
  e.trigger = Span{6, 13};
  e.sentence = Span{0, 40};
  e.confidence = 0.9;
  e.cameo = "042";
  doc.events.push_back(e);

  std::string out;
  NdjsonWriter(WriteOptions{}).WriteDocument(doc, &out);
  REQUIRE(out.back() == '\n');
  CHECK(out.find('\n') == out.size() - 1);
  rapidjson::Document json;
  json.Parse(out.c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK(json["url"].IsNull());
  CHECK(std::string(json["published"].GetString()) == "2024-06-19");
  CHECK_FALSE(json.HasMember("text"));
  const auto& mention = json["entities"][0]["mentions"][0];
  CHECK(mention["start"].GetUint() == 0);
  CHECK(mention["end"].GetUint() == 5);
  CHECK(std::string(mention["text"].GetString()) == "Putin");
  CHECK(std::string(mention["kind"].GetString()) == "partial");
  CHECK_FALSE(json["entities"][1]["mentions"][0].HasMember("kind"));
  CHECK(std::string(json["timexes"][0]["value"].GetString()) == "2024-06-19");
  const auto& event = json["events"][0];
  CHECK(std::string(event["status"].GetString()) == "occurred");
  CHECK(std::string(event["roles"]["destination"][0].GetString()) == "place/pyongyang");
  CHECK(std::string(event["trigger"]["text"].GetString()) == "arrived");
  CHECK(event["sentence"]["end"].GetUint() == 40);
  CHECK(event["confidence"].GetDouble() == doctest::Approx(0.9));
}

TEST_CASE("include-text and error records") {
  Document doc;
  doc.id = "x";
  doc.text = "caf\xC3\xA9 \"quoted\"";
  std::string out;
  WriteOptions options;
  options.include_text = true;
  NdjsonWriter writer(options);
  writer.WriteDocument(doc, &out);
  CHECK(out.find("\"text\":\"caf\xC3\xA9 \\\"quoted\\\"\"") != std::string::npos);
  out.clear();
  doc.source = "in.ndjson:3";
  writer.WriteError(doc, InvalidArgument("line 3: not JSON"), &out);
  CHECK(out == "{\"id\":\"x\",\"source\":\"in.ndjson:3\",\"error\":\"line 3: not JSON\"}\n");
}

namespace {

// A document whose one entity has mentions at `spans`, in a text of 14 bytes.
Document WithMentions(std::vector<Span> spans) {
  Document doc;
  doc.id = "d2";
  doc.text = "Putin arrived.";
  Entity e;
  e.id = "person/x";
  e.name = std::string("X");  // (GCC 12 warns, wrongly, on = "X")
  for (const Span& span : spans) e.mentions.push_back(Mention{span, 0, MentionKind::kName});
  doc.entities.push_back(e);
  return doc;
}

}  // namespace

// A span outside the text is a bug upstream: the record keeps its offsets
// and gets the part of it inside the text, rather than bytes past the end.
TEST_CASE("a span past the end of the text gives the part inside it") {
  std::string out;
  NdjsonWriter(WriteOptions{}).WriteDocument(WithMentions({{10, 20}, {14, 14}, {20, 25}, {4000000000u, 4294967295u}}),
                                             &out);
  CHECK(out ==
        "{\"id\":\"d2\",\"url\":null,\"title\":null,\"published\":null,\"entities\":[{\"id\":\"person/x\","
        "\"type\":\"Person\",\"name\":\"X\",\"mentions\":[{\"start\":10,\"end\":20,\"text\":\"ved.\"},"
        "{\"start\":14,\"end\":14,\"text\":\"\"},{\"start\":20,\"end\":25,\"text\":\"\"},"
        "{\"start\":4000000000,\"end\":4294967295,\"text\":\"\"}]}],\"timexes\":[],\"events\":[]}\n");
}

TEST_CASE("a span that ends before it begins gives empty text") {
  std::string out;
  NdjsonWriter(WriteOptions{}).WriteDocument(WithMentions({{6, 2}, {13, 0}, {30, 3}}), &out);
  CHECK(out ==
        "{\"id\":\"d2\",\"url\":null,\"title\":null,\"published\":null,\"entities\":[{\"id\":\"person/x\","
        "\"type\":\"Person\",\"name\":\"X\",\"mentions\":[{\"start\":6,\"end\":2,\"text\":\"\"},"
        "{\"start\":13,\"end\":0,\"text\":\"\"},{\"start\":30,\"end\":3,\"text\":\"\"}]}],"
        "\"timexes\":[],\"events\":[]}\n");
}

TEST_CASE("an enum value without a name is written as a question mark") {
  Document doc = WithMentions({{0, 5}});
  doc.entities[0].type = static_cast<EntityType>(200);
  doc.entities[0].mentions[0].kind = static_cast<MentionKind>(4);
  std::string out;
  NdjsonWriter(WriteOptions{}).WriteDocument(doc, &out);
  CHECK(out ==
        "{\"id\":\"d2\",\"url\":null,\"title\":null,\"published\":null,\"entities\":[{\"id\":\"person/x\","
        "\"type\":\"?\",\"name\":\"X\",\"mentions\":[{\"start\":0,\"end\":5,\"text\":\"Putin\","
        "\"kind\":\"?\"}]}],\"timexes\":[],\"events\":[]}\n");
}

TEST_CASE("unknown formats are refused") {
  auto w = MakeRecordWriter("xml", WriteOptions{});
  REQUIRE_FALSE(w.ok());
  CHECK(w.status().message() == "unknown output format 'xml' (expected ndjson, jsonld or csv)");
}

}  // namespace newsgraph::write
