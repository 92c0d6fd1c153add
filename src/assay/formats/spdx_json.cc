// SPDX 2.2/2.3 JSON: a simdjson DOM mapped to the model, plus validation with the structural
// rules of spdx_rules.cc. The tag-value reader converts to the same JSON shape and reuses this.
#include <unordered_set>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/sbom_common.h"
#include "assay/formats/schema.h"
#include "assay/formats/spdx.h"
#include "assay/formats/spdx_internal.h"

namespace assay::formats::internal {
namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string string_at(element parent, std::string_view key) {
  std::string_view text;
  if (parent.at_key(key).get_string().get(text) != simdjson::SUCCESS) {
    return {};
  }
  return std::string(text);
}

template <typename Fn>
void each(element parent, std::string_view key, Fn&& fn) {
  array items;
  if (parent.at_key(key).get_array().get(items) != simdjson::SUCCESS) {
    return;
  }
  std::size_t index = 0;
  for (const element item : items) {
    fn(item, index++);
  }
}

std::vector<std::string> strings_at(element parent, std::string_view key) {
  std::vector<std::string> out;
  each(parent, key, [&](element item, std::size_t) {
    std::string_view text;
    if (item.get_string().get(text) == simdjson::SUCCESS) {
      out.emplace_back(text);
    }
  });
  return out;
}

bool is_unset(std::string_view value) {
  return value.empty() || value == "NOASSERTION" || value == "NONE";
}

// "Organization: ACME Ltd (security@acme.example)" -> name and e-mail.
model::Contact parse_agent(std::string_view text, std::string* kind) {
  model::Contact contact;
  const std::size_t colon = text.find(':');
  std::string_view rest = text;
  if (colon != std::string_view::npos) {
    if (kind != nullptr) {
      *kind = std::string(trim(text.substr(0, colon)));
    }
    rest = text.substr(colon + 1);
  }
  rest = trim(rest);
  const std::size_t open = rest.rfind('(');
  if (open != std::string_view::npos && rest.back() == ')') {
    contact.email = std::string(trim(rest.substr(open + 1, rest.size() - open - 2)));
    rest = trim(rest.substr(0, open));
  }
  contact.name = std::string(rest);
  return contact;
}

model::Organization organization_from(std::string_view text) {
  model::Organization organization;
  if (is_unset(text)) {
    return organization;
  }
  model::Contact contact = parse_agent(text, nullptr);
  organization.name = contact.name;
  if (!contact.email.empty()) {
    contact.name.clear();
    organization.contacts.push_back(std::move(contact));
  }
  return organization;
}

model::Hash hash_from(element checksum) {
  model::Hash hash;
  hash.algorithm = normalize_hash_algorithm(string_at(checksum, "algorithm"));
  hash.value = ascii_lower(string_at(checksum, "checksumValue"));
  return hash;
}

void add_license(std::vector<model::License>& licenses, std::string_view value,
                 std::string_view acknowledgement) {
  if (is_unset(value)) {
    return;
  }
  model::License license;
  const bool simple =
      value.find(' ') == std::string_view::npos && value.find('(') == std::string_view::npos;
  license.kind = simple ? model::License::Kind::kId : model::License::Kind::kExpression;
  license.value = std::string(value);
  license.acknowledgement = std::string(acknowledgement);
  licenses.push_back(std::move(license));
}

model::ComponentType type_from_purpose(std::string_view purpose) {
  using model::ComponentType;
  if (purpose == "APPLICATION") {
    return ComponentType::kApplication;
  }
  if (purpose == "FRAMEWORK") {
    return ComponentType::kFramework;
  }
  if (purpose == "CONTAINER") {
    return ComponentType::kContainer;
  }
  if (purpose == "OPERATING_SYSTEM") {
    return ComponentType::kOperatingSystem;
  }
  if (purpose == "DEVICE") {
    return ComponentType::kDevice;
  }
  if (purpose == "FIRMWARE") {
    return ComponentType::kFirmware;
  }
  if (purpose == "FILE") {
    return ComponentType::kFile;
  }
  if (purpose == "SOURCE") {
    return ComponentType::kSource;
  }
  if (purpose == "ARCHIVE") {
    return ComponentType::kArchive;
  }
  if (purpose == "INSTALL") {
    return ComponentType::kInstall;
  }
  if (purpose == "OTHER") {
    return ComponentType::kOther;
  }
  return ComponentType::kLibrary;
}

struct RelationshipMapping {
  std::string_view spdx;
  model::RelationshipType type;
  bool inverted;  // the SPDX element is the target of the model edge
};

constexpr RelationshipMapping kRelationships[] = {
    {"DEPENDS_ON", model::RelationshipType::kDependsOn, false},
    {"DEPENDENCY_OF", model::RelationshipType::kDependsOn, true},
    {"RUNTIME_DEPENDENCY_OF", model::RelationshipType::kDependsOn, true},
    {"BUILD_DEPENDENCY_OF", model::RelationshipType::kDependsOn, true},
    {"PROVIDED_DEPENDENCY_OF", model::RelationshipType::kDependsOn, true},
    {"TEST_DEPENDENCY_OF", model::RelationshipType::kDependsOn, true},
    {"STATIC_LINK", model::RelationshipType::kDependsOn, false},
    {"DYNAMIC_LINK", model::RelationshipType::kDependsOn, false},
    {"HAS_PREREQUISITE", model::RelationshipType::kDependsOn, false},
    {"PREREQUISITE_FOR", model::RelationshipType::kDependsOn, true},
    {"CONTAINS", model::RelationshipType::kContains, false},
    {"CONTAINED_BY", model::RelationshipType::kContains, true},
    {"PACKAGE_OF", model::RelationshipType::kContains, true},
    {"DESCRIBES", model::RelationshipType::kDescribes, false},
    {"DESCRIBED_BY", model::RelationshipType::kDescribes, true},
    {"GENERATED_FROM", model::RelationshipType::kGeneratedFrom, false},
    {"GENERATES", model::RelationshipType::kGeneratedFrom, true},
    {"BUILD_TOOL_OF", model::RelationshipType::kBuildToolOf, false},
    {"DEV_DEPENDENCY_OF", model::RelationshipType::kDevDependencyOf, false},
    {"OPTIONAL_DEPENDENCY_OF", model::RelationshipType::kOptionalDependencyOf, false},
};

}  // namespace

