// Metric tables of CVSS v2.0 (guide table 13), v3.0/v3.1 (specification table 15) and v4.0
// (specification table 23), in each specification's canonical order.
#include "assay/cvss/internal/metrics.h"

namespace assay::cvss::internal {
namespace {

using G = MetricGroup;

constexpr std::array<MetricDef, v2::kCount> kV2Metrics = {{
    {"AV", G::kBase, 3, {"L", "A", "N"}},
    {"AC", G::kBase, 3, {"H", "M", "L"}},
    {"Au", G::kBase, 3, {"M", "S", "N"}},
    {"C", G::kBase, 3, {"N", "P", "C"}},
    {"I", G::kBase, 3, {"N", "P", "C"}},
    {"A", G::kBase, 3, {"N", "P", "C"}},
    {"E", G::kTemporal, 5, {"U", "POC", "F", "H", "ND"}},
    {"RL", G::kTemporal, 5, {"OF", "TF", "W", "U", "ND"}},
    {"RC", G::kTemporal, 4, {"UC", "UR", "C", "ND"}},
    {"CDP", G::kEnvironmental, 6, {"N", "L", "LM", "MH", "H", "ND"}},
    {"TD", G::kEnvironmental, 5, {"N", "L", "M", "H", "ND"}},
    {"CR", G::kEnvironmental, 4, {"L", "M", "H", "ND"}},
    {"IR", G::kEnvironmental, 4, {"L", "M", "H", "ND"}},
    {"AR", G::kEnvironmental, 4, {"L", "M", "H", "ND"}},
}};

// v3.0 and v3.1 share names and values. Each modified metric lists "X" and then exactly the values
// of its base metric in the same order, so that (code - 2) of a modified metric indexes the base
// metric's weights.
constexpr std::array<MetricDef, v3::kCount> kV3Metrics = {{
    {"AV", G::kBase, 4, {"N", "A", "L", "P"}},
    {"AC", G::kBase, 2, {"L", "H"}},
    {"PR", G::kBase, 3, {"N", "L", "H"}},
    {"UI", G::kBase, 2, {"N", "R"}},
    {"S", G::kBase, 2, {"U", "C"}},
    {"C", G::kBase, 3, {"H", "L", "N"}},
    {"I", G::kBase, 3, {"H", "L", "N"}},
    {"A", G::kBase, 3, {"H", "L", "N"}},
    {"E", G::kTemporal, 5, {"X", "U", "P", "F", "H"}},
    {"RL", G::kTemporal, 5, {"X", "O", "T", "W", "U"}},
    {"RC", G::kTemporal, 4, {"X", "U", "R", "C"}},
    {"CR", G::kEnvironmental, 4, {"X", "L", "M", "H"}},
    {"IR", G::kEnvironmental, 4, {"X", "L", "M", "H"}},
    {"AR", G::kEnvironmental, 4, {"X", "L", "M", "H"}},
    {"MAV", G::kEnvironmental, 5, {"X", "N", "A", "L", "P"}},
    {"MAC", G::kEnvironmental, 3, {"X", "L", "H"}},
    {"MPR", G::kEnvironmental, 4, {"X", "N", "L", "H"}},
    {"MUI", G::kEnvironmental, 3, {"X", "N", "R"}},
    {"MS", G::kEnvironmental, 3, {"X", "U", "C"}},
    {"MC", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MI", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MA", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
}};

constexpr std::array<MetricDef, v4::kCount> kV4Metrics = {{
    {"AV", G::kBase, 4, {"N", "A", "L", "P"}},
    {"AC", G::kBase, 2, {"L", "H"}},
    {"AT", G::kBase, 2, {"N", "P"}},
    {"PR", G::kBase, 3, {"N", "L", "H"}},
    {"UI", G::kBase, 3, {"N", "P", "A"}},
    {"VC", G::kBase, 3, {"H", "L", "N"}},
    {"VI", G::kBase, 3, {"H", "L", "N"}},
    {"VA", G::kBase, 3, {"H", "L", "N"}},
    {"SC", G::kBase, 3, {"H", "L", "N"}},
    {"SI", G::kBase, 3, {"H", "L", "N"}},
    {"SA", G::kBase, 3, {"H", "L", "N"}},
    {"E", G::kTemporal, 4, {"X", "A", "P", "U"}},
    {"CR", G::kEnvironmental, 4, {"X", "H", "M", "L"}},
    {"IR", G::kEnvironmental, 4, {"X", "H", "M", "L"}},
    {"AR", G::kEnvironmental, 4, {"X", "H", "M", "L"}},
    {"MAV", G::kEnvironmental, 5, {"X", "N", "A", "L", "P"}},
    {"MAC", G::kEnvironmental, 3, {"X", "L", "H"}},
    {"MAT", G::kEnvironmental, 3, {"X", "N", "P"}},
    {"MPR", G::kEnvironmental, 4, {"X", "N", "L", "H"}},
    {"MUI", G::kEnvironmental, 4, {"X", "N", "P", "A"}},
    {"MVC", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MVI", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MVA", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MSC", G::kEnvironmental, 4, {"X", "H", "L", "N"}},
    {"MSI", G::kEnvironmental, 5, {"X", "S", "H", "L", "N"}},
    {"MSA", G::kEnvironmental, 5, {"X", "S", "H", "L", "N"}},
    {"S", G::kSupplemental, 3, {"X", "N", "P"}},
    {"AU", G::kSupplemental, 3, {"X", "N", "Y"}},
    {"R", G::kSupplemental, 4, {"X", "A", "U", "I"}},
    {"V", G::kSupplemental, 3, {"X", "D", "C"}},
    {"RE", G::kSupplemental, 4, {"X", "L", "M", "H"}},
    {"U", G::kSupplemental, 5, {"X", "Clear", "Green", "Amber", "Red"}},
}};

constexpr VersionDef kV2Def{Version::kV2, "", "ND", kV2Metrics};
constexpr VersionDef kV30Def{Version::kV30, "CVSS:3.0/", "X", kV3Metrics};
constexpr VersionDef kV31Def{Version::kV31, "CVSS:3.1/", "X", kV3Metrics};
constexpr VersionDef kV40Def{Version::kV40, "CVSS:4.0/", "X", kV4Metrics};

}  // namespace

const VersionDef& version_def(Version version) {
  switch (version) {
    case Version::kV2:
      return kV2Def;
    case Version::kV30:
      return kV30Def;
    case Version::kV31:
      return kV31Def;
    case Version::kV40:
      return kV40Def;
  }
  return kV31Def;
}

std::optional<std::size_t> find_metric(const VersionDef& def, std::string_view name) {
  for (std::size_t index = 0; index < def.metrics.size(); ++index) {
    if (def.metrics[index].name == name) {
      return index;
    }
  }
  return std::nullopt;
}

std::optional<std::uint8_t> find_value(const MetricDef& metric, std::string_view value) {
  for (std::uint8_t index = 0; index < metric.value_count; ++index) {
    if (metric.values[index] == value) {
      return index;
    }
  }
  return std::nullopt;
}

}  // namespace assay::cvss::internal
