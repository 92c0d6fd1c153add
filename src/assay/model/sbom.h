// The normalised SBOM model every reader produces and every engine consumes: one shape for
// CycloneDX 1.2-1.7 (JSON and XML), SPDX 2.2/2.3 (JSON and tag-value) and SPDX 3.0 JSON-LD.
// Readers keep everything that maps; what does not map stays in `properties` rather than being
// dropped. Every element remembers where it came from (`source_location`).
#ifndef ASSAY_MODEL_SBOM_H_
#define ASSAY_MODEL_SBOM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/model/vex.h"

namespace assay::model {

// A digest as the document states it. `algorithm` is normalised to the CycloneDX spelling
// ("SHA-256", "SHA-1", "SHA3-512", "BLAKE2b-256", "MD5", ...); `value` is lower-case hex.
struct Hash {
  std::string algorithm;
  std::string value;
};

struct Contact {
  std::string name;
  std::string email;
  std::string phone;
};

// A supplier, manufacturer, author or tool vendor.
struct Organization {
  std::string ref;  // CycloneDX bom-ref, when the document gives one (declarations.assessors)
  std::string name;
  std::vector<std::string> urls;
  std::vector<Contact> contacts;

  bool empty() const { return name.empty() && urls.empty() && contacts.empty(); }
};

struct ExternalReference {
  std::string type;  // CycloneDX externalReference type, or SPDX referenceType/category
  std::string url;
  std::string comment;
  std::vector<Hash> hashes;
};

struct Property {
  std::string name;
  std::string value;
};

// A licence as written: an SPDX id ("Apache-2.0"), an SPDX expression ("MIT OR Apache-2.0"), or a
// free-text name. `kind` says which.
struct License {
  enum class Kind { kId, kExpression, kName };
  Kind kind = Kind::kName;
  std::string value;
  std::string url;
  // "declared", "concluded" (SPDX licenseConcluded / CycloneDX acknowledgement), or "".
  std::string acknowledgement;
};

enum class ComponentType {
  kApplication,
  kFramework,
  kLibrary,
  kContainer,
  kPlatform,
  kOperatingSystem,
  kDevice,
  kDeviceDriver,
  kFirmware,
  kFile,
  kMachineLearningModel,
  kData,
  kCryptographicAsset,
  kSource,  // SPDX 3 / SPDX 2 primaryPackagePurpose SOURCE
  kArchive,
  kInstall,
  kOther,
};
std::string_view to_string(
    ComponentType type);  // CycloneDX spelling: "library", "operating-system"

enum class Scope { kUnspecified, kRequired, kOptional, kExcluded };
std::string_view to_string(Scope scope);

// How the component's identity was established, strongest first (design.md §4: purl first).
enum class IdentityKind { kPurl, kCpe, kNameVersionSupplier, kNone };
std::string_view to_string(IdentityKind kind);

struct Component {
  std::string ref;  // document-local id: CycloneDX bom-ref, SPDX SPDXID / spdxId; never empty
                    // (readers synthesise "assay:component/<n>" when the document has none)
  ComponentType type = ComponentType::kLibrary;
  std::string group;  // CycloneDX group / Maven groupId / npm scope, when stated separately
  std::string name;
  std::string version;
  std::string description;
  std::string purl;               // as written (not normalised); "" when absent
  std::string purl_canonical;     // canonical form when the purl parsed; "" otherwise
  std::vector<std::string> cpes;  // CPE 2.2 URIs or 2.3 formatted strings
  std::string swid_tag_id;
  std::string omnibor_id;
  std::vector<std::string> swhids;
  Organization supplier;
  Organization manufacturer;
  std::vector<Contact> authors;
  std::string publisher;
  std::string originator;  // SPDX PackageOriginator
  std::vector<Hash> hashes;
  std::vector<License> licenses;
  std::string copyright;
  std::string download_location;
  std::vector<ExternalReference> external_references;
  std::vector<Property> properties;
  Scope scope = Scope::kUnspecified;
  std::string parent_ref;  // the enclosing component for CycloneDX nested components
  std::string release_date;
  std::string end_of_life;      // when the document states one (properties, SPDX 3 validUntilTime)
  std::string source_location;  // "#/components/3" or "line 42"