Result<element> parse_json_dom(simdjson::dom::parser& parser, simdjson::padded_string& padded,
                               std::string_view text, std::string_view source,
                               const InputLimits& limits) {
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
  padded = simdjson::padded_string(text);
  element root;
  simdjson::error_code error =
      parser.allocate(padded.size(), std::max<std::size_t>(limits.max_depth, 2) + 1);
  if (error == simdjson::SUCCESS) {
    error = parser.parse(padded).get(root);
  }
  if (error != simdjson::SUCCESS) {
    std::string message = std::string("malformed JSON: ") + simdjson::error_message(error);
    if (error == simdjson::DEPTH_ERROR) {
      message = "JSON is nested more than " + std::to_string(limits.max_depth) + " levels deep";
    }
    // simdjson's DOM reports no position; nlohmann finds it for the message.
    const Result<json::Json> located_error = json::parse(text, source, limits);
    if (!located_error) {
      return fail(located_error.error());
    }
    return fail(ErrorCode::kInvalidInput, message, std::string(source));
  }
  if (root.type() != simdjson::dom::element_type::OBJECT) {
    return fail(ErrorCode::kInvalidInput, "an SPDX JSON document must be a JSON object",
                std::string(source));
  }
  return root;
}

model::Sbom map_spdx2(element root, model::SbomFormat format, const SpdxLocator& where,
                      std::string_view source, DiagnosticSink& sink) {
  model::Sbom sbom;
  model::SbomMetadata& metadata = sbom.metadata;
  metadata.format = format;
  std::string version = string_at(root, "spdxVersion");
  if (version.rfind("SPDX-", 0) == 0) {
    version = version.substr(5);
  }
  metadata.spec_version = version;
  metadata.serial_number = string_at(root, "documentNamespace");
  metadata.name = string_at(root, "name");
  add_license(metadata.data_licenses, string_at(root, "dataLicense"), "");
  element creation;
  if (root.at_key("creationInfo").get(creation) == simdjson::SUCCESS) {
    metadata.timestamp = string_at(creation, "created");
    for (const std::string& creator : strings_at(creation, "creators")) {
      metadata.creators.push_back(creator);
      std::string kind;
      model::Contact contact = parse_agent(creator, &kind);
      if (kind == "Tool") {
        model::Tool tool;
        // "Tool: name-1.2.3": the version follows the last '-' when it starts with a digit.
        const std::size_t dash = contact.name.rfind('-');
        if (dash != std::string::npos && dash + 1 < contact.name.size() &&
            is_ascii_digit(contact.name[dash + 1])) {
          tool.name = contact.name.substr(0, dash);
          tool.version = contact.name.substr(dash + 1);
        } else {
          tool.name = contact.name;
        }
        metadata.tools.push_back(std::move(tool));
      } else if (kind == "Person" || kind == "Organization") {
        metadata.authors.push_back(std::move(contact));
      }
    }
  }

  each(root, "packages", [&](element package, std::size_t index) {
    model::Component component;
    const std::string pointer = json::pointer_append("/packages", index);
    component.source_location = where(pointer);
    component.ref = string_at(package, "SPDXID");
    component.name = string_at(package, "name");
    component.version = string_at(package, "versionInfo");
    component.description = string_at(package, "description");
    if (component.description.empty()) {
      component.description = string_at(package, "summary");
    }
    component.supplier = organization_from(string_at(package, "supplier"));
    const std::string originator = string_at(package, "originator");
    if (!is_unset(originator)) {
      component.originator = originator;
    }
    const std::string download = string_at(package, "downloadLocation");
    if (!is_unset(download)) {
      component.download_location = download;
      component.external_references.push_back({"distribution", download, "", {}});
    }
    const std::string homepage = string_at(package, "homepage");
    if (!is_unset(homepage)) {
      component.external_references.push_back({"website", homepage, "", {}});
    }
    const std::string copyright = string_at(package, "copyrightText");
    if (!is_unset(copyright)) {
      component.copyright = copyright;
    }
    add_license(component.licenses, string_at(package, "licenseDeclared"), "declared");
    add_license(component.licenses, string_at(package, "licenseConcluded"), "concluded");
    each(package, "checksums",
         [&](element checksum, std::size_t) { component.hashes.push_back(hash_from(checksum)); });
    const std::string purpose = string_at(package, "primaryPackagePurpose");
    component.type = type_from_purpose(purpose);
    component.release_date = string_at(package, "releaseDate");
    component.end_of_life = string_at(package, "validUntilDate");
    const std::string file_name = string_at(package, "packageFileName");
    if (!file_name.empty()) {
      component.properties.push_back({"spdx:packageFileName", file_name});
    }
    const std::string built = string_at(package, "builtDate");
    if (!built.empty()) {
      component.properties.push_back({"spdx:builtDate", built});
    }
    if (!purpose.empty()) {
      component.properties.push_back({"spdx:primaryPackagePurpose", purpose});
    }
    each(package, "externalRefs", [&](element reference, std::size_t reference_index) {
      const std::string type = string_at(reference, "referenceType");
      const std::string locator = string_at(reference, "referenceLocator");
      const std::string category = string_at(reference, "referenceCategory");
      if (type == "purl") {
        if (component.purl.empty()) {
          set_component_purl(component, locator,
                             where(json::pointer_append(
                                 json::pointer_append(pointer, "externalRefs"), reference_index)),
                             sink);
          return;
        }
      } else if (type == "cpe23Type" || type == "cpe22Type") {
        component.cpes.push_back(locator);
        return;
      } else if (type == "swid") {
        component.swid_tag_id = locator;
        return;
      } else if (type == "swh") {
        component.swhids.push_back(locator);
        return;
      } else if (type == "gitoid") {
        component.omnibor_id = locator;
        return;
      }
      component.external_references.push_back(
          {category + ":" + type, locator, string_at(reference, "comment"), {}});
    });
    sbom.components.push_back(std::move(component));
  });
  each(root, "files", [&](element file, std::size_t index) {
    model::Component component;
    component.type = model::ComponentType::kFile;
    component.source_location = where(json::pointer_append("/files", index));
    component.ref = string_at(file, "SPDXID");
    component.name = string_at(file, "fileName");
    const std::string copyright = string_at(file, "copyrightText");
    if (!is_unset(copyright)) {
      component.copyright = copyright;
    }
    add_license(component.licenses, string_at(file, "licenseConcluded"), "concluded");
    each(file, "checksums",
         [&](element checksum, std::size_t) { component.hashes.push_back(hash_from(checksum)); });
    sbom.components.push_back(std::move(component));
  });
  std::vector<std::string> extra_refs;
  extra_refs.push_back(string_at(root, "SPDXID"));
  each(root, "snippets",
       [&](element snippet, std::size_t) { extra_refs.push_back(string_at(snippet, "SPDXID")); });
  each(root, "hasExtractedLicensingInfos",
       [&](element info, std::size_t) { extra_refs.push_back(string_at(info, "licenseId")); });

  const std::string document_id = string_at(root, "SPDXID");
  for (const std::string& described : strings_at(root, "documentDescribes")) {
    sbom.relationships.push_back({document_id, model::RelationshipType::kDescribes, described,
                                  "DESCRIBES", where("/documentDescribes")});
  }
  each(root, "relationships", [&](element relationship, std::size_t index) {
    const std::string from = string_at(relationship, "spdxElementId");
    const std::string to = string_at(relationship, "relatedSpdxElement");
    const std::string type = string_at(relationship, "relationshipType");
    const std::string location = where(json::pointer_append("/relationships", index));
    if (to == "NONE" || to == "NOASSERTION") {
      // "X DEPENDS_ON NONE" says X has no dependencies; NOASSERTION that they are unknown.
      model::Composition composition;
      composition.aggregate = to == "NONE" ? "complete" : "unknown";
      composition.assemblies.push_back(from);
      composition.source_location = location;
      sbom.compositions.push_back(std::move(composition));
      return;
    }
    model::Relationship edge{from, model::RelationshipType::kOther, to, type, location};
    for (const RelationshipMapping& mapping : kRelationships) {
      if (mapping.spdx == type) {
        edge.type = mapping.type;
        if (mapping.inverted) {
          std::swap(edge.from, edge.to);
        }
        break;
      }
    }
    sbom.relationships.push_back(std::move(edge));
  });
  for (const model::Relationship& relationship : sbom.relationships) {
    if (relationship.type == model::RelationshipType::kDescribes &&
        relationship.from == document_id && metadata.subject_ref.empty()) {
      metadata.subject_ref = relationship.to;
    }
  }
  if (version != "2.2" && version != "2.3") {
    sink.error("SPDX-VERSION",
               "spdxVersion " + quote(string_at(root, "spdxVersion"), 30) +
                   " is not supported; Assay validates SPDX-2.2 and SPDX-2.3",
               where("/spdxVersion"));
  }
  std::size_t synthetic = 0;
  for (model::Component& component : sbom.components) {
    if (component.ref.empty()) {
      component.ref = "assay:component/" + std::to_string(++synthetic);
    }
  }
  check_sbom(sbom, source, sink,
             std::unordered_set<std::string>(extra_refs.begin(), extra_refs.end()));
  return sbom;
}

}  // namespace assay::formats::internal

