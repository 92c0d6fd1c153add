// Checks the CVSS v4.0 tables Assay scores with (generated at build time from an npm package, plus
// the max-severity depths in v4_tables.cc) entry by entry against FIRST's reference calculator
// tables (shared data first-cvss-v4-calculator/cvss_v4_tables.json), in both directions.
#include "assay/cvss/internal/v4_tables.h"

#include <cmath>
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/core/json.h"

#include "testing.h"

namespace assay::cvss::internal::v4 {
namespace {

constexpr std::string_view kTables = "first-cvss-v4-calculator/cvss_v4_tables.json";

json::Json load_first_tables() {
  const std::filesystem::path path = testing::shared_data(kTables);
  const std::string text = testing::read_text(path);
  const Result<json::Json> document = json::parse(text, path.string());
  if (!document) {
    ADD_FAILURE() << document.error().to_string();
    return json::Json::object();
  }
  return *document;
}

// "AV:N/PR:N/UI:N/" -> "AV:N/PR:N/UI:N" (FIRST's strings end with "/", ours do not).
std::string without_trailing_slash(std::string text) {
  if (!text.empty() && text.back() == '/') {
    text.pop_back();
  }
  return text;
}

std::vector<std::string> as_strings(std::span<const std::string_view> views) {
  return {views.begin(), views.end()};
}

std::vector<std::string> first_vectors(const json::Json& list) {
  std::vector<std::string> result;
  for (const auto& item : list) {
    result.push_back(without_trailing_slash(item.get<std::string>()));
  }
  return result;
}

TEST(CvssV4TablesTest, GeneratedFromThePinnedNpmPackage) {
  EXPECT_EQ(table_source(), "@pandatix/js-cvss 0.4.4");
}

TEST(CvssV4TablesTest, MacroVectorScoresMatchFirstEntryByEntry) {
  ASSAY_SHARED_DATA_OR_SKIP(path, std::string(kTables));
  const json::Json tables = load_first_tables();
  const json::Json& lookup = tables.at("cvssLookup_global");
  ASSERT_EQ(lookup.size(), 270U);
  ASSERT_EQ(macro_vector_scores().size(), 270U);

  std::size_t checked = 0;
  for (const auto& item : lookup.items()) {
    const std::string& digits = item.key();
    const json::Json& value = item.value();
    ASSERT_EQ(digits.size(), 6U) << digits;
    const auto d = [&](std::size_t i) { return digits[i] - '0'; };
    const double first = value.get<double>();
    EXPECT_EQ(macro_vector_tenths(d(0), d(1), d(2), d(3), d(4), d(5)),
              static_cast<int>(std::lround(first * 10)))
        << "MacroVector " << digits;
    ++checked;
  }
  EXPECT_EQ(checked, 270U);
  // And no entry of ours is missing from FIRST's table.
  for (const MacroVectorScore& entry : macro_vector_scores()) {
    EXPECT_TRUE(lookup.contains(std::string(entry.digits))) << entry.digits;
  }
}

TEST(CvssV4TablesTest, ImpossibleMacroVectorsHaveNoScore) {
  // EQ3=2 (no high vulnerable-system impact) with EQ6=0 (a high impact with a high requirement)
  // cannot happen, and levels past the last do not exist.
  EXPECT_EQ(macro_vector_tenths(0, 0, 2, 0, 0, 0), -1);
  EXPECT_EQ(macro_vector_tenths(3, 0, 0, 0, 0, 0), -1);
  EXPECT_EQ(macro_vector_tenths(0, 2, 0, 0, 0, 0), -1);
  EXPECT_EQ(macro_vector_tenths(0, 0, 0, 0, 0, 2), -1);
  EXPECT_EQ(macro_vector_tenths(0, 0, 0, 0, 0, 0), 100);
  EXPECT_EQ(macro_vector_tenths(2, 1, 2, 2, 2, 1), 1);
}

TEST(CvssV4TablesTest, MaxComposedVectorsMatchFirstEntryByEntry) {
  ASSAY_SHARED_DATA_OR_SKIP(path, std::string(kTables));
  const json::Json tables = load_first_tables();
  const json::Json& composed = tables.at("maxComposed");
  std::size_t checked = 0;
  for (const int eq : {1, 2, 4, 5}) {
    const json::Json& levels = composed.at("eq" + std::to_string(eq));
    for (const auto& [level, vectors] : levels.items()) {
      EXPECT_EQ(as_strings(max_composed(eq, std::stoi(level))), first_vectors(vectors))
          << "EQ" << eq << " level " << level;
      checked += vectors.size();
    }
    // No extra level on our side.
    EXPECT_TRUE(max_composed(eq, static_cast<int>(levels.size())).empty()) << "EQ" << eq;
  }
  const json::Json& eq3 = composed.at("eq3");
  for (int eq3_level = 0; eq3_level < 3; ++eq3_level) {
    for (int eq6 = 0; eq6 < 2; ++eq6) {
      const std::string key3 = std::to_string(eq3_level);
      const std::string key6 = std::to_string(eq6);
      if (eq3.contains(key3) && eq3.at(key3).contains(key6)) {
        EXPECT_EQ(as_strings(max_composed_eq3_eq6(eq3_level, eq6)),
                  first_vectors(eq3.at(key3).at(key6)))
            << "EQ3 " << eq3_level << " EQ6 " << eq6;
        checked += eq3.at(key3).at(key6).size();
      } else {
        EXPECT_TRUE(max_composed_eq3_eq6(eq3_level, eq6).empty())
            << "EQ3 " << eq3_level << " EQ6 " << eq6;
      }
    }
  }
  EXPECT_EQ(checked, 26U);
}

TEST(CvssV4TablesTest, MaxSeverityDepthsMatchFirstEntryByEntry) {
  ASSAY_SHARED_DATA_OR_SKIP(path, std::string(kTables));
  const json::Json tables = load_first_tables();
  const json::Json& severity = tables.at("maxSeverity");
  std::size_t checked = 0;
  for (const int eq : {1, 2, 4, 5}) {
    const json::Json& levels = severity.at("eq" + std::to_string(eq));
    for (const auto& [level, depth] : levels.items()) {
      EXPECT_EQ(max_severity(eq, std::stoi(level)), depth.get<int>())
          << "EQ" << eq << " level " << level;
      ++checked;
    }
    EXPECT_EQ(max_severity(eq, static_cast<int>(levels.size())), -1) << "EQ" << eq;
  }
  const json::Json& eq3eq6 = severity.at("eq3eq6");
  for (int eq3_level = 0; eq3_level < 3; ++eq3_level) {
    for (int eq6 = 0; eq6 < 2; ++eq6) {
      const std::string key3 = std::to_string(eq3_level);
      const std::string key6 = std::to_string(eq6);
      if (eq3eq6.contains(key3) && eq3eq6.at(key3).contains(key6)) {
        EXPECT_EQ(max_severity_eq3_eq6(eq3_level, eq6), eq3eq6.at(key3).at(key6).get<int>())
            << "EQ3 " << eq3_level << " EQ6 " << eq6;
        ++checked;
      } else {
        EXPECT_EQ(max_severity_eq3_eq6(eq3_level, eq6), -1);
      }
    }
  }
  EXPECT_EQ(checked, 16U);
}

}  // namespace
}  // namespace assay::cvss::internal::v4
