// Scan report renderers and the fail-on policy.
#include "assay/report/scan_report.h"

#include <csv.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "assay/core/strings.h"

namespace assay::report {

namespace {

using Json = nlohmann::ordered_json;

std::string dump(const Json& json, int indent = 2) {
  return json.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::vector<const match::Finding*> visible(const match::ScanResult& result, bool show_suppressed) {
  std::vector<const match::Finding*> out;
  for (const match::Finding& finding : result.findings) {
    if (!finding.suppressed || show_suppressed) {
      out.push_back(&finding);
    }
  }
  return out;
}

struct Counts {
  std::size_t shown = 0;
  std::size_t suppressed = 0;
  std::size_t kev = 0;
  std::size_t malicious = 0;
  std::size_t possibly = 0;
  std::size_t by_level[6] = {0, 0, 0, 0, 0, 0};
};

Counts count(const match::ScanResult& result) {
  Counts counts;
  for (const match::Finding& finding : result.findings) {
    if (finding.suppressed) {
      ++counts.suppressed;
      continue;
    }
    ++counts.shown;
    counts.kev += finding.kev ? 1U : 0U;
    counts.malicious += finding.malicious ? 1U : 0U;
    counts.possibly += finding.verdict == match::Verdict::kPossiblyAffected ? 1U : 0U;
    ++counts.by_level[static_cast<int>(finding.severity.level)];
  }
  return counts;
}

std::string format_score(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string package_label(const match::Finding& finding) {
  if (!finding.component.purl.empty()) {
    return finding.component.purl;
  }
  return finding.component.name +
         (finding.component.version.empty() ? "" : "@" + finding.component.version);
}

std::string summary_line(const match::ScanResult& result) {
  const Counts counts = count(result);
  std::string line = std::to_string(counts.shown) + " finding" + (counts.shown == 1 ? "" : "s");
  std::vector<std::string> notes;
  if (counts.kev > 0) {
    notes.push_back(std::to_string(counts.kev) + " known exploited (KEV)");
  }
  if (counts.malicious > 0) {
    notes.push_back(std::to_string(counts.malicious) + " malicious package");
  }
  if (counts.possibly > 0) {
    notes.push_back(std::to_string(counts.possibly) + " possibly affected");
  }
  if (!notes.empty()) {
    line += " (" + join(notes, ", ") + ")";
  }
  line += " in " + std::to_string(result.checked) + " of " + std::to_string(result.components) +
          " components";
  if (counts.suppressed > 0) {
    line += "; " + std::to_string(counts.suppressed) + " suppressed by VEX statements";
  }
  return line;
}

Json finding_json(const match::Finding& finding) {
  Json component{{"ref", finding.component.ref},
                 {"purl", finding.component.purl},
                 {"name", finding.component.name},
                 {"version", finding.component.version}};
  if (finding.component.depth) {
    component["direct"] = *finding.component.depth <= 1;
    component["depth"] = *finding.component.depth;
  } else {
    component["direct"] = nullptr;
    component["depth"] = nullptr;
  }
  component["path"] = finding.component.path;
  Json json{{"component", std::move(component)}, {"id", finding.id},
            {"aliases", finding.aliases},        {"sources", finding.sources},
            {"summary", finding.summary},        {"verdict", match::to_string(finding.verdict)},
            {"reason", finding.reason},          {"match", match::to_string(finding.method)}};
  Json severity{
      {"level", match::to_string(finding.severity.level)},
      {"cvss_score", finding.severity.cvss_score ? Json(*finding.severity.cvss_score) : Json()},
      {"cvss_version", finding.severity.cvss_version},
      {"cvss_vector", finding.severity.cvss_vector},
      {"source_rating", finding.severity.source_rating}};
  json["severity"] = std::move(severity);
  if (finding.kev) {
    json["kev"] =
        Json{{"date_added", finding.kev->date_added},
             {"due_date", finding.kev->due_date},
             {"known_ransomware_campaign_use", finding.kev->known_ransomware_campaign_use},
             {"required_action", finding.kev->required_action}};
  } else {
    json["kev"] = nullptr;
  }
  if (finding.epss) {
    json["epss"] = Json{{"score", finding.epss->score},
                        {"percentile", finding.epss->percentile},
                        {"date", finding.epss_date}};
  } else {
    json["epss"] = nullptr;
  }
  json["fixed_versions"] = finding.fixed_versions;
  json["nearest_fix"] = finding.nearest_fix;
  json["malicious"] = finding.malicious;
  if (finding.vex) {
    json["vex"] = Json{{"status", model::to_string(finding.vex->status)},
                       {"justification", finding.vex->justification},
                       {"impact_statement", finding.vex->impact_statement},
                       {"action_statement", finding.vex->action_statement},
                       {"source", finding.vex->source}};
  } else {
    json["vex"] = nullptr;
  }
  json["suppressed"] = finding.suppressed;
  json["references"] = finding.references;
  return json;
}

std::string render_json(const match::ScanResult& result, const ScanContext& context) {
  const Counts counts = count(result);
  Json root;
  root["assay_scan_version"] = 1;
  root["tool"] = Json{{"name", "assay"}, {"version", context.tool_version}};
  root["generated_at"] = context.generated_at;
  root["sbom"] = Json{{"path", context.sbom_path},
                      {"format", context.sbom_format},
                      {"serial_number", context.sbom_serial},
                      {"product", context.product_name},
                      {"product_version", context.product_version}};
  root["data"] = Json{{"database", context.database}, {"sources", context.data_sources}};
  Json by_level = Json::object();
  for (const auto level :
       {match::SeverityLevel::kCritical, match::SeverityLevel::kHigh, match::SeverityLevel::kMedium,
        match::SeverityLevel::kLow, match::SeverityLevel::kNone, match::SeverityLevel::kUnknown}) {
    by_level[std::string(match::to_string(level))] = counts.by_level[static_cast<int>(level)];
  }
  root["summary"] =
      Json{{"components", result.components},   {"checked", result.checked},
           {"skipped", result.skipped.size()},  {"findings", counts.shown},
           {"suppressed", counts.suppressed},   {"kev", counts.kev},
           {"malicious", counts.malicious},     {"possibly_affected", counts.possibly},
           {"by_severity", std::move(by_level)}};
  Json findings = Json::array();
  for (const match::Finding* finding : visible(result, context.show_suppressed)) {
    findings.push_back(finding_json(*finding));
  }
  root["findings"] = std::move(findings);
  Json skipped = Json::array();
  for (const match::SkippedComponent& component : result.skipped) {
    skipped.push_back(Json{{"ref", component.ref},
                           {"name", component.name},
                           {"version", component.version},
                           {"purl", component.purl},
                           {"reason", component.reason}});
  }
  root["skipped"] = std::move(skipped);
  return dump(root);
}

std::string pad(std::string text, std::size_t width) {
  if (text.size() > width) {
    text = text.substr(0, width - 1) + "~";
  }
  text.resize(width, ' ');
  return text;
}

std::string render_table(const match::ScanResult& result, const ScanContext& context) {
  std::string out;
  const std::vector<const match::Finding*> rows = visible(result, context.show_suppressed);
  if (!rows.empty()) {
    out += pad("SEVERITY", 14) + pad("ID", 21) + pad("PACKAGE", 44) + pad("FIXED IN", 14) +
           pad("KEV", 5) + pad("EPSS", 7) + "NOTE\n";
  }
  for (const match::Finding* finding : rows) {
    std::string severity(match::to_string(finding->severity.level));
    if (finding->severity.cvss_score) {
      severity += " " + format_score(*finding->severity.cvss_score, 1);
    }
    std::string note;
    if (finding->malicious) {
      note = "MALICIOUS PACKAGE";
    } else if (finding->verdict == match::Verdict::kPossiblyAffected) {
      note = "possibly affected: " + finding->reason;
    } else if (finding->vex) {
      note = "VEX " + std::string(model::to_string(finding->vex->status));
      if (!finding->vex->justification.empty()) {
        note += " (" + finding->vex->justification + ")";
      }
    } else if (finding->method == match::MatchMethod::kCpe) {
      note = "matched by CPE";
    }
    if (finding->suppressed) {
      note = "[suppressed] " + note;
    }
    out += pad(severity, 14) + pad(finding->id, 21) + pad(package_label(*finding), 44) +
           pad(finding->nearest_fix.empty() ? "-" : finding->nearest_fix, 14) +
           pad(finding->kev ? "yes" : "-", 5) +
           pad(finding->epss ? format_score(finding->epss->score, 3) : "-", 7) + note + "\n";
  }
  if (!rows.empty()) {
    out += "\n";
  }
  out += summary_line(result) + ".\n";
  const Counts counts = count(result);
  if (counts.suppressed > 0 && !context.show_suppressed) {
    out += "Suppressed findings are hidden; --show-suppressed lists them with the VEX statement.\n";
  }
  if (!result.skipped.empty()) {
    out += std::to_string(result.skipped.size()) +
           " component(s) could not be checked (no usable identity); --format json lists them "
           "with the reason.\n";
  }
  return out;
}

std::string csv_field(const std::string& value) {
  std::string out(value.size() * 2 + 2, '\0');
  const std::size_t written = csv_write(out.data(), out.size(), value.data(), value.size());
  out.resize(written);
  return out;
}

std::string render_csv(const match::ScanResult& result, const ScanContext& context) {
  std::string out =
      "severity,cvss_score,id,aliases,component_purl,component_name,component_version,direct,"
      "verdict,reason,kev_date_added,kev_due_date,epss_score,epss_percentile,fixed_versions,"
      "nearest_fix,malicious,vex_status,vex_justification,suppressed,summary\n";
  for (const match::Finding* finding : visible(result, context.show_suppressed)) {
    std::vector<std::string> fields{
        std::string(match::to_string(finding->severity.level)),
        finding->severity.cvss_score ? format_score(*finding->severity.cvss_score, 1) : "",
        finding->id,
        join(finding->aliases, " "),
        finding->component.purl,
        finding->component.name,
        finding->component.version,
        finding->component.depth ? (*finding->component.depth <= 1 ? "true" : "false") : "",
        std::string(match::to_string(finding->verdict)),
        finding->reason,
        finding->kev ? finding->kev->date_added : "",
        finding->kev ? finding->kev->due_date : "",
        finding->epss ? format_score(finding->epss->score, 5) : "",
        finding->epss ? format_score(finding->epss->percentile, 5) : "",
        join(finding->fixed_versions, " "),
        finding->nearest_fix,
        finding->malicious ? "true" : "false",
        finding->vex ? std::string(model::to_string(finding->vex->status)) : "",
        finding->vex ? finding->vex->justification : "",
        finding->suppressed ? "true" : "false",
        finding->summary};
    for (std::size_t index = 0; index < fields.size(); ++index) {
      out += (index > 0 ? "," : "") + csv_field(fields[index]);
    }
    out += "\n";
  }
  return out;
}

std::string markdown_escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '|' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' ||
        c == '>') {
      out += '\\';
    }
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

std::string render_markdown(const match::ScanResult& result, const ScanContext& context) {
  std::string title = context.product_name.empty() ? context.sbom_path : context.product_name;
  if (!context.product_version.empty()) {
    title += " " + context.product_version;
  }
  std::string out = "# Vulnerability scan: " + markdown_escape(title) + "\n\n";
  out += summary_line(result) + ".\n\n";
  out += "Generated by Assay " + markdown_escape(context.tool_version) + " at " +
         context.generated_at + " from `" + markdown_escape(context.sbom_path) + "`.\n\n";
  const std::vector<const match::Finding*> rows = visible(result, context.show_suppressed);
  if (!rows.empty()) {
    out += "| Severity | ID | Package | Fixed in | KEV | EPSS | Note |\n";
    out += "| --- | --- | --- | --- | --- | --- | --- |\n";
    for (const match::Finding* finding : rows) {
      std::string severity(match::to_string(finding->severity.level));
      if (finding->severity.cvss_score) {
        severity += " (" + format_score(*finding->severity.cvss_score, 1) + ")";
      }
      std::string note = finding->malicious ? "malicious package"
                         : finding->verdict == match::Verdict::kPossiblyAffected
                             ? "possibly affected: " + finding->reason
                         : finding->vex
                             ? "VEX " + std::string(model::to_string(finding->vex->status))
                             : "";
      if (finding->suppressed) {
        note = "suppressed; " + note;
      }
      out += "| " + severity + " | " + markdown_escape(finding->id) + " | " +
             markdown_escape(package_label(*finding)) + " | " +
             markdown_escape(finding->nearest_fix.empty() ? "-" : finding->nearest_fix) + " | " +
             (finding->kev ? "yes (due " + finding->kev->due_date + ")" : "-") + " | " +
             (finding->epss ? format_score(finding->epss->score, 3) : "-") + " | " +
             markdown_escape(note) + " |\n";
    }
    out += "\n";
  }
  if (!result.skipped.empty()) {
    out += "## Components not checked\n\n";
    for (const match::SkippedComponent& component : result.skipped) {
      out += "- " + markdown_escape(component.name.empty() ? component.ref : component.name) +
             (component.version.empty() ? "" : " " + markdown_escape(component.version)) + ": " +
             markdown_escape(component.reason) + "\n";
    }
  }
  return out;
}

std::string sarif_level(const match::Finding& finding) {
  if (finding.malicious || finding.kev) {
    return "error";
  }
  switch (finding.severity.level) {
    case match::SeverityLevel::kCritical:
    case match::SeverityLevel::kHigh:
      return "error";
    case match::SeverityLevel::kMedium:
      return "warning";
    case match::SeverityLevel::kLow:
    case match::SeverityLevel::kNone:
    case match::SeverityLevel::kUnknown:
      return "note";
  }
  return "note";
}

std::string render_sarif(const match::ScanResult& result, const ScanContext& context) {
  Json rules = Json::array();
  std::vector<std::string> rule_ids;
  Json results = Json::array();
  for (const match::Finding* finding : visible(result, context.show_suppressed)) {
    auto found = std::find(rule_ids.begin(), rule_ids.end(), finding->id);
    std::size_t rule_index = static_cast<std::size_t>(found - rule_ids.begin());
    if (found == rule_ids.end()) {
      rule_ids.push_back(finding->id);
      Json rule{{"id", finding->id},
                {"shortDescription",
                 Json{{"text", finding->summary.empty() ? finding->id : finding->summary}}}};
      if (!finding->references.empty()) {
        rule["helpUri"] = finding->references.front();
      }
      Json properties{{"tags", Json::array({"security", "vulnerability"})}};
      if (finding->severity.cvss_score) {
        properties["security-severity"] = format_score(*finding->severity.cvss_score, 1);
      }
      if (!finding->aliases.empty()) {
        properties["aliases"] = finding->aliases;
      }
      rule["properties"] = std::move(properties);
      rules.push_back(std::move(rule));
    }
    std::string message = finding->id + " in " + package_label(*finding);
    if (!finding->summary.empty()) {
      message += ": " + finding->summary;
    }
    if (!finding->nearest_fix.empty()) {
      message += " Fixed in " + finding->nearest_fix + ".";
    }
    if (finding->verdict == match::Verdict::kPossiblyAffected) {
      message += " Possibly affected: " + finding->reason + ".";
    }
    Json location{{"physicalLocation",
                   Json{{"artifactLocation",
                         Json{{"uri", context.sbom_path.empty() ? "sbom" : context.sbom_path}}}}}};
    location["logicalLocations"] =
        Json::array({Json{{"name", package_label(*finding)}, {"kind", "package"}}});
    Json entry{{"ruleId", finding->id},
               {"ruleIndex", rule_index},
               {"level", sarif_level(*finding)},
               {"message", Json{{"text", message}}},
               {"locations", Json::array({std::move(location)})},
               {"partialFingerprints",
                Json{{"assayFinding/v1", finding->id + "|" + package_label(*finding)}}}};
    Json properties{{"verdict", match::to_string(finding->verdict)},
                    {"malicious", finding->malicious}};
    if (finding->kev) {
      properties["kev_due_date"] = finding->kev->due_date;
    }
    if (finding->epss) {
      properties["epss"] = finding->epss->score;
    }
    entry["properties"] = std::move(properties);
    if (finding->suppressed && finding->vex) {
      entry["suppressions"] = Json::array({Json{
          {"kind", "external"},
          {"status", "accepted"},
          {"justification",
           "VEX " + std::string(model::to_string(finding->vex->status)) +
               (finding->vex->justification.empty() ? "" : ": " + finding->vex->justification)}}});
    }
    results.push_back(std::move(entry));
  }
  Json driver{{"name", "assay"},
              {"version", context.tool_version.empty() ? "0" : context.tool_version},
              {"informationUri", "https://github.com/assay-project/assay"},
              {"rules", std::move(rules)}};
  Json run{{"tool", Json{{"driver", std::move(driver)}}}, {"results", std::move(results)}};
  Json root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", Json::array({std::move(run)})}};
  return dump(root);
}

std::string uuid_v4() {
  std::random_device device;
  std::uniform_int_distribution<unsigned> byte(0, 255);
  unsigned char bytes[16];
  for (unsigned char& value : bytes) {
    value = static_cast<unsigned char>(byte(device));
  }
  bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0FU) | 0x40U);
  bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3FU) | 0x80U);
  const std::string hex = hex_encode(std::string_view(reinterpret_cast<const char*>(bytes), 16));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

