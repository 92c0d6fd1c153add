// The assessment: automatic checks over an evidence pack (standards-reference.md §5), each
// serving claims of the final Code, then a verdict per claim (checks first, the vendor's
// self-assessment only where no check decides) rolled up per principle and theme, or per draft
// provision and principle. Fails closed: missing evidence is never a PASS.
#ifndef ASSAY_ASSESS_ASSESSMENT_H_
#define ASSAY_ASSESS_ASSESSMENT_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/assess/catalogue.h"
#include "assay/assess/pack.h"
#include "assay/core/diagnostic.h"
#include "assay/core/result.h"
#include "assay/match/source.h"

namespace assay::assess {

// Worst first in roll-ups: FAIL, WARN, ATTESTED, PASS, N/A.
enum class Verdict { kPass, kFail, kWarn, kAttested, kNotApplicable };
std::string_view to_string(Verdict verdict);  // "PASS", "FAIL", "WARN", "ATTESTED", "N/A"
// Higher is worse: N/A 0, PASS 1, ATTESTED 2, WARN 3, FAIL 4.
int severity_rank(Verdict verdict);

// Evidence strength (design.md §5): E0 vendor statement; E1 vendor-published artefact; E2
// vendor-signed artefact bound to a release digest; E3 independently verified (Assay's own check).
enum class Strength { kE0, kE1, kE2, kE3 };
std::string_view to_string(Strength strength);  // "E0" ... "E3"

// What Assay fetched from the vendor's live site for an evidence item (assay assess --online).
struct LiveFetch {
  long http_status = 0;    // the final response's status; 0 when the fetch got no answer
  std::string final_url;   // after redirects (same host only); "" when no answer
  std::string fetched_at;  // RFC 3339, the wall-clock time of the fetch
  std::string error;       // why the fetch was refused or failed; "" when it was answered
};

struct EvidenceItem {
  EvidenceItem() = default;
  EvidenceItem(std::string what_in, std::string where_in, std::string digest_in,
               Strength strength_in, std::optional<LiveFetch> live_in = std::nullopt)
      : what(std::move(what_in)),
        where(std::move(where_in)),
        digest(std::move(digest_in)),
        strength(strength_in),
        live(std::move(live_in)) {}

  std::string what;    // "CycloneDX 1.6 SBOM", "security.txt"
  std::string where;   // path in the pack, or URL
  std::string digest;  // "sha256:<hex>" of what was examined, "" when nothing was read
  Strength strength = Strength::kE0;
  std::optional<LiveFetch> live;  // set when `where` was fetched live (--online)
};

struct CheckResult {
  std::string id;  // "CHK-SBOM-01"
  std::string title;
  std::vector<std::string> claims;  // final-2025 claim ids whose verdict this check decides
  Verdict verdict = Verdict::kFail;
  std::string summary;               // why this verdict, one sentence
  std::vector<std::string> details;  // each problem or observation
  std::vector<EvidenceItem> evidence;
  std::string explanation;  // what the check does, in plain English
  std::string remediation;  // what the vendor should do when it does not pass
  std::string question;     // what the buyer should ask the vendor
};

struct ClaimResult {
  std::string id;
  std::string text;
  std::string principle;
  Verdict verdict = Verdict::kFail;
  std::string reason;
  bool inconsistent = false;                 // the vendor says met; a check says FAIL
  std::optional<ClaimStatus> vendor_status;  // from the self-assessment
  std::vector<std::string> checks;           // ids of the checks that decided it
  std::vector<EvidenceItem> evidence;
};

// A theme, principle (final) or principle, provision (draft), with its rolled-up verdict.
struct ItemResult {
  std::string id;
  EntryKind kind = EntryKind::kPrinciple;
  std::string parent;
  std::string title;
  std::string text;
  Level level = Level::kNone;
  Verdict verdict = Verdict::kFail;
  std::string reason;
  std::vector<std::string> claims;  // final-2025 claim ids it stands for
};

// Thresholds and gate of a buyer's policy (docs/formats/assessment-json.md lists the defaults).
struct Policy {
  std::string sbom_profile = "ntia";   // ntia, bsi-tr-03183-2, fsct
  bool sbom_required = true;           // false: no SBOM is ATTESTED ("Code minimum")
  bool require_signatures = true;      // false: checksum-only artefacts are WARN, not FAIL
  bool critical_needs_vex = true;      // critical findings without a VEX statement fail
  std::int64_t eos_notice_days = 365;  // the Code's 4.2: a year's notice
  std::int64_t eos_warn_within_days = 365;
  std::int64_t certificate_warn_days = 60;
  bool require_cyber_essentials_plus = false;
  std::int64_t self_assessment_max_age_days = 365;
  std::int64_t securitytxt_expiry_warn_days = 30;
  double vex_coverage_pass = 0.9;
  double vex_coverage_warn = 0.5;
  // CHK-PATCH-01 (standards-reference.md §5.1, thresholds proposed there): the most days allowed
  // from a vulnerability's publication (or its KEV listing, if later) to the first release that
  // no longer contains it. Every KEV-listed fix must be in time; for critical (CVSS >= 9.0) and
  // high (7.0-8.9) ones, up to patch_late_warn_share of them late is WARN, more is FAIL.
  std::int64_t patch_days_kev = 14;
  std::int64_t patch_days_critical = 30;
  std::int64_t patch_days_high = 60;
  double patch_late_warn_share = 0.2;
  // CHK-CSAF-01: CSAF provider metadata whose last_updated is older than this is WARN (stale).
  std::int64_t csaf_max_age_days = 365;
  // The gate (assay check): the verdicts of claims, items and checks that fail it.
  std::vector<Verdict> fail_on = {Verdict::kFail};
  bool fail_on_inconsistent = true;
  std::vector<std::string> ignore_checks;
};

// Reads a policy file (every field optional; defaults as above). Unknown fields, wrong types and
// bad values fail with kInvalidInput at "source#/pointer": a gate must not silently ignore a typo.
[[nodiscard]] Result<Policy> read_policy(std::string_view text, std::string_view source);
// The default policy as JSON (documented; `assay check` users start from it).
std::string default_policy_json();

// A document fetched passively from the vendor's live site.
struct LiveDocument {
  long status = 0;
  std::string url;                     // the final URL
  std::vector<std::string> redirects;  // every URL that redirected, in order
  std::string content_type;
  std::string body;
  bool truncated = false;       // the body was cut at the size asked for
  std::int64_t fetched_at = 0;  // seconds since the epoch (wall clock, not AssessOptions::now)
};

// Fetches `url` with one passive GET (no credentials, the SSRF guard, timeouts, redirects only
// within the same host), keeping at most `max_bytes` of the body (more sets truncated). Returns
// the response whatever its status; fails when the fetch is refused or fails, with a message
// that names the URL (credentials and query removed). The CLI builds one on net::fetch.
using LiveFetcher =
    std::function<Result<LiveDocument>(const std::string& url, std::size_t max_bytes)>;

struct AssessOptions {
  std::int64_t now = 0;                              // seconds since the epoch
  std::string catalogue{kFinalCatalogue};            // the view: final-2025 or draft-2024
  match::AdvisorySource* vulnerabilities = nullptr;  // nullptr: vulnerability checks are N/A
  std::string database_name;                         // how reports name the database
  // Set (assay assess --online): the checks of the vendor's published links also fetch them
  // live. Empty: nothing is fetched, and those checks say they were limited to the pack's copies.
  LiveFetcher fetch;
};

struct Assessment {
  std::string pack;
  PackManifest manifest;
  std::vector<Diagnostic> pack_diagnostics;
  std::string catalogue_id;
  std::string catalogue_title;
  std::string catalogue_version;
  std::string assessed_at;  // RFC 3339
  std::vector<CheckResult> checks;
  std::vector<ClaimResult> claims;  // every claim of the final catalogue, in order
  std::vector<ItemResult> items;    // the chosen catalogue's themes/principles or provisions
  Verdict overall = Verdict::kFail;
  std::size_t inconsistent = 0;
  bool online = false;  // the vendor's live links were fetched (--online)
  // Offline only: the checks that would have fetched the vendor's live site with --online, and
  // so were limited to the pack's copies.
  std::vector<std::string> limited_to_pack;

