// The SPDX conformance files and every real SBOM in the shared data, run as they are: SPDX
// spec examples and the spdx-tools valid/invalid documents get their expected verdicts; every
// real SBOM (CycloneDX bom-examples, spdx-examples, osv-scalibr and osv-scanner fixtures) reads,
// validates as expected, converts to CycloneDX 1.6 that validates and reads back with the same
// components. Counts are printed for the report.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/cyclonedx.h"
#include "assay/formats/sbom.h"
#include "assay/formats/schema.h"
#include "assay/formats/spdx.h"

#include "testing.h"

namespace assay::formats {
namespace {

namespace fs = std::filesystem;

std::string all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) {
    out += "\n    " + diagnostic.to_string();
  }
  return out;
}

enum class Expect { kValid, kInvalid, kUnsupported };

std::string_view to_string(Expect expect) {
  switch (expect) {
    case Expect::kValid:
      return "valid";
    case Expect::kInvalid:
      return "invalid";
    case Expect::kUnsupported:
      return "unsupported";
  }
  return "?";
}

Expect verdict_of(const std::string& text, const std::string& name) {
  const Result<ValidationReport> report = validate_sbom(text, name);
  if (!report) {
    return report.error().code == ErrorCode::kUnsupported ? Expect::kUnsupported : Expect::kInvalid;
  }
  return report->valid() ? Expect::kValid : Expect::kInvalid;
}

// Expected verdicts of the SPDX tool suites' files, by file name; everything else in those
// folders is expected valid (SPDX RDF, XML and YAML renderings: unsupported).
Expect expected_spdx(const fs::path& path) {
  const std::string name = path.filename().string();
  const std::string text = path.string();
  static const std::map<std::string, Expect> kByName = {
      // spdx-tools-java: a 2.2 document with 2.3-only fields; an unknown version; bad fields.
      {"SPDXJSONExample-wrongversion.spdx.json", Expect::kInvalid},
      {"SPDXWrongVersion.spdx.json", Expect::kInvalid},
      {"BadJSON.spdx.json", Expect::kInvalid},
      // spdx-tools-python's tag-value writer fixture: placeholder values ("spdxVersion" as the
      // version, "filesha1" as a digest, a snippet without a name), not a valid document.
      {"expected_tag_value.spdx", Expect::kInvalid},
      // spdx-tools-python: UTF-16 input, which SPDX JSON/tag-value do not allow (UTF-8 only).
      {"SPDXJSONExample-UTF-16.spdx.json", Expect::kUnsupported},
      {"SPDXTagExample-UTF-16.spdx", Expect::kUnsupported},
  };
  const auto found = kByName.find(name);
  if (found != kByName.end()) {
    return found->second;
  }
  const std::string extension = path.extension().string();
  if (extension == ".rdf" || extension == ".xml" || extension == ".yaml" || extension == ".yml" ||
      extension == ".owl" || name.find(".rdf.") != std::string::npos) {
    return Expect::kUnsupported;
  }
  if (text.find("/invalid") != std::string::npos) {
    return Expect::kInvalid;
  }
  return Expect::kValid;
}

// Reviewed exceptions where Assay's verdict deliberately differs from the suite's (see
// docs/formats/spdx.md): file name -> reason.
const std::map<std::string, std::string>& spdx_exceptions() {
  static const std::map<std::string, std::string> kExceptions = {
      {"double.jsonld",
       "spdx-tools-java's JSON-LD round-trip fixture is not an SPDX document (no @context); "
       "Assay refuses it as not an SBOM"},
  };
  return kExceptions;
}

