// Version parse and compare throughput per scheme. TODO(#2): all schemes, purl parsing.
#include <benchmark/benchmark.h>

#include "assay/version/version.h"

namespace {

void BM_ParseCompareDebian(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        assay::version::compare(assay::version::Scheme::kDebian, "1:1.2.3-1", "1:1.2.10~rc1-1"));
  }
}
BENCHMARK(BM_ParseCompareDebian);

}  // namespace

BENCHMARK_MAIN();
