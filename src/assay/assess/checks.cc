// The automatic checks over an evidence pack (standards-reference.md §5). Each check states what
// it looked at (evidence with digests and strength), decides a verdict, and never passes on
// absent evidence.
#include "assay/assess/internal/checks.h"

#include <algorithm>
#include <map>
#include <set>

#include "assay/assess/assessment.h"
#include "assay/core/json.h"
#include "assay/core/limits.h"
#include "assay/core/strings.h"
#include "assay/formats/quality.h"
#include "assay/formats/sbom.h"
#include "assay/formats/vex.h"
#include "assay/match/matcher.h"
#include "assay/verify/digest.h"
#include "assay/verify/pgp.h"
#include "assay/verify/securitytxt.h"
#include "assay/verify/sigstore_verify.h"

namespace assay::assess::internal {

namespace {

constexpr std::uint64_t kMaxDocumentBytes = 256ULL * 1024 * 1024;
constexpr std::uint64_t kMaxSmallBytes = 4ULL * 1024 * 1024;

struct CheckDef {
  std::string_view id;
  std::string_view title;
  std::vector<std::string> claims;
  std::string_view explanation;
  std::string_view remediation;
  std::string_view question;
};

const std::vector<CheckDef>& definitions() {
  static const std::vector<CheckDef> kDefinitions = {
      {"CHK-SBOM-01",
       "SBOM supplied and valid",
       {"1.2.1"},
       "Each release in the pack should come with a software bill of materials (SBOM) that "
       "passes the official CycloneDX or SPDX rules and names the product and version delivered.",
       "Generate an SBOM in CycloneDX 1.5+ or SPDX 2.3+ as part of each release build, validate "
       "it, and add it to the pack.",
       "Can you give us a machine-readable SBOM for every version we run, produced by your build?"},
      {"CHK-SBOM-02",
       "SBOM has the minimum elements",
       {"1.2.1"},
       "Checks the SBOM against a minimum-elements profile (NTIA 2021 by default): supplier, "
       "name, version, unique identifier, dependencies, author and timestamp for the components.",
       "Fill in the missing fields (usually supplier and unique identifiers such as purls) in "
       "your SBOM generator's configuration.",
       "Why are some components in your SBOM missing suppliers or identifiers?"},
      {"CHK-SBOM-03",
       "SBOM bound to the delivered artefact",
       {"1.2.1", "3.1.1"},
       "Checks that the SBOM describes exactly what was delivered: the hash of the SBOM's main "
       "component equals the digest of the release artefact.",
       "Record the artefact's SHA-256 (or SHA-512) as the hash of the SBOM's main component.",
       "How can we tell that this SBOM describes the exact file you delivered?"},
      {"CHK-SBOM-04",
       "SBOM dependency graph and completeness",
       {"1.2.1"},
       "Checks that the SBOM records which component depends on which, and says how complete "
       "that information is.",
       "Emit the dependency graph and a completeness statement (CycloneDX compositions or SPDX "
       "relationships).",
       "Does your SBOM list transitive dependencies, and do you state how complete it is?"},
      {"CHK-VULN-01",
       "No unaddressed exploited or critical vulnerabilities",
       {"3.3.1", "3.3.2", "3.5.1"},
       "Matches the SBOM's components against known vulnerabilities. Any that CISA lists as "
       "exploited (KEV) must be shown fixed or not affecting the product, and critical ones "
       "must at least have a VEX statement from the vendor.",
       "Fix or update the affected components, or publish VEX statements that explain why the "
       "product is not affected.",
       "What is your plan and timescale for the exploited or critical vulnerabilities listed?"},
      {"CHK-VULN-02",
       "VEX statements well-formed and covering serious findings",
       {"3.3.2"},
       "Checks the vendor's VEX documents: they parse, every 'not affected' gives a reason, "
       "every 'affected' says what to do, and serious findings are covered.",
       "Give a justification for each 'not affected' and an action for each 'affected' "
       "statement, and cover every high, critical or exploited finding.",
       "How do you decide and record whether a vulnerability affects your product?"},
      {"CHK-VULN-03",
       "No end-of-life components with serious vulnerabilities",
       {"1.2.5"},
       "Looks for components past their stated end of life; these warn, and fail when they also "
       "carry a high or critical vulnerability without a VEX statement.",
       "Replace end-of-life components or document how their risk is managed.",
       "Which components in the product are no longer maintained upstream, and what is your "
       "plan for them?"},
      {"CHK-PATCH-01",
       "Security fixes released in time",
       {"3.5.1"},
       "For each known vulnerability with a fix that affected a release in the pack, measures the "
       "days from its publication (or its listing as exploited, if later) to the first later "
       "release that no longer contains it, or to today if none does. Exploited (KEV) ones must "
       "be fixed within 14 days, critical ones within 30 and high ones within 60 (the buyer's "
       "policy can change these). Indicative: privately reported issues start their clock "
       "earlier.",
       "Release fixed versions within the time limits, and include every release's SBOM in the "
       "pack so the fix can be seen.",
       "How quickly do you ship fixes for exploited, critical and high vulnerabilities, and how "
       "do you decide?"},
      {"CHK-DIST-01",
       "Downloads over trusted channels",
       {"3.1.2"},
       "Checks that every download location the vendor gives uses HTTPS.",
       "Serve every download and update over HTTPS only.",
       "Are all downloads and updates served only over HTTPS?"},
      {"CHK-DIST-02",
       "Artefacts signed by the expected signer",
       {"3.1.1"},
       "Verifies each artefact's Sigstore signature bundle offline against the trusted root in "
       "the pack, and checks the signer is the identity the vendor publishes.",
       "Sign each release (for example with Sigstore in your build pipeline), publish the signer "
       "identity separately, and include the bundles and trusted root in the pack.",
       "How can we verify, before installing, that an update really comes from you?"},
      {"CHK-DIST-03",
       "Build provenance verifies",
       {"3.1.1", "2.2.1"},
       "Verifies signed build provenance (a Sigstore bundle carrying an in-toto statement) for "
       "the release artefact, when the vendor supplies it. Without it the claim rests on the "
       "vendor's self-assessment.",
       "Produce signed SLSA provenance in your build (for example with a hosted builder) and add "
       "it to the pack with its trusted root.",
       "Can you show signed provenance linking each release to its source and build?"},
      {"CHK-DIST-04",
       "Artefact digests match the files",
       {"3.1.1"},
       "Computes the SHA-256/384/512 of each artefact file in the pack and compares them with "
       "the digests the vendor declares.",
       "Publish correct digests for every artefact, and include the artefacts in the pack.",
       "Where do you publish checksums, and how do customers check them?"},
      {"CHK-SECTXT-01",
       "security.txt valid and current",
       {"3.2.1"},
       "Checks the vendor's security.txt (RFC 9116) copy in the pack: a contact, exactly one "
       "expiry date in the future, HTTPS links, and the other rules of the format.",
       "Publish a valid security.txt at /.well-known/security.txt with a contact and an Expires "
       "date less than a year ahead, and renew it before it expires.",
       "Who do we, or a researcher, contact about a vulnerability, and is that published?"},
      {"CHK-VDP-01",
       "Vulnerability disclosure policy published",
       {"3.2.1"},
       "Looks for a published vulnerability disclosure policy, and where a copy is in the pack, "
       "for a reporting channel, a scope and a response time.",
       "Publish a disclosure policy (the NCSC Vulnerability Disclosure Toolkit is a good start) "
       "that says how to report, what is in scope and when reporters will hear back.",
       "What does your vulnerability disclosure policy promise reporters, and where is it?"},
      {"CHK-VDP-02",
       "Confidential reporting route",
       {"3.2.2"},
       "Checks that security.txt offers a confidential route: an HTTPS form, or an email address "
       "with an encryption key.",
       "Offer an HTTPS reporting form, or publish an encryption key next to the email contact.",
       "How can a vulnerability be reported to you in confidence?"},
      {"CHK-CSAF-01",
       "Machine-readable advisories (CSAF provider metadata)",
       {"3.4.2"},
       "Checks the vendor's CSAF provider-metadata.json (a copy in the pack) against the rules a "
       "machine can check offline: the required fields, a known role, an HTTPS canonical URL, "
       "where advisories are distributed, OpenPGP key fingerprints for a trusted provider, and "
       "that it has been updated within a year. Councils use it to receive advisories "
       "automatically.",
       "Publish CSAF 2.0 advisories with a provider-metadata.json at "
       "/.well-known/csaf/provider-metadata.json, and add a copy to the pack.",
       "Do you publish machine-readable security advisories (CSAF), and where?"},
      {"CHK-EOX-01",
       "Support level and end of support published",
       {"4.1.1", "4.1.2"},
       "Checks that each release states its support level and end-of-support date, and that a "
       "support policy and end-of-support data are published.",
       "State the support level and end-of-support date of every version, and publish your "
       "support policy.",
       "Until when will the versions we use get security updates, and where is that written?"},
      {"CHK-EOX-02",
       "A year's notice of end of support",
       {"4.2.1"},
       "Checks that each end-of-support date was announced at least 365 days (by default) before "
       "it takes effect, and warns when a version reaches end of support within a year.",
       "Announce end of support at least twelve months ahead, and never bring a date forward at "
       "shorter notice.",
       "When did you first announce this end-of-support date, and how were customers told?"},
      {"CHK-INC-01",
       "Incident support plan published",
       {"4.3.1"},
       "Looks for a published incident support plan, and where a copy is in the pack, for "
       "contacts, notification timescales, roles, communications and post-incident reports.",
       "Publish an incident support plan covering contacts, when you will notify customers, roles, "
       "how you will communicate and a post-incident report.",
       "If you have an incident affecting us, who contacts us, how fast, and what will we get?"},
      {"CHK-DOC-01",
       "Secure configuration guide",
       {"4.1.3"},
       "Looks for a secure-use and hardening guide, and where a copy is in the pack, for "
       "updates, multi-factor authentication, backups, least privilege and network exposure.",
       "Publish a hardening guide covering updates, MFA, backups, least-privilege administration "
       "and ports and firewall rules.",
       "Where is your guidance on configuring and running the product securely?"},
      {"CHK-CE-01",
       "Cyber Essentials certificate current",
       {},
       "Checks the Cyber Essentials (or Plus) certificate the vendor declares: present, issued "
       "in the last twelve months, not expired. Confirm it in the IASME directory.",
       "Certify (or recertify) under Cyber Essentials, or Cyber Essentials Plus where buyers ask.",
       "Is your Cyber Essentials certificate current and does it cover the organisation we "
       "contract with?"},
      {"CHK-CERT-01",
       "ISO/IEC 27001 certificate in date",
       {},
       "Checks the ISO/IEC 27001 certificate the vendor declares is in date. Its validity must "
       "be confirmed with the certification body's register.",
       "Keep the certificate in date and give its number and certification body.",
       "Which certification body issued your ISO/IEC 27001 certificate, and what is in scope?"},
      {"CHK-SSCOP-01",
       "Self-assessment complete and current",
       {},
       "Checks the vendor's self-assessment against the Code's 45 claims: every applicable claim "
       "answered, with evidence for each claim marked met, signed off by a named senior "
       "responsible owner within the last year.",
       "Answer every claim with its status and evidence, and have your senior responsible owner "
       "sign it off at least yearly.",
       "Who in your organisation is accountable for meeting the Code, and when did they last "
       "review it?"},
      {"CHK-SSCOP-02",
       "Self-assessment consistent with the checks",
       {},
       "Flags every claim the vendor marks as met that an automatic check contradicts "
       "(INCONSISTENT).",
       "Correct the self-assessment or fix what the failing checks found.",
       "Why does your self-assessment say these claims are met when the evidence shows "
       "otherwise?"},
  };
  return kDefinitions;
}

std::string sha256_ref(std::string_view bytes) {
  return "sha256:" + verify::digest::compute(bytes).sha256;
}

std::int64_t today(const Context& context) {
  return context.now >= 0 ? context.now / 86400 : (context.now - 86399) / 86400;
}

void finish(CheckResult& result, Verdict verdict, std::string summary) {
  result.verdict = verdict;
  result.summary = std::move(summary);
}

bool is_saas(const Context& context) {
  return context.manifest.product.delivery_model == DeliveryModel::kSaas;
}

constexpr std::string_view kSaasReason =
    "SaaS: the vendor delivers a service, not software to install";

// --- live fetches (--online) ------------------------------------------------------------------

// Published pages and documents fetched live are read up to this size.
constexpr std::size_t kMaxLiveBytes = 1024 * 1024;

bool is_online(const Context& context) {
  return static_cast<bool>(context.fetch);
}

// Offline: says in `result` that the live `what` at `url` was not fetched, and lists the check
// among those limited to the pack's copies.
void note_offline(Context& context, CheckResult& result, std::string_view what,
                  const std::string& url) {
  result.details.push_back("offline: the live " + std::string(what) +
                           (url.empty() ? std::string() : " (" + url + ")") +
                           " was not fetched; only the pack was checked (run with --online)");
  if (std::find(context.limited_to_pack.begin(), context.limited_to_pack.end(), result.id) ==
      context.limited_to_pack.end()) {
    context.limited_to_pack.push_back(result.id);
  }
}

// A live fetch: the body when the server answered 200 (within the size limit), else why not.
struct LiveOutcome {
  std::optional<LiveDocument> document;  // set when the server answered at all
  std::optional<std::string> body;       // HTTP 200, not cut at the size limit (unless kept)
  std::string problem;                   // "" when body is set
};

// Fetches `url` live for `what`, records it as evidence (E3 when it answered 200, with status,
// final URL, digest and time), and returns the outcome. `keep_truncated` passes an oversized
// body on (cut) for formats whose own size rule reports it.
LiveOutcome fetch_live(Context& context, CheckResult& result, std::string_view what,
                       const std::string& url, std::size_t max_bytes, bool keep_truncated = false) {
  LiveOutcome outcome;
  auto fetched = context.fetch(url, max_bytes);
  if (!fetched) {
    outcome.problem = fetched.error().to_string();
    LiveFetch live;
    live.error = outcome.problem;
    result.evidence.push_back(
        {std::string(what) + " (live fetch failed)", url, "", Strength::kE0, std::move(live)});
    return outcome;
  }
  LiveFetch live;
  live.http_status = fetched->status;
  live.final_url = fetched->url;
  live.fetched_at = verify::securitytxt::format_rfc3339(fetched->fetched_at);
  if (fetched->status != 200) {
    outcome.problem = fetched->url + " answered HTTP " + std::to_string(fetched->status);
  } else if (fetched->truncated && !keep_truncated) {
    outcome.problem =
        fetched->url + " is larger than " + std::to_string(max_bytes) + " bytes (not read)";
  }
  if (!outcome.problem.empty()) {
    live.error = outcome.problem;
    result.evidence.push_back(
        {std::string(what) + " (fetched live)", url, "", Strength::kE0, std::move(live)});
  } else {
    result.evidence.push_back({std::string(what) + " (fetched live)", url,
                               sha256_ref(fetched->body), Strength::kE3, std::move(live)});
    outcome.body = fetched->body;
  }
  if (fetched->url.rfind("https://", 0) != 0) {
    result.details.push_back("live: " + fetched->url +
                             " was fetched over plain http (allowed only by "
                             "--allow-private-addresses)");
  }
  outcome.document = std::move(*fetched);
  return outcome;
}

// Makes `result` at least as bad as `verdict`, saying why.
void at_least(CheckResult& result, Verdict verdict, const std::string& why) {
  if (severity_rank(result.verdict) < severity_rank(verdict)) {
    result.summary = why + " (was: " + result.summary + ")";
    result.verdict = verdict;
  }
}

// The text of a published document for a content check: fetched live with --online (the
// stronger evidence), else the pack's copy. `live_problem` is set when the live link failed.
std::optional<std::string> link_copy(Context& context, const Link& link, CheckResult& result,
                                     std::string_view what);

std::optional<std::string> document_text(Context& context, const Link& link, CheckResult& result,
                                         std::string_view what, std::string& live_problem) {
  if (!is_online(context)) {
    note_offline(context, result, what, link.url);
    return link_copy(context, link, result, what);
  }
  std::optional<std::string> copy;
  if (!link.file.empty()) {
    copy = link_copy(context, link, result, what);
  }
  if (link.url.empty()) {
    live_problem = "no URL is given to fetch the " + std::string(what) + " from";
    result.details.push_back("live: " + live_problem);
    return copy;
  }
  LiveOutcome live = fetch_live(context, result, what, link.url, kMaxLiveBytes);
  if (!live.body) {
    live_problem = "the published " + std::string(what) + " does not answer: " + live.problem;
    result.details.push_back("live: " + live_problem);
    return copy;
  }
  if (copy && sha256_ref(*copy) != sha256_ref(*live.body)) {
    result.details.push_back("live: the published " + std::string(what) +
                             " differs from the pack's copy; the live one was checked");
  }
  return std::move(live.body);
}

// --- SBOMs ------------------------------------------------------------------------------------

void check_sbom_present(Context& context, CheckResult& result) {
  std::size_t missing_releases = 0;
  std::size_t invalid = 0;
  std::size_t valid = 0;
  for (const Release& release : context.manifest.releases) {
    if (release.sboms.empty()) {
      ++missing_releases;
      result.details.push_back("release " + release.version + " has no SBOM");
    }
  }
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty()) {
      ++invalid;
      result.details.push_back(sbom.ref->path + ": " + sbom.error);
      continue;
    }
    result.evidence.push_back(
        {"SBOM (" + std::string(model::to_string(sbom.report->sbom.metadata.format)) + " " +
             sbom.report->sbom.metadata.spec_version + ")",
         sbom.ref->path, sbom.digest, Strength::kE1});
    if (!sbom.report->valid()) {
      ++invalid;
      std::size_t shown = 0;
      for (const Diagnostic& diagnostic : sbom.report->diagnostics) {
        if (diagnostic.severity == Severity::kError && shown < 5) {
          result.details.push_back(diagnostic.to_string());
          ++shown;
        }
      }
      continue;
    }
    ++valid;
    const model::Sbom& model = sbom.report->sbom;
    const auto subject = model.find(model.metadata.subject_ref);
    if (!subject) {
      result.details.push_back(sbom.ref->path + ": names no main component (metadata.component)");
    } else if (model.components[*subject].version != sbom.release->version) {
      result.details.push_back(sbom.ref->path + ": main component version \"" +
                               model.components[*subject].version + "\" is not the release " +
                               sbom.release->version);
    }
  }
  if (missing_releases > 0 && valid == 0 && invalid == 0) {
    finish(result, context.policy.sbom_required ? Verdict::kFail : Verdict::kAttested,
           context.policy.sbom_required
               ? "no SBOM in the pack"
               : "no SBOM in the pack; the policy accepts the vendor's own inventory");
  } else if (invalid > 0 || (missing_releases > 0 && context.policy.sbom_required)) {
    finish(result, Verdict::kFail,
           std::to_string(invalid) + " SBOM(s) unreadable or invalid, " +
               std::to_string(missing_releases) + " release(s) without one");
  } else if (result.details.empty()) {
    finish(result, Verdict::kPass, std::to_string(valid) + " valid SBOM(s), one per release");
  } else {
    finish(result, Verdict::kWarn, "SBOMs are valid but do not clearly name the release");
  }
}

