// Gentoo (PMS) versions.
#include "assay/version/schemes/gentoo.h"

namespace assay::version {

Result<GentooVersion> GentooVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "gentoo versions are not implemented yet",
              std::string(text));
}

int GentooVersion::compare(const GentooVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
