// How severe a finding is: the CVSS base score computed from the best vector the advisories give
// (v4.0, then v3.x, then v2), and the source's own rating word.
#ifndef ASSAY_MATCH_SEVERITY_H_
#define ASSAY_MATCH_SEVERITY_H_

#include <string_view>
#include <vector>

#include "assay/match/finding.h"
#include "assay/model/advisory.h"

namespace assay::match {

// Combines the severities of advisories that describe the same vulnerability: the highest
// computed base score among the preferred vector versions, and the first rating word found.
FindingSeverity assess_severity(const std::vector<const model::Advisory*>& advisories,
                                std::string_view base_ecosystem);

// Maps a source's rating word ("CRITICAL", "Important", "moderate", "negligible") onto a level;
// kUnknown when it is not a rating Assay recognises.
SeverityLevel level_for_rating(std::string_view rating);

}  // namespace assay::match

#endif  // ASSAY_MATCH_SEVERITY_H_
