// Verdict roll-ups (claims, principles, themes, draft provisions), roles and delivery models,
// the policy file and gate, and the renderers.
#include "assay/assess/assessment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/test_pack.h"

namespace assay::assess {
namespace {

using test_pack::Json;
using test_pack::Pack;
using ::testing::HasSubstr;

const CatalogueSet& catalogues() {
  static const CatalogueSet kSet = [] {
    auto set = builtin_catalogues();
    EXPECT_TRUE(set.has_value());
    return set ? std::move(*set) : CatalogueSet{};
  }();
  return kSet;
}

Assessment run(const Pack& pack, std::string catalogue = std::string(kFinalCatalogue),
               const Policy& policy = {}, bool database = false) {
  const auto files = pack.build();
  auto source = test_pack::log4shell_source();
  AssessOptions options;
  options.now = test_pack::kNow;
  options.catalogue = std::move(catalogue);
  options.vulnerabilities = database ? source.get() : nullptr;
  auto assessment = assess(*files, catalogues(), policy, options);
  EXPECT_TRUE(assessment.has_value()) << assessment.error().to_string();
  return assessment ? std::move(*assessment) : Assessment{};
}

void answer(Pack& pack, const std::string& id, const std::string& status,
            const std::string& na_reason = "") {
  for (Json& claim : pack.manifest["self_assessment"]["claims"]) {
    if (claim["id"] == id) {
      claim["status"] = status;
      if (!na_reason.empty()) {
        claim["na_reason"] = na_reason;
      }
    }
  }
}

TEST(DateTest, DaysFromCivil) {
  EXPECT_EQ(date_to_days("1970-01-01"), 0);
  EXPECT_EQ(date_to_days("2026-12-07"), test_pack::kNow / 86400);
  EXPECT_EQ(*date_to_days("2027-04-30") - *date_to_days("2026-10-30"), 182);
  EXPECT_EQ(*date_to_days("2025-03-01") - *date_to_days("2024-02-28"), 367);  // leap year
  EXPECT_FALSE(date_to_days("2026-13-01"));
  EXPECT_FALSE(date_to_days("2026-1-01"));
  EXPECT_FALSE(date_to_days("26-01-01xx"));
}

TEST(ClaimVerdictTest, ChecksDecideFirstThenTheSelfAssessment) {
  Pack pack = test_pack::good_pack(catalogues());
  answer(pack, "1.4.2", "partial");
  answer(pack, "2.1.1", "not-met");
  answer(pack, "1.1.6", "n/a", "the product has no end users of its own");
  const Assessment assessment = run(pack);
  // 1.2.1 is decided by the SBOM checks.
  const ClaimResult* sbom = assessment.claim("1.2.1");
  ASSERT_NE(sbom, nullptr);
  EXPECT_EQ(sbom->verdict, Verdict::kPass);
  EXPECT_THAT(sbom->checks, ::testing::Contains("CHK-SBOM-01"));
  // 3.1.1: unsigned artefact in the test pack fails, and the vendor said met.
  const ClaimResult* integrity = assessment.claim("3.1.1");
  EXPECT_EQ(integrity->verdict, Verdict::kFail);
  EXPECT_TRUE(integrity->inconsistent);
  // No check covers these: the self-assessment stands.
  EXPECT_EQ(assessment.claim("1.1.1")->verdict, Verdict::kAttested);
  EXPECT_EQ(assessment.claim("1.1.1")->evidence.back().strength, Strength::kE0);
  EXPECT_EQ(assessment.claim("1.4.2")->verdict, Verdict::kWarn);
  EXPECT_EQ(assessment.claim("2.1.1")->verdict, Verdict::kFail);
  EXPECT_FALSE(assessment.claim("2.1.1")->inconsistent);
  EXPECT_EQ(assessment.claim("1.1.6")->verdict, Verdict::kNotApplicable);
  EXPECT_THAT(assessment.claim("1.1.6")->reason, HasSubstr("no end users"));
  EXPECT_EQ(assessment.claims.size(), 45U);
}

Json attestation_document(const CatalogueSet& set) {
  Json requirements = Json::array();
  Json map = Json::array();
  Json claims = Json::array();
  for (const Entry* claim : set.find(kFinalCatalogue)->of_kind(EntryKind::kClaim)) {
    requirements.push_back({{"bom-ref", "req-" + claim->id}, {"identifier", claim->id}});
    const double score = claim->id == "1.4.2" ? 0.5 : claim->id == "2.1.1" ? 0.0 : 1.0;
    map.push_back({{"requirement", "req-" + claim->id},
                   {"claims", Json::array({"claim-" + claim->id})},
                   {"conformance", {{"score", score}, {"rationale", "see evidence"}}}});
    claims.push_back({{"bom-ref", "claim-" + claim->id},
                      {"target", "app"},
                      {"predicate", "meets " + claim->id},
                      {"evidence", Json::array({"evidence-1"})}});
  }
  requirements.push_back({{"bom-ref", "req-extra"}, {"identifier", "ISO-A.5.1"}});
  map.push_back({{"requirement", "req-extra"}, {"claims", Json::array()}});
  return {{"bomFormat", "CycloneDX"},
          {"specVersion", "1.6"},
          {"serialNumber", "urn:uuid:1b671687-395b-41f5-a30f-a58921a69b79"},
          {"version", 1},
          {"metadata", {{"timestamp", "2026-11-01T00:00:00Z"}}},
          {"definitions",
           {{"standards", Json::array({{{"bom-ref", "sscop"},
                                        {"name", "Software Security Code of Practice"},
                                        {"version", "2025"},
                                        {"requirements", requirements}}})}}},
          {"declarations",
           {{"assessors", Json::array({{{"bom-ref", "self"}, {"thirdParty", false}}})},
            {"attestations",
             Json::array({{{"summary", "self-assessment"}, {"assessor", "self"}, {"map", map}}})},
            {"claims", claims},
            {"evidence", Json::array({{{"bom-ref", "evidence-1"},
                                       {"propertyName", "internal:framework"},
                                       {"description", "framework statement"}}})}}}};
}

TEST(ClaimVerdictTest, CycloneDxAttestationAnswersTheClaims) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["self_assessment"].erase("claims");
  pack.manifest["self_assessment"]["cyclonedx_attestation"] = "evidence/attestation.cdx.json";
  pack.files["evidence/attestation.cdx.json"] = attestation_document(catalogues()).dump();
  const Assessment assessment = run(pack);
  EXPECT_EQ(assessment.check("CHK-SSCOP-01")->verdict, Verdict::kWarn)
      << assessment.check("CHK-SSCOP-01")->summary;  // 1.4.2 partial
  EXPECT_EQ(assessment.claim("1.1.1")->verdict, Verdict::kAttested);
  EXPECT_EQ(assessment.claim("1.1.1")->vendor_status, ClaimStatus::kMet);
  EXPECT_THAT(assessment.claim("1.1.1")->evidence.back().where,
              HasSubstr("evidence/attestation.cdx.json#evidence-1"));
  EXPECT_EQ(assessment.claim("1.4.2")->verdict, Verdict::kWarn);
  EXPECT_EQ(assessment.claim("2.1.1")->verdict, Verdict::kFail);
  EXPECT_TRUE(assessment.claim("3.1.1")->inconsistent);  // met (score 1), unsigned artefact
  bool ignored = false;
  for (const Diagnostic& diagnostic : assessment.pack_diagnostics) {
    ignored = ignored || (diagnostic.code == "PACK-ATTESTATION" &&
                          diagnostic.message.find("ISO-A.5.1") != std::string::npos);
  }
  EXPECT_TRUE(ignored);
}

TEST(ClaimVerdictTest, UnreadableAttestationIsAPackError) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["self_assessment"].erase("claims");
  pack.manifest["self_assessment"]["cyclonedx_attestation"] = "evidence/attestation.cdx.json";
  pack.files["evidence/attestation.cdx.json"] = R"({"bomFormat": "CycloneDX", "specVersion": "1.6",
      "version": 1})";
  const PackValidation validation = validate_pack(*pack.build(), catalogues());
  EXPECT_FALSE(validation.valid());
  bool found = false;
  for (const Diagnostic& diagnostic : validation.diagnostics) {
    found = found || (diagnostic.code == "PACK-ATTESTATION" &&
                      diagnostic.message.find("no declarations.attestations") != std::string::npos);
  }
  EXPECT_TRUE(found);
  // Without answers the self-assessment is incomplete.
  EXPECT_EQ(run(pack).check("CHK-SSCOP-01")->verdict, Verdict::kFail);
}

