// valijson behind JsonSchema: schema rewriting (uniqueItems, pattern, format, enum), our own
// constraints for them, a valijson adapter over simdjson's DOM, and error rendering. valijson is
// heavy to compile, so it is used in this translation unit only.
#include "assay/formats/schema.h"

#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include <re2/re2.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/constraint_builder.hpp>
#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/schema_embedded.h"

namespace assay::formats {
namespace internal {

const std::string* embedded_schema(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>>* const kTexts = [] {
    auto* texts = new std::map<std::string, std::string, std::less<>>();
    for (const EmbeddedSchemaChunks& entry : embedded_schema_table()) {
      std::string text;
      for (std::size_t index = 0; index < entry.chunk_count; ++index) {
        text += entry.chunks[index];
      }
      texts->emplace(std::string(entry.name), std::move(text));
    }
    return texts;
  }();
  const auto found = kTexts->find(name);
  return found == kTexts->end() ? nullptr : &found->second;
}

}  // namespace internal

namespace {

using valijson::adapters::Adapter;
using valijson::adapters::NlohmannJsonAdapter;

// ---------------------------------------------------------------------------------------------
// Format checks (RFC 3339 dates and times, e-mail addresses, URIs and IRIs).

bool digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) {
    return false;
  }
  for (std::size_t index = at; index < at + count; ++index) {
    if (!is_ascii_digit(text[index])) {
      return false;
    }
  }
  return true;
}

int number_at(std::string_view text, std::size_t at, std::size_t count) {
  int value = 0;
  for (std::size_t index = at; index < at + count; ++index) {
    value = value * 10 + (text[index] - '0');
  }
  return value;
}

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

// "YYYY-MM-DD" with a real day of the month.
std::string check_full_date(std::string_view text) {
  if (text.size() != 10 || !digits_at(text, 0, 4) || text[4] != '-' || !digits_at(text, 5, 2) ||
      text[7] != '-' || !digits_at(text, 8, 2)) {
    return "is not an RFC 3339 date (YYYY-MM-DD)";
  }
  const int year = number_at(text, 0, 4);
  const int month = number_at(text, 5, 2);
  const int day = number_at(text, 8, 2);
  static constexpr int kDaysInMonth[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return "has month " + std::to_string(month) + ", which does not exist";
  }
  int days = kDaysInMonth[month - 1];
  if (month == 2 && is_leap_year(year)) {
    days = 29;
  }
  if (day < 1 || day > days) {
    return "has day " + std::to_string(day) + ", which month " + std::to_string(month) +
           " does not have";
  }
  return {};
}

// "hh:mm:ss[.frac](Z|+hh:mm|-hh:mm)"
std::string check_full_time(std::string_view text) {
  if (text.size() < 8 || !digits_at(text, 0, 2) || text[2] != ':' || !digits_at(text, 3, 2) ||
      text[5] != ':' || !digits_at(text, 6, 2)) {
    return "is not an RFC 3339 time (hh:mm:ss followed by Z or an offset)";
  }
  if (number_at(text, 0, 2) > 23 || number_at(text, 3, 2) > 59 || number_at(text, 6, 2) > 60) {
    return "has an hour, minute or second out of range";
  }
  std::size_t at = 8;
  if (at < text.size() && text[at] == '.') {
    ++at;
    const std::size_t start = at;
    while (at < text.size() && is_ascii_digit(text[at])) {
      ++at;
    }
    if (at == start) {
      return "has a decimal point with no fraction digits after the seconds";
    }
  }
  const std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    return {};
  }
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && digits_at(zone, 1, 2) &&
      zone[3] == ':' && digits_at(zone, 4, 2) && number_at(zone, 1, 2) <= 23 &&
      number_at(zone, 4, 2) <= 59) {
    return {};
  }
  if (zone.empty()) {
    return "has no time zone (add Z for UTC, or an offset such as +01:00)";
  }
  return "has a time zone \"" + std::string(zone) + "\" that is not Z or +hh:mm/-hh:mm";
}

std::string check_date_time(std::string_view text) {
  if (text.size() < 11 || (text[10] != 'T' && text[10] != 't')) {
    return "is not an RFC 3339 date-time (expected YYYY-MM-DDThh:mm:ssZ)";
  }
  std::string problem = check_full_date(text.substr(0, 10));
  if (problem.empty()) {
    problem = check_full_time(text.substr(11));
  }
  return problem;
}

bool has_control_or_space(std::string_view text) {
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte == 0x7f) {
      return true;
    }
  }
  return false;
}

bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool percent_escapes_valid(std::string_view text) {
  for (std::size_t index = 0; index < text.size(); ++index) {
    if (text[index] != '%') {
      continue;
    }
    if (index + 2 >= text.size() || !is_hex_digit(text[index + 1]) ||
        !is_hex_digit(text[index + 2])) {
      return false;
    }
    index += 2;
  }
  return true;
}

bool has_non_ascii(std::string_view text) {
  for (const char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      return true;
    }
  }
  return false;
}

// RFC 3986 / 3987 characters that may never appear in a URI or IRI reference.
bool has_forbidden_uri_char(std::string_view text) {
  for (const char c : text) {
    if (c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '\\' ||
        c == '^' || c == '`') {
      return true;
    }
  }
  return false;
}

