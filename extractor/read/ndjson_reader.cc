#include "extractor/read/ndjson_reader.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cstring>
#include <vector>

#include "extractor/core/civil_date.h"
#include "extractor/core/json_bytes.h"
#include "extractor/core/utf8.h"
#include "extractor/read/text_util.h"

namespace newsgraph::read {

namespace {

// Iterative: a line of 100,000 '[' must not exhaust the stack.
constexpr unsigned kInsituFlags = rapidjson::kParseInsituFlag | rapidjson::kParseIterativeFlag;

std::string_view TypeName(const rapidjson::Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return "a boolean";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType: return "a number";
  }
  return "?";
}

std::string_view View(const rapidjson::Value& v) { return {v.GetString(), v.GetStringLength()}; }

// The first of `names` present and not null in `object`, or nullptr.
template <size_t N>
const rapidjson::Value* FindField(const rapidjson::Value& object, const std::array<const char*, N>& names,
                                  const char** found) {
  for (const char* name : names) {
    auto it = object.FindMember(name);
    if (it != object.MemberEnd() && !it->value.IsNull()) {
      *found = name;
      return &it->value;
    }
  }
  return nullptr;
}

// Reads an optional string field into *out.
template <size_t N>
Status StringField(const rapidjson::Value& object, const std::array<const char*, N>& names,
                   const std::string& where, std::string* out) {
  const char* name = nullptr;
  const rapidjson::Value* v = FindField(object, names, &name);
  if (v == nullptr) return Status::Ok();
  if (!v->IsString()) {
    return InvalidArgument(where + ": \"" + name + "\" must be a string, not " + std::string(TypeName(*v)));
  }
  out->assign(View(*v));
  RepairUtf8(out);
  return Status::Ok();
}

// The record's own id, when it has a usable one.
std::string RecordId(const rapidjson::Value& object) {
  if (!object.IsObject()) return "";
  auto it = object.FindMember("id");
  if (it == object.MemberEnd()) return "";
  const rapidjson::Value& v = it->value;
  std::string id;
  if (v.IsString()) {
    id.assign(View(v));
    RepairUtf8(&id);
    id = std::string(TrimAscii(id));
  } else if (v.IsInt64()) {
    id = std::to_string(v.GetInt64());
  } else if (v.IsUint64()) {
    id = std::to_string(v.GetUint64());
  }
  return id;
}

// YYYY-MM-DD, as FormatIsoDate writes it, without its snprintf (once per
// record).
void SetIsoDate(const CivilDate& date, std::string* out) {
  if (date.year < 0 || date.year > 9999 || date.month < 1 || date.month > 12 || date.day < 1 || date.day > 31) {
    *out = FormatIsoDate(date);
    return;
  }
  char buf[10];
  buf[0] = static_cast<char>('0' + date.year / 1000);
  buf[1] = static_cast<char>('0' + date.year / 100 % 10);
  buf[2] = static_cast<char>('0' + date.year / 10 % 10);
  buf[3] = static_cast<char>('0' + date.year % 10);
  buf[4] = '-';
  buf[5] = static_cast<char>('0' + date.month / 10);
  buf[6] = static_cast<char>('0' + date.month % 10);
  buf[7] = '-';
  buf[8] = static_cast<char>('0' + date.day / 10);
  buf[9] = static_cast<char>('0' + date.day % 10);
  out->assign(buf, sizeof buf);
}

// The part of a record after its fields are read: doc->text holds the
// text as written, `published` the raw date field.
void FinishRecord(std::string_view published, const ReadOptions& options, Document* doc) {
  RepairText(&doc->text, doc);
  if (doc->text.empty()) doc->warnings.push_back("empty text");
  std::string_view date = TrimAscii(published);
  if (!date.empty()) {
    if (auto parsed = ParsePublicationDate(date)) {
      SetIsoDate(*parsed, &doc->published);
    } else {
      doc->warnings.push_back("ignored publication date \"" + std::string(Utf8Prefix(date, 80)) +
                              "\": not a valid date");
    }
  }
  if (doc->published.empty()) doc->published = options.published;
  doc->layers = kLayerText;
}

// Fills *item from one record. `where` ("line 3", "record 2") starts
// every error message; `fallback_id` is used when the record has no id.
void RecordToItem(const rapidjson::Value& record, const std::string& where, const std::string& fallback_id,
                  const ReadOptions& options, ReadItem* item) {
  Document& doc = item->doc;
  std::string id = RecordId(record);
  doc.id = id.empty() ? fallback_id : id;
  auto fail = [&](Status s) { item->status = std::move(s); };
  if (!record.IsObject()) {
    fail(InvalidArgument(where + ": expected a JSON object, got " + std::string(TypeName(record))));
    return;
  }
  auto id_field = record.FindMember("id");
  if (id_field != record.MemberEnd() && !id_field->value.IsNull() && !id_field->value.IsString() &&
      !id_field->value.IsInt64() && !id_field->value.IsUint64()) {
    fail(InvalidArgument(where + ": \"id\" must be a string or an integer, not " +
                         std::string(TypeName(id_field->value))));
    return;
  }
  static constexpr std::array<const char*, 3> kText = {"text", "body", "content"};
  const char* text_name = nullptr;
  const rapidjson::Value* text = FindField(record, kText, &text_name);
  if (text == nullptr) {
    fail(InvalidArgument(where + ": no \"text\" field (\"body\" and \"content\" are read too)"));
    return;
  }
  if (!text->IsString()) {
    fail(InvalidArgument(where + ": \"" + text_name + "\" must be a string, not " + std::string(TypeName(*text))));
    return;
  }
  Status s = StringField(record, std::array<const char*, 2>{"url", "link"}, where, &doc.url);
  if (s.ok()) s = StringField(record, std::array<const char*, 2>{"title", "headline"}, where, &doc.title);
  std::string published;
  if (s.ok()) {
    s = StringField(record, std::array<const char*, 3>{"published", "date", "datePublished"}, where, &published);
  }
  if (!s.ok()) {
    fail(std::move(s));
    return;
  }
  doc.text.assign(View(*text));
  FinishRecord(published, options, &doc);
}

std::string ParseErrorMessage(const std::string& where, rapidjson::ParseErrorCode code, size_t offset,
                              size_t size) {
  std::string why = rapidjson::GetParseError_En(code);
  if (offset >= size && code != rapidjson::kParseErrorDocumentEmpty) {
    return where + ": the JSON ends early (a truncated record?): " + why;
  }
  return where + ": invalid JSON at byte " + std::to_string(offset + 1) + ": " + why;
}

// The common NDJSON record, an object whose values are all strings or null,
// read without building a DOM: one pass over the line checks it and
// decodes the string values into a buffer of their own, from which the
// fields used are copied into the document. Anything else (numbers, nested
// values, an escaped key, a surrogate \u escape, any error) is left to
// RapidJSON, which also words the error messages; whatever this reader
// accepts, RapidJSON reads alike. The line itself is not changed.
class FlatRecord {
 public:
  struct Field {
    std::string_view key;
    std::string_view value;  // decoded; empty for null
    bool is_null = false;
  };

