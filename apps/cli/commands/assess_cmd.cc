// assay assess | check | compare: assesses a vendor's evidence pack (directory or .zip) against the
// Code of Practice catalogues, offline unless --online fetches the vendor's live security.txt and
// published links (passive GETs through net::fetch), and reports verdicts per principle and claim
// (text, JSON, Markdown, HTML, a CycloneDX 1.6 attestation); `check` applies a buyer's policy as a
// gate and exits 1 when it fails; `compare` puts several suppliers side by side.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "assay/assess/assessment.h"
#include "assay/assess/catalogue.h"
#include "assay/assess/pack.h"
#include "assay/core/file.h"
#include "assay/core/strings.h"
#include "assay/net/http_client.h"
#include "assay/store/importer.h"
#include "assay/store/vulndb.h"
#include "assay/verify/securitytxt.h"

#include "cli.h"
#include "version_info.h"

namespace assay::cli {

namespace {

struct AssessCmdOptions {
  std::string pack;
  std::vector<std::string> packs;  // compare
  std::string policy;
  std::string catalogue = "final-2025";
  std::string format = "text";
  std::string out;
  std::string database;
  std::vector<std::string> advisories;
  std::string now;
  bool online = false;
  bool allow_private_addresses = false;
  double timeout_seconds = 20.0;
};

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The passive fetcher behind --online: GET only, the SSRF guard on every hop, redirects only
// within the same host, the timeout and the caller's size cap; never credentials or cookies.
assess::LiveFetcher live_fetcher(const AssessCmdOptions& options) {
  net::FetchOptions fetch_options;
  fetch_options.allow_private_addresses = options.allow_private_addresses;
  fetch_options.allow_http = options.allow_private_addresses;
  fetch_options.same_host_redirects_only = true;
  fetch_options.keep_truncated_body = true;
  fetch_options.total_timeout =
      std::chrono::milliseconds(static_cast<std::int64_t>(options.timeout_seconds * 1000.0));
  fetch_options.connect_timeout =
      std::min(fetch_options.connect_timeout, fetch_options.total_timeout);
  return [fetch_options](const std::string& url,
                         std::size_t max_bytes) -> Result<assess::LiveDocument> {
    net::FetchOptions for_this = fetch_options;
    for_this.max_body_bytes = max_bytes;
    ASSAY_TRY(net::Response response, net::fetch(url, for_this));
    assess::LiveDocument document;
    document.status = response.status;
    document.url = std::move(response.url);
    document.redirects = std::move(response.redirects);
    document.content_type = std::move(response.content_type);
    document.body = std::move(response.body);
    document.truncated = response.truncated;
    document.fetched_at = now_seconds();
    return document;
  };
}

// Runs the assessment; on failure reports the error and returns the exit code.
Result<assess::Assessment> run_assessment(const AssessCmdOptions& options,
                                          const assess::Policy& policy,
                                          const std::string& pack_path) {
  ASSAY_TRY(const assess::CatalogueSet catalogues, assess::builtin_catalogues());
  ASSAY_TRY(const std::unique_ptr<assess::PackFiles> files, assess::PackFiles::open(pack_path));
  assess::AssessOptions assess_options;
  assess_options.catalogue = options.catalogue;
  assess_options.now = now_seconds();
  if (!options.now.empty()) {
    const std::optional<std::int64_t> now = verify::securitytxt::parse_rfc3339(options.now);
    if (!now) {
      return fail(ErrorCode::kInvalidInput,
                  "--now " + quote(options.now) + " is not an RFC 3339 date-time");
    }
    assess_options.now = *now;
  }
  std::unique_ptr<store::VulnDb> db;
  if (!options.advisories.empty()) {
    ASSAY_TRY(db, store::VulnDb::open(":memory:", store::OpenMode::kReadWriteCreate));
    store::ImportRequest request;
    for (const std::string& path : options.advisories) {
      request.paths.emplace_back(path);
    }
    ASSAY_TRY_VOID(store::import_paths(*db, request));
    assess_options.database_name = "advisory files (" + join(options.advisories, ", ") + ")";
  } else if (!options.database.empty()) {
    ASSAY_TRY(db, store::VulnDb::open(options.database, store::OpenMode::kReadOnly));
    assess_options.database_name = "database " + options.database;
  }
  assess_options.vulnerabilities = db.get();
  if (options.online) {
    if (!(options.timeout_seconds > 0.0 && options.timeout_seconds <= 300.0)) {
      return fail(ErrorCode::kInvalidInput,
                  "--timeout must be more than 0 and at most 300 seconds");
    }
    assess_options.fetch = live_fetcher(options);
  } else if (options.allow_private_addresses) {
    return fail(ErrorCode::kInvalidInput, "--allow-private-addresses needs --online");
  }
  return assess::assess(*files, catalogues, policy, assess_options);
}

Result<assess::Policy> load_policy(const std::string& path) {
  if (path.empty()) {
    return assess::Policy{};
  }
  ASSAY_TRY(const std::string text, read_file(path, 1024 * 1024));
  return assess::read_policy(text, path);
}

int emit(Context& context, const std::string& out, const std::string& rendered) {
  if (!out.empty()) {
    if (auto written = write_file_atomic(out, rendered); !written) {
      return report_error(context, written.error());
    }
    return kExitOk;
  }
  context.out << rendered;
  return kExitOk;
}

int run_assess(Context& context, const AssessCmdOptions& options) {
  auto policy = load_policy(options.policy);
  if (!policy) {
    return report_error(context, policy.error());
  }
  auto assessment = run_assessment(options, *policy, options.pack);
  if (!assessment) {
    return report_error(context, assessment.error());
  }
  const std::string rendered = options.format == "json"       ? assess::to_json(*assessment)
                               : options.format == "markdown" ? assess::to_markdown(*assessment)
                               : options.format == "html"     ? assess::to_html(*assessment)
                               : options.format == "cyclonedx"
                                   ? assess::to_cyclonedx(*assessment, kAssayVersion)
                                   : assess::to_text(*assessment);
  return emit(context, options.out, rendered);
}

int run_check(Context& context, const AssessCmdOptions& options) {
  auto policy = load_policy(options.policy);
  if (!policy) {
    return report_error(context, policy.error());
  }
  auto assessment = run_assessment(options, *policy, options.pack);
  if (!assessment) {
    return report_error(context, assessment.error());
  }
  const assess::GateResult gate = assess::apply_gate(*assessment, *policy);
  std::string rendered;
  if (options.format == "json") {
    rendered = assess::to_json(*assessment);
  } else {
    rendered = "policy " + (options.policy.empty() ? std::string("(defaults)") : options.policy) +
               ": " + (gate.passed ? "PASSED" : "FAILED") + " for " +
               assessment->manifest.product.name + " (" + options.pack + ")\n";
    for (const std::string& reason : gate.reasons) {
      rendered += "  " + reason + "\n";
    }
  }
  if (const int code = emit(context, options.out, rendered); code != kExitOk) {
    return code;
  }
  if (!gate.passed) {
    context.err << "assay: the policy fails: " << gate.reasons.size() << " reason(s)\n";
    return kExitNegative;
  }
  return kExitOk;
}

int run_compare(Context& context, const AssessCmdOptions& options) {
  auto policy = load_policy(options.policy);
  if (!policy) {
    return report_error(context, policy.error());
  }
  std::vector<assess::Assessment> assessments;
  for (const std::string& pack : options.packs) {
    auto assessment = run_assessment(options, *policy, pack);
    if (!assessment) {
      return report_error(context, assessment.error());
    }
    assessments.push_back(std::move(*assessment));
  }
  return emit(context, options.out,
              options.format == "html" ? assess::compare_html(assessments)
                                       : assess::compare_text(assessments));
}

void add_common(CLI::App* command, AssessCmdOptions& options, bool single_pack = true) {
  if (single_pack) {
    command->add_option("pack", options.pack, "evidence pack: a directory or a .zip")->required();
  }
  command
      ->add_option("--catalogue", options.catalogue,
                   "final-2025 (default: the May 2025 Code and NCSC claims) or draft-2024 "
                   "(the 21 draft provisions); both show the same evidence")
      ->check(CLI::IsMember({"final-2025", "draft-2024"}));
  command->add_option("--db", options.database,
                      "vulnerability database for the vulnerability checks (without it, or "
                      "--advisories, they are N/A)");
  command
      ->add_option("--advisories", options.advisories,
                   "OSV records and a KEV catalogue (files or directories) to use instead of a "
                   "database")
      ->check(CLI::ExistingPath);
  command->add_option("--out", options.out, "write the report to this file instead of stdout");
  command->add_option("--now", options.now,
                      "assess as of this RFC 3339 time instead of now (reproducible reports)");
  command->add_flag("--online", options.online,
                    "also fetch the vendor's live https://<domain>/.well-known/security.txt and "
                    "the pack's links (disclosure policy, support policy and end-of-support "
                    "data, incident plan, configuration guide, CSAF provider metadata): passive "
                    "GETs, no credentials, private addresses refused, redirects only within a "
                    "host. Without it nothing is fetched");
  command->add_option("--timeout", options.timeout_seconds,
                      "with --online: seconds allowed for each fetch (default 20)");
  command->add_flag("--allow-private-addresses", options.allow_private_addresses,
                    "with --online: allow private, loopback and link-local addresses and plain "
                    "http:// (internal services and tests only)");
}

}  // namespace

void register_assess_commands(CLI::App& app, Context& context) {
  auto options = std::make_shared<AssessCmdOptions>();
  CLI::App* assess_cmd = app.add_subcommand(
      "assess", "Assess a vendor's evidence pack against the Software Security Code of Practice");
  add_common(assess_cmd, *options);
  assess_cmd->add_option("--policy", options->policy,
                         "buyer's policy file (JSON; thresholds, docs/formats/assessment-json.md)");
  assess_cmd
      ->add_option("--format", options->format,
                   "text (default), json, markdown, html (one self-contained, printable page) "
                   "or cyclonedx (a CycloneDX 1.6 attestation: declarations with each claim's "
                   "verdict and evidence digests)")
      ->check(CLI::IsMember({"text", "json", "markdown", "html", "cyclonedx"}));
  assess_cmd->footer(
      "Examples:\n"
      "  assay assess examples/packs/good-vendor\n"
      "  assay assess vendor-pack.zip --catalogue draft-2024 --format markdown --out report.md\n"
      "  assay assess examples/packs/gappy-vendor --advisories examples/intel --format html \\\n"
      "      --out gappy-vendor.html\n"
      "  assay assess examples/packs/gappy-vendor --advisories examples/intel --format json\n"
      "  assay assess examples/packs/good-vendor --advisories examples/intel --format cyclonedx "
      "\\\n"
      "      --out good-vendor.assessment.cdx.json\n"
      "  assay assess vendor-pack/ --db ~/.local/share/assay/assay.db --policy council.json\n"
      "  assay assess examples/packs/good-vendor --online --format html --out live.html\n"
      "Offline (the default) nothing is fetched and the report names the checks that used only\n"
      "the pack's copies. --online also checks the vendor's live security.txt and links; what\n"
      "it fetches is evidence E3 with its HTTP status, final URL, digest and time.\n"
      "Verdicts: PASS, FAIL, WARN, ATTESTED (the vendor's word, no automatic check), N/A (with\n"
      "the reason). Absence of evidence is never a PASS. Exit status: 0 assessed (whatever the\n"
      "verdicts); 2 the pack, policy or database cannot be read.");
  assess_cmd->callback([&context, options] { context.exit_code = run_assess(context, *options); });

  auto check_options = std::make_shared<AssessCmdOptions>();
  CLI::App* check = app.add_subcommand(
      "check", "Gate a release on a buyer's policy: assess the pack, exit 1 if the policy fails");
  add_common(check, *check_options);
  check->add_option("--policy", check_options->policy, "policy file (JSON)")->required();
  check->add_option("--format", check_options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  check->footer(
      "Examples:\n"
      "  assay check release-pack/ --policy council-policy.json\n"
      "  assay check release-pack.zip --policy policy.json --advisories osv/ --format json\n"
      "  assay check release-pack/ --policy policy.json --online   # also the live site\n"
      "A policy sets thresholds and the gate: \"fail_on\" (verdicts of checks that fail it,\n"
      "default [\"FAIL\"]), \"fail_on_inconsistent\" and \"ignore_checks\".\n"
      "Exit status: 0 the policy passes; 1 it fails; 2 error.");
  check->callback(
      [&context, check_options] { context.exit_code = run_check(context, *check_options); });

  auto compare_options = std::make_shared<AssessCmdOptions>();
  CLI::App* compare = app.add_subcommand(
      "compare", "Compare several suppliers' evidence packs side by side (text or HTML)");
  compare->add_option("packs", compare_options->packs, "two or more evidence packs")
      ->required()
      ->expected(2, 20);
  add_common(compare, *compare_options, false);
  compare->add_option("--policy", compare_options->policy, "buyer's policy file (JSON)");
  compare->add_option("--format", compare_options->format, "text (default) or html")
      ->check(CLI::IsMember({"text", "html"}));
  compare->footer(
      "Examples:\n"
      "  assay compare examples/packs/good-vendor examples/packs/gappy-vendor\n"
      "  assay compare a.zip b.zip c.zip --advisories osv/ --format html --out compare.html\n"
      "Each pack is assessed as 'assay assess' does; rows are principles and checks, columns\n"
      "suppliers. Exit status: 0 compared; 2 a pack cannot be read.");
  compare->callback(
      [&context, compare_options] { context.exit_code = run_compare(context, *compare_options); });
}

}  // namespace assay::cli
