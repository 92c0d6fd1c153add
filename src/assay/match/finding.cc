// Names of finding enums.
#include "assay/match/finding.h"

#include "assay/core/strings.h"

namespace assay::match {

std::string_view to_string(Verdict verdict) {
  return verdict == Verdict::kAffected ? "affected" : "possibly_affected";
}

std::string_view to_string(MatchMethod method) {
  return method == MatchMethod::kPurl ? "purl" : "cpe";
}

std::string_view to_string(SeverityLevel level) {
  switch (level) {
    case SeverityLevel::kCritical:
      return "critical";
    case SeverityLevel::kHigh:
      return "high";
    case SeverityLevel::kMedium:
      return "medium";
    case SeverityLevel::kLow:
      return "low";
    case SeverityLevel::kNone:
      return "none";
    case SeverityLevel::kUnknown:
      return "unknown";
  }
  return "unknown";
}

std::optional<SeverityLevel> severity_from_name(std::string_view name) {
  const std::string word = ascii_lower(name);
  for (const SeverityLevel level :
       {SeverityLevel::kCritical, SeverityLevel::kHigh, SeverityLevel::kMedium, SeverityLevel::kLow,
        SeverityLevel::kNone, SeverityLevel::kUnknown}) {
    if (to_string(level) == word) {
      return level;
    }
  }
  return std::nullopt;
}

SeverityLevel severity_for_score(double score) {
  if (score >= 9.0) {
    return SeverityLevel::kCritical;
  }
  if (score >= 7.0) {
    return SeverityLevel::kHigh;
  }
  if (score >= 4.0) {
    return SeverityLevel::kMedium;
  }
  if (score > 0.0) {
    return SeverityLevel::kLow;
  }
  return SeverityLevel::kNone;
}

}  // namespace assay::match
