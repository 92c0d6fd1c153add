// End-to-end tests of `assay verify artifact | bundle`: exit codes (0 verified, 1 not, 2 error),
// text and JSON output, identity/key/regex policies, digests, provenance wiring and every input
// error the command refuses, on the sigstore-conformance bundles read in place.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSuite = "sigstore-conformance/test/assets/bundle-verify";
constexpr std::string_view kRoot = "sigstore-conformance/public-good-trusted_root.json";
const std::string kIdentity =
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
    "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
const std::string kIssuer = "https://token.actions.githubusercontent.com";
const std::string kArtefactSha256 =
    "a0cfc71271d6e278e57cd332ff957c3f7043fdda354c4cbb190a30d56efa01bf";

class VerifyCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    suite_ = shared_data(kSuite);
    root_ = shared_data(kRoot);
    if (suite_.empty() || root_.empty()) {
      if (is_ci()) {
        FAIL() << "shared data missing under CI: " << kSuite;
      }
      GTEST_SKIP() << "shared data missing: " << kSuite;
    }
  }

  std::string bundle(std::string_view name) const {
    return (suite_ / std::string(name) / "bundle.sigstore.json").string();
  }
  std::string artefact() const { return (suite_ / "a.txt").string(); }

  std::vector<std::string> keyless(std::string_view case_name) const {
    return {"verify",          "artifact",       artefact(),     "--bundle",
            bundle(case_name), "--trusted-root", root_.string(), "--identity",
            kIdentity,         "--issuer",       kIssuer};
  }

  std::filesystem::path temp_file(const std::string& name, const std::string& contents) {
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() /
        ("assay-verify-cli-" + std::to_string(::getpid()) + "-" + name);
    std::ofstream(path, std::ios::binary) << contents;
    temp_files_.push_back(path);
    return path;
  }

  void TearDown() override {
    for (const std::filesystem::path& path : temp_files_) {
      std::error_code ignored;
      std::filesystem::remove(path, ignored);
    }
  }

  std::filesystem::path suite_;
  std::filesystem::path root_;
  std::vector<std::filesystem::path> temp_files_;
};

TEST_F(VerifyCliTest, HelpExplainsSanAndIssuerWithAGithubActionsExample) {
  for (const char* command : {"artifact", "bundle"}) {
    const CliResult result = run_cli({"verify", command, "--help"});
    EXPECT_EQ(result.exit_code, 0);
    EXPECT_THAT(result.out, HasSubstr("subject alternative name (SAN): WHO signed"));
    EXPECT_THAT(result.out, HasSubstr("the OIDC issuer that vouched for that identity"));
    EXPECT_THAT(result.out,
                HasSubstr("https://github.com/acme/widget/.github/workflows/release.yml@refs/tags/"
                          "v1.4.2"));
    EXPECT_THAT(result.out, HasSubstr("https://token.actions.githubusercontent.com"));
    EXPECT_THAT(result.out, HasSubstr("Examples:"));
    EXPECT_THAT(result.out, HasSubstr("Exit status: 0 verified, 1 not verified, 2"));
  }
}

TEST_F(VerifyCliTest, KeylessBundleAndDigestVerifyWithExitZero) {
  std::vector<std::string> args = keyless("happy-path-v0.3");
  args.insert(args.end(), {"--sha256", kArtefactSha256});
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[pass] digest.sha256"));
  EXPECT_THAT(result.out, HasSubstr("[pass] sigstore.identity"));
  EXPECT_THAT(result.out, HasSubstr("\nVERIFIED\n"));
  EXPECT_EQ(result.err, "");
}

TEST_F(VerifyCliTest, WrongIdentityIsNotVerifiedWithExitOne) {
  std::vector<std::string> args = keyless("happy-path-v0.3");
  args[8] = "https://github.com/someone/else/.github/workflows/release.yml@refs/heads/main";
  const CliResult result = run_cli(args);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("[fail] sigstore.identity"));
  EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED: certificate SAN"));
}

