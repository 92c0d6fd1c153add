// Sigstore bundles (dev.sigstore.bundle.v1.Bundle, protobuf JSON): media types v0.1, v0.2, v0.3
// ("application/vnd.dev.sigstore.bundle+json;version=0.N" and
// "application/vnd.dev.sigstore.bundle.v0.3+json"), message-signature or DSSE content, and
// certificate, X.509 chain or public-key verification material. Parsing is strict and pure;
// what the parsed fields mean is checked by sigstore_verify.h.
#ifndef ASSAY_VERIFY_SIGSTORE_BUNDLE_H_
#define ASSAY_VERIFY_SIGSTORE_BUNDLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/dsse.h"
#include "assay/verify/x509.h"

namespace assay::verify::sigstore {

inline constexpr InputLimits kBundleLimits{
    .max_bytes = 64ULL * 1024 * 1024,
    .max_depth = 24,
    .max_items = 100'000,
    .max_string_bytes = 64ULL * 1024 * 1024,
};
inline constexpr std::size_t kMaxTlogEntries = 32;
inline constexpr std::size_t kMaxTimestamps = 32;
inline constexpr std::size_t kMaxProofHashes = 64;  // a Merkle path in a tree of up to 2^64 leaves
inline constexpr std::size_t kMaxBundleCertificates = 16;

enum class BundleVersion { k01, k02, k03 };

// "0.1", "0.2", "0.3".
std::string_view to_string(BundleVersion version);

enum class MaterialKind { kPublicKey, kX509CertificateChain, kCertificate };

struct HashOutput {
  crypto::HashAlgorithm algorithm = crypto::HashAlgorithm::kSha256;
  std::string digest;  // raw
};

struct InclusionProof {
  std::int64_t log_index = 0;
  std::string root_hash;  // raw
  std::int64_t tree_size = 0;
  std::vector<std::string> hashes;        // raw, leaf to root
  std::optional<std::string> checkpoint;  // the signed note text
};

struct TlogEntry {
  std::int64_t log_index = 0;
  std::string log_id;  // raw
  std::string kind;
  std::string version;
  std::int64_t integrated_time = 0;                   // 0 when absent (Rekor v2 has none)
  std::optional<std::string> signed_entry_timestamp;  // raw signature (inclusion promise)
  std::optional<InclusionProof> inclusion_proof;
  std::string canonicalized_body;  // raw bytes; "" when absent
  std::string pointer;             // "#/verificationMaterial/tlogEntries/N"
};

struct MessageSignature {
  std::optional<HashOutput> message_digest;  // an unauthenticated hint
  std::string signature;                     // raw
};

struct Bundle {
  std::string media_type;
  BundleVersion version = BundleVersion::k03;
  MaterialKind material = MaterialKind::kCertificate;
  std::string public_key_hint;                  // kPublicKey only; may be ""
  std::vector<x509::Certificate> certificates;  // leaf first; empty for kPublicKey
  std::vector<TlogEntry> tlog_entries;
  std::vector<std::string> rfc3161_timestamps;  // raw DER TimeStampResp
  std::optional<MessageSignature> message_signature;
  std::optional<dsse::Envelope> dsse_envelope;
  std::string source;

  // The signature the log and timestamps cover: the message signature, or the DSSE envelope's
  // single signature. Requires: the bundle was returned by parse_bundle.
  const std::string& signature() const;
};

// Parses a bundle. Fails with kInvalidInput ("source#/pointer" or "source:line:col") on malformed
// JSON, an unknown media type or member, missing or duplicated content or material, an empty
// certificate chain, unparseable certificates, bad base64, negative indices or sizes, a DSSE
// envelope without exactly one signature, or past `limits`. Semantic requirements that depend on
// the version (inclusion proofs, checkpoints, promises) are checked by verification, not here.
[[nodiscard]] Result<Bundle> parse_bundle(std::string_view json, std::string_view source,
                                          const InputLimits& limits = kBundleLimits);

}  // namespace assay::verify::sigstore

#endif  // ASSAY_VERIFY_SIGSTORE_BUNDLE_H_
