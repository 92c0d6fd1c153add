// Error codes and their rendering.
#include "assay/core/error.h"

namespace assay {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid-input";
    case ErrorCode::kUnsupported:
      return "unsupported";
    case ErrorCode::kNotFound:
      return "not-found";
    case ErrorCode::kVerifyFailed:
      return "verify-failed";
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::to_string() const {
  if (location.empty()) {
    return message;
  }
  return location + ": " + message;
}

Error Error::with_location_prefix(std::string_view outer) const {
  Error copy = *this;
  if (outer.empty()) {
    return copy;
  }
  if (copy.location.empty()) {
    copy.location = std::string(outer);
  } else if (copy.location.front() == '#' || copy.location.front() == '/' ||
             copy.location.front() == ':') {
    copy.location = std::string(outer) + copy.location;
  } else {
    copy.location = std::string(outer) + ":" + copy.location;
  }
  return copy;
}

}  // namespace assay
