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

// The artefact a bundle should vouch for: its bytes, or only its SHA-256. With the digest alone,
// Ed25519 message signatures and ECDSA P-384/P-521 message signatures cannot be checked (they
// sign other digests of the bytes); DSSE bundles need only the digest.
struct Artifact {
  std::optional<std::string_view> bytes;  // borrowed; must outlive the verification
  std::string sha256;                     // raw, 32 bytes
  std::string name;                       // how reports name it

  static Artifact from_bytes(std::string_view bytes, std::string name);
  // From "<64 hex>" or "sha256:<64 hex>"; kInvalidInput otherwise.
  [[nodiscard]] static Result<Artifact> from_sha256(std::string_view digest);
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
