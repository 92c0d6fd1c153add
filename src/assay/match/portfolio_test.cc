// Tests for the portfolio index: one changed advisory re-evaluates exactly the components a full
// rescan would report, with each product's own VEX and dependency paths.
#include "assay/match/portfolio.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/match/source.h"

namespace assay::match {
namespace {

model::Sbom product_sbom(const std::string& lodash_version, const std::string& other) {
  model::Sbom sbom;
  sbom.metadata.subject_ref = "app";
  model::Component app;
  app.ref = "app";
  app.name = "app";
  app.type = model::ComponentType::kApplication;
  sbom.components.push_back(app);
  auto add = [&sbom](const std::string& ref, const std::string& purl, const std::string& name,
                     const std::string& version) {
    model::Component component;
    component.ref = ref;
    component.purl = purl;
    component.purl_canonical = purl;
    component.name = name;
    component.version = version;
    sbom.components.push_back(component);
  };
  add("express", "pkg:npm/express@4.18.0", "express", "4.18.0");
  add("lodash", "pkg:npm/lodash@" + lodash_version, "lodash", lodash_version);
  add("other", "pkg:pypi/" + other + "@1.0", other, "1.0");
  sbom.relationships.push_back({"app", model::RelationshipType::kDependsOn, "express", "", ""});
  sbom.relationships.push_back({"express", model::RelationshipType::kDependsOn, "lodash", "", ""});
  sbom.relationships.push_back({"app", model::RelationshipType::kDependsOn, "other", "", ""});
  return sbom;
}

model::Advisory lodash_advisory() {
  model::Advisory advisory;
  advisory.id = "GHSA-test-lodash";
  advisory.aliases = {"CVE-2026-4242"};
  advisory.modified = "2026-12-01T00:00:00Z";
  model::AffectedPackage package;
  package.ecosystem = "npm";
  package.name = "lodash";
  version::OsvRange range;
  range.type = version::OsvRangeType::kSemver;
  range.events = {{version::OsvEventKind::kIntroduced, "0"},
                  {version::OsvEventKind::kFixed, "4.17.21"}};
  package.ranges.push_back(range);
  advisory.affected.push_back(package);
  return advisory;
}

TEST(PortfolioTest, EvaluatesOnlyWhatTheAdvisoryTouchesAsAFullScanWould) {
  Portfolio portfolio;
  model::VexStatement not_affected;
  not_affected.vulnerability = "CVE-2026-4242";
  not_affected.status = model::VexStatus::kNotAffected;
  not_affected.justification = "vulnerable_code_not_in_execute_path";
  model::VexProduct product;
  product.purl = "pkg:npm/lodash@4.17.20";
  not_affected.products.push_back(product);

  portfolio.add("housing", product_sbom("4.17.20", "requests"));
  portfolio.add("payroll", product_sbom("4.17.21", "django"));  // fixed version
  portfolio.add("planning", product_sbom("4.17.20", "flask"), {not_affected});
  EXPECT_EQ(portfolio.size(), 3U);
  EXPECT_EQ(portfolio.indexed_components(), 9U);

  const auto findings = portfolio.evaluate(lodash_advisory());
  ASSERT_TRUE(findings.has_value()) << findings.error().to_string();
  ASSERT_EQ(findings->size(), 2U);
  const PortfolioFinding& housing = (*findings)[0];
  EXPECT_EQ(portfolio.name(housing.product), "housing");
  EXPECT_EQ(housing.finding.id, "CVE-2026-4242");
  EXPECT_EQ(housing.finding.component.ref, "lodash");
  EXPECT_FALSE(housing.finding.suppressed);
  ASSERT_TRUE(housing.finding.component.depth.has_value());
  EXPECT_EQ(*housing.finding.component.depth, 2U);  // app -> express -> lodash
  EXPECT_THAT(housing.finding.component.path, ::testing::ElementsAre("app", "express", "lodash"));
  const PortfolioFinding& planning = (*findings)[1];
  EXPECT_EQ(portfolio.name(planning.product), "planning");
  EXPECT_TRUE(planning.finding.suppressed);  // that product's vendor said not_affected

  // The same as scanning the whole product against a source holding the advisory.
  InMemorySource source;
  source.add(lodash_advisory());
  const auto full = scan(product_sbom("4.17.20", "requests"), {}, source);
  ASSERT_TRUE(full.has_value());
  ASSERT_EQ(full->findings.size(), 1U);
  EXPECT_EQ(full->findings[0].id, housing.finding.id);
  EXPECT_EQ(full->findings[0].component.path, housing.finding.component.path);
}

TEST(PortfolioTest, AnAdvisoryForAPackageNoProductHasTouchesNothing) {
  Portfolio portfolio;
  portfolio.add("housing", product_sbom("4.17.20", "requests"));
  model::Advisory advisory = lodash_advisory();
  advisory.affected[0].name = "left-pad";
  const auto findings = portfolio.evaluate(advisory);
  ASSERT_TRUE(findings.has_value());
  EXPECT_TRUE(findings->empty());
}

}  // namespace
}  // namespace assay::match