void check_sbom_quality(Context& context, CheckResult& result) {
  auto profile = formats::parse_quality_profile(context.policy.sbom_profile);
  const formats::QualityProfile chosen = profile ? *profile : formats::QualityProfile::kNtia;
  Verdict worst = Verdict::kPass;
  std::size_t assessed = 0;
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty() || !sbom.report->readable) {
      continue;
    }
    const formats::QualityReport report = formats::assess_quality(sbom.report->sbom, chosen);
    ++assessed;
    const Verdict verdict = report.verdict == formats::QualityVerdict::kPass   ? Verdict::kPass
                            : report.verdict == formats::QualityVerdict::kWarn ? Verdict::kWarn
                                                                               : Verdict::kFail;
    if (severity_rank(verdict) > severity_rank(worst)) {
      worst = verdict;
    }
    result.details.push_back(sbom.ref->path + ": " + report.profile_title + " score " +
                             std::to_string(static_cast<int>(report.score)) + "/100, " +
                             std::string(formats::to_string(report.verdict)));
    for (const formats::QualityField& field : report.fields) {
      if (field.required && field.verdict != formats::QualityVerdict::kPass) {
        result.details.push_back("  " + field.title + ": " + std::to_string(field.passed) + " of " +
                                 std::to_string(field.total));
      }
    }
    result.evidence.push_back({"SBOM quality (" + std::string(formats::to_string(chosen)) + ")",
                               sbom.ref->path, sbom.digest, Strength::kE3});
  }
  if (assessed == 0) {
    finish(result, context.policy.sbom_required ? Verdict::kFail : Verdict::kAttested,
           "no readable SBOM to assess");
    return;
  }
  finish(result, worst,
         worst == Verdict::kPass ? "every SBOM has the minimum elements"
                                 : "some SBOMs lack minimum elements");
}

// The digests (lower-case hex by algorithm) the manifest declares for the artefact an SBOM or
// provenance document describes: the named one, else the release's only artefact.
const Artefact* described_artefact(const Release& release, const DocumentRef& document) {
  if (!document.artefact.empty()) {
    for (const Artefact& artefact : release.artefacts) {
      if (artefact.name == document.artefact) {
        return &artefact;
      }
    }
    return nullptr;
  }
  return release.artefacts.size() == 1 ? &release.artefacts[0] : nullptr;
}

void check_sbom_binding(Context& context, CheckResult& result) {
  if (is_saas(context)) {
    finish(result, Verdict::kNotApplicable, std::string(kSaasReason));
    return;
  }
  std::size_t bound = 0;
  std::size_t mismatched = 0;
  std::size_t unbound = 0;
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty() || !sbom.report->readable) {
      continue;
    }
    const Artefact* artefact = described_artefact(*sbom.release, *sbom.ref);
    const model::Sbom& model = sbom.report->sbom;
    const auto subject = model.find(model.metadata.subject_ref);
    if (artefact == nullptr || !subject) {
      ++unbound;
      result.details.push_back(sbom.ref->path + (artefact == nullptr
                                                     ? ": does not say which artefact it describes"
                                                     : ": names no main component"));
      continue;
    }
    bool compared = false;
    bool matched = false;
    for (const model::Hash& hash : model.components[*subject].hashes) {
      const auto algorithm = verify::digest::algorithm_from_name(hash.algorithm);
      if (!algorithm || !verify::digest::is_accepted(*algorithm)) {
        continue;
      }
      const std::string& declared =
          *algorithm == verify::digest::Algorithm::kSha256   ? artefact->digests.sha256
          : *algorithm == verify::digest::Algorithm::kSha384 ? artefact->digests.sha384
                                                             : artefact->digests.sha512;
      if (declared.empty()) {
        continue;
      }
      compared = true;
      if (ascii_lower(hash.value) == declared) {
        matched = true;
      } else {
        result.details.push_back(sbom.ref->path + ": main component " + hash.algorithm + " " +
                                 hash.value + " is not the digest of " + artefact->name);
      }
    }
    if (!compared) {
      ++unbound;
      result.details.push_back(sbom.ref->path + ": main component has no SHA-2 hash to compare");
    } else if (matched) {
      ++bound;
      result.evidence.push_back({"SBOM bound to " + artefact->name + " by digest", sbom.ref->path,
                                 sbom.digest, Strength::kE2});
    } else {
      ++mismatched;
    }
  }
  if (mismatched > 0) {
    finish(result, Verdict::kFail,
           std::to_string(mismatched) + " SBOM(s) describe a different file from the artefact");
  } else if (bound > 0 && unbound == 0) {
    finish(result, Verdict::kPass, "every SBOM is bound to its artefact by digest");
  } else if (bound + unbound == 0) {
    // CHK-SBOM-01 already fails a missing SBOM; here it only means nothing binds.
    finish(result, Verdict::kWarn, "no readable SBOM to bind to an artefact");
  } else {
    finish(result, Verdict::kWarn, std::to_string(unbound) + " SBOM(s) not bound to an artefact");
  }
}

void check_sbom_depth(Context& context, CheckResult& result) {
  std::size_t assessed = 0;
  Verdict worst = Verdict::kPass;
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty() || !sbom.report->readable) {
      continue;
    }
    ++assessed;
    const model::Sbom& model = sbom.report->sbom;
    std::size_t edges = 0;
    for (const model::Relationship& relationship : model.relationships) {
      edges += (relationship.type == model::RelationshipType::kDependsOn ||
                relationship.type == model::RelationshipType::kContains) &&
                       !relationship.to.empty()
                   ? 1U
                   : 0U;
    }
    std::string aggregate;
    for (const model::Composition& composition : model.compositions) {
      if (aggregate.empty() || composition.aggregate != "unknown") {
        aggregate = composition.aggregate;
      }
    }
    Verdict verdict = Verdict::kPass;
    if (edges == 0) {
      verdict = Verdict::kFail;
      result.details.push_back(sbom.ref->path + ": no dependency relationships at all");
    } else if (aggregate.empty() || aggregate == "unknown") {
      verdict = Verdict::kWarn;
      result.details.push_back(sbom.ref->path + ": " + std::to_string(edges) +
                               " dependency edges, completeness " +
                               (aggregate.empty() ? "not stated" : "unknown"));
    } else {
      result.details.push_back(sbom.ref->path + ": " + std::to_string(edges) +
                               " dependency edges, completeness \"" + aggregate + "\"");
    }
    if (severity_rank(verdict) > severity_rank(worst)) {
      worst = verdict;
    }
    result.evidence.push_back(
        {"SBOM dependency graph", sbom.ref->path, sbom.digest, Strength::kE1});
  }
  if (assessed == 0) {
    finish(result, context.policy.sbom_required ? Verdict::kFail : Verdict::kAttested,
           "no readable SBOM to examine");
    return;
  }
  finish(result, worst,
         worst == Verdict::kPass   ? "dependency graph present and completeness stated"
         : worst == Verdict::kWarn ? "dependency graph present, completeness not stated"
                                   : "an SBOM has no dependency graph");
}

