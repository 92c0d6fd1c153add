// Tests for the ecosystem table and scheme names.
#include <set>

#include <gtest/gtest.h>

#include "assay/version/ecosystem.h"
#include "assay/version/scheme.h"

namespace assay::version {
namespace {

TEST(EcosystemTableTest, FindsByOsvNameScopedNameAndPurlType) {
  ASSERT_NE(find_ecosystem("PyPI"), nullptr);
  EXPECT_EQ(find_ecosystem("PyPI")->scheme, Scheme::kPep440);
  EXPECT_EQ(find_ecosystem("pypi")->osv_name, "PyPI");
  EXPECT_EQ(find_ecosystem("Debian:12")->scheme, Scheme::kDebian);
  EXPECT_EQ(find_ecosystem("Alpine:v3.18")->scheme, Scheme::kAlpine);
  EXPECT_EQ(find_ecosystem("Red Hat:rhel_aus:8.4::appstream")->scheme, Scheme::kRpm);
  EXPECT_EQ(find_ecosystem("golang")->osv_name, "Go");
  EXPECT_EQ(find_ecosystem("cargo")->osv_name, "crates.io");
  EXPECT_EQ(find_ecosystem("gem")->osv_name, "RubyGems");
  EXPECT_EQ(find_ecosystem("composer")->osv_name, "Packagist");
  EXPECT_EQ(find_ecosystem("deb")->osv_name, "Debian");
  EXPECT_EQ(find_ecosystem("apk")->osv_name, "Alpine");
  EXPECT_EQ(find_ecosystem("rpm")->osv_name, "Red Hat");
  EXPECT_EQ(find_ecosystem("nosuch"), nullptr);
  EXPECT_EQ(find_ecosystem(""), nullptr);
}

TEST(EcosystemTableTest, OsvNamesAndPurlTypesAreUnique) {
  std::set<std::string_view> names;
  std::set<std::string_view> types;
  for (const Ecosystem& ecosystem : all_ecosystems()) {
    EXPECT_TRUE(names.insert(ecosystem.osv_name).second) << ecosystem.osv_name;
    if (!ecosystem.purl_type.empty()) {
      EXPECT_TRUE(types.insert(ecosystem.purl_type).second) << ecosystem.purl_type;
    }
  }
}

TEST(EcosystemTableTest, EveryRegistryTheIssueNamesIsPresent) {
  for (const char* name :
       {"npm", "PyPI", "Maven", "Go", "crates.io", "NuGet", "RubyGems", "Packagist", "Debian",
        "Alpine", "Red Hat", "Hex", "Pub", "CRAN", "Hackage", "ConanCenter"}) {
    const Ecosystem* ecosystem = find_ecosystem(name);
    ASSERT_NE(ecosystem, nullptr) << name;
    EXPECT_EQ(ecosystem->osv_name, name);
  }
}

TEST(SchemeNameTest, RoundTripsEveryScheme) {
  for (const Scheme scheme : all_schemes()) {
    EXPECT_EQ(scheme_from_name(to_string(scheme)), scheme) << to_string(scheme);
  }
  EXPECT_EQ(scheme_from_name("nope"), std::nullopt);
}

}  // namespace
}  // namespace assay::version
