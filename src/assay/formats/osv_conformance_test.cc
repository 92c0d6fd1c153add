// OSV validation against the official OSV JSON schema (ossf/osv-schema validation/schema.json, read
// from the shared data at test time: no package ships it). Every record in osv-schema's tools
// test data gets its expected verdict; a table of single-field mutations and every real record in
// golang-vulndb and pypa-advisory-database show that Assay's rules and the
// official schema agree, except for the semantic rules listed in docs/formats/advisories.md.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/advisory.h"
#include "assay/formats/csaf.h"
#include "assay/formats/osv.h"
#include "assay/formats/osv_internal.h"
#include "assay/formats/schema.h"

#include "testing.h"

namespace assay::formats {
namespace {

namespace fs = std::filesystem;
using json::Json;

// Codes of the rules the schema cannot express: a record the official schema accepts may still
// fail on these (docs/formats/advisories.md, "Deliberate differences").
const std::set<std::string>& semantic_codes() {
  static const std::set<std::string> codes = {"OSV-BAD-PURL", "OSV-EVENTS-NOT-DISTINCT",
                                              "OSV-EMPTY-EVENT", "OSV-PACKAGE-INCOMPLETE",
                                              "OSV-BAD-SEVERITY"};
  return codes;
}

// The official schema compiled once, or nullptr when the shared data is missing.
const JsonSchema* official_schema() {
  static const std::shared_ptr<const JsonSchema> schema = []() {
    const fs::path path = testing::shared_data("osv-schema/validation/schema.json");
    if (path.empty()) {
      return std::shared_ptr<const JsonSchema>();
    }
    Result<std::shared_ptr<const JsonSchema>> compiled =
        JsonSchema::compile(testing::read_text(path), "osv-schema/validation/schema.json");
    EXPECT_TRUE(compiled.has_value()) << compiled.error().to_string();
    return compiled ? *compiled : std::shared_ptr<const JsonSchema>();
  }();
  return schema.get();
}

#define ASSAY_OFFICIAL_SCHEMA_OR_SKIP(var)            \
  ASSAY_SHARED_DATA_OR_SKIP(var##_dir, "osv-schema"); \
  const JsonSchema* var = official_schema();          \
  ASSERT_NE(var, nullptr) << "osv-schema/validation/schema.json did not compile"

bool official_valid(const JsonSchema& schema, const Json& record, std::string* problems = nullptr) {
  DiagnosticSink sink;
  const bool valid = schema.validate(record, "official", sink);
  if (problems != nullptr) {
    for (const Diagnostic& diagnostic : sink.take()) {
      *problems += diagnostic.to_string() + "\n";
    }
  }
  return valid;
}

std::size_t errors_in(const std::vector<Diagnostic>& diagnostics) {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::kError; }));
}

std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& diagnostic : diagnostics) {
    text += diagnostic.to_string() + "\n";
  }
  return text;
}

TEST(OsvOfficialSchemaTest, CompilesWithNothingIgnored) {
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  // Every keyword the 2020-12 schema uses ($defs, contains, if/then, const, oneOf) is checked.
  EXPECT_THAT(schema->ignored_keywords(), ::testing::IsEmpty());
}

// ----- the osv-schema test data: every file, its expected verdict -----------------------------

struct Expectation {
  bool valid;           // Assay's verdict
  bool official_valid;  // the official schema's verdict
  std::string reason;   // why, when the two differ or the file is not an ordinary record
};

// The expected verdict of each file under osv-schema/tools (see docs/formats/advisories.md).
Expectation expected_verdict(const std::string& relative) {
  const std::string name = fs::path(relative).filename().string();
  if (relative.find("osv-linter/testdata/") != std::string::npos) {
    if (name.rfind("nointroduced-", 0) == 0) {
      return {false, false, "a range without an introduced event"};
    }
    if (name.rfind("nondistinct-", 0) == 0) {
      return {false, true,
              "Assay's semantic rule OSV-EVENTS-NOT-DISTINCT: one commit is both introduced and "
              "fixed in one range (the schema cannot express it; the OSV linter checks it)"};
    }
    if (name.rfind("nopackage-", 0) == 0) {
      return {true, true,
              "deliberate exception: the linter asks the PyPI registry whether the package "
              "exists; Assay's validation is offline"};
    }
    return {true, true, ""};
  }
  if (relative.find("ghsa/testdata/") != std::string::npos) {
    if (name.find(".osv.json") != std::string::npos) {
      return {true, true, ""};
    }
    return {false, false, "a GitHub REST API advisory (the converter's input), not an OSV record"};
  }
  return {true, true, ""};  // redhat/testdata/OSV: converter output
}

