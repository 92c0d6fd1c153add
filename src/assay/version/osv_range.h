// OSV "affected[].ranges" evaluation: SEMVER and ECOSYSTEM ranges with introduced, fixed,
// last_affected and limit events, in any order (OSV does not promise they are sorted).
#ifndef ASSAY_VERSION_OSV_RANGE_H_
#define ASSAY_VERSION_OSV_RANGE_H_

#include <span>
#include <string>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/version.h"

namespace assay::version {

enum class OsvEventKind { kIntroduced, kFixed, kLastAffected, kLimit };

struct OsvEvent {
  OsvEventKind kind = OsvEventKind::kIntroduced;
  std::string version;  // "0" for introduced means "from the beginning"
};

enum class OsvRangeType { kSemver, kEcosystem, kGit };

struct OsvRange {
  OsvRangeType type = OsvRangeType::kEcosystem;
  std::vector<OsvEvent> events;
};

// What evaluating a range against one version concluded.
enum class OsvVerdict {
  kAffected,
  kNotAffected,
  kUnknown,  // could not decide (an unparseable bound or version); see reason
};

struct OsvEvaluation {
  OsvVerdict verdict = OsvVerdict::kUnknown;
  std::string reason;  // why, for kUnknown; empty otherwise
};

// Evaluates `range` for `version` using `scheme` for ECOSYSTEM ranges (SEMVER ranges always use
// SemVer 2.0.0 precedence; GIT ranges give kUnknown). Events are sorted by the scheme's order
// first, following the OSV specification's evaluation algorithm. An unparseable bound or version
// gives kUnknown with the reason, never kNotAffected.
//
// Details (docs/formats/versions.md, "OSV ranges"):
// - introduced "0" sorts before every version; a limit containing '*' is infinity; without limit
//   events the range is unlimited, with them the version must be below one of them;
// - events with equal versions are applied introduced, then last_affected, then fixed, so
//   {introduced X, fixed X} is empty and {introduced X, last_affected X} is {X};
// - in SEMVER ranges a leading 'v' before a digit is ignored in the version and the bounds (Go
//   module versions are "v1.2.3", Go vulndb bounds "1.2.3"); build metadata does not count;
// - a range without events, or without an introduced event, is kUnknown.
OsvEvaluation evaluate(const OsvRange& range, Scheme scheme, const std::string& version);

// Same, for an already parsed version; bounds are parsed with version.scheme(). Requires:
// version.scheme() matches the range's scheme (a SemVer-family scheme: kSemver, kNpm, kCargo,
// kHex, kPub or kGo, for SEMVER ranges); otherwise the result is kUnknown saying so.
OsvEvaluation evaluate(const OsvRange& range, const Version& version);

// Evaluates all ranges of one affected[] entry: kAffected if any range affects the version,
// otherwise kUnknown if any range could not be decided (GIT ranges included; the reasons are
// joined with "; "), otherwise kNotAffected (also for no ranges at all).
OsvEvaluation evaluate(std::span<const OsvRange> ranges, Scheme scheme, const std::string& version);

}  // namespace assay::version

#endif  // ASSAY_VERSION_OSV_RANGE_H_
