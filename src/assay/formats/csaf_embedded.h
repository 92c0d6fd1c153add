// Data embedded at build time from the npm package @secvisogram/csaf-validator-lib (csaf_embed.mjs
// generates the table): the CSAF 2.0 and FIRST CVSS schemas, the CWE catalogue and the IANA
// language subtags. Private to the formats module.
#ifndef ASSAY_FORMATS_CSAF_EMBEDDED_H_
#define ASSAY_FORMATS_CSAF_EMBEDDED_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace assay::formats::internal {

enum class CsafEmbedded {
  kCsafSchema,
  kCvss20Schema,
  kCvss30Schema,
  kCvss31Schema,
  kLanguageSubtags,
  kCsafStrictSchema,  // the package's variant with additionalProperties: false everywhere
};

struct CweEntry {
  std::uint32_t id;  // 79 for CWE-79
  std::string_view name;
};

// "@secvisogram/csaf-validator-lib@2.0.10": where the data came from.
std::string_view csaf_source_package();

// The text of one embedded item as consecutive chunks (concatenate them).
std::span<const std::string_view> csaf_embedded_chunks(CsafEmbedded which);

// The whole text of one embedded item; built once, thread-safe, lives for the program.
const std::string& csaf_embedded_text(CsafEmbedded which);

// Every CWE weakness, sorted by id.
std::span<const CweEntry> cwe_catalogue();

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_CSAF_EMBEDDED_H_
