// The Sigstore bundle verification pipeline. Each step adds checks saying exactly what was
// compared with what; a step whose inputs failed adds nothing rather than a misleading pass.
#include "assay/verify/sigstore_verify.h"

#include <algorithm>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/dsse.h"
#include "assay/verify/rekor.h"
#include "assay/verify/sigstore_json.h"
#include "assay/verify/tsa.h"
#include "assay/verify/x509_sct.h"

namespace assay::verify::sigstore {

namespace {

constexpr std::string_view kInTotoPayloadType = "application/vnd.in-toto+json";
constexpr InputLimits kStatementLimits{
    .max_bytes = 64ULL * 1024 * 1024,
    .max_depth = 64,
    .max_items = 1'000'000,
    .max_string_bytes = 16ULL * 1024 * 1024,
};

struct SignedTime {
  std::int64_t time = 0;
  std::string source;
};

std::string short_hex(std::string_view raw) {
  return hex_encode(raw);
}

bool is_rekor_v2(const TlogEntry& entry) {
  return (entry.kind == "hashedrekord" || entry.kind == "dsse") && entry.version == "0.0.2";
}

class BundleVerifier {
 public:
  BundleVerifier(const Bundle& bundle, const Artifact& artifact, const Policy& policy,
                 const TrustedRoot& root, const VerifyOptions& options)
      : bundle_(bundle), artifact_(artifact), policy_(policy), root_(root), options_(options) {}

  Verification run() {
    verification_.method = "sigstore-bundle";
    verification_.subject = artifact_.name;
    verification_.trust_root = root_.describe();
    check_material();
    for (std::size_t index = 0; index < bundle_.tlog_entries.size(); ++index) {
      check_tlog_entry(index, bundle_.tlog_entries[index]);
    }
    add(kCheckTlogThreshold,
        "at least " + std::to_string(options_.tlog_threshold) +
            " transparency-log entry verified against a log in the trusted root",
        verified_entries_ >= options_.tlog_threshold ? Outcome::kPass : Outcome::kFail,
        std::to_string(verified_entries_) + " of " + std::to_string(bundle_.tlog_entries.size()) +
            " entries verified");
    for (std::size_t index = 0; index < bundle_.rfc3161_timestamps.size(); ++index) {
      check_timestamp(index, bundle_.rfc3161_timestamps[index]);
    }
    check_time_threshold();
    if (leaf_) {
      check_certificate();
    }
    check_signature();
    check_artifact();
    return std::move(verification_);
  }

 private:
  void add(std::string_view id, std::string description, Outcome outcome, std::string detail = {}) {
    verification_.add(std::string(id), std::move(description), outcome, std::move(detail));
  }

  // The signing key and who holds it.
  void check_material() {
    if (bundle_.material != MaterialKind::kPublicKey) {
      leaf_ = bundle_.certificates.front();
      signing_key_ = leaf_->public_key();
      if (policy_.is_key()) {
        add(kCheckKey, "the bundle is signed with the expected managed key", Outcome::kFail,
            "the bundle carries a Fulcio certificate (keyless signing), not a managed-key "
            "signature; verify it with an identity (SAN and issuer) instead of a key");
        signing_key_.reset();
        leaf_.reset();
      }
      return;
    }
    const std::string hint = bundle_.public_key_hint.empty()
                                 ? std::string("no key hint")
                                 : "key hint " + quote(bundle_.public_key_hint);
    if (!policy_.is_key()) {
      add(kCheckIdentity, "the signer's certificate identity matches the policy", Outcome::kFail,
          "the bundle is signed with a managed key (" + hint +
              "), not a Fulcio certificate, so it carries no identity to check against " +
              policy_.describe() + "; verify it with the signer's public key instead");
      return;
    }
    signing_key_ = *policy_.public_key();
    verification_.identity = policy_.describe();
    add(kCheckKey, "the bundle names managed-key material and is checked with the given key",
        Outcome::kPass,
        "using the given " + policy_.describe() + " (bundle " + hint +
            ", which is only a hint and is not trusted)");
  }

  // --- transparency log -------------------------------------------------------------------

