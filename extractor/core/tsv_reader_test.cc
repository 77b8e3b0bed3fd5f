#include "extractor/core/tsv_reader.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("rows skip comments and blank lines and keep line numbers") {
  auto r = TsvReader::FromString("t.tsv", "# a comment\nname\ttype\n\nPutin\tPerson\n# x\nHanoi\n",
                                 {"name", "type"});
  REQUIRE(r.ok());
  TsvReader& tsv = *r;
  TsvRow row;
  REQUIRE(tsv.Next(&row));
  CHECK(row.line == 4);
  CHECK(row.Get(tsv.Column("type")) == "Person");
  REQUIRE(tsv.Next(&row));
  CHECK(row.line == 6);
  CHECK(row.Get(0) == "Hanoi");
  CHECK(row.Get(1).empty());
  CHECK_FALSE(tsv.Next(&row));
  CHECK(tsv.status().ok());
}

TEST_CASE("a row wider than the header is an error with file:line") {
  auto r = TsvReader::FromString("g.tsv", "a\tb\n1\t2\n1\t2\t3\n");
  REQUIRE(r.ok());
  TsvRow row;
  CHECK(r->Next(&row));
  CHECK_FALSE(r->Next(&row));
  CHECK(r->status().message() == "g.tsv:3: row has 3 fields, header has 2");
}

TEST_CASE("a missing column or file is reported") {
  auto r = TsvReader::FromString("h.tsv", "# only\nname\n", {"name", "type"});
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message() == "h.tsv:2: header lacks column 'type'");
  auto missing = TsvReader::Open("/nonexistent/file.tsv");
  CHECK(missing.status().code() == StatusCode::kNotFound);
}

}  // namespace newsgraph
