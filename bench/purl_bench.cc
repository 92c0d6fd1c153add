// Package URL throughput: parse (both modes), build and print on bench/data/purls.txt, 1000 mixed
// purls (bench/peers/purl_make_data.py), the same file bench/peers/purl_parse.mjs gives
// packageurl-js. Override the file with ASSAY_PURL_BENCH_DATA. Measure with the release preset.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "assay/purl/purl.h"

namespace {

const std::vector<std::string>& mixed_purls() {
  static const std::vector<std::string> purls = [] {
    const char* override_path =
        std::getenv("ASSAY_PURL_BENCH_DATA");  // NOLINT(concurrency-mt-unsafe)
    std::ifstream in(override_path != nullptr ? override_path : "bench/data/purls.txt");
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty()) {
        lines.push_back(line);
      }
    }
    return lines;
  }();
  return purls;
}

// Parses every purl of the mixed set per iteration; items/s is purls parsed per second.
void parse_mixed(benchmark::State& state, assay::purl::Mode mode) {
  const std::vector<std::string>& purls = mixed_purls();
  if (purls.empty()) {
    state.SkipWithError("bench/data/purls.txt not found (run from the repository root)");
    return;
  }
  std::size_t failures = 0;
  for (auto _ : state) {
    for (const std::string& text : purls) {
      auto parsed = assay::purl::parse(text, mode);
      if (!parsed) {
        ++failures;
      }
      benchmark::DoNotOptimize(parsed);
    }
  }
  if (failures != 0) {
    state.SkipWithError("some purls of the mixed set did not parse");
    return;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(purls.size()));
}

void BM_ParseMixed(benchmark::State& state) {
  parse_mixed(state, assay::purl::Mode::kNormalize);
}
BENCHMARK(BM_ParseMixed)->UseRealTime();  // wall clock, as the node peer measures

void BM_ParseMixedStrict(benchmark::State& state) {
  parse_mixed(state, assay::purl::Mode::kStrict);
}
BENCHMARK(BM_ParseMixedStrict)->UseRealTime();

void parse_one(benchmark::State& state, const char* text) {
  for (auto _ : state) {
    auto parsed = assay::purl::parse(text);
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_ParseScopedNpm(benchmark::State& state) {
  parse_one(state, "pkg:npm/%40angular/animation@12.3.1");
}
BENCHMARK(BM_ParseScopedNpm);

void BM_ParseMavenQualifiers(benchmark::State& state) {
  parse_one(state,
            "pkg:maven/org.apache.xmlgraphics/batik-anim@1.9.1?classifier=sources&repository_url="
            "repo.spring.io%2Frelease&type=jar");
}
BENCHMARK(BM_ParseMavenQualifiers);

void BM_ParsePypiNormalised(benchmark::State& state) {
  parse_one(state, "pkg:PYPI/Django_Package@1.11.1.dev1");
}
BENCHMARK(BM_ParsePypiNormalised);

// Prints every purl of the pre-parsed mixed set per iteration.
void BM_ToStringMixed(benchmark::State& state) {
  std::vector<assay::purl::Purl> parsed;
  for (const std::string& text : mixed_purls()) {
    if (auto purl = assay::purl::parse(text)) {
      parsed.push_back(std::move(*purl));
    }
  }
  if (parsed.empty()) {
    state.SkipWithError("bench/data/purls.txt not found (run from the repository root)");
    return;
  }
  for (auto _ : state) {
    for (const assay::purl::Purl& purl : parsed) {
      std::string text = purl.to_string();
      benchmark::DoNotOptimize(text);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(parsed.size()));
}
BENCHMARK(BM_ToStringMixed);

// Builds every purl of the mixed set from its (already decoded) components per iteration.
void BM_BuildMixed(benchmark::State& state) {
  std::vector<assay::purl::Purl> components;
  for (const std::string& text : mixed_purls()) {
    if (auto purl = assay::purl::parse(text)) {
      components.push_back(std::move(*purl));
    }
  }
  if (components.empty()) {
    state.SkipWithError("bench/data/purls.txt not found (run from the repository root)");
    return;
  }
  for (auto _ : state) {
    for (const assay::purl::Purl& purl : components) {
      auto built = assay::purl::build(purl);
      benchmark::DoNotOptimize(built);
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(components.size()));
}
BENCHMARK(BM_BuildMixed);

}  // namespace

BENCHMARK_MAIN();
