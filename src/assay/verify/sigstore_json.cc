// Protobuf-JSON reading helpers shared by the Sigstore, Rekor and DSSE parsers.
#include "assay/verify/sigstore_json.h"

#include <limits>

#include "assay/core/strings.h"
#include "assay/verify/crypto.h"
#include "assay/verify/x509.h"

namespace assay::verify::sigstore {

namespace {

bool is_leap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

// Reads exactly `count` digits at `offset`.
std::optional<unsigned> digits_at(std::string_view text, std::size_t offset, std::size_t count) {
  if (offset + count > text.size()) {
    return std::nullopt;
  }
  unsigned value = 0;
  for (std::size_t index = offset; index < offset + count; ++index) {
    if (!is_ascii_digit(text[index])) {
      return std::nullopt;
    }
    value = value * 10 + static_cast<unsigned>(text[index] - '0');
  }
  return value;
}

tl::unexpected<Error> bad_timestamp(std::string_view text, std::string_view why) {
  return fail(ErrorCode::kInvalidInput,
              "timestamp " + quote(text) + " is not RFC 3339 (" + std::string(why) + ")");
}

Result<std::int64_t> int64_from_text(std::string_view text, const json::Reader& member) {
  std::string_view digits = text;
  const bool negative = !digits.empty() && digits.front() == '-';
  if (negative) {
    digits.remove_prefix(1);
  }
  const std::optional<std::uint64_t> magnitude = parse_uint64(digits);
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1U : 0U);
  if (!magnitude || *magnitude > limit) {
    return fail(ErrorCode::kInvalidInput, "expected a 64-bit integer, found " + quote(text),
                member.location());
  }
  if (negative) {
    return *magnitude == limit ? std::numeric_limits<std::int64_t>::min()
                               : -static_cast<std::int64_t>(*magnitude);
  }
  return static_cast<std::int64_t>(*magnitude);
}

}  // namespace

Result<void> require_members_in(const json::Reader& object,
                                std::initializer_list<std::string_view> allowed) {
  if (!object.node().is_object()) {
    return tl::unexpected(object.type_error("object"));
  }
  for (const auto& member : object.node().items()) {
    bool known = false;
    for (std::string_view name : allowed) {
      known = known || member.key() == name;
    }
    if (!known) {
      std::string expected;
      for (std::string_view name : allowed) {
        expected += (expected.empty() ? "" : ", ") + std::string(name);
      }
      return fail(ErrorCode::kInvalidInput,
                  "unknown member " + quote(member.key()) + " (expected one of: " + expected + ")",
                  object.location(member.key()));
    }
  }
  return {};
}

Result<json::Reader> get_object(const json::Reader& parent, std::string_view key) {
  ASSAY_TRY(json::Reader member, parent.at(key));
  if (!member.node().is_object()) {
    return tl::unexpected(member.type_error("object"));
  }
  return member;
}

Result<std::optional<json::Reader>> find_object(const json::Reader& parent, std::string_view key) {
  std::optional<json::Reader> member = parent.find(key);
  if (member && !member->node().is_object()) {
    return tl::unexpected(member->type_error("object"));
  }
  return member;
}

Result<std::vector<json::Reader>> get_array(const json::Reader& parent, std::string_view key,
                                            std::size_t max_elements) {
  std::vector<json::Reader> elements;
  const std::optional<json::Reader> member = parent.find(key);
  if (!member) {
    return elements;
  }
  if (!member->node().is_array()) {
    return tl::unexpected(member->type_error("array"));
  }
  if (member->node().size() > max_elements) {
    return fail(ErrorCode::kInvalidInput,
                "array has " + std::to_string(member->node().size()) +
                    " elements, over the limit of " + std::to_string(max_elements),
                member->location());
  }
  elements.reserve(member->node().size());
  for (std::size_t index = 0; index < member->node().size(); ++index) {
    ASSAY_TRY(json::Reader element, member->at(index));
    elements.push_back(std::move(element));
  }
  return elements;
}

Result<std::string> get_bytes(const json::Reader& parent, std::string_view key, bool allow_empty) {
  ASSAY_TRY(const json::Reader member, parent.at(key));
  ASSAY_TRY(const std::string text, member.as_string());
  auto decoded = crypto::base64_decode_any(text);
  if (!decoded) {
    // The field's name is put into the message only now: this runs for every bytes field.
    const std::string& message = decoded.error().message;
    constexpr std::string_view kGeneric = "base64 text";
    return fail(decoded.error().code,
                quote(key) + (message.rfind(kGeneric, 0) == 0 ? message.substr(kGeneric.size())
                                                              : ": " + message),
                member.location());
  }
  if (decoded->empty() && !allow_empty) {
    return fail(ErrorCode::kInvalidInput, quote(key) + " is empty", member.location());
  }
  return std::move(*decoded);
}

