// Rekor inclusion proofs, checkpoints, SET payloads and entry bodies.
#include "assay/verify/rekor.h"

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_json.h"

namespace assay::verify::rekor {

namespace {

constexpr std::string_view kEmDash = "\xE2\x80\x94";  // U+2014, which starts signature lines

std::string node_hash(std::string_view left, std::string_view right) {
  std::string data;
  data.reserve(1 + left.size() + right.size());
  data += '\x01';
  data += left;
  data += right;
  return crypto::sha256(data);
}

Result<crypto::HashAlgorithm> rekor_v1_algorithm(const json::Reader& node) {
  // Not ASSAY_TRY: g++ 12 -O2 reports a false maybe-uninitialized on the moved-out string.
  const Result<std::string> read = node.get_string("algorithm");
  if (!read) {
    return tl::unexpected(read.error());
  }
  const std::string& name = *read;
  if (name == "sha256") {
    return crypto::HashAlgorithm::kSha256;
  }
  if (name == "sha384") {
    return crypto::HashAlgorithm::kSha384;
  }
  if (name == "sha512") {
    return crypto::HashAlgorithm::kSha512;
  }
  return fail(ErrorCode::kUnsupported, "hash algorithm " + quote(name) + " is not supported",
              node.location("algorithm"));
}

Result<crypto::HashAlgorithm> proto_algorithm(const json::Reader& node) {
  // Not ASSAY_TRY: g++ 12 -O2 reports a false maybe-uninitialized on the moved-out string.
  const Result<std::string> read = node.get_string("algorithm");
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
  return fail(ErrorCode::kUnsupported, "hash algorithm " + quote(name) + " is not supported",
              node.location("algorithm"));
}

// {"algorithm": "sha256", "value": "<hex>"} as Rekor v1 types record digests.
Result<std::string> hex_digest(const json::Reader& node, crypto::HashAlgorithm algorithm) {
  ASSAY_TRY(const std::string value, node.get_string("value"));
  const std::optional<std::string> digest = hex_decode(value);
  if (!digest || digest->size() != crypto::digest_size(algorithm)) {
    return fail(ErrorCode::kInvalidInput,
                "not a hex " + std::string(crypto::to_string(algorithm)) + " digest",
                node.location("value"));
  }
  return *digest;
}

// A base64 field holding a PEM certificate or public key, as Rekor v1 types store verifiers.
Result<BodySignature> pem_verifier(const json::Reader& node, std::string_view key,
                                   std::string signature) {
  ASSAY_TRY(const std::string pem, sigstore::get_bytes(node, key));
  auto blocks = crypto::pem_decode(pem, 4);
  if (!blocks || blocks->empty()) {
    return fail(ErrorCode::kInvalidInput, "verifier is not PEM", node.location(key));
  }
  const crypto::PemBlock& block = blocks->front();
  if (block.label != "CERTIFICATE" && block.label != "PUBLIC KEY") {
    return fail(
        ErrorCode::kInvalidInput,
        "verifier PEM block is " + quote(block.label) + ", expected CERTIFICATE or PUBLIC KEY",
        node.location(key));
  }
  BodySignature out;
  out.signature = std::move(signature);
  out.verifier_der = block.der;
  out.verifier_is_certificate = block.label == "CERTIFICATE";
  return out;
}

// A Rekor v2 Signature {content, verifier: {publicKey|x509Certificate: {rawBytes}, keyDetails}}.
Result<BodySignature> proto_signature(const json::Reader& node) {
  BodySignature out;
  ASSAY_TRY(out.signature, sigstore::get_bytes(node, "content"));
  ASSAY_TRY(const json::Reader verifier, sigstore::get_object(node, "verifier"));
  ASSAY_TRY(const std::optional<json::Reader> certificate,
            sigstore::find_object(verifier, "x509Certificate"));
  ASSAY_TRY(const std::optional<json::Reader> public_key,
            sigstore::find_object(verifier, "publicKey"));
  if (certificate.has_value() == public_key.has_value()) {
    return fail(ErrorCode::kInvalidInput,
                "verifier must have exactly one of x509Certificate and publicKey",
                verifier.location());
  }
  out.verifier_is_certificate = certificate.has_value();
  ASSAY_TRY(out.verifier_der,
            sigstore::get_bytes(certificate ? *certificate : *public_key, "rawBytes"));
  return out;
}

Result<void> read_hashedrekord_v001(const json::Reader& spec, EntryBody& body) {
  ASSAY_TRY(const json::Reader data, sigstore::get_object(spec, "data"));
  ASSAY_TRY(const json::Reader hash, sigstore::get_object(data, "hash"));
  ASSAY_TRY(const crypto::HashAlgorithm algorithm, rekor_v1_algorithm(hash));
  body.data_algorithm = algorithm;
  ASSAY_TRY(body.data_digest, hex_digest(hash, algorithm));
  ASSAY_TRY(const json::Reader signature, sigstore::get_object(spec, "signature"));
  ASSAY_TRY(std::string content, sigstore::get_bytes(signature, "content"));
  ASSAY_TRY(const json::Reader public_key, sigstore::get_object(signature, "publicKey"));
  ASSAY_TRY(BodySignature recorded, pem_verifier(public_key, "content", std::move(content)));
  body.signatures.push_back(std::move(recorded));
  return {};
}

Result<void> read_intoto_v002(const json::Reader& spec, EntryBody& body) {
  ASSAY_TRY(const json::Reader content, sigstore::get_object(spec, "content"));
  ASSAY_TRY(const json::Reader envelope, sigstore::get_object(content, "envelope"));
  ASSAY_TRY(const std::vector<json::Reader> signatures,
            sigstore::get_array(envelope, "signatures", 64));
  for (const json::Reader& item : signatures) {
    // intoto 0.0.2 stores the envelope's (already base64) signature base64-encoded again.
    ASSAY_TRY(const std::string once, sigstore::get_bytes(item, "sig"));
    auto twice = crypto::base64_decode_any(once, "sig");
    if (!twice) {
      return fail(twice.error().code, "signature is not double base64-encoded",
                  item.location("sig"));
    }
    ASSAY_TRY(BodySignature recorded, pem_verifier(item, "publicKey", std::move(*twice)));
    body.signatures.push_back(std::move(recorded));
  }
  ASSAY_TRY(const json::Reader payload_hash, sigstore::get_object(content, "payloadHash"));
  ASSAY_TRY(const crypto::HashAlgorithm algorithm, rekor_v1_algorithm(payload_hash));
  body.payload_algorithm = algorithm;
  ASSAY_TRY(body.payload_digest, hex_digest(payload_hash, algorithm));
  return {};
}

Result<void> read_dsse_v001(const json::Reader& spec, EntryBody& body) {
  ASSAY_TRY(const std::vector<json::Reader> signatures,
            sigstore::get_array(spec, "signatures", 64));
  for (const json::Reader& item : signatures) {
    ASSAY_TRY(std::string signature, sigstore::get_bytes(item, "signature"));
    ASSAY_TRY(BodySignature recorded, pem_verifier(item, "verifier", std::move(signature)));
    body.signatures.push_back(std::move(recorded));
  }
  ASSAY_TRY(const json::Reader payload_hash, sigstore::get_object(spec, "payloadHash"));
  ASSAY_TRY(const crypto::HashAlgorithm algorithm, rekor_v1_algorithm(payload_hash));
  body.payload_algorithm = algorithm;
  ASSAY_TRY(body.payload_digest, hex_digest(payload_hash, algorithm));
  return {};
}

Result<void> read_hashedrekord_v002(const json::Reader& spec, EntryBody& body) {
  ASSAY_TRY(const json::Reader inner, sigstore::get_object(spec, "hashedRekordV002"));
  ASSAY_TRY(const json::Reader data, sigstore::get_object(inner, "data"));
  ASSAY_TRY(const crypto::HashAlgorithm algorithm, proto_algorithm(data));
  body.data_algorithm = algorithm;
  ASSAY_TRY(body.data_digest, sigstore::get_bytes(data, "digest"));
  ASSAY_TRY(const json::Reader signature, sigstore::get_object(inner, "signature"));
  ASSAY_TRY(BodySignature recorded, proto_signature(signature));
  body.signatures.push_back(std::move(recorded));
  return {};
}

Result<void> read_dsse_v002(const json::Reader& spec, EntryBody& body) {
  ASSAY_TRY(const json::Reader inner, sigstore::get_object(spec, "dsseV002"));
  ASSAY_TRY(const json::Reader payload_hash, sigstore::get_object(inner, "payloadHash"));
  ASSAY_TRY(const crypto::HashAlgorithm algorithm, proto_algorithm(payload_hash));
  body.payload_algorithm = algorithm;
  ASSAY_TRY(body.payload_digest, sigstore::get_bytes(payload_hash, "digest"));
  ASSAY_TRY(const std::vector<json::Reader> signatures,
            sigstore::get_array(inner, "signatures", 64));
  for (const json::Reader& item : signatures) {
    ASSAY_TRY(BodySignature recorded, proto_signature(item));
    body.signatures.push_back(std::move(recorded));
  }
  return {};
}

}  // namespace

std::string leaf_hash(std::string_view entry) {
  std::string data;
  data.reserve(entry.size() + 1);
  data += '\0';
  data += entry;
  return crypto::sha256(data);
}

Result<void> verify_inclusion(std::uint64_t index, std::uint64_t tree_size, std::string_view leaf,
                              const std::vector<std::string>& proof, std::string_view root) {
  if (index >= tree_size) {
    return fail(ErrorCode::kVerifyFailed, "leaf index " + std::to_string(index) +
                                              " is outside a tree of size " +
                                              std::to_string(tree_size));
  }
  std::uint64_t node = index;
  std::uint64_t last = tree_size - 1;
  std::string hash(leaf);
  for (std::size_t step = 0; step < proof.size(); ++step) {
    const std::string& sibling = proof[step];
    if (sibling.size() != 32) {
      return fail(ErrorCode::kVerifyFailed, "proof hash " + std::to_string(step) + " is " +
                                                std::to_string(sibling.size()) + " bytes, not 32");
    }
    if (last == 0) {
      return fail(ErrorCode::kVerifyFailed, "proof has " + std::to_string(proof.size()) +
                                                " hashes, more than the path to the root needs");
    }
    if ((node & 1U) == 1U || node == last) {
      hash = node_hash(sibling, hash);
      while ((node & 1U) == 0U && node != 0) {
        node >>= 1U;
        last >>= 1U;
      }
    } else {
      hash = node_hash(hash, sibling);
    }
    node >>= 1U;
    last >>= 1U;
  }
  if (last != 0) {
    return fail(ErrorCode::kVerifyFailed, "proof has " + std::to_string(proof.size()) +
                                              " hashes, fewer than the path to the root needs");
  }
  if (hash != root) {
    return fail(ErrorCode::kVerifyFailed, "computed root " + hex_encode(hash) +
                                              " does not match the proof's root " +
                                              hex_encode(root));
  }
  return {};
}

Result<Checkpoint> parse_checkpoint(std::string_view envelope) {
  if (envelope.size() > kMaxCheckpointBytes) {
    return fail(ErrorCode::kInvalidInput,
                "checkpoint is larger than " + std::to_string(kMaxCheckpointBytes) + " bytes");
  }
  const std::size_t separator = envelope.find("\n\n");
  if (separator == std::string_view::npos) {
    return fail(ErrorCode::kInvalidInput,
                "checkpoint has no blank line between the note and its signatures");
  }
  Checkpoint checkpoint;
  checkpoint.note = std::string(envelope.substr(0, separator + 1));
  std::vector<std::string_view> lines = split(envelope.substr(0, separator), '\n');
  if (lines.size() < 3) {
    return fail(ErrorCode::kInvalidInput,
                "checkpoint note has " + std::to_string(lines.size()) +
                    " line(s); it needs the origin, the tree size and the root hash");
  }
  checkpoint.origin = std::string(lines[0]);
  if (checkpoint.origin.empty()) {
    return fail(ErrorCode::kInvalidInput, "checkpoint origin line is empty");
  }
  const std::optional<std::uint64_t> size = parse_uint64(lines[1]);
  if (!size || (lines[1].size() > 1 && lines[1][0] == '0')) {
    return fail(ErrorCode::kInvalidInput,
                "checkpoint tree size line " + quote(lines[1]) + " is not a decimal number");
  }
  checkpoint.tree_size = *size;
  auto root = crypto::base64_decode(lines[2], "checkpoint root hash");
  if (!root || root->size() != 32) {
    return fail(ErrorCode::kInvalidInput,
                "checkpoint root hash line " + quote(lines[2]) + " is not a base64 SHA-256 hash");
  }
  checkpoint.root_hash = std::move(*root);
  for (std::size_t index = 3; index < lines.size(); ++index) {
    if (lines[index].empty()) {
      return fail(ErrorCode::kInvalidInput, "checkpoint note has an empty line");
    }
    checkpoint.extension_lines.emplace_back(lines[index]);
  }

  std::string_view rest = envelope.substr(separator + 2);
  while (!rest.empty()) {
    const std::size_t end = rest.find('\n');
    if (end == std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput, "checkpoint signature line is not terminated");
    }
    std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    if (line.substr(0, kEmDash.size()) != kEmDash || line.size() < kEmDash.size() + 1 ||
        line[kEmDash.size()] != ' ') {
      return fail(ErrorCode::kInvalidInput,
                  "checkpoint signature line " + quote(line) + " does not start with \"\u2014 \"");
    }
    line.remove_prefix(kEmDash.size() + 1);
    const std::size_t space = line.find(' ');
    if (space == 0 || space == std::string_view::npos ||
        line.find(' ', space + 1) != std::string_view::npos) {
      return fail(ErrorCode::kInvalidInput,
                  "checkpoint signature line needs a key name and a signature");
    }
    auto decoded = crypto::base64_decode(line.substr(space + 1), "checkpoint signature");
    if (!decoded || decoded->size() < 5) {
      return fail(ErrorCode::kInvalidInput, "checkpoint signature by " +
                                                quote(line.substr(0, space)) +
                                                " is not base64 of a key hint and a signature");
    }
    if (checkpoint.signatures.size() >= kMaxNoteSignatures) {
      return fail(ErrorCode::kInvalidInput,
                  "checkpoint has more than " + std::to_string(kMaxNoteSignatures) + " signatures");
    }
    NoteSignature signature;
    signature.name = std::string(line.substr(0, space));
    signature.key_hint = decoded->substr(0, 4);
    signature.signature = decoded->substr(4);
    checkpoint.signatures.push_back(std::move(signature));
  }
  if (checkpoint.signatures.empty()) {
    return fail(ErrorCode::kInvalidInput, "checkpoint has no signature lines");
  }
  return checkpoint;
}