namespace assay::formats {
namespace {

bool is_spdx_id(std::string_view id) {
  constexpr std::string_view kPrefix = "SPDXRef-";
  if (id.substr(0, kPrefix.size()) != kPrefix || id.size() == kPrefix.size()) {
    return false;
  }
  for (const char c : id.substr(kPrefix.size())) {
    if (!is_ascii_alnum(c) && c != '.' && c != '-') {
      return false;
    }
  }
  return true;
}

Result<Parsed<model::Sbom>> read_or_validate(std::string_view text, std::string_view source,
                                             const InputLimits& limits, bool validate) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  ASSAY_TRY(const simdjson::dom::element root,
            internal::parse_json_dom(parser, padded, text, source, limits));
  const std::string base(source);
  const internal::SpdxLocator where = [&base](std::string_view pointer) {
    return base + "#" + std::string(pointer);
  };
  DiagnosticSink sink;
  std::string_view version;
  if (root.at_key("spdxVersion").get_string().get(version) != simdjson::SUCCESS) {
    if (validate) {
      sink.error("SPDX-SCHEMA", "document is missing the required member \"spdxVersion\"",
                 base + "#");
    }
  }
  if (validate) {
    for (const std::string_view list : {"packages", "files", "snippets"}) {
      simdjson::dom::array items;
      if (root.at_key(list).get_array().get(items) != simdjson::SUCCESS) {
        continue;
      }
      std::size_t index = 0;
      for (const simdjson::dom::element item : items) {
        std::string_view id;
        const std::string pointer = json::pointer_append(json::pointer_append("", list), index++);
        if (item.at_key("SPDXID").get_string().get(id) == simdjson::SUCCESS && !is_spdx_id(id)) {
          sink.error("SPDX-ID",
                     "SPDXID " + quote(id, 60) +
                         " must be \"SPDXRef-\" followed by letters, digits, '.' or '-'",
                     base + "#" + pointer + "/SPDXID");
        }
      }
    }
    const std::string_view short_version = version.substr(version.rfind("SPDX-", 0) == 0 ? 5 : 0);
    internal::check_spdx2_structure(root, short_version == "2.2" ? "2.2" : "2.3", where, sink);
    std::string_view created;
    if (root.at_key("creationInfo").at_key("created").get_string().get(created) ==
        simdjson::SUCCESS) {
      const std::string problem = check_string_format("date-time", created);
      if (!problem.empty()) {
        sink.error("SPDX-CREATED", "creationInfo.created " + problem,
                   base + "#/creationInfo/created");
      }
    }
  }
  Parsed<model::Sbom> parsed;
  parsed.value = internal::map_spdx2(root, model::SbomFormat::kSpdxJson, where, source, sink);
  parsed.diagnostics = sink.take();
  return parsed;
}

}  // namespace

Result<Parsed<model::Sbom>> read_spdx_json(std::string_view text, std::string_view source,
                                           const InputLimits& limits) {
  return read_or_validate(text, source, limits, false);
}

Result<Parsed<model::Sbom>> validate_spdx_json(std::string_view text, std::string_view source,
                                               const InputLimits& limits) {
  return read_or_validate(text, source, limits, true);
}

}  // namespace assay::formats
