// Threat intelligence that enriches findings: CISA's Known Exploited Vulnerabilities catalogue and
// FIRST's EPSS scores. Every value carries the date it was taken (EPSS moves daily).
#ifndef ASSAY_MODEL_INTEL_H_
#define ASSAY_MODEL_INTEL_H_

#include <string>
#include <vector>

namespace assay::model {

struct KevEntry {
  std::string cve_id;
  std::string vendor_project;
  std::string product;
  std::string vulnerability_name;
  std::string date_added;  // YYYY-MM-DD
  std::string short_description;
  std::string required_action;
  std::string due_date;                       // YYYY-MM-DD
  std::string known_ransomware_campaign_use;  // "Known" or "Unknown"
  std::string notes;
  std::vector<std::string> cwes;
};

struct KevCatalog {
  std::string title;
  std::string catalog_version;
  std::string date_released;
  std::vector<KevEntry> entries;
};

struct EpssScore {
  std::string cve_id;
  double score = 0.0;       // probability of exploitation in the next 30 days, 0..1
  double percentile = 0.0;  // 0..1
};

struct EpssFile {
  std::string model_version;  // "v2023.03.01"
  std::string score_date;     // RFC 3339 date-time or date, as in the header
  std::vector<EpssScore> scores;
};

}  // namespace assay::model

#endif  // ASSAY_MODEL_INTEL_H_
