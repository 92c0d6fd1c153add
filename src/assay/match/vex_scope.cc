// VEX scoping rules.
#include "assay/match/vex_scope.h"

#include <algorithm>

#include "assay/core/strings.h"
#include "assay/purl/purl.h"

namespace assay::match {

namespace {

bool purl_matches(const std::string& statement_purl, const model::Component& component) {
  const std::string& component_text =
      !component.purl_canonical.empty() ? component.purl_canonical : component.purl;
  if (component_text.empty()) {
    return false;
  }
  const auto wanted = purl::parse(statement_purl);
  const auto have = purl::parse(component_text);
  if (!wanted || !have) {
    return statement_purl == component_text;
  }
  if (wanted->type != have->type || wanted->namespace_ != have->namespace_ ||
      wanted->name != have->name) {
    return false;
  }
  if (!wanted->version.empty() && wanted->version != have->version) {
    return false;
  }
  for (const auto& qualifier : wanted->qualifiers) {
    const std::string& key = qualifier.first;
    const std::string& value = qualifier.second;
    const auto found = std::find_if(have->qualifiers.begin(), have->qualifiers.end(),
                                    [&key](const auto& pair) { return pair.first == key; });
    if (found == have->qualifiers.end() || found->second != value) {
      return false;
    }
  }
  return true;
}

// A CycloneDX BOM-link: "urn:cdx:<serial-uuid>/<version>#<bom-ref>".
bool ref_matches(const std::string& statement_ref, const model::Component& component,
                 const model::Sbom& sbom) {
  if (statement_ref == component.ref) {
    return true;
  }
  const std::size_t hash = statement_ref.rfind('#');
  if (statement_ref.rfind("urn:cdx:", 0) != 0 || hash == std::string::npos) {
    return false;
  }
  if (statement_ref.substr(hash + 1) != component.ref) {
    return false;
  }
  const std::string serial = statement_ref.substr(8, statement_ref.find('/') - 8);
  const std::string& own = sbom.metadata.serial_number;
  return !own.empty() && (own == serial || own == "urn:uuid:" + serial);
}

bool hash_matches(const std::vector<std::string>& hashes, const model::Component& component) {
  for (const std::string& wanted : hashes) {
    const std::size_t colon = wanted.find(':');
    if (colon == std::string::npos) {
      continue;
    }
    const std::string algorithm = ascii_lower(wanted.substr(0, colon));
    const std::string value = ascii_lower(wanted.substr(colon + 1));
    for (const model::Hash& hash : component.hashes) {
      std::string have_algorithm = ascii_lower(hash.algorithm);
      have_algorithm.erase(std::remove(have_algorithm.begin(), have_algorithm.end(), '-'),
                           have_algorithm.end());
      if (have_algorithm == algorithm && ascii_lower(hash.value) == value) {
        return true;
      }
    }
  }
  return false;
}

std::string recency(const model::VexStatement& statement) {
  return !statement.last_updated.empty() ? statement.last_updated : statement.timestamp;
}

}  // namespace

bool vex_product_matches(const model::VexProduct& product, const model::Component& component,
                         const model::Sbom& sbom) {
  if (!product.purl.empty() && purl_matches(product.purl, component)) {
    return true;
  }
  if (!product.ref.empty() && ref_matches(product.ref, component, sbom)) {
    return true;
  }
  if (!product.cpe.empty()) {
    for (const std::string& cpe : component.cpes) {
      if (ascii_iequals(cpe, product.cpe)) {
        return true;
      }
    }
  }
  if (!product.hashes.empty() && hash_matches(product.hashes, component)) {
    return true;
  }
  if (!product.id.empty() && product.purl.empty() && product.ref.empty()) {
    if (product.id.rfind("pkg:", 0) == 0) {
      return purl_matches(product.id, component);
    }
    return ref_matches(product.id, component, sbom);
  }
  return false;
}

VexIndex::VexIndex(const std::vector<model::VexStatement>& statements, const model::Sbom& sbom)
    : statements_(statements), sbom_(sbom) {
  if (const auto subject = sbom.find(sbom.metadata.subject_ref)) {
    subject_ = &sbom.components[*subject];
  }
  for (std::size_t index = 0; index < statements.size(); ++index) {
    by_id_[ascii_upper(statements[index].vulnerability)].push_back(index);
    for (const std::string& alias : statements[index].aliases) {
      by_id_[ascii_upper(alias)].push_back(index);
    }
  }
}

std::optional<FindingVex> VexIndex::lookup(const std::vector<std::string>& ids,
                                           const model::Component& component) const {
  const model::VexStatement* best = nullptr;
  bool best_component_scoped = false;
  for (const std::string& id : ids) {
    const auto found = by_id_.find(ascii_upper(id));
    if (found == by_id_.end()) {
      continue;
    }
    for (const std::size_t index : found->second) {
      const model::VexStatement& statement = statements_[index];
      bool applies = false;
      bool component_scoped = false;
      for (const model::VexProduct& product : statement.products) {
        const bool is_component = vex_product_matches(product, component, sbom_);
        const bool is_subject =
            subject_ != nullptr && vex_product_matches(product, *subject_, sbom_);
        if (statement.subcomponents.empty()) {
          if (is_component) {
            applies = true;
            component_scoped = true;
          } else if (is_subject) {
            applies = true;
          }
        } else if (is_component || is_subject) {
          for (const model::VexProduct& sub : statement.subcomponents) {
            if (vex_product_matches(sub, component, sbom_)) {
              applies = true;
              component_scoped = true;
            }
          }
        }
      }
      if (!applies) {
        continue;
      }
      if (best == nullptr || recency(statement) > recency(*best) ||
          (recency(statement) == recency(*best) && component_scoped && !best_component_scoped)) {
        best = &statement;
        best_component_scoped = component_scoped;
      }
    }
  }
  if (best == nullptr) {
    return std::nullopt;
  }
  FindingVex applied;
  applied.status = best->status;
  applied.justification = best->justification;
  applied.impact_statement = best->impact_statement;
  applied.action_statement = best->action_statement;
  applied.source = best->source_document;
  if (!best->source_location.empty()) {
    applied.source +=
        best->source_location.front() == '#' ? best->source_location : " " + best->source_location;
  }
  return applied;
}

}  // namespace assay::match
