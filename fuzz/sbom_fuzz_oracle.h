// Shared oracle of the SBOM reader fuzz targets: whatever a reader accepts must convert to
// CycloneDX 1.6 and read back with the same number of components (no component is ever lost).
#ifndef ASSAY_FUZZ_SBOM_FUZZ_ORACLE_H_
#define ASSAY_FUZZ_SBOM_FUZZ_ORACLE_H_

#include <cstdio>
#include <cstdlib>
#include <string>

#include "assay/core/limits.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/sbom.h"

namespace assay::fuzz {

// Small limits so the fuzzer explores structure, not size.
inline InputLimits sbom_fuzz_limits() {
  InputLimits limits;
  limits.max_bytes = 256 * 1024;
  limits.max_depth = 32;
  limits.max_items = 20000;
  limits.max_string_bytes = 64 * 1024;
  return limits;
}

inline void check_round_trip(const Result<Parsed<model::Sbom>>& parsed) {
  if (!parsed) {
    if (parsed.error().message.empty()) {
      std::fprintf(stderr, "oracle: error without a message\n");
      std::abort();
    }
    return;
  }
  const std::string written = formats::write_cyclonedx_json(parsed->value);
  const Result<Parsed<model::Sbom>> again =
      formats::read_cyclonedx_json(written, "round-trip", InputLimits{});
  if (!again) {
    std::fprintf(stderr, "oracle: own CycloneDX output does not read back: %s\n",
                 again.error().to_string().c_str());
    std::abort();
  }
  if (again->value.components.size() != parsed->value.components.size()) {
    std::fprintf(stderr, "oracle: %zu components became %zu\n", parsed->value.components.size(),
                 again->value.components.size());
    std::abort();
  }
}

}  // namespace assay::fuzz

#endif  // ASSAY_FUZZ_SBOM_FUZZ_ORACLE_H_
