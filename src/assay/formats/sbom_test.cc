// Unit tests of the SBOM readers, validation, semantic checks, writer and quality profiles on
// small documents written here, so that every behaviour and message is pinned down.
#include "assay/formats/sbom.h"

#include <cstdint>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/cyclonedx.h"
#include "assay/formats/detect.h"
#include "assay/formats/quality.h"
#include "assay/formats/schema.h"
#include "assay/formats/spdx.h"

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::HasSubstr;

bool has_code(const std::vector<Diagnostic>& diagnostics, std::string_view code,
              Severity severity = Severity::kError) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == code && diagnostic.severity == severity) {
      return true;
    }
  }
  return false;
}

const Diagnostic* find_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == code) {
      return &diagnostic;
    }
  }
  return nullptr;
}

std::string all(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const Diagnostic& diagnostic : diagnostics) {
    out += diagnostic.to_string() + "\n";
  }
  return out;
}

constexpr std::string_view kBom = R"({
  "bomFormat": "CycloneDX",
  "specVersion": "1.6",
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "version": 1,
  "metadata": {
    "timestamp": "2025-05-07T10:00:00Z",
    "lifecycles": [{"phase": "build"}],
    "authors": [{"name": "Jane Vendor", "email": "jane@vendor.example"}],
    "tools": {"components": [{"type": "application", "name": "gen", "version": "2.0"}]},
    "component": {"type": "application", "bom-ref": "app", "name": "council-portal",
                  "version": "4.1.0", "supplier": {"name": "Vendor Ltd"}}
  },
  "components": [
    {"type": "library", "bom-ref": "lib-a", "name": "left-pad", "version": "1.3.0",
     "purl": "pkg:npm/left-pad@1.3.0", "supplier": {"name": "npm"},
     "hashes": [{"alg": "SHA-256",
                 "content": "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"}],
     "licenses": [{"license": {"id": "MIT"}}],
     "components": [
       {"type": "library", "bom-ref": "lib-a-inner", "name": "inner", "version": "0.1",
        "purl": "pkg:npm/inner@0.1"}
     ]},
    {"type": "library", "bom-ref": "lib-b", "name": "b", "version": "2.0",
     "purl": "pkg:pypi/b@2.0", "licenses": [{"expression": "MIT OR Apache-2.0"}]}
  ],
  "dependencies": [
    {"ref": "app", "dependsOn": ["lib-a"]},
    {"ref": "lib-a", "dependsOn": ["lib-b"]},
    {"ref": "lib-b"}
  ]
})";

// ----- detection ------------------------------------------------------------------------------

struct DetectCase {
  std::string name;
  std::string text;
  bool ok;
  model::SbomFormat format;
  std::string version;
  ErrorCode code;
};

class DetectTest : public ::testing::TestWithParam<DetectCase> {};