  // Lines longer than this go to RapidJSON, which decodes in place: the
  // buffer of decoded values would double the memory a huge record takes.
  static constexpr size_t kMaxLine = size_t{1} << 20;

  // Parses [p, end). False: not such a record (or over kMaxLine).
  bool Parse(const char* p, const char* const end) {
    fields_.clear();
    // A decoded value is never longer than it is written.
    const size_t size = static_cast<size_t>(end - p);
    if (size > kMaxLine) return false;
    if (capacity_ < size) {
      capacity_ = std::max(size, std::min(2 * capacity_, kMaxLine));
      buffer_.reset(new char[capacity_]);
    }
    char* out = buffer_.get();
    p = SkipSpace(p, end);
    if (p == end || *p != '{') return false;
    p = SkipSpace(p + 1, end);
    if (p == end || *p == '}') return false;  // {} has no text: RapidJSON words the error
    while (true) {
      if (p == end || *p != '"') return false;
      Field field;
      const char* key_end = FindSpecial(p + 1, end);
      if (key_end == end || *key_end != '"') return false;  // an escape, a control byte, no end
      field.key = std::string_view(p + 1, static_cast<size_t>(key_end - p - 1));
      p = SkipSpace(key_end + 1, end);
      if (p == end || *p != ':') return false;
      p = SkipSpace(p + 1, end);
      if (p == end) return false;
      if (*p == '"') {
        char* value = out;
        p = DecodeString(p + 1, end, &out);
        if (p == nullptr) return false;
        field.value = std::string_view(value, static_cast<size_t>(out - value));
        ++p;
      } else if (end - p >= 4 && std::memcmp(p, "null", 4) == 0) {
        field.is_null = true;
        p += 4;
      } else {
        return false;
      }
      fields_.push_back(field);
      p = SkipSpace(p, end);
      if (p == end) return false;
      if (*p == '}') break;
      if (*p != ',') return false;
      p = SkipSpace(p + 1, end);
    }
    return SkipSpace(p + 1, end) == end;
  }

