// RFC 3339 timestamps used as versions (vers 'datetime'): ordered by the instant they name.
#ifndef ASSAY_VERSION_SCHEMES_DATETIME_H_
#define ASSAY_VERSION_SCHEMES_DATETIME_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class DatetimeVersion {
 public:
  // Parses an RFC 3339 section 5.6 date-time: YYYY-MM-DD"T"hh:mm:ss[.fraction]("Z"|+hh:mm|
  // -hh:mm), with 'T' and 'Z' in either case as the RFC allows. Checks the calendar (month
  // lengths, leap years), hours 00-23, minutes 00-59, seconds 00-60 and offsets below 24 hours.
  // Fails with kInvalidInput naming the field.
  [[nodiscard]] static Result<DatetimeVersion> parse(std::string_view text);

  // <0, 0 or >0 by the instant: the same moment written with different offsets or fraction
  // lengths is equal ("2024-01-01T00:00:00Z" == "2023-12-31T19:00:00-05:00" ==
  // "2024-01-01T00:00:00.000Z"). A leap second 23:59:60 equals the next minute's :00. Fractions
  // compare at full precision. A total order. Never allocates.
  int compare(const DatetimeVersion& other) const noexcept;

  // Seconds since 1970-01-01T00:00:00Z (negative before).
  std::int64_t unix_seconds() const { return seconds_; }
  // True when the text uses the upper-case 'T' and 'Z' that vers requires in canonical form.
  bool is_upper_case() const { return upper_case_; }

 private:
  std::string text_;
  std::int64_t seconds_ = 0;
  std::size_t fraction_begin_ = 0;
  std::size_t fraction_size_ = 0;  // without trailing zeros
  bool upper_case_ = true;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_DATETIME_H_
