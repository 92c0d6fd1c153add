// SLSA provenance predicates (https://slsa.dev/provenance/v0.2 and /v1): what was built, by which
// builder, from which source; a policy check over them (builder, source repository and ref,
// build type, subject digest) and the SLSA Build level the provenance supports. Parsing and policy
// are pure; the signature over the provenance is verified elsewhere (dsse.h, sigstore_verify.h)
// and its outcome passed in as SignatureEvidence.
#ifndef ASSAY_VERIFY_SLSA_H_
#define ASSAY_VERIFY_SLSA_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/json.h"
#include "assay/core/result.h"
#include "assay/verify/digest.h"
#include "assay/verify/intoto.h"
#include "assay/verify/verification.h"

namespace assay::verify::slsa {

inline constexpr std::string_view kProvenanceV02 = "https://slsa.dev/provenance/v0.2";
inline constexpr std::string_view kProvenanceV1 = "https://slsa.dev/provenance/v1";

enum class ProvenanceVersion { kV02, kV1 };

// "v0.2" or "v1".
std::string_view to_string(ProvenanceVersion version);

// True when `predicate_type` is one of the two provenance types this module reads.
bool is_provenance(std::string_view predicate_type);

// A source location, normalised. "git+https://github.com/org/repo@refs/tags/v1" becomes
// repository "git+https://github.com/org/repo", ref "refs/tags/v1".
struct SourceRef {
  std::string repository;  // canonical: "git+https://<lower-case host>/<path>", no ".git", no "/"
  std::string ref;         // "refs/heads/main", "refs/tags/v1.2.3"; "" when unknown
  std::string path;        // workflow or build config path ("" when unknown)
  std::string commit;      // git commit (gitCommit or sha1 digest), "" when unknown
  std::string uri;         // as written in the provenance
  std::string found_at;    // JSON pointer into the predicate where it was read
};

struct ResourceRef {
  std::string uri;
  std::string name;
  std::vector<std::pair<std::string, std::string>> digest;
};

struct Provenance {
  ProvenanceVersion version = ProvenanceVersion::kV1;
  std::string builder_id;  // v0.2 builder.id; v1 runDetails.builder.id
  std::string build_type;  // v0.2 buildType; v1 buildDefinition.buildType
  std::optional<SourceRef> source;
  // v0.2 materials; v1 buildDefinition.resolvedDependencies.
  std::vector<ResourceRef> dependencies;
  std::string invocation_id;  // metadata.buildInvocationId / runDetails.metadata.invocationId
  std::string started_on;     // RFC 3339 as written, "" when absent
  std::string finished_on;
};

// Reads the SLSA predicate of `statement`. The source is taken, in order, from: v0.2
// invocation.configSource (uri, digest, entryPoint); v1 externalParameters.workflow
// (repository, ref, path), externalParameters.buildConfigSource, externalParameters.source
// (a string or a ResourceDescriptor), then the first git dependency (v1 resolvedDependencies, v0.2
// materials). Fails with kUnsupported when the predicate type is not SLSA provenance v0.2/v1, and
// kInvalidInput (location "source#/predicate/...") when a required field is missing or mistyped:
// builder id (both versions), buildType (both), buildDefinition and runDetails (v1).
[[nodiscard]] Result<Provenance> parse_provenance(const intoto::Statement& statement,
                                                  std::string_view source = "provenance");

// Normalises a repository as a policy states it ("github.com/org/repo",
// "https://github.com/org/repo.git", "git+https://github.com/org/repo") to SourceRef::repository
// form. Fails with kInvalidInput for an empty value or a scheme other than https / git+https.
[[nodiscard]] Result<std::string> normalize_repository(std::string_view repository);

// What the caller established about the signature over the provenance.
enum class SignatureState {
  kAbsent,      // a bare statement: nothing signed it
  kUnverified,  // signed, but the signature was not (or could not be) verified
  kVerified,    // the signature verified against a trusted root
};

struct SignatureEvidence {
  SignatureState state = SignatureState::kAbsent;
  // The identity the verified signature established, when it is a workflow certificate (a
  // Fulcio SAN such as "https://github.com/org/repo/.github/workflows/x.yml@refs/tags/v1"); ""
  // when unknown or for key-based signatures.
  std::string signer_identity;
};

enum class BuildLevel { kNone = 0, kL1 = 1, kL2 = 2, kL3 = 3 };

// "none", "L1", "L2", "L3".
std::string_view to_string(BuildLevel level);

struct LevelAssessment {
  BuildLevel level = BuildLevel::kNone;
  std::string reason;  // one sentence: why this level and not the next
};

// The SLSA Build level this provenance supports, by the rule documented in
// docs/formats/provenance.md:
//   L1  the provenance exists and names a builder;
//   L2  ... and its signature was verified, and the builder is a hosted build platform Assay knows
//       (GitHub-hosted runners, Google Cloud Build, the slsa-github-generator workflows);
//   L3  ... and the builder is a hardened builder Assay knows: an slsa-github-generator builder
//       or generator workflow (github.com/slsa-framework/slsa-github-generator) at a release tag
//       refs/tags/vX.Y.Z whose signer identity equals the builder id, or Google Cloud Build's
//       GoogleHostedWorker.
LevelAssessment assess_level(const Provenance& provenance, const SignatureEvidence& signature);

struct Policy {
  // Accepted builder ids. An entry with "@" must equal the builder id exactly; one without matches
  // the builder id exactly or followed by "@<anything>" (any version of that builder). Empty: the
  // builder is not checked (the check is reported as skipped).
  std::vector<std::string> builder_ids;
  // Expected source repository in any form normalize_repository() accepts; "" = not checked.
  std::string source_repository;
  // Expected ref: a full ref ("refs/heads/main", "refs/tags/v1.2.0") compared exactly, or a bare
  // name ("v1.2.0") taken as the tag refs/tags/<name>; "" = not checked.
  std::string source_ref;
  // Expected buildType, compared exactly; "" = not checked.
  std::string build_type;
  // The artefact's digests: the statement must have a subject with an equal digest
  // (intoto::match_subject). nullopt = not checked.
  std::optional<digest::Digests> artefact;
  std::string artefact_name;  // when set, the matching subject must have this name
  // The minimum SLSA Build level required; kNone = the level is reported, not required.
  BuildLevel minimum_level = BuildLevel::kNone;
};

// Checks `provenance` (read from `statement`) against `policy`. Returns method "slsa-provenance",
// subject = the statement's subject names and the provenance version, identity = builder id, with
// checks in this order:
//   "intoto.subject"          the artefact digest binding (skipped when policy.artefact is unset);
//   "slsa.builder.id"         pass/fail against policy.builder_ids (skipped when none given);
//   "slsa.source.repository"  pass/fail (fail when the provenance names no source);
//   "slsa.source.ref"         pass/fail (fail when the provenance names no ref);
//   "slsa.build_type"         pass/fail;
//   "slsa.level"              detail "L<n>: <reason>"; pass/fail against policy.minimum_level,
//                             skipped when no minimum was asked for.
// Unset policy fields give skipped checks, so a policy that asks nothing is never a pass.
Verification verify(const intoto::Statement& statement, const Provenance& provenance,
                    const Policy& policy, const SignatureEvidence& signature);

}  // namespace assay::verify::slsa

#endif  // ASSAY_VERIFY_SLSA_H_
