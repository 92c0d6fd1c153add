// Tests for the vulnerability database: transactional imports per source, the removal guard,
// withdrawn records, aliases, KEV and EPSS.
#include "assay/store/vulndb.h"

#include <unistd.h>

#include <filesystem>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace assay::store {
namespace {

using ::testing::HasSubstr;

model::Advisory record(const std::string& id, const std::string& name,
                       const std::string& modified = "2024-01-01T00:00:00Z") {
  model::Advisory advisory;
  advisory.id = id;
  advisory.modified = modified;
  advisory.summary = "problem in " + name;
  model::AffectedPackage affected;
  affected.ecosystem = "PyPI";
  affected.name = name;
  version::OsvRange range;
  range.type = version::OsvRangeType::kEcosystem;
  range.events = {{version::OsvEventKind::kIntroduced, "0"},
                  {version::OsvEventKind::kFixed, "2.0"}};
  affected.ranges.push_back(range);
  advisory.affected.push_back(affected);
  return advisory;
}

class VulnDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_vulndb_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
    path_ = directory_ / "db" / "assay.db";
    auto opened = VulnDb::open(path_, OpenMode::kReadWriteCreate);
    ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
    db_ = std::move(opened).value();
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(directory_);
  }

  ImportReport import(const std::vector<model::Advisory>& advisories, ImportOptions options = {},
                      const std::string& source = "osv:PyPI") {
    auto session = db_->begin_import(source, SourceKind::kAdvisories, options);
    EXPECT_TRUE(session.has_value()) << session.error().to_string();
    for (const model::Advisory& advisory : advisories) {
      EXPECT_TRUE((*session)->add(advisory).has_value());
    }
    auto report = (*session)->commit();
    EXPECT_TRUE(report.has_value()) << report.error().to_string();
    return report ? *report : ImportReport{};
  }

  std::size_t count_for(const std::string& key) {
    auto found = db_->advisories_for({key});
    EXPECT_TRUE(found.has_value());
    return found && found->count(key) ? found->at(key).size() : 0;
  }

  std::filesystem::path directory_;
  std::filesystem::path path_;
  std::unique_ptr<VulnDb> db_;
};

TEST_F(VulnDbTest, ImportThenLookUpByPackageKey) {
  const ImportReport report = import({record("PYSEC-1", "Django"), record("PYSEC-2", "jinja2")});
  EXPECT_EQ(report.added, 2U);
  EXPECT_EQ(report.total, 2U);
  const auto found = db_->advisories_for({"PyPI/django", "PyPI/nothing"});
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->count("PyPI/django"), 1U);
  EXPECT_EQ(found->at("PyPI/django").front()->id, "PYSEC-1");
  EXPECT_EQ(found->at("PyPI/django").front()->affected[0].ranges[0].events[1].version, "2.0");
  EXPECT_EQ(found->count("PyPI/nothing"), 0U);
}

TEST_F(VulnDbTest, ReimportCountsUnchangedAndUpdated) {
  import({record("PYSEC-1", "django"), record("PYSEC-2", "jinja2")});
  const ImportReport again =
      import({record("PYSEC-1", "django"), record("PYSEC-2", "jinja2", "2024-02-01T00:00:00Z")});
  EXPECT_EQ(again.added, 0U);
  EXPECT_EQ(again.unchanged, 1U);
  EXPECT_EQ(again.updated, 1U);
  EXPECT_EQ(again.total, 2U);
}

TEST_F(VulnDbTest, WithdrawnRecordsStopMatching) {
  import({record("PYSEC-1", "django")});
  model::Advisory withdrawn = record("PYSEC-1", "django", "2024-03-01T00:00:00Z");
  withdrawn.withdrawn = "2024-03-01T00:00:00Z";
  ImportOptions options;
  options.force = true;  // one of one record newly withdrawn is 100%
  const ImportReport report = import({withdrawn}, options);
  EXPECT_EQ(report.newly_withdrawn, 1U);
  EXPECT_EQ(count_for("PyPI/django"), 0U);
  const auto status = db_->status();
  ASSERT_TRUE(status.has_value());
  ASSERT_EQ(status->size(), 1U);
  EXPECT_EQ(status->front().withdrawn, 1);
}

