// RFC 3339 date-time parsing and instant comparison.
#include "assay/version/schemes/datetime.h"

#include "assay/core/strings.h"
#include "assay/version/internal/text.h"

namespace assay::version {

namespace {

tl::unexpected<Error> invalid(std::string what) {
  return fail(ErrorCode::kInvalidInput, "invalid RFC 3339 timestamp: " + std::move(what));
}

// Reads exactly `count` digits at `position`; -1 when they are not all digits.
int read_digits(std::string_view text, std::size_t position, std::size_t count) {
  if (position + count > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[position + i];
    if (!is_ascii_digit(c)) {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Days from 1970-01-01 to the given proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, std::int64_t month, std::int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

bool expect(std::string_view text, std::size_t position, char c) {
  return position < text.size() && text[position] == c;
}

}  // namespace

Result<DatetimeVersion> DatetimeVersion::parse(std::string_view text) {
  const int year = read_digits(text, 0, 4);
  if (year < 0 || !expect(text, 4, '-')) {
    return invalid("expected the year as YYYY- at the start");
  }
  const int month = read_digits(text, 5, 2);
  if (month < 1 || month > 12 || !expect(text, 7, '-')) {
    return invalid("expected the month 01-12 as MM- at byte 5");
  }
  const int day = read_digits(text, 8, 2);
  if (day < 1 || day > days_in_month(year, month)) {
    return invalid("day at byte 8 is not a day of " + std::to_string(year) + "-" +
                   (month < 10 ? "0" : "") + std::to_string(month));
  }
  DatetimeVersion version;
  if (expect(text, 10, 't')) {
    version.upper_case_ = false;
  } else if (!expect(text, 10, 'T')) {
    return invalid("expected 'T' between date and time at byte 10");
  }
  const int hour = read_digits(text, 11, 2);
  if (hour < 0 || hour > 23 || !expect(text, 13, ':')) {
    return invalid("expected the hour 00-23 as hh: at byte 11");
  }
  const int minute = read_digits(text, 14, 2);
  if (minute < 0 || minute > 59 || !expect(text, 16, ':')) {
    return invalid("expected the minute 00-59 as mm: at byte 14");
  }
  const int second = read_digits(text, 17, 2);
  if (second < 0 || second > 60) {
    return invalid("expected the second 00-60 at byte 17");
  }
  std::size_t position = 19;
  std::size_t fraction_begin = 0;
  std::size_t fraction_size = 0;
  if (expect(text, position, '.')) {
    ++position;
    fraction_begin = position;
    const std::size_t digits = internal::digit_run(text, position);
    if (digits == 0) {
      return invalid("expected digits after '.' at byte " + std::to_string(position));
    }
    position += digits;
    fraction_size = digits;
    while (fraction_size > 0 && text[fraction_begin + fraction_size - 1] == '0') {
      --fraction_size;
    }
  }
  std::int64_t offset_seconds = 0;
  if (expect(text, position, 'Z') || expect(text, position, 'z')) {
    version.upper_case_ = version.upper_case_ && text[position] == 'Z';
    ++position;
  } else if (expect(text, position, '+') || expect(text, position, '-')) {
    const bool negative = text[position] == '-';
    const int offset_hour = read_digits(text, position + 1, 2);
    const int offset_minute = read_digits(text, position + 4, 2);
    if (offset_hour < 0 || offset_hour > 23 || !expect(text, position + 3, ':') ||
        offset_minute < 0 || offset_minute > 59) {
      return invalid("expected the offset as +hh:mm or -hh:mm at byte " + std::to_string(position));
    }
    offset_seconds =
        (std::int64_t{offset_hour} * 3600 + std::int64_t{offset_minute} * 60) * (negative ? -1 : 1);
    position += 6;
  } else {
    return invalid("expected 'Z' or an offset +hh:mm/-hh:mm at byte " + std::to_string(position));
  }
  if (position != text.size()) {
    return invalid("unexpected text after the offset at byte " + std::to_string(position));
  }
  version.text_ = std::string(text);
  version.seconds_ = days_from_civil(year, month, day) * 86400 + std::int64_t{hour} * 3600 +
                     std::int64_t{minute} * 60 + second - offset_seconds;
  version.fraction_begin_ = fraction_begin;
  version.fraction_size_ = fraction_size;
  return version;
}

int DatetimeVersion::compare(const DatetimeVersion& other) const noexcept {
  if (seconds_ != other.seconds_) {
    return seconds_ < other.seconds_ ? -1 : 1;
  }
  // Fractions without trailing zeros compare like decimals as plain digit strings.
  return internal::compare_bytes(
      std::string_view(text_).substr(fraction_begin_, fraction_size_),
      std::string_view(other.text_).substr(other.fraction_begin_, other.fraction_size_));
}

}  // namespace assay::version
