// Composer/Packagist versions: composer/semver 3 VersionParser::normalize, then Comparator order
// (PHP's version_compare on the normalised strings).
#include "assay/version/schemes/composer.h"

#include <optional>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

using internal::is_pcre_space;

namespace {

constexpr std::uint64_t kLongMax = 9223372036854775807ULL;

bool is_php_trim_char(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0' || c == '\x0b';
}

std::string_view php_trim(std::string_view s) {
  while (!s.empty() && is_php_trim_char(s.front())) {
    s.remove_prefix(1);
  }
  while (!s.empty() && is_php_trim_char(s.back())) {
    s.remove_suffix(1);
  }
  return s;
}

bool has_word(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos > s.size() || s.size() - pos < word.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (ascii_to_lower(s[pos + i]) != word[i]) {
      return false;
    }
  }
  return true;
}

std::size_t digits_at(std::string_view s, std::size_t pos) {
  std::size_t end = pos;
  while (end < s.size() && is_ascii_digit(s[end])) {
    ++end;
  }
  return end - pos;
}

// What VersionParser's $modifierRegex captured.
struct Modifier {
  std::string_view stability;  // as written
  std::string_view numbers;    // "(?:[.-]?\d+)*" after the stability
  bool dev = false;
};

// Matches $modifierRegex followed by the end of the string at `pos`, trying the alternatives in
// the order PCRE would:
//   [._-]?(?:(stable|beta|b|RC|alpha|a|patch|pl|p)((?:[.-]?\d+)*+)?)?([.-]?dev)?$
//   (case-insensitive)
std::optional<Modifier> match_modifier(std::string_view s, std::size_t pos) {
  static constexpr std::string_view kWords[] = {"stable", "beta",  "b",  "rc", "alpha",
                                                "a",      "patch", "pl", "p",  ""};
  for (const bool take_separator : {true, false}) {
    if (take_separator && !(pos < s.size() && (s[pos] == '.' || s[pos] == '_' || s[pos] == '-'))) {
      continue;
    }
    const std::size_t start = pos + (take_separator ? 1 : 0);
    for (const std::string_view word : kWords) {
      Modifier modifier;
      std::size_t at = start;
      if (!word.empty()) {
        if (!has_word(s, at, word)) {
          continue;
        }
        modifier.stability = s.substr(at, word.size());
        at += word.size();
        const std::size_t numbers_begin = at;
        while (true) {  // possessive: never gives back
          std::size_t next = at;
          if (next < s.size() && (s[next] == '.' || s[next] == '-')) {
            ++next;
          }
          const std::size_t digits = digits_at(s, next);
          if (digits == 0) {
            break;
          }
          at = next + digits;
        }
        modifier.numbers = s.substr(numbers_begin, at - numbers_begin);
      }
      if (at < s.size() && (s[at] == '.' || s[at] == '-') && has_word(s, at + 1, "dev") &&
          at + 4 == s.size()) {
        modifier.dev = true;
        return modifier;
      }
      if (has_word(s, at, "dev") && at + 3 == s.size()) {
        modifier.dev = true;
        return modifier;
      }
      if (at == s.size()) {
        return modifier;
      }
    }
  }
  return std::nullopt;
}

std::string expand_stability(std::string_view stability) {
  const std::string lower = ascii_lower(stability);
  if (lower == "a") {
    return "alpha";
  }
  if (lower == "b") {
    return "beta";
  }
  if (lower == "p" || lower == "pl") {
    return "patch";
  }
  if (lower == "rc") {
    return "RC";
  }
  return lower;
}

// Appends the modifier as normalize() does; returns false when "stable" ends normalisation.
void append_modifier(std::string& version, const Modifier& modifier) {
  if (!modifier.stability.empty()) {
    if (modifier.stability == "stable") {
      return;
    }
    std::string_view numbers = modifier.numbers;
    while (!numbers.empty() && (numbers.front() == '.' || numbers.front() == '-')) {
      numbers.remove_prefix(1);
    }
    version += "-" + expand_stability(modifier.stability) + std::string(numbers);
  }
  if (modifier.dev) {
    version += "-dev";
  }
}

