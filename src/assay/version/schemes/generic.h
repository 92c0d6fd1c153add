// The documented generic fallback order.
#ifndef ASSAY_VERSION_SCHEMES_GENERIC_H_
#define ASSAY_VERSION_SCHEMES_GENERIC_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class GenericVersion {
 public:
  // Parses `text`; fails with kInvalidInput naming the problem when it is not a valid version.
  [[nodiscard]] static Result<GenericVersion> parse(std::string_view text);

  // <0, 0 or >0. A total order. Never allocates.
  int compare(const GenericVersion& other) const noexcept;

 private:
  std::string text_;  // TODO(#2): replace with the parsed representation
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_GENERIC_H_
