// CSAF 2.0 (OASIS Common Security Advisory Framework) documents: a typed view of the whole
// document (tracking, product tree, vulnerabilities, notes), and its conversion to the normalised
// advisory model (one Advisory per vulnerability) and VEX model (product_status + flags, threats
// and remediations). Pure: bytes in, model plus diagnostics out. Validation (schema and the
// specification's mandatory tests) is in csaf_validate.h.
#ifndef ASSAY_FORMATS_CSAF_H_
#define ASSAY_FORMATS_CSAF_H_

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/advisory.h"
#include "assay/model/vex.h"

namespace assay::formats {

struct CsafFileHashes {
  std::string filename;
  std::vector<std::pair<std::string, std::string>> hashes;  // (algorithm, value) as written
};

// product_identification_helper.
struct CsafProductHelper {
  std::string purl;
  std::string cpe;
  std::vector<CsafFileHashes> hashes;
  std::vector<std::string> model_numbers;
  std::vector<std::string> serial_numbers;
  std::vector<std::string> skus;
  std::vector<std::string> sbom_urls;
  std::vector<std::pair<std::string, std::string>> generic_uris;  // (namespace, uri)
};

// One product definition: a full_product_name at the top of the product tree, under a branch, or
// in a relationship. Branch context (vendor, product name, version ...) is collected on the way
// down to the product.
struct CsafProduct {
  enum class Origin { kFullProductName, kBranch, kRelationship };
  Origin origin = Origin::kFullProductName;
  std::string product_id;
  std::string name;
  CsafProductHelper helper;
  std::string vendor;                  // branch category "vendor"
  std::string product_family;          // "product_family"
  std::string product_name;            // "product_name"
  std::string product_version;         // "product_version"
  std::string product_version_range;   // "product_version_range" (vers: or free text)
  std::string architecture;            // "architecture"
  std::string pointer;                 // JSON pointer of the full_product_name object
  std::size_t relationship_index = 0;  // for kRelationship: index into relationships
};

struct CsafRelationship {
  std::string category;  // default_component_of, external_component_of, installed_on, ...
  std::string product_reference;
  std::string relates_to_product_reference;
  std::string product_id;  // of its full_product_name
  std::string pointer;
};

struct CsafProductGroup {
  std::string group_id;
  std::vector<std::string> product_ids;
  std::string summary;
};

struct CsafNote {
  std::string category;  // description, details, faq, general, legal_disclaimer, other, summary
  std::string title;
  std::string text;
  std::string audience;
};

struct CsafReference {
  std::string category;  // external, self
  std::string summary;
  std::string url;
};

struct CsafRevision {
  std::string number;
  std::string date;
  std::string summary;
};

struct CsafAcknowledgment {
  std::vector<std::string> names;
  std::string organization;
  std::string summary;
  std::vector<std::string> urls;
};

struct CsafScore {
  std::vector<std::string> products;
  std::string cvss_v2_vector;  // "" when absent
  std::string cvss_v3_vector;
  std::string cvss_v3_version;  // "3.0" or "3.1"
  double cvss_v2_base = 0.0;
  double cvss_v3_base = 0.0;
  std::string cvss_v3_severity;  // baseSeverity
};

// A remediation, threat or flag: something said about some products (directly or by group).
struct CsafProductStatement {
  std::string category;  // remediation / threat category, or the flag's label
  std::string details;
  std::string date;
  std::string url;  // remediations only
  std::vector<std::string> product_ids;
  std::vector<std::string> group_ids;
  std::string pointer;
};

struct CsafInvolvement {
  std::string party;
  std::string status;
  std::string date;
  std::string summary;
};

struct CsafProductStatus {
  std::vector<std::string> first_affected;
  std::vector<std::string> first_fixed;
  std::vector<std::string> fixed;
  std::vector<std::string> known_affected;
  std::vector<std::string> known_not_affected;
  std::vector<std::string> last_affected;
  std::vector<std::string> recommended;
  std::vector<std::string> under_investigation;
};

struct CsafVulnerability {
  std::string cve;
  std::vector<std::pair<std::string, std::string>> ids;  // (system_name, text)
  std::string cwe_id;                                    // "CWE-79"
  std::string cwe_name;
  std::string title;
  std::string discovery_date;
  std::string release_date;
  std::vector<CsafNote> notes;
  std::vector<CsafReference> references;
  std::vector<CsafAcknowledgment> acknowledgments;
  CsafProductStatus product_status;
  std::vector<CsafScore> scores;
  std::vector<CsafProductStatement> remediations;
  std::vector<CsafProductStatement> threats;
  std::vector<CsafProductStatement> flags;
  std::vector<CsafInvolvement> involvements;
  std::string pointer;  // "/vulnerabilities/3"
};

struct CsafDocument {
  // document
  std::string category;  // csaf_base, csaf_security_advisory, csaf_vex, ...
  std::string csaf_version;
  std::string title;
  std::string lang;
  std::string source_lang;
  std::string publisher_category;
  std::string publisher_name;
  std::string publisher_namespace;
  std::string publisher_contact_details;
  std::string tlp_label;
  std::string aggregate_severity;
  std::vector<CsafNote> notes;
  std::vector<CsafReference> references;
  std::vector<CsafAcknowledgment> acknowledgments;
  // document.tracking
  std::string tracking_id;
  std::string tracking_status;  // draft, interim, final
  std::string tracking_version;
  std::string initial_release_date;
  std::string current_release_date;
  std::vector<std::string> tracking_aliases;
  std::vector<CsafRevision> revision_history;
  std::string generator_engine;  // "name version"
  // product_tree
  std::vector<CsafProduct> products;  // every definition, in document order
  std::vector<CsafRelationship> relationships;
  std::vector<CsafProductGroup> product_groups;
  std::vector<CsafVulnerability> vulnerabilities;

