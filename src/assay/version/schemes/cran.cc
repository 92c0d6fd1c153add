// CRAN / R package_version.
#include "assay/version/schemes/cran.h"

namespace assay::version {

Result<CranVersion> CranVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "cran versions are not implemented yet", std::string(text));
}

int CranVersion::compare(const CranVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
