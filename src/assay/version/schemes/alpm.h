// Arch Linux package versions ([epoch:]pkgver[-pkgrel]), ordered as pacman's vercmp.
#ifndef ASSAY_VERSION_SCHEMES_ALPM_H_
#define ASSAY_VERSION_SCHEMES_ALPM_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class AlpmVersion {
 public:
  // Splits `text` as libalpm's parseEVR(): leading digits followed by ':' are the epoch
  // (default 0), the pkgrel follows the last '-'. pacman accepts any string; this accepts any
  // non-empty one without NUL bytes whose pkgver and pkgrel, when not empty, end with an ASCII
  // letter or digit (pacman's order is not transitive over trailing separators), and fails with
  // kInvalidInput otherwise.
  [[nodiscard]] static Result<AlpmVersion> parse(std::string_view text);

  // <0, 0 or >0 as alpm_pkg_vercmp(): epoch, pkgver, pkgrel, each with libalpm's rpmvercmp
  // (no '~'/'^' rules; a longer separator run wins; a trailing letter run is older than the
  // end). One deliberate difference: pacman ignores the pkgrel when only one side has one,
  // which is not transitive ("1.0-1" == "1.0" == "1.0-2" but "1.0-1" < "1.0-2"); here a
  // version without pkgrel sorts before the same version with any pkgrel. A total order. Never
  // allocates.
  int compare(const AlpmVersion& other) const noexcept;

 private:
  std::string_view part(std::size_t begin, std::size_t size) const {
    return std::string_view(text_).substr(begin, size);
  }

  std::string text_;
  std::size_t epoch_size_ = 0;  // the epoch is text_[0, epoch_size_)
  std::size_t version_begin_ = 0;
  std::size_t version_size_ = 0;
  bool has_release_ = false;
  std::size_t release_begin_ = 0;
  std::size_t release_size_ = 0;
};

// libalpm's rpmvercmp() on two strings: -1, 0 or 1. Never allocates.
int alpm_rpmvercmp(std::string_view a, std::string_view b) noexcept;

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_ALPM_H_
