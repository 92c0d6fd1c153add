// security.txt conformance against three upstream projects' test data, read in place from the
// shared data folder:
//   * ivan-podgurskiy/security-txt-parser conformance.json: every parse case (and each expiry
//     phase of the real-world snapshots and RFC examples) must give the same validity and the
//     same findings at the same lines, through the code table below; the cases where that project
//     is stricter than RFC 9116 are listed in kDeviations with the reason.
//   * eikendev/sectxt: all 108 files must be valid at the time its own tests use, except where it
//     accepts what RFC 9116 forbids (kEikendevDeviations).
//   * securitytxt/security-txt: the README's template file is not a valid RFC 9116 file.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/verify/securitytxt.h"

#include "testing.h"

namespace assay::verify::securitytxt {
namespace {

using CodeLine = std::pair<std::string, std::size_t>;

constexpr std::string_view kIvan = "securitytxt/ivan-podgurskiy-security-txt-parser/test/fixtures";
constexpr std::string_view kEikendev = "securitytxt/eikendev-sectxt/sectxtlib/resources/test";

// Their code -> ours. Every code their fixture uses is mapped.
const std::map<std::string, std::string>& code_map() {
  static const std::map<std::string, std::string> table = {
      {"no_contact", "SECTXT-CONTACT-MISSING"},
      {"no_expires", "SECTXT-EXPIRES-MISSING"},
      {"multi_expires", "SECTXT-EXPIRES-MULTIPLE"},
      {"multi_lang", "SECTXT-LANG-MULTIPLE"},
      {"invalid_expires", "SECTXT-EXPIRES-INVALID"},
      {"expired", "SECTXT-EXPIRED"},
      {"invalid_uri", "SECTXT-URI-INVALID"},
      {"invalid_contact_scheme", "SECTXT-URI-NOT-HTTPS"},
      {"invalid_https_field", "SECTXT-URI-NOT-HTTPS"},
      {"invalid_lang", "SECTXT-LANG-INVALID"},
      {"invalid_line", "SECTXT-INVALID-FIELD"},
      {"bom_present", "SECTXT-BOM"},
      {"invalid_line_ending", "SECTXT-LINE-ENDING"},
      {"file_too_large", "SECTXT-SIZE"},
      {"too_many_lines", "SECTXT-TOO-MANY-LINES"},
      {"field_too_long", "SECTXT-LINE-TOO-LONG"},
      {"long_expiry", "SECTXT-EXPIRES-TOO-FAR"},
      {"no_encryption", "SECTXT-ENCRYPTION-MISSING"},
      {"not_signed", "SECTXT-NOT-SIGNED"},
      {"no_canonical", "SECTXT-CANONICAL-MISSING"},
      {"multi_csaf", "SECTXT-CSAF-MULTIPLE"},
      {"unknown_field", "SECTXT-UNKNOWN-FIELD"},
  };
  return table;
}

// Findings of ours that the upstream fixture has no notion of; they are left out of the
// comparison (and asserted separately where they matter).
bool ours_only(std::string_view code) {
  return code == "SECTXT-SIGNATURE-UNVERIFIED";
}

// Where security-txt-parser is stricter than RFC 9116, we follow the RFC. RFC 9116 section 2.5
// requires https:// only "if this field indicates a web URI"; other schemes (ftp:) are legal, so
// we warn (SECTXT-URI-SCHEME) instead of failing. CSAF keeps the error: the CSAF 2.0 standard
// requires an https URL.
struct Deviation {
  std::vector<CodeLine> their_findings_we_report_differently;
  std::vector<CodeLine> our_extra_findings;
};
const std::map<std::string, Deviation>& deviations() {
  static const std::map<std::string, Deviation> table = {
      {"disallowed contact and HTTPS-only field schemes",
       {{{"SECTXT-URI-NOT-HTTPS", 4}, {"SECTXT-URI-NOT-HTTPS", 6}, {"SECTXT-URI-NOT-HTTPS", 8}},
        {{"SECTXT-URI-SCHEME", 4}, {"SECTXT-URI-SCHEME", 6}, {"SECTXT-URI-SCHEME", 8}}}},
  };
  return table;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at)) {
    text.replace(at, from.size(), to);
    at += to.size();
  }
  return text;
}

// The fixture's clock: a fixed instant, with its placeholders as that project's test defines them.
constexpr std::int64_t kClock = 1767225600;  // 2026-01-01T00:00:00Z

