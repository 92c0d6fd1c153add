// The generic fallback order: alternating numeric and alphabetic runs (see generic.h and
// docs/formats/versions.md).
#include "assay/version/schemes/generic.h"

#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

enum class RunKind { kLetters, kEnd, kNumber };

struct Run {
  RunKind kind = RunKind::kEnd;
  std::string_view text;
};

// The next run at or after `position`, skipping separators; kEnd when there is none.
Run next_run(std::string_view text, std::size_t& position) {
  while (position < text.size() && !is_ascii_alnum(text[position])) {
    ++position;
  }
  if (position >= text.size()) {
    return Run{};
  }
  const std::size_t begin = position;
  const bool digits = is_ascii_digit(text[position]);
  while (position < text.size() &&
         (digits ? is_ascii_digit(text[position]) : is_ascii_alpha(text[position]))) {
    ++position;
  }
  return Run{digits ? RunKind::kNumber : RunKind::kLetters, text.substr(begin, position - begin)};
}

bool is_zero(const Run& run) {
  return run.kind == RunKind::kNumber && run.text.find_first_not_of('0') == std::string_view::npos;
}

// Rank of a run's class: letters < (end == zero) < positive numbers.
int rank(const Run& run) {
  if (run.kind == RunKind::kLetters) {
    return 0;
  }
  if (run.kind == RunKind::kEnd || is_zero(run)) {
    return 1;
  }
  return 2;
}

int compare_letters(std::string_view a, std::string_view b) {
  const std::size_t common = a.size() < b.size() ? a.size() : b.size();
  for (std::size_t i = 0; i < common; ++i) {
    const char left = ascii_to_lower(a[i]);
    const char right = ascii_to_lower(b[i]);
    if (left != right) {
      return left < right ? -1 : 1;
    }
  }
  if (a.size() == b.size()) {
    return 0;
  }
  return a.size() < b.size() ? -1 : 1;
}

}  // namespace

Result<GenericVersion> GenericVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid version: version is empty");
  }
  if (const auto bad = find_invalid_utf8(text)) {
    return fail(ErrorCode::kInvalidInput,
                "invalid version: not UTF-8 at byte " + std::to_string(*bad));
  }
  bool has_alnum = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte <= 0x20 || byte == 0x7F) {
      return fail(ErrorCode::kInvalidInput, "invalid version: whitespace or control character " +
                                                internal::describe_byte(text, i));
    }
    has_alnum = has_alnum || is_ascii_alnum(text[i]);
  }
  if (!has_alnum) {
    return fail(ErrorCode::kInvalidInput, "invalid version: no letters or digits");
  }
  GenericVersion version;
  version.text_ = std::string(text);
  return version;
}

int GenericVersion::compare(const GenericVersion& other) const noexcept {
  std::size_t i = 0;
  std::size_t j = 0;
  while (true) {
    const Run a = next_run(text_, i);
    const Run b = next_run(other.text_, j);
    if (a.kind == RunKind::kEnd && b.kind == RunKind::kEnd) {
      return 0;
    }
    const int rank_a = rank(a);
    const int rank_b = rank(b);
    if (rank_a != rank_b) {
      return rank_a < rank_b ? -1 : 1;
    }
    int order = 0;
    if (rank_a == 0) {
      order = compare_letters(a.text, b.text);
    } else if (rank_a == 2) {
      order = compare_numeric_strings(a.text, b.text);
    }
    if (order != 0) {
      return order;
    }
  }
}

}  // namespace assay::version
