#include "extractor/timex/timex_tagger.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "extractor/segment/segmenter.h"

namespace newsgraph::timex {
namespace {

StageConfig Config() {
  StageConfig c;
  c.data_dir = std::string(1, '.');  // the source tree; (GCC 12 warns, wrongly, on = ".")
  return c;
}

const TimexTagger& Tagger() {
  static auto t = TimexTagger::Create(Config());
  REQUIRE_MESSAGE(t.ok(), t.status().ToString());
  return **t;
}

// Segments and tags `text` published on `published` ("" = unknown).
Document Tag(const std::string& text, const std::string& published) {
  static auto seg = segment::Segmenter::Create(Config());
  REQUIRE(seg.ok());
  Document doc;
  doc.text = text;
  doc.published = published;
  doc.layers = kLayerText;
  REQUIRE((*seg)->Process(&doc).ok());
  REQUIRE(Tagger().Process(&doc).ok());
  CHECK((doc.layers & kLayerTimexes) != 0);
  return doc;
}

}  // namespace

TEST_CASE("the seed article's dates / published 2024-06-19 (a Wednesday)") {
  const std::string text =
      "Putin arrived in North Korea on Wednesday morning on his first official go to in 24 years. "
      "Kim Jong Un prolonged an invite in September 2023. Putin final visited Pyongyang in July 2000. "
      "Ushakov commented throughout a press convention Monday. Kim made one final September.";
  Document doc = Tag(text, "2024-06-19");
  REQUIRE(doc.timexes.size() == 6);

  const Timex& wednesday = doc.timexes[0];
  CHECK(wednesday.span == Span{32, 49});
  CHECK(doc.Text(wednesday.span) == "Wednesday morning");
  CHECK(wednesday.type == TimexType::kTime);
  CHECK(wednesday.value == "2024-06-19TMO");
  CHECK(wednesday.date == "2024-06-19");
  CHECK(wednesday.anchor == TimexAnchor::kPublication);

  const Timex& years = doc.timexes[1];
  CHECK(doc.Text(years.span) == "24 years");
  CHECK(years.span == Span{81, 89});
  CHECK(years.type == TimexType::kDuration);
  CHECK(years.value == "P24Y");
  CHECK(years.date.empty());  // a duration is no event date
  CHECK(years.anchor == TimexAnchor::kNone);

  CHECK(doc.Text(doc.timexes[2].span) == "September 2023");
  CHECK(doc.timexes[2].value == "2023-09");
  CHECK(doc.timexes[2].anchor == TimexAnchor::kNone);
  CHECK(doc.Text(doc.timexes[3].span) == "July 2000");
  CHECK(doc.timexes[3].value == "2000-07");
  CHECK(doc.Text(doc.timexes[4].span) == "Monday");
  CHECK(doc.timexes[4].span == Span{234, 240});
  CHECK(doc.timexes[4].value == "2024-06-17");
  // Article spinners write "final" for "last".
  CHECK(doc.Text(doc.timexes[5].span) == "final September");
  CHECK(doc.timexes[5].value == "2023-09");
}

TEST_CASE("values remembered across documents are those that need no context") {
  // The same sentence in documents of three publication dates, one with
  // none, tagged one after the other on one thread: "24 years" and "June
  // 19, 2024" keep their values; "Friday" and "last year" follow each date.
  const std::string text = "He left on Friday, 24 years after June 19, 2024, and came back last year.";
  struct Expected {
    std::string published, friday, last_year;
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (const Expected& e : {Expected{"2024-06-19", "2024-06-14", "2023"}, Expected{"2031-02-03", "2031-01-31", "2030"},
                              Expected{"", "", ""}, Expected{"2024-06-19", "2024-06-14", "2023"}}) {
      CAPTURE(e.published);
      Document doc = Tag(text, e.published);
      REQUIRE(doc.timexes.size() == 4);
      CHECK(doc.Text(doc.timexes[0].span) == "Friday");
      CHECK(doc.timexes[0].value == e.friday);
      CHECK(doc.timexes[0].resolved == !e.published.empty());
      CHECK(doc.Text(doc.timexes[1].span) == "24 years");
      CHECK(doc.timexes[1].value == "P24Y");
      CHECK(doc.timexes[2].value == "2024-06-19");
      CHECK(doc.Text(doc.timexes[3].span) == "last year");
      CHECK(doc.timexes[3].value == e.last_year);
    }
  }
}

TEST_CASE("values remembered with their date follow the tense and never an earlier timex") {
  // One publication date throughout, twice over: "Friday" takes the tense
  // of its clause each time, and "the following day" counts from the date
  // before it in its own document.
  const std::string text = "He arrived on Friday. He will leave on Friday.";
  for (int pass = 0; pass < 2; ++pass) {
    Document doc = Tag(text, "2024-06-19");
    REQUIRE(doc.timexes.size() == 2);
    CHECK(doc.timexes[0].value == "2024-06-14");
    CHECK(doc.timexes[1].value == "2024-06-21");
    for (const auto& [date, next] : {std::pair<std::string, std::string>{"March 3, 2020", "2020-03-04"},
                                     std::pair<std::string, std::string>{"May 9, 2021", "2021-05-10"}}) {
      Document d = Tag("Talks opened on " + date + ". They ended the following day.", "2024-06-19");
      REQUIRE(d.timexes.size() == 2);
      CHECK(d.Text(d.timexes[1].span) == "the following day");
      CHECK(d.timexes[1].value == next);
    }
  }
}

TEST_CASE("a remembered value skips the groups search but never a cap= check") {
  // The second "May 2020" and "June 19, 2024" take the value remembered
  // from the first without their groups; "may 2020" in lower case has the
  // same key and value, but its month is not capitalised: only the year.
  const std::string text =
      "Sales fell in May 2020. Sales fell in may 2020. Sales fell in May 2020, and rose 24 years later on "
      "June 19, 2024 and June 19, 2024.";
  for (int pass = 0; pass < 2; ++pass) {
    Document doc = Tag(text, "2024-06-19");
    REQUIRE(doc.timexes.size() == 6);
    const Span spans[] = {{14, 22}, {42, 46}, {62, 70}, {81, 95}, {99, 112}, {117, 130}};
    const char* const values[] = {"2020-05", "2020", "2020-05", "2044", "2024-06-19", "2024-06-19"};
    for (size_t i = 0; i < 6; ++i) {
      CAPTURE(i);
      CHECK(doc.timexes[i].span == spans[i]);
      CHECK(doc.timexes[i].value == values[i]);
      CHECK(doc.timexes[i].type == TimexType::kDate);
    }
    CHECK(doc.timexes[0].rule == doc.timexes[2].rule);
    CHECK(doc.timexes[1].rule != doc.timexes[0].rule);
  }
}

TEST_CASE("timexes of one window come out in text order") {
  // "the following day" is the longer extent, accepted before the date; in
  // text order the date comes first and anchors it.
  Document doc = Tag("Talks ran from June 19, 2024 to the following day, and in May 2023 from Monday to the next day.",
                     "2024-06-19");
  REQUIRE(doc.timexes.size() == 5);
  const Span spans[] = {{15, 28}, {32, 49}, {58, 66}, {72, 78}, {82, 94}};
  const char* const values[] = {"2024-06-19", "2024-06-20", "2023-05", "2024-06-17", "2024-06-18"};
  for (size_t i = 0; i < 5; ++i) {
    CHECK(doc.timexes[i].span == spans[i]);
    CHECK(doc.timexes[i].value == values[i]);
  }
  CHECK(doc.timexes[1].anchor == TimexAnchor::kPrevious);
  CHECK(doc.timexes[1].anchor_timex == 0);
  CHECK(doc.timexes[4].anchor_timex == 3);
}

TEST_CASE("remembered values survive the memo filling up") {
  // More distinct durations than the per-thread memos keep (16,384): they
  // are emptied midway, and every value stays right, twice over.
  std::string text;
  const int kDurations = 17000;
  for (int n = 2; n < 2 + kDurations; ++n) {
    text += "It lasted ";
    text += std::to_string(n);
    text += " days. ";
  }
  for (int pass = 0; pass < 2; ++pass) {
    Document doc = Tag(text, "2024-06-19");
    REQUIRE(doc.timexes.size() == static_cast<size_t>(kDurations));
    for (int i = 0; i < kDurations; ++i) {
      std::string expected = "P";
      expected += std::to_string(i + 2);
      expected += 'D';
      if (doc.timexes[i].value != expected) {
        FAIL("timex " << i << ": " << doc.timexes[i].value);
      }
    }
  }
}

TEST_CASE("two rule sets on one thread do not share remembered values") {
  // A copy of the rules in which "days" are weeks, used in turn with the
  // shipped ones on the same text.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("newsgraph-timex-" + std::to_string(::getpid()));
  const fs::path rules = dir / "extractor" / "timex" / "rules";
  fs::create_directories(rules);
  for (const auto& f : fs::directory_iterator("extractor/timex/rules")) {
    fs::copy_file(f.path(), rules / f.path().filename(), fs::copy_options::overwrite_existing);
  }
  {
    std::ifstream in(rules / "lexicon.tsv");
    std::string lexicon((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "\nunit_plural\tdays\tday\n";
    REQUIRE(lexicon.find(from) != std::string::npos);
    lexicon.replace(lexicon.find(from), from.size(), "\nunit_plural\tdays\tweek\n");
    std::ofstream(rules / "lexicon.tsv") << lexicon;
  }
  StageConfig config;
  config.data_dir = dir.string();
  auto weeks = TimexTagger::Create(config);
  REQUIRE_MESSAGE(weeks.ok(), weeks.status().ToString());
  fs::remove_all(dir);

  static auto seg = segment::Segmenter::Create(Config());
  REQUIRE(seg.ok());
  auto tag = [&](const TimexTagger& tagger) {
    Document doc;
    doc.text = "The talks lasted 3 days.";
    doc.published = "2024-06-19";
    doc.layers = kLayerText;
    REQUIRE((*seg)->Process(&doc).ok());
    REQUIRE(tagger.Process(&doc).ok());
    REQUIRE(doc.timexes.size() == 1);
    return doc.timexes[0].value;
  };
  for (int pass = 0; pass < 2; ++pass) {
    CHECK(tag(Tagger()) == "P3D");
    CHECK(tag(**weeks) == "P3W");
  }
}

TEST_CASE("weekdays follow the tense of their clause") {
  const std::string text = "Putin arrived on Wednesday and will travel to Hanoi on Friday. "
                           "He met Kim on Monday. Talks are due to end on Wednesday.";
  Document doc = Tag(text, "2024-06-19");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.timexes[0].span == Span{17, 26});
  CHECK(doc.timexes[0].value == "2024-06-19");  // past: on or before publication, the same day
  CHECK(doc.timexes[1].span == Span{55, 61});
  CHECK(doc.timexes[1].value == "2024-06-21");  // "will": strictly after
  CHECK(doc.timexes[2].value == "2024-06-17");
  CHECK(doc.timexes[3].span == Span{109, 118});
  CHECK(doc.timexes[3].value == "2024-06-19");  // the publication's weekday is its day, even ahead
}

TEST_CASE("the publication's weekday is the publication day in every tense") {
  // 2024-06-19 is a Wednesday.
  const std::string text =
      "Putin and Kim will hold talks on Wednesday afternoon, Ushakov told reporters on Monday. "
      "The leaders are to sign a pact later on Wednesday. They meet again next Wednesday.";
  Document doc = Tag(text, "2024-06-19");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.Text(doc.timexes[0].span) == "Wednesday afternoon");
  CHECK(doc.timexes[0].span == Span{33, 52});
  CHECK(doc.timexes[0].value == "2024-06-19TAF");
  CHECK(doc.timexes[1].span == Span{80, 86});
  CHECK(doc.timexes[1].value == "2024-06-17");
  CHECK(doc.Text(doc.timexes[2].span) == "Wednesday");
  CHECK(doc.timexes[2].value == "2024-06-19");
  CHECK(doc.Text(doc.timexes[3].span) == "next Wednesday");
  CHECK(doc.timexes[3].value == "2024-06-26");

  Document thursday = Tag("Kim will see Putin off later on Thursday, officials said.", "2024-06-20");
  REQUIRE(thursday.timexes.size() == 1);
  CHECK(thursday.Text(thursday.timexes[0].span) == "Thursday");
  CHECK(thursday.timexes[0].span == Span{32, 40});
  CHECK(thursday.timexes[0].value == "2024-06-20");
}

TEST_CASE("full dates in the common orders and styles") {
  const std::string text = "Signed on June 19, 2024, after talks on 19 June 2024, dated 2024-06-19 and 6/19/2024; "
                           "the form 6/7/2024 is ambiguous.";
  Document doc = Tag(text, "2024-07-01");
  REQUIRE(doc.timexes.size() == 5);
  CHECK(doc.timexes[0].span == Span{10, 23});
  CHECK(doc.timexes[0].value == "2024-06-19");
  CHECK(doc.timexes[0].anchor == TimexAnchor::kNone);
  CHECK(doc.timexes[1].span == Span{40, 52});
  CHECK(doc.timexes[1].value == "2024-06-19");
  CHECK(doc.timexes[2].span == Span{60, 70});
  CHECK(doc.timexes[2].value == "2024-06-19");
  CHECK(doc.timexes[3].span == Span{75, 84});
  CHECK(doc.timexes[3].value == "2024-06-19");
  // Month and day are both 12 or less: only the year is sure.
  CHECK(doc.Text(doc.timexes[4].span) == "6/7/2024");
  CHECK(doc.timexes[4].value == "2024");
}

TEST_CASE("relative dates resolve against the publication date") {
  const std::string text = "Two days ago officials said talks would resume next week. "
                           "Kim visited last September and again last month, and in the 1990s. "
                           "Sales fell in mid-2015 and will recover early next year.";
  Document doc = Tag(text, "2024-06-19");
  REQUIRE(doc.timexes.size() == 7);
  CHECK(doc.timexes[0].span == Span{0, 12});
  CHECK(doc.timexes[0].value == "2024-06-17");
  CHECK(doc.Text(doc.timexes[1].span) == "next week");
  CHECK(doc.timexes[1].value == "2024-W26");
  CHECK(doc.timexes[1].date == "2024-W26");
  CHECK(doc.Text(doc.timexes[2].span) == "last September");
  CHECK(doc.timexes[2].value == "2023-09");  // the latest September before the publication month
  CHECK(doc.timexes[3].value == "2024-05");
  CHECK(doc.Text(doc.timexes[4].span) == "the 1990s");
  CHECK(doc.timexes[4].value == "199");
  CHECK(doc.timexes[4].date.empty());  // a decade is no event date
  CHECK(doc.Text(doc.timexes[5].span) == "mid-2015");
  CHECK(doc.timexes[5].value == "2015");
  CHECK(doc.timexes[5].mod == "MID");
  CHECK(doc.timexes[5].date == "2015");
  CHECK(doc.Text(doc.timexes[6].span) == "early next year");
  CHECK(doc.timexes[6].value == "2025");
  CHECK(doc.timexes[6].mod == "START");
}

TEST_CASE("the following day counts from the last date mentioned") {
  const std::string text = "Cheney arrived in Tbilisi on Thursday. A day earlier, Washington announced aid. "
                           "Cheney will travel to Ukraine the following day.";
  Document doc = Tag(text, "2008-09-04");
  REQUIRE(doc.timexes.size() == 3);
  CHECK(doc.timexes[0].value == "2008-09-04");
  CHECK(doc.Text(doc.timexes[1].span) == "A day earlier");
  CHECK(doc.timexes[1].value == "2008-09-03");
  CHECK(doc.timexes[1].anchor == TimexAnchor::kPrevious);
  CHECK(doc.timexes[1].anchor_timex == 0);
  // A flashback does not move the narrative: the anchor is Thursday.
  const Timex& following = doc.timexes[2];
  CHECK(following.span == Span{110, 127});
  CHECK(following.value == "2008-09-05");
  CHECK(following.anchor == TimexAnchor::kPrevious);
  CHECK(following.anchor_timex == 0);
}

TEST_CASE("without a publication date relative expressions stay unresolved") {
  const std::string text = "The treaty of 19 June 2024 was signed on Wednesday, last year, for 24 years.";
  Document doc = Tag(text, "");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.timexes[0].value == "2024-06-19");
  CHECK(doc.timexes[0].resolved);
  for (int i : {1, 2}) {
    CHECK_FALSE(doc.timexes[i].resolved);
    CHECK(doc.timexes[i].value.empty());
    CHECK(doc.timexes[i].date.empty());
    CHECK(doc.timexes[i].anchor == TimexAnchor::kNone);
  }
  CHECK(doc.Text(doc.timexes[1].span) == "Wednesday");
  CHECK(doc.Text(doc.timexes[2].span) == "last year");
  CHECK(doc.timexes[3].value == "P24Y");  // a duration needs no anchor
  CHECK(doc.timexes[3].resolved);
}

