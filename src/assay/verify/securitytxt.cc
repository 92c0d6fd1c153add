// security.txt (RFC 9116) parsing and rule checks.
#include "assay/verify/securitytxt.h"

#include <array>
#include <utility>

#include "assay/core/strings.h"
#include "assay/core/utf8.h"

namespace assay::verify::securitytxt {

namespace {

constexpr std::string_view kBeginSigned = "-----BEGIN PGP SIGNED MESSAGE-----";
constexpr std::string_view kBeginSignature = "-----BEGIN PGP SIGNATURE-----";
constexpr std::string_view kEndSignature = "-----END PGP SIGNATURE-----";
constexpr std::int64_t kSecondsPerDay = 86'400;

// ---------------------------------------------------------------------------------------------
// Dates (RFC 3339 section 5.6), on the proleptic Gregorian calendar.

bool is_leap(std::int64_t year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(std::int64_t year, int month) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t year, int month, int day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t year_of_era = year - era * 400;
  const std::int64_t day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t day_of_era =
      year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

Civil civil_from_days(std::int64_t days) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t mp = (5 * day_of_year + 2) / 153;
  const int day = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {year_of_era + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// `digits` ASCII digits at text[offset], or -1.
int read_number(std::string_view text, std::size_t offset, std::size_t digits) {
  if (offset + digits > text.size()) {
    return -1;
  }
  int value = 0;
  for (std::size_t index = 0; index < digits; ++index) {
    const char c = text[offset + index];
    if (!is_ascii_digit(c)) {
      return -1;
    }
    value = value * 10 + (c - '0');
  }
  return value;
}

// The same instant one calendar year later (29 February becomes 28 February).
std::int64_t one_calendar_year_after(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t second_of_day = seconds % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  const Civil date = civil_from_days(days);
  const std::int64_t year = date.year + 1;
  const int day = std::min(date.day, days_in_month(year, date.month));
  return days_from_civil(year, date.month, day) * kSecondsPerDay + second_of_day;
}

// ---------------------------------------------------------------------------------------------
// URIs (RFC 3986 syntax) and the scheme rules of each field.

bool is_hex(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_uri_char(char c) {
  if (is_ascii_alnum(c)) {
    return true;
  }
  constexpr std::string_view kAllowed = "-._~:/?#[]@!$&'()*+,;=";
  return kAllowed.find(c) != std::string_view::npos;
}

// Why `uri` is not an absolute URI usable in security.txt, or "" when it is.
std::string uri_problem(std::string_view uri) {
  const std::size_t colon = uri.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_ascii_alpha(uri[0])) {
    return "is not an absolute URI (it needs a scheme such as https:, mailto: or tel:)";
  }
  for (std::size_t index = 0; index < colon; ++index) {
    const char c = uri[index];
    if (!is_ascii_alnum(c) && c != '+' && c != '-' && c != '.') {
      return "is not an absolute URI (it needs a scheme such as https:, mailto: or tel:)";
    }
  }
  std::size_t hashes = 0;
  for (std::size_t index = 0; index < uri.size(); ++index) {
    const char c = uri[index];
    if (c == '%') {
      if (index + 2 >= uri.size() || !is_hex(uri[index + 1]) || !is_hex(uri[index + 2])) {
        return "has a '%' that is not followed by two hex digits";
      }
      index += 2;
      continue;
    }
    if (!is_uri_char(c)) {
      return "contains " + quote(std::string(1, c)) +
             ", which is not allowed in a URI (percent-encode it)";
    }
    hashes += c == '#' ? 1 : 0;
  }
  if (hashes > 1) {
    return "contains more than one '#'";
  }
  const std::string scheme = ascii_lower(uri.substr(0, colon));
  const std::string_view rest = uri.substr(colon + 1);
  if (rest.empty()) {
    return "has nothing after the scheme";
  }
  if (scheme == "http" || scheme == "https") {
    if (rest.substr(0, 2) != "//") {
      return "is not a web URL (expected " + scheme + "://host/...)";
    }
    std::string_view authority = rest.substr(2);
    authority = authority.substr(0, authority.find_first_of("/?#"));
    const std::size_t at = authority.rfind('@');
    if (at != std::string_view::npos) {
      authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
      const std::size_t close = host.find(']');
      if (close == std::string_view::npos) {
        return "has an unterminated IPv6 address";
      }
      const std::string_view after = host.substr(close + 1);
      if (!after.empty() && (after.front() != ':' || !all_digits(after.substr(1)))) {
        return "has an invalid port";
      }
      host = host.substr(0, close + 1);
    } else if (const std::size_t port = host.find(':'); port != std::string_view::npos) {
      const std::string_view digits = host.substr(port + 1);
      if (!digits.empty() && !all_digits(digits)) {
        return "has an invalid port";
      }
      host = host.substr(0, port);
    }
    if (host.empty() || host.find_first_of("[]") != std::string_view::npos) {
      return "has no host name";
    }
  } else if (scheme == "mailto") {
    const std::string_view address = rest.substr(0, rest.find_first_of("?#"));
    if (address.find('@') == std::string_view::npos) {
      return "is a mailto: URI without an email address";
    }
  }
  return {};
}

enum class FieldKind {
  kUnknown,
  kAcknowledgments,
  kCanonical,
  kContact,
  kCsaf,
  kEncryption,
  kExpires,
  kHiring,
  kPolicy,
  kPreferredLanguages,
};

FieldKind field_kind(std::string_view name) {
  struct Entry {
    std::string_view name;
    FieldKind kind;
  };
  constexpr std::array<Entry, 9> kRegistered = {{
      {"acknowledgments", FieldKind::kAcknowledgments},
      {"canonical", FieldKind::kCanonical},
      {"contact", FieldKind::kContact},
      {"csaf", FieldKind::kCsaf},
      {"encryption", FieldKind::kEncryption},
      {"expires", FieldKind::kExpires},
      {"hiring", FieldKind::kHiring},
      {"policy", FieldKind::kPolicy},
      {"preferred-languages", FieldKind::kPreferredLanguages},
  }};
  for (const Entry& entry : kRegistered) {
    if (ascii_iequals(name, entry.name)) {
      return entry.kind;
    }
  }
  return FieldKind::kUnknown;
}

// ---------------------------------------------------------------------------------------------
// Lines.

struct Line {
  std::string_view text;  // without the line ending; trailing whitespace kept
  std::size_t number = 0;
  bool bare_cr = false;    // a CR not followed by LF inside the line
  bool terminated = true;  // ended with LF
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    ++number;
    std::size_t end = text.find('\n', start);
    Line line;
    line.number = number;
    if (end == std::string_view::npos) {
      end = text.size();
      line.terminated = false;
    }
    std::string_view content = text.substr(start, end - start);
    if (line.terminated && !content.empty() && content.back() == '\r') {
      content.remove_suffix(1);
    }
    line.bare_cr = content.find('\r') != std::string_view::npos;
    line.text = content;
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view trim_trailing_wsp(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return text;
}

bool is_blank(std::string_view text) {
  return trim_trailing_wsp(text).empty();
}

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) {
    count += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1 : 0;
  }
  return count;
}

// The body lines of a syntactically complete cleartext-signed message, dash-unescaped, or nullopt
// when `lines` is not one (it is then read as an ordinary, unsigned file).
std::optional<std::vector<Line>> signed_body(const std::vector<Line>& lines) {
  if (lines.empty() || trim_trailing_wsp(lines[0].text) != kBeginSigned) {
    return std::nullopt;
  }
  std::size_t index = 1;
  std::size_t hash_headers = 0;
  while (index < lines.size() && lines[index].text.substr(0, 6) == "Hash: ") {
    ++hash_headers;
    ++index;
  }
  if (hash_headers == 0 || index >= lines.size() || !lines[index].text.empty()) {
    return std::nullopt;
  }
  ++index;
  std::vector<Line> body;
  while (index < lines.size() && trim_trailing_wsp(lines[index].text) != kBeginSignature) {
    Line line = lines[index];
    if (line.text.substr(0, 2) == "- ") {
      line.text.remove_prefix(2);
    }
    body.push_back(line);
    ++index;
  }
  if (index >= lines.size()) {
    return std::nullopt;
  }
  ++index;
  while (index < lines.size() && trim_trailing_wsp(lines[index].text) != kEndSignature) {
    ++index;
  }
  if (index >= lines.size()) {
    return std::nullopt;
  }
  for (++index; index < lines.size(); ++index) {
    if (!is_blank(lines[index].text)) {
      return std::nullopt;
    }
  }
  return body;
}

// RFC 5322 field-name: printable US-ASCII except ':'.
bool is_field_name(std::string_view name) {
  if (name.empty()) {
    return false;
  }
  for (const char c : name) {
    if (c < 33 || c > 126 || c == ':') {
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Language tags (RFC 5646 section 2.1).

bool all_alpha(std::string_view text) {
  for (const char c : text) {
    if (!is_ascii_alpha(c)) {
      return false;
    }
  }
  return !text.empty();
}

bool all_alnum(std::string_view text) {
  for (const char c : text) {
    if (!is_ascii_alnum(c)) {
      return false;
    }
  }
  return !text.empty();
}

bool is_grandfathered(std::string_view tag) {
  constexpr std::array<std::string_view, 26> kTags = {
      "en-gb-oed", "i-ami",     "i-bnn",     "i-default",  "i-enochian",  "i-hak",  "i-klingon",
      "i-lux",     "i-mingo",   "i-navajo",  "i-pwn",      "i-tao",       "i-tay",  "i-tsu",
      "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban", "cel-gaulish", "no-bok", "no-nyn",
      "zh-guoyu",  "zh-hakka",  "zh-min",    "zh-min-nan", "zh-xiang",
  };
  for (const std::string_view known : kTags) {
    if (ascii_iequals(tag, known)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// The parser.

class Parser {
 public:
  explicit Parser(std::int64_t now) : now_(now) {}

  Parsed run(std::string_view text) {
    if (text.size() > kMaxBytes) {
      error("SECTXT-SIZE",
            "the file is " + std::to_string(text.size()) + " bytes; the limit is " +
                std::to_string(kMaxBytes),
            0);
      return std::move(out_);
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
      error("SECTXT-BOM", "the file starts with a UTF-8 byte order mark; remove it", 1);
      text.remove_prefix(3);
    }
    if (const std::optional<std::size_t> bad = find_invalid_utf8(text)) {
      error("SECTXT-ENCODING",
            "the file is not valid UTF-8 (byte " + std::to_string(*bad + 1) + ")",
            line_column_at(text, *bad).line);
    }
    const std::vector<Line> lines = split_lines(text);
    for (const Line& line : lines) {
      if (line.bare_cr) {
        error("SECTXT-LINE-ENDING",
              "line contains a carriage return that does not end the line; lines must end with "
              "CRLF or LF",
              line.number);
      }
      if (!line.terminated) {
        error("SECTXT-LINE-ENDING", "the last line has no line ending; end it with LF or CRLF",
              line.number);
      }
    }
    if (lines.size() > kMaxLines) {
      error("SECTXT-TOO-MANY-LINES",
            "the file has " + std::to_string(lines.size()) + " lines; the limit is " +
                std::to_string(kMaxLines),
            0);
    }
    if (std::optional<std::vector<Line>> body = signed_body(lines)) {
      out_.file.is_signed = true;
      read_lines(*body);
    } else {
      read_lines(lines);
    }
    check_document();
    return std::move(out_);
  }

  // Reads fields only (used to compare a signature's signed text with what was parsed).
  std::vector<Field> fields_only(std::string_view text) {
    read_lines(split_lines(text));
    return std::move(out_.file.fields);
  }

 private:
  void add(Severity severity, std::string code, std::string message, std::size_t line) {
    out_.findings.push_back(Finding{severity, std::move(code), std::move(message), line});
  }
  void error(std::string code, std::string message, std::size_t line) {
    add(Severity::kError, std::move(code), std::move(message), line);
  }
  void warning(std::string code, std::string message, std::size_t line) {
    add(Severity::kWarning, std::move(code), std::move(message), line);
  }

  void read_lines(const std::vector<Line>& lines) {
    for (const Line& line : lines) {
      read_line(line);
    }
  }

  void read_line(const Line& line) {
    const std::string_view text = trim_trailing_wsp(line.text);
    const bool continuation = !text.empty() && (text.front() == ' ' || text.front() == '\t');
    if (continuation) {
      // RFC 5322 folding: an extension field's "unstructured" value may continue on lines that
      // start with whitespace. Registered values (URIs, dates, language tags) cannot.
      if (folding_ == Folding::kExtension && !out_.file.fields.empty()) {
        out_.file.fields.back().value += std::string(text);
        return;
      }
      error("SECTXT-INVALID-FIELD",
            folding_ == Folding::kRegistered
                ? "line starts with whitespace, but a registered field's value cannot continue "
                  "onto another line"
                : "line starts with whitespace; a field name must start the line",
            line.number);
      return;
    }
    folding_ = Folding::kNone;
    if (text.empty() || text.front() == '#') {
      return;  // blank, whitespace-only or comment
    }
    // field = name ":" SP value. The SP is checked on the untrimmed line: "X: " is an extension
    // field with an empty value.
    const std::size_t colon = text.find(':');
    const bool shaped = colon != std::string_view::npos && is_field_name(text.substr(0, colon)) &&
                        colon + 1 < line.text.size() && line.text[colon + 1] == ' ';
    const FieldKind kind = shaped ? field_kind(text.substr(0, colon)) : FieldKind::kUnknown;
    const std::string_view value =
        shaped && colon + 2 <= text.size() ? text.substr(colon + 2) : std::string_view();
    if (!shaped || (kind != FieldKind::kUnknown && value.empty())) {
      error("SECTXT-INVALID-FIELD",
            "line is not a comment or a \"Name: value\" field (a field needs a name, a colon, "
            "one space and a value): " +
                quote(text, 60),
            line.number);
      return;
    }
    Field field{std::string(text.substr(0, colon)), std::string(value), line.number};
    folding_ = kind == FieldKind::kUnknown ? Folding::kExtension : Folding::kRegistered;
    if (code_points(text) > kMaxFieldLineChars) {
      error("SECTXT-LINE-TOO-LONG",
            "field line has " + std::to_string(code_points(text)) + " characters; the limit is " +
                std::to_string(kMaxFieldLineChars) + "; the field is ignored",
            line.number);
    } else {
      read_field(field);
    }
    out_.file.fields.push_back(std::move(field));
  }

  // Checks a URI-valued field: syntax, then the schemes RFC 9116 (and CSAF) allow.
  bool check_uri(const Field& field, FieldKind kind) {
    const std::string problem = uri_problem(field.value);
    if (!problem.empty()) {
      error("SECTXT-URI-INVALID", field.name + " value " + quote(field.value, 80) + " " + problem,
            field.line);
      return false;
    }
    const std::string scheme = ascii_lower(field.value.substr(0, field.value.find(':')));
    if (scheme == "https") {
      return true;
    }
    if (scheme == "http") {
      error("SECTXT-URI-NOT-HTTPS",
            field.name + " must use https:// for a web URI, not " + quote(field.value, 80),
            field.line);
      return false;
    }
    if (kind == FieldKind::kCsaf) {
      error("SECTXT-URI-NOT-HTTPS",
            "CSAF must be an https:// URL of provider-metadata.json, not " + quote(field.value, 80),
            field.line);
      return false;
    }
    if ((kind == FieldKind::kContact && (scheme == "mailto" || scheme == "tel")) ||
        (kind == FieldKind::kEncryption && (scheme == "dns" || scheme == "openpgp4fpr"))) {
      return true;
    }
    warning("SECTXT-URI-SCHEME",
            field.name + " uses the " + scheme + ": scheme; researchers expect " +
                (kind == FieldKind::kContact      ? "https:, mailto: or tel:"
                 : kind == FieldKind::kEncryption ? "https:, dns: or openpgp4fpr:"
                                                  : "an https:// URL"),
            field.line);
    return true;
  }

  void read_field(const Field& field) {
    SecurityTxt& file = out_.file;
    const FieldKind kind = field_kind(field.name);
    switch (kind) {
      case FieldKind::kUnknown:
        add(Severity::kInfo, "SECTXT-UNKNOWN-FIELD",
            ascii_iequals(field.name, "Acknowledgements")
                ? "field \"" + field.name +
                      "\" is not registered; RFC 9116 spells it \"Acknowledgments\""
                : "field " + quote(field.name) + " is not a registered security.txt field",
            field.line);
        return;
      case FieldKind::kExpires:
        read_expires(field);
        return;
      case FieldKind::kPreferredLanguages:
        read_languages(field);
        return;
      case FieldKind::kContact:
        ++contacts_;
        if (ascii_lower(field.value.substr(0, 7)) == "mailto:") {
          mailto_contact_ = true;
        }
        break;
      case FieldKind::kCsaf:
        if (++csafs_ == 2) {
          warning("SECTXT-CSAF-MULTIPLE",
                  "more than one CSAF field; advertise a single provider-metadata.json",
                  field.line);
        }
        break;
      case FieldKind::kEncryption:
        encryption_ = true;
        break;
      default:
        break;
    }
    if (!check_uri(field, kind)) {
      return;  // an unusable value is reported, not offered as a contact or link
    }
    switch (kind) {
      case FieldKind::kContact:
        file.contact.push_back(field.value);
        break;
      case FieldKind::kAcknowledgments:
        file.acknowledgments.push_back(field.value);
        break;
      case FieldKind::kCanonical:
        file.canonical.push_back(field.value);
        break;
      case FieldKind::kCsaf:
        file.csaf.push_back(field.value);
        break;
      case FieldKind::kEncryption:
        file.encryption.push_back(field.value);
        break;
      case FieldKind::kHiring:
        file.hiring.push_back(field.value);
        break;
      case FieldKind::kPolicy:
        file.policy.push_back(field.value);
        break;
      default:
        break;
    }
  }

  void read_expires(const Field& field) {
    const std::optional<std::int64_t> at = parse_rfc3339(field.value);
    if (!at) {
      error("SECTXT-EXPIRES-INVALID",
            "Expires " + quote(field.value, 60) +
                " is not an RFC 3339 date-time such as 2025-12-31T23:59:59Z",
            field.line);
    }
    ++expires_count_;
    if (expires_count_ == 1) {
      out_.file.expires = field.value;
      out_.file.expires_at = at;
      expires_line_ = field.line;
    } else if (expires_count_ == 2) {
      error("SECTXT-EXPIRES-MULTIPLE",
            "Expires appears more than once; it must appear exactly once", field.line);
    }
  }

  void read_languages(const Field& field) {
    if (++languages_count_ == 2) {
      error("SECTXT-LANG-MULTIPLE",
            "Preferred-Languages appears more than once; list every language in one field",
            field.line);
    }
    std::vector<std::string> tags;
    for (const std::string_view part : split(field.value, ',')) {
      std::string_view tag = part;
      while (!tag.empty() && (tag.front() == ' ' || tag.front() == '\t')) {
        tag.remove_prefix(1);
      }
      tag = trim_trailing_wsp(tag);
      if (!is_language_tag(tag)) {
        error("SECTXT-LANG-INVALID",
              tag.empty() ? "Preferred-Languages has an empty entry"
                          : "Preferred-Languages entry " + quote(tag, 40) +
                                " is not an RFC 5646 language tag (e.g. en, en-GB, cy)",
              field.line);
        return;
      }
      tags.emplace_back(tag);
    }
    // A second Preferred-Languages is an error, but its tags are still reported.
    out_.file.preferred_languages.insert(out_.file.preferred_languages.end(), tags.begin(),
                                         tags.end());
  }

  void check_document() {
    const SecurityTxt& file = out_.file;
    if (contacts_ == 0) {
      error("SECTXT-CONTACT-MISSING", "there is no Contact field; at least one is required", 0);
    }
    if (expires_count_ == 0) {
      error("SECTXT-EXPIRES-MISSING", "there is no Expires field; exactly one is required", 0);
    }
    if (file.expires_at) {
      if (now_ > *file.expires_at) {
        error("SECTXT-EXPIRED",
              "the file expired at " + format_rfc3339(*file.expires_at) + " and is stale",
              expires_line_);
      } else if (*file.expires_at > one_calendar_year_after(now_)) {
        warning("SECTXT-EXPIRES-TOO-FAR",
                "Expires " + format_rfc3339(*file.expires_at) +
                    " is more than a year ahead; keep it under a year to avoid staleness",
                expires_line_);
      }
    }
    if (mailto_contact_ && !encryption_) {
      warning("SECTXT-ENCRYPTION-MISSING",
              "an email Contact is given but no Encryption key; add an Encryption field", 0);
    }
    if (!file.is_signed) {
      warning("SECTXT-NOT-SIGNED",
              "the file is not signed; sign it with an OpenPGP cleartext signature", 0);
    } else if (file.canonical.empty()) {
      warning("SECTXT-CANONICAL-MISSING",
              "the file is signed but has no Canonical field, so the signature does not bind its "
              "location",
              0);
    }
  }

  std::int64_t now_;
  Parsed out_;
  std::size_t contacts_ = 0;
  std::size_t expires_count_ = 0;
  std::size_t expires_line_ = 0;
  std::size_t languages_count_ = 0;
  std::size_t csafs_ = 0;
  bool mailto_contact_ = false;
  bool encryption_ = false;
  // Whether the next line may continue the last field (RFC 5322 folding).
  enum class Folding { kNone, kExtension, kRegistered };
  Folding folding_ = Folding::kNone;
};

// Lower-case scheme and host, no default port, so equivalent URLs compare equal.
std::string comparable_url(std::string_view url) {
  std::string text(trim(url));
  const std::size_t scheme_end = text.find("://");
  if (scheme_end == std::string::npos) {
    return text;
  }
  std::size_t host_end = text.find_first_of("/?#", scheme_end + 3);
  if (host_end == std::string::npos) {
    host_end = text.size();
  }
  for (std::size_t index = 0; index < host_end; ++index) {
    text[index] = ascii_to_lower(text[index]);
  }
  const std::string default_port = text.compare(0, scheme_end, "https") == 0 ? ":443" : ":80";
  if (host_end >= default_port.size() &&
      text.compare(host_end - default_port.size(), default_port.size(), default_port) == 0) {
    text.erase(host_end - default_port.size(), default_port.size());
  }
  return text;
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339(std::string_view text) {
  // YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM|-HH:MM)
  if (text.size() < 20) {
    return std::nullopt;
  }
  const int year = read_number(text, 0, 4);
  const int month = read_number(text, 5, 2);
  const int day = read_number(text, 8, 2);
  const int hour = read_number(text, 11, 2);
  const int minute = read_number(text, 14, 2);
  const int second = read_number(text, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 60 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':' ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  std::size_t index = 19;
  if (text[index] == '.') {
    ++index;
    const std::size_t digits_start = index;
    while (index < text.size() && is_ascii_digit(text[index])) {
      ++index;
    }
    if (index == digits_start) {
      return std::nullopt;
    }
  }
  std::int64_t offset = 0;
  if (index < text.size() && (text[index] == 'Z' || text[index] == 'z')) {
    ++index;
  } else if (index + 6 == text.size() && (text[index] == '+' || text[index] == '-') &&
             text[index + 3] == ':') {
    const int offset_hours = read_number(text, index + 1, 2);
    const int offset_minutes = read_number(text, index + 4, 2);
    if (offset_hours < 0 || offset_hours > 23 || offset_minutes < 0 || offset_minutes > 59) {
      return std::nullopt;
    }
    offset = (offset_hours * 60 + offset_minutes) * 60;
    if (text[index] == '-') {
      offset = -offset;
    }
    index += 6;
  } else {
    return std::nullopt;
  }
  if (index != text.size()) {
    return std::nullopt;
  }
  // A leap second (:60) is counted as the next second.
  return days_from_civil(year, month, day) * kSecondsPerDay + hour * 3600 + minute * 60 + second -
         offset;
}

std::string format_rfc3339(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t second_of_day = seconds % kSecondsPerDay;
  if (second_of_day < 0) {
    second_of_day += kSecondsPerDay;
    --days;
  }
  const Civil date = civil_from_days(days);
  const auto two = [](std::int64_t value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
  };
  std::string year = std::to_string(date.year);
  while (year.size() < 4) {
    year.insert(0, "0");
  }
  return year + "-" + two(date.month) + "-" + two(date.day) + "T" + two(second_of_day / 3600) +
         ":" + two(second_of_day / 60 % 60) + ":" + two(second_of_day % 60) + "Z";
}

bool is_language_tag(std::string_view tag) {
  if (tag.empty()) {
    return false;
  }
  if (is_grandfathered(tag)) {
    return true;
  }
  const std::vector<std::string_view> parts = split(tag, '-');
  for (const std::string_view part : parts) {
    if (part.empty() || part.size() > 8 || !all_alnum(part)) {
      return false;
    }
  }
  std::size_t index = 0;
  const auto is_x = [](std::string_view part) { return part == "x" || part == "X"; };
  const auto private_use = [&](std::size_t from) {
    // "x" 1*("-" 1*8alphanum): everything after x is already alnum of 1-8.
    return from + 1 < parts.size();
  };
  if (is_x(parts[0])) {
    return private_use(0);
  }
  // language
  const std::string_view language = parts[0];
  if (!all_alpha(language) || language.size() < 2) {
    return false;
  }
  ++index;
  if (language.size() <= 3) {
    for (int extlang = 0;
         extlang < 3 && index < parts.size() && parts[index].size() == 3 && all_alpha(parts[index]);
         ++extlang) {
      ++index;
    }
  }
  // script
  if (index < parts.size() && parts[index].size() == 4 && all_alpha(parts[index])) {
    ++index;
  }
  // region
  if (index < parts.size() && ((parts[index].size() == 2 && all_alpha(parts[index])) ||
                               (parts[index].size() == 3 && all_digits(parts[index])))) {
    ++index;
  }
  // variants
  while (index < parts.size() && (parts[index].size() >= 5 ||
                                  (parts[index].size() == 4 && is_ascii_digit(parts[index][0])))) {
    ++index;
  }
  // extensions
  std::string singletons;
  while (index < parts.size() && parts[index].size() == 1 && !is_x(parts[index])) {
    const char singleton = ascii_to_lower(parts[index][0]);
    if (singletons.find(singleton) != std::string::npos) {
      return false;
    }
    singletons.push_back(singleton);
    ++index;
    std::size_t subtags = 0;
    while (index < parts.size() && parts[index].size() >= 2) {
      ++index;
      ++subtags;
    }
    if (subtags == 0) {
      return false;
    }
  }
  if (index < parts.size() && is_x(parts[index])) {
    return private_use(index);
  }
  return index == parts.size();
}

Diagnostic Finding::to_diagnostic(std::string_view source) const {
  return Diagnostic{severity, code, message,
                    line == 0 ? std::string(source) : text_location(source, line)};
}

bool Parsed::has_errors() const {
  for (const Finding& finding : findings) {
    if (finding.severity == Severity::kError) {
      return true;
    }
  }
  return false;
}

bool Report::valid() const {
  return !parsed.has_errors();
}

Parsed parse(std::string_view text, std::int64_t now) {
  return Parser(now).run(text);
}

Report not_found(std::string_view url, long status) {
  Report report;
  report.parsed.findings.push_back({Severity::kError, "SECTXT-NOT-FOUND",
                                    "no security.txt at " + quote(url, 200) + " (HTTP " +
                                        std::to_string(status) +
                                        "); RFC 9116 places it at /.well-known/security.txt",
                                    0});
  return report;
}

Result<Report> check(std::string_view text, const CheckOptions& options) {
  if (options.key) {
    ASSAY_TRY_VOID(pgp::normalize_fingerprint(options.key->expected_fingerprint));
  }
  Report report;
  report.parsed = parse(text, options.now);
  std::vector<Finding>& findings = report.parsed.findings;
  const SecurityTxt& file = report.parsed.file;

  if (!options.retrieval_url.empty() && !file.canonical.empty()) {
    const std::string retrieved = comparable_url(options.retrieval_url);
    bool listed = false;
    for (const std::string& canonical : file.canonical) {
      listed = listed || comparable_url(canonical) == retrieved;
    }
    if (!listed) {
      std::size_t line = 0;
      for (const Field& field : file.fields) {
        if (field_kind(field.name) == FieldKind::kCanonical) {
          line = field.line;
          break;
        }
      }
      findings.push_back(
          {Severity::kError, "SECTXT-CANONICAL-MISMATCH",
           "the file was retrieved from " + quote(options.retrieval_url, 200) +
               ", which no Canonical field lists, so its contents should not be trusted",
           line});
    }
  }

  if (options.content_type) {
    // RFC 9116 section 3: text/plain, with the charset (if given) utf-8.
    const std::string type = ascii_lower(trim(*options.content_type));
    const std::string media = std::string(trim(std::string_view(type).substr(0, type.find(';'))));
    const std::size_t charset = type.find("charset=");
    std::string charset_value;
    if (charset != std::string::npos) {
      charset_value = std::string(trim(std::string_view(type).substr(charset + 8)));
      charset_value = charset_value.substr(0, charset_value.find(';'));
      if (charset_value.size() >= 2 && charset_value.front() == '"' &&
          charset_value.back() == '"') {
        charset_value = charset_value.substr(1, charset_value.size() - 2);
      }
    }
    if (media != "text/plain" || (!charset_value.empty() && charset_value != "utf-8")) {
      findings.push_back({Severity::kError, "SECTXT-CONTENT-TYPE",
                          "served as " + quote(*options.content_type, 80) +
                              "; security.txt must be served as text/plain (charset utf-8)",
                          0});
    }
  }
  if (!options.redirects.empty()) {
    const auto host_of = [](std::string_view url) {
      const std::string comparable = comparable_url(url);
      const std::size_t start = comparable.find("://");
      if (start == std::string::npos) {
        return comparable;
      }
      const std::size_t end = comparable.find_first_of("/?#", start + 3);
      return comparable.substr(start + 3, end == std::string::npos ? end : end - start - 3);
    };
    const std::string chain = join(options.redirects, " -> ") + " -> " + options.retrieval_url;
    if (host_of(options.redirects.front()) != host_of(options.retrieval_url)) {
      findings.push_back({Severity::kWarning, "SECTXT-REDIRECT-OTHER-HOST",
                          "the request was redirected to another host (" + chain +
                              "); a security.txt applies only to the host it was retrieved from",
                          0});
    } else {
      findings.push_back({Severity::kInfo, "SECTXT-REDIRECTED", "redirected: " + chain, 0});
    }
  }

  if (!options.key) {
    if (file.is_signed) {
      findings.push_back({Severity::kWarning, "SECTXT-SIGNATURE-UNVERIFIED",
                          "the file is signed, but no key was given to verify the signature", 0});
    }
    return report;
  }
  if (!file.is_signed) {
    findings.push_back({Severity::kError, "SECTXT-SIGNATURE-MISSING",
                        "a signing key was given, but the file is not an OpenPGP cleartext-"
                        "signed message",
                        0});
    return report;
  }
  std::string_view signed_message = text;
  if (signed_message.substr(0, 3) == "\xEF\xBB\xBF") {
    signed_message.remove_prefix(3);
  }
  ASSAY_TRY(pgp::CleartextResult verified, pgp::verify_cleartext(signed_message, *options.key));
  report.signature = verified.verification;
  if (verified.verification.outcome() != Outcome::kPass) {
    findings.push_back(
        {Severity::kError, "SECTXT-SIGNATURE-INVALID",
         "the OpenPGP signature does not verify: " + verified.verification.first_failure(), 0});
    return report;
  }
  // What GnuPG says was signed must be what was read, field for field.
  const std::vector<Field> signed_fields = Parser(options.now).fields_only(verified.signed_text);
  bool same = signed_fields.size() == file.fields.size();
  for (std::size_t index = 0; same && index < signed_fields.size(); ++index) {
    same = signed_fields[index].name == file.fields[index].name &&
           signed_fields[index].value == file.fields[index].value;
  }
  if (!same) {
    findings.push_back({Severity::kError, "SECTXT-SIGNATURE-INVALID",
                        "the signed text does not match the fields read from the file", 0});
    return report;
  }
  findings.push_back(
      {Severity::kInfo, "SECTXT-SIGNATURE-VALID",
       "the OpenPGP signature is good and was made by key " + verified.verification.identity, 0});
  return report;
}

}  // namespace assay::verify::securitytxt
