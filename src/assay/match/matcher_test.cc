// Tests for the matcher: the rules of design.md §4, each with a case that would catch its loss.
#include "assay/match/matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/match/severity.h"
#include "assay/match/source.h"

namespace assay::match {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

model::Component component(const std::string& ref, const std::string& purl,
                           const std::string& version = "") {
  model::Component result;
  result.ref = ref;
  result.purl = purl;
  result.purl_canonical = purl;
  result.version = version;
  const std::size_t slash = purl.rfind('/');
  const std::size_t at = purl.find('@');
  result.name = slash == std::string::npos ? ref : purl.substr(slash + 1, at - slash - 1);
  return result;
}

model::Sbom sbom_of(std::vector<model::Component> components) {
  model::Sbom sbom;
  model::Component app;
  app.ref = "app";
  app.name = "council-portal";
  app.type = model::ComponentType::kApplication;
  sbom.metadata.subject_ref = "app";
  sbom.components.push_back(app);
  for (model::Component& item : components) {
    sbom.relationships.push_back({"app", model::RelationshipType::kDependsOn, item.ref, "", ""});
    sbom.components.push_back(std::move(item));
  }
  return sbom;
}

version::OsvRange range(version::OsvRangeType type,
                        std::vector<std::pair<version::OsvEventKind, std::string>> events) {
  version::OsvRange result;
  result.type = type;
  for (auto& [kind, text] : events) {
    result.events.push_back({kind, text});
  }
  return result;
}

using K = version::OsvEventKind;
constexpr auto kEco = version::OsvRangeType::kEcosystem;

model::Advisory advisory(const std::string& id, const std::string& ecosystem,
                         const std::string& name, version::OsvRange affected_range,
                         std::vector<std::string> aliases = {}) {
  model::Advisory result;
  result.id = id;
  result.aliases = std::move(aliases);
  result.summary = "summary of " + id;
  model::AffectedPackage affected;
  affected.ecosystem = ecosystem;
  affected.name = name;
  affected.ranges.push_back(std::move(affected_range));
  result.affected.push_back(std::move(affected));
  return result;
}

ScanResult run(const model::Sbom& sbom, InMemorySource& source,
               const std::vector<model::VexStatement>& vex = {}, ScanOptions options = {}) {
  auto result = scan(sbom, vex, source, options);
  EXPECT_TRUE(result.has_value());
  return result ? std::move(result).value() : ScanResult{};
}

TEST(MatcherTest, VersionInsideRangeIsAffectedWithNearestFix) {
  InMemorySource source;
  auto record = advisory("PYSEC-1", "PyPI", "django",
                         range(kEco, {{K::kIntroduced, "0"},
                                      {K::kFixed, "3.2.20"},
                                      {K::kIntroduced, "4.0"},
                                      {K::kFixed, "4.1.10"}}));
  source.add(record);
  const model::Sbom sbom = sbom_of({component("d", "pkg:pypi/django@4.1.2", "4.1.2")});
  const ScanResult result = run(sbom, source);
  ASSERT_EQ(result.findings.size(), 1U);
  const Finding& finding = result.findings[0];
  EXPECT_EQ(finding.id, "PYSEC-1");
  EXPECT_EQ(finding.verdict, Verdict::kAffected);
  EXPECT_THAT(finding.fixed_versions, ElementsAre("3.2.20", "4.1.10"));
  EXPECT_EQ(finding.nearest_fix, "4.1.10");
  EXPECT_EQ(finding.component.depth, 1U);
  EXPECT_THAT(finding.component.path, ElementsAre("app", "d"));
  EXPECT_EQ(result.checked, 1U);
}

TEST(MatcherTest, FixedVersionAndAboveAreClean) {
  InMemorySource source;
  source.add(advisory("PYSEC-1", "PyPI", "django",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "4.1.10"}})));
  EXPECT_TRUE(
      run(sbom_of({component("d", "pkg:pypi/django@4.1.10", "4.1.10")}), source).findings.empty());
  EXPECT_TRUE(
      run(sbom_of({component("d", "pkg:pypi/django@5.0", "5.0")}), source).findings.empty());
}

