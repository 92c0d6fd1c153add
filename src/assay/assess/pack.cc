// The evidence pack manifest: reading (pure), validation against the pack's files and the
// catalogues, and the skeleton `assay pack init` writes.
#include "assay/assess/pack.h"

#include <map>
#include <set>

#include "assay/assess/internal/fields.h"
#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/formats/sbom.h"

namespace assay::assess {

std::string_view to_string(DeliveryModel model) {
  switch (model) {
    case DeliveryModel::kOnPremises:
      return "on-premises";
    case DeliveryModel::kSaas:
      return "saas";
    case DeliveryModel::kHybrid:
      return "hybrid";
  }
  return "on-premises";
}

std::string_view to_string(ClaimStatus status) {
  switch (status) {
    case ClaimStatus::kMet:
      return "met";
    case ClaimStatus::kPartial:
      return "partial";
    case ClaimStatus::kNotMet:
      return "not-met";
    case ClaimStatus::kNotApplicable:
      return "n/a";
  }
  return "not-met";
}

const std::vector<std::string_view>& link_names() {
  static const std::vector<std::string_view> kNames = {"security_txt",
                                                       "vulnerability_disclosure_policy",
                                                       "support_policy",
                                                       "end_of_support_data",
                                                       "incident_support_plan",
                                                       "csaf_provider_metadata",
                                                       "secure_configuration_guide"};
  return kNames;
}

bool is_safe_pack_path(std::string_view path) {
  if (path.empty() || path.size() > 1024 || path.front() == '/') {
    return false;
  }
  for (const char c : path) {
    if (c == '\\' || c == '\0' || c == ':') {
      return false;
    }
  }
  for (const std::string_view segment : split(path, '/')) {
    if (segment.empty() || segment == "." || segment == "..") {
      return false;
    }
  }
  return true;
}

namespace {

using internal::Fields;

bool is_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return false;
  }
  for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (!is_ascii_digit(text[i])) {
      return false;
    }
  }
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string date_field(const Fields& fields, std::string_view key, bool required) {
  std::string value = fields.string(key, required);
  if (!value.empty() && !is_date(value)) {
    fields.error("BAD-DATE", "\"" + value + "\" is not a date of the form YYYY-MM-DD", key);
  }
  return value;
}

std::string path_field(const Fields& fields, std::string_view key, bool required) {
  std::string value = fields.string(key, required);
  if (!value.empty() && !is_safe_pack_path(value)) {
    fields.error("UNSAFE-PATH",
                 "\"" + value +
                     "\" is not a relative path inside the pack (no '..', no leading '/', no '\\')",
                 key);
    return {};
  }
  return value;
}

std::string hex_field(const Fields& fields, std::string_view key, std::size_t length) {
  std::string value = ascii_lower(fields.string(key, false));
  if (value.empty()) {
    return value;
  }
  bool hex = value.size() == length;
  for (const char c : value) {
    hex = hex && (is_ascii_digit(c) || (c >= 'a' && c <= 'f'));
  }
  if (!hex) {
    fields.error(
        "BAD-DIGEST",
        "\"" + std::string(key) + "\" must be " + std::to_string(length) + " hexadecimal digits",
        key);
    return {};
  }
  return value;
}

template <typename T, typename F>
std::vector<T> read_array(const Fields& fields, std::string_view key, bool required, F read_one) {
  std::vector<T> out;
  if (const json::Json* array = fields.array(key, required)) {
    for (std::size_t i = 0; i < array->size(); ++i) {
      const Fields item = fields.child((*array)[i], key, i);
      if (item.is_object(std::string(key) + " entries")) {
        out.push_back(read_one(item));
      }
    }
  }
  return out;
}

DocumentRef read_document(const Fields& fields) {
  fields.allow_only({"path", "sha256", "artefact", "trusted_root", "description"});
  DocumentRef document;
  document.location = fields.location();
  document.path = path_field(fields, "path", true);
  document.sha256 = hex_field(fields, "sha256", 64);
  document.artefact = fields.string("artefact", false);
  document.trusted_root = path_field(fields, "trusted_root", false);
  return document;
}

