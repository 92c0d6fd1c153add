// Native range syntaxes (npm, Cargo, PEP 440, Maven, RubyGems, Composer, NuGet, plain
// comparators), their evaluation as each ecosystem's own tool evaluates them, and conversion to
// vers. Texts starting with "vers:" are delegated to VersRange.
#include "assay/version/range.h"

#include <algorithm>
#include <optional>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/version/internal/range_model.h"
#include "assay/version/internal/text.h"
#include "assay/version/vers.h"

namespace assay::version {

using internal::Bound;
using internal::Clause;
using internal::is_pcre_space;
using internal::Model;
using internal::Op;
using internal::PrereleaseRule;
using internal::VersItem;

class Range::Impl {
 public:
  Scheme scheme = Scheme::kGeneric;
  RangeSyntax syntax = RangeSyntax::kComparators;
  std::string text;
  std::optional<VersRange> vers;
  Model model;
};

namespace internal {

namespace {

tl::unexpected<Error> invalid(std::string_view syntax, std::string message, std::string_view text) {
  return fail(ErrorCode::kInvalidInput, "invalid " + std::string(syntax) + " range: " + message,
              quote(text, 80));
}

Result<Version> parse_version(Scheme scheme, std::string_view text, std::string_view syntax,
                              std::string_view range) {
  Result<Version> parsed = Version::parse(scheme, text);
  if (!parsed) {
    return invalid(syntax, "bad version " + quote(text, 60) + ": " + parsed.error().message, range);
  }
  return parsed;
}

Bound make_bound(Op op, Version version, std::string_view text) {
  Bound bound;
  bound.op = op;
  bound.version = std::move(version);
  bound.text = std::string(text);
  return bound;
}

std::string_view vers_comparator(Op op) {
  switch (op) {
    case Op::kEq:
    case Op::kPepEqual:
      return "=";
    case Op::kNe:
    case Op::kPepNotEqual:
      return "!=";
    case Op::kLt:
    case Op::kPepLt:
      return "<";
    case Op::kLe:
    case Op::kPepLe:
      return "<=";
    case Op::kGt:
    case Op::kPepGt:
      return ">";
    case Op::kGe:
    case Op::kPepGe:
      return ">=";
    default:
      return "";
  }
}

VersItem vers_item(std::string_view comparator, std::string_view text, const Version& version) {
  return VersItem{std::string(comparator), std::string(text), version};
}

// Increments a decimal digit string: "9" -> "10".
std::string increment(std::string_view digits) {
  std::string out(digits);
  for (std::size_t i = out.size(); i-- > 0;) {
    if (out[i] != '9') {
      ++out[i];
      return out;
    }
    out[i] = '0';
  }
  return "1" + out;
}

// ---------------------------------------------------------------------------------------------
// JavaScript whitespace (String.prototype.trim, /\s/), over UTF-8.

std::size_t js_space_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) {
    return 0;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char c = byte(0);
  const std::size_t left = text.size() - pos;
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) {
    return 1;
  }
  if (c == 0xc2 && left >= 2 && byte(1) == 0xa0) {
    return 2;
  }
  if ((c & 0xf0) != 0xe0 || left < 3 || (byte(1) & 0xc0) != 0x80 || (byte(2) & 0xc0) != 0x80) {
    return 0;
  }
  const unsigned code = (static_cast<unsigned>(c & 0x0f) << 12) |
                        (static_cast<unsigned>(byte(1) & 0x3f) << 6) | (byte(2) & 0x3fU);
  const bool space = code == 0x1680 || (code >= 0x2000 && code <= 0x200a) || code == 0x2028 ||
                     code == 0x2029 || code == 0x202f || code == 0x205f || code == 0x3000 ||
                     code == 0xfeff;
  return space ? 3 : 0;
}

// Trims and collapses every run of JavaScript whitespace into one space.
std::string js_collapse_spaces(std::string_view text) {
  std::string out;
  bool pending = false;
  for (std::size_t pos = 0; pos < text.size();) {
    if (const std::size_t n = js_space_at(text, pos)) {
      pending = true;
      pos += n;
      continue;
    }
    if (pending && !out.empty()) {
      out.push_back(' ');
    }
    pending = false;
    out.push_back(text[pos++]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// npm (node-semver 7 Range, non-loose).

bool is_x(std::string_view id) {
  return id.empty() || id == "x" || id == "X" || id == "*";
}

// An XRANGEPLAIN: [v=]* then M[.m[.p[-pre][+build]]], each part "0", [1-9][0-9]*, x, X or *.
struct Partial {
  std::string prefix;  // the "v"/"=" characters before the number
  std::string major, minor, patch;
  std::string pre;
  bool has_minor = false;
  bool has_patch = false;
};

bool is_ident_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

std::optional<Partial> parse_partial(std::string_view s) {
  Partial p;
  std::size_t pos = 0;
  while (pos < s.size() && (s[pos] == 'v' || s[pos] == '=')) {
    p.prefix.push_back(s[pos++]);
  }
  auto part = [&](std::string& out) -> bool {
    if (pos < s.size() && (s[pos] == 'x' || s[pos] == 'X' || s[pos] == '*')) {
      out = std::string(1, s[pos++]);
      return true;
    }
    const std::size_t begin = pos;
    while (pos < s.size() && is_ascii_digit(s[pos])) {
      ++pos;
    }
    if (pos == begin || (s[begin] == '0' && pos - begin > 1)) {
      return false;
    }
    out = std::string(s.substr(begin, pos - begin));
    return true;
  };
  if (!part(p.major)) {
    return std::nullopt;
  }
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    if (!part(p.minor)) {
      return std::nullopt;
    }
    p.has_minor = true;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      if (!part(p.patch)) {
        return std::nullopt;
      }
      p.has_patch = true;
      if (pos < s.size() && s[pos] == '-') {
        const std::size_t begin = ++pos;
        while (pos < s.size() && (is_ident_char(s[pos]) || s[pos] == '.')) {
          ++pos;
        }
        p.pre = std::string(s.substr(begin, pos - begin));
        if (p.pre.empty()) {
          return std::nullopt;
        }
      }
      if (pos < s.size() && s[pos] == '+') {
        // Build metadata: one or more non-empty identifiers separated by dots.
        do {
          const std::size_t begin = ++pos;
          while (pos < s.size() && is_ident_char(s[pos])) {
            ++pos;
          }
          if (pos == begin) {
            return std::nullopt;
          }
        } while (pos < s.size() && s[pos] == '.');
      }
    }
  }
  if (pos != s.size()) {
    return std::nullopt;
  }
  // node-semver leaves "x.1" and "1.x.2" unrewritten, and the comparator then fails.
  if ((is_x(p.major) && !is_x(p.minor) && p.has_minor) ||
      (is_x(p.minor) && p.has_minor && p.has_patch && !is_x(p.patch))) {
    return std::nullopt;
  }
  return p;
}

std::string full(const Partial& p) {
  return p.major + "." + p.minor + "." + p.patch + (p.pre.empty() ? "" : "-" + p.pre);
}

// A desugared comparator: operator and version text, "" for any, or the null set.
struct NodeComparator {
  std::string op;  // "", "<", "<=", ">", ">="
  std::string version;
  bool any = false;
};

// Desugars one comparator token (operator already attached) into node-semver comparators, under
// the includePrerelease option or not: carets, tildes and x-ranges (desugar_npm_sugar), then
// node-semver's replaceStars.
Result<std::vector<NodeComparator>> desugar_npm_sugar(std::string_view token, bool include_pre,
                                                      std::string_view range);

Result<std::vector<NodeComparator>> desugar_npm(std::string_view token, bool include_pre,
                                                std::string_view range) {
  Result<std::vector<NodeComparator>> sugar = desugar_npm_sugar(token, include_pre, range);
  const std::size_t star = token.find('*');
  if (sugar || star == std::string_view::npos) {
    return sugar;
  }
  // A token no sugar rule took stays as written, and node-semver's replaceStars then deletes
  // the first match of /(<|>)?=?\s*\*/ from it ("1.2.3-alpha.10*.8" -> "1.2.3-alpha.10.8"); what
  // is left must be a plain comparator, or nothing (any version).
  std::size_t begin = star;
  if (star >= 2 && (token[star - 2] == '<' || token[star - 2] == '>') && token[star - 1] == '=') {
    begin = star - 2;
  } else if (star >= 1 &&
             (token[star - 1] == '<' || token[star - 1] == '>' || token[star - 1] == '=')) {
    begin = star - 1;
  }
  const std::string rest =
      std::string(token.substr(0, begin)) + std::string(token.substr(star + 1));
  if (rest.empty()) {
    return std::vector<NodeComparator>{{"", "", true}};
  }
  std::size_t op_size = 0;
  if (rest.rfind("<=", 0) == 0 || rest.rfind(">=", 0) == 0) {
    op_size = 2;
  } else if (rest[0] == '<' || rest[0] == '>' || rest[0] == '=') {
    op_size = 1;
  }
  const std::optional<Partial> p = parse_partial(std::string_view(rest).substr(op_size));
  if (!p || !(p->prefix.empty() || p->prefix == "v") || !p->has_patch || is_x(p->major) ||
      is_x(p->minor) || is_x(p->patch)) {
    return sugar;
  }
  const std::string op = rest.substr(0, op_size);
  return std::vector<NodeComparator>{{op == "=" ? "" : op, full(*p)}};
}

Result<std::vector<NodeComparator>> desugar_npm_sugar(std::string_view token, bool include_pre,
                                                      std::string_view range) {
  const std::string z = include_pre ? "-0" : "";
  std::vector<NodeComparator> out;
  auto bad = [&]() { return invalid("npm", "invalid comparator " + quote(token, 60), range); };
  if (!token.empty() && (token[0] == '^' || token[0] == '~')) {
    const bool caret = token[0] == '^';
    std::string_view rest = token.substr(1);
    if (!caret && !rest.empty() && rest[0] == '>') {
      rest.remove_prefix(1);  // "~>" means "~"
    }
    const std::optional<Partial> p = parse_partial(rest);
    if (!p) {
      return bad();
    }
    const std::string& M = p->major;
    const std::string& m = p->minor;
    if (is_x(M)) {
      out.push_back({"", "", true});
    } else if (is_x(m)) {
      out.push_back({">=", M + ".0.0" + z});
      out.push_back({"<", increment(M) + ".0.0-0"});
    } else if (is_x(p->patch)) {
      out.push_back({">=", M + "." + m + ".0" + z});
      if (caret && M != "0") {
        out.push_back({"<", increment(M) + ".0.0-0"});
      } else {
        out.push_back({"<", M + "." + increment(m) + ".0-0"});
      }
    } else {
      out.push_back({">=", full(*p)});
      if (!caret) {
        out.push_back({"<", M + "." + increment(m) + ".0-0"});
      } else if (M != "0") {
        out.push_back({"<", increment(M) + ".0.0-0"});
      } else if (m != "0") {
        out.push_back({"<", M + "." + increment(m) + ".0-0"});
      } else {
        out.push_back({"<", M + "." + m + "." + increment(p->patch) + "-0"});
      }
    }
    return out;
  }
  std::size_t op_size = 0;
  if (token.rfind("<=", 0) == 0 || token.rfind(">=", 0) == 0) {
    op_size = 2;
  } else if (!token.empty() && (token[0] == '<' || token[0] == '>' || token[0] == '=')) {
    op_size = 1;
  }
  std::string gtlt(token.substr(0, op_size));
  const std::optional<Partial> p = parse_partial(token.substr(op_size));
  if (!p) {
    return bad();
  }
  const bool xM = is_x(p->major);
  const bool xm = xM || is_x(p->minor);
  const bool xp = xm || is_x(p->patch);
  if (!xp) {
    // A full version: the comparator regex allows only an optional "v" before it.
    if (!(p->prefix.empty() || p->prefix == "v")) {
      return bad();
    }
    out.push_back({gtlt == "=" ? "" : gtlt, full(*p)});
    return out;
  }
  if (gtlt == "=") {
    gtlt.clear();
  }
  std::string pr = include_pre ? "-0" : "";
  if (xM) {
    if (gtlt == ">" || gtlt == "<") {
      out.push_back({"<", "0.0.0-0"});  // the null set
    } else {
      out.push_back({"", "", true});
    }
    return out;
  }
  std::string M = p->major;
  std::string m = xm ? "0" : p->minor;
  std::string patch = "0";
  if (!gtlt.empty()) {
    if (gtlt == ">") {
      gtlt = ">=";
      if (xm) {
        M = increment(M);
        m = "0";
      } else {
        m = increment(m);
      }
    } else if (gtlt == "<=") {
      gtlt = "<";
      if (xm) {
        M = increment(M);
      } else {
        m = increment(m);
      }
    }
    if (gtlt == "<") {
      pr = "-0";
    }
    out.push_back({gtlt, M + "." + m + "." + patch + pr});
  } else if (xm) {
    out.push_back({">=", M + ".0.0" + pr});
    out.push_back({"<", increment(M) + ".0.0-0"});
  } else {
    out.push_back({">=", M + "." + m + ".0" + pr});
    out.push_back({"<", M + "." + increment(m) + ".0-0"});
  }
  return out;
}

// The hyphen range "A - B", desugared as node-semver's hyphenReplace.
Result<std::vector<NodeComparator>> desugar_hyphen(const Partial& from, const Partial& to,
                                                   std::string_view from_text,
                                                   std::string_view to_text, bool include_pre,
                                                   std::string_view range) {
  std::vector<NodeComparator> out;
  const std::string z = include_pre ? "-0" : "";
  auto written = [&](const Partial& p, std::string_view text) -> Result<std::string> {
    // node-semver writes the text as given after the operator; only "v" may precede it.
    if (!(p.prefix.empty() || p.prefix == "v")) {
      return invalid("npm", "invalid hyphen range bound " + quote(text, 60), range);
    }
    return full(p);
  };
  if (is_x(from.major)) {
    // no lower bound
  } else if (is_x(from.minor)) {
    out.push_back({">=", from.major + ".0.0" + z});
  } else if (is_x(from.patch)) {
    out.push_back({">=", from.major + "." + from.minor + ".0" + z});
  } else if (!from.pre.empty()) {
    ASSAY_TRY(std::string text, written(from, from_text));
    out.push_back({">=", text});
  } else {
    ASSAY_TRY(std::string text, written(from, from_text));
    out.push_back({">=", text + z});
  }
  if (is_x(to.major)) {
    // no upper bound
  } else if (is_x(to.minor)) {
    out.push_back({"<", increment(to.major) + ".0.0-0"});
  } else if (is_x(to.patch)) {
    out.push_back({"<", to.major + "." + increment(to.minor) + ".0-0"});
  } else if (!to.pre.empty()) {
    out.push_back({"<=", full(to)});
  } else if (include_pre) {
    out.push_back({"<", to.major + "." + to.minor + "." + increment(to.patch) + "-0"});
  } else {
    ASSAY_TRY(std::string text, written(to, to_text));
    out.push_back({"<=", text});
  }
  if (out.empty()) {
    out.push_back({"", "", true});
  }
  return out;
}

// Removes every "+build" suffix, as node-semver strips build metadata from the whole range.
std::string strip_builds(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '+' && pos + 1 < text.size() && is_ident_char(text[pos + 1])) {
      std::size_t end = pos + 1;
      while (true) {
        while (end < text.size() && is_ident_char(text[end])) {
          ++end;
        }
        if (end + 1 < text.size() && text[end] == '.' && is_ident_char(text[end + 1])) {
          ++end;
          continue;
        }
        break;
      }
      pos = end;
      continue;
    }
    out.push_back(text[pos++]);
  }
  return out;
}

