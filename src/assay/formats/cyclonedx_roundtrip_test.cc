// Round trips through the CycloneDX 1.6 writer for the parts of a BOM beyond components: services
// (nested), declarations (attestations), definitions.standards, SWID tags and external references.
// read -> model -> write 1.6 -> read again gives the same model, the written BOM is valid against
// the official 1.6 schema, and the values read are the ones the input states (so a loss on the
// first read is caught too). What the model does not hold is listed in docs/formats/cyclonedx.md.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/formats/cyclonedx.h"
#include "assay/formats/sbom.h"

#include "testing.h"

namespace assay::formats {
namespace {

using ::testing::ElementsAre;

constexpr std::string_view kBom = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
  "metadata": {
    "timestamp": "2025-05-07T10:00:00Z",
    "component": {"type": "application", "bom-ref": "app", "name": "portal", "version": "3.1.0"}
  },
  "components": [
    {"type": "library", "bom-ref": "lib", "name": "libfoo", "version": "1.2.3",
     "swid": {"tagId": "swidgen-242eb18a-503e-ca37-393b-cf156ef09691_9.1.1", "name": "libfoo"},
     "externalReferences": [
       {"type": "vcs", "url": "https://git.example.org/libfoo", "comment": "upstream"},
       {"type": "distribution", "url": "https://example.org/libfoo-1.2.3.tar.gz",
        "hashes": [{"alg": "SHA-256",
                    "content": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}]},
       {"type": "security-contact", "url": "mailto:security@example.org"},
       {"type": "rfc-9116", "url": "https://example.org/.well-known/security.txt"}]}
  ],
  "services": [
    {"bom-ref": "api", "provider": {"name": "Vendor Ltd", "url": ["https://vendor.example"]},
     "group": "vendor", "name": "portal-api", "version": "2", "description": "The portal's API",
     "endpoints": ["https://api.vendor.example/v2"], "authenticated": true,
     "x-trust-boundary": true,
     "data": [{"flow": "inbound", "classification": "PII"},
              {"flow": "outbound", "classification": "public"}],
     "licenses": [{"license": {"id": "Apache-2.0"}}],
     "externalReferences": [{"type": "documentation", "url": "https://docs.vendor.example/api"}],
     "properties": [{"name": "hosting", "value": "UK South"}],
     "services": [
       {"bom-ref": "api-auth", "name": "auth", "authenticated": false,
        "x-trust-boundary": false, "endpoints": ["https://api.vendor.example/v2/auth"]}]}
  ],
  "dependencies": [{"ref": "app", "dependsOn": ["lib", "api"]}],
  "declarations": {
    "assessors": [{"bom-ref": "assessor-1", "organization": {"name": "Vendor PSIRT"}}],
    "attestations": [{
      "summary": "Code of practice self-assessment", "assessor": "assessor-1",
      "map": [{"requirement": "req-1-1", "claims": ["claim-1"], "counterClaims": ["claim-2"],
               "conformance": {"score": 0.75, "rationale": "most systems covered",
                               "mitigationStrategies": []},
               "confidence": {"score": 0.9, "rationale": "audited"}}]}],
    "claims": [
      {"bom-ref": "claim-1", "target": "app", "predicate": "Vulnerabilities are triaged in 5 days",
       "reasoning": "ticket SLA", "evidence": ["evidence-1"], "counterEvidence": []},
      {"bom-ref": "claim-2", "target": "api", "predicate": "Legacy endpoint unpatched",
       "evidence": [], "counterEvidence": ["evidence-1"]}],
    "evidence": [{"bom-ref": "evidence-1", "propertyName": "internal:sla",
                  "description": "Triage SLA report for 2025"}],
    "affirmation": {"statement": "We affirm the above."}
  },
  "definitions": {
    "standards": [{
      "bom-ref": "std-1", "name": "Software Security Code of Practice", "version": "1.0",
      "description": "UK code of practice", "owner": "DSIT",
      "requirements": [
        {"bom-ref": "req-1", "identifier": "1", "title": "Secure design"},
        {"bom-ref": "req-1-1", "identifier": "1.1", "title": "Triage", "text": "Triage quickly",
         "parent": "req-1"}]}]
  }
})";

std::string references_text(const std::vector<model::ExternalReference>& references) {
  std::string text;
  for (const model::ExternalReference& reference : references) {
    text += reference.type + " " + reference.url + " [" + reference.comment + "]";
    for (const model::Hash& hash : reference.hashes) {
      text += " " + hash.algorithm + ":" + hash.value;
    }
    text += "\n";
  }
  return text;
}