  void check_tlog_entry(std::size_t index, const TlogEntry& entry) {
    const std::string label = "tlog entry " + std::to_string(index) + " (" + entry.kind + " " +
                              entry.version + ", log index " + std::to_string(entry.log_index) +
                              ")";
    const TransparencyLog* log = root_.find_tlog(entry.log_id);
    if (log == nullptr) {
      std::string known;
      for (const TransparencyLog& candidate : root_.tlogs) {
        known += (known.empty() ? "" : ", ") + candidate.base_url;
      }
      add(kCheckTlogLog, label + ": logged by a transparency log in the trusted root",
          Outcome::kFail,
          "log id " + crypto::base64_encode(entry.log_id) +
              " is not in the trusted root (its logs: " + (known.empty() ? "none" : known) + ")");
      return;
    }
    if (!log->key) {
      add(kCheckTlogLog, label + ": logged by a transparency log in the trusted root",
          Outcome::kFail, log->base_url + ": " + log->unsupported_reason);
      return;
    }
    add(kCheckTlogLog, label + ": logged by a transparency log in the trusted root", Outcome::kPass,
        log->base_url + " (" + log->key->describe() + ", log id " +
            crypto::base64_encode(entry.log_id) + ")");

    const bool body_ok = check_body(label, entry);
    bool promise_ok = false;
    if (entry.signed_entry_timestamp) {
      promise_ok = check_promise(label, entry, *log);
    } else if (bundle_.version == BundleVersion::k01) {
      add(kCheckTlogSet, label + ": signed entry timestamp (inclusion promise)", Outcome::kFail,
          "v0.1 bundles must carry an inclusion promise; this entry has none");
    }
    bool proof_ok = false;
    if (entry.inclusion_proof) {
      proof_ok = check_proof(label, entry, *log);
    } else if (bundle_.version != BundleVersion::k01 || is_rekor_v2(entry)) {
      add(kCheckTlogInclusion, label + ": Merkle inclusion proof", Outcome::kFail,
          is_rekor_v2(entry)
              ? "Rekor v2 entries have no signed promise, so an inclusion proof is required; "
                "this entry has none (Assay never asks the log online)"
              : "v" + std::string(to_string(bundle_.version)) +
                    " bundles must carry an inclusion proof; this entry has none");
    }
    const bool inclusion_required = bundle_.version != BundleVersion::k01 || is_rekor_v2(entry);
    const bool included = inclusion_required ? proof_ok : (promise_ok || proof_ok);
    if (body_ok && included) {
      ++verified_entries_;
    }
  }

  bool check_body(const std::string& label, const TlogEntry& entry) {
    const std::string description =
        label + ": the logged entry records this bundle's signature, key and content";
    auto fail_body = [&](const std::string& detail) {
      add(kCheckTlogBody, description, Outcome::kFail, detail);
      return false;
    };
    if (entry.canonicalized_body.empty()) {
      return fail_body("the entry has no canonicalizedBody, so it cannot be compared");
    }
    auto parsed = rekor::parse_entry_body(entry.canonicalized_body,
                                          bundle_.source + entry.pointer + "/canonicalizedBody");
    if (!parsed) {
      return fail_body(parsed.error().to_string());
    }
    const rekor::EntryBody& body = *parsed;
    if (body.kind != entry.kind || body.api_version != entry.version) {
      return fail_body("body is " + body.kind + " " + body.api_version + " but kindVersion says " +
                       entry.kind + " " + entry.version);
    }
    if (body.signatures.size() != 1) {
      return fail_body("body records " + std::to_string(body.signatures.size()) +
                       " signatures; a bundle has exactly one");
    }
    const rekor::BodySignature& recorded = body.signatures.front();
    if (recorded.signature != bundle_.signature()) {
      return fail_body("the logged signature differs from the bundle's signature");
    }
    std::string verifier_detail;
    if (!check_recorded_verifier(recorded, verifier_detail)) {
      return fail_body(verifier_detail);
    }
    std::string content_detail;
    if (bundle_.message_signature) {
      if (body.kind != "hashedrekord") {
        return fail_body("a message signature must be logged as hashedrekord, not " + body.kind);
      }
      const std::optional<std::string> digest = artifact_digest(*body.data_algorithm);
      if (!digest) {
        return fail_body("the log records a " +
                         std::string(crypto::to_string(*body.data_algorithm)) +
                         " digest, and only the artefact's " + given_algorithm_name() +
                         " is known: verify the file itself");
      }
      if (*digest != body.data_digest) {
        return fail_body("the logged artefact digest " +
                         std::string(crypto::to_string(*body.data_algorithm)) + ":" +
                         short_hex(body.data_digest) + " is not the artefact's (" +
                         short_hex(*digest) + ")");
      }
      content_detail = "artefact " + std::string(crypto::to_string(*body.data_algorithm)) + ":" +
                       short_hex(*digest);
    } else {
      const dsse::Envelope& envelope = *bundle_.dsse_envelope;
      if (body.kind == "hashedrekord") {
        // Rekor v2 logs DSSE as hashedrekord over the PAE bytes.
        const std::string expected = crypto::digest(
            *body.data_algorithm, dsse::pae(envelope.payload_type, envelope.payload));
        if (expected != body.data_digest) {
          return fail_body("the logged digest " + short_hex(body.data_digest) +
                           " is not the digest of this envelope's PAE (" + short_hex(expected) +
                           ")");
        }
        content_detail = "envelope PAE " + std::string(crypto::to_string(*body.data_algorithm)) +
                         ":" + short_hex(expected);
      } else {
        const std::string expected = crypto::digest(*body.payload_algorithm, envelope.payload);
        if (expected != body.payload_digest) {
          return fail_body("the logged payload digest " + short_hex(body.payload_digest) +
                           " is not the digest of this envelope's payload (" + short_hex(expected) +
                           ")");
        }
        content_detail = "payload " + std::string(crypto::to_string(*body.payload_algorithm)) +
                         ":" + short_hex(expected);
      }
    }
    add(kCheckTlogBody, description, Outcome::kPass,
        "signature, " + verifier_detail + " and " + content_detail + " match the " + body.kind +
            " " + body.api_version + " entry");
    return true;
  }

