// assay disclosure check: checks a vendor's security.txt (RFC 9116) from a file, a URL or a bare
// domain (fetched passively from https://<domain>/.well-known/security.txt behind the SSRF guard),
// optionally verifying its OpenPGP signature, and reports every finding as text or JSON.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "assay/core/file.h"
#include "assay/core/strings.h"
#include "assay/net/http_client.h"
#include "assay/verify/pgp.h"
#include "assay/verify/securitytxt.h"

#include "cli.h"

namespace assay::cli {

namespace {

namespace sectxt = verify::securitytxt;

struct DisclosureOptions {
  std::string target;
  bool allow_private_addresses = false;
  std::string now;
  std::string key_file;
  std::string fingerprint;
  std::string format = "text";
};

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequals(text.substr(0, prefix.size()), prefix);
}

// A bare domain or host[:port] ("example.com", "www.example.gov.uk:8443"). A name ending in a
// file extension ("security.txt") is a file that does not exist, never a fetch.
bool looks_like_domain(std::string_view text) {
  if (text.empty() || text.find('.') == std::string_view::npos) {
    return false;
  }
  const std::string lower = ascii_lower(text);
  for (const std::string_view extension : {".txt", ".stxt", ".asc", ".sig", ".json", ".md"}) {
    if (lower.size() > extension.size() &&
        lower.compare(lower.size() - extension.size(), extension.size(), extension) == 0) {
      return false;
    }
  }
  for (const char c : text) {
    if (!is_ascii_alnum(c) && c != '.' && c != '-' && c != ':') {
      return false;
    }
  }
  return true;
}

// The URL to fetch for a URL argument: an origin alone means its well-known location; any other
// URL is fetched as given.
std::string url_for(std::string_view target) {
  const std::size_t scheme = target.find("://");
  const std::size_t path = target.find_first_of("/?#", scheme + 3);
  if (path == std::string_view::npos || target.substr(path) == "/") {
    return std::string(target.substr(0, path)) + "/.well-known/security.txt";
  }
  return std::string(target);
}

// Reads at most one byte past the security.txt limit, so an oversized file is reported by the
// SECTXT-SIZE rule without being read whole.
Result<std::string> read_bounded(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    return std::filesystem::exists(path, error)
               ? fail(ErrorCode::kIo, "not a regular file", path)
               : fail(ErrorCode::kNotFound,
                      "no such file (give a file, an https:// URL or a domain)", path);
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return fail(ErrorCode::kIo, "cannot open the file", path);
  }
  std::string text(sectxt::kMaxBytes + 1, '\0');
  stream.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (stream.bad()) {
    return fail(ErrorCode::kIo, "read error", path);
  }
  text.resize(static_cast<std::size_t>(stream.gcount()));
  return text;
}

std::string plural(std::size_t count, std::string_view noun) {
  return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

void print_text(std::ostream& out, const std::string& source, const sectxt::Report& report) {
  const sectxt::SecurityTxt& file = report.parsed.file;
  out << "security.txt: " << source << "\n";
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const sectxt::Finding& finding : report.parsed.findings) {
    errors += finding.severity == Severity::kError ? 1U : 0U;
    warnings += finding.severity == Severity::kWarning ? 1U : 0U;
    std::string severity(to_string(finding.severity));
    severity.resize(8, ' ');
    out << "  " << severity << finding.code;
    if (finding.line != 0) {
      out << " (line " << finding.line << ")";
    }
    out << ": " << finding.message << "\n";
  }
  const auto list = [&out](std::string_view name, const std::vector<std::string>& values) {
    if (!values.empty()) {
      out << "  " << name << ": " << quote(join(values, ", "), 400) << "\n";
    }
  };
  list("contact", file.contact);
  if (file.expires) {
    out << "  expires: " << quote(*file.expires, 60) << "\n";
  }
  list("policy", file.policy);
  list("encryption", file.encryption);
  list("canonical", file.canonical);
  list("csaf", file.csaf);
  out << "  signed: "
      << (!file.is_signed ? "no"
          : report.signature
              ? (report.signature->outcome() == verify::Outcome::kPass ? "yes, verified"
                                                                       : "yes, NOT verified")
              : "yes, unverified (no key given)")
      << "\n";
  out << "result: " << (report.valid() ? "valid" : "invalid") << " (" << plural(errors, "error")
      << ", " << plural(warnings, "warning") << ")\n";
}