// Everything the model holds about the parts under test, one fact per line.
std::string describe(const model::Sbom& sbom) {
  std::string text;
  for (const model::Component& component : sbom.components) {
    text += "component " + component.ref + " swid=" + component.swid_tag_id + "\n";
    text += references_text(component.external_references);
  }
  for (const model::Service& service : sbom.services) {
    text += "service " + service.ref + " parent=" + service.parent_ref + " " + service.group + "/" +
            service.name + "@" + service.version + " " + service.description +
            " provider=" + service.provider.name;
    for (const std::string& url : service.provider.urls) {
      text += " " + url;
    }
    text += " auth=" +
            std::string(!service.authenticated   ? "?"
                        : *service.authenticated ? "yes"
                                                 : "no") +
            " boundary=" +
            std::string(!service.crosses_trust_boundary   ? "?"
                        : *service.crosses_trust_boundary ? "yes"
                                                          : "no") +
            "\n";
    for (const std::string& endpoint : service.endpoints) {
      text += "  endpoint " + endpoint + "\n";
    }
    for (const std::string& data : service.data_classifications) {
      text += "  data " + data + "\n";
    }
    for (const model::License& license : service.licenses) {
      text += "  licence " + license.value + "\n";
    }
    for (const model::Property& property : service.properties) {
      text += "  property " + property.name + "=" + property.value + "\n";
    }
    text += references_text(service.external_references);
  }
  const model::Declarations& declarations = sbom.declarations;
  for (const model::Organization& assessor : declarations.assessors) {
    text += "assessor " + assessor.ref + " " + assessor.name + "\n";
  }
  for (const model::Attestation& attestation : declarations.attestations) {
    text += "attestation " + attestation.summary + " by " + attestation.assessor + "\n";
    for (const model::AttestationMapEntry& entry : attestation.map) {
      text += "  map " + entry.requirement + " claims=" + ::testing::PrintToString(entry.claims) +
              " counter=" + ::testing::PrintToString(entry.counter_claims) +
              " conformance=" + ::testing::PrintToString(entry.conformance_score) + " " +
              entry.conformance_rationale +
              " confidence=" + ::testing::PrintToString(entry.confidence_score) + " " +
              entry.confidence_rationale + "\n";
    }
  }
  for (const model::AttestationClaim& claim : declarations.claims) {
    text += "claim " + claim.ref + " on " + claim.target + ": " + claim.predicate + " (" +
            claim.reasoning + ") evidence=" + ::testing::PrintToString(claim.evidence_refs) +
            " counter=" + ::testing::PrintToString(claim.counter_evidence_refs) + "\n";
  }
  for (const model::Property& evidence : declarations.evidence) {
    text += "evidence " + evidence.name + ": " + evidence.value + "\n";
  }
  text += "affirmation " + declarations.affirmation_statement + "\n";
  for (const model::Standard& standard : sbom.standards) {
    text += "standard " + standard.ref + " " + standard.name + " " + standard.version + " " +
            standard.description + " owner=" + standard.owner + "\n";
    for (const model::Requirement& requirement : standard.requirements) {
      text += "  requirement " + requirement.ref + " " + requirement.identifier + " " +
              requirement.title + " [" + requirement.text +
              "] parents=" + ::testing::PrintToString(requirement.parents) + "\n";
    }
  }
  return text;
}

TEST(CycloneDxRoundTripTest, ServicesDeclarationsStandardsSwidAndReferencesSurvive) {
  const Result<Parsed<model::Sbom>> first = read_cyclonedx_json(kBom, "in.json");
  ASSERT_TRUE(first.has_value()) << first.error().to_string();
  const std::string written = write_cyclonedx_json(first->value);

  // The written BOM is valid against the official 1.6 schema and the semantic rules.
  const Result<Parsed<model::Sbom>> validated = validate_cyclonedx_json(written, "out.json");
  ASSERT_TRUE(validated.has_value()) << validated.error().to_string();
  for (const Diagnostic& diagnostic : validated->diagnostics) {
    EXPECT_NE(diagnostic.severity, Severity::kError) << diagnostic.to_string() << "\n" << written;
  }

  const Result<Parsed<model::Sbom>> second = read_cyclonedx_json(written, "out.json");
  ASSERT_TRUE(second.has_value()) << second.error().to_string();
  EXPECT_EQ(describe(second->value), describe(first->value)) << written;
  // Writing again gives the same text: nothing drifts on a second pass.
  EXPECT_EQ(write_cyclonedx_json(second->value), written);
}

