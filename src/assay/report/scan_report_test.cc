// Tests for the scan renderers (each format's content, SARIF against the SARIF 2.1.0 schema and the
// VDR against CycloneDX 1.6) and the --fail-on policy.
#include "assay/report/scan_report.h"

#include <simdjson.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/file.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/schema.h"

#include "testing.h"

namespace assay::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

match::ScanResult sample() {
  match::ScanResult result;
  result.components = 4;
  result.checked = 3;
  match::Finding log4j;
  log4j.component = {"log4j",      "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1",
                     "log4j-core", "2.14.1",
                     1U,           {"app", "log4j"}};
  log4j.id = "CVE-2021-44228";
  log4j.aliases = {"GHSA-jfh8-c2jp-5v3q"};
  log4j.sources = {"GHSA-jfh8-c2jp-5v3q"};
  log4j.summary = "Remote code execution in Log4j";
  log4j.severity = {10.0, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "3.1", "CRITICAL",
                    match::SeverityLevel::kCritical};
  log4j.kev = model::KevEntry{"CVE-2021-44228", "Apache", "Log4j2", "", "2021-12-10", "", "",
                              "2021-12-24",     "Known",  "",       {}};
  log4j.epss = model::EpssScore{"CVE-2021-44228", 0.97, 0.9999};
  log4j.epss_date = "2025-02-20T00:00:00+0000";
  log4j.fixed_versions = {"2.15.0", "2.3.1"};
  log4j.nearest_fix = "2.15.0";
  log4j.references = {"https://example.org/log4shell"};
  match::Finding lodash;
  lodash.component = {"lodash", "pkg:npm/lodash@4.17.20", "lodash", "4.17.20",
                      2U,       {"app", "x", "lodash"}};
  lodash.id = "CVE-2021-23337";
  lodash.summary = "Command injection";
  lodash.severity.level = match::SeverityLevel::kHigh;
  lodash.severity.cvss_score = 7.2;
  lodash.severity.cvss_version = "3.1";
  lodash.vex =
      match::FindingVex{model::VexStatus::kNotAffected, "vulnerable_code_not_in_execute_path",
                        "template() is never called", "", "vex.json#/statements/0"};
  lodash.suppressed = true;
  match::Finding unknown;
  unknown.component = {"req", "pkg:pypi/requests", "requests", "", std::nullopt, {}};
  unknown.id = "PYSEC-2023-74";
  unknown.verdict = match::Verdict::kPossiblyAffected;
  unknown.reason = "the component has no version";
  result.findings = {log4j, lodash, unknown};
  result.skipped.push_back({"bare", "mystery", "1.0", "", "it has no purl"});
  return result;
}

ScanContext context() {
  ScanContext value;
  value.sbom_path = "portal.cdx.json";
  value.sbom_format = "cyclonedx-json";
  value.product_name = "Council Portal";
  value.product_version = "3.2";
  value.tool_version = "0.1.0";
  value.generated_at = "2026-11-23T12:00:00Z";
  return value;
}

TEST(ScanTableTest, ListsFindingsByPriorityAndSummarises) {
  const std::string out = render_scan(sample(), ScanFormat::kTable, context());
  EXPECT_THAT(out, HasSubstr("CVE-2021-44228"));
  EXPECT_THAT(out, HasSubstr("critical 10.0"));
  EXPECT_THAT(out, HasSubstr("2.15.0"));
  EXPECT_THAT(out, HasSubstr("possibly affected: the component has no version"));
  EXPECT_THAT(out, Not(HasSubstr("CVE-2021-23337")));  // suppressed by VEX
  EXPECT_THAT(out, HasSubstr("2 findings (1 known exploited (KEV), 1 possibly affected) in 3 of 4 "
                             "components; 1 suppressed by VEX statements."));
  EXPECT_THAT(out, HasSubstr("--show-suppressed"));
  EXPECT_THAT(out, HasSubstr("1 component(s) could not be checked"));
  ScanContext show = context();
  show.show_suppressed = true;
  EXPECT_THAT(render_scan(sample(), ScanFormat::kTable, show),
              HasSubstr("[suppressed] VEX not_affected (vulnerable_code_not_in_execute_path)"));
}

