// The one error type every fallible Assay function returns: a small, stable code, a message a
// person can act on, and where in the input the problem is.
#ifndef ASSAY_CORE_ERROR_H_
#define ASSAY_CORE_ERROR_H_

#include <string>
#include <string_view>

namespace assay {

// Stable; mapped to CLI exit codes only in apps/cli and to HTTP statuses only in the server.
enum class ErrorCode {
  kInvalidInput,  // the input is malformed, out of limits or violates a rule
  kUnsupported,   // well-formed, but a feature, scheme or version Assay does not handle
  kNotFound,      // a named file, record or key does not exist
  kVerifyFailed,  // a signature, digest or policy check ran and did not hold
  kIo,            // reading or writing a file, socket or database failed
  kInternal,      // a bug in Assay: never reachable from input alone
};

// Returns the lower-case name of `code`, e.g. "invalid-input".
std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;   // one sentence, no trailing full stop, names the problem
  std::string location;  // where in the input: "sbom.json#/components/3/purl", "a.txt:12:3"

  // "location: message", or just the message when there is no location.
  std::string to_string() const;

  // Returns a copy whose location is `outer` followed by this location, so that callers can add
  // the file name or an enclosing pointer as the error travels outwards.
  Error with_location_prefix(std::string_view outer) const;
};

}  // namespace assay

#endif  // ASSAY_CORE_ERROR_H_
