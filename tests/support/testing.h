// Test helpers shared by every test binary: where the source tree and the shared external data
// are, and how a test behaves when shared data is missing (skip locally, fail under CI=true).
#ifndef ASSAY_TESTS_SUPPORT_TESTING_H_
#define ASSAY_TESTS_SUPPORT_TESTING_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace assay::testing {

// True when the CI environment variable is "true" (as CI sets it).
bool is_ci();

// The shared data root: $ASSAY_SHARED_DATA, else ../shared/data relative to the source root.
std::filesystem::path shared_data_root();

// `shared_data_root() / relative` if it exists, else an empty path.
std::filesystem::path shared_data(std::string_view relative);

// Every regular file under shared_data(relative) (recursively) whose name ends with `suffix`,
// sorted. When the folder is missing, returns one entry named "<missing:relative>" so that a
// parameterised suite still instantiates a case that fails under CI or skips locally.
std::vector<std::filesystem::path> shared_files(std::string_view relative, std::string_view suffix);

// Reads a whole file; fails the test (ADD_FAILURE) and returns "" if it cannot be read.
std::string read_text(const std::filesystem::path& path);

// A gtest-safe test-name fragment derived from `text` ([A-Za-z0-9_] only, never empty).
std::string sanitize_test_name(std::string_view text);

}  // namespace assay::testing

// Declares `var` as the shared-data path for `relative`; when it is missing, fails the test under
// CI=true and skips it otherwise.
#define ASSAY_SHARED_DATA_OR_SKIP(var, relative)                                       \
  const std::filesystem::path var = ::assay::testing::shared_data(relative);           \
  if (var.empty()) {                                                                   \
    if (::assay::testing::is_ci()) {                                                   \
      FAIL() << "shared data missing under CI: " << (relative)                         \
             << " (ASSAY_SHARED_DATA=" << ::assay::testing::shared_data_root() << ")"; \
    } else {                                                                           \
      GTEST_SKIP() << "shared data missing: " << (relative);                           \
    }                                                                                  \
  }

// For a parameter produced by shared_files(): fail (CI) or skip when it is the missing marker.
#define ASSAY_SKIP_IF_MISSING_FILE(path)                    \
  if ((path).string().rfind("<missing:", 0) == 0) {         \
    if (::assay::testing::is_ci()) {                        \
      FAIL() << "shared data missing under CI: " << (path); \
    } else {                                                \
      GTEST_SKIP() << "shared data missing: " << (path);    \
    }                                                       \
  }

#endif  // ASSAY_TESTS_SUPPORT_TESTING_H_
