// Events as CSV for spreadsheets and BI tools (`extract --format csv`): a
// header, then one row per event, RFC 4180 (fields quoted when they hold a
// comma, a quote, CR or LF, quotes doubled; CRLF line ends).
//
//   document_id,event_id,type,status,date,visitor,destination,host,participants,
//   place,parties,inviter,invitee,other_roles,confidence,cameo,trigger,
//   trigger_start,trigger_end,sentence,sentence_start,sentence_end,url,published,error
//
// Roles are flattened: each role column lists the entities' names joined by
// "; ", and roles outside the standard set go to other_roles as
// "role: name; name | role: name". A document that failed is one row with
// only document_id and error. A document without events writes no row.
// Thread-safe.
#ifndef NEWSGRAPH_WRITE_CSV_WRITER_H_
#define NEWSGRAPH_WRITE_CSV_WRITER_H_

#include <string>
#include <string_view>

#include "extractor/write/record_writer.h"

namespace newsgraph::write {

class CsvWriter : public RecordWriter {
 public:
  explicit CsvWriter(WriteOptions options) : options_(options) {}
  void Begin(std::string* out) const override;
  void WriteDocument(const Document& doc, std::string* out) const override;
  void WriteError(const Document& doc, const Status& error, std::string* out) const override;

 private:
  WriteOptions options_;
};

// Appends `field` to *out as one CSV field, quoted when RFC 4180 needs it.
void AppendCsvField(std::string_view field, std::string* out);

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_CSV_WRITER_H_