TEST(MatcherTest, UnsortedEventsAreSortedBeforeEvaluation) {
  InMemorySource source;
  source.add(advisory("GHSA-u", "npm", "lodash",
                      range(kEco, {{K::kFixed, "4.17.21"}, {K::kIntroduced, "4.0.0"}})));
  const ScanResult result =
      run(sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20")}), source);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].verdict, Verdict::kAffected);
}

TEST(MatcherTest, WithdrawnAdvisoriesNeverMatch) {
  InMemorySource source;
  auto record = advisory("GHSA-w", "npm", "lodash",
                         range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "5.0.0"}}));
  record.withdrawn = "2024-01-01T00:00:00Z";
  source.add(record);
  EXPECT_TRUE(
      run(sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20")}), source).findings.empty());
}

TEST(MatcherTest, AliasesMergeIntoOneFindingShownByCve) {
  InMemorySource source;
  source.add(advisory("GHSA-aaaa", "PyPI", "jinja2",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "2.11.3"}}),
                      {"CVE-2020-28493"}));
  source.add(advisory("PYSEC-2021-66", "PyPI", "jinja2",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "2.11.3"}}),
                      {"CVE-2020-28493", "GHSA-aaaa"}));
  const ScanResult result = run(sbom_of({component("j", "pkg:pypi/jinja2@2.10", "2.10")}), source);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].id, "CVE-2020-28493");
  EXPECT_THAT(result.findings[0].aliases, ElementsAre("GHSA-aaaa", "PYSEC-2021-66"));
  EXPECT_THAT(result.findings[0].sources, ElementsAre("GHSA-aaaa", "PYSEC-2021-66"));
}

TEST(MatcherTest, UnparseableVersionIsPossiblyAffectedWithReason) {
  InMemorySource source;
  source.add(advisory("PYSEC-2", "PyPI", "requests",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "2.31.0"}})));
  const ScanResult result = run(
      sbom_of({component("r", "pkg:pypi/requests@not%20a%20version", "not a version")}), source);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].verdict, Verdict::kPossiblyAffected);
  EXPECT_FALSE(result.findings[0].reason.empty());
}

TEST(MatcherTest, MissingVersionIsPossiblyAffectedNotDropped) {
  InMemorySource source;
  source.add(advisory("PYSEC-2", "PyPI", "requests",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "2.31.0"}})));
  const ScanResult result = run(sbom_of({component("r", "pkg:pypi/requests")}), source);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].verdict, Verdict::kPossiblyAffected);
  EXPECT_THAT(result.findings[0].reason, HasSubstr("no version"));
}

TEST(MatcherTest, ComponentsWithoutIdentityAreReportedAsSkipped) {
  InMemorySource source;
  model::Component bare;
  bare.ref = "bare";
  bare.name = "mystery";
  bare.version = "1.0";
  model::Component with_cpe = bare;
  with_cpe.ref = "cpe-only";
  with_cpe.cpes.push_back("cpe:2.3:a:acme:widget:1.0:*:*:*:*:*:*:*");
  const ScanResult result =
      run(sbom_of({bare, with_cpe, component("g", "pkg:generic/thing@1.0", "1.0")}), source);
  ASSERT_EQ(result.skipped.size(), 3U);
  EXPECT_EQ(result.skipped[0].reason, "it has no purl");
  EXPECT_THAT(result.skipped[1].reason, HasSubstr("--cpe"));
  EXPECT_THAT(result.skipped[2].reason, HasSubstr("\"generic\" has no advisory ecosystem"));
  EXPECT_EQ(result.checked, 0U);
}

TEST(MatcherTest, CpeMatchingIsOptInAndLabelled) {
  InMemorySource source;
  model::Advisory record = advisory("CSAF-1", "generic", "widget",
                                    range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "2.0"}}));
  record.affected[0].cpes.push_back("cpe:2.3:a:acme:widget:*:*:*:*:*:*:*:*");
  source.add(record);
  model::Component widget;
  widget.ref = "w";
  widget.name = "widget";
  widget.version = "1.0";
  widget.cpes.push_back("cpe:2.3:a:acme:widget:1.0:*:*:*:*:*:*:*");
  EXPECT_TRUE(run(sbom_of({widget}), source).findings.empty());
  ScanOptions options;
  options.match_cpe = true;
  const ScanResult result = run(sbom_of({widget}), source, {}, options);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].method, MatchMethod::kCpe);
  EXPECT_THAT(result.findings[0].reason, HasSubstr("matched by CPE"));
}

