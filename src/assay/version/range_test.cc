// Tests for native ranges: behaviour per syntax, reference answers generated with each
// ecosystem's own tool (tests/data/version/range), and the vers-spec from_native conversions.
#include "assay/version/range.h"

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/version/ecosystem.h"
#include "assay/version/vers.h"

#include "testing.h"

namespace assay::version {
namespace {

constexpr ContainsOptions kByOrder{PrereleasePolicy::kInclude};

Range parse_or_die(Scheme scheme, RangeSyntax syntax, std::string_view text) {
  Result<Range> range = Range::parse_native(scheme, syntax, text);
  EXPECT_TRUE(range.has_value()) << text << ": " << range.error().message;
  if (!range) {
    std::abort();
  }
  return *range;
}

bool in(const Range& range, std::string_view version, ContainsOptions options = {}) {
  const Result<bool> result = range.contains(version, options);
  EXPECT_TRUE(result.has_value()) << version << ": " << result.error().message;
  return result.value_or(false);
}

// ---------------------------------------------------------------------------------------------
// npm

TEST(NpmRangeTest, CaretTildeXAndHyphenRangesDesugarAsNodeSemver) {
  const Range caret = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "^1.2.3");
  EXPECT_TRUE(in(caret, "1.2.3"));
  EXPECT_TRUE(in(caret, "1.9.0"));
  EXPECT_FALSE(in(caret, "2.0.0"));
  EXPECT_FALSE(in(caret, "1.2.2"));
  const Range caret_zero = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "^0.0.3");
  EXPECT_TRUE(in(caret_zero, "0.0.3"));
  EXPECT_FALSE(in(caret_zero, "0.0.4"));
  const Range tilde = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "~1.2");
  EXPECT_TRUE(in(tilde, "1.2.9"));
  EXPECT_FALSE(in(tilde, "1.3.0"));
  const Range x = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "1.x || >=3.0.0 <3.1.0");
  EXPECT_TRUE(in(x, "1.5.0"));
  EXPECT_TRUE(in(x, "3.0.5"));
  EXPECT_FALSE(in(x, "2.0.0"));
  const Range hyphen = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "1.2 - 2.3.4");
  EXPECT_TRUE(in(hyphen, "1.2.0"));
  EXPECT_TRUE(in(hyphen, "2.3.4"));
  EXPECT_FALSE(in(hyphen, "2.3.5"));
  const Range spaced = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, " >= 1.0.0   < 2.0.0 ");
  EXPECT_TRUE(in(spaced, "1.5.0"));
  EXPECT_FALSE(in(spaced, "2.0.0"));
}

TEST(NpmRangeTest, PrereleasesNeedASamePatchPrereleaseBoundUnlessIncludedByOrder) {
  const Range range = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, ">=1.2.3-beta.1 <2.0.0");
  EXPECT_TRUE(in(range, "1.2.3-beta.2"));
  EXPECT_FALSE(in(range, "1.5.0-alpha"));  // node-semver's satisfies excludes it
  EXPECT_TRUE(in(range, "1.5.0-alpha", kByOrder));
  const Range caret = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "^1.0.0");
  EXPECT_FALSE(in(caret, "2.0.0-rc.1", kByOrder));  // "<2.0.0-0" excludes it by order too
}

TEST(NpmRangeTest, RejectsWhatNodeSemverRejects) {
  for (const char* text : {"01.2.3", ">=", "1.2.3.4", "x.1", "=1.2.3 - 2", ">=a", "1.2.3 ^"}) {
    const Result<Range> range = Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, text);
    ASSERT_FALSE(range.has_value()) << text;
    EXPECT_EQ(range.error().code, ErrorCode::kInvalidInput) << text;
    EXPECT_NE(range.error().message.find("npm range"), std::string::npos) << text;
  }
}

TEST(NpmRangeTest, EmptyAlternativeMatchesEverythingAsInNodeSemver) {
  const Range range = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "1.2.3 ||");
  EXPECT_TRUE(in(range, "9.0.0"));
}

// ---------------------------------------------------------------------------------------------
// Other syntaxes

