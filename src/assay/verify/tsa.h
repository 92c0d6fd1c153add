// RFC 3161 trusted timestamps through OpenSSL's TS API: parsing a TimeStampResp (or a bare
// TimeStampToken), checking the message imprint, and verifying the CMS signature with a TSA
// certificate chain at the timestamp's own time (so an expired TSA certificate still proves what
// it signed while it was valid).
#ifndef ASSAY_VERIFY_TSA_H_
#define ASSAY_VERIFY_TSA_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/verify/crypto.h"
#include "assay/verify/x509.h"

// OpenSSL's PKCS#7 type, opaque here.
struct pkcs7_st;

namespace assay::verify::tsa {

inline constexpr std::size_t kMaxTimestampBytes = 64 * 1024;

struct TimestampToken {
  std::int64_t gen_time = 0;  // Unix seconds (a fractional part is dropped)
  crypto::HashAlgorithm imprint_algorithm = crypto::HashAlgorithm::kSha256;
  std::string imprint;  // raw digest
  std::string serial_hex;
  std::string policy_oid;
  std::size_t embedded_certificates = 0;  // certificates carried in the token itself
  std::shared_ptr<pkcs7_st> token;        // the signed CMS (PKCS #7) content
};

// Parses DER bytes holding a TimeStampResp (status granted or grantedWithMods) or a bare
// TimeStampToken. kInvalidInput when malformed, over kMaxTimestampBytes, or not granted;
// kUnsupported for imprint algorithms other than SHA-256/384/512.
[[nodiscard]] Result<TimestampToken> parse_timestamp(std::string_view der);

// Verifies that `token` timestamps `message`: its imprint is the digest of `message`, and its
// signer chains to `chain` (issuing certificate first, root last, as a trusted root lists it)
// with every certificate valid at the token's genTime, the signer's extended key usage
// timeStamping (critical), and the ESS signing-certificate attribute naming the signer.
// `chain_links_verified` says the caller has already checked that each certificate of `chain`
// is signed by the next: every one of them then anchors the path, so a token signed by chain[0]
// costs one signature check instead of one per link. kVerifyFailed with the reason otherwise.
// Thread-safe.
[[nodiscard]] Result<void> verify_timestamp(const TimestampToken& token, std::string_view message,
                                            const std::vector<x509::Certificate>& chain,
                                            bool chain_links_verified = false);

}  // namespace assay::verify::tsa

#endif  // ASSAY_VERIFY_TSA_H_
