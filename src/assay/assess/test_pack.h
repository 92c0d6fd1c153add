// Test support (not part of the library): a pack that passes nearly every check, built in memory,
// which each test then breaks in one way. Also a small advisory source with a KEV-listed log4j
// vulnerability.
#ifndef ASSAY_ASSESS_TEST_PACK_H_
#define ASSAY_ASSESS_TEST_PACK_H_

#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "assay/assess/assessment.h"
#include "assay/assess/pack.h"
#include "assay/formats/intel.h"
#include "assay/formats/osv.h"
#include "assay/match/source.h"
#include "assay/verify/digest.h"
#include "assay/verify/securitytxt.h"

namespace assay::assess::test_pack {

using Json = nlohmann::json;

// 2026-12-07T12:00:00Z, the fixed "now" of every test.
inline constexpr std::int64_t kNow = 1796644800;

inline std::string sha256(const std::string& bytes) {
  return verify::digest::compute(bytes).sha256;
}

inline const std::string& artefact_bytes() {
  static const std::string kBytes = "ledger 4.2.0 release archive (test bytes)\n";
  return kBytes;
}

inline Json sbom(const std::string& subject_sha256) {
  return Json::parse(R"({
    "bomFormat": "CycloneDX", "specVersion": "1.6",
    "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79", "version": 1,
    "metadata": {
      "timestamp": "2026-10-01T10:00:00Z",
      "lifecycles": [{"phase": "build"}],
      "authors": [{"name": "Build Team", "email": "build@good.example"}],
      "supplier": {"name": "Good Vendor Ltd"},
      "component": {"type": "application", "bom-ref": "app", "name": "Ledger", "version": "4.2.0",
                    "supplier": {"name": "Good Vendor Ltd"}, "purl": "pkg:generic/good/ledger@4.2.0",
                    "hashes": [{"alg": "SHA-256", "content": ")" +
                     subject_sha256 + R"("}]}
    },
    "components": [
      {"type": "library", "bom-ref": "log4j", "name": "log4j-core", "group": "org.apache.logging.log4j",
       "version": "2.17.1", "supplier": {"name": "Apache Software Foundation"},
       "purl": "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1"},
      {"type": "library", "bom-ref": "lodash", "name": "lodash", "version": "4.17.21",
       "supplier": {"name": "OpenJS Foundation"}, "purl": "pkg:npm/lodash@4.17.21"}
    ],
    "dependencies": [{"ref": "app", "dependsOn": ["log4j", "lodash"]},
                     {"ref": "log4j", "dependsOn": []}, {"ref": "lodash", "dependsOn": []}],
    "compositions": [{"aggregate": "complete", "assemblies": ["app"]}]
  })");
}

inline std::string security_txt(const std::string& expires = "2027-06-30T00:00:00Z") {
  return "Contact: https://good.example/security/report\n"
         "Contact: mailto:security@good.example\n"
         "Encryption: https://good.example/pgp-key.txt\n"
         "Expires: " +
         expires +
         "\n"
         "Policy: https://good.example/security/policy\n"
         "Preferred-Languages: en\n";
}

inline std::string vdp_text() {
  return "How to report: use the form at https://good.example/security/report.\n"
         "Scope: all Good Vendor products and services.\n"
         "We acknowledge reports within 5 working days.\n";
}

inline std::string incident_plan_text() {
  return "Contacts: incident@good.example, telephone 0100 000 0000.\n"
         "We notify affected customers within 24 hours.\n"
         "Roles: the incident manager leads; engineering responsible for containment.\n"
         "Communications: updates every 4 hours on our status page.\n"
         "Post-incident report with root cause within 10 working days.\n";
}

inline std::string hardening_text() {
  return "Apply updates monthly. Enable multi-factor authentication for administrators.\n"
         "Take daily backups and test restore. Use least privilege for admin accounts.\n"
         "Only port 443 needs to be open in the firewall.\n";
}

