// CVSS throughput: vectors parsed and scored per second, per version (items_per_second), plus
// parse-only and score-only for v4.0, whose MacroVector method is the costliest.
#include <array>
#include <cstddef>
#include <string_view>

#include <benchmark/benchmark.h>

#include "assay/cvss/cvss.h"

namespace {

// Realistic mixes: base-only vectors as advisories publish them, and some with temporal/threat
// and environmental metrics.
constexpr std::array<std::string_view, 4> kV2 = {
    "AV:N/AC:L/Au:N/C:P/I:P/A:P",
    "AV:L/AC:M/Au:S/C:N/I:P/A:C/E:U/RL:OF/RC:UR",
    "AV:A/AC:H/Au:S/C:N/I:P/A:P/E:POC/RL:OF/RC:C/CDP:LM/TD:M/CR:M/IR:L/AR:L",
    "AV:N/AC:M/Au:N/C:C/I:C/A:C",
};
constexpr std::array<std::string_view, 4> kV30 = {
    "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.0/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N",
    "CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/E:H/RL:W/RC:U/CR:H/MAV:L/MS:C/MI:H/MA:L",
    "CVSS:3.0/AV:P/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N/E:P/RL:O/RC:C",
};
constexpr std::array<std::string_view, 4> kV31 = {
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N",
    "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:N/A:H/E:H/RL:W/RC:U/CR:H/MAV:L/MS:C/MI:H/MA:L",
    "CVSS:3.1/AV:P/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N/E:P/RL:O/RC:C",
};
constexpr std::array<std::string_view, 4> kV40 = {
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
    "CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:P/VC:L/VI:L/VA:N/SC:L/SI:N/SA:N",
    "CVSS:4.0/AV:L/AC:H/AT:P/PR:L/UI:A/VC:L/VI:N/VA:N/SC:H/SI:L/SA:N/E:U/CR:L/MSI:S",
    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A/CR:H/IR:H/AR:H/S:P/U:Red",
};

template <std::size_t N>
void parse_and_score(benchmark::State& state, const std::array<std::string_view, N>& vectors) {
  std::size_t next = 0;
  for (auto _ : state) {
    const auto vector = assay::cvss::parse(vectors[next]);
    benchmark::DoNotOptimize(assay::cvss::score(*vector));
    next = (next + 1) % N;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ParseScoreV2(benchmark::State& state) {
  parse_and_score(state, kV2);
}
BENCHMARK(BM_ParseScoreV2);

void BM_ParseScoreV30(benchmark::State& state) {
  parse_and_score(state, kV30);
}
BENCHMARK(BM_ParseScoreV30);

void BM_ParseScoreV31(benchmark::State& state) {
  parse_and_score(state, kV31);
}
BENCHMARK(BM_ParseScoreV31);

void BM_ParseScoreV40(benchmark::State& state) {
  parse_and_score(state, kV40);
}
BENCHMARK(BM_ParseScoreV40);

void BM_ParseOnlyV40(benchmark::State& state) {
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(assay::cvss::parse(kV40[next]));
    next = (next + 1) % kV40.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ParseOnlyV40);

void BM_ScoreOnlyV40(benchmark::State& state) {
  std::array<assay::cvss::Vector, kV40.size()> vectors;
  for (std::size_t i = 0; i < kV40.size(); ++i) {
    vectors[i] = *assay::cvss::parse(kV40[i]);
  }
  std::size_t next = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(assay::cvss::score(vectors[next]));
    next = (next + 1) % vectors.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoreOnlyV40);

}  // namespace

BENCHMARK_MAIN();
