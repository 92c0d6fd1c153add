// End-to-end tests of `assay scan`, `assay advisory validate|inspect|convert` and
// `assay vex inspect`: a small SBOM against hand-written advisories (so each expectation is
// visible here), VEX suppression by alias, the --fail-on gate, every report format, and the
// shared golang-vulndb through a real database.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kSbom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "metadata": {"component": {"type": "application", "bom-ref": "app", "name": "council-app",
                             "version": "4.2.0"}},
  "components": [
    {"type": "library", "bom-ref": "lp", "name": "left-pad", "version": "1.2.0",
     "purl": "pkg:npm/left-pad@1.2.0"},
    {"type": "library", "bom-ref": "lp2", "name": "left-pad-fixed", "version": "1.3.0",
     "purl": "pkg:npm/left-pad-fixed@1.3.0"},
    {"type": "library", "bom-ref": "yaml", "name": "pyyaml", "version": "5.3",
     "purl": "pkg:pypi/pyyaml@5.3"}
  ],
  "dependencies": [{"ref": "app", "dependsOn": ["lp", "lp2", "yaml"]}]
})";

// left-pad below 1.3.0 is affected (critical); left-pad-fixed 1.3.0 is exactly the fix version;
// pyyaml 5.3 is affected by a medium one.
constexpr std::string_view kAdvisoryLeftPad = R"({
  "id": "TEST-2026-0001", "modified": "2026-01-01T00:00:00Z", "aliases": ["CVE-2026-1111"],
  "summary": "left-pad pads to the left of everything",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
  "affected": [
    {"package": {"ecosystem": "npm", "name": "left-pad"},
     "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.3.0"}]}]},
    {"package": {"ecosystem": "npm", "name": "left-pad-fixed"},
     "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "1.3.0"}]}]}]
})";

constexpr std::string_view kAdvisoryYaml = R"(id: PYSEC-2026-1
modified: "2026-01-02T00:00:00Z"
aliases:
- CVE-2026-2222
summary: pyyaml loads too much
severity:
- type: CVSS_V3
  score: CVSS:3.1/AV:N/AC:H/PR:L/UI:R/S:U/C:L/I:L/A:N
affected:
- package:
    ecosystem: PyPI
    name: pyyaml
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: "0"
    - fixed: "5.4"
)";

constexpr std::string_view kOpenVex = R"({
  "@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://vendor.example/vex/1",
  "author": "Vendor PSIRT", "timestamp": "2026-02-01T00:00:00Z", "version": 1,
  "statements": [{
    "vulnerability": {"name": "CVE-2026-1111"},
    "products": [{"@id": "pkg:npm/left-pad@1.2.0"}],
    "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path"}]
})";

class ScanCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_scan_cli_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_ / "advisories");
    sbom_ = write("app.cdx.json", kSbom);
    write("advisories/TEST-2026-0001.json", kAdvisoryLeftPad);
    write("advisories/PYSEC-2026-1.yaml", kAdvisoryYaml);
    advisories_ = (directory_ / "advisories").string();
    vex_ = write("vendor.openvex.json", kOpenVex);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string write(const std::string& name, std::string_view text) {
    const std::filesystem::path path = directory_ / name;
    std::ofstream(path, std::ios::binary) << text;
    return path.string();
  }

  std::filesystem::path directory_;
  std::string sbom_;
  std::string advisories_;
  std::string vex_;
};

TEST_F(ScanCliTest, FindsExactlyTheAffectedComponents) {
  const CliResult result = run_cli({"scan", sbom_, "--advisories", advisories_});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("CVE-2026-1111"));
  EXPECT_THAT(result.out, HasSubstr("pkg:npm/left-pad@1.2.0"));
  EXPECT_THAT(result.out, HasSubstr("CVE-2026-2222"));
  EXPECT_THAT(result.out, Not(HasSubstr("left-pad-fixed@1.3.0")));  // the fix version itself
}

