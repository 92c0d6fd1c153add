// Plain byte-wise order (vers 'lexicographic').
#ifndef ASSAY_VERSION_SCHEMES_LEXICOGRAPHIC_H_
#define ASSAY_VERSION_SCHEMES_LEXICOGRAPHIC_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class LexicographicVersion {
 public:
  // Accepts any non-empty well-formed UTF-8 text; fails with kInvalidInput otherwise.
  [[nodiscard]] static Result<LexicographicVersion> parse(std::string_view text);

  // <0, 0 or >0 comparing the UTF-8 bytes as unsigned bytes, without normalisation; a prefix
  // sorts first. A total order. Never allocates.
  int compare(const LexicographicVersion& other) const noexcept;

 private:
  std::string text_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_LEXICOGRAPHIC_H_
