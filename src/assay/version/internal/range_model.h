// Private model behind Range: a union of clauses, each an intersection of bounds, plus the
// ecosystem's own rules for pre-releases and special operators. Used only by range*.cc.
#ifndef ASSAY_VERSION_INTERNAL_RANGE_MODEL_H_
#define ASSAY_VERSION_INTERNAL_RANGE_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/ecosystem.h"
#include "assay/version/range.h"
#include "assay/version/vers.h"
#include "assay/version/version.h"

namespace assay::version::internal {

enum class Op : std::uint8_t {
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  // PEP 440 operators whose meaning is more than an order comparison.
  kPepLt,           // "<": also excludes pre-releases of the bound's own release
  kPepGt,           // ">": also excludes post-releases and local versions of the bound
  kPepEqual,        // "==" (local-insensitive unless the bound has a local part)
  kPepNotEqual,     // "!="
  kPepPrefix,       // "==X.*"
  kPepNotPrefix,    // "!=X.*"
  kPepCompatible,   // "~="
  kPepArbitrary,    // "==="
  kPepLe,           // "<=" on the public version
  kPepGe,           // ">=" on the public version
  kGemPessimistic,  // RubyGems "~>": >= bound and release < bump(bound)
  // Cargo "=M", ">=M", "<=M", "~M" (and M.m): no pre-release in [version, extra) matches;
  // extra absent means no upper end. Ignored under PrereleasePolicy::kInclude.
  kCargoNoPrerelease,
};

struct Bound {
  Op op = Op::kEq;
  std::optional<Version> version;  // absent only for kPepArbitrary / kPepPrefix text
  std::string text;                // the bound as written (for vers output and PEP 440 text ops)
  std::optional<Version> extra;    // kGemPessimistic: the bump; kCargoNoPrerelease: the end
  bool synthetic = false;          // a "-0" bound derived from a partial version (Cargo)
};

// A conjunction of bounds. Empty means "any version".
using Clause = std::vector<Bound>;

enum class PrereleaseRule : std::uint8_t {
  kNone,    // pre-releases are ordinary versions
  kNode,    // node-semver / Cargo: only with a same-release pre-release bound in the clause
  kPep440,  // packaging SpecifierSet: only when a specifier names a pre-release
};

// One constraint of a vers range, before canonical ordering.
struct VersItem {
  std::string comparator;  // "=", "!=", "<", "<=", ">", ">=", "*"
  std::string version;     // as it will be written (before percent-encoding)
  std::optional<Version> parsed;
};

struct Model {
  std::vector<Clause> clauses;          // kEcosystem semantics
  std::vector<Clause> include_clauses;  // kInclude semantics (empty: same as clauses)
  bool include_invalid = false;         // npm: the range cannot be built under includePrerelease
  PrereleaseRule prerelease_rule = PrereleaseRule::kNone;
  bool pep440_allows_prereleases = false;
  // What to_vers() writes: a union of clauses in the vers-spec conventions; or why it cannot.
  std::vector<std::vector<VersItem>> vers_clauses;
  std::string vers_unsupported;  // non-empty: to_vers() fails with this message
};

// Native parsers, one per syntax (range_native.cc). Each fails with kInvalidInput naming the
// problem, or kUnsupported for valid syntax Assay cannot evaluate.
Result<Model> parse_npm(Scheme scheme, std::string_view text);
Result<Model> parse_cargo(Scheme scheme, std::string_view text);
Result<Model> parse_pep440(Scheme scheme, std::string_view text);
Result<Model> parse_maven(Scheme scheme, std::string_view text);
Result<Model> parse_rubygems(Scheme scheme, std::string_view text);
Result<Model> parse_composer(Scheme scheme, std::string_view text);
Result<Model> parse_nuget(Scheme scheme, std::string_view text);
Result<Model> parse_comparators(Scheme scheme, std::string_view text);

// Whether `version` satisfies one bound with a plain comparison operator.
bool satisfies(const Bound& bound, const Version& version);
bool satisfies_pep440(const Bound& bound, const Version& version);
bool satisfies_gem_pessimistic(const Bound& bound, const Version& version);

// The vers versioning-scheme name for a scheme ("npm", "pypi", "gem", "deb").
std::string_view vers_type(Scheme scheme);

}  // namespace assay::version::internal

#endif  // ASSAY_VERSION_INTERNAL_RANGE_MODEL_H_