// A finding is shown under its CVE when its advisory has one; the advisory's own id is an alias.
TEST_F(ScanCliTest, JsonReportListsEachFindingOnce) {
  const CliResult result =
      run_cli({"scan", sbom_, "--advisories", advisories_, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const auto report = json::parse(result.out, "stdout");
  ASSERT_TRUE(report.has_value()) << report.error().to_string() << "\n" << result.out;
  ASSERT_TRUE(report->contains("findings")) << result.out;
  std::vector<std::string> ids;
  for (const json::Json& finding : report->at("findings")) {
    ids.push_back(finding.at("id").get<std::string>());
    EXPECT_EQ(finding.at("aliases").size(), 1U);
  }
  EXPECT_THAT(ids, ::testing::UnorderedElementsAre("CVE-2026-1111", "CVE-2026-2222"));
}

TEST_F(ScanCliTest, VexStatementSuppressesByAlias) {
  const CliResult result =
      run_cli({"scan", sbom_, "--advisories", advisories_, "--vex", vex_, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, Not(HasSubstr("CVE-2026-1111")));
  EXPECT_THAT(result.out, HasSubstr("CVE-2026-2222"));

  const CliResult shown = run_cli({"scan", sbom_, "--advisories", advisories_, "--vex", vex_,
                                   "--show-suppressed", "--format", "json"});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("CVE-2026-1111"));
  EXPECT_THAT(shown.out, HasSubstr("vulnerable_code_not_in_execute_path"));
}

TEST_F(ScanCliTest, FailOnGatesOnSeverity) {
  const CliResult critical =
      run_cli({"scan", sbom_, "--advisories", advisories_, "--fail-on", "critical"});
  EXPECT_EQ(critical.exit_code, 1);
  EXPECT_THAT(critical.err, HasSubstr("CVE-2026-1111"));
  // With the critical one suppressed by VEX only the medium remains.
  const CliResult suppressed =
      run_cli({"scan", sbom_, "--advisories", advisories_, "--vex", vex_, "--fail-on", "critical"});
  EXPECT_EQ(suppressed.exit_code, 0) << suppressed.err;
  const CliResult bad = run_cli({"scan", sbom_, "--advisories", advisories_, "--fail-on", "huge"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(ScanCliTest, EveryReportFormatRendersAndWritesToAFile) {
  for (const char* format : {"table", "json", "sarif", "cyclonedx-vdr", "csv", "markdown"}) {
    const std::string out = (directory_ / (std::string("report.") + format)).string();
    const CliResult result =
        run_cli({"scan", sbom_, "--advisories", advisories_, "--format", format, "--out", out});
    ASSERT_EQ(result.exit_code, 0) << format << ": " << result.err;
    EXPECT_TRUE(result.out.empty()) << format;
    EXPECT_THAT(read_text(out), HasSubstr("CVE-2026-1111")) << format;
  }
  EXPECT_EQ(run_cli({"scan", sbom_, "--advisories", advisories_, "--format", "pdf"}).exit_code, 2);
}

TEST_F(ScanCliTest, UnreadableInputsAreErrorsNamingTheFile) {
  const std::string broken = write("broken.cdx.json", "{\"bomFormat\": \"CycloneDX\", ");
  const CliResult result = run_cli({"scan", broken, "--advisories", advisories_});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("broken.cdx.json"));

  const std::string bad_vex = write("bad.vex.json", R"({"hello": "world"})");
  const CliResult vex = run_cli({"scan", sbom_, "--advisories", advisories_, "--vex", bad_vex});
  EXPECT_EQ(vex.exit_code, 2);
  EXPECT_THAT(vex.err, HasSubstr("bad.vex.json"));
  EXPECT_THAT(vex.err, HasSubstr("not a VEX document"));

  const CliResult no_db =
      run_cli({"scan", sbom_, "--db", (directory_ / "absent" / "assay.db").string()});
  EXPECT_EQ(no_db.exit_code, 2);
}

TEST_F(ScanCliTest, ScansAgainstAnImportedDatabase) {
  const std::string db = (directory_ / "assay.db").string();
  const CliResult imported = run_cli({"db", "import", advisories_, "--db", db});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  const CliResult result = run_cli({"scan", sbom_, "--db", db, "--format", "markdown"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("CVE-2026-1111"));
  EXPECT_THAT(result.out, HasSubstr("CVE-2026-2222"));
}

// ---- assay advisory / assay vex ----

TEST_F(ScanCliTest, AdvisoryInspectReadsOsvJsonAndYaml) {
  const CliResult json_record =
      run_cli({"advisory", "inspect", advisories_ + "/TEST-2026-0001.json"});
  ASSERT_EQ(json_record.exit_code, 0) << json_record.err;
  EXPECT_THAT(json_record.out, HasSubstr("osv-json, 1 advisories"));
  EXPECT_THAT(json_record.out, HasSubstr("TEST-2026-0001 (CVE-2026-1111)"));
  EXPECT_THAT(json_record.out, HasSubstr("affects npm/left-pad ranges 1"));

  const CliResult yaml =
      run_cli({"advisory", "inspect", advisories_ + "/PYSEC-2026-1.yaml", "--format", "json"});
  ASSERT_EQ(yaml.exit_code, 0) << yaml.err;
  const auto parsed = json::parse(yaml.out, "stdout");
  ASSERT_TRUE(parsed.has_value()) << yaml.out;
  EXPECT_EQ(parsed->at("format"), "osv-yaml");
  EXPECT_EQ(parsed->at("advisories").at(0).at("id"), "PYSEC-2026-1");
}

TEST_F(ScanCliTest, AdvisoryValidateAndConvertCsaf) {
  ASSAY_SHARED_DATA_OR_SKIP(examples, "oasis-csaf/csaf_2.0/examples/csaf");
  const auto files = shared_files("oasis-csaf/csaf_2.0/examples/csaf", ".json");
  ASSERT_FALSE(files.empty());
  const std::string csaf = files.front().string();
  const CliResult valid = run_cli({"advisory", "validate", csaf});
  EXPECT_EQ(valid.exit_code, 0) << valid.out << valid.err;
  EXPECT_THAT(valid.out, HasSubstr(": valid, 0 errors"));

  const std::string osv = (directory_ / "converted.osv.json").string();
  const CliResult converted = run_cli({"advisory", "convert", csaf, "--to", "osv", "-o", osv});
  ASSERT_EQ(converted.exit_code, 0) << converted.err;
  EXPECT_TRUE(json::parse(read_text(osv), osv).has_value());

  const std::string broken = write("broken-csaf.json", R"({"document": {"csaf_version": "2.0",
      "category": "csaf_base", "title": "t"}})");
  const CliResult invalid = run_cli({"advisory", "validate", broken, "--format", "json"});
  EXPECT_EQ(invalid.exit_code, 1);
  EXPECT_THAT(invalid.out, HasSubstr("\"valid\": false"));
  EXPECT_THAT(invalid.out, HasSubstr("broken-csaf.json#/document"));
  EXPECT_EQ(run_cli({"advisory", "convert", csaf, "--to", "nvd"}).exit_code, 2);
}

TEST_F(ScanCliTest, VexInspectListsStatementsAndProblems) {
  const CliResult good = run_cli({"vex", "inspect", vex_});
  ASSERT_EQ(good.exit_code, 0) << good.out << good.err;
  EXPECT_THAT(good.out, HasSubstr("openvex VEX https://vendor.example/vex/1 by Vendor PSIRT"));
  EXPECT_THAT(good.out,
              HasSubstr("CVE-2026-1111: not_affected (vulnerable_code_not_in_execute_path)"));
  EXPECT_THAT(good.out, HasSubstr("product pkg:npm/left-pad@1.2.0"));

  const std::string bad = write("bad.openvex.json", R"({
    "@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a",
    "timestamp": "2026-01-01T00:00:00Z", "version": 1,
    "statements": [{"vulnerability": {"name": "CVE-1"}, "products": [{"@id": "pkg:npm/a@1"}],
                    "status": "affected"}]})");
  const CliResult problems = run_cli({"vex", "inspect", bad, "--format", "json"});
  EXPECT_EQ(problems.exit_code, 1);
  EXPECT_THAT(problems.out, HasSubstr("OPENVEX-ACTION"));
  EXPECT_THAT(problems.out, HasSubstr("bad.openvex.json#/statements/0"));
}

}  // namespace
}  // namespace assay::testing
