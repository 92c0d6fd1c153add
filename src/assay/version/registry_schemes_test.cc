// Tests for the registry version schemes (SemVer flavours, Go, PEP 440, Maven, RubyGems, Composer,
// NuGet): behaviour tables checked against the reference implementations, and the shared
// osv-scalibr, univers and vers-spec fixture files run as-is with every case counted.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/version/version.h"

#include "testing.h"

namespace assay::version {
namespace {

int sign(int order) {
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

// Compares under `scheme`; 2 when either side does not parse.
int order_of(Scheme scheme, std::string_view a, std::string_view b) {
  const Result<int> order = compare(scheme, a, b);
  return order ? sign(*order) : 2;
}

// ---------------------------------------------------------------------------------------------
// Shared fixture files: osv-scalibr semantic/testdata "<a> <op> <b>" lines.

struct FixtureFile {
  std::string file;
  Scheme scheme;
  // Versions in the file that the scheme's reference implementation itself rejects (the
  // osv-scalibr files are shared by several ecosystems and carry some of each one's syntax).
  // Each must fail to parse; the comparison lines that use them are counted as skipped. For the
  // schemes with a reference tool on the machine the list comes from
  // tests/data/version/reference-rejects.tsv (generated with the tool); for the others it is
  // the rule of the reference's grammar, named here.
  std::string rule;
};

std::string fixture_name(const ::testing::TestParamInfo<FixtureFile>& info) {
  return testing::sanitize_test_name(std::string(to_string(info.param.scheme)) + "_" +
                                     info.param.file);
}

// Whether the reference implementation of `scheme` rejects `version`.
bool reference_rejects(Scheme scheme, const std::string& rule, const std::string& version) {
  static const std::map<std::string, std::set<std::string>> kGenerated = [] {
    std::map<std::string, std::set<std::string>> out;
    const std::string content = testing::read_text("tests/data/version/reference-rejects.tsv");
    for (const std::string_view line : split(content, '\n')) {
      if (line.empty() || line[0] == '#') {
        continue;
      }
      const std::size_t tab = line.find('\t');
      out[std::string(line.substr(0, tab))].insert(std::string(line.substr(tab + 1)));
    }
    return out;
  }();
  if (rule == "generated") {
    const auto found = kGenerated.find(std::string(to_string(scheme)));
    return found != kGenerated.end() && found->second.count(version) != 0;
  }
  const std::string main = version.substr(0, version.find_first_of("-+"));
  const std::vector<std::string_view> numbers = split(main, '.');
  const bool v_prefix = !version.empty() && version[0] == 'v';
  if (rule == "three numbers, no v") {  // SemVer 2.0.0 grammar; Elixir's Version.parse
    return v_prefix || numbers.size() != 3;
  }
  if (rule == "three numbers, no v, 64-bit") {  // pub_semver: int.parse of each number
    bool too_big = false;
    for (const std::string_view number : numbers) {
      too_big = too_big ||
                (all_digits(number) && compare_numeric_strings(number, "9223372036854775807") > 0);
    }
    return v_prefix || numbers.size() != 3 || too_big;
  }
  if (rule == "32-bit numbers") {  // NuGet: System.Version components are Int32
    return version.find("99999999999") != std::string::npos;
  }
  return false;
}

// Fixture lines whose expected order the reference tool contradicts, with the reference's answer
// (tests/data/version/fixture-disagreements.tsv, generated with the tools).
const std::map<std::pair<std::string, std::string>, int>& disagreements() {
  static const std::map<std::pair<std::string, std::string>, int> kLines = [] {
    std::map<std::pair<std::string, std::string>, int> out;
    const std::string content = testing::read_text("tests/data/version/fixture-disagreements.tsv");
    for (const std::string_view line : split(content, '\n')) {
      if (line.empty() || line[0] == '#') {
        continue;
      }
      const std::vector<std::string_view> fields = split(line, '\t');
      out[{std::string(fields[0]), std::string(fields[1])}] = std::stoi(std::string(fields[3]));
    }
    return out;
  }();
  return kLines;
}

std::vector<FixtureFile> fixture_files() {
  const std::string semver = "semver-versions.txt";
  return {
      {semver, Scheme::kNpm, "generated"},
      {semver, Scheme::kSemver, "three numbers, no v"},
      {semver, Scheme::kCargo, "generated"},
      {semver, Scheme::kHex, "three numbers, no v"},
      {semver, Scheme::kGo, "generated"},
      {"pub-versions.txt", Scheme::kPub, "three numbers, no v, 64-bit"},
      {"pypi-versions.txt", Scheme::kPep440, "generated"},
      {"pypi-versions-generated.txt", Scheme::kPep440, "generated"},
      {"maven-versions.txt", Scheme::kMaven, "none"},
      {"maven-versions-generated.txt", Scheme::kMaven, "none"},
      {"rubygems-versions.txt", Scheme::kRubyGems, "generated"},
      {"rubygems-versions-generated.txt", Scheme::kRubyGems, "generated"},
      {"packagist-versions.txt", Scheme::kComposer, "generated"},
      {"packagist-versions-generated.txt", Scheme::kComposer, "generated"},
      {"nuget-versions.txt", Scheme::kNuget, "32-bit numbers"},
  };
}

class ScalibrFixtureTest : public ::testing::TestWithParam<FixtureFile> {};

TEST_P(ScalibrFixtureTest, EveryComparisonMatchesTheFile) {
  const FixtureFile& fixture = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(path, "osv-scalibr-semantic/semantic/testdata/" + fixture.file);
  const std::string content = testing::read_text(path);
  int passed = 0;
  int failed = 0;
  int skipped = 0;
  int overruled = 0;  // lines where the reference contradicts the file; Assay follows the reference
  int line_number = 0;
  for (const std::string_view raw : split(content, '\n')) {
    ++line_number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.rfind("# ", 0) == 0 || line.rfind("//", 0) == 0 || line == "#") {
      continue;
    }
    const std::vector<std::string_view> fields = split(line, ' ');
    ASSERT_EQ(fields.size(), 3U) << fixture.file << ":" << line_number << ": " << line;
    const std::string a(fields[0]);
    const std::string b(fields[2]);
    const std::string_view op = fields[1];
    const int expected = op == "<" ? -1 : (op == ">" ? 1 : 0);
    ASSERT_TRUE(op == "<" || op == ">" || op == "=") << fixture.file << ":" << line_number;
    bool skip = false;
    for (const std::string& version : {a, b}) {
      const bool rejects = reference_rejects(fixture.scheme, fixture.rule, version);
      const Result<Version> parsed = Version::parse(fixture.scheme, version);
      EXPECT_EQ(parsed.has_value(), !rejects)
          << fixture.file << ":" << line_number << ": " << to_string(fixture.scheme)
          << (parsed ? " accepts " : " rejects ") << quote(version) << " but the reference "
          << (rejects ? "rejects" : "accepts") << " it"
          << (parsed ? std::string() : ": " + parsed.error().message);
      skip = skip || rejects || !parsed;
    }
    if (skip) {
      ++skipped;
      continue;
    }
    const int actual = order_of(fixture.scheme, a, b);
    const int reverse = order_of(fixture.scheme, b, a);
    const auto disagreement = disagreements().find({fixture.file, std::string(line)});
    if (disagreement != disagreements().end()) {
      EXPECT_EQ(actual, disagreement->second) << fixture.file << ":" << line_number << ": " << line
                                              << ": the reference says " << disagreement->second;
      ++overruled;
      continue;
    }
    if (actual == expected && reverse == -expected) {
      ++passed;
    } else {
      ++failed;
      ADD_FAILURE() << fixture.file << ":" << line_number << ": " << line << " but "
                    << to_string(fixture.scheme) << " gives " << actual << " (reverse " << reverse
                    << ")";
    }
  }
  EXPECT_EQ(failed, 0);
  EXPECT_GT(passed, 0);
  std::cout << "[ fixture  ] " << fixture.file << " as " << to_string(fixture.scheme) << ": "
            << passed << " passed, " << failed << " failed, " << skipped
            << " skipped (the reference rejects a version), " << overruled
            << " where the reference contradicts the file\n";
}

INSTANTIATE_TEST_SUITE_P(OsvScalibr, ScalibrFixtureTest, ::testing::ValuesIn(fixture_files()),
                         fixture_name);

// ---------------------------------------------------------------------------------------------
// vers-spec and univers comparison files (maven, nuget): "comparison" sorts the versions and
// expects the given order; "equality" expects every pair equal (true) or not (false).

struct CmpFile {
  std::string path;
  Scheme scheme;
};

std::string cmp_file_name(const ::testing::TestParamInfo<CmpFile>& param_info) {
  return testing::sanitize_test_name(param_info.param.path);
}

class VersCmpFileTest : public ::testing::TestWithParam<CmpFile> {};

TEST_P(VersCmpFileTest, EveryCaseMatches) {
  ASSAY_SHARED_DATA_OR_SKIP(path, GetParam().path);
  const Result<json::Json> document = json::parse(testing::read_text(path), path.string());
  ASSERT_TRUE(document.has_value()) << document.error().message;
  const json::Json& tests = document->is_array() ? *document : document->at("tests");
  // Cases whose expected order maven-artifact 3.8.7 contradicts (the files follow Maven 3.9,
  // where "2.0.a" is read as "2.0-a"); checked against 3.8.7's answer instead.
  static const std::map<std::pair<std::string, std::string>, int> kReferenceSays = {
      {{"2-1", "2.0.a"}, 1},
      {{"2-1", "2.0.0.a"}, 1},
  };
  int passed = 0;
  int failed = 0;
  int overruled = 0;
  for (const json::Json& test : tests) {
    const json::Json& input = test.at("input").at("versions");
    if (input.size() == 2) {
      const auto found =
          kReferenceSays.find({input[0].get<std::string>(), input[1].get<std::string>()});
      if (found != kReferenceSays.end() && GetParam().scheme == Scheme::kMaven) {
        EXPECT_EQ(order_of(Scheme::kMaven, found->first.first, found->first.second), found->second);
        ++overruled;
        continue;
      }
    }
    std::vector<Version> versions;
    for (const json::Json& text : test.at("input").at("versions")) {
      Result<Version> version = Version::parse(GetParam().scheme, text.get<std::string>());
      ASSERT_TRUE(version.has_value()) << text << ": " << version.error().message;
      versions.push_back(*version);
    }
    bool ok = true;
    if (test.at("test_type") == "equality") {
      const bool expected = test.at("expected_output").get<bool>();
      for (std::size_t i = 1; i < versions.size(); ++i) {
        ok = ok && ((versions[0].compare(versions[i]) == 0) == expected);
      }
    } else {
      std::vector<Version> sorted = versions;
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const Version& x, const Version& y) { return x.compare(y) < 0; });
      std::size_t index = 0;
      for (const json::Json& text : test.at("expected_output")) {
        ok =
            ok && index < sorted.size() &&
            sorted[index].compare(*Version::parse(GetParam().scheme, text.get<std::string>())) == 0;
        ++index;
      }
    }
    if (ok) {
      ++passed;
    } else {
      ++failed;
      ADD_FAILURE() << GetParam().path << ": " << test.at("input").dump() << " expected "
                    << test.at("expected_output").dump();
    }
  }
  EXPECT_EQ(failed, 0);
  EXPECT_GT(passed, 0);
  std::cout << "[ cmp file ] " << GetParam().path << ": " << passed << " passed, " << failed
            << " failed, " << overruled << " where maven-artifact 3.8.7 contradicts the file\n";
}

