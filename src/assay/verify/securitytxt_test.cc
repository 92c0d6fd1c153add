// Tests for the security.txt parser and checker: dates, language tags, every finding code with its
// line, Canonical against the retrieval URL, and clear-signed files verified with a throwaway key.
#include "assay/verify/securitytxt.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/verify/pgp_test_keyring.h"

namespace assay::verify::securitytxt {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// 2025-06-01T00:00:00Z
constexpr std::int64_t kNow = 1748736000;
const std::string kSoon = "2025-12-31T23:59:59Z";

using CodeLine = std::pair<std::string, std::size_t>;

std::vector<CodeLine> codes(const std::vector<Finding>& findings) {
  std::vector<CodeLine> out;
  for (const Finding& finding : findings) {
    out.emplace_back(finding.code, finding.line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<CodeLine> sorted(std::vector<CodeLine> values) {
  std::sort(values.begin(), values.end());
  return values;
}

const Finding* find(const std::vector<Finding>& findings, std::string_view code) {
  for (const Finding& finding : findings) {
    if (finding.code == code) {
      return &finding;
    }
  }
  return nullptr;
}

TEST(SecurityTxtDateTest, ParsesRfc3339) {
  struct Case {
    const char* text;
    std::optional<std::int64_t> want;
  };
  const Case cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"2025-06-01T00:00:00Z", kNow},
      {"2025-06-01t00:00:00z", kNow},
      {"2025-06-01T01:30:00+01:30", kNow},
      {"2025-05-31T23:00:00.123456-01:00", kNow},
      {"2024-02-29T00:00:00Z", 1709164800},
      {"2023-02-29T00:00:00Z", std::nullopt},
      {"2025-06-01 00:00:00Z", std::nullopt},
      {"2025-06-01T00:00:00", std::nullopt},
      {"2025-06-01T24:00:00Z", std::nullopt},
      {"2025-13-01T00:00:00Z", std::nullopt},
      {"2025-06-01T00:00:00.Z", std::nullopt},
      {"2025-06-01T00:00:00+0100", std::nullopt},
      {"2025-06-01T00:00:00Zjunk", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(parse_rfc3339(test.text), test.want) << test.text;
  }
  EXPECT_EQ(format_rfc3339(kNow), "2025-06-01T00:00:00Z");
  EXPECT_EQ(format_rfc3339(-1), "1969-12-31T23:59:59Z");
}

TEST(SecurityTxtLanguageTest, AcceptsRfc5646TagsAndRejectsOthers) {
  for (const char* good :
       {"en", "en-GB", "cy", "zh-Hant", "de-CH-1901", "sl-rozaj-biske", "x-private", "en-x-acme",
        "i-klingon", "sgn-BE-FR", "zh-cmn-Hans-CN", "en-a-abc-b-def", "EN-us", "es-419"}) {
    EXPECT_TRUE(is_language_tag(good)) << good;
  }
  for (const char* bad : {"", "en_US", "e", "en-", "en-a", "en-a-abc-A-def", "toolongtag",
                          "en-GB-x", "12", "en--GB", "x"}) {
    EXPECT_FALSE(is_language_tag(bad)) << bad;
  }
}

TEST(SecurityTxtParseTest, MinimalFileIsValidAndOnlyRecommendsSigning) {
  const Parsed parsed =
      parse("Contact: https://example.com/report\nExpires: " + kSoon + "\n", kNow);
  EXPECT_FALSE(parsed.has_errors());
  EXPECT_THAT(codes(parsed.findings), ElementsAre(CodeLine{"SECTXT-NOT-SIGNED", 0}));
  EXPECT_EQ(parsed.file.contact, std::vector<std::string>{"https://example.com/report"});
  EXPECT_EQ(parsed.file.expires, kSoon);
  EXPECT_EQ(parsed.file.expires_at, parse_rfc3339(kSoon));
  ASSERT_EQ(parsed.file.fields.size(), 2U);
  EXPECT_EQ(parsed.file.fields[1].line, 2U);
}

TEST(SecurityTxtParseTest, ReportsEachRuleWithItsLine) {
  struct Case {
    const char* name;
    std::string text;
    std::vector<CodeLine> want;  // besides SECTXT-NOT-SIGNED
  };
  const std::string contact = "Contact: https://example.com/r\n";
  const std::string expires = "Expires: " + kSoon + "\n";
  const std::vector<Case> cases = {
      {"empty", "", {{"SECTXT-CONTACT-MISSING", 0}, {"SECTXT-EXPIRES-MISSING", 0}}},
      {"no contact", expires, {{"SECTXT-CONTACT-MISSING", 0}}},
      {"no expires", contact, {{"SECTXT-EXPIRES-MISSING", 0}}},
      {"two expires", contact + expires + expires, {{"SECTXT-EXPIRES-MULTIPLE", 3}}},
      {"bad expires", contact + "Expires: 2025-12-31 23:59:59Z\n", {{"SECTXT-EXPIRES-INVALID", 2}}},
      {"expired", contact + "Expires: 2025-05-31T23:59:59Z\n", {{"SECTXT-EXPIRED", 2}}},
      {"far", contact + "Expires: 2026-06-01T00:00:01Z\n", {{"SECTXT-EXPIRES-TOO-FAR", 2}}},
      {"one year exactly", contact + "Expires: 2026-06-01T00:00:00Z\n", {}},
      {"http contact", "Contact: http://example.com/r\n" + expires, {{"SECTXT-URI-NOT-HTTPS", 1}}},
      {"not a uri", "Contact: security@example.com\n" + expires, {{"SECTXT-URI-INVALID", 1}}},
      {"https without host",
       contact + expires + "Policy: https:///p\n",
       {{"SECTXT-URI-INVALID", 3}}},
      {"space in uri",
       contact + expires + "Policy: https://example.com/a b\n",
       {{"SECTXT-URI-INVALID", 3}}},
      {"ftp policy",
       contact + expires + "Policy: ftp://example.com/p\n",
       {{"SECTXT-URI-SCHEME", 3}}},
      {"csaf http",
       contact + expires + "CSAF: http://example.com/provider-metadata.json\n",
       {{"SECTXT-URI-NOT-HTTPS", 3}}},
      {"csaf ftp",
       contact + expires + "CSAF: ftp://example.com/provider-metadata.json\n",
       {{"SECTXT-URI-NOT-HTTPS", 3}}},
      {"two csaf",
       contact + expires + "CSAF: https://example.com/a.json\nCSAF: https://example.com/b.json\n",
       {{"SECTXT-CSAF-MULTIPLE", 4}}},
      {"mailto without encryption",
       "Contact: mailto:security@example.com\n" + expires,
       {{"SECTXT-ENCRYPTION-MISSING", 0}}},
      {"mailto with encryption",
       "Contact: mailto:security@example.com\n" + expires + "Encryption: openpgp4fpr:5f2de552\n",
       {}},
      {"bad language",
       contact + expires + "Preferred-Languages: en, en_GB\n",
       {{"SECTXT-LANG-INVALID", 3}}},
      {"two languages",
       contact + expires + "Preferred-Languages: en\nPreferred-Languages: cy\n",
       {{"SECTXT-LANG-MULTIPLE", 4}}},
      {"unknown field",
       contact + expires + "Acknowledgements: https://example.com/t\n",
       {{"SECTXT-UNKNOWN-FIELD", 3}}},
      {"no space",
       "Contact:https://example.com/r\n" + expires,
       {{"SECTXT-INVALID-FIELD", 1}, {"SECTXT-CONTACT-MISSING", 0}}},
      {"empty value", contact + expires + "Policy: \n", {{"SECTXT-INVALID-FIELD", 3}}},
      {"leading space",
       contact + expires + " Policy: https://example.com/p\n",
       {{"SECTXT-INVALID-FIELD", 3}}},
      {"bom", "\xEF\xBB\xBF" + contact + expires, {{"SECTXT-BOM", 1}}},
      {"no final newline", contact + "Expires: " + kSoon, {{"SECTXT-LINE-ENDING", 2}}},
      {"bare cr",
       contact + "Policy: https://example.com/p\rX\n" + expires,
       {{"SECTXT-LINE-ENDING", 2}, {"SECTXT-URI-INVALID", 2}}},
      {"crlf is fine", "Contact: https://example.com/r\r\nExpires: " + kSoon + "\r\n", {}},
      {"bad utf8", contact + expires + "# caf\xC3\n", {{"SECTXT-ENCODING", 3}}},
      {"long line",
       contact + expires + "Policy: https://example.com/" + std::string(2021, 'x') + "\n",
       {{"SECTXT-LINE-TOO-LONG", 3}}},
  };
  for (const Case& test : cases) {
    const Parsed parsed = parse(test.text, kNow);
    std::vector<CodeLine> want = test.want;
    want.emplace_back("SECTXT-NOT-SIGNED", 0);
    EXPECT_EQ(codes(parsed.findings), sorted(want)) << test.name;
  }
}

TEST(SecurityTxtParseTest, OversizedFileIsRejectedBeforeParsing) {
  const Parsed parsed = parse(std::string(kMaxBytes + 1, '#'), kNow);
  EXPECT_THAT(codes(parsed.findings), ElementsAre(CodeLine{"SECTXT-SIZE", 0}));
  EXPECT_EQ(parsed.findings[0].severity, Severity::kError);
}

TEST(SecurityTxtParseTest, TooManyLinesIsAnErrorButParsingGoesOn) {
  std::string text;
  for (std::size_t index = 0; index < kMaxLines; ++index) {
    text += "#\n";
  }
  text += "Contact: https://example.com/r\nExpires: " + kSoon + "\n";
  const Parsed parsed = parse(text, kNow);
  EXPECT_NE(find(parsed.findings, "SECTXT-TOO-MANY-LINES"), nullptr);
  EXPECT_EQ(find(parsed.findings, "SECTXT-CONTACT-MISSING"), nullptr);
}

TEST(SecurityTxtParseTest, SeveritiesFollowMustShouldAndInformational) {
  const Parsed parsed =
      parse("Contact: mailto:s@example.com\nExpires: 2030-01-01T00:00:00Z\nX-Thing: y\n", kNow);
  EXPECT_EQ(find(parsed.findings, "SECTXT-EXPIRES-TOO-FAR")->severity, Severity::kWarning);
  EXPECT_EQ(find(parsed.findings, "SECTXT-ENCRYPTION-MISSING")->severity, Severity::kWarning);
  EXPECT_EQ(find(parsed.findings, "SECTXT-NOT-SIGNED")->severity, Severity::kWarning);
  EXPECT_EQ(find(parsed.findings, "SECTXT-UNKNOWN-FIELD")->severity, Severity::kInfo);
  EXPECT_FALSE(parsed.has_errors());
  EXPECT_EQ(find(parsed.findings, "SECTXT-UNKNOWN-FIELD")->to_diagnostic("security.txt").location,
            "security.txt:3");
}

TEST(SecurityTxtParseTest, ReadsTheBodyOfASignedFileWithOriginalLineNumbers) {
  const std::string text =
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"
      "- Contact: https://example.com/r\nExpires: " +
      kSoon +
      "\nPolicy: http://example.com/p\n-----BEGIN PGP SIGNATURE-----\n\nabc=\n"
      "-----END PGP SIGNATURE-----\n";
  const Parsed parsed = parse(text, kNow);
  EXPECT_TRUE(parsed.file.is_signed);
  EXPECT_EQ(parsed.file.contact, std::vector<std::string>{"https://example.com/r"});
  EXPECT_EQ(codes(parsed.findings),
            sorted({{"SECTXT-URI-NOT-HTTPS", 6}, {"SECTXT-CANONICAL-MISSING", 0}}));
}

TEST(SecurityTxtParseTest, IncompleteSignatureEnvelopeIsReadAsPlainText) {
  const std::string text =
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: "
      "https://example.com/r\nExpires: " +
      kSoon + "\n-----BEGIN PGP SIGNATURE-----\nabc\n";
  const Parsed parsed = parse(text, kNow);
  EXPECT_FALSE(parsed.file.is_signed);
  EXPECT_EQ(codes(parsed.findings), sorted({{"SECTXT-INVALID-FIELD", 1},
                                            {"SECTXT-UNKNOWN-FIELD", 2},
                                            {"SECTXT-INVALID-FIELD", 6},
                                            {"SECTXT-INVALID-FIELD", 7},
                                            {"SECTXT-NOT-SIGNED", 0}}));
}

TEST(SecurityTxtCheckTest, CanonicalMustListTheRetrievalUrl) {
  const std::string text = "Contact: https://example.com/r\nExpires: " + kSoon +
                           "\nCanonical: https://www.example.com/.well-known/security.txt\n";
  CheckOptions options;
  options.now = kNow;
  options.retrieval_url = "https://WWW.example.com:443/.well-known/security.txt";
  Result<Report> report = check(text, options);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->valid());
  options.retrieval_url = "https://example.com/.well-known/security.txt";
  report = check(text, options);
  ASSERT_TRUE(report);
  EXPECT_FALSE(report->valid());
  const Finding* mismatch = find(report->parsed.findings, "SECTXT-CANONICAL-MISMATCH");
  ASSERT_NE(mismatch, nullptr);
  EXPECT_EQ(mismatch->line, 3U);
  EXPECT_THAT(mismatch->message, HasSubstr("https://example.com/.well-known/security.txt"));
}

TEST(SecurityTxtCheckTest, ContentTypeMustBeTextPlainUtf8) {
  const std::string text = "Contact: https://example.com/r\nExpires: " + kSoon + "\n";
  CheckOptions options;
  options.now = kNow;
  for (const char* good :
       {"text/plain", "text/plain; charset=utf-8", "Text/Plain;Charset=\"UTF-8\""}) {
    options.content_type = good;
    const Result<Report> report = check(text, options);
    ASSERT_TRUE(report);
    EXPECT_EQ(find(report->parsed.findings, "SECTXT-CONTENT-TYPE"), nullptr) << good;
  }
  for (const char* bad :
       {"text/html", "text/plain; charset=iso-8859-1", "application/octet-stream"}) {
    options.content_type = bad;
    const Result<Report> report = check(text, options);
    ASSERT_TRUE(report);
    ASSERT_NE(find(report->parsed.findings, "SECTXT-CONTENT-TYPE"), nullptr) << bad;
    EXPECT_FALSE(report->valid()) << bad;
  }
}

TEST(SecurityTxtCheckTest, RedirectsAreReportedAndOtherHostsWarned) {
  const std::string text = "Contact: https://example.com/r\nExpires: " + kSoon + "\n";
  CheckOptions options;
  options.now = kNow;
  options.retrieval_url = "https://example.com/.well-known/security.txt";
  options.redirects = {"https://example.com/security.txt"};
  Result<Report> report = check(text, options);
  ASSERT_TRUE(report);
  EXPECT_EQ(find(report->parsed.findings, "SECTXT-REDIRECTED")->severity, Severity::kInfo);
  options.redirects = {"https://vendor.example/.well-known/security.txt"};
  report = check(text, options);
  ASSERT_TRUE(report);
  EXPECT_EQ(find(report->parsed.findings, "SECTXT-REDIRECT-OTHER-HOST")->severity,
            Severity::kWarning);
  EXPECT_TRUE(report->valid());
}

TEST(SecurityTxtCheckTest, NotFoundIsOneError) {
  const Report report = not_found("https://example.com/.well-known/security.txt", 404);
  EXPECT_FALSE(report.valid());
  EXPECT_THAT(codes(report.parsed.findings), ElementsAre(CodeLine{"SECTXT-NOT-FOUND", 0}));
  EXPECT_THAT(report.parsed.findings[0].message, HasSubstr("HTTP 404"));
}

TEST(SecurityTxtCheckTest, SignedFileWithoutKeyIsReportedUnverified) {
  const std::string text =
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: "
      "https://example.com/r\nExpires: " +
      kSoon +
      "\n-----BEGIN PGP SIGNATURE-----\n\nabc\n"
      "-----END PGP SIGNATURE-----\n";
  CheckOptions options;
  options.now = kNow;
  const Result<Report> report = check(text, options);
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->valid());
  EXPECT_EQ(find(report->parsed.findings, "SECTXT-SIGNATURE-UNVERIFIED")->severity,
            Severity::kWarning);
  EXPECT_FALSE(report->signature);
}

class SecurityTxtSignatureTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    keyring_ = new pgp::test_keys::Keyring();
    key_ = keyring_->generate("Assay Sectxt <sectxt@example.invalid>", "ed25519");
    other_ = keyring_->generate("Assay Other <other@example.invalid>", "ed25519");
  }
  static void TearDownTestSuite() {
    delete keyring_;
    keyring_ = nullptr;
  }
  static CheckOptions options_for(const pgp::test_keys::TestKey& key) {
    CheckOptions options;
    options.now = kNow;
    options.key = pgp::KeySpec{key.armored, key.fingerprint};
    return options;
  }

  static pgp::test_keys::Keyring* keyring_;
  static pgp::test_keys::TestKey key_;
  static pgp::test_keys::TestKey other_;
};

