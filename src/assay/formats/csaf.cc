// CSAF 2.0 reader (nlohmann tree -> CsafDocument) and its conversion to advisories and VEX.
#include "assay/formats/csaf.h"

#include <algorithm>
#include <set>

#include "assay/core/strings.h"
#include "assay/formats/advisory_json.h"
#include "assay/purl/purl.h"
#include "assay/version/ecosystem.h"
#include "assay/version/vers.h"

namespace assay::formats {

namespace {

using internal::JsonWalker;
using json::Json;

// Branches nest; json::parse already bounds depth, but read_csaf(Json) may get any tree.
constexpr std::size_t kMaxBranchDepth = 64;

class CsafReader {
 public:
  CsafReader(std::string source, DiagnosticSink& sink)
      : walk_(std::move(source), sink, "CSAF-TYPE") {}

  std::vector<CsafNote> notes(const Json& object, std::string_view pointer) {
    std::vector<CsafNote> result;
    const Json* items = walk_.array(object, "notes", pointer);
    if (items == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, "notes");
    for (std::size_t index = 0; index < items->size(); ++index) {
      const Json& item = (*items)[index];
      const std::string item_pointer = json::pointer_append(here, index);
      if (!item.is_object()) {
        walk_.error("CSAF-TYPE", "a note must be an object", item_pointer);
        continue;
      }
      CsafNote note;
      note.category = walk_.string(item, "category", item_pointer);
      note.title = walk_.string(item, "title", item_pointer);
      note.text = walk_.string(item, "text", item_pointer);
      note.audience = walk_.string(item, "audience", item_pointer);
      result.push_back(std::move(note));
    }
    return result;
  }

  std::vector<CsafReference> references(const Json& object, std::string_view pointer) {
    std::vector<CsafReference> result;
    const Json* items = walk_.array(object, "references", pointer);
    if (items == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, "references");
    for (std::size_t index = 0; index < items->size(); ++index) {
      const Json& item = (*items)[index];
      const std::string item_pointer = json::pointer_append(here, index);
      if (!item.is_object()) {
        walk_.error("CSAF-TYPE", "a reference must be an object", item_pointer);
        continue;
      }
      CsafReference reference;
      reference.category = walk_.string(item, "category", item_pointer);
      reference.summary = walk_.string(item, "summary", item_pointer);
      reference.url = walk_.string(item, "url", item_pointer);
      result.push_back(std::move(reference));
    }
    return result;
  }

  std::vector<CsafAcknowledgment> acknowledgments(const Json& object, std::string_view pointer) {
    std::vector<CsafAcknowledgment> result;
    const Json* items = walk_.array(object, "acknowledgments", pointer);
    if (items == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, "acknowledgments");
    for (std::size_t index = 0; index < items->size(); ++index) {
      const Json& item = (*items)[index];
      const std::string item_pointer = json::pointer_append(here, index);
      if (!item.is_object()) {
        walk_.error("CSAF-TYPE", "an acknowledgment must be an object", item_pointer);
        continue;
      }
      CsafAcknowledgment acknowledgment;
      acknowledgment.names = walk_.strings(item, "names", item_pointer);
      acknowledgment.organization = walk_.string(item, "organization", item_pointer);
      acknowledgment.summary = walk_.string(item, "summary", item_pointer);
      acknowledgment.urls = walk_.strings(item, "urls", item_pointer);
      result.push_back(std::move(acknowledgment));
    }
    return result;
  }

  CsafProductHelper helper(const Json& full_product_name, const std::string& pointer) {
    CsafProductHelper result;
    const Json* object = walk_.object(full_product_name, "product_identification_helper", pointer);
    if (object == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, "product_identification_helper");
    result.purl = walk_.string(*object, "purl", here);
    result.cpe = walk_.string(*object, "cpe", here);
    result.model_numbers = walk_.strings(*object, "model_numbers", here);
    result.serial_numbers = walk_.strings(*object, "serial_numbers", here);
    result.skus = walk_.strings(*object, "skus", here);
    result.sbom_urls = walk_.strings(*object, "sbom_urls", here);
    if (const Json* hashes = walk_.array(*object, "hashes", here)) {
      const std::string hashes_pointer = json::pointer_append(here, "hashes");
      for (std::size_t index = 0; index < hashes->size(); ++index) {
        const Json& item = (*hashes)[index];
        const std::string item_pointer = json::pointer_append(hashes_pointer, index);
        if (!item.is_object()) {
          walk_.error("CSAF-TYPE", "a hashes entry must be an object", item_pointer);
          continue;
        }
        CsafFileHashes file;
        file.filename = walk_.string(item, "filename", item_pointer);
        if (const Json* values = walk_.array(item, "file_hashes", item_pointer)) {
          const std::string values_pointer = json::pointer_append(item_pointer, "file_hashes");
          for (std::size_t value_index = 0; value_index < values->size(); ++value_index) {
            const Json& value = (*values)[value_index];
            const std::string value_pointer = json::pointer_append(values_pointer, value_index);
            if (!value.is_object()) {
              walk_.error("CSAF-TYPE", "a file hash must be an object", value_pointer);
              continue;
            }
            file.hashes.emplace_back(walk_.string(value, "algorithm", value_pointer),
                                     walk_.string(value, "value", value_pointer));
          }
        }
        result.hashes.push_back(std::move(file));
      }
    }
    if (const Json* uris = walk_.array(*object, "x_generic_uris", here)) {
      for (const Json& item : *uris) {
        if (item.is_object()) {
          result.generic_uris.emplace_back(walk_.string(item, "namespace", here),
                                           walk_.string(item, "uri", here));
        }
      }
    }
    return result;
  }