TEST_CASE("durations / sets / references / times and a wire dateline") {
  const std::string text = "WASHINGTON, June 18 (Reuters) - The truce held for twenty-four years and three months. "
                           "Ministers meet every Monday and each season. Prices are now higher; they recently rose. "
                           "The meeting ended at 10:30 a.m. EST and resumed tonight.";
  Document doc = Tag(text, "2024-06-19");
  REQUIRE(doc.timexes.size() == 9);
  CHECK(doc.timexes[0].span == Span{12, 19});
  CHECK(doc.timexes[0].value == "2024-06-18");
  CHECK(doc.Text(doc.timexes[1].span) == "twenty-four years");
  CHECK(doc.timexes[1].value == "P24Y");
  CHECK(doc.timexes[2].value == "P3M");
  CHECK(doc.Text(doc.timexes[3].span) == "every Monday");
  CHECK(doc.timexes[3].type == TimexType::kSet);
  CHECK(doc.timexes[3].value == "XXXX-WXX-1");
  CHECK(doc.Text(doc.timexes[4].span) == "each season");
  CHECK(doc.timexes[4].type == TimexType::kSet);
  CHECK(doc.timexes[5].value == "PRESENT_REF");
  CHECK(doc.timexes[5].date.empty());
  CHECK(doc.timexes[6].value == "PAST_REF");
  CHECK(doc.Text(doc.timexes[7].span) == "10:30 a.m. EST");
  CHECK(doc.timexes[7].type == TimexType::kTime);
  CHECK(doc.timexes[7].value == "2024-06-19T10:30");
  CHECK(doc.timexes[7].date == "2024-06-19");
  CHECK(doc.Text(doc.timexes[8].span) == "tonight");
  CHECK(doc.timexes[8].value == "2024-06-19TNI");
}

