// Debian (dpkg) versions: parsing after lib/dpkg/parsehelp.c parseversion() and ordering after
// lib/dpkg/version.c verrevcmp(), written from their documented behaviour.
#include "assay/version/schemes/debian.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

using internal::char_at;

constexpr bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// dpkg's order(): digits 0 (they are handled as numbers), letters by their code, '~' before
// everything including the end of the string, any other character after all letters.
int order(char c) {
  if (is_ascii_digit(c)) {
    return 0;
  }
  if (is_ascii_alpha(c)) {
    return static_cast<unsigned char>(c);
  }
  if (c == '~') {
    return -1;
  }
  if (c != '\0') {
    return static_cast<unsigned char>(c) + 256;
  }
  return 0;
}

int verrevcmp(std::string_view a, std::string_view b) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    int first_diff = 0;
    while ((i < a.size() && !is_ascii_digit(a[i])) || (j < b.size() && !is_ascii_digit(b[j]))) {
      const int ac = order(char_at(a, i));
      const int bc = order(char_at(b, j));
      if (ac != bc) {
        return ac < bc ? -1 : 1;
      }
      ++i;
      ++j;
    }
    while (char_at(a, i) == '0') {
      ++i;
    }
    while (char_at(b, j) == '0') {
      ++j;
    }
    while (is_ascii_digit(char_at(a, i)) && is_ascii_digit(char_at(b, j))) {
      if (first_diff == 0) {
        first_diff = a[i] - b[j];
      }
      ++i;
      ++j;
    }
    if (is_ascii_digit(char_at(a, i))) {
      return 1;
    }
    if (is_ascii_digit(char_at(b, j))) {
      return -1;
    }
    if (first_diff != 0) {
      return first_diff < 0 ? -1 : 1;
    }
  }
  return 0;
}

tl::unexpected<Error> invalid(std::string message) {
  return fail(ErrorCode::kInvalidInput, "invalid Debian version: " + std::move(message));
}

}  // namespace

Result<DebianVersion> DebianVersion::parse(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size() && is_blank(text[begin])) {
    ++begin;
  }
  if (begin == text.size()) {
    return invalid("version string is empty");
  }
  std::size_t end = begin;
  while (end < text.size() && !is_blank(text[end])) {
    ++end;
  }
  for (std::size_t rest = end; rest < text.size(); ++rest) {
    if (!is_blank(text[rest])) {
      return invalid("version string has embedded spaces");
    }
  }

  DebianVersion version;
  version.text_ = std::string(text.substr(begin, end - begin));
  const std::string_view body = version.text_;

  std::size_t upstream_begin = 0;
  const std::size_t colon = body.find(':');
  if (colon != std::string_view::npos) {
    // strtol() semantics: an optional sign, then digits, ending exactly at the colon.
    std::string_view epoch = body.substr(0, colon);
    bool negative = false;
    if (!epoch.empty() && (epoch.front() == '+' || epoch.front() == '-')) {
      negative = epoch.front() == '-';
      epoch.remove_prefix(1);
    }
    const std::size_t digits = internal::digit_run(epoch, 0);
    if (digits == 0) {
      // strtol() converted nothing (as for ":1.0" and "a:1.0"); dpkg calls that empty.
      return invalid("epoch in version is empty");
    }
    if (digits != epoch.size()) {
      return invalid("epoch in version is not number");
    }
    if (negative && epoch.find_first_not_of('0') != std::string_view::npos) {
      return invalid("epoch in version is negative");
    }
    if (compare_numeric_strings(epoch, "2147483647") > 0) {
      return invalid("epoch in version is too big");
    }
    if (colon + 1 == body.size()) {
      return invalid("nothing after colon in version number");
    }
    version.epoch_ = static_cast<std::uint32_t>(parse_uint64(epoch).value_or(0));
    upstream_begin = colon + 1;
  }

  std::size_t upstream_end = body.size();
  const std::size_t hyphen = body.rfind('-');
  if (hyphen != std::string_view::npos && hyphen >= upstream_begin) {
    if (hyphen + 1 == body.size()) {
      return invalid("revision number is empty");
    }
    upstream_end = hyphen;
    version.revision_begin_ = hyphen + 1;
    version.revision_size_ = body.size() - hyphen - 1;
  } else {
    version.revision_begin_ = body.size();
  }
  version.upstream_begin_ = upstream_begin;
  version.upstream_size_ = upstream_end - upstream_begin;

  const std::string_view upstream = version.upstream();
  if (upstream.empty()) {
    return invalid("upstream version is empty");
  }
  if (!is_ascii_digit(upstream.front())) {
    return invalid("version number does not start with digit");
  }
  for (std::size_t i = 0; i < upstream.size(); ++i) {
    const char c = upstream[i];
    if (!is_ascii_alnum(c) && std::string_view(".-+~:").find(c) == std::string_view::npos) {
      return invalid("invalid character in version number: " +
                     internal::describe_byte(body, upstream_begin + i));
    }
  }
  const std::string_view revision = version.revision();
  for (std::size_t i = 0; i < revision.size(); ++i) {
    const char c = revision[i];
    if (!is_ascii_alnum(c) && std::string_view(".+~").find(c) == std::string_view::npos) {
      return invalid("invalid character in revision number: " +
                     internal::describe_byte(body, version.revision_begin_ + i));
    }
  }
  return version;
}

int DebianVersion::compare(const DebianVersion& other) const noexcept {
  if (epoch_ != other.epoch_) {
    return epoch_ < other.epoch_ ? -1 : 1;
  }
  const int upstream_order = verrevcmp(upstream(), other.upstream());
  if (upstream_order != 0) {
    return upstream_order;
  }
  return verrevcmp(revision(), other.revision());
}

}  // namespace assay::version
