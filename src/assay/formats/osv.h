// OSV advisories (ossf/osv-schema 1.x): read JSON (one record) and the YAML the PyPA database
// uses, write JSON. Pure: bytes in, model plus diagnostics out.
#ifndef ASSAY_FORMATS_OSV_H_
#define ASSAY_FORMATS_OSV_H_

#include <string>
#include <string_view>

#include "assay/core/diagnostic.h"
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

// Writes `advisory` as compact OSV JSON (schema 1.7 field names; empty fields omitted).
std::string write_osv_json(const model::Advisory& advisory);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_OSV_H_
