// JSON through nlohmann::json with Assay's limits and error locations, and a typed reader that
// reports every problem with a JSON pointer. For very large inputs the formats module uses
// simdjson instead; this is for documents up to some megabytes, configs and output.
#ifndef ASSAY_CORE_JSON_H_
#define ASSAY_CORE_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "assay/core/limits.h"
#include "assay/core/result.h"

namespace assay::json {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Parses `text`, enforcing `limits` (bytes, nesting depth, total values). Errors are kInvalidInput
// with location "source:line:col" and say what was wrong; invalid UTF-8 is reported with its
// offset. Duplicate object keys keep the last value.
[[nodiscard]] Result<Json> parse(std::string_view text, std::string_view source,
                                 const InputLimits& limits = {});

// RFC 6901 escaping of one reference token, appended to `base` ("" is the document root).
std::string pointer_append(std::string_view base, std::string_view key);
std::string pointer_append(std::string_view base, std::size_t index);

// The JSON type name a person would use: "object", "array", "string", "number", "boolean", "null".
std::string_view type_name(const Json& value);

// A read-only view of one node and its pointer, with typed accessors whose errors carry
// "source#pointer" locations. The view borrows `node`; it must not outlive the document.
class Reader {
 public:
  Reader(const Json& node, std::string source, std::string pointer = "")
      : node_(&node), source_(std::move(source)), pointer_(std::move(pointer)) {}

  const Json& node() const { return *node_; }
  const std::string& pointer() const { return pointer_; }
  // "source#/pointer"
  std::string location() const;
  std::string location(std::string_view key) const;

  bool has(std::string_view key) const;
  // The member `key`; fails with kInvalidInput if this is not an object or `key` is absent.
  [[nodiscard]] Result<Reader> at(std::string_view key) const;
  // The member `key` if present (and not null); nullopt when absent. Fails if this is not an
  // object.
  std::optional<Reader> find(std::string_view key) const;
  [[nodiscard]] Result<Reader> at(std::size_t index) const;

  [[nodiscard]] Result<std::string> get_string(std::string_view key) const;
  [[nodiscard]] Result<std::optional<std::string>> get_optional_string(std::string_view key) const;
  [[nodiscard]] Result<bool> get_bool(std::string_view key) const;
  [[nodiscard]] Result<std::int64_t> get_int(std::string_view key) const;
  [[nodiscard]] Result<double> get_number(std::string_view key) const;

  // This node as a string / array size; fails with the expected type in the message otherwise.
  [[nodiscard]] Result<std::string> as_string() const;
  [[nodiscard]] Result<std::size_t> array_size() const;

  [[nodiscard]] Error type_error(std::string_view expected) const;

 private:
  const Json* node_;
  std::string source_;
  std::string pointer_;
};

}  // namespace assay::json

#endif  // ASSAY_CORE_JSON_H_
