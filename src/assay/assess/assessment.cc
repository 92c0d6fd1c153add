// The assessment: runs the checks, decides each claim (checks first, then the self-assessment),
// rolls verdicts up the chosen catalogue, reads policies and applies the gate.
#include "assay/assess/assessment.h"

#include <algorithm>
#include <set>

#include "assay/assess/internal/checks.h"
#include "assay/assess/internal/fields.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/quality.h"
#include "assay/verify/securitytxt.h"

namespace assay::assess {

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
      return "PASS";
    case Verdict::kFail:
      return "FAIL";
    case Verdict::kWarn:
      return "WARN";
    case Verdict::kAttested:
      return "ATTESTED";
    case Verdict::kNotApplicable:
      return "N/A";
  }
  return "FAIL";
}

int severity_rank(Verdict verdict) {
  switch (verdict) {
    case Verdict::kNotApplicable:
      return 0;
    case Verdict::kPass:
      return 1;
    case Verdict::kAttested:
      return 2;
    case Verdict::kWarn:
      return 3;
    case Verdict::kFail:
      return 4;
  }
  return 4;
}

std::string_view to_string(Strength strength) {
  switch (strength) {
    case Strength::kE0:
      return "E0";
    case Strength::kE1:
      return "E1";
    case Strength::kE2:
      return "E2";
    case Strength::kE3:
      return "E3";
  }
  return "E0";
}

