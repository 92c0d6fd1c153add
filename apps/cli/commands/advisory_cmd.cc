// assay advisory validate | inspect | convert, and assay vex inspect: read any supported advisory
// (OSV JSON or YAML, CSAF 2.0) or VEX document (OpenVEX, CSAF VEX, CycloneDX VEX), format detected
// from content; say exactly what is wrong, list what it says, or rewrite advisories as OSV JSON.
// Steps only; the work is in assay::formats.
#include <memory>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "assay/core/file.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/advisory.h"
#include "assay/formats/osv.h"
#include "assay/formats/vex.h"

#include "cli.h"

namespace assay::cli {
namespace {

struct DocumentOptions {
  std::string file;
  std::string format = "text";
  std::string to = "osv";
  std::string output;
};

json::OrderedJson diagnostics_json(const std::vector<Diagnostic>& diagnostics) {
  json::OrderedJson out = json::OrderedJson::array();
  for (const Diagnostic& diagnostic : diagnostics) {
    out.push_back(diagnostic_json(diagnostic));
  }
  return out;
}

std::size_t count(const std::vector<Diagnostic>& diagnostics, Severity severity) {
  std::size_t total = 0;
  for (const Diagnostic& diagnostic : diagnostics) {
    total += diagnostic.severity == severity ? 1U : 0U;
  }
  return total;
}

bool check_format(Context& context, const std::string& format) {
  if (format == "text" || format == "json") {
    return true;
  }
  context.err << "assay: unknown --format " << quote(format) << "; use text or json\n";
  return false;
}

int run_advisory_validate(Context& context, const DocumentOptions& options) {
  if (!check_format(context, options.format)) {
    return kExitUsage;
  }
  const auto input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string name = display_name(options.file);
  const auto diagnostics = formats::validate_advisories(*input, name);
  if (!diagnostics) {
    return report_error(context, diagnostics.error());
  }
  const std::size_t errors = count(*diagnostics, Severity::kError);
  const std::size_t warnings = count(*diagnostics, Severity::kWarning);
  if (options.format == "json") {
    json::OrderedJson out = {{"file", name},
                             {"valid", errors == 0},
                             {"errors", errors},
                             {"warnings", warnings},
                             {"diagnostics", diagnostics_json(*diagnostics)}};
    context.out << out.dump(2) << "\n";
  } else {
    for (const Diagnostic& diagnostic : *diagnostics) {
      context.out << diagnostic.to_string() << "\n";
    }
    context.out << name << ": " << (errors == 0 ? "valid" : "INVALID") << ", " << errors
                << " errors, " << warnings << " warnings\n";
  }
  return errors == 0 ? kExitOk : kExitNegative;
}

std::string package_text(const model::AffectedPackage& package) {
  if (!package.purl.empty()) {
    return package.purl;
  }
  if (!package.name.empty()) {
    return package.ecosystem + "/" + package.name;
  }
  return package.cpes.empty() ? std::string("(unnamed)") : package.cpes.front();
}

int run_advisory_inspect(Context& context, const DocumentOptions& options) {
  if (!check_format(context, options.format)) {
    return kExitUsage;
  }
  const auto input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string name = display_name(options.file);
  const auto parsed = formats::read_advisories(*input, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  const formats::AdvisoryDocument& document = parsed->value;
  if (options.format == "json") {
    json::OrderedJson out = json::OrderedJson::object();
    out["assay_advisory_inspect_version"] = 1;
    out["file"] = name;
    out["format"] = formats::to_string(document.format);
    out["document_id"] = document.document_id;
    out["advisories"] = json::OrderedJson::array();
    for (const model::Advisory& advisory : document.advisories) {
      out["advisories"].push_back(json::OrderedJson::parse(formats::write_osv_json(advisory)));
    }
    out["diagnostics"] = diagnostics_json(parsed->diagnostics);
    context.out << out.dump(2) << "\n";
    return kExitOk;
  }
  context.out << name << ": " << formats::to_string(document.format);
  if (!document.document_id.empty()) {
    context.out << " " << document.document_id;
  }
  context.out << ", " << document.advisories.size() << " advisories\n";
  for (const model::Advisory& advisory : document.advisories) {
    context.out << "\n" << advisory.id;
    if (!advisory.aliases.empty()) {
      context.out << " (" << join(advisory.aliases, ", ") << ")";
    }
    if (advisory.is_withdrawn()) {
      context.out << " WITHDRAWN " << advisory.withdrawn;
    }
    context.out << "\n";
    if (!advisory.summary.empty()) {
      context.out << "  " << advisory.summary << "\n";
    }
    for (const model::SeverityScore& score : advisory.severity) {
      context.out << "  severity " << score.type << " " << score.score << "\n";
    }
    for (const model::AffectedPackage& package : advisory.affected) {
      context.out << "  affects " << package_text(package);
      if (!package.versions.empty()) {
        context.out << " versions " << package.versions.size();
      }
      if (!package.ranges.empty()) {
        context.out << " ranges " << package.ranges.size();
      }
      context.out << "\n";
    }
  }
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    context.err << diagnostic.to_string() << "\n";
  }
  return kExitOk;
}

int run_advisory_convert(Context& context, const DocumentOptions& options) {
  if (options.to != "osv") {
    context.err << "assay: unknown --to " << quote(options.to) << "; use osv\n";
    return kExitUsage;
  }
  const auto input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string name = display_name(options.file);
  const auto parsed = formats::read_advisories(*input, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    context.err << diagnostic.to_string() << "\n";
  }
  std::string text;
  const auto& advisories = parsed->value.advisories;
  if (advisories.size() == 1) {
    text = formats::write_osv_json(advisories.front()) + "\n";
  } else {
    // Several advisories (a CSAF document with several vulnerabilities): a JSON array of records,
    // which `assay db import` reads back.
    text = "[";
    for (std::size_t index = 0; index < advisories.size(); ++index) {
      text += (index == 0 ? "\n" : ",\n") + formats::write_osv_json(advisories[index]);
    }
    text += "\n]\n";
  }
  if (options.output.empty() || options.output == "-") {
    context.out << text;
    return kExitOk;
  }
  if (auto written = write_file_atomic(options.output, text); !written) {
    return report_error(context, written.error());
  }
  return kExitOk;
}

json::OrderedJson product_json(const model::VexProduct& product) {
  return {{"id", product.id},   {"purl", product.purl},     {"cpe", product.cpe},
          {"ref", product.ref}, {"hashes", product.hashes}, {"name", product.name}};
}

std::string product_text(const model::VexProduct& product) {
  for (const std::string* text :
       {&product.purl, &product.cpe, &product.id, &product.ref, &product.name}) {
    if (!text->empty()) {
      return *text;
    }
  }
  return "(unnamed)";
}

int run_vex_inspect(Context& context, const DocumentOptions& options) {
  if (!check_format(context, options.format)) {
    return kExitUsage;
  }
  const auto input = read_input(context, options.file);
  if (!input) {
    return report_error(context, input.error());
  }
  const std::string name = display_name(options.file);
  const auto parsed = formats::read_vex(*input, name);
  if (!parsed) {
    return report_error(context, parsed.error());
  }
  const model::VexDocument& document = parsed->value;
  const std::size_t errors = count(parsed->diagnostics, Severity::kError);
  if (options.format == "json") {
    json::OrderedJson out = json::OrderedJson::object();
    out["assay_vex_inspect_version"] = 1;
    out["file"] = name;
    out["format"] = document.format;
    out["id"] = document.id;
    out["author"] = document.author;
    out["timestamp"] = document.timestamp;
    out["version"] = document.version;
    out["valid"] = errors == 0;
    out["statements"] = json::OrderedJson::array();
    for (const model::VexStatement& statement : document.statements) {
      json::OrderedJson entry = json::OrderedJson::object();
      entry["vulnerability"] = statement.vulnerability;
      entry["aliases"] = statement.aliases;
      entry["status"] = model::to_string(statement.status);
      entry["justification"] = statement.justification;
      entry["impact_statement"] = statement.impact_statement;
      entry["action_statement"] = statement.action_statement;
      entry["status_notes"] = statement.status_notes;
      entry["responses"] = statement.responses;
      entry["timestamp"] = statement.timestamp;
      entry["last_updated"] = statement.last_updated;
      entry["supplier"] = statement.supplier;
      entry["products"] = json::OrderedJson::array();
      for (const model::VexProduct& product : statement.products) {
        entry["products"].push_back(product_json(product));
      }
      entry["subcomponents"] = json::OrderedJson::array();
      for (const model::VexProduct& product : statement.subcomponents) {
        entry["subcomponents"].push_back(product_json(product));
      }
      entry["location"] = statement.source_location;
      out["statements"].push_back(std::move(entry));
    }
    out["diagnostics"] = diagnostics_json(parsed->diagnostics);
    context.out << out.dump(2) << "\n";
    return errors == 0 ? kExitOk : kExitNegative;
  }
  context.out << name << ": " << document.format << " VEX";
  if (!document.id.empty()) {
    context.out << " " << document.id;
  }
  if (!document.author.empty()) {
    context.out << " by " << document.author;
  }
  context.out << ", " << document.statements.size() << " statements\n";
  for (const model::VexStatement& statement : document.statements) {
    context.out << "\n" << statement.vulnerability << ": " << model::to_string(statement.status);
    if (!statement.justification.empty()) {
      context.out << " (" << statement.justification << ")";
    }
    context.out << "\n";
    for (const model::VexProduct& product : statement.products) {
      context.out << "  product " << product_text(product) << "\n";
    }
    for (const model::VexProduct& product : statement.subcomponents) {
      context.out << "  subcomponent " << product_text(product) << "\n";
    }
    if (!statement.impact_statement.empty()) {
      context.out << "  impact: " << statement.impact_statement << "\n";
    }
    if (!statement.action_statement.empty()) {
      context.out << "  action: " << statement.action_statement << "\n";
    }
  }
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    context.out << diagnostic.to_string() << "\n";
  }
  return errors == 0 ? kExitOk : kExitNegative;
}

}  // namespace