  // The first field called `key`, or nullptr (as RapidJSON's FindMember).
  const Field* Find(std::string_view key) const {
    for (const Field& f : fields_) {
      if (f.key == key) return &f;
    }
    return nullptr;
  }
  // The first of `names` present and not null, or nullptr.
  template <size_t N>
  const Field* FindString(const std::array<const char*, N>& names) const {
    for (const char* name : names) {
      const Field* f = Find(name);
      if (f != nullptr && !f->is_null) return f;
    }
    return nullptr;
  }

 private:
  static unsigned HexValue(char c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'A' && c <= 'F') return static_cast<unsigned>(c - 'A' + 10);
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    return 16;
  }

  // JSON white space, as RapidJSON skips it.
  static const char* SkipSpace(const char* p, const char* end) {
    while (p != end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p;
    return p;
  }

  // The first '"', '\\' or control byte in [p, end), or end.
  static const char* FindSpecial(const char* p, const char* end) {
#if defined(__SSE2__)
    while (end - p >= 16) {
      const unsigned m = JsonSpecialMask16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
      if (m != 0) return p + std::countr_zero(m);
      p += 16;
    }
#endif
    while (p != end && !IsJsonSpecial(*p)) ++p;
    return p;
  }

  // From just after an opening quote: decodes the string to *out (and
  // advances it) and returns its closing quote, or nullptr when the string
  // is not one RapidJSON reads the same way (a control byte, a bad escape,
  // a surrogate, no closing quote). *out has room for end - p bytes.
  static const char* DecodeString(const char* p, const char* end, char** out) {
    char* o = *out;
    while (true) {
      // Up to the next special byte; whole blocks are stored, so that the
      // bytes before it are copied with the block that finds it.
#if defined(__SSE2__)
      bool found = false;
      while (end - p >= 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(o), x);
        if (const unsigned m = JsonSpecialMask16(x); m != 0) {
          const size_t k = static_cast<size_t>(std::countr_zero(m));
          p += k;
          o += k;
          found = true;
          break;
        }
        p += 16;
        o += 16;
      }
      if (!found)
#endif
        while (p != end && !IsJsonSpecial(*p)) *o++ = *p++;
      if (p == end) return nullptr;
      if (*p == '"') {
        *out = o;
        return p;
      }
      if (*p != '\\' || end - p < 2) return nullptr;  // a control byte; a cut escape
      const char e = p[1];
      if (e != 'u') {
        const char c = kJsonUnescape[static_cast<unsigned char>(e)];
        if (c == 0) return nullptr;
        *o++ = c;
        p += 2;
        continue;
      }
      if (end - p < 6) return nullptr;
      unsigned cp = 0;
      for (int i = 2; i < 6; ++i) {
        const unsigned h = HexValue(p[i]);
        if (h > 15) return nullptr;
        cp = cp << 4 | h;
      }
      if (cp >= 0xD800 && cp <= 0xDFFF) return nullptr;
      p += 6;
      // As RapidJSON's UTF8::Encode.
      if (cp < 0x80) {
        *o++ = static_cast<char>(cp);
      } else if (cp < 0x800) {
        *o++ = static_cast<char>(0xC0 | cp >> 6);
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        *o++ = static_cast<char>(0xE0 | cp >> 12);
        *o++ = static_cast<char>(0x80 | (cp >> 6 & 0x3F));
        *o++ = static_cast<char>(0x80 | (cp & 0x3F));
      }
    }
  }

