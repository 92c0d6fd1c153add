// Tests of the CSAF 2.0 reader, its conversion to advisories and VEX, and the validator, including
// the OASIS conformance suite (csaf_2.0/test/validator/data/testcases.json) run as-is.
#include "assay/formats/csaf.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/formats/csaf_validate.h"

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kValidatorData = "oasis-csaf/csaf_2.0/test/validator/data";

bool has_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [code](const Diagnostic& diagnostic) { return diagnostic.code == code; });
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity != Severity::kInfo) {
      text += "  " + diagnostic.to_string() + "\n";
    }
  }
  return text;
}

// ---- the OASIS conformance suite ----

struct SuiteCase {
  std::string test_id;  // "6.1.27.9"
  std::string group;    // mandatory, optional, informative
  std::string file;     // relative to the data folder
  bool must_fail = false;
};

std::vector<SuiteCase> suite_cases() {
  std::vector<SuiteCase> cases;
  const std::filesystem::path data = testing::shared_data(kValidatorData);
  if (data.empty()) {
    cases.push_back({"missing", "missing", "<missing:oasis-csaf>", true});
    return cases;
  }
  const json::Json index = json::Json::parse(testing::read_text(data / "testcases.json"));
  for (const json::Json& test : index.at("tests")) {
    for (const char* kind : {"failures", "valid"}) {
      if (!test.contains(kind)) {
        continue;
      }
      for (const json::Json& file : test.at(kind)) {
        cases.push_back({test.at("id").get<std::string>(), test.at("group").get<std::string>(),
                         file.at("name").get<std::string>(), std::string(kind) == "failures"});
      }
    }
  }
  return cases;
}

// Tests whose expected verdict Assay deliberately does not give, with the reason (keyed by test
// id; docs/formats/advisories.md lists them). Every other case of the suite gets its verdict.
const std::map<std::string, std::string>& suite_exceptions() {
  static const std::map<std::string, std::string> kExceptions = {
      {"6.3.6",
       "needs live requests to every non-self URL in the document; validation is offline, and "
       "Assay makes only passive, guarded requests to vendor sites"},
      {"6.3.7", "needs a live request to the self URL; validation is offline (as 6.3.6)"},
      {"6.3.8", "a spell check needs a dictionary for the document's language; not implemented"},
  };
  return kExceptions;
}

void PrintTo(const SuiteCase& param, std::ostream* out) {
  *out << param.file << " (" << param.test_id
       << (param.must_fail ? ", must fail)" : ", must pass)");
}

class CsafConformanceTest : public ::testing::TestWithParam<SuiteCase> {};