  // Adds the product defined by `full_product_name` (an object at `pointer`).
  void add_product(const Json& full_product_name, const std::string& pointer, CsafProduct context,
                   CsafDocument& document) {
    if (!full_product_name.is_object()) {
      walk_.error("CSAF-TYPE", "a full product name must be an object", pointer);
      return;
    }
    context.product_id = walk_.string(full_product_name, "product_id", pointer);
    context.name = walk_.string(full_product_name, "name", pointer);
    context.helper = helper(full_product_name, pointer);
    context.pointer = pointer;
    document.products.push_back(std::move(context));
  }

  void branches(const Json& object, const std::string& pointer, const CsafProduct& context,
                std::size_t depth, CsafDocument& document) {
    const Json* items = walk_.array(object, "branches", pointer);
    if (items == nullptr) {
      return;
    }
    const std::string here = json::pointer_append(pointer, "branches");
    if (depth >= kMaxBranchDepth) {
      walk_.error("CSAF-LIMIT",
                  "branches are nested deeper than " + std::to_string(kMaxBranchDepth) +
                      " levels; the deeper ones are ignored",
                  here);
      return;
    }
    for (std::size_t index = 0; index < items->size(); ++index) {
      const Json& item = (*items)[index];
      const std::string item_pointer = json::pointer_append(here, index);
      if (!item.is_object()) {
        walk_.error("CSAF-TYPE", "a branch must be an object", item_pointer);
        continue;
      }
      CsafProduct inner = context;
      inner.origin = CsafProduct::Origin::kBranch;
      const std::string category = walk_.string(item, "category", item_pointer);
      const std::string name = walk_.string(item, "name", item_pointer);
      if (category == "vendor") {
        inner.vendor = name;
      } else if (category == "product_family") {
        inner.product_family = name;
      } else if (category == "product_name") {
        inner.product_name = name;
      } else if (category == "product_version") {
        inner.product_version = name;
      } else if (category == "product_version_range") {
        inner.product_version_range = name;
      } else if (category == "architecture") {
        inner.architecture = name;
      }
      if (const Json* product = JsonWalker::member(item, "product")) {
        add_product(*product, json::pointer_append(item_pointer, "product"), inner, document);
      }
      branches(item, item_pointer, inner, depth + 1, document);
    }
  }

  void product_tree(const Json& root, CsafDocument& document) {
    const Json* tree = walk_.object(root, "product_tree", "");
    if (tree == nullptr) {
      return;
    }
    const std::string pointer = "/product_tree";
    branches(*tree, pointer, CsafProduct{}, 0, document);
    if (const Json* names = walk_.array(*tree, "full_product_names", pointer)) {
      const std::string here = json::pointer_append(pointer, "full_product_names");
      for (std::size_t index = 0; index < names->size(); ++index) {
        add_product((*names)[index], json::pointer_append(here, index), CsafProduct{}, document);
      }
    }
    if (const Json* relationships = walk_.array(*tree, "relationships", pointer)) {
      const std::string here = json::pointer_append(pointer, "relationships");
      for (std::size_t index = 0; index < relationships->size(); ++index) {
        const Json& item = (*relationships)[index];
        const std::string item_pointer = json::pointer_append(here, index);
        if (!item.is_object()) {
          walk_.error("CSAF-TYPE", "a relationship must be an object", item_pointer);
          continue;
        }
        CsafRelationship relationship;
        relationship.category = walk_.string(item, "category", item_pointer);
        relationship.product_reference = walk_.string(item, "product_reference", item_pointer);
        relationship.relates_to_product_reference =
            walk_.string(item, "relates_to_product_reference", item_pointer);
        relationship.pointer = item_pointer;
        if (const Json* full_name = JsonWalker::member(item, "full_product_name")) {
          CsafProduct context;
          context.origin = CsafProduct::Origin::kRelationship;
          context.relationship_index = document.relationships.size();
          const std::size_t before = document.products.size();
          add_product(*full_name, json::pointer_append(item_pointer, "full_product_name"), context,
                      document);
          if (document.products.size() > before) {
            relationship.product_id = document.products.back().product_id;
          }
        }
        document.relationships.push_back(std::move(relationship));
      }
    }
    if (const Json* groups = walk_.array(*tree, "product_groups", pointer)) {
      const std::string here = json::pointer_append(pointer, "product_groups");
      for (std::size_t index = 0; index < groups->size(); ++index) {
        const Json& item = (*groups)[index];
        const std::string item_pointer = json::pointer_append(here, index);
        if (!item.is_object()) {
          walk_.error("CSAF-TYPE", "a product group must be an object", item_pointer);
          continue;
        }
        CsafProductGroup group;
        group.group_id = walk_.string(item, "group_id", item_pointer);
        group.product_ids = walk_.strings(item, "product_ids", item_pointer);
        group.summary = walk_.string(item, "summary", item_pointer);
        document.product_groups.push_back(std::move(group));
      }
    }
  }

