// End-to-end tests of `assay disclosure check`: files (plain, signed with a throwaway key, and the
// upstream samples in shared data), and URLs served by a loopback server (which needs
// --allow-private-addresses); exit codes 0 / 1 / 2 and both output formats.
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/net/test_server.h"
#include "assay/verify/pgp_test_keyring.h"

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;

constexpr const char* kNow = "2025-06-01T00:00:00Z";
const std::string kValid =
    "Contact: mailto:security@example.com\n"
    "Expires: 2025-12-31T23:59:59Z\n"
    "Encryption: https://example.com/pgp-key.txt\n"
    "Policy: https://example.com/disclosure\n";

class TempFiles {
 public:
  TempFiles() : dir_(verify::pgp::test_keys::make_temp_dir("assay-disclosure-")) {}
  ~TempFiles() { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }

 private:
  std::filesystem::path dir_;
};

TEST(DisclosureCliFileTest, ValidFileExitsZero) {
  TempFiles files;
  const CliResult result =
      run_cli({"disclosure", "check", files.write("security.txt", kValid), "--now", kNow});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("warning SECTXT-NOT-SIGNED"));
  EXPECT_THAT(result.out, HasSubstr("contact: \"mailto:security@example.com\""));
  EXPECT_THAT(result.out, HasSubstr("result: valid (0 errors, 1 warning)"));
  EXPECT_EQ(result.err, "");
}

TEST(DisclosureCliFileTest, ExpiredFileExitsOneNamingTheLine) {
  TempFiles files;
  const CliResult result = run_cli({"disclosure", "check", files.write("security.txt", kValid),
                                    "--now", "2026-01-01T00:00:00Z"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("error   SECTXT-EXPIRED (line 2): the file expired at "
                                    "2025-12-31T23:59:59Z"));
  EXPECT_THAT(result.out, HasSubstr("result: invalid (1 error, 1 warning)"));
}

TEST(DisclosureCliFileTest, JsonReportsFieldsAndFindings) {
  TempFiles files;
  const CliResult result =
      run_cli({"disclosure", "check", files.write("security.txt", "Policy: http://x.example/p\n"),
               "--now", kNow, "--format", "json"});
  EXPECT_EQ(result.exit_code, 1);
  const nlohmann::json report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["valid"], false);
  EXPECT_EQ(report["url"], nullptr);
  EXPECT_EQ(report["signed"], false);
  EXPECT_EQ(report["errors"], 3);
  std::vector<std::string> codes;
  for (const auto& finding : report["findings"]) {
    codes.push_back(finding["code"]);
  }
  EXPECT_THAT(codes,
              ::testing::UnorderedElementsAre("SECTXT-URI-NOT-HTTPS", "SECTXT-CONTACT-MISSING",
                                              "SECTXT-EXPIRES-MISSING", "SECTXT-NOT-SIGNED"));
  EXPECT_EQ(report["findings"][0]["line"], 1);
  EXPECT_EQ(report["signature"], nullptr);
}

TEST(DisclosureCliFileTest, UsageErrorsExitTwo) {
  TempFiles files;
  const std::string file = files.write("security.txt", kValid);
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"disclosure", "check", "absent-security.txt"}, "no such file"},
      {{"disclosure", "check", file, "--now", "yesterday"}, "is not an RFC 3339 date-time"},
      {{"disclosure", "check", file, "--key", file}, "--key and --fingerprint go together"},
      {{"disclosure", "check", file, "--format", "xml"}, "--format must be text or json"},
      {{"disclosure", "check", file, "--key", file, "--fingerprint", "ABCD"}, "has 4 hex digits"},
      {{"disclosure", "check"}, "target is required"},
  };
  for (const Case& test : cases) {
    const CliResult result = run_cli(test.args);
    EXPECT_EQ(result.exit_code, 2) << test.message;
    EXPECT_THAT(result.err, HasSubstr(test.message));
  }
}

TEST(DisclosureCliFileTest, HelpHasExamples) {
  const CliResult result = run_cli({"disclosure", "check", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("Examples:"));
  EXPECT_THAT(result.out, HasSubstr("assay disclosure check example.com"));
}

TEST(DisclosureCliFileTest, SignedFileIsVerifiedWithTheGivenKey) {
  verify::pgp::test_keys::Keyring keyring;
  const verify::pgp::test_keys::TestKey key =
      keyring.generate("Vendor PSIRT <psirt@example.invalid>", "ed25519");
  const verify::pgp::test_keys::TestKey other =
      keyring.generate("Someone Else <else@example.invalid>", "ed25519");
  TempFiles files;
  const std::string body = "Canonical: https://example.com/.well-known/security.txt\n" + kValid;
  const std::string signed_file =
      files.write("security.txt", keyring.sign(key.fingerprint, body, "--clearsign"));
  const std::string key_file = files.write("vendor.asc", key.armored);
  CliResult result = run_cli({"disclosure", "check", signed_file, "--now", kNow, "--key", key_file,
                              "--fingerprint", key.fingerprint});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("SECTXT-SIGNATURE-VALID"));
  EXPECT_THAT(result.out, HasSubstr("signed: yes, verified"));
  result = run_cli({"disclosure", "check", signed_file, "--now", kNow, "--key", key_file,
                    "--fingerprint", other.fingerprint});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("SECTXT-SIGNATURE-INVALID"));
  result = run_cli({"disclosure", "check", signed_file, "--now", kNow});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("signed: yes, unverified (no key given)"));
}

