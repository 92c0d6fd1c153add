// vers: version range specifiers (package-url/vers-spec): "vers:<scheme>/<constraint>|...".
#ifndef ASSAY_VERSION_VERS_H_
#define ASSAY_VERSION_VERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/ecosystem.h"
#include "assay/version/version.h"

namespace assay::version {

enum class VersComparator { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kAny };

// "=", "!=", "<", "<=", ">", ">=", "*".
std::string_view to_string(VersComparator comparator);

struct VersConstraint {
  VersComparator comparator = VersComparator::kEqual;
  std::optional<Version> version;  // absent only for kAny
};

class VersRange {
 public:
  // Parses and validates a vers URI, normalising what the specification's "validate" step
  // normalises: "vers:" and the type in any case, constraints in any order (they are sorted by
  // version, stably, then by comparator), an explicit "=" comparator, lower-case or unneeded
  // percent-encoding. Duplicate and redundant constraints are kept as written (the vers test
  // suite's validate cases require it; simplified() removes redundancy, and contains() works on
  // the simplified list). Rejects, with kInvalidInput naming the problem and the constraint:
  // whitespace, an empty constraint list, empty constraints (leading, trailing or doubled '|'),
  // '*' with other constraints, empty versions, bad percent-encoding, unencoded reserved
  // characters and versions that are not valid in the scheme. Fails with kUnsupported for an
  // unknown versioning scheme. Input longer than kMaxRangeBytes is rejected.
  [[nodiscard]] static Result<VersRange> parse(std::string_view text);

  // Parses `text` only if it is already canonical, as the vers specification requires of a vers
  // string: lower-case "vers:" and type, constraints strictly sorted by version with every
  // version once, '=' implicit, comparators in a valid sequence ('=' followed only by '=', '>',
  // '>='; bounds alternating '<'/'<=' and '>'/'>=', ignoring '!=' and '='), canonical
  // percent-encoding (upper-case hex, only for characters that need it), datetime values with
  // upper-case 'T' and 'Z'. Fails with kInvalidInput whose message starts "non-canonical vers:"
  // for each of those, and as parse() otherwise.
  [[nodiscard]] static Result<VersRange> parse_canonical(std::string_view text);

  // Builds a range from constraints, normalising their order as parse() does. Fails with
  // kUnsupported for an unknown versioning scheme, kInvalidInput when a constraint lacks a
  // version, holds a version of another scheme, or '*' is not alone.
  [[nodiscard]] static Result<VersRange> from_constraints(std::string_view versioning_scheme,
                                                          std::vector<VersConstraint> constraints);

  // The vers versioning scheme as written ("npm", "pypi", "deb", ...), lower case.
  const std::string& versioning_scheme() const { return versioning_scheme_; }
  Scheme scheme() const { return scheme_; }
  const std::vector<VersConstraint>& constraints() const { return constraints_; }

  // True for "*" (and for the special type "all").
  bool is_any() const;

  // The same range with redundant constraints removed by the procedure of the vers
  // specification's "how to parse" ("constraints simplification"): of two contiguous lower
  // bounds the first is kept, of two contiguous upper bounds the last, and an '=' inside a
  // bounded interval is dropped; '!=' constraints are kept.
  VersRange simplified() const;

  // The containment algorithm of the vers specification, applied to simplified(): '*' contains
  // everything; a version equal to a '=', '<=' or '>=' version is in, one equal to a '!='
  // version is out; otherwise the '<'/'<='/'>'/'>=' constraints are read pairwise as intervals.
  // Two cases the specification leaves open are decided as univers (the reference
  // implementation) does: a single bound is evaluated on its own ("vers:pypi/>0.0.2" contains
  // "0.0.3"), and a range of only '!=' constraints contains every other version. The type
  // "none" contains nothing. Does not allocate. Requires: version.scheme() == scheme().
  bool contains(const Version& version) const;
  // Parses `version` under scheme() first; fails with kInvalidInput if it is not valid.
  [[nodiscard]] Result<bool> contains(std::string_view version) const;

  // Canonical form: "vers:<type>/" then the constraints joined by '|', '=' left implicit,
  // versions percent-encoded where the specification requires ('<', '>', '=', '!', '*', '|',
  // '%', and bytes outside printable ASCII) with upper-case hex.
  std::string to_string() const;

 private:
  // Which of `constraints` (sorted) the simplification keeps.
  static std::vector<bool> simplification_mask(const std::vector<VersConstraint>& constraints);
  bool kept(std::size_t index) const;

  std::string versioning_scheme_;
  Scheme scheme_ = Scheme::kGeneric;
  bool none_ = false;  // the special type "none"
  std::vector<VersConstraint> constraints_;
  std::vector<bool> kept_;  // simplification_mask(constraints_); empty means all kept
};

// The version scheme for a vers versioning scheme name ("npm" -> kNpm, "deb" -> kDebian), or
// nullopt when unknown. Names follow the vers type registry and univers: npm, pypi, maven, gem,
// deb, rpm, apk, golang, nuget, cargo, composer, conan, hex, pub (and dart), cran, hackage,
// generic, semver, github, alpm, gentoo (and ebuild), openssl, nginx, intdot, datetime,
// lexicographic, and the special "all" and "none" (which map to kLexicographic: any text).
std::optional<Scheme> scheme_for_vers(std::string_view versioning_scheme);

// Converts a range written in an ecosystem's own syntax into vers. Syntaxes converted here:
// conan (Conan 2 version ranges: "[>1 <2.0 || ^3.2]" without the brackets, "~1.2", "^1.2",
// "*", "include_prerelease" flags ignored, as univers does), nginx (security advisory ranges:
// "0.7.52-0.8.39", "1.5.0+, 1.4.1+" where a '+' on a stable (even minor) branch stops at the
// next minor, "all") and openssl (comma-separated releases). Every other scheme is delegated to
// Range::parse_native() in the ecosystem's range syntax (npm ranges, PEP 440 specifiers,
// RubyGems requirements, NuGet and Maven intervals, Composer constraints, Cargo requirements;
// plain comparators elsewhere) and converted with Range::to_vers(). Fails with kInvalidInput
// naming the problem, or kUnsupported for an unknown scheme or a range vers cannot express.
[[nodiscard]] Result<VersRange> vers_from_native(std::string_view versioning_scheme,
                                                 std::string_view native_range);

// As above with an explicit syntax, e.g. RangeSyntax::kComparators for GitLab advisory ranges
// ("<3.4.1||>=4.3.0 <4.3.1"). The conan, nginx and openssl syntaxes ignore `syntax`.
[[nodiscard]] Result<VersRange> vers_from_native(std::string_view versioning_scheme,
                                                 RangeSyntax syntax, std::string_view native_range);

}  // namespace assay::version

#endif  // ASSAY_VERSION_VERS_H_
