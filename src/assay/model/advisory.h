// The normalised advisory model: OSV's shape (the richest common denominator), which OSV JSON/YAML
// and CSAF readers both produce, and which the vulnerability database stores and matches.
#ifndef ASSAY_MODEL_ADVISORY_H_
#define ASSAY_MODEL_ADVISORY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/version/osv_range.h"

namespace assay::model {

// A severity as the source states it: a CVSS vector (type "CVSS_V2", "CVSS_V3", "CVSS_V4") or an
// ecosystem rating (type "Ubuntu", "Debian", or "RATING" for a bare word such as "HIGH").
struct SeverityScore {
  std::string type;
  std::string score;  // the vector or the rating, as written
};

struct AdvisoryReference {
  std::string type;  // ADVISORY, ARTICLE, DETECTION, DISCUSSION, REPORT, FIX, INTRODUCED, PACKAGE,
                     // EVIDENCE, WEB
  std::string url;
};

struct Credit {
  std::string name;
  std::vector<std::string> contact;
  std::string type;  // FINDER, REPORTER, ANALYST, COORDINATOR, REMEDIATION_DEVELOPER, ...
};

struct AffectedPackage {
  std::string ecosystem;  // OSV ecosystem string as written, e.g. "Debian:12", "PyPI"
  std::string name;
  std::string purl;
  std::vector<version::OsvRange> ranges;
  std::vector<std::string> versions;  // explicit enumeration
  std::vector<SeverityScore> severity;
  std::string ecosystem_specific_json;  // raw JSON, "" when absent
  std::string database_specific_json;
  // For GIT ranges: the repository.
  std::vector<std::string> repositories;
  // CPEs naming the product (CSAF product identification helpers); used only for opt-in CPE
  // matching.
  std::vector<std::string> cpes;
};

struct Advisory {
  std::string id;  // "GHSA-...", "CVE-...", "GO-2023-0001", "MAL-2022-1"
  std::string schema_version;
  std::string modified;  // RFC 3339 as written
  std::string published;
  std::string withdrawn;  // non-empty means withdrawn: must not match
  std::vector<std::string> aliases;
  std::vector<std::string> related;
  std::vector<std::string> upstream;
  std::string summary;
  std::string details;
  std::vector<SeverityScore> severity;
  std::vector<AffectedPackage> affected;
  std::vector<AdvisoryReference> references;
  std::vector<Credit> credits;
  std::vector<std::string> cwes;  // "CWE-79"
  std::string database_specific_json;
  std::string source_format;    // "osv-json", "osv-yaml", "csaf"
  std::string source_location;  // file name or archive member

  bool is_withdrawn() const { return !withdrawn.empty(); }
  // MAL- records (OpenSSF malicious packages) flag a malicious package, not a flaw.
  bool is_malicious() const;
};

}  // namespace assay::model

#endif  // ASSAY_MODEL_ADVISORY_H_