TEST_P(CsafConformanceTest, GivesTheExpectedVerdict) {
  const SuiteCase& param = GetParam();
  if (param.test_id == "missing") {
    ASSAY_SKIP_IF_MISSING_FILE(std::filesystem::path(param.file));
  }
  const std::filesystem::path path = testing::shared_data(kValidatorData) / param.file;
  const std::string text = testing::read_text(path);
  auto diagnostics = validate_csaf(text, param.file);
  ASSERT_TRUE(diagnostics.has_value()) << diagnostics.error().to_string();
  const std::string code = "CSAF-" + param.test_id;
  const auto exception = suite_exceptions().find(param.test_id);
  if (exception != suite_exceptions().end()) {
    GTEST_SKIP() << "deliberate exception: " << exception->second;
  }
  if (param.must_fail) {
    EXPECT_TRUE(has_code(*diagnostics, code))
        << param.file << " must fail test " << param.test_id << "; got:\n"
        << describe(*diagnostics);
  } else {
    EXPECT_FALSE(has_code(*diagnostics, code))
        << param.file << " must pass test " << param.test_id << "; got:\n"
        << describe(*diagnostics);
  }
  // Every file of the suite is schema-valid (the tests are about what a schema cannot say),
  // except where the test itself is a schema check (6.1.8 validates CVSS objects).
  for (const Diagnostic& diagnostic : *diagnostics) {
    {
      if (diagnostic.code == "CSAF-SCHEMA") {
        ADD_FAILURE() << param.file << ": unexpected " << diagnostic.to_string();
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Oasis, CsafConformanceTest, ::testing::ValuesIn(suite_cases()),
                         [](const ::testing::TestParamInfo<SuiteCase>& param_info) {
                           return testing::sanitize_test_name(
                               param_info.param.test_id + "_" +
                               (param_info.param.must_fail ? "fail_" : "pass_") +
                               std::filesystem::path(param_info.param.file).stem().string());
                         });

TEST(CsafConformanceSuiteTest, CountsEveryCase) {
  ASSAY_SHARED_DATA_OR_SKIP(data, kValidatorData);
  std::map<std::string, std::pair<int, int>> per_group;  // group -> (expected, total)
  for (const SuiteCase& param : suite_cases()) {
    auto diagnostics = validate_csaf(testing::read_text(data / param.file), param.file);
    ASSERT_TRUE(diagnostics.has_value());
    const bool raised = has_code(*diagnostics, "CSAF-" + param.test_id);
    auto& [expected, total] = per_group[param.group];
    expected += raised == param.must_fail ? 1 : 0;
    ++total;
  }
  for (const auto& [group, counts] : per_group) {
    std::printf("CSAF 2.0 conformance, %s: %d/%d files give the expected verdict\n", group.c_str(),
                counts.first, counts.second);
  }
  EXPECT_EQ(per_group["mandatory"].second, 147);
  EXPECT_EQ(per_group["mandatory"].first, 147);
  EXPECT_EQ(per_group["optional"].second, 51);
  EXPECT_EQ(per_group["informative"].second, 41);
}

// ---- official examples ----

class CsafExampleTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(CsafExampleTest, ValidatesReadsAndConverts) {
  ASSAY_SKIP_IF_MISSING_FILE(GetParam());
  const std::string text = testing::read_text(GetParam());
  const std::string name = GetParam().filename().string();
  auto diagnostics = validate_csaf(text, name);
  ASSERT_TRUE(diagnostics.has_value());
  for (const Diagnostic& diagnostic : *diagnostics) {
    EXPECT_NE(diagnostic.severity, Severity::kError) << diagnostic.to_string();
  }
  auto parsed = read_csaf(text, name);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_FALSE(parsed->has_errors()) << describe(parsed->diagnostics);
  EXPECT_FALSE(parsed->value.tracking_id.empty());
  const auto advisories = csaf_to_advisories(parsed->value, name);
  EXPECT_EQ(advisories.value.size(), parsed->value.vulnerabilities.size());
  for (const model::Advisory& advisory : advisories.value) {
    EXPECT_FALSE(advisory.id.empty());
    EXPECT_EQ(advisory.source_format, "csaf");
  }
  const model::VexDocument vex = csaf_to_vex(parsed->value, name);
  EXPECT_EQ(vex.format, "csaf");
}

INSTANTIATE_TEST_SUITE_P(
    Oasis, CsafExampleTest,
    ::testing::ValuesIn(testing::shared_files("oasis-csaf/csaf_2.0/examples/csaf", ".json")),
    [](const ::testing::TestParamInfo<std::filesystem::path>& param_info) {
      return testing::sanitize_test_name(param_info.param.stem().string());
    });

// ---- reader and conversion on small documents ----

constexpr std::string_view kVexDocument = R"({
  "document": {
    "category": "csaf_vex",
    "csaf_version": "2.0",
    "publisher": {"category": "vendor", "name": "Example Ltd", "namespace": "https://example.com"},
    "title": "Example VEX",
    "tracking": {
      "current_release_date": "2024-02-01T10:00:00.000Z",
      "id": "EX-VEX-2024-0001",
      "initial_release_date": "2024-02-01T10:00:00.000Z",
      "revision_history": [{"date": "2024-02-01T10:00:00.000Z", "number": "1", "summary": "Initial"}],
      "status": "final",
      "version": "1"
    }
  },
  "product_tree": {
    "branches": [{
      "category": "vendor", "name": "Example",
      "branches": [{
        "category": "product_name", "name": "libexample",
        "branches": [
          {"category": "product_version", "name": "1.2.0",
           "product": {"name": "libexample 1.2.0", "product_id": "LIB-120",
                       "product_identification_helper": {"purl": "pkg:npm/libexample@1.2.0"}}},
          {"category": "product_version", "name": "1.3.0",
           "product": {"name": "libexample 1.3.0", "product_id": "LIB-130",
                       "product_identification_helper": {"purl": "pkg:npm/libexample@1.3.0"}}},
          {"category": "product_version_range", "name": "vers:npm/>=2.0.0|<2.4.1",
           "product": {"name": "libexample 2.x before 2.4.1", "product_id": "LIB-2X",
                       "product_identification_helper": {"purl": "pkg:npm/libexample"}}}
        ]
      }]
    }],
    "full_product_names": [
      {"name": "Example Appliance", "product_id": "APP",
       "product_identification_helper": {"cpe": "cpe:2.3:h:example:appliance:-:*:*:*:*:*:*:*"}}
    ],
    "relationships": [{
      "category": "default_component_of",
      "full_product_name": {"name": "libexample 1.2.0 in Example Appliance", "product_id": "APP-LIB-120"},
      "product_reference": "LIB-120",
      "relates_to_product_reference": "APP"
    }]
  },
  "vulnerabilities": [{
    "cve": "CVE-2024-0001",
    "ids": [{"system_name": "GitHub", "text": "GHSA-aaaa-bbbb-cccc"}],
    "notes": [{"category": "description", "text": "A flaw in libexample."}],
    "product_status": {
      "known_affected": ["LIB-120", "LIB-2X"],
      "known_not_affected": ["APP-LIB-120"],
      "fixed": ["LIB-130"]
    },
    "flags": [{"label": "vulnerable_code_not_in_execute_path", "product_ids": ["APP-LIB-120"]}],
    "remediations": [{"category": "vendor_fix", "details": "Upgrade to 1.3.0.",
                      "product_ids": ["LIB-120", "LIB-2X"]}],
    "scores": [{"products": ["LIB-120"], "cvss_v3": {
      "version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
      "baseScore": 9.8, "baseSeverity": "CRITICAL"}}]
  }]
})";

TEST(CsafReadTest, ReadsTrackingProductsAndVulnerabilities) {
  auto parsed = read_csaf(kVexDocument, "vex.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const CsafDocument& document = parsed->value;
  EXPECT_EQ(document.category, "csaf_vex");
  EXPECT_EQ(document.tracking_id, "EX-VEX-2024-0001");
  EXPECT_EQ(document.publisher_name, "Example Ltd");
  ASSERT_EQ(document.products.size(), 5U);
  const CsafProduct* lib = document.find_product("LIB-120");
  ASSERT_NE(lib, nullptr);
  EXPECT_EQ(lib->vendor, "Example");
  EXPECT_EQ(lib->product_name, "libexample");
  EXPECT_EQ(lib->product_version, "1.2.0");
  EXPECT_EQ(lib->helper.purl, "pkg:npm/libexample@1.2.0");
  ASSERT_EQ(document.vulnerabilities.size(), 1U);
  EXPECT_EQ(document.vulnerabilities[0].product_status.known_affected.size(), 2U);
  EXPECT_EQ(document.vulnerabilities[0].flags[0].category, "vulnerable_code_not_in_execute_path");
}

TEST(CsafReadTest, ResolvesRelationshipsToTheirComponent) {
  auto parsed = read_csaf(kVexDocument, "vex.json");
  ASSERT_TRUE(parsed.has_value());
  const CsafResolvedProduct resolved = resolve_csaf_product(parsed->value, "APP-LIB-120");
  EXPECT_EQ(resolved.purl, "pkg:npm/libexample@1.2.0");
  EXPECT_EQ(resolved.component_id, "LIB-120");
  EXPECT_EQ(resolved.platform_id, "APP");
  EXPECT_EQ(resolved.relationship_category, "default_component_of");
  EXPECT_EQ(resolved.version, "1.2.0");
}

TEST(CsafReadTest, StopsAtRelationshipCycles) {
  const std::string text = R"({"document": {"category": "csaf_base", "csaf_version": "2.0",
    "tracking": {"id": "X"}},
    "product_tree": {"relationships": [
      {"category": "default_component_of", "product_reference": "B", "relates_to_product_reference": "C",
       "full_product_name": {"name": "a", "product_id": "A"}},
      {"category": "default_component_of", "product_reference": "A", "relates_to_product_reference": "C",
       "full_product_name": {"name": "b", "product_id": "B"}}]}})";
  auto parsed = read_csaf(text, "cycle.json");
  ASSERT_TRUE(parsed.has_value());
  const CsafResolvedProduct resolved = resolve_csaf_product(parsed->value, "A");
  EXPECT_EQ(resolved.component_id, "B");
  EXPECT_TRUE(resolved.purl.empty());
  auto diagnostics = validate_csaf(text, "cycle.json");
  ASSERT_TRUE(diagnostics.has_value());
  EXPECT_TRUE(has_code(*diagnostics, "CSAF-6.1.3"));
}

