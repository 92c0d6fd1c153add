// Tests for vers: parsing (lenient and canonical), normalisation, simplification, the
// containment algorithm, scheme names, and conversion of conan, nginx and openssl native ranges.
#include "assay/version/vers.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/limits.h"

namespace assay::version {
namespace {

VersRange parse_ok(std::string_view text) {
  Result<VersRange> range = VersRange::parse(text);
  EXPECT_TRUE(range.has_value()) << text << ": " << range.error().to_string();
  return range.has_value() ? std::move(range).value() : VersRange();
}

TEST(VersParseTest, NormalisesCaseOrderExplicitEqualsAndPercentEncoding) {
  struct Case {
    std::string_view input;
    std::string_view canonical;
  };
  constexpr Case kCases[] = {
      {"vers:deb/>=1.0|<2.0", "vers:deb/>=1.0|<2.0"},
      {"VERS:Deb/>=1.0|<2.0", "vers:deb/>=1.0|<2.0"},
      {"vers:deb/<2.0|>=1.0", "vers:deb/>=1.0|<2.0"},            // sorted by version
      {"vers:deb/=1.0", "vers:deb/1.0"},                         // '=' is implicit
      {"vers:deb/1:0.1|2.0", "vers:deb/2.0|1:0.1"},              // Debian order, not text
      {"vers:deb/>=1.0|!=1.0", "vers:deb/!=1.0|>=1.0"},          // same version: by comparator
      {"vers:apk/1.0_rc1|1.0%5fp1", "vers:apk/1.0_rc1|1.0_p1"},  // unneeded encoding dropped
      {"vers:lexicographic/a%3cb", "vers:lexicographic/a%3Cb"},  // hex case normalised
      {"vers:deb/*", "vers:deb/*"},
      {"vers:all/*", "vers:all/*"},
  };
  for (const Case& test : kCases) {
    EXPECT_EQ(parse_ok(test.input).to_string(), test.canonical) << test.input;
  }
}

TEST(VersParseTest, KeepsDuplicateAndRedundantConstraintsAsTheValidateSuiteRequires) {
  const VersRange range = parse_ok("vers:deb/>1.0|>=1.1|>=1.1|1.2|<1.5|<=1.6");
  EXPECT_EQ(range.to_string(), "vers:deb/>1.0|>=1.1|>=1.1|1.2|<1.5|<=1.6");
  EXPECT_EQ(range.simplified().to_string(), "vers:deb/>1.0|<=1.6");
}

TEST(VersParseTest, ExposesSchemeAndDecodedConstraints) {
  const VersRange range = parse_ok("vers:lexicographic/%3E1|<z");
  EXPECT_EQ(range.versioning_scheme(), "lexicographic");
  EXPECT_EQ(range.scheme(), Scheme::kLexicographic);
  ASSERT_EQ(range.constraints().size(), 2U);
  EXPECT_EQ(range.constraints()[0].comparator, VersComparator::kEqual);
  EXPECT_EQ(range.constraints()[0].version->text(), ">1");
  EXPECT_EQ(range.constraints()[1].comparator, VersComparator::kLess);
  EXPECT_EQ(range.to_string(), "vers:lexicographic/%3E1|<z");
}

struct Rejection {
  std::string_view input;
  ErrorCode code;
  std::string_view message;
};

TEST(VersParseTest, RejectsMalformedRangesSayingWhy) {
  constexpr Rejection kRejections[] = {
      {"vers:deb/>=1.0| <2.0", ErrorCode::kInvalidInput, "whitespace is not permitted (byte 15)"},
      {"vers:deb/|>=1.0", ErrorCode::kInvalidInput, "leading pipe"},
      {"vers:deb/>=1.0|", ErrorCode::kInvalidInput, "trailing pipe"},
      {"vers:deb/>=1.0||<2.0", ErrorCode::kInvalidInput, "consecutive pipes"},
      {"vers:deb/", ErrorCode::kInvalidInput, "no constraints"},
      {"vers:deb", ErrorCode::kInvalidInput, "expected '/'"},
      {"npm:deb/1.0", ErrorCode::kInvalidInput, "must start with \"vers:\""},
      {"vers:1deb/1.0", ErrorCode::kInvalidInput, "must start with an ASCII letter"},
      {"vers:de_b/1.0", ErrorCode::kInvalidInput, "only letters, digits"},
      {"vers:nosuch/1.0", ErrorCode::kUnsupported, "unknown vers versioning scheme"},
      {"vers:deb/*|1.0", ErrorCode::kInvalidInput, "'*' must be the only constraint"},
      {"vers:deb/1.0|*", ErrorCode::kInvalidInput, "'*' must be the only constraint"},
      {"vers:deb/>=", ErrorCode::kInvalidInput, "constraint 1 \">=\" has no version"},
      {"vers:deb/1.0%2", ErrorCode::kInvalidInput, "invalid percent-encoding"},
      {"vers:deb/1.0%G0", ErrorCode::kInvalidInput, "invalid percent-encoding"},
      {"vers:deb/1.0>2", ErrorCode::kInvalidInput, "'>' in the version of constraint 1"},
      {"vers:deb/!1.0", ErrorCode::kInvalidInput, "'!' in the version"},
      {"vers:deb/1.0|v2", ErrorCode::kInvalidInput,
       "constraint 2 \"v2\" is not a valid debian version: invalid Debian version: version number "
       "does not start with digit"},
      {"vers:all/>=1.0", ErrorCode::kInvalidInput, "\"vers:all/*\" is the only form"},
      {"vers:deb/1.0\xC3\xA9", ErrorCode::kInvalidInput, "only printable ASCII"},
  };
  for (const Rejection& rejection : kRejections) {
    const Result<VersRange> range = VersRange::parse(rejection.input);
    ASSERT_FALSE(range.has_value()) << rejection.input << " was accepted";
    EXPECT_EQ(range.error().code, rejection.code) << rejection.input;
    EXPECT_NE(range.error().message.find(rejection.message), std::string::npos)
        << rejection.input << ": " << range.error().message;
    EXPECT_FALSE(range.error().location.empty()) << rejection.input;
  }
}

TEST(VersParseTest, RejectsRangesLongerThanTheLimit) {
  const std::string text = "vers:deb/" + std::string(kMaxRangeBytes, '1');
  const Result<VersRange> range = VersRange::parse(text);
  ASSERT_FALSE(range.has_value());
  EXPECT_NE(range.error().message.find("over the limit"), std::string::npos);
}

TEST(VersCanonicalParseTest, AcceptsCanonicalRanges) {
  for (std::string_view text :
       {"vers:deb/>=1.0|<2.0", "vers:deb/1.0|1.1|>=2.0", "vers:deb/>=1.0|!=1.5|<2.0|3.0",
        "vers:deb/<1.0|>=2.0|<3.0|>4.0", "vers:deb/*", "vers:datetime/2024-01-01T00:00:00Z",
        "vers:lexicographic/a%3Cb"}) {
    const Result<VersRange> range = VersRange::parse_canonical(text);
    ASSERT_TRUE(range.has_value()) << text << ": " << range.error().to_string();
    EXPECT_EQ(range->to_string(), text);
  }
}

TEST(VersCanonicalParseTest, RejectsWhatIsNotCanonical) {
  constexpr Rejection kRejections[] = {
      {"VERS:deb/1.0", ErrorCode::kInvalidInput, "non-canonical vers: the scheme must be lower"},
      {"vers:Deb/1.0", ErrorCode::kInvalidInput, "non-canonical vers: the versioning scheme"},
      {"vers:deb/>=2.0|<1.0", ErrorCode::kInvalidInput, "constraints are not sorted by version"},
      {"vers:deb/1.0|1.0", ErrorCode::kInvalidInput, "duplicates an earlier one"},
      {"vers:deb/>=1.0|1.0-0|<2", ErrorCode::kInvalidInput, "duplicates an earlier one"},
      {"vers:deb/=1.0", ErrorCode::kInvalidInput, "'=' in the version"},
      {"vers:deb/1.0|<2.0", ErrorCode::kInvalidInput, "'=' may be followed only by"},
      {"vers:deb/>1.0|>2.0", ErrorCode::kInvalidInput, "'>' or '>=' must be followed by"},
      {"vers:deb/<1.0|<2.0", ErrorCode::kInvalidInput, "'<' or '<=' must be followed by"},
      {"vers:lexicographic/a%3cb", ErrorCode::kInvalidInput, "use upper-case hex"},
      {"vers:deb/1.0%2B1", ErrorCode::kInvalidInput, "a character that needs none"},
      {"vers:datetime/2024-01-01T00%3A00%3A00Z", ErrorCode::kInvalidInput,
       "datetime time colons must be unencoded"},
      {"vers:datetime/2024-01-01t00:00:00z", ErrorCode::kInvalidInput,
       "datetime must use uppercase T and Z"},
  };
  for (const Rejection& rejection : kRejections) {
    const Result<VersRange> range = VersRange::parse_canonical(rejection.input);
    ASSERT_FALSE(range.has_value()) << rejection.input << " was accepted";
    EXPECT_EQ(range.error().code, rejection.code) << rejection.input;
    EXPECT_NE(range.error().message.find(rejection.message), std::string::npos)
        << rejection.input << ": " << range.error().message;
    // The lenient parser takes the ones that can be normalised.
  }
  EXPECT_TRUE(VersRange::parse("vers:deb/>=2.0|<1.0").has_value());
  EXPECT_TRUE(VersRange::parse("vers:deb/=1.0").has_value());
}

struct Containment {
  std::string_view vers;
  std::string_view version;
  bool expected;
};

TEST(VersContainsTest, FollowsTheSpecificationAlgorithm) {
  constexpr Containment kCases[] = {
      {"vers:deb/*", "1.0", true},
      {"vers:deb/1.0", "1.0", true},
      {"vers:deb/1.0", "1.0-0", true},  // equality is the scheme's, not the text's
      {"vers:deb/1.0", "1.1", false},
      {"vers:deb/1.0|2.0", "2.0", true},
      {"vers:deb/>=1.0|<2.0", "1.0", true},
      {"vers:deb/>=1.0|<2.0", "1.5", true},
      {"vers:deb/>=1.0|<2.0", "2.0", false},
      {"vers:deb/>=1.0|<2.0", "0.9", false},
      {"vers:deb/>1.0|<=2.0", "1.0", false},
      {"vers:deb/>1.0|<=2.0", "2.0", true},
      {"vers:deb/<1.0|>=2.0", "0.5", true},  // open below
      {"vers:deb/<1.0|>=2.0", "1.5", false},
      {"vers:deb/<1.0|>=2.0", "3.0", true},  // open above
      {"vers:deb/>=1.0|<1.5|>=2.0|<2.5", "2.2", true},
      {"vers:deb/>=1.0|<1.5|>=2.0|<2.5", "1.7", false},
      {"vers:deb/>=1.0|!=1.2|<2.0", "1.2", false},
      {"vers:deb/>=1.0|!=1.2|<2.0", "1.3", true},
      {"vers:deb/>0.0.2", "0.0.3", true},  // a single bound (univers' reading)
      {"vers:deb/<=1.3.0|3.0.0", "1.0.0", true},
      {"vers:deb/!=5", "4", true},  // only '!=': everything else
      {"vers:deb/!=5", "5", false},
      {"vers:deb/!=5|6", "4", false},  // with '=': just the listed versions
      {"vers:deb/1.0~rc1|>=1.0", "1.0~rc2", false},
      {"vers:deb/>1.0|>=1.1|<1.5|<=1.6", "1.5.5", true},  // redundant: simplified first
      {"vers:none/*", "1.0", false},
      {"vers:all/*", "anything", true},
  };
  for (const Containment& test : kCases) {
    const VersRange range = parse_ok(test.vers);
    const Result<bool> contained = range.contains(test.version);
    ASSERT_TRUE(contained.has_value()) << test.vers << " " << test.version;
    EXPECT_EQ(*contained, test.expected) << test.vers << " contains " << test.version;
  }
}

TEST(VersContainsTest, RejectsAVersionInvalidForTheScheme) {
  const Result<bool> contained = parse_ok("vers:deb/>=1.0").contains("v1");
  ASSERT_FALSE(contained.has_value());
  EXPECT_EQ(contained.error().code, ErrorCode::kInvalidInput);
}

TEST(VersSimplifyTest, RemovesRedundantBoundsAsTheSpecificationDescribes) {
  struct Case {
    std::string_view input;
    std::string_view simplified;
  };
  constexpr Case kCases[] = {
      {"vers:deb/>1.0|>=1.1|>=1.1|1.2|1.3|1.4|<1.5|<=1.6|!=1.7|8.0|>12|<15.3",
       "vers:deb/>1.0|<=1.6|!=1.7|8.0|>12|<15.3"},
      {"vers:deb/1.0|<2.0", "vers:deb/<2.0"},
      {"vers:deb/>=1.0|<2.0", "vers:deb/>=1.0|<2.0"},
      {"vers:deb/<1.0|<2.0|>3.0|>4.0", "vers:deb/<2.0|>3.0"},
      {"vers:deb/!=1.0|!=2.0", "vers:deb/!=1.0|!=2.0"},
      {"vers:deb/1.0", "vers:deb/1.0"},
  };
  for (const Case& test : kCases) {
    EXPECT_EQ(parse_ok(test.input).simplified().to_string(), test.simplified) << test.input;
  }
}

TEST(VersFromConstraintsTest, SortsAndChecksConstraints) {
  const Result<Version> one = Version::parse(Scheme::kDebian, "1.0");
  const Result<Version> two = Version::parse(Scheme::kDebian, "2.0");
  const Result<Version> apk = Version::parse(Scheme::kAlpine, "1.0");
  ASSERT_TRUE(one && two && apk);
  const Result<VersRange> range = VersRange::from_constraints(
      "deb", {{VersComparator::kLess, *two}, {VersComparator::kGreaterEqual, *one}});
  ASSERT_TRUE(range.has_value()) << range.error().to_string();
  EXPECT_EQ(range->to_string(), "vers:deb/>=1.0|<2.0");

  const Result<VersRange> wrong_scheme =
      VersRange::from_constraints("deb", {{VersComparator::kEqual, *apk}});
  ASSERT_FALSE(wrong_scheme.has_value());
  EXPECT_NE(wrong_scheme.error().message.find("is a alpine version, not debian"), std::string::npos)
      << wrong_scheme.error().message;

  const Result<VersRange> star_and_more = VersRange::from_constraints(
      "deb", {{VersComparator::kAny, std::nullopt}, {VersComparator::kEqual, *one}});
  ASSERT_FALSE(star_and_more.has_value());
  const Result<VersRange> missing =
      VersRange::from_constraints("deb", {{VersComparator::kEqual, std::nullopt}});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(VersRange::from_constraints("nosuch", {}).error().code, ErrorCode::kUnsupported);
  EXPECT_EQ(VersRange::from_constraints("deb", {}).error().code, ErrorCode::kInvalidInput);
}

TEST(VersSchemeNamesTest, MapsVersTypesOntoSchemes) {
  struct Case {
    std::string_view name;
    Scheme scheme;
  };
  constexpr Case kCases[] = {
      {"npm", Scheme::kNpm},           {"pypi", Scheme::kPep440},
      {"maven", Scheme::kMaven},       {"gem", Scheme::kRubyGems},
      {"deb", Scheme::kDebian},        {"rpm", Scheme::kRpm},
      {"apk", Scheme::kAlpine},        {"golang", Scheme::kGo},
      {"nuget", Scheme::kNuget},       {"cargo", Scheme::kCargo},
      {"composer", Scheme::kComposer}, {"conan", Scheme::kConan},
      {"hex", Scheme::kHex},           {"pub", Scheme::kPub},
      {"cran", Scheme::kCran},         {"hackage", Scheme::kHackage},
      {"generic", Scheme::kGeneric},   {"semver", Scheme::kSemver},
      {"alpm", Scheme::kAlpm},         {"gentoo", Scheme::kGentoo},
      {"ebuild", Scheme::kGentoo},     {"openssl", Scheme::kOpenssl},
      {"nginx", Scheme::kNginx},       {"intdot", Scheme::kIntdot},
      {"datetime", Scheme::kDatetime}, {"lexicographic", Scheme::kLexicographic},
      {"github", Scheme::kSemver},     {"dart", Scheme::kPub},
  };
  for (const Case& test : kCases) {
    EXPECT_EQ(scheme_for_vers(test.name), test.scheme) << test.name;
  }
  EXPECT_EQ(scheme_for_vers("debian"), std::nullopt);  // the purl type is "deb"
  EXPECT_EQ(scheme_for_vers("NPM"), std::nullopt);     // names are lower case
  EXPECT_EQ(scheme_for_vers(""), std::nullopt);
}

struct Native {
  std::string_view scheme;
  std::string_view native;
  std::string_view vers;
};

TEST(VersNativeTest, ConvertsConanNginxAndOpensslRanges) {
  constexpr Native kCases[] = {
      {"conan", ">=5.1.0 <=5.1.1", "vers:conan/>=5.1.0|<=5.1.1"},
      {"conan", "~1.1.2-", "vers:conan/>=1.1.2|<1.2-"},
      {"conan", "~1", "vers:conan/>=1|<2-"},
      {"conan", "^0.1.2", "vers:conan/>=0.1.2|<0.2-"},
      {"conan", "^1.9", "vers:conan/>=1.9|<2-"},
      {"conan", "^1.99.2", "vers:conan/>=1.99.2|<2-"},
      {"conan", "~1.99", "vers:conan/>=1.99|<1.100-"},
      {"conan", ">1 <2.0 || ^3.2 ", "vers:conan/>1|<2.0|>=3.2|<4-"},
      {"conan", "*, include_prerelease", "vers:conan/>=0.0.0"},
      {"conan", "=cci.20200203", "vers:conan/cci.20200203"},
      {"conan", "<0.33.1||>0.33.1 <0.34.1", "vers:conan/<0.33.1|>0.33.1|<0.34.1"},
      {"nginx", "0.8.40+", "vers:nginx/>=0.8.40|<0.9.0"},  // stable branch: up to next minor
      {"nginx", "1.21.0+", "vers:nginx/>=1.21.0"},         // mainline: no end
      {"nginx", "0.7.52-0.8.39", "vers:nginx/>=0.7.52|<=0.8.39"},
      {"nginx", "1.5.0+, 1.4.1+", "vers:nginx/>=1.4.1|<1.5.0|>=1.5.0"},
      {"nginx", "0.9.10", "vers:nginx/0.9.10"},
      {"nginx", "All", "vers:nginx/*"},
      {"openssl", "3.0.0, 1.0.1b", "vers:openssl/1.0.1b|3.0.0"},
      {"openssl", "1.0.2CK", "vers:openssl/1.0.2ck"},
  };
  for (const Native& test : kCases) {
    const Result<VersRange> range = vers_from_native(test.scheme, test.native);
    ASSERT_TRUE(range.has_value())
        << test.scheme << " " << test.native << ": " << range.error().to_string();
    EXPECT_EQ(range->to_string(), test.vers) << test.scheme << " " << test.native;
  }
}

TEST(VersNativeTest, RejectsRangesItCannotConvert) {
  struct Failure {
    std::string_view scheme;
    std::string_view native;
    std::string_view message;
  };
  constexpr Failure kFailures[] = {
      {"conan", "", "the range is empty"},
      {"conan", "^0.0", "cannot bump"},  // no non-zero item to bump
      {"conan", "~a.b", "not a number"},
      {"conan", ">", "has no version"},
      {"nginx", "none", "no versions are named"},
      {"nginx", "1.x+", "expected a version such as 1.20.1"},
      {"openssl", "2.0.0", "major version is below 3"},
      {"openssl", "", "no versions are named"},
  };
  for (const Failure& test : kFailures) {
    const Result<VersRange> range = vers_from_native(test.scheme, test.native);
    ASSERT_FALSE(range.has_value()) << test.scheme << " " << test.native << " was converted";
    EXPECT_EQ(range.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(range.error().message.find(test.message), std::string::npos)
        << test.native << ": " << range.error().message;
  }
  EXPECT_EQ(vers_from_native("nosuch", "1.0").error().code, ErrorCode::kUnsupported);
}

TEST(VersNativeTest, DelegatesOtherSchemesToTheirNativeRangeSyntax) {
  // Debian ranges use the generic comparator syntax (Range::parse_native), here both through
  // the ecosystem table and explicitly.
  for (const Result<VersRange>& range :
       {vers_from_native("deb", ">=1.0 <2.0"),
        vers_from_native("deb", RangeSyntax::kComparators, "<2.0, >=1.0")}) {
    ASSERT_TRUE(range.has_value()) << range.error().to_string();
    EXPECT_EQ(range->to_string(), "vers:deb/>=1.0|<2.0");
  }
}

}  // namespace
}  // namespace assay::version
