// CSAF 2.0 validation: schema through formats/schema (valijson), then the section 6 tests in code,
// each working on the raw tree so that a document that fails the schema is still checked.
#include "assay/formats/csaf_validate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

// schema.h declares a simdjson overload of validate(); the full type is needed to rule it out.
#include <simdjson.h>

#include "assay/core/strings.h"
#include "assay/cvss/cvss.h"
#include "assay/formats/csaf_embedded.h"
#include "assay/formats/schema.h"
#include "assay/purl/purl.h"

namespace assay::formats {

namespace internal {

const std::string& csaf_embedded_text(CsafEmbedded which) {
  static std::once_flag once;
  static std::array<std::string, 6> texts;
  std::call_once(once, [] {
    for (std::size_t index = 0; index < texts.size(); ++index) {
      for (const std::string_view chunk : csaf_embedded_chunks(static_cast<CsafEmbedded>(index))) {
        texts[index].append(chunk);
      }
    }
  });
  return texts[static_cast<std::size_t>(which)];
}

}  // namespace internal

namespace {

using internal::csaf_embedded_text;
using internal::CsafEmbedded;
using json::Json;

constexpr std::string_view kCvss20Uri = "https://www.first.org/cvss/cvss-v2.0.json";
constexpr std::string_view kCvss30Uri = "https://www.first.org/cvss/cvss-v3.0.json";
constexpr std::string_view kCvss31Uri = "https://www.first.org/cvss/cvss-v3.1.json";

std::optional<std::string> resolve_cvss(std::string_view uri) {
  if (uri == kCvss20Uri) {
    return csaf_embedded_text(CsafEmbedded::kCvss20Schema);
  }
  if (uri == kCvss30Uri) {
    return csaf_embedded_text(CsafEmbedded::kCvss30Schema);
  }
  if (uri == kCvss31Uri) {
    return csaf_embedded_text(CsafEmbedded::kCvss31Schema);
  }
  return std::nullopt;
}

struct CompiledSchemas {
  std::shared_ptr<const JsonSchema> csaf;
  std::shared_ptr<const JsonSchema> csaf_strict;
  std::shared_ptr<const JsonSchema> cvss20;
  std::shared_ptr<const JsonSchema> cvss30;
  std::shared_ptr<const JsonSchema> cvss31;
  std::string error;  // non-empty when a schema failed to compile (a build problem)
};

const CompiledSchemas& schemas() {
  static const CompiledSchemas compiled = [] {
    CompiledSchemas result;
    // Inside the CSAF schema the CVSS objects are only required to be objects: valijson mixes
    // up the $defs of the two CVSS v3 documents a oneOf refers to, so each CVSS object is
    // checked against its own standalone schema instead, as test 6.1.8 (Invalid CVSS) requires.
    const auto resolve_as_object = [](std::string_view uri) -> std::optional<std::string> {
      if (uri == kCvss20Uri) {
        return std::string(R"({"type": "object"})");
      }
      if (uri == kCvss30Uri || uri == kCvss31Uri) {
        return std::string(R"({"type": "object", "required": ["version"], "properties": )"
                           R"({"version": {"enum": [")") +
               (uri == kCvss30Uri ? "3.0" : "3.1") + R"("]}}})";
      }
      return std::nullopt;
    };
    auto compile = [&](CsafEmbedded which, std::string_view name) {
      auto schema = JsonSchema::compile(
          csaf_embedded_text(which), name,
          which == CsafEmbedded::kCsafSchema || which == CsafEmbedded::kCsafStrictSchema
              ? SchemaResolver(resolve_as_object)
              : SchemaResolver(resolve_cvss));
      if (!schema) {
        result.error = schema.error().to_string();
        return std::shared_ptr<const JsonSchema>();
      }
      return *schema;
    };
    result.csaf = compile(CsafEmbedded::kCsafSchema, "csaf_json_schema.json");
    result.csaf_strict = compile(CsafEmbedded::kCsafStrictSchema, "csaf_json_schema_strict.json");
    result.cvss20 = compile(CsafEmbedded::kCvss20Schema, "cvss-v2.0.json");
    result.cvss30 = compile(CsafEmbedded::kCvss30Schema, "cvss-v3.0.json");
    result.cvss31 = compile(CsafEmbedded::kCvss31Schema, "cvss-v3.1.json");
    return result;
  }();
  return compiled;
}

// ---- small typed access to the raw tree ----

