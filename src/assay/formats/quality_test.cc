// SBOM quality profiles field by field: one CycloneDX 1.6 SBOM that meets every element of NTIA,
// BSI TR-03183-2 and FSCT scores 100 in each; then, for every element of every profile, the same
// SBOM with just that element missing or wrong flips exactly that element (and the elements that
// depend on the same data, listed in the table) and nothing else.
#include "assay/formats/quality.h"

#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/formats/sbom.h"

#include "testing.h"

namespace assay::formats {
namespace {

using json::Json;

// Three components (the subject and two libraries), each with every element any profile asks for.
constexpr std::string_view kCompliant = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "metadata": {
    "timestamp": "2025-05-07T10:00:00Z",
    "lifecycles": [{"phase": "build"}],
    "authors": [{"name": "Build Team", "email": "build@vendor.example"}],
    "component": {
      "type": "application", "bom-ref": "app", "name": "council-portal", "version": "3.1.0",
      "supplier": {"name": "Vendor Ltd", "url": ["https://vendor.example"]},
      "purl": "pkg:generic/vendor/council-portal@3.1.0",
      "hashes": [{"alg": "SHA-512", "content": "APP_HASH"}],
      "licenses": [{"license": {"id": "Apache-2.0"}}],
      "copyright": "Copyright 2025 Vendor Ltd",
      "externalReferences": [{"type": "vcs", "url": "https://git.vendor.example/portal"}],
      "properties": [{"name": "bsi:component:filename", "value": "portal.war"},
                     {"name": "bsi:component:executable", "value": "executable"},
                     {"name": "bsi:component:archive", "value": "archive"},
                     {"name": "bsi:component:structured", "value": "structured"}]
    }
  },
  "components": [
    {"type": "library", "bom-ref": "lib-a", "name": "lib-a", "version": "1.0.0",
     "supplier": {"name": "A Org", "url": ["https://a.example"]},
     "purl": "pkg:maven/org.a/lib-a@1.0.0",
     "hashes": [{"alg": "SHA-512", "content": "A_HASH"}],
     "licenses": [{"license": {"id": "MIT"}}],
     "copyright": "Copyright A Org",
     "externalReferences": [{"type": "vcs", "url": "https://git.a.example/lib-a"}],
     "properties": [{"name": "bsi:component:filename", "value": "lib-a-1.0.0.jar"},
                    {"name": "bsi:component:executable", "value": "non-executable"},
                    {"name": "bsi:component:archive", "value": "archive"},
                    {"name": "bsi:component:structured", "value": "structured"}]},
    {"type": "library", "bom-ref": "lib-b", "name": "lib-b", "version": "2.0.0",
     "supplier": {"name": "B Org", "url": ["https://b.example"]},
     "purl": "pkg:maven/org.b/lib-b@2.0.0",
     "hashes": [{"alg": "SHA-512", "content": "B_HASH"}],
     "licenses": [{"expression": "MIT OR Apache-2.0"}],
     "copyright": "Copyright B Org",
     "externalReferences": [{"type": "source-distribution",
                             "url": "https://b.example/lib-b-2.0.0-src.zip"}],
     "properties": [{"name": "bsi:component:filename", "value": "lib-b-2.0.0.jar"},
                    {"name": "bsi:component:executable", "value": "non-executable"},
                    {"name": "bsi:component:archive", "value": "archive"},
                    {"name": "bsi:component:structured", "value": "structured"}]}
  ],
  "dependencies": [{"ref": "app", "dependsOn": ["lib-a", "lib-b"]},
                   {"ref": "lib-a", "dependsOn": []},
                   {"ref": "lib-b", "dependsOn": []}],
  "compositions": [{"aggregate": "complete", "assemblies": ["app", "lib-a", "lib-b"]}]
})";

// A SHA-512 digest in hex (128 characters), as the schema requires.
std::string sha512(char digit) {
  return std::string(128, digit);
}

Json compliant_json() {
  std::string text(kCompliant);
  for (const auto& [placeholder, digit] :
       {std::pair<std::string, char>{"APP_HASH", 'a'}, {"A_HASH", 'b'}, {"B_HASH", 'c'}}) {
    text.replace(text.find(placeholder), placeholder.size(), sha512(digit));
  }
  return Json::parse(text);
}

QualityReport assess_json(const Json& document, QualityProfile profile) {
  const Result<Parsed<model::Sbom>> parsed = read_sbom(document.dump(), "bom.json");
  EXPECT_TRUE(parsed.has_value()) << parsed.error().to_string();
  return parsed ? assess_quality(parsed->value, profile) : QualityReport{};
}

