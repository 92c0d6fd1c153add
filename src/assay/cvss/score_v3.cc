// CVSS v3.0 and v3.1 base, temporal and environmental equations (specification section 7). The
// two versions differ only in the rounding function and in the modified-impact formula when the
// modified scope is changed.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "assay/cvss/internal/metrics.h"
#include "assay/cvss/internal/scoring.h"

namespace assay::cvss::internal {
namespace {

// JavaScript's Math.round (ties towards +infinity), which the v3.1 specification's Roundup uses.
double js_round(double value) {
  const double floor_value = std::floor(value);
  return value - floor_value >= 0.5 ? floor_value + 1.0 : floor_value;
}

// Weights indexed by value index (metrics.cc order).
constexpr std::array<double, 4> kAttackVector = {0.85, 0.62, 0.55, 0.2};
constexpr std::array<double, 2> kAttackComplexity = {0.77, 0.44};
constexpr std::array<double, 3> kPrivilegesUnchanged = {0.85, 0.62, 0.27};
constexpr std::array<double, 3> kPrivilegesChanged = {0.85, 0.68, 0.5};
constexpr std::array<double, 2> kUserInteraction = {0.85, 0.62};
constexpr std::array<double, 3> kImpact = {0.56, 0.22, 0.0};
constexpr std::array<double, 5> kExploitCodeMaturity = {1.0, 0.91, 0.94, 0.97, 1.0};
constexpr std::array<double, 5> kRemediationLevel = {1.0, 0.95, 0.96, 0.97, 1.0};
constexpr std::array<double, 4> kReportConfidence = {1.0, 0.92, 0.96, 1.0};
constexpr std::array<double, 4> kRequirement = {1.0, 0.5, 1.0, 1.5};

class V3Scorer {
 public:
  explicit V3Scorer(const Vector& vector)
      : vector_(vector), is_v31_(vector.version() == Version::kV31) {}

  Scores run() const {
    Scores scores;
    const double base = base_score();
    scores.base = base;
    // Multiplied left to right, as FIRST's calculators do.
    scores.temporal =
        roundup(base * exploit_code_maturity() * remediation_level() * report_confidence());
    scores.environmental = environmental_score();
    return scores;
  }

 private:
  double roundup(double value) const { return is_v31_ ? roundup_v31(value) : roundup_v30(value); }

  // Value index of a base metric.
  std::size_t base_index(std::size_t metric) const {
    return VectorAccess::code(vector_, metric) - 1U;
  }
  // Value index of an optional metric; 0 ("X") when absent.
  std::size_t optional_index(std::size_t metric) const {
    const std::uint8_t code = VectorAccess::code(vector_, metric);
    return code == 0 ? 0U : code - 1U;
  }
  // Value index, in the base metric's table, of the modified metric `modified` or, when it is
  // absent or X, of `base`.
  std::size_t effective_index(std::size_t modified, std::size_t base) const {
    const std::size_t index = optional_index(modified);
    return index == 0 ? base_index(base) : index - 1U;
  }

  double exploit_code_maturity() const { return kExploitCodeMaturity[optional_index(v3::kE)]; }
  double remediation_level() const { return kRemediationLevel[optional_index(v3::kRl)]; }
  double report_confidence() const { return kReportConfidence[optional_index(v3::kRc)]; }

  double base_score() const {
    const bool changed = base_index(v3::kS) == 1;
    const double c = kImpact[base_index(v3::kC)];
    const double i = kImpact[base_index(v3::kI)];
    const double a = kImpact[base_index(v3::kA)];
    const double iss = 1 - ((1 - c) * (1 - i) * (1 - a));
    const double impact =
        changed ? 7.52 * (iss - 0.029) - 3.25 * std::pow(iss - 0.02, 15) : 6.42 * iss;
    const auto& privileges = changed ? kPrivilegesChanged : kPrivilegesUnchanged;
    const double exploitability =
        8.22 * kAttackVector[base_index(v3::kAv)] * kAttackComplexity[base_index(v3::kAc)] *
        privileges[base_index(v3::kPr)] * kUserInteraction[base_index(v3::kUi)];
    if (impact <= 0) {
      return 0.0;
    }
    if (changed) {
      return roundup(std::fmin(1.08 * (impact + exploitability), 10.0));
    }
    return roundup(std::fmin(impact + exploitability, 10.0));
  }

  double environmental_score() const {
    const bool changed = effective_index(v3::kMs, v3::kS) == 1;
    const double mc = kImpact[effective_index(v3::kMc, v3::kC)];
    const double mi = kImpact[effective_index(v3::kMi, v3::kI)];
    const double ma = kImpact[effective_index(v3::kMa, v3::kA)];
    const double cr = kRequirement[optional_index(v3::kCr)];
    const double ir = kRequirement[optional_index(v3::kIr)];
    const double ar = kRequirement[optional_index(v3::kAr)];
    const double miss = std::fmin(1 - ((1 - mc * cr) * (1 - mi * ir) * (1 - ma * ar)), 0.915);
    double modified_impact = 6.42 * miss;
    if (changed) {
      // The one formula v3.1 changed: v3.0 reused the base equation's (MISS - 0.02)^15.
      modified_impact = is_v31_ ? 7.52 * (miss - 0.029) - 3.25 * std::pow(miss * 0.9731 - 0.02, 13)
                                : 7.52 * (miss - 0.029) - 3.25 * std::pow(miss - 0.02, 15);
    }
    // The privileges weight follows the modified scope, not the base scope.
    const auto& privileges = changed ? kPrivilegesChanged : kPrivilegesUnchanged;
    const double modified_exploitability = 8.22 *
                                           kAttackVector[effective_index(v3::kMav, v3::kAv)] *
                                           kAttackComplexity[effective_index(v3::kMac, v3::kAc)] *
                                           privileges[effective_index(v3::kMpr, v3::kPr)] *
                                           kUserInteraction[effective_index(v3::kMui, v3::kUi)];
    if (modified_impact <= 0) {
      return 0.0;
    }
    const double sum = changed ? 1.08 * (modified_impact + modified_exploitability)
                               : modified_impact + modified_exploitability;
    return roundup(roundup(std::fmin(sum, 10.0)) * exploit_code_maturity() * remediation_level() *
                   report_confidence());
  }

  const Vector& vector_;
  bool is_v31_;
};

}  // namespace

double roundup_v31(double value) {
  const auto int_input = static_cast<std::int64_t>(js_round(value * 100000));
  if (int_input % 10000 == 0) {
    return static_cast<double>(int_input) / 100000.0;
  }
  const std::int64_t tenths = int_input / 10000 + 1;  // floor, then one tenth up
  return static_cast<double>(tenths) / 10.0;
}

double roundup_v30(double value) {
  // The specification means exact arithmetic. Values computed by the v3.0 equations in binary
  // floating point are off by at most ~1e-13 (times ten), while an exact result that is not a
  // multiple of 0.1 is at least 1e-10 (times ten) away from one: the polynomial equations have at
  // most 11 decimals, and the power terms of a changed scope are not short decimals at all.
  constexpr double kNoise = 1e-11;
  const double rounded = std::ceil(value * 10.0 - kNoise) / 10.0;
  return rounded == 0.0 ? 0.0 : rounded;  // never -0.0 (ceil of a tiny negative)
}

Scores score_v3(const Vector& vector) {
  return V3Scorer(vector).run();
}

}  // namespace assay::cvss::internal
