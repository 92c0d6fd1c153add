// Package URLs: parsing (purl-spec "how to parse", with URL semantics for '?' and '#'), building
// from components, per-type normalisation and canonical printing.
#include "assay/purl/purl.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/purl/internal/case_mapping.h"
#include "assay/purl/internal/percent.h"
#include "assay/purl/internal/type_rules.h"

namespace assay::purl {

namespace {

using internal::percent_decode_append;
using internal::percent_encode_append;

// Above this input size the canonical form is measured, since percent-encoding (and lower-casing
// U+0130) can make it several times longer than the input.
constexpr std::size_t kMeasureCanonicalAbove = kMaxPurlBytes / 8;

Error invalid(std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), {}};
}

bool is_type_char(char c) {
  return is_ascii_alnum(c) || c == '.' || c == '-';
}

bool is_key_char(char c) {
  return is_ascii_lower(c) || is_ascii_digit(c) || c == '.' || c == '-' || c == '_';
}

// Checks a type as written and returns it lower-cased.
// Checks a type as written and stores it lower-cased in `out`.
Result<void> normalize_type(std::string_view type, std::string& out) {
  if (type.empty()) {
    return fail(invalid("missing the type: a purl looks like \"pkg:<type>/<name>\""));
  }
  if (!is_ascii_alpha(type.front())) {
    return fail(invalid("type " + quote(type) + " must start with a letter"));
  }
  out.assign(type);
  for (char& c : out) {
    if (!is_type_char(c)) {
      return fail(invalid("type " + quote(type) + " contains " + quote(std::string_view(&c, 1)) +
                          "; a type may contain only ASCII letters, digits, \".\" and \"-\""));
    }
    c = ascii_to_lower(c);
  }
  return {};
}

// Checks a qualifier key as written and stores it in `out` lower-cased (kNormalize) or as it is
// (kStrict, where upper case is an error: ECMA-427 says keys are composed only of lower-case
// letters).
Result<void> normalize_key(std::string_view key, Mode mode, std::string& out) {
  if (key.empty()) {
    return fail(invalid("a qualifier has an empty key"));
  }
  out.assign(key);
  for (char& c : out) {
    if (is_ascii_upper(c)) {
      if (mode == Mode::kStrict) {
        return fail(invalid("qualifier key " + quote(key) + " must be lower case"));
      }
      c = ascii_to_lower(c);
    } else if (!is_key_char(c)) {
      return fail(invalid("qualifier key " + quote(key) + " contains " +
                          quote(std::string_view(&c, 1)) +
                          "; a key may contain only ASCII letters, digits, \".\", \"-\" and "
                          "\"_\" and is never percent-encoded"));
    }
  }
  if (!is_ascii_lower(out.front())) {
    return fail(invalid("qualifier key " + quote(key) + " must start with a letter"));
  }
  return {};
}

// Percent-decodes `raw` (a component or segment as written) onto the end of `out`. `what` and
// `key` name the component in an error ("name", or "value of qualifier" + key).
Result<void> decode_append(std::string_view raw, std::string& out, std::string_view what,
                           bool may_have_escapes, std::string_view key = {}) {
  if (!may_have_escapes || raw.find('%') == std::string_view::npos) {
    out.append(raw);
    return {};
  }
  const std::size_t start = out.size();
  std::size_t bad_offset = 0;
  bool decoded_high_byte = false;
  const auto component = [&] {
    return std::string(what) + (key.empty() ? "" : " ") + std::string(key);
  };
  if (!percent_decode_append(raw, out, bad_offset, decoded_high_byte)) {
    return fail(invalid("invalid percent-encoding " + quote(raw.substr(bad_offset, 3)) +
                        " in the " + component() + "; '%' must be followed by two hex digits"));
  }
  if (decoded_high_byte && !is_valid_utf8(std::string_view(out).substr(start))) {
    return fail(invalid("the " + component() + " " + quote(raw) +
                        " is not valid UTF-8 once percent-decoded"));
  }
  return {};
}

