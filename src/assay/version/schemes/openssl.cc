// OpenSSL versions: the legacy/3.x split and ordering of univers' OpensslVersion (the vers
// 'openssl' reference), with an explicit grammar for 3.x instead of semantic_version's coerce().
#include "assay/version/schemes/openssl.h"

#include <array>

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

constexpr std::array<std::string_view, 13> kLegacySeries{
    "0.9.1", "0.9.2", "0.9.3", "0.9.4", "0.9.5", "0.9.6", "0.9.7",
    "0.9.8", "1.0.0", "1.0.1", "1.0.2", "1.1.0", "1.1.1"};

tl::unexpected<Error> invalid(std::string what) {
  return fail(ErrorCode::kInvalidInput, "invalid OpenSSL version: " + std::move(what));
}

bool is_identifier_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

// Checks dot-separated non-empty identifiers of [0-9A-Za-z-].
bool valid_identifiers(std::string_view text) {
  if (text.empty()) {
    return false;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t dot = text.find('.', start);
    const std::size_t end = dot == std::string_view::npos ? text.size() : dot;
    if (end == start) {
      return false;
    }
    for (std::size_t i = start; i < end; ++i) {
      if (!is_identifier_char(text[i])) {
        return false;
      }
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

// SemVer 2.0.0 identifier-list precedence: numeric identifiers numerically and before
// alphanumeric ones, those byte-wise, a shorter list that is a prefix first.
int compare_identifiers(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    const bool a_done = i > a.size();
    const bool b_done = j > b.size();
    if (a_done || b_done) {
      if (a_done && b_done) {
        return 0;
      }
      return a_done ? -1 : 1;
    }
    std::size_t a_end = a.find('.', i);
    std::size_t b_end = b.find('.', j);
    a_end = a_end == std::string_view::npos ? a.size() : a_end;
    b_end = b_end == std::string_view::npos ? b.size() : b_end;
    const std::string_view x = a.substr(i, a_end - i);
    const std::string_view y = b.substr(j, b_end - j);
    const bool x_numeric = all_digits(x);
    const bool y_numeric = all_digits(y);
    int order = 0;
    if (x_numeric && y_numeric) {
      order = compare_numeric_strings(x, y);
    } else if (x_numeric != y_numeric) {
      order = x_numeric ? -1 : 1;
    } else {
      order = internal::compare_bytes(x, y);
    }
    if (order != 0) {
      return order;
    }
    i = a_end + 1;
    j = b_end + 1;
  }
}

bool starts_with_prerelease(std::string_view patch) {
  return patch.substr(0, 5) == "-beta" || patch.substr(0, 6) == "-alpha";
}

}  // namespace

Result<OpensslVersion> OpensslVersion::parse(std::string_view text) {
  if (text.empty()) {
    return invalid("version is empty");
  }
  OpensslVersion version;
  version.text_ = std::string(text);
  for (std::string_view series : kLegacySeries) {
    if (text.substr(0, series.size()) != series) {
      continue;
    }
    // major.minor.build[patch]: the third field holds the build digits and the patch text.
    const std::size_t third = 4;
    const std::string_view field = text.substr(third);
    if (field.find('.') != std::string_view::npos) {
      return invalid("a legacy version has exactly three dot-separated fields");
    }
    version.legacy_ = true;
    version.number_begin_[0] = 0;
    version.number_size_[0] = 1;
    version.number_begin_[1] = 2;
    version.number_size_[1] = 1;
    version.number_begin_[2] = third;
    if (all_digits(field)) {
      version.number_size_[2] = field.size();
      version.pre_begin_ = text.size();
      return version;
    }
    // A patch follows a one-digit build and must not start with a digit ("1.0.10a" is not a
    // release).
    if (is_ascii_digit(field[1])) {
      return invalid("the patch letters after the build number must not start with a digit");
    }
    for (std::size_t i = third + 1; i < text.size(); ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte <= 0x20 || byte >= 0x7F) {
        return invalid("unexpected " + internal::describe_byte(text, i));
      }
    }
    version.number_size_[2] = 1;
    version.pre_begin_ = third + 1;
    version.pre_size_ = text.size() - third - 1;
    version.has_pre_ = starts_with_prerelease(version.part(version.pre_begin_, version.pre_size_));
    return version;
  }

  version.legacy_ = false;
  std::size_t position = 0;
  for (int index = 0; index < 3; ++index) {
    const std::size_t length = internal::digit_run(text, position);
    if (length == 0) {
      return invalid(
          "expected a legacy release such as 1.1.1w or MAJOR.MINOR.PATCH with "
          "MAJOR >= 3, found " +
          internal::describe_byte(text, position));
    }
    version.number_begin_[index] = position;
    version.number_size_[index] = length;
    position += length;
    if (index < 2) {
      if (!(position < text.size() && text[position] == '.')) {
        return invalid("expected MAJOR.MINOR.PATCH, found " +
                       internal::describe_byte(text, position));
      }
      ++position;
    }
  }
  if (compare_numeric_strings(version.part(version.number_begin_[0], version.number_size_[0]),
                              "3") < 0) {
    return invalid("not a known legacy release series and the major version is below 3");
  }
  std::size_t end = text.size();
  const std::size_t plus = text.find('+', position);
  if (plus != std::string_view::npos) {
    if (!valid_identifiers(text.substr(plus + 1))) {
      return invalid("build metadata must be dot-separated [0-9A-Za-z-] identifiers");
    }
    version.has_build_ = true;
    version.build_begin_ = plus + 1;
    version.build_size_ = text.size() - plus - 1;
    end = plus;
  }
  if (position < end) {
    if (text[position] != '-' ||
        !valid_identifiers(text.substr(position + 1, end - position - 1))) {
      return invalid(
          "a pre-release must be '-' and dot-separated [0-9A-Za-z-] identifiers, found " +
          internal::describe_byte(text, position));
    }
    version.has_pre_ = true;
    version.pre_begin_ = position + 1;
    version.pre_size_ = end - position - 1;
  }
  return version;
}

int OpensslVersion::compare(const OpensslVersion& other) const noexcept {
  if (legacy_ != other.legacy_) {
    return legacy_ ? -1 : 1;
  }
  for (int index = 0; index < 3; ++index) {
    const int order =
        compare_numeric_strings(part(number_begin_[index], number_size_[index]),
                                other.part(other.number_begin_[index], other.number_size_[index]));
    if (order != 0) {
      return order;
    }
  }
  const std::string_view pre = part(pre_begin_, pre_size_);
  const std::string_view other_pre = other.part(other.pre_begin_, other.pre_size_);
  if (legacy_) {
    // has_pre_ marks an -alpha/-beta patch: those precede every other patch of the series.
    if (has_pre_ != other.has_pre_) {
      return has_pre_ ? -1 : 1;
    }
    return internal::compare_bytes(pre, other_pre);
  }
  if (has_pre_ != other.has_pre_) {
    return has_pre_ ? -1 : 1;
  }
  if (has_pre_) {
    const int order = compare_identifiers(pre, other_pre);
    if (order != 0) {
      return order;
    }
  }
  if (has_build_ != other.has_build_) {
    return has_build_ ? 1 : -1;
  }
  return has_build_ ? compare_identifiers(part(build_begin_, build_size_),
                                          other.part(other.build_begin_, other.build_size_))
                    : 0;
}

}  // namespace assay::version