void run_suite(const std::string& label, const fs::path& root) {
  int total = 0;
  int ok = 0;
  std::map<Expect, int> by_expectation;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string name = entry.path().filename().string();
    const std::string extension = entry.path().extension().string();
    if (name == "SOURCE.txt" || name == "LICENSE" || name == "PROVENANCE.txt" ||
        name.find("schema") != std::string::npos || extension == ".md" || extension == ".sha256" ||
        name == "shas" || extension == ".py" || extension == ".java" || extension == ".txt") {
      continue;
    }
    const std::string text = testing::read_text(entry.path());
    if (text.find("spdx") == std::string::npos && text.find("SPDX") == std::string::npos) {
      continue;  // not an SPDX document (e.g. a licence text)
    }
    ++total;
    const Expect expected = expected_spdx(entry.path());
    const Expect actual = verdict_of(text, name);
    const auto exception = spdx_exceptions().find(name);
    if (exception != spdx_exceptions().end()) {
      ++ok;
      continue;
    }
    ++by_expectation[expected];
    if (actual == expected) {
      ++ok;
      continue;
    }
    std::string detail;
    const Result<ValidationReport> report = validate_sbom(text, name);
    detail = report ? all(report->diagnostics) : report.error().to_string();
    ADD_FAILURE() << entry.path().string() << ": expected " << to_string(expected) << ", got "
                  << to_string(actual) << detail;
  }
  std::printf(
      "%-22s %d/%d files get their expected verdict (valid %d, invalid %d, "
      "unsupported serialisation %d)\n",
      label.c_str(), ok, total, by_expectation[Expect::kValid], by_expectation[Expect::kInvalid],
      by_expectation[Expect::kUnsupported]);
  EXPECT_GT(total, 0);
}

TEST(SpdxConformanceTest, SpecExamplesGetTheirVerdicts) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "spdx-spec");
  run_suite("spdx-spec", root);
}

TEST(SpdxConformanceTest, SpdxToolsPythonFilesGetTheirVerdicts) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "spdx-tools-python");
  run_suite("spdx-tools-python", root);
}

TEST(SpdxConformanceTest, SpdxToolsJavaFilesGetTheirVerdicts) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "spdx-tools-java");
  run_suite("spdx-tools-java", root);
}

// The structural rules in code agree with the official SPDX 2.2/2.3 JSON schemas (run here with
// valijson from the shared data) on every SPDX 2 JSON document of the suites.
TEST(SpdxConformanceTest, CodeRulesAgreeWithTheOfficialSchemas) {
  ASSAY_SHARED_DATA_OR_SKIP(spec, "spdx-spec");
  std::map<std::string, std::shared_ptr<const JsonSchema>> schemas;
  for (const auto& [version, path] :
       {std::pair<std::string, std::string>{"2.2", "v2.2.2/schemas/spdx-schema.json"},
        {"2.3", "v2.3.1/schemas/spdx-schema.json"}}) {
    const std::string text = testing::read_text(spec / path);
    Result<std::shared_ptr<const JsonSchema>> schema = JsonSchema::compile(text, path);
    ASSERT_TRUE(schema.has_value()) << schema.error().to_string();
    EXPECT_TRUE((*schema)->ignored_keywords().empty());
    schemas[version] = *schema;
  }
  // Deliberate differences (docs/formats/spdx.md): the schemas omit relationship types the 2.3
  // specification defines (DESCENDANT_OF, EXPANDED_FROM_ARCHIVE, DEV_TOOL_OF, EXAMPLE_OF), and
  // Assay also checks semantics the schemas cannot (SPDXID form, dates, purls, references).
  int compared = 0;
  int agreed = 0;
  for (const std::string suite :
       {"spdx-spec", "spdx-tools-python", "spdx-tools-java", "spdx-examples",
        "osv-scalibr-extractors", "osv-scanner-fixtures"}) {
    const fs::path root = testing::shared_data(suite);
    if (root.empty()) {
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".json") {
        continue;
      }
      const std::string text = testing::read_text(entry.path());
      const Result<DetectedFormat> detected = detect_sbom_format(text, "x");
      if (!detected || detected->format != model::SbomFormat::kSpdxJson) {
        continue;
      }
      const Result<json::Json> document = json::parse(text, "x");
      if (!document) {
        continue;
      }
      const std::string version = document->value("spdxVersion", "");
      const auto schema = schemas.find(version.substr(version.rfind('-') + 1));
      if (schema == schemas.end()) {
        continue;
      }
      DiagnosticSink schema_sink;
      const bool schema_valid = schema->second->validate(*document, "x", schema_sink);
      DiagnosticSink rules_sink;
      const Result<Parsed<model::Sbom>> parsed = validate_spdx_json(text, "x");
      ASSERT_TRUE(parsed.has_value());
      bool rules_valid = true;
      std::string rules_errors;
      for (const Diagnostic& diagnostic : parsed->diagnostics) {
        if (diagnostic.code == "SPDX-SCHEMA") {
          rules_valid = false;
          rules_errors += "\n    " + diagnostic.to_string();
        }
      }
      const bool descendant = text.find("DESCENDANT_OF") != std::string::npos ||
                              text.find("EXPANDED_FROM_ARCHIVE") != std::string::npos;
      ++compared;
      if (schema_valid == rules_valid || (descendant && !schema_valid && rules_valid)) {
        ++agreed;
        continue;
      }
      ADD_FAILURE() << entry.path().string() << ": official schema says "
                    << (schema_valid ? "valid" : "invalid") << all(schema_sink.take())
                    << "\n  Assay's rules say " << (rules_valid ? "valid" : "invalid")
                    << rules_errors;
    }
  }
  std::printf("spdx schema agreement  %d/%d SPDX 2 JSON documents\n", agreed, compared);
  EXPECT_GT(compared, 10);
}

