// UTF-8 validation following the well-formed byte sequences of Unicode 15, table 3-7.
#include "assay/core/utf8.h"

namespace assay {

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t index = 0;
  while (index < size) {
    const unsigned char lead = bytes[index];
    if (lead < 0x80) {
      ++index;
      continue;
    }
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead == 0xE0) {
      length = 3;
      low = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
      length = 3;
    } else if (lead == 0xED) {
      length = 3;
      high = 0x9F;
    } else if (lead == 0xF0) {
      length = 4;
      low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
      length = 4;
    } else if (lead == 0xF4) {
      length = 4;
      high = 0x8F;
    } else {
      return index;
    }
    if (index + length > size) {
      return index;
    }
    if (bytes[index + 1] < low || bytes[index + 1] > high) {
      return index;
    }
    for (std::size_t k = 2; k < length; ++k) {
      if (bytes[index + k] < 0x80 || bytes[index + k] > 0xBF) {
        return index;
      }
    }
    index += length;
  }
  return std::nullopt;
}

}  // namespace assay
