// Fuzzes the advisory readers through the dispatcher (OSV JSON and YAML, JSON arrays of records,
// CSAF 2.0) and CSAF validation: no crash, hang or unbounded growth on any input; errors say
// something; every advisory read has an id and, when it has a modified date, writes back as OSV
// JSON that reads again with the same id.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/formats/advisory.h"
#include "assay/formats/osv.h"

namespace {

[[noreturn]] void oracle_failed(const char* what, const std::string& detail) {
  std::fprintf(stderr, "advisory oracle failed: %s: %s\n", what, detail.c_str());
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  assay::InputLimits limits;
  limits.max_bytes = 1U << 20U;
  limits.max_depth = 32;
  limits.max_items = 100'000;
  const auto parsed = assay::formats::read_advisories(text, "fuzz", limits);
  static_cast<void>(assay::formats::validate_advisories(text, "fuzz", limits));
  if (!parsed) {
    if (parsed.error().message.empty()) {
      oracle_failed("an error without a message", parsed.error().location);
    }
    return 0;
  }
  for (const assay::model::Advisory& advisory : parsed->value.advisories) {
    if (advisory.id.empty()) {
      oracle_failed("an advisory without an id", "");
    }
    if (advisory.modified.empty()) {
      continue;  // OSV requires "modified"; a CSAF document without dates cannot give one
    }
    const std::string written = assay::formats::write_osv_json(advisory);
    const auto again = assay::formats::read_osv_json(written, "rewritten");
    if (!again) {
      oracle_failed("written OSV does not read back", again.error().to_string() + "\n" + written);
    }
    if (again->value.id != advisory.id) {
      oracle_failed("the id changed through OSV", advisory.id);
    }
  }
  return 0;
}
