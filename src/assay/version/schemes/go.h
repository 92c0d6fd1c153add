// Go module versions (golang.org/x/mod/semver), +incompatible and pseudo-versions.
#ifndef ASSAY_VERSION_SCHEMES_GO_H_
#define ASSAY_VERSION_SCHEMES_GO_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class GoVersion {
 public:
  // Parses `text` as golang.org/x/mod/semver does, except that the leading "v" is optional (OSV
  // Go records omit it): "v1.2.3", "1.2.3", "v1.2" (= v1.2.0), "v1" (= v1.0.0),
  // "v2.0.0+incompatible", "v0.0.0-20210101000000-abcdefabcdef". Fails with kInvalidInput naming
  // the problem otherwise.
  [[nodiscard]] static Result<GoVersion> parse(std::string_view text);

  // <0, 0 or >0 as semver.Compare orders them. A total order. Never allocates. Build metadata
  // (including "+incompatible") is ignored.
  int compare(const GoVersion& other) const noexcept;

  // The canonical form semver.Canonical gives, with "v": "v1.2.0", "v1.2.3-pre". Build metadata
  // is dropped, as semver.Canonical drops it.
  std::string canonical() const;
  std::string_view major() const { return std::string_view(text_).substr(0, major_size_); }
  std::string_view minor() const;
  std::string_view patch() const;
  // Pre-release without its "-", empty when there is none.
  std::string_view prerelease() const;
  // Build metadata without its "+" ("incompatible"), empty when there is none.
  std::string_view build() const;

 private:
  std::string text_;  // "major.minor.patch[-pre][+build]", shorthand expanded, no "v"
  std::uint32_t major_size_ = 0;
  std::uint32_t minor_end_ = 0;
  std::uint32_t patch_end_ = 0;
  std::uint32_t pre_end_ = 0;  // == patch_end_ when there is no pre-release
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_GO_H_