INSTANTIATE_TEST_SUITE_P(
    VersSpecAndUnivers, VersCmpFileTest,
    ::testing::Values(CmpFile{"vers-spec/tests/maven_version_cmp_test.json", Scheme::kMaven},
                      CmpFile{"vers-spec/tests/nuget_version_cmp_test.json", Scheme::kNuget},
                      CmpFile{"univers/tests/data/schema/maven_version_cmp.json", Scheme::kMaven},
                      CmpFile{"univers/tests/data/schema/nuget_version_cmp.json", Scheme::kNuget}),
    cmp_file_name);

// ---------------------------------------------------------------------------------------------
// Behaviour tables, each row checked against the reference tool named in the test.

struct Row {
  std::string_view a;
  std::string_view b;
  int order;  // -1, 0, 1; 2 means b (or a) is invalid for the scheme
};

void check_rows(Scheme scheme, std::initializer_list<Row> rows) {
  for (const Row& row : rows) {
    EXPECT_EQ(order_of(scheme, row.a, row.b), row.order)
        << to_string(scheme) << ": " << row.a << " vs " << row.b;
    if (row.order != 2) {
      EXPECT_EQ(order_of(scheme, row.b, row.a), -row.order)
          << to_string(scheme) << " reversed: " << row.b << " vs " << row.a;
    }
  }
}