// ----- real SBOMs -----------------------------------------------------------------------------

struct RealOutcome {
  int files = 0;
  int read = 0;
  int valid = 0;
  int round_trips = 0;
  std::size_t components = 0;
};

// Every file an SBOM reader should take: reads without a fatal error, and its CycloneDX 1.6
// conversion validates and reads back with the same component identities.
void check_real_sbom(const fs::path& path, RealOutcome& outcome,
                     const std::set<std::string>& expected_invalid) {
  const std::string text = testing::read_text(path);
  const std::string name = path.filename().string();
  const Result<DetectedFormat> detected = detect_sbom_format(text, name);
  if (!detected) {
    return;  // not an SBOM Assay reads (RDF, YAML, random test files); checked elsewhere
  }
  ++outcome.files;
  const Result<ValidationReport> report = validate_sbom(text, path.string());
  ASSERT_TRUE(report.has_value()) << path << ": " << report.error().to_string();
  if (!report->readable) {
    EXPECT_TRUE(expected_invalid.count(name) > 0) << path << all(report->diagnostics);
    return;
  }
  ++outcome.read;
  outcome.components += report->sbom.components.size();
  if (report->valid()) {
    ++outcome.valid;
    EXPECT_EQ(expected_invalid.count(name), 0U) << path << " is now valid";
  } else {
    EXPECT_TRUE(expected_invalid.count(name) > 0) << path << all(report->diagnostics);
  }
  const std::string converted = write_cyclonedx_json(report->sbom);
  const Result<ValidationReport> again = validate_sbom(converted, name + ".cdx16.json");
  ASSERT_TRUE(again.has_value()) << path << ": " << again.error().to_string();
  std::string schema_errors;
  for (const Diagnostic& diagnostic : again->diagnostics) {
    if (diagnostic.code == "CDX-SCHEMA") {
      schema_errors += "\n    " + diagnostic.to_string();
    }
  }
  EXPECT_TRUE(schema_errors.empty()) << path << ": conversion does not validate" << schema_errors;
  ASSERT_EQ(again->sbom.components.size(), report->sbom.components.size()) << path;
  // Same identities (purl, CPE or name@version) in the same numbers; refs too, except that
  // the writer renames a repeated bom-ref so that the output is valid.
  std::multiset<std::string> before;
  std::multiset<std::string> after;
  std::set<std::string> refs_before;
  std::set<std::string> refs_after;
  for (const model::Component& component : report->sbom.components) {
    before.insert(component.identity());
    refs_before.insert(component.ref);
  }
  for (const model::Component& component : again->sbom.components) {
    after.insert(component.identity());
    refs_after.insert(component.ref);
  }
  for (const std::string& ref : refs_before) {
    EXPECT_EQ(refs_after.count(ref), 1U) << path << ": ref " << ref << " lost";
  }
  EXPECT_EQ(before, after) << path;
  if (schema_errors.empty() && before == after) {
    ++outcome.round_trips;
  }
}