// True when every byte is printable ASCII other than space (0x21..0x7E), the common case, tested
// eight bytes at a time ("hasless"/"hasmore" from the well-known bit-twiddling collection).
bool all_printable_ascii(std::string_view text) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  std::size_t index = 0;
  for (; index + 8 <= text.size(); index += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + index, 8);
    const std::uint64_t below = (word - kOnes * 0x21U) & ~word & kHighBits;  // a byte < 0x21
    const std::uint64_t above = ((word + kOnes * (127U - 0x7EU)) | word) & kHighBits;  // > 0x7E
    if ((below | above) != 0) {
      return false;
    }
  }
  for (; index < text.size(); ++index) {
    if (static_cast<unsigned char>(text[index] - 0x21) >= 0x5EU) {
      return false;
    }
  }
  return true;
}

// Raw bytes: no control characters; in kStrict only printable ASCII other than space.
Result<void> check_raw_bytes(std::string_view text, Mode mode) {
  if (all_printable_ascii(text)) {
    return {};
  }
  bool has_high_byte = false;
  for (std::size_t index = 0; index < text.size(); ++index) {
    const auto byte = static_cast<unsigned char>(text[index]);
    if (static_cast<unsigned char>(byte - 0x21U) < 0x5EU) {
      continue;  // printable ASCII other than space: the common case
    }
    if (byte < 0x20 || byte == 0x7F) {
      return fail(invalid("contains a control character (byte 0x" +
                          hex_encode(text.substr(index, 1)) + ") at offset " +
                          std::to_string(index) + "; percent-encode it"));
    }
    if (byte >= 0x80) {
      if (mode == Mode::kStrict) {
        return fail(invalid("contains a non-ASCII byte at offset " + std::to_string(index) +
                            "; a purl is ASCII, with other characters percent-encoded as UTF-8"));
      }
      has_high_byte = true;
    }
    if (byte == ' ' && mode == Mode::kStrict) {
      return fail(invalid("contains a space at offset " + std::to_string(index) +
                          "; spaces must be percent-encoded as %20"));
    }
  }
  if (has_high_byte) {
    if (const auto bad = find_invalid_utf8(text)) {
      return fail(invalid("is not valid UTF-8 (byte offset " + std::to_string(*bad) + ")"));
    }
  }
  return {};
}

// Splits "a/b/c" into segments, skipping empty ones.
template <typename Visit>
Result<void> for_each_segment(std::string_view text, Visit visit) {
  while (!text.empty()) {
    const std::size_t slash = text.find('/');
    const std::string_view segment = text.substr(0, slash);
    if (!segment.empty()) {
      ASSAY_TRY_VOID(visit(segment));
    }
    if (slash == std::string_view::npos) {
      break;
    }
    text.remove_prefix(slash + 1);
  }
  return {};
}

// Sorts qualifiers by key and rejects duplicate keys.
Result<void> sort_qualifiers(std::vector<std::pair<std::string, std::string>>& qualifiers) {
  std::sort(qualifiers.begin(), qualifiers.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t index = 1; index < qualifiers.size(); ++index) {
    if (qualifiers[index].first == qualifiers[index - 1].first) {
      return fail(
          invalid("qualifier key " + quote(qualifiers[index].first) + " appears more than once"));
    }
  }
  return {};
}

// The offset of the last `c` in `text`, or npos (memrchr is vectorised; string_view::rfind is
// a byte loop).
std::size_t find_last(std::string_view text, char c) {
  if (text.empty()) {
    return std::string_view::npos;
  }
  const void* found = memrchr(text.data(), c, text.size());
  return found == nullptr ? std::string_view::npos
                          : static_cast<std::size_t>(static_cast<const char*>(found) - text.data());
}