std::string substitute(std::string text) {
  text = replace_all(text, "{{past}}", format_rfc3339(kClock - 86'400));
  text = replace_all(text, "{{within_one_year}}", format_rfc3339(kClock + 30 * 86'400));
  text = replace_all(text, "{{beyond_one_year_lower_z}}", "2028-01-01T00:00:00z");
  text = replace_all(text, "{{beyond_one_year}}", format_rfc3339(kClock + 2 * 365 * 86'400));
  return text;
}

std::string input_of(const json::Json& test, const std::filesystem::path& root) {
  if (test.contains("inputFile")) {
    return assay::testing::read_text(root / test.at("inputFile").get<std::string>());
  }
  const json::Json& input = test.at("input");
  if (input.is_string()) {
    return substitute(input.get<std::string>());
  }
  std::string out;
  for (const json::Json& part : input.at("parts")) {
    if (part.contains("text")) {
      out += substitute(part.at("text").get<std::string>());
    } else {
      const std::string unit = part.at("repeat").get<std::string>();
      for (int count = part.at("count").get<int>(); count > 0; --count) {
        out += unit;
      }
    }
  }
  return out;
}

std::vector<CodeLine> mapped(const json::Json& expected, bool& unmapped) {
  std::vector<CodeLine> out;
  for (const char* group : {"errors", "recommendations", "notifications"}) {
    if (!expected.contains(group)) {
      continue;
    }
    for (const json::Json& finding : expected.at(group)) {
      const auto found = code_map().find(finding.at("code").get<std::string>());
      if (found == code_map().end()) {
        unmapped = true;
        continue;
      }
      const std::size_t line =
          finding.at("line").is_null() ? 0 : finding.at("line").get<std::size_t>();
      out.emplace_back(found->second, line);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

struct IvanCase {
  std::string name;
  json::Json test;
  std::string phase;  // "", "beyondOneYear", "withinOneYear", "afterExpiry"
  std::int64_t now = kClock;
};

std::vector<IvanCase> ivan_cases() {
  std::vector<IvanCase> out;
  const std::filesystem::path root = assay::testing::shared_data(kIvan);
  if (root.empty()) {
    out.push_back({"missing", json::Json::object(), "", kClock});
    return out;
  }
  const auto document =
      json::parse(assay::testing::read_text(root / "conformance.json"), "conformance.json");
  if (!document) {
    ADD_FAILURE() << document.error().to_string();
    return out;
  }
  for (const json::Json& test : document->at("parse")) {
    const std::string name = test.at("name").get<std::string>();
    if (!test.contains("expiryPhases")) {
      out.push_back({name, test, "", kClock});
      continue;
    }
    // Each phase at a clock placed relative to the file's own Expires.
    const std::int64_t expires = *parse_rfc3339(test.at("expiresAt").get<std::string>());
    out.push_back({name, test, "beyondOneYear", expires - 400 * 86'400});
    out.push_back({name, test, "withinOneYear", expires - 30 * 86'400});
    out.push_back({name, test, "afterExpiry", expires + 86'400});
  }
  return out;
}

void PrintTo(const IvanCase& test, std::ostream* out) {
  *out << test.name << (test.phase.empty() ? "" : " [" + test.phase + "]");
}

class IvanConformanceTest : public ::testing::TestWithParam<IvanCase> {};

TEST_P(IvanConformanceTest, AgreesWithTheFixture) {
  const IvanCase& test = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(root, kIvan);
  json::Json expected = test.test.at("expected");
  if (!test.phase.empty()) {
    expected.update(test.test.at("expiryPhases").at(test.phase));
  }
  const std::string text = input_of(test.test, root);
  const Parsed parsed = parse(text, test.now);

  bool unmapped = false;
  std::vector<CodeLine> want = mapped(expected, unmapped);
  ASSERT_FALSE(unmapped) << "a code in the fixture has no mapping";
  std::vector<CodeLine> got;
  for (const Finding& finding : parsed.findings) {
    if (!ours_only(finding.code)) {
      got.emplace_back(finding.code, finding.line);
    }
  }
  std::sort(got.begin(), got.end());
  bool want_valid = expected.at("valid").get<bool>();
  if (const auto deviation = deviations().find(test.name); deviation != deviations().end()) {
    for (const CodeLine& theirs : deviation->second.their_findings_we_report_differently) {
      const auto at = std::find(want.begin(), want.end(), theirs);
      ASSERT_NE(at, want.end()) << "stale deviation " << theirs.first;
      want.erase(at);
    }
    want.insert(want.end(), deviation->second.our_extra_findings.begin(),
                deviation->second.our_extra_findings.end());
    std::sort(want.begin(), want.end());
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(!parsed.has_errors(), want_valid);

  // The registered-field accessors the fixture states.
  const SecurityTxt& file = parsed.file;
  const std::vector<std::pair<const char*, const std::vector<std::string>*>> lists = {
      {"contact", &file.contact},       {"acknowledgments", &file.acknowledgments},
      {"canonical", &file.canonical},   {"csaf", &file.csaf},
      {"encryption", &file.encryption}, {"hiring", &file.hiring},
      {"policy", &file.policy},         {"preferredLanguages", &file.preferred_languages},
  };
  for (const auto& [key, values] : lists) {
    if (expected.contains(key)) {
      std::vector<std::string> want_values;
      for (const json::Json& value : expected.at(key)) {
        want_values.push_back(substitute(value.get<std::string>()));
      }
      EXPECT_EQ(*values, want_values) << key;
    }
  }
  if (expected.contains("signed")) {
    EXPECT_EQ(file.is_signed, expected.at("signed").get<bool>());
  }
  if (expected.contains("expires")) {
    if (expected.at("expires").is_null()) {
      EXPECT_FALSE(file.expires);
    } else {
      EXPECT_EQ(file.expires, substitute(expected.at("expires").get<std::string>()));
    }
  }
  if (expected.contains("fields")) {
    ASSERT_EQ(file.fields.size(), expected.at("fields").size());
    for (std::size_t index = 0; index < file.fields.size(); ++index) {
      const json::Json& field = expected.at("fields")[index];
      EXPECT_EQ(file.fields[index].name, field.at("name").get<std::string>());
      EXPECT_EQ(file.fields[index].value, substitute(field.at("value").get<std::string>()));
      EXPECT_EQ(file.fields[index].line, field.at("line").get<std::size_t>());
    }
  }
}

INSTANTIATE_TEST_SUITE_P(SharedData, IvanConformanceTest, ::testing::ValuesIn(ivan_cases()),
                         [](const ::testing::TestParamInfo<IvanCase>& param_info) {
                           return assay::testing::sanitize_test_name(param_info.param.name + "_" +
                                                                     param_info.param.phase) +
                                  "_" + std::to_string(param_info.index);
                         });

TEST(IvanConformanceCountTest, EveryParseCaseIsRun) {
  ASSAY_SHARED_DATA_OR_SKIP(root, kIvan);
  // 49 parse cases; 5 of them (2 RFC examples, 3 dated snapshots) carry 3 expiry phases each.
  EXPECT_EQ(ivan_cases().size(), 49U - 5U + 5U * 3U);
}

// eikendev/sectxt: its tests parse every file with now = 2023-01-01T08:19:03Z and expect success.
constexpr std::int64_t kEikendevNow = 1672561143;

// Files eikendev accepts that RFC 9116 does not: (file, the finding that makes it invalid, line).
const std::map<std::string, std::string>& eikendev_deviations() {
  static const std::map<std::string, std::string> table = {
      // "Expires: 2023-06-07 13:08:19+00:00": RFC 9116 takes date-time from RFC 3339 section 5.6,
      // whose grammar requires "T" between date and time (the space is only a NOTE's suggestion
      // for human-readable text).
      {"valid_unsigned/www_gov_uk.stxt", "SECTXT-EXPIRES-INVALID"},
  };
  return table;
}

class EikendevCorpusTest : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(EikendevCorpusTest, ParsesWithoutErrors) {
  const std::filesystem::path& path = GetParam();
  ASSAY_SKIP_IF_MISSING_FILE(path);
  const std::string name = path.parent_path().filename().string() + "/" + path.filename().string();
  const Parsed parsed = parse(assay::testing::read_text(path), kEikendevNow);
  std::vector<std::string> errors;
  for (const Finding& finding : parsed.findings) {
    if (finding.severity == Severity::kError) {
      errors.push_back(finding.to_diagnostic(name).to_string());
    }
  }
  if (const auto deviation = eikendev_deviations().find(name);
      deviation != eikendev_deviations().end()) {
    ASSERT_EQ(errors.size(), 1U) << ::testing::PrintToString(errors);
    EXPECT_THAT(errors[0], ::testing::HasSubstr(deviation->second));
    return;
  }
  EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
  EXPECT_FALSE(parsed.file.contact.empty());
  EXPECT_TRUE(parsed.file.expires_at);
  EXPECT_EQ(parsed.file.is_signed, name.rfind("valid_signed/", 0) == 0);
}

INSTANTIATE_TEST_SUITE_P(SharedData, EikendevCorpusTest,
                         ::testing::ValuesIn(assay::testing::shared_files(kEikendev, ".stxt")),
                         [](const ::testing::TestParamInfo<std::filesystem::path>& param_info) {
                           return assay::testing::sanitize_test_name(
                                      param_info.param.parent_path().filename().string() + "_" +
                                      param_info.param.stem().string()) +
                                  "_" + std::to_string(param_info.index);
                         });

TEST(EikendevCorpusCountTest, AllFilesAreRun) {
  ASSAY_SHARED_DATA_OR_SKIP(root, kEikendev);
  EXPECT_EQ(assay::testing::shared_files(kEikendev, ".stxt").size(), 108U);
}

TEST(SecurityTxtProjectTemplateTest, TemplateIsNotAValidRfc9116File) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "securitytxt/securitytxt-security-txt/template");
  // "Contact: security@example.com" predates RFC 9116's URI rule, and there is no Expires.
  const Parsed parsed = parse(assay::testing::read_text(root / "security.txt"), kClock);
  std::vector<CodeLine> errors;
  for (const Finding& finding : parsed.findings) {
    if (finding.severity == Severity::kError) {
      errors.emplace_back(finding.code, finding.line);
    }
  }
  std::sort(errors.begin(), errors.end());
  EXPECT_EQ(errors,
            (std::vector<CodeLine>{{"SECTXT-EXPIRES-MISSING", 0}, {"SECTXT-URI-INVALID", 3}}));
}

}  // namespace
}  // namespace assay::verify::securitytxt
