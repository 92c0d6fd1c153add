// R package_version: parsing and ordering as base R's .make_numeric_version() and the
// comparison of its integer lists.
#include "assay/version/schemes/cran.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

// The next digit run at or after `position` (skipping one separator), or empty at the end.
std::string_view next_number(std::string_view text, std::size_t& position) {
  if (position < text.size() && (text[position] == '.' || text[position] == '-')) {
    ++position;
  }
  const std::size_t length = internal::digit_run(text, position);
  const std::string_view number = text.substr(position, length);
  position += length;
  return number;
}

}  // namespace

Result<CranVersion> CranVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid CRAN version: version is empty");
  }
  std::size_t components = 0;
  std::size_t position = 0;
  while (true) {
    const std::size_t length = internal::digit_run(text, position);
    if (length == 0) {
      return fail(ErrorCode::kInvalidInput, "invalid CRAN version: expected a digit, found " +
                                                internal::describe_byte(text, position));
    }
    ++components;
    position += length;
    if (position == text.size()) {
      break;
    }
    if (text[position] != '.' && text[position] != '-') {
      return fail(ErrorCode::kInvalidInput, "invalid CRAN version: expected '.' or '-', found " +
                                                internal::describe_byte(text, position));
    }
    ++position;
  }
  if (components < 2) {
    return fail(ErrorCode::kInvalidInput,
                "invalid CRAN version: a package version needs at least two numbers, as in "
                "\"1.0\"");
  }
  CranVersion version;
  version.text_ = std::string(text);
  return version;
}

int CranVersion::compare(const CranVersion& other) const noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    const std::string_view a = next_number(text_, i);
    const std::string_view b = next_number(other.text_, j);
    if (a.empty() || b.empty()) {
      if (a.empty() && b.empty()) {
        return 0;
      }
      return a.empty() ? -1 : 1;
    }
    const int order = compare_numeric_strings(a, b);
    if (order != 0) {
      return order;
    }
  }
}

}  // namespace assay::version
