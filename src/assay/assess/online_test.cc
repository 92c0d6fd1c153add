// The --online checks with a fake fetcher (no network): the live security.txt and links decide as
// the stronger evidence, with status, final URL, digest and time recorded; expired or Contact-less
// live files are INCONSISTENT with the pack's copy; broken links WARN or FAIL per check; offline,
// nothing is fetched and the report names the checks limited to the pack's copies.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/assessment.h"
#include "assay/assess/test_pack.h"

namespace assay::assess {
namespace {

using test_pack::Json;
using test_pack::Pack;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr std::int64_t kFetchedAt = test_pack::kNow + 5;

const CatalogueSet& catalogues() {
  static const CatalogueSet kSet = [] {
    auto set = builtin_catalogues();
    EXPECT_TRUE(set.has_value());
    return set ? std::move(*set) : CatalogueSet{};
  }();
  return kSet;
}

// A vendor's site in memory: URL -> (status, body), or an error for a refused fetch.
struct FakeSite {
  std::map<std::string, std::pair<long, std::string>> pages;
  std::map<std::string, std::string> refused;
  std::vector<std::string> requested;

  LiveFetcher fetcher() {
    return [this](const std::string& url, std::size_t max_bytes) -> Result<LiveDocument> {
      requested.push_back(url);
      if (const auto found = refused.find(url); found != refused.end()) {
        return fail(ErrorCode::kInvalidInput, found->second);
      }
      LiveDocument document;
      document.url = url;
      document.fetched_at = kFetchedAt;
      document.content_type = "text/plain; charset=utf-8";
      const auto page = pages.find(url);
      if (page == pages.end()) {
        document.status = 404;
        return document;
      }
      document.status = page->second.first;
      document.body = page->second.second;
      if (document.body.size() > max_bytes) {
        document.body.resize(max_bytes);
        document.truncated = true;
      }
      return document;
    };
  }
};

// The good pack's site: every link serves what the pack holds a copy of.
FakeSite good_site(const Pack& pack) {
  FakeSite site;
  for (const auto& [name, link] : pack.manifest["links"].items()) {
    const std::string url = link["url"];
    const std::string body = link.contains("file") ? pack.files.at(link["file"].get<std::string>())
                                                   : "the " + name + " page";
    site.pages[url] = {200, body};
  }
  return site;
}

Assessment run(const Pack& pack, FakeSite* site) {
  const auto files = pack.build();
  AssessOptions options;
  options.now = test_pack::kNow;
  if (site != nullptr) {
    options.fetch = site->fetcher();
  }
  auto assessment = assess(*files, catalogues(), Policy{}, options);
  EXPECT_TRUE(assessment.has_value()) << assessment.error().to_string();
  return assessment ? std::move(*assessment) : Assessment{};
}

const EvidenceItem* live_evidence(const CheckResult& check) {
  for (const EvidenceItem& item : check.evidence) {
    if (item.live) {
      return &item;
    }
  }
  return nullptr;
}

std::string describe(const CheckResult& check) {
  return check.id + " " + std::string(to_string(check.verdict)) + ": " + check.summary + "\n" +
         ::testing::PrintToString(check.details);
}

constexpr const char* kOnlineChecks[] = {"CHK-SECTXT-01", "CHK-VDP-01", "CHK-CSAF-01",
                                         "CHK-EOX-01",    "CHK-INC-01", "CHK-DOC-01"};

TEST(OnlineAssessTest, LiveSiteServingThePackCopiesPassesWithLiveEvidence) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  const Assessment assessment = run(pack, &site);
  EXPECT_TRUE(assessment.online);
  EXPECT_TRUE(assessment.limited_to_pack.empty());
  EXPECT_THAT(site.requested, Contains("https://good.example/.well-known/security.txt"));
  for (const char* id : kOnlineChecks) {
    const CheckResult* check = assessment.check(id);
    ASSERT_NE(check, nullptr) << id;
    EXPECT_NE(check->verdict, Verdict::kFail) << describe(*check);
    // The test pack's security.txt is unsigned (a warning); the rest pass or attest.
    if (std::string_view(id) != "CHK-SECTXT-01") {
      EXPECT_NE(check->verdict, Verdict::kWarn) << describe(*check);
    }
    const EvidenceItem* live = live_evidence(*check);
    ASSERT_NE(live, nullptr) << id;
    EXPECT_EQ(live->strength, Strength::kE3) << id;
    EXPECT_EQ(live->live->http_status, 200) << id;
    EXPECT_EQ(live->live->final_url, live->where) << id;
    EXPECT_EQ(live->live->fetched_at, "2026-12-07T12:00:05Z") << id;
    EXPECT_EQ(live->live->error, "") << id;
    EXPECT_THAT(live->digest, ::testing::StartsWith("sha256:")) << id;
  }
  const CheckResult* sectxt = assessment.check("CHK-SECTXT-01");
  EXPECT_EQ(sectxt->summary, "the live security.txt is valid, with 1 warning(s)");
  EXPECT_THAT(assessment.check("CHK-CSAF-01")->summary,
              HasSubstr("valid live CSAF provider metadata (csaf_trusted_provider)"));
  const Json json = Json::parse(to_json(assessment));
  EXPECT_EQ(json["online"], true);
  bool found = false;
  for (const Json& check : json["checks"]) {
    for (const Json& item : check["evidence"]) {
      found = found || (item.contains("live") && item["live"]["http_status"] == 200 &&
                        item["live"]["fetched_at"] == "2026-12-07T12:00:05Z");
    }
  }
  EXPECT_TRUE(found);
}

TEST(OnlineAssessTest, OfflineFetchesNothingAndNamesTheChecksLimitedToThePack) {
  const Pack pack = test_pack::good_pack(catalogues());
  const Assessment assessment = run(pack, nullptr);
  EXPECT_FALSE(assessment.online);
  EXPECT_THAT(assessment.limited_to_pack, ::testing::UnorderedElementsAreArray(kOnlineChecks));
  const CheckResult* sectxt = assessment.check("CHK-SECTXT-01");
  EXPECT_THAT(sectxt->details,
              Contains(HasSubstr("offline: the live security.txt "
                                 "(https://good.example/.well-known/security.txt) was not "
                                 "fetched; only the pack was checked (run with --online)")));
  EXPECT_EQ(sectxt->verdict, Verdict::kWarn) << describe(*sectxt);
  const Json json = Json::parse(to_json(assessment));
  EXPECT_EQ(json["online"], false);
  EXPECT_EQ(json["limited_to_pack"].size(), 6U);
  EXPECT_THAT(to_text(assessment), HasSubstr("offline: CHK-SECTXT-01, "));
}

TEST(OnlineAssessTest, ExpiredLiveSecurityTxtIsInconsistentWithAValidPackCopy) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  site.pages["https://good.example/.well-known/security.txt"] = {
      200, test_pack::security_txt("2026-11-30T00:00:00Z")};
  const CheckResult* check = nullptr;
  const Assessment assessment = run(pack, &site);
  check = assessment.check("CHK-SECTXT-01");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->verdict, Verdict::kFail) << describe(*check);
  EXPECT_THAT(check->summary, HasSubstr("INCONSISTENT with the pack: the live file expired "
                                        "(2026-11-30T00:00:00Z) but the pack's copy has not "
                                        "(2027-06-30T00:00:00Z)"));
  EXPECT_THAT(check->details, Contains(HasSubstr("live: error SECTXT-EXPIRED")));
  EXPECT_THAT(check->details, Contains(HasSubstr("live: the live file differs from the pack's "
                                                 "copy (documents/security.txt)")));
}