// Decodes the path segments of a namespace or subpath into "a/b" form in `out`.
Result<void> decode_segments(std::string_view raw, std::string_view what, bool is_subpath,
                             bool may_have_escapes, std::string& out) {
  if (!may_have_escapes) {
    // Nothing to decode, so no segment can hide a '/': copy the non-empty segments (and, in a
    // subpath, the ones other than "." and "..").
    while (!raw.empty()) {
      const std::size_t slash = raw.find('/');
      const std::string_view segment = raw.substr(0, slash);
      const bool skip = segment.empty() || (is_subpath && (segment == "." || segment == ".."));
      if (!skip) {
        if (!out.empty()) {
          out += '/';
        }
        out.append(segment);
      }
      if (slash == std::string_view::npos) {
        break;
      }
      raw.remove_prefix(slash + 1);
    }
    return {};
  }
  return for_each_segment(raw, [&](std::string_view raw_segment) -> Result<void> {
    const std::size_t before = out.size();
    if (before != 0) {
      out += '/';
    }
    const std::size_t start = out.size();
    ASSAY_TRY_VOID(decode_append(raw_segment, out, what, may_have_escapes));
    const std::string_view segment = std::string_view(out).substr(start);
    if (is_subpath && (segment == "." || segment == "..")) {
      out.resize(before);
      return {};
    }
    if (raw_segment.size() != segment.size() && segment.find('/') != std::string_view::npos) {
      return fail(invalid("the " + std::string(what) + " segment " + quote(raw_segment) +
                          " contains an encoded \"/\"; segments are separated by a plain \"/\""));
    }
    return {};
  });
}

Result<std::vector<std::pair<std::string, std::string>>> parse_qualifiers(std::string_view raw,
                                                                          Mode mode,
                                                                          bool may_have_escapes) {
  std::vector<std::pair<std::string, std::string>> qualifiers;
  if (!raw.empty()) {
    qualifiers.reserve(static_cast<std::size_t>(std::count(raw.begin(), raw.end(), '&')) + 1);
  }
  while (!raw.empty()) {
    const std::size_t amp = raw.find('&');
    const std::string_view pair = raw.substr(0, amp);
    raw.remove_prefix(amp == std::string_view::npos ? raw.size() : amp + 1);
    if (pair.empty()) {
      continue;
    }
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos) {
      return fail(invalid("qualifier " + quote(pair) + " has no \"=\" between key and value"));
    }
    std::string key;
    ASSAY_TRY_VOID(normalize_key(pair.substr(0, equals), mode, key));
    std::string value;
    ASSAY_TRY_VOID(
        decode_append(pair.substr(equals + 1), value, "value of qualifier", may_have_escapes, key));
    if (value.empty()) {
      continue;  // an empty value is the same as no qualifier
    }
    qualifiers.emplace_back(std::move(key), std::move(value));
  }
  ASSAY_TRY_VOID(sort_qualifiers(qualifiers));
  return qualifiers;
}

// The version separator: the last '@', unless it opens a namespace segment written with a raw '@'
// (an npm scope such as "@babel/core"), which is then not a version separator.
std::size_t find_version_separator(std::string_view path) {
  const std::size_t at = find_last(path, '@');
  if (at == std::string_view::npos) {
    return at;
  }
  const bool opens_segment = at == 0 || path[at - 1] == '/';
  if (opens_segment && path.find('/', at) != std::string_view::npos) {
    return std::string_view::npos;
  }
  return at;
}

// Appends `text` percent-encoded, keeping '/' as the segment separator.
void encode_segments_append(std::string_view text, std::string& out) {
  while (true) {
    const std::size_t slash = text.find('/');
    percent_encode_append(text.substr(0, slash), out);
    if (slash == std::string_view::npos) {
      return;
    }
    out += '/';
    text.remove_prefix(slash + 1);
  }
}

Result<void> check_canonical_size(const Purl& purl) {
  const std::size_t size = purl.to_string().size();
  if (size > kMaxPurlBytes) {
    return fail(invalid("its canonical form is " + std::to_string(size) + " bytes; the limit is " +
                        std::to_string(kMaxPurlBytes)));
  }
  return {};
}

