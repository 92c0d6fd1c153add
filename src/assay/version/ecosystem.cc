// The ecosystem table. Review changes here with care: a wrong scheme silently turns a vulnerable
// version into a clean one. Names follow ossf/osv-schema ecosystems.json; purl types follow
// package-url/purl-spec purl-types-index.json.
#include "assay/version/ecosystem.h"

#include <array>

#include "assay/core/strings.h"

namespace assay::version {

namespace {

using enum Scheme;
using RS = RangeSyntax;

constexpr std::array kEcosystems{
    // Language package registries.
    Ecosystem{"npm", "npm", kNpm, RS::kNpm},
    Ecosystem{"PyPI", "pypi", kPep440, RS::kPep440},
    Ecosystem{"Maven", "maven", kMaven, RS::kMaven},
    Ecosystem{"Go", "golang", kGo, RS::kComparators},
    Ecosystem{"crates.io", "cargo", kCargo, RS::kCargo},
    Ecosystem{"NuGet", "nuget", kNuget, RS::kNuget},
    Ecosystem{"RubyGems", "gem", kRubyGems, RS::kRubyGems},
    Ecosystem{"Packagist", "composer", kComposer, RS::kComposer},
    Ecosystem{"Hex", "hex", kHex, RS::kComparators},
    Ecosystem{"Pub", "pub", kPub, RS::kComparators},
    Ecosystem{"CRAN", "cran", kCran, RS::kComparators},
    Ecosystem{"Bioconductor", "", kCran, RS::kComparators},
    Ecosystem{"Hackage", "hackage", kHackage, RS::kComparators},
    Ecosystem{"GHC", "", kHackage, RS::kComparators},
    Ecosystem{"ConanCenter", "conan", kConan, RS::kComparators},
    Ecosystem{"SwiftURL", "swift", kSemver, RS::kComparators},
    Ecosystem{"Bitnami", "bitnami", kSemver, RS::kComparators},
    Ecosystem{"Kubernetes", "", kGo, RS::kComparators},
    Ecosystem{"GitHub Actions", "github", kSemver, RS::kComparators},
    // Distributions: Debian family (dpkg order).
    Ecosystem{"Debian", "deb", kDebian, RS::kComparators},
    Ecosystem{"Ubuntu", "", kDebian, RS::kComparators},
    Ecosystem{"Echo", "", kDebian, RS::kComparators},
    // apk family.
    Ecosystem{"Alpine", "apk", kAlpine, RS::kComparators},
    Ecosystem{"Wolfi", "", kAlpine, RS::kComparators},
    Ecosystem{"Chainguard", "", kAlpine, RS::kComparators},
    Ecosystem{"MinimOS", "", kAlpine, RS::kComparators},
    Ecosystem{"Alpaquita", "", kAlpine, RS::kComparators},
    Ecosystem{"BellSoft Hardened Containers", "", kAlpine, RS::kComparators},
    // rpm family.
    Ecosystem{"Red Hat", "rpm", kRpm, RS::kComparators},
    Ecosystem{"AlmaLinux", "", kRpm, RS::kComparators},
    Ecosystem{"Rocky Linux", "", kRpm, RS::kComparators},
    Ecosystem{"SUSE", "", kRpm, RS::kComparators},
    Ecosystem{"openSUSE", "", kRpm, RS::kComparators},
    Ecosystem{"openEuler", "", kRpm, RS::kComparators},
    Ecosystem{"Photon OS", "", kRpm, RS::kComparators},
    Ecosystem{"Mageia", "", kRpm, RS::kComparators},
    Ecosystem{"Azure Linux", "", kRpm, RS::kComparators},
    // No ecosystem-specific order is published for these; the generic scheme is documented in
    // docs/formats/versions.md.
    Ecosystem{"Linux", "", kGeneric, RS::kComparators},
    Ecosystem{"OSS-Fuzz", "", kGeneric, RS::kComparators},
    Ecosystem{"Android", "", kGeneric, RS::kComparators},
    Ecosystem{"opam", "opam", kGeneric, RS::kComparators},
    Ecosystem{"Julia", "julia", kSemver, RS::kComparators},
    Ecosystem{"VSCode", "vscode-extension", kSemver, RS::kComparators},
    Ecosystem{"generic", "generic", kGeneric, RS::kComparators},
};

}  // namespace

std::span<const Ecosystem> all_ecosystems() {
  return kEcosystems;
}

const Ecosystem* find_ecosystem(std::string_view name) {
  // "Debian:12", "Alpine:v3.18", "Red Hat:rhel_aus:8.4::appstream", "Maven:https://..." all scope
  // an ecosystem; the order of versions is the base ecosystem's.
  const std::size_t colon = name.find(':');
  if (colon != std::string_view::npos) {
    name = name.substr(0, colon);
  }
  for (const Ecosystem& ecosystem : kEcosystems) {
    if (ecosystem.osv_name == name) {
      return &ecosystem;
    }
  }
  for (const Ecosystem& ecosystem : kEcosystems) {
    if (ascii_iequals(ecosystem.osv_name, name) ||
        (!ecosystem.purl_type.empty() && ascii_iequals(ecosystem.purl_type, name))) {
      return &ecosystem;
    }
  }
  return nullptr;
}

}  // namespace assay::version
