// Tests for the string helpers.
#include "assay/core/strings.h"

#include <gtest/gtest.h>

namespace assay {
namespace {

TEST(StringsTest, LowerUpperAndCaseInsensitiveEquality) {
  EXPECT_EQ(ascii_lower("PyPI-Ä"), "pypi-\xC3\x84");  // non-ASCII untouched
  EXPECT_EQ(ascii_upper("maven"), "MAVEN");
  EXPECT_TRUE(ascii_iequals("NuGet", "nuget"));
  EXPECT_FALSE(ascii_iequals("npm", "npmx"));
}

TEST(StringsTest, TrimAndSplitKeepEmptyFields) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  const auto parts = split("a||b|", '|');
  ASSERT_EQ(parts.size(), 4U);
  EXPECT_EQ(parts[0], "a");
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[2], "b");
  EXPECT_EQ(parts[3], "");
  EXPECT_EQ(join({"x", "y", "z"}, ", "), "x, y, z");
}

TEST(StringsTest, ParseUint64RejectsOverflowAndNonDigits) {
  EXPECT_EQ(parse_uint64("0"), 0U);
  EXPECT_EQ(parse_uint64("18446744073709551615"), 18446744073709551615ULL);
  EXPECT_EQ(parse_uint64("18446744073709551616"), std::nullopt);
  EXPECT_EQ(parse_uint64(""), std::nullopt);
  EXPECT_EQ(parse_uint64("1a"), std::nullopt);
  EXPECT_EQ(parse_uint64("-1"), std::nullopt);
}

TEST(StringsTest, NumericStringsCompareByValueAtAnyLength) {
  EXPECT_EQ(compare_numeric_strings("10", "9"), 1);
  EXPECT_EQ(compare_numeric_strings("007", "7"), 0);
  EXPECT_EQ(compare_numeric_strings("0", "000"), 0);
  EXPECT_EQ(
      compare_numeric_strings("123456789012345678901234567890", "123456789012345678901234567891"),
      -1);
}

TEST(StringsTest, HexRoundTripsAndRejectsBadInput) {
  EXPECT_EQ(hex_encode("\x01\xAB"), "01ab");
  EXPECT_EQ(hex_decode("01AB").value(), "\x01\xAB");
  EXPECT_EQ(hex_decode("abc"), std::nullopt);
  EXPECT_EQ(hex_decode("zz"), std::nullopt);
}

TEST(StringsTest, QuoteEscapesControlBytesAndTruncates) {
  EXPECT_EQ(quote("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(quote("x\n\x1b[31m"), "\"x\\x0a\\x1b[31m\"");
  EXPECT_EQ(quote("abcdef", 3), "\"abc...\"");
}

}  // namespace
}  // namespace assay
