// SPDX 2.x tag-value: the lines are converted to the SPDX JSON shape (remembering the line of
// every member), which the JSON reader and the structural rules then handle, so both
// serialisations are read and validated by one code path and report the same problems.
#include <map>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/schema.h"
#include "assay/formats/spdx.h"
#include "assay/formats/spdx_internal.h"

namespace assay::formats {
namespace {

using json::OrderedJson;

enum class Section { kDocument, kPackage, kFile, kSnippet, kLicense };

struct TagTarget {
  Section section;
  std::string_view tag;
  std::string_view member;
  bool list;  // repeated tag -> array member
};

// Plain "Tag: value" mappings; the structured ones are handled in code below.
constexpr TagTarget kSimpleTags[] = {
    {Section::kDocument, "SPDXVersion", "spdxVersion", false},
    {Section::kDocument, "DataLicense", "dataLicense", false},
    {Section::kDocument, "DocumentName", "name", false},
    {Section::kDocument, "DocumentNamespace", "documentNamespace", false},
    {Section::kDocument, "DocumentComment", "comment", false},
    {Section::kPackage, "PackageName", "name", false},
    {Section::kPackage, "PackageVersion", "versionInfo", false},
    {Section::kPackage, "PackageFileName", "packageFileName", false},
    {Section::kPackage, "PackageSupplier", "supplier", false},
    {Section::kPackage, "PackageOriginator", "originator", false},
    {Section::kPackage, "PackageDownloadLocation", "downloadLocation", false},
    {Section::kPackage, "PackageHomePage", "homepage", false},
    {Section::kPackage, "PackageSourceInfo", "sourceInfo", false},
    {Section::kPackage, "PackageLicenseConcluded", "licenseConcluded", false},
    {Section::kPackage, "PackageLicenseInfoFromFiles", "licenseInfoFromFiles", true},
    {Section::kPackage, "PackageLicenseDeclared", "licenseDeclared", false},
    {Section::kPackage, "PackageLicenseComments", "licenseComments", false},
    {Section::kPackage, "PackageCopyrightText", "copyrightText", false},
    {Section::kPackage, "PackageSummary", "summary", false},
    {Section::kPackage, "PackageDescription", "description", false},
    {Section::kPackage, "PackageComment", "comment", false},
    {Section::kPackage, "PackageAttributionText", "attributionTexts", true},
    {Section::kPackage, "PrimaryPackagePurpose", "primaryPackagePurpose", false},
    {Section::kPackage, "ReleaseDate", "releaseDate", false},
    {Section::kPackage, "BuiltDate", "builtDate", false},
    {Section::kPackage, "ValidUntilDate", "validUntilDate", false},
    {Section::kFile, "FileName", "fileName", false},
    {Section::kFile, "FileType", "fileTypes", true},
    {Section::kFile, "LicenseConcluded", "licenseConcluded", false},
    {Section::kFile, "LicenseInfoInFile", "licenseInfoInFiles", true},
    {Section::kFile, "LicenseComments", "licenseComments", false},
    {Section::kFile, "FileCopyrightText", "copyrightText", false},
    {Section::kFile, "FileComment", "comment", false},
    {Section::kFile, "FileNotice", "noticeText", false},
    {Section::kFile, "FileContributor", "fileContributors", true},
    {Section::kFile, "FileAttributionText", "attributionTexts", true},
    {Section::kFile, "FileDependency", "fileDependencies", true},
    {Section::kSnippet, "SnippetFromFileSPDXID", "snippetFromFile", false},
    {Section::kSnippet, "SnippetLicenseConcluded", "licenseConcluded", false},
    {Section::kSnippet, "LicenseInfoInSnippet", "licenseInfoInSnippets", true},
    {Section::kSnippet, "SnippetLicenseComments", "licenseComments", false},
    {Section::kSnippet, "SnippetCopyrightText", "copyrightText", false},
    {Section::kSnippet, "SnippetComment", "comment", false},
    {Section::kSnippet, "SnippetName", "name", false},
    {Section::kSnippet, "SnippetAttributionText", "attributionTexts", true},
    {Section::kLicense, "ExtractedText", "extractedText", false},
    {Section::kLicense, "LicenseName", "name", false},
    {Section::kLicense, "LicenseCrossReference", "seeAlsos", true},
    {Section::kLicense, "LicenseComment", "comment", false},
};

class TagValueConverter {
 public:
  TagValueConverter(std::string_view text, std::string_view source, const InputLimits& limits)
      : text_(text), source_(source), limits_(limits) {}