// --- vulnerabilities --------------------------------------------------------------------------

bool has_statement(const match::Finding& finding) {
  return finding.vex.has_value();
}

bool is_serious(const match::Finding& finding) {
  return finding.kev.has_value() || finding.severity.level == match::SeverityLevel::kCritical ||
         finding.severity.level == match::SeverityLevel::kHigh ||
         (finding.epss && finding.epss->score >= 0.1);
}

std::string describe(const match::Finding& finding) {
  return finding.id + " in " + finding.component.name + " " + finding.component.version + " (" +
         std::string(match::to_string(finding.severity.level)) + (finding.kev ? ", KEV" : "") + ")";
}

// The checks that read scan findings need a database and a scanned SBOM. Finishes `result` and
// returns false when either is missing; `no_sbom` says what the missing SBOM stops.
bool have_scans(Context& context, CheckResult& result, const char* no_sbom) {
  if (context.source == nullptr) {
    finish(result, Verdict::kNotApplicable,
           "no vulnerability database (give one with --db to run this check)");
    return false;
  }
  if (context.scans.empty()) {
    // A reseller has no SBOM duty of its own (the Code's 1.2 is the developer's): its
    // vulnerability handling then rests on its self-assessment.
    const bool expected =
        context.policy.sbom_required && context.manifest.product.role != Role::kReseller;
    finish(result, expected ? Verdict::kFail : Verdict::kAttested,
           expected ? no_sbom : "no SBOM to check; the vendor's self-assessment stands");
    return false;
  }
  return true;
}

void check_vulnerabilities(Context& context, CheckResult& result) {
  if (!have_scans(context, result, "no readable SBOM to check for vulnerabilities")) {
    return;
  }
  std::size_t blocking = 0;
  std::size_t open = 0;
  std::size_t suppressed = 0;
  for (const ScannedSbom& scanned : context.scans) {
    result.evidence.push_back({"vulnerability scan against " + context.database_name,
                               scanned.sbom->ref->path, scanned.sbom->digest, Strength::kE3});
    for (const match::Finding& finding : scanned.result.findings) {
      if (finding.suppressed) {
        ++suppressed;
        continue;
      }
      ++open;
      if (finding.kev) {
        ++blocking;
        result.details.push_back(
            describe(finding) + ": exploited in the wild (KEV, added " + finding.kev->date_added +
            ") and " +
            (has_statement(finding)
                 ? "the vendor's VEX says " + std::string(model::to_string(finding.vex->status))
                 : "no VEX statement"));
      } else if (finding.severity.level == match::SeverityLevel::kCritical &&
                 context.policy.critical_needs_vex && !has_statement(finding)) {
        ++blocking;
        result.details.push_back(describe(finding) + ": critical, no VEX statement");
      }
    }
  }
  if (blocking > 0) {
    finish(result, Verdict::kFail,
           std::to_string(blocking) +
               " exploited or critical vulnerability(ies) not shown fixed or not affecting");
  } else {
    finish(result, Verdict::kPass,
           std::to_string(open) +
               " open finding(s), none exploited or critical without a "
               "statement; " +
               std::to_string(suppressed) + " resolved by VEX");
  }
}

void check_vex(Context& context, CheckResult& result) {
  std::size_t documents = 0;
  std::size_t problems = 0;
  for (const LoadedVex& vex : context.vex) {
    ++documents;
    if (!vex.error.empty()) {
      ++problems;
      result.details.push_back(vex.ref->path + ": " + vex.error);
      continue;
    }
    result.evidence.push_back(
        {"VEX (" + vex.format + ")", vex.ref->path, vex.digest, Strength::kE1});
    for (const model::VexStatement& statement : vex.statements) {
      if (statement.status == model::VexStatus::kNotAffected && statement.justification.empty() &&
          statement.impact_statement.empty()) {
        ++problems;
        result.details.push_back(vex.ref->path + ": " + statement.vulnerability +
                                 " is not_affected without a justification or impact statement");
      }
      if (statement.status == model::VexStatus::kAffected && statement.action_statement.empty() &&
          statement.responses.empty()) {
        ++problems;
        result.details.push_back(vex.ref->path + ": " + statement.vulnerability +
                                 " is affected without an action statement");
      }
    }
  }
  // Coverage of serious findings by any statement.
  std::size_t serious = 0;
  std::size_t covered = 0;
  for (const ScannedSbom& scanned : context.scans) {
    for (const match::Finding& finding : scanned.result.findings) {
      if (is_serious(finding)) {
        ++serious;
        covered += has_statement(finding) ? 1U : 0U;
      }
    }
  }
  if (documents == 0 && serious == 0) {
    finish(result, Verdict::kNotApplicable,
           context.source == nullptr
               ? "no VEX documents, and no vulnerability database to show whether any are needed"
               : "no VEX documents, and no serious findings that need one");
    return;
  }
  double coverage = 1.0;
  if (serious > 0) {
    coverage = static_cast<double>(covered) / static_cast<double>(serious);
    result.details.push_back(std::to_string(covered) + " of " + std::to_string(serious) +
                             " serious findings (high, critical, KEV or EPSS >= 0.1) have a "
                             "vendor statement");
  }
  if (problems > 0 || coverage < context.policy.vex_coverage_warn) {
    finish(result, Verdict::kFail,
           problems > 0 ? std::to_string(problems) + " problem(s) in the VEX documents"
                        : "too few serious findings have a vendor statement");
  } else if (coverage < context.policy.vex_coverage_pass) {
    finish(result, Verdict::kWarn, "some serious findings have no vendor statement");
  } else {
    finish(result, Verdict::kPass,
           std::to_string(documents) + " VEX document(s), well-formed, covering serious findings");
  }
}

void check_end_of_life(Context& context, CheckResult& result) {
  std::size_t declared = 0;
  std::size_t expired = 0;
  std::size_t failing = 0;
  const std::int64_t now_days = today(context);
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty() || !sbom.report->readable) {
      continue;
    }
    for (const model::Component& component : sbom.report->sbom.components) {
      if (component.end_of_life.empty()) {
        continue;
      }
      ++declared;
      const auto end = date_to_days(std::string_view(component.end_of_life).substr(0, 10));
      if (!end || *end > now_days) {
        continue;
      }
      ++expired;
      bool serious_open = false;
      for (const ScannedSbom& scanned : context.scans) {
        if (scanned.sbom != &sbom) {
          continue;
        }
        for (const match::Finding& finding : scanned.result.findings) {
          serious_open =
              serious_open || (finding.component.ref == component.ref && !finding.suppressed &&
                               !has_statement(finding) &&
                               (finding.severity.level == match::SeverityLevel::kCritical ||
                                finding.severity.level == match::SeverityLevel::kHigh));
        }
      }
      failing += serious_open ? 1U : 0U;
      result.details.push_back(component.name + " " + component.version +
                               " reached end of life on " + component.end_of_life +
                               (serious_open
                                    ? " and has a high or critical vulnerability without a "
                                      "VEX statement"
                                    : ""));
    }
    result.evidence.push_back(
        {"component end-of-life dates", sbom.ref->path, sbom.digest, Strength::kE1});
  }
  if (failing > 0) {
    finish(result, Verdict::kFail,
           std::to_string(failing) + " end-of-life component(s) with serious vulnerabilities");
  } else if (expired > 0) {
    finish(result, Verdict::kWarn, std::to_string(expired) + " component(s) past end of life");
  } else if (declared == 0) {
    finish(result, Verdict::kNotApplicable, "the SBOMs state no component end-of-life dates");
  } else {
    finish(result, Verdict::kPass,
           std::to_string(declared) + " component end-of-life date(s) stated, none passed");
  }
}

// --- patch timeliness -------------------------------------------------------------------------

// Days since the epoch of the date an RFC 3339 date-time (or a plain YYYY-MM-DD) starts with.
std::optional<std::int64_t> leading_date(std::string_view text) {
  if (text.size() < 10) {
    return std::nullopt;
  }
  return date_to_days(text.substr(0, 10));
}

enum class PatchTier { kKev, kCritical, kHigh, kOther };

std::string_view tier_name(PatchTier tier) {
  switch (tier) {
    case PatchTier::kKev:
      return "KEV";
    case PatchTier::kCritical:
      return "critical";
    case PatchTier::kHigh:
      return "high";
    case PatchTier::kOther:
      break;
  }
  return "medium or lower";
}

PatchTier patch_tier(const match::Finding& finding) {
  if (finding.kev) {
    return PatchTier::kKev;
  }
  if (finding.severity.level == match::SeverityLevel::kCritical) {
    return PatchTier::kCritical;
  }
  return finding.severity.level == match::SeverityLevel::kHigh ? PatchTier::kHigh
                                                               : PatchTier::kOther;
}

// One vulnerability across the releases of the pack.
struct PatchCase {
  std::string component;  // "name version" where it was first seen
  PatchTier tier = PatchTier::kOther;
  bool has_fix = false;
  std::string published;  // earliest advisory publication
  std::string kev_added;
  std::set<std::size_t> in_releases;  // indexes into the dated timeline
};

