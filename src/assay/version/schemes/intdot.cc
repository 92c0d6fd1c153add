// Dot-separated integers as the vers 'intdot' type defines them.
#include "assay/version/schemes/intdot.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

// The next number at `position` (then past its '.'), or empty at the end.
std::string_view next_number(std::string_view numbers, std::size_t& position) {
  if (position >= numbers.size()) {
    return {};
  }
  const std::size_t length = internal::digit_run(numbers, position);
  const std::string_view number = numbers.substr(position, length);
  position += length + 1;
  return number;
}

}  // namespace

Result<IntdotVersion> IntdotVersion::parse(std::string_view text) {
  if (text.empty() || !is_ascii_digit(text.front())) {
    return fail(ErrorCode::kInvalidInput,
                "invalid intdot version: must start with a digit, as in \"1.2.3\"");
  }
  std::size_t end = internal::digit_run(text, 0);
  while (end + 1 < text.size() && text[end] == '.' && is_ascii_digit(text[end + 1])) {
    end += 1 + internal::digit_run(text, end + 1);
  }
  IntdotVersion version;
  version.text_ = std::string(text);
  version.numbers_size_ = end;
  return version;
}

int IntdotVersion::compare(const IntdotVersion& other) const noexcept {
  const std::string_view a = numbers();
  const std::string_view b = other.numbers();
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    const int order = internal::compare_digit_runs(next_number(a, i), next_number(b, j));
    if (order != 0) {
      return order;
    }
  }
  return 0;
}

}  // namespace assay::version
