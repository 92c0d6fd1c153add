// Fuzzes Sigstore bundle parsing and then the whole verification pipeline on what parses: the
// entry bodies, checkpoints, proofs, RFC 3161 tokens, certificates and SCTs a bundle carries are
// all reached, against a trusted root built from the bundle's own material (so that checks run
// past "unknown log"). Verification must never crash, hang or read out of bounds.
#include <cstdint>
#include <string>
#include <string_view>

#include "assay/verify/rekor.h"
#include "assay/verify/sigstore_verify.h"
#include "assay/verify/tsa.h"

namespace {

namespace sig = assay::verify::sigstore;

// A trusted root that trusts the bundle's own log ids and certificates: hostile input then
// reaches every check instead of stopping at the first lookup.
sig::TrustedRoot self_trusting_root(const sig::Bundle& bundle) {
  sig::TrustedRoot root;
  root.source = "fuzz-root";
  for (const sig::TlogEntry& entry : bundle.tlog_entries) {
    sig::TransparencyLog log;
    log.base_url = "https://log.example";
    log.log_id = entry.log_id;
    if (!bundle.certificates.empty()) {
      log.key = bundle.certificates.front().public_key();
    }
    root.tlogs.push_back(log);
  }
  if (bundle.certificates.size() > 1) {
    sig::CertificateAuthority authority;
    authority.chain.assign(bundle.certificates.begin() + 1, bundle.certificates.end());
    auto store = assay::verify::x509::TrustStore::create({authority.chain.front()}, true);
    if (store) {
      authority.store = *store;
      authority.chain_verified = true;
    }
    root.certificate_authorities.push_back(authority);
  }
  return root;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto bundle = sig::parse_bundle(text, "fuzz");
  if (!bundle) {
    return 0;
  }
  for (const sig::TlogEntry& entry : bundle->tlog_entries) {
    static_cast<void>(assay::verify::rekor::parse_entry_body(entry.canonicalized_body, "body"));
    if (entry.inclusion_proof && entry.inclusion_proof->checkpoint) {
      static_cast<void>(assay::verify::rekor::parse_checkpoint(*entry.inclusion_proof->checkpoint));
    }
  }
  for (const std::string& token : bundle->rfc3161_timestamps) {
    static_cast<void>(assay::verify::tsa::parse_timestamp(token));
  }
  const sig::Artifact artifact = sig::Artifact::from_bytes("fuzz artefact", "a");
  const sig::Policy policy =
      sig::Policy::identity(sig::StringMatcher::exact("x"), sig::StringMatcher::exact("y"));
  const sig::TrustedRoot root = self_trusting_root(*bundle);
  static_cast<void>(sig::verify_bundle(*bundle, artifact, policy, root));
  return 0;
}