  const CheckResult* check(std::string_view id) const;
  const ClaimResult* claim(std::string_view id) const;
  const ItemResult* item(std::string_view id) const;
};

// Assesses the pack in `files`. Fails with kInvalidInput when the manifest is missing or cannot
// be read at all, or `options.catalogue` is unknown (the message names the choices), and kIo
// when the vulnerability source cannot be read. Manifest problems that leave it usable are kept
// in pack_diagnostics and show up as failing checks.
[[nodiscard]] Result<Assessment> assess(const PackFiles& files, const CatalogueSet& catalogues,
                                        const Policy& policy, const AssessOptions& options);

// The ids of every check, in the order they run.
std::vector<std::string> check_ids();

struct GateResult {
  bool passed = true;
  std::vector<std::string> reasons;  // one per thing that failed the gate
};
// Applies the policy's gate to an assessment (assay check).
GateResult apply_gate(const Assessment& assessment, const Policy& policy);

// Renderers. JSON is documented in docs/formats/assessment-json.md.
std::string to_text(const Assessment& assessment);
std::string to_json(const Assessment& assessment);
std::string to_markdown(const Assessment& assessment);
// One self-contained, printable HTML page in the GOV.UK Design System's look (render_html.cc).
std::string to_html(const Assessment& assessment);
// A CycloneDX 1.6 JSON document whose declarations carry the assessment as an attestation
// (docs/formats/assessment-cyclonedx.md): every claim a requirement of the catalogue's standard,
// Assay the assessor, the vendor's product the target, each verdict a conformance score with its
// evidence and digests. `tool_version` goes into metadata.tools ("" leaves it out). Valid against
// the official CycloneDX 1.6 schema.
std::string to_cyclonedx(const Assessment& assessment, std::string_view tool_version = "");
// Several suppliers side by side (assay compare): a row per item and check, a column per
// assessment. All assessments should use the same catalogue; rows follow the first.
std::string compare_text(const std::vector<Assessment>& assessments);
std::string compare_html(const std::vector<Assessment>& assessments);

// Days since the epoch of a YYYY-MM-DD date, or nullopt when malformed.
std::optional<std::int64_t> date_to_days(std::string_view date);

// The offline rules of CHK-CSAF-01 on one CSAF 2.0 provider-metadata.json: `problems` break the
// format or the role the file claims (each names `file` and a JSON pointer), `warnings` are
// signals to review (staleness against `max_age_days` from `now_days`, days since the epoch).
// Input over 4 MiB or nested deeper than 16 is a problem, never a crash.
struct ProviderMetadataReport {
  std::string role;  // as the file states it, "" when absent
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
};
ProviderMetadataReport check_csaf_provider_metadata(std::string_view text, std::string_view file,
                                                    std::int64_t now_days,
                                                    std::int64_t max_age_days);

}  // namespace assay::assess

#endif  // ASSAY_ASSESS_ASSESSMENT_H_
