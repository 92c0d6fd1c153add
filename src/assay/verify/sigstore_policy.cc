// Identity and key policies for Sigstore verification; patterns use RE2 (linear time).
#include "assay/verify/sigstore_policy.h"

#include <re2/re2.h>

#include "assay/core/strings.h"

namespace assay::verify::sigstore {

namespace {

// Decodes a DER string (UTF8String, IA5String or PrintableString) with a definite length.
std::optional<std::string> der_string(std::string_view der) {
  if (der.size() < 2) {
    return std::nullopt;
  }
  const auto tag = static_cast<unsigned char>(der[0]);
  if (tag != 0x0C && tag != 0x16 && tag != 0x13) {
    return std::nullopt;
  }
  std::size_t length = static_cast<unsigned char>(der[1]);
  std::size_t header = 2;
  if (length & 0x80U) {
    const std::size_t bytes = length & 0x7FU;
    if (bytes == 0 || bytes > 4 || der.size() < 2 + bytes) {
      return std::nullopt;
    }
    length = 0;
    for (std::size_t index = 0; index < bytes; ++index) {
      length = (length << 8) | static_cast<unsigned char>(der[2 + index]);
    }
    header += bytes;
  }
  if (der.size() != header + length) {
    return std::nullopt;
  }
  return std::string(der.substr(header));
}

}  // namespace

std::string CertificateIdentity::describe() const {
  std::string out;
  for (const x509::SubjectAltName& san : sans) {
    out += (out.empty() ? "" : ", ") + std::string(x509::to_string(san.type)) + ":" + san.value;
  }
  if (out.empty()) {
    out = "no subject alternative name";
  }
  out += issuer ? ", issuer " + *issuer : ", no OIDC issuer extension";
  return out;
}

Result<CertificateIdentity> certificate_identity(const x509::Certificate& leaf) {
  CertificateIdentity identity;
  identity.sans = leaf.subject_alt_names();
  if (const std::optional<std::string> v2 = leaf.extension_value(kFulcioIssuerV2Oid)) {
    std::optional<std::string> decoded = der_string(*v2);
    if (!decoded) {
      return fail(ErrorCode::kInvalidInput, "certificate's OIDC issuer extension (" +
                                                std::string(kFulcioIssuerV2Oid) +
                                                ") is not a DER string");
    }
    identity.issuer = std::move(decoded);
  } else if (std::optional<std::string> v1 = leaf.extension_value(kFulcioIssuerV1Oid)) {
    identity.issuer = std::move(v1);
  }
  return identity;
}

StringMatcher StringMatcher::exact(std::string value) {
  StringMatcher matcher;
  matcher.text_ = std::move(value);
  return matcher;
}

Result<StringMatcher> StringMatcher::regex(std::string pattern) {
  if (pattern.size() > kMaxPatternBytes) {
    return fail(ErrorCode::kInvalidInput,
                "pattern is longer than " + std::to_string(kMaxPatternBytes) + " bytes");
  }
  RE2::Options options;
  options.set_log_errors(false);
  auto compiled = std::make_shared<const RE2>(pattern, options);
  if (!compiled->ok()) {
    return fail(ErrorCode::kInvalidInput,
                "pattern " + quote(pattern) + " is not valid RE2 syntax: " + compiled->error());
  }
  StringMatcher matcher;
  matcher.text_ = std::move(pattern);
  matcher.compiled_ = std::move(compiled);
  return matcher;
}

bool StringMatcher::matches(std::string_view value) const {
  if (compiled_) {
    return RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *compiled_);
  }
  return value == text_;
}

std::string StringMatcher::describe() const {
  return compiled_ ? "/" + text_ + "/" : quote(text_, 400);
}

Policy Policy::identity(StringMatcher san, StringMatcher issuer) {
  Policy policy;
  policy.san_ = std::move(san);
  policy.issuer_ = std::move(issuer);
  return policy;
}

Policy Policy::key(crypto::PublicKey key) {
  Policy policy;
  policy.key_ = std::move(key);
  return policy;
}

std::string Policy::describe() const {
  if (key_) {
    return key_->describe() + " key sha256:" + hex_encode(key_->key_id());
  }
  return "SAN " + (san_ ? san_->describe() : std::string("(any)")) + " and issuer " +
         (issuer_ ? issuer_->describe() : std::string("(any)"));
}

Result<void> Policy::check(const CertificateIdentity& identity) const {
  if (!san_ || !issuer_) {
    return fail(ErrorCode::kInternal, "identity check on a key policy");
  }
  bool san_matched = false;
  for (const x509::SubjectAltName& san : identity.sans) {
    const bool comparable = san.type == x509::SanType::kUri || san.type == x509::SanType::kEmail ||
                            san.type == x509::SanType::kOtherName ||
                            san.type == x509::SanType::kDns;
    san_matched = san_matched || (comparable && san_->matches(san.value));
  }
  std::string sans;
  for (const x509::SubjectAltName& san : identity.sans) {
    sans += (sans.empty() ? "" : ", ") + quote(san.value, 400);
  }
  if (!san_matched) {
    return fail(ErrorCode::kVerifyFailed, "certificate SAN " +
                                              (sans.empty() ? std::string("(none)") : sans) +
                                              " does not match the expected " + san_->describe());
  }
  if (!identity.issuer) {
    return fail(ErrorCode::kVerifyFailed,
                "certificate has no OIDC issuer extension; expected issuer " + issuer_->describe());
  }
  if (!issuer_->matches(*identity.issuer)) {
    return fail(ErrorCode::kVerifyFailed, "certificate issuer " + quote(*identity.issuer, 400) +
                                              " does not match the expected " +
                                              issuer_->describe());
  }
  return {};
}

}  // namespace assay::verify::sigstore
