// UTF-8 validation that says where the first bad byte is.
#ifndef ASSAY_CORE_UTF8_H_
#define ASSAY_CORE_UTF8_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace assay {

// Returns the byte offset of the first byte that does not start or continue a well-formed UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are ill-formed), or nullopt
// when `text` is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) {
  return !find_invalid_utf8(text).has_value();
}

}  // namespace assay

#endif  // ASSAY_CORE_UTF8_H_