const Json* get(const Json& object, std::string_view key) {
  if (!object.is_object()) {
    return nullptr;
  }
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

const Json* get_array(const Json& object, std::string_view key) {
  const Json* value = get(object, key);
  return value != nullptr && value->is_array() ? value : nullptr;
}

const Json* get_object(const Json& object, std::string_view key) {
  const Json* value = get(object, key);
  return value != nullptr && value->is_object() ? value : nullptr;
}

std::optional<std::string> get_string(const Json& object, std::string_view key) {
  const Json* value = get(object, key);
  if (value == nullptr || !value->is_string()) {
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::string string_or_empty(const Json& object, std::string_view key) {
  return get_string(object, key).value_or(std::string());
}

// Calls `visit(string, pointer)` for each string item of array `key` of `object`.
template <typename Visit>
void for_each_string(const Json& object, std::string_view key, const std::string& pointer,
                     Visit&& visit) {
  const Json* items = get_array(object, key);
  if (items == nullptr) {
    return;
  }
  const std::string here = json::pointer_append(pointer, key);
  for (std::size_t index = 0; index < items->size(); ++index) {
    if ((*items)[index].is_string()) {
      visit((*items)[index].get<std::string>(), json::pointer_append(here, index));
    }
  }
}

// Calls `visit(object, pointer)` for each object item of array `key` of `object`.
template <typename Visit>
void for_each_object(const Json& object, std::string_view key, const std::string& pointer,
                     Visit&& visit) {
  const Json* items = get_array(object, key);
  if (items == nullptr) {
    return;
  }
  const std::string here = json::pointer_append(pointer, key);
  for (std::size_t index = 0; index < items->size(); ++index) {
    if ((*items)[index].is_object()) {
      visit((*items)[index], json::pointer_append(here, index));
    }
  }
}

// ---- versions and dates as CSAF uses them ----

struct SemVer {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;
  std::vector<std::string> prerelease;
  std::string build;
};

bool valid_identifier(std::string_view part, bool numeric_no_leading_zero) {
  if (part.empty()) {
    return false;
  }
  for (const char c : part) {
    if (!is_ascii_alnum(c) && c != '-') {
      return false;
    }
  }
  if (numeric_no_leading_zero && all_digits(part) && part.size() > 1 && part[0] == '0') {
    return false;
  }
  return true;
}

std::optional<std::uint64_t> parse_core_number(std::string_view text) {
  if (text.empty() || !all_digits(text) || (text.size() > 1 && text[0] == '0')) {
    return std::nullopt;
  }
  return parse_uint64(text);
}

// Semantic Versioning 2.0.0, strictly (as the CSAF schema's version_t pattern).
std::optional<SemVer> parse_semver(std::string_view text) {
  SemVer result;
  const std::size_t plus = text.find('+');
  if (plus != std::string_view::npos) {
    result.build = std::string(text.substr(plus + 1));
    for (const std::string_view part : split(result.build, '.')) {
      if (!valid_identifier(part, false)) {
        return std::nullopt;
      }
    }
    text = text.substr(0, plus);
  }
  const std::size_t dash = text.find('-');
  if (dash != std::string_view::npos) {
    for (const std::string_view part : split(text.substr(dash + 1), '.')) {
      if (!valid_identifier(part, true)) {
        return std::nullopt;
      }
      result.prerelease.emplace_back(part);
    }
    text = text.substr(0, dash);
  }
  const std::vector<std::string_view> core = split(text, '.');
  if (core.size() != 3) {
    return std::nullopt;
  }
  const auto major = parse_core_number(core[0]);
  const auto minor = parse_core_number(core[1]);
  const auto patch = parse_core_number(core[2]);
  if (!major || !minor || !patch) {
    return std::nullopt;
  }
  result.major = *major;
  result.minor = *minor;
  result.patch = *patch;
  return result;
}

bool is_integer_version(std::string_view text) {
  return parse_core_number(text).has_value();
}

int compare_semver(const SemVer& a, const SemVer& b) {
  if (a.major != b.major) {
    return a.major < b.major ? -1 : 1;
  }
  if (a.minor != b.minor) {
    return a.minor < b.minor ? -1 : 1;
  }
  if (a.patch != b.patch) {
    return a.patch < b.patch ? -1 : 1;
  }
  if (a.prerelease.empty() != b.prerelease.empty()) {
    return a.prerelease.empty() ? 1 : -1;
  }
  for (std::size_t index = 0; index < std::min(a.prerelease.size(), b.prerelease.size()); ++index) {
    const std::string& left = a.prerelease[index];
    const std::string& right = b.prerelease[index];
    const bool left_numeric = all_digits(left);
    const bool right_numeric = all_digits(right);
    if (left_numeric && right_numeric) {
      const int numeric = compare_numeric_strings(left, right);
      if (numeric != 0) {
        return numeric;
      }
    } else if (left_numeric != right_numeric) {
      return left_numeric ? -1 : 1;
    } else if (left != right) {
      return left < right ? -1 : 1;
    }
  }
  if (a.prerelease.size() != b.prerelease.size()) {
    return a.prerelease.size() < b.prerelease.size() ? -1 : 1;
  }
  return 0;
}

// Orders CSAF version numbers: integers numerically, semantic versions by precedence; an integer
// n compares as n.0.0. Unparseable numbers compare as equal.
int compare_csaf_versions(std::string_view a, std::string_view b) {
  auto as_semver = [](std::string_view text) -> std::optional<SemVer> {
    if (is_integer_version(text)) {
      SemVer version;
      version.major = parse_uint64(text).value_or(0);
      return version;
    }
    return parse_semver(text);
  };
  const auto left = as_semver(a);
  const auto right = as_semver(b);
  if (!left || !right) {
    return 0;
  }
  return compare_semver(*left, *right);
}

// The major part of a CSAF version: the integer, or the semantic version's major.
std::optional<std::uint64_t> version_major(std::string_view text) {
  if (is_integer_version(text)) {
    return parse_uint64(text);
  }
  if (const auto version = parse_semver(text)) {
    return version->major;
  }
  return std::nullopt;
}

// An RFC 3339 date-time as (UTC seconds since 1970, fraction digits) for ordering.
struct Instant {
  std::int64_t seconds = 0;
  std::string fraction;
  friend bool operator<(const Instant& a, const Instant& b) {
    if (a.seconds != b.seconds) {
      return a.seconds < b.seconds;
    }
    return a.fraction < b.fraction;  // padded below, so string order is numeric order
  }
  friend bool operator==(const Instant& a, const Instant& b) {
    return a.seconds == b.seconds && a.fraction == b.fraction;
  }
};

std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(year - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

std::optional<Instant> parse_instant(std::string_view text) {
  auto digits = [&text](std::size_t offset, std::size_t count) -> std::optional<unsigned> {
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
  };
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't') || text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  const auto year = digits(0, 4);
  const auto month = digits(5, 2);
  const auto day = digits(8, 2);
  const auto hour = digits(11, 2);
  const auto minute = digits(14, 2);
  const auto second = digits(17, 2);
  if (!year || !month || !day || !hour || !minute || !second || *month < 1 || *month > 12 ||
      *day < 1 || *day > 31 || *hour > 23 || *minute > 59 || *second > 60) {
    return std::nullopt;
  }
  std::size_t position = 19;
  Instant result;
  if (position < text.size() && text[position] == '.') {
    ++position;
    while (position < text.size() && is_ascii_digit(text[position])) {
      result.fraction.push_back(text[position++]);
    }
    if (result.fraction.empty()) {
      return std::nullopt;
    }
  }
  result.fraction.resize(12, '0');
  std::int64_t offset_seconds = 0;
  if (position < text.size() && (text[position] == 'Z' || text[position] == 'z')) {
    ++position;
  } else if (position < text.size() && (text[position] == '+' || text[position] == '-')) {
    const auto offset_hour = digits(position + 1, 2);
    const auto offset_minute = digits(position + 4, 2);
    if (!offset_hour || !offset_minute || position + 3 >= text.size() ||
        text[position + 3] != ':') {
      return std::nullopt;
    }
    offset_seconds = (static_cast<std::int64_t>(*offset_hour) * 60 + *offset_minute) * 60;
    if (text[position] == '-') {
      offset_seconds = -offset_seconds;
    }
    position += 6;
  } else {
    return std::nullopt;
  }
  if (position != text.size()) {
    return std::nullopt;
  }
  result.seconds = days_from_civil(*year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 +
                   *second - offset_seconds;
  return result;
}

// ---- language tags (BCP 47) against the embedded IANA registry ----

struct SubtagRegistry {
  std::unordered_set<std::string> languages;
  std::unordered_map<std::string, std::vector<std::string>> extlangs;  // subtag -> prefixes
  std::unordered_set<std::string> scripts;
  std::unordered_set<std::string> regions;
  std::unordered_map<std::string, std::vector<std::string>> variants;
  // Private-use ranges such as "qaa..qtz": (type, first, last).
  std::vector<std::tuple<std::string, std::string, std::string>> ranges;
};

const SubtagRegistry& subtag_registry() {
  static const SubtagRegistry registry = [] {
    SubtagRegistry result;
    const std::string& text = csaf_embedded_text(CsafEmbedded::kLanguageSubtags);
    for (const std::string_view line : split(text, '\n')) {
      const std::vector<std::string_view> fields = split(line, ' ');
      if (fields.size() < 2) {
        continue;
      }
      const std::string type(fields[0]);
      const std::string subtag(fields[1]);
      std::vector<std::string> prefixes;
      if (fields.size() > 2 && !fields[2].empty()) {
        for (const std::string_view prefix : split(fields[2], ',')) {
          prefixes.emplace_back(prefix);
        }
      }
      const std::size_t dots = subtag.find("..");
      if (dots != std::string::npos) {
        result.ranges.emplace_back(type, subtag.substr(0, dots), subtag.substr(dots + 2));
      } else if (type == "language") {
        result.languages.insert(subtag);
      } else if (type == "extlang") {
        result.extlangs[subtag] = std::move(prefixes);
      } else if (type == "script") {
        result.scripts.insert(subtag);
      } else if (type == "region") {
        result.regions.insert(subtag);
      } else if (type == "variant") {
        result.variants[subtag] = std::move(prefixes);
      }
    }
    return result;
  }();
  return registry;
}

bool in_range(const SubtagRegistry& registry, std::string_view type, const std::string& subtag) {
  for (const auto& [range_type, first, last] : registry.ranges) {
    if (range_type == type && subtag.size() == first.size() && subtag >= first && subtag <= last) {
      return true;
    }
  }
  return false;
}

bool all_alpha(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_alpha);
}

bool all_alnum(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_ascii_alnum);
}

// True when `prefix` (a registry prefix such as "zh" or "sl-rozaj") is a prefix of the tag's
// subtags before `position`.
bool has_prefix(const std::vector<std::string>& subtags, std::size_t position,
                const std::vector<std::string>& prefixes) {
  for (const std::string& prefix : prefixes) {
    const std::vector<std::string_view> parts = split(prefix, '-');
    if (parts.size() > position) {
      continue;
    }
    bool match = true;
    for (std::size_t index = 0; index < parts.size() && match; ++index) {
      match = subtags[index] == parts[index];
    }
    if (match) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool is_valid_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 256) {
    return false;
  }
  std::vector<std::string> subtags;
  for (const std::string_view part : split(tag, '-')) {
    if (part.empty() || part.size() > 8 || !all_alnum(part)) {
      return false;
    }
    subtags.push_back(ascii_lower(part));
  }
  const SubtagRegistry& registry = subtag_registry();
  std::size_t position = 0;
  // A tag that is only a private use sequence: "x-..."
  if (subtags[0] == "x") {
    return subtags.size() > 1;
  }
  // language: 2-3 letters (+ up to 3 extlang), 4 letters reserved, 5-8 registered
  const std::string& language = subtags[0];
  if (!all_alpha(language) || language.size() == 4 ||
      (registry.languages.count(language) == 0 && !in_range(registry, "language", language))) {
    return false;
  }
  position = 1;
  std::size_t extlang_count = 0;
  while (position < subtags.size() && subtags[position].size() == 3 &&
         all_alpha(subtags[position]) && language.size() <= 3) {
    const auto found = registry.extlangs.find(subtags[position]);
    if (found == registry.extlangs.end() || !has_prefix(subtags, position, found->second) ||
        ++extlang_count > 1) {
      return false;
    }
    ++position;
  }
  if (position < subtags.size() && subtags[position].size() == 4 && all_alpha(subtags[position])) {
    if (registry.scripts.count(subtags[position]) == 0 &&
        !in_range(registry, "script", subtags[position])) {
      return false;
    }
    ++position;
  }
  if (position < subtags.size() &&
      ((subtags[position].size() == 2 && all_alpha(subtags[position])) ||
       (subtags[position].size() == 3 && all_digits(subtags[position])))) {
    if (registry.regions.count(subtags[position]) == 0 &&
        !in_range(registry, "region", subtags[position])) {
      return false;
    }
    ++position;
  }
  std::set<std::string> seen_variants;
  while (position < subtags.size() &&
         ((subtags[position].size() >= 5) ||
          (subtags[position].size() == 4 && is_ascii_digit(subtags[position][0])))) {
    const auto found = registry.variants.find(subtags[position]);
    if (found == registry.variants.end() || !seen_variants.insert(subtags[position]).second ||
        (!found->second.empty() && !has_prefix(subtags, position, found->second))) {
      return false;
    }
    ++position;
  }
  std::set<std::string> seen_singletons;
  while (position < subtags.size()) {
    const std::string& singleton = subtags[position];
    if (singleton.size() != 1) {
      return false;
    }
    if (singleton == "x") {
      return position + 1 < subtags.size();  // private use runs to the end
    }
    // Only the registered extensions 't' (RFC 6497) and 'u' (RFC 6067).
    if ((singleton != "t" && singleton != "u") || !seen_singletons.insert(singleton).second) {
      return false;
    }
    ++position;
    std::size_t count = 0;
    while (position < subtags.size() && subtags[position].size() >= 2) {
      ++count;
      ++position;
    }
    if (count == 0) {
      return false;
    }
  }
  return true;
}

namespace {

// Is `tag` in private use: a private-use language (qaa..qtz), script (Qaaa..Qabx) or region
// (AA, QM..QZ, XA..XZ, ZZ), or a tag that starts with "x-"?
bool is_private_language(std::string_view tag) {
  const std::string lower = ascii_lower(tag);
  if (lower.rfind("x-", 0) == 0) {
    return true;
  }
  const std::vector<std::string_view> subtags = split(lower, '-');
  for (std::size_t index = 0; index < subtags.size(); ++index) {
    const std::string_view subtag = subtags[index];
    if (index > 0 && subtag.size() == 1) {
      break;  // extensions and private use sequences follow
    }
    if (index == 0 && subtag.size() == 3 && subtag >= "qaa" && subtag <= "qtz") {
      return true;
    }
    if (index > 0 && subtag.size() == 4 && all_alpha(subtag) && subtag >= "qaaa" &&
        subtag <= "qabx") {
      return true;
    }
    if (index > 0 && subtag.size() == 2 && all_alpha(subtag) &&
        (subtag == "aa" || subtag == "zz" || (subtag >= "qm" && subtag <= "qz") ||
         (subtag >= "xa" && subtag <= "xz"))) {
      return true;
    }
  }
  return false;
}

// ---- the tests ----

class Checker {
 public:
  Checker(const Json& root, std::string source, const CsafValidationOptions& options,
          DiagnosticSink& sink)
      : root_(root), source_(std::move(source)), options_(options), sink_(sink) {}

  void report(std::string_view test, std::string message, std::string_view pointer) {
    const std::string code = "CSAF-" + std::string(test);
    const std::string location = source_ + "#" + std::string(pointer);
    message += " (CSAF 2.0 test " + std::string(test) + ")";
    if (test.rfind("6.1.", 0) == 0) {
      sink_.error(code, std::move(message), location);
    } else if (test.rfind("6.2.", 0) == 0) {
      sink_.warning(code, std::move(message), location);
    } else {
      sink_.info(code, std::move(message), location);
    }
  }

  void run() {
    collect();
    if (options_.mandatory) {
      mandatory();
    }
    if (options_.optional) {
      optional();
    }
    if (options_.informative) {
      informative();
    }
  }

 private:
  struct Definition {
    std::string id;
    std::string pointer;  // of the product_id / group_id value
    const Json* full_product_name = nullptr;
  };

  const Json* document() const { return get_object(root_, "document"); }
  const Json* tracking() const {
    const Json* doc = document();
    return doc == nullptr ? nullptr : get_object(*doc, "tracking");
  }
  const Json* product_tree() const { return get_object(root_, "product_tree"); }
  std::string category() const {
    const Json* doc = document();
    return doc == nullptr ? std::string() : string_or_empty(*doc, "category");
  }

  void add_definition(const Json& full_product_name, const std::string& pointer) {
    if (!full_product_name.is_object()) {
      return;
    }
    if (const auto id = get_string(full_product_name, "product_id")) {
      products_.push_back({*id, json::pointer_append(pointer, "product_id"), &full_product_name});
    } else {
      products_.push_back({"", pointer, &full_product_name});  // still checked for helpers
    }
  }

  void collect_branches(const Json& node, const std::string& pointer, std::size_t depth) {
    if (depth > 64) {
      return;
    }
    for_each_object(node, "branches", pointer, [&](const Json& branch, const std::string& here) {
      branches_.push_back({&branch, here});
      if (const Json* product = get_object(branch, "product")) {
        add_definition(*product, json::pointer_append(here, "product"));
      }
      collect_branches(branch, here, depth + 1);
    });
  }

  void collect() {
    if (const Json* tree = product_tree()) {
      collect_branches(*tree, "/product_tree", 0);
      for_each_object(
          *tree, "full_product_names", "/product_tree",
          [&](const Json& item, const std::string& here) { add_definition(item, here); });
      for_each_object(*tree, "relationships", "/product_tree",
                      [&](const Json& item, const std::string& here) {
                        if (const Json* name = get_object(item, "full_product_name")) {
                          add_definition(*name, json::pointer_append(here, "full_product_name"));
                        }
                      });
      for_each_object(*tree, "product_groups", "/product_tree",
                      [&](const Json& item, const std::string& here) {
                        if (const auto id = get_string(item, "group_id")) {
                          groups_.push_back({*id, json::pointer_append(here, "group_id"), &item});
                        }
                      });
    }
    for (const Definition& definition : products_) {
      if (!definition.id.empty()) {
        product_ids_.insert(definition.id);
      }
    }
    for (const Definition& group : groups_) {
      group_ids_.insert(group.id);
      if (!group_members_.count(group.id)) {
        std::vector<std::string>& members = group_members_[group.id];
        for_each_string(*group.full_product_name, "product_ids", "",
                        [&](const std::string& id, const std::string&) { members.push_back(id); });
      }
    }
  }

  std::vector<std::string> members(const Json& statement) const {
    std::vector<std::string> result;
    for_each_string(statement, "product_ids", "",
                    [&](const std::string& id, const std::string&) { result.push_back(id); });
    for_each_string(statement, "group_ids", "", [&](const std::string& id, const std::string&) {
      const auto found = group_members_.find(id);
      if (found != group_members_.end()) {
        result.insert(result.end(), found->second.begin(), found->second.end());
      }
    });
    return result;
  }

  template <typename Visit>
  void for_each_vulnerability(Visit&& visit) const {
    for_each_object(root_, "vulnerabilities", "", visit);
  }

  static constexpr std::array<std::string_view, 8> kStatusLists = {
      "first_affected",     "first_fixed",   "fixed",       "known_affected",
      "known_not_affected", "last_affected", "recommended", "under_investigation"};

  // Every product id reference: (id, pointer).
  std::vector<std::pair<std::string, std::string>> product_references() const {
    std::vector<std::pair<std::string, std::string>> refs;
    auto add = [&refs](const std::string& id, const std::string& pointer) {
      refs.emplace_back(id, pointer);
    };
    if (const Json* tree = product_tree()) {
      for_each_object(*tree, "product_groups", "/product_tree",
                      [&](const Json& group, const std::string& here) {
                        for_each_string(group, "product_ids", here, add);
                      });
      for_each_object(*tree, "relationships", "/product_tree",
                      [&](const Json& item, const std::string& here) {
                        if (const auto id = get_string(item, "product_reference")) {
                          add(*id, json::pointer_append(here, "product_reference"));
                        }
                        if (const auto id = get_string(item, "relates_to_product_reference")) {
                          add(*id, json::pointer_append(here, "relates_to_product_reference"));
                        }
                      });
    }
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      if (const Json* status = get_object(vulnerability, "product_status")) {
        const std::string status_pointer = json::pointer_append(here, "product_status");
        for (const std::string_view list : kStatusLists) {
          for_each_string(*status, list, status_pointer, add);
        }
      }
      for (const std::string_view key : {"remediations", "threats", "flags"}) {
        for_each_object(vulnerability, key, here, [&](const Json& item, const std::string& at) {
          for_each_string(item, "product_ids", at, add);
        });
      }
      for_each_object(vulnerability, "scores", here, [&](const Json& item, const std::string& at) {
        for_each_string(item, "products", at, add);
      });
    });
    return refs;
  }

  void mandatory() {
    test_6_1_1_and_2();
    test_6_1_3();
    test_6_1_4_and_5();
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      test_6_1_6(vulnerability, here);
      test_6_1_7(vulnerability, here);
      test_cvss(vulnerability, here);
      test_6_1_24(vulnerability, here);
      test_6_1_29_and_32(vulnerability, here);
      test_6_1_33(vulnerability, here);
    });
    test_6_1_11();
    test_6_1_12_15_28();
    test_6_1_13_and_25();
    test_revisions();
    test_6_1_23();
    test_6_1_26();
    test_profiles();
    test_6_1_31();
  }

  void test_6_1_1_and_2() {
    for (const auto& [id, pointer] : product_references()) {
      if (product_ids_.count(id) == 0) {
        report("6.1.1",
               "product id " + quote(id) +
                   " is referenced but never defined; define it in product_tree (a branch's "
                   "product, full_product_names or a relationship's full_product_name) or correct "
                   "the reference",
               pointer);
      }
    }
    std::map<std::string, std::string> first;
    for (const Definition& definition : products_) {
      if (definition.id.empty()) {
        continue;
      }
      const auto [found, inserted] = first.emplace(definition.id, definition.pointer);
      if (!inserted) {
        report("6.1.2",
               "product id " + quote(definition.id) + " is defined again (first at " +
                   found->second + "); every product id must be defined exactly once",
               definition.pointer);
      }
    }
  }

  // Cycles among relationships (6.1.3): Tarjan's strongly connected components, iteratively.
  void test_6_1_3() {
    const Json* tree = product_tree();
    const Json* relationships = tree == nullptr ? nullptr : get_array(*tree, "relationships");
    if (relationships == nullptr) {
      return;
    }
    const std::size_t count = relationships->size();
    std::unordered_map<std::string, std::vector<std::size_t>> defined_by;
    for (std::size_t index = 0; index < count; ++index) {
      const Json& item = (*relationships)[index];
      if (const Json* name = get_object(item, "full_product_name")) {
        if (const auto id = get_string(*name, "product_id")) {
          defined_by[*id].push_back(index);
        }
      }
    }
    // Edges: relationship -> relationships defining its product_reference or
    // relates_to_product_reference, each labelled with the member that leads there.
    std::vector<std::vector<std::pair<std::size_t, const char*>>> edges(count);
    for (std::size_t index = 0; index < count; ++index) {
      const Json& item = (*relationships)[index];
      for (const char* key : {"product_reference", "relates_to_product_reference"}) {
        if (const auto id = get_string(item, key)) {
          const auto found = defined_by.find(*id);
          if (found != defined_by.end()) {
            for (const std::size_t target : found->second) {
              edges[index].emplace_back(target, key);
            }
          }
        }
      }
    }
    std::vector<std::size_t> order(count, SIZE_MAX);
    std::vector<std::size_t> low(count, 0);
    std::vector<bool> on_stack(count, false);
    std::vector<std::size_t> stack;
    std::vector<std::size_t> component(count, SIZE_MAX);
    std::vector<std::size_t> component_size;
    std::size_t next = 0;
    for (std::size_t start = 0; start < count; ++start) {
      if (order[start] != SIZE_MAX) {
        continue;
      }
      std::vector<std::pair<std::size_t, std::size_t>> work{{start, 0}};  // (node, next edge)
      order[start] = low[start] = next++;
      stack.push_back(start);
      on_stack[start] = true;
      while (!work.empty()) {
        auto& [node, edge] = work.back();
        if (edge < edges[node].size()) {
          const std::size_t target = edges[node][edge++].first;
          if (order[target] == SIZE_MAX) {
            order[target] = low[target] = next++;
            stack.push_back(target);
            on_stack[target] = true;
            work.emplace_back(target, 0);
          } else if (on_stack[target]) {
            low[node] = std::min(low[node], order[target]);
          }
          continue;
        }
        if (low[node] == order[node]) {
          const std::size_t id = component_size.size();
          component_size.push_back(0);
          while (true) {
            const std::size_t member = stack.back();
            stack.pop_back();
            on_stack[member] = false;
            component[member] = id;
            ++component_size[id];
            if (member == node) {
              break;
            }
          }
        }
        const std::size_t finished = node;
        work.pop_back();
        if (!work.empty()) {
          low[work.back().first] = std::min(low[work.back().first], low[finished]);
        }
      }
    }
    for (std::size_t index = 0; index < count; ++index) {
      for (const auto& [target, key] : edges[index]) {
        const bool cyclic = target == index || (component[target] == component[index] &&
                                                component_size[component[index]] > 1);
        if (cyclic) {
          report("6.1.3",
                 "relationship " + std::to_string(index) +
                     " is part of a circular definition: its " + key +
                     " leads back to itself through other relationships; a product cannot be "
                     "built from itself",
                 json::pointer_append(json::pointer_append("/product_tree/relationships", index),
                                      key));
          break;
        }
      }
    }
  }

  void test_6_1_4_and_5() {
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      for (const std::string_view key : {"remediations", "threats", "flags"}) {
        for_each_object(vulnerability, key, here, [&](const Json& item, const std::string& at) {
          for_each_string(item, "group_ids", at,
                          [&](const std::string& id, const std::string& pointer) {
                            if (group_ids_.count(id) == 0) {
                              report("6.1.4",
                                     "product group id " + quote(id) +
                                         " is referenced but never defined; define it in "
                                         "product_tree.product_groups or correct the reference",
                                     pointer);
                            }
                          });
        });
      }
    });
    std::map<std::string, std::string> first;
    for (const Definition& group : groups_) {
      const auto [found, inserted] = first.emplace(group.id, group.pointer);
      if (!inserted) {
        report("6.1.5",
               "product group id " + quote(group.id) + " is defined again (first at " +
                   found->second + "); every group id must be defined exactly once",
               group.pointer);
      }
    }
  }

  void test_6_1_6(const Json& vulnerability, const std::string& here) {
    const Json* status = get_object(vulnerability, "product_status");
    if (status == nullptr) {
      return;
    }
    const std::array<std::pair<const char*, std::vector<std::string_view>>, 4> groups = {{
        {"affected", {"first_affected", "known_affected", "last_affected"}},
        {"not affected", {"known_not_affected"}},
        {"fixed", {"first_fixed", "fixed"}},
        {"under investigation", {"under_investigation"}},
    }};
    std::map<std::string, const char*> group_of;
    std::set<std::string> reported;
    const std::string status_pointer = json::pointer_append(here, "product_status");
    for (const auto& [group_name, lists] : groups) {
      const char* const group = group_name;  // clang 14 cannot capture a structured binding
      std::set<std::string> in_this_group;
      for (const std::string_view list : lists) {
        for_each_string(
            *status, list, status_pointer, [&](const std::string& id, const std::string& pointer) {
              if (!in_this_group.insert(id).second) {
                return;
              }
              const auto [found, inserted] = group_of.emplace(id, group);
              if (!inserted && reported.insert(id).second) {
                report("6.1.6",
                       "product " + quote(id) + " is listed as both " + found->second + " and " +
                           group + "; a product can have only one status per vulnerability",
                       pointer);
              }
            });
      }
    }
  }

  void test_6_1_7(const Json& vulnerability, const std::string& here) {
    std::map<std::string, std::set<std::string>> versions_by_product;
    for_each_object(vulnerability, "scores", here, [&](const Json& score, const std::string& at) {
      std::vector<std::string> versions;
      for (const char* key : {"cvss_v2", "cvss_v3"}) {
        if (const Json* cvss = get_object(score, key)) {
          if (const auto version = get_string(*cvss, "version")) {
            versions.push_back(*version);
          }
        }
      }
      for_each_string(score, "products", at,
                      [&](const std::string& product, const std::string& pointer) {
                        std::set<std::string>& seen = versions_by_product[product];
                        for (const std::string& version : versions) {
                          if (!seen.insert(version).second) {
                            report("6.1.7",
                                   "product " + quote(product) + " already has a CVSS " + version +
                                       " score for this vulnerability; give each product at most "
                                       "one score per CVSS version",
                                   pointer);
                          }
                        }
                      });
    });
  }

  // 6.1.8 (schema of each CVSS object), 6.1.9 (computed scores), 6.1.10 (properties vs vector).
  void test_cvss(const Json& vulnerability, const std::string& here) {
    const CompiledSchemas& compiled = schemas();
    for_each_object(vulnerability, "scores", here, [&](const Json& score, const std::string& at) {
      if (const Json* v2 = get(score, "cvss_v2")) {
        const std::string pointer = json::pointer_append(at, "cvss_v2");
        if (compiled.cvss20) {
          check_cvss_schema(*compiled.cvss20, *v2, pointer, "CVSS v2.0");
        }
        check_cvss_values(*v2, pointer, false);
      }
      if (const Json* v3 = get(score, "cvss_v3")) {
        const std::string pointer = json::pointer_append(at, "cvss_v3");
        const std::string version = v3->is_object() ? string_or_empty(*v3, "version") : "";
        const JsonSchema* schema = version == "3.0"   ? compiled.cvss30.get()
                                   : version == "3.1" ? compiled.cvss31.get()
                                                      : nullptr;
        if (schema != nullptr) {
          check_cvss_schema(*schema, *v3, pointer, "CVSS v" + version);
        } else {
          report("6.1.8",
                 "cvss_v3 must have \"version\" \"3.0\" or \"3.1\", found " +
                     (version.empty() ? std::string("none") : quote(version)),
                 pointer);
        }
        check_cvss_values(*v3, pointer, true);
      }
    });
  }

  void check_cvss_schema(const JsonSchema& schema, const Json& value, const std::string& pointer,
                         const std::string& name) {
    DiagnosticSink inner;
    if (schema.validate(value, "", inner, "CSAF-6.1.8")) {
      return;
    }
    for (const Diagnostic& diagnostic : inner.take()) {
      // inner locations are "#/pointer" relative to the CVSS object
      std::string relative = diagnostic.location;
      if (!relative.empty() && relative[0] == '#') {
        relative.erase(0, 1);
      }
      report("6.1.8", "invalid " + name + " object: " + diagnostic.message, pointer + relative);
    }
  }

  struct MetricName {
    std::string_view metric;
    std::string_view property;
    std::initializer_list<std::pair<std::string_view, std::string_view>> values;
  };

  static std::span<const MetricName> v3_metrics() {
    static const std::array<MetricName, 22> kMetrics = {{
        {"AV",
         "attackVector",
         {{"N", "NETWORK"}, {"A", "ADJACENT_NETWORK"}, {"L", "LOCAL"}, {"P", "PHYSICAL"}}},
        {"AC", "attackComplexity", {{"L", "LOW"}, {"H", "HIGH"}}},
        {"PR", "privilegesRequired", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"UI", "userInteraction", {{"N", "NONE"}, {"R", "REQUIRED"}}},
        {"S", "scope", {{"U", "UNCHANGED"}, {"C", "CHANGED"}}},
        {"C", "confidentialityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"I", "integrityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"A", "availabilityImpact", {{"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"E",
         "exploitCodeMaturity",
         {{"X", "NOT_DEFINED"},
          {"U", "UNPROVEN"},
          {"P", "PROOF_OF_CONCEPT"},
          {"F", "FUNCTIONAL"},
          {"H", "HIGH"}}},
        {"RL",
         "remediationLevel",
         {{"X", "NOT_DEFINED"},
          {"O", "OFFICIAL_FIX"},
          {"T", "TEMPORARY_FIX"},
          {"W", "WORKAROUND"},
          {"U", "UNAVAILABLE"}}},
        {"RC",
         "reportConfidence",
         {{"X", "NOT_DEFINED"}, {"U", "UNKNOWN"}, {"R", "REASONABLE"}, {"C", "CONFIRMED"}}},
        {"CR",
         "confidentialityRequirement",
         {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}}},
        {"IR",
         "integrityRequirement",
         {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}}},
        {"AR",
         "availabilityRequirement",
         {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}}},
        {"MAV",
         "modifiedAttackVector",
         {{"X", "NOT_DEFINED"},
          {"N", "NETWORK"},
          {"A", "ADJACENT_NETWORK"},
          {"L", "LOCAL"},
          {"P", "PHYSICAL"}}},
        {"MAC", "modifiedAttackComplexity", {{"X", "NOT_DEFINED"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"MPR",
         "modifiedPrivilegesRequired",
         {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"MUI",
         "modifiedUserInteraction",
         {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"R", "REQUIRED"}}},
        {"MS", "modifiedScope", {{"X", "NOT_DEFINED"}, {"U", "UNCHANGED"}, {"C", "CHANGED"}}},
        {"MC",
         "modifiedConfidentialityImpact",
         {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"MI",
         "modifiedIntegrityImpact",
         {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
        {"MA",
         "modifiedAvailabilityImpact",
         {{"X", "NOT_DEFINED"}, {"N", "NONE"}, {"L", "LOW"}, {"H", "HIGH"}}},
    }};
    return kMetrics;
  }

  static std::span<const MetricName> v2_metrics() {
    static const std::array<MetricName, 14> kMetrics = {{
        {"AV", "accessVector", {{"L", "LOCAL"}, {"A", "ADJACENT_NETWORK"}, {"N", "NETWORK"}}},
        {"AC", "accessComplexity", {{"H", "HIGH"}, {"M", "MEDIUM"}, {"L", "LOW"}}},
        {"Au", "authentication", {{"M", "MULTIPLE"}, {"S", "SINGLE"}, {"N", "NONE"}}},
        {"C", "confidentialityImpact", {{"N", "NONE"}, {"P", "PARTIAL"}, {"C", "COMPLETE"}}},
        {"I", "integrityImpact", {{"N", "NONE"}, {"P", "PARTIAL"}, {"C", "COMPLETE"}}},
        {"A", "availabilityImpact", {{"N", "NONE"}, {"P", "PARTIAL"}, {"C", "COMPLETE"}}},
        {"E",
         "exploitability",
         {{"U", "UNPROVEN"},
          {"POC", "PROOF_OF_CONCEPT"},
          {"F", "FUNCTIONAL"},
          {"H", "HIGH"},
          {"ND", "NOT_DEFINED"}}},
        {"RL",
         "remediationLevel",
         {{"OF", "OFFICIAL_FIX"},
          {"TF", "TEMPORARY_FIX"},
          {"W", "WORKAROUND"},
          {"U", "UNAVAILABLE"},
          {"ND", "NOT_DEFINED"}}},
        {"RC",
         "reportConfidence",
         {{"UC", "UNCONFIRMED"},
          {"UR", "UNCORROBORATED"},
          {"C", "CONFIRMED"},
          {"ND", "NOT_DEFINED"}}},
        {"CDP",
         "collateralDamagePotential",
         {{"N", "NONE"},
          {"L", "LOW"},
          {"LM", "LOW_MEDIUM"},
          {"MH", "MEDIUM_HIGH"},
          {"H", "HIGH"},
          {"ND", "NOT_DEFINED"}}},
        {"TD",
         "targetDistribution",
         {{"N", "NONE"}, {"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}}},
        {"CR",
         "confidentialityRequirement",
         {{"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}}},
        {"IR",
         "integrityRequirement",
         {{"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}}},
        {"AR",
         "availabilityRequirement",
         {{"L", "LOW"}, {"M", "MEDIUM"}, {"H", "HIGH"}, {"ND", "NOT_DEFINED"}}},
    }};
    return kMetrics;
  }

  void check_cvss_values(const Json& cvss, const std::string& pointer, bool v3) {
    if (!cvss.is_object()) {
      return;
    }
    const auto vector_text = get_string(cvss, "vectorString");
    if (!vector_text) {
      return;
    }
    if (v3) {
      const std::string version = string_or_empty(cvss, "version");
      if (version != "3.0" && version != "3.1") {
        return;
      }
    }
    // 6.1.10: every property named by the vector must say the same as the vector.
    const std::string_view body =
        v3 ? std::string_view(*vector_text)
                 .substr(std::min(vector_text->find('/'), vector_text->size()))
           : std::string_view(*vector_text);
    for (const std::string_view field : split(body, '/')) {
      const std::size_t colon = field.find(':');
      if (colon == std::string_view::npos) {
        continue;
      }
      const std::string_view metric = field.substr(0, colon);
      const std::string_view value = field.substr(colon + 1);
      for (const MetricName& entry : v3 ? v3_metrics() : v2_metrics()) {
        if (entry.metric != metric) {
          continue;
        }
        const auto property = get_string(cvss, entry.property);
        if (!property) {
          break;
        }
        for (const auto& [abbreviation, name] : entry.values) {
          if (abbreviation == value && *property != name) {
            report("6.1.10",
                   std::string(entry.property) + " is " + quote(*property) + " but the vector " +
                       quote(*vector_text) + " says " + std::string(metric) + ":" +
                       std::string(value) + " (" + std::string(name) + "); make them agree",
                   json::pointer_append(pointer, entry.property));
          }
        }
        break;
      }
    }
    // 6.1.9: the scores and severities must be the ones the vector gives.
    const auto parsed = cvss::parse(*vector_text);
    if (!parsed) {
      return;  // 6.1.8 reports a malformed vector
    }
    if (v3 && to_string(parsed->version()) != string_or_empty(cvss, "version")) {
      return;
    }
    const cvss::Scores scores = cvss::score(*parsed);
    const double temporal = scores.temporal.value_or(scores.base);
    const double environmental = scores.environmental.value_or(temporal);
    const std::array<std::pair<const char*, double>, 3> expected = {
        {{"baseScore", scores.base},
         {"temporalScore", temporal},
         {"environmentalScore", environmental}}};
    for (const auto& [key, value] : expected) {
      const Json* given = get(cvss, key);
      if (given != nullptr && given->is_number() &&
          std::fabs(given->get<double>() - value) > 1e-9) {
        report("6.1.9",
               std::string(key) + " is " + given->dump() + " but the vector " +
                   quote(*vector_text) + " gives " + fmt_score(value) +
                   "; recompute the score from the vector",
               json::pointer_append(pointer, key));
      }
    }
    if (v3) {
      const std::array<std::pair<const char*, double>, 3> severities = {
          {{"baseSeverity", scores.base},
           {"temporalSeverity", temporal},
           {"environmentalSeverity", environmental}}};
      for (const auto& [key, value] : severities) {
        const auto given = get_string(cvss, key);
        const std::string expected_name = ascii_upper(cvss::to_string(cvss::severity(value)));
        if (given && *given != expected_name) {
          report("6.1.9",
                 std::string(key) + " is " + quote(*given) + " but a score of " + fmt_score(value) +
                     " is " + expected_name + "; recompute it from the vector",
                 json::pointer_append(pointer, key));
        }
      }
    }
  }

  static std::string fmt_score(double value) {
    const auto tenths = static_cast<long long>(std::llround(value * 10.0));
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
  }

  void test_6_1_11() {
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      const Json* cwe = get_object(vulnerability, "cwe");
      if (cwe == nullptr) {
        return;
      }
      const auto id = get_string(*cwe, "id");
      const auto name = get_string(*cwe, "name");
      if (!id || !name) {
        return;
      }
      const std::string cwe_pointer = json::pointer_append(here, "cwe");
      std::optional<std::uint64_t> number;
      if (id->rfind("CWE-", 0) == 0) {
        number = parse_uint64(std::string_view(*id).substr(4));
      }
      const auto catalogue = internal::cwe_catalogue();
      const auto found =
          number ? std::lower_bound(catalogue.begin(), catalogue.end(), *number,
                                    [](const internal::CweEntry& entry, std::uint64_t wanted) {
                                      return entry.id < wanted;
                                    })
                 : catalogue.end();
      if (found == catalogue.end() || found->id != *number) {
        report("6.1.11", "CWE id " + quote(*id) + " is not in the CWE catalogue",
               json::pointer_append(cwe_pointer, "id"));
      } else if (found->name != *name) {
        report("6.1.11",
               "the name of " + *id + " is " + quote(found->name) + ", not " + quote(*name),
               json::pointer_append(cwe_pointer, "name"));
      }
    });
  }

  void test_6_1_12_15_28() {
    const Json* doc = document();
    if (doc == nullptr) {
      return;
    }
    const auto lang = get_string(*doc, "lang");
    const auto source_lang = get_string(*doc, "source_lang");
    if (lang && !is_valid_language_tag(*lang)) {
      report("6.1.12",
             "lang " + quote(*lang) +
                 " is not a valid BCP 47 language tag with registered subtags (e.g. \"en\", "
                 "\"de-DE\")",
             "/document/lang");
    }
    if (source_lang && !is_valid_language_tag(*source_lang)) {
      report("6.1.12",
             "source_lang " + quote(*source_lang) +
                 " is not a valid BCP 47 language tag with registered subtags",
             "/document/source_lang");
    }
    const Json* publisher = get_object(*doc, "publisher");
    if (publisher != nullptr && string_or_empty(*publisher, "category") == "translator" &&
        (!source_lang || source_lang->empty())) {
      report("6.1.15",
             "the publisher is a translator but the document has no source_lang; say which "
             "language the original was in",
             "/document/publisher/category");
    }
    if (lang && source_lang && *lang == *source_lang) {
      report("6.1.28",
             "lang and source_lang are both " + quote(*lang) +
                 "; a translation must differ from its source language",
             "/document/lang");
    }
  }

  void test_6_1_13_and_25() {
    for (const Definition& definition : products_) {
      const Json* helper =
          get_object(*definition.full_product_name, "product_identification_helper");
      if (helper == nullptr) {
        continue;
      }
      std::string base = definition.pointer;
      if (!definition.id.empty()) {
        base = base.substr(0, base.rfind('/'));  // the full_product_name object
      }
      const std::string helper_pointer =
          json::pointer_append(base, "product_identification_helper");
      if (const auto text = get_string(*helper, "purl")) {
        auto parsed = purl::parse(*text);
        if (!parsed) {
          report("6.1.13", "invalid purl " + quote(*text) + ": " + parsed.error().message,
                 json::pointer_append(helper_pointer, "purl"));
        }
      }
      for_each_object(
          *helper, "hashes", helper_pointer, [&](const Json& hashes, const std::string& at) {
            std::set<std::string> algorithms;
            for_each_object(hashes, "file_hashes", at,
                            [&](const Json& hash, const std::string& hash_pointer) {
                              const std::string algorithm = string_or_empty(hash, "algorithm");
                              if (!algorithms.insert(algorithm).second) {
                                report("6.1.25",
                                       "hash algorithm " + quote(algorithm) +
                                           " is given more than once for the same "
                                           "file; keep one value per algorithm",
                                       hash_pointer);
                              }
                            });
          });
    }
  }

  struct Revision {
    std::string number;
    std::string date;
    std::string pointer;
    std::optional<Instant> instant;
  };

  std::vector<Revision> revisions() const {
    std::vector<Revision> result;
    const Json* tracking_json = tracking();
    if (tracking_json == nullptr) {
      return result;
    }
    for_each_object(*tracking_json, "revision_history", "/document/tracking",
                    [&](const Json& item, const std::string& at) {
                      Revision revision;
                      revision.number = string_or_empty(item, "number");
                      revision.date = string_or_empty(item, "date");
                      revision.pointer = at;
                      revision.instant = parse_instant(revision.date);
                      result.push_back(std::move(revision));
                    });
    return result;
  }

  // Revisions sorted by date, then by number (both ascending).
  static std::vector<Revision> by_date(std::vector<Revision> list) {
    std::stable_sort(list.begin(), list.end(), [](const Revision& a, const Revision& b) {
      if (a.instant && b.instant && !(*a.instant == *b.instant)) {
        return *a.instant < *b.instant;
      }
      return compare_csaf_versions(a.number, b.number) < 0;
    });
    return list;
  }

  void test_revisions() {
    const Json* tracking_json = tracking();
    if (tracking_json == nullptr) {
      return;
    }
    const std::string version = string_or_empty(*tracking_json, "version");
    const std::string status = string_or_empty(*tracking_json, "status");
    const std::vector<Revision> history = revisions();
    const std::vector<Revision> sorted = by_date(history);
    const bool dates_ok = std::all_of(history.begin(), history.end(),
                                      [](const Revision& r) { return r.instant.has_value(); });
    // 6.1.14: numbers ascending when sorted by date.
    if (dates_ok) {
      for (std::size_t index = 1; index < sorted.size(); ++index) {
        if (compare_csaf_versions(sorted[index - 1].number, sorted[index].number) > 0) {
          report("6.1.14",
                 "revision " + quote(sorted[index].number) + " (" + sorted[index].date +
                     ") is dated after revision " + quote(sorted[index - 1].number) +
                     " but has a lower number; number revisions in date order",
                 "/document/tracking/revision_history");
          break;
        }
      }
    }
    // 6.1.16: the version is the latest revision's number.
    if (!history.empty() && !version.empty() && dates_ok) {
      auto normalise = [&status](std::string_view text) {
        const std::size_t cut = status == "draft" ? text.find_first_of("+-") : text.find('+');
        return std::string(text.substr(0, cut));
      };
      const Revision& latest = sorted.back();
      if (normalise(latest.number) != normalise(version)) {
        report("6.1.16",
               "tracking version " + quote(version) +
                   " is not the number of the latest revision (" + quote(latest.number) +
                   "); update the version or the revision history",
               "/document/tracking/version");
      }
    }
    const auto semver = parse_semver(version);
    // 6.1.17: version 0, 0.y.z or a pre-release needs status draft.
    if (!status.empty() && status != "draft" &&
        (version == "0" || (semver && (semver->major == 0 || !semver->prerelease.empty())))) {
      report("6.1.17",
             "status is " + quote(status) + " but version " + quote(version) +
                 " marks a draft (0, 0.y.z or a pre-release); set status to \"draft\" or release "
                 "a final version",
             "/document/tracking/status");
    }
    // 6.1.18: final and interim documents have no draft revisions.
    if (status == "final" || status == "interim") {
      for (const Revision& revision : history) {
        const auto revision_semver = parse_semver(revision.number);
        if (revision.number == "0" || (revision_semver && revision_semver->major == 0)) {
          report("6.1.18",
                 "a " + status + " document lists the draft revision " + quote(revision.number) +
                     "; remove draft revisions before release",
                 "/document/tracking/status");
          break;
        }
      }
      // 6.1.20
      if (semver && !semver->prerelease.empty()) {
        report("6.1.20",
               "a " + status + " document must not have a pre-release version (" + quote(version) +
                   ")",
               "/document/tracking/version");
      }
    }
    // 6.1.19: no pre-release revisions.
    for (const Revision& revision : history) {
      const auto revision_semver = parse_semver(revision.number);
      if (revision_semver && !revision_semver->prerelease.empty()) {
        report("6.1.19",
               "revision " + quote(revision.number) +
                   " has a pre-release part; revision history entries must not",
               json::pointer_append(revision.pointer, "number"));
      }
    }
    // 6.1.21: no missing major versions when sorted by date.
    if (dates_ok && !sorted.empty()) {
      std::vector<std::uint64_t> majors;
      for (const Revision& revision : sorted) {
        const auto major = version_major(revision.number);
        if (major &&
            (majors.empty() || std::find(majors.begin(), majors.end(), *major) == majors.end())) {
          majors.push_back(*major);
        }
      }
      if (!majors.empty() && majors.front() > 1) {
        report("6.1.21",
               "the revision history starts at version " + std::to_string(majors.front()) +
                   "; it must start at 0 or 1",
               "/document/tracking/revision_history");
      }
      for (std::size_t index = 0; index < majors.size(); ++index) {
        const std::uint64_t expected = majors.front() + index;
        if (majors[index] > expected) {
          report("6.1.21",
                 "version " + std::to_string(expected) +
                     " is missing from the revision history; list every version",
                 "/document/tracking/revision_history");
          break;
        }
      }
    }
    // 6.1.22: numbers are unique.
    std::map<std::string, std::string> seen;
    for (const Revision& revision : history) {
      const auto [found, inserted] = seen.emplace(revision.number, revision.pointer);
      if (!inserted) {
        report("6.1.22",
               "revision number " + quote(revision.number) + " appears twice (also at " +
                   found->second + ")",
               json::pointer_append(revision.pointer, "number"));
      }
    }
    // 6.1.30: integer and semantic versioning not mixed.
    std::optional<bool> integer_scheme;
    for (const Revision& revision : history) {
      const bool integer = is_integer_version(revision.number);
      if (!integer_scheme) {
        integer_scheme = integer;
      } else if (*integer_scheme != integer) {
        report("6.1.30",
               "revision " + quote(revision.number) +
                   " mixes integer and semantic versioning; use one scheme throughout",
               json::pointer_append(revision.pointer, "number"));
      }
    }
    if (integer_scheme && !version.empty() && is_integer_version(version) != *integer_scheme) {
      report("6.1.30",
             "version " + quote(version) +
                 " uses another versioning scheme than the revision "
                 "history; use one scheme throughout",
             "/document/tracking/version");
    }
  }

  void test_6_1_23() {
    std::map<std::string, std::string> seen;
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      if (const auto cve = get_string(vulnerability, "cve")) {
        const auto [found, inserted] = seen.emplace(*cve, here);
        if (!inserted) {
          report("6.1.23",
                 *cve + " is already described by " + found->second +
                     "; describe each CVE in one vulnerability",
                 json::pointer_append(here, "cve"));
        }
      }
    });
  }

  void test_6_1_24(const Json& vulnerability, const std::string& here) {
    std::set<std::pair<std::string, std::string>> seen;
    for_each_object(vulnerability, "involvements", here,
                    [&](const Json& involvement, const std::string& at) {
                      const auto party = get_string(involvement, "party");
                      const auto date = get_string(involvement, "date");
                      if (party && date && !seen.emplace(*party, *date).second) {
                        report("6.1.24",
                               "party " + quote(*party) + " already has an involvement dated " +
                                   *date + " in this vulnerability",
                               at);
                      }
                    });
  }

  void test_6_1_26() {
    const std::string value = category();
    if (value.empty()) {
      return;
    }
    static constexpr std::array<std::string_view, 5> kProfiles = {
        "csaf_base", "csaf_security_incident_response", "csaf_informational_advisory",
        "csaf_security_advisory", "csaf_vex"};
    if (std::find(kProfiles.begin(), kProfiles.end(), value) != kProfiles.end()) {
      return;
    }
    const std::string lower = ascii_lower(value);
    if (lower.rfind("csaf_", 0) == 0) {
      report("6.1.26",
             "category " + quote(value) +
                 " uses the prefix \"csaf_\", which is reserved for the profiles of the "
                 "specification",
             "/document/category");
      return;
    }
    std::string squashed;
    for (const char c : lower) {
      if (c != '_' && c != '-' && !is_ascii_space(c)) {
        squashed.push_back(c);
      }
    }
    // The profile names and values without "_", "-" and white space (the values keep "csaf").
    for (const std::string_view name :
         {"securityincidentresponse", "informationaladvisory", "securityadvisory", "vex",
          "csafsecurityincidentresponse", "csafinformationaladvisory", "csafsecurityadvisory",
          "csafvex"}) {
      if (squashed == name) {
        report("6.1.26",
               "category " + quote(value) +
                   " is too close to a profile name; use the profile's exact value (e.g. "
                   "\"csaf_vex\") or another name",
               "/document/category");
      }
    }
  }

  void test_profiles() {
    const std::string profile = category();
    const Json* doc = document();
    if (doc == nullptr) {
      return;
    }
    const bool informational_or_incident =
        profile == "csaf_informational_advisory" || profile == "csaf_security_incident_response";
    const bool advisory_or_vex = profile == "csaf_security_advisory" || profile == "csaf_vex";
    if (informational_or_incident) {
      bool has_note = false;
      for_each_object(*doc, "notes", "/document", [&](const Json& note, const std::string&) {
        const std::string note_category = string_or_empty(note, "category");
        has_note = has_note || note_category == "description" || note_category == "details" ||
                   note_category == "general" || note_category == "summary";
      });
      if (!has_note) {
        report("6.1.27.1",
               "a " + profile +
                   " document needs a document note of category description, details, general "
                   "or summary",
               "/document/notes");
      }
      bool has_external = false;
      for_each_object(
          *doc, "references", "/document", [&](const Json& reference, const std::string&) {
            has_external = has_external || string_or_empty(reference, "category") == "external";
          });
      if (!has_external) {
        report("6.1.27.2",
               "a " + profile + " document needs a document reference of category \"external\"",
               "/document/references");
      }
    }
    if (profile == "csaf_informational_advisory" && get(root_, "vulnerabilities") != nullptr) {
      report("6.1.27.3",
             "an informational advisory must not have vulnerabilities; use "
             "csaf_security_advisory instead",
             "/vulnerabilities");
    }
    if (advisory_or_vex) {
      if (product_tree() == nullptr) {
        report("6.1.27.4", "a " + profile + " document needs a product_tree", "");
      }
      if (get_array(root_, "vulnerabilities") == nullptr) {
        report("6.1.27.11", "a " + profile + " document needs vulnerabilities", "");
      }
      for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
        if (get(vulnerability, "notes") == nullptr) {
          report("6.1.27.5", "each vulnerability of a " + profile + " document needs notes", here);
        }
        if (profile == "csaf_security_advisory" &&
            get(vulnerability, "product_status") == nullptr) {
          report("6.1.27.6", "each vulnerability of a security advisory needs a product_status",
                 here);
        }
      });
    }
    if (profile != "csaf_vex") {
      return;
    }
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      const Json* status = get_object(vulnerability, "product_status");
      bool has_vex_status = false;
      if (status != nullptr) {
        for (const char* key :
             {"fixed", "known_affected", "known_not_affected", "under_investigation"}) {
          has_vex_status = has_vex_status || get(*status, key) != nullptr;
        }
      }
      if (!has_vex_status) {
        report("6.1.27.7",
               "a VEX vulnerability needs at least one of product_status.fixed, known_affected, "
               "known_not_affected or under_investigation",
               json::pointer_append(here, "product_status"));
      }
      if (get(vulnerability, "cve") == nullptr && get(vulnerability, "ids") == nullptr) {
        report("6.1.27.8", "a VEX vulnerability needs a \"cve\" or \"ids\" to say what it is about",
               here);
      }
      if (status == nullptr) {
        return;
      }
      const std::string status_pointer = json::pointer_append(here, "product_status");
      for_each_string(*status, "known_not_affected", status_pointer,
                      [&](const std::string& id, const std::string& pointer) {
                        if (!has_statement(vulnerability, "flags", id, nullptr) &&
                            !has_statement(vulnerability, "threats", id, "impact")) {
                          report("6.1.27.9",
                                 "product " + quote(id) +
                                     " is known_not_affected but has no impact statement; add a "
                                     "flag with a justification or a threat of category "
                                     "\"impact\" for it",
                                 pointer);
                        }
                      });
      for_each_string(*status, "known_affected", status_pointer,
                      [&](const std::string& id, const std::string& pointer) {
                        if (!has_statement(vulnerability, "remediations", id, nullptr)) {
                          report("6.1.27.10",
                                 "product " + quote(id) +
                                     " is known_affected but has no action statement; add a "
                                     "remediation for it",
                                 pointer);
                        }
                      });
    });
  }

  // Does array `key` of `vulnerability` hold an entry (of `category`, when given) naming `id`
  // directly or through a group?
  bool has_statement(const Json& vulnerability, std::string_view key, const std::string& id,
                     const char* statement_category) const {
    bool found = false;
    for_each_object(vulnerability, key, "", [&](const Json& item, const std::string&) {
      if (found || (statement_category != nullptr &&
                    string_or_empty(item, "category") != statement_category)) {
        return;
      }
      const std::vector<std::string> ids = members(item);
      found = std::find(ids.begin(), ids.end(), id) != ids.end();
    });
    return found;
  }

  void test_6_1_29_and_32(const Json& vulnerability, const std::string& here) {
    for (const auto& [key, test, what] : {std::tuple<const char*, const char*, const char*>{
                                              "remediations", "6.1.29", "remediation"},
                                          {"flags", "6.1.32", "flag"}}) {
      const char* const test_id = test;  // clang 14 cannot capture a structured binding
      const char* const kind = what;
      for_each_object(vulnerability, key, here, [&](const Json& item, const std::string& at) {
        if (get(item, "product_ids") == nullptr && get(item, "group_ids") == nullptr) {
          report(test_id,
                 std::string("this ") + kind + " names no product: add product_ids or group_ids",
                 at);
        }
      });
    }
  }

  void test_6_1_33(const Json& vulnerability, const std::string& here) {
    std::set<std::string> flagged;
    for_each_object(vulnerability, "flags", here, [&](const Json& flag, const std::string& at) {
      for (const std::string& id : members(flag)) {
        if (!flagged.insert(id).second) {
          report("6.1.33",
                 "product " + quote(id) +
                     " already has a flag (VEX justification) in this vulnerability; give each "
                     "product at most one",
                 at);
          break;
        }
      }
    });
  }

  void test_6_1_31() {
    static constexpr std::array<std::string_view, 7> kWords = {
        "after", "all", "before", "earlier", "later", "prior", "versions"};
    for (const auto& [branch, pointer] : branches_) {
      if (string_or_empty(*branch, "category") != "product_version") {
        continue;
      }
      const std::string name = ascii_lower(string_or_empty(*branch, "name"));
      bool range = name.find('<') != std::string::npos || name.find('>') != std::string::npos;
      std::string word;
      for (std::size_t index = 0; index <= name.size() && !range; ++index) {
        if (index == name.size() || is_ascii_space(name[index])) {
          range = std::find(kWords.begin(), kWords.end(), word) != kWords.end();
          word.clear();
        } else {
          word.push_back(name[index]);
        }
      }
      if (range) {
        report("6.1.31",
               "product_version " + quote(string_or_empty(*branch, "name")) +
                   " describes a range; use the category product_version_range (ideally with a "
                   "vers: range) or name one version",
               json::pointer_append(pointer, "name"));
      }
    }
  }

  // ---- optional tests (6.2) ----

  void optional() {
    const std::vector<std::pair<std::string, std::string>> refs = product_references();
    std::set<std::string> referenced;
    for (const auto& [id, pointer] : refs) {
      referenced.insert(id);
    }
    // 6.2.1 Unused Definition of Product ID
    for (const Definition& definition : products_) {
      if (category() == "csaf_informational_advisory") {
        break;  // informational advisories list products without vulnerabilities
      }
      if (!definition.id.empty() && referenced.count(definition.id) == 0) {
        report("6.2.1",
               "product id " + quote(definition.id) +
                   " is defined but never used in a vulnerability, group or relationship",
               definition.pointer);
      }
    }
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      // 6.2.7 Missing Date in Involvements
      for_each_object(vulnerability, "involvements", here,
                      [&](const Json& involvement, const std::string& at) {
                        if (get(involvement, "date") == nullptr) {
                          report("6.2.7", "this involvement has no date", at);
                        }
                      });
      const Json* status = get_object(vulnerability, "product_status");
      if (status == nullptr) {
        return;
      }
      const std::string status_pointer = json::pointer_append(here, "product_status");
      // 6.2.2 Missing Remediation, 6.2.3 Missing Score
      for (const char* list :
           {"first_affected", "known_affected", "last_affected", "under_investigation"}) {
        for_each_string(
            *status, list, status_pointer, [&](const std::string& id, const std::string& pointer) {
              if (!has_statement(vulnerability, "remediations", id, nullptr)) {
                report("6.2.2", "product " + quote(id) + " has no remediation", pointer);
              }
              if (std::string_view(list) == "under_investigation") {
                return;
              }
              bool scored = false;
              for_each_object(
                  vulnerability, "scores", "", [&](const Json& score, const std::string&) {
                    for_each_string(score, "products", "",
                                    [&](const std::string& product, const std::string&) {
                                      scored = scored || product == id;
                                    });
                  });
              if (!scored) {
                report("6.2.3", "affected product " + quote(id) + " has no score", pointer);
              }
            });
      }
      // 6.2.19 CVSS for Fixed Products: their environmental score should be 0.
      std::set<std::string> fixed;
      for (const char* list : {"fixed", "first_fixed"}) {
        for_each_string(*status, list, status_pointer,
                        [&](const std::string& id, const std::string&) { fixed.insert(id); });
      }
      for_each_object(vulnerability, "scores", here, [&](const Json& score, const std::string& at) {
        std::string product;
        for_each_string(score, "products", at, [&](const std::string& id, const std::string&) {
          if (product.empty() && fixed.count(id) != 0) {
            product = id;
          }
        });
        if (product.empty()) {
          return;
        }
        for (const char* key : {"cvss_v3", "cvss_v2"}) {
          const Json* cvss = get_object(score, key);
          if (cvss == nullptr) {
            continue;
          }
          double environmental = 1.0;
          // The score object's own environmental properties count as much as the vector's: all
          // three modified impacts None (v3) or a target distribution of None (v2) make the
          // environmental score 0.
          const bool v3_no_impact =
              string_or_empty(*cvss, "modifiedConfidentialityImpact") == "NONE" &&
              string_or_empty(*cvss, "modifiedIntegrityImpact") == "NONE" &&
              string_or_empty(*cvss, "modifiedAvailabilityImpact") == "NONE";
          const bool v2_no_target = string_or_empty(*cvss, "targetDistribution") == "NONE";
          if (v3_no_impact || v2_no_target) {
            environmental = 0.0;
          } else if (const Json* given = get(*cvss, "environmentalScore");
                     given != nullptr && given->is_number() && given->get<double>() > 0) {
            environmental = given->get<double>();
          } else if (const auto parsed = cvss::parse(string_or_empty(*cvss, "vectorString"))) {
            const cvss::Scores scores = cvss::score(*parsed);
            environmental = scores.environmental.value_or(scores.temporal.value_or(scores.base));
          }
          if (environmental > 0) {
            report("6.2.19",
                   "product " + quote(product) +
                       " is fixed, so its environmental score should be 0 (set the modified "
                       "impact metrics to None)",
                   json::pointer_append(at, key));
          }
        }
      });
    });
    // 6.2.4 Build Metadata in Revision History, 6.2.5/6.2.6 older release dates
    const std::vector<Revision> history = revisions();
    for (const Revision& revision : history) {
      const auto semver = parse_semver(revision.number);
      if (semver && !semver->build.empty()) {
        report("6.2.4", "revision " + quote(revision.number) + " carries build metadata",
               json::pointer_append(revision.pointer, "number"));
      }
    }
    if (const Json* tracking_json = tracking()) {
      const std::vector<Revision> sorted = by_date(history);
      const auto initial = parse_instant(string_or_empty(*tracking_json, "initial_release_date"));
      const auto current = parse_instant(string_or_empty(*tracking_json, "current_release_date"));
      if (!sorted.empty() && initial && sorted.front().instant &&
          *initial < *sorted.front().instant) {
        report("6.2.5",
               "initial_release_date is older than the oldest revision in the revision history",
               "/document/tracking/initial_release_date");
      }
      if (!sorted.empty() && current && sorted.back().instant &&
          *current < *sorted.back().instant) {
        report("6.2.6",
               "current_release_date is older than the newest revision in the revision history",
               "/document/tracking/current_release_date");
      }
    }
    // 6.2.8/6.2.9 MD5 or SHA-1 as the only hash algorithm
    for (const Definition& definition : products_) {
      const Json* helper =
          get_object(*definition.full_product_name, "product_identification_helper");
      if (helper == nullptr) {
        continue;
      }
      for_each_object(*helper, "hashes", "", [&](const Json& hashes, const std::string&) {
        std::set<std::string> algorithms;
        for_each_object(hashes, "file_hashes", "", [&](const Json& hash, const std::string&) {
          algorithms.insert(ascii_lower(string_or_empty(hash, "algorithm")));
        });
        std::string pointer = definition.pointer;
        if (!definition.id.empty()) {
          pointer = pointer.substr(0, pointer.rfind('/'));
        }
        pointer = json::pointer_append(pointer, "product_identification_helper");
        if (algorithms.size() == 1 && *algorithms.begin() == "md5") {
          report("6.2.8", "MD5 is the only hash algorithm given; add SHA-256 or better", pointer);
        }
        if (algorithms.size() == 1 &&
            (*algorithms.begin() == "sha1" || *algorithms.begin() == "sha-1")) {
          report("6.2.9", "SHA-1 is the only hash algorithm given; add SHA-256 or better", pointer);
        }
      });
    }
    const Json* doc = document();
    if (doc != nullptr) {
      // 6.2.10 Missing TLP label
      const Json* distribution = get_object(*doc, "distribution");
      const Json* tlp = distribution == nullptr ? nullptr : get_object(*distribution, "tlp");
      if (tlp == nullptr || get(*tlp, "label") == nullptr) {
        report("6.2.10", "the document has no TLP label (document.distribution.tlp.label)",
               "/document/distribution");
      }
      // 6.2.11 Missing Canonical URL
      bool canonical = false;
      const std::string tracking_id =
          tracking() == nullptr ? std::string() : string_or_empty(*tracking(), "id");
      for_each_object(
          *doc, "references", "/document", [&](const Json& reference, const std::string&) {
            const std::string url = string_or_empty(reference, "url");
            std::string file_name;
            for (const char c : ascii_lower(tracking_id)) {
              file_name.push_back(is_ascii_alnum(c) || c == '+' || c == '-' ? c : '_');
            }
            canonical =
                canonical || (string_or_empty(reference, "category") == "self" &&
                              url.rfind("https://", 0) == 0 && url.size() >= file_name.size() + 5 &&
                              url.compare(url.size() - file_name.size() - 5, std::string::npos,
                                          file_name + ".json") == 0);
          });
      if (!canonical) {
        report("6.2.11",
               "no reference of category \"self\" gives the document's canonical https URL "
               "(ending in the file name derived from tracking.id)",
               "/document/references");
      }
      // 6.2.12 Missing Document Language, 6.2.14 private language, 6.2.15 i-default
      const auto lang = get_string(*doc, "lang");
      if (!lang) {
        report("6.2.12", "the document has no lang", "/document");
      }
      for (const char* key : {"lang", "source_lang"}) {
        const auto value = get_string(*doc, key);
        if (!value) {
          continue;
        }
        if (is_private_language(*value)) {
          report("6.2.14", std::string(key) + " " + quote(*value) + " is a private-use language",
                 json::pointer_append("/document", key));
        }
        if (ascii_lower(*value) == "i-default") {
          report("6.2.15", std::string(key) + " is the default language \"i-default\"",
                 json::pointer_append("/document", key));
        }
      }
    }
    // 6.2.16 Missing Product Identification Helper
    for (const Definition& definition : products_) {
      if (get(*definition.full_product_name, "product_identification_helper") == nullptr) {
        report("6.2.16",
               "product " + quote(definition.id) +
                   " has no product_identification_helper (purl, CPE, hashes ...); matching it "
                   "needs one",
               definition.pointer);
      }
    }
    // 6.2.17 CVE in field IDs
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      for_each_object(vulnerability, "ids", here, [&](const Json& id, const std::string& at) {
        const std::string text = string_or_empty(id, "text");
        if (text.size() > 9 && text.rfind("CVE-", 0) == 0 && all_digits(text.substr(4, 4)) &&
            text[8] == '-' && all_digits(text.substr(9))) {
          report("6.2.17", "the CVE " + text + " belongs in the \"cve\" field, not in ids",
                 json::pointer_append(at, "text"));
        }
      });
    });
    // 6.2.18 Product Version Range without vers
    for (const auto& [branch, pointer] : branches_) {
      if (string_or_empty(*branch, "category") == "product_version_range" &&
          string_or_empty(*branch, "name").rfind("vers:", 0) != 0) {
        report("6.2.18",
               "product_version_range " + quote(string_or_empty(*branch, "name")) +
                   " is not written in vers (e.g. \"vers:npm/>=1.0.0|<1.2.3\"); tools cannot "
                   "evaluate it",
               json::pointer_append(pointer, "name"));
      }
    }
  }

  // ---- informative tests (6.3) ----

  void informative() {
    for_each_vulnerability([&](const Json& vulnerability, const std::string& here) {
      bool v2 = false;
      bool v3 = false;
      for_each_object(vulnerability, "scores", here, [&](const Json& score, const std::string& at) {
        v2 = v2 || get(score, "cvss_v2") != nullptr;
        if (const Json* cvss = get_object(score, "cvss_v3")) {
          v3 = true;
          if (string_or_empty(*cvss, "version") == "3.0") {
            report("6.3.2", "CVSS v3.0 is used; prefer v3.1", json::pointer_append(at, "cvss_v3"));
          }
        }
      });
      if (v2 && !v3) {
        report("6.3.1", "CVSS v2 is the only scoring system used; add a CVSS v3.1 score",
               json::pointer_append(here, "scores"));
      }
      if (get(vulnerability, "cve") == nullptr) {
        report("6.3.3", "the vulnerability has no CVE", here);
      }
      if (get(vulnerability, "cwe") == nullptr) {
        report("6.3.4", "the vulnerability has no CWE", here);
      }
    });
    // 6.3.5 Use of Short Hash
    for (const Definition& definition : products_) {
      const Json* helper =
          get_object(*definition.full_product_name, "product_identification_helper");
      if (helper == nullptr) {
        continue;
      }
      for_each_object(*helper, "hashes", "", [&](const Json& hashes, const std::string&) {
        for_each_object(hashes, "file_hashes", "", [&](const Json& hash, const std::string&) {
          if (string_or_empty(hash, "value").size() < 64) {
            report("6.3.5",
                   "hash " + quote(string_or_empty(hash, "value")) +
                       " is shorter than 64 hex digits; use SHA-256 or longer",
                   definition.pointer);
          }
        });
      });
    }
    // 6.3.9 Branch Categories: a path to a product should pass vendor, product_name and
    // product_version (or product_version_range).
    if (const Json* tree = product_tree()) {
      check_branch_categories(*tree, "/product_tree", std::vector<std::string>{}, 0);
    }
    for (const auto& [branch, pointer] : branches_) {
      const std::string branch_category = string_or_empty(*branch, "category");
      const std::string name = string_or_empty(*branch, "name");
      // 6.3.10 Usage of Product Version Range
      if (branch_category == "product_version_range") {
        report("6.3.10", "product_version_range is used; explicit versions are easier to match",
               json::pointer_append(pointer, "category"));
      }
      // 6.3.11 Usage of V as Version Indicator
      if (branch_category == "product_version" && name.size() > 1 &&
          (name[0] == 'v' || name[0] == 'V') && is_ascii_digit(name[1])) {
        report("6.3.11",
               "product_version " + quote(name) + " starts with a 'v'; give the version alone",
               json::pointer_append(pointer, "name"));
      }
    }
  }

  void check_branch_categories(const Json& node, const std::string& pointer,
                               const std::vector<std::string>& categories, std::size_t depth) {
    if (depth > 64) {
      return;
    }
    for_each_object(node, "branches", pointer, [&](const Json& branch, const std::string& here) {
      std::vector<std::string> inner = categories;
      inner.push_back(string_or_empty(branch, "category"));
      if (get(branch, "branches") == nullptr && get(branch, "product") != nullptr) {
        std::vector<std::ptrdiff_t> positions;
        std::string missing;
        for (const char* wanted : {"vendor", "product_name", "product_version"}) {
          const auto found = std::find(inner.begin(), inner.end(), wanted);
          if (found == inner.end()) {
            missing += missing.empty() ? wanted : std::string(", ") + wanted;
          } else {
            positions.push_back(found - inner.begin());
          }
        }
        if (!missing.empty()) {
          report("6.3.9", "the branches leading to this product have no " + missing, here);
        } else if (!std::is_sorted(positions.begin(), positions.end())) {
          report("6.3.9",
                 "the branches leading to this product are not in the order vendor, "
                 "product_name, product_version",
                 here);
        }
      }
      check_branch_categories(branch, here, inner, depth + 1);
    });
  }

  const Json& root_;
  std::string source_;
  const CsafValidationOptions& options_;
  DiagnosticSink& sink_;
  std::vector<Definition> products_;
  std::vector<Definition> groups_;
  std::vector<std::pair<const Json*, std::string>> branches_;
  std::unordered_set<std::string> product_ids_;
  std::unordered_set<std::string> group_ids_;
  std::unordered_map<std::string, std::vector<std::string>> group_members_;
};

