// OpenSSL release versions: legacy letter releases (0.9.8zh, 1.0.2k, 1.1.1w) and 3.x and later
// (3.0.7, 3.2.0-alpha1), ordered as the vers 'openssl' type (univers OpensslVersion).
#ifndef ASSAY_VERSION_SCHEMES_OPENSSL_H_
#define ASSAY_VERSION_SCHEMES_OPENSSL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class OpensslVersion {
 public:
  // Accepts a legacy version, one of the release series 0.9.1-0.9.8, 1.0.0-1.0.2, 1.1.0, 1.1.1
  // followed by an optional patch text that does not start with a digit ("1.0.2k",
  // "0.9.7-beta3", "1.0.2zc-dev"), or a version MAJOR.MINOR.PATCH[-prerelease][+build] with
  // MAJOR >= 3. Fails with kInvalidInput otherwise.
  [[nodiscard]] static Result<OpensslVersion> parse(std::string_view text);

  // <0, 0 or >0. Legacy versions sort before 3.x. Legacy: by series and build number, then a
  // "-alpha"/"-beta" patch before every other patch of the same series, then patch texts
  // byte-wise ("" < "-cvs" < "a" < ... < "z" < "za" < "zc" < "zc-dev"). 3.x: SemVer 2.0.0
  // precedence, build metadata last (absent first). A total order. Never allocates.
  int compare(const OpensslVersion& other) const noexcept;

  bool is_legacy() const { return legacy_; }

 private:
  std::string_view part(std::size_t begin, std::size_t size) const {
    return std::string_view(text_).substr(begin, size);
  }

  std::string text_;
  bool legacy_ = true;
  // Legacy: major, minor, build numbers are text_ digit spans; patch follows.
  // 3.x: major, minor, patch numbers, prerelease and build spans.
  std::size_t number_begin_[3] = {0, 0, 0};
  std::size_t number_size_[3] = {0, 0, 0};
  bool has_pre_ = false;
  std::size_t pre_begin_ = 0;
  std::size_t pre_size_ = 0;
  bool has_build_ = false;
  std::size_t build_begin_ = 0;
  std::size_t build_size_ = 0;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_OPENSSL_H_
