// CVSS vector parsing, validation, canonical printing, score dispatch and severity ratings.
#include "assay/cvss/cvss.h"

#include <cstddef>
#include <cstdint>
#include <string>

#include "assay/core/strings.h"
#include "assay/cvss/internal/metrics.h"
#include "assay/cvss/internal/scoring.h"

namespace assay::cvss {
namespace {

using internal::find_metric;
using internal::find_value;
using internal::MetricDef;
using internal::MetricGroup;
using internal::VectorAccess;
using internal::version_def;
using internal::VersionDef;

std::string column(std::size_t offset) {
  return "column " + std::to_string(offset + 1);
}

std::string version_name(Version version) {
  return "CVSS v" + std::string(to_string(version));
}

std::string allowed_values(const MetricDef& metric) {
  std::string result;
  for (std::uint8_t index = 0; index < metric.value_count; ++index) {
    if (index != 0) {
      result += ", ";
    }
    result += metric.values[index];
  }
  return result;
}

std::string metric_order(const VersionDef& def) {
  std::string result;
  for (const MetricDef& metric : def.metrics) {
    if (!result.empty()) {
      result += '/';
    }
    result += metric.name;
  }
  return result;
}

// True when `name` is a metric of CVSS v3.x or v4.0 but not of v2: a hint that a bare vector
// lost its "CVSS:x.y/" prefix.
bool is_newer_metric(std::string_view name) {
  return !find_metric(version_def(Version::kV2), name).has_value() &&
         (find_metric(version_def(Version::kV31), name).has_value() ||
          find_metric(version_def(Version::kV40), name).has_value());
}

bool is_version_label(std::string_view label) {
  const std::size_t dot = label.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < label.size() &&
         all_digits(label.substr(0, dot)) && all_digits(label.substr(dot + 1));
}

struct Framing {
  Version version = Version::kV2;
  std::string_view body;   // the metrics, without prefix or parentheses
  std::size_t offset = 0;  // of body within the input
  bool prefixed = false;   // the version came from a "CVSS:x.y/" prefix
};

Result<Framing> frame(std::string_view text) {
  Framing framing;
  if (text.starts_with("CVSS:")) {
    const std::size_t slash = text.find('/');
    const std::string_view label =
        text.substr(5, slash == std::string_view::npos ? std::string_view::npos : slash - 5);
    if (label == "3.1") {
      framing.version = Version::kV31;
    } else if (label == "3.0") {
      framing.version = Version::kV30;
    } else if (label == "4.0") {
      framing.version = Version::kV40;
    } else if (label == "2.0") {
      framing.version = Version::kV2;
    } else if (is_version_label(label)) {
      return fail(
          ErrorCode::kUnsupported,
          "unsupported CVSS version " + quote(label) + "; Assay reads CVSS 2.0, 3.0, 3.1 and 4.0",
          column(5));
    } else {
      return fail(ErrorCode::kInvalidInput,
                  "malformed version prefix " + quote(text.substr(0, slash)) +
                      R"(; expected "CVSS:3.1/", "CVSS:3.0/" or "CVSS:4.0/")",
                  column(0));
    }
    if (slash == std::string_view::npos || slash + 1 == text.size()) {
      return fail(ErrorCode::kInvalidInput,
                  version_name(framing.version) + " vector has no metrics after its prefix",
                  column(text.size()));
    }
    framing.body = text.substr(slash + 1);
    framing.offset = slash + 1;
    framing.prefixed = true;
    return framing;
  }
  if (ascii_lower(text.substr(0, 5)) == "cvss:") {
    return fail(ErrorCode::kInvalidInput,
                "version prefix " + quote(text.substr(0, 5)) + " must be upper-case \"CVSS:\"",
                column(0));
  }
  if (text.front() == '(' || text.back() == ')') {
    if (text.size() < 2 || text.front() != '(' || text.back() != ')') {
      return fail(ErrorCode::kInvalidInput,
                  "unbalanced parentheses: a parenthesised CVSS v2.0 vector must start with "
                  "\"(\" and end with \")\"",
                  column(text.front() == '(' ? text.size() - 1 : 0));
    }
    framing.body = text.substr(1, text.size() - 2);
    framing.offset = 1;
    if (framing.body.empty()) {
      return fail(ErrorCode::kInvalidInput, "empty CVSS v2.0 vector inside parentheses", column(1));
    }
    return framing;
  }
  framing.body = text;
  return framing;
}

}  // namespace

std::string_view to_string(Version version) {
  switch (version) {
    case Version::kV2:
      return "2.0";
    case Version::kV30:
      return "3.0";
    case Version::kV31:
      return "3.1";
    case Version::kV40:
      return "4.0";
  }
  return "3.1";
}

std::optional<std::string_view> Vector::get(std::string_view metric) const {
  const VersionDef& def = version_def(version_);
  const std::optional<std::size_t> index = find_metric(def, metric);
  if (!index || codes_[*index] == 0) {
    return std::nullopt;
  }
  return def.metrics[*index].values[codes_[*index] - 1U];
}

std::vector<std::pair<std::string_view, std::string_view>> Vector::metrics() const {
  const VersionDef& def = version_def(version_);
  std::vector<std::pair<std::string_view, std::string_view>> result;
  for (std::size_t index = 0; index < def.metrics.size(); ++index) {
    if (codes_[index] != 0) {
      result.emplace_back(def.metrics[index].name, def.metrics[index].values[codes_[index] - 1U]);
    }
  }
  return result;
}

Result<Vector> parse(std::string_view text, const ParseOptions& options) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "empty CVSS vector");
  }
  if (text.size() > kMaxVectorBytes) {
    return fail(ErrorCode::kInvalidInput, "CVSS vector is " + std::to_string(text.size()) +
                                              " bytes long; the limit is " +
                                              std::to_string(kMaxVectorBytes));
  }
  if (is_ascii_space(text.front()) || is_ascii_space(text.back())) {
    return fail(ErrorCode::kInvalidInput, "CVSS vector has leading or trailing whitespace",
                column(is_ascii_space(text.front()) ? 0 : text.size() - 1));
  }
  ASSAY_TRY(const Framing framing, frame(text));
  const VersionDef& def = version_def(framing.version);
  const bool fixed_order = framing.version == Version::kV40 && !options.allow_any_v4_order;
  Vector vector = VectorAccess::make(framing.version);

  std::size_t start = 0;
  std::optional<std::size_t> previous;  // metric index of the previous field
  while (true) {
    const std::size_t slash = framing.body.find('/', start);
    const std::size_t end = slash == std::string_view::npos ? framing.body.size() : slash;
    const std::string_view field = framing.body.substr(start, end - start);
    const std::size_t offset = framing.offset + start;
    if (field.empty()) {
      if (end == framing.body.size()) {
        return fail(ErrorCode::kInvalidInput,
                    start == 0 ? "empty CVSS vector" : "trailing \"/\" after the last metric",
                    column(offset - (start == 0 ? 0 : 1)));
      }
      return fail(ErrorCode::kInvalidInput, "empty metric (two \"/\" in a row)", column(offset));
    }
    const std::size_t colon = field.find(':');
    if (colon == std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput, quote(field) + " is not a \"metric:value\" pair",
                  column(offset));
    }
    const std::string_view name = field.substr(0, colon);
    const std::string_view value = field.substr(colon + 1);
    const std::optional<std::size_t> index = find_metric(def, name);
    if (!index) {
      std::string message =
          "unknown metric " + quote(name) + " for " + version_name(framing.version);
      if (framing.version == Version::kV2 && !framing.prefixed && is_newer_metric(name)) {
        message +=
            "; a CVSS v3.x or v4.0 vector must start with its \"CVSS:3.1/\", "
            "\"CVSS:3.0/\" or \"CVSS:4.0/\" prefix";
      }
      return fail(ErrorCode::kInvalidInput, std::move(message), column(offset));
    }
    const MetricDef& metric = def.metrics[*index];
    const std::optional<std::uint8_t> value_index = find_value(metric, value);
    if (!value_index) {
      return fail(ErrorCode::kInvalidInput,
                  "invalid value " + quote(value) + " for metric " + std::string(name) + " in " +
                      version_name(framing.version) + " (allowed: " + allowed_values(metric) + ")",
                  column(offset + colon + 1));
    }
    if (VectorAccess::code(vector, *index) != 0) {
      return fail(ErrorCode::kInvalidInput,
                  "metric " + std::string(name) + " is given more than once", column(offset));
    }
    if (fixed_order && previous && *index < *previous) {
      return fail(ErrorCode::kInvalidInput,
                  "metric " + std::string(name) + " must come before " +
                      std::string(def.metrics[*previous].name) +
                      ": CVSS v4.0 fixes the order of metrics (" + metric_order(def) + ")",
                  column(offset));
    }
    VectorAccess::set_code(vector, *index, static_cast<std::uint8_t>(*value_index + 1U));
    previous = index;
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }

  std::string missing;
  for (std::size_t index = 0; index < def.metrics.size(); ++index) {
    if (def.metrics[index].group == MetricGroup::kBase && VectorAccess::code(vector, index) == 0) {
      if (!missing.empty()) {
        missing += ", ";
      }
      missing += def.metrics[index].name;
    }
  }
  if (!missing.empty()) {
    return fail(ErrorCode::kInvalidInput, version_name(framing.version) +
                                              " vector lacks mandatory base metric(s) " + missing);
  }
  return vector;
}

