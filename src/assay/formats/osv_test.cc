// Tests for the OSV reader and writer, on hand-written cases and on the real databases in shared
// data (every Go vulndb and PyPA record).
#include "assay/formats/osv.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr std::string_view kRecord = R"({
  "schema_version": "1.6.0",
  "id": "GHSA-xxxx-yyyy-zzzz",
  "modified": "2024-03-01T10:00:00Z",
  "published": "2024-02-01T10:00:00Z",
  "aliases": ["CVE-2024-0001"],
  "summary": "Prototype pollution",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
  "affected": [{
    "package": {"ecosystem": "npm", "name": "lodash", "purl": "pkg:npm/lodash"},
    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]},
               {"type": "GIT", "repo": "https://github.com/lodash/lodash",
                "events": [{"introduced": "0"}, {"fixed": "abc123"}]}],
    "versions": ["4.17.20"],
    "database_specific": {"source": "x"}
  }],
  "references": [{"type": "ADVISORY", "url": "https://example.org/a"}],
  "credits": [{"name": "Finder", "contact": ["mailto:f@example.org"], "type": "FINDER"}],
  "database_specific": {"severity": "HIGH", "cwe_ids": ["CWE-1321"]}
})";

TEST(OsvReadTest, ReadsEveryField) {
  const auto parsed = read_osv_json(kRecord, "a.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_TRUE(parsed->diagnostics.empty());
  const model::Advisory& advisory = parsed->value;
  EXPECT_EQ(advisory.id, "GHSA-xxxx-yyyy-zzzz");
  EXPECT_EQ(advisory.aliases, std::vector<std::string>{"CVE-2024-0001"});
  ASSERT_EQ(advisory.affected.size(), 1U);
  const model::AffectedPackage& package = advisory.affected[0];
  EXPECT_EQ(package.ecosystem, "npm");
  EXPECT_EQ(package.purl, "pkg:npm/lodash");
  ASSERT_EQ(package.ranges.size(), 2U);
  EXPECT_EQ(package.ranges[0].type, version::OsvRangeType::kEcosystem);
  ASSERT_EQ(package.ranges[0].events.size(), 2U);
  EXPECT_EQ(package.ranges[0].events[1].kind, version::OsvEventKind::kFixed);
  EXPECT_EQ(package.ranges[0].events[1].version, "4.17.21");
  EXPECT_EQ(package.repositories, std::vector<std::string>{"https://github.com/lodash/lodash"});
  EXPECT_EQ(package.versions, std::vector<std::string>{"4.17.20"});
  EXPECT_EQ(package.database_specific_json, R"({"source":"x"})");
  EXPECT_EQ(advisory.cwes, std::vector<std::string>{"CWE-1321"});
  ASSERT_EQ(advisory.credits.size(), 1U);
  EXPECT_EQ(advisory.credits[0].type, "FINDER");
  EXPECT_EQ(advisory.source_format, "osv-json");
}

TEST(OsvReadTest, WriteThenReadGivesTheSameRecord) {
  const auto first = read_osv_json(kRecord, "a.json").value().value;
  const std::string written = write_osv_json(first);
  const auto second = read_osv_json(written, "b.json");
  ASSERT_TRUE(second.has_value()) << second.error().to_string();
  EXPECT_EQ(write_osv_json(second->value), written);
  EXPECT_EQ(second->value.affected[0].ranges[1].type, version::OsvRangeType::kGit);
}

TEST(OsvWriteTest, WritesTimestampsInUtcWithZ) {
  model::Advisory advisory;
  advisory.id = "CVE-2024-0001";
  advisory.modified = "2024-03-01T01:30:00.25+02:00";  // 2024 is a leap year
  advisory.published = "2024-02-29T23:00:00-01:30";
  advisory.withdrawn = "2024-03-02T10:00:00+00:00";
  const std::string written = write_osv_json(advisory);
  EXPECT_THAT(written, HasSubstr(R"("modified":"2024-02-29T23:30:00.25Z")"));
  EXPECT_THAT(written, HasSubstr(R"("published":"2024-03-01T00:30:00Z")"));
  EXPECT_THAT(written, HasSubstr(R"("withdrawn":"2024-03-02T10:00:00Z")"));
}

TEST(OsvWriteTest, OmitsThePackageOfAnEntryThatHasNone) {
  const auto parsed = read_osv_json(R"({"id": "CVE-2024-0001", "modified": "2024-03-01T10:00:00Z",
      "affected": [{"ranges": [{"type": "GIT", "repo": "https://example.org/r.git",
                                "events": [{"introduced": "0"}]}]}]})",
                                    "a.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const std::string written = write_osv_json(parsed->value);
  EXPECT_THAT(written, Not(HasSubstr("\"package\"")));
  EXPECT_THAT(written, HasSubstr(R"("repo":"https://example.org/r.git")"));
}

struct BadCase {
  const char* name;
  const char* json;
  const char* code;
  const char* location;
};

class OsvDiagnosticTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(OsvDiagnosticTest, ReportsCodeAndPointer) {
  const auto parsed = read_osv_json(GetParam().json, "x.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  bool found = false;
  for (const Diagnostic& diagnostic : parsed->diagnostics) {
    if (diagnostic.code == GetParam().code && diagnostic.location == GetParam().location) {
      found = true;
    }
  }
  EXPECT_TRUE(found) << "wanted " << GetParam().code << " at " << GetParam().location;
}

INSTANTIATE_TEST_SUITE_P(
    Table, OsvDiagnosticTest,
    ::testing::Values(
        BadCase{
            "BadRangeType",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"RANGE","events":[{"introduced":"0"}]}]}]})",
            "OSV-BAD-RANGE-TYPE", "x.json#/affected/0/ranges/0/type"},
        BadCase{
            "NoIntroduced",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"fixed":"1"}]}]}]})",
            "OSV-NO-INTRODUCED", "x.json#/affected/0/ranges/0/events"},
        BadCase{
            "TwoKeysInEvent",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0","fixed":"1"}]}]}]})",
            "OSV-BAD-EVENT", "x.json#/affected/0/ranges/0/events/0"},
        BadCase{
            "EmptyEvent",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI","name":"a"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":""}]}]}]})",
            "OSV-EMPTY-EVENT", "x.json#/affected/0/ranges/0/events/0"},
        BadCase{"BadTimestamp", R"({"id":"X","modified":"yesterday"})", "OSV-BAD-TIMESTAMP",
                "x.json#/modified"},
        BadCase{"NoModified", R"({"id":"X"})", "OSV-NO-MODIFIED", "x.json#"},
        BadCase{"AliasNotString", R"({"id":"X","modified":"2024-01-01T00:00:00Z","aliases":[1]})",
                "OSV-TYPE", "x.json#/aliases/0"},
        BadCase{
            "UnknownEcosystem",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"Nope","name":"a"}}]})",
            "OSV-UNKNOWN-ECOSYSTEM", "x.json#/affected/0/package/ecosystem"},
        BadCase{
            "PackageWithoutName",
            R"({"id":"X","modified":"2024-01-01T00:00:00Z","affected":[{"package":{"ecosystem":"PyPI"}}]})",
            "OSV-PACKAGE-INCOMPLETE", "x.json#/affected/0/package"}),
    [](const ::testing::TestParamInfo<BadCase>& param_info) {
      return std::string(param_info.param.name);
    });

