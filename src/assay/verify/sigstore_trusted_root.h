// Sigstore trusted_root.json (dev.sigstore.trustroot.v1.TrustedRoot, media types
// "application/vnd.dev.sigstore.trustedroot+json;version=0.1" and "...trustedroot.v0.2+json"):
// the transparency logs, certificate authorities, CT logs and timestamp authorities a
// verification is anchored in, parsed strictly and prepared for verification.
#ifndef ASSAY_VERIFY_SIGSTORE_TRUSTED_ROOT_H_
#define ASSAY_VERIFY_SIGSTORE_TRUSTED_ROOT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/x509.h"

namespace assay::verify::sigstore {

inline constexpr InputLimits kTrustedRootLimits{
    .max_bytes = 4ULL * 1024 * 1024,
    .max_depth = 16,
    .max_items = 100'000,
    .max_string_bytes = 1024ULL * 1024,
};

// A closed interval of Unix seconds; no end means open-ended.
struct TimeRange {
  std::int64_t start = 0;
  std::optional<std::int64_t> end;

  bool contains(std::int64_t unix_seconds) const {
    return start <= unix_seconds && (!end || unix_seconds <= *end);
  }
  // "[2021-01-12T11:53:27Z, 2022-07-31T00:00:00Z]" or "[..., open]".
  std::string to_string() const;
};

// A Rekor transparency log or a CT log.
struct TransparencyLog {
  std::string base_url;
  std::string hash_algorithm;  // "SHA2_256"
  std::string key_details;     // PublicKeyDetails name, e.g. "PKIX_ECDSA_P256_SHA_256"
  // nullopt when the key's algorithm is not supported; `unsupported_reason` says why.
  std::optional<crypto::PublicKey> key;
  std::string unsupported_reason;
  TimeRange valid_for;
  std::string log_id;             // raw bytes
  std::string checkpoint_key_id;  // raw bytes; "" when absent (then log_id applies)
  std::string pointer;            // JSON pointer into the trusted root, for messages

  // The base URL's host ("rekor.sigstore.dev"): the name a log's checkpoint signatures carry.
  std::string host() const;
};

// A Fulcio CA or an RFC 3161 timestamp authority.
struct CertificateAuthority {
  std::string organization;
  std::string common_name;
  std::string uri;
  std::vector<x509::Certificate> chain;  // issuing certificate first, root last
  TimeRange valid_for;
  std::string pointer;
  // True when every link of `chain` was verified when the root was loaded; then every
  // certificate of the chain anchors paths in `store`, so a leaf issued by chain[0] costs one
  // signature check per verification instead of one per link.
  bool chain_verified = false;
  x509::TrustStore store;

  // "O=sigstore.dev, CN=sigstore (https://fulcio.sigstore.dev)".
  std::string describe() const;
};

struct TrustedRoot {
  std::string media_type;
  std::vector<TransparencyLog> tlogs;
  std::vector<CertificateAuthority> certificate_authorities;
  std::vector<TransparencyLog> ctlogs;
  std::vector<CertificateAuthority> timestamp_authorities;
  std::string source;  // the name given to parse_trusted_root
  std::string sha256;  // lower-case hex SHA-256 of the parsed bytes

  // The Rekor log with this (raw) log id, or nullptr.
  const TransparencyLog* find_tlog(std::string_view log_id) const;
  // The CT log with this (raw) log id, or nullptr.
  const TransparencyLog* find_ctlog(std::string_view log_id) const;
  // "<source> (sha256:<hex>)".
  std::string describe() const;
};

// Parses a trusted root. Fails with kInvalidInput ("source#/pointer") on malformed JSON, an
// unknown media type or member, a missing required field (a validFor without its start, a log
// without its key or log id, a CA without certificates), bad base64 or certificates, or past
// `limits`. Keys of unsupported algorithms are kept but unusable (TransparencyLog::key empty).
[[nodiscard]] Result<TrustedRoot> parse_trusted_root(
    std::string_view json, std::string_view source, const InputLimits& limits = kTrustedRootLimits);

}  // namespace assay::verify::sigstore

#endif  // ASSAY_VERIFY_SIGSTORE_TRUSTED_ROOT_H_