TEST(ClaimVerdictTest, NoUsableSelfAssessmentFailsEveryUncheckedClaim) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["self_assessment"]["senior_responsible_owner"]["date"] = "2024-01-01";
  const Assessment assessment = run(pack);
  EXPECT_EQ(assessment.claim("1.1.1")->verdict, Verdict::kFail);
  EXPECT_THAT(assessment.claim("1.1.1")->reason, HasSubstr("no usable self-assessment"));
  // A claim a check decides is unaffected.
  EXPECT_EQ(assessment.claim("1.2.1")->verdict, Verdict::kPass);
}

TEST(ClaimVerdictTest, AttestedCheckStillNeedsTheSelfAssessment) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["links"]["incident_support_plan"].erase("file");  // CHK-INC-01 ATTESTED
  answer(pack, "4.3.1", "not-met");
  const Assessment assessment = run(pack);
  EXPECT_EQ(assessment.check("CHK-INC-01")->verdict, Verdict::kAttested);
  EXPECT_EQ(assessment.claim("4.3.1")->verdict, Verdict::kFail);
  EXPECT_THAT(assessment.claim("4.3.1")->checks, ::testing::Contains("CHK-INC-01"));
}

TEST(RollUpTest, PrinciplesAndThemesTakeTheWorstClaim) {
  const Assessment assessment = run(test_pack::good_pack(catalogues()));
  EXPECT_EQ(assessment.catalogue_id, "final-2025");
  EXPECT_EQ(assessment.items.size(), 18U);                     // 4 themes + 14 principles
  EXPECT_EQ(assessment.item("3.1")->verdict, Verdict::kFail);  // unsigned artefact
  EXPECT_EQ(assessment.item("3")->verdict, Verdict::kFail);
  EXPECT_EQ(assessment.item("3.2")->verdict, Verdict::kWarn);  // unsigned security.txt
  EXPECT_EQ(assessment.item("1.1")->verdict, Verdict::kAttested);
  EXPECT_EQ(assessment.item("4.2")->verdict, Verdict::kPass);
  EXPECT_EQ(assessment.overall, Verdict::kFail);
  EXPECT_THAT(assessment.item("1.1")->reason, HasSubstr("6 ATTESTED"));
}

