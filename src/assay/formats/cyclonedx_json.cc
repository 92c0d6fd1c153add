// CycloneDX JSON reader: simdjson On-Demand straight into the model (no DOM), checking every
// access because On-Demand reports malformed JSON lazily, while values are being read.
#include <simdjson.h>

#include <optional>
#include <utility>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/core/utf8.h"
#include "assay/formats/cyclonedx.h"
#include "assay/formats/cyclonedx_common.h"
#include "assay/formats/sbom_common.h"

namespace assay::formats {
namespace {

namespace od = simdjson::ondemand;

// A JSON pointer built only when it is needed (for errors and source locations): each frame
// points at its parent, so descending costs no allocation.
struct Loc {
  const Loc* parent = nullptr;
  std::string_view key;
  std::size_t index = 0;
  bool is_index = false;

  Loc field(std::string_view name) const { return Loc{this, name, 0, false}; }
  Loc item(std::size_t position) const { return Loc{this, {}, position, true}; }

  std::string pointer() const {
    if (parent == nullptr) {
      return {};
    }
    std::string out = parent->pointer();
    if (is_index) {
      return json::pointer_append(out, index);
    }
    return json::pointer_append(out, key);
  }
  std::string hash_pointer() const { return "#" + pointer(); }
};

// Thrown inside this file only, to unwind the recursive descent on malformed JSON; read() turns
// it into the Error it carries.
struct Fatal {
  Error error;
};

class JsonReader {
 public:
  JsonReader(std::string_view text, std::string_view source, const InputLimits& limits)
      : text_(text), source_(source), limits_(limits) {}

  Result<Parsed<model::Sbom>> read() {
    if (text_.size() > limits_.max_bytes) {
      return fail(ErrorCode::kInvalidInput,
                  "document is " + std::to_string(text_.size()) + " bytes, over the limit of " +
                      std::to_string(limits_.max_bytes) + " bytes",
                  std::string(source_));
    }
    if (const auto bad = find_invalid_utf8(text_)) {
      const LineColumn position = line_column_at(text_, *bad);
      return fail(
          ErrorCode::kInvalidInput,
          "invalid UTF-8 at byte offset " + std::to_string(*bad) + "; CycloneDX JSON must be UTF-8",
          text_location(source_, position.line, position.column));
    }
    padded_ = simdjson::padded_string(text_);
    od::parser parser;
    try {
      od::document document;
      check(parser.iterate(padded_).get(document), nullptr);
      document_ = &document;
      od::object root;
      const simdjson::error_code error = document.get_object().get(root);
      if (error == simdjson::INCORRECT_TYPE) {
        return fail(ErrorCode::kInvalidInput, "a CycloneDX JSON document must be a JSON object",
                    std::string(source_));
      }
      check(error, nullptr);
      const Loc root_loc;
      read_root(root, root_loc);
    } catch (const Fatal& fatal) {
      return fail(fatal.error);
    }
    if (!saw_cyclonedx_) {
      return fail(ErrorCode::kInvalidInput,
                  "not a CycloneDX BOM: the member \"bomFormat\": \"CycloneDX\" is missing",
                  std::string(source_) + "#");
    }
    cyclonedx::finish_sbom(sbom_, source_, sink_);
    Parsed<model::Sbom> parsed;
    parsed.value = std::move(sbom_);
    parsed.diagnostics = sink_.take();
    return parsed;
  }

 private:
  // ----- error handling -----------------------------------------------------------------------

  [[noreturn]] void fatal(simdjson::error_code error, const Loc* loc) {
    std::string location = std::string(source_);
    const char* at = nullptr;
    if (document_ != nullptr && document_->current_location().get(at) == simdjson::SUCCESS &&
        at != nullptr && at >= padded_.data() && at <= padded_.data() + padded_.size()) {
      const auto offset = static_cast<std::size_t>(at - padded_.data());
      const LineColumn position = line_column_at(text_, std::min(offset, text_.size()));
      location = text_location(source_, position.line, position.column);
    } else if (loc != nullptr) {
      location += loc->hash_pointer();
    }
    throw Fatal{Error{ErrorCode::kInvalidInput,
                      std::string("malformed JSON: ") + simdjson::error_message(error), location}};
  }