constexpr std::string_view kImplementedTests[] = {
    "6.1.1",     "6.1.2",     "6.1.3",    "6.1.4",    "6.1.5",    "6.1.6",    "6.1.7",
    "6.1.8",     "6.1.9",     "6.1.10",   "6.1.11",   "6.1.12",   "6.1.13",   "6.1.14",
    "6.1.15",    "6.1.16",    "6.1.17",   "6.1.18",   "6.1.19",   "6.1.20",   "6.1.21",
    "6.1.22",    "6.1.23",    "6.1.24",   "6.1.25",   "6.1.26",   "6.1.27.1", "6.1.27.2",
    "6.1.27.3",  "6.1.27.4",  "6.1.27.5", "6.1.27.6", "6.1.27.7", "6.1.27.8", "6.1.27.9",
    "6.1.27.10", "6.1.27.11", "6.1.28",   "6.1.29",   "6.1.30",   "6.1.31",   "6.1.32",
    "6.1.33",    "6.2.1",     "6.2.2",    "6.2.3",    "6.2.4",    "6.2.5",    "6.2.6",
    "6.2.7",     "6.2.8",     "6.2.9",    "6.2.10",   "6.2.11",   "6.2.12",   "6.2.13",
    "6.2.14",    "6.2.15",    "6.2.16",   "6.2.17",   "6.2.18",   "6.2.19",   "6.2.20",
    "6.3.1",     "6.3.2",     "6.3.3",    "6.3.4",    "6.3.5",    "6.3.9",    "6.3.10",
    "6.3.11",
};

}  // namespace

