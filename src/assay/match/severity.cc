// Severity of findings from CVSS vectors and source ratings.
#include "assay/match/severity.h"

#include <nlohmann/json.hpp>

#include "assay/core/strings.h"
#include "assay/cvss/cvss.h"

namespace assay::match {

namespace {

struct Scored {
  double score = 0.0;
  std::string version;
};

// The base score of a vector, or nullopt when it does not parse (the vector is still shown).
std::optional<Scored> score_vector(std::string_view vector) {
  const auto parsed = cvss::parse(vector);
  if (!parsed) {
    return std::nullopt;
  }
  return Scored{cvss::score(*parsed).base, std::string(cvss::to_string(parsed->version()))};
}

int preference(std::string_view type) {
  if (type == "CVSS_V4") {
    return 3;
  }
  if (type == "CVSS_V3") {
    return 2;
  }
  if (type == "CVSS_V2") {
    return 1;
  }
  return 0;
}

std::string rating_from_database_specific(const std::string& json_text) {
  if (json_text.empty()) {
    return {};
  }
  const nlohmann::json parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_object()) {
    return {};
  }
  const auto found = parsed.find("severity");
  if (found != parsed.end() && found->is_string()) {
    return found->get<std::string>();
  }
  return {};
}

}  // namespace

SeverityLevel level_for_rating(std::string_view rating) {
  const std::string word = ascii_lower(trim(rating));
  if (word == "critical") {
    return SeverityLevel::kCritical;
  }
  if (word == "high" || word == "important") {
    return SeverityLevel::kHigh;
  }
  if (word == "medium" || word == "moderate") {
    return SeverityLevel::kMedium;
  }
  if (word == "low" || word == "negligible" || word == "unimportant") {
    return SeverityLevel::kLow;
  }
  if (word == "none") {
    return SeverityLevel::kNone;
  }
  return SeverityLevel::kUnknown;
}

FindingSeverity assess_severity(const std::vector<const model::Advisory*>& advisories,
                                std::string_view base_ecosystem) {
  static_cast<void>(base_ecosystem);
  FindingSeverity result;
  int best_preference = 0;
  auto consider = [&](const model::SeverityScore& severity) {
    const int rank = preference(severity.type);
    if (rank == 0) {
      if (result.source_rating.empty() && !severity.score.empty()) {
        result.source_rating = severity.score;
      }
      return;
    }
    const std::optional<Scored> scored = score_vector(severity.score);
    if (rank > best_preference || (rank == best_preference && scored &&
                                   (!result.cvss_score || scored->score > *result.cvss_score))) {
      best_preference = rank;
      result.cvss_vector = severity.score;
      result.cvss_score = scored ? std::optional<double>(scored->score) : std::nullopt;
      result.cvss_version = scored ? scored->version : "";
    }
  };
  for (const model::Advisory* advisory : advisories) {
    for (const model::SeverityScore& severity : advisory->severity) {
      consider(severity);
    }
    for (const model::AffectedPackage& affected : advisory->affected) {
      for (const model::SeverityScore& severity : affected.severity) {
        consider(severity);
      }
    }
    if (result.source_rating.empty()) {
      result.source_rating = rating_from_database_specific(advisory->database_specific_json);
    }
  }
  if (result.cvss_score) {
    result.level = severity_for_score(*result.cvss_score);
  } else {
    result.level = level_for_rating(result.source_rating);
  }
  return result;
}

}  // namespace assay::match
