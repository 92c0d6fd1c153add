// The importer: walks paths, reads archives through libarchive, parses through formats, and feeds
// one ImportSession per source.
#include "assay/store/importer.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <map>
#include <memory>

#include "assay/core/file.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/csaf.h"
#include "assay/formats/intel.h"
#include "assay/formats/osv.h"

namespace assay::store {

namespace {

constexpr std::uint64_t kMaxFileBytes = 512ULL << 20U;   // one input file
constexpr std::uint64_t kMaxEntryBytes = 32ULL << 20U;   // one archive member
constexpr std::uint64_t kMaxArchiveBytes = 8ULL << 30U;  // all members of one archive
constexpr std::uint64_t kMaxArchiveEntries = 5'000'000;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string_view skip_space(std::string_view text) {
  while (!text.empty() && (is_ascii_space(text.front()) || text.front() == '\xEF' ||
                           text.front() == '\xBB' || text.front() == '\xBF')) {
    text.remove_prefix(1);
  }
  return text;
}

// The sessions of one run, by source name, committed together at the end.
class Sessions {
 public:
  Sessions(VulnDb& db, const ImportRequest& request) : db_(db), request_(request) {}

  Result<ImportSession*> get(const std::string& name, SourceKind kind, bool replace,
                             const std::string& location) {
    const auto found = sessions_.find(name);
    if (found != sessions_.end()) {
      return found->second.get();
    }
    if (!sessions_.empty()) {
      // SQLite has one writer: finish the previous source before starting the next.
      ASSAY_TRY_VOID(commit_all());
    }
    ImportOptions options;
    options.full_snapshot = replace;
    options.force = request_.force;
    options.location = location;
    ASSAY_TRY(std::unique_ptr<ImportSession> session, db_.begin_import(name, kind, options));
    ImportSession* raw = session.get();
    sessions_.emplace(name, std::move(session));
    return raw;
  }

  Result<void> commit_all() {
    for (auto& [name, session] : sessions_) {
      ASSAY_TRY(ImportReport report, session->commit());
      reports_.push_back(std::move(report));
    }
    sessions_.clear();
    return {};
  }

  std::vector<ImportReport>& reports() { return reports_; }

 private:
  VulnDb& db_;
  const ImportRequest& request_;
  std::map<std::string, std::unique_ptr<ImportSession>> sessions_;
  std::vector<ImportReport> reports_;
};

class Importer {
 public:
  Importer(VulnDb& db, const ImportRequest& request) : sessions_(db, request), request_(request) {}

  Result<ImportOutcome> run() {
    for (const std::filesystem::path& path : request_.paths) {
      std::error_code error;
      if (std::filesystem::is_directory(path, error)) {
        ASSAY_TRY_VOID(import_directory(path));
      } else if (std::filesystem::exists(path, error)) {
        ASSAY_TRY_VOID(import_file(path, derive_source(path), request_.replace));
      } else {
        return fail(ErrorCode::kNotFound, "no such file or directory", path.string());
      }
    }
    ASSAY_TRY_VOID(sessions_.commit_all());
    outcome_.reports = std::move(sessions_.reports());
    outcome_.diagnostics = sink_.take();
    return std::move(outcome_);
  }

 private:
  std::string derive_source(const std::filesystem::path& path) const {
    if (!request_.source.empty()) {
      return request_.source;
    }
    const std::string name = path.filename().string();
    if (name == "all.zip" && path.has_parent_path() &&
        !path.parent_path().filename().string().empty()) {
      return "osv:" + path.parent_path().filename().string();
    }
    if (std::filesystem::is_directory(path)) {
      return "osv:" + std::filesystem::path(path).lexically_normal().filename().string();
    }
    return "osv:" + path.stem().string();
  }

  Result<void> import_directory(const std::filesystem::path& directory) {
    std::vector<std::filesystem::path> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(
             directory, std::filesystem::directory_options::skip_permission_denied, error);
         it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (error) {
        return fail(ErrorCode::kIo, "cannot list directory: " + error.message(),
                    directory.string());
      }
      if (it->is_regular_file()) {
        const std::string name = it->path().filename().string();
        if (ends_with(name, ".json") || ends_with(name, ".yaml") || ends_with(name, ".yml")) {
          files.push_back(it->path());
        }
      }
    }
    std::sort(files.begin(), files.end());
    std::string dir = directory.lexically_normal().string();
    while (dir.size() > 1 && dir.back() == '/') {
      dir.pop_back();
    }
    const std::string source = !request_.source.empty()
                                   ? request_.source
                                   : "osv:" + std::filesystem::path(dir).filename().string();
    for (const std::filesystem::path& file : files) {
      ASSAY_TRY_VOID(import_file(file, source, request_.replace));
    }
    return {};
  }