Result<void> check_utf8(std::string_view text, std::string_view what) {
  if (const auto bad = find_invalid_utf8(text)) {
    return fail(invalid("the " + std::string(what) + " is not valid UTF-8 (byte offset " +
                        std::to_string(*bad) + ")"));
  }
  return {};
}

std::string_view strip_slashes(std::string_view text) {
  while (!text.empty() && text.front() == '/') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == '/') {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

std::string Purl::to_string() const {
  std::string out;
  out.reserve(8 + type.size() + namespace_.size() + name.size() + version.size() + subpath.size() +
              qualifiers.size() * 16);
  out += "pkg:";
  out += type;
  out += '/';
  if (!namespace_.empty()) {
    encode_segments_append(namespace_, out);
    out += '/';
  }
  if (type == "git") {
    encode_segments_append(name, out);  // the repository path keeps its '/' separators
  } else {
    percent_encode_append(name, out);
  }
  if (!version.empty()) {
    out += '@';
    percent_encode_append(version, out);
  }
  char separator = '?';
  for (const auto& [key, value] : qualifiers) {
    out += separator;
    separator = '&';
    out += key;
    out += '=';
    percent_encode_append(value, out);
  }
  if (!subpath.empty()) {
    out += '#';
    encode_segments_append(subpath, out);
  }
  return out;
}

std::string_view Purl::qualifier(std::string_view key) const {
  for (const auto& [qualifier_key, value] : qualifiers) {
    if (qualifier_key == key) {
      return value;
    }
  }
  return {};
}

namespace {

// parse() into `purl` (default-constructed), so that parse() returns its result without a move.
Result<void> parse_into(std::string_view text, Mode mode, Purl& purl) {
  if (text.size() > kMaxPurlBytes) {
    return fail(invalid("is " + std::to_string(text.size()) + " bytes; the limit is " +
                        std::to_string(kMaxPurlBytes)));
  }
  ASSAY_TRY_VOID(check_raw_bytes(text, mode));
  if (text.size() < 4 || !ascii_iequals(text.substr(0, 4), "pkg:")) {
    return fail(invalid("missing the \"pkg:\" scheme"));
  }
  std::string_view rest = text.substr(4);
  // One scan for '%' spares each component its own.
  const bool has_percent = rest.find('%') != std::string_view::npos;

  // URL semantics: the fragment starts at the first '#', the query at the first '?' before it.
  std::string_view subpath_raw;
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) {
    subpath_raw = rest.substr(hash + 1);
    rest = rest.substr(0, hash);
  }
  std::string_view qualifiers_raw;
  if (const std::size_t question = rest.find('?'); question != std::string_view::npos) {
    qualifiers_raw = rest.substr(question + 1);
    rest = rest.substr(0, question);
  }
  while (!rest.empty() && rest.front() == '/') {
    rest.remove_prefix(1);  // "pkg://type/..." is accepted and means "pkg:type/..."
  }

  const std::size_t type_end = rest.find('/');
  ASSAY_TRY_VOID(normalize_type(rest.substr(0, type_end), purl.type));
  if (type_end == std::string_view::npos) {
    return fail(invalid("missing the name after the type " + quote(purl.type)));
  }
  std::string_view path = rest.substr(type_end + 1);

  if (const std::size_t at = find_version_separator(path); at != std::string_view::npos) {
    ASSAY_TRY_VOID(decode_append(path.substr(at + 1), purl.version, "version", has_percent));
    path = path.substr(0, at);
    if (path.empty() || path.back() == '/') {
      return fail(invalid("missing the name before the \"@\" of the version"));
    }
  }
  while (!path.empty() && path.back() == '/') {
    path.remove_suffix(1);
  }
  if (path.empty()) {
    return fail(invalid("missing the name after the type " + quote(purl.type)));
  }
  const std::size_t name_start = find_last(path, '/');
  const std::string_view name_raw =
      name_start == std::string_view::npos ? path : path.substr(name_start + 1);
  ASSAY_TRY_VOID(decode_append(name_raw, purl.name, "name", has_percent));
  if (purl.name.front() == '/' || purl.name.back() == '/') {
    // Leading and trailing slashes are not part of a name, even when percent-encoded.
    purl.name = std::string(strip_slashes(purl.name));
    if (purl.name.empty()) {
      return fail(invalid("missing the name after the type " + quote(purl.type)));
    }
  }
  if (name_start != std::string_view::npos) {
    ASSAY_TRY_VOID(decode_segments(path.substr(0, name_start), "namespace", false, has_percent,
                                   purl.namespace_));
  }
  ASSAY_TRY(purl.qualifiers, parse_qualifiers(qualifiers_raw, mode, has_percent));
  ASSAY_TRY_VOID(decode_segments(subpath_raw, "subpath", true, has_percent, purl.subpath));

  ASSAY_TRY_VOID(internal::apply_type_rules(purl, mode));
  if (text.size() > kMeasureCanonicalAbove) {
    ASSAY_TRY_VOID(check_canonical_size(purl));
  }
  return {};
}

}  // namespace

