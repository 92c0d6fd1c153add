// CRAN / Bioconductor versions, ordered as R's package_version.
#ifndef ASSAY_VERSION_SCHEMES_CRAN_H_
#define ASSAY_VERSION_SCHEMES_CRAN_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class CranVersion {
 public:
  // Parses `text` as R's package_version(strict = TRUE): at least two runs of ASCII digits
  // separated by '.' or '-' ("1.0", "0.1-2", "1.2.3.4"), nothing else. Fails with
  // kInvalidInput naming the offending byte.
  [[nodiscard]] static Result<CranVersion> parse(std::string_view text);

  // <0, 0 or >0: the numbers compared in turn, numerically ("1.01" == "1.1" == "1-1"); when one
  // is a prefix of the other the shorter is older ("1.0" < "1.0.0"). A total order. Never
  // allocates.
  int compare(const CranVersion& other) const noexcept;

 private:
  std::string text_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_CRAN_H_
