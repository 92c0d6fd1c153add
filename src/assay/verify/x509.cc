// OpenSSL 3.0 adapter for X.509 certificates and chain building.
#include "assay/verify/x509.h"

#include <array>
#include <ctime>

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include "assay/core/strings.h"

namespace assay::verify::x509 {

namespace {

const unsigned char* as_bytes(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

std::string openssl_reason(std::string_view fallback) {
  const unsigned long code = ERR_peek_last_error();
  std::string reason;
  if (code != 0 && ERR_reason_error_string(code) != nullptr) {
    reason = ERR_reason_error_string(code);
  }
  ERR_clear_error();
  return reason.empty() ? std::string(fallback) : reason;
}

Result<std::int64_t> unix_time(const ASN1_TIME* time, std::string_view which) {
  std::tm parts{};
  if (time == nullptr || ASN1_TIME_to_tm(time, &parts) != 1) {
    ERR_clear_error();
    return fail(ErrorCode::kInvalidInput,
                "certificate " + std::string(which) + " time is missing or malformed");
  }
  return unix_time_from_civil(
      static_cast<std::int64_t>(parts.tm_year) + 1900, static_cast<unsigned>(parts.tm_mon + 1),
      static_cast<unsigned>(parts.tm_mday), static_cast<unsigned>(parts.tm_hour),
      static_cast<unsigned>(parts.tm_min), static_cast<unsigned>(parts.tm_sec));
}

std::string name_text(const X509_NAME* name) {
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) {
    return {};
  }
  X509_NAME_print_ex(bio, name, 0, XN_FLAG_RFC2253);
  char* data = nullptr;
  const long length = BIO_get_mem_data(bio, &data);
  std::string out(data != nullptr && length > 0
                      ? std::string(data, static_cast<std::size_t>(length))
                      : std::string());
  BIO_free(bio);
  return out;
}

std::string asn1_string_text(const ASN1_STRING* value) {
  if (value == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(value)),
                     static_cast<std::size_t>(ASN1_STRING_length(value)));
}

std::string oid_text(const ASN1_OBJECT* object) {
  std::array<char, 128> buffer{};
  const int length = OBJ_obj2txt(buffer.data(), static_cast<int>(buffer.size()), object, 1);
  if (length <= 0) {
    return {};
  }
  return std::string(buffer.data(), std::min(static_cast<std::size_t>(length), buffer.size() - 1));
}

std::string ip_text(const ASN1_OCTET_STRING* address) {
  const std::string bytes = asn1_string_text(address);
  std::string out;
  if (bytes.size() == 4) {
    for (std::size_t index = 0; index < 4; ++index) {
      out += (index > 0 ? "." : "") +
             std::to_string(static_cast<unsigned>(static_cast<unsigned char>(bytes[index])));
    }
    return out;
  }
  const std::string hex = hex_encode(bytes);
  for (std::size_t index = 0; index < hex.size(); index += 4) {
    out += (index > 0 ? ":" : "") + hex.substr(index, 4);
  }
  return out;
}

struct StoreCtxDeleter {
  void operator()(X509_STORE_CTX* ctx) const { X509_STORE_CTX_free(ctx); }
};
struct StackDeleter {
  void operator()(STACK_OF(X509) * stack) const { sk_X509_free(stack); }
};

}  // namespace

std::int64_t unix_time_from_civil(std::int64_t year, unsigned month, unsigned day, unsigned hour,
                                  unsigned minute, unsigned second) {
  // Days since 1970-01-01 (H. Hinnant's days_from_civil).
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned shifted_month = month > 2 ? month - 3 : month + 9;
  const unsigned day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  const std::int64_t days = era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
  return days * 86400 + static_cast<std::int64_t>(hour) * 3600 + minute * 60 + second;
}

std::string_view to_string(SanType type) {
  switch (type) {
    case SanType::kEmail:
      return "email";
    case SanType::kUri:
      return "uri";
    case SanType::kDns:
      return "dns";
    case SanType::kIp:
      return "ip";
    case SanType::kOtherName:
      return "otherName";
  }
  return "uri";
}