  Result<void> import_file(const std::filesystem::path& path, const std::string& source,
                           bool replace) {
    const std::string name = path.filename().string();
    if (ends_with(name, ".zip") || ends_with(name, ".gz")) {
      return import_archive(path, source);
    }
    ASSAY_TRY(const std::string text, read_file(path, kMaxFileBytes));
    return import_bytes(text, path, path.string(), source, replace);
  }

  Result<void> import_bytes(const std::string& text, const std::filesystem::path& name_for_kind,
                            const std::string& where, const std::string& source, bool replace) {
    const InputKind kind = detect_input(name_for_kind, std::string_view(text).substr(0, 4096));
    switch (kind) {
      case InputKind::kOsvJson:
      case InputKind::kOsvYaml:
        return import_osv(text, where, source, replace, kind == InputKind::kOsvYaml);
      case InputKind::kKevJson:
      case InputKind::kKevCsv: {
        auto parsed = kind == InputKind::kKevJson ? formats::read_kev_json(text, where)
                                                  : formats::read_kev_csv(text, where);
        if (!parsed) {
          return tl::unexpected(parsed.error());
        }
        add_diagnostics(parsed->diagnostics);
        ASSAY_TRY(ImportSession * session, sessions_.get("kev", SourceKind::kKev, true, where));
        return session->add_kev(parsed->value);
      }
      case InputKind::kEpssCsv: {
        auto parsed = formats::read_epss_csv(text, where);
        if (!parsed) {
          return tl::unexpected(parsed.error());
        }
        add_diagnostics(parsed->diagnostics);
        ASSAY_TRY(ImportSession * session, sessions_.get("epss", SourceKind::kEpss, true, where));
        return session->add_epss(parsed->value);
      }
      case InputKind::kCsaf:
        return import_csaf(text, where, source, replace);
      case InputKind::kOsvArchive:
      case InputKind::kUnknown:
        break;
    }
    return fail(ErrorCode::kInvalidInput,
                "not a recognised input: expected an OSV record (JSON or YAML), an osv.dev "
                "all.zip, a KEV catalogue (JSON or CSV) or an EPSS CSV",
                where);
  }

  Result<void> import_osv(const std::string& text, const std::string& where,
                          const std::string& source, bool replace, bool yaml) {
    ASSAY_TRY(ImportSession * session,
              sessions_.get(source, SourceKind::kAdvisories, replace, location_of(where)));
    current_source_ = source;
    // A JSON array of records, as some feeds publish, or one record.
    if (!yaml && skip_space(text).substr(0, 1) == "[") {
      auto list = json::parse(text, where);
      if (!list) {
        reject(list.error());
        return {};
      }
      for (std::size_t index = 0; index < list->size(); ++index) {
        const std::string item_where = where + "#/" + std::to_string(index);
        ASSAY_TRY_VOID(add_record((*list)[index].dump(), item_where, session, false));
      }
      return {};
    }
    return add_record(text, where, session, yaml);
  }

  // A CSAF 2.0 document: one advisory per vulnerability (formats::csaf_to_advisories). A document
  // that cannot be read is rejected like a bad OSV record; conversion problems are diagnostics.
  Result<void> import_csaf(const std::string& text, const std::string& where,
                           const std::string& source, bool replace) {
    ASSAY_TRY(ImportSession * session,
              sessions_.get(source, SourceKind::kAdvisories, replace, location_of(where)));
    current_source_ = source;
    auto parsed = formats::read_csaf(text, where);
    if (!parsed) {
      reject(parsed.error());
      return {};
    }
    add_diagnostics(parsed->diagnostics);
    Parsed<std::vector<model::Advisory>> advisories =
        formats::csaf_to_advisories(parsed->value, where);
    add_diagnostics(advisories.diagnostics);
    for (const model::Advisory& advisory : advisories.value) {
      ASSAY_TRY_VOID(session->add(advisory));
      ++records_;
    }
    return {};
  }

  Result<void> add_record(const std::string& text, const std::string& where, ImportSession* session,
                          bool yaml) {
    auto parsed = yaml ? formats::read_osv_yaml(text, where) : formats::read_osv_json(text, where);
    if (!parsed) {
      reject(parsed.error());
      return {};
    }
    add_diagnostics(parsed->diagnostics);
    ASSAY_TRY_VOID(session->add(parsed->value));
    ++records_;
    if (request_.progress && records_ % 1000 == 0) {
      request_.progress(ImportProgress{current_source_, records_, where});
    }
    return {};
  }

