// Every automatic check, table-driven: a pack that passes (or, for checks that can at best
// attest, reaches its best verdict) and one pack per failure path, each differing from a good
// pack in one way. Asserts the verdict and what the check says.
#include <functional>
#include <map>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/assessment.h"
#include "assay/assess/test_pack.h"
#include "assay/verify/pgp_test_keyring.h"

#include "testing.h"

namespace assay::assess {
namespace {

using test_pack::Json;
using test_pack::Pack;
using ::testing::HasSubstr;

// The CHK-CSAF-01 rules as a function (also the csaf_provider fuzz target's entry point).
TEST(CsafProviderMetadataTest, ReportsProblemsWithFileAndPointer) {
  const auto good = check_csaf_provider_metadata(
      testing::read_text("examples/packs/good-vendor/documents/csaf-provider-metadata.json"),
      "pm.json", 20795, 365);
  EXPECT_TRUE(good.problems.empty()) << good.problems.front();
  EXPECT_EQ(good.role, "csaf_trusted_provider");
  const auto broken =
      check_csaf_provider_metadata(R"({"metadata_version":"2.0","role":"csaf_trusted_provider",)"
                                   R"("canonical_url":"http://x.invalid/provider-metadata.json"})",
                                   "pm.json", 20795, 365);
  ASSERT_FALSE(broken.problems.empty());
  EXPECT_THAT(broken.problems.front(), HasSubstr("pm.json#"));
  const auto not_json = check_csaf_provider_metadata("[1,2", "pm.json", 20795, 365);
  ASSERT_EQ(not_json.problems.size(), 1U);
  EXPECT_THAT(not_json.problems.front(), HasSubstr("pm.json"));
}

const CatalogueSet& catalogues() {
  static const CatalogueSet kSet = [] {
    auto set = builtin_catalogues();
    EXPECT_TRUE(set.has_value());
    return set ? std::move(*set) : CatalogueSet{};
  }();
  return kSet;
}

Assessment run(const Pack& pack, bool with_database = false, const Policy& policy = {},
               std::string catalogue = std::string(kFinalCatalogue)) {
  const auto files = pack.build();
  auto source = test_pack::log4shell_source();
  AssessOptions options;
  options.now = test_pack::kNow;
  options.catalogue = std::move(catalogue);
  options.vulnerabilities = with_database ? source.get() : nullptr;
  options.database_name = "test advisories";
  auto assessment = assess(*files, catalogues(), policy, options);
  EXPECT_TRUE(assessment.has_value()) << assessment.error().to_string();
  return assessment ? std::move(*assessment) : Assessment{};
}

Json& release(Pack& pack) {
  return pack.manifest["releases"][0];
}

void set_sbom(Pack& pack, const std::function<void(Json&)>& change) {
  Json sbom = Json::parse(pack.files["sbom/ledger.cdx.json"]);
  change(sbom);
  pack.files["sbom/ledger.cdx.json"] = sbom.dump(2);
}

void set_log4j(Pack& pack, const std::string& version) {
  set_sbom(pack, [&version](Json& sbom) {
    sbom["components"][0]["version"] = version;
    sbom["components"][0]["purl"] = "pkg:maven/org.apache.logging.log4j/log4j-core@" + version;
  });
}

void add_vex(Pack& pack, const std::string& status, const std::string& extra) {
  pack.files["vex/ledger.openvex.json"] = R"({
    "@context": "https://openvex.dev/ns/v0.2.0", "@id": "https://good.example/vex/1",
    "author": "Good Vendor Ltd", "timestamp": "2026-11-01T00:00:00Z", "version": 1,
    "statements": [{"vulnerability": {"name": "CVE-2021-44228"},
                    "products": [{"@id": "pkg:generic/good/ledger@4.2.0",
                                  "subcomponents": [{"@id": "pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1"}]}],
                    "status": ")" + status +
                                          "\"" + extra + R"(}]
  })";
  release(pack)["vex"] = Json::array({{{"path", "vex/ledger.openvex.json"}}});
}

void set_lodash(Pack& pack, const std::string& version) {
  set_sbom(pack, [&version](Json& sbom) {
    sbom["components"][1]["version"] = version;
    sbom["components"][1]["purl"] = "pkg:npm/lodash@" + version;
  });
}

// Adds a release after the first: the same product with lodash at `lodash`, released on `date`.
void add_release(Pack& pack, const std::string& version, const std::string& date,
                 const std::string& lodash) {
  Json sbom = Json::parse(pack.files["sbom/ledger.cdx.json"]);
  sbom["metadata"]["component"]["version"] = version;
  sbom["components"][1]["version"] = lodash;
  sbom["components"][1]["purl"] = "pkg:npm/lodash@" + lodash;
  const std::string path = "sbom/ledger-" + version + ".cdx.json";
  pack.files[path] = sbom.dump(2);
  Json next = release(pack);
  next["version"] = version;
  next["release_date"] = date;
  next["sboms"] = Json::array({{{"path", path}, {"artefact", "ledger-4.2.0.tar.gz"}}});
  pack.manifest["releases"].push_back(next);
}

// Release 4.2.0 (2026-10-01) has lodash 4.17.20, high, published 2026-09-25; 4.2.1 on `date`
// has the fixed 4.17.21.
void lodash_fixed_on(Pack& pack, const std::string& date) {
  set_lodash(pack, "4.17.20");
  add_release(pack, "4.2.1", date, "4.17.21");
}

void set_csaf(Pack& pack, const std::function<void(Json&)>& change) {
  Json metadata = test_pack::provider_metadata();
  change(metadata);
  pack.files["documents/provider-metadata.json"] = metadata.dump(2);
}

struct CheckCase {
  CheckCase(std::string name_in, std::string check_in, Verdict verdict_in,
            std::function<void(Pack&)> change_in, std::string says_in, bool database_in = false,
            std::function<void(Policy&)> policy_in = {})
      : name(std::move(name_in)),
        check(std::move(check_in)),
        verdict(verdict_in),
        change(std::move(change_in)),
        says(std::move(says_in)),
        database(database_in),
        policy(std::move(policy_in)) {}

