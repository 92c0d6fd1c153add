// Fuzzes X.509 certificate parsing (DER and PEM) and what verifiers read from a certificate:
// names, subject alternative names, extensions, embedded SCTs and the precertificate TBS. Oracles:
// a parsed certificate re-parses from its own DER to an equal certificate, and a precertificate
// TBS never keeps the SCT list.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/verify/x509.h"
#include "assay/verify/x509_sct.h"

namespace {

namespace x509 = assay::verify::x509;

void exercise(const x509::Certificate& certificate) {
  const auto again = x509::Certificate::from_der(certificate.der());
  if (!again || !(*again == certificate) || again->subject() != certificate.subject() ||
      again->not_before() != certificate.not_before() ||
      again->not_after() != certificate.not_after()) {
    std::abort();
  }
  static_cast<void>(certificate.issuer());
  static_cast<void>(certificate.serial_hex());
  static_cast<void>(certificate.fingerprint_sha256());
  static_cast<void>(certificate.is_ca());
  static_cast<void>(certificate.is_self_issued());
  static_cast<void>(certificate.allows_digital_signature());
  static_cast<void>(certificate.has_code_signing_usage());
  static_cast<void>(certificate.valid_at(certificate.not_before()));
  static_cast<void>(certificate.public_key().describe());
  for (const x509::SubjectAltName& name : certificate.subject_alt_names()) {
    static_cast<void>(x509::to_string(name.type));
  }
  static_cast<void>(certificate.is_signed_by(certificate));
  const auto scts = x509::embedded_scts(certificate);
  if (!scts || scts->empty()) {
    return;
  }
  if (scts->size() > x509::kMaxScts) {
    std::abort();
  }
  const auto tbs = x509::precert_tbs(certificate);
  if (tbs && tbs->size() >= certificate.der().size()) {
    std::abort();  // removing the SCT list must shrink the certificate
  }
  for (const x509::SignedCertificateTimestamp& sct : *scts) {
    if (sct.log_id.size() != 32 || sct.version != 0) {
      std::abort();
    }
    static_cast<void>(x509::precert_signed_data(certificate, certificate, sct));
    // Signature checks are pure computation: the certificate's own key stands in for a log's.
    static_cast<void>(
        x509::verify_embedded_sct(sct, certificate, certificate, certificate.public_key()));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto certificate = x509::Certificate::from_der(bytes)) {
    exercise(*certificate);
  }
  if (const auto certificates = x509::Certificate::from_pem(bytes)) {
    if (certificates->empty()) {
      std::abort();  // from_pem fails rather than return nothing
    }
    for (const x509::Certificate& certificate : *certificates) {
      exercise(certificate);
    }
  }
  return 0;
}
