// End-to-end tests of `assay db import | status | show`.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;

class DbCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_db_cli_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    db_ = (directory_ / "assay.db").string();
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  std::filesystem::path directory_;
  std::string db_;
};

TEST_F(DbCliTest, ImportStatusAndShow) {
  ASSAY_SHARED_DATA_OR_SKIP(go, "golang-vulndb/data/osv");
  ASSAY_SHARED_DATA_OR_SKIP(kev, "cisa-kev/known_exploited_vulnerabilities.json");
  const CliResult imported =
      run_cli({"db", "import", go.string(), kev.string(), "--db", db_, "--source", "go-vulndb"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_THAT(imported.out, HasSubstr("go-vulndb: "));
  EXPECT_THAT(imported.out, HasSubstr("kev: 1404 added"));

  const CliResult status = run_cli({"db", "status", "--db", db_});
  ASSERT_EQ(status.exit_code, 0) << status.err;
  EXPECT_THAT(status.out, HasSubstr("go-vulndb (advisories): "));
  EXPECT_THAT(status.out, HasSubstr("kev (kev): 1404 records; data as of 2025-08-25"));

  const CliResult json = run_cli({"db", "status", "--db", db_, "--format", "json"});
  ASSERT_EQ(json.exit_code, 0);
  EXPECT_THAT(json.out, HasSubstr("\"kind\": \"kev\""));

  const CliResult shown = run_cli({"db", "show", "CVE-2015-8618", "--db", db_});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("\"id\": \"GO-2021-0160\""));
  const CliResult absent = run_cli({"db", "show", "CVE-1900-0001", "--db", db_});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_THAT(absent.err, HasSubstr("no advisory with id or alias"));
}

TEST_F(DbCliTest, AnUnreadableInputFailsAndLeavesTheDatabaseEmpty) {
  std::ofstream(directory_ / "notes.txt") << "not an advisory";
  const CliResult result =
      run_cli({"db", "import", (directory_ / "notes.txt").string(), "--db", db_});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("notes.txt"));
  EXPECT_THAT(result.err, HasSubstr("not a recognised input"));
  const CliResult status = run_cli({"db", "status", "--db", db_});
  EXPECT_EQ(status.exit_code, 0);
  EXPECT_THAT(status.out, HasSubstr("no sources yet"));
}

TEST_F(DbCliTest, StatusOfAMissingDatabaseSaysHowToCreateOne) {
  const CliResult result = run_cli({"db", "status", "--db", (directory_ / "none.db").string()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("assay db import"));
}

TEST_F(DbCliTest, ImportOfAMissingPathIsAUsageError) {
  const CliResult result = run_cli({"db", "import", "/nonexistent/file.json", "--db", db_});
  EXPECT_EQ(result.exit_code, 2);
}

}  // namespace
}  // namespace assay::testing
