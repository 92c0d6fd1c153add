// Any supported VEX document into the normalised model, the format detected from content:
// OpenVEX ("@context" naming openvex.dev), CSAF 2.0 (a "document" with "csaf_version"; its
// product_status read as VEX), or CycloneDX (a BOM whose vulnerabilities[].analysis are the
// statements). See docs/formats/vex.md.
#ifndef ASSAY_FORMATS_VEX_H_
#define ASSAY_FORMATS_VEX_H_

#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/vex.h"

namespace assay::formats {

// Fails with kInvalidInput when the text is not JSON or breaks `limits` (location
// "source:line:col"), and with kUnsupported when it is JSON but none of the three formats, saying
// what was found. Problems that leave a usable document are diagnostics, as each reader documents.
[[nodiscard]] Result<Parsed<model::VexDocument>> read_vex(std::string_view text,
                                                          std::string_view source,
                                                          const InputLimits& limits = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_VEX_H_
