// Tests for package keys: purl and OSV ecosystem reduce to the same identity.
#include "assay/match/package_key.h"

#include <gtest/gtest.h>

#include "assay/match/source.h"

#include "testing.h"

namespace assay::match {
namespace {

struct KeyCase {
  const char* purl;
  const char* ecosystem;
  const char* name;
  const char* release;
};

class PurlKeyTest : public ::testing::TestWithParam<KeyCase> {};

TEST_P(PurlKeyTest, MapsPurlToOsvEcosystemAndName) {
  const auto parsed = purl::parse(GetParam().purl);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const auto key = key_for_purl(*parsed);
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->ecosystem, GetParam().ecosystem);
  EXPECT_EQ(key->name, GetParam().name);
  EXPECT_EQ(key->release, GetParam().release);
}

INSTANTIATE_TEST_SUITE_P(
    Table, PurlKeyTest,
    ::testing::Values(
        KeyCase{"pkg:pypi/Django_Rest.Framework@3.0", "PyPI", "django-rest-framework", ""},
        KeyCase{"pkg:npm/%40angular/core@16.0.0", "npm", "@angular/core", ""},
        KeyCase{"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1", "Maven",
                "org.apache.logging.log4j:log4j-core", ""},
        KeyCase{"pkg:golang/github.com/gin-gonic/gin@v1.9.0", "Go", "github.com/gin-gonic/gin", ""},
        KeyCase{"pkg:cargo/rustdecimal@1.23.1", "crates.io", "rustdecimal", ""},
        KeyCase{"pkg:nuget/Newtonsoft.Json@12.0.1", "NuGet", "newtonsoft.json", ""},
        KeyCase{"pkg:gem/rails@7.0.0", "RubyGems", "rails", ""},
        KeyCase{"pkg:composer/laravel/framework@7.12.0", "Packagist", "laravel/framework", ""},
        KeyCase{"pkg:deb/debian/libssl3@3.0.11-1?distro=debian-12&upstream=openssl", "Debian",
                "openssl", "12"},
        KeyCase{"pkg:apk/alpine/zlib@1.2.12-r0?distro=3.16.2", "Alpine", "zlib", "v3.16"},
        KeyCase{"pkg:rpm/redhat/openssl@3.0.7-1.el9", "Red Hat", "openssl", ""}),
    [](const ::testing::TestParamInfo<KeyCase>& param_info) {
      return ::assay::testing::sanitize_test_name(param_info.param.ecosystem) +
             std::to_string(param_info.index);
    });

TEST(PurlKeyTest, TypesWithoutAdvisoryEcosystemGiveNoKey) {
  const auto parsed = purl::parse("pkg:generic/openssl@3.0.0");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_FALSE(key_for_purl(*parsed).has_value());
}

TEST(AdvisoryKeyTest, ScopedEcosystemsKeepTheirRelease) {
  const auto key = key_for_advisory("Debian:12", "OpenSSL");
  ASSERT_TRUE(key.has_value());
  EXPECT_EQ(key->ecosystem, "Debian");
  EXPECT_EQ(key->name, "openssl");
  EXPECT_EQ(key->release, "12");
  EXPECT_EQ(key->index_key(), "Debian/openssl");
  EXPECT_FALSE(key_for_advisory("NoSuchEcosystem", "x").has_value());
  EXPECT_FALSE(key_for_advisory("PyPI", "").has_value());
  EXPECT_EQ(key_for_advisory("PyPI", "Django_REST").value().name, "django-rest");
}

TEST(AdvisoryVersionTest, EpochQualifierJoinsTheVersion) {
  const auto parsed = purl::parse("pkg:rpm/redhat/openssl@3.0.7-1.el9?epoch=1");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(advisory_version(*parsed), "1:3.0.7-1.el9");
}

TEST(CpeKeyTest, ReadsVendorAndProductFromBothCpeForms) {
  EXPECT_EQ(cpe_vendor_product("cpe:2.3:a:Apache:Log4j:2.14.1:*:*:*:*:*:*:*"), "apache:log4j");
  EXPECT_EQ(cpe_vendor_product("cpe:/a:openssl:openssl:1.0.2k"), "openssl:openssl");
  EXPECT_EQ(cpe_vendor_product("cpe:2.3:a:*:*:*"), "");
  EXPECT_EQ(cpe_vendor_product("not a cpe"), "");
}

}  // namespace
}  // namespace assay::match
