// Format dispatch for reading and validating SBOMs.
#include "assay/formats/sbom.h"

#include <algorithm>

#include "assay/formats/cyclonedx.h"
#include "assay/formats/spdx.h"

namespace assay::formats {

Result<Parsed<model::Sbom>> read_sbom(std::string_view text, std::string_view source,
                                      const InputLimits& limits) {
  ASSAY_TRY(const DetectedFormat detected, detect_sbom_format(text, source));
  switch (detected.format) {
    case model::SbomFormat::kCycloneDxJson:
      return read_cyclonedx_json(text, source, limits);
    case model::SbomFormat::kCycloneDxXml:
      return read_cyclonedx_xml(text, source, limits);
    case model::SbomFormat::kSpdxJson:
      return read_spdx_json(text, source, limits);
    case model::SbomFormat::kSpdxTagValue:
      return read_spdx_tag_value(text, source, limits);
    case model::SbomFormat::kSpdx3JsonLd:
      return read_spdx3_json(text, source, limits);
  }
  return fail(ErrorCode::kInternal, "unhandled SBOM format", std::string(source));
}

bool ValidationReport::valid() const {
  return readable && error_count() == 0;
}

std::size_t ValidationReport::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

std::size_t ValidationReport::warning_count() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kWarning; }));
}

Result<ValidationReport> validate_sbom(std::string_view text, std::string_view source,
                                       const InputLimits& limits) {
  ValidationReport report;
  ASSAY_TRY(report.detected, detect_sbom_format(text, source));
  Result<Parsed<model::Sbom>> result = fail(ErrorCode::kInternal, "unhandled SBOM format");
  switch (report.detected.format) {
    case model::SbomFormat::kCycloneDxJson:
      result = validate_cyclonedx_json(text, source, limits);
      break;
    case model::SbomFormat::kCycloneDxXml:
      result = validate_cyclonedx_xml(text, source, limits);
      break;
    case model::SbomFormat::kSpdxJson:
      result = validate_spdx_json(text, source, limits);
      break;
    case model::SbomFormat::kSpdxTagValue:
      result = validate_spdx_tag_value(text, source, limits);
      break;
    case model::SbomFormat::kSpdx3JsonLd:
      result = validate_spdx3_json(text, source, limits);
      break;
  }
  if (!result) {
    if (result.error().code != ErrorCode::kInvalidInput) {
      return fail(result.error());
    }
    report.diagnostics.push_back(to_diagnostic(result.error(), "SBOM-MALFORMED"));
    return report;
  }
  report.readable = true;
  report.sbom = std::move(result->value);
  report.diagnostics = std::move(result->diagnostics);
  if (report.detected.spec_version.empty()) {
    report.detected.spec_version = report.sbom.metadata.spec_version;
  }
  return report;
}

}  // namespace assay::formats