  bool check_recorded_verifier(const rekor::BodySignature& recorded, std::string& detail) {
    if (leaf_) {
      if (recorded.verifier_is_certificate) {
        if (recorded.verifier_der == leaf_->der()) {
          detail = "signing certificate";
          return true;
        }
        detail = "the logged certificate is not the bundle's signing certificate";
        return false;
      }
      auto key = crypto::PublicKey::from_spki_der(recorded.verifier_der);
      if (key && *key == leaf_->public_key()) {
        detail = "signing certificate's key";
        return true;
      }
      detail = "the logged public key is not the signing certificate's key";
      return false;
    }
    if (!signing_key_) {
      // Managed-key bundle checked against an identity policy: nothing to compare the logged
      // key with (that failure is reported by the identity check), so say it was not compared.
      detail = "(the logged key not compared: no signing key was established)";
      return true;
    }
    if (recorded.verifier_is_certificate) {
      auto certificate = x509::Certificate::from_der(recorded.verifier_der);
      if (certificate && certificate->public_key() == *signing_key_) {
        detail = "the given key (in the logged certificate)";
        return true;
      }
      detail = "the logged certificate's key is not the given key";
      return false;
    }
    auto key = crypto::PublicKey::from_spki_der(recorded.verifier_der);
    if (key && *key == *signing_key_) {
      detail = "the given key";
      return true;
    }
    detail = "the logged public key is not the given key";
    return false;
  }

  bool check_promise(const std::string& label, const TlogEntry& entry, const TransparencyLog& log) {
    const std::string description = label + ": signed entry timestamp (inclusion promise)";
    const std::string payload = rekor::signed_entry_timestamp_payload(
        entry.canonicalized_body, entry.integrated_time, entry.log_id, entry.log_index);
    crypto::SignatureOptions options;
    options.hash = crypto::HashAlgorithm::kSha256;
    const Result<void> verified =
        crypto::verify_message(*log.key, payload, *entry.signed_entry_timestamp, options);
    if (!verified) {
      add(kCheckTlogSet, description, Outcome::kFail,
          "the promise over body, integratedTime " + std::to_string(entry.integrated_time) +
              ", logID and logIndex " + std::to_string(entry.log_index) + " does not verify with " +
              log.base_url + "'s key: " + verified.error().message);
      return false;
    }
    if (!log.valid_for.contains(entry.integrated_time)) {
      add(kCheckTlogSet, description, Outcome::kFail,
          "the promise verifies, but integratedTime " + format_rfc3339(entry.integrated_time) +
              " is outside the log key's validity " + log.valid_for.to_string() +
              " in the trusted root");
      return false;
    }
    add(kCheckTlogSet, description, Outcome::kPass,
        log.base_url + " signed integratedTime " + format_rfc3339(entry.integrated_time) +
            " (within its key's validity " + log.valid_for.to_string() + ")");
    times_.push_back(SignedTime{entry.integrated_time,
                                "integrated time of " + label.substr(0, label.find(" ("))});
    return true;
  }

  bool check_proof(const std::string& label, const TlogEntry& entry, const TransparencyLog& log) {
    const InclusionProof& proof = *entry.inclusion_proof;
    const std::string leaf = rekor::leaf_hash(entry.canonicalized_body);
    const Result<void> included = rekor::verify_inclusion(
        static_cast<std::uint64_t>(proof.log_index), static_cast<std::uint64_t>(proof.tree_size),
        leaf, proof.hashes, proof.root_hash);
    const std::string description = label + ": Merkle inclusion proof";
    if (!included) {
      add(kCheckTlogInclusion, description, Outcome::kFail, included.error().message);
      return false;
    }
    add(kCheckTlogInclusion, description, Outcome::kPass,
        "the entry's leaf hash is at index " + std::to_string(proof.log_index) + " of a tree of " +
            std::to_string(proof.tree_size) + " with root " + short_hex(proof.root_hash));
    return check_checkpoint(label, proof, log);
  }

