// Fuzzes CVSS vector parsing and scoring, with oracles: a parsed vector prints canonically and
// parses back to itself (parse(to_string(v)) == v, printing is idempotent), every score is a
// one-decimal number in [0, 10], and a v4.0 MacroVector has six EQ digits. Each input is tried
// with the default (strict order) and the lenient v4.0-order parse options.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "assay/cvss/cvss.h"

namespace {

[[noreturn]] void oracle_failed(const char* what, std::string_view input) {
  std::fprintf(stderr, "cvss oracle failed (%s) for input \"%.*s\"\n", what,
               static_cast<int>(input.size()), input.data());
  std::abort();
}

void check_score(const std::optional<double>& value, std::string_view input) {
  if (!value) {
    return;
  }
  if (!(*value >= 0.0 && *value <= 10.0)) {
    oracle_failed("score outside [0, 10]", input);
  }
  const double tenths = *value * 10.0;
  if (std::fabs(tenths - std::round(tenths)) > 1e-9) {
    oracle_failed("score not rounded to one decimal", input);
  }
  static_cast<void>(assay::cvss::severity(*value));
}

void check(std::string_view input, const assay::cvss::ParseOptions& options) {
  const auto vector = assay::cvss::parse(input, options);
  if (!vector) {
    if (vector.error().message.empty()) {
      oracle_failed("error without a message", input);
    }
    return;
  }
  const std::string canonical = assay::cvss::to_string(*vector);
  const auto reparsed = assay::cvss::parse(canonical);
  if (!reparsed) {
    oracle_failed("canonical form does not parse", input);
  }
  if (!(*reparsed == *vector)) {
    oracle_failed("parse(to_string(v)) != v", input);
  }
  if (assay::cvss::to_string(*reparsed) != canonical) {
    oracle_failed("to_string is not idempotent", input);
  }
  const assay::cvss::Scores scores = assay::cvss::score(*vector);
  check_score(scores.base, input);
  check_score(scores.temporal, input);
  check_score(scores.environmental, input);
  check_score(scores.overall(), input);
  if (vector->version() == assay::cvss::Version::kV40) {
    const std::string macro = assay::cvss::macro_vector(*vector);
    if (macro.size() != 6 || macro.find_first_not_of("012") != std::string::npos) {
      oracle_failed("bad MacroVector", input);
    }
  }
  if (assay::cvss::score(*reparsed) != scores) {
    oracle_failed("re-parsed vector scores differently", input);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check(input, assay::cvss::ParseOptions{});
  check(input, assay::cvss::ParseOptions{.allow_any_v4_order = true});
  return 0;
}