constexpr QualityProfile kProfiles[] = {QualityProfile::kNtia, QualityProfile::kBsiTr031832,
                                        QualityProfile::kFsct};

TEST(QualityCompliantTest, TheCompliantSbomScores100InEveryProfile) {
  for (const QualityProfile profile : kProfiles) {
    const QualityReport report = assess_json(compliant_json(), profile);
    EXPECT_EQ(report.verdict, QualityVerdict::kPass) << to_string(profile);
    EXPECT_DOUBLE_EQ(report.score, 100.0) << to_string(profile);
    EXPECT_EQ(report.components_assessed, 3U);
    for (const QualityField& field : report.fields) {
      EXPECT_EQ(field.verdict, QualityVerdict::kPass)
          << to_string(profile) << " " << field.id << ": " << field.rule;
      EXPECT_TRUE(field.missing.empty()) << field.id;
      EXPECT_TRUE(field.advice.empty()) << field.id;
    }
    EXPECT_THAT(quality_report_text(report), ::testing::HasSubstr("Score: 100/100"));
  }
}

// ----- the table: one element broken at a time -------------------------------------------------

using Mutate = void (*)(Json&);

struct FieldCase {
  QualityProfile profile;
  const char* field;  // the element that must flip to fail
  const char* how;    // test name suffix
  Mutate mutate;
  std::vector<std::string> also;  // other elements that legitimately flip with it
};

Json& lib_a(Json& doc) {
  return doc["components"][0];
}
Json& subject(Json& doc) {
  return doc["metadata"]["component"];
}

void remove_authors(Json& doc) {
  doc["metadata"].erase("authors");
}
void author_without_email(Json& doc) {
  doc["metadata"]["authors"][0].erase("email");
}
void remove_timestamp(Json& doc) {
  doc["metadata"].erase("timestamp");
}
void impossible_timestamp(Json& doc) {
  doc["metadata"]["timestamp"] = "2025-02-30T10:00:00Z";
}
void remove_subject_dependencies(Json& doc) {
  doc["dependencies"][0]["dependsOn"] = Json::array();
}
void remove_subject(Json& doc) {
  doc["metadata"].erase("component");
  doc["dependencies"].erase(0);
  doc["compositions"][0]["assemblies"] = Json::array({"lib-a", "lib-b"});
}
void remove_compositions(Json& doc) {
  doc.erase("compositions");
}
void unknown_composition(Json& doc) {
  doc["compositions"][0]["aggregate"] = "not_specified";
}
void remove_lifecycles(Json& doc) {
  doc["metadata"].erase("lifecycles");
}
void design_lifecycle(Json& doc) {
  doc["metadata"]["lifecycles"][0]["phase"] = "design";
}
void spec_1_5(Json& doc) {
  doc["specVersion"] = "1.5";
}
void add_vulnerability(Json& doc) {
  doc["vulnerabilities"] = Json::parse(R"([{"id": "CVE-2024-0001", "affects": [{"ref": "lib-a"}],
      "analysis": {"state": "not_affected", "justification": "code_not_reachable"}}])");
}
void remove_serial(Json& doc) {
  doc.erase("serialNumber");
}
void remove_supplier(Json& doc) {
  lib_a(doc).erase("supplier");
}
void supplier_noassertion(Json& doc) {
  lib_a(doc)["supplier"] = Json::parse(R"({"name": "NOASSERTION"})");
}
void supplier_without_url(Json& doc) {
  lib_a(doc)["supplier"].erase("url");
}
void remove_name(Json& doc) {
  lib_a(doc)["name"] = " ";
}
void remove_version(Json& doc) {
  lib_a(doc).erase("version");
}
void remove_purl(Json& doc) {
  lib_a(doc).erase("purl");
}
void remove_hashes(Json& doc) {
  lib_a(doc).erase("hashes");
}
void sha256_only(Json& doc) {
  lib_a(doc)["hashes"] = Json::parse(
      R"([{"alg": "SHA-256", "content":
          "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}])");
}
void remove_licenses(Json& doc) {
  lib_a(doc).erase("licenses");
}
void licence_by_name(Json& doc) {
  lib_a(doc)["licenses"] = Json::parse(R"([{"license": {"name": "The A licence"}}])");
}
void remove_copyright(Json& doc) {
  lib_a(doc).erase("copyright");
}
void remove_property(Json& doc, const char* name) {
  Json& properties = lib_a(doc)["properties"];
  for (std::size_t index = 0; index < properties.size(); ++index) {
    if (properties[index]["name"] == name) {
      properties.erase(index);
      return;
    }
  }
}
void remove_filename(Json& doc) {
  remove_property(doc, "bsi:component:filename");
}
void remove_executable(Json& doc) {
  remove_property(doc, "bsi:component:executable");
}
void remove_archive(Json& doc) {
  remove_property(doc, "bsi:component:archive");
}
void remove_structured(Json& doc) {
  remove_property(doc, "bsi:component:structured");
}
void remove_lib_dependency_entry(Json& doc) {
  doc["dependencies"].erase(1);
}
void remove_vcs(Json& doc) {
  lib_a(doc).erase("externalReferences");
}
void subject_without_purl(Json& doc) {
  subject(doc).erase("purl");
}

