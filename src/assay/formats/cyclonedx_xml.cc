// CycloneDX XML reader (pugixml, 1.0-1.7). A DOCTYPE is refused, so no entity can be declared
// and none is expanded; pugixml itself expands only the five predefined entities and character
// references. Elements are matched by local name within the BOM's own namespace prefix.
#include <algorithm>
#include <cstdlib>
#include <optional>

#include <pugixml.hpp>

#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/cyclonedx_common.h"
#include "assay/formats/cyclonedx_xml_internal.h"
#include "assay/formats/sbom_common.h"

namespace assay::formats {
namespace internal {

Result<CycloneDxXmlDocument> load_cyclonedx_xml(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  if (text.size() > limits.max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "document is " + std::to_string(text.size()) + " bytes, over the limit of " +
                    std::to_string(limits.max_bytes) + " bytes",
                std::string(source));
  }
  if (const auto bad = find_invalid_utf8(text)) {
    const LineColumn position = line_column_at(text, *bad);
    return fail(
        ErrorCode::kInvalidInput,
        "invalid UTF-8 at byte offset " + std::to_string(*bad) + "; CycloneDX XML must be UTF-8",
        text_location(source, position.line, position.column));
  }
  CycloneDxXmlDocument loaded;
  loaded.document = std::make_unique<pugi::xml_document>();
  const pugi::xml_parse_result result = loaded.document->load_buffer(
      text.data(), text.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  if (!result) {
    const LineColumn position =
        line_column_at(text, static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, result.offset)));
    return fail(ErrorCode::kInvalidInput, std::string("malformed XML: ") + result.description(),
                text_location(source, position.line, position.column));
  }
  for (const pugi::xml_node node : loaded.document->children()) {
    if (node.type() == pugi::node_doctype) {
      const LineColumn position =
          line_column_at(text, static_cast<std::size_t>(node.offset_debug()));
      return fail(ErrorCode::kInvalidInput,
                  "the document has a DOCTYPE declaration; Assay refuses DTDs in SBOMs (they can "
                  "define entities that expand without bound) - remove it",
                  text_location(source, position.line, position.column));
    }
  }
  const pugi::xml_node root = loaded.document->document_element();
  const std::string_view root_name = root.name();
  const std::size_t colon = root_name.find(':');
  loaded.prefix = colon == std::string_view::npos ? "" : std::string(root_name.substr(0, colon));
  const std::string_view local =
      colon == std::string_view::npos ? root_name : root_name.substr(colon + 1);
  const std::string xmlns_attribute = loaded.prefix.empty() ? "xmlns" : "xmlns:" + loaded.prefix;
  const std::string_view ns = root.attribute(xmlns_attribute.c_str()).value();
  constexpr std::string_view kNamespace = "http://cyclonedx.org/schema/bom/";
  if (local != "bom" || ns.substr(0, kNamespace.size()) != kNamespace) {
    return fail(ErrorCode::kInvalidInput,
                "not a CycloneDX BOM: the root element must be <bom> in the namespace "
                "http://cyclonedx.org/schema/bom/<version>",
                std::string(source) + ":1");
  }
  loaded.spec_version = std::string(ns.substr(kNamespace.size()));
  loaded.namespace_uri = std::string(ns);
  return loaded;
}

}  // namespace internal

namespace {

// Byte offset -> line number, with one pass over the text (components can be many).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text) {
    for (std::size_t index = 0; index < text.size(); ++index) {
      if (text[index] == '\n') {
        newlines_.push_back(index);
      }
    }
  }
  std::size_t line_of(std::ptrdiff_t offset) const {
    const auto position = static_cast<std::size_t>(std::max<std::ptrdiff_t>(0, offset));
    return static_cast<std::size_t>(std::lower_bound(newlines_.begin(), newlines_.end(), position) -
                                    newlines_.begin()) +
           1;
  }

 private:
  std::vector<std::size_t> newlines_;
};

