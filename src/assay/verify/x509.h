// X.509 certificates through OpenSSL 3.0: strict DER parsing, the fields verifiers need (validity,
// names, subject alternative names, extensions, key usage) and chain building to trust anchors.
// Times are Unix seconds; validity windows are closed intervals, as RFC 5280 defines them.
#ifndef ASSAY_VERIFY_X509_H_
#define ASSAY_VERIFY_X509_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/verify/crypto.h"

// OpenSSL's certificate and store types, opaque here.
struct x509_st;
struct x509_store_st;

namespace assay::verify::x509 {

// Unix seconds of a UTC civil time (proleptic Gregorian; no range checks).
std::int64_t unix_time_from_civil(std::int64_t year, unsigned month, unsigned day, unsigned hour,
                                  unsigned minute, unsigned second);

enum class SanType { kEmail, kUri, kDns, kIp, kOtherName };

// "email", "uri", "dns", "ip", "otherName".
std::string_view to_string(SanType type);

struct SubjectAltName {
  SanType type = SanType::kUri;
  std::string value;           // for kOtherName, the UTF8String value (other types are not decoded)
  std::string other_name_oid;  // kOtherName only, dotted
};

// A parsed certificate. Cheap to copy (shared, immutable); safe to read from several threads.
class Certificate {
 public:
  // Strict DER: fails with kInvalidInput on malformed input, trailing bytes, or an unusable
  // validity period; kUnsupported when the public key algorithm is not supported.
  [[nodiscard]] static Result<Certificate> from_der(std::string_view der);
  // Every "CERTIFICATE" block in `pem`, in order; fails if there is none.
  [[nodiscard]] static Result<std::vector<Certificate>> from_pem(std::string_view pem);

  const std::string& der() const { return state_->der; }
  std::int64_t not_before() const { return state_->not_before; }
  std::int64_t not_after() const { return state_->not_after; }
  // not_before() <= unix_seconds <= not_after().
  bool valid_at(std::int64_t unix_seconds) const;
  // RFC 2253 one-line form, e.g. "CN=sigstore-intermediate,O=sigstore.dev".
  std::string subject() const;
  std::string issuer() const;
  std::string serial_hex() const;
  // SHA-256 of the DER, lower-case hex.
  std::string fingerprint_sha256() const;
  // basicConstraints cA=TRUE.
  bool is_ca() const;
  // Subject and issuer names are equal (a root or other self-issued certificate).
  bool is_self_issued() const;
  // keyUsage absent, or present with digitalSignature.
  bool allows_digital_signature() const;
  // extendedKeyUsage present and containing id-kp-codeSigning.
  bool has_code_signing_usage() const;
  const crypto::PublicKey& public_key() const { return state_->public_key; }
  std::vector<SubjectAltName> subject_alt_names() const;
  // The contents of the extnValue OCTET STRING of the extension `oid` (dotted), if present.
  std::optional<std::string> extension_value(std::string_view oid) const;
  // True if `issuer`'s key verifies this certificate's signature and the names chain.
  bool is_signed_by(const Certificate& issuer) const;
  // Borrowed; valid while any copy of this Certificate lives.
  x509_st* native() const { return state_->cert.get(); }

  friend bool operator==(const Certificate& a, const Certificate& b) { return a.der() == b.der(); }

 private:
  struct State {
    std::shared_ptr<x509_st> cert;
    std::string der;
    std::int64_t not_before = 0;
    std::int64_t not_after = 0;
    crypto::PublicKey public_key;
  };
  std::shared_ptr<const State> state_;
};

// A set of trust anchors for chain building. Anchors need not be self-signed: with
// `partial_chain`, a path ending at any anchor is accepted, so a CA's intermediate can anchor
// chains once its own link to the root has been checked. Cheap to copy; thread-safe to use.
class TrustStore {
 public:
  TrustStore() = default;
  [[nodiscard]] static Result<TrustStore> create(const std::vector<Certificate>& anchors,
                                                 bool partial_chain);
  bool empty() const { return !store_; }

  // Builds and verifies a path from `leaf` through `intermediates` (untrusted) to an anchor:
  // signatures, names, CA basic constraints and key usage of issuers, and critical extensions.
  // Validity periods are NOT checked here (callers check them at the signing times they trust).
  // Returns the path, leaf first, anchor last. Fails with kVerifyFailed and OpenSSL's reason.
  [[nodiscard]] Result<std::vector<Certificate>> verify_path(
      const Certificate& leaf, const std::vector<Certificate>& intermediates = {}) const;

 private:
  std::shared_ptr<x509_store_st> store_;
  std::vector<Certificate> anchors_;
  bool partial_chain_ = false;
};

}  // namespace assay::verify::x509

#endif  // ASSAY_VERIFY_X509_H_