  std::string name;
  std::string check;
  Verdict verdict;
  std::function<void(Pack&)> change;
  std::string says;  // substring of the summary or a detail
  bool database;
  std::function<void(Policy&)> policy;
};

std::vector<CheckCase> cases() {
  const auto none = [](Pack&) {};
  const auto saas = [](Pack& p) { p.manifest["product"]["delivery_model"] = "saas"; };
  return {
      // SBOM
      {"Sbom01Pass", "CHK-SBOM-01", Verdict::kPass, none, "valid SBOM"},
      {"Sbom01FailNoSbom", "CHK-SBOM-01", Verdict::kFail,
       [](Pack& p) { release(p).erase("sboms"); }, "no SBOM in the pack"},
      {"Sbom01FailInvalid", "CHK-SBOM-01", Verdict::kFail,
       [](Pack& p) { set_sbom(p, [](Json& s) { s["components"][1]["type"] = "widget"; }); },
       "invalid"},
      {"Sbom01FailDeclaredDigestDiffers", "CHK-SBOM-01", Verdict::kFail,
       [](Pack& p) { release(p)["sboms"][0]["sha256"] = std::string(64, 'b'); },
       "not the sha256 the manifest declares"},
      {"Sbom01AttestedWhenPolicyAcceptsNoSbom", "CHK-SBOM-01", Verdict::kAttested,
       [](Pack& p) { release(p).erase("sboms"); }, "accepts", false,
       [](Policy& policy) { policy.sbom_required = false; }},
      {"Sbom02Pass", "CHK-SBOM-02", Verdict::kPass, none, "minimum elements"},
      {"Sbom02FailNoSuppliersOrIds", "CHK-SBOM-02", Verdict::kFail,
       [](Pack& p) {
         set_sbom(p, [](Json& s) {
           for (Json& c : s["components"]) {
             c.erase("supplier");
             c.erase("purl");
           }
         });
       },
       "Supplier name"},
      {"Sbom03Pass", "CHK-SBOM-03", Verdict::kPass, none, "bound to its artefact"},
      {"Sbom03FailOtherFile", "CHK-SBOM-03", Verdict::kFail,
       [](Pack& p) {
         set_sbom(p, [](Json& s) {
           s["metadata"]["component"]["hashes"][0]["content"] = std::string(64, 'a');
         });
       },
       "different file"},
      {"Sbom03WarnUnbound", "CHK-SBOM-03", Verdict::kWarn,
       [](Pack& p) { set_sbom(p, [](Json& s) { s["metadata"]["component"].erase("hashes"); }); },
       "no SHA-2 hash"},
      {"Sbom03NotApplicableForSaas", "CHK-SBOM-03", Verdict::kNotApplicable, saas, "SaaS"},
      {"Sbom04Pass", "CHK-SBOM-04", Verdict::kPass, none, "completeness stated"},
      {"Sbom04FailNoGraph", "CHK-SBOM-04", Verdict::kFail,
       [](Pack& p) { set_sbom(p, [](Json& s) { s.erase("dependencies"); }); },
       "no dependency relationships"},
      {"Sbom04WarnNoCompleteness", "CHK-SBOM-04", Verdict::kWarn,
       [](Pack& p) { set_sbom(p, [](Json& s) { s.erase("compositions"); }); }, "not stated"},
      // Vulnerabilities
      {"Vuln01NotApplicableWithoutDatabase", "CHK-VULN-01", Verdict::kNotApplicable, none,
       "no vulnerability database"},
      {"Vuln01Pass", "CHK-VULN-01", Verdict::kPass, none, "none exploited", true},
      {"Vuln01AttestedForResellerWithoutSbom", "CHK-VULN-01", Verdict::kAttested,
       [](Pack& p) {
         p.manifest["product"]["role"] = "reseller";
         release(p).erase("sboms");
       },
       "self-assessment stands", true},
      {"Vuln01FailNoSbom", "CHK-VULN-01", Verdict::kFail,
       [](Pack& p) { release(p).erase("sboms"); }, "no readable SBOM", true},
      {"Vuln01FailKevWithoutVex", "CHK-VULN-01", Verdict::kFail,
       [](Pack& p) { set_log4j(p, "2.14.1"); }, "CVE-2021-44228 in log4j-core 2.14.1", true},
      {"Vuln01FailKevStillAffected", "CHK-VULN-01", Verdict::kFail,
       [](Pack& p) {
         set_log4j(p, "2.14.1");
         add_vex(p, "affected", R"(, "action_statement": "Update to 4.2.1")");
       },
       "VEX says affected", true},
      {"Vuln01PassKevNotAffected", "CHK-VULN-01", Verdict::kPass,
       [](Pack& p) {
         set_log4j(p, "2.14.1");
         add_vex(p, "not_affected", R"(, "justification": "vulnerable_code_not_in_execute_path")");
       },
       "1 resolved by VEX", true},
      {"Vuln02Pass", "CHK-VULN-02", Verdict::kPass,
       [](Pack& p) {
         set_log4j(p, "2.14.1");
         add_vex(p, "not_affected", R"(, "justification": "vulnerable_code_not_in_execute_path")");
       },
       "well-formed", true},
      {"Vuln02FailNoJustification", "CHK-VULN-02", Verdict::kFail,
       [](Pack& p) { add_vex(p, "not_affected", ""); }, "without a justification"},
      {"Vuln02FailUnreadable", "CHK-VULN-02", Verdict::kFail,
       [](Pack& p) {
         add_vex(p, "fixed", "");
         p.files["vex/ledger.openvex.json"] = "{\"not\": \"vex\"}";
       },
       "vex/ledger.openvex.json"},
      {"Vuln02FailSeriousFindingUncovered", "CHK-VULN-02", Verdict::kFail,
       [](Pack& p) { set_log4j(p, "2.14.1"); }, "0 of 1 serious findings", true},
      {"Vuln03Pass", "CHK-VULN-03", Verdict::kPass,
       [](Pack& p) {
         set_sbom(p, [](Json& s) {
           s["components"][1]["properties"] = Json::array(
               {{{"name", "cdx:lifecycle:milestone:endOfLife"}, {"value", "2030-01-01"}}});
         });
       },
       "none passed"},
      {"Vuln03WarnPastEndOfLife", "CHK-VULN-03", Verdict::kWarn,
       [](Pack& p) {
         set_sbom(p, [](Json& s) {
           s["components"][1]["properties"] = Json::array(
               {{{"name", "cdx:lifecycle:milestone:endOfLife"}, {"value", "2024-01-01"}}});
         });
       },
       "past end of life"},
      // Patch timeliness
      {"Patch01NotApplicableWithoutDatabase", "CHK-PATCH-01", Verdict::kNotApplicable, none,
       "no vulnerability database"},
      {"Patch01PassNothingToFix", "CHK-PATCH-01", Verdict::kPass, none,
       "no fixable exploited, critical or high vulnerability", true},
      {"Patch01PassFixedInTime", "CHK-PATCH-01", Verdict::kPass,
       [](Pack& p) { lodash_fixed_on(p, "2026-10-20"); },
       "CVE-2026-99901 in lodash 4.17.20 (high): published 2026-09-25; fixed in release 4.2.1 "
       "(2026-10-20) after 25 days (limit 60)",
       true},
      {"Patch01FailFixedLate", "CHK-PATCH-01", Verdict::kFail,
       [](Pack& p) { lodash_fixed_on(p, "2026-12-01"); }, "after 67 days (limit 60): LATE", true},
      {"Patch01FailStricterPolicy", "CHK-PATCH-01", Verdict::kFail,
       [](Pack& p) { lodash_fixed_on(p, "2026-10-20"); }, "1 of 1 critical or high", true,
       [](Policy& policy) { policy.patch_days_high = 20; }},
      {"Patch01WarnLateWithinPolicyShare", "CHK-PATCH-01", Verdict::kWarn,
       [](Pack& p) { lodash_fixed_on(p, "2026-12-01"); }, "within the policy's share", true,
       [](Policy& policy) { policy.patch_late_warn_share = 1.0; }},
      {"Patch01FailKevStillUnfixed", "CHK-PATCH-01", Verdict::kFail,
       [](Pack& p) { set_log4j(p, "2.14.1"); },
       "KEV-listed 2021-12-10; still unfixed in release 4.2.0 at the assessment date", true},
      {"Patch01WarnCannotBeTimed", "CHK-PATCH-01", Verdict::kWarn,
       [](Pack& p) {
         lodash_fixed_on(p, "2026-10-20");
         release(p).erase("release_date");
       },
       "it is only in releases without a release_date", true},
      {"Patch01FailNoSbom", "CHK-PATCH-01", Verdict::kFail,
       [](Pack& p) { release(p).erase("sboms"); }, "no readable SBOM", true},
      {"Vuln03FailEndOfLifeWithCritical", "CHK-VULN-03", Verdict::kFail,
       [](Pack& p) {
         set_log4j(p, "2.14.1");
         set_sbom(p, [](Json& s) {
           s["components"][0]["properties"] = Json::array(
               {{{"name", "cdx:lifecycle:milestone:endOfLife"}, {"value", "2024-01-01"}}});
         });
       },
       "serious vulnerabilities", true},
      // Distribution
      {"Dist01Pass", "CHK-DIST-01", Verdict::kPass, none, "HTTPS"},
      {"Dist01FailPlainHttp", "CHK-DIST-01", Verdict::kFail,
       [](Pack& p) {
         release(p)["artefacts"][0]["url"] = "http://downloads.good.example/ledger-4.2.0.tar.gz";
       },
       "not served over HTTPS"},
      {"Dist01NotApplicableForSaas", "CHK-DIST-01", Verdict::kNotApplicable, saas, "SaaS"},
      {"Dist02FailUnsigned", "CHK-DIST-02", Verdict::kFail, none, "unsigned"},
      {"Dist02WarnUnsignedWhenPolicyAllowsChecksums", "CHK-DIST-02", Verdict::kWarn, none,
       "unsigned", false, [](Policy& policy) { policy.require_signatures = false; }},
      {"Dist02FailBadBundle", "CHK-DIST-02", Verdict::kFail,
       [](Pack& p) {
         p.files["signatures/ledger.sigstore.json"] = "{\"mediaType\": \"nonsense\"}";
         p.files["signatures/root.json"] = "{}";
         release(p)["artefacts"][0]["signatures"] =
             Json::array({{{"kind", "sigstore-bundle"},
                           {"bundle", "signatures/ledger.sigstore.json"},
                           {"trusted_root", "signatures/root.json"}}});
       },
       "ledger-4.2.0.tar.gz"},
      {"Dist02WarnNoTrustedRoot", "CHK-DIST-02", Verdict::kWarn,
       [](Pack& p) {
         p.files["signatures/ledger.sigstore.json"] = "{}";
         release(p)["artefacts"][0]["signatures"] = Json::array(
             {{{"kind", "sigstore-bundle"}, {"bundle", "signatures/ledger.sigstore.json"}}});
       },
       "no trusted root"},
      {"Dist03AttestedWithoutProvenance", "CHK-DIST-03", Verdict::kAttested, none,
       "self-assessment stands"},
      {"Dist03FailBadProvenance", "CHK-DIST-03", Verdict::kFail,
       [](Pack& p) {
         p.files["provenance/ledger.intoto.json"] = "{\"mediaType\": \"nonsense\"}";
         p.files["signatures/root.json"] = "{}";
         release(p)["provenance"] = Json::array({{{"path", "provenance/ledger.intoto.json"},
                                                  {"artefact", "ledger-4.2.0.tar.gz"},
                                                  {"trusted_root", "signatures/root.json"}}});
       },
       "provenance document(s) failed"},
      {"Dist04Pass", "CHK-DIST-04", Verdict::kPass, none, "matches"},
      {"Dist04FailTampered", "CHK-DIST-04", Verdict::kFail,
       [](Pack& p) { p.files["artefacts/ledger-4.2.0.tar.gz"] = "something else\n"; },
       "do not match"},
      {"Dist04WarnArtefactNotInPack", "CHK-DIST-04", Verdict::kWarn,
       [](Pack& p) { release(p)["artefacts"][0].erase("path"); }, "no artefact files"},
      // Disclosure
      {"Sectxt01WarnUnsigned", "CHK-SECTXT-01", Verdict::kWarn, none, "SECTXT-NOT-SIGNED"},
      {"Sectxt01FailExpired", "CHK-SECTXT-01", Verdict::kFail,
       [](Pack& p) {
         p.files["documents/security.txt"] = test_pack::security_txt("2026-06-30T00:00:00Z");
       },
       "SECTXT-EXPIRED"},
      {"Sectxt01FailNoContact", "CHK-SECTXT-01", Verdict::kFail,
       [](Pack& p) { p.files["documents/security.txt"] = "Expires: 2027-06-30T00:00:00Z\n"; },
       "SECTXT-CONTACT-MISSING"},
      {"Sectxt01FailMissing", "CHK-SECTXT-01", Verdict::kFail,
       [](Pack& p) { p.manifest["links"].erase("security_txt"); }, "no security.txt"},
      {"Vdp01Pass", "CHK-VDP-01", Verdict::kPass, none, "channel, a scope and a response time"},
      {"Vdp01FailNoPolicy", "CHK-VDP-01", Verdict::kFail,
       [](Pack& p) {
         p.manifest["links"].erase("vulnerability_disclosure_policy");
         p.files["documents/security.txt"] =
             "Contact: mailto:security@good.example\nExpires: 2027-06-30T00:00:00Z\n";
       },
       "no vulnerability disclosure policy"},
      {"Vdp01AttestedUrlOnly", "CHK-VDP-01", Verdict::kAttested,
       [](Pack& p) { p.manifest["links"]["vulnerability_disclosure_policy"].erase("file"); },
       "content offline"},
      {"Vdp02Pass", "CHK-VDP-02", Verdict::kPass, none, "HTTPS reporting form"},
      {"Vdp02WarnPlainEmail", "CHK-VDP-02", Verdict::kWarn,
       [](Pack& p) {
         p.files["documents/security.txt"] =
             "Contact: mailto:security@good.example\nExpires: 2027-06-30T00:00:00Z\n";
       },
       "plain email"},
      {"Vdp02FailNoSecurityTxt", "CHK-VDP-02", Verdict::kFail,
       [](Pack& p) { p.manifest["links"].erase("security_txt"); }, "no security.txt"},
      // Support
      // CSAF provider metadata
      {"Csaf01Pass", "CHK-CSAF-01", Verdict::kPass, none,
       "valid CSAF provider metadata (csaf_trusted_provider)"},
      {"Csaf01WarnNoneLinked", "CHK-CSAF-01", Verdict::kWarn,
       [](Pack& p) { p.manifest["links"].erase("csaf_provider_metadata"); },
       "no CSAF provider metadata linked"},
      {"Csaf01NotApplicableForSaas", "CHK-CSAF-01", Verdict::kNotApplicable,
       [saas](Pack& p) {
         saas(p);
         p.manifest["links"].erase("csaf_provider_metadata");
       },
       "SaaS"},
      {"Csaf01NotApplicableForReseller", "CHK-CSAF-01", Verdict::kNotApplicable,
       [](Pack& p) {
         p.manifest["product"]["role"] = "reseller";
         p.manifest["links"].erase("csaf_provider_metadata");
       },
       "reseller"},
      {"Csaf01AttestedUrlOnly", "CHK-CSAF-01", Verdict::kAttested,
       [](Pack& p) { p.manifest["links"]["csaf_provider_metadata"].erase("file"); },
       "add a copy to the pack"},
      {"Csaf01FailLinkNotHttps", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) {
         p.manifest["links"]["csaf_provider_metadata"]["url"] =
             "http://good.example/.well-known/csaf/provider-metadata.json";
       },
       "not an https:// URL"},
      {"Csaf01FailNotJson", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { p.files["documents/provider-metadata.json"] = "{\"role\": "; },
       "documents/provider-metadata.json:1:"},
      {"Csaf01FailMissingRole", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { set_csaf(p, [](Json& m) { m.erase("role"); }); },
       "documents/provider-metadata.json#: the required member \"role\" is missing"},
      {"Csaf01FailUnknownRole", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { set_csaf(p, [](Json& m) { m["role"] = "csaf_vendor"; }); },
       "documents/provider-metadata.json#/role: \"csaf_vendor\" is not csaf_publisher"},
      {"Csaf01FailCanonicalUrlNotHttps", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) {
         set_csaf(p, [](Json& m) {
           m["canonical_url"] = "http://good.example/.well-known/csaf/provider-metadata.json";
         });
       },
       "#/canonical_url: must be an https:// URL"},
      {"Csaf01FailWrongMetadataVersion", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { set_csaf(p, [](Json& m) { m["metadata_version"] = "1.0"; }); },
       "#/metadata_version: must be \"2.0\""},
      {"Csaf01FailBadPublisherCategory", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { set_csaf(p, [](Json& m) { m["publisher"]["category"] = "seller"; }); },
       "#/publisher/category: \"seller\" is not a CSAF publisher category"},
      {"Csaf01FailTrustedProviderWithoutKeys", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { set_csaf(p, [](Json& m) { m.erase("public_openpgp_keys"); }); },
       "a csaf_trusted_provider must publish its OpenPGP key(s)"},
      {"Csaf01FailBadFingerprint", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) {
         set_csaf(p, [](Json& m) { m["public_openpgp_keys"][0]["fingerprint"] = "8F6A1B2C"; });
       },
       "#/public_openpgp_keys/0/fingerprint: must be at least 40 hexadecimal characters"},
      {"Csaf01FailProviderWithoutDistributions", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) {
         set_csaf(p, [](Json& m) {
           m["role"] = "csaf_provider";
           m.erase("distributions");
         });
       },
       "a csaf_provider must say where its advisories are"},
      {"Csaf01FailRolieFeedOverHttp", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) {
         set_csaf(p, [](Json& m) {
           m["distributions"] = Json::parse(
               R"([{"rolie": {"feeds": [{"tlp_label": "WHITE", "url": "http://good.example/f.json"}]}}])");
         });
       },
       "#/distributions/0/rolie/feeds/0: a feed needs a tlp_label and an https:// url"},
      {"Csaf01FailCopyMissing", "CHK-CSAF-01", Verdict::kFail,
       [](Pack& p) { p.files.erase("documents/provider-metadata.json"); }, "cannot be read"},
      {"Csaf01WarnStale", "CHK-CSAF-01", Verdict::kWarn,
       [](Pack& p) { set_csaf(p, [](Json& m) { m["last_updated"] = "2025-06-01T00:00:00Z"; }); },
       "#/last_updated: last updated 2025-06-01, 554 days ago (more than 365)"},
      {"Csaf01WarnPublisherOnly", "CHK-CSAF-01", Verdict::kWarn,
       [](Pack& p) {
         set_csaf(p, [](Json& m) {
           m["role"] = "csaf_publisher";
           m.erase("distributions");
           m.erase("public_openpgp_keys");
         });
       },
       "csaf_publisher only"},
      {"Eox01Pass", "CHK-EOX-01", Verdict::kPass, none, "policy is published"},
      {"Eox01FailNoDate", "CHK-EOX-01", Verdict::kFail,
       [](Pack& p) { release(p)["support"].erase("end_of_support"); }, "end-of-support date"},
      {"Eox02Pass", "CHK-EOX-02", Verdict::kPass, none, "a year or more ahead"},
      {"Eox02FailSixMonthsNotice", "CHK-EOX-02", Verdict::kFail,
       [](Pack& p) {
         release(p)["support"]["end_of_support"] = "2027-04-01";
         release(p)["support"]["announced"] = "2026-10-01";
       },
       "182 days' notice"},
      {"Eox02WarnEndsWithinAYear", "CHK-EOX-02", Verdict::kWarn,
       [](Pack& p) {
         release(p)["support"]["end_of_support"] = "2027-06-01";
         release(p)["support"]["announced"] = "2025-01-01";
       },
       "reaches end of support on 2027-06-01"},
      {"Inc01Pass", "CHK-INC-01", Verdict::kPass, none, "5 of 5"},
      {"Inc01FailMissing", "CHK-INC-01", Verdict::kFail,
       [](Pack& p) { p.manifest["links"].erase("incident_support_plan"); }, "no incident"},
      {"Inc01WarnPartial", "CHK-INC-01", Verdict::kWarn,
       [](Pack& p) { p.files["documents/incident-plan.txt"] = "Contact incident@good.example.\n"; },
       "only 1 of 5"},
      {"Doc01Pass", "CHK-DOC-01", Verdict::kPass, none, "5 of 5"},
      {"Doc01WarnWordsInsideOtherWordsDoNotCount", "CHK-DOC-01", Verdict::kWarn,
       [](Pack& p) {
         p.files["documents/hardening.txt"] =
             "Apply updates monthly. Take backups. We support exports and reports.\n";
       },
       "does not cover ports and firewall rules"},
      {"Doc01FailMissing", "CHK-DOC-01", Verdict::kFail,
       [](Pack& p) { p.manifest["links"].erase("secure_configuration_guide"); }, "no secure"},
      // Certificates
      {"Ce01Pass", "CHK-CE-01", Verdict::kPass, none, "in date until 2027-06-01"},
      {"Ce01FailExpired", "CHK-CE-01", Verdict::kFail,
       [](Pack& p) {
         p.manifest["certificates"][0]["issued"] = "2025-06-01";
         p.manifest["certificates"][0]["expires"] = "2026-06-01";
       },
       "expired on 2026-06-01"},
      {"Ce01FailNone", "CHK-CE-01", Verdict::kFail,
       [](Pack& p) { p.manifest["certificates"].erase(0); }, "no Cyber Essentials"},
      {"Ce01WarnExpiresSoon", "CHK-CE-01", Verdict::kWarn,
       [](Pack& p) {
         p.manifest["certificates"][0]["issued"] = "2026-01-01";
         p.manifest["certificates"][0]["expires"] = "2027-01-01";
       },
       "expires soon"},
      {"Cert01AttestedInDate", "CHK-CERT-01", Verdict::kAttested, none, "register"},
      {"Cert01FailExpired", "CHK-CERT-01", Verdict::kFail,
       [](Pack& p) { p.manifest["certificates"][1]["expires"] = "2026-01-01"; }, "expired"},
      // Self-assessment
      {"Sscop01Pass", "CHK-SSCOP-01", Verdict::kPass, none, "every applicable claim"},
      {"Sscop01FailMissing", "CHK-SSCOP-01", Verdict::kFail,
       [](Pack& p) { p.manifest.erase("self_assessment"); }, "no self-assessment"},
      {"Sscop01FailStale", "CHK-SSCOP-01", Verdict::kFail,
       [](Pack& p) {
         p.manifest["self_assessment"]["senior_responsible_owner"]["date"] = "2025-01-01";
       },
       "more than 365 days ago"},
      {"Sscop01FailUnanswered", "CHK-SSCOP-01", Verdict::kFail,
       [](Pack& p) { p.manifest["self_assessment"]["claims"].erase(0); },
       "1 applicable claim(s) not answered"},
      {"Sscop01FailEvidenceDigest", "CHK-SSCOP-01", Verdict::kFail,
       [](Pack& p) { p.files["evidence/framework.pdf"] = "changed"; },
       "does not match its declared sha256"},
      {"Sscop01WarnPartial", "CHK-SSCOP-01", Verdict::kWarn,
       [](Pack& p) { p.manifest["self_assessment"]["claims"][3]["status"] = "partial"; },
       "1.1.4: partially met"},
      {"Sscop02Pass", "CHK-SSCOP-02", Verdict::kPass,
       [](Pack& p) {
         // The test pack's artefact is unsigned, so the vendor must not claim 3.1.1 is met.
         for (Json& claim : p.manifest["self_assessment"]["claims"]) {
           if (claim["id"] == "3.1.1") {
             claim["status"] = "partial";
           }
         }
       },
       "no claim marked met"},
      {"Sscop02FailInconsistent", "CHK-SSCOP-02", Verdict::kFail,
       [](Pack& p) { set_log4j(p, "2.14.1"); }, "INCONSISTENT", true},
  };
}

