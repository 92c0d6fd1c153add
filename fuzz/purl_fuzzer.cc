// Fuzzes the purl parser with round-trip oracles, in both modes: parse never crashes; when
// parse(x) succeeds, parse(to_string()) succeeds and gives an equal Purl, to_string() is
// idempotent, build() of the parsed components gives the same Purl, and whatever kStrict accepts
// kNormalize accepts too.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/purl/purl.h"

namespace {

[[noreturn]] void oracle_failed(const char* what, std::string_view input,
                                const std::string& detail) {
  std::fprintf(stderr, "purl oracle failed: %s\ninput: %.*s\ndetail: %s\n", what,
               static_cast<int>(input.size()), input.data(), detail.c_str());
  std::abort();
}

// Returns whether `text` parsed in `mode`, checking the oracles when it did.
bool check_mode(std::string_view text, assay::purl::Mode mode) {
  const assay::Result<assay::purl::Purl> parsed = assay::purl::parse(text, mode);
  if (!parsed) {
    if (parsed.error().message.empty()) {
      oracle_failed("error without a message", text, "");
    }
    return false;
  }
  const std::string canonical = parsed->to_string();
  const assay::Result<assay::purl::Purl> reparsed = assay::purl::parse(canonical, mode);
  if (!reparsed) {
    oracle_failed("canonical form does not parse", text,
                  canonical + " -> " + reparsed.error().to_string());
  }
  if (!(*reparsed == *parsed)) {
    oracle_failed("canonical form parses to a different purl", text,
                  canonical + " -> " + reparsed->to_string());
  }
  if (reparsed->to_string() != canonical) {
    oracle_failed("to_string is not idempotent", text, canonical + " -> " + reparsed->to_string());
  }
  const assay::Result<assay::purl::Purl> rebuilt = assay::purl::build(*parsed, mode);
  if (!rebuilt) {
    oracle_failed("build rejects parsed components", text, rebuilt.error().to_string());
  }
  if (!(*rebuilt == *parsed)) {
    oracle_failed("build changes parsed components", text,
                  canonical + " -> " + rebuilt->to_string());
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const bool normalized = check_mode(text, assay::purl::Mode::kNormalize);
  const bool strict = check_mode(text, assay::purl::Mode::kStrict);
  if (strict && !normalized) {
    oracle_failed("kStrict accepts what kNormalize rejects", text, "");
  }
  return 0;
}
