#include "extractor/write/csv_writer.h"

#include <doctest/doctest.h>

#include "extractor/graph/test_documents.h"

namespace newsgraph::write {
namespace {

using graph::testing::TestDoc;

TEST_CASE("RFC 4180 quoting") {
  std::string out;
  AppendCsvField("plain text", &out);
  CHECK(out == "plain text");
  out.clear();
  AppendCsvField("a, b", &out);
  CHECK(out == "\"a, b\"");
  out.clear();
  AppendCsvField("say \"hi\"", &out);
  CHECK(out == "\"say \"\"hi\"\"\"");
  out.clear();
  AppendCsvField("two\nlines", &out);
  CHECK(out == "\"two\nlines\"");
  out.clear();
  AppendCsvField("", &out);
  CHECK(out.empty());
}

TEST_CASE("header / one row per event with roles flattened / error rows") {
  CsvWriter w{WriteOptions{}};
  std::string out;
  w.Begin(&out);
  CHECK(out ==
        "document_id,event_id,type,status,date,visitor,destination,host,participants,place,parties,inviter,"
        "invitee,other_roles,confidence,cameo,trigger,trigger_start,trigger_end,sentence,sentence_start,"
        "sentence_end,url,published,error\r\n");

  out.clear();
  TestDoc d("d1", "2024-06-19", "Kim, \"the leader\", met Putin and Lavrov in Pyongyang.");
  d.AddEntity("person/kim", EntityType::kPerson, "Kim Jong Un", "Kim")
      .AddEntity("person/putin", EntityType::kPerson, "Vladimir Putin", "Putin")
      .AddEntity("person/lavrov", EntityType::kPerson, "Sergei Lavrov", "Lavrov")
      .AddEntity("place/pyongyang", EntityType::kPlace, "Pyongyang", "Pyongyang")
      .AddEvent("Meeting", EventStatus::kOccurred, "2024-06-19", "met",
                {{"participants", {"person/kim", "person/putin", "person/lavrov"}},
                 {"place", {"place/pyongyang"}},
                 {"witness", {"person/lavrov"}},
                 {"observer", {"person/kim"}}},
                0.875, "036");
  d.mutable_doc().url = "https://news.example/a?b=1,2";
  w.WriteDocument(d.doc(), &out);
  CHECK(out ==
        "d1,d1#e1,Meeting,occurred,2024-06-19,,,,Kim Jong Un; Vladimir Putin; Sergei Lavrov,Pyongyang,,,,"
        "witness: Sergei Lavrov | observer: Kim Jong Un,0.875,036,met,19,22,"
        "\"Kim, \"\"the leader\"\", met Putin and Lavrov in Pyongyang.\",0,53,\"https://news.example/a?b=1,2\","
        "2024-06-19,\r\n");

  out.clear();
  Document nothing;
  nothing.id = "empty";
  w.WriteDocument(nothing, &out);
  CHECK(out.empty());

  Document failed;
  failed.id = "f.ndjson:2";
  w.WriteError(failed, InvalidArgument("line 2: not JSON"), &out);
  CHECK(out == "f.ndjson:2,,,,,,,,,,,,,,,,,,,,,,,,line 2: not JSON\r\n");
}

}  // namespace
}  // namespace newsgraph::write