Artefact read_artefact(const Fields& fields) {
  fields.allow_only({"name", "path", "url", "digests", "signatures"});
  Artefact artefact;
  artefact.location = fields.location();
  artefact.name = fields.string("name", true);
  artefact.path = path_field(fields, "path", false);
  artefact.url = fields.string("url", false);
  if (fields.object("digests", true) != nullptr) {
    const Fields digests = fields.child("digests");
    digests.allow_only({"sha256", "sha384", "sha512"});
    artefact.digests.sha256 = hex_field(digests, "sha256", 64);
    artefact.digests.sha384 = hex_field(digests, "sha384", 96);
    artefact.digests.sha512 = hex_field(digests, "sha512", 128);
    if (artefact.digests.empty()) {
      fields.error("MISSING-FIELD", "an artefact needs a sha256, sha384 or sha512 digest",
                   "digests");
    }
  }
  artefact.signatures = read_array<SignatureRef>(fields, "signatures", false, [](const Fields& f) {
    f.allow_only({"kind", "bundle", "trusted_root", "signature"});
    SignatureRef signature;
    signature.location = f.location();
    signature.kind = f.string("kind", true);
    if (signature.kind == "sigstore-bundle") {
      signature.bundle = path_field(f, "bundle", true);
      signature.trusted_root = path_field(f, "trusted_root", false);
    } else if (signature.kind == "openpgp") {
      signature.signature = path_field(f, "signature", true);
    } else if (!signature.kind.empty()) {
      f.error(
          "BAD-VALUE",
          "unknown signature kind \"" + signature.kind + "\" (expected sigstore-bundle or openpgp)",
          "kind");
    }
    return signature;
  });
  return artefact;
}

Release read_release(const Fields& fields) {
  fields.allow_only(
      {"version", "release_date", "support", "artefacts", "sboms", "vex", "provenance"});
  Release release;
  release.location = fields.location();
  release.version = fields.string("version", true);
  release.release_date = date_field(fields, "release_date", false);
  if (fields.object("support", false) != nullptr) {
    const Fields support = fields.child("support");
    support.allow_only({"level", "end_of_support", "announced"});
    release.support.location = support.location();
    release.support.level = support.string("level", true);
    if (!release.support.level.empty() && release.support.level != "full" &&
        release.support.level != "security-only" && release.support.level != "extended" &&
        release.support.level != "none") {
      support.error("BAD-VALUE",
                    "unknown support level \"" + release.support.level +
                        "\" (expected full, security-only, extended or none)",
                    "level");
    }
    release.support.end_of_support = date_field(support, "end_of_support", false);
    release.support.announced = date_field(support, "announced", false);
  }
  release.artefacts = read_array<Artefact>(fields, "artefacts", false, read_artefact);
  release.sboms = read_array<DocumentRef>(fields, "sboms", false, read_document);
  release.vex = read_array<DocumentRef>(fields, "vex", false, read_document);
  release.provenance = read_array<DocumentRef>(fields, "provenance", false, read_document);
  return release;
}

EvidenceRef read_evidence(const Fields& fields) {
  fields.allow_only({"path", "url", "sha256", "description"});
  EvidenceRef evidence;
  evidence.path = path_field(fields, "path", false);
  evidence.url = fields.string("url", false);
  evidence.sha256 = hex_field(fields, "sha256", 64);
  evidence.description = fields.string("description", false);
  if (evidence.path.empty() && evidence.url.empty()) {
    fields.error("MISSING-FIELD", "evidence needs a \"path\" in the pack or a \"url\"", "path");
  }
  return evidence;
}

