// A portfolio: many SBOMs (every product a council runs) held with an index from package key to
// the components that carry it, so that when one advisory arrives or changes only the components
// it can touch are re-evaluated, instead of rescanning every SBOM.
#ifndef ASSAY_MATCH_PORTFOLIO_H_
#define ASSAY_MATCH_PORTFOLIO_H_

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "assay/core/result.h"
#include "assay/match/finding.h"
#include "assay/match/matcher.h"
#include "assay/model/advisory.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::match {

// A finding for one product of the portfolio.
struct PortfolioFinding {
  std::size_t product = 0;  // index returned by Portfolio::add
  Finding finding;
};

class Portfolio {
 public:
  // Adds a product's SBOM and the VEX statements that apply to it; returns its index. Components
  // without an identity advisories use are kept out of the index (scan() reports them).
  std::size_t add(std::string name, model::Sbom sbom, std::vector<model::VexStatement> vex = {});

  std::size_t size() const { return products_.size(); }
  const std::string& name(std::size_t product) const { return products_[product].name; }
  // Components indexed, over all products.
  std::size_t indexed_components() const { return indexed_; }

  // Every finding `advisory` gives across the portfolio: only the components whose package key
  // one of its affected packages names are evaluated, with each product's VEX applied, exactly as
  // a full scan would evaluate them. Fails only when matching fails.
  [[nodiscard]] Result<std::vector<PortfolioFinding>> evaluate(
      const model::Advisory& advisory, const ScanOptions& options = {}) const;

 private:
  struct Product {
    std::string name;
    model::Sbom sbom;
    std::vector<model::VexStatement> vex;
    std::vector<model::DependencyInfo> graph;  // depth and path of each component, computed once
  };
  struct Location {
    std::size_t product;
    std::size_t component;
  };
  std::vector<Product> products_;
  std::unordered_map<std::string, std::vector<Location>> by_key_;  // PackageKey::index_key()
  std::size_t indexed_ = 0;
};

}  // namespace assay::match

#endif  // ASSAY_MATCH_PORTFOLIO_H_