// Splits one "||" alternative into comparator tokens with their operators attached, as
// node-semver's whitespace trimming does ("> 1.2" -> ">1.2", "~ 1.2" -> "~1.2").
std::vector<std::string> npm_tokens(std::string_view part) {
  std::vector<std::string> tokens;
  std::string current;
  for (const std::string_view word : split(part, ' ')) {
    if (word.empty()) {
      continue;
    }
    current += word;
    if (current.find_first_not_of("<>=~^") == std::string::npos) {
      continue;  // an operator alone takes the next word
    }
    tokens.push_back(current);
    current.clear();
  }
  if (!current.empty()) {
    tokens.push_back(current);
  }
  return tokens;
}

Result<Clause> to_clause(Scheme scheme, const std::vector<NodeComparator>& comparators,
                         std::string_view range) {
  Clause clause;
  for (const NodeComparator& c : comparators) {
    if (c.any) {
      continue;
    }
    ASSAY_TRY(Version version, parse_version(scheme, c.version, "npm", range));
    Op op = Op::kEq;
    if (c.op == "<") {
      op = Op::kLt;
    } else if (c.op == "<=") {
      op = Op::kLe;
    } else if (c.op == ">") {
      op = Op::kGt;
    } else if (c.op == ">=") {
      op = Op::kGe;
    }
    clause.push_back(make_bound(op, std::move(version), c.version));
  }
  return clause;
}

// The vers rendering of one npm alternative, in the vers-spec conventions (bounds written as
// released versions: "^1.2.3" -> ">=1.2.3|<2.0.0").
void npm_vers_clause(Scheme scheme, const std::vector<NodeComparator>& comparators, Model& model) {
  std::vector<VersItem> items;
  bool any = false;
  for (const NodeComparator& c : comparators) {
    if (c.any) {
      any = true;
      continue;
    }
    std::string text = c.version;
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "-0") == 0 && c.op == "<") {
      text.resize(text.size() - 2);  // "<2.0.0-0" is written "<2.0.0"
    }
    if (text.size() > 2 && text.compare(text.size() - 2, 2, "-0") == 0 && c.op == ">=") {
      text.resize(text.size() - 2);
    }
    Result<Version> version = Version::parse(scheme, text);
    if (!version) {
      model.vers_unsupported = "cannot write " + quote(c.version) + " in vers";
      return;
    }
    items.push_back(vers_item(c.op.empty() ? "=" : c.op, text, *version));
  }
  if (items.empty() && any) {
    items.push_back(VersItem{"*", "", std::nullopt});
  }
  model.vers_clauses.push_back(std::move(items));
}

}  // namespace

