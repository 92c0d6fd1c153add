// Test helpers: source root and shared data discovery.
#include "testing.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace assay::testing {

bool is_ci() {
  const char* value = std::getenv("CI");  // NOLINT(concurrency-mt-unsafe): read-only at start
  return value != nullptr && std::string_view(value) == "true";
}

std::filesystem::path shared_data_root() {
  const char* value = std::getenv("ASSAY_SHARED_DATA");  // NOLINT(concurrency-mt-unsafe)
  if (value != nullptr && *value != '\0') {
    return std::filesystem::path(value);
  }
  // Tests run with the source root as working directory.
  return std::filesystem::path("..") / "shared" / "data";
}

std::filesystem::path shared_data(std::string_view relative) {
  std::filesystem::path path = shared_data_root() / std::filesystem::path(relative);
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return {};
  }
  return path;
}

std::vector<std::filesystem::path> shared_files(std::string_view relative,
                                                std::string_view suffix) {
  const std::filesystem::path root = shared_data(relative);
  if (root.empty()) {
    return {std::filesystem::path("<missing:" + std::string(relative) + ">")};
  }
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_regular_file(root)) {
    files.push_back(root);
    return files;
  }
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string name = entry.path().filename().string();
    if (name.size() >= suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

std::string sanitize_test_name(std::string_view text) {
  std::string out;
  for (char c : text) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += keep ? c : '_';
  }
  if (out.empty()) {
    out = "_";
  }
  return out;
}

}  // namespace assay::testing
