// RubyGems versions as Gem::Version (RubyGems 3.3) parses and orders them.
#include "assay/version/schemes/rubygems.h"

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

// Ruby's regular-expression \s: ASCII space, \t, \n, \v, \f, \r.
bool is_ruby_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_pre_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

// Does `s` match VERSION_PATTERN exactly?
bool matches_version_pattern(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size() && is_ascii_digit(s[pos])) {
    ++pos;
  }
  if (pos == 0) {
    return false;
  }
  while (pos + 1 < s.size() && s[pos] == '.' && is_ascii_alnum(s[pos + 1])) {
    pos += 2;
    while (pos < s.size() && is_ascii_alnum(s[pos])) {
      ++pos;
    }
  }
  if (pos + 1 < s.size() && s[pos] == '-' && is_pre_char(s[pos + 1])) {
    pos += 2;
    while (true) {
      while (pos < s.size() && is_pre_char(s[pos])) {
        ++pos;
      }
      if (pos + 1 < s.size() && s[pos] == '.' && is_pre_char(s[pos + 1])) {
        pos += 2;
        continue;
      }
      break;
    }
  }
  return pos == s.size();
}

int sign(int order) {
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

bool RubyGemsVersion::is_prerelease() const {
  for (const char c : text_) {
    if (is_ascii_alpha(c)) {
      return true;
    }
  }
  return false;
}

Result<RubyGemsVersion> RubyGemsVersion::parse(std::string_view text) {
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "RubyGems version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_ruby_space(text[begin])) {
    ++begin;
  }
  while (end > begin && is_ruby_space(text[end - 1])) {
    --end;
  }
  const std::string_view body = text.substr(begin, end - begin);
  if (!body.empty() && !matches_version_pattern(body)) {
    return fail(ErrorCode::kInvalidInput,
                "Malformed version number string: RubyGems versions are numbers and letters "
                "separated by \".\", optionally followed by \"-\" and a pre-release");
  }
  RubyGemsVersion version;
  if (body.empty()) {
    version.text_ = "0";
  } else {
    for (const char c : body) {
      if (c == '-') {
        version.text_ += ".pre.";
      } else {
        version.text_.push_back(c);
      }
    }
  }
  // Gem::Version#segments: scan(/[0-9]+|[a-z]+/i).
  const std::string& s = version.text_;
  for (std::size_t pos = 0; pos < s.size();) {
    if (!is_ascii_alnum(s[pos])) {
      ++pos;
      continue;
    }
    const bool number = is_ascii_digit(s[pos]);
    std::size_t stop = pos;
    while (stop < s.size() && (number ? is_ascii_digit(s[stop]) : is_ascii_alpha(s[stop]))) {
      ++stop;
    }
    std::string_view run = std::string_view(s).substr(pos, stop - pos);
    if (number) {
      while (run.size() > 1 && run[0] == '0') {
        run.remove_prefix(1);
      }
    }
    version.segments_.push_back(Segment{static_cast<std::uint32_t>(version.names_.size()),
                                        static_cast<std::uint32_t>(run.size()), number});
    version.names_ += run;
    pos = stop;
  }
  // canonical_segments: drop trailing zeros from the numeric part (before the first string) and
  // from the string part.
  std::size_t first_string = version.segments_.size();
  for (std::size_t i = 0; i < version.segments_.size(); ++i) {
    if (!version.segments_[i].number) {
      first_string = i;
      break;
    }
  }
  auto is_zero = [&](const Segment& segment) {
    return segment.number && version.view(segment) == "0";
  };
  std::size_t numeric_end = first_string;
  while (numeric_end > 0 && is_zero(version.segments_[numeric_end - 1])) {
    --numeric_end;
  }
  std::size_t string_end = version.segments_.size();
  while (string_end > first_string && is_zero(version.segments_[string_end - 1])) {
    --string_end;
  }
  version.canonical_.assign(version.segments_.begin(),
                            version.segments_.begin() + static_cast<std::ptrdiff_t>(numeric_end));
  version.canonical_.insert(version.canonical_.end(),
                            version.segments_.begin() + static_cast<std::ptrdiff_t>(first_string),
                            version.segments_.begin() + static_cast<std::ptrdiff_t>(string_end));
  return version;
}

int RubyGemsVersion::compare(const RubyGemsVersion& other) const noexcept {
  const std::size_t count =
      canonical_.size() > other.canonical_.size() ? canonical_.size() : other.canonical_.size();
  for (std::size_t i = 0; i < count; ++i) {
    // A missing segment counts as the number 0.
    const bool left_number = i >= canonical_.size() || canonical_[i].number;
    const bool right_number = i >= other.canonical_.size() || other.canonical_[i].number;
    const std::string_view left = i < canonical_.size() ? view(canonical_[i]) : "0";
    const std::string_view right =
        i < other.canonical_.size() ? other.view(other.canonical_[i]) : "0";
    if (left_number != right_number) {
      return left_number ? 1 : -1;  // strings sort before numbers
    }
    const int order = left_number ? compare_numeric_strings(left, right) : left.compare(right);
    if (order != 0) {
      return sign(order);
    }
  }
  return 0;
}

}  // namespace assay::version
