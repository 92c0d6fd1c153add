// OpenSSL 3.0 adapter for digests, keys and signature verification. OpenSSL's error queue is
// cleared after every failing call so that no error leaks into unrelated code on the thread.
#include "assay/verify/crypto.h"

#include <array>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "assay/core/strings.h"

namespace assay::verify::crypto {

namespace {

const unsigned char* as_bytes(std::string_view data) {
  return reinterpret_cast<const unsigned char*>(data.data());
}

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
struct PkeyCtxDeleter {
  void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct EcdsaSigDeleter {
  void operator()(ECDSA_SIG* sig) const { ECDSA_SIG_free(sig); }
};
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxDeleter>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, EcdsaSigDeleter>;

// Fetched once: implicit fetching by name on every call is measurably slow in OpenSSL 3.0.
const EVP_MD* message_digest(HashAlgorithm algorithm) {
  static const std::array<EVP_MD*, 3> kDigests = {
      EVP_MD_fetch(nullptr, "SHA2-256", nullptr),
      EVP_MD_fetch(nullptr, "SHA2-384", nullptr),
      EVP_MD_fetch(nullptr, "SHA2-512", nullptr),
  };
  switch (algorithm) {
    case HashAlgorithm::kSha256:
      return kDigests[0];
    case HashAlgorithm::kSha384:
      return kDigests[1];
    case HashAlgorithm::kSha512:
      return kDigests[2];
  }
  return kDigests[0];
}

// OpenSSL's reason for the last failure, or `fallback`; clears the queue.
std::string openssl_reason(std::string_view fallback) {
  const unsigned long code = ERR_peek_last_error();
  std::string reason;
  if (code != 0) {
    const char* text = ERR_reason_error_string(code);
    if (text != nullptr) {
      reason = text;
    }
  }
  ERR_clear_error();
  return reason.empty() ? std::string(fallback) : reason;
}

constexpr std::string_view kStandardAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Decoding tables: 0-63 for a character of the alphabet, 64 for one only the URL-safe alphabet
// has, 255 otherwise.
struct Base64Table {
  std::array<std::uint8_t, 256> value{};
  constexpr Base64Table() {
    for (std::size_t index = 0; index < value.size(); ++index) {
      value[index] = 255;
    }
    for (std::size_t index = 0; index < kStandardAlphabet.size(); ++index) {
      value[static_cast<unsigned char>(kStandardAlphabet[index])] =
          static_cast<std::uint8_t>(index);
    }
    value[static_cast<unsigned char>('-')] = 64;
    value[static_cast<unsigned char>('_')] = 64;
  }
};
constexpr Base64Table kBase64Table;

Result<std::string> decode_base64(std::string_view input, std::string_view what, bool lenient) {
  // Messages are built only on failure: decoding is on every verification's hot path.
  auto invalid = [what](const std::string& problem) {
    return fail(ErrorCode::kInvalidInput,
                (what.empty() ? std::string("base64 text") : std::string(what)) +
                    " is not valid base64: " + problem);
  };
  // Protobuf's JSON mapping (Go's decoder in particular) skips line breaks inside base64, and
  // real bundles carry wrapped base64 (`base64` wraps at 76 columns), so the lenient form does.
  std::string unwrapped;
  std::string_view text = input;
  if (lenient && text.find_first_of("\r\n") != std::string_view::npos) {
    unwrapped.reserve(text.size());
    for (char c : text) {
      if (c != '\r' && c != '\n') {
        unwrapped += c;
      }
    }
    text = unwrapped;
  }
  std::size_t data_length = text.size();
  while (data_length > 0 && text[data_length - 1] == '=') {
    --data_length;
  }
  std::string out;
  out.reserve(data_length * 3 / 4 + 3);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (std::size_t index = 0; index < data_length; ++index) {
    std::uint8_t value = kBase64Table.value[static_cast<unsigned char>(text[index])];
    if (value == 64 && lenient) {
      value = text[index] == '-' ? 62 : 63;
    }
    if (value > 63) {
      return invalid("character " + quote(text.substr(index, 1)) + " at offset " +
                     std::to_string(index));
    }
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFFU));
    }
  }
  const std::size_t padding = text.size() - data_length;
  if (padding > 2) {
    return invalid("too much '=' padding at offset " + std::to_string(data_length));
  }
  if (!lenient && text.size() % 4 != 0) {
    return invalid("length " + std::to_string(text.size()) +
                   " is not a multiple of 4 (padding is required)");
  }
  if (lenient && padding > 0 && text.size() % 4 != 0) {
    return invalid("padded text must be a multiple of 4 long");
  }
  if (data_length % 4 == 1) {
    return invalid("a lone character at the end");
  }
  // Non-canonical encodings (non-zero bits after the last byte) are rejected, so that one byte
  // string has exactly one accepted text.
  if (bits > 0 && (buffer & ((1U << bits) - 1U)) != 0) {
    return invalid("non-zero bits in the last character");
  }
  return out;
}