void register_advisory_commands(CLI::App& app, Context& context) {
  CLI::App* advisory = app.add_subcommand(
      "advisory", "Validate, inspect or convert an advisory (OSV JSON or YAML, CSAF 2.0)");
  advisory->require_subcommand(1);
  advisory->footer(
      "Examples:\n"
      "  assay advisory validate rhsa-2024_0001.json\n"
      "  assay advisory inspect GHSA-xxxx-yyyy-zzzz.yaml --format json\n"
      "  assay advisory convert vendor-csaf.json --to osv -o vendor.osv.json");

  auto validate_options = std::make_shared<DocumentOptions>();
  CLI::App* validate = advisory->add_subcommand(
      "validate", "Check an advisory against its schema and rules; list every problem");
  validate->add_option("file", validate_options->file, "advisory file, or - for standard input")
      ->required();
  validate->add_option("--format", validate_options->format, "text (default) or json");
  validate->footer(
      "CSAF documents are checked against the official CSAF 2.0 schema and the specification's\n"
      "mandatory (errors), optional (warnings) and informative (infos) tests.\n"
      "Exit status: 0 valid, 1 invalid, 2 unreadable.\n"
      "Example:\n"
      "  assay advisory validate cisco-sa-2024.json --format json");
  validate->callback([&context, validate_options] {
    context.exit_code = run_advisory_validate(context, *validate_options);
  });

  auto inspect_options = std::make_shared<DocumentOptions>();
  CLI::App* inspect =
      advisory->add_subcommand("inspect", "List what an advisory says: ids, severity, packages");
  inspect->add_option("file", inspect_options->file, "advisory file, or - for standard input")
      ->required();
  inspect->add_option("--format", inspect_options->format,
                      "text (default) or json (each advisory as an OSV record)");
  inspect->footer("Example:\n  assay advisory inspect GO-2023-1571.json");
  inspect->callback([&context, inspect_options] {
    context.exit_code = run_advisory_inspect(context, *inspect_options);
  });

  auto convert_options = std::make_shared<DocumentOptions>();
  CLI::App* convert = advisory->add_subcommand("convert", "Rewrite an advisory as OSV JSON");
  convert->add_option("file", convert_options->file, "advisory file, or - for standard input")
      ->required();
  convert->add_option("--to", convert_options->to, "output format: osv (default)");
  convert->add_option("-o,--output", convert_options->output, "output file (default stdout)");
  convert->footer(
      "A document with several vulnerabilities becomes a JSON array of OSV records.\n"
      "Example:\n  assay advisory convert vendor-csaf.json --to osv -o vendor.osv.json");
  convert->callback([&context, convert_options] {
    context.exit_code = run_advisory_convert(context, *convert_options);
  });

  CLI::App* vex =
      app.add_subcommand("vex", "Inspect a VEX document (OpenVEX, CSAF VEX or CycloneDX VEX)");
  vex->require_subcommand(1);
  auto vex_options = std::make_shared<DocumentOptions>();
  CLI::App* vex_inspect = vex->add_subcommand(
      "inspect", "List a VEX document's statements and every problem with them");
  vex_inspect->add_option("file", vex_options->file, "VEX file, or - for standard input")
      ->required();
  vex_inspect->add_option("--format", vex_options->format, "text (default) or json");
  vex_inspect->footer(
      "Exit status: 0 read without errors, 1 read with errors (listed), 2 unreadable.\n"
      "Examples:\n"
      "  assay vex inspect vendor.openvex.json\n"
      "  assay vex inspect product-vex.csaf.json --format json");
  vex_inspect->callback(
      [&context, vex_options] { context.exit_code = run_vex_inspect(context, *vex_options); });
}

}  // namespace assay::cli
