// End-to-end tests of `assay assess --online`: the good example pack, copied with its vendor domain
// and links pointed at a loopback cpp-httplib server (which needs --allow-private-addresses, the
// test-only way past the SSRF guard). Covers a passing live site, an expired live security.txt, a
// 404 link, redirects off the host refused, a timeout, an oversized page, the guard without the
// flag, and that nothing is fetched offline.
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/net/test_server.h"

#include "cli_runner.h"

namespace assay::testing {
namespace {

using Json = nlohmann::json;
using ::testing::Contains;
using ::testing::HasSubstr;

constexpr const char* kGood = "examples/packs/good-vendor";
constexpr const char* kNow = "2026-12-07T12:00:00Z";

std::string live_security_txt(const std::string& expires) {
  return "Contact: mailto:security@harbour-systems.example\n"
         "Contact: https://harbour-systems.example/security/report\n"
         "Encryption: https://harbour-systems.example/.well-known/openpgp-key.asc\n"
         "Expires: " +
         expires +
         "\n"
         "Policy: https://harbour-systems.example/security/disclosure-policy\n"
         "Preferred-Languages: en\n";
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

class AssessOnlineCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pack_ = std::filesystem::temp_directory_path() /
            ("assay_assess_online_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(pack_);
    std::filesystem::copy(kGood, pack_, std::filesystem::copy_options::recursive);

    httplib::Server& server = server_.server();
    const auto serve = [this](const std::string& path, const std::string& file,
                              const std::string& type) {
      const std::string body = read_text(pack_ / file);
      server_.server().Get(
          path, [this, body, type](const httplib::Request&, httplib::Response& response) {
            ++requests_;
            response.set_content(body, type);
          });
    };
    server.Get("/.well-known/security.txt",
               [this](const httplib::Request&, httplib::Response& response) {
                 ++requests_;
                 if (slow_security_txt_) {
                   std::this_thread::sleep_for(std::chrono::milliseconds(2500));
                 }
                 response.set_content(live_security_txt(expires_), "text/plain; charset=utf-8");
               });
    serve("/security/disclosure-policy", "documents/vulnerability-disclosure-policy.txt",
          "text/plain");
    serve("/security/incident-support-plan", "documents/incident-support-plan.txt", "text/plain");
    serve("/csaf/provider-metadata.json", "documents/csaf-provider-metadata.json",
          "application/json");
    server.Get("/support/policy", [this](const httplib::Request&, httplib::Response& response) {
      ++requests_;
      response.set_content("Support policy: security updates until the end-of-support date.",
                           "text/html");
    });
    server.Get("/support/end-of-support.json",
               [this](const httplib::Request&, httplib::Response& response) {
                 ++requests_;
                 response.set_content(R"({"4.2.0": "2029-09-30"})", "application/json");
               });
    server.Get("/hardening", [this](const httplib::Request&, httplib::Response& response) {
      ++requests_;
      response.set_content(oversized_guide_ ? std::string(2 * 1024 * 1024, 'x') : guide_,
                           "text/plain");
    });
    server.Get("/to-metadata", [this](const httplib::Request&, httplib::Response& response) {
      ++requests_;
      response.set_redirect("http://169.254.169.254/latest/meta-data/");
    });
    server.Get("/moved/disclosure-policy",
               [this](const httplib::Request&, httplib::Response& response) {
                 ++requests_;
                 response.set_redirect(server_.url("/security/disclosure-policy"));
               });
    ASSERT_TRUE(server_.start());
    guide_ = read_text(pack_ / "documents/secure-configuration-guide.txt");

    manifest_ = Json::parse(read_text(pack_ / "assay-pack.json"));
    manifest_["vendor"]["domain"] = "http://127.0.0.1:" + std::to_string(server_.port());
    Json& links = manifest_["links"];
    // The live file is unsigned: the test does not give the pack's key for it.
    links["security_txt"].erase("openpgp_key");
    links["security_txt"].erase("openpgp_fingerprint");
    links["security_txt"]["url"] = server_.url("/.well-known/security.txt");
    links["vulnerability_disclosure_policy"]["url"] = server_.url("/moved/disclosure-policy");
    links["support_policy"]["url"] = server_.url("/support/policy");
    links["end_of_support_data"]["url"] = server_.url("/support/end-of-support.json");
    links["incident_support_plan"]["url"] = server_.url("/security/incident-support-plan");
    links["secure_configuration_guide"]["url"] = server_.url("/hardening");
    links["csaf_provider_metadata"]["url"] = server_.url("/csaf/provider-metadata.json");
    save();
  }
  void TearDown() override {
    server_.stop();
    std::filesystem::remove_all(pack_);
  }

  void save() const { std::ofstream(pack_ / "assay-pack.json") << manifest_.dump(2); }

  CliResult assess(std::vector<std::string> extra, bool allow = true) const {
    std::vector<std::string> args = {"assess", pack_.string(), "--now", kNow, "--format", "json"};
    if (allow) {
      args.push_back("--allow-private-addresses");
    }
    args.insert(args.end(), extra.begin(), extra.end());
    return run_cli(args);
  }

  static Json check(const CliResult& result, const std::string& id) {
    const Json report = Json::parse(result.out);
    for (const Json& item : report["checks"]) {
      if (item["id"] == id) {
        return item;
      }
    }
    ADD_FAILURE() << "no check " << id;
    return Json::object();
  }

  static std::vector<std::string> details(const Json& item) {
    return item["details"].get<std::vector<std::string>>();
  }

  std::filesystem::path pack_;
  net::testing::LoopbackServer server_;
  Json manifest_;
  std::atomic<int> requests_{0};
  std::atomic<bool> slow_security_txt_{false};
  std::atomic<bool> oversized_guide_{false};
  std::string expires_ = "2027-11-30T00:00:00Z";
  std::string guide_;
};

TEST_F(AssessOnlineCliTest, LiveSiteIsCheckedAndRecordedAsEvidence) {
  const CliResult result = assess({"--online"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json report = Json::parse(result.out);
  EXPECT_EQ(report["online"], true);
  EXPECT_TRUE(report["limited_to_pack"].empty());
  const Json sectxt = check(result, "CHK-SECTXT-01");
  // Valid and current; unsigned, the one warning.
  EXPECT_EQ(sectxt["verdict"], "WARN") << sectxt.dump(2);
  EXPECT_EQ(sectxt["summary"], "the live security.txt is valid, with 1 warning(s)");
  EXPECT_THAT(details(sectxt), Contains(HasSubstr("live: warning SECTXT-NOT-SIGNED")));
  bool live_found = false;
  for (const Json& item : sectxt["evidence"]) {
    if (item.contains("live")) {
      live_found = true;
      EXPECT_EQ(item["strength"], "E3");
      EXPECT_EQ(item["where"], server_.url("/.well-known/security.txt"));
      EXPECT_EQ(item["live"]["http_status"], 200);
      EXPECT_EQ(item["live"]["final_url"], server_.url("/.well-known/security.txt"));
      EXPECT_THAT(item["live"]["fetched_at"].get<std::string>(),
                  ::testing::MatchesRegex(R"(20[0-9][0-9]-[0-9][0-9]-[0-9][0-9]T.*Z)"));
      EXPECT_THAT(item["digest"].get<std::string>(), ::testing::StartsWith("sha256:"));
    }
  }
  EXPECT_TRUE(live_found) << sectxt.dump(2);
  // A redirect within the same host is followed; the final URL is recorded.
  const Json vdp = check(result, "CHK-VDP-01");
  EXPECT_EQ(vdp["verdict"], "PASS") << vdp.dump(2);
  bool redirected = false;
  for (const Json& item : vdp["evidence"]) {
    redirected = redirected || (item.contains("live") &&
                                item["live"]["final_url"] == server_.url("/security/"
                                                                         "disclosure-policy"));
  }
  EXPECT_TRUE(redirected) << vdp.dump(2);
  for (const char* id : {"CHK-INC-01", "CHK-DOC-01", "CHK-EOX-01"}) {
    EXPECT_EQ(check(result, id)["verdict"], "PASS") << check(result, id).dump(2);
  }
  EXPECT_NE(check(result, "CHK-CSAF-01")["verdict"], "FAIL") << check(result, "CHK-CSAF-01");
}

TEST_F(AssessOnlineCliTest, ExpiredLiveSecurityTxtFailsAsInconsistent) {
  expires_ = "2026-11-01T00:00:00Z";
  const CliResult result = assess({"--online"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json sectxt = check(result, "CHK-SECTXT-01");
  EXPECT_EQ(sectxt["verdict"], "FAIL");
  EXPECT_THAT(sectxt["summary"].get<std::string>(),
              HasSubstr("INCONSISTENT with the pack: the live file expired (2026-11-01T00:00:00Z) "
                        "but the pack's copy has not (2027-11-30T00:00:00Z)"));
  EXPECT_THAT(details(sectxt), Contains(HasSubstr("live: error SECTXT-EXPIRED")));
}

TEST_F(AssessOnlineCliTest, LinkAnswering404Warns) {
  manifest_["links"]["incident_support_plan"]["url"] = server_.url("/no-such-plan");
  save();
  const Json incident = check(assess({"--online"}), "CHK-INC-01");
  EXPECT_EQ(incident["verdict"], "WARN") << incident.dump(2);
  EXPECT_THAT(details(incident),
              Contains("live: the published incident support plan does not answer: " +
                       server_.url("/no-such-plan") + " answered HTTP 404"));
}

TEST_F(AssessOnlineCliTest, RedirectOffTheHostToAPrivateAddressIsRefused) {
  manifest_["links"]["vulnerability_disclosure_policy"]["url"] = server_.url("/to-metadata");
  manifest_["links"]["csaf_provider_metadata"]["url"] = server_.url("/to-metadata");
  save();
  const auto started = std::chrono::steady_clock::now();
  const CliResult result = assess({"--online"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  // Refused before any connection: no wait for 169.254.169.254.
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  const std::string refused = "to \"http://169.254.169.254/latest/meta-data/\": it leaves the host";
  const Json vdp = check(result, "CHK-VDP-01");
  EXPECT_EQ(vdp["verdict"], "WARN") << vdp.dump(2);
  EXPECT_THAT(details(vdp), Contains(HasSubstr(refused)));
  const Json csaf = check(result, "CHK-CSAF-01");
  EXPECT_EQ(csaf["verdict"], "FAIL") << csaf.dump(2);
  EXPECT_THAT(details(csaf), Contains(HasSubstr(refused)));
}

TEST_F(AssessOnlineCliTest, SlowSecurityTxtTimesOutAndOversizedPageIsNotRead) {
  slow_security_txt_ = true;
  oversized_guide_ = true;
  const CliResult result = assess({"--online", "--timeout", "0.5"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const Json sectxt = check(result, "CHK-SECTXT-01");
  EXPECT_EQ(sectxt["verdict"], "FAIL");
  EXPECT_THAT(details(sectxt), Contains(HasSubstr("timed out")));
  const Json guide = check(result, "CHK-DOC-01");
  EXPECT_EQ(guide["verdict"], "WARN") << guide.dump(2);
  EXPECT_THAT(details(guide), Contains(HasSubstr("is larger than 1048576 bytes (not read)")));
}

TEST_F(AssessOnlineCliTest, WithoutTheFlagTheGuardRefusesLoopbackAndHttp) {
  const CliResult result = assess({"--online"}, false);
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(requests_.load(), 0);
  const Json sectxt = check(result, "CHK-SECTXT-01");
  EXPECT_EQ(sectxt["verdict"], "FAIL");
  EXPECT_THAT(details(sectxt), Contains(HasSubstr("only https:// URLs are fetched")));
  manifest_["links"]["incident_support_plan"]["url"] =
      "https://127.0.0.1:" + std::to_string(server_.port()) + "/security/incident-support-plan";
  save();
  const Json incident = check(assess({"--online"}, false), "CHK-INC-01");
  EXPECT_THAT(details(incident), Contains(HasSubstr("127.0.0.1 (loopback)")));
  EXPECT_EQ(requests_.load(), 0);
}

TEST_F(AssessOnlineCliTest, OfflineFetchesNothingAndSaysWhichChecksUsedThePack) {
  const CliResult result = run_cli({"assess", pack_.string(), "--now", kNow});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(requests_.load(), 0);
  EXPECT_THAT(result.out, HasSubstr("  offline: CHK-SECTXT-01, CHK-VDP-01, CHK-CSAF-01, "
                                    "CHK-EOX-01, CHK-INC-01, CHK-DOC-01 checked only the pack's "
                                    "copies (--online fetches the live site)\n"));
  const CliResult json = run_cli({"assess", pack_.string(), "--now", kNow, "--format", "json"});
  EXPECT_EQ(Json::parse(json.out)["online"], false);
  EXPECT_EQ(Json::parse(json.out)["limited_to_pack"].size(), 6U);
}

TEST_F(AssessOnlineCliTest, UsageAndHelp) {
  CliResult result = run_cli({"assess", pack_.string(), "--allow-private-addresses"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--allow-private-addresses needs --online"));
  result = run_cli({"assess", pack_.string(), "--online", "--timeout", "0"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("--timeout must be more than 0 and at most 300 seconds"));
  EXPECT_EQ(requests_.load(), 0);
  result = run_cli({"assess", "--help"});
  EXPECT_THAT(result.out, HasSubstr("assay assess examples/packs/good-vendor --online"));
  EXPECT_THAT(result.out, HasSubstr("--online"));
}

}  // namespace
}  // namespace assay::testing
