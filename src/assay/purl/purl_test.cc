// Unit tests for package URLs: parsing, errors, per-type normalisation, building, canonical
// printing and limits. The purl-spec conformance suite runs in conformance_test.cc.
#include "assay/purl/purl.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/limits.h"
#include "assay/purl/internal/case_mapping.h"

#include "testing.h"

namespace assay::purl {
namespace {

struct RejectCase {
  std::string_view input;
  Mode mode;
  std::string_view message;
};

class PurlParseRejectTest : public ::testing::TestWithParam<RejectCase> {};

TEST_P(PurlParseRejectTest, NamesTheProblem) {
  const Result<Purl> parsed = parse(GetParam().input, GetParam().mode);
  ASSERT_FALSE(parsed.has_value()) << parsed->to_string();
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(parsed.error().message, GetParam().message);
  EXPECT_EQ(parsed.error().location, "");
}

constexpr Mode kNorm = Mode::kNormalize;
constexpr Mode kStrict = Mode::kStrict;

INSTANTIATE_TEST_SUITE_P(
    Errors, PurlParseRejectTest,
    ::testing::Values(
        RejectCase{"npm/foo@1.0", kNorm, "missing the \"pkg:\" scheme"},
        RejectCase{"pkg%3Anpm/foo", kNorm, "missing the \"pkg:\" scheme"},
        RejectCase{"", kNorm, "missing the \"pkg:\" scheme"},
        RejectCase{"pkg:", kNorm, "missing the type: a purl looks like \"pkg:<type>/<name>\""},
        RejectCase{"pkg:/npm", kNorm, "missing the name after the type \"npm\""},
        RejectCase{"pkg:1npm/foo", kNorm, "type \"1npm\" must start with a letter"},
        RejectCase{"pkg:n&g/foo", kNorm,
                   "type \"n&g\" contains \"&\"; a type may contain only ASCII letters, digits, "
                   "\".\" and \"-\""},
        RejectCase{"pkg:nginx:a/nginx", kNorm,
                   "type \"nginx:a\" contains \":\"; a type may contain only ASCII letters, "
                   "digits, \".\" and \"-\""},
        RejectCase{"pkg:hackage", kNorm, "missing the name after the type \"hackage\""},
        RejectCase{"pkg:npm/", kNorm, "missing the name after the type \"npm\""},
        RejectCase{"pkg:maven/@1.3.4", kNorm, "missing the name before the \"@\" of the version"},
        RejectCase{"pkg:swift/github.com/Alamofire/@5.4.3", kNorm,
                   "missing the name before the \"@\" of the version"},
        RejectCase{"pkg:npm/fo%zzo", kNorm,
                   "invalid percent-encoding \"%zz\" in the name; '%' must be followed by two hex "
                   "digits"},
        RejectCase{"pkg:npm/foo@1%2", kNorm,
                   "invalid percent-encoding \"%2\" in the version; '%' must be followed by two "
                   "hex digits"},
        RejectCase{"pkg:npm/foo%C3", kNorm,
                   "the name \"foo%C3\" is not valid UTF-8 once percent-decoded"},
        RejectCase{"pkg:npm/a%2Fb/c", kNorm,
                   "the namespace segment \"a%2Fb\" contains an encoded \"/\"; segments are "
                   "separated by a plain \"/\""},
        RejectCase{"pkg:npm/c#x%2Fy", kNorm,
                   "the subpath segment \"x%2Fy\" contains an encoded \"/\"; segments are "
                   "separated by a plain \"/\""},
        RejectCase{"pkg:npm/foo?in%20production=true", kNorm,
                   "qualifier key \"in%20production\" contains \"%\"; a key may contain only "
                   "ASCII letters, digits, \".\", \"-\" and \"_\" and is never percent-encoded"},
        RejectCase{"pkg:npm/foo?1a=b", kNorm, "qualifier key \"1a\" must start with a letter"},
        RejectCase{"pkg:npm/foo?=b", kNorm, "a qualifier has an empty key"},
        RejectCase{"pkg:npm/foo?flag", kNorm,
                   "qualifier \"flag\" has no \"=\" between key and value"},
        RejectCase{"pkg:npm/foo?a=1&b=2&A=3", kNorm, "qualifier key \"a\" appears more than once"},
        RejectCase{"pkg:gem/jruby-launcher@1.1.2?Platform=java", kStrict,
                   "qualifier key \"Platform\" must be lower case"},
        RejectCase{"pkg:npm/foo\n", kNorm,
                   "contains a control character (byte 0x0a) at offset 11; percent-encode it"},
        RejectCase{"pkg:npm/f\x7Fo", kNorm,
                   "contains a control character (byte 0x7f) at offset 9; percent-encode it"},
        RejectCase{"pkg:npm/foo\xC3(", kNorm, "is not valid UTF-8 (byte offset 11)"},
        RejectCase{"pkg:npm/caf\xC3\xA9", kStrict,
                   "contains a non-ASCII byte at offset 11; a purl is ASCII, with other "
                   "characters percent-encoded as UTF-8"},
        RejectCase{"pkg:maven/g/a@1.0 Final", kStrict,
                   "contains a space at offset 17; spaces must be percent-encoded as %20"},
        RejectCase{"pkg:swift/Alamofire@5.4.3", kNorm, "type \"swift\" requires a namespace"},
        // Only the Go toolchain's two pseudo-modules go without a namespace, and not when strict.
        RejectCase{"pkg:golang/gin@1.0.0", kNorm, "type \"golang\" requires a namespace"},
        RejectCase{"pkg:golang/stdlib@1.21.0", kStrict, "type \"golang\" requires a namespace"},
        RejectCase{"pkg:vcpkg/boost/asio@1.84.0", kNorm,
                   "type \"vcpkg\" does not allow a namespace, found \"boost\""},
        RejectCase{"pkg:julia/Dates", kNorm, "type \"julia\" requires the \"uuid\" qualifier"},
        RejectCase{"pkg:swid/Fedora@29", kNorm, "type \"swid\" requires the \"tag_id\" qualifier"},
        RejectCase{"pkg:swid/a/b/c/Fedora@29?tag_id=x", kNorm,
                   "swid namespace \"a/b/c\" has 3 segments; at most 2 (creator name and regid) "
                   "are allowed"},
        RejectCase{"pkg:chrome-extension/dogs", kNorm,
                   "chrome-extension name \"dogs\" must be the 32-letter extension ID (letters a "
                   "to p)"},
        RejectCase{"pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3-beta", kNorm,
                   "chrome-extension version \"1.2.3-beta\" must be 1 to 4 dot-separated numbers"},
        RejectCase{"pkg:chrome-extension/dlpngalgnefjeiefhmpklpfiohadpglk@1.2.3.4.5", kNorm,
                   "chrome-extension version \"1.2.3.4.5\" must be 1 to 4 dot-separated numbers"},
        RejectCase{"pkg:cpan/LWP::UserAgent@6.7.6", kNorm,
                   "cpan name \"LWP::UserAgent\" is a module name; use the distribution name, "
                   "e.g. \"LWP-UserAgent\""},
        RejectCase{"pkg:git/github.com@abc", kNorm,
                   "type \"git\" requires the host as namespace and the repository path as name, "
                   "e.g. \"pkg:git/codeberg.org/forgejo/forgejo\""}),
    [](const ::testing::TestParamInfo<RejectCase>& param_info) {
      return testing::sanitize_test_name(param_info.param.input) + "_" +
             std::to_string(param_info.index);
    });

struct CanonicalCase {
  std::string_view input;
  Mode mode;
  std::string_view canonical;
};

class PurlCanonicalTest : public ::testing::TestWithParam<CanonicalCase> {};

TEST_P(PurlCanonicalTest, PrintsTheCanonicalFormAndReparsesToTheSameValue) {
  const Result<Purl> parsed = parse(GetParam().input, GetParam().mode);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->to_string(), GetParam().canonical);
  const Result<Purl> again = parse(parsed->to_string(), GetParam().mode);
  ASSERT_TRUE(again.has_value()) << again.error().to_string();
  EXPECT_EQ(*again, *parsed);
}

INSTANTIATE_TEST_SUITE_P(
    Normalisation, PurlCanonicalTest,
    ::testing::Values(
        // Generic rules.
        CanonicalCase{"PKG:NPM/foo@1.0", kNorm, "pkg:npm/foo@1.0"},
        CanonicalCase{"pkg:golang/stdlib@go1.21.0", kNorm, "pkg:golang/stdlib@go1.21.0"},
        CanonicalCase{"pkg:golang/toolchain@1.21.0", kNorm, "pkg:golang/toolchain@1.21.0"},
        CanonicalCase{"pkg:///maven/g/a", kStrict, "pkg:maven/g/a"},
        CanonicalCase{"pkg:npm//foo/", kNorm, "pkg:npm/foo"},
        CanonicalCase{"pkg:npm/foo?b=2&a=1&c=", kNorm, "pkg:npm/foo?a=1&b=2"},
        CanonicalCase{"pkg:npm/foo?&a=1&&", kNorm, "pkg:npm/foo?a=1"},
        CanonicalCase{"pkg:npm/foo?", kNorm, "pkg:npm/foo"},
        CanonicalCase{"pkg:npm/foo#", kNorm, "pkg:npm/foo"},
        CanonicalCase{"pkg:npm/foo@", kNorm, "pkg:npm/foo"},
        CanonicalCase{"pkg:maven/g/a@1.0 Final", kNorm, "pkg:maven/g/a@1.0%20Final"},
        CanonicalCase{"pkg:generic/a+b@1+2?k=x+y#p+q", kNorm,
                      "pkg:generic/a%2Bb@1%2B2?k=x%2By#p%2Bq"},
        CanonicalCase{"pkg:generic/caf\xC3\xA9", kNorm, "pkg:generic/caf%C3%A9"},
        CanonicalCase{"pkg:generic/a%2fb", kNorm, "pkg:generic/a%2Fb"},
        CanonicalCase{"pkg:generic/%61%62c", kNorm, "pkg:generic/abc"},
        CanonicalCase{"pkg:docker/img@sha256%3Aabc", kStrict, "pkg:docker/img@sha256:abc"},
        CanonicalCase{"pkg:generic/x?u=https://h/p?q=1", kNorm,
                      "pkg:generic/x?u=https:%2F%2Fh%2Fp%3Fq%3D1"},
        CanonicalCase{"pkg:generic/x#a/./b/../c/%2E%2E/", kNorm, "pkg:generic/x#a/b/c"},
        CanonicalCase{"pkg:generic/x#a#b", kNorm, "pkg:generic/x#a%23b"},
        CanonicalCase{"pkg:brew/node@20@20.10.0", kNorm, "pkg:brew/node%4020@20.10.0"},
        CanonicalCase{"pkg:npm/@babel/core@7.0.0", kNorm, "pkg:npm/%40babel/core@7.0.0"},
        CanonicalCase{"pkg:npm/@babel/core", kStrict, "pkg:npm/%40babel/core"},
        CanonicalCase{"pkg:gem/jruby-launcher@1.1.2?Platform=java", kNorm,
                      "pkg:gem/jruby-launcher@1.1.2?platform=java"},
        CanonicalCase{"pkg:generic/a?checksum=sha1:ab,sha256:cd", kNorm,
                      "pkg:generic/a?checksum=sha1:ab%2Csha256:cd"},
        CanonicalCase{"pkg:unregistered-type/Ns/Name@V", kStrict,
                      "pkg:unregistered-type/Ns/Name@V"},
        // Per-type rules.
        CanonicalCase{"pkg:PyPI/Django_Package@1.0RC1", kNorm, "pkg:pypi/django-package@1.0rc1"},
        CanonicalCase{"pkg:pub/Flutter-Foo.Bar@1.0", kNorm, "pkg:pub/flutter_foo_bar@1.0"},
        CanonicalCase{"pkg:pub/caf%C3%A9", kNorm, "pkg:pub/caf_"},
        CanonicalCase{"pkg:cpan/drolsky/DateTime@1.55", kNorm, "pkg:cpan/DROLSKY/DateTime@1.55"},
        CanonicalCase{"pkg:deb/Debian/Curl@7.50.3-1", kStrict, "pkg:deb/debian/curl@7.50.3-1"},
        CanonicalCase{"pkg:huggingface/Org/Model@ABCDEF", kStrict,
                      "pkg:huggingface/Org/Model@abcdef"},
        CanonicalCase{"pkg:oci/Debian@SHA256%3AAB", kStrict, "pkg:oci/debian@sha256:ab"},
        CanonicalCase{"pkg:otp/Asn1@5.4.1#Src/A.erl", kStrict, "pkg:otp/asn1@5.4.1#src/a.erl"},
        CanonicalCase{"pkg:maven/HTTPClient/HTTPClient@0.3-3", kStrict,
                      "pkg:maven/HTTPClient/HTTPClient@0.3-3"},
        CanonicalCase{"pkg:npm/Foo@1.0", kStrict, "pkg:npm/Foo@1.0"},
        CanonicalCase{"pkg:mlflow/CreditFraud@3?repository_url=https://x.cloud.databricks.com/api",
                      kNorm,
                      "pkg:mlflow/creditfraud@3?repository_url=https:%2F%2Fx.cloud.databricks.com%"
                      "2Fapi"},
        CanonicalCase{"pkg:mlflow/CreditFraud@3?repository_url=https://databricks.example.org",
                      kNorm,
                      "pkg:mlflow/CreditFraud@3?repository_url=https:%2F%2Fdatabricks."
                      "example.org"},
        CanonicalCase{"pkg:git/GitHub.com/Package-URL/Purl-Spec@abc", kNorm,
                      "pkg:git/github.com/package-url/purl-spec@abc"},
        CanonicalCase{"pkg:git/GitHub.com/Package-URL/Purl-Spec@abc", kStrict,
                      "pkg:git/GitHub.com/Package-URL/Purl-Spec@abc"},
        CanonicalCase{"pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts", kNorm,
                      "pkg:git/gitlab.gnome.org/GNOME/adwaita-fonts"},
        CanonicalCase{"pkg:git/cygwin.com/cgit/new%20lib@6d04", kNorm,
                      "pkg:git/cygwin.com/cgit/new%20lib@6d04"},
        CanonicalCase{"pkg:brew/%C3%89CLAIR", kNorm, "pkg:brew/%C3%A9clair"},
        CanonicalCase{"pkg:brew/%C4%B0", kNorm, "pkg:brew/i%CC%87"}),
    [](const ::testing::TestParamInfo<CanonicalCase>& param_info) {
      return testing::sanitize_test_name(param_info.param.input) + "_" +
             std::to_string(param_info.index);
    });

TEST(PurlParseTest, DecodesEveryComponent) {
  const Result<Purl> parsed =
      parse("pkg:npm/%40angular/core%2Dx@1.0%20b?a=%26%3D&vcs_url=git%2Bhttps://h/r%40v#sub/p%20q");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->type, "npm");
  EXPECT_EQ(parsed->namespace_, "@angular");
  EXPECT_EQ(parsed->name, "core-x");
  EXPECT_EQ(parsed->version, "1.0 b");
  const std::vector<std::pair<std::string, std::string>> qualifiers = {
      {"a", "&="}, {"vcs_url", "git+https://h/r@v"}};
  EXPECT_EQ(parsed->qualifiers, qualifiers);
  EXPECT_EQ(parsed->subpath, "sub/p q");
}