TEST(OnlineAssessTest, LiveSecurityTxtWithoutContactIsInconsistent) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  site.pages["https://good.example/.well-known/security.txt"] = {
      200, "Expires: 2027-06-30T00:00:00Z\nPolicy: https://good.example/security/policy\n"};
  const Assessment assessment = run(pack, &site);
  const CheckResult* check = assessment.check("CHK-SECTXT-01");
  EXPECT_EQ(check->verdict, Verdict::kFail) << describe(*check);
  EXPECT_THAT(check->summary, HasSubstr("the live file gives no Contact but the pack's copy does"));
}

TEST(OnlineAssessTest, RenewedLiveFileDecidesOverAnExpiredPackCopy) {
  Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  pack.files["documents/security.txt"] = test_pack::security_txt("2026-11-30T00:00:00Z");
  const CheckResult* check = nullptr;
  const Assessment offline = run(pack, nullptr);
  EXPECT_EQ(offline.check("CHK-SECTXT-01")->verdict, Verdict::kFail);
  const Assessment assessment = run(pack, &site);
  check = assessment.check("CHK-SECTXT-01");
  EXPECT_EQ(check->verdict, Verdict::kWarn) << describe(*check);
  EXPECT_EQ(check->summary, "the live security.txt is valid, with 1 warning(s)");
  EXPECT_THAT(check->details, Contains(HasSubstr("the pack's copy failed, but the live file")));
}