void read_self_assessment(const Fields& fields, SelfAssessment& out) {
  fields.allow_only({"framework", "senior_responsible_owner", "claims", "cyclonedx_attestation"});
  out.present = true;
  out.location = fields.location();
  out.framework = fields.string("framework", false);
  if (fields.object("senior_responsible_owner", true) != nullptr) {
    const Fields sro = fields.child("senior_responsible_owner");
    sro.allow_only({"name", "role", "date"});
    out.senior_responsible_owner.name = sro.string("name", true);
    out.senior_responsible_owner.role = sro.string("role", true);
    out.senior_responsible_owner.date = date_field(sro, "date", true);
  }
  out.cyclonedx_attestation = path_field(fields, "cyclonedx_attestation", false);
  std::set<std::string> seen;
  const bool claims_required = out.cyclonedx_attestation.empty();
  out.claims = read_array<ClaimAnswer>(fields, "claims", claims_required, [&seen](const Fields& f) {
    f.allow_only({"id", "status", "na_reason", "evidence", "notes"});
    ClaimAnswer answer;
    answer.location = f.location();
    answer.id = f.string("id", true);
    if (!answer.id.empty() && !seen.insert(answer.id).second) {
      f.error("DUPLICATE", "claim \"" + answer.id + "\" is answered twice", "id");
    }
    const std::string status = f.string("status", true);
    bool known = false;
    for (const ClaimStatus candidate : {ClaimStatus::kMet, ClaimStatus::kPartial,
                                        ClaimStatus::kNotMet, ClaimStatus::kNotApplicable}) {
      if (status == to_string(candidate)) {
        answer.status = candidate;
        known = true;
      }
    }
    if (!status.empty() && !known) {
      f.error("BAD-VALUE",
              "unknown status \"" + status + "\" (expected met, partial, not-met or n/a)",
              "status");
    }
    answer.na_reason = f.string("na_reason", false);
    answer.notes = f.string("notes", false);
    answer.evidence = read_array<EvidenceRef>(f, "evidence", false, read_evidence);
    return answer;
  });
}

}  // namespace

