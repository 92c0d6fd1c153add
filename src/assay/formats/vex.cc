#include "assay/formats/vex.h"

#include <string>

#include "assay/core/json.h"
#include "assay/formats/csaf.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/detect.h"
#include "assay/formats/openvex.h"

namespace assay::formats {

Result<Parsed<model::VexDocument>> read_vex(std::string_view text, std::string_view source,
                                            const InputLimits& limits) {
  // A CycloneDX document goes straight to its own reader (detection looks only at the first
  // bytes), so it is not parsed twice.
  if (const auto detected = detect_sbom_format(text, source);
      detected && detected->format == model::SbomFormat::kCycloneDxJson) {
    return read_cyclonedx_vex(text, source, limits);
  }
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (looks_like_openvex(root)) {
    return read_openvex_json(root, source);
  }
  if (looks_like_csaf(root)) {
    ASSAY_TRY(Parsed<CsafDocument> csaf, read_csaf_json(root, source));
    Parsed<model::VexDocument> result;
    result.value = csaf_to_vex(csaf.value, source);
    result.diagnostics = std::move(csaf.diagnostics);
    return result;
  }
  std::string found = "a JSON " + std::string(json::type_name(root));
  if (root.is_object() && root.contains("@context")) {
    found += " whose \"@context\" is not an openvex.dev namespace";
  }
  return fail(ErrorCode::kUnsupported,
              "not a VEX document Assay reads: found " + found +
                  "; expected OpenVEX (\"@context\": \"https://openvex.dev/ns/v0.2.0\"), CSAF 2.0 "
                  "(\"document\": {\"csaf_version\": \"2.0\", ...}) or CycloneDX (\"bomFormat\")",
              std::string(source));
}

}  // namespace assay::formats