TEST_CASE("what is not a time expression") {
  const std::string text = "The 24-year-old man may be right. She paid $2000 for 1500 tickets in the Arab Spring. "
                           "The Good Friday Agreement holds.";
  Document doc = Tag(text, "2024-06-19");
  CHECK(doc.timexes.empty());
}

TEST_CASE("a blocking rule with a cap= flag blocks only where its group is capitalised") {
  // none_now_discourse: "Now," opening a sentence; in lower case it is the present.
  Document opening = Tag("Now, he said, the talks go on.", "2024-06-19");
  CHECK(opening.timexes.empty());
  Document inside = Tag("The talks go on now, he said.", "2024-06-19");
  REQUIRE(inside.timexes.size() == 1);
  CHECK(inside.timexes[0].span == Span{16, 19});
  CHECK(inside.timexes[0].value == "PRESENT_REF");
}

TEST_CASE("quarters and comparisons in a results story") {
  const std::string text = "Earnings rose 5% in the third quarter, up from a year ago. "
                           "Sales were flat in the year-earlier quarter.";
  Document doc = Tag(text, "1989-10-26");
  REQUIRE(doc.timexes.size() == 3);
  CHECK(doc.timexes[0].span == Span{20, 37});
  CHECK(doc.timexes[0].value == "1989-Q3");
  CHECK(doc.timexes[0].date == "1989");
  CHECK(doc.Text(doc.timexes[1].span) == "a year ago");
  CHECK(doc.timexes[1].value == "1988-Q3");
  CHECK(doc.Text(doc.timexes[2].span) == "the year-earlier quarter");
  CHECK(doc.timexes[2].value == "1988-Q3");
}