Result<Parsed<PackManifest>> read_pack_manifest(std::string_view text, std::string_view source) {
  InputLimits limits;
  limits.max_bytes = 8ULL * 1024 * 1024;
  limits.max_depth = 32;
  limits.max_items = 1'000'000;
  ASSAY_TRY(const json::Json root, json::parse(text, source, limits));
  if (!root.is_object()) {
    return fail(ErrorCode::kInvalidInput,
                "a pack manifest must be a JSON object, not " + std::string(json::type_name(root)),
                std::string(source) + "#");
  }
  DiagnosticSink sink;
  const Fields fields(root, std::string(source), "", sink, "PACK");
  Parsed<PackManifest> parsed;
  PackManifest& manifest = parsed.value;
  fields.allow_only({"$schema", "format", "vendor", "product", "signer", "releases", "links",
                     "certificates", "self_assessment"});
  manifest.format = fields.string("format", true);
  if (!manifest.format.empty() && manifest.format != kPackFormat) {
    fields.error("FORMAT",
                 "unsupported pack format \"" + manifest.format + "\" (expected \"" +
                     std::string(kPackFormat) + "\")",
                 "format");
  }
  if (fields.object("vendor", true) != nullptr) {
    const Fields vendor = fields.child("vendor");
    vendor.allow_only({"legal_name", "companies_house_number", "domain"});
    manifest.vendor.legal_name = vendor.string("legal_name", true);
    manifest.vendor.companies_house_number = vendor.string("companies_house_number", false);
    const std::string& number = manifest.vendor.companies_house_number;
    bool number_ok = number.size() == 8;
    for (std::size_t i = 0; i < number.size(); ++i) {
      number_ok = number_ok && (is_ascii_digit(number[i]) || (i < 2 && is_ascii_upper(number[i])));
    }
    if (!number.empty() && !number_ok) {
      vendor.error("BAD-VALUE",
                   "a Companies House number is 8 characters: digits, or 2 capital letters and "
                   "6 digits",
                   "companies_house_number");
    }
    manifest.vendor.domain = vendor.string("domain", true);
  }
  if (fields.object("product", true) != nullptr) {
    const Fields product = fields.child("product");
    product.allow_only({"name", "description", "delivery_model", "role"});
    manifest.product.name = product.string("name", true);
    manifest.product.description = product.string("description", false);
    const std::string delivery = product.string("delivery_model", true);
    bool known = false;
    for (const DeliveryModel candidate :
         {DeliveryModel::kOnPremises, DeliveryModel::kSaas, DeliveryModel::kHybrid}) {
      if (delivery == to_string(candidate)) {
        manifest.product.delivery_model = candidate;
        known = true;
      }
    }
    if (!delivery.empty() && !known) {
      product.error(
          "BAD-VALUE",
          "unknown delivery model \"" + delivery + "\" (expected on-premises, saas or hybrid)",
          "delivery_model");
    }
    const std::string role = product.string("role", true);
    if (!role.empty() && !parse_role(role, manifest.product.role)) {
      product.error("BAD-VALUE",
                    "unknown role \"" + role +
                        "\" (expected developer-distributor, reseller or developer-only)",
                    "role");
    }
  }
  if (fields.object("signer", false) != nullptr) {
    const Fields signer = fields.child("signer");
    signer.allow_only({"identity", "issuer", "openpgp_key", "openpgp_fingerprint"});
    manifest.signer.identity = signer.string("identity", false);
    manifest.signer.issuer = signer.string("issuer", !manifest.signer.identity.empty());
    manifest.signer.openpgp_key = path_field(signer, "openpgp_key", false);
    manifest.signer.openpgp_fingerprint =
        signer.string("openpgp_fingerprint", !manifest.signer.openpgp_key.empty());
  }
  manifest.releases = read_array<Release>(fields, "releases", true, read_release);
  if (fields.object("links", false) != nullptr) {
    const Fields links = fields.child("links");
    for (auto it = links.node().begin(); it != links.node().end(); ++it) {
      bool known = false;
      for (const std::string_view name : link_names()) {
        known = known || it.key() == name;
      }
      if (!known) {
        links.warning("UNKNOWN-FIELD", "unknown link \"" + it.key() + "\" is ignored", it.key());
        continue;
      }
      const Fields link = links.child(it.key());
      if (!link.is_object("a link")) {
        continue;
      }
      link.allow_only({"url", "file", "retrieved", "openpgp_key", "openpgp_fingerprint"});
      Link value;
      value.location = link.location();
      value.url = link.string("url", true);
      if (!value.url.empty() && value.url.rfind("https://", 0) != 0 &&
          value.url.rfind("http://", 0) != 0) {
        link.error("BAD-VALUE", "a link must be an http(s) URL", "url");
      }
      value.file = path_field(link, "file", false);
      value.retrieved = date_field(link, "retrieved", false);
      value.openpgp_key = path_field(link, "openpgp_key", false);
      value.openpgp_fingerprint = link.string("openpgp_fingerprint", !value.openpgp_key.empty());
      manifest.links[it.key()] = std::move(value);
    }
  }
  manifest.certificates =
      read_array<CertificateInfo>(fields, "certificates", false, [](const Fields& f) {
        f.allow_only({"scheme", "number", "issuer", "issued", "expires", "file"});
        CertificateInfo certificate;
        certificate.location = f.location();
        certificate.scheme = f.string("scheme", true);
        if (!certificate.scheme.empty() && certificate.scheme != "cyber-essentials" &&
            certificate.scheme != "cyber-essentials-plus" && certificate.scheme != "iso-27001") {
          f.error("BAD-VALUE",
                  "unknown scheme \"" + certificate.scheme +
                      "\" (expected cyber-essentials, cyber-essentials-plus or iso-27001)",
                  "scheme");
        }
        certificate.number = f.string("number", true);
        certificate.issuer = f.string("issuer", false);
        certificate.issued = date_field(f, "issued", false);
        certificate.expires = date_field(f, "expires", true);
        certificate.file = path_field(f, "file", false);
        return certificate;
      });
  if (fields.object("self_assessment", false) != nullptr) {
    read_self_assessment(fields.child("self_assessment"), manifest.self_assessment);
  }
  parsed.diagnostics = sink.take();
  return parsed;
}

Result<std::string> MemoryPackFiles::read(std::string_view relative,
                                          std::uint64_t max_bytes) const {
  if (!is_safe_pack_path(relative)) {
    return fail(ErrorCode::kInvalidInput, "not a relative path inside the pack",
                std::string(relative));
  }
  auto it = files_.find(relative);
  if (it == files_.end()) {
    return fail(ErrorCode::kNotFound, "no such file in the pack", std::string(relative));
  }
  if (it->second.size() > max_bytes) {
    return fail(ErrorCode::kInvalidInput,
                "file is over the limit of " + std::to_string(max_bytes) + " bytes",
                std::string(relative));
  }
  return it->second;
}

