// SPDX 3.0.x JSON-LD, Core and Software profiles: the @graph's elements mapped to the model
// (packages and files -> components, Relationship -> edges or licences or completeness claims,
// CreationInfo -> metadata), and the structural rules the official SPDX 3.0.1 schema states
// (it is draft 2020-12, which valijson cannot run; see docs/formats/spdx.md).
#include <unordered_map>
#include <unordered_set>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/sbom_common.h"
#include "assay/formats/schema.h"
#include "assay/formats/spdx.h"
#include "assay/formats/spdx_internal.h"

namespace assay::formats {
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

std::vector<std::string> strings_at(element parent, std::string_view key) {
  std::vector<std::string> out;
  element value;
  if (parent.at_key(key).get(value) != simdjson::SUCCESS) {
    return out;
  }
  std::string_view text;
  if (value.get_string().get(text) == simdjson::SUCCESS) {
    out.emplace_back(text);
    return out;
  }
  array items;
  if (value.get_array().get(items) == simdjson::SUCCESS) {
    for (const element item : items) {
      if (item.get_string().get(text) == simdjson::SUCCESS) {
        out.emplace_back(text);
      } else {
        // An inline element: use its id.
        const std::string id = string_at(item, "spdxId");
        out.push_back(id.empty() ? string_at(item, "@id") : id);
      }
    }
  }
  return out;
}

// "software_Package" and "Package" (compacted with another prefix) alike.
std::string_view local_type(std::string_view type) {
  const std::size_t underscore = type.find('_');
  if (underscore != std::string_view::npos && type.substr(0, underscore) == "software") {
    return type.substr(underscore + 1);
  }
  return type;
}

model::ComponentType type_from_purpose(std::string_view purpose) {
  using model::ComponentType;
  static const std::unordered_map<std::string_view, ComponentType> kPurposes = {
      {"application", ComponentType::kApplication},
      {"framework", ComponentType::kFramework},
      {"library", ComponentType::kLibrary},
      {"container", ComponentType::kContainer},
      {"operatingSystem", ComponentType::kOperatingSystem},
      {"device", ComponentType::kDevice},
      {"deviceDriver", ComponentType::kDeviceDriver},
      {"firmware", ComponentType::kFirmware},
      {"file", ComponentType::kFile},
      {"data", ComponentType::kData},
      {"model", ComponentType::kMachineLearningModel},
      {"source", ComponentType::kSource},
      {"archive", ComponentType::kArchive},
      {"install", ComponentType::kInstall},
      {"other", ComponentType::kOther},
  };
  const auto found = kPurposes.find(purpose);
  return found == kPurposes.end() ? ComponentType::kLibrary : found->second;
}

constexpr std::string_view kHashAlgorithms[] = {
    "adler32",       "blake2b256", "blake2b384", "blake2b512", "blake3", "crystalsDilithium",
    "crystalsKyber", "falcon",     "md2",        "md4",        "md5",    "md6",
    "other",         "sha1",       "sha224",     "sha256",     "sha384", "sha3_224",
    "sha3_256",      "sha3_384",   "sha3_512",   "sha512"};

std::string normalize_spdx3_algorithm(std::string_view algorithm) {
  if (algorithm.rfind("sha3_", 0) == 0) {
    return "SHA3-" + std::string(algorithm.substr(5));
  }
  if (algorithm.rfind("blake2b", 0) == 0) {
    return "BLAKE2b-" + std::string(algorithm.substr(7));
  }
  return normalize_hash_algorithm(algorithm);
}

class Spdx3Reader {
 public:
  Spdx3Reader(std::string_view source, bool validate, DiagnosticSink& sink)
      : source_(source), validate_(validate), sink_(sink) {}

