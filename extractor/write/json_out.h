// Appends JSON straight to a caller's std::string: it writes into the
// string's own memory through a cursor, so a value costs a few stores, with
// no intermediate buffer and no allocation once the string has grown to its
// working size. The bytes are those RapidJSON's Writer (default flags)
// would write: '"', '\\' and control bytes escaped ("\n", "\u001F" with
// upper-case hex), everything else, UTF-8 included, copied as it is;
// numbers without spaces.
//
//   std::string out;
//   {
//     JsonOut j(&out);
//     j.StartObject();
//     j.Key("start"); j.Uint(0);
//     j.Key("text"); j.String("Putin");
//     j.Key("mentions"); j.StartArray(); j.Uint(1); j.Uint(2); j.EndArray();
//     j.EndObject();
//   }  // or j.Finish(): out == {"start":0,"text":"Putin","mentions":[1,2]}
//
// *out must not be touched between construction and Finish() (or the
// destruction of the JsonOut). Keys given to Key() must need no escaping
// (the fixed member names of the output contract); names that come from
// data go through EscapedKey().
#ifndef NEWSGRAPH_WRITE_JSON_OUT_H_
#define NEWSGRAPH_WRITE_JSON_OUT_H_

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace newsgraph::write {

class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(out), used_(out->size()) {}
  ~JsonOut() { Finish(); }
  JsonOut(const JsonOut&) = delete;
  JsonOut& operator=(const JsonOut&) = delete;

  // Cuts *out to what was written. Idempotent.
  void Finish() {
    if (pos_ == nullptr) return;
    used_ = static_cast<size_t>(pos_ - out_->data());
    out_->resize(used_);
    pos_ = end_ = nullptr;
  }

  void StartObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void StartArray() { Open('['); }
  void EndArray() { Close(']'); }

  // A member name known not to need escaping.
  void Key(std::string_view key) {
    Reserve(key.size() + 4);
    if (!first_) *pos_++ = ',';
    first_ = false;
    *pos_++ = '"';
    std::memcpy(pos_, key.data(), key.size());
    pos_ += key.size();
    *pos_++ = '"';
    *pos_++ = ':';
    after_key_ = true;
  }
  // A member name that may hold any byte.
  void EscapedKey(std::string_view key) {
    Separate();
    Quoted(key);
    Reserve(1);
    *pos_++ = ':';
    after_key_ = true;
  }

  void String(std::string_view s) {
    Separate();
    Quoted(s);
  }
  void Null() { Literal("null", 4); }
  void Bool(bool b) {
    if (b) {
      Literal("true", 4);
    } else {
      Literal("false", 5);
    }
  }
  void Uint(uint64_t v) {
    Separate();
    Reserve(24);
    pos_ = std::to_chars(pos_, pos_ + 24, v).ptr;
  }
  // Shortest digits that read back as `d`, cut (not rounded) to at most
  // `max_decimals` after the point ("0.9", "1.0", "0.123"), as RapidJSON's
  // writer does; callers round first. Null for NaN and infinities, which
  // JSON cannot hold.
  void Double(double d, int max_decimals);

 private:
  // Makes room for `n` more bytes after the cursor.
  void Reserve(size_t n) {
    if (static_cast<size_t>(end_ - pos_) < n) Grow(n);
  }
  void Grow(size_t n);
  void Literal(const char* s, size_t n) {
    Separate();
    Reserve(n);
    std::memcpy(pos_, s, n);
    pos_ += n;
  }
  void Open(char c) {
    Separate();
    Reserve(1);
    *pos_++ = c;
    first_ = true;
  }
  void Close(char c) {
    Reserve(1);
    *pos_++ = c;
    first_ = false;
  }
  // The comma before every value but the first of its container; none
  // between a key and its value.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) {
      Reserve(1);
      *pos_++ = ',';
    }
    first_ = false;
  }
  void Quoted(std::string_view s);
  // The rest of a quoted string from a byte that needs escaping, and the
  // closing quote.
  void QuotedRest(std::string_view s);

  std::string* out_;
  size_t used_;            // bytes of *out_ in use when the cursor is unset
  char* pos_ = nullptr;    // cursor into out_'s memory, or nullptr
  char* end_ = nullptr;    // end of out_'s sized memory
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace newsgraph::write

#endif  // NEWSGRAPH_WRITE_JSON_OUT_H_
