// SBOM quality profiles: each element is a predicate over the document or one component, with
// the rule and the fix written next to it.
#include "assay/formats/quality.h"

#include <cmath>
#include <cstdio>
#include <functional>
#include <unordered_set>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/schema.h"

namespace assay::formats {
namespace {

using ComponentCheck = std::function<bool(const model::Component&)>;
using DocumentCheck = std::function<bool()>;

bool is_unset(std::string_view value) {
  const std::string_view trimmed = trim(value);
  return trimmed.empty() || trimmed == "NOASSERTION" || trimmed == "NONE";
}

bool has_supplier(const model::Component& component) {
  return !is_unset(component.supplier.name) || !is_unset(component.manufacturer.name) ||
         !is_unset(component.publisher);
}

bool has_identifier(const model::Component& component) {
  return !component.purl_canonical.empty() || !component.cpes.empty() ||
         !component.swid_tag_id.empty() || !component.omnibor_id.empty() ||
         !component.swhids.empty();
}

bool has_hash(const model::Component& component, std::string_view algorithm = {}) {
  for (const model::Hash& hash : component.hashes) {
    if (!hash.value.empty() && (algorithm.empty() || hash.algorithm == algorithm)) {
      return true;
    }
  }
  return false;
}

bool has_license(const model::Component& component) {
  for (const model::License& license : component.licenses) {
    if (!is_unset(license.value)) {
      return true;
    }
  }
  return false;
}

// BSI: licences as SPDX identifiers or expressions (LicenseRef- counts), declared or unstated.
bool has_spdx_license(const model::Component& component) {
  for (const model::License& license : component.licenses) {
    if (!is_unset(license.value) && license.kind != model::License::Kind::kName &&
        license.acknowledgement != "concluded") {
      return true;
    }
  }
  return false;
}

bool has_property(const model::Component& component, std::string_view name) {
  for (const model::Property& property : component.properties) {
    if (property.name == name && !property.value.empty()) {
      return true;
    }
  }
  return false;
}

bool has_contact_uri(const model::Organization& organization) {
  if (!organization.urls.empty()) {
    return true;
  }
  for (const model::Contact& contact : organization.contacts) {
    if (!contact.email.empty()) {
      return true;
    }
  }
  return false;
}

bool component_creator_uri(const model::Component& component) {
  if (has_contact_uri(component.manufacturer) || has_contact_uri(component.supplier)) {
    return true;
  }
  for (const model::Contact& author : component.authors) {
    if (!author.email.empty()) {
      return true;
    }
  }
  return false;
}

bool has_reference(const model::Component& component, std::string_view type) {
  for (const model::ExternalReference& reference : component.external_references) {
    if (reference.type == type && !reference.url.empty()) {
      return true;
    }
  }
  return false;
}

class Builder {
 public:
  Builder(const model::Sbom& sbom, QualityReport& report) : sbom_(sbom), report_(report) {
    const bool spdx = sbom.metadata.format == model::SbomFormat::kSpdxJson ||
                      sbom.metadata.format == model::SbomFormat::kSpdxTagValue ||
                      sbom.metadata.format == model::SbomFormat::kSpdx3JsonLd;
    std::size_t files = 0;
    for (const model::Component& component : sbom.components) {
      if (spdx && component.type == model::ComponentType::kFile) {
        ++files;
        continue;
      }
      components_.push_back(&component);
    }
    report_.components_assessed = components_.size();
    report_.scope_note = "all " + std::to_string(components_.size()) + " components";
    if (files > 0) {
      report_.scope_note += " (the " + std::to_string(files) +
                            " SPDX file elements are not components of the inventory and are "
                            "not assessed)";
    }
    for (const model::Relationship& relationship : sbom.relationships) {
      if (relationship.type == model::RelationshipType::kDependsOn ||
          relationship.type == model::RelationshipType::kContains) {
        edge_sources_.insert(relationship.from);
        // An edge with no target only says "no dependencies": it enumerates (BSI) but is not a
        // relationship to anything (NTIA, FSCT).
        if (!relationship.to.empty()) {
          related_sources_.insert(relationship.from);
        }
      }
    }
    for (const model::Component& component : sbom.components) {
      if (!component.parent_ref.empty()) {
        edge_sources_.insert(component.parent_ref);
        related_sources_.insert(component.parent_ref);
      }
    }
  }

