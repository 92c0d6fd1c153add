// Helpers shared by the OSV reader (osv.cc) and the OSV validator (osv_validate.cc). Private to
// the formats module.
#ifndef ASSAY_FORMATS_OSV_INTERNAL_H_
#define ASSAY_FORMATS_OSV_INTERNAL_H_

#include <string_view>

#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"

namespace assay::formats::internal {

// An OSV record written in YAML as JSON: every scalar becomes a string, so that unquoted versions
// such as 1.10 keep their spelling. Fails with kInvalidInput ("source:line:col") for malformed
// YAML or invalid UTF-8, and when `limits` (bytes, depth, nodes after aliases) are broken.
[[nodiscard]] Result<json::Json> osv_yaml_to_json(std::string_view text, std::string_view source,
                                                  const InputLimits& limits);

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_OSV_INTERNAL_H_
