// assay scan: an SBOM's components against the vulnerability database (or advisory files), with
// VEX applied at match time, KEV/EPSS/CVSS priority, and a --fail-on gate for CI.
#include <memory>

#include <CLI/CLI.hpp>

#include "assay/core/clock.h"
#include "assay/core/file.h"
#include "assay/core/strings.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/intel.h"
#include "assay/formats/osv.h"
#include "assay/formats/sbom.h"
#include "assay/formats/vex.h"
#include "assay/match/matcher.h"
#include "assay/report/scan_report.h"
#include "assay/store/importer.h"
#include "assay/store/vulndb.h"

#include "cli.h"
#include "version_info.h"

namespace assay::cli {

namespace {

constexpr std::uint64_t kMaxSbomBytes = 512ULL << 20U;
constexpr std::uint64_t kMaxVexBytes = 64ULL << 20U;

struct ScanOptions {
  std::string sbom;
  std::string database;
  std::vector<std::string> advisories;
  std::vector<std::string> vex;
  std::string format = "table";
  std::string fail_on;
  std::string out;
  bool show_suppressed = false;
  bool cpe = false;
};

Result<std::vector<model::VexStatement>> load_vex(const std::vector<std::string>& paths) {
  std::vector<model::VexStatement> statements;
  for (const std::string& path : paths) {
    ASSAY_TRY(const std::string text, read_file(path, kMaxVexBytes));
    ASSAY_TRY(Parsed<model::VexDocument> document, formats::read_vex(text, path));
    for (model::VexStatement& statement : document.value.statements) {
      statements.push_back(std::move(statement));
    }
  }
  return statements;
}

int run_scan(Context& context, const ScanOptions& options) {
  const auto format = report::scan_format_from_name(options.format);
  if (!format) {
    context.err << "assay: unknown --format " << quote(options.format)
                << "; use table, json, sarif, cyclonedx-vdr, csv or markdown\n";
    return kExitUsage;
  }
  report::FailPolicy policy;
  if (!options.fail_on.empty()) {
    auto parsed = report::parse_fail_policy(options.fail_on);
    if (!parsed) {
      context.err << "assay: " << parsed.error().message << "\n";
      return kExitUsage;
    }
    policy = *parsed;
  }
  auto text = read_file(options.sbom, kMaxSbomBytes);
  if (!text) {
    return report_error(context, text.error());
  }
  auto sbom = formats::read_sbom(*text, options.sbom);
  if (!sbom) {
    return report_error(context, sbom.error());
  }
  std::size_t sbom_errors = 0;
  for (const Diagnostic& diagnostic : sbom->diagnostics) {
    sbom_errors += diagnostic.severity == Severity::kError ? 1U : 0U;
  }
  if (sbom_errors > 0) {
    context.err << "assay: warning: the SBOM has " << sbom_errors
                << " problem(s); scanning what could be read ('assay sbom validate' lists them)\n";
  }

  std::vector<model::VexStatement> vex;
  // CycloneDX documents may carry their own VEX; it applies like any other statement.
  const model::VexDocument embedded = formats::to_vex_document(sbom->value, options.sbom);
  vex.insert(vex.end(), embedded.statements.begin(), embedded.statements.end());
  auto extra = load_vex(options.vex);
  if (!extra) {
    return report_error(context, extra.error());
  }
  vex.insert(vex.end(), extra->begin(), extra->end());

  report::ScanContext report_context;
  report_context.sbom_path = options.sbom;
  report_context.sbom_format = std::string(model::to_string(sbom->value.metadata.format));
  report_context.sbom_serial = sbom->value.metadata.serial_number;
  if (const auto subject = sbom->value.find(sbom->value.metadata.subject_ref)) {
    report_context.product_name = sbom->value.components[*subject].name;
    report_context.product_version = sbom->value.components[*subject].version;
  }
  report_context.tool_version = std::string(kAssayVersion);
  report_context.generated_at = now_utc();
  report_context.show_suppressed = options.show_suppressed;

  match::ScanOptions scan_options;
  scan_options.match_cpe = options.cpe;
  Result<match::ScanResult> result = fail(ErrorCode::kInternal, "not scanned");
  std::unique_ptr<store::VulnDb> db;
  if (!options.advisories.empty()) {
    // Advisory files instead of the database: imported into a private in-memory database.
    auto scratch = store::VulnDb::open(":memory:", store::OpenMode::kReadWriteCreate);
    if (!scratch) {
      return report_error(context, scratch.error());
    }
    store::ImportRequest request;
    for (const std::string& path : options.advisories) {
      request.paths.emplace_back(path);
    }
    auto outcome = store::import_paths(**scratch, request);
    if (!outcome) {
      return report_error(context, outcome.error());
    }
    for (const store::ImportReport& report : outcome->reports) {
      report_context.data_sources.push_back(report.source + " (" + std::to_string(report.total) +
                                            " records from files)");
    }
    db = std::move(scratch).value();
  } else {
    const std::filesystem::path path = options.database.empty()
                                           ? store::default_database_path()
                                           : std::filesystem::path(options.database);
    auto opened = store::VulnDb::open(path, store::OpenMode::kReadOnly);
    if (!opened) {
      return report_error(context, opened.error());
    }
    db = std::move(opened).value();
    report_context.database = path.string();
    if (const auto status = db->status()) {
      for (const store::SourceStatus& source : *status) {
        report_context.data_sources.push_back(source.name + " (" + std::to_string(source.records) +
                                              " records, data as of " + source.data_date + ")");
      }
    }
  }
  result = match::scan(sbom->value, vex, *db, scan_options);
  if (!result) {
    return report_error(context, result.error());
  }
  const std::string rendered = report::render_scan(*result, *format, report_context);
  if (!options.out.empty()) {
    if (auto written = write_file_atomic(options.out, rendered); !written) {
      return report_error(context, written.error());
    }
  } else {
    context.out << rendered;
  }
  if (!options.fail_on.empty()) {
    const auto hits = report::policy_hits(*result, policy);
    if (!hits.empty()) {
      context.err << "assay: --fail-on " << options.fail_on << " is met by " << hits.size()
                  << " finding(s), e.g. " << hits.front().finding->id << " in "
                  << (hits.front().finding->component.purl.empty()
                          ? hits.front().finding->component.name
                          : hits.front().finding->component.purl)
                  << " (" << hits.front().term << ")\n";
      return kExitNegative;
    }
  }
  return kExitOk;
}

}  // namespace

void register_scan_commands(CLI::App& app, Context& context) {
  auto options = std::make_shared<ScanOptions>();
  CLI::App* scan = app.add_subcommand(
      "scan", "Match an SBOM's components against known vulnerabilities, with VEX applied");
  scan->add_option("sbom", options->sbom, "SBOM file (CycloneDX or SPDX, any supported form)")
      ->required();
  scan->add_option("--db", options->database, "vulnerability database (default as 'assay db')");
  scan->add_option("--advisories", options->advisories,
                   "match against these advisory files or directories instead of the database")
      ->check(CLI::ExistingPath);
  scan->add_option("--vex", options->vex, "VEX document(s): OpenVEX, CSAF VEX or CycloneDX VEX")
      ->check(CLI::ExistingFile);
  scan->add_option("--format", options->format,
                   "table (default), json, sarif, cyclonedx-vdr, csv or markdown");
  scan->add_option("--fail-on", options->fail_on,
                   "exit 1 when a finding meets this policy: critical, high, medium, low, kev, "
                   "malicious, epss>=N, possibly-affected, any (comma-separated)");
  scan->add_option("--out", options->out, "write the report to this file instead of stdout");
  scan->add_flag("--show-suppressed", options->show_suppressed,
                 "also list findings that a not_affected or fixed VEX statement suppresses");
  scan->add_flag("--cpe", options->cpe,
                 "also match components by CPE vendor and product (each such finding is labelled)");
  scan->footer(
      "Examples:\n"
      "  assay scan app.cdx.json\n"
      "  assay scan app.spdx.json --vex vendor.openvex.json --format json --out findings.json\n"
      "  assay scan app.cdx.json --fail-on kev,critical          # CI gate\n"
      "  assay scan app.cdx.json --advisories ./osv-records/     # no database needed\n"
      "Findings are sorted by priority: malicious packages, then KEV-listed, then EPSS and\n"
      "severity. Exit status: 0 no policy hit; 1 --fail-on met; 2 error.");
  scan->callback([&context, options] { context.exit_code = run_scan(context, *options); });
}

}  // namespace assay::cli