void check_patch_timeliness(Context& context, CheckResult& result) {
  if (!have_scans(context, result, "no readable SBOM to find vulnerabilities and their fixes in")) {
    return;
  }
  // The releases with a scanned SBOM, in date order: the timeline fixes are read from.
  struct Dated {
    std::int64_t day;
    const Release* release;
  };
  std::vector<Dated> timeline;
  std::set<const Release*> undated;
  for (const ScannedSbom& scanned : context.scans) {
    const Release* release = scanned.sbom->release;
    result.evidence.push_back(
        {"release " + release->version + " SBOM scanned against " + context.database_name,
         scanned.sbom->ref->path, scanned.sbom->digest, Strength::kE3});
    const auto day = date_to_days(release->release_date);
    if (!day) {
      if (undated.insert(release).second) {
        result.details.push_back("release " + release->version +
                                 " has no release_date: its fixes cannot be timed");
      }
      continue;
    }
    const bool known = std::any_of(timeline.begin(), timeline.end(), [release](const Dated& dated) {
      return dated.release == release;
    });
    if (!known) {
      timeline.push_back({*day, release});
    }
  }
  std::stable_sort(timeline.begin(), timeline.end(),
                   [](const Dated& a, const Dated& b) { return a.day < b.day; });
  std::map<std::string, PatchCase> cases;
  for (const ScannedSbom& scanned : context.scans) {
    const Release* release = scanned.sbom->release;
    std::optional<std::size_t> index;
    for (std::size_t position = 0; position < timeline.size(); ++position) {
      if (timeline[position].release == release) {
        index = position;
      }
    }
    for (const match::Finding& finding : scanned.result.findings) {
      if (finding.suppressed) {
        continue;  // the vendor's VEX says fixed or not affected in this release
      }
      PatchCase& entry = cases[finding.id];
      if (entry.component.empty()) {
        entry.component = finding.component.name + " " + finding.component.version;
      }
      entry.tier = std::min(entry.tier, patch_tier(finding));
      entry.has_fix = entry.has_fix || !finding.fixed_versions.empty();
      if (!finding.published.empty() &&
          (entry.published.empty() || finding.published.substr(0, 10) < entry.published)) {
        entry.published = finding.published.substr(0, 10);
      }
      if (finding.kev) {
        entry.kev_added = finding.kev->date_added;
      }
      if (index) {
        entry.in_releases.insert(*index);
      }
    }
  }
  const std::int64_t now_days = today(context);
  std::size_t kev_late = 0;
  std::size_t serious_timed = 0;
  std::size_t serious_late = 0;
  std::size_t untimed = 0;
  std::size_t no_fix = 0;
  std::size_t lower = 0;
  std::size_t in_time = 0;
  for (const auto& [id, entry] : cases) {
    const std::string label =
        id + " in " + entry.component + " (" + std::string(tier_name(entry.tier)) + ")";
    if (entry.tier == PatchTier::kOther) {
      ++lower;
      continue;
    }
    if (!entry.has_fix) {
      ++no_fix;
      result.details.push_back(label + ": no fixed version is known upstream; not timed");
      continue;
    }
    std::optional<std::int64_t> start = leading_date(entry.published);
    const std::optional<std::int64_t> listed = leading_date(entry.kev_added);
    if (listed && (!start || *listed > *start)) {
      start = listed;
    }
    if (!start || entry.in_releases.empty()) {
      ++untimed;
      result.details.push_back(label + ": cannot be timed (" +
                               (start ? "it is only in releases without a release_date"
                                      : "the advisory gives no publication date") +
                               ")");
      continue;
    }
    const std::size_t last_vulnerable = *entry.in_releases.rbegin();
    const bool fixed = last_vulnerable + 1 < timeline.size();
    const std::int64_t end = fixed ? timeline[last_vulnerable + 1].day : now_days;
    const std::int64_t days = std::max<std::int64_t>(0, end - *start);
    const std::int64_t limit = entry.tier == PatchTier::kKev ? context.policy.patch_days_kev
                               : entry.tier == PatchTier::kCritical
                                   ? context.policy.patch_days_critical
                                   : context.policy.patch_days_high;
    const std::string since =
        "published " + (entry.published.empty() ? std::string("(unknown)") : entry.published) +
        (entry.kev_added.empty() ? "" : ", KEV-listed " + entry.kev_added);
    const std::string where =
        fixed ? "fixed in release " + timeline[last_vulnerable + 1].release->version + " (" +
                    timeline[last_vulnerable + 1].release->release_date + ")"
              : "still unfixed in release " + timeline[last_vulnerable].release->version +
                    " at the assessment date";
    const bool late = days > limit;
    if (!fixed && !late) {
      result.details.push_back(label + ": " + since + "; " + where + ", " + std::to_string(days) +
                               " days so far (limit " + std::to_string(limit) + ")");
      ++in_time;
      continue;
    }
    result.details.push_back(label + ": " + since + "; " + where + " after " +
                             std::to_string(days) + " days (limit " + std::to_string(limit) + ")" +
                             (late ? ": LATE" : ""));
    if (entry.tier == PatchTier::kKev) {
      kev_late += late ? 1U : 0U;
    } else {
      ++serious_timed;
      serious_late += late ? 1U : 0U;
    }
    in_time += late ? 0U : 1U;
  }
  if (lower > 0) {
    result.details.push_back(std::to_string(lower) +
                             " medium or lower finding(s) have no time limit and are not timed");
  }
  const double late_share =
      serious_timed == 0 ? 0.0
                         : static_cast<double>(serious_late) / static_cast<double>(serious_timed);
  if (kev_late > 0) {
    finish(result, Verdict::kFail,
           std::to_string(kev_late) + " exploited (KEV) vulnerability(ies) not fixed within " +
               std::to_string(context.policy.patch_days_kev) + " days");
  } else if (serious_late > 0 && late_share > context.policy.patch_late_warn_share) {
    finish(result, Verdict::kFail,
           std::to_string(serious_late) + " of " + std::to_string(serious_timed) +
               " critical or high vulnerability fix(es) late");
  } else if (serious_late > 0) {
    finish(result, Verdict::kWarn,
           std::to_string(serious_late) + " of " + std::to_string(serious_timed) +
               " critical or high vulnerability fix(es) late (within the policy's share)");
  } else if (untimed > 0 || !undated.empty()) {
    finish(result, Verdict::kWarn,
           std::to_string(untimed) + " fixable vulnerability(ies) could not be timed" +
               (undated.empty() ? "" : "; releases without a release_date"));
  } else if (in_time == 0) {
    finish(result, Verdict::kPass,
           "no fixable exploited, critical or high vulnerability in any release" +
               std::string(no_fix > 0 ? " (" + std::to_string(no_fix) + " without a fix)" : ""));
  } else {
    finish(result, Verdict::kPass,
           std::to_string(in_time) +
               " exploited, critical or high vulnerability(ies) fixed or open within the limits");
  }
}

// --- distribution -----------------------------------------------------------------------------

void check_channels(Context& context, CheckResult& result) {
  if (is_saas(context)) {
    finish(result, Verdict::kNotApplicable, std::string(kSaasReason));
    return;
  }
  std::size_t https = 0;
  std::size_t insecure = 0;
  std::size_t none = 0;
  for (const Release& release : context.manifest.releases) {
    for (const Artefact& artefact : release.artefacts) {
      if (artefact.url.empty()) {
        ++none;
        result.details.push_back(artefact.name + ": no download URL stated");
      } else if (artefact.url.rfind("https://", 0) == 0) {
        ++https;
        result.evidence.push_back(
            {"download URL of " + artefact.name, artefact.url, "", Strength::kE1});
      } else {
        ++insecure;
        result.details.push_back(artefact.name + ": downloaded over " + artefact.url);
      }
    }
  }
  if (insecure > 0) {
    finish(result, Verdict::kFail, std::to_string(insecure) + " artefact(s) not served over HTTPS");
  } else if (https == 0) {
    finish(result, Verdict::kFail, "no download locations stated");
  } else if (none > 0) {
    finish(result, Verdict::kWarn, "some artefacts have no download URL");
  } else {
    finish(result, Verdict::kPass, "every download URL uses HTTPS");
  }
}

// Verifies one Sigstore bundle (artefact signature or DSSE provenance) for `artefact`.
verify::Verification verify_sigstore(Context& context, const std::string& bundle_path,
                                     const std::string& root_path, const Artefact& artefact,
                                     std::string& error) {
  verify::Verification failed;
  auto bundle = context.files.read(bundle_path, kMaxSmallBytes);
  if (!bundle) {
    error = bundle.error().to_string();
    return failed;
  }
  auto root_text = context.files.read(root_path, kMaxSmallBytes);
  if (!root_text) {
    error = root_text.error().to_string();
    return failed;
  }
  auto root = verify::sigstore::parse_trusted_root(*root_text, root_path);
  if (!root) {
    error = "trusted root: " + root.error().to_string();
    return failed;
  }
  const verify::sigstore::Policy policy = verify::sigstore::Policy::identity(
      verify::sigstore::StringMatcher::exact(context.manifest.signer.identity),
      verify::sigstore::StringMatcher::exact(context.manifest.signer.issuer));
  std::string bytes;
  std::optional<verify::sigstore::Artifact> subject;
  if (!artefact.path.empty()) {
    auto read = context.files.read(artefact.path, kMaxDocumentBytes);
    if (read) {
      bytes = std::move(*read);
      subject = verify::sigstore::Artifact::from_bytes(bytes, artefact.name);
    }
  }
  if (!subject) {
    const std::string digest =
        !artefact.digests.sha256.empty()   ? "sha256:" + artefact.digests.sha256
        : !artefact.digests.sha512.empty() ? "sha512:" + artefact.digests.sha512
                                           : "sha384:" + artefact.digests.sha384;
    auto from_digest = verify::sigstore::Artifact::from_digest(digest);
    if (!from_digest) {
      error = from_digest.error().to_string();
      return failed;
    }
    subject = std::move(*from_digest);
    subject->name = artefact.name;
  }
  return verify::sigstore::verify_bundle_json(*bundle, bundle_path, *subject, policy, *root);
}

// Verifies an OpenPGP detached signature over the artefact file with the signer's key. Sets
// `problem` when it cannot be checked at all (no file, no key, GnuPG not runnable).
verify::Verification verify_openpgp(Context& context, const std::string& signature_path,
                                    const Artefact& artefact, std::string& problem) {
  verify::Verification none;
  if (artefact.path.empty()) {
    problem = "the artefact is not in the pack";
    return none;
  }
  if (context.manifest.signer.openpgp_key.empty()) {
    problem = "no signer OpenPGP key in the manifest (signer.openpgp_key)";
    return none;
  }
  auto bytes = context.files.read(artefact.path, kMaxDocumentBytes);
  auto signature = context.files.read(signature_path, kMaxSmallBytes);
  auto key = context.files.read(context.manifest.signer.openpgp_key, kMaxSmallBytes);
  for (const Result<std::string>* read : {&bytes, &signature, &key}) {
    if (!*read) {
      problem = read->error().to_string();
      return none;
    }
  }
  auto verification = verify::pgp::verify_detached(
      *bytes, *signature, verify::pgp::KeySpec{*key, context.manifest.signer.openpgp_fingerprint});
  if (!verification) {
    problem = verification.error().to_string();
    return none;
  }
  return std::move(*verification);
}

void check_signatures(Context& context, CheckResult& result) {
  if (is_saas(context)) {
    finish(result, Verdict::kNotApplicable, std::string(kSaasReason));
    return;
  }
  std::size_t verified = 0;
  std::size_t failed = 0;
  std::size_t unsigned_count = 0;
  std::size_t unverifiable = 0;
  std::size_t artefacts = 0;
  for (const Release& release : context.manifest.releases) {
    for (const Artefact& artefact : release.artefacts) {
      ++artefacts;
      if (artefact.signatures.empty()) {
        ++unsigned_count;
        result.details.push_back(artefact.name + ": unsigned (only a checksum)");
        continue;
      }
      for (const SignatureRef& signature : artefact.signatures) {
        if (signature.kind == "openpgp") {
          std::string problem;
          const verify::Verification verification =
              verify_openpgp(context, signature.signature, artefact, problem);
          if (!problem.empty()) {
            ++unverifiable;
            result.details.push_back(artefact.name +
                                     ": OpenPGP signature cannot be checked: " + problem);
          } else if (verification.outcome() == verify::Outcome::kPass) {
            ++verified;
            result.evidence.push_back(
                {"OpenPGP signature of " + artefact.name + " by " + verification.identity,
                 signature.signature, "", Strength::kE3});
          } else {
            ++failed;
            result.details.push_back(artefact.name + ": OpenPGP signature does not verify: " +
                                     verification.first_failure());
          }
          continue;
        }
        if (signature.trusted_root.empty() || context.manifest.signer.identity.empty()) {
          ++unverifiable;
          result.details.push_back(
              artefact.name + ": signature bundle " + signature.bundle + " cannot be checked: " +
              (signature.trusted_root.empty() ? "no trusted root in the pack"
                                              : "no expected signer identity in the manifest"));
          continue;
        }
        std::string error;
        const verify::Verification verification =
            verify_sigstore(context, signature.bundle, signature.trusted_root, artefact, error);
        if (!error.empty()) {
          ++failed;
          result.details.push_back(artefact.name + ": " + error);
        } else if (verification.outcome() == verify::Outcome::kPass) {
          ++verified;
          result.evidence.push_back(
              {"Sigstore signature of " + artefact.name + " by " + verification.identity,
               signature.bundle, "", Strength::kE3});
        } else {
          ++failed;
          result.details.push_back(artefact.name +
                                   ": signature does not verify: " + verification.first_failure());
        }
      }
    }
  }
  if (artefacts == 0) {
    finish(result, Verdict::kFail, "no artefacts listed, so nothing could be verified");
  } else if (failed > 0) {
    finish(result, Verdict::kFail, std::to_string(failed) + " signature(s) failed verification");
  } else if (unsigned_count > 0) {
    finish(result, context.policy.require_signatures ? Verdict::kFail : Verdict::kWarn,
           std::to_string(unsigned_count) + " artefact(s) unsigned (checksum only)");
  } else if (unverifiable > 0) {
    finish(result, Verdict::kWarn,
           std::to_string(unverifiable) + " signature(s) could not be checked offline");
  } else {
    finish(result, Verdict::kPass,
           "every artefact's signature verifies against the expected signer");
  }
}

void check_provenance(Context& context, CheckResult& result) {
  if (is_saas(context)) {
    finish(result, Verdict::kNotApplicable, std::string(kSaasReason));
    return;
  }
  std::size_t verified = 0;
  std::size_t failed = 0;
  std::size_t unverifiable = 0;
  for (const Release& release : context.manifest.releases) {
    for (const DocumentRef& provenance : release.provenance) {
      const Artefact* artefact = described_artefact(release, provenance);
      if (artefact == nullptr || provenance.trusted_root.empty() ||
          context.manifest.signer.identity.empty()) {
        ++unverifiable;
        result.details.push_back(provenance.path + ": cannot be checked: " +
                                 (artefact == nullptr ? "no artefact named"
                                  : provenance.trusted_root.empty()
                                      ? "no trusted root"
                                      : "no expected signer identity"));
        continue;
      }
      std::string error;
      const verify::Verification verification =
          verify_sigstore(context, provenance.path, provenance.trusted_root, *artefact, error);
      if (!error.empty()) {
        ++failed;
        result.details.push_back(provenance.path + ": " + error);
      } else if (verification.outcome() == verify::Outcome::kPass) {
        ++verified;
        result.evidence.push_back(
            {"signed provenance for " + artefact->name, provenance.path, "", Strength::kE3});
      } else {
        ++failed;
        result.details.push_back(provenance.path +
                                 ": does not verify: " + verification.first_failure());
      }
    }
  }
  if (failed > 0) {
    finish(result, Verdict::kFail, std::to_string(failed) + " provenance document(s) failed");
  } else if (unverifiable > 0) {
    finish(result, Verdict::kWarn, "provenance supplied but not verifiable offline");
  } else if (verified > 0) {
    finish(result, Verdict::kPass, "signed build provenance verifies for every release supplied");
  } else {
    finish(result, Verdict::kAttested,
           "no build provenance in the pack; the vendor's self-assessment stands");
  }
}