TEST(RollUpTest, DraftCatalogueShowsTheSameEvidenceAndSoftensShould) {
  Pack pack = test_pack::good_pack(catalogues());
  answer(pack, "1.4.1", "not-met");  // draft 1.5 (should) maps to 1.4.1 and 1.4.4
  answer(pack, "1.4.2", "not-met");  // draft 1.4 (shall) maps to 1.4.2, 1.4.3, 1.4.5
  const Assessment draft = run(pack, "draft-2024");
  const Assessment final_view = run(pack);
  EXPECT_EQ(draft.catalogue_id, "draft-2024");
  EXPECT_EQ(draft.items.size(), 25U);  // 4 principles + 21 provisions
  EXPECT_EQ(draft.item("1.4")->verdict, Verdict::kFail);
  EXPECT_EQ(draft.item("1.5")->verdict, Verdict::kWarn);
  EXPECT_THAT(draft.item("1.5")->reason, HasSubstr("should"));
  EXPECT_EQ(draft.item("1.5")->level, Level::kShould);
  // Same checks and claim verdicts under both views.
  ASSERT_EQ(draft.checks.size(), final_view.checks.size());
  for (std::size_t i = 0; i < draft.checks.size(); ++i) {
    EXPECT_EQ(draft.checks[i].verdict, final_view.checks[i].verdict) << draft.checks[i].id;
  }
  for (std::size_t i = 0; i < draft.claims.size(); ++i) {
    EXPECT_EQ(draft.claims[i].verdict, final_view.claims[i].verdict) << draft.claims[i].id;
  }
  // Draft 3.1 (secure distribution) shows the failing signature check like final 3.1.
  EXPECT_EQ(draft.item("3.1")->verdict, Verdict::kFail);
}