void PrintTo(const CheckCase& c, std::ostream* os) {
  *os << c.name;
}

class CheckTest : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckTest, GivesTheVerdict) {
  const CheckCase& c = GetParam();
  Pack pack = test_pack::good_pack(catalogues());
  c.change(pack);
  Policy policy;
  if (c.policy) {
    c.policy(policy);
  }
  const Assessment assessment = run(pack, c.database, policy);
  const CheckResult* check = assessment.check(c.check);
  ASSERT_NE(check, nullptr) << c.check;
  std::string said = check->summary;
  for (const std::string& detail : check->details) {
    said += "\n" + detail;
  }
  EXPECT_EQ(to_string(check->verdict), to_string(c.verdict)) << said;
  EXPECT_THAT(said, HasSubstr(c.says));
  EXPECT_FALSE(check->explanation.empty());
  EXPECT_FALSE(check->remediation.empty());
  EXPECT_FALSE(check->question.empty());
}

INSTANTIATE_TEST_SUITE_P(Checks, CheckTest, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<CheckCase>& param_info) {
                           return param_info.param.name;
                         });

TEST(CheckCoverageTest, EveryCheckHasAFailCaseAndANonFailCase) {
  std::map<std::string, std::set<std::string>> verdicts;
  for (const CheckCase& c : cases()) {
    verdicts[c.check].insert(std::string(to_string(c.verdict)));
  }
  // CHK-DIST-02 and CHK-DIST-03 reach PASS in the shared-data tests below; CHK-SECTXT-01 in the
  // signed security.txt test.
  for (const std::string& id : check_ids()) {
    ASSERT_EQ(verdicts.count(id), 1U) << id;
    EXPECT_EQ(verdicts[id].count("FAIL"), 1U) << id << " has no FAIL case";
    EXPECT_GE(verdicts[id].size(), 2U) << id << " has only a FAIL case";
  }
}