  Result<void> import_archive(const std::filesystem::path& path, const std::string& source) {
    struct ArchiveCloser {
      void operator()(archive* handle) const { archive_read_free(handle); }
    };
    std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
    const bool gzip = ends_with(path.filename().string(), ".gz");
    if (gzip) {
      archive_read_support_filter_gzip(reader.get());
      archive_read_support_format_raw(reader.get());
    } else {
      archive_read_support_format_zip(reader.get());
    }
    if (archive_read_open_filename(reader.get(), path.c_str(), 1U << 16U) != ARCHIVE_OK) {
      return fail(ErrorCode::kIo,
                  std::string("cannot open archive: ") + archive_error_string(reader.get()),
                  path.string());
    }
    std::uint64_t entries = 0;
    std::uint64_t total = 0;
    current_source_ = source;
    archive_entry* entry = nullptr;
    while (true) {
      const int status = archive_read_next_header(reader.get(), &entry);
      if (status == ARCHIVE_EOF) {
        break;
      }
      if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
        return fail(ErrorCode::kIo,
                    std::string("corrupt archive: ") + archive_error_string(reader.get()),
                    path.string());
      }
      if (++entries > kMaxArchiveEntries) {
        return fail(ErrorCode::kInvalidInput,
                    "archive has more than " + std::to_string(kMaxArchiveEntries) + " members",
                    path.string());
      }
      const char* entry_name = archive_entry_pathname(entry);
      std::string member = entry_name != nullptr ? entry_name : "";
      if (gzip) {
        // The raw format has no member name: the decompressed file is the path without ".gz".
        member = path.stem().string();
      } else if (archive_entry_filetype(entry) != AE_IFREG || !ends_with(member, ".json")) {
        continue;
      }
      const std::uint64_t limit = gzip ? kMaxFileBytes : kMaxEntryBytes;
      std::string contents;
      char buffer[1U << 16U];
      while (true) {
        const la_ssize_t count = archive_read_data(reader.get(), buffer, sizeof buffer);
        if (count < 0) {
          return fail(
              ErrorCode::kIo,
              std::string("cannot read archive member: ") + archive_error_string(reader.get()),
              path.string() + "!" + member);
        }
        if (count == 0) {
          break;
        }
        contents.append(buffer, static_cast<std::size_t>(count));
        if (contents.size() > limit) {
          return fail(ErrorCode::kInvalidInput,
                      "archive member is larger than " + std::to_string(limit) + " bytes",
                      path.string() + "!" + member);
        }
      }
      total += contents.size();
      if (total > kMaxArchiveBytes) {
        return fail(ErrorCode::kInvalidInput, "archive expands to more than 8 GiB", path.string());
      }
      const std::string where = path.string() + "!" + member;
      if (gzip) {
        ASSAY_TRY_VOID(import_bytes(contents, member, where, source, request_.replace));
      } else {
        // An osv.dev archive is the whole of its ecosystem's source.
        ASSAY_TRY(ImportSession * session,
                  sessions_.get(source, SourceKind::kAdvisories, true, path.string()));
        ASSAY_TRY_VOID(add_record(contents, where, session, false));
      }
    }
    return {};
  }

  void add_diagnostics(const std::vector<Diagnostic>& diagnostics) {
    for (const Diagnostic& diagnostic : diagnostics) {
      sink_.add(diagnostic.severity, diagnostic.code, diagnostic.message, diagnostic.location);
    }
  }

  void reject(const Error& error) {
    ++outcome_.rejected;
    sink_.error("IMPORT-REJECTED", "record not imported: " + error.message, error.location);
  }

  static std::string location_of(const std::string& where) {
    const std::size_t bang = where.find('!');
    return bang == std::string::npos ? where : where.substr(0, bang);
  }

  Sessions sessions_;
  const ImportRequest& request_;
  ImportOutcome outcome_;
  DiagnosticSink sink_{500};
  std::uint64_t records_ = 0;
  std::string current_source_;
};

}  // namespace

InputKind detect_input(const std::filesystem::path& path, std::string_view head) {
  const std::string name = path.filename().string();
  if (ends_with(name, ".zip")) {
    return InputKind::kOsvArchive;
  }
  const std::string_view text = skip_space(head);
  if (ends_with(name, ".yaml") || ends_with(name, ".yml")) {
    return InputKind::kOsvYaml;
  }
  if (text.substr(0, 14) == "#model_version" || text.substr(0, 17) == "cve,epss,percenti") {
    return InputKind::kEpssCsv;
  }
  if (text.substr(0, 6) == "cveID,") {
    return InputKind::kKevCsv;
  }
  if (!text.empty() && (text.front() == '{' || text.front() == '[')) {
    if (head.find("\"catalogVersion\"") != std::string_view::npos ||
        (head.find("\"vulnerabilities\"") != std::string_view::npos &&
         head.find("\"cveID\"") != std::string_view::npos)) {
      return InputKind::kKevJson;
    }
    if (head.find("\"csaf_version\"") != std::string_view::npos) {
      return InputKind::kCsaf;
    }
    return InputKind::kOsvJson;
  }
  return InputKind::kUnknown;
}

Result<ImportOutcome> import_paths(VulnDb& db, const ImportRequest& request) {
  Importer importer(db, request);
  return importer.run();
}

}  // namespace assay::store