std::vector<fs::path> osv_schema_cases() {
  std::vector<fs::path> cases;
  for (const char* folder :
       {"osv-schema/tools/osv-linter/testdata", "osv-schema/tools/ghsa/testdata",
        "osv-schema/tools/redhat/testdata/OSV"}) {
    const std::vector<fs::path> files = testing::shared_files(folder, ".json");
    cases.insert(cases.end(), files.begin(), files.end());
  }
  return cases;
}

std::string relative_to_shared(const fs::path& path) {
  return path.lexically_relative(testing::shared_data_root()).generic_string();
}

class OsvSchemaSuiteTest : public ::testing::TestWithParam<fs::path> {};

TEST_P(OsvSchemaSuiteTest, GivesTheExpectedVerdict) {
  ASSAY_SKIP_IF_MISSING_FILE(GetParam());
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  const std::string relative = relative_to_shared(GetParam());
  const Expectation expected = expected_verdict(relative);
  const std::string text = testing::read_text(GetParam());

  const Result<std::vector<Diagnostic>> diagnostics = validate_advisories(text, relative);
  ASSERT_TRUE(diagnostics.has_value()) << diagnostics.error().to_string();
  EXPECT_EQ(errors_in(*diagnostics) == 0, expected.valid)
      << relative << " (" << expected.reason << ")\n"
      << describe(*diagnostics);
  for (const Diagnostic& diagnostic : *diagnostics) {
    EXPECT_EQ(diagnostic.location.rfind(relative + "#", 0), 0U) << diagnostic.to_string();
  }

  const Result<Json> record = json::parse(text, relative);
  ASSERT_TRUE(record.has_value());
  std::string problems;
  EXPECT_EQ(official_valid(*schema, *record, &problems), expected.official_valid)
      << relative << " (" << expected.reason << ")\n"
      << problems;

  if (expected.valid) {
    // What Assay writes back from a valid record is valid too.
    const Result<Parsed<model::Advisory>> parsed = read_osv_json(text, relative);
    ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
    const std::string written = write_osv_json(parsed->value);
    const std::vector<Diagnostic> rewritten = validate_osv(Json::parse(written), "written");
    EXPECT_EQ(errors_in(rewritten), 0U) << describe(rewritten);
    EXPECT_TRUE(official_valid(*schema, Json::parse(written), &problems)) << problems;
  }
}

INSTANTIATE_TEST_SUITE_P(Files, OsvSchemaSuiteTest, ::testing::ValuesIn(osv_schema_cases()),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                           const std::string path = param_info.param.generic_string();
                           const std::size_t tools = path.find("osv-schema/tools/");
                           return testing::sanitize_test_name(
                               tools == std::string::npos ? path : path.substr(tools + 17));
                         });

TEST(OsvSchemaSuiteCountTest, RunsEveryFile) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "osv-schema/tools");
  std::size_t valid = 0;
  std::size_t invalid = 0;
  for (const fs::path& path : osv_schema_cases()) {
    (expected_verdict(relative_to_shared(path)).valid ? valid : invalid)++;
  }
  // 12 linter records (3 deliberately broken, one of them an exception), 11 GHSA API inputs and
  // their 11 OSV outputs, 2 Red Hat OSV outputs.
  EXPECT_EQ(valid + invalid, 36U);
  EXPECT_EQ(invalid, 13U);
}