TEST_F(VulnDbTest, AnUncommittedImportLeavesThePreviousDataIntact) {
  import({record("PYSEC-1", "django")});
  {
    auto session = db_->begin_import("osv:PyPI", SourceKind::kAdvisories, {});
    ASSERT_TRUE(session.has_value());
    ASSERT_TRUE((*session)->add(record("PYSEC-9", "flask")).has_value());
    // Destroyed without commit, as when an import fails half way or the process is killed.
  }
  EXPECT_EQ(count_for("PyPI/flask"), 0U);
  EXPECT_EQ(count_for("PyPI/django"), 1U);
}

TEST_F(VulnDbTest, ASyncRemovingMoreThanTenPercentStopsUnlessForced) {
  std::vector<model::Advisory> all;
  for (int index = 0; index < 20; ++index) {
    all.push_back(record("PYSEC-" + std::to_string(index), "pkg" + std::to_string(index)));
  }
  import(all);
  // A snapshot missing 3 of 20 records (15%) would delete them: refused, nothing changed.
  std::vector<model::Advisory> most(all.begin(), all.end() - 3);
  ImportOptions replace;
  replace.full_snapshot = true;
  auto session = db_->begin_import("osv:PyPI", SourceKind::kAdvisories, replace);
  ASSERT_TRUE(session.has_value());
  for (const auto& advisory : most) {
    ASSERT_TRUE((*session)->add(advisory).has_value());
  }
  const auto refused = (*session)->commit();
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(refused.error().message, HasSubstr("delete 3 and withdraw 0 of the 20 records"));
  EXPECT_THAT(refused.error().message, HasSubstr("--force"));
  session->reset();
  EXPECT_EQ(count_for("PyPI/pkg19"), 1U);
  // Missing 2 of 20 (10%) is allowed; forced, 3 is too.
  std::vector<model::Advisory> allowed(all.begin(), all.end() - 2);
  EXPECT_EQ(import(allowed, replace).removed, 2U);
  EXPECT_EQ(count_for("PyPI/pkg18"), 0U);
  replace.force = true;
  std::vector<model::Advisory> fewer(allowed.begin(), allowed.end() - 3);
  EXPECT_EQ(import(fewer, replace).removed, 3U);
}

TEST_F(VulnDbTest, FindsByIdOrAlias) {
  model::Advisory advisory = record("GHSA-aaaa", "django");
  advisory.aliases = {"CVE-2024-1", "PYSEC-7"};
  import({advisory});
  const auto by_alias = db_->find("cve-2024-1");
  ASSERT_TRUE(by_alias.has_value());
  ASSERT_EQ(by_alias->size(), 1U);
  EXPECT_EQ(by_alias->front()->id, "GHSA-aaaa");
  EXPECT_EQ(db_->find("GHSA-aaaa")->size(), 1U);
  EXPECT_TRUE(db_->find("CVE-0000-0")->empty());
}

