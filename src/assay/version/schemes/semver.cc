// SemVer 2.0.0 and its flavours: kSemver, kNpm, kCargo, kHex, kPub. Each flavour accepts exactly
// what its reference implementation accepts; see docs/formats/versions.md.
#include "assay/version/schemes/semver.h"

#include <cstring>
#include <limits>

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

constexpr std::size_t kNpmMaxLength = 256;                           // node-semver MAX_LENGTH
constexpr std::string_view kNpmMaxSafeInteger = "9007199254740991";  // Number.MAX_SAFE_INTEGER
constexpr std::string_view kUint64Max = "18446744073709551615";      // Rust u64
constexpr std::string_view kInt64Max = "9223372036854775807";        // Dart int

std::string_view flavour_name(Scheme flavour) {
  switch (flavour) {
    case Scheme::kNpm:
      return "npm";
    case Scheme::kCargo:
      return "Cargo";
    case Scheme::kHex:
      return "Hex";
    case Scheme::kPub:
      return "pub";
    default:
      return "SemVer";
  }
}

// Byte length of the UTF-8 encoded character at the start of `text` when it is one of the
// characters JavaScript's String.prototype.trim removes; 0 otherwise.
std::size_t js_space_at(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const std::size_t left = text.size() - pos;
  if (left == 0) {
    return 0;
  }
  const unsigned char c = byte(0);
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) {
    return 1;
  }
  if (c == 0xc2 && left >= 2 && byte(1) == 0xa0) {
    return 2;  // U+00A0
  }
  if (left < 3) {
    return 0;
  }
  const unsigned code = (static_cast<unsigned>(c & 0x0f) << 12) |
                        (static_cast<unsigned>(byte(1) & 0x3f) << 6) | (byte(2) & 0x3fU);
  if ((c & 0xf0) != 0xe0 || (byte(1) & 0xc0) != 0x80 || (byte(2) & 0xc0) != 0x80) {
    return 0;
  }
  const bool space = code == 0x1680 || (code >= 0x2000 && code <= 0x200a) || code == 0x2028 ||
                     code == 0x2029 || code == 0x202f || code == 0x205f || code == 0x3000 ||
                     code == 0xfeff;
  return space ? 3 : 0;
}

std::string_view js_trim(std::string_view text) {
  std::size_t begin = 0;
  while (std::size_t n = js_space_at(text, begin)) {
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t n = 0;
    for (std::size_t width : {1U, 2U, 3U}) {
      if (end - begin >= width && js_space_at(text, end - width) == width) {
        n = width;
        break;
      }
    }
    if (n == 0) {
      break;
    }
    end -= n;
  }
  return text.substr(begin, end - begin);
}

// String length in UTF-16 code units, as JavaScript's .length counts it.
std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xc0) != 0x80) {
      units += c >= 0xf0 ? 2 : 1;
    }
  }
  return units;
}

bool is_identifier_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

// Dart's int.tryParse on a pre-release or build identifier: an optional sign, then decimal digits
// or "0x" and hex digits (hex values up to 2^64-1 wrap to negative, as on the Dart VM).
bool dart_try_parse_int(std::string_view text, std::int64_t& value) {
  bool negative = false;
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty()) {
    return false;
  }
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    text.remove_prefix(2);
    if (text.empty()) {
      return false;
    }
    std::uint64_t magnitude = 0;
    for (const char c : text) {
      unsigned digit = 0;
      if (is_ascii_digit(c)) {
        digit = static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<unsigned>(c - 'A' + 10);
      } else {
        return false;
      }
      if (magnitude > (std::numeric_limits<std::uint64_t>::max() >> 4)) {
        return false;
      }
      magnitude = (magnitude << 4) | digit;
    }
    const std::uint64_t bits = negative ? (~magnitude + 1) : magnitude;
    std::memcpy(&value, &bits, sizeof value);
    return true;
  }
  if (!all_digits(text)) {
    return false;
  }
  std::uint64_t magnitude = 0;
  constexpr std::uint64_t kLimit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  for (const char c : text) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (magnitude > (kLimit + 1 - digit) / 10) {
      return false;
    }
    magnitude = magnitude * 10 + digit;
  }
  if (!negative && magnitude > kLimit) {
    return false;
  }
  if (negative) {
    const std::uint64_t bits = ~magnitude + 1;
    std::memcpy(&value, &bits, sizeof value);
  } else {
    value = static_cast<std::int64_t>(magnitude);
  }
  return true;
}

