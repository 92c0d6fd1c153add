// NuGet versions as NuGet.Versioning's NuGetVersion parses them and VersionComparer.Default
// orders them.
#include "assay/version/schemes/nuget.h"

#include "assay/core/limits.h"
#include "assay/core/strings.h"

namespace assay::version {

namespace {

constexpr std::int64_t kInt32Max = 2147483647;

// Byte length of the UTF-8 character at `pos` when .NET's char.IsWhiteSpace is true for it.
std::size_t dotnet_space_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) {
    return 0;
  }
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char c = byte(0);
  const std::size_t left = text.size() - pos;
  if (c == ' ' || (c >= 0x09 && c <= 0x0d)) {
    return 1;
  }
  if (c == 0xc2 && left >= 2 && (byte(1) == 0x85 || byte(1) == 0xa0)) {
    return 2;
  }
  if ((c & 0xf0) != 0xe0 || left < 3 || (byte(1) & 0xc0) != 0x80 || (byte(2) & 0xc0) != 0x80) {
    return 0;
  }
  const unsigned code = (static_cast<unsigned>(c & 0x0f) << 12) |
                        (static_cast<unsigned>(byte(1) & 0x3f) << 6) | (byte(2) & 0x3fU);
  const bool space = code == 0x1680 || (code >= 0x2000 && code <= 0x200a) || code == 0x2028 ||
                     code == 0x2029 || code == 0x202f || code == 0x205f || code == 0x3000;
  return space ? 3 : 0;
}

std::string_view dotnet_trim(std::string_view text) {
  std::size_t begin = 0;
  while (std::size_t n = dotnet_space_at(text, begin)) {
    begin += n;
  }
  std::size_t end = text.size();
  while (end > begin) {
    std::size_t n = 0;
    for (std::size_t width : {1U, 2U, 3U}) {
      if (end - begin >= width && dotnet_space_at(text, end - width) == width) {
        n = width;
        break;
      }
    }
    if (n == 0) {
      break;
    }
    end -= n;
  }
  return text.substr(begin, end - begin);
}