  std::vector<CsafProductStatement> statements(const Json& vulnerability, std::string_view key,
                                               std::string_view category_key,
                                               const std::string& pointer) {
    std::vector<CsafProductStatement> result;
    const Json* items = walk_.array(vulnerability, key, pointer);
    if (items == nullptr) {
      return result;
    }
    const std::string here = json::pointer_append(pointer, key);
    for (std::size_t index = 0; index < items->size(); ++index) {
      const Json& item = (*items)[index];
      const std::string item_pointer = json::pointer_append(here, index);
      if (!item.is_object()) {
        walk_.error("CSAF-TYPE", "an entry of \"" + std::string(key) + "\" must be an object",
                    item_pointer);
        continue;
      }
      CsafProductStatement statement;
      statement.category = walk_.string(item, category_key, item_pointer);
      statement.details = walk_.string(item, "details", item_pointer);
      statement.date = walk_.string(item, "date", item_pointer);
      statement.url = walk_.string(item, "url", item_pointer);
      statement.product_ids = walk_.strings(item, "product_ids", item_pointer);
      statement.group_ids = walk_.strings(item, "group_ids", item_pointer);
      statement.pointer = item_pointer;
      result.push_back(std::move(statement));
    }
    return result;
  }

  CsafVulnerability vulnerability(const Json& item, const std::string& pointer) {
    CsafVulnerability result;
    result.pointer = pointer;
    result.cve = walk_.string(item, "cve", pointer);
    if (const Json* ids = walk_.array(item, "ids", pointer)) {
      for (const Json& id : *ids) {
        if (id.is_object()) {
          result.ids.emplace_back(walk_.string(id, "system_name", pointer),
                                  walk_.string(id, "text", pointer));
        }
      }
    }
    if (const Json* cwe = walk_.object(item, "cwe", pointer)) {
      const std::string cwe_pointer = json::pointer_append(pointer, "cwe");
      result.cwe_id = walk_.string(*cwe, "id", cwe_pointer);
      result.cwe_name = walk_.string(*cwe, "name", cwe_pointer);
    }
    result.title = walk_.string(item, "title", pointer);
    result.discovery_date = walk_.string(item, "discovery_date", pointer);
    result.release_date = walk_.string(item, "release_date", pointer);
    result.notes = notes(item, pointer);
    result.references = references(item, pointer);
    result.acknowledgments = acknowledgments(item, pointer);
    if (const Json* status = walk_.object(item, "product_status", pointer)) {
      const std::string here = json::pointer_append(pointer, "product_status");
      CsafProductStatus& out = result.product_status;
      out.first_affected = walk_.strings(*status, "first_affected", here);
      out.first_fixed = walk_.strings(*status, "first_fixed", here);
      out.fixed = walk_.strings(*status, "fixed", here);
      out.known_affected = walk_.strings(*status, "known_affected", here);
      out.known_not_affected = walk_.strings(*status, "known_not_affected", here);
      out.last_affected = walk_.strings(*status, "last_affected", here);
      out.recommended = walk_.strings(*status, "recommended", here);
      out.under_investigation = walk_.strings(*status, "under_investigation", here);
    }
    if (const Json* scores = walk_.array(item, "scores", pointer)) {
      const std::string here = json::pointer_append(pointer, "scores");
      for (std::size_t index = 0; index < scores->size(); ++index) {
        const Json& score_json = (*scores)[index];
        const std::string score_pointer = json::pointer_append(here, index);
        if (!score_json.is_object()) {
          walk_.error("CSAF-TYPE", "a score must be an object", score_pointer);
          continue;
        }
        CsafScore score;
        score.products = walk_.strings(score_json, "products", score_pointer);
        if (const Json* v2 = walk_.object(score_json, "cvss_v2", score_pointer)) {
          const std::string v2_pointer = json::pointer_append(score_pointer, "cvss_v2");
          score.cvss_v2_vector = walk_.string(*v2, "vectorString", v2_pointer);
          score.cvss_v2_base = walk_.number(*v2, "baseScore", v2_pointer);
        }
        if (const Json* v3 = walk_.object(score_json, "cvss_v3", score_pointer)) {
          const std::string v3_pointer = json::pointer_append(score_pointer, "cvss_v3");
          score.cvss_v3_vector = walk_.string(*v3, "vectorString", v3_pointer);
          score.cvss_v3_version = walk_.string(*v3, "version", v3_pointer);
          score.cvss_v3_base = walk_.number(*v3, "baseScore", v3_pointer);
          score.cvss_v3_severity = walk_.string(*v3, "baseSeverity", v3_pointer);
        }
        result.scores.push_back(std::move(score));
      }
    }
    result.remediations = statements(item, "remediations", "category", pointer);
    result.threats = statements(item, "threats", "category", pointer);
    result.flags = statements(item, "flags", "label", pointer);
    if (const Json* involvements = walk_.array(item, "involvements", pointer)) {
      for (const Json& involvement_json : *involvements) {
        if (!involvement_json.is_object()) {
          continue;
        }
        CsafInvolvement involvement;
        involvement.party = walk_.string(involvement_json, "party", pointer);
        involvement.status = walk_.string(involvement_json, "status", pointer);
        involvement.date = walk_.string(involvement_json, "date", pointer);
        involvement.summary = walk_.string(involvement_json, "summary", pointer);
        result.involvements.push_back(std::move(involvement));
      }
    }
    return result;
  }