  model::Sbom read(element root) {
    sbom_.metadata.format = model::SbomFormat::kSpdx3JsonLd;
    const std::string context = string_at(root, "@context");
    if (validate_ && context.find("spdx.org/rdf/3.0") == std::string::npos) {
      error("/@context",
            "@context must be the SPDX 3 context, e.g. "
            "\"https://spdx.org/rdf/3.0.1/spdx-context.jsonld\"");
    }
    array graph;
    if (root.at_key("@graph").get_array().get(graph) != simdjson::SUCCESS) {
      // A single element without @graph.
      error("", "document has no \"@graph\" array of elements");
      return std::move(sbom_);
    }
    // First pass: index every element by id, so references resolve in any order.
    std::size_t index = 0;
    for (const element item : graph) {
      const std::string pointer = json::pointer_append("/@graph", index++);
      if (item.type() != simdjson::dom::element_type::OBJECT) {
        error(pointer, "every @graph entry must be an object");
        continue;
      }
      std::string id = string_at(item, "spdxId");
      if (id.empty()) {
        id = string_at(item, "@id");
      }
      const std::string type = string_at(item, "type");
      if (type.empty()) {
        error(pointer, "element has no \"type\"");
        continue;
      }
      if (id.empty() && type != "CreationInfo" && validate_) {
        error(pointer, std::string(type) + " element has no \"spdxId\"");
      }
      elements_.push_back({id, type, pointer, item});
      if (!id.empty()) {
        by_id_.emplace(id, elements_.size() - 1);
      }
    }
    for (const Entry& entry : elements_) {
      read_element(entry);
    }
    for (const Entry& entry : elements_) {
      if (entry.type == "Relationship" || entry.type == "LifecycleScopedRelationship") {
        read_relationship(entry);
      }
    }
    for (model::Component& component : sbom_.components) {
      const auto licenses = licenses_.find(component.ref);
      if (licenses != licenses_.end()) {
        component.licenses = licenses->second;
      }
    }
    if (sbom_.metadata.subject_ref.empty()) {
      for (const model::Relationship& relationship : sbom_.relationships) {
        if (relationship.type == model::RelationshipType::kDescribes) {
          sbom_.metadata.subject_ref = relationship.to;
          break;
        }
      }
    }
    std::unordered_set<std::string> known(external_ids_.begin(), external_ids_.end());
    for (const Entry& entry : elements_) {
      if (!entry.id.empty()) {
        known.insert(entry.id);
      }
    }
    // Prefixed ids ("ns:SPDXRef-x") declared through namespaceMap point outside this document.
    for (const model::Relationship& relationship : sbom_.relationships) {
      for (const std::string* end : {&relationship.from, &relationship.to}) {
        for (const std::string& prefix : prefixes_) {
          if (end->rfind(prefix, 0) == 0) {
            known.insert(*end);
          }
        }
      }
    }
    std::size_t synthetic = 0;
    for (model::Component& component : sbom_.components) {
      if (component.ref.empty()) {
        component.ref = "assay:component/" + std::to_string(++synthetic);
      }
    }
    check_sbom(sbom_, source_, sink_, known);
    return std::move(sbom_);
  }

 private:
  struct Entry {
    std::string id;
    std::string type;
    std::string pointer;
    element value;
  };

  void error(const std::string& pointer, std::string message) {
    if (validate_) {
      sink_.error("SPDX3-SCHEMA", std::move(message), std::string(source_) + "#" + pointer);
    }
  }

  // The expression text of a licence element (simplelicensing_LicenseExpression), or the id.
  std::string license_text(const std::string& id) const {
    const auto found = by_id_.find(id);
    if (found == by_id_.end()) {
      return id;
    }
    const std::string text =
        string_at(elements_[found->second].value, "simplelicensing_licenseExpression");
    return text.empty() ? id : text;
  }

  std::string agent_name(const std::string& id) const {
    const auto found = by_id_.find(id);
    if (found == by_id_.end()) {
      return id;
    }
    const std::string name = string_at(elements_[found->second].value, "name");
    return name.empty() ? id : name;
  }

