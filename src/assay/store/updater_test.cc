// Tests for `db update` against a loopback HTTP server serving real data from shared data in
// osv.dev's layout: a full first download, an incremental second one through modified_id.csv,
// the removal guard, and the SSRF guard.
#include "assay/store/updater.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <map>
#include <mutex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/net/test_server.h"

#include "testing.h"

namespace assay::store {
namespace {

using ::testing::HasSubstr;

std::string zip_of(const std::map<std::string, std::string>& files) {
  std::string out;
  archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  std::size_t used = 0;
  std::vector<char> buffer(64U << 20U);
  archive_write_open_memory(writer, buffer.data(), buffer.size(), &used);
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
  return std::string(buffer.data(), used);
}

class UpdaterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_updater_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    auto opened = VulnDb::open(directory_ / "assay.db", OpenMode::kReadWriteCreate);
    ASSERT_TRUE(opened.has_value());
    db_ = std::move(opened).value();
  }
  void TearDown() override {
    server_.stop();
    db_.reset();
    std::filesystem::remove_all(directory_);
  }

  // Serves `records` (id -> JSON) as osv.dev does for ecosystem Go, plus KEV and EPSS.
  void serve() {
    server_.server().Get(
        R"(/osv/Go/(.+))", [this](const httplib::Request& request, httplib::Response& response) {
          std::lock_guard<std::mutex> lock(mutex_);
          const std::string name = request.matches[1];
          if (name == "all.zip") {
            std::map<std::string, std::string> files;
            for (const auto& [id, body] : records_) {
              files[id + ".json"] = body;
            }
            response.set_content(zip_of(files), "application/zip");
          } else if (name == "modified_id.csv") {
            std::string list;
            for (const auto& [id, modified] : modified_) {
              list += modified + "," + id + "\n";
            }
            response.set_content(list, "text/csv");
          } else if (name.size() > 5 && records_.count(name.substr(0, name.size() - 5))) {
            response.set_content(records_.at(name.substr(0, name.size() - 5)), "application/json");
          } else {
            response.status = 404;
          }
        });
    server_.server().Get("/kev.json", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(kev_, "application/json");
    });
    server_.server().Get("/epss.csv", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(epss_, "text/csv");
    });
    ASSERT_TRUE(server_.start());
  }

  UpdateOptions options() {
    UpdateOptions result;
    result.osv_base_url = server_.url("/osv");
    result.ecosystems = {"Go"};
    result.kev_url = server_.url("/kev.json");
    result.epss_url = server_.url("/epss.csv");
    result.fetch.allow_private_addresses = true;
    result.fetch.allow_http = true;
    result.work_directory = directory_ / "work";
    return result;
  }

  std::int64_t records(const std::string& source) {
    const auto status = db_->status();
    for (const SourceStatus& entry : status.value()) {
      if (entry.name == source) {
        return entry.records;
      }
    }
    return -1;
  }

  bool load_shared(std::size_t count) {
    const auto go = testing::shared_data("golang-vulndb/data/osv");
    const auto kev = testing::shared_data("cisa-kev/known_exploited_vulnerabilities.json");
    const auto epss = testing::shared_data(
        "anchore-vunnel/tests/unit/providers/epss/test-fixtures/example-1.csv");
    if (go.empty() || kev.empty() || epss.empty()) {
      return false;
    }
    for (const auto& file : testing::shared_files("golang-vulndb/data/osv", ".json")) {
      if (records_.size() >= count) {
        break;
      }
      const std::string body = testing::read_text(file);
      const std::string id = file.stem().string();
      const std::size_t at = body.find("\"modified\": \"");
      modified_[id] = at == std::string::npos ? "" : body.substr(at + 13, 20);
      records_[id] = body;
    }
    kev_ = testing::read_text(kev);
    epss_ = testing::read_text(epss);
    return true;
  }

  // Gives record `id` a newer "modified" time, in both the list and the record.
  void touch(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::string& body = records_.at(id);
    const std::size_t at = body.find("\"modified\": \"");
    body.replace(at + 13, 20, "2099-01-01T00:00:00Z");
    modified_[id] = "2099-01-01T00:00:00Z";
  }
  void drop(const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    records_.erase(id);
    modified_.erase(id);
  }

  std::filesystem::path directory_;
  std::unique_ptr<VulnDb> db_;
  net::testing::LoopbackServer server_;
  std::mutex mutex_;
  std::map<std::string, std::string> records_;
  std::map<std::string, std::string> modified_;
  std::string kev_;
  std::string epss_;
};