void print_json(std::ostream& out, const std::string& source, const std::optional<std::string>& url,
                const sectxt::Report& report) {
  using nlohmann::ordered_json;
  const sectxt::SecurityTxt& file = report.parsed.file;
  ordered_json root;
  root["source"] = source;
  root["url"] = url ? ordered_json(*url) : ordered_json(nullptr);
  root["valid"] = report.valid();
  root["signed"] = file.is_signed;
  ordered_json fields = ordered_json::object();
  fields["contact"] = file.contact;
  fields["expires"] = file.expires ? ordered_json(*file.expires) : ordered_json(nullptr);
  fields["acknowledgments"] = file.acknowledgments;
  fields["canonical"] = file.canonical;
  fields["csaf"] = file.csaf;
  fields["encryption"] = file.encryption;
  fields["hiring"] = file.hiring;
  fields["policy"] = file.policy;
  fields["preferred_languages"] = file.preferred_languages;
  root["fields"] = std::move(fields);
  ordered_json findings = ordered_json::array();
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const sectxt::Finding& finding : report.parsed.findings) {
    errors += finding.severity == Severity::kError ? 1U : 0U;
    warnings += finding.severity == Severity::kWarning ? 1U : 0U;
    ordered_json item;
    item["severity"] = to_string(finding.severity);
    item["code"] = finding.code;
    item["line"] = finding.line == 0 ? ordered_json(nullptr) : ordered_json(finding.line);
    item["message"] = finding.message;
    findings.push_back(std::move(item));
  }
  root["findings"] = std::move(findings);
  root["errors"] = errors;
  root["warnings"] = warnings;
  if (report.signature) {
    ordered_json signature;
    signature["outcome"] = verify::to_string(report.signature->outcome());
    signature["trust_root"] = report.signature->trust_root;
    signature["identity"] = report.signature->identity;
    ordered_json checks = ordered_json::array();
    for (const verify::Check& check : report.signature->checks) {
      checks.push_back({{"id", check.id},
                        {"outcome", verify::to_string(check.outcome)},
                        {"detail", check.detail}});
    }
    signature["checks"] = std::move(checks);
    root["signature"] = std::move(signature);
  } else {
    root["signature"] = nullptr;
  }
  // Values come from untrusted files; "replace" keeps invalid UTF-8 from throwing.
  out << root.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