TEST(MatcherTest, GoSemverRangesMatchVersionsWithLeadingV) {
  InMemorySource source;
  source.add(advisory(
      "GO-2023-0001", "Go", "github.com/gin-gonic/gin",
      range(version::OsvRangeType::kSemver, {{K::kIntroduced, "0"}, {K::kFixed, "1.9.1"}})));
  const ScanResult result = run(
      sbom_of({component("g", "pkg:golang/github.com/gin-gonic/gin@v1.9.0", "v1.9.0")}), source);
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_EQ(result.findings[0].nearest_fix, "1.9.1");
}

TEST(MatcherTest, GoToolchainPurlsMatchTheStdlibRecords) {
  // GO-2023-1569's ranges: stdlib < 1.19.6, and 1.20.0-0 <= stdlib < 1.20.1.
  InMemorySource source;
  source.add(advisory("GO-2023-1569", "Go", "stdlib",
                      range(version::OsvRangeType::kSemver, {{K::kIntroduced, "0"},
                                                             {K::kFixed, "1.19.6"},
                                                             {K::kIntroduced, "1.20.0-0"},
                                                             {K::kFixed, "1.20.1"}})));
  const struct {
    const char* purl;
    bool affected;
  } cases[] = {
      {"pkg:golang/stdlib@1.19.5", true},      {"pkg:golang/stdlib@go1.19.5", true},
      {"pkg:golang/stdlib@v1.19.6", false},    {"pkg:golang/stdlib@go1.20", true},
      {"pkg:golang/stdlib@go1.20rc1", true},   {"pkg:golang/stdlib@go1.20.1", false},
      {"pkg:golang/stdlib@go1.18beta2", true}, {"pkg:golang/stdlib@1.21.0", false},
  };
  for (const auto& item : cases) {
    const ScanResult result = run(sbom_of({component("go", item.purl, "")}), source);
    EXPECT_EQ(result.checked, 1U) << item.purl;
    EXPECT_EQ(result.findings.size(), item.affected ? 1U : 0U) << item.purl;
  }
  // Other golang purls still need their namespace.
  const ScanResult other = run(sbom_of({component("x", "pkg:golang/gin@1.0.0", "1.0.0")}), source);
  EXPECT_EQ(other.checked, 0U);
  ASSERT_EQ(other.skipped.size(), 1U);
}

TEST(MatcherTest, DistributionReleasesMustAgreeWhenBothAreKnown) {
  InMemorySource source;
  source.add(advisory("DSA-1", "Debian:11", "openssl",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "1.1.1n-0+deb11u4"}})));
  const model::Sbom bookworm = sbom_of({component(
      "o", "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-12", "3.0.11-1~deb12u2")});
  EXPECT_TRUE(run(bookworm, source).findings.empty());
  const model::Sbom bullseye = sbom_of({component(
      "o", "pkg:deb/debian/openssl@1.1.1n-0+deb11u3?distro=debian-11", "1.1.1n-0+deb11u3")});
  EXPECT_EQ(run(bullseye, source).findings.size(), 1U);
}

model::VexStatement statement(const std::string& id, model::VexStatus status) {
  model::VexStatement result;
  result.vulnerability = id;
  result.status = status;
  result.justification = "vulnerable_code_not_in_execute_path";
  result.source_document = "vex.json";
  return result;
}

TEST(MatcherTest, VexNotAffectedOnTheComponentSuppresses) {
  InMemorySource source;
  source.add(advisory("GHSA-x", "npm", "lodash",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "4.17.21"}}),
                      {"CVE-2021-23337"}));
  const model::Sbom sbom = sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20")});
  model::VexStatement vex = statement("CVE-2021-23337", model::VexStatus::kNotAffected);
  vex.products.push_back({"", "pkg:npm/lodash", "", "", {}, ""});  // any version
  const ScanResult result = run(sbom, source, {vex});
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_TRUE(result.findings[0].suppressed);
  ASSERT_TRUE(result.findings[0].vex.has_value());
  EXPECT_EQ(result.findings[0].vex->justification, "vulnerable_code_not_in_execute_path");
}