bool MemoryPackFiles::exists(std::string_view relative) const {
  return is_safe_pack_path(relative) && files_.find(relative) != files_.end();
}

namespace {

// Turns the map entries of a CycloneDX 1.6 attestation into claim answers: the requirement's
// identifier is the claim id; conformance score 1 is met, 0 not met, in between partial (no score:
// met when claims and no counter-claims support it, else partial); each supporting claim's
// evidence becomes an evidence reference; the rationale becomes the notes.
void add_attestation_answers(const PackFiles& files, const Catalogue* final_catalogue,
                             PackValidation& validation) {
  SelfAssessment& self = validation.manifest.self_assessment;
  const std::string location = self.location + "/cyclonedx_attestation";
  auto text = files.read(self.cyclonedx_attestation, 64ULL * 1024 * 1024);
  if (!text) {
    validation.diagnostics.push_back(
        {Severity::kError, "PACK-ATTESTATION", text.error().to_string(), location});
    return;
  }
  auto bom = formats::read_sbom(*text, self.cyclonedx_attestation);
  if (!bom) {
    validation.diagnostics.push_back(
        {Severity::kError, "PACK-ATTESTATION", bom.error().to_string(), location});
    return;
  }
  const model::Sbom& sbom = bom->value;
  if (sbom.declarations.attestations.empty()) {
    validation.diagnostics.push_back({Severity::kError, "PACK-ATTESTATION",
                                      "the document has no declarations.attestations", location});
    return;
  }
  std::map<std::string, const model::Requirement*> requirements;
  for (const model::Standard& standard : sbom.standards) {
    for (const model::Requirement& requirement : standard.requirements) {
      requirements[requirement.ref] = &requirement;
    }
  }
  std::map<std::string, const model::AttestationClaim*> claims;
  for (const model::AttestationClaim& claim : sbom.declarations.claims) {
    claims[claim.ref] = &claim;
  }
  std::map<std::string, std::string> evidence_descriptions;
  for (const model::Property& evidence : sbom.declarations.evidence) {
    evidence_descriptions[evidence.name] = evidence.value;
  }
  std::set<std::string> answered;
  for (const ClaimAnswer& answer : self.claims) {
    answered.insert(answer.id);
  }
  for (const model::Attestation& attestation : sbom.declarations.attestations) {
    for (const model::AttestationMapEntry& entry : attestation.map) {
      const auto requirement = requirements.find(entry.requirement);
      const std::string id =
          requirement == requirements.end() ? entry.requirement : requirement->second->identifier;
      const Entry* claim = final_catalogue != nullptr ? final_catalogue->find(id) : nullptr;
      if (claim == nullptr || claim->kind != EntryKind::kClaim) {
        validation.diagnostics.push_back({Severity::kWarning, "PACK-ATTESTATION",
                                          "requirement \"" + entry.requirement +
                                              "\" (identifier \"" + id +
                                              "\") is not a claim of the " +
                                              std::string(kFinalCatalogue) + " catalogue; ignored",
                                          location});
        continue;
      }
      if (!answered.insert(id).second) {
        continue;  // the manifest's own answer, or an earlier map entry, stands
      }
      ClaimAnswer answer;
      answer.id = id;
      answer.location = self.cyclonedx_attestation + "#requirement=" + entry.requirement;
      if (entry.conformance_score) {
        answer.status = *entry.conformance_score >= 1.0   ? ClaimStatus::kMet
                        : *entry.conformance_score <= 0.0 ? ClaimStatus::kNotMet
                                                          : ClaimStatus::kPartial;
      } else {
        answer.status = !entry.claims.empty() && entry.counter_claims.empty()
                            ? ClaimStatus::kMet
                            : ClaimStatus::kPartial;
      }
      answer.notes = entry.conformance_rationale;
      for (const std::string& claim_ref : entry.claims) {
        const auto found = claims.find(claim_ref);
        if (found == claims.end()) {
          continue;
        }
        for (const std::string& evidence_ref : found->second->evidence_refs) {
          EvidenceRef evidence;
          evidence.url = self.cyclonedx_attestation + "#" + evidence_ref;
          const auto description = evidence_descriptions.find(evidence_ref);
          evidence.description =
              description != evidence_descriptions.end() && !description->second.empty()
                  ? description->second
                  : "CycloneDX attestation evidence " + evidence_ref;
          answer.evidence.push_back(std::move(evidence));
        }
      }
      self.claims.push_back(std::move(answer));
    }
  }
}

}  // namespace

