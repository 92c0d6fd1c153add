// The updater.
#include "assay/store/updater.h"

#include <unistd.h>

#include <fstream>
#include <unordered_map>
#include <unordered_set>

#include "assay/core/strings.h"
#include "assay/formats/csv.h"
#include "assay/formats/osv.h"
#include "assay/store/importer.h"

namespace assay::store {

namespace {

constexpr std::size_t kMaxArchiveDownload = 2ULL << 30U;
constexpr std::size_t kMaxListDownload = 256ULL << 20U;
constexpr std::size_t kMaxRecordDownload = 16ULL << 20U;

// Percent-encodes one path segment (ecosystem names contain spaces: "Red Hat").
std::string encode_segment(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : segment) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_ascii_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4U];
      out += kHex[byte & 0x0FU];
    }
  }
  return out;
}

std::string join_url(const std::string& base, std::string_view segment) {
  std::string url = base;
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url + "/" + std::string(segment);
}

Result<std::string> download(const std::string& url, std::size_t max_bytes,
                             const UpdateOptions& options) {
  net::FetchOptions fetch = options.fetch;
  fetch.max_body_bytes = max_bytes;
  if (fetch.total_timeout < std::chrono::minutes(10) && max_bytes > kMaxRecordDownload) {
    fetch.total_timeout = std::chrono::minutes(10);
  }
  ASSAY_TRY(net::Response response, net::fetch(url, fetch));
  if (response.status != 200) {
    return fail(ErrorCode::kIo, "the server answered HTTP " + std::to_string(response.status),
                net::redact_url(url));
  }
  return std::move(response.body);
}

class TempDirectory {
 public:
  explicit TempDirectory(const std::filesystem::path& wanted) {
    if (!wanted.empty()) {
      path_ = wanted;
      std::filesystem::create_directories(path_);
      return;
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "assay-update-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) {
      path_ = pattern;
      owned_ = true;
    }
  }
  ~TempDirectory() {
    if (owned_) {
      std::error_code error;
      std::filesystem::remove_all(path_, error);
    }
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  bool owned_ = false;
};

Result<void> write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream stream(path, std::ios::binary | std::ios::trunc);
  stream.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!stream) {
    return fail(ErrorCode::kIo, "cannot write downloaded file", path.string());
  }
  return {};
}

class Updater {
 public:
  Updater(VulnDb& db, const UpdateOptions& options)
      : db_(db), options_(options), work_(options.work_directory) {}

  Result<UpdateOutcome> run() {
    if (work_.path().empty()) {
      return fail(ErrorCode::kIo, "cannot create a temporary directory for downloads");
    }
    for (const std::string& ecosystem : options_.ecosystems) {
      ASSAY_TRY_VOID(update_ecosystem(ecosystem));
    }
    if (options_.kev) {
      ASSAY_TRY_VOID(update_file(options_.kev_url, "known_exploited_vulnerabilities.json", "kev"));
    }
    if (options_.epss) {
      const std::string name = ends_with(options_.epss_url, ".gz") ? "epss_scores-current.csv.gz"
                                                                   : "epss_scores-current.csv";
      ASSAY_TRY_VOID(update_file(options_.epss_url, name, "epss"));
    }
    outcome_.diagnostics = sink_.take();
    return std::move(outcome_);
  }

 private:
  static bool ends_with(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
  }

  void say(const std::string& line) {
    outcome_.notes.push_back(line);
    if (options_.progress) {
      options_.progress(line);
    }
  }

  Result<void> import_downloaded(const std::filesystem::path& file, const std::string& source) {
    ImportRequest request;
    request.paths = {file};
    request.source = source;
    request.force = options_.force;
    ASSAY_TRY(ImportOutcome imported, import_paths(db_, request));
    for (ImportReport& report : imported.reports) {
      outcome_.reports.push_back(std::move(report));
    }
    for (const Diagnostic& diagnostic : imported.diagnostics) {
      sink_.add(diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.location);
    }
    return {};
  }

  Result<void> update_file(const std::string& url, const std::string& name,
                           const std::string& label) {
    say(label + ": downloading " + net::redact_url(url));
    ASSAY_TRY(const std::string body, download(url, kMaxArchiveDownload, options_));
    const std::filesystem::path file = work_.path() / label / name;
    ASSAY_TRY_VOID(write_bytes(file, body));
    return import_downloaded(file, "");
  }