TEST_P(DetectTest, FindsTheFormatFromContent) {
  const DetectCase& param = GetParam();
  const Result<DetectedFormat> detected = detect_sbom_format(param.text, "x");
  ASSERT_EQ(detected.has_value(), param.ok) << (detected ? "" : detected.error().to_string());
  if (param.ok) {
    EXPECT_EQ(detected->format, param.format);
    EXPECT_EQ(detected->spec_version, param.version);
  } else {
    EXPECT_EQ(detected.error().code, param.code);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, DetectTest,
    ::testing::Values(
        DetectCase{"CycloneDxJson",
                   R"({"bomFormat":"CycloneDX","specVersion":"1.5"})",
                   true,
                   model::SbomFormat::kCycloneDxJson,
                   "1.5",
                   {}},
        DetectCase{"CycloneDxXml",
                   "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.4\"/>",
                   true,
                   model::SbomFormat::kCycloneDxXml,
                   "1.4",
                   {}},
        DetectCase{"SpdxJson",
                   "\xEF\xBB\xBF {\"spdxVersion\": \"SPDX-2.3\"}",
                   true,
                   model::SbomFormat::kSpdxJson,
                   "2.3",
                   {}},
        DetectCase{"SpdxTagValue",
                   "# comment\n\nSPDXVersion: SPDX-2.2\nDataLicense: CC0-1.0\n",
                   true,
                   model::SbomFormat::kSpdxTagValue,
                   "2.2",
                   {}},
        DetectCase{"Spdx3",
                   R"({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[]})",
                   true,
                   model::SbomFormat::kSpdx3JsonLd,
                   "3.0.1",
                   {}},
        DetectCase{"Utf16IsUnsupported",
                   std::string("\xFF\xFE{\0", 4),
                   false,
                   {},
                   "",
                   ErrorCode::kUnsupported},
        DetectCase{"SpdxRdfIsUnsupported",
                   "<rdf:RDF xmlns:spdx=\"http://spdx.org/rdf/terms#\"></rdf:RDF>",
                   false,
                   {},
                   "",
                   ErrorCode::kUnsupported},
        DetectCase{
            "YamlIsUnsupported", "spdxVersion: SPDX-2.3\n", false, {}, "", ErrorCode::kUnsupported},
        DetectCase{"OtherJsonIsInvalid",
                   R"({"name": "not an sbom"})",
                   false,
                   {},
                   "",
                   ErrorCode::kInvalidInput},
        DetectCase{"EmptyIsInvalid", "  \n", false, {}, "", ErrorCode::kInvalidInput}),
    [](const ::testing::TestParamInfo<DetectCase>& param) { return param.param.name; });

// ----- CycloneDX JSON reader ------------------------------------------------------------------

TEST(CycloneDxJsonReadTest, ReadsComponentsNestingSubjectAndGraph) {
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(kBom, "bom.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const model::Sbom& sbom = parsed->value;
  EXPECT_FALSE(parsed->has_errors()) << all(parsed->diagnostics);
  EXPECT_EQ(sbom.metadata.spec_version, "1.6");
  EXPECT_EQ(sbom.metadata.subject_ref, "app");
  ASSERT_EQ(sbom.components.size(), 4U);  // subject, lib-a, nested inner, lib-b
  const auto inner = sbom.find("lib-a-inner");
  ASSERT_TRUE(inner.has_value());
  EXPECT_EQ(sbom.components[*inner].parent_ref, "lib-a");
  EXPECT_EQ(sbom.components[*inner].source_location, "#/components/0/components/0");
  const model::Component& left_pad = sbom.components[*sbom.find("lib-a")];
  EXPECT_EQ(left_pad.purl_canonical, "pkg:npm/left-pad@1.3.0");
  ASSERT_EQ(left_pad.hashes.size(), 1U);
  EXPECT_EQ(left_pad.hashes[0].algorithm, "SHA-256");
  EXPECT_EQ(left_pad.hashes[0].value,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sbom.components[*sbom.find("lib-b")].licenses[0].kind,
            model::License::Kind::kExpression);
  EXPECT_EQ(sbom.metadata.tools.size(), 1U);
  EXPECT_EQ(sbom.metadata.lifecycles, std::vector<std::string>{"build"});
  const std::vector<model::DependencyInfo> info = model::dependency_info(sbom);
  EXPECT_EQ(info[*sbom.find("lib-a")].depth, 1U);
  EXPECT_EQ(info[*sbom.find("lib-b")].depth, 2U);
}

TEST(CycloneDxJsonReadTest, KeepsComponentWithInvalidPurlAndSaysWhy) {
  const std::string text = R"({"bomFormat":"CycloneDX","specVersion":"1.5","components":[
      {"type":"library","name":"x","version":"1","purl":"npm/x@1"}]})";
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(text, "bad.json");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->value.components.size(), 1U);
  EXPECT_EQ(parsed->value.components[0].purl, "npm/x@1");
  EXPECT_TRUE(parsed->value.components[0].purl_canonical.empty());
  const Diagnostic* diagnostic = find_code(parsed->diagnostics, "SBOM-PURL-INVALID");
  ASSERT_NE(diagnostic, nullptr) << all(parsed->diagnostics);
  EXPECT_EQ(diagnostic->location, "bad.json#/components/0/purl");
  EXPECT_THAT(diagnostic->message, HasSubstr("component is kept"));
}

TEST(CycloneDxJsonReadTest, WarnsAboutPurlWithoutVersionButKeepsTheComponent) {
  const std::string text = R"({"bomFormat":"CycloneDX","specVersion":"1.5","components":[
      {"type":"library","name":"x","purl":"pkg:npm/x"}]})";
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(text, "v.json");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_EQ(parsed->value.components.size(), 1U);
  EXPECT_TRUE(has_code(parsed->diagnostics, "SBOM-PURL-NO-VERSION", Severity::kWarning))
      << all(parsed->diagnostics);
}

TEST(CycloneDxJsonReadTest, GivesComponentsWithoutRefASyntheticRef) {
  const std::string text =
      R"({"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"type":"library","name":"a"},{"type":"library","name":"b"}]})";
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(text, "r.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->value.components[0].ref, "assay:component/1");
  EXPECT_EQ(parsed->value.components[1].ref, "assay:component/2");
}

TEST(CycloneDxJsonReadTest, SkipsMemberOfWrongTypeWithWarning) {
  const std::string text =
      R"({"bomFormat":"CycloneDX","specVersion":"1.4","components":[{"type":"library","name":7}]})";
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(text, "t.json");
  ASSERT_TRUE(parsed.has_value());
  const Diagnostic* diagnostic = find_code(parsed->diagnostics, "CDX-TYPE");
  ASSERT_NE(diagnostic, nullptr);
  EXPECT_EQ(diagnostic->location, "t.json#/components/0/name");
  EXPECT_EQ(parsed->value.components.size(), 1U);
}

struct RefusalCase {
  std::string name;
  std::string text;
  std::string message;
  std::string location;
  std::uint64_t max_items = 3;  // the deep case needs room for one element per level
};

class CycloneDxJsonRefusalTest : public ::testing::TestWithParam<RefusalCase> {};

