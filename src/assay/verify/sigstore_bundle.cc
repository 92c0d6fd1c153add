// Sigstore bundle parsing (protobuf JSON, strict).
#include "assay/verify/sigstore_bundle.h"

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_json.h"

namespace assay::verify::sigstore {

namespace {

std::optional<BundleVersion> version_of(std::string_view media_type) {
  if (media_type == "application/vnd.dev.sigstore.bundle+json;version=0.1") {
    return BundleVersion::k01;
  }
  if (media_type == "application/vnd.dev.sigstore.bundle+json;version=0.2") {
    return BundleVersion::k02;
  }
  if (media_type == "application/vnd.dev.sigstore.bundle+json;version=0.3" ||
      media_type == "application/vnd.dev.sigstore.bundle.v0.3+json") {
    return BundleVersion::k03;
  }
  return std::nullopt;
}

Result<std::int64_t> non_negative(const json::Reader& node, std::string_view key, bool required) {
  std::optional<std::int64_t> value;
  if (required) {
    ASSAY_TRY(value, get_int64(node, key));
  } else {
    ASSAY_TRY(value, find_int64(node, key));
  }
  if (value.value_or(0) < 0) {
    return fail(ErrorCode::kInvalidInput,
                quote(key) + " is negative (" + std::to_string(*value) + ")", node.location(key));
  }
  return value.value_or(0);
}

Result<crypto::HashAlgorithm> hash_algorithm(const json::Reader& node, std::string_view key) {
  // Not ASSAY_TRY: g++ 12 -O2 reports a false maybe-uninitialized on the moved-out string.
  const Result<std::string> read = node.get_string(key);
  if (!read) {
    return tl::unexpected(read.error());
  }
  const std::string& name = *read;
  if (name == "SHA2_256") {
    return crypto::HashAlgorithm::kSha256;
  }
  if (name == "SHA2_384") {
    return crypto::HashAlgorithm::kSha384;
  }
  if (name == "SHA2_512") {
    return crypto::HashAlgorithm::kSha512;
  }
  return fail(ErrorCode::kUnsupported,
              "hash algorithm " + quote(name) + " is not supported (SHA2_256, SHA2_384, SHA2_512)",
              node.location(key));
}

Result<x509::Certificate> read_certificate(const json::Reader& node) {
  ASSAY_TRY_VOID(require_members_in(node, {"rawBytes"}));
  ASSAY_TRY(const std::string der, get_bytes(node, "rawBytes"));
  auto certificate = x509::Certificate::from_der(der);
  if (!certificate) {
    return fail(certificate.error().code, certificate.error().message, node.location("rawBytes"));
  }
  return std::move(*certificate);
}

Result<InclusionProof> read_inclusion_proof(const json::Reader& node) {
  ASSAY_TRY_VOID(
      require_members_in(node, {"logIndex", "rootHash", "treeSize", "hashes", "checkpoint"}));
  InclusionProof proof;
  ASSAY_TRY(proof.log_index, non_negative(node, "logIndex", false));
  ASSAY_TRY(proof.root_hash, get_bytes(node, "rootHash"));
  ASSAY_TRY(proof.tree_size, non_negative(node, "treeSize", true));
  ASSAY_TRY(const std::vector<json::Reader> hashes, get_array(node, "hashes", kMaxProofHashes));
  for (const json::Reader& hash : hashes) {
    ASSAY_TRY(const std::string text, hash.as_string());
    auto decoded = crypto::base64_decode_any(text, "proof hash");
    if (!decoded) {
      return fail(decoded.error().code, decoded.error().message, hash.location());
    }
    proof.hashes.push_back(std::move(*decoded));
  }
  ASSAY_TRY(const std::optional<json::Reader> checkpoint, find_object(node, "checkpoint"));
  if (checkpoint) {
    ASSAY_TRY_VOID(require_members_in(*checkpoint, {"envelope"}));
    ASSAY_TRY(std::string envelope, checkpoint->get_string("envelope"));
    proof.checkpoint = std::move(envelope);
  }
  return proof;
}

Result<TlogEntry> read_tlog_entry(const json::Reader& node) {
  ASSAY_TRY_VOID(
      require_members_in(node, {"logIndex", "logId", "kindVersion", "integratedTime",
                                "inclusionPromise", "inclusionProof", "canonicalizedBody"}));
  TlogEntry entry;
  entry.pointer = node.pointer();
  ASSAY_TRY(entry.log_index, non_negative(node, "logIndex", false));
  ASSAY_TRY(const json::Reader log_id, get_object(node, "logId"));
  ASSAY_TRY_VOID(require_members_in(log_id, {"keyId"}));
  ASSAY_TRY(entry.log_id, get_bytes(log_id, "keyId"));
  ASSAY_TRY(const json::Reader kind_version, get_object(node, "kindVersion"));
  ASSAY_TRY_VOID(require_members_in(kind_version, {"kind", "version"}));
  ASSAY_TRY(entry.kind, kind_version.get_string("kind"));
  ASSAY_TRY(entry.version, kind_version.get_string("version"));
  ASSAY_TRY(entry.integrated_time, non_negative(node, "integratedTime", false));
  ASSAY_TRY(const std::optional<json::Reader> promise, find_object(node, "inclusionPromise"));
  if (promise) {
    ASSAY_TRY_VOID(require_members_in(*promise, {"signedEntryTimestamp"}));
    ASSAY_TRY(std::string set, get_bytes(*promise, "signedEntryTimestamp"));
    entry.signed_entry_timestamp = std::move(set);
  }
  ASSAY_TRY(const std::optional<json::Reader> proof, find_object(node, "inclusionProof"));
  if (proof) {
    ASSAY_TRY(InclusionProof parsed, read_inclusion_proof(*proof));
    entry.inclusion_proof = std::move(parsed);
  }
  ASSAY_TRY(const std::optional<std::string> body, find_bytes(node, "canonicalizedBody"));
  entry.canonicalized_body = body.value_or("");
  return entry;
}

Result<void> read_material(const json::Reader& node, Bundle& bundle) {
  ASSAY_TRY_VOID(require_members_in(node, {"publicKey", "x509CertificateChain", "certificate",
                                           "tlogEntries", "timestampVerificationData"}));
  int kinds = 0;
  ASSAY_TRY(const std::optional<json::Reader> public_key, find_object(node, "publicKey"));
  ASSAY_TRY(const std::optional<json::Reader> chain, find_object(node, "x509CertificateChain"));
  ASSAY_TRY(const std::optional<json::Reader> certificate, find_object(node, "certificate"));
  kinds += public_key ? 1 : 0;
  kinds += chain ? 1 : 0;
  kinds += certificate ? 1 : 0;
  if (kinds != 1) {
    return fail(ErrorCode::kInvalidInput,
                kinds == 0 ? "verification material has no publicKey, x509CertificateChain or "
                             "certificate"
                           : "verification material has more than one of publicKey, "
                             "x509CertificateChain and certificate",
                node.location());
  }
  if (public_key) {
    bundle.material = MaterialKind::kPublicKey;
    ASSAY_TRY_VOID(require_members_in(*public_key, {"hint"}));
    ASSAY_TRY(const std::optional<std::string> hint, public_key->get_optional_string("hint"));
    bundle.public_key_hint = hint.value_or("");
  } else if (chain) {
    bundle.material = MaterialKind::kX509CertificateChain;
    ASSAY_TRY_VOID(require_members_in(*chain, {"certificates"}));
    ASSAY_TRY(const std::vector<json::Reader> certificates,
              get_array(*chain, "certificates", kMaxBundleCertificates));
    if (certificates.empty()) {
      return fail(ErrorCode::kInvalidInput, "x509CertificateChain has no certificates",
                  chain->location());
    }
    for (const json::Reader& item : certificates) {
      ASSAY_TRY(x509::Certificate parsed, read_certificate(item));
      bundle.certificates.push_back(std::move(parsed));
    }
  } else {
    bundle.material = MaterialKind::kCertificate;
    ASSAY_TRY(x509::Certificate parsed, read_certificate(*certificate));
    bundle.certificates.push_back(std::move(parsed));
  }
  ASSAY_TRY(const std::vector<json::Reader> entries,
            get_array(node, "tlogEntries", kMaxTlogEntries));
  for (const json::Reader& item : entries) {
    ASSAY_TRY(TlogEntry entry, read_tlog_entry(item));
    bundle.tlog_entries.push_back(std::move(entry));
  }
  ASSAY_TRY(const std::optional<json::Reader> timestamps,
            find_object(node, "timestampVerificationData"));
  if (timestamps) {
    ASSAY_TRY_VOID(require_members_in(*timestamps, {"rfc3161Timestamps"}));
    ASSAY_TRY(const std::vector<json::Reader> items,
              get_array(*timestamps, "rfc3161Timestamps", kMaxTimestamps));
    for (const json::Reader& item : items) {
      ASSAY_TRY_VOID(require_members_in(item, {"signedTimestamp"}));
      ASSAY_TRY(std::string token, get_bytes(item, "signedTimestamp"));
      bundle.rfc3161_timestamps.push_back(std::move(token));
    }
  }
  return {};
}

}  // namespace

std::string_view to_string(BundleVersion version) {
  switch (version) {
    case BundleVersion::k01:
      return "0.1";
    case BundleVersion::k02:
      return "0.2";
    case BundleVersion::k03:
      return "0.3";
  }
  return "0.3";
}

const std::string& Bundle::signature() const {
  static const std::string kEmpty;
  if (message_signature) {
    return message_signature->signature;
  }
  if (dsse_envelope && !dsse_envelope->signatures.empty()) {
    return dsse_envelope->signatures.front().sig;
  }
  return kEmpty;
}

Result<Bundle> parse_bundle(std::string_view json, std::string_view source,
                            const InputLimits& limits) {
  ASSAY_TRY(const json::Json document, json::parse(json, source, limits));
  const json::Reader root(document, std::string(source));
  ASSAY_TRY_VOID(require_members_in(
      root, {"mediaType", "verificationMaterial", "messageSignature", "dsseEnvelope"}));
  Bundle bundle;
  bundle.source = std::string(source);
  ASSAY_TRY(bundle.media_type, root.get_string("mediaType"));
  const std::optional<BundleVersion> version = version_of(bundle.media_type);
  if (!version) {
    return fail(ErrorCode::kInvalidInput,
                "unknown bundle media type " + quote(bundle.media_type) +
                    " (expected application/vnd.dev.sigstore.bundle.v0.3+json or "
                    "application/vnd.dev.sigstore.bundle+json;version=0.1, 0.2 or 0.3)",
                root.location("mediaType"));
  }
  bundle.version = *version;
  ASSAY_TRY(const json::Reader material, get_object(root, "verificationMaterial"));
  ASSAY_TRY_VOID(read_material(material, bundle));

  ASSAY_TRY(const std::optional<json::Reader> message, find_object(root, "messageSignature"));
  ASSAY_TRY(const std::optional<json::Reader> envelope, find_object(root, "dsseEnvelope"));
  if (message.has_value() == envelope.has_value()) {
    return fail(ErrorCode::kInvalidInput,
                message ? "bundle has both messageSignature and dsseEnvelope"
                        : "bundle has neither messageSignature nor dsseEnvelope",
                root.location());
  }
  if (message) {
    ASSAY_TRY_VOID(require_members_in(*message, {"messageDigest", "signature"}));
    MessageSignature signature;
    ASSAY_TRY(const std::optional<json::Reader> digest, find_object(*message, "messageDigest"));
    if (digest) {
      ASSAY_TRY_VOID(require_members_in(*digest, {"algorithm", "digest"}));
      HashOutput output;
      ASSAY_TRY(output.algorithm, hash_algorithm(*digest, "algorithm"));
      ASSAY_TRY(output.digest, get_bytes(*digest, "digest"));
      if (output.digest.size() != crypto::digest_size(output.algorithm)) {
        return fail(ErrorCode::kInvalidInput,
                    "digest is " + std::to_string(output.digest.size()) + " bytes, not a " +
                        std::string(crypto::to_string(output.algorithm)) + " digest",
                    digest->location("digest"));
      }
      signature.message_digest = std::move(output);
    }
    ASSAY_TRY(signature.signature, get_bytes(*message, "signature"));
    bundle.message_signature = std::move(signature);
  } else {
    ASSAY_TRY(dsse::Envelope parsed, dsse::read_envelope(*envelope));
    // The bundle format allows exactly one signature: one set of material can vouch for one.
    if (parsed.signatures.size() != 1) {
      return fail(ErrorCode::kInvalidInput,
                  "a bundle's DSSE envelope must have exactly one signature, found " +
                      std::to_string(parsed.signatures.size()),
                  envelope->location("signatures"));
    }
    bundle.dsse_envelope = std::move(parsed);
  }
  return bundle;
}

}  // namespace assay::verify::sigstore
