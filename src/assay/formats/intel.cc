// KEV and EPSS readers.
#include "assay/formats/intel.h"

#include <charconv>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/csv.h"

namespace assay::formats {

namespace {

bool is_cve_id(std::string_view id) {
  if (id.size() < 9 || id.substr(0, 4) != "CVE-" || id[8] != '-') {
    return false;
  }
  return all_digits(id.substr(4, 4)) && all_digits(id.substr(9)) && id.size() >= 13;
}

bool is_date(std::string_view text) {
  return text.size() == 10 && all_digits(text.substr(0, 4)) && text[4] == '-' &&
         all_digits(text.substr(5, 2)) && text[7] == '-' && all_digits(text.substr(8, 2));
}

void check_entry(const model::KevEntry& entry, const std::string& where, DiagnosticSink& sink) {
  if (!is_cve_id(entry.cve_id)) {
    sink.error("KEV-BAD-CVE", "cveID is not a CVE id: " + quote(entry.cve_id), where);
  }
  if (!is_date(entry.date_added)) {
    sink.error("KEV-BAD-DATE", "dateAdded is not a YYYY-MM-DD date: " + quote(entry.date_added),
               where);
  }
  if (!entry.due_date.empty() && !is_date(entry.due_date)) {
    sink.error("KEV-BAD-DATE", "dueDate is not a YYYY-MM-DD date: " + quote(entry.due_date), where);
  }
}

std::vector<std::string> split_cwes(std::string_view text) {
  std::vector<std::string> cwes;
  for (std::string_view part : split(text, ',')) {
    part = trim(part);
    if (!part.empty()) {
      cwes.emplace_back(part);
    }
  }
  return cwes;
}

}  // namespace

Result<Parsed<model::KevCatalog>> read_kev_json(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  ASSAY_TRY(const json::Json document, json::parse(text, source, limits));
  const json::Reader root(document, std::string(source));
  if (!document.is_object() || !document.contains("vulnerabilities")) {
    return fail(ErrorCode::kInvalidInput,
                "not a KEV catalogue: expected an object with a \"vulnerabilities\" array",
                root.location());
  }
  Parsed<model::KevCatalog> parsed;
  DiagnosticSink sink;
  auto optional = [&sink](const json::Reader& reader, std::string_view key) {
    auto value = reader.get_optional_string(key);
    if (!value) {
      sink.error("KEV-TYPE", value.error().message, value.error().location);
      return std::string();
    }
    return value->value_or("");
  };
  parsed.value.title = optional(root, "title");
  parsed.value.catalog_version = optional(root, "catalogVersion");
  parsed.value.date_released = optional(root, "dateReleased");
  ASSAY_TRY(const json::Reader list, root.at("vulnerabilities"));
  ASSAY_TRY(const std::size_t count, list.array_size());
  parsed.value.entries.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    ASSAY_TRY(const json::Reader item, list.at(index));
    if (!item.node().is_object()) {
      sink.error("KEV-TYPE", "an entry must be an object", item.location());
      continue;
    }
    model::KevEntry entry;
    entry.cve_id = optional(item, "cveID");
    entry.vendor_project = optional(item, "vendorProject");
    entry.product = optional(item, "product");
    entry.vulnerability_name = optional(item, "vulnerabilityName");
    entry.date_added = optional(item, "dateAdded");
    entry.short_description = optional(item, "shortDescription");
    entry.required_action = optional(item, "requiredAction");
    entry.due_date = optional(item, "dueDate");
    entry.known_ransomware_campaign_use = optional(item, "knownRansomwareCampaignUse");
    entry.notes = optional(item, "notes");
    if (const auto cwes = item.find("cwes")) {
      if (cwes->node().is_array()) {
        for (const auto& cwe : cwes->node()) {
          if (cwe.is_string()) {
            entry.cwes.push_back(cwe.get<std::string>());
          }
        }
      }
    }
    check_entry(entry, item.location(), sink);
    if (is_cve_id(entry.cve_id)) {
      parsed.value.entries.push_back(std::move(entry));
    }
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

Result<Parsed<model::KevCatalog>> read_kev_csv(std::string_view text, std::string_view source,
                                               const InputLimits& limits) {
  ASSAY_TRY(const CsvDocument document, parse_csv(text, source, limits));
  static constexpr std::array<std::string_view, 11> kColumns{"cveID",
                                                             "vendorProject",
                                                             "product",
                                                             "vulnerabilityName",
                                                             "dateAdded",
                                                             "shortDescription",
                                                             "requiredAction",
                                                             "dueDate",
                                                             "knownRansomwareCampaignUse",
                                                             "notes",
                                                             "cwes"};
  if (document.rows.empty() || document.rows.front().fields.size() < 9 ||
      document.rows.front().fields[0] != "cveID") {
    return fail(ErrorCode::kInvalidInput,
                "not a KEV CSV: the first row must be the header cveID,vendorProject,product,...",
                text_location(source, 1));
  }
  // Map columns by name so that reordered or added columns still read.
  const std::vector<std::string>& header = document.rows.front().fields;
  std::array<int, 11> column{};
  for (std::size_t wanted = 0; wanted < kColumns.size(); ++wanted) {
    column[wanted] = -1;
    for (std::size_t index = 0; index < header.size(); ++index) {
      if (header[index] == kColumns[wanted]) {
        column[wanted] = static_cast<int>(index);
      }
    }
  }
  Parsed<model::KevCatalog> parsed;
  DiagnosticSink sink;
  for (std::size_t row_index = 1; row_index < document.rows.size(); ++row_index) {
    const CsvRow& row = document.rows[row_index];
    auto field = [&row, &column](std::size_t which) {
      const int index = column[which];
      return index >= 0 && static_cast<std::size_t>(index) < row.fields.size()
                 ? row.fields[static_cast<std::size_t>(index)]
                 : std::string();
    };
    model::KevEntry entry{field(0),
                          field(1),
                          field(2),
                          field(3),
                          field(4),
                          field(5),
                          field(6),
                          field(7),
                          field(8),
                          field(9),
                          split_cwes(field(10))};
    const std::string where = text_location(source, row.line);
    check_entry(entry, where, sink);
    if (is_cve_id(entry.cve_id)) {
      parsed.value.entries.push_back(std::move(entry));
    }
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

Result<Parsed<model::EpssFile>> read_epss_csv(std::string_view text, std::string_view source,
                                              const InputLimits& limits) {
  ASSAY_TRY(const CsvDocument document, parse_csv(text, source, limits, '#'));
  Parsed<model::EpssFile> parsed;
  // "#model_version:v2023.03.01,score_date:2025-02-20T00:00:00+0000"
  for (const std::string& comment : document.comments) {
    for (std::string_view part : split(std::string_view(comment).substr(1), ',')) {
      const std::size_t colon = part.find(':');
      if (colon == std::string_view::npos) {
        continue;
      }
      const std::string_view key = trim(part.substr(0, colon));
      const std::string_view value = trim(part.substr(colon + 1));
      if (key == "model_version") {
        parsed.value.model_version = std::string(value);
      } else if (key == "score_date") {
        parsed.value.score_date = std::string(value);
      }
    }
  }
  if (parsed.value.score_date.empty()) {
    return fail(ErrorCode::kInvalidInput,
                "the EPSS file has no score_date in its \"#model_version:...,score_date:...\" "
                "line; scores without their date would mislead",
                text_location(source, 1));
  }
  if (document.rows.empty() || document.rows.front().fields.size() < 3 ||
      document.rows.front().fields[0] != "cve" || document.rows.front().fields[1] != "epss" ||
      document.rows.front().fields[2] != "percentile") {
    const std::size_t line = document.rows.empty() ? 1 : document.rows.front().line;
    return fail(ErrorCode::kInvalidInput, "expected the header row cve,epss,percentile",
                text_location(source, line));
  }
  DiagnosticSink sink;
  parsed.value.scores.reserve(document.rows.size());
  for (std::size_t index = 1; index < document.rows.size(); ++index) {
    const CsvRow& row = document.rows[index];
    const std::string where = text_location(source, row.line);
    if (row.fields.size() < 3) {
      sink.error("EPSS-ROW", "expected 3 fields, found " + std::to_string(row.fields.size()),
                 where);
      continue;
    }
    model::EpssScore score;
    score.cve_id = row.fields[0];
    const auto read_probability = [&](const std::string& field, double* out) {
      const char* begin = field.data();
      const char* end = begin + field.size();
      const auto [stop, error] = std::from_chars(begin, end, *out);
      return error == std::errc() && stop == end && *out >= 0.0 && *out <= 1.0;
    };
    if (!is_cve_id(score.cve_id)) {
      sink.error("EPSS-BAD-CVE", "not a CVE id: " + quote(score.cve_id), where);
      continue;
    }
    if (!read_probability(row.fields[1], &score.score) ||
        !read_probability(row.fields[2], &score.percentile)) {
      sink.error("EPSS-BAD-SCORE", "epss and percentile must be numbers between 0 and 1", where);
      continue;
    }
    parsed.value.scores.push_back(std::move(score));
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

}  // namespace assay::formats
