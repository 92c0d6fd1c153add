// PEP 440 versions as packaging.version.Version (packaging 23) parses, normalises and orders them.
#include "assay/version/schemes/pep440.h"

#include <optional>

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

// Byte length of the UTF-8 character at `pos` when Python's str.isspace() (which the regular
// expression's \s follows) is true for it; 0 otherwise.
std::size_t python_space_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) {
    return 0;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char c = byte(0);
  const std::size_t left = text.size() - pos;
  if (c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f)) {
    return 1;
  }
  if (c == 0xc2 && left >= 2 && (byte(1) == 0x85 || byte(1) == 0xa0)) {
    return 2;
  }
  if ((c & 0xf0) != 0xe0 || left < 3 || (byte(1) & 0xc0) != 0x80 || (byte(2) & 0xc0) != 0x80) {
    return 0;
  }
  const unsigned code = (static_cast<unsigned>(c & 0x0f) << 12) |
                        (static_cast<unsigned>(byte(1) & 0x3f) << 6) | (byte(2) & 0x3fU);
  const bool space = code == 0x1680 || (code >= 0x2000 && code <= 0x200a) || code == 0x2028 ||
                     code == 0x2029 || code == 0x202f || code == 0x205f || code == 0x3000;
  return space ? 3 : 0;
}

bool is_separator(char c) {
  return c == '-' || c == '_' || c == '.';
}

// Case-insensitive: does `s` continue at `pos` with `word` (lower case)?
bool has_word(std::string_view s, std::size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ascii_to_lower(s[pos + i]) != word[i]) {
      return false;
    }
  }
  return true;
}

std::string_view strip_zeros(std::string_view digits) {
  while (digits.size() > 1 && digits[0] == '0') {
    digits.remove_prefix(1);
  }
  return digits;
}

std::size_t read_digits(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && is_ascii_digit(s[end])) {
    ++end;
  }
  return end;
}

struct Letter {
  std::string_view spelling;
  std::string_view normal;
};

// Tries the letters in order at `pos` (after an optional separator), longest spellings first as
// the regular expression's alternation does; returns the normalised letter.
std::optional<std::string_view> read_letter(std::string_view s, std::size_t& pos,
                                            std::initializer_list<Letter> letters) {
  std::size_t at = pos;
  if (at < s.size() && is_separator(s[at])) {
    ++at;
  }
  for (const Letter& letter : letters) {
    if (has_word(s, at, letter.spelling)) {
      pos = at + letter.spelling.size();
      return letter.normal;
    }
  }
  return std::nullopt;
}

// An optional separator and an optional number after a letter; returns the number (or "0").
std::string_view read_letter_number(std::string_view s, std::size_t& pos) {
  std::size_t at = pos;
  if (at < s.size() && is_separator(s[at])) {
    ++at;
  }
  const std::size_t end = read_digits(s, at);
  if (end > at) {
    pos = end;
    return s.substr(at, end - at);
  }
  pos = at;  // the regular expression may take the separator alone
  return "0";
}