  void component(std::string id, std::string title, bool required, std::string rule,
                 std::string advice, const ComponentCheck& check) {
    QualityField field;
    field.id = "component." + std::move(id);
    field.title = std::move(title);
    field.required = required;
    field.rule = std::move(rule);
    field.advice = std::move(advice);
    field.total = components_.size();
    for (const model::Component* component : components_) {
      if (check(*component)) {
        ++field.passed;
      } else if (field.missing.size() < 20) {
        field.missing.push_back(
            component->name.empty()
                ? component->ref
                : component->name + (component->version.empty() ? "" : "@" + component->version));
      }
    }
    field.coverage = field.total == 0
                         ? 0.0
                         : static_cast<double>(field.passed) / static_cast<double>(field.total);
    field.verdict = field.total == 0         ? QualityVerdict::kFail
                    : field.coverage >= 0.95 ? QualityVerdict::kPass
                    : field.coverage >= 0.80 ? QualityVerdict::kWarn
                                             : QualityVerdict::kFail;
    if (field.verdict == QualityVerdict::kPass) {
      field.advice.clear();
    } else if (field.total == 0) {
      field.advice = "the SBOM lists no components, so there is nothing to assess";
    }
    report_.fields.push_back(std::move(field));
  }

  void document(std::string id, std::string title, bool required, std::string rule,
                std::string advice, const DocumentCheck& check) {
    QualityField field;
    field.id = "document." + std::move(id);
    field.title = std::move(title);
    field.document_level = true;
    field.required = required;
    field.rule = std::move(rule);
    field.total = 1;
    field.passed = check() ? 1 : 0;
    field.coverage = static_cast<double>(field.passed);
    field.verdict = field.passed == 1 ? QualityVerdict::kPass : QualityVerdict::kFail;
    field.advice = field.passed == 1 ? std::string() : std::move(advice);
    report_.fields.push_back(std::move(field));
  }

  bool subject_exists() const {
    return !sbom_.metadata.subject_ref.empty() &&
           sbom_.find(sbom_.metadata.subject_ref).has_value();
  }
  bool subject_has_relationships() const {
    return subject_exists() && related_sources_.count(sbom_.metadata.subject_ref) > 0;
  }
  bool declares_completeness() const {
    for (const model::Composition& composition : sbom_.compositions) {
      if (!composition.aggregate.empty() && composition.aggregate != "not_specified") {
        return true;
      }
    }
    return false;
  }
  bool listed_as_dependency_source(const model::Component& component) const {
    return edge_sources_.count(component.ref) > 0;
  }
  bool author_present() const {
    for (const model::Contact& author : sbom_.metadata.authors) {
      if (!is_unset(author.name) || !author.email.empty()) {
        return true;
      }
    }
    return !is_unset(sbom_.metadata.manufacturer.name) || !is_unset(sbom_.metadata.supplier.name);
  }
  bool timestamp_valid() const {
    return !sbom_.metadata.timestamp.empty() &&
           check_string_format("date-time", sbom_.metadata.timestamp).empty();
  }