TEST(PurlParseTest, GitNameIsTheRepositoryPath) {
  const Result<Purl> parsed = parse("pkg:git/codeberg.org/forgejo/forgejo@a72d#options/x.md");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->namespace_, "codeberg.org");
  EXPECT_EQ(parsed->name, "forgejo/forgejo");
  EXPECT_EQ(parsed->to_string(), "pkg:git/codeberg.org/forgejo/forgejo@a72d#options/x.md");
}

TEST(PurlParseTest, QualifierLooksUpByKey) {
  const Result<Purl> parsed = parse("pkg:rpm/fedora/curl@7.50?arch=i386&epoch=1");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->qualifier("epoch"), "1");
  EXPECT_EQ(parsed->qualifier("arch"), "i386");
  EXPECT_EQ(parsed->qualifier("distro"), "");
}

TEST(PurlParseTest, StrictAndNormalizeAgreeOnConformingInput) {
  for (std::string_view input :
       {"pkg:npm/%40angular/animation@12.3.1", "pkg:deb/debian/curl@7.50.3-1?arch=i386",
        "pkg:golang/google.golang.org/genproto#googleapis/api/annotations",
        "pkg:maven/org.apache.commons/io@1.3.4?classifier=sources"}) {
    const Result<Purl> strict = parse(input, Mode::kStrict);
    const Result<Purl> normalized = parse(input, Mode::kNormalize);
    ASSERT_TRUE(strict.has_value()) << input;
    ASSERT_TRUE(normalized.has_value()) << input;
    EXPECT_EQ(*strict, *normalized) << input;
  }
}