TEST(MatcherTest, VexForAnotherComponentOrVersionDoesNotApply) {
  InMemorySource source;
  source.add(advisory("GHSA-x", "npm", "lodash",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "4.17.21"}})));
  const model::Sbom sbom = sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20")});
  model::VexStatement other = statement("GHSA-x", model::VexStatus::kNotAffected);
  other.products.push_back({"", "pkg:npm/underscore", "", "", {}, ""});
  model::VexStatement wrong_version = statement("GHSA-x", model::VexStatus::kNotAffected);
  wrong_version.products.push_back({"", "pkg:npm/lodash@4.17.19", "", "", {}, ""});
  const ScanResult result = run(sbom, source, {other, wrong_version});
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_FALSE(result.findings[0].suppressed);
  EXPECT_FALSE(result.findings[0].vex.has_value());
}

TEST(MatcherTest, ProductLevelVexWithSubcomponentsScopesToThem) {
  InMemorySource source;
  source.add(
      advisory("GHSA-x", "npm", "lodash", range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "9"}})));
  source.add(advisory("GHSA-y", "npm", "minimist",
                      range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "9"}})));
  model::Sbom sbom = sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20"),
                              component("m", "pkg:npm/minimist@1.2.0", "1.2.0")});
  sbom.components[0].purl = "pkg:generic/council-portal@1.0";
  sbom.components[0].purl_canonical = sbom.components[0].purl;
  model::VexStatement vex = statement("GHSA-x", model::VexStatus::kNotAffected);
  vex.products.push_back({"", "pkg:generic/council-portal@1.0", "", "", {}, ""});
  vex.subcomponents.push_back({"", "pkg:npm/lodash", "", "", {}, ""});
  model::VexStatement affected = statement("GHSA-y", model::VexStatus::kAffected);
  affected.products.push_back({"", "pkg:generic/council-portal@1.0", "", "", {}, ""});
  const ScanResult result = run(sbom, source, {vex, affected});
  ASSERT_EQ(result.findings.size(), 2U);
  for (const Finding& finding : result.findings) {
    if (finding.id == "GHSA-x") {
      EXPECT_TRUE(finding.suppressed);
    } else {
      EXPECT_FALSE(finding.suppressed);
      ASSERT_TRUE(finding.vex.has_value());
      EXPECT_EQ(finding.vex->status, model::VexStatus::kAffected);
    }
  }
}

TEST(MatcherTest, LatestVexStatementWins) {
  InMemorySource source;
  source.add(
      advisory("GHSA-x", "npm", "lodash", range(kEco, {{K::kIntroduced, "0"}, {K::kFixed, "9"}})));
  const model::Sbom sbom = sbom_of({component("l", "pkg:npm/lodash@4.17.20", "4.17.20")});
  model::VexStatement older = statement("GHSA-x", model::VexStatus::kNotAffected);
  older.products.push_back({"", "pkg:npm/lodash", "", "", {}, ""});
  older.timestamp = "2024-01-01T00:00:00Z";
  model::VexStatement newer = statement("GHSA-x", model::VexStatus::kAffected);
  newer.products = older.products;
  newer.timestamp = "2024-06-01T00:00:00Z";
  const ScanResult result = run(sbom, source, {older, newer});
  ASSERT_EQ(result.findings.size(), 1U);
  EXPECT_FALSE(result.findings[0].suppressed);
}