// --- PASS paths that need real signatures ------------------------------------------------------

constexpr std::string_view kSigstoreJsIdentity =
    "https://github.com/sigstore/sigstore-js/.github/workflows/release.yml@refs/heads/main";
constexpr std::string_view kSigstoreJsDigest =
    "46d4e2f74c4877316640000a6fdf8a8b59f1e0847667973e9859f774dd31b8f1e0937813b777fb66a2ac67d5054"
    "0fe34640966eee9fc2ccca387082b4c85cd3c";

Pack sigstore_pack(const std::filesystem::path& bundle, const std::filesystem::path& root) {
  Pack pack = test_pack::good_pack(catalogues());
  pack.files["signatures/sigstore-js.sigstore.json"] = assay::testing::read_text(bundle);
  pack.files["signatures/trusted_root.json"] = assay::testing::read_text(root);
  pack.manifest["signer"] = {{"identity", kSigstoreJsIdentity},
                             {"issuer", "https://token.actions.githubusercontent.com"}};
  Json& artefact = release(pack)["artefacts"][0];
  artefact["name"] = "sigstore-2.0.0.tgz";
  artefact.erase("path");
  artefact["digests"] = {{"sha512", kSigstoreJsDigest}};
  artefact["signatures"] = Json::array({{{"kind", "sigstore-bundle"},
                                         {"bundle", "signatures/sigstore-js.sigstore.json"},
                                         {"trusted_root", "signatures/trusted_root.json"}}});
  release(pack)["sboms"][0]["artefact"] = "sigstore-2.0.0.tgz";
  release(pack)["provenance"] = Json::array({{{"path", "signatures/sigstore-js.sigstore.json"},
                                              {"artefact", "sigstore-2.0.0.tgz"},
                                              {"trusted_root", "signatures/trusted_root.json"}}});
  return pack;
}

