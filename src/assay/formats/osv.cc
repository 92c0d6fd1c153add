// OSV reader (simdjson DOM: about ten times nlohmann's speed, which bulk imports need) and writer.
#include "assay/formats/osv.h"

#include <simdjson.h>

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/osv_internal.h"
#include "assay/formats/schema.h"
#include "assay/version/ecosystem.h"

namespace assay::formats {

namespace {

namespace dom = simdjson::dom;

std::string element_type_name(dom::element_type type) {
  switch (type) {
    case dom::element_type::ARRAY:
      return "array";
    case dom::element_type::OBJECT:
      return "object";
    case dom::element_type::STRING:
      return "string";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
      return "number";
    case dom::element_type::BOOL:
      return "boolean";
    case dom::element_type::NULL_VALUE:
      return "null";
  }
  return "value";
}

// Walks one record, reporting every problem with its JSON pointer.
class Reader {
 public:
  Reader(std::string source, DiagnosticSink& sink) : source_(std::move(source)), sink_(sink) {}

  std::string where(const std::string& pointer) const { return source_ + "#" + pointer; }

  void error(const char* code, std::string message, const std::string& pointer) {
    sink_.error(code, std::move(message), where(pointer));
  }
  void warning(const char* code, std::string message, const std::string& pointer) {
    sink_.warning(code, std::move(message), where(pointer));
  }

  // The string member `key` of `object`, or "" when absent (null counts as absent); a member of
  // another type is an error.
  std::string string_member(dom::object object, std::string_view key, const std::string& pointer) {
    dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
      return {};
    }
    std::string_view text;
    if (value.get_string().get(text) != simdjson::SUCCESS) {
      error("OSV-TYPE",
            std::string("\"") + std::string(key) + "\" must be a string, found " +
                element_type_name(value.type()),
            json::pointer_append(pointer, key));
      return {};
    }
    return std::string(text);
  }

  std::vector<std::string> string_array(dom::object object, std::string_view key,
                                        const std::string& pointer) {
    std::vector<std::string> result;
    dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, key);
    dom::array array;
    if (value.get_array().get(array) != simdjson::SUCCESS) {
      error("OSV-TYPE", std::string("\"") + std::string(key) + "\" must be an array of strings",
            here);
      return result;
    }
    std::size_t index = 0;
    for (dom::element item : array) {
      std::string_view text;
      if (item.get_string().get(text) == simdjson::SUCCESS) {
        result.emplace_back(text);
      } else {
        error("OSV-TYPE", "expected a string, found " + element_type_name(item.type()),
              json::pointer_append(here, index));
      }
      ++index;
    }
    return result;
  }