  Result<CsafDocument> read(const Json& root) {
    if (!root.is_object()) {
      return fail(
          ErrorCode::kInvalidInput,
          "a CSAF document must be a JSON object, found " + std::string(json::type_name(root)),
          walk_.where(""));
    }
    const Json* document_json = JsonWalker::member(root, "document");
    if (document_json == nullptr || !document_json->is_object()) {
      return fail(ErrorCode::kInvalidInput,
                  "not a CSAF document: the top-level \"document\" object is missing",
                  walk_.where(""));
    }
    CsafDocument document;
    const Json& doc = *document_json;
    const std::string pointer = "/document";
    document.category = walk_.string(doc, "category", pointer);
    document.csaf_version = walk_.string(doc, "csaf_version", pointer);
    if (!document.csaf_version.empty() && document.csaf_version != "2.0") {
      walk_.warning("CSAF-VERSION",
                    "csaf_version " + quote(document.csaf_version) +
                        " is not 2.0; the document is read with the CSAF 2.0 rules",
                    "/document/csaf_version");
    }
    document.title = walk_.string(doc, "title", pointer);
    document.lang = walk_.string(doc, "lang", pointer);
    document.source_lang = walk_.string(doc, "source_lang", pointer);
    if (const Json* publisher = walk_.object(doc, "publisher", pointer)) {
      const std::string here = "/document/publisher";
      document.publisher_category = walk_.string(*publisher, "category", here);
      document.publisher_name = walk_.string(*publisher, "name", here);
      document.publisher_namespace = walk_.string(*publisher, "namespace", here);
      document.publisher_contact_details = walk_.string(*publisher, "contact_details", here);
    }
    if (const Json* distribution = walk_.object(doc, "distribution", pointer)) {
      if (const Json* tlp = walk_.object(*distribution, "tlp", "/document/distribution")) {
        document.tlp_label = walk_.string(*tlp, "label", "/document/distribution/tlp");
      }
    }
    if (const Json* severity = walk_.object(doc, "aggregate_severity", pointer)) {
      document.aggregate_severity = walk_.string(*severity, "text", "/document/aggregate_severity");
    }
    document.notes = notes(doc, pointer);
    document.references = references(doc, pointer);
    document.acknowledgments = acknowledgments(doc, pointer);
    if (const Json* tracking = walk_.object(doc, "tracking", pointer)) {
      const std::string here = "/document/tracking";
      document.tracking_id = walk_.string(*tracking, "id", here);
      document.tracking_status = walk_.string(*tracking, "status", here);
      document.tracking_version = walk_.string(*tracking, "version", here);
      document.initial_release_date = walk_.string(*tracking, "initial_release_date", here);
      document.current_release_date = walk_.string(*tracking, "current_release_date", here);
      document.tracking_aliases = walk_.strings(*tracking, "aliases", here);
      if (const Json* generator = walk_.object(*tracking, "generator", here)) {
        if (const Json* engine = walk_.object(*generator, "engine", here + "/generator")) {
          const std::string engine_pointer = here + "/generator/engine";
          document.generator_engine = walk_.string(*engine, "name", engine_pointer);
          const std::string version = walk_.string(*engine, "version", engine_pointer);
          if (!version.empty()) {
            document.generator_engine += " " + version;
          }
        }
      }
      if (const Json* history = walk_.array(*tracking, "revision_history", here)) {
        const std::string history_pointer = here + "/revision_history";
        for (std::size_t index = 0; index < history->size(); ++index) {
          const Json& item = (*history)[index];
          const std::string item_pointer = json::pointer_append(history_pointer, index);
          if (!item.is_object()) {
            walk_.error("CSAF-TYPE", "a revision must be an object", item_pointer);
            continue;
          }
          document.revision_history.push_back({walk_.string(item, "number", item_pointer),
                                               walk_.string(item, "date", item_pointer),
                                               walk_.string(item, "summary", item_pointer)});
        }
      }
    }
    product_tree(root, document);
    if (const Json* vulnerabilities = walk_.array(root, "vulnerabilities", "")) {
      for (std::size_t index = 0; index < vulnerabilities->size(); ++index) {
        const Json& item = (*vulnerabilities)[index];
        const std::string item_pointer = json::pointer_append("/vulnerabilities", index);
        if (!item.is_object()) {
          walk_.error("CSAF-TYPE", "a vulnerability must be an object", item_pointer);
          continue;
        }
        document.vulnerabilities.push_back(vulnerability(item, item_pointer));
      }
    }
    for (std::size_t index = 0; index < document.products.size(); ++index) {
      if (!document.products[index].product_id.empty()) {
        document.product_index.emplace(document.products[index].product_id, index);
      }
    }
    for (std::size_t index = 0; index < document.product_groups.size(); ++index) {
      if (!document.product_groups[index].group_id.empty()) {
        document.group_index.emplace(document.product_groups[index].group_id, index);
      }
    }
    return document;
  }