TEST(MatcherTest, PriorityPutsMaliciousThenKevThenEpss) {
  InMemorySource source;
  source.add(advisory("GHSA-low", "npm", "a", range(kEco, {{K::kIntroduced, "0"}}), {"CVE-1"}));
  source.add(advisory("GHSA-kev", "npm", "b", range(kEco, {{K::kIntroduced, "0"}}), {"CVE-2"}));
  source.add(advisory("GHSA-epss", "npm", "c", range(kEco, {{K::kIntroduced, "0"}}), {"CVE-3"}));
  source.add(advisory("MAL-2024-1", "npm", "d", range(kEco, {{K::kIntroduced, "0"}})));
  model::KevCatalog kev;
  kev.entries.push_back(
      {"CVE-2", "Acme", "b", "", "2024-01-02", "", "", "2024-01-23", "Known", "", {}});
  source.set_kev(kev);
  model::EpssFile epss;
  epss.score_date = "2024-05-01T00:00:00+0000";
  epss.scores = {{"CVE-3", 0.9, 0.99}, {"CVE-1", 0.01, 0.2}};
  source.set_epss(epss);
  const ScanResult result = run(
      sbom_of(
          {component("a", "pkg:npm/a@1.0.0", "1.0.0"), component("b", "pkg:npm/b@1.0.0", "1.0.0"),
           component("c", "pkg:npm/c@1.0.0", "1.0.0"), component("d", "pkg:npm/d@1.0.0", "1.0.0")}),
      source);
  ASSERT_EQ(result.findings.size(), 4U);
  EXPECT_EQ(result.findings[0].id, "MAL-2024-1");
  EXPECT_TRUE(result.findings[0].malicious);
  EXPECT_EQ(result.findings[1].id, "CVE-2");
  ASSERT_TRUE(result.findings[1].kev.has_value());
  EXPECT_EQ(result.findings[1].kev->due_date, "2024-01-23");
  EXPECT_EQ(result.findings[2].id, "CVE-3");
  EXPECT_EQ(result.findings[2].epss_date, "2024-05-01T00:00:00+0000");
  EXPECT_EQ(result.findings[3].id, "CVE-1");
}

TEST(MatcherTest, ExplicitVersionListMatchesByEquality) {
  InMemorySource source;
  model::Advisory record;
  record.id = "PYSEC-3";
  model::AffectedPackage affected;
  affected.ecosystem = "PyPI";
  affected.name = "pillow";
  affected.versions = {"8.0.0", "8.0.1"};
  record.affected.push_back(affected);
  source.add(record);
  EXPECT_EQ(
      run(sbom_of({component("p", "pkg:pypi/pillow@8.0.1", "8.0.1")}), source).findings.size(), 1U);
  // PEP 440 equality: 8.0 == 8.0.0.
  EXPECT_EQ(run(sbom_of({component("p", "pkg:pypi/pillow@8.0", "8.0")}), source).findings.size(),
            1U);
  EXPECT_TRUE(
      run(sbom_of({component("p", "pkg:pypi/pillow@8.0.2", "8.0.2")}), source).findings.empty());
}

}  // namespace
}  // namespace assay::match

namespace assay::match {
namespace {

TEST(SeverityTest, ScoresTheBestVectorAndKeepsTheSourceRating) {
  model::Advisory v3;
  v3.severity.push_back({"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"});
  v3.database_specific_json = R"({"severity":"CRITICAL"})";
  model::Advisory v2;
  v2.severity.push_back({"CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P"});
  const FindingSeverity both = assess_severity({&v2, &v3}, "npm");
  ASSERT_TRUE(both.cvss_score.has_value());
  EXPECT_DOUBLE_EQ(*both.cvss_score, 9.8);
  EXPECT_EQ(both.cvss_version, "3.1");
  EXPECT_EQ(both.level, SeverityLevel::kCritical);
  EXPECT_EQ(both.source_rating, "CRITICAL");

  model::Advisory rating_only;
  rating_only.database_specific_json = R"({"severity":"MODERATE"})";
  const FindingSeverity word = assess_severity({&rating_only}, "npm");
  EXPECT_FALSE(word.cvss_score.has_value());
  EXPECT_EQ(word.level, SeverityLevel::kMedium);

  model::Advisory broken;
  broken.severity.push_back({"CVSS_V3", "CVSS:3.1/AV:bogus"});
  const FindingSeverity unknown = assess_severity({&broken}, "npm");
  EXPECT_EQ(unknown.cvss_vector, "CVSS:3.1/AV:bogus");
  EXPECT_FALSE(unknown.cvss_score.has_value());
  EXPECT_EQ(unknown.level, SeverityLevel::kUnknown);
}

TEST(SeverityTest, RatingWordsMapOntoLevels) {
  EXPECT_EQ(level_for_rating("Important"), SeverityLevel::kHigh);
  EXPECT_EQ(level_for_rating(" negligible "), SeverityLevel::kLow);
  EXPECT_EQ(level_for_rating("whatever"), SeverityLevel::kUnknown);
  EXPECT_EQ(severity_for_score(0.0), SeverityLevel::kNone);
  EXPECT_EQ(severity_for_score(7.0), SeverityLevel::kHigh);
}

}  // namespace
}  // namespace assay::match
