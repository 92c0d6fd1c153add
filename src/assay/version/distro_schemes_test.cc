// Behaviour tables for the distribution and vers-only version schemes: the traps each reference
// implementation sets (Debian epochs and '~', RPM '~' and '^', Alpine suffixes and leading zeros,
// pacman's pkgrel, PMS leading zeros...), parse errors with their messages, and the total-order
// laws on every scheme's sample set. Expected orders were checked with dpkg, rpm and the
// references named in docs/formats/versions.md.
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assay/version/version.h"

namespace assay::version {
namespace {

struct Order {
  std::string_view a;
  std::string_view b;
  int expected;  // sign of compare(a, b)
};

struct SchemeOrders {
  Scheme scheme;
  std::vector<Order> orders;
};

int sign(int value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

std::string name_of(Scheme scheme) {
  return std::string(to_string(scheme));
}

const std::vector<SchemeOrders>& order_tables() {
  static const std::vector<SchemeOrders> tables = {
      {Scheme::kDebian,
       {
           {"1:0.1", "2.0", 1},     // the epoch outranks everything
           {"0:1.0", "1.0", 0},     // a missing epoch is 0
           {"+1:2", "1:2", 0},      // dpkg reads the epoch with strtol(): a '+' is accepted
           {"1.0~rc1", "1.0", -1},  // '~' sorts before the end of the string
           {"1.0~~", "1.0~", -1},
           {"1.0~~a", "1.0~~", 1},
           {"1.0a", "1.0+", -1},  // letters sort before other characters
           {"1.0", "1.0a", -1},
           {"1.01", "1.1", 0},   // digit runs compare numerically
           {"1.0", "1.0-0", 0},  // a missing revision equals "0"
           {"1.0.0", "1.0", 1},
           {"1.0-1-2", "1.0-1", 1},  // the revision follows the last '-'
           {"2.7.4+reloaded2-13ubuntu1", "2.7.4+reloaded2-13+deb9u1", -1},
           {"1.2.3-1~deb7u1", "1.2.3-1", -1},
           {" 1.0\t", "1.0", 0},  // dpkg ignores blanks around the version
           {"1.0-1", "1.0-1.1", -1},
           {"10", "9", 1},
           {"1:1.0:2-3", "1:1.0:2-3", 0},  // colons after the epoch belong to the version
       }},
      {Scheme::kRpm,
       {
           {"1.0~rc1", "1.0", -1},     // '~' sorts before everything, even the end
           {"1.0^git1", "1.0", 1},     // '^' sorts after the base version...
           {"1.0^git1", "1.0.1", -1},  // ...but before anything that continues it
           {"1.0~rc1^git1", "1.0~rc1", 1},
           {"1.0^git1~pre", "1.0^git1", -1},
           {"1.0", "1_0", 0},      // separators only separate
           {"1.0.1", "1.0.a", 1},  // a digit run is newer than a letter run
           {"1.0a", "1.0", 1},
           {"1:1.0", "2.0", 1},
           {"0:1.0", "1.0", 0},      // a missing epoch is "0"
           {":1.0", "0:1.0", 0},     // so is an empty one
           {"1.0", "1.0-1", -1},     // no release sorts before any release (rpmverCmp)
           {"1.0-1-2", "1.0-1", 1},  // the release follows the last '-'
           {"1.010", "1.10", 0},     // leading zeros do not count
           {"2.0", "10", -1},
           {"a", "b", -1},
           {"1.0.", "1.0", 0},  // trailing separators are ignored
       }},
      {Scheme::kAlpine,
       {
           {"1.0_alpha", "1.0_beta", -1},
           {"1.0_beta", "1.0_pre", -1},
           {"1.0_pre", "1.0_rc", -1},
           {"1.0_rc1", "1.0", -1},  // pre-release suffixes sort before the release
           {"1.0", "1.0_cvs", -1},  // the others after it
           {"1.0_cvs", "1.0_svn", -1},
           {"1.0_svn", "1.0_git", -1},
           {"1.0_git", "1.0_hg", -1},
           {"1.0_hg", "1.0_p1", -1},
           {"1.0_p1", "1.0_p2", -1},
           {"1.0_alpha2", "1.0_alpha10", -1},
           {"1.0-r1", "1.0", 1},
           {"1.0-r1", "1.0-r10", -1},
           {"1.0a", "1.0", 1},  // a letter is newer
           {"1.0a", "1.0b", -1},
           {"1.0", "1.0.1", -1},
           {"1.05", "1.5", -1},  // a number after '.' with a leading zero sorts first
           {"1.05", "1.0", 1},
           {"1.0", "1.00", 1},   // more leading zeros sort earlier
           {"006", "1.0.0", 1},  // the first number is always numeric
           {"7.9p1", "7.9", 1},  // apk-tools 2 reads digits after a letter
           {"7.9p1", "7.9_p1", 1},
           {"1.9.5p1-r1", "1.9.5p2-r1", -1},
           {"2.0.0_rc3-r1", "1.5", 1},
           {"1-r", "1-r0", 0},  // an empty revision number is 0
       }},
      {Scheme::kCran,
       {
           {"1.0-1", "1.0.1", 0},  // '.' and '-' are both separators
           {"0.01", "0.1-0", -1},
           {"0.01.0", "0.1-0", 0},
           {"1.0", "1.0.0", -1},  // a prefix is older
           {"0.9", "0.75", -1},
           {"1.10", "1.9", 1},
       }},
      {Scheme::kHackage,
       {
           {"1.0", "1.0.0", -1},
           {"0.1.26.0", "0", 1},
           {"1.0-beta", "1.0", 0},  // tags are ignored
           {"1.10", "1.9", 1},
           {"01.2", "1.2", 0},
       }},
      {Scheme::kConan,
       {
           {"1", "1.0.0", 0},  // trailing zero items are dropped
           {"1.0-pre1.0", "1.0.0-pre1", 0},
           {"1.1-alpha.1", "1.1", -1},  // a pre-release sorts before the release
           {"1.1.0", "1.1-alpha.1", 1},
           {"1.1", "1.1+b2", -1},  // no build sorts before any build
           {"1.1+b.3", "1.1+b.22", -1},
           {"1.1a", "1.1", 1},  // "1a" against 1: text after the number is newer
           {"1.a", "1.1", 1},   // letters sort after numbers
           {"1.1*", "1.20", -1},
           {"1.1_0", "1.10", 0},  // Python's int() reads "1_0" as 10
           {"1.10", "1.9a", 1},   // leading number first (Conan compares "10" < "9a" as text)
           {"1.0.0-", "1.0.0-alpha1", -1},
           {"1.2-a-b", "1.2-a", 1},  // the pre-release is everything after the first '-'
       }},
      {Scheme::kGeneric,
       {
           {"1.0rc1", "1.0", -1},
           {"1.0", "1.0.0", 0},
           {"1.0", "1-0", 0},
           {"1.0", "1.0.1", -1},
           {"1.0a", "1.0", -1},  // a trailing letter run reads as a pre-release
           {"1.0alpha", "1.0beta", -1},
           {"1.0RC1", "1.0rc1", 0},  // letters compare case-insensitively
           {"1.10", "1.9", 1},
           {"v1", "1", -1},  // a leading letter run is a letter run
           {"2024.01.05", "2024.1.5", 0},
       }},
      {Scheme::kAlpm,
       {
           {"1.5.1", "1.5.0", 1},
           {"1.5b", "1.5", -1},  // a trailing letter run is older than the end
           {"1.0a", "1.0alpha", -1},
           {"1.0rc", "1.0", -1},
           {"1.5.a", "1.5", 1},  // ...but not after a separator
           {"1:1.0", "1.1", 1},
           {"0:1.0", "1.0", 0},
           {"1.5-1", "1.5-2", -1},
           {"1.5", "1.5-1", -1},    // documented difference: pacman calls these equal
           {"1.0..1", "1.0.1", 1},  // a longer separator run is newer
       }},
      {Scheme::kGentoo,
       {
           {"1.01", "1.1", -1},   // leading zero: compared as strings
           {"1.010", "1.01", 0},  // with trailing zeros stripped
           {"1.0_alpha", "1.0_beta", -1},
           {"1.0_rc1", "1.0", -1},
           {"1.0_p1", "1.0", 1},
           {"1.0-r1", "1.0", 1},
           {"1.0-r0", "1.0", 0},
           {"1.0b", "1.0.0", -1},  // more numbers beats a letter
           {"5", "5.0", -1},
           {"1_p1", "1b_p1", -1},
           {"999999999999999999999999999998", "999999999999999999999999999999", -1},
           {"1.0_alpha_p1", "1.0_alpha", 1},
       }},
      {Scheme::kDatetime,
       {
           {"2024-01-01T00:00:00Z", "2023-12-31T19:00:00-05:00", 0},
           {"2024-01-01T00:00:00Z", "2024-01-01T00:00:00.000Z", 0},
           {"2024-01-01T00:00:00.090Z", "2024-01-01T00:00:00.123Z", -1},
           {"2024-01-01T00:00:00+02:00", "2023-12-31T23:00:00Z", -1},
           {"2024-01-01t00:00:00z", "2024-01-01T00:00:00Z", 0},
           {"2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z", 0},  // leap second
           {"2024-01-01T00:00:00.1234567Z", "2024-01-01T00:00:00.1234568Z", -1},
           {"1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z", -1},
       }},
      {Scheme::kLexicographic,
       {
           {"A", "a", -1},
           {"a", "aa", -1},
           {"z", "\xC3\xA9", -1},          // bytes compare unsigned
           {"e\xCC\x81", "\xC3\xA9", -1},  // no normalisation
       }},
      {Scheme::kOpenssl,
       {
           {"1.1.1z", "3.0.0", -1},  // legacy releases precede 3.x
           {"1.0.2k", "1.0.2l", -1},
           {"0.9.8y", "0.9.8za", -1},
           {"1.0.2zc", "1.0.2zc-dev", -1},
           {"1.0.2zc-dev", "1.0.2zd", -1},
           {"0.9.7-beta3", "0.9.7", -1},  // -alpha/-beta patches precede the release
           {"0.9.7-alpha2", "0.9.7-beta1", -1},
           {"0.9.6", "0.9.6-cvs", -1},
           {"0.9.6-cvs", "0.9.6a", -1},
           {"3.0.0-alpha1", "3.0.0", -1},
           {"3.0.10", "3.0.9", 1},
           {"3.1.0", "3.0.2", 1},
       }},
      {Scheme::kIntdot,
       {
           {"1.2", "1.2.0", 0},
           {"1.10", "1.9", 1},
           {"01.2", "1.2", 0},
           {"1.2.3-beta", "1.2.3", 0},  // reading stops at the first other byte
           {"10.234.5.12", "10.234.5.2", 1},
       }},
      {Scheme::kNginx,
       {
           {"1.21.0", "1.20.2", 1},
           {"0.9.10", "0.9.9", 1},
       }},
  };
  return tables;
}

TEST(DistroSchemeOrderTest, OrdersMatchTheReferenceImplementations) {
  for (const SchemeOrders& table : order_tables()) {
    for (const Order& order : table.orders) {
      const Result<int> forward = compare(table.scheme, order.a, order.b);
      const Result<int> backward = compare(table.scheme, order.b, order.a);
      ASSERT_TRUE(forward.has_value()) << name_of(table.scheme) << " " << order.a << " vs "
                                       << order.b << ": " << forward.error().to_string();
      ASSERT_TRUE(backward.has_value()) << backward.error().to_string();
      EXPECT_EQ(sign(*forward), order.expected)
          << name_of(table.scheme) << ": compare(" << order.a << ", " << order.b << ")";
      EXPECT_EQ(sign(*backward), -order.expected)
          << name_of(table.scheme) << ": compare(" << order.b << ", " << order.a << ")";
    }
  }
}

// Antisymmetry, transitivity and consistency of equality over every triple of each scheme's
// sample versions: a comparison that is not a total order makes range checks depend on order.
TEST(DistroSchemeOrderTest, EverySchemeIsATotalOrderOnItsSamples) {
  for (const SchemeOrders& table : order_tables()) {
    std::vector<Version> versions;
    for (const Order& order : table.orders) {
      for (std::string_view text : {order.a, order.b}) {
        Result<Version> parsed = Version::parse(table.scheme, text);
        ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
        versions.push_back(std::move(parsed).value());
      }
    }
    for (const Version& a : versions) {
      EXPECT_EQ(a.compare(a), 0) << name_of(table.scheme) << " " << a.text();
      for (const Version& b : versions) {
        const int ab = sign(a.compare(b));
        ASSERT_EQ(ab, -sign(b.compare(a)))
            << name_of(table.scheme) << ": " << a.text() << " vs " << b.text();
        for (const Version& c : versions) {
          const int bc = sign(b.compare(c));
          const int ac = sign(a.compare(c));
          if (ab <= 0 && bc <= 0) {
            ASSERT_LE(ac, 0) << name_of(table.scheme) << ": " << a.text() << " <= " << b.text()
                             << " <= " << c.text();
          }
          if (ab == 0 && bc == 0) {
            ASSERT_EQ(ac, 0) << name_of(table.scheme) << ": " << a.text() << " == " << b.text()
                             << " == " << c.text();
          }
        }
      }
    }
  }
}

TEST(DistroSchemeOrderTest, LongNumbersCompareAsDigitStringsNotMachineIntegers) {
  const std::string big(300, '9');
  const std::string bigger = "1" + std::string(300, '0');
  for (Scheme scheme :
       {Scheme::kDebian, Scheme::kRpm, Scheme::kCran, Scheme::kHackage, Scheme::kConan,
        Scheme::kGeneric, Scheme::kAlpm, Scheme::kGentoo, Scheme::kIntdot}) {
    const Result<int> order = compare(scheme, "1." + big, "1." + bigger);
    ASSERT_TRUE(order.has_value()) << name_of(scheme) << ": " << order.error().to_string();
    EXPECT_LT(*order, 0) << name_of(scheme);
  }
  // apk-tools reads numbers into 64-bit integers and rejects 18 digits or more.
  const Result<Version> alpine = Version::parse(Scheme::kAlpine, "1.123456789012345678");
  ASSERT_FALSE(alpine.has_value());
  EXPECT_NE(alpine.error().message.find("18 or more digits"), std::string::npos)
      << alpine.error().message;
}

struct Rejection {
  Scheme scheme;
  std::string_view text;
  std::string_view message;  // a fragment the error message must contain
};

TEST(DistroSchemeParseTest, RejectsInvalidVersionsSayingWhy) {
  constexpr Rejection kRejections[] = {
      {Scheme::kDebian, "", "version string is empty"},
      {Scheme::kDebian, "   ", "version string is empty"},
      {Scheme::kDebian, "1.0 2", "version string has embedded spaces"},
      {Scheme::kDebian, ":1.0", "epoch in version is empty"},
      {Scheme::kDebian, "a:1.0", "epoch in version is empty"},
      {Scheme::kDebian, "1a:1.0", "epoch in version is not number"},
      {Scheme::kDebian, "-1:1.0", "epoch in version is negative"},
      {Scheme::kDebian, "2147483648:1.0", "epoch in version is too big"},
      {Scheme::kDebian, "1:", "nothing after colon in version number"},
      {Scheme::kDebian, "1.0-", "revision number is empty"},
      {Scheme::kDebian, "-1", "upstream version is empty"},
      {Scheme::kDebian, "v1.0", "version number does not start with digit"},
      {Scheme::kDebian, "1.0_1", "invalid character in version number: '_' at byte 3"},
      {Scheme::kDebian, "1.0-1:2", "epoch in version is not number"},  // the first ':' ends it
      {Scheme::kDebian, "1:1.0-1:2", "invalid character in revision number: ':' at byte 7"},
      {Scheme::kRpm, "", "version is empty"},
      {Scheme::kRpm,
       std::string_view("1\0"
                        "2",
                        3),
       "NUL byte at byte 1"},
      {Scheme::kAlpine, "", "version is empty"},
      {Scheme::kAlpine, "1.0_foo", "unknown suffix at byte 3"},
      {Scheme::kAlpine, "1.0-foo", "unexpected '-' at byte 3"},
      {Scheme::kAlpine, "1.0A", "unexpected 'A' at byte 3"},
      {Scheme::kAlpine, "1.0ab", "unexpected 'b' at byte 4"},
      {Scheme::kAlpine, "1.0-r1.1", "unexpected '.' at byte 6"},
      {Scheme::kCran, "1", "at least two numbers"},
      {Scheme::kCran, "1.a", "expected a digit, found 'a' at byte 2"},
      {Scheme::kCran, "1.0_1", "expected '.' or '-', found '_' at byte 3"},
      {Scheme::kHackage, "1.", "expected a digit, found end of text at byte 2"},
      {Scheme::kHackage, "1.0-", "empty tag"},
      {Scheme::kHackage, "1.0a", "unexpected 'a' at byte 3"},
      {Scheme::kConan, "", "version is empty"},
      {Scheme::kConan, "1.0 beta", "byte 0x20 at byte 3"},
      {Scheme::kConan, "1.0\xC3\xA9", "byte 0xc3 at byte 3"},
      {Scheme::kGeneric, "", "version is empty"},
      {Scheme::kGeneric, "1.0 beta", "whitespace or control character byte 0x20 at byte 3"},
      {Scheme::kGeneric, "--", "no letters or digits"},
      {Scheme::kGeneric, "1.0\xFF", "not UTF-8 at byte 3"},
      {Scheme::kAlpm, "", "version is empty"},
      {Scheme::kAlpm, "_", "must end with a letter or digit, found '_' at byte 0"},
      {Scheme::kAlpm, "1.0.-1", "must end with a letter or digit, found '.' at byte 3"},
      {Scheme::kAlpm, "1.0-1_", "must end with a letter or digit, found '_' at byte 5"},
      {Scheme::kGentoo, "1.0_foo", "unknown suffix"},
      {Scheme::kGentoo, "1.0A", "unexpected text, 'A' at byte 3"},
      {Scheme::kGentoo, "1.0-r", "expected the revision number"},
      {Scheme::kGentoo, "1.0-1", "expected -r followed by digits"},
      {Scheme::kGentoo, ".1", "expected a digit"},
      {Scheme::kDatetime, "2024-01-01", "expected 'T' between date and time"},
      {Scheme::kDatetime, "2023-02-29T00:00:00Z", "not a day of 2023-02"},
      {Scheme::kDatetime, "2024-13-01T00:00:00Z", "month 01-12"},
      {Scheme::kDatetime, "2024-01-01T24:00:00Z", "hour 00-23"},
      {Scheme::kDatetime, "2024-01-01T00:60:00Z", "minute 00-59"},
      {Scheme::kDatetime, "2024-01-01T00:00:61Z", "second 00-60"},
      {Scheme::kDatetime, "2024-01-01T00:00:00", "expected 'Z' or an offset"},
      {Scheme::kDatetime, "2024-01-01T00:00:00+2:00", "offset as +hh:mm"},
      {Scheme::kDatetime, "2024-01-01T00:00:00.Z", "expected digits after '.'"},
      {Scheme::kDatetime, "2024-01-01T00:00:00ZZ", "unexpected text after the offset"},
      {Scheme::kLexicographic, "", "version is empty"},
      {Scheme::kLexicographic, "a\xC3", "not UTF-8 at byte 1"},
      {Scheme::kOpenssl, "2.0.0", "major version is below 3"},
      {Scheme::kOpenssl, "1.0.10a", "must not start with a digit"},
      {Scheme::kOpenssl, "1.0.2.1", "exactly three dot-separated fields"},
      {Scheme::kOpenssl, "3.0", "expected MAJOR.MINOR.PATCH"},
      {Scheme::kOpenssl, "3.0.0_beta", "pre-release must be '-'"},
      {Scheme::kIntdot, "v1.2", "must start with a digit"},
      {Scheme::kIntdot, "", "must start with a digit"},
  };
  for (const Rejection& rejection : kRejections) {
    const Result<Version> parsed = Version::parse(rejection.scheme, rejection.text);
    ASSERT_FALSE(parsed.has_value()) << name_of(rejection.scheme) << " accepted " << rejection.text;
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
    EXPECT_NE(parsed.error().message.find(rejection.message), std::string::npos)
        << name_of(rejection.scheme) << " " << rejection.text << ": " << parsed.error().message;
  }
}

TEST(DistroSchemeParseTest, ExposesTheParsedParts) {
  const Result<Version> debian = Version::parse(Scheme::kDebian, "2:1.0~rc1-3ubuntu1");
  ASSERT_TRUE(debian.has_value());
  const auto* deb = debian->as<DebianVersion>();
  ASSERT_NE(deb, nullptr);
  EXPECT_EQ(deb->epoch(), 2U);
  EXPECT_EQ(deb->upstream(), "1.0~rc1");
  EXPECT_EQ(deb->revision(), "3ubuntu1");

  const Result<Version> rpm = Version::parse(Scheme::kRpm, "1:2.3-4.el8");
  ASSERT_TRUE(rpm.has_value());
  const auto* evr = rpm->as<RpmVersion>();
  ASSERT_NE(evr, nullptr);
  EXPECT_EQ(evr->epoch(), "1");
  EXPECT_EQ(evr->version(), "2.3");
  EXPECT_TRUE(evr->has_release());
  EXPECT_EQ(evr->release(), "4.el8");
  EXPECT_EQ(rpm->as<DebianVersion>(), nullptr);

  const Result<Version> conan = Version::parse(Scheme::kConan, "1.2-rc.1+build.5");
  ASSERT_TRUE(conan.has_value());
  EXPECT_EQ(conan->as<ConanVersion>()->main(), "1.2");
  EXPECT_EQ(conan->as<ConanVersion>()->pre(), "rc.1");
  EXPECT_EQ(conan->as<ConanVersion>()->build(), "build.5");

  const Result<Version> intdot = Version::parse(Scheme::kIntdot, "1.2.3-beta");
  ASSERT_TRUE(intdot.has_value());
  EXPECT_EQ(intdot->as<IntdotVersion>()->numbers(), "1.2.3");
  EXPECT_EQ(intdot->text(), "1.2.3-beta");

  const Result<Version> stamp = Version::parse(Scheme::kDatetime, "1970-01-02T00:00:00+01:00");
  ASSERT_TRUE(stamp.has_value());
  EXPECT_EQ(stamp->as<DatetimeVersion>()->unix_seconds(), 86400 - 3600);
}

TEST(DistroSchemeParseTest, RpmvercmpMatchesRpmOnSegmentRules) {
  EXPECT_EQ(rpmvercmp("1.0", "1.0"), 0);
  EXPECT_EQ(rpmvercmp("1.0~", "1.0"), -1);
  EXPECT_EQ(rpmvercmp("1.0^", "1.0"), 1);
  EXPECT_EQ(rpmvercmp("", "1"), -1);
  EXPECT_EQ(alpm_rpmvercmp("1.5b", "1.5"), -1);  // pacman's variant differs from rpm's here
  EXPECT_EQ(rpmvercmp("1.5b", "1.5"), 1);
}

}  // namespace
}  // namespace assay::version