  void read_creation_info(element info, const std::string& pointer) {
    if (!sbom_.metadata.timestamp.empty()) {
      return;
    }
    sbom_.metadata.spec_version = string_at(info, "specVersion");
    sbom_.metadata.timestamp = string_at(info, "created");
    if (validate_) {
      for (const std::string_view required : {"specVersion", "created", "createdBy"}) {
        element unused;
        if (info.at_key(required).get(unused) != simdjson::SUCCESS) {
          error(pointer, "CreationInfo is missing the required \"" + std::string(required) + "\"");
        }
      }
      const std::string problem = check_string_format("date-time", sbom_.metadata.timestamp);
      if (!sbom_.metadata.timestamp.empty() && !problem.empty()) {
        error(pointer + "/created", "created " + problem);
      }
    }
    for (const std::string& agent : strings_at(info, "createdBy")) {
      const auto found = by_id_.find(agent);
      const std::string type = found == by_id_.end() ? "" : elements_[found->second].type;
      sbom_.metadata.creators.push_back((type.empty() ? "Agent" : type) + ": " + agent_name(agent));
      model::Contact contact;
      contact.name = agent_name(agent);
      if (found != by_id_.end()) {
        element identifiers;
        if (elements_[found->second].value.at_key("externalIdentifier").get(identifiers) ==
            simdjson::SUCCESS) {
          array list;
          if (identifiers.get_array().get(list) == simdjson::SUCCESS) {
            for (const element identifier : list) {
              if (string_at(identifier, "externalIdentifierType") == "email") {
                contact.email = string_at(identifier, "identifier");
              }
            }
          }
        }
      }
      sbom_.metadata.authors.push_back(std::move(contact));
    }
    for (const std::string& tool : strings_at(info, "createdUsing")) {
      sbom_.metadata.tools.push_back(model::Tool{"", agent_name(tool), ""});
    }
  }

