// The registered purl types' rules, transcribed from purl-spec's type definitions (see
// docs/formats/purl.md for the table and the few choices made where a definition is silent).
#include "assay/purl/internal/type_rules.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "assay/core/strings.h"
#include "assay/purl/internal/case_mapping.h"

namespace assay::purl::internal {

namespace {

constexpr Requirement kOpt = Requirement::kOptional;
constexpr Requirement kReq = Requirement::kRequired;
constexpr Requirement kNo = Requirement::kProhibited;

// Sorted by type. Columns: namespace requirement; lower-case namespace, name, version, subpath;
// required qualifier; special rule.
constexpr std::array<TypeRules, 42> kTypeRules = {{
    {"alpm", kReq, true, true, false, false, "", Special::kNone},
    {"apk", kReq, true, true, false, false, "", Special::kNone},
    {"bazel", kNo, false, false, false, false, "", Special::kNone},
    {"bitbucket", kReq, true, true, false, false, "", Special::kNone},
    {"bitnami", kNo, false, true, false, false, "", Special::kNone},
    {"brew", kOpt, true, true, false, false, "", Special::kNone},
    {"cargo", kNo, false, false, false, false, "", Special::kNone},
    {"chrome-extension", kNo, false, true, false, false, "", Special::kChromeExtension},
    {"cocoapods", kNo, false, false, false, false, "", Special::kNone},
    {"composer", kReq, true, true, false, false, "", Special::kNone},
    {"conan", kOpt, false, false, false, false, "", Special::kNone},
    {"conda", kNo, false, false, false, false, "", Special::kNone},
    {"cpan", kOpt, false, false, false, false, "", Special::kCpan},
    {"cran", kNo, false, false, false, false, "", Special::kNone},
    {"deb", kReq, true, true, false, false, "", Special::kNone},
    {"docker", kOpt, false, false, false, false, "", Special::kNone},
    {"gem", kNo, false, false, false, false, "", Special::kNone},
    {"generic", kOpt, false, false, false, false, "", Special::kNone},
    {"git", kReq, false, false, false, false, "", Special::kGit},
    {"github", kReq, true, true, false, false, "", Special::kNone},
    {"golang", kReq, false, false, false, false, "", Special::kNone},
    {"hackage", kNo, false, false, false, false, "", Special::kNone},
    {"hex", kOpt, true, true, false, false, "", Special::kNone},
    {"huggingface", kReq, false, false, true, false, "", Special::kNone},
    {"julia", kNo, false, false, false, false, "uuid", Special::kNone},
    {"luarocks", kOpt, true, true, false, false, "", Special::kNone},
    {"maven", kReq, false, false, false, false, "", Special::kNone},
    {"mlflow", kNo, false, false, false, false, "", Special::kMlflow},
    {"npm", kOpt, false, false, false, false, "", Special::kNone},
    {"nuget", kNo, false, false, false, false, "", Special::kNone},
    {"oci", kNo, false, true, true, false, "", Special::kNone},
    {"opam", kNo, false, false, false, false, "", Special::kNone},
    {"otp", kNo, false, true, false, true, "", Special::kNone},
    {"pub", kNo, false, true, false, false, "", Special::kPub},
    {"pypi", kNo, false, true, true, false, "", Special::kPypi},
    {"qpkg", kReq, true, false, false, false, "", Special::kNone},
    {"rpm", kReq, true, false, false, false, "", Special::kNone},
    {"swid", kOpt, false, false, false, false, "tag_id", Special::kSwid},
    {"swift", kReq, false, false, false, false, "", Special::kNone},
    {"vcpkg", kNo, false, false, false, false, "", Special::kNone},
    {"vscode-extension", kReq, true, true, true, false, "", Special::kNone},
    {"yocto", kOpt, true, false, false, false, "", Special::kNone},
}};

// Git hosts whose owner and repository names are case-insensitive, so that kNormalize may
// lower-case them. The bare names are the shorthand purl-spec's own git example uses.
constexpr std::array<std::string_view, 8> kCaseInsensitiveGitHosts = {
    "bitbucket", "bitbucket.org", "codeberg", "codeberg.org",
    "github",    "github.com",    "gitlab",   "gitlab.com",
};

bool is_case_insensitive_git_host(std::string_view host) {
  return std::find(kCaseInsensitiveGitHosts.begin(), kCaseInsensitiveGitHosts.end(), host) !=
         kCaseInsensitiveGitHosts.end();
}

Error invalid(std::string message) {
  return Error{ErrorCode::kInvalidInput, std::move(message), {}};
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// The lower-cased host of a URL such as "https://host:port/path" (or "host/path").
std::string url_host(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  if (scheme_end != std::string_view::npos) {
    url.remove_prefix(scheme_end + 3);
  }
  const std::size_t host_end = url.find_first_of("/:?#");
  return ascii_lower(url.substr(0, host_end));
}

bool is_databricks_url(std::string_view url) {
  const std::string host = url_host(url);
  return ends_with(host, ".azuredatabricks.net") || ends_with(host, ".databricks.com") ||
         host == "azuredatabricks.net" || host == "databricks.com";
}

// Re-splits a git purl so that the namespace is the host (first segment) and the name is the
// repository path, whichever way the segments arrived.
Result<void> normalize_git(Purl& purl, Mode mode) {
  std::vector<std::string_view> segments;
  for (std::string_view segment : split(purl.namespace_, '/')) {
    if (!segment.empty()) {
      segments.push_back(segment);
    }
  }
  for (std::string_view segment : split(purl.name, '/')) {
    if (!segment.empty()) {
      segments.push_back(segment);
    }
  }
  if (segments.size() < 2) {
    return fail(
        invalid("type \"git\" requires the host as namespace and the repository path as name, e.g. "
                "\"pkg:git/codeberg.org/forgejo/forgejo\""));
  }
  std::string host(segments.front());
  std::string path;
  for (std::size_t index = 1; index < segments.size(); ++index) {
    if (index > 1) {
      path += '/';
    }
    path.append(segments[index]);
  }
  if (mode == Mode::kNormalize) {
    lowercase_in_place(host);
    if (is_case_insensitive_git_host(host)) {
      lowercase_in_place(path);
    }
  }
  purl.namespace_ = std::move(host);
  purl.name = std::move(path);
  return {};
}

Result<void> check_chrome_extension(const Purl& purl) {
  const bool name_ok =
      purl.name.size() == 32 &&
      std::all_of(purl.name.begin(), purl.name.end(), [](char c) { return c >= 'a' && c <= 'p'; });
  if (!name_ok) {
    return fail(invalid("chrome-extension name " + quote(purl.name) +
                        " must be the 32-letter extension ID (letters a to p)"));
  }
  if (purl.version.empty()) {
    return {};
  }
  const std::vector<std::string_view> parts = split(purl.version, '.');
  const bool version_ok =
      parts.size() <= 4 && std::all_of(parts.begin(), parts.end(),
                                       [](std::string_view part) { return all_digits(part); });
  if (!version_ok) {
    return fail(invalid("chrome-extension version " + quote(purl.version) +
                        " must be 1 to 4 dot-separated numbers"));
  }
  return {};
}

Result<void> normalize_cpan(Purl& purl) {
  if (purl.name.find("::") != std::string::npos) {
    std::string distribution;
    for (std::string_view part : split(purl.name, ':')) {
      if (!part.empty()) {
        distribution += distribution.empty() ? "" : "-";
        distribution.append(part);
      }
    }
    return fail(invalid("cpan name " + quote(purl.name) +
                        " is a module name; use the distribution name, e.g. " +
                        quote(distribution)));
  }
  // The namespace, when present, is a CPAN author ID, which is upper case.
  purl.namespace_ = ascii_upper(purl.namespace_);
  return {};
}

// Every character outside [a-z0-9_] (a multi-byte character counts once) becomes '_'.
void normalize_pub_name(std::string& name) {
  std::string out;
  out.reserve(name.size());
  for (const char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_ascii_lower(c) || is_ascii_digit(c) || c == '_') {
      out.push_back(c);
    } else if (byte < 0x80 || byte >= 0xC0) {
      out.push_back('_');  // an ASCII byte or the lead byte of a multi-byte character
    }
  }
  name = std::move(out);
}

Result<void> check_swid(const Purl& purl) {
  const auto segments = std::count(purl.namespace_.begin(), purl.namespace_.end(), '/') + 1;
  if (!purl.namespace_.empty() && segments > 2) {
    return fail(invalid("swid namespace " + quote(purl.namespace_) + " has " +
                        std::to_string(segments) +
                        " segments; at most 2 (creator name and regid) are allowed"));
  }
  return {};
}

Result<void> apply_special_rule(Purl& purl, Special special, Mode mode) {
  switch (special) {
    case Special::kNone:
      return {};
    case Special::kChromeExtension:
      return check_chrome_extension(purl);
    case Special::kCpan:
      return normalize_cpan(purl);
    case Special::kGit:
      return normalize_git(purl, mode);
    case Special::kMlflow:
      if (is_databricks_url(purl.qualifier("repository_url"))) {
        lowercase_in_place(purl.name);
      }
      return {};
    case Special::kPub:
      normalize_pub_name(purl.name);
      return {};
    case Special::kPypi:
      std::replace(purl.name.begin(), purl.name.end(), '_', '-');
      return {};
    case Special::kSwid:
      return check_swid(purl);
  }
  return {};
}

}  // namespace

const TypeRules* find_type_rules(std::string_view type) {
  // Few types share a first letter, so scan that letter's run comparing sizes before bytes.
  if (type.empty() || !is_ascii_lower(type.front())) {
    return nullptr;
  }
  static const std::array<std::uint8_t, 27> first_by_letter = [] {
    std::array<std::uint8_t, 27> first{};
    std::size_t index = 0;
    for (std::size_t letter = 0; letter < 26; ++letter) {
      while (index < kTypeRules.size() &&
             static_cast<std::size_t>(kTypeRules[index].type.front() - 'a') < letter) {
        ++index;
      }
      first[letter] = static_cast<std::uint8_t>(index);
    }
    first[26] = static_cast<std::uint8_t>(kTypeRules.size());
    return first;
  }();
  const auto letter = static_cast<std::size_t>(type.front() - 'a');
  for (std::size_t index = first_by_letter[letter]; index < first_by_letter[letter + 1]; ++index) {
    if (kTypeRules[index].type.size() == type.size() && kTypeRules[index].type == type) {
      return &kTypeRules[index];
    }
  }
  return nullptr;
}

Result<void> apply_type_rules(Purl& purl, Mode mode) {
  const TypeRules* rules = find_type_rules(purl.type);
  if (rules == nullptr) {
    return {};
  }
  if (rules->lower_namespace) {
    lowercase_in_place(purl.namespace_);
  }
  if (rules->lower_name) {
    lowercase_in_place(purl.name);
  }
  if (rules->lower_version) {
    lowercase_in_place(purl.version);
  }
  if (rules->lower_subpath) {
    lowercase_in_place(purl.subpath);
  }
  ASSAY_TRY_VOID(apply_special_rule(purl, rules->special, mode));
  const auto type_quoted = [rules] { return "\"" + std::string(rules->type) + "\""; };
  // The Go toolchain is "pkg:golang/stdlib" (and "toolchain") in the SBOMs of syft, Trivy and
  // osv-scanner, matching the Go vulnerability database's package names; kNormalize accepts
  // those two without the namespace the golang definition requires (kStrict does not).
  const bool go_toolchain = mode == Mode::kNormalize && purl.type == "golang" &&
                            (purl.name == "stdlib" || purl.name == "toolchain");
  if (rules->namespace_requirement == Requirement::kRequired && purl.namespace_.empty() &&
      !go_toolchain) {
    return fail(invalid("type " + type_quoted() + " requires a namespace"));
  }
  if (rules->namespace_requirement == Requirement::kProhibited && !purl.namespace_.empty()) {
    return fail(invalid("type " + type_quoted() + " does not allow a namespace, found " +
                        quote(purl.namespace_)));
  }
  if (!rules->required_qualifier.empty() && purl.qualifier(rules->required_qualifier).empty()) {
    return fail(invalid("type " + type_quoted() + " requires the \"" +
                        std::string(rules->required_qualifier) + "\" qualifier"));
  }
  return {};
}

}  // namespace assay::purl::internal
