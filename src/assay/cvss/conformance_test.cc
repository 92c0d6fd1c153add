// Runs every test vector file of Red Hat's CVSS library (shared data redhat-cvss/tests/vectors_*)
// as-is: each line "VECTOR - (base, temporal, env)" (v2, v3.x) or "VECTOR - (score,)" /
// "VECTOR - score" (v4.0, the score of the whole vector) must parse and score exactly.
#include <array>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "assay/core/strings.h"
#include "assay/cvss/cvss.h"

#include "testing.h"

namespace assay::cvss {
namespace {

constexpr std::string_view kFolder = "redhat-cvss/tests";

struct VectorFile {
  std::string_view name;
  std::size_t lines;  // every line is one case; the count guards against truncated data
};

// The 11 files of the snapshot (SOURCE.txt lists the six larger ones the snapshot omits).
constexpr std::array<VectorFile, 11> kFiles = {{
    {"vectors_calculator2", 5},
    {"vectors_calculator3", 2},
    {"vectors_cvsslib2", 24},
    {"vectors_cvsslib3", 29},
    {"vectors_security4", 54},
    {"vectors_simple2", 729},
    {"vectors_simple3", 2592},
    {"vectors_simple31", 2592},
    {"vectors_simple4", 1058},
    {"vectors_supplemental4", 576},
    {"vectors_threat4", 6},
}};

// "None" -> nullopt; "-0.0" -> 0.0; "5" -> 5.0.
std::optional<double> parse_expected(std::string_view text) {
  text = trim(text);
  if (text == "None") {
    return std::nullopt;
  }
  const std::string copy(text);
  char* end = nullptr;
  const double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size()) {
    ADD_FAILURE() << "unparsable expected score " << quote(text);
    return std::nullopt;
  }
  return value == 0.0 ? 0.0 : value;
}

struct Expected {
  std::vector<std::optional<double>> scores;  // 3 for v2/v3.x, 1 for v4.0
};

Expected parse_expectation(std::string_view text) {
  Expected expected;
  text = trim(text);
  if (text.starts_with("(") && text.ends_with(")")) {
    text = text.substr(1, text.size() - 2);
    for (const std::string_view part : split(text, ',')) {
      if (!trim(part).empty()) {
        expected.scores.push_back(parse_expected(part));
      }
    }
  } else {
    expected.scores.push_back(parse_expected(text));
  }
  return expected;
}

std::string show(const std::optional<double>& value) {
  if (!value) {
    return "None";
  }
  std::ostringstream out;
  out << *value;
  return out.str();
}

class RedHatVectorsTest : public ::testing::TestWithParam<VectorFile> {};

TEST_P(RedHatVectorsTest, EveryVectorScoresAsExpected) {
  const VectorFile& file = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(folder, std::string(kFolder));
  const std::string text = testing::read_text(folder / file.name);
  std::size_t cases = 0;
  std::size_t passed = 0;
  std::size_t line_number = 0;
  for (const std::string_view line : split(text, '\n')) {
    ++line_number;
    if (trim(line).empty()) {
      continue;
    }
    ++cases;
    const std::size_t separator = line.find(" - ");
    if (separator == std::string_view::npos) {
      ADD_FAILURE() << file.name << ":" << line_number << ": no \" - \" separator";
      continue;
    }
    const std::string_view vector_text = line.substr(0, separator);
    const Expected expected = parse_expectation(line.substr(separator + 3));
    const Result<Vector> vector = parse(vector_text);
    if (!vector) {
      ADD_FAILURE() << file.name << ":" << line_number << ": " << vector_text
                    << " does not parse: " << vector.error().to_string();
      continue;
    }
    const Scores scores = score(*vector);
    std::vector<std::optional<double>> actual;
    if (vector->version() == Version::kV40) {
      actual = {scores.overall()};
    } else {
      actual = {scores.base, scores.temporal, scores.environmental};
    }
    if (actual == expected.scores) {
      ++passed;
      continue;
    }
    std::string want;
    std::string got;
    for (std::size_t i = 0; i < expected.scores.size(); ++i) {
      want += (i ? ", " : "") + show(expected.scores[i]);
    }
    for (std::size_t i = 0; i < actual.size(); ++i) {
      got += (i ? ", " : "") + show(actual[i]);
    }
    ADD_FAILURE() << file.name << ":" << line_number << ": " << vector_text << " expected (" << want
                  << ") got (" << got << ")";
  }
  std::cout << "[ COUNTS   ] " << file.name << ": " << passed << "/" << cases << " vectors pass\n";
  RecordProperty("cases", static_cast<int>(cases));
  RecordProperty("passed", static_cast<int>(passed));
  EXPECT_EQ(cases, file.lines) << file.name << " has an unexpected number of cases";
  EXPECT_EQ(passed, cases);
}

INSTANTIATE_TEST_SUITE_P(RedHat, RedHatVectorsTest, ::testing::ValuesIn(kFiles),
                         [](const ::testing::TestParamInfo<VectorFile>& param_info) {
                           return testing::sanitize_test_name(param_info.param.name);
                         });

// A new vectors_* file in the shared data must be added to kFiles, not silently skipped.
TEST(RedHatVectorsTest, RunsEveryVectorFileInTheFolder) {
  ASSAY_SHARED_DATA_OR_SKIP(folder, std::string(kFolder));
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with("vectors_")) {
      on_disk.insert(name);
    }
  }
  std::set<std::string> listed;
  for (const VectorFile& file : kFiles) {
    listed.insert(std::string(file.name));
  }
  EXPECT_EQ(on_disk, listed);
}

}  // namespace
}  // namespace assay::cvss
