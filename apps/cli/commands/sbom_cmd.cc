// assay sbom validate | inspect | quality | convert: read any supported SBOM (format detected
// from content), say exactly what is wrong, list every component, score it against a quality
// profile, or rewrite it as CycloneDX 1.6. Steps only; the work is in assay::formats.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "assay/core/file.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/quality.h"
#include "assay/formats/sbom.h"
#include "assay/model/sbom.h"

#include "cli.h"

namespace assay::cli {
namespace {

struct SbomOptions {
  std::string file;
  std::string format;
  std::string profile = "ntia";
  std::string to = "cyclonedx-1.6";
  std::string output;
};

std::string format_title(const formats::DetectedFormat& detected) {
  switch (detected.format) {
    case model::SbomFormat::kCycloneDxJson:
      return "CycloneDX " + detected.spec_version + " JSON";
    case model::SbomFormat::kCycloneDxXml:
      return "CycloneDX " + detected.spec_version + " XML";
    case model::SbomFormat::kSpdxJson:
      return "SPDX " + detected.spec_version + " JSON";
    case model::SbomFormat::kSpdxTagValue:
      return "SPDX " + detected.spec_version + " tag-value";
    case model::SbomFormat::kSpdx3JsonLd:
      return "SPDX " + detected.spec_version + " JSON-LD";
  }
  return "SBOM";
}

int run_validate(Context& context, const SbomOptions& options) {
  const Result<std::string> input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string& text = *input;
  const std::string name = display_name(options.file);
  const Result<formats::ValidationReport> report = formats::validate_sbom(text, name);
  if (!report) {
    return report_error(context, report.error());
  }
  const int exit_code = report->valid() ? kExitOk : kExitNegative;
  if (options.format == "json") {
    json::OrderedJson out = json::OrderedJson::object();
    out["file"] = name;
    out["format"] = model::to_string(report->detected.format);
    out["spec_version"] = report->detected.spec_version;
    out["valid"] = report->valid();
    out["errors"] = report->error_count();
    out["warnings"] = report->warning_count();
    out["components"] = report->sbom.components.size();
    out["diagnostics"] = json::OrderedJson::array();
    for (const Diagnostic& diagnostic : report->diagnostics) {
      out["diagnostics"].push_back(diagnostic_json(diagnostic));
    }
    context.out << out.dump(2) << "\n";
    return exit_code;
  }
  for (const Diagnostic& diagnostic : report->diagnostics) {
    context.out << diagnostic.to_string() << "\n";
  }
  context.out << name << ": " << (report->valid() ? "valid" : "INVALID") << " "
              << format_title(report->detected) << ", " << report->sbom.components.size()
              << " components, " << report->error_count() << " errors, " << report->warning_count()
              << " warnings\n";
  return exit_code;
}

json::OrderedJson organization_json(const model::Organization& organization) {
  if (organization.empty()) {
    return nullptr;
  }
  json::OrderedJson out = {{"name", organization.name}, {"urls", organization.urls}};
  out["contacts"] = json::OrderedJson::array();
  for (const model::Contact& contact : organization.contacts) {
    out["contacts"].push_back(
        {{"name", contact.name}, {"email", contact.email}, {"phone", contact.phone}});
  }
  return out;
}

json::OrderedJson nullable(const std::string& text) {
  return text.empty() ? json::OrderedJson(nullptr) : json::OrderedJson(text);
}

// The documented `inspect --format json` object (docs/formats/inspect-json.md).
json::OrderedJson inspect_json(const std::string& name, const model::Sbom& sbom,
                               const std::vector<Diagnostic>& diagnostics) {
  const std::vector<model::DependencyInfo> info = model::dependency_info(sbom);
  json::OrderedJson out = json::OrderedJson::object();
  out["assay_inspect_version"] = 1;
  out["file"] = name;
  out["format"] = model::to_string(sbom.metadata.format);
  out["spec_version"] = sbom.metadata.spec_version;
  const model::SbomMetadata& metadata = sbom.metadata;
  json::OrderedJson meta = json::OrderedJson::object();
  meta["serial_number"] = nullable(metadata.serial_number);
  meta["name"] = nullable(metadata.name);
  meta["timestamp"] = nullable(metadata.timestamp);
  meta["subject_ref"] = nullable(metadata.subject_ref);
  meta["lifecycles"] = metadata.lifecycles;
  meta["authors"] = json::OrderedJson::array();
  for (const model::Contact& author : metadata.authors) {
    meta["authors"].push_back({{"name", author.name}, {"email", author.email}});
  }
  meta["tools"] = json::OrderedJson::array();
  for (const model::Tool& tool : metadata.tools) {
    meta["tools"].push_back(
        {{"vendor", tool.vendor}, {"name", tool.name}, {"version", tool.version}});
  }
  meta["supplier"] = organization_json(metadata.supplier);
  meta["manufacturer"] = organization_json(metadata.manufacturer);
  out["metadata"] = std::move(meta);
  std::size_t direct = 0;
  std::size_t transitive = 0;
  std::size_t without_identity = 0;
  std::size_t with_purl = 0;
  out["components"] = json::OrderedJson::array();
  for (std::size_t index = 0; index < sbom.components.size(); ++index) {
    const model::Component& component = sbom.components[index];
    json::OrderedJson entry = json::OrderedJson::object();
    entry["ref"] = component.ref;
    entry["type"] = model::to_string(component.type);
    entry["group"] = nullable(component.group);
    entry["name"] = component.name;
    entry["version"] = nullable(component.version);
    entry["purl"] = nullable(component.purl);
    entry["purl_canonical"] = nullable(component.purl_canonical);
    entry["cpes"] = component.cpes;
    entry["identity"] = {{"kind", model::to_string(component.identity_kind())},
                         {"key", nullable(component.identity())}};
    entry["hashes"] = json::OrderedJson::array();
    for (const model::Hash& hash : component.hashes) {
      entry["hashes"].push_back({{"algorithm", hash.algorithm}, {"value", hash.value}});
    }
    entry["supplier"] = nullable(component.supplier.name);
    entry["licenses"] = json::OrderedJson::array();
    for (const model::License& license : component.licenses) {
      entry["licenses"].push_back(license.value);
    }
    entry["scope"] = nullable(std::string(model::to_string(component.scope)));
    entry["parent_ref"] = nullable(component.parent_ref);
    const model::DependencyInfo& dependency = info[index];
    entry["depth"] =
        dependency.depth ? json::OrderedJson(*dependency.depth) : json::OrderedJson(nullptr);
    entry["location"] = component.source_location;
    out["components"].push_back(std::move(entry));
    if (dependency.depth && *dependency.depth == 1) {
      ++direct;
    } else if (dependency.depth && *dependency.depth > 1) {
      ++transitive;
    }
    without_identity += component.identity_kind() == model::IdentityKind::kNone ? 1U : 0U;
    with_purl += component.purl_canonical.empty() ? 0U : 1U;
  }
  out["services"] = json::OrderedJson::array();
  for (const model::Service& service : sbom.services) {
    out["services"].push_back({{"ref", service.ref},
                               {"name", service.name},
                               {"version", nullable(service.version)},
                               {"endpoints", service.endpoints}});
  }
  out["relationships"] = json::OrderedJson::array();
  for (const model::Relationship& relationship : sbom.relationships) {
    if (relationship.to.empty()) {
      continue;
    }
    out["relationships"].push_back({{"from", relationship.from},
                                    {"type", model::to_string(relationship.type)},
                                    {"to", relationship.to},
                                    {"original_type", relationship.original_type}});
  }
  out["vulnerabilities"] = json::OrderedJson::array();
  for (const model::VexStatement& statement : sbom.vulnerabilities) {
    json::OrderedJson affects = json::OrderedJson::array();
    for (const model::VexProduct& product : statement.products) {
      affects.push_back(product.ref);
    }
    out["vulnerabilities"].push_back({{"id", statement.vulnerability},
                                      {"status", model::to_string(statement.status)},
                                      {"justification", nullable(statement.justification)},
                                      {"affects", affects}});
  }
  out["summary"] = {{"components", sbom.components.size()},
                    {"with_purl", with_purl},
                    {"without_identity", without_identity},
                    {"direct", direct},
                    {"transitive", transitive},
                    {"services", sbom.services.size()},
                    {"relationships", out["relationships"].size()},
                    {"vulnerabilities", sbom.vulnerabilities.size()}};
  out["diagnostics"] = json::OrderedJson::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    out["diagnostics"].push_back(diagnostic_json(diagnostic));
  }
  return out;
}

std::string cell(std::string text, std::size_t width) {
  if (text.size() > width) {
    text = text.substr(0, width - 3) + "...";
  }
  text.resize(width, ' ');
  return text;
}

void inspect_table(Context& context, const std::string& name, const model::Sbom& sbom,
                   const std::vector<Diagnostic>& diagnostics) {
  const model::SbomMetadata& metadata = sbom.metadata;
  const std::vector<model::DependencyInfo> info = model::dependency_info(sbom);
  context.out << name << ": " << model::to_string(metadata.format) << " " << metadata.spec_version
              << "\n";
  if (!metadata.subject_ref.empty()) {
    if (const auto subject = sbom.find(metadata.subject_ref)) {
      const model::Component& component = sbom.components[*subject];
      context.out << "describes: " << component.name
                  << (component.version.empty() ? "" : " " + component.version) << "\n";
    }
  }
  if (!metadata.timestamp.empty()) {
    context.out << "created:   " << metadata.timestamp << "\n";
  }
  for (const model::Tool& tool : metadata.tools) {
    context.out << "tool:      " << (tool.vendor.empty() ? "" : tool.vendor + " ") << tool.name
                << (tool.version.empty() ? "" : " " + tool.version) << "\n";
  }
  context.out << "\n"
              << cell("NAME", 32) << " " << cell("VERSION", 16) << " " << cell("TYPE", 12) << " "
              << cell("DEPTH", 5) << " " << cell("SUPPLIER", 20) << " IDENTITY\n";
  for (std::size_t index = 0; index < sbom.components.size(); ++index) {
    const model::Component& component = sbom.components[index];
    std::string depth = "-";
    if (info[index].depth) {
      depth = *info[index].depth == 0 ? "root" : std::to_string(*info[index].depth);
    }
    std::string identity = component.identity();
    if (identity.empty()) {
      identity = "(none: cannot be matched)";
    } else if (component.identity_kind() != model::IdentityKind::kPurl) {
      identity = std::string(model::to_string(component.identity_kind())) + ": " + identity;
    }
    context.out << cell(component.name, 32) << " " << cell(component.version, 16) << " "
                << cell(std::string(model::to_string(component.type)), 12) << " " << cell(depth, 5)
                << " " << cell(component.supplier.name, 20) << " " << identity << "\n";
  }
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& diagnostic : diagnostics) {
    errors += diagnostic.severity == Severity::kError ? 1U : 0U;
    warnings += diagnostic.severity == Severity::kWarning ? 1U : 0U;
  }
  context.out << "\n"
              << sbom.components.size() << " components, " << sbom.services.size() << " services, "
              << sbom.relationships.size() << " relationships, " << sbom.vulnerabilities.size()
              << " vulnerabilities; " << errors << " errors, " << warnings << " warnings";
  if (!diagnostics.empty()) {
    context.out << " (run 'assay sbom validate " << name << "' for the list)";
  }
  context.out << "\n";
}

