// `assay db update`: brings the database up to date from the public feeds — osv.dev's
// per-ecosystem archives (incrementally through their modified_id.csv lists), CISA's KEV catalogue
// and FIRST's EPSS scores. Every address is configurable; every fetch goes through the net
// module's SSRF guard. Each source updates in one transaction.
#ifndef ASSAY_STORE_UPDATER_H_
#define ASSAY_STORE_UPDATER_H_

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/result.h"
#include "assay/net/http_client.h"
#include "assay/store/vulndb.h"

namespace assay::store {

// The ecosystems updated when none are named: the language registries.
std::vector<std::string> default_update_ecosystems();

struct UpdateOptions {
  std::string osv_base_url = "https://osv-vulnerabilities.storage.googleapis.com";
  std::vector<std::string> ecosystems = default_update_ecosystems();
  std::string kev_url =
      "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json";
  std::string epss_url = "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";
  bool kev = true;
  bool epss = true;
  bool force = false;  // override the 10% removal guard
  // When more records than this changed since the last update, the whole archive is downloaded
  // instead of record by record.
  std::size_t max_incremental_records = 2000;
  net::FetchOptions fetch;               // SSRF guard settings (tests allow loopback)
  std::filesystem::path work_directory;  // for downloaded archives; "" = a private temp dir
  std::function<void(const std::string&)> progress;  // one line per step
};

struct UpdateOutcome {
  std::vector<ImportReport> reports;
  std::vector<std::string> notes;  // what was done per source: "osv:PyPI: 12 changed records"
  std::vector<Diagnostic> diagnostics;
};

// Updates every configured source. A source whose download or import fails keeps its previous
// contents; the error is returned after the sources before it have committed.
[[nodiscard]] Result<UpdateOutcome> update_database(VulnDb& db, const UpdateOptions& options);

}  // namespace assay::store

#endif  // ASSAY_STORE_UPDATER_H_