TEST_F(UpdaterTest, FirstUpdateDownloadsArchivesThenUpdatesIncrementally) {
  if (!load_shared(120)) {
    ASSAY_SHARED_DATA_OR_SKIP(missing, "golang-vulndb/data/osv");
  }
  serve();
  const auto first = update_database(*db_, options());
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  EXPECT_EQ(records("osv:Go"), 120);
  EXPECT_EQ(records("kev"), 1404);
  EXPECT_GT(records("epss"), 0);
  EXPECT_THAT(first->notes.front(), HasSubstr("downloading the whole archive"));

  const std::string changed = records_.begin()->first;
  const std::string removed = std::next(records_.begin())->first;
  touch(changed);
  drop(removed);
  const auto second = update_database(*db_, options());
  ASSERT_TRUE(second.has_value()) << second.error().to_string();
  EXPECT_EQ(records("osv:Go"), 119);
  bool incremental = false;
  for (const std::string& note : second->notes) {
    incremental = incremental || note == "osv:Go: 1 changed, 1 deleted upstream";
  }
  EXPECT_TRUE(incremental) << second->notes.front();
  const auto updated = db_->find(changed);
  ASSERT_TRUE(updated.has_value());
  ASSERT_EQ(updated->size(), 1U);
  EXPECT_EQ(updated->front()->modified, "2099-01-01T00:00:00Z");
  EXPECT_TRUE(db_->find(removed)->empty());
}

TEST_F(UpdaterTest, AnUpdateThatWouldDeleteTooMuchStopsAndChangesNothing) {
  if (!load_shared(40)) {
    ASSAY_SHARED_DATA_OR_SKIP(missing, "golang-vulndb/data/osv");
  }
  serve();
  UpdateOptions opts = options();
  opts.kev = false;
  opts.epss = false;
  ASSERT_TRUE(update_database(*db_, opts).has_value());
  std::vector<std::string> ids;
  for (const auto& [id, body] : records_) {
    ids.push_back(id);
  }
  for (std::size_t index = 0; index < 10; ++index) {
    drop(ids[index]);
  }
  const auto refused = update_database(*db_, opts);
  ASSERT_FALSE(refused.has_value());
  EXPECT_THAT(refused.error().message, HasSubstr("--force"));
  EXPECT_EQ(records("osv:Go"), 40);
  opts.force = true;
  ASSERT_TRUE(update_database(*db_, opts).has_value());
  EXPECT_EQ(records("osv:Go"), 30);
}

TEST_F(UpdaterTest, LoopbackAddressesAreRefusedUnlessAllowed) {
  records_["GO-0000-0001"] = R"({"id":"GO-0000-0001","modified":"2024-01-01T00:00:00Z"})";
  serve();
  UpdateOptions opts = options();
  opts.fetch.allow_private_addresses = false;
  const auto refused = update_database(*db_, opts);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(records("osv:Go"), -1);
}

TEST_F(UpdaterTest, AFailedDownloadLeavesTheSourceAsItWas) {
  if (!load_shared(20)) {
    ASSAY_SHARED_DATA_OR_SKIP(missing, "golang-vulndb/data/osv");
  }
  serve();
  UpdateOptions opts = options();
  opts.kev = false;
  opts.epss = false;
  ASSERT_TRUE(update_database(*db_, opts).has_value());
  // The list names a record the server then fails to serve.
  {
    std::lock_guard<std::mutex> lock(mutex_);
    modified_["GO-9999-9999"] = "2099-01-01T00:00:00Z";
  }
  touch(records_.begin()->first);
  const auto failed = update_database(*db_, opts);
  ASSERT_FALSE(failed.has_value());
  EXPECT_THAT(failed.error().message, HasSubstr("HTTP 404"));
  const auto unchanged = db_->find(records_.begin()->first);
  ASSERT_TRUE(unchanged.has_value());
  ASSERT_EQ(unchanged->size(), 1U);
  EXPECT_NE(unchanged->front()->modified, "2099-01-01T00:00:00Z");
}

}  // namespace
}  // namespace assay::store