TEST_P(CycloneDxJsonRefusalTest, RefusesWithPlaceAndReason) {
  InputLimits limits;
  limits.max_depth = 8;
  limits.max_items = GetParam().max_items;
  limits.max_bytes = 4096;
  const Result<Parsed<model::Sbom>> parsed =
      read_cyclonedx_json(GetParam().text, "in.json", limits);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(parsed.error().message, HasSubstr(GetParam().message));
  EXPECT_THAT(parsed.error().location, HasSubstr(GetParam().location));
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, CycloneDxJsonRefusalTest,
    ::testing::Values(
        RefusalCase{"MalformedJson", "{\"bomFormat\": \"CycloneDX\",\n \"components\": [1,}",
                    "malformed JSON", "in.json:"},
        RefusalCase{"InvalidUtf8", "{\"bomFormat\": \"Cyclone\xC3\x28\"}", "invalid UTF-8 at byte",
                    "in.json:1:"},
        RefusalCase{"NotCycloneDx", R"({"bomFormat": "SPDX"})", "not \"CycloneDX\"",
                    "in.json#/bomFormat"},
        RefusalCase{"NoBomFormat", R"({"specVersion": "1.5"})", "\"bomFormat\": \"CycloneDX\"",
                    "in.json#"},
        RefusalCase{"NotAnObject", "[1, 2]", "must be a JSON object", "in.json"},
        RefusalCase{
            "TooManyItems",
            R"({"bomFormat":"CycloneDX","components":[{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]})",
            "more than 3 array elements", "in.json#/components"},
        RefusalCase{
            "TooDeep",
            R"({"bomFormat":"CycloneDX","components":[{"components":[{"components":[{"components":[{"components":[{"components":[{"components":[{"components":[{"components":[{}]}]}]}]}]}]}]}]}]})",
            "nested more than 8", "in.json#/components", 100},
        RefusalCase{"TooLarge", std::string(5000, ' '), "over the limit of 4096 bytes", "in.json"}),
    [](const ::testing::TestParamInfo<RefusalCase>& param) { return param.param.name; });

// ----- validation -----------------------------------------------------------------------------

TEST(CycloneDxValidateTest, AcceptsAValidBom) {
  const Result<ValidationReport> report = validate_sbom(kBom, "bom.json");
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->valid()) << all(report->diagnostics);
  EXPECT_EQ(report->detected.format, model::SbomFormat::kCycloneDxJson);
}

TEST(CycloneDxValidateTest, ReportsSchemaViolationsWithJsonPointers) {
  std::string text(kBom);
  text.replace(text.find("\"type\": \"library\", \"bom-ref\": \"lib-b\""), 17,
               "\"type\": \"libary\"");
  const Result<ValidationReport> report = validate_sbom(text, "bom.json");
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->valid());
  const Diagnostic* diagnostic = find_code(report->diagnostics, "CDX-SCHEMA");
  ASSERT_NE(diagnostic, nullptr) << all(report->diagnostics);
  EXPECT_EQ(diagnostic->location, "bom.json#/components/1/type");
}

TEST(CycloneDxValidateTest, FindsDuplicateAndDanglingRefs) {
  const std::string text = R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
    "components":[{"type":"library","bom-ref":"a","name":"a"},
                  {"type":"library","bom-ref":"a","name":"a2"}],
    "dependencies":[{"ref":"a","dependsOn":["missing"]}]})";
  const Result<ValidationReport> report = validate_sbom(text, "refs.json");
  ASSERT_TRUE(report.has_value());
  const Diagnostic* duplicate = find_code(report->diagnostics, "SBOM-DUPLICATE-REF");
  ASSERT_NE(duplicate, nullptr) << all(report->diagnostics);
  EXPECT_EQ(duplicate->location, "refs.json#/components/1");
  EXPECT_THAT(duplicate->message, HasSubstr("refs.json#/components/0"));
  const Diagnostic* dangling = find_code(report->diagnostics, "SBOM-DANGLING-REF");
  ASSERT_NE(dangling, nullptr);
  EXPECT_EQ(dangling->location, "refs.json#/dependencies/0");
  EXPECT_THAT(dangling->message, HasSubstr("\"missing\""));
}

TEST(CycloneDxValidateTest, FindsHashOfWrongLengthForItsAlgorithm) {
  const std::string text = R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
    "components":[{"type":"library","name":"a","hashes":[{"alg":"SHA-512",
      "content":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}]}]})";
  const Result<ValidationReport> report = validate_sbom(text, "h.json");
  ASSERT_TRUE(report.has_value());
  const Diagnostic* diagnostic = find_code(report->diagnostics, "SBOM-HASH-INVALID");
  ASSERT_NE(diagnostic, nullptr) << all(report->diagnostics);
  EXPECT_THAT(diagnostic->message, HasSubstr("has 64 hex digits, but SHA-512 digests have 128"));
}

