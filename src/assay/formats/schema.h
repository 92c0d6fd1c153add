// JSON Schema validation shared by every format reader (SBOM, VEX, advisories): valijson 1.0
// (draft-07) behind one small API, with the keywords valijson gets wrong or slow replaced by our
// own checks, and errors rendered as diagnostics with JSON-pointer locations.
//
// How a schema is compiled (see docs/formats/cyclonedx.md, "Schema validation"):
//   - "uniqueItems" is checked by hashing each item's canonical form (valijson's is O(n^2));
//   - "pattern" runs on RE2 (linear time; std::regex recurses per character and can overflow the
//     stack on long strings); a pattern RE2 cannot compile stays with valijson;
//   - "format" date, time, date-time (RFC 3339), email, idn-email, uri, uri-reference, iri and
//     iri-reference are checked by our own code (valijson checks only the first three, with a
//     std::regex per value); other formats are not checked, as draft-07 allows;
//   - a string "enum" with more than 16 values becomes a hash lookup;
//   - draft 2019-09 "dependentRequired" is implemented; other 2019-09/2020-12 keywords valijson
//     does not know (unevaluatedProperties, dependentSchemas, prefixItems, ...) are listed by
//     ignored_keywords() so that a caller can refuse the schema or check them in code.
#ifndef ASSAY_FORMATS_SCHEMA_H_
#define ASSAY_FORMATS_SCHEMA_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"
#include "assay/core/result.h"

namespace simdjson::dom {
class element;
}  // namespace simdjson::dom

namespace assay::formats {

// Returns the text of a document a schema references by "$ref" (the URI without its fragment, as
// written, e.g. "spdx.SNAPSHOT.schema.json"), or nullopt when it is unknown.
using SchemaResolver = std::function<std::optional<std::string>(std::string_view uri)>;

// A compiled schema. Immutable after compile(); validate() is safe to call from many threads.
class JsonSchema {
 public:
  // Compiles `schema_text` (draft-07; draft-04 and 2019-09 documents are read with draft-07
  // rules). `name` appears in errors. Fails with kInvalidInput when the text is not JSON or
  // valijson refuses the schema, and kNotFound when a "$ref" names a document `resolve` does not
  // supply.
  [[nodiscard]] static Result<std::shared_ptr<const JsonSchema>> compile(
      std::string_view schema_text, std::string_view name, const SchemaResolver& resolve = {});

  ~JsonSchema();
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  // Validates `instance`, adding one error diagnostic (code `code`) per problem found, located
  // "source#/json/pointer". Returns true when the instance is valid.
  bool validate(const json::Json& instance, std::string_view source, DiagnosticSink& sink,
                std::string_view code = "SCHEMA") const;
  // The same over a simdjson DOM (used for large documents: no nlohmann tree is built).
  bool validate_dom(const simdjson::dom::element& instance, std::string_view source,
                    DiagnosticSink& sink, std::string_view code = "SCHEMA") const;

  // Keywords from drafts after 07 that the schema uses and nothing checks (sorted, unique).
  const std::vector<std::string>& ignored_keywords() const;
  const std::string& name() const;

  struct Impl;

 private:
  explicit JsonSchema(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The text of a schema file embedded at build time from node_modules (for example
// "bom-1.6.SNAPSHOT.schema.json", "bom-1.6.SNAPSHOT.xsd", "spdx.SNAPSHOT.schema.json"), or
// nullptr. The string lives for the whole program.
const std::string* embedded_schema_text(std::string_view name);

// The names of every embedded schema file, sorted.
std::vector<std::string> embedded_schema_names();

// The official CycloneDX JSON schema for `spec_version` ("1.2" ... "1.7"), compiled once and
// cached; the referenced SPDX licence, JSF and cryptography schemas are embedded too. Fails with
// kUnsupported for other versions.
[[nodiscard]] Result<const JsonSchema*> cyclonedx_json_schema(std::string_view spec_version);

// Checks a "format" value the way JsonSchema does; exposed so that readers of formats without a
// schema (SPDX tag-value) apply the same rules. Returns "" when `value` is valid for `format` (or
// the format is not one Assay checks), else a sentence saying what is wrong.
std::string check_string_format(std::string_view format, std::string_view value);

}  // namespace assay::formats

#endif  // ASSAY_FORMATS_SCHEMA_H_
