// ConanCenter versions.
#include "assay/version/schemes/conan.h"

namespace assay::version {

Result<ConanVersion> ConanVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "conan versions are not implemented yet", std::string(text));
}

int ConanVersion::compare(const ConanVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
