// RPM versions: [epoch:]version[-release], ordered as rpm's rpmverCmp() over rpmvercmp().
#ifndef ASSAY_VERSION_SCHEMES_RPM_H_
#define ASSAY_VERSION_SCHEMES_RPM_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class RpmVersion {
 public:
  // Splits `text` as rpm's rpmverParse()/parseEVR() does: leading digits followed by ':' are
  // the epoch (":1.0" has epoch "0"); the release is what follows the last '-' after the epoch.
  // rpm accepts any non-empty string, and so does this, except that NUL bytes (which a C string
  // cannot hold) are rejected. Fails with kInvalidInput for an empty string or a NUL byte.
  [[nodiscard]] static Result<RpmVersion> parse(std::string_view text);

  // <0, 0 or >0 exactly as rpm.vercmp() (rpmverCmp): epochs (missing = "0"), then versions,
  // then releases, each with rpmvercmp ('~' sorts before everything, '^' after the base version
  // but before anything else, digit runs newer than letter runs, other characters separate).
  // A version without a release sorts before the same version with any release. A total
  // order. Never allocates.
  int compare(const RpmVersion& other) const noexcept;

  // Empty when absent.
  std::string_view epoch() const { return part(epoch_begin_, epoch_size_); }
  std::string_view version() const { return part(version_begin_, version_size_); }
  bool has_release() const { return has_release_; }
  std::string_view release() const { return part(release_begin_, release_size_); }

 private:
  std::string_view part(std::size_t begin, std::size_t size) const {
    return std::string_view(text_).substr(begin, size);
  }

  std::string text_;
  std::size_t epoch_begin_ = 0;
  std::size_t epoch_size_ = 0;
  std::size_t version_begin_ = 0;
  std::size_t version_size_ = 0;
  bool has_release_ = false;
  std::size_t release_begin_ = 0;
  std::size_t release_size_ = 0;
};

// rpm's rpmvercmp() on two strings: -1, 0 or 1. Exposed for tests and for the alpm scheme's
// documentation; never allocates.
int rpmvercmp(std::string_view a, std::string_view b) noexcept;

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_RPM_H_