  // True on success; false (after a warning) when the value has another type; fatal otherwise.
  bool check(simdjson::error_code error, const Loc* loc, std::string_view expected = {}) {
    if (error == simdjson::SUCCESS) {
      return true;
    }
    if (error == simdjson::INCORRECT_TYPE || error == simdjson::NUMBER_OUT_OF_RANGE) {
      sink_.warning("CDX-TYPE",
                    "expected " + std::string(expected.empty() ? "another type" : expected) +
                        "; the value was ignored",
                    std::string(source_) + (loc != nullptr ? loc->hash_pointer() : "#"));
      return false;
    }
    fatal(error, loc);
  }

  // ----- typed access -------------------------------------------------------------------------

  bool get_string(od::value& value, const Loc& loc, std::string& out) {
    std::string_view text;
    if (!check(value.get_string().get(text), &loc, "a string")) {
      return false;
    }
    if (text.size() > limits_.max_string_bytes) {
      throw Fatal{Error{ErrorCode::kInvalidInput,
                        "a string is longer than the limit of " +
                            std::to_string(limits_.max_string_bytes) + " bytes",
                        std::string(source_) + loc.hash_pointer()}};
    }
    out.assign(text.data(), text.size());
    return true;
  }

  std::string string_of(od::value& value, const Loc& loc) {
    std::string out;
    get_string(value, loc, out);
    return out;
  }

  template <typename Fn>
  void each_field(od::object& object, const Loc& loc, Fn&& fn) {
    for (auto member : object) {
      od::field field;
      check(std::move(member).get(field), &loc);
      std::string_view key;
      check(field.unescaped_key().get(key), &loc);
      const Loc child = loc.field(key);
      od::value value = field.value();
      fn(key, value, child);
    }
  }

  template <typename Fn>
  void each_field(od::value& value, const Loc& loc, Fn&& fn) {
    od::object object;
    if (!check(value.get_object().get(object), &loc, "an object")) {
      return;
    }
    each_field(object, loc, std::forward<Fn>(fn));
  }

  template <typename Fn>
  void each_item(od::value& value, const Loc& loc, Fn&& fn) {
    od::array array;
    if (!check(value.get_array().get(array), &loc, "an array")) {
      return;
    }
    std::size_t index = 0;
    for (auto element : array) {
      od::value item;
      check(std::move(element).get(item), &loc);
      if (++items_ > limits_.max_items) {
        throw Fatal{Error{ErrorCode::kInvalidInput,
                          "more than " + std::to_string(limits_.max_items) +
                              " array elements in total; raise the item limit to read this "
                              "document",
                          std::string(source_) + loc.hash_pointer()}};
      }
      const Loc child = loc.item(index++);
      fn(item, child);
    }
  }

  std::vector<std::string> string_list(od::value& value, const Loc& loc) {
    std::vector<std::string> out;
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      std::string text;
      if (get_string(item, item_loc, text)) {
        out.push_back(std::move(text));
      }
    });
    return out;
  }

  std::optional<double> number_of(od::value& value, const Loc& loc) {
    double number = 0;
    if (!check(value.get_double().get(number), &loc, "a number")) {
      return std::nullopt;
    }
    return number;
  }

  std::optional<bool> bool_of(od::value& value, const Loc& loc) {
    bool flag = false;
    if (!check(value.get_bool().get(flag), &loc, "true or false")) {
      return std::nullopt;
    }
    return flag;
  }

  // ----- shared shapes ------------------------------------------------------------------------

