// Embedded SCT parsing (bounds-checked TLS reader) and precertificate signature verification.
#include "assay/verify/x509_sct.h"

#include <openssl/asn1.h>
#include <openssl/err.h>
#include <openssl/x509.h>

#include "assay/core/strings.h"

namespace assay::verify::x509 {

namespace {

// Reads big-endian TLS fields from a byte string, failing instead of overrunning.
class TlsReader {
 public:
  explicit TlsReader(std::string_view data) : data_(data) {}

  bool done() const { return offset_ == data_.size(); }
  std::size_t offset() const { return offset_; }

  Result<std::uint64_t> integer(std::size_t bytes, std::string_view what) {
    if (data_.size() - offset_ < bytes) {
      return truncated(what);
    }
    std::uint64_t value = 0;
    for (std::size_t index = 0; index < bytes; ++index) {
      value = (value << 8) | static_cast<unsigned char>(data_[offset_ + index]);
    }
    offset_ += bytes;
    return value;
  }

  Result<std::string_view> bytes(std::size_t count, std::string_view what) {
    if (data_.size() - offset_ < count) {
      return truncated(what);
    }
    const std::string_view out = data_.substr(offset_, count);
    offset_ += count;
    return out;
  }

  // A vector with a `length_bytes`-byte length prefix.
  Result<std::string_view> vector(std::size_t length_bytes, std::string_view what) {
    ASSAY_TRY(const std::uint64_t length, integer(length_bytes, what));
    return bytes(static_cast<std::size_t>(length), what);
  }

 private:
  tl::unexpected<Error> truncated(std::string_view what) const {
    return fail(ErrorCode::kInvalidInput, "SCT list is truncated in " + std::string(what) +
                                              " at byte " + std::to_string(offset_));
  }

