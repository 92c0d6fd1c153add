// Fuzzes the VEX readers through the dispatcher (OpenVEX, CSAF VEX, CycloneDX VEX): no crash,
// hang or unbounded growth on any input; an error always says something and where; every
// statement read names its vulnerability and every diagnostic has a code and a location.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "assay/formats/vex.h"

namespace {

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "vex oracle failed: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  assay::InputLimits limits;
  limits.max_bytes = 1U << 20U;
  limits.max_depth = 32;
  limits.max_items = 100'000;
  const auto parsed = assay::formats::read_vex(text, "fuzz", limits);
  if (!parsed) {
    if (parsed.error().message.empty() || parsed.error().location.empty()) {
      oracle_failed("an error without a message or location");
    }
    return 0;
  }
  for (const assay::model::VexStatement& statement : parsed->value.statements) {
    if (statement.vulnerability.empty() && parsed->value.format == "openvex") {
      oracle_failed("an OpenVEX statement without a vulnerability");
    }
  }
  for (const assay::Diagnostic& diagnostic : parsed->diagnostics) {
    if (diagnostic.code.empty() || diagnostic.location.empty() || diagnostic.message.empty()) {
      oracle_failed("a diagnostic without code, location or message");
    }
  }
  return 0;
}
