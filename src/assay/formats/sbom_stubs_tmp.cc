#include "assay/formats/cyclonedx.h"
#include "assay/formats/spdx.h"
namespace assay::formats {
#define STUB(fn)                                                                             \
  Result<Parsed<model::Sbom>> fn(std::string_view, std::string_view s, const InputLimits&) { \
    return fail(ErrorCode::kUnsupported, "todo", std::string(s));                            \
  }
STUB(read_cyclonedx_xml)
STUB(validate_cyclonedx_xml)
STUB(read_spdx_json)
STUB(read_spdx_tag_value)
STUB(read_spdx3_json)
STUB(validate_spdx_json)
STUB(validate_spdx_tag_value)
STUB(validate_spdx3_json)
}  // namespace assay::formats