TEST(CycloneDxValidateTest, FindsRepeatedArrayEntriesWithoutQuadraticCost) {
  std::string components;
  for (int index = 0; index < 3000; ++index) {
    components += R"({"type":"library","name":"c)" + std::to_string(index) + R"("},)";
  }
  components += R"({"type":"library","name":"c7"})";
  const std::string text =
      R"({"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[)" + components +
      "]}";
  const Result<ValidationReport> report = validate_sbom(text, "u.json");
  ASSERT_TRUE(report.has_value());
  bool found = false;
  for (const Diagnostic& diagnostic : report->diagnostics) {
    if (diagnostic.code == "CDX-SCHEMA" &&
        diagnostic.message.find("items 7 and 3000 are identical") != std::string::npos) {
      found = true;
      EXPECT_EQ(diagnostic.location, "u.json#/components");
    }
  }
  EXPECT_TRUE(found) << all(report->diagnostics);
}

TEST(CycloneDxValidateTest, UnknownSpecVersionIsAnError) {
  const Result<ValidationReport> report =
      validate_sbom(R"({"bomFormat":"CycloneDX","specVersion":"9.9","version":1})", "v.json");
  ASSERT_FALSE(report.has_value());
  EXPECT_EQ(report.error().code, ErrorCode::kUnsupported);
  EXPECT_THAT(report.error().message, HasSubstr("\"9.9\""));
}

TEST(CycloneDxValidateTest, MalformedDocumentIsInvalidWithItsPosition) {
  const Result<ValidationReport> report =
      validate_sbom("{\"bomFormat\": \"CycloneDX\",\n\"specVersion\": }", "m.json");
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->valid());
  ASSERT_EQ(report->diagnostics.size(), 1U);
  EXPECT_EQ(report->diagnostics[0].code, "SBOM-MALFORMED");
  EXPECT_THAT(report->diagnostics[0].location, HasSubstr("m.json:2:"));
}

// ----- CycloneDX XML --------------------------------------------------------------------------

constexpr std::string_view kXmlBom = R"(<?xml version="1.0" encoding="UTF-8"?>
<bom xmlns="http://cyclonedx.org/schema/bom/1.6" version="1">
  <metadata>
    <timestamp>2025-05-07T10:00:00Z</timestamp>
    <component type="application" bom-ref="app"><name>portal</name><version>1</version></component>
  </metadata>
  <components>
    <component type="library" bom-ref="a">
      <name>a</name>
      <version>1.0</version>
      <hashes><hash alg="SHA-1">da39a3ee5e6b4b0d3255bfef95601890afd80709</hash></hashes>
      <purl>pkg:maven/org.example/a@1.0</purl>
    </component>
  </components>
  <dependencies>
    <dependency ref="app"><dependency ref="a"/></dependency>
  </dependencies>
</bom>
)";

TEST(CycloneDxXmlTest, ReadsAndValidatesAgainstTheXsd) {
  const Result<ValidationReport> report = validate_sbom(kXmlBom, "bom.xml");
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->valid()) << all(report->diagnostics);
  ASSERT_EQ(report->sbom.components.size(), 2U);
  EXPECT_EQ(report->sbom.components[1].purl_canonical, "pkg:maven/org.example/a@1.0");
  EXPECT_EQ(report->sbom.components[1].source_location, "line 8");
  EXPECT_EQ(report->sbom.relationships.size(), 1U);
}

TEST(CycloneDxXmlTest, XsdErrorsCarryLineNumbers) {
  std::string text(kXmlBom);
  text.replace(text.find("type=\"library\""), 14, "type=\"libary\"");
  const Result<ValidationReport> report = validate_sbom(text, "bad.xml");
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->valid());
  const Diagnostic* diagnostic = find_code(report->diagnostics, "CDX-XSD");
  ASSERT_NE(diagnostic, nullptr) << all(report->diagnostics);
  EXPECT_EQ(diagnostic->location, "bad.xml:8");
  EXPECT_THAT(diagnostic->message, HasSubstr("libary"));
}

TEST(CycloneDxXmlTest, RefusesDoctypeSoNoEntityCanExpand) {
  const std::string text =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;\">]>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"><components>"
      "<component type=\"library\"><name>&b;</name></component></components></bom>";
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_xml(text, "laugh.xml");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_THAT(parsed.error().message, HasSubstr("DOCTYPE"));
  EXPECT_THAT(parsed.error().location, HasSubstr("laugh.xml:2:"));
}

TEST(CycloneDxXmlTest, RefusesRootOutsideTheCycloneDxNamespace) {
  const Result<Parsed<model::Sbom>> parsed =
      read_cyclonedx_xml("<bom xmlns=\"urn:other\"/>", "ns.xml");
  ASSERT_FALSE(parsed.has_value());
  EXPECT_THAT(parsed.error().message, HasSubstr("http://cyclonedx.org/schema/bom/"));
}

// ----- SPDX -----------------------------------------------------------------------------------

constexpr std::string_view kTagValue = R"(SPDXVersion: SPDX-2.3
DataLicense: CC0-1.0
SPDXID: SPDXRef-DOCUMENT
DocumentName: portal
DocumentNamespace: https://vendor.example/spdx/portal-4.1.0
Creator: Organization: Vendor Ltd (sbom@vendor.example)
Creator: Tool: gen-2.0
Created: 2025-05-07T10:00:00Z

