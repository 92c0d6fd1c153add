// CycloneDX JSON validation: the official schema of the document's specVersion (over a simdjson
// DOM, so no nlohmann tree is built for large BOMs), then the semantic checks of the reader.
#include <simdjson.h>

#include "assay/core/strings.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/schema.h"

namespace assay::formats {

Result<Parsed<model::Sbom>> validate_cyclonedx_json(std::string_view text, std::string_view source,
                                                    const InputLimits& limits) {
  // The reader checks size, UTF-8, JSON syntax and limits first and says where a problem is.
  ASSAY_TRY(Parsed<model::Sbom> parsed, read_cyclonedx_json(text, source, limits));
  const std::string& version = parsed.value.metadata.spec_version;
  DiagnosticSink sink;
  if (version.empty()) {
    sink.error("CDX-SCHEMA", "required member \"specVersion\" is missing",
               std::string(source) + "#");
  } else {
    Result<const JsonSchema*> schema = cyclonedx_json_schema(version);
    if (!schema) {
      if (schema.error().code == ErrorCode::kUnsupported) {
        return fail(ErrorCode::kUnsupported,
                    "CycloneDX specVersion " + quote(version, 20) +
                        " cannot be validated: Assay has the JSON schemas of 1.2 to 1.7",
                    std::string(source) + "#/specVersion");
      }
      return fail(schema.error());
    }
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    const simdjson::padded_string padded(text);
    simdjson::error_code error =
        parser.allocate(padded.size(), std::max<std::size_t>(limits.max_depth, 2) + 1);
    if (error == simdjson::SUCCESS) {
      error = parser.parse(padded).get(root);
    }
    if (error != simdjson::SUCCESS) {
      return fail(ErrorCode::kInvalidInput,
                  std::string("malformed JSON: ") + simdjson::error_message(error),
                  std::string(source));
    }
    (*schema)->validate_dom(root, source, sink, "CDX-SCHEMA");
  }
  std::vector<Diagnostic> schema_diagnostics = sink.take();
  schema_diagnostics.insert(schema_diagnostics.end(),
                            std::make_move_iterator(parsed.diagnostics.begin()),
                            std::make_move_iterator(parsed.diagnostics.end()));
  parsed.diagnostics = std::move(schema_diagnostics);
  return parsed;
}

}  // namespace assay::formats
