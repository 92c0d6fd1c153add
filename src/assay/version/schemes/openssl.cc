// OpenSSL release versions (1.0.2k, 3.0.7).
#include "assay/version/schemes/openssl.h"

namespace assay::version {

Result<OpensslVersion> OpensslVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "openssl versions are not implemented yet",
              std::string(text));
}

int OpensslVersion::compare(const OpensslVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