TEST_F(VulnDbTest, KevAndEpssAreStoredWithTheirDates) {
  model::KevCatalog catalog;
  catalog.date_released = "2025-08-25T17:04:19Z";
  catalog.entries.push_back({"CVE-2024-23897",
                             "Jenkins",
                             "CLI",
                             "",
                             "2024-08-19",
                             "",
                             "",
                             "2024-09-09",
                             "Known",
                             "",
                             {}});
  auto kev = db_->begin_import("kev", SourceKind::kKev, {});
  ASSERT_TRUE(kev.has_value());
  ASSERT_TRUE((*kev)->add_kev(catalog).has_value());
  ASSERT_TRUE((*kev)->commit().has_value());
  model::EpssFile epss;
  epss.score_date = "2025-02-20T00:00:00+0000";
  epss.scores = {{"CVE-2024-23897", 0.97, 0.999}};
  auto session = db_->begin_import("epss", SourceKind::kEpss, {});
  ASSERT_TRUE(session.has_value());
  ASSERT_TRUE((*session)->add_epss(epss).has_value());
  ASSERT_TRUE((*session)->commit().has_value());

  const auto entry = db_->kev("cve-2024-23897");
  ASSERT_TRUE(entry.has_value());
  EXPECT_EQ(entry->due_date, "2024-09-09");
  EXPECT_EQ(entry->known_ransomware_campaign_use, "Known");
  const auto score = db_->epss("CVE-2024-23897");
  ASSERT_TRUE(score.has_value());
  EXPECT_DOUBLE_EQ(score->score, 0.97);
  EXPECT_EQ(db_->epss_date(), "2025-02-20T00:00:00+0000");
  EXPECT_FALSE(db_->kev("CVE-1999-0001").has_value());
  const auto status = db_->status();
  ASSERT_TRUE(status.has_value());
  ASSERT_EQ(status->size(), 2U);
  EXPECT_EQ(status->at(0).name, "epss");
  EXPECT_EQ(status->at(0).data_date, "2025-02-20T00:00:00+0000");
  EXPECT_EQ(status->at(1).records, 1);
}

TEST_F(VulnDbTest, ReadOnlyOpenOfAMissingDatabaseSaysHowToCreateOne) {
  const auto missing = VulnDb::open(directory_ / "absent.db", OpenMode::kReadOnly);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(missing.error().message, HasSubstr("assay db import"));
}

TEST_F(VulnDbTest, ReadOnlyOpenServesLookups) {
  import({record("PYSEC-1", "django")});
  db_.reset();
  auto reader = VulnDb::open(path_, OpenMode::kReadOnly);
  ASSERT_TRUE(reader.has_value()) << reader.error().to_string();
  const auto found = (*reader)->advisories_for({"PyPI/django"});
  ASSERT_TRUE(found.has_value()) << found.error().to_string();
  EXPECT_EQ(found->at("PyPI/django").size(), 1U);
}

TEST_F(VulnDbTest, RepeatedLookupsAreCachedUntilTheFileChanges) {
  import({record("PYSEC-1", "django"), record("PYSEC-2", "django")});
  auto reader = VulnDb::open(path_, OpenMode::kReadOnly);
  ASSERT_TRUE(reader.has_value()) << reader.error().to_string();
  // Ordered by advisory id whatever the order rows come back in; the same answer when cached.
  for (int round = 0; round < 2; ++round) {
    const auto found = (*reader)->advisories_for({"PyPI/django", "PyPI/flask"});
    ASSERT_TRUE(found.has_value()) << found.error().to_string();
    ASSERT_EQ(found->at("PyPI/django").size(), 2U);
    EXPECT_EQ(found->at("PyPI/django")[0]->id, "PYSEC-1");
    EXPECT_EQ(found->at("PyPI/django")[1]->id, "PYSEC-2");
    EXPECT_EQ(found->count("PyPI/flask"), 0U);
  }
  // Another connection commits: the reader's cached answers (also the empty one) are dropped.
  import({record("PYSEC-3", "flask")});
  const auto after = (*reader)->advisories_for({"PyPI/django", "PyPI/flask"});
  ASSERT_TRUE(after.has_value()) << after.error().to_string();
  ASSERT_EQ(after->count("PyPI/flask"), 1U);
  EXPECT_EQ(after->at("PyPI/flask")[0]->id, "PYSEC-3");
  // And an import through the same handle drops its own caches.
  EXPECT_EQ(count_for("PyPI/jinja2"), 0U);
  import({record("PYSEC-4", "jinja2")});
  EXPECT_EQ(count_for("PyPI/jinja2"), 1U);
}

TEST_F(VulnDbTest, ASourceKeepsItsKind) {
  import({record("PYSEC-1", "django")}, {}, "shared");
  const auto wrong = db_->begin_import("shared", SourceKind::kKev, {});
  ASSERT_FALSE(wrong.has_value());
  EXPECT_THAT(wrong.error().message, HasSubstr("holds advisories, not kev"));
}

}  // namespace
}  // namespace assay::store