bool has_scheme(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 || !is_ascii_alpha(text[0])) {
    return false;
  }
  for (std::size_t index = 1; index < colon; ++index) {
    const char c = text[index];
    if (!is_ascii_alnum(c) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return true;
}

// IRIs are checked as leniently as the reference validator (ajv-formats-draft2019 on uri-js,
// which @cyclonedx/cyclonedx-library uses): real SBOMs carry unresolved "${...}" placeholders
// and unencoded spaces in URLs, and rejecting them would fail BOMs the reference accepts. Only
// control characters are refused. The URI formats keep RFC 3986's stricter rules.
std::string check_uri_like(std::string_view text, bool absolute, bool allow_unicode) {
  const bool has_control = std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte < 0x20 || byte == 0x7f;
  });
  if (has_control) {
    return "contains a control character (a line break or tab, for example)";
  }
  if (!allow_unicode) {
    if (has_control_or_space(text)) {
      return "contains a space (percent-encode it as %20)";
    }
    if (has_non_ascii(text)) {
      return "contains non-ASCII characters, which a URI must percent-encode";
    }
    if (has_forbidden_uri_char(text)) {
      return "contains a character a URI may not contain (one of < > \" { } | \\ ^ `)";
    }
    if (!percent_escapes_valid(text)) {
      return "has a '%' that is not followed by two hexadecimal digits";
    }
  }
  if (absolute && !has_scheme(text)) {
    return "is not an absolute URI (it needs a scheme such as https:)";
  }
  return {};
}

std::string check_email(std::string_view text, bool allow_unicode) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= text.size()) {
    return "is not an e-mail address (expected local-part@domain)";
  }
  if (has_control_or_space(text)) {
    return "contains a space or control character, which an e-mail address may not";
  }
  if (!allow_unicode && has_non_ascii(text)) {
    return "contains non-ASCII characters; use format idn-email for internationalised addresses";
  }
  const std::string_view domain = text.substr(at + 1);
  if (domain.front() == '.' || domain.back() == '.' || domain.find("..") != std::string::npos) {
    return "has a malformed domain part \"" + std::string(domain) + "\"";
  }
  const std::string_view local = text.substr(0, at);
  if (local.find('@') != std::string_view::npos && local.front() != '"') {
    return "has more than one '@' outside a quoted local part";
  }
  return {};
}

}  // namespace

std::string check_string_format(std::string_view format, std::string_view value) {
  std::string problem;
  if (format == "date-time") {
    problem = check_date_time(value);
  } else if (format == "date") {
    problem = check_full_date(value);
  } else if (format == "time") {
    problem = check_full_time(value);
  } else if (format == "email") {
    problem = check_email(value, false);
  } else if (format == "idn-email") {
    problem = check_email(value, true);
  } else if (format == "uri") {
    problem = check_uri_like(value, true, false);
  } else if (format == "uri-reference") {
    problem = check_uri_like(value, false, false);
  } else if (format == "iri") {
    problem = check_uri_like(value, true, true);
  } else if (format == "iri-reference") {
    problem = check_uri_like(value, false, true);
  }
  if (problem.empty()) {
    return {};
  }
  std::string shown(value.substr(0, 80));
  if (value.size() > 80) {
    shown += "...";
  }
  return "\"" + shown + "\" " + problem + " (format " + std::string(format) + ")";
}

namespace {

// ---------------------------------------------------------------------------------------------
// Custom constraints. Each reports through ValidationResults like valijson's own.

bool is_checked_format(std::string_view format) {
  static constexpr std::string_view kFormats[] = {"date-time",     "date",      "time",
                                                  "email",         "idn-email", "uri",
                                                  "uri-reference", "iri",       "iri-reference"};
  return std::find(std::begin(kFormats), std::end(kFormats), format) != std::end(kFormats);
}

class FormatConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit FormatConstraint(std::string format) : format_(std::move(format)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    std::string value;
    if (!target.isString() || !target.getString(value)) {
      return true;
    }
    const std::string problem = check_string_format(format_, value);
    if (problem.empty()) {
      return true;
    }
    if (results != nullptr) {
      results->pushError(context, problem);
    }
    return false;
  }

 private:
  Constraint* cloneInto(void* ptr) const override { return new (ptr) FormatConstraint(*this); }
  size_t sizeOf() const override { return sizeof(FormatConstraint); }

  std::string format_;
};

class PatternConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit PatternConstraint(std::shared_ptr<const RE2> regex) : regex_(std::move(regex)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    std::string value;
    if (!target.isString() || !target.getString(value)) {
      return true;
    }
    if (RE2::PartialMatch(value, *regex_)) {
      return true;
    }
    if (results != nullptr) {
      std::string shown = value.substr(0, 80);
      if (value.size() > 80) {
        shown += "...";
      }
      results->pushError(context, "\"" + shown + "\" does not match the pattern " +
                                      regex_->pattern() + " that the schema requires here");
    }
    return false;
  }

 private:
  Constraint* cloneInto(void* ptr) const override { return new (ptr) PatternConstraint(*this); }
  size_t sizeOf() const override { return sizeof(PatternConstraint); }

  std::shared_ptr<const RE2> regex_;
};

struct EnumValues {
  std::unordered_set<std::string> values;
  std::unordered_map<std::string, std::string> by_lower;  // lower-cased value -> value
};

class EnumConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit EnumConstraint(std::shared_ptr<const EnumValues> values) : values_(std::move(values)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    std::string value;
    if (target.isString() && target.getString(value) && values_->values.count(value) > 0) {
      return true;
    }
    if (results != nullptr) {
      std::string message;
      if (target.isString()) {
        message = "\"" + value.substr(0, 80) + "\" is not one of the " +
                  std::to_string(values_->values.size()) + " values the schema allows here";
        const auto close = values_->by_lower.find(ascii_lower(value));
        if (close != values_->by_lower.end()) {
          message += " (did you mean \"" + close->second + "\"?)";
        }
      } else {
        message = "expected one of " + std::to_string(values_->values.size()) +
                  " string values, found a value of another type";
      }
      results->pushError(context, message);
    }
    return false;
  }

 private:
  Constraint* cloneInto(void* ptr) const override { return new (ptr) EnumConstraint(*this); }
  size_t sizeOf() const override { return sizeof(EnumConstraint); }

  std::shared_ptr<const EnumValues> values_;
};

// A 64-bit FNV-1a step, used to hash canonical forms for uniqueItems.
constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
void fnv_mix(std::uint64_t& hash, std::string_view bytes) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= kFnvPrime;
  }
}

// Hash of the canonical form of a JSON value: object members in key order; integers and
// integral doubles alike (JSON Schema equality treats 1 and 1.0 as equal).
std::uint64_t canonical_hash(const Adapter& value, int depth) {
  std::uint64_t hash = kFnvOffset;
  if (depth > 256) {
    return hash;
  }
  if (value.isObject()) {
    std::vector<std::pair<std::string, std::uint64_t>> members;
    value.applyToObject([&](const std::string& key, const Adapter& member) {
      members.emplace_back(key, canonical_hash(member, depth + 1));
      return true;
    });
    std::sort(members.begin(), members.end());
    fnv_mix(hash, "{");
    for (const auto& [key, member_hash] : members) {
      fnv_mix(hash, key);
      fnv_mix(hash,
              std::string_view(reinterpret_cast<const char*>(&member_hash), sizeof(member_hash)));
    }
  } else if (value.isArray()) {
    fnv_mix(hash, "[");
    value.applyToArray([&](const Adapter& item) {
      const std::uint64_t item_hash = canonical_hash(item, depth + 1);
      fnv_mix(hash, std::string_view(reinterpret_cast<const char*>(&item_hash), sizeof(item_hash)));
      return true;
    });
  } else if (value.isString()) {
    std::string text;
    value.getString(text);
    fnv_mix(hash, "s");
    fnv_mix(hash, text);
  } else if (value.isBool()) {
    fnv_mix(hash, value.getBool() ? "t" : "f");
  } else if (value.isNull()) {
    fnv_mix(hash, "n");
  } else if (value.isNumber()) {
    const double number = value.getNumber();
    fnv_mix(hash, "d");
    fnv_mix(hash, std::string_view(reinterpret_cast<const char*>(&number), sizeof(number)));
  }
  return hash;
}

class UniqueItemsConstraint : public valijson::constraints::PolyConstraint {
 public:
  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isArray()) {
      return true;
    }
    std::unordered_multimap<std::uint64_t, std::size_t> seen;
    std::vector<std::pair<std::size_t, std::size_t>> candidates;
    std::size_t index = 0;
    target.applyToArray([&](const Adapter& item) {
      const std::uint64_t hash = canonical_hash(item, 0);
      const auto range = seen.equal_range(hash);
      for (auto it = range.first; it != range.second; ++it) {
        candidates.emplace_back(it->second, index);
      }
      seen.emplace(hash, index);
      ++index;
      return true;
    });
    if (candidates.empty()) {
      return true;
    }
    // Hash matches are confirmed with valijson's own deep equality.
    std::vector<std::unique_ptr<valijson::adapters::FrozenValue>> frozen(index);
    std::vector<char> wanted(index, 0);
    for (const auto& [first, second] : candidates) {
      wanted[first] = 1;
      wanted[second] = 1;
    }
    index = 0;
    target.applyToArray([&](const Adapter& item) {
      if (wanted[index] != 0) {
        frozen[index].reset(item.freeze());
      }
      ++index;
      return true;
    });
    bool valid = true;
    std::set<std::size_t> reported;
    for (const auto& [first_index, duplicate_index] : candidates) {
      // Plain copies: clang 14 cannot capture structured bindings in a lambda.
      const std::size_t first = first_index;
      const std::size_t second = duplicate_index;
      if (reported.count(second) > 0) {
        continue;
      }
      std::size_t second_index = 0;
      bool equal = false;
      target.applyToArray([&](const Adapter& item) {
        if (second_index == second) {
          equal = frozen[first]->equalTo(item, true);
          return false;
        }
        ++second_index;
        return true;
      });
      if (!equal) {
        continue;
      }
      valid = false;
      reported.insert(second);
      if (results == nullptr) {
        return false;
      }
      results->pushError(context, "items " + std::to_string(first) + " and " +
                                      std::to_string(second) +
                                      " are identical; this array must not repeat an entry");
    }
    return valid;
  }

 private:
  Constraint* cloneInto(void* ptr) const override { return new (ptr) UniqueItemsConstraint(*this); }
  size_t sizeOf() const override { return sizeof(UniqueItemsConstraint); }
};

class DependentRequiredConstraint : public valijson::constraints::PolyConstraint {
 public:
  explicit DependentRequiredConstraint(
      std::shared_ptr<const std::vector<std::pair<std::string, std::vector<std::string>>>> rules)
      : rules_(std::move(rules)) {}