Result<Certificate> Certificate::from_der(std::string_view der) {
  const unsigned char* cursor = as_bytes(der);
  X509* raw = d2i_X509(nullptr, &cursor, static_cast<long>(der.size()));
  if (raw == nullptr) {
    return fail(ErrorCode::kInvalidInput,
                "not a DER X.509 certificate: " + openssl_reason("decoding failed"));
  }
  std::shared_ptr<X509> cert(raw, X509_free);
  if (cursor != as_bytes(der) + der.size()) {
    return fail(ErrorCode::kInvalidInput, "extra bytes after the DER certificate");
  }
  auto state = std::make_shared<State>();
  state->der = std::string(der);
  ASSAY_TRY(state->not_before, unix_time(X509_get0_notBefore(raw), "notBefore"));
  ASSAY_TRY(state->not_after, unix_time(X509_get0_notAfter(raw), "notAfter"));
  if (state->not_after < state->not_before) {
    return fail(ErrorCode::kInvalidInput, "certificate notAfter is before its notBefore");
  }
  EVP_PKEY* key = X509_get_pubkey(raw);
  if (key == nullptr) {
    return fail(ErrorCode::kInvalidInput,
                "certificate public key cannot be read: " + openssl_reason(""));
  }
  // The certificate's own SubjectPublicKeyInfo encoding (plain ASN.1, no provider round trip).
  unsigned char* spki = nullptr;
  const int spki_length = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(raw), &spki);
  std::string spki_der;
  if (spki_length > 0) {
    spki_der.assign(reinterpret_cast<const char*>(spki), static_cast<std::size_t>(spki_length));
  }
  OPENSSL_free(spki);
  ASSAY_TRY(state->public_key, crypto::PublicKey::adopt(key, std::move(spki_der)));
  // Caches the extensions now, so that a malformed critical extension is reported here rather
  // than silently ignored by the accessors later.
  if (X509_check_purpose(raw, -1, 0) != 1 ||
      (X509_get_extension_flags(raw) & EXFLAG_INVALID) != 0) {
    ERR_clear_error();
    return fail(ErrorCode::kInvalidInput, "certificate has malformed extensions");
  }
  state->cert = std::move(cert);
  Certificate result;
  result.state_ = std::move(state);
  return result;
}

Result<std::vector<Certificate>> Certificate::from_pem(std::string_view pem) {
  ASSAY_TRY(const std::vector<crypto::PemBlock> blocks, crypto::pem_decode(pem));
  std::vector<Certificate> certificates;
  for (const crypto::PemBlock& block : blocks) {
    if (block.label != "CERTIFICATE") {
      continue;
    }
    ASSAY_TRY(Certificate certificate, from_der(block.der));
    certificates.push_back(std::move(certificate));
  }
  if (certificates.empty()) {
    return fail(ErrorCode::kInvalidInput, "no \"CERTIFICATE\" PEM block found");
  }
  return certificates;
}

bool Certificate::valid_at(std::int64_t unix_seconds) const {
  return not_before() <= unix_seconds && unix_seconds <= not_after();
}

std::string Certificate::subject() const {
  return name_text(X509_get_subject_name(native()));
}

std::string Certificate::issuer() const {
  return name_text(X509_get_issuer_name(native()));
}

std::string Certificate::serial_hex() const {
  BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(native()), nullptr);
  if (number == nullptr) {
    ERR_clear_error();
    return {};
  }
  char* hex = BN_bn2hex(number);
  std::string out = hex != nullptr ? ascii_lower(hex) : std::string();
  OPENSSL_free(hex);
  BN_free(number);
  return out;
}

std::string Certificate::fingerprint_sha256() const {
  return hex_encode(crypto::sha256(der()));
}

bool Certificate::is_ca() const {
  return (X509_get_extension_flags(native()) & EXFLAG_CA) != 0;
}

bool Certificate::is_self_issued() const {
  return X509_NAME_cmp(X509_get_subject_name(native()), X509_get_issuer_name(native())) == 0;
}

bool Certificate::allows_digital_signature() const {
  return (X509_get_key_usage(native()) & KU_DIGITAL_SIGNATURE) != 0;
}

bool Certificate::has_code_signing_usage() const {
  return (X509_get_extension_flags(native()) & EXFLAG_XKUSAGE) != 0 &&
         (X509_get_extended_key_usage(native()) & XKU_CODE_SIGN) != 0;
}

std::vector<SubjectAltName> Certificate::subject_alt_names() const {
  std::vector<SubjectAltName> names;
  auto* general_names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(native(), NID_subject_alt_name, nullptr, nullptr));
  if (general_names == nullptr) {
    ERR_clear_error();
    return names;
  }
  for (int index = 0; index < sk_GENERAL_NAME_num(general_names); ++index) {
    const GENERAL_NAME* name = sk_GENERAL_NAME_value(general_names, index);
    SubjectAltName san;
    switch (name->type) {
      case GEN_EMAIL:
        san.type = SanType::kEmail;
        san.value = asn1_string_text(name->d.rfc822Name);
        break;
      case GEN_URI:
        san.type = SanType::kUri;
        san.value = asn1_string_text(name->d.uniformResourceIdentifier);
        break;
      case GEN_DNS:
        san.type = SanType::kDns;
        san.value = asn1_string_text(name->d.dNSName);
        break;
      case GEN_IPADD:
        san.type = SanType::kIp;
        san.value = ip_text(name->d.iPAddress);
        break;
      case GEN_OTHERNAME: {
        san.type = SanType::kOtherName;
        san.other_name_oid = oid_text(name->d.otherName->type_id);
        const ASN1_TYPE* value = name->d.otherName->value;
        if (value != nullptr && value->type == V_ASN1_UTF8STRING) {
          san.value = asn1_string_text(value->value.utf8string);
        }
        break;
      }
      default:
        continue;
    }
    names.push_back(std::move(san));
  }
  GENERAL_NAMES_free(general_names);
  return names;
}

