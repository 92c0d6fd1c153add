// The in-memory advisory source and CPE keys.
#include "assay/match/source.h"

#include <algorithm>

#include "assay/core/strings.h"
#include "assay/match/package_key.h"

namespace assay::match {

std::string cpe_vendor_product(std::string_view cpe) {
  // 2.3: cpe:2.3:a:vendor:product:version:...   2.2: cpe:/a:vendor:product:version
  std::vector<std::string_view> parts = split(cpe, ':');
  std::size_t vendor = 0;
  if (parts.size() >= 5 && parts[0] == "cpe" && parts[1] == "2.3") {
    vendor = 3;
  } else if (parts.size() >= 4 && parts[0] == "cpe" && parts[1].size() == 2 && parts[1][0] == '/') {
    vendor = 2;
  } else {
    return {};
  }
  if (parts[vendor].empty() || parts[vendor + 1].empty() || parts[vendor] == "*" ||
      parts[vendor + 1] == "*") {
    return {};
  }
  return ascii_lower(parts[vendor]) + ":" + ascii_lower(parts[vendor + 1]);
}

void InMemorySource::add(model::Advisory advisory) {
  std::string id = advisory.id;
  by_id_[id] = std::make_shared<const model::Advisory>(std::move(advisory));
  index_stale_ = true;
}

void InMemorySource::set_kev(const model::KevCatalog& catalog) {
  for (const model::KevEntry& entry : catalog.entries) {
    kev_[ascii_upper(entry.cve_id)] = entry;
  }
}

void InMemorySource::set_epss(const model::EpssFile& file) {
  for (const model::EpssScore& score : file.scores) {
    epss_[ascii_upper(score.cve_id)] = score;
  }
  epss_date_ = file.score_date;
}

void InMemorySource::rebuild_index() {
  by_key_.clear();
  by_cpe_.clear();
  for (const auto& [id, advisory] : by_id_) {
    if (advisory->is_withdrawn()) {
      continue;
    }
    std::vector<std::string> keys;
    std::vector<std::string> cpes;
    for (const model::AffectedPackage& affected : advisory->affected) {
      if (const auto key = key_for_advisory(affected.ecosystem, affected.name)) {
        keys.push_back(key->index_key());
      }
      for (const std::string& cpe : affected.cpes) {
        const std::string vendor_product = cpe_vendor_product(cpe);
        if (!vendor_product.empty()) {
          cpes.push_back(vendor_product);
        }
      }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (const std::string& key : keys) {
      by_key_[key].push_back(advisory);
    }
    std::sort(cpes.begin(), cpes.end());
    cpes.erase(std::unique(cpes.begin(), cpes.end()), cpes.end());
    for (const std::string& cpe : cpes) {
      by_cpe_[cpe].push_back(advisory);
    }
  }
  // Deterministic order regardless of hash iteration.
  auto by_advisory_id = [](const AdvisoryPtr& a, const AdvisoryPtr& b) { return a->id < b->id; };
  for (auto& [key, list] : by_key_) {
    std::sort(list.begin(), list.end(), by_advisory_id);
  }
  for (auto& [key, list] : by_cpe_) {
    std::sort(list.begin(), list.end(), by_advisory_id);
  }
  index_stale_ = false;
}

Result<AdvisoriesByKey> InMemorySource::advisories_for(const std::vector<std::string>& keys) {
  if (index_stale_) {
    rebuild_index();
  }
  AdvisoriesByKey result;
  for (const std::string& key : keys) {
    const auto found = by_key_.find(key);
    if (found != by_key_.end()) {
      result.emplace(key, found->second);
    }
  }
  return result;
}

Result<std::vector<AdvisoryPtr>> InMemorySource::advisories_for_cpe(
    const std::string& vendor_product) {
  if (index_stale_) {
    rebuild_index();
  }
  const auto found = by_cpe_.find(vendor_product);
  if (found == by_cpe_.end()) {
    return std::vector<AdvisoryPtr>{};
  }
  return found->second;
}

std::optional<model::KevEntry> InMemorySource::kev(std::string_view cve) const {
  const auto found = kev_.find(ascii_upper(cve));
  if (found == kev_.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::optional<model::EpssScore> InMemorySource::epss(std::string_view cve) const {
  const auto found = epss_.find(ascii_upper(cve));
  if (found == epss_.end()) {
    return std::nullopt;
  }
  return found->second;
}

}  // namespace assay::match
