// Hackage / Haskell Data.Version.
#include "assay/version/schemes/hackage.h"

namespace assay::version {

Result<HackageVersion> HackageVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "hackage versions are not implemented yet",
              std::string(text));
}

int HackageVersion::compare(const HackageVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
