// Content-based SBOM format detection.
#include "assay/formats/detect.h"

#include "assay/core/strings.h"

namespace assay::formats {
namespace {

constexpr std::size_t kScanBytes = 1024 * 1024;

std::string_view skip_bom_and_space(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  while (!text.empty() && is_ascii_space(text.front())) {
    text.remove_prefix(1);
  }
  return text;
}

// The string value following `"key"` and a colon, when it is a plain JSON string.
std::string json_string_after(std::string_view text, std::string_view key) {
  const std::string quoted = "\"" + std::string(key) + "\"";
  const std::size_t at = text.find(quoted);
  if (at == std::string_view::npos) {
    return {};
  }
  std::size_t position = at + quoted.size();
  while (position < text.size() && is_ascii_space(text[position])) {
    ++position;
  }
  if (position >= text.size() || text[position] != ':') {
    return {};
  }
  ++position;
  while (position < text.size() && is_ascii_space(text[position])) {
    ++position;
  }
  if (position >= text.size() || text[position] != '"') {
    return {};
  }
  const std::size_t end = text.find('"', position + 1);
  if (end == std::string_view::npos || end - position > 64) {
    return {};
  }
  return std::string(text.substr(position + 1, end - position - 1));
}

bool has_key(std::string_view text, std::string_view key) {
  return text.find("\"" + std::string(key) + "\"") != std::string_view::npos;
}

}  // namespace

Result<DetectedFormat> detect_sbom_format(std::string_view text, std::string_view source) {
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return fail(ErrorCode::kUnsupported,
                "the file is UTF-16; SBOMs must be UTF-8 (convert it, e.g. with iconv -f UTF-16)",
                std::string(source));
  }
  const std::string_view head = skip_bom_and_space(text.substr(0, kScanBytes));
  if (head.empty()) {
    return fail(ErrorCode::kInvalidInput, "the file is empty", std::string(source));
  }
  DetectedFormat detected;
  if (head.front() == '{' || head.front() == '[') {
    if (has_key(head, "bomFormat")) {
      detected.format = model::SbomFormat::kCycloneDxJson;
      detected.spec_version = json_string_after(head, "specVersion");
      return detected;
    }
    if (has_key(head, "spdxVersion")) {
      detected.format = model::SbomFormat::kSpdxJson;
      const std::string version = json_string_after(head, "spdxVersion");
      detected.spec_version = version.rfind("SPDX-", 0) == 0 ? version.substr(5) : version;
      return detected;
    }
    if (has_key(head, "@context") && head.find("spdx.org/rdf/3") != std::string_view::npos) {
      detected.format = model::SbomFormat::kSpdx3JsonLd;
      const std::size_t at = head.find("spdx.org/rdf/3");
      std::string version;
      for (std::size_t index = at + 13; index < head.size(); ++index) {
        const char c = head[index];
        if (!is_ascii_digit(c) && c != '.') {
          break;
        }
        version += c;
      }
      detected.spec_version = version;
      return detected;
    }
    if (has_key(head, "specVersion") && has_key(head, "components")) {
      detected.format = model::SbomFormat::kCycloneDxJson;
      detected.spec_version = json_string_after(head, "specVersion");
      return detected;
    }
    return fail(ErrorCode::kInvalidInput,
                "JSON document is not an SBOM Assay reads: no \"bomFormat\" (CycloneDX), "
                "\"spdxVersion\" (SPDX 2) or SPDX 3 \"@context\" was found",
                std::string(source));
  }
  if (head.front() == '<') {
    const std::size_t cyclonedx = head.find("http://cyclonedx.org/schema/bom/");
    if (cyclonedx != std::string_view::npos) {
      detected.format = model::SbomFormat::kCycloneDxXml;
      const std::string_view rest = head.substr(cyclonedx + 32);
      std::string version;
      for (const char c : rest) {
        if (!is_ascii_digit(c) && c != '.') {
          break;
        }
        version += c;
      }
      detected.spec_version = version;
      return detected;
    }
    if (head.find("spdx.org/rdf/terms") != std::string_view::npos ||
        head.find("<rdf:RDF") != std::string_view::npos) {
      return fail(ErrorCode::kUnsupported,
                  "this is SPDX RDF/XML, which Assay does not read; convert it to SPDX JSON or "
                  "tag-value (for example with the spdx-tools converter)",
                  std::string(source));
    }
    if (head.find("<SpdxDocument") != std::string_view::npos ||
        head.find("<Document") != std::string_view::npos) {
      return fail(ErrorCode::kUnsupported,
                  "this is SPDX XML, which Assay does not read; convert it to SPDX JSON or "
                  "tag-value",
                  std::string(source));
    }
    return fail(ErrorCode::kInvalidInput,
                "XML document is not a CycloneDX BOM: its root element does not use a "
                "http://cyclonedx.org/schema/bom/<version> namespace",
                std::string(source));
  }
  // Tag-value: "SPDXVersion: SPDX-2.3" on a line of its own (comments and blank lines before).
  std::size_t line_start = 0;
  const std::string_view scan = text.substr(0, kScanBytes);
  while (line_start < scan.size()) {
    std::size_t line_end = scan.find('\n', line_start);
    if (line_end == std::string_view::npos) {
      line_end = scan.size();
    }
    const std::string_view line = trim(scan.substr(line_start, line_end - line_start));
    if (line.rfind("SPDXVersion:", 0) == 0) {
      detected.format = model::SbomFormat::kSpdxTagValue;
      std::string_view version = trim(line.substr(12));
      if (version.rfind("SPDX-", 0) == 0) {
        version.remove_prefix(5);
      }
      detected.spec_version = std::string(version);
      return detected;
    }
    if (line.rfind("spdxVersion:", 0) == 0 || line.rfind("bomFormat:", 0) == 0) {
      return fail(ErrorCode::kUnsupported,
                  "this looks like an SBOM in YAML, which Assay does not read; convert it to "
                  "JSON",
                  std::string(source));
    }
    line_start = line_end + 1;
  }
  return fail(ErrorCode::kInvalidInput,
              "not an SBOM Assay reads: expected CycloneDX JSON or XML, SPDX JSON, SPDX "
              "tag-value (an \"SPDXVersion:\" line) or SPDX 3 JSON-LD",
              std::string(source));
}

}  // namespace assay::formats
