// Version schemes: each way an ecosystem orders its version strings. The ecosystem table
// (ecosystem.h) maps OSV ecosystem names and purl types onto these.
#ifndef ASSAY_VERSION_SCHEME_H_
#define ASSAY_VERSION_SCHEME_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace assay::version {

enum class Scheme : std::uint8_t {
  kSemver,    // SemVer 2.0.0 precedence, strict syntax (OSV "SEMVER" ranges, Bitnami, SwiftURL)
  kNpm,       // node-semver: SemVer 2.0.0 with node's leniencies (leading "v"/"=", whitespace)
  kCargo,     // crates.io (Rust semver crate); precedence ignores build metadata
  kHex,       // Hex / Elixir Version (SemVer 2.0.0)
  kPub,       // Dart pub_semver (SemVer 2.0.0 order plus build metadata ordering)
  kGo,        // Go modules: golang.org/x/mod/semver, +incompatible, pseudo-versions, "v" optional
  kPep440,    // PyPI: PEP 440 (packaging.version)
  kMaven,     // Maven ComparableVersion
  kRubyGems,  // Gem::Version
  kComposer,  // Packagist: composer/semver VersionParser::normalize + Comparator
  kNuget,     // NuGet.Versioning (SemVer 2.0.0 with a fourth number, case-insensitive labels)
  kDebian,    // dpkg (epoch:upstream-revision, "~" sorts first)
  kRpm,       // rpmvercmp with epoch and release, "~" and "^"
  kAlpine,    // apk-tools version.c (suffixes _alpha.._p, -rN)
  kCran,      // R package_version (numbers separated by "." or "-")
  kHackage,   // Haskell Data.Version (numeric branches)
  kConan,     // ConanCenter (conans.model.version.Version)
  kGeneric,   // documented fallback: numeric and alphabetic runs compared in turn
  // Schemes that vers: (package-url/vers-spec) names and that no OSV ecosystem uses.
  kAlpm,           // Arch Linux pacman vercmp
  kGentoo,         // Gentoo package manager specification
  kOpenssl,        // OpenSSL releases: 1.0.2k, 3.0.7
  kNginx,          // nginx releases (dot-separated integers)
  kIntdot,         // dot-separated integers
  kDatetime,       // RFC 3339 timestamps
  kLexicographic,  // byte-wise order
};

// All schemes, in declaration order.
std::span<const Scheme> all_schemes();

// Stable lower-case name, e.g. "pep440", "debian"; used in CLI output and test data.
std::string_view to_string(Scheme scheme);

// Inverse of to_string.
std::optional<Scheme> scheme_from_name(std::string_view name);

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEME_H_