  bool validate(const Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    if (!target.isObject()) {
      return true;
    }
    std::unordered_set<std::string> present;
    target.applyToObject([&](const std::string& key, const Adapter&) {
      present.insert(key);
      return true;
    });
    bool valid = true;
    for (const auto& [trigger, needed] : *rules_) {
      if (present.count(trigger) == 0) {
        continue;
      }
      for (const std::string& name : needed) {
        if (present.count(name) == 0) {
          valid = false;
          if (results == nullptr) {
            return false;
          }
          results->pushError(
              context, "member \"" + name + "\" is required when \"" + trigger + "\" is present");
        }
      }
    }
    return valid;
  }

 private:
  Constraint* cloneInto(void* ptr) const override {
    return new (ptr) DependentRequiredConstraint(*this);
  }
  size_t sizeOf() const override { return sizeof(DependentRequiredConstraint); }

  std::shared_ptr<const std::vector<std::pair<std::string, std::vector<std::string>>>> rules_;
};

// Builders: read the keyword's value from the (rewritten) schema.
class FormatBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    return new FormatConstraint(value.asString());
  }
};

class PatternBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_max_mem(8 << 20);
    auto regex = std::make_shared<const RE2>(value.asString(), options);
    return new PatternConstraint(std::move(regex));
  }
};

class EnumBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    auto values = std::make_shared<EnumValues>();
    value.applyToArray([&](const Adapter& item) {
      std::string text;
      if (item.getString(text)) {
        values->by_lower.emplace(ascii_lower(text), text);
        values->values.insert(std::move(text));
      }
      return true;
    });
    return new EnumConstraint(std::move(values));
  }
};

class UniqueItemsBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter&) const override {
    return new UniqueItemsConstraint();
  }
};

class DependentRequiredBuilder : public valijson::ConstraintBuilder {
 public:
  valijson::constraints::Constraint* make(const Adapter& value) const override {
    auto rules = std::make_shared<std::vector<std::pair<std::string, std::vector<std::string>>>>();
    value.applyToObject([&](const std::string& key, const Adapter& names) {
      std::vector<std::string> needed;
      names.applyToArray([&](const Adapter& name) {
        std::string text;
        if (name.getString(text)) {
          needed.push_back(std::move(text));
        }
        return true;
      });
      rules->emplace_back(key, std::move(needed));
      return true;
    });
    return new DependentRequiredConstraint(std::move(rules));
  }
};

// ---------------------------------------------------------------------------------------------
// Schema rewriting. Walks only schema positions, so a property *named* "pattern" is left alone.

constexpr std::string_view kUniqueKeyword = "x-assay-uniqueItems";
constexpr std::string_view kPatternKeyword = "x-assay-pattern";
constexpr std::string_view kFormatKeyword = "x-assay-format";
constexpr std::string_view kEnumKeyword = "x-assay-enum";
constexpr std::string_view kDependentRequiredKeyword = "x-assay-dependentRequired";
constexpr std::size_t kLargeEnum = 16;

void rewrite_schema(json::Json& schema, std::set<std::string>& ignored, int depth) {
  if (!schema.is_object() || depth > 200) {
    return;
  }
  if (const auto found = schema.find("uniqueItems"); found != schema.end()) {
    const bool unique = found->is_boolean() && found->get<bool>();
    schema.erase(found);
    if (unique) {
      schema[std::string(kUniqueKeyword)] = true;
    }
  }
  if (const auto found = schema.find("pattern"); found != schema.end() && found->is_string()) {
    RE2::Options options;
    options.set_log_errors(false);
    const RE2 probe(found->get<std::string>(), options);
    if (probe.ok()) {
      schema[std::string(kPatternKeyword)] = *found;
      schema.erase("pattern");
    }
  }
  if (const auto found = schema.find("format"); found != schema.end() && found->is_string()) {
    const std::string format = found->get<std::string>();
    schema.erase("format");
    if (is_checked_format(format)) {
      schema[std::string(kFormatKeyword)] = format;
    }
  }
  if (const auto found = schema.find("enum");
      found != schema.end() && found->is_array() && found->size() > kLargeEnum &&
      std::all_of(found->begin(), found->end(),
                  [](const json::Json& v) { return v.is_string(); })) {
    schema[std::string(kEnumKeyword)] = *found;
    schema.erase("enum");
  }
  if (const auto found = schema.find("dependentRequired");
      found != schema.end() && found->is_object()) {
    schema[std::string(kDependentRequiredKeyword)] = *found;
    schema.erase("dependentRequired");
  }
  static constexpr std::string_view kIgnored[] = {
      "unevaluatedProperties", "unevaluatedItems", "dependentSchemas",
      "prefixItems",           "$dynamicRef",      "$recursiveRef",
      "minContains",           "maxContains",      "contentSchema"};
  for (const std::string_view keyword : kIgnored) {
    if (schema.contains(keyword)) {
      ignored.emplace(keyword);
    }
  }
  for (auto& [key, value] : schema.items()) {
    if (key == "properties" || key == "patternProperties" || key == "definitions" ||
        key == "$defs" || key == "dependentSchemas" || key == "dependencies") {
      if (value.is_object()) {
        for (auto& [member_name, member] : value.items()) {
          static_cast<void>(member_name);
          rewrite_schema(member, ignored, depth + 1);
        }
      }
    } else if (key == "items" || key == "allOf" || key == "anyOf" || key == "oneOf" ||
               key == "prefixItems") {
      if (value.is_array()) {
        for (json::Json& member : value) {
          rewrite_schema(member, ignored, depth + 1);
        }
      } else {
        rewrite_schema(value, ignored, depth + 1);
      }
    } else if (key == "additionalItems" || key == "additionalProperties" || key == "contains" ||
               key == "propertyNames" || key == "not" || key == "if" || key == "then" ||
               key == "else" || key == "unevaluatedProperties" || key == "unevaluatedItems") {
      rewrite_schema(value, ignored, depth + 1);
    }
  }
}

