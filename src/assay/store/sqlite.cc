// SQLite RAII wrapper.
#include "assay/store/sqlite.h"

#include <sqlite3.h>

namespace assay::store {

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, OpenMode mode) {
  const std::string name = path.string();
  if (mode == OpenMode::kReadOnly && name != ":memory:") {
    std::error_code error;
    if (!std::filesystem::exists(path, error)) {
      return fail(ErrorCode::kNotFound,
                  "no vulnerability database here; create one with 'assay db import' or "
                  "'assay db update'",
                  name);
    }
  }
  const int flags = (mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                    SQLITE_OPEN_NOMUTEX;
  sqlite3* db = nullptr;
  const int status = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  std::unique_ptr<Database> database(new Database(db, name));
  if (status != SQLITE_OK) {
    return tl::unexpected(database->error("cannot open database"));
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_extended_result_codes(db, 1);
  if (mode == OpenMode::kReadWriteCreate) {
    ASSAY_TRY_VOID(database->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"));
  }
  // Temporary tables (the key list of a scan) live in memory: written to a temporary file they
  // cost a system call per page on every scan.
  // A 64 MiB page cache keeps the index pages a scan walks, and reads go through a memory map
  // (up to 1 GiB of address space) rather than a pread() and a copy per page.
  ASSAY_TRY_VOID(
      database->exec("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536; "
                     "PRAGMA mmap_size=1073741824;"));
  return database;
}

Database::~Database() {
  if (db_ != nullptr) {
    sqlite3_close_v2(db_);
  }
}

Error Database::error(std::string_view what) const {
  const char* message = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
  return Error{ErrorCode::kIo, std::string(what) + ": " + message, path_};
}

Result<void> Database::exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  if (sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string detail = message != nullptr ? message : "unknown error";
    sqlite3_free(message);
    return fail(ErrorCode::kIo, "database statement failed: " + detail, path_);
  }
  return {};
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &statement, nullptr) != SQLITE_OK) {
    return tl::unexpected(error("cannot prepare statement"));
  }
  return Statement(statement, this);
}

std::int64_t Database::last_insert_rowid() const {
  return sqlite3_last_insert_rowid(db_);
}
int Database::changes() const {
  return sqlite3_changes(db_);
}

Statement::Statement(Statement&& other) noexcept
    : statement_(other.statement_), database_(other.database_) {
  other.statement_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    if (statement_ != nullptr) {
      sqlite3_finalize(statement_);
    }
    statement_ = other.statement_;
    database_ = other.database_;
    other.statement_ = nullptr;
  }
  return *this;
}

Statement::~Statement() {
  if (statement_ != nullptr) {
    sqlite3_finalize(statement_);
  }
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(statement_, index, value);
  return *this;
}

Statement& Statement::bind(int index, double value) {
  sqlite3_bind_double(statement_, index, value);
  return *this;
}

Statement& Statement::bind_blob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(statement_, index);
  return *this;
}

Result<bool> Statement::step() {
  const int status = sqlite3_step(statement_);
  if (status == SQLITE_ROW) {
    return true;
  }
  if (status == SQLITE_DONE) {
    return false;
  }
  Error error = database_->error("database step failed");
  sqlite3_reset(statement_);
  return tl::unexpected(std::move(error));
}

Result<void> Statement::run() {
  while (true) {
    ASSAY_TRY(const bool row, step());
    if (!row) {
      break;
    }
  }
  reset();
  return {};
}

void Statement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::int64_t Statement::column_int(int index) const {
  return sqlite3_column_int64(statement_, index);
}
double Statement::column_double(int index) const {
  return sqlite3_column_double(statement_, index);
}

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(statement_, index);
  const int size = sqlite3_column_bytes(statement_, index);
  if (text == nullptr) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::string_view Statement::column_blob(int index) const {
  const void* data = sqlite3_column_blob(statement_, index);
  const int size = sqlite3_column_bytes(statement_, index);
  if (data == nullptr) {
    return {};
  }
  return std::string_view(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(statement_, index) == SQLITE_NULL;
}

Result<Transaction> Transaction::begin(Database& database) {
  ASSAY_TRY_VOID(database.exec("BEGIN IMMEDIATE"));
  return Transaction(&database);
}

Transaction::~Transaction() {
  if (database_ != nullptr) {
    static_cast<void>(database_->exec("ROLLBACK"));
  }
}

Result<void> Transaction::commit() {
  if (database_ == nullptr) {
    return fail(ErrorCode::kInternal, "transaction already finished");
  }
  Database* database = database_;
  database_ = nullptr;
  auto committed = database->exec("COMMIT");
  if (!committed) {
    static_cast<void>(database->exec("ROLLBACK"));
  }
  return committed;
}

}  // namespace assay::store
