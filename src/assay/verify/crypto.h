// Cryptographic primitives for the verifiers, as thin OpenSSL 3.0 wrappers: digests, base64, PEM,
// public keys (SPKI/PKCS#1 DER and PEM) and signature verification (ECDSA P-256/P-384/P-521,
// Ed25519, RSA PKCS#1 v1.5 and PSS). Verification only: nothing here signs or holds a private key.
#ifndef ASSAY_VERIFY_CRYPTO_H_
#define ASSAY_VERIFY_CRYPTO_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"

// OpenSSL's key type, kept opaque here so that callers need not include OpenSSL headers.
struct evp_pkey_st;

namespace assay::verify::crypto {

enum class HashAlgorithm { kSha256, kSha384, kSha512 };

// "sha256", "sha384", "sha512".
std::string_view to_string(HashAlgorithm algorithm);
// 32, 48 or 64.
std::size_t digest_size(HashAlgorithm algorithm);

// The raw digest of `data`. Thread-safe.
std::string digest(HashAlgorithm algorithm, std::string_view data);
std::string sha256(std::string_view data);

// Incremental hashing, for artefacts read in chunks. Not copyable; one thread at a time.
class Hasher {
 public:
  explicit Hasher(HashAlgorithm algorithm);
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void update(std::string_view data);
  // The raw digest of everything passed to update(). Requires: called once.
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Standard base64 (RFC 4648 section 4) with padding.
std::string base64_encode(std::string_view bytes);

// Strict RFC 4648 section 4 decoding: standard alphabet, padding required, no whitespace, and the
// unused bits of the last character must be zero. Fails with kInvalidInput naming the offset of
// the first bad character; `what` names the field in the message ("signature").
[[nodiscard]] Result<std::string> base64_decode(std::string_view text, std::string_view what = {});

// Decoding as protobuf's JSON mapping does for `bytes` fields: the standard or the URL-safe
// alphabet, padding optional, line breaks (CR, LF) skipped. No other whitespace or stray
// characters.
[[nodiscard]] Result<std::string> base64_decode_any(std::string_view text,
                                                    std::string_view what = {});

struct PemBlock {
  std::string label;  // "CERTIFICATE", "PUBLIC KEY", ...
  std::string der;
};

// Every PEM block in `text`, in order. Text outside blocks is ignored (as OpenSSL does); blocks
// with RFC 1421 headers, unterminated blocks and bad base64 fail with kInvalidInput. At most
// `max_blocks` blocks are read.
[[nodiscard]] Result<std::vector<PemBlock>> pem_decode(std::string_view text,
                                                       std::size_t max_blocks = 64);
// PEM text for `der` with 64-character lines.
std::string pem_encode(std::string_view label, std::string_view der);

enum class KeyType { kEcdsaP256, kEcdsaP384, kEcdsaP521, kEd25519, kRsa };

// "ECDSA P-256", "ECDSA P-384", "ECDSA P-521", "Ed25519", "RSA".
std::string_view to_string(KeyType type);

// The digest Sigstore and most tools pair with a key: SHA-256 for P-256 and RSA, SHA-384 for
// P-384, SHA-512 for P-521 (and, nominally, Ed25519, which hashes internally).
HashAlgorithm default_hash(KeyType type);

// A public key. Cheap to copy (shared, immutable); safe to use from several threads.
class PublicKey {
 public:
  // From DER SubjectPublicKeyInfo. kInvalidInput when malformed or followed by extra bytes;
  // kUnsupported for other algorithms or curves, and RSA keys under 2048 bits.
  [[nodiscard]] static Result<PublicKey> from_spki_der(std::string_view der);
  // From a DER PKCS#1 RSAPublicKey (as some trusted roots carry CT log keys).
  [[nodiscard]] static Result<PublicKey> from_pkcs1_rsa_der(std::string_view der);
  // From the first "PUBLIC KEY" (SPKI) or "RSA PUBLIC KEY" (PKCS#1) PEM block in `pem`.
  [[nodiscard]] static Result<PublicKey> from_pem(std::string_view pem);
  // Takes ownership of `key` (an OpenSSL EVP_PKEY); for the X.509 adapter. Same errors as
  // from_spki_der.
  [[nodiscard]] static Result<PublicKey> adopt(evp_pkey_st* key);
  // The same, when the caller already holds the key's DER SubjectPublicKeyInfo (as a parsed
  // certificate does), which spares OpenSSL 3's slow re-encoding.
  [[nodiscard]] static Result<PublicKey> adopt(evp_pkey_st* key, std::string spki_der);

  KeyType type() const { return type_; }
  int bits() const { return bits_; }
  // "ECDSA P-256", "RSA 3072", ...
  std::string describe() const;
  // Canonical DER SubjectPublicKeyInfo (re-encoded by OpenSSL).
  const std::string& spki_der() const { return spki_der_; }
  // SHA-256 of spki_der(), raw: the key id Sigstore and Rekor use.
  std::string key_id() const;
  std::string to_pem() const;
  // Borrowed; valid while any copy of this PublicKey lives.
  evp_pkey_st* native() const { return key_.get(); }

  friend bool operator==(const PublicKey& a, const PublicKey& b) {
    return a.spki_der_ == b.spki_der_;
  }

 private:
  std::shared_ptr<evp_pkey_st> key_;
  KeyType type_ = KeyType::kEcdsaP256;
  int bits_ = 0;
  std::string spki_der_;
};

enum class EcdsaEncoding {
  kDer,    // ASN.1 DER Ecdsa-Sig-Value (X.509, Sigstore, Rekor)
  kP1363,  // fixed-size r || s (JOSE, some DSSE signers)
  kAuto,   // strict DER if it parses as such, else r || s of the curve's size
};
enum class RsaPadding { kPkcs1v15, kPss };

struct SignatureOptions {
  HashAlgorithm hash = HashAlgorithm::kSha256;  // ignored for Ed25519
  RsaPadding rsa_padding = RsaPadding::kPkcs1v15;
  EcdsaEncoding ecdsa_encoding = EcdsaEncoding::kDer;
};

// The options a key implies: default_hash(type), DER, and PKCS#1 v1.5 padding except for an
// RSASSA-PSS key (one whose SubjectPublicKeyInfo restricts it to PSS), which gets PSS.
SignatureOptions default_options(const PublicKey& key);

// Verifies `signature` over `message`. Returns kVerifyFailed (with the reason) when the signature
// is malformed or does not verify, kUnsupported for an impossible combination. Thread-safe.
[[nodiscard]] Result<void> verify_message(const PublicKey& key, std::string_view message,
                                          std::string_view signature,
                                          const SignatureOptions& options);

// Verifies `signature` over a message given only as its digest under options.hash (ECDSA and
// RSA). Ed25519 signs the whole message and fails here with kUnsupported.
[[nodiscard]] Result<void> verify_digest(const PublicKey& key, std::string_view digest,
                                         std::string_view signature,
                                         const SignatureOptions& options);

}  // namespace assay::verify::crypto

#endif  // ASSAY_VERIFY_CRYPTO_H_
