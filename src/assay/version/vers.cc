// vers: parsing, validation, normalisation, simplification, containment and conversion from
// native range syntaxes (package-url/vers-spec, docs/specification and docs/how-to-parse.md).
#include "assay/version/vers.h"

#include <algorithm>
#include <array>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/version/internal/text.h"
#include "assay/version/range.h"

namespace assay::version {

namespace {

struct VersScheme {
  std::string_view name;
  Scheme scheme;
};

constexpr std::array kVersSchemes{
    VersScheme{"npm", Scheme::kNpm},           VersScheme{"pypi", Scheme::kPep440},
    VersScheme{"maven", Scheme::kMaven},       VersScheme{"gem", Scheme::kRubyGems},
    VersScheme{"deb", Scheme::kDebian},        VersScheme{"rpm", Scheme::kRpm},
    VersScheme{"apk", Scheme::kAlpine},        VersScheme{"golang", Scheme::kGo},
    VersScheme{"nuget", Scheme::kNuget},       VersScheme{"cargo", Scheme::kCargo},
    VersScheme{"composer", Scheme::kComposer}, VersScheme{"conan", Scheme::kConan},
    VersScheme{"hex", Scheme::kHex},           VersScheme{"pub", Scheme::kPub},
    VersScheme{"dart", Scheme::kPub},          VersScheme{"cran", Scheme::kCran},
    VersScheme{"hackage", Scheme::kHackage},   VersScheme{"generic", Scheme::kGeneric},
    VersScheme{"semver", Scheme::kSemver},     VersScheme{"github", Scheme::kSemver},
    VersScheme{"alpm", Scheme::kAlpm},         VersScheme{"gentoo", Scheme::kGentoo},
    VersScheme{"ebuild", Scheme::kGentoo},     VersScheme{"openssl", Scheme::kOpenssl},
    VersScheme{"nginx", Scheme::kNginx},       VersScheme{"intdot", Scheme::kIntdot},
    VersScheme{"datetime", Scheme::kDatetime}, VersScheme{"lexicographic", Scheme::kLexicographic},
    VersScheme{"all", Scheme::kLexicographic}, VersScheme{"none", Scheme::kLexicographic},
};

using enum VersComparator;

// Sort order of comparators for equal versions, as univers sorts (version, comparator text).
int comparator_rank(VersComparator comparator) {
  switch (comparator) {
    case kNotEqual:
      return 0;
    case kLess:
      return 1;
    case kLessEqual:
      return 2;
    case kEqual:
      return 3;
    case kGreater:
      return 4;
    case kGreaterEqual:
      return 5;
    case kAny:
      return 6;
  }
  return 6;
}

bool is_lower_bound(VersComparator comparator) {
  return comparator == kGreater || comparator == kGreaterEqual;
}
bool is_upper_bound(VersComparator comparator) {
  return comparator == kLess || comparator == kLessEqual;
}

bool must_encode(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return c == '<' || c == '>' || c == '=' || c == '!' || c == '*' || c == '|' || c == '%' ||
         byte <= 0x20 || byte >= 0x7F;
}

int hex_value(char c) {
  if (is_ascii_digit(c)) {
    return c - '0';
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  return -1;
}

std::string percent_encode(std::string_view version) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(version.size());
  for (char c : version) {
    if (must_encode(c)) {
      const auto byte = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[byte >> 4U];
      out += kHex[byte & 0x0FU];
    } else {
      out += c;
    }
  }
  return out;
}

struct RawConstraint {
  VersComparator comparator = kEqual;
  std::string version;  // percent-decoded
  std::string written;  // as in the input, for messages
};

struct VersSyntax {
  std::string type;
  Scheme scheme = Scheme::kGeneric;
  bool any = false;
  std::vector<RawConstraint> constraints;
};

tl::unexpected<Error> vers_error(ErrorCode code, std::string message, std::string_view text) {
  return fail(code, std::move(message), quote(text, 80));
}

std::string non_canonical(bool canonical, const std::string& message) {
  return canonical ? "non-canonical vers: " + message : "invalid vers: " + message;
}

std::string describe_constraint(std::size_t index, std::string_view written) {
  return "constraint " + std::to_string(index + 1) + " " + quote(written, 60);
}

// Splits and decodes `text` into type and constraints. In canonical mode everything the
// specification calls non-canonical is an error; otherwise the normalisable forms are accepted.
Result<VersSyntax> parse_syntax(std::string_view text, bool canonical) {
  if (text.size() > kMaxRangeBytes) {
    return vers_error(ErrorCode::kInvalidInput,
                      "vers is " + std::to_string(text.size()) + " bytes, over the limit of " +
                          std::to_string(kMaxRangeBytes),
                      text);
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (is_ascii_space(text[i])) {
      return vers_error(
          ErrorCode::kInvalidInput,
          non_canonical(canonical, "whitespace is not permitted (byte " + std::to_string(i) + ")"),
          text);
    }
    if (byte < 0x20 || byte >= 0x7F) {
      return vers_error(ErrorCode::kInvalidInput,
                        "invalid vers: only printable ASCII is permitted, found " +
                            internal::describe_byte(text, i),
                        text);
    }
  }
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos ||
      !(canonical ? text.substr(0, colon) == "vers"
                  : ascii_iequals(text.substr(0, colon), "vers"))) {
    return vers_error(
        ErrorCode::kInvalidInput,
        colon != std::string_view::npos && ascii_iequals(text.substr(0, colon), "vers")
            ? non_canonical(canonical, "the scheme must be lower-case \"vers:\"")
            : "invalid vers: must start with \"vers:\"",
        text);
  }
  const std::string_view specifier = text.substr(colon + 1);
  const std::size_t slash = specifier.find('/');
  if (slash == std::string_view::npos) {
    return vers_error(ErrorCode::kInvalidInput,
                      "invalid vers: expected '/' after the versioning scheme", text);
  }
  const std::string_view type = specifier.substr(0, slash);
  if (type.empty() || !is_ascii_alpha(type.front())) {
    return vers_error(ErrorCode::kInvalidInput,
                      "invalid vers: the versioning scheme must start with an ASCII letter", text);
  }
  for (char c : type) {
    if (!is_ascii_alnum(c) && c != '.' && c != '-') {
      return vers_error(ErrorCode::kInvalidInput,
                        "invalid vers: the versioning scheme may hold only letters, digits, '.' "
                        "and '-'",
                        text);
    }
    if (canonical && is_ascii_upper(c)) {
      return vers_error(ErrorCode::kInvalidInput,
                        non_canonical(true, "the versioning scheme must be lower case"), text);
    }
  }
  VersSyntax syntax;
  syntax.type = ascii_lower(type);
  const std::optional<Scheme> scheme = scheme_for_vers(syntax.type);
  if (!scheme) {
    return vers_error(ErrorCode::kUnsupported,
                      "unknown vers versioning scheme " + quote(syntax.type, 40), text);
  }
  syntax.scheme = *scheme;

