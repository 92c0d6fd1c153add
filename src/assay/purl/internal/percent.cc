// Percent-encoding and -decoding of purl components.
#include "assay/purl/internal/percent.h"

namespace assay::purl::internal {

namespace {

constexpr char kHexDigits[] = "0123456789ABCDEF";

// Value of a hex digit, or -1.
constexpr int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

}  // namespace

void percent_encode_append(std::string_view text, std::string& out) {
  std::size_t run_start = 0;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const char c = text[index];
    if (is_unencoded_byte(c)) {
      continue;
    }
    out.append(text.data() + run_start, index - run_start);
    const auto byte = static_cast<unsigned char>(c);
    const char escape[3] = {'%', kHexDigits[byte >> 4U], kHexDigits[byte & 0x0FU]};
    out.append(escape, 3);
    run_start = index + 1;
  }
  out.append(text.data() + run_start, text.size() - run_start);
}

std::size_t percent_encoded_size(std::string_view text) {
  std::size_t size = text.size();
  for (char c : text) {
    if (!is_unencoded_byte(c)) {
      size += 2;
    }
  }
  return size;
}

bool percent_decode_append(std::string_view text, std::string& out, std::size_t& bad_offset,
                           bool& decoded_high_byte) {
  std::size_t run_start = 0;
  std::size_t index = 0;
  while (index < text.size()) {
    if (text[index] != '%') {
      ++index;
      continue;
    }
    const int high = index + 1 < text.size() ? hex_value(text[index + 1]) : -1;
    const int low = index + 2 < text.size() ? hex_value(text[index + 2]) : -1;
    if (high < 0 || low < 0) {
      bad_offset = index;
      return false;
    }
    out.append(text.data() + run_start, index - run_start);
    const int byte = high * 16 + low;
    if (byte >= 0x80) {
      decoded_high_byte = true;
    }
    out.push_back(static_cast<char>(byte));
    index += 3;
    run_start = index;
  }
  out.append(text.data() + run_start, text.size() - run_start);
  return true;
}

}  // namespace assay::purl::internal
