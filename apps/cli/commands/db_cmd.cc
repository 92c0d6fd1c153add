// assay db import | status | show: the local vulnerability database (SQLite).
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "assay/core/strings.h"
#include "assay/formats/osv.h"
#include "assay/store/importer.h"
#include "assay/store/updater.h"
#include "assay/store/vulndb.h"

#include "cli.h"

namespace assay::cli {

namespace {

struct DbOptions {
  std::string database;
  std::vector<std::string> paths;
  std::string source;
  bool replace = false;
  bool force = false;
  std::string format = "text";
  std::string id;
  std::size_t max_problems = 20;
  // db update
  std::vector<std::string> ecosystems;
  std::string osv_url;
  std::string kev_url;
  std::string epss_url;
  bool no_kev = false;
  bool no_epss = false;
  bool allow_private = false;
};

std::filesystem::path database_path(const DbOptions& options) {
  return options.database.empty() ? store::default_database_path()
                                  : std::filesystem::path(options.database);
}

// "3 days old", "5 hours old", from an RFC 3339 timestamp's date and time.
std::string age_of(const std::string& timestamp) {
  if (timestamp.size() < 19) {
    return "";
  }
  std::tm parts{};
  if (::strptime(timestamp.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &parts) == nullptr) {
    return "";
  }
  const std::time_t then = timegm(&parts);
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  const long long hours = static_cast<long long>(std::difftime(now, then) / 3600.0);
  if (hours < 0) {
    return "in the future";
  }
  if (hours < 48) {
    return std::to_string(hours) + " hours old";
  }
  return std::to_string(hours / 24) + " days old";
}

int run_import(Context& context, const DbOptions& options) {
  auto db = store::VulnDb::open(database_path(options), store::OpenMode::kReadWriteCreate);
  if (!db) {
    return report_error(context, db.error());
  }
  store::ImportRequest request;
  for (const std::string& path : options.paths) {
    request.paths.emplace_back(path);
  }
  request.source = options.source;
  request.replace = options.replace;
  request.force = options.force;
  const bool terminal = ::isatty(STDERR_FILENO) == 1 && &context.err == &std::cerr;
  if (terminal) {
    request.progress = [&context](const store::ImportProgress& progress) {
      context.err << "\r  " << progress.source << ": " << progress.records << " records read"
                  << std::flush;
    };
  }
  const auto outcome = store::import_paths(**db, request);
  if (terminal) {
    context.err << "\r\033[K";
  }
  if (!outcome) {
    context.err << "assay: import failed; the database is unchanged for the sources not yet "
                   "committed\n";
    return report_error(context, outcome.error());
  }
  for (const store::ImportReport& report : outcome->reports) {
    context.out << report.source << ": " << report.added << " added, " << report.updated
                << " updated, " << report.unchanged << " unchanged, " << report.removed
                << " removed";
    if (report.newly_withdrawn > 0) {
      context.out << ", " << report.newly_withdrawn << " newly withdrawn";
    }
    context.out << "; " << report.total << " in the source\n";
  }
  std::size_t shown = 0;
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : outcome->diagnostics) {
    errors += diagnostic.severity == Severity::kError ? 1U : 0U;
    if (shown < options.max_problems) {
      context.err << "  " << diagnostic.to_string() << "\n";
      ++shown;
    }
  }
  if (outcome->diagnostics.size() > shown) {
    context.err << "  ... and " << (outcome->diagnostics.size() - shown)
                << " more problems (--max-problems to list more)\n";
  }
  if (outcome->rejected > 0) {
    context.err << "assay: " << outcome->rejected
                << " record(s) could not be read and were not imported; everything else was\n";
  }
  context.out << "database: " << database_path(options).string() << "\n";
  return kExitOk;
}

int run_update(Context& context, const DbOptions& options) {
  auto db = store::VulnDb::open(database_path(options), store::OpenMode::kReadWriteCreate);
  if (!db) {
    return report_error(context, db.error());
  }
  store::UpdateOptions update;
  if (!options.ecosystems.empty()) {
    update.ecosystems = options.ecosystems;
  }
  if (!options.osv_url.empty()) {
    update.osv_base_url = options.osv_url;
  }
  if (!options.kev_url.empty()) {
    update.kev_url = options.kev_url;
  }
  if (!options.epss_url.empty()) {
    update.epss_url = options.epss_url;
  }
  update.kev = !options.no_kev;
  update.epss = !options.no_epss;
  update.force = options.force;
  // Only for tests and internal mirrors: loopback, private and plain-http addresses.
  update.fetch.allow_private_addresses = options.allow_private;
  update.fetch.allow_http = options.allow_private;
  update.progress = [&context](const std::string& line) { context.err << "  " << line << "\n"; };
  const auto outcome = store::update_database(**db, update);
  if (!outcome) {
    context.err << "assay: update stopped; the source being updated is unchanged\n";
    return report_error(context, outcome.error());
  }
  for (const store::ImportReport& report : outcome->reports) {
    context.out << report.source << ": " << report.added << " added, " << report.updated
                << " updated, " << report.removed << " removed; " << report.total
                << " in the source\n";
  }
  std::size_t shown = 0;
  for (const Diagnostic& diagnostic : outcome->diagnostics) {
    if (shown++ < options.max_problems) {
      context.err << "  " << diagnostic.to_string() << "\n";
    }
  }
  context.out << "database: " << database_path(options).string() << "\n";
  return kExitOk;
}

int run_status(Context& context, const DbOptions& options) {
  auto db = store::VulnDb::open(database_path(options), store::OpenMode::kReadOnly);
  if (!db) {
    return report_error(context, db.error());
  }
  const auto status = (*db)->status();
  if (!status) {
    return report_error(context, status.error());
  }
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const store::SourceStatus& source : *status) {
      list.push_back({{"name", source.name},
                      {"kind", store::to_string(source.kind)},
                      {"records", source.records},
                      {"withdrawn", source.withdrawn},
                      {"data_date", source.data_date},
                      {"imported_at", source.imported_at},
                      {"location", source.location}});
    }
    context.out << nlohmann::ordered_json{{"database", database_path(options).string()},
                                          {"sources", list}}
                       .dump(2)
                << "\n";
    return kExitOk;
  }
  context.out << "database: " << database_path(options).string() << "\n";
  if (status->empty()) {
    context.out << "no sources yet; add some with 'assay db import' or 'assay db update'\n";
    return kExitOk;
  }
  for (const store::SourceStatus& source : *status) {
    context.out << "  " << source.name << " (" << store::to_string(source.kind)
                << "): " << source.records << " records";
    if (source.withdrawn > 0) {
      context.out << " (" << source.withdrawn << " withdrawn)";
    }
    context.out << "; data as of " << (source.data_date.empty() ? "unknown" : source.data_date);
    const std::string age = age_of(source.imported_at);
    context.out << "; imported " << source.imported_at << (age.empty() ? "" : " (" + age + ")")
                << "\n";
  }
  return kExitOk;
}