  const std::string_view constraints = specifier.substr(slash + 1);
  if (constraints.empty()) {
    return vers_error(ErrorCode::kInvalidInput, "invalid vers: no constraints after '/'", text);
  }
  if (constraints == "*") {
    syntax.any = true;
    return syntax;
  }
  if (constraints.front() == '|') {
    return vers_error(ErrorCode::kInvalidInput,
                      non_canonical(canonical, "leading pipe is not permitted"), text);
  }
  if (constraints.back() == '|') {
    return vers_error(ErrorCode::kInvalidInput,
                      non_canonical(canonical, "trailing pipe is not permitted"), text);
  }
  if (syntax.type == "all" || syntax.type == "none") {
    return vers_error(ErrorCode::kInvalidInput,
                      "invalid vers: \"vers:" + syntax.type + "/*\" is the only form of this type",
                      text);
  }
  const std::vector<std::string_view> pieces = split(constraints, '|');
  for (std::size_t index = 0; index < pieces.size(); ++index) {
    std::string_view piece = pieces[index];
    if (piece.empty()) {
      return vers_error(ErrorCode::kInvalidInput,
                        non_canonical(canonical, "consecutive pipes are not permitted"), text);
    }
    if (piece.front() == '*') {
      return vers_error(ErrorCode::kInvalidInput, "invalid vers: '*' must be the only constraint",
                        text);
    }
    RawConstraint constraint;
    constraint.written = std::string(piece);
    if (piece.substr(0, 2) == ">=") {
      constraint.comparator = kGreaterEqual;
      piece.remove_prefix(2);
    } else if (piece.substr(0, 2) == "<=") {
      constraint.comparator = kLessEqual;
      piece.remove_prefix(2);
    } else if (piece.substr(0, 2) == "!=") {
      constraint.comparator = kNotEqual;
      piece.remove_prefix(2);
    } else if (piece.front() == '<') {
      constraint.comparator = kLess;
      piece.remove_prefix(1);
    } else if (piece.front() == '>') {
      constraint.comparator = kGreater;
      piece.remove_prefix(1);
    } else if (piece.front() == '=' && !canonical) {
      constraint.comparator = kEqual;  // an explicit '=' is normalised away
      piece.remove_prefix(1);
    }
    if (piece.empty()) {
      return vers_error(
          ErrorCode::kInvalidInput,
          "invalid vers: " + describe_constraint(index, constraint.written) + " has no version",
          text);
    }
    for (std::size_t i = 0; i < piece.size(); ++i) {
      const char c = piece[i];
      if (c == '%') {
        const int high = hex_value(internal::char_at(piece, i + 1));
        const int low = hex_value(internal::char_at(piece, i + 2));
        if (high < 0 || low < 0) {
          return vers_error(
              ErrorCode::kInvalidInput,
              non_canonical(canonical, "invalid percent-encoding in version of " +
                                           describe_constraint(index, constraint.written)),
              text);
        }
        const char decoded = static_cast<char>(high * 16 + low);
        if (canonical) {
          if (is_ascii_lower(piece[i + 1]) || is_ascii_lower(piece[i + 2])) {
            return vers_error(ErrorCode::kInvalidInput,
                              non_canonical(true,
                                            "percent-encoding in version is not canonical "
                                            "(use upper-case hex) in " +
                                                describe_constraint(index, constraint.written)),
                              text);
          }
          if (!must_encode(decoded)) {
            return vers_error(
                ErrorCode::kInvalidInput,
                non_canonical(true, syntax.scheme == Scheme::kDatetime && decoded == ':'
                                        ? std::string("datetime time colons must be unencoded")
                                        : "percent-encoding of a character that needs none in " +
                                              describe_constraint(index, constraint.written)),
                text);
          }
        }
        constraint.version += decoded;
        i += 2;
        continue;
      }
      if (c == '<' || c == '>' || c == '=' || c == '!' || c == '*' || c == '|') {
        return vers_error(ErrorCode::kInvalidInput,
                          "invalid vers: '" + std::string(1, c) + "' in the version of " +
                              describe_constraint(index, constraint.written) +
                              " must be percent-encoded",
                          text);
      }
      constraint.version += c;
    }
    syntax.constraints.push_back(std::move(constraint));
  }
  return syntax;
}

bool is_sorted_before(const VersConstraint& a, const VersConstraint& b) {
  const int order = a.version->compare(*b.version);
  if (order != 0) {
    return order < 0;
  }
  return comparator_rank(a.comparator) < comparator_rank(b.comparator);
}

void sort_constraints(std::vector<VersConstraint>& constraints) {
  std::stable_sort(constraints.begin(), constraints.end(),
                   [](const VersConstraint& a, const VersConstraint& b) {
                     if (!a.version || !b.version) {
                       return false;
                     }
                     return is_sorted_before(a, b);
                   });
}

// The comparator-sequence rules of the specification, for sorted constraints with unique
// versions. Returns the problem, or empty.
std::string sequence_problem(const std::vector<VersConstraint>& constraints) {
  const VersConstraint* previous = nullptr;
  for (const VersConstraint& constraint : constraints) {
    if (constraint.comparator == kNotEqual) {
      continue;
    }
    if (previous != nullptr && previous->comparator == kEqual &&
        (constraint.comparator == kLess || constraint.comparator == kLessEqual)) {
      return "'=' may be followed only by '=', '>' or '>=' (ignoring '!=')";
    }
    previous = &constraint;
  }
  previous = nullptr;
  for (const VersConstraint& constraint : constraints) {
    if (constraint.comparator == kNotEqual || constraint.comparator == kEqual) {
      continue;
    }
    if (previous != nullptr) {
      if (is_upper_bound(previous->comparator) && !is_lower_bound(constraint.comparator)) {
        return "'<' or '<=' must be followed by '>' or '>=' (ignoring '=' and '!=')";
      }
      if (is_lower_bound(previous->comparator) && !is_upper_bound(constraint.comparator)) {
        return "'>' or '>=' must be followed by '<' or '<=' (ignoring '=' and '!=')";
      }
    }
    previous = &constraint;
  }
  return {};
}

Result<VersRange> parse_impl(std::string_view text, bool canonical) {
  ASSAY_TRY(VersSyntax syntax, parse_syntax(text, canonical));
  std::vector<VersConstraint> constraints;
  if (syntax.any) {
    constraints.push_back(VersConstraint{kAny, std::nullopt});
    return VersRange::from_constraints(syntax.type, std::move(constraints));
  }
  for (std::size_t index = 0; index < syntax.constraints.size(); ++index) {
    const RawConstraint& raw = syntax.constraints[index];
    Result<Version> version = Version::parse(syntax.scheme, raw.version);
    if (!version) {
      Error error = std::move(version).error();
      error.message = "invalid vers: the version of " + describe_constraint(index, raw.written) +
                      " is not a valid " + std::string(to_string(syntax.scheme)) +
                      " version: " + error.message;
      error.location = quote(text, 80);
      return fail(std::move(error));
    }
    if (canonical && syntax.scheme == Scheme::kDatetime &&
        !version->as<DatetimeVersion>()->is_upper_case()) {
      return vers_error(ErrorCode::kInvalidInput,
                        non_canonical(true, "datetime must use uppercase T and Z"), text);
    }
    constraints.push_back(VersConstraint{raw.comparator, std::move(version).value()});
  }
  if (canonical) {
    for (std::size_t i = 1; i < constraints.size(); ++i) {
      const int order = constraints[i - 1].version->compare(*constraints[i].version);
      if (order > 0) {
        return vers_error(
            ErrorCode::kInvalidInput,
            non_canonical(true, "constraints are not sorted by version (" +
                                    describe_constraint(i, syntax.constraints[i].written) +
                                    " sorts before the one it follows)"),
            text);
      }
      if (order == 0) {
        return vers_error(
            ErrorCode::kInvalidInput,
            non_canonical(true, "version of " +
                                    describe_constraint(i, syntax.constraints[i].written) +
                                    " duplicates an earlier one"),
            text);
      }
    }
    const std::string problem = sequence_problem(constraints);
    if (!problem.empty()) {
      return vers_error(ErrorCode::kInvalidInput,
                        non_canonical(true, "invalid comparator sequence: " + problem), text);
    }
  }
  return VersRange::from_constraints(syntax.type, std::move(constraints));
}

bool satisfies(const Version& version, const VersConstraint& constraint) {
  if (constraint.comparator == kAny) {
    return true;
  }
  const int order = version.compare(*constraint.version);
  switch (constraint.comparator) {
    case kEqual:
      return order == 0;
    case kNotEqual:
      return order != 0;
    case kLess:
      return order < 0;
    case kLessEqual:
      return order <= 0;
    case kGreater:
      return order > 0;
    case kGreaterEqual:
      return order >= 0;
    case kAny:
      return true;
  }
  return false;
}

}  // namespace