Result<Model> parse_npm(Scheme scheme, std::string_view text) {
  Model model;
  model.prerelease_rule = PrereleaseRule::kNode;
  const std::string raw = js_collapse_spaces(text);
  std::size_t start = 0;
  std::vector<std::string> parts;
  while (true) {
    const std::size_t bar = raw.find("||", start);
    parts.push_back(std::string(trim(std::string_view(raw).substr(
        start, bar == std::string::npos ? std::string::npos : bar - start))));
    if (bar == std::string::npos) {
      break;
    }
    start = bar + 2;
  }
  for (const std::string& part_text : parts) {
    const std::string part = strip_builds(part_text);
    for (const bool include_pre : {false, true}) {
      std::vector<NodeComparator> comparators;
      // Hyphen range: "A - B".
      const std::size_t dash = part.find(" - ");
      std::optional<Partial> from;
      std::optional<Partial> to;
      if (dash != std::string::npos) {
        from = parse_partial(std::string_view(part).substr(0, dash));
        to = parse_partial(std::string_view(part).substr(dash + 3));
      }
      if (from && to) {
        ASSAY_TRY(comparators,
                  desugar_hyphen(*from, *to, std::string_view(part).substr(0, dash),
                                 std::string_view(part).substr(dash + 3), include_pre, text));
      } else {
        for (const std::string& token : npm_tokens(part)) {
          ASSAY_TRY(std::vector<NodeComparator> more, desugar_npm(token, include_pre, text));
          comparators.insert(comparators.end(), more.begin(), more.end());
        }
        // ">=0.0.0" (">=0.0.0-0" under includePrerelease) means any version.
        const std::string zero = include_pre ? "0.0.0-0" : "0.0.0";
        for (NodeComparator& c : comparators) {
          if (c.op == ">=" && c.version == zero) {
            c = NodeComparator{"", "", true};
          }
        }
      }
      if (comparators.empty()) {
        comparators.push_back({"", "", true});
      }
      Result<Clause> clause = to_clause(scheme, comparators, text);
      if (!clause && include_pre) {
        // Under includePrerelease node-semver desugars some bounds differently ("A - 1.2.3" gets
        // "<1.2.4-0"); when that bound is not a valid version (a number past 2^53-1) node cannot
        // build the range in that mode only. The default mode still stands.
        model.include_invalid = true;
        continue;
      }
      if (!clause) {
        return tl::unexpected(std::move(clause).error());
      }
      (include_pre ? model.include_clauses : model.clauses).push_back(std::move(*clause));
      if (!include_pre) {
        npm_vers_clause(scheme, comparators, model);
      }
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// Cargo (Rust semver crate 1.x VersionReq).

namespace {

struct CargoPartial {
  std::string major, minor, patch, pre;
  int level = 0;  // how many numbers were written (0 for "*")
};

bool is_wildcard(char c) {
  return c == '*' || c == 'x' || c == 'X';
}

Result<CargoPartial> parse_cargo_partial(std::string_view s, std::string_view range) {
  CargoPartial p;
  std::size_t pos = 0;
  bool wildcard = false;
  std::string* parts[] = {&p.major, &p.minor, &p.patch};
  for (int index = 0; index < 3; ++index) {
    if (index > 0) {
      if (pos >= s.size() || s[pos] != '.') {
        break;
      }
      ++pos;
    }
    if (pos < s.size() && is_wildcard(s[pos])) {
      if (index == 0) {
        return invalid("Cargo", "a wildcard major version must stand alone: " + quote(s, 60),
                       range);
      }
      wildcard = true;
      ++pos;
      continue;
    }
    if (wildcard) {
      return invalid("Cargo", "a number cannot follow a wildcard", range);
    }
    const std::size_t begin = pos;
    while (pos < s.size() && is_ascii_digit(s[pos])) {
      ++pos;
    }
    if (pos == begin) {
      return invalid("Cargo", "expected a version number in " + quote(s, 60), range);
    }
    if (s[begin] == '0' && pos - begin > 1) {
      return invalid("Cargo", "invalid leading zero in " + quote(s, 60), range);
    }
    *parts[index] = std::string(s.substr(begin, pos - begin));
    p.level = index + 1;
  }
  if (pos < s.size() && s[pos] == '-') {
    if (p.level != 3) {
      return invalid("Cargo", "a pre-release needs major.minor.patch in " + quote(s, 60), range);
    }
    const std::size_t begin = ++pos;
    while (pos < s.size() && s[pos] != '+') {
      ++pos;
    }
    p.pre = std::string(s.substr(begin, pos - begin));
  }
  if (pos < s.size() && s[pos] == '+') {
    if (p.level != 3) {
      return invalid("Cargo", "build metadata needs major.minor.patch in " + quote(s, 60), range);
    }
    pos = s.size();  // build metadata is ignored; validated below with the whole version
  }
  if (pos != s.size()) {
    return invalid("Cargo", "unexpected text in " + quote(s, 60), range);
  }
  if (p.level == 3) {
    // Validate the full version (pre-release and build identifiers) with the Cargo flavour.
    ASSAY_TRY_VOID(parse_version(Scheme::kCargo, s, "Cargo", range));
  }
  return p;
}

// The semver crate skips only ASCII spaces around comparators, operators and commas.
std::string_view trim_spaces(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(' ');
  if (begin == std::string_view::npos) {
    return {};
  }
  return text.substr(begin, text.find_last_not_of(' ') - begin + 1);
}

// Cargo numbers are u64: the lowest version above every M.*, M.m.* or M.m.p, carrying into the
// next part when a number is u64's maximum, or "" when there is none (M is the maximum).
constexpr std::string_view kU64Max = "18446744073709551615";

std::string cargo_next_major(const std::string& major) {
  return major == kU64Max ? std::string() : increment(major) + ".0.0-0";
}

std::string cargo_next_minor(const std::string& major, const std::string& minor) {
  return minor == kU64Max ? cargo_next_major(major) : major + "." + increment(minor) + ".0-0";
}

std::string cargo_next_patch(const std::string& major, const std::string& minor,
                             const std::string& patch) {
  return patch == kU64Max ? cargo_next_minor(major, minor)
                          : major + "." + minor + "." + increment(patch) + "-0";
}

}  // namespace

Result<Model> parse_cargo(Scheme scheme, std::string_view text) {
  Model model;
  model.prerelease_rule = PrereleaseRule::kNode;
  const std::string_view whole = trim_spaces(text);
  if (whole.empty()) {
    return invalid("Cargo", "empty requirement", text);
  }
  if (whole == "*" || whole == "x" || whole == "X") {
    model.clauses.push_back(Clause{});
    model.vers_clauses.push_back({VersItem{"*", "", std::nullopt}});
    return model;
  }
  Clause clause;
  std::vector<VersItem> vers;
  auto add = [&](Op op, const std::string& version_text, bool synthetic) -> Result<bool> {
    if (version_text.empty()) {
      if (op == Op::kLt) {
        return true;  // no upper bound: no version lies above the u64 maximum
      }
      // A lower bound above the u64 maximum: nothing matches (below the lowest version).
      op = Op::kLt;
      ASSAY_TRY(Version lowest, parse_version(scheme, "0.0.0-0", "Cargo", text));
      Bound bound = make_bound(op, std::move(lowest), "0.0.0-0");
      bound.synthetic = true;
      clause.push_back(std::move(bound));
      vers.push_back(VersItem{"<", "0.0.0", std::nullopt});
      return true;
    }
    ASSAY_TRY(Version version, parse_version(scheme, version_text, "Cargo", text));
    Bound bound = make_bound(op, version, version_text);
    bound.synthetic = synthetic;
    clause.push_back(std::move(bound));
    std::string written = version_text;
    if (synthetic && written.size() > 2 && written.compare(written.size() - 2, 2, "-0") == 0) {
      written.resize(written.size() - 2);
    }
    Result<Version> shown = Version::parse(scheme, written);
    vers.push_back(vers_item(vers_comparator(op), written, shown ? *shown : version));
    return true;
  };
  const std::vector<std::string_view> comparators = split(whole, ',');
  if (comparators.size() > 32) {
    return invalid("Cargo", "more than 32 comparators", text);
  }
  for (const std::string_view raw : comparators) {
    std::string_view item = trim_spaces(raw);
    std::string op;
    for (const std::string_view candidate : {">=", "<=", "=", ">", "<", "~", "^"}) {
      if (item.rfind(candidate, 0) == 0) {
        op = std::string(candidate);
        break;
      }
    }
    item = trim_spaces(item.substr(op.size()));
    if (item.empty()) {
      return invalid("Cargo", "a comparator has no version", text);
    }
    ASSAY_TRY(CargoPartial p, parse_cargo_partial(item, text));
    const bool has_wildcard = p.level < 3 && item.find_first_of("*xX") != std::string_view::npos;
    const std::string& M = p.major;
    const std::string& m = p.minor;
    const std::string exact = p.level == 3 ? std::string(item.substr(0, item.find('+'))) : "";
    const std::string next_major = cargo_next_major(M);
    const std::string next_minor = p.level >= 2 ? cargo_next_minor(M, m) : "";
    const std::string major_floor = M + ".0.0-0";
    const std::string minor_floor = p.level >= 2 ? M + "." + m + ".0-0" : "";
    if (has_wildcard && op.empty()) {
      op = "=";  // "1.*" matches 1.x.y; after an operator a wildcard just ends the version
    }
    if (p.level < 3 && (op == "=" || op == ">=" || op == "<=" || op == "~")) {
      // The semver crate matches these partial comparators against a version's pre-release
      // too (an absent pre-release ranks highest): no pre-release of M.* (or M.m.*) satisfies
      // "=M", ">=M", "<=M" or "~M", even when another comparator admits pre-releases.
      ASSAY_TRY(Version floor,
                parse_version(scheme, p.level == 2 ? minor_floor : major_floor, "Cargo", text));
      Bound bound = make_bound(Op::kCargoNoPrerelease, std::move(floor), "");
      bound.synthetic = true;
      const std::string& next = p.level == 2 ? next_minor : next_major;
      if (!next.empty()) {
        ASSAY_TRY(bound.extra, parse_version(scheme, next, "Cargo", text));
      }
      clause.push_back(std::move(bound));
    }
    if (op == "=") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kEq, exact, false));
      } else {
        ASSAY_TRY_VOID(add(Op::kGe, p.level == 2 ? minor_floor : major_floor, true));
        ASSAY_TRY_VOID(add(Op::kLt, p.level == 2 ? next_minor : next_major, true));
      }
    } else if (op == ">") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kGt, exact, false));
      } else {
        ASSAY_TRY_VOID(add(Op::kGe, p.level == 2 ? next_minor : next_major, true));
      }
    } else if (op == ">=") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kGe, exact, false));
      } else {
        ASSAY_TRY_VOID(add(Op::kGe, p.level == 2 ? minor_floor : major_floor, true));
      }
    } else if (op == "<") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kLt, exact, false));
      } else {
        ASSAY_TRY_VOID(add(Op::kLt, p.level == 2 ? minor_floor : major_floor, true));
      }
    } else if (op == "<=") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kLe, exact, false));
      } else {
        ASSAY_TRY_VOID(add(Op::kLt, p.level == 2 ? next_minor : next_major, true));
      }
    } else if (op == "~") {
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kGe, exact, false));
        ASSAY_TRY_VOID(add(Op::kLt, next_minor, true));
      } else {
        ASSAY_TRY_VOID(add(Op::kGe, p.level == 2 ? minor_floor : major_floor, true));
        ASSAY_TRY_VOID(add(Op::kLt, p.level == 2 ? next_minor : next_major, true));
      }
    } else {  // "^" or none
      if (p.level == 3) {
        ASSAY_TRY_VOID(add(Op::kGe, exact, false));
        if (M != "0") {
          ASSAY_TRY_VOID(add(Op::kLt, next_major, true));
        } else if (m != "0") {
          ASSAY_TRY_VOID(add(Op::kLt, next_minor, true));
        } else {
          ASSAY_TRY_VOID(add(Op::kLt, cargo_next_patch(M, m, p.patch), true));
        }
      } else if (p.level == 2) {
        ASSAY_TRY_VOID(add(Op::kGe, minor_floor, true));
        ASSAY_TRY_VOID(add(Op::kLt, M != "0" ? next_major : next_minor, true));
      } else {
        ASSAY_TRY_VOID(add(Op::kGe, major_floor, true));
        ASSAY_TRY_VOID(add(Op::kLt, next_major, true));
      }
    }
  }
  model.clauses.push_back(std::move(clause));
  if (vers.empty()) {
    vers.push_back(VersItem{"*", "", std::nullopt});
  }
  model.vers_clauses.push_back(std::move(vers));
  return model;
}

// ---------------------------------------------------------------------------------------------
// PEP 440 specifier sets (packaging 23 SpecifierSet).

