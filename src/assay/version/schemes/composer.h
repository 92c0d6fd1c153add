// Composer/Packagist versions: composer/semver 3 VersionParser::normalize, then Comparator order.
#ifndef ASSAY_VERSION_SCHEMES_COMPOSER_H_
#define ASSAY_VERSION_SCHEMES_COMPOSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class ComposerVersion {
 public:
  // Normalises `text` as composer/semver's VersionParser::normalize does ("v1.2" ->
  // "1.2.0.0", "1.0RC1" -> "1.0.0.0-RC1", "1.x-dev" -> "1.9999999.9999999.9999999-dev",
  // "master" -> "dev-master", "1.0 as 2.0", "1.0@beta" and "+build" stripped). Fails with
  // kInvalidInput where normalize throws ("Invalid version string").
  [[nodiscard]] static Result<ComposerVersion> parse(std::string_view text);

  // A version already in normalised form, taken as composer/semver's Constraint takes one:
  // unchecked, so bounds that parseConstraint builds by appending suffixes ("1.0.0.0-dev-dev")
  // compare as PHP's version_compare compares them.
  [[nodiscard]] static ComposerVersion from_normalized(std::string_view normalized);

  // <0, 0 or >0 as composer/semver's Comparator orders the normalised versions (PHP's
  // version_compare; "dev-" branches sort before every other version). Composer does not order
  // two different dev branches; Assay orders them by name (docs/formats/versions.md). A total
  // order. Never allocates.
  int compare(const ComposerVersion& other) const noexcept;

  // The normalised form: "1.2.0.0-beta1", "dev-main".
  const std::string& normalized() const { return normalized_; }
  bool is_branch() const { return branch_; }

 private:
  struct Token {
    bool number = false;
    std::int8_t rank = -1;    // words: dev 0, alpha 1, beta 2, RC 3, patch/pl 5, other -1
    std::uint64_t value = 0;  // numbers, saturated at LONG_MAX as PHP's strtol does
  };

  std::string normalized_;
  bool branch_ = false;
  std::vector<Token> tokens_;  // version_compare's canonical parts
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_COMPOSER_H_