  // The first definition of `product_id`, or nullptr.
  const CsafProduct* find_product(std::string_view product_id) const;
  // The product ids of group `group_id` (empty when unknown).
  const std::vector<std::string>& group_members(std::string_view group_id) const;
  // `product_ids` plus every member of `group_ids`, without duplicates, in first-seen order.
  std::vector<std::string> expand(const std::vector<std::string>& product_ids,
                                  const std::vector<std::string>& group_ids) const;

  // Built by read_csaf(); indices into products / product_groups.
  std::map<std::string, std::size_t, std::less<>> product_index;
  std::map<std::string, std::size_t, std::less<>> group_index;
};

// Identity of a product after following relationships: the purl, CPE and hashes of the product
// itself, or, for a relationship product without its own helper, of its component
// (product_reference); the platform it belongs to (relates_to_product_reference) is kept apart.
struct CsafResolvedProduct {
  std::string product_id;
  std::string name;
  std::string purl;
  std::string cpe;
  std::vector<std::string> hashes;  // "sha256:<hex>"
  std::string version;              // product_version branch, else the purl's version
  std::string version_range;        // product_version_range branch
  std::string component_id;         // relationship: product_reference ("" otherwise)
  std::string platform_id;          // relationship: relates_to_product_reference
  std::string relationship_category;
};

// Follows relationships from `product_id` (at most kMaxCsafRelationshipDepth steps; cycles stop
// the walk) and returns what identifies the product. Unknown ids give just the id.
CsafResolvedProduct resolve_csaf_product(const CsafDocument& document, std::string_view product_id);
inline constexpr std::size_t kMaxCsafRelationshipDepth = 32;

// True when `text` looks like a CSAF document (an object with "document" holding "csaf_version"
// or "category" and "tracking"); cheap, for format detection.
bool looks_like_csaf(const json::Json& root);

// Reads a CSAF 2.0 document. Leniently: values of the wrong type are skipped with a "CSAF-TYPE"
// diagnostic (located "source#/json/pointer") and the rest is read; a csaf_version other than
// "2.0" is a warning. Fails with kInvalidInput when the text is not JSON (location
// "source:line:col"), breaks `limits`, or has no "document" object.
[[nodiscard]] Result<Parsed<CsafDocument>> read_csaf(std::string_view text, std::string_view source,
                                                     const InputLimits& limits = {});
// The same over an already parsed tree.
[[nodiscard]] Result<Parsed<CsafDocument>> read_csaf_json(const json::Json& root,
                                                          std::string_view source);

// One Advisory per vulnerability: id = the CVE, else the first ids[] entry, else
// "<tracking id>-<index+1>"; aliases = the other ids; related = the document's tracking id;
// affected = products listed as first_affected, known_affected or last_affected, grouped by
// package (purl without version) with explicit versions, or ranges converted from vers in
// product_version_range; products without a purl keep their CPE in AffectedPackage::cpes. Fixed
// products' versions are listed in database_specific. Diagnostics ("CSAF-CONVERT-...") say what
// could not be carried over.
Parsed<std::vector<model::Advisory>> csaf_to_advisories(const CsafDocument& document,
                                                        std::string_view source);

// The document's product_status as VEX statements, one per (vulnerability, product, status):
// known_affected/first_affected/last_affected -> affected, fixed/first_fixed -> fixed,
// known_not_affected -> not_affected, under_investigation -> under_investigation (recommended is
// not a VEX status and is skipped). Justification = the flag label naming the product; impact
// statement = "impact" threats; action statement = remediations ("<category>: <details>"), whose
// categories also become CycloneDX-style responses. Relationship products name their component
// as the subcomponent.
model::VexDocument csaf_to_vex(const CsafDocument& document, std::string_view source);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_CSAF_H_
