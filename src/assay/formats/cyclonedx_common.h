// Mappings shared by the CycloneDX JSON and XML readers and the writer: component types, scopes,
// VEX analysis states and justifications, and the end-of-read assembly of the model.
#ifndef ASSAY_FORMATS_CYCLONEDX_COMMON_H_
#define ASSAY_FORMATS_CYCLONEDX_COMMON_H_

#include <optional>
#include <string>
#include <string_view>

#include "assay/core/diagnostic.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::formats::cyclonedx {

// "library" -> kLibrary ...; nullopt for a value CycloneDX does not define.
std::optional<model::ComponentType> component_type_from(std::string_view text);
// "required" | "optional" | "excluded"; kUnspecified otherwise.
model::Scope scope_from(std::string_view text);

// analysis.state -> VEX status (resolved* -> fixed, exploitable -> affected, in_triage ->
// under_investigation, false_positive/not_affected -> not_affected); nullopt when unknown.
std::optional<model::VexStatus> vex_status_from(std::string_view state);
// CycloneDX status for a VEX status (the inverse of the above, choosing one spelling).
std::string_view analysis_state_for(model::VexStatus status);

// analysis.justification -> the OpenVEX justification where one exists, else the CycloneDX term.
std::string justification_from(std::string_view justification);
// The inverse, for the writer; "" when `justification` has no CycloneDX spelling.
std::string_view justification_for(std::string_view justification);

// Finishes a read: synthesises refs for components without one, checks limits already applied,
// fills each vulnerability product's purl from the component it names, and runs check_sbom.
void finish_sbom(model::Sbom& sbom, std::string_view source, DiagnosticSink& sink);

}  // namespace assay::formats::cyclonedx

#endif  // ASSAY_FORMATS_CYCLONEDX_COMMON_H_