 private:
  JsonWalker walk_;
};

// ---- conversion helpers ----

// The name OSV uses for a purl's package in its ecosystem.
std::string osv_package_name(const purl::Purl& parsed) {
  if (parsed.namespace_.empty()) {
    return parsed.name;
  }
  if (parsed.type == "maven") {
    return parsed.namespace_ + ":" + parsed.name;
  }
  // Distribution packages: the namespace is the distribution vendor, not part of the name.
  if (parsed.type == "deb" || parsed.type == "rpm" || parsed.type == "apk" ||
      parsed.type == "alpm") {
    return parsed.name;
  }
  return parsed.namespace_ + "/" + parsed.name;
}

std::string statement_text(const std::vector<CsafNote>& notes) {
  std::string text;
  for (const CsafNote& note : notes) {
    if (note.category == "description" || note.category == "summary" ||
        note.category == "details" || note.category == "general") {
      if (!text.empty()) {
        text += "\n\n";
      }
      text += note.text;
    }
  }
  return text;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequals(text.substr(0, prefix.size()), prefix);
}

void append_unique(std::vector<std::string>& list, const std::string& value) {
  if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end()) {
    list.push_back(value);
  }
}

struct PackageKey {
  std::string key;
  model::AffectedPackage package;
  std::string scheme_name;  // vers scheme (purl type), for free-text ranges
};

// Converts a vers range to OSV events (and exact versions). Exclusive lower bounds and '!='
// cannot be expressed in OSV; they widen the range and are reported.
void vers_to_osv(const version::VersRange& range, model::AffectedPackage& package,
                 const std::string& pointer, DiagnosticSink& sink, const std::string& source) {
  version::OsvRange osv;
  osv.type = version::OsvRangeType::kEcosystem;
  bool open = false;
  bool inexact = false;
  const version::VersRange simplified = range.simplified();
  for (const version::VersConstraint& constraint : simplified.constraints()) {
    const std::string text = constraint.version ? constraint.version->text() : std::string();
    switch (constraint.comparator) {
      case version::VersComparator::kAny:
        osv.events.push_back({version::OsvEventKind::kIntroduced, "0"});
        open = true;
        break;
      case version::VersComparator::kEqual:
        append_unique(package.versions, text);
        break;
      case version::VersComparator::kNotEqual:
        inexact = true;
        break;
      case version::VersComparator::kGreater:
        inexact = true;
        [[fallthrough]];
      case version::VersComparator::kGreaterEqual:
        osv.events.push_back({version::OsvEventKind::kIntroduced, text});
        open = true;
        break;
      case version::VersComparator::kLess:
      case version::VersComparator::kLessEqual:
        if (!open) {
          osv.events.push_back({version::OsvEventKind::kIntroduced, "0"});
        }
        osv.events.push_back({constraint.comparator == version::VersComparator::kLess
                                  ? version::OsvEventKind::kFixed
                                  : version::OsvEventKind::kLastAffected,
                              text});
        open = false;
        break;
    }
  }
  if (inexact) {
    sink.warning("CSAF-CONVERT-RANGE-WIDENED",
                 "range " + quote(range.to_string()) +
                     " uses '>' or '!=', which OSV cannot express; the OSV range includes the "
                     "excluded versions (possibly affected)",
                 source + "#" + pointer);
  }
  if (!osv.events.empty()) {
    package.ranges.push_back(std::move(osv));
  }
}

void add_range_text(const std::string& range_text, PackageKey& entry, const std::string& pointer,
                    DiagnosticSink& sink, const std::string& source) {
  if (starts_with_ci(range_text, "vers:")) {
    auto parsed = version::VersRange::parse(range_text);
    if (parsed) {
      vers_to_osv(*parsed, entry.package, pointer, sink, source);
      return;
    }
    sink.warning("CSAF-CONVERT-BAD-RANGE",
                 "product_version_range " + quote(range_text) + " is not a valid vers range (" +
                     parsed.error().message +
                     "); the product is treated as possibly affected in every version",
                 source + "#" + pointer);
  } else if (!entry.scheme_name.empty()) {
    auto converted = version::vers_from_native(entry.scheme_name, range_text);
    if (converted) {
      vers_to_osv(*converted, entry.package, pointer, sink, source);
      return;
    }
    sink.warning("CSAF-CONVERT-BAD-RANGE",
                 "product_version_range " + quote(range_text) +
                     " is neither vers nor a range in the package's ecosystem syntax; the "
                     "product is treated as possibly affected in every version",
                 source + "#" + pointer);
  } else {
    sink.warning("CSAF-CONVERT-BAD-RANGE",
                 "product_version_range " + quote(range_text) +
                     " is not a vers range and the product has no purl to tell its version "
                     "scheme; the product is treated as possibly affected in every version",
                 source + "#" + pointer);
  }
  entry.package.ranges.push_back(
      {version::OsvRangeType::kEcosystem, {{version::OsvEventKind::kIntroduced, "0"}}});
}

}  // namespace

const CsafProduct* CsafDocument::find_product(std::string_view product_id) const {
  const auto found = product_index.find(product_id);
  return found == product_index.end() ? nullptr : &products[found->second];
}

const std::vector<std::string>& CsafDocument::group_members(std::string_view group_id) const {
  static const std::vector<std::string> kEmpty;
  const auto found = group_index.find(group_id);
  return found == group_index.end() ? kEmpty : product_groups[found->second].product_ids;
}

std::vector<std::string> CsafDocument::expand(const std::vector<std::string>& product_ids,
                                              const std::vector<std::string>& group_ids) const {
  std::vector<std::string> result;
  std::set<std::string, std::less<>> seen;
  for (const std::string& id : product_ids) {
    if (seen.insert(id).second) {
      result.push_back(id);
    }
  }
  for (const std::string& group : group_ids) {
    for (const std::string& id : group_members(group)) {
      if (seen.insert(id).second) {
        result.push_back(id);
      }
    }
  }
  return result;
}