// The Red Hat CSAF advisories, converted to OSV by Assay, are valid OSV.
TEST(OsvSchemaSuiteTest, ConvertedRedHatCsafIsValidOsv) {
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  std::size_t converted = 0;
  for (const fs::path& path :
       testing::shared_files("osv-schema/tools/redhat/testdata/CSAF", ".json")) {
    ASSAY_SKIP_IF_MISSING_FILE(path);
    const Result<Parsed<AdvisoryDocument>> parsed =
        read_advisories(testing::read_text(path), path.filename().string());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
    for (const model::Advisory& advisory : parsed->value.advisories) {
      const Json written = Json::parse(write_osv_json(advisory));
      const std::vector<Diagnostic> diagnostics = validate_osv(written, advisory.id);
      EXPECT_EQ(errors_in(diagnostics), 0U) << path << "\n" << describe(diagnostics);
      std::string problems;
      EXPECT_TRUE(official_valid(*schema, written, &problems)) << path << "\n" << problems;
      ++converted;
    }
  }
  EXPECT_GE(converted, 5U);
}

// ----- single-field mutations: Assay and the official schema agree -------------------------------

constexpr std::string_view kBase = R"({
  "schema_version": "1.7.0",
  "id": "GHSA-xxxx-yyyy-zzzz",
  "modified": "2024-03-01T10:00:00Z",
  "published": "2024-02-01T10:00:00Z",
  "aliases": ["CVE-2024-0001"],
  "related": ["CVE-2024-0002"],
  "summary": "Prototype pollution",
  "details": "Details.",
  "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
  "affected": [{
    "package": {"ecosystem": "npm", "name": "lodash", "purl": "pkg:npm/lodash"},
    "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]},
               {"type": "GIT", "repo": "https://github.com/lodash/lodash",
                "events": [{"introduced": "0"},
                           {"fixed": "c84fe82760fb2d3e03a63379b297a1cc1a2fce12"}]}],
    "versions": ["4.17.20"],
    "ecosystem_specific": {"imports": []},
    "database_specific": {"source": "x"}
  }],
  "references": [{"type": "ADVISORY", "url": "https://example.org/a"}],
  "credits": [{"name": "Finder", "contact": ["mailto:f@example.org"], "type": "FINDER"}],
  "database_specific": {"severity": "HIGH"}
})";

struct Mutation {
  const char* name;
  const char* pointer;   // member to set or remove
  const char* value;     // JSON text, or nullptr to remove the member
  bool official_valid;   // what the official schema says
  const char* code;      // Assay's error code (nullptr: Assay finds the record valid)
  const char* location;  // where Assay reports it (after "m.json#")
};

Json mutate(const Mutation& mutation) {
  Json record = Json::parse(kBase);
  const Json::json_pointer pointer(mutation.pointer);
  if (mutation.value == nullptr) {
    record[pointer.parent_pointer()].erase(pointer.back());
  } else {
    record[pointer] = Json::parse(mutation.value);
  }
  return record;
}

class OsvSchemaAgreementTest : public ::testing::TestWithParam<Mutation> {};

TEST_P(OsvSchemaAgreementTest, AssayAndTheOfficialSchemaAgree) {
  const Mutation& mutation = GetParam();
  const Json record = mutate(mutation);
  const std::vector<Diagnostic> diagnostics = validate_osv(record, "m.json");
  if (mutation.code == nullptr) {
    EXPECT_EQ(errors_in(diagnostics), 0U) << describe(diagnostics);
  } else {
    const bool found =
        std::any_of(diagnostics.begin(), diagnostics.end(), [&mutation](const Diagnostic& d) {
          return d.severity == Severity::kError && d.code == mutation.code &&
                 d.location == std::string("m.json#") + mutation.location;
        });
    EXPECT_TRUE(found) << "expected " << mutation.code << " at " << mutation.location << "\n"
                       << describe(diagnostics);
    EXPECT_EQ(errors_in(diagnostics), 1U) << describe(diagnostics);
    if (mutation.official_valid) {
      EXPECT_EQ(semantic_codes().count(mutation.code), 1U)
          << mutation.code << " differs from the schema but is not listed as a semantic rule";
    }
  }
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  std::string problems;
  EXPECT_EQ(official_valid(*schema, record, &problems), mutation.official_valid) << problems;
}