int compare_bytes(std::string_view a, std::string_view b) {
  const int order = a.compare(b);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

std::string_view SemverVersion::prerelease() const {
  if (pre_.empty()) {
    return {};
  }
  const Part& last = pre_.back();
  return std::string_view(text_).substr(pre_begin_, last.begin + last.size - pre_begin_);
}

std::string_view SemverVersion::build() const {
  if (build_.empty()) {
    return {};
  }
  const Part& last = build_.back();
  return std::string_view(text_).substr(build_begin_, last.begin + last.size - build_begin_);
}

Result<SemverVersion> SemverVersion::parse(Scheme flavour, std::string_view text) {
  if (flavour != Scheme::kNpm && flavour != Scheme::kCargo && flavour != Scheme::kHex &&
      flavour != Scheme::kPub) {
    flavour = Scheme::kSemver;
  }
  const std::string name(flavour_name(flavour));
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                name + " version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  std::string_view body = text;
  if (flavour == Scheme::kNpm) {
    // node-semver checks the length before trimming, in UTF-16 code units.
    if (utf16_length(text) > kNpmMaxLength) {
      return fail(ErrorCode::kInvalidInput, "npm version is longer than 256 characters");
    }
    body = js_trim(text);
    if (!body.empty() && body[0] == 'v') {
      body.remove_prefix(1);
    }
  }
  if (body.empty()) {
    return fail(ErrorCode::kInvalidInput, name + " version is empty");
  }

  SemverVersion version;
  version.flavour_ = flavour;
  version.text_ = std::string(body);
  const std::string& s = version.text_;
  std::size_t pos = 0;

  auto number = [&](std::string_view what, Part& part) -> Result<bool> {
    const std::size_t begin = pos;
    while (pos < s.size() && is_ascii_digit(s[pos])) {
      ++pos;
    }
    if (pos == begin) {
      return fail(ErrorCode::kInvalidInput, name + " version needs a " + std::string(what) +
                                                " number at byte " + std::to_string(begin + 1));
    }
    const std::string_view digits = std::string_view(s).substr(begin, pos - begin);
    if (flavour != Scheme::kPub && digits.size() > 1 && digits[0] == '0') {
      return fail(ErrorCode::kInvalidInput,
                  name + " version has a leading zero in its " + std::string(what) + " number");
    }
    std::string_view limit;
    if (flavour == Scheme::kNpm) {
      limit = kNpmMaxSafeInteger;
    } else if (flavour == Scheme::kCargo) {
      limit = kUint64Max;
    } else if (flavour == Scheme::kPub) {
      limit = kInt64Max;
    }
    if (!limit.empty() && compare_numeric_strings(digits, limit) > 0) {
      return fail(ErrorCode::kInvalidInput, name + " version's " + std::string(what) +
                                                " number is larger than " + std::string(limit));
    }
    part =
        Part{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(pos - begin), true, 0};
    return true;
  };
  auto dot = [&](std::string_view after) -> Result<bool> {
    if (pos >= s.size() || s[pos] != '.') {
      return fail(ErrorCode::kInvalidInput, name + " version needs \".\" after the " +
                                                std::string(after) + " number at byte " +
                                                std::to_string(pos + 1));
    }
    ++pos;
    return true;
  };
  ASSAY_TRY_VOID(number("major", version.major_));
  ASSAY_TRY_VOID(dot("major"));
  ASSAY_TRY_VOID(number("minor", version.minor_));
  ASSAY_TRY_VOID(dot("minor"));
  ASSAY_TRY_VOID(number("patch", version.patch_));

  // Dot-separated identifiers of [0-9A-Za-z-]; `pre` marks pre-release identifiers.
  auto identifiers = [&](bool pre, std::vector<Part>& parts) -> Result<bool> {
    const std::string_view what = pre ? "pre-release" : "build metadata";
    while (true) {
      const std::size_t begin = pos;
      while (pos < s.size() && is_identifier_char(s[pos])) {
        ++pos;
      }
      if (pos == begin) {
        return fail(ErrorCode::kInvalidInput, name + " version has an empty or invalid " +
                                                  std::string(what) + " identifier at byte " +
                                                  std::to_string(begin + 1));
      }
      const std::string_view id = std::string_view(s).substr(begin, pos - begin);
      Part part{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(id.size()), false, 0};
      if (flavour == Scheme::kPub) {
        part.numeric = dart_try_parse_int(id, part.value);
      } else {
        part.numeric = all_digits(id);
        if (pre && part.numeric && id.size() > 1 && id[0] == '0') {
          return fail(ErrorCode::kInvalidInput, name +
                                                    " version has a leading zero in the "
                                                    "numeric pre-release identifier \"" +
                                                    std::string(id) + "\"");
        }
      }
      parts.push_back(part);
      if (pos < s.size() && s[pos] == '.') {
        ++pos;
        continue;
      }
      return true;
    }
  };
  if (pos < s.size() && s[pos] == '-') {
    ++pos;
    version.pre_begin_ = static_cast<std::uint32_t>(pos);
    ASSAY_TRY_VOID(identifiers(true, version.pre_));
  }
  if (pos < s.size() && s[pos] == '+') {
    ++pos;
    version.build_begin_ = static_cast<std::uint32_t>(pos);
    ASSAY_TRY_VOID(identifiers(false, version.build_));
  }
  if (pos != s.size()) {
    return fail(ErrorCode::kInvalidInput, name + " version has an unexpected " +
                                              quote(s.substr(pos, 1)) + " at byte " +
                                              std::to_string(pos + 1));
  }
  return version;
}

int SemverVersion::compare_parts(const std::vector<Part>& mine, const SemverVersion& other,
                                 const std::vector<Part>& theirs) const noexcept {
  const std::size_t common = mine.size() < theirs.size() ? mine.size() : theirs.size();
  for (std::size_t i = 0; i < common; ++i) {
    const Part& a = mine[i];
    const Part& b = theirs[i];
    int order = 0;
    if (a.numeric && b.numeric) {
      if (flavour_ == Scheme::kPub) {
        order = a.value < b.value ? -1 : (a.value > b.value ? 1 : 0);
      } else {
        order = compare_numeric_strings(view(a), other.view(b));
      }
    } else if (a.numeric != b.numeric) {
      order = a.numeric ? -1 : 1;  // numbers before strings
    } else {
      order = compare_bytes(view(a), other.view(b));
    }
    if (order != 0) {
      return order < 0 ? -1 : 1;
    }
  }
  if (mine.size() == theirs.size()) {
    return 0;
  }
  return mine.size() < theirs.size() ? -1 : 1;
}

int SemverVersion::compare(const SemverVersion& other) const noexcept {
  for (const auto member :
       {&SemverVersion::major_, &SemverVersion::minor_, &SemverVersion::patch_}) {
    const int order = compare_numeric_strings(view(this->*member), other.view(other.*member));
    if (order != 0) {
      return order < 0 ? -1 : 1;
    }
  }
  if (pre_.empty() != other.pre_.empty()) {
    return pre_.empty() ? 1 : -1;  // a pre-release precedes its release
  }
  const int pre_order = compare_parts(pre_, other, other.pre_);
  if (pre_order != 0 || flavour_ != Scheme::kPub) {
    return pre_order;
  }
  // pub_semver: a version without build metadata precedes one with it.
  if (build_.empty() != other.build_.empty()) {
    return build_.empty() ? -1 : 1;
  }
  return compare_parts(build_, other, other.build_);
}

namespace {

// A version read in place: views into the caller's text.
struct LightVersion {
  static constexpr std::size_t kMaxPre = 8;
  std::string_view major, minor, patch;
  std::string_view pre[kMaxPre];
  bool numeric[kMaxPre] = {};
  std::size_t pre_count = 0;
};

// The same grammar as SemverVersion::parse for kSemver, kNpm, kCargo and kHex.
bool light_parse(Scheme flavour, std::string_view text, LightVersion& out) noexcept {
  if (text.size() > kNpmMaxLength || text.empty()) {
    return false;  // the full path handles long input (and npm's exact length rule)
  }
  std::string_view s = text;
  if (flavour == Scheme::kNpm) {
    const auto front = static_cast<unsigned char>(s.front());
    const auto back = static_cast<unsigned char>(s.back());
    if (front <= ' ' || front >= 0x80 || back <= ' ' || back >= 0x80) {
      s = js_trim(text);
    }
    if (!s.empty() && s[0] == 'v') {
      s.remove_prefix(1);
    }
  }
  const char* p = s.data();
  const char* const end = p + s.size();
  // Numbers have no leading zeros here, so the digit count bounds the value.
  const std::size_t max_digits =
      flavour == Scheme::kNpm ? 16 : (flavour == Scheme::kCargo ? 20 : 0);
  const std::string_view limit = flavour == Scheme::kNpm ? kNpmMaxSafeInteger : kUint64Max;
  auto number = [&](std::string_view& part) {
    const char* begin = p;
    while (p != end && static_cast<unsigned>(*p - '0') < 10U) {
      ++p;
    }
    const auto size = static_cast<std::size_t>(p - begin);
    if (size == 0 || (size > 1 && *begin == '0')) {
      return false;
    }
    part = std::string_view(begin, size);
    if (max_digits != 0 && size >= max_digits) {
      return size == max_digits && compare_numeric_strings(part, limit) <= 0;
    }
    return true;
  };
  auto dot = [&]() {
    if (p != end && *p == '.') {
      ++p;
      return true;
    }
    return false;
  };
  if (!number(out.major) || !dot() || !number(out.minor) || !dot() || !number(out.patch)) {
    return false;
  }
  auto identifiers = [&](bool pre) {
    while (true) {
      const char* begin = p;
      bool numeric = true;
      while (p != end) {
        const char c = *p;
        if (static_cast<unsigned>(c - '0') < 10U) {
          ++p;
        } else if (is_ascii_alpha(c) || c == '-') {
          numeric = false;
          ++p;
        } else {
          break;
        }
      }
      const auto size = static_cast<std::size_t>(p - begin);
      if (size == 0) {
        return false;
      }
      if (pre) {
        if (numeric && size > 1 && *begin == '0') {
          return false;
        }
        if (out.pre_count == LightVersion::kMaxPre) {
          return false;
        }
        out.pre[out.pre_count] = std::string_view(begin, size);
        out.numeric[out.pre_count] = numeric;
        ++out.pre_count;
      }
      if (p != end && *p == '.') {
        ++p;
        continue;
      }
      return true;
    }
  };
  if (p != end && *p == '-') {
    ++p;
    if (!identifiers(true)) {
      return false;
    }
  }
  if (p != end && *p == '+') {
    ++p;
    if (!identifiers(false)) {
      return false;
    }
  }
  return p == end;
}

// Numbers without leading zeros: the longer is larger, else byte order.
int compare_plain_numbers(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return a.size() < b.size() ? -1 : 1;
  }
  const int order = a.compare(b);
  return order < 0 ? -1 : (order > 0 ? 1 : 0);
}

}  // namespace

