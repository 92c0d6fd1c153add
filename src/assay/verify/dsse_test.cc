// Tests for DSSE: the official test vector (PAE bytes and the ECDSA signature), envelope parsing
// errors with locations, key ids, threshold verification with several keys, and RSA signatures
// with PKCS#1 v1.5 or PSS padding made with keys generated at test time.
#include "assay/verify/dsse.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"

#include "testing.h"

namespace assay::verify::dsse {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kVector = "dsse/dsse-test-vector.json";

// A P-256 public key from decimal affine coordinates, as the test vector gives it.
crypto::PublicKey p256_from_decimal(const std::string& x, const std::string& y) {
  std::string point = "\x04";
  for (const std::string* coordinate : {&x, &y}) {
    BIGNUM* number = nullptr;
    EXPECT_GT(BN_dec2bn(&number, coordinate->c_str()), 0);
    std::string bytes(32, '\0');
    BN_bn2binpad(number, reinterpret_cast<unsigned char*>(bytes.data()), 32);
    BN_free(number);
    point += bytes;
  }
  const std::string prefix = *hex_decode("3059301306072a8648ce3d020106082a8648ce3d030107034200");
  auto key = crypto::PublicKey::from_spki_der(prefix + point);
  EXPECT_TRUE(key.has_value()) << key.error().message;
  return *key;
}

struct TestKey {
  EVP_PKEY* private_key = nullptr;
  crypto::PublicKey public_key;
};

TestKey generate_p256() {
  TestKey key;
  key.private_key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key.private_key, &der);
  key.public_key = *crypto::PublicKey::from_spki_der(
      std::string(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
  OPENSSL_free(der);
  return key;
}

std::string sign(EVP_PKEY* key, std::string_view message) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestSignInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, key, nullptr);
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  EVP_DigestSign(ctx, nullptr, &length, data, message.size());
  std::string signature(length, '\0');
  EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                 message.size());
  signature.resize(length);
  EVP_MD_CTX_free(ctx);
  return signature;
}

// A fresh 2048-bit key of OpenSSL type `type` ("RSA", or "RSA-PSS" for a key restricted to PSS)
// and its public half. Check private_key before use: nullptr when generation failed.
TestKey generate_rsa(const char* type) {
  TestKey key;
  EVP_PKEY_CTX* ctx = EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr);
  if (ctx == nullptr || EVP_PKEY_keygen_init(ctx) != 1 ||
      EVP_PKEY_CTX_set_rsa_keygen_bits(ctx, 2048) != 1 ||
      EVP_PKEY_generate(ctx, &key.private_key) != 1) {
    ADD_FAILURE() << "cannot generate an " << type << " key";
    EVP_PKEY_CTX_free(ctx);
    EVP_PKEY_free(key.private_key);
    key.private_key = nullptr;
    return key;
  }
  EVP_PKEY_CTX_free(ctx);
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key.private_key, &der);
  auto public_key = crypto::PublicKey::from_spki_der(std::string(
      reinterpret_cast<const char*>(der), static_cast<std::size_t>(std::max(length, 0))));
  OPENSSL_free(der);
  if (!public_key) {
    ADD_FAILURE() << public_key.error().message;
    EVP_PKEY_free(key.private_key);
    key.private_key = nullptr;
    return key;
  }
  key.public_key = *public_key;
  return key;
}

// An RSA signature with SHA-256 and the given padding (PSS: MGF1-SHA-256, salt of digest length).
std::string sign_rsa(EVP_PKEY* key, std::string_view message, bool pss) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  EXPECT_EQ(EVP_DigestSignInit_ex(ctx, &pkey_ctx, "SHA256", nullptr, nullptr, key, nullptr), 1);
  if (pss) {
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PSS_PADDING), 1);
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_pss_saltlen(pkey_ctx, RSA_PSS_SALTLEN_DIGEST), 1);
  } else {
    EXPECT_EQ(EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PADDING), 1);
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