TEST_F(VerifyCliTest, RegexIdentityAndJsonOutput) {
  const CliResult result = run_cli(
      {"verify", "artifact", artefact(), "--bundle", bundle("rekor2-happy-path"), "--trusted-root",
       (suite_ / "rekor2-happy-path" / "trusted_root.json").string(), "--identity-regex",
       R"(https://github\.com/sigstore-conformance/.*@refs/heads/main)", "--issuer-regex",
       R"(https://token\.actions\.githubusercontent\.com)", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["outcome"], "pass");
  ASSERT_EQ(report["verifications"].size(), 1U);
  const nlohmann::json& verification = report["verifications"][0];
  EXPECT_EQ(verification["method"], "sigstore-bundle");
  std::vector<std::string> ids;
  for (const nlohmann::json& check : verification["checks"]) {
    ids.push_back(check["id"].get<std::string>());
  }
  EXPECT_THAT(ids, ::testing::Contains("sigstore.tsa"));
  EXPECT_THAT(ids, ::testing::Contains("sigstore.tlog.checkpoint"));
}

TEST_F(VerifyCliTest, BundleCommandTakesTheArtefactAsADigest) {
  const std::vector<std::string> base = {
      "verify",         "bundle",       bundle("happy-path-v0.1"),
      "--trusted-root", root_.string(), "--identity",
      kIdentity,        "--issuer",     kIssuer,
      "--digest"};
  std::vector<std::string> good = base;
  good.push_back("sha256:" + kArtefactSha256);
  EXPECT_EQ(run_cli(good).exit_code, 0);
  std::vector<std::string> wrong = base;
  wrong.push_back("sha256:" + std::string(64, '0'));
  const CliResult failed = run_cli(wrong);
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_THAT(failed.out, HasSubstr("[fail] sigstore.artifact"));
  std::vector<std::string> malformed = base;
  malformed.push_back("md5:abc");
  const CliResult error = run_cli(malformed);
  EXPECT_EQ(error.exit_code, 2);
  EXPECT_THAT(error.err, HasSubstr("digest algorithm \"md5\" is not supported"));
}

TEST_F(VerifyCliTest, ManagedKeyBundleVerifiesWithTheKey) {
  const CliResult result =
      run_cli({"verify", "bundle", bundle("managed-key-happy-path"), "--digest",
               "sha256:" + kArtefactSha256, "--trusted-root", root_.string(), "--key",
               (suite_ / "managed-key-happy-path" / "key.pub").string()});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[pass] sigstore.key"));
}

TEST_F(VerifyCliTest, InputErrorsExitTwoWithAnActionableMessage) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"verify", "artifact", artefact()}, "nothing to verify"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("happy-path-v0.3"), "--identity",
        kIdentity, "--issuer", kIssuer},
       "--bundle needs --trusted-root <file>"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("happy-path-v0.3"), "--trusted-root",
        root_.string(), "--identity", kIdentity},
       "--identity (or --identity-regex) AND --issuer"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("happy-path-v0.3"), "--trusted-root",
        root_.string(), "--identity-regex", "(", "--issuer", kIssuer},
       "--identity-regex: pattern \"(\" is not valid RE2 syntax"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("happy-path-v0.3"), "--trusted-root",
        (suite_ / "trust-root-tlog-missing-validity-start_fail" / "trusted_root.json").string(),
        "--identity", kIdentity, "--issuer", kIssuer},
       "trusted_root.json#/tlogs/1/publicKey/validFor: validFor has no start"},
      {{"verify", "artifact", "/nonexistent/file", "--sha256", kArtefactSha256},
       "/nonexistent/file: the artefact is not a readable regular file"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("managed-key-wrong-key_fail"),
        "--trusted-root", root_.string(), "--key",
        (suite_ / "managed-key-wrong-key_fail" / "key.pub").string()},
       "key.pub: --key is not a usable PEM public key: PEM block \"PUBLIC KEY\" is not valid "
       "base64"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("managed-key-happy-path"),
        "--trusted-root", root_.string(), "--key", "/nonexistent/key.pub"},
       "/nonexistent/key.pub: --key: no such file"},
      {{"verify", "bundle", bundle("managed-key-happy-path"), "--digest",
        "sha256:" + kArtefactSha256, "--trusted-root", root_.string(), "--key", artefact()},
       "a.txt: --key is not a usable PEM public key: no PEM block found"},
      {{"verify", "bundle", bundle("happy-path-v0.3"), "--digest", "sha256:" + kArtefactSha256,
        "--trusted-root", artefact(), "--identity", kIdentity, "--issuer", kIssuer},
       "a.txt"},
      {{"verify", "artifact", artefact(), "--bundle", bundle("happy-path-v0.3"), "--trusted-root",
        "/nonexistent/trusted_root.json", "--identity", kIdentity, "--issuer", kIssuer},
       "/nonexistent/trusted_root.json: --trusted-root: no such file"},
      {{"verify", "artifact", artefact(), "--bundle", "/nonexistent/b.json", "--trusted-root",
        root_.string(), "--identity", kIdentity, "--issuer", kIssuer},
       "/nonexistent/b.json: --bundle: no such file"},
      {{"verify", "artifact", artefact(), "--pgp-signature", artefact()},
       "--pgp-signature needs --key"},
      {{"verify", "artifact", artefact(), "--provenance", artefact()},
       "--provenance needs --builder"},
      {{"verify", "artifact", artefact(), "--sha256", kArtefactSha256, "--format", "yaml"},
       "yaml not in {text,json}"},
  };
  for (const Case& test : cases) {
    const CliResult result = run_cli(test.args);
    EXPECT_EQ(result.exit_code, 2) << test.message << "\n" << result.out;
    EXPECT_THAT(result.err, HasSubstr(test.message));
    EXPECT_THAT(result.out, Not(HasSubstr("VERIFIED")));
  }
}

