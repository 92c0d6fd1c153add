// Fuzzes the evidence pack manifest reader and the assessment over a pack holding only that
// manifest: no crash, hang or unbounded growth; every error and diagnostic has a code, a message
// and a location in the manifest; every path read is confined to the pack; and a pack with no
// files besides its manifest is never an overall PASS (absence of evidence is never a pass).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/assess/assessment.h"
#include "assay/assess/pack.h"

namespace {

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "assess_pack oracle failed: %s\n", what);
  std::abort();
}

void check_path(const std::string& path) {
  if (!path.empty() && !assay::assess::is_safe_pack_path(path)) {
    oracle_failed("an unsafe path survived reading");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const assay::assess::CatalogueSet catalogues = [] {
    auto set = assay::assess::builtin_catalogues();
    if (!set) {
      oracle_failed("the built-in catalogues do not load");
    }
    return std::move(*set);
  }();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto parsed = assay::assess::read_pack_manifest(text, "assay-pack.json");
  if (!parsed) {
    if (parsed.error().message.empty() || parsed.error().location.empty()) {
      oracle_failed("an error without a message or location");
    }
    return 0;
  }
  for (const assay::Diagnostic& diagnostic : parsed->diagnostics) {
    if (diagnostic.code.rfind("PACK-", 0) != 0 || diagnostic.message.empty() ||
        diagnostic.location.rfind("assay-pack.json#", 0) != 0) {
      oracle_failed("a diagnostic without a PACK code, message or pointer");
    }
  }
  for (const assay::assess::Release& release : parsed->value.releases) {
    for (const assay::assess::Artefact& artefact : release.artefacts) {
      check_path(artefact.path);
    }
    for (const auto* list : {&release.sboms, &release.vex, &release.provenance}) {
      for (const assay::assess::DocumentRef& document : *list) {
        check_path(document.path);
      }
    }
  }
  assay::assess::MemoryPackFiles files("fuzz");
  files.add(std::string(assay::assess::kManifestName), text);
  assay::assess::AssessOptions options;
  options.now = 1796644800;
  const auto assessment =
      assay::assess::assess(files, catalogues, assay::assess::Policy{}, options);
  if (assessment && assessment->overall == assay::assess::Verdict::kPass) {
    oracle_failed("a pack with no evidence files passed");
  }
  return 0;
}
