// Small byte-level helpers shared by the version scheme implementations (private to version).
// Everything here works on std::string_view, never allocates and treats bytes as unsigned.
#ifndef ASSAY_VERSION_INTERNAL_TEXT_H_
#define ASSAY_VERSION_INTERNAL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/strings.h"

namespace assay::version::internal {

// The byte at `index`, or '\0' past the end: lets C reference algorithms that walk
// NUL-terminated strings be transcribed index by index. Callers reject NUL bytes at parse time.
constexpr char char_at(std::string_view text, std::size_t index) {
  return index < text.size() ? text[index] : '\0';
}

// -1, 0 or 1 with the sign of `value`.
constexpr int sign_of(int value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

// Byte-wise comparison as unsigned bytes (memcmp order, shorter prefix first): -1, 0 or 1.
// PCRE's \s: space, \t, \n, \v, \f, \r (the regular expressions of composer/semver).
constexpr bool is_pcre_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

inline int compare_bytes(std::string_view a, std::string_view b) {
  const std::size_t common = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < common; ++i) {
    const auto left = static_cast<unsigned char>(a[i]);
    const auto right = static_cast<unsigned char>(b[i]);
    if (left != right) {
      return left < right ? -1 : 1;
    }
  }
  if (a.size() == b.size()) {
    return 0;
  }
  return a.size() < b.size() ? -1 : 1;
}

// Numeric comparison of two digit runs of any length; an empty run counts as zero.
inline int compare_digit_runs(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) {
    const bool a_zero = a.find_first_not_of('0') == std::string_view::npos;
    const bool b_zero = b.find_first_not_of('0') == std::string_view::npos;
    if (a_zero && b_zero) {
      return 0;
    }
    return a_zero ? -1 : 1;
  }
  return compare_numeric_strings(a, b);
}

// Length of the run of ASCII digits starting at `from`.
inline std::size_t digit_run(std::string_view text, std::size_t from) {
  std::size_t end = from;
  while (end < text.size() && is_ascii_digit(text[end])) {
    ++end;
  }
  return end - from;
}

// Human-readable description of the byte at `offset` for error messages: "'x' at byte 3" or
// "byte 0x07 at byte 3".
inline std::string describe_byte(std::string_view text, std::size_t offset) {
  const std::string where = " at byte " + std::to_string(offset);
  if (offset >= text.size()) {
    return "end of text" + where;
  }
  const auto byte = static_cast<unsigned char>(text[offset]);
  if (byte >= 0x21 && byte < 0x7F) {
    return std::string("'") + static_cast<char>(byte) + "'" + where;
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex = "byte 0x";
  hex += kHex[byte >> 4U];
  hex += kHex[byte & 0x0FU];
  return hex + where;
}

}  // namespace assay::version::internal

#endif  // ASSAY_VERSION_INTERNAL_TEXT_H_
