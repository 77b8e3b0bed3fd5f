#include "extractor/core/civil_date.h"

#include <doctest/doctest.h>

namespace newsgraph {

TEST_CASE("day counts round-trip and weekdays are ISO") {
  CivilDate d{2024, 6, 19};
  CHECK(DaysFromCivil(CivilDate{1970, 1, 1}) == 0);
  CHECK(CivilFromDays(DaysFromCivil(d)) == d);
  CHECK(Weekday(d) == 3);                       // Wednesday
  CHECK(Weekday(CivilDate{2000, 1, 1}) == 6);   // Saturday
  CHECK(FormatIsoDate(AddDays(d, 13)) == "2024-07-02");
  CHECK(FormatIsoDate(AddDays(CivilDate{2024, 3, 1}, -1)) == "2024-02-29");
  CHECK(FormatIsoDate(AddMonths(CivilDate{2024, 1, 31}, 1)) == "2024-02-29");
  CHECK(FormatIsoDate(AddMonths(CivilDate{2024, 1, 15}, -13)) == "2022-12-15");
}

TEST_CASE("ISO weeks follow the Thursday rule") {
  CHECK(FormatIsoWeek(IsoWeekOf(CivilDate{2024, 6, 19})) == "2024-W25");
  CHECK(FormatIsoWeek(IsoWeekOf(CivilDate{2021, 1, 3})) == "2020-W53");
  CHECK(FormatIsoWeek(IsoWeekOf(CivilDate{2019, 12, 30})) == "2020-W01");
}

TEST_CASE("publication dates in feed and page forms") {
  CHECK(FormatIsoDate(*ParsePublicationDate("2024-06-19")) == "2024-06-19");
  CHECK(FormatIsoDate(*ParsePublicationDate("2024-06-19T23:30:00-05:00")) == "2024-06-19");
  CHECK(FormatIsoDate(*ParsePublicationDate("20240619")) == "2024-06-19");
  CHECK(FormatIsoDate(*ParsePublicationDate("Wed, 19 Jun 2024 08:00:00 GMT")) == "2024-06-19");
  CHECK(FormatIsoDate(*ParsePublicationDate("June 19, 2024")) == "2024-06-19");
  CHECK(FormatIsoDate(*ParsePublicationDate(" 19 September 2023 ")) == "2023-09-19");
  CHECK_FALSE(ParsePublicationDate("2023-02-31").has_value());
  CHECK_FALSE(ParsePublicationDate("Tue, 31 Feb 2023 10:00:00 GMT").has_value());
  CHECK_FALSE(ParsePublicationDate("yesterday").has_value());
  CHECK_FALSE(ParsePublicationDate("").has_value());
  CHECK_FALSE(ParseIsoDate("2024-6-19").has_value());
}

}  // namespace newsgraph