void register_builders(valijson::SchemaParser& parser) {
  parser.addConstraintBuilder(std::string(kUniqueKeyword), new UniqueItemsBuilder());
  parser.addConstraintBuilder(std::string(kPatternKeyword), new PatternBuilder());
  parser.addConstraintBuilder(std::string(kFormatKeyword), new FormatBuilder());
  parser.addConstraintBuilder(std::string(kEnumKeyword), new EnumBuilder());
  parser.addConstraintBuilder(std::string(kDependentRequiredKeyword),
                              new DependentRequiredBuilder());
}

// ---------------------------------------------------------------------------------------------
// A valijson adapter over simdjson's DOM. The DOM is immutable and outlives validation.

class SimdAdapter;
class SimdArrayIterator;
class SimdObjectIterator;
using SimdObjectMember = std::pair<std::string, SimdAdapter>;

json::Json to_nlohmann(simdjson::dom::element element, int depth) {
  if (depth > 256) {
    return nullptr;
  }
  switch (element.type()) {
    case simdjson::dom::element_type::ARRAY: {
      json::Json out = json::Json::array();
      for (simdjson::dom::element item : simdjson::dom::array(element)) {
        out.push_back(to_nlohmann(item, depth + 1));
      }
      return out;
    }
    case simdjson::dom::element_type::OBJECT: {
      json::Json out = json::Json::object();
      for (const simdjson::dom::key_value_pair member : simdjson::dom::object(element)) {
        out[std::string(member.key)] = to_nlohmann(member.value, depth + 1);
      }
      return out;
    }
    case simdjson::dom::element_type::INT64:
      return int64_t(element);
    case simdjson::dom::element_type::UINT64:
      return uint64_t(element);
    case simdjson::dom::element_type::DOUBLE:
      return double(element);
    case simdjson::dom::element_type::STRING:
      return std::string(std::string_view(element));
    case simdjson::dom::element_type::BOOL:
      return bool(element);
    case simdjson::dom::element_type::NULL_VALUE:
      return nullptr;
  }
  return nullptr;
}

class SimdArray {
 public:
  using const_iterator = SimdArrayIterator;
  using iterator = SimdArrayIterator;
  SimdArray() = default;
  explicit SimdArray(simdjson::dom::array array) : array_(array), valid_(true) {}
  SimdArrayIterator begin() const;
  SimdArrayIterator end() const;
  size_t size() const { return valid_ ? array_.size() : 0; }

 private:
  simdjson::dom::array array_;
  bool valid_ = false;
};

class SimdObject {
 public:
  using const_iterator = SimdObjectIterator;
  using iterator = SimdObjectIterator;
  SimdObject() = default;
  explicit SimdObject(simdjson::dom::object object) : object_(object), valid_(true) {}
  SimdObjectIterator begin() const;
  SimdObjectIterator end() const;
  SimdObjectIterator find(const std::string& name) const;
  size_t size() const { return valid_ ? object_.size() : 0; }

 private:
  simdjson::dom::object object_;
  bool valid_ = false;
};

class SimdValue {
 public:
  // User-provided (not "= default"): valijson's BasicAdapter holds a const SimdValue, and a const
  // member needs a user-provided default constructor for clang to default-construct it.
  SimdValue() {}  // NOLINT(modernize-use-equals-default)
  explicit SimdValue(simdjson::dom::element element) : element_(element), valid_(true) {}

  valijson::adapters::FrozenValue* freeze() const {
    return new valijson::adapters::NlohmannJsonFrozenValue(valid_ ? to_nlohmann(element_, 0)
                                                                  : json::Json::object());
  }
  std::optional<SimdArray> getArrayOptional() const {
    if (isArray()) {
      return std::make_optional(SimdArray(simdjson::dom::array(element_)));
    }
    return {};
  }
  bool getArraySize(size_t& result) const {
    if (!isArray()) {
      return false;
    }
    result = simdjson::dom::array(element_).size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool()) {
      return false;
    }
    result = bool(element_);
    return true;
  }
  bool getDouble(double& result) const {
    if (!isDouble()) {
      return false;
    }
    result = element_.type() == simdjson::dom::element_type::UINT64
                 ? static_cast<double>(uint64_t(element_))
                 : double(element_);
    return true;
  }
  bool getInteger(int64_t& result) const {
    if (!isInteger()) {
      return false;
    }
    result = int64_t(element_);
    return true;
  }
  std::optional<SimdObject> getObjectOptional() const {
    if (isObject()) {
      return std::make_optional(SimdObject(simdjson::dom::object(element_)));
    }
    return {};
  }
  bool getObjectSize(size_t& result) const {
    if (!isObject()) {
      return false;
    }
    result = simdjson::dom::object(element_).size();
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString()) {
      return false;
    }
    result = std::string(std::string_view(element_));
    return true;
  }
  static bool hasStrictTypes() { return true; }
  bool isArray() const { return valid_ && element_.type() == simdjson::dom::element_type::ARRAY; }
  bool isBool() const { return valid_ && element_.type() == simdjson::dom::element_type::BOOL; }
  bool isDouble() const {
    return valid_ && (element_.type() == simdjson::dom::element_type::DOUBLE ||
                      element_.type() == simdjson::dom::element_type::UINT64);
  }
  bool isInteger() const { return valid_ && element_.type() == simdjson::dom::element_type::INT64; }
  bool isNull() const {
    return valid_ && element_.type() == simdjson::dom::element_type::NULL_VALUE;
  }
  bool isNumber() const { return isInteger() || isDouble(); }
  bool isObject() const {
    return !valid_ || element_.type() == simdjson::dom::element_type::OBJECT;
  }
  bool isString() const { return valid_ && element_.type() == simdjson::dom::element_type::STRING; }

 private:
  simdjson::dom::element element_;
  bool valid_ = false;
};