TEST(NpmVersionTest, AcceptsVAndWhitespaceButNotEqualsOrLooseFormsAsSemverCompareDoes) {
  check_rows(Scheme::kNpm, {{"v1.2.3", "1.2.3", 0},
                            {" 1.2.3\t", "1.2.3", 0},
                            {"=1.2.3", "1.2.3", 2},
                            {"1.2", "1.2.0", 2},
                            {"01.2.3", "1.2.3", 2},
                            {"1.2.3-01", "1.2.3", 2},
                            {"1.2.3+build.1", "1.2.3", 0},
                            {"9007199254740991.0.0", "1.0.0", 1},
                            {"9007199254740992.0.0", "1.0.0", 2}});
}

TEST(SemverVersionTest, OrdersPrereleasesBySemver2Precedence) {
  check_rows(Scheme::kSemver, {{"1.0.0-alpha", "1.0.0-alpha.1", -1},
                               {"1.0.0-alpha.beta", "1.0.0-beta", -1},
                               {"1.0.0-beta.2", "1.0.0-beta.11", -1},
                               {"1.0.0-rc.1", "1.0.0", -1},
                               {"1.0.0-1", "1.0.0-a", -1},
                               {"1.0.0+a", "1.0.0+b", 0},
                               {"99999999999999999999.0.0", "1.0.0", 1},
                               {"v1.0.0", "1.0.0", 2}});
}