TEST(RoleTest, ResellerClaimsOutsideThemesThreeAndFourAreNotApplicable) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["product"]["role"] = "reseller";
  const Assessment assessment = run(pack);
  EXPECT_EQ(assessment.claim("1.2.1")->verdict, Verdict::kNotApplicable);
  EXPECT_THAT(assessment.claim("1.2.1")->reason, HasSubstr("reseller"));
  EXPECT_EQ(assessment.item("1")->verdict, Verdict::kNotApplicable);
  EXPECT_EQ(assessment.item("2.1")->verdict, Verdict::kNotApplicable);
  EXPECT_NE(assessment.item("3.2")->verdict, Verdict::kNotApplicable);
  // Checks that serve only claims outside the role are N/A, so a gate does not fail a reseller
  // on what the Code leaves to the developer; the finding is kept in the details.
  pack.files.erase("sbom/ledger.cdx.json");
  const Assessment without_sbom = run(pack);
  const CheckResult* sbom = without_sbom.check("CHK-SBOM-01");
  EXPECT_EQ(sbom->verdict, Verdict::kNotApplicable);
  EXPECT_THAT(sbom->summary, HasSubstr("does not apply claims 1.2.1 to a reseller"));
  EXPECT_THAT(sbom->details.at(0), HasSubstr("found: FAIL"));
  EXPECT_EQ(without_sbom.check("CHK-SBOM-03")->verdict, Verdict::kWarn);  // 3.1.1 applies
}

TEST(RoleTest, DeveloperOnlyHasNoThemeFour) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["product"]["role"] = "developer-only";
  const Assessment assessment = run(pack);
  EXPECT_EQ(assessment.item("4")->verdict, Verdict::kNotApplicable);
  EXPECT_EQ(assessment.claim("4.2.1")->verdict, Verdict::kNotApplicable);
  EXPECT_NE(assessment.item("1")->verdict, Verdict::kNotApplicable);
}

TEST(DeliveryTest, SaasMakesDistributionChecksNotApplicableButNotPass) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["product"]["delivery_model"] = "saas";
  const Assessment assessment = run(pack);
  for (const char* id :
       {"CHK-SBOM-03", "CHK-DIST-01", "CHK-DIST-02", "CHK-DIST-03", "CHK-DIST-04"}) {
    EXPECT_EQ(assessment.check(id)->verdict, Verdict::kNotApplicable) << id;
    EXPECT_THAT(assessment.check(id)->summary, HasSubstr("SaaS")) << id;
  }
  // 3.1.2 then rests on the vendor's attestation.
  EXPECT_EQ(assessment.claim("3.1.2")->verdict, Verdict::kAttested);
}