PackageName: portal
SPDXID: SPDXRef-portal
PackageVersion: 4.1.0
PackageSupplier: Organization: Vendor Ltd
PackageDownloadLocation: NOASSERTION
FilesAnalyzed: false
PackageLicenseConcluded: NOASSERTION
PackageLicenseDeclared: Apache-2.0
PackageCopyrightText: <text>Copyright 2025
Vendor Ltd</text>

PackageName: zlib
SPDXID: SPDXRef-zlib
PackageVersion: 1.3.1
PackageDownloadLocation: https://zlib.net/zlib-1.3.1.tar.gz
PackageChecksum: SHA256: 9a93b2b7dfdac77ceba5a558a580e74667dd6fede4585b91eefb60f03b72df23
ExternalRef: PACKAGE-MANAGER purl pkg:generic/zlib@1.3.1
FilesAnalyzed: false

Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-portal
Relationship: SPDXRef-zlib DEPENDENCY_OF SPDXRef-portal
Relationship: SPDXRef-zlib DEPENDS_ON NONE
)";

TEST(SpdxTagValueTest, ReadsPackagesRelationshipsAndCreationInfo) {
  const Result<ValidationReport> report = validate_sbom(kTagValue, "portal.spdx");
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->valid()) << all(report->diagnostics);
  const model::Sbom& sbom = report->sbom;
  EXPECT_EQ(sbom.metadata.format, model::SbomFormat::kSpdxTagValue);
  EXPECT_EQ(sbom.metadata.subject_ref, "SPDXRef-portal");
  ASSERT_EQ(sbom.metadata.authors.size(), 1U);
  EXPECT_EQ(sbom.metadata.authors[0].email, "sbom@vendor.example");
  ASSERT_EQ(sbom.metadata.tools.size(), 1U);
  EXPECT_EQ(sbom.metadata.tools[0].version, "2.0");
  ASSERT_EQ(sbom.components.size(), 2U);
  EXPECT_EQ(sbom.components[0].copyright, "Copyright 2025\nVendor Ltd");
  EXPECT_EQ(sbom.components[0].source_location, "portal.spdx:10");
  EXPECT_EQ(sbom.components[1].purl_canonical, "pkg:generic/zlib@1.3.1");
  EXPECT_EQ(sbom.components[1].hashes[0].algorithm, "SHA-256");
  // DEPENDENCY_OF is inverted: the portal depends on zlib.
  bool found = false;
  for (const model::Relationship& relationship : sbom.relationships) {
    found = found || (relationship.from == "SPDXRef-portal" && relationship.to == "SPDXRef-zlib" &&
                      relationship.type == model::RelationshipType::kDependsOn);
  }
  EXPECT_TRUE(found);
  ASSERT_EQ(sbom.compositions.size(), 1U);
  EXPECT_EQ(sbom.compositions[0].aggregate, "complete");
}

TEST(SpdxTagValueTest, ReportsUnknownTagsAndMissingFieldsByLine) {
  std::string text(kTagValue);
  text.replace(text.find("PackageVersion: 1.3.1"), 14, "PackageVersoin");
  text.replace(text.find("PackageDownloadLocation: https"), 24, "PackageHomePage");
  const Result<ValidationReport> report = validate_sbom(text, "bad.spdx");
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->valid());
  const Diagnostic* unknown = find_code(report->diagnostics, "SPDX-TAG-UNKNOWN");
  ASSERT_NE(unknown, nullptr) << all(report->diagnostics);
  EXPECT_EQ(unknown->location, "bad.spdx:23");
  const Diagnostic* missing = find_code(report->diagnostics, "SPDX-SCHEMA");
  ASSERT_NE(missing, nullptr) << all(report->diagnostics);
  EXPECT_EQ(missing->location, "bad.spdx:21");
  EXPECT_THAT(missing->message, HasSubstr("\"downloadLocation\""));
}

TEST(SpdxJsonTest, StructuralRulesNameTheMemberAndPointer) {
  const std::string text = R"({"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0",
    "SPDXID":"SPDXRef-DOCUMENT","name":"x","documentNamespace":"https://x.example/1",
    "creationInfo":{"created":"2025-01-01T00:00:00Z","creators":["Tool: t"]},
    "packages":[{"SPDXID":"SPDXRef-a","name":"a","downloadLocation":"NONE",
                 "checksums":[{"algorithm":"SHA-256","checksumValue":"00"}],"colour":"red"}]})";
  const Result<ValidationReport> report = validate_sbom(text, "x.spdx.json");
  ASSERT_TRUE(report.has_value());
  EXPECT_FALSE(report->valid());
  std::vector<std::string> locations;
  for (const Diagnostic& diagnostic : report->diagnostics) {
    if (diagnostic.code == "SPDX-SCHEMA") {
      locations.push_back(diagnostic.location);
    }
  }
  EXPECT_THAT(locations,
              ::testing::UnorderedElementsAre("x.spdx.json#/packages/0/checksums/0/algorithm",
                                              "x.spdx.json#/packages/0/colour"));
}

