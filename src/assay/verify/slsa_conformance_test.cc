// The real provenance files of slsa-framework/slsa-verifier's test data, read in place from the
// shared data folder. For each file a reviewed expectation (by file family, with named exceptions)
// says whether it reads, which attestations it holds, and for SLSA provenance the builder, the
// source repository and ref, and the SLSA Build level it supports once its signature is verified.
// The artefacts themselves are not staged, so the subject binding is tested on small artefacts of
// our own in slsa_test.cc; here it is checked that a wrong artefact never binds.
#include <regex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/verify/intoto.h"
#include "assay/verify/slsa.h"

#include "testing.h"

namespace assay::verify::slsa {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kRoot = "slsa-verifier";
const std::string kGenerator =
    "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/";
const std::string kExamplePackage = "git+https://github.com/slsa-framework/example-package";

enum class Expect {
  kReadError,        // the file does not read (malformed JSON, tampered payload)
  kNoProvenance,     // reads, but holds no SLSA v0.2/v1 provenance (v0.1, VSA, npm publish only)
  kProvenance,       // reads, and every SLSA v0.2/v1 provenance in it parses
  kProvenanceError,  // reads, but its SLSA provenance predicate is invalid
};

struct Expectation {
  Expect expect = Expect::kProvenance;
  std::string error;                  // kReadError / kProvenanceError: part of the message
  std::string builder;                // builder id before "@<version>"; "" = not asserted
  bool builder_tag_from_dir = false;  // builder version == the vX.Y.Z folder name
  std::string repository;             // canonical source repository; "" = not asserted
  bool ref_from_name = false;  // ref from the file name: push-vN -> refs/tags/vN, dispatch -> main
  std::string ref;             // explicit ref when not from the name
  BuildLevel level = BuildLevel::kNone;  // with a verified signature by the builder; kNone = skip
};

struct Rule {
  const char* pattern;  // regex over the path relative to the slsa-verifier folder
  Expectation expectation;
};

Expectation generator(const std::string& workflow) {
  Expectation expectation;
  expectation.builder = kGenerator + workflow;
  expectation.builder_tag_from_dir = true;
  expectation.repository = kExamplePackage;
  expectation.ref_from_name = true;
  expectation.level = BuildLevel::kL3;
  return expectation;
}

Expectation read_error(std::string message) {
  Expectation expectation;
  expectation.expect = Expect::kReadError;
  expectation.error = std::move(message);
  return expectation;
}

Expectation no_provenance() {
  Expectation expectation;
  expectation.expect = Expect::kNoProvenance;
  return expectation;
}

Expectation provenance(std::string builder, std::string repository, std::string ref,
                       BuildLevel level) {
  Expectation expectation;
  expectation.builder = std::move(builder);
  expectation.repository = std::move(repository);
  expectation.ref = std::move(ref);
  expectation.level = level;
  return expectation;
}

Expectation provenance_error(std::string message) {
  Expectation expectation;
  expectation.expect = Expect::kProvenanceError;
  expectation.error = std::move(message);
  return expectation;
}

// First match wins. Reviewed against each file's content and slsa-verifier's own tests.
const std::vector<Rule>& rules() {
  static const std::vector<Rule> table = [] {
    std::vector<Rule> out;
    // Files upstream keeps deliberately malformed (trailing commas, tampered payload JSON, empty
    // or non-base64 payloads): they must not read.
    out.push_back({".*gcloud-container-no-signature\\.json", read_error("")});
    out.push_back({".*v1\\.0-gcloud-container-github-nosigs\\.json", read_error("")});
    out.push_back({".*gcloud-container-empty-payload\\.json", read_error("payload is empty")});
    out.push_back({".*gcloud-container-invalid-payload-encoding\\.json", read_error("")});
    out.push_back(
        {".*v1\\.0-gcloud-container-github-(both-invalid-sig|single-invalid-sig|"
         "v0\\.1-valid|v1\\.0-valid)\\.json",
         read_error("")});
    out.push_back({".*gcloud-container-no-provenance\\.json", read_error("provenance_summary")});
    out.push_back(
        {".*gcloud-container-empty-provenance\\.json", read_error("expected array, found object")});
    out.push_back({".*gcloud-container-no-payload\\.json", read_error("\"payload\" is missing")});
    out.push_back({".*gcloud-container-invalid-signature-payloadtype\\.json",
                   read_error("an in-toto attestation has")});
    // Statement headers upstream tampers with.
    out.push_back({".*gcloud-container-invalid-intotoheader\\.json",
                   read_error("is not an in-toto Statement")});
    out.push_back({".*npm-stmt-mismatch-(prov|pub)-type\\.intoto\\.sigstore",
                   read_error("is not an in-toto Statement")});
    out.push_back({".*npm-att-mismatch-(prov|pub)-payloadtype\\.intoto\\.sigstore",
                   read_error("payloadType")});
    out.push_back(
        {".*npm-att-publish-nosubjects\\.intoto\\.sigstore", read_error("\"subject\" is missing")});
    out.push_back({".*npm-att-publish-invalid-signature\\.intoto\\.sigstore",
                   read_error("expected object (a DigestSet), found string")});
    // The provenance's predicateType is tampered ("provenanc"), so there is no provenance.
    out.push_back({".*npm-stmt-mismatch-prov-predicatetype\\.intoto\\.sigstore", no_provenance()});
    out.push_back({".*npm-att-publish-nodigest\\.intoto\\.sigstore",
                   read_error("subject has no \"digest\"")});
    // Predicate v0.2 header over a v0.1 (recipe) body.
    out.push_back({".*slsaprovenance/v0\\.1/testdata/gcloud-container-invalid-slsaheader\\.json",
                   provenance_error("\"buildType\" is missing")});
    // Cloud Build SLSA v0.1 provenance: read, but v0.1 is not a version Assay evaluates.
    out.push_back({"cli/slsa-verifier/testdata/gcb_container/.*", no_provenance()});
    out.push_back({"verifiers/internal/gcb/testdata/gcloud-container-.*", no_provenance()});
    out.push_back({"verifiers/internal/gcb/slsaprovenance/v0\\.1/testdata/.*", no_provenance()});
    // Cloud Build SLSA v1 provenance.
    const std::string worker = "https://cloudbuild.googleapis.com/GoogleHostedWorker";
    out.push_back({".*v1\\.0-gcloud-container-github-tag\\.json",
                   provenance(worker, "git+https://github.com/khalkie/gcb-prod-prov",
                              "refs/tags/v33.0.4", BuildLevel::kL3)});
    out.push_back({".*v1\\.0-gcloud-container-github-inline\\.json",
                   provenance(worker, "git+https://github.com/khalkie/gcb-prod-prov-wrong",
                              "refs/heads/main", BuildLevel::kL3)});
    out.push_back({".*v1\\.0-gcloud-container-github-sourcediff\\.json",
                   provenance(worker, "", "refs/heads/main", BuildLevel::kL3)});
    out.push_back({".*v1\\.0-gcloud-container-gitlab\\.json",
                   provenance(worker, "git+https://gitlab.com/proctorprober/khalk-slsav1",
                              "refs/heads/testbranch", BuildLevel::kL3)});
    out.push_back(
        {".*v1\\.0-gcloud-container-gitlabent\\.json",
         provenance(worker, "git+https://gle-us-central1.gcb-test.com/proctorprober/khalk-slsav1",
                    "refs/heads/testbranch", BuildLevel::kL3)});
    out.push_back(
        {".*v1\\.0-gcloud-container-bb\\.json",
         provenance(worker, "git+https://bbs.gcb-test.com:8443/staging-qual-us-west1-push2",
                    "refs/heads/master", BuildLevel::kL3)});
    out.push_back({".*v1\\.0-gcloud-container-.*\\.json",
                   provenance(worker, "git+https://github.com/khalkie/gcb-prod-prov",
                              "refs/heads/main", BuildLevel::kL3)});
    // GitHub slsa-github-generator families: builder pinned to the folder's release.
    out.push_back({"cli/slsa-verifier/testdata/gha_go/v0\\.0\\.2/.*", [] {
                     // v0.0.2 ran the builder from refs/heads/main: unpinned, so L2 only.
                     Expectation e = generator("builder_go_slsa3.yml");
                     e.builder_tag_from_dir = false;
                     e.level = BuildLevel::kL2;
                     return e;
                   }()});
    out.push_back({"cli/slsa-verifier/testdata/gha_go/.*", generator("builder_go_slsa3.yml")});
    out.push_back(
        {"cli/slsa-verifier/testdata/gha_generic/.*", generator("generator_generic_slsa3.yml")});
    out.push_back({"cli/slsa-verifier/testdata/gha_container-based/.*",
                   generator("builder_container-based_slsa3.yml")});
    out.push_back(
        {"cli/slsa-verifier/testdata/gha_maven/.*", generator("builder_maven_slsa3.yml")});
    out.push_back(
        {"cli/slsa-verifier/testdata/gha_gradle/.*", generator("builder_gradle_slsa3.yml")});
    out.push_back({"cli/slsa-verifier/testdata/gha_delegator/.*", [] {
                     // A builder-of-your-own trusted reusable workflow outside the generator repo.
                     Expectation e = generator("builder_go_slsa3.yml");
                     e.builder =
                         "https://github.com/slsa-framework/example-trw/.github/workflows/"
                         "builder_high-perms_slsa3.yml";
                     e.level = BuildLevel::kL1;
                     return e;
                   }()});
    // Single files at the top of cli/slsa-verifier/testdata.
    const std::string asraa_go =
        "https://github.com/asraa/slsa-github-generator/.github/workflows/builder_go_slsa3.yml";
    out.push_back(
        {".*/binary-linux-amd64-(expired-cert|no-tlog-upload|untrusted-builder)\\.intoto\\.jsonl",
         provenance(asraa_go, "git+https://github.com/asraa/slsa-on-github-test", "refs/heads/main",
                    BuildLevel::kL1)});
    // The builder ran from refs/heads/main (unpinned): L2.
    out.push_back({".*/binary-linux-amd64-e2e-builder-repo\\.intoto\\.jsonl",
                   provenance(kGenerator + "builder_go_slsa3.yml", kExamplePackage,
                              "refs/heads/main", BuildLevel::kL2)});
    // slsa-verifier's own v1.0.1 release, built by builder_go_slsa3.yml@refs/tags/v0.0.1.
    out.push_back({".*/binary-linux-amd64-sharded\\.intoto\\.jsonl",
                   provenance(kGenerator + "builder_go_slsa3.yml",
                              "git+https://github.com/slsa-framework/slsa-verifier",
                              "refs/tags/v1.0.1", BuildLevel::kL3)});
    out.push_back({".*/binary-linux-amd64-multi-subject-(first|second)\\.intoto\\.jsonl",
                   provenance(kGenerator + "generator_generic_slsa3.yml", kExamplePackage,
                              "refs/heads/main", BuildLevel::kL2)});
    out.push_back({"cli/slsa-verifier/testdata/annotated-tag\\.intoto\\.jsonl",
                   provenance(kGenerator + "generator_generic_slsa3.yml",
                              "git+https://github.com/asraa/slsa-on-github-test",
                              "refs/tags/v1.5.0", BuildLevel::kL3)});
    out.push_back({"cli/slsa-verifier/testdata/workflow-inputs\\.intoto\\.jsonl",
                   provenance(kGenerator + "generator_generic_slsa3.yml",
                              "git+https://github.com/laurentsimon/slsa-on-github-test",
                              "refs/heads/main", BuildLevel::kL3)});
    // Bazel Central Registry attestations made by bazel-contrib workflows.
    out.push_back({"cli/slsa-verifier/testdata/bcr/rules_lint.*",
                   provenance("https://github.com/bazel-contrib/.github/.github/workflows/"
                              "release_ruleset.yaml",
                              "git+https://github.com/aspect-build/rules_lint",
                              "refs/heads/publish-to-bcr", BuildLevel::kL1)});
    out.push_back({"cli/slsa-verifier/testdata/bcr/.*",
                   provenance("https://github.com/bazel-contrib/publish-to-bcr/.github/workflows/"
                              "publish.yaml",
                              "git+https://github.com/aspect-build/rules_lint",
                              "refs/heads/publish-to-bcr", BuildLevel::kL1)});
    // npm packages: a publish attestation plus a provenance attestation per file.
    const std::string runner = "https://github.com/actions/runner";
    out.push_back({"cli/slsa-verifier/testdata/npm/gha/gundam-visor.*",
                   provenance(runner + "/github-hosted",
                              "git+https://github.com/ramonpetgrave64/gundam-visor",
                              "refs/tags/v1.0.1", BuildLevel::kL2)});
    out.push_back(
        {"cli/slsa-verifier/testdata/npm/gha/provenance-npm-test-cli-v1-prega.*",
         provenance(runner + "/github-hosted", "git+https://github.com/sigstore/sigstore-js",
                    "refs/heads/main", BuildLevel::kL2)});
    out.push_back({"cli/slsa-verifier/testdata/npm/gha/provenance-npm-test-cli-v02-prega.*",
                   provenance(runner, "git+https://github.com/laurentsimon/provenance-npm-test",
                              "refs/heads/main", BuildLevel::kL2)});
    out.push_back({"cli/slsa-verifier/testdata/npm/gha/provenance-npm-test-ossf.*",
                   provenance(kGenerator + "builder_nodejs_slsa3.yml",
                              "git+https://github.com/laurentsimon/provenance-npm-test",
                              "refs/heads/main", BuildLevel::kL3)});
    out.push_back({"cli/slsa-verifier/testdata/npm/gha/supreme-googles.*",
                   provenance(runner, "git+https://github.com/trishankatdatadog/supreme-goggles",
                              "refs/tags/v1.0.5", BuildLevel::kL2)});
    out.push_back({"verifiers/internal/gha/testdata/npm-.*",
                   provenance("https://github.com/npm/cli",
                              "git+https://github.com/laurentsimon/provenance-npm-test",
                              "refs/heads/main", BuildLevel::kL1)});
    // Sigstore bundles from slsa-verifier's own unit tests.
    out.push_back({"verifiers/internal/gha/testdata/bundle/valid-v0\\.3\\.intoto\\.sigstore",
                   provenance(kGenerator + "generator_generic_slsa3.yml", kExamplePackage,
                              "refs/heads/main", BuildLevel::kL2)});
    out.push_back({"verifiers/internal/gha/testdata/bundle/valid\\.intoto\\.sigstore",
                   read_error("\"predicateType\" is empty")});
    out.push_back({"verifiers/internal/gha/testdata/bundle/.*", no_provenance()});
    out.push_back({"verifiers/internal/gha/testdata/bazel-trusted-.*",
                   provenance(kGenerator + "builder_bazel_slsa3.yml", "", "", BuildLevel::kL3)});
    out.push_back(
        {"verifiers/internal/gha/testdata/bazel-untrusted-.*",
         provenance("https://github.com/enteraga6/slsa-github-generator/.github/workflows/"
                    "builder_bazel_slsa3.yml",
                    "", "", BuildLevel::kL1)});
    out.push_back({"cli/slsa-verifier/testdata/vsa/.*", no_provenance()});
    return out;
  }();
  return table;
}

// Attestation files: everything except keys, digests, OCI indexes, substitution tables and docs.
std::vector<std::filesystem::path> attestation_files() {
  std::vector<std::filesystem::path> out;
  const std::regex skip(
      R"(.*(\.digest|\.pem|/LICENSE|/SOURCE\.txt|\.txt|/index\.json|/substitution(-int)?\.json|/internalParameters\.json)$)");
  for (const std::filesystem::path& path : assay::testing::shared_files(kRoot, "")) {
    if (!std::regex_match(path.generic_string(), skip)) {
      out.push_back(path);
    }
  }
  return out;
}

std::string relative_name(const std::filesystem::path& path) {
  const std::filesystem::path root = assay::testing::shared_data(kRoot);
  return root.empty() ? path.generic_string() : path.lexically_relative(root).generic_string();
}

std::string ref_from_name(const std::string& name) {
  if (name.find("workflow_dispatch") != std::string::npos) {
    return "refs/heads/main";
  }
  std::smatch match;
  static const std::regex tag(R"(-(v\d+(?:\.\d+)*)\.(?:intoto|build))");
  if (std::regex_search(name, match, tag)) {
    return "refs/tags/" + match[1].str();
  }
  return "?";
}

class SlsaVerifierFilesTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(SlsaVerifierFilesTest, MatchesReviewedExpectation) {
  const std::filesystem::path& path = GetParam();
  ASSAY_SKIP_IF_MISSING_FILE(path);
  const std::string name = relative_name(path);
  const Expectation* expectation = nullptr;
  for (const Rule& rule : rules()) {
    if (std::regex_match(name, std::regex(rule.pattern))) {
      expectation = &rule.expectation;
      break;
    }
  }
  ASSERT_NE(expectation, nullptr) << "no reviewed expectation for " << name;

