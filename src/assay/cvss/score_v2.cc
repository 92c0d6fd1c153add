// CVSS v2.0 base, temporal and environmental equations (guide section 3.2), evaluated in exact
// decimal arithmetic so that round_to_1_decimal (half up) never suffers binary float error.
#include <array>
#include <cstddef>
#include <cstdint>

#include "assay/cvss/internal/metrics.h"
#include "assay/cvss/internal/scoring.h"

namespace assay::cvss::internal {
namespace {

__extension__ using Int128 = __int128;

// value = units / 10^scale. Every weight in the v2 equations is a short decimal, and the
// largest intermediate (scale 21, value below 20) fits easily in 128 bits.
struct Decimal {
  Int128 units = 0;
  int scale = 0;
};

constexpr Int128 pow10(int exponent) {
  Int128 result = 1;
  for (int i = 0; i < exponent; ++i) {
    result *= 10;
  }
  return result;
}

constexpr Decimal dec(std::int64_t units, int scale) {
  return Decimal{units, scale};
}

Decimal rescale(Decimal value, int scale) {
  return Decimal{value.units * pow10(scale - value.scale), scale};
}

Decimal operator*(Decimal a, Decimal b) {
  return Decimal{a.units * b.units, a.scale + b.scale};
}

Decimal operator+(Decimal a, Decimal b) {
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  return Decimal{rescale(a, scale).units + rescale(b, scale).units, scale};
}

Decimal operator-(Decimal a, Decimal b) {
  return a + Decimal{-b.units, b.scale};
}

bool operator<(Decimal a, Decimal b) {
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  return rescale(a, scale).units < rescale(b, scale).units;
}

// round_to_1_decimal: half away from zero (the guide's examples and NVD round half up; scores
// are never negative except for -0.0 when the impact is zero). Returns tenths.
std::int64_t round_tenths(Decimal value) {
  const bool negative = value.units < 0;
  const Int128 magnitude = negative ? -value.units : value.units;
  if (value.scale <= 1) {
    const Int128 tenths = magnitude * pow10(1 - value.scale);
    return static_cast<std::int64_t>(negative ? -tenths : tenths);
  }
  const Int128 divisor = pow10(value.scale - 1);
  const Int128 tenths = (magnitude + divisor / 2) / divisor;
  return static_cast<std::int64_t>(negative ? -tenths : tenths);
}

Decimal tenths(std::int64_t value) {
  return Decimal{value, 1};
}

// Weights indexed by value index (metrics.cc order).
constexpr std::array<Decimal, 3> kAccessVector = {dec(395, 3), dec(646, 3), dec(1000, 3)};
constexpr std::array<Decimal, 3> kAccessComplexity = {dec(35, 2), dec(61, 2), dec(71, 2)};
constexpr std::array<Decimal, 3> kAuthentication = {dec(450, 3), dec(560, 3), dec(704, 3)};
constexpr std::array<Decimal, 3> kImpact = {dec(0, 3), dec(275, 3), dec(660, 3)};
constexpr std::array<Decimal, 5> kExploitability = {dec(85, 2), dec(90, 2), dec(95, 2), dec(100, 2),
                                                    dec(100, 2)};
constexpr std::array<Decimal, 5> kRemediationLevel = {dec(87, 2), dec(90, 2), dec(95, 2),
                                                      dec(100, 2), dec(100, 2)};
constexpr std::array<Decimal, 4> kReportConfidence = {dec(90, 2), dec(95, 2), dec(100, 2),
                                                      dec(100, 2)};
constexpr std::array<Decimal, 6> kCollateralDamage = {dec(0, 1), dec(1, 1), dec(3, 1),
                                                      dec(4, 1), dec(5, 1), dec(0, 1)};
constexpr std::array<Decimal, 5> kTargetDistribution = {dec(0, 2), dec(25, 2), dec(75, 2),
                                                        dec(100, 2), dec(100, 2)};
constexpr std::array<Decimal, 4> kRequirement = {dec(50, 2), dec(100, 2), dec(151, 2), dec(100, 2)};

class V2Scorer {
 public:
  explicit V2Scorer(const Vector& vector) : vector_(vector) {}

