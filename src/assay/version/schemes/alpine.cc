// Alpine apk-tools versions.
#include "assay/version/schemes/alpine.h"

namespace assay::version {

Result<AlpineVersion> AlpineVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "alpine versions are not implemented yet",
              std::string(text));
}

int AlpineVersion::compare(const AlpineVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