TEST(OsvReadTest, RefusesWhatIsNotARecord) {
  EXPECT_THAT(read_osv_json("[1]", "x.json").error().message, HasSubstr("must be a JSON object"));
  EXPECT_THAT(read_osv_json("{\"modified\":\"x\"}", "x.json").error().message,
              HasSubstr("no \"id\""));
  EXPECT_THAT(read_osv_json("{\"id\": ", "x.json").error().message, HasSubstr("malformed JSON"));
  EXPECT_THAT(read_osv_json("{\"id\":\"\xff\"}", "x.json").error().message,
              HasSubstr("invalid UTF-8"));
  InputLimits limits;
  limits.max_depth = 8;
  const std::string deep =
      "{\"id\":\"X\",\"database_specific\":" + std::string(20, '[') + std::string(20, ']') + "}";
  EXPECT_THAT(read_osv_json(deep, "x.json", limits).error().message, HasSubstr("deeper"));
}

TEST(OsvYamlTest, KeepsUnquotedVersionsAsWritten) {
  const auto parsed = read_osv_yaml(R"(id: PYSEC-2021-1
modified: '2021-06-01T00:00:00Z'
affected:
- package:
    name: example
    ecosystem: PyPI
  ranges:
  - type: ECOSYSTEM
    events:
    - introduced: '0'
    - fixed: 1.10
  versions:
  - 1.10
  - 1.9
)",
                                    "p.yaml");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->value.affected[0].ranges[0].events[1].version, "1.10");
  EXPECT_EQ(parsed->value.affected[0].versions, (std::vector<std::string>{"1.10", "1.9"}));
  EXPECT_EQ(parsed->value.source_format, "osv-yaml");
}