std::optional<std::int64_t> date_to_days(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') {
    return std::nullopt;
  }
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lengths[3] = {4, 2, 2};
  for (std::size_t p = 0; p < 3; ++p) {
    for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (date[i] < '0' || date[i] > '9') {
        return std::nullopt;
      }
      parts[p] = parts[p] * 10 + (date[i] - '0');
    }
  }
  const int month = parts[1];
  const int day = parts[2];
  if (month < 1 || month > 12 || day < 1 || day > 31) {
    return std::nullopt;
  }
  // Days from civil (Howard Hinnant's algorithm).
  const std::int64_t y = parts[0] - (month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::vector<std::string> check_ids() {
  return internal::all_check_ids();
}

const CheckResult* Assessment::check(std::string_view id) const {
  for (const CheckResult& result : checks) {
    if (result.id == id) {
      return &result;
    }
  }
  return nullptr;
}

const ClaimResult* Assessment::claim(std::string_view id) const {
  for (const ClaimResult& result : claims) {
    if (result.id == id) {
      return &result;
    }
  }
  return nullptr;
}

const ItemResult* Assessment::item(std::string_view id) const {
  for (const ItemResult& result : items) {
    if (result.id == id) {
      return &result;
    }
  }
  return nullptr;
}

namespace {

Verdict worst_of(Verdict a, Verdict b) {
  return severity_rank(b) > severity_rank(a) ? b : a;
}

std::string role_phrase(Role role) {
  switch (role) {
    case Role::kReseller:
      return "a reseller";
    case Role::kDeveloperOnly:
      return "a developer-only organisation";
    case Role::kDeveloperDistributor:
      return "a developer and distributor";
  }
  return "this role";
}

ClaimResult decide_claim(const Entry& claim, const Catalogue& final_catalogue,
                         const PackManifest& manifest, const std::vector<CheckResult>& checks,
                         bool self_assessment_usable) {
  ClaimResult result;
  result.id = claim.id;
  result.text = claim.text;
  result.principle = claim.parent;
  const ClaimAnswer* answer = nullptr;
  for (const ClaimAnswer& candidate : manifest.self_assessment.claims) {
    if (candidate.id == claim.id) {
      answer = &candidate;
    }
  }
  if (answer != nullptr) {
    result.vendor_status = answer->status;
  }
  if (!final_catalogue.applies_to(claim, manifest.product.role)) {
    result.verdict = Verdict::kNotApplicable;
    result.reason = "the Code does not apply this claim to " + role_phrase(manifest.product.role);
    return result;
  }
  // Checks decide first.
  Verdict decided = Verdict::kNotApplicable;
  std::vector<std::string> reasons;
  for (const CheckResult& check : checks) {
    if (std::find(check.claims.begin(), check.claims.end(), claim.id) == check.claims.end() ||
        check.verdict == Verdict::kNotApplicable || check.verdict == Verdict::kAttested) {
      continue;
    }
    result.checks.push_back(check.id);
    result.evidence.insert(result.evidence.end(), check.evidence.begin(), check.evidence.end());
    if (severity_rank(check.verdict) >= severity_rank(decided)) {
      if (severity_rank(check.verdict) > severity_rank(decided)) {
        reasons.clear();
      }
      decided = check.verdict;
      reasons.push_back(check.id + ": " + check.summary);
    }
  }
  if (decided != Verdict::kNotApplicable) {
    result.verdict = decided;
    result.reason = reasons.front();
    result.inconsistent =
        decided == Verdict::kFail && answer != nullptr && answer->status == ClaimStatus::kMet;
    return result;
  }
  // No check decides: the vendor's self-assessment stands, if it is usable.
  for (const CheckResult& check : checks) {
    if (std::find(check.claims.begin(), check.claims.end(), claim.id) != check.claims.end()) {
      result.evidence.insert(result.evidence.end(), check.evidence.begin(), check.evidence.end());
      if (check.verdict == Verdict::kAttested) {
        result.checks.push_back(check.id);
      }
    }
  }
  if (!self_assessment_usable) {
    result.verdict = Verdict::kFail;
    result.reason = "no automatic evidence and no usable self-assessment (see CHK-SSCOP-01)";
    return result;
  }
  if (answer == nullptr) {
    result.verdict = Verdict::kFail;
    result.reason = "no automatic evidence and the self-assessment does not answer it";
    return result;
  }
  for (const EvidenceRef& evidence : answer->evidence) {
    result.evidence.push_back(
        {evidence.description.empty() ? "vendor evidence" : evidence.description,
         evidence.path.empty() ? evidence.url : evidence.path,
         evidence.sha256.empty() ? "" : "sha256:" + evidence.sha256, Strength::kE0});
  }
  switch (answer->status) {
    case ClaimStatus::kMet:
      result.verdict = answer->evidence.empty() ? Verdict::kWarn : Verdict::kAttested;
      result.reason = answer->evidence.empty()
                          ? "the vendor says met but names no evidence"
                          : "the vendor attests it is met; no automatic check covers it";
      break;
    case ClaimStatus::kPartial:
      result.verdict = Verdict::kWarn;
      result.reason = "the vendor says it is only partly met";
      break;
    case ClaimStatus::kNotMet:
      result.verdict = Verdict::kFail;
      result.reason = "the vendor says it is not met";
      break;
    case ClaimStatus::kNotApplicable:
      result.verdict = answer->na_reason.empty() ? Verdict::kWarn : Verdict::kNotApplicable;
      result.reason = answer->na_reason.empty()
                          ? "the vendor says not applicable without a reason"
                          : "not applicable according to the vendor: " + answer->na_reason;
      break;
  }
  return result;
}

Verdict roll_up(const std::vector<const ClaimResult*>& claims, std::string& reason) {
  Verdict verdict = Verdict::kNotApplicable;
  std::size_t counts[5] = {0, 0, 0, 0, 0};
  for (const ClaimResult* claim : claims) {
    verdict = worst_of(verdict, claim->verdict);
    ++counts[severity_rank(claim->verdict)];
  }
  std::vector<std::string> parts;
  const char* names[5] = {"N/A", "PASS", "ATTESTED", "WARN", "FAIL"};
  for (int rank = 4; rank >= 0; --rank) {
    if (counts[rank] > 0) {
      parts.push_back(std::to_string(counts[rank]) + " " + names[rank]);
    }
  }
  reason = "claims: " + (parts.empty() ? std::string("none") : join(parts, ", "));
  return verdict;
}

}  // namespace

Result<Assessment> assess(const PackFiles& files, const CatalogueSet& catalogues,
                          const Policy& policy, const AssessOptions& options) {
  const Catalogue* view = catalogues.find(options.catalogue);
  const Catalogue* final_catalogue = catalogues.find(kFinalCatalogue);
  if (view == nullptr || final_catalogue == nullptr) {
    return fail(ErrorCode::kInvalidInput, "unknown catalogue \"" + options.catalogue +
                                              "\" (choose final-2025 or draft-2024)");
  }
  PackValidation validation = validate_pack(files, catalogues);
  if (!validation.readable) {
    const Diagnostic& first = validation.diagnostics.front();
    return fail(ErrorCode::kInvalidInput, first.message, first.location);
  }
  Assessment assessment;
  assessment.pack = files.name();
  assessment.manifest = std::move(validation.manifest);
  assessment.pack_diagnostics = std::move(validation.diagnostics);
  assessment.catalogue_id = view->id();
  assessment.catalogue_title = view->document().title;
  assessment.catalogue_version = view->document().version;
  assessment.assessed_at = verify::securitytxt::format_rfc3339(options.now);

  internal::Context context(files, assessment.manifest, policy, *final_catalogue, options.now,
                            options.vulnerabilities, options.database_name);
  if (context.database_name.empty()) {
    context.database_name = "the vulnerability database";
  }
  context.fetch = options.fetch;
  internal::load_pack_documents(context);
  ASSAY_TRY_VOID(internal::scan_sboms(context));
  assessment.checks = internal::run_checks(context);
  assessment.online = static_cast<bool>(options.fetch);
  assessment.limited_to_pack = std::move(context.limited_to_pack);
  // A check whose claims the Code does not apply to the vendor's role is N/A, whatever it found:
  // a reseller is not failed on SBOM quality, which the Code leaves to the developer.
  for (CheckResult& check : assessment.checks) {
    if (check.claims.empty() || check.verdict == Verdict::kNotApplicable) {
      continue;
    }
    bool any_applies = false;
    for (const std::string& id : check.claims) {
      const Entry* claim = final_catalogue->find(id);
      any_applies =
          any_applies || (claim != nullptr &&
                          final_catalogue->applies_to(*claim, assessment.manifest.product.role));
    }
    if (!any_applies) {
      check.details.insert(
          check.details.begin(),
          "found: " + std::string(to_string(check.verdict)) + ", " + check.summary);
      check.verdict = Verdict::kNotApplicable;
      check.summary = "the Code does not apply claims " + join(check.claims, ", ") + " to " +
                      role_phrase(assessment.manifest.product.role);
    }
  }

  for (const Entry* claim : final_catalogue->of_kind(EntryKind::kClaim)) {
    assessment.claims.push_back(decide_claim(*claim, *final_catalogue, assessment.manifest,
                                             assessment.checks, context.self_assessment_usable));
  }
  // CHK-SSCOP-02: consistency of the self-assessment with the checks.
  for (CheckResult& check : assessment.checks) {
    if (check.id != "CHK-SSCOP-02") {
      continue;
    }
    std::vector<std::string> contradicted;
    for (const ClaimResult& claim : assessment.claims) {
      if (claim.inconsistent) {
        contradicted.push_back(claim.id);
        check.details.push_back(claim.id + " is marked met, but " + claim.reason);
      }
    }
    assessment.inconsistent = contradicted.size();
    if (!assessment.manifest.self_assessment.present) {
      check.verdict = Verdict::kNotApplicable;
      check.summary = "no self-assessment to compare";
    } else if (!contradicted.empty()) {
      check.verdict = Verdict::kFail;
      check.summary = "INCONSISTENT: " + std::to_string(contradicted.size()) +
                      " claim(s) marked met are contradicted by checks (" +
                      join(contradicted, ", ") + ")";
    } else {
      check.verdict = Verdict::kPass;
      check.summary = "no claim marked met is contradicted by a check";
    }
    check.evidence.push_back(
        {"self-assessment compared with every check", "assay-pack.json", "", Strength::kE3});
  }

  // Roll up the chosen catalogue.
  Verdict overall = Verdict::kNotApplicable;
  for (const Entry& entry : view->entries()) {
    if (entry.kind == EntryKind::kClaim) {
      continue;
    }
    ItemResult item;
    item.id = entry.id;
    item.kind = entry.kind;
    item.parent = entry.parent;
    item.title = entry.title;
    item.text = entry.text;
    item.level = entry.level;
    std::vector<const ClaimResult*> claims;
    for (const Entry* claim : catalogues.claims_of(*view, entry)) {
      item.claims.push_back(claim->id);
      if (const ClaimResult* result = assessment.claim(claim->id)) {
        claims.push_back(result);
      }
    }
    item.verdict = roll_up(claims, item.reason);
    if (!view->applies_to(entry, assessment.manifest.product.role)) {
      item.verdict = Verdict::kNotApplicable;
      item.reason =
          "the Code does not apply this to " + role_phrase(assessment.manifest.product.role);
    }
    if (entry.level == Level::kShould && item.verdict == Verdict::kFail) {
      item.verdict = Verdict::kWarn;
      item.reason += "; good practice (should), so a failure is a warning";
    }
    if (entry.parent.empty()) {
      overall = worst_of(overall, item.verdict);
    }
    assessment.items.push_back(std::move(item));
  }
  // A draft principle's verdict is the worst of its provisions (after the should downgrade).
  for (ItemResult& item : assessment.items) {
    if (!item.parent.empty()) {
      continue;
    }
    Verdict children = Verdict::kNotApplicable;
    bool any = false;
    for (const ItemResult& child : assessment.items) {
      if (child.parent == item.id) {
        children = worst_of(children, child.verdict);
        any = true;
      }
    }
    if (any && item.verdict != Verdict::kNotApplicable) {
      item.verdict = children;
    }
  }
  overall = Verdict::kNotApplicable;
  for (const ItemResult& item : assessment.items) {
    if (item.parent.empty()) {
      overall = worst_of(overall, item.verdict);
    }
  }
  assessment.overall = overall;
  return assessment;
}

GateResult apply_gate(const Assessment& assessment, const Policy& policy) {
  GateResult gate;
  const auto fails = [&policy](Verdict verdict) {
    return std::find(policy.fail_on.begin(), policy.fail_on.end(), verdict) != policy.fail_on.end();
  };
  for (const CheckResult& check : assessment.checks) {
    if (std::find(policy.ignore_checks.begin(), policy.ignore_checks.end(), check.id) !=
        policy.ignore_checks.end()) {
      continue;
    }
    if (fails(check.verdict)) {
      gate.passed = false;
      gate.reasons.push_back(check.id + " " + std::string(to_string(check.verdict)) + ": " +
                             check.summary);
    }
  }
  if (policy.fail_on_inconsistent && assessment.inconsistent > 0) {
    gate.passed = false;
    gate.reasons.push_back(std::to_string(assessment.inconsistent) +
                           " claim(s) INCONSISTENT with the checks");
  }
  return gate;
}

// --- policy -----------------------------------------------------------------------------------

Result<Policy> read_policy(std::string_view text, std::string_view source) {
  InputLimits limits;
  limits.max_bytes = 1024 * 1024;
  limits.max_depth = 8;
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  DiagnosticSink sink;
  const internal::Fields fields(root, std::string(source), "", sink, "POLICY");
  Policy policy;
  if (fields.is_object("a policy")) {
    fields.allow_only({"$schema",
                       "sbom_profile",
                       "sbom_required",
                       "require_signatures",
                       "critical_needs_vex",
                       "eos_notice_days",
                       "eos_warn_within_days",
                       "certificate_warn_days",
                       "require_cyber_essentials_plus",
                       "self_assessment_max_age_days",
                       "securitytxt_expiry_warn_days",
                       "vex_coverage_pass",
                       "vex_coverage_warn",
                       "patch_days_kev",
                       "patch_days_critical",
                       "patch_days_high",
                       "patch_late_warn_share",
                       "csaf_max_age_days",
                       "fail_on",
                       "fail_on_inconsistent",
                       "ignore_checks"});
    if (const json::Json* profile = fields.member("sbom_profile")) {
      policy.sbom_profile = fields.string("sbom_profile", true);
      if (profile->is_string() && !formats::parse_quality_profile(policy.sbom_profile)) {
        fields.error("BAD-VALUE", "unknown SBOM profile (expected ntia, bsi-tr-03183-2 or fsct)",
                     "sbom_profile");
      }
    }
    const auto flag = [&fields](std::string_view key, bool& out) {
      if (auto value = fields.boolean(key)) {
        out = *value;
      }
    };
    flag("sbom_required", policy.sbom_required);
    flag("require_signatures", policy.require_signatures);
    flag("critical_needs_vex", policy.critical_needs_vex);
    flag("require_cyber_essentials_plus", policy.require_cyber_essentials_plus);
    flag("fail_on_inconsistent", policy.fail_on_inconsistent);
    const auto days = [&fields](std::string_view key, std::int64_t& out) {
      if (auto value = fields.number(key)) {
        if (*value < 0 || *value > 36500 ||
            *value != static_cast<double>(static_cast<std::int64_t>(*value))) {
          fields.error("BAD-VALUE", "must be a whole number of days from 0 to 36500", key);
        } else {
          out = static_cast<std::int64_t>(*value);
        }
      }
    };
    days("eos_notice_days", policy.eos_notice_days);
    days("eos_warn_within_days", policy.eos_warn_within_days);
    days("certificate_warn_days", policy.certificate_warn_days);
    days("self_assessment_max_age_days", policy.self_assessment_max_age_days);
    days("securitytxt_expiry_warn_days", policy.securitytxt_expiry_warn_days);
    days("patch_days_kev", policy.patch_days_kev);
    days("patch_days_critical", policy.patch_days_critical);
    days("patch_days_high", policy.patch_days_high);
    days("csaf_max_age_days", policy.csaf_max_age_days);
    const auto share = [&fields](std::string_view key, double& out) {
      if (auto value = fields.number(key)) {
        if (*value < 0 || *value > 1) {
          fields.error("BAD-VALUE", "must be a share from 0 to 1", key);
        } else {
          out = *value;
        }
      }
    };
    share("vex_coverage_pass", policy.vex_coverage_pass);
    share("vex_coverage_warn", policy.vex_coverage_warn);
    share("patch_late_warn_share", policy.patch_late_warn_share);
    if (fields.member("fail_on") != nullptr) {
      policy.fail_on.clear();
      for (const std::string& name : fields.strings("fail_on", true)) {
        bool known = false;
        for (const Verdict verdict : {Verdict::kFail, Verdict::kWarn, Verdict::kAttested}) {
          if (name == to_string(verdict)) {
            policy.fail_on.push_back(verdict);
            known = true;
          }
        }
        if (!known) {
          fields.error("BAD-VALUE", "fail_on takes FAIL, WARN or ATTESTED, not \"" + name + "\"",
                       "fail_on");
        }
      }
    }
    if (fields.member("ignore_checks") != nullptr) {
      policy.ignore_checks = fields.strings("ignore_checks", true);
      const std::vector<std::string> known = check_ids();
      for (const std::string& id : policy.ignore_checks) {
        if (std::find(known.begin(), known.end(), id) == known.end()) {
          fields.error("BAD-VALUE", "unknown check \"" + id + "\"", "ignore_checks");
        }
      }
    }
  }
  for (const Diagnostic& diagnostic : sink.take()) {
    // A policy is a gate: anything it does not understand is an error, unknown fields included.
    return fail(ErrorCode::kInvalidInput, "[" + diagnostic.code + "] " + diagnostic.message,
                diagnostic.location);
  }
  return policy;
}

std::string default_policy_json() {
  const Policy policy;
  json::OrderedJson root;
  root["sbom_profile"] = policy.sbom_profile;
  root["sbom_required"] = policy.sbom_required;
  root["require_signatures"] = policy.require_signatures;
  root["critical_needs_vex"] = policy.critical_needs_vex;
  root["eos_notice_days"] = policy.eos_notice_days;
  root["eos_warn_within_days"] = policy.eos_warn_within_days;
  root["certificate_warn_days"] = policy.certificate_warn_days;
  root["require_cyber_essentials_plus"] = policy.require_cyber_essentials_plus;
  root["self_assessment_max_age_days"] = policy.self_assessment_max_age_days;
  root["securitytxt_expiry_warn_days"] = policy.securitytxt_expiry_warn_days;
  root["vex_coverage_pass"] = policy.vex_coverage_pass;
  root["vex_coverage_warn"] = policy.vex_coverage_warn;
  root["patch_days_kev"] = policy.patch_days_kev;
  root["patch_days_critical"] = policy.patch_days_critical;
  root["patch_days_high"] = policy.patch_days_high;
  root["patch_late_warn_share"] = policy.patch_late_warn_share;
  root["csaf_max_age_days"] = policy.csaf_max_age_days;
  root["fail_on"] = json::OrderedJson::array({"FAIL"});
  root["fail_on_inconsistent"] = policy.fail_on_inconsistent;
  root["ignore_checks"] = json::OrderedJson::array();
  return root.dump(2) + "\n";
}

}  // namespace assay::assess