bool PackValidation::valid() const {
  if (!readable) {
    return false;
  }
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == Severity::kError) {
      return false;
    }
  }
  return true;
}

PackValidation validate_pack(const PackFiles& files, const CatalogueSet& catalogues) {
  PackValidation validation;
  const std::string source(kManifestName);
  auto text = files.read(kManifestName, 8ULL * 1024 * 1024);
  if (!text) {
    validation.diagnostics.push_back(to_diagnostic(text.error(), "PACK-NO-MANIFEST"));
    return validation;
  }
  auto parsed = read_pack_manifest(*text, source);
  if (!parsed) {
    validation.diagnostics.push_back(to_diagnostic(parsed.error(), "PACK-MALFORMED"));
    return validation;
  }
  validation.readable = true;
  validation.manifest = std::move(parsed->value);
  validation.diagnostics = std::move(parsed->diagnostics);
  const PackManifest& manifest = validation.manifest;
  const auto need_file = [&](const std::string& path, const std::string& location) {
    if (!path.empty() && !files.exists(path)) {
      validation.diagnostics.push_back(
          {Severity::kError, "PACK-MISSING-FILE", "\"" + path + "\" is not in the pack", location});
    }
  };
  if (manifest.releases.empty()) {
    validation.diagnostics.push_back(
        {Severity::kError, "PACK-NO-RELEASE", "the pack names no release", source + "#/releases"});
  }
  for (const Release& release : manifest.releases) {
    std::set<std::string> names;
    for (const Artefact& artefact : release.artefacts) {
      names.insert(artefact.name);
      need_file(artefact.path, artefact.location + "/path");
      for (const SignatureRef& signature : artefact.signatures) {
        need_file(signature.bundle, signature.location + "/bundle");
        need_file(signature.signature, signature.location + "/signature");
        need_file(signature.trusted_root, signature.location + "/trusted_root");
      }
    }
    for (const auto* list : {&release.sboms, &release.vex, &release.provenance}) {
      for (const DocumentRef& document : *list) {
        need_file(document.path, document.location + "/path");
        need_file(document.trusted_root, document.location + "/trusted_root");
        if (!document.artefact.empty() && names.count(document.artefact) == 0) {
          validation.diagnostics.push_back(
              {Severity::kError, "PACK-DANGLING-REF",
               "no artefact named \"" + document.artefact + "\" in this release",
               document.location + "/artefact"});
        }
      }
    }
  }
  need_file(manifest.signer.openpgp_key, source + "#/signer/openpgp_key");
  for (const auto& [name, link] : manifest.links) {
    need_file(link.file, link.location + "/file");
    need_file(link.openpgp_key, link.location + "/openpgp_key");
  }
  need_file(manifest.self_assessment.cyclonedx_attestation,
            manifest.self_assessment.location + "/cyclonedx_attestation");
  for (const CertificateInfo& certificate : manifest.certificates) {
    need_file(certificate.file, certificate.location + "/file");
  }
  const Catalogue* final_catalogue = catalogues.find(kFinalCatalogue);
  if (!manifest.self_assessment.cyclonedx_attestation.empty()) {
    add_attestation_answers(files, final_catalogue, validation);
  }
  for (const ClaimAnswer& answer : manifest.self_assessment.claims) {
    if (final_catalogue != nullptr && !answer.id.empty()) {
      const Entry* entry = final_catalogue->find(answer.id);
      if (entry == nullptr || entry->kind != EntryKind::kClaim) {
        validation.diagnostics.push_back({Severity::kError, "PACK-UNKNOWN-CLAIM",
                                          "\"" + answer.id + "\" is not a claim of the " +
                                              std::string(kFinalCatalogue) + " catalogue",
                                          answer.location + "/id"});
      }
    }
    for (std::size_t i = 0; i < answer.evidence.size(); ++i) {
      need_file(answer.evidence[i].path,
                answer.location + "/evidence/" + std::to_string(i) + "/path");
    }
  }
  return validation;
}