std::string_view to_string(VersComparator comparator) {
  switch (comparator) {
    case kEqual:
      return "=";
    case kNotEqual:
      return "!=";
    case kLess:
      return "<";
    case kLessEqual:
      return "<=";
    case kGreater:
      return ">";
    case kGreaterEqual:
      return ">=";
    case kAny:
      return "*";
  }
  return "=";
}

std::optional<Scheme> scheme_for_vers(std::string_view versioning_scheme) {
  for (const VersScheme& entry : kVersSchemes) {
    if (entry.name == versioning_scheme) {
      return entry.scheme;
    }
  }
  return std::nullopt;
}

Result<VersRange> VersRange::parse(std::string_view text) {
  return parse_impl(text, false);
}

Result<VersRange> VersRange::parse_canonical(std::string_view text) {
  return parse_impl(text, true);
}

Result<VersRange> VersRange::from_constraints(std::string_view versioning_scheme,
                                              std::vector<VersConstraint> constraints) {
  const std::string type = ascii_lower(versioning_scheme);
  const std::optional<Scheme> scheme = scheme_for_vers(type);
  if (!scheme) {
    return fail(ErrorCode::kUnsupported,
                "unknown vers versioning scheme " + quote(versioning_scheme, 40));
  }
  if (constraints.empty()) {
    return fail(ErrorCode::kInvalidInput, "invalid vers: a range needs at least one constraint");
  }
  for (const VersConstraint& constraint : constraints) {
    if (constraint.comparator == kAny) {
      if (constraints.size() != 1) {
        return fail(ErrorCode::kInvalidInput, "invalid vers: '*' must be the only constraint");
      }
      continue;
    }
    if (!constraint.version) {
      return fail(ErrorCode::kInvalidInput,
                  "invalid vers: a '" + std::string(version::to_string(constraint.comparator)) +
                      "' constraint needs a version");
    }
    if (constraint.version->scheme() != *scheme) {
      return fail(ErrorCode::kInvalidInput,
                  "invalid vers: version " + quote(constraint.version->text(), 40) + " is a " +
                      std::string(version::to_string(constraint.version->scheme())) +
                      " version, not " + std::string(version::to_string(*scheme)));
    }
  }
  if ((type == "all" || type == "none") &&
      !(constraints.size() == 1 && constraints.front().comparator == kAny)) {
    return fail(ErrorCode::kInvalidInput,
                "invalid vers: \"vers:" + type + "/*\" is the only form of this type");
  }
  VersRange range;
  range.versioning_scheme_ = type;
  range.scheme_ = *scheme;
  range.none_ = type == "none";
  range.constraints_ = std::move(constraints);
  sort_constraints(range.constraints_);
  range.kept_ = simplification_mask(range.constraints_);
  return range;
}

