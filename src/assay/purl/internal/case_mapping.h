// Lower-casing as ECMA-427 "Case folding" defines it (Unicode full case mapping,
// culture-invariant), private to assay::purl.
#ifndef ASSAY_PURL_INTERNAL_CASE_MAPPING_H_
#define ASSAY_PURL_INTERNAL_CASE_MAPPING_H_

#include <cstdint>
#include <string>

namespace assay::purl::internal {

// Lower-cases `text` in place: ASCII letters directly, other code points through the Unicode
// lower-case mapping (U+0130 becomes "i" + U+0307). The context-dependent final-sigma rule is not
// applied. Requires: `text` is valid UTF-8.
void lowercase_in_place(std::string& text);

// The single-code-point lower-case mapping of `code_point` (itself when it has none or when its
// mapping is longer than one code point).
std::uint32_t lowercase_code_point(std::uint32_t code_point);

}  // namespace assay::purl::internal

#endif  // ASSAY_PURL_INTERNAL_CASE_MAPPING_H_
