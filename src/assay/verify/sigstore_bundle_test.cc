// Tests for bundle parsing: every media type and material form in the conformance suite, and
// each structural defect reported with its JSON pointer.
#include "assay/verify/sigstore_bundle.h"

#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing.h"

namespace assay::verify::sigstore {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kSuite = "sigstore-conformance/test/assets/bundle-verify/";

struct VersionCase {
  std::string bundle;
  BundleVersion version;
  MaterialKind material;
  bool dsse;
};

class BundleVersionTest : public ::testing::TestWithParam<VersionCase> {};

TEST_P(BundleVersionTest, ParsesMediaTypeMaterialAndContent) {
  const VersionCase& test = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(dir, std::string(kSuite) + test.bundle);
  auto bundle = parse_bundle(assay::testing::read_text(dir / "bundle.sigstore.json"), "b");
  ASSERT_TRUE(bundle.has_value()) << bundle.error().to_string();
  EXPECT_EQ(bundle->version, test.version);
  EXPECT_EQ(bundle->material, test.material);
  EXPECT_EQ(bundle->dsse_envelope.has_value(), test.dsse);
  EXPECT_EQ(bundle->message_signature.has_value(), !test.dsse);
  EXPECT_FALSE(bundle->signature().empty());
  ASSERT_EQ(bundle->tlog_entries.size(), 1U);
  const TlogEntry& entry = bundle->tlog_entries[0];
  EXPECT_EQ(entry.log_id.size(), 32U);
  EXPECT_FALSE(entry.canonicalized_body.empty());
  EXPECT_EQ(entry.pointer, "/verificationMaterial/tlogEntries/0");
  if (test.material == MaterialKind::kPublicKey) {
    EXPECT_TRUE(bundle->certificates.empty());
    EXPECT_EQ(bundle->public_key_hint, "TLMsSDfG3ajPsWge+z/vX5T/zluXnmvbkTkwLIV68Tk=");
  } else {
    EXPECT_FALSE(bundle->certificates.empty());
  }
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BundleVersionTest,
    ::testing::Values(
        VersionCase{"happy-path-v0.1", BundleVersion::k01, MaterialKind::kX509CertificateChain,
                    false},
        VersionCase{"happy-path-v0.2", BundleVersion::k02, MaterialKind::kX509CertificateChain,
                    false},
        VersionCase{"happy-path-v0.3", BundleVersion::k03, MaterialKind::kCertificate, false},
        VersionCase{"happy-path-v0.3-new-mediaType", BundleVersion::k03, MaterialKind::kCertificate,
                    false},
        VersionCase{"happy-path-intoto-in-dsse-v3", BundleVersion::k03, MaterialKind::kCertificate,
                    true},
        VersionCase{"managed-key-happy-path", BundleVersion::k03, MaterialKind::kPublicKey, false}),
    [](const ::testing::TestParamInfo<VersionCase>& param_info) {
      return assay::testing::sanitize_test_name(param_info.param.bundle);
    });

TEST(BundleParseTest, ReadsTheInclusionProofAndTimestamps) {
  ASSAY_SHARED_DATA_OR_SKIP(dir, std::string(kSuite) + "rekor2-happy-path");
  auto bundle = parse_bundle(assay::testing::read_text(dir / "bundle.sigstore.json"), "b");
  ASSERT_TRUE(bundle.has_value()) << bundle.error().to_string();
  const TlogEntry& entry = bundle->tlog_entries[0];
  EXPECT_EQ(entry.kind, "hashedrekord");
  EXPECT_EQ(entry.version, "0.0.2");
  EXPECT_EQ(entry.integrated_time, 0);
  EXPECT_FALSE(entry.signed_entry_timestamp.has_value());
  ASSERT_TRUE(entry.inclusion_proof.has_value());
  EXPECT_EQ(entry.inclusion_proof->log_index, 735);
  EXPECT_EQ(entry.inclusion_proof->tree_size, 736);
  EXPECT_EQ(entry.inclusion_proof->hashes.size(), 8U);
  EXPECT_THAT(*entry.inclusion_proof->checkpoint,
              HasSubstr("log2025-alpha1.rekor.sigstage.dev\n736\n"));
  EXPECT_EQ(bundle->rfc3161_timestamps.size(), 1U);
}

struct BundleErrorCase {
  std::string name;
  std::function<void(nlohmann::json&)> edit;
  std::string location;  // after "b.json#"
  std::string message;
  ErrorCode code = ErrorCode::kInvalidInput;
};

class BundleErrorTest : public ::testing::TestWithParam<BundleErrorCase> {};

TEST_P(BundleErrorTest, NamesThePlaceAndTheProblem) {
  ASSAY_SHARED_DATA_OR_SKIP(dir, std::string(kSuite) + "happy-path-v0.2");
  nlohmann::json document =
      nlohmann::json::parse(assay::testing::read_text(dir / "bundle.sigstore.json"));
  GetParam().edit(document);
  auto bundle = parse_bundle(document.dump(), "b.json");
  ASSERT_FALSE(bundle.has_value());
  EXPECT_EQ(bundle.error().code, GetParam().code);
  EXPECT_EQ(bundle.error().location, "b.json#" + GetParam().location);
  EXPECT_THAT(bundle.error().message, HasSubstr(GetParam().message));
}

nlohmann::json& entry(nlohmann::json& bundle) {
  return bundle["verificationMaterial"]["tlogEntries"][0];
}

INSTANTIATE_TEST_SUITE_P(
    Table, BundleErrorTest,
    ::testing::Values(
        BundleErrorCase{"UnknownMediaType",
                        [](nlohmann::json& b) {
                          b["mediaType"] = "application/vnd.dev.sigstore.bundle+json;version=0.4";
                        },
                        "/mediaType", "unknown bundle media type"},
        BundleErrorCase{"BothContents",
                        [](nlohmann::json& b) {
                          b["dsseEnvelope"] = {{"payloadType", "t"},
                                               {"payload", ""},
                                               {"signatures", {{{"sig", "AA=="}}}}};
                        },
                        "", "both messageSignature and dsseEnvelope"},
        BundleErrorCase{"NoContent", [](nlohmann::json& b) { b.erase("messageSignature"); }, "",
                        "neither messageSignature nor dsseEnvelope"},
        BundleErrorCase{"TwoMaterials",
                        [](nlohmann::json& b) {
                          b["verificationMaterial"]["publicKey"] = {{"hint", "x"}};
                        },
                        "/verificationMaterial", "more than one of publicKey"},
        BundleErrorCase{"EmptyChain",
                        [](nlohmann::json& b) {
                          b["verificationMaterial"]["x509CertificateChain"]["certificates"] =
                              nlohmann::json::array();
                        },
                        "/verificationMaterial/x509CertificateChain",
                        "x509CertificateChain has no certificates"},
        BundleErrorCase{
            "BadCertificate",
            [](nlohmann::json& b) {
              b["verificationMaterial"]["x509CertificateChain"]["certificates"][0]["rawBytes"] =
                  "MIIB";
            },
            "/verificationMaterial/x509CertificateChain/certificates/0/rawBytes",
            "not a DER X.509 certificate"},
        BundleErrorCase{"NegativeLogIndex", [](nlohmann::json& b) { entry(b)["logIndex"] = "-1"; },
                        "/verificationMaterial/tlogEntries/0/logIndex", "\"logIndex\" is negative"},
        BundleErrorCase{"NegativeTreeSize",
                        [](nlohmann::json& b) { entry(b)["inclusionProof"]["treeSize"] = -5; },
                        "/verificationMaterial/tlogEntries/0/inclusionProof/treeSize",
                        "\"treeSize\" is negative"},
        BundleErrorCase{"FractionalIndex", [](nlohmann::json& b) { entry(b)["logIndex"] = "1.5"; },
                        "/verificationMaterial/tlogEntries/0/logIndex",
                        "expected a 64-bit integer"},
        BundleErrorCase{"BadSignatureBase64",
                        [](nlohmann::json& b) { b["messageSignature"]["signature"] = "!!"; },
                        "/messageSignature/signature", "\"signature\" is not valid base64"},
        BundleErrorCase{
            "ShortDigest",
            [](nlohmann::json& b) { b["messageSignature"]["messageDigest"]["digest"] = "AAAA"; },
            "/messageSignature/messageDigest/digest", "3 bytes, not a sha256 digest"},
        BundleErrorCase{"Sha3Digest",
                        [](nlohmann::json& b) {
                          b["messageSignature"]["messageDigest"]["algorithm"] = "SHA3_256";
                        },
                        "/messageSignature/messageDigest/algorithm",
                        "\"SHA3_256\" is not supported", ErrorCode::kUnsupported},
        BundleErrorCase{"UnknownEntryMember", [](nlohmann::json& b) { entry(b)["x"] = 1; },
                        "/verificationMaterial/tlogEntries/0/x", "unknown member \"x\""},
        BundleErrorCase{"MissingLogId", [](nlohmann::json& b) { entry(b).erase("logId"); },
                        "/verificationMaterial/tlogEntries/0", "required member \"logId\""},
        BundleErrorCase{
            "TooManyProofHashes",
            [](nlohmann::json& b) {
              entry(b)["inclusionProof"]["hashes"] = std::vector<std::string>(65, "AAAA");
            },
            "/verificationMaterial/tlogEntries/0/inclusionProof/hashes", "over the limit of 64"}),
    [](const ::testing::TestParamInfo<BundleErrorCase>& param_info) {
      return param_info.param.name;
    });

TEST(BundleParseTest, MalformedJsonNamesLineAndColumn) {
  auto bundle = parse_bundle("{\"mediaType\": }", "b.json");
  ASSERT_FALSE(bundle.has_value());
  EXPECT_EQ(bundle.error().location, "b.json:1:15");
  EXPECT_THAT(bundle.error().message, HasSubstr("malformed JSON"));
}

TEST(BundleParseTest, EnforcesTheDepthLimit) {
  std::string deep = "{\"mediaType\":";
  for (int level = 0; level < 100; ++level) {
    deep += "[";
  }
  auto bundle = parse_bundle(deep, "b.json");
  ASSERT_FALSE(bundle.has_value());
  EXPECT_THAT(bundle.error().message, HasSubstr("nesting is deeper than the limit of 24"));
}

}  // namespace
}  // namespace assay::verify::sigstore
