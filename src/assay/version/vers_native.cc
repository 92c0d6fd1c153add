// Conversion of native range syntaxes into vers: conan, nginx and openssl here; the registry
// syntaxes through Range::parse_native() and Range::to_vers().
#include <string>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/version/range.h"
#include "assay/version/vers.h"

namespace assay::version {

namespace {

using enum VersComparator;

tl::unexpected<Error> native_error(std::string_view scheme, std::string message,
                                   std::string_view native) {
  return fail(ErrorCode::kInvalidInput,
              "invalid " + std::string(scheme) + " range: " + std::move(message),
              quote(native, 80));
}

std::string without_whitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!is_ascii_space(c)) {
      out += c;
    }
  }
  return out;
}

// Splits on runs of ASCII whitespace, dropping empty pieces (Python's str.split()).
std::vector<std::string_view> split_whitespace(std::string_view text) {
  std::vector<std::string_view> pieces;
  std::size_t position = 0;
  while (position < text.size()) {
    while (position < text.size() && is_ascii_space(text[position])) {
      ++position;
    }
    const std::size_t begin = position;
    while (position < text.size() && !is_ascii_space(text[position])) {
      ++position;
    }
    if (position > begin) {
      pieces.push_back(text.substr(begin, position - begin));
    }
  }
  return pieces;
}

// Splits on every occurrence of `separator` (a string), keeping empty pieces.
std::vector<std::string_view> split_on(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  while (true) {
    const std::size_t found = text.find(separator, start);
    if (found == std::string_view::npos) {
      pieces.push_back(text.substr(start));
      return pieces;
    }
    pieces.push_back(text.substr(start, found - start));
    start = found + separator.size();
  }
}

Result<VersConstraint> make_constraint(Scheme scheme, VersComparator comparator,
                                       std::string_view version, std::string_view scheme_name,
                                       std::string_view native) {
  Result<Version> parsed = Version::parse(scheme, version);
  if (!parsed) {
    return native_error(scheme_name,
                        "version " + quote(version, 40) + ": " + parsed.error().message, native);
  }
  return VersConstraint{comparator, std::move(parsed).value()};
}

// --- Conan -----------------------------------------------------------------------------------

// Conan's Version.upper_bound(index): the main items up to `index`, the item at `index` plus
// one, then "-" so that pre-releases of the bound are excluded.
Result<std::string> conan_upper_bound(const ConanVersion& version, std::size_t index,
                                      std::string_view native) {
  const std::vector<std::string_view> items = split(version.main(), '.');
  if (index >= items.size()) {
    return native_error(
        "conan", "cannot bump " + quote(version.text(), 40) + " at item " + std::to_string(index),
        native);
  }
  std::string bound;
  for (std::size_t i = 0; i < index; ++i) {
    bound += conan::is_integer_item(items[i]) ? conan::canonical_integer(items[i])
                                              : std::string(items[i]);
    bound += '.';
  }
  if (!conan::is_integer_item(items[index])) {
    return native_error("conan",
                        "cannot bump " + quote(version.text(), 40) + " at item " +
                            std::to_string(index) + ": not a number",
                        native);
  }
  // Add one to the decimal digits.
  std::string digits = conan::canonical_integer(items[index]);
  std::size_t position = digits.size();
  while (true) {
    if (position == 0) {
      digits.insert(digits.begin(), '1');
      break;
    }
    --position;
    if (digits[position] == '9') {
      digits[position] = '0';
      continue;
    }
    ++digits[position];
    break;
  }
  bound += digits;
  bound += '-';
  return bound;
}