  std::vector<Field> fields_;
  std::unique_ptr<char[]> buffer_;  // the decoded values of the line
  size_t capacity_ = 0;
};

// Fills *item from a FlatRecord, as RecordToItem does from its DOM. False
// when the record is one RecordToItem reports an error for (no text), so
// that the message comes from there.
bool FlatRecordToItem(const FlatRecord& record, const std::string& fallback_id, const ReadOptions& options,
                      ReadItem* item) {
  static constexpr std::array<const char*, 3> kText = {"text", "body", "content"};
  const FlatRecord::Field* text = record.FindString(kText);
  if (text == nullptr) return false;
  Document& doc = item->doc;
  std::string id;
  if (const FlatRecord::Field* f = record.Find("id"); f != nullptr && !f->is_null) {
    id.assign(f->value);
    RepairString(&id);
    id = std::string(TrimAscii(id));
  }
  doc.id = id.empty() ? fallback_id : id;
  if (const FlatRecord::Field* f = record.FindString(std::array<const char*, 2>{"url", "link"})) {
    doc.url.assign(f->value);
    RepairString(&doc.url);
  }
  if (const FlatRecord::Field* f = record.FindString(std::array<const char*, 2>{"title", "headline"})) {
    doc.title.assign(f->value);
    RepairString(&doc.title);
  }
  std::string published;
  static constexpr std::array<const char*, 3> kPublished = {"published", "date", "datePublished"};
  if (const FlatRecord::Field* f = record.FindString(kPublished)) {
    published.assign(f->value);
    RepairString(&published);
  }
  doc.text.assign(text->value);
  FinishRecord(published, options, &doc);
  return true;
}

// Splits a byte stream into lines, holding at most one line (and a read
// buffer) in memory. A line over the limit is skipped as it streams past.
class LineReader {
 public:
  enum class Kind { kLine, kTooLong, kEnd, kError };

  LineReader(ByteInput* input, size_t max_line) : input_(input), max_line_(max_line) {}

  // kLine: *line is the line without its "\n" or "\r\n", NUL-terminated in
  // a buffer the caller may modify, valid until the next call. kTooLong:
  // *size is how long the skipped line was. *number is 1-based.
  Kind Next(char** line, size_t* size, int* number, Status* error) {
    while (true) {
      if (scan_ < end_) {
        void* nl = std::memchr(buf_.data() + scan_, '\n', end_ - scan_);
        if (nl != nullptr) {
          size_t pos = static_cast<size_t>(static_cast<char*>(nl) - buf_.data());
          *number = ++line_;
          *size = pos - begin_;
          *line = buf_.data() + begin_;
          buf_[pos] = '\0';
          begin_ = scan_ = pos + 1;
          if (*size > max_line_) return Kind::kTooLong;
          StripCr(*line, size);
          return Kind::kLine;
        }
        scan_ = end_;
      }
      if (end_ - begin_ > max_line_) {
        *number = ++line_;
        return SkipLongLine(size, error);
      }
      if (eof_) {
        if (begin_ == end_) return Kind::kEnd;
        *number = ++line_;
        *size = end_ - begin_;
        *line = buf_.data() + begin_;
        buf_[end_] = '\0';  // Fill keeps one spare byte
        begin_ = scan_ = end_;
        StripCr(*line, size);
        return Kind::kLine;
      }
      if (Status s = Fill(); !s.ok()) {
        *error = s;
        return Kind::kError;
      }
    }
  }

 private:
  static constexpr size_t kReadBytes = size_t{256} << 10;

  static void StripCr(char* line, size_t* size) {
    if (*size > 0 && line[*size - 1] == '\r') line[--*size] = '\0';
  }

  // Reads more after end_, first moving the unfinished line to the front.
  Status Fill() {
    if (begin_ > 0) {
      std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      scan_ -= begin_;
      begin_ = 0;
    }
    if (buf_.size() < end_ + kReadBytes + 1) buf_.Resize(std::max(buf_.size() * 2, end_ + kReadBytes + 1), end_);
    ASSIGN_OR_RETURN(size_t n, input_->Read(buf_.data() + end_, buf_.size() - end_ - 1));
    if (n == 0) eof_ = true;
    end_ += n;
    return Status::Ok();
  }