Result<std::string> ecdsa_der_from_p1363(std::string_view signature, std::size_t field_bytes) {
  if (signature.size() != 2 * field_bytes) {
    return fail(ErrorCode::kVerifyFailed, "ECDSA signature is " + std::to_string(signature.size()) +
                                              " bytes; r || s for this curve is " +
                                              std::to_string(2 * field_bytes));
  }
  EcdsaSig sig(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(as_bytes(signature), static_cast<int>(field_bytes), nullptr);
  BIGNUM* s =
      BN_bin2bn(as_bytes(signature.substr(field_bytes)), static_cast<int>(field_bytes), nullptr);
  if (!sig || r == nullptr || s == nullptr || ECDSA_SIG_set0(sig.get(), r, s) != 1) {
    BN_free(r);
    BN_free(s);
    return fail(ErrorCode::kInternal, "cannot build an ECDSA signature: " + openssl_reason(""));
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  if (length <= 0) {
    return fail(ErrorCode::kInternal, "cannot encode an ECDSA signature");
  }
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  return out;
}

bool is_strict_ecdsa_der(std::string_view signature) {
  const unsigned char* cursor = as_bytes(signature);
  EcdsaSig sig(d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(signature.size())));
  if (!sig || cursor != as_bytes(signature) + signature.size()) {
    ERR_clear_error();
    return false;
  }
  unsigned char* der = nullptr;
  const int length = i2d_ECDSA_SIG(sig.get(), &der);
  const bool same = length > 0 && static_cast<std::size_t>(length) == signature.size() &&
                    std::string_view(reinterpret_cast<const char*>(der),
                                     static_cast<std::size_t>(length)) == signature;
  OPENSSL_free(der);
  return same;
}

std::size_t ecdsa_field_bytes(KeyType type) {
  switch (type) {
    case KeyType::kEcdsaP256:
      return 32;
    case KeyType::kEcdsaP384:
      return 48;
    case KeyType::kEcdsaP521:
      return 66;
    case KeyType::kEd25519:
    case KeyType::kRsa:
      return 0;
  }
  return 0;
}

bool is_ecdsa(KeyType type) {
  return ecdsa_field_bytes(type) != 0;
}

}  // namespace

std::string_view to_string(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256:
      return "sha256";
    case HashAlgorithm::kSha384:
      return "sha384";
    case HashAlgorithm::kSha512:
      return "sha512";
  }
  return "sha256";
}

std::size_t digest_size(HashAlgorithm algorithm) {
  switch (algorithm) {
    case HashAlgorithm::kSha256:
      return 32;
    case HashAlgorithm::kSha384:
      return 48;
    case HashAlgorithm::kSha512:
      return 64;
  }
  return 32;
}

std::string digest(HashAlgorithm algorithm, std::string_view data) {
  std::string out(digest_size(algorithm), '\0');
  unsigned int length = 0;
  if (EVP_Digest(data.data(), data.size(), reinterpret_cast<unsigned char*>(out.data()), &length,
                 message_digest(algorithm), nullptr) != 1 ||
      length != out.size()) {
    ERR_clear_error();
    // Only a broken OpenSSL gets here; an empty digest never equals a real one.
    return {};
  }
  return out;
}

std::string sha256(std::string_view data) {
  return digest(HashAlgorithm::kSha256, data);
}

struct Hasher::State {
  MdCtx ctx;
  HashAlgorithm algorithm = HashAlgorithm::kSha256;
};

Hasher::Hasher(HashAlgorithm algorithm) : state_(std::make_unique<State>()) {
  state_->algorithm = algorithm;
  state_->ctx.reset(EVP_MD_CTX_new());
  if (state_->ctx) {
    EVP_DigestInit_ex(state_->ctx.get(), message_digest(algorithm), nullptr);
  }
}

Hasher::~Hasher() = default;

void Hasher::update(std::string_view data) {
  if (state_->ctx) {
    EVP_DigestUpdate(state_->ctx.get(), data.data(), data.size());
  }
}

