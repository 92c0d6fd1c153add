// OpenSSL TS adapter: RFC 3161 timestamp parsing and verification at the token's genTime.
#include "assay/verify/tsa.h"

#include <array>
#include <ctime>

#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/pkcs7.h>
#include <openssl/ts.h>
#include <openssl/x509_vfy.h>

#include "assay/core/strings.h"

namespace assay::verify::tsa {

namespace {

const unsigned char* as_bytes(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

// OpenSSL's reason and any detail it attached ("Verify error:certificate has expired").
std::string openssl_reason(std::string_view fallback) {
  const char* data = nullptr;
  int flags = 0;
  const unsigned long code = ERR_peek_last_error_data(&data, &flags);
  std::string reason;
  if (code != 0 && ERR_reason_error_string(code) != nullptr) {
    reason = ERR_reason_error_string(code);
  }
  if (data != nullptr && (flags & ERR_TXT_STRING) != 0 && data[0] != '\0') {
    reason += (reason.empty() ? "" : ": ") + std::string(data);
  }
  ERR_clear_error();
  return reason.empty() ? std::string(fallback) : reason;
}

struct TstInfoDeleter {
  void operator()(TS_TST_INFO* info) const { TS_TST_INFO_free(info); }
};
struct VerifyCtxDeleter {
  void operator()(TS_VERIFY_CTX* ctx) const { TS_VERIFY_CTX_free(ctx); }
};

Result<void> read_tst_info(const TS_TST_INFO* info, TimestampToken& token) {
  auto* mutable_info = const_cast<TS_TST_INFO*>(info);  // OpenSSL's getters are not const
  std::tm parts{};
  const ASN1_GENERALIZEDTIME* time = TS_TST_INFO_get_time(mutable_info);
  if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) {
    ERR_clear_error();
    return fail(ErrorCode::kInvalidInput, "timestamp genTime is missing or malformed");
  }
  token.gen_time = x509::unix_time_from_civil(
      static_cast<std::int64_t>(parts.tm_year) + 1900, static_cast<unsigned>(parts.tm_mon + 1),
      static_cast<unsigned>(parts.tm_mday), static_cast<unsigned>(parts.tm_hour),
      static_cast<unsigned>(parts.tm_min), static_cast<unsigned>(parts.tm_sec));
  TS_MSG_IMPRINT* imprint = TS_TST_INFO_get_msg_imprint(mutable_info);
  const X509_ALGOR* algorithm = TS_MSG_IMPRINT_get_algo(imprint);
  const ASN1_OBJECT* object = nullptr;
  X509_ALGOR_get0(&object, nullptr, nullptr, algorithm);
  switch (OBJ_obj2nid(object)) {
    case NID_sha256:
      token.imprint_algorithm = crypto::HashAlgorithm::kSha256;
      break;
    case NID_sha384:
      token.imprint_algorithm = crypto::HashAlgorithm::kSha384;
      break;
    case NID_sha512:
      token.imprint_algorithm = crypto::HashAlgorithm::kSha512;
      break;
    default:
      return fail(ErrorCode::kUnsupported,
                  "timestamp message imprint algorithm is not SHA-256, SHA-384 or SHA-512");
  }
  const ASN1_OCTET_STRING* digest = TS_MSG_IMPRINT_get_msg(imprint);
  token.imprint.assign(reinterpret_cast<const char*>(ASN1_STRING_get0_data(digest)),
                       static_cast<std::size_t>(ASN1_STRING_length(digest)));
  if (token.imprint.size() != crypto::digest_size(token.imprint_algorithm)) {
    return fail(ErrorCode::kInvalidInput,
                "timestamp message imprint is " + std::to_string(token.imprint.size()) +
                    " bytes, not the " +
                    std::to_string(crypto::digest_size(token.imprint_algorithm)) + " of a " +
                    std::string(crypto::to_string(token.imprint_algorithm)) + " digest");
  }
  BIGNUM* serial = ASN1_INTEGER_to_BN(TS_TST_INFO_get_serial(mutable_info), nullptr);
  if (serial != nullptr) {
    char* hex = BN_bn2hex(serial);
    token.serial_hex = hex != nullptr ? ascii_lower(hex) : "";
    OPENSSL_free(hex);
    BN_free(serial);
  }
  std::array<char, 128> policy{};
  const int length = OBJ_obj2txt(policy.data(), static_cast<int>(policy.size()),
                                 TS_TST_INFO_get_policy_id(mutable_info), 1);
  if (length > 0) {
    token.policy_oid.assign(policy.data(),
                            std::min(static_cast<std::size_t>(length), policy.size() - 1));
  }
  ERR_clear_error();
  return {};
}

// True when the token's single SignerInfo names `certificate` by issuer and serial number.
bool signed_by(const TimestampToken& token, const x509::Certificate& certificate) {
  STACK_OF(PKCS7_SIGNER_INFO)* infos = PKCS7_get_signer_info(token.token.get());
  if (infos == nullptr || sk_PKCS7_SIGNER_INFO_num(infos) != 1) {
    ERR_clear_error();
    return false;
  }
  const PKCS7_ISSUER_AND_SERIAL* id = sk_PKCS7_SIGNER_INFO_value(infos, 0)->issuer_and_serial;
  return id != nullptr &&
         X509_NAME_cmp(id->issuer, X509_get_issuer_name(certificate.native())) == 0 &&
         ASN1_INTEGER_cmp(id->serial, X509_get0_serialNumber(certificate.native())) == 0;
}

}  // namespace

Result<TimestampToken> parse_timestamp(std::string_view der) {
  if (der.size() > kMaxTimestampBytes) {
    return fail(ErrorCode::kInvalidInput,
                "timestamp is larger than " + std::to_string(kMaxTimestampBytes) + " bytes");
  }
  TimestampToken token;
  const unsigned char* cursor = as_bytes(der);
  TS_RESP* response = d2i_TS_RESP(nullptr, &cursor, static_cast<long>(der.size()));
  if (response != nullptr && cursor == as_bytes(der) + der.size()) {
    std::shared_ptr<TS_RESP> owner(response, TS_RESP_free);
    const long status =
        ASN1_INTEGER_get(TS_STATUS_INFO_get0_status(TS_RESP_get_status_info(response)));
    if (status != 0 && status != 1) {
      return fail(ErrorCode::kInvalidInput, "timestamp response status is " +
                                                std::to_string(status) +
                                                " (not granted); it carries no timestamp");
    }
    PKCS7* signed_data = TS_RESP_get_token(response);
    const TS_TST_INFO* info = TS_RESP_get_tst_info(response);
    if (signed_data == nullptr || info == nullptr) {
      return fail(ErrorCode::kInvalidInput, "timestamp response has no timestamp token");
    }
    ASSAY_TRY_VOID(read_tst_info(info, token));
    token.token = std::shared_ptr<PKCS7>(owner, signed_data);
  } else {
    TS_RESP_free(response);
    ERR_clear_error();
    cursor = as_bytes(der);
    PKCS7* signed_data = d2i_PKCS7(nullptr, &cursor, static_cast<long>(der.size()));
    if (signed_data == nullptr || cursor != as_bytes(der) + der.size()) {
      PKCS7_free(signed_data);
      ERR_clear_error();
      return fail(ErrorCode::kInvalidInput, "not a DER RFC 3161 TimeStampResp or TimeStampToken");
    }
    token.token = std::shared_ptr<PKCS7>(signed_data, PKCS7_free);
    std::unique_ptr<TS_TST_INFO, TstInfoDeleter> info(PKCS7_to_TS_TST_INFO(signed_data));
    if (!info) {
      ERR_clear_error();
      return fail(ErrorCode::kInvalidInput, "timestamp token holds no TSTInfo");
    }
    ASSAY_TRY_VOID(read_tst_info(info.get(), token));
  }
  if (PKCS7_type_is_signed(token.token.get()) && token.token->d.sign != nullptr &&
      token.token->d.sign->cert != nullptr) {
    token.embedded_certificates = static_cast<std::size_t>(sk_X509_num(token.token->d.sign->cert));
  }
  return token;
}

Result<void> verify_timestamp(const TimestampToken& token, std::string_view message,
                              const std::vector<x509::Certificate>& chain,
                              bool chain_links_verified) {
  if (!token.token) {
    return fail(ErrorCode::kInternal, "timestamp token was not parsed");
  }
  if (crypto::digest(token.imprint_algorithm, message) != token.imprint) {
    return fail(ErrorCode::kVerifyFailed,
                "message imprint " + hex_encode(token.imprint) + " is not the " +
                    std::string(crypto::to_string(token.imprint_algorithm)) +
                    " of the signature it should timestamp");
  }
  if (chain.empty()) {
    return fail(ErrorCode::kVerifyFailed, "timestamp authority has no certificates");
  }
  // When the token is signed by the authority's own (already checked) signing certificate, that
  // certificate alone anchors the path: OpenSSL then skips re-verifying its link to the root,
  // and the validity of the rest of the chain at genTime is checked here instead.
  const bool signer_is_first = chain_links_verified && signed_by(token, chain.front());
  if (signer_is_first) {
    for (const x509::Certificate& certificate : chain) {
      if (!certificate.valid_at(token.gen_time)) {
        return fail(ErrorCode::kVerifyFailed,
                    "certificate " + quote(certificate.subject()) +
                        " of the authority's chain was not valid at genTime");
      }
    }
  }
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) {
    return fail(ErrorCode::kInternal, "cannot allocate a certificate store");
  }
  if (signer_is_first) {
    X509_STORE_add_cert(store, chain.front().native());
    X509_VERIFY_PARAM_set_flags(X509_STORE_get0_param(store), X509_V_FLAG_PARTIAL_CHAIN);
  } else {
    X509_STORE_add_cert(store, chain.back().native());
  }
  // Check the chain as it stood when the timestamp was made.
  X509_VERIFY_PARAM_set_time(X509_STORE_get0_param(store), static_cast<time_t>(token.gen_time));
  STACK_OF(X509)* untrusted = sk_X509_new_null();
  // Also the candidates for the signer (a token need not embed its certificate).
  for (std::size_t index = 0; index + 1 < chain.size(); ++index) {
    X509_up_ref(chain[index].native());
    sk_X509_push(untrusted, chain[index].native());
  }
  std::unique_ptr<TS_VERIFY_CTX, VerifyCtxDeleter> ctx(TS_VERIFY_CTX_new());
  if (!ctx || untrusted == nullptr) {
    X509_STORE_free(store);
    sk_X509_pop_free(untrusted, X509_free);
    return fail(ErrorCode::kInternal, "cannot allocate a timestamp verification context");
  }
  // The context owns the store and the stack from here on.
  TS_VERIFY_CTX_set_store(ctx.get(), store);
  TS_VERIFY_CTX_set_certs(ctx.get(), untrusted);
  TS_VERIFY_CTX_set_flags(ctx.get(), TS_VFY_SIGNATURE | TS_VFY_VERSION);
  if (TS_RESP_verify_token(ctx.get(), token.token.get()) != 1) {
    return fail(ErrorCode::kVerifyFailed, openssl_reason("timestamp signature does not verify"));
  }
  ERR_clear_error();
  return {};
}

}  // namespace assay::verify::tsa