TEST(Pep440RangeTest, ExclusiveOrderedComparisonsFollowPackaging) {
  const Range below = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, "<3.1");
  EXPECT_FALSE(in(below, "3.1.dev0", kByOrder));  // "<3.1" excludes pre-releases of 3.1
  EXPECT_TRUE(in(below, "3.0.dev0", kByOrder));
  const Range above = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, ">1.7");
  EXPECT_FALSE(in(above, "1.7.post1"));  // ">1.7" excludes post-releases of 1.7
  EXPECT_FALSE(in(above, "1.7+local"));
  EXPECT_TRUE(in(above, "1.7.1"));
  const Range compatible = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, "~=1.4.2, !=1.4.5");
  EXPECT_TRUE(in(compatible, "1.4.9"));
  EXPECT_FALSE(in(compatible, "1.4.5"));
  EXPECT_FALSE(in(compatible, "1.5.0"));
  const Range prefix = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, "==1.0.*");
  EXPECT_TRUE(in(prefix, "1.0"));
  EXPECT_TRUE(in(prefix, "1.0.7+local"));
  EXPECT_FALSE(in(prefix, "1.1"));
}

TEST(Pep440RangeTest, PrereleasesNeedAPrereleaseSpecifier) {
  const Range plain = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, ">=1.0");
  EXPECT_FALSE(in(plain, "2.0rc1"));
  EXPECT_TRUE(in(plain, "2.0rc1", kByOrder));
  const Range named = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, ">=1.0rc1");
  EXPECT_TRUE(in(named, "2.0rc1"));
}

TEST(Pep440RangeTest, RejectsLocalVersionsWithOrderedOperators) {
  const Result<Range> range = Range::parse_native(Scheme::kPep440, RangeSyntax::kPep440, ">=1.0+x");
  ASSERT_FALSE(range.has_value());
  EXPECT_EQ(range.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(range.error().message.find("local version"), std::string::npos);
}

TEST(MavenRangeTest, UnionsOfIntervalsAndExactVersions) {
  const Range range = parse_or_die(Scheme::kMaven, RangeSyntax::kMaven, "(,1.0],[1.2,2.0),[3.0]");
  EXPECT_TRUE(in(range, "1.0"));
  EXPECT_FALSE(in(range, "1.1"));
  EXPECT_TRUE(in(range, "1.5-SNAPSHOT"));
  EXPECT_FALSE(in(range, "2.0"));
  EXPECT_TRUE(in(range, "3.0.0"));  // ComparableVersion: 3.0 == 3.0.0
  const Result<Range> overlap =
      Range::parse_native(Scheme::kMaven, RangeSyntax::kMaven, "[1.0,2.0],[1.5,3.0]");
  ASSERT_FALSE(overlap.has_value());
  EXPECT_NE(overlap.error().message.find("overlap"), std::string::npos);
}

TEST(MavenRangeTest, SoftRequirementMeansTheVersionItNames) {
  const Range range = parse_or_die(Scheme::kMaven, RangeSyntax::kMaven, "1.0");
  EXPECT_TRUE(in(range, "1.0.0"));
  EXPECT_FALSE(in(range, "1.1"));
  EXPECT_EQ(range.to_vers().value_or(""), "vers:maven/1.0");
}

TEST(NugetRangeTest, BareVersionIsAnInclusiveMinimum) {
  const Range minimum = parse_or_die(Scheme::kNuget, RangeSyntax::kNuget, "1.0");
  EXPECT_TRUE(in(minimum, "1.0.0"));
  EXPECT_TRUE(in(minimum, "7.0.0"));
  EXPECT_FALSE(in(minimum, "0.9"));
  const Range interval = parse_or_die(Scheme::kNuget, RangeSyntax::kNuget, "(1.0, 2.0]");
  EXPECT_FALSE(in(interval, "1.0"));
  EXPECT_TRUE(in(interval, "2.0.0.0"));
  const Range exact = parse_or_die(Scheme::kNuget, RangeSyntax::kNuget, "[1.0.0-beta]");
  EXPECT_TRUE(in(exact, "1.0.0-BETA"));
  const Result<Range> floating = Range::parse_native(Scheme::kNuget, RangeSyntax::kNuget, "1.*");
  ASSERT_FALSE(floating.has_value());
  EXPECT_EQ(floating.error().code, ErrorCode::kUnsupported);
}

TEST(RubyGemsRangeTest, PessimisticOperatorUsesReleaseAndBump) {
  const Range range = parse_or_die(Scheme::kRubyGems, RangeSyntax::kRubyGems, "~> 2.0.8");
  EXPECT_TRUE(in(range, "2.0.9"));
  EXPECT_FALSE(in(range, "2.1"));
  EXPECT_FALSE(in(range, "2.1.a"));  // its release, 2.1, is not below the bump
  EXPECT_TRUE(in(range, "2.0.9.a"));
  EXPECT_EQ(range.to_vers().value_or(""), "vers:gem/>=2.0.8|<2.1");
}

TEST(ComposerRangeTest, CaretTildeAndWildcardAddDevBounds) {
  const Range caret = parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "^1.2 || ~2.0.1");
  EXPECT_TRUE(in(caret, "1.2.0"));
  EXPECT_TRUE(in(caret, "1.9.9"));
  EXPECT_FALSE(in(caret, "2.0.0"));
  EXPECT_TRUE(in(caret, "2.0.5"));
  EXPECT_FALSE(in(caret, "2.1.0"));
  const Range wildcard = parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "1.0.*");
  EXPECT_TRUE(in(wildcard, "1.0.3"));
  EXPECT_FALSE(in(wildcard, "1.1.0"));
  const Range branch = parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, ">=1.0");
  EXPECT_FALSE(in(branch, "dev-main"));  // dev branches match only by name
}