  // Raw JSON of member `key` (e.g. database_specific), "" when absent.
  static std::string raw_member(dom::object object, std::string_view key) {
    dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
      return {};
    }
    return simdjson::minify(value);
  }

  bool object_member(dom::object object, std::string_view key, const std::string& pointer,
                     dom::object* out) {
    dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
      return false;
    }
    if (value.get_object().get(*out) != simdjson::SUCCESS) {
      error("OSV-TYPE",
            std::string("\"") + std::string(key) + "\" must be an object, found " +
                element_type_name(value.type()),
            json::pointer_append(pointer, key));
      return false;
    }
    return true;
  }

  bool array_member(dom::object object, std::string_view key, const std::string& pointer,
                    dom::array* out) {
    dom::element value;
    if (object.at_key(key).get(value) != simdjson::SUCCESS || value.is_null()) {
      return false;
    }
    if (value.get_array().get(*out) != simdjson::SUCCESS) {
      error("OSV-TYPE",
            std::string("\"") + std::string(key) + "\" must be an array, found " +
                element_type_name(value.type()),
            json::pointer_append(pointer, key));
      return false;
    }
    return true;
  }

  void check_timestamp(const std::string& value, std::string_view key, const std::string& pointer) {
    // RFC 3339 date-time: YYYY-MM-DDTHH:MM:SS[.frac](Z|+HH:MM). OSV requires UTC "Z", but real
    // records carry offsets; those are accepted with a warning.
    const bool shape = value.size() >= 20 && is_ascii_digit(value[0]) && value[4] == '-' &&
                       value[7] == '-' && (value[10] == 'T' || value[10] == 't') &&
                       value[13] == ':' && value[16] == ':';
    if (!shape) {
      error(
          "OSV-BAD-TIMESTAMP",
          std::string("\"") + std::string(key) + "\" is not an RFC 3339 timestamp: " + quote(value),
          json::pointer_append(pointer, key));
    } else if (value.back() != 'Z' && value.back() != 'z') {
      warning(
          "OSV-TIMESTAMP-NOT-UTC",
          std::string("\"") + std::string(key) + "\" should be in UTC (end in Z): " + quote(value),
          json::pointer_append(pointer, key));
    }
  }

  std::vector<model::SeverityScore> severities(dom::object object, const std::string& pointer) {
    std::vector<model::SeverityScore> result;
    dom::array array;
    if (!array_member(object, "severity", pointer, &array)) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, "severity");
    std::size_t index = 0;
    for (dom::element item : array) {
      const std::string item_pointer = json::pointer_append(here, index++);
      dom::object entry;
      if (item.get_object().get(entry) != simdjson::SUCCESS) {
        error("OSV-TYPE", "a severity must be an object", item_pointer);
        continue;
      }
      model::SeverityScore score;
      score.type = string_member(entry, "type", item_pointer);
      score.score = string_member(entry, "score", item_pointer);
      if (score.type.empty() || score.score.empty()) {
        error("OSV-SEVERITY-INCOMPLETE", "a severity needs both \"type\" and \"score\"",
              item_pointer);
        continue;
      }
      result.push_back(std::move(score));
    }
    return result;
  }

  version::OsvRange range(dom::object object, const std::string& pointer, bool* ok) {
    version::OsvRange result;
    *ok = true;
    const std::string type = string_member(object, "type", pointer);
    if (type == "SEMVER") {
      result.type = version::OsvRangeType::kSemver;
    } else if (type == "ECOSYSTEM") {
      result.type = version::OsvRangeType::kEcosystem;
    } else if (type == "GIT") {
      result.type = version::OsvRangeType::kGit;
    } else {
      error("OSV-BAD-RANGE-TYPE",
            "range type must be SEMVER, ECOSYSTEM or GIT, found " + quote(type),
            json::pointer_append(pointer, "type"));
      *ok = false;
      return result;
    }
    dom::array events;
    if (!array_member(object, "events", pointer, &events)) {
      error("OSV-NO-EVENTS", "a range needs an \"events\" array", pointer);
      *ok = false;
      return result;
    }
    const std::string here = json::pointer_append(pointer, "events");
    std::size_t index = 0;
    bool introduced = false;
    for (dom::element item : events) {
      const std::string item_pointer = json::pointer_append(here, index++);
      dom::object event;
      if (item.get_object().get(event) != simdjson::SUCCESS) {
        error("OSV-TYPE", "an event must be an object", item_pointer);
        continue;
      }
      std::size_t members = 0;
      for (auto [key, value] : event) {
        ++members;
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) {
          error("OSV-TYPE", "event versions must be strings", item_pointer);
          continue;
        }
        version::OsvEventKind kind;
        if (key == "introduced") {
          kind = version::OsvEventKind::kIntroduced;
          introduced = true;
        } else if (key == "fixed") {
          kind = version::OsvEventKind::kFixed;
        } else if (key == "last_affected") {
          kind = version::OsvEventKind::kLastAffected;
        } else if (key == "limit") {
          kind = version::OsvEventKind::kLimit;
        } else {
          error("OSV-BAD-EVENT", "unknown event " + quote(key), item_pointer);
          continue;
        }
        if (text.empty()) {
          error("OSV-EMPTY-EVENT", "event " + quote(key) + " has an empty version", item_pointer);
          continue;
        }
        result.events.push_back({kind, std::string(text)});
      }
      if (members != 1) {
        error("OSV-BAD-EVENT",
              "an event must have exactly one of introduced, fixed, "
              "last_affected or limit",
              item_pointer);
      }
    }
    if (!introduced) {
      error("OSV-NO-INTRODUCED", "a range needs at least one \"introduced\" event", here);
    }
    return result;
  }

  model::Advisory read(dom::object root) {
    model::Advisory advisory;
    advisory.schema_version = string_member(root, "schema_version", "");
    advisory.id = string_member(root, "id", "");
    advisory.modified = string_member(root, "modified", "");
    advisory.published = string_member(root, "published", "");
    advisory.withdrawn = string_member(root, "withdrawn", "");
    if (!advisory.modified.empty()) {
      check_timestamp(advisory.modified, "modified", "");
    }
    if (!advisory.published.empty()) {
      check_timestamp(advisory.published, "published", "");
    }
    if (!advisory.withdrawn.empty()) {
      check_timestamp(advisory.withdrawn, "withdrawn", "");
    }
    advisory.aliases = string_array(root, "aliases", "");
    advisory.related = string_array(root, "related", "");
    advisory.upstream = string_array(root, "upstream", "");
    advisory.summary = string_member(root, "summary", "");
    advisory.details = string_member(root, "details", "");
    advisory.severity = severities(root, "");
    advisory.database_specific_json = raw_member(root, "database_specific");

    dom::array affected;
    if (array_member(root, "affected", "", &affected)) {
      std::size_t index = 0;
      for (dom::element item : affected) {
        const std::string pointer = json::pointer_append("/affected", index++);
        dom::object entry;
        if (item.get_object().get(entry) != simdjson::SUCCESS) {
          error("OSV-TYPE", "an affected entry must be an object", pointer);
          continue;
        }
        model::AffectedPackage package;
        dom::object package_object;
        if (object_member(entry, "package", pointer, &package_object)) {
          const std::string package_pointer = json::pointer_append(pointer, "package");
          package.ecosystem = string_member(package_object, "ecosystem", package_pointer);
          package.name = string_member(package_object, "name", package_pointer);
          package.purl = string_member(package_object, "purl", package_pointer);
          if (package.ecosystem.empty() || package.name.empty()) {
            error("OSV-PACKAGE-INCOMPLETE", "a package needs \"ecosystem\" and \"name\"",
                  package_pointer);
          } else if (version::find_ecosystem(package.ecosystem) == nullptr) {
            warning("OSV-UNKNOWN-ECOSYSTEM",
                    "ecosystem " + quote(package.ecosystem) +
                        " is not one Assay knows; its versions are compared with the generic "
                        "order",
                    json::pointer_append(package_pointer, "ecosystem"));
          }
        }
        package.severity = severities(entry, pointer);
        package.versions = string_array(entry, "versions", pointer);
        package.ecosystem_specific_json = raw_member(entry, "ecosystem_specific");
        package.database_specific_json = raw_member(entry, "database_specific");
        dom::array ranges;
        if (array_member(entry, "ranges", pointer, &ranges)) {
          const std::string ranges_pointer = json::pointer_append(pointer, "ranges");
          std::size_t range_index = 0;
          for (dom::element range_item : ranges) {
            const std::string range_pointer = json::pointer_append(ranges_pointer, range_index++);
            dom::object range_object;
            if (range_item.get_object().get(range_object) != simdjson::SUCCESS) {
              error("OSV-TYPE", "a range must be an object", range_pointer);
              continue;
            }
            bool ok = false;
            version::OsvRange parsed = range(range_object, range_pointer, &ok);
            const std::string repo = string_member(range_object, "repo", range_pointer);
            if (parsed.type == version::OsvRangeType::kGit && !repo.empty()) {
              package.repositories.push_back(repo);
            }
            if (ok) {
              package.ranges.push_back(std::move(parsed));
            }
          }
        }
        advisory.affected.push_back(std::move(package));
      }
    }

    dom::array references;
    if (array_member(root, "references", "", &references)) {
      std::size_t index = 0;
      for (dom::element item : references) {
        const std::string pointer = json::pointer_append("/references", index++);
        dom::object entry;
        if (item.get_object().get(entry) != simdjson::SUCCESS) {
          error("OSV-TYPE", "a reference must be an object", pointer);
          continue;
        }
        model::AdvisoryReference reference;
        reference.type = string_member(entry, "type", pointer);
        reference.url = string_member(entry, "url", pointer);
        advisory.references.push_back(std::move(reference));
      }
    }
    dom::array credits;
    if (array_member(root, "credits", "", &credits)) {
      std::size_t index = 0;
      for (dom::element item : credits) {
        const std::string pointer = json::pointer_append("/credits", index++);
        dom::object entry;
        if (item.get_object().get(entry) != simdjson::SUCCESS) {
          error("OSV-TYPE", "a credit must be an object", pointer);
          continue;
        }
        model::Credit credit;
        credit.name = string_member(entry, "name", pointer);
        credit.contact = string_array(entry, "contact", pointer);
        credit.type = string_member(entry, "type", pointer);
        advisory.credits.push_back(std::move(credit));
      }
    }
    // GHSA records list CWEs under database_specific.cwe_ids.
    dom::object database_specific;
    if (root.at_key("database_specific").get(database_specific) == simdjson::SUCCESS) {
      advisory.cwes = string_array(database_specific, "cwe_ids", "/database_specific");
    }
    return advisory;
  }

 private:
  std::string source_;
  DiagnosticSink& sink_;
};