int sign(int order) {
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

std::string_view Pep440Version::public_text() const {
  return std::string_view(text_).substr(0, local_begin_);
}

Result<Pep440Version> Pep440Version::parse(std::string_view text) {
  auto invalid = [&](std::string why) {
    return fail(ErrorCode::kInvalidInput, "invalid PEP 440 version: " + why);
  };
  if (text.size() > kMaxVersionBytes) {
    return invalid("longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  std::size_t begin = 0;
  while (std::size_t n = python_space_at(text, begin)) {
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t n = 0;
    for (std::size_t width : {1U, 2U, 3U}) {
      if (end - begin >= width && python_space_at(text, end - width) == width) {
        n = width;
        break;
      }
    }
    if (n == 0) {
      break;
    }
    end -= n;
  }
  const std::string_view s = text.substr(begin, end - begin);
  std::size_t pos = 0;
  if (pos < s.size() && (s[pos] == 'v' || s[pos] == 'V')) {
    ++pos;
  }

  // Raw pieces, normalised as they are read.
  std::string_view epoch = "0";
  std::size_t digits_end = read_digits(s, pos);
  if (digits_end < s.size() && digits_end > pos && s[digits_end] == '!') {
    epoch = strip_zeros(s.substr(pos, digits_end - pos));
    pos = digits_end + 1;
    digits_end = read_digits(s, pos);
  }
  if (digits_end == pos) {
    return invalid("expected a release number such as \"1.0\" at byte " +
                   std::to_string(begin + pos + 1));
  }
  std::vector<std::string_view> release;
  while (true) {
    release.push_back(strip_zeros(s.substr(pos, digits_end - pos)));
    pos = digits_end;
    if (pos + 1 < s.size() && s[pos] == '.' && is_ascii_digit(s[pos + 1])) {
      ++pos;
      digits_end = read_digits(s, pos);
      continue;
    }
    break;
  }
  std::optional<std::string_view> pre_letter = read_letter(s, pos,
                                                           {{"alpha", "a"},
                                                            {"a", "a"},
                                                            {"beta", "b"},
                                                            {"b", "b"},
                                                            {"preview", "rc"},
                                                            {"pre", "rc"},
                                                            {"c", "rc"},
                                                            {"rc", "rc"}});
  std::string_view pre_number;
  if (pre_letter) {
    pre_number = strip_zeros(read_letter_number(s, pos));
  }
  std::optional<std::string_view> post_number;
  if (pos + 1 < s.size() && s[pos] == '-' && is_ascii_digit(s[pos + 1])) {
    const std::size_t post_end = read_digits(s, pos + 1);
    post_number = strip_zeros(s.substr(pos + 1, post_end - pos - 1));
    pos = post_end;
  } else if (read_letter(s, pos, {{"post", "post"}, {"rev", "post"}, {"r", "post"}})) {
    post_number = strip_zeros(read_letter_number(s, pos));
  }
  std::optional<std::string_view> dev_number;
  if (read_letter(s, pos, {{"dev", "dev"}})) {
    dev_number = strip_zeros(read_letter_number(s, pos));
  }
  std::vector<std::string_view> local;
  if (pos < s.size() && s[pos] == '+') {
    ++pos;
    while (true) {
      const std::size_t segment_begin = pos;
      while (pos < s.size() && is_ascii_alnum(s[pos])) {
        ++pos;
      }
      if (pos == segment_begin) {
        return invalid("empty local version segment at byte " +
                       std::to_string(begin + segment_begin + 1));
      }
      local.push_back(s.substr(segment_begin, pos - segment_begin));
      if (pos + 1 < s.size() && is_separator(s[pos]) && is_ascii_alnum(s[pos + 1])) {
        ++pos;
        continue;
      }
      break;
    }
  }
  if (pos != s.size()) {
    return invalid("unexpected " + quote(s.substr(pos, 1)) + " at byte " +
                   std::to_string(begin + pos + 1));
  }

  Pep440Version version;
  std::string& out = version.text_;
  auto append = [&out](std::string_view piece) {
    const Part part{static_cast<std::uint32_t>(out.size()),
                    static_cast<std::uint32_t>(piece.size()), false};
    out.append(piece);
    return part;
  };
  if (epoch != "0") {  // an empty epoch_ means 0
    version.epoch_ = append(epoch);
    out.push_back('!');
  }
  for (std::size_t i = 0; i < release.size(); ++i) {
    if (i != 0) {
      out.push_back('.');
    }
    version.release_.push_back(append(release[i]));
    if (release[i] != "0") {
      version.release_significant_ = static_cast<std::uint32_t>(i + 1);
    }
  }
  if (pre_letter) {
    out.append(*pre_letter);
    version.pre_kind_ = *pre_letter == "a"   ? PreKind::kAlpha
                        : *pre_letter == "b" ? PreKind::kBeta
                                             : PreKind::kRc;
    version.pre_ = append(pre_number);
  }
  if (post_number) {
    out.append(".post");
    version.post_ = append(*post_number);
  }
  if (dev_number) {
    out.append(".dev");
    version.dev_ = append(*dev_number);
  }
  version.local_begin_ = static_cast<std::uint32_t>(out.size());
  for (std::size_t i = 0; i < local.size(); ++i) {
    out.push_back(i == 0 ? '+' : '.');
    const bool numeric = all_digits(local[i]);
    Part part = append(numeric ? strip_zeros(local[i]) : std::string_view());
    if (!numeric) {
      for (const char c : local[i]) {
        out.push_back(ascii_to_lower(c));
      }
      part.size = static_cast<std::uint32_t>(local[i].size());
    }
    part.numeric = numeric;
    version.local_.push_back(part);
  }
  return version;
}

int Pep440Version::compare(const Pep440Version& other) const noexcept {
  // Epoch: an empty view means 0.
  const std::string_view my_epoch = view(epoch_);
  const std::string_view their_epoch = other.view(other.epoch_);
  if (my_epoch.empty() != their_epoch.empty()) {
    return my_epoch.empty() ? -1 : 1;  // a written epoch is never 0 after normalisation
  }
  if (!my_epoch.empty()) {
    if (const int order = compare_numeric_strings(my_epoch, their_epoch); order != 0) {
      return sign(order);
    }
  }
  // Release, trailing zeros removed.
  const std::uint32_t common = release_significant_ < other.release_significant_
                                   ? release_significant_
                                   : other.release_significant_;
  for (std::uint32_t i = 0; i < common; ++i) {
    if (const int order = compare_numeric_strings(view(release_[i]), other.view(other.release_[i]));
        order != 0) {
      return sign(order);
    }
  }
  if (release_significant_ != other.release_significant_) {
    return release_significant_ < other.release_significant_ ? -1 : 1;
  }
  // Pre-release: a bare dev release sorts before every pre-release; no pre-release after all.
  auto pre_rank = [](const Pep440Version& v) {
    if (v.pre_kind_ == PreKind::kNone) {
      return (v.post_.size == 0 && v.dev_.size != 0) ? 0 : 4;
    }
    return static_cast<int>(v.pre_kind_);  // 1, 2, 3
  };
  const int my_pre = pre_rank(*this);
  const int their_pre = pre_rank(other);
  if (my_pre != their_pre) {
    return my_pre < their_pre ? -1 : 1;
  }
  if (pre_kind_ != PreKind::kNone) {
    if (const int order = compare_numeric_strings(view(pre_), other.view(other.pre_)); order != 0) {
      return sign(order);
    }
  }
  // Post-release: none sorts first.
  if (has_post() != other.has_post()) {
    return has_post() ? 1 : -1;
  }
  if (has_post()) {
    if (const int order = compare_numeric_strings(view(post_), other.view(other.post_));
        order != 0) {
      return sign(order);
    }
  }
  // Development release: none sorts last.
  if (has_dev() != other.has_dev()) {
    return has_dev() ? -1 : 1;
  }
  if (has_dev()) {
    if (const int order = compare_numeric_strings(view(dev_), other.view(other.dev_)); order != 0) {
      return sign(order);
    }
  }
  // Local version: none sorts first; numeric segments after alphanumeric ones.
  const std::size_t local_common =
      local_.size() < other.local_.size() ? local_.size() : other.local_.size();
  for (std::size_t i = 0; i < local_common; ++i) {
    const Part& a = local_[i];
    const Part& b = other.local_[i];
    int order = 0;
    if (a.numeric && b.numeric) {
      order = compare_numeric_strings(view(a), other.view(b));
    } else if (a.numeric != b.numeric) {
      order = a.numeric ? 1 : -1;
    } else {
      order = view(a).compare(other.view(b));
    }
    if (order != 0) {
      return sign(order);
    }
  }
  if (local_.size() != other.local_.size()) {
    return local_.size() < other.local_.size() ? -1 : 1;
  }
  return 0;
}

}  // namespace assay::version
