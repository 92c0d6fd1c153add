// Fuzzes the CSAF provider-metadata rules of CHK-CSAF-01 (assess::check_csaf_provider_metadata):
// no crash, hang or unbounded growth on any input; every problem and warning names the file; a
// document that is not JSON is always a problem, never a silent pass.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/assess/assessment.h"

namespace {

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "csaf_provider oracle failed: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // 2026-12-08 as days since the epoch, and the default staleness limit.
  const auto report =
      assay::assess::check_csaf_provider_metadata(text, "provider-metadata.json", 20795, 365);
  if (report.problems.size() + report.warnings.size() > 100'000) {
    oracle_failed("unbounded findings");
  }
  for (const std::string& line : report.problems) {
    if (line.find("provider-metadata.json") == std::string::npos) {
      oracle_failed("a problem that does not name the file");
    }
  }
  for (const std::string& line : report.warnings) {
    if (line.find("provider-metadata.json") == std::string::npos) {
      oracle_failed("a warning that does not name the file");
    }
  }
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos && report.problems.empty()) {
    oracle_failed("an empty document passed");
  }
  return 0;
}
