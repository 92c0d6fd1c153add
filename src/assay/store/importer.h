// Imports files into the vulnerability database: OSV records (JSON, YAML, directories of them,
// and the per-ecosystem all.zip archives osv.dev publishes), KEV (JSON or CSV) and EPSS (CSV,
// optionally gzipped). Recognises each input by its content. Each source is imported in one
// transaction: a failure leaves the database as it was.
#ifndef ASSAY_STORE_IMPORTER_H_
#define ASSAY_STORE_IMPORTER_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/result.h"
#include "assay/store/vulndb.h"

namespace assay::store {

struct ImportProgress {
  std::string source;
  std::uint64_t records = 0;  // records read so far for this source
  std::string current;        // the file or archive member being read
};

struct ImportRequest {
  std::vector<std::filesystem::path> paths;
  // Source name for advisories; empty to derive it from each path ("osv:<Ecosystem>" for
  // <Ecosystem>/all.zip, "osv:<directory>" for a directory, "osv:<file stem>" otherwise). KEV
  // always goes to source "kev" and EPSS to "epss".
  std::string source;
  // Treat the advisory inputs as the whole of their source (records absent are deleted). An
  // all.zip archive always is.
  bool replace = false;
  bool force = false;                                   // override the 10% removal guard
  std::function<void(const ImportProgress&)> progress;  // called every 1,000 records
};

struct ImportOutcome {
  std::vector<ImportReport> reports;
  std::vector<Diagnostic> diagnostics;  // problems in records (capped), rejected files
  std::uint64_t rejected = 0;           // records or files that could not be read at all
};

// Imports every path. Fails (and leaves every source untouched whose session had not committed)
// on an I/O error, an unrecognised input, or a tripped removal guard.
[[nodiscard]] Result<ImportOutcome> import_paths(VulnDb& db, const ImportRequest& request);

// What one file is, judged from its name and first bytes.
enum class InputKind {
  kOsvJson,
  kOsvYaml,
  kOsvArchive,
  kKevJson,
  kKevCsv,
  kEpssCsv,
  kCsaf,
  kUnknown
};
InputKind detect_input(const std::filesystem::path& path, std::string_view head);

}  // namespace assay::store

#endif  // ASSAY_STORE_IMPORTER_H_
