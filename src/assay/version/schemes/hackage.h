// Hackage / GHC versions, ordered as Haskell's Data.Version.
#ifndef ASSAY_VERSION_SCHEMES_HACKAGE_H_
#define ASSAY_VERSION_SCHEMES_HACKAGE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class HackageVersion {
 public:
  // Parses `text` as Data.Version's parseVersion: runs of ASCII digits separated by '.', then
  // optional "-tag" suffixes of ASCII letters and digits ("1.2.3", "0.1-beta"). Fails with
  // kInvalidInput naming the offending byte.
  [[nodiscard]] static Result<HackageVersion> parse(std::string_view text);

  // <0, 0 or >0: the branch numbers compared as a list, numerically, the shorter prefix older
  // ("1.0" < "1.0.0"); tags are ignored, as Data.Version's Ord instance ignores them. A total
  // order. Never allocates.
  int compare(const HackageVersion& other) const noexcept;

 private:
  std::string text_;
  std::size_t branch_size_ = 0;  // bytes of the numeric branch, before any tag
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_HACKAGE_H_
