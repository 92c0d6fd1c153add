// Arch Linux (alpm / pacman vercmp) versions.
#include "assay/version/schemes/alpm.h"

namespace assay::version {

Result<AlpmVersion> AlpmVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "alpm versions are not implemented yet", std::string(text));
}

int AlpmVersion::compare(const AlpmVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
