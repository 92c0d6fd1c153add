// Tests for trusted_root.json parsing (real public-good, staging and sigstore-go roots, and
// every rejected form with its location) and for the RFC 3339 reader it relies on.
#include "assay/verify/sigstore_trusted_root.h"

#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/verify/sigstore_json.h"

#include "testing.h"

namespace assay::verify::sigstore {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kPublicGood = "sigstore-conformance/public-good-trusted_root.json";
constexpr std::string_view kStaging =
    "sigstore-conformance/test/assets/bundle-verify/rekor2-happy-path/trusted_root.json";

TEST(TrustedRootTest, ParsesThePublicGoodRoot) {
  ASSAY_SHARED_DATA_OR_SKIP(path, kPublicGood);
  const std::string text = assay::testing::read_text(path);
  auto root = parse_trusted_root(text, "public-good.json");
  ASSERT_TRUE(root.has_value()) << root.error().to_string();
  EXPECT_EQ(root->media_type, "application/vnd.dev.sigstore.trustedroot+json;version=0.1");
  ASSERT_EQ(root->tlogs.size(), 2U);
  EXPECT_EQ(root->tlogs[0].host(), "rekor.sigstore.dev");
  EXPECT_EQ(root->tlogs[0].key->type(), crypto::KeyType::kEcdsaP256);
  EXPECT_EQ(root->tlogs[1].key->type(), crypto::KeyType::kEd25519);
  EXPECT_EQ(root->tlogs[0].valid_for.to_string(), "[2021-01-12T11:53:27Z, open]");
  EXPECT_EQ(root->find_tlog(root->tlogs[1].log_id), &root->tlogs[1]);
  EXPECT_EQ(root->find_tlog("nope"), nullptr);
  ASSERT_EQ(root->certificate_authorities.size(), 2U);
  for (const CertificateAuthority& authority : root->certificate_authorities) {
    EXPECT_TRUE(authority.chain_verified) << authority.describe();
    EXPECT_FALSE(authority.store.empty());
  }
  EXPECT_EQ(root->certificate_authorities[0].describe(),
            "O=sigstore.dev, CN=sigstore (https://fulcio.sigstore.dev)");
  EXPECT_EQ(root->ctlogs.size(), 2U);
  ASSERT_EQ(root->timestamp_authorities.size(), 1U);
  EXPECT_EQ(root->timestamp_authorities[0].chain.size(), 2U);
  EXPECT_EQ(root->sha256.size(), 64U);
  EXPECT_EQ(root->describe(), "public-good.json (sha256:" + root->sha256 + ")");
}

TEST(TrustedRootTest, ReadsPkcs1CtKeysAndBoundedValidity) {
  ASSAY_SHARED_DATA_OR_SKIP(path, kStaging);
  auto root = parse_trusted_root(assay::testing::read_text(path), "staging.json");
  ASSERT_TRUE(root.has_value()) << root.error().to_string();
  const TransparencyLog& rsa = root->ctlogs.front();
  EXPECT_EQ(rsa.key_details, "PKCS1_RSA_PKCS1V5");
  ASSERT_TRUE(rsa.key.has_value());
  EXPECT_EQ(rsa.key->describe(), "RSA 4096");
  EXPECT_EQ(rsa.valid_for.to_string(), "[2021-03-14T00:00:00Z, 2022-07-31T00:00:00Z]");
  const std::int64_t end = *rsa.valid_for.end;
  EXPECT_TRUE(rsa.valid_for.contains(end));
  EXPECT_FALSE(rsa.valid_for.contains(end + 1));
  EXPECT_FALSE(rsa.valid_for.contains(rsa.valid_for.start - 1));
}

TEST(TrustedRootTest, ParsesTheSigstoreGoRoots) {
  for (std::string_view name :
       {"sigstore-go/examples/trusted-root-public-good.json",
        "sigstore-go/pkg/testing/data/trusted-roots/public-good.json",
        "sigstore-go/pkg/testing/data/trusted-roots/scaffolding.json",
        "sigstore-go/pkg/testing/data/trusted-roots/public-key-validity.json"}) {
    ASSAY_SHARED_DATA_OR_SKIP(path, name);
    auto root = parse_trusted_root(assay::testing::read_text(path), name);
    EXPECT_TRUE(root.has_value()) << (root ? "" : root.error().to_string());
  }
}

struct RootErrorCase {
  std::string name;
  std::function<void(nlohmann::json&)> edit;
  std::string location;  // after "root.json#"
  std::string message;
};

class TrustedRootErrorTest : public ::testing::TestWithParam<RootErrorCase> {};

TEST_P(TrustedRootErrorTest, NamesThePlaceAndTheProblem) {
  ASSAY_SHARED_DATA_OR_SKIP(path, kPublicGood);
  nlohmann::json document = nlohmann::json::parse(assay::testing::read_text(path));
  GetParam().edit(document);
  auto root = parse_trusted_root(document.dump(), "root.json");
  ASSERT_FALSE(root.has_value());
  EXPECT_EQ(root.error().location, "root.json#" + GetParam().location);
  EXPECT_THAT(root.error().message, HasSubstr(GetParam().message));
}

INSTANTIATE_TEST_SUITE_P(
    Table, TrustedRootErrorTest,
    ::testing::Values(
        RootErrorCase{"UnknownMediaType",
                      [](nlohmann::json& root) { root["mediaType"] = "application/json"; },
                      "/mediaType", "unknown trusted root media type"},
        RootErrorCase{"UnknownMember", [](nlohmann::json& root) { root["extra"] = true; }, "/extra",
                      "unknown member \"extra\""},
        RootErrorCase{
            "MissingValidityStart",
            [](nlohmann::json& root) { root["tlogs"][0]["publicKey"]["validFor"].erase("start"); },
            "/tlogs/0/publicKey/validFor", "validFor has no start"},
        RootErrorCase{"EndBeforeStart",
                      [](nlohmann::json& root) {
                        root["ctlogs"][0]["publicKey"]["validFor"]["end"] = "2000-01-01T00:00:00Z";
                      },
                      "/ctlogs/0/publicKey/validFor/end", "validFor ends before it starts"},
        RootErrorCase{"BadTimestamp",
                      [](nlohmann::json& root) {
                        root["tlogs"][0]["publicKey"]["validFor"]["start"] = "2021-13-01T00:00:00Z";
                      },
                      "/tlogs/0/publicKey/validFor/start", "a field is out of range"},
        RootErrorCase{"KeyDetailsMismatch",
                      [](nlohmann::json& root) {
                        root["tlogs"][0]["publicKey"]["keyDetails"] = "PKIX_ED25519";
                      },
                      "/tlogs/0/publicKey/keyDetails", "key is ECDSA P-256 but keyDetails says"},
        RootErrorCase{
            "BadKeyBytes",
            [](nlohmann::json& root) { root["tlogs"][0]["publicKey"]["rawBytes"] = "AAAA"; },
            "/tlogs/0/publicKey/rawBytes", "not a DER SubjectPublicKeyInfo"},
        RootErrorCase{
            "BadCertificate",
            [](nlohmann::json& root) {
              root["certificateAuthorities"][1]["certChain"]["certificates"][0]["rawBytes"] =
                  "AAAA";
            },
            "/certificateAuthorities/1/certChain/certificates/0/rawBytes",
            "not a DER X.509 certificate"},
        RootErrorCase{"EmptyChain",
                      [](nlohmann::json& root) {
                        root["timestampAuthorities"][0]["certChain"]["certificates"] =
                            nlohmann::json::array();
                      },
                      "/timestampAuthorities/0/certChain", "certificate chain is empty"},
        RootErrorCase{"MissingLogId", [](nlohmann::json& root) { root["tlogs"][1].erase("logId"); },
                      "/tlogs/1", "required member \"logId\" is missing"}),
    [](const ::testing::TestParamInfo<RootErrorCase>& param_info) {
      return param_info.param.name;
    });

TEST(TrustedRootTest, UnsupportedKeyTypesAreKeptButUnusable) {
  ASSAY_SHARED_DATA_OR_SKIP(path, kPublicGood);
  nlohmann::json document = nlohmann::json::parse(assay::testing::read_text(path));
  document["ctlogs"][0]["publicKey"]["keyDetails"] = "ML_DSA_65";
  auto root = parse_trusted_root(document.dump(), "root.json");
  ASSERT_TRUE(root.has_value()) << root.error().to_string();
  EXPECT_FALSE(root->ctlogs[0].key.has_value());
  EXPECT_EQ(root->ctlogs[0].unsupported_reason, "key type \"ML_DSA_65\" is not supported");
}

// --- RFC 3339 -----------------------------------------------------------------------------

TEST(Rfc3339Test, ParsesUtcFractionsAndOffsets) {
  EXPECT_EQ(*parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(*parse_rfc3339("2021-01-12T11:53:27Z"), 1610452407);
  EXPECT_EQ(*parse_rfc3339("2021-01-12T11:53:27.999999999Z"), 1610452407);
  EXPECT_EQ(*parse_rfc3339("2021-01-12t12:53:27+01:00"), 1610452407);
  EXPECT_EQ(*parse_rfc3339("2021-01-12T11:23:27-00:30"), 1610452407);
  EXPECT_EQ(*parse_rfc3339("2024-02-29T00:00:00Z"), 1709164800);
  EXPECT_EQ(format_rfc3339(1610452407), "2021-01-12T11:53:27Z");
  EXPECT_EQ(format_rfc3339(-1), "1969-12-31T23:59:59Z");
  for (std::int64_t time : {0LL, 951782400LL, 1710869186LL, 4102444800LL}) {
    EXPECT_EQ(*parse_rfc3339(format_rfc3339(time)), time);
  }
}

TEST(Rfc3339Test, RejectsMalformedTimestamps) {
  for (std::string_view bad :
       {"", "2021-01-12", "2021-01-12 11:53:27Z", "2021-01-12T11:53:27", "2023-02-29T00:00:00Z",
        "2021-01-12T24:00:00Z", "2021-01-12T11:53:27.Z", "2021-01-12T11:53:27.1234567890Z",
        "2021-01-12T11:53:27Zjunk", "2021-01-12T11:53:27+0100", "20210112T115327Z"}) {
    auto parsed = parse_rfc3339(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_THAT(parsed.error().message, HasSubstr("is not RFC 3339"));
  }
}

}  // namespace
}  // namespace assay::verify::sigstore