  // The strongest identity this component has, and its key: the canonical purl, else the first
  // CPE, else "name@version" with the supplier name when present. Empty key for kNone.
  IdentityKind identity_kind() const;
  std::string identity() const;
};

// A CycloneDX service (SaaSBOM); SPDX has none.
struct Service {
  std::string ref;
  std::string group;
  std::string name;
  std::string version;
  std::string description;
  Organization provider;
  std::vector<std::string> endpoints;
  std::optional<bool> authenticated;
  std::optional<bool> crosses_trust_boundary;
  std::vector<std::string> data_classifications;  // "flow:classification"
  std::vector<License> licenses;
  std::vector<ExternalReference> external_references;
  std::vector<Property> properties;
  std::string parent_ref;
  std::string source_location;
};

enum class RelationshipType {
  kDependsOn,  // CycloneDX dependencies, SPDX DEPENDS_ON / DEPENDENCY_OF (inverted), *_LINK
  kContains,   // SPDX CONTAINS / CONTAINED_BY, CycloneDX nesting
  kDescribes,  // SPDX DESCRIBES
  kGeneratedFrom,
  kBuildToolOf,
  kDevDependencyOf,
  kOptionalDependencyOf,
  kProvidedBy,  // CycloneDX 1.6 "provides"
  kOther,       // anything else; `original_type` says which
};
std::string_view to_string(RelationshipType type);

struct Relationship {
  std::string from;  // component/service ref (or the document ref for DESCRIBES)
  RelationshipType type = RelationshipType::kDependsOn;
  std::string to;  // "" for a kDependsOn that states `from` has no dependencies (CycloneDX
                   // {"ref": X} without dependsOn)
  std::string original_type;  // as written: "DEPENDS_ON", "dependsOn", "STATIC_LINK"
  std::string source_location;
};

// A completeness claim (CycloneDX compositions; SPDX 3 relationship completeness).
struct Composition {
  std::string aggregate;  // "complete", "incomplete", "incomplete_first_party_only", "unknown", ...
  std::vector<std::string> assemblies;
  std::vector<std::string> dependencies;
  std::vector<std::string> vulnerabilities;
  std::string source_location;
};

struct Tool {
  std::string vendor;
  std::string name;
  std::string version;
};

// CycloneDX 1.6 declarations (attestations) and definitions.standards, kept in a generic form so
// the assessment can read a vendor's claims.
struct Requirement {
  std::string ref;
  std::string identifier;
  std::string title;
  std::string text;
  std::vector<std::string> parents;
};

struct Standard {
  std::string ref;
  std::string name;
  std::string version;
  std::string description;
  std::string owner;
  std::vector<Requirement> requirements;
};

struct AttestationClaim {
  std::string ref;
  std::string target;     // bom-ref the claim is about
  std::string predicate;  // what is claimed
  std::vector<std::string> evidence_refs;
  std::vector<std::string> counter_evidence_refs;
  std::string reasoning;
};

struct AttestationMapEntry {
  std::string requirement;          // bom-ref of a Requirement
  std::vector<std::string> claims;  // bom-refs of claims
  std::vector<std::string> counter_claims;
  std::optional<double> conformance_score;  // 0..1
  std::string conformance_rationale;
  std::optional<double> confidence_score;
  std::string confidence_rationale;
};

struct Attestation {
  std::string summary;
  std::string assessor;  // bom-ref
  std::vector<AttestationMapEntry> map;
};

struct Declarations {
  std::vector<Organization> assessors;
  std::vector<Attestation> attestations;
  std::vector<AttestationClaim> claims;
  std::vector<Property> evidence;  // evidence bom-ref -> description/data summary
  std::string affirmation_statement;
  std::vector<Contact> affirmation_signatories;

  bool empty() const {
    return assessors.empty() && attestations.empty() && claims.empty() && evidence.empty() &&
           affirmation_statement.empty();
  }
};

enum class SbomFormat { kCycloneDxJson, kCycloneDxXml, kSpdxJson, kSpdxTagValue, kSpdx3JsonLd };
std::string_view to_string(SbomFormat format);  // "cyclonedx-json", "spdx-tag-value", ...

struct SbomMetadata {
  SbomFormat format = SbomFormat::kCycloneDxJson;
  std::string spec_version;      // "1.6", "2.3", "3.0.1"
  std::string serial_number;     // CycloneDX serialNumber or SPDX documentNamespace / @id
  std::string document_version;  // CycloneDX version
  std::string name;              // SPDX document name
  std::string timestamp;         // as written (RFC 3339 expected)
  std::vector<Tool> tools;
  std::vector<Contact> authors;
  std::vector<std::string> creators;  // SPDX "Tool: x", "Organization: y", "Person: z"
  Organization supplier;
  Organization manufacturer;
  std::vector<std::string> lifecycles;  // "build", "pre-build", "operations", ...
  std::vector<License> data_licenses;   // SPDX dataLicense, CycloneDX metadata.licenses
  std::vector<Property> properties;
  std::vector<ExternalReference> external_references;  // document-level (CycloneDX)
  std::string subject_ref;  // the component the SBOM describes (metadata.component / DESCRIBES)
};

// The vulnerability statements a CycloneDX document embeds (VEX / VDR) are normalised into the
// VEX model; see vex.h.
struct Sbom {
  SbomMetadata metadata;
  std::vector<Component> components;  // every component, nested ones flattened (parent_ref set),
                                      // the subject component included
  std::vector<Service> services;
  std::vector<Relationship> relationships;
  std::vector<Composition> compositions;
  Declarations declarations;
  std::vector<Standard> standards;
  // CycloneDX vulnerabilities (VEX / VDR) embedded in the BOM, one statement per vulnerability;
  // products are the `affects` refs (with the purl of the component they name, when known).
  std::vector<VexStatement> vulnerabilities;

  // Index of the component with `ref`, or nullopt.
  std::optional<std::size_t> find(std::string_view ref) const;
};

// Dependency depth of each component from the subject: 1 = direct, >1 = transitive, 0 = the
// subject itself, nullopt = not reachable (or no subject/graph). Also the shortest path of refs.
struct DependencyInfo {
  std::optional<std::uint32_t> depth;
  std::vector<std::string> path;  // subject ref ... component ref
};

// Computes DependencyInfo for every component (same order as sbom.components) by breadth-first
// search over kDependsOn/kContains edges from metadata.subject_ref. Linear in the graph size;
// cycles are fine.
std::vector<DependencyInfo> dependency_info(const Sbom& sbom);

}  // namespace assay::model

#endif  // ASSAY_MODEL_SBOM_H_