constexpr Mutation kMutations[] = {
    {"Base", "/summary", R"("Prototype pollution")", true, nullptr, ""},
    {"NoId", "/id", nullptr, false, "OSV-MISSING-FIELD", ""},
    {"NoModified", "/modified", nullptr, false, "OSV-MISSING-FIELD", ""},
    {"UnregisteredIdPrefix", "/id", R"("FOO-2024-1")", false, "OSV-BAD-ID", "/id"},
    {"PrivateIdPrefix", "/id", R"("x_internal-7")", true, nullptr, ""},
    {"IdNotString", "/id", "5", false, "OSV-TYPE", "/id"},
    {"ModifiedWithOffset", "/modified", R"("2024-03-01T10:00:00+01:00")", false,
     "OSV-BAD-TIMESTAMP", "/modified"},
    {"ModifiedDateOnly", "/modified", R"("2024-03-01")", false, "OSV-BAD-TIMESTAMP", "/modified"},
    {"ModifiedImpossibleDate", "/modified", R"("2024-02-30T10:00:00Z")", false, "OSV-BAD-TIMESTAMP",
     "/modified"},
    {"ModifiedWithFraction", "/modified", R"("2024-03-01T10:00:00.123Z")", true, nullptr, ""},
    {"WithdrawnLowerCaseZ", "/withdrawn", R"("2024-03-01T10:00:00z")", false, "OSV-BAD-TIMESTAMP",
     "/withdrawn"},
    {"UnknownTopLevelField", "/severity_note", R"("x")", false, "OSV-UNKNOWN-FIELD",
     "/severity_note"},
    {"AliasesNull", "/aliases", "null", true, nullptr, ""},
    {"RelatedNull", "/related", "null", false, "OSV-TYPE", "/related"},
    {"AliasNotString", "/aliases/0", "1", false, "OSV-TYPE", "/aliases/0"},
    {"UpstreamNotArray", "/upstream", R"("CVE-1")", false, "OSV-TYPE", "/upstream"},
    {"SummaryNotString", "/summary", "1", false, "OSV-TYPE", "/summary"},
    {"SchemaVersionNotString", "/schema_version", "1.7", false, "OSV-TYPE", "/schema_version"},
    {"SeverityNull", "/severity", "null", true, nullptr, ""},
    {"SeverityUnknownType", "/severity/0/type", R"("CVSS_V5")", false, "OSV-BAD-SEVERITY-TYPE",
     "/severity/0/type"},
    {"SeverityNoScore", "/severity/0/score", nullptr, false, "OSV-MISSING-FIELD", "/severity/0"},
    {"SeverityBadMetricValue", "/severity/0/score",
     R"("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")", false, "OSV-BAD-SEVERITY",
     "/severity/0/score"},
    {"SeverityV4VectorUnderV3", "/severity/0/score",
     R"("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")", false,
     "OSV-BAD-SEVERITY", "/severity/0/score"},
    {"SeverityIncompleteV3Vector", "/severity/0/score", R"("CVSS:3.1/AV:N/AC:L")", true,
     "OSV-BAD-SEVERITY", "/severity/0/score"},
    {"SeverityV2", "/severity/0", R"({"type": "CVSS_V2", "score": "AV:N/AC:L/Au:N/C:P/I:P/A:P"})",
     true, nullptr, ""},
    {"SeverityV2WithPrefix", "/severity/0",
     R"({"type": "CVSS_V2", "score": "CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P"})", false,
     "OSV-BAD-SEVERITY", "/severity/0/score"},
    {"SeverityV4", "/severity/0",
     R"({"type": "CVSS_V4", "score": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N"})",
     true, nullptr, ""},
    {"SeverityUbuntu", "/severity/0", R"({"type": "Ubuntu", "score": "medium"})", true, nullptr,
     ""},
    {"SeverityUbuntuUnknownPriority", "/severity/0", R"({"type": "Ubuntu", "score": "urgent"})",
     false, "OSV-BAD-SEVERITY", "/severity/0/score"},
    {"SeverityAlsoPerPackage", "/affected/0/severity", R"([{"type": "Ubuntu", "score": "low"}])",
     false, "OSV-SEVERITY-TWICE", "/affected/0/severity"},
    {"AffectedNull", "/affected", "null", true, nullptr, ""},
    {"AffectedEntryNotObject", "/affected/0", "1", false, "OSV-TYPE", "/affected/0"},
    {"UnknownEcosystem", "/affected/0/package/ecosystem", R"("Npm")", false, "OSV-BAD-ECOSYSTEM",
     "/affected/0/package/ecosystem"},
    {"EcosystemWithSuffix", "/affected/0/package/ecosystem", R"("Debian:12")", true, nullptr, ""},
    {"EcosystemEmptySuffix", "/affected/0/package/ecosystem", R"("Debian:")", false,
     "OSV-BAD-ECOSYSTEM", "/affected/0/package/ecosystem"},
    {"PackageNoName", "/affected/0/package/name", nullptr, false, "OSV-MISSING-FIELD",
     "/affected/0/package"},
    {"PackageEmptyName", "/affected/0/package/name", R"("")", true, "OSV-PACKAGE-INCOMPLETE",
     "/affected/0/package/name"},
    {"PackageBadPurl", "/affected/0/package/purl", R"("pkg:npm")", true, "OSV-BAD-PURL",
     "/affected/0/package/purl"},
    {"PackageNotObject", "/affected/0/package", R"("lodash")", false, "OSV-TYPE",
     "/affected/0/package"},
    {"RangeUnknownType", "/affected/0/ranges/0/type", R"("SEMVERX")", false, "OSV-BAD-RANGE-TYPE",
     "/affected/0/ranges/0/type"},
    {"RangeNoType", "/affected/0/ranges/0/type", nullptr, false, "OSV-MISSING-FIELD",
     "/affected/0/ranges/0"},
    {"RangeNoEvents", "/affected/0/ranges/0/events", nullptr, false, "OSV-MISSING-FIELD",
     "/affected/0/ranges/0"},
    {"RangeEmptyEvents", "/affected/0/ranges/0/events", "[]", false, "OSV-NO-EVENTS",
     "/affected/0/ranges/0/events"},
    {"RangeNoIntroduced", "/affected/0/ranges/0/events", R"([{"fixed": "1.0.0"}])", false,
     "OSV-NO-INTRODUCED", "/affected/0/ranges/0/events"},
    {"RangeFixedAndLastAffected", "/affected/0/ranges/0/events",
     R"([{"introduced": "0"}, {"fixed": "2.0.0"}, {"last_affected": "1.9.0"}])", false,
     "OSV-FIXED-AND-LAST-AFFECTED", "/affected/0/ranges/0/events"},
    {"EventWithTwoKinds", "/affected/0/ranges/0/events/1", R"({"introduced": "1", "fixed": "2"})",
     false, "OSV-BAD-EVENT", "/affected/0/ranges/0/events/1"},
    {"EventWithNoKind", "/affected/0/ranges/0/events/1", R"({"version": "2"})", false,
     "OSV-BAD-EVENT", "/affected/0/ranges/0/events/1"},
    {"EventNotString", "/affected/0/ranges/0/events/1", R"({"fixed": 2})", false, "OSV-TYPE",
     "/affected/0/ranges/0/events/1/fixed"},
    {"EventExtraMember", "/affected/0/ranges/0/events/1", R"({"fixed": "2", "note": "x"})", true,
     nullptr, ""},
    {"EventEmptyVersion", "/affected/0/ranges/0/events/1", R"({"fixed": ""})", true,
     "OSV-EMPTY-EVENT", "/affected/0/ranges/0/events/1/fixed"},
    {"EventsNotDistinct", "/affected/0/ranges/0/events",
     R"([{"introduced": "1.0.0"}, {"fixed": "1.0.0"}])", true, "OSV-EVENTS-NOT-DISTINCT",
     "/affected/0/ranges/0/events/1/fixed"},
    {"GitRangeNoRepo", "/affected/0/ranges/1/repo", nullptr, false, "OSV-MISSING-FIELD",
     "/affected/0/ranges/1"},
    {"GitShortCommit", "/affected/0/ranges/1/events/1", R"({"fixed": "c84fe82"})", false,
     "OSV-BAD-GIT-COMMIT", "/affected/0/ranges/1/events/1/fixed"},
    {"GitUpperCaseCommit", "/affected/0/ranges/1/events/1",
     R"({"fixed": "C84FE82760FB2D3E03A63379B297A1CC1A2FCE12"})", false, "OSV-BAD-GIT-COMMIT",
     "/affected/0/ranges/1/events/1/fixed"},
    {"RangeDatabaseSpecificNotObject", "/affected/0/ranges/0/database_specific", "[]", false,
     "OSV-TYPE", "/affected/0/ranges/0/database_specific"},
    {"VersionsNotArray", "/affected/0/versions", R"("4.17.20")", false, "OSV-TYPE",
     "/affected/0/versions"},
    {"EcosystemSpecificNotObject", "/affected/0/ecosystem_specific", "[]", false, "OSV-TYPE",
     "/affected/0/ecosystem_specific"},
    {"ReferencesNull", "/references", "null", true, nullptr, ""},
    {"ReferenceUnknownType", "/references/0/type", R"("BLOG")", false, "OSV-BAD-REFERENCE-TYPE",
     "/references/0/type"},
    {"ReferenceNoUrl", "/references/0/url", nullptr, false, "OSV-MISSING-FIELD", "/references/0"},
    {"ReferenceUrlNotUri", "/references/0/url", R"("example.org/a b")", false, "OSV-BAD-URL",
     "/references/0/url"},
    {"CreditNoName", "/credits/0/name", nullptr, false, "OSV-MISSING-FIELD", "/credits/0"},
    {"CreditUnknownType", "/credits/0/type", R"("HERO")", false, "OSV-BAD-CREDIT-TYPE",
     "/credits/0/type"},
    {"CreditContactNotStrings", "/credits/0/contact", "[1]", false, "OSV-TYPE",
     "/credits/0/contact/0"},
    {"CreditsNull", "/credits", "null", false, "OSV-TYPE", "/credits"},
    {"DatabaseSpecificNotObject", "/database_specific", R"("x")", false, "OSV-TYPE",
     "/database_specific"},
};