// CycloneDX analysis justifications for OpenVEX ones.
std::string cyclonedx_justification(const std::string& justification) {
  static const std::pair<const char*, const char*> kMap[] = {
      {"component_not_present", "code_not_present"},
      {"vulnerable_code_not_present", "code_not_present"},
      {"vulnerable_code_not_in_execute_path", "code_not_reachable"},
      {"vulnerable_code_cannot_be_controlled_by_adversary", "requires_environment"},
      {"inline_mitigations_already_exist", "protected_by_mitigating_control"}};
  for (const auto& [openvex, cyclonedx] : kMap) {
    if (justification == openvex) {
      return cyclonedx;
    }
  }
  static const std::set<std::string> kCycloneDx = {
      "code_not_present",     "code_not_reachable",     "requires_configuration",
      "requires_dependency",  "requires_environment",   "protected_by_compiler",
      "protected_at_runtime", "protected_at_perimeter", "protected_by_mitigating_control"};
  return kCycloneDx.count(justification) ? justification : "";
}

std::string cyclonedx_state(model::VexStatus status) {
  switch (status) {
    case model::VexStatus::kNotAffected:
      return "not_affected";
    case model::VexStatus::kAffected:
      return "exploitable";
    case model::VexStatus::kFixed:
      return "resolved";
    case model::VexStatus::kUnderInvestigation:
      return "in_triage";
  }
  return "in_triage";
}