  bool check_checkpoint(const std::string& label, const InclusionProof& proof,
                        const TransparencyLog& log) {
    const std::string description =
        label + ": the proof's root is in a checkpoint signed by " + log.base_url;
    if (!proof.checkpoint) {
      if (bundle_.version == BundleVersion::k01) {
        add(kCheckTlogCheckpoint, description, Outcome::kSkipped,
            "v0.1 bundle without a checkpoint: the root hash is not signed, so inclusion rests "
            "on the signed entry timestamp");
        return false;
      }
      add(kCheckTlogCheckpoint, description, Outcome::kFail,
          "v" + std::string(to_string(bundle_.version)) +
              " bundles must carry a checkpoint with the inclusion proof; this one has none");
      return false;
    }
    auto checkpoint = rekor::parse_checkpoint(*proof.checkpoint);
    if (!checkpoint) {
      add(kCheckTlogCheckpoint, description, Outcome::kFail, checkpoint.error().message);
      return false;
    }
    if (checkpoint->tree_size != static_cast<std::uint64_t>(proof.tree_size) ||
        checkpoint->root_hash != proof.root_hash) {
      add(kCheckTlogCheckpoint, description, Outcome::kFail,
          "the checkpoint (size " + std::to_string(checkpoint->tree_size) + ", root " +
              short_hex(checkpoint->root_hash) + ") is not the proof's tree (size " +
              std::to_string(proof.tree_size) + ", root " + short_hex(proof.root_hash) + ")");
      return false;
    }
    const std::string& key_id = log.checkpoint_key_id.empty() ? log.log_id : log.checkpoint_key_id;
    auto signed_by = rekor::verify_checkpoint_signature(*checkpoint, key_id.substr(0, 4), *log.key);
    if (!signed_by) {
      add(kCheckTlogCheckpoint, description, Outcome::kFail, signed_by.error().message);
      return false;
    }
    const std::size_t ignored = checkpoint->signatures.size() - 1;
    add(kCheckTlogCheckpoint, description, Outcome::kPass,
        "checkpoint " + quote(checkpoint->origin) + " of size " +
            std::to_string(checkpoint->tree_size) + ": signature line " +
            std::to_string(*signed_by) + " (" + quote(checkpoint->signatures[*signed_by].name) +
            ") verifies with the log's key" +
            (ignored > 0 ? "; " + std::to_string(ignored) +
                               " other line(s) (witness cosignatures or unknown keys) ignored"
                         : ""));
    return true;
  }

  // --- RFC 3161 timestamps ------------------------------------------------------------------

  void check_timestamp(std::size_t index, const std::string& der) {
    const std::string label = "RFC 3161 timestamp " + std::to_string(index);
    const std::string description = label + " over the signature, by a trusted timestamp authority";
    auto token = tsa::parse_timestamp(der);
    if (!token) {
      add(kCheckTsa, description, Outcome::kFail, token.error().message);
      return;
    }
    if (root_.timestamp_authorities.empty()) {
      add(kCheckTsa, description, Outcome::kFail,
          "the trusted root lists no timestamp authorities");
      return;
    }
    std::vector<std::string> reasons;
    for (const CertificateAuthority& authority : root_.timestamp_authorities) {
      const Result<void> verified = tsa::verify_timestamp(
          *token, bundle_.signature(), authority.chain, authority.chain_verified);
      if (!verified) {
        reasons.push_back(authority.describe() + ": " + verified.error().message);
        continue;
      }
      if (!authority.valid_for.contains(token->gen_time)) {
        reasons.push_back(authority.describe() + ": signed it, but genTime " +
                          format_rfc3339(token->gen_time) +
                          " is outside the authority's validity " +
                          authority.valid_for.to_string() + " in the trusted root");
        continue;
      }
      add(kCheckTsa, description, Outcome::kPass,
          authority.describe() + " timestamped the signature at " +
              format_rfc3339(token->gen_time) + " (imprint " +
              std::string(crypto::to_string(token->imprint_algorithm)) +
              ", chain checked at that time, authority valid " + authority.valid_for.to_string() +
              ")");
      times_.push_back(SignedTime{token->gen_time, label});
      return;
    }
    // One reason when every authority failed the same way (an imprint mismatch, say).
    std::string detail;
    const bool all_same =
        std::all_of(reasons.begin(), reasons.end(), [&](const std::string& reason) {
          return reason.substr(reason.find(": ")) ==
                 reasons.front().substr(reasons.front().find(": "));
        });
    if (all_same && reasons.size() > 1) {
      detail = reasons.front().substr(reasons.front().find(": ") + 2) + " (all " +
               std::to_string(reasons.size()) + " authorities)";
    } else {
      for (const std::string& reason : reasons) {
        detail += (detail.empty() ? "" : "; ") + reason;
      }
    }
    add(kCheckTsa, description, Outcome::kFail, "no trusted authority verifies it: " + detail);
  }

