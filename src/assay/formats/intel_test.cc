// Tests for the KEV and EPSS readers, including CISA's real catalogue in both of its forms.
#include "assay/formats/intel.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/csv.h"

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::HasSubstr;

TEST(CsvTest, QuotedFieldsNewlinesAndLineNumbers) {
  const auto document = parse_csv("a,b\n\"x, y\",\"multi\nline\"\n3,\"say \"\"hi\"\"\"\n", "t.csv");
  ASSERT_TRUE(document.has_value()) << document.error().to_string();
  ASSERT_EQ(document->rows.size(), 3U);
  EXPECT_EQ(document->rows[1].fields[0], "x, y");
  EXPECT_EQ(document->rows[1].fields[1], "multi\nline");
  EXPECT_EQ(document->rows[2].line, 4U);
  EXPECT_EQ(document->rows[2].fields[1], "say \"hi\"");
}

TEST(CsvTest, MalformedQuotingAndLimitsAreErrorsWithLines) {
  const auto bad = parse_csv("a,b\nx,\"unterminated\n", "bad.csv");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().location, "bad.csv");
  const auto stray = parse_csv("a,b\nx\"y,z\n", "stray.csv");
  ASSERT_FALSE(stray.has_value());
  EXPECT_EQ(stray.error().location, "stray.csv:2");
  InputLimits limits;
  limits.max_items = 2;
  EXPECT_THAT(parse_csv("1\n2\n3\n", "n.csv", limits).error().message, HasSubstr("rows"));
  EXPECT_THAT(parse_csv("a\n\xff\n", "u.csv").error().message, HasSubstr("UTF-8"));
}

TEST(KevTest, JsonAndCsvOfTheRealCatalogueAgree) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "cisa-kev");
  const auto json =
      read_kev_json(testing::read_text(root / "known_exploited_vulnerabilities.json"), "kev.json");
  const auto csv =
      read_kev_csv(testing::read_text(root / "known_exploited_vulnerabilities.csv"), "kev.csv");
  ASSERT_TRUE(json.has_value()) << json.error().to_string();
  ASSERT_TRUE(csv.has_value()) << csv.error().to_string();
  EXPECT_TRUE(json->diagnostics.empty()) << json->diagnostics.front().to_string();
  EXPECT_TRUE(csv->diagnostics.empty()) << csv->diagnostics.front().to_string();
  EXPECT_EQ(json->value.catalog_version, "2025.08.25");
  ASSERT_EQ(json->value.entries.size(), 1404U);
  ASSERT_EQ(csv->value.entries.size(), 1404U);
  for (std::size_t index = 0; index < json->value.entries.size(); ++index) {
    const model::KevEntry& a = json->value.entries[index];
    const model::KevEntry& b = csv->value.entries[index];
    ASSERT_EQ(a.cve_id, b.cve_id);
    EXPECT_EQ(a.date_added, b.date_added) << a.cve_id;
    EXPECT_EQ(a.due_date, b.due_date) << a.cve_id;
    EXPECT_EQ(a.known_ransomware_campaign_use, b.known_ransomware_campaign_use) << a.cve_id;
    EXPECT_EQ(a.cwes, b.cwes) << a.cve_id;
    EXPECT_EQ(a.notes, b.notes) << a.cve_id;
  }
}

TEST(KevTest, BadEntriesAreReportedWithPointers) {
  const auto parsed = read_kev_json(
      R"({"catalogVersion":"1","vulnerabilities":[{"cveID":"CVE-2024-1234","dateAdded":"2024-13"},{"cveID":"nope"}]})",
      "k.json");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->value.entries.size(), 1U);
  ASSERT_GE(parsed->diagnostics.size(), 2U);
  EXPECT_EQ(parsed->diagnostics[0].code, "KEV-BAD-DATE");
  EXPECT_EQ(parsed->diagnostics[0].location, "k.json#/vulnerabilities/0");
  EXPECT_EQ(parsed->diagnostics[1].code, "KEV-BAD-CVE");
  EXPECT_FALSE(read_kev_json("[]", "k.json").has_value());
  EXPECT_FALSE(read_kev_csv("a,b\n1,2\n", "k.csv").has_value());
}

TEST(EpssTest, ReadsModelVersionScoreDateAndRows) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "anchore-vunnel/tests/unit/providers/epss/test-fixtures");
  const auto parsed = read_epss_csv(testing::read_text(root / "example-1.csv"), "example-1.csv");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->value.model_version, "v2023.03.01");
  EXPECT_EQ(parsed->value.score_date, "2025-02-20T00:00:00+0000");
  ASSERT_FALSE(parsed->value.scores.empty());
  EXPECT_EQ(parsed->value.scores[0].cve_id, "CVE-1999-0001");
  EXPECT_DOUBLE_EQ(parsed->value.scores[0].score, 0.00383);
  EXPECT_DOUBLE_EQ(parsed->value.scores[0].percentile, 0.73075);
  EXPECT_TRUE(parsed->diagnostics.empty());

  const auto header = read_epss_csv(testing::read_text(root / "invalid-header.csv"), "h.csv");
  ASSERT_FALSE(header.has_value());
  EXPECT_THAT(header.error().message, HasSubstr("cve,epss,percentile"));
  EXPECT_EQ(header.error().location, "h.csv:2");
  const auto date = read_epss_csv(testing::read_text(root / "missing-date.csv"), "d.csv");
  ASSERT_FALSE(date.has_value());
  EXPECT_THAT(date.error().message, HasSubstr("score_date"));
}

TEST(EpssTest, OutOfRangeScoresAreDiagnostics) {
  const auto parsed = read_epss_csv(
      "#model_version:v1,score_date:2024-01-01\ncve,epss,percentile\nCVE-2024-0001,1.5,0.2\n"
      "CVE-2024-0002,0.5,0.9\nbogus,0.1,0.1\n",
      "e.csv");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->value.scores.size(), 1U);
  ASSERT_EQ(parsed->diagnostics.size(), 2U);
  EXPECT_EQ(parsed->diagnostics[0].code, "EPSS-BAD-SCORE");
  EXPECT_EQ(parsed->diagnostics[0].location, "e.csv:3");
  EXPECT_EQ(parsed->diagnostics[1].code, "EPSS-BAD-CVE");
}

}  // namespace
}  // namespace assay::formats