TEST(CsafReadTest, RefusesNonCsafInput) {
  auto not_json = read_csaf("{", "bad.json");
  ASSERT_FALSE(not_json.has_value());
  EXPECT_EQ(not_json.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(not_json.error().location, HasSubstr("bad.json"));
  auto no_document = read_csaf(R"({"vulnerabilities": []})", "x.json");
  ASSERT_FALSE(no_document.has_value());
  EXPECT_THAT(no_document.error().message, HasSubstr("\"document\""));
}

TEST(CsafReadTest, ReportsWrongTypesWithPointers) {
  auto parsed = read_csaf(
      R"({"document": {"title": 5, "tracking": {"id": "X"}}, "vulnerabilities": [{"cve": []}]})",
      "t.json");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->diagnostics.size(), 2U);
  EXPECT_EQ(parsed->diagnostics[0].code, "CSAF-TYPE");
  EXPECT_EQ(parsed->diagnostics[0].location, "t.json#/document/title");
  EXPECT_EQ(parsed->diagnostics[1].location, "t.json#/vulnerabilities/0/cve");
}

TEST(CsafReadTest, BoundsBranchNesting) {
  std::string text = R"({"document": {"tracking": {"id": "X"}}, "product_tree": )";
  std::string close;
  for (int depth = 0; depth < 200; ++depth) {
    text += R"({"category": "vendor", "name": "v", "branches": [)";
    close += "]}";
  }
  text += "{}" + close + "}";
  InputLimits limits;
  limits.max_depth = 1000;
  auto parsed = read_csaf(text, "deep.json", limits);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(std::any_of(parsed->diagnostics.begin(), parsed->diagnostics.end(),
                          [](const Diagnostic& d) { return d.code == "CSAF-LIMIT"; }));
  auto default_limits = read_csaf(text, "deep.json");
  EXPECT_FALSE(default_limits.has_value());
}

