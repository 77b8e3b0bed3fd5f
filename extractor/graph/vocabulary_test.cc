#include "extractor/graph/vocabulary.h"

#include <doctest/doctest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

namespace newsgraph::graph {
namespace {

TEST_CASE("IRIs percent-encode what an IRI path may not hold / and decode back") {
  CHECK(EntityIri("person/vladimir-putin") == "urn:newsgraph:entity:person/vladimir-putin");
  CHECK(ArticleIri("samples/a b.txt") == "urn:newsgraph:article:samples/a%20b.txt");
  CHECK(EventIri("seed.txt#e1") == "urn:newsgraph:event:seed.txt%23e1");
  CHECK(EncodeIriPart("caf\xC3\xA9?%") == "caf%C3%A9%3F%25");
  std::string id = "unchanged";
  CHECK(DecodeIri("urn:newsgraph:article:samples/a%20b.txt", kArticleIriPrefix, &id));
  CHECK(id == "samples/a b.txt");
  CHECK(DecodeIri(ArticleIri("caf\xC3\xA9?%#"), kArticleIriPrefix, &id));
  CHECK(id == "caf\xC3\xA9?%#");
  id = "unchanged";
  CHECK_FALSE(DecodeIri("urn:newsgraph:entity:x", kArticleIriPrefix, &id));
  CHECK_FALSE(DecodeIri("urn:newsgraph:article:bad%2", kArticleIriPrefix, &id));
  CHECK_FALSE(DecodeIri("urn:newsgraph:article:bad%zz", kArticleIriPrefix, &id));
  CHECK(id == "unchanged");
}

TEST_CASE("the compiled-in context is schemas/newsgraph.context.jsonld") {
  std::ifstream in("schemas/newsgraph.context.jsonld", std::ios::binary);
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str() == ContextDocumentText());
}

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST_CASE("every project term of the context is defined in schemas/newsgraph.vocab.jsonld") {
  rapidjson::Document context, vocab;
  context.Parse(ContextDocumentText().data(), ContextDocumentText().size());
  REQUIRE_FALSE(context.HasParseError());
  std::string vocab_text = ReadFile("schemas/newsgraph.vocab.jsonld");
  vocab.Parse(vocab_text.c_str());
  REQUIRE_FALSE(vocab.HasParseError());
  std::vector<std::string> defined;
  for (const auto& node : vocab["@graph"].GetArray()) defined.emplace_back(node["@id"].GetString());
  CHECK(std::string(context["@context"]["ng"].GetString()) == kVocabularyIri);
  size_t terms = 0;
  for (const auto& m : context["@context"].GetObject()) {
    const rapidjson::Value& v = m.value;
    std::string iri = v.IsString() ? v.GetString() : v.IsObject() && v.HasMember("@id") ? v["@id"].GetString() : "";
    if (iri.rfind("ng:", 0) != 0) continue;
    CAPTURE(iri);
    CHECK(std::find(defined.begin(), defined.end(), iri) != defined.end());
    ++terms;
  }
  CHECK(terms == 37);
}

TEST_CASE("role and type terms") {
  CHECK(IsRoleTerm("visitor"));
  CHECK(IsRoleTerm("invitee"));
  CHECK_FALSE(IsRoleTerm("Visitor"));
  CHECK_FALSE(IsRoleTerm("witness"));
  CHECK(IsEventTypeTerm("Visit"));
  CHECK_FALSE(IsEventTypeTerm("Protest"));
  // Every term named here is defined in the context, coerced to an IRI.
  for (const char* role : {"visitor", "destination", "host", "participants", "place", "parties", "inviter", "invitee"}) {
    CAPTURE(role);
    CHECK(IsRoleTerm(role));
    std::string definition = std::string("\"") + role + "\": {\"@id\": \"ng:" + role + "\", \"@type\": \"@id\"}";
    CHECK(ContextDocumentText().find(definition) != std::string_view::npos);
  }
  for (const char* type : {"Visit", "Meeting", "Agreement", "Invitation"}) {
    std::string definition = std::string("\"") + type + "\": \"ng:" + type + "\"";
    CHECK(ContextDocumentText().find(definition) != std::string_view::npos);
  }
}

}  // namespace
}  // namespace newsgraph::graph
