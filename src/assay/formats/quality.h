// SBOM quality profiles over the normalised model: NTIA minimum elements (2021), BSI TR-03183-2
// (v2.x) and CISA FSCT 3rd edition minimum expected. Every element is checked for real (an
// absent value never passes) and each result says what was checked, how many components have
// it and which do not. docs/formats/sbom-quality.md states every rule and its source.
#ifndef ASSAY_FORMATS_QUALITY_H_
#define ASSAY_FORMATS_QUALITY_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/model/sbom.h"

namespace assay::formats {

enum class QualityProfile { kNtia, kBsiTr031832, kFsct };

// "ntia", "bsi-tr-03183-2", "fsct" (case-insensitive). kInvalidInput names the valid choices.
[[nodiscard]] Result<QualityProfile> parse_quality_profile(std::string_view name);
std::string_view to_string(QualityProfile profile);  // the CLI name, e.g. "bsi-tr-03183-2"

enum class QualityVerdict { kPass, kWarn, kFail };
std::string_view to_string(QualityVerdict verdict);  // "pass", "warn", "fail"

struct QualityField {
  std::string id;     // stable: "component.supplier", "document.timestamp"
  std::string title;  // "Supplier name"
  bool document_level = false;
  bool required = true;    // counts towards verdict and score; else advisory only
  std::size_t passed = 0;  // components that meet it (document level: 0 or 1)
  std::size_t total = 0;   // components assessed (document level: 1)
  double coverage = 0;     // passed / total, 0 when total is 0
  QualityVerdict verdict = QualityVerdict::kFail;
  std::string rule;                  // what counts as present, in one sentence
  std::string advice;                // how to fix it, when not passing
  std::vector<std::string> missing;  // refs (or names) of up to 20 components lacking it
};

struct QualityReport {
  QualityProfile profile = QualityProfile::kNtia;
  std::string profile_title;  // "NTIA minimum elements (July 2021)"
  std::size_t components_assessed = 0;
  std::string scope_note;  // which components were assessed, e.g. SPDX files excluded
  std::vector<QualityField> fields;
  double score = 0;  // 0..100: mean coverage of the required fields
  QualityVerdict verdict = QualityVerdict::kFail;
  std::string explanation;  // how the verdict and score follow from the fields
};

// Thresholds (standards-reference.md CHK-SBOM-02): a field passes at >= 95% coverage, warns
// at >= 80%, fails below; a required document-level field passes or fails. The report passes
// when every required field passes, warns when the worst is a warning, fails otherwise. An SBOM
// with no components fails every component-level field (nothing is never a pass).
QualityReport assess_quality(const model::Sbom& sbom, QualityProfile profile);

// Renders for people (aligned table with explanations) and for machines (one JSON object,
// documented in docs/formats/sbom-quality.md).
std::string quality_report_text(const QualityReport& report);
std::string quality_report_json(const QualityReport& report);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_QUALITY_H_
