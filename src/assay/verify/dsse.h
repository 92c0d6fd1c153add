// DSSE (Dead Simple Signing Envelope, secure-systems-lab/dsse v1): envelope parsing, the
// pre-authentication encoding (PAE) and signature verification against trusted public keys.
#ifndef ASSAY_VERIFY_DSSE_H_
#define ASSAY_VERIFY_DSSE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/verification.h"

namespace assay::verify::dsse {

// Envelopes carry attestations (SLSA provenance, SBOMs) that can be large, but not unbounded.
inline constexpr InputLimits kEnvelopeLimits{
    .max_bytes = 64ULL * 1024 * 1024,
    .max_depth = 16,
    .max_items = 10'000,
    .max_string_bytes = 64ULL * 1024 * 1024,
};
inline constexpr std::size_t kMaxSignatures = 64;

struct Signature {
  std::string keyid;  // optional, unauthenticated hint; "" when absent
  std::string sig;    // raw signature bytes
};

struct Envelope {
  std::string payload_type;
  std::string payload;  // raw bytes (decoded)
  std::vector<Signature> signatures;
};

// Parses a JSON envelope {"payloadType", "payload", "signatures": [{"keyid", "sig"}]}. Base64 may
// be standard or URL-safe, as the DSSE spec allows. A signature may also carry a "cert" string, as
// in-toto-golang and slsa-github-generator write it; it is type-checked and ignored (it is not a
// trust anchor). Fails with kInvalidInput (location "source#/pointer") on malformed JSON, other
// unknown members, bad base64, an empty payload type, no signatures, more than kMaxSignatures, or
// past `limits`.
[[nodiscard]] Result<Envelope> parse_envelope(std::string_view json, std::string_view source,
                                              const InputLimits& limits = kEnvelopeLimits);
// The same, from a JSON node already parsed (a Sigstore bundle's "dsseEnvelope"), where a "cert"
// member is an unknown member like any other.
[[nodiscard]] Result<Envelope> read_envelope(const json::Reader& node);

// The envelope as JSON (standard base64, keyid only when non-empty).
std::string to_json(const Envelope& envelope);

// PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in ASCII decimal.
std::string pae(std::string_view payload_type, std::string_view payload);

// A key trusted to sign envelopes. `keyid` "" matches any signature; otherwise it must equal the
// signature's keyid when that is set.
struct TrustedKey {
  std::string keyid;
  crypto::PublicKey key;
  std::optional<crypto::SignatureOptions> options;  // default: crypto::default_options(key)
};

// The key id Assay reports for a key: lower-case hex SHA-256 of its DER SubjectPublicKeyInfo.
std::string key_id(const crypto::PublicKey& key);

// Verifies the envelope's signatures over PAE(payloadType, payload). ECDSA signatures may be DER
// or r || s. An RSA key without explicit options verifies PKCS#1 v1.5 or PSS signatures (PSS
// with MGF1 over the same hash and any salt length), since an envelope does not say which
// padding was used; the check's detail names the one that verified. Passes when at least
// `threshold` distinct trusted keys each verified a signature. Checks (method "dsse"):
// "dsse.signature" per signature, then "dsse.threshold". Requires: threshold >= 1.
Verification verify_envelope(const Envelope& envelope, const std::vector<TrustedKey>& keys,
                             std::size_t threshold = 1);

}  // namespace assay::verify::dsse

#endif  // ASSAY_VERIFY_DSSE_H_
