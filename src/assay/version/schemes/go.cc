// Go module versions (golang.org/x/mod/semver), +incompatible and pseudo-versions.
#include "assay/version/schemes/go.h"

namespace assay::version {

Result<GoVersion> GoVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "go versions are not implemented yet", std::string(text));
}

int GoVersion::compare(const GoVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