std::vector<Diagnostic> validate_csaf_json(const json::Json& root, std::string_view source,
                                           const CsafValidationOptions& options) {
  DiagnosticSink sink;
  const std::string source_text(source);
  if (options.schema) {
    const CompiledSchemas& compiled = schemas();
    if (compiled.csaf) {
      compiled.csaf->validate(root, source_text, sink, "CSAF-SCHEMA");
    } else {
      sink.error("CSAF-SCHEMA-UNAVAILABLE",
                 "the embedded CSAF schema could not be compiled (" + compiled.error +
                     "); this is a build problem, please report it",
                 source_text);
    }
  }
  if (options.optional) {
    // 6.2.20 Additional Properties: members the specification does not define.
    const CompiledSchemas& compiled = schemas();
    DiagnosticSink strict;
    if (compiled.csaf_strict && !compiled.csaf_strict->validate(root, source_text, strict, "")) {
      for (Diagnostic& diagnostic : strict.take()) {
        if (diagnostic.message.find("permits no other members") != std::string::npos) {
          sink.warning("CSAF-6.2.20", diagnostic.message + " (CSAF 2.0 test 6.2.20)",
                       diagnostic.location);
        }
      }
    }
  }
  if (options.mandatory || options.optional || options.informative) {
    Checker checker{root, source_text, options, sink};
    checker.run();
  }
  return sink.take();
}