TEST(OsvYamlTest, AliasBombIsRefused) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    bomb += std::string(1, name) + ": &" + name + " [";
    for (int copy = 0; copy < 10; ++copy) {
      bomb += std::string(copy ? ", " : "") + "*" + previous;
    }
    bomb += "]\n";
    previous = name;
  }
  InputLimits limits;
  limits.max_items = 100000;
  const auto parsed = read_osv_yaml(bomb, "bomb.yaml", limits);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_THAT(parsed.error().message, HasSubstr("YAML nodes"));
}

TEST(OsvYamlTest, MalformedYamlNamesLine) {
  const auto parsed = read_osv_yaml("id: [unclosed\nmodified: x\n", "bad.yaml");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_THAT(parsed.error().location, HasSubstr("bad.yaml:"));
}

// Every real record parses with no error diagnostics and survives a write/read round trip.
class OsvCorpusTest : public ::testing::TestWithParam<std::string> {};

TEST_P(OsvCorpusTest, EveryRecordReadsCleanlyAndRoundTrips) {
  const bool yaml = GetParam() == "pypa-advisory-database/vulns";
  const auto files = testing::shared_files(GetParam(), yaml ? ".yaml" : ".json");
  ASSERT_FALSE(files.empty());
  ASSAY_SKIP_IF_MISSING_FILE(files.front());
  std::size_t records = 0;
  std::size_t with_errors = 0;
  for (const auto& file : files) {
    const std::string text = testing::read_text(file);
    const auto parsed =
        yaml ? read_osv_yaml(text, file.string()) : read_osv_json(text, file.string());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
    ++records;
    for (const Diagnostic& diagnostic : parsed->diagnostics) {
      if (diagnostic.severity == Severity::kError) {
        ++with_errors;
        ADD_FAILURE() << diagnostic.to_string();
        break;
      }
    }
    const std::string written = write_osv_json(parsed->value);
    const auto again = read_osv_json(written, "roundtrip");
    ASSERT_TRUE(again.has_value()) << file;
    ASSERT_EQ(write_osv_json(again->value), written) << file;
  }
  RecordProperty("records", static_cast<int>(records));
  EXPECT_GT(records, 2000U);
  EXPECT_EQ(with_errors, 0U);
}

INSTANTIATE_TEST_SUITE_P(Shared, OsvCorpusTest,
                         ::testing::Values("golang-vulndb/data/osv",
                                           "pypa-advisory-database/vulns"),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           return testing::sanitize_test_name(param_info.param);
                         });

}  // namespace
}  // namespace assay::formats
