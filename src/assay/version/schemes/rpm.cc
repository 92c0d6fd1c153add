// RPM versions: [epoch:]version[-release], rpmvercmp with ~ and ^.
#include "assay/version/schemes/rpm.h"

namespace assay::version {

Result<RpmVersion> RpmVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "rpm versions are not implemented yet", std::string(text));
}

int RpmVersion::compare(const RpmVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
