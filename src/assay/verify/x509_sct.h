// Certificate Transparency: signed certificate timestamps embedded in X.509 certificates
// (RFC 6962 section 3.3, extension 1.3.6.1.4.1.11129.2.4.2), parsed from their TLS encoding and
// verified as precertificate timestamps against a CT log's public key.
#ifndef ASSAY_VERIFY_X509_SCT_H_
#define ASSAY_VERIFY_X509_SCT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/x509.h"

namespace assay::verify::x509 {

inline constexpr std::string_view kSctListOid = "1.3.6.1.4.1.11129.2.4.2";
// More SCTs than this in one certificate is treated as hostile input.
inline constexpr std::size_t kMaxScts = 64;

struct SignedCertificateTimestamp {
  std::uint8_t version = 0;  // 0 = v1, the only version defined
  std::string log_id;        // 32 bytes: SHA-256 of the log's public key (DER SPKI)
  std::uint64_t timestamp_ms = 0;
  std::string extensions;                // opaque (Static CT logs put the leaf index here)
  std::uint8_t hash_algorithm = 0;       // TLS HashAlgorithm: 4 = sha256
  std::uint8_t signature_algorithm = 0;  // TLS SignatureAlgorithm: 1 = rsa, 3 = ecdsa
  std::string signature;
};

// The SCTs embedded in `certificate`; empty when it has no SCT list extension. Fails with
// kInvalidInput when the list is malformed (lengths overrun, trailing bytes, too many entries).
[[nodiscard]] Result<std::vector<SignedCertificateTimestamp>> embedded_scts(
    const Certificate& certificate);

// `leaf`'s TBSCertificate DER with the SCT list extension removed and every other byte as it
// was: what the CT log signed when it saw the precertificate. kInvalidInput when the certificate
// has no SCT list or its DER cannot be walked.
[[nodiscard]] Result<std::string> precert_tbs(const Certificate& leaf);

// The RFC 6962 digitally-signed structure for a precertificate SCT: `leaf`'s TBSCertificate
// without the SCT list extension, bound to the SHA-256 of `issuer`'s public key.
[[nodiscard]] Result<std::string> precert_signed_data(const Certificate& leaf,
                                                      const Certificate& issuer,
                                                      const SignedCertificateTimestamp& sct);

// Verifies `sct` over `leaf` (issued by `issuer`) with the CT log's key. kVerifyFailed when the
// log id does not name `log_key`, the algorithms do not fit the key, or the signature fails.
[[nodiscard]] Result<void> verify_embedded_sct(const SignedCertificateTimestamp& sct,
                                               const Certificate& leaf, const Certificate& issuer,
                                               const crypto::PublicKey& log_key);

}  // namespace assay::verify::x509

#endif  // ASSAY_VERIFY_X509_SCT_H_
