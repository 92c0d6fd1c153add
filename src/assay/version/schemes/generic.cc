// The documented generic fallback order.
#include "assay/version/schemes/generic.h"

namespace assay::version {

Result<GenericVersion> GenericVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "generic versions are not implemented yet",
              std::string(text));
}

int GenericVersion::compare(const GenericVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
