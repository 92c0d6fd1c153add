// Tests for the OpenSSL wrappers: digests, base64, PEM, key parsing and every signature scheme
// (keys are generated here with OpenSSL so that each scheme is checked both ways).
#include "assay/verify/crypto.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "assay/core/strings.h"

#include "testing.h"

namespace assay::verify::crypto {
namespace {

using ::testing::HasSubstr;

// --- digests ----------------------------------------------------------------------------------

TEST(DigestTest, MatchesFipsVectors) {
  EXPECT_EQ(hex_encode(digest(HashAlgorithm::kSha256, "abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(hex_encode(digest(HashAlgorithm::kSha384, "abc")),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358ba"
            "eca134c825a7");
  EXPECT_EQ(hex_encode(digest(HashAlgorithm::kSha512, "abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba"
            "3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(sha256(""), digest(HashAlgorithm::kSha256, ""));
  EXPECT_EQ(digest_size(HashAlgorithm::kSha384), 48U);
}

TEST(DigestTest, HasherMatchesOneShot) {
  Hasher hasher(HashAlgorithm::kSha512);
  hasher.update("a");
  hasher.update("");
  hasher.update("bc");
  EXPECT_EQ(hasher.finish(), digest(HashAlgorithm::kSha512, "abc"));
}

// --- base64 -----------------------------------------------------------------------------------

struct Base64Case {
  std::string text;
  bool lenient;
  std::optional<std::string> decoded;  // nullopt: must fail
  std::string error;                   // substring of the message
};

class Base64DecodeTest : public ::testing::TestWithParam<Base64Case> {};

TEST_P(Base64DecodeTest, DecodesOrNamesTheProblem) {
  const Base64Case& test = GetParam();
  auto result =
      test.lenient ? base64_decode_any(test.text, "sig") : base64_decode(test.text, "sig");
  if (test.decoded) {
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(*result, *test.decoded);
  } else {
    ASSERT_FALSE(result.has_value()) << quote(test.text);
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    EXPECT_THAT(result.error().message, HasSubstr(test.error));
    EXPECT_THAT(result.error().message, HasSubstr("sig is not valid base64"));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, Base64DecodeTest,
    ::testing::Values(Base64Case{"", false, "", ""}, Base64Case{"Zg==", false, "f", ""},
                      Base64Case{"Zm8=", false, "fo", ""}, Base64Case{"Zm9v", false, "foo", ""},
                      Base64Case{"+/8=", false, "\xfb\xff", ""},
                      Base64Case{"Zg", false, std::nullopt, "not a multiple of 4"},
                      Base64Case{"Z===", false, std::nullopt, "too much '=' padding"},
                      Base64Case{"Zh==", false, std::nullopt, "non-zero bits"},
                      Base64Case{"Zm9v!", false, std::nullopt, "character \"!\" at offset 4"},
                      Base64Case{"Zm!v", false, std::nullopt, "character \"!\" at offset 2"},
                      Base64Case{"-_8=", false, std::nullopt, "character \"-\" at offset 0"},
                      Base64Case{"Zg", true, "f", ""}, Base64Case{"-_8", true, "\xfb\xff", ""},
                      Base64Case{"Zm\n9v\r\n", true, "foo", ""},
                      Base64Case{"Zm 9v", true, std::nullopt, "character \" \" at offset 2"},
                      Base64Case{"Zg=", true, std::nullopt, "multiple of 4"},
                      Base64Case{"Z", true, std::nullopt, "a lone character"}),
    [](const ::testing::TestParamInfo<Base64Case>& param_info) {
      return std::to_string(param_info.index) + (param_info.param.lenient ? "_lenient" : "_strict");
    });

TEST(Base64Test, EncodeRoundTripsEveryLength) {
  std::string bytes;
  for (int length = 0; length < 20; ++length) {
    const std::string encoded = base64_encode(bytes);
    EXPECT_EQ(encoded.size() % 4, 0U);
    auto decoded = base64_decode(encoded);
    ASSERT_TRUE(decoded.has_value()) << encoded;
    EXPECT_EQ(*decoded, bytes);
    bytes += static_cast<char>(length * 37 + 200);
  }
}

// --- PEM --------------------------------------------------------------------------------------

TEST(PemTest, DecodesBlocksInOrderAndIgnoresTextBetween) {
  const std::string text = "intro\n" + pem_encode("PUBLIC KEY", "abc") + "between\n" +
                           pem_encode("CERTIFICATE", std::string(100, 'x'));
  auto blocks = pem_decode(text);
  ASSERT_TRUE(blocks.has_value()) << blocks.error().message;
  ASSERT_EQ(blocks->size(), 2U);
  EXPECT_EQ((*blocks)[0].label, "PUBLIC KEY");
  EXPECT_EQ((*blocks)[0].der, "abc");
  EXPECT_EQ((*blocks)[1].der, std::string(100, 'x'));
}

TEST(PemTest, RejectsHeadersUnterminatedBlocksAndTooManyBlocks) {
  auto headers = pem_decode("-----BEGIN X-----\nProc-Type: 4,ENCRYPTED\nZm9v\n-----END X-----\n");
  ASSERT_FALSE(headers.has_value());
  EXPECT_THAT(headers.error().message, HasSubstr("has headers"));
  auto unterminated = pem_decode("-----BEGIN X-----\nZm9v\n");
  ASSERT_FALSE(unterminated.has_value());
  EXPECT_THAT(unterminated.error().message, HasSubstr("no matching \"-----END X-----\""));
  auto many = pem_decode(pem_encode("X", "a") + pem_encode("X", "b"), 1);
  ASSERT_FALSE(many.has_value());
  EXPECT_THAT(many.error().message, HasSubstr("more than 1 PEM blocks"));
}

// --- keys -------------------------------------------------------------------------------------

struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

Pkey generate(const char* type, const char* parameter = nullptr) {
  if (std::string_view(type) == "EC") {
    return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", parameter));
  }
  if (std::string_view(type) == "RSA") {
    return Pkey(
        EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<size_t>(std::stoul(parameter))));
  }
  return Pkey(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
}

PublicKey public_key_of(const Pkey& key) {
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key.get(), &der);
  const std::string bytes(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  auto parsed = PublicKey::from_spki_der(bytes);
  EXPECT_TRUE(parsed.has_value()) << parsed.error().message;
  return *parsed;
}

// Signs with OpenSSL directly: DER for ECDSA, PKCS#1 v1.5 or PSS for RSA, pure Ed25519.
std::string sign(const Pkey& key, std::string_view message, const char* digest_name,
                 bool pss = false) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  EXPECT_EQ(
      EVP_DigestSignInit_ex(ctx, &pkey_ctx, digest_name, nullptr, nullptr, key.get(), nullptr), 1);
  if (pss) {
    EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING);
  }
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  EVP_DigestSign(ctx, nullptr, &length, data, message.size());
  std::string signature(length, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                           message.size()),
            1);
  signature.resize(length);
  EVP_MD_CTX_free(ctx);
  return signature;
}

TEST(PublicKeyTest, ParsesTheConformanceManagedKeyAndItsKeyIdIsTheBundleHint) {
  ASSAY_SHARED_DATA_OR_SKIP(
      path, "sigstore-conformance/test/assets/bundle-verify/managed-key-happy-path/key.pub");
  auto key = PublicKey::from_pem(assay::testing::read_text(path));
  ASSERT_TRUE(key.has_value()) << key.error().message;
  EXPECT_EQ(key->type(), KeyType::kEcdsaP256);
  EXPECT_EQ(key->describe(), "ECDSA P-256");
  EXPECT_EQ(base64_encode(key->key_id()), "TLMsSDfG3ajPsWge+z/vX5T/zluXnmvbkTkwLIV68Tk=");
  auto again = PublicKey::from_pem(key->to_pem());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(*again, *key);
}

TEST(PublicKeyTest, RejectsMalformedTrailingAndWeakKeys) {
  const PublicKey key = public_key_of(generate("EC", "P-256"));
  auto trailing = PublicKey::from_spki_der(key.spki_der() + "x");
  ASSERT_FALSE(trailing.has_value());
  EXPECT_THAT(trailing.error().message, HasSubstr("extra bytes"));
  auto garbage = PublicKey::from_spki_der("not a key");
  ASSERT_FALSE(garbage.has_value());
  EXPECT_EQ(garbage.error().code, ErrorCode::kInvalidInput);
  Pkey weak = generate("RSA", "1024");
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(weak.get(), &der);
  auto rsa1024 = PublicKey::from_spki_der(
      std::string(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
  OPENSSL_free(der);
  ASSERT_FALSE(rsa1024.has_value());
  EXPECT_EQ(rsa1024.error().code, ErrorCode::kUnsupported);
  EXPECT_THAT(rsa1024.error().message, HasSubstr("1024 bits is too weak"));
  auto no_block = PublicKey::from_pem(pem_encode("CERTIFICATE", "x"));
  ASSERT_FALSE(no_block.has_value());
  EXPECT_THAT(no_block.error().message, HasSubstr("no \"PUBLIC KEY\" PEM block"));
}

TEST(PublicKeyTest, ReadsPkcs1RsaKeysAsTrustedRootsCarryThem) {
  Pkey rsa = generate("RSA", "2048");
  unsigned char* der = nullptr;
  const int length = i2d_PublicKey(rsa.get(), &der);
  const std::string pkcs1(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  auto key = PublicKey::from_pkcs1_rsa_der(pkcs1);
  ASSERT_TRUE(key.has_value()) << key.error().message;
  EXPECT_EQ(key->describe(), "RSA 2048");
  EXPECT_EQ(*key, public_key_of(rsa));
  auto pem = PublicKey::from_pem(pem_encode("RSA PUBLIC KEY", pkcs1));
  ASSERT_TRUE(pem.has_value());
  EXPECT_EQ(*pem, *key);
}

// --- signatures -------------------------------------------------------------------------------

struct SchemeCase {
  std::string name;
  const char* type;
  const char* parameter;
  const char* digest;
  HashAlgorithm hash;
  bool pss = false;
};

class SignatureSchemeTest : public ::testing::TestWithParam<SchemeCase> {};

TEST_P(SignatureSchemeTest, VerifiesGenuineAndRejectsTamperedSignatures) {
  const SchemeCase& scheme = GetParam();
  const Pkey private_key = generate(scheme.type, scheme.parameter);
  ASSERT_TRUE(private_key);
  const PublicKey key = public_key_of(private_key);
  const std::string signature = sign(private_key, "message", scheme.digest, scheme.pss);
  SignatureOptions options;
  options.hash = scheme.hash;
  options.rsa_padding = scheme.pss ? RsaPadding::kPss : RsaPadding::kPkcs1v15;
  EXPECT_TRUE(verify_message(key, "message", signature, options).has_value());
  const Result<void> other = verify_message(key, "massage", signature, options);
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kVerifyFailed);
  EXPECT_THAT(other.error().message, HasSubstr("does not verify"));
  std::string flipped = signature;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 1);
  EXPECT_FALSE(verify_message(key, "message", flipped, options).has_value());
  if (key.type() != KeyType::kEd25519) {
    EXPECT_TRUE(verify_digest(key, digest(scheme.hash, "message"), signature, options).has_value());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Schemes, SignatureSchemeTest,
    ::testing::Values(SchemeCase{"EcdsaP256", "EC", "P-256", "SHA256", HashAlgorithm::kSha256},
                      SchemeCase{"EcdsaP384", "EC", "P-384", "SHA384", HashAlgorithm::kSha384},
                      SchemeCase{"EcdsaP384WithSha256", "EC", "P-384", "SHA256",
                                 HashAlgorithm::kSha256},
                      SchemeCase{"EcdsaP521", "EC", "P-521", "SHA512", HashAlgorithm::kSha512},
                      SchemeCase{"Ed25519", "ED25519", nullptr, nullptr, HashAlgorithm::kSha512},
                      SchemeCase{"RsaPkcs1", "RSA", "2048", "SHA256", HashAlgorithm::kSha256},
                      SchemeCase{"RsaPss", "RSA", "2048", "SHA256", HashAlgorithm::kSha256, true}),
    [](const ::testing::TestParamInfo<SchemeCase>& param_info) { return param_info.param.name; });

TEST(SignatureTest, EcdsaEncodingsAreExplicitOrAutomatic) {
  const Pkey private_key = generate("EC", "P-256");
  const PublicKey key = public_key_of(private_key);
  const std::string der = sign(private_key, "m", "SHA256");
  // Re-encode as r || s.
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  ECDSA_SIG* parsed = d2i_ECDSA_SIG(nullptr, &cursor, static_cast<long>(der.size()));
  ASSERT_NE(parsed, nullptr);
  std::string raw(64, '\0');
  BN_bn2binpad(ECDSA_SIG_get0_r(parsed), reinterpret_cast<unsigned char*>(raw.data()), 32);
  BN_bn2binpad(ECDSA_SIG_get0_s(parsed), reinterpret_cast<unsigned char*>(raw.data()) + 32, 32);
  ECDSA_SIG_free(parsed);

  SignatureOptions options;
  EXPECT_FALSE(verify_message(key, "m", raw, options).has_value());  // DER expected
  options.ecdsa_encoding = EcdsaEncoding::kP1363;
  EXPECT_TRUE(verify_message(key, "m", raw, options).has_value());
  EXPECT_FALSE(verify_message(key, "m", der, options).has_value());
  options.ecdsa_encoding = EcdsaEncoding::kAuto;
  EXPECT_TRUE(verify_message(key, "m", raw, options).has_value());
  EXPECT_TRUE(verify_message(key, "m", der, options).has_value());
  const Result<void> short_raw = verify_message(key, "m", raw.substr(1), options);
  ASSERT_FALSE(short_raw.has_value());
  EXPECT_THAT(short_raw.error().message, HasSubstr("r || s for this curve is 64"));
}

TEST(SignatureTest, Ed25519CannotBeCheckedAgainstADigest) {
  const PublicKey key = public_key_of(generate("ED25519"));
  const Result<void> result = verify_digest(key, sha256("m"), std::string(64, 'x'), {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kUnsupported);
  const Result<void> short_signature = verify_message(key, "m", "short", {});
  ASSERT_FALSE(short_signature.has_value());
  EXPECT_THAT(short_signature.error().message, HasSubstr("5 bytes, not 64"));
}

TEST(SignatureTest, DigestOfTheWrongSizeFails) {
  const PublicKey key = public_key_of(generate("EC", "P-256"));
  const Result<void> result = verify_digest(key, "short", "sig", {});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kVerifyFailed);
  EXPECT_THAT(result.error().message, HasSubstr("not a sha256 digest"));
}

}  // namespace
}  // namespace assay::verify::crypto
