// Offline verification of a Sigstore bundle against an artefact, a policy (keyless identity or
// managed key) and a trusted root, following the Sigstore client specification: transparency-log
// evidence (Rekor v1 promises and proofs, Rekor v2 proofs), RFC 3161 timestamps, the Fulcio
// chain at the verified signing times, embedded SCTs, the identity, the signature and its
// binding to the artefact. No network, no clock: every time used comes from signed evidence.
#ifndef ASSAY_VERIFY_SIGSTORE_VERIFY_H_
#define ASSAY_VERIFY_SIGSTORE_VERIFY_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/verify/sigstore_bundle.h"
#include "assay/verify/sigstore_policy.h"
#include "assay/verify/sigstore_trusted_root.h"
#include "assay/verify/verification.h"

namespace assay::verify::sigstore {

// The artefact a bundle should vouch for: its bytes, or only a digest of them. With a digest
// alone, message signatures can be checked only when they sign that digest (ECDSA P-256 and RSA
// sign the SHA-256; Ed25519 signs the bytes themselves); DSSE bundles need only a digest that
// the in-toto statement lists (npm provenance lists sha512).
struct Artifact {
  std::optional<std::string_view> bytes;  // borrowed; must outlive the verification
  crypto::HashAlgorithm given_algorithm = crypto::HashAlgorithm::kSha256;
  std::string given_digest;  // raw: computed from the bytes, or the digest the caller gave
  std::string name;          // how reports name it

  // Computes the SHA-256; `name` "" reports the artefact by its digest.
  static Artifact from_bytes(std::string_view bytes, std::string name);
  // From "sha256:<hex>", "sha384:<hex>", "sha512:<hex>" or bare 64-digit hex (SHA-256);
  // kInvalidInput otherwise.
  [[nodiscard]] static Result<Artifact> from_digest(std::string_view digest);

  // The digest under `algorithm`: the given one, or computed from the bytes; nullopt when only a
  // digest of another algorithm is known.
  std::optional<std::string> digest(crypto::HashAlgorithm algorithm) const;
};

struct VerifyOptions {
  std::size_t tlog_threshold = 1;  // transparency-log entries that must verify
  std::size_t sct_threshold = 1;   // embedded SCTs from trusted CT logs that must verify
  std::size_t time_threshold = 1;  // verified signing times (SETs and RFC 3161 timestamps)
};

// Check ids, stable (docs/formats/verification.md lists them with their meaning).
inline constexpr std::string_view kCheckBundleParse = "sigstore.bundle.parse";
inline constexpr std::string_view kCheckKey = "sigstore.key";
inline constexpr std::string_view kCheckTlogLog = "sigstore.tlog.log";
inline constexpr std::string_view kCheckTlogBody = "sigstore.tlog.body";
inline constexpr std::string_view kCheckTlogSet = "sigstore.tlog.set";
inline constexpr std::string_view kCheckTlogInclusion = "sigstore.tlog.inclusion";
inline constexpr std::string_view kCheckTlogCheckpoint = "sigstore.tlog.checkpoint";
inline constexpr std::string_view kCheckTlogThreshold = "sigstore.tlog";
inline constexpr std::string_view kCheckTsa = "sigstore.tsa";
inline constexpr std::string_view kCheckTime = "sigstore.time";
inline constexpr std::string_view kCheckCertChain = "sigstore.cert.chain";
inline constexpr std::string_view kCheckCertValidity = "sigstore.cert.validity";
inline constexpr std::string_view kCheckSct = "sigstore.sct";
inline constexpr std::string_view kCheckIdentity = "sigstore.identity";
inline constexpr std::string_view kCheckSignature = "sigstore.signature";
inline constexpr std::string_view kCheckArtifact = "sigstore.artifact";

// Verifies `bundle`. Never throws; every outcome is in the returned Verification (method
// "sigstore-bundle"), which passes only if every check that ran passed. Checks that cannot run
// because an earlier one failed are not added. Thread-safe for shared inputs.
Verification verify_bundle(const Bundle& bundle, const Artifact& artifact, const Policy& policy,
                           const TrustedRoot& root, const VerifyOptions& options = {});

// Parses `json` (named `source`) and verifies it; a parse error is the failed check
// "sigstore.bundle.parse" with the error's location and message.
Verification verify_bundle_json(std::string_view json, std::string_view source,
                                const Artifact& artifact, const Policy& policy,
                                const TrustedRoot& root, const VerifyOptions& options = {});

}  // namespace assay::verify::sigstore

#endif  // ASSAY_VERIFY_SIGSTORE_VERIFY_H_