TEST(CargoRangeTest, BareVersionIsCaretAndPrereleasesNeedAMatchingBound) {
  const Range range = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, "1.2");
  EXPECT_TRUE(in(range, "1.9.0"));
  EXPECT_FALSE(in(range, "2.0.0"));
  EXPECT_FALSE(in(range, "1.3.0-alpha"));
  EXPECT_TRUE(in(range, "1.3.0-alpha", kByOrder));
  const Range with_pre = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, ">=1.3.0-alpha, <2");
  EXPECT_TRUE(in(with_pre, "1.3.0-beta"));
}

// Cases the differential tests found (tests/differential): each answer is the reference tool's.
TEST(NpmRangeTest, BuildMetadataNeedsAnIdentifierAndIncludeModeFailsAlone) {
  EXPECT_FALSE(Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, "=1.2.*+").has_value());
  EXPECT_FALSE(Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, "1.2.3+a..b").has_value());
  EXPECT_TRUE(Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, "1.2.3+a.b").has_value());
  // Under includePrerelease the upper bound would be "<10.11.9007199254740992-0", past
  // node-semver's largest number: only that mode fails (matches nothing), the default stands.
  const Range hyphen =
      parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "9.6.11-5 - 10.11.9007199254740991");
  EXPECT_TRUE(in(hyphen, "9.6.11-5.1"));
  EXPECT_TRUE(in(hyphen, "10.0.0"));
  EXPECT_FALSE(in(hyphen, "10.0.0", kByOrder));
  // replaceStars deletes the first "*" of a token no other rule took.
  const Range star = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "1.2.8-alpha.10*.8");
  EXPECT_TRUE(in(star, "1.2.8-alpha.10.8"));
  EXPECT_FALSE(Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, "1.*2").has_value());
}

TEST(CargoRangeTest, BoundsOfTheLargestNumbersCarryOrVanish) {
  // "^18446744073709551615.6.1" has no upper bound: no major lies above u64's maximum.
  const Range caret =
      parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, "^18446744073709551615.6.1");
  EXPECT_TRUE(in(caret, "18446744073709551615.6.1"));
  EXPECT_TRUE(in(caret, "18446744073709551615.9.0"));
  EXPECT_FALSE(in(caret, "18446744073709551615.6.0"));
  // ">8.18446744073709551615" carries into the next major: ">=9.0.0".
  const Range greater =
      parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, ">8.18446744073709551615");
  EXPECT_FALSE(in(greater, "8.18446744073709551615.7"));
  EXPECT_TRUE(in(greater, "9.0.0"));
  // Nothing lies above the largest major.
  const Range none = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, ">18446744073709551615");
  EXPECT_FALSE(in(none, "18446744073709551615.0.0"));
  EXPECT_FALSE(in(none, "0.0.0"));
}