pgp::test_keys::Keyring* SecurityTxtSignatureTest::keyring_ = nullptr;
pgp::test_keys::TestKey SecurityTxtSignatureTest::key_;
pgp::test_keys::TestKey SecurityTxtSignatureTest::other_;

const std::string kBody =
    "Canonical: https://example.com/.well-known/security.txt\n"
    "Contact: https://example.com/r\n"
    "Expires: " +
    kSoon + "\n";

TEST_F(SecurityTxtSignatureTest, GoodSignatureByTheExpectedKeyIsValid) {
  const std::string signed_text = keyring_->sign(key_.fingerprint, kBody, "--clearsign");
  const Result<Report> report = check(signed_text, options_for(key_));
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_TRUE(report->valid());
  ASSERT_NE(find(report->parsed.findings, "SECTXT-SIGNATURE-VALID"), nullptr);
  ASSERT_TRUE(report->signature);
  EXPECT_EQ(report->signature->outcome(), Outcome::kPass);
}

TEST_F(SecurityTxtSignatureTest, SignatureByAnotherKeyIsInvalid) {
  const std::string signed_text = keyring_->sign(other_.fingerprint, kBody, "--clearsign");
  const Result<Report> report = check(signed_text, options_for(key_));
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_FALSE(report->valid());
  ASSERT_NE(find(report->parsed.findings, "SECTXT-SIGNATURE-INVALID"), nullptr);
}

