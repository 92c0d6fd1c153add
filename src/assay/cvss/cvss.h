// CVSS v2.0, v3.0, v3.1 and v4.0 vectors: strict parsing and validation, canonical printing,
// scoring (base, temporal/threat, environmental) and qualitative severity ratings.
// Accepted syntax, leniencies, rounding and severity scales: docs/formats/cvss.md.
#ifndef ASSAY_CVSS_CVSS_H_
#define ASSAY_CVSS_CVSS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/result.h"

namespace assay::cvss {

enum class Version { kV2, kV30, kV31, kV40 };

// "2.0", "3.0", "3.1" or "4.0".
std::string_view to_string(Version version);

// Longest input parse() looks at; longer inputs fail with kInvalidInput. The longest valid vector
// (v4.0 with every metric given) is about 200 bytes.
inline constexpr std::size_t kMaxVectorBytes = 1024;

// Most metrics any version defines (v4.0: 11 base, 1 threat, 14 environmental, 6 supplemental).
inline constexpr std::size_t kMaxMetrics = 32;

namespace internal {
struct VectorAccess;
}  // namespace internal

// A parsed, validated vector. Holds one value per metric of its version, or "absent". A value of
// "X" (v3.x, v4.0) or "ND" (v2) given explicitly is kept as given, so that to_string() reproduces
// it; for scoring it means the same as an absent metric. Cheap to copy (no allocation), immutable,
// safe to share between threads. Only parse() makes valid vectors: a default-constructed Vector is
// a placeholder (v3.1, no metrics) that prints as "CVSS:3.1/", does not parse back, and scores 0.
class Vector {
 public:
  Version version() const { return version_; }

  // The value of metric `metric` ("AV", "Au", "MSI", "U", ...) as written, e.g. "N" or "Clear";
  // nullopt when the metric is absent or is not a metric of this version. The view points at
  // static storage and never dangles.
  std::optional<std::string_view> get(std::string_view metric) const;

  // The metrics present, as (name, value) pairs in the canonical order of the version's
  // specification. Views point at static storage.
  std::vector<std::pair<std::string_view, std::string_view>> metrics() const;

  bool operator==(const Vector& other) const = default;

 private:
  friend struct internal::VectorAccess;
  Version version_ = Version::kV31;
  // codes_[i] is 0 when metric i is absent, else 1 + the index of its value in the version's
  // metric table (src/assay/cvss/internal/metrics.h).
  std::array<std::uint8_t, kMaxMetrics> codes_{};
};

struct ParseOptions {
  // CVSS v4.0 fixes the order of metrics (FIRST's JSON schema and calculator reject any other).
  // When true, v4.0 metrics may appear in any order, as v3.x allows; off by default.
  bool allow_any_v4_order = false;
};

// Parses and validates one vector. The version comes from the prefix:
//   "CVSS:4.0/..." v4.0, "CVSS:3.1/..." v3.1, "CVSS:3.0/..." v3.0;
//   v2.0 as bare "AV:N/AC:L/Au:N/C:P/I:P/A:P", wrapped in parentheses "(AV:N/...)" as NVD printed
//   it, or with the unofficial prefix "CVSS:2.0/".
// Rules: every metric known to the version and given once; every value allowed for its metric
// (case-sensitive); every base metric present; no empty field, whitespace or trailing "/"; v4.0
// metrics in the specification's order (see ParseOptions); v3.x and v2 metrics in any order.
// Fails with kInvalidInput naming the offending metric or value, with location "column N" (1-based
// byte offset of the offending field), or with kUnsupported for a well-formed "CVSS:x.y/" prefix of
// a version Assay does not score (e.g. "CVSS:3.2"). Pure; thread-safe.
[[nodiscard]] Result<Vector> parse(std::string_view text, const ParseOptions& options = {});

// The canonical string: the version's prefix ("CVSS:3.1/" etc.; none for v2) and the metrics
// present, in the specification's order. parse(to_string(v)) == v for every Vector v.
std::string to_string(const Vector& vector);

// Scores of one vector, each rounded to one decimal as its version's specification says.
struct Scores {
  // v2, v3.x: the Base score. v4.0: CVSS-B, the score of the base metrics alone (threat and
  // environmental metrics ignored).
  double base = 0.0;
  // v2: the Temporal score, present when any temporal metric (E, RL, RC) is not ND.
  // v3.x: the Temporal score, always present (the specification defines it for every vector).
  // v4.0: CVSS-BT, the score of the base and threat metrics, present when E is given and not X.
  std::optional<double> temporal;
  // v2: the Environmental score, present when any environmental metric is not ND.
  // v3.x: the Environmental score, always present.
  // v4.0: the score of every metric given (CVSS-BE, or CVSS-BTE with threat metrics), present
  // when any environmental metric (CR ... MSA) is given and not X.
  std::optional<double> environmental;

  // The most specific score: environmental if present, else temporal if present, else base. For
  // v4.0 this is the score FIRST's calculator shows for the whole vector.
  double overall() const;

  bool operator==(const Scores& other) const = default;
};

// Scores `vector`. Never fails: every parsed Vector can be scored (a default-constructed one scores
// Scores{} = base 0). Every score is a one-decimal number in [0, 10].
// Supplemental v4.0 metrics are kept in the Vector but do not change any score (as specified).
Scores score(const Vector& vector);

// The v4.0 MacroVector "EQ1..EQ6" digits (e.g. "001021") of the vector with every metric given,
// as FIRST's calculator displays it; empty for v2 and v3.x.
std::string macro_vector(const Vector& vector);

// The v4.0 nomenclature of Scores::overall(): "CVSS-B", "CVSS-BT", "CVSS-BE" or "CVSS-BTE"; empty
// for v2 and v3.x.
std::string_view nomenclature(const Vector& vector);

enum class Severity { kNone, kLow, kMedium, kHigh, kCritical };

// "None", "Low", "Medium", "High" or "Critical".
std::string_view to_string(Severity severity);

// The qualitative rating of a v3.x or v4.0 score (both specifications use the same scale):
// 0.0 None, 0.1-3.9 Low, 4.0-6.9 Medium, 7.0-8.9 High, 9.0-10.0 Critical. Scores between the
// listed one-decimal values (e.g. 3.95) take the band of the value below; negative scores are
// None, scores above 10 Critical.
Severity severity(double score);

// As severity(score) for v3.x and v4.0. CVSS v2.0 defines no rating; for kV2 this uses NVD's v2
// convention: 0.0-3.9 Low, 4.0-6.9 Medium, 7.0-10.0 High (never None or Critical).
Severity severity(Version version, double score);

}  // namespace assay::cvss

#endif  // ASSAY_CVSS_CVSS_H_
