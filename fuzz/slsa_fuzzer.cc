// Fuzzes SLSA provenance reading and the policy check on anything the in-toto reader accepts,
// with oracles: errors carry a message and location; a policy that asks nothing is never a pass;
// without a verified signature the level is never above L1; a verification that checks the
// provenance's own builder and source against themselves never fails on them.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "assay/verify/intoto.h"
#include "assay/verify/slsa.h"

namespace {

namespace slsa = assay::verify::slsa;
using assay::verify::Outcome;

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "slsa oracle failed: %s\n", what);
  std::abort();
}

void check_statement(const assay::verify::intoto::Statement& statement) {
  const auto provenance = slsa::parse_provenance(statement, "fuzz");
  if (!provenance) {
    if (provenance.error().message.empty() || provenance.error().location.empty()) {
      oracle_failed("error without message or location");
    }
    return;
  }
  if (slsa::verify(statement, *provenance, {}, {}).outcome() == Outcome::kPass) {
    oracle_failed("an empty policy passed");
  }
  if (slsa::assess_level(*provenance, {slsa::SignatureState::kUnverified, ""}).level >
      slsa::BuildLevel::kL1) {
    oracle_failed("unverified provenance above L1");
  }
  static_cast<void>(
      slsa::assess_level(*provenance, {slsa::SignatureState::kVerified, provenance->builder_id}));
  slsa::Policy self;
  if (!provenance->builder_id.empty()) {
    self.builder_ids = {provenance->builder_id};
  }
  if (provenance->source && slsa::normalize_repository(provenance->source->repository)) {
    self.source_repository = provenance->source->repository;
  }
  const auto result = slsa::verify(statement, *provenance, self, {});
  for (const auto& check : result.checks) {
    if ((check.id == "slsa.builder.id" || check.id == "slsa.source.repository") &&
        check.outcome == Outcome::kFail) {
      oracle_failed("provenance fails a policy made from itself");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto attestations = assay::verify::intoto::read_attestations(input, "fuzz");
  if (!attestations) {
    return 0;
  }
  for (const auto& attestation : *attestations) {
    check_statement(attestation.statement);
  }
  return 0;
}
