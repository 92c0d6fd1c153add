// Lenient typed access to a parsed JSON tree for the advisory and VEX readers (CSAF, OpenVEX):
// each accessor returns an empty value when a member is absent and reports a member of the wrong
// type as a diagnostic located "source#/json/pointer". Private to the formats module.
#ifndef ASSAY_FORMATS_ADVISORY_JSON_H_
#define ASSAY_FORMATS_ADVISORY_JSON_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"

namespace assay::formats::internal {

class JsonWalker {
 public:
  // Type problems are reported with code `type_code` (e.g. "CSAF-TYPE") as errors.
  JsonWalker(std::string source, DiagnosticSink& sink, std::string type_code)
      : source_(std::move(source)), sink_(sink), type_code_(std::move(type_code)) {}

  const std::string& source() const { return source_; }
  DiagnosticSink& sink() { return sink_; }
  std::string where(std::string_view pointer) const { return source_ + "#" + std::string(pointer); }

  void error(std::string code, std::string message, std::string_view pointer) {
    sink_.error(std::move(code), std::move(message), where(pointer));
  }
  void warning(std::string code, std::string message, std::string_view pointer) {
    sink_.warning(std::move(code), std::move(message), where(pointer));
  }
  void info(std::string code, std::string message, std::string_view pointer) {
    sink_.info(std::move(code), std::move(message), where(pointer));
  }

  // The member `key` of `object` or nullptr when `object` is not an object, or the member is
  // absent or null.
  static const json::Json* member(const json::Json& object, std::string_view key) {
    if (!object.is_object()) {
      return nullptr;
    }
    const auto found = object.find(key);
    if (found == object.end() || found->is_null()) {
      return nullptr;
    }
    return &*found;
  }

  // The string member `key`, or "" when absent; another type is reported.
  std::string string(const json::Json& object, std::string_view key, std::string_view pointer) {
    const json::Json* value = member(object, key);
    if (value == nullptr) {
      return {};
    }
    if (!value->is_string()) {
      type_error(key, "a string", *value, pointer);
      return {};
    }
    return value->get<std::string>();
  }

  // The object member `key`, or nullptr when absent; another type is reported.
  const json::Json* object(const json::Json& object, std::string_view key,
                           std::string_view pointer) {
    const json::Json* value = member(object, key);
    if (value == nullptr) {
      return nullptr;
    }
    if (!value->is_object()) {
      type_error(key, "an object", *value, pointer);
      return nullptr;
    }
    return value;
  }

  // The array member `key`, or nullptr when absent; another type is reported.
  const json::Json* array(const json::Json& object, std::string_view key,
                          std::string_view pointer) {
    const json::Json* value = member(object, key);
    if (value == nullptr) {
      return nullptr;
    }
    if (!value->is_array()) {
      type_error(key, "an array", *value, pointer);
      return nullptr;
    }
    return value;
  }

  // The array of strings `key`; items of another type are reported and skipped.
  std::vector<std::string> strings(const json::Json& object, std::string_view key,
                                   std::string_view pointer) {
    std::vector<std::string> result;
    const json::Json* items = array(object, key, pointer);
    if (items == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, key);
    std::size_t index = 0;
    for (const json::Json& item : *items) {
      if (item.is_string()) {
        result.push_back(item.get<std::string>());
      } else {
        error(type_code_, "expected a string, found " + std::string(json::type_name(item)),
              json::pointer_append(here, index));
      }
      ++index;
    }
    return result;
  }

  // A number member, or `fallback` when absent or not a number (reported).
  double number(const json::Json& object, std::string_view key, std::string_view pointer,
                double fallback = 0.0) {
    const json::Json* value = member(object, key);
    if (value == nullptr) {
      return fallback;
    }
    if (!value->is_number()) {
      type_error(key, "a number", *value, pointer);
      return fallback;
    }
    return value->get<double>();
  }

 private:
  void type_error(std::string_view key, std::string_view expected, const json::Json& found,
                  std::string_view pointer) {
    error(type_code_,
          "\"" + std::string(key) + "\" must be " + std::string(expected) + ", found " +
              std::string(json::type_name(found)),
          json::pointer_append(pointer, key));
  }

  std::string source_;
  DiagnosticSink& sink_;
  std::string type_code_;
};

}  // namespace assay::formats::internal

#endif  // ASSAY_FORMATS_ADVISORY_JSON_H_
