// The CycloneDX specification's own conformance files (tools/src/test/resources/<version>):
// every valid-* must validate and every invalid-* must not, in JSON and XML, except the reviewed
// exceptions below. Counts per version are printed so that the report can quote them.
#include <filesystem>
#include <map>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "assay/formats/sbom.h"

#include "testing.h"

namespace assay::formats {
namespace {

// Reviewed exceptions: file name -> why Assay's verdict deliberately differs from the file's
// prefix. Keep in step with docs/formats/cyclonedx.md.
const std::map<std::string, std::string>& exceptions() {
  static const std::map<std::string, std::string> kExceptions = {
      {"invalid-depgraph-1.0.xml",
       "tests the dependency-graph extension schema (namespace .../ext/dependency-graph/1.0), "
       "which @cyclonedx/cyclonedx-library does not ship; against the official CycloneDX 1.1 "
       "XSD the foreign-namespace elements are allowed (xs:any), so Assay finds it valid"},
  };
  return kExceptions;
}

struct Tally {
  int valid_ok = 0;
  int valid_total = 0;
  int invalid_ok = 0;
  int invalid_total = 0;
  int excepted = 0;
};

TEST(CycloneDxConformanceTest, EveryFileGetsItsExpectedVerdict) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "cyclonedx-specification/tools/src/test/resources");
  std::map<std::string, Tally> tallies;
  std::set<std::string> used_exceptions;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) {
      continue;
    }
    const std::string name = entry.path().filename().string();
    const std::string extension = entry.path().extension().string();
    if (extension != ".json" && extension != ".xml") {
      continue;
    }
    const bool expect_valid = name.rfind("valid-", 0) == 0;
    const bool expect_invalid = name.rfind("invalid-", 0) == 0;
    if (!expect_valid && !expect_invalid) {
      continue;
    }
    const std::string version = entry.path().parent_path().filename().string();
    Tally& tally = tallies[version + extension];
    (expect_valid ? tally.valid_total : tally.invalid_total)++;
    const std::string text = testing::read_text(entry.path());
    const Result<ValidationReport> report = validate_sbom(text, name);
    bool valid = report.has_value() && report->valid();
    const auto exception = exceptions().find(name);
    if (exception != exceptions().end()) {
      used_exceptions.insert(name);
      tally.excepted++;
      EXPECT_EQ(valid, !expect_valid) << name << " is listed as an exception (" << exception->second
                                      << ") but now gets the verdict its "
                                      << "name expects; remove it from the table";
      continue;
    }
    if (valid == expect_valid) {
      (expect_valid ? tally.valid_ok : tally.invalid_ok)++;
      continue;
    }
    std::string detail;
    if (!report) {
      detail = report.error().to_string();
    } else {
      for (const Diagnostic& diagnostic : report->diagnostics) {
        detail += "\n    " + diagnostic.to_string();
      }
    }
    ADD_FAILURE() << entry.path().string() << ": expected " << (expect_valid ? "valid" : "invalid")
                  << ", got " << (valid ? "valid" : "invalid") << detail;
  }
  for (const auto& [key, tally] : tallies) {
    std::printf("cyclonedx %-10s valid %d/%d  invalid %d/%d  exceptions %d\n", key.c_str(),
                tally.valid_ok, tally.valid_total, tally.invalid_ok, tally.invalid_total,
                tally.excepted);
  }
  for (const auto& [name, reason] : exceptions()) {
    EXPECT_TRUE(used_exceptions.count(name) > 0) << "exception " << name << " matched no file";
  }
}

}  // namespace
}  // namespace assay::formats