  // Converts; problems with lines themselves (no colon, unknown tag, unterminated <text>) are
  // diagnostics. Fails on limits only.
  Result<OrderedJson> convert(DiagnosticSink& sink) {
    document_ = OrderedJson::object();
    std::size_t position = 0;
    std::size_t line_number = 0;
    std::uint64_t tags = 0;
    while (position < text_.size()) {
      std::size_t end = text_.find('\n', position);
      if (end == std::string_view::npos) {
        end = text_.size();
      }
      ++line_number;
      std::string_view line = text_.substr(position, end - position);
      position = end + 1;
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
      }
      const std::string_view trimmed = trim(line);
      if (trimmed.empty() || trimmed.front() == '#') {
        continue;
      }
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        sink.error("SPDX-TAG-SYNTAX",
                   "line is not \"Tag: value\" (no colon): " + quote(trimmed, 60),
                   text_location(source_, line_number));
        continue;
      }
      const std::string tag(trim(line.substr(0, colon)));
      std::string_view value = trim(line.substr(colon + 1));
      const std::size_t tag_line = line_number;
      std::string owned;
      if (value.rfind("<text>", 0) == 0) {
        // A <text> block may span lines; it ends at the first </text>.
        std::string block(value.substr(6));
        std::size_t close = block.find("</text>");
        while (close == std::string::npos && position < text_.size()) {
          std::size_t next = text_.find('\n', position);
          if (next == std::string_view::npos) {
            next = text_.size();
          }
          ++line_number;
          block += "\n";
          block += text_.substr(position, next - position);
          position = next + 1;
          close = block.find("</text>");
        }
        if (close == std::string::npos) {
          sink.error("SPDX-TAG-SYNTAX",
                     "<text> block for " + quote(tag, 40) + " is never closed with </text>",
                     text_location(source_, tag_line));
          break;
        }
        owned = block.substr(0, close);
        while (!owned.empty() && (owned.back() == '\r')) {
          owned.pop_back();
        }
        value = owned;
      }
      if (++tags > limits_.max_items) {
        return fail(ErrorCode::kInvalidInput,
                    "more than " + std::to_string(limits_.max_items) + " tags",
                    text_location(source_, tag_line));
      }
      apply(tag, std::string(value), tag_line, sink);
    }
    return document_;
  }

  // The line a pointer into the converted document came from (longest known prefix).
  std::string locate(std::string_view pointer) const {
    std::string key(pointer);
    while (true) {
      const auto found = lines_.find(key);
      if (found != lines_.end()) {
        return text_location(source_, found->second);
      }
      const std::size_t slash = key.rfind('/');
      if (slash == std::string::npos || key.empty()) {
        return std::string(source_);
      }
      key.resize(slash);
    }
  }

 private:
  OrderedJson& current() {
    switch (section_) {
      case Section::kPackage:
        return document_["packages"].back();
      case Section::kFile:
        return document_["files"].back();
      case Section::kSnippet:
        return document_["snippets"].back();
      case Section::kLicense:
        return document_["hasExtractedLicensingInfos"].back();
      case Section::kDocument:
        break;
    }
    return document_;
  }

  std::string current_pointer() const { return current_pointer_; }

  void start(Section section, std::string_view list, std::size_t line) {
    section_ = section;
    OrderedJson& array = document_[std::string(list)];
    if (!array.is_array()) {
      array = OrderedJson::array();
    }
    array.push_back(OrderedJson::object());
    current_pointer_ = json::pointer_append(json::pointer_append("", list), array.size() - 1);
    lines_[current_pointer_] = line;
  }