  void read_element(const Entry& entry) {
    const std::string_view type = local_type(entry.type);
    element creation_info;
    if (entry.type == "CreationInfo") {
      read_creation_info(entry.value, entry.pointer);
      return;
    }
    if (entry.value.at_key("creationInfo").get(creation_info) == simdjson::SUCCESS &&
        creation_info.type() == simdjson::dom::element_type::OBJECT) {
      read_creation_info(creation_info, entry.pointer + "/creationInfo");
    }
    if (entry.type == "SpdxDocument") {
      sbom_.metadata.name = string_at(entry.value, "name");
      sbom_.metadata.serial_number = entry.id;
      std::vector<std::string> roots = strings_at(entry.value, "rootElement");
      document_id_ = entry.id;
      for (const std::string& root_id : roots) {
        const auto found = by_id_.find(root_id);
        if (found != by_id_.end() && (local_type(elements_[found->second].type) == "Sbom" ||
                                      elements_[found->second].type == "Bom")) {
          const Entry& bom = elements_[found->second];
          for (const std::string& type_name : strings_at(bom.value, "software_sbomType")) {
            sbom_.metadata.lifecycles.push_back(type_name);
          }
          const std::vector<std::string> inner = strings_at(bom.value, "rootElement");
          if (!inner.empty() && sbom_.metadata.subject_ref.empty()) {
            sbom_.metadata.subject_ref = inner.front();
          }
        } else if (sbom_.metadata.subject_ref.empty()) {
          sbom_.metadata.subject_ref = root_id;
        }
      }
      const std::string data_license = string_at(entry.value, "dataLicense");
      if (!data_license.empty()) {
        sbom_.metadata.data_licenses.push_back(
            {model::License::Kind::kId, license_text(data_license), "", ""});
      }
      array imports;
      if (entry.value.at_key("import").get_array().get(imports) == simdjson::SUCCESS) {
        for (const element imported : imports) {
          const std::string id = string_at(imported, "externalSpdxId");
          if (!id.empty()) {
            external_ids_.push_back(id);
          }
        }
      }
      array namespaces;
      if (entry.value.at_key("namespaceMap").get_array().get(namespaces) == simdjson::SUCCESS) {
        for (const element mapping : namespaces) {
          const std::string prefix = string_at(mapping, "prefix");
          if (!prefix.empty()) {
            prefixes_.push_back(prefix + ":");
          }
        }
      }
      return;
    }
    if (type != "Package" && type != "File") {
      return;
    }
    model::Component component;
    component.ref = entry.id;
    component.source_location = "#" + entry.pointer;
    component.name = string_at(entry.value, "name");
    if (validate_ && component.name.empty()) {
      error(entry.pointer, std::string(entry.type) + " is missing the required \"name\"");
    }
    component.type = type == "File"
                         ? model::ComponentType::kFile
                         : type_from_purpose(string_at(entry.value, "software_primaryPurpose"));
    component.version = string_at(entry.value, "software_packageVersion");
    component.description = string_at(entry.value, "description");
    if (component.description.empty()) {
      component.description = string_at(entry.value, "summary");
    }
    component.copyright = string_at(entry.value, "software_copyrightText");
    component.download_location = string_at(entry.value, "software_downloadLocation");
    if (!component.download_location.empty()) {
      component.external_references.push_back(
          {"distribution", component.download_location, "", {}});
    }
    const std::string homepage = string_at(entry.value, "software_homePage");
    if (!homepage.empty()) {
      component.external_references.push_back({"website", homepage, "", {}});
    }
    component.release_date = string_at(entry.value, "releaseTime");
    component.end_of_life = string_at(entry.value, "validUntilTime");
    const std::string supplier = string_at(entry.value, "suppliedBy");
    if (!supplier.empty()) {
      component.supplier.name = agent_name(supplier);
    }
    const std::vector<std::string> originators = strings_at(entry.value, "originatedBy");
    if (!originators.empty()) {
      component.originator = agent_name(originators.front());
    }
    const std::string purl = string_at(entry.value, "software_packageUrl");
    if (!purl.empty()) {
      set_component_purl(component, purl,
                         std::string(source_) + "#" + entry.pointer + "/software_packageUrl",
                         sink_);
    }
    array hashes;
    if (entry.value.at_key("verifiedUsing").get_array().get(hashes) == simdjson::SUCCESS) {
      std::size_t hash_index = 0;
      for (const element hash : hashes) {
        const std::string algorithm = string_at(hash, "algorithm");
        const std::string pointer =
            entry.pointer + "/verifiedUsing/" + std::to_string(hash_index++);
        if (validate_ && std::find(std::begin(kHashAlgorithms), std::end(kHashAlgorithms),
                                   algorithm) == std::end(kHashAlgorithms)) {
          error(pointer + "/algorithm",
                quote(algorithm, 40) + " is not an SPDX 3 hash algorithm (e.g. sha256)");
        }
        component.hashes.push_back(
            {normalize_spdx3_algorithm(algorithm), ascii_lower(string_at(hash, "hashValue"))});
      }
    }
    array identifiers;
    if (entry.value.at_key("externalIdentifier").get_array().get(identifiers) ==
        simdjson::SUCCESS) {
      for (const element identifier : identifiers) {
        const std::string kind = string_at(identifier, "externalIdentifierType");
        const std::string value = string_at(identifier, "identifier");
        if (kind == "cpe23" || kind == "cpe22") {
          component.cpes.push_back(value);
        } else if (kind == "packageUrl" && component.purl.empty()) {
          set_component_purl(component, value,
                             std::string(source_) + "#" + entry.pointer + "/externalIdentifier",
                             sink_);
        } else if (kind == "swhid") {
          component.swhids.push_back(value);
        } else if (kind == "gitoid") {
          component.omnibor_id = value;
        } else if (kind == "swid") {
          component.swid_tag_id = value;
        }
      }
    }
    sbom_.components.push_back(std::move(component));
  }