void check_digests(Context& context, CheckResult& result) {
  if (is_saas(context)) {
    finish(result, Verdict::kNotApplicable, std::string(kSaasReason));
    return;
  }
  std::size_t matched = 0;
  std::size_t mismatched = 0;
  std::size_t absent = 0;
  for (const Release& release : context.manifest.releases) {
    for (const Artefact& artefact : release.artefacts) {
      if (artefact.path.empty()) {
        ++absent;
        result.details.push_back(artefact.name + ": not in the pack, digest not checked");
        continue;
      }
      auto bytes = context.files.read(artefact.path, kMaxDocumentBytes);
      if (!bytes) {
        ++mismatched;
        result.details.push_back(artefact.name + ": " + bytes.error().to_string());
        continue;
      }
      const verify::digest::Digests digests = verify::digest::compute(*bytes);
      std::vector<verify::digest::ExpectedDigest> expected;
      for (const auto& [name, value] :
           {std::pair<std::string, std::string>{"sha256", artefact.digests.sha256},
            {"sha384", artefact.digests.sha384},
            {"sha512", artefact.digests.sha512}}) {
        if (!value.empty()) {
          expected.push_back({name, value, "assay-pack.json"});
        }
      }
      const verify::Verification verification =
          verify::digest::verify(digests, artefact.name, expected);
      if (verification.outcome() == verify::Outcome::kPass) {
        ++matched;
        result.evidence.push_back({"digest of " + artefact.name + " computed by Assay",
                                   artefact.path, "sha256:" + digests.sha256, Strength::kE3});
      } else {
        ++mismatched;
        result.details.push_back(artefact.name + ": " + verification.first_failure());
      }
    }
  }
  if (mismatched > 0) {
    finish(result, Verdict::kFail,
           std::to_string(mismatched) + " artefact(s) do not match their declared digests");
  } else if (matched == 0) {
    finish(result, Verdict::kWarn,
           absent > 0 ? "no artefact files in the pack to check digests against"
                      : "no artefacts listed");
  } else if (absent > 0) {
    finish(result, Verdict::kWarn, "some artefacts are not in the pack");
  } else {
    finish(result, Verdict::kPass, "every artefact matches its declared digests");
  }
}

// --- disclosure -------------------------------------------------------------------------------

void check_security_txt_copy(Context& context, CheckResult& result) {
  const auto link = context.manifest.links.find("security_txt");
  if (link == context.manifest.links.end()) {
    finish(result, Verdict::kFail, "no security.txt given");
    return;
  }
  if (!context.security_txt_error.empty()) {
    result.details.push_back(context.security_txt_error);
  }
  if (!context.security_txt) {
    if (!context.security_txt_error.empty()) {
      finish(result, Verdict::kFail, "the security.txt copy in the pack cannot be read");
      return;
    }
    result.evidence.push_back({"security.txt (URL only)", link->second.url, "", Strength::kE0});
    finish(result, Verdict::kWarn,
           "only a URL is given; add a copy of the file to the pack so it can be checked offline");
    return;
  }
  const verify::securitytxt::Parsed& parsed = *context.security_txt;
  result.evidence.push_back(
      {context.security_txt_verified && parsed.file.is_signed
           ? "security.txt copy, OpenPGP signature checked"
           : "security.txt copy",
       link->second.file, context.security_txt_digest,
       context.security_txt_verified && parsed.file.is_signed ? Strength::kE2 : Strength::kE1});
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const verify::securitytxt::Finding& finding : parsed.findings) {
    if (finding.severity == Severity::kInfo) {
      continue;
    }
    errors += finding.severity == Severity::kError ? 1U : 0U;
    warnings += finding.severity == Severity::kWarning ? 1U : 0U;
    result.details.push_back(std::string(to_string(finding.severity)) + " " + finding.code + ": " +
                             finding.message);
  }
  if (!context.security_txt_error.empty()) {
    ++errors;
  }
  if (parsed.file.is_signed && !context.security_txt_verified) {
    ++warnings;
    result.details.push_back(
        "signed, but the pack gives no OpenPGP key to verify it with (links.security_txt."
        "openpgp_key)");
  }
  if (parsed.file.expires_at) {
    const std::int64_t left = *parsed.file.expires_at - context.now;
    if (left > 0 && left < context.policy.securitytxt_expiry_warn_days * 86400) {
      ++warnings;
      result.details.push_back("expires within " +
                               std::to_string(context.policy.securitytxt_expiry_warn_days) +
                               " days (" + *parsed.file.expires + ")");
    }
  }
  if (errors > 0) {
    finish(result, Verdict::kFail, std::to_string(errors) + " RFC 9116 error(s)");
  } else if (warnings > 0) {
    finish(result, Verdict::kWarn, "valid, with " + std::to_string(warnings) + " warning(s)");
  } else {
    finish(result, Verdict::kPass, "valid and current");
  }
}

// https://<vendor domain>/.well-known/security.txt (RFC 9116 section 3); a domain written as an
// origin ("https://host:port") keeps its scheme and port. "" when the pack names no domain.
std::string well_known_security_txt(const PackManifest& manifest) {
  std::string origin = manifest.vendor.domain;
  while (!origin.empty() && origin.back() == '/') {
    origin.pop_back();
  }
  if (origin.empty()) {
    return "";
  }
  if (origin.find("://") == std::string::npos) {
    origin = "https://" + origin;
  }
  return origin + "/.well-known/security.txt";
}

bool has_finding(const verify::securitytxt::Parsed& parsed, std::string_view code) {
  return std::any_of(
      parsed.findings.begin(), parsed.findings.end(),
      [code](const verify::securitytxt::Finding& finding) { return finding.code == code; });
}

// With --online: fetches the vendor's live security.txt, runs the same rules on it as on the
// pack's copy (plus the retrieval rules), and lets it decide the verdict as the stronger
// evidence. A live file that has expired or lost its Contact while the pack's copy has not is
// INCONSISTENT (FAIL).
void check_security_txt_live(Context& context, CheckResult& result) {
  const std::string url = well_known_security_txt(context.manifest);
  if (url.empty()) {
    result.details.push_back(
        "live: the pack names no vendor domain to fetch /.well-known/security.txt from");
    at_least(result, Verdict::kWarn, "the live security.txt cannot be checked: no vendor domain");
    return;
  }
  const std::string pack_verdict(to_string(result.verdict));
  LiveOutcome live =
      fetch_live(context, result, "security.txt", url, verify::securitytxt::kMaxBytes + 1, true);
  if (!live.body) {
    result.details.push_back("live: " + live.problem);
    finish(result, Verdict::kFail, "no security.txt is served at " + url);
    return;
  }
  verify::securitytxt::CheckOptions options;
  options.now = context.now;
  options.retrieval_url = live.document->url;
  options.content_type = live.document->content_type;
  options.redirects = live.document->redirects;
  const auto link = context.manifest.links.find("security_txt");
  if (link != context.manifest.links.end() && !link->second.openpgp_key.empty()) {
    if (auto key = context.files.read(link->second.openpgp_key, kMaxSmallBytes)) {
      options.key = verify::pgp::KeySpec{std::move(*key), link->second.openpgp_fingerprint};
    }
  }
  auto report = verify::securitytxt::check(*live.body, options);
  if (!report) {
    result.details.push_back("live: signature check: " + report.error().to_string());
    options.key.reset();
    report = verify::securitytxt::check(*live.body, options);
  }
  verify::securitytxt::Parsed parsed =
      report ? std::move(report->parsed) : verify::securitytxt::parse(*live.body, context.now);
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const verify::securitytxt::Finding& finding : parsed.findings) {
    if (finding.severity == Severity::kInfo) {
      continue;
    }
    errors += finding.severity == Severity::kError ? 1U : 0U;
    warnings += finding.severity == Severity::kWarning ? 1U : 0U;
    result.details.push_back("live: " + std::string(to_string(finding.severity)) + " " +
                             finding.code + ": " + finding.message);
  }
  if (parsed.file.expires_at) {
    const std::int64_t left = *parsed.file.expires_at - context.now;
    if (left > 0 && left < context.policy.securitytxt_expiry_warn_days * 86400) {
      ++warnings;
      result.details.push_back("live: expires within " +
                               std::to_string(context.policy.securitytxt_expiry_warn_days) +
                               " days (" + *parsed.file.expires + ")");
    }
  }
  std::vector<std::string> inconsistent;
  if (context.security_txt) {
    const verify::securitytxt::Parsed& copy = *context.security_txt;
    if (has_finding(parsed, "SECTXT-EXPIRED") && !has_finding(copy, "SECTXT-EXPIRED")) {
      inconsistent.push_back("the live file expired (" + parsed.file.expires.value_or("?") +
                             ") but the pack's copy has not (" + copy.file.expires.value_or("?") +
                             ")");
    }
    if (parsed.file.contact.empty() && !copy.file.contact.empty()) {
      inconsistent.push_back("the live file gives no Contact but the pack's copy does (" +
                             join(copy.file.contact, ", ") + ")");
    }
    if (sha256_ref(*live.body) != context.security_txt_digest) {
      result.details.push_back("live: the live file differs from the pack's copy (" +
                               context.manifest.links.at("security_txt").file + ")");
    }
  }
  if (!inconsistent.empty()) {
    finish(result, Verdict::kFail, "INCONSISTENT with the pack: " + join(inconsistent, "; "));
  } else if (errors > 0) {
    finish(result, Verdict::kFail,
           "the live security.txt has " + std::to_string(errors) + " RFC 9116 error(s)");
  } else if (warnings > 0) {
    finish(result, Verdict::kWarn,
           "the live security.txt is valid, with " + std::to_string(warnings) + " warning(s)");
  } else {
    finish(result, Verdict::kPass, "the live security.txt is valid and current");
  }
  if (pack_verdict == "FAIL" && result.verdict != Verdict::kFail) {
    result.details.push_back(
        "live: the pack's copy failed, but the live file (stronger "
        "evidence) decides");
  }
}

void check_security_txt(Context& context, CheckResult& result) {
  check_security_txt_copy(context, result);
  if (is_online(context)) {
    check_security_txt_live(context, result);
  } else if (const std::string url = well_known_security_txt(context.manifest); !url.empty()) {
    note_offline(context, result, "security.txt", url);
  }
}

// Classifies a document copy by the topics it mentions; `topics` are (name, words).
// True when `word` occurs in `lower` at the start of a word ("port" in "ports", not in
// "support"); words that start with punctuation ("@") match anywhere.
bool has_word(std::string_view lower, std::string_view word) {
  for (std::size_t at = lower.find(word); at != std::string_view::npos;
       at = lower.find(word, at + 1)) {
    if (!is_ascii_alnum(word.front()) || at == 0 || !is_ascii_alnum(lower[at - 1])) {
      return true;
    }
  }
  return false;
}

std::size_t count_topics(
    std::string_view text,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& topics,
    std::vector<std::string>& missing) {
  const std::string lower = ascii_lower(text);
  std::size_t found = 0;
  for (const auto& [name, words] : topics) {
    bool any = false;
    for (const std::string& word : words) {
      any = any || has_word(lower, word);
    }
    if (any) {
      ++found;
    } else {
      missing.push_back(name);
    }
  }
  return found;
}

// Reads a link's local copy: the text, or an error put in `result`.
std::optional<std::string> link_copy(Context& context, const Link& link, CheckResult& result,
                                     std::string_view what) {
  if (link.file.empty()) {
    result.evidence.push_back({std::string(what) + " (URL only)", link.url, "", Strength::kE0});
    return std::nullopt;
  }
  auto text = context.files.read(link.file, kMaxSmallBytes);
  if (!text) {
    result.details.push_back(text.error().to_string());
    return std::nullopt;
  }
  result.evidence.push_back(
      {std::string(what) + " copy", link.file, sha256_ref(*text), Strength::kE1});
  return std::move(*text);
}