INSTANTIATE_TEST_SUITE_P(Mutations, OsvSchemaAgreementTest, ::testing::ValuesIn(kMutations),
                         [](const ::testing::TestParamInfo<Mutation>& param_info) {
                           return std::string(param_info.param.name);
                         });

TEST(OsvSchemaAgreementTest, RecordNotAnObjectIsReported) {
  const std::vector<Diagnostic> diagnostics = validate_osv(Json::array(), "m.json", "/3");
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].code, "OSV-TYPE");
  EXPECT_EQ(diagnostics[0].location, "m.json#/3");
  EXPECT_THAT(diagnostics[0].message, ::testing::HasSubstr("must be a JSON object, found array"));
}

// Every ecosystem and every id prefix the official schema lists is accepted.
TEST(OsvSchemaAgreementTest, AcceptsEveryEcosystemAndIdPrefixOfTheSchema) {
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  const Json official =
      Json::parse(testing::read_text(testing::shared_data("osv-schema/validation/schema.json")));
  std::size_t checked = 0;
  for (const Json& name : official["$defs"]["ecosystemName"]["enum"]) {
    Json record = Json::parse(kBase);
    record["affected"][0]["package"]["ecosystem"] = name;
    record["affected"][0]["package"].erase("purl");
    const std::vector<Diagnostic> diagnostics = validate_osv(record, "e.json");
    EXPECT_EQ(errors_in(diagnostics), 0U) << name << "\n" << describe(diagnostics);
    ++checked;
  }
  EXPECT_GE(checked, 40U);
  // "^(x_|(ASB-A|PUB-A|...|SUSE-[SRFO]U|...)-)": each alternative, character classes expanded.
  const std::string pattern = official["$defs"]["prefix"]["pattern"];
  const std::size_t open = pattern.find("(x_|(");
  const std::size_t close = pattern.rfind(")-)");
  ASSERT_NE(open, std::string::npos);
  ASSERT_NE(close, std::string::npos);
  std::vector<std::string> prefixes;
  const std::string alternatives = pattern.substr(open + 5, close - open - 5);
  std::size_t start = 0;
  while (start <= alternatives.size()) {
    const std::size_t bar = std::min(alternatives.find('|', start), alternatives.size());
    const std::string token = alternatives.substr(start, bar - start);
    const std::size_t bracket = token.find('[');
    if (bracket == std::string::npos) {
      prefixes.push_back(token);
    } else {
      const std::size_t end = token.find(']', bracket);
      for (std::size_t i = bracket + 1; i < end; ++i) {
        prefixes.push_back(token.substr(0, bracket) + token[i] + token.substr(end + 1));
      }
    }
    start = bar + 1;
  }
  for (const std::string& prefix : prefixes) {
    Json record = Json::parse(kBase);
    record["id"] = prefix + "-2024-1";
    EXPECT_TRUE(official_valid(*schema, record)) << prefix;
    const std::vector<Diagnostic> diagnostics = validate_osv(record, "p.json");
    EXPECT_EQ(errors_in(diagnostics), 0U) << prefix << "\n" << describe(diagnostics);
  }
  EXPECT_GE(prefixes.size(), 50U);
}

