// Shared SBOM reader helpers and the semantic checks schemas cannot express.
#include "assay/formats/sbom_common.h"

#include <unordered_map>
#include <unordered_set>

#include "assay/core/strings.h"
#include "assay/formats/schema.h"
#include "assay/purl/purl.h"

namespace assay::formats {

std::string normalize_hash_algorithm(std::string_view name) {
  std::string upper = ascii_upper(trim(name));
  std::string compact;
  for (const char c : upper) {
    if (c != '-' && c != '_' && c != ' ') {
      compact += c;
    }
  }
  struct Alias {
    std::string_view compact;
    std::string_view spelling;
  };
  static constexpr Alias kAliases[] = {
      {"MD2", "MD2"},
      {"MD4", "MD4"},
      {"MD5", "MD5"},
      {"MD6", "MD6"},
      {"SHA1", "SHA-1"},
      {"SHA224", "SHA-224"},
      {"SHA256", "SHA-256"},
      {"SHA384", "SHA-384"},
      {"SHA512", "SHA-512"},
      {"SHA3256", "SHA3-256"},
      {"SHA3384", "SHA3-384"},
      {"SHA3512", "SHA3-512"},
      {"SHA3224", "SHA3-224"},
      {"BLAKE2B256", "BLAKE2b-256"},
      {"BLAKE2B384", "BLAKE2b-384"},
      {"BLAKE2B512", "BLAKE2b-512"},
      {"BLAKE3", "BLAKE3"},
      {"ADLER32", "ADLER32"},
      {"STREEBOG256", "Streebog-256"},
      {"STREEBOG512", "Streebog-512"},
  };
  for (const Alias& alias : kAliases) {
    if (compact == alias.compact) {
      return std::string(alias.spelling);
    }
  }
  return upper;
}

std::size_t hash_hex_length(std::string_view algorithm) {
  struct Length {
    std::string_view algorithm;
    std::size_t hex_digits;
  };
  static constexpr Length kLengths[] = {
      {"MD2", 32},          {"MD4", 32},          {"MD5", 32},          {"SHA-1", 40},
      {"SHA-224", 56},      {"SHA-256", 64},      {"SHA-384", 96},      {"SHA-512", 128},
      {"SHA3-224", 56},     {"SHA3-256", 64},     {"SHA3-384", 96},     {"SHA3-512", 128},
      {"BLAKE2b-256", 64},  {"BLAKE2b-384", 96},  {"BLAKE2b-512", 128}, {"ADLER32", 8},
      {"Streebog-256", 64}, {"Streebog-512", 128}};
  for (const Length& length : kLengths) {
    if (algorithm == length.algorithm) {
      return length.hex_digits;
    }
  }
  return 0;
}

std::string located(std::string_view source, std::string_view source_location) {
  if (!source_location.empty() && source_location.front() == '#') {
    return std::string(source) + std::string(source_location);
  }
  if (source_location.substr(0, 5) == "line ") {
    return std::string(source) + ":" + std::string(source_location.substr(5));
  }
  return std::string(source);
}

void set_component_purl(model::Component& component, std::string_view purl,
                        const std::string& location, DiagnosticSink& sink) {
  component.purl = std::string(purl);
  component.purl_canonical.clear();
  if (purl.empty()) {
    return;
  }
  Result<purl::Purl> parsed = purl::parse(purl);
  if (!parsed) {
    sink.error("SBOM-PURL-INVALID",
               "package URL " + quote(purl) + " is not valid: " + parsed.error().message +
                   "; the component is kept but cannot be matched by purl",
               location);
    return;
  }
  component.purl_canonical = parsed->to_string();
}

bool is_bom_link(std::string_view ref) {
  return ref.substr(0, 8) == "urn:cdx:";
}

namespace {

bool is_hex(std::string_view text) {
  for (const char c : text) {
    if (!is_ascii_digit(c) && !(c >= 'a' && c <= 'f') && !(c >= 'A' && c <= 'F')) {
      return false;
    }
  }
  return !text.empty();
}

void check_hashes(const std::vector<model::Hash>& hashes, std::string_view source,
                  const std::string& owner_location, std::string_view owner, DiagnosticSink& sink) {
  for (const model::Hash& hash : hashes) {
    const std::string where = located(source, owner_location);
    if (!is_hex(hash.value)) {
      sink.error("SBOM-HASH-INVALID",
                 std::string(owner) + ": " + hash.algorithm + " digest " + quote(hash.value, 80) +
                     " is not hexadecimal",
                 where);
      continue;
    }
    const std::size_t expected = hash_hex_length(hash.algorithm);
    if (expected != 0 && hash.value.size() != expected) {
      sink.error("SBOM-HASH-INVALID",
                 std::string(owner) + ": " + hash.algorithm + " digest has " +
                     std::to_string(hash.value.size()) + " hex digits, but " + hash.algorithm +
                     " digests have " + std::to_string(expected),
                 where);
    }
  }
}

std::string describe(const model::Component& component) {
  std::string text = "component";
  if (!component.name.empty()) {
    text += " " + quote(component.name, 80);
  }
  if (!component.ref.empty()) {
    text += " (ref " + quote(component.ref, 80) + ")";
  }
  return text;
}

}  // namespace

void check_sbom(const model::Sbom& sbom, std::string_view source, DiagnosticSink& sink,
                const std::unordered_set<std::string>& extra_refs) {
  std::unordered_map<std::string_view, std::string_view> refs;  // ref -> first location
  refs.reserve(sbom.components.size() + sbom.services.size());
  const auto add_ref = [&](const std::string& ref, const std::string& location,
                           std::string_view what) {
    if (ref.empty() || ref.rfind("assay:", 0) == 0) {
      return;
    }
    const auto [found, inserted] = refs.emplace(ref, location);
    if (!inserted) {
      sink.error("SBOM-DUPLICATE-REF",
                 std::string(what) + " reuses ref " + quote(ref, 80) + ", first used at " +
                     located(source, found->second) +
                     "; every bom-ref / SPDXID must be unique in the document",
                 located(source, location));
    }
  };
  for (const model::Component& component : sbom.components) {
    add_ref(component.ref, component.source_location, "component");
  }
  for (const model::Service& service : sbom.services) {
    add_ref(service.ref, service.source_location, "service");
  }
  for (const model::VexStatement& statement : sbom.vulnerabilities) {
    add_ref(statement.ref, statement.source_location, "vulnerability");
  }
  for (const model::Component& component : sbom.components) {
    const std::string what = describe(component);
    check_hashes(component.hashes, source, component.source_location, what, sink);
    for (const model::ExternalReference& reference : component.external_references) {
      check_hashes(reference.hashes, source, component.source_location,
                   what + " external reference " + quote(reference.url, 80), sink);
    }
    if (component.identity_kind() == model::IdentityKind::kNone) {
      sink.warning("SBOM-NO-IDENTITY",
                   "component has no purl, CPE or name, so it cannot be identified or matched; "
                   "it is kept and listed",
                   located(source, component.source_location));
    } else if (!component.purl_canonical.empty()) {
      Result<purl::Purl> parsed = purl::parse(component.purl_canonical);
      if (parsed && parsed->version.empty() && component.version.empty()) {
        sink.warning("SBOM-PURL-NO-VERSION",
                     what + " has purl " + quote(component.purl, 80) +
                         " without a version and no version field; it is kept, but "
                         "vulnerability matching cannot be precise",
                     located(source, component.source_location));
      }
    }
  }
  const auto known = [&](const std::string& ref) {
    return refs.count(ref) > 0 || extra_refs.count(ref) > 0 || is_bom_link(ref) ||
           ref == sbom.metadata.serial_number || ref.rfind("DocumentRef-", 0) == 0 ||
           ref == "SPDXRef-DOCUMENT" || ref == "NOASSERTION" || ref == "NONE";
  };
  for (const model::Relationship& relationship : sbom.relationships) {
    for (const std::string* end : {&relationship.from, &relationship.to}) {
      if (!end->empty() && !known(*end)) {
        sink.error("SBOM-DANGLING-REF",
                   "relationship " + quote(relationship.original_type, 40) + " names " +
                       quote(*end, 80) +
                       ", which no component or service in this document has as its ref",
                   located(source, relationship.source_location));
      }
    }
  }
  for (const model::Composition& composition : sbom.compositions) {
    for (const std::vector<std::string>* list :
         {&composition.assemblies, &composition.dependencies}) {
      for (const std::string& ref : *list) {
        if (!known(ref)) {
          sink.error("SBOM-DANGLING-REF",
                     "composition names " + quote(ref, 80) +
                         ", which no component or service in this document has as its ref",
                     located(source, composition.source_location));
        }
      }
    }
  }
  if (!sbom.metadata.timestamp.empty()) {
    const std::string problem = check_string_format("date-time", sbom.metadata.timestamp);
    if (!problem.empty()) {
      sink.error("SBOM-TIMESTAMP-INVALID", "document timestamp " + problem, std::string(source));
    }
  }
}

}  // namespace assay::formats
