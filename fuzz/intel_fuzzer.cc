// Fuzzes the threat-intelligence readers (CISA KEV as JSON and as CSV, FIRST EPSS CSV) on the
// same input: no crash, hang or unbounded growth; an error always says something and where; every
// EPSS score kept is a probability; every diagnostic has a code, a location and a message.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "assay/formats/intel.h"

namespace {

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "intel oracle failed: %s\n", what);
  std::abort();
}

template <typename T>
void check(const assay::Result<assay::Parsed<T>>& parsed, const assay::InputLimits& limits) {
  if (!parsed) {
    if (parsed.error().message.empty() || parsed.error().location.empty()) {
      oracle_failed("an error without a message or location");
    }
    return;
  }
  if (parsed->diagnostics.size() > limits.max_items + 1) {
    oracle_failed("more diagnostics than the item limit allows");
  }
  for (const assay::Diagnostic& diagnostic : parsed->diagnostics) {
    if (diagnostic.code.empty() || diagnostic.location.empty() || diagnostic.message.empty()) {
      oracle_failed("a diagnostic without a code, location or message");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  assay::InputLimits limits;
  limits.max_bytes = 1U << 20U;
  limits.max_depth = 32;
  limits.max_items = 10'000;

  const auto kev_json = assay::formats::read_kev_json(text, "fuzz.json", limits);
  check(kev_json, limits);
  if (kev_json && kev_json->value.entries.size() > limits.max_items) {
    oracle_failed("more KEV entries than the item limit");
  }
  const auto kev_csv = assay::formats::read_kev_csv(text, "fuzz.csv", limits);
  check(kev_csv, limits);
  if (kev_csv && kev_csv->value.entries.size() > limits.max_items) {
    oracle_failed("more KEV rows than the item limit");
  }
  const auto epss = assay::formats::read_epss_csv(text, "fuzz.csv", limits);
  check(epss, limits);
  if (epss) {
    if (epss->value.scores.size() > limits.max_items) {
      oracle_failed("more EPSS rows than the item limit");
    }
    for (const assay::model::EpssScore& score : epss->value.scores) {
      // Written so that NaN fails too.
      if (!(score.score >= 0.0 && score.score <= 1.0) ||
          !(score.percentile >= 0.0 && score.percentile <= 1.0)) {
        oracle_failed("an EPSS score or percentile outside 0..1 was kept");
      }
    }
  }
  return 0;
}