int run_inspect(Context& context, const SbomOptions& options) {
  const Result<std::string> input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string& text = *input;
  const std::string name = display_name(options.file);
  const Result<Parsed<model::Sbom>> parsed = formats::read_sbom(text, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  if (options.format == "json") {
    context.out << inspect_json(name, parsed->value, parsed->diagnostics).dump(2) << "\n";
  } else {
    inspect_table(context, name, parsed->value, parsed->diagnostics);
  }
  return kExitOk;
}

int run_quality(Context& context, const SbomOptions& options) {
  const Result<formats::QualityProfile> profile = formats::parse_quality_profile(options.profile);
  if (!profile) {
    return report_error(context, profile.error());
  }
  const Result<std::string> input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string& text = *input;
  const std::string name = display_name(options.file);
  const Result<Parsed<model::Sbom>> parsed = formats::read_sbom(text, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  const formats::QualityReport report = formats::assess_quality(parsed->value, *profile);
  if (options.format == "json") {
    context.out << formats::quality_report_json(report);
  } else {
    context.out << name << "\n" << formats::quality_report_text(report);
  }
  return report.verdict == formats::QualityVerdict::kFail ? kExitNegative : kExitOk;
}

int run_convert(Context& context, const SbomOptions& options) {
  if (options.to != "cyclonedx-1.6") {
    return report_error(context, Error{ErrorCode::kInvalidInput,
                                       "unknown target format " + quote(options.to, 40) +
                                           "; the supported target is cyclonedx-1.6",
                                       ""});
  }
  const Result<std::string> input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string& text = *input;
  const std::string name = display_name(options.file);
  const Result<Parsed<model::Sbom>> parsed = formats::read_sbom(text, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    if (diagnostic.severity != Severity::kInfo) {
      context.err << diagnostic.to_string() << "\n";
    }
  }
  const std::string output = formats::write_cyclonedx_json(parsed->value);
  if (options.output.empty() || options.output == "-") {
    context.out << output;
    return kExitOk;
  }
  const Result<void> written = write_file_atomic(options.output, output);
  if (!written) {
    return report_error(context, written.error());
  }
  return kExitOk;
}

}  // namespace

void register_sbom_commands(CLI::App& app, Context& context) {
  CLI::App* sbom = app.add_subcommand(
      "sbom", "Validate, inspect, score and convert SBOMs (CycloneDX, SPDX 2 and 3)");
  sbom->require_subcommand(1);
  sbom->footer(
      "Formats are detected from content: CycloneDX 1.2-1.7 JSON and XML, SPDX 2.2/2.3 JSON "
      "and tag-value, SPDX 3.0.1 JSON-LD. Use - to read standard input.\n"
      "Examples:\n"
      "  assay sbom validate bom.cdx.json\n"
      "  assay sbom inspect app.spdx.json --format json\n"
      "  assay sbom quality bom.cdx.json --profile bsi-tr-03183-2\n"
      "  assay sbom convert app.spdx --to cyclonedx-1.6 -o app.cdx.json");
  auto options = std::make_shared<SbomOptions>();

  CLI::App* validate = sbom->add_subcommand(
      "validate",
      "Check an SBOM against its official schema and the semantic rules; exit 0 valid, 1 "
      "invalid, 2 error");
  validate->add_option("file", options->file, "SBOM file, or - for standard input")->required();
  validate->add_option("--format", options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  validate->callback([&context, options] { context.exit_code = run_validate(context, *options); });

  CLI::App* inspect =
      sbom->add_subcommand("inspect", "List the SBOM's metadata and every component");
  inspect->add_option("file", options->file, "SBOM file, or - for standard input")->required();
  inspect->add_option("--format", options->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  inspect->callback([&context, options] { context.exit_code = run_inspect(context, *options); });

  CLI::App* quality = sbom->add_subcommand(
      "quality",
      "Score an SBOM against NTIA minimum elements, BSI TR-03183-2 or CISA FSCT; exit 1 when "
      "the profile fails");
  quality->add_option("file", options->file, "SBOM file, or - for standard input")->required();
  quality->add_option("--profile", options->profile, "ntia (default), bsi-tr-03183-2 or fsct");
  quality->add_option("--format", options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  quality->callback([&context, options] { context.exit_code = run_quality(context, *options); });

  CLI::App* convert = sbom->add_subcommand(
      "convert", "Rewrite any supported SBOM as CycloneDX 1.6 JSON, keeping everything that maps");
  convert->add_option("file", options->file, "SBOM file, or - for standard input")->required();
  convert->add_option("--to", options->to, "target format: cyclonedx-1.6")->required();
  convert->add_option("-o,--output", options->output, "output file (default: standard output)");
  convert->callback([&context, options] { context.exit_code = run_convert(context, *options); });
}

}  // namespace assay::cli