std::string rating_method(const std::string& cvss_version) {
  if (cvss_version == "2.0") {
    return "CVSSv2";
  }
  if (cvss_version == "3.0") {
    return "CVSSv3";
  }
  if (cvss_version == "3.1") {
    return "CVSSv31";
  }
  if (cvss_version == "4.0") {
    return "CVSSv4";
  }
  return "other";
}

std::string render_vdr(const match::ScanResult& result, const ScanContext& context) {
  Json root{{"bomFormat", "CycloneDX"},
            {"specVersion", "1.6"},
            {"serialNumber", "urn:uuid:" + uuid_v4()},
            {"version", 1}};
  Json metadata;
  if (!context.generated_at.empty()) {
    metadata["timestamp"] = context.generated_at;
  }
  metadata["tools"] =
      Json{{"components",
            Json::array({Json{
                {"type", "application"}, {"name", "assay"}, {"version", context.tool_version}}})}};
  if (!context.product_name.empty()) {
    Json product{
        {"type", "application"}, {"bom-ref", "assay:product"}, {"name", context.product_name}};
    if (!context.product_version.empty()) {
      product["version"] = context.product_version;
    }
    metadata["component"] = std::move(product);
  }
  root["metadata"] = std::move(metadata);
  Json components = Json::array();
  std::set<std::string> refs;
  Json vulnerabilities = Json::array();
  std::size_t index = 0;
  for (const match::Finding* finding : visible(result, context.show_suppressed)) {
    const std::string ref = finding->component.ref.empty()
                                ? "assay:component/" + std::to_string(index)
                                : finding->component.ref;
    if (refs.insert(ref).second) {
      Json component{{"type", "library"},
                     {"bom-ref", ref},
                     {"name", finding->component.name.empty() ? ref : finding->component.name}};
      if (!finding->component.version.empty()) {
        component["version"] = finding->component.version;
      }
      if (!finding->component.purl.empty()) {
        component["purl"] = finding->component.purl;
      }
      components.push_back(std::move(component));
    }
    Json vulnerability{{"bom-ref", "assay:vulnerability/" + std::to_string(index++)},
                       {"id", finding->id}};
    if (!finding->aliases.empty()) {
      Json references = Json::array();
      for (const std::string& alias : finding->aliases) {
        references.push_back(
            Json{{"id", alias}, {"source", Json{{"name", alias.substr(0, alias.find('-'))}}}});
      }
      vulnerability["references"] = std::move(references);
    }
    Json ratings = Json::array();
    if (finding->severity.cvss_score) {
      ratings.push_back(Json{{"score", *finding->severity.cvss_score},
                             {"severity", match::to_string(finding->severity.level)},
                             {"method", rating_method(finding->severity.cvss_version)},
                             {"vector", finding->severity.cvss_vector}});
    } else if (finding->severity.level != match::SeverityLevel::kUnknown) {
      ratings.push_back(
          Json{{"severity", match::to_string(finding->severity.level)}, {"method", "other"}});
    }
    if (!ratings.empty()) {
      vulnerability["ratings"] = std::move(ratings);
    }
    if (!finding->summary.empty()) {
      vulnerability["description"] = finding->summary;
    }
    if (!finding->nearest_fix.empty()) {
      vulnerability["recommendation"] =
          "Upgrade " + finding->component.name + " to " + finding->nearest_fix + " or later.";
    }
    if (!finding->references.empty()) {
      Json advisories = Json::array();
      for (const std::string& url : finding->references) {
        advisories.push_back(Json{{"url", url}});
      }
      vulnerability["advisories"] = std::move(advisories);
    }
    vulnerability["affects"] = Json::array({Json{{"ref", ref}}});
    if (finding->vex) {
      Json analysis{{"state", cyclonedx_state(finding->vex->status)}};
      const std::string justification = cyclonedx_justification(finding->vex->justification);
      if (!justification.empty()) {
        analysis["justification"] = justification;
      }
      std::string detail = finding->vex->impact_statement;
      if (!finding->vex->action_statement.empty()) {
        detail += (detail.empty() ? "" : " ") + finding->vex->action_statement;
      }
      if (!detail.empty()) {
        analysis["detail"] = detail;
      }
      vulnerability["analysis"] = std::move(analysis);
    }
    Json properties = Json::array();
    properties.push_back(
        Json{{"name", "assay:verdict"}, {"value", match::to_string(finding->verdict)}});
    if (finding->kev) {
      properties.push_back(
          Json{{"name", "assay:kev:date_added"}, {"value", finding->kev->date_added}});
      properties.push_back(Json{{"name", "assay:kev:due_date"}, {"value", finding->kev->due_date}});
    }
    if (finding->epss) {
      properties.push_back(
          Json{{"name", "assay:epss:score"}, {"value", format_score(finding->epss->score, 5)}});
      properties.push_back(Json{{"name", "assay:epss:date"}, {"value", finding->epss_date}});
    }
    if (finding->malicious) {
      properties.push_back(Json{{"name", "assay:malicious"}, {"value", "true"}});
    }
    vulnerability["properties"] = std::move(properties);
    vulnerabilities.push_back(std::move(vulnerability));
  }
  root["components"] = std::move(components);
  root["vulnerabilities"] = std::move(vulnerabilities);
  return dump(root);
}

}  // namespace