  Scores run() const {
    Scores scores;
    const std::int64_t base = base_tenths(impact());
    scores.base = static_cast<double>(base > 0 ? base : 0) / 10.0;
    if (group_defined(v2::kE, v2::kRc)) {
      const std::int64_t temporal = temporal_tenths(base);
      scores.temporal = static_cast<double>(temporal > 0 ? temporal : 0) / 10.0;
    }
    if (group_defined(v2::kCdp, v2::kAr)) {
      const std::int64_t adjusted_temporal = temporal_tenths(base_tenths(adjusted_impact()));
      const Decimal at = tenths(adjusted_temporal);
      const Decimal cdp = kCollateralDamage[index(v2::kCdp)];
      const Decimal td = kTargetDistribution[index(v2::kTd)];
      const std::int64_t environmental = round_tenths((at + (dec(10, 0) - at) * cdp) * td);
      scores.environmental = static_cast<double>(environmental > 0 ? environmental : 0) / 10.0;
    }
    return scores;
  }

 private:
  // Value index of `metric`; absent optional metrics read as ND (the last value of each).
  std::size_t index(std::size_t metric) const {
    const std::uint8_t code = VectorAccess::code(vector_, metric);
    if (code == 0) {
      return version_def(Version::kV2).metrics[metric].value_count - 1U;
    }
    return code - 1U;
  }

  bool group_defined(std::size_t first, std::size_t last) const {
    for (std::size_t metric = first; metric <= last; ++metric) {
      const auto& def = version_def(Version::kV2).metrics[metric];
      if (index(metric) != def.value_count - 1U) {
        return true;
      }
    }
    return false;
  }

  // Impact = 10.41 * (1 - (1-C)(1-I)(1-A))
  Decimal impact() const {
    const Decimal one = dec(1, 0);
    const Decimal c = kImpact[index(v2::kC)];
    const Decimal i = kImpact[index(v2::kI)];
    const Decimal a = kImpact[index(v2::kA)];
    return dec(1041, 2) * (one - (one - c) * (one - i) * (one - a));
  }

  // AdjustedImpact = min(10, 10.41 * (1 - (1-C*CR)(1-I*IR)(1-A*AR)))
  Decimal adjusted_impact() const {
    const Decimal one = dec(1, 0);
    const Decimal c = kImpact[index(v2::kC)] * kRequirement[index(v2::kCr)];
    const Decimal i = kImpact[index(v2::kI)] * kRequirement[index(v2::kIr)];
    const Decimal a = kImpact[index(v2::kA)] * kRequirement[index(v2::kAr)];
    const Decimal value = dec(1041, 2) * (one - (one - c) * (one - i) * (one - a));
    const Decimal ten = dec(10, 0);
    return ten < value ? ten : value;
  }

  // BaseScore = round_to_1_decimal(((0.6*Impact)+(0.4*Exploitability)-1.5)*f(Impact))
  std::int64_t base_tenths(Decimal impact_value) const {
    const Decimal exploitability = dec(20, 0) * kAccessVector[index(v2::kAv)] *
                                   kAccessComplexity[index(v2::kAc)] *
                                   kAuthentication[index(v2::kAu)];
    const Decimal f = impact_value.units == 0 ? dec(0, 0) : dec(1176, 3);
    return round_tenths((dec(6, 1) * impact_value + dec(4, 1) * exploitability - dec(15, 1)) * f);
  }

  // TemporalScore = round_to_1_decimal(BaseScore*E*RL*RC)
  std::int64_t temporal_tenths(std::int64_t base) const {
    return round_tenths(tenths(base) * kExploitability[index(v2::kE)] *
                        kRemediationLevel[index(v2::kRl)] * kReportConfidence[index(v2::kRc)]);
  }

  const Vector& vector_;
};

}  // namespace

Scores score_v2(const Vector& vector) {
  return V2Scorer(vector).run();
}

}  // namespace assay::cvss::internal