class SimdAdapter
    : public valijson::adapters::BasicAdapter<SimdAdapter, SimdArray, SimdObjectMember, SimdObject,
                                              SimdValue> {
 public:
  SimdAdapter() : BasicAdapter() {}
  explicit SimdAdapter(simdjson::dom::element element) : BasicAdapter(SimdValue(element)) {}
};

class SimdArrayIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = SimdAdapter;
  using difference_type = SimdAdapter;
  using pointer = SimdAdapter*;
  using reference = SimdAdapter&;

  SimdArrayIterator(simdjson::dom::array array, simdjson::dom::array::iterator at,
                    std::size_t index)
      : array_(array), at_(at), index_(index) {}

  SimdAdapter operator*() const { return SimdAdapter(*at_); }
  valijson::adapters::DerefProxy<SimdAdapter> operator->() const {
    return valijson::adapters::DerefProxy<SimdAdapter>(**this);
  }
  bool operator==(const SimdArrayIterator& other) const { return index_ == other.index_; }
  bool operator!=(const SimdArrayIterator& other) const { return index_ != other.index_; }
  const SimdArrayIterator& operator++() {
    ++at_;
    ++index_;
    return *this;
  }
  SimdArrayIterator operator++(int) {
    SimdArrayIterator before = *this;
    ++(*this);
    return before;
  }
  // Forward-only tape: step back by walking from the start (only valijson's uniqueItems uses
  // this, and Assay replaces that keyword).
  const SimdArrayIterator& operator--() {
    const std::size_t target = index_ == 0 ? 0 : index_ - 1;
    at_ = array_.begin();
    index_ = 0;
    while (index_ < target) {
      ++at_;
      ++index_;
    }
    return *this;
  }
  void advance(std::ptrdiff_t count) {
    for (std::ptrdiff_t step = 0; step < count; ++step) {
      ++(*this);
    }
  }

 private:
  simdjson::dom::array array_;
  simdjson::dom::array::iterator at_;
  std::size_t index_;
};

class SimdObjectIterator {
 public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = SimdObjectMember;
  using difference_type = SimdObjectMember;
  using pointer = SimdObjectMember*;
  using reference = SimdObjectMember&;

  SimdObjectIterator(simdjson::dom::object object, simdjson::dom::object::iterator at,
                     std::size_t index)
      : object_(object), at_(at), index_(index) {}

  SimdObjectMember operator*() const {
    return SimdObjectMember(std::string(at_.key()), SimdAdapter(at_.value()));
  }
  valijson::adapters::DerefProxy<SimdObjectMember> operator->() const {
    return valijson::adapters::DerefProxy<SimdObjectMember>(**this);
  }
  bool operator==(const SimdObjectIterator& other) const { return index_ == other.index_; }
  bool operator!=(const SimdObjectIterator& other) const { return index_ != other.index_; }
  const SimdObjectIterator& operator++() {
    ++at_;
    ++index_;
    return *this;
  }
  SimdObjectIterator operator++(int) {
    SimdObjectIterator before = *this;
    ++(*this);
    return before;
  }
  const SimdObjectIterator& operator--() {
    const std::size_t target = index_ == 0 ? 0 : index_ - 1;
    at_ = object_.begin();
    index_ = 0;
    while (index_ < target) {
      ++at_;
      ++index_;
    }
    return *this;
  }

 private:
  simdjson::dom::object object_;
  simdjson::dom::object::iterator at_;
  std::size_t index_;
};

SimdArrayIterator SimdArray::begin() const {
  return SimdArrayIterator(array_, array_.begin(), 0);
}
SimdArrayIterator SimdArray::end() const {
  return SimdArrayIterator(array_, array_.end(), size());
}
SimdObjectIterator SimdObject::begin() const {
  return SimdObjectIterator(object_, object_.begin(), 0);
}
SimdObjectIterator SimdObject::end() const {
  return SimdObjectIterator(object_, object_.end(), size());
}
SimdObjectIterator SimdObject::find(const std::string& name) const {
  std::size_t index = 0;
  for (auto at = object_.begin(); at != object_.end(); ++at, ++index) {
    if (at.key() == name) {
      return SimdObjectIterator(object_, at, index);
    }
  }
  return end();
}

}  // namespace
}  // namespace assay::formats

