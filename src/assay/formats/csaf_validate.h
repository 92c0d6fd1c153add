// CSAF 2.0 validation: the official JSON schema (embedded at build time from
// @secvisogram/csaf-validator-lib) plus the tests of section 6 of the CSAF 2.0 specification that
// a schema cannot express: every mandatory test (6.1.1 ... 6.1.33, including the VEX profile's
// 6.1.27.x), and the optional (6.2.x) and informative (6.3.x) tests that need no network or
// dictionary. docs/formats/csaf.md lists each test and its message.
#ifndef ASSAY_FORMATS_CSAF_VALIDATE_H_
#define ASSAY_FORMATS_CSAF_VALIDATE_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/result.h"

namespace assay::formats {

struct CsafValidationOptions {
  bool schema = true;       // JSON schema: errors with code "CSAF-SCHEMA"
  bool mandatory = true;    // 6.1.x: errors with code "CSAF-6.1.<n>"
  bool optional = true;     // 6.2.x: warnings with code "CSAF-6.2.<n>"
  bool informative = true;  // 6.3.x: infos with code "CSAF-6.3.<n>"
};

// Validates the CSAF document in `text`. Returns every problem found, located
// "source#/json/pointer"; the document is valid when none has severity error. Fails with
// kInvalidInput when the text is not JSON or breaks `limits` (location "source:line:col").
[[nodiscard]] Result<std::vector<Diagnostic>> validate_csaf(
    std::string_view text, std::string_view source, const CsafValidationOptions& options = {},
    const InputLimits& limits = {});

// The same over a parsed tree. Never fails: a tree that is not a CSAF document at all gets schema
// errors. Thread-safe.
std::vector<Diagnostic> validate_csaf_json(const json::Json& root, std::string_view source,
                                           const CsafValidationOptions& options = {});

// The ids of the tests validate_csaf() implements ("6.1.1", ..., "6.3.11"), in order.
std::span<const std::string_view> csaf_implemented_tests();

// True when `tag` is a well-formed BCP 47 language tag whose language, extlang, script, region
// and variant subtags are registered with IANA (the embedded registry), as test 6.1.12 requires.
bool is_valid_language_tag(std::string_view tag);

// "@secvisogram/csaf-validator-lib@<version>": the package the schemas were embedded from.
std::string_view csaf_schema_source();

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_CSAF_VALIDATE_H_
