// Fuzzes PEM decoding and public-key parsing (PEM, DER SubjectPublicKeyInfo, DER PKCS#1 RSA).
// Oracles: PEM blocks re-encode and decode to the same bytes, and a parsed key survives a round
// trip through its own PEM and DER.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "assay/verify/crypto.h"

namespace {

namespace crypto = assay::verify::crypto;

void round_trip(const crypto::PublicKey& key) {
  const auto from_pem = crypto::PublicKey::from_pem(key.to_pem());
  const auto from_der = crypto::PublicKey::from_spki_der(key.spki_der());
  if (!from_pem || !(*from_pem == key) || !from_der || !(*from_der == key) ||
      from_pem->type() != key.type() || from_pem->bits() != key.bits()) {
    std::abort();
  }
  static_cast<void>(key.describe());
  static_cast<void>(key.key_id());
  static_cast<void>(crypto::default_options(key));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (const auto blocks = crypto::pem_decode(bytes)) {
    for (const crypto::PemBlock& block : *blocks) {
      const auto again = crypto::pem_decode(crypto::pem_encode(block.label, block.der));
      if (!again || again->size() != 1 || again->front().label != block.label ||
          again->front().der != block.der) {
        std::abort();
      }
    }
  }
  if (const auto key = crypto::PublicKey::from_pem(bytes)) {
    round_trip(*key);
  }
  if (const auto key = crypto::PublicKey::from_spki_der(bytes)) {
    round_trip(*key);
  }
  if (const auto key = crypto::PublicKey::from_pkcs1_rsa_der(bytes)) {
    round_trip(*key);
  }
  return 0;
}