  void set(OrderedJson& target, const std::string& pointer, std::string_view member,
           OrderedJson value, bool list, std::size_t line) {
    const std::string key(member);
    const std::string at = json::pointer_append(pointer, key);
    if (list) {
      if (!target.contains(key)) {
        target[key] = OrderedJson::array();
      }
      lines_[json::pointer_append(at, target[key].size())] = line;
      if (target[key].empty()) {
        lines_[at] = line;
      }
      target[key].push_back(std::move(value));
      return;
    }
    target[key] = std::move(value);
    lines_[at] = line;
  }

  static OrderedJson checksum(std::string_view value) {
    OrderedJson out = OrderedJson::object();
    const std::size_t colon = value.find(':');
    out["algorithm"] = std::string(trim(value.substr(0, colon)));
    out["checksumValue"] =
        colon == std::string_view::npos ? "" : std::string(trim(value.substr(colon + 1)));
    return out;
  }

  void apply(const std::string& tag, std::string value, std::size_t line, DiagnosticSink& sink) {
    if (tag == "PackageName") {
      start(Section::kPackage, "packages", line);
    } else if (tag == "FileName") {
      start(Section::kFile, "files", line);
    } else if (tag == "SnippetSPDXID") {
      start(Section::kSnippet, "snippets", line);
      set(current(), current_pointer_, "SPDXID", value, false, line);
      return;
    } else if (tag == "LicenseID") {
      start(Section::kLicense, "hasExtractedLicensingInfos", line);
      set(current(), current_pointer_, "licenseId", value, false, line);
      return;
    }
    for (const TagTarget& target : kSimpleTags) {
      if (target.tag == tag) {
        if (target.section == Section::kDocument) {
          set(document_, "", target.member, value, target.list, line);
        } else if (target.section == section_) {
          set(current(), current_pointer_, target.member, value, target.list, line);
        } else {
          sink.error("SPDX-TAG-PLACE",
                     "tag " + quote(tag, 40) + " belongs in a " + section_name(target.section) +
                         " section, but appears in a " + section_name(section_) + " section",
                     text_location(source_, line));
        }
        return;
      }
    }
    if (tag == "SPDXID") {
      if (section_ == Section::kDocument) {
        set(document_, "", "SPDXID", value, false, line);
      } else {
        set(current(), current_pointer_, "SPDXID", value, false, line);
      }
    } else if (tag == "Creator" || tag == "Created" || tag == "CreatorComment" ||
               tag == "LicenseListVersion") {
      if (!document_.contains("creationInfo")) {
        document_["creationInfo"] = OrderedJson::object();
      }
      const std::string_view member = tag == "Creator"          ? "creators"
                                      : tag == "Created"        ? "created"
                                      : tag == "CreatorComment" ? "comment"
                                                                : "licenseListVersion";
      set(document_["creationInfo"], "/creationInfo", member, value, tag == "Creator", line);
    } else if (tag == "ExternalDocumentRef") {
      // "DocumentRef-x <uri> SHA1: <hex>"
      const std::vector<std::string_view> parts = split(value, ' ');
      OrderedJson reference = OrderedJson::object();
      std::vector<std::string_view> words;
      for (const std::string_view part : parts) {
        if (!part.empty()) {
          words.push_back(part);
        }
      }
      reference["externalDocumentId"] = words.size() > 0 ? std::string(words[0]) : "";
      reference["spdxDocument"] = words.size() > 1 ? std::string(words[1]) : "";
      std::string rest;
      for (std::size_t index = 2; index < words.size(); ++index) {
        rest += std::string(words[index]) + " ";
      }
      reference["checksum"] = checksum(rest);
      set(document_, "", "externalDocumentRefs", std::move(reference), true, line);
    } else if (tag == "PackageChecksum" || tag == "FileChecksum") {
      const Section wanted = tag == "PackageChecksum" ? Section::kPackage : Section::kFile;
      if (section_ != wanted) {
        sink.error("SPDX-TAG-PLACE", "tag " + quote(tag, 40) + " appears outside its section",
                   text_location(source_, line));
        return;
      }
      set(current(), current_pointer_, "checksums", checksum(value), true, line);
    } else if (tag == "PackageVerificationCode") {
      if (section_ != Section::kPackage) {
        return;
      }
      OrderedJson code = OrderedJson::object();
      const std::size_t open = value.find('(');
      code["packageVerificationCodeValue"] = std::string(trim(value.substr(0, open)));
      if (open != std::string::npos) {
        std::string_view excluded = value;
        excluded = excluded.substr(open + 1);
        if (!excluded.empty() && excluded.back() == ')') {
          excluded.remove_suffix(1);
        }
        const std::size_t excludes = excluded.find("excludes:");
        if (excludes != std::string_view::npos) {
          excluded = excluded.substr(excludes + 9);
        }
        code["packageVerificationCodeExcludedFiles"] =
            OrderedJson::array({std::string(trim(excluded))});
      }
      set(current(), current_pointer_, "packageVerificationCode", std::move(code), false, line);
    } else if (tag == "FilesAnalyzed") {
      if (section_ == Section::kPackage) {
        set(current(), current_pointer_, "filesAnalyzed", ascii_lower(value) == "true", false,
            line);
      }
    } else if (tag == "ExternalRef") {
      if (section_ != Section::kPackage) {
        return;
      }
      std::vector<std::string_view> words;
      for (const std::string_view part : split(value, ' ')) {
        if (!part.empty()) {
          words.push_back(part);
        }
      }
      OrderedJson reference = OrderedJson::object();
      reference["referenceCategory"] = words.size() > 0 ? std::string(words[0]) : "";
      reference["referenceType"] = words.size() > 1 ? std::string(words[1]) : "";
      reference["referenceLocator"] = words.size() > 2 ? std::string(words[2]) : "";
      set(current(), current_pointer_, "externalRefs", std::move(reference), true, line);
    } else if (tag == "ExternalRefComment") {
      if (section_ == Section::kPackage && current().contains("externalRefs")) {
        current()["externalRefs"].back()["comment"] = value;
      }
    } else if (tag == "SnippetByteRange" || tag == "SnippetLineRange") {
      if (section_ != Section::kSnippet) {
        return;
      }
      const std::size_t colon = value.find(':');
      const std::string_view unit = tag == "SnippetByteRange" ? "offset" : "lineNumber";
      const auto number = [](std::string_view digits) -> OrderedJson {
        const std::optional<std::uint64_t> parsed = parse_uint64(trim(digits));
        return parsed ? OrderedJson(*parsed) : OrderedJson(std::string(digits));
      };
      OrderedJson range = OrderedJson::object();
      const std::string from = current().value("snippetFromFile", std::string());
      range["startPointer"] = {{std::string(unit), number(value.substr(0, colon))},
                               {"reference", from}};
      range["endPointer"] = {
          {std::string(unit),
           number(colon == std::string::npos ? "" : std::string_view(value).substr(colon + 1))},
          {"reference", from}};
      set(current(), current_pointer_, "ranges", std::move(range), true, line);
    } else if (tag == "Relationship") {
      std::vector<std::string_view> words;
      for (const std::string_view part : split(value, ' ')) {
        if (!part.empty()) {
          words.push_back(part);
        }
      }
      OrderedJson relationship = OrderedJson::object();
      relationship["spdxElementId"] = words.size() > 0 ? std::string(words[0]) : "";
      relationship["relationshipType"] = words.size() > 1 ? std::string(words[1]) : "";
      relationship["relatedSpdxElement"] = words.size() > 2 ? std::string(words[2]) : "";
      if (words.size() != 3) {
        sink.error("SPDX-TAG-SYNTAX",
                   "Relationship must be \"<element> <TYPE> <element>\", found " + quote(value, 80),
                   text_location(source_, line));
      }
      set(document_, "", "relationships", std::move(relationship), true, line);
    } else if (tag == "RelationshipComment") {
      if (document_.contains("relationships")) {
        document_["relationships"].back()["comment"] = value;
      }
    } else if (tag == "Annotator") {
      OrderedJson annotation = OrderedJson::object();
      annotation["annotator"] = value;
      set(document_, "", "annotations", std::move(annotation), true, line);
    } else if (tag == "AnnotationDate" || tag == "AnnotationType" || tag == "AnnotationComment") {
      if (document_.contains("annotations")) {
        const std::string member = tag == "AnnotationDate"   ? "annotationDate"
                                   : tag == "AnnotationType" ? "annotationType"
                                                             : "comment";
        document_["annotations"].back()[member] = value;
      }
    } else if (tag == "SPDXREF") {
      // The element an annotation is about; annotations are kept at document level.
    } else if (tag == "Reviewer" || tag == "ReviewDate" || tag == "ReviewComment") {
      if (tag == "Reviewer" || !document_.contains("revieweds")) {
        set(document_, "", "revieweds", OrderedJson::object(), true, line);
      }
      const std::string member = tag == "Reviewer"     ? "reviewer"
                                 : tag == "ReviewDate" ? "reviewDate"
                                                       : "comment";
      document_["revieweds"].back()[member] = value;
    } else {
      sink.error("SPDX-TAG-UNKNOWN", "unknown tag " + quote(tag, 40) + " (tags are case-sensitive)",
                 text_location(source_, line));
    }
  }

