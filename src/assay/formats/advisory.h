// Any supported advisory document into the normalised model, the format detected from content:
// an OSV record in JSON or in the YAML form pypa/advisory-database uses, a JSON array of OSV
// records, or a CSAF 2.0 document (one advisory per vulnerability). See docs/formats/osv.md and
// docs/formats/csaf.md.
#ifndef ASSAY_FORMATS_ADVISORY_H_
#define ASSAY_FORMATS_ADVISORY_H_

#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"
#include "assay/model/advisory.h"

namespace assay::formats {

enum class AdvisoryFormat { kOsvJson, kOsvYaml, kCsaf };
std::string_view to_string(AdvisoryFormat format);  // "osv-json", "osv-yaml", "csaf"

struct AdvisoryDocument {
  AdvisoryFormat format = AdvisoryFormat::kOsvJson;
  std::string document_id;  // CSAF tracking id; "" for OSV
  std::vector<model::Advisory> advisories;
};

// Detects the format: text starting with '{' or '[' is JSON (CSAF when it has a "document" with a
// "csaf_version", else OSV); anything else is read as OSV YAML. Fails as the format's reader does
// (kInvalidInput with "source:line:col" for malformed JSON or YAML, a missing id, a broken limit);
// in an array, a record that cannot be read is an error diagnostic located "source#/<index>" and
// the others are still read.
[[nodiscard]] Result<Parsed<AdvisoryDocument>> read_advisories(std::string_view text,
                                                               std::string_view source,
                                                               const InputLimits& limits = {});

// Everything wrong with the document: for CSAF, the official CSAF 2.0 schema and the mandatory,
// optional and informative tests (formats::validate_csaf); for OSV (JSON, YAML, or each record of
// a JSON array, located "source#/<index>/..."), the rules of the official OSV schema and the
// semantic rules (formats::validate_osv). Fails only when the text cannot be read at all.
[[nodiscard]] Result<std::vector<Diagnostic>> validate_advisories(std::string_view text,
                                                                  std::string_view source,
                                                                  const InputLimits& limits = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_ADVISORY_H_