Result<std::vector<VersConstraint>> conan_expression(std::string_view expression,
                                                     std::string_view native) {
  std::vector<VersConstraint> out;
  auto add = [&](VersComparator comparator, std::string_view version) -> Result<bool> {
    ASSAY_TRY(VersConstraint constraint,
              make_constraint(Scheme::kConan, comparator, version, "conan", native));
    out.push_back(std::move(constraint));
    return true;
  };
  if (expression.empty() || expression == "*") {
    ASSAY_TRY_VOID(add(kGreaterEqual, "0.0.0"));
    return out;
  }
  char op = expression.front();
  std::size_t index = 1;
  if (op != '>' && op != '<' && op != '^' && op != '~' && op != '=') {
    op = '=';
    index = 0;
  }
  VersComparator comparator = kEqual;
  if (op == '>' || op == '<') {
    if (expression.size() < 2) {
      return native_error("conan", "operator " + quote(expression, 10) + " has no version", native);
    }
    const bool or_equal = expression[1] == '=';
    if (or_equal) {
      index = 2;
    }
    comparator =
        op == '>' ? (or_equal ? kGreaterEqual : kGreater) : (or_equal ? kLessEqual : kLess);
  }
  const std::string_view version = expression.substr(index);
  if (version.empty()) {
    return native_error("conan", "operator " + quote(expression, 10) + " has no version", native);
  }
  if (op == '~' || op == '^') {
    ASSAY_TRY(const Version lower, Version::parse(Scheme::kConan, version));
    const ConanVersion& conan_version = *lower.as<ConanVersion>();
    const std::vector<std::string_view> items = split(conan_version.main(), '.');
    std::size_t bump = 0;
    if (op == '~') {
      bump = items.size() > 1 ? 1 : 0;
    } else {
      while (bump < items.size() && conan::is_integer_item(items[bump]) &&
             conan::canonical_integer(items[bump]) == "0") {
        ++bump;
      }
    }
    ASSAY_TRY(const std::string upper, conan_upper_bound(conan_version, bump, native));
    ASSAY_TRY_VOID(add(kGreaterEqual, version));
    ASSAY_TRY_VOID(add(kLess, upper));
    return out;
  }
  ASSAY_TRY_VOID(add(comparator, version));
  return out;
}

Result<VersRange> conan_to_vers(std::string_view native) {
  // Options such as "include_prerelease" follow the first ','; vers has no use for them.
  const std::string_view expression = native.substr(0, native.find(','));
  if (split_whitespace(expression).empty()) {
    return native_error("conan", "the range is empty", native);
  }
  std::vector<VersConstraint> constraints;
  for (std::string_view alternative : split_on(expression, "||")) {
    for (std::string_view item : split_whitespace(alternative)) {
      // A trailing '-' only asks for pre-releases to be included.
      if (item.back() == '-') {
        item.remove_suffix(1);
      }
      ASSAY_TRY(std::vector<VersConstraint> parsed, conan_expression(item, native));
      for (VersConstraint& constraint : parsed) {
        constraints.push_back(std::move(constraint));
      }
    }
  }
  return VersRange::from_constraints("conan", std::move(constraints));
}

// --- nginx -----------------------------------------------------------------------------------

