// SemVer 2.0.0 and its flavours: kSemver (strict), kNpm (node-semver 7 SemVer, non-loose),
// kCargo (Rust semver crate 1.x), kHex (Elixir Version) and kPub (Dart pub_semver).
#ifndef ASSAY_VERSION_SCHEMES_SEMVER_H_
#define ASSAY_VERSION_SCHEMES_SEMVER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class SemverVersion {
 public:
  // Parses `text` under `flavour` (kSemver, kNpm, kCargo, kHex or kPub; any other scheme is
  // treated as kSemver). Fails with kInvalidInput naming the problem when `text` is not a version
  // that flavour's reference implementation accepts (docs/formats/versions.md lists the syntax).
  [[nodiscard]] static Result<SemverVersion> parse(Scheme flavour, std::string_view text);

  // Compares two version texts under `flavour` without building SemverVersion objects and without
  // allocating: the answer parse() + compare() would give. Returns nullopt when either text is
  // not valid, or lies outside this fast path (kPub, more than 8 pre-release identifiers); the
  // caller then takes the full path, which also reports the error.
  static std::optional<int> compare_text(Scheme flavour, std::string_view a,
                                         std::string_view b) noexcept;

  // <0, 0 or >0. A total order. Never allocates. Build metadata is ignored except under kPub,
  // where pub_semver orders versions by it after the pre-release.
  // Requires: both were parsed under the same flavour.
  int compare(const SemverVersion& other) const noexcept;

  Scheme flavour() const { return flavour_; }
  // The version without a leading "v" or surrounding whitespace: "1.2.3-rc.1+build".
  const std::string& canonical() const { return text_; }
  // The three numbers as written (digit strings, never empty).
  std::string_view major() const { return view(major_); }
  std::string_view minor() const { return view(minor_); }
  std::string_view patch() const { return view(patch_); }
  bool is_prerelease() const { return !pre_.empty(); }
  // The pre-release without its "-" ("rc.1"), empty when there is none.
  std::string_view prerelease() const;
  // The build metadata without its "+", empty when there is none.
  std::string_view build() const;
  std::size_t prerelease_size() const { return pre_.size(); }
  std::string_view prerelease_identifier(std::size_t index) const { return view(pre_[index]); }

 private:
  struct Part {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    bool numeric = false;    // compared as a number
    std::int64_t value = 0;  // kPub only: the number Dart's int.tryParse gives
  };

  std::string_view view(Part part) const {
    return std::string_view(text_).substr(part.begin, part.size);
  }
  int compare_parts(const std::vector<Part>& mine, const SemverVersion& other,
                    const std::vector<Part>& theirs) const noexcept;

  Scheme flavour_ = Scheme::kSemver;
  std::string text_;
  Part major_;
  Part minor_;
  Part patch_;
  std::vector<Part> pre_;
  std::vector<Part> build_;
  std::uint32_t pre_begin_ = 0;    // offset of the first pre-release identifier
  std::uint32_t build_begin_ = 0;  // offset of the first build identifier
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_SEMVER_H_