// ^v?(\d{1,5})(\.\d++)?(\.\d++)?(\.\d++)?<modifier>$
std::optional<std::string> match_classical(std::string_view s) {
  std::size_t pos = 0;
  if (pos < s.size() && (s[pos] == 'v' || s[pos] == 'V')) {
    ++pos;
  }
  const std::size_t run = digits_at(s, pos);
  for (std::size_t length = run < 5 ? run : 5; length >= 1; --length) {
    std::string_view groups[3];
    std::optional<Modifier> modifier;
    // Each optional group is tried taken first, then skipped.
    auto try_groups = [&](auto&& self, std::size_t at, int index) -> bool {
      if (index >= 3) {
        modifier = match_modifier(s, at);
        return modifier.has_value();
      }
      if (at < s.size() && s[at] == '.') {
        const std::size_t digits = digits_at(s, at + 1);
        if (digits > 0) {
          groups[index] = s.substr(at, digits + 1);
          if (self(self, at + 1 + digits, index + 1)) {
            return true;
          }
        }
      }
      groups[index] = {};
      return self(self, at, index + 1);
    };
    if (try_groups(try_groups, pos + length, 0)) {
      std::string version(s.substr(pos, length));
      for (const std::string_view group : groups) {
        version += group.empty() ? std::string_view(".0") : group;
      }
      if (!modifier->stability.empty() && modifier->stability == "stable") {
        return version;
      }
      append_modifier(version, *modifier);
      return version;
    }
  }
  return std::nullopt;
}

// ^v?(\d{4}(?:[.:-]?\d{2}){1,6}(?:[.:-]?\d{1,3})?)<modifier>$
std::optional<std::string> match_datetime(std::string_view s) {
  std::size_t pos = 0;
  if (pos < s.size() && (s[pos] == 'v' || s[pos] == 'V')) {
    ++pos;
  }
  if (digits_at(s, pos) < 4) {
    return std::nullopt;
  }
  auto is_date_separator = [&](std::size_t at) {
    return at < s.size() && (s[at] == '.' || s[at] == ':' || s[at] == '-');
  };
  std::optional<Modifier> modifier;
  std::size_t date_end = 0;
  auto try_end = [&](std::size_t at) {
    modifier = match_modifier(s, at);
    if (modifier) {
      date_end = at;
    }
    return modifier.has_value();
  };
  auto try_tail = [&](std::size_t at) {
    for (const bool separator : {true, false}) {
      if (separator && !is_date_separator(at)) {
        continue;
      }
      const std::size_t from = at + (separator ? 1 : 0);
      const std::size_t digits = digits_at(s, from);
      for (std::size_t length = digits < 3 ? digits : 3; length >= 1; --length) {
        if (try_end(from + length)) {
          return true;
        }
      }
    }
    return try_end(at);
  };
  auto try_pairs = [&](auto&& self, std::size_t at, int count) -> bool {
    if (count < 6) {
      for (const bool separator : {true, false}) {
        if (separator && !is_date_separator(at)) {
          continue;
        }
        const std::size_t from = at + (separator ? 1 : 0);
        if (digits_at(s, from) >= 2 && self(self, from + 2, count + 1)) {
          return true;
        }
      }
    }
    return count >= 1 && try_tail(at);
  };
  if (!try_pairs(try_pairs, pos + 4, 0)) {
    return std::nullopt;
  }
  std::string version(s.substr(pos, date_end - pos));
  for (char& c : version) {
    if (!is_ascii_digit(c)) {
      c = '.';
    }
  }
  if (!modifier->stability.empty() && modifier->stability == "stable") {
    return version;
  }
  append_modifier(version, *modifier);
  return version;
}

