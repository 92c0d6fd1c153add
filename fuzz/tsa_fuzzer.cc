// Fuzzes RFC 3161 timestamp parsing (a TimeStampResp or a bare TimeStampToken). Oracles: a parsed
// token's imprint has its algorithm's digest size, and verifying it against an empty chain fails
// rather than passing.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "assay/verify/crypto.h"
#include "assay/verify/tsa.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tsa = assay::verify::tsa;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto token = tsa::parse_timestamp(bytes);
  if (!token) {
    return 0;
  }
  if (token->imprint.size() != assay::verify::crypto::digest_size(token->imprint_algorithm) ||
      token->token == nullptr) {
    std::abort();
  }
  // With no trusted chain nothing can vouch for the token.
  if (tsa::verify_timestamp(*token, "message", {})) {
    std::abort();
  }
  return 0;
}