TEST(SpdxJsonTest, RejectsSpdx23FieldsInAnSpdx22Document) {
  const std::string text = R"({"spdxVersion":"SPDX-2.2","dataLicense":"CC0-1.0",
    "SPDXID":"SPDXRef-DOCUMENT","name":"x","documentNamespace":"https://x.example/1",
    "creationInfo":{"created":"2025-01-01T00:00:00Z","creators":["Tool: t"]},
    "packages":[{"SPDXID":"SPDXRef-a","name":"a","downloadLocation":"NONE",
      "copyrightText":"NONE","licenseConcluded":"MIT","licenseDeclared":"MIT",
      "primaryPackagePurpose":"LIBRARY"}]})";
  const Result<ValidationReport> report = validate_sbom(text, "x.json");
  ASSERT_TRUE(report.has_value());
  const Diagnostic* diagnostic = find_code(report->diagnostics, "SPDX-SCHEMA");
  ASSERT_NE(diagnostic, nullptr) << all(report->diagnostics);
  EXPECT_THAT(diagnostic->message, HasSubstr("added in SPDX 2.3"));
}

TEST(Spdx3Test, ReadsPackagesPurlsHashesLicencesAndSubject) {
  const std::string text =
      R"({"@context":"https://spdx.org/rdf/3.0.1/spdx-context.jsonld","@graph":[
    {"type":"CreationInfo","@id":"_:ci","specVersion":"3.0.1","created":"2025-01-01T00:00:00Z",
     "createdBy":["urn:agent"]},
    {"type":"Organization","spdxId":"urn:agent","name":"Vendor","creationInfo":"_:ci"},
    {"type":"SpdxDocument","spdxId":"urn:doc","rootElement":["urn:app"],"creationInfo":"_:ci"},
    {"type":"software_Package","spdxId":"urn:app","name":"app","software_packageVersion":"1",
     "creationInfo":"_:ci"},
    {"type":"software_Package","spdxId":"urn:lib","name":"lib","software_packageVersion":"2",
     "software_packageUrl":"pkg:npm/lib@2","suppliedBy":"urn:agent","creationInfo":"_:ci",
     "verifiedUsing":[{"type":"Hash","algorithm":"sha256","hashValue":"9a93b2b7dfdac77ceba5a558a580e74667dd6fede4585b91eefb60f03b72df23"}]},
    {"type":"simplelicensing_LicenseExpression","spdxId":"urn:mit",
     "simplelicensing_licenseExpression":"MIT","creationInfo":"_:ci"},
    {"type":"Relationship","spdxId":"urn:r1","from":"urn:app","relationshipType":"dependsOn",
     "to":["urn:lib"],"completeness":"complete","creationInfo":"_:ci"},
    {"type":"Relationship","spdxId":"urn:r2","from":"urn:lib",
     "relationshipType":"hasDeclaredLicense","to":["urn:mit"],"creationInfo":"_:ci"}]})";
  const Result<ValidationReport> report = validate_sbom(text, "s3.json");
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->valid()) << all(report->diagnostics);
  const model::Sbom& sbom = report->sbom;
  EXPECT_EQ(sbom.metadata.spec_version, "3.0.1");
  EXPECT_EQ(sbom.metadata.subject_ref, "urn:app");
  ASSERT_EQ(sbom.components.size(), 2U);
  const model::Component& lib = sbom.components[*sbom.find("urn:lib")];
  EXPECT_EQ(lib.purl_canonical, "pkg:npm/lib@2");
  EXPECT_EQ(lib.supplier.name, "Vendor");
  EXPECT_EQ(lib.hashes[0].algorithm, "SHA-256");
  ASSERT_EQ(lib.licenses.size(), 1U);
  EXPECT_EQ(lib.licenses[0].value, "MIT");
  EXPECT_EQ(sbom.compositions.size(), 1U);
}

// ----- writer and VEX -------------------------------------------------------------------------

TEST(CycloneDxWriterTest, RoundTripKeepsComponentsAndValidatesAgainst16) {
  const Result<Parsed<model::Sbom>> first = read_sbom(kTagValue, "portal.spdx");
  ASSERT_TRUE(first.has_value());
  const std::string written = write_cyclonedx_json(first->value);
  const Result<ValidationReport> report = validate_sbom(written, "converted.json");
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->valid()) << all(report->diagnostics) << written;
  ASSERT_EQ(report->sbom.components.size(), first->value.components.size());
  for (std::size_t index = 0; index < first->value.components.size(); ++index) {
    const model::Component& before = first->value.components[index];
    const auto after = report->sbom.find(before.ref);
    ASSERT_TRUE(after.has_value()) << before.ref;
    EXPECT_EQ(report->sbom.components[*after].identity(), before.identity());
    EXPECT_EQ(report->sbom.components[*after].hashes.size(), before.hashes.size());
  }
  EXPECT_EQ(report->sbom.metadata.subject_ref, "SPDXRef-portal");
}