TEST_CASE("a year-ago period compares with a quarter that is over / not a forecast") {
  // Published 1989-10-26: the third quarter is over, the fourth under way.
  const std::string text = "Profit fell in the third quarter. Losses will last through the fourth quarter. "
                           "Sales matched the year-ago period and the year-earlier third quarter.";
  Document doc = Tag(text, "1989-10-26");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.timexes[1].value == "1989-Q4");
  CHECK(doc.Text(doc.timexes[2].span) == "the year-ago period");
  CHECK(doc.timexes[2].span == Span{93, 112});
  CHECK(doc.timexes[2].value == "1988-Q3");
  CHECK(doc.Text(doc.timexes[3].span) == "the year-earlier third quarter");
  CHECK(doc.timexes[3].span == Span{117, 147});
  CHECK(doc.timexes[3].value == "1988-Q3");
}

TEST_CASE("the past year / recent years / schedules and deadlines") {
  const std::string text = "Prices doubled over the past year and rose in recent years. "
                           "The appeal is heard in May. They have until 9 a.m. Tuesday and until Friday morning.";
  Document doc = Tag(text, "2000-03-29");  // a Wednesday
  REQUIRE(doc.timexes.size() == 5);
  CHECK(doc.Text(doc.timexes[0].span) == "the past year");
  CHECK(doc.timexes[0].span == Span{20, 33});
  CHECK(doc.timexes[0].type == TimexType::kDate);
  CHECK(doc.timexes[0].value == "1999");
  CHECK(doc.Text(doc.timexes[1].span) == "recent years");
  CHECK(doc.timexes[1].value == "PAST_REF");
  CHECK(doc.Text(doc.timexes[2].span) == "May");
  CHECK(doc.timexes[2].value == "2000-05");  // the present of a schedule: the nearest May
  CHECK(doc.Text(doc.timexes[3].span) == "9 a.m. Tuesday");
  CHECK(doc.timexes[3].value == "2000-04-04T09:00");
  CHECK(doc.Text(doc.timexes[4].span) == "Friday morning");
  CHECK(doc.timexes[4].value == "2000-03-31TMO");
}

