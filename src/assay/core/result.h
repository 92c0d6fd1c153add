// Result<T>: a value or an Error, and the one macro that propagates errors.
#ifndef ASSAY_CORE_RESULT_H_
#define ASSAY_CORE_RESULT_H_

#include <string>
#include <utility>

#include <tl/expected.hpp>

#include "assay/core/error.h"

namespace assay {

// A later move to std::expected changes only this file.
template <typename T>
using Result = tl::expected<T, Error>;

// Builds the error side of a Result: `return fail(ErrorCode::kInvalidInput, "bad", "#/a");`
inline tl::unexpected<Error> fail(ErrorCode code, std::string message, std::string location = {}) {
  return tl::unexpected<Error>(Error{code, std::move(message), std::move(location)});
}

inline tl::unexpected<Error> fail(Error error) {
  return tl::unexpected<Error>(std::move(error));
}

}  // namespace assay

#define ASSAY_CONCAT_INNER(a, b) a##b
#define ASSAY_CONCAT(a, b) ASSAY_CONCAT_INNER(a, b)

// ASSAY_TRY(auto x, parse(y));  declares x from the value, or returns the error to the caller.
// ASSAY_TRY(x, parse(y));       assigns to an existing x.
#define ASSAY_TRY(lhs, expr) ASSAY_TRY_IMPL(ASSAY_CONCAT(assay_try_result_, __LINE__), lhs, expr)
#define ASSAY_TRY_IMPL(tmp, lhs, expr)                               \
  auto tmp = (expr);                                                 \
  if (!tmp.has_value()) {                                            \
    return ::tl::unexpected<::assay::Error>(std::move(tmp).error()); \
  }                                                                  \
  lhs = std::move(tmp).value()

// ASSAY_TRY_VOID(check(y));  returns the error to the caller, if any.
#define ASSAY_TRY_VOID(expr) ASSAY_TRY_VOID_IMPL(ASSAY_CONCAT(assay_try_result_, __LINE__), expr)
#define ASSAY_TRY_VOID_IMPL(tmp, expr)                               \
  auto tmp = (expr);                                                 \
  if (!tmp.has_value()) {                                            \
    return ::tl::unexpected<::assay::Error>(std::move(tmp).error()); \
  }                                                                  \
  static_cast<void>(0)

#endif  // ASSAY_CORE_RESULT_H_