TEST(CycloneDxVexTest, ReadsEmbeddedVulnerabilitiesAsStatements) {
  const std::string text = R"({"bomFormat":"CycloneDX","specVersion":"1.5","version":1,
    "metadata":{"authors":[{"name":"PSIRT"}]},
    "components":[{"type":"library","bom-ref":"log4j","name":"log4j-core","version":"2.14.1",
                   "purl":"pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}],
    "vulnerabilities":[{"id":"CVE-2021-44228","references":[{"id":"GHSA-jfh8-c2jp-5v3q",
      "source":{"name":"GitHub"}}],
      "analysis":{"state":"not_affected","justification":"code_not_reachable",
                  "response":["will_not_fix"],"detail":"JNDI lookups disabled"},
      "affects":[{"ref":"log4j"}]}]})";
  const Result<Parsed<model::VexDocument>> vex = read_cyclonedx_vex(text, "vex.json");
  ASSERT_TRUE(vex.has_value()) << vex.error().to_string();
  ASSERT_EQ(vex->value.statements.size(), 1U);
  const model::VexStatement& statement = vex->value.statements[0];
  EXPECT_EQ(statement.vulnerability, "CVE-2021-44228");
  EXPECT_EQ(statement.aliases, std::vector<std::string>{"GHSA-jfh8-c2jp-5v3q"});
  EXPECT_EQ(statement.status, model::VexStatus::kNotAffected);
  EXPECT_EQ(statement.justification, "vulnerable_code_not_in_execute_path");
  EXPECT_EQ(statement.impact_statement, "JNDI lookups disabled");
  ASSERT_EQ(statement.products.size(), 1U);
  EXPECT_EQ(statement.products[0].purl, "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
  EXPECT_EQ(statement.supplier, "PSIRT");
}

// ----- quality --------------------------------------------------------------------------------

const QualityField* field(const QualityReport& report, std::string_view id) {
  for (const QualityField& entry : report.fields) {
    if (entry.id == id) {
      return &entry;
    }
  }
  return nullptr;
}

TEST(QualityTest, NtiaPassesOnlyWhenEveryElementIsThere) {
  const Result<Parsed<model::Sbom>> parsed = read_sbom(kBom, "bom.json");
  ASSERT_TRUE(parsed.has_value());
  const QualityReport report = assess_quality(parsed->value, QualityProfile::kNtia);
  // Two of four components have no supplier (lib-a-inner, lib-b): 50% coverage.
  const QualityField* supplier = field(report, "component.supplier");
  ASSERT_NE(supplier, nullptr);
  EXPECT_EQ(supplier->passed, 2U);
  EXPECT_EQ(supplier->total, 4U);
  EXPECT_EQ(supplier->verdict, QualityVerdict::kFail);
  EXPECT_THAT(supplier->missing, ::testing::ElementsAre("inner@0.1", "b@2.0"));
  EXPECT_EQ(field(report, "document.author")->verdict, QualityVerdict::kPass);
  EXPECT_EQ(field(report, "document.dependencies")->verdict, QualityVerdict::kPass);
  EXPECT_EQ(report.verdict, QualityVerdict::kFail);
  // Score: mean of the 7 required elements: 6 at 100% (the subject has a name, version...)
  EXPECT_GT(report.score, 0);
  EXPECT_LT(report.score, 100);
}

TEST(QualityTest, AnEmptySbomNeverPasses) {
  model::Sbom sbom;
  for (const QualityProfile profile :
       {QualityProfile::kNtia, QualityProfile::kBsiTr031832, QualityProfile::kFsct}) {
    const QualityReport report = assess_quality(sbom, profile);
    EXPECT_EQ(report.verdict, QualityVerdict::kFail) << to_string(profile);
    EXPECT_LT(report.score, 10) << to_string(profile);
    for (const QualityField& entry : report.fields) {
      if (!entry.document_level) {
        EXPECT_EQ(entry.verdict, QualityVerdict::kFail) << entry.id;
        EXPECT_EQ(entry.advice, "the SBOM lists no components, so there is nothing to assess");
      }
    }
  }
}

TEST(QualityTest, BsiRequiresSha512AndNoVulnerabilities) {
  const Result<Parsed<model::Sbom>> parsed = read_sbom(kBom, "bom.json");
  ASSERT_TRUE(parsed.has_value());
  const QualityReport report = assess_quality(parsed->value, QualityProfile::kBsiTr031832);
  EXPECT_EQ(field(report, "component.hash")->passed, 0U);  // only SHA-256 given
  EXPECT_EQ(field(report, "document.no-vulnerabilities")->verdict, QualityVerdict::kPass);
  EXPECT_EQ(field(report, "document.build-sbom")->verdict, QualityVerdict::kPass);
  EXPECT_EQ(field(report, "document.format")->verdict, QualityVerdict::kPass);
  const std::string json = quality_report_json(report);
  EXPECT_THAT(json, HasSubstr("\"profile\": \"bsi-tr-03183-2\""));
  EXPECT_THAT(quality_report_text(report), HasSubstr("[FAIL] SHA-512 hash: 0/4 (0.0%)"));
}

TEST(QualityTest, ProfileNamesAreParsedAndUnknownOnesExplained) {
  EXPECT_EQ(*parse_quality_profile("BSI-TR-03183-2"), QualityProfile::kBsiTr031832);
  const Result<QualityProfile> unknown = parse_quality_profile("iso");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_THAT(unknown.error().message, HasSubstr("ntia, bsi-tr-03183-2 or fsct"));
}

// ----- schema infrastructure ------------------------------------------------------------------

TEST(JsonSchemaTest, RewrittenKeywordsStillValidate) {
  const std::string schema = R"({"$schema":"http://json-schema.org/draft-07/schema#",
    "type":"object","properties":{
      "tags":{"type":"array","uniqueItems":true},
      "id":{"type":"string","pattern":"^[a-z]+$"},
      "when":{"type":"string","format":"date-time"},
      "mail":{"type":"string","format":"idn-email"}},
    "dependentRequired":{"a":["b"]}})";
  const Result<std::shared_ptr<const JsonSchema>> compiled = JsonSchema::compile(schema, "t");
  ASSERT_TRUE(compiled.has_value()) << compiled.error().to_string();
  EXPECT_TRUE((*compiled)->ignored_keywords().empty());
  const json::Json bad = json::Json::parse(
      R"({"tags":[1,{"x":1},{"x":1.0}],"id":"ABC","when":"2025-02-30T00:00:00Z","mail":"nobody","a":1})");
  DiagnosticSink sink;
  EXPECT_FALSE((*compiled)->validate(bad, "doc", sink));
  const std::vector<Diagnostic> diagnostics = sink.take();
  std::vector<std::string> locations;
  for (const Diagnostic& diagnostic : diagnostics) {
    locations.push_back(diagnostic.location);
  }
  EXPECT_THAT(locations, ::testing::UnorderedElementsAre("doc#/tags", "doc#/id", "doc#/when",
                                                         "doc#/mail", "doc#"))
      << all(diagnostics);
  const json::Json good = json::Json::parse(
      R"({"tags":[1,2],"id":"abc","when":"2024-02-29T23:59:60+01:00","mail":"a@b.example","a":1,"b":2})");
  DiagnosticSink good_sink;
  EXPECT_TRUE((*compiled)->validate(good, "doc", good_sink)) << all(good_sink.take());
}