std::string scaffold_manifest(const CatalogueSet& catalogues) {
  json::OrderedJson root;
  root["$schema"] = "https://assay.example/schemas/assay-pack.schema.json";
  root["format"] = kPackFormat;
  root["vendor"] = {{"legal_name", "Example Software Ltd"},
                    {"companies_house_number", "01234567"},
                    {"domain", "example.co.uk"}};
  root["product"] = {{"name", "Example Product"},
                     {"description", "What the product does, in one sentence"},
                     {"delivery_model", "on-premises"},
                     {"role", "developer-distributor"}};
  root["signer"] = {{"identity",
                     "https://github.com/example/product/.github/workflows/"
                     "release.yml@refs/heads/main"},
                    {"issuer", "https://token.actions.githubusercontent.com"}};
  json::OrderedJson release;
  release["version"] = "1.0.0";
  release["release_date"] = "2026-01-31";
  release["support"] = {
      {"level", "full"}, {"end_of_support", "2029-01-31"}, {"announced", "2026-01-31"}};
  release["artefacts"] = json::OrderedJson::array(
      {{{"name", "product-1.0.0.tar.gz"},
        {"path", "artefacts/product-1.0.0.tar.gz"},
        {"url", "https://downloads.example.co.uk/product-1.0.0.tar.gz"},
        {"digests", {{"sha256", std::string(64, '0')}}},
        {"signatures",
         json::OrderedJson::array({{{"kind", "sigstore-bundle"},
                                    {"bundle", "signatures/product.sigstore.json"},
                                    {"trusted_root", "signatures/trusted_root.json"}}})}}});
  release["sboms"] = json::OrderedJson::array(
      {{{"path", "sbom/product-1.0.0.cdx.json"}, {"artefact", "product-1.0.0.tar.gz"}}});
  release["vex"] = json::OrderedJson::array({{{"path", "vex/product.openvex.json"}}});
  root["releases"] = json::OrderedJson::array({release});
  json::OrderedJson links = json::OrderedJson::object();
  links["security_txt"] = {{"url", "https://example.co.uk/.well-known/security.txt"},
                           {"file", "documents/security.txt"}};
  links["vulnerability_disclosure_policy"] = {{"url", "https://example.co.uk/security/policy"}};
  links["support_policy"] = {{"url", "https://example.co.uk/support"}};
  links["end_of_support_data"] = {{"url", "https://example.co.uk/support/end-of-support"}};
  links["incident_support_plan"] = {{"url", "https://example.co.uk/security/incidents"}};
  links["secure_configuration_guide"] = {{"url", "https://example.co.uk/docs/hardening"}};
  root["links"] = links;
  root["certificates"] = json::OrderedJson::array({{{"scheme", "cyber-essentials-plus"},
                                                    {"number", "CE-PLUS-0000"},
                                                    {"issuer", "Example Certification Body"},
                                                    {"issued", "2026-01-01"},
                                                    {"expires", "2027-01-01"}}});
  json::OrderedJson claims = json::OrderedJson::array();
  if (const Catalogue* final_catalogue = catalogues.find(kFinalCatalogue)) {
    for (const Entry* claim : final_catalogue->of_kind(EntryKind::kClaim)) {
      claims.push_back({{"id", claim->id},
                        {"status", "not-met"},
                        {"evidence", json::OrderedJson::array()},
                        {"notes", claim->text}});
    }
  }
  root["self_assessment"] = {{"framework", "NIST SSDF v1.1"},
                             {"senior_responsible_owner",
                              {{"name", "A. Person"}, {"role", "CTO"}, {"date", "2026-01-31"}}},
                             {"claims", claims}};
  return root.dump(2) + "\n";
}

}  // namespace assay::assess