std::string to_string(const Vector& vector) {
  std::string result(version_def(vector.version()).prefix);
  bool first = true;
  for (const auto& [name, value] : vector.metrics()) {
    if (!first) {
      result += '/';
    }
    first = false;
    result += name;
    result += ':';
    result += value;
  }
  return result;
}

double Scores::overall() const {
  if (environmental) {
    return *environmental;
  }
  if (temporal) {
    return *temporal;
  }
  return base;
}

Scores score(const Vector& vector) {
  // Only a default-constructed placeholder lacks base metrics; parse() never returns one.
  const VersionDef& def = version_def(vector.version());
  for (std::size_t index = 0; index < def.metrics.size(); ++index) {
    if (def.metrics[index].group == MetricGroup::kBase && VectorAccess::code(vector, index) == 0) {
      return {};
    }
  }
  switch (vector.version()) {
    case Version::kV2:
      return internal::score_v2(vector);
    case Version::kV30:
    case Version::kV31:
      return internal::score_v3(vector);
    case Version::kV40:
      return internal::score_v4(vector);
  }
  return {};
}

std::string macro_vector(const Vector& vector) {
  if (vector.version() != Version::kV40) {
    return {};
  }
  return internal::macro_vector_v4(vector);
}

std::string_view nomenclature(const Vector& vector) {
  if (vector.version() != Version::kV40) {
    return {};
  }
  const auto defined = [&](std::size_t first, std::size_t last) {
    for (std::size_t index = first; index <= last; ++index) {
      if (VectorAccess::code(vector, index) > 1) {  // present and not X
        return true;
      }
    }
    return false;
  };
  const bool threat = defined(internal::v4::kE, internal::v4::kE);
  if (defined(internal::v4::kCr, internal::v4::kMsa)) {
    return threat ? "CVSS-BTE" : "CVSS-BE";
  }
  return threat ? "CVSS-BT" : "CVSS-B";
}

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::kNone:
      return "None";
    case Severity::kLow:
      return "Low";
    case Severity::kMedium:
      return "Medium";
    case Severity::kHigh:
      return "High";
    case Severity::kCritical:
      return "Critical";
  }
  return "None";
}

Severity severity(double score) {
  if (!(score >= 0.1)) {
    return Severity::kNone;
  }
  if (score < 4.0) {
    return Severity::kLow;
  }
  if (score < 7.0) {
    return Severity::kMedium;
  }
  if (score < 9.0) {
    return Severity::kHigh;
  }
  return Severity::kCritical;
}

Severity severity(Version version, double score) {
  if (version != Version::kV2) {
    return severity(score);
  }
  if (score < 4.0) {
    return Severity::kLow;
  }
  if (score < 7.0) {
    return Severity::kMedium;
  }
  return Severity::kHigh;
}

}  // namespace assay::cvss
