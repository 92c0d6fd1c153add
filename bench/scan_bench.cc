// Vulnerability database and scan performance on a generated corpus shaped like the real one:
// ASSAY_SCAN_BENCH_ADVISORIES advisories (500,000 by default) across ten ecosystems with
// realistic names and ranges, imported into an SQLite file; SBOMs of 1,000, 10,000 and 100,000
// components (about a third of them packages that have advisories); a portfolio of
// ASSAY_SCAN_BENCH_PORTFOLIO SBOMs (1,000 by default) of 1,000 components each.
//
//   BM_Import              advisories imported per second (one transaction), database size
//   BM_ScanCold/N          open the database, then scan an N-component SBOM (no parsed cache)
//   BM_ScanWarm/N          scan again with the database open and its caches warm (parsed
//                          advisories and the per-key lookups)
//   BM_ScanWarmQuery/N     as warm, but the keys looked up in SQLite again (one batched query)
//   BM_ScanPerComponent/N  the baseline: the same scan, one SQL query per component
//   BM_PortfolioRescan     re-evaluate the whole portfolio for one changed advisory
//
// The process's peak resident memory is reported as the counter peak_rss_mb. ctest smoke-runs
// this with a small corpus. `bench_scan --write-corpus DIR` writes the database (DIR/assay.db) and
// the SBOMs (DIR/sbom-<N>.cdx.json) instead, for bench/peers/compare_scan.sh, which measures a
// cold `assay scan` from process start to output.
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "assay/core/file.h"
#include "assay/formats/cyclonedx.h"
#include "assay/match/matcher.h"
#include "assay/match/portfolio.h"
#include "assay/model/advisory.h"
#include "assay/model/sbom.h"
#include "assay/store/vulndb.h"

