// Byte-wise version order over UTF-8 text (vers 'lexicographic').
#include "assay/version/schemes/lexicographic.h"

#include "assay/core/utf8.h"
#include "assay/version/internal/text.h"

namespace assay::version {

Result<LexicographicVersion> LexicographicVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid lexicographic version: version is empty");
  }
  if (const auto bad = find_invalid_utf8(text)) {
    return fail(ErrorCode::kInvalidInput,
                "invalid lexicographic version: not UTF-8 at byte " + std::to_string(*bad));
  }
  LexicographicVersion version;
  version.text_ = std::string(text);
  return version;
}

int LexicographicVersion::compare(const LexicographicVersion& other) const noexcept {
  return internal::compare_bytes(text_, other.text_);
}

}  // namespace assay::version
