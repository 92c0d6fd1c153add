// Tests for SLSA provenance reading, the policy checks and the SLSA Build level rule, on small
// hand-written predicates (the real provenance files are in slsa_conformance_test.cc).
#include "assay/verify/slsa.h"

#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace assay::verify::slsa {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kGoBuilder =
    "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
    "builder_go_slsa3.yml@refs/tags/v1.9.0";

std::string subject_json(std::string_view artefact) {
  return R"([{"name":"app","digest":{"sha256":")" + digest::compute(artefact).sha256 + R"("}}])";
}

intoto::Statement statement(std::string_view predicate_type, std::string_view predicate,
                            std::string_view artefact = "app-bytes") {
  const std::string text = R"({"_type":"https://in-toto.io/Statement/v1","subject":)" +
                           subject_json(artefact) + R"(,"predicateType":")" +
                           std::string(predicate_type) + R"(","predicate":)" +
                           std::string(predicate) + "}";
  Result<intoto::Statement> parsed = intoto::parse_statement(text, "test");
  EXPECT_TRUE(parsed) << parsed.error().to_string();
  return parsed ? *parsed : intoto::Statement{};
}

std::string v02_predicate(std::string_view builder = kGoBuilder) {
  return R"({"builder":{"id":")" + std::string(builder) +
         R"("},"buildType":"https://github.com/slsa-framework/slsa-github-generator/go@v1",
         "invocation":{"configSource":{"uri":"git+https://github.com/Org/Repo@refs/tags/v1.2.0",
           "digest":{"sha1":"1111111111111111111111111111111111111111"},
           "entryPoint":".github/workflows/release.yml"}},
         "metadata":{"buildInvocationId":"run-1","buildStartedOn":"2024-01-01T00:00:00Z"},
         "materials":[{"uri":"git+https://github.com/Org/Repo@refs/tags/v1.2.0",
           "digest":{"sha1":"1111111111111111111111111111111111111111"}}]})";
}

std::string v1_workflow_predicate(std::string_view builder) {
  return R"({"buildDefinition":{"buildType":"https://actions.github.io/buildtypes/workflow/v1",
      "externalParameters":{"workflow":{"ref":"refs/heads/main",
        "repository":"https://github.com/org/repo","path":".github/workflows/ci.yml"}},
      "resolvedDependencies":[{"uri":"git+https://github.com/org/repo@refs/heads/main",
        "digest":{"gitCommit":"2222222222222222222222222222222222222222"}}]},
    "runDetails":{"builder":{"id":")" +
         std::string(builder) + R"("},"metadata":{"invocationId":"https://run/1"}}})";
}

TEST(SlsaParseTest, ReadsV02ConfigSource) {
  const intoto::Statement input = statement(kProvenanceV02, v02_predicate());
  const Result<Provenance> provenance = parse_provenance(input);
  ASSERT_TRUE(provenance) << provenance.error().to_string();
  EXPECT_EQ(provenance->version, ProvenanceVersion::kV02);
  EXPECT_EQ(provenance->builder_id, kGoBuilder);
  EXPECT_EQ(provenance->build_type,
            "https://github.com/slsa-framework/slsa-github-generator/go@v1");
  ASSERT_TRUE(provenance->source);
  EXPECT_EQ(provenance->source->repository, "git+https://github.com/Org/Repo");
  EXPECT_EQ(provenance->source->ref, "refs/tags/v1.2.0");
  EXPECT_EQ(provenance->source->path, ".github/workflows/release.yml");
  EXPECT_EQ(provenance->source->commit, "1111111111111111111111111111111111111111");
  EXPECT_EQ(provenance->source->found_at, "/predicate/invocation/configSource/uri");
  EXPECT_EQ(provenance->dependencies.size(), 1U);
  EXPECT_EQ(provenance->invocation_id, "run-1");
  EXPECT_EQ(provenance->started_on, "2024-01-01T00:00:00Z");
}

