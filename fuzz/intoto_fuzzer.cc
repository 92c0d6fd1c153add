// Fuzzes the in-toto attestation reader (statements, DSSE envelopes, Sigstore bundles, JSON Lines,
// npm and Cloud Build containers), with oracles: every error has a message and a location, every
// attestation read has a non-empty subject list and predicate type, and its payload parses back to
// the same statement.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "assay/verify/digest.h"
#include "assay/verify/intoto.h"

namespace {

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "intoto oracle failed: %s\n", what);
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto attestations = assay::verify::intoto::read_attestations(input, "fuzz");
  if (!attestations) {
    if (attestations.error().message.empty() || attestations.error().location.empty()) {
      oracle_failed("error without message or location");
    }
    return 0;
  }
  static const assay::verify::digest::Digests kArtefact = assay::verify::digest::compute("fuzz");
  for (const auto& attestation : *attestations) {
    const auto& statement = attestation.statement;
    if (statement.subjects.empty() || statement.predicate_type.empty()) {
      oracle_failed("attestation without subject or predicate type");
    }
    for (const auto& subject : statement.subjects) {
      if (subject.digest.empty()) {
        oracle_failed("subject without digest");
      }
    }
    const auto again = assay::verify::intoto::parse_statement(attestation.payload, "payload");
    if (!again || again->subjects.size() != statement.subjects.size() ||
        again->predicate_type != statement.predicate_type) {
      oracle_failed("payload does not parse back to the same statement");
    }
    const auto check = assay::verify::intoto::match_subject(statement, kArtefact);
    if (check.outcome == assay::verify::Outcome::kSkipped) {
      oracle_failed("subject match must pass or fail, never skip");
    }
  }
  return 0;
}
