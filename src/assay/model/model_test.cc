// Tests for the model's identity rules and dependency graph walk.
#include <gtest/gtest.h>

#include "assay/model/advisory.h"
#include "assay/model/sbom.h"

namespace assay::model {
namespace {

TEST(ComponentIdentityTest, PurlFirstThenCpeThenNameVersionSupplier) {
  Component component;
  component.name = "log4j-core";
  component.group = "org.apache.logging.log4j";
  component.version = "2.14.1";
  component.supplier.name = "Apache";
  EXPECT_EQ(component.identity_kind(), IdentityKind::kNameVersionSupplier);
  EXPECT_EQ(component.identity(), "Apache/org.apache.logging.log4j/log4j-core@2.14.1");
  component.cpes.push_back("cpe:2.3:a:apache:log4j:2.14.1:*:*:*:*:*:*:*");
  EXPECT_EQ(component.identity_kind(), IdentityKind::kCpe);
  component.purl_canonical = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
  EXPECT_EQ(component.identity_kind(), IdentityKind::kPurl);
  EXPECT_EQ(component.identity(), component.purl_canonical);
  EXPECT_EQ(Component{}.identity_kind(), IdentityKind::kNone);
}

Component named(const std::string& ref, const std::string& parent = "") {
  Component component;
  component.ref = ref;
  component.name = ref;
  component.parent_ref = parent;
  return component;
}

TEST(DependencyInfoTest, DirectTransitiveUnreachableAndCycles) {
  Sbom sbom;
  sbom.metadata.subject_ref = "app";
  sbom.components = {named("app"), named("a"),      named("b"),
                     named("c"),   named("orphan"), named("nested", "c")};
  sbom.relationships = {{"app", RelationshipType::kDependsOn, "a", "", ""},
                        {"a", RelationshipType::kDependsOn, "b", "", ""},
                        {"b", RelationshipType::kDependsOn, "a", "", ""},  // cycle
                        {"app", RelationshipType::kDependsOn, "c", "", ""},
                        {"b", RelationshipType::kDescribes, "orphan", "", ""}};
  const std::vector<DependencyInfo> info = dependency_info(sbom);
  ASSERT_EQ(info.size(), 6U);
  EXPECT_EQ(info[0].depth, 0U);
  EXPECT_EQ(info[1].depth, 1U);
  EXPECT_EQ(info[2].depth, 2U);
  EXPECT_EQ((info[2].path), (std::vector<std::string>{"app", "a", "b"}));
  EXPECT_EQ(info[3].depth, 1U);
  EXPECT_FALSE(info[4].depth.has_value());
  EXPECT_EQ(info[5].depth, 2U);
}

TEST(DependencyInfoTest, NoSubjectMeansNoDepths) {
  Sbom sbom;
  sbom.components = {named("a")};
  EXPECT_FALSE(dependency_info(sbom)[0].depth.has_value());
}

TEST(AdvisoryTest, MalAndWithdrawnFlags) {
  Advisory advisory;
  advisory.id = "MAL-2022-1";
  EXPECT_TRUE(advisory.is_malicious());
  EXPECT_FALSE(advisory.is_withdrawn());
  advisory.id = "GHSA-xxxx";
  advisory.withdrawn = "2024-01-01T00:00:00Z";
  EXPECT_FALSE(advisory.is_malicious());
  EXPECT_TRUE(advisory.is_withdrawn());
}

}  // namespace
}  // namespace assay::model
