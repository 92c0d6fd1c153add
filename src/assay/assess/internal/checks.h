// What the checks share while they run over one pack: the manifest, the files, the parsed SBOMs,
// VEX and security.txt (each read once), and the scan results.
#ifndef ASSAY_ASSESS_INTERNAL_CHECKS_H_
#define ASSAY_ASSESS_INTERNAL_CHECKS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assay/assess/assessment.h"
#include "assay/formats/sbom.h"
#include "assay/match/matcher.h"
#include "assay/verify/securitytxt.h"

namespace assay::assess::internal {

struct LoadedSbom {
  const Release* release = nullptr;
  const DocumentRef* ref = nullptr;
  std::string digest;  // "sha256:<hex>" of the file
  std::string error;   // why it could not be read; "" when report is set and readable
  std::optional<formats::ValidationReport> report;
};

struct LoadedVex {
  const Release* release = nullptr;
  const DocumentRef* ref = nullptr;
  std::string digest;
  std::string error;
  std::string format;
  std::vector<model::VexStatement> statements;
};

struct ScannedSbom {
  const LoadedSbom* sbom = nullptr;
  match::ScanResult result;
};

struct Context {
  Context(const PackFiles& files_in, const PackManifest& manifest_in, const Policy& policy_in,
          const Catalogue& final_catalogue_in, std::int64_t now_in,
          match::AdvisorySource* source_in, std::string database_name_in)
      : files(files_in),
        manifest(manifest_in),
        policy(policy_in),
        final_catalogue(final_catalogue_in),
        now(now_in),
        source(source_in),
        database_name(std::move(database_name_in)) {}

  const PackFiles& files;
  const PackManifest& manifest;
  const Policy& policy;
  const Catalogue& final_catalogue;
  std::int64_t now = 0;
  match::AdvisorySource* source = nullptr;
  std::string database_name;

  std::vector<LoadedSbom> sboms;  // stable: scans point into it once loaded
  std::vector<LoadedVex> vex;
  std::vector<ScannedSbom> scans;
  std::optional<verify::securitytxt::Parsed> security_txt;
  std::string security_txt_digest;
  bool security_txt_verified = false;  // a key was given and the signature check ran
  std::string security_txt_error;      // the file or its key could not be read or checked
  bool self_assessment_usable = true;  // false once CHK-SSCOP-01 finds it unusable
  LiveFetcher fetch;                   // set with --online; empty: nothing is fetched
  // Offline: ids of the checks that were limited to the pack's copies, in the order they ran.
  std::vector<std::string> limited_to_pack;
};

// Reads and parses the pack's SBOMs, VEX documents and security.txt copy into `context`.
void load_pack_documents(Context& context);
// Scans each readable SBOM against context.source (no-op without one). Fails with kIo when the
// source cannot be read.
[[nodiscard]] Result<void> scan_sboms(Context& context);
// Runs every check except CHK-SSCOP-02 (which needs the claim verdicts), in catalogue order; the
// CHK-SSCOP-02 entry is returned with its texts and verdict still to decide.
std::vector<CheckResult> run_checks(Context& context);
std::vector<std::string> all_check_ids();

}  // namespace assay::assess::internal

#endif  // ASSAY_ASSESS_INTERNAL_CHECKS_H_
