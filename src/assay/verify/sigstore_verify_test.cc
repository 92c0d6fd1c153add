// Bundle verification beyond the conformance suite: real bundles from sigstore-go's fixtures
// (npm provenance, DSSE, otherName SAN, managed keys, TSA-only), policies (exact, regex, key),
// digest-only artefacts, thresholds and tampering, asserting which check fails and why.
#include "assay/verify/sigstore_verify.h"

#include <functional>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/core/strings.h"

#include "testing.h"

namespace assay::verify::sigstore {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kConformance = "sigstore-conformance/test/assets/bundle-verify";
constexpr std::string_view kDefaultIdentity =
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
    "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
constexpr std::string_view kActionsIssuer = "https://token.actions.githubusercontent.com";

std::vector<std::string> failed_ids(const Verification& verification) {
  std::vector<std::string> ids;
  for (const Check& check : verification.checks) {
    if (check.outcome == Outcome::kFail) {
      ids.push_back(check.id);
    }
  }
  return ids;
}

const Check* find_check(const Verification& verification, std::string_view id) {
  for (const Check& check : verification.checks) {
    if (check.id == id) {
      return &check;
    }
  }
  return nullptr;
}

TrustedRoot load_root(const std::filesystem::path& path) {
  auto root = parse_trusted_root(assay::testing::read_text(path), path.filename().string());
  EXPECT_TRUE(root.has_value()) << (root ? "" : root.error().to_string());
  return root ? std::move(*root) : TrustedRoot{};
}

Policy identity(std::string_view san, std::string_view issuer) {
  return Policy::identity(StringMatcher::exact(std::string(san)),
                          StringMatcher::exact(std::string(issuer)));
}

// --- sigstore-go fixtures -------------------------------------------------------------------

struct Fixture {
  std::string name;
  std::string bundle;  // relative to shared data
  std::string root;
  std::string san;  // "" for a key policy
  std::string issuer;
  std::string key;     // PEM file for a key policy
  std::string digest;  // the artefact, as "<alg>:<hex>"
  std::size_t tlog_threshold = 1;
};

std::vector<Fixture> sigstore_go_fixtures() {
  const std::string bundles = "sigstore-go/pkg/testing/data/bundles/";
  const std::string roots = "sigstore-go/pkg/testing/data/trusted-roots/";
  const std::string npm_1_3_0 =
      "sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fb"
      "e2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751";
  return {
      {"DsseIntotoEmailIdentity", bundles + "dsse.sigstore.json", roots + "public-good.json",
       "brian@dehamer.com", "https://github.com/login/oauth", "",
       "sha512:bbfd372fc9beeb777fe35d05bb10c0c70a9733d366a75fed7dd18866c7391de3ee7e88ba74dd47abf3"
       "e15c845e547fcf0e5c3da80854c751554224d3a6d4e55f"},
      {"OtherNameSan", bundles + "othername.sigstore.json", roots + "scaffolding.json",
       "foo!oidc.local", "http://oidc.local:8080", "",
       "sha256:bc103b4a84971ef6459b294a2b98568a2bfb72cded09d4acd1e16366a401f95b"},
      {"ManagedKeyWithTsaOnly", bundles + "public-key-validity.sigstore.json",
       roots + "public-key-validity.json", "", "",
       "sigstore-go/pkg/testing/data/public-keys/public-key-validity.pem",
       "sha256:6ae8a75555209fd6c44157c0aed8016e763ff435a19cf186f76863140143ff72", 0},
      {"SigstoreJs200NpmProvenance", bundles + "sigstore.js@2.0.0-provenance.sigstore.json",
       roots + "public-good.json",
       "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main",
       std::string(kActionsIssuer), "",
       "sha512:46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2"
       "ac67d50540fe34640966eee9fc2ccca387082b4c85cd3c"},
      {"NpmProvenanceExample", "sigstore-go/examples/bundle-provenance.json",
       "sigstore-go/examples/trusted-root-public-good.json",
       "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main",
       std::string(kActionsIssuer), "", npm_1_3_0},
      {"NpmPublishAttestationManagedKey", "sigstore-go/examples/bundle-publish.json",
       "sigstore-go/examples/trusted-root-public-good.json", "", "",
       "sigstore-go/examples/publish_key.pub", npm_1_3_0},
  };
}

class SigstoreGoFixtureTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(SigstoreGoFixtureTest, Verifies) {
  const Fixture& fixture = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(bundle_path, fixture.bundle);
  ASSAY_SHARED_DATA_OR_SKIP(root_path, fixture.root);
  const TrustedRoot root = load_root(root_path);
  std::optional<Policy> policy;
  if (!fixture.key.empty()) {
    ASSAY_SHARED_DATA_OR_SKIP(key_path, fixture.key);
    auto key = crypto::PublicKey::from_pem(assay::testing::read_text(key_path));
    ASSERT_TRUE(key.has_value()) << key.error().to_string();
    policy = Policy::key(*key);
  } else {
    policy = identity(fixture.san, fixture.issuer);
  }
  auto artifact = Artifact::from_digest(fixture.digest);
  ASSERT_TRUE(artifact.has_value()) << artifact.error().to_string();
  VerifyOptions options;
  options.tlog_threshold = fixture.tlog_threshold;
  const Verification verification = verify_bundle_json(
      assay::testing::read_text(bundle_path), fixture.bundle, *artifact, *policy, root, options);
  EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
  ASSERT_NE(find_check(verification, kCheckSignature), nullptr);
  EXPECT_EQ(find_check(verification, kCheckSignature)->outcome, Outcome::kPass);
  ASSERT_NE(find_check(verification, kCheckArtifact), nullptr) << to_text(verification);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, SigstoreGoFixtureTest,
                         ::testing::ValuesIn(sigstore_go_fixtures()),
                         [](const ::testing::TestParamInfo<Fixture>& param_info) {
                           return param_info.param.name;
                         });

TEST(SigstoreGoFixtureTest, RejectsDsseBundleWithTwoSignatures) {
  ASSAY_SHARED_DATA_OR_SKIP(bundle_path,
                            "sigstore-go/pkg/testing/data/bundles/dsse-2sigs.sigstore.json");
  auto parsed = parse_bundle(assay::testing::read_text(bundle_path), "dsse-2sigs.sigstore.json");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(parsed.error().message, HasSubstr("exactly one signature, found 2"));
  EXPECT_EQ(parsed.error().location, "dsse-2sigs.sigstore.json#/dsseEnvelope/signatures");
}

TEST(SigstoreGoFixtureTest, OtherNameIdentityIsReported) {
  ASSAY_SHARED_DATA_OR_SKIP(bundle_path,
                            "sigstore-go/pkg/testing/data/bundles/othername.sigstore.json");
  ASSAY_SHARED_DATA_OR_SKIP(root_path,
                            "sigstore-go/pkg/testing/data/trusted-roots/scaffolding.json");
  auto artifact = Artifact::from_digest(
      "sha256:bc103b4a84971ef6459b294a2b98568a2bfb72cded09d4acd1e16366a401f95b");
  ASSERT_TRUE(artifact.has_value());
  const Verification verification =
      verify_bundle_json(assay::testing::read_text(bundle_path), "othername", *artifact,
                         identity("someone-else", "http://oidc.local:8080"), load_root(root_path));
  EXPECT_EQ(failed_ids(verification), std::vector<std::string>{"sigstore.identity"});
  EXPECT_THAT(verification.identity, HasSubstr("otherName:foo!oidc.local"));
  EXPECT_THAT(find_check(verification, kCheckIdentity)->detail,
              HasSubstr("certificate SAN \"foo!oidc.local\" does not match the expected "
                        "\"someone-else\""));
}

// --- policies, artefacts and tampering on a conformance happy path ---------------------------

class HappyPathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path suite = assay::testing::shared_data(kConformance);
    const std::filesystem::path root =
        assay::testing::shared_data("sigstore-conformance/public-good-trusted_root.json");
    if (suite.empty() || root.empty()) {
      if (assay::testing::is_ci()) {
        FAIL() << "shared data missing under CI: " << kConformance;
      }
      GTEST_SKIP() << "shared data missing: " << kConformance;
    }
    bundle_json_ = assay::testing::read_text(suite / "happy-path-v0.3" / "bundle.sigstore.json");
    artifact_bytes_ = assay::testing::read_text(suite / "a.txt");
    root_ = load_root(root);
  }

  Verification verify(const std::string& json, const Policy& policy) const {
    return verify_bundle_json(json, "bundle.json", Artifact::from_bytes(artifact_bytes_, "a.txt"),
                              policy, root_);
  }
  Verification verify(const Policy& policy) const { return verify(bundle_json_, policy); }

  std::string mutated(const std::function<void(nlohmann::json&)>& edit) const {
    nlohmann::json document = nlohmann::json::parse(bundle_json_);
    edit(document);
    return document.dump();
  }

  std::string bundle_json_;
  std::string artifact_bytes_;
  TrustedRoot root_;
};