Result<VersRange> nginx_to_vers(std::string_view native) {
  const std::string cleaned = ascii_lower(without_whitespace(native));
  if (cleaned == "all") {
    return VersRange::from_constraints("nginx", {VersConstraint{kAny, std::nullopt}});
  }
  if (cleaned.empty() || cleaned == "none") {
    return native_error("nginx", "no versions are named", native);
  }
  std::vector<VersConstraint> constraints;
  auto add = [&](VersComparator comparator, std::string_view version) -> Result<bool> {
    const std::vector<std::string_view> numbers = split(version, '.');
    for (std::string_view number : numbers) {
      if (!all_digits(number)) {
        return native_error(
            "nginx", "expected a version such as 1.20.1, found " + quote(version, 40), native);
      }
    }
    ASSAY_TRY(VersConstraint constraint,
              make_constraint(Scheme::kNginx, comparator, version, "nginx", native));
    constraints.push_back(std::move(constraint));
    return true;
  };
  for (std::string_view clause : split(cleaned, ',')) {
    const std::size_t dash = clause.find('-');
    if (dash != std::string_view::npos) {
      ASSAY_TRY_VOID(add(kGreaterEqual, clause.substr(0, dash)));
      ASSAY_TRY_VOID(add(kLessEqual, clause.substr(dash + 1)));
      continue;
    }
    if (clause.find('+') != std::string_view::npos) {
      while (!clause.empty() && clause.back() == '+') {
        clause.remove_suffix(1);
      }
      ASSAY_TRY_VOID(add(kGreaterEqual, clause));
      const std::vector<std::string_view> numbers = split(clause, '.');
      const std::string_view minor = numbers.size() > 1 ? numbers[1] : std::string_view("0");
      const bool stable = (minor.back() - '0') % 2 == 0;
      if (stable) {
        // A stable branch (even minor) ends where the next minor begins.
        const std::optional<std::uint64_t> major = parse_uint64(numbers[0]);
        const std::optional<std::uint64_t> minor_value = parse_uint64(minor);
        if (!major || !minor_value) {
          return native_error("nginx", "version numbers are too large in " + quote(clause, 40),
                              native);
        }
        ASSAY_TRY_VOID(
            add(kLess, std::to_string(*major) + "." + std::to_string(*minor_value + 1) + ".0"));
      }
      continue;
    }
    ASSAY_TRY_VOID(add(kEqual, clause));
  }
  return VersRange::from_constraints("nginx", std::move(constraints));
}

// --- OpenSSL ---------------------------------------------------------------------------------

Result<VersRange> openssl_to_vers(std::string_view native) {
  const std::string cleaned = ascii_lower(without_whitespace(native));
  if (cleaned.empty()) {
    return native_error("openssl", "no versions are named", native);
  }
  std::vector<VersConstraint> constraints;
  for (std::string_view version : split(cleaned, ',')) {
    ASSAY_TRY(VersConstraint constraint,
              make_constraint(Scheme::kOpenssl, kEqual, version, "openssl", native));
    constraints.push_back(std::move(constraint));
  }
  return VersRange::from_constraints("openssl", std::move(constraints));
}

}  // namespace

Result<VersRange> vers_from_native(std::string_view versioning_scheme,
                                   std::string_view native_range) {
  const Ecosystem* ecosystem = find_ecosystem(versioning_scheme);
  const RangeSyntax syntax = ecosystem != nullptr && ecosystem->purl_type == versioning_scheme
                                 ? ecosystem->range_syntax
                                 : RangeSyntax::kComparators;
  return vers_from_native(versioning_scheme, syntax, native_range);
}

Result<VersRange> vers_from_native(std::string_view versioning_scheme, RangeSyntax syntax,
                                   std::string_view native_range) {
  if (native_range.size() > kMaxRangeBytes) {
    return fail(ErrorCode::kInvalidInput,
                "range is " + std::to_string(native_range.size()) + " bytes, over the limit of " +
                    std::to_string(kMaxRangeBytes),
                quote(native_range, 40));
  }
  const std::string type = ascii_lower(versioning_scheme);
  if (type == "conan") {
    return conan_to_vers(native_range);
  }
  if (type == "nginx") {
    return nginx_to_vers(native_range);
  }
  if (type == "openssl") {
    return openssl_to_vers(native_range);
  }
  const std::optional<Scheme> scheme = scheme_for_vers(type);
  if (!scheme) {
    return fail(ErrorCode::kUnsupported,
                "unknown vers versioning scheme " + quote(versioning_scheme, 40));
  }
  ASSAY_TRY(const Range range, Range::parse_native(*scheme, syntax, native_range));
  ASSAY_TRY(const std::string vers, range.to_vers());
  ASSAY_TRY(VersRange parsed, VersRange::parse(vers));
  if (parsed.versioning_scheme() != type) {
    // Range::to_vers() names the vers type of its scheme ("golang" for kGo); keep the caller's.
    std::vector<VersConstraint> constraints = parsed.constraints();
    return VersRange::from_constraints(type, std::move(constraints));
  }
  return parsed;
}

}  // namespace assay::version