TEST(CycloneDxRoundTripTest, ReadsWhatTheInputStates) {
  const Result<Parsed<model::Sbom>> parsed = read_cyclonedx_json(kBom, "in.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const std::string text = describe(parsed->value);
  // SWID and external references (hashes and comments kept, 1.6 types such as rfc-9116 kept).
  EXPECT_THAT(text, ::testing::HasSubstr(
                        "component lib swid=swidgen-242eb18a-503e-ca37-393b-cf156ef09691_9.1.1"));
  EXPECT_THAT(text, ::testing::HasSubstr("vcs https://git.example.org/libfoo [upstream]"));
  EXPECT_THAT(text, ::testing::HasSubstr(
                        "distribution https://example.org/libfoo-1.2.3.tar.gz [] SHA-256:9f86d0"));
  EXPECT_THAT(text, ::testing::HasSubstr("rfc-9116 https://example.org/.well-known/security.txt"));
  // Services, nested, with every member the model holds.
  EXPECT_THAT(text, ::testing::HasSubstr("service api parent= vendor/portal-api@2 The portal's "
                                         "API provider=Vendor Ltd https://vendor.example "
                                         "auth=yes boundary=yes"));
  EXPECT_THAT(text, ::testing::HasSubstr("service api-auth parent=api /auth@ "));
  EXPECT_THAT(text, ::testing::HasSubstr("auth=no boundary=no"));
  EXPECT_THAT(text, ::testing::HasSubstr("  data inbound:PII\n  data outbound:public\n"));
  EXPECT_THAT(text, ::testing::HasSubstr("  licence Apache-2.0\n  property hosting=UK South\n"));
  // Declarations and standards.
  EXPECT_THAT(text, ::testing::HasSubstr("assessor assessor-1 Vendor PSIRT"));
  EXPECT_THAT(text, ::testing::HasSubstr("conformance=(0.75) most systems covered"));
  EXPECT_THAT(text, ::testing::HasSubstr("confidence=(0.9) audited"));
  EXPECT_THAT(text, ::testing::HasSubstr("claim claim-2 on api: Legacy endpoint unpatched"));
  EXPECT_THAT(text, ::testing::HasSubstr("evidence evidence-1: Triage SLA report for 2025"));
  EXPECT_THAT(text, ::testing::HasSubstr("affirmation We affirm the above."));
  EXPECT_THAT(text, ::testing::HasSubstr("requirement req-1-1 1.1 Triage [Triage quickly] "
                                         "parents={ \"req-1\" }"));
  ASSERT_EQ(parsed->value.services.size(), 2U);
  // Nested services are flattened with parent_ref set (the nested one is read first).
  EXPECT_EQ(parsed->value.services[0].parent_ref, "api");
  EXPECT_THAT(parsed->value.services[1].endpoints, ElementsAre("https://api.vendor.example/v2"));
}

// Every valid 1.6 example of the CycloneDX specification round-trips as well; at least those with
// services, declarations, standards, SWID tags or external references must be there.
TEST(CycloneDxRoundTripTest, EveryValid16ExampleOfTheSpecificationRoundTrips) {
  std::size_t with_services = 0;
  std::size_t examples = 0;
  std::vector<std::string> schema_failures;
  // Known loss, not yet fixed (docs/formats/cyclonedx.md): the model keeps an affirmation
  // signatory's name and role only, so its organization, externalReference or signature are
  // dropped and the written signatory fails the schema's oneOf. When that is fixed this list
  // must be emptied (the test fails while the loss is no longer seen).
  const std::string kKnownLoss = "valid-attestation-1.6.json";
  std::vector<std::string> known_loss_seen;
  for (const auto& path :
       testing::shared_files("cyclonedx-specification/tools/src/test/resources/1.6", ".json")) {
    ASSAY_SKIP_IF_MISSING_FILE(path);
    const std::string name = path.filename().string();
    if (name.rfind("valid-", 0) != 0) {
      continue;
    }
    const Result<Parsed<model::Sbom>> first = read_cyclonedx_json(testing::read_text(path), name);
    ASSERT_TRUE(first.has_value()) << name << ": " << first.error().to_string();
    ++examples;
    bool relevant = !first->value.services.empty() || !first->value.declarations.empty() ||
                    !first->value.standards.empty();
    for (const model::Component& component : first->value.components) {
      relevant =
          relevant || !component.swid_tag_id.empty() || !component.external_references.empty();
    }
    with_services += relevant ? 1 : 0;
    const std::string written = write_cyclonedx_json(first->value);
    const Result<Parsed<model::Sbom>> second = read_cyclonedx_json(written, "out.json");
    ASSERT_TRUE(second.has_value()) << name << ": " << second.error().to_string();
    EXPECT_EQ(describe(second->value), describe(first->value)) << name;
    const Result<Parsed<model::Sbom>> validated = validate_cyclonedx_json(written, name);
    ASSERT_TRUE(validated.has_value()) << name << ": " << validated.error().to_string();
    for (const Diagnostic& diagnostic : validated->diagnostics) {
      if (diagnostic.severity == Severity::kError && diagnostic.code == "CDX-SCHEMA") {
        (name == kKnownLoss ? known_loss_seen : schema_failures)
            .push_back(name + ": " + diagnostic.to_string());
      }
    }
  }
  EXPECT_THAT(schema_failures, ::testing::IsEmpty());
  EXPECT_THAT(known_loss_seen, ::testing::Not(::testing::IsEmpty()));
  EXPECT_GT(examples, 40U);
  EXPECT_GE(with_services, 6U);
}

}  // namespace
}  // namespace assay::formats