void check_vdp(Context& context, CheckResult& result) {
  const auto link = context.manifest.links.find("vulnerability_disclosure_policy");
  const bool policy_field = context.security_txt && !context.security_txt->file.policy.empty();
  if (link == context.manifest.links.end()) {
    if (policy_field) {
      result.evidence.push_back({"security.txt Policy field",
                                 context.security_txt->file.policy.front(), "", Strength::kE1});
      finish(result, Verdict::kAttested,
             "a policy URL is published in security.txt; its content is not checked offline");
      return;
    }
    finish(result, Verdict::kFail, "no vulnerability disclosure policy given");
    return;
  }
  std::string live_problem;
  const auto text = document_text(context, link->second, result, "disclosure policy", live_problem);
  if (!text) {
    finish(result, Verdict::kAttested,
           "a policy URL is given; add a copy to the pack to check its content offline");
    if (!live_problem.empty()) {
      at_least(result, Verdict::kWarn, live_problem);
    }
    return;
  }
  std::vector<std::string> missing;
  const std::size_t found =
      count_topics(*text,
                   {{"reporting channel", {"report", "contact", "submit"}},
                    {"scope", {"scope", "in scope", "products"}},
                    {"response time", {"working days", "business days", "within", "acknowledge"}}},
                   missing);
  for (const std::string& topic : missing) {
    result.details.push_back("does not mention a " + topic);
  }
  if (found == 3) {
    finish(result, Verdict::kPass, "the policy gives a channel, a scope and a response time");
  } else if (found == 0) {
    finish(result, Verdict::kFail, "the policy copy says nothing about how to report");
  } else {
    finish(result, Verdict::kWarn, "the policy lacks " + join(missing, ", "));
  }
  if (!live_problem.empty()) {
    at_least(result, Verdict::kWarn, live_problem);
  }
}

void check_confidential_route(Context& context, CheckResult& result) {
  if (!context.security_txt) {
    finish(result, Verdict::kFail, "no security.txt copy in the pack to find a contact in");
    return;
  }
  const verify::securitytxt::SecurityTxt& file = context.security_txt->file;
  bool web_form = false;
  bool mail = false;
  for (const std::string& contact : file.contact) {
    web_form = web_form || contact.rfind("https://", 0) == 0;
    mail = mail || contact.rfind("mailto:", 0) == 0;
  }
  result.evidence.push_back({"security.txt contacts",
                             context.manifest.links.at("security_txt").file,
                             context.security_txt_digest, Strength::kE1});
  if (web_form) {
    finish(result, Verdict::kPass, "an HTTPS reporting form is offered");
  } else if (mail && !file.encryption.empty()) {
    finish(result, Verdict::kPass, "an email contact with an encryption key is offered");
  } else if (mail) {
    finish(result, Verdict::kWarn, "plain email only: no HTTPS form or encryption key");
  } else {
    finish(result, Verdict::kFail, "no usable contact");
  }
}

// --- CSAF provider metadata -------------------------------------------------------------------

bool is_https(std::string_view url) {
  return url.rfind("https://", 0) == 0 && url.size() > 8;
}

