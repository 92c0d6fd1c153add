// Per-version scorers behind assay::cvss::score(). Private to assay::cvss.
#ifndef ASSAY_CVSS_INTERNAL_SCORING_H_
#define ASSAY_CVSS_INTERNAL_SCORING_H_

#include <string>

#include "assay/cvss/cvss.h"

namespace assay::cvss::internal {

// Requires: vector.version() == Version::kV2.
Scores score_v2(const Vector& vector);

// Requires: vector.version() is Version::kV30 or Version::kV31.
Scores score_v3(const Vector& vector);

// Requires: vector.version() == Version::kV40.
Scores score_v4(const Vector& vector);

// The six EQ digits of a v4.0 vector with every metric applied. Requires: v4.0.
std::string macro_vector_v4(const Vector& vector);

// The rounding functions, exposed for tests.
// CVSS v3.1 Roundup (specification appendix A): exact to one decimal, float noise removed by
// first rounding to five decimals.
double roundup_v31(double value);
// CVSS v3.0 Round up: the smallest one-decimal number >= value, evaluated as if in exact
// arithmetic (float noise below 1e-11 ignored).
double roundup_v30(double value);

}  // namespace assay::cvss::internal

#endif  // ASSAY_CVSS_INTERNAL_SCORING_H_
