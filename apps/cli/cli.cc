// The command line's top level: global options, subcommand registration, exit codes.
#include "cli.h"

#include <iostream>

#include <CLI/CLI.hpp>

#include "assay/core/file.h"
#include "assay/core/limits.h"

#include "version_info.h"

namespace assay::cli {

int exit_code_for(const Error& error) {
  switch (error.code) {
    case ErrorCode::kVerifyFailed:
      return kExitNegative;
    case ErrorCode::kInternal:
      return kExitInternal;
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUnsupported:
    case ErrorCode::kNotFound:
    case ErrorCode::kIo:
      return kExitUsage;
  }
  return kExitInternal;
}

int report_error(Context& context, const Error& error) {
  context.err << "assay: " << error.to_string() << "\n";
  return exit_code_for(error);
}

Result<std::string> read_input(Context& context, const std::string& file) {
  const InputLimits limits;
  if (file == "-") {
    return read_stream(context.in, limits.max_bytes, "<stdin>");
  }
  return read_file(file, limits.max_bytes);
}

std::string display_name(const std::string& file) {
  return file == "-" ? "<stdin>" : file;
}

json::OrderedJson diagnostic_json(const Diagnostic& diagnostic) {
  return {{"severity", to_string(diagnostic.severity)},
          {"code", diagnostic.code},
          {"location", diagnostic.location},
          {"message", diagnostic.message}};
}

int run(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err) {
  Context context{in, out, err};
  CLI::App app{
      "Assay verifies software vendors' security evidence against the UK Software Security Code "
      "of Practice.",
      "assay"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(kAssayVersion));
  app.footer(
      "Examples:\n"
      "  assay version compare PyPI 1.0.dev1 1.0a1\n"
      "  assay version contains npm '^1.2.0 || >=2.1.0 <3' 1.4.0\n"
      "  assay purl parse 'pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1'\n"
      "  assay sbom validate bom.cdx.json\n"
      "  assay advisory validate vendor-csaf.json\n"
      "  assay vex inspect vendor.openvex.json\n"
      "  assay db update && assay db status\n"
      "  assay scan app.cdx.json --vex vendor.openvex.json --fail-on kev,critical\n"
      "  assay disclosure check example.com\n"
      "  assay assess examples/packs/good-vendor --format markdown --out report.md\n"
      "  assay verify artifact app.tgz --bundle app.sigstore.json --trusted-root root.json \\\n"
      "      --identity <workflow URI> --issuer https://token.actions.githubusercontent.com\n"
      "Run 'assay <command> --help' for a command's options and examples.");

  register_version_commands(app, context);
  register_purl_commands(app, context);
  register_sbom_commands(app, context);
  register_disclosure_commands(app, context);
  register_verify_commands(app, context);
  register_advisory_commands(app, context);
  register_db_commands(app, context);
  register_scan_commands(app, context);
  register_pack_commands(app, context);
  register_assess_commands(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp& help) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& version) {
    out << kAssayVersion << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& error) {
    // Subcommand help requests arrive as CallForHelp from the subcommand; anything else is a
    // usage error.
    err << "assay: " << error.what() << "\n";
    err << "Run 'assay --help' for usage.\n";
    return kExitUsage;
  }
  return context.exit_code;
}

}  // namespace assay::cli
