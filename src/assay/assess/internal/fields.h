// Field-by-field reading of a JSON object for the assess readers (catalogues, packs, policies):
// every problem becomes a coded diagnostic at "source#/json/pointer" and reading carries on.
#ifndef ASSAY_ASSESS_INTERNAL_FIELDS_H_
#define ASSAY_ASSESS_INTERNAL_FIELDS_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/json.h"

namespace assay::assess::internal {

// Reads members of one object. `prefix` names the codes: "<prefix>-MISSING-FIELD",
// "<prefix>-TYPE", "<prefix>-UNKNOWN-FIELD".
class Fields {
 public:
  Fields(const json::Json& node, std::string source, std::string pointer, DiagnosticSink& sink,
         std::string prefix)
      : node_(node),
        source_(std::move(source)),
        pointer_(std::move(pointer)),
        sink_(sink),
        prefix_(std::move(prefix)) {}

  // False (with a TYPE diagnostic) when the node is not an object.
  bool is_object(std::string_view what) const {
    if (node_.is_object()) {
      return true;
    }
    sink_.error(
        prefix_ + "-TYPE",
        std::string(what) + " must be an object, not " + std::string(json::type_name(node_)),
        location());
    return false;
  }

  // Warns about every member not in `known`.
  void allow_only(std::initializer_list<std::string_view> known) const {
    if (!node_.is_object()) {
      return;
    }
    for (auto it = node_.begin(); it != node_.end(); ++it) {
      bool found = false;
      for (const std::string_view name : known) {
        found = found || it.key() == name;
      }
      if (!found) {
        sink_.warning(prefix_ + "-UNKNOWN-FIELD", "unknown field \"" + it.key() + "\" is ignored",
                      location(it.key()));
      }
    }
  }

  const json::Json* member(std::string_view key) const {
    if (!node_.is_object()) {
      return nullptr;
    }
    auto it = node_.find(std::string(key));
    return it == node_.end() || it->is_null() ? nullptr : &*it;
  }

  // A string member; "" with a MISSING-FIELD error when required and absent, or a TYPE error.
  std::string string(std::string_view key, bool required) const {
    const json::Json* value = member(key);
    if (value == nullptr) {
      if (required) {
        missing(key);
      }
      return {};
    }
    if (!value->is_string()) {
      type(key, "a string", *value);
      return {};
    }
    std::string text = value->get<std::string>();
    if (required && text.empty()) {
      sink_.error(prefix_ + "-MISSING-FIELD", "\"" + std::string(key) + "\" must not be empty",
                  location(key));
    }
    return text;
  }

  std::optional<bool> boolean(std::string_view key) const {
    const json::Json* value = member(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_boolean()) {
      type(key, "true or false", *value);
      return std::nullopt;
    }
    return value->get<bool>();
  }

  std::optional<double> number(std::string_view key) const {
    const json::Json* value = member(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_number()) {
      type(key, "a number", *value);
      return std::nullopt;
    }
    return value->get<double>();
  }

  // An array of strings; non-strings are TYPE errors and skipped.
  std::vector<std::string> strings(std::string_view key, bool required) const {
    std::vector<std::string> out;
    const json::Json* value = member(key);
    if (value == nullptr) {
      if (required) {
        missing(key);
      }
      return out;
    }
    if (!value->is_array()) {
      type(key, "an array of strings", *value);
      return out;
    }
    for (std::size_t i = 0; i < value->size(); ++i) {
      const json::Json& item = (*value)[i];
      if (!item.is_string()) {
        sink_.error(prefix_ + "-TYPE",
                    "must be a string, not " + std::string(json::type_name(item)),
                    source_ + "#" + json::pointer_append(json::pointer_append(pointer_, key), i));
        continue;
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  // The array member `key` (nullptr when absent, or with a TYPE error when not an array).
  const json::Json* array(std::string_view key, bool required) const {
    const json::Json* value = member(key);
    if (value == nullptr) {
      if (required) {
        missing(key);
      }
      return nullptr;
    }
    if (!value->is_array()) {
      type(key, "an array", *value);
      return nullptr;
    }
    return value;
  }

  const json::Json* object(std::string_view key, bool required) const {
    const json::Json* value = member(key);
    if (value == nullptr) {
      if (required) {
        missing(key);
      }
      return nullptr;
    }
    if (!value->is_object()) {
      type(key, "an object", *value);
      return nullptr;
    }
    return value;
  }

  Fields child(std::string_view key) const {
    const json::Json* value = member(key);
    return Fields(value != nullptr ? *value : null_node(), source_,
                  json::pointer_append(pointer_, key), sink_, prefix_);
  }
  Fields child(const json::Json& node, std::string_view key, std::size_t index) const {
    return Fields(node, source_, json::pointer_append(json::pointer_append(pointer_, key), index),
                  sink_, prefix_);
  }

  std::string location() const { return source_ + "#" + pointer_; }
  std::string location(std::string_view key) const {
    return source_ + "#" + json::pointer_append(pointer_, key);
  }
  const std::string& pointer() const { return pointer_; }
  const std::string& source() const { return source_; }
  DiagnosticSink& sink() const { return sink_; }
  const std::string& prefix() const { return prefix_; }
  const json::Json& node() const { return node_; }

  void error(std::string_view code_suffix, std::string message, std::string_view key) const {
    sink_.error(prefix_ + "-" + std::string(code_suffix), std::move(message), location(key));
  }
  void warning(std::string_view code_suffix, std::string message, std::string_view key) const {
    sink_.warning(prefix_ + "-" + std::string(code_suffix), std::move(message), location(key));
  }

 private:
  static const json::Json& null_node() {
    static const json::Json kNull;
    return kNull;
  }
  void missing(std::string_view key) const {
    sink_.error(prefix_ + "-MISSING-FIELD",
                "required field \"" + std::string(key) + "\" is missing", location(key));
  }
  void type(std::string_view key, std::string_view expected, const json::Json& value) const {
    sink_.error(prefix_ + "-TYPE",
                "\"" + std::string(key) + "\" must be " + std::string(expected) + ", not " +
                    std::string(json::type_name(value)),
                location(key));
  }

  const json::Json& node_;
  std::string source_;
  std::string pointer_;
  DiagnosticSink& sink_;
  std::string prefix_;
};

}  // namespace assay::assess::internal

#endif  // ASSAY_ASSESS_INTERNAL_FIELDS_H_
