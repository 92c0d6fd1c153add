// Haskell Data.Version: parseVersion's syntax and the Ord instance on versionBranch.
#include "assay/version/schemes/hackage.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

Result<HackageVersion> HackageVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid Hackage version: version is empty");
  }
  std::size_t position = 0;
  while (true) {
    const std::size_t length = internal::digit_run(text, position);
    if (length == 0) {
      return fail(ErrorCode::kInvalidInput, "invalid Hackage version: expected a digit, found " +
                                                internal::describe_byte(text, position));
    }
    position += length;
    if (position < text.size() && text[position] == '.') {
      ++position;
      continue;
    }
    break;
  }
  const std::size_t branch_size = position;
  while (position < text.size()) {
    if (text[position] != '-') {
      return fail(ErrorCode::kInvalidInput,
                  "invalid Hackage version: unexpected " + internal::describe_byte(text, position));
    }
    ++position;
    std::size_t end = position;
    while (end < text.size() && is_ascii_alnum(text[end])) {
      ++end;
    }
    if (end == position) {
      return fail(
          ErrorCode::kInvalidInput,
          "invalid Hackage version: empty tag after '-' at byte " + std::to_string(position - 1));
    }
    position = end;
  }
  HackageVersion version;
  version.text_ = std::string(text);
  version.branch_size_ = branch_size;
  return version;
}

int HackageVersion::compare(const HackageVersion& other) const noexcept {
  const std::string_view a = std::string_view(text_).substr(0, branch_size_);
  const std::string_view b = std::string_view(other.text_).substr(0, other.branch_size_);
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    const bool a_done = i >= a.size();
    const bool b_done = j >= b.size();
    if (a_done || b_done) {
      if (a_done && b_done) {
        return 0;
      }
      return a_done ? -1 : 1;
    }
    const std::size_t a_length = internal::digit_run(a, i);
    const std::size_t b_length = internal::digit_run(b, j);
    const int order = compare_numeric_strings(a.substr(i, a_length), b.substr(j, b_length));
    if (order != 0) {
      return order;
    }
    i += a_length + 1;  // past the '.'
    j += b_length + 1;
  }
}

}  // namespace assay::version