namespace valijson::adapters {
template <>
struct AdapterTraits<assay::formats::SimdAdapter> {
  using DocumentType = simdjson::dom::element;
  static std::string adapterName() { return "SimdjsonDomAdapter"; }
};
}  // namespace valijson::adapters

namespace assay::formats {

struct JsonSchema::Impl {
  std::string name;
  valijson::Schema schema;
  std::vector<std::string> ignored;
};

namespace {

// "<root>", "[components]", "[3]" -> "/components/3"
std::string pointer_from_context(const std::vector<std::string>& context) {
  std::string pointer;
  for (std::size_t index = 1; index < context.size(); ++index) {
    std::string_view part = context[index];
    if (part.size() >= 2 && part.front() == '[' && part.back() == ']') {
      part = part.substr(1, part.size() - 2);
    }
    pointer = json::pointer_append(pointer, part);
  }
  return pointer;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// valijson's messages, reworded for a vendor's engineer where they are terse.
std::string reword(const std::string& description) {
  std::string text = description;
  if (!text.empty() && text.back() == '.') {
    text.pop_back();
  }
  if (starts_with(text, "Missing required property '")) {
    return "required member \"" + text.substr(27, text.size() - 28) + "\" is missing";
  }
  static constexpr std::string_view kExtra =
      "Object contains a property that could not be validated using 'properties' or "
      "'additionalProperties' constraints: '";
  if (starts_with(text, kExtra)) {
    return "member \"" + text.substr(kExtra.size(), text.size() - kExtra.size() - 1) +
           "\" is not allowed here (the schema permits no other members)";
  }
  if (text == "Value type not permitted by 'type' constraint") {
    return "value has a type the schema does not allow here";
  }
  if (text == "Failed to match against any enum values") {
    return "value is not one of the values the schema allows here";
  }
  if (text == "Failed to match expected value set by 'const' constraint") {
    return "value is not the one the schema requires here";
  }
  if (text == "Failed to validate against exactly one child schema") {
    return "value must match exactly one of the alternatives the schema allows (oneOf), and "
           "matches none or several";
  }
  if (text == "Failed to validate against any schemas allowed by anyOf constraint" ||
      starts_with(text, "Failed to validate against any child schemas")) {
    return "value matches none of the alternatives the schema allows (anyOf)";
  }
  if (!text.empty() && is_ascii_upper(text[0])) {
    text[0] = ascii_to_lower(text[0]);
  }
  return text;
}

bool is_wrapper_message(std::string_view text) {
  return starts_with(text, "Failed to validate against schema associated with property name") ||
         starts_with(text, "Failed to validate item #") ||
         starts_with(text, "Failed to validate against schema associated with pattern") ||
         starts_with(text, "Failed to validate against additional properties schema") ||
         starts_with(text, "Failed to validate against dependent schema") ||
         starts_with(text, "Failed to validate against a conditional schema");
}

template <typename TypeOf>
bool report(const valijson::ValidationResults& results, bool valid, std::string_view source,
            DiagnosticSink& sink, std::string_view code, const TypeOf& type_at) {
  if (valid) {
    return true;
  }
  struct Entry {
    std::string pointer;
    std::string message;
  };
  std::vector<Entry> entries;
  for (const valijson::ValidationResults::Error& error : results) {
    entries.push_back(Entry{pointer_from_context(error.context), error.description});
  }
  // Drop "failed to validate item/property" wrappers when a more specific error lies inside.
  std::set<std::pair<std::string, std::string>> emitted;
  std::size_t count = 0;
  for (const Entry& entry : entries) {
    if (is_wrapper_message(entry.message)) {
      const bool has_inner = std::any_of(entries.begin(), entries.end(), [&](const Entry& other) {
        return !is_wrapper_message(other.message) && other.pointer.size() >= entry.pointer.size() &&
               starts_with(other.pointer, entry.pointer);
      });
      if (has_inner) {
        continue;
      }
    }
    std::string message = reword(entry.message);
    if (message == "value has a type the schema does not allow here") {
      const std::string found = type_at(entry.pointer);
      if (!found.empty()) {
        message = "value is " + found + ", which the schema does not allow here";
      }
    }
    if (!emitted.emplace(entry.pointer, message).second) {
      continue;
    }
    sink.error(std::string(code), message, std::string(source) + "#" + entry.pointer);
    ++count;
  }
  if (count == 0) {
    sink.error(std::string(code), "the document does not conform to the schema",
               std::string(source) + "#");
  }
  return false;
}

std::string article_type(std::string_view type) {
  if (type == "object" || type == "array") {
    return "an " + std::string(type);
  }
  if (type == "null") {
    return "null";
  }
  return "a " + std::string(type);
}

}  // namespace

JsonSchema::JsonSchema(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JsonSchema::~JsonSchema() = default;

const std::vector<std::string>& JsonSchema::ignored_keywords() const {
  return impl_->ignored;
}
const std::string& JsonSchema::name() const {
  return impl_->name;
}

Result<std::shared_ptr<const JsonSchema>> JsonSchema::compile(std::string_view schema_text,
                                                              std::string_view name,
                                                              const SchemaResolver& resolve) {
  InputLimits limits;
  limits.max_depth = 256;
  ASSAY_TRY(json::Json root, json::parse(schema_text, name, limits));
  std::set<std::string> ignored;
  rewrite_schema(root, ignored, 0);

  auto impl = std::make_unique<Impl>();
  impl->name = std::string(name);
  std::optional<Error> fetch_error;
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  register_builders(parser);
  const auto fetch = [&](const std::string& uri) -> const json::Json* {
    std::optional<std::string> text;
    if (resolve) {
      text = resolve(uri);
    }
    if (!text) {
      if (!fetch_error) {
        fetch_error = Error{
            ErrorCode::kNotFound,
            "schema " + std::string(name) + " refers to \"" + uri + "\", which is not available",
            std::string(name)};
      }
      return nullptr;
    }
    Result<json::Json> parsed = json::parse(*text, uri, limits);
    if (!parsed) {
      if (!fetch_error) {
        fetch_error = parsed.error();
      }
      return nullptr;
    }
    auto* document = new json::Json(std::move(*parsed));
    rewrite_schema(*document, ignored, 0);
    return document;
  };
  const auto free_document = [](const json::Json* document) { delete document; };
  try {
    parser.populateSchema(NlohmannJsonAdapter(root), impl->schema, fetch, free_document);
  } catch (const std::exception& error) {
    if (fetch_error) {
      return fail(*fetch_error);
    }
    return fail(ErrorCode::kInvalidInput,
                "schema " + std::string(name) + " could not be compiled: " + error.what(),
                std::string(name));
  }
  impl->ignored.assign(ignored.begin(), ignored.end());
  return std::shared_ptr<const JsonSchema>(new JsonSchema(std::move(impl)));
}

bool JsonSchema::validate(const json::Json& instance, std::string_view source, DiagnosticSink& sink,
                          std::string_view code) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  const NlohmannJsonAdapter target(instance);
  // A first pass without results is much cheaper; only a failing document pays for messages.
  if (validator.validate(impl_->schema, target, nullptr)) {
    return true;
  }
  valijson::ValidationResults results;
  const bool valid = validator.validate(impl_->schema, target, &results);
  return report(results, valid, source, sink, code, [&](const std::string& pointer) {
    try {
      const json::Json& node = instance.at(json::Json::json_pointer(pointer));
      return article_type(json::type_name(node));
    } catch (const std::exception&) {
      return std::string();
    }
  });
}

bool JsonSchema::validate_dom(const simdjson::dom::element& instance, std::string_view source,
                              DiagnosticSink& sink, std::string_view code) const {
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  const SimdAdapter target(instance);
  if (validator.validate(impl_->schema, target, nullptr)) {
    return true;
  }
  valijson::ValidationResults results;
  const bool valid = validator.validate(impl_->schema, target, &results);
  return report(results, valid, source, sink, code, [&](const std::string& pointer) {
    simdjson::dom::element node;
    if (instance.at_pointer(pointer).get(node) != simdjson::SUCCESS) {
      return std::string();
    }
    switch (node.type()) {
      case simdjson::dom::element_type::ARRAY:
        return article_type("array");
      case simdjson::dom::element_type::OBJECT:
        return article_type("object");
      case simdjson::dom::element_type::STRING:
        return article_type("string");
      case simdjson::dom::element_type::BOOL:
        return article_type("boolean");
      case simdjson::dom::element_type::NULL_VALUE:
        return article_type("null");
      default:
        return article_type("number");
    }
  });
}

const std::string* embedded_schema_text(std::string_view name) {
  return internal::embedded_schema(name);
}

std::vector<std::string> embedded_schema_names() {
  std::vector<std::string> names;
  for (const internal::EmbeddedSchemaChunks& entry : internal::embedded_schema_table()) {
    names.emplace_back(entry.name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

Result<const JsonSchema*> cyclonedx_json_schema(std::string_view spec_version) {
  static constexpr std::string_view kVersions[] = {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"};
  const auto* found = std::find(std::begin(kVersions), std::end(kVersions), spec_version);
  if (found == std::end(kVersions)) {
    return fail(ErrorCode::kUnsupported, "CycloneDX specVersion \"" + std::string(spec_version) +
                                             "\" has no JSON schema (JSON exists for 1.2 to 1.7)");
  }
  const auto slot = static_cast<std::size_t>(found - std::begin(kVersions));
  static std::once_flag once[std::size(kVersions)];
  static std::shared_ptr<const JsonSchema> compiled[std::size(kVersions)];
  static Error errors[std::size(kVersions)];
  std::call_once(once[slot], [&] {
    const std::string file = "bom-" + std::string(spec_version) + ".SNAPSHOT.schema.json";
    const std::string* text = internal::embedded_schema(file);
    if (text == nullptr) {
      errors[slot] = Error{ErrorCode::kInternal, "embedded schema " + file + " is missing", ""};
      return;
    }
    const SchemaResolver resolve = [](std::string_view uri) -> std::optional<std::string> {
      std::string_view file_name = uri;
      const std::size_t slash = file_name.rfind('/');
      if (slash != std::string_view::npos) {
        file_name = file_name.substr(slash + 1);
      }
      const std::string* referenced = internal::embedded_schema(file_name);
      if (referenced == nullptr) {
        return std::nullopt;
      }
      return *referenced;
    };
    Result<std::shared_ptr<const JsonSchema>> result = JsonSchema::compile(*text, file, resolve);
    if (!result) {
      errors[slot] = result.error();
      errors[slot].code = ErrorCode::kInternal;
      return;
    }
    compiled[slot] = std::move(*result);
  });
  if (!compiled[slot]) {
    return fail(errors[slot]);
  }
  return compiled[slot].get();
}

}  // namespace assay::formats