Result<Parsed<model::Advisory>> read_from_dom(dom::element root_element, std::string_view source,
                                              std::string_view format) {
  dom::object root;
  if (root_element.get_object().get(root) != simdjson::SUCCESS) {
    return fail(
        ErrorCode::kInvalidInput,
        "an OSV record must be a JSON object, found " + element_type_name(root_element.type()),
        std::string(source));
  }
  DiagnosticSink sink;
  Reader reader{std::string(source), sink};
  Parsed<model::Advisory> parsed;
  parsed.value = reader.read(root);
  parsed.value.source_format = std::string(format);
  parsed.value.source_location = std::string(source);
  if (parsed.value.id.empty()) {
    return fail(ErrorCode::kInvalidInput, "the record has no \"id\"", std::string(source) + "#");
  }
  if (parsed.value.modified.empty()) {
    sink.error("OSV-NO-MODIFIED", "the record has no \"modified\" timestamp",
               std::string(source) + "#");
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

// Converts YAML to JSON text: every scalar becomes a string, so that unquoted versions such as
// 1.10 keep their spelling. Counts nodes so that aliases cannot expand without bound.
Result<void> yaml_to_json(const YAML::Node& node, nlohmann::json* out, std::uint64_t* budget,
                          std::uint32_t depth, const InputLimits& limits, std::string_view source) {
  if (*budget == 0) {
    return fail(ErrorCode::kInvalidInput,
                "more than " + std::to_string(limits.max_items) + " YAML nodes (after aliases)",
                std::string(source));
  }
  --*budget;
  if (depth > limits.max_depth) {
    return fail(ErrorCode::kInvalidInput,
                "YAML nesting is deeper than the limit of " + std::to_string(limits.max_depth),
                std::string(source));
  }
  switch (node.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      *out = nullptr;
      return {};
    case YAML::NodeType::Scalar:
      *out = node.Scalar();
      return {};
    case YAML::NodeType::Sequence: {
      *out = nlohmann::json::array();
      for (const YAML::Node& item : node) {
        nlohmann::json value;
        ASSAY_TRY_VOID(yaml_to_json(item, &value, budget, depth + 1, limits, source));
        out->push_back(std::move(value));
      }
      return {};
    }
    case YAML::NodeType::Map: {
      *out = nlohmann::json::object();
      for (const auto& pair : node) {
        nlohmann::json value;
        ASSAY_TRY_VOID(yaml_to_json(pair.second, &value, budget, depth + 1, limits, source));
        (*out)[pair.first.Scalar()] = std::move(value);
      }
      return {};
    }
  }
  return {};
}

Result<Parsed<model::Advisory>> read_json_text(std::string_view text, std::string_view source,
                                               const InputLimits& limits, std::string_view format) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "record is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes),
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const LineColumn position = line_column_at(text, *bad);
    return fail(ErrorCode::kInvalidInput, "invalid UTF-8 at byte offset " + std::to_string(*bad),
                text_location(source, position.line, position.column));
  }
  dom::parser parser;
  if (parser.allocate(text.size() + 64, limits.max_depth) != simdjson::SUCCESS) {
    return fail(ErrorCode::kInvalidInput, "record is too large to parse", std::string(source));
  }
  dom::element root;
  const simdjson::error_code error = parser.parse(text.data(), text.size()).get(root);
  if (error != simdjson::SUCCESS) {
    const std::string detail =
        error == simdjson::DEPTH_ERROR
            ? "nesting is deeper than the limit of " + std::to_string(limits.max_depth)
            : std::string("malformed JSON: ") + simdjson::error_message(error);
    return fail(ErrorCode::kInvalidInput, detail, std::string(source));
  }
  return read_from_dom(root, source, format);
}

}  // namespace

