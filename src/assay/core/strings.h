// Small, locale-independent string helpers shared by every module.
#ifndef ASSAY_CORE_STRINGS_H_
#define ASSAY_CORE_STRINGS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace assay {

constexpr bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
constexpr bool is_ascii_lower(char c) {
  return c >= 'a' && c <= 'z';
}
constexpr bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
constexpr bool is_ascii_alpha(char c) {
  return is_ascii_lower(c) || is_ascii_upper(c);
}
constexpr bool is_ascii_alnum(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c);
}
constexpr bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
constexpr char ascii_to_lower(char c) {
  return is_ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ascii_to_upper(char c) {
  return is_ascii_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);
bool ascii_iequals(std::string_view a, std::string_view b);
bool all_digits(std::string_view text);  // false for the empty string

// Strips ASCII whitespace from both ends; the result borrows from `text`.
std::string_view trim(std::string_view text);

// Splits on every `separator`; keeps empty fields. The results borrow from `text`.
std::vector<std::string_view> split(std::string_view text, char separator);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

// Parses a non-empty run of decimal digits. Returns nullopt on any other character or overflow.
std::optional<std::uint64_t> parse_uint64(std::string_view digits);

// Compares two non-empty digit strings numerically, of any length, ignoring leading zeros.
// Returns <0, 0 or >0. Requires: both are all digits.
int compare_numeric_strings(std::string_view a, std::string_view b);

std::string hex_encode(std::string_view bytes);
// Accepts upper or lower case; nullopt on odd length or a non-hex character.
std::optional<std::string> hex_decode(std::string_view hex);

// Quotes `text` for an error message: double quotes, control and non-ASCII bytes escaped as
// \xNN, cut to `max_chars` with "..." so hostile input cannot flood a terminal or a log.
std::string quote(std::string_view text, std::size_t max_chars = 120);

}  // namespace assay

#endif  // ASSAY_CORE_STRINGS_H_
