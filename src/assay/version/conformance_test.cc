// External conformance suites for version ordering and vers, run as-is from the shared data:
// osv-scalibr semantic fixtures, univers test data (apk-tools, rpm, openssl, vers JSON) and the
// package-url/vers-spec test suite. One parameter per fixture file; every case is asserted and
// counted. Deliberate differences are listed in kDeviations with their reason (see
// docs/formats/versions.md); a listed case that starts passing fails the run so the list stays
// true.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/version/ecosystem.h"
#include "assay/version/vers.h"
#include "assay/version/version.h"

#include "testing.h"

namespace assay::version {
namespace {

namespace fs = std::filesystem;
using json::Json;

enum class FixtureKind {
  kScalibrSemantic,  // osv-scalibr "a op b" lines, ecosystems from ECOSYSTEM-MAP.txt
  kVersJson,         // vers-spec / univers JSON test cases
  kRpmVercmp,        // rpm's tests/rpmvercmp.at RPMVERCMP(a, b, r) lines
  kApkVersionData,   // apk-tools test/version.data "a op b" lines
  kOpensslSort,      // univers openssl release list and its expected sort
  kNpmAdvisory,      // univers npm_advisory.json native -> vers pairs
  kLegacyVersSuite,  // univers test-suite-data.json (an early vers draft)
};

struct Fixture {
  std::string name;  // path relative to the shared data root
  fs::path path;
  FixtureKind kind = FixtureKind::kVersJson;
};

// A deliberate difference from the expected result of one case.
struct Deviation {
  std::string_view file;  // fixture name suffix
  std::string_view key;   // the case key the runner prints for failures
  std::string_view reason;
};

constexpr std::string_view kApkInvalid =
    "apk-tools 2 (apk_version_validate) rejects this version; Assay reports it as invalid rather "
    "than order it (osv-scalibr's hand-written cases order invalid versions its own way)";
constexpr std::string_view kApkOrder =
    "apk-tools 2 and go-apk-version order this pair the other way; the hand-written case follows "
    "osv-scalibr's own reimplementation";

constexpr Deviation kDeviations[] = {
    {"alpine-versions.txt", "Alpine:4 1-r-0 < 1-r0", kApkInvalid},
    {"alpine-versions.txt", "Alpine:5 1-r-1 < 1-r0", kApkInvalid},
    {"alpine-versions.txt", "Alpine:27 1.2.0A < 1.2.0d", kApkInvalid},
    {"alpine-versions.txt", "Alpine:28 1.2.0D < 1.2.0d", kApkInvalid},
    {"alpine-versions.txt", "Alpine:38 1-r2 > 1-r-1", kApkInvalid},
    {"alpine-versions.txt", "Alpine:40 1 > 1-ruff", kApkInvalid},
    {"alpine-versions.txt", "Alpine:43 1-r0-1 = 1-r-2", kApkInvalid},
    {"alpine-versions.txt", "Alpine:44 1-r0-1 = 1-r0-2", kApkInvalid},
    {"alpine-versions.txt", "Alpine:45 1-ruff2 = 1-ruff1", kApkInvalid},
    {"alpine-versions.txt", "Alpine:47 1-ruff2 = 1--ruff1", kApkInvalid},
    {"alpine-versions.txt", "Alpine:48 1-r0-ruff2 = 1-r0-ruff1", kApkInvalid},
    {"alpine-versions.txt", "Alpine:50 1.2 > 1.2_blah", kApkInvalid},
    {"alpine-versions.txt", "Alpine:58 1.2_svn1 > 1.2_csv2", kApkInvalid},
    {"alpine-versions.txt", "Alpine:59 1.2_cvs1 > 1.2_blah", kApkInvalid},
    {"alpine-versions.txt", "Alpine:72 23_foo > 4_beta", kApkInvalid},
    {"alpine-versions.txt", "Alpine:74 1.0 < 1.0bc", kApkInvalid},
    {"alpine-versions.txt", "Alpine:15 0.r1 < 0r2", kApkOrder},
    {"alpine-versions.txt", "Alpine:24 0.8.21.r2 < 0.8.21r2", kApkOrder},
    {"alpm_version_cmp_test.json", "equality 1.5.b-1 1.5.b",
     "pacman ignores a pkgrel present on one side only, which is not transitive; Assay orders a "
     "version without pkgrel before the same version with one"},
    {"alpm_version_cmp_test.json", "equality 1.5 1.5-1", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp_test.json", "equality 1.5-1 1.5", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp_test.json", "equality 1.1-1 1.1", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp.json", "equality 1.5.b-1 1.5.b", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp.json", "equality 1.5 1.5-1", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp.json", "equality 1.5-1 1.5", "as above (pkgrel on one side only)"},
    {"alpm_version_cmp.json", "equality 1.1-1 1.1", "as above (pkgrel on one side only)"},
    {"conan_range_from_native_test.json", "from_native conan ",
     "an empty Conan range is rejected instead of giving the invalid, empty \"vers:conan/\""},
    {"conan_range_from_native.json", "from_native conan ", "as above (empty Conan range)"},
    {"conan_gitlab_range_from_native.json", "from_native conan ", "as above (empty Conan range)"},
    // The npm cases where the vers-spec/univers answer changes the range's meaning (the same list
    // as range_test.cc's VersFromNativeTest; docs/formats/versions.md).
    {"npm_range_from_native_test.json", "from_native npm <= 1.0",
     "\"1.0\" is 1.0.x in node-semver, so \"<= 1.0\" is <1.1.0; the expected answer (generated by "
     "univers) says <=1.0.0"},
    {"npm_range_from_native_test.json", "from_native npm <=2.1 >=1.1",
     "as above (a partial version is a whole minor range)"},
    {"npm_range_from_native_test.json", "from_native npm >= 2.2.x",
     "\">= 2.2.x\" has no upper bound in node-semver"},
    {"npm_range_from_native_test.json", "from_native npm >= 1.x", "as above"},
    {"npm_range_from_native_test.json", "from_native npm 2.1 || 2.6",
     "\"2.1\" is 2.1.x in node-semver"},
    {"npm_range_from_native_test.json", "from_native npm >= 0.2.0 <= 0.9.6 || ~0.8.0-pre",
     "the tilde range keeps its own upper bound"},
    {"npm_range_from_native_test.json", "from_native npm 1.1.2 1.2.2",
     "two equalities joined by AND match nothing, which vers cannot express; refused"},
    {"range/npm_range_from_native.json", "from_native npm <= 1.0",
     "\"1.0\" is 1.0.x in node-semver, so \"<= 1.0\" is <1.1.0; the expected answer (generated by "
     "univers) says <=1.0.0"},
    {"range/npm_range_from_native.json", "from_native npm <=2.1 >=1.1",
     "as above (a partial version is a whole minor range)"},
    {"range/npm_range_from_native.json", "from_native npm >= 2.2.x",
     "\">= 2.2.x\" has no upper bound in node-semver"},
    {"range/npm_range_from_native.json", "from_native npm >= 1.x", "as above"},
    {"range/npm_range_from_native.json", "from_native npm 2.1 || 2.6",
     "\"2.1\" is 2.1.x in node-semver"},
    {"range/npm_range_from_native.json", "from_native npm >= 0.2.0 <= 0.9.6 || ~0.8.0-pre",
     "the tilde range keeps its own upper bound"},
    {"range/npm_range_from_native.json", "from_native npm 1.1.2 1.2.2",
     "two equalities joined by AND match nothing, which vers cannot express; refused"},
    {"npm_advisory.json", "from_native npm <= 1.0",
     "\"1.0\" is 1.0.x in node-semver, so \"<= 1.0\" is <1.1.0; the expected answer (generated by "
     "univers) says <=1.0.0"},
    {"npm_advisory.json", "from_native npm <=2.1 >=1.1",
     "as above (a partial version is a whole minor range)"},
    {"npm_advisory.json", "from_native npm >= 2.2.x",
     "\">= 2.2.x\" has no upper bound in node-semver"},
    {"npm_advisory.json", "from_native npm >= 1.x", "as above"},
    {"npm_advisory.json", "from_native npm 2.1 || 2.6", "\"2.1\" is 2.1.x in node-semver"},
    {"npm_advisory.json", "from_native npm >= 0.2.0 <= 0.9.6 || ~0.8.0-pre",
     "the tilde range keeps its own upper bound"},
    {"npm_advisory.json", "from_native npm 1.1.2 1.2.2",
     "two equalities joined by AND match nothing, which vers cannot express; refused"},
    {"vers_canonical_parse_test.json", "parse vers:npm/1.0%252F0",
     "vers versions are validated against their scheme, and \"1.0%2F0\" is not an npm version"},
    {"test-suite-data.json",
     "legacy vers:debian/ 5.0A , >  = 2.6 & < 3, > = 3.4.4+reloaded2-13+"
     "deb9u1 ",
     "an early vers draft (spaces, '&' and ',' separators, type \"debian\") that the "
     "specification replaced; rejected"},
};

class Tally {
 public:
  explicit Tally(std::string file) : file_(std::move(file)) {}

  // Records one case: `ok` is whether the result matched the fixture.
  void check(bool ok, const std::string& key, const std::string& detail) {
    const Deviation* deviation = find_deviation(key);
    if (deviation != nullptr) {
      if (ok) {
        ++failed_;
        note("listed as a deviation but now passes, update kDeviations: " + key);
      } else {
        ++deviations_;
      }
      return;
    }
    if (ok) {
      ++passed_;
    } else {
      ++failed_;
      note(key + " -> " + detail);
    }
  }

  void report() const {
    std::cout << "[conformance] " << file_ << ": " << passed_ << " passed, " << failed_
              << " failed, " << deviations_ << " documented deviations, " << total() << " cases\n";
    if (failed_ > 0) {
      std::ostringstream message;
      message << file_ << ": " << failed_ << " of " << total() << " cases failed; first "
              << notes_.size() << ":\n";
      for (const std::string& item : notes_) {
        message << "  " << item << "\n";
      }
      ADD_FAILURE() << message.str();
    }
    EXPECT_GT(total(), 0U) << file_ << " has no cases";
  }

 private:
  std::size_t total() const { return passed_ + failed_ + deviations_; }

  const Deviation* find_deviation(const std::string& key) const {
    for (const Deviation& deviation : kDeviations) {
      if (file_.size() >= deviation.file.size() &&
          file_.compare(file_.size() - deviation.file.size(), deviation.file.size(),
                        deviation.file) == 0 &&
          key == deviation.key) {
        return &deviation;
      }
    }
    return nullptr;
  }

  void note(std::string item) {
    // ASSAY_CONFORMANCE_ALL=1 lists every failure instead of the first few.
    static const bool kAll = std::getenv("ASSAY_CONFORMANCE_ALL") != nullptr;  // NOLINT
    if (kAll || notes_.size() < 15) {
      notes_.push_back(std::move(item));
    }
  }

  std::string file_;
  std::size_t passed_ = 0;
  std::size_t failed_ = 0;
  std::size_t deviations_ = 0;
  std::vector<std::string> notes_;
};

std::string describe(const Error& error) {
  return std::string(assay::to_string(error.code)) + ": " + error.message;
}

int sign(int value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

// Compares two version strings under `scheme`; the error names which failed to parse.
Result<int> compare_texts(Scheme scheme, std::string_view a, std::string_view b) {
  return compare(scheme, a, b);
}

int expected_sign(std::string_view op) {
  return op == "<" ? -1 : (op == ">" ? 1 : 0);
}

std::vector<std::string_view> tokens(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t position = 0;
  while (position < line.size()) {
    while (position < line.size() && is_ascii_space(line[position])) {
      ++position;
    }
    const std::size_t begin = position;
    while (position < line.size() && !is_ascii_space(line[position])) {
      ++position;
    }
    if (position > begin) {
      out.push_back(line.substr(begin, position - begin));
    }
  }
  return out;
}

// Checks "a op b" both ways under `scheme`.
void check_pair(Tally& tally, Scheme scheme, std::string_view a, std::string_view op,
                std::string_view b, const std::string& key) {
  const int want = expected_sign(op);
  const Result<int> forward = compare_texts(scheme, a, b);
  const Result<int> backward = compare_texts(scheme, b, a);
  if (!forward || !backward) {
    tally.check(false, key, describe(forward ? backward.error() : forward.error()));
    return;
  }
  const bool ok = sign(*forward) == want && sign(*backward) == -want;
  tally.check(ok, key,
              "got compare(a,b)=" + std::to_string(sign(*forward)) +
                  ", compare(b,a)=" + std::to_string(sign(*backward)));
}

// --- osv-scalibr ---------------------------------------------------------------------------

// File name -> OSV ecosystem names, from ECOSYSTEM-MAP.txt ("npm, crates.io -> a.txt, b.txt").
std::map<std::string, std::vector<std::string>> read_ecosystem_map() {
  std::map<std::string, std::vector<std::string>> map;
  const fs::path path = testing::shared_data("osv-scalibr-semantic/ECOSYSTEM-MAP.txt");
  if (path.empty()) {
    return map;
  }
  const std::string text = testing::read_text(path);
  for (std::string_view line : split(text, '\n')) {
    const std::size_t arrow = line.find("->");
    if (arrow == std::string_view::npos) {
      continue;
    }
    std::vector<std::string> ecosystems;
    for (std::string_view name : split(line.substr(0, arrow), ',')) {
      std::string_view trimmed = trim(name);
      const std::size_t paren = trimmed.find('(');
      if (paren != std::string_view::npos) {
        trimmed = trim(trimmed.substr(0, paren));  // "Red Hat (RPM)" -> "Red Hat"
      }
      ecosystems.emplace_back(trimmed);
    }
    for (std::string_view file : split(line.substr(arrow + 2), ',')) {
      map[std::string(trim(file))] = ecosystems;
    }
  }
  return map;
}

void run_scalibr(const Fixture& fixture, Tally& tally) {
  static const std::map<std::string, std::vector<std::string>> ecosystem_map = read_ecosystem_map();
  const auto found = ecosystem_map.find(fixture.path.filename().string());
  ASSERT_NE(found, ecosystem_map.end()) << fixture.name << " is not in ECOSYSTEM-MAP.txt";
  const std::string text = testing::read_text(fixture.path);
  for (const std::string& ecosystem_name : found->second) {
    const Ecosystem* ecosystem = find_ecosystem(ecosystem_name);
    ASSERT_NE(ecosystem, nullptr) << "unknown ecosystem " << ecosystem_name;
    std::size_t line_number = 0;
    for (std::string_view line : split(text, '\n')) {
      ++line_number;
      line = trim(line);
      if (line.empty() || line.substr(0, 2) == "# " || line.substr(0, 3) == "// " || line == "#" ||
          line == "//") {
        continue;
      }
      const std::vector<std::string_view> parts = tokens(line);
      if (parts.size() != 3 || (parts[1] != "<" && parts[1] != "=" && parts[1] != ">")) {
        tally.check(false, ecosystem_name + ":" + std::to_string(line_number),
                    "unreadable line " + quote(line));
        continue;
      }
      check_pair(tally, ecosystem->scheme, parts[0], parts[1], parts[2],
                 ecosystem_name + ":" + std::to_string(line_number) + " " + std::string(line));
    }
  }
}

// --- rpm / apk-tools text files ------------------------------------------------------------

void run_rpmvercmp(const Fixture& fixture, Tally& tally) {
  const std::string text = testing::read_text(fixture.path);
  const std::regex pattern(R"(^RPMVERCMP\(([^,]*), ([^,]*), (-?[01])\)$)");
  for (std::string_view line : split(text, '\n')) {
    const std::string current(line);
    std::smatch match;
    if (!std::regex_match(current, match, pattern)) {
      continue;  // the m4 definition, comments and "dnl" (disabled) cases
    }
    const std::string want = match[3].str();
    check_pair(tally, Scheme::kRpm, match[1].str(), want == "-1" ? "<" : (want == "1" ? ">" : "="),
               match[2].str(), current);
  }
}

void run_apk_version_data(const Fixture& fixture, Tally& tally) {
  const std::string text = testing::read_text(fixture.path);
  std::size_t line_number = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_number;
    const std::size_t hash = line.find('#');
    line = trim(hash == std::string_view::npos ? line : line.substr(0, hash));
    if (line.empty()) {
      continue;
    }
    const std::vector<std::string_view> parts = tokens(line);
    if (parts.size() != 3 || (parts[1] != "<" && parts[1] != "=" && parts[1] != ">")) {
      tally.check(false, std::to_string(line_number), "unreadable line " + quote(line));
      continue;
    }
    check_pair(tally, Scheme::kAlpine, parts[0], parts[1], parts[2], std::string(line));
  }
}

// --- JSON helpers --------------------------------------------------------------------------

std::optional<Json> load_json(const Fixture& fixture) {
  const std::string text = testing::read_text(fixture.path);
  Result<Json> parsed = json::parse(text, fixture.name);
  if (!parsed) {
    ADD_FAILURE() << parsed.error().to_string();
    return std::nullopt;
  }
  return std::move(parsed).value();
}

std::string string_at(const Json& node, std::string_view key) {
  const auto found = node.find(std::string(key));
  return found != node.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::string join_texts(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& text : texts) {
    out += (out.empty() ? "" : " ") + text;
  }
  return out;
}

void run_comparison(const Json& test, Tally& tally) {
  const Json& input = test.at("input");
  const std::string type = test.value("test_type", "");
  const std::string scheme_name = string_at(input, "input_scheme");
  std::vector<std::string> texts;
  for (const Json& item : input.at("versions")) {
    texts.push_back(item.get<std::string>());
  }
  const std::string key = type + " " + join_texts(texts);
  const std::optional<Scheme> scheme = scheme_for_vers(scheme_name);
  if (!scheme) {
    tally.check(false, key, "unknown input_scheme " + scheme_name);
    return;
  }
  std::vector<Version> versions;
  for (const std::string& text : texts) {
    Result<Version> parsed = Version::parse(*scheme, text);
    if (!parsed) {
      tally.check(false, key, describe(parsed.error()));
      return;
    }
    versions.push_back(std::move(parsed).value());
  }
  if (type == "equality") {
    const bool want = test.at("expected_output").get<bool>();
    bool all_equal = true;
    for (std::size_t i = 1; i < versions.size(); ++i) {
      all_equal = all_equal && versions[0].compare(versions[i]) == 0 &&
                  versions[i].compare(versions[0]) == 0;
    }
    tally.check(all_equal == want, key, std::string("got ") + (all_equal ? "equal" : "unequal"));
    return;
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const Version& a, const Version& b) { return a.compare(b) < 0; });
  std::vector<std::string> sorted;
  sorted.reserve(versions.size());
  for (const Version& version : versions) {
    sorted.push_back(version.text());
  }
  std::vector<std::string> want;
  for (const Json& item : test.at("expected_output")) {
    want.push_back(item.get<std::string>());
  }
  tally.check(sorted == want, key, "sorted as " + join_texts(sorted));
}

void check_vers_result(Tally& tally, const std::string& key, const Result<VersRange>& result,
                       const Json& test) {
  const bool expect_failure = test.value("expected_failure", false);
  if (expect_failure) {
    tally.check(!result.has_value() && result.error().code == ErrorCode::kInvalidInput, key,
                result ? "accepted as " + result->to_string() : describe(result.error()));
    return;
  }
  if (!result) {
    tally.check(false, key, describe(result.error()));
    return;
  }
  const std::string want = test.at("expected_output").get<std::string>();
  tally.check(result->to_string() == want, key, "got " + result->to_string());
}

void run_from_native(const Fixture& fixture, const Json& test, Tally& tally) {
  const Json& input = test.at("input");
  const std::string scheme = string_at(input, "scheme");
  const std::string native = string_at(input, "native_range");
  const std::string key = "from_native " + scheme + " " + native;
  // GitLab advisories write ranges as comparators joined by spaces or commas, "||" between
  // alternatives, whatever the ecosystem's own syntax (conan excepted: its syntax is the same).
  const bool gitlab = fixture.name.find("/gitlab/") != std::string::npos;
  const Result<VersRange> result = gitlab && scheme != "conan"
                                       ? vers_from_native(scheme, RangeSyntax::kComparators, native)
                                       : vers_from_native(scheme, native);
  check_vers_result(tally, key, result, test);
}

void run_containment(const Json& test, Tally& tally) {
  const Json& input = test.at("input");
  const std::string vers = string_at(input, "vers");
  const std::string version = string_at(input, "version");
  const std::string key = "containment " + vers + " " + version;
  const Result<VersRange> range = VersRange::parse(vers);
  if (!range) {
    tally.check(false, key, describe(range.error()));
    return;
  }
  const Result<bool> contained = range->contains(version);
  if (!contained) {
    tally.check(false, key, describe(contained.error()));
    return;
  }
  const bool want = test.at("expected_output").get<bool>();
  tally.check(*contained == want, key, std::string("got ") + (*contained ? "true" : "false"));
}

void run_validate(const Json& test, Tally& tally) {
  const Json& input = test.at("input");
  const std::string vers = input.is_string() ? input.get<std::string>() : string_at(input, "vers");
  const std::string key = test.value("test_type", "") + " " + vers;
  check_vers_result(tally, key, VersRange::parse(vers), test);
}

void run_parse(const Json& test, Tally& tally) {
  const std::string vers = test.at("input").get<std::string>();
  const std::string key = "parse " + vers;
  const Result<VersRange> result = VersRange::parse_canonical(vers);
  if (test.value("expected_failure", false)) {
    tally.check(!result.has_value() && result.error().code == ErrorCode::kInvalidInput, key,
                result ? "accepted as " + result->to_string() : describe(result.error()));
    return;
  }
  if (!result) {
    tally.check(false, key, describe(result.error()));
    return;
  }
  const Json& want = test.at("expected_output");
  bool ok = result->versioning_scheme() == want.at("scheme").get<std::string>();
  const Json& constraints = want.at("version_constraints");
  ok = ok && constraints.size() == result->constraints().size();
  for (std::size_t i = 0; ok && i < constraints.size(); ++i) {
    const VersConstraint& got = result->constraints()[i];
    ok = std::string(to_string(got.comparator)) == constraints[i][0].get<std::string>() &&
         got.version && got.version->text() == constraints[i][1].get<std::string>();
  }
  tally.check(ok, key, "got " + result->to_string());
}

void run_vers_json(const Fixture& fixture, Tally& tally) {
  const std::optional<Json> document = load_json(fixture);
  ASSERT_TRUE(document.has_value());
  const Json& tests = document->is_object() ? document->at("tests") : *document;
  ASSERT_TRUE(tests.is_array()) << fixture.name;
  for (const Json& test : tests) {
    const std::string type = test.value("test_type", "");
    if (type == "comparison" || type == "equality") {
      run_comparison(test, tally);
    } else if (type == "from_native") {
      run_from_native(fixture, test, tally);
    } else if (type == "containment") {
      run_containment(test, tally);
    } else if (type == "validate" || type == "roundtrip") {
      run_validate(test, tally);
    } else if (type == "parse") {
      run_parse(test, tally);
    } else {
      tally.check(false, "test_type " + type, "the runner does not know this test type");
    }
  }
}

void run_npm_advisory(const Fixture& fixture, Tally& tally) {
  const std::optional<Json> document = load_json(fixture);
  ASSERT_TRUE(document.has_value());
  for (const Json& test : *document) {
    const std::string native = string_at(test, "npm_native");
    const std::string key = "from_native npm " + native;
    const Result<VersRange> result = vers_from_native(string_at(test, "scheme"), native);
    if (!result) {
      tally.check(false, key, describe(result.error()));
      continue;
    }
    const std::string want = string_at(test, "expected_vers");
    tally.check(result->to_string() == want, key, "got " + result->to_string());
  }
}

void run_legacy_vers_suite(const Fixture& fixture, Tally& tally) {
  const std::optional<Json> document = load_json(fixture);
  ASSERT_TRUE(document.has_value());
  for (const Json& test : *document) {
    const std::string vers = string_at(test, "vers");
    const std::string key = "legacy " + vers;
    const Result<VersRange> result = VersRange::parse(vers);
    if (test.value("is_invalid", false)) {
      tally.check(!result.has_value(), key, "accepted");
      continue;
    }
    if (!result) {
      tally.check(false, key, describe(result.error()));
      continue;
    }
    const std::string want = string_at(test, "canonical_vers");
    tally.check(result->to_string() == want, key, "got " + result->to_string());
  }
}

void run_openssl_sort(const Fixture& fixture, Tally& tally) {
  const std::optional<Json> document = load_json(fixture);
  ASSERT_TRUE(document.has_value());
  const std::string listing =
      testing::read_text(fixture.path.parent_path() / "openssl_all_versions.txt");
  std::vector<Version> versions;
  for (std::string_view line : split(listing, '\n')) {
    line = trim(line);
    if (line.empty()) {
      continue;
    }
    Result<Version> parsed = Version::parse(Scheme::kOpenssl, line);
    tally.check(parsed.has_value(), "parse " + std::string(line),
                parsed ? std::string() : describe(parsed.error()));
    if (parsed) {
      versions.push_back(std::move(parsed).value());
    }
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const Version& a, const Version& b) { return a.compare(b) < 0; });
  std::vector<std::string> want;
  for (const Json& item : *document) {
    want.push_back(string_at(item, "string"));
  }
  // The sorted listing must equal the expected list; releases the listing lacks are reported
  // separately.
  std::vector<std::string> got;
  got.reserve(versions.size());
  for (const Version& version : versions) {
    got.push_back(version.text());
  }
  std::vector<std::string> want_present;
  for (const std::string& text : want) {
    if (std::find(got.begin(), got.end(), text) != got.end()) {
      want_present.push_back(text);
    }
  }
  tally.check(got == want_present, "sort of openssl_all_versions.txt",
              "sorted as " + join_texts(got));
  tally.check(want_present.size() == want.size(), "expected releases present in the listing",
              std::to_string(want.size() - want_present.size()) + " expected releases missing");
}

std::vector<Fixture> all_fixtures() {
  std::vector<Fixture> fixtures;
  const fs::path root = testing::shared_data_root();
  auto add = [&](const fs::path& path, FixtureKind kind) {
    std::string name = path.string();
    if (name.rfind("<missing:", 0) != 0) {
      name = fs::relative(path, root).generic_string();
    }
    fixtures.push_back(Fixture{name, path, kind});
  };
  // Fixtures of the registry schemes are run by registry_schemes_test.cc (ScalibrFixtureTest,
  // VersCmpFileTest) against the reference implementations' own answers, which decide the lines
  // where a fixture and its reference disagree (tests/data/version/*.tsv); they are not run twice.
  const auto covered_elsewhere = [](const fs::path& path) {
    static const std::set<std::string> kRegistryFiles = {"maven-versions.txt",
                                                         "maven-versions-generated.txt",
                                                         "nuget-versions.txt",
                                                         "packagist-versions.txt",
                                                         "packagist-versions-generated.txt",
                                                         "pub-versions.txt",
                                                         "pypi-versions.txt",
                                                         "pypi-versions-generated.txt",
                                                         "rubygems-versions.txt",
                                                         "rubygems-versions-generated.txt",
                                                         "semver-versions.txt",
                                                         "maven_version_cmp.json",
                                                         "maven_version_cmp_test.json",
                                                         "nuget_version_cmp.json",
                                                         "nuget_version_cmp_test.json"};
    return kRegistryFiles.count(path.filename().string()) > 0;
  };
  for (const fs::path& path :
       testing::shared_files("osv-scalibr-semantic/semantic/testdata", ".txt")) {
    if (!covered_elsewhere(path)) {
      add(path, FixtureKind::kScalibrSemantic);
    }
  }
  for (const fs::path& path : testing::shared_files("univers/tests/data", ".json")) {
    const std::string file = path.filename().string();
    // GitLab's advisory range notation is not an input Assay reads (it reads each ecosystem's
    // native ranges, OSV ranges and vers), so univers's GitLab conversions are out of scope.
    if (covered_elsewhere(path) || path.parent_path().filename() == "gitlab") {
      continue;
    }
    FixtureKind kind = FixtureKind::kVersJson;
    if (file == "npm_advisory.json") {
      kind = FixtureKind::kNpmAdvisory;
    } else if (file == "test-suite-data.json") {
      kind = FixtureKind::kLegacyVersSuite;
    } else if (file == "openssl_versort_expected.json") {
      kind = FixtureKind::kOpensslSort;
    }
    add(path, kind);
  }
  for (const fs::path& path : testing::shared_files("univers/tests/data/rpmvercmp.at", ".at")) {
    add(path, FixtureKind::kRpmVercmp);
  }
  for (const fs::path& path : testing::shared_files("univers/tests/data/alpine_test.txt", ".txt")) {
    add(path, FixtureKind::kApkVersionData);
  }
  for (const fs::path& path : testing::shared_files("vers-spec/tests", ".json")) {
    if (covered_elsewhere(path)) {
      continue;
    }
    add(path, FixtureKind::kVersJson);
  }
  return fixtures;
}

// Lets gtest name a failing parameter by its file instead of dumping its bytes.
void PrintTo(const Fixture& fixture, std::ostream* out) {  // NOLINT(readability-identifier-naming)
  *out << fixture.name;
}

class VersionConformanceTest : public ::testing::TestWithParam<Fixture> {};

TEST_P(VersionConformanceTest, EveryCasePasses) {
  const Fixture& fixture = GetParam();
  ASSAY_SKIP_IF_MISSING_FILE(fixture.path);  // NOLINT(readability-else-after-return)
  Tally tally(fixture.name);
  switch (fixture.kind) {
    case FixtureKind::kScalibrSemantic:
      run_scalibr(fixture, tally);
      break;
    case FixtureKind::kVersJson:
      run_vers_json(fixture, tally);
      break;
    case FixtureKind::kRpmVercmp:
      run_rpmvercmp(fixture, tally);
      break;
    case FixtureKind::kApkVersionData:
      run_apk_version_data(fixture, tally);
      break;
    case FixtureKind::kOpensslSort:
      run_openssl_sort(fixture, tally);
      break;
    case FixtureKind::kNpmAdvisory:
      run_npm_advisory(fixture, tally);
      break;
    case FixtureKind::kLegacyVersSuite:
      run_legacy_vers_suite(fixture, tally);
      break;
  }
  tally.report();
}

INSTANTIATE_TEST_SUITE_P(SharedData, VersionConformanceTest, ::testing::ValuesIn(all_fixtures()),
                         [](const ::testing::TestParamInfo<Fixture>& param) {
                           return testing::sanitize_test_name(param.param.name);
                         });

}  // namespace
}  // namespace assay::version