TEST(PurlLimitsTest, AcceptsExactlyTheLimitAndRejectsOneMore) {
  std::string text = "pkg:generic/";
  text.append(kMaxPurlBytes - text.size(), 'a');
  EXPECT_TRUE(parse(text).has_value());
  text.push_back('a');
  const Result<Purl> parsed = parse(text);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().message, "is " + std::to_string(kMaxPurlBytes + 1) +
                                        " bytes; the limit is " + std::to_string(kMaxPurlBytes));
}

TEST(PurlLimitsTest, RejectsInputWhoseCanonicalFormWouldExceedTheLimit) {
  // Each raw space becomes "%20", so the canonical form is about three times the input.
  std::string text = "pkg:generic/a@";
  text.append(30000, ' ');
  const Result<Purl> parsed = parse(text);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().message,
            "its canonical form is 90014 bytes; the limit is " + std::to_string(kMaxPurlBytes));
}

TEST(PurlBuildTest, NormalisesComponentsLikeABuilder) {
  Purl components;
  components.type = "Maven";
  components.namespace_ = "/org.apache//commons/";
  components.name = "/io/";
  components.version = "1.3.4";
  components.qualifiers = {{"type", "jar"}, {"Classifier", "sources"}, {"empty", ""}};
  components.subpath = "./a/../b//";
  const Result<Purl> built = build(components);
  ASSERT_TRUE(built.has_value()) << built.error().to_string();
  EXPECT_EQ(built->to_string(),
            "pkg:maven/org.apache/commons/io@1.3.4?classifier=sources&type=jar#a/b");
}

