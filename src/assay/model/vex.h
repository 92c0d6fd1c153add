// The normalised VEX model: statements from OpenVEX, CycloneDX VEX (vulnerabilities[].analysis)
// and CSAF VEX (product_status + flags/threats/remediations), in one shape that the matcher
// applies at match time.
#ifndef ASSAY_MODEL_VEX_H_
#define ASSAY_MODEL_VEX_H_

#include <string>
#include <string_view>
#include <vector>

namespace assay::model {

// OpenVEX statuses; CycloneDX analysis states and CSAF product_status map onto these:
//   CycloneDX resolved/resolved_with_pedigree -> kFixed, exploitable -> kAffected,
//   in_triage -> kUnderInvestigation, false_positive/not_affected -> kNotAffected;
//   CSAF known_affected/first_affected/last_affected -> kAffected, fixed/first_fixed -> kFixed,
//   known_not_affected -> kNotAffected, under_investigation -> kUnderInvestigation.
enum class VexStatus { kNotAffected, kAffected, kFixed, kUnderInvestigation };
std::string_view to_string(VexStatus status);  // "not_affected", "affected", ...

// A product or subcomponent a statement is about. Any of the identifiers may be set; matching
// uses purl first, then CPE, then the document-local ref, then hashes.
struct VexProduct {
  std::string id;  // as written (@id, product_id, bom-ref, purl ...)
  std::string purl;
  std::string cpe;
  std::string ref;                  // CycloneDX bom-ref or CSAF product_id
  std::vector<std::string> hashes;  // "sha256:<hex>"
  std::string name;                 // CSAF full product name, when that is all there is
};

struct VexStatement {
  std::string ref;            // document-local id when the format has one (CycloneDX bom-ref)
  std::string vulnerability;  // the id as the statement names it ("CVE-2023-1234")
  std::vector<std::string> aliases;
  std::vector<VexProduct> products;
  std::vector<VexProduct> subcomponents;
  VexStatus status = VexStatus::kUnderInvestigation;
  // OpenVEX justification ("component_not_present", "vulnerable_code_not_present",
  // "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary",
  // "inline_mitigations_already_exist"), or the CycloneDX/CSAF term when it has no OpenVEX
  // equivalent; "" when none.
  std::string justification;
  std::string impact_statement;
  std::string action_statement;
  std::string status_notes;
  std::vector<std::string> responses;  // CycloneDX analysis.response: "update", "will_not_fix"...
  std::string timestamp;               // RFC 3339 as written
  std::string last_updated;
  std::string supplier;         // who made the statement (document author)
  std::string source_document;  // file name / document id
  std::string source_location;  // pointer into it
};

struct VexDocument {
  std::string format;  // "openvex", "cyclonedx", "csaf"
  std::string id;
  std::string author;
  std::string timestamp;
  std::string version;
  std::vector<VexStatement> statements;
};

}  // namespace assay::model

#endif  // ASSAY_MODEL_VEX_H_