TEST(SignatureCheckTest, SigstoreBundleFromTheExpectedSignerPasses) {
  ASSAY_SHARED_DATA_OR_SKIP(
      bundle, "sigstore-go/pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json");
  ASSAY_SHARED_DATA_OR_SKIP(root, "sigstore-go/pkg/testing/data/trusted-roots/public-good.json");
  const Assessment assessment = run(sigstore_pack(bundle, root));
  const CheckResult* signatures = assessment.check("CHK-DIST-02");
  ASSERT_NE(signatures, nullptr);
  EXPECT_EQ(signatures->verdict, Verdict::kPass) << signatures->summary;
  ASSERT_FALSE(signatures->evidence.empty());
  EXPECT_EQ(signatures->evidence[0].strength, Strength::kE3);
  EXPECT_THAT(signatures->evidence[0].what, HasSubstr(std::string(kSigstoreJsIdentity)));
  const CheckResult* provenance = assessment.check("CHK-DIST-03");
  EXPECT_EQ(provenance->verdict, Verdict::kPass) << provenance->summary;
}

TEST(SignatureCheckTest, SigstoreBundleFromAnotherSignerFails) {
  ASSAY_SHARED_DATA_OR_SKIP(
      bundle, "sigstore-go/pkg/testing/data/bundles/sigstore.js@2.0.0-provenance.sigstore.json");
  ASSAY_SHARED_DATA_OR_SKIP(root, "sigstore-go/pkg/testing/data/trusted-roots/public-good.json");
  Pack pack = sigstore_pack(bundle, root);
  pack.manifest["signer"]["identity"] =
      "https://github.com/someone-else/repo/.github/workflows/release.yml@refs/heads/main";
  const Assessment assessment = run(pack);
  const CheckResult* signatures = assessment.check("CHK-DIST-02");
  EXPECT_EQ(signatures->verdict, Verdict::kFail);
  EXPECT_THAT(signatures->details.at(0), HasSubstr("does not verify"));
  EXPECT_EQ(assessment.check("CHK-DIST-03")->verdict, Verdict::kFail);
}