class XmlReader {
 public:
  XmlReader(std::string_view text, std::string_view source, const InputLimits& limits,
            const internal::CycloneDxXmlDocument& loaded)
      : source_(source), limits_(limits), lines_(text), prefix_(loaded.prefix) {}

  Result<Parsed<model::Sbom>> read(const internal::CycloneDxXmlDocument& loaded) {
    const pugi::xml_node root = loaded.document->document_element();
    sbom_.metadata.format = model::SbomFormat::kCycloneDxXml;
    sbom_.metadata.spec_version = loaded.spec_version;
    sbom_.metadata.serial_number = root.attribute("serialNumber").value();
    sbom_.metadata.document_version = root.attribute("version").value();
    if (sbom_.metadata.document_version.empty()) {
      sbom_.metadata.document_version = "1";
    }
    if (!read_root(root)) {
      return fail(*fatal_);
    }
    cyclonedx::finish_sbom(sbom_, source_, sink_);
    Parsed<model::Sbom> parsed;
    parsed.value = std::move(sbom_);
    parsed.diagnostics = sink_.take();
    return parsed;
  }

 private:
  // ----- element access -----------------------------------------------------------------------

  // The local name when `node` is an element in the BOM's namespace prefix, else "".
  std::string_view local(const pugi::xml_node& node) const {
    if (node.type() != pugi::node_element) {
      return {};
    }
    const std::string_view name = node.name();
    if (prefix_.empty()) {
      return name.find(':') == std::string_view::npos ? name : std::string_view();
    }
    if (name.size() > prefix_.size() && name.substr(0, prefix_.size()) == prefix_ &&
        name[prefix_.size()] == ':') {
      return name.substr(prefix_.size() + 1);
    }
    return {};
  }

  template <typename Fn>
  void each_child(const pugi::xml_node& node, Fn&& fn) {
    for (const pugi::xml_node child : node.children()) {
      const std::string_view name = local(child);
      if (!name.empty()) {
        fn(name, child);
      }
    }
  }