TEST(CargoRangeTest, PartialComparatorsRejectPrereleasesOfTheirOwnVersions) {
  // The semver crate: "<=2" matches 2.x.y only without a pre-release, even when "~2.1.11-5.12"
  // admits pre-releases of 2.1.11.
  const Range range = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, "<=2.x, ~2.1.11-5.12");
  EXPECT_FALSE(in(range, "2.1.11-5.12"));
  EXPECT_TRUE(in(range, "2.1.11-5.12", kByOrder));
  EXPECT_TRUE(in(range, "2.1.12"));
  const Range caret = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, "^2, ~2.1.11-5.12");
  EXPECT_TRUE(in(caret, "2.1.11-5.12"));  // "^2" is satisfied by major alone
  const Range greater = parse_or_die(Scheme::kCargo, RangeSyntax::kCargo, ">=2.1, ~2.2.0-rc.1");
  EXPECT_TRUE(in(greater, "2.2.0-rc.1"));  // above 2.1.*: the pre-release does not matter
}

TEST(CargoRangeTest, OnlySpacesSurroundComparators) {
  for (const char* text : {"^\v8.1.5", ">=5.9.4-4.0a\v", "\t1.0"}) {
    EXPECT_FALSE(Range::parse_native(Scheme::kCargo, RangeSyntax::kCargo, text).has_value())
        << text;
  }
  EXPECT_TRUE(
      Range::parse_native(Scheme::kCargo, RangeSyntax::kCargo, "  >= 1.0 ,  < 2  ").has_value());
}

TEST(MavenRangeTest, FollowsMavenOrderingAndOverlapChecks) {
  for (const char* text : {"[1.0,1.0)", "(1.0,1.0]", "(1.0,1.0)", "[2.0,1.0]", "", "  ",
                           "[1.0,2.0],[1.5,3.0]", "[1.0,2.0],(,3.0]"}) {
    EXPECT_FALSE(Range::parse_native(Scheme::kMaven, RangeSyntax::kMaven, text).has_value())
        << text;
  }
  EXPECT_TRUE(in(parse_or_die(Scheme::kMaven, RangeSyntax::kMaven, "[1.0,1.0]"), "1.0"));
  // Maven checks a restriction only against an upper bound before it: after "(9.12,)" anything
  // may follow.
  const Range open = parse_or_die(Scheme::kMaven, RangeSyntax::kMaven, "(9.12,),(,10.9M)");
  EXPECT_TRUE(in(open, "12.10.6-CR"));
  EXPECT_TRUE(in(open, "1.0"));
}

TEST(ComposerRangeTest, ParsesConstraintsAsComposerDoes) {
  // Rejected by composer/semver: empty alternatives, unknown flags, dates after ^ and ~, a
  // hyphen range with two spaces after the hyphen (the AND split cuts it first).
  for (const char* text : {"", " ", "|| ^1.2", "^1.2 ||", "1.0@foo", "^2010-03-08", ",<2.0",
                           "8.9.5 -  12", ">=1.0,", "~>1.2"}) {
    EXPECT_FALSE(Range::parse_native(Scheme::kComposer, RangeSyntax::kComposer, text).has_value())
        << text;
  }
  // An alias constrains by its first version; "<7.7.11.dev" keeps Composer's "-dev-dev" bound.
  EXPECT_FALSE(
      in(parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "dev-master as 1.0"), "1.0"));
  const Range dev_dev = parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "<7.7.11.dev");
  EXPECT_FALSE(in(dev_dev, "7.7.11"));
  EXPECT_TRUE(in(dev_dev, "7.7.10"));
  // "@dev" on an ordered comparison lowers a stable bound to its dev pre-release.
  EXPECT_TRUE(in(parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "<>1.3.4@dev"), "1.3.4"));
  EXPECT_FALSE(in(parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "<=7+abc.1@dev"), "7"));
  // A lower-case "rc" after "<" gets "-dev" too (Composer's test is case-sensitive).
  EXPECT_FALSE(in(parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "<2.0.6.12-rc"),
                  "2.0.6.12-rc-dev"));
  const Range hyphen = parse_or_die(Scheme::kComposer, RangeSyntax::kComposer, "1.0 - 2.1");
  EXPECT_TRUE(in(hyphen, "2.1.9"));
  EXPECT_FALSE(in(hyphen, "2.2"));
}

TEST(ComparatorRangeTest, CommaOrSpaceMeansAndBarsMeanOr) {
  const Range range =
      parse_or_die(Scheme::kDebian, RangeSyntax::kComparators, ">= 1.0-1, <1.2~rc1 || =2.0-3");
  EXPECT_TRUE(in(range, "1.1-2"));
  EXPECT_FALSE(in(range, "1.2~rc1"));
  EXPECT_TRUE(in(range, "2.0-3"));
  EXPECT_EQ(range.to_vers().value_or(""), "vers:deb/>=1.0-1|<1.2~rc1|2.0-3");
  const Result<Range> bad = Range::parse_native(Scheme::kDebian, RangeSyntax::kComparators, "<");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("has no version"), std::string::npos);
}

