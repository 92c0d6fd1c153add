// Gentoo versions: PMS section 3.2 (syntax) and 3.3 (comparison algorithms 3.1 to 3.7).
#include "assay/version/schemes/gentoo.h"

#include <array>

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

constexpr std::array<std::string_view, 5> kSuffixNames{"alpha", "beta", "pre", "rc", "p"};
constexpr std::uint8_t kSuffixP = 4;

tl::unexpected<Error> invalid(std::string_view text, std::size_t offset, std::string_view what) {
  return fail(ErrorCode::kInvalidInput, "invalid Gentoo version: " + std::string(what) + ", " +
                                            internal::describe_byte(text, offset));
}

std::string_view strip_trailing_zeros(std::string_view digits) {
  while (!digits.empty() && digits.back() == '0') {
    digits.remove_suffix(1);
  }
  return digits;
}

}  // namespace

Result<GentooVersion> GentooVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid Gentoo version: version is empty");
  }
  if (text.size() > UINT32_MAX) {
    return fail(ErrorCode::kInvalidInput, "invalid Gentoo version: too long");
  }
  GentooVersion version;
  version.text_ = std::string(text);
  std::size_t position = 0;
  auto span = [](std::size_t begin, std::size_t size) {
    return Span{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(size)};
  };
  while (true) {
    const std::size_t length = internal::digit_run(text, position);
    if (length == 0) {
      return invalid(text, position, "expected a digit");
    }
    version.numbers_.push_back(span(position, length));
    position += length;
    if (position < text.size() && text[position] == '.') {
      ++position;
      continue;
    }
    break;
  }
  if (position < text.size() && is_ascii_lower(text[position])) {
    version.letter_ = text[position];
    ++position;
  }
  while (position < text.size() && text[position] == '_') {
    const std::size_t name_begin = position + 1;
    std::size_t name_end = name_begin;
    while (name_end < text.size() && is_ascii_lower(text[name_end])) {
      ++name_end;
    }
    const std::string_view name = text.substr(name_begin, name_end - name_begin);
    std::uint8_t kind = 0;
    while (kind < kSuffixNames.size() && kSuffixNames[kind] != name) {
      ++kind;
    }
    if (kind == kSuffixNames.size()) {
      return invalid(text, position, "unknown suffix (expected _alpha, _beta, _pre, _rc or _p)");
    }
    const std::size_t digits = internal::digit_run(text, name_end);
    version.suffixes_.push_back(Suffix{kind, span(name_end, digits)});
    position = name_end + digits;
  }
  if (position < text.size() && text[position] == '-') {
    if (internal::char_at(text, position + 1) != 'r') {
      return invalid(text, position, "expected -r followed by digits");
    }
    const std::size_t digits = internal::digit_run(text, position + 2);
    if (digits == 0) {
      return invalid(text, position + 2, "expected the revision number");
    }
    version.revision_ = span(position + 2, digits);
    position += 2 + digits;
  }
  if (position != text.size()) {
    return invalid(text, position, "unexpected text");
  }
  return version;
}

int GentooVersion::compare(const GentooVersion& other) const noexcept {
  // Algorithm 3.2: the first number as an integer.
  int order = compare_numeric_strings(view(numbers_[0]), other.view(other.numbers_[0]));
  if (order != 0) {
    return order;
  }
  // Algorithm 3.3 for the following numbers.
  const std::size_t common =
      numbers_.size() < other.numbers_.size() ? numbers_.size() : other.numbers_.size();
  for (std::size_t i = 1; i < common; ++i) {
    const std::string_view a = view(numbers_[i]);
    const std::string_view b = other.view(other.numbers_[i]);
    if (a.front() == '0' || b.front() == '0') {
      order = internal::compare_bytes(strip_trailing_zeros(a), strip_trailing_zeros(b));
    } else {
      order = compare_numeric_strings(a, b);
    }
    if (order != 0) {
      return order;
    }
  }
  if (numbers_.size() != other.numbers_.size()) {
    return numbers_.size() > other.numbers_.size() ? 1 : -1;
  }
  // Algorithm 3.4: the letter (absent sorts first).
  if (letter_ != other.letter_) {
    return static_cast<unsigned char>(letter_) < static_cast<unsigned char>(other.letter_) ? -1 : 1;
  }
  // Algorithms 3.5 and 3.6: suffixes.
  const std::size_t common_suffixes =
      suffixes_.size() < other.suffixes_.size() ? suffixes_.size() : other.suffixes_.size();
  for (std::size_t i = 0; i < common_suffixes; ++i) {
    const Suffix& a = suffixes_[i];
    const Suffix& b = other.suffixes_[i];
    if (a.kind != b.kind) {
      return a.kind < b.kind ? -1 : 1;
    }
    order = internal::compare_digit_runs(view(a.number), other.view(b.number));
    if (order != 0) {
      return order;
    }
  }
  if (suffixes_.size() > other.suffixes_.size()) {
    return suffixes_[common_suffixes].kind == kSuffixP ? 1 : -1;
  }
  if (suffixes_.size() < other.suffixes_.size()) {
    return other.suffixes_[common_suffixes].kind == kSuffixP ? -1 : 1;
  }
  // Algorithm 3.7: the revision (absent = 0).
  return internal::compare_digit_runs(view(revision_), other.view(other.revision_));
}

}  // namespace assay::version
