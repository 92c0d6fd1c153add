// SPDX 2.2/2.3 (JSON and tag-value) and SPDX 3.0.1 JSON-LD (Core and Software profiles):
// readers into the normalised model and validation. No npm package ships the SPDX JSON schemas,
// so the structural rules of the official schemas are implemented in code (spdx_rules.cc; the
// tests check them against the schemas in the shared SPDX data). Pure: bytes in, model plus
// diagnostics out. docs/formats/spdx.md lists what is read and every leniency.
#ifndef ASSAY_FORMATS_SPDX_H_
#define ASSAY_FORMATS_SPDX_H_

#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/sbom.h"

namespace assay::formats {

// Reads SPDX 2.x JSON: packages become components (files too, type "file"), relationships
// become edges (DEPENDENCY_OF and other *_OF types inverted), DESCRIBES / documentDescribes
// name the subject, externalRefs give purls and CPEs, checksums give hashes, supplier and
// originator the organisations. Fails with kInvalidInput (with "source:line:col") when the text
// is not JSON, not UTF-8, not an object or breaks `limits`.
[[nodiscard]] Result<Parsed<model::Sbom>> read_spdx_json(std::string_view text,
                                                         std::string_view source,
                                                         const InputLimits& limits = {});

// Reads SPDX 2.x tag-value ("Tag: value" lines, <text>...</text> blocks); same mapping, and
// locations are "source:line".
[[nodiscard]] Result<Parsed<model::Sbom>> read_spdx_tag_value(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits = {});

// Reads SPDX 3.0.x JSON-LD: software_Package and software_File elements become components,
// Relationship elements edges, the SpdxDocument's rootElement the subject, CreationInfo the
// metadata; agents resolve to supplier/originator names.
[[nodiscard]] Result<Parsed<model::Sbom>> read_spdx3_json(std::string_view text,
                                                          std::string_view source,
                                                          const InputLimits& limits = {});

// Validation: the reader, the SPDX structural rules (required fields, value sets, patterns,
// types) as "SPDX-SCHEMA" errors with JSON pointers or lines, then the semantic checks.
[[nodiscard]] Result<Parsed<model::Sbom>> validate_spdx_json(std::string_view text,
                                                             std::string_view source,
                                                             const InputLimits& limits = {});
[[nodiscard]] Result<Parsed<model::Sbom>> validate_spdx_tag_value(std::string_view text,
                                                                  std::string_view source,
                                                                  const InputLimits& limits = {});
[[nodiscard]] Result<Parsed<model::Sbom>> validate_spdx3_json(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_SPDX_H_
