// OpenSSL release versions (1.0.2k, 3.0.7).
#ifndef ASSAY_VERSION_SCHEMES_OPENSSL_H_
#define ASSAY_VERSION_SCHEMES_OPENSSL_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class OpensslVersion {
 public:
  // Parses `text`; fails with kInvalidInput naming the problem when it is not a valid version.
  [[nodiscard]] static Result<OpensslVersion> parse(std::string_view text);

  // <0, 0 or >0. A total order. Never allocates.
  int compare(const OpensslVersion& other) const noexcept;

 private:
  std::string text_;  // TODO(#2): replace with the parsed representation
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_OPENSSL_H_