  void check_time_threshold() {
    std::string detail;
    for (const SignedTime& time : times_) {
      detail += (detail.empty() ? "" : "; ") + format_rfc3339(time.time) + " (" + time.source + ")";
    }
    if (times_.size() < options_.time_threshold) {
      bool has_v2 = false;
      for (const TlogEntry& entry : bundle_.tlog_entries) {
        has_v2 = has_v2 || is_rekor_v2(entry);
      }
      detail = std::to_string(times_.size()) + " verified" + (detail.empty() ? "" : ": " + detail) +
               (has_v2 && bundle_.rfc3161_timestamps.empty()
                    ? "; Rekor v2 entries carry no signed time, so an RFC 3161 timestamp is "
                      "required"
                    : "");
    }
    add(kCheckTime,
        "at least " + std::to_string(options_.time_threshold) +
            " verified signing time (signed entry timestamp or RFC 3161 timestamp)",
        times_.size() >= options_.time_threshold ? Outcome::kPass : Outcome::kFail, detail);
  }

  // --- certificate ------------------------------------------------------------------------

  void check_certificate() {
    const x509::Certificate& leaf = *leaf_;
    const std::string chain_description =
        "the signing certificate chains to a certificate authority in the trusted root";
    if (leaf.is_ca() || !leaf.has_code_signing_usage() || !leaf.allows_digital_signature()) {
      add(kCheckCertChain, chain_description, Outcome::kFail,
          "the leaf certificate is not a code-signing end-entity certificate (it must not be a "
          "CA and must have the codeSigning extended key usage and digitalSignature)");
      return;
    }
    const CertificateAuthority* used = nullptr;
    std::vector<x509::Certificate> path;
    std::string reasons;
    for (const CertificateAuthority& authority : root_.certificate_authorities) {
      std::vector<x509::Certificate> intermediates;
      if (!authority.chain_verified) {
        intermediates.assign(authority.chain.begin(), authority.chain.end() - 1);
      }
      auto built = authority.store.verify_path(leaf, intermediates);
      if (built) {
        used = &authority;
        path = std::move(*built);
        break;
      }
      reasons +=
          (reasons.empty() ? "" : "; ") + authority.describe() + ": " + built.error().message;
    }
    if (used == nullptr) {
      add(kCheckCertChain, chain_description, Outcome::kFail,
          "certificate issued by " + quote(leaf.issuer()) + " does not chain to any of the " +
              std::to_string(root_.certificate_authorities.size()) +
              " certificate authorities in the trusted root" +
              (reasons.empty() ? "" : " (" + reasons + ")"));
      return;
    }
    // Certificates after the leaf in a bundle's chain are never trusted. Old v0.1/v0.2 bundles
    // carry copies of the CA's own intermediate and root, which are harmless; any other CA
    // certificate (a root the trusted root does not list, say) means the bundle describes a
    // chain other than the one verified, and is refused.
    std::string foreign;
    for (std::size_t index = 1; index < bundle_.certificates.size(); ++index) {
      const x509::Certificate& extra = bundle_.certificates[index];
      const bool known =
          std::find(used->chain.begin(), used->chain.end(), extra) != used->chain.end();
      if (!known) {
        foreign += (foreign.empty() ? "" : ", ") + quote(extra.subject()) +
                   (extra.is_self_issued() ? " (a root certificate)" : "");
      }
    }
    if (!foreign.empty()) {
      add(kCheckCertChain, chain_description, Outcome::kFail,
          "the leaf chains to " + used->describe() +
              ", but the bundle's certificate chain also carries CA certificates that are not "
              "that authority's: " +
              foreign + "; a bundle must not supply its own CA or root certificates");
      return;
    }
    std::string ignored;
    if (bundle_.certificates.size() > 1) {
      ignored = "; the bundle's copies of " + std::to_string(bundle_.certificates.size() - 1) +
                " of the CA's certificates are not relied on";
    }
    add(kCheckCertChain, chain_description, Outcome::kPass,
        "issued by " + quote(path.size() > 1 ? path[1].subject() : leaf.issuer()) + " of " +
            used->describe() + ignored);
    ca_ = used;
    issuer_ = path.size() > 1 ? std::optional<x509::Certificate>(path[1]) : std::nullopt;

    check_validity();
    check_scts();
    check_identity();
  }

