// Go module versions (golang.org/x/mod/semver), +incompatible and pseudo-versions.
#include "assay/version/schemes/go.h"

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

bool is_identifier_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

// Advances `pos` over a number as x/mod's parseInt reads it; false when there is none or it has a
// leading zero.
bool read_number(std::string_view s, std::size_t& pos) {
  const std::size_t begin = pos;
  while (pos < s.size() && is_ascii_digit(s[pos])) {
    ++pos;
  }
  return pos > begin && !(s[begin] == '0' && pos - begin > 1);
}

// Advances over dot-separated identifiers after "-" or "+"; false on an empty identifier or (for
// pre-releases) a numeric identifier with a leading zero.
bool read_identifiers(std::string_view s, std::size_t& pos, bool pre) {
  while (true) {
    const std::size_t begin = pos;
    while (pos < s.size() && is_identifier_char(s[pos])) {
      ++pos;
    }
    if (pos == begin) {
      return false;
    }
    const std::string_view id = s.substr(begin, pos - begin);
    if (pre && id.size() > 1 && id[0] == '0' && all_digits(id)) {
      return false;
    }
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      continue;
    }
    return true;
  }
}

int sign(int order) {
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

std::string_view GoVersion::minor() const {
  return std::string_view(text_).substr(major_size_ + 1, minor_end_ - major_size_ - 1);
}
std::string_view GoVersion::patch() const {
  return std::string_view(text_).substr(minor_end_ + 1, patch_end_ - minor_end_ - 1);
}
std::string_view GoVersion::prerelease() const {
  return pre_end_ == patch_end_
             ? std::string_view()
             : std::string_view(text_).substr(patch_end_ + 1, pre_end_ - patch_end_ - 1);
}
std::string_view GoVersion::build() const {
  return pre_end_ == text_.size() ? std::string_view()
                                  : std::string_view(text_).substr(pre_end_ + 1);
}
std::string GoVersion::canonical() const {
  return "v" + text_.substr(0, pre_end_);
}

Result<GoVersion> GoVersion::parse(std::string_view text) {
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "Go version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  std::string_view s = text;
  if (!s.empty() && s[0] == 'v') {
    s.remove_prefix(1);
  }
  auto invalid = [&](std::string_view why) {
    return fail(ErrorCode::kInvalidInput, "Go version " + std::string(why));
  };
  std::size_t pos = 0;
  if (!read_number(s, pos)) {
    return invalid("needs a major number without leading zeros");
  }
  GoVersion version;
  version.major_size_ = static_cast<std::uint32_t>(pos);
  if (pos == s.size()) {  // "v1" means v1.0.0
    version.text_ = std::string(s) + ".0.0";
    version.minor_end_ = version.major_size_ + 2;
    version.patch_end_ = version.pre_end_ = version.minor_end_ + 2;
    return version;
  }
  if (s[pos] != '.') {
    return invalid(
        "needs \".\" after the major number (shorthand \"v1\" and \"v1.2\" cannot "
        "carry a pre-release or build)");
  }
  ++pos;
  if (!read_number(s, pos)) {
    return invalid("needs a minor number without leading zeros");
  }
  if (pos == s.size()) {  // "v1.2" means v1.2.0
    version.text_ = std::string(s) + ".0";
    version.minor_end_ = static_cast<std::uint32_t>(pos);
    version.patch_end_ = version.pre_end_ = version.minor_end_ + 2;
    return version;
  }
  version.minor_end_ = static_cast<std::uint32_t>(pos);
  if (s[pos] != '.') {
    return invalid("needs \".\" after the minor number");
  }
  ++pos;
  if (!read_number(s, pos)) {
    return invalid("needs a patch number without leading zeros");
  }
  version.patch_end_ = static_cast<std::uint32_t>(pos);
  if (pos < s.size() && s[pos] == '-') {
    ++pos;
    if (!read_identifiers(s, pos, true)) {
      return invalid(
          "has an empty or invalid pre-release identifier (or a leading zero in a "
          "numeric one)");
    }
  }
  version.pre_end_ = static_cast<std::uint32_t>(pos);
  if (pos < s.size() && s[pos] == '+') {
    ++pos;
    if (!read_identifiers(s, pos, false)) {
      return invalid("has an empty or invalid build identifier");
    }
  }
  if (pos != s.size()) {
    return invalid("has an unexpected " + quote(s.substr(pos, 1)) + " at byte " +
                   std::to_string(pos + 1 + (s.size() < text.size() ? 1 : 0)));
  }
  version.text_ = std::string(s);
  return version;
}

int GoVersion::compare(const GoVersion& other) const noexcept {
  int order = compare_numeric_strings(major(), other.major());
  if (order == 0) {
    order = compare_numeric_strings(minor(), other.minor());
  }
  if (order == 0) {
    order = compare_numeric_strings(patch(), other.patch());
  }
  if (order != 0) {
    return sign(order);
  }
  std::string_view x = prerelease();
  std::string_view y = other.prerelease();
  if (x == y) {
    return 0;
  }
  if (x.empty()) {
    return 1;
  }
  if (y.empty()) {
    return -1;
  }
  while (!x.empty() && !y.empty()) {
    const std::size_t xe = x.find('.');
    const std::size_t ye = y.find('.');
    const std::string_view dx = x.substr(0, xe);
    const std::string_view dy = y.substr(0, ye);
    x = xe == std::string_view::npos ? std::string_view() : x.substr(xe + 1);
    y = ye == std::string_view::npos ? std::string_view() : y.substr(ye + 1);
    if (dx == dy) {
      continue;
    }
    const bool ix = all_digits(dx);
    const bool iy = all_digits(dy);
    if (ix != iy) {
      return ix ? -1 : 1;
    }
    if (ix && dx.size() != dy.size()) {
      return dx.size() < dy.size() ? -1 : 1;
    }
    return dx < dy ? -1 : 1;
  }
  // One ran out of identifiers first. x/mod tracks the separator, so "a" vs "a." cannot arise.
  return x.empty() ? -1 : 1;
}

}  // namespace assay::version