  // Drops the rest of a line that is over the limit, up to its newline.
  Kind SkipLongLine(size_t* size, Status* error) {
    size_t dropped = end_ - begin_;
    begin_ = scan_ = end_ = 0;
    if (buf_.size() != kReadBytes + 1) buf_.Resize(kReadBytes + 1, 0);  // give back a grown buffer
    while (!eof_) {
      Result<size_t> n = input_->Read(buf_.data(), buf_.size() - 1);
      if (!n.ok()) {
        *error = n.status();
        return Kind::kError;
      }
      if (*n == 0) {
        eof_ = true;
        break;
      }
      void* nl = std::memchr(buf_.data(), '\n', *n);
      if (nl != nullptr) {
        size_t pos = static_cast<size_t>(static_cast<char*>(nl) - buf_.data());
        dropped += pos;
        begin_ = scan_ = pos + 1;
        end_ = *n;
        break;
      }
      dropped += *n;
    }
    *size = dropped;
    return Kind::kTooLong;
  }

  ByteInput* input_;
  size_t max_line_;
  // A byte buffer that, unlike std::vector<char>, does not zero what it
  // allocates.
  class Buffer {
   public:
    char* data() { return data_.get(); }
    char& operator[](size_t i) { return data_[i]; }
    size_t size() const { return size_; }
    // Reallocates to `size` bytes, keeping the first `keep`.
    void Resize(size_t size, size_t keep) {
      std::unique_ptr<char[]> bigger(new char[size]);
      if (keep > 0) std::memcpy(bigger.get(), data_.get(), std::min(keep, size));
      data_ = std::move(bigger);
      size_ = size;
    }

   private:
    std::unique_ptr<char[]> data_;
    size_t size_ = 0;
  };
  Buffer buf_;
  size_t begin_ = 0;  // start of the current line
  size_t scan_ = 0;   // searched for '\n' up to here
  size_t end_ = 0;    // end of the bytes read
  bool eof_ = false;
  int line_ = 0;
};

class NdjsonSource : public Source {
 public:
  NdjsonSource(std::unique_ptr<ByteInput> input, std::string name, const ReadOptions& options)
      : input_(std::move(input)), name_(std::move(name)), options_(options),
        lines_(input_.get(), options.max_document_bytes), json_(&pool_) {}

  bool Next(ReadItem* item) override {
    if (done_) return false;
    while (true) {
      char* line = nullptr;
      size_t size = 0;
      int number = 0;
      Status error;
      LineReader::Kind kind = lines_.Next(&line, &size, &number, &error);
      // Built only where needed: most lines are read without an error.
      auto where = [&] { return "line " + std::to_string(number); };
      switch (kind) {
        case LineReader::Kind::kEnd:
          done_ = true;
          if (items_ > 0) return false;
          // Only blank lines: an empty input, which is an empty document.
          *item = ReadItem();
          item->format = Format::kNdjson;
          item->doc.id = item->doc.source = name_;
          item->doc.published = options_.published;
          item->doc.warnings.push_back("empty input: no records");
          item->doc.layers = kLayerText;
          return true;
        case LineReader::Kind::kError:
          done_ = true;
          *item = ErrorItem(name_, error, Format::kNdjson);
          return true;
        case LineReader::Kind::kTooLong:
          *item = ErrorItem(name_ + ":" + std::to_string(number),
                            TooLarge(where() + ": a record of " + FormatBytes(size) + " is over the limit of " +
                                     FormatBytes(options_.max_document_bytes)),
                            Format::kNdjson);
          ++items_;
          return true;
        case LineReader::Kind::kLine:
          break;
      }
      if (number == 1 && size >= 3 && std::memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3;
        size -= 3;
      }
      if (TrimAscii(std::string_view(line, size)).empty()) continue;  // blank line
      ++items_;
      ResetItem(item);
      item->format = Format::kNdjson;
      // "<name>:<line>", the source and the id of a record without one,
      // written into the kept buffer.
      std::string& fallback_id = item->doc.source;
      char digits[16];
      fallback_id.assign(name_);
      fallback_id += ':';
      fallback_id.append(digits, std::to_chars(digits, digits + sizeof digits, number).ptr);
      if (std::memchr(line, '\0', size) != nullptr) {
        item->doc.id = fallback_id;
        item->status = InvalidArgument(where() + ": a NUL byte in the line (not valid JSON)");
        return true;
      }
      if (flat_.Parse(line, line + size) && FlatRecordToItem(flat_, fallback_id, options_, item)) return true;
      json_.SetNull();
      pool_.Clear();
      json_.ParseInsitu<kInsituFlags>(line);
      if (json_.HasParseError()) {
        item->doc.id = fallback_id;
        item->status = InvalidArgument(ParseErrorMessage(where(), json_.GetParseError(), json_.GetErrorOffset(), size));
        return true;
      }
      RecordToItem(json_, where(), fallback_id, options_, item);
      return true;
    }
  }