bool VersRange::is_any() const {
  return !none_ && constraints_.size() == 1 && constraints_.front().comparator == kAny;
}

std::vector<bool> VersRange::simplification_mask(const std::vector<VersConstraint>& constraints) {
  // Walks the sorted constraints keeping a stack of the kept ones ('!=' aside, always kept).
  std::vector<bool> keep(constraints.size(), false);
  std::vector<std::size_t> stack;
  for (std::size_t index = 0; index < constraints.size(); ++index) {
    const VersComparator comparator = constraints[index].comparator;
    if (comparator == kNotEqual || comparator == kAny) {
      keep[index] = true;
      continue;
    }
    bool discard = false;
    while (!stack.empty()) {
      const VersComparator top = constraints[stack.back()].comparator;
      if (is_lower_bound(top) && (comparator == kEqual || is_lower_bound(comparator))) {
        discard = true;  // already inside an open lower bound
        break;
      }
      if ((top == kEqual || is_upper_bound(top)) && is_upper_bound(comparator)) {
        keep[stack.back()] = false;  // the later upper bound covers it
        stack.pop_back();
        continue;
      }
      break;
    }
    if (!discard) {
      keep[index] = true;
      stack.push_back(index);
    }
  }
  return keep;
}

VersRange VersRange::simplified() const {
  VersRange result = *this;
  result.constraints_.clear();
  for (std::size_t index = 0; index < constraints_.size(); ++index) {
    if (kept(index)) {
      result.constraints_.push_back(constraints_[index]);
    }
  }
  result.kept_.assign(result.constraints_.size(), true);
  return result;
}

