#include "assay/formats/advisory.h"

#include <iterator>
#include <string>
#include <utility>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/csaf.h"
#include "assay/formats/csaf_validate.h"
#include "assay/formats/osv.h"

namespace assay::formats {

namespace {

char first_significant(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  const std::string_view rest = trim(text);
  return rest.empty() ? '\0' : rest.front();
}

}  // namespace

std::string_view to_string(AdvisoryFormat format) {
  switch (format) {
    case AdvisoryFormat::kOsvJson:
      return "osv-json";
    case AdvisoryFormat::kOsvYaml:
      return "osv-yaml";
    case AdvisoryFormat::kCsaf:
      return "csaf";
  }
  return "unknown";
}

Result<Parsed<AdvisoryDocument>> read_advisories(std::string_view text, std::string_view source,
                                                 const InputLimits& limits) {
  Parsed<AdvisoryDocument> result;
  const char first = first_significant(text);
  if (first != '{' && first != '[') {
    ASSAY_TRY(Parsed<model::Advisory> record, read_osv_yaml(text, source, limits));
    result.value.format = AdvisoryFormat::kOsvYaml;
    result.value.advisories.push_back(std::move(record.value));
    result.diagnostics = std::move(record.diagnostics);
    return result;
  }
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (looks_like_csaf(root)) {
    ASSAY_TRY(Parsed<CsafDocument> csaf, read_csaf_json(root, source));
    result.value.format = AdvisoryFormat::kCsaf;
    result.value.document_id = csaf.value.tracking_id;
    Parsed<std::vector<model::Advisory>> converted = csaf_to_advisories(csaf.value, source);
    result.value.advisories = std::move(converted.value);
    result.diagnostics = std::move(csaf.diagnostics);
    result.diagnostics.insert(result.diagnostics.end(), converted.diagnostics.begin(),
                              converted.diagnostics.end());
    return result;
  }
  result.value.format = AdvisoryFormat::kOsvJson;
  if (root.is_array()) {
    // Some feeds publish a JSON array of records; each is read on its own.
    for (std::size_t index = 0; index < root.size(); ++index) {
      const std::string where = std::string(source) + "#" + json::pointer_append("", index);
      auto record = read_osv_json(root[index].dump(), where, limits);
      if (!record) {
        result.diagnostics.push_back(
            Diagnostic{Severity::kError, "OSV-RECORD", record.error().message, where});
        continue;
      }
      result.value.advisories.push_back(std::move(record->value));
      result.diagnostics.insert(result.diagnostics.end(), record->diagnostics.begin(),
                                record->diagnostics.end());
    }
    return result;
  }
  ASSAY_TRY(Parsed<model::Advisory> record, read_osv_json(text, source, limits));
  result.value.advisories.push_back(std::move(record.value));
  result.diagnostics = std::move(record.diagnostics);
  return result;
}

Result<std::vector<Diagnostic>> validate_advisories(std::string_view text, std::string_view source,
                                                    const InputLimits& limits) {
  const char first = first_significant(text);
  if (first != '{' && first != '[') {
    return validate_osv_yaml(text, source, limits);
  }
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (looks_like_csaf(root)) {
    return validate_csaf_json(root, source);
  }
  if (!root.is_array()) {
    return validate_osv(root, source);
  }
  // A JSON array of OSV records: each is validated on its own, located "source#/<index>/...".
  std::vector<Diagnostic> diagnostics;
  for (std::size_t index = 0; index < root.size(); ++index) {
    std::vector<Diagnostic> record =
        validate_osv(root[index], source, json::pointer_append("", index));
    diagnostics.insert(diagnostics.end(), std::make_move_iterator(record.begin()),
                       std::make_move_iterator(record.end()));
  }
  return diagnostics;
}

}  // namespace assay::formats
