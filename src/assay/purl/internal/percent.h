// Percent-encoding and -decoding of purl components (ECMA-427 "Character encoding"), private to
// assay::purl.
#ifndef ASSAY_PURL_INTERNAL_PERCENT_H_
#define ASSAY_PURL_INTERNAL_PERCENT_H_

#include <string>
#include <string_view>

namespace assay::purl::internal {

// True for the bytes a canonical purl leaves unencoded inside a component: ASCII letters and
// digits, ".-_~" and ':' (the colon is never encoded).
constexpr bool is_unencoded_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_' || c == '~' || c == ':';
}

// Appends `text` to `out` with every other byte written as %XX (upper-case hex).
void percent_encode_append(std::string_view text, std::string& out);

// Number of bytes percent_encode_append would append.
std::size_t percent_encoded_size(std::string_view text);

// Appends the percent-decoded `text` to `out`. Returns false (leaving `out` partly written) when a
// '%' is not followed by two hex digits; `bad_offset` is then the offset of that '%' in `text`.
// Sets `decoded_high_byte` when an escape produced a byte >= 0x80 (the caller re-checks UTF-8).
bool percent_decode_append(std::string_view text, std::string& out, std::size_t& bad_offset,
                           bool& decoded_high_byte);

}  // namespace assay::purl::internal

#endif  // ASSAY_PURL_INTERNAL_PERCENT_H_