TEST(SlsaParseTest, ReadsV1WorkflowAndTakesTheCommitFromTheDependency) {
  const intoto::Statement input = statement(
      kProvenanceV1, v1_workflow_predicate("https://github.com/actions/runner/github-hosted"));
  const Result<Provenance> provenance = parse_provenance(input);
  ASSERT_TRUE(provenance) << provenance.error().to_string();
  EXPECT_EQ(provenance->version, ProvenanceVersion::kV1);
  ASSERT_TRUE(provenance->source);
  EXPECT_EQ(provenance->source->repository, "git+https://github.com/org/repo");
  EXPECT_EQ(provenance->source->ref, "refs/heads/main");
  EXPECT_EQ(provenance->source->path, ".github/workflows/ci.yml");
  EXPECT_EQ(provenance->source->commit, "2222222222222222222222222222222222222222");
  EXPECT_EQ(provenance->source->found_at, "/predicate/buildDefinition/externalParameters/workflow");
  EXPECT_EQ(provenance->invocation_id, "https://run/1");
}

TEST(SlsaParseTest, ReadsV1SourceFromStringOrDescriptorOrDependencies) {
  const std::string run = R"("runDetails":{"builder":{"id":"https://b"}})";
  struct Case {
    std::string external;
    std::string dependencies;
    std::string repository;
    std::string ref;
  };
  const Case cases[] = {
      {R"({"source":"git+https://gitlab.com/g/p.git@refs/heads/dev"})", "[]",
       "git+https://gitlab.com/g/p", "refs/heads/dev"},
      {R"({"source":{"uri":"git+https://github.com/a/b@refs/tags/v2","digest":{"sha1":"ab"}}})",
       "[]", "git+https://github.com/a/b", "refs/tags/v2"},
      {R"({"inputs":{}})",
       R"([{"uri":"pkg:npm/x@1"},{"uri":"git+https://GitHub.com/a/c@refs/tags/v3"}])",
       "git+https://github.com/a/c", "refs/tags/v3"},
  };
  for (const Case& test : cases) {
    const std::string predicate = R"({"buildDefinition":{"buildType":"t","externalParameters":)" +
                                  test.external + R"(,"resolvedDependencies":)" +
                                  test.dependencies + "}," + run + "}";
    const Result<Provenance> provenance = parse_provenance(statement(kProvenanceV1, predicate));
    ASSERT_TRUE(provenance) << provenance.error().to_string();
    ASSERT_TRUE(provenance->source) << test.external;
    EXPECT_EQ(provenance->source->repository, test.repository);
    EXPECT_EQ(provenance->source->ref, test.ref);
  }
}

