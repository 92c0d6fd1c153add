// The metric tables of each CVSS version (names, groups, allowed values, canonical order) and the
// index constants the scorers use. Private to assay::cvss.
#ifndef ASSAY_CVSS_INTERNAL_METRICS_H_
#define ASSAY_CVSS_INTERNAL_METRICS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "assay/cvss/cvss.h"

namespace assay::cvss::internal {

// kTemporal is v2/v3.x "Temporal" and v4.0 "Threat".
enum class MetricGroup : std::uint8_t { kBase, kTemporal, kEnvironmental, kSupplemental };

inline constexpr std::size_t kMaxValues = 6;

struct MetricDef {
  std::string_view name;
  MetricGroup group;
  std::uint8_t value_count;
  std::array<std::string_view, kMaxValues> values;
};

struct VersionDef {
  Version version;
  std::string_view prefix;       // "CVSS:3.1/"; empty for v2
  std::string_view not_defined;  // "X", or "ND" for v2
  std::span<const MetricDef> metrics;
};

const VersionDef& version_def(Version version);

// Index of metric `name` in `def.metrics`, or nullopt.
std::optional<std::size_t> find_metric(const VersionDef& def, std::string_view name);

// Index of `value` among `metric.values`, or nullopt.
std::optional<std::uint8_t> find_value(const MetricDef& metric, std::string_view value);

// Reads and writes the private codes of a Vector (see Vector::codes_).
struct VectorAccess {
  static Vector make(Version version) {
    Vector vector;
    vector.version_ = version;
    return vector;
  }
  // 0 when absent, else 1 + value index.
  static std::uint8_t code(const Vector& vector, std::size_t metric) {
    return vector.codes_[metric];
  }
  static void set_code(Vector& vector, std::size_t metric, std::uint8_t code) {
    vector.codes_[metric] = code;
  }
};

// Metric indices, in the canonical order of each specification. The value order of each metric in
// metrics.cc is what the scorers index their weight tables with.
namespace v2 {
enum Metric : std::size_t { kAv, kAc, kAu, kC, kI, kA, kE, kRl, kRc, kCdp, kTd, kCr, kIr, kAr };
inline constexpr std::size_t kCount = 14;
}  // namespace v2

namespace v3 {
enum Metric : std::size_t {
  kAv,
  kAc,
  kPr,
  kUi,
  kS,
  kC,
  kI,
  kA,  // base
  kE,
  kRl,
  kRc,  // temporal
  kCr,
  kIr,
  kAr,
  kMav,
  kMac,
  kMpr,
  kMui,
  kMs,
  kMc,
  kMi,
  kMa  // environmental
};
inline constexpr std::size_t kCount = 22;
}  // namespace v3

namespace v4 {
enum Metric : std::size_t {
  kAv,
  kAc,
  kAt,
  kPr,
  kUi,
  kVc,
  kVi,
  kVa,
  kSc,
  kSi,
  kSa,  // base
  kE,   // threat
  kCr,
  kIr,
  kAr,
  kMav,
  kMac,
  kMat,
  kMpr,
  kMui,
  kMvc,
  kMvi,
  kMva,
  kMsc,
  kMsi,
  kMsa,  // environmental
  kSafety,
  kAutomatable,
  kRecovery,
  kValueDensity,
  kResponseEffort,
  kUrgency  // supplemental
};
inline constexpr std::size_t kCount = 32;
}  // namespace v4

}  // namespace assay::cvss::internal

#endif  // ASSAY_CVSS_INTERNAL_METRICS_H_