  template <typename Fn>
  void each_named(const pugi::xml_node& node, std::string_view wanted, Fn&& fn) {
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == wanted) {
        fn(child);
      }
    });
  }

  std::string text_of(const pugi::xml_node& node) const {
    std::string text = node.child_value();
    if (text.empty()) {
      // Mixed content or CDATA: concatenate every text child.
      for (const pugi::xml_node child : node.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
          text += child.value();
        }
      }
    }
    return std::string(trim(text));
  }

  std::string line(const pugi::xml_node& node) const {
    return "line " + std::to_string(lines_.line_of(node.offset_debug()));
  }
  std::string where(const pugi::xml_node& node) const { return located(source_, line(node)); }

  bool count_item(const pugi::xml_node& node) {
    if (++items_ > limits_.max_items) {
      fatal_ = Error{ErrorCode::kInvalidInput,
                     "more than " + std::to_string(limits_.max_items) +
                         " elements in lists in total; raise the item limit to read this document",
                     where(node)};
      return false;
    }
    return true;
  }

  // ----- shared shapes ------------------------------------------------------------------------

  model::Contact read_contact(const pugi::xml_node& node) {
    model::Contact contact;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "name") {
        contact.name = text_of(child);
      } else if (name == "email") {
        contact.email = text_of(child);
      } else if (name == "phone") {
        contact.phone = text_of(child);
      }
    });
    return contact;
  }

  model::Organization read_organization(const pugi::xml_node& node) {
    model::Organization organization;
    organization.ref = node.attribute("bom-ref").value();
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "name") {
        organization.name = text_of(child);
      } else if (name == "url") {
        organization.urls.push_back(text_of(child));
      } else if (name == "contact") {
        organization.contacts.push_back(read_contact(child));
      }
    });
    return organization;
  }

  std::vector<model::Hash> read_hashes(const pugi::xml_node& node) {
    std::vector<model::Hash> hashes;
    each_named(node, "hash", [&](const pugi::xml_node& child) {
      model::Hash hash;
      hash.algorithm = normalize_hash_algorithm(child.attribute("alg").value());
      hash.value = ascii_lower(text_of(child));
      hashes.push_back(std::move(hash));
    });
    return hashes;
  }

  std::vector<model::License> read_licenses(const pugi::xml_node& node) {
    std::vector<model::License> licenses;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      model::License license;
      license.acknowledgement = child.attribute("acknowledgement").value();
      if (name == "license") {
        each_child(child, [&](std::string_view inner, const pugi::xml_node& field) {
          if (inner == "id") {
            license.kind = model::License::Kind::kId;
            license.value = text_of(field);
          } else if (inner == "name" && license.value.empty()) {
            license.kind = model::License::Kind::kName;
            license.value = text_of(field);
          } else if (inner == "url") {
            license.url = text_of(field);
          }
        });
      } else if (name == "expression") {
        license.kind = model::License::Kind::kExpression;
        license.value = text_of(child);
      } else {
        return;
      }
      licenses.push_back(std::move(license));
    });
    return licenses;
  }

  std::vector<model::ExternalReference> read_external_references(const pugi::xml_node& node) {
    std::vector<model::ExternalReference> references;
    each_named(node, "reference", [&](const pugi::xml_node& child) {
      model::ExternalReference reference;
      reference.type = child.attribute("type").value();
      each_child(child, [&](std::string_view name, const pugi::xml_node& field) {
        if (name == "url") {
          reference.url = text_of(field);
        } else if (name == "comment") {
          reference.comment = text_of(field);
        } else if (name == "hashes") {
          reference.hashes = read_hashes(field);
        }
      });
      references.push_back(std::move(reference));
    });
    return references;
  }

  std::vector<model::Property> read_properties(const pugi::xml_node& node) {
    std::vector<model::Property> properties;
    each_named(node, "property", [&](const pugi::xml_node& child) {
      properties.push_back(model::Property{child.attribute("name").value(), text_of(child)});
    });
    return properties;
  }

  std::vector<std::string> ref_list(const pugi::xml_node& node, std::string_view element) {
    std::vector<std::string> refs;
    each_named(node, element, [&](const pugi::xml_node& child) {
      refs.emplace_back(child.attribute("ref").value());
    });
    return refs;
  }

  // ----- components and services --------------------------------------------------------------

  bool read_components(const pugi::xml_node& node, const std::string& parent_ref,
                       std::uint32_t depth) {
    bool ok = true;
    each_named(node, "component", [&](const pugi::xml_node& child) {
      if (ok && !read_component(child, parent_ref, depth).has_value()) {
        ok = false;
      }
    });
    return ok;
  }

  std::optional<std::size_t> read_component(const pugi::xml_node& node,
                                            const std::string& parent_ref, std::uint32_t depth) {
    if (!count_item(node)) {
      return std::nullopt;
    }
    if (depth > limits_.max_depth) {
      fatal_ = Error{
          ErrorCode::kInvalidInput,
          "components are nested more than " + std::to_string(limits_.max_depth) + " levels deep",
          where(node)};
      return std::nullopt;
    }
    model::Component component;
    component.parent_ref = parent_ref;
    component.source_location = line(node);
    component.ref = node.attribute("bom-ref").value();
    const std::string type = node.attribute("type").value();
    if (const auto known = cyclonedx::component_type_from(type)) {
      component.type = *known;
    } else if (!type.empty()) {
      component.type = model::ComponentType::kOther;
      sink_.warning(
          "CDX-COMPONENT-TYPE",
          "component type " + quote(type, 40) + " is not a CycloneDX type; read as \"other\"",
          where(node));
    }
    pugi::xml_node nested;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "name") {
        component.name = text_of(child);
      } else if (name == "version") {
        component.version = text_of(child);
      } else if (name == "purl") {
        set_component_purl(component, text_of(child), where(child), sink_);
      } else if (name == "group") {
        component.group = text_of(child);
      } else if (name == "description") {
        component.description = text_of(child);
      } else if (name == "hashes") {
        component.hashes = read_hashes(child);
      } else if (name == "licenses") {
        component.licenses = read_licenses(child);
      } else if (name == "cpe") {
        const std::string cpe = text_of(child);
        if (!cpe.empty()) {
          component.cpes.push_back(cpe);
        }
      } else if (name == "supplier") {
        component.supplier = read_organization(child);
      } else if (name == "manufacturer") {
        component.manufacturer = read_organization(child);
      } else if (name == "author") {
        component.authors.push_back(model::Contact{text_of(child), {}, {}});
      } else if (name == "authors") {
        each_named(child, "author", [&](const pugi::xml_node& author) {
          component.authors.push_back(read_contact(author));
        });
      } else if (name == "publisher") {
        component.publisher = text_of(child);
      } else if (name == "copyright") {
        component.copyright = text_of(child);
      } else if (name == "scope") {
        component.scope = cyclonedx::scope_from(text_of(child));
      } else if (name == "swid") {
        component.swid_tag_id = child.attribute("tagId").value();
      } else if (name == "omniborId") {
        if (component.omnibor_id.empty()) {
          component.omnibor_id = text_of(child);
        }
      } else if (name == "swhid") {
        component.swhids.push_back(text_of(child));
      } else if (name == "externalReferences") {
        component.external_references = read_external_references(child);
      } else if (name == "properties") {
        component.properties = read_properties(child);
      } else if (name == "components") {
        nested = child;
      }
    });
    for (const model::Property& property : component.properties) {
      if (property.name == "cdx:lifecycle:milestone:endOfLife" ||
          property.name == "assay:end-of-life") {
        component.end_of_life = property.value;
      }
    }
    const std::size_t index = sbom_.components.size();
    if (nested && component.ref.empty()) {
      component.ref = "assay:component/parent-" + std::to_string(index);
    }
    const std::string own_ref = component.ref;
    sbom_.components.push_back(std::move(component));
    if (nested && !read_components(nested, own_ref, depth + 1)) {
      return std::nullopt;
    }
    return index;
  }

  bool read_services(const pugi::xml_node& node, const std::string& parent_ref,
                     std::uint32_t depth) {
    if (depth > limits_.max_depth) {
      fatal_ = Error{
          ErrorCode::kInvalidInput,
          "services are nested more than " + std::to_string(limits_.max_depth) + " levels deep",
          where(node)};
      return false;
    }
    bool ok = true;
    each_named(node, "service", [&](const pugi::xml_node& child) {
      if (!ok || !count_item(child)) {
        ok = false;
        return;
      }
      model::Service service;
      service.parent_ref = parent_ref;
      service.source_location = line(child);
      service.ref = child.attribute("bom-ref").value();
      pugi::xml_node nested;
      each_child(child, [&](std::string_view name, const pugi::xml_node& field) {
        if (name == "name") {
          service.name = text_of(field);
        } else if (name == "group") {
          service.group = text_of(field);
        } else if (name == "version") {
          service.version = text_of(field);
        } else if (name == "description") {
          service.description = text_of(field);
        } else if (name == "provider") {
          service.provider = read_organization(field);
        } else if (name == "endpoints") {
          each_named(field, "endpoint", [&](const pugi::xml_node& endpoint) {
            service.endpoints.push_back(text_of(endpoint));
          });
        } else if (name == "authenticated") {
          service.authenticated = text_of(field) == "true";
        } else if (name == "x-trust-boundary") {
          service.crosses_trust_boundary = text_of(field) == "true";
        } else if (name == "data") {
          each_child(field, [&](std::string_view inner, const pugi::xml_node& flow) {
            if (inner == "classification") {
              service.data_classifications.push_back(std::string(flow.attribute("flow").value()) +
                                                     ":" + text_of(flow));
            } else if (inner == "dataflow") {
              each_named(flow, "classification", [&](const pugi::xml_node& item) {
                service.data_classifications.push_back(std::string(item.attribute("flow").value()) +
                                                       ":" + text_of(item));
              });
            }
          });
        } else if (name == "licenses") {
          service.licenses = read_licenses(field);
        } else if (name == "externalReferences") {
          service.external_references = read_external_references(field);
        } else if (name == "properties") {
          service.properties = read_properties(field);
        } else if (name == "services") {
          nested = field;
        }
      });
      if (nested && service.ref.empty()) {
        service.ref = "assay:service/parent-" + std::to_string(sbom_.services.size());
      }
      const std::string own_ref = service.ref;
      sbom_.services.push_back(std::move(service));
      if (nested && !read_services(nested, own_ref, depth + 1)) {
        ok = false;
      }
    });
    return ok;
  }

  // ----- document sections --------------------------------------------------------------------

  bool read_root(const pugi::xml_node& root) {
    bool ok = true;
    each_child(root, [&](std::string_view name, const pugi::xml_node& child) {
      if (!ok) {
        return;
      }
      if (name == "metadata") {
        ok = read_metadata(child);
      } else if (name == "components") {
        ok = read_components(child, {}, 1);
      } else if (name == "services") {
        ok = read_services(child, {}, 1);
      } else if (name == "externalReferences") {
        sbom_.metadata.external_references = read_external_references(child);
      } else if (name == "dependencies") {
        read_dependencies(child);
      } else if (name == "compositions") {
        each_named(child, "composition", [&](const pugi::xml_node& node) {
          model::Composition composition;
          composition.source_location = line(node);
          each_child(node, [&](std::string_view inner, const pugi::xml_node& field) {
            if (inner == "aggregate") {
              composition.aggregate = text_of(field);
            } else if (inner == "assemblies") {
              composition.assemblies = ref_list(field, "assembly");
            } else if (inner == "dependencies") {
              composition.dependencies = ref_list(field, "dependency");
            } else if (inner == "vulnerabilities") {
              composition.vulnerabilities = ref_list(field, "vulnerability");
            }
          });
          sbom_.compositions.push_back(std::move(composition));
        });
      } else if (name == "properties") {
        const std::vector<model::Property> properties = read_properties(child);
        sbom_.metadata.properties.insert(sbom_.metadata.properties.end(), properties.begin(),
                                         properties.end());
      } else if (name == "vulnerabilities") {
        read_vulnerabilities(child);
      } else if (name == "declarations") {
        read_declarations(child);
      } else if (name == "definitions") {
        each_named(child, "standards",
                   [&](const pugi::xml_node& standards) { read_standards(standards); });
      }
    });
    return ok && !fatal_;
  }

  model::Tool read_tool(const pugi::xml_node& node) {
    model::Tool tool;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "vendor" || (name == "group" && tool.vendor.empty())) {
        tool.vendor = text_of(child);
      } else if (name == "name") {
        tool.name = text_of(child);
      } else if (name == "version") {
        tool.version = text_of(child);
      } else if ((name == "manufacturer" || name == "supplier" || name == "provider") &&
                 tool.vendor.empty()) {
        tool.vendor = read_organization(child).name;
      }
    });
    return tool;
  }

  bool read_metadata(const pugi::xml_node& node) {
    model::SbomMetadata& metadata = sbom_.metadata;
    bool ok = true;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "timestamp") {
        metadata.timestamp = text_of(child);
      } else if (name == "lifecycles") {
        each_named(child, "lifecycle", [&](const pugi::xml_node& lifecycle) {
          std::string phase;
          std::string lifecycle_name;
          each_child(lifecycle, [&](std::string_view inner, const pugi::xml_node& field) {
            if (inner == "phase") {
              phase = text_of(field);
            } else if (inner == "name") {
              lifecycle_name = text_of(field);
            }
          });
          metadata.lifecycles.push_back(phase.empty() ? lifecycle_name : phase);
        });
      } else if (name == "tools") {
        each_child(child, [&](std::string_view inner, const pugi::xml_node& tool) {
          if (inner == "tool") {
            metadata.tools.push_back(read_tool(tool));
          } else if (inner == "components") {
            each_named(tool, "component", [&](const pugi::xml_node& item) {
              metadata.tools.push_back(read_tool(item));
            });
          } else if (inner == "services") {
            each_named(tool, "service", [&](const pugi::xml_node& item) {
              metadata.tools.push_back(read_tool(item));
            });
          }
        });
      } else if (name == "authors") {
        each_named(child, "author", [&](const pugi::xml_node& author) {
          metadata.authors.push_back(read_contact(author));
        });
      } else if (name == "component") {
        const std::optional<std::size_t> index = read_component(child, {}, 1);
        if (!index) {
          ok = false;
          return;
        }
        if (sbom_.components[*index].ref.empty()) {
          sbom_.components[*index].ref = "assay:component/subject";
        }
        metadata.subject_ref = sbom_.components[*index].ref;
      } else if (name == "manufacture" || name == "manufacturer") {
        metadata.manufacturer = read_organization(child);
      } else if (name == "supplier") {
        metadata.supplier = read_organization(child);
      } else if (name == "licenses") {
        metadata.data_licenses = read_licenses(child);
      } else if (name == "properties") {
        const std::vector<model::Property> properties = read_properties(child);
        metadata.properties.insert(metadata.properties.end(), properties.begin(), properties.end());
      }
    });
    return ok;
  }

  void read_dependencies(const pugi::xml_node& node) {
    each_named(node, "dependency", [&](const pugi::xml_node& dependency) {
      const std::string from = dependency.attribute("ref").value();
      if (from.empty()) {
        sink_.warning("CDX-DEPENDENCY-NO-REF",
                      "dependency entry has no \"ref\"; its edges were ignored", where(dependency));
        return;
      }
      const std::size_t before = sbom_.relationships.size();
      each_child(dependency, [&](std::string_view name, const pugi::xml_node& target) {
        if (name != "dependency" && name != "provides") {
          return;
        }
        model::Relationship relationship;
        relationship.from = from;
        relationship.to = target.attribute("ref").value();
        relationship.type = name == "dependency" ? model::RelationshipType::kDependsOn
                                                 : model::RelationshipType::kProvidedBy;
        relationship.original_type = name == "dependency" ? "dependsOn" : "provides";
        relationship.source_location = line(target);
        sbom_.relationships.push_back(std::move(relationship));
      });
      if (sbom_.relationships.size() == before) {
        // <dependency ref="X"/> alone says "X has no dependencies".
        sbom_.relationships.push_back(
            {from, model::RelationshipType::kDependsOn, "", "dependsOn", line(dependency)});
      }
    });
  }

  void read_vulnerabilities(const pugi::xml_node& node) {
    each_named(node, "vulnerability", [&](const pugi::xml_node& vulnerability) {
      model::VexStatement statement;
      statement.source_location = line(vulnerability);
      statement.source_document = std::string(source_);
      statement.status = model::VexStatus::kUnderInvestigation;
      statement.ref = vulnerability.attribute("bom-ref").value();
      std::string published;
      std::string updated;
      each_child(vulnerability, [&](std::string_view name, const pugi::xml_node& child) {
        if (name == "id") {
          statement.vulnerability = text_of(child);
        } else if (name == "references") {
          each_named(child, "reference", [&](const pugi::xml_node& reference) {
            each_named(reference, "id",
                       [&](const pugi::xml_node& id) { statement.aliases.push_back(text_of(id)); });
          });
        } else if (name == "published" || name == "created") {
          published = text_of(child);
        } else if (name == "updated") {
          updated = text_of(child);
        } else if (name == "recommendation") {
          statement.action_statement = text_of(child);
        } else if (name == "detail") {
          statement.status_notes = text_of(child);
        } else if (name == "analysis") {
          each_child(child, [&](std::string_view inner, const pugi::xml_node& field) {
            if (inner == "state") {
              const std::string state = text_of(field);
              if (const auto status = cyclonedx::vex_status_from(state)) {
                statement.status = *status;
              } else {
                sink_.warning("CDX-VEX-STATE",
                              "analysis state " + quote(state, 40) +
                                  " is not a CycloneDX state; read as under_investigation",
                              where(field));
              }
            } else if (inner == "justification") {
              statement.justification = cyclonedx::justification_from(text_of(field));
            } else if (inner == "responses") {
              each_named(field, "response", [&](const pugi::xml_node& response) {
                statement.responses.push_back(text_of(response));
              });
            } else if (inner == "detail") {
              statement.impact_statement = text_of(field);
            } else if (inner == "firstIssued") {
              statement.timestamp = text_of(field);
            } else if (inner == "lastUpdated") {
              statement.last_updated = text_of(field);
            }
          });
        } else if (name == "affects") {
          each_named(child, "target", [&](const pugi::xml_node& target) {
            model::VexProduct product;
            each_named(target, "ref",
                       [&](const pugi::xml_node& ref) { product.ref = text_of(ref); });
            product.id = product.ref;
            statement.products.push_back(std::move(product));
          });
        }
      });
      if (statement.timestamp.empty()) {
        statement.timestamp = published;
      }
      if (statement.last_updated.empty()) {
        statement.last_updated = updated;
      }
      sbom_.vulnerabilities.push_back(std::move(statement));
    });
  }

  void read_declarations(const pugi::xml_node& node) {
    model::Declarations& declarations = sbom_.declarations;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "assessors") {
        each_named(child, "assessor", [&](const pugi::xml_node& assessor_node) {
          model::Organization assessor;
          each_named(assessor_node, "organization", [&](const pugi::xml_node& organization) {
            assessor = read_organization(organization);
          });
          assessor.ref = assessor_node.attribute("bom-ref").value();
          declarations.assessors.push_back(std::move(assessor));
        });
      } else if (name == "attestations") {
        each_named(child, "attestation", [&](const pugi::xml_node& attestation_node) {
          model::Attestation attestation;
          each_child(attestation_node, [&](std::string_view inner, const pugi::xml_node& field) {
            if (inner == "summary") {
              attestation.summary = text_of(field);
            } else if (inner == "assessor") {
              attestation.assessor = text_of(field);
            } else if (inner == "map") {
              attestation.map.push_back(read_map(field));
            }
          });
          declarations.attestations.push_back(std::move(attestation));
        });
      } else if (name == "claims") {
        each_named(child, "claim", [&](const pugi::xml_node& claim_node) {
          model::AttestationClaim claim;
          claim.ref = claim_node.attribute("bom-ref").value();
          each_child(claim_node, [&](std::string_view inner, const pugi::xml_node& field) {
            if (inner == "target") {
              claim.target = text_of(field);
            } else if (inner == "predicate") {
              claim.predicate = text_of(field);
            } else if (inner == "reasoning") {
              claim.reasoning = text_of(field);
            } else if (inner == "evidence") {
              claim.evidence_refs.push_back(text_of(field));
            } else if (inner == "counterEvidence") {
              claim.counter_evidence_refs.push_back(text_of(field));
            }
          });
          declarations.claims.push_back(std::move(claim));
        });
      } else if (name == "evidence") {
        each_named(child, "evidence", [&](const pugi::xml_node& evidence) {
          model::Property entry;
          entry.name = evidence.attribute("bom-ref").value();
          each_named(evidence, "description", [&](const pugi::xml_node& description) {
            entry.value = text_of(description);
          });
          declarations.evidence.push_back(std::move(entry));
        });
      } else if (name == "affirmation") {
        each_child(child, [&](std::string_view inner, const pugi::xml_node& field) {
          if (inner == "statement") {
            declarations.affirmation_statement = text_of(field);
          } else if (inner == "signatories") {
            each_named(field, "signatory", [&](const pugi::xml_node& signatory) {
              model::Contact contact;
              each_child(signatory, [&](std::string_view part, const pugi::xml_node& value) {
                if (part == "name") {
                  contact.name = text_of(value);
                } else if (part == "role") {
                  contact.phone = text_of(value);
                }
              });
              declarations.affirmation_signatories.push_back(std::move(contact));
            });
          }
        });
      }
    });
  }

  model::AttestationMapEntry read_map(const pugi::xml_node& node) {
    model::AttestationMapEntry entry;
    each_child(node, [&](std::string_view name, const pugi::xml_node& child) {
      if (name == "requirement") {
        entry.requirement = text_of(child);
      } else if (name == "claims") {
        each_named(child, "claim",
                   [&](const pugi::xml_node& claim) { entry.claims.push_back(text_of(claim)); });
      } else if (name == "counterClaims") {
        each_named(child, "counterClaim", [&](const pugi::xml_node& claim) {
          entry.counter_claims.push_back(text_of(claim));
        });
      } else if (name == "conformance" || name == "confidence") {
        const bool conformance = name == "conformance";
        each_child(child, [&](std::string_view inner, const pugi::xml_node& field) {
          if (inner == "score") {
            char* end = nullptr;
            const std::string text = text_of(field);
            const double score = std::strtod(text.c_str(), &end);
            if (end != text.c_str()) {
              (conformance ? entry.conformance_score : entry.confidence_score) = score;
            }
          } else if (inner == "rationale") {
            (conformance ? entry.conformance_rationale : entry.confidence_rationale) =
                text_of(field);
          }
        });
      }
    });
    return entry;
  }

  void read_standards(const pugi::xml_node& node) {
    each_named(node, "standard", [&](const pugi::xml_node& standard_node) {
      model::Standard standard;
      standard.ref = standard_node.attribute("bom-ref").value();
      each_child(standard_node, [&](std::string_view name, const pugi::xml_node& child) {
        if (name == "name") {
          standard.name = text_of(child);
        } else if (name == "version") {
          standard.version = text_of(child);
        } else if (name == "description") {
          standard.description = text_of(child);
        } else if (name == "owner") {
          standard.owner = text_of(child);
        } else if (name == "requirements") {
          each_named(child, "requirement", [&](const pugi::xml_node& requirement_node) {
            model::Requirement requirement;
            requirement.ref = requirement_node.attribute("bom-ref").value();
            each_child(requirement_node, [&](std::string_view inner, const pugi::xml_node& f) {
              if (inner == "identifier") {
                requirement.identifier = text_of(f);
              } else if (inner == "title") {
                requirement.title = text_of(f);
              } else if (inner == "text") {
                requirement.text = text_of(f);
              } else if (inner == "parent") {
                requirement.parents.push_back(text_of(f));
              }
            });
            standard.requirements.push_back(std::move(requirement));
          });
        }
      });
      sbom_.standards.push_back(std::move(standard));
    });
  }

  std::string_view source_;
  InputLimits limits_;
  LineIndex lines_;
  std::string prefix_;
  DiagnosticSink sink_;
  model::Sbom sbom_;
  std::uint64_t items_ = 0;
  std::optional<Error> fatal_;
};

}  // namespace

Result<Parsed<model::Sbom>> read_cyclonedx_xml(std::string_view text, std::string_view source,
                                               const InputLimits& limits) {
  ASSAY_TRY(const internal::CycloneDxXmlDocument loaded,
            internal::load_cyclonedx_xml(text, source, limits));
  XmlReader reader(text, source, limits, loaded);
  return reader.read(loaded);
}

}  // namespace assay::formats