TEST(CsafConvertTest, MakesOneAdvisoryPerVulnerability) {
  auto parsed = read_csaf(kVexDocument, "vex.json");
  ASSERT_TRUE(parsed.has_value());
  const auto advisories = csaf_to_advisories(parsed->value, "vex.json");
  ASSERT_EQ(advisories.value.size(), 1U);
  const model::Advisory& advisory = advisories.value[0];
  EXPECT_EQ(advisory.id, "CVE-2024-0001");
  EXPECT_EQ(advisory.aliases, std::vector<std::string>{"GHSA-aaaa-bbbb-cccc"});
  EXPECT_EQ(advisory.related, std::vector<std::string>{"EX-VEX-2024-0001"});
  EXPECT_EQ(advisory.modified, "2024-02-01T10:00:00.000Z");
  EXPECT_EQ(advisory.details, "A flaw in libexample.");
  ASSERT_EQ(advisory.severity.size(), 1U);
  EXPECT_EQ(advisory.severity[0].type, "CVSS_V3");
  ASSERT_EQ(advisory.affected.size(), 1U);
  const model::AffectedPackage& package = advisory.affected[0];
  EXPECT_EQ(package.ecosystem, "npm");
  EXPECT_EQ(package.name, "libexample");
  EXPECT_EQ(package.purl, "pkg:npm/libexample");
  EXPECT_EQ(package.versions, std::vector<std::string>{"1.2.0"});
  ASSERT_EQ(package.ranges.size(), 1U);
  ASSERT_EQ(package.ranges[0].events.size(), 2U);
  EXPECT_EQ(package.ranges[0].events[0].kind, version::OsvEventKind::kIntroduced);
  EXPECT_EQ(package.ranges[0].events[0].version, "2.0.0");
  EXPECT_EQ(package.ranges[0].events[1].kind, version::OsvEventKind::kFixed);
  EXPECT_EQ(package.ranges[0].events[1].version, "2.4.1");
  EXPECT_THAT(package.database_specific_json, HasSubstr("1.3.0"));
}