 private:
  std::unique_ptr<ByteInput> input_;
  std::string name_;
  ReadOptions options_;
  LineReader lines_;
  FlatRecord flat_;
  // Values of one line live here; the first 64 KB need no allocation.
  char pool_buffer_[1 << 16];
  rapidjson::MemoryPoolAllocator<> pool_{pool_buffer_, sizeof pool_buffer_};
  rapidjson::Document json_;
  size_t items_ = 0;
  bool done_ = false;
};

class JsonSource : public Source {
 public:
  JsonSource(std::string bytes, std::string name, const ReadOptions& options)
      : bytes_(std::move(bytes)), name_(std::move(name)), options_(options) {}

  bool Next(ReadItem* item) override {
    if (!parsed_) {
      parsed_ = true;
      if (std::memchr(bytes_.data(), '\0', bytes_.size()) != nullptr) {
        *item = ErrorItem(name_, InvalidArgument("a NUL byte in the file (not valid JSON)"), Format::kJson);
        done_ = true;
        return true;
      }
      size_t size = bytes_.size();
      std::string_view text = bytes_;
      size_t skip = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
      json_.Parse<rapidjson::kParseIterativeFlag>(bytes_.data() + skip, size - skip);
      if (json_.HasParseError()) {
        if (json_.GetParseError() == rapidjson::kParseErrorDocumentRootNotSingular) {
          // Several records one after another: NDJSON with a .json name.
          ndjson_ = NewNdjsonSource(ByteInput::Memory(std::move(bytes_)), name_, options_);
          return ndjson_->Next(item);
        }
        *item = ErrorItem(name_, InvalidArgument(ParseErrorMessage("the JSON", json_.GetParseError(),
                                                                   json_.GetErrorOffset(), size - skip)),
                          Format::kJson);
        done_ = true;
        return true;
      }
      std::string().swap(bytes_);  // the values hold their own copies
      if (json_.IsArray() && json_.Empty()) {
        *item = ErrorItem(name_, InvalidArgument("an empty JSON array: no records"), Format::kJson);
        done_ = true;
        return true;
      }
    }
    if (ndjson_ != nullptr) return ndjson_->Next(item);
    if (done_) return false;
    *item = ReadItem();
    item->format = Format::kJson;
    if (!json_.IsArray()) {
      done_ = true;
      item->doc.source = name_;
      RecordToItem(json_, "the JSON", name_, options_, item);
      return true;
    }
    const rapidjson::Value& element = json_[static_cast<rapidjson::SizeType>(next_)];
    std::string number = std::to_string(next_ + 1);
    item->doc.source = name_ + "#" + number;
    RecordToItem(element, "record " + number, name_ + "#" + number, options_, item);
    if (++next_ >= json_.Size()) done_ = true;
    return true;
  }

 private:
  std::string bytes_;
  std::string name_;
  ReadOptions options_;
  rapidjson::Document json_;
  std::unique_ptr<Source> ndjson_;
  bool parsed_ = false;
  bool done_ = false;
  size_t next_ = 0;
};

}  // namespace

std::unique_ptr<Source> NewNdjsonSource(std::unique_ptr<ByteInput> input, std::string name,
                                        const ReadOptions& options) {
  return std::make_unique<NdjsonSource>(std::move(input), std::move(name), options);
}

std::unique_ptr<Source> NewJsonSource(std::string bytes, std::string name, const ReadOptions& options) {
  return std::make_unique<JsonSource>(std::move(bytes), std::move(name), options);
}

}  // namespace newsgraph::read
