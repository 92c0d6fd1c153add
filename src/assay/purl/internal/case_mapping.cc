// Unicode lower-casing for purl normalisation, from a generated table of ranges.
#include "assay/purl/internal/case_mapping.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <utility>

namespace assay::purl::internal {

namespace {

struct LowercaseRange {
  std::uint32_t first;
  std::uint32_t last;
  std::uint32_t stride;
  std::int32_t delta;
};

constexpr LowercaseRange kLowercaseRanges[] = {
#include "assay/purl/internal/lowercase_table.inc"
};

constexpr std::uint32_t kCapitalIWithDotAbove = 0x130;

// Decodes the code point at `text[index]` (valid UTF-8) and advances `index`.
std::uint32_t decode_at(const std::string& text, std::size_t& index) {
  const auto lead = static_cast<unsigned char>(text[index]);
  std::size_t length = 1;
  std::uint32_t code_point = lead;
  if (lead >= 0xF0) {
    length = 4;
    code_point = lead & 0x07U;
  } else if (lead >= 0xE0) {
    length = 3;
    code_point = lead & 0x0FU;
  } else if (lead >= 0xC0) {
    length = 2;
    code_point = lead & 0x1FU;
  }
  for (std::size_t offset = 1; offset < length; ++offset) {
    code_point = (code_point << 6U) | (static_cast<unsigned char>(text[index + offset]) & 0x3FU);
  }
  index += length;
  return code_point;
}

void encode_append(std::uint32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (code_point >> 6U)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (code_point >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (code_point >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((code_point >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (code_point & 0x3FU)));
  }
}

}  // namespace

std::uint32_t lowercase_code_point(std::uint32_t code_point) {
  if (code_point < 0x80) {
    return (code_point >= 'A' && code_point <= 'Z') ? code_point + 32 : code_point;
  }
  // The last range whose first code point is <= code_point.
  const auto* after = std::upper_bound(
      std::begin(kLowercaseRanges), std::end(kLowercaseRanges), code_point,
      [](std::uint32_t value, const LowercaseRange& range) { return value < range.first; });
  if (after == std::begin(kLowercaseRanges)) {
    return code_point;
  }
  const LowercaseRange& range = *(after - 1);
  if (code_point > range.last || (code_point - range.first) % range.stride != 0) {
    return code_point;
  }
  return static_cast<std::uint32_t>(static_cast<std::int64_t>(code_point) + range.delta);
}

void lowercase_in_place(std::string& text) {
  bool ascii = true;
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c + ('a' - 'A'));
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
    }
  }
  if (ascii) {
    return;
  }
  std::string out;
  out.reserve(text.size() + 1);
  std::size_t index = 0;
  while (index < text.size()) {
    const std::uint32_t code_point = decode_at(text, index);
    if (code_point == kCapitalIWithDotAbove) {
      out.push_back('i');
      encode_append(0x307, out);  // combining dot above
    } else {
      encode_append(lowercase_code_point(code_point), out);
    }
  }
  text = std::move(out);
}

}  // namespace assay::purl::internal
