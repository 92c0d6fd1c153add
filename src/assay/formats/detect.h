// Which SBOM format a document is, from its content alone (never from the file name): CycloneDX
// JSON or XML, SPDX 2.x JSON or tag-value, SPDX 3 JSON-LD.
#ifndef ASSAY_FORMATS_DETECT_H_
#define ASSAY_FORMATS_DETECT_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/model/sbom.h"

namespace assay::formats {

struct DetectedFormat {
  model::SbomFormat format = model::SbomFormat::kCycloneDxJson;
  std::string spec_version;  // when cheaply visible ("1.6", "2.3", "3.0.1"); may be empty
};

// Looks at the first bytes (after a UTF-8 byte-order mark and white space) and at the document's
// own markers: "bomFormat" for CycloneDX JSON, "spdxVersion" for SPDX 2 JSON, an "@context" that
// names spdx.org/rdf/3 for SPDX 3, the CycloneDX namespace on the XML root element, an
// "SPDXVersion:" line for tag-value. Fails with kUnsupported when the document is recognisably
// something Assay does not read (SPDX RDF/XML or YAML, a UTF-16 file), and kInvalidInput when it
// is none of these, saying what was found. Reads at most the first 1 MiB; never fails on size.
[[nodiscard]] Result<DetectedFormat> detect_sbom_format(std::string_view text,
                                                        std::string_view source);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_DETECT_H_
