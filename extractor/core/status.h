// Errors as values. Every call that can fail returns a Status or a Result<T>;
// nothing in newsgraph throws.
//
//   Result<Gazetteer> g = Gazetteer::Load(path);
//   if (!g.ok()) return g.status();          // or: ASSIGN_OR_RETURN(auto g, ...)
//   RETURN_IF_ERROR(tagger.Process(&doc));
#ifndef NEWSGRAPH_CORE_STATUS_H_
#define NEWSGRAPH_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace newsgraph {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input: a malformed document, option or rule
  kNotFound,         // a file or a name that does not exist
  kDataError,        // a data file (gazetteer, rule, schema) is malformed
  kIoError,          // reading or writing failed
  kTooLarge,         // input over a configured limit
  kInternal,         // a bug: an invariant did not hold
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "code: message", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status TooLarge(std::string m) { return {StatusCode::kTooLarge, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// A T or the Status that says why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "a Result needs a value or an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // Only when ok().
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace newsgraph

#define NEWSGRAPH_CONCAT_INNER_(a, b) a##b
#define NEWSGRAPH_CONCAT_(a, b) NEWSGRAPH_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                     \
  do {                                            \
    ::newsgraph::Status status_or_ = (expr);      \
    if (!status_or_.ok()) return status_or_;      \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                           \
  if (!tmp.ok()) return tmp.status();          \
  lhs = std::move(tmp).value()

// ASSIGN_OR_RETURN(auto x, MakeX()); declares x or returns the error.
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL_(NEWSGRAPH_CONCAT_(result_or_, __LINE__), lhs, expr)

#endif  // NEWSGRAPH_CORE_STATUS_H_
