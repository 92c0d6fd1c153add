// CycloneDX value mappings shared by the readers and the writer.
#include "assay/formats/cyclonedx_common.h"

#include <unordered_map>

#include "assay/core/strings.h"
#include "assay/formats/sbom_common.h"

namespace assay::formats::cyclonedx {

std::optional<model::ComponentType> component_type_from(std::string_view text) {
  using model::ComponentType;
  struct Entry {
    std::string_view name;
    ComponentType type;
  };
  static constexpr Entry kTypes[] = {
      {"application", ComponentType::kApplication},
      {"framework", ComponentType::kFramework},
      {"library", ComponentType::kLibrary},
      {"container", ComponentType::kContainer},
      {"platform", ComponentType::kPlatform},
      {"operating-system", ComponentType::kOperatingSystem},
      {"device", ComponentType::kDevice},
      {"device-driver", ComponentType::kDeviceDriver},
      {"firmware", ComponentType::kFirmware},
      {"file", ComponentType::kFile},
      {"machine-learning-model", ComponentType::kMachineLearningModel},
      {"data", ComponentType::kData},
      {"cryptographic-asset", ComponentType::kCryptographicAsset},
  };
  for (const Entry& entry : kTypes) {
    if (entry.name == text) {
      return entry.type;
    }
  }
  return std::nullopt;
}

model::Scope scope_from(std::string_view text) {
  if (text == "required") {
    return model::Scope::kRequired;
  }
  if (text == "optional") {
    return model::Scope::kOptional;
  }
  if (text == "excluded") {
    return model::Scope::kExcluded;
  }
  return model::Scope::kUnspecified;
}

std::optional<model::VexStatus> vex_status_from(std::string_view state) {
  if (state == "resolved" || state == "resolved_with_pedigree") {
    return model::VexStatus::kFixed;
  }
  if (state == "exploitable") {
    return model::VexStatus::kAffected;
  }
  if (state == "in_triage") {
    return model::VexStatus::kUnderInvestigation;
  }
  if (state == "false_positive" || state == "not_affected") {
    return model::VexStatus::kNotAffected;
  }
  return std::nullopt;
}

std::string_view analysis_state_for(model::VexStatus status) {
  switch (status) {
    case model::VexStatus::kFixed:
      return "resolved";
    case model::VexStatus::kAffected:
      return "exploitable";
    case model::VexStatus::kUnderInvestigation:
      return "in_triage";
    case model::VexStatus::kNotAffected:
      return "not_affected";
  }
  return "in_triage";
}

namespace {
struct JustificationPair {
  std::string_view cyclonedx;
  std::string_view openvex;
};
constexpr JustificationPair kJustifications[] = {
    {"code_not_present", "vulnerable_code_not_present"},
    {"code_not_reachable", "vulnerable_code_not_in_execute_path"},
    {"protected_by_mitigating_control", "inline_mitigations_already_exist"},
};
constexpr std::string_view kCycloneDxOnly[] = {"requires_configuration", "requires_dependency",
                                               "requires_environment",   "protected_by_compiler",
                                               "protected_at_runtime",   "protected_at_perimeter"};
}  // namespace

std::string justification_from(std::string_view justification) {
  for (const JustificationPair& pair : kJustifications) {
    if (pair.cyclonedx == justification) {
      return std::string(pair.openvex);
    }
  }
  return std::string(justification);
}

std::string_view justification_for(std::string_view justification) {
  for (const JustificationPair& pair : kJustifications) {
    if (pair.openvex == justification || pair.cyclonedx == justification) {
      return pair.cyclonedx;
    }
  }
  for (const std::string_view term : kCycloneDxOnly) {
    if (term == justification) {
      return term;
    }
  }
  if (justification == "component_not_present") {
    return "code_not_present";
  }
  if (justification == "vulnerable_code_cannot_be_controlled_by_adversary") {
    return "protected_by_mitigating_control";
  }
  return {};
}

void finish_sbom(model::Sbom& sbom, std::string_view source, DiagnosticSink& sink) {
  std::size_t synthetic = 0;
  for (model::Component& component : sbom.components) {
    if (component.ref.empty()) {
      component.ref = "assay:component/" + std::to_string(++synthetic);
    }
  }
  std::unordered_map<std::string_view, const model::Component*> by_ref;
  by_ref.reserve(sbom.components.size());
  for (const model::Component& component : sbom.components) {
    by_ref.emplace(component.ref, &component);
  }
  for (model::VexStatement& statement : sbom.vulnerabilities) {
    for (model::VexProduct& product : statement.products) {
      const auto found = by_ref.find(product.ref);
      if (found != by_ref.end()) {
        product.purl = found->second->purl_canonical.empty() ? found->second->purl
                                                             : found->second->purl_canonical;
        if (!found->second->cpes.empty()) {
          product.cpe = found->second->cpes.front();
        }
        product.name = found->second->name;
        for (const model::Hash& hash : found->second->hashes) {
          std::string algorithm;
          for (const char c : hash.algorithm) {
            if (c != '-') {
              algorithm += ascii_to_lower(c);
            }
          }
          product.hashes.push_back(algorithm + ":" + hash.value);
        }
      }
    }
  }
  check_sbom(sbom, source, sink);
}

}  // namespace assay::formats::cyclonedx