std::optional<int> SemverVersion::compare_text(Scheme flavour, std::string_view a,
                                               std::string_view b) noexcept {
  if (flavour != Scheme::kSemver && flavour != Scheme::kNpm && flavour != Scheme::kCargo &&
      flavour != Scheme::kHex) {
    return std::nullopt;
  }
  LightVersion x;
  LightVersion y;
  if (!light_parse(flavour, a, x) || !light_parse(flavour, b, y)) {
    return std::nullopt;
  }
  if (int order = compare_plain_numbers(x.major, y.major); order != 0) {
    return order;
  }
  if (int order = compare_plain_numbers(x.minor, y.minor); order != 0) {
    return order;
  }
  if (int order = compare_plain_numbers(x.patch, y.patch); order != 0) {
    return order;
  }
  if ((x.pre_count == 0) != (y.pre_count == 0)) {
    return x.pre_count == 0 ? 1 : -1;
  }
  const std::size_t common = x.pre_count < y.pre_count ? x.pre_count : y.pre_count;
  for (std::size_t i = 0; i < common; ++i) {
    int order = 0;
    if (x.numeric[i] && y.numeric[i]) {
      order = compare_plain_numbers(x.pre[i], y.pre[i]);
    } else if (x.numeric[i] != y.numeric[i]) {
      order = x.numeric[i] ? -1 : 1;
    } else {
      order = compare_bytes(x.pre[i], y.pre[i]);
    }
    if (order != 0) {
      return order < 0 ? -1 : 1;
    }
  }
  if (x.pre_count == y.pre_count) {
    return 0;
  }
  return x.pre_count < y.pre_count ? -1 : 1;
}

}  // namespace assay::version