TEST(SignatureCheckTest, OpenPgpDetachedSignatureByTheVendorsKeyPasses) {
  verify::pgp::test_keys::Keyring keyring;
  const verify::pgp::test_keys::TestKey key =
      keyring.generate("Good Vendor Releases <releases@good.example>", "ed25519");
  if (key.fingerprint.size() != 40) {
    GTEST_SKIP() << "gpg could not generate a key here";
  }
  Pack pack = test_pack::good_pack(catalogues());
  pack.files["signatures/ledger.asc"] =
      keyring.sign(key.fingerprint, test_pack::artefact_bytes(), "--detach-sign");
  pack.files["signatures/release-key.asc"] = key.armored;
  pack.manifest["signer"]["openpgp_key"] = "signatures/release-key.asc";
  pack.manifest["signer"]["openpgp_fingerprint"] = key.fingerprint;
  release(pack)["artefacts"][0]["signatures"] =
      Json::array({{{"kind", "openpgp"}, {"signature", "signatures/ledger.asc"}}});
  const Assessment passed = run(pack);  // the check result points into it: keep it alive
  const CheckResult* check = passed.check("CHK-DIST-02");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->verdict, Verdict::kPass) << check->summary << "\n"
                                            << ::testing::PrintToString(check->details);
  EXPECT_EQ(check->evidence.at(0).strength, Strength::kE3);

  // A signature by a key other than the one the vendor publishes fails.
  const verify::pgp::test_keys::TestKey other =
      keyring.generate("Someone Else <else@example.org>", "ed25519");
  pack.files["signatures/ledger.asc"] =
      keyring.sign(other.fingerprint, test_pack::artefact_bytes(), "--detach-sign");
  const Assessment failed = run(pack);
  EXPECT_EQ(failed.check("CHK-DIST-02")->verdict, Verdict::kFail);
  EXPECT_THAT(failed.check("CHK-DIST-02")->details.at(0), HasSubstr("does not verify"));
}