TEST_F(HappyPathTest, PassesEveryCheckAndNamesTheIdentity) {
  const Verification verification = verify(identity(kDefaultIdentity, kActionsIssuer));
  EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
  for (std::string_view id :
       {kCheckBundleParse, kCheckTlogLog, kCheckTlogBody, kCheckTlogSet, kCheckTlogInclusion,
        kCheckTlogCheckpoint, kCheckTlogThreshold, kCheckTime, kCheckCertChain, kCheckCertValidity,
        kCheckSct, kCheckIdentity, kCheckSignature, kCheckArtifact}) {
    const Check* check = find_check(verification, id);
    ASSERT_NE(check, nullptr) << id;
    EXPECT_EQ(check->outcome, Outcome::kPass) << id << ": " << check->detail;
  }
  EXPECT_EQ(verification.method, "sigstore-bundle");
  EXPECT_THAT(verification.subject, HasSubstr("a.txt (sha256:a0cfc71271d6e278e57cd332ff957c3f"));
  EXPECT_THAT(verification.trust_root, HasSubstr("public-good-trusted_root.json (sha256:"));
  EXPECT_THAT(verification.identity, HasSubstr("issuer https://token.actions.githubusercontent"));
  EXPECT_THAT(find_check(verification, kCheckTlogSet)->detail,
              HasSubstr("https://rekor.sigstore.dev signed integratedTime 2024-03-19T17:26:26Z"));
}