Result<Parsed<model::Advisory>> read_osv_json(std::string_view text, std::string_view source,
                                              const InputLimits& limits) {
  return read_json_text(text, source, limits, "osv-json");
}

Result<Parsed<model::Advisory>> read_osv_yaml(std::string_view text, std::string_view source,
                                              const InputLimits& limits) {
  ASSAY_TRY(const nlohmann::json json, internal::osv_yaml_to_json(text, source, limits));
  // yaml-cpp decodes "\xNN" escapes to the raw byte rather than to UTF-8; such bytes become
  // U+FFFD here instead of failing the record.
  return read_json_text(json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), source,
                        limits, "osv-yaml");
}

namespace internal {

Result<json::Json> osv_yaml_to_json(std::string_view text, std::string_view source,
                                    const InputLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "record is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes),
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const LineColumn position = line_column_at(text, *bad);
    return fail(ErrorCode::kInvalidInput, "invalid UTF-8 at byte offset " + std::to_string(*bad),
                text_location(source, position.line, position.column));
  }
  nlohmann::json json;
  try {
    const YAML::Node root = YAML::Load(std::string(text));
    std::uint64_t budget = limits.max_items;
    ASSAY_TRY_VOID(yaml_to_json(root, &json, &budget, 0, limits, source));
  } catch (const YAML::Exception& error) {
    return fail(ErrorCode::kInvalidInput, "malformed YAML: " + error.msg,
                text_location(source, static_cast<std::size_t>(error.mark.line + 1),
                              static_cast<std::size_t>(error.mark.column + 1)));
  }
  return json;
}

}  // namespace internal