bool is_fingerprint(std::string_view text) {
  return text.size() >= 40 && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

// Checks a CSAF 2.0 provider-metadata.json (CSAF 2.0 §7.1 requirement 7 and the provider schema's
// required members) as far as a machine can offline. Problems break the format or the role the
// file claims (FAIL); warnings are signals to review.
void check_provider_metadata(const json::Json& root, const std::string& file, std::int64_t now_days,
                             std::int64_t max_age_days, std::vector<std::string>& problems,
                             std::vector<std::string>& warnings, std::string& role) {
  const auto at = [&file](std::string_view pointer) { return file + "#" + std::string(pointer); };
  if (!root.is_object()) {
    problems.push_back(at("") + ": must be a JSON object, not " +
                       std::string(json::type_name(root)));
    return;
  }
  const auto string_member = [&](const json::Json& node, std::string_view pointer,
                                 const char* key) -> std::optional<std::string> {
    const auto found = node.find(key);
    if (found == node.end()) {
      problems.push_back(at(pointer) + ": the required member \"" + key + "\" is missing");
      return std::nullopt;
    }
    if (!found->is_string() || found->get<std::string>().empty()) {
      problems.push_back(at(std::string(pointer) + "/" + key) + ": must be a non-empty string");
      return std::nullopt;
    }
    return found->get<std::string>();
  };
  for (const char* key : {"list_on_CSAF_aggregators", "mirror_on_CSAF_aggregators"}) {
    const auto found = root.find(key);
    if (found == root.end()) {
      problems.push_back(at("") + ": the required member \"" + key + "\" is missing");
    } else if (!found->is_boolean()) {
      problems.push_back(at(std::string("/") + key) + ": must be true or false");
    }
  }
  if (const auto version = string_member(root, "", "metadata_version");
      version && *version != "2.0") {
    problems.push_back(at("/metadata_version") + ": must be \"2.0\", not \"" + *version + "\"");
  }
  if (const auto url = string_member(root, "", "canonical_url")) {
    if (!is_https(*url)) {
      problems.push_back(at("/canonical_url") + ": must be an https:// URL, not \"" + *url + "\"");
    } else if (url->size() < 23 ||
               url->compare(url->size() - 22, 22, "provider-metadata.json") != 0) {
      problems.push_back(at("/canonical_url") + ": must name the provider-metadata.json file");
    }
  }
  if (const auto updated = string_member(root, "", "last_updated")) {
    const auto seconds = verify::securitytxt::parse_rfc3339(*updated);
    if (!seconds) {
      problems.push_back(at("/last_updated") + ": \"" + *updated +
                         "\" is not an RFC 3339 date-time");
    } else {
      const std::int64_t day = *seconds >= 0 ? *seconds / 86400 : (*seconds - 86399) / 86400;
      if (now_days - day > max_age_days) {
        warnings.push_back(at("/last_updated") + ": last updated " + updated->substr(0, 10) + ", " +
                           std::to_string(now_days - day) + " days ago (more than " +
                           std::to_string(max_age_days) + ")");
      }
    }
  }
  if (const auto found = root.find("publisher"); found == root.end()) {
    problems.push_back(at("") + ": the required member \"publisher\" is missing");
  } else if (!found->is_object()) {
    problems.push_back(at("/publisher") + ": must be an object");
  } else {
    if (const auto category = string_member(*found, "/publisher", "category")) {
      static const std::set<std::string, std::less<>> kCategories = {
          "coordinator", "discoverer", "other", "translator", "user", "vendor"};
      if (kCategories.count(*category) == 0) {
        problems.push_back(at("/publisher/category") + ": \"" + *category +
                           "\" is not a CSAF publisher category");
      }
    }
    static_cast<void>(string_member(*found, "/publisher", "name"));
    if (const auto name_space = string_member(*found, "/publisher", "namespace");
        name_space && name_space->find("://") == std::string::npos) {
      problems.push_back(at("/publisher/namespace") + ": must be a URL");
    }
  }
  if (const auto value = string_member(root, "", "role")) {
    role = *value;
    if (role != "csaf_publisher" && role != "csaf_provider" && role != "csaf_trusted_provider") {
      problems.push_back(at("/role") + ": \"" + role +
                         "\" is not csaf_publisher, csaf_provider or csaf_trusted_provider");
    }
  }
  // Distributions: where the advisories are (a directory, or ROLIE feeds).
  std::size_t distributions = 0;
  if (const auto found = root.find("distributions"); found != root.end()) {
    if (!found->is_array()) {
      problems.push_back(at("/distributions") + ": must be an array");
    } else {
      for (std::size_t index = 0; index < found->size(); ++index) {
        const json::Json& entry = (*found)[index];
        const std::string pointer = "/distributions/" + std::to_string(index);
        if (!entry.is_object()) {
          problems.push_back(at(pointer) + ": must be an object");
          continue;
        }
        bool usable = false;
        if (const auto directory = entry.find("directory_url"); directory != entry.end()) {
          if (!directory->is_string() || !is_https(directory->get<std::string>())) {
            problems.push_back(at(pointer + "/directory_url") + ": must be an https:// URL");
          } else {
            usable = true;
          }
        }
        if (const auto rolie = entry.find("rolie"); rolie != entry.end()) {
          const auto feeds = rolie->is_object() ? rolie->find("feeds") : rolie->end();
          if (feeds == rolie->end() || !feeds->is_array() || feeds->empty()) {
            problems.push_back(at(pointer + "/rolie") + ": must list at least one feed");
          } else {
            for (std::size_t feed = 0; feed < feeds->size(); ++feed) {
              const json::Json& item = (*feeds)[feed];
              const std::string feed_pointer = pointer + "/rolie/feeds/" + std::to_string(feed);
              if (!item.is_object() || !item.contains("tlp_label") || !item.contains("url") ||
                  !item["url"].is_string() || !is_https(item["url"].get<std::string>())) {
                problems.push_back(at(feed_pointer) +
                                   ": a feed needs a tlp_label and an https:// url");
              } else {
                usable = true;
              }
            }
          }
        }
        if (!entry.contains("directory_url") && !entry.contains("rolie")) {
          problems.push_back(at(pointer) + ": gives neither directory_url nor rolie");
        }
        distributions += usable ? 1U : 0U;
      }
    }
  }
  if (distributions == 0 && (role == "csaf_provider" || role == "csaf_trusted_provider")) {
    problems.push_back(at("/distributions") + ": a " + role +
                       " must say where its advisories are (a directory_url or ROLIE feeds)");
  }
  // Keys: a trusted provider signs its advisories (CSAF 2.0 requirements 19 and 20).
  std::size_t keys = 0;
  if (const auto found = root.find("public_openpgp_keys"); found != root.end()) {
    if (!found->is_array()) {
      problems.push_back(at("/public_openpgp_keys") + ": must be an array");
    } else {
      for (std::size_t index = 0; index < found->size(); ++index) {
        const json::Json& key = (*found)[index];
        const std::string pointer = "/public_openpgp_keys/" + std::to_string(index);
        if (!key.is_object() || !key.contains("url") || !key["url"].is_string()) {
          problems.push_back(at(pointer) + ": a key needs a url");
          continue;
        }
        if (!is_https(key["url"].get<std::string>())) {
          problems.push_back(at(pointer + "/url") + ": must be an https:// URL");
          continue;
        }
        if (key.contains("fingerprint") &&
            (!key["fingerprint"].is_string() ||
             !is_fingerprint(key["fingerprint"].get<std::string>()))) {
          problems.push_back(at(pointer + "/fingerprint") +
                             ": must be at least 40 hexadecimal characters");
          continue;
        }
        if (!key.contains("fingerprint")) {
          warnings.push_back(at(pointer) + ": gives no fingerprint to check the key with");
        }
        ++keys;
      }
    }
  }
  if (keys == 0 && role == "csaf_trusted_provider") {
    problems.push_back(at("/public_openpgp_keys") +
                       ": a csaf_trusted_provider must publish its OpenPGP key(s)");
  }
}

void check_csaf_copy(Context& context, CheckResult& result) {
  const auto link = context.manifest.links.find("csaf_provider_metadata");
  if (link == context.manifest.links.end()) {
    if (is_saas(context)) {
      finish(result, Verdict::kNotApplicable,
             std::string(kSaasReason) + "; machine-readable advisories are optional for it");
    } else if (context.manifest.product.role == Role::kReseller) {
      finish(result, Verdict::kNotApplicable,
             "reseller: the developer publishes the advisories for its product");
    } else {
      finish(result, Verdict::kWarn,
             "no CSAF provider metadata linked: advisories cannot be received automatically");
    }
    return;
  }
  const Link& csaf = link->second;
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
  if (!csaf.url.empty() && !is_https(csaf.url)) {
    problems.push_back("assay-pack.json links csaf_provider_metadata at \"" + csaf.url +
                       "\", which is not an https:// URL");
  }
  if (csaf.file.empty()) {
    result.evidence.push_back({"CSAF provider metadata (URL only)", csaf.url, "", Strength::kE0});
    result.details.insert(result.details.end(), problems.begin(), problems.end());
    if (!problems.empty()) {
      finish(result, Verdict::kFail, "the CSAF provider metadata is not served over HTTPS");
    } else {
      finish(result, Verdict::kAttested,
             "a provider metadata URL is given; add a copy to the pack to check it offline");
    }
    return;
  }
  const auto text = context.files.read(csaf.file, kMaxSmallBytes);
  if (!text) {
    result.details.push_back(text.error().to_string());
    finish(result, Verdict::kFail, "the CSAF provider metadata copy cannot be read");
    return;
  }
  result.evidence.push_back(
      {"CSAF provider metadata copy", csaf.file, sha256_ref(*text), Strength::kE1});
  InputLimits limits;
  limits.max_bytes = kMaxSmallBytes;
  limits.max_depth = 16;
  const auto root = json::parse(*text, csaf.file, limits);
  if (!root) {
    result.details.push_back(root.error().to_string());
    finish(result, Verdict::kFail, "the CSAF provider metadata copy is not valid JSON");
    return;
  }
  std::string role;
  check_provider_metadata(*root, csaf.file, today(context), context.policy.csaf_max_age_days,
                          problems, warnings, role);
  if (!csaf.url.empty() && root->is_object()) {
    const auto canonical = root->find("canonical_url");
    if (canonical != root->end() && canonical->is_string() &&
        canonical->get<std::string>() != csaf.url) {
      warnings.push_back(csaf.file + "#/canonical_url: \"" + canonical->get<std::string>() +
                         "\" is not the linked URL \"" + csaf.url + "\"");
    }
  }
  if (role == "csaf_publisher") {
    warnings.push_back(csaf.file +
                       "#/role: csaf_publisher only: no distribution councils can "
                       "follow is promised");
  }
  result.details.insert(result.details.end(), problems.begin(), problems.end());
  result.details.insert(result.details.end(), warnings.begin(), warnings.end());
  if (role == "csaf_trusted_provider" && problems.empty()) {
    result.details.push_back(
        "hash files and OpenPGP signatures of the advisories themselves are not checked offline");
  }
  if (!problems.empty()) {
    finish(result, Verdict::kFail,
           std::to_string(problems.size()) + " problem(s) in the CSAF provider metadata");
  } else if (!warnings.empty()) {
    finish(result, Verdict::kWarn,
           "the CSAF provider metadata is valid, with " + std::to_string(warnings.size()) +
               " point(s) to review");
  } else {
    finish(result, Verdict::kPass, "valid CSAF provider metadata (" + role + ")");
  }
}

// With --online: fetches the linked provider-metadata.json and runs the same rules on it; the
// live document decides the verdict. Not served (any status but 200, refused, failed) is FAIL:
// CSAF 2.0 requires the file at its URL over TLS.
void check_csaf_live(Context& context, const Link& csaf, CheckResult& result) {
  LiveOutcome live =
      fetch_live(context, result, "CSAF provider metadata", csaf.url, kMaxSmallBytes);
  if (!live.body) {
    result.details.push_back("live: " + live.problem);
    finish(result, Verdict::kFail, "the CSAF provider metadata is not served at " + csaf.url);
    return;
  }
  const std::string& source = live.document->url;
  InputLimits limits;
  limits.max_bytes = kMaxSmallBytes;
  limits.max_depth = 16;
  const auto root = json::parse(*live.body, source, limits);
  if (!root) {
    result.details.push_back("live: " + root.error().to_string());
    finish(result, Verdict::kFail, "the live CSAF provider metadata is not valid JSON");
    return;
  }
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
  std::string role;
  check_provider_metadata(*root, source, today(context), context.policy.csaf_max_age_days, problems,
                          warnings, role);
  if (root->is_object()) {
    const auto canonical = root->find("canonical_url");
    if (canonical != root->end() && canonical->is_string() &&
        canonical->get<std::string>() != source) {
      warnings.push_back(source + "#/canonical_url: \"" + canonical->get<std::string>() +
                         "\" is not the URL it was fetched from");
    }
  }
  if (role == "csaf_publisher") {
    warnings.push_back(source +
                       "#/role: csaf_publisher only: no distribution councils can follow is "
                       "promised");
  }
  for (const std::string& problem : problems) {
    result.details.push_back("live: " + problem);
  }
  for (const std::string& warning : warnings) {
    result.details.push_back("live: " + warning);
  }
  if (!problems.empty()) {
    finish(result, Verdict::kFail,
           std::to_string(problems.size()) + " problem(s) in the live CSAF provider metadata");
  } else if (!warnings.empty()) {
    finish(result, Verdict::kWarn,
           "the live CSAF provider metadata is valid, with " + std::to_string(warnings.size()) +
               " point(s) to review");
  } else {
    finish(result, Verdict::kPass, "valid live CSAF provider metadata (" + role + ")");
  }
}

void check_csaf_provider(Context& context, CheckResult& result) {
  check_csaf_copy(context, result);
  const auto link = context.manifest.links.find("csaf_provider_metadata");
  if (link == context.manifest.links.end() || link->second.url.empty()) {
    return;
  }
  if (is_online(context)) {
    check_csaf_live(context, link->second, result);
  } else {
    note_offline(context, result, "CSAF provider metadata", link->second.url);
  }
}

// --- support ----------------------------------------------------------------------------------

void check_support_info(Context& context, CheckResult& result) {
  std::size_t incomplete = 0;
  for (const Release& release : context.manifest.releases) {
    if (release.support.level.empty() || release.support.end_of_support.empty()) {
      ++incomplete;
      result.details.push_back(
          "release " + release.version + " states no " +
          (release.support.level.empty() ? "support level" : "end-of-support date"));
    } else {
      result.evidence.push_back({"support for " + release.version + ": " + release.support.level +
                                     " until " + release.support.end_of_support,
                                 "assay-pack.json", "", Strength::kE0});
    }
  }
  std::size_t links = 0;
  std::vector<std::string> live_problems;
  for (const std::string_view name : {"support_policy", "end_of_support_data"}) {
    const auto link = context.manifest.links.find(std::string(name));
    if (link == context.manifest.links.end()) {
      result.details.push_back("no " + std::string(name) + " link");
      continue;
    }
    ++links;
    result.evidence.push_back({std::string(name), link->second.url, "", Strength::kE1});
    if (!is_online(context)) {
      note_offline(context, result, name, link->second.url);
    } else if (link->second.url.empty()) {
      live_problems.push_back("no URL is given for " + std::string(name));
    } else if (const LiveOutcome live =
                   fetch_live(context, result, name, link->second.url, kMaxLiveBytes);
               !live.body) {
      live_problems.push_back("the published " + std::string(name) +
                              " does not answer: " + live.problem);
    }
  }
  for (const std::string& problem : live_problems) {
    result.details.push_back("live: " + problem);
  }
  if (context.manifest.releases.empty() || incomplete > 0) {
    finish(result, Verdict::kFail, "support information missing for some versions");
  } else if (links < 2) {
    finish(result, Verdict::kWarn, "dates stated, but the support policy is not fully published");
  } else {
    finish(result, Verdict::kPass,
           "every version has a support level and end-of-support date, and the policy is "
           "published");
  }
  if (!live_problems.empty()) {
    at_least(result, Verdict::kWarn, live_problems.front());
  }
}

void check_notice(Context& context, CheckResult& result) {
  std::size_t short_notice = 0;
  std::size_t unknown = 0;
  std::size_t soon = 0;
  std::size_t checked = 0;
  const std::int64_t now_days = today(context);
  for (const Release& release : context.manifest.releases) {
    const auto end = date_to_days(release.support.end_of_support);
    if (!end) {
      ++unknown;
      result.details.push_back("release " + release.version + ": no end-of-support date");
      continue;
    }
    const auto announced = date_to_days(release.support.announced);
    if (!announced) {
      ++unknown;
      result.details.push_back("release " + release.version +
                               ": no date when end of support was announced");
      continue;
    }
    ++checked;
    const std::int64_t notice = *end - *announced;
    if (notice < context.policy.eos_notice_days) {
      ++short_notice;
      result.details.push_back("release " + release.version + ": end of support " +
                               release.support.end_of_support + " announced " +
                               release.support.announced + ", " + std::to_string(notice) +
                               " days' notice (at least " +
                               std::to_string(context.policy.eos_notice_days) + " required)");
    } else {
      result.evidence.push_back({"end of support of " + release.version + " announced " +
                                     std::to_string(notice) + " days ahead",
                                 "assay-pack.json", "", Strength::kE0});
    }
    if (*end - now_days < context.policy.eos_warn_within_days) {
      ++soon;
      result.details.push_back(
          "release " + release.version +
          (*end < now_days ? " is already out of support (since " : " reaches end of support on ") +
          release.support.end_of_support + (*end < now_days ? ")" : ""));
    }
  }
  if (short_notice > 0) {
    finish(result, Verdict::kFail,
           std::to_string(short_notice) + " end-of-support date(s) announced at short notice");
  } else if (checked == 0) {
    finish(result, Verdict::kFail, "no end-of-support dates with announcement dates to check");
  } else if (unknown > 0 || soon > 0) {
    finish(result, Verdict::kWarn,
           soon > 0 ? "notice was long enough, but a version ends support within a year"
                    : "some versions lack the dates to check notice");
  } else {
    finish(result, Verdict::kPass, "every end-of-support date was announced a year or more ahead");
  }
}

void check_incident_plan(Context& context, CheckResult& result) {
  const auto link = context.manifest.links.find("incident_support_plan");
  if (link == context.manifest.links.end()) {
    finish(result, Verdict::kFail, "no incident support plan given");
    return;
  }
  std::string live_problem;
  const auto text =
      document_text(context, link->second, result, "incident support plan", live_problem);
  if (!text) {
    finish(result, Verdict::kAttested,
           "a plan URL is given; add a copy to the pack to check its content offline");
    if (!live_problem.empty()) {
      at_least(result, Verdict::kWarn, live_problem);
    }
    return;
  }
  std::vector<std::string> missing;
  const std::size_t found =
      count_topics(*text,
                   {{"contacts", {"contact", "@", "telephone", "phone"}},
                    {"notification timescales", {"hours", "notify", "within"}},
                    {"roles", {"role", "responsib", "incident manager"}},
                    {"communications", {"communicat", "updates", "status page"}},
                    {"post-incident report", {"post-incident", "root cause", "lessons"}}},
                   missing);
  for (const std::string& topic : missing) {
    result.details.push_back("does not cover " + topic);
  }
  if (found >= 4) {
    finish(result, Verdict::kPass, "the plan covers " + std::to_string(found) + " of 5 topics");
  } else if (found == 0) {
    finish(result, Verdict::kFail, "the plan copy covers none of the expected topics");
  } else {
    finish(result, Verdict::kWarn,
           "the plan covers only " + std::to_string(found) + " of 5 topics");
  }
  if (!live_problem.empty()) {
    at_least(result, Verdict::kWarn, live_problem);
  }
}

void check_secure_config(Context& context, CheckResult& result) {
  const auto link = context.manifest.links.find("secure_configuration_guide");
  if (link == context.manifest.links.end()) {
    finish(result, Verdict::kFail, "no secure configuration guide given");
    return;
  }
  std::string live_problem;
  const auto text =
      document_text(context, link->second, result, "secure configuration guide", live_problem);
  if (!text) {
    finish(result, Verdict::kAttested,
           "a guide URL is given; add a copy to the pack to check its content offline");
    if (!live_problem.empty()) {
      at_least(result, Verdict::kWarn, live_problem);
    }
    return;
  }
  std::vector<std::string> missing;
  const std::size_t found = count_topics(
      *text,
      {{"applying updates", {"update", "patch", "upgrade"}},
       {"multi-factor authentication", {"multi-factor", "mfa", "two-factor", "2fa"}},
       {"backups", {"backup", "back up", "restore"}},
       {"least privilege",
        {"least privilege", "least-privilege", "administrator account", "admin account"}},
       {"ports and firewall rules", {"port", "firewall"}}},
      missing);
  for (const std::string& topic : missing) {
    result.details.push_back("does not cover " + topic);
  }
  if (found >= 4) {
    finish(result, Verdict::kPass, "the guide covers " + std::to_string(found) + " of 5 topics");
  } else if (found >= 2) {
    finish(result, Verdict::kWarn,
           "the guide covers only " + std::to_string(found) + " of 5 topics");
  } else {
    finish(result, Verdict::kFail, "the guide covers " + std::to_string(found) + " of 5 topics");
  }
  if (!live_problem.empty()) {
    at_least(result, Verdict::kWarn, live_problem);
  }
}

// --- certificates -----------------------------------------------------------------------------

void check_cyber_essentials(Context& context, CheckResult& result) {
  const std::int64_t now_days = today(context);
  const CertificateInfo* best = nullptr;
  for (const CertificateInfo& certificate : context.manifest.certificates) {
    if (certificate.scheme != "cyber-essentials" && certificate.scheme != "cyber-essentials-plus") {
      continue;
    }
    const auto expires = date_to_days(certificate.expires);
    const auto best_expires = best != nullptr ? date_to_days(best->expires) : std::nullopt;
    if (best == nullptr || (expires && (!best_expires || *expires > *best_expires))) {
      best = &certificate;
    }
  }
  if (best == nullptr) {
    finish(result, Verdict::kFail, "no Cyber Essentials certificate declared");
    return;
  }
  result.evidence.push_back({best->scheme + " certificate " + best->number +
                                 (best->issuer.empty() ? "" : " from " + best->issuer),
                             best->file.empty() ? "assay-pack.json" : best->file, "",
                             Strength::kE0});
  const auto expires = date_to_days(best->expires);
  const auto issued = date_to_days(best->issued);
  if (!expires || *expires < now_days) {
    finish(result, Verdict::kFail, "the certificate expired on " + best->expires);
  } else if (issued && now_days - *issued > 365) {
    finish(result, Verdict::kFail,
           "the certificate was issued on " + best->issued + ", more than twelve months ago");
  } else if (context.policy.require_cyber_essentials_plus &&
             best->scheme != "cyber-essentials-plus") {
    finish(result, Verdict::kFail, "the policy requires Cyber Essentials Plus");
  } else if (*expires - now_days < context.policy.certificate_warn_days) {
    finish(result, Verdict::kWarn, "the certificate expires soon, on " + best->expires);
  } else {
    result.details.push_back("confirm it in the IASME certificate directory");
    finish(result, Verdict::kPass, best->scheme + " certificate in date until " + best->expires);
  }
}

void check_iso(Context& context, CheckResult& result) {
  const std::int64_t now_days = today(context);
  const CertificateInfo* iso = nullptr;
  for (const CertificateInfo& certificate : context.manifest.certificates) {
    if (certificate.scheme == "iso-27001") {
      iso = &certificate;
    }
  }
  if (iso == nullptr) {
    finish(result, Verdict::kNotApplicable, "no ISO/IEC 27001 certificate declared (optional)");
    return;
  }
  result.evidence.push_back({"ISO/IEC 27001 certificate " + iso->number,
                             iso->file.empty() ? "assay-pack.json" : iso->file, "", Strength::kE0});
  const auto expires = date_to_days(iso->expires);
  if (!expires || *expires < now_days) {
    finish(result, Verdict::kFail, "the certificate expired on " + iso->expires);
  } else if (*expires - now_days < context.policy.certificate_warn_days) {
    finish(result, Verdict::kWarn, "the certificate expires soon, on " + iso->expires);
  } else {
    finish(result, Verdict::kAttested,
           "in date until " + iso->expires + "; confirm it with the certification body's register");
  }
}

// --- self-assessment --------------------------------------------------------------------------

void check_self_assessment(Context& context, CheckResult& result) {
  const SelfAssessment& self = context.manifest.self_assessment;
  if (!self.present) {
    context.self_assessment_usable = false;
    finish(result, Verdict::kFail, "no self-assessment in the pack");
    return;
  }
  std::vector<std::string> fatal;
  if (self.senior_responsible_owner.name.empty() || self.senior_responsible_owner.role.empty()) {
    fatal.push_back("no senior responsible owner named with their role");
  }
  const auto signed_on = date_to_days(self.senior_responsible_owner.date);
  const std::int64_t now_days = today(context);
  if (!signed_on) {
    fatal.push_back("the sign-off is not dated");
  } else if (now_days - *signed_on > context.policy.self_assessment_max_age_days) {
    fatal.push_back("signed off on " + self.senior_responsible_owner.date + ", more than " +
                    std::to_string(context.policy.self_assessment_max_age_days) + " days ago");
  } else if (*signed_on > now_days) {
    fatal.push_back("the sign-off date " + self.senior_responsible_owner.date +
                    " is in the future");
  }
  std::size_t unanswered = 0;
  std::size_t weak = 0;
  std::set<std::string> answered;
  for (const ClaimAnswer& answer : self.claims) {
    answered.insert(answer.id);
    if (answer.status == ClaimStatus::kMet && answer.evidence.empty()) {
      ++weak;
      result.details.push_back(answer.id + ": marked met without evidence");
    } else if (answer.status == ClaimStatus::kPartial) {
      ++weak;
      result.details.push_back(answer.id + ": partially met");
    } else if (answer.status == ClaimStatus::kNotApplicable && answer.na_reason.empty()) {
      ++weak;
      result.details.push_back(answer.id + ": marked n/a without a reason");
    }
    for (const EvidenceRef& evidence : answer.evidence) {
      if (evidence.path.empty()) {
        continue;
      }
      auto bytes = context.files.read(evidence.path, kMaxDocumentBytes);
      if (!bytes) {
        fatal.push_back(answer.id + ": evidence " + bytes.error().to_string());
        continue;
      }
      const std::string digest = verify::digest::compute(*bytes).sha256;
      if (!evidence.sha256.empty() && evidence.sha256 != digest) {
        fatal.push_back(answer.id + ": evidence " + evidence.path +
                        " does not match its declared sha256");
      }
    }
  }
  for (const Entry* claim : context.final_catalogue.of_kind(EntryKind::kClaim)) {
    if (context.final_catalogue.applies_to(*claim, context.manifest.product.role) &&
        answered.count(claim->id) == 0) {
      ++unanswered;
    }
  }
  if (unanswered > 0) {
    fatal.push_back(std::to_string(unanswered) + " applicable claim(s) not answered");
  }
  result.evidence.push_back({"self-assessment signed off by " + self.senior_responsible_owner.name +
                                 " (" + self.senior_responsible_owner.role + ") on " +
                                 self.senior_responsible_owner.date,
                             "assay-pack.json", "", Strength::kE0});
  for (const std::string& problem : fatal) {
    result.details.insert(result.details.begin(), problem);
  }
  if (!fatal.empty()) {
    context.self_assessment_usable = false;
    finish(result, Verdict::kFail, fatal.front());
  } else if (weak > 0) {
    finish(result, Verdict::kWarn, std::to_string(weak) + " claim(s) partial or without evidence");
  } else {
    finish(result, Verdict::kPass, "every applicable claim answered, with evidence, signed off");
  }
}

}  // namespace

