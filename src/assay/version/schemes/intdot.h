// Dot-separated integers (vers 'intdot', also used for 'nginx').
#ifndef ASSAY_VERSION_SCHEMES_INTDOT_H_
#define ASSAY_VERSION_SCHEMES_INTDOT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class IntdotVersion {
 public:
  // Accepts text that starts with ASCII digits; as the vers intdot definition says, reading
  // stops at the first byte that is not a digit or a dot, and the rest is ignored. The numeric
  // part is the longest prefix of the form digits{.digits}. Fails with kInvalidInput when the
  // text is empty or does not start with a digit.
  [[nodiscard]] static Result<IntdotVersion> parse(std::string_view text);

  // <0, 0 or >0: the numbers in turn, numerically (leading zeros ignored); a missing number
  // counts as 0, so "1.2" == "1.2.0". A total order. Never allocates.
  int compare(const IntdotVersion& other) const noexcept;

  // The numeric part, e.g. "1.2.3" for "1.2.3-beta".
  std::string_view numbers() const { return std::string_view(text_).substr(0, numbers_size_); }

 private:
  std::string text_;
  std::size_t numbers_size_ = 0;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_INTDOT_H_