TEST_F(HappyPathTest, RegexIdentityMustMatchTheWholeValue) {
  auto san = StringMatcher::regex(
      R"(https://github\.com/sigstore-conformance/[^/]+/\.github/workflows/.+@refs/heads/main)");
  auto issuer = StringMatcher::regex(R"(https://token\.actions\.githubusercontent\.com)");
  ASSERT_TRUE(san.has_value() && issuer.has_value());
  EXPECT_EQ(verify(Policy::identity(*san, *issuer)).outcome(), Outcome::kPass);

  // A pattern that occurs inside the SAN, but is not all of it, does not match.
  auto partial = StringMatcher::regex(R"(github\.com/sigstore-conformance)");
  ASSERT_TRUE(partial.has_value());
  const Verification verification = verify(Policy::identity(*partial, *issuer));
  EXPECT_EQ(failed_ids(verification), std::vector<std::string>{"sigstore.identity"});
  EXPECT_THAT(find_check(verification, kCheckIdentity)->detail,
              HasSubstr("does not match the expected /github\\.com/sigstore-conformance/"));
}

TEST_F(HappyPathTest, WrongIssuerFailsOnlyTheIdentity) {
  const Verification verification =
      verify(identity(kDefaultIdentity, "https://accounts.google.com"));
  EXPECT_EQ(failed_ids(verification), std::vector<std::string>{"sigstore.identity"});
  EXPECT_THAT(find_check(verification, kCheckIdentity)->detail,
              HasSubstr("certificate issuer \"https://token.actions.githubusercontent.com\" does "
                        "not match the expected \"https://accounts.google.com\""));
}

TEST_F(HappyPathTest, InvalidRegexIsRejectedWhenThePolicyIsBuilt) {
  auto bad = StringMatcher::regex("(unclosed");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(bad.error().message, HasSubstr("is not valid RE2 syntax"));
}

TEST_F(HappyPathTest, KeyPolicyRefusesAKeylessBundle) {
  auto key = crypto::PublicKey::from_spki_der(root_.tlogs.front().key->spki_der());
  ASSERT_TRUE(key.has_value());
  const Verification verification = verify(Policy::key(*key));
  EXPECT_EQ(failed_ids(verification), std::vector<std::string>{"sigstore.key"});
  EXPECT_THAT(find_check(verification, kCheckKey)->detail,
              HasSubstr("carries a Fulcio certificate (keyless signing)"));
}

TEST_F(HappyPathTest, DigestOnlyArtefactVerifies) {
  auto artifact = Artifact::from_digest(
      "sha256:a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf");
  ASSERT_TRUE(artifact.has_value());
  const Verification verification = verify_bundle_json(
      bundle_json_, "bundle.json", *artifact, identity(kDefaultIdentity, kActionsIssuer), root_);
  EXPECT_EQ(verification.outcome(), Outcome::kPass) << to_text(verification);
}

TEST_F(HappyPathTest, WrongDigestFailsArtefactSignatureAndLogBinding) {
  auto artifact = Artifact::from_digest(std::string(64, 'a'));
  ASSERT_TRUE(artifact.has_value());
  const Verification verification = verify_bundle_json(
      bundle_json_, "bundle.json", *artifact, identity(kDefaultIdentity, kActionsIssuer), root_);
  EXPECT_EQ(failed_ids(verification),
            (std::vector<std::string>{"sigstore.tlog.body", "sigstore.tlog", "sigstore.signature",
                                      "sigstore.artifact"}));
  EXPECT_THAT(find_check(verification, kCheckTlogBody)->detail,
              HasSubstr("the logged artefact digest sha256:a0cfc712"));
}

