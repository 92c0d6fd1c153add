// SPDX 2.x internals shared by the JSON and tag-value readers: the structural rules of the
// official SPDX 2.2/2.3 JSON schemas expressed in code, and the reader over a simdjson DOM.
// Private to the formats module.
#ifndef ASSAY_FORMATS_SPDX_INTERNAL_H_
#define ASSAY_FORMATS_SPDX_INTERNAL_H_

#include <simdjson.h>

#include <functional>
#include <string>
#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/sbom.h"

namespace assay::formats::internal {

// Maps a JSON pointer in the (possibly converted) document to the location a person should look
// at: "file#/packages/3" for JSON, "file:120" for tag-value.
using SpdxLocator = std::function<std::string(std::string_view pointer)>;

// Applies the SPDX 2.2 or 2.3 JSON-schema rules (required members, types, value sets, no
// unknown members) to `root`, one "SPDX-SCHEMA" error per violation.
void check_spdx2_structure(simdjson::dom::element root, std::string_view version,
                           const SpdxLocator& where, DiagnosticSink& sink);

// Maps an SPDX 2.x JSON document to the model. `format` is recorded in the metadata. Adds
// reader diagnostics (invalid purls, unsupported versions) to `sink` and runs check_sbom when
// `check` is true.
model::Sbom map_spdx2(simdjson::dom::element root, model::SbomFormat format,
                      const SpdxLocator& where, std::string_view source, DiagnosticSink& sink);

// Parses `text` into `parser` with `limits` (bytes, UTF-8, depth). kInvalidInput with
// "source:line:col" on malformed JSON.
[[nodiscard]] Result<simdjson::dom::element> parse_json_dom(simdjson::dom::parser& parser,
                                                            simdjson::padded_string& padded,
                                                            std::string_view text,
                                                            std::string_view source,
                                                            const InputLimits& limits);

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_SPDX_INTERNAL_H_