  void check_validity() {
    const x509::Certificate& leaf = *leaf_;
    const std::string description =
        "the certificate and its CA were valid at every verified signing time";
    if (times_.empty()) {
      return;  // sigstore.time has failed already; there is nothing to check validity at
    }
    for (const SignedTime& time : times_) {
      const std::string when = format_rfc3339(time.time) + " (" + time.source + ")";
      if (!leaf.valid_at(time.time)) {
        add(kCheckCertValidity, description, Outcome::kFail,
            "signing time " + when + " is outside the certificate's validity [" +
                format_rfc3339(leaf.not_before()) + ", " + format_rfc3339(leaf.not_after()) + "]");
        return;
      }
      for (const x509::Certificate& certificate : ca_->chain) {
        if (!certificate.valid_at(time.time)) {
          add(kCheckCertValidity, description, Outcome::kFail,
              "signing time " + when + " is outside the validity of CA certificate " +
                  quote(certificate.subject()));
          return;
        }
      }
      if (!ca_->valid_for.contains(time.time)) {
        add(kCheckCertValidity, description, Outcome::kFail,
            "signing time " + when + " is outside the certificate authority's validity " +
                ca_->valid_for.to_string() + " in the trusted root");
        return;
      }
    }
    add(kCheckCertValidity, description, Outcome::kPass,
        std::to_string(times_.size()) + " signing time(s) within the certificate's validity [" +
            format_rfc3339(leaf.not_before()) + ", " + format_rfc3339(leaf.not_after()) +
            "] and the CA's " + ca_->valid_for.to_string());
  }

  void check_scts() {
    const std::string description =
        "embedded certificate transparency timestamps (SCTs) from CT logs in the trusted root";
    auto scts = x509::embedded_scts(*leaf_);
    if (!scts) {
      add(kCheckSct, description, Outcome::kFail, scts.error().message);
      return;
    }
    if (!issuer_) {
      add(kCheckSct, description, Outcome::kFail, "the issuing certificate is unknown");
      return;
    }
    std::size_t verified = 0;
    std::string notes;
    for (const x509::SignedCertificateTimestamp& sct : *scts) {
      const TransparencyLog* log = root_.find_ctlog(sct.log_id);
      if (log == nullptr) {
        notes += (notes.empty() ? "" : "; ") + std::string("SCT from unknown log ") +
                 crypto::base64_encode(sct.log_id);
        continue;
      }
      if (!log->key) {
        notes += (notes.empty() ? "" : "; ") + log->base_url + ": " + log->unsupported_reason;
        continue;
      }
      const Result<void> result = x509::verify_embedded_sct(sct, *leaf_, *issuer_, *log->key);
      if (!result) {
        notes += (notes.empty() ? "" : "; ") + log->base_url + ": " + result.error().message;
        continue;
      }
      const auto seconds = static_cast<std::int64_t>(sct.timestamp_ms / 1000);
      if (!log->valid_for.contains(seconds)) {
        notes += (notes.empty() ? "" : "; ") + log->base_url + ": SCT time " +
                 format_rfc3339(seconds) + " is outside the log key's validity " +
                 log->valid_for.to_string();
        continue;
      }
      ++verified;
      notes += (notes.empty() ? "" : "; ") + log->base_url + " at " + format_rfc3339(seconds) +
               " verified";
    }
    add(kCheckSct, description,
        verified >= options_.sct_threshold ? Outcome::kPass : Outcome::kFail,
        std::to_string(verified) + " of " + std::to_string(scts->size()) + " SCT(s) verified (" +
            std::to_string(options_.sct_threshold) + " required)" +
            (notes.empty() ? "" : ": " + notes));
  }

  void check_identity() {
    const std::string description = "the signer's certificate identity matches the policy";
    auto identity = certificate_identity(*leaf_);
    if (!identity) {
      add(kCheckIdentity, description, Outcome::kFail, identity.error().message);
      return;
    }
    verification_.identity = identity->describe();
    const Result<void> matched = policy_.check(*identity);
    if (!matched) {
      add(kCheckIdentity, description, Outcome::kFail, matched.error().message);
      return;
    }
    add(kCheckIdentity, description, Outcome::kPass,
        identity->describe() + " matches " + policy_.describe());
  }

  // --- signature and artefact ---------------------------------------------------------------

