// The one table of ecosystems: OSV ecosystem name <-> purl type <-> version scheme <-> native range
// syntax. Reviewed in one place (ecosystem.cc); every claimed purl type has a scheme.
#ifndef ASSAY_VERSION_ECOSYSTEM_H_
#define ASSAY_VERSION_ECOSYSTEM_H_

#include <cstdint>
#include <span>
#include <string_view>

#include "assay/version/scheme.h"

namespace assay::version {

// The syntax a vendor or advisory uses for a range of versions in this ecosystem.
enum class RangeSyntax : std::uint8_t {
  kNpm,          // node-semver ranges: "^1.2.3 || >=2.0.0 <2.1.0", "1.x", "1.2 - 1.4"
  kCargo,        // Cargo requirements: "^1.2", "~1.2", "1.*", ">=1, <2" (bare version means caret)
  kPep440,       // PEP 440 specifiers: ">=1.0,<2.0,!=1.5.*", "~=1.4.2", "===x"
  kMaven,        // Maven ranges: "[1.0,2.0)", "(,1.0],[1.2,)", "1.0" (soft requirement)
  kRubyGems,     // Gem::Requirement: ">= 1.0, < 2", "~> 1.2"
  kComposer,     // composer/semver constraints: "^1.2 || ~2.0", ">=1.0 <2.0", "1.0.*", "1.0 - 2.0"
  kNuget,        // NuGet ranges: "[1.0,2.0)", "1.0" (minimum, inclusive)
  kComparators,  // generic: comparators (<, <=, >, >=, =, !=) joined by "," or space, "||" for or
};

struct Ecosystem {
  std::string_view osv_name;   // as OSV spells it: "PyPI", "crates.io", "Red Hat"
  std::string_view purl_type;  // "pypi", "cargo", "rpm"; empty if purl has no type for it
  Scheme scheme;
  RangeSyntax range_syntax;
};

// Every ecosystem Assay knows, OSV-name order.
std::span<const Ecosystem> all_ecosystems();

// Finds an ecosystem by OSV name (exact, then case-insensitive; a ":suffix" such as "Debian:12"
// or "Alpine:v3.18" is ignored) or by purl type. Returns nullptr when unknown.
const Ecosystem* find_ecosystem(std::string_view name);

}  // namespace assay::version

#endif  // ASSAY_VERSION_ECOSYSTEM_H_