TEST(AssessTest, UnknownCatalogueAndMissingManifestFail) {
  const auto files = test_pack::good_pack(catalogues()).build();
  AssessOptions options;
  options.catalogue = "draft-2023";
  auto unknown = assess(*files, catalogues(), Policy{}, options);
  ASSERT_FALSE(unknown.has_value());
  EXPECT_THAT(unknown.error().message, HasSubstr("choose final-2025 or draft-2024"));
  MemoryPackFiles empty("empty");
  auto missing = assess(empty, catalogues(), Policy{}, AssessOptions{});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidInput);
}

TEST(AssessTest, ManifestProblemsAreKeptAndShowAsFailingChecks) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.files.erase("sbom/ledger.cdx.json");
  const Assessment assessment = run(pack);
  bool missing = false;
  for (const Diagnostic& diagnostic : assessment.pack_diagnostics) {
    missing = missing || diagnostic.code == "PACK-MISSING-FILE";
  }
  EXPECT_TRUE(missing);
  EXPECT_EQ(assessment.check("CHK-SBOM-01")->verdict, Verdict::kFail);
}

// --- policy and gate --------------------------------------------------------------------------

TEST(PolicyTest, DefaultsRoundTrip) {
  auto policy = read_policy(default_policy_json(), "policy.json");
  ASSERT_TRUE(policy.has_value()) << policy.error().to_string();
  EXPECT_EQ(policy->eos_notice_days, 365);
  EXPECT_EQ(policy->fail_on, std::vector<Verdict>{Verdict::kFail});
}

TEST(PolicyTest, ReadsEveryField) {
  auto policy = read_policy(R"({"sbom_profile": "bsi-tr-03183-2", "require_signatures": false,
      "eos_notice_days": 400, "vex_coverage_pass": 0.75, "fail_on": ["FAIL", "WARN"],
      "ignore_checks": ["CHK-CE-01"], "require_cyber_essentials_plus": true})",
                            "p.json");
  ASSERT_TRUE(policy.has_value()) << policy.error().to_string();
  EXPECT_EQ(policy->sbom_profile, "bsi-tr-03183-2");
  EXPECT_FALSE(policy->require_signatures);
  EXPECT_EQ(policy->eos_notice_days, 400);
  EXPECT_DOUBLE_EQ(policy->vex_coverage_pass, 0.75);
  EXPECT_EQ(policy->fail_on.size(), 2U);
  EXPECT_TRUE(policy->require_cyber_essentials_plus);
}

TEST(PolicyTest, ReadsPatchAndCsafThresholds) {
  const Policy defaults;
  EXPECT_EQ(defaults.patch_days_kev, 14);  // standards-reference.md §5.1 CHK-PATCH-01
  EXPECT_EQ(defaults.patch_days_critical, 30);
  EXPECT_EQ(defaults.patch_days_high, 60);
  EXPECT_DOUBLE_EQ(defaults.patch_late_warn_share, 0.2);
  EXPECT_EQ(defaults.csaf_max_age_days, 365);
  auto policy = read_policy(R"({"patch_days_kev": 7, "patch_days_critical": 14,
      "patch_days_high": 30, "patch_late_warn_share": 0, "csaf_max_age_days": 90})",
                            "p.json");
  ASSERT_TRUE(policy.has_value()) << policy.error().to_string();
  EXPECT_EQ(policy->patch_days_kev, 7);
  EXPECT_EQ(policy->patch_days_critical, 14);
  EXPECT_EQ(policy->patch_days_high, 30);
  EXPECT_DOUBLE_EQ(policy->patch_late_warn_share, 0.0);
  EXPECT_EQ(policy->csaf_max_age_days, 90);
  EXPECT_THAT(default_policy_json(), HasSubstr("\"patch_days_kev\": 14"));
}

struct PolicyErrorCase {
  std::string name;
  std::string text;
  std::string message;
  std::string location;
};

void PrintTo(const PolicyErrorCase& c, std::ostream* os) {
  *os << c.name;
}

class PolicyErrorTest : public ::testing::TestWithParam<PolicyErrorCase> {};

