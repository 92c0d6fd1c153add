// CycloneDX 1.6 JSON writer (from any SBOM the readers produce) and the VEX view of a BOM's
// embedded vulnerabilities.
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/cyclonedx_common.h"
#include "assay/formats/detect.h"
#include "assay/formats/sbom_common.h"
#include "assay/formats/schema.h"

namespace assay::formats {
namespace {

using json::OrderedJson;

// Hash algorithms CycloneDX 1.6 accepts; others (e.g. SPDX's MD4/SHA-224) are written as
// properties so nothing is lost.
bool cyclonedx_hash(std::string_view algorithm) {
  static constexpr std::string_view kAlgorithms[] = {
      "MD5",      "SHA-1",    "SHA-256",     "SHA-384",     "SHA-512",     "SHA3-256",
      "SHA3-384", "SHA3-512", "BLAKE2b-256", "BLAKE2b-384", "BLAKE2b-512", "BLAKE3"};
  return std::find(std::begin(kAlgorithms), std::end(kAlgorithms), algorithm) !=
         std::end(kAlgorithms);
}

bool hex_digest(std::string_view value) {
  const std::size_t length = value.size();
  if (length != 32 && length != 40 && length != 64 && length != 96 && length != 128) {
    return false;
  }
  return std::all_of(value.begin(), value.end(), [](char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

void put(OrderedJson& object, std::string_view key, const std::string& value) {
  if (!value.empty()) {
    object[std::string(key)] = value;
  }
}

OrderedJson contact_json(const model::Contact& contact) {
  OrderedJson out = OrderedJson::object();
  put(out, "name", contact.name);
  put(out, "email", contact.email);
  put(out, "phone", contact.phone);
  return out;
}

OrderedJson organization_json(const model::Organization& organization) {
  OrderedJson out = OrderedJson::object();
  put(out, "bom-ref", organization.ref);
  put(out, "name", organization.name);
  if (!organization.urls.empty()) {
    out["url"] = organization.urls;
  }
  for (const model::Contact& contact : organization.contacts) {
    out["contact"].push_back(contact_json(contact));
  }
  return out;
}

// Writes hashes CycloneDX can carry; the rest become properties of the owner.
OrderedJson hashes_json(const std::vector<model::Hash>& hashes,
                        std::vector<model::Property>& leftovers) {
  OrderedJson out = OrderedJson::array();
  for (const model::Hash& hash : hashes) {
    if (cyclonedx_hash(hash.algorithm) && hex_digest(hash.value)) {
      out.push_back({{"alg", hash.algorithm}, {"content", hash.value}});
    } else {
      leftovers.push_back({"assay:hash:" + hash.algorithm, hash.value});
    }
  }
  return out;
}

// The SPDX licence identifiers CycloneDX accepts as "id": the enum of the embedded
// spdx.SNAPSHOT.schema.json, so the writer and the validator use the same list.
const std::unordered_set<std::string>& spdx_license_ids() {
  static const std::unordered_set<std::string>* const kIds = [] {
    auto* ids = new std::unordered_set<std::string>();
    if (const std::string* text = embedded_schema_text("spdx.SNAPSHOT.schema.json")) {
      const Result<json::Json> schema = json::parse(*text, "spdx.SNAPSHOT.schema.json");
      if (schema && schema->contains("enum")) {
        for (const json::Json& id : (*schema)["enum"]) {
          if (id.is_string()) {
            ids->insert(id.get<std::string>());
          }
        }
      }
    }
    return ids;
  }();
  return *kIds;
}

bool is_unset_license(std::string_view value) {
  return value.empty() || value == "NOASSERTION" || value == "NONE";
}

OrderedJson licenses_json(const std::vector<model::License>& all_licenses) {
  OrderedJson out = OrderedJson::array();
  std::vector<model::License> licenses;
  for (const model::License& license : all_licenses) {
    if (!is_unset_license(license.value)) {
      licenses.push_back(license);
    }
  }
  // CycloneDX allows either one expression or a list of licences in one array. An SPDX
  // expression, or an id outside the SPDX list that looks like one (LicenseRef-...), is written
  // as the expression; the declared licence is preferred over the concluded one.
  const auto needs_expression = [](const model::License& license) {
    return license.kind == model::License::Kind::kExpression ||
           (license.kind == model::License::Kind::kId &&
            spdx_license_ids().count(license.value) == 0 &&
            license.value.find("LicenseRef-") != std::string::npos);
  };
  if (std::any_of(licenses.begin(), licenses.end(), needs_expression)) {
    const model::License* chosen = nullptr;
    for (const model::License& license : licenses) {
      if (license.kind != model::License::Kind::kName &&
          (chosen == nullptr ||
           (chosen->acknowledgement == "concluded" && license.acknowledgement != "concluded"))) {
        chosen = &license;
      }
    }
    OrderedJson entry = {{"expression", chosen->value}};
    if (chosen->acknowledgement == "declared" || chosen->acknowledgement == "concluded") {
      entry["acknowledgement"] = chosen->acknowledgement;
    }
    out.push_back(std::move(entry));
    return out;
  }
  for (const model::License& license : licenses) {
    OrderedJson entry = OrderedJson::object();
    if (license.kind == model::License::Kind::kId && spdx_license_ids().count(license.value) > 0) {
      entry["id"] = license.value;
    } else {
      entry["name"] = license.value;
    }
    put(entry, "url", license.url);
    if (license.acknowledgement == "declared" || license.acknowledgement == "concluded") {
      entry["acknowledgement"] = license.acknowledgement;
    }
    out.push_back({{"license", entry}});
  }
  return out;
}

OrderedJson references_json(const std::vector<model::ExternalReference>& references) {
  static constexpr std::string_view kTypes[] = {"vcs",
                                                "issue-tracker",
                                                "website",
                                                "advisories",
                                                "bom",
                                                "mailing-list",
                                                "social",
                                                "chat",
                                                "documentation",
                                                "support",
                                                "source-distribution",
                                                "distribution",
                                                "distribution-intake",
                                                "license",
                                                "build-meta",
                                                "build-system",
                                                "release-notes",
                                                "security-contact",
                                                "model-card",
                                                "log",
                                                "configuration",
                                                "evidence",
                                                "formulation",
                                                "attestation",
                                                "threat-model",
                                                "adversary-model",
                                                "risk-assessment",
                                                "vulnerability-assertion",
                                                "exploitability-statement",
                                                "pentest-report",
                                                "static-analysis-report",
                                                "dynamic-analysis-report",
                                                "runtime-analysis-report",
                                                "component-analysis-report",
                                                "maturity-report",
                                                "certification-report",
                                                "codified-infrastructure",
                                                "quality-metrics",
                                                "poam",
                                                "electronic-signature",
                                                "digital-signature",
                                                "rfc-9116",
                                                "other"};
  OrderedJson out = OrderedJson::array();
  for (const model::ExternalReference& reference : references) {
    if (reference.url.empty()) {
      continue;
    }
    OrderedJson entry = OrderedJson::object();
    entry["url"] = reference.url;
    const bool known =
        std::find(std::begin(kTypes), std::end(kTypes), reference.type) != std::end(kTypes);
    entry["type"] = known ? reference.type : "other";
    std::string comment = reference.comment;
    if (!known && !reference.type.empty()) {
      comment = "type: " + reference.type + (comment.empty() ? "" : "; " + comment);
    }
    put(entry, "comment", comment);
    std::vector<model::Property> unused;
    OrderedJson hashes = hashes_json(reference.hashes, unused);
    if (!hashes.empty()) {
      entry["hashes"] = hashes;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

OrderedJson properties_json(const std::vector<model::Property>& properties) {
  OrderedJson out = OrderedJson::array();
  for (const model::Property& property : properties) {
    out.push_back({{"name", property.name}, {"value", property.value}});
  }
  return out;
}

std::string_view component_type(model::ComponentType type) {
  switch (type) {
    case model::ComponentType::kSource:
    case model::ComponentType::kArchive:
    case model::ComponentType::kInstall:
    case model::ComponentType::kOther:
      return "library";  // no CycloneDX equivalent; the original is kept as a property
    default:
      return model::to_string(type);
  }
}

class Writer {
 public:
  explicit Writer(const model::Sbom& sbom) : sbom_(sbom) {
    for (std::size_t index = 0; index < sbom.components.size(); ++index) {
      children_[sbom.components[index].parent_ref].push_back(index);
    }
    // A repeated bom-ref would make the output invalid: later copies get a new ref (and a
    // property naming the original), so no component is dropped.
    std::unordered_map<std::string, std::size_t> seen;
    written_ref_.resize(sbom.components.size());
    for (std::size_t index = 0; index < sbom.components.size(); ++index) {
      const std::string& ref = sbom.components[index].ref;
      const std::size_t count = seen[ref]++;
      written_ref_[index] = count == 0 ? ref : ref + "#assay-duplicate-" + std::to_string(count);
    }
  }

  std::string write() {
    OrderedJson bom = OrderedJson::object();
    bom["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json";
    bom["bomFormat"] = "CycloneDX";
    bom["specVersion"] = "1.6";
    const std::string& serial = sbom_.metadata.serial_number;
    if (is_uuid_urn(serial)) {
      bom["serialNumber"] = serial;
    }
    std::int64_t version = 1;
    if (const auto parsed = parse_uint64(sbom_.metadata.document_version);
        parsed && *parsed >= 1 && *parsed < 1000000000) {
      version = static_cast<std::int64_t>(*parsed);
    }
    bom["version"] = version;
    bom["metadata"] = metadata_json();
    OrderedJson components = OrderedJson::array();
    // Only the subject itself goes to metadata.component; another component that reuses its ref
    // (an invalid document, already reported) is still written, never dropped.
    const std::optional<std::size_t> subject =
        sbom_.metadata.subject_ref.empty() ? std::nullopt : sbom_.find(sbom_.metadata.subject_ref);
    for (const std::size_t index : children_[""]) {
      if (!subject || index != *subject) {
        components.push_back(component_json(index, 0));
      }
    }
    if (!components.empty()) {
      bom["components"] = std::move(components);
    }
    OrderedJson services = OrderedJson::array();
    for (const model::Service& service : sbom_.services) {
      if (service.parent_ref.empty()) {
        services.push_back(service_json(service, 0));
      }
    }
    if (!services.empty()) {
      bom["services"] = std::move(services);
    }
    if (!sbom_.metadata.external_references.empty()) {
      bom["externalReferences"] = references_json(sbom_.metadata.external_references);
    }
    OrderedJson dependencies = dependencies_json();
    if (!dependencies.empty()) {
      bom["dependencies"] = std::move(dependencies);
    }
    OrderedJson compositions = OrderedJson::array();
    for (const model::Composition& composition : sbom_.compositions) {
      OrderedJson entry = OrderedJson::object();
      entry["aggregate"] =
          valid_aggregate(composition.aggregate) ? composition.aggregate : "unknown";
      std::vector<std::string> assemblies = only_written(composition.assemblies);
      std::vector<std::string> dependency_refs = only_written(composition.dependencies);
      if (!assemblies.empty()) {
        entry["assemblies"] = assemblies;
      }
      if (!dependency_refs.empty()) {
        entry["dependencies"] = dependency_refs;
      }
      compositions.push_back(std::move(entry));
    }
    if (!compositions.empty()) {
      bom["compositions"] = std::move(compositions);
    }
    OrderedJson vulnerabilities = vulnerabilities_json();
    if (!vulnerabilities.empty()) {
      bom["vulnerabilities"] = std::move(vulnerabilities);
    }
    if (!sbom_.declarations.empty()) {
      bom["declarations"] = declarations_json();
    }
    if (!sbom_.standards.empty()) {
      bom["definitions"]["standards"] = standards_json();
    }
    return bom.dump(2) + "\n";
  }

 private:
  static bool is_uuid_urn(std::string_view serial) {
    if (serial.size() != 45 || serial.substr(0, 9) != "urn:uuid:") {
      return false;
    }
    for (std::size_t index = 9; index < serial.size(); ++index) {
      const char c = serial[index];
      const bool dash = index == 17 || index == 22 || index == 27 || index == 32;
      if (dash ? c != '-' : !(is_ascii_digit(c) || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  static bool valid_aggregate(std::string_view aggregate) {
    static constexpr std::string_view kAggregates[] = {"complete",
                                                       "incomplete",
                                                       "incomplete_first_party_only",
                                                       "incomplete_first_party_proprietary_only",
                                                       "incomplete_first_party_opensource_only",
                                                       "incomplete_third_party_only",
                                                       "incomplete_third_party_proprietary_only",
                                                       "incomplete_third_party_opensource_only",
                                                       "unknown",
                                                       "not_specified"};
    return std::find(std::begin(kAggregates), std::end(kAggregates), aggregate) !=
           std::end(kAggregates);
  }

  // Refs that exist in the written BOM (components, services) or point elsewhere (BOM-Links).
  std::vector<std::string> only_written(const std::vector<std::string>& refs) const {
    std::vector<std::string> out;
    for (const std::string& ref : refs) {
      if (written_refs().count(ref) > 0 || is_bom_link(ref)) {
        out.push_back(ref);
      }
    }
    return out;
  }

  const std::unordered_set<std::string>& written_refs() const {
    if (refs_.empty()) {
      for (const model::Component& component : sbom_.components) {
        refs_.insert(component.ref);
      }
      for (const model::Service& service : sbom_.services) {
        if (!service.ref.empty()) {
          refs_.insert(service.ref);
        }
      }
    }
    return refs_;
  }

  OrderedJson metadata_json() {
    const model::SbomMetadata& metadata = sbom_.metadata;
    OrderedJson out = OrderedJson::object();
    put(out, "timestamp", metadata.timestamp);
    OrderedJson lifecycles = OrderedJson::array();
    static constexpr std::string_view kPhases[] = {
        "design", "pre-build", "build", "post-build", "operations", "discovery", "decommission"};
    for (const std::string& lifecycle : metadata.lifecycles) {
      std::string phase = ascii_lower(lifecycle);
      if (phase == "analyzed") {
        phase = "post-build";
      } else if (phase == "deployed" || phase == "runtime") {
        phase = "operations";
      } else if (phase == "source") {
        phase = "pre-build";
      }
      if (std::find(std::begin(kPhases), std::end(kPhases), phase) != std::end(kPhases)) {
        lifecycles.push_back({{"phase", phase}});
      } else {
        lifecycles.push_back({{"name", lifecycle}});
      }
    }
    if (!lifecycles.empty()) {
      out["lifecycles"] = lifecycles;
    }
    if (!metadata.tools.empty()) {
      OrderedJson tools = OrderedJson::array();
      for (const model::Tool& tool : metadata.tools) {
        OrderedJson entry = {{"type", "application"}, {"name", tool.name}};
        if (tool.name.empty()) {
          entry["name"] = "unknown";
        }
        if (!tool.vendor.empty()) {
          entry["group"] = tool.vendor;
        }
        put(entry, "version", tool.version);
        tools.push_back(std::move(entry));
      }
      out["tools"]["components"] = tools;
    }
    OrderedJson authors = OrderedJson::array();
    for (const model::Contact& author : metadata.authors) {
      authors.push_back(contact_json(author));
    }
    if (!authors.empty()) {
      out["authors"] = authors;
    }
    if (!metadata.subject_ref.empty()) {
      if (const auto index = sbom_.find(metadata.subject_ref)) {
        out["component"] = component_json(*index, 0);
      }
    }
    if (!metadata.manufacturer.empty()) {
      out["manufacturer"] = organization_json(metadata.manufacturer);
    }
    if (!metadata.supplier.empty()) {
      out["supplier"] = organization_json(metadata.supplier);
    }
    if (OrderedJson licenses = licenses_json(metadata.data_licenses); !licenses.empty()) {
      out["licenses"] = std::move(licenses);
    }
    std::vector<model::Property> properties = metadata.properties;
    if (metadata.format != model::SbomFormat::kCycloneDxJson &&
        metadata.format != model::SbomFormat::kCycloneDxXml) {
      properties.push_back({"assay:source-format", std::string(model::to_string(metadata.format))});
      if (!metadata.spec_version.empty()) {
        properties.push_back({"assay:source-spec-version", metadata.spec_version});
      }
      if (!metadata.serial_number.empty()) {
        properties.push_back({"assay:source-document-id", metadata.serial_number});
      }
      if (!metadata.name.empty()) {
        properties.push_back({"assay:source-document-name", metadata.name});
      }
      for (const std::string& creator : metadata.creators) {
        properties.push_back({"assay:source-creator", creator});
      }
    }
    if (!properties.empty()) {
      out["properties"] = properties_json(properties);
    }
    return out;
  }

  OrderedJson component_json(std::size_t index, std::uint32_t depth) {
    const model::Component& component = sbom_.components[index];
    OrderedJson out = OrderedJson::object();
    out["type"] = component_type(component.type);
    out["bom-ref"] = written_ref_[index];
    if (!component.supplier.empty()) {
      out["supplier"] = organization_json(component.supplier);
    }
    if (!component.manufacturer.empty()) {
      out["manufacturer"] = organization_json(component.manufacturer);
    }
    OrderedJson authors = OrderedJson::array();
    for (const model::Contact& author : component.authors) {
      authors.push_back(contact_json(author));
    }
    if (!authors.empty()) {
      out["authors"] = authors;
    }
    put(out, "publisher", component.publisher);
    put(out, "group", component.group);
    out["name"] = component.name;
    put(out, "version", component.version);
    put(out, "description", component.description);
    if (component.scope != model::Scope::kUnspecified) {
      out["scope"] = model::to_string(component.scope);
    }
    std::vector<model::Property> properties = component.properties;
    OrderedJson hashes = hashes_json(component.hashes, properties);
    if (!hashes.empty()) {
      out["hashes"] = hashes;
    }
    if (OrderedJson licenses = licenses_json(component.licenses); !licenses.empty()) {
      out["licenses"] = std::move(licenses);
    }
    put(out, "copyright", component.copyright);
    if (!component.cpes.empty()) {
      out["cpe"] = component.cpes.front();
      for (std::size_t other = 1; other < component.cpes.size(); ++other) {
        properties.push_back({"assay:cpe", component.cpes[other]});
      }
    }
    // The purl as written when it parsed; otherwise keep it as a property (the schema's purl
    // field is free text, but a broken purl would mislead matchers downstream).
    if (!component.purl_canonical.empty()) {
      out["purl"] = component.purl;
    } else if (!component.purl.empty()) {
      properties.push_back({"assay:invalid-purl", component.purl});
    }
    if (!component.omnibor_id.empty()) {
      out["omniborId"] = OrderedJson::array({component.omnibor_id});
    }
    if (!component.swhids.empty()) {
      out["swhid"] = component.swhids;
    }
    if (!component.swid_tag_id.empty()) {
      out["swid"] = {{"tagId", component.swid_tag_id},
                     {"name", component.name.empty() ? "unknown" : component.name}};
    }
    OrderedJson references = references_json(component.external_references);
    if (!references.empty()) {
      out["externalReferences"] = references;
    }
    if (!component.originator.empty()) {
      properties.push_back({"assay:originator", component.originator});
    }
    if (!component.release_date.empty()) {
      properties.push_back({"assay:release-date", component.release_date});
    }
    if (!component.end_of_life.empty() &&
        std::none_of(properties.begin(), properties.end(), [](const model::Property& p) {
          return p.name == "cdx:lifecycle:milestone:endOfLife" || p.name == "assay:end-of-life";
        })) {
      properties.push_back({"assay:end-of-life", component.end_of_life});
    }
    if (written_ref_[index] != component.ref) {
      properties.push_back({"assay:duplicate-of-ref", component.ref});
    }
    const std::string_view written_type = component_type(component.type);
    if (written_type != model::to_string(component.type)) {
      properties.push_back({"assay:component-type", std::string(model::to_string(component.type))});
    }
    if (!properties.empty()) {
      out["properties"] = properties_json(properties);
    }
    const auto nested = written_ref_[index] == component.ref && !component.ref.empty()
                            ? children_.find(component.ref)
                            : children_.end();
    if (nested != children_.end() && depth < 200) {
      OrderedJson children = OrderedJson::array();
      for (const std::size_t child : nested->second) {
        if (child != index) {
          children.push_back(component_json(child, depth + 1));
        }
      }
      if (!children.empty()) {
        out["components"] = children;
      }
    }
    return out;
  }

  OrderedJson service_json(const model::Service& service, std::uint32_t depth) {
    OrderedJson out = OrderedJson::object();
    put(out, "bom-ref", service.ref);
    if (!service.provider.empty()) {
      out["provider"] = organization_json(service.provider);
    }
    put(out, "group", service.group);
    out["name"] = service.name;
    put(out, "version", service.version);
    put(out, "description", service.description);
    if (!service.endpoints.empty()) {
      out["endpoints"] = service.endpoints;
    }
    if (service.authenticated) {
      out["authenticated"] = *service.authenticated;
    }
    if (service.crosses_trust_boundary) {
      out["x-trust-boundary"] = *service.crosses_trust_boundary;
    }
    OrderedJson data = OrderedJson::array();
    for (const std::string& flow : service.data_classifications) {
      const std::size_t colon = flow.find(':');
      std::string direction = flow.substr(0, colon);
      if (direction != "inbound" && direction != "outbound" && direction != "bi-directional") {
        direction = "unknown";
      }
      data.push_back(
          {{"flow", direction},
           {"classification", colon == std::string::npos ? "" : flow.substr(colon + 1)}});
    }
    if (!data.empty()) {
      out["data"] = data;
    }
    if (OrderedJson licenses = licenses_json(service.licenses); !licenses.empty()) {
      out["licenses"] = std::move(licenses);
    }
    OrderedJson references = references_json(service.external_references);
    if (!references.empty()) {
      out["externalReferences"] = references;
    }
    if (!service.properties.empty()) {
      out["properties"] = properties_json(service.properties);
    }
    OrderedJson nested = OrderedJson::array();
    if (!service.ref.empty() && depth < 200) {
      for (const model::Service& child : sbom_.services) {
        if (child.parent_ref == service.ref && &child != &service) {
          nested.push_back(service_json(child, depth + 1));
        }
      }
    }
    if (!nested.empty()) {
      out["services"] = nested;
    }
    return out;
  }

  OrderedJson dependencies_json() {
    // One entry per ref, in first-seen order; dependsOn and provides deduplicated.
    std::vector<std::string> order;
    std::unordered_map<std::string, std::pair<std::vector<std::string>, std::vector<std::string>>>
        edges;
    const auto& known = written_refs();
    for (const model::Relationship& relationship : sbom_.relationships) {
      const bool depends = relationship.type == model::RelationshipType::kDependsOn;
      const bool provides = relationship.type == model::RelationshipType::kProvidedBy;
      if ((!depends && !provides) || known.count(relationship.from) == 0) {
        continue;
      }
      if (relationship.to.empty()) {
        if (edges.try_emplace(relationship.from).second) {
          order.push_back(relationship.from);
        }
        continue;
      }
      if (known.count(relationship.to) == 0 && !is_bom_link(relationship.to)) {
        continue;
      }
      auto [entry, inserted] = edges.try_emplace(relationship.from);
      if (inserted) {
        order.push_back(relationship.from);
      }
      std::vector<std::string>& list = depends ? entry->second.first : entry->second.second;
      if (std::find(list.begin(), list.end(), relationship.to) == list.end()) {
        list.push_back(relationship.to);
      }
    }
    OrderedJson out = OrderedJson::array();
    for (const std::string& ref : order) {
      OrderedJson entry = {{"ref", ref}};
      const auto& [depends_on, provides] = edges[ref];
      if (!depends_on.empty()) {
        entry["dependsOn"] = depends_on;
      }
      if (!provides.empty()) {
        entry["provides"] = provides;
      }
      out.push_back(std::move(entry));
    }
    return out;
  }

  OrderedJson vulnerabilities_json() {
    OrderedJson out = OrderedJson::array();
    for (const model::VexStatement& statement : sbom_.vulnerabilities) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "bom-ref", statement.ref);
      put(entry, "id", statement.vulnerability);
      OrderedJson references = OrderedJson::array();
      for (const std::string& alias : statement.aliases) {
        references.push_back({{"id", alias}, {"source", OrderedJson::object()}});
      }
      if (!references.empty()) {
        entry["references"] = references;
      }
      put(entry, "detail", statement.status_notes);
      put(entry, "recommendation", statement.action_statement);
      OrderedJson analysis = OrderedJson::object();
      analysis["state"] = cyclonedx::analysis_state_for(statement.status);
      const std::string_view justification = cyclonedx::justification_for(statement.justification);
      if (!justification.empty()) {
        analysis["justification"] = justification;
      }
      static constexpr std::string_view kResponses[] = {"can_not_fix", "will_not_fix", "update",
                                                        "rollback", "workaround_available"};
      OrderedJson responses = OrderedJson::array();
      for (const std::string& response : statement.responses) {
        if (std::find(std::begin(kResponses), std::end(kResponses), response) !=
            std::end(kResponses)) {
          responses.push_back(response);
        }
      }
      if (!responses.empty()) {
        analysis["response"] = responses;
      }
      put(analysis, "detail", statement.impact_statement);
      put(analysis, "firstIssued", statement.timestamp);
      put(analysis, "lastUpdated", statement.last_updated);
      entry["analysis"] = analysis;
      OrderedJson affects = OrderedJson::array();
      for (const model::VexProduct& product : statement.products) {
        const std::string ref = product.ref.empty() ? product.id : product.ref;
        if (!ref.empty()) {
          affects.push_back({{"ref", ref}});
        }
      }
      if (!affects.empty()) {
        entry["affects"] = affects;
      }
      out.push_back(std::move(entry));
    }
    return out;
  }

  OrderedJson declarations_json() {
    const model::Declarations& declarations = sbom_.declarations;
    OrderedJson out = OrderedJson::object();
    OrderedJson assessors = OrderedJson::array();
    for (const model::Organization& assessor : declarations.assessors) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "bom-ref", assessor.ref);
      model::Organization organization = assessor;
      organization.ref.clear();
      if (!organization.empty()) {
        entry["organization"] = organization_json(organization);
      }
      assessors.push_back(std::move(entry));
    }
    if (!assessors.empty()) {
      out["assessors"] = assessors;
    }
    OrderedJson attestations = OrderedJson::array();
    for (const model::Attestation& attestation : declarations.attestations) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "summary", attestation.summary);
      put(entry, "assessor", attestation.assessor);
      for (const model::AttestationMapEntry& map : attestation.map) {
        OrderedJson item = OrderedJson::object();
        put(item, "requirement", map.requirement);
        if (!map.claims.empty()) {
          item["claims"] = map.claims;
        }
        if (!map.counter_claims.empty()) {
          item["counterClaims"] = map.counter_claims;
        }
        if (map.conformance_score || !map.conformance_rationale.empty()) {
          OrderedJson conformance = OrderedJson::object();
          if (map.conformance_score) {
            conformance["score"] = *map.conformance_score;
          }
          put(conformance, "rationale", map.conformance_rationale);
          item["conformance"] = conformance;
        }
        if (map.confidence_score || !map.confidence_rationale.empty()) {
          OrderedJson confidence = OrderedJson::object();
          if (map.confidence_score) {
            confidence["score"] = *map.confidence_score;
          }
          put(confidence, "rationale", map.confidence_rationale);
          item["confidence"] = confidence;
        }
        entry["map"].push_back(std::move(item));
      }
      attestations.push_back(std::move(entry));
    }
    if (!attestations.empty()) {
      out["attestations"] = attestations;
    }
    OrderedJson claims = OrderedJson::array();
    for (const model::AttestationClaim& claim : declarations.claims) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "bom-ref", claim.ref);
      put(entry, "target", claim.target);
      put(entry, "predicate", claim.predicate);
      put(entry, "reasoning", claim.reasoning);
      if (!claim.evidence_refs.empty()) {
        entry["evidence"] = claim.evidence_refs;
      }
      if (!claim.counter_evidence_refs.empty()) {
        entry["counterEvidence"] = claim.counter_evidence_refs;
      }
      claims.push_back(std::move(entry));
    }
    if (!claims.empty()) {
      out["claims"] = claims;
    }
    OrderedJson evidence = OrderedJson::array();
    for (const model::Property& item : declarations.evidence) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "bom-ref", item.name);
      put(entry, "description", item.value);
      evidence.push_back(std::move(entry));
    }
    if (!evidence.empty()) {
      out["evidence"] = evidence;
    }
    if (!declarations.affirmation_statement.empty() ||
        !declarations.affirmation_signatories.empty()) {
      OrderedJson affirmation = OrderedJson::object();
      put(affirmation, "statement", declarations.affirmation_statement);
      for (const model::Contact& signatory : declarations.affirmation_signatories) {
        OrderedJson entry = OrderedJson::object();
        put(entry, "name", signatory.name);
        put(entry, "role", signatory.phone);
        affirmation["signatories"].push_back(std::move(entry));
      }
      out["affirmation"] = affirmation;
    }
    return out;
  }

  OrderedJson standards_json() {
    OrderedJson out = OrderedJson::array();
    for (const model::Standard& standard : sbom_.standards) {
      OrderedJson entry = OrderedJson::object();
      put(entry, "bom-ref", standard.ref);
      put(entry, "name", standard.name);
      put(entry, "version", standard.version);
      put(entry, "description", standard.description);
      put(entry, "owner", standard.owner);
      for (const model::Requirement& requirement : standard.requirements) {
        OrderedJson item = OrderedJson::object();
        put(item, "bom-ref", requirement.ref);
        put(item, "identifier", requirement.identifier);
        put(item, "title", requirement.title);
        put(item, "text", requirement.text);
        if (!requirement.parents.empty()) {
          item["parent"] = requirement.parents.front();
        }
        entry["requirements"].push_back(std::move(item));
      }
      out.push_back(std::move(entry));
    }
    return out;
  }

  const model::Sbom& sbom_;
  std::unordered_map<std::string, std::vector<std::size_t>> children_;
  std::vector<std::string> written_ref_;
  mutable std::unordered_set<std::string> refs_;
};

}  // namespace

std::string write_cyclonedx_json(const model::Sbom& sbom) {
  Writer writer(sbom);
  return writer.write();
}

model::VexDocument to_vex_document(const model::Sbom& sbom, std::string_view source) {
  model::VexDocument document;
  document.format = "cyclonedx";
  document.id = sbom.metadata.serial_number;
  document.timestamp = sbom.metadata.timestamp;
  document.version = sbom.metadata.document_version;
  if (!sbom.metadata.authors.empty()) {
    document.author = sbom.metadata.authors.front().name;
  }
  if (document.author.empty()) {
    document.author = sbom.metadata.supplier.name;
  }
  document.statements = sbom.vulnerabilities;
  for (model::VexStatement& statement : document.statements) {
    statement.supplier = document.author;
    statement.source_document = std::string(source);
  }
  return document;
}

Result<Parsed<model::VexDocument>> read_cyclonedx_vex(std::string_view text,
                                                      std::string_view source,
                                                      const InputLimits& limits) {
  ASSAY_TRY(const DetectedFormat detected, detect_sbom_format(text, source));
  Result<Parsed<model::Sbom>> read = fail(ErrorCode::kInvalidInput, "not CycloneDX");
  if (detected.format == model::SbomFormat::kCycloneDxJson) {
    read = read_cyclonedx_json(text, source, limits);
  } else if (detected.format == model::SbomFormat::kCycloneDxXml) {
    read = read_cyclonedx_xml(text, source, limits);
  } else {
    return fail(ErrorCode::kInvalidInput,
                "not a CycloneDX document (found " +
                    std::string(model::to_string(detected.format)) +
                    "); CycloneDX VEX must be a CycloneDX BOM with vulnerabilities",
                std::string(source));
  }
  if (!read) {
    return fail(read.error());
  }
  Parsed<model::VexDocument> parsed;
  parsed.value = to_vex_document(read->value, source);
  parsed.diagnostics = std::move(read->diagnostics);
  return parsed;
}

}  // namespace assay::formats