std::optional<std::string> Certificate::extension_value(std::string_view oid) const {
  ASN1_OBJECT* object = OBJ_txt2obj(std::string(oid).c_str(), 1);
  if (object == nullptr) {
    ERR_clear_error();
    return std::nullopt;
  }
  const int position = X509_get_ext_by_OBJ(native(), object, -1);
  ASN1_OBJECT_free(object);
  if (position < 0) {
    return std::nullopt;
  }
  const X509_EXTENSION* extension = X509_get_ext(native(), position);
  return asn1_string_text(X509_EXTENSION_get_data(const_cast<X509_EXTENSION*>(extension)));
}

bool Certificate::is_signed_by(const Certificate& issuer) const {
  if (X509_check_issued(issuer.native(), native()) != X509_V_OK) {
    return false;
  }
  const int verified = X509_verify(native(), issuer.public_key().native());
  ERR_clear_error();
  return verified == 1;
}

Result<TrustStore> TrustStore::create(const std::vector<Certificate>& anchors, bool partial_chain) {
  std::shared_ptr<X509_STORE> store(X509_STORE_new(), X509_STORE_free);
  if (!store) {
    return fail(ErrorCode::kInternal, "cannot allocate a certificate store");
  }
  for (const Certificate& anchor : anchors) {
    if (X509_STORE_add_cert(store.get(), anchor.native()) != 1) {
      ERR_clear_error();
    }
  }
  unsigned long flags = X509_V_FLAG_NO_CHECK_TIME;
  if (partial_chain) {
    flags |= X509_V_FLAG_PARTIAL_CHAIN;
  }
  X509_STORE_set_flags(store.get(), flags);
  TrustStore result;
  result.store_ = std::move(store);
  result.anchors_ = anchors;
  result.partial_chain_ = partial_chain;
  return result;
}

Result<std::vector<Certificate>> TrustStore::verify_path(
    const Certificate& leaf, const std::vector<Certificate>& intermediates) const {
  if (!store_) {
    return fail(ErrorCode::kVerifyFailed, "no trust anchors");
  }
  std::unique_ptr<STACK_OF(X509), StackDeleter> untrusted(sk_X509_new_null());
  for (const Certificate& certificate : intermediates) {
    sk_X509_push(untrusted.get(), certificate.native());
  }
  std::unique_ptr<X509_STORE_CTX, StoreCtxDeleter> ctx(X509_STORE_CTX_new());
  if (!ctx || !untrusted ||
      X509_STORE_CTX_init(ctx.get(), store_.get(), leaf.native(), untrusted.get()) != 1) {
    return fail(ErrorCode::kInternal, "cannot set up chain verification: " + openssl_reason(""));
  }
  if (X509_verify_cert(ctx.get()) != 1) {
    const int error = X509_STORE_CTX_get_error(ctx.get());
    const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
    ERR_clear_error();
    return fail(ErrorCode::kVerifyFailed, std::string(X509_verify_cert_error_string(error)) +
                                              " (at chain depth " + std::to_string(depth) + ")");
  }
  // Map the chain OpenSSL built back to our certificates (the same X509 objects), so that no
  // certificate is parsed twice.
  STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
  std::vector<Certificate> path;
  for (int index = 0; index < sk_X509_num(chain); ++index) {
    const X509* element = sk_X509_value(chain, index);
    const Certificate* match = nullptr;
    if (element == leaf.native()) {
      match = &leaf;
    }
    for (const std::vector<Certificate>* pool : {&intermediates, &anchors_}) {
      for (const Certificate& candidate : *pool) {
        if (match == nullptr && X509_cmp(element, candidate.native()) == 0) {
          match = &candidate;
        }
      }
    }
    if (match != nullptr) {
      path.push_back(*match);
      continue;
    }
    // Not one of ours (cannot happen unless OpenSSL returns a copy): rebuild it from its DER.
    unsigned char* der = nullptr;
    const int length = i2d_X509(element, &der);
    if (length <= 0) {
      return fail(ErrorCode::kInternal, "cannot encode a chain certificate");
    }
    const std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    ASSAY_TRY(Certificate anchor, Certificate::from_der(bytes));
    path.push_back(std::move(anchor));
  }
  return path;
}

}  // namespace assay::verify::x509