namespace {

namespace fs = std::filesystem;
using assay::model::Advisory;
using assay::model::Sbom;

std::size_t env_count(const char* name, std::size_t fallback) {
  const char* value = std::getenv(name);  // NOLINT(concurrency-mt-unsafe): read before threads
  if (value != nullptr) {
    const long parsed = std::strtol(value, nullptr, 10);
    if (parsed > 0) {
      return static_cast<std::size_t>(parsed);
    }
  }
  return fallback;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

// One ecosystem of the synthetic corpus: how OSV names it, how its purls look, its range type.
struct Ecosystem {
  const char* osv;          // OSV ecosystem
  const char* purl_prefix;  // purl up to the name
  const char* purl_suffix;  // qualifiers after the version
  const char* name_prefix;  // the OSV package name before the generated part
  bool semver;
  const char* version_tail;  // appended to every version ("-1" Debian revision, "-r0" Alpine)
};

constexpr Ecosystem kEcosystems[] = {
    {"npm", "pkg:npm/", "", "", true, ""},
    {"PyPI", "pkg:pypi/", "", "", false, ""},
    {"Maven", "pkg:maven/org.example/", "", "org.example:", false, ""},
    {"Go", "pkg:golang/example.com/", "", "example.com/", true, ""},
    {"crates.io", "pkg:cargo/", "", "", true, ""},
    {"RubyGems", "pkg:gem/", "", "", false, ""},
    {"NuGet", "pkg:nuget/", "", "", false, ""},
    {"Packagist", "pkg:composer/acme/", "", "acme/", false, ""},
    {"Debian:12", "pkg:deb/debian/", "?distro=debian-12", "", false, "-1"},
    {"Alpine:v3.19", "pkg:apk/alpine/", "?distro=3.19.1", "", false, "-r0"},
};
constexpr std::size_t kPackagesPerEcosystem = 20'000;

const char* const kWords[] = {"core",  "http", "json", "yaml",  "auth", "crypto", "log", "cache",
                              "parse", "net",  "xml",  "image", "zip",  "sql",    "tls", "util"};

std::string package_name(std::size_t index) {
  return std::string(kWords[index % 16]) + "-" + kWords[(index / 16) % 16] + "-" +
         std::to_string(index);
}

std::string version_text(const Ecosystem& ecosystem, unsigned major, unsigned minor,
                         unsigned patch) {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch) +
         ecosystem.version_tail;
}

// Deterministic corpus: advisory i affects one package (a tenth affect two), with one or two
// introduced/fixed ranges; about 2% are withdrawn.
std::vector<Advisory> make_advisories(std::size_t count) {
  std::mt19937_64 random(42);
  std::vector<Advisory> advisories;
  advisories.reserve(count);
  for (std::size_t index = 0; index < count; ++index) {
    Advisory advisory;
    advisory.id = "BENCH-" + std::to_string(index);
    advisory.aliases = {"CVE-2026-" + std::to_string(100000 + index)};
    advisory.modified = "2026-11-01T00:00:00Z";
    advisory.summary = "synthetic advisory " + std::to_string(index);
    advisory.severity.push_back({"CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"});
    if (random() % 50 == 0) {
      advisory.withdrawn = "2026-11-02T00:00:00Z";
    }
    const std::size_t packages = random() % 10 == 0 ? 2 : 1;
    for (std::size_t p = 0; p < packages; ++p) {
      const Ecosystem& ecosystem = kEcosystems[random() % 10];
      assay::model::AffectedPackage package;
      package.ecosystem = ecosystem.osv;
      package.name = ecosystem.name_prefix + package_name(random() % kPackagesPerEcosystem);
      const auto major = static_cast<unsigned>(random() % 5);
      const std::size_t ranges = random() % 3 == 0 ? 2 : 1;
      for (std::size_t r = 0; r < ranges; ++r) {
        assay::version::OsvRange range;
        range.type = ecosystem.semver ? assay::version::OsvRangeType::kSemver
                                      : assay::version::OsvRangeType::kEcosystem;
        const auto minor = static_cast<unsigned>(random() % 10);
        range.events.push_back({assay::version::OsvEventKind::kIntroduced,
                                version_text(ecosystem, major + static_cast<unsigned>(r), 0, 0)});
        range.events.push_back({assay::version::OsvEventKind::kFixed,
                                version_text(ecosystem, major + static_cast<unsigned>(r), minor,
                                             static_cast<unsigned>(random() % 4))});
        package.ranges.push_back(std::move(range));
      }
      advisory.affected.push_back(std::move(package));
    }
    advisories.push_back(std::move(advisory));
  }
  return advisories;
}

Sbom make_sbom(std::size_t components, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  Sbom sbom;
  sbom.metadata.subject_ref = "app";
  assay::model::Component app;
  app.ref = "app";
  app.name = "council-app";
  app.type = assay::model::ComponentType::kApplication;
  sbom.components.push_back(app);
  for (std::size_t index = 0; index < components; ++index) {
    const Ecosystem& ecosystem = kEcosystems[random() % 10];
    assay::model::Component component;
    component.ref = "c" + std::to_string(index);
    // A third are among the first 5% of packages, which most advisories name; the rest anywhere.
    const std::size_t package = random() % 3 == 0 ? random() % (kPackagesPerEcosystem / 20)
                                                  : random() % kPackagesPerEcosystem;
    component.name = package_name(package);
    component.version =
        version_text(ecosystem, static_cast<unsigned>(random() % 6),
                     static_cast<unsigned>(random() % 12), static_cast<unsigned>(random() % 5));
    std::string version = component.version;
    if (std::string(ecosystem.osv) == "Go") {
      version = "v" + version;
    }
    component.purl = ecosystem.purl_prefix + component.name + "@" + version + ecosystem.purl_suffix;
    component.purl_canonical = component.purl;
    sbom.relationships.push_back({index < 50 ? "app" : "c" + std::to_string(index % 50),
                                  assay::model::RelationshipType::kDependsOn, component.ref, "",
                                  ""});
    sbom.components.push_back(std::move(component));
  }
  return sbom;
}

// The corpus and its database, built once per process.
struct Corpus {
  fs::path directory;
  fs::path database;
  std::size_t advisories = 0;
  double import_seconds = 0;
  std::uintmax_t database_bytes = 0;
  std::unique_ptr<assay::store::VulnDb> warm;