TEST(SecurityTxtCheckTest, SignedFileVerifiedWithTheVendorsKeyPasses) {
  verify::pgp::test_keys::Keyring keyring;
  const verify::pgp::test_keys::TestKey key =
      keyring.generate("Good Vendor Security <security@good.example>", "ed25519");
  if (key.fingerprint.size() != 40) {
    GTEST_SKIP() << "gpg could not generate a key here";
  }
  const std::string body =
      test_pack::security_txt() + "Canonical: https://good.example/.well-known/security.txt\n";
  Pack pack = test_pack::good_pack(catalogues());
  pack.files["documents/security.txt"] = keyring.sign(key.fingerprint, body, "--clearsign");
  pack.files["documents/security-key.asc"] = key.armored;
  pack.manifest["links"]["security_txt"]["openpgp_key"] = "documents/security-key.asc";
  pack.manifest["links"]["security_txt"]["openpgp_fingerprint"] = key.fingerprint;
  const Assessment assessment = run(pack);
  const CheckResult* check = assessment.check("CHK-SECTXT-01");
  ASSERT_NE(check, nullptr);
  EXPECT_EQ(check->verdict, Verdict::kPass) << check->summary << "\n"
                                            << ::testing::PrintToString(check->details);
  EXPECT_EQ(check->evidence.at(0).strength, Strength::kE2);

  // The same file checked against another key fails.
  const verify::pgp::test_keys::TestKey other =
      keyring.generate("Someone Else <else@example.org>", "ed25519");
  pack.files["documents/security-key.asc"] = other.armored;
  pack.manifest["links"]["security_txt"]["openpgp_fingerprint"] = other.fingerprint;
  EXPECT_EQ(run(pack).check("CHK-SECTXT-01")->verdict, Verdict::kFail);
}

}  // namespace
}  // namespace assay::assess