Result<std::optional<std::string>> find_bytes(const json::Reader& parent, std::string_view key) {
  if (!parent.find(key)) {
    return std::optional<std::string>();
  }
  ASSAY_TRY(std::string bytes, get_bytes(parent, key, /*allow_empty=*/true));
  return std::optional<std::string>(std::move(bytes));
}

Result<std::int64_t> get_int64(const json::Reader& parent, std::string_view key) {
  ASSAY_TRY(const json::Reader member, parent.at(key));
  const json::Json& node = member.node();
  if (node.is_string()) {
    return int64_from_text(node.get_ref<const std::string&>(), member);
  }
  if (node.is_number_integer()) {
    if (node.is_number_unsigned() &&
        node.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return fail(ErrorCode::kInvalidInput, "integer is too large for 64 bits", member.location());
    }
    return node.get<std::int64_t>();
  }
  return tl::unexpected(member.type_error("integer (number or decimal string)"));
}

Result<std::optional<std::int64_t>> find_int64(const json::Reader& parent, std::string_view key) {
  if (!parent.find(key)) {
    return std::optional<std::int64_t>();
  }
  ASSAY_TRY(const std::int64_t value, get_int64(parent, key));
  return std::optional<std::int64_t>(value);
}

Result<std::int64_t> parse_rfc3339(std::string_view text) {
  // YYYY-MM-DDThh:mm:ss[.fraction](Z|+hh:mm|-hh:mm)
  const auto year = digits_at(text, 0, 4);
  const auto month = digits_at(text, 5, 2);
  const auto day = digits_at(text, 8, 2);
  const auto hour = digits_at(text, 11, 2);
  const auto minute = digits_at(text, 14, 2);
  const auto second = digits_at(text, 17, 2);
  if (!year || !month || !day || !hour || !minute || !second || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return bad_timestamp(text, "expected YYYY-MM-DDThh:mm:ss");
  }
  if (*month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month) || *hour > 23 ||
      *minute > 59 || *second > 60) {
    return bad_timestamp(text, "a field is out of range");
  }
  std::size_t cursor = 19;
  if (cursor < text.size() && text[cursor] == '.') {
    ++cursor;
    const std::size_t fraction_start = cursor;
    while (cursor < text.size() && is_ascii_digit(text[cursor])) {
      ++cursor;
    }
    if (cursor == fraction_start || cursor - fraction_start > 9) {
      return bad_timestamp(text, "the fraction needs 1 to 9 digits");
    }
  }
  std::int64_t offset_seconds = 0;
  if (cursor < text.size() && (text[cursor] == 'Z' || text[cursor] == 'z')) {
    ++cursor;
  } else if (cursor < text.size() && (text[cursor] == '+' || text[cursor] == '-')) {
    const auto offset_hour = digits_at(text, cursor + 1, 2);
    const auto offset_minute = digits_at(text, cursor + 4, 2);
    if (!offset_hour || !offset_minute || text[cursor + 3] != ':' || *offset_hour > 23 ||
        *offset_minute > 59) {
      return bad_timestamp(text, "malformed UTC offset");
    }
    offset_seconds = (text[cursor] == '+' ? 1 : -1) *
                     (static_cast<std::int64_t>(*offset_hour) * 3600 + *offset_minute * 60);
    cursor += 6;
  } else {
    return bad_timestamp(text, "missing 'Z' or UTC offset");
  }
  if (cursor != text.size()) {
    return bad_timestamp(text, "trailing characters");
  }
  // A leap second (ss = 60) is folded onto the next second, as protobuf's Timestamp does.
  return x509::unix_time_from_civil(*year, *month, *day, *hour, *minute, *second) - offset_seconds;
}

std::string format_rfc3339(std::int64_t unix_seconds) {
  std::int64_t days = unix_seconds / 86400;
  std::int64_t rest = unix_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  // Civil date from days (H. Hinnant's algorithm).
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto day_of_era = static_cast<unsigned>(days - era * 146097);
  const unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const unsigned day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const unsigned shifted_month = (5 * day_of_year + 2) / 153;
  const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  const std::int64_t year =
      static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  auto two = [](std::int64_t value) { return (value < 10 ? "0" : "") + std::to_string(value); };
  std::string year_text = std::to_string(year);
  while (year_text.size() < 4) {
    year_text.insert(0, "0");
  }
  return year_text + "-" + two(month) + "-" + two(day) + "T" + two(rest / 3600) + ":" +
         two((rest / 60) % 60) + ":" + two(rest % 60) + "Z";
}

}  // namespace assay::verify::sigstore
