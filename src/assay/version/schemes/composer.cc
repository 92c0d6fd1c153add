// Composer/Packagist versions (composer/semver normalisation).
#include "assay/version/schemes/composer.h"

namespace assay::version {

Result<ComposerVersion> ComposerVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "composer versions are not implemented yet",
              std::string(text));
}

int ComposerVersion::compare(const ComposerVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
