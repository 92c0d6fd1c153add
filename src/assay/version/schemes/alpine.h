// Alpine apk-tools versions: digit{.digit}...{letter}{_suffix{number}}...{-r#}, ordered as
// apk-tools 2 (the apk shipped by Alpine releases and used for their security database).
#ifndef ASSAY_VERSION_SCHEMES_ALPINE_H_
#define ASSAY_VERSION_SCHEMES_ALPINE_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class AlpineVersion {
 public:
  // Accepts what apk-tools 2's apk_version_validate() accepts: numbers separated by '.', an
  // optional lower-case letter (which may again be followed by digits, as in "7.9p1"), any
  // number of "_suffix[digits]" (alpha, beta, pre, rc, cvs, svn, git, hg, p), and "-r" revisions.
  // Numbers of 18 or more digits are invalid, as in apk. Fails with kInvalidInput saying which
  // byte broke the grammar.
  [[nodiscard]] static Result<AlpineVersion> parse(std::string_view text);

  // <0, 0 or >0 exactly as apk-tools 2's apk_version_compare(): token by token; a number after
  // '.' that starts with '0' sorts before every number that does not and by its count of
  // leading zeros; _alpha < _beta < _pre < _rc < (nothing) < _cvs < _svn < _git < _hg < _p;
  // when one version runs out first, what follows in the other decides (a pre-release suffix is
  // older, a revision, suffix, letter or number newer). A total order. Never allocates.
  int compare(const AlpineVersion& other) const noexcept;

 private:
  std::string text_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_ALPINE_H_
