#include "assay/match/portfolio.h"

#include <algorithm>
#include <map>
#include <utility>

#include "assay/match/package_key.h"
#include "assay/match/source.h"
#include "assay/purl/purl.h"

namespace assay::match {

std::size_t Portfolio::add(std::string name, model::Sbom sbom,
                           std::vector<model::VexStatement> vex) {
  const std::size_t product = products_.size();
  for (std::size_t index = 0; index < sbom.components.size(); ++index) {
    const model::Component& component = sbom.components[index];
    const std::string& text =
        !component.purl_canonical.empty() ? component.purl_canonical : component.purl;
    if (text.empty()) {
      continue;
    }
    const auto parsed = purl::parse(text);
    if (!parsed) {
      continue;
    }
    const auto key = key_for_purl(*parsed);
    if (!key) {
      continue;
    }
    by_key_[key->index_key()].push_back({product, index});
    ++indexed_;
  }
  std::vector<model::DependencyInfo> graph = model::dependency_info(sbom);
  products_.push_back({std::move(name), std::move(sbom), std::move(vex), std::move(graph)});
  return product;
}

Result<std::vector<PortfolioFinding>> Portfolio::evaluate(const model::Advisory& advisory,
                                                          const ScanOptions& options) const {
  // The components the advisory can touch, grouped by product.
  std::map<std::size_t, std::vector<std::size_t>> touched;
  for (const model::AffectedPackage& package : advisory.affected) {
    const auto key = key_for_advisory(package.ecosystem, package.name);
    if (!key) {
      continue;
    }
    const auto found = by_key_.find(key->index_key());
    if (found == by_key_.end()) {
      continue;
    }
    for (const Location& location : found->second) {
      touched[location.product].push_back(location.component);
    }
  }
  std::vector<PortfolioFinding> result;
  if (touched.empty()) {
    return result;
  }
  InMemorySource source;
  source.add(advisory);
  for (auto& [product_index, components] : touched) {
    const Product& product = products_[product_index];
    std::sort(components.begin(), components.end());
    components.erase(std::unique(components.begin(), components.end()), components.end());
    // A partial SBOM of only the touched components; their depth and dependency path come from
    // the whole product's graph, computed once when the product was added.
    model::Sbom partial;
    partial.metadata = product.sbom.metadata;
    std::map<std::string, std::size_t, std::less<>> original;
    for (const std::size_t index : components) {
      partial.components.push_back(product.sbom.components[index]);
      original.emplace(product.sbom.components[index].ref, index);
    }
    ASSAY_TRY(ScanResult scanned, scan(partial, product.vex, source, options));
    for (Finding& finding : scanned.findings) {
      if (const auto found = original.find(finding.component.ref); found != original.end()) {
        finding.component.depth = product.graph[found->second].depth;
        finding.component.path = product.graph[found->second].path;
      }
      result.push_back({product_index, std::move(finding)});
    }
  }
  return result;
}

}  // namespace assay::match
