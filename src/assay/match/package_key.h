// Which package a component is, in the terms advisories use: the OSV ecosystem and the package
// name normalised the way that ecosystem compares names. Both sides of a match (a component's purl
// and an advisory's affected package) are reduced to the same key.
#ifndef ASSAY_MATCH_PACKAGE_KEY_H_
#define ASSAY_MATCH_PACKAGE_KEY_H_

#include <optional>
#include <string>
#include <string_view>

#include "assay/purl/purl.h"
#include "assay/version/ecosystem.h"

namespace assay::match {

struct PackageKey {
  std::string ecosystem;  // OSV base ecosystem name: "PyPI", "Debian", "Maven"
  std::string name;       // normalised: PEP 503 for PyPI, lower case where the registry is
                          // case-insensitive, "group:artifact" for Maven, "@scope/name" for npm
  std::string release;    // the scope after ':' ("12" in "Debian:12", "v3.18" in "Alpine:v3.18");
                          // "" when unscoped

  // "PyPI/django" (without the release): the lookup key in indexes.
  std::string index_key() const { return ecosystem + "/" + name; }

  friend bool operator==(const PackageKey&, const PackageKey&) = default;
};

// Normalises `name` as `base_ecosystem` compares package names.
std::string normalise_name(std::string_view base_ecosystem, std::string_view name);

// The key for an advisory's affected package (ecosystem as written, e.g. "Debian:12"). Returns
// nullopt when the ecosystem is unknown to Assay's table.
std::optional<PackageKey> key_for_advisory(std::string_view ecosystem, std::string_view name);

// The key for a component's purl (pkg:pypi/Django -> PyPI/django; pkg:deb/debian/curl?distro=
// debian-12 -> Debian/curl release "12"; pkg:golang/github.com/a/b -> Go/github.com/a/b). Returns
// nullopt when the purl type has no OSV ecosystem (pkg:generic, pkg:github, ...).
std::optional<PackageKey> key_for_purl(const purl::Purl& purl);

// The version string as the ecosystem's advisories spell it (Go purls carry a leading "v" that
// OSV SEMVER ranges do not; deb/rpm purls may carry the epoch in a qualifier).
std::string advisory_version(const purl::Purl& purl);

}  // namespace assay::match

#endif  // ASSAY_MATCH_PACKAGE_KEY_H_
