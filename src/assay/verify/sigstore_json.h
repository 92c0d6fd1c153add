// Strict readers for the protobuf JSON mapping Sigstore documents use (bundles, trusted roots,
// Rekor v2 entries, DSSE envelopes): unknown members rejected, `bytes` as base64, 64-bit integers
// as decimal strings or numbers, timestamps as RFC 3339. Errors carry "source#/json/pointer".
#ifndef ASSAY_VERIFY_SIGSTORE_JSON_H_
#define ASSAY_VERIFY_SIGSTORE_JSON_H_

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/json.h"
#include "assay/core/result.h"

namespace assay::verify::sigstore {

// Fails with kInvalidInput if `object` is not an object or has a member not in `allowed`.
[[nodiscard]] Result<void> require_members_in(const json::Reader& object,
                                              std::initializer_list<std::string_view> allowed);

// The member `key`, which must be an object.
[[nodiscard]] Result<json::Reader> get_object(const json::Reader& parent, std::string_view key);
// The member `key` if present and not null; fails if present but not an object.
[[nodiscard]] Result<std::optional<json::Reader>> find_object(const json::Reader& parent,
                                                              std::string_view key);

// The elements of the array `key` (absent or null is an empty list, as proto3 JSON allows);
// fails if it is not an array or has more than `max_elements` elements.
[[nodiscard]] Result<std::vector<json::Reader>> get_array(const json::Reader& parent,
                                                          std::string_view key,
                                                          std::size_t max_elements);

// A required `bytes` member, decoded (standard or URL-safe base64, padding optional); fails when
// absent, empty and `allow_empty` is false, or not base64.
[[nodiscard]] Result<std::string> get_bytes(const json::Reader& parent, std::string_view key,
                                            bool allow_empty = false);
[[nodiscard]] Result<std::optional<std::string>> find_bytes(const json::Reader& parent,
                                                            std::string_view key);

// A required or optional int64 member: a JSON integer or a string of decimal digits with an
// optional leading '-'. Fails on fractions, exponents, other characters and overflow.
[[nodiscard]] Result<std::int64_t> get_int64(const json::Reader& parent, std::string_view key);
[[nodiscard]] Result<std::optional<std::int64_t>> find_int64(const json::Reader& parent,
                                                             std::string_view key);

// Parses an RFC 3339 timestamp ("2021-01-12T11:53:27Z", "...27.123Z", "...27+01:00") to Unix
// seconds; a fractional part is dropped (truncated towards the past). kInvalidInput otherwise.
[[nodiscard]] Result<std::int64_t> parse_rfc3339(std::string_view text);
// Formats Unix seconds as "YYYY-MM-DDThh:mm:ssZ".
std::string format_rfc3339(std::int64_t unix_seconds);

}  // namespace assay::verify::sigstore

#endif  // ASSAY_VERIFY_SIGSTORE_JSON_H_