void run_real(const std::string& label, const std::string& relative,
              const std::set<std::string>& expected_invalid) {
  const fs::path root = testing::shared_data(relative);
  if (root.empty()) {
    if (testing::is_ci()) {
      FAIL() << "shared data missing under CI: " << relative;
    }
    GTEST_SKIP() << "shared data missing: " << relative;
  }
  RealOutcome outcome;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      check_real_sbom(entry.path(), outcome, expected_invalid);
    }
  }
  std::printf(
      "%-24s %d SBOMs: %d read, %d valid, %d round-trip through CycloneDX 1.6; %zu "
      "components\n",
      label.c_str(), outcome.files, outcome.read, outcome.valid, outcome.round_trips,
      outcome.components);
  EXPECT_GT(outcome.files, 0);
}

TEST(RealSbomTest, CycloneDxBomExamples) {
  run_real("cyclonedx-bom-examples", "cyclonedx-bom-examples", {});
}

TEST(RealSbomTest, SpdxExamples) {
  run_real("spdx-examples", "spdx-examples", {});
}

// The extractor fixtures are minimal documents, and nine of them break their format's rules;
// @cyclonedx/cyclonedx-library's JSON validator agrees on the three CycloneDX JSON ones.
TEST(RealSbomTest, OsvScalibrExtractorTestdata) {
  run_real("osv-scalibr sbom", "osv-scalibr-extractors",
           {
               "tag-value-format.spdx",        // no Creator, no DocumentNamespace
               "json-format.spdx.json",        // creationInfo.creators is null
               "doc.cyclonedx.json",           // metadata.component.type is ""
               "doc.cyclonedx.xml",            // the same in XML
               "minimal.spdx.json",            // DESCRIBES packages that are not in the document
               "external_refs.spdx.json",      // a package without downloadLocation
               "sbom.bom.xml",                 // a CPE 2.3 with 5 of its 13 fields
               "sbom.cdx.xml",                 // the same
               "sbom-with-locations.cdx.json"  // evidence.occurrences in a 1.4 BOM (1.5+)
           });
}

TEST(RealSbomTest, OsvScannerSbomInsecureFixtures) {
  run_real("osv-scanner sbom-insecure",
           "osv-scanner-fixtures/cmd/osv-scanner/scan/source/testdata/sbom-insecure",
           {
               "alpine-zlib-16.cdx.json",  // metadata.component.type is not a CycloneDX type
               "with-duplicates.cdx.xml",  // repeated bom-refs (the XSD's key constraint)
               "bad-purls.cdx.xml"         // purls like "pkg:pypi/" (kept, reported)
           });
}

// Component counts of a few real SBOMs, checked against the documents by hand.
struct CountCase {
  std::string path;
  std::size_t components;
};

class RealSbomCountTest : public ::testing::TestWithParam<CountCase> {};

TEST_P(RealSbomCountTest, ReadsEveryComponent) {
  const fs::path path = testing::shared_data(GetParam().path);
  ASSAY_SKIP_IF_MISSING_FILE(path.empty() ? fs::path("<missing:" + GetParam().path + ">") : path);
  const Result<Parsed<model::Sbom>> parsed = read_sbom(testing::read_text(path), GetParam().path);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  EXPECT_EQ(parsed->value.components.size(), GetParam().components);
}

