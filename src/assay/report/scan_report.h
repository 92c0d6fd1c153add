// Renders scan results for people and tools: a terminal table, documented JSON, SARIF 2.1.0, a
// CycloneDX 1.6 vulnerability disclosure report (VDR), CSV and Markdown; and evaluates the
// --fail-on policy a CI gate uses.
#ifndef ASSAY_REPORT_SCAN_REPORT_H_
#define ASSAY_REPORT_SCAN_REPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/match/matcher.h"

namespace assay::report {

enum class ScanFormat { kTable, kJson, kSarif, kCycloneDxVdr, kCsv, kMarkdown };
std::optional<ScanFormat> scan_format_from_name(std::string_view name);

// What the report says about where the results came from.
struct ScanContext {
  std::string sbom_path;     // as given on the command line
  std::string sbom_format;   // "cyclonedx-json", ...
  std::string sbom_serial;   // CycloneDX serialNumber / SPDX namespace
  std::string product_name;  // the SBOM's subject
  std::string product_version;
  std::string tool_version;               // assay --version
  std::string database;                   // path of the vulnerability database, "" for files
  std::vector<std::string> data_sources;  // "osv:PyPI (2024-05-01T...)", "kev 2025.08.25", ...
  std::string generated_at;               // RFC 3339 UTC
  bool show_suppressed = false;           // include findings a VEX statement suppresses
};

// Renders `result`. Suppressed findings are left out unless context.show_suppressed; the counts
// always say how many were suppressed.
std::string render_scan(const match::ScanResult& result, ScanFormat format,
                        const ScanContext& context);

// --fail-on: a comma-separated list of terms, any of which failing fails the policy:
//   critical | high | medium | low   a finding at or above that severity
//   kev                              a KEV-listed finding
//   malicious                        a malicious-package finding
//   epss>=<0..1>                     a finding with an EPSS score at least that
//   possibly-affected                a finding Assay could not decide
//   any                              any finding
// Suppressed findings never count.
struct FailPolicy {
  std::optional<match::SeverityLevel> at_or_above;
  bool kev = false;
  bool malicious = false;
  bool possibly_affected = false;
  bool any = false;
  std::optional<double> epss_at_least;
};
[[nodiscard]] Result<FailPolicy> parse_fail_policy(std::string_view text);

// The findings that meet the policy (unsuppressed), each with the term it met.
struct PolicyHit {
  const match::Finding* finding;
  std::string term;
};
std::vector<PolicyHit> policy_hits(const match::ScanResult& result, const FailPolicy& policy);

}  // namespace assay::report

#endif  // ASSAY_REPORT_SCAN_REPORT_H_
