// CVSS v4.0 tables. The MacroVector scores and max-composed vectors come from a header generated
// at build time from an npm package (gen_v4_tables.mjs); the maximal severity distances, 14 small
// integers that no npm package ships in FIRST's form, are written here from FIRST's calculator
// (max_severity.js, BSD-2-Clause). v4_tables_test.cc checks all three against FIRST's tables.
#include "assay/cvss/internal/v4_tables.h"

#include <array>
#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

namespace assay::cvss::internal::v4 {
namespace {

struct GeneratedScore {
  std::string_view digits;
  int tenths;
};

struct GeneratedMaxVector {
  int eq;
  int level;
  int eq6;  // the EQ6 level for EQ3 entries; -1 otherwise
  std::string_view vector;
};

#include "assay/cvss/internal/v4_generated_tables.inc"

// Indexed [eq1][eq2][eq3][eq4][eq5][eq6]; -1 where FIRST defines no MacroVector.
struct ScoreGrid {
  static constexpr std::size_t kSize = std::size_t{3} * 2 * 3 * 3 * 3 * 2;
  std::array<int, kSize> tenths{};
  ScoreGrid() {
    tenths.fill(-1);
    for (const auto& entry : kGeneratedScores) {
      const auto digit = [&](std::size_t i) { return entry.digits[i] - '0'; };
      tenths[index(digit(0), digit(1), digit(2), digit(3), digit(4), digit(5))] = entry.tenths;
    }
  }
  // Requires: every level within its EQ's range.
  static std::size_t index(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
    std::size_t result = 0;
    for (const auto& [level, count] : {std::pair{eq1, 3}, std::pair{eq2, 2}, std::pair{eq3, 3},
                                       std::pair{eq4, 3}, std::pair{eq5, 3}, std::pair{eq6, 2}}) {
      result = result * static_cast<std::size_t>(count) + static_cast<std::size_t>(level);
    }
    return result;
  }
};

const ScoreGrid& score_grid() {
  static const ScoreGrid grid;
  return grid;
}

const std::vector<MacroVectorScore>& sorted_scores() {
  static const std::vector<MacroVectorScore> scores = [] {
    std::vector<MacroVectorScore> result;
    result.reserve(kGeneratedScores.size());
    for (const auto& entry : kGeneratedScores) {
      result.push_back({entry.digits, entry.tenths});
    }
    return result;
  }();
  return scores;
}

// Max-composed vectors grouped per (eq, level, eq6); eq 3 uses eq6 0/1, the others eq6 -1.
struct MaxVectorGroups {
  // [eq 1..5][level 0..2][eq6 + 1: 0..2]
  std::array<std::array<std::array<std::vector<std::string_view>, 3>, 3>, 6> groups;
  MaxVectorGroups() {
    for (const auto& entry : kGeneratedMaxVectors) {
      const std::size_t eq6_slot = entry.eq6 < 0 ? 0 : static_cast<std::size_t>(entry.eq6) + 1;
      groups[static_cast<std::size_t>(entry.eq)][static_cast<std::size_t>(entry.level)][eq6_slot]
          .push_back(entry.vector);
    }
  }
};

const MaxVectorGroups& max_vector_groups() {
  static const MaxVectorGroups groups;
  return groups;
}

// FIRST max_severity.js, in steps of 0.1.
constexpr std::array<int, 3> kMaxSeverityEq1 = {1, 4, 5};
constexpr std::array<int, 2> kMaxSeverityEq2 = {1, 2};
constexpr std::array<std::array<int, 2>, 3> kMaxSeverityEq3Eq6 = {{{7, 6}, {8, 8}, {-1, 10}}};
constexpr std::array<int, 3> kMaxSeverityEq4 = {6, 5, 4};
constexpr std::array<int, 3> kMaxSeverityEq5 = {1, 1, 1};

bool in_range(int value, int low, int high) {
  return value >= low && value <= high;
}

}  // namespace

std::string_view table_source() {
  return kGeneratedTableSource;
}

std::span<const MacroVectorScore> macro_vector_scores() {
  return sorted_scores();
}

int macro_vector_tenths(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6) {
  if (!in_range(eq1, 0, 2) || !in_range(eq2, 0, 1) || !in_range(eq3, 0, 2) ||
      !in_range(eq4, 0, 2) || !in_range(eq5, 0, 2) || !in_range(eq6, 0, 1)) {
    return -1;
  }
  return score_grid().tenths[ScoreGrid::index(eq1, eq2, eq3, eq4, eq5, eq6)];
}

std::span<const std::string_view> max_composed(int eq, int level) {
  if (eq == 3 || !in_range(eq, 1, 5) || !in_range(level, 0, 2)) {
    return {};
  }
  return max_vector_groups()
      .groups[static_cast<std::size_t>(eq)][static_cast<std::size_t>(level)][0];
}

std::span<const std::string_view> max_composed_eq3_eq6(int eq3, int eq6) {
  if (!in_range(eq3, 0, 2) || !in_range(eq6, 0, 1)) {
    return {};
  }
  return max_vector_groups()
      .groups[3][static_cast<std::size_t>(eq3)][static_cast<std::size_t>(eq6) + 1];
}

int max_severity(int eq, int level) {
  const auto at = [level](const auto& table) {
    return in_range(level, 0, static_cast<int>(table.size()) - 1)
               ? table[static_cast<std::size_t>(level)]
               : -1;
  };
  switch (eq) {
    case 1:
      return at(kMaxSeverityEq1);
    case 2:
      return at(kMaxSeverityEq2);
    case 4:
      return at(kMaxSeverityEq4);
    case 5:
      return at(kMaxSeverityEq5);
    default:
      return -1;
  }
}

int max_severity_eq3_eq6(int eq3, int eq6) {
  if (!in_range(eq3, 0, 2) || !in_range(eq6, 0, 1)) {
    return -1;
  }
  return kMaxSeverityEq3Eq6[static_cast<std::size_t>(eq3)][static_cast<std::size_t>(eq6)];
}

}  // namespace assay::cvss::internal::v4
