// OSV "affected[].ranges" evaluation: SEMVER and ECOSYSTEM ranges with introduced, fixed,
// last_affected and limit events, in any order (OSV does not promise they are sorted).
#ifndef ASSAY_VERSION_OSV_RANGE_H_
#define ASSAY_VERSION_OSV_RANGE_H_

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
OsvEvaluation evaluate(const OsvRange& range, Scheme scheme, const std::string& version);

// Same, for an already parsed version. Requires: version.scheme() matches the range's scheme
// (kSemver for SEMVER ranges).
OsvEvaluation evaluate(const OsvRange& range, const Version& version);

}  // namespace assay::version

#endif  // ASSAY_VERSION_OSV_RANGE_H_