  Corpus() {
    advisories = env_count("ASSAY_SCAN_BENCH_ADVISORIES", 500'000);
    directory = fs::temp_directory_path() / ("assay_scan_bench_" + std::to_string(::getpid()));
    fs::create_directories(directory);
    database = directory / "assay.db";
    const std::vector<Advisory> corpus = make_advisories(advisories);
    auto db = assay::store::VulnDb::open(database, assay::store::OpenMode::kReadWriteCreate);
    if (!db) {
      std::fprintf(stderr, "cannot create %s: %s\n", database.c_str(),
                   db.error().to_string().c_str());
      std::abort();
    }
    const auto start = std::chrono::steady_clock::now();
    auto session = (*db)->begin_import("bench", assay::store::SourceKind::kAdvisories, {});
    if (!session) {
      std::abort();
    }
    for (const Advisory& advisory : corpus) {
      if (!(*session)->add(advisory)) {
        std::abort();
      }
    }
    if (!(*session)->commit()) {
      std::abort();
    }
    import_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    db->reset();
    database_bytes = fs::file_size(database);
    auto opened = assay::store::VulnDb::open(database, assay::store::OpenMode::kReadOnly);
    if (!opened) {
      std::abort();
    }
    warm = std::move(opened).value();
  }
  ~Corpus() {
    warm.reset();
    std::error_code ignored;
    fs::remove_all(directory, ignored);
  }
  Corpus(const Corpus&) = delete;
  Corpus& operator=(const Corpus&) = delete;
};

Corpus& corpus() {
  static Corpus instance;
  return instance;
}

const Sbom& sbom_of_size(std::size_t components) {
  static std::map<std::size_t, Sbom> cache;
  auto found = cache.find(components);
  if (found == cache.end()) {
    found = cache.emplace(components, make_sbom(components, components)).first;
  }
  return found->second;
}

void BM_Import(benchmark::State& state) {
  Corpus& data = corpus();
  for (auto _ : state) {
    state.SetIterationTime(data.import_seconds);
  }
  state.counters["advisories"] = static_cast<double>(data.advisories);
  state.counters["records_per_s"] = static_cast<double>(data.advisories) / data.import_seconds;
  state.counters["db_mb"] = static_cast<double>(data.database_bytes) / (1024.0 * 1024.0);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_Import)->UseManualTime()->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_ScanCold(benchmark::State& state) {
  Corpus& data = corpus();
  const Sbom& sbom = sbom_of_size(static_cast<std::size_t>(state.range(0)));
  std::size_t findings = 0;
  for (auto _ : state) {
    auto db = assay::store::VulnDb::open(data.database, assay::store::OpenMode::kReadOnly);
    const auto result = assay::match::scan(sbom, {}, **db);
    findings = result->findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_ScanCold)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_ScanWarm(benchmark::State& state) {
  Corpus& data = corpus();
  const Sbom& sbom = sbom_of_size(static_cast<std::size_t>(state.range(0)));
  static_cast<void>(assay::match::scan(sbom, {}, *data.warm));  // warm the parsed cache
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto result = assay::match::scan(sbom, {}, *data.warm);
    findings = result->findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ScanWarm)->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Warm parsed advisories, but the package-key lookups asked of SQLite again (one batched query):
// the like-for-like partner of the per-component baseline below.
void BM_ScanWarmQuery(benchmark::State& state) {
  Corpus& data = corpus();
  const Sbom& sbom = sbom_of_size(static_cast<std::size_t>(state.range(0)));
  static_cast<void>(assay::match::scan(sbom, {}, *data.warm));
  std::size_t findings = 0;
  for (auto _ : state) {
    data.warm->forget_lookups();
    const auto result = assay::match::scan(sbom, {}, *data.warm);
    findings = result->findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ScanWarmQuery)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

// The baseline: the same matcher, but the database asked once per component.
class PerComponentSource final : public assay::match::AdvisorySource {
 public:
  explicit PerComponentSource(assay::store::VulnDb& db) : db_(db) {}
  assay::Result<assay::match::AdvisoriesByKey> advisories_for(
      const std::vector<std::string>& keys) override {
    assay::match::AdvisoriesByKey result;
    for (const std::string& key : keys) {
      db_.forget_lookups();  // one SQL query per component, every time
      ASSAY_TRY(assay::match::AdvisoriesByKey one, db_.advisories_for({key}));
      for (auto& [found_key, list] : one) {
        result[found_key] = std::move(list);
      }
    }
    return result;
  }
  assay::Result<std::vector<assay::match::AdvisoryPtr>> advisories_for_cpe(
      const std::string& vendor_product) override {
    return db_.advisories_for_cpe(vendor_product);
  }
  std::optional<assay::model::KevEntry> kev(std::string_view cve) const override {
    return db_.kev(cve);
  }
  std::optional<assay::model::EpssScore> epss(std::string_view cve) const override {
    return db_.epss(cve);
  }
  std::string epss_date() const override { return db_.epss_date(); }

 private:
  assay::store::VulnDb& db_;
};

void BM_ScanPerComponent(benchmark::State& state) {
  Corpus& data = corpus();
  const Sbom& sbom = sbom_of_size(static_cast<std::size_t>(state.range(0)));
  PerComponentSource source(*data.warm);
  static_cast<void>(assay::match::scan(sbom, {}, source));
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto result = assay::match::scan(sbom, {}, source);
    findings = result->findings.size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["findings"] = static_cast<double>(findings);
}
BENCHMARK(BM_ScanPerComponent)->Arg(1'000)->Arg(10'000)->Unit(benchmark::kMillisecond);

void BM_PortfolioRescan(benchmark::State& state) {
  static assay::match::Portfolio portfolio;
  const std::size_t products = env_count("ASSAY_SCAN_BENCH_PORTFOLIO", 1'000);
  if (portfolio.size() == 0) {
    for (std::size_t index = 0; index < products; ++index) {
      portfolio.add("product-" + std::to_string(index), make_sbom(1'000, 1'000'000 + index));
    }
  }
  // The changed advisory names one of the popular packages, as a new advisory for a widely used
  // library would.
  Advisory changed = make_advisories(1).front();
  changed.affected.resize(1);
  changed.affected[0].ecosystem = "npm";
  changed.affected[0].name = package_name(7);
  std::size_t findings = 0;
  for (auto _ : state) {
    const auto result = portfolio.evaluate(changed);
    findings = result->size();
    benchmark::DoNotOptimize(findings);
  }
  state.counters["products"] = static_cast<double>(portfolio.size());
  state.counters["components"] = static_cast<double>(portfolio.indexed_components());
  state.counters["findings"] = static_cast<double>(findings);
  state.counters["peak_rss_mb"] = peak_rss_mb();
}
BENCHMARK(BM_PortfolioRescan)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && std::string(argv[1]) == "--write-corpus") {
    const fs::path target(argv[2]);
    fs::create_directories(target);
    Corpus& data = corpus();
    fs::copy_file(data.database, target / "assay.db", fs::copy_options::overwrite_existing);
    for (const std::size_t size : {1'000U, 10'000U, 100'000U}) {
      const fs::path path = target / ("sbom-" + std::to_string(size) + ".cdx.json");
      if (!assay::write_file_atomic(path,
                                    assay::formats::write_cyclonedx_json(sbom_of_size(size)))) {
        std::fprintf(stderr, "cannot write %s\n", path.c_str());
        return 1;
      }
    }
    std::printf("%zu advisories imported in %.2f s (%.0f records/s), database %.1f MB, in %s\n",
                data.advisories, data.import_seconds,
                static_cast<double>(data.advisories) / data.import_seconds,
                static_cast<double>(data.database_bytes) / (1024.0 * 1024.0), target.c_str());
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
    return 1;
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
