// Who a Sigstore signature must come from: a keyless identity (the Fulcio certificate's subject
// alternative name and OIDC issuer extension, each matched exactly or by an RE2 pattern that must
// match the whole value), or a managed public key.
#ifndef ASSAY_VERIFY_SIGSTORE_POLICY_H_
#define ASSAY_VERIFY_SIGSTORE_POLICY_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/x509.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace assay::verify::sigstore {

// Fulcio's OIDC issuer extensions: v1 holds the raw string, v2 a DER UTF8String.
inline constexpr std::string_view kFulcioIssuerV1Oid = "1.3.6.1.4.1.57264.1.1";
inline constexpr std::string_view kFulcioIssuerV2Oid = "1.3.6.1.4.1.57264.1.8";
inline constexpr std::size_t kMaxPatternBytes = 4096;

// The identity a Fulcio certificate asserts.
struct CertificateIdentity {
  std::vector<x509::SubjectAltName> sans;
  std::optional<std::string> issuer;  // from the v2 extension, else the v1 extension

  // "uri:https://github.com/..., issuer https://token.actions.githubusercontent.com".
  std::string describe() const;
};

// Reads the SANs and the OIDC issuer. A malformed v2 issuer extension fails with kInvalidInput.
[[nodiscard]] Result<CertificateIdentity> certificate_identity(const x509::Certificate& leaf);

// A value matched exactly or against an RE2 pattern anchored at both ends.
class StringMatcher {
 public:
  static StringMatcher exact(std::string value);
  // kInvalidInput when the pattern does not compile or is longer than kMaxPatternBytes.
  [[nodiscard]] static Result<StringMatcher> regex(std::string pattern);

  bool matches(std::string_view value) const;
  bool is_regex() const { return static_cast<bool>(compiled_); }
  // "\"value\"" or "/pattern/".
  std::string describe() const;

 private:
  std::string text_;
  std::shared_ptr<const re2::RE2> compiled_;
};

// Immutable; safe to share between threads.
class Policy {
 public:
  // Keyless: the certificate must carry a SAN matching `san` and an issuer matching `issuer`.
  static Policy identity(StringMatcher san, StringMatcher issuer);
  // Managed key: the bundle must be signed by `key` (its public-key material is ignored).
  static Policy key(crypto::PublicKey key);

  bool is_key() const { return key_.has_value(); }
  const std::optional<crypto::PublicKey>& public_key() const { return key_; }
  // "SAN \"...\" and issuer \"...\"" or "ECDSA P-256 key sha256:<hex>".
  std::string describe() const;

  // Checks `identity` against an identity policy. kVerifyFailed says which part did not match
  // and what the certificate holds. Requires: !is_key().
  [[nodiscard]] Result<void> check(const CertificateIdentity& identity) const;

 private:
  std::optional<StringMatcher> san_;
  std::optional<StringMatcher> issuer_;
  std::optional<crypto::PublicKey> key_;
};

}  // namespace assay::verify::sigstore

#endif  // ASSAY_VERIFY_SIGSTORE_POLICY_H_