std::vector<FieldCase> field_cases() {
  using P = QualityProfile;
  return {
      // NTIA minimum elements
      {P::kNtia, "document.author", "NoAuthors", remove_authors, {}},
      {P::kNtia, "document.timestamp", "NoTimestamp", remove_timestamp, {}},
      {P::kNtia, "document.timestamp", "ImpossibleTimestamp", impossible_timestamp, {}},
      {P::kNtia,
       "document.dependencies",
       "SubjectWithoutDependencies",
       remove_subject_dependencies,
       {}},
      {P::kNtia, "document.dependencies", "NoSubject", remove_subject, {}},
      {P::kNtia, "component.supplier", "NoSupplier", remove_supplier, {}},
      {P::kNtia, "component.supplier", "SupplierNoAssertion", supplier_noassertion, {}},
      {P::kNtia, "component.name", "BlankName", remove_name, {}},
      {P::kNtia, "component.version", "NoVersion", remove_version, {}},
      {P::kNtia, "component.identifier", "NoPurl", remove_purl, {}},
      {P::kNtia, "document.known-unknowns", "NoCompositions", remove_compositions, {}},
      // CISA FSCT minimum expected
      {P::kFsct, "document.author", "NoAuthors", remove_authors, {}},
      {P::kFsct, "document.timestamp", "NoTimestamp", remove_timestamp, {}},
      {P::kFsct, "document.type", "NoLifecycles", remove_lifecycles, {}},
      {P::kFsct,
       "document.primary-component",
       "NoSubject",
       remove_subject,
       {"document.relationships"}},
      {P::kFsct,
       "document.relationships",
       "SubjectWithoutDependencies",
       remove_subject_dependencies,
       {}},
      {P::kFsct, "document.completeness", "NoCompositions", remove_compositions, {}},
      {P::kFsct, "document.completeness", "NotSpecified", unknown_composition, {}},
      {P::kFsct, "component.name", "BlankName", remove_name, {}},
      {P::kFsct, "component.version", "NoVersion", remove_version, {}},
      {P::kFsct, "component.supplier", "NoSupplier", remove_supplier, {}},
      {P::kFsct, "component.identifier", "NoPurl", remove_purl, {}},
      {P::kFsct, "component.hash", "NoHashes", remove_hashes, {}},
      {P::kFsct, "component.license", "NoLicences", remove_licenses, {}},
      {P::kFsct, "component.copyright", "NoCopyright", remove_copyright, {}},
      // BSI TR-03183-2
      {P::kBsiTr031832, "document.format", "CycloneDx15", spec_1_5, {}},
      {P::kBsiTr031832, "document.creator", "NoAuthors", remove_authors, {}},
      {P::kBsiTr031832, "document.creator", "AuthorWithoutEmail", author_without_email, {}},
      {P::kBsiTr031832, "document.timestamp", "NoTimestamp", remove_timestamp, {}},
      {P::kBsiTr031832, "document.build-sbom", "NoLifecycles", remove_lifecycles, {}},
      {P::kBsiTr031832, "document.build-sbom", "DesignLifecycle", design_lifecycle, {}},
      {P::kBsiTr031832,
       "document.no-vulnerabilities",
       "WithVulnerabilities",
       add_vulnerability,
       {}},
      {P::kBsiTr031832,
       "document.dependency-completeness",
       "NoCompositions",
       remove_compositions,
       {}},
      {P::kBsiTr031832, "document.sbom-uri", "NoSerialNumber", remove_serial, {}},
      {P::kBsiTr031832, "component.creator", "NoSupplier", remove_supplier, {}},
      {P::kBsiTr031832, "component.creator", "SupplierWithoutUrl", supplier_without_url, {}},
      {P::kBsiTr031832, "component.name", "BlankName", remove_name, {}},
      {P::kBsiTr031832, "component.version", "NoVersion", remove_version, {}},
      {P::kBsiTr031832, "component.filename", "NoFilename", remove_filename, {}},
      {P::kBsiTr031832,
       "component.dependencies",
       "NoDependencyEntry",
       remove_lib_dependency_entry,
       {}},
      {P::kBsiTr031832, "component.license", "NoLicences", remove_licenses, {}},
      {P::kBsiTr031832, "component.license", "LicenceByNameOnly", licence_by_name, {}},
      {P::kBsiTr031832, "component.hash", "Sha256Only", sha256_only, {}},
      {P::kBsiTr031832, "component.executable", "NoExecutable", remove_executable, {}},
      {P::kBsiTr031832, "component.archive", "NoArchive", remove_archive, {}},
      {P::kBsiTr031832, "component.structured", "NoStructured", remove_structured, {}},
      {P::kBsiTr031832, "component.identifier", "NoPurl", remove_purl, {}},
      {P::kBsiTr031832, "component.source-uri", "NoVcs", remove_vcs, {}},
      // A subject that still has a CPE-less, purl-less identity is a component like any other.
      {P::kNtia, "component.identifier", "SubjectWithoutPurl", subject_without_purl, {}},
  };
}

