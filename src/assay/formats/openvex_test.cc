// Tests of the OpenVEX reader and the VEX format dispatcher: behaviour tables for each rule, and
// every OpenVEX document in ../shared/data (openvex-go-vex, openvex-vexctl) read with the verdict
// the official OpenVEX JSON schema (openvex-spec) gives it.
#include "assay/formats/openvex.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/schema.h"
#include "assay/formats/vex.h"

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::HasSubstr;

bool has_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [code](const Diagnostic& diagnostic) { return diagnostic.code == code; });
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    text += "  " + diagnostic.to_string() + "\n";
  }
  return text;
}

constexpr std::string_view kGood = R"({
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://example.com/vex/1",
  "author": "Example Ltd <psirt@example.com>",
  "timestamp": "2026-01-02T03:04:05Z",
  "version": 2,
  "statements": [
    {
      "vulnerability": {"name": "CVE-2023-3446", "aliases": ["GHSA-xxxx-yyyy-zzzz"]},
      "products": [
        {"@id": "pkg:oci/app@sha256%3Aabc",
         "identifiers": {"cpe23": "cpe:2.3:a:example:app:1.0:*:*:*:*:*:*:*"},
         "hashes": {"sha-256": "ABCDEF"},
         "subcomponents": [{"@id": "pkg:apk/alpine/libssl3@3.0.8-r3"}]}
      ],
      "status": "not_affected",
      "justification": "vulnerable_code_not_present",
      "impact_statement": "removed before packaging"
    },
    {
      "vulnerability": {"name": "CVE-2024-0001"},
      "products": [{"identifiers": {"purl": "pkg:npm/left-pad@1.0.0"}}],
      "status": "affected",
      "action_statement": "Upgrade to 1.0.1",
      "timestamp": "2026-02-01T00:00:00+01:00"
    }
  ]
})";

