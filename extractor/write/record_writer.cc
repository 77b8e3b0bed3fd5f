#include "extractor/write/record_writer.h"

#include "extractor/write/csv_writer.h"
#include "extractor/write/jsonld_writer.h"
#include "extractor/write/ndjson_writer.h"

namespace newsgraph::write {

Result<std::unique_ptr<RecordWriter>> MakeRecordWriter(std::string_view format,
                                                       const WriteOptions& options) {
  if (format == "ndjson") return std::unique_ptr<RecordWriter>(new NdjsonWriter(options));
  if (format == "jsonld") return std::unique_ptr<RecordWriter>(new JsonLdWriter(options));
  if (format == "csv") return std::unique_ptr<RecordWriter>(new CsvWriter(options));
  return InvalidArgument("unknown output format '" + std::string(format) + "' (expected ndjson, jsonld or csv)");
}

}  // namespace newsgraph::write
