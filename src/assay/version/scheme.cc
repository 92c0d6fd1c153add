// Scheme names.
#include "assay/version/scheme.h"

#include <array>

namespace assay::version {

namespace {
struct SchemeName {
  Scheme scheme;
  std::string_view name;
};
constexpr std::array kSchemeNames{
    SchemeName{Scheme::kSemver, "semver"},
    SchemeName{Scheme::kNpm, "npm"},
    SchemeName{Scheme::kCargo, "cargo"},
    SchemeName{Scheme::kHex, "hex"},
    SchemeName{Scheme::kPub, "pub"},
    SchemeName{Scheme::kGo, "go"},
    SchemeName{Scheme::kPep440, "pep440"},
    SchemeName{Scheme::kMaven, "maven"},
    SchemeName{Scheme::kRubyGems, "rubygems"},
    SchemeName{Scheme::kComposer, "composer"},
    SchemeName{Scheme::kNuget, "nuget"},
    SchemeName{Scheme::kDebian, "debian"},
    SchemeName{Scheme::kRpm, "rpm"},
    SchemeName{Scheme::kAlpine, "alpine"},
    SchemeName{Scheme::kCran, "cran"},
    SchemeName{Scheme::kHackage, "hackage"},
    SchemeName{Scheme::kConan, "conan"},
    SchemeName{Scheme::kGeneric, "generic"},
    SchemeName{Scheme::kAlpm, "alpm"},
    SchemeName{Scheme::kGentoo, "gentoo"},
    SchemeName{Scheme::kOpenssl, "openssl"},
    SchemeName{Scheme::kNginx, "nginx"},
    SchemeName{Scheme::kIntdot, "intdot"},
    SchemeName{Scheme::kDatetime, "datetime"},
    SchemeName{Scheme::kLexicographic, "lexicographic"},
};
constexpr std::array kSchemes{
    Scheme::kSemver,  Scheme::kNpm,    Scheme::kCargo,   Scheme::kHex,      Scheme::kPub,
    Scheme::kGo,      Scheme::kPep440, Scheme::kMaven,   Scheme::kRubyGems, Scheme::kComposer,
    Scheme::kNuget,   Scheme::kDebian, Scheme::kRpm,     Scheme::kAlpine,   Scheme::kCran,
    Scheme::kHackage, Scheme::kConan,  Scheme::kGeneric, Scheme::kAlpm,     Scheme::kGentoo,
    Scheme::kOpenssl, Scheme::kNginx,  Scheme::kIntdot,  Scheme::kDatetime, Scheme::kLexicographic,
};
}  // namespace

std::span<const Scheme> all_schemes() {
  return kSchemes;
}

std::string_view to_string(Scheme scheme) {
  for (const SchemeName& entry : kSchemeNames) {
    if (entry.scheme == scheme) {
      return entry.name;
    }
  }
  return "generic";
}

std::optional<Scheme> scheme_from_name(std::string_view name) {
  for (const SchemeName& entry : kSchemeNames) {
    if (entry.name == name) {
      return entry.scheme;
    }
  }
  return std::nullopt;
}

}  // namespace assay::version