TEST(JsonSchemaTest, ListsKeywordsItCannotCheck) {
  const Result<std::shared_ptr<const JsonSchema>> compiled = JsonSchema::compile(
      R"({"type":"object","unevaluatedProperties":false,"prefixItems":[]})", "t");
  ASSERT_TRUE(compiled.has_value());
  EXPECT_THAT((*compiled)->ignored_keywords(),
              ::testing::ElementsAre("prefixItems", "unevaluatedProperties"));
}

TEST(JsonSchemaTest, UnresolvableRefIsNotFound) {
  const Result<std::shared_ptr<const JsonSchema>> compiled =
      JsonSchema::compile(R"({"$ref":"https://schemas.example/other.json#/x"})", "t");
  ASSERT_FALSE(compiled.has_value());
  EXPECT_EQ(compiled.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(compiled.error().message, HasSubstr("other.json"));
}

TEST(JsonSchemaTest, EveryCycloneDxVersionCompilesFromTheEmbeddedSchemas) {
  for (const std::string_view version : {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}) {
    const Result<const JsonSchema*> schema = cyclonedx_json_schema(version);
    ASSERT_TRUE(schema.has_value()) << version << ": " << schema.error().to_string();
    EXPECT_TRUE((*schema)->ignored_keywords().empty()) << version;
  }
  EXPECT_EQ(cyclonedx_json_schema("1.1").error().code, ErrorCode::kUnsupported);
}

TEST(FormatCheckTest, ExplainsWhatIsWrong) {
  EXPECT_EQ(check_string_format("date-time", "2025-01-01T00:00:00Z"), "");
  EXPECT_THAT(check_string_format("date-time", "2025-01-01 00:00:00"),
              HasSubstr("not an RFC 3339 date-time"));
  EXPECT_THAT(check_string_format("date-time", "2025-01-01T00:00:00"), HasSubstr("no time zone"));
  EXPECT_THAT(check_string_format("date", "2023-02-29"), HasSubstr("day 29"));
  EXPECT_THAT(check_string_format("uri", "example.com/x"), HasSubstr("needs a scheme"));
  EXPECT_THAT(check_string_format("uri-reference", "a b"), HasSubstr("space"));
  EXPECT_THAT(check_string_format("iri-reference", "a\nb"), HasSubstr("control character"));
  // As lenient as the reference validator: unresolved placeholders and spaces pass.
  EXPECT_EQ(check_string_format("iri-reference", "https://github.com/x/${project.scm.tag}"), "");
  EXPECT_EQ(check_string_format("iri-reference", "https://ex\xC3\xA4mple.org/\xC3\xA4"), "");
}

}  // namespace
}  // namespace assay::formats
