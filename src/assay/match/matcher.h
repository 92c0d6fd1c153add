// The matcher: components x advisories x VEX -> findings, following design.md §4: identity is the
// purl (CPE only when asked, and labelled); an unparseable version or bound gives "possibly
// affected" with the reason, never "clean"; OSV events are sorted before evaluation; withdrawn
// advisories never match; aliases merge into one finding; VEX applies at match time, scoped to the
// product and component it names. Pure: all data comes through AdvisorySource.
#ifndef ASSAY_MATCH_MATCHER_H_
#define ASSAY_MATCH_MATCHER_H_

#include <string>
#include <vector>

#include "assay/core/result.h"
#include "assay/match/finding.h"
#include "assay/match/source.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::match {

struct ScanOptions {
  bool match_cpe = false;  // also match components by CPE vendor:product (each finding labelled)
};

// A component that could not be checked, and why; never dropped silently.
struct SkippedComponent {
  std::string ref;
  std::string name;
  std::string version;
  std::string purl;
  std::string reason;
};

struct ScanResult {
  std::vector<Finding> findings;  // priority order (sort_by_priority); suppressed ones included
  std::vector<SkippedComponent> skipped;
  std::size_t components = 0;  // in the SBOM
  std::size_t checked = 0;     // with an identity that advisories use
};

// Matches every component of `sbom` against `source`, applying `vex` (statements from any
// documents; CycloneDX VEX embedded in the SBOM should be passed here too). Fails only when the
// source cannot be read (kIo).
[[nodiscard]] Result<ScanResult> scan(const model::Sbom& sbom,
                                      const std::vector<model::VexStatement>& vex,
                                      AdvisorySource& source, const ScanOptions& options = {});

// Malicious packages first, then KEV-listed, then by EPSS, then by severity score, then by
// severity level, then by id and component: a stable total order.
void sort_by_priority(std::vector<Finding>& findings);

}  // namespace assay::match

#endif  // ASSAY_MATCH_MATCHER_H_
