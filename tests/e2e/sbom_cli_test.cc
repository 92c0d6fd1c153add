// End-to-end tests of `assay sbom validate | inspect | quality | convert` on documents written
// here and on the shared conformance suites and real SBOMs.
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

constexpr std::string_view kBom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "metadata": {"timestamp": "2025-05-07T10:00:00Z",
    "authors": [{"name": "Jane", "email": "jane@vendor.example"}],
    "component": {"type": "application", "bom-ref": "app", "name": "portal", "version": "4.1",
                  "supplier": {"name": "Vendor Ltd"}, "purl": "pkg:generic/portal@4.1"}},
  "components": [
    {"type": "library", "bom-ref": "a", "name": "left-pad", "version": "1.3.0",
     "purl": "pkg:npm/left-pad@1.3.0", "supplier": {"name": "npm"},
     "hashes": [{"alg": "SHA-256",
       "content": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}]},
    {"type": "library", "bom-ref": "b", "name": "broken", "version": "1", "purl": "npm/broken@1"}
  ],
  "dependencies": [{"ref": "app", "dependsOn": ["a", "b"]}, {"ref": "a"}, {"ref": "b"}]
})";

// Writes `text` to a file in the test's temporary folder and returns its path.
std::string write_temp(const std::string& name, std::string_view text) {
  const fs::path path = fs::temp_directory_path() / ("assay_sbom_cli_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(SbomCliTest, ValidateListsEveryProblemWithItsLocationAndExitsOne) {
  const std::string path = write_temp("bad.json", kBom);
  const CliResult result = run_cli({"sbom", "validate", path});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr(path + "#/components/1/purl: error [SBOM-PURL-INVALID]"));
  EXPECT_THAT(result.out, HasSubstr("INVALID CycloneDX 1.6 JSON, 3 components, 1 errors"));
}

TEST(SbomCliTest, ValidateExitsZeroOnAValidBomAndReadsStdin) {
  std::string text(kBom);
  text.replace(text.find("\"npm/broken@1\""), 14, "\"pkg:npm/broken@1\"");
  const CliResult result = run_cli({"sbom", "validate", "-"}, text);
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("<stdin>: valid CycloneDX 1.6 JSON, 3 components, 0 errors"));
}

TEST(SbomCliTest, ValidateJsonOutputIsMachineReadable) {
  const std::string path = write_temp("bad2.json", kBom);
  const CliResult result = run_cli({"sbom", "validate", path, "--format", "json"});
  EXPECT_EQ(result.exit_code, 1);
  const nlohmann::json out = nlohmann::json::parse(result.out);
  EXPECT_EQ(out["valid"], false);
  EXPECT_EQ(out["format"], "cyclonedx-json");
  EXPECT_EQ(out["diagnostics"][0]["code"], "SBOM-PURL-INVALID");
}

TEST(SbomCliTest, ValidateOfAnUnreadableOrUnknownFileExitsTwo) {
  EXPECT_EQ(run_cli({"sbom", "validate", "/nonexistent/bom.json"}).exit_code, 2);
  const std::string path = write_temp("notsbom.json", R"({"hello": "world"})");
  const CliResult result = run_cli({"sbom", "validate", path});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("not an SBOM Assay reads"));
}

