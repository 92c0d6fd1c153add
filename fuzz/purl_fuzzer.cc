// Fuzzes the purl parser. TODO(#2): round-trip oracle.
#include <cstdint>
#include <string_view>

#include "assay/purl/purl.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static_cast<void>(assay::purl::parse(text));
  return 0;
}
