// Tests for RFC 3161 timestamps on real Sigstore TSA responses from the conformance suite: the
// token's fields, verification with the trusted TSA chain at genTime, and each way it fails.
#include "assay/verify/tsa.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_json.h"
#include "assay/verify/sigstore_trusted_root.h"

#include "testing.h"

namespace assay::verify::tsa {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kSuite = "sigstore-conformance/test/assets/bundle-verify/";

struct Case {
  std::string signature;  // what the timestamp covers
  std::string timestamp;  // DER
  sigstore::TrustedRoot root;
};

// Reads a Rekor v2 conformance case: its signature, first timestamp and trusted root.
std::optional<Case> load(std::string_view name) {
  const std::filesystem::path dir =
      assay::testing::shared_data(std::string(kSuite) + std::string(name));
  if (dir.empty()) {
    return std::nullopt;
  }
  const json::Json bundle =
      json::Json::parse(assay::testing::read_text(dir / "bundle.sigstore.json"));
  Case loaded;
  loaded.signature =
      *crypto::base64_decode(bundle["messageSignature"]["signature"].get<std::string>());
  loaded.timestamp =
      *crypto::base64_decode_any(bundle["verificationMaterial"]["timestampVerificationData"]
                                       ["rfc3161Timestamps"][0]["signedTimestamp"]
                                           .get<std::string>());
  auto root =
      sigstore::parse_trusted_root(assay::testing::read_text(dir / "trusted_root.json"), "root");
  EXPECT_TRUE(root.has_value());
  loaded.root = std::move(*root);
  return loaded;
}

#define LOAD_OR_SKIP(var, name)                             \
  const std::optional<Case> var = load(name);               \
  if (!(var)) {                                             \
    if (::assay::testing::is_ci()) {                        \
      FAIL() << "shared data missing under CI: " << (name); \
    }                                                       \
    GTEST_SKIP() << "shared data missing: " << (name);      \
  }

TEST(TimestampTest, ReadsTheTokenFields) {
  LOAD_OR_SKIP(happy, "rekor2-happy-path");
  auto token = parse_timestamp(happy->timestamp);
  ASSERT_TRUE(token.has_value()) << token.error().message;
  EXPECT_EQ(sigstore::format_rfc3339(token->gen_time), "2025-06-12T12:02:20Z");
  EXPECT_EQ(token->imprint_algorithm, crypto::HashAlgorithm::kSha256);
  EXPECT_EQ(token->imprint, crypto::sha256(happy->signature));
  EXPECT_EQ(token->policy_oid, "1.3.6.1.4.1.57264.2");
  EXPECT_FALSE(token->serial_hex.empty());
  EXPECT_EQ(token->embedded_certificates, 1U);
}

TEST(TimestampTest, EmbeddedCertificatesAreCounted) {
  LOAD_OR_SKIP(without, "rekor2-timestamp-without-embedded-cert");
  auto token = parse_timestamp(without->timestamp);
  ASSERT_TRUE(token.has_value()) << token.error().message;
  EXPECT_EQ(token->embedded_certificates, 0U);
  const auto& chain = without->root.timestamp_authorities.back().chain;
  EXPECT_TRUE(verify_timestamp(*token, without->signature, chain).has_value());
}

TEST(TimestampTest, VerifiesWithTheTrustedChainAtGenTime) {
  LOAD_OR_SKIP(expired, "rekor2-timestamp-with-expired-cert-chain");
  auto token = parse_timestamp(expired->timestamp);
  ASSERT_TRUE(token.has_value());
  // The TSA certificate has long expired; it was valid when it signed.
  const auto& authority = expired->root.timestamp_authorities.back();
  EXPECT_LT(authority.chain.front().not_after(), 1800000000);
  const Result<void> verified = verify_timestamp(*token, expired->signature, authority.chain);
  EXPECT_TRUE(verified.has_value()) << verified.error().message;
}

TEST(TimestampTest, FailsForAnotherMessageAnotherChainOrAnExpiredSigner) {
  LOAD_OR_SKIP(happy, "rekor2-happy-path");
  auto token = parse_timestamp(happy->timestamp);
  ASSERT_TRUE(token.has_value());
  const auto& tsa_chain = happy->root.timestamp_authorities.front().chain;
  const Result<void> other = verify_timestamp(*token, "another signature", tsa_chain);
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::kVerifyFailed);
  EXPECT_THAT(other.error().message,
              HasSubstr("is not the sha256 of the signature it should timestamp"));
  const Result<void> fulcio =
      verify_timestamp(*token, happy->signature, happy->root.certificate_authorities[0].chain);
  ASSERT_FALSE(fulcio.has_value());
  EXPECT_EQ(fulcio.error().code, ErrorCode::kVerifyFailed);

  LOAD_OR_SKIP(late, "rekor2-timestamp-outside-tsa-cert-validity_fail");
  auto late_token = parse_timestamp(late->timestamp);
  ASSERT_TRUE(late_token.has_value());
  const Result<void> expired =
      verify_timestamp(*late_token, late->signature, late->root.timestamp_authorities.back().chain);
  ASSERT_FALSE(expired.has_value());
  EXPECT_THAT(expired.error().message, HasSubstr("certificate has expired"));
}

TEST(TimestampTest, RejectsGarbageAndOversizedInput) {
  auto garbage = parse_timestamp("not DER");
  ASSERT_FALSE(garbage.has_value());
  EXPECT_EQ(garbage.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(garbage.error().message, "not a DER RFC 3161 TimeStampResp or TimeStampToken");
  auto big = parse_timestamp(std::string(kMaxTimestampBytes + 1, '\x30'));
  ASSERT_FALSE(big.has_value());
  EXPECT_THAT(big.error().message, HasSubstr("larger than"));
  LOAD_OR_SKIP(happy, "rekor2-happy-path");
  auto truncated = parse_timestamp(happy->timestamp.substr(0, happy->timestamp.size() - 1));
  ASSERT_FALSE(truncated.has_value());
  EXPECT_EQ(truncated.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace assay::verify::tsa
