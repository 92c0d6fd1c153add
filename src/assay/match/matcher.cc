// The matcher. See matcher.h for the rules it follows.
#include "assay/match/matcher.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "assay/core/strings.h"
#include "assay/match/package_key.h"
#include "assay/match/severity.h"
#include "assay/match/vex_scope.h"
#include "assay/purl/purl.h"
#include "assay/version/ecosystem.h"
#include "assay/version/osv_range.h"
#include "assay/version/version.h"

namespace assay::match {

namespace {

// What one affected entry of one advisory says about one component version.
struct EntryResult {
  bool affected = false;
  bool unknown = false;
  std::string reason;
  std::vector<std::string> fixed;  // fixed events of this entry
};

std::string strip_v(const std::string& version) {
  if (!version.empty() && version.front() == 'v') {
    return version.substr(1);
  }
  return version;
}

bool releases_compatible(const PackageKey& component, const PackageKey& advisory) {
  return component.release.empty() || advisory.release.empty() ||
         ascii_iequals(component.release, advisory.release);
}

EntryResult evaluate_entry(const model::AffectedPackage& affected, const std::string& base,
                           const std::string& version) {
  EntryResult result;
  for (const version::OsvRange& range : affected.ranges) {
    for (const version::OsvEvent& event : range.events) {
      if (event.kind == version::OsvEventKind::kFixed) {
        result.fixed.push_back(event.version);
      }
    }
  }
  if (version.empty()) {
    result.unknown = true;
    result.reason = "the component has no version, so every advisory for the package may apply";
    return result;
  }
  const version::Ecosystem* ecosystem = version::find_ecosystem(base);
  const version::Scheme scheme =
      ecosystem != nullptr ? ecosystem->scheme : version::Scheme::kGeneric;

  // An explicit enumeration decides by string, then by the scheme's equality.
  if (!affected.versions.empty()) {
    std::optional<version::Version> parsed;
    if (auto attempt = version::Version::parse(scheme, version)) {
      parsed = std::move(attempt).value();
    }
    // PEP 440 versions compare case-insensitively, and purls carry them lower-cased; a listed
    // legacy version that PEP 440 cannot read ("2013-01-21T20:33:09+0100") still matches by text.
    const bool case_insensitive = scheme == version::Scheme::kPep440;
    for (const std::string& listed : affected.versions) {
      if (listed == version || (case_insensitive && ascii_iequals(listed, version))) {
        result.affected = true;
        return result;
      }
      if (parsed) {
        const auto other = version::Version::parse(scheme, listed);
        if (other && other->compare(*parsed) == 0) {
          result.affected = true;
          return result;
        }
      }
    }
  }

  bool evaluated_any = false;
  bool only_git = !affected.ranges.empty();
  for (const version::OsvRange& range : affected.ranges) {
    if (range.type == version::OsvRangeType::kGit) {
      continue;
    }
    only_git = false;
    evaluated_any = true;
    // Go modules are SemVer ranges spelled without the "v" that Go versions carry.
    const std::string candidate =
        range.type == version::OsvRangeType::kSemver ? strip_v(version) : version;
    const version::OsvEvaluation evaluation = version::evaluate(range, scheme, candidate);
    if (evaluation.verdict == version::OsvVerdict::kAffected) {
      result.affected = true;
      result.unknown = false;
      result.reason.clear();
      return result;
    }
    if (evaluation.verdict == version::OsvVerdict::kUnknown && !result.unknown) {
      result.unknown = true;
      result.reason = evaluation.reason;
    }
  }
  if (!evaluated_any && affected.versions.empty()) {
    result.unknown = true;
    result.reason = only_git ? "the advisory gives only git commit ranges for this package"
                             : "the advisory names the package but no affected versions";
  }
  return result;
}

// The lowest fixed version above `version`, in the ecosystem's order; "" when none is known.
std::string nearest_fix(const std::vector<std::string>& fixed, const std::string& base,
                        const std::string& version, bool semver_spelling) {
  const version::Ecosystem* ecosystem = version::find_ecosystem(base);
  const version::Scheme scheme =
      ecosystem != nullptr ? ecosystem->scheme : version::Scheme::kGeneric;
  const std::string current_text = semver_spelling ? strip_v(version) : version;
  auto current = version::Version::parse(scheme, current_text);
  std::optional<version::Version> best;
  for (const std::string& candidate_text : fixed) {
    auto candidate = version::Version::parse(scheme, candidate_text);
    if (!candidate) {
      continue;
    }
    if (current && candidate->compare(*current) <= 0) {
      continue;
    }
    if (!best || candidate->compare(*best) < 0) {
      best = std::move(candidate).value();
    }
  }
  return best ? best->text() : std::string();
}

// Union-find over advisory ids, so that GHSA-x, CVE-y and PYSEC-z naming each other become one.
class AliasGroups {
 public:
  std::size_t find(const std::string& id) {
    auto [it, inserted] = index_.emplace(ascii_upper(id), parent_.size());
    if (inserted) {
      parent_.push_back(parent_.size());
      names_.push_back(id);
    }
    std::size_t node = it->second;
    while (parent_[node] != node) {
      parent_[node] = parent_[parent_[node]];
      node = parent_[node];
    }
    return node;
  }
  void unite(const std::string& a, const std::string& b) {
    const std::size_t root_a = find(a);
    const std::size_t root_b = find(b);
    if (root_a != root_b) {
      parent_[std::max(root_a, root_b)] = std::min(root_a, root_b);
    }
  }

