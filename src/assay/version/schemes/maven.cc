// Maven ComparableVersion.
#include "assay/version/schemes/maven.h"

namespace assay::version {

Result<MavenVersion> MavenVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "maven versions are not implemented yet", std::string(text));
}

int MavenVersion::compare(const MavenVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
