// The vulnerability database.
#include "assay/store/vulndb.h"

#include <zstd.h>

#include <algorithm>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "assay/core/clock.h"
#include "assay/core/strings.h"
#include "assay/formats/osv.h"
#include "assay/match/package_key.h"

namespace assay::store {

namespace {

constexpr int kSchemaVersion = 1;

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS source(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  location TEXT NOT NULL DEFAULT '',
  imported_at TEXT NOT NULL DEFAULT '',
  data_date TEXT NOT NULL DEFAULT '',
  generation INTEGER NOT NULL DEFAULT 0) STRICT;
CREATE TABLE IF NOT EXISTS advisory(
  id INTEGER PRIMARY KEY,
  source INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  advisory_id TEXT NOT NULL,
  modified TEXT NOT NULL,
  withdrawn TEXT NOT NULL DEFAULT '',
  generation INTEGER NOT NULL,
  body BLOB NOT NULL,
  UNIQUE(source, advisory_id)) STRICT;
CREATE TABLE IF NOT EXISTS affected(
  advisory INTEGER NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
  package_key TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS affected_by_key ON affected(package_key);
CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected(advisory);
CREATE TABLE IF NOT EXISTS affected_cpe(
  advisory INTEGER NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
  vendor_product TEXT NOT NULL) STRICT;
CREATE INDEX IF NOT EXISTS affected_cpe_by_key ON affected_cpe(vendor_product);
CREATE INDEX IF NOT EXISTS affected_cpe_by_advisory ON affected_cpe(advisory);
CREATE TABLE IF NOT EXISTS alias(
  advisory INTEGER NOT NULL REFERENCES advisory(id) ON DELETE CASCADE,
  alias TEXT NOT NULL COLLATE NOCASE) STRICT;
CREATE INDEX IF NOT EXISTS alias_by_name ON alias(alias);
CREATE INDEX IF NOT EXISTS alias_by_advisory ON alias(advisory);
CREATE TABLE IF NOT EXISTS kev(
  source INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  cve TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  body TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS epss(
  source INTEGER NOT NULL REFERENCES source(id) ON DELETE CASCADE,
  cve TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,
  score REAL NOT NULL,
  percentile REAL NOT NULL) STRICT;
)sql";

Result<std::string> compress(const std::string& text) {
  std::string out(ZSTD_compressBound(text.size()), '\0');
  const std::size_t size = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 3);
  if (ZSTD_isError(size) != 0U) {
    return fail(ErrorCode::kInternal,
                std::string("compression failed: ") + ZSTD_getErrorName(size));
  }
  out.resize(size);
  return out;
}

Result<std::string> decompress(std::string_view bytes) {
  const unsigned long long size = ZSTD_getFrameContentSize(bytes.data(), bytes.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (64ULL << 20U)) {
    return fail(ErrorCode::kIo, "a stored advisory is corrupt (bad compressed frame)");
  }
  std::string out(static_cast<std::size_t>(size), '\0');
  const std::size_t written = ZSTD_decompress(out.data(), out.size(), bytes.data(), bytes.size());
  if (ZSTD_isError(written) != 0U || written != size) {
    return fail(ErrorCode::kIo, "a stored advisory is corrupt (cannot decompress)");
  }
  return out;
}

std::string kev_body(const model::KevEntry& entry) {
  nlohmann::ordered_json body{{"cveID", entry.cve_id},
                              {"vendorProject", entry.vendor_project},
                              {"product", entry.product},
                              {"vulnerabilityName", entry.vulnerability_name},
                              {"dateAdded", entry.date_added},
                              {"shortDescription", entry.short_description},
                              {"requiredAction", entry.required_action},
                              {"dueDate", entry.due_date},
                              {"knownRansomwareCampaignUse", entry.known_ransomware_campaign_use},
                              {"notes", entry.notes},
                              {"cwes", entry.cwes}};
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

model::KevEntry kev_from_body(const std::string& text) {
  model::KevEntry entry;
  const nlohmann::json body = nlohmann::json::parse(text, nullptr, false);
  if (!body.is_object()) {
    return entry;
  }
  auto get = [&body](const char* key) {
    const auto found = body.find(key);
    return found != body.end() && found->is_string() ? found->get<std::string>() : std::string();
  };
  entry.cve_id = get("cveID");
  entry.vendor_project = get("vendorProject");
  entry.product = get("product");
  entry.vulnerability_name = get("vulnerabilityName");
  entry.date_added = get("dateAdded");
  entry.short_description = get("shortDescription");
  entry.required_action = get("requiredAction");
  entry.due_date = get("dueDate");
  entry.known_ransomware_campaign_use = get("knownRansomwareCampaignUse");
  entry.notes = get("notes");
  if (const auto cwes = body.find("cwes"); cwes != body.end() && cwes->is_array()) {
    for (const auto& cwe : *cwes) {
      if (cwe.is_string()) {
        entry.cwes.push_back(cwe.get<std::string>());
      }
    }
  }
  return entry;
}

SourceKind kind_from_name(std::string_view name) {
  if (name == "kev") {
    return SourceKind::kKev;
  }
  if (name == "epss") {
    return SourceKind::kEpss;
  }
  return SourceKind::kAdvisories;
}

}  // namespace

std::filesystem::path default_database_path() {
  // NOLINTBEGIN(concurrency-mt-unsafe): read once by the single-threaded CLI.
  if (const char* explicit_path = std::getenv("ASSAY_DB"); explicit_path && *explicit_path) {
    return explicit_path;
  }
  if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
    return std::filesystem::path(data) / "assay" / "assay.db";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::filesystem::path(home) / ".local" / "share" / "assay" / "assay.db";
  }
  // NOLINTEND(concurrency-mt-unsafe)
  return "assay.db";
}

std::string_view to_string(SourceKind kind) {
  switch (kind) {
    case SourceKind::kAdvisories:
      return "advisories";
    case SourceKind::kKev:
      return "kev";
    case SourceKind::kEpss:
      return "epss";
  }
  return "advisories";
}

Result<std::unique_ptr<VulnDb>> VulnDb::open(const std::filesystem::path& path, OpenMode mode) {
  if (mode == OpenMode::kReadWriteCreate && path.has_parent_path()) {
    std::error_code error;
    std::filesystem::create_directories(path.parent_path(), error);
  }
  ASSAY_TRY(std::unique_ptr<Database> database, Database::open(path, mode));
  if (mode == OpenMode::kReadWriteCreate) {
    ASSAY_TRY(Transaction transaction, Transaction::begin(*database));
    ASSAY_TRY_VOID(database->exec(kSchema));
    ASSAY_TRY(Statement version,
              database->prepare("INSERT INTO meta(key, value) VALUES('schema_version', ?1) "
                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    version.bind(1, std::to_string(kSchemaVersion));
    ASSAY_TRY_VOID(version.run());
    ASSAY_TRY_VOID(transaction.commit());
  } else {
    auto version = database->prepare("SELECT value FROM meta WHERE key = 'schema_version'");
    if (!version) {
      return fail(ErrorCode::kUnsupported,
                  "this file is not an Assay vulnerability database (no schema version)",
                  path.string());
    }
    ASSAY_TRY(const bool row, version->step());
    if (!row || version->column_text(0) != std::to_string(kSchemaVersion)) {
      return fail(ErrorCode::kUnsupported,
                  "the database was written by another version of Assay; run 'assay db import' "
                  "or 'assay db update' to migrate it",
                  path.string());
    }
  }
  return std::unique_ptr<VulnDb>(new VulnDb(std::move(database)));
}

Result<std::unique_ptr<ImportSession>> VulnDb::begin_import(const std::string& name,
                                                            SourceKind kind,
                                                            const ImportOptions& options) {
  if (name.empty()) {
    return fail(ErrorCode::kInvalidInput, "a source needs a name");
  }
  ASSAY_TRY(Transaction transaction, Transaction::begin(*database_));
  ASSAY_TRY(Statement find, database_->prepare("SELECT id, kind FROM source WHERE name = ?1"));
  find.bind(1, name);
  ASSAY_TRY(const bool found, find.step());
  std::int64_t source_id = 0;
  if (found) {
    if (kind_from_name(find.column_text(1)) != kind) {
      return fail(ErrorCode::kInvalidInput, "source " + quote(name) + " holds " +
                                                find.column_text(1) + ", not " +
                                                std::string(to_string(kind)));
    }
    source_id = find.column_int(0);
  } else {
    ASSAY_TRY(Statement insert,
              database_->prepare("INSERT INTO source(name, kind) VALUES(?1, ?2)"));
    insert.bind(1, name).bind(2, to_string(kind));
    ASSAY_TRY_VOID(insert.run());
    source_id = database_->last_insert_rowid();
  }
  auto session = std::unique_ptr<ImportSession>(
      new ImportSession(*this, std::move(transaction), source_id, kind, options, name));
  ASSAY_TRY(Statement generation,
            database_->prepare("UPDATE source SET generation = generation + 1 WHERE id = ?1 "
                               "RETURNING generation"));
  generation.bind(1, source_id);
  ASSAY_TRY(const bool has_generation, generation.step());
  session->generation_ = has_generation ? generation.column_int(0) : 1;
  generation.reset();

  if (kind == SourceKind::kAdvisories) {
    ASSAY_TRY(Statement existing,
              database_->prepare(
                  "SELECT id, advisory_id, modified, withdrawn FROM advisory WHERE source = ?1"));
    existing.bind(1, source_id);
    while (true) {
      ASSAY_TRY(const bool row, existing.step());
      if (!row) {
        break;
      }
      session->existing_.emplace(
          existing.column_text(1),
          ImportSession::Existing{existing.column_int(0), existing.column_text(2),
                                  !existing.column_text(3).empty()});
    }
    session->previous_count_ = static_cast<std::int64_t>(session->existing_.size());
    ASSAY_TRY(session->insert_advisory_,
              database_->prepare("INSERT INTO advisory(source, advisory_id, modified, withdrawn, "
                                 "generation, body) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"));
    ASSAY_TRY(session->update_advisory_,
              database_->prepare("UPDATE advisory SET modified = ?2, withdrawn = ?3, "
                                 "generation = ?4, body = ?5 WHERE id = ?1"));
    ASSAY_TRY(session->touch_advisory_,
              database_->prepare("UPDATE advisory SET generation = ?2 WHERE id = ?1"));
    ASSAY_TRY(session->insert_affected_,
              database_->prepare("INSERT INTO affected(advisory, package_key) VALUES(?1, ?2)"));
    ASSAY_TRY(
        session->insert_cpe_,
        database_->prepare("INSERT INTO affected_cpe(advisory, vendor_product) VALUES(?1, ?2)"));
    ASSAY_TRY(session->insert_alias_,
              database_->prepare("INSERT INTO alias(advisory, alias) VALUES(?1, ?2)"));
  } else {
    const char* table = kind == SourceKind::kKev ? "kev" : "epss";
    ASSAY_TRY(Statement count, database_->prepare(std::string("SELECT count(*) FROM ") + table +
                                                  " WHERE source = ?1"));
    count.bind(1, source_id);
    ASSAY_TRY(const bool row, count.step());
    session->previous_count_ = row ? count.column_int(0) : 0;
  }
  return session;
}

ImportSession::ImportSession(VulnDb& db, Transaction transaction, std::int64_t source_id,
                             SourceKind kind, ImportOptions options, std::string name)
    : db_(db),
      transaction_(std::move(transaction)),
      source_id_(source_id),
      kind_(kind),
      options_(std::move(options)) {
  report_.source = std::move(name);
}

ImportSession::~ImportSession() = default;

Result<void> ImportSession::add(const model::Advisory& advisory) {
  if (kind_ != SourceKind::kAdvisories) {
    return fail(ErrorCode::kInternal,
                "advisory added to a " + std::string(to_string(kind_)) + " source");
  }
  if (!transaction_) {
    return fail(ErrorCode::kInternal, "import session already committed");
  }
  if (advisory.modified > newest_modified_) {
    newest_modified_ = advisory.modified;
  }
  std::int64_t rowid = 0;
  const auto found = existing_.find(advisory.id);
  const std::string withdrawn = advisory.withdrawn;
  if (found != existing_.end()) {
    if (found->second.modified == advisory.modified &&
        found->second.withdrawn == !withdrawn.empty()) {
      touch_advisory_.bind(1, found->second.rowid).bind(2, generation_);
      ASSAY_TRY_VOID(touch_advisory_.run());
      ++report_.unchanged;
      return {};
    }
    if (!found->second.withdrawn && !withdrawn.empty()) {
      ++report_.newly_withdrawn;
    }
    ASSAY_TRY(const std::string body, compress(formats::write_osv_json(advisory)));
    rowid = found->second.rowid;
    update_advisory_.bind(1, rowid)
        .bind(2, advisory.modified)
        .bind(3, withdrawn)
        .bind(4, generation_)
        .bind_blob(5, body);
    ASSAY_TRY_VOID(update_advisory_.run());
    for (const char* table : {"affected", "affected_cpe", "alias"}) {
      ASSAY_TRY(Statement clear, db_.database_->prepare(std::string("DELETE FROM ") + table +
                                                        " WHERE advisory = ?1"));
      clear.bind(1, rowid);
      ASSAY_TRY_VOID(clear.run());
    }
    found->second.modified = advisory.modified;
    found->second.withdrawn = !withdrawn.empty();
    ++report_.updated;
  } else {
    ASSAY_TRY(const std::string body, compress(formats::write_osv_json(advisory)));
    insert_advisory_.bind(1, source_id_)
        .bind(2, advisory.id)
        .bind(3, advisory.modified)
        .bind(4, withdrawn)
        .bind(5, generation_)
        .bind_blob(6, body);
    ASSAY_TRY_VOID(insert_advisory_.run());
    rowid = db_.database_->last_insert_rowid();
    existing_.emplace(advisory.id, Existing{rowid, advisory.modified, !withdrawn.empty()});
    ++report_.added;
  }
  std::vector<std::string> keys;
  std::vector<std::string> cpes;
  for (const model::AffectedPackage& affected : advisory.affected) {
    if (const auto key = match::key_for_advisory(affected.ecosystem, affected.name)) {
      keys.push_back(key->index_key());
    }
    for (const std::string& cpe : affected.cpes) {
      const std::string vendor_product = match::cpe_vendor_product(cpe);
      if (!vendor_product.empty()) {
        cpes.push_back(vendor_product);
      }
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const std::string& key : keys) {
    insert_affected_.bind(1, rowid).bind(2, key);
    ASSAY_TRY_VOID(insert_affected_.run());
  }
  std::sort(cpes.begin(), cpes.end());
  cpes.erase(std::unique(cpes.begin(), cpes.end()), cpes.end());
  for (const std::string& cpe : cpes) {
    insert_cpe_.bind(1, rowid).bind(2, cpe);
    ASSAY_TRY_VOID(insert_cpe_.run());
  }
  for (const std::string& alias : advisory.aliases) {
    insert_alias_.bind(1, rowid).bind(2, alias);
    ASSAY_TRY_VOID(insert_alias_.run());
  }
  return {};
}

Result<void> ImportSession::remove(const std::string& advisory_id) {
  if (kind_ != SourceKind::kAdvisories || !transaction_) {
    return fail(ErrorCode::kInternal, "remove on the wrong session");
  }
  const auto found = existing_.find(advisory_id);
  if (found == existing_.end()) {
    return {};
  }
  ASSAY_TRY(Statement remove, db_.database_->prepare("DELETE FROM advisory WHERE id = ?1"));
  remove.bind(1, found->second.rowid);
  ASSAY_TRY_VOID(remove.run());
  existing_.erase(found);
  ++explicitly_removed_;
  return {};
}

Result<void> ImportSession::add_kev(const model::KevCatalog& catalog) {
  if (kind_ != SourceKind::kKev || !transaction_) {
    return fail(ErrorCode::kInternal, "KEV added to the wrong session");
  }
  Database& database = *db_.database_;
  ASSAY_TRY(Statement clear, database.prepare("DELETE FROM kev WHERE source = ?1"));
  clear.bind(1, source_id_);
  ASSAY_TRY_VOID(clear.run());
  ASSAY_TRY(Statement insert,
            database.prepare("INSERT INTO kev(source, cve, body) VALUES(?1, ?2, ?3) "
                             "ON CONFLICT(cve) DO UPDATE SET source = excluded.source, "
                             "body = excluded.body"));
  for (const model::KevEntry& entry : catalog.entries) {
    insert.bind(1, source_id_).bind(2, entry.cve_id).bind(3, kev_body(entry));
    ASSAY_TRY_VOID(insert.run());
  }
  report_.added = catalog.entries.size();
  data_date_ = !catalog.date_released.empty() ? catalog.date_released : catalog.catalog_version;
  return {};
}

Result<void> ImportSession::add_epss(const model::EpssFile& file) {
  if (kind_ != SourceKind::kEpss || !transaction_) {
    return fail(ErrorCode::kInternal, "EPSS added to the wrong session");
  }
  Database& database = *db_.database_;
  ASSAY_TRY(Statement clear, database.prepare("DELETE FROM epss WHERE source = ?1"));
  clear.bind(1, source_id_);
  ASSAY_TRY_VOID(clear.run());
  ASSAY_TRY(Statement insert,
            database.prepare("INSERT INTO epss(source, cve, score, percentile) "
                             "VALUES(?1, ?2, ?3, ?4) ON CONFLICT(cve) DO UPDATE SET "
                             "source = excluded.source, score = excluded.score, "
                             "percentile = excluded.percentile"));
  for (const model::EpssScore& score : file.scores) {
    insert.bind(1, source_id_).bind(2, score.cve_id).bind(3, score.score).bind(4, score.percentile);
    ASSAY_TRY_VOID(insert.run());
  }
  report_.added = file.scores.size();
  data_date_ = file.score_date;
  return {};
}

Result<ImportReport> ImportSession::commit() {
  if (!transaction_) {
    return fail(ErrorCode::kInternal, "import session already committed");
  }
  Database& database = *db_.database_;
  std::uint64_t removed = 0;
  std::uint64_t total = 0;
  if (kind_ == SourceKind::kAdvisories) {
    if (options_.full_snapshot) {
      ASSAY_TRY(Statement count,
                database.prepare("SELECT count(*) FROM advisory WHERE source = ?1 AND "
                                 "generation <> ?2"));
      count.bind(1, source_id_).bind(2, generation_);
      ASSAY_TRY(const bool row, count.step());
      removed = row ? static_cast<std::uint64_t>(count.column_int(0)) : 0;
    }
    total = static_cast<std::uint64_t>(existing_.size()) - removed;
    removed += explicitly_removed_;
  } else {
    // KEV and EPSS imports replace the whole source: what disappears is what was there before
    // and is not in the new snapshot.
    total = report_.added;
    const std::uint64_t previous = static_cast<std::uint64_t>(previous_count_);
    removed = previous > total ? previous - total : 0;
  }
  report_.removed = removed;
  report_.total = total;
  const double share = previous_count_ > 0
                           ? static_cast<double>(removed + report_.newly_withdrawn) /
                                 static_cast<double>(previous_count_)
                           : 0.0;
  if (share > options_.max_removal_share && !options_.force) {
    return fail(ErrorCode::kInvalidInput,
                "this import would delete " + std::to_string(removed) + " and withdraw " +
                    std::to_string(report_.newly_withdrawn) + " of the " +
                    std::to_string(previous_count_) + " records in source " +
                    quote(report_.source) + " (more than " +
                    std::to_string(static_cast<int>(options_.max_removal_share * 100)) +
                    "%); nothing was changed. If this is expected, run again with --force");
  }
  if (kind_ == SourceKind::kAdvisories && options_.full_snapshot && removed > 0) {
    ASSAY_TRY(Statement remove,
              database.prepare("DELETE FROM advisory WHERE source = ?1 AND generation <> ?2"));
    remove.bind(1, source_id_).bind(2, generation_);
    ASSAY_TRY_VOID(remove.run());
  }
  if (kind_ == SourceKind::kAdvisories) {
    ASSAY_TRY(
        Statement newest,
        database.prepare("SELECT coalesce(max(modified), '') FROM advisory WHERE source = ?1"));
    newest.bind(1, source_id_);
    ASSAY_TRY(const bool row, newest.step());
    data_date_ = row ? newest.column_text(0) : newest_modified_;
  }
  ASSAY_TRY(Statement update,
            database.prepare("UPDATE source SET imported_at = ?2, data_date = ?3, location = ?4 "
                             "WHERE id = ?1"));
  update.bind(1, source_id_).bind(2, now_utc()).bind(3, data_date_).bind(4, options_.location);
  ASSAY_TRY_VOID(update.run());
  // Release prepared statements before COMMIT so nothing holds the write lock open.
  insert_advisory_ = Statement();
  update_advisory_ = Statement();
  touch_advisory_ = Statement();
  insert_affected_ = Statement();
  insert_cpe_ = Statement();
  insert_alias_ = Statement();
  Transaction transaction = std::move(*transaction_);
  transaction_.reset();
  ASSAY_TRY_VOID(transaction.commit());
  db_.cache_.clear();
  db_.by_key_.clear();
  return report_;
}

Result<std::vector<SourceStatus>> VulnDb::status() {
  ASSAY_TRY(
      Statement query,
      database_->prepare(
          "SELECT s.name, s.kind, s.location, s.imported_at, s.data_date, "
          "  CASE s.kind WHEN 'kev' THEN (SELECT count(*) FROM kev k WHERE k.source = s.id) "
          "              WHEN 'epss' THEN (SELECT count(*) FROM epss e WHERE e.source = s.id) "
          "              ELSE (SELECT count(*) FROM advisory a WHERE a.source = s.id) END, "
          "  (SELECT count(*) FROM advisory a WHERE a.source = s.id AND a.withdrawn <> '') "
          "FROM source s ORDER BY s.name"));
  std::vector<SourceStatus> result;
  while (true) {
    ASSAY_TRY(const bool row, query.step());
    if (!row) {
      break;
    }
    SourceStatus status;
    status.name = query.column_text(0);
    status.kind = kind_from_name(query.column_text(1));
    status.location = query.column_text(2);
    status.imported_at = query.column_text(3);
    status.data_date = query.column_text(4);
    status.records = query.column_int(5);
    status.withdrawn = query.column_int(6);
    result.push_back(std::move(status));
  }
  return result;
}

Result<std::vector<AdvisoryStamp>> VulnDb::stamps(const std::string& name) {
  ASSAY_TRY(Statement query,
            database_->prepare("SELECT a.advisory_id, a.modified FROM advisory a "
                               "JOIN source s ON s.id = a.source WHERE s.name = ?1"));
  query.bind(1, name);
  std::vector<AdvisoryStamp> result;
  while (true) {
    ASSAY_TRY(const bool row, query.step());
    if (!row) {
      break;
    }
    result.push_back(AdvisoryStamp{query.column_text(0), query.column_text(1)});
  }
  return result;
}

Result<match::AdvisoryPtr> VulnDb::load(std::int64_t rowid, std::string_view body) {
  if (const auto cached = cache_.find(rowid); cached != cache_.end()) {
    return cached->second;
  }
  ASSAY_TRY(const std::string json, decompress(body));
  auto parsed = formats::read_osv_json(json, "database record " + std::to_string(rowid));
  if (!parsed) {
    return fail(ErrorCode::kIo, "a stored advisory cannot be read: " + parsed.error().message,
                database_->path());
  }
  auto advisory = std::make_shared<const model::Advisory>(std::move(parsed->value));
  cache_.emplace(rowid, advisory);
  return advisory;
}

Result<void> VulnDb::drop_caches_if_changed() {
  if (!data_version_query_) {
    ASSAY_TRY(Statement prepared, database_->prepare("PRAGMA data_version"));
    data_version_query_ = std::move(prepared);
  }
  ASSAY_TRY(const bool row, data_version_query_->step());
  const std::int64_t version = row ? data_version_query_->column_int(0) : -1;
  data_version_query_->reset();
  if (data_version_ != version) {
    cache_.clear();
    by_key_.clear();
    data_version_ = version;
  }
  return {};
}

Result<match::AdvisoriesByKey> VulnDb::advisories_for(const std::vector<std::string>& keys) {
  match::AdvisoriesByKey result;
  if (keys.empty()) {
    return result;
  }
  ASSAY_TRY_VOID(drop_caches_if_changed());
  std::vector<std::string> missing;
  for (const std::string& key : keys) {
    if (const auto known = by_key_.find(key); known != by_key_.end()) {
      if (!known->second.empty()) {
        result.emplace(key, known->second);
      }
    } else {
      missing.push_back(key);
    }
  }
  if (missing.empty()) {
    return result;
  }
  // One query for every key: load the keys into a temporary table and join.
  ASSAY_TRY_VOID(
      database_->exec("CREATE TEMP TABLE IF NOT EXISTS wanted(key TEXT PRIMARY KEY) WITHOUT ROWID; "
                      "DELETE FROM temp.wanted;"));
  {
    ASSAY_TRY(Statement insert, database_->prepare("INSERT OR IGNORE INTO temp.wanted VALUES(?1)"));
    for (const std::string& key : missing) {
      insert.bind(1, key);
      ASSAY_TRY_VOID(insert.run());
    }
  }
  ASSAY_TRY(Statement query,
            // CROSS JOIN fixes the loop order (SQLite's documented way): walk the wanted keys
            // and look each up in affected_by_key. Without statistics on the temporary table
            // the planner otherwise scans the whole affected table (500,000 advisories: 90 ms
            // per query instead of microseconds). No ORDER BY: its sorter would copy every
            // body, cached or not; the rows are ordered below, and a body is read (and its
            // overflow pages touched) only when the advisory is not cached yet.
            database_->prepare("SELECT w.key, a.id, a.advisory_id, a.body FROM temp.wanted w "
                               "CROSS JOIN affected f ON f.package_key = w.key "
                               "JOIN advisory a ON a.id = f.advisory "
                               "WHERE a.withdrawn = ''"));
  struct Row {
    std::string key;
    std::string advisory_id;
    match::AdvisoryPtr advisory;
  };
  std::vector<Row> rows;
  while (true) {
    ASSAY_TRY(const bool row, query.step());
    if (!row) {
      break;
    }
    const std::int64_t rowid = query.column_int(1);
    match::AdvisoryPtr advisory;
    if (const auto cached = cache_.find(rowid); cached != cache_.end()) {
      advisory = cached->second;
    } else {
      ASSAY_TRY(advisory, load(rowid, query.column_blob(3)));
    }
    rows.push_back({query.column_text(0), query.column_text(2), std::move(advisory)});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return a.key != b.key ? a.key < b.key : a.advisory_id < b.advisory_id;
  });
  for (Row& row : rows) {
    result[row.key].push_back(std::move(row.advisory));
  }
  for (const std::string& key : missing) {
    const auto found = result.find(key);
    by_key_[key] = found != result.end() ? found->second : std::vector<match::AdvisoryPtr>{};
  }
  return result;
}

Result<std::vector<match::AdvisoryPtr>> VulnDb::advisories_for_cpe(
    const std::string& vendor_product) {
  ASSAY_TRY(Statement query, database_->prepare("SELECT a.id, a.body FROM affected_cpe c "
                                                "JOIN advisory a ON a.id = c.advisory "
                                                "WHERE c.vendor_product = ?1 AND a.withdrawn = '' "
                                                "ORDER BY a.advisory_id"));
  query.bind(1, vendor_product);
  std::vector<match::AdvisoryPtr> result;
  while (true) {
    ASSAY_TRY(const bool row, query.step());
    if (!row) {
      break;
    }
    ASSAY_TRY(match::AdvisoryPtr advisory, load(query.column_int(0), query.column_blob(1)));
    result.push_back(std::move(advisory));
  }
  return result;
}

Result<std::vector<match::AdvisoryPtr>> VulnDb::find(const std::string& id_or_alias) {
  ASSAY_TRY(
      Statement query,
      database_->prepare("SELECT a.id, a.body FROM advisory a JOIN source s ON s.id = a.source "
                         "WHERE a.advisory_id = ?1 OR a.id IN "
                         "(SELECT advisory FROM alias WHERE alias = ?1) "
                         "ORDER BY s.name, a.advisory_id"));
  query.bind(1, id_or_alias);
  std::vector<match::AdvisoryPtr> result;
  while (true) {
    ASSAY_TRY(const bool row, query.step());
    if (!row) {
      break;
    }
    ASSAY_TRY(match::AdvisoryPtr advisory, load(query.column_int(0), query.column_blob(1)));
    result.push_back(std::move(advisory));
  }
  return result;
}

std::optional<model::KevEntry> VulnDb::kev(std::string_view cve) const {
  if (!kev_lookup_) {
    auto prepared = database_->prepare("SELECT body FROM kev WHERE cve = ?1");
    if (!prepared) {
      return std::nullopt;
    }
    kev_lookup_ = std::move(prepared).value();
  }
  kev_lookup_->bind(1, cve);
  const auto row = kev_lookup_->step();
  std::optional<model::KevEntry> result;
  if (row && *row) {
    result = kev_from_body(kev_lookup_->column_text(0));
  }
  kev_lookup_->reset();
  return result;
}

std::optional<model::EpssScore> VulnDb::epss(std::string_view cve) const {
  if (!epss_lookup_) {
    auto prepared = database_->prepare("SELECT cve, score, percentile FROM epss WHERE cve = ?1");
    if (!prepared) {
      return std::nullopt;
    }
    epss_lookup_ = std::move(prepared).value();
  }
  epss_lookup_->bind(1, cve);
  const auto row = epss_lookup_->step();
  std::optional<model::EpssScore> result;
  if (row && *row) {
    result = model::EpssScore{epss_lookup_->column_text(0), epss_lookup_->column_double(1),
                              epss_lookup_->column_double(2)};
  }
  epss_lookup_->reset();
  return result;
}

std::string VulnDb::epss_date() const {
  if (!epss_date_) {
    auto query = database_->prepare(
        "SELECT data_date FROM source WHERE kind = 'epss' ORDER BY data_date DESC LIMIT 1");
    std::string date;
    if (query) {
      const auto row = query->step();
      if (row && *row) {
        date = query->column_text(0);
      }
    }
    epss_date_ = date;
  }
  return *epss_date_;
}

}  // namespace assay::store