std::string Hasher::finish() {
  std::string out(digest_size(state_->algorithm), '\0');
  unsigned int length = 0;
  if (!state_->ctx ||
      EVP_DigestFinal_ex(state_->ctx.get(), reinterpret_cast<unsigned char*>(out.data()),
                         &length) != 1) {
    ERR_clear_error();
    return {};
  }
  return out;
}

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t index = 0;
  for (; index + 3 <= bytes.size(); index += 3) {
    const std::uint32_t group =
        (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index])) << 16) |
        (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index + 1])) << 8) |
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index + 2]));
    out += kStandardAlphabet[(group >> 18) & 63U];
    out += kStandardAlphabet[(group >> 12) & 63U];
    out += kStandardAlphabet[(group >> 6) & 63U];
    out += kStandardAlphabet[group & 63U];
  }
  const std::size_t rest = bytes.size() - index;
  if (rest > 0) {
    std::uint32_t group = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index]))
                          << 16;
    if (rest == 2) {
      group |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[index + 1])) << 8;
    }
    out += kStandardAlphabet[(group >> 18) & 63U];
    out += kStandardAlphabet[(group >> 12) & 63U];
    out += rest == 2 ? kStandardAlphabet[(group >> 6) & 63U] : '=';
    out += '=';
  }
  return out;
}

Result<std::string> base64_decode(std::string_view text, std::string_view what) {
  return decode_base64(text, what, /*lenient=*/false);
}

Result<std::string> base64_decode_any(std::string_view text, std::string_view what) {
  return decode_base64(text, what, /*lenient=*/true);
}

Result<std::vector<PemBlock>> pem_decode(std::string_view text, std::size_t max_blocks) {
  constexpr std::string_view kBegin = "-----BEGIN ";
  constexpr std::string_view kDashes = "-----";
  std::vector<PemBlock> blocks;
  std::size_t cursor = 0;
  while (true) {
    const std::size_t begin = text.find(kBegin, cursor);
    if (begin == std::string_view::npos) {
      break;
    }
    if (blocks.size() >= max_blocks) {
      return fail(ErrorCode::kInvalidInput,
                  "more than " + std::to_string(max_blocks) + " PEM blocks");
    }
    const std::size_t label_start = begin + kBegin.size();
    const std::size_t label_end = text.find(kDashes, label_start);
    const std::size_t line_end = text.find('\n', label_start);
    if (label_end == std::string_view::npos ||
        (line_end != std::string_view::npos && line_end < label_end)) {
      return fail(ErrorCode::kInvalidInput,
                  "PEM BEGIN line at offset " + std::to_string(begin) + " is not terminated");
    }
    PemBlock block;
    block.label = std::string(text.substr(label_start, label_end - label_start));
    const std::string end_marker = "-----END " + block.label + "-----";
    const std::size_t body_start = label_end + kDashes.size();
    const std::size_t end = text.find(end_marker, body_start);
    if (end == std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput,
                  "PEM block " + quote(block.label) + " has no matching " + quote(end_marker));
    }
    const std::string_view body = text.substr(body_start, end - body_start);
    if (body.find(':') != std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput,
                  "PEM block " + quote(block.label) + " has headers, which are not supported");
    }
    std::string compact;
    compact.reserve(body.size());
    for (char c : body) {
      if (!is_ascii_space(c)) {
        compact += c;
      }
    }
    ASSAY_TRY(block.der, base64_decode(compact, "PEM block " + quote(block.label)));
    blocks.push_back(std::move(block));
    cursor = end + end_marker.size();
  }
  return blocks;
}

std::string pem_encode(std::string_view label, std::string_view der) {
  const std::string body = base64_encode(der);
  std::string out = "-----BEGIN " + std::string(label) + "-----\n";
  for (std::size_t index = 0; index < body.size(); index += 64) {
    out += body.substr(index, 64);
    out += '\n';
  }
  out += "-----END " + std::string(label) + "-----\n";
  return out;
}

std::string_view to_string(KeyType type) {
  switch (type) {
    case KeyType::kEcdsaP256:
      return "ECDSA P-256";
    case KeyType::kEcdsaP384:
      return "ECDSA P-384";
    case KeyType::kEcdsaP521:
      return "ECDSA P-521";
    case KeyType::kEd25519:
      return "Ed25519";
    case KeyType::kRsa:
      return "RSA";
  }
  return "RSA";
}

HashAlgorithm default_hash(KeyType type) {
  switch (type) {
    case KeyType::kEcdsaP384:
      return HashAlgorithm::kSha384;
    case KeyType::kEcdsaP521:
    case KeyType::kEd25519:
      return HashAlgorithm::kSha512;
    case KeyType::kEcdsaP256:
    case KeyType::kRsa:
      return HashAlgorithm::kSha256;
  }
  return HashAlgorithm::kSha256;
}