namespace {

// OSV timestamps are RFC 3339 in UTC ending in "Z" (the schema's pattern); CSAF and other sources
// give offsets such as "+00:00" or "+02:00". Converts those to UTC, keeping any fraction; returns
// text that is not an RFC 3339 date-time unchanged.
std::string osv_timestamp(const std::string& text) {
  if (text.empty() || !check_string_format("date-time", text).empty()) {
    return text;
  }
  std::string result = text;
  result[10] = 'T';
  const char last = result.back();
  if (last == 'Z' || last == 'z') {
    result.back() = 'Z';
    return result;
  }
  // "...±HH:MM": the offset is the last six characters.
  const std::size_t offset_at = result.size() - 6;
  const int sign = result[offset_at] == '-' ? -1 : 1;
  auto number = [&result](std::size_t at, std::size_t length) {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      value = value * 10 + (result[i] - '0');
    }
    return value;
  };
  const std::chrono::year_month_day date{std::chrono::year{number(0, 4)},
                                         std::chrono::month{static_cast<unsigned>(number(5, 2))},
                                         std::chrono::day{static_cast<unsigned>(number(8, 2))}};
  const std::chrono::sys_seconds local =
      std::chrono::sys_days{date} + std::chrono::hours{number(11, 2)} +
      std::chrono::minutes{number(14, 2)} + std::chrono::seconds{number(17, 2)};
  const std::chrono::sys_seconds utc =
      local - sign * (std::chrono::hours{number(offset_at + 1, 2)} +
                      std::chrono::minutes{number(offset_at + 4, 2)});
  const std::chrono::sys_days day = std::chrono::floor<std::chrono::days>(utc);
  const std::chrono::year_month_day utc_date{day};
  const std::chrono::hh_mm_ss<std::chrono::seconds> time{utc - day};
  char buffer[32];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02u-%02uT%02d:%02d:%02d",
                static_cast<int>(utc_date.year()), static_cast<unsigned>(utc_date.month()),
                static_cast<unsigned>(utc_date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  // Keep the fraction of a second (".123"), if any, between the seconds and the offset.
  return buffer + result.substr(19, offset_at - 19) + "Z";
}

}  // namespace