  const std::string bytes = assay::testing::read_text(path);
  const auto attestations = intoto::read_attestations(bytes, name);
  if (expectation->expect == Expect::kReadError) {
    ASSERT_FALSE(attestations) << name << " read, but upstream keeps it malformed";
    EXPECT_THAT(attestations.error().message, HasSubstr(expectation->error)) << name;
    EXPECT_THAT(attestations.error().to_string(), HasSubstr(name)) << "error names the file";
    return;
  }
  ASSERT_TRUE(attestations) << attestations.error().to_string();

  std::size_t provenance_count = 0;
  for (const intoto::Attestation& attestation : *attestations) {
    if (!is_provenance(attestation.statement.predicate_type)) {
      const Result<Provenance> other = parse_provenance(attestation.statement, name);
      ASSERT_FALSE(other);
      EXPECT_EQ(other.error().code, ErrorCode::kUnsupported);
      continue;
    }
    ++provenance_count;
    const Result<Provenance> parsed = parse_provenance(attestation.statement, name);
    if (expectation->expect == Expect::kProvenanceError) {
      ASSERT_FALSE(parsed) << name;
      EXPECT_THAT(parsed.error().message, HasSubstr(expectation->error));
      continue;
    }
    ASSERT_TRUE(parsed) << parsed.error().to_string();
    ASSERT_EQ(expectation->expect, Expect::kProvenance) << name << " unexpectedly has provenance";

    const std::string base = parsed->builder_id.substr(0, parsed->builder_id.rfind('@'));
    if (!expectation->builder.empty()) {
      EXPECT_EQ(base, expectation->builder) << name;
    }
    if (expectation->builder_tag_from_dir) {
      const std::string folder = path.parent_path().filename().string();
      EXPECT_EQ(parsed->builder_id, expectation->builder + "@refs/tags/" + folder) << name;
    }
    if (!expectation->repository.empty()) {
      ASSERT_TRUE(parsed->source) << name;
      EXPECT_EQ(parsed->source->repository, expectation->repository) << name;
    }
    const std::string ref =
        expectation->ref_from_name ? ref_from_name(path.filename().string()) : expectation->ref;
    if (!ref.empty()) {
      ASSERT_TRUE(parsed->source) << name;
      EXPECT_EQ(parsed->source->ref, ref) << name;
    }

    // The policy an operator would write for this file passes...
    Policy policy;
    policy.builder_ids = {base};
    policy.source_repository = expectation->repository;
    policy.source_ref = ref;
    const SignatureEvidence signature{SignatureState::kVerified, parsed->builder_id};
    const Verification verified = verify(attestation.statement, *parsed, policy, signature);
    EXPECT_NE(verified.outcome(), Outcome::kFail) << to_text(verified);
    // ...and a wrong artefact is never bound to it.
    policy.artefact = digest::compute("an artefact that was not built here");
    const Verification wrong = verify(attestation.statement, *parsed, policy, signature);
    EXPECT_EQ(wrong.outcome(), Outcome::kFail) << name;

    if (expectation->level != BuildLevel::kNone) {
      const LevelAssessment level = assess_level(*parsed, signature);
      EXPECT_EQ(level.level, expectation->level) << name << ": " << level.reason;
      // Without a verified signature nothing rises above L1.
      EXPECT_EQ(assess_level(*parsed, {SignatureState::kUnverified, ""}).level, BuildLevel::kL1);
    }
  }
  if (expectation->expect == Expect::kNoProvenance) {
    EXPECT_EQ(provenance_count, 0U) << name;
  } else {
    EXPECT_GT(provenance_count, 0U) << name << " has no SLSA v0.2/v1 provenance";
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, SlsaVerifierFilesTest,
                         ::testing::ValuesIn(attestation_files()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& param_info) {
                           return assay::testing::sanitize_test_name(
                                      relative_name(param_info.param)) +
                                  "_" + std::to_string(param_info.index);
                         });

TEST(SlsaVerifierFilesCountTest, EveryAttestationFileHasAnExpectation) {
  ASSAY_SHARED_DATA_OR_SKIP(root, kRoot);
  const std::vector<std::filesystem::path> files = attestation_files();
  // 367 staged files minus 29 that are not attestations: LICENSE, SOURCE.txt, request.txt,
  // 13 .digest files, 9 OCI index.json files, 1 PEM key, 3 substitution/parameter tables.
  EXPECT_EQ(files.size(), 338U);
}

}  // namespace
}  // namespace assay::verify::slsa
