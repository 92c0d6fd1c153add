// Sigstore bundle verification speed on the sigstore-conformance positive cases, read in place
// from shared data: each case alone, all cases round-robin (the figure compared with
// @sigstore/verify by bench/peers/compare_sigstore.sh), and the parsers on their own. Trusted
// roots are parsed once, as a long-running verifier would; every iteration parses the bundle
// JSON and verifies it completely. ASSAY_SIGSTORE_BENCH_CASES=a,b,c restricts the cases.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "assay/core/strings.h"
#include "assay/verify/sigstore_verify.h"

namespace {

namespace fs = std::filesystem;
namespace sig = assay::verify::sigstore;

constexpr std::string_view kDefaultIdentity =
    "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/"
    "workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
constexpr std::string_view kDefaultIssuer = "https://token.actions.githubusercontent.com";

fs::path shared_data_root() {
  const char* value = std::getenv("ASSAY_SHARED_DATA");  // NOLINT(concurrency-mt-unsafe)
  return value != nullptr && *value != '\0' ? fs::path(value) : fs::path("..") / "shared" / "data";
}

std::string read(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << stream.rdbuf();
  return buffer.str();
}

std::string read_trimmed(const fs::path& path, std::string_view fallback) {
  return fs::exists(path) ? std::string(assay::trim(read(path))) : std::string(fallback);
}

struct Case {
  std::string name;
  std::string bundle_json;
  std::string artefact;
  std::shared_ptr<const sig::TrustedRoot> root;
  std::shared_ptr<const sig::Policy> policy;
};

// The positive conformance cases that verify, with everything but the bundle prepared.
const std::vector<Case>& cases() {
  static const std::vector<Case>* const kCases = [] {
    auto* loaded = new std::vector<Case>();
    const fs::path suite =
        shared_data_root() / "sigstore-conformance" / "test" / "assets" / "bundle-verify";
    const fs::path public_root =
        shared_data_root() / "sigstore-conformance" / "public-good-trusted_root.json";
    if (!fs::exists(suite) || !fs::exists(public_root)) {
      return loaded;
    }
    std::set<std::string> only;
    if (const char* filter = std::getenv("ASSAY_SIGSTORE_BENCH_CASES")) {  // NOLINT
      for (std::string_view name : assay::split(filter, ',')) {
        if (!name.empty()) {
          only.insert(std::string(name));
        }
      }
    }
    std::map<fs::path, std::shared_ptr<const sig::TrustedRoot>> roots;
    std::vector<fs::path> dirs;
    for (const auto& entry : fs::directory_iterator(suite)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_directory() && name.find("_fail") == std::string::npos &&
          (only.empty() || only.count(name) > 0)) {
        dirs.push_back(entry.path());
      }
    }
    std::sort(dirs.begin(), dirs.end());
    for (const fs::path& dir : dirs) {
      const fs::path root_path =
          fs::exists(dir / "trusted_root.json") ? dir / "trusted_root.json" : public_root;
      if (roots.count(root_path) == 0) {
        auto root = sig::parse_trusted_root(read(root_path), root_path.string());
        if (!root) {
          continue;
        }
        roots[root_path] = std::make_shared<const sig::TrustedRoot>(std::move(*root));
      }
      Case loaded_case;
      loaded_case.name = dir.filename().string();
      loaded_case.bundle_json = read(dir / "bundle.sigstore.json");
      loaded_case.artefact =
          read(fs::exists(dir / "artifact") ? dir / "artifact" : suite / "a.txt");
      loaded_case.root = roots[root_path];
      if (fs::exists(dir / "key.pub")) {
        auto key = assay::verify::crypto::PublicKey::from_pem(read(dir / "key.pub"));
        if (!key) {
          continue;
        }
        loaded_case.policy = std::make_shared<const sig::Policy>(sig::Policy::key(*key));
      } else {
        loaded_case.policy = std::make_shared<const sig::Policy>(sig::Policy::identity(
            sig::StringMatcher::exact(read_trimmed(dir / "identity", kDefaultIdentity)),
            sig::StringMatcher::exact(read_trimmed(dir / "issuer", kDefaultIssuer))));
      }
      loaded->push_back(std::move(loaded_case));
    }
    return loaded;
  }();
  return *kCases;
}

bool verify_once(const Case& test) {
  const sig::Artifact artefact = sig::Artifact::from_bytes(test.artefact, "artefact");
  const assay::verify::Verification verification = sig::verify_bundle_json(
      test.bundle_json, "bundle.sigstore.json", artefact, *test.policy, *test.root);
  return verification.outcome() == assay::verify::Outcome::kPass;
}

void BM_VerifyBundle(benchmark::State& state, const Case* test) {
  if (!verify_once(*test)) {
    state.SkipWithError(("does not verify: " + test->name).c_str());
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(verify_once(*test));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// One iteration verifies every case once: items_per_second is verifications per second.
void BM_VerifyAllCases(benchmark::State& state) {
  if (cases().empty()) {
    state.SkipWithError("shared data missing: sigstore-conformance");
    return;
  }
  for (const Case& test : cases()) {
    if (!verify_once(test)) {
      state.SkipWithError(("does not verify: " + test.name).c_str());
      return;
    }
  }
  for (auto _ : state) {
    for (const Case& test : cases()) {
      benchmark::DoNotOptimize(verify_once(test));
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(cases().size()));
  state.counters["cases"] = static_cast<double>(cases().size());
}

void BM_ParseBundle(benchmark::State& state, const Case* test) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(sig::parse_bundle(test->bundle_json, "bundle"));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(test->bundle_json.size()));
}

void BM_ParseTrustedRoot(benchmark::State& state) {
  const std::string text =
      read(shared_data_root() / "sigstore-conformance" / "public-good-trusted_root.json");
  if (text.empty()) {
    state.SkipWithError("shared data missing: public-good root");
    return;
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(sig::parse_trusted_root(text, "root"));
  }
}

void register_benchmarks() {
  benchmark::RegisterBenchmark("BM_VerifyAllCases", BM_VerifyAllCases)
      ->Unit(benchmark::kMillisecond);
  benchmark::RegisterBenchmark("BM_ParseTrustedRoot", BM_ParseTrustedRoot)
      ->Unit(benchmark::kMicrosecond);
  for (const Case& test : cases()) {
    benchmark::RegisterBenchmark(("BM_VerifyBundle/" + test.name).c_str(), BM_VerifyBundle, &test)
        ->Unit(benchmark::kMicrosecond);
  }
  if (!cases().empty()) {
    const Case* first = &cases().front();
    benchmark::RegisterBenchmark(("BM_ParseBundle/" + first->name).c_str(), BM_ParseBundle, first)
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  register_benchmarks();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
