// Fuzzes the spdx json reader and its validation: no crash, hang or unbounded growth on any
// input, errors always say something, and what reads converts to CycloneDX 1.6 and back with
// the same components (sbom_fuzz_oracle.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "assay/formats/spdx.h"

#include "sbom_fuzz_oracle.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const assay::InputLimits limits = assay::fuzz::sbom_fuzz_limits();
  assay::fuzz::check_round_trip(assay::formats::read_spdx_json(text, "fuzz", limits));
  static_cast<void>(assay::formats::validate_spdx_json(text, "fuzz", limits));
  return 0;
}