// VersionParser::normalizeBranch for a numeric branch ("1.x" -> "1.9999999.9999999.9999999-dev");
// nullopt when the name is not numeric (normalize() then rejects the version).
std::optional<std::string> normalize_numeric_branch(std::string_view name) {
  name = php_trim(name);
  std::size_t pos = 0;
  if (pos < name.size() && (name[pos] == 'v' || name[pos] == 'V')) {
    ++pos;
  }
  const std::size_t major = digits_at(name, pos);
  if (major == 0) {
    return std::nullopt;
  }
  std::string version(name.substr(pos, major));
  pos += major;
  int groups = 0;
  while (groups < 3 && pos < name.size() && name[pos] == '.') {
    const std::size_t digits = digits_at(name, pos + 1);
    if (digits > 0) {
      version += name.substr(pos, digits + 1);
      pos += 1 + digits;
    } else if (pos + 1 < name.size() &&
               (name[pos + 1] == 'x' || name[pos + 1] == 'X' || name[pos + 1] == '*')) {
      version += ".x";
      pos += 2;
    } else {
      break;
    }
    ++groups;
  }
  if (pos != name.size()) {
    return std::nullopt;
  }
  for (; groups < 3; ++groups) {
    version += ".x";
  }
  std::string out;
  for (const char c : version) {
    if (c == 'x') {
      out += "9999999";
    } else {
      out.push_back(c);
    }
  }
  return out + "-dev";
}

Result<std::string> normalize(std::string_view text) {
  std::string_view version = php_trim(text);
  auto invalid = [&]() {
    return fail(ErrorCode::kInvalidInput,
                "Invalid version string: Composer cannot normalise " + quote(version));
  };
  // Strip off aliasing: "1.0 as 2.0".
  {
    std::size_t first = 0;
    while (first < version.size() && version[first] != ',' && !is_pcre_space(version[first])) {
      ++first;
    }
    std::size_t at = first;
    std::size_t spaces = 0;
    while (at < version.size() && version[at] == ' ') {
      ++at;
      ++spaces;
    }
    if (first > 0 && spaces > 0 && version.substr(at, 2) == "as") {
      at += 2;
      std::size_t more = 0;
      while (at < version.size() && version[at] == ' ') {
        ++at;
        ++more;
      }
      std::size_t second = at;
      while (second < version.size() && version[second] != ',' && !is_pcre_space(version[second])) {
        ++second;
      }
      if (more > 0 && second > at && second == version.size()) {
        version = version.substr(0, first);
      }
    }
  }
  // Strip off a stability flag: "@beta".
  for (const std::string_view flag : {"stable", "rc", "beta", "alpha", "dev"}) {
    if (version.size() > flag.size() && version[version.size() - flag.size() - 1] == '@' &&
        has_word(version, version.size() - flag.size(), flag)) {
      version.remove_suffix(flag.size() + 1);
      break;
    }
  }
  if (version == "master" || version == "trunk" || version == "default") {
    return "dev-" + std::string(version);
  }
  if (has_word(version, 0, "dev-")) {
    return "dev-" + std::string(version.substr(4));
  }
  // Strip off build metadata: "1.0+20230101".
  {
    std::size_t first = 0;
    while (first < version.size() && version[first] != ',' && version[first] != '+' &&
           !is_pcre_space(version[first])) {
      ++first;
    }
    if (first > 0 && first + 1 < version.size() && version[first] == '+') {
      bool rest_ok = true;
      for (std::size_t i = first + 1; i < version.size(); ++i) {
        rest_ok = rest_ok && !is_pcre_space(version[i]);
      }
      if (rest_ok) {
        version = version.substr(0, first);
      }
    }
  }
  if (std::optional<std::string> classical = match_classical(version)) {
    return *classical;
  }
  if (std::optional<std::string> datetime = match_datetime(version)) {
    return *datetime;
  }
  // A numeric branch: "1.x-dev", "2.0.*-dev".
  if (version.size() >= 3 && has_word(version, version.size() - 3, "dev")) {
    std::size_t name_end = version.size() - 3;
    if (name_end > 0 && (version[name_end - 1] == '.' || version[name_end - 1] == '-')) {
      --name_end;
    }
    if (std::optional<std::string> branch = normalize_numeric_branch(version.substr(0, name_end))) {
      return *branch;
    }
  }
  return invalid();
}

