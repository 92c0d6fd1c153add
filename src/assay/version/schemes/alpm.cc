// Arch Linux versions: libalpm lib/libalpm/version.c (parseEVR, rpmvercmp, alpm_pkg_vercmp)
// transcribed from its behaviour.
#include "assay/version/schemes/alpm.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

int alpm_rpmvercmp(std::string_view a, std::string_view b) noexcept {
  if (a == b) {
    return 0;
  }
  std::size_t one = 0;
  std::size_t two = 0;
  std::size_t ptr1 = 0;
  std::size_t ptr2 = 0;
  while (one < a.size() && two < b.size()) {
    while (one < a.size() && !is_ascii_alnum(a[one])) {
      ++one;
    }
    while (two < b.size() && !is_ascii_alnum(b[two])) {
      ++two;
    }
    if (one >= a.size() || two >= b.size()) {
      break;
    }
    // A longer run of separators is newer.
    if (one - ptr1 != two - ptr2) {
      return one - ptr1 < two - ptr2 ? -1 : 1;
    }
    ptr1 = one;
    ptr2 = two;
    const bool numeric = is_ascii_digit(a[ptr1]);
    if (numeric) {
      while (ptr1 < a.size() && is_ascii_digit(a[ptr1])) {
        ++ptr1;
      }
      while (ptr2 < b.size() && is_ascii_digit(b[ptr2])) {
        ++ptr2;
      }
    } else {
      while (ptr1 < a.size() && is_ascii_alpha(a[ptr1])) {
        ++ptr1;
      }
      while (ptr2 < b.size() && is_ascii_alpha(b[ptr2])) {
        ++ptr2;
      }
    }
    // Different segment types: numbers are newer than letters.
    if (two == ptr2) {
      return numeric ? 1 : -1;
    }
    std::string_view seg1 = a.substr(one, ptr1 - one);
    std::string_view seg2 = b.substr(two, ptr2 - two);
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
    one = ptr1;
    two = ptr2;
  }
  const bool end1 = one >= a.size();
  const bool end2 = two >= b.size();
  if (end1 && end2) {
    return 0;
  }
  // A remaining letter run never beats the end of the other string.
  const char c1 = internal::char_at(a, one);
  const char c2 = internal::char_at(b, two);
  if ((end1 && !is_ascii_alpha(c2)) || is_ascii_alpha(c1)) {
    return -1;
  }
  return 1;
}

Result<AlpmVersion> AlpmVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid Arch Linux version: version is empty");
  }
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    return fail(ErrorCode::kInvalidInput,
                "invalid Arch Linux version: NUL byte at byte " + std::to_string(nul));
  }
  AlpmVersion version;
  version.text_ = std::string(text);
  const std::string_view body = version.text_;
  const std::size_t digits = internal::digit_run(body, 0);
  std::size_t version_begin = 0;
  if (digits < body.size() && body[digits] == ':') {
    version.epoch_size_ = digits;
    version_begin = digits + 1;
  }
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
  // libalpm's rpmvercmp weighs separator runs between segments but looks past a trailing one,
  // which makes its order intransitive ("_a" < "_" < "8e" < "_a"); refuse such parts.
  for (const std::string_view part :
       {version.part(version.version_begin_, version.version_size_),
        version.part(version.release_begin_, version.release_size_)}) {
    if (!part.empty() && !is_ascii_alnum(part.back())) {
      return fail(
          ErrorCode::kInvalidInput,
          "invalid Arch Linux version: pkgver and pkgrel must end with a letter or digit, "
          "found " +
              internal::describe_byte(body, static_cast<std::size_t>(&part.back() - body.data())));
    }
  }
  return version;
}

int AlpmVersion::compare(const AlpmVersion& other) const noexcept {
  if (text_ == other.text_) {
    return 0;
  }
  const std::string_view e1 = epoch_size_ == 0 ? std::string_view("0") : part(0, epoch_size_);
  const std::string_view e2 =
      other.epoch_size_ == 0 ? std::string_view("0") : other.part(0, other.epoch_size_);
  int order = alpm_rpmvercmp(e1, e2);
  if (order != 0) {
    return order;
  }
  order = alpm_rpmvercmp(part(version_begin_, version_size_),
                         other.part(other.version_begin_, other.version_size_));
  if (order != 0) {
    return order;
  }
  if (has_release_ != other.has_release_) {
    return has_release_ ? 1 : -1;
  }
  return has_release_ ? alpm_rpmvercmp(part(release_begin_, release_size_),
                                       other.part(other.release_begin_, other.release_size_))
                      : 0;
}

}  // namespace assay::version