  void read_relationship(const Entry& entry) {
    const std::string from = string_at(entry.value, "from");
    const std::vector<std::string> targets = strings_at(entry.value, "to");
    const std::string type = string_at(entry.value, "relationshipType");
    const std::string completeness = string_at(entry.value, "completeness");
    if (validate_) {
      if (from.empty()) {
        error(entry.pointer, "Relationship is missing the required \"from\"");
      }
      if (type.empty()) {
        error(entry.pointer, "Relationship is missing the required \"relationshipType\"");
      }
      if (!completeness.empty() && completeness != "complete" && completeness != "incomplete" &&
          completeness != "noAssertion") {
        error(entry.pointer + "/completeness",
              "completeness must be complete, incomplete or noAssertion");
      }
    }
    if (type == "hasDeclaredLicense" || type == "hasConcludedLicense") {
      for (const std::string& target : targets) {
        const std::string expression = license_text(target);
        if (expression == "NOASSERTION" || expression == "NONE") {
          continue;
        }
        const bool simple = expression.find(' ') == std::string::npos;
        licenses_[from].push_back(
            {simple ? model::License::Kind::kId : model::License::Kind::kExpression, expression, "",
             type == "hasDeclaredLicense" ? "declared" : "concluded"});
      }
      return;
    }
    if ((type == "dependsOn" || type == "contains") && !completeness.empty() &&
        completeness != "noAssertion") {
      model::Composition composition;
      composition.aggregate = completeness;
      composition.assemblies.push_back(from);
      composition.source_location = "#" + entry.pointer;
      sbom_.compositions.push_back(std::move(composition));
    }
    model::RelationshipType mapped = model::RelationshipType::kOther;
    bool inverted = false;
    if (type == "dependsOn" || type == "hasStaticLink" || type == "hasDynamicLink" ||
        type == "hasPrerequisite") {
      mapped = model::RelationshipType::kDependsOn;
    } else if (type == "contains") {
      mapped = model::RelationshipType::kContains;
    } else if (type == "describes") {
      mapped = model::RelationshipType::kDescribes;
    } else if (type == "generates") {
      mapped = model::RelationshipType::kGeneratedFrom;
      inverted = true;
    } else if (type == "hasOptionalDependency") {
      mapped = model::RelationshipType::kOptionalDependencyOf;
      inverted = true;
    }
    for (const std::string& target : targets) {
      model::Relationship relationship{from, mapped, target, type, "#" + entry.pointer};
      if (inverted) {
        std::swap(relationship.from, relationship.to);
      }
      sbom_.relationships.push_back(std::move(relationship));
    }
  }

  std::string_view source_;
  bool validate_;
  DiagnosticSink& sink_;
  model::Sbom sbom_;
  std::vector<Entry> elements_;
  std::unordered_map<std::string, std::size_t> by_id_;
  std::unordered_map<std::string, std::vector<model::License>> licenses_;
  std::string document_id_;
  std::vector<std::string> external_ids_;
  std::vector<std::string> prefixes_;
};

Result<Parsed<model::Sbom>> read_or_validate(std::string_view text, std::string_view source,
                                             const InputLimits& limits, bool validate) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded;
  ASSAY_TRY(const element root, internal::parse_json_dom(parser, padded, text, source, limits));
  DiagnosticSink sink;
  Spdx3Reader reader(source, validate, sink);
  Parsed<model::Sbom> parsed;
  parsed.value = reader.read(root);
  if (validate && parsed.value.metadata.spec_version.rfind("3.0", 0) != 0) {
    sink.error("SPDX3-SCHEMA",
               "CreationInfo.specVersion " + quote(parsed.value.metadata.spec_version, 20) +
                   " is not 3.0.x",
               std::string(source) + "#/@graph");
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

}  // namespace

Result<Parsed<model::Sbom>> read_spdx3_json(std::string_view text, std::string_view source,
                                            const InputLimits& limits) {
  return read_or_validate(text, source, limits, false);
}

Result<Parsed<model::Sbom>> validate_spdx3_json(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  return read_or_validate(text, source, limits, true);
}

}  // namespace assay::formats