std::string profile_name(QualityProfile profile) {
  switch (profile) {
    case QualityProfile::kNtia:
      return "Ntia";
    case QualityProfile::kBsiTr031832:
      return "Bsi";
    case QualityProfile::kFsct:
      return "Fsct";
  }
  return "Unknown";
}

class QualityFieldTest : public ::testing::TestWithParam<FieldCase> {};

TEST_P(QualityFieldTest, BreakingOneElementFlipsExactlyThatElement) {
  const FieldCase& test_case = GetParam();
  Json document = compliant_json();
  test_case.mutate(document);
  const QualityReport report = assess_json(document, test_case.profile);
  std::set<std::string> expected = {test_case.field};
  expected.insert(test_case.also.begin(), test_case.also.end());
  bool found = false;
  bool required = true;
  for (const QualityField& field : report.fields) {
    if (field.id == test_case.field) {
      found = true;
      required = field.required;
      EXPECT_EQ(field.verdict, QualityVerdict::kFail) << field.id;
      EXPECT_FALSE(field.advice.empty()) << field.id;
      if (!field.document_level) {
        EXPECT_EQ(field.passed + 1, field.total) << field.id;  // one of three components
        EXPECT_EQ(field.missing.size(), 1U) << field.id;
      }
    } else if (expected.count(field.id) == 0) {
      EXPECT_EQ(field.verdict, QualityVerdict::kPass) << field.id << " changed too: " << field.rule;
    }
  }
  EXPECT_TRUE(found) << test_case.field << " is not an element of " << to_string(test_case.profile);
  // A broken required element lowers the score and fails the profile; an advisory one does not.
  if (required) {
    EXPECT_EQ(report.verdict, QualityVerdict::kFail);
    EXPECT_LT(report.score, 100.0);
  } else {
    EXPECT_EQ(report.verdict, QualityVerdict::kPass);
    EXPECT_DOUBLE_EQ(report.score, 100.0);
  }
}

INSTANTIATE_TEST_SUITE_P(Elements, QualityFieldTest, ::testing::ValuesIn(field_cases()),
                         [](const ::testing::TestParamInfo<FieldCase>& param_info) {
                           return profile_name(param_info.param.profile) +
                                  testing::sanitize_test_name(param_info.param.field) + "_" +
                                  param_info.param.how;
                         });

// The table covers every element of every profile.
TEST(QualityFieldTableTest, CoversEveryElementOfEveryProfile) {
  std::size_t elements = 0;
  for (const QualityProfile profile : kProfiles) {
    std::set<std::string> covered;
    for (const FieldCase& test_case : field_cases()) {
      if (test_case.profile == profile) {
        covered.insert(test_case.field);
      }
    }
    const QualityReport report = assess_json(compliant_json(), profile);
    for (const QualityField& field : report.fields) {
      EXPECT_EQ(covered.count(field.id), 1U) << to_string(profile) << " " << field.id;
      ++elements;
    }
    EXPECT_EQ(covered.size(), report.fields.size()) << to_string(profile);
  }
  EXPECT_EQ(elements, 40U);  // NTIA 8, BSI 19, FSCT 13
}

}  // namespace
}  // namespace assay::formats