TEST_F(VerifyCliTest, DigestMismatchIsNotVerified) {
  const CliResult result =
      run_cli({"verify", "artifact", artefact(), "--sha256", std::string(64, 'f')});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("[fail] digest.sha256"));
}

TEST_F(VerifyCliTest, ProvenanceIsCheckedAgainstBuilderSourceAndDigest) {
  const std::string builder =
      "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
      "generator_generic_slsa3.yml@refs/tags/v2.1.0";
  const std::string statement =
      R"({"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a.txt","digest":{"sha256":")" +
      kArtefactSha256 +
      R"("}}],"predicateType":"https://slsa.dev/provenance/v1","predicate":{"buildDefinition":{)"
      R"("buildType":"https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1",)"
      R"("externalParameters":{"workflow":{"ref":"refs/tags/v1.0.0","repository":)"
      R"("https://github.com/acme/widget","path":".github/workflows/release.yml"}}},)"
      R"("runDetails":{"builder":{"id":")" +
      builder + R"("}}}})";
  const std::filesystem::path provenance = temp_file("provenance.json", statement);
  const std::vector<std::string> base = {
      "verify", "artifact", artefact(), "--provenance", provenance.string(), "--builder", builder};
  std::vector<std::string> good = base;
  good.insert(good.end(), {"--source", "github.com/acme/widget"});
  const CliResult result = run_cli(good);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("slsa-provenance"));
  EXPECT_THAT(result.out, HasSubstr("[pass] slsa.builder.id"));
  EXPECT_THAT(result.out, HasSubstr("[pass] intoto.subject"));

  std::vector<std::string> other_source = base;
  other_source.insert(other_source.end(), {"--source", "github.com/acme/other"});
  const CliResult wrong = run_cli(other_source);
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_THAT(wrong.out, HasSubstr("[fail] slsa.source.repository"));
}

}  // namespace
}  // namespace assay::testing
