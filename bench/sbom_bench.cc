// SBOM throughput on generated documents (ASSAY_SBOM_BENCH_COMPONENTS components, 100,000 by
// default): CycloneDX JSON read (bytes_per_second), CycloneDX JSON validate+read (schema and
// semantic checks), SPDX 2.3 JSON read, and the CycloneDX 1.6 writer. Measure with the release
// preset. `bench_sbom --write-cyclonedx FILE` / `--write-spdx FILE` writes the generated
// document for the node comparison (bench/peers/compare_sbom.sh).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include <benchmark/benchmark.h>

#include "assay/formats/cyclonedx.h"
#include "assay/formats/sbom.h"
#include "assay/formats/spdx.h"

namespace {

std::size_t component_count() {
  const char* value = std::getenv("ASSAY_SBOM_BENCH_COMPONENTS");
  if (value != nullptr) {
    const long parsed = std::strtol(value, nullptr, 10);
    if (parsed > 0) {
      return static_cast<std::size_t>(parsed);
    }
  }
  return 100000;
}

// A realistic CycloneDX 1.6 BOM: every component has a bom-ref, purl, supplier, SHA-256 hash,
// licence and a property; each depends on the next three (a connected graph).
std::string make_cyclonedx(std::size_t count) {
  std::string out;
  out.reserve(count * 520);
  out += R"({"bomFormat":"CycloneDX","specVersion":"1.6",)"
         R"("serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,)"
         R"("metadata":{"timestamp":"2025-05-07T10:00:00Z","lifecycles":[{"phase":"build"}],)"
         R"("authors":[{"name":"Vendor PSIRT","email":"psirt@vendor.example"}],)"
         R"("component":{"type":"application","bom-ref":"app","name":"council-portal",)"
         R"("version":"4.1.0","purl":"pkg:generic/council-portal@4.1.0"}},"components":[)";
  for (std::size_t index = 0; index < count; ++index) {
    const std::string n = std::to_string(index);
    if (index > 0) {
      out += ',';
    }
    char digest[65];
    std::snprintf(digest, sizeof(digest), "%064zx", index * 2654435761U);
    out += R"({"type":"library","bom-ref":"c)" + n + R"(","group":"org.example.g)" +
           std::to_string(index % 97) + R"(","name":"component-)" + n + R"(","version":"1.)" +
           std::to_string(index % 50) +
           R"(.3",)"
           R"("description":"Generated library used to measure SBOM throughput",)"
           R"("supplier":{"name":"Supplier )" +
           std::to_string(index % 13) +
           R"(","url":["https://supplier.example"]},)"
           R"("hashes":[{"alg":"SHA-256","content":")" +
           std::string(digest) +
           R"("}],)"
           R"("licenses":[{"license":{"id":"Apache-2.0"}}],)"
           R"("purl":"pkg:maven/org.example.g)" +
           std::to_string(index % 97) + "/component-" + n + "@1." + std::to_string(index % 50) +
           R"(.3",)"
           R"("properties":[{"name":"bsi:component:filename","value":"component-)" +
           n + R"(.jar"}]})";
  }
  out += R"(],"dependencies":[{"ref":"app","dependsOn":["c0"]})";
  for (std::size_t index = 0; index < count; ++index) {
    out += R"(,{"ref":"c)" + std::to_string(index) + R"(","dependsOn":[)";
    for (std::size_t next = index + 1; next < count && next <= index + 3; ++next) {
      if (next > index + 1) {
        out += ',';
      }
      out += "\"c" + std::to_string(next) + "\"";
    }
    out += "]}";
  }
  out += "]}";
  return out;
}