  static std::string section_name(Section section) {
    switch (section) {
      case Section::kDocument:
        return "document";
      case Section::kPackage:
        return "package";
      case Section::kFile:
        return "file";
      case Section::kSnippet:
        return "snippet";
      case Section::kLicense:
        return "extracted licence";
    }
    return "document";
  }

  std::string_view text_;
  std::string_view source_;
  InputLimits limits_;
  OrderedJson document_;
  Section section_ = Section::kDocument;
  std::string current_pointer_;
  std::map<std::string, std::size_t> lines_;
};

Result<Parsed<model::Sbom>> read_or_validate(std::string_view text, std::string_view source,
                                             const InputLimits& limits, bool validate) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "document is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes) + " bytes",
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const LineColumn position = line_column_at(text, *bad);
    return fail(ErrorCode::kInvalidInput,
                "invalid UTF-8 at byte offset " + std::to_string(*bad) + "; SBOMs must be UTF-8",
                text_location(source, position.line, position.column));
  }
  TagValueConverter converter(text, source, limits);
  DiagnosticSink sink;
  ASSAY_TRY(const OrderedJson converted, converter.convert(sink));
  if (!converted.contains("spdxVersion")) {
    return fail(ErrorCode::kInvalidInput, "not SPDX tag-value: there is no \"SPDXVersion:\" line",
                std::string(source));
  }
  const std::string as_json = converted.dump();
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  InputLimits converted_limits = limits;
  converted_limits.max_bytes = std::max<std::uint64_t>(limits.max_bytes, as_json.size());
  ASSAY_TRY(const simdjson::dom::element root,
            internal::parse_json_dom(parser, padded, as_json, source, converted_limits));
  const internal::SpdxLocator where = [&converter](std::string_view pointer) {
    return converter.locate(pointer);
  };
  if (validate) {
    std::string version = converted.value("spdxVersion", std::string());
    if (version.rfind("SPDX-", 0) == 0) {
      version = version.substr(5);
    }
    internal::check_spdx2_structure(root, version == "2.2" ? "2.2" : "2.3", where, sink);
    const std::string created = converted.contains("creationInfo")
                                    ? converted["creationInfo"].value("created", std::string())
                                    : std::string();
    const std::string problem = created.empty() ? "" : check_string_format("date-time", created);
    if (!problem.empty()) {
      sink.error("SPDX-CREATED", "Created " + problem, where("/creationInfo/created"));
    }
  }
  Parsed<model::Sbom> parsed;
  parsed.value = internal::map_spdx2(root, model::SbomFormat::kSpdxTagValue, where, source, sink);
  parsed.diagnostics = sink.take();
  if (!validate) {
    // Reading is tolerant: line-syntax problems stay warnings unless validating.
    for (Diagnostic& diagnostic : parsed.diagnostics) {
      if (diagnostic.code.rfind("SPDX-TAG", 0) == 0) {
        diagnostic.severity = Severity::kWarning;
      }
    }
  }
  return parsed;
}

}  // namespace

Result<Parsed<model::Sbom>> read_spdx_tag_value(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  return read_or_validate(text, source, limits, false);
}

Result<Parsed<model::Sbom>> validate_spdx_tag_value(std::string_view text, std::string_view source,
                                                    const InputLimits& limits) {
  return read_or_validate(text, source, limits, true);
}

}  // namespace assay::formats