bool VersRange::kept(std::size_t index) const {
  return index >= kept_.size() || kept_[index];
}

bool VersRange::contains(const Version& version) const {
  if (none_) {
    return false;
  }
  if (is_any()) {
    return true;
  }
  // Works on the simplified constraints (the kept ones) without allocating.
  bool has_equal = false;
  for (std::size_t index = 0; index < constraints_.size(); ++index) {
    const VersConstraint& constraint = constraints_[index];
    if (!kept(index)) {
      continue;
    }
    if ((constraint.comparator == kEqual || constraint.comparator == kLessEqual ||
         constraint.comparator == kGreaterEqual) &&
        version.compare(*constraint.version) == 0) {
      return true;
    }
    has_equal = has_equal || constraint.comparator == kEqual;
  }
  for (std::size_t index = 0; index < constraints_.size(); ++index) {
    const VersConstraint& constraint = constraints_[index];
    if (kept(index) && constraint.comparator == kNotEqual &&
        version.compare(*constraint.version) == 0) {
      return false;
    }
  }
  // The '<', '<=', '>', '>=' constraints, read pairwise.
  const VersConstraint* first = nullptr;
  const VersConstraint* previous = nullptr;
  std::size_t bounds = 0;
  for (std::size_t index = 0; index < constraints_.size(); ++index) {
    const VersConstraint& current = constraints_[index];
    if (!kept(index) ||
        !(is_lower_bound(current.comparator) || is_upper_bound(current.comparator))) {
      continue;
    }
    if (previous == nullptr) {
      first = &current;
      if (is_upper_bound(current.comparator) && version.compare(*current.version) < 0) {
        return true;  // below the first upper bound
      }
    } else if (is_lower_bound(previous->comparator) && is_upper_bound(current.comparator) &&
               version.compare(*previous->version) > 0 && version.compare(*current.version) < 0) {
      return true;  // inside an interval
    }
    previous = &current;
    ++bounds;
  }
  if (bounds == 0) {
    // Only '=' and '!=': the listed versions, or (with only '!=') everything not excluded.
    return !has_equal;
  }
  if (bounds == 1) {
    return satisfies(version, *first);
  }
  return is_lower_bound(previous->comparator) && version.compare(*previous->version) > 0;
}

Result<bool> VersRange::contains(std::string_view version) const {
  ASSAY_TRY(const Version parsed, Version::parse(scheme_, version));
  return contains(parsed);
}

std::string VersRange::to_string() const {
  std::string out = "vers:" + versioning_scheme_ + "/";
  for (std::size_t i = 0; i < constraints_.size(); ++i) {
    if (i > 0) {
      out += '|';
    }
    const VersConstraint& constraint = constraints_[i];
    if (constraint.comparator == kAny) {
      out += '*';
      continue;
    }
    if (constraint.comparator != kEqual) {
      out += version::to_string(constraint.comparator);
    }
    out += percent_encode(constraint.version->text());
  }
  return out;
}

}  // namespace assay::version