namespace {

std::string pep_pre_letter(const Pep440Version& v) {
  switch (v.pre_kind()) {
    case Pep440Version::PreKind::kAlpha:
      return "a";
    case Pep440Version::PreKind::kBeta:
      return "b";
    case Pep440Version::PreKind::kRc:
      return "rc";
    case Pep440Version::PreKind::kNone:
      break;
  }
  return "";
}

// packaging.utils.canonicalize_version on a parsed version, without its local part.
std::string canonical_public(const Pep440Version& v, bool strip_trailing_zero) {
  std::string out;
  if (v.epoch() != "0") {
    out += std::string(v.epoch()) + "!";
  }
  std::string release;
  for (std::size_t i = 0; i < v.release_size(); ++i) {
    release += (i == 0 ? "" : ".") + std::string(v.release(i));
  }
  if (strip_trailing_zero) {
    while (release.size() >= 2 && release.compare(release.size() - 2, 2, ".0") == 0) {
      release.resize(release.size() - 2);
    }
  }
  out += release;
  if (v.pre_kind() != Pep440Version::PreKind::kNone) {
    out += pep_pre_letter(v) + std::string(v.pre_number());
  }
  if (v.has_post()) {
    out += ".post" + std::string(v.post());
  }
  if (v.has_dev()) {
    out += ".dev" + std::string(v.dev());
  }
  return out;
}

std::vector<std::string> pep_version_split(std::string_view version) {
  std::vector<std::string> out;
  for (const std::string_view item : split(version, '.')) {
    // ^([0-9]+)((?:a|b|c|rc)[0-9]+)$
    std::size_t digits = 0;
    while (digits < item.size() && is_ascii_digit(item[digits])) {
      ++digits;
    }
    const std::string_view rest = item.substr(digits);
    std::size_t letters = 0;
    if (rest.rfind("rc", 0) == 0) {
      letters = 2;
    } else if (!rest.empty() && (rest[0] == 'a' || rest[0] == 'b' || rest[0] == 'c')) {
      letters = 1;
    }
    if (digits > 0 && letters > 0 && rest.size() > letters && all_digits(rest.substr(letters))) {
      out.emplace_back(item.substr(0, digits));
      out.emplace_back(rest);
    } else {
      out.emplace_back(item);
    }
  }
  return out;
}

// Specifier._compare_equal with a ".*" prefix (given without ".*").
bool pep_prefix_match(const Pep440Version& prospective, const Pep440Version& prefix) {
  const std::vector<std::string> spec = pep_version_split(canonical_public(prefix, false));
  std::vector<std::string> left = pep_version_split(canonical_public(prospective, true));
  auto numeric_prefix = [](const std::vector<std::string>& parts) {
    std::size_t n = 0;
    while (n < parts.size() && all_digits(parts[n])) {
      ++n;
    }
    return n;
  };
  const std::size_t left_numbers = numeric_prefix(left);
  const std::size_t right_numbers = numeric_prefix(spec);
  if (right_numbers > left_numbers) {
    left.insert(left.begin() + static_cast<std::ptrdiff_t>(left_numbers),
                right_numbers - left_numbers, "0");
  }
  if (left.size() > spec.size()) {
    left.resize(spec.size());
  }
  return left == spec;
}

Result<Version> pep_parse(std::string_view text, std::string_view range) {
  return parse_version(Scheme::kPep440, text, "PEP 440", range);
}

// Whether the base versions (epoch and release, trailing zeros ignored) are equal.
bool same_base(const Pep440Version& a, const Pep440Version& b) {
  if (compare_numeric_strings(a.epoch(), b.epoch()) != 0) {
    return false;
  }
  const std::size_t count = std::max(a.release_size(), b.release_size());
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view x = i < a.release_size() ? a.release(i) : "0";
    const std::string_view y = i < b.release_size() ? b.release(i) : "0";
    if (compare_numeric_strings(x, y) != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<Model> parse_pep440(Scheme scheme, std::string_view text) {
  Model model;
  model.prerelease_rule = PrereleaseRule::kPep440;
  Clause clause;
  std::vector<VersItem> vers;
  for (const std::string_view raw : split(text, ',')) {
    const std::string_view spec = trim(raw);
    if (spec.empty()) {
      continue;
    }
    std::string op;
    for (const std::string_view candidate : {"===", "~=", "==", "!=", "<=", ">=", "<", ">"}) {
      if (spec.rfind(candidate, 0) == 0) {
        op = std::string(candidate);
        break;
      }
    }
    if (op.empty()) {
      return invalid("PEP 440", "specifier " + quote(spec, 60) + " has no operator", text);
    }
    const std::string_view version_text = trim(spec.substr(op.size()));
    if (version_text.empty() || version_text.find_first_of(" \t\r\n") != std::string_view::npos) {
      return invalid("PEP 440", "specifier " + quote(spec, 60) + " has no single version", text);
    }
    Bound bound;
    bound.text = std::string(version_text);
    bool prerelease_capable = op == "==" || op == ">=" || op == "<=" || op == "~=" || op == "===";
    if (op == "===") {
      if (version_text.find_first_of(";)") != std::string_view::npos) {
        return invalid("PEP 440", "bad arbitrary-equality version " + quote(version_text), text);
      }
      bound.op = Op::kPepArbitrary;
      Result<Version> parsed = Version::parse(Scheme::kPep440, version_text);
      if (parsed) {
        bound.version = *parsed;
      }
      model.vers_unsupported = "\"===\" has no vers equivalent";
    } else if ((op == "==" || op == "!=") && version_text.size() > 2 &&
               version_text.compare(version_text.size() - 2, 2, ".*") == 0) {
      const std::string_view prefix = version_text.substr(0, version_text.size() - 2);
      // Only an epoch and a release may precede ".*".
      std::string_view release = prefix;
      if (!release.empty() && (release[0] == 'v' || release[0] == 'V')) {
        release.remove_prefix(1);
      }
      if (const std::size_t bang = release.find('!'); bang != std::string_view::npos) {
        release.remove_prefix(bang + 1);
      }
      for (const std::string_view number : split(release, '.')) {
        if (!all_digits(number)) {
          return invalid("PEP 440", "only a release may precede \".*\" in " + quote(spec), text);
        }
      }
      ASSAY_TRY(bound.version, pep_parse(prefix, text));
      bound.op = op == "==" ? Op::kPepPrefix : Op::kPepNotPrefix;
      model.vers_unsupported = "a \".*\" prefix match has no vers equivalent";
    } else {
      ASSAY_TRY(bound.version, pep_parse(version_text, text));
      const Pep440Version& v = *bound.version->as<Pep440Version>();
      if (v.has_local() && op != "==" && op != "!=") {
        return invalid("PEP 440", "a local version is only allowed with == and !=: " + quote(spec),
                       text);
      }
      if (op == "~=" && v.release_size() < 2) {
        return invalid("PEP 440", "\"~=\" needs at least two release numbers: " + quote(spec),
                       text);
      }
      bound.op = op == "=="   ? Op::kPepEqual
                 : op == "!=" ? Op::kPepNotEqual
                 : op == "<"  ? Op::kPepLt
                 : op == ">"  ? Op::kPepGt
                 : op == "<=" ? Op::kPepLe
                 : op == ">=" ? Op::kPepGe
                              : Op::kPepCompatible;
      if (op == "~=") {
        model.vers_unsupported = "\"~=\" has no exact vers equivalent";
      } else {
        vers.push_back(vers_item(vers_comparator(bound.op), version_text, *bound.version));
      }
    }
    if (prerelease_capable && bound.version) {
      const Pep440Version* v = bound.version->as<Pep440Version>();
      if (v != nullptr && v->is_prerelease()) {
        model.pep440_allows_prereleases = true;
      }
    }
    clause.push_back(std::move(bound));
  }
  model.clauses.push_back(std::move(clause));
  if (vers.empty() && model.vers_unsupported.empty()) {
    vers.push_back(VersItem{"*", "", std::nullopt});
  }
  // A specifier set is a conjunction; vers can write it only when it is one interval or a list
  // of exclusions, which the union check in to_vers() verifies.
  model.vers_clauses.push_back(std::move(vers));
  static_cast<void>(scheme);
  return model;
}

bool satisfies_pep440(const Bound& bound, const Version& version) {
  const Pep440Version* prospective = version.as<Pep440Version>();
  if (prospective == nullptr) {
    return false;
  }
  if (bound.op == Op::kPepArbitrary) {
    return ascii_lower(prospective->canonical()) == ascii_lower(bound.text);
  }
  const Pep440Version& spec = *bound.version->as<Pep440Version>();
  auto public_of = [&]() { return *Version::parse(Scheme::kPep440, prospective->public_text()); };
  switch (bound.op) {
    case Op::kPepLe:
      return public_of().compare(*bound.version) <= 0;
    case Op::kPepGe:
      return public_of().compare(*bound.version) >= 0;
    case Op::kPepLt:
      if (version.compare(*bound.version) >= 0) {
        return false;
      }
      return !(!spec.is_prerelease() && prospective->is_prerelease() &&
               same_base(*prospective, spec));
    case Op::kPepGt:
      if (version.compare(*bound.version) <= 0) {
        return false;
      }
      if (!spec.has_post() && prospective->has_post() && same_base(*prospective, spec)) {
        return false;
      }
      return !(prospective->has_local() && same_base(*prospective, spec));
    case Op::kPepEqual:
    case Op::kPepNotEqual: {
      const bool equal = spec.has_local() ? version.compare(*bound.version) == 0
                                          : public_of().compare(*bound.version) == 0;
      return bound.op == Op::kPepEqual ? equal : !equal;
    }
    case Op::kPepPrefix:
      return pep_prefix_match(*prospective, spec);
    case Op::kPepNotPrefix:
      return !pep_prefix_match(*prospective, spec);
    case Op::kPepCompatible: {
      if (public_of().compare(*bound.version) < 0) {
        return false;
      }
      std::vector<std::string> parts;
      for (const std::string& part : pep_version_split(bound.text)) {
        bool suffix = false;
        for (const std::string_view marker : {"dev", "a", "b", "rc", "post"}) {
          suffix = suffix || part.rfind(marker, 0) == 0;
        }
        if (suffix) {
          break;
        }
        parts.push_back(part);
      }
      if (!parts.empty()) {
        parts.pop_back();
      }
      const Result<Version> prefix = Version::parse(Scheme::kPep440, join(parts, "."));
      return prefix && pep_prefix_match(*prospective, *prefix->as<Pep440Version>());
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Maven version ranges (VersionRange.createFromVersionSpec).

Result<Model> parse_maven(Scheme scheme, std::string_view text) {
  Model model;
  if (trim(text).empty()) {
    return invalid("Maven", "empty range", text);
  }
  std::string_view process = text;
  std::optional<Version> upper_of_previous;
  bool has_restriction = false;
  while (!process.empty() && (process[0] == '[' || process[0] == '(')) {
    const std::size_t close_paren = process.find(')');
    const std::size_t close_bracket = process.find(']');
    std::size_t index = close_bracket;
    if (close_bracket == std::string_view::npos ||
        (close_paren != std::string_view::npos && close_paren < close_bracket)) {
      index = close_paren;
    }
    if (index == std::string_view::npos) {
      return invalid("Maven", "unbounded range (no closing \"]\" or \")\")", text);
    }
    const std::string_view spec = process.substr(0, index + 1);
    const bool lower_inclusive = spec[0] == '[';
    const bool upper_inclusive = spec.back() == ']';
    const std::string_view inside = trim(spec.substr(1, spec.size() - 2));
    Clause clause;
    std::vector<VersItem> vers;
    const std::size_t comma = inside.find(',');
    std::optional<Version> lower;
    std::optional<Version> upper;
    if (comma == std::string_view::npos) {
      if (!lower_inclusive || !upper_inclusive) {
        return invalid("Maven", "a single version must be surrounded by []", text);
      }
      ASSAY_TRY(Version version, parse_version(scheme, inside, "Maven", text));
      clause.push_back(make_bound(Op::kEq, version, inside));
      vers.push_back(vers_item("=", inside, version));
      lower = upper = version;
    } else {
      const std::string_view low = trim(inside.substr(0, comma));
      const std::string_view high = trim(inside.substr(comma + 1));
      if (high.find(',') != std::string_view::npos) {
        return invalid("Maven", "a restriction has more than two versions", text);
      }
      if (!low.empty()) {
        ASSAY_TRY(lower, parse_version(scheme, low, "Maven", text));
        clause.push_back(make_bound(lower_inclusive ? Op::kGe : Op::kGt, *lower, low));
        vers.push_back(vers_item(lower_inclusive ? ">=" : ">", low, *lower));
      }
      if (!high.empty()) {
        ASSAY_TRY(upper, parse_version(scheme, high, "Maven", text));
        clause.push_back(make_bound(upper_inclusive ? Op::kLe : Op::kLt, *upper, high));
        vers.push_back(vers_item(upper_inclusive ? "<=" : "<", high, *upper));
      }
      // As Maven: equal bounds make a range only when both are inclusive ("[1.0,1.0]").
      if (lower && upper &&
          (upper->compare(*lower) < 0 ||
           (upper->compare(*lower) == 0 && !(lower_inclusive && upper_inclusive)))) {
        return invalid("Maven", "range defies version ordering", text);
      }
      if (vers.empty()) {
        vers.push_back(VersItem{"*", "", std::nullopt});
      }
    }
    // Maven checks a restriction against the previous one's upper bound only when that has one.
    if (upper_of_previous && (!lower || lower->compare(*upper_of_previous) < 0)) {
      return invalid("Maven", "ranges overlap", text);
    }
    has_restriction = true;
    upper_of_previous = upper;
    model.clauses.push_back(std::move(clause));
    model.vers_clauses.push_back(std::move(vers));
    process = trim(process.substr(index + 1));
    if (!process.empty() && process[0] == ',') {
      process = trim(process.substr(1));
    }
  }
  if (!process.empty()) {
    if (has_restriction) {
      return invalid("Maven", "only fully-qualified sets are allowed with several ranges", text);
    }
    // A soft requirement ("1.0"): read as that version (see docs/formats/versions.md).
    ASSAY_TRY(Version version, parse_version(scheme, process, "Maven", text));
    model.clauses.push_back(Clause{make_bound(Op::kEq, version, process)});
    model.vers_clauses.push_back({vers_item("=", process, version)});
  }
  if (model.clauses.empty()) {
    return invalid("Maven", "empty range", text);
  }
  return model;
}

// ---------------------------------------------------------------------------------------------
// RubyGems requirements (Gem::Requirement), comma-separated.

Result<Model> parse_rubygems(Scheme scheme, std::string_view text) {
  Model model;
  Clause clause;
  std::vector<VersItem> vers;
  for (const std::string_view raw : split(text, ',')) {
    std::string_view item = trim(raw);
    std::string op = "=";
    for (const std::string_view candidate : {"~>", ">=", "<=", "!=", "=", ">", "<"}) {
      if (item.rfind(candidate, 0) == 0) {
        op = std::string(candidate);
        item = trim(item.substr(candidate.size()));
        break;
      }
    }
    if (item.empty()) {
      return invalid("RubyGems", "a requirement has no version", text);
    }
    ASSAY_TRY(Version version, parse_version(scheme, item, "RubyGems", text));
    if (op == "~>") {
      const RubyGemsVersion& gem = *version.as<RubyGemsVersion>();
      std::vector<std::string> numbers;
      std::size_t count = gem.segment_count();
      for (std::size_t i = 0; i < gem.segment_count(); ++i) {
        if (!gem.segment_is_number(i)) {
          count = i;
          break;
        }
      }
      // Gem::Version#bump: drop every segment from the first letter on, drop the last number
      // when more than one remains, then add one to the last.
      for (std::size_t i = 0; i < count; ++i) {
        numbers.emplace_back(gem.segment(i));
      }
      if (numbers.size() > 1) {
        numbers.pop_back();
      }
      if (numbers.empty()) {
        return invalid("RubyGems", "\"~>\" needs a version with a number", text);
      }
      numbers.back() = increment(numbers.back());
      const std::string bump_text = join(numbers, ".");
      ASSAY_TRY(Version bump, parse_version(scheme, bump_text, "RubyGems", text));
      Bound bound = make_bound(Op::kGemPessimistic, version, item);
      bound.extra = bump;
      clause.push_back(std::move(bound));
      vers.push_back(vers_item(">=", item, version));
      vers.push_back(vers_item("<", bump_text, bump));
      continue;
    }
    const Op kind = op == "="    ? Op::kEq
                    : op == "!=" ? Op::kNe
                    : op == ">"  ? Op::kGt
                    : op == ">=" ? Op::kGe
                    : op == "<"  ? Op::kLt
                                 : Op::kLe;
    clause.push_back(make_bound(kind, version, item));
    vers.push_back(vers_item(vers_comparator(kind), item, version));
  }
  model.clauses.push_back(std::move(clause));
  model.vers_clauses.push_back(std::move(vers));
  return model;
}

bool satisfies_gem_pessimistic(const Bound& bound, const Version& version) {
  if (version.compare(*bound.version) < 0) {
    return false;
  }
  const RubyGemsVersion* gem = version.as<RubyGemsVersion>();
  if (gem == nullptr) {
    return false;
  }
  if (!gem->is_prerelease()) {
    return version.compare(*bound.extra) < 0;
  }
  // Gem::Version#release: the numbers before the first letter.
  std::vector<std::string> numbers;
  for (std::size_t i = 0; i < gem->segment_count() && gem->segment_is_number(i); ++i) {
    numbers.emplace_back(gem->segment(i));
  }
  const Result<Version> release = Version::parse(Scheme::kRubyGems, join(numbers, "."));
  return release && release->compare(*bound.extra) < 0;
}

// ---------------------------------------------------------------------------------------------
// Composer constraints (VersionParser::parseConstraints), main forms.

namespace {

struct ComposerNumbers {
  std::string parts[4];       // as written; empty when absent
  bool has_modifier = false;  // a stability modifier or "-dev" follows the numbers
};

// v?(\d+)(\.\d+)?(\.\d+)?(\.\d+)? then the rest.
std::optional<ComposerNumbers> composer_numbers(std::string_view s, std::size_t& pos) {
  ComposerNumbers numbers;
  if (pos < s.size() && (s[pos] == 'v' || s[pos] == 'V')) {
    ++pos;
  }
  for (int i = 0; i < 4; ++i) {
    std::size_t at = pos;
    if (i > 0) {
      if (at >= s.size() || s[at] != '.') {
        break;
      }
      ++at;
    }
    const std::size_t begin = at;
    while (at < s.size() && is_ascii_digit(s[at])) {
      ++at;
    }
    if (at == begin) {
      if (i == 0) {
        return std::nullopt;
      }
      break;
    }
    numbers.parts[i] = std::string(s.substr(begin, at - begin));
    pos = at;
  }
  return numbers;
}

// manipulateVersionString: pad after `position`, add `increment` at it.
std::string manipulate(const ComposerNumbers& numbers, int position, int increment_by) {
  std::string parts[4];
  for (int i = 0; i < 4; ++i) {
    parts[i] = numbers.parts[i];
  }
  for (int i = 4; i > 0; --i) {
    std::string& part = parts[i - 1];
    if (i > position) {
      part = "0";
    } else if (i == position && increment_by != 0) {
      std::string_view digits = part.empty() ? std::string_view("0") : std::string_view(part);
      while (digits.size() > 1 && digits[0] == '0') {
        digits.remove_prefix(1);
      }
      part = increment(digits);
    }
  }
  return parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
}

// composer/semver's version pattern inside constraints: "v?N(.N){0,3}", then a stability
// modifier ("[._-]?(word digits)?([.-]?dev)?") or ".x-dev", then "+build", to the end. The
// groups are those parseConstraint reads.
struct ConstraintVersion {
  ComposerNumbers numbers;
  std::string word;   // stable, beta, b, RC, alpha, a, patch, pl or p, as written
  std::string dev;    // "dev" with its separator, when present
  std::string x_dev;  // ".x-dev" form, when present
};

bool has_at(std::string_view s, std::size_t pos, std::string_view word, bool ignore_case) {
  if (pos + word.size() > s.size()) {
    return false;
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char a = s[pos + i];
    const char b = word[i];
    if (ignore_case ? ascii_to_lower(a) != ascii_to_lower(b) : a != b) {
      return false;
    }
  }
  return true;
}

constexpr std::string_view kStabilityWords[] = {"stable", "beta",  "b",  "RC", "alpha",
                                                "a",      "patch", "pl", "p"};

// Matches the stability modifier at `pos` in PCRE's order of alternatives and asks `rest` to
// match the remainder from where the modifier ended; the first success wins.
template <typename Rest>
bool match_modifier(std::string_view s, std::size_t pos, bool ignore_case, ConstraintVersion& out,
                    const Rest& rest) {
  const bool can_separate = pos < s.size() && (s[pos] == '.' || s[pos] == '_' || s[pos] == '-');
  for (const bool separate : {true, false}) {
    if (separate && !can_separate) {
      continue;
    }
    const std::size_t at = pos + (separate ? 1 : 0);
    // The word group, each word in order, then without it.
    for (std::size_t w = 0; w <= std::size(kStabilityWords); ++w) {
      std::size_t after = at;
      std::string word;
      if (w < std::size(kStabilityWords)) {
        if (!has_at(s, at, kStabilityWords[w], ignore_case)) {
          continue;
        }
        word = std::string(s.substr(at, kStabilityWords[w].size()));
        after += kStabilityWords[w].size();
        // ((?:[.-]?\d+)*+): possessive.
        while (true) {
          std::size_t next = after;
          if (next < s.size() && (s[next] == '.' || s[next] == '-')) {
            ++next;
          }
          const std::size_t digits = next;
          while (next < s.size() && is_ascii_digit(s[next])) {
            ++next;
          }
          if (next == digits) {
            break;
          }
          after = next;
        }
      }
      // ([.-]?dev)?: with the separator, without it, then no dev at all.
      for (int d = 0; d < 3; ++d) {
        std::size_t end = after;
        std::string dev;
        if (d == 0) {
          if (!(end < s.size() && (s[end] == '.' || s[end] == '-') &&
                has_at(s, end + 1, "dev", true))) {
            continue;
          }
          dev = std::string(s.substr(end, 4));
          end += 4;
        } else if (d == 1) {
          if (!has_at(s, end, "dev", true)) {
            continue;
          }
          dev = std::string(s.substr(end, 3));
          end += 3;
        }
        out.word = word;
        out.dev = dev;
        if (rest(end)) {
          return true;
        }
      }
    }
  }
  return false;
}

// (?:\+[^\s]+)?$ from `pos`.
bool build_then_end(std::string_view s, std::size_t pos) {
  if (pos == s.size()) {
    return true;
  }
  if (s[pos] != '+' || pos + 1 == s.size()) {
    return false;
  }
  for (std::size_t i = pos + 1; i < s.size(); ++i) {
    if (is_pcre_space(s[i])) {
      return false;
    }
  }
  return true;
}

std::optional<ConstraintVersion> match_constraint_version(std::string_view s) {
  std::size_t pos = 0;
  std::optional<ComposerNumbers> numbers = composer_numbers(s, pos);
  if (!numbers) {
    return std::nullopt;
  }
  ConstraintVersion out;
  out.numbers = *numbers;
  if (match_modifier(s, pos, true, out, [&](std::size_t end) { return build_then_end(s, end); })) {
    return out;
  }
  // \.([xX*][.-]?dev)
  out.word.clear();
  out.dev.clear();
  if (pos + 1 < s.size() && s[pos] == '.' &&
      (s[pos + 1] == 'x' || s[pos + 1] == 'X' || s[pos + 1] == '*')) {
    for (const bool separate : {true, false}) {
      std::size_t at = pos + 2;
      if (separate) {
        if (!(at < s.size() && (s[at] == '.' || s[at] == '-'))) {
          continue;
        }
        ++at;
      }
      if (has_at(s, at, "dev", true) && build_then_end(s, at + 3)) {
        out.x_dev = std::string(s.substr(pos, at + 3 - pos));
        return out;
      }
    }
  }
  return std::nullopt;
}

// One parsed constraint: operator and the version string composer/semver's Constraint holds.
struct ComposerBound {
  Op op;
  std::string version;
};

// composer/semver's parseStability of a normalised version: "stable" or not.
bool is_stable(std::string_view normalized) {
  const std::string lower = ascii_lower(normalized.substr(0, normalized.find('#')));
  if (lower.rfind("dev-", 0) == 0 ||
      (lower.size() >= 4 && lower.compare(lower.size() - 4, 4, "-dev") == 0)) {
    return false;
  }
  for (const std::string_view word : {"-alpha", "-beta", "-rc", "-dev"}) {
    if (lower.find(word) != std::string::npos) {
      return false;
    }
  }
  return true;
}

// Whether lower-cased `text` ends in "-" and a modifier, as parseConstraint's
// /-MODIFIER$/ test (case-sensitive, so a lower-cased "rc" is no modifier there).
bool ends_with_dash_modifier(std::string_view text) {
  for (std::size_t dash = text.find('-'); dash != std::string_view::npos;
       dash = text.find('-', dash + 1)) {
    ConstraintVersion ignored;
    if (match_modifier(text, dash + 1, false, ignored,
                       [&](std::size_t end) { return end == text.size(); })) {
      return true;
    }
  }
  return false;
}

Result<std::vector<ComposerBound>> composer_constraint(std::string_view input,
                                                       std::string_view range) {
  auto bad = [&](std::string_view why) {
    return invalid("Composer",
                   "could not parse version constraint " + quote(input, 60) +
                       (why.empty() ? "" : ": " + std::string(why)),
                   range);
  };
  auto normalize = [&](std::string_view version) -> Result<std::string> {
    Result<ComposerVersion> parsed = ComposerVersion::parse(version);
    if (!parsed) {
      return bad(parsed.error().message);
    }
    return parsed->normalized();
  };
  auto not_space_or_comma = [](std::string_view part) {
    return std::none_of(part.begin(), part.end(),
                        [](char c) { return c == ',' || is_pcre_space(c); });
  };
  std::string c(input);
  // "A as B": an alias; only A constrains.
  if (const std::size_t space = c.find(' ');
      space != std::string::npos && space > 0 && not_space_or_comma(c.substr(0, space))) {
    std::size_t at = c.find_first_not_of(' ', space);
    if (at != std::string::npos && c.compare(at, 2, "as") == 0 && at + 2 < c.size() &&
        c[at + 2] == ' ') {
      const std::size_t target = c.find_first_not_of(' ', at + 2);
      if (target != std::string::npos && not_space_or_comma(std::string_view(c).substr(target))) {
        c.resize(space);
      }
    }
  }
  // "@stability" flags: kept to qualify ordered comparisons below.
  std::string stability;
  if (const std::size_t at = c.rfind('@'); at != std::string::npos) {
    const std::string_view flag = std::string_view(c).substr(at + 1);
    const bool known = std::any_of(std::begin(kStabilityWords), std::end(kStabilityWords),
                                   [&](std::string_view word) {
                                     return (word == "stable" || word == "RC" || word == "beta" ||
                                             word == "alpha") &&
                                            flag.size() == word.size() &&
                                            has_at(flag, 0, word, true);
                                   }) ||
                       (flag.size() == 3 && has_at(flag, 0, "dev", true));
    if (known && not_space_or_comma(std::string_view(c).substr(0, at))) {
      if (flag != "stable") {
        stability = std::string(flag);
      }
      c = at == 0 ? "*" : c.substr(0, at);
    }
  }
  // "dev-name#ref" and "1.x-dev#ref": the reference only matters to Composer's installer.
  for (std::size_t hash = c.find('#'); hash != std::string::npos && hash + 1 < c.size();
       hash = c.find('#', hash + 1)) {
    const std::string_view head = std::string_view(c).substr(0, hash);
    const bool plain =
        head.find('@') == std::string_view::npos && not_space_or_comma(head) && !head.empty();
    const std::string lower = ascii_lower(head);
    if (plain && ((lower.rfind("dev-", 0) == 0 && lower.size() > 4) ||
                  (lower.size() > 6 && lower.compare(lower.size() - 6, 6, ".x-dev") == 0))) {
      c.resize(hash);
      break;
    }
  }
  // "*", "x", "v*.*": everything (with a "v" or more than one part: ">= 0.0.0.0-dev").
  {
    std::size_t pos = (!c.empty() && (c[0] == 'v' || c[0] == 'V')) ? 1 : 0;
    bool ok = pos < c.size();
    std::size_t parts = 0;
    while (ok && pos < c.size()) {
      if (parts > 0) {
        ok = c[pos] == '.';
        ++pos;
      }
      ok = ok && pos < c.size() && (c[pos] == 'x' || c[pos] == 'X' || c[pos] == '*');
      ++pos;
      ++parts;
    }
    if (ok) {
      if (c[0] == 'v' || c[0] == 'V' || parts > 1) {
        return std::vector<ComposerBound>{{Op::kGe, "0.0.0.0-dev"}};
      }
      return std::vector<ComposerBound>{};
    }
  }
  auto last_number = [](const ComposerNumbers& numbers, int limit) {
    for (int i = limit - 1; i >= 1; --i) {
      if (!numbers.parts[i].empty()) {
        return i + 1;
      }
    }
    return 1;
  };
  // Tilde: "~1.2" (and "~>", which Composer refuses).
  if (!c.empty() && c[0] == '~') {
    if (c.size() > 1 && c[1] == '>' && match_constraint_version(std::string_view(c).substr(2))) {
      return bad("invalid operator \"~>\", Composer's tilde is \"~\"");
    }
    if (const auto m = match_constraint_version(std::string_view(c).substr(1))) {
      int position = last_number(m->numbers, 4);
      if (!m->x_dev.empty()) {
        ++position;
      }
      const bool unqualified = m->word.empty() && m->dev.empty() && m->x_dev.empty();
      ASSAY_TRY(std::string low, normalize(c.substr(1) + (unqualified ? "-dev" : "")));
      return std::vector<ComposerBound>{
          {Op::kGe, low}, {Op::kLt, manipulate(m->numbers, std::max(1, position - 1), 1) + "-dev"}};
    }
  }
  // Caret: "^1.2.3".
  if (!c.empty() && c[0] == '^') {
    if (const auto m = match_constraint_version(std::string_view(c).substr(1))) {
      const std::string* p = m->numbers.parts;
      int position = 3;
      if (p[0] != "0" || p[1].empty()) {
        position = 1;
      } else if (p[1] != "0" || p[2].empty()) {
        position = 2;
      }
      const bool unqualified = m->word.empty() && m->dev.empty() && m->x_dev.empty();
      ASSAY_TRY(std::string low, normalize(c.substr(1) + (unqualified ? "-dev" : "")));
      return std::vector<ComposerBound>{{Op::kGe, low},
                                        {Op::kLt, manipulate(m->numbers, position, 1) + "-dev"}};
    }
  }
  // X-range: "1.2.*", "v1.x" (a lower-case "v" only).
  {
    std::size_t pos = (!c.empty() && c[0] == 'v') ? 1 : 0;
    ComposerNumbers numbers;
    int count = 0;
    while (count < 3) {
      std::size_t at = pos;
      if (count > 0) {
        if (at >= c.size() || c[at] != '.') {
          break;
        }
        ++at;
      }
      const std::size_t begin = at;
      while (at < c.size() && is_ascii_digit(c[at])) {
        ++at;
      }
      if (at == begin) {
        break;
      }
      numbers.parts[count++] = c.substr(begin, at - begin);
      pos = at;
    }
    std::size_t wildcards = 0;
    while (count > 0 && pos + 1 < c.size() && c[pos] == '.' &&
           (c[pos + 1] == 'x' || c[pos + 1] == 'X' || c[pos + 1] == '*')) {
      pos += 2;
      ++wildcards;
    }
    if (count > 0 && wildcards > 0 && pos == c.size()) {
      const int position = last_number(numbers, 3);
      const std::string low = manipulate(numbers, position, 0) + "-dev";
      const std::string high = manipulate(numbers, position, 1) + "-dev";
      if (low == "0.0.0.0-dev") {
        return std::vector<ComposerBound>{{Op::kLt, high}};
      }
      return std::vector<ComposerBound>{{Op::kGe, low}, {Op::kLt, high}};
    }
  }
  // Hyphen range: "1.0 - 2.0" (spaces around the hyphen).
  if (const std::size_t space = c.find(' '); space != std::string::npos) {
    const std::size_t dash = c.find_first_not_of(' ', space);
    if (dash != std::string::npos && c[dash] == '-' && dash + 1 < c.size() && c[dash + 1] == ' ') {
      const std::size_t to_at = c.find_first_not_of(' ', dash + 1);
      const std::string from = c.substr(0, space);
      const std::string to = to_at == std::string::npos ? "" : c.substr(to_at);
      const auto low_m = match_constraint_version(from);
      const auto high_m = match_constraint_version(to);
      if (low_m && high_m) {
        const bool unqualified = low_m->word.empty() && low_m->dev.empty() && low_m->x_dev.empty();
        ASSAY_TRY(std::string low, normalize(from));
        std::vector<ComposerBound> out{{Op::kGe, low + (unqualified ? "-dev" : "")}};
        const std::string* p = high_m->numbers.parts;
        ASSAY_TRY(std::string high, normalize(to));
        if ((!p[1].empty() && !p[2].empty()) || !high_m->word.empty() || !high_m->dev.empty() ||
            !high_m->x_dev.empty()) {
          out.push_back({Op::kLe, high});
        } else {
          out.push_back({Op::kLt, manipulate(high_m->numbers, p[1].empty() ? 1 : 2, 1) + "-dev"});
        }
        return out;
      }
    }
  }
  // Basic comparators.
  std::string op;
  for (const std::string_view candidate : {"<>", "!=", ">=", ">", "<=", "<", "==", "="}) {
    if (c.rfind(candidate, 0) == 0) {
      op = std::string(candidate);
      break;
    }
  }
  std::size_t start = op.size();
  while (start < c.size() && is_pcre_space(c[start])) {
    ++start;
  }
  const std::string rest = c.substr(start);
  Result<ComposerVersion> parsed = ComposerVersion::parse(rest);
  if (!parsed && rest.size() > 4 && rest.compare(rest.size() - 4, 4, "-dev") == 0 &&
      rest.find_first_not_of("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-./") ==
          std::string::npos) {
    // "foobar-dev" means the branch "dev-foobar".
    parsed = ComposerVersion::parse("dev-" + rest.substr(0, rest.size() - 4));
  }
  if (!parsed) {
    return bad(parsed.error().message);
  }
  std::string version = parsed->normalized();
  if (op != "==" && op != "=" && !op.empty() && !stability.empty() && is_stable(version)) {
    version += "-" + stability;
  } else if ((op == "<" || op == ">=") && !ends_with_dash_modifier(ascii_lower(rest)) &&
             rest.rfind("dev-", 0) != 0) {
    version += "-dev";
  }
  const Op kind = (op.empty() || op == "=" || op == "==") ? Op::kEq
                  : (op == "!=" || op == "<>")            ? Op::kNe
                  : op == ">"                             ? Op::kGt
                  : op == ">="                            ? Op::kGe
                  : op == "<"                             ? Op::kLt
                                                          : Op::kLe;
  return std::vector<ComposerBound>{{kind, version}};
}

// parseConstraints' split of one "||" alternative into AND-ed constraints: at a comma or space
// (with spaces around it) that does not follow the start, "as", an operator, a space or a
// comma, is not next to a hyphen, and is not followed by a comma, "as" or the end.
std::vector<std::string> composer_and_split(std::string_view s) {
  std::vector<std::string> pieces;
  std::size_t piece_start = 0;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    bool matched = false;
    std::size_t match_end = 0;
    const char before = i > 0 ? s[i - 1] : '\0';
    const bool after_as = i >= 2 && s.substr(i - 2, 2) == "as";
    if (i > 0 && !after_as && std::string_view("=>< ,").find(before) == std::string_view::npos) {
      std::size_t spaces = 0;
      while (i + spaces < n && s[i + spaces] == ' ') {
        ++spaces;
      }
      for (std::size_t a = spaces + 1; a-- > 0 && !matched;) {
        const std::size_t p = i + a;
        if (p >= n || s[p - 1] == '-' || (s[p] != ',' && s[p] != ' ')) {
          continue;
        }
        const std::size_t q = p + 1;
        if (q < n && s[q] == '-') {
          continue;
        }
        std::size_t trailing = 0;
        while (q + trailing < n && s[q + trailing] == ' ') {
          ++trailing;
        }
        for (std::size_t b = trailing + 1; b-- > 0;) {
          const std::size_t r = q + b;
          if (r == n || s[r] == ',' || s.substr(r, 2) == "as") {
            continue;
          }
          matched = true;
          match_end = r;
          break;
        }
      }
    }
    if (matched) {
      pieces.emplace_back(s.substr(piece_start, i - piece_start));
      piece_start = match_end;
      i = match_end;
    } else {
      ++i;
    }
  }
  pieces.emplace_back(s.substr(piece_start));
  return pieces;
}

}  // namespace

Result<Model> parse_composer(Scheme scheme, std::string_view text) {
  Model model;
  // PHP's trim, then split on "|" or "||" with any whitespace around.
  std::string_view whole = text;
  const auto php_space = [](char ch) {
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\0' || ch == '\v';
  };
  while (!whole.empty() && php_space(whole.front())) {
    whole.remove_prefix(1);
  }
  while (!whole.empty() && php_space(whole.back())) {
    whole.remove_suffix(1);
  }
  std::vector<std::string_view> alternatives;
  for (std::size_t start = 0;;) {
    const std::size_t bar = whole.find('|', start);
    if (bar == std::string_view::npos) {
      alternatives.push_back(whole.substr(start));
      break;
    }
    std::size_t end = bar;
    while (end > start && is_pcre_space(whole[end - 1])) {
      --end;
    }
    alternatives.push_back(whole.substr(start, end - start));
    start = bar + 1;
    if (start < whole.size() && whole[start] == '|') {
      ++start;
    }
    while (start < whole.size() && is_pcre_space(whole[start])) {
      ++start;
    }
  }
  for (const std::string_view alternative : alternatives) {
    Clause clause;
    std::vector<VersItem> vers;
    for (const std::string& constraint : composer_and_split(alternative)) {
      ASSAY_TRY(std::vector<ComposerBound> bounds, composer_constraint(constraint, text));
      for (ComposerBound& bound : bounds) {
        Version version = Version::composer_bound(bound.version);
        vers.push_back(vers_item(vers_comparator(bound.op), bound.version, version));
        clause.push_back(make_bound(bound.op, std::move(version), bound.version));
      }
    }
    if (vers.empty()) {
      vers.push_back(VersItem{"*", "", std::nullopt});
    }
    model.clauses.push_back(std::move(clause));
    model.vers_clauses.push_back(std::move(vers));
  }
  (void)scheme;
  return model;
}

// ---------------------------------------------------------------------------------------------
// NuGet version ranges (VersionRange.Parse), without floating versions.

Result<Model> parse_nuget(Scheme scheme, std::string_view text) {
  Model model;
  const std::string_view value = trim(text);
  if (value.empty()) {
    return invalid("NuGet", "empty range", text);
  }
  if (value.find('*') != std::string_view::npos) {
    return fail(ErrorCode::kUnsupported,
                "floating NuGet versions (\"*\") name the newest matching version at restore "
                "time and are not supported",
                quote(text, 80));
  }
  Clause clause;
  std::vector<VersItem> vers;
  if (value[0] != '[' && value[0] != '(') {
    ASSAY_TRY(Version version, parse_version(scheme, value, "NuGet", text));
    clause.push_back(make_bound(Op::kGe, version, value));
    vers.push_back(vers_item(">=", value, version));
  } else {
    if (value.size() < 3 || (value.back() != ']' && value.back() != ')')) {
      return invalid("NuGet", "a range must end with \"]\" or \")\"", text);
    }
    const bool min_inclusive = value[0] == '[';
    const bool max_inclusive = value.back() == ']';
    const std::vector<std::string_view> parts = split(value.substr(1, value.size() - 2), ',');
    if (parts.size() > 2) {
      return invalid("NuGet", "a range has at most two versions", text);
    }
    const std::string_view low = trim(parts[0]);
    const std::string_view high = parts.size() == 2 ? trim(parts[1]) : low;
    if (low.empty() && high.empty()) {
      return invalid("NuGet", "a range needs at least one version", text);
    }
    if (parts.size() == 1) {
      if (!(min_inclusive && max_inclusive)) {
        return invalid("NuGet", "a single version must be written \"[1.0]\"", text);
      }
      ASSAY_TRY(Version version, parse_version(scheme, low, "NuGet", text));
      clause.push_back(make_bound(Op::kEq, version, low));
      vers.push_back(vers_item("=", low, version));
    } else {
      std::optional<Version> lower;
      if (!low.empty()) {
        ASSAY_TRY(lower, parse_version(scheme, low, "NuGet", text));
        clause.push_back(make_bound(min_inclusive ? Op::kGe : Op::kGt, *lower, low));
        vers.push_back(vers_item(min_inclusive ? ">=" : ">", low, *lower));
      }
      if (!high.empty()) {
        ASSAY_TRY(Version upper, parse_version(scheme, high, "NuGet", text));
        if (lower && upper.compare(*lower) < 0) {
          return invalid("NuGet", "the upper version is below the lower one", text);
        }
        clause.push_back(make_bound(max_inclusive ? Op::kLe : Op::kLt, upper, high));
        vers.push_back(vers_item(max_inclusive ? "<=" : "<", high, upper));
      }
    }
  }
  model.clauses.push_back(std::move(clause));
  model.vers_clauses.push_back(std::move(vers));
  return model;
}

// ---------------------------------------------------------------------------------------------
// Plain comparators: "<1.2, >=1.0 || =2.0".

Result<Model> parse_comparators(Scheme scheme, std::string_view text) {
  Model model;
  const std::string_view whole = trim(text);
  if (whole.empty()) {
    return invalid("comparator", "empty range", text);
  }
  for (std::size_t start = 0;;) {
    const std::size_t bar = whole.find("||", start);
    const std::string_view alternative = trim(
        whole.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
    Clause clause;
    std::vector<VersItem> vers;
    std::string pending_op;
    std::string token;
    std::vector<std::string> tokens;
    for (std::size_t i = 0; i <= alternative.size(); ++i) {
      const char c = i < alternative.size() ? alternative[i] : ' ';
      if (c == ',' || is_ascii_space(c)) {
        if (!token.empty()) {
          tokens.push_back(token);
          token.clear();
        }
        continue;
      }
      token.push_back(c);
    }
    if (tokens.empty()) {
      return invalid("comparator", "an alternative between \"||\" is empty", text);
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      std::string item = tokens[i];
      if (item.find_first_not_of("<>=!") == std::string::npos) {
        if (i + 1 >= tokens.size()) {
          return invalid("comparator", "operator " + quote(item) + " has no version", text);
        }
        item += tokens[++i];
      }
      std::string op;
      for (const std::string_view candidate : {"<=", ">=", "!=", "==", "<", ">", "="}) {
        if (item.rfind(candidate, 0) == 0) {
          op = std::string(candidate);
          break;
        }
      }
      const std::string_view version_text = std::string_view(item).substr(op.size());
      if (version_text.empty()) {
        return invalid("comparator", "operator " + quote(op) + " has no version", text);
      }
      if (version_text == "*" && op.empty()) {
        continue;
      }
      ASSAY_TRY(Version version, parse_version(scheme, version_text, "comparator", text));
      const Op kind = (op.empty() || op == "=" || op == "==") ? Op::kEq
                      : op == "!="                            ? Op::kNe
                      : op == "<"                             ? Op::kLt
                      : op == "<="                            ? Op::kLe
                      : op == ">"                             ? Op::kGt
                                                              : Op::kGe;
      clause.push_back(make_bound(kind, version, version_text));
      vers.push_back(vers_item(vers_comparator(kind), version_text, version));
    }
    if (vers.empty()) {
      vers.push_back(VersItem{"*", "", std::nullopt});
    }
    model.clauses.push_back(std::move(clause));
    model.vers_clauses.push_back(std::move(vers));
    if (bar == std::string_view::npos) {
      break;
    }
    start = bar + 2;
  }
  return model;
}

bool satisfies(const Bound& bound, const Version& version) {
  const int order = version.compare(*bound.version);
  switch (bound.op) {
    case Op::kEq:
      return order == 0;
    case Op::kNe:
      return order != 0;
    case Op::kLt:
      return order < 0;
    case Op::kLe:
      return order <= 0;
    case Op::kGt:
      return order > 0;
    case Op::kGe:
      return order >= 0;
    default:
      return false;  // the ecosystem-specific operators are evaluated in range.cc
  }
}

std::string_view vers_type(Scheme scheme) {
  switch (scheme) {
    case Scheme::kNpm:
      return "npm";
    case Scheme::kCargo:
      return "cargo";
    case Scheme::kHex:
      return "hex";
    case Scheme::kPub:
      return "pub";
    case Scheme::kGo:
      return "golang";
    case Scheme::kPep440:
      return "pypi";
    case Scheme::kMaven:
      return "maven";
    case Scheme::kRubyGems:
      return "gem";
    case Scheme::kComposer:
      return "composer";
    case Scheme::kNuget:
      return "nuget";
    case Scheme::kDebian:
      return "deb";
    case Scheme::kRpm:
      return "rpm";
    case Scheme::kAlpine:
      return "apk";
    case Scheme::kAlpm:
      return "alpm";
    default:
      return to_string(scheme);
  }
}

}  // namespace internal

namespace {

// Evaluates one bound, including the scheme-specific operators.
bool satisfies_bound(const Bound& bound, const Version& version) {
  switch (bound.op) {
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: {
      const ComposerVersion* composer = version.as<ComposerVersion>();
      const ComposerVersion* limit = bound.version->as<ComposerVersion>();
      if (composer != nullptr && limit != nullptr &&
          (composer->is_branch() || limit->is_branch())) {
        // composer/semver: dev branches match only "==" and "!=" by name.
        const bool same = composer->normalized() == limit->normalized();
        return bound.op == Op::kEq ? same : (bound.op == Op::kNe ? !same : false);
      }
      return internal::satisfies(bound, version);
    }
    case Op::kGemPessimistic:
      return internal::satisfies_gem_pessimistic(bound, version);
    case Op::kCargoNoPrerelease: {
      const SemverVersion* semver = version.as<SemverVersion>();
      return semver == nullptr || !semver->is_prerelease() || version.compare(*bound.version) < 0 ||
             (bound.extra && version.compare(*bound.extra) >= 0);
    }
    default:
      return internal::satisfies_pep440(bound, version);
  }
}

bool satisfies_clause(const Clause& clause, const Version& version, bool include) {
  for (const Bound& bound : clause) {
    if (include && bound.op == Op::kCargoNoPrerelease) {
      continue;  // kInclude decides by order alone
    }
    if (!satisfies_bound(bound, version)) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<Range> Range::parse(const Ecosystem& ecosystem, std::string_view text) {
  return parse_native(ecosystem.scheme, ecosystem.range_syntax, text);
}

Result<Range> Range::parse_native(Scheme scheme, RangeSyntax syntax, std::string_view text) {
  if (text.size() > kMaxRangeBytes) {
    return fail(ErrorCode::kInvalidInput,
                "range is longer than " + std::to_string(kMaxRangeBytes) + " bytes",
                quote(text, 40));
  }
  auto impl = std::make_shared<Impl>();
  impl->scheme = scheme;
  impl->syntax = syntax;
  impl->text = std::string(text);
  if (text.rfind("vers:", 0) == 0) {
    ASSAY_TRY(VersRange vers, VersRange::parse(text));
    impl->scheme = vers.scheme();
    impl->vers = std::move(vers);
    return Range(std::move(impl));
  }
  Result<Model> model = fail(ErrorCode::kInternal, "unknown range syntax");
  switch (syntax) {
    case RangeSyntax::kNpm:
      model = internal::parse_npm(scheme, text);
      break;
    case RangeSyntax::kCargo:
      model = internal::parse_cargo(scheme, text);
      break;
    case RangeSyntax::kPep440:
      model = internal::parse_pep440(scheme, text);
      break;
    case RangeSyntax::kMaven:
      model = internal::parse_maven(scheme, text);
      break;
    case RangeSyntax::kRubyGems:
      model = internal::parse_rubygems(scheme, text);
      break;
    case RangeSyntax::kComposer:
      model = internal::parse_composer(scheme, text);
      break;
    case RangeSyntax::kNuget:
      model = internal::parse_nuget(scheme, text);
      break;
    case RangeSyntax::kComparators:
      model = internal::parse_comparators(scheme, text);
      break;
  }
  if (!model) {
    return tl::unexpected(std::move(model).error());
  }
  impl->model = std::move(model).value();
  return Range(std::move(impl));
}

Scheme Range::scheme() const {
  return impl_->scheme;
}
const std::string& Range::text() const {
  return impl_->text;
}

bool Range::contains(const Version& version, ContainsOptions options) const {
  if (impl_->vers) {
    return impl_->vers->contains(version);
  }
  const Model& model = impl_->model;
  const bool include = options.prereleases == PrereleasePolicy::kInclude;
  if (include && model.include_invalid) {
    return false;  // node-semver rejects this range under includePrerelease: it matches nothing
  }
  const std::vector<Clause>& clauses =
      include && !model.include_clauses.empty() ? model.include_clauses : model.clauses;
  if (model.prerelease_rule == PrereleaseRule::kPep440 && !include &&
      !model.pep440_allows_prereleases) {
    const Pep440Version* pep = version.as<Pep440Version>();
    if (pep != nullptr && pep->is_prerelease()) {
      return false;
    }
  }
  for (const Clause& clause : clauses) {
    if (!satisfies_clause(clause, version, include)) {
      continue;
    }
    if (model.prerelease_rule != PrereleaseRule::kNode || include) {
      return true;
    }
    // node-semver and Cargo: a pre-release matches only when a bound in the same clause is a
    // pre-release of the same major.minor.patch.
    const SemverVersion* semver = version.as<SemverVersion>();
    if (semver == nullptr || !semver->is_prerelease()) {
      return true;
    }
    for (const Bound& bound : clause) {
      const SemverVersion* allowed =
          bound.version && !bound.synthetic ? bound.version->as<SemverVersion>() : nullptr;
      if (allowed != nullptr && allowed->is_prerelease() && allowed->major() == semver->major() &&
          allowed->minor() == semver->minor() && allowed->patch() == semver->patch()) {
        return true;
      }
    }
  }
  return false;
}

Result<bool> Range::contains(std::string_view version, ContainsOptions options) const {
  ASSAY_TRY(const Version parsed, Version::parse(scheme(), version));
  return contains(parsed, options);
}

namespace {

std::string vers_escape(std::string_view version) {
  std::string out;
  for (const char ch : version) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c >= 0x7f || ch == '%' || ch == '|' || ch == '<' || ch == '>' || ch == '=' ||
        ch == '!' || ch == '*') {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

bool is_lower_comparator(std::string_view c) {
  return c == ">" || c == ">=";
}
bool is_upper_comparator(std::string_view c) {
  return c == "<" || c == "<=";
}

// The vers specification's constraint simplification, on constraints sorted by version.
std::vector<VersItem> simplify(std::vector<VersItem> items) {
  std::vector<VersItem> unequal;
  std::vector<VersItem> rest;
  for (VersItem& item : items) {
    (item.comparator == "!=" ? unequal : rest).push_back(std::move(item));
  }
  std::vector<VersItem> kept;
  for (VersItem& item : rest) {
    if (!kept.empty()) {
      const std::string& previous = kept.back().comparator;
      if (is_lower_comparator(previous) &&
          (item.comparator == "=" || is_lower_comparator(item.comparator))) {
        continue;  // a lower bound already covers it
      }
      if ((previous == "=" || is_upper_comparator(previous)) &&
          is_upper_comparator(item.comparator)) {
        kept.pop_back();
        while (!kept.empty() &&
               (kept.back().comparator == "=" || is_upper_comparator(kept.back().comparator))) {
          kept.pop_back();
        }
      }
    }
    kept.push_back(std::move(item));
  }
  kept.insert(kept.end(), unequal.begin(), unequal.end());
  std::stable_sort(kept.begin(), kept.end(), [](const VersItem& a, const VersItem& b) {
    return a.parsed && b.parsed && a.parsed->compare(*b.parsed) < 0;
  });
  return kept;
}

// One interval of the union: [lower, upper] with open/closed ends; absent end = unbounded.
struct Interval {
  const VersItem* lower = nullptr;  // ">" or ">=" (or "=" for a point)
  const VersItem* upper = nullptr;
  bool point = false;
};

int compare_items(const VersItem& a, const VersItem& b) {
  return a.parsed->compare(*b.parsed);
}

// Whether interval `b` starts no later than `a` ends (they overlap or touch).
bool joins(const Interval& a, const Interval& b) {
  if (a.upper == nullptr || b.lower == nullptr) {
    return true;
  }
  const int order = compare_items(*b.lower, *a.upper);
  if (order < 0) {
    return true;
  }
  if (order > 0) {
    return false;
  }
  const bool a_closed = a.point || a.upper->comparator == "<=";
  const bool b_closed = b.point || b.lower->comparator == ">=";
  return a_closed || b_closed;
}

// The union of simple intervals as canonical vers constraints; nullopt when a clause is not a
// simple interval (then the flat form is used as it is).
std::optional<std::vector<VersItem>> interval_union(
    const std::vector<std::vector<VersItem>>& clauses) {
  std::vector<Interval> intervals;
  for (const std::vector<VersItem>& clause : clauses) {
    Interval interval;
    const VersItem* point = nullptr;
    bool empty = false;
    for (const VersItem& item : clause) {
      if (item.comparator == "=") {
        empty = empty || (point != nullptr && compare_items(*point, item) != 0);
        point = &item;
      }
    }
    if (point != nullptr) {
      // An equality inside a conjunction: the clause is that version if every bound admits it.
      for (const VersItem& item : clause) {
        if (item.comparator == "!=" || item.comparator == "*") {
          return std::nullopt;
        }
        const int order = compare_items(*point, item);
        const std::string& c = item.comparator;
        const bool admits = c == "="    ? order == 0
                            : c == "<"  ? order < 0
                            : c == "<=" ? order <= 0
                            : c == ">"  ? order > 0
                                        : order >= 0;
        empty = empty || !admits;
      }
      if (!empty) {
        interval.lower = interval.upper = point;
        interval.point = true;
        intervals.push_back(interval);
      }
      continue;
    }
    for (const VersItem& item : clause) {
      if (item.comparator == "*") {
        return std::vector<VersItem>{item};
      }
      if (is_lower_comparator(item.comparator) && interval.lower == nullptr) {
        interval.lower = &item;
      } else if (is_upper_comparator(item.comparator) && interval.upper == nullptr) {
        interval.upper = &item;
      } else {
        return std::nullopt;
      }
    }
    if (interval.lower != nullptr && interval.upper != nullptr && !interval.point) {
      const int order = compare_items(*interval.lower, *interval.upper);
      if (order > 0 || (order == 0 &&
                        (interval.lower->comparator == ">" || interval.upper->comparator == "<"))) {
        continue;  // empty
      }
    }
    intervals.push_back(interval);
  }
  std::stable_sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    if (a.lower == nullptr || b.lower == nullptr) {
      return a.lower == nullptr && b.lower != nullptr;
    }
    const int order = compare_items(*a.lower, *b.lower);
    if (order != 0) {
      return order < 0;
    }
    return (a.point || a.lower->comparator == ">=") && !(b.point || b.lower->comparator == ">=");
  });
  std::vector<Interval> merged;
  for (const Interval& interval : intervals) {
    if (!merged.empty() && joins(merged.back(), interval)) {
      Interval& last = merged.back();
      if (last.upper != nullptr &&
          (interval.upper == nullptr || compare_items(*interval.upper, *last.upper) > 0 ||
           (compare_items(*interval.upper, *last.upper) == 0 &&
            (interval.point || interval.upper->comparator == "<=")))) {
        last.upper = interval.upper;
        last.point = last.point && interval.point && last.lower == interval.lower;
      } else if (interval.upper == nullptr) {
        last.upper = nullptr;
        last.point = false;
      }
      if (last.point && last.upper != last.lower) {
        last.point = false;
      }
      continue;
    }
    merged.push_back(interval);
  }
  std::vector<VersItem> out;
  for (const Interval& interval : merged) {
    if (interval.point || (interval.lower != nullptr && interval.upper != nullptr &&
                           compare_items(*interval.lower, *interval.upper) == 0)) {
      VersItem item = *interval.lower;
      item.comparator = "=";
      out.push_back(item);
      continue;
    }
    if (interval.lower != nullptr) {
      VersItem item = *interval.lower;
      if (item.comparator == "=") {
        item.comparator = ">=";
      }
      out.push_back(item);
    }
    if (interval.upper != nullptr) {
      VersItem item = *interval.upper;
      if (item.comparator == "=") {
        item.comparator = "<=";
      }
      out.push_back(item);
    }
  }
  return out;
}

bool same_items(const std::vector<VersItem>& a, const std::vector<VersItem>& b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i].comparator != b[i].comparator) {
      return false;
    }
    if (a[i].parsed.has_value() != b[i].parsed.has_value()) {
      return false;
    }
    if (a[i].parsed && a[i].parsed->compare(*b[i].parsed) != 0) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<std::string> Range::to_vers() const {
  if (impl_->vers) {
    return impl_->vers->to_string();
  }
  const Model& model = impl_->model;
  if (!model.vers_unsupported.empty()) {
    return fail(ErrorCode::kUnsupported,
                "this range cannot be written as vers: " + model.vers_unsupported,
                quote(impl_->text, 80));
  }
  // The flat form: every constraint of every clause, sorted by version (stably), as the vers-spec
  // conversions write it. Used when it means the same as the union of the clauses.
  std::vector<VersItem> flat;
  bool any = false;
  for (const std::vector<VersItem>& clause : model.vers_clauses) {
    for (const VersItem& item : clause) {
      if (item.comparator == "*") {
        any = true;
      }
      flat.push_back(item);
    }
  }
  std::string out = "vers:" + std::string(internal::vers_type(impl_->scheme)) + "/";
  if (any || model.vers_clauses.empty()) {
    if (model.vers_clauses.empty()) {
      return fail(ErrorCode::kUnsupported, "this range matches no version; vers cannot say so",
                  quote(impl_->text, 80));
    }
    return out + "*";
  }
  std::stable_sort(flat.begin(), flat.end(), [](const VersItem& a, const VersItem& b) {
    return a.parsed->compare(*b.parsed) < 0;
  });
  std::vector<VersItem> chosen = flat;
  if (const std::optional<std::vector<VersItem>> merged = interval_union(model.vers_clauses)) {
    if (merged->empty()) {
      return fail(ErrorCode::kUnsupported, "this range matches no version; vers cannot say so",
                  quote(impl_->text, 80));
    }
    // Read the simplified flat form back as intervals (the vers containment algorithm does the
    // same); keep it only when it means exactly the union.
    const std::vector<VersItem> simple = simplify(flat);
    std::vector<std::vector<VersItem>> read_back;
    bool readable = true;
    for (std::size_t i = 0; i < simple.size() && readable; ++i) {
      const std::string& comparator = simple[i].comparator;
      if (comparator == "=") {
        read_back.push_back({simple[i]});
      } else if (is_lower_comparator(comparator)) {
        if (i + 1 < simple.size() && is_upper_comparator(simple[i + 1].comparator)) {
          read_back.push_back({simple[i], simple[i + 1]});
          ++i;
        } else {
          read_back.push_back({simple[i]});
        }
      } else if (is_upper_comparator(comparator) && i == 0) {
        read_back.push_back({simple[i]});
      } else {
        readable = false;
      }
    }
    const std::optional<std::vector<VersItem>> meaning =
        readable ? interval_union(read_back) : std::nullopt;
    if (!meaning || !same_items(*meaning, *merged)) {
      chosen = *merged;  // the flat form would mean something else
    }
  }
  for (std::size_t i = 0; i < chosen.size(); ++i) {
    if (i != 0) {
      out.push_back('|');
    }
    if (chosen[i].comparator != "=") {
      out += chosen[i].comparator;
    }
    out += vers_escape(chosen[i].version);
  }
  return out;
}

}  // namespace assay::version
