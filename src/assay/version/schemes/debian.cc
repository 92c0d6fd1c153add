// Debian (dpkg) versions: [epoch:]upstream[-revision].
#include "assay/version/schemes/debian.h"

namespace assay::version {

Result<DebianVersion> DebianVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "debian versions are not implemented yet",
              std::string(text));
}

int DebianVersion::compare(const DebianVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