bool is_number_white(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

// int.TryParse(component, NumberStyles.Integer, InvariantCulture) with the result >= 0, as
// System.Version.TryParse reads each component.
bool parse_component(std::string_view text, std::uint32_t& value) {
  while (!text.empty() && is_number_white(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_number_white(text.back())) {
    text.remove_suffix(1);
  }
  bool negative = false;
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
    negative = text[0] == '-';
    text.remove_prefix(1);
  }
  if (text.empty() || !all_digits(text)) {
    return false;
  }
  std::int64_t number = 0;
  for (const char c : text) {
    number = number * 10 + (c - '0');
    if (number > kInt32Max + 1) {
      return false;
    }
  }
  if (negative ? number != 0 : number > kInt32Max) {
    return false;
  }
  value = static_cast<std::uint32_t>(number);
  return true;
}

// int.TryParse on a release label (which holds only [0-9A-Za-z-]): an optional "-" sign and
// digits within the 32-bit range.
bool label_number(std::string_view text, std::int32_t& value) {
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  if (text.empty() || !all_digits(text)) {
    return false;
  }
  std::int64_t number = 0;
  for (const char c : text) {
    number = number * 10 + (c - '0');
    if (number > kInt32Max + 1) {
      return false;
    }
  }
  if (negative) {
    number = -number;
  }
  if (number > kInt32Max) {
    return false;
  }
  value = static_cast<std::int32_t>(number);
  return true;
}

bool is_label_char(char c) {
  return is_ascii_alnum(c) || c == '-';
}

// SemanticVersion.IsValidPart.
bool is_valid_part(std::string_view part, bool allow_leading_zeros) {
  if (part.empty()) {
    return false;
  }
  if (!allow_leading_zeros && part.size() > 1 && part[0] == '0' && all_digits(part.substr(1))) {
    return false;
  }
  for (const char c : part) {
    if (!is_label_char(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace

Result<NugetVersion> NugetVersion::parse(std::string_view text) {
  if (text.size() > kMaxVersionBytes) {
    return fail(ErrorCode::kInvalidInput,
                "NuGet version is longer than " + std::to_string(kMaxVersionBytes) + " bytes");
  }
  auto invalid = [](std::string why) {
    return fail(ErrorCode::kInvalidInput, "invalid NuGet version: " + why);
  };
  const std::string_view value = dotnet_trim(text);
  if (value.empty()) {
    return invalid("empty");
  }
  // SemanticVersion.ParseSections: the version runs to the first "-" or "+", the labels to the
  // next "+", the metadata to the end. A "-" or "+" in the last character stays in its section.
  std::string_view version_part = value;
  std::string_view label_part;
  std::string_view metadata_part;
  bool has_labels = false;
  bool has_metadata = false;
  const std::size_t first = value.find_first_of("-+");
  if (first != std::string_view::npos && first + 1 < value.size()) {
    version_part = value.substr(0, first);
    if (value[first] == '+') {
      has_metadata = true;
      metadata_part = value.substr(first + 1);
    } else {
      has_labels = true;
      const std::size_t plus = value.find('+', first + 1);
      if (plus != std::string_view::npos && plus + 1 < value.size()) {
        label_part = value.substr(first + 1, plus - first - 1);
        has_metadata = true;
        metadata_part = value.substr(plus + 1);
      } else {
        label_part = value.substr(first + 1);  // a final "+" stays in the labels
      }
    }
  }
  if (version_part.empty()) {
    return invalid("no version number before \"-\" or \"+\"");
  }
  NugetVersion version;
  const std::vector<std::string_view> components = split(version_part, '.');
  if (components.size() > 4) {
    return invalid("more than four version numbers");
  }
  for (std::size_t i = 0; i < components.size(); ++i) {
    if (!parse_component(components[i], version.numbers_[i])) {
      return invalid("version number " + quote(components[i]) +
                     " is not a non-negative 32-bit integer");
    }
  }
  std::string_view written = value;
  version.text_ = std::string(written);
  if (has_labels) {
    const auto offset = static_cast<std::uint32_t>(label_part.data() - value.data());
    std::uint32_t at = offset;
    for (const std::string_view part : split(label_part, '.')) {
      if (!is_valid_part(part, false)) {
        return invalid("release label " + quote(part) +
                       " is empty, has a character outside [0-9A-Za-z-] or a leading zero");
      }
      Label label{at, static_cast<std::uint32_t>(part.size()), false, 0};
      label.numeric = label_number(part, label.value);
      version.labels_.push_back(label);
      at += static_cast<std::uint32_t>(part.size()) + 1;
    }
  }
  if (has_metadata) {
    for (const std::string_view part : split(metadata_part, '.')) {
      if (!is_valid_part(part, true)) {
        return invalid("metadata part " + quote(part) +
                       " is empty or has a character outside [0-9A-Za-z-]");
      }
    }
  }
  return version;
}

std::string NugetVersion::normalized() const {
  std::string out = std::to_string(numbers_[0]) + "." + std::to_string(numbers_[1]) + "." +
                    std::to_string(numbers_[2]);
  if (numbers_[3] > 0) {
    out += "." + std::to_string(numbers_[3]);
  }
  for (std::size_t i = 0; i < labels_.size(); ++i) {
    out += (i == 0 ? "-" : ".");
    out += view(labels_[i]);
  }
  return out;
}

int NugetVersion::compare(const NugetVersion& other) const noexcept {
  for (std::size_t i = 0; i < 4; ++i) {
    if (numbers_[i] != other.numbers_[i]) {
      return numbers_[i] < other.numbers_[i] ? -1 : 1;
    }
  }
  if (labels_.empty() != other.labels_.empty()) {
    return labels_.empty() ? 1 : -1;
  }
  const std::size_t count =
      labels_.size() > other.labels_.size() ? labels_.size() : other.labels_.size();
  for (std::size_t i = 0; i < count; ++i) {
    if (i >= labels_.size()) {
      return -1;
    }
    if (i >= other.labels_.size()) {
      return 1;
    }
    const Label& a = labels_[i];
    const Label& b = other.labels_[i];
    if (a.numeric && b.numeric) {
      if (a.value != b.value) {
        return a.value < b.value ? -1 : 1;
      }
      continue;
    }
    if (a.numeric != b.numeric) {
      return a.numeric ? -1 : 1;
    }
    // StringComparer.OrdinalIgnoreCase: upper-case both, then compare.
    const std::string_view x = view(a);
    const std::string_view y = other.view(b);
    const std::size_t common = x.size() < y.size() ? x.size() : y.size();
    for (std::size_t j = 0; j < common; ++j) {
      const char cx = ascii_to_upper(x[j]);
      const char cy = ascii_to_upper(y[j]);
      if (cx != cy) {
        return cx < cy ? -1 : 1;
      }
    }
    if (x.size() != y.size()) {
      return x.size() < y.size() ? -1 : 1;
    }
  }
  return 0;
}

}  // namespace assay::version