// ----- real databases: the same verdict as the official schema ----------------------------------

class OsvRealRecordsAgreementTest : public ::testing::TestWithParam<const char*> {};

TEST_P(OsvRealRecordsAgreementTest, VerdictMatchesTheOfficialSchema) {
  ASSAY_OFFICIAL_SCHEMA_OR_SKIP(schema);
  const std::string folder = GetParam();
  const bool yaml = folder.find("pypa") != std::string::npos;
  const std::vector<fs::path> files = testing::shared_files(folder, yaml ? ".yaml" : ".json");
  ASSERT_FALSE(files.empty());
  ASSAY_SKIP_IF_MISSING_FILE(files.front());
  std::size_t records = 0;
  std::size_t official_invalid = 0;
  std::size_t semantic_only = 0;
  std::map<std::string, std::size_t> semantic_by_code;
  std::size_t reported = 0;
  for (const fs::path& path : files) {
    const std::string text = testing::read_text(path);
    const std::string name = path.filename().string();
    const Result<Json> record =
        yaml ? internal::osv_yaml_to_json(text, name, InputLimits{}) : json::parse(text, name);
    ASSERT_TRUE(record.has_value()) << record.error().to_string();
    ++records;
    const std::vector<Diagnostic> diagnostics = validate_osv(*record, name);
    std::string problems;
    const bool official = official_valid(*schema, *record, &problems);
    const bool assay = errors_in(diagnostics) == 0;
    bool only_semantic = true;
    for (const Diagnostic& diagnostic : diagnostics) {
      if (diagnostic.severity == Severity::kError) {
        only_semantic = only_semantic && semantic_codes().count(diagnostic.code) == 1;
        if (semantic_codes().count(diagnostic.code) == 1) {
          semantic_by_code[diagnostic.code]++;
        }
      }
    }
    official_invalid += official ? 0 : 1;
    // Assay rejects everything the schema rejects; it rejects more only by its semantic rules.
    const bool agrees = official ? (assay || only_semantic) : !assay;
    semantic_only += (official && !assay) ? 1 : 0;
    if (!agrees && reported++ < 10) {
      ADD_FAILURE() << path << ": official " << (official ? "valid" : "invalid") << ", Assay "
                    << (assay ? "valid" : "invalid") << "\n"
                    << problems << describe(diagnostics);
    }
    // Every error the reader reports is an error of validation too.
    const Result<Parsed<model::Advisory>> parsed =
        yaml ? read_osv_yaml(text, name) : read_osv_json(text, name);
    if (parsed.has_value() && errors_in(parsed->diagnostics) > 0 && assay && reported++ < 10) {
      ADD_FAILURE() << path << ": the reader reports errors that validation does not\n"
                    << describe(parsed->diagnostics);
    }
  }
  EXPECT_EQ(reported, 0U);
  std::string semantic;
  for (const auto& [code, count] : semantic_by_code) {
    semantic += code + "=" + std::to_string(count) + " ";
  }
  std::cout << folder << ": " << records << " records, " << official_invalid
            << " invalid by the official schema, " << semantic_only
            << " valid by the schema but failing a semantic rule (" << semantic << ")\n";
  EXPECT_GT(records, 1000U);
}

INSTANTIATE_TEST_SUITE_P(Databases, OsvRealRecordsAgreementTest,
                         ::testing::Values("golang-vulndb/data/osv",
                                           "pypa-advisory-database/vulns"),
                         [](const ::testing::TestParamInfo<const char*>& param_info) {
                           return testing::sanitize_test_name(param_info.param);
                         });

}  // namespace
}  // namespace assay::formats