TEST_CASE("'next to' and 'vacation plans' mark no future") {
  // 1998-08-08 is a Saturday.
  const std::string text = "Dozens died in the blasts next to the embassies on Friday. "
                           "On Friday, when she set aside vacation plans, the warning was lifted. "
                           "She plans to fly there on Tuesday.";
  Document doc = Tag(text, "1998-08-08");
  REQUIRE(doc.timexes.size() == 3);
  CHECK(doc.timexes[0].span == Span{51, 57});
  CHECK(doc.timexes[0].value == "1998-08-07");
  CHECK(doc.timexes[1].span == Span{62, 68});
  CHECK(doc.timexes[1].value == "1998-08-07");
  CHECK(doc.Text(doc.timexes[2].span) == "Tuesday");
  CHECK(doc.timexes[2].value == "1998-08-11");
}

TEST_CASE("a sentence-final period is not part of the extent") {
  Document doc = Tag("They met on Jan. 5. Talks ended at 6 p.m.", "2024-01-10");
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.Text(doc.timexes[0].span) == "Jan. 5");
  CHECK(doc.timexes[0].value == "2024-01-05");
  CHECK(doc.Text(doc.timexes[1].span) == "6 p.m");
  CHECK(doc.timexes[1].value == "2024-01-10T18:00");
}