int run_show(Context& context, const DbOptions& options) {
  auto db = store::VulnDb::open(database_path(options), store::OpenMode::kReadOnly);
  if (!db) {
    return report_error(context, db.error());
  }
  const auto found = (*db)->find(options.id);
  if (!found) {
    return report_error(context, found.error());
  }
  if (found->empty()) {
    context.err << "assay: no advisory with id or alias " << quote(options.id) << "\n";
    return kExitNegative;
  }
  for (const match::AdvisoryPtr& advisory : *found) {
    const nlohmann::json pretty = nlohmann::json::parse(formats::write_osv_json(*advisory));
    context.out << pretty.dump(2) << "\n";
  }
  return kExitOk;
}

}  // namespace

void register_db_commands(CLI::App& app, Context& context) {
  CLI::App* db = app.add_subcommand("db", "Manage the local vulnerability database");
  db->require_subcommand(1);
  db->footer(
      "The database is one SQLite file: --db, else $ASSAY_DB, else $XDG_DATA_HOME/assay/assay.db,\n"
      "else ~/.local/share/assay/assay.db.");
  auto options = std::make_shared<DbOptions>();

  CLI::App* import = db->add_subcommand(
      "import", "Import OSV records, osv.dev all.zip archives, KEV and EPSS files");
  import->add_option("path", options->paths, "files, directories or all.zip archives")
      ->required()
      ->check(CLI::ExistingPath);
  import->add_option("--db", options->database, "database file");
  import->add_option("--source", options->source,
                     "source name for advisories (default: derived from each path)");
  import->add_flag("--replace", options->replace,
                   "the input is the whole source: delete its records that are not in the input");
  import->add_flag("--force", options->force,
                   "apply an import that would delete or withdraw more than 10% of a source");
  import->add_option("--max-problems", options->max_problems, "problems to list (default 20)");
  import->footer(
      "Examples:\n"
      "  assay db import ~/osv/PyPI/all.zip ~/osv/npm/all.zip\n"
      "  assay db import ../advisory-database/vulns --source pypa\n"
      "  assay db import known_exploited_vulnerabilities.json epss_scores-current.csv.gz\n"
      "Each source is imported in one transaction: a failure leaves it as it was. An all.zip\n"
      "archive is the whole of its ecosystem, so records missing from it are removed; an import\n"
      "that would remove or withdraw more than 10% of a source stops unless --force.");
  import->callback([&context, options] { context.exit_code = run_import(context, *options);
});

CLI::App* update = db->add_subcommand(
    "update", "Download the latest advisories (osv.dev), KEV catalogue and EPSS scores");
update->add_option("--db", options->database, "database file");
update->add_option("--ecosystem", options->ecosystems,
                   "OSV ecosystem to update (repeatable; default: npm PyPI Maven Go crates.io "
                   "NuGet RubyGems Packagist Hex Pub)");
update->add_option("--osv-url", options->osv_url,
                   "base address of the OSV archives (default "
                   "https://osv-vulnerabilities.storage.googleapis.com)");
update->add_option("--kev-url", options->kev_url, "address of the KEV catalogue (JSON)");
update->add_option("--epss-url", options->epss_url, "address of the EPSS scores (CSV, .gz)");
update->add_flag("--no-kev", options->no_kev, "skip the KEV catalogue");
update->add_flag("--no-epss", options->no_epss, "skip EPSS");
update->add_flag("--force", options->force,
                 "apply an update that would delete or withdraw more than 10% of a source");
update->add_flag("--allow-private-addresses", options->allow_private,
                 "allow loopback, private and plain-http addresses (mirrors and tests only)");
update->footer(
    "Examples:\n"
    "  assay db update\n"
    "  assay db update --ecosystem Debian --ecosystem Alpine --no-epss\n"
    "  assay db update --osv-url https://mirror.example.org/osv --kev-url https://...\n"
    "The first update of an ecosystem downloads its all.zip; later ones fetch only the\n"
    "records its modified_id.csv lists as changed. Every fetch is a passive GET through the\n"
    "SSRF guard.");
update->callback([&context, options] { context.exit_code = run_update(context, *options); });

CLI::App* status = db->add_subcommand("status", "Show each source, its size and freshness");
status->add_option("--db", options->database, "database file");
status->add_option("--format", options->format, "text or json")
    ->check(CLI::IsMember({"text", "json"}));
status->footer("Example:\n  assay db status --format json");
status->callback([&context, options] { context.exit_code = run_status(context, *options); });

CLI::App* show = db->add_subcommand("show", "Print the advisories with an id or alias, as OSV");
show->add_option("id", options->id, "advisory id or alias, e.g. CVE-2021-44228")->required();
show->add_option("--db", options->database, "database file");
show->footer("Example:\n  assay db show GHSA-jfh8-c2jp-5v3q");
show->callback([&context, options] { context.exit_code = run_show(context, *options); });
}  // namespace assay::cli

}  // namespace assay::cli
