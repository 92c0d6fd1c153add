// A thin RAII layer over SQLite's C API: a connection, prepared statements with typed binding,
// and transactions that roll back unless committed. Errors become Result with kIo.
#ifndef ASSAY_STORE_SQLITE_H_
#define ASSAY_STORE_SQLITE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "assay/core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace assay::store {

enum class OpenMode { kReadOnly, kReadWriteCreate };

class Statement;

// One connection. Not thread-safe: use one per thread.
class Database {
 public:
  // Opens (and with kReadWriteCreate, creates) the database at `path`; ":memory:" for a private
  // in-memory one. Sets WAL journaling, foreign keys and a busy timeout. Fails with kNotFound when
  // a read-only open finds no file, kIo otherwise.
  [[nodiscard]] static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path,
                                                              OpenMode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements that return no rows.
  [[nodiscard]] Result<void> exec(std::string_view sql);
  // Prepares a statement; the Database must outlive it.
  [[nodiscard]] Result<Statement> prepare(std::string_view sql);
  std::int64_t last_insert_rowid() const;
  int changes() const;
  const std::string& path() const { return path_; }
  sqlite3* handle() { return db_; }

  // The message of the most recent failure, prefixed with what was attempted.
  Error error(std::string_view what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

class Statement {
 public:
  Statement() = default;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Binding is 1-based, as in SQLite. Text and blobs are copied (SQLITE_TRANSIENT).
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_blob(int index, std::string_view bytes);
  Statement& bind_null(int index);

  // Steps once: true when a row is available, false when done; kIo on error.
  [[nodiscard]] Result<bool> step();
  // Steps to completion, ignoring rows; then resets for reuse.
  [[nodiscard]] Result<void> run();
  void reset();

  std::int64_t column_int(int index) const;
  double column_double(int index) const;
  std::string column_text(int index) const;
  std::string_view column_blob(int index) const;  // valid until the next step/reset
  bool column_is_null(int index) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* statement, Database* database)
      : statement_(statement), database_(database) {}
  sqlite3_stmt* statement_ = nullptr;
  Database* database_ = nullptr;
};

// BEGIN IMMEDIATE on construction via begin(); rolls back on destruction unless commit() ran.
class Transaction {
 public:
  [[nodiscard]] static Result<Transaction> begin(Database& database);
  Transaction(Transaction&& other) noexcept : database_(other.database_) {
    other.database_ = nullptr;
  }
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  ~Transaction();
  [[nodiscard]] Result<void> commit();

 private:
  explicit Transaction(Database* database) : database_(database) {}
  Database* database_;
};

}  // namespace assay::store

#endif  // ASSAY_STORE_SQLITE_H_