CsafResolvedProduct resolve_csaf_product(const CsafDocument& document,
                                         std::string_view product_id) {
  CsafResolvedProduct result;
  result.product_id = std::string(product_id);
  const CsafProduct* product = document.find_product(product_id);
  if (product == nullptr) {
    return result;
  }
  result.name = product->name;
  result.version = product->product_version;
  result.version_range = product->product_version_range;
  std::set<std::string, std::less<>> visited{result.product_id};
  const CsafProduct* identity = product;
  // Follow product_reference until a product with its own identification helper is found.
  for (std::size_t depth = 0; depth < kMaxCsafRelationshipDepth; ++depth) {
    if (!identity->helper.purl.empty() || !identity->helper.cpe.empty() ||
        !identity->helper.hashes.empty() ||
        identity->origin != CsafProduct::Origin::kRelationship ||
        identity->relationship_index >= document.relationships.size()) {
      break;
    }
    const CsafRelationship& relationship = document.relationships[identity->relationship_index];
    if (depth == 0) {
      result.component_id = relationship.product_reference;
      result.platform_id = relationship.relates_to_product_reference;
      result.relationship_category = relationship.category;
    }
    if (!visited.insert(relationship.product_reference).second) {
      break;  // a cycle (reported by validation, 6.1.3)
    }
    const CsafProduct* component = document.find_product(relationship.product_reference);
    if (component == nullptr) {
      break;
    }
    identity = component;
    if (result.version.empty()) {
      result.version = component->product_version;
    }
    if (result.version_range.empty()) {
      result.version_range = component->product_version_range;
    }
  }
  if (product->origin == CsafProduct::Origin::kRelationship && result.component_id.empty() &&
      product->relationship_index < document.relationships.size()) {
    const CsafRelationship& relationship = document.relationships[product->relationship_index];
    result.component_id = relationship.product_reference;
    result.platform_id = relationship.relates_to_product_reference;
    result.relationship_category = relationship.category;
  }
  result.purl = identity->helper.purl;
  result.cpe = identity->helper.cpe;
  for (const CsafFileHashes& file : identity->helper.hashes) {
    for (const auto& [algorithm, value] : file.hashes) {
      result.hashes.push_back(ascii_lower(algorithm) + ":" + ascii_lower(value));
    }
  }
  if (result.version.empty() && !result.purl.empty()) {
    if (auto parsed = purl::parse(result.purl)) {
      result.version = parsed->version;
    }
  }
  return result;
}

bool looks_like_csaf(const json::Json& root) {
  if (!root.is_object()) {
    return false;
  }
  const Json* document = JsonWalker::member(root, "document");
  if (document == nullptr || !document->is_object()) {
    return false;
  }
  return document->contains("csaf_version") ||
         (document->contains("category") && document->contains("tracking"));
}

Result<Parsed<CsafDocument>> read_csaf_json(const json::Json& root, std::string_view source) {
  DiagnosticSink sink;
  CsafReader reader{std::string(source), sink};
  ASSAY_TRY(CsafDocument document, reader.read(root));
  Parsed<CsafDocument> parsed;
  parsed.value = std::move(document);
  parsed.diagnostics = sink.take();
  return parsed;
}

Result<Parsed<CsafDocument>> read_csaf(std::string_view text, std::string_view source,
                                       const InputLimits& limits) {
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  return read_csaf_json(root, source);
}

