#include "extractor/write/csv_writer.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <vector>

namespace newsgraph::write {
namespace {

// The roles DESIGN.md names, one column each, in this order.
constexpr std::array<std::string_view, 8> kRoleColumns = {"visitor", "destination", "host",    "participants",
                                                          "place",   "parties",     "inviter", "invitee"};

enum Column {
  kDocumentId,
  kEventId,
  kType,
  kStatus,
  kDate,
  kFirstRole,
  kOtherRoles = kFirstRole + kRoleColumns.size(),
  kConfidence,
  kCameo,
  kTrigger,
  kTriggerStart,
  kTriggerEnd,
  kSentence,
  kSentenceStart,
  kSentenceEnd,
  kUrl,
  kPublished,
  kError,
  kColumnCount,
};

void AppendRow(const std::vector<std::string>& fields, std::string* out) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCsvField(fields[i], out);
  }
  out->append("\r\n");
}

int RoleColumn(std::string_view role) {
  for (size_t i = 0; i < kRoleColumns.size(); ++i) {
    if (kRoleColumns[i] == role) return static_cast<int>(i);
  }
  return -1;
}

std::string Names(const Document& doc, const EventRole& role) {
  std::string out;
  for (uint32_t index : role.entities) {
    if (index >= doc.entities.size()) continue;
    if (!out.empty()) out += "; ";
    out += doc.entities[index].name;
  }
  return out;
}

// The text of a span, clamped to the document (a span past the end is a
// bug upstream, not a reason to stop the batch).
std::string SpanText(const Document& doc, const Span& span) {
  size_t begin = std::min<size_t>(span.begin, doc.text.size());
  size_t end = std::min<size_t>(std::max(span.end, span.begin), doc.text.size());
  return doc.text.substr(begin, end - begin);
}

std::string Confidence(double c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", c);
  return buf;
}

}  // namespace

void AppendCsvField(std::string_view field, std::string* out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(field);
    return;
  }
  out->push_back('"');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void CsvWriter::Begin(std::string* out) const {
  std::vector<std::string> header(kColumnCount);
  header[kDocumentId] = "document_id";
  header[kEventId] = "event_id";
  header[kType] = "type";
  header[kStatus] = "status";
  header[kDate] = "date";
  for (size_t i = 0; i < kRoleColumns.size(); ++i) header[kFirstRole + i] = kRoleColumns[i];
  header[kOtherRoles] = "other_roles";
  header[kConfidence] = "confidence";
  header[kCameo] = "cameo";
  header[kTrigger] = "trigger";
  header[kTriggerStart] = "trigger_start";
  header[kTriggerEnd] = "trigger_end";
  header[kSentence] = "sentence";
  header[kSentenceStart] = "sentence_start";
  header[kSentenceEnd] = "sentence_end";
  header[kUrl] = "url";
  header[kPublished] = "published";
  header[kError] = "error";
  AppendRow(header, out);
}

void CsvWriter::WriteDocument(const Document& doc, std::string* out) const {
  std::vector<std::string> row(kColumnCount);
  for (const Event& e : doc.events) {
    std::fill(row.begin(), row.end(), std::string());
    row[kDocumentId] = doc.id;
    row[kEventId] = e.id;
    row[kType] = e.type;
    row[kStatus] = EventStatusName(e.status);
    row[kDate] = e.date;
    for (const EventRole& role : e.roles) {
      std::string names = Names(doc, role);
      if (names.empty()) continue;
      int column = RoleColumn(role.name);
      std::string& cell = column >= 0 ? row[kFirstRole + column] : row[kOtherRoles];
      if (!cell.empty()) cell += column >= 0 ? "; " : " | ";
      cell += column >= 0 ? names : role.name + ": " + names;
    }
    row[kConfidence] = Confidence(e.confidence);
    row[kCameo] = e.cameo;
    row[kTrigger] = SpanText(doc, e.trigger);
    row[kTriggerStart] = std::to_string(e.trigger.begin);
    row[kTriggerEnd] = std::to_string(e.trigger.end);
    row[kSentence] = SpanText(doc, e.sentence);
    row[kSentenceStart] = std::to_string(e.sentence.begin);
    row[kSentenceEnd] = std::to_string(e.sentence.end);
    row[kUrl] = doc.url;
    row[kPublished] = doc.published;
    AppendRow(row, out);
  }
}

void CsvWriter::WriteError(const Document& doc, const Status& error, std::string* out) const {
  std::vector<std::string> row(kColumnCount);
  row[kDocumentId] = doc.id;
  row[kUrl] = doc.url;
  row[kError] = error.message();
  AppendRow(row, out);
}

}  // namespace newsgraph::write