TEST(ScanJsonTest, DocumentedFieldsArePresent) {
  const auto parsed = json::parse(render_scan(sample(), ScanFormat::kJson, context()), "scan.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const json::Json& root = *parsed;
  EXPECT_EQ(root["assay_scan_version"], 1);
  EXPECT_EQ(root["summary"]["findings"], 2);
  EXPECT_EQ(root["summary"]["suppressed"], 1);
  EXPECT_EQ(root["summary"]["by_severity"]["critical"], 1);
  ASSERT_EQ(root["findings"].size(), 2U);
  const json::Json& first = root["findings"][0];
  EXPECT_EQ(first["component"]["purl"], "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
  EXPECT_EQ(first["component"]["direct"], true);
  EXPECT_EQ(first["id"], "CVE-2021-44228");
  EXPECT_EQ(first["aliases"][0], "GHSA-jfh8-c2jp-5v3q");
  EXPECT_EQ(first["kev"]["due_date"], "2021-12-24");
  EXPECT_EQ(first["epss"]["date"], "2025-02-20T00:00:00+0000");
  EXPECT_EQ(first["severity"]["cvss_score"], 10.0);
  EXPECT_EQ(first["nearest_fix"], "2.15.0");
  EXPECT_TRUE(root["findings"][1]["component"]["direct"].is_null());
  EXPECT_EQ(root["skipped"][0]["reason"], "it has no purl");
}

TEST(ScanCsvTest, OneRowPerFindingWithQuoting) {
  const std::string out = render_scan(sample(), ScanFormat::kCsv, context());
  const std::vector<std::string_view> lines = split(out, '\n');
  ASSERT_EQ(lines.size(), 4U);  // header, two findings, trailing empty
  EXPECT_THAT(std::string(lines[0]), HasSubstr("severity,cvss_score,id,aliases"));
  EXPECT_THAT(std::string(lines[1]), HasSubstr("\"CVE-2021-44228\""));
  EXPECT_THAT(std::string(lines[1]), HasSubstr("\"Remote code execution in Log4j\""));
}

TEST(ScanMarkdownTest, TitleTableAndUncheckedComponents) {
  const std::string out = render_scan(sample(), ScanFormat::kMarkdown, context());
  EXPECT_THAT(out, HasSubstr("# Vulnerability scan: Council Portal 3.2"));
  EXPECT_THAT(out, HasSubstr("| critical (10.0) | CVE-2021-44228 |"));
  EXPECT_THAT(out, HasSubstr("yes (due 2021-12-24)"));
  EXPECT_THAT(out, HasSubstr("## Components not checked"));
}

std::filesystem::path sarif_schema() {
  return std::filesystem::path("node_modules") / "@microsoft" / "jest-sarif" / "lib" / "schemas" /
         "sarif-2.1.0-rtm.5.json";
}

TEST(ScanSarifTest, IsValidSarif210) {
  const std::string out = render_scan(sample(), ScanFormat::kSarif, context());
  const auto parsed = json::parse(out, "scan.sarif");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ((*parsed)["version"], "2.1.0");
  const json::Json& results = (*parsed)["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2U);
  EXPECT_EQ(results[0]["ruleId"], "CVE-2021-44228");
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ((*parsed)["runs"][0]["tool"]["driver"]["rules"][0]["properties"]["security-severity"],
            "10.0");

  const auto schema_text = read_file(sarif_schema(), 4 << 20);
  if (!schema_text) {
    if (testing::is_ci()) {
      FAIL() << "the SARIF schema comes from node_modules; run scripts/install_node_deps.sh";
    }
    GTEST_SKIP() << "node_modules missing";
  }
  const auto schema = formats::JsonSchema::compile(*schema_text, "sarif-2.1.0");
  ASSERT_TRUE(schema.has_value()) << schema.error().to_string();
  DiagnosticSink sink;
  EXPECT_TRUE((*schema)->validate(*parsed, "scan.sarif", sink));
  for (const Diagnostic& diagnostic : sink.take()) {
    ADD_FAILURE() << diagnostic.to_string();
  }
  // Suppressed findings carry a SARIF suppression when shown.
  ScanContext show = context();
  show.show_suppressed = true;
  const auto with_suppressed = json::parse(render_scan(sample(), ScanFormat::kSarif, show), "s");
  ASSERT_TRUE(with_suppressed.has_value());
  DiagnosticSink second;
  EXPECT_TRUE((*schema)->validate(*with_suppressed, "s", second));
  EXPECT_EQ((*with_suppressed)["runs"][0]["results"][1]["suppressions"][0]["kind"], "external");
}

TEST(ScanVdrTest, IsValidCycloneDx16WithAffectsAndAnalysis) {
  ScanContext show = context();
  show.show_suppressed = true;
  const std::string out = render_scan(sample(), ScanFormat::kCycloneDxVdr, show);
  const auto parsed = json::parse(out, "vdr.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ((*parsed)["specVersion"], "1.6");
  const json::Json& vulnerabilities = (*parsed)["vulnerabilities"];
  ASSERT_EQ(vulnerabilities.size(), 3U);
  EXPECT_EQ(vulnerabilities[0]["ratings"][0]["method"], "CVSSv31");
  EXPECT_EQ(vulnerabilities[0]["affects"][0]["ref"], "log4j");
  EXPECT_EQ(vulnerabilities[1]["analysis"]["state"], "not_affected");
  EXPECT_EQ(vulnerabilities[1]["analysis"]["justification"], "code_not_reachable");
  const auto schema = formats::cyclonedx_json_schema("1.6");
  ASSERT_TRUE(schema.has_value()) << schema.error().to_string();
  DiagnosticSink sink;
  EXPECT_TRUE((*schema)->validate(*parsed, "vdr.json", sink));
  for (const Diagnostic& diagnostic : sink.take()) {
    ADD_FAILURE() << diagnostic.to_string();
  }
}

TEST(FailPolicyTest, TermsAndHits) {
  const match::ScanResult result = sample();
  auto hits = [&result](const char* text) {
    const auto policy = parse_fail_policy(text);
    EXPECT_TRUE(policy.has_value()) << text;
    return policy ? policy_hits(result, *policy).size() : 0U;
  };
  EXPECT_EQ(hits("critical"), 1U);
  EXPECT_EQ(hits("high"), 1U);  // the high finding is suppressed by VEX
  EXPECT_EQ(hits("kev"), 1U);
  EXPECT_EQ(hits("malicious"), 0U);
  EXPECT_EQ(hits("epss>=0.5"), 1U);
  EXPECT_EQ(hits("epss>=0.99"), 0U);
  EXPECT_EQ(hits("possibly-affected"), 1U);
  EXPECT_EQ(hits("any"), 2U);
  EXPECT_EQ(hits("kev, possibly-affected"), 2U);
  EXPECT_EQ(parse_fail_policy("severe").error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(parse_fail_policy("epss>=2").error().message, HasSubstr("from 0 to 1"));
}

TEST(ScanFormatTest, NamesMapToFormats) {
  EXPECT_EQ(scan_format_from_name("sarif"), ScanFormat::kSarif);
  EXPECT_EQ(scan_format_from_name("cyclonedx-vdr"), ScanFormat::kCycloneDxVdr);
  EXPECT_EQ(scan_format_from_name("xml"), std::nullopt);
}

}  // namespace
}  // namespace assay::report
