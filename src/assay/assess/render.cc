// Assessment reports: text for a terminal, JSON for tools (docs/formats/assessment-json.md),
// Markdown for tickets and wikis. Summary per principle first, then detail.
#include <sstream>

#include "assay/assess/assessment.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"

namespace assay::assess {

namespace {

json::OrderedJson evidence_json(const std::vector<EvidenceItem>& evidence) {
  json::OrderedJson out = json::OrderedJson::array();
  for (const EvidenceItem& item : evidence) {
    json::OrderedJson entry = {{"what", item.what},
                               {"where", item.where},
                               {"digest", item.digest},
                               {"strength", to_string(item.strength)}};
    if (item.live) {
      entry["live"] = {{"http_status", item.live->http_status},
                       {"final_url", item.live->final_url},
                       {"fetched_at", item.live->fetched_at},
                       {"error", item.live->error}};
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::string release_line(const Release& release) {
  std::string line = release.version;
  if (!release.support.end_of_support.empty()) {
    line += " (support " + (release.support.level.empty() ? "" : release.support.level + " ") +
            "until " + release.support.end_of_support + ")";
  }
  return line;
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  if (out.size() < width) {
    out.resize(width, ' ');
  }
  return out;
}

}  // namespace

std::string to_json(const Assessment& assessment) {
  json::OrderedJson root;
  root["format"] = "assay-assessment/1";
  root["pack"] = assessment.pack;
  root["assessed_at"] = assessment.assessed_at;
  root["catalogue"] = {{"id", assessment.catalogue_id},
                       {"title", assessment.catalogue_title},
                       {"version", assessment.catalogue_version}};
  const PackManifest& manifest = assessment.manifest;
  root["vendor"] = {{"legal_name", manifest.vendor.legal_name},
                    {"companies_house_number", manifest.vendor.companies_house_number},
                    {"domain", manifest.vendor.domain}};
  root["product"] = {{"name", manifest.product.name},
                     {"delivery_model", to_string(manifest.product.delivery_model)},
                     {"role", to_string(manifest.product.role)}};
  json::OrderedJson releases = json::OrderedJson::array();
  for (const Release& release : manifest.releases) {
    releases.push_back({{"version", release.version},
                        {"support_level", release.support.level},
                        {"end_of_support", release.support.end_of_support},
                        {"announced", release.support.announced}});
  }
  root["releases"] = releases;
  root["overall"] = to_string(assessment.overall);
  root["inconsistent"] = assessment.inconsistent;
  root["online"] = assessment.online;
  root["limited_to_pack"] = assessment.limited_to_pack;
  json::OrderedJson items = json::OrderedJson::array();
  for (const ItemResult& item : assessment.items) {
    items.push_back({{"id", item.id},
                     {"kind", to_string(item.kind)},
                     {"parent", item.parent},
                     {"title", item.title},
                     {"level", to_string(item.level)},
                     {"verdict", to_string(item.verdict)},
                     {"reason", item.reason},
                     {"claims", item.claims}});
  }
  root["items"] = items;
  json::OrderedJson claims = json::OrderedJson::array();
  for (const ClaimResult& claim : assessment.claims) {
    claims.push_back(
        {{"id", claim.id},
         {"principle", claim.principle},
         {"text", claim.text},
         {"verdict", to_string(claim.verdict)},
         {"inconsistent", claim.inconsistent},
         {"reason", claim.reason},
         {"vendor_status", claim.vendor_status ? json::OrderedJson(to_string(*claim.vendor_status))
                                               : json::OrderedJson()},
         {"checks", claim.checks},
         {"evidence", evidence_json(claim.evidence)}});
  }
  root["claims"] = claims;
  json::OrderedJson checks = json::OrderedJson::array();
  for (const CheckResult& check : assessment.checks) {
    checks.push_back({{"id", check.id},
                      {"title", check.title},
                      {"claims", check.claims},
                      {"verdict", to_string(check.verdict)},
                      {"summary", check.summary},
                      {"details", check.details},
                      {"evidence", evidence_json(check.evidence)},
                      {"explanation", check.explanation},
                      {"remediation", check.remediation},
                      {"question", check.question}});
  }
  root["checks"] = checks;
  json::OrderedJson diagnostics = json::OrderedJson::array();
  for (const Diagnostic& diagnostic : assessment.pack_diagnostics) {
    diagnostics.push_back({{"severity", to_string(diagnostic.severity)},
                           {"code", diagnostic.code},
                           {"message", diagnostic.message},
                           {"location", diagnostic.location}});
  }
  root["pack_diagnostics"] = diagnostics;
  return root.dump(2) + "\n";
}

std::string to_text(const Assessment& assessment) {
  std::ostringstream out;
  const PackManifest& manifest = assessment.manifest;
  out << "Assessment of " << manifest.product.name << " from " << manifest.vendor.legal_name;
  if (!manifest.vendor.companies_house_number.empty()) {
    out << " (Companies House " << manifest.vendor.companies_house_number << ")";
  }
  out << "\n";
  out << "  delivery: " << to_string(manifest.product.delivery_model)
      << ", role: " << to_string(manifest.product.role) << "\n";
  std::vector<std::string> versions;
  for (const Release& release : manifest.releases) {
    versions.push_back(release_line(release));
  }
  out << "  releases: " << join(versions, ", ") << "\n";
  out << "  catalogue: " << assessment.catalogue_title << " [" << assessment.catalogue_id << "]\n";
  out << "  assessed at: " << assessment.assessed_at << "\n";
  if (assessment.online) {
    out << "  online: the vendor's live security.txt and links were fetched (--online)\n";
  } else if (!assessment.limited_to_pack.empty()) {
    out << "  offline: " << join(assessment.limited_to_pack, ", ")
        << " checked only the pack's copies (--online fetches the live site)\n";
  }
  out << "Overall: " << to_string(assessment.overall);
  if (assessment.inconsistent > 0) {
    out << " (" << assessment.inconsistent << " claim(s) INCONSISTENT with the checks)";
  }
  out << "\n\nSummary\n";
  for (const ItemResult& item : assessment.items) {
    if (!item.parent.empty()) {
      continue;
    }
    out << "  " << padded(to_string(item.verdict), 9) << item.id << " " << item.title << "\n";
    for (const ItemResult& child : assessment.items) {
      if (child.parent != item.id) {
        continue;
      }
      out << "    " << padded(to_string(child.verdict), 9) << padded(child.id, 5) << child.title;
      if (child.level == Level::kShould) {
        out << " (should)";
      }
      out << "\n";
    }
  }
  out << "\nChecks\n";
  for (const CheckResult& check : assessment.checks) {
    out << "  " << padded(to_string(check.verdict), 9) << padded(check.id, 14) << check.title
        << ": " << check.summary << "\n";
  }
  out << "\nWhat needs attention\n";
  bool any = false;
  for (const CheckResult& check : assessment.checks) {
    if (check.verdict != Verdict::kFail && check.verdict != Verdict::kWarn) {
      continue;
    }
    any = true;
    out << "  " << check.id << " " << to_string(check.verdict) << ": " << check.title << "\n";
    for (const std::string& detail : check.details) {
      out << "    - " << detail << "\n";
    }
    out << "    Vendor should: " << check.remediation << "\n";
    out << "    Ask the vendor: " << check.question << "\n";
  }
  if (!any) {
    out << "  nothing\n";
  }
  if (assessment.inconsistent > 0) {
    out << "\nINCONSISTENT claims (the vendor says met; a check says otherwise)\n";
    for (const ClaimResult& claim : assessment.claims) {
      if (claim.inconsistent) {
        out << "  " << claim.id << " " << claim.text << "\n    " << claim.reason << "\n";
      }
    }
  }
  std::size_t errors = 0;
  for (const Diagnostic& diagnostic : assessment.pack_diagnostics) {
    errors += diagnostic.severity == Severity::kError ? 1U : 0U;
  }
  if (!assessment.pack_diagnostics.empty()) {
    out << "\nPack problems (" << errors << " error(s))\n";
    for (const Diagnostic& diagnostic : assessment.pack_diagnostics) {
      out << "  " << diagnostic.to_string() << "\n";
    }
  }
  return out.str();
}

std::string to_markdown(const Assessment& assessment) {
  std::ostringstream out;
  const PackManifest& manifest = assessment.manifest;
  const auto cell = [](std::string text) {
    std::string escaped;
    for (const char c : text) {
      if (c == '|') {
        escaped += "\\|";
      } else if (c == '\n') {
        escaped += ' ';
      } else {
        escaped += c;
      }
    }
    return escaped;
  };
  out << "# Assessment: " << cell(manifest.product.name) << " (" << cell(manifest.vendor.legal_name)
      << ")\n\n";
  out << "- Catalogue: " << assessment.catalogue_title << " (`" << assessment.catalogue_id
      << "`)\n";
  out << "- Delivery model: " << to_string(manifest.product.delivery_model)
      << "; role: " << to_string(manifest.product.role) << "\n";
  out << "- Assessed at: " << assessment.assessed_at << "\n";
  out << "- Vendor's live site: "
      << (assessment.online ? "fetched (`--online`)"
                            : "not fetched; checks limited to the pack's copies: " +
                                  join(assessment.limited_to_pack, ", "))
      << "\n";
  out << "- **Overall: " << to_string(assessment.overall) << "**";
  if (assessment.inconsistent > 0) {
    out << " (" << assessment.inconsistent << " claim(s) INCONSISTENT)";
  }
  out << "\n\n## Summary\n\n| Id | Title | Verdict | Why |\n| --- | --- | --- | --- |\n";
  for (const ItemResult& item : assessment.items) {
    out << "| " << item.id << " | "
        << (item.parent.empty() ? "**" + cell(item.title) + "**" : cell(item.title))
        << (item.level == Level::kShould ? " (should)" : "") << " | " << to_string(item.verdict)
        << " | " << cell(item.reason) << " |\n";
  }
  out << "\n## Checks\n\n| Check | Verdict | Result | Claims |\n| --- | --- | --- | --- |\n";
  for (const CheckResult& check : assessment.checks) {
    out << "| " << check.id << " " << cell(check.title) << " | " << to_string(check.verdict)
        << " | " << cell(check.summary) << " | " << join(check.claims, ", ") << " |\n";
  }
  out << "\n## Detail\n";
  for (const CheckResult& check : assessment.checks) {
    out << "\n### " << check.id << ": " << check.title << " — " << to_string(check.verdict)
        << "\n\n"
        << check.explanation << "\n\n"
        << check.summary << ".\n";
    for (const std::string& detail : check.details) {
      out << "\n- " << detail;
    }
    if (!check.details.empty()) {
      out << "\n";
    }
    if (!check.evidence.empty()) {
      out << "\nEvidence:\n";
      for (const EvidenceItem& item : check.evidence) {
        out << "\n- " << to_string(item.strength) << " " << item.what << " (`" << item.where << "`"
            << (item.digest.empty() ? "" : ", " + item.digest) << ")";
      }
      out << "\n";
    }
    if (check.verdict == Verdict::kFail || check.verdict == Verdict::kWarn) {
      out << "\n**Vendor should:** " << check.remediation << "\n\n**Ask the vendor:** "
          << check.question << "\n";
    }
  }
  out << "\n## Claims\n\n| Claim | Verdict | Vendor says | Why |\n| --- | --- | --- | --- |\n";
  for (const ClaimResult& claim : assessment.claims) {
    out << "| " << claim.id << " " << cell(claim.text) << " | " << to_string(claim.verdict)
        << (claim.inconsistent ? " (INCONSISTENT)" : "") << " | "
        << (claim.vendor_status ? std::string(to_string(*claim.vendor_status)) : "—") << " | "
        << cell(claim.reason) << " |\n";
  }
  return out.str();
}

}  // namespace assay::assess
