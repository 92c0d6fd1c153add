// CycloneDX 1.0-1.7: readers for JSON (simdjson On-Demand, straight into the model) and XML
// (pugixml), schema validation (the official JSON schemas and XSDs, embedded at build time), the
// embedded vulnerabilities as VEX statements, and a CycloneDX 1.6 JSON writer. Pure: bytes in,
// model plus diagnostics out. docs/formats/cyclonedx.md lists what is read and every leniency.
#ifndef ASSAY_FORMATS_CYCLONEDX_H_
#define ASSAY_FORMATS_CYCLONEDX_H_

#include <string>
#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::formats {

// Reads a CycloneDX JSON BOM. Tolerant: a member of the wrong type is skipped with a warning
// ("CDX-TYPE"), an invalid purl is an error diagnostic and the component is kept; nested
// components are flattened with parent_ref set, metadata.component becomes the subject, every
// component without a bom-ref gets "assay:component/<n>". Fails with kInvalidInput (location
// "source:line:col") when the text is not JSON, not UTF-8, not an object, not a CycloneDX BOM
// (no "bomFormat": "CycloneDX"), or breaks `limits` (bytes, nesting, component count).
[[nodiscard]] Result<Parsed<model::Sbom>> read_cyclonedx_json(std::string_view text,
                                                              std::string_view source,
                                                              const InputLimits& limits = {});

// Reads a CycloneDX XML BOM (namespace http://cyclonedx.org/schema/bom/1.0 ... 1.7). Same rules;
// a DOCTYPE is refused (no DTDs, so no entity expansion), and locations are "source:line".
[[nodiscard]] Result<Parsed<model::Sbom>> read_cyclonedx_xml(std::string_view text,
                                                             std::string_view source,
                                                             const InputLimits& limits = {});

// Validates CycloneDX JSON against the official schema of its specVersion, then applies the
// semantic checks (sbom_common.h check_sbom). Diagnostics "CDX-SCHEMA" carry JSON pointers.
// The returned Parsed holds the model too (read with read_cyclonedx_json). Fails only when the
// text cannot be read as a CycloneDX JSON document at all (see read_cyclonedx_json) or has a
// specVersion without a schema (kUnsupported).
[[nodiscard]] Result<Parsed<model::Sbom>> validate_cyclonedx_json(std::string_view text,
                                                                  std::string_view source,
                                                                  const InputLimits& limits = {});

// The same for XML, against the official XSD of the document's namespace ("CDX-XSD" diagnostics
// with line numbers).
[[nodiscard]] Result<Parsed<model::Sbom>> validate_cyclonedx_xml(std::string_view text,
                                                                 std::string_view source,
                                                                 const InputLimits& limits = {});

// The vulnerabilities a CycloneDX BOM (JSON or XML, detected from content) embeds, as a VEX
// document (format "cyclonedx"; id = serialNumber, author = first metadata author or supplier,
// timestamp = metadata.timestamp). Products of each statement are its `affects` refs, with the
// purl of the component each names when the BOM has it. Fails like the readers.
[[nodiscard]] Result<Parsed<model::VexDocument>> read_cyclonedx_vex(std::string_view text,
                                                                    std::string_view source,
                                                                    const InputLimits& limits = {});

// Builds the VEX document from an already-read BOM (see read_cyclonedx_vex).
model::VexDocument to_vex_document(const model::Sbom& sbom, std::string_view source);

// Writes `sbom` (from any reader) as CycloneDX 1.6 JSON: metadata, components (nested ones under
// their parents), services, dependencies, compositions, vulnerabilities, declarations and
// definitions, everything the model holds. Pretty-printed with two-space indentation.
std::string write_cyclonedx_json(const model::Sbom& sbom);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_CYCLONEDX_H_