int run_check(Context& context, const DisclosureOptions& options) {
  if (options.format != "text" && options.format != "json") {
    context.err << "assay: --format must be text or json\n";
    return kExitUsage;
  }
  if (options.key_file.empty() != options.fingerprint.empty()) {
    context.err << "assay: --key and --fingerprint go together: give both or neither\n";
    return kExitUsage;
  }
  sectxt::CheckOptions check;
  if (options.now.empty()) {
    check.now = std::chrono::duration_cast<std::chrono::seconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  } else if (const std::optional<std::int64_t> now = sectxt::parse_rfc3339(options.now)) {
    check.now = *now;
  } else {
    context.err << "assay: --now " << quote(options.now)
                << " is not an RFC 3339 date-time such as 2025-06-01T00:00:00Z\n";
    return kExitUsage;
  }
  if (!options.key_file.empty()) {
    const Result<std::string> key = read_file(options.key_file, verify::pgp::kMaxKeyBytes);
    if (!key) {
      return report_error(context, key.error());
    }
    check.key = verify::pgp::KeySpec{*key, options.fingerprint};
  }

  const std::string& target = options.target;
  std::error_code exists_error;
  const bool is_file = std::filesystem::exists(target, exists_error);
  const bool is_url = starts_with_ci(target, "https://") || starts_with_ci(target, "http://");
  std::string text;
  std::optional<std::string> url;
  if (!is_file && (is_url || looks_like_domain(target))) {
    url = is_url ? url_for(target) : "https://" + target + "/.well-known/security.txt";
    net::FetchOptions fetch_options;
    fetch_options.allow_private_addresses = options.allow_private_addresses;
    fetch_options.allow_http = options.allow_private_addresses;
    fetch_options.max_body_bytes = sectxt::kMaxBytes + 1;
    fetch_options.keep_truncated_body = true;
    const Result<net::Response> response = net::fetch(*url, fetch_options);
    if (!response) {
      return report_error(context, response.error());
    }
    if (response->status == 404 || response->status == 410) {
      const sectxt::Report report = sectxt::not_found(response->url, response->status);
      if (options.format == "json") {
        print_json(context.out, response->url, url, report);
      } else {
        print_text(context.out, response->url, report);
      }
      return kExitNegative;
    }
    if (response->status != 200) {
      return report_error(
          context,
          Error{ErrorCode::kIo, "the server answered HTTP " + std::to_string(response->status),
                net::redact_url(response->url)});
    }
    text = response->body;
    check.retrieval_url = response->url;
    check.content_type = response->content_type;
    check.redirects = response->redirects;
    url = response->url;
  } else {
    Result<std::string> read = read_bounded(target);
    if (!read) {
      return report_error(context, read.error());
    }
    text = std::move(*read);
  }

  const Result<sectxt::Report> report = sectxt::check(text, check);
  if (!report) {
    return report_error(context, report.error());
  }
  const std::string source = url ? net::redact_url(*url) : target;
  if (options.format == "json") {
    print_json(context.out, source, url, *report);
  } else {
    print_text(context.out, source, *report);
  }
  return report->valid() ? kExitOk : kExitNegative;
}

}  // namespace

void register_disclosure_commands(CLI::App& app, Context& context) {
  CLI::App* disclosure =
      app.add_subcommand("disclosure", "Check vendors' vulnerability disclosure (security.txt)");
  disclosure->require_subcommand(1);
  auto options = std::make_shared<DisclosureOptions>();

  CLI::App* check =
      disclosure->add_subcommand("check", "Check a security.txt file against every RFC 9116 rule");
  check
      ->add_option("target", options->target,
                   "a security.txt file, an https:// URL, or a domain (fetches "
                   "https://<domain>/.well-known/security.txt)")
      ->required();
  check->add_flag("--allow-private-addresses", options->allow_private_addresses,
                  "allow fetching from private, loopback and link-local addresses, and plain "
                  "http:// (for internal services and tests)");
  check->add_option("--now", options->now,
                    "the time to judge Expires against, RFC 3339 (default: the current time)");
  check->add_option("--key", options->key_file,
                    "OpenPGP public key file to verify a clear-signed security.txt with");
  check->add_option("--fingerprint", options->fingerprint,
                    "the signing key's full 40-hex fingerprint (spaces allowed); required with "
                    "--key");
  check->add_option("--format", options->format, "text (default) or json");
  check->footer(
      "Examples:\n"
      "  assay disclosure check example.com\n"
      "  assay disclosure check https://www.example.gov.uk/.well-known/security.txt\n"
      "  assay disclosure check ./security.txt --now 2025-06-01T00:00:00Z --format json\n"
      "  assay disclosure check https://example.com --key vendor.asc \\\n"
      "      --fingerprint '5F2D E552 1C63 A801 AB59  CCB6 03D4 9DE4 4B29 100F'\n"
      "A URL with no path, or a bare domain, is fetched from /.well-known/security.txt only;\n"
      "any other URL is fetched exactly. Fetches are passive GETs over https, refused for\n"
      "private and loopback addresses unless --allow-private-addresses is given.\n"
      "Exit status: 0 no errors (warnings allowed); 1 a rule failed (or no security.txt);\n"
      "2 error (bad arguments, unreadable file, fetch refused or failed).");
  check->callback([&context, options] { context.exit_code = run_check(context, *options); });
}

}  // namespace assay::cli