TEST(PurlBuildTest, ResplitsGitIntoHostAndPath) {
  Purl components;
  components.type = "git";
  components.namespace_ = "codeberg.org/forgejo";
  components.name = "forgejo";
  const Result<Purl> built = build(components, Mode::kStrict);
  ASSERT_TRUE(built.has_value()) << built.error().to_string();
  EXPECT_EQ(built->namespace_, "codeberg.org");
  EXPECT_EQ(built->name, "forgejo/forgejo");
}

TEST(PurlBuildTest, KeepsSlashInANameEncoded) {
  Purl components;
  components.type = "generic";
  components.name = "a/b";
  const Result<Purl> built = build(components);
  ASSERT_TRUE(built.has_value());
  EXPECT_EQ(built->to_string(), "pkg:generic/a%2Fb");
  EXPECT_EQ(parse(built->to_string()).value(), *built);
}

struct BuildRejectCase {
  std::string_view label;
  Purl components;
  Mode mode;
  std::string_view message;
};

Purl make(std::string type, std::string name) {
  Purl purl;
  purl.type = std::move(type);
  purl.name = std::move(name);
  return purl;
}

Purl with_qualifiers(Purl purl, std::vector<std::pair<std::string, std::string>> qualifiers) {
  purl.qualifiers = std::move(qualifiers);
  return purl;
}