TEST(SlsaParseTest, ReportsMissingRequiredFieldsWithPointers) {
  struct Case {
    std::string_view type;
    std::string predicate;
    std::string location;
  };
  const Case cases[] = {
      {kProvenanceV02, R"({"buildType":"t"})", "prov.json#/predicate"},
      {kProvenanceV02, R"({"builder":{"id":"b"}})", "prov.json#/predicate"},
      {kProvenanceV02, R"({"builder":{"id":7},"buildType":"t"})",
       "prov.json#/predicate/builder/id"},
      {kProvenanceV1, R"({"runDetails":{"builder":{"id":"b"}}})", "prov.json#/predicate"},
      {kProvenanceV1,
       R"({"buildDefinition":{"buildType":"t","externalParameters":{}},"runDetails":{}})",
       "prov.json#/predicate/runDetails"},
      {kProvenanceV1,
       R"({"buildDefinition":{"buildType":"t","externalParameters":[]},"runDetails":{"builder":{"id":"b"}}})",
       "prov.json#/predicate/buildDefinition/externalParameters"},
  };
  for (const Case& test : cases) {
    const Result<Provenance> provenance =
        parse_provenance(statement(test.type, test.predicate), "prov.json");
    ASSERT_FALSE(provenance) << test.predicate;
    EXPECT_EQ(provenance.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(provenance.error().location, test.location) << test.predicate;
  }
}

TEST(SlsaParseTest, OtherPredicateTypesAreUnsupported) {
  const Result<Provenance> provenance =
      parse_provenance(statement("https://slsa.dev/provenance/v0.1", "{}"), "prov.json");
  ASSERT_FALSE(provenance);
  EXPECT_EQ(provenance.error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(provenance.error().location, "prov.json#/predicateType");
  EXPECT_THAT(provenance.error().message, HasSubstr("is not SLSA provenance"));
}

TEST(SlsaRepositoryTest, NormalisesTheFormsAPolicyMayUse) {
  for (const char* form :
       {"github.com/org/repo", "https://github.com/org/repo", "git+https://github.com/org/repo",
        "https://GitHub.com/org/repo.git", "github.com/org/repo/"}) {
    const Result<std::string> normal = normalize_repository(form);
    ASSERT_TRUE(normal) << form;
    EXPECT_EQ(*normal, "git+https://github.com/org/repo") << form;
  }
  for (const char* bad : {"", "http://github.com/org/repo", "github.com", "ssh://git@x/y",
                          "github.com/org/repo@refs/heads/main"}) {
    const Result<std::string> normal = normalize_repository(bad);
    ASSERT_FALSE(normal) << bad;
    EXPECT_EQ(normal.error().code, ErrorCode::kInvalidInput);
  }
}

TEST(SlsaLevelTest, FollowsTheDocumentedRule) {
  struct Case {
    std::string builder;
    SignatureEvidence signature;
    BuildLevel want;
    std::string reason;
  };
  const std::string go(kGoBuilder);
  const Case cases[] = {
      {"", {SignatureState::kVerified, ""}, BuildLevel::kNone, "names no builder"},
      {go, {SignatureState::kAbsent, ""}, BuildLevel::kL1, "is not signed"},
      {go, {SignatureState::kUnverified, ""}, BuildLevel::kL1, "signature was not verified"},
      {"https://github.com/someone/fork/.github/workflows/builder_go_slsa3.yml@refs/tags/v1.9.0",
       {SignatureState::kVerified, ""},
       BuildLevel::kL1,
       "not a hosted build platform"},
      {"https://github.com/actions/runner/github-hosted",
       {SignatureState::kVerified, ""},
       BuildLevel::kL2,
       "not a hardened builder"},
      {go, {SignatureState::kVerified, ""}, BuildLevel::kL2, "signer identity was not supplied"},
      {go,
       {SignatureState::kVerified, "https://github.com/x/y/.github/workflows/z.yml@refs/heads/m"},
       BuildLevel::kL2,
       "not by the builder"},
      {"https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
       "builder_go_slsa3.yml@refs/heads/main",
       {SignatureState::kVerified, ""},
       BuildLevel::kL2,
       "not a release tag"},
      {"https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
       "unknown.yml@refs/tags/v1.0.0",
       {SignatureState::kVerified, ""},
       BuildLevel::kL2,
       "not a known slsa-github-generator"},
      {go, {SignatureState::kVerified, go}, BuildLevel::kL3, "hardened slsa-github-generator"},
      {"https://cloudbuild.googleapis.com/GoogleHostedWorker@v0.3",
       {SignatureState::kVerified, ""},
       BuildLevel::kL3,
       "Google Cloud Build"},
  };
  for (const Case& test : cases) {
    Provenance provenance;
    provenance.builder_id = test.builder;
    const LevelAssessment level = assess_level(provenance, test.signature);
    EXPECT_EQ(level.level, test.want) << test.builder << ": " << level.reason;
    EXPECT_THAT(level.reason, HasSubstr(test.reason)) << test.builder;
  }
}

Verification run(const Policy& policy, SignatureEvidence signature = {}) {
  const intoto::Statement input = statement(kProvenanceV02, v02_predicate());
  const Result<Provenance> provenance = parse_provenance(input);
  EXPECT_TRUE(provenance);
  return verify(input, provenance ? *provenance : Provenance{}, policy, signature);
}

const Check* find_check(const Verification& verification, std::string_view id) {
  for (const Check& check : verification.checks) {
    if (check.id == id) {
      return &check;
    }
  }
  return nullptr;
}

TEST(SlsaVerifyTest, FullPolicyPasses) {
  Policy policy;
  policy.builder_ids = {
      "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
      "builder_go_slsa3.yml"};
  policy.source_repository = "github.com/Org/Repo";
  policy.source_ref = "v1.2.0";
  policy.build_type = "https://github.com/slsa-framework/slsa-github-generator/go@v1";
  policy.artefact = digest::compute("app-bytes");
  policy.artefact_name = "app";
  policy.minimum_level = BuildLevel::kL3;
  const Verification result = run(policy, {SignatureState::kVerified, std::string(kGoBuilder)});
  EXPECT_EQ(result.outcome(), Outcome::kPass) << to_text(result);
  ASSERT_EQ(result.checks.size(), 6U);
  const char* order[] = {"intoto.subject",  "slsa.builder.id", "slsa.source.repository",
                         "slsa.source.ref", "slsa.build_type", "slsa.level"};
  for (std::size_t index = 0; index < 6; ++index) {
    EXPECT_EQ(result.checks[index].id, order[index]);
    EXPECT_EQ(result.checks[index].outcome, Outcome::kPass) << result.checks[index].id;
  }
  EXPECT_EQ(result.method, "slsa-provenance");
  EXPECT_EQ(result.subject, "app (SLSA provenance v0.2)");
  EXPECT_EQ(result.identity, kGoBuilder);
  EXPECT_THAT(result.checks[5].detail, HasSubstr("L3: "));
}

TEST(SlsaVerifyTest, EmptyPolicyIsNeverAPass) {
  const Verification result = run(Policy{});
  EXPECT_EQ(result.outcome(), Outcome::kSkipped);
  for (const Check& check : result.checks) {
    EXPECT_EQ(check.outcome, Outcome::kSkipped) << check.id;
  }
  EXPECT_THAT(find_check(result, "slsa.level")->detail, HasSubstr("L1: provenance exists"));
}

TEST(SlsaVerifyTest, EachPolicyMismatchFailsItsOwnCheck) {
  struct Case {
    Policy policy;
    std::string check;
    std::string detail;
  };
  std::vector<Case> cases(7);
  cases[0].policy.builder_ids = {"https://github.com/actions/runner/github-hosted"};
  cases[0] = {cases[0].policy, "slsa.builder.id", "is not one of"};
  cases[1].policy.builder_ids = {std::string(kGoBuilder).substr(0, kGoBuilder.size() - 1)};
  cases[1] = {cases[1].policy, "slsa.builder.id", "is not one of"};
  cases[2].policy.source_repository = "github.com/org/other";
  cases[2] = {cases[2].policy, "slsa.source.repository",
              "built from \"git+https://github.com/Org/Repo\", expected "
              "\"git+https://github.com/org/other\""};
  cases[3].policy.source_repository = "http://github.com/Org/Repo";
  cases[3] = {cases[3].policy, "slsa.source.repository", "must be an https URL"};
  cases[4].policy.source_ref = "refs/heads/main";
  cases[4] = {cases[4].policy, "slsa.source.ref", "expected \"refs/heads/main\""};
  cases[5].policy.artefact = digest::compute("other bytes");
  cases[5] = {cases[5].policy, "intoto.subject", "matches none"};
  cases[6].policy.minimum_level = BuildLevel::kL2;
  cases[6] = {cases[6].policy, "slsa.level", "L1: provenance exists but is not signed"};
  for (const Case& test : cases) {
    const Verification result = run(test.policy);
    EXPECT_EQ(result.outcome(), Outcome::kFail) << test.check;
    const Check* check = find_check(result, test.check);
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(check->outcome, Outcome::kFail) << test.check;
    EXPECT_THAT(check->detail, HasSubstr(test.detail)) << test.check;
  }
}

TEST(SlsaVerifyTest, BuilderWithoutVersionMatchesAnyVersionButNotAPrefix) {
  Policy policy;
  policy.builder_ids = {
      "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
      "builder_go_slsa3.yml"};
  EXPECT_EQ(find_check(run(policy), "slsa.builder.id")->outcome, Outcome::kPass);
  policy.builder_ids = {
      "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/builder_go"};
  EXPECT_EQ(find_check(run(policy), "slsa.builder.id")->outcome, Outcome::kFail);
  policy.builder_ids = {std::string(kGoBuilder)};
  EXPECT_EQ(find_check(run(policy), "slsa.builder.id")->outcome, Outcome::kPass);
}

TEST(SlsaVerifyTest, ProvenanceWithoutSourceFailsASourcePolicy) {
  const intoto::Statement input = statement(
      kProvenanceV1,
      R"({"buildDefinition":{"buildType":"t","externalParameters":{}},"runDetails":{"builder":{"id":"b"}}})");
  const Result<Provenance> provenance = parse_provenance(input);
  ASSERT_TRUE(provenance);
  EXPECT_FALSE(provenance->source);
  Policy policy;
  policy.source_repository = "github.com/org/repo";
  policy.source_ref = "main";
  const Verification result = verify(input, *provenance, policy, {});
  EXPECT_EQ(find_check(result, "slsa.source.repository")->detail,
            "the provenance names no source repository");
  EXPECT_EQ(find_check(result, "slsa.source.ref")->detail, "the provenance names no source ref");
}

}  // namespace
}  // namespace assay::verify::slsa