TEST_CASE("timexes come in text order / without overlaps / with their sentence") {
  Document doc = Tag("On Friday, Oct. 13, 1989, markets fell. By Monday they had recovered.", "1989-10-16");
  REQUIRE(doc.timexes.size() == 2);
  CHECK(doc.Text(doc.timexes[0].span) == "Friday, Oct. 13, 1989");
  CHECK(doc.timexes[0].value == "1989-10-13");
  CHECK(doc.timexes[0].sentence == 0);
  CHECK(doc.timexes[1].sentence == 1);
  CHECK(doc.timexes[0].span.end <= doc.timexes[1].span.begin);
  CHECK(doc.timexes[1].rule == "date_weekday");
}

TEST_CASE("rates are amounts and not sets") {
  Document doc = Tag(
      "The plant will save $2 million a year and produce 5,000 units annually. "
      "Staff work seven days a week. "
      "Workers meet twice a week.",
      "2024-06-19");
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.timexes[0].span == Span{115, 127});
  CHECK(doc.timexes[0].type == TimexType::kSet);
  CHECK(doc.timexes[0].value == "P1W");
}

TEST_CASE("a rate does not block a year ago and a quarterly cash dividend is no set") {
  Document doc = Tag(
      "Sales fell from $5 million a year ago. "
      "The board declared a quarterly cash dividend.",
      "2024-06-19");
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.timexes[0].span == Span{27, 37});
  CHECK(doc.timexes[0].value == "2023");
}