Result<std::size_t> verify_checkpoint_signature(const Checkpoint& checkpoint,
                                                std::string_view key_hint,
                                                const crypto::PublicKey& key) {
  std::string failures;
  std::string seen;
  for (std::size_t index = 0; index < checkpoint.signatures.size(); ++index) {
    const NoteSignature& signature = checkpoint.signatures[index];
    seen += (seen.empty() ? "" : ", ") + quote(signature.name) + " key " +
            hex_encode(signature.key_hint);
    if (signature.key_hint != key_hint) {
      continue;
    }
    crypto::SignatureOptions options;
    options.hash = crypto::HashAlgorithm::kSha256;
    const Result<void> verified =
        crypto::verify_message(key, checkpoint.note, signature.signature, options);
    if (verified) {
      return index;
    }
    failures += (failures.empty() ? "" : "; ") + std::string("line ") + std::to_string(index) +
                " by " + quote(signature.name) + ": " + verified.error().message;
  }
  if (!failures.empty()) {
    return fail(ErrorCode::kVerifyFailed,
                "the log's checkpoint signature does not verify (" + failures + ")");
  }
  return fail(ErrorCode::kVerifyFailed, "no checkpoint signature with the log's key hint " +
                                            hex_encode(key_hint) + " (found " + seen + ")");
}