TEST(DssePaeTest, MatchesTheSpecificationExample) {
  EXPECT_EQ(pae("http://example.com/HelloWorld", "hello world"),
            "DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  EXPECT_EQ(pae("", ""), "DSSEv1 0  0 ");
}

TEST(DsseVectorTest, PaeAndSignatureOfTheOfficialVectorVerify) {
  ASSAY_SHARED_DATA_OR_SKIP(path, kVector);
  const json::Json vector = json::Json::parse(assay::testing::read_text(path));
  EXPECT_EQ(
      pae(vector["payloadType"].get<std::string>(), vector["payload_utf8"].get<std::string>()),
      vector["pae_utf8"].get<std::string>());
  const crypto::PublicKey key = p256_from_decimal(vector["key"]["x"].get<std::string>(),
                                                  vector["key"]["y"].get<std::string>());
  for (const char* form : {"envelope", "envelope_with_keyid_from_reference_impl"}) {
    auto envelope = parse_envelope(vector[form].dump(), form);
    ASSERT_TRUE(envelope.has_value()) << envelope.error().to_string();
    EXPECT_EQ(envelope->payload, "hello world");
    const Verification verification = verify_envelope(*envelope, {TrustedKey{"", key, {}}});
    EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
    EXPECT_EQ(verification.method, "dsse");
  }
  // A trusted key with another keyid is not tried against a signature that names "66301bbf".
  auto with_keyid = parse_envelope(vector["envelope_with_keyid_from_reference_impl"].dump(), "v");
  ASSERT_TRUE(with_keyid.has_value());
  const Verification mismatched = verify_envelope(*with_keyid, {TrustedKey{"other", key, {}}});
  EXPECT_EQ(mismatched.outcome(), Outcome::kFail);
  EXPECT_EQ(mismatched.checks[0].detail, "no trusted key with a matching keyid");
  EXPECT_EQ(mismatched.checks[1].detail, "0 of 1 trusted key(s) verified a signature; 1 required");
}

TEST(DsseVerifyTest, ThresholdCountsDistinctKeys) {
  const TestKey first = generate_p256();
  const TestKey second = generate_p256();
  Envelope envelope{"application/vnd.in-toto+json", "{}", {}};
  const std::string message = pae(envelope.payload_type, envelope.payload);
  envelope.signatures = {{"a", sign(first.private_key, message)},
                         {"", sign(first.private_key, message)},
                         {"b", sign(second.private_key, message)}};
  const std::vector<TrustedKey> keys = {{"a", first.public_key, {}}, {"b", second.public_key, {}}};
  EXPECT_EQ(verify_envelope(envelope, keys, 2).outcome(), Outcome::kPass);
  envelope.signatures.pop_back();
  const Verification one_key = verify_envelope(envelope, keys, 2);
  EXPECT_EQ(one_key.outcome(), Outcome::kFail);
  EXPECT_THAT(one_key.checks[1].detail, HasSubstr("not counted twice"));
  EXPECT_EQ(one_key.checks.back().detail, "1 of 2 trusted key(s) verified a signature; 2 required");
  EVP_PKEY_free(first.private_key);
  EVP_PKEY_free(second.private_key);
}

TEST(DsseVerifyTest, TamperedPayloadFails) {
  const TestKey key = generate_p256();
  Envelope envelope{"text/plain", "hello", {}};
  envelope.signatures = {{"", sign(key.private_key, pae("text/plain", "hello"))}};
  envelope.payload = "hellp";
  const Verification verification = verify_envelope(envelope, {TrustedKey{"", key.public_key, {}}});
  EXPECT_EQ(verification.outcome(), Outcome::kFail);
  EXPECT_THAT(verification.checks[0].detail, HasSubstr("ECDSA P-256 signature does not verify"));
  EVP_PKEY_free(key.private_key);
}

TEST(DsseRsaTest, PkcsAndPssSignaturesBothVerifyWithAPlainRsaKey) {
  const TestKey key = generate_rsa("RSA");
  ASSERT_NE(key.private_key, nullptr);
  const std::string message = pae("application/vnd.in-toto+json", "{}");
  for (const bool pss : {false, true}) {
    Envelope envelope{"application/vnd.in-toto+json", "{}", {}};
    envelope.signatures = {{"", sign_rsa(key.private_key, message, pss)}};
    const Verification verification =
        verify_envelope(envelope, {TrustedKey{"", key.public_key, {}}});
    EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
    ASSERT_FALSE(verification.checks.empty());
    EXPECT_THAT(verification.checks[0].detail, HasSubstr("verified by RSA 2048 key sha256:"));
    EXPECT_THAT(verification.checks[0].detail, HasSubstr(pss ? ", RSA-PSS" : ", PKCS#1 v1.5"));
  }
  EVP_PKEY_free(key.private_key);
}

TEST(DsseRsaTest, TamperedPayloadFailsUnderEitherPadding) {
  const TestKey key = generate_rsa("RSA");
  ASSERT_NE(key.private_key, nullptr);
  Envelope envelope{"text/plain", "hellp", {}};
  envelope.signatures = {{"", sign_rsa(key.private_key, pae("text/plain", "hello"), true)}};
  const Verification verification = verify_envelope(envelope, {TrustedKey{"", key.public_key, {}}});
  EXPECT_EQ(verification.outcome(), Outcome::kFail);
  EXPECT_THAT(verification.checks[0].detail,
              HasSubstr("RSA 2048 signature does not verify with PKCS#1 v1.5 or PSS padding"));
  EXPECT_THAT(verification.checks[0].detail, Not(HasSubstr("RSA lib")));
  EVP_PKEY_free(key.private_key);
}

TEST(DsseRsaTest, ExplicitOptionsPinThePadding) {
  const TestKey key = generate_rsa("RSA");
  ASSERT_NE(key.private_key, nullptr);
  Envelope envelope{"text/plain", "hello", {}};
  envelope.signatures = {{"", sign_rsa(key.private_key, pae("text/plain", "hello"), true)}};
  crypto::SignatureOptions pkcs1 = crypto::default_options(key.public_key);
  pkcs1.rsa_padding = crypto::RsaPadding::kPkcs1v15;
  EXPECT_EQ(verify_envelope(envelope, {TrustedKey{"", key.public_key, pkcs1}}).outcome(),
            Outcome::kFail);
  crypto::SignatureOptions pss = pkcs1;
  pss.rsa_padding = crypto::RsaPadding::kPss;
  EXPECT_EQ(verify_envelope(envelope, {TrustedKey{"", key.public_key, pss}}).outcome(),
            Outcome::kPass);
  EVP_PKEY_free(key.private_key);
}

TEST(DsseRsaTest, RsaPssOnlyKeyVerifiesItsPssSignature) {
  const TestKey key = generate_rsa("RSA-PSS");
  ASSERT_NE(key.private_key, nullptr);
  EXPECT_EQ(crypto::default_options(key.public_key).rsa_padding, crypto::RsaPadding::kPss);
  Envelope envelope{"text/plain", "hello", {}};
  envelope.signatures = {{"", sign_rsa(key.private_key, pae("text/plain", "hello"), true)}};
  const Verification verification = verify_envelope(envelope, {TrustedKey{"", key.public_key, {}}});
  EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
  EXPECT_THAT(verification.checks[0].detail, HasSubstr(", RSA-PSS"));
  EVP_PKEY_free(key.private_key);
}

TEST(DsseParseTest, StandaloneEnvelopeMayCarryACertButABundleEnvelopeMayNot) {
  const std::string json =
      R"({"payloadType":"t","payload":"","signatures":[{"keyid":"","sig":"AA==","cert":"x"}]})";
  auto parsed = parse_envelope(json, "env.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->signatures.size(), 1U);
  auto badly_typed = parse_envelope(
      R"({"payloadType":"t","payload":"","signatures":[{"sig":"AA==","cert":1}]})", "env.json");
  ASSERT_FALSE(badly_typed.has_value());
  EXPECT_EQ(badly_typed.error().location, "env.json#/signatures/0/cert");
  auto document = json::parse(json, "bundle.json", kEnvelopeLimits);
  ASSERT_TRUE(document.has_value());
  auto in_bundle = read_envelope(json::Reader(*document, "bundle.json"));
  ASSERT_FALSE(in_bundle.has_value());
  EXPECT_THAT(in_bundle.error().message, HasSubstr("unknown member \"cert\""));
}

struct ParseErrorCase {
  std::string json;
  std::string location;
  std::string message;
};

class DsseParseErrorTest : public ::testing::TestWithParam<ParseErrorCase> {};

TEST_P(DsseParseErrorTest, NamesThePlaceAndTheProblem) {
  auto parsed = parse_envelope(GetParam().json, "env.json");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().location, GetParam().location);
  EXPECT_THAT(parsed.error().message, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Table, DsseParseErrorTest,
    ::testing::Values(
        ParseErrorCase{R"({"payloadType":"t","payload":"","signatures":[]})",
                       "env.json#/signatures", "envelope has no signatures"},
        ParseErrorCase{R"({"payloadType":"","payload":"","signatures":[{"sig":"AA=="}]})",
                       "env.json#/payloadType", "payloadType is empty"},
        ParseErrorCase{R"({"payloadType":"t","payload":"!","signatures":[{"sig":"AA=="}]})",
                       "env.json#/payload", "is not valid base64"},
        ParseErrorCase{R"({"payloadType":"t","payload":"","signatures":[{"sig":""}]})",
                       "env.json#/signatures/0/sig", "\"sig\" is empty"},
        ParseErrorCase{R"({"payloadType":"t","payload":"","signatures":[{"sig":"AA==","x":1}]})",
                       "env.json#/signatures/0/x", "unknown member \"x\""},
        ParseErrorCase{R"({"payloadType":"t","payload":"","signatures":[{"sig":"AA=="}],"y":2})",
                       "env.json#/y", "unknown member \"y\""},
        ParseErrorCase{R"({"payload":"","signatures":[{"sig":"AA=="}]})", "env.json#",
                       "required member \"payloadType\" is missing"},
        ParseErrorCase{R"([1])", "env.json#", "expected object, found array"}));

TEST(DsseParseTest, RoundTripsThroughJson) {
  Envelope envelope{"application/x", std::string("\x00\xff", 2), {{"k", "sig"}, {"", "s2"}}};
  auto parsed = parse_envelope(to_json(envelope), "round");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->payload_type, envelope.payload_type);
  EXPECT_EQ(parsed->payload, envelope.payload);
  ASSERT_EQ(parsed->signatures.size(), 2U);
  EXPECT_EQ(parsed->signatures[0].keyid, "k");
  EXPECT_EQ(parsed->signatures[1].sig, "s2");
}

TEST(DsseParseTest, UrlSafeBase64IsAccepted) {
  auto parsed =
      parse_envelope(R"({"payloadType":"t","payload":"-_8","signatures":[{"sig":"AA"}]})", "u");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->payload, "\xfb\xff");
}

TEST(DsseKeyIdTest, IsTheHexSha256OfTheKey) {
  const TestKey key = generate_p256();
  EXPECT_EQ(key_id(key.public_key), hex_encode(crypto::sha256(key.public_key.spki_der())));
  EXPECT_EQ(key_id(key.public_key).size(), 64U);
  EVP_PKEY_free(key.private_key);
}

}  // namespace
}  // namespace assay::verify::dsse
