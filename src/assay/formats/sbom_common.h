// Helpers every SBOM reader shares: hash algorithm names, purl handling, locations, and the
// semantic checks a schema cannot express (duplicate and dangling refs, invalid purls, malformed
// hashes and dates, components without identity).
#ifndef ASSAY_FORMATS_SBOM_COMMON_H_
#define ASSAY_FORMATS_SBOM_COMMON_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

#include "assay/core/diagnostic.h"
#include "assay/model/sbom.h"

namespace assay::formats {

// The CycloneDX spelling of a hash algorithm named by any SBOM format: "sha256", "SHA256",
// "SHA-256" -> "SHA-256"; "BLAKE2b-256"; "SHA3-512"; "MD5". Unknown names are returned upper-cased.
std::string normalize_hash_algorithm(std::string_view name);

// The number of hex digits a digest of `algorithm` (CycloneDX spelling) has, or 0 when the
// length is not fixed or the algorithm is unknown (BLAKE3, ADLER32 variants...).
std::size_t hash_hex_length(std::string_view algorithm);

// "source#/components/3" for a pointer location ("#/components/3"), "source:42" for "line 42",
// else "source".
std::string located(std::string_view source, std::string_view source_location);

// Sets component.purl (as written) and purl_canonical (when it parses). An unparseable purl is
// an error diagnostic "SBOM-PURL-INVALID" at `location`; the component is kept, with an empty
// canonical purl.
void set_component_purl(model::Component& component, std::string_view purl,
                        const std::string& location, DiagnosticSink& sink);

// True when `ref` is a CycloneDX BOM-Link ("urn:cdx:<serial>/<version>#<ref>"), which points
// into another document and is never dangling here.
bool is_bom_link(std::string_view ref);

// The semantic checks, over a model a reader produced (locations come from source_location):
//   SBOM-DUPLICATE-REF (error)     two components/services share a bom-ref / SPDXID
//   SBOM-DANGLING-REF (error)      a relationship or composition names a ref that is not there
//   SBOM-HASH-INVALID (error)      a digest that is not hex or has the wrong length
//   SBOM-TIMESTAMP-INVALID (error) a timestamp that is not RFC 3339
//   SBOM-NO-IDENTITY (warning)     a component with neither purl, CPE nor name
//   SBOM-PURL-NO-VERSION (warning) a purl without @version (matching cannot be precise)
// Linear in the size of the model.
// `extra_refs` are further ids relationships may name (SPDX snippets, licence refs).
void check_sbom(const model::Sbom& sbom, std::string_view source, DiagnosticSink& sink,
                const std::unordered_set<std::string>& extra_refs = {});

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_SBOM_COMMON_H_
