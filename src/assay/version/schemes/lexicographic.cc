// Plain byte-wise order (vers 'lexicographic').
#include "assay/version/schemes/lexicographic.h"

namespace assay::version {

Result<LexicographicVersion> LexicographicVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "lexicographic versions are not implemented yet",
              std::string(text));
}

int LexicographicVersion::compare(const LexicographicVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
