// Trusted root parsing and preparation (CA chains checked once, trust stores built once).
#include "assay/verify/sigstore_trusted_root.h"

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_json.h"

namespace assay::verify::sigstore {

namespace {

constexpr std::size_t kMaxInstances = 64;
constexpr std::size_t kMaxChainLength = 16;

bool is_known_media_type(std::string_view media_type) {
  return media_type == "application/vnd.dev.sigstore.trustedroot+json;version=0.1" ||
         media_type == "application/vnd.dev.sigstore.trustedroot+json;version=0.2" ||
         media_type == "application/vnd.dev.sigstore.trustedroot.v0.1+json" ||
         media_type == "application/vnd.dev.sigstore.trustedroot.v0.2+json";
}

Result<TimeRange> read_time_range(const json::Reader& node) {
  ASSAY_TRY_VOID(require_members_in(node, {"start", "end"}));
  TimeRange range;
  // A missing start must not be read as "since the beginning of time": proto marks it required.
  const std::optional<json::Reader> start = node.find("start");
  if (!start) {
    return fail(ErrorCode::kInvalidInput, "validFor has no start", node.location());
  }
  ASSAY_TRY(const std::string start_text, start->as_string());
  auto start_time = parse_rfc3339(start_text);
  if (!start_time) {
    return fail(ErrorCode::kInvalidInput, start_time.error().message, start->location());
  }
  range.start = *start_time;
  if (const std::optional<json::Reader> end = node.find("end")) {
    ASSAY_TRY(const std::string end_text, end->as_string());
    auto end_time = parse_rfc3339(end_text);
    if (!end_time) {
      return fail(ErrorCode::kInvalidInput, end_time.error().message, end->location());
    }
    if (*end_time < range.start) {
      return fail(ErrorCode::kInvalidInput, "validFor ends before it starts", end->location());
    }
    range.end = *end_time;
  }
  return range;
}

// validFor is optional on keys and authorities; when absent the range is unbounded.
Result<TimeRange> read_optional_time_range(const json::Reader& parent) {
  ASSAY_TRY(const std::optional<json::Reader> node, find_object(parent, "validFor"));
  if (!node) {
    return TimeRange{};
  }
  return read_time_range(*node);
}

struct KeyFormat {
  bool pkcs1 = false;
  std::optional<crypto::KeyType> expected;
  bool supported = true;
};

KeyFormat key_format(std::string_view details) {
  using crypto::KeyType;
  if (details == "PKCS1_RSA_PKCS1V5" || details == "PKCS1_RSA_PSS") {
    return {true, KeyType::kRsa, true};
  }
  if (details.rfind("PKIX_RSA_", 0) == 0) {
    return {false, KeyType::kRsa, true};
  }
  if (details == "PKIX_ECDSA_P256_SHA_256" || details == "PKIX_ECDSA_P256_HMAC_SHA_256") {
    return {false, KeyType::kEcdsaP256, true};
  }
  if (details == "PKIX_ECDSA_P384_SHA_384" || details == "PKIX_ECDSA_P384_SHA_256") {
    return {false, KeyType::kEcdsaP384, true};
  }
  if (details == "PKIX_ECDSA_P521_SHA_512" || details == "PKIX_ECDSA_P521_SHA_256") {
    return {false, KeyType::kEcdsaP521, true};
  }
  if (details == "PKIX_ED25519") {
    return {false, KeyType::kEd25519, true};
  }
  if (details.empty() || details == "PUBLIC_KEY_DETAILS_UNSPECIFIED") {
    return {false, std::nullopt, true};
  }
  return {false, std::nullopt, false};
}

Result<TransparencyLog> read_log(const json::Reader& node) {
  ASSAY_TRY_VOID(require_members_in(
      node, {"baseUrl", "hashAlgorithm", "publicKey", "logId", "checkpointKeyId", "operator"}));
  TransparencyLog log;
  log.pointer = node.pointer();
  ASSAY_TRY(log.base_url, node.get_string("baseUrl"));
  ASSAY_TRY(const std::optional<std::string> hash, node.get_optional_string("hashAlgorithm"));
  log.hash_algorithm = hash.value_or("SHA2_256");
  if (log.hash_algorithm != "SHA2_256") {
    return fail(ErrorCode::kUnsupported,
                "log hash algorithm " + quote(log.hash_algorithm) + " is not supported",
                node.location("hashAlgorithm"));
  }
  ASSAY_TRY(const json::Reader key_node, get_object(node, "publicKey"));
  ASSAY_TRY_VOID(require_members_in(key_node, {"rawBytes", "keyDetails", "validFor"}));
  ASSAY_TRY(const std::string raw, get_bytes(key_node, "rawBytes"));
  ASSAY_TRY(const std::optional<std::string> details, key_node.get_optional_string("keyDetails"));
  log.key_details = details.value_or("");
  ASSAY_TRY(log.valid_for, read_optional_time_range(key_node));
  const KeyFormat format = key_format(log.key_details);
  if (!format.supported) {
    log.unsupported_reason = "key type " + quote(log.key_details) + " is not supported";
  } else {
    Result<crypto::PublicKey> key = format.pkcs1 ? crypto::PublicKey::from_pkcs1_rsa_der(raw)
                                                 : crypto::PublicKey::from_spki_der(raw);
    if (!key) {
      if (key.error().code != ErrorCode::kUnsupported) {
        return fail(key.error().code, key.error().message, key_node.location("rawBytes"));
      }
      log.unsupported_reason = key.error().message;
    } else if (format.expected && key->type() != *format.expected) {
      return fail(ErrorCode::kInvalidInput,
                  "key is " + key->describe() + " but keyDetails says " + quote(log.key_details),
                  key_node.location("keyDetails"));
    } else {
      log.key = std::move(*key);
    }
  }
  ASSAY_TRY(const json::Reader log_id, get_object(node, "logId"));
  ASSAY_TRY_VOID(require_members_in(log_id, {"keyId"}));
  ASSAY_TRY(log.log_id, get_bytes(log_id, "keyId"));
  ASSAY_TRY(const std::optional<json::Reader> checkpoint_id, find_object(node, "checkpointKeyId"));
  if (checkpoint_id) {
    ASSAY_TRY_VOID(require_members_in(*checkpoint_id, {"keyId"}));
    ASSAY_TRY(log.checkpoint_key_id, get_bytes(*checkpoint_id, "keyId"));
  }
  return log;
}

Result<CertificateAuthority> read_authority(const json::Reader& node) {
  ASSAY_TRY_VOID(require_members_in(node, {"subject", "uri", "certChain", "validFor", "operator"}));
  CertificateAuthority authority;
  authority.pointer = node.pointer();
  ASSAY_TRY(const std::optional<json::Reader> subject, find_object(node, "subject"));
  if (subject) {
    ASSAY_TRY_VOID(require_members_in(*subject, {"organization", "commonName"}));
    ASSAY_TRY(const auto organization, subject->get_optional_string("organization"));
    ASSAY_TRY(const auto common_name, subject->get_optional_string("commonName"));
    authority.organization = organization.value_or("");
    authority.common_name = common_name.value_or("");
  }
  ASSAY_TRY(const std::optional<std::string> uri, node.get_optional_string("uri"));
  authority.uri = uri.value_or("");
  ASSAY_TRY(const json::Reader chain, get_object(node, "certChain"));
  ASSAY_TRY_VOID(require_members_in(chain, {"certificates"}));
  ASSAY_TRY(const std::vector<json::Reader> certificates,
            get_array(chain, "certificates", kMaxChainLength));
  if (certificates.empty()) {
    return fail(ErrorCode::kInvalidInput, "certificate chain is empty", chain.location());
  }
  for (const json::Reader& item : certificates) {
    ASSAY_TRY_VOID(require_members_in(item, {"rawBytes"}));
    ASSAY_TRY(const std::string der, get_bytes(item, "rawBytes"));
    auto certificate = x509::Certificate::from_der(der);
    if (!certificate) {
      return fail(certificate.error().code, certificate.error().message, item.location("rawBytes"));
    }
    authority.chain.push_back(std::move(*certificate));
  }
  ASSAY_TRY(authority.valid_for, read_optional_time_range(node));

  // Check the chain's own links once, here, so that per-verification work is one signature.
  bool linked = true;
  for (std::size_t index = 0; index + 1 < authority.chain.size(); ++index) {
    linked = linked && authority.chain[index].is_signed_by(authority.chain[index + 1]);
  }
  const x509::Certificate& top = authority.chain.back();
  linked = linked && (!top.is_self_issued() || top.is_signed_by(top));
  authority.chain_verified = linked;
  if (linked) {
    ASSAY_TRY(authority.store, x509::TrustStore::create(authority.chain, /*partial_chain=*/true));
  } else {
    ASSAY_TRY(authority.store, x509::TrustStore::create({top}, /*partial_chain=*/false));
  }
  return authority;
}

template <typename T, typename Reader>
Result<std::vector<T>> read_list(const json::Reader& root, std::string_view key, Reader read) {
  ASSAY_TRY(const std::vector<json::Reader> items, get_array(root, key, kMaxInstances));
  std::vector<T> out;
  out.reserve(items.size());
  for (const json::Reader& item : items) {
    ASSAY_TRY(T value, read(item));
    out.push_back(std::move(value));
  }
  return out;
}

}  // namespace

std::string TimeRange::to_string() const {
  return "[" + format_rfc3339(start) + ", " + (end ? format_rfc3339(*end) : "open") + "]";
}

std::string TransparencyLog::host() const {
  std::string_view rest = base_url;
  const std::size_t scheme = rest.find("://");
  if (scheme != std::string_view::npos) {
    rest.remove_prefix(scheme + 3);
  }
  const std::size_t slash = rest.find('/');
  return ascii_lower(rest.substr(0, slash));
}

std::string CertificateAuthority::describe() const {
  std::string out;
  if (!organization.empty()) {
    out += "O=" + organization;
  }
  if (!common_name.empty()) {
    out += (out.empty() ? "" : ", ") + std::string("CN=") + common_name;
  }
  if (!uri.empty()) {
    out += (out.empty() ? "" : " ") + std::string("(") + uri + ")";
  }
  return out.empty() ? chain.front().subject() : out;
}

const TransparencyLog* TrustedRoot::find_tlog(std::string_view log_id) const {
  for (const TransparencyLog& log : tlogs) {
    if (log.log_id == log_id) {
      return &log;
    }
  }
  return nullptr;
}

const TransparencyLog* TrustedRoot::find_ctlog(std::string_view log_id) const {
  for (const TransparencyLog& log : ctlogs) {
    if (log.log_id == log_id) {
      return &log;
    }
  }
  return nullptr;
}

std::string TrustedRoot::describe() const {
  return source + " (sha256:" + sha256 + ")";
}

Result<TrustedRoot> parse_trusted_root(std::string_view json, std::string_view source,
                                       const InputLimits& limits) {
  ASSAY_TRY(const json::Json document, json::parse(json, source, limits));
  const json::Reader root(document, std::string(source));
  ASSAY_TRY_VOID(require_members_in(
      root, {"mediaType", "tlogs", "certificateAuthorities", "ctlogs", "timestampAuthorities"}));
  TrustedRoot trusted;
  trusted.source = std::string(source);
  trusted.sha256 = hex_encode(crypto::sha256(json));
  ASSAY_TRY(trusted.media_type, root.get_string("mediaType"));
  if (!is_known_media_type(trusted.media_type)) {
    return fail(ErrorCode::kInvalidInput,
                "unknown trusted root media type " + quote(trusted.media_type) +
                    " (expected application/vnd.dev.sigstore.trustedroot+json;version=0.1)",
                root.location("mediaType"));
  }
  ASSAY_TRY(trusted.tlogs, read_list<TransparencyLog>(root, "tlogs", read_log));
  ASSAY_TRY(trusted.certificate_authorities,
            read_list<CertificateAuthority>(root, "certificateAuthorities", read_authority));
  ASSAY_TRY(trusted.ctlogs, read_list<TransparencyLog>(root, "ctlogs", read_log));
  ASSAY_TRY(trusted.timestamp_authorities,
            read_list<CertificateAuthority>(root, "timestampAuthorities", read_authority));
  return trusted;
}

}  // namespace assay::verify::sigstore