namespace {

// Orders keys roughly as a default Unicode collator does: case-insensitively, punctuation before
// digits before letters.
bool collates_before(std::string_view a, std::string_view b) {
  auto weight = [](char c) {
    const char lower = ascii_to_lower(c);
    const int group = is_ascii_alpha(lower) ? 2 : is_ascii_digit(lower) ? 1 : 0;
    return group * 256 + static_cast<unsigned char>(lower);
  };
  for (std::size_t index = 0; index < std::min(a.size(), b.size()); ++index) {
    if (weight(a[index]) != weight(b[index])) {
      return weight(a[index]) < weight(b[index]);
    }
  }
  return a.size() < b.size();
}

// 6.2.13 Sorting: the keys of every object in alphabetical order. Needs the key order as
// written, which only the text has.
void check_key_order(const json::OrderedJson& node, const std::string& pointer, std::size_t depth,
                     const std::string& source, DiagnosticSink& sink) {
  if (depth > 256) {
    return;
  }
  if (node.is_array()) {
    for (std::size_t index = 0; index < node.size(); ++index) {
      check_key_order(node[index], json::pointer_append(pointer, index), depth + 1, source, sink);
    }
    return;
  }
  if (!node.is_object()) {
    return;
  }
  const std::string* previous = nullptr;
  bool reported = false;
  for (auto item = node.begin(); item != node.end(); ++item) {
    if (!reported && previous != nullptr && collates_before(item.key(), *previous)) {
      sink.warning("CSAF-6.2.13",
                   "the members of this object are not sorted alphabetically (\"" + item.key() +
                       "\" comes after \"" + *previous + "\") (CSAF 2.0 test 6.2.13)",
                   source + "#" + pointer);
      reported = true;
    }
    previous = &item.key();
    check_key_order(item.value(), json::pointer_append(pointer, item.key()), depth + 1, source,
                    sink);
  }
}

}  // namespace

Result<std::vector<Diagnostic>> validate_csaf(std::string_view text, std::string_view source,
                                              const CsafValidationOptions& options,
                                              const InputLimits& limits) {
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  std::vector<Diagnostic> diagnostics = validate_csaf_json(root, source, options);
  if (options.optional) {
    // json::parse accepted the text within the limits, so this parse cannot fail or recurse
    // deeper than limits.max_depth.
    const json::OrderedJson ordered = json::OrderedJson::parse(text, nullptr, false);
    DiagnosticSink sink;
    check_key_order(ordered, "", 0, std::string(source), sink);
    for (Diagnostic& diagnostic : sink.take()) {
      diagnostics.push_back(std::move(diagnostic));
    }
  }
  return diagnostics;
}

std::span<const std::string_view> csaf_implemented_tests() {
  return kImplementedTests;
}

std::string_view csaf_schema_source() {
  return internal::csaf_source_package();
}

}  // namespace assay::formats