TEST_CASE("Now opening a sentence and a quoted programme title are no time expressions") {
  Document doc = Tag(
      "Now, the mayor says, the plan works. "
      "Officials now expect a vote. "
      "The host of \"This Week,\" asked.",
      "2024-06-19");
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.timexes[0].span == Span{47, 50});
  CHECK(doc.timexes[0].value == "PRESENT_REF");
}

TEST_CASE("the second day of a pair and the foreseeable future") {
  Document doc = Tag(
      "The summit is on April 24 and 25. "
      "Troops will stay for the foreseeable future. "
      "Talks follow on June 3-4.",
      "2024-03-01");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.timexes[0].span == Span{17, 25});
  CHECK(doc.timexes[0].value == "2024-04-24");
  CHECK(doc.timexes[1].span == Span{30, 32});
  CHECK(doc.timexes[1].value == "2024-04-25");
  CHECK(doc.Text(doc.timexes[2].span) == "June 3");
  CHECK(doc.Text(doc.timexes[3].span) == "4");
  CHECK(doc.timexes[3].value == "2024-06-04");
}

TEST_CASE("a fourth quarter named in January is last year's") {
  Document doc = Tag("Profit fell 18% in the fourth quarter.", "2024-01-25");
  REQUIRE(doc.timexes.size() == 1);
  CHECK(doc.Text(doc.timexes[0].span) == "the fourth quarter");
  CHECK(doc.timexes[0].value == "2023-Q4");
}

TEST_CASE("comparisons concern the story's quarter after a look back at an older one") {
  Document doc = Tag(
      "Third-quarter profit rose after a flat second quarter. "
      "In the year-earlier period it lost money. "
      "Sales for last year's quarter fell.",
      "2024-10-25");
  REQUIRE(doc.timexes.size() == 4);
  CHECK(doc.Text(doc.timexes[0].span) == "Third-quarter");
  CHECK(doc.timexes[0].value == "2024-Q3");
  CHECK(doc.Text(doc.timexes[1].span) == "second quarter");
  CHECK(doc.timexes[1].value == "2024-Q2");
  CHECK(doc.Text(doc.timexes[2].span) == "the year-earlier period");
  CHECK(doc.timexes[2].value == "2023-Q3");
  CHECK(doc.Text(doc.timexes[3].span) == "last year's quarter");
  CHECK(doc.timexes[3].value == "2023-Q3");
}

}  // namespace newsgraph::timex
