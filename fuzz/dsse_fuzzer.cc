// Fuzzes the DSSE envelope parser, with a round-trip oracle: an envelope that parses must print
// as JSON that parses back to the same envelope, and its PAE must have the advertised lengths.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "assay/verify/dsse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto envelope = assay::verify::dsse::parse_envelope(text, "fuzz");
  if (!envelope) {
    return 0;
  }
  const auto again =
      assay::verify::dsse::parse_envelope(assay::verify::dsse::to_json(*envelope), "round-trip");
  if (!again || again->payload_type != envelope->payload_type ||
      again->payload != envelope->payload ||
      again->signatures.size() != envelope->signatures.size()) {
    std::abort();
  }
  for (std::size_t index = 0; index < envelope->signatures.size(); ++index) {
    if (again->signatures[index].sig != envelope->signatures[index].sig ||
        again->signatures[index].keyid != envelope->signatures[index].keyid) {
      std::abort();
    }
  }
  const std::string pae = assay::verify::dsse::pae(envelope->payload_type, envelope->payload);
  if (pae.size() < envelope->payload_type.size() + envelope->payload.size() + 10) {
    std::abort();
  }
  return 0;
}
