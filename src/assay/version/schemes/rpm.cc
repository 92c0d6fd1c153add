// RPM versions: parseEVR() and rpmvercmp() as rpm 4.18 (rpmio/rpmver.c, rpmio/rpmvercmp.c)
// behave, written from their behaviour and rpm's own tests (tests/rpmvercmp.at).
#include "assay/version/schemes/rpm.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

using internal::char_at;

bool is_segment_char(char c) {
  return is_ascii_alnum(c) || c == '~' || c == '^';
}

}  // namespace

int rpmvercmp(std::string_view a, std::string_view b) noexcept {
  if (a == b) {
    return 0;
  }
  std::size_t one = 0;
  std::size_t two = 0;
  while (one < a.size() || two < b.size()) {
    while (one < a.size() && !is_segment_char(a[one])) {
      ++one;
    }
    while (two < b.size() && !is_segment_char(b[two])) {
      ++two;
    }
    const char c1 = char_at(a, one);
    const char c2 = char_at(b, two);
    // '~' sorts before everything, even the end of the string.
    if (c1 == '~' || c2 == '~') {
      if (c1 != '~') {
        return 1;
      }
      if (c2 != '~') {
        return -1;
      }
      ++one;
      ++two;
      continue;
    }
    // '^' sorts after the end of the string but before anything else.
    if (c1 == '^' || c2 == '^') {
      if (c1 == '\0') {
        return -1;
      }
      if (c2 == '\0') {
        return 1;
      }
      if (c1 != '^') {
        return 1;
      }
      if (c2 != '^') {
        return -1;
      }
      ++one;
      ++two;
      continue;
    }
    if (c1 == '\0' || c2 == '\0') {
      break;
    }
    std::size_t end1 = one;
    std::size_t end2 = two;
    const bool numeric = is_ascii_digit(c1);
    if (numeric) {
      while (end1 < a.size() && is_ascii_digit(a[end1])) {
        ++end1;
      }
      while (end2 < b.size() && is_ascii_digit(b[end2])) {
        ++end2;
      }
    } else {
      while (end1 < a.size() && is_ascii_alpha(a[end1])) {
        ++end1;
      }
      while (end2 < b.size() && is_ascii_alpha(b[end2])) {
        ++end2;
      }
    }
    // One side has a numeric and the other an alphabetic segment here: numbers are newer.
    if (end2 == two) {
      return numeric ? 1 : -1;
    }
    std::string_view seg1 = a.substr(one, end1 - one);
    std::string_view seg2 = b.substr(two, end2 - two);
    if (numeric) {
      while (!seg1.empty() && seg1.front() == '0') {
        seg1.remove_prefix(1);
      }
      while (!seg2.empty() && seg2.front() == '0') {
        seg2.remove_prefix(1);
      }
      if (seg1.size() != seg2.size()) {
        return seg1.size() > seg2.size() ? 1 : -1;
      }
    }
    const int order = internal::compare_bytes(seg1, seg2);
    if (order != 0) {
      return order;
    }
    one = end1;
    two = end2;
  }
  const bool end1 = one >= a.size();
  const bool end2 = two >= b.size();
  if (end1 && end2) {
    return 0;
  }
  return end1 ? -1 : 1;
}

Result<RpmVersion> RpmVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid RPM version: version is empty");
  }
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    return fail(ErrorCode::kInvalidInput,
                "invalid RPM version: NUL byte at byte " + std::to_string(nul));
  }
  RpmVersion version;
  version.text_ = std::string(text);
  const std::string_view body = version.text_;

  const std::size_t digits = internal::digit_run(body, 0);
  std::size_t version_begin = 0;
  if (digits < body.size() && body[digits] == ':') {
    version.epoch_begin_ = 0;
    version.epoch_size_ = digits;  // empty means "0"
    version_begin = digits + 1;
  }
  // parseEVR() looks for the last '-' from the end of the epoch digits onwards.
  const std::size_t hyphen = body.rfind('-');
  std::size_t version_end = body.size();
  if (hyphen != std::string_view::npos && hyphen >= digits) {
    version_end = hyphen;
    version.has_release_ = true;
    version.release_begin_ = hyphen + 1;
    version.release_size_ = body.size() - hyphen - 1;
  }
  version.version_begin_ = version_begin;
  version.version_size_ = version_end >= version_begin ? version_end - version_begin : 0;
  return version;
}

int RpmVersion::compare(const RpmVersion& other) const noexcept {
  // A missing or empty epoch compares as "0".
  const std::string_view e1 = epoch().empty() ? std::string_view("0") : epoch();
  const std::string_view e2 = other.epoch().empty() ? std::string_view("0") : other.epoch();
  int order = rpmvercmp(e1, e2);
  if (order != 0) {
    return order;
  }
  order = rpmvercmp(version(), other.version());
  if (order != 0) {
    return order;
  }
  if (has_release_ != other.has_release_) {
    return has_release_ ? 1 : -1;
  }
  return has_release_ ? rpmvercmp(release(), other.release()) : 0;
}

}  // namespace assay::version
