// Fuzzes trusted_root.json parsing (keys, certificates, chains, validity windows) and the
// lookups verification makes on a parsed root.
#include <cstdint>
#include <string_view>

#include "assay/verify/sigstore_trusted_root.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto root = assay::verify::sigstore::parse_trusted_root(text, "fuzz");
  if (!root) {
    return 0;
  }
  for (const auto& log : root->tlogs) {
    static_cast<void>(root->find_tlog(log.log_id));
    static_cast<void>(log.host());
    static_cast<void>(log.valid_for.to_string());
  }
  for (const auto& authority : root->certificate_authorities) {
    static_cast<void>(authority.describe());
    static_cast<void>(authority.store.verify_path(authority.chain.front()));
  }
  return 0;
}
