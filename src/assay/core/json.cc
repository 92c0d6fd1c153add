// nlohmann::json adapter: exceptions stay here and become Errors with locations.
#include "assay/core/json.h"

#include "assay/core/diagnostic.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"

namespace assay::json {

namespace {

// Thrown from the parser callback to stop parsing at a limit; never leaves this file.
struct LimitExceeded {
  std::string message;
};

std::string location_at(std::string_view source, std::string_view text, std::size_t offset) {
  const LineColumn position = line_column_at(text, offset);
  return text_location(source, position.line, position.column);
}

}  // namespace

Result<Json> parse(std::string_view text, std::string_view source, const InputLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "document is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes) + " bytes",
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    return fail(ErrorCode::kInvalidInput, "invalid UTF-8 at byte offset " + std::to_string(*bad),
                location_at(source, text, *bad));
  }
  std::uint64_t values = 0;
  const std::uint64_t max_items = limits.max_items;
  const std::uint32_t max_depth = limits.max_depth;
  const std::uint64_t max_string = limits.max_string_bytes;
  Json::parser_callback_t callback = [&](int depth, Json::parse_event_t event, Json& parsed) {
    if (depth > static_cast<int>(max_depth)) {
      throw LimitExceeded{"nesting is deeper than the limit of " + std::to_string(max_depth)};
    }
    if (event == Json::parse_event_t::value || event == Json::parse_event_t::key) {
      if (++values > max_items) {
        throw LimitExceeded{"more than " + std::to_string(max_items) + " values"};
      }
      if (parsed.is_string() && parsed.get_ref<const std::string&>().size() > max_string) {
        throw LimitExceeded{"a string is longer than the limit of " + std::to_string(max_string) +
                            " bytes"};
      }
    }
    return true;
  };
  try {
    return Json::parse(text.begin(), text.end(), callback, /*allow_exceptions=*/true,
                       /*ignore_comments=*/false);
  } catch (const LimitExceeded& limit) {
    return fail(ErrorCode::kInvalidInput, limit.message, std::string(source));
  } catch (const Json::parse_error& error) {
    // nlohmann's message starts "[json.exception.parse_error.101] parse error at line 1, column
    // 2: "; keep only the description after the last ": " prefix it adds.
    std::string message = error.what();
    const std::size_t colon = message.find(": ");
    if (colon != std::string::npos) {
      message = message.substr(colon + 2);
    }
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    return fail(ErrorCode::kInvalidInput, "malformed JSON: " + message,
                location_at(source, text, offset));
  } catch (const Json::exception& error) {
    return fail(ErrorCode::kInvalidInput, std::string("malformed JSON: ") + error.what(),
                std::string(source));
  }
}

std::string pointer_append(std::string_view base, std::string_view key) {
  std::string out(base);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string pointer_append(std::string_view base, std::size_t index) {
  std::string out(base);
  out += '/';
  out += std::to_string(index);
  return out;
}

std::string_view type_name(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::null:
    case Json::value_t::discarded:
      return "null";
    case Json::value_t::binary:
      return "binary";
  }
  return "null";
}

std::string Reader::location() const {
  return source_ + "#" + pointer_;
}

std::string Reader::location(std::string_view key) const {
  return source_ + "#" + pointer_append(pointer_, key);
}

Error Reader::type_error(std::string_view expected) const {
  return Error{ErrorCode::kInvalidInput,
               "expected " + std::string(expected) + ", found " + std::string(type_name(*node_)),
               location()};
}

bool Reader::has(std::string_view key) const {
  return node_->is_object() && node_->find(key) != node_->end();
}

Result<Reader> Reader::at(std::string_view key) const {
  if (!node_->is_object()) {
    return tl::unexpected(type_error("object"));
  }
  const auto found = node_->find(key);
  if (found == node_->end()) {
    return fail(ErrorCode::kInvalidInput, "required member " + quote(key) + " is missing",
                location());
  }
  return Reader(*found, source_, pointer_append(pointer_, key));
}

std::optional<Reader> Reader::find(std::string_view key) const {
  if (!node_->is_object()) {
    return std::nullopt;
  }
  const auto found = node_->find(key);
  if (found == node_->end() || found->is_null()) {
    return std::nullopt;
  }
  return Reader(*found, source_, pointer_append(pointer_, key));
}

Result<Reader> Reader::at(std::size_t index) const {
  if (!node_->is_array()) {
    return tl::unexpected(type_error("array"));
  }
  if (index >= node_->size()) {
    return fail(ErrorCode::kInvalidInput, "array has no element " + std::to_string(index),
                location());
  }
  return Reader((*node_)[index], source_, pointer_append(pointer_, index));
}

Result<std::string> Reader::as_string() const {
  if (!node_->is_string()) {
    return tl::unexpected(type_error("string"));
  }
  return node_->get<std::string>();
}

Result<std::size_t> Reader::array_size() const {
  if (!node_->is_array()) {
    return tl::unexpected(type_error("array"));
  }
  return node_->size();
}

Result<std::string> Reader::get_string(std::string_view key) const {
  ASSAY_TRY(const Reader member, at(key));
  return member.as_string();
}

Result<std::optional<std::string>> Reader::get_optional_string(std::string_view key) const {
  const std::optional<Reader> member = find(key);
  if (!member) {
    return std::optional<std::string>();
  }
  ASSAY_TRY(std::string value, member->as_string());
  return std::optional<std::string>(std::move(value));
}

Result<bool> Reader::get_bool(std::string_view key) const {
  ASSAY_TRY(const Reader member, at(key));
  if (!member.node().is_boolean()) {
    return tl::unexpected(member.type_error("boolean"));
  }
  return member.node().get<bool>();
}

Result<std::int64_t> Reader::get_int(std::string_view key) const {
  ASSAY_TRY(const Reader member, at(key));
  if (!member.node().is_number_integer()) {
    return tl::unexpected(member.type_error("integer"));
  }
  if (member.node().is_number_unsigned() &&
      member.node().get<std::uint64_t>() >
          static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return fail(ErrorCode::kInvalidInput, "integer is too large", member.location());
  }
  return member.node().get<std::int64_t>();
}

Result<double> Reader::get_number(std::string_view key) const {
  ASSAY_TRY(const Reader member, at(key));
  if (!member.node().is_number()) {
    return tl::unexpected(member.type_error("number"));
  }
  return member.node().get<double>();
}

}  // namespace assay::json