TEST(DisclosureCliFileTest, UpstreamSamples) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "securitytxt");
  CliResult result = run_cli(
      {"disclosure", "check",
       (root / "eikendev-sectxt/sectxtlib/resources/test/valid_signed/rfc_signed.stxt").string(),
       "--now", "2023-06-01T00:00:00Z"});
  EXPECT_EQ(result.exit_code, 0) << result.out;
  EXPECT_THAT(result.out, HasSubstr("SECTXT-SIGNATURE-UNVERIFIED"));
  result = run_cli(
      {"disclosure", "check", (root / "securitytxt-security-txt/template/security.txt").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("SECTXT-EXPIRES-MISSING"));
}

class DisclosureCliUrlTest : public ::testing::Test {
 protected:
  void SetUp() override {
    httplib::Server& server = server_.server();
    // Served over http on loopback, so no Canonical: an http:// Canonical is itself an error.
    server.Get("/.well-known/security.txt",
               [](const httplib::Request&, httplib::Response& response) {
                 response.set_content(kValid, "text/plain; charset=utf-8");
               });
    server.Get("/custom/security.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(kValid, "text/plain");
    });
    server.Get("/mismatch.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content("Canonical: https://example.com/.well-known/security.txt\n" + kValid,
                           "text/plain");
    });
    server.Get("/html.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(kValid, "text/html");
    });
    server.Get("/huge.txt", [](const httplib::Request&, httplib::Response& response) {
      response.set_content(std::string(200 * 1024, '#'), "text/plain");
    });
    server.Get("/broken.txt",
               [](const httplib::Request&, httplib::Response& response) { response.status = 500; });
    server.Get("/moved", [this](const httplib::Request&, httplib::Response& response) {
      response.set_redirect(server_.url("/.well-known/security.txt"));
    });
    ASSERT_TRUE(server_.start());
  }

  CliResult check(const std::string& url, bool allow = true) {
    std::vector<std::string> args = {"disclosure", "check", url, "--now", kNow};
    if (allow) {
      args.push_back("--allow-private-addresses");
    }
    return run_cli(args);
  }

  net::testing::LoopbackServer server_;
};

TEST_F(DisclosureCliUrlTest, OriginIsFetchedFromTheWellKnownPath) {
  const CliResult result = check("http://127.0.0.1:" + std::to_string(server_.port()));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("security.txt: " + server_.url("/.well-known/security.txt")));
  EXPECT_THAT(result.out, HasSubstr("result: valid (0 errors, 1 warning)"));
}

TEST_F(DisclosureCliUrlTest, LoopbackAndHttpNeedTheFlag) {
  CliResult result = check(server_.url("/"), false);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("only https:// URLs are fetched"));
  result = check("https://127.0.0.1:" + std::to_string(server_.port()) + "/", false);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("127.0.0.1 (loopback)"));
  EXPECT_EQ(result.out, "");
}

TEST_F(DisclosureCliUrlTest, ExactUrlIsFetchedAsGiven) {
  const CliResult result = check(server_.url("/custom/security.txt"));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("security.txt: " + server_.url("/custom/security.txt")));
}

TEST_F(DisclosureCliUrlTest, RuleFailuresExitOne) {
  struct Case {
    std::string path;
    std::string code;
  };
  const Case cases[] = {
      {"/mismatch.txt", "SECTXT-CANONICAL-MISMATCH"},
      {"/html.txt", "SECTXT-CONTENT-TYPE"},
      {"/huge.txt", "SECTXT-SIZE"},
      {"/absent.txt", "SECTXT-NOT-FOUND"},
  };
  for (const Case& test : cases) {
    const CliResult result = check(server_.url(test.path));
    EXPECT_EQ(result.exit_code, 1) << test.path << result.err;
    EXPECT_THAT(result.out, HasSubstr(test.code)) << test.path;
  }
}

TEST_F(DisclosureCliUrlTest, ServerErrorExitsTwo) {
  const CliResult result = check(server_.url("/broken.txt"));
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("the server answered HTTP 500"));
}

TEST_F(DisclosureCliUrlTest, RedirectIsReportedWithTheFinalUrl) {
  const CliResult result = run_cli({"disclosure", "check", server_.url("/moved"), "--now", kNow,
                                    "--allow-private-addresses", "--format", "json"});
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  const nlohmann::json report = nlohmann::json::parse(result.out);
  EXPECT_EQ(report["url"], server_.url("/.well-known/security.txt"));
  bool redirected = false;
  for (const auto& finding : report["findings"]) {
    redirected = redirected || finding["code"] == "SECTXT-REDIRECTED";
  }
  EXPECT_TRUE(redirected);
}

}  // namespace
}  // namespace assay::testing