 private:
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<std::size_t> parent_;
  std::vector<std::string> names_;
};

bool is_cve(std::string_view id) {
  return id.size() > 4 && ascii_iequals(id.substr(0, 4), "CVE-");
}

// One matched (advisory, verdict) for a component, before merging by alias.
struct Match {
  AdvisoryPtr advisory;
  EntryResult result;
  std::string base_ecosystem;
  bool semver_spelling = false;
  MatchMethod method = MatchMethod::kPurl;
};

Finding merge(const std::vector<const Match*>& group, const model::Component& component,
              const FindingComponent& where, AdvisorySource& source) {
  Finding finding;
  finding.component = where;
  std::set<std::string> ids;
  std::set<std::string> fixed;
  bool any_affected = false;
  std::string unknown_reason;
  for (const Match* match : group) {
    const model::Advisory& advisory = *match->advisory;
    finding.sources.push_back(advisory.id);
    ids.insert(advisory.id);
    for (const std::string& alias : advisory.aliases) {
      ids.insert(alias);
    }
    if (match->result.affected) {
      any_affected = true;
    } else if (unknown_reason.empty()) {
      unknown_reason = match->result.reason;
    }
    for (const std::string& version : match->result.fixed) {
      fixed.insert(version);
    }
    finding.malicious = finding.malicious || advisory.is_malicious();
    if (finding.summary.empty()) {
      finding.summary =
          !advisory.summary.empty() ? advisory.summary : advisory.details.substr(0, 200);
    }
    if (match->method == MatchMethod::kCpe) {
      finding.method = MatchMethod::kCpe;
    }
    if (!advisory.published.empty() &&
        (finding.published.empty() ||
         advisory.published.substr(0, 10) < finding.published.substr(0, 10))) {
      finding.published = advisory.published;
    }
    for (const model::AdvisoryReference& reference : advisory.references) {
      if (finding.references.size() < 20 &&
          std::find(finding.references.begin(), finding.references.end(), reference.url) ==
              finding.references.end()) {
        finding.references.push_back(reference.url);
      }
    }
  }
  std::sort(finding.sources.begin(), finding.sources.end());
  finding.sources.erase(std::unique(finding.sources.begin(), finding.sources.end()),
                        finding.sources.end());
  // Show a CVE first where there is one: councils, KEV and EPSS all key on CVE ids.
  std::string primary;
  for (const std::string& id : ids) {
    if (is_cve(id)) {
      primary = id;
      break;
    }
  }
  if (primary.empty()) {
    primary = finding.sources.front();
  }
  finding.id = primary;
  for (const std::string& id : ids) {
    if (id != primary) {
      finding.aliases.push_back(id);
    }
  }
  finding.verdict = any_affected ? Verdict::kAffected : Verdict::kPossiblyAffected;
  finding.reason = any_affected ? "" : unknown_reason;
  if (finding.method == MatchMethod::kCpe) {
    finding.reason = (finding.reason.empty() ? "" : finding.reason + "; ") +
                     "matched by CPE vendor and product (opt-in), not by purl";
  }
  finding.fixed_versions.assign(fixed.begin(), fixed.end());
  const Match& first = *group.front();
  finding.nearest_fix = nearest_fix(finding.fixed_versions, first.base_ecosystem, component.version,
                                    first.semver_spelling);

  // Threat intelligence: KEV if any CVE in the group is listed; the highest EPSS among them.
  for (const std::string& id : ids) {
    if (!is_cve(id)) {
      continue;
    }
    if (!finding.kev) {
      finding.kev = source.kev(id);
    }
    if (auto epss = source.epss(id); epss && (!finding.epss || epss->score > finding.epss->score)) {
      finding.epss = epss;
    }
  }
  if (finding.epss) {
    finding.epss_date = source.epss_date();
  }
  std::vector<const model::Advisory*> advisories;
  advisories.reserve(group.size());
  for (const Match* match : group) {
    advisories.push_back(match->advisory.get());
  }
  finding.severity = assess_severity(advisories, first.base_ecosystem);
  return finding;
}

std::string component_version(const model::Component& component,
                              const std::optional<purl::Purl>& parsed) {
  if (parsed && !parsed->version.empty()) {
    return advisory_version(*parsed);
  }
  return component.version;
}

}  // namespace

Result<ScanResult> scan(const model::Sbom& sbom, const std::vector<model::VexStatement>& vex,
                        AdvisorySource& source, const ScanOptions& options) {
  ScanResult result;
  result.components = sbom.components.size();
  const std::vector<model::DependencyInfo> graph = model::dependency_info(sbom);

  struct Target {
    std::size_t index;
    std::optional<PackageKey> key;
    std::string version;
    std::string cpe_key;
  };
  std::vector<Target> targets;
  std::vector<std::string> keys;
  std::unordered_set<std::string> seen_keys;
  std::unordered_set<std::string> seen_cpes;
  for (std::size_t index = 0; index < sbom.components.size(); ++index) {
    const model::Component& component = sbom.components[index];
    if (!sbom.metadata.subject_ref.empty() && component.ref == sbom.metadata.subject_ref &&
        component.purl.empty()) {
      continue;  // the product itself, described by the SBOM, without a package identity
    }
    const std::string& purl_text =
        !component.purl_canonical.empty() ? component.purl_canonical : component.purl;
    std::optional<purl::Purl> parsed;
    std::string skip_reason;
    if (!purl_text.empty()) {
      if (auto attempt = purl::parse(purl_text)) {
        parsed = std::move(attempt).value();
      } else {
        skip_reason = "its purl is invalid (" + attempt.error().message + ")";
      }
    } else {
      skip_reason = "it has no purl";
    }
    Target target{index, std::nullopt, component_version(component, parsed), {}};
    if (parsed) {
      target.key = key_for_purl(*parsed);
      if (!target.key) {
        skip_reason = "purl type \"" + parsed->type + "\" has no advisory ecosystem";
      }
    }
    if (options.match_cpe && !component.cpes.empty()) {
      target.cpe_key = cpe_vendor_product(component.cpes.front());
    }
    if (!target.key && target.cpe_key.empty()) {
      if (!options.match_cpe && !component.cpes.empty()) {
        skip_reason += "; it has a CPE, but CPE matching is off (use --cpe)";
      }
      result.skipped.push_back(
          {component.ref, component.name, component.version, component.purl, skip_reason});
      continue;
    }
    ++result.checked;
    if (target.key && seen_keys.insert(target.key->index_key()).second) {
      keys.push_back(target.key->index_key());
    }
    targets.push_back(std::move(target));
  }

  ASSAY_TRY(AdvisoriesByKey by_key, source.advisories_for(keys));
  std::unordered_map<std::string, std::vector<AdvisoryPtr>> by_cpe;
  for (const Target& target : targets) {
    if (!target.cpe_key.empty() && seen_cpes.insert(target.cpe_key).second) {
      ASSAY_TRY(by_cpe[target.cpe_key], source.advisories_for_cpe(target.cpe_key));
    }
  }

  const VexIndex vex_index(vex, sbom);
  for (const Target& target : targets) {
    const model::Component& component = sbom.components[target.index];
    std::vector<Match> matches;
    if (target.key) {
      const auto found = by_key.find(target.key->index_key());
      if (found != by_key.end()) {
        for (const AdvisoryPtr& advisory : found->second) {
          if (advisory->is_withdrawn()) {
            continue;
          }
          Match best;
          bool have = false;
          for (const model::AffectedPackage& affected : advisory->affected) {
            const auto key = key_for_advisory(affected.ecosystem, affected.name);
            if (!key || key->index_key() != target.key->index_key() ||
                !releases_compatible(*target.key, *key)) {
              continue;
            }
            EntryResult entry = evaluate_entry(affected, key->ecosystem, target.version);
            if (!entry.affected && !entry.unknown) {
              // Keep fixed versions from entries that did not match: they are still fixes.
              continue;
            }
            if (!have || (entry.affected && !best.result.affected)) {
              const bool semver = std::any_of(affected.ranges.begin(), affected.ranges.end(),
                                              [](const version::OsvRange& r) {
                                                return r.type == version::OsvRangeType::kSemver;
                                              });
              best = Match{advisory, std::move(entry), key->ecosystem, semver, MatchMethod::kPurl};
              have = true;
            }
          }
          if (have) {
            matches.push_back(std::move(best));
          }
        }
      }
    }
    if (!target.cpe_key.empty()) {
      for (const AdvisoryPtr& advisory : by_cpe[target.cpe_key]) {
        if (advisory->is_withdrawn()) {
          continue;
        }
        for (const model::AffectedPackage& affected : advisory->affected) {
          bool names_product = false;
          for (const std::string& cpe : affected.cpes) {
            names_product = names_product || cpe_vendor_product(cpe) == target.cpe_key;
          }
          if (!names_product) {
            continue;
          }
          EntryResult entry = evaluate_entry(affected, "generic", component.version);
          if (entry.affected || entry.unknown) {
            matches.push_back(
                Match{advisory, std::move(entry), "generic", false, MatchMethod::kCpe});
            break;
          }
        }
      }
    }
    if (matches.empty()) {
      continue;
    }

    // Merge matches whose ids are aliases of each other.
    AliasGroups groups;
    for (const Match& match : matches) {
      groups.find(match.advisory->id);
      for (const std::string& alias : match.advisory->aliases) {
        groups.unite(match.advisory->id, alias);
      }
    }
    std::map<std::size_t, std::vector<const Match*>> merged;
    for (const Match& match : matches) {
      merged[groups.find(match.advisory->id)].push_back(&match);
    }
    const model::DependencyInfo& info = graph[target.index];
    FindingComponent where{
        component.ref,
        !component.purl_canonical.empty() ? component.purl_canonical : component.purl,
        component.name,
        component.version,
        info.depth,
        info.path};
    for (const auto& [root, group] : merged) {
      Finding finding = merge(group, component, where, source);
      std::vector<std::string> ids = finding.aliases;
      ids.push_back(finding.id);
      if (const std::optional<FindingVex> applied = vex_index.lookup(ids, component)) {
        finding.vex = applied;
        finding.suppressed = applied->status == model::VexStatus::kNotAffected ||
                             applied->status == model::VexStatus::kFixed;
      }
      result.findings.push_back(std::move(finding));
    }
  }
  sort_by_priority(result.findings);
  return result;
}

void sort_by_priority(std::vector<Finding>& findings) {
  auto rank = [](const Finding& finding) {
    const double epss = finding.epss ? finding.epss->score : -1.0;
    const double cvss = finding.severity.cvss_score.value_or(-1.0);
    return std::make_tuple(!finding.malicious, !finding.kev.has_value(), -epss, -cvss,
                           static_cast<int>(finding.severity.level),
                           finding.verdict == Verdict::kAffected ? 0 : 1);
  };
  std::stable_sort(findings.begin(), findings.end(), [&rank](const Finding& a, const Finding& b) {
    const auto rank_a = rank(a);
    const auto rank_b = rank(b);
    if (rank_a != rank_b) {
      return rank_a < rank_b;
    }
    if (a.id != b.id) {
      return a.id < b.id;
    }
    return a.component.ref < b.component.ref;
  });
}

}  // namespace assay::match