Result<PublicKey> PublicKey::adopt(evp_pkey_st* key) {
  return adopt(key, std::string());
}

Result<PublicKey> PublicKey::adopt(evp_pkey_st* key, std::string spki_der) {
  std::shared_ptr<EVP_PKEY> owned(key, EVP_PKEY_free);
  if (!owned) {
    return fail(ErrorCode::kInvalidInput, "not a public key");
  }
  PublicKey result;
  result.bits_ = EVP_PKEY_get_bits(key);
  const int id = EVP_PKEY_get_base_id(key);
  if (id == EVP_PKEY_EC) {
    std::array<char, 64> group{};
    std::size_t length = 0;
    if (EVP_PKEY_get_group_name(key, group.data(), group.size(), &length) != 1) {
      return fail(ErrorCode::kInvalidInput, "EC key without a named curve: " + openssl_reason(""));
    }
    const std::string_view name(group.data(), length);
    if (name == "prime256v1" || name == "P-256") {
      result.type_ = KeyType::kEcdsaP256;
    } else if (name == "secp384r1" || name == "P-384") {
      result.type_ = KeyType::kEcdsaP384;
    } else if (name == "secp521r1" || name == "P-521") {
      result.type_ = KeyType::kEcdsaP521;
    } else {
      return fail(ErrorCode::kUnsupported,
                  "EC curve " + quote(name) + " is not supported (P-256, P-384 and P-521 are)");
    }
  } else if (id == EVP_PKEY_ED25519) {
    result.type_ = KeyType::kEd25519;
  } else if (id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS) {
    result.type_ = KeyType::kRsa;
    if (result.bits_ < 2048) {
      return fail(ErrorCode::kUnsupported, "RSA key of " + std::to_string(result.bits_) +
                                               " bits is too weak (at least 2048 are required)");
    }
  } else {
    return fail(ErrorCode::kUnsupported,
                std::string("public key algorithm ") +
                    (OBJ_nid2sn(id) != nullptr ? OBJ_nid2sn(id) : "unknown") +
                    " is not supported (ECDSA, Ed25519 and RSA are)");
  }
  if (spki_der.empty()) {
    unsigned char* der = nullptr;
    const int length = i2d_PUBKEY(key, &der);
    if (length <= 0) {
      return fail(ErrorCode::kInternal, "cannot encode a public key: " + openssl_reason(""));
    }
    spki_der.assign(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
  }
  result.spki_der_ = std::move(spki_der);
  result.key_ = std::move(owned);
  return result;
}

Result<PublicKey> PublicKey::from_spki_der(std::string_view der) {
  const unsigned char* cursor = as_bytes(der);
  EVP_PKEY* key = d2i_PUBKEY(nullptr, &cursor, static_cast<long>(der.size()));
  if (key == nullptr) {
    return fail(ErrorCode::kInvalidInput,
                "not a DER SubjectPublicKeyInfo: " + openssl_reason("decoding failed"));
  }
  if (cursor != as_bytes(der) + der.size()) {
    EVP_PKEY_free(key);
    return fail(ErrorCode::kInvalidInput, "extra bytes after the DER SubjectPublicKeyInfo");
  }
  return adopt(key);
}

Result<PublicKey> PublicKey::from_pkcs1_rsa_der(std::string_view der) {
  const unsigned char* cursor = as_bytes(der);
  EVP_PKEY* key = d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, static_cast<long>(der.size()));
  if (key == nullptr) {
    return fail(ErrorCode::kInvalidInput,
                "not a DER PKCS#1 RSAPublicKey: " + openssl_reason("decoding failed"));
  }
  if (cursor != as_bytes(der) + der.size()) {
    EVP_PKEY_free(key);
    return fail(ErrorCode::kInvalidInput, "extra bytes after the DER RSAPublicKey");
  }
  return adopt(key);
}

Result<PublicKey> PublicKey::from_pem(std::string_view pem) {
  ASSAY_TRY(const std::vector<PemBlock> blocks, pem_decode(pem));
  for (const PemBlock& block : blocks) {
    if (block.label == "PUBLIC KEY") {
      return from_spki_der(block.der);
    }
    if (block.label == "RSA PUBLIC KEY") {
      return from_pkcs1_rsa_der(block.der);
    }
  }
  return fail(ErrorCode::kInvalidInput,
              blocks.empty()
                  ? std::string("no PEM block found (expected \"-----BEGIN PUBLIC "
                                "KEY-----\")")
                  : "no \"PUBLIC KEY\" PEM block (found " + quote(blocks[0].label) + ")");
}

