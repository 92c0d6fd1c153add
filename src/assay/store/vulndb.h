// The vulnerability database: advisories (OSV, and CSAF converted to OSV), KEV and EPSS in one
// SQLite file, imported transactionally per source, and served to the matcher as an
// AdvisorySource. Default location: $ASSAY_DB, else $XDG_DATA_HOME/assay/assay.db, else
// ~/.local/share/assay/assay.db.
#ifndef ASSAY_STORE_VULNDB_H_
#define ASSAY_STORE_VULNDB_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/result.h"
#include "assay/match/source.h"
#include "assay/model/advisory.h"
#include "assay/model/intel.h"
#include "assay/store/sqlite.h"

namespace assay::store {

// The documented default database path (see the file comment).
std::filesystem::path default_database_path();

enum class SourceKind { kAdvisories, kKev, kEpss };
std::string_view to_string(SourceKind kind);  // "advisories", "kev", "epss"

// The ids and "modified" timestamps of every advisory in a source (for incremental syncs).
struct AdvisoryStamp {
  std::string id;
  std::string modified;
};

struct SourceStatus {
  std::string name;
  SourceKind kind = SourceKind::kAdvisories;
  std::string location;     // where it was imported from (path or URL)
  std::string imported_at;  // RFC 3339, UTC
  std::string data_date;    // the newest "modified" (advisories), catalogue date (KEV) or score
                            // date (EPSS)
  std::int64_t records = 0;
  std::int64_t withdrawn = 0;
};

struct ImportOptions {
  // When true the input is the whole of the source: records of the source absent from it are
  // deleted at commit. When false, records are added or updated only.
  bool full_snapshot = false;
  // A commit that would delete or newly withdraw more than `max_removal_share` of the source's
  // existing records is refused (kInvalidInput) unless `force`.
  double max_removal_share = 0.10;
  bool force = false;
  std::string location;
};

struct ImportReport {
  std::string source;
  std::uint64_t added = 0;
  std::uint64_t updated = 0;
  std::uint64_t unchanged = 0;
  std::uint64_t removed = 0;
  std::uint64_t newly_withdrawn = 0;
  std::uint64_t total = 0;  // records in the source after the import
};

class VulnDb;

// One transactional import into one source. Nothing is visible to readers until commit(); if the
// session is destroyed without commit (an error, an interrupted process), the database keeps its
// previous contents.
class ImportSession {
 public:
  ~ImportSession();
  ImportSession(const ImportSession&) = delete;
  ImportSession& operator=(const ImportSession&) = delete;

  // Adds or updates one advisory. Requires: a kAdvisories session.
  [[nodiscard]] Result<void> add(const model::Advisory& advisory);
  // Removes the advisory `advisory_id` from this source (an incremental sync learned that
  // upstream deleted it); counts towards the removal guard. No-op when absent.
  [[nodiscard]] Result<void> remove(const std::string& advisory_id);

  // Replaces the KEV catalogue / EPSS scores (always a full snapshot of that source).
  [[nodiscard]] Result<void> add_kev(const model::KevCatalog& catalog);
  [[nodiscard]] Result<void> add_epss(const model::EpssFile& file);

  std::uint64_t pending() const { return report_.added + report_.updated + report_.unchanged; }

  // Applies the snapshot deletions, checks the removal guard, and commits. Fails with
  // kInvalidInput (nothing changed) when the guard trips.
  [[nodiscard]] Result<ImportReport> commit();

 private:
  friend class VulnDb;
  struct Existing {
    std::int64_t rowid;
    std::string modified;
    bool withdrawn;
  };
  ImportSession(VulnDb& db, Transaction transaction, std::int64_t source_id, SourceKind kind,
                ImportOptions options, std::string name);

  VulnDb& db_;
  std::optional<Transaction> transaction_;
  std::int64_t source_id_;
  SourceKind kind_;
  ImportOptions options_;
  std::int64_t generation_ = 0;
  std::unordered_map<std::string, Existing> existing_;
  std::int64_t previous_count_ = 0;
  std::uint64_t explicitly_removed_ = 0;
  std::string newest_modified_;
  std::string data_date_;
  ImportReport report_;
  Statement insert_advisory_;
  Statement update_advisory_;
  Statement touch_advisory_;
  Statement insert_affected_;
  Statement insert_cpe_;
  Statement insert_alias_;
};

class VulnDb final : public match::AdvisorySource {
 public:
  // Opens the database at `path`, creating it and its schema with kReadWriteCreate. A read-only
  // open of a database with an older schema fails with kUnsupported telling the user to run an
  // import or update, which migrates it.
  [[nodiscard]] static Result<std::unique_ptr<VulnDb>> open(const std::filesystem::path& path,
                                                            OpenMode mode);

  // Starts a transactional import into source `name` (created on first use).
  [[nodiscard]] Result<std::unique_ptr<ImportSession>> begin_import(const std::string& name,
                                                                    SourceKind kind,
                                                                    const ImportOptions& options);

  [[nodiscard]] Result<std::vector<SourceStatus>> status();

  // Every advisory id in source `name` with its "modified" timestamp; empty when the source does
  // not exist.
  [[nodiscard]] Result<std::vector<AdvisoryStamp>> stamps(const std::string& name);

  // One advisory by id or alias, from any source (the first by source name).
  [[nodiscard]] Result<std::vector<match::AdvisoryPtr>> find(const std::string& id_or_alias);

  // match::AdvisorySource
  [[nodiscard]] Result<match::AdvisoriesByKey> advisories_for(
      const std::vector<std::string>& keys) override;
  [[nodiscard]] Result<std::vector<match::AdvisoryPtr>> advisories_for_cpe(
      const std::string& vendor_product) override;
  std::optional<model::KevEntry> kev(std::string_view cve) const override;
  std::optional<model::EpssScore> epss(std::string_view cve) const override;
  std::string epss_date() const override;

  Database& database() { return *database_; }

  // Drops what advisories_for remembered per package key (not the parsed advisories), so that
  // the next lookup asks SQLite again. For measuring the query path (bench/scan_bench.cc).
  void forget_lookups() { by_key_.clear(); }

 private:
  friend class ImportSession;
  explicit VulnDb(std::unique_ptr<Database> database) : database_(std::move(database)) {}
  [[nodiscard]] Result<match::AdvisoryPtr> load(std::int64_t rowid, std::string_view body);

  std::unique_ptr<Database> database_;
  // Parsed advisories by row id, so that repeated scans in one process parse each record once.
  std::unordered_map<std::int64_t, match::AdvisoryPtr> cache_;
  // What advisories_for found per package key, so that a warm rescan asks SQLite only for keys
  // it has not seen. Both caches are dropped when the file changes: an import through this
  // handle, or another connection's commit (PRAGMA data_version moves).
  std::unordered_map<std::string, std::vector<match::AdvisoryPtr>> by_key_;
  std::optional<std::int64_t> data_version_;
  std::optional<Statement> data_version_query_;
  [[nodiscard]] Result<void> drop_caches_if_changed();
  mutable std::optional<Statement> kev_lookup_;
  mutable std::optional<Statement> epss_lookup_;
  mutable std::optional<std::string> epss_date_;
};

}  // namespace assay::store

#endif  // ASSAY_STORE_VULNDB_H_