// A CSAF 2.0 provider-metadata.json of a trusted provider (CHK-CSAF-01 passes on it).
inline Json provider_metadata() {
  return Json::parse(R"({
    "canonical_url": "https://good.example/.well-known/csaf/provider-metadata.json",
    "distributions": [{"directory_url": "https://good.example/.well-known/csaf/white/"}],
    "last_updated": "2026-11-15T09:00:00Z",
    "list_on_CSAF_aggregators": true,
    "metadata_version": "2.0",
    "mirror_on_CSAF_aggregators": true,
    "public_openpgp_keys": [{"fingerprint": "8F6A1B2C3D4E5F60718293A4B5C6D7E8F9012345",
                             "url": "https://good.example/.well-known/csaf/openpgp/key.asc"}],
    "publisher": {"category": "vendor", "name": "Good Vendor Ltd",
                  "namespace": "https://good.example"},
    "role": "csaf_trusted_provider"
  })");
}

// A pack that passes every check that can pass offline without signatures (DIST-02 needs a
// real Sigstore bundle; see the shared-data test) and without a database.
struct Pack {
  Json manifest;
  std::map<std::string, std::string> files;

  std::unique_ptr<MemoryPackFiles> build() const {
    auto memory = std::make_unique<MemoryPackFiles>("test-pack");
    memory->add(std::string(kManifestName), manifest.dump(2));
    for (const auto& [path, bytes] : files) {
      memory->add(path, bytes);
    }
    return memory;
  }
};

inline Pack good_pack(const CatalogueSet& catalogues) {
  Pack pack;
  const std::string artefact_sha = sha256(artefact_bytes());
  pack.files["artefacts/ledger-4.2.0.tar.gz"] = artefact_bytes();
  pack.files["sbom/ledger.cdx.json"] = sbom(artefact_sha).dump(2);
  pack.files["documents/security.txt"] = security_txt();
  pack.files["documents/vdp.txt"] = vdp_text();
  pack.files["documents/incident-plan.txt"] = incident_plan_text();
  pack.files["documents/hardening.txt"] = hardening_text();
  pack.files["evidence/framework.pdf"] = "framework statement";
  pack.files["documents/provider-metadata.json"] = provider_metadata().dump(2);
  pack.manifest = Json::parse(R"({
    "format": "assay-pack/1",
    "vendor": {"legal_name": "Good Vendor Ltd", "companies_house_number": "01234567",
               "domain": "good.example"},
    "product": {"name": "Ledger", "delivery_model": "on-premises", "role": "developer-distributor"},
    "signer": {"identity": "https://github.com/good/ledger/.github/workflows/release.yml@refs/heads/main",
               "issuer": "https://token.actions.githubusercontent.com"},
    "releases": [{
      "version": "4.2.0", "release_date": "2026-10-01",
      "support": {"level": "full", "end_of_support": "2029-10-01", "announced": "2026-10-01"},
      "artefacts": [{"name": "ledger-4.2.0.tar.gz", "path": "artefacts/ledger-4.2.0.tar.gz",
                     "url": "https://downloads.good.example/ledger-4.2.0.tar.gz",
                     "digests": {"sha256": ")" +
                              artefact_sha + R"("}}],
      "sboms": [{"path": "sbom/ledger.cdx.json", "artefact": "ledger-4.2.0.tar.gz"}]
    }],
    "links": {
      "security_txt": {"url": "https://good.example/.well-known/security.txt",
                       "file": "documents/security.txt"},
      "vulnerability_disclosure_policy": {"url": "https://good.example/security/policy",
                                          "file": "documents/vdp.txt"},
      "support_policy": {"url": "https://good.example/support"},
      "end_of_support_data": {"url": "https://good.example/support/eos.json"},
      "incident_support_plan": {"url": "https://good.example/incidents",
                                "file": "documents/incident-plan.txt"},
      "secure_configuration_guide": {"url": "https://good.example/hardening",
                                     "file": "documents/hardening.txt"},
      "csaf_provider_metadata": {
        "url": "https://good.example/.well-known/csaf/provider-metadata.json",
        "file": "documents/provider-metadata.json"}
    },
    "certificates": [
      {"scheme": "cyber-essentials-plus", "number": "CEP-1234", "issuer": "Example CB",
       "issued": "2026-06-01", "expires": "2027-06-01"},
      {"scheme": "iso-27001", "number": "ISO-5678", "issuer": "Example CB",
       "issued": "2025-01-01", "expires": "2028-01-01"}
    ],
    "self_assessment": {
      "framework": "NIST SSDF v1.1",
      "senior_responsible_owner": {"name": "Alex Example", "role": "CTO", "date": "2026-11-01"},
      "claims": []
    }
  })");
  Json& claims = pack.manifest["self_assessment"]["claims"];
  for (const Entry* claim : catalogues.find(kFinalCatalogue)->of_kind(EntryKind::kClaim)) {
    claims.push_back({{"id", claim->id},
                      {"status", "met"},
                      {"evidence", Json::array({{{"path", "evidence/framework.pdf"},
                                                 {"sha256", sha256("framework statement")}}})}});
  }
  return pack;
}