std::string signed_entry_timestamp_payload(std::string_view body, std::int64_t integrated_time,
                                           std::string_view log_id, std::int64_t log_index) {
  // Keys in lexicographic order, no whitespace: the canonical form Rekor signs. Base64 and hex
  // need no JSON escaping.
  return "{\"body\":\"" + crypto::base64_encode(body) +
         "\",\"integratedTime\":" + std::to_string(integrated_time) + ",\"logID\":\"" +
         hex_encode(log_id) + "\",\"logIndex\":" + std::to_string(log_index) + "}";
}

Result<EntryBody> parse_entry_body(std::string_view body_text, std::string_view source) {
  ASSAY_TRY(const json::Json document, json::parse(body_text, source, kBodyLimits));
  const json::Reader root(document, std::string(source));
  EntryBody body;
  ASSAY_TRY(body.kind, root.get_string("kind"));
  ASSAY_TRY(body.api_version, root.get_string("apiVersion"));
  ASSAY_TRY(const json::Reader spec, sigstore::get_object(root, "spec"));
  const std::string type = body.kind + " " + body.api_version;
  if (type == "hashedrekord 0.0.1") {
    ASSAY_TRY_VOID(read_hashedrekord_v001(spec, body));
  } else if (type == "hashedrekord 0.0.2") {
    ASSAY_TRY_VOID(read_hashedrekord_v002(spec, body));
  } else if (type == "intoto 0.0.2") {
    ASSAY_TRY_VOID(read_intoto_v002(spec, body));
  } else if (type == "dsse 0.0.1") {
    ASSAY_TRY_VOID(read_dsse_v001(spec, body));
  } else if (type == "dsse 0.0.2") {
    ASSAY_TRY_VOID(read_dsse_v002(spec, body));
  } else {
    return fail(ErrorCode::kUnsupported,
                "Rekor entry type " + quote(type) +
                    " is not supported (hashedrekord 0.0.1/0.0.2, intoto 0.0.2, dsse 0.0.1/0.0.2)",
                root.location());
  }
  return body;
}

}  // namespace assay::verify::rekor
