// Assessment performance (issue 6: a pack with a 10,000-component SBOM and 1,000 VEX statements
// assessed in under 2 s, database open included). The pack is generated in memory: a CycloneDX
// 1.6 SBOM of ASSAY_ASSESS_BENCH_COMPONENTS npm components (10,000 by default), an OpenVEX
// document with ASSAY_ASSESS_BENCH_VEX statements (1,000), security.txt and documents; the
// database is an SQLite file with one advisory for every tenth component.
//
//   BM_Assess   open the database read-only, then assess the pack (every check, JSON rendered)
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "assay/assess/assessment.h"
#include "assay/assess/catalogue.h"
#include "assay/assess/pack.h"
#include "assay/model/advisory.h"
#include "assay/store/vulndb.h"

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

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

std::unique_ptr<assay::assess::MemoryPackFiles> make_pack(std::size_t components,
                                                          std::size_t statements) {
  Json list = Json::array();
  Json depends = Json::array();
  for (std::size_t i = 0; i < components; ++i) {
    const std::string name = "bench-package-" + std::to_string(i);
    list.push_back({{"type", "library"},
                    {"bom-ref", name},
                    {"name", name},
                    {"version", "1.0." + std::to_string(i % 50)},
                    {"supplier", {{"name", "Bench Supplier"}}},
                    {"purl", "pkg:npm/" + name + "@1.0." + std::to_string(i % 50)}});
    depends.push_back(name);
  }
  const Json sbom = {
      {"bomFormat", "CycloneDX"},
      {"specVersion", "1.6"},
      {"serialNumber", "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"},
      {"version", 1},
      {"metadata",
       {{"timestamp", "2026-10-01T10:00:00Z"},
        {"authors", Json::array({{{"name", "bench"}}})},
        {"component",
         {{"type", "application"},
          {"bom-ref", "app"},
          {"name", "Bench App"},
          {"version", "1.0"},
          {"supplier", {{"name", "Bench Ltd"}}},
          {"purl", "pkg:generic/bench/app@1.0"}}}}},
      {"components", list},
      {"dependencies", Json::array({{{"ref", "app"}, {"dependsOn", depends}}})},
      {"compositions", Json::array({{{"aggregate", "complete"}, {"assemblies", {"app"}}}})}};
  Json vex_statements = Json::array();
  for (std::size_t i = 0; i < statements; ++i) {
    const std::string name = "bench-package-" + std::to_string(i % components);
    vex_statements.push_back(
        {{"vulnerability", {{"name", "CVE-2026-" + std::to_string(10000 + i)}}},
         {"products",
          Json::array({{{"@id", "pkg:generic/bench/app@1.0"},
                        {"subcomponents",
                         Json::array({{{"@id", "pkg:npm/" + name + "@1.0." +
                                                   std::to_string((i % components) % 50)}}})}}})},
         {"status", "not_affected"},
         {"justification", "vulnerable_code_not_in_execute_path"}});
  }
  const Json vex = {{"@context", "https://openvex.dev/ns/v0.2.0"},
                    {"@id", "https://bench.example/vex/1"},
                    {"author", "Bench Ltd"},
                    {"timestamp", "2026-10-01T00:00:00Z"},
                    {"version", 1},
                    {"statements", vex_statements}};
  const Json manifest = {
      {"format", "assay-pack/1"},
      {"vendor", {{"legal_name", "Bench Ltd"}, {"domain", "bench.example"}}},
      {"product",
       {{"name", "Bench App"}, {"delivery_model", "saas"}, {"role", "developer-distributor"}}},
      {"releases",
       Json::array(
           {{{"version", "1.0"},
             {"support",
              {{"level", "full"}, {"end_of_support", "2030-01-01"}, {"announced", "2026-01-01"}}},
             {"sboms", Json::array({{{"path", "sbom/app.cdx.json"}}})},
             {"vex", Json::array({{{"path", "vex/app.openvex.json"}}})}}})},
      {"links",
       {{"security_txt",
         {{"url", "https://bench.example/.well-known/security.txt"},
          {"file", "documents/security.txt"}}}}}};
  auto files = std::make_unique<assay::assess::MemoryPackFiles>("bench-pack");
  files->add("assay-pack.json", manifest.dump());
  files->add("sbom/app.cdx.json", sbom.dump());
  files->add("vex/app.openvex.json", vex.dump());
  files->add("documents/security.txt",
             "Contact: https://bench.example/report\nExpires: 2027-06-30T00:00:00Z\n");
  return files;
}

fs::path make_database(std::size_t components) {
  const fs::path path =
      fs::temp_directory_path() / ("assay_assess_bench_" + std::to_string(::getpid()) + ".db");
  fs::remove(path);
  auto db = assay::store::VulnDb::open(path, assay::store::OpenMode::kReadWriteCreate);
  if (!db) {
    std::abort();
  }
  auto session = (*db)->begin_import("bench", assay::store::SourceKind::kAdvisories, {});
  if (!session) {
    std::abort();
  }
  for (std::size_t i = 0; i < components; i += 10) {
    assay::model::Advisory advisory;
    advisory.id = "BENCH-" + std::to_string(i);
    advisory.modified = "2026-01-01T00:00:00Z";
    assay::model::AffectedPackage affected;
    affected.ecosystem = "npm";
    affected.name = "bench-package-" + std::to_string(i);
    assay::version::OsvRange range;
    range.type = assay::version::OsvRangeType::kSemver;
    range.events = {{assay::version::OsvEventKind::kIntroduced, "0"},
                    {assay::version::OsvEventKind::kFixed, "1.0.25"}};
    affected.ranges.push_back(range);
    advisory.affected.push_back(affected);
    if (!(*session)->add(advisory)) {
      std::abort();
    }
  }
  if (!(*session)->commit()) {
    std::abort();
  }
  return path;
}

void BM_Assess(benchmark::State& state) {
  const std::size_t components = env_count("ASSAY_ASSESS_BENCH_COMPONENTS", 10'000);
  const std::size_t statements = env_count("ASSAY_ASSESS_BENCH_VEX", 1'000);
  const auto files = make_pack(components, statements);
  const fs::path database = make_database(components);
  auto catalogues = assay::assess::builtin_catalogues();
  if (!catalogues) {
    state.SkipWithError("catalogues");
    return;
  }
  std::size_t findings_checks = 0;
  for (auto _ : state) {
    auto db = assay::store::VulnDb::open(database, assay::store::OpenMode::kReadOnly);
    if (!db) {
      state.SkipWithError("database");
      break;
    }
    assay::assess::AssessOptions options;
    options.now = 1796644800;
    options.vulnerabilities = db->get();
    auto assessment = assay::assess::assess(*files, *catalogues, {}, options);
    if (!assessment) {
      state.SkipWithError("assess");
      break;
    }
    findings_checks += assessment->checks.size();
    benchmark::DoNotOptimize(assay::assess::to_json(*assessment));
  }
  state.counters["components"] = static_cast<double>(components);
  state.counters["vex_statements"] = static_cast<double>(statements);
  benchmark::DoNotOptimize(findings_checks);
  fs::remove(database);
}
BENCHMARK(BM_Assess)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