TEST(CsafConvertTest, KeepsCpeOnlyProductsAndWidensExclusiveBounds) {
  const std::string text = R"({"document": {"category": "csaf_base", "tracking": {"id": "T-1"}},
    "product_tree": {"branches": [{"category": "product_version_range", "name": "vers:generic/>1.0|<=2.0",
      "product": {"name": "Router", "product_id": "R",
        "product_identification_helper": {"cpe": "cpe:2.3:h:acme:router:*:*:*:*:*:*:*:*"}}}]},
    "vulnerabilities": [{"product_status": {"known_affected": ["R"]}}]})";
  auto parsed = read_csaf(text, "r.json");
  ASSERT_TRUE(parsed.has_value());
  const auto advisories = csaf_to_advisories(parsed->value, "r.json");
  ASSERT_EQ(advisories.value.size(), 1U);
  EXPECT_EQ(advisories.value[0].id, "T-1-1");
  ASSERT_EQ(advisories.value[0].affected.size(), 1U);
  const model::AffectedPackage& package = advisories.value[0].affected[0];
  EXPECT_EQ(package.name, "Router");
  EXPECT_EQ(package.cpes, std::vector<std::string>{"cpe:2.3:h:acme:router:*:*:*:*:*:*:*:*"});
  // No purl: a vers range still converts, with a warning for the exclusive lower bound.
  ASSERT_EQ(package.ranges.size(), 1U);
  EXPECT_EQ(package.ranges[0].events.back().kind, version::OsvEventKind::kLastAffected);
  EXPECT_TRUE(has_code(advisories.diagnostics, "CSAF-CONVERT-RANGE-WIDENED"));
}

TEST(CsafConvertTest, MapsProductStatusToVexStatements) {
  auto parsed = read_csaf(kVexDocument, "vex.json");
  ASSERT_TRUE(parsed.has_value());
  const model::VexDocument vex = csaf_to_vex(parsed->value, "vex.json");
  EXPECT_EQ(vex.id, "EX-VEX-2024-0001");
  EXPECT_EQ(vex.author, "Example Ltd");
  ASSERT_EQ(vex.statements.size(), 4U);
  const model::VexStatement& not_affected = vex.statements[0];
  EXPECT_EQ(not_affected.status, model::VexStatus::kNotAffected);
  EXPECT_EQ(not_affected.vulnerability, "CVE-2024-0001");
  EXPECT_EQ(not_affected.justification, "vulnerable_code_not_in_execute_path");
  ASSERT_EQ(not_affected.products.size(), 1U);
  EXPECT_EQ(not_affected.products[0].id, "APP-LIB-120");
  EXPECT_EQ(not_affected.products[0].purl, "pkg:npm/libexample@1.2.0");
  ASSERT_EQ(not_affected.subcomponents.size(), 1U);
  EXPECT_EQ(not_affected.subcomponents[0].id, "LIB-120");
  EXPECT_EQ(not_affected.source_location,
            "vex.json#/vulnerabilities/0/product_status/known_not_affected/0");
  const model::VexStatement& affected = vex.statements[1];
  EXPECT_EQ(affected.status, model::VexStatus::kAffected);
  EXPECT_EQ(affected.action_statement, "vendor_fix: Upgrade to 1.3.0.");
  EXPECT_EQ(affected.responses, std::vector<std::string>{"update"});
  EXPECT_EQ(vex.statements[3].status, model::VexStatus::kFixed);
}

// ---- validator on targeted documents ----

TEST(CsafValidateTest, TheSmallVexDocumentIsValid) {
  auto diagnostics = validate_csaf(kVexDocument, "vex.json");
  ASSERT_TRUE(diagnostics.has_value());
  for (const Diagnostic& diagnostic : *diagnostics) {
    EXPECT_NE(diagnostic.severity, Severity::kError) << diagnostic.to_string();
  }
}

