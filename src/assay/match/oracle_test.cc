// Matching against oracles no one here wrote: every advisory in pypa/advisory-database and
// golang/vulndb (../shared/data) becomes an SBOM of the versions the record itself names, and the
// matcher must agree with the record: each version in affected[].versions is affected, each
// `introduced` and `last_affected` bound is affected, and each `fixed` bound (a neighbour of the
// range that the record says is not affected) is not. Every record is checked; every disagreement
// is listed.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "assay/formats/osv.h"
#include "assay/match/matcher.h"
#include "assay/match/package_key.h"
#include "assay/match/source.h"
#include "assay/purl/purl.h"
#include "assay/version/ecosystem.h"
#include "assay/version/osv_range.h"

#include "testing.h"

namespace assay::match {
namespace {

struct Expectation {
  std::string version;
  bool affected = false;
  std::string why;  // "listed", "introduced", "last_affected", "fixed"
};

// The purl of `name`@`version` in an OSV ecosystem the oracle covers.
std::optional<std::string> purl_for(std::string_view ecosystem, const std::string& name,
                                    const std::string& version) {
  purl::Purl purl;
  if (ecosystem == "PyPI") {
    purl.type = "pypi";
    purl.name = name;
    purl.version = version;
  } else if (ecosystem == "Go") {
    purl.type = "golang";
    if (name == "stdlib" || name == "toolchain") {
      // As SBOM tools write the Go toolchain: no namespace, the version as the record has it.
      return "pkg:golang/" + name + "@" + version;
    }
    const std::size_t slash = name.rfind('/');
    if (slash == std::string::npos) {
      return std::nullopt;  // "aahframe.work": a module path without a golang purl namespace
    }
    purl.namespace_ = name.substr(0, slash);
    purl.name = name.substr(slash + 1);
    purl.version = "v" + version;  // Go module versions carry the "v" OSV leaves off
  } else {
    return std::nullopt;
  }
  const auto built = purl::build(purl);
  if (!built) {
    return std::nullopt;
  }
  return built->to_string();
}

// True when some range of the record for this package holds `version` (as OSV's algorithm
// evaluates it): then a fixed bound of another range is not a neighbour the record calls clean.
bool covered_by_another_range(const model::Advisory& advisory, const std::string& ecosystem,
                              const std::string& name, const std::string& version) {
  const version::Ecosystem* found = version::find_ecosystem(ecosystem);
  if (found == nullptr) {
    return false;
  }
  for (const model::AffectedPackage& package : advisory.affected) {
    if (package.name != name ||
        package.ecosystem.substr(0, package.ecosystem.find(':')) != ecosystem) {
      continue;
    }
    for (const version::OsvRange& range : package.ranges) {
      if (range.type != version::OsvRangeType::kGit &&
          version::evaluate(range, found->scheme, version).verdict ==
              version::OsvVerdict::kAffected) {
        return true;
      }
    }
  }
  return false;
}

struct Tally {
  std::size_t records = 0;
  std::size_t checked_versions = 0;
  std::size_t listed = 0;
  std::size_t boundaries = 0;
  std::size_t no_purl = 0;
  std::size_t covered_elsewhere = 0;
  std::vector<std::string> disagreements;
};

void check_record(const model::Advisory& advisory, const std::string& file, Tally& tally) {
  if (advisory.is_withdrawn()) {
    return;
  }
  // Per package: what the record says about which versions.
  std::map<std::string, std::map<std::string, Expectation>> by_package;  // "eco\nname" -> version
  std::map<std::string, std::set<std::string>> affected_somewhere;
  for (const model::AffectedPackage& package : advisory.affected) {
    const std::string ecosystem = package.ecosystem.substr(0, package.ecosystem.find(':'));
    if (ecosystem != "PyPI" && ecosystem != "Go") {
      continue;
    }
    const std::string key = ecosystem + "\n" + package.name;
    auto& expectations = by_package[key];
    for (const std::string& version : package.versions) {
      expectations[version] = {version, true, "listed"};
      affected_somewhere[key].insert(version);
    }
    // Where the record enumerates its affected versions, the list is the record's own word on
    // which releases are affected; the range bounds then only say which neighbours are not.
    const bool enumerated = !package.versions.empty();
    for (const version::OsvRange& range : package.ranges) {
      if (range.type == version::OsvRangeType::kGit) {
        continue;
      }
      for (const version::OsvEvent& event : range.events) {
        if (event.version == "0" || event.version.empty()) {
          continue;
        }
        switch (event.kind) {
          case version::OsvEventKind::kIntroduced:
            if (!enumerated) {
              expectations.try_emplace(event.version,
                                       Expectation{event.version, true, "introduced"});
            }
            affected_somewhere[key].insert(event.version);
            break;
          case version::OsvEventKind::kLastAffected:
            if (!enumerated) {
              expectations.try_emplace(event.version,
                                       Expectation{event.version, true, "last_affected"});
            }
            affected_somewhere[key].insert(event.version);
            break;
          case version::OsvEventKind::kFixed:
            expectations.try_emplace(event.version, Expectation{event.version, false, "fixed"});
            break;
          case version::OsvEventKind::kLimit:
            break;
        }
      }
    }
  }
  if (by_package.empty()) {
    return;
  }
  ++tally.records;

  InMemorySource source;
  source.add(advisory);
  model::Sbom sbom;
  model::Component app;
  app.ref = "app";
  app.name = "oracle";
  app.type = model::ComponentType::kApplication;
  sbom.metadata.subject_ref = "app";
  sbom.components.push_back(app);
  std::map<std::string, const Expectation*> by_ref;
  std::size_t next = 0;
  for (auto& [key, expectations] : by_package) {
    const std::string ecosystem = key.substr(0, key.find('\n'));
    const std::string name = key.substr(key.find('\n') + 1);
    for (auto& [version, expectation] : expectations) {
      // A fixed bound that another range or list of the record names as affected is not a
      // neighbour: the record's own statement about it wins. (Some records give the same package
      // several entries, e.g. "< 0.38.17" and "< 1.0.1".)
      if (!expectation.affected && (affected_somewhere[key].count(version) > 0 ||
                                    covered_by_another_range(advisory, ecosystem, name, version))) {
        ++tally.covered_elsewhere;
        continue;
      }
      const auto purl = purl_for(ecosystem, name, version);
      if (!purl) {
        ++tally.no_purl;  // counted and printed: a package a purl cannot name
        continue;
      }
      model::Component component;
      component.ref = "c" + std::to_string(next++);
      component.name = name;
      component.version = ecosystem == "Go" ? "v" + version : version;
      component.purl = *purl;
      component.purl_canonical = *purl;
      sbom.relationships.push_back(
          {"app", model::RelationshipType::kDependsOn, component.ref, "", ""});
      by_ref[component.ref] = &expectation;
      sbom.components.push_back(std::move(component));
    }
  }
  const auto result = scan(sbom, {}, source);
  if (!result) {
    tally.disagreements.push_back(file + ": " + advisory.id +
                                  ": scan failed: " + result.error().to_string());
    return;
  }
  std::map<std::string, const Finding*> found;
  for (const Finding& finding : result->findings) {
    found[finding.component.ref] = &finding;
  }
  for (const auto& [ref, expectation] : by_ref) {
    ++tally.checked_versions;
    (expectation->why == "listed" ? tally.listed : tally.boundaries) += 1;
    const auto hit = found.find(ref);
    const bool matched = hit != found.end() && hit->second->verdict == Verdict::kAffected;
    if (matched != expectation->affected) {
      std::string detail = file + ": " + advisory.id + ": version " + expectation->version + " (" +
                           expectation->why + ") should " + (expectation->affected ? "" : "not ") +
                           "be affected";
      if (hit != found.end()) {
        detail +=
            "; got " + std::string(to_string(hit->second->verdict)) + " " + hit->second->reason;
      }
      tally.disagreements.push_back(detail);
    }
  }
}

std::string report(const Tally& tally) {
  std::string text = std::to_string(tally.disagreements.size()) + " disagreements:\n";
  for (std::size_t index = 0; index < tally.disagreements.size() && index < 60; ++index) {
    text += "  " + tally.disagreements[index] + "\n";
  }
  return text;
}

TEST(MatchOracleTest, PypaAdvisoryDatabaseVerdictsAsWritten) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "pypa-advisory-database/vulns");
  Tally tally;
  for (const std::filesystem::path& path :
       testing::shared_files("pypa-advisory-database/vulns", ".yaml")) {
    const auto parsed = formats::read_osv_yaml(testing::read_text(path), path.string());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
    check_record(parsed->value, path.filename().string(), tally);
  }
  RecordProperty("records", static_cast<int>(tally.records));
  RecordProperty("versions", static_cast<int>(tally.checked_versions));
  std::printf("pypa oracle: %zu records, %zu versions (%zu listed, %zu range bounds)\n",
              tally.records, tally.checked_versions, tally.listed, tally.boundaries);
  EXPECT_GT(tally.records, 1000U);
  EXPECT_GT(tally.listed, 10000U);
  EXPECT_TRUE(tally.disagreements.empty()) << report(tally);
}

TEST(MatchOracleTest, GoVulnerabilityDatabaseVerdictsAsWritten) {
  ASSAY_SHARED_DATA_OR_SKIP(root, "golang-vulndb/data/osv");
  Tally tally;
  for (const std::filesystem::path& path :
       testing::shared_files("golang-vulndb/data/osv", ".json")) {
    const auto parsed = formats::read_osv_json(testing::read_text(path), path.string());
    ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
    check_record(parsed->value, path.filename().string(), tally);
  }
  std::printf(
      "go oracle: %zu records, %zu versions (%zu listed, %zu range bounds); %zu versions of "
      "single-segment module paths (no golang purl namespace) not checked\n",
      tally.records, tally.checked_versions, tally.listed, tally.boundaries, tally.no_purl);
  EXPECT_GT(tally.records, 100U);
  EXPECT_GT(tally.boundaries, 500U);
  EXPECT_TRUE(tally.disagreements.empty()) << report(tally);
}

}  // namespace
}  // namespace assay::match