TEST(SbomCliTest, InspectJsonListsEveryComponentWithTheDocumentedFields) {
  const std::string path = write_temp("inspect.json", kBom);
  const CliResult result = run_cli({"sbom", "inspect", path, "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  const nlohmann::json out = nlohmann::json::parse(result.out);
  ASSERT_EQ(out["components"].size(), 3U);
  for (const nlohmann::json& component : out["components"]) {
    for (const char* field : {"purl", "name", "version", "hashes", "supplier"}) {
      EXPECT_TRUE(component.contains(field)) << field;
    }
  }
  const nlohmann::json& left_pad = out["components"][1];
  EXPECT_EQ(left_pad["purl"], "pkg:npm/left-pad@1.3.0");
  EXPECT_EQ(left_pad["supplier"], "npm");
  EXPECT_EQ(left_pad["hashes"][0]["algorithm"], "SHA-256");
  EXPECT_EQ(left_pad["depth"], 1);
  // The component with an invalid purl is listed, with no canonical purl.
  EXPECT_EQ(out["components"][2]["purl"], "npm/broken@1");
  EXPECT_TRUE(out["components"][2]["purl_canonical"].is_null());
  EXPECT_EQ(out["summary"]["components"], 3);
  EXPECT_EQ(out["summary"]["direct"], 2);
}

TEST(SbomCliTest, InspectTableShowsDepthAndIdentity) {
  const std::string path = write_temp("inspect2.json", kBom);
  const CliResult result = run_cli({"sbom", "inspect", path});
  ASSERT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("describes: portal 4.1"));
  EXPECT_THAT(result.out, HasSubstr("pkg:npm/left-pad@1.3.0"));
  EXPECT_THAT(result.out, HasSubstr("3 components, 0 services"));
}

TEST(SbomCliTest, QualityExplainsTheVerdictAndExitsOneOnFail) {
  const std::string path = write_temp("quality.json", kBom);
  const CliResult result = run_cli({"sbom", "quality", path, "--profile", "ntia"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("NTIA minimum elements"));
  EXPECT_THAT(result.out, HasSubstr("[FAIL] Supplier name: 2/3 (66.7%)"));
  EXPECT_THAT(result.out, HasSubstr("missing in: broken@1"));
  const CliResult json =
      run_cli({"sbom", "quality", path, "--profile", "fsct", "--format", "json"});
  const nlohmann::json out = nlohmann::json::parse(json.out);
  EXPECT_EQ(out["profile"], "fsct");
  EXPECT_EQ(out["verdict"], "fail");
  EXPECT_TRUE(out["fields"].is_array());
}

TEST(SbomCliTest, QualityRefusesAnUnknownProfile) {
  const std::string path = write_temp("quality2.json", kBom);
  const CliResult result = run_cli({"sbom", "quality", path, "--profile", "iso"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("ntia, bsi-tr-03183-2 or fsct"));
}

TEST(SbomCliTest, ConvertWritesValidCycloneDx16) {
  const std::string path = write_temp("convert.json", kBom);
  const std::string output = (fs::temp_directory_path() / "assay_sbom_cli_out.json").string();
  const CliResult result =
      run_cli({"sbom", "convert", path, "--to", "cyclonedx-1.6", "-o", output});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.err, HasSubstr("SBOM-PURL-INVALID"));  // reported, still converted
  const CliResult check = run_cli({"sbom", "validate", output});
  EXPECT_EQ(check.exit_code, 0) << check.out;
  EXPECT_EQ(run_cli({"sbom", "convert", path, "--to", "spdx-2.3"}).exit_code, 2);
}

// Every conformance file of the CycloneDX specification through the command line: exit 0 for
// valid-*, 1 for invalid-* (the one reviewed exception is the dependency-graph extension test).
TEST(SbomCliTest, ValidateGivesEveryCycloneDxConformanceFileItsExitCode) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "cyclonedx-specification/tools/src/test/resources");
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    const std::string name = entry.path().filename().string();
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".json" && extension != ".xml") ||
        name == "invalid-depgraph-1.0.xml") {
      continue;
    }
    const bool valid = name.rfind("valid-", 0) == 0;
    if (!valid && name.rfind("invalid-", 0) != 0) {
      continue;
    }
    const CliResult result = run_cli({"sbom", "validate", entry.path().string()});
    EXPECT_EQ(result.exit_code, valid ? 0 : 1) << entry.path() << result.out << result.err;
    ++checked;
  }
  std::printf("cli validate: %d CycloneDX conformance files\n", checked);
  EXPECT_GT(checked, 700);
}

// inspect and quality run on every real SBOM of the shared data without failing.
TEST(SbomCliTest, InspectAndQualityRunOnEveryRealSbom) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "spdx-examples");
  int checked = 0;
  for (const std::string folder :
       {"cyclonedx-bom-examples", "spdx-examples", "osv-scalibr-extractors",
        "osv-scanner-fixtures/cmd/osv-scanner/scan/source/testdata/sbom-insecure"}) {
    const fs::path base = shared_data(folder);
    if (base.empty()) {
      continue;
    }
    for (const auto& entry : fs::recursive_directory_iterator(base)) {
      const std::string extension = entry.path().extension().string();
      if (!entry.is_regular_file() ||
          (extension != ".json" && extension != ".xml" && extension != ".spdx")) {
        continue;
      }
      const CliResult inspect =
          run_cli({"sbom", "inspect", entry.path().string(), "--format", "json"});
      if (inspect.exit_code == 2) {
        continue;  // not an SBOM (detected and refused with a message)
      }
      ASSERT_EQ(inspect.exit_code, 0) << entry.path() << inspect.err;
      const nlohmann::json out = nlohmann::json::parse(inspect.out);
      EXPECT_TRUE(out["components"].is_array());
      for (const char* profile : {"ntia", "bsi-tr-03183-2", "fsct"}) {
        const CliResult quality = run_cli(
            {"sbom", "quality", entry.path().string(), "--profile", profile, "--format", "json"});
        EXPECT_TRUE(quality.exit_code == 0 || quality.exit_code == 1) << entry.path();
      }
      ++checked;
    }
  }
  std::printf("cli inspect+quality: %d real SBOMs\n", checked);
  EXPECT_GT(checked, 100);
}

}  // namespace
}  // namespace assay::testing