// An advisory source with log4shell (KEV-listed, critical) for log4j-core < 2.15.0, published
// 2021-12-10, and a made-up high-severity lodash advisory for lodash < 4.17.21, published
// 2026-09-25 (the good pack's lodash 4.17.21 is not affected).
inline std::unique_ptr<match::InMemorySource> log4shell_source() {
  auto source = std::make_unique<match::InMemorySource>();
  auto lodash = formats::read_osv_json(R"({
    "id": "GHSA-test-lodash-0001", "modified": "2026-09-25T00:00:00Z",
    "published": "2026-09-25T08:00:00Z", "aliases": ["CVE-2026-99901"],
    "summary": "Prototype pollution, a made-up test advisory",
    "affected": [{"package": {"ecosystem": "npm", "name": "lodash"},
                  "ranges": [{"type": "SEMVER", "events": [{"introduced": "0"}, {"fixed": "4.17.21"}]}]}],
    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"}]
})",
                                       "lodash-osv.json");
  EXPECT_TRUE(lodash.has_value());
  if (lodash) {
    source->add(lodash->value);
  }
  auto advisory = formats::read_osv_json(R"({
    "id": "GHSA-jfh8-c2jp-5v3q", "modified": "2024-01-01T00:00:00Z",
    "published": "2021-12-10T00:00:00Z",
    "aliases": ["CVE-2021-44228"], "summary": "Remote code execution through JNDI lookups",
    "affected": [{"package": {"ecosystem": "Maven", "name": "org.apache.logging.log4j:log4j-core"},
                  "ranges": [{"type": "ECOSYSTEM",
                              "events": [{"introduced": "2.0-beta9"}, {"fixed": "2.15.0"}]}]}],
    "severity": [{"type": "CVSS_V3", "score": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"}]
  })",
                                         "osv.json");
  EXPECT_TRUE(advisory.has_value());
  if (advisory) {
    source->add(advisory->value);
  }
  auto kev = formats::read_kev_json(R"({
    "title": "test", "catalogVersion": "2026.12.01", "dateReleased": "2026-12-01T00:00:00.000Z",
    "count": 1,
    "vulnerabilities": [{"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2",
      "vulnerabilityName": "Apache Log4j2 remote code execution", "dateAdded": "2021-12-10",
      "shortDescription": "JNDI lookups allow code execution", "requiredAction": "Update",
      "dueDate": "2021-12-24", "knownRansomwareCampaignUse": "Known", "notes": ""}]
  })",
                                    "kev.json");
  EXPECT_TRUE(kev.has_value());
  if (kev) {
    source->set_kev(kev->value);
  }
  return source;
}

}  // namespace assay::assess::test_pack

#endif  // ASSAY_ASSESS_TEST_PACK_H_