TEST(CargoVersionTest, RejectsVAndOverflowAndIgnoresBuildForPrecedence) {
  check_rows(Scheme::kCargo, {{"1.0.0+build", "1.0.0", 0},
                              {"v1.0.0", "1.0.0", 2},
                              {"18446744073709551615.0.0", "1.0.0", 1},
                              {"18446744073709551616.0.0", "1.0.0", 2},
                              {"1.0.0-a..b", "1.0.0", 2}});
}

TEST(PubVersionTest, OrdersByBuildMetadataAfterPrerelease) {
  check_rows(Scheme::kPub, {{"1.2.3+1", "1.2.3+2", -1},
                            {"1.2.3", "1.2.3+0", -1},
                            {"1.2.3+9", "1.2.3+a", -1},
                            {"1.2.3-01", "1.2.3-1", 0},  // Dart's int.tryParse reads "01" as 1
                            {"01.2.3", "1.2.3", 0}});
}

TEST(GoVersionTest, AcceptsShorthandAndMissingVAndIgnoresIncompatible) {
  check_rows(Scheme::kGo, {{"v1.2", "v1.2.0", 0},
                           {"v1", "1.0.0", 0},
                           {"v2.0.0+incompatible", "v2.0.0", 0},
                           {"v0.0.0-20210101000000-abcdefabcdef", "v0.0.0", -1},
                           {"v1.2.4-0.20210101000000-abcdefabcdef", "v1.2.3", 1},
                           {"v1.2-pre", "v1.2.0", 2},
                           {"V1.0.0", "v1.0.0", 2}});
}

