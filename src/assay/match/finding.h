// A finding: one known vulnerability (all of its aliases merged) in one component, with what a
// council needs to prioritise it and what the vendor said about it.
#ifndef ASSAY_MATCH_FINDING_H_
#define ASSAY_MATCH_FINDING_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/model/intel.h"
#include "assay/model/vex.h"

namespace assay::match {

enum class Verdict {
  kAffected,          // the version is inside an affected range or list
  kPossiblyAffected,  // could not be decided; `reason` says why (never reported as clean)
};
std::string_view to_string(Verdict verdict);  // "affected", "possibly_affected"

enum class MatchMethod { kPurl, kCpe };
std::string_view to_string(MatchMethod method);  // "purl", "cpe"

enum class SeverityLevel { kCritical, kHigh, kMedium, kLow, kNone, kUnknown };
std::string_view to_string(SeverityLevel level);  // "critical" ... "unknown"
std::optional<SeverityLevel> severity_from_name(std::string_view name);
// CVSS v3/v4 qualitative rating of a base score.
SeverityLevel severity_for_score(double score);

struct FindingComponent {
  std::string ref;
  std::string purl;
  std::string name;
  std::string version;
  std::optional<std::uint32_t> depth;  // 1 direct, >1 transitive, nullopt unknown
  std::vector<std::string> path;       // subject ... component, by ref
};

struct FindingSeverity {
  std::optional<double> cvss_score;  // base score computed from the vector
  std::string cvss_vector;
  std::string cvss_version;   // "2.0", "3.0", "3.1", "4.0"
  std::string source_rating;  // the source's own word: "HIGH", "Moderate", ...
  SeverityLevel level = SeverityLevel::kUnknown;
};

struct FindingVex {
  model::VexStatus status = model::VexStatus::kUnderInvestigation;
  std::string justification;
  std::string impact_statement;
  std::string action_statement;
  std::string source;  // document and location of the statement that applied
};

struct Finding {
  FindingComponent component;
  std::string id;                    // the id shown first (a CVE when the group has one)
  std::vector<std::string> aliases;  // every other id in the merged group, sorted
  std::vector<std::string> sources;  // the advisory ids that matched (before merging)
  std::string summary;
  FindingSeverity severity;
  std::optional<model::KevEntry> kev;
  std::optional<model::EpssScore> epss;
  std::string epss_date;
  std::vector<std::string> fixed_versions;  // every fix any matching advisory names
  std::string nearest_fix;  // the lowest fixed version above the component's version, or ""
  bool malicious = false;   // an OpenSSF MAL- record: the package itself is malicious
  Verdict verdict = Verdict::kAffected;
  std::string reason;  // why possibly affected; how matched otherwise
  MatchMethod method = MatchMethod::kPurl;
  std::optional<FindingVex> vex;
  bool suppressed = false;              // a not_affected or fixed VEX statement applies
  std::vector<std::string> references;  // advisory URLs
  // The earliest publication date (RFC 3339 as written) among the matching advisories; "" when
  // none gives one. Patch timeliness (assess CHK-PATCH-01) starts its clock here.
  std::string published;
};

}  // namespace assay::match

#endif  // ASSAY_MATCH_FINDING_H_