std::string PublicKey::describe() const {
  if (type_ == KeyType::kRsa) {
    return "RSA " + std::to_string(bits_);
  }
  return std::string(to_string(type_));
}

std::string PublicKey::key_id() const {
  return sha256(spki_der_);
}

std::string PublicKey::to_pem() const {
  return pem_encode("PUBLIC KEY", spki_der_);
}

SignatureOptions default_options(const PublicKey& key) {
  SignatureOptions options;
  options.hash = default_hash(key.type());
  // An RSASSA-PSS key (id-RSASSA-PSS in its SubjectPublicKeyInfo) may only make PSS signatures.
  if (key.native() != nullptr && EVP_PKEY_get_id(key.native()) == EVP_PKEY_RSA_PSS) {
    options.rsa_padding = RsaPadding::kPss;
  }
  return options;
}

Result<void> verify_digest(const PublicKey& key, std::string_view digest_bytes,
                           std::string_view signature, const SignatureOptions& options) {
  if (key.native() == nullptr) {
    return fail(ErrorCode::kInternal, "verification with an empty key");
  }
  if (key.type() == KeyType::kEd25519) {
    return fail(ErrorCode::kUnsupported,
                "Ed25519 signs the whole message, so it cannot be checked against a digest");
  }
  if (digest_bytes.size() != digest_size(options.hash)) {
    return fail(ErrorCode::kVerifyFailed, "digest is " + std::to_string(digest_bytes.size()) +
                                              " bytes, not a " +
                                              std::string(to_string(options.hash)) + " digest");
  }
  std::string converted;
  std::string_view der_signature = signature;
  if (is_ecdsa(key.type())) {
    const std::size_t field = ecdsa_field_bytes(key.type());
    if (options.ecdsa_encoding == EcdsaEncoding::kP1363 ||
        (options.ecdsa_encoding == EcdsaEncoding::kAuto && !is_strict_ecdsa_der(signature))) {
      ASSAY_TRY(converted, ecdsa_der_from_p1363(signature, field));
      der_signature = converted;
    }
  }
  PkeyCtx ctx(EVP_PKEY_CTX_new(key.native(), nullptr));
  if (!ctx || EVP_PKEY_verify_init(ctx.get()) != 1 ||
      EVP_PKEY_CTX_set_signature_md(ctx.get(), message_digest(options.hash)) != 1) {
    return fail(ErrorCode::kInternal, "cannot set up verification: " + openssl_reason(""));
  }
  if (key.type() == KeyType::kRsa) {
    const bool pss = options.rsa_padding == RsaPadding::kPss;
    if (EVP_PKEY_CTX_set_rsa_padding(ctx.get(), pss ? RSA_PKCS1_PSS_PADDING : RSA_PKCS1_PADDING) !=
            1 ||
        (pss && (EVP_PKEY_CTX_set_rsa_pss_saltlen(ctx.get(), RSA_PSS_SALTLEN_AUTO) != 1 ||
                 EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), message_digest(options.hash)) != 1))) {
      return fail(ErrorCode::kInternal, "cannot set RSA padding: " + openssl_reason(""));
    }
  }
  const int verified = EVP_PKEY_verify(ctx.get(), as_bytes(der_signature), der_signature.size(),
                                       as_bytes(digest_bytes), digest_bytes.size());
  if (verified != 1) {
    const std::string reason = openssl_reason("");
    return fail(ErrorCode::kVerifyFailed,
                key.describe() + " signature does not verify" +
                    (reason.empty() || reason == "bad signature" ? "" : " (" + reason + ")"));
  }
  return {};
}

Result<void> verify_message(const PublicKey& key, std::string_view message,
                            std::string_view signature, const SignatureOptions& options) {
  if (key.type() != KeyType::kEd25519) {
    return verify_digest(key, digest(options.hash, message), signature, options);
  }
  if (signature.size() != 64) {
    return fail(ErrorCode::kVerifyFailed,
                "Ed25519 signature is " + std::to_string(signature.size()) + " bytes, not 64");
  }
  MdCtx ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.native()) != 1) {
    return fail(ErrorCode::kInternal, "cannot set up Ed25519 verification: " + openssl_reason(""));
  }
  if (EVP_DigestVerify(ctx.get(), as_bytes(signature), signature.size(), as_bytes(message),
                       message.size()) != 1) {
    ERR_clear_error();
    return fail(ErrorCode::kVerifyFailed, "Ed25519 signature does not verify");
  }
  return {};
}

}  // namespace assay::verify::crypto
