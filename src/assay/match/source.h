// Where the matcher gets advisories and threat intelligence from. The store implements this over
// SQLite; InMemorySource serves tests and small advisory sets read from files.
#ifndef ASSAY_MATCH_SOURCE_H_
#define ASSAY_MATCH_SOURCE_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "assay/core/result.h"
#include "assay/model/advisory.h"
#include "assay/model/intel.h"

namespace assay::match {

using AdvisoryPtr = std::shared_ptr<const model::Advisory>;
using AdvisoriesByKey = std::unordered_map<std::string, std::vector<AdvisoryPtr>>;

class AdvisorySource {
 public:
  virtual ~AdvisorySource() = default;

  // For each PackageKey::index_key() in `keys`, every advisory with an affected package of that
  // key (any release scope). Withdrawn advisories are never returned. Keys with no advisories may
  // be absent from the result. Fails with kIo when the backing store cannot be read.
  [[nodiscard]] virtual Result<AdvisoriesByKey> advisories_for(
      const std::vector<std::string>& keys) = 0;

  // Advisories whose affected packages carry a CPE for `vendor:product` (lower case); only used
  // when CPE matching is asked for.
  [[nodiscard]] virtual Result<std::vector<AdvisoryPtr>> advisories_for_cpe(
      const std::string& vendor_product) = 0;

  virtual std::optional<model::KevEntry> kev(std::string_view cve) const = 0;
  virtual std::optional<model::EpssScore> epss(std::string_view cve) const = 0;
  // The score date of the EPSS data, "" when none is loaded.
  virtual std::string epss_date() const = 0;
};

// An AdvisorySource over advisories held in memory. Not thread-safe for concurrent mutation.
class InMemorySource final : public AdvisorySource {
 public:
  // Adds `advisory` (withdrawn ones are kept out of lookups). Replaces an earlier advisory with the
  // same id.
  void add(model::Advisory advisory);
  void set_kev(const model::KevCatalog& catalog);
  void set_epss(const model::EpssFile& file);
  std::size_t size() const { return by_id_.size(); }

  [[nodiscard]] Result<AdvisoriesByKey> advisories_for(
      const std::vector<std::string>& keys) override;
  [[nodiscard]] Result<std::vector<AdvisoryPtr>> advisories_for_cpe(
      const std::string& vendor_product) override;
  std::optional<model::KevEntry> kev(std::string_view cve) const override;
  std::optional<model::EpssScore> epss(std::string_view cve) const override;
  std::string epss_date() const override { return epss_date_; }

 private:
  void rebuild_index();

  std::unordered_map<std::string, AdvisoryPtr> by_id_;
  std::unordered_map<std::string, std::vector<AdvisoryPtr>> by_key_;
  std::unordered_map<std::string, std::vector<AdvisoryPtr>> by_cpe_;
  bool index_stale_ = false;
  std::unordered_map<std::string, model::KevEntry> kev_;
  std::unordered_map<std::string, model::EpssScore> epss_;
  std::string epss_date_;
};

// "vendor:product" (lower case) of a CPE 2.2 URI or 2.3 formatted string, or "" if malformed.
std::string cpe_vendor_product(std::string_view cpe);

}  // namespace assay::match

#endif  // ASSAY_MATCH_SOURCE_H_