  void check_signature() {
    if (!signing_key_) {
      return;
    }
    const crypto::PublicKey& key = *signing_key_;
    const std::string holder = leaf_ ? "the signing certificate's " + key.describe() + " key"
                                     : "the given " + key.describe() + " key";
    crypto::SignatureOptions options = crypto::default_options(key);
    if (bundle_.message_signature && bundle_.message_signature->message_digest &&
        key.type() != crypto::KeyType::kEd25519) {
      // The signer hashed with the algorithm the bundle names (SHA-256 with a P-384 key, say);
      // it is restricted to SHA-2 by the parser, so any of them is acceptable.
      options.hash = bundle_.message_signature->message_digest->algorithm;
    }
    if (bundle_.message_signature) {
      const std::string description = "the signature over the artefact verifies with " + holder;
      Result<void> verified;
      const std::optional<std::string> digest = artifact_digest(options.hash);
      if (key.type() != crypto::KeyType::kEd25519 && digest) {
        verified = crypto::verify_digest(key, *digest, bundle_.signature(), options);
      } else if (artifact_.bytes) {
        verified = crypto::verify_message(key, *artifact_.bytes, bundle_.signature(), options);
      } else {
        add(kCheckSignature, description, Outcome::kFail,
            "a " + key.describe() + " signature over the artefact needs " +
                (key.type() == crypto::KeyType::kEd25519
                     ? std::string("the artefact's bytes")
                     : "its " + std::string(crypto::to_string(options.hash)) + " digest") +
                ", and only its " + given_algorithm_name() + " is known: verify the file itself");
        return;
      }
      add(kCheckSignature, description, verified ? Outcome::kPass : Outcome::kFail,
          verified
              ? key.describe() + " signature over the artefact (" + artifact_.name + ") verified"
              : verified.error().message);
      return;
    }
    const dsse::Envelope& envelope = *bundle_.dsse_envelope;
    const std::string description =
        "the DSSE signature over PAE(payloadType, payload) verifies "
        "with " +
        holder;
    const Result<void> verified = crypto::verify_message(
        key, dsse::pae(envelope.payload_type, envelope.payload), bundle_.signature(), options);
    add(kCheckSignature, description, verified ? Outcome::kPass : Outcome::kFail,
        verified ? key.describe() + " signature over the envelope verified"
                 : verified.error().message);
  }

  // The artefact's digest under `algorithm`, when it can be known.
  std::optional<std::string> artifact_digest(crypto::HashAlgorithm algorithm) const {
    return artifact_.digest(algorithm);
  }

  std::string given_algorithm_name() const {
    return std::string(crypto::to_string(artifact_.given_algorithm));
  }

  void check_artifact() {
    if (bundle_.message_signature) {
      const std::string description = "the bundle's message digest is the artefact's digest";
      const std::optional<HashOutput>& claimed = bundle_.message_signature->message_digest;
      if (!claimed) {
        add(kCheckArtifact, description, Outcome::kSkipped,
            "the bundle states no digest; the signature check covers the artefact");
        return;
      }
      const std::optional<std::string> digest = artifact_digest(claimed->algorithm);
      if (!digest) {
        add(kCheckArtifact, description, Outcome::kFail,
            "the bundle states a " + std::string(crypto::to_string(claimed->algorithm)) +
                " digest, and only the artefact's " + given_algorithm_name() +
                " is known: verify the file itself");
        return;
      }
      const bool same = *digest == claimed->digest;
      add(kCheckArtifact, description, same ? Outcome::kPass : Outcome::kFail,
          same ? std::string(crypto::to_string(claimed->algorithm)) + ":" + short_hex(*digest)
               : "the bundle's messageDigest " +
                     std::string(crypto::to_string(claimed->algorithm)) + ":" +
                     short_hex(claimed->digest) + " is not the artefact's " + short_hex(*digest));
      return;
    }
    check_statement_subject();
  }