TEST(OpenVexReadTest, ReadsEveryStatementField) {
  const auto parsed = read_openvex(kGood, "good.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_TRUE(parsed->diagnostics.empty()) << describe(parsed->diagnostics);
  const model::VexDocument& document = parsed->value;
  EXPECT_EQ(document.format, "openvex");
  EXPECT_EQ(document.id, "https://example.com/vex/1");
  EXPECT_EQ(document.author, "Example Ltd <psirt@example.com>");
  EXPECT_EQ(document.version, "2");
  ASSERT_EQ(document.statements.size(), 2U);

  const model::VexStatement& first = document.statements[0];
  EXPECT_EQ(first.vulnerability, "CVE-2023-3446");
  EXPECT_THAT(first.aliases, ::testing::ElementsAre("GHSA-xxxx-yyyy-zzzz"));
  EXPECT_EQ(first.status, model::VexStatus::kNotAffected);
  EXPECT_EQ(first.justification, "vulnerable_code_not_present");
  EXPECT_EQ(first.impact_statement, "removed before packaging");
  EXPECT_EQ(first.timestamp, "2026-01-02T03:04:05Z");  // inherited from the document
  EXPECT_EQ(first.supplier, "Example Ltd <psirt@example.com>");
  EXPECT_EQ(first.source_location, "good.json#/statements/0");
  ASSERT_EQ(first.products.size(), 1U);
  EXPECT_EQ(first.products[0].purl, "pkg:oci/app@sha256%3Aabc");
  EXPECT_EQ(first.products[0].cpe, "cpe:2.3:a:example:app:1.0:*:*:*:*:*:*:*");
  EXPECT_THAT(first.products[0].hashes, ::testing::ElementsAre("sha256:abcdef"));
  ASSERT_EQ(first.subcomponents.size(), 1U);
  EXPECT_EQ(first.subcomponents[0].purl, "pkg:apk/alpine/libssl3@3.0.8-r3");

  const model::VexStatement& second = document.statements[1];
  EXPECT_EQ(second.status, model::VexStatus::kAffected);
  EXPECT_EQ(second.action_statement, "Upgrade to 1.0.1");
  EXPECT_EQ(second.timestamp, "2026-02-01T00:00:00+01:00");
  ASSERT_EQ(second.products.size(), 1U);
  EXPECT_EQ(second.products[0].purl, "pkg:npm/left-pad@1.0.0");
}

struct RuleCase {
  std::string_view name;
  std::string_view statement;  // one statement, spliced into an otherwise valid document
  std::string_view code;       // the diagnostic expected
  std::size_t statements_kept;
};

std::string document_with(std::string_view statement) {
  return R"({"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a",
             "timestamp": "2026-01-01T00:00:00Z", "version": 1, "statements": [)" +
         std::string(statement) + "]}";
}

class OpenVexRuleTest : public ::testing::TestWithParam<RuleCase> {};

TEST_P(OpenVexRuleTest, ReportsTheProblemWhereItIs) {
  const RuleCase& rule = GetParam();
  const auto parsed = read_openvex(document_with(rule.statement), "doc.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_TRUE(has_code(parsed->diagnostics, rule.code)) << "expected " << rule.code << ", got:\n"
                                                        << describe(parsed->diagnostics);
  EXPECT_TRUE(parsed->has_errors());
  EXPECT_EQ(parsed->value.statements.size(), rule.statements_kept);
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    EXPECT_THAT(diagnostic.location, HasSubstr("doc.json#/statements/0"));
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, OpenVexRuleTest,
    ::testing::Values(
        RuleCase{"NotAffectedWithoutReason",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                     "status": "not_affected"})",
                 "OPENVEX-JUSTIFICATION", 1},
        RuleCase{"UnknownJustification",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                     "status": "not_affected", "justification": "we_say_so"})",
                 "OPENVEX-JUSTIFICATION", 1},
        RuleCase{"AffectedWithoutAction",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                     "status": "affected"})",
                 "OPENVEX-ACTION", 1},
        RuleCase{"UnknownStatus",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                     "status": "patched"})",
                 "OPENVEX-STATUS", 0},
        RuleCase{"MissingStatus",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}]})",
                 "OPENVEX-REQUIRED", 0},
        RuleCase{"MissingVulnerability",
                 R"({"products": [{"@id": "pkg:npm/a@1"}], "status": "fixed"})", "OPENVEX-REQUIRED",
                 0},
        RuleCase{"VulnerabilityOfWrongType",
                 R"({"vulnerability": 7, "products": [{"@id": "pkg:npm/a@1"}], "status": "fixed"})",
                 "OPENVEX-TYPE", 0},
        RuleCase{"NoProducts", R"({"vulnerability": {"name": "CVE-1"}, "status": "fixed"})",
                 "OPENVEX-PRODUCT", 1},
        RuleCase{"ProductWithoutIdentity",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"hashes": {}}],
                     "status": "fixed"})",
                 "OPENVEX-PRODUCT", 1},
        RuleCase{"BadTimestamp",
                 R"({"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                     "status": "fixed", "timestamp": "yesterday"})",
                 "OPENVEX-TIMESTAMP", 1}),
    [](const ::testing::TestParamInfo<RuleCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(OpenVexReadTest, MissingDocumentMembersAreErrors) {
  const auto parsed = read_openvex(R"({"@context": "https://openvex.dev/ns/v0.2.0"})", "d.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(has_code(parsed->diagnostics, "OPENVEX-REQUIRED")) << describe(parsed->diagnostics);
  EXPECT_GE(parsed->diagnostics.size(), 4U);  // @id, author, timestamp/version, statements
}

TEST(OpenVexReadTest, ReadsTheLegacyFormWithAWarning) {
  const auto parsed = read_openvex(R"({
    "@context": "https://openvex.dev/ns/v0.0.1", "@id": "x", "author": "a",
    "timestamp": "2023-01-08T18:02:03.647787998-06:00", "version": "1",
    "statements": [{"vulnerability": "CVE-2023-12345",
                    "products": ["pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64"],
                    "subcomponents": ["pkg:apk/wolfi/zlib@1.2.13"], "status": "fixed"}]})",
                                   "old.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_FALSE(parsed->has_errors()) << describe(parsed->diagnostics);
  EXPECT_TRUE(has_code(parsed->diagnostics, "OPENVEX-LEGACY"));
  ASSERT_EQ(parsed->value.statements.size(), 1U);
  const model::VexStatement& statement = parsed->value.statements[0];
  EXPECT_EQ(statement.vulnerability, "CVE-2023-12345");
  ASSERT_EQ(statement.products.size(), 1U);
  EXPECT_EQ(statement.products[0].purl, "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64");
  ASSERT_EQ(statement.subcomponents.size(), 1U);
  EXPECT_EQ(statement.subcomponents[0].purl, "pkg:apk/wolfi/zlib@1.2.13");
}

TEST(OpenVexReadTest, RejectsWhatIsNotAnObjectOrNotJson) {
  const auto array = read_openvex("[1, 2]", "a.json");
  ASSERT_FALSE(array.has_value());
  EXPECT_THAT(array.error().message, HasSubstr("must be a JSON object"));
  const auto broken = read_openvex("{\"@context\": ", "b.json");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(broken.error().location, HasSubstr("b.json:1:"));
  InputLimits limits;
  limits.max_depth = 3;
  const auto deep = read_openvex(document_with(R"({"vulnerability": {"name": "CVE-1",
      "aliases": [[["x"]]]}, "products": [], "status": "fixed"})"),
                                 "d.json", limits);
  ASSERT_FALSE(deep.has_value());
  EXPECT_EQ(deep.error().code, ErrorCode::kInvalidInput);
}