 private:
  const model::Sbom& sbom_;
  QualityReport& report_;
  std::vector<const model::Component*> components_;
  std::unordered_set<std::string> edge_sources_;     // refs with a dependency statement
  std::unordered_set<std::string> related_sources_;  // refs with an edge to another element
};

void ntia(const model::Sbom& sbom, Builder& builder) {
  static_cast<void>(sbom);
  builder.document("author", "Author of SBOM data", true,
                   "metadata names who made the SBOM: an author (CycloneDX metadata.authors, "
                   "SPDX Person/Organization creators), or the SBOM's manufacturer or supplier",
                   "add metadata.authors (CycloneDX) or a \"Creator: Organization: ...\" line "
                   "(SPDX); a tool alone is not an author",
                   [&] { return builder.author_present(); });
  builder.document("timestamp", "Timestamp", true,
                   "metadata.timestamp / creationInfo.created is present and RFC 3339",
                   "add the time the SBOM was made, e.g. 2025-05-07T10:00:00Z",
                   [&] { return builder.timestamp_valid(); });
  builder.document("dependencies", "Dependency relationship", true,
                   "the primary component (metadata.component / DESCRIBES) exists and at least "
                   "one dependsOn or contains relationship starts from it",
                   "name the primary component and list its direct dependencies",
                   [&] { return builder.subject_has_relationships(); });
  builder.component("supplier", "Supplier name", true,
                    "supplier, manufacturer or publisher names an organisation (NOASSERTION "
                    "does not count)",
                    "state each component's supplier (CycloneDX supplier.name, SPDX "
                    "PackageSupplier)",
                    has_supplier);
  builder.component("name", "Component name", true, "the component has a name",
                    "give every component a name",
                    [](const model::Component& c) { return !is_unset(c.name); });
  builder.component("version", "Version of the component", true, "the component has a version",
                    "state each component's version (CycloneDX version, SPDX versionInfo)",
                    [](const model::Component& c) { return !is_unset(c.version); });
  builder.component("identifier", "Other unique identifiers", true,
                    "a valid purl, a CPE, a SWID tag id, an OmniBOR id or a SWHID",
                    "add a package URL (purl) to every component; an invalid purl does not count",
                    has_identifier);
  builder.document("known-unknowns", "Known unknowns (completeness declared)", false,
                   "a completeness claim exists (CycloneDX compositions, SPDX NONE/NOASSERTION "
                   "relationships or SPDX 3 completeness)",
                   "declare whether the dependency graph is complete (compositions.aggregate)",
                   [&] { return builder.declares_completeness(); });
}

void fsct(const model::Sbom& sbom, Builder& builder) {
  builder.document("author", "SBOM author", true,
                   "metadata names the entity that made the SBOM (authors, manufacturer or "
                   "supplier; SPDX Person/Organization creators)",
                   "add metadata.authors or an SPDX Creator that is a person or organisation",
                   [&] { return builder.author_present(); });
  builder.document("timestamp", "Timestamp", true, "present and RFC 3339",
                   "add the time the SBOM was made", [&] { return builder.timestamp_valid(); });
  builder.document("type", "SBOM type", true,
                   "the SBOM states its type / lifecycle (CycloneDX metadata.lifecycles, SPDX 3 "
                   "software_sbomType); SPDX 2 has no field for it",
                   "add metadata.lifecycles (e.g. {\"phase\": \"build\"})",
                   [&] { return !sbom.metadata.lifecycles.empty(); });
  builder.document("primary-component", "Primary component", true,
                   "metadata.component / DESCRIBES names a component in the document",
                   "name the product the SBOM describes", [&] { return builder.subject_exists(); });
  builder.document("relationships", "Relationships", true,
                   "the primary component has at least one dependsOn/contains relationship",
                   "list the primary component's direct dependencies",
                   [&] { return builder.subject_has_relationships(); });
  builder.document("completeness", "Relationship completeness", true,
                   "a completeness claim exists (compositions, NONE/NOASSERTION, SPDX 3 "
                   "completeness)",
                   "declare whether the relationships are complete, incomplete or unknown",
                   [&] { return builder.declares_completeness(); });
  builder.component("name", "Component name", true, "present", "name every component",
                    [](const model::Component& c) { return !is_unset(c.name); });
  builder.component("version", "Version", true, "present", "state every component's version",
                    [](const model::Component& c) { return !is_unset(c.version); });
  builder.component("supplier", "Supplier name", true,
                    "supplier, manufacturer or publisher (NOASSERTION does not count)",
                    "state each component's supplier", has_supplier);
  builder.component("identifier", "Unique identifier", true,
                    "a valid purl, a CPE, a SWID tag id, an OmniBOR id or a SWHID",
                    "add a purl to every component", has_identifier);
  builder.component("hash", "Cryptographic hash", true, "at least one digest of the component",
                    "add hashes (SHA-256 or stronger) of each component",
                    [](const model::Component& c) { return has_hash(c); });
  builder.component(
      "license", "License", true, "a declared or concluded licence (NOASSERTION does not count)",
      "state each component's licence as an SPDX identifier or expression", has_license);
  builder.component("copyright", "Copyright notice", true,
                    "a copyright text (NOASSERTION does not count)",
                    "add each component's copyright notice",
                    [](const model::Component& c) { return !is_unset(c.copyright); });
}

void bsi(const model::Sbom& sbom, Builder& builder) {
  const model::SbomMetadata& metadata = sbom.metadata;
  builder.document(
      "format", "Format and version", true,
      "CycloneDX 1.6 or later, or SPDX 3.0.1 or later (TR-03183-2 v2.1 section 4)",
      "produce CycloneDX 1.6 (assay sbom convert --to cyclonedx-1.6) or SPDX 3.0.1", [&] {
        const bool cyclonedx = metadata.format == model::SbomFormat::kCycloneDxJson ||
                               metadata.format == model::SbomFormat::kCycloneDxXml;
        if (cyclonedx) {
          return metadata.spec_version == "1.6" || metadata.spec_version == "1.7";
        }
        return metadata.format == model::SbomFormat::kSpdx3JsonLd &&
               metadata.spec_version.rfind("3.0", 0) == 0 && metadata.spec_version != "3.0.0";
      });
  builder.document("creator", "SBOM creator (e-mail or URL)", true,
                   "an author with an e-mail address, or a manufacturer/supplier with a URL or "
                   "contact e-mail; a name alone does not meet the requirement",
                   "add an e-mail address (or URL) for whoever made the SBOM", [&] {
                     for (const model::Contact& author : metadata.authors) {
                       if (!author.email.empty()) {
                         return true;
                       }
                     }
                     return has_contact_uri(metadata.manufacturer) ||
                            has_contact_uri(metadata.supplier);
                   });
  builder.document("timestamp", "Timestamp", true, "present and RFC 3339",
                   "add the time the SBOM was made", [&] { return builder.timestamp_valid(); });
  builder.document("build-sbom", "Build SBOM", true,
                   "the SBOM says it was made at build time (lifecycle phase \"build\")",
                   "generate the SBOM during the build and add metadata.lifecycles "
                   "[{\"phase\": \"build\"}]",
                   [&] {
                     for (const std::string& lifecycle : metadata.lifecycles) {
                       if (ascii_lower(lifecycle) == "build") {
                         return true;
                       }
                     }
                     return false;
                   });
  builder.document("no-vulnerabilities", "No vulnerability information", true,
                   "the SBOM carries no vulnerabilities (they belong in CSAF or VEX)",
                   "move vulnerabilities to a separate VEX or CSAF document",
                   [&] { return sbom.vulnerabilities.empty(); });
  builder.document("dependency-completeness", "Dependency completeness", true,
                   "a completeness claim exists (compositions with aggregate complete, "
                   "incomplete or unknown)",
                   "add compositions stating whether each dependency list is complete",
                   [&] { return builder.declares_completeness(); });
  builder.document("sbom-uri", "SBOM-URI", false,
                   "serialNumber (CycloneDX) or documentNamespace / document id (SPDX)",
                   "add a serialNumber", [&] { return !metadata.serial_number.empty(); });
  builder.component("creator", "Component creator (e-mail or URL)", true,
                    "manufacturer or supplier with a URL or contact e-mail, or an author with "
                    "an e-mail",
                    "add supplier.url or a contact e-mail for each component",
                    component_creator_uri);
  builder.component("name", "Component name", true, "present", "name every component",
                    [](const model::Component& c) { return !is_unset(c.name); });
  builder.component("version", "Component version", true, "present",
                    "state every component's version",
                    [](const model::Component& c) { return !is_unset(c.version); });
  builder.component("filename", "Filename", true,
                    "property bsi:component:filename (CycloneDX) or packageFileName (SPDX); a "
                    "file component's name counts",
                    "add the property bsi:component:filename with the file's name",
                    [](const model::Component& c) {
                      return has_property(c, "bsi:component:filename") ||
                             has_property(c, "spdx:packageFileName") ||
                             (c.type == model::ComponentType::kFile && !c.name.empty());
                    });
  builder.component(
      "dependencies", "Dependencies enumerated", true,
      "the component appears as the source of a dependency statement (an empty "
      "CycloneDX dependsOn counts: it says \"none\")",
      "add a dependencies entry for every component, even with no dependsOn",
      [&](const model::Component& c) { return builder.listed_as_dependency_source(c); });
  builder.component("license", "Distribution licence (SPDX)", true,
                    "a declared licence as an SPDX identifier or expression (LicenseRef- counts; "
                    "a free-text name does not)",
                    "state licences as SPDX identifiers or expressions", has_spdx_license);
  builder.component("hash", "SHA-512 hash", true, "a SHA-512 digest of the deployable component",
                    "add a SHA-512 hash of each deployable component",
                    [](const model::Component& c) { return has_hash(c, "SHA-512"); });
  builder.component(
      "executable", "Executable property", true, "property bsi:component:executable",
      "add bsi:component:executable (executable / non-executable)",
      [](const model::Component& c) { return has_property(c, "bsi:component:executable"); });
  builder.component(
      "archive", "Archive property", true, "property bsi:component:archive",
      "add bsi:component:archive (archive / no archive)",
      [](const model::Component& c) { return has_property(c, "bsi:component:archive"); });
  builder.component(
      "structured", "Structured property", true, "property bsi:component:structured",
      "add bsi:component:structured (structured / unstructured)",
      [](const model::Component& c) { return has_property(c, "bsi:component:structured"); });
  builder.component(
      "identifier", "Other identifiers (purl, CPE)", false,
      "a valid purl or a CPE (\"MUST if it exists\")", "add a purl where the ecosystem has one",
      [](const model::Component& c) { return !c.purl_canonical.empty() || !c.cpes.empty(); });
  builder.component("source-uri", "Source code URI", false,
                    "an external reference of type vcs or source-distribution",
                    "add a vcs reference where the source is available",
                    [](const model::Component& c) {
                      return has_reference(c, "vcs") || has_reference(c, "source-distribution");
                    });
}

std::string percent(double coverage) {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%.1f%%", coverage * 100.0);
  return buffer;
}

}  // namespace

Result<QualityProfile> parse_quality_profile(std::string_view name) {
  const std::string lower = ascii_lower(name);
  if (lower == "ntia") {
    return QualityProfile::kNtia;
  }
  if (lower == "bsi-tr-03183-2" || lower == "bsi") {
    return QualityProfile::kBsiTr031832;
  }
  if (lower == "fsct") {
    return QualityProfile::kFsct;
  }
  return fail(ErrorCode::kInvalidInput, "unknown quality profile " + quote(name, 40) +
                                            "; choose ntia, bsi-tr-03183-2 or fsct");
}

std::string_view to_string(QualityProfile profile) {
  switch (profile) {
    case QualityProfile::kNtia:
      return "ntia";
    case QualityProfile::kBsiTr031832:
      return "bsi-tr-03183-2";
    case QualityProfile::kFsct:
      return "fsct";
  }
  return "ntia";
}

std::string_view to_string(QualityVerdict verdict) {
  switch (verdict) {
    case QualityVerdict::kPass:
      return "pass";
    case QualityVerdict::kWarn:
      return "warn";
    case QualityVerdict::kFail:
      return "fail";
  }
  return "fail";
}

QualityReport assess_quality(const model::Sbom& sbom, QualityProfile profile) {
  QualityReport report;
  report.profile = profile;
  Builder builder(sbom, report);
  switch (profile) {
    case QualityProfile::kNtia:
      report.profile_title = "NTIA minimum elements for an SBOM (July 2021)";
      ntia(sbom, builder);
      break;
    case QualityProfile::kBsiTr031832:
      report.profile_title = "BSI TR-03183-2 v2.1 (SBOM requirements)";
      bsi(sbom, builder);
      break;
    case QualityProfile::kFsct:
      report.profile_title = "CISA FSCT 3rd edition, minimum expected";
      fsct(sbom, builder);
      break;
  }
  double sum = 0;
  std::size_t required = 0;
  std::size_t failing = 0;
  std::size_t warning = 0;
  for (const QualityField& field : report.fields) {
    if (!field.required) {
      continue;
    }
    ++required;
    sum += field.coverage;
    failing += field.verdict == QualityVerdict::kFail ? 1 : 0;
    warning += field.verdict == QualityVerdict::kWarn ? 1 : 0;
  }
  report.score = required == 0 ? 0 : std::round(sum / static_cast<double>(required) * 1000) / 10;
  report.verdict = failing > 0   ? QualityVerdict::kFail
                   : warning > 0 ? QualityVerdict::kWarn
                                 : QualityVerdict::kPass;
  report.explanation =
      "Score " + std::to_string(static_cast<int>(std::lround(report.score))) +
      "/100 is the mean coverage of the " + std::to_string(required) +
      " required elements (a document-level element counts 0 or 1). Verdict: " +
      std::string(to_string(report.verdict)) + " - " + std::to_string(failing) +
      " required elements fail and " + std::to_string(warning) +
      " warn. An element passes at 95% coverage or more, warns from 80%, and fails below; the "
      "profile passes only when every required element passes.";
  return report;
}

std::string quality_report_text(const QualityReport& report) {
  std::string out;
  out += "SBOM quality: " + report.profile_title + "\n";
  out += "Verdict: " + ascii_upper(to_string(report.verdict)) +
         "   Score: " + std::to_string(static_cast<int>(std::lround(report.score))) + "/100\n";
  out += "Assessed: " + report.scope_note + "\n\n";
  for (const QualityField& field : report.fields) {
    std::string line = "  [" + ascii_upper(to_string(field.verdict)) + "] ";
    line += field.title;
    line += field.document_level ? " (document)" : "";
    if (!field.required) {
      line += " (advisory)";
    }
    if (!field.document_level) {
      line += ": " + std::to_string(field.passed) + "/" + std::to_string(field.total) + " (" +
              percent(field.coverage) + ")";
    }
    out += line + "\n";
    out += "      checks: " + field.rule + "\n";
    if (!field.advice.empty()) {
      out += "      fix: " + field.advice + "\n";
    }
    if (!field.missing.empty()) {
      out += "      missing in: " + join(field.missing, ", ");
      if (field.total - field.passed > field.missing.size()) {
        out +=
            " and " + std::to_string(field.total - field.passed - field.missing.size()) + " more";
      }
      out += "\n";
    }
  }
  out += "\n" + report.explanation + "\n";
  return out;
}

std::string quality_report_json(const QualityReport& report) {
  json::OrderedJson out = json::OrderedJson::object();
  out["profile"] = to_string(report.profile);
  out["profile_title"] = report.profile_title;
  out["verdict"] = to_string(report.verdict);
  out["score"] = report.score;
  out["components_assessed"] = report.components_assessed;
  out["scope"] = report.scope_note;
  out["explanation"] = report.explanation;
  out["fields"] = json::OrderedJson::array();
  for (const QualityField& field : report.fields) {
    json::OrderedJson entry = json::OrderedJson::object();
    entry["id"] = field.id;
    entry["title"] = field.title;
    entry["level"] = field.document_level ? "document" : "component";
    entry["required"] = field.required;
    entry["verdict"] = to_string(field.verdict);
    entry["passed"] = field.passed;
    entry["total"] = field.total;
    entry["coverage"] = std::round(field.coverage * 10000) / 10000;
    entry["rule"] = field.rule;
    if (!field.advice.empty()) {
      entry["advice"] = field.advice;
    }
    entry["missing"] = field.missing;
    out["fields"].push_back(std::move(entry));
  }
  return out.dump(2) + "\n";
}

}  // namespace assay::formats