  void check_statement_subject() {
    const dsse::Envelope& envelope = *bundle_.dsse_envelope;
    const std::string description = "the artefact is a subject of the signed in-toto statement";
    auto fail_subject = [&](const std::string& detail) {
      add(kCheckArtifact, description, Outcome::kFail, detail);
    };
    if (envelope.payload_type != kInTotoPayloadType) {
      fail_subject("payload type " + quote(envelope.payload_type) +
                   " is not an in-toto statement, so the artefact cannot be bound to it");
      return;
    }
    auto document =
        json::parse(envelope.payload, bundle_.source + "#/dsseEnvelope/payload", kStatementLimits);
    if (!document) {
      fail_subject("the payload is not JSON: " + document.error().to_string());
      return;
    }
    const json::Reader statement(*document, bundle_.source + "#/dsseEnvelope/payload");
    auto type = statement.get_string("_type");
    if (!type || (*type != "https://in-toto.io/Statement/v1" &&
                  *type != "https://in-toto.io/Statement/v0.1")) {
      fail_subject("the payload is not an in-toto Statement (v0.1 or v1): _type is " +
                   (type ? quote(*type) : std::string("missing")));
      return;
    }
    auto subjects = get_array(statement, "subject", 100'000);
    if (!subjects) {
      fail_subject(subjects.error().to_string());
      return;
    }
    std::string listed;
    for (const json::Reader& subject : *subjects) {
      const std::optional<json::Reader> digests = subject.find("digest");
      if (!digests || !digests->node().is_object()) {
        continue;
      }
      const std::string name = subject.get_string("name").value_or("(unnamed)");
      for (const crypto::HashAlgorithm algorithm :
           {crypto::HashAlgorithm::kSha256, crypto::HashAlgorithm::kSha384,
            crypto::HashAlgorithm::kSha512}) {
        auto value = digests->get_string(crypto::to_string(algorithm));
        if (!value) {
          continue;
        }
        listed += (listed.empty() ? "" : ", ") + quote(name) + " " +
                  std::string(crypto::to_string(algorithm)) + ":" + *value;
        const std::optional<std::string> expected = artifact_digest(algorithm);
        const std::optional<std::string> recorded = hex_decode(*value);
        if (expected && recorded && *expected == *recorded) {
          add(kCheckArtifact, description, Outcome::kPass,
              "subject " + quote(name) + " has the artefact's " +
                  std::string(crypto::to_string(algorithm)) + " " + short_hex(*expected));
          return;
        }
      }
    }
    fail_subject("no subject has the artefact's digest (" + artifact_.name + ")" +
                 " (subjects: " + (listed.empty() ? std::string("none") : listed) + ")");
  }

  const Bundle& bundle_;
  const Artifact& artifact_;
  const Policy& policy_;
  const TrustedRoot& root_;
  const VerifyOptions& options_;
  Verification verification_;
  std::optional<x509::Certificate> leaf_;
  std::optional<x509::Certificate> issuer_;
  const CertificateAuthority* ca_ = nullptr;
  std::optional<crypto::PublicKey> signing_key_;
  std::vector<SignedTime> times_;
  std::size_t verified_entries_ = 0;
};

}  // namespace

Artifact Artifact::from_bytes(std::string_view bytes, std::string name) {
  Artifact artifact;
  artifact.bytes = bytes;
  artifact.given_digest = crypto::sha256(bytes);
  const std::string digest = "sha256:" + hex_encode(artifact.given_digest);
  artifact.name = name.empty() ? digest : std::move(name) + " (" + digest + ")";
  return artifact;
}

Result<Artifact> Artifact::from_digest(std::string_view digest) {
  Artifact artifact;
  std::string_view hex = digest;
  const std::size_t colon = hex.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view algorithm = hex.substr(0, colon);
    if (algorithm == "sha256") {
      artifact.given_algorithm = crypto::HashAlgorithm::kSha256;
    } else if (algorithm == "sha384") {
      artifact.given_algorithm = crypto::HashAlgorithm::kSha384;
    } else if (algorithm == "sha512") {
      artifact.given_algorithm = crypto::HashAlgorithm::kSha512;
    } else {
      return fail(ErrorCode::kInvalidInput, "digest algorithm " + quote(algorithm) +
                                                " is not supported (sha256, sha384, sha512)");
    }
    hex.remove_prefix(colon + 1);
  }
  const std::size_t expected = 2 * crypto::digest_size(artifact.given_algorithm);
  const std::optional<std::string> raw = hex.size() == expected ? hex_decode(hex) : std::nullopt;
  if (!raw) {
    return fail(ErrorCode::kInvalidInput,
                "digest " + quote(digest) + " is not " +
                    std::string(crypto::to_string(artifact.given_algorithm)) + ":<" +
                    std::to_string(expected) + " hex digits>");
  }
  artifact.given_digest = *raw;
  artifact.name = std::string(crypto::to_string(artifact.given_algorithm)) + ":" +
                  hex_encode(artifact.given_digest);
  return artifact;
}

std::optional<std::string> Artifact::digest(crypto::HashAlgorithm algorithm) const {
  if (algorithm == given_algorithm) {
    return given_digest;
  }
  if (bytes) {
    return crypto::digest(algorithm, *bytes);
  }
  return std::nullopt;
}

Verification verify_bundle(const Bundle& bundle, const Artifact& artifact, const Policy& policy,
                           const TrustedRoot& root, const VerifyOptions& options) {
  return BundleVerifier(bundle, artifact, policy, root, options).run();
}

Verification verify_bundle_json(std::string_view json, std::string_view source,
                                const Artifact& artifact, const Policy& policy,
                                const TrustedRoot& root, const VerifyOptions& options) {
  auto bundle = parse_bundle(json, source);
  if (!bundle) {
    Verification verification;
    verification.method = "sigstore-bundle";
    verification.subject = artifact.name;
    verification.trust_root = root.describe();
    verification.add(std::string(kCheckBundleParse), "the bundle is a well-formed Sigstore bundle",
                     Outcome::kFail, bundle.error().to_string());
    return verification;
  }
  Verification verification = verify_bundle(*bundle, artifact, policy, root, options);
  verification.checks.insert(verification.checks.begin(),
                             Check{std::string(kCheckBundleParse),
                                   "the bundle is a well-formed Sigstore bundle", Outcome::kPass,
                                   "media type " + bundle->media_type + " (v" +
                                       std::string(to_string(bundle->version)) + ")"});
  return verification;
}

}  // namespace assay::verify::sigstore