TEST_F(SecurityTxtSignatureTest, AlteredSignedFileIsInvalid) {
  std::string signed_text = keyring_->sign(key_.fingerprint, kBody, "--clearsign");
  signed_text.replace(signed_text.find("example.com/r"), 13, "attacker.io/r");
  const Result<Report> report = check(signed_text, options_for(key_));
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_FALSE(report->valid());
  EXPECT_THAT(find(report->parsed.findings, "SECTXT-SIGNATURE-INVALID")->message,
              HasSubstr("bad signature"));
}

TEST_F(SecurityTxtSignatureTest, UnsignedFileWithAKeyIsAnError) {
  const Result<Report> report = check(kBody, options_for(key_));
  ASSERT_TRUE(report) << report.error().to_string();
  EXPECT_FALSE(report->valid());
  EXPECT_NE(find(report->parsed.findings, "SECTXT-SIGNATURE-MISSING"), nullptr);
}

TEST_F(SecurityTxtSignatureTest, MalformedFingerprintIsAnError) {
  const std::string signed_text = keyring_->sign(key_.fingerprint, kBody, "--clearsign");
  CheckOptions options = options_for(key_);
  options.key->expected_fingerprint = "ABCD";
  const Result<Report> report = check(signed_text, options);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.error().code, ErrorCode::kInvalidInput);
  // Also for an unsigned file: the fingerprint is checked before anything else.
  const Result<Report> unsigned_report = check(kBody, options);
  ASSERT_FALSE(unsigned_report);
  EXPECT_EQ(unsigned_report.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace assay::verify::securitytxt
