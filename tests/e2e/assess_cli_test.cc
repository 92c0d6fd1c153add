// End-to-end tests of `assay assess`, `assay check` and `assay pack init | validate`, over the
// example packs in examples/packs (a vendor that meets nearly everything and one with the typical
// gaps), with the example threat intelligence in examples/intel, at a fixed time.
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
using Json = nlohmann::json;

constexpr const char* kGood = "examples/packs/good-vendor";
constexpr const char* kGappy = "examples/packs/gappy-vendor";
constexpr const char* kIntel = "examples/intel";
constexpr const char* kNow = "2026-12-07T12:00:00Z";

class AssessCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_assess_cli_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::string path(const std::string& name) const { return (directory_ / name).string(); }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(directory_ / name) << text;
  }

  static const Json* find(const Json& list, const std::string& id) {
    for (const Json& item : list) {
      if (item["id"] == id) {
        return &item;
      }
    }
    return nullptr;
  }

  std::filesystem::path directory_;
};

TEST_F(AssessCliTest, GoodVendorMeetsNearlyEverything) {
  const CliResult result = run_cli({"assess", kGood, "--advisories", kIntel, "--now", kNow});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("Assessment of Northwind Ledger from Harbour Systems Ltd"));
  EXPECT_THAT(result.out, HasSubstr("Overall: ATTESTED\n"));
  EXPECT_THAT(result.out, HasSubstr("PASS     CHK-DIST-02"));    // OpenPGP release signature
  EXPECT_THAT(result.out, HasSubstr("PASS     CHK-SECTXT-01"));  // signed security.txt
  EXPECT_THAT(result.out, HasSubstr("PASS     CHK-VULN-01"));
  EXPECT_THAT(result.out, HasSubstr("What needs attention\n  nothing\n"));
  EXPECT_THAT(result.out, ::testing::Not(HasSubstr("FAIL")));
}