TEST(RangeParseTest, DelegatesVersTextToVersRange) {
  const Ecosystem& npm = *find_ecosystem("npm");
  const Result<Range> range = Range::parse(npm, "vers:npm/>=1.0.0|<2.0.0");
  const Result<VersRange> vers = VersRange::parse("vers:npm/>=1.0.0|<2.0.0");
  ASSERT_EQ(range.has_value(), vers.has_value());
  if (range) {
    EXPECT_TRUE(in(*range, "1.5.0"));
    EXPECT_FALSE(in(*range, "2.0.0"));
    EXPECT_EQ(range->to_vers().value_or(""), vers->to_string());
  } else {
    EXPECT_EQ(range.error().code, vers.error().code);
  }
}

TEST(RangeToVersTest, RefusesWhatVersCannotSay) {
  for (const char* text : {"~=1.4.2", "==1.4.*", "===foo"}) {
    const Range range = parse_or_die(Scheme::kPep440, RangeSyntax::kPep440, text);
    const Result<std::string> vers = range.to_vers();
    ASSERT_FALSE(vers.has_value()) << text;
    EXPECT_EQ(vers.error().code, ErrorCode::kUnsupported) << text;
  }
  const Range empty = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "1.1.2 1.2.2");
  ASSERT_FALSE(empty.to_vers().has_value());
  EXPECT_NE(empty.to_vers().error().message.find("matches no version"), std::string::npos);
}

TEST(RangeToVersTest, MergesOverlappingAlternativesTheFlatFormWouldMisread) {
  const Range range = parse_or_die(Scheme::kNpm, RangeSyntax::kNpm, "<1.0.0 || >=0.5.0 <2.0.0");
  EXPECT_EQ(range.to_vers().value_or(""), "vers:npm/<2.0.0");
}

// ---------------------------------------------------------------------------------------------
// Reference answers from each ecosystem's tool.

struct ReferenceFile {
  std::string file;
  Scheme scheme;
  RangeSyntax syntax;
};

std::string reference_name(const ::testing::TestParamInfo<ReferenceFile>& param_info) {
  return testing::sanitize_test_name(param_info.param.file);
}

class RangeReferenceTest : public ::testing::TestWithParam<ReferenceFile> {};

TEST_P(RangeReferenceTest, MatchesTheReferenceImplementation) {
  const ReferenceFile& param = GetParam();
  const std::filesystem::path path = std::filesystem::path("tests/data/version/range") / param.file;
  const std::string content = testing::read_text(path);
  int passed = 0;
  int failed = 0;
  for (const std::string_view line : split(content, '\n')) {
    if (line.empty()) {
      continue;
    }
    const std::vector<std::string_view> fields = split(line, '\t');
    ASSERT_EQ(fields.size(), 3U) << line;
    const Result<Range> range = Range::parse_native(param.scheme, param.syntax, fields[0]);
    std::string actual;
    if (!range) {
      actual = "ERR";
    } else {
      const Result<bool> ecosystem = range->contains(fields[1]);
      const Result<bool> by_order = range->contains(fields[1], kByOrder);
      if (!ecosystem) {
        actual = "ERR";
      } else {
        actual = std::string(*ecosystem ? "true" : "false") + " " +
                 (fields[2].size() > 2 && fields[2].back() == '?'
                      ? "?"
                      : std::string(by_order.value_or(false) ? "true" : "false"));
      }
    }
    if (actual == fields[2]) {
      ++passed;
    } else {
      ++failed;
      ADD_FAILURE() << param.file << ": range " << quote(fields[0]) << " version "
                    << quote(fields[1]) << ": reference " << fields[2] << ", Assay " << actual;
    }
  }
  EXPECT_EQ(failed, 0);
  EXPECT_GT(passed, 1000);
  std::cout << "[ reference] " << param.file << ": " << passed << " passed, " << failed
            << " failed\n";
}

