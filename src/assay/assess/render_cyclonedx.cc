// The assessment as a CycloneDX 1.6 attestation (docs/formats/assessment-cyclonedx.md): the
// catalogue's claims become a standard's requirements, Assay is the (third-party) assessor, the
// vendor's product the target, and each claim's verdict, reason and evidence (with digests) a
// claim mapped to its requirement with a conformance and confidence score.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "assay/assess/assessment.h"
#include "assay/core/json.h"
#include "assay/verify/digest.h"

namespace assay::assess {

namespace {

using json::OrderedJson;

constexpr std::string_view kTargetRef = "assay:target/product";
constexpr std::string_view kVendorRef = "assay:target/vendor";
constexpr std::string_view kAssessorRef = "assay:assessor";
constexpr std::string_view kStandardRef = "assay:standard";

std::string requirement_ref(std::string_view id) {
  return "assay:requirement/" + std::string(id);
}

// How well the claim meets its requirement, as CycloneDX's 0..1 conformance score.
double conformance(Verdict verdict) {
  switch (verdict) {
    case Verdict::kPass:
    case Verdict::kNotApplicable:
      return 1.0;
    case Verdict::kAttested:
    case Verdict::kWarn:
      return 0.5;
    case Verdict::kFail:
      break;
  }
  return 0.0;
}

// How sure the verdict is, from the strongest evidence behind it (E3 Assay's own check ... E0
// the vendor's word, nothing at all 0).
double confidence(const std::vector<EvidenceItem>& evidence, std::string& rationale) {
  int best = -1;
  for (const EvidenceItem& item : evidence) {
    best = std::max(best, static_cast<int>(item.strength));
  }
  if (best < 0) {
    rationale = "no evidence in the pack";
    return 0.0;
  }
  rationale = "strongest evidence " + std::string(to_string(static_cast<Strength>(best))) +
              " (E0 vendor statement, E1 vendor-published, E2 vendor-signed and bound to the "
              "release, E3 verified by Assay)";
  return 0.25 * (best + 1);
}

// A deterministic UUID (version 5 layout) from the assessment's own JSON, so the same assessment
// always gets the same serial number.
std::string serial_number(const Assessment& assessment) {
  std::string hex = verify::digest::compute(to_json(assessment)).sha256;
  hex.resize(32);
  hex[12] = '5';
  const char variant[] = "89ab";
  hex[16] = variant[(hex[16] >= 'a' ? hex[16] - 'a' + 10 : hex[16] - '0') % 4];
  return "urn:uuid:" + hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

// "sha256:<hex>" as a CycloneDX hash, or nothing for other forms.
std::optional<OrderedJson> hash_of(std::string_view digest) {
  static const std::map<std::string_view, std::string_view> kAlgorithms = {
      {"sha256:", "SHA-256"}, {"sha384:", "SHA-384"}, {"sha512:", "SHA-512"}};
  for (const auto& [prefix, name] : kAlgorithms) {
    if (digest.rfind(prefix, 0) == 0 && digest.size() > prefix.size()) {
      return OrderedJson{{"alg", name}, {"content", std::string(digest.substr(prefix.size()))}};
    }
  }
  return std::nullopt;
}

}  // namespace

std::string to_cyclonedx(const Assessment& assessment, std::string_view tool_version) {
  const PackManifest& manifest = assessment.manifest;
  OrderedJson root{{"bomFormat", "CycloneDX"},
                   {"specVersion", "1.6"},
                   {"serialNumber", serial_number(assessment)},
                   {"version", 1}};
  OrderedJson tool{{"type", "application"}, {"name", "assay"}};
  if (!tool_version.empty()) {
    tool["version"] = std::string(tool_version);
  }
  OrderedJson product{
      {"type", "application"}, {"bom-ref", kTargetRef}, {"name", manifest.product.name}};
  if (!manifest.product.description.empty()) {
    product["description"] = manifest.product.description;
  }
  if (!manifest.vendor.legal_name.empty()) {
    product["supplier"] = {{"name", manifest.vendor.legal_name}};
  }
  if (!manifest.releases.empty()) {
    product["version"] = manifest.releases.back().version;
  }
  OrderedJson metadata;
  if (!assessment.assessed_at.empty()) {
    metadata["timestamp"] = assessment.assessed_at;
  }
  metadata["tools"] = {{"components", OrderedJson::array({tool})}};
  metadata["properties"] = OrderedJson::array(
      {{{"name", "assay:assessment:overall"}, {"value", to_string(assessment.overall)}},
       {{"name", "assay:assessment:catalogue"}, {"value", assessment.catalogue_id}},
       {{"name", "assay:assessment:inconsistent"},
        {"value", std::to_string(assessment.inconsistent)}},
       {{"name", "assay:assessment:pack"}, {"value", assessment.pack}}});
  root["metadata"] = std::move(metadata);

  // The standard: the catalogue's items (themes, principles or provisions) and every claim.
  OrderedJson requirements = OrderedJson::array();
  std::set<std::string> item_ids;
  for (const ItemResult& item : assessment.items) {
    OrderedJson requirement{
        {"bom-ref", requirement_ref(item.id)}, {"identifier", item.id}, {"text", item.title}};
    if (!item.parent.empty()) {
      requirement["parent"] = requirement_ref(item.parent);
    }
    requirement["properties"] =
        OrderedJson::array({{{"name", "assay:verdict"}, {"value", to_string(item.verdict)}},
                            {{"name", "assay:reason"}, {"value", item.reason}}});
    requirements.push_back(std::move(requirement));
    item_ids.insert(item.id);
  }
  for (const ClaimResult& claim : assessment.claims) {
    if (item_ids.count(claim.id) != 0) {
      continue;
    }
    OrderedJson requirement{{"bom-ref", requirement_ref("claim/" + claim.id)},
                            {"identifier", claim.id},
                            {"text", claim.text}};
    if (item_ids.count(claim.principle) != 0) {
      requirement["parent"] = requirement_ref(claim.principle);
    }
    requirements.push_back(std::move(requirement));
  }
  root["definitions"] = {
      {"standards", OrderedJson::array({{{"bom-ref", kStandardRef},
                                         {"name", assessment.catalogue_title},
                                         {"version", assessment.catalogue_version},
                                         {"owner",
                                          "UK Department for Science, Innovation and Technology "
                                          "and the National Cyber Security Centre"},
                                         {"requirements", std::move(requirements)}}})}};

  // Evidence: one entry per distinct item (what, where, digest) any claim rests on.
  OrderedJson evidence = OrderedJson::array();
  std::map<std::string, std::string> evidence_refs;  // key -> bom-ref
  const auto evidence_ref = [&](const EvidenceItem& item) {
    const std::string key = item.what + '\n' + item.where + '\n' + item.digest;
    const auto found = evidence_refs.find(key);
    if (found != evidence_refs.end()) {
      return found->second;
    }
    const std::string ref = "assay:evidence/" + std::to_string(evidence_refs.size() + 1);
    evidence_refs.emplace(key, ref);
    OrderedJson data{{"name", item.what}};
    if (!item.where.empty()) {
      data["contents"] = {{"url", item.where}};
    }
    OrderedJson entry{{"bom-ref", ref},
                      {"propertyName", "assay:evidence:" + std::string(to_string(item.strength))},
                      {"description", item.what + (item.digest.empty() ? "" : " " + item.digest)},
                      {"data", OrderedJson::array({std::move(data)})}};
    if (!assessment.assessed_at.empty()) {
      entry["created"] = assessment.assessed_at;
    }
    evidence.push_back(std::move(entry));
    return ref;
  };

  OrderedJson claims = OrderedJson::array();
  OrderedJson map = OrderedJson::array();
  for (const ClaimResult& claim : assessment.claims) {
    const std::string claim_ref = "assay:claim/" + claim.id;
    OrderedJson entry{{"bom-ref", claim_ref}, {"target", kTargetRef}, {"predicate", claim.text}};
    std::string reasoning = "Assay verdict " + std::string(to_string(claim.verdict));
    if (claim.inconsistent) {
      reasoning += " (INCONSISTENT: the vendor says met, a check says FAIL)";
    }
    if (!claim.reason.empty()) {
      reasoning += ": " + claim.reason;
    }
    if (claim.vendor_status) {
      reasoning +=
          "; the vendor's self-assessment says " + std::string(to_string(*claim.vendor_status));
    }
    entry["reasoning"] = reasoning;
    OrderedJson refs = OrderedJson::array();
    std::set<std::string> seen;
    OrderedJson references = OrderedJson::array();
    for (const EvidenceItem& item : claim.evidence) {
      const std::string ref = evidence_ref(item);
      if (seen.insert(ref).second) {
        refs.push_back(ref);
      }
      const auto hash = hash_of(item.digest);
      if (hash && !item.where.empty()) {
        references.push_back({{"url", item.where},
                              {"comment", item.what},
                              {"type", "evidence"},
                              {"hashes", OrderedJson::array({*hash})}});
      }
    }
    if (claim.verdict == Verdict::kFail) {
      entry["counterEvidence"] = std::move(refs);
    } else {
      entry["evidence"] = std::move(refs);
    }
    if (!references.empty()) {
      entry["externalReferences"] = std::move(references);
    }
    claims.push_back(std::move(entry));

    std::string confidence_rationale;
    const double confidence_score = confidence(claim.evidence, confidence_rationale);
    map.push_back(
        {{"requirement",
          requirement_ref(item_ids.count(claim.id) != 0 ? claim.id : "claim/" + claim.id)},
         {"claims", OrderedJson::array({claim_ref})},
         {"conformance",
          {{"score", conformance(claim.verdict)},
           {"rationale", std::string(to_string(claim.verdict)) +
                             (claim.reason.empty() ? "" : ": " + claim.reason)}}},
         {"confidence", {{"score", confidence_score}, {"rationale", confidence_rationale}}}});
  }

  OrderedJson declarations;
  declarations["assessors"] = OrderedJson::array(
      {{{"bom-ref", kAssessorRef}, {"thirdParty", true}, {"organization", {{"name", "Assay"}}}}});
  declarations["attestations"] = OrderedJson::array(
      {{{"summary", "Assay's assessment of " + manifest.product.name + " from " +
                        manifest.vendor.legal_name + " against " + assessment.catalogue_title +
                        ": overall " + std::string(to_string(assessment.overall))},
        {"assessor", kAssessorRef},
        {"map", std::move(map)}}});
  declarations["claims"] = std::move(claims);
  declarations["evidence"] = std::move(evidence);
  OrderedJson organization{{"bom-ref", kVendorRef}, {"name", manifest.vendor.legal_name}};
  if (!manifest.vendor.domain.empty()) {
    organization["url"] = OrderedJson::array({"https://" + manifest.vendor.domain});
  }
  declarations["targets"] = {{"organizations", OrderedJson::array({std::move(organization)})},
                             {"components", OrderedJson::array({product})}};
  root["declarations"] = std::move(declarations);
  return root.dump(2) + "\n";
}

}  // namespace assay::assess
