// PackFiles over a directory (each read confined to the pack's real path) and over a .zip (read
// once through libarchive, every member checked before it is kept).
#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <system_error>

#include "assay/assess/pack.h"
#include "assay/core/file.h"

namespace assay::assess {

namespace {

namespace fs = std::filesystem;

class DirectoryPackFiles final : public PackFiles {
 public:
  DirectoryPackFiles(fs::path root, std::string name)
      : root_(std::move(root)), name_(std::move(name)) {}

  Result<std::string> read(std::string_view relative, std::uint64_t max_bytes) const override {
    ASSAY_TRY(const fs::path path, resolve(relative));
    return read_file(path, max_bytes);
  }

  bool exists(std::string_view relative) const override {
    auto path = resolve(relative);
    std::error_code error;
    return path.has_value() && fs::is_regular_file(*path, error);
  }

  std::string name() const override { return name_; }

 private:
  // The real path of `relative`, refusing unsafe paths and anything a symlink takes outside.
  Result<fs::path> resolve(std::string_view relative) const {
    if (!is_safe_pack_path(relative)) {
      return fail(ErrorCode::kInvalidInput, "not a relative path inside the pack",
                  std::string(relative));
    }
    const fs::path joined = root_ / fs::path(std::string(relative));
    std::error_code error;
    if (!fs::exists(joined, error)) {
      return fail(ErrorCode::kNotFound, "no such file in the pack", std::string(relative));
    }
    const fs::path real = fs::canonical(joined, error);
    if (error) {
      return fail(ErrorCode::kIo, "cannot resolve: " + error.message(), std::string(relative));
    }
    const std::string root = root_.string() + "/";
    if (real.string().compare(0, root.size(), root) != 0) {
      return fail(ErrorCode::kInvalidInput, "resolves outside the pack (a symlink escapes it)",
                  std::string(relative));
    }
    return real;
  }

  fs::path root_;  // canonical
  std::string name_;
};

struct ArchiveCloser {
  void operator()(archive* handle) const { archive_read_free(handle); }
};

Result<std::unique_ptr<PackFiles>> open_zip(const fs::path& path, const PackLimits& limits) {
  std::unique_ptr<archive, ArchiveCloser> reader(archive_read_new());
  archive_read_support_format_zip(reader.get());
  const std::string name = path.string();
  if (archive_read_open_filename(reader.get(), name.c_str(), 1U << 16U) != ARCHIVE_OK) {
    return fail(ErrorCode::kInvalidInput,
                std::string("not a pack directory or zip: ") + archive_error_string(reader.get()),
                name);
  }
  auto files = std::make_unique<MemoryPackFiles>(name);
  std::vector<std::pair<std::string, std::string>> members;
  std::uint64_t total = 0;
  archive_entry* entry = nullptr;
  while (true) {
    const int status = archive_read_next_header(reader.get(), &entry);
    if (status == ARCHIVE_EOF) {
      break;
    }
    if (status != ARCHIVE_OK) {
      return fail(ErrorCode::kInvalidInput,
                  std::string("corrupt zip: ") + archive_error_string(reader.get()), name);
    }
    if (members.size() >= limits.max_members) {
      return fail(ErrorCode::kInvalidInput,
                  "the zip has more than " + std::to_string(limits.max_members) + " members", name);
    }
    const char* raw_name = archive_entry_pathname(entry);
    std::string member = raw_name != nullptr ? raw_name : "";
    const auto type = archive_entry_filetype(entry);
    if (type == AE_IFDIR) {
      continue;
    }
    if (type != AE_IFREG) {
      return fail(ErrorCode::kInvalidInput,
                  "member \"" + member + "\" is not a regular file (links are not allowed)", name);
    }
    if (!is_safe_pack_path(member)) {
      return fail(ErrorCode::kInvalidInput, "member \"" + member + "\" has a path outside the pack",
                  name);
    }
    std::string bytes;
    char buffer[1U << 16U];
    while (true) {
      const la_ssize_t count = archive_read_data(reader.get(), buffer, sizeof buffer);
      if (count < 0) {
        return fail(ErrorCode::kInvalidInput,
                    std::string("cannot read member: ") + archive_error_string(reader.get()),
                    name + ":" + member);
      }
      if (count == 0) {
        break;
      }
      const auto size = static_cast<std::uint64_t>(count);
      total += size;
      if (bytes.size() + size > limits.max_file_bytes || total > limits.max_total_bytes) {
        return fail(ErrorCode::kInvalidInput, "the zip is over the pack size limits",
                    name + ":" + member);
      }
      bytes.append(buffer, static_cast<std::size_t>(count));
    }
    members.emplace_back(std::move(member), std::move(bytes));
  }
  // A zip of the pack's folder ("vendor/assay-pack.json"): strip that one top-level folder.
  std::string prefix;
  bool at_root = false;
  for (const auto& [member, bytes] : members) {
    at_root = at_root || member == kManifestName;
    const std::size_t slash = member.find('/');
    if (slash != std::string::npos && member.substr(slash + 1) == kManifestName) {
      prefix = member.substr(0, slash + 1);
    }
  }
  if (at_root) {
    prefix.clear();
  }
  for (auto& [member, bytes] : members) {
    if (member.compare(0, prefix.size(), prefix) == 0) {
      files->add(member.substr(prefix.size()), std::move(bytes));
    }
  }
  return std::unique_ptr<PackFiles>(std::move(files));
}

}  // namespace

Result<std::unique_ptr<PackFiles>> PackFiles::open(const std::filesystem::path& path,
                                                   const PackLimits& limits) {
  std::error_code error;
  if (!fs::exists(path, error)) {
    return fail(ErrorCode::kNotFound, "no such pack (give a directory or a .zip)", path.string());
  }
  if (fs::is_directory(path, error)) {
    const fs::path root = fs::canonical(path, error);
    if (error) {
      return fail(ErrorCode::kIo, "cannot resolve: " + error.message(), path.string());
    }
    return std::unique_ptr<PackFiles>(std::make_unique<DirectoryPackFiles>(root, path.string()));
  }
  if (!fs::is_regular_file(path, error)) {
    return fail(ErrorCode::kIo, "not a directory or a regular file", path.string());
  }
  return open_zip(path, limits);
}

}  // namespace assay::assess