TEST_F(AssessCliTest, GappyVendorFailsWhereTheEvidenceContradictsIt) {
  const CliResult result =
      run_cli({"assess", kGappy, "--advisories", kIntel, "--now", kNow, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json json = Json::parse(result.out);
  EXPECT_EQ(json["overall"], "FAIL");
  EXPECT_EQ(json["product"]["name"], "Kestrel Case Manager");
  const auto verdict = [&json](const char* list, const char* id) {
    const Json* item = find(json[list], id);
    return item == nullptr ? std::string("missing") : (*item)["verdict"].get<std::string>();
  };
  // The gaps: expired security.txt, unsigned artefact, a KEV-listed component without VEX, six
  // months' notice of end of support, no incident plan.
  EXPECT_EQ(verdict("checks", "CHK-SECTXT-01"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-DIST-02"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-VULN-01"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-EOX-02"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-INC-01"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-SSCOP-02"), "FAIL");
  EXPECT_EQ(verdict("checks", "CHK-DIST-04"), "PASS");
  const Json* vuln = find(json["checks"], "CHK-VULN-01");
  EXPECT_THAT((*vuln)["details"][0].get<std::string>(),
              HasSubstr("CVE-2021-44228 in log4j-core 2.14.1 (critical, KEV)"));
  const Json* sectxt = find(json["checks"], "CHK-SECTXT-01");
  EXPECT_THAT((*sectxt)["details"].dump(), HasSubstr("SECTXT-EXPIRED"));
  const Json* notice = find(json["checks"], "CHK-EOX-02");
  EXPECT_THAT((*notice)["details"][0].get<std::string>(), HasSubstr("182 days' notice"));
  // The self-assessment claims all of these are met: INCONSISTENT.
  for (const char* id : {"3.1.1", "3.2.1", "3.3.1", "4.2.1", "4.3.1"}) {
    const Json* claim = find(json["claims"], id);
    ASSERT_NE(claim, nullptr) << id;
    EXPECT_EQ((*claim)["verdict"], "FAIL") << id;
    EXPECT_EQ((*claim)["inconsistent"], true) << id;
    EXPECT_EQ((*claim)["vendor_status"], "met") << id;
  }
  EXPECT_EQ(json["inconsistent"], 8);
  // Claims no check can see rest on the vendor's word.
  EXPECT_EQ(verdict("claims", "2.1.5"), "ATTESTED");
  EXPECT_EQ(verdict("items", "4.2"), "FAIL");
  EXPECT_EQ(verdict("items", "2"), "ATTESTED");
}

TEST_F(AssessCliTest, ResellerIsAssessedOnThemesThreeAndFourOnly) {
  const CliResult result = run_cli({"assess", "examples/packs/reseller", "--advisories", kIntel,
                                    "--now", kNow, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json json = Json::parse(result.out);
  EXPECT_EQ(json["product"]["role"], "reseller");
  for (const char* id : {"1", "2", "1.2", "2.1"}) {
    const Json* item = find(json["items"], id);
    ASSERT_NE(item, nullptr) << id;
    EXPECT_EQ((*item)["verdict"], "N/A") << id;
    EXPECT_THAT((*item)["reason"].get<std::string>(), HasSubstr("reseller")) << id;
  }
  EXPECT_EQ((*find(json["checks"], "CHK-SBOM-01"))["verdict"], "N/A");
  EXPECT_EQ((*find(json["checks"], "CHK-VULN-01"))["verdict"], "ATTESTED");
  EXPECT_EQ((*find(json["checks"], "CHK-DIST-02"))["verdict"], "FAIL");  // it distributes
  EXPECT_EQ((*find(json["checks"], "CHK-INC-01"))["verdict"], "PASS");
  EXPECT_EQ((*find(json["claims"], "3.1.1"))["inconsistent"], false);  // marked partial
}

TEST_F(AssessCliTest, SaasProductHasNoDistributionChecks) {
  const CliResult result = run_cli({"assess", "examples/packs/saas-vendor", "--advisories", kIntel,
                                    "--now", kNow, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json json = Json::parse(result.out);
  for (const char* id :
       {"CHK-SBOM-03", "CHK-DIST-01", "CHK-DIST-02", "CHK-DIST-03", "CHK-DIST-04"}) {
    const Json* check = find(json["checks"], id);
    EXPECT_EQ((*check)["verdict"], "N/A") << id;
    EXPECT_THAT((*check)["summary"].get<std::string>(), HasSubstr("SaaS")) << id;
  }
  EXPECT_EQ((*find(json["checks"], "CHK-SBOM-01"))["verdict"], "PASS");
  EXPECT_EQ((*find(json["checks"], "CHK-DOC-01"))["verdict"], "PASS");
  EXPECT_THAT((*find(json["checks"], "CHK-DOC-01"))["details"].dump(),
              HasSubstr("ports and firewall rules"));
  EXPECT_EQ((*find(json["claims"], "4.2.1"))["verdict"], "PASS");
  EXPECT_EQ(json["overall"], "WARN");
  EXPECT_EQ(json["inconsistent"], 0);
}

TEST_F(AssessCliTest, WithoutADatabaseTheVulnerabilityCheckIsNotApplicable) {
  const CliResult result = run_cli({"assess", kGappy, "--now", kNow});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("N/A      CHK-VULN-01"));
  EXPECT_THAT(result.out, HasSubstr("no vulnerability database"));
}

TEST_F(AssessCliTest, DatabaseBuiltWithDbImportGivesTheSameFinding) {
  const std::string db = path("assay.db");
  const CliResult imported =
      run_cli({"db", "import", std::string(kIntel) + "/GHSA-jfh8-c2jp-5v3q.json",
               std::string(kIntel) + "/known_exploited_vulnerabilities.json", "--db", db});
  ASSERT_EQ(imported.exit_code, 0) << imported.err << imported.out;
  const CliResult result = run_cli({"assess", kGappy, "--db", db, "--now", kNow});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("FAIL     CHK-VULN-01"));
  EXPECT_THAT(result.out, HasSubstr("CVE-2021-44228 in log4j-core 2.14.1"));
}

TEST_F(AssessCliTest, DraftCatalogueInMarkdownToAFile) {
  const std::string out = path("report.md");
  const CliResult result =
      run_cli({"assess", kGappy, "--advisories", kIntel, "--now", kNow, "--catalogue", "draft-2024",
               "--format", "markdown", "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_TRUE(result.out.empty());
  const std::string report = read_text(out);
  EXPECT_THAT(report, HasSubstr("# Assessment: Kestrel Case Manager"));
  EXPECT_THAT(report, HasSubstr("(`draft-2024`)"));
  EXPECT_THAT(report, HasSubstr("| 4.2 | Notice of end of support | FAIL |"));
  EXPECT_THAT(report, HasSubstr("| 3.6 | Welcome researchers (should) | WARN |"));
}

TEST_F(AssessCliTest, HtmlReportForProcurement) {
  const std::string out = path("gappy.html");
  const CliResult result = run_cli(
      {"assess", kGappy, "--advisories", kIntel, "--now", kNow, "--format", "html", "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const std::string html = read_text(out);
  EXPECT_THAT(html, HasSubstr("<title>Kestrel Case Manager from Kestrel Digital Services Ltd: "
                              "FAIL"));
  EXPECT_THAT(html, HasSubstr("8 claim(s) the supplier says are met are contradicted"));
  EXPECT_THAT(html, HasSubstr("CVE-2021-44228 in log4j-core 2.14.1"));
  EXPECT_THAT(html, HasSubstr("Question to ask the supplier:"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<script")));
}

TEST_F(AssessCliTest, CompareSuppliersSideBySide) {
  const CliResult text = run_cli({"compare", kGood, kGappy, "--advisories", kIntel, "--now", kNow});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_THAT(text.out, HasSubstr("[1] Northwind Ledger (Harbour Systems Ltd): overall ATTESTED"));
  EXPECT_THAT(text.out, HasSubstr("[2] Kestrel Case Manager (Kestrel Digital Services Ltd): "
                                  "overall FAIL, 8 INCONSISTENT"));
  EXPECT_THAT(text.out, ::testing::ContainsRegex("CHK-VULN-01 [^\n]*PASS +FAIL"));
  const std::string out = path("compare.html");
  const CliResult html = run_cli({"compare", kGood, kGappy, "--advisories", kIntel, "--now", kNow,
                                  "--format", "html", "--out", out});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  const std::string page = read_text(out);
  EXPECT_THAT(page, HasSubstr("<th scope=\"col\">Kestrel Case Manager (Kestrel Digital Services "
                              "Ltd)</th>"));
  EXPECT_THAT(page, HasSubstr("<caption>Checks</caption>"));
  EXPECT_EQ(run_cli({"compare", kGood}).exit_code, 2);  // needs two packs
}

TEST_F(AssessCliTest, CheckGatesOnThePolicy) {
  write("policy.json", R"({"fail_on": ["FAIL"], "ignore_checks": ["CHK-CE-01"]})");
  const CliResult good = run_cli(
      {"check", kGood, "--policy", path("policy.json"), "--advisories", kIntel, "--now", kNow});
  EXPECT_EQ(good.exit_code, 0) << good.out << good.err;
  EXPECT_THAT(good.out, HasSubstr("PASSED for Northwind Ledger"));
  const CliResult gappy = run_cli(
      {"check", kGappy, "--policy", path("policy.json"), "--advisories", kIntel, "--now", kNow});
  EXPECT_EQ(gappy.exit_code, 1);
  EXPECT_THAT(gappy.out, HasSubstr("FAILED for Kestrel Case Manager"));
  EXPECT_THAT(gappy.out, HasSubstr("CHK-VULN-01 FAIL"));
  EXPECT_THAT(gappy.out, HasSubstr("claim(s) INCONSISTENT"));
  EXPECT_THAT(gappy.err, HasSubstr("the policy fails"));
  // A stricter policy fails the good vendor on its ATTESTED checks too.
  write("strict.json", R"({"fail_on": ["FAIL", "WARN", "ATTESTED"]})");
  const CliResult strict = run_cli(
      {"check", kGood, "--policy", path("strict.json"), "--advisories", kIntel, "--now", kNow});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.out, HasSubstr("CHK-DIST-03 ATTESTED"));
}

TEST_F(AssessCliTest, CheckNeedsAPolicyAndRefusesABadOne) {
  EXPECT_EQ(run_cli({"check", kGood}).exit_code, 2);
  write("bad.json", R"({"eos_notice": 365})");
  const CliResult bad = run_cli({"check", kGood, "--policy", path("bad.json")});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("bad.json#/eos_notice"));
  EXPECT_THAT(bad.err, HasSubstr("POLICY-UNKNOWN-FIELD"));
}

TEST_F(AssessCliTest, PatchTimelinessAndCsafMetadataInTheExamples) {
  const CliResult gappy =
      run_cli({"assess", kGappy, "--advisories", kIntel, "--now", kNow, "--format", "json"});
  ASSERT_EQ(gappy.exit_code, 0) << gappy.err;
  const Json gappy_json = Json::parse(gappy.out);
  const Json* patch = find(gappy_json["checks"], "CHK-PATCH-01");
  ASSERT_NE(patch, nullptr);
  EXPECT_EQ((*patch)["verdict"], "FAIL");
  EXPECT_THAT((*patch)["details"].dump(),
              HasSubstr("CVE-2021-44228 in log4j-core 2.14.1 (KEV): published 2021-12-10"));
  EXPECT_THAT((*patch)["details"].dump(), HasSubstr("still unfixed in release 3.1.0"));
  const Json* csaf = find(gappy_json["checks"], "CHK-CSAF-01");
  ASSERT_NE(csaf, nullptr);
  EXPECT_EQ((*csaf)["verdict"], "WARN");
  EXPECT_THAT((*csaf)["summary"].get<std::string>(), HasSubstr("no CSAF provider metadata"));

  const CliResult good =
      run_cli({"assess", kGood, "--advisories", kIntel, "--now", kNow, "--format", "json"});
  ASSERT_EQ(good.exit_code, 0) << good.err;
  const Json good_json = Json::parse(good.out);
  EXPECT_EQ((*find(good_json["checks"], "CHK-PATCH-01"))["verdict"], "PASS");
  EXPECT_EQ((*find(good_json["checks"], "CHK-CSAF-01"))["verdict"], "PASS");
  EXPECT_EQ((*find(good_json["checks"], "CHK-CSAF-01"))["evidence"][0]["where"],
            "documents/csaf-provider-metadata.json");
}

TEST_F(AssessCliTest, CycloneDxAttestationValidatesAsCycloneDx16) {
  const std::string out = path("good.assessment.cdx.json");
  const CliResult result = run_cli({"assess", kGood, "--advisories", kIntel, "--now", kNow,
                                    "--format", "cyclonedx", "--out", out});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json json = Json::parse(read_text(out));
  EXPECT_EQ(json["bomFormat"], "CycloneDX");
  EXPECT_EQ(json["specVersion"], "1.6");
  EXPECT_EQ(json["declarations"]["targets"]["components"][0]["name"], "Northwind Ledger");
  EXPECT_EQ(json["declarations"]["attestations"][0]["map"].size(), 45U);
  // The official CycloneDX 1.6 schema, through assay's own validator.
  const CliResult validated = run_cli({"sbom", "validate", out});
  EXPECT_EQ(validated.exit_code, 0) << validated.out << validated.err;
  const CliResult help = run_cli({"assess", "--help"});
  EXPECT_THAT(help.out, HasSubstr("--format cyclonedx"));
  EXPECT_EQ(run_cli({"assess", kGood, "--format", "spdx"}).exit_code, 2);
}

TEST_F(AssessCliTest, UsageErrors) {
  const CliResult catalogue = run_cli({"assess", kGood, "--catalogue", "draft-2023"});
  EXPECT_EQ(catalogue.exit_code, 2);
  const CliResult missing = run_cli({"assess", path("no-such-pack")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("no such pack"));
  const CliResult now = run_cli({"assess", kGood, "--now", "yesterday"});
  EXPECT_EQ(now.exit_code, 2);
  EXPECT_THAT(now.err, HasSubstr("RFC 3339"));
  const CliResult help = run_cli({"assess", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("assay assess examples/packs/good-vendor"));
}

TEST_F(AssessCliTest, PackValidateExamplesAndBrokenManifests) {
  const CliResult good = run_cli({"pack", "validate", kGood});
  EXPECT_EQ(good.exit_code, 0) << good.out;
  EXPECT_THAT(good.out, HasSubstr("valid (0 error(s), 0 warning(s))"));
  std::filesystem::create_directories(directory_ / "broken");
  write("broken/assay-pack.json",
        R"({"format": "assay-pack/1", "vendor": {"legal_name": "X", "domain": "x.example"},
            "product": {"name": "P", "delivery_model": "cloud", "role": "reseller"},
            "releases": [{"version": "1", "sboms": [{"path": "../../etc/passwd"}]}]})");
  const CliResult broken = run_cli({"pack", "validate", path("broken"), "--format", "json"});
  EXPECT_EQ(broken.exit_code, 1);
  const Json json = Json::parse(broken.out);
  EXPECT_EQ(json["valid"], false);
  EXPECT_THAT(json["diagnostics"].dump(), HasSubstr("assay-pack.json#/product/delivery_model"));
  EXPECT_THAT(json["diagnostics"].dump(), HasSubstr("PACK-UNSAFE-PATH"));
  const CliResult absent = run_cli({"pack", "validate", path("absent")});
  EXPECT_EQ(absent.exit_code, 2);
  std::filesystem::create_directories(directory_ / "empty");
  EXPECT_EQ(run_cli({"pack", "validate", path("empty")}).exit_code, 2);
}

TEST_F(AssessCliTest, PackInitScaffoldsAPackToFillIn) {
  const CliResult init = run_cli({"pack", "init", path("new-pack")});
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_TRUE(std::filesystem::exists(directory_ / "new-pack" / "assay-pack.json"));
  EXPECT_TRUE(std::filesystem::exists(directory_ / "new-pack" / "policy.example.json"));
  EXPECT_TRUE(std::filesystem::is_directory(directory_ / "new-pack" / "sbom"));
  // The skeleton reads cleanly but names files the vendor has still to add.
  const CliResult validate = run_cli({"pack", "validate", path("new-pack")});
  EXPECT_EQ(validate.exit_code, 1);
  EXPECT_THAT(validate.out, HasSubstr("PACK-MISSING-FILE"));
  EXPECT_THAT(validate.out, ::testing::Not(HasSubstr("PACK-TYPE")));
  // The policy it writes is the documented default and is accepted by check.
  const CliResult check = run_cli({"check", kGood, "--policy", path("new-pack/policy.example.json"),
                                   "--advisories", kIntel, "--now", kNow});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  // It never overwrites.
  const CliResult again = run_cli({"pack", "init", path("new-pack")});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_THAT(again.err, HasSubstr("already exists"));
}

}  // namespace
}  // namespace assay::testing