Result<Purl> parse(std::string_view text, Mode mode) {
  Result<Purl> result(tl::in_place);
  Result<void> parsed = parse_into(text, mode, *result);
  if (!parsed) {
    result = tl::unexpected<Error>(std::move(parsed).error());
  }
  return result;
}

Result<Purl> build(Purl components, Mode mode) {
  const std::size_t total = components.type.size() + components.namespace_.size() +
                            components.name.size() + components.version.size() +
                            components.subpath.size();
  std::size_t qualifier_bytes = 0;
  for (const auto& [key, value] : components.qualifiers) {
    qualifier_bytes += key.size() + value.size();
  }
  if (total + qualifier_bytes > kMaxPurlBytes) {
    return fail(invalid("the components total " + std::to_string(total + qualifier_bytes) +
                        " bytes; the limit is " + std::to_string(kMaxPurlBytes)));
  }

  Purl purl;
  ASSAY_TRY_VOID(normalize_type(components.type, purl.type));

  ASSAY_TRY_VOID(check_utf8(components.namespace_, "namespace"));
  ASSAY_TRY_VOID(for_each_segment(components.namespace_, [&](std::string_view segment) {
    if (!purl.namespace_.empty()) {
      purl.namespace_ += '/';
    }
    purl.namespace_.append(segment);
    return Result<void>{};
  }));

  ASSAY_TRY_VOID(check_utf8(components.name, "name"));
  purl.name = std::string(strip_slashes(components.name));
  if (purl.name.empty()) {
    return fail(invalid("missing the name"));
  }

  ASSAY_TRY_VOID(check_utf8(components.version, "version"));
  purl.version = std::move(components.version);

  for (auto& [key, value] : components.qualifiers) {
    std::string normalized_key;
    ASSAY_TRY_VOID(normalize_key(key, mode, normalized_key));
    ASSAY_TRY_VOID(check_utf8(value, "value of qualifier " + normalized_key));
    if (!value.empty()) {
      purl.qualifiers.emplace_back(std::move(normalized_key), std::move(value));
    }
  }
  ASSAY_TRY_VOID(sort_qualifiers(purl.qualifiers));

  ASSAY_TRY_VOID(check_utf8(components.subpath, "subpath"));
  ASSAY_TRY_VOID(for_each_segment(components.subpath, [&](std::string_view segment) {
    if (segment != "." && segment != "..") {
      if (!purl.subpath.empty()) {
        purl.subpath += '/';
      }
      purl.subpath.append(segment);
    }
    return Result<void>{};
  }));

  ASSAY_TRY_VOID(internal::apply_type_rules(purl, mode));
  ASSAY_TRY_VOID(check_canonical_size(purl));
  return purl;
}

bool is_registered_type(std::string_view type) {
  return internal::find_type_rules(type) != nullptr;
}

}  // namespace assay::purl