Purl with_version(Purl purl, std::string version) {
  purl.version = std::move(version);
  return purl;
}

TEST(PurlBuildTest, RejectsInvalidComponentsNamingTheProblem) {
  const std::vector<BuildRejectCase> cases = {
      {"no type", make("", "nginx"), kNorm,
       "missing the type: a purl looks like \"pkg:<type>/<name>\""},
      {"digit type", make("3nginx", "nginx"), kNorm, "type \"3nginx\" must start with a letter"},
      {"no name", make("maven", ""), kNorm, "missing the name"},
      {"only slashes", make("generic", "//"), kNorm, "missing the name"},
      {"space in key", with_qualifiers(make("npm", "a"), {{"in production", "true"}}), kNorm,
       "qualifier key \"in production\" contains \" \"; a key may contain only ASCII letters, "
       "digits, \".\", \"-\" and \"_\" and is never percent-encoded"},
      {"upper key strict", with_qualifiers(make("npm", "a"), {{"Arch", "x"}}), kStrict,
       "qualifier key \"Arch\" must be lower case"},
      {"duplicate key", with_qualifiers(make("npm", "a"), {{"arch", "x"}, {"Arch", "y"}}), kNorm,
       "qualifier key \"arch\" appears more than once"},
      {"bad utf8", with_version(make("npm", "a"), "\xC3"), kNorm,
       "the version is not valid UTF-8 (byte offset 0)"},
      {"prohibited namespace",
       [] {
         Purl purl = make("vcpkg", "asio");
         purl.namespace_ = "boost";
         return purl;
       }(),
       kNorm, R"(type "vcpkg" does not allow a namespace, found "boost")"},
      {"too long", make("generic", std::string(kMaxPurlBytes, 'a')), kNorm,
       "the components total 65543 bytes; the limit is 65536"},
      {"canonical too long", make("generic", std::string(30000, ' ')), kNorm,
       "its canonical form is 90012 bytes; the limit is 65536"},
  };
  for (const BuildRejectCase& test : cases) {
    const Result<Purl> built = build(test.components, test.mode);
    ASSERT_FALSE(built.has_value()) << test.label << ": " << built->to_string();
    EXPECT_EQ(built.error().code, ErrorCode::kInvalidInput) << test.label;
    EXPECT_EQ(built.error().message, test.message) << test.label;
  }
}