std::string make_spdx(std::size_t count) {
  std::string out;
  out.reserve(count * 700);
  out += R"j({"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT",)j"
         R"j("name":"council-portal","documentNamespace":"https://vendor.example/spdx/portal",)j"
         R"j("creationInfo":{"created":"2025-05-07T10:00:00Z","creators":["Tool: gen-1.0",)j"
         R"j("Organization: Vendor (psirt@vendor.example)"]},"documentDescribes":["SPDXRef-c0"],)j"
         R"j("packages":[)j";
  for (std::size_t index = 0; index < count; ++index) {
    const std::string n = std::to_string(index);
    if (index > 0) {
      out += ',';
    }
    char digest[65];
    std::snprintf(digest, sizeof(digest), "%064zx", index * 2654435761U);
    out += R"j({"SPDXID":"SPDXRef-c)j" + n + R"j(","name":"component-)j" + n;
    out += R"j(","versionInfo":"1.)j" + std::to_string(index % 50) + R"j(.3",)j";
    out += R"j("supplier":"Organization: Supplier )j" + std::to_string(index % 13) + R"j(",)j";
    out += R"j("downloadLocation":"https://repo.example/component-)j" + n + R"j(.jar",)j";
    out += R"j("filesAnalyzed":false,"licenseConcluded":"Apache-2.0",)j";
    out += R"j("licenseDeclared":"Apache-2.0","copyrightText":"NOASSERTION",)j";
    out += R"j("checksums":[{"algorithm":"SHA256","checksumValue":")j" + std::string(digest);
    out += R"j("}],"externalRefs":[{"referenceCategory":"PACKAGE-MANAGER",)j";
    out += R"j("referenceType":"purl","referenceLocator":"pkg:maven/org.example.g)j" +
           std::to_string(index % 97) + "/component-" + n + "@1." + std::to_string(index % 50) +
           R"j(.3"}]})j";
  }
  out += R"j(],"relationships":[)j";
  for (std::size_t index = 0; index + 1 < count; ++index) {
    if (index > 0) {
      out += ',';
    }
    out += R"j({"spdxElementId":"SPDXRef-c)j" + std::to_string(index) +
           R"j(","relationshipType":"DEPENDS_ON","relatedSpdxElement":"SPDXRef-c)j" +
           std::to_string(index + 1) + R"j("})j";
  }
  out += "]}";
  return out;
}

const std::string& cyclonedx_document() {
  static const std::string text = make_cyclonedx(component_count());
  return text;
}

const std::string& spdx_document() {
  static const std::string text = make_spdx(component_count());
  return text;
}

void BM_ReadCycloneDxJson(benchmark::State& state) {
  const std::string& text = cyclonedx_document();
  for (auto _ : state) {
    auto parsed = assay::formats::read_cyclonedx_json(text, "bench.json");
    if (!parsed || parsed->value.components.size() != component_count() + 1) {
      state.SkipWithError("read failed");
      break;
    }
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["components"] = static_cast<double>(component_count());
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadCycloneDxJson)->Unit(benchmark::kMillisecond);

void BM_ValidateCycloneDxJson(benchmark::State& state) {
  const std::string& text = cyclonedx_document();
  for (auto _ : state) {
    auto report = assay::formats::validate_sbom(text, "bench.json");
    if (!report || !report->valid()) {
      state.SkipWithError("validation failed");
      break;
    }
    benchmark::DoNotOptimize(report);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ValidateCycloneDxJson)->Unit(benchmark::kMillisecond);

void BM_ReadSpdxJson(benchmark::State& state) {
  const std::string& text = spdx_document();
  for (auto _ : state) {
    auto parsed = assay::formats::read_spdx_json(text, "bench.spdx.json");
    if (!parsed || parsed->value.components.size() != component_count()) {
      state.SkipWithError("read failed");
      break;
    }
    benchmark::DoNotOptimize(parsed);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["MB"] = static_cast<double>(text.size()) / 1e6;
}
BENCHMARK(BM_ReadSpdxJson)->Unit(benchmark::kMillisecond);

void BM_WriteCycloneDx16(benchmark::State& state) {
  auto parsed = assay::formats::read_cyclonedx_json(cyclonedx_document(), "bench.json");
  if (!parsed) {
    state.SkipWithError("read failed");
    return;
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string written = assay::formats::write_cyclonedx_json(parsed->value);
    bytes = written.size();
    benchmark::DoNotOptimize(written);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_WriteCycloneDx16)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (argc == 3 && (std::strcmp(argv[1], "--write-cyclonedx") == 0 ||
                    std::strcmp(argv[1], "--write-spdx") == 0)) {
    const bool cyclonedx = std::strcmp(argv[1], "--write-cyclonedx") == 0;
    std::ofstream out(argv[2], std::ios::binary);
    out << (cyclonedx ? cyclonedx_document() : spdx_document());
    return out ? 0 : 1;
  }
  if (argc == 3 && std::strcmp(argv[1], "--validate") == 0) {
    // One whole validation of a file, for /usr/bin/time -v (wall time and peak memory).
    std::ifstream in(argv[2], std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto report = assay::formats::validate_sbom(text, argv[2]);
    if (!report) {
      std::fprintf(stderr, "%s\n", report.error().to_string().c_str());
      return 2;
    }
    std::printf("%s: %s, %zu components, %zu errors\n", argv[2],
                report->valid() ? "valid" : "INVALID", report->sbom.components.size(),
                report->error_count());
    return report->valid() ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