  model::Contact read_contact(od::value& value, const Loc& loc) {
    model::Contact contact;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "name") {
        get_string(member, at, contact.name);
      } else if (key == "email") {
        get_string(member, at, contact.email);
      } else if (key == "phone") {
        get_string(member, at, contact.phone);
      }
    });
    return contact;
  }

  model::Organization read_organization(od::value& value, const Loc& loc) {
    model::Organization organization;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "name") {
        get_string(member, at, organization.name);
      } else if (key == "url") {
        organization.urls = string_list(member, at);
      } else if (key == "contact") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          organization.contacts.push_back(read_contact(item, item_loc));
        });
      } else if (key == "bom-ref") {
        get_string(member, at, organization.ref);
      }
    });
    return organization;
  }

  std::vector<model::Hash> read_hashes(od::value& value, const Loc& loc) {
    std::vector<model::Hash> hashes;
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::Hash hash;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "alg") {
          std::string algorithm;
          if (get_string(member, at, algorithm)) {
            hash.algorithm = normalize_hash_algorithm(algorithm);
          }
        } else if (key == "content") {
          if (get_string(member, at, hash.value)) {
            hash.value = ascii_lower(hash.value);
          }
        }
      });
      hashes.push_back(std::move(hash));
    });
    return hashes;
  }

  std::vector<model::License> read_licenses(od::value& value, const Loc& loc) {
    std::vector<model::License> licenses;
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::License license;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "license") {
          each_field(member, at, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "id") {
              license.kind = model::License::Kind::kId;
              get_string(field, in, license.value);
            } else if (inner == "name") {
              if (license.value.empty()) {
                license.kind = model::License::Kind::kName;
                get_string(field, in, license.value);
              }
            } else if (inner == "url") {
              get_string(field, in, license.url);
            } else if (inner == "acknowledgement") {
              get_string(field, in, license.acknowledgement);
            }
          });
        } else if (key == "expression") {
          license.kind = model::License::Kind::kExpression;
          get_string(member, at, license.value);
        } else if (key == "acknowledgement") {
          get_string(member, at, license.acknowledgement);
        }
      });
      licenses.push_back(std::move(license));
    });
    return licenses;
  }

  std::vector<model::ExternalReference> read_external_references(od::value& value, const Loc& loc) {
    std::vector<model::ExternalReference> references;
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::ExternalReference reference;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "url") {
          get_string(member, at, reference.url);
        } else if (key == "type") {
          get_string(member, at, reference.type);
        } else if (key == "comment") {
          get_string(member, at, reference.comment);
        } else if (key == "hashes") {
          reference.hashes = read_hashes(member, at);
        }
      });
      references.push_back(std::move(reference));
    });
    return references;
  }

  std::vector<model::Property> read_properties(od::value& value, const Loc& loc) {
    std::vector<model::Property> properties;
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::Property property;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "name") {
          get_string(member, at, property.name);
        } else if (key == "value") {
          get_string(member, at, property.value);
        }
      });
      properties.push_back(std::move(property));
    });
    return properties;
  }

  // ----- components and services --------------------------------------------------------------

  void read_components(od::value& value, const Loc& loc, const std::string& parent_ref,
                       std::uint32_t depth) {
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      read_component(item, item_loc, parent_ref, depth);
    });
  }

  // Appends the component (and then its nested components); returns its index.
  std::size_t read_component(od::value& value, const Loc& loc, const std::string& parent_ref,
                             std::uint32_t depth) {
    if (depth > limits_.max_depth) {
      throw Fatal{Error{
          ErrorCode::kInvalidInput,
          "components are nested more than " + std::to_string(limits_.max_depth) + " levels deep",
          std::string(source_) + loc.hash_pointer()}};
    }
    const std::size_t index = sbom_.components.size();
    sbom_.components.emplace_back();
    sbom_.components[index].parent_ref = parent_ref;
    sbom_.components[index].source_location = loc.hash_pointer();
    // Nested components name their parent's ref, which may come after the nested array in the
    // object: they get a placeholder now, replaced once this component is complete.
    const std::string placeholder = "\x01" + std::to_string(index);
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      model::Component& component = sbom_.components[index];
      if (key == "name") {
        get_string(member, at, component.name);
      } else if (key == "version") {
        get_string(member, at, component.version);
      } else if (key == "purl") {
        std::string purl;
        if (get_string(member, at, purl)) {
          set_component_purl(component, purl, std::string(source_) + at.hash_pointer(), sink_);
        }
      } else if (key == "bom-ref") {
        get_string(member, at, component.ref);
      } else if (key == "type") {
        std::string type;
        if (get_string(member, at, type)) {
          if (const auto known = cyclonedx::component_type_from(type)) {
            component.type = *known;
          } else {
            component.type = model::ComponentType::kOther;
            sink_.warning(
                "CDX-COMPONENT-TYPE",
                "component type " + quote(type, 40) + " is not a CycloneDX type; read as \"other\"",
                std::string(source_) + at.hash_pointer());
          }
        }
      } else if (key == "group") {
        get_string(member, at, component.group);
      } else if (key == "description") {
        get_string(member, at, component.description);
      } else if (key == "hashes") {
        component.hashes = read_hashes(member, at);
      } else if (key == "licenses") {
        component.licenses = read_licenses(member, at);
      } else if (key == "cpe") {
        std::string cpe;
        if (get_string(member, at, cpe) && !cpe.empty()) {
          component.cpes.push_back(std::move(cpe));
        }
      } else if (key == "supplier") {
        component.supplier = read_organization(member, at);
      } else if (key == "manufacturer") {
        component.manufacturer = read_organization(member, at);
      } else if (key == "author") {
        model::Contact author;
        if (get_string(member, at, author.name)) {
          component.authors.push_back(std::move(author));
        }
      } else if (key == "authors") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          component.authors.push_back(read_contact(item, item_loc));
        });
      } else if (key == "publisher") {
        get_string(member, at, component.publisher);
      } else if (key == "copyright") {
        get_string(member, at, component.copyright);
      } else if (key == "scope") {
        std::string scope;
        if (get_string(member, at, scope)) {
          component.scope = cyclonedx::scope_from(scope);
        }
      } else if (key == "swid") {
        each_field(member, at, [&](std::string_view inner, od::value& field, const Loc& in) {
          if (inner == "tagId") {
            get_string(field, in, component.swid_tag_id);
          }
        });
      } else if (key == "omniborId") {
        const std::vector<std::string> ids = string_list(member, at);
        if (!ids.empty()) {
          component.omnibor_id = ids.front();
        }
      } else if (key == "swhid") {
        component.swhids = string_list(member, at);
      } else if (key == "externalReferences") {
        component.external_references = read_external_references(member, at);
      } else if (key == "properties") {
        component.properties = read_properties(member, at);
      } else if (key == "components") {
        read_components(member, at, placeholder, depth + 1);
      }
    });
    model::Component& component = sbom_.components[index];
    for (const model::Property& property : component.properties) {
      if (property.name == "cdx:lifecycle:milestone:endOfLife" ||
          property.name == "assay:end-of-life") {
        component.end_of_life = property.value;
      }
    }
    if (sbom_.components.size() > index + 1) {
      if (component.ref.empty()) {
        component.ref = "assay:component/parent-" + std::to_string(index);
      }
      const std::string own_ref = component.ref;
      for (std::size_t child = index + 1; child < sbom_.components.size(); ++child) {
        if (sbom_.components[child].parent_ref == placeholder) {
          sbom_.components[child].parent_ref = own_ref;
        }
      }
    }
    return index;
  }

  void read_services(od::value& value, const Loc& loc, const std::string& parent_ref,
                     std::uint32_t depth) {
    if (depth > limits_.max_depth) {
      throw Fatal{Error{
          ErrorCode::kInvalidInput,
          "services are nested more than " + std::to_string(limits_.max_depth) + " levels deep",
          std::string(source_) + loc.hash_pointer()}};
    }
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::Service service;
      service.parent_ref = parent_ref;
      service.source_location = item_loc.hash_pointer();
      const std::size_t first_child = sbom_.services.size();
      const std::string placeholder =
          "\x02" + std::to_string(first_child) + "/" + std::to_string(services_seen_++);
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "bom-ref") {
          get_string(member, at, service.ref);
        } else if (key == "name") {
          get_string(member, at, service.name);
        } else if (key == "group") {
          get_string(member, at, service.group);
        } else if (key == "version") {
          get_string(member, at, service.version);
        } else if (key == "description") {
          get_string(member, at, service.description);
        } else if (key == "provider") {
          service.provider = read_organization(member, at);
        } else if (key == "endpoints") {
          service.endpoints = string_list(member, at);
        } else if (key == "authenticated") {
          service.authenticated = bool_of(member, at);
        } else if (key == "x-trust-boundary") {
          service.crosses_trust_boundary = bool_of(member, at);
        } else if (key == "data") {
          each_item(member, at, [&](od::value& flow, const Loc& flow_loc) {
            std::string direction;
            std::string classification;
            each_field(flow, flow_loc,
                       [&](std::string_view inner, od::value& field, const Loc& in) {
                         if (inner == "flow") {
                           get_string(field, in, direction);
                         } else if (inner == "classification") {
                           get_string(field, in, classification);
                         }
                       });
            service.data_classifications.push_back(direction + ":" + classification);
          });
        } else if (key == "licenses") {
          service.licenses = read_licenses(member, at);
        } else if (key == "externalReferences") {
          service.external_references = read_external_references(member, at);
        } else if (key == "properties") {
          service.properties = read_properties(member, at);
        } else if (key == "services") {
          read_services(member, at, placeholder, depth + 1);
        }
      });
      if (sbom_.services.size() > first_child && service.ref.empty()) {
        service.ref = "assay:service/parent-" + std::to_string(services_seen_);
      }
      for (std::size_t child = first_child; child < sbom_.services.size(); ++child) {
        if (sbom_.services[child].parent_ref == placeholder) {
          sbom_.services[child].parent_ref = service.ref;
        }
      }
      sbom_.services.push_back(std::move(service));
    });
  }

  // ----- document sections --------------------------------------------------------------------

  void read_root(od::object& root, const Loc& loc) {
    each_field(root, loc, [&](std::string_view key, od::value& value, const Loc& at) {
      if (key == "bomFormat") {
        std::string format;
        if (get_string(value, at, format)) {
          if (format != "CycloneDX") {
            throw Fatal{Error{ErrorCode::kInvalidInput,
                              "bomFormat is " + quote(format, 40) + ", not \"CycloneDX\"",
                              std::string(source_) + at.hash_pointer()}};
          }
          saw_cyclonedx_ = true;
        }
      } else if (key == "specVersion") {
        get_string(value, at, sbom_.metadata.spec_version);
      } else if (key == "serialNumber") {
        get_string(value, at, sbom_.metadata.serial_number);
      } else if (key == "version") {
        std::int64_t number = 0;
        if (check(value.get_int64().get(number), &at, "an integer")) {
          sbom_.metadata.document_version = std::to_string(number);
        }
      } else if (key == "metadata") {
        read_metadata(value, at);
      } else if (key == "components") {
        read_components(value, at, {}, 1);
      } else if (key == "services") {
        read_services(value, at, {}, 1);
      } else if (key == "externalReferences") {
        sbom_.metadata.external_references = read_external_references(value, at);
      } else if (key == "dependencies") {
        read_dependencies(value, at);
      } else if (key == "compositions") {
        read_compositions(value, at);
      } else if (key == "properties") {
        const std::vector<model::Property> properties = read_properties(value, at);
        sbom_.metadata.properties.insert(sbom_.metadata.properties.end(), properties.begin(),
                                         properties.end());
      } else if (key == "vulnerabilities") {
        read_vulnerabilities(value, at);
      } else if (key == "declarations") {
        read_declarations(value, at);
      } else if (key == "definitions") {
        each_field(value, at, [&](std::string_view inner, od::value& member, const Loc& in) {
          if (inner == "standards") {
            read_standards(member, in);
          }
        });
      }
    });
    sbom_.metadata.format = model::SbomFormat::kCycloneDxJson;
  }

  void read_tool_object(od::value& value, const Loc& loc) {
    model::Tool tool;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "vendor") {
        get_string(member, at, tool.vendor);
      } else if (key == "name") {
        get_string(member, at, tool.name);
      } else if (key == "version") {
        get_string(member, at, tool.version);
      } else if (key == "group" && tool.vendor.empty()) {
        get_string(member, at, tool.vendor);
      } else if (key == "manufacturer" || key == "supplier" || key == "provider") {
        const model::Organization organization = read_organization(member, at);
        if (tool.vendor.empty()) {
          tool.vendor = organization.name;
        }
      }
    });
    sbom_.metadata.tools.push_back(std::move(tool));
  }

  void read_metadata(od::value& value, const Loc& loc) {
    model::SbomMetadata& metadata = sbom_.metadata;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "timestamp") {
        get_string(member, at, metadata.timestamp);
      } else if (key == "lifecycles") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          std::string phase;
          std::string name;
          each_field(item, item_loc, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "phase") {
              get_string(field, in, phase);
            } else if (inner == "name") {
              get_string(field, in, name);
            }
          });
          metadata.lifecycles.push_back(phase.empty() ? name : phase);
        });
      } else if (key == "tools") {
        od::json_type type{};
        check(member.type().get(type), &at);
        if (type == od::json_type::array) {
          each_item(member, at, [&](od::value& item, const Loc& item_loc) {
            read_tool_object(item, item_loc);
          });
        } else {
          each_field(member, at, [&](std::string_view inner, od::value& list, const Loc& in) {
            if (inner == "components" || inner == "services") {
              each_item(list, in, [&](od::value& item, const Loc& item_loc) {
                read_tool_object(item, item_loc);
              });
            }
          });
        }
      } else if (key == "authors") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          metadata.authors.push_back(read_contact(item, item_loc));
        });
      } else if (key == "component") {
        const std::size_t index = read_component(member, at, {}, 1);
        if (sbom_.components[index].ref.empty()) {
          sbom_.components[index].ref = "assay:component/subject";
        }
        metadata.subject_ref = sbom_.components[index].ref;
      } else if (key == "manufacture" || key == "manufacturer") {
        metadata.manufacturer = read_organization(member, at);
      } else if (key == "supplier") {
        metadata.supplier = read_organization(member, at);
      } else if (key == "licenses") {
        metadata.data_licenses = read_licenses(member, at);
      } else if (key == "properties") {
        const std::vector<model::Property> properties = read_properties(member, at);
        metadata.properties.insert(metadata.properties.end(), properties.begin(), properties.end());
      }
    });
  }

  void read_dependencies(od::value& value, const Loc& loc) {
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      std::string ref;
      std::vector<std::pair<model::RelationshipType, std::vector<std::string>>> targets;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "ref") {
          get_string(member, at, ref);
        } else if (key == "dependsOn") {
          targets.emplace_back(model::RelationshipType::kDependsOn, std::vector<std::string>());
          each_item(member, at, [&](od::value& target, const Loc& target_loc) {
            std::string text;
            // CycloneDX 1.2/1.3 wrote dependsOn as refs; some tools write {"ref": ...} objects.
            od::json_type type{};
            check(target.type().get(type), &target_loc);
            if (type == od::json_type::object) {
              each_field(target, target_loc,
                         [&](std::string_view inner, od::value& field, const Loc& in) {
                           if (inner == "ref") {
                             get_string(field, in, text);
                           }
                         });
            } else {
              get_string(target, target_loc, text);
            }
            targets.back().second.push_back(std::move(text));
          });
        } else if (key == "provides") {
          targets.emplace_back(model::RelationshipType::kProvidedBy, string_list(member, at));
        }
      });
      const std::string location = item_loc.hash_pointer();
      if (ref.empty()) {
        sink_.warning("CDX-DEPENDENCY-NO-REF",
                      "dependency entry has no \"ref\"; its edges were ignored",
                      std::string(source_) + location);
        return;
      }
      if (targets.empty() || (targets.size() == 1 && targets.front().second.empty())) {
        // {"ref": X} alone says "X has no dependencies": kept as an edge with an empty target.
        sbom_.relationships.push_back(
            {ref, model::RelationshipType::kDependsOn, "", "dependsOn", location});
      }
      for (auto& [type, refs] : targets) {
        for (std::string& target : refs) {
          model::Relationship relationship;
          relationship.from = ref;
          relationship.type = type;
          relationship.to = std::move(target);
          relationship.original_type =
              type == model::RelationshipType::kDependsOn ? "dependsOn" : "provides";
          relationship.source_location = location;
          sbom_.relationships.push_back(std::move(relationship));
        }
      }
    });
  }

  void read_compositions(od::value& value, const Loc& loc) {
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::Composition composition;
      composition.source_location = item_loc.hash_pointer();
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "aggregate") {
          get_string(member, at, composition.aggregate);
        } else if (key == "assemblies") {
          composition.assemblies = string_list(member, at);
        } else if (key == "dependencies") {
          composition.dependencies = string_list(member, at);
        } else if (key == "vulnerabilities") {
          composition.vulnerabilities = string_list(member, at);
        }
      });
      sbom_.compositions.push_back(std::move(composition));
    });
  }

  void read_vulnerabilities(od::value& value, const Loc& loc) {
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::VexStatement statement;
      statement.source_location = item_loc.hash_pointer();
      statement.source_document = std::string(source_);
      std::string published;
      std::string updated;
      bool has_analysis = false;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "id") {
          get_string(member, at, statement.vulnerability);
        } else if (key == "bom-ref") {
          get_string(member, at, statement.ref);
        } else if (key == "references") {
          each_item(member, at, [&](od::value& reference, const Loc& reference_loc) {
            each_field(reference, reference_loc,
                       [&](std::string_view inner, od::value& field, const Loc& in) {
                         if (inner == "id") {
                           std::string alias;
                           if (get_string(field, in, alias)) {
                             statement.aliases.push_back(std::move(alias));
                           }
                         }
                       });
          });
        } else if (key == "published" || key == "created") {
          get_string(member, at, published);
        } else if (key == "updated") {
          get_string(member, at, updated);
        } else if (key == "analysis") {
          has_analysis = true;
          each_field(member, at, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "state") {
              std::string state;
              if (get_string(field, in, state)) {
                if (const auto status = cyclonedx::vex_status_from(state)) {
                  statement.status = *status;
                } else {
                  sink_.warning("CDX-VEX-STATE",
                                "analysis state " + quote(state, 40) +
                                    " is not a CycloneDX state; read as under_investigation",
                                std::string(source_) + in.hash_pointer());
                }
              }
            } else if (inner == "justification") {
              std::string justification;
              if (get_string(field, in, justification)) {
                statement.justification = cyclonedx::justification_from(justification);
              }
            } else if (inner == "response") {
              statement.responses = string_list(field, in);
            } else if (inner == "detail") {
              get_string(field, in, statement.impact_statement);
            } else if (inner == "firstIssued") {
              get_string(field, in, statement.timestamp);
            } else if (inner == "lastUpdated") {
              get_string(field, in, statement.last_updated);
            }
          });
        } else if (key == "recommendation") {
          get_string(member, at, statement.action_statement);
        } else if (key == "detail") {
          get_string(member, at, statement.status_notes);
        } else if (key == "affects") {
          each_item(member, at, [&](od::value& affect, const Loc& affect_loc) {
            model::VexProduct product;
            each_field(affect, affect_loc,
                       [&](std::string_view inner, od::value& field, const Loc& in) {
                         if (inner == "ref") {
                           get_string(field, in, product.ref);
                           product.id = product.ref;
                         }
                       });
            statement.products.push_back(std::move(product));
          });
        }
      });
      if (!has_analysis) {
        // A VDR entry without analysis: the vulnerability is reported, its impact not yet
        // stated; "under investigation" keeps the match (never a silent "not affected").
        statement.status = model::VexStatus::kUnderInvestigation;
      }
      if (statement.timestamp.empty()) {
        statement.timestamp = published;
      }
      if (statement.last_updated.empty()) {
        statement.last_updated = updated;
      }
      sbom_.vulnerabilities.push_back(std::move(statement));
    });
  }

  void read_declarations(od::value& value, const Loc& loc) {
    model::Declarations& declarations = sbom_.declarations;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "assessors") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          model::Organization assessor;
          each_field(item, item_loc, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "bom-ref") {
              get_string(field, in, assessor.ref);
            } else if (inner == "organization") {
              const std::string ref = assessor.ref;
              assessor = read_organization(field, in);
              if (assessor.ref.empty()) {
                assessor.ref = ref;
              }
            }
          });
          declarations.assessors.push_back(std::move(assessor));
        });
      } else if (key == "attestations") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          model::Attestation attestation;
          each_field(item, item_loc, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "summary") {
              get_string(field, in, attestation.summary);
            } else if (inner == "assessor") {
              get_string(field, in, attestation.assessor);
            } else if (inner == "map") {
              each_item(field, in, [&](od::value& entry_value, const Loc& entry_loc) {
                attestation.map.push_back(read_attestation_map(entry_value, entry_loc));
              });
            }
          });
          declarations.attestations.push_back(std::move(attestation));
        });
      } else if (key == "claims") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          model::AttestationClaim claim;
          each_field(item, item_loc, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "bom-ref") {
              get_string(field, in, claim.ref);
            } else if (inner == "target") {
              get_string(field, in, claim.target);
            } else if (inner == "predicate") {
              get_string(field, in, claim.predicate);
            } else if (inner == "reasoning") {
              get_string(field, in, claim.reasoning);
            } else if (inner == "evidence") {
              claim.evidence_refs = string_list(field, in);
            } else if (inner == "counterEvidence") {
              claim.counter_evidence_refs = string_list(field, in);
            }
          });
          declarations.claims.push_back(std::move(claim));
        });
      } else if (key == "evidence") {
        each_item(member, at, [&](od::value& item, const Loc& item_loc) {
          model::Property evidence;
          each_field(item, item_loc, [&](std::string_view inner, od::value& field, const Loc& in) {
            if (inner == "bom-ref") {
              get_string(field, in, evidence.name);
            } else if (inner == "description") {
              get_string(field, in, evidence.value);
            }
          });
          declarations.evidence.push_back(std::move(evidence));
        });
      } else if (key == "affirmation") {
        each_field(member, at, [&](std::string_view inner, od::value& field, const Loc& in) {
          if (inner == "statement") {
            get_string(field, in, declarations.affirmation_statement);
          } else if (inner == "signatories") {
            each_item(field, in, [&](od::value& item, const Loc& item_loc) {
              model::Contact signatory;
              each_field(item, item_loc,
                         [&](std::string_view name, od::value& part, const Loc& part_loc) {
                           if (name == "name") {
                             get_string(part, part_loc, signatory.name);
                           } else if (name == "role") {
                             get_string(part, part_loc, signatory.phone);
                           }
                         });
              declarations.affirmation_signatories.push_back(std::move(signatory));
            });
          }
        });
      }
    });
  }

  model::AttestationMapEntry read_attestation_map(od::value& value, const Loc& loc) {
    model::AttestationMapEntry entry;
    each_field(value, loc, [&](std::string_view key, od::value& member, const Loc& at) {
      if (key == "requirement") {
        get_string(member, at, entry.requirement);
      } else if (key == "claims") {
        entry.claims = string_list(member, at);
      } else if (key == "counterClaims") {
        entry.counter_claims = string_list(member, at);
      } else if (key == "conformance" || key == "confidence") {
        const bool conformance = key == "conformance";
        each_field(member, at, [&](std::string_view inner, od::value& field, const Loc& in) {
          if (inner == "score") {
            (conformance ? entry.conformance_score : entry.confidence_score) = number_of(field, in);
          } else if (inner == "rationale") {
            get_string(field, in,
                       conformance ? entry.conformance_rationale : entry.confidence_rationale);
          }
        });
      }
    });
    return entry;
  }

  void read_standards(od::value& value, const Loc& loc) {
    each_item(value, loc, [&](od::value& item, const Loc& item_loc) {
      model::Standard standard;
      each_field(item, item_loc, [&](std::string_view key, od::value& member, const Loc& at) {
        if (key == "bom-ref") {
          get_string(member, at, standard.ref);
        } else if (key == "name") {
          get_string(member, at, standard.name);
        } else if (key == "version") {
          get_string(member, at, standard.version);
        } else if (key == "description") {
          get_string(member, at, standard.description);
        } else if (key == "owner") {
          get_string(member, at, standard.owner);
        } else if (key == "requirements") {
          each_item(member, at, [&](od::value& requirement_value, const Loc& requirement_loc) {
            model::Requirement requirement;
            each_field(requirement_value, requirement_loc,
                       [&](std::string_view inner, od::value& field, const Loc& in) {
                         if (inner == "bom-ref") {
                           get_string(field, in, requirement.ref);
                         } else if (inner == "identifier") {
                           get_string(field, in, requirement.identifier);
                         } else if (inner == "title") {
                           get_string(field, in, requirement.title);
                         } else if (inner == "text") {
                           get_string(field, in, requirement.text);
                         } else if (inner == "parent") {
                           std::string parent;
                           if (get_string(field, in, parent)) {
                             requirement.parents.push_back(std::move(parent));
                           }
                         }
                       });
            standard.requirements.push_back(std::move(requirement));
          });
        }
      });
      sbom_.standards.push_back(std::move(standard));
    });
  }

  std::string_view text_;
  std::string_view source_;
  InputLimits limits_;
  simdjson::padded_string padded_;
  od::document* document_ = nullptr;
  DiagnosticSink sink_;
  model::Sbom sbom_;
  std::uint64_t items_ = 0;
  bool saw_cyclonedx_ = false;
  std::size_t services_seen_ = 0;
};

}  // namespace

Result<Parsed<model::Sbom>> read_cyclonedx_json(std::string_view text, std::string_view source,
                                                const InputLimits& limits) {
  JsonReader reader(text, source, limits);
  return reader.read();
}

}  // namespace assay::formats
