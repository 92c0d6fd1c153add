// Applying VEX statements at match time: which statement, if any, speaks for a given
// vulnerability in a given component of a given product (the SBOM's subject).
#ifndef ASSAY_MATCH_VEX_SCOPE_H_
#define ASSAY_MATCH_VEX_SCOPE_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "assay/match/finding.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::match {

// True when `product` identifies `component`: by purl (a statement purl without a version or
// qualifiers covers every version / variant), by bom-ref (plain or a BOM-link naming this SBOM's
// serial number), by CPE, or by a hash the component carries.
bool vex_product_matches(const model::VexProduct& product, const model::Component& component,
                         const model::Sbom& sbom);

// An index of statements by vulnerability id (statement ids and aliases, case-insensitive). The
// statements and the SBOM must outlive it.
class VexIndex {
 public:
  VexIndex(const std::vector<model::VexStatement>& statements, const model::Sbom& sbom);

  // The statement that applies to `component` for a vulnerability known by any of `ids`: scoped
  // to the component itself, or to the product (the SBOM subject) with the component among its
  // subcomponents or with no subcomponents named. When several apply, the most recent wins
  // (last_updated, else timestamp); on a tie, a component-scoped statement beats a product one.
  std::optional<FindingVex> lookup(const std::vector<std::string>& ids,
                                   const model::Component& component) const;

 private:
  const std::vector<model::VexStatement>& statements_;
  const model::Sbom& sbom_;
  const model::Component* subject_ = nullptr;
  std::unordered_map<std::string, std::vector<std::size_t>> by_id_;
};

}  // namespace assay::match

#endif  // ASSAY_MATCH_VEX_SCOPE_H_
