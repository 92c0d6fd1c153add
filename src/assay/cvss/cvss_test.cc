// Unit tests of CVSS parsing (accepted forms, every rejection with its message and column),
// canonical printing, scoring (worked examples, v3.0/v3.1 differences, v4.0 score groups and
// rounding) and severity ratings.
#include "assay/cvss/cvss.h"

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/cvss/internal/scoring.h"

#include "testing.h"

namespace assay::cvss {
namespace {

using ::testing::HasSubstr;

Vector must_parse(std::string_view text, const ParseOptions& options = {}) {
  const Result<Vector> vector = parse(text, options);
  EXPECT_TRUE(vector.has_value()) << text << ": " << vector.error().to_string();
  return vector.value_or(Vector{});
}

// ---- Accepted forms ------------------------------------------------------------------------

struct VersionCase {
  std::string_view name;
  std::string_view text;
  Version version;
  std::string_view canonical;
};

class CvssParseVersionTest : public ::testing::TestWithParam<VersionCase> {};

TEST_P(CvssParseVersionTest, DetectsTheVersionAndPrintsCanonically) {
  const VersionCase& c = GetParam();
  const Vector vector = must_parse(c.text);
  EXPECT_EQ(vector.version(), c.version);
  EXPECT_EQ(to_string(vector), c.canonical);
  EXPECT_EQ(parse(to_string(vector)).value_or(Vector{}), vector);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, CvssParseVersionTest,
    ::testing::Values(
        VersionCase{"V2Bare", "AV:N/AC:L/Au:N/C:P/I:P/A:P", Version::kV2,
                    "AV:N/AC:L/Au:N/C:P/I:P/A:P"},
        VersionCase{"V2Parenthesised", "(AV:N/AC:L/Au:N/C:P/I:P/A:P)", Version::kV2,
                    "AV:N/AC:L/Au:N/C:P/I:P/A:P"},
        VersionCase{"V2Prefixed", "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P", Version::kV2,
                    "AV:N/AC:L/Au:N/C:P/I:P/A:P"},
        VersionCase{"V2AnyOrderAndNotDefinedKept", "E:ND/A:P/I:P/C:P/Au:N/AC:L/AV:N", Version::kV2,
                    "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND"},
        VersionCase{
            "V30AnyOrder", "CVSS:3.0/S:C/C:H/I:H/A:N/AV:P/AC:H/PR:H/UI:R/E:H/RL:O/RC:R/CR:H/MAC:H",
            Version::kV30, "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:R/CR:H/MAC:H"},
        VersionCase{"V31ExplicitXKept", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/MS:X",
                    Version::kV31, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/MS:X"},
        VersionCase{"V40WithSupplemental",
                    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/"
                    "MSI:S/S:P/AU:Y/R:I/V:C/RE:H/U:Clear",
                    Version::kV40,
                    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A/"
                    "MSI:S/S:P/AU:Y/R:I/V:C/RE:H/U:Clear"}),
    [](const ::testing::TestParamInfo<VersionCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(CvssParseTest, TheThreeV2FormsAreTheSameVector) {
  const Vector bare = must_parse("AV:N/AC:L/Au:N/C:P/I:P/A:P");
  EXPECT_EQ(must_parse("(AV:N/AC:L/Au:N/C:P/I:P/A:P)"), bare);
  EXPECT_EQ(must_parse("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P"), bare);
  EXPECT_NE(must_parse("AV:N/AC:L/Au:N/C:P/I:P/A:C"), bare);
}

TEST(CvssParseTest, ExplicitNotDefinedIsKeptButScoresAsAbsent) {
  const Vector explicit_x = must_parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X");
  const Vector absent = must_parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  EXPECT_NE(explicit_x, absent);
  EXPECT_EQ(score(explicit_x), score(absent));
}

TEST(CvssParseTest, GetReturnsValuesAsWrittenAndNulloptOtherwise) {
  const Vector vector =
      must_parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:X/U:Amber");
  EXPECT_EQ(vector.get("AV"), "N");
  EXPECT_EQ(vector.get("CR"), "X");
  EXPECT_EQ(vector.get("U"), "Amber");
  EXPECT_EQ(vector.get("MAV"), std::nullopt);  // a v4.0 metric, absent
  EXPECT_EQ(vector.get("Au"), std::nullopt);   // not a v4.0 metric
  EXPECT_EQ(vector.get(""), std::nullopt);
}

TEST(CvssParseTest, MetricsAreListedInCanonicalOrder) {
  const Vector vector = must_parse("CVSS:3.1/C:H/AV:N/MS:C/AC:L/PR:N/UI:N/S:U/I:H/A:H/E:P");
  using Pair = std::pair<std::string_view, std::string_view>;
  EXPECT_EQ(vector.metrics(), (std::vector<Pair>{{"AV", "N"},
                                                 {"AC", "L"},
                                                 {"PR", "N"},
                                                 {"UI", "N"},
                                                 {"S", "U"},
                                                 {"C", "H"},
                                                 {"I", "H"},
                                                 {"A", "H"},
                                                 {"E", "P"},
                                                 {"MS", "C"}}));
}

TEST(CvssParseTest, AnyV4OrderIsAcceptedOnlyWhenAsked) {
  constexpr std::string_view kShuffled =
      "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/SC:N/VI:H/SI:N/VA:H/SA:N";
  const Result<Vector> strict = parse(kShuffled);
  ASSERT_FALSE(strict);
  EXPECT_EQ(strict.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(strict.error().message,
              HasSubstr("metric VI must come before SC: CVSS v4.0 fixes the order of metrics"));
  EXPECT_EQ(strict.error().location, "column 45");

  const Vector lenient = must_parse(kShuffled, ParseOptions{.allow_any_v4_order = true});
  EXPECT_EQ(to_string(lenient), "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
}

// ---- Rejections ----------------------------------------------------------------------------

struct RejectCase {
  std::string_view name;
  std::string text;
  ErrorCode code;
  std::string_view message;  // a substring of the message
  std::string_view location;
};

class CvssParseRejectTest : public ::testing::TestWithParam<RejectCase> {};

TEST_P(CvssParseRejectTest, FailsWithAnActionableError) {
  const RejectCase& c = GetParam();
  const Result<Vector> vector = parse(c.text);
  ASSERT_FALSE(vector) << c.text << " parsed as " << to_string(*vector);
  EXPECT_EQ(vector.error().code, c.code);
  EXPECT_THAT(vector.error().message, HasSubstr(std::string(c.message)));
  EXPECT_EQ(vector.error().location, c.location);
}

constexpr std::string_view kV31Base = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

INSTANTIATE_TEST_SUITE_P(
    Inputs, CvssParseRejectTest,
    ::testing::Values(
        RejectCase{"Empty", "", ErrorCode::kInvalidInput, "empty CVSS vector", ""},
        RejectCase{"TooLong", std::string(kV31Base) + std::string(1000, 'A'),
                   ErrorCode::kInvalidInput, "bytes long; the limit is 1024", ""},
        RejectCase{"LeadingSpace", " " + std::string(kV31Base), ErrorCode::kInvalidInput,
                   "leading or trailing whitespace", "column 1"},
        RejectCase{"TrailingNewline", std::string(kV31Base) + "\n", ErrorCode::kInvalidInput,
                   "leading or trailing whitespace", "column 45"},
        RejectCase{"LowerCasePrefix", "cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "must be upper-case \"CVSS:\"", "column 1"},
        RejectCase{"UnsupportedVersion", "CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kUnsupported, "unsupported CVSS version \"3.2\"", "column 6"},
        RejectCase{"MalformedVersion", "CVSS:three/AV:N", ErrorCode::kInvalidInput,
                   "malformed version prefix \"CVSS:three\"", "column 1"},
        RejectCase{"PrefixOnly", "CVSS:3.1", ErrorCode::kInvalidInput,
                   "CVSS v3.1 vector has no metrics after its prefix", "column 9"},
        RejectCase{"PrefixAndSlashOnly", "CVSS:4.0/", ErrorCode::kInvalidInput,
                   "CVSS v4.0 vector has no metrics after its prefix", "column 10"},
        RejectCase{"TrailingSlash", std::string(kV31Base) + "/", ErrorCode::kInvalidInput,
                   "trailing \"/\" after the last metric", "column 45"},
        RejectCase{"DoubleSlash", "CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "empty metric (two \"/\" in a row)", "column 15"},
        RejectCase{"NoColon", "CVSS:3.1/AV/AC:L", ErrorCode::kInvalidInput,
                   "\"AV\" is not a \"metric:value\" pair", "column 10"},
        RejectCase{"UnknownMetric", std::string(kV31Base) + "/XX:Y", ErrorCode::kInvalidInput,
                   "unknown metric \"XX\" for CVSS v3.1", "column 46"},
        RejectCase{"V2MetricInV3", std::string(kV31Base) + "/Au:N", ErrorCode::kInvalidInput,
                   "unknown metric \"Au\" for CVSS v3.1", "column 46"},
        RejectCase{"V3MetricInV4",
                   "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/RL:O",
                   ErrorCode::kInvalidInput, "unknown metric \"RL\" for CVSS v4.0", "column 65"},
        RejectCase{"BarePrefixlessV31", "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput,
                   "unknown metric \"PR\" for CVSS v2.0; a CVSS v3.x or v4.0 vector must start "
                   "with its \"CVSS:3.1/\", \"CVSS:3.0/\" or \"CVSS:4.0/\" prefix",
                   "column 11"},
        RejectCase{"InvalidValue", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput,
                   "invalid value \"Q\" for metric AV in CVSS v3.1 (allowed: N, A, L, P)",
                   "column 13"},
        RejectCase{"BaseMetricX", "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "invalid value \"X\" for metric AV", "column 13"},
        RejectCase{"ValueWithColon", "CVSS:3.1/AV:N:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "invalid value \"N:N\" for metric AV", "column 13"},
        RejectCase{"ValuesAreCaseSensitive", "CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "invalid value \"n\" for metric AV", "column 13"},
        RejectCase{"MetricsAreCaseSensitive", "CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput, "unknown metric \"av\"", "column 10"},
        RejectCase{"SafetyOnlyInModifiedMetrics",
                   "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N",
                   ErrorCode::kInvalidInput,
                   "invalid value \"S\" for metric SI in CVSS v4.0 (allowed: H, L, N)",
                   "column 58"},
        RejectCase{"V2ValueFromV3", "AV:N/AC:L/Au:N/C:H/I:P/A:P", ErrorCode::kInvalidInput,
                   "invalid value \"H\" for metric C in CVSS v2.0 (allowed: N, P, C)", "column 18"},
        RejectCase{"Duplicate", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L",
                   ErrorCode::kInvalidInput, "metric AV is given more than once", "column 46"},
        RejectCase{"MissingBaseMetrics", "CVSS:3.1/AV:N/UI:N/S:U/C:H/I:H/A:H",
                   ErrorCode::kInvalidInput,
                   "CVSS v3.1 vector lacks mandatory base metric(s) AC, PR", ""},
        RejectCase{"MissingV4BaseMetric",
                   "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/E:A",
                   ErrorCode::kInvalidInput, "lacks mandatory base metric(s) SA", ""},
        RejectCase{"MissingV2BaseMetric", "AV:N/AC:L/C:P/I:P/A:P", ErrorCode::kInvalidInput,
                   "CVSS v2.0 vector lacks mandatory base metric(s) Au", ""},
        RejectCase{"OnlyTemporal", "CVSS:3.1/E:P", ErrorCode::kInvalidInput,
                   "lacks mandatory base metric(s) AV, AC, PR, UI, S, C, I, A", ""},
        RejectCase{"UnbalancedParenthesis", "(AV:N/AC:L/Au:N/C:P/I:P/A:P", ErrorCode::kInvalidInput,
                   "unbalanced parentheses", "column 27"},
        RejectCase{"EmptyParentheses", "()", ErrorCode::kInvalidInput,
                   "empty CVSS v2.0 vector inside parentheses", "column 2"},
        RejectCase{"ParenthesisedV3", "(CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)",
                   ErrorCode::kInvalidInput, "unknown metric \"CVSS\" for CVSS v2.0", "column 2"},
        RejectCase{"V4OutOfOrderThreat",
                   "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/E:A",
                   ErrorCode::kInvalidInput, "metric E must come before CR", "column 70"},
        RejectCase{"Garbage", "\x01\xff/\x80:", ErrorCode::kInvalidInput,
                   "is not a \"metric:value\" pair", "column 1"}),
    [](const ::testing::TestParamInfo<RejectCase>& param_info) {
      return std::string(param_info.param.name);
    });

// ---- Scores --------------------------------------------------------------------------------

struct ScoreCase {
  std::string_view name;
  std::string_view vector;
  double base;
  std::optional<double> temporal;
  std::optional<double> environmental;
};

class CvssScoreTest : public ::testing::TestWithParam<ScoreCase> {};

TEST_P(CvssScoreTest, ScoresAsSpecified) {
  const ScoreCase& c = GetParam();
  const Scores scores = score(must_parse(c.vector));
  EXPECT_EQ(scores.base, c.base);
  EXPECT_EQ(scores.temporal, c.temporal);
  EXPECT_EQ(scores.environmental, c.environmental);
}

INSTANTIATE_TEST_SUITE_P(
    Examples, CvssScoreTest,
    ::testing::Values(
        ScoreCase{"V2BaseOnly", "AV:N/AC:L/Au:N/C:P/I:P/A:P", 7.5, std::nullopt, std::nullopt},
        // Temporal and environmental v2 scores exist only when such a metric is not ND.
        ScoreCase{"V2AllNotDefined", "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:ND/CDP:ND", 7.5,
                  std::nullopt, std::nullopt},
        // The v2 guide's worked example (CVE-2002-0392): base 7.8, temporal 6.4, and with
        // CDP:H/TD:H/CR:M/IR:M/AR:H environmental 9.2. AdjustedTemporal is exactly 8.265, which
        // rounds half up to 8.3; binary floating point (8.2649999...) gives 8.2 and then 9.1.
        ScoreCase{"V2GuideExampleTemporal", "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C", 7.8, 6.4,
                  std::nullopt},
        ScoreCase{"V2GuideExampleEnvironmental",
                  "AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H", 7.8, 6.4,
                  9.2},
        ScoreCase{"V2NoImpactIsZero", "AV:L/AC:H/Au:M/C:N/I:N/A:N", 0.0, std::nullopt,
                  std::nullopt},
        // v3.x temporal and environmental scores always exist.
        ScoreCase{"V31Critical", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8, 9.8, 9.8},
        ScoreCase{"V31NoImpact", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0.0, 0.0, 0.0},
        // MPR is weighed by the modified scope: MS:U makes PR:L 0.62 although S:C (0.68).
        ScoreCase{"V31ModifiedPrivilegesFollowModifiedScope",
                  "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:N/E:P/RL:O/MAV:L/MS:U/CR:H", 8.5, 7.6,
                  6.7},
        // v3.1 changed the modified impact of a changed modified scope:
        // 7.52(MISS-0.029) - 3.25(MISS*0.9731-0.02)^13 instead of v3.0's ... - 3.25(MISS-0.02)^15.
        ScoreCase{"V30ModifiedScopeChanged",
                  "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N/CR:M/IR:L/MS:C", 9.1, 9.1, 9.6},
        ScoreCase{"V31ModifiedScopeChanged",
                  "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N/CR:M/IR:L/MS:C", 9.1, 9.1, 9.5},
        // v3.0 rounds up exactly: 2.5 * 0.92 is exactly 2.3 (binary floating point makes it
        // 2.3000000000000003, which a naive ceil turns into 2.4).
        ScoreCase{"V30RoundUpIsExact",
                  "CVSS:3.0/AV:N/AC:H/PR:H/UI:R/S:U/C:N/I:L/A:L/RC:U/IR:L/MAC:X", 3.1, 2.9, 2.3},
        // v4.0: base is CVSS-B; temporal is CVSS-BT (only with E); environmental is the score
        // of every metric (CVSS-BE or CVSS-BTE).
        ScoreCase{"V40BaseOnly", "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                  9.3, std::nullopt, std::nullopt},
        ScoreCase{"V40Threat",
                  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U", 9.3, 8.1,
                  std::nullopt},
        ScoreCase{"V40ThreatNotDefined",
                  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X", 9.3,
                  std::nullopt, std::nullopt},
        ScoreCase{"V40Environmental",
                  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:L/IR:L/AR:L",
                  9.3, std::nullopt, 8.9},
        ScoreCase{"V40ThreatAndEnvironmental",
                  "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N/E:U/CR:L/MSI:S",
                  2.0, 0.3, 1.0},
        ScoreCase{"V40SafetyRaisesEnvironmental",
                  "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N/CR:L/MSI:S", 2.0,
                  std::nullopt, 4.6},
        ScoreCase{"V40SupplementalIsNotScored",
                  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P/AU:Y/R:I/"
                  "V:C/RE:H/U:Red",
                  9.3, std::nullopt, std::nullopt},
        ScoreCase{"V40NoImpactIsZero",
                  "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N/E:A", 0.0, 0.0,
                  std::nullopt},
        // The exact value is 5.65; binary floating point gives 5.6499999..., which FIRST's
        // calculator rounds correctly by adding 1e-6 first.
        ScoreCase{"V40RoundsHalfUpDespiteFloatNoise",
                  "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L", 5.7,
                  std::nullopt, std::nullopt}),
    [](const ::testing::TestParamInfo<ScoreCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(CvssScoreTest, DefaultConstructedPlaceholderScoresZero) {
  const Vector placeholder;
  EXPECT_EQ(score(placeholder), Scores{});
  EXPECT_EQ(to_string(placeholder), "CVSS:3.1/");
  EXPECT_FALSE(parse(to_string(placeholder)));
}

TEST(CvssScoreTest, OverallIsTheMostSpecificScore) {
  EXPECT_EQ((Scores{7.5, std::nullopt, std::nullopt}).overall(), 7.5);
  EXPECT_EQ((Scores{7.5, 6.4, std::nullopt}).overall(), 6.4);
  EXPECT_EQ((Scores{7.5, 6.4, 9.2}).overall(), 9.2);
  EXPECT_EQ((Scores{7.5, std::nullopt, 9.2}).overall(), 9.2);
}

TEST(CvssScoreTest, V40MacroVectorAndNomenclature) {
  const Vector base = must_parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
  EXPECT_EQ(macro_vector(base), "000200");
  EXPECT_EQ(nomenclature(base), "CVSS-B");
  const Vector full =
      must_parse("CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N/E:U/CR:L/MSI:S");
  EXPECT_EQ(macro_vector(full), "212021");
  EXPECT_EQ(nomenclature(full), "CVSS-BTE");
  EXPECT_EQ(nomenclature(
                must_parse("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:P")),
            "CVSS-BT");
  EXPECT_EQ(nomenclature(must_parse(
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:X/MAV:L")),
            "CVSS-BE");
  EXPECT_EQ(macro_vector(must_parse(std::string(kV31Base))), "");
  EXPECT_EQ(nomenclature(must_parse(std::string(kV31Base))), "");
}

// Every one of the 104,976 v4.0 base vectors scores to one decimal within [0, 10], and scoring
// the canonical form of each gives the same result.
TEST(CvssScoreTest, EveryV40BaseVectorScoresWithinRange) {
  std::size_t count = 0;
  for (const char* av : {"N", "A", "L", "P"}) {
    for (const char* ac : {"L", "H"}) {
      for (const char* at : {"N", "P"}) {
        for (const char* pr : {"N", "L", "H"}) {
          for (const char* ui : {"N", "P", "A"}) {
            for (int impacts = 0; impacts < 729; ++impacts) {
              std::string text = std::string("CVSS:4.0/AV:") + av + "/AC:" + ac + "/AT:" + at +
                                 "/PR:" + pr + "/UI:" + ui;
              int rest = impacts;
              for (const char* metric : {"VC", "VI", "VA", "SC", "SI", "SA"}) {
                text += std::string("/") + metric + ":" + "HLN"[rest % 3];
                rest /= 3;
              }
              const Result<Vector> vector = parse(text);
              ASSERT_TRUE(vector) << text;
              const double base = score(*vector).base;
              ASSERT_GE(base, 0.0) << text;
              ASSERT_LE(base, 10.0) << text;
              ASSERT_EQ(base, std::round(base * 10) / 10) << text;
              ++count;
            }
          }
        }
      }
    }
  }
  EXPECT_EQ(count, 104'976U);
}

TEST(CvssRoundingTest, V31RoundupRemovesFloatNoiseBeforeRoundingUp) {
  EXPECT_EQ(internal::roundup_v31(4.02), 4.1);
  EXPECT_EQ(internal::roundup_v31(4.0), 4.0);
  EXPECT_EQ(internal::roundup_v31(4.000001), 4.0);  // below five decimals: not rounded up
  EXPECT_EQ(internal::roundup_v31(4.00001), 4.1);
  EXPECT_EQ(internal::roundup_v31(0.1 + 0.2), 0.3);
  EXPECT_EQ(internal::roundup_v31(0.0), 0.0);
}

TEST(CvssRoundingTest, V30RoundUpIsTheExactCeiling) {
  EXPECT_EQ(internal::roundup_v30(4.02), 4.1);
  EXPECT_EQ(internal::roundup_v30(4.0), 4.0);
  EXPECT_EQ(internal::roundup_v30(4.000001), 4.1);  // where v3.0 and v3.1 differ
  EXPECT_EQ(internal::roundup_v30(0.1 + 0.2), 0.3);
  EXPECT_EQ(internal::roundup_v30(2.5 * 0.92), 2.3);
  EXPECT_FALSE(std::signbit(internal::roundup_v30(0.0)));
}

// ---- Severity ------------------------------------------------------------------------------

TEST(CvssSeverityTest, V3AndV4Scale) {
  const std::vector<std::pair<double, Severity>> cases = {
      {0.0, Severity::kNone},      {0.1, Severity::kLow},    {3.9, Severity::kLow},
      {3.95, Severity::kLow},      {4.0, Severity::kMedium}, {6.9, Severity::kMedium},
      {7.0, Severity::kHigh},      {8.9, Severity::kHigh},   {9.0, Severity::kCritical},
      {10.0, Severity::kCritical}, {-1.0, Severity::kNone}};
  for (const auto& [value, expected] : cases) {
    EXPECT_EQ(severity(value), expected) << value;
    EXPECT_EQ(severity(Version::kV31, value), expected) << value;
    EXPECT_EQ(severity(Version::kV40, value), expected) << value;
  }
}

TEST(CvssSeverityTest, V2UsesNvdLowMediumHigh) {
  EXPECT_EQ(severity(Version::kV2, 0.0), Severity::kLow);
  EXPECT_EQ(severity(Version::kV2, 3.9), Severity::kLow);
  EXPECT_EQ(severity(Version::kV2, 4.0), Severity::kMedium);
  EXPECT_EQ(severity(Version::kV2, 6.9), Severity::kMedium);
  EXPECT_EQ(severity(Version::kV2, 7.0), Severity::kHigh);
  EXPECT_EQ(severity(Version::kV2, 10.0), Severity::kHigh);
}

TEST(CvssSeverityTest, Names) {
  EXPECT_EQ(to_string(Severity::kNone), "None");
  EXPECT_EQ(to_string(Severity::kLow), "Low");
  EXPECT_EQ(to_string(Severity::kMedium), "Medium");
  EXPECT_EQ(to_string(Severity::kHigh), "High");
  EXPECT_EQ(to_string(Severity::kCritical), "Critical");
  EXPECT_EQ(to_string(Version::kV2), "2.0");
  EXPECT_EQ(to_string(Version::kV30), "3.0");
  EXPECT_EQ(to_string(Version::kV31), "3.1");
  EXPECT_EQ(to_string(Version::kV40), "4.0");
}

// Every committed fuzz seed that parses round-trips (the fuzz target checks this on every input).
TEST(CvssRoundTripTest, FuzzSeedsRoundTrip) {
  std::size_t parsed = 0;
  for (const auto& entry : std::filesystem::directory_iterator("fuzz/corpus/cvss")) {
    const std::string text = testing::read_text(entry.path());
    const Result<Vector> vector = parse(text);
    if (!vector) {
      continue;
    }
    ++parsed;
    EXPECT_EQ(parse(to_string(*vector)).value_or(Vector{}), *vector) << entry.path();
  }
  EXPECT_GE(parsed, 10U);
}

}  // namespace
}  // namespace assay::cvss