// ---- the dispatcher ----

TEST(ReadVexTest, DetectsEachFormatFromContent) {
  const auto openvex = read_vex(kGood, "o.json");
  ASSERT_TRUE(openvex.has_value()) << openvex.error().to_string();
  EXPECT_EQ(openvex->value.format, "openvex");

  const auto cyclonedx = read_vex(R"({"bomFormat": "CycloneDX", "specVersion": "1.6",
      "components": [{"type": "library", "bom-ref": "c1", "name": "a", "version": "1",
                      "purl": "pkg:npm/a@1"}],
      "vulnerabilities": [{"id": "CVE-1", "analysis": {"state": "not_affected",
                           "justification": "code_not_reachable"},
                           "affects": [{"ref": "c1"}]}]})",
                                  "c.json");
  ASSERT_TRUE(cyclonedx.has_value()) << cyclonedx.error().to_string();
  EXPECT_EQ(cyclonedx->value.format, "cyclonedx");
  ASSERT_EQ(cyclonedx->value.statements.size(), 1U);
  EXPECT_EQ(cyclonedx->value.statements[0].status, model::VexStatus::kNotAffected);

  const auto unknown = read_vex(R"({"@context": "https://example.com/ns"})", "u.json");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnsupported);
  EXPECT_THAT(unknown.error().message, HasSubstr("not an openvex.dev namespace"));
}

TEST(ReadVexTest, ReadsCsafProductStatusAsStatements) {
  ASSAY_SHARED_DATA_OR_SKIP(file, "openvex-go-vex/pkg/csaf/testdata/csaf.json");
  const auto parsed = read_vex(testing::read_text(file), file.string());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->value.format, "csaf");
  EXPECT_FALSE(parsed->value.statements.empty());
}

// ---- the shared OpenVEX documents, against the official schema ----

std::vector<std::filesystem::path> openvex_files() {
  std::vector<std::filesystem::path> files;
  for (const char* folder : {"openvex-go-vex", "openvex-vexctl"}) {
    for (std::filesystem::path& path : testing::shared_files(folder, ".json")) {
      if (path.string().rfind("<missing:", 0) == 0) {
        files.push_back(std::move(path));
        continue;
      }
      const auto root = json::parse(testing::read_text(path), path.string());
      if (root && looks_like_openvex(*root)) {
        files.push_back(std::move(path));
      }
    }
  }
  return files;
}

class OpenVexCorpusTest : public ::testing::TestWithParam<std::filesystem::path> {
 protected:
  static void SetUpTestSuite() {
    const std::filesystem::path schema_path =
        testing::shared_data("openvex-spec/openvex_json_schema.json");
    if (schema_path.empty()) {
      return;
    }
    auto compiled = JsonSchema::compile(testing::read_text(schema_path), "openvex-0.2.0");
    ASSERT_TRUE(compiled.has_value()) << compiled.error().to_string();
    schema_ = std::move(compiled).value();
  }
  static std::shared_ptr<const JsonSchema> schema_;
};
std::shared_ptr<const JsonSchema> OpenVexCorpusTest::schema_;

TEST_P(OpenVexCorpusTest, VerdictAgreesWithTheOfficialSchema) {
  const std::filesystem::path& path = GetParam();
  ASSAY_SKIP_IF_MISSING_FILE(path);
  ASSAY_SHARED_DATA_OR_SKIP(schema_file, "openvex-spec/openvex_json_schema.json");
  ASSERT_NE(schema_, nullptr);
  const std::string text = testing::read_text(path);
  const auto parsed = read_openvex(text, path.filename().string());
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_FALSE(parsed->value.statements.empty());

  const auto root = json::parse(text, path.string());
  ASSERT_TRUE(root.has_value());
  DiagnosticSink sink;
  const bool schema_valid = schema_->validate(*root, path.string(), sink);
  const std::vector<Diagnostic> schema_problems = sink.take();
  const bool legacy = has_code(parsed->diagnostics, "OPENVEX-LEGACY");
  if (legacy) {
    // The 0.0.1 form cannot pass the 0.2.0 schema; Assay reads it and says so.
    EXPECT_FALSE(schema_valid) << path;
    return;
  }
  EXPECT_EQ(!parsed->has_errors(), schema_valid) << path << "\nAssay:\n"
                                                 << describe(parsed->diagnostics) << "schema:\n"
                                                 << describe(schema_problems);
}

INSTANTIATE_TEST_SUITE_P(Shared, OpenVexCorpusTest, ::testing::ValuesIn(openvex_files()),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& param_info) {
                           const std::filesystem::path relative =
                               param_info.param.lexically_relative(testing::shared_data_root());
                           return testing::sanitize_test_name(
                               relative.empty() ? param_info.param.string() : relative.string());
                         });

}  // namespace
}  // namespace assay::formats