Parsed<std::vector<model::Advisory>> csaf_to_advisories(const CsafDocument& document,
                                                        std::string_view source) {
  Parsed<std::vector<model::Advisory>> result;
  DiagnosticSink sink;
  const std::string source_text(source);
  for (std::size_t index = 0; index < document.vulnerabilities.size(); ++index) {
    const CsafVulnerability& vulnerability = document.vulnerabilities[index];
    model::Advisory advisory;
    advisory.source_format = "csaf";
    advisory.source_location = source_text + "#" + vulnerability.pointer;
    if (!vulnerability.cve.empty()) {
      advisory.id = vulnerability.cve;
    } else if (!vulnerability.ids.empty() && !vulnerability.ids.front().second.empty()) {
      advisory.id = vulnerability.ids.front().second;
    } else {
      advisory.id = (document.tracking_id.empty() ? std::string("CSAF") : document.tracking_id) +
                    "-" + std::to_string(index + 1);
    }
    for (const auto& [system, text] : vulnerability.ids) {
      if (text != advisory.id) {
        append_unique(advisory.aliases, text);
      }
    }
    append_unique(advisory.related, document.tracking_id);
    advisory.modified = document.current_release_date;
    advisory.published = vulnerability.release_date.empty() ? document.initial_release_date
                                                            : vulnerability.release_date;
    advisory.summary = vulnerability.title.empty() ? document.title : vulnerability.title;
    advisory.details = statement_text(vulnerability.notes);
    if (advisory.details.empty()) {
      advisory.details = statement_text(document.notes);
    }
    if (!vulnerability.cwe_id.empty()) {
      advisory.cwes.push_back(vulnerability.cwe_id);
    }
    auto add_reference = [&advisory](const CsafReference& reference) {
      if (reference.url.empty()) {
        return;
      }
      for (const model::AdvisoryReference& existing : advisory.references) {
        if (existing.url == reference.url) {
          return;
        }
      }
      advisory.references.push_back(
          {reference.category == "self" ? "ADVISORY" : "WEB", reference.url});
    };
    for (const CsafReference& reference : vulnerability.references) {
      add_reference(reference);
    }
    for (const CsafReference& reference : document.references) {
      add_reference(reference);
    }
    for (const CsafAcknowledgment& acknowledgment : vulnerability.acknowledgments) {
      for (const std::string& name : acknowledgment.names) {
        advisory.credits.push_back({name, acknowledgment.urls, "FINDER"});
      }
      if (acknowledgment.names.empty() && !acknowledgment.organization.empty()) {
        advisory.credits.push_back({acknowledgment.organization, acknowledgment.urls, "FINDER"});
      }
    }
    // Severity: per product when the scores differ between products, else document-wide.
    std::map<std::string, std::vector<model::SeverityScore>> product_scores;
    std::vector<model::SeverityScore> all_scores;
    for (const CsafScore& score : vulnerability.scores) {
      std::vector<model::SeverityScore> vectors;
      if (!score.cvss_v3_vector.empty()) {
        vectors.push_back({"CVSS_V3", score.cvss_v3_vector});
      }
      if (!score.cvss_v2_vector.empty()) {
        vectors.push_back({"CVSS_V2", score.cvss_v2_vector});
      }
      for (const model::SeverityScore& vector : vectors) {
        bool seen = false;
        for (const model::SeverityScore& existing : all_scores) {
          seen = seen || (existing.type == vector.type && existing.score == vector.score);
        }
        if (!seen) {
          all_scores.push_back(vector);
        }
        for (const std::string& product : score.products) {
          product_scores[product].push_back(vector);
        }
      }
    }
    std::set<std::string> types;
    bool one_per_type = true;
    for (const model::SeverityScore& score : all_scores) {
      one_per_type = one_per_type && types.insert(score.type).second;
    }
    if (one_per_type) {
      advisory.severity = all_scores;
    }

    // Affected packages.
    std::vector<PackageKey> packages;
    auto package_for = [&](const CsafResolvedProduct& product,
                           const std::string& pointer) -> PackageKey* {
      std::string key;
      PackageKey entry;
      if (!product.purl.empty()) {
        auto parsed = purl::parse(product.purl);
        if (!parsed) {
          sink.warning("CSAF-CONVERT-BAD-PURL",
                       "product " + quote(product.product_id) + " has an invalid purl " +
                           quote(product.purl) + " (" + parsed.error().message +
                           "); it is matched by name and CPE only",
                       source_text + "#" + pointer);
        } else {
          purl::Purl base = *parsed;
          base.version.clear();
          base.qualifiers.clear();
          base.subpath.clear();
          key = "purl:" + base.to_string();
          entry.package.purl = base.to_string();
          entry.package.name = osv_package_name(*parsed);
          entry.scheme_name = parsed->type;
          const version::Ecosystem* ecosystem = version::find_ecosystem(parsed->type);
          entry.package.ecosystem =
              ecosystem != nullptr ? std::string(ecosystem->osv_name) : std::string();
        }
      }
      if (key.empty()) {
        const std::string name = product.name.empty() ? product.product_id : product.name;
        key = "name:" + name;
        entry.package.name = name;
      }
      for (PackageKey& existing : packages) {
        if (existing.key == key) {
          return &existing;
        }
      }
      entry.key = key;
      packages.push_back(std::move(entry));
      return &packages.back();
    };
    const CsafProductStatus& status = vulnerability.product_status;
    std::vector<std::pair<std::string, std::string>> affected_ids;  // (id, pointer)
    auto collect = [&](const std::vector<std::string>& ids, const char* key) {
      const std::string base = vulnerability.pointer + "/product_status/" + key;
      for (std::size_t id_index = 0; id_index < ids.size(); ++id_index) {
        affected_ids.emplace_back(ids[id_index], json::pointer_append(base, id_index));
      }
    };
    collect(status.first_affected, "first_affected");
    collect(status.known_affected, "known_affected");
    collect(status.last_affected, "last_affected");
    for (const auto& [product_id, pointer] : affected_ids) {
      const CsafResolvedProduct product = resolve_csaf_product(document, product_id);
      PackageKey* entry = package_for(product, pointer);
      if (!product.cpe.empty()) {
        append_unique(entry->package.cpes, product.cpe);
      }
      if (!one_per_type) {
        for (const model::SeverityScore& score : product_scores[product_id]) {
          bool seen = false;
          for (const model::SeverityScore& existing : entry->package.severity) {
            seen = seen || (existing.type == score.type && existing.score == score.score);
          }
          if (!seen) {
            entry->package.severity.push_back(score);
          }
        }
      }
      if (!product.version_range.empty()) {
        add_range_text(product.version_range, *entry, pointer, sink, source_text);
      } else if (!product.version.empty()) {
        append_unique(entry->package.versions, product.version);
      } else {
        sink.info("CSAF-CONVERT-NO-VERSION",
                  "product " + quote(product_id) +
                      " names no version or range; every version is treated as affected",
                  source_text + "#" + pointer);
        entry->package.ranges.push_back(
            {version::OsvRangeType::kEcosystem, {{version::OsvEventKind::kIntroduced, "0"}}});
      }
    }
    // Fixed versions are informative in OSV terms (no range is implied by them).
    std::map<std::string, std::vector<std::string>> fixed_versions;
    for (const std::vector<std::string>* list : {&status.fixed, &status.first_fixed}) {
      for (const std::string& product_id : *list) {
        const CsafResolvedProduct product = resolve_csaf_product(document, product_id);
        if (product.purl.empty() || product.version.empty()) {
          continue;
        }
        auto parsed = purl::parse(product.purl);
        if (!parsed) {
          continue;
        }
        purl::Purl base = *parsed;
        base.version.clear();
        base.qualifiers.clear();
        base.subpath.clear();
        append_unique(fixed_versions["purl:" + base.to_string()], product.version);
      }
    }
    for (PackageKey& entry : packages) {
      const auto fixed = fixed_versions.find(entry.key);
      if (fixed != fixed_versions.end()) {
        json::OrderedJson specific;
        specific["csaf_fixed_versions"] = fixed->second;
        entry.package.database_specific_json = specific.dump();
      }
      advisory.affected.push_back(std::move(entry.package));
    }
    result.value.push_back(std::move(advisory));
  }
  result.diagnostics = sink.take();
  return result;
}