std::string write_osv_json(const model::Advisory& advisory) {
  nlohmann::ordered_json out;
  auto put = [&out](const char* key, const std::string& value) {
    if (!value.empty()) {
      out[key] = value;
    }
  };
  auto put_list = [](nlohmann::ordered_json& object, const char* key,
                     const std::vector<std::string>& values) {
    if (!values.empty()) {
      object[key] = values;
    }
  };
  auto severity_json = [](const std::vector<model::SeverityScore>& scores) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const model::SeverityScore& score : scores) {
      list.push_back({{"type", score.type}, {"score", score.score}});
    }
    return list;
  };
  auto raw = [](const std::string& text) {
    return nlohmann::ordered_json::parse(text, nullptr, false);
  };
  put("schema_version", advisory.schema_version.empty() ? "1.7.0" : advisory.schema_version);
  put("id", advisory.id);
  put("modified", osv_timestamp(advisory.modified));
  put("published", osv_timestamp(advisory.published));
  put("withdrawn", osv_timestamp(advisory.withdrawn));
  put_list(out, "aliases", advisory.aliases);
  put_list(out, "upstream", advisory.upstream);
  put_list(out, "related", advisory.related);
  put("summary", advisory.summary);
  put("details", advisory.details);
  if (!advisory.severity.empty()) {
    out["severity"] = severity_json(advisory.severity);
  }
  if (!advisory.affected.empty()) {
    nlohmann::ordered_json affected = nlohmann::ordered_json::array();
    for (const model::AffectedPackage& package : advisory.affected) {
      nlohmann::ordered_json entry;
      // An entry may have no package (only GIT ranges, say); "package" then stays absent, as an
      // empty ecosystem and name would break the schema.
      if (!package.ecosystem.empty() || !package.name.empty() || !package.purl.empty()) {
        nlohmann::ordered_json package_json;
        package_json["ecosystem"] = package.ecosystem;
        package_json["name"] = package.name;
        if (!package.purl.empty()) {
          package_json["purl"] = package.purl;
        }
        entry["package"] = std::move(package_json);
      }
      if (!package.severity.empty()) {
        entry["severity"] = severity_json(package.severity);
      }
      if (!package.ranges.empty()) {
        nlohmann::ordered_json ranges = nlohmann::ordered_json::array();
        std::size_t git_index = 0;
        for (const version::OsvRange& range : package.ranges) {
          nlohmann::ordered_json range_json;
          range_json["type"] = range.type == version::OsvRangeType::kSemver      ? "SEMVER"
                               : range.type == version::OsvRangeType::kEcosystem ? "ECOSYSTEM"
                                                                                 : "GIT";
          if (range.type == version::OsvRangeType::kGit &&
              git_index < package.repositories.size()) {
            range_json["repo"] = package.repositories[git_index++];
          }
          nlohmann::ordered_json events = nlohmann::ordered_json::array();
          for (const version::OsvEvent& event : range.events) {
            const char* key = event.kind == version::OsvEventKind::kIntroduced     ? "introduced"
                              : event.kind == version::OsvEventKind::kFixed        ? "fixed"
                              : event.kind == version::OsvEventKind::kLastAffected ? "last_affected"
                                                                                   : "limit";
            events.push_back({{key, event.version}});
          }
          range_json["events"] = std::move(events);
          ranges.push_back(std::move(range_json));
        }
        entry["ranges"] = std::move(ranges);
      }
      put_list(entry, "versions", package.versions);
      if (!package.ecosystem_specific_json.empty()) {
        entry["ecosystem_specific"] = raw(package.ecosystem_specific_json);
      }
      if (!package.database_specific_json.empty()) {
        entry["database_specific"] = raw(package.database_specific_json);
      }
      affected.push_back(std::move(entry));
    }
    out["affected"] = std::move(affected);
  }
  if (!advisory.references.empty()) {
    nlohmann::ordered_json references = nlohmann::ordered_json::array();
    for (const model::AdvisoryReference& reference : advisory.references) {
      references.push_back({{"type", reference.type}, {"url", reference.url}});
    }
    out["references"] = std::move(references);
  }
  if (!advisory.credits.empty()) {
    nlohmann::ordered_json credits = nlohmann::ordered_json::array();
    for (const model::Credit& credit : advisory.credits) {
      nlohmann::ordered_json entry{{"name", credit.name}};
      if (!credit.contact.empty()) {
        entry["contact"] = credit.contact;
      }
      if (!credit.type.empty()) {
        entry["type"] = credit.type;
      }
      credits.push_back(std::move(entry));
    }
    out["credits"] = std::move(credits);
  }
  if (!advisory.database_specific_json.empty()) {
    out["database_specific"] = raw(advisory.database_specific_json);
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace assay::formats
