// assay pack init | validate: scaffolds a new evidence pack, and checks one (directory or .zip)
// against its format and the catalogues, printing every problem with its JSON pointer.
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <system_error>

#include <CLI/CLI.hpp>

#include "assay/assess/assessment.h"
#include "assay/assess/catalogue.h"
#include "assay/assess/pack.h"
#include "assay/core/file.h"
#include "assay/core/json.h"

#include "cli.h"

namespace assay::cli {

namespace {

struct PackCmdOptions {
  std::string directory;
  std::string format = "text";
};

int run_init(Context& context, const PackCmdOptions& options) {
  namespace fs = std::filesystem;
  auto catalogues = assess::builtin_catalogues();
  if (!catalogues) {
    return report_error(context, catalogues.error());
  }
  const fs::path root(options.directory);
  const fs::path manifest = root / std::string(assess::kManifestName);
  std::error_code error;
  if (fs::exists(manifest, error)) {
    return report_error(
        context, Error{ErrorCode::kInvalidInput,
                       "a pack manifest already exists; not overwriting it", manifest.string()});
  }
  for (const char* folder : {"artefacts", "sbom", "vex", "signatures", "documents", "evidence"}) {
    fs::create_directories(root / folder, error);
    if (error) {
      return report_error(context, Error{ErrorCode::kIo, "cannot create: " + error.message(),
                                         (root / folder).string()});
    }
  }
  if (auto written = write_file_atomic(manifest, assess::scaffold_manifest(*catalogues));
      !written) {
    return report_error(context, written.error());
  }
  if (auto written = write_file_atomic(root / "policy.example.json", assess::default_policy_json());
      !written) {
    return report_error(context, written.error());
  }
  context.out << "created " << manifest.string()
              << "\n  fill in the vendor, product and releases, put the files it names in "
                 "artefacts/, sbom/, vex/, signatures/ and documents/, answer every claim, then "
                 "run: assay pack validate "
              << options.directory << "\n";
  return kExitOk;
}

int run_validate(Context& context, const PackCmdOptions& options) {
  auto catalogues = assess::builtin_catalogues();
  if (!catalogues) {
    return report_error(context, catalogues.error());
  }
  auto files = assess::PackFiles::open(options.directory);
  if (!files) {
    return report_error(context, files.error());
  }
  const assess::PackValidation validation = assess::validate_pack(**files, *catalogues);
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : validation.diagnostics) {
    errors += diagnostic.severity == Severity::kError ? 1U : 0U;
  }
  if (options.format == "json") {
    json::OrderedJson root;
    root["pack"] = options.directory;
    root["valid"] = validation.valid();
    json::OrderedJson list = json::OrderedJson::array();
    for (const Diagnostic& diagnostic : validation.diagnostics) {
      list.push_back(diagnostic_json(diagnostic));
    }
    root["diagnostics"] = list;
    context.out << root.dump(2) << "\n";
  } else {
    for (const Diagnostic& diagnostic : validation.diagnostics) {
      context.out << diagnostic.to_string() << "\n";
    }
    context.out << options.directory << ": " << (validation.valid() ? "valid" : "invalid") << " ("
                << errors << " error(s), " << validation.diagnostics.size() - errors
                << " warning(s))\n";
  }
  if (!validation.readable) {
    return kExitUsage;
  }
  return validation.valid() ? kExitOk : kExitNegative;
}

}  // namespace

void register_pack_commands(CLI::App& app, Context& context) {
  CLI::App* pack = app.add_subcommand("pack", "Create and check evidence packs (assay-pack.json)");
  pack->require_subcommand(1);
  pack->footer(
      "Examples:\n"
      "  assay pack init my-product-pack\n"
      "  assay pack validate my-product-pack\n"
      "  assay pack validate vendor-pack.zip --format json\n"
      "The format is documented in docs/formats/assay-pack.md.");

  auto init_options = std::make_shared<PackCmdOptions>();
  CLI::App* init = pack->add_subcommand("init", "Create a new pack skeleton in a directory");
  init->add_option("directory", init_options->directory, "directory to create the pack in")
      ->required();
  init->footer("Example:\n  assay pack init ledger-4.2-pack");
  init->callback(
      [&context, init_options] { context.exit_code = run_init(context, *init_options); });

  auto validate_options = std::make_shared<PackCmdOptions>();
  CLI::App* validate =
      pack->add_subcommand("validate", "Check a pack's manifest and files (directory or .zip)");
  validate->add_option("pack", validate_options->directory, "pack directory or .zip")->required();
  validate->add_option("--format", validate_options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  validate->footer(
      "Examples:\n"
      "  assay pack validate examples/packs/good-vendor\n"
      "  assay pack validate vendor.zip --format json\n"
      "Exit status: 0 valid; 1 invalid (every problem is listed with its JSON pointer); 2 the\n"
      "pack or its manifest cannot be read.");
  validate->callback([&context, validate_options] {
    context.exit_code = run_validate(context, *validate_options);
  });
}

}  // namespace assay::cli