TEST(PurlTypesTest, KnowsEveryRegisteredTypeAndNoOther) {
  for (std::string_view type : {"alpm",
                                "apk",
                                "bazel",
                                "bitbucket",
                                "bitnami",
                                "brew",
                                "cargo",
                                "chrome-extension",
                                "cocoapods",
                                "composer",
                                "conan",
                                "conda",
                                "cpan",
                                "cran",
                                "deb",
                                "docker",
                                "gem",
                                "generic",
                                "git",
                                "github",
                                "golang",
                                "hackage",
                                "hex",
                                "huggingface",
                                "julia",
                                "luarocks",
                                "maven",
                                "mlflow",
                                "npm",
                                "nuget",
                                "oci",
                                "opam",
                                "otp",
                                "pub",
                                "pypi",
                                "qpkg",
                                "rpm",
                                "swid",
                                "swift",
                                "vcpkg",
                                "vscode-extension",
                                "yocto"}) {
    EXPECT_TRUE(is_registered_type(type)) << type;
  }
  EXPECT_FALSE(is_registered_type("bintray"));
  EXPECT_FALSE(is_registered_type("NPM"));
  EXPECT_FALSE(is_registered_type(""));
}

TEST(PurlCaseMappingTest, LowercasesUnicodeLetters) {
  using internal::lowercase_code_point;
  EXPECT_EQ(lowercase_code_point('A'), static_cast<std::uint32_t>('a'));
  EXPECT_EQ(lowercase_code_point(0xC4), 0xE4U);        // Ä
  EXPECT_EQ(lowercase_code_point(0x3A3), 0x3C3U);      // Σ (no final-sigma context)
  EXPECT_EQ(lowercase_code_point(0x410), 0x430U);      // Cyrillic А
  EXPECT_EQ(lowercase_code_point(0x212A), 0x6BU);      // Kelvin sign
  EXPECT_EQ(lowercase_code_point(0xFF21), 0xFF41U);    // fullwidth A
  EXPECT_EQ(lowercase_code_point(0x10400), 0x10428U);  // Deseret
  EXPECT_EQ(lowercase_code_point(0x100), 0x101U);      // Ā (alternating range)
  EXPECT_EQ(lowercase_code_point(0x101), 0x101U);
  EXPECT_EQ(lowercase_code_point(0xE9), 0xE9U);         // already lower case
  EXPECT_EQ(lowercase_code_point(0x4E2D), 0x4E2DU);     // no case
  std::string text = "\xC3\x84-\xE2\x84\xAA-\xC4\xB0";  // Ä-K(Kelvin)-İ
  internal::lowercase_in_place(text);
  EXPECT_EQ(text, "\xC3\xA4-k-i\xCC\x87");
}

}  // namespace
}  // namespace assay::purl
