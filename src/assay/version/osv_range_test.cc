// Tests for OSV range evaluation: the schema's algorithm with unsorted events, "0", fixed versus
// last_affected, limit, several introduced/fixed pairs, several ranges, SEMVER ranges with Go's
// "v" prefix, and the kUnknown verdict (never kNotAffected) with its reason.
#include "assay/version/osv_range.h"

#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace assay::version {
namespace {

using K = OsvEventKind;

OsvRange ecosystem_range(std::vector<OsvEvent> events) {
  return OsvRange{OsvRangeType::kEcosystem, std::move(events)};
}

OsvRange semver_range(std::vector<OsvEvent> events) {
  return OsvRange{OsvRangeType::kSemver, std::move(events)};
}

struct Case {
  std::string_view description;
  std::vector<OsvEvent> events;
  std::string_view version;
  OsvVerdict expected;
};

std::string_view verdict_name(OsvVerdict verdict) {
  switch (verdict) {
    case OsvVerdict::kAffected:
      return "affected";
    case OsvVerdict::kNotAffected:
      return "not affected";
    case OsvVerdict::kUnknown:
      return "unknown";
  }
  return "?";
}

void expect_cases(Scheme scheme, OsvRangeType type, const std::vector<Case>& cases) {
  for (const Case& test : cases) {
    const OsvEvaluation result =
        evaluate(OsvRange{type, test.events}, scheme, std::string(test.version));
    EXPECT_EQ(result.verdict, test.expected)
        << test.description << " @ " << test.version << ": got " << verdict_name(result.verdict)
        << " " << result.reason;
    if (result.verdict != OsvVerdict::kUnknown) {
      EXPECT_TRUE(result.reason.empty()) << test.description;
    }
  }
}

TEST(OsvRangeTest, EvaluatesEcosystemRangesByTheSchemeOrder) {
  const std::vector<Case> kCases = {
      {"introduced 0, fixed",
       {{K::kIntroduced, "0"}, {K::kFixed, "1.2-1"}},
       "0.1",
       OsvVerdict::kAffected},
      {"introduced 0, fixed",
       {{K::kIntroduced, "0"}, {K::kFixed, "1.2-1"}},
       "1.2-1",
       OsvVerdict::kNotAffected},
      {"introduced 0, fixed",
       {{K::kIntroduced, "0"}, {K::kFixed, "1.2-1"}},
       "1.2-0",
       OsvVerdict::kAffected},
      // Debian order, not string order: an epoch outranks the upstream version.
      {"epoch fix",
       {{K::kIntroduced, "0"}, {K::kFixed, "1:0.5-1"}},
       "2.0-1",
       OsvVerdict::kAffected},
      {"epoch fix",
       {{K::kIntroduced, "0"}, {K::kFixed, "1:0.5-1"}},
       "1:0.5-1",
       OsvVerdict::kNotAffected},
      // '~' sorts first: a pre-release of the fixed version is still affected.
      {"tilde", {{K::kIntroduced, "1.0"}, {K::kFixed, "2.0"}}, "2.0~rc1", OsvVerdict::kAffected},
      {"before introduced",
       {{K::kIntroduced, "1.0"}, {K::kFixed, "2.0"}},
       "0.9",
       OsvVerdict::kNotAffected},
      {"at introduced",
       {{K::kIntroduced, "1.0"}, {K::kFixed, "2.0"}},
       "1.0",
       OsvVerdict::kAffected},
      {"never fixed", {{K::kIntroduced, "1.0"}}, "99", OsvVerdict::kAffected},
  };
  expect_cases(Scheme::kDebian, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, SortsUnsortedEventsBeforeEvaluating) {
  // Two introduced/fixed pairs, listed out of order.
  const std::vector<OsvEvent> events = {
      {K::kFixed, "2.5"}, {K::kIntroduced, "2.0"}, {K::kFixed, "1.5"}, {K::kIntroduced, "1.0"}};
  const std::vector<Case> kCases = {
      {"unsorted pairs", events, "0.5", OsvVerdict::kNotAffected},
      {"unsorted pairs", events, "1.2", OsvVerdict::kAffected},
      {"unsorted pairs", events, "1.5", OsvVerdict::kNotAffected},
      {"unsorted pairs", events, "1.9", OsvVerdict::kNotAffected},
      {"unsorted pairs", events, "2.0", OsvVerdict::kAffected},
      {"unsorted pairs", events, "2.4.9", OsvVerdict::kAffected},
      {"unsorted pairs", events, "2.5", OsvVerdict::kNotAffected},
      {"unsorted pairs", events, "3.0", OsvVerdict::kNotAffected},
      // Sorting is by version order, not text: "1.10" is after "1.9" in Alpine.
      {"numeric order",
       {{K::kFixed, "1.10"}, {K::kIntroduced, "1.9"}},
       "1.9.5",
       OsvVerdict::kAffected},
  };
  expect_cases(Scheme::kAlpine, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, DistinguishesLastAffectedFromFixed) {
  const std::vector<Case> kCases = {
      {"last_affected is inclusive",
       {{K::kIntroduced, "0"}, {K::kLastAffected, "2.1-r3"}},
       "2.1-r3",
       OsvVerdict::kAffected},
      {"last_affected",
       {{K::kIntroduced, "0"}, {K::kLastAffected, "2.1-r3"}},
       "2.1-r4",
       OsvVerdict::kNotAffected},
      {"fixed is exclusive",
       {{K::kIntroduced, "0"}, {K::kFixed, "2.1-r3"}},
       "2.1-r3",
       OsvVerdict::kNotAffected},
      {"fixed", {{K::kIntroduced, "0"}, {K::kFixed, "2.1-r3"}}, "2.1-r2", OsvVerdict::kAffected},
      // Pre-release suffixes sort before the release in apk.
      {"last_affected",
       {{K::kIntroduced, "0"}, {K::kLastAffected, "2.1"}},
       "2.1_rc1",
       OsvVerdict::kAffected},
      {"last_affected",
       {{K::kIntroduced, "0"}, {K::kLastAffected, "2.1"}},
       "2.1_p1",
       OsvVerdict::kNotAffected},
  };
  expect_cases(Scheme::kAlpine, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, AppliesEventsAtTheSameVersionIntroducedFirst) {
  const std::vector<Case> kCases = {
      // {introduced X, fixed X} is an empty range, whatever order the events are listed in.
      {"empty", {{K::kFixed, "1.0"}, {K::kIntroduced, "1.0"}}, "1.0", OsvVerdict::kNotAffected},
      {"empty", {{K::kIntroduced, "1.0"}, {K::kFixed, "1.0"}}, "1.1", OsvVerdict::kNotAffected},
      // {introduced X, last_affected X} is just X.
      {"single",
       {{K::kLastAffected, "1.0"}, {K::kIntroduced, "1.0"}},
       "1.0",
       OsvVerdict::kAffected},
      {"single",
       {{K::kLastAffected, "1.0"}, {K::kIntroduced, "1.0"}},
       "1.0.1",
       OsvVerdict::kNotAffected},
  };
  expect_cases(Scheme::kRpm, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, HonoursLimitEvents) {
  const std::vector<Case> kCases = {
      {"limit", {{K::kIntroduced, "1.0"}, {K::kLimit, "2.0"}}, "1.5", OsvVerdict::kAffected},
      {"limit", {{K::kIntroduced, "1.0"}, {K::kLimit, "2.0"}}, "2.0", OsvVerdict::kNotAffected},
      {"limit", {{K::kIntroduced, "1.0"}, {K::kLimit, "2.0"}}, "3.0", OsvVerdict::kNotAffected},
      {"limit *", {{K::kIntroduced, "1.0"}, {K::kLimit, "*"}}, "99.0", OsvVerdict::kAffected},
      // Any limit above the version will do.
      {"two limits",
       {{K::kIntroduced, "1.0"}, {K::kLimit, "2.0"}, {K::kLimit, "4.0"}},
       "3.0",
       OsvVerdict::kAffected},
      {"limit and fix",
       {{K::kIntroduced, "1.0"}, {K::kFixed, "1.5"}, {K::kLimit, "2.0"}},
       "1.7",
       OsvVerdict::kNotAffected},
  };
  expect_cases(Scheme::kRpm, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, IntroducedZeroMeansFromTheBeginningEvenWhenZeroIsNotAVersion) {
  // "0" is not a valid CRAN version (package_version needs two numbers), yet means "from the
  // beginning" in an introduced event.
  const std::vector<Case> kCases = {
      {"zero", {{K::kIntroduced, "0"}, {K::kFixed, "1.0-3"}}, "0.1", OsvVerdict::kAffected},
      {"zero", {{K::kIntroduced, "0"}, {K::kFixed, "1.0-3"}}, "1.0.3", OsvVerdict::kNotAffected},
  };
  expect_cases(Scheme::kCran, OsvRangeType::kEcosystem, kCases);
}

TEST(OsvRangeTest, SaysUnknownAndWhyWhenItCannotDecide) {
  struct Unknown {
    OsvRange range;
    std::string_view version;
    std::string_view reason;
  };
  const Unknown kCases[] = {
      {ecosystem_range({{K::kIntroduced, "0"}, {K::kFixed, "not a version"}}), "1.0",
       "cannot read the fixed bound \"not a version\" as a debian version"},
      {ecosystem_range({{K::kIntroduced, "v1"}, {K::kFixed, "2.0"}}), "5.0",
       "cannot read the introduced bound \"v1\""},
      {ecosystem_range({{K::kIntroduced, "0"}, {K::kLimit, "x"}}), "1.0",
       "cannot read the limit bound"},
      {ecosystem_range({{K::kIntroduced, "0"}, {K::kFixed, "2.0"}}), "v1.0",
       "cannot read the version \"v1.0\" as a debian version"},
      {ecosystem_range({}), "1.0", "the range has no events"},
      {ecosystem_range({{K::kFixed, "2.0"}}), "1.0", "the range has no introduced event"},
      {OsvRange{OsvRangeType::kGit, {{K::kIntroduced, "0"}, {K::kFixed, "abc123"}}}, "1.0",
       "GIT ranges name commits"},
  };
  for (const Unknown& test : kCases) {
    const OsvEvaluation result = evaluate(test.range, Scheme::kDebian, std::string(test.version));
    EXPECT_EQ(result.verdict, OsvVerdict::kUnknown) << test.reason;
    EXPECT_NE(result.reason.find(test.reason), std::string::npos) << result.reason;
  }
}

TEST(OsvRangeTest, EvaluatesAParsedVersionWithItsScheme) {
  const Result<Version> version = Version::parse(Scheme::kRpm, "1:2.0-1.el8");
  ASSERT_TRUE(version.has_value());
  const OsvRange range = ecosystem_range({{K::kIntroduced, "0"}, {K::kFixed, "1:2.0-2.el8"}});
  EXPECT_EQ(evaluate(range, *version).verdict, OsvVerdict::kAffected);
  const OsvRange fixed_before = ecosystem_range({{K::kIntroduced, "0"}, {K::kFixed, "2.0-2"}});
  EXPECT_EQ(evaluate(fixed_before, *version).verdict, OsvVerdict::kNotAffected);  // epoch 1

  const OsvEvaluation semver_against_rpm =
      evaluate(semver_range({{K::kIntroduced, "0"}}), *version);
  EXPECT_EQ(semver_against_rpm.verdict, OsvVerdict::kUnknown);
  EXPECT_NE(semver_against_rpm.reason.find("a SEMVER range cannot order a rpm version"),
            std::string::npos)
      << semver_against_rpm.reason;
}

TEST(OsvRangeTest, CombinesSeveralRanges) {
  const std::vector<OsvRange> ranges = {
      ecosystem_range({{K::kIntroduced, "1.0"}, {K::kFixed, "1.2"}}),
      ecosystem_range({{K::kIntroduced, "2.0"}, {K::kFixed, "2.3"}}),
  };
  EXPECT_EQ(evaluate(ranges, Scheme::kDebian, "1.1").verdict, OsvVerdict::kAffected);
  EXPECT_EQ(evaluate(ranges, Scheme::kDebian, "2.1").verdict, OsvVerdict::kAffected);
  EXPECT_EQ(evaluate(ranges, Scheme::kDebian, "1.5").verdict, OsvVerdict::kNotAffected);
  EXPECT_EQ(evaluate(std::vector<OsvRange>{}, Scheme::kDebian, "1.5").verdict,
            OsvVerdict::kNotAffected);

  // An undecidable range makes the answer unknown unless another range says affected.
  std::vector<OsvRange> with_git = ranges;
  with_git.push_back(OsvRange{OsvRangeType::kGit, {{K::kIntroduced, "0"}}});
  const OsvEvaluation unknown = evaluate(with_git, Scheme::kDebian, "1.5");
  EXPECT_EQ(unknown.verdict, OsvVerdict::kUnknown);
  EXPECT_NE(unknown.reason.find("GIT"), std::string::npos);
  EXPECT_EQ(evaluate(with_git, Scheme::kDebian, "2.1").verdict, OsvVerdict::kAffected);
}

TEST(OsvRangeTest, EvaluatesSemverRangesWithSemverPrecedence) {
  if (!Version::parse(Scheme::kSemver, "1.0.0")) {
    GTEST_SKIP() << "SemVer versions are not available in this build";
  }
  const std::vector<Case> kCases = {
      // Go vulndb: SEMVER type, bounds without "v", introduced "0"; Go versions carry a "v".
      {"go", {{K::kIntroduced, "0"}, {K::kFixed, "1.2.3"}}, "v1.2.2", OsvVerdict::kAffected},
      {"go", {{K::kIntroduced, "0"}, {K::kFixed, "1.2.3"}}, "v1.2.3", OsvVerdict::kNotAffected},
      {"go pseudo-version",
       {{K::kIntroduced, "0"}, {K::kFixed, "0.0.0-20210101000000-abcdef123456"}},
       "v0.0.0-20200101000000-abcdef123456",
       OsvVerdict::kAffected},
      {"go +incompatible",
       {{K::kIntroduced, "2.0.0"}, {K::kFixed, "2.1.0"}},
       "v2.0.5+incompatible",
       OsvVerdict::kAffected},
      // Pre-releases sort before their release.
      {"prerelease",
       {{K::kIntroduced, "1.0.0"}, {K::kFixed, "2.0.0"}},
       "2.0.0-rc.1",
       OsvVerdict::kAffected},
      {"prerelease",
       {{K::kIntroduced, "1.0.0"}, {K::kFixed, "2.0.0"}},
       "1.0.0-rc.1",
       OsvVerdict::kNotAffected},
      // Numeric, not textual, order.
      {"numeric",
       {{K::kIntroduced, "1.2.0"}, {K::kFixed, "1.10.0"}},
       "1.9.0",
       OsvVerdict::kAffected},
      // SEMVER ranges ignore the ecosystem's scheme: Debian would reject "1.0.0-rc.1+b".
      {"build", {{K::kIntroduced, "1.0.0-rc.1"}}, "1.0.0-rc.1+build.5", OsvVerdict::kAffected},
  };
  expect_cases(Scheme::kDebian, OsvRangeType::kSemver, kCases);
  const OsvEvaluation bad = evaluate(semver_range({{K::kIntroduced, "0"}}), Scheme::kGo, "1.2");
  EXPECT_EQ(bad.verdict, OsvVerdict::kUnknown);
  EXPECT_NE(bad.reason.find("as a semver version"), std::string::npos) << bad.reason;
}

}  // namespace
}  // namespace assay::version
