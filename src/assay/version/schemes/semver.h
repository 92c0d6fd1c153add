// SemVer 2.0.0 and its flavours: kSemver, kNpm, kCargo, kHex, kPub.
#ifndef ASSAY_VERSION_SCHEMES_SEMVER_H_
#define ASSAY_VERSION_SCHEMES_SEMVER_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class SemverVersion {
 public:
  // Parses `text`; fails with kInvalidInput naming the problem when it is not a valid version.
  [[nodiscard]] static Result<SemverVersion> parse(Scheme flavour, std::string_view text);

  // <0, 0 or >0. A total order. Never allocates.
  int compare(const SemverVersion& other) const noexcept;

 private:
  std::string text_;  // TODO(#2): replace with the parsed representation
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_SEMVER_H_