TEST(Pep440VersionTest, NormalisesSpellingsAndOrdersAsPackaging) {
  check_rows(Scheme::kPep440, {{"1.0alpha1", "1.0a1", 0},
                               {"1.0.RC1", "1.0rc1", 0},
                               {"v1.0", "1.0", 0},
                               {" 1.0 ", "1.0", 0},
                               {"1.0-1", "1.0.post1", 0},
                               {"1.0.dev0", "1.0a0", -1},
                               {"1.0a1.dev0", "1.0a1", -1},
                               {"1.0", "1.0.post0.dev0", -1},
                               {"1.0+abc", "1.0+5", -1},
                               {"1.0", "1.0+0", -1},
                               {"1!0.1", "2.0", 1},
                               {"1.0.0", "1", 0},
                               {"1.0-", "1.0", 2},
                               {"1.0.0.0.0+ubuntu-1", "1+ubuntu.1", 0}});
}

TEST(MavenVersionTest, QualifiersAliasesAndTransitionsFollowComparableVersion) {
  check_rows(Scheme::kMaven, {{"1.0-alpha1", "1.0-a1", 0},
                              {"1.0-alpha", "1.0-beta", -1},
                              {"1.0-milestone", "1.0-rc", -1},
                              {"1.0-rc", "1.0-cr", 0},
                              {"1.0-snapshot", "1.0", -1},
                              {"1.0-ga", "1.0", 0},
                              {"1.0-final", "1.0.0", 0},
                              {"1.0", "1.0-sp", -1},
                              {"1.0-foo", "1.0-sp", 1},
                              {"1.0.0.X1", "1.0.0-X1", 0},
                              {"1-1", "1-0.1", 1},
                              {"1.0RC1", "1.0-rc-1", 0},
                              {"1.12345678901234567890", "1.12345678901234567889", 1}});
}

TEST(RubyGemsVersionTest, LettersArePrereleasesAndTrailingZerosVanish) {
  check_rows(Scheme::kRubyGems, {{"1.0.a", "1.0", -1},
                                 {"1.0-1", "1.0.pre.1", 0},
                                 {"1.0.0", "1", 0},
                                 {"1.a.0", "1.a", 0},
                                 {"", "0", 0},
                                 {"1.0.b1", "1.0.a2", 1},
                                 {"1..0", "1", 2},
                                 {"1.0-", "1", 2}});
}

TEST(ComposerVersionTest, NormalisesThenComparesAsVersionCompare) {
  check_rows(Scheme::kComposer, {{"v1.2", "1.2.0.0", 0},
                                 {"1.0.0-dev", "1.0.0-alpha", -1},
                                 {"1.0.0-alpha1", "1.0.0-beta", -1},
                                 {"1.0.0-RC1", "1.0.0", -1},
                                 {"1.0.0-patch1", "1.0.0", 1},
                                 {"1.0.0pl1", "1.0.0-p1", 0},
                                 {"dev-master", "0.0.1", -1},
                                 {"1.x-dev", "1.9999999", 1},
                                 {"1.0 as 2.0", "1.0", 0},
                                 {"1.0@beta", "1.0", 0},
                                 {"1.0.0.0.0", "1.0", 2}});
}

TEST(NugetVersionTest, FourNumbersAndCaseInsensitiveLabels) {
  check_rows(Scheme::kNuget, {{"1.0", "1.0.0.0", 0},
                              {"1.0.0-BETA", "1.0.0-beta", 0},
                              {"1.0.0+meta", "1.0.0", 0},
                              {"1.0.0.1", "1.0.0", 1},
                              {"1.0.0-2", "1.0.0-10", -1},
                              {"1.0.0-10", "1.0.0-a", -1},
                              {"01.0.0", "1.0.0", 0},
                              {"1.0.0-01", "1.0.0", 2},
                              {"2147483648.0", "1.0", 2}});
}

