// Threat-intelligence feeds: CISA's Known Exploited Vulnerabilities catalogue (JSON and CSV) and
// FIRST's EPSS scores (CSV with the "#model_version:...,score_date:..." header).
#ifndef ASSAY_FORMATS_INTEL_H_
#define ASSAY_FORMATS_INTEL_H_

#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/intel.h"

namespace assay::formats {

// KEV catalogue as CISA publishes it in JSON. Entries with problems (no cveID, malformed dates)
// are kept where usable and reported as diagnostics with JSON pointers; fails with kInvalidInput
// when the document is not a KEV catalogue.
[[nodiscard]] Result<Parsed<model::KevCatalog>> read_kev_json(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits = {});

// KEV catalogue in CISA's CSV form (header row cveID,vendorProject,...). The CSV carries no
// catalogue version; title and version are left empty.
[[nodiscard]] Result<Parsed<model::KevCatalog>> read_kev_csv(std::string_view text,
                                                             std::string_view source,
                                                             const InputLimits& limits = {});

// EPSS scores: the "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000" line, a
// "cve,epss,percentile" header, then rows. Fails when the header is wrong or the score date is
// missing (scores without their date would mislead); bad rows are diagnostics.
[[nodiscard]] Result<Parsed<model::EpssFile>> read_epss_csv(std::string_view text,
                                                            std::string_view source,
                                                            const InputLimits& limits = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_INTEL_H_
