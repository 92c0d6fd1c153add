// The CVSS v4.0 scoring tables of FIRST's reference calculator: MacroVector scores, the
// highest-severity vectors of each EQ level ("max composed") and the maximal severity distances.
// Private to assay::cvss.
#ifndef ASSAY_CVSS_INTERNAL_V4_TABLES_H_
#define ASSAY_CVSS_INTERNAL_V4_TABLES_H_

#include <span>
#include <string_view>

namespace assay::cvss::internal::v4 {

// The package the MacroVector scores and max-composed vectors were generated from at build time.
std::string_view table_source();

struct MacroVectorScore {
  std::string_view digits;  // "EQ1 EQ2 EQ3 EQ4 EQ5 EQ6", e.g. "001021"
  int tenths;               // the score times ten, 0..100
};

// All MacroVectors FIRST defines (270), sorted by digits.
std::span<const MacroVectorScore> macro_vector_scores();

// The score of MacroVector (eq1..eq6) in tenths, or -1 when FIRST defines no such MacroVector
// (impossible combinations and levels past the last).
int macro_vector_tenths(int eq1, int eq2, int eq3, int eq4, int eq5, int eq6);

// The highest-severity vectors of a level of EQ1, EQ2, EQ4 or EQ5 (e.g. "AV:N/PR:N/UI:N"), in
// FIRST's order; empty for an unknown level.
std::span<const std::string_view> max_composed(int eq, int level);
// The same for the joint EQ3/EQ6 levels.
std::span<const std::string_view> max_composed_eq3_eq6(int eq3, int eq6);

// FIRST's max_severity.js: the depth of each EQ level in severity steps of 0.1; -1 when unknown.
int max_severity(int eq, int level);
int max_severity_eq3_eq6(int eq3, int eq6);

}  // namespace assay::cvss::internal::v4

#endif  // ASSAY_CVSS_INTERNAL_V4_TABLES_H_