TEST(CsafValidateTest, ReportsSchemaErrorsWithPointers) {
  auto diagnostics = validate_csaf(R"({"document": {"category": "csaf_base"}})", "s.json");
  ASSERT_TRUE(diagnostics.has_value());
  ASSERT_TRUE(has_code(*diagnostics, "CSAF-SCHEMA"));
  for (const Diagnostic& diagnostic : *diagnostics) {
    if (diagnostic.code == "CSAF-SCHEMA") {
      EXPECT_THAT(diagnostic.location, HasSubstr("s.json#"));
    }
  }
}

TEST(CsafValidateTest, MissingProductDefinitionNamesTheReference) {
  json::Json document = json::Json::parse(kVexDocument);
  document["vulnerabilities"][0]["product_status"]["fixed"].push_back("NOPE");
  const auto diagnostics = validate_csaf_json(document, "m.json");
  const auto found = std::find_if(diagnostics.begin(), diagnostics.end(),
                                  [](const Diagnostic& d) { return d.code == "CSAF-6.1.1"; });
  ASSERT_NE(found, diagnostics.end());
  EXPECT_EQ(found->location, "m.json#/vulnerabilities/0/product_status/fixed/1");
  EXPECT_THAT(found->message, HasSubstr("\"NOPE\""));
  EXPECT_EQ(found->severity, Severity::kError);
}

TEST(CsafValidateTest, VexProfileNeedsImpactAndActionStatements) {
  json::Json document = json::Json::parse(kVexDocument);
  document["vulnerabilities"][0].erase("flags");
  document["vulnerabilities"][0].erase("remediations");
  const auto diagnostics = validate_csaf_json(document, "v.json");
  EXPECT_TRUE(has_code(diagnostics, "CSAF-6.1.27.9"));
  EXPECT_TRUE(has_code(diagnostics, "CSAF-6.1.27.10"));
}

TEST(CsafValidateTest, ScoreMustMatchItsVector) {
  json::Json document = json::Json::parse(kVexDocument);
  document["vulnerabilities"][0]["scores"][0]["cvss_v3"]["baseScore"] = 5.0;
  document["vulnerabilities"][0]["scores"][0]["cvss_v3"]["attackVector"] = "LOCAL";
  const auto diagnostics = validate_csaf_json(document, "c.json");
  EXPECT_TRUE(has_code(diagnostics, "CSAF-6.1.9"));
  EXPECT_TRUE(has_code(diagnostics, "CSAF-6.1.10"));
}

TEST(CsafValidateTest, OptionsSelectTheGroups) {
  CsafValidationOptions options;
  options.schema = false;
  options.optional = false;
  options.informative = false;
  const auto diagnostics = validate_csaf_json(json::Json::parse(kVexDocument), "o.json", options);
  for (const Diagnostic& diagnostic : diagnostics) {
    EXPECT_EQ(diagnostic.code.rfind("CSAF-6.1.", 0), 0U) << diagnostic.to_string();
  }
}

struct LanguageCase {
  const char* tag;
  bool valid;
};

class CsafLanguageTagTest : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(CsafLanguageTagTest, ChecksAgainstTheRegistry) {
  EXPECT_EQ(is_valid_language_tag(GetParam().tag), GetParam().valid) << GetParam().tag;
}

INSTANTIATE_TEST_SUITE_P(
    Tags, CsafLanguageTagTest,
    ::testing::Values(LanguageCase{"en", true}, LanguageCase{"de-DE", true},
                      LanguageCase{"en-US", true}, LanguageCase{"zh-Hant-TW", true},
                      LanguageCase{"sl-rozaj-biske", true}, LanguageCase{"qaa", true},
                      LanguageCase{"x-private", true}, LanguageCase{"EZ", false},
                      LanguageCase{"en-ZZZ", false}, LanguageCase{"", false},
                      LanguageCase{"en--US", false}, LanguageCase{"toolongtag", false}),
    [](const ::testing::TestParamInfo<LanguageCase>& param_info) {
      return testing::sanitize_test_name(std::string(param_info.param.tag) + "_" +
                                         std::to_string(param_info.index));
    });

}  // namespace
}  // namespace assay::formats
