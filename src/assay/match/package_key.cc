// Package keys: purl type and OSV ecosystem onto one comparable identity.
#include "assay/match/package_key.h"

#include "assay/core/strings.h"

namespace assay::match {

namespace {

std::string_view base_of(std::string_view ecosystem, std::string_view* release) {
  const std::size_t colon = ecosystem.find(':');
  if (colon == std::string_view::npos) {
    *release = {};
    return ecosystem;
  }
  *release = ecosystem.substr(colon + 1);
  return ecosystem.substr(0, colon);
}

// PEP 503: lower case, runs of '-', '_' and '.' become one '-'.
std::string pep503(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool in_separator = false;
  for (const char c : name) {
    if (c == '-' || c == '_' || c == '.') {
      in_separator = true;
      continue;
    }
    if (in_separator && !out.empty()) {
      out += '-';
    }
    in_separator = false;
    out += ascii_to_lower(c);
  }
  return out;
}

// "debian-12" -> "12", "12" -> "12", "bookworm" -> "bookworm"; Alpine "3.18" -> "v3.18".
std::string release_from_distro(std::string_view ecosystem, std::string_view distro) {
  std::string value(distro);
  const std::size_t dash = value.rfind('-');
  if (dash != std::string::npos) {
    value = value.substr(dash + 1);
  }
  if (ecosystem == "Alpine" && !value.empty() && value.front() != 'v') {
    // OSV spells Alpine releases "v3.18"; purl distro qualifiers often give "3.18.4".
    const std::vector<std::string_view> parts = split(value, '.');
    if (parts.size() >= 2) {
      value = "v" + std::string(parts[0]) + "." + std::string(parts[1]);
    } else {
      value = "v" + value;
    }
  }
  return value;
}

std::string qualifier(const purl::Purl& purl, std::string_view key) {
  for (const auto& [name, value] : purl.qualifiers) {
    if (name == key) {
      return value;
    }
  }
  return {};
}

}  // namespace

std::string normalise_name(std::string_view base_ecosystem, std::string_view name) {
  if (base_ecosystem == "PyPI") {
    return pep503(name);
  }
  if (base_ecosystem == "NuGet" || base_ecosystem == "Packagist" || base_ecosystem == "Pub" ||
      base_ecosystem == "Hex" || base_ecosystem == "Hackage" || base_ecosystem == "ConanCenter" ||
      base_ecosystem == "Debian" || base_ecosystem == "Ubuntu" || base_ecosystem == "Alpine") {
    return ascii_lower(name);
  }
  // npm, Maven, Go, crates.io, RubyGems, CRAN and the rpm family compare names as written.
  return std::string(name);
}

std::optional<PackageKey> key_for_advisory(std::string_view ecosystem, std::string_view name) {
  std::string_view release;
  const std::string_view base = base_of(ecosystem, &release);
  const version::Ecosystem* known = version::find_ecosystem(base);
  if (known == nullptr || name.empty()) {
    return std::nullopt;
  }
  PackageKey key;
  key.ecosystem = std::string(known->osv_name);
  key.name = normalise_name(key.ecosystem, name);
  key.release = std::string(release);
  return key;
}

std::optional<PackageKey> key_for_purl(const purl::Purl& purl) {
  const std::string& type = purl.type;
  std::string ecosystem;
  std::string name;
  std::string release;
  if (type == "npm") {
    ecosystem = "npm";
    name = purl.namespace_.empty() ? purl.name : purl.namespace_ + "/" + purl.name;
  } else if (type == "pypi") {
    ecosystem = "PyPI";
    name = purl.name;
  } else if (type == "maven") {
    ecosystem = "Maven";
    name = purl.namespace_ + ":" + purl.name;
  } else if (type == "golang") {
    ecosystem = "Go";
    name = purl.namespace_.empty() ? purl.name : purl.namespace_ + "/" + purl.name;
  } else if (type == "cargo") {
    ecosystem = "crates.io";
    name = purl.name;
  } else if (type == "nuget") {
    ecosystem = "NuGet";
    name = purl.name;
  } else if (type == "gem") {
    ecosystem = "RubyGems";
    name = purl.name;
  } else if (type == "composer") {
    ecosystem = "Packagist";
    name = purl.namespace_.empty() ? purl.name : purl.namespace_ + "/" + purl.name;
  } else if (type == "hex") {
    ecosystem = "Hex";
    name = purl.name;
  } else if (type == "pub") {
    ecosystem = "Pub";
    name = purl.name;
  } else if (type == "cran") {
    ecosystem = "CRAN";
    name = purl.name;
  } else if (type == "hackage") {
    ecosystem = "Hackage";
    name = purl.name;
  } else if (type == "conan") {
    ecosystem = "ConanCenter";
    name = purl.name;
  } else if (type == "swift") {
    ecosystem = "SwiftURL";
    name = purl.namespace_ + "/" + purl.name;
  } else if (type == "deb" || type == "apk" || type == "rpm") {
    const std::string vendor = ascii_lower(purl.namespace_);
    if (type == "deb") {
      ecosystem = vendor == "ubuntu" ? "Ubuntu" : "Debian";
    } else if (type == "apk") {
      ecosystem = vendor == "wolfi" ? "Wolfi" : (vendor == "chainguard" ? "Chainguard" : "Alpine");
    } else {
      ecosystem = vendor == "almalinux"  ? "AlmaLinux"
                  : vendor == "rocky"    ? "Rocky Linux"
                  : vendor == "opensuse" ? "openSUSE"
                  : vendor == "suse"     ? "SUSE"
                  : vendor == "mageia"   ? "Mageia"
                                         : "Red Hat";
    }
    // Distribution advisories name source packages; purls name binary packages and may say
    // which source they come from.
    std::string upstream = qualifier(purl, "upstream");
    if (const std::size_t at = upstream.find('@'); at != std::string::npos) {
      upstream = upstream.substr(0, at);
    }
    name = upstream.empty() ? purl.name : upstream;
    const std::string distro = qualifier(purl, "distro");
    if (!distro.empty() && ecosystem != "Red Hat") {
      release = release_from_distro(ecosystem, distro);
    }
  } else {
    return std::nullopt;
  }
  if (name.empty()) {
    return std::nullopt;
  }
  PackageKey key;
  key.ecosystem = ecosystem;
  key.name = normalise_name(ecosystem, name);
  key.release = release;
  return key;
}

namespace {

// A Go toolchain version as the Go vulnerability database writes it in SemVer: "go1.21" ->
// "1.21.0", "go1.20.1" -> "1.20.1", "go1.21rc2" -> "1.21.0-rc.2", "go1.18beta1" ->
// "1.18.0-beta.1". Anything else is returned as written.
std::string go_toolchain_semver(std::string_view text) {
  std::string_view rest = text;
  if (rest.rfind("go", 0) == 0) {
    rest.remove_prefix(2);
  } else if (rest.rfind('v', 0) == 0) {
    rest.remove_prefix(1);
  }
  std::string numbers[3] = {"", "", "0"};
  std::size_t pos = 0;
  for (int index = 0; index < 3; ++index) {
    if (index > 0) {
      if (pos >= rest.size() || rest[pos] != '.') {
        break;
      }
      ++pos;
    }
    const std::size_t begin = pos;
    while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9') {
      ++pos;
    }
    if (pos == begin) {
      return std::string(text);
    }
    numbers[index] = std::string(rest.substr(begin, pos - begin));
  }
  if (numbers[1].empty()) {
    numbers[1] = "0";  // "go1" is Go 1.0.0
  }
  std::string out = numbers[0] + "." + numbers[1] + "." + numbers[2];
  const std::string_view tail = rest.substr(pos);
  if (tail.empty()) {
    return out;
  }
  for (const std::string_view kind : {"rc", "beta"}) {
    if (tail.rfind(kind, 0) == 0 && tail.size() > kind.size() &&
        tail.find_first_not_of("0123456789", kind.size()) == std::string_view::npos) {
      return out + "-" + std::string(kind) + "." + std::string(tail.substr(kind.size()));
    }
  }
  return std::string(text);
}

}  // namespace

std::string advisory_version(const purl::Purl& purl) {
  if (purl.type == "golang" && purl.namespace_.empty() &&
      (purl.name == "stdlib" || purl.name == "toolchain")) {
    return go_toolchain_semver(purl.version);
  }
  if (purl.type == "rpm" || purl.type == "deb") {
    const std::string epoch = qualifier(purl, "epoch");
    if (!epoch.empty() && purl.version.find(':') == std::string::npos) {
      return epoch + ":" + purl.version;
    }
  }
  return purl.version;
}

}  // namespace assay::match
