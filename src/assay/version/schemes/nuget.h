// NuGet versions as NuGet.Versioning's NuGetVersion parses them and VersionComparer.Default
// orders them.
#ifndef ASSAY_VERSION_SCHEMES_NUGET_H_
#define ASSAY_VERSION_SCHEMES_NUGET_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class NugetVersion {
 public:
  // Parses `text` as NuGetVersion.TryParse does: 1 to 4 dot-separated non-negative 32-bit numbers
  // (leading zeros allowed; "1" and "1.0" mean 1.0.0), optional "-" release labels of
  // [0-9A-Za-z-] (numeric labels without leading zeros) and optional "+" metadata; surrounding
  // whitespace is ignored. Fails with kInvalidInput otherwise.
  [[nodiscard]] static Result<NugetVersion> parse(std::string_view text);

  // <0, 0 or >0 as VersionComparer.Default orders them: the four numbers, then release labels
  // (none sorts last; numeric labels before others; others compared case-insensitively);
  // metadata is ignored. A total order. Never allocates.
  int compare(const NugetVersion& other) const noexcept;

  // The version as written, trimmed.
  const std::string& text() const { return text_; }
  // NuGetVersion.ToNormalizedString(): "1.0.0", "1.2.3.4", "1.0.0-beta.1" (no metadata).
  std::string normalized() const;
  bool is_prerelease() const { return !labels_.empty(); }
  std::uint32_t number(int index) const { return numbers_[static_cast<std::size_t>(index)]; }

 private:
  struct Label {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    bool numeric = false;  // int.TryParse succeeds
    std::int32_t value = 0;
  };
  std::string_view view(const Label& label) const {
    return std::string_view(text_).substr(label.begin, label.size);
  }

  std::string text_;
  std::uint32_t numbers_[4] = {0, 0, 0, 0};
  std::vector<Label> labels_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_NUGET_H_