TEST(OnlineAssessTest, MissingLiveSecurityTxtFails) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  site.pages.erase("https://good.example/.well-known/security.txt");
  const Assessment assessment = run(pack, &site);
  const CheckResult* check = assessment.check("CHK-SECTXT-01");
  EXPECT_EQ(check->verdict, Verdict::kFail) << describe(*check);
  EXPECT_EQ(check->summary,
            "no security.txt is served at https://good.example/.well-known/security.txt");
  EXPECT_THAT(check->details, Contains("live: https://good.example/.well-known/security.txt "
                                       "answered HTTP 404"));
  const EvidenceItem* live = live_evidence(*check);
  ASSERT_NE(live, nullptr);
  EXPECT_EQ(live->live->http_status, 404);
  EXPECT_EQ(live->strength, Strength::kE0);
}

TEST(OnlineAssessTest, BrokenLinksWarnOrFailPerCheck) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  site.pages.erase("https://good.example/security/policy");
  site.pages["https://good.example/incidents"] = {500, "oops"};
  site.pages["https://good.example/hardening"] = {200, std::string(2 * 1024 * 1024, 'x')};
  site.refused["https://good.example/support"] = "refusing the redirect: it leaves the host";
  site.pages.erase("https://good.example/.well-known/csaf/provider-metadata.json");
  const Assessment assessment = run(pack, &site);
  struct Case {
    const char* id;
    Verdict verdict;
    const char* detail;
  };
  const Case cases[] = {
      {"CHK-VDP-01", Verdict::kWarn, "https://good.example/security/policy answered HTTP 404"},
      {"CHK-INC-01", Verdict::kWarn, "https://good.example/incidents answered HTTP 500"},
      {"CHK-DOC-01", Verdict::kWarn, "is larger than 1048576 bytes (not read)"},
      {"CHK-EOX-01", Verdict::kWarn, "refusing the redirect: it leaves the host"},
      {"CHK-CSAF-01", Verdict::kFail, "provider-metadata.json answered HTTP 404"},
  };
  for (const Case& test : cases) {
    const CheckResult* check = assessment.check(test.id);
    ASSERT_NE(check, nullptr) << test.id;
    EXPECT_EQ(check->verdict, test.verdict) << describe(*check);
    EXPECT_THAT(check->details, Contains(HasSubstr(test.detail))) << describe(*check);
  }
}

TEST(OnlineAssessTest, LiveLinkWithoutAPackCopyIsCheckedForContent) {
  Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  pack.manifest["links"]["vulnerability_disclosure_policy"].erase("file");
  EXPECT_EQ(run(pack, nullptr).check("CHK-VDP-01")->verdict, Verdict::kAttested);
  const Assessment assessment = run(pack, &site);
  const CheckResult* check = assessment.check("CHK-VDP-01");
  EXPECT_EQ(check->verdict, Verdict::kPass) << describe(*check);
  site.pages["https://good.example/security/policy"] = {200, "<html>Nothing here</html>"};
  EXPECT_EQ(run(pack, &site).check("CHK-VDP-01")->verdict, Verdict::kFail);
}

TEST(OnlineAssessTest, LiveCsafProviderMetadataGetsTheSameRules) {
  const Pack pack = test_pack::good_pack(catalogues());
  FakeSite site = good_site(pack);
  Json metadata = test_pack::provider_metadata();
  metadata.erase("role");
  const std::string url = "https://good.example/.well-known/csaf/provider-metadata.json";
  site.pages[url] = {200, metadata.dump()};
  Assessment assessment = run(pack, &site);
  const CheckResult* check = assessment.check("CHK-CSAF-01");
  EXPECT_EQ(check->verdict, Verdict::kFail) << describe(*check);
  EXPECT_THAT(check->details,
              Contains("live: " + url + "#: the required member \"role\" is missing"));
  site.pages[url] = {200, "{not json"};
  assessment = run(pack, &site);
  EXPECT_EQ(assessment.check("CHK-CSAF-01")->summary,
            "the live CSAF provider metadata is not valid JSON");
}

}  // namespace
}  // namespace assay::assess