INSTANTIATE_TEST_SUITE_P(
    Files, RealSbomCountTest,
    ::testing::Values(
        CountCase{"cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.json", 168},
        CountCase{"cyclonedx-bom-examples/SBOM/dropwizard-1.3.15/bom.xml", 168},
        CountCase{"cyclonedx-bom-examples/SBOM/keycloak-10.0.2/bom.json", 904},
        CountCase{"spdx-spec/v2.3.1/examples/SPDXJSONExample-v2.3.spdx.json", 9},
        CountCase{"spdx-spec/v2.3.1/examples/SPDXTagExample-v2.3.spdx", 9},
        CountCase{"spdx-examples/software/example8/spdx3.0/examplemaven-0.0.1.spdx3.json", 9}),
    [](const ::testing::TestParamInfo<CountCase>& param) {
      return testing::sanitize_test_name(param.param.path);
    });

// Every component of an SPDX 2.x rendering is in the 3.0 rendering of the same scenario (by
// name and version), except where the 3.0 rendering models the scenario differently (reviewed
// below).
TEST(RealSbomTest, Spdx2And3RenderingsAgreeOnComponents) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "spdx-examples/software");
  // 3.0 file -> why its components differ from the 2.x rendering.
  const std::map<std::string, std::string> differences = {
      {"example7-golang.spdx3.json",
       "the 3.0 rendering names the archive go1.16.4.linux-amd64.tar.gz and has no separate "
       "\"go\" package"},
      {"example7-third-party-modules.spdx3.json",
       "rsc.io/sampler is only imported (ExternalMap) in the 3.0 rendering, not described"},
  };
  int compared = 0;
  for (const auto& example : fs::directory_iterator(root)) {
    std::map<std::string, std::vector<fs::path>> by_version;
    for (const std::string version : {"spdx2.2", "spdx2.3", "spdx3.0"}) {
      const fs::path folder = example.path() / version;
      if (!fs::exists(folder)) {
        continue;
      }
      for (const auto& file : fs::directory_iterator(folder)) {
        const std::string extension = file.path().extension().string();
        if (extension == ".json" || extension == ".spdx") {
          by_version[version == "spdx3.0" ? "3" : "2"].push_back(file.path());
        }
      }
    }
    for (const fs::path& two : by_version["2"]) {
      const std::string stem = two.filename().string().substr(0, two.filename().string().find('.'));
      for (const fs::path& three : by_version["3"]) {
        if (three.filename().string().substr(0, three.filename().string().find('.')) != stem) {
          continue;
        }
        const Result<Parsed<model::Sbom>> a = read_sbom(testing::read_text(two), two.string());
        const Result<Parsed<model::Sbom>> b = read_sbom(testing::read_text(three), three.string());
        ASSERT_TRUE(a.has_value()) << two;
        ASSERT_TRUE(b.has_value()) << three;
        std::multiset<std::string> names_two;
        std::multiset<std::string> names_three;
        for (const model::Component& component : a->value.components) {
          names_two.insert(component.name + "@" + component.version);
        }
        for (const model::Component& component : b->value.components) {
          names_three.insert(component.name + "@" + component.version);
        }
        // The 3.0 renderings add elements (built files, archives); every 2.x component must be
        // there too.
        std::vector<std::string> lost;
        std::set_difference(names_two.begin(), names_two.end(), names_three.begin(),
                            names_three.end(), std::back_inserter(lost));
        if (differences.count(three.filename().string()) > 0) {
          EXPECT_FALSE(lost.empty()) << three << " now agrees; remove it from the list";
        } else {
          EXPECT_TRUE(lost.empty())
              << two << " vs " << three << ": missing in 3.0: " << ::testing::PrintToString(lost);
        }
        ++compared;
      }
    }
  }
  std::printf("spdx-examples 2.x vs 3.0 %d renderings compared (%zu reviewed differences)\n",
              compared, differences.size());
  EXPECT_GT(compared, 5);
}

}  // namespace
}  // namespace assay::formats