INSTANTIATE_TEST_SUITE_P(
    Ecosystems, RangeReferenceTest,
    ::testing::Values(ReferenceFile{"npm.tsv", Scheme::kNpm, RangeSyntax::kNpm},
                      ReferenceFile{"pep440.tsv", Scheme::kPep440, RangeSyntax::kPep440},
                      ReferenceFile{"rubygems.tsv", Scheme::kRubyGems, RangeSyntax::kRubyGems},
                      ReferenceFile{"composer.tsv", Scheme::kComposer, RangeSyntax::kComposer},
                      ReferenceFile{"maven.tsv", Scheme::kMaven, RangeSyntax::kMaven},
                      ReferenceFile{"cargo.tsv", Scheme::kCargo, RangeSyntax::kCargo}),
    reference_name);

// ---------------------------------------------------------------------------------------------
// vers-spec: native range -> vers.

struct FromNativeFile {
  std::string file;
  Scheme scheme;
  RangeSyntax syntax;
  // Cases where the vers-spec answer (generated by univers) changes the range's meaning; Assay
  // writes what the native range means instead (docs/formats/versions.md lists them).
  std::map<std::string, std::string> deviations;
};

std::vector<FromNativeFile> from_native_files() {
  return {
      {"npm_range_from_native_test.json",
       Scheme::kNpm,
       RangeSyntax::kNpm,
       {
           {"<= 1.0", "vers:npm/<1.1.0"},               // "1.0" is 1.0.x in node-semver
           {"<=2.1 >=1.1", "vers:npm/>=1.1.0|<2.2.0"},  // likewise
           {">= 2.2.x", "vers:npm/>=2.2.0"},            // ">= 2.2.x" has no upper bound
           {">= 1.x", "vers:npm/>=1.0.0"},
           {"2.1 || 2.6", "vers:npm/>=2.1.0|<2.2.0|>=2.6.0|<2.7.0"},
           {">= 0.2.0 <= 0.9.6 || ~0.8.0-pre", "vers:npm/>=0.2.0|>=0.8.0-pre|<0.9.0|<=0.9.6"},
           {"1.1.2 1.2.2", ""},  // two equalities joined by AND match nothing
       }},
      {"pypi_range_from_native_test.json", Scheme::kPep440, RangeSyntax::kPep440, {}},
      {"gem_range_from_native_test.json", Scheme::kRubyGems, RangeSyntax::kRubyGems, {}},
      {"nuget_range_from_native_test.json", Scheme::kNuget, RangeSyntax::kNuget, {}},
  };
}

std::string from_native_name(const ::testing::TestParamInfo<FromNativeFile>& param_info) {
  return testing::sanitize_test_name(param_info.param.file);
}

class VersFromNativeTest : public ::testing::TestWithParam<FromNativeFile> {};

TEST_P(VersFromNativeTest, ConvertsEveryCase) {
  const FromNativeFile& param = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(path, "vers-spec/tests/" + param.file);
  const Result<json::Json> document = json::parse(testing::read_text(path), path.string());
  ASSERT_TRUE(document.has_value()) << document.error().message;
  int passed = 0;
  int deviated = 0;
  int failed = 0;
  for (const json::Json& test : document->at("tests")) {
    const std::string native = test.at("input").at("native_range").get<std::string>();
    const std::string expected = test.at("expected_output").get<std::string>();
    const Result<Range> range = Range::parse_native(param.scheme, param.syntax, native);
    ASSERT_TRUE(range.has_value()) << native << ": " << range.error().message;
    const Result<std::string> vers = range->to_vers();
    const std::string actual = vers ? *vers : "";
    const auto deviation = param.deviations.find(native);
    if (deviation != param.deviations.end()) {
      EXPECT_EQ(actual, deviation->second) << native;
      ++deviated;
    } else if (actual == expected) {
      ++passed;
    } else {
      ++failed;
      ADD_FAILURE() << param.file << ": " << quote(native) << " gives " << quote(actual)
                    << ", expected " << quote(expected)
                    << (vers ? "" : " (" + vers.error().message + ")");
    }
  }
  EXPECT_EQ(failed, 0);
  EXPECT_EQ(deviated, static_cast<int>(param.deviations.size()));
  std::cout << "[ vers-spec] " << param.file << ": " << passed << " passed, " << failed
            << " failed, " << deviated << " documented deviations\n";
}

INSTANTIATE_TEST_SUITE_P(VersSpec, VersFromNativeTest, ::testing::ValuesIn(from_native_files()),
                         from_native_name);

}  // namespace
}  // namespace assay::version
