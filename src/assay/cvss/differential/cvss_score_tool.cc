// Test harness for the differential test: reads one CVSS vector per line on stdin and prints, per
// line, "ok <base> <temporal|-> <environmental|-> <overall> <canonical vector>" or
// "error <message>". Scores are printed in the shortest form that reads back to the same double,
// so a score that is not exactly one decimal cannot hide.
#include <array>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>

#include "assay/cvss/cvss.h"

namespace {

void print_score(const std::optional<double>& value) {
  if (value) {
    std::array<char, 64> buffer{};
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *value);
    std::printf(" %.*s", static_cast<int>(result.ptr - buffer.data()), buffer.data());
  } else {
    std::printf(" -");
  }
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    const auto vector = assay::cvss::parse(line);
    if (!vector) {
      std::printf("error %s\n", vector.error().to_string().c_str());
      continue;
    }
    const assay::cvss::Scores scores = assay::cvss::score(*vector);
    std::printf("ok");
    print_score(scores.base);
    print_score(scores.temporal);
    print_score(scores.environmental);
    print_score(scores.overall());
    std::printf(" %s\n", assay::cvss::to_string(*vector).c_str());
  }
  return 0;
}