// compare_special_version_forms: prefix match against PHP's special forms.
std::int8_t special_form_rank(std::string_view word) {
  struct Form {
    std::string_view name;
    std::int8_t rank;
  };
  static constexpr Form kForms[] = {{"dev", 0}, {"alpha", 1}, {"a", 1}, {"beta", 2}, {"b", 2},
                                    {"RC", 3},  {"rc", 3},    {"#", 4}, {"pl", 5},   {"p", 5}};
  for (const Form& form : kForms) {
    if (word.substr(0, form.name.size()) == form.name) {
      return form.rank;
    }
  }
  return -1;
}

int sign(long long value) {
  return value < 0 ? -1 : (value > 0 ? 1 : 0);
}

}  // namespace

Result<ComposerVersion> ComposerVersion::parse(std::string_view text) {
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "Composer version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  ASSAY_TRY(std::string normalized, normalize(text));
  return from_normalized(normalized);
}

ComposerVersion ComposerVersion::from_normalized(std::string_view normalized) {
  ComposerVersion version;
  version.normalized_ = std::string(normalized);
  version.branch_ = version.normalized_.rfind("dev-", 0) == 0;
  if (version.branch_) {
    return version;
  }
  // php_canonicalize_version, then split at ".": "1.0.0.0-beta1" -> 1 0 0 0 beta 1.
  const std::string& s = version.normalized_;
  if (s.empty()) {
    return version;
  }
  std::string canonical;
  canonical.push_back(s[0]);
  for (std::size_t i = 1; i < s.size(); ++i) {
    const char previous = s[i - 1];
    const char c = s[i];
    const auto is_digit = [](char x) { return is_ascii_digit(x); };
    const auto is_non_digit = [](char x) { return !is_ascii_digit(x) && x != '.'; };
    const bool last_is_dot = canonical.back() == '.';
    if (c == '-' || c == '_' || c == '+') {
      if (!last_is_dot) {
        canonical.push_back('.');
      }
    } else if ((is_non_digit(previous) && is_digit(c)) || (is_digit(previous) && is_non_digit(c))) {
      if (!last_is_dot) {
        canonical.push_back('.');
      }
      canonical.push_back(c);
    } else if (!is_ascii_alnum(c)) {
      if (!last_is_dot) {
        canonical.push_back('.');
      }
    } else {
      canonical.push_back(c);
    }
  }
  for (const std::string_view part : split(canonical, '.')) {
    Token token;
    if (!part.empty() && is_ascii_digit(part[0])) {
      token.number = true;
      for (const char c : part) {
        const auto digit = static_cast<std::uint64_t>(c - '0');
        token.value = token.value > (kLongMax - digit) / 10 ? kLongMax : token.value * 10 + digit;
      }
    } else {
      token.rank = special_form_rank(part);
    }
    version.tokens_.push_back(token);
  }
  return version;
}

int ComposerVersion::compare(const ComposerVersion& other) const noexcept {
  if (branch_ || other.branch_) {
    if (branch_ != other.branch_) {
      return branch_ ? -1 : 1;  // "dev" sorts before every number
    }
    const int order = normalized_.compare(other.normalized_);
    return order < 0 ? -1 : (order > 0 ? 1 : 0);
  }
  constexpr int kNumberRank = 4;  // "#N#"
  const std::size_t count =
      tokens_.size() > other.tokens_.size() ? tokens_.size() : other.tokens_.size();
  for (std::size_t i = 0; i < count; ++i) {
    int order = 0;
    if (i >= tokens_.size()) {
      const Token& right = other.tokens_[i];
      order = right.number ? -1 : sign(kNumberRank - right.rank);
    } else if (i >= other.tokens_.size()) {
      const Token& left = tokens_[i];
      order = left.number ? 1 : sign(left.rank - kNumberRank);
    } else {
      const Token& left = tokens_[i];
      const Token& right = other.tokens_[i];
      if (left.number && right.number) {
        order = left.value < right.value ? -1 : (left.value > right.value ? 1 : 0);
      } else if (!left.number && !right.number) {
        order = sign(left.rank - right.rank);
      } else if (left.number) {
        order = sign(kNumberRank - right.rank);
      } else {
        order = sign(left.rank - kNumberRank);
      }
    }
    if (order != 0) {
      return order;
    }
  }
  return 0;
}

}  // namespace assay::version