  std::string_view data_;
  std::size_t offset_ = 0;
};

Result<SignedCertificateTimestamp> parse_sct(std::string_view data) {
  TlsReader reader(data);
  SignedCertificateTimestamp sct;
  ASSAY_TRY(const std::uint64_t version, reader.integer(1, "version"));
  sct.version = static_cast<std::uint8_t>(version);
  if (sct.version != 0) {
    return fail(ErrorCode::kUnsupported,
                "SCT version " + std::to_string(version) + " is not supported (only v1 is)");
  }
  ASSAY_TRY(const std::string_view log_id, reader.bytes(32, "log id"));
  sct.log_id = std::string(log_id);
  ASSAY_TRY(sct.timestamp_ms, reader.integer(8, "timestamp"));
  ASSAY_TRY(const std::string_view extensions, reader.vector(2, "extensions"));
  sct.extensions = std::string(extensions);
  ASSAY_TRY(const std::uint64_t hash, reader.integer(1, "hash algorithm"));
  ASSAY_TRY(const std::uint64_t signature_algorithm, reader.integer(1, "signature algorithm"));
  sct.hash_algorithm = static_cast<std::uint8_t>(hash);
  sct.signature_algorithm = static_cast<std::uint8_t>(signature_algorithm);
  ASSAY_TRY(const std::string_view signature, reader.vector(2, "signature"));
  sct.signature = std::string(signature);
  if (!reader.done()) {
    return fail(ErrorCode::kInvalidInput,
                "SCT has " + std::to_string(data.size() - reader.offset()) + " trailing bytes");
  }
  return sct;
}

// The SCT list extension's OID, 1.3.6.1.4.1.11129.2.4.2, as DER content octets.
constexpr std::string_view kSctListOidDer = "\x2B\x06\x01\x04\x01\xD6\x79\x02\x04\x02";

// One DER element: its tag and where its content starts and the element ends.
struct DerElement {
  unsigned char tag = 0;
  std::size_t content = 0;
  std::size_t end = 0;
};

// Reads the element at `offset` (single-byte tags, definite lengths of up to 4 bytes, as DER
// certificates use), failing instead of overrunning `der`.
Result<DerElement> read_der(std::string_view der, std::size_t offset) {
  if (offset + 2 > der.size()) {
    return fail(ErrorCode::kInvalidInput,
                "DER element truncated at byte " + std::to_string(offset));
  }
  DerElement element;
  element.tag = static_cast<unsigned char>(der[offset]);
  std::size_t length = static_cast<unsigned char>(der[offset + 1]);
  std::size_t header = 2;
  if ((length & 0x80U) != 0) {
    const std::size_t bytes = length & 0x7FU;
    if (bytes == 0 || bytes > 4 || offset + 2 + bytes > der.size()) {
      return fail(ErrorCode::kInvalidInput,
                  "DER length malformed at byte " + std::to_string(offset));
    }
    length = 0;
    for (std::size_t index = 0; index < bytes; ++index) {
      length = (length << 8) | static_cast<unsigned char>(der[offset + 2 + index]);
    }
    header += bytes;
  }
  element.content = offset + header;
  if (length > der.size() - element.content) {
    return fail(ErrorCode::kInvalidInput,
                "DER element overruns the input at byte " + std::to_string(offset));
  }
  element.end = element.content + length;
  return element;
}

// A DER tag and length header for `length` content bytes.
std::string der_header(unsigned char tag, std::size_t length) {
  std::string out(1, static_cast<char>(tag));
  if (length < 0x80) {
    out += static_cast<char>(length);
    return out;
  }
  std::string bytes;
  for (std::size_t rest = length; rest > 0; rest >>= 8) {
    bytes.insert(bytes.begin(), static_cast<char>(rest & 0xFFU));
  }
  out += static_cast<char>(0x80U | bytes.size());
  return out + bytes;
}

void append_integer(std::string& out, std::uint64_t value, std::size_t bytes) {
  for (std::size_t index = bytes; index > 0; --index) {
    out += static_cast<char>((value >> (8 * (index - 1))) & 0xFFU);
  }
}

}  // namespace

Result<std::vector<SignedCertificateTimestamp>> embedded_scts(const Certificate& certificate) {
  std::vector<SignedCertificateTimestamp> scts;
  const std::optional<std::string> extension = certificate.extension_value(kSctListOid);
  if (!extension) {
    return scts;
  }
  // The extension value is itself a DER OCTET STRING holding the TLS-encoded list.
  const auto* cursor = reinterpret_cast<const unsigned char*>(extension->data());
  ASN1_OCTET_STRING* inner =
      d2i_ASN1_OCTET_STRING(nullptr, &cursor, static_cast<long>(extension->size()));
  if (inner == nullptr ||
      cursor != reinterpret_cast<const unsigned char*>(extension->data()) + extension->size()) {
    ASN1_OCTET_STRING_free(inner);
    ERR_clear_error();
    return fail(ErrorCode::kInvalidInput, "SCT list extension is not a DER OCTET STRING");
  }
  const std::string list(reinterpret_cast<const char*>(ASN1_STRING_get0_data(inner)),
                         static_cast<std::size_t>(ASN1_STRING_length(inner)));
  ASN1_OCTET_STRING_free(inner);

  TlsReader reader(list);
  ASSAY_TRY(const std::string_view body, reader.vector(2, "list length"));
  if (!reader.done()) {
    return fail(ErrorCode::kInvalidInput, "SCT list has trailing bytes");
  }
  TlsReader entries(body);
  while (!entries.done()) {
    if (scts.size() >= kMaxScts) {
      return fail(ErrorCode::kInvalidInput,
                  "more than " + std::to_string(kMaxScts) + " SCTs in one certificate");
    }
    ASSAY_TRY(const std::string_view entry, entries.vector(2, "SCT length"));
    ASSAY_TRY(SignedCertificateTimestamp sct, parse_sct(entry));
    scts.push_back(std::move(sct));
  }
  return scts;
}

Result<std::string> precert_tbs(const Certificate& leaf) {
  // Walk the DER: Certificate ::= SEQUENCE { tbsCertificate SEQUENCE { ..., [3] EXPLICIT
  // Extensions SEQUENCE OF Extension }, ... }. Working on the bytes keeps every other field
  // exactly as signed and avoids a full decode and re-encode of the certificate.
  const std::string& der = leaf.der();
  ASSAY_TRY(const DerElement certificate, read_der(der, 0));
  ASSAY_TRY(const DerElement tbs, read_der(der, certificate.content));
  if (certificate.tag != 0x30 || tbs.tag != 0x30) {
    return fail(ErrorCode::kInvalidInput, "certificate is not a DER SEQUENCE");
  }
  std::string content;
  bool removed = false;
  for (std::size_t cursor = tbs.content; cursor < tbs.end;) {
    ASSAY_TRY(const DerElement field, read_der(der, cursor));
    if (field.end > tbs.end) {
      return fail(ErrorCode::kInvalidInput, "TBSCertificate field overruns it");
    }
    if (field.tag != 0xA3) {
      content.append(der, cursor, field.end - cursor);
      cursor = field.end;
      continue;
    }
    ASSAY_TRY(const DerElement extensions, read_der(der, field.content));
    if (extensions.tag != 0x30 || extensions.end != field.end) {
      return fail(ErrorCode::kInvalidInput, "certificate extensions are not a DER SEQUENCE");
    }
    std::string kept;
    for (std::size_t item = extensions.content; item < extensions.end;) {
      ASSAY_TRY(const DerElement extension, read_der(der, item));
      ASSAY_TRY(const DerElement oid, read_der(der, extension.content));
      if (extension.end > extensions.end || oid.tag != 0x06) {
        return fail(ErrorCode::kInvalidInput, "malformed certificate extension");
      }
      if (std::string_view(der).substr(oid.content, oid.end - oid.content) == kSctListOidDer) {
        removed = true;
      } else {
        kept.append(der, item, extension.end - item);
      }
      item = extension.end;
    }
    if (!kept.empty()) {
      const std::string sequence = der_header(0x30, kept.size()) + kept;
      content += der_header(0xA3, sequence.size()) + sequence;
    }
    cursor = field.end;
  }
  if (!removed) {
    return fail(ErrorCode::kInvalidInput, "certificate has no embedded SCT list");
  }
  return der_header(0x30, content.size()) + content;
}

Result<std::string> precert_signed_data(const Certificate& leaf, const Certificate& issuer,
                                        const SignedCertificateTimestamp& sct) {
  ASSAY_TRY(const std::string tbs, precert_tbs(leaf));
  std::string data;
  data.reserve(tbs.size() + 64 + sct.extensions.size());
  data += static_cast<char>(sct.version);
  data += '\0';  // signature_type: certificate_timestamp
  append_integer(data, sct.timestamp_ms, 8);
  append_integer(data, 1, 2);  // entry_type: precert_entry
  data += crypto::sha256(issuer.public_key().spki_der());
  append_integer(data, tbs.size(), 3);
  data += tbs;
  append_integer(data, sct.extensions.size(), 2);
  data += sct.extensions;
  return data;
}

Result<void> verify_embedded_sct(const SignedCertificateTimestamp& sct, const Certificate& leaf,
                                 const Certificate& issuer, const crypto::PublicKey& log_key) {
  if (sct.log_id != log_key.key_id()) {
    return fail(ErrorCode::kVerifyFailed,
                "SCT log id " + hex_encode(sct.log_id) + " does not name this log's key");
  }
  if (sct.hash_algorithm != 4) {
    return fail(ErrorCode::kVerifyFailed,
                "SCT hash algorithm " + std::to_string(sct.hash_algorithm) + " is not SHA-256 (4)");
  }
  const bool ecdsa_key = log_key.type() == crypto::KeyType::kEcdsaP256 ||
                         log_key.type() == crypto::KeyType::kEcdsaP384 ||
                         log_key.type() == crypto::KeyType::kEcdsaP521;
  const bool fits = (sct.signature_algorithm == 3 && ecdsa_key) ||
                    (sct.signature_algorithm == 1 && log_key.type() == crypto::KeyType::kRsa);
  if (!fits) {
    return fail(ErrorCode::kVerifyFailed,
                "SCT signature algorithm " + std::to_string(sct.signature_algorithm) +
                    " does not fit the log's " + log_key.describe() + " key");
  }
  ASSAY_TRY(const std::string data, precert_signed_data(leaf, issuer, sct));
  crypto::SignatureOptions options;
  options.hash = crypto::HashAlgorithm::kSha256;
  return crypto::verify_message(log_key, data, sct.signature, options);
}

}  // namespace assay::verify::x509