namespace {

model::VexProduct vex_product(const CsafResolvedProduct& product) {
  model::VexProduct result;
  result.id = product.product_id;
  result.ref = product.product_id;
  result.purl = product.purl;
  result.cpe = product.cpe;
  result.hashes = product.hashes;
  result.name = product.name;
  return result;
}

std::string_view response_for(std::string_view remediation_category) {
  if (remediation_category == "vendor_fix") {
    return "update";
  }
  if (remediation_category == "workaround" || remediation_category == "mitigation") {
    return "workaround_available";
  }
  if (remediation_category == "no_fix_planned") {
    return "will_not_fix";
  }
  return {};
}

}  // namespace

model::VexDocument csaf_to_vex(const CsafDocument& document, std::string_view source) {
  model::VexDocument result;
  result.format = "csaf";
  result.id = document.tracking_id;
  result.author = document.publisher_name;
  result.timestamp = document.current_release_date;
  result.version = document.tracking_version;
  for (const CsafVulnerability& vulnerability : document.vulnerabilities) {
    std::string name = vulnerability.cve;
    std::vector<std::string> aliases;
    for (const auto& [system, text] : vulnerability.ids) {
      if (name.empty()) {
        name = text;
      } else if (text != name) {
        append_unique(aliases, text);
      }
    }
    if (name.empty()) {
      continue;  // nothing to match on (6.1.27.8 reports it for csaf_vex documents)
    }
    // Which statements name which product.
    auto names_product = [&document](const CsafProductStatement& statement,
                                     const std::string& product_id) {
      const std::vector<std::string> ids =
          document.expand(statement.product_ids, statement.group_ids);
      return std::find(ids.begin(), ids.end(), product_id) != ids.end();
    };
    struct StatusList {
      const std::vector<std::string>* ids;
      const char* key;
      model::VexStatus status;
    };
    const CsafProductStatus& status = vulnerability.product_status;
    const StatusList lists[] = {
        {&status.known_not_affected, "known_not_affected", model::VexStatus::kNotAffected},
        {&status.known_affected, "known_affected", model::VexStatus::kAffected},
        {&status.first_affected, "first_affected", model::VexStatus::kAffected},
        {&status.last_affected, "last_affected", model::VexStatus::kAffected},
        {&status.fixed, "fixed", model::VexStatus::kFixed},
        {&status.first_fixed, "first_fixed", model::VexStatus::kFixed},
        {&status.under_investigation, "under_investigation", model::VexStatus::kUnderInvestigation},
    };
    for (const StatusList& list : lists) {
      for (std::size_t index = 0; index < list.ids->size(); ++index) {
        const std::string& product_id = (*list.ids)[index];
        const CsafResolvedProduct resolved = resolve_csaf_product(document, product_id);
        model::VexStatement statement;
        statement.vulnerability = name;
        statement.aliases = aliases;
        statement.status = list.status;
        model::VexProduct product = vex_product(resolved);
        if (!resolved.platform_id.empty() && product.purl.empty() && product.cpe.empty()) {
          const CsafResolvedProduct platform = resolve_csaf_product(document, resolved.platform_id);
          product.purl = platform.purl;
          product.cpe = platform.cpe;
        }
        statement.products.push_back(std::move(product));
        if (!resolved.component_id.empty()) {
          statement.subcomponents.push_back(
              vex_product(resolve_csaf_product(document, resolved.component_id)));
        }
        for (const CsafProductStatement& flag : vulnerability.flags) {
          if (statement.justification.empty() && names_product(flag, product_id)) {
            statement.justification = flag.category;
          }
        }
        for (const CsafProductStatement& threat : vulnerability.threats) {
          if (threat.category == "impact" && names_product(threat, product_id)) {
            if (!statement.impact_statement.empty()) {
              statement.impact_statement += "\n";
            }
            statement.impact_statement += threat.details;
          }
        }
        for (const CsafProductStatement& remediation : vulnerability.remediations) {
          if (names_product(remediation, product_id)) {
            if (!statement.action_statement.empty()) {
              statement.action_statement += "\n";
            }
            statement.action_statement += remediation.category + ": " + remediation.details;
            const std::string_view response = response_for(remediation.category);
            if (!response.empty()) {
              append_unique(statement.responses, std::string(response));
            }
          }
        }
        statement.timestamp = document.current_release_date;
        statement.last_updated = document.current_release_date;
        statement.supplier = document.publisher_name;
        statement.source_document =
            document.tracking_id.empty() ? std::string(source) : document.tracking_id;
        statement.source_location = std::string(source) + "#" + vulnerability.pointer +
                                    "/product_status/" + list.key + "/" + std::to_string(index);
        result.statements.push_back(std::move(statement));
      }
    }
  }
  return result;
}

}  // namespace assay::formats
