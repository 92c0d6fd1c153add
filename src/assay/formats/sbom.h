// One entry point for every SBOM format: detect the format from content, read it into the
// normalised model, validate it (official schema + semantic rules), and summarise.
#ifndef ASSAY_FORMATS_SBOM_H_
#define ASSAY_FORMATS_SBOM_H_

#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/formats/detect.h"
#include "assay/model/sbom.h"

namespace assay::formats {

// Reads any supported SBOM (format detected from content) into the model. Fails with
// kInvalidInput / kUnsupported as detect_sbom_format and the format's reader do (malformed
// syntax, limits); problems that leave a usable document are diagnostics.
[[nodiscard]] Result<Parsed<model::Sbom>> read_sbom(std::string_view text, std::string_view source,
                                                    const InputLimits& limits = {});

struct ValidationReport {
  DetectedFormat detected;
  bool readable = false;  // false when the document could not be read at all (see diagnostics)
  std::vector<Diagnostic> diagnostics;
  model::Sbom sbom;  // what was read (empty when !readable)

  // True when no diagnostic is an error.
  bool valid() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
};

// Validates any supported SBOM: CycloneDX JSON against the official JSON schema of its
// specVersion, CycloneDX XML against the official XSD, SPDX 2.2/2.3 (JSON and tag-value) and
// SPDX 3.0.1 against the SPDX structural rules implemented in code (no npm package ships the
// SPDX schemas; see docs/formats/spdx.md), then the semantic rules (check_sbom). A document
// whose syntax is broken is reported as invalid with one "SBOM-MALFORMED" error at the place
// of the problem. Fails (kInvalidInput / kUnsupported) only when the format cannot be
// determined or its version has no rules.
[[nodiscard]] Result<ValidationReport> validate_sbom(std::string_view text, std::string_view source,
                                                     const InputLimits& limits = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_SBOM_H_