TEST_F(HappyPathTest, DigestOfAnotherAlgorithmCannotCheckTheSignature) {
  auto artifact = Artifact::from_digest("sha512:" + std::string(128, 'b'));
  ASSERT_TRUE(artifact.has_value());
  const Verification verification = verify_bundle_json(
      bundle_json_, "bundle.json", *artifact, identity(kDefaultIdentity, kActionsIssuer), root_);
  EXPECT_EQ(verification.outcome(), Outcome::kFail);
  EXPECT_THAT(find_check(verification, kCheckSignature)->detail,
              HasSubstr("needs its sha256 digest, and only its sha512 is known"));
}

TEST_F(HappyPathTest, TamperedIntegratedTimeBreaksThePromise) {
  const std::string json = mutated([](nlohmann::json& bundle) {
    bundle["verificationMaterial"]["tlogEntries"][0]["integratedTime"] = "1710869187";
  });
  const Verification verification = verify(json, identity(kDefaultIdentity, kActionsIssuer));
  EXPECT_EQ(failed_ids(verification),
            (std::vector<std::string>{"sigstore.tlog.set", "sigstore.time"}));
  EXPECT_THAT(find_check(verification, kCheckTlogSet)->detail,
              HasSubstr("integratedTime 1710869187"));
}

TEST_F(HappyPathTest, ThresholdsAreEnforced) {
  VerifyOptions options;
  options.tlog_threshold = 2;
  options.sct_threshold = 2;
  const Verification verification =
      verify_bundle_json(bundle_json_, "bundle.json", Artifact::from_bytes(artifact_bytes_, ""),
                         identity(kDefaultIdentity, kActionsIssuer), root_, options);
  EXPECT_EQ(failed_ids(verification), (std::vector<std::string>{"sigstore.tlog", "sigstore.sct"}));
  EXPECT_EQ(find_check(verification, kCheckTlogThreshold)->detail, "1 of 1 entries verified");
}

TEST_F(HappyPathTest, NoTransparencyLogEntryFailsTheThreshold) {
  const std::string json = mutated([](nlohmann::json& bundle) {
    bundle["verificationMaterial"]["tlogEntries"] = nlohmann::json::array();
  });
  const Verification verification = verify(json, identity(kDefaultIdentity, kActionsIssuer));
  EXPECT_EQ(failed_ids(verification), (std::vector<std::string>{"sigstore.tlog", "sigstore.time"}));
}

TEST_F(HappyPathTest, UntrustedRootFailsChainSctAndLog) {
  TrustedRoot empty;
  empty.source = "empty";
  const Verification verification =
      verify_bundle_json(bundle_json_, "bundle.json", Artifact::from_bytes(artifact_bytes_, ""),
                         identity(kDefaultIdentity, kActionsIssuer), empty);
  EXPECT_EQ(failed_ids(verification),
            (std::vector<std::string>{"sigstore.tlog.log", "sigstore.tlog", "sigstore.time",
                                      "sigstore.cert.chain"}));
}

TEST_F(HappyPathTest, ParseErrorsAreOneFailedCheckWithTheirLocation) {
  const std::string json =
      mutated([](nlohmann::json& bundle) { bundle["verificationMaterial"]["extra"] = 1; });
  const Verification verification = verify(json, identity(kDefaultIdentity, kActionsIssuer));
  ASSERT_EQ(verification.checks.size(), 1U);
  EXPECT_EQ(verification.checks[0].id, "sigstore.bundle.parse");
  EXPECT_THAT(verification.checks[0].detail,
              HasSubstr("bundle.json#/verificationMaterial/extra: unknown member \"extra\""));
}

TEST(ArtifactTest, ParsesDigestsAndRejectsMalformedOnes) {
  auto bare = Artifact::from_digest(std::string(64, 'A'));
  ASSERT_TRUE(bare.has_value());
  EXPECT_EQ(bare->given_algorithm, crypto::HashAlgorithm::kSha256);
  EXPECT_EQ(bare->name, "sha256:" + std::string(64, 'a'));
  EXPECT_FALSE(bare->digest(crypto::HashAlgorithm::kSha512).has_value());
  for (std::string_view bad : {"sha256:abc",
                               "md5:"
                               "d41d8cd98f00b204e9800998ecf8427e",
                               "sha512:zz", ""}) {
    auto parsed = Artifact::from_digest(bad);
    ASSERT_FALSE(parsed.has_value()) << bad;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  }
  const Artifact bytes = Artifact::from_bytes("abc", "");
  EXPECT_EQ(hex_encode(*bytes.digest(crypto::HashAlgorithm::kSha256)),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(bytes.digest(crypto::HashAlgorithm::kSha512)->size(), 64U);
}

}  // namespace
}  // namespace assay::verify::sigstore
