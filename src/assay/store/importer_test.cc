// Tests for the importer: real advisory databases as directories and as osv.dev all.zip archives,
// KEV and EPSS files, rejected records, and recognising inputs by content.
#include "assay/store/importer.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing.h"

namespace assay::store {
namespace {

using ::testing::HasSubstr;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_importer_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    auto opened = VulnDb::open(directory_ / "assay.db", OpenMode::kReadWriteCreate);
    ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
    db_ = std::move(opened).value();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(directory_);
  }

  void write(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  // Writes a zip archive of `files` (name -> contents) with libarchive.
  void write_zip(const std::filesystem::path& path,
                 const std::vector<std::pair<std::string, std::string>>& files) {
    std::filesystem::create_directories(path.parent_path());
    archive* writer = archive_write_new();
    archive_write_set_format_zip(writer);
    ASSERT_EQ(archive_write_open_filename(writer, path.c_str()), ARCHIVE_OK);
    for (const auto& [name, contents] : files) {
      archive_entry* entry = archive_entry_new();
      archive_entry_set_pathname(entry, name.c_str());
      archive_entry_set_size(entry, static_cast<la_int64_t>(contents.size()));
      archive_entry_set_filetype(entry, AE_IFREG);
      archive_entry_set_perm(entry, 0644);
      archive_write_header(writer, entry);
      archive_write_data(writer, contents.data(), contents.size());
      archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
  }

  std::int64_t records(const std::string& source) {
    const auto status = db_->status();
    EXPECT_TRUE(status.has_value());
    for (const SourceStatus& entry : *status) {
      if (entry.name == source) {
        return entry.records;
      }
    }
    return -1;
  }

  std::filesystem::path directory_;
  std::unique_ptr<VulnDb> db_;
};

TEST_F(ImporterTest, ImportsTheWholeGoVulnerabilityDatabaseDirectory) {
  ASSAY_SHARED_DATA_OR_SKIP(go, "golang-vulndb/data/osv");
  ImportRequest request;
  request.paths = {go};
  std::uint64_t last_progress = 0;
  request.progress = [&last_progress](const ImportProgress& progress) {
    last_progress = progress.records;
  };
  const auto outcome = import_paths(*db_, request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_EQ(outcome->rejected, 0U);
  ASSERT_EQ(outcome->reports.size(), 1U);
  EXPECT_EQ(outcome->reports[0].source, "osv:osv");
  EXPECT_GT(outcome->reports[0].added, 4000U);
  EXPECT_GE(last_progress, 4000U);
  const auto gin = db_->advisories_for({"Go/github.com/gin-gonic/gin"});
  ASSERT_TRUE(gin.has_value());
  EXPECT_FALSE(gin->empty());
}

TEST_F(ImporterTest, AnAllZipArchiveIsTheWholeOfItsEcosystemSource) {
  ASSAY_SHARED_DATA_OR_SKIP(go, "golang-vulndb/data/osv");
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(go)) {
    if (entry.path().extension() == ".json" && files.size() < 300) {
      files.emplace_back(entry.path().filename().string(), testing::read_text(entry.path()));
    }
  }
  write_zip(directory_ / "Go" / "all.zip", files);
  ImportRequest request;
  request.paths = {directory_ / "Go" / "all.zip"};
  const auto first = import_paths(*db_, request);
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  EXPECT_EQ(records("osv:Go"), 300);

  // A newer archive without 100 of the records would delete a third of the source: refused.
  files.resize(200);
  write_zip(directory_ / "Go" / "all.zip", files);
  const auto refused = import_paths(*db_, request);
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(refused.error().message, HasSubstr("more than 10%"));
  EXPECT_EQ(records("osv:Go"), 300);
  request.force = true;
  ASSERT_TRUE(import_paths(*db_, request).has_value());
  EXPECT_EQ(records("osv:Go"), 200);
}

TEST_F(ImporterTest, BadRecordsAreRejectedAndReportedWhileGoodOnesImport) {
  write(
      directory_ / "feed" / "good.json",
      R"({"id":"X-1","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"}]}]}]})");
  write(directory_ / "feed" / "broken.json", R"({"id": "X-2", "modified": )");
  ImportRequest request;
  request.paths = {directory_ / "feed"};
  const auto outcome = import_paths(*db_, request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_EQ(outcome->rejected, 1U);
  ASSERT_FALSE(outcome->diagnostics.empty());
  EXPECT_EQ(outcome->diagnostics[0].code, "IMPORT-REJECTED");
  EXPECT_THAT(outcome->diagnostics[0].location, HasSubstr("broken.json"));
  EXPECT_EQ(records("osv:feed"), 1);
}

TEST_F(ImporterTest, KevAndEpssFilesGoToTheirSources) {
  ASSAY_SHARED_DATA_OR_SKIP(kev, "cisa-kev/known_exploited_vulnerabilities.csv");
  ASSAY_SHARED_DATA_OR_SKIP(epss,
                            "anchore-vunnel/tests/unit/providers/epss/test-fixtures/example-1.csv");
  ImportRequest request;
  request.paths = {kev, epss};
  const auto outcome = import_paths(*db_, request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_EQ(records("kev"), 1404);
  EXPECT_GT(records("epss"), 0);
  EXPECT_TRUE(db_->kev("CVE-2024-23897").has_value());
}

TEST_F(ImporterTest, CsafDocumentsImportOneAdvisoryPerVulnerability) {
  write(directory_ / "vendor" / "advisory.json", R"({
    "document": {"category": "csaf_security_advisory", "csaf_version": "2.0",
      "title": "t", "publisher": {"category": "vendor", "name": "V", "namespace": "https://v.example"},
      "tracking": {"id": "V-2026-1", "status": "final", "version": "1",
        "initial_release_date": "2026-01-01T00:00:00Z", "current_release_date": "2026-01-01T00:00:00Z",
        "revision_history": [{"date": "2026-01-01T00:00:00Z", "number": "1", "summary": "s"}]}},
    "product_tree": {"full_product_names": [
      {"product_id": "P1", "name": "lib 1.2.3",
       "product_identification_helper": {"purl": "pkg:npm/vlib@1.2.3"}}]},
    "vulnerabilities": [{"cve": "CVE-2026-0001", "product_status": {"known_affected": ["P1"]}}]})");
  ImportRequest request;
  request.paths = {directory_ / "vendor"};
  const auto outcome = import_paths(*db_, request);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  EXPECT_EQ(outcome->rejected, 0U);
  const auto found = db_->find("CVE-2026-0001");
  ASSERT_TRUE(found.has_value()) << found.error().to_string();
  ASSERT_EQ(found->size(), 1U);
  ASSERT_FALSE((*found)[0]->affected.empty());
  EXPECT_EQ((*found)[0]->affected[0].name, "vlib");
}

TEST_F(ImporterTest, AnUnrecognisedFileFailsAndNamesItself) {
  write(directory_ / "notes.txt", "hello");
  ImportRequest request;
  request.paths = {directory_ / "notes.txt"};
  const auto outcome = import_paths(*db_, request);
  ASSERT_FALSE(outcome.has_value());
  EXPECT_THAT(outcome.error().location, HasSubstr("notes.txt"));
  EXPECT_THAT(outcome.error().message, HasSubstr("not a recognised input"));
  request.paths = {directory_ / "missing.json"};
  EXPECT_EQ(import_paths(*db_, request).error().code, ErrorCode::kNotFound);
}

struct DetectCase {
  const char* name;
  const char* head;
  InputKind kind;
};

class DetectInputTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectInputTest, RecognisesByContent) {
  EXPECT_EQ(detect_input(GetParam().name, GetParam().head), GetParam().kind);
}

INSTANTIATE_TEST_SUITE_P(
    Table, DetectInputTest,
    ::testing::Values(
        DetectCase{"a.json", R"({"id": "GHSA-1"})", InputKind::kOsvJson},
        DetectCase{"a.json", "  [ {\"id\": 1} ]", InputKind::kOsvJson},
        DetectCase{"x.yaml", "id: PYSEC-1", InputKind::kOsvYaml},
        DetectCase{"all.zip", "PK", InputKind::kOsvArchive},
        DetectCase{"k.json", R"({"title":"x","catalogVersion":"1"})", InputKind::kKevJson},
        DetectCase{"k.csv", "cveID,vendorProject", InputKind::kKevCsv},
        DetectCase{"e.csv", "#model_version:v1,score_date:x", InputKind::kEpssCsv},
        DetectCase{"c.json", R"({"document":{"csaf_version":"2.0"}})", InputKind::kCsaf},
        DetectCase{"n.txt", "hello", InputKind::kUnknown}),
    [](const ::testing::TestParamInfo<DetectCase>& param_info) {
      return testing::sanitize_test_name(param_info.param.name) + std::to_string(param_info.index);
    });

}  // namespace
}  // namespace assay::store
