// Dot-separated integers (vers 'intdot').
#include "assay/version/schemes/intdot.h"

namespace assay::version {

Result<IntdotVersion> IntdotVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "intdot versions are not implemented yet",
              std::string(text));
}

int IntdotVersion::compare(const IntdotVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