std::vector<std::string> all_check_ids() {
  std::vector<std::string> ids;
  for (const CheckDef& definition : definitions()) {
    ids.emplace_back(definition.id);
  }
  return ids;
}

void load_pack_documents(Context& context) {
  for (const Release& release : context.manifest.releases) {
    for (const DocumentRef& ref : release.sboms) {
      LoadedSbom sbom;
      sbom.release = &release;
      sbom.ref = &ref;
      auto text = context.files.read(ref.path, kMaxDocumentBytes);
      if (!text) {
        sbom.error = text.error().to_string();
      } else if (sbom.digest = sha256_ref(*text);
                 !ref.sha256.empty() && sbom.digest != "sha256:" + ref.sha256) {
        sbom.error = "the file's SHA-256 is not the sha256 the manifest declares for it";
      } else {
        auto report = formats::validate_sbom(*text, ref.path);
        if (!report) {
          sbom.error = report.error().to_string();
        } else {
          sbom.report = std::move(*report);
          if (!sbom.report->readable) {
            sbom.error = "cannot be read as an SBOM";
            for (const Diagnostic& diagnostic : sbom.report->diagnostics) {
              if (diagnostic.severity == Severity::kError) {
                sbom.error = diagnostic.to_string();
                break;
              }
            }
          }
        }
      }
      context.sboms.push_back(std::move(sbom));
    }
    for (const DocumentRef& ref : release.vex) {
      LoadedVex vex;
      vex.release = &release;
      vex.ref = &ref;
      auto text = context.files.read(ref.path, kMaxDocumentBytes);
      if (!text) {
        vex.error = text.error().to_string();
      } else if (vex.digest = sha256_ref(*text);
                 !ref.sha256.empty() && vex.digest != "sha256:" + ref.sha256) {
        vex.error = "the file's SHA-256 is not the sha256 the manifest declares for it";
      } else {
        auto parsed = formats::read_vex(*text, ref.path);
        if (!parsed) {
          vex.error = parsed.error().to_string();
        } else {
          vex.format = parsed->value.format;
          vex.statements = std::move(parsed->value.statements);
        }
      }
      context.vex.push_back(std::move(vex));
    }
  }
  const auto link = context.manifest.links.find("security_txt");
  if (link != context.manifest.links.end() && !link->second.file.empty()) {
    auto text = context.files.read(link->second.file, verify::securitytxt::kMaxBytes + 1);
    if (!text) {
      context.security_txt_error = text.error().to_string();
      return;
    }
    context.security_txt_digest = sha256_ref(*text);
    if (link->second.openpgp_key.empty()) {
      context.security_txt = verify::securitytxt::parse(*text, context.now);
      return;
    }
    auto key = context.files.read(link->second.openpgp_key, kMaxSmallBytes);
    if (!key) {
      context.security_txt_error = key.error().to_string();
      context.security_txt = verify::securitytxt::parse(*text, context.now);
      return;
    }
    verify::securitytxt::CheckOptions options;
    options.now = context.now;
    options.key = verify::pgp::KeySpec{std::move(*key), link->second.openpgp_fingerprint};
    auto report = verify::securitytxt::check(*text, options);
    if (!report) {
      context.security_txt_error = "signature check: " + report.error().to_string();
      context.security_txt = verify::securitytxt::parse(*text, context.now);
      return;
    }
    context.security_txt_verified = true;
    context.security_txt = std::move(report->parsed);
  }
}

Result<void> scan_sboms(Context& context) {
  if (context.source == nullptr) {
    return {};
  }
  for (const LoadedSbom& sbom : context.sboms) {
    if (!sbom.error.empty() || !sbom.report->readable) {
      continue;
    }
    std::vector<model::VexStatement> statements = sbom.report->sbom.vulnerabilities;
    for (const LoadedVex& vex : context.vex) {
      if (vex.release == sbom.release) {
        statements.insert(statements.end(), vex.statements.begin(), vex.statements.end());
      }
    }
    ASSAY_TRY(match::ScanResult scanned,
              match::scan(sbom.report->sbom, statements, *context.source));
    context.scans.push_back({&sbom, std::move(scanned)});
  }
  return {};
}

std::vector<CheckResult> run_checks(Context& context) {
  using Runner = void (*)(Context&, CheckResult&);
  static const std::map<std::string_view, Runner> kRunners = {
      {"CHK-SBOM-01", check_sbom_present},      {"CHK-SBOM-02", check_sbom_quality},
      {"CHK-SBOM-03", check_sbom_binding},      {"CHK-SBOM-04", check_sbom_depth},
      {"CHK-VULN-01", check_vulnerabilities},   {"CHK-VULN-02", check_vex},
      {"CHK-VULN-03", check_end_of_life},       {"CHK-PATCH-01", check_patch_timeliness},
      {"CHK-DIST-01", check_channels},          {"CHK-DIST-02", check_signatures},
      {"CHK-DIST-03", check_provenance},        {"CHK-DIST-04", check_digests},
      {"CHK-SECTXT-01", check_security_txt},    {"CHK-VDP-01", check_vdp},
      {"CHK-VDP-02", check_confidential_route}, {"CHK-CSAF-01", check_csaf_provider},
      {"CHK-EOX-01", check_support_info},       {"CHK-EOX-02", check_notice},
      {"CHK-INC-01", check_incident_plan},      {"CHK-DOC-01", check_secure_config},
      {"CHK-CE-01", check_cyber_essentials},    {"CHK-CERT-01", check_iso},
      {"CHK-SSCOP-01", check_self_assessment},
  };
  std::vector<CheckResult> results;
  for (const CheckDef& definition : definitions()) {
    CheckResult result;
    result.id = std::string(definition.id);
    result.title = std::string(definition.title);
    result.claims = definition.claims;
    result.explanation = std::string(definition.explanation);
    result.remediation = std::string(definition.remediation);
    result.question = std::string(definition.question);
    const auto runner = kRunners.find(definition.id);
    if (runner != kRunners.end()) {
      runner->second(context, result);
    }
    results.push_back(std::move(result));
  }
  return results;
}

ProviderMetadataReport provider_metadata_report(std::string_view text, std::string_view file,
                                                std::int64_t now_days, std::int64_t max_age_days) {
  ProviderMetadataReport report;
  InputLimits limits;
  limits.max_bytes = kMaxSmallBytes;
  limits.max_depth = 16;
  const auto root = json::parse(text, file, limits);
  if (!root) {
    report.problems.push_back(root.error().to_string());
    return report;
  }
  check_provider_metadata(*root, std::string(file), now_days, max_age_days, report.problems,
                          report.warnings, report.role);
  return report;
}

}  // namespace assay::assess::internal

namespace assay::assess {

ProviderMetadataReport check_csaf_provider_metadata(std::string_view text, std::string_view file,
                                                    std::int64_t now_days,
                                                    std::int64_t max_age_days) {
  return internal::provider_metadata_report(text, file, now_days, max_age_days);
}

}  // namespace assay::assess
