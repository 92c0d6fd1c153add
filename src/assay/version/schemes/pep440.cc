// PEP 440 versions as packaging.version orders them.
#include "assay/version/schemes/pep440.h"

namespace assay::version {

Result<Pep440Version> Pep440Version::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "pep440 versions are not implemented yet",
              std::string(text));
}

int Pep440Version::compare(const Pep440Version& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
