// The assessment as a CycloneDX 1.6 attestation: valid against the official 1.6 schema (through
// the formats module's validator) in both catalogue views and with failing claims, and carrying
// every claim with its verdict, evidence and digests, the assessor and the target.
#include <regex>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/assessment.h"
#include "assay/assess/test_pack.h"
#include "assay/formats/cyclonedx.h"

namespace assay::assess {
namespace {

using test_pack::Json;
using ::testing::HasSubstr;

const CatalogueSet& catalogues() {
  static const CatalogueSet kSet = [] {
    auto set = builtin_catalogues();
    EXPECT_TRUE(set.has_value());
    return set ? std::move(*set) : CatalogueSet{};
  }();
  return kSet;
}

Assessment run(const test_pack::Pack& pack, const std::string& catalogue) {
  const auto files = pack.build();
  auto source = test_pack::log4shell_source();
  AssessOptions options;
  options.now = test_pack::kNow;
  options.catalogue = catalogue;
  options.vulnerabilities = source.get();
  options.database_name = "test advisories";
  auto assessment = assess(*files, catalogues(), Policy{}, options);
  EXPECT_TRUE(assessment.has_value()) << assessment.error().to_string();
  return assessment ? std::move(*assessment) : Assessment{};
}

test_pack::Pack vulnerable_pack() {
  test_pack::Pack pack = test_pack::good_pack(catalogues());
  Json sbom = Json::parse(pack.files["sbom/ledger.cdx.json"]);
  sbom["components"][0]["version"] = "2.14.1";
  sbom["components"][0]["purl"] = "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1";
  pack.files["sbom/ledger.cdx.json"] = sbom.dump(2);
  return pack;
}

const Json* find_by(const Json& list, const char* key, const std::string& value) {
  for (const Json& item : list) {
    if (item.contains(key) && item[key] == value) {
      return &item;
    }
  }
  return nullptr;
}

struct ViewCase {
  std::string name;
  std::string catalogue;
  bool vulnerable;
};

class CycloneDxAssessmentTest : public ::testing::TestWithParam<ViewCase> {};

TEST_P(CycloneDxAssessmentTest, IsValidAgainstTheOfficialSchema) {
  const ViewCase& view = GetParam();
  const Assessment assessment =
      run(view.vulnerable ? vulnerable_pack() : test_pack::good_pack(catalogues()), view.catalogue);
  const std::string document = to_cyclonedx(assessment, "0.0.0-test");
  auto validated = formats::validate_cyclonedx_json(document, "assessment.cdx.json");
  ASSERT_TRUE(validated.has_value()) << validated.error().to_string();
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : validated->diagnostics) {
    if (diagnostic.severity == Severity::kError) {
      ++errors;
      ADD_FAILURE() << diagnostic.to_string();
    }
  }
  EXPECT_EQ(errors, 0U);
  const Json json = Json::parse(document);
  EXPECT_EQ(json["specVersion"], "1.6");
  EXPECT_EQ(json["declarations"]["attestations"][0]["map"].size(), assessment.claims.size());
}

INSTANTIATE_TEST_SUITE_P(Views, CycloneDxAssessmentTest,
                         ::testing::Values(ViewCase{"Final", "final-2025", false},
                                           ViewCase{"FinalWithFailures", "final-2025", true},
                                           ViewCase{"Draft", "draft-2024", true}),
                         [](const ::testing::TestParamInfo<ViewCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(CycloneDxAssessmentContentTest, CarriesEveryClaimWithVerdictEvidenceAndDigests) {
  const test_pack::Pack pack = vulnerable_pack();
  const Assessment assessment = run(pack, "final-2025");
  const Json json = Json::parse(to_cyclonedx(assessment, "1.2.3"));
  EXPECT_EQ(json["metadata"]["tools"]["components"][0]["name"], "assay");
  EXPECT_EQ(json["metadata"]["tools"]["components"][0]["version"], "1.2.3");
  const Json& declarations = json["declarations"];
  EXPECT_EQ(declarations["assessors"][0]["organization"]["name"], "Assay");
  EXPECT_EQ(declarations["assessors"][0]["thirdParty"], true);
  const Json& attestation = declarations["attestations"][0];
  EXPECT_EQ(attestation["assessor"], declarations["assessors"][0]["bom-ref"]);
  EXPECT_THAT(attestation["summary"].get<std::string>(), HasSubstr("Ledger from Good Vendor Ltd"));
  EXPECT_EQ(declarations["claims"].size(), 45U);
  EXPECT_EQ(declarations["targets"]["components"][0]["name"], "Ledger");
  EXPECT_EQ(declarations["targets"]["organizations"][0]["name"], "Good Vendor Ltd");

  // 3.1.1: a check fails it although the vendor says met.
  const Json* claim = find_by(declarations["claims"], "bom-ref", "assay:claim/3.1.1");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ((*claim)["target"], declarations["targets"]["components"][0]["bom-ref"]);
  EXPECT_THAT((*claim)["reasoning"].get<std::string>(), HasSubstr("Assay verdict FAIL"));
  EXPECT_THAT((*claim)["reasoning"].get<std::string>(), HasSubstr("INCONSISTENT"));
  ASSERT_FALSE((*claim)["counterEvidence"].empty());
  const Json* mapping = find_by(attestation["map"], "requirement", "assay:requirement/claim/3.1.1");
  ASSERT_NE(mapping, nullptr);
  EXPECT_EQ((*mapping)["claims"][0], "assay:claim/3.1.1");
  EXPECT_DOUBLE_EQ((*mapping)["conformance"]["score"].get<double>(), 0.0);
  EXPECT_THAT((*mapping)["conformance"]["rationale"].get<std::string>(), HasSubstr("FAIL"));
  EXPECT_GT((*mapping)["confidence"]["score"].get<double>(), 0.0);

  // 1.2.1 rests on the SBOM: its digest is in the claim's external references.
  const Json* sbom_claim = find_by(declarations["claims"], "bom-ref", "assay:claim/1.2.1");
  ASSERT_NE(sbom_claim, nullptr);
  const std::string sbom_sha = test_pack::sha256(pack.files.at("sbom/ledger.cdx.json"));
  const Json* reference =
      find_by((*sbom_claim)["externalReferences"], "url", "sbom/ledger.cdx.json");
  ASSERT_NE(reference, nullptr) << sbom_claim->dump(2);
  EXPECT_EQ((*reference)["type"], "evidence");
  EXPECT_EQ((*reference)["hashes"][0]["alg"], "SHA-256");
  EXPECT_EQ((*reference)["hashes"][0]["content"], sbom_sha);
  std::size_t described = 0;
  for (const Json& evidence : declarations["evidence"]) {
    described += evidence["description"].get<std::string>().find(sbom_sha) != std::string::npos;
  }
  EXPECT_GE(described, 1U);

  // The catalogue is the standard; each claim a requirement under its principle.
  const Json& standard = json["definitions"]["standards"][0];
  EXPECT_EQ(standard["name"], assessment.catalogue_title);
  const Json* requirement =
      find_by(standard["requirements"], "bom-ref", "assay:requirement/claim/3.1.1");
  ASSERT_NE(requirement, nullptr);
  EXPECT_EQ((*requirement)["identifier"], "3.1.1");
  EXPECT_EQ((*requirement)["parent"], "assay:requirement/3.1");
}

TEST(CycloneDxAssessmentContentTest, SerialNumberIsAStableUuid) {
  const Assessment assessment = run(test_pack::good_pack(catalogues()), "final-2025");
  const Json first = Json::parse(to_cyclonedx(assessment));
  const Json second = Json::parse(to_cyclonedx(assessment));
  EXPECT_EQ(first["serialNumber"], second["serialNumber"]);
  EXPECT_TRUE(std::regex_match(
      first["serialNumber"].get<std::string>(),
      std::regex("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
  EXPECT_FALSE(first["metadata"]["tools"]["components"][0].contains("version"));
}

}  // namespace
}  // namespace assay::assess
