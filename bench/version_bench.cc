// Version throughput: parse, compare including parsing, and compare of parsed versions for every
// scheme; npm Range::contains; and the npm workloads bench/peers/semver_bench.mjs runs with node's
// semver on the same files (bench/data/semver_pairs.txt, bench/data/semver_ranges.txt).
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include <benchmark/benchmark.h>

#include "assay/version/range.h"
#include "assay/version/version.h"

namespace {

using assay::version::ContainsOptions;
using assay::version::Range;
using assay::version::RangeSyntax;
using assay::version::Scheme;
using assay::version::Version;

// Typical pairs per scheme: a release against a pre-release or a longer version.
std::pair<const char*, const char*> sample(Scheme scheme) {
  switch (scheme) {
    case Scheme::kSemver:
    case Scheme::kNpm:
    case Scheme::kCargo:
    case Scheme::kHex:
    case Scheme::kPub:
      return {"1.2.3-rc.1", "1.2.10"};
    case Scheme::kGo:
      return {"v1.2.3-0.20210101000000-abcdefabcdef", "v1.2.10"};
    case Scheme::kPep440:
      return {"1.2.3rc1", "1.2.10.post1"};
    case Scheme::kMaven:
      return {"1.2.3-RC1", "1.2.10"};
    case Scheme::kRubyGems:
      return {"1.2.3.rc1", "1.2.10"};
    case Scheme::kComposer:
      return {"1.2.3-RC1", "v1.2.10"};
    case Scheme::kNuget:
      return {"1.2.3-rc.1", "1.2.10"};
    case Scheme::kDebian:
      return {"1:1.2.3~rc1-1", "1:1.2.10-1"};
    case Scheme::kRpm:
      return {"1.2.3~rc1-1.el9", "1.2.10-1.el9"};
    case Scheme::kAlpine:
      return {"1.2.3_rc1-r0", "1.2.10-r1"};
    case Scheme::kDatetime:
      return {"2023-01-01T00:00:00Z", "2023-06-01T12:00:00Z"};
    case Scheme::kOpenssl:
      return {"1.1.1k", "3.0.7"};
    default:
      return {"1.2.3", "1.2.10"};
  }
}

void BM_Parse(benchmark::State& state, Scheme scheme) {
  const auto [text, other] = sample(scheme);
  static_cast<void>(other);
  if (!Version::parse(scheme, text)) {
    state.SkipWithError("scheme cannot parse its sample yet");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(Version::parse(scheme, text));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_ParseCompare(benchmark::State& state, Scheme scheme) {
  const auto [a, b] = sample(scheme);
  if (!assay::version::compare(scheme, a, b)) {
    state.SkipWithError("scheme cannot parse its sample yet");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(assay::version::compare(scheme, a, b));
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_CompareParsed(benchmark::State& state, Scheme scheme) {
  const auto [a, b] = sample(scheme);
  const auto left = Version::parse(scheme, a);
  const auto right = Version::parse(scheme, b);
  if (!left || !right) {
    state.SkipWithError("scheme cannot parse its sample yet");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(left->compare(*right));
  }
  state.SetItemsProcessed(state.iterations());
}

void register_scheme_benchmarks() {
  for (const Scheme scheme : assay::version::all_schemes()) {
    const std::string name(assay::version::to_string(scheme));
    benchmark::RegisterBenchmark(("BM_Parse/" + name).c_str(), BM_Parse, scheme);
    benchmark::RegisterBenchmark(("BM_ParseCompare/" + name).c_str(), BM_ParseCompare, scheme);
    benchmark::RegisterBenchmark(("BM_CompareParsed/" + name).c_str(), BM_CompareParsed, scheme);
  }
}

// ---------------------------------------------------------------------------------------------
// The npm workloads shared with bench/peers/semver_bench.mjs.

std::vector<std::pair<std::string, std::string>> read_pairs(const char* path) {
  std::vector<std::pair<std::string, std::string>> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab != std::string::npos) {
      out.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
  }
  return out;
}

const std::vector<std::pair<std::string, std::string>>& npm_pairs() {
  static const auto pairs = read_pairs("bench/data/semver_pairs.txt");
  return pairs;
}
const std::vector<std::pair<std::string, std::string>>& npm_ranges() {
  static const auto ranges = read_pairs("bench/data/semver_ranges.txt");
  return ranges;
}

// semver.compare(a, b): parse both, compare.
void BM_NpmCompareFile(benchmark::State& state) {
  const auto& pairs = npm_pairs();
  if (pairs.empty()) {
    state.SkipWithError("bench/data/semver_pairs.txt not found (run from the repository root)");
    return;
  }
  for (auto _ : state) {
    for (const auto& [a, b] : pairs) {
      benchmark::DoNotOptimize(assay::version::compare(Scheme::kNpm, a, b));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pairs.size()));
}
BENCHMARK(BM_NpmCompareFile)->UseRealTime();

// semver.satisfies(v, r): parse the range and the version, then test.
void BM_NpmSatisfiesFile(benchmark::State& state) {
  const auto& cases = npm_ranges();
  if (cases.empty()) {
    state.SkipWithError("bench/data/semver_ranges.txt not found (run from the repository root)");
    return;
  }
  for (auto _ : state) {
    for (const auto& [version, range] : cases) {
      const auto parsed = Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, range);
      benchmark::DoNotOptimize(parsed ? parsed->contains(version) : assay::Result<bool>(false));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cases.size()));
}
BENCHMARK(BM_NpmSatisfiesFile)->UseRealTime();

// Range::contains on pre-parsed ranges and versions (the matcher's hot path).
void BM_NpmContainsParsed(benchmark::State& state) {
  std::vector<std::pair<Version, Range>> cases;
  for (const auto& [version, range] : npm_ranges()) {
    auto v = Version::parse(Scheme::kNpm, version);
    auto r = Range::parse_native(Scheme::kNpm, RangeSyntax::kNpm, range);
    if (v && r) {
      cases.emplace_back(std::move(*v), std::move(*r));
    }
  }
  if (cases.empty()) {
    state.SkipWithError("bench/data/semver_ranges.txt not found (run from the repository root)");
    return;
  }
  for (auto _ : state) {
    for (const auto& [version, range] : cases) {
      benchmark::DoNotOptimize(range.contains(version, ContainsOptions{}));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cases.size()));
}
BENCHMARK(BM_NpmContainsParsed)->UseRealTime();

// Range::contains for the other native syntaxes, pre-parsed.
void BM_ContainsParsed(benchmark::State& state, Scheme scheme, RangeSyntax syntax,
                       const char* range_text, const char* version_text) {
  const auto range = Range::parse_native(scheme, syntax, range_text);
  const auto version = Version::parse(scheme, version_text);
  if (!range || !version) {
    state.SkipWithError("cannot parse the sample");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(range->contains(*version));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_ContainsParsed, pep440, Scheme::kPep440, RangeSyntax::kPep440,
                  ">=1.0,<2.0,!=1.5.1", "1.7.3");
BENCHMARK_CAPTURE(BM_ContainsParsed, maven, Scheme::kMaven, RangeSyntax::kMaven,
                  "[1.0,1.5),[2.0,3.0)", "2.1.0-RC1");
BENCHMARK_CAPTURE(BM_ContainsParsed, cargo, Scheme::kCargo, RangeSyntax::kCargo, "^1.2, <1.9",
                  "1.7.3");
BENCHMARK_CAPTURE(BM_ContainsParsed, rubygems, Scheme::kRubyGems, RangeSyntax::kRubyGems,
                  "~> 2.0.8", "2.0.9");
BENCHMARK_CAPTURE(BM_ContainsParsed, composer, Scheme::kComposer, RangeSyntax::kComposer,
                  "^1.2 || ^2.0", "2.3.1");
BENCHMARK_CAPTURE(BM_ContainsParsed, nuget, Scheme::kNuget, RangeSyntax::kNuget, "[1.0,2.0)",
                  "1.5.0");

}  // namespace

int main(int argc, char** argv) {
  register_scheme_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