TEST(RegistryVersionTest, ErrorsNameTheSchemeAndTheProblem) {
  const Result<Version> npm = Version::parse(Scheme::kNpm, "1.2");
  ASSERT_FALSE(npm.has_value());
  EXPECT_EQ(npm.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(npm.error().message.find("npm version"), std::string::npos);
  EXPECT_EQ(npm.error().location, "\"1.2\"");
  const Result<Version> pep = Version::parse(Scheme::kPep440, "1.0-foo");
  ASSERT_FALSE(pep.has_value());
  EXPECT_NE(pep.error().message.find("PEP 440"), std::string::npos);
  const Result<Version> maven = Version::parse(Scheme::kMaven, "");
  ASSERT_FALSE(maven.has_value());
  EXPECT_NE(maven.error().message.find("empty"), std::string::npos);
}

TEST(SemverCompareTextTest, FastPathAgreesWithParseThenCompare) {
  // compare() takes SemverVersion::compare_text for valid SemVer texts; on random texts it must
  // give exactly what parse() + compare() give (or both must reject).
  static constexpr std::string_view kPieces[] = {"0",  "1",  "2",  "10", "01", ".",  ".",
                                                 ".",  "-",  "+",  "v",  " ",  "a",  "beta",
                                                 "x9", "00", "-0", "Z",  "..", "\t", "999"};
  std::uint32_t seed = 20240601;
  auto next = [&seed](std::uint32_t bound) {
    seed = seed * 1103515245U + 12345U;
    return (seed >> 8) % bound;
  };
  auto random_text = [&]() {
    std::string text;
    const std::uint32_t count = 1 + next(9);
    for (std::uint32_t i = 0; i < count; ++i) {
      text += kPieces[next(static_cast<std::uint32_t>(std::size(kPieces)))];
    }
    return text;
  };
  int both_valid = 0;
  for (const Scheme scheme : {Scheme::kSemver, Scheme::kNpm, Scheme::kCargo, Scheme::kHex}) {
    for (int i = 0; i < 4000; ++i) {
      std::string a = random_text();
      std::string b = random_text();
      if (i % 2 == 0) {
        // Mostly valid: numbers and dot-separated identifiers, some of them invalid.
        static constexpr std::string_view kIds[] = {
            "0", "1", "10", "alpha", "beta", "x9", "01", "a-b", "", "9999999999999999999"};
        auto version = [&]() {
          std::string text = std::string(kIds[next(3)]) + "." + std::string(kIds[next(3)]) + "." +
                             std::string(kIds[next(4)]);
          for (const char* separator : {"-", "+"}) {
            if (next(2) == 0) {
              text += separator;
              const std::uint32_t count = 1 + next(3);
              for (std::uint32_t k = 0; k < count; ++k) {
                text += (k == 0 ? "" : ".") + std::string(kIds[next(10)]);
              }
            }
          }
          return (next(5) == 0 ? "v" : "") + text;
        };
        a = version();
        b = version();
      }
      const Result<Version> left = Version::parse(scheme, a);
      const Result<Version> right = Version::parse(scheme, b);
      const Result<int> fast = compare(scheme, a, b);
      ASSERT_EQ(fast.has_value(), left.has_value() && right.has_value())
          << to_string(scheme) << ": " << quote(a) << " vs " << quote(b);
      if (fast) {
        ++both_valid;
        EXPECT_EQ(sign(*fast), sign(left->compare(*right)))
            << to_string(scheme) << ": " << quote(a) << " vs " << quote(b);
      }
    }
  }
  EXPECT_GT(both_valid, 1000);
}

}  // namespace
}  // namespace assay::version
