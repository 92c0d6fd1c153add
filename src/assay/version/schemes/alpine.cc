// Alpine versions: a transcription of apk-tools 2 src/version.c (next_token, get_token,
// apk_version_validate, apk_version_compare_blob_fuzzy), written from its behaviour and test
// data (test/version.data).
#include "assay/version/schemes/alpine.h"

#include <array>
#include <cstdint>

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

// apk-tools 2's token kinds; the numeric order matters (it is compared).
enum Token : int {
  kInvalid = -1,
  kDigitOrZero = 0,  // a number after '.', which may carry leading zeros
  kDigit,
  kLetter,
  kSuffix,
  kSuffixNo,
  kRevisionNo,
  kEnd,
};

// The unread rest of a version.
struct Cursor {
  std::string_view text;
  std::size_t position = 0;

  std::size_t left() const { return text.size() - position; }
  char at(std::size_t offset) const { return internal::char_at(text, position + offset); }
};

void next_token(int& type, Cursor& cursor) {
  int next = kInvalid;
  const char c = cursor.at(0);
  if (cursor.left() == 0 || c == '\0') {
    next = kEnd;
  } else if ((type == kDigit || type == kDigitOrZero) && is_ascii_lower(c)) {
    next = kLetter;
  } else if (type == kLetter && is_ascii_digit(c)) {
    next = kDigit;
  } else if (type == kSuffix && is_ascii_digit(c)) {
    next = kSuffixNo;
  } else {
    switch (c) {
      case '.':
        next = kDigitOrZero;
        break;
      case '_':
        next = kSuffix;
        break;
      case '-':
        if (cursor.left() > 1 && cursor.at(1) == 'r') {
          next = kRevisionNo;
          ++cursor.position;
        }
        break;
      default:
        break;
    }
    ++cursor.position;
  }
  if (next < type) {
    const bool allowed = (next == kDigitOrZero && type == kDigit) ||
                         (next == kSuffix && type == kSuffixNo) ||
                         (next == kDigit && type == kLetter);
    if (!allowed) {
      next = kInvalid;
    }
  }
  type = next;
}

// Reads the token of kind `type` at the cursor, returns its value and sets `type` to the kind of
// the following token.
std::int64_t get_token(int& type, Cursor& cursor) {
  static constexpr std::array<std::string_view, 4> kPreSuffixes{"alpha", "beta", "pre", "rc"};
  static constexpr std::array<std::string_view, 5> kPostSuffixes{"cvs", "svn", "git", "hg", "p"};
  if (cursor.left() == 0) {
    type = kEnd;
    return 0;
  }
  std::size_t length = 0;
  int following = kInvalid;
  std::int64_t value = 0;
  bool number = false;
  switch (type) {
    case kDigitOrZero:
      if (cursor.at(0) == '0') {
        // Leading zeros: all but the last are consumed here and counted (negatively); the rest
        // is read as a plain number.
        while (length + 1 < cursor.left() && cursor.at(length + 1) == '0') {
          ++length;
        }
        following = kDigit;
        value = -static_cast<std::int64_t>(length);
        break;
      }
      number = true;
      break;
    case kDigit:
    case kSuffixNo:
    case kRevisionNo:
      number = true;
      break;
    case kLetter:
      value = static_cast<unsigned char>(cursor.at(0));
      length = 1;
      break;
    case kSuffix: {
      bool found = false;
      for (std::size_t i = 0; i < kPreSuffixes.size() && !found; ++i) {
        if (cursor.text.substr(cursor.position, kPreSuffixes[i].size()) == kPreSuffixes[i]) {
          value = static_cast<std::int64_t>(i) - static_cast<std::int64_t>(kPreSuffixes.size());
          length = kPreSuffixes[i].size();
          found = true;
        }
      }
      for (std::size_t i = 0; i < kPostSuffixes.size() && !found; ++i) {
        if (cursor.text.substr(cursor.position, kPostSuffixes[i].size()) == kPostSuffixes[i]) {
          value = static_cast<std::int64_t>(i);
          length = kPostSuffixes[i].size();
          found = true;
        }
      }
      if (!found) {
        type = kInvalid;
        return -1;
      }
      break;
    }
    default:
      type = kInvalid;
      return -1;
  }
  if (number) {
    while (length < cursor.left() && is_ascii_digit(cursor.at(length))) {
      if (length < 18) {
        value = value * 10 + (cursor.at(length) - '0');
      }
      ++length;
    }
    if (length >= 18) {
      type = kInvalid;
      return -1;
    }
  }
  cursor.position += length;
  if (cursor.left() == 0) {
    type = kEnd;
  } else if (following != kInvalid) {
    type = following;
  } else {
    next_token(type, cursor);
  }
  return value;
}

}  // namespace

Result<AlpineVersion> AlpineVersion::parse(std::string_view text) {
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid Alpine version: version is empty");
  }
  const std::size_t nul = text.find('\0');
  if (nul != std::string_view::npos) {
    return fail(ErrorCode::kInvalidInput,
                "invalid Alpine version: NUL byte at byte " + std::to_string(nul));
  }
  Cursor cursor{text, 0};
  int type = kDigit;
  std::size_t token_start = 0;
  while (type != kEnd && type != kInvalid) {
    token_start = cursor.position;
    get_token(type, cursor);
  }
  if (type == kInvalid) {
    // The token that failed starts at token_start or, when a separator went wrong, just
    // before the cursor.
    const std::size_t where = cursor.position > token_start ? cursor.position - 1 : token_start;
    const std::size_t digits = internal::digit_run(text, token_start);
    std::string reason;
    if (digits >= 18) {
      reason = "the number at byte " + std::to_string(token_start) +
               " has 18 or more digits, which apk-tools does not accept";
    } else if ((where < text.size() && text[where] == '_') ||
               (where > 0 && text[where - 1] == '_')) {
      reason = "unknown suffix at byte " + std::to_string(text[where] == '_' ? where : where - 1) +
               " (suffixes are _alpha, _beta, _pre, _rc, _cvs, _svn, _git, _hg and _p)";
    } else {
      reason = "unexpected " + internal::describe_byte(text, where) +
               " (expected digits{.digits}[letter]{_suffix[digits]}[-r digits])";
    }
    return fail(ErrorCode::kInvalidInput, "invalid Alpine version: " + reason);
  }
  AlpineVersion version;
  version.text_ = std::string(text);
  return version;
}

int AlpineVersion::compare(const AlpineVersion& other) const noexcept {
  Cursor a{text_, 0};
  Cursor b{other.text_, 0};
  int at = kDigit;
  int bt = kDigit;
  std::int64_t av = 0;
  std::int64_t bv = 0;
  while (at == bt && at != kEnd && at != kInvalid && av == bv) {
    av = get_token(at, a);
    bv = get_token(bt, b);
  }
  if (av != bv) {
    return av < bv ? -1 : 1;
  }
  if (at == bt) {
    return 0;
  }
  // Equal so far: what follows decides. A pre-release suffix is older than the end.
  int probe = at;
  if (at == kSuffix && get_token(probe, a) < 0) {
    return -1;
  }
  probe = bt;
  if (bt == kSuffix && get_token(probe, b) < 0) {
    return 1;
  }
  if (at > bt) {
    return -1;
  }
  if (bt > at) {
    return 1;
  }
  return 0;
}

}  // namespace assay::version
