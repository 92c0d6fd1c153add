// The evidence pack (docs/formats/assay-pack.md): a directory or .zip holding a manifest,
// assay-pack.json, and the files it names (artefacts, SBOMs, VEX, signature bundles, documents).
// read_pack_manifest is pure; PackFiles is the one place that touches the file system, and keeps
// every path inside the pack (no "..", no absolute paths, no symlink or zip member escaping it).
#ifndef ASSAY_ASSESS_PACK_H_
#define ASSAY_ASSESS_PACK_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/assess/catalogue.h"
#include "assay/core/diagnostic.h"
#include "assay/core/result.h"

namespace assay::assess {

inline constexpr std::string_view kPackFormat = "assay-pack/1";
inline constexpr std::string_view kManifestName = "assay-pack.json";

enum class DeliveryModel { kOnPremises, kSaas, kHybrid };
std::string_view to_string(DeliveryModel model);  // "on-premises", "saas", "hybrid"

// Digests as the manifest declares them (lower-case hex; "" when not given).
struct DeclaredDigests {
  std::string sha256;
  std::string sha384;
  std::string sha512;
  bool empty() const { return sha256.empty() && sha384.empty() && sha512.empty(); }
};

// A signature over an artefact: a Sigstore bundle (checked against a trusted root and the
// signer's identity), or an OpenPGP detached signature (checked against the signer's key).
struct SignatureRef {
  std::string kind;          // "sigstore-bundle" or "openpgp"
  std::string bundle;        // sigstore-bundle: path in the pack
  std::string trusted_root;  // sigstore-bundle: path in the pack; "" when the vendor gave none
  std::string signature;     // openpgp: path of the detached signature in the pack
  std::string location;
};

struct Artefact {
  std::string name;
  std::string path;  // in the pack; "" when only the digest and URL are given
  std::string url;   // where customers download it
  DeclaredDigests digests;
  std::vector<SignatureRef> signatures;
  std::string location;
};

// A file in the pack that documents something (an SBOM, VEX, provenance, an evidence file).
struct DocumentRef {
  std::string path;
  std::string sha256;        // declared digest of the file itself, "" when not given
  std::string artefact;      // SBOMs and provenance: the artefact name they describe
  std::string trusted_root;  // provenance: the Sigstore trusted root to verify it with
  std::string location;
};

struct SupportInfo {
  std::string level;           // "full", "security-only", "extended", "none"
  std::string end_of_support;  // YYYY-MM-DD
  std::string announced;       // YYYY-MM-DD: when the end-of-support date was first published
  std::string location;
};

struct Release {
  std::string version;
  std::string release_date;
  SupportInfo support;
  std::vector<Artefact> artefacts;
  std::vector<DocumentRef> sboms;
  std::vector<DocumentRef> vex;
  std::vector<DocumentRef> provenance;
  std::string location;
};

// A published link, and optionally a copy of what it served, kept in the pack.
struct Link {
  std::string url;
  std::string file;       // path in the pack, "" when none
  std::string retrieved;  // date the copy was taken
  // security_txt only: the vendor's OpenPGP public key (path in the pack) and its fingerprint,
  // to verify a clear-signed file with.
  std::string openpgp_key;
  std::string openpgp_fingerprint;
  std::string location;
};

struct CertificateInfo {
  std::string scheme;  // "cyber-essentials", "cyber-essentials-plus", "iso-27001"
  std::string number;
  std::string issuer;
  std::string issued;   // YYYY-MM-DD
  std::string expires;  // YYYY-MM-DD
  std::string file;     // path in the pack, "" when none
  std::string location;
};

struct EvidenceRef {
  std::string path;  // in the pack
  std::string url;
  std::string sha256;
  std::string description;
};

enum class ClaimStatus { kMet, kPartial, kNotMet, kNotApplicable };
std::string_view to_string(ClaimStatus status);  // "met", "partial", "not-met", "n/a"

struct ClaimAnswer {
  std::string id;  // a final-2025 claim id, "1.2.1"
  ClaimStatus status = ClaimStatus::kNotMet;
  std::string na_reason;
  std::vector<EvidenceRef> evidence;
  std::string notes;
  std::string location;
};

struct Person {
  std::string name;
  std::string role;
  std::string date;  // YYYY-MM-DD: when they signed the self-assessment off
};

struct SelfAssessment {
  bool present = false;
  std::string framework;  // the secure development framework followed
  Person senior_responsible_owner;
  std::vector<ClaimAnswer> claims;
  // A CycloneDX 1.6 attestation (declarations) in the pack that answers the claims instead of,
  // or as well as, `claims`: validate_pack turns its map entries into ClaimAnswers.
  std::string cyclonedx_attestation;
  std::string location;
};

struct PackManifest {
  std::string format;
  struct {
    std::string legal_name;
    std::string companies_house_number;
    std::string domain;
  } vendor;
  struct {
    std::string name;
    std::string description;
    DeliveryModel delivery_model = DeliveryModel::kOnPremises;
    Role role = Role::kDeveloperDistributor;
  } product;
  // Who the vendor's signatures must come from (published out of band).
  struct {
    std::string identity;             // Sigstore: certificate SAN; exact match
    std::string issuer;               // Sigstore: OIDC issuer; exact match
    std::string openpgp_key;          // OpenPGP: public key file in the pack
    std::string openpgp_fingerprint;  // OpenPGP: the signing key's fingerprint
  } signer;
  std::vector<Release> releases;
  // Keys: security_txt, vulnerability_disclosure_policy, support_policy, end_of_support_data,
  // incident_support_plan, csaf_provider_metadata, secure_configuration_guide.
  std::map<std::string, Link> links;
  std::vector<CertificateInfo> certificates;
  SelfAssessment self_assessment;
};

// The link names a manifest may use.
const std::vector<std::string_view>& link_names();

// True when `path` is a safe relative path inside a pack: not empty, at most 1024 bytes, '/'
// separated, no leading '/', no '\\', no NUL, no "", "." or ".." segment, no drive letter.
bool is_safe_pack_path(std::string_view path);

// Reads the manifest. Problems are PACK-* diagnostics at "source#/pointer": PACK-MISSING-FIELD,
// PACK-TYPE, PACK-BAD-VALUE (unknown enum value), PACK-BAD-DATE (not YYYY-MM-DD),
// PACK-BAD-DIGEST (not hex of the right length), PACK-UNSAFE-PATH, PACK-DUPLICATE (a claim
// answered twice), PACK-FORMAT, PACK-UNKNOWN-FIELD (warning). Fails with kInvalidInput when the
// text is not JSON (or over 8 MiB or 32 levels deep) or not an object.
[[nodiscard]] Result<Parsed<PackManifest>> read_pack_manifest(std::string_view text,
                                                              std::string_view source);

// Limits on what a pack may hold.
struct PackLimits {
  std::uint64_t max_file_bytes = 256ULL * 1024 * 1024;
  std::uint64_t max_total_bytes = 1024ULL * 1024 * 1024;  // zip: all members together
  std::uint64_t max_members = 10'000;                     // zip
};

// Read access to the files of one pack, confined to it.
class PackFiles {
 public:
  virtual ~PackFiles() = default;
  // Opens a directory or a .zip (any regular file is tried as a zip). Fails with kNotFound when
  // `path` does not exist, kInvalidInput when a zip member has an unsafe path, is a link or the
  // zip breaks `limits`, kIo when it cannot be read.
  [[nodiscard]] static Result<std::unique_ptr<PackFiles>> open(const std::filesystem::path& path,
                                                               const PackLimits& limits = {});
  // The bytes of `relative`. kInvalidInput when the path is unsafe or (directories) resolves
  // outside the pack through a symlink; kNotFound when absent; kInvalidInput past `max_bytes`.
  [[nodiscard]] virtual Result<std::string> read(std::string_view relative,
                                                 std::uint64_t max_bytes) const = 0;
  virtual bool exists(std::string_view relative) const = 0;
  // The pack as the user named it.
  virtual std::string name() const = 0;
};

// Files held in memory (tests, and zips once read).
class MemoryPackFiles final : public PackFiles {
 public:
  explicit MemoryPackFiles(std::string name) : name_(std::move(name)) {}
  void add(std::string path, std::string bytes) { files_[std::move(path)] = std::move(bytes); }
  [[nodiscard]] Result<std::string> read(std::string_view relative,
                                         std::uint64_t max_bytes) const override;
  bool exists(std::string_view relative) const override;
  std::string name() const override { return name_; }

 private:
  std::string name_;
  std::map<std::string, std::string, std::less<>> files_;
};

struct PackValidation {
  PackManifest manifest;
  std::vector<Diagnostic> diagnostics;
  bool readable = false;  // the manifest could be read at all
  bool valid() const;     // readable and no error diagnostic
};

// Reads the manifest of `files` and checks it against the pack and the catalogues: every named
// file exists (PACK-MISSING-FILE), claim ids are claims of the final catalogue
// (PACK-UNKNOWN-CLAIM), artefact names referenced by SBOMs exist (PACK-DANGLING-REF).
PackValidation validate_pack(const PackFiles& files, const CatalogueSet& catalogues);

// A new pack skeleton for `vendor` (JSON text of assay-pack.json), with every field present and
// every claim of the final catalogue listed as not-met, for `assay pack init`.
std::string scaffold_manifest(const CatalogueSet& catalogues);

}  // namespace assay::assess

#endif  // ASSAY_ASSESS_PACK_H_
