// SemVer 2.0.0 and its flavours: kSemver, kNpm, kCargo, kHex, kPub.
#include "assay/version/schemes/semver.h"

namespace assay::version {

Result<SemverVersion> SemverVersion::parse(Scheme flavour, std::string_view text) {
  static_cast<void>(flavour);
  return fail(ErrorCode::kUnsupported, "semver versions are not implemented yet",
              std::string(text));
}

int SemverVersion::compare(const SemverVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