std::optional<ScanFormat> scan_format_from_name(std::string_view name) {
  if (name == "table") {
    return ScanFormat::kTable;
  }
  if (name == "json") {
    return ScanFormat::kJson;
  }
  if (name == "sarif") {
    return ScanFormat::kSarif;
  }
  if (name == "cyclonedx-vdr" || name == "cyclonedx") {
    return ScanFormat::kCycloneDxVdr;
  }
  if (name == "csv") {
    return ScanFormat::kCsv;
  }
  if (name == "markdown" || name == "md") {
    return ScanFormat::kMarkdown;
  }
  return std::nullopt;
}

std::string render_scan(const match::ScanResult& result, ScanFormat format,
                        const ScanContext& context) {
  switch (format) {
    case ScanFormat::kTable:
      return render_table(result, context);
    case ScanFormat::kJson:
      return render_json(result, context);
    case ScanFormat::kSarif:
      return render_sarif(result, context);
    case ScanFormat::kCycloneDxVdr:
      return render_vdr(result, context);
    case ScanFormat::kCsv:
      return render_csv(result, context);
    case ScanFormat::kMarkdown:
      return render_markdown(result, context);
  }
  return render_table(result, context);
}

Result<FailPolicy> parse_fail_policy(std::string_view text) {
  FailPolicy policy;
  for (std::string_view term : split(text, ',')) {
    term = trim(term);
    const std::string lower = ascii_lower(term);
    if (lower.empty()) {
      continue;
    }
    if (const auto level = match::severity_from_name(lower);
        level && *level != match::SeverityLevel::kUnknown &&
        *level != match::SeverityLevel::kNone) {
      if (!policy.at_or_above || static_cast<int>(*level) > static_cast<int>(*policy.at_or_above)) {
        policy.at_or_above = level;
      }
    } else if (lower == "kev") {
      policy.kev = true;
    } else if (lower == "malicious") {
      policy.malicious = true;
    } else if (lower == "possibly-affected") {
      policy.possibly_affected = true;
    } else if (lower == "any") {
      policy.any = true;
    } else if (lower.rfind("epss>=", 0) == 0) {
      double value = -1.0;
      const std::string number = lower.substr(6);
      const auto [end, error] =
          std::from_chars(number.data(), number.data() + number.size(), value);
      if (error != std::errc() || end != number.data() + number.size() || value < 0.0 ||
          value > 1.0) {
        return fail(ErrorCode::kInvalidInput,
                    "epss threshold must be a number from 0 to 1: " + quote(term));
      }
      policy.epss_at_least = value;
    } else {
      return fail(ErrorCode::kInvalidInput,
                  "unknown --fail-on term " + quote(term) +
                      "; use critical, high, medium, low, kev, malicious, epss>=N, "
                      "possibly-affected or any");
    }
  }
  return policy;
}

std::vector<PolicyHit> policy_hits(const match::ScanResult& result, const FailPolicy& policy) {
  std::vector<PolicyHit> hits;
  for (const match::Finding& finding : result.findings) {
    if (finding.suppressed) {
      continue;
    }
    std::string term;
    if (policy.any) {
      term = "any";
    } else if (policy.malicious && finding.malicious) {
      term = "malicious";
    } else if (policy.kev && finding.kev) {
      term = "kev";
    } else if (policy.at_or_above && finding.severity.level != match::SeverityLevel::kUnknown &&
               static_cast<int>(finding.severity.level) <= static_cast<int>(*policy.at_or_above)) {
      term = std::string(match::to_string(*policy.at_or_above));
    } else if (policy.epss_at_least && finding.epss &&
               finding.epss->score >= *policy.epss_at_least) {
      term = "epss";
    } else if (policy.possibly_affected && finding.verdict == match::Verdict::kPossiblyAffected) {
      term = "possibly-affected";
    }
    if (!term.empty()) {
      hits.push_back(PolicyHit{&finding, term});
    }
  }
  return hits;
}

}  // namespace assay::report
