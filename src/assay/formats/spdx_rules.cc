// The structural rules of the official SPDX 2.2 and 2.3 JSON schemas (spdx/spdx-spec
// schemas/spdx-schema.json), written as tables: no npm package ships those schemas, so they
// cannot be embedded at build time. spdx_schema_test.cc checks these rules against the official
// schemas in the shared SPDX data on every example document.
#include <algorithm>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/spdx_internal.h"

namespace assay::formats::internal {
namespace {

enum class Kind { kString, kBool, kInteger, kObject, kStringArray, kObjectArray };

constexpr unsigned kV22 = 1;
constexpr unsigned kV23 = 2;
constexpr unsigned kBoth = kV22 | kV23;

struct Shape;

struct Field {
  std::string_view name;
  Kind kind;
  const Shape* shape = nullptr;              // for kObject / kObjectArray
  const std::string_view* values = nullptr;  // enum (strings, or array items)
  std::size_t value_count = 0;
  unsigned versions = kBoth;  // where the member exists
  unsigned required = 0;      // where it is required
  std::size_t min_items = 0;
};

struct Shape {
  std::string_view what;  // "package", for messages
  const Field* fields;
  std::size_t field_count;
};

template <std::size_t N>
constexpr Shape make_shape(std::string_view what, const Field (&fields)[N]) {
  return Shape{what, fields, N};
}

constexpr std::string_view kAlgorithms22[] = {"SHA1", "SHA224", "SHA256", "SHA384", "SHA512",
                                              "MD2",  "MD4",    "MD5",    "MD6"};
constexpr std::string_view kAlgorithms23[] = {
    "SHA1",        "SHA224",      "SHA256",      "SHA384",   "SHA512",   "MD2",
    "MD4",         "MD5",         "MD6",         "SHA3-256", "SHA3-384", "SHA3-512",
    "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3",   "ADLER32"};
constexpr std::string_view kAnnotationTypes[] = {"OTHER", "REVIEW"};
constexpr std::string_view kReferenceCategories[] = {
    "OTHER", "PERSISTENT-ID", "PERSISTENT_ID", "SECURITY", "PACKAGE-MANAGER", "PACKAGE_MANAGER"};
constexpr std::string_view kPurposes[] = {
    "OTHER",   "INSTALL",   "ARCHIVE", "FIRMWARE", "APPLICATION",      "FRAMEWORK",
    "LIBRARY", "CONTAINER", "SOURCE",  "DEVICE",   "OPERATING_SYSTEM", "FILE"};
constexpr std::string_view kFileTypes[] = {"OTHER",   "DOCUMENTATION", "IMAGE",       "VIDEO",
                                           "ARCHIVE", "SPDX",          "APPLICATION", "SOURCE",
                                           "BINARY",  "TEXT",          "AUDIO"};
constexpr std::string_view kRelationshipTypes[] = {"VARIANT_OF",
                                                   "COPY_OF",
                                                   "PATCH_FOR",
                                                   "TEST_DEPENDENCY_OF",
                                                   "CONTAINED_BY",
                                                   "DATA_FILE_OF",
                                                   "OPTIONAL_COMPONENT_OF",
                                                   "ANCESTOR_OF",
                                                   "GENERATES",
                                                   "CONTAINS",
                                                   "OPTIONAL_DEPENDENCY_OF",
                                                   "FILE_ADDED",
                                                   "DEV_DEPENDENCY_OF",
                                                   "DEPENDENCY_OF",
                                                   "BUILD_DEPENDENCY_OF",
                                                   "DESCRIBES",
                                                   "PREREQUISITE_FOR",
                                                   "HAS_PREREQUISITE",
                                                   "PROVIDED_DEPENDENCY_OF",
                                                   "DYNAMIC_LINK",
                                                   "DESCRIBED_BY",
                                                   "METAFILE_OF",
                                                   "DEPENDENCY_MANIFEST_OF",
                                                   "PATCH_APPLIED",
                                                   "RUNTIME_DEPENDENCY_OF",
                                                   "TEST_OF",
                                                   "TEST_TOOL_OF",
                                                   "DEPENDS_ON",
                                                   "FILE_MODIFIED",
                                                   "DISTRIBUTION_ARTIFACT",
                                                   "AMENDS",
                                                   "DOCUMENTATION_OF",
                                                   "GENERATED_FROM",
                                                   "STATIC_LINK",
                                                   "OTHER",
                                                   "BUILD_TOOL_OF",
                                                   "TEST_CASE_OF",
                                                   "PACKAGE_OF",
                                                   "DESCENDANT_OF",
                                                   "EXPANDED_FROM_ARCHIVE",
                                                   "EXAMPLE_OF",
                                                   "DEV_TOOL_OF",
                                                   "REQUIREMENT_DESCRIPTION_FOR",
                                                   "SPECIFICATION_FOR"};
// REQUIREMENT_DESCRIPTION_FOR and SPECIFICATION_FOR are 2.3 only; checked separately.

#define ASSAY_ENUM(values) values, std::size(values)

constexpr Field kChecksumFields[] = {
    {"algorithm", Kind::kString, nullptr, ASSAY_ENUM(kAlgorithms23), kBoth, kBoth},
    {"checksumValue", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kChecksum = make_shape("checksum", kChecksumFields);

constexpr Field kAnnotationFields[] = {
    {"annotationDate", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"annotationType", Kind::kString, nullptr, ASSAY_ENUM(kAnnotationTypes), kBoth, kBoth},
    {"annotator", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"comment", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kAnnotation = make_shape("annotation", kAnnotationFields);

constexpr Field kCreationInfoFields[] = {
    {"comment", Kind::kString},
    {"created", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"creators", Kind::kStringArray, nullptr, nullptr, 0, kBoth, kBoth, 1},
    {"licenseListVersion", Kind::kString}};
constexpr Shape kCreationInfo = make_shape("creationInfo", kCreationInfoFields);

constexpr Field kExternalDocumentRefFields[] = {
    {"checksum", Kind::kObject, &kChecksum, nullptr, 0, kBoth, kBoth},
    {"externalDocumentId", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"spdxDocument", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kExternalDocumentRef =
    make_shape("external document ref", kExternalDocumentRefFields);

constexpr Field kCrossRefFields[] = {{"isLive", Kind::kBool},
                                     {"isValid", Kind::kBool},
                                     {"isWayBackLink", Kind::kBool},
                                     {"match", Kind::kString},
                                     {"order", Kind::kInteger},
                                     {"timestamp", Kind::kString},
                                     {"url", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kCrossRef = make_shape("crossRef", kCrossRefFields);

constexpr Field kExtractedLicenseFields[] = {
    {"comment", Kind::kString},
    {"crossRefs", Kind::kObjectArray, &kCrossRef},
    {"extractedText", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"licenseId", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"name", Kind::kString},
    {"seeAlsos", Kind::kStringArray}};
constexpr Shape kExtractedLicense = make_shape("extracted licensing info", kExtractedLicenseFields);

constexpr Field kReviewFields[] = {{"comment", Kind::kString},
                                   {"reviewDate", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
                                   {"reviewer", Kind::kString}};
constexpr Shape kReview = make_shape("review", kReviewFields);

constexpr Field kExternalRefFields[] = {
    {"comment", Kind::kString},
    {"referenceCategory", Kind::kString, nullptr, ASSAY_ENUM(kReferenceCategories), kBoth, kBoth},
    {"referenceLocator", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"referenceType", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kExternalRef = make_shape("external ref", kExternalRefFields);

constexpr Field kVerificationCodeFields[] = {
    {"packageVerificationCodeExcludedFiles", Kind::kStringArray},
    {"packageVerificationCodeValue", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kVerificationCode =
    make_shape("package verification code", kVerificationCodeFields);

constexpr Field kPackageFields[] = {
    {"SPDXID", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"annotations", Kind::kObjectArray, &kAnnotation},
    {"attributionTexts", Kind::kStringArray},
    {"builtDate", Kind::kString, nullptr, nullptr, 0, kV23},
    {"checksums", Kind::kObjectArray, &kChecksum},
    {"comment", Kind::kString},
    {"copyrightText", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"description", Kind::kString},
    {"downloadLocation", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"externalRefs", Kind::kObjectArray, &kExternalRef},
    {"filesAnalyzed", Kind::kBool},
    {"hasFiles", Kind::kStringArray},
    {"homepage", Kind::kString},
    {"licenseComments", Kind::kString},
    {"licenseConcluded", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"licenseDeclared", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"licenseInfoFromFiles", Kind::kStringArray},
    {"name", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"originator", Kind::kString},
    {"packageFileName", Kind::kString},
    {"packageVerificationCode", Kind::kObject, &kVerificationCode},
    {"primaryPackagePurpose", Kind::kString, nullptr, ASSAY_ENUM(kPurposes), kV23},
    {"releaseDate", Kind::kString, nullptr, nullptr, 0, kV23},
    {"sourceInfo", Kind::kString},
    {"summary", Kind::kString},
    {"supplier", Kind::kString},
    {"validUntilDate", Kind::kString, nullptr, nullptr, 0, kV23},
    {"versionInfo", Kind::kString}};
constexpr Shape kPackage = make_shape("package", kPackageFields);

constexpr Field kFileFields[] = {
    {"SPDXID", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"annotations", Kind::kObjectArray, &kAnnotation},
    {"artifactOfs", Kind::kObjectArray},
    {"attributionTexts", Kind::kStringArray},
    {"checksums", Kind::kObjectArray, &kChecksum, nullptr, 0, kBoth, kBoth},
    {"comment", Kind::kString},
    {"copyrightText", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"fileContributors", Kind::kStringArray},
    {"fileDependencies", Kind::kStringArray},
    {"fileName", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"fileTypes", Kind::kStringArray, nullptr, ASSAY_ENUM(kFileTypes)},
    {"licenseComments", Kind::kString},
    {"licenseConcluded", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"licenseInfoInFiles", Kind::kStringArray, nullptr, nullptr, 0, kBoth, kV22},
    {"noticeText", Kind::kString}};
constexpr Shape kFile = make_shape("file", kFileFields);

constexpr Field kPointerFields[] = {{"reference", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
                                    {"offset", Kind::kInteger},
                                    {"lineNumber", Kind::kInteger}};
constexpr Shape kPointer = make_shape("pointer", kPointerFields);

constexpr Field kRangeFields[] = {
    {"endPointer", Kind::kObject, &kPointer, nullptr, 0, kBoth, kBoth},
    {"startPointer", Kind::kObject, &kPointer, nullptr, 0, kBoth, kBoth}};
constexpr Shape kRange = make_shape("range", kRangeFields);

constexpr Field kSnippetFields[] = {
    {"SPDXID", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"annotations", Kind::kObjectArray, &kAnnotation},
    {"attributionTexts", Kind::kStringArray},
    {"comment", Kind::kString},
    {"copyrightText", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"licenseComments", Kind::kString},
    {"licenseConcluded", Kind::kString, nullptr, nullptr, 0, kBoth, kV22},
    {"licenseInfoInSnippets", Kind::kStringArray},
    {"name", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"ranges", Kind::kObjectArray, &kRange, nullptr, 0, kBoth, kBoth},
    {"snippetFromFile", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth}};
constexpr Shape kSnippet = make_shape("snippet", kSnippetFields);

constexpr Field kRelationshipFields[] = {
    {"spdxElementId", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"comment", Kind::kString},
    {"relatedSpdxElement", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"relationshipType", Kind::kString, nullptr, ASSAY_ENUM(kRelationshipTypes), kBoth, kBoth}};
constexpr Shape kRelationship = make_shape("relationship", kRelationshipFields);

constexpr Field kDocumentFields[] = {
    {"$schema", Kind::kString, nullptr, nullptr, 0, kV23},
    {"SPDXID", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"annotations", Kind::kObjectArray, &kAnnotation},
    {"comment", Kind::kString},
    {"creationInfo", Kind::kObject, &kCreationInfo, nullptr, 0, kBoth, kBoth},
    {"dataLicense", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"externalDocumentRefs", Kind::kObjectArray, &kExternalDocumentRef},
    {"hasExtractedLicensingInfos", Kind::kObjectArray, &kExtractedLicense},
    {"name", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"revieweds", Kind::kObjectArray, &kReview},
    {"spdxVersion", Kind::kString, nullptr, nullptr, 0, kBoth, kBoth},
    {"documentNamespace", Kind::kString, nullptr, nullptr, 0, kBoth, kV23},
    {"documentDescribes", Kind::kStringArray},
    {"packages", Kind::kObjectArray, &kPackage},
    {"files", Kind::kObjectArray, &kFile},
    {"snippets", Kind::kObjectArray, &kSnippet},
    {"relationships", Kind::kObjectArray, &kRelationship}};
constexpr Shape kDocument = make_shape("document", kDocumentFields);

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kString:
      return "a string";
    case Kind::kBool:
      return "true or false";
    case Kind::kInteger:
      return "an integer";
    case Kind::kObject:
      return "an object";
    case Kind::kStringArray:
      return "an array of strings";
    case Kind::kObjectArray:
      return "an array of objects";
  }
  return "a value";
}

std::string_view type_of(simdjson::dom::element element) {
  switch (element.type()) {
    case simdjson::dom::element_type::ARRAY:
      return "an array";
    case simdjson::dom::element_type::OBJECT:
      return "an object";
    case simdjson::dom::element_type::STRING:
      return "a string";
    case simdjson::dom::element_type::BOOL:
      return "a boolean";
    case simdjson::dom::element_type::NULL_VALUE:
      return "null";
    default:
      return "a number";
  }
}

class StructureChecker {
 public:
  StructureChecker(unsigned version, const SpdxLocator& where, DiagnosticSink& sink)
      : version_(version), where_(where), sink_(sink) {}

  void check_object(simdjson::dom::element element, const Shape& shape,
                    const std::string& pointer) {
    simdjson::dom::object object;
    if (element.get_object().get(object) != simdjson::SUCCESS) {
      error(pointer,
            std::string(shape.what) + " must be an object, found " + std::string(type_of(element)));
      return;
    }
    for (const simdjson::dom::key_value_pair member : object) {
      const Field* field = find(shape, member.key);
      const std::string child = json::pointer_append(pointer, member.key);
      if (field == nullptr || (field->versions & version_) == 0) {
        error(child, "member " + quote(member.key, 60) + " is not allowed in an SPDX " +
                         version_name() + " " + std::string(shape.what) +
                         (field != nullptr ? " (it was added in SPDX 2.3)" : ""));
        continue;
      }
      check_value(member.value, *field, child);
    }
    for (std::size_t index = 0; index < shape.field_count; ++index) {
      const Field& field = shape.fields[index];
      if ((field.required & version_) == 0) {
        continue;
      }
      simdjson::dom::element unused;
      if (object.at_key(field.name).get(unused) != simdjson::SUCCESS) {
        error(pointer, std::string(shape.what) + " is missing the required member \"" +
                           std::string(field.name) + "\"");
      }
    }
  }

 private:
  static const Field* find(const Shape& shape, std::string_view name) {
    for (std::size_t index = 0; index < shape.field_count; ++index) {
      if (shape.fields[index].name == name) {
        return &shape.fields[index];
      }
    }
    return nullptr;
  }

  std::string version_name() const { return version_ == kV22 ? "2.2" : "2.3"; }

  void error(const std::string& pointer, std::string message) {
    sink_.error("SPDX-SCHEMA", std::move(message), where_(pointer));
  }

  void check_enum(std::string_view value, const Field& field, const std::string& pointer) {
    if (field.values == nullptr) {
      return;
    }
    const std::string_view* begin = field.values;
    const std::string_view* end = field.values + field.value_count;
    bool allowed = std::find(begin, end, value) != end;
    if (allowed && version_ == kV22 && field.values == kAlgorithms23) {
      allowed = std::find(std::begin(kAlgorithms22), std::end(kAlgorithms22), value) !=
                std::end(kAlgorithms22);
    }
    if (allowed && version_ == kV22 &&
        (value == "REQUIREMENT_DESCRIPTION_FOR" || value == "SPECIFICATION_FOR")) {
      allowed = false;
    }
    if (!allowed) {
      error(pointer, quote(value, 60) + " is not a valid " + std::string(field.name) + " in SPDX " +
                         version_name());
    }
  }

  void check_value(simdjson::dom::element value, const Field& field, const std::string& pointer) {
    const auto type = value.type();
    switch (field.kind) {
      case Kind::kString: {
        std::string_view text;
        if (value.get_string().get(text) != simdjson::SUCCESS) {
          break;
        }
        check_enum(text, field, pointer);
        return;
      }
      case Kind::kBool:
        if (type == simdjson::dom::element_type::BOOL) {
          return;
        }
        break;
      case Kind::kInteger:
        if (type == simdjson::dom::element_type::INT64 ||
            type == simdjson::dom::element_type::UINT64) {
          return;
        }
        break;
      case Kind::kObject:
        if (type == simdjson::dom::element_type::OBJECT) {
          if (field.shape != nullptr) {
            check_object(value, *field.shape, pointer);
          }
          return;
        }
        break;
      case Kind::kStringArray:
      case Kind::kObjectArray: {
        simdjson::dom::array array;
        if (value.get_array().get(array) != simdjson::SUCCESS) {
          break;
        }
        if (array.size() < field.min_items) {
          error(pointer, std::string(field.name) + " must have at least " +
                             std::to_string(field.min_items) + " entry");
        }
        std::size_t index = 0;
        for (const simdjson::dom::element item : array) {
          const std::string child = json::pointer_append(pointer, index++);
          if (field.kind == Kind::kStringArray) {
            std::string_view text;
            if (item.get_string().get(text) != simdjson::SUCCESS) {
              error(child, "expected a string, found " + std::string(type_of(item)));
            } else {
              check_enum(text, field, child);
            }
          } else if (item.type() != simdjson::dom::element_type::OBJECT) {
            error(child, "expected an object, found " + std::string(type_of(item)));
          } else if (field.shape != nullptr) {
            check_object(item, *field.shape, child);
          }
        }
        return;
      }
    }
    error(pointer, std::string(field.name) + " must be " + std::string(kind_name(field.kind)) +
                       ", found " + std::string(type_of(value)));
  }

  unsigned version_;
  const SpdxLocator& where_;
  DiagnosticSink& sink_;
};

}  // namespace

void check_spdx2_structure(simdjson::dom::element root, std::string_view version,
                           const SpdxLocator& where, DiagnosticSink& sink) {
  StructureChecker checker(version == "2.2" ? kV22 : kV23, where, sink);
  checker.check_object(root, kDocument, "");
}

}  // namespace assay::formats::internal