TEST_P(PolicyErrorTest, Refuses) {
  auto policy = read_policy(GetParam().text, "p.json");
  ASSERT_FALSE(policy.has_value());
  EXPECT_EQ(policy.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(policy.error().message, HasSubstr(GetParam().message));
  EXPECT_EQ(policy.error().location, GetParam().location);
}

INSTANTIATE_TEST_SUITE_P(
    Policies, PolicyErrorTest,
    ::testing::Values(PolicyErrorCase{"UnknownField", R"({"eos_notice": 365})",
                                      "POLICY-UNKNOWN-FIELD", "p.json#/eos_notice"},
                      PolicyErrorCase{"NegativeDays", R"({"eos_notice_days": -1})",
                                      "whole number of days", "p.json#/eos_notice_days"},
                      PolicyErrorCase{"FractionalDays", R"({"eos_notice_days": 1.5})",
                                      "whole number of days", "p.json#/eos_notice_days"},
                      PolicyErrorCase{"ShareOverOne", R"({"vex_coverage_pass": 2})",
                                      "share from 0 to 1", "p.json#/vex_coverage_pass"},
                      PolicyErrorCase{"NegativePatchDays", R"({"patch_days_kev": -3})",
                                      "whole number of days", "p.json#/patch_days_kev"},
                      PolicyErrorCase{"PatchShareOverOne", R"({"patch_late_warn_share": 1.5})",
                                      "share from 0 to 1", "p.json#/patch_late_warn_share"},
                      PolicyErrorCase{"CsafAgeNotANumber", R"({"csaf_max_age_days": "year"})",
                                      "number", "p.json#/csaf_max_age_days"},
                      PolicyErrorCase{"BadProfile", R"({"sbom_profile": "spdx"})",
                                      "unknown SBOM profile", "p.json#/sbom_profile"},
                      PolicyErrorCase{"BadVerdict", R"({"fail_on": ["PASS"]})", "fail_on takes",
                                      "p.json#/fail_on"},
                      PolicyErrorCase{"UnknownCheck", R"({"ignore_checks": ["CHK-NOPE"]})",
                                      "unknown check", "p.json#/ignore_checks"},
                      PolicyErrorCase{"WrongType", R"({"sbom_required": "yes"})", "true or false",
                                      "p.json#/sbom_required"}),
    [](const ::testing::TestParamInfo<PolicyErrorCase>& param_info) {
      return param_info.param.name;
    });

TEST(GateTest, FailsOnFailingChecksAndInconsistencyUnlessIgnored) {
  Pack pack = test_pack::good_pack(catalogues());
  const Assessment assessment = run(pack);  // unsigned artefact: CHK-DIST-02 FAIL, 3.1.1 met
  Policy policy;
  GateResult gate = apply_gate(assessment, policy);
  EXPECT_FALSE(gate.passed);
  EXPECT_THAT(::testing::PrintToString(gate.reasons), HasSubstr("CHK-DIST-02 FAIL"));
  EXPECT_THAT(::testing::PrintToString(gate.reasons), HasSubstr("INCONSISTENT"));
  policy.ignore_checks = {"CHK-DIST-02", "CHK-SSCOP-02"};
  policy.fail_on_inconsistent = false;
  gate = apply_gate(assessment, policy);
  EXPECT_TRUE(gate.passed) << ::testing::PrintToString(gate.reasons);
  policy.fail_on = {Verdict::kFail, Verdict::kWarn};
  gate = apply_gate(assessment, policy);
  EXPECT_FALSE(gate.passed);  // CHK-SECTXT-01 WARN (unsigned security.txt)
  EXPECT_THAT(::testing::PrintToString(gate.reasons), HasSubstr("CHK-SECTXT-01 WARN"));
}

// --- renderers --------------------------------------------------------------------------------

TEST(RenderTest, JsonGivesEveryItemClaimAndCheckWithVerdictAndEvidence) {
  Pack pack = test_pack::good_pack(catalogues());
  const Assessment assessment = run(pack, "draft-2024");
  const Json json = Json::parse(to_json(assessment));
  EXPECT_EQ(json["format"], "assay-assessment/1");
  EXPECT_EQ(json["catalogue"]["id"], "draft-2024");
  EXPECT_EQ(json["items"].size(), 25U);
  EXPECT_EQ(json["claims"].size(), 45U);
  EXPECT_EQ(json["checks"].size(), check_ids().size());
  EXPECT_EQ(json["overall"], "FAIL");
  for (const Json& claim : json["claims"]) {
    EXPECT_TRUE(claim.contains("id") && claim.contains("verdict") && claim.contains("evidence"));
  }
  const Json& sbom = json["checks"][0];
  EXPECT_EQ(sbom["id"], "CHK-SBOM-01");
  EXPECT_EQ(sbom["verdict"], "PASS");
  EXPECT_EQ(sbom["evidence"][0]["strength"], "E1");
  EXPECT_THAT(sbom["evidence"][0]["digest"].get<std::string>(), HasSubstr("sha256:"));
  EXPECT_FALSE(sbom["question"].get<std::string>().empty());
  const Json& claim_311 = json["claims"][29];
  EXPECT_EQ(claim_311["id"], "3.1.1");
  EXPECT_EQ(claim_311["inconsistent"], true);
  EXPECT_EQ(claim_311["vendor_status"], "met");
}

TEST(RenderTest, TextAndMarkdownLeadWithTheSummary) {
  const Assessment assessment = run(test_pack::good_pack(catalogues()));
  const std::string text = to_text(assessment);
  EXPECT_THAT(text, HasSubstr("Assessment of Ledger from Good Vendor Ltd"));
  EXPECT_THAT(text, HasSubstr("Overall: FAIL (1 claim(s) INCONSISTENT"));
  EXPECT_LT(text.find("Summary"), text.find("What needs attention"));
  EXPECT_THAT(text, HasSubstr("Ask the vendor: How can we verify"));
  const std::string markdown = to_markdown(assessment);
  EXPECT_THAT(markdown, HasSubstr("| 3.1 | Distribute securely | FAIL |"));
  EXPECT_THAT(markdown, HasSubstr("**Ask the vendor:**"));
  EXPECT_THAT(markdown, HasSubstr("3.1.1 Customers can check"));
}

TEST(RenderTest, HtmlIsSelfContainedAccessibleAndEscaped) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.manifest["vendor"]["legal_name"] = "Good <Vendor> & Sons";
  const std::string html = to_html(run(pack));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0), 0U);
  EXPECT_THAT(html, HasSubstr("Good &lt;Vendor&gt; &amp; Sons"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<Vendor>")));
  // Self-contained: no scripts, no external style sheets or images.
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<script")));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<link")));
  EXPECT_THAT(html, ::testing::Not(HasSubstr("<img")));
  // Structure: one h1, the summary before the detail, tables with captions and header cells.
  EXPECT_EQ(html.find("<h1"), html.rfind("<h1"));
  EXPECT_LT(html.find("Summary by principle"), html.find("What needs attention"));
  EXPECT_LT(html.find("What needs attention"), html.find("Checks and evidence"));
  EXPECT_THAT(html, HasSubstr("<caption>Result for each theme and principle</caption>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"col\">Result</th>"));
  EXPECT_THAT(html, HasSubstr("<th scope=\"row\">3.1</th>"));
  EXPECT_THAT(html, HasSubstr("<a class=\"skip\" href=\"#main\">"));
  EXPECT_THAT(html, HasSubstr("@media print"));
  EXPECT_THAT(html, HasSubstr("<strong class=\"tag tag--fail\">FAIL</strong>"));
  EXPECT_THAT(html, HasSubstr("Question to ask the supplier:</strong> How can we verify"));
  EXPECT_THAT(html, HasSubstr("INCONSISTENT"));
}

}  // namespace
}  // namespace assay::assess
