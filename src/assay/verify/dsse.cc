// DSSE envelopes: parsing, PAE and threshold verification.
#include "assay/verify/dsse.h"

#include <nlohmann/json.hpp>

#include "assay/core/strings.h"
#include "assay/verify/sigstore_json.h"

namespace assay::verify::dsse {

namespace {

// `allow_cert`: accept the unauthenticated "cert" member some signers add to a signature
// (in-toto-golang, slsa-github-generator); Sigstore bundles follow the protobuf and never have it.
Result<Envelope> read_envelope_members(const json::Reader& node, bool allow_cert) {
  ASSAY_TRY_VOID(sigstore::require_members_in(node, {"payload", "payloadType", "signatures"}));
  Envelope envelope;
  ASSAY_TRY(envelope.payload_type, node.get_string("payloadType"));
  if (envelope.payload_type.empty()) {
    return fail(ErrorCode::kInvalidInput, "payloadType is empty", node.location("payloadType"));
  }
  ASSAY_TRY(envelope.payload, sigstore::get_bytes(node, "payload", /*allow_empty=*/true));
  ASSAY_TRY(const std::vector<json::Reader> signatures,
            sigstore::get_array(node, "signatures", kMaxSignatures));
  if (signatures.empty()) {
    return fail(ErrorCode::kInvalidInput, "envelope has no signatures",
                node.location("signatures"));
  }
  for (const json::Reader& item : signatures) {
    if (allow_cert) {
      ASSAY_TRY_VOID(sigstore::require_members_in(item, {"cert", "keyid", "sig"}));
      ASSAY_TRY(const std::optional<std::string> cert, item.get_optional_string("cert"));
      static_cast<void>(cert);  // type-checked, otherwise ignored: it is not a trust anchor
    } else {
      ASSAY_TRY_VOID(sigstore::require_members_in(item, {"keyid", "sig"}));
    }
    Signature signature;
    ASSAY_TRY(const std::optional<std::string> keyid, item.get_optional_string("keyid"));
    signature.keyid = keyid.value_or("");
    ASSAY_TRY(signature.sig, sigstore::get_bytes(item, "sig"));
    envelope.signatures.push_back(std::move(signature));
  }
  return envelope;
}

// Verifies one signature with one trusted key. With no explicit options an RSA key is tried with
// PKCS#1 v1.5 and then PSS (DSSE does not say which padding a signer used); `padding_note` then
// says which one verified.
Result<void> verify_with_key(const TrustedKey& trusted, std::string_view message,
                             std::string_view signature, std::string& padding_note) {
  crypto::SignatureOptions options = trusted.options.value_or(crypto::default_options(trusted.key));
  options.ecdsa_encoding = crypto::EcdsaEncoding::kAuto;
  Result<void> result = crypto::verify_message(trusted.key, message, signature, options);
  const bool try_pss = !trusted.options && trusted.key.type() == crypto::KeyType::kRsa &&
                       options.rsa_padding == crypto::RsaPadding::kPkcs1v15;
  if (result || !try_pss || result.error().code != ErrorCode::kVerifyFailed) {
    if (result && trusted.key.type() == crypto::KeyType::kRsa) {
      padding_note =
          options.rsa_padding == crypto::RsaPadding::kPss ? ", RSA-PSS" : ", PKCS#1 v1.5";
    }
    return result;
  }
  options.rsa_padding = crypto::RsaPadding::kPss;
  const Result<void> pss = crypto::verify_message(trusted.key, message, signature, options);
  if (pss) {
    padding_note = ", RSA-PSS";
    return pss;
  }
  return fail(ErrorCode::kVerifyFailed, trusted.key.describe() +
                                            " signature does not verify with PKCS#1 v1.5 or PSS "
                                            "padding");
}

}  // namespace

Result<Envelope> read_envelope(const json::Reader& node) {
  return read_envelope_members(node, /*allow_cert=*/false);
}

Result<Envelope> parse_envelope(std::string_view json, std::string_view source,
                                const InputLimits& limits) {
  ASSAY_TRY(const json::Json document, json::parse(json, source, limits));
  return read_envelope_members(json::Reader(document, std::string(source)), /*allow_cert=*/true);
}

std::string to_json(const Envelope& envelope) {
  nlohmann::ordered_json out;
  out["payloadType"] = envelope.payload_type;
  out["payload"] = crypto::base64_encode(envelope.payload);
  nlohmann::ordered_json signatures = nlohmann::ordered_json::array();
  for (const Signature& signature : envelope.signatures) {
    nlohmann::ordered_json item;
    if (!signature.keyid.empty()) {
      item["keyid"] = signature.keyid;
    }
    item["sig"] = crypto::base64_encode(signature.sig);
    signatures.push_back(std::move(item));
  }
  out["signatures"] = std::move(signatures);
  return out.dump();
}

std::string pae(std::string_view payload_type, std::string_view payload) {
  std::string out = "DSSEv1 ";
  out += std::to_string(payload_type.size());
  out += ' ';
  out += payload_type;
  out += ' ';
  out += std::to_string(payload.size());
  out += ' ';
  out += payload;
  return out;
}

std::string key_id(const crypto::PublicKey& key) {
  return hex_encode(key.key_id());
}

Verification verify_envelope(const Envelope& envelope, const std::vector<TrustedKey>& keys,
                             std::size_t threshold) {
  Verification verification;
  verification.method = "dsse";
  verification.subject = "payloadType " + quote(envelope.payload_type) +
                         ", payload sha256:" + hex_encode(crypto::sha256(envelope.payload));
  for (const TrustedKey& trusted : keys) {
    verification.trust_root += (verification.trust_root.empty() ? "" : ", ") +
                               trusted.key.describe() + " key sha256:" + key_id(trusted.key);
  }
  const std::string message = pae(envelope.payload_type, envelope.payload);
  std::vector<bool> key_used(keys.size(), false);
  for (std::size_t index = 0; index < envelope.signatures.size(); ++index) {
    const Signature& signature = envelope.signatures[index];
    const std::string label =
        "signature " + std::to_string(index) +
        (signature.keyid.empty() ? "" : " (keyid " + quote(signature.keyid) + ")");
    std::string failures;
    std::string padding_note;
    std::optional<std::size_t> verified_by;
    for (std::size_t key_index = 0; key_index < keys.size() && !verified_by; ++key_index) {
      const TrustedKey& trusted = keys[key_index];
      if (!trusted.keyid.empty() && !signature.keyid.empty() && trusted.keyid != signature.keyid) {
        continue;
      }
      const Result<void> result = verify_with_key(trusted, message, signature.sig, padding_note);
      if (result) {
        verified_by = key_index;
      } else {
        failures += (failures.empty() ? "" : "; ") + std::string("key sha256:") +
                    key_id(trusted.key).substr(0, 16) + ": " + result.error().message;
      }
    }
    if (verified_by) {
      const bool repeat = key_used[*verified_by];
      key_used[*verified_by] = true;
      verification.add("dsse.signature", label + " over PAE(payloadType, payload)", Outcome::kPass,
                       "verified by " + keys[*verified_by].key.describe() +
                           " key sha256:" + key_id(keys[*verified_by].key) + padding_note +
                           (repeat ? " (a key already counted; not counted twice)" : ""));
    } else {
      verification.add("dsse.signature", label + " over PAE(payloadType, payload)",
                       Outcome::kSkipped,
                       failures.empty() ? "no trusted key with a matching keyid"
                                        : "no trusted key verifies it: " + failures);
    }
  }
  std::size_t distinct = 0;
  for (bool used : key_used) {
    distinct += used ? 1 : 0;
  }
  const std::size_t required = threshold == 0 ? 1 : threshold;
  verification.add(
      "dsse.threshold", "at least " + std::to_string(required) + " distinct trusted key(s) signed",
      distinct >= required ? Outcome::kPass : Outcome::kFail,
      std::to_string(distinct) + " of " + std::to_string(keys.size()) +
          " trusted key(s) verified a signature; " + std::to_string(required) + " required");
  return verification;
}

}  // namespace assay::verify::dsse