  Result<void> full_archive(const std::string& ecosystem, const std::string& source) {
    const std::string url =
        join_url(join_url(options_.osv_base_url, encode_segment(ecosystem)), "all.zip");
    say(source + ": downloading the whole archive " + net::redact_url(url));
    ASSAY_TRY(const std::string body, download(url, kMaxArchiveDownload, options_));
    const std::filesystem::path file = work_.path() / "osv" / ecosystem / "all.zip";
    ASSAY_TRY_VOID(write_bytes(file, body));
    return import_downloaded(file, source);
  }

  Result<void> update_ecosystem(const std::string& ecosystem) {
    const std::string source = "osv:" + ecosystem;
    ASSAY_TRY(const std::vector<AdvisoryStamp> local, db_.stamps(source));
    if (local.empty()) {
      return full_archive(ecosystem, source);
    }
    const std::string list_url =
        join_url(join_url(options_.osv_base_url, encode_segment(ecosystem)), "modified_id.csv");
    say(source + ": reading " + net::redact_url(list_url));
    ASSAY_TRY(const std::string list, download(list_url, kMaxListDownload, options_));
    ASSAY_TRY(const formats::CsvDocument rows, formats::parse_csv(list, list_url));
    std::unordered_map<std::string, std::string> upstream;
    for (const formats::CsvRow& row : rows.rows) {
      if (row.fields.size() >= 2 && !row.fields[1].empty()) {
        upstream[row.fields[1]] = row.fields[0];
      }
    }
    if (upstream.empty()) {
      return fail(ErrorCode::kInvalidInput,
                  "the modified_id.csv list is empty; refusing to treat that as every record "
                  "having been deleted",
                  net::redact_url(list_url));
    }
    std::unordered_map<std::string, std::string> have;
    for (const AdvisoryStamp& stamp : local) {
      have.emplace(stamp.id, stamp.modified);
    }
    std::vector<std::string> changed;
    for (const auto& [id, modified] : upstream) {
      const auto found = have.find(id);
      if (found == have.end() || found->second < modified) {
        changed.push_back(id);
      }
    }
    std::vector<std::string> deleted;
    for (const auto& [id, modified] : have) {
      if (upstream.count(id) == 0) {
        deleted.push_back(id);
      }
    }
    std::sort(changed.begin(), changed.end());
    std::sort(deleted.begin(), deleted.end());
    if (changed.size() > options_.max_incremental_records) {
      say(source + ": " + std::to_string(changed.size()) +
          " changed records; downloading the archive instead");
      return full_archive(ecosystem, source);
    }
    ImportOptions import_options;
    import_options.force = options_.force;
    import_options.location = net::redact_url(options_.osv_base_url);
    ASSAY_TRY(std::unique_ptr<ImportSession> session,
              db_.begin_import(source, SourceKind::kAdvisories, import_options));
    for (const std::string& id : changed) {
      const std::string url = join_url(join_url(options_.osv_base_url, encode_segment(ecosystem)),
                                       encode_segment(id) + ".json");
      ASSAY_TRY(const std::string body, download(url, kMaxRecordDownload, options_));
      auto parsed = formats::read_osv_json(body, net::redact_url(url));
      if (!parsed) {
        sink_.error("IMPORT-REJECTED", "record not imported: " + parsed.error().message,
                    parsed.error().location);
        continue;
      }
      ASSAY_TRY_VOID(session->add(parsed->value));
    }
    for (const std::string& id : deleted) {
      ASSAY_TRY_VOID(session->remove(id));
    }
    ASSAY_TRY(ImportReport report, session->commit());
    say(source + ": " + std::to_string(changed.size()) + " changed, " +
        std::to_string(deleted.size()) + " deleted upstream");
    outcome_.reports.push_back(std::move(report));
    return {};
  }

  VulnDb& db_;
  const UpdateOptions& options_;
  TempDirectory work_;
  UpdateOutcome outcome_;
  DiagnosticSink sink_{500};
};

}  // namespace

std::vector<std::string> default_update_ecosystems() {
  return {"npm",   "PyPI",     "Maven",     "Go",  "crates.io",
          "NuGet", "RubyGems", "Packagist", "Hex", "Pub"};
}

Result<UpdateOutcome> update_database(VulnDb& db, const UpdateOptions& options) {
  Updater updater(db, options);
  return updater.run();
}

}  // namespace assay::store
