// OSV advisories (ossf/osv-schema 1.x): read JSON (one record) and the YAML the PyPA database
// uses, validate them against the rules of the official OSV JSON schema and the semantic rules it
// cannot express, write JSON. Pure: bytes in, model plus diagnostics out.
#ifndef ASSAY_FORMATS_OSV_H_
#define ASSAY_FORMATS_OSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/advisory.h"

namespace assay::formats {

// Reads one OSV record from JSON. Problems that leave a usable record (an unknown range type, a
// malformed date, an empty event) are diagnostics with codes "OSV-..." and JSON-pointer locations
// ("source#/affected/0/ranges/1"); the record is refused (kInvalidInput) when the text is not
// JSON, not an object, or lacks "id" or "modified". Enforces `limits`.
[[nodiscard]] Result<Parsed<model::Advisory>> read_osv_json(std::string_view text,
                                                            std::string_view source,
                                                            const InputLimits& limits = {});

// Reads one OSV record written in YAML (as pypa/advisory-database stores them). Same rules.
[[nodiscard]] Result<Parsed<model::Advisory>> read_osv_yaml(std::string_view text,
                                                            std::string_view source,
                                                            const InputLimits& limits = {});

// Everything wrong with one OSV record, as error diagnostics located "source#/json/pointer" (plus
// warnings for what is legal but unusable, such as an ecosystem Assay cannot compare versions in).
// The rules are those of the official OSV JSON schema (ossf/osv-schema validation/schema.json:
// types, required and unknown members, id prefixes, ecosystems, timestamps, range and event
// shapes, GIT commit hashes, severity vectors, reference and credit types), written in code
// because no package ships that schema (docs/formats/advisories.md; osv_conformance_test.cc checks
// them against the official schema), and semantic rules: every purl parses, a CVSS vector is
// complete and valid for its type, event versions are not empty, and no version appears in two
// events of one range. `pointer` is prepended to every location (for records inside an array).
std::vector<Diagnostic> validate_osv(const json::Json& record, std::string_view source,
                                     std::string_view pointer = "");

// Parses `text` as JSON (or, for validate_osv_yaml, YAML) and validates it with validate_osv.
// Fails with kInvalidInput ("source:line:col") only when the text is not JSON/YAML at all or
// breaks `limits`.
[[nodiscard]] Result<std::vector<Diagnostic>> validate_osv_json(std::string_view text,
                                                                std::string_view source,
                                                                const InputLimits& limits = {});
[[nodiscard]] Result<std::vector<Diagnostic>> validate_osv_yaml(std::string_view text,
                                                                std::string_view source,
                                                                const InputLimits& limits = {});

// Writes `advisory` as compact OSV JSON (schema 1.7 field names; empty fields omitted).
std::string write_osv_json(const model::Advisory& advisory);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_OSV_H_
