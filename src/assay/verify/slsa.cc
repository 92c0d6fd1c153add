// SLSA provenance v0.2 / v1 reading, policy checks and the SLSA Build level rule.
#include "assay/verify/slsa.h"

#include <array>
#include <optional>

#include "assay/core/strings.h"

namespace assay::verify::slsa {

namespace {

constexpr std::string_view kGeneratorWorkflows =
    "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/";

// Builders and generators of slsa-framework/slsa-github-generator whose provenance is produced in
// an isolated reusable workflow the calling repository cannot influence (SLSA Build L3).
constexpr std::array<std::string_view, 11> kHardenedGeneratorWorkflows = {
    "builder_go_slsa3.yml",
    "generator_generic_slsa3.yml",
    "generator_container_slsa3.yml",
    "builder_container-based_slsa3.yml",
    "builder_docker-based_slsa3.yml",
    "builder_nodejs_slsa3.yml",
    "builder_maven_slsa3.yml",
    "builder_gradle_slsa3.yml",
    "builder_bazel_slsa3.yml",
    "delegator_generic_slsa3.yml",
    "delegator_lowperms-generic_slsa3.yml",
};

constexpr std::string_view kCloudBuildWorker =
    "https://cloudbuild.googleapis.com/GoogleHostedWorker";

// Hosted build platforms whose runners, not the tenant, produce the provenance (SLSA Build L2).
constexpr std::array<std::string_view, 3> kHostedPlatforms = {
    "https://github.com/actions/runner/github-hosted",
    "https://github.com/actions/runner",
    kCloudBuildWorker,
};

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "id" or "id@anything" for an expected id without a version; exact otherwise.
bool builder_matches(std::string_view actual, std::string_view expected) {
  if (expected.find('@') != std::string_view::npos) {
    return actual == expected;
  }
  return actual == expected || (starts_with(actual, expected) && actual.size() > expected.size() &&
                                actual[expected.size()] == '@');
}

// The part of a builder id before "@<version>".
std::string_view builder_without_version(std::string_view id) {
  const std::size_t scheme = id.find("://");
  const std::size_t at = id.rfind('@');
  if (at == std::string_view::npos || (scheme != std::string_view::npos && at < scheme)) {
    return id;
  }
  return id.substr(0, at);
}

// refs/tags/vMAJOR.MINOR.PATCH, optionally -rc.N: the only refs slsa-github-generator releases.
bool is_release_tag(std::string_view ref) {
  constexpr std::string_view kPrefix = "refs/tags/v";
  if (!starts_with(ref, kPrefix)) {
    return false;
  }
  std::string_view rest = ref.substr(kPrefix.size());
  const std::size_t rc = rest.find("-rc.");
  if (rc != std::string_view::npos) {
    if (!all_digits(rest.substr(rc + 4))) {
      return false;
    }
    rest = rest.substr(0, rc);
  }
  const std::vector<std::string_view> parts = split(rest, '.');
  if (parts.size() != 3) {
    return false;
  }
  for (const std::string_view part : parts) {
    if (!all_digits(part)) {
      return false;
    }
  }
  return true;
}

bool is_hosted_platform(std::string_view builder_id) {
  const std::string_view base = builder_without_version(builder_id);
  for (const std::string_view platform : kHostedPlatforms) {
    if (base == platform) {
      return true;
    }
  }
  return starts_with(builder_id, kGeneratorWorkflows);
}

// True when `builder_id` is a hardened slsa-github-generator workflow at a release tag; otherwise
// sets *why_not (left empty when the id is not a generator workflow at all).
bool is_hardened_generator(std::string_view builder_id, std::string* why_not) {
  if (!starts_with(builder_id, kGeneratorWorkflows)) {
    return false;
  }
  const std::string_view rest = builder_id.substr(kGeneratorWorkflows.size());
  const std::size_t at = rest.find('@');
  const std::string_view workflow = rest.substr(0, at);
  bool known = false;
  for (const std::string_view name : kHardenedGeneratorWorkflows) {
    known = known || workflow == name;
  }
  if (!known) {
    *why_not = "workflow " + quote(workflow) + " is not a known slsa-github-generator builder";
    return false;
  }
  const std::string_view ref = at == std::string_view::npos ? "" : rest.substr(at + 1);
  if (!is_release_tag(ref)) {
    *why_not = "the builder is referenced at " + quote(ref) +
               ", not a release tag refs/tags/vX.Y.Z, so its code is not pinned";
    return false;
  }
  return true;
}

// Splits "<repo>@<ref>" where "@" comes after the host ("git+https://h/o/r@refs/tags/v1").
void split_ref(std::string_view uri, std::string_view& repository, std::string_view& ref) {
  const std::size_t scheme = uri.find("://");
  const std::size_t path_start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const std::size_t at = uri.find('@', path_start);
  if (at == std::string_view::npos) {
    repository = uri;
    ref = {};
    return;
  }
  repository = uri.substr(0, at);
  ref = uri.substr(at + 1);
}

// Canonical repository form used for comparison. Lenient: provenance values that do not look like
// URLs are kept as written (they then simply fail to match a policy).
std::string canonical_repository(std::string_view repository) {
  std::string text(trim(repository));
  if (starts_with(text, "git+")) {
    text.erase(0, 4);
  }
  const std::size_t scheme = text.find("://");
  if (scheme == std::string::npos) {
    text = "https://" + text;
  }
  const std::size_t host_start = text.find("://") + 3;
  std::size_t host_end = text.find('/', host_start);
  if (host_end == std::string::npos) {
    host_end = text.size();
  }
  for (std::size_t index = 0; index < host_end; ++index) {
    text[index] = ascii_to_lower(text[index]);
  }
  while (!text.empty() && text.back() == '/') {
    text.pop_back();
  }
  if (text.size() > 4 && text.compare(text.size() - 4, 4, ".git") == 0) {
    text.erase(text.size() - 4);
  }
  return "git+" + text;
}

std::string commit_of(const std::vector<std::pair<std::string, std::string>>& digest) {
  for (const auto& [key, value] : digest) {
    if (key == "gitCommit" || key == "sha1") {
      return value;
    }
  }
  return {};
}

Result<std::vector<std::pair<std::string, std::string>>> read_digest_set(const json::Reader& node) {
  std::vector<std::pair<std::string, std::string>> out;
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object (a DigestSet)"));
  }
  for (const auto& [key, value] : node.node().items()) {
    ASSAY_TRY(const json::Reader entry, node.at(key));
    ASSAY_TRY(std::string text, entry.as_string());
    out.emplace_back(key, std::move(text));
  }
  return out;
}

Result<ResourceRef> read_resource(const json::Reader& node) {
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object (a resource descriptor)"));
  }
  ResourceRef resource;
  ASSAY_TRY(std::optional<std::string> uri, node.get_optional_string("uri"));
  ASSAY_TRY(std::optional<std::string> name, node.get_optional_string("name"));
  resource.uri = uri.value_or("");
  resource.name = name.value_or("");
  if (const std::optional<json::Reader> digest = node.find("digest")) {
    ASSAY_TRY(resource.digest, read_digest_set(*digest));
  }
  return resource;
}

Result<std::vector<ResourceRef>> read_resources(const json::Reader& parent, std::string_view key) {
  std::vector<ResourceRef> out;
  const std::optional<json::Reader> list = parent.find(key);
  if (!list) {
    return out;
  }
  ASSAY_TRY(const std::size_t count, list->array_size());
  for (std::size_t index = 0; index < count; ++index) {
    ASSAY_TRY(const json::Reader item, list->at(index));
    ASSAY_TRY(ResourceRef resource, read_resource(item));
    out.push_back(std::move(resource));
  }
  return out;
}

SourceRef source_from_uri(std::string_view uri, std::string found_at) {
  std::string_view repository;
  std::string_view ref;
  split_ref(uri, repository, ref);
  SourceRef source;
  source.repository = canonical_repository(repository);
  source.ref = std::string(ref);
  source.uri = std::string(uri);
  source.found_at = std::move(found_at);
  return source;
}

// The first dependency that is a git repository, as a fallback source.
std::optional<SourceRef> source_from_dependencies(const std::vector<ResourceRef>& dependencies,
                                                  std::string_view pointer) {
  for (std::size_t index = 0; index < dependencies.size(); ++index) {
    const ResourceRef& dependency = dependencies[index];
    if (starts_with(dependency.uri, "git+")) {
      SourceRef source =
          source_from_uri(dependency.uri, json::pointer_append(pointer, index) + "/uri");
      source.commit = commit_of(dependency.digest);
      return source;
    }
  }
  return std::nullopt;
}

// {"repository", "ref", "path"} objects (GitHub workflow, Cloud Build buildConfigSource).
Result<std::optional<SourceRef>> source_from_object(const json::Reader& node) {
  if (!node.node().is_object()) {
    return tl::unexpected(node.type_error("object"));
  }
  ASSAY_TRY(std::optional<std::string> repository, node.get_optional_string("repository"));
  if (!repository || repository->empty()) {
    return std::optional<SourceRef>();
  }
  ASSAY_TRY(std::optional<std::string> ref, node.get_optional_string("ref"));
  ASSAY_TRY(std::optional<std::string> path, node.get_optional_string("path"));
  SourceRef source;
  source.repository = canonical_repository(*repository);
  source.ref = ref.value_or("");
  source.path = path.value_or("");
  source.uri = *repository;
  source.found_at = node.pointer();
  return std::optional<SourceRef>(std::move(source));
}

Result<Provenance> read_v02(const json::Reader& predicate) {
  Provenance provenance;
  provenance.version = ProvenanceVersion::kV02;
  ASSAY_TRY(const json::Reader builder, predicate.at("builder"));
  ASSAY_TRY(provenance.builder_id, builder.get_string("id"));
  ASSAY_TRY(provenance.build_type, predicate.get_string("buildType"));
  ASSAY_TRY(provenance.dependencies, read_resources(predicate, "materials"));
  if (const std::optional<json::Reader> invocation = predicate.find("invocation")) {
    if (const std::optional<json::Reader> config = invocation->find("configSource")) {
      ASSAY_TRY(std::optional<std::string> uri, config->get_optional_string("uri"));
      if (uri && !uri->empty()) {
        SourceRef source = source_from_uri(*uri, config->pointer() + "/uri");
        ASSAY_TRY(std::optional<std::string> entry, config->get_optional_string("entryPoint"));
        source.path = entry.value_or("");
        if (const std::optional<json::Reader> digest = config->find("digest")) {
          ASSAY_TRY(const auto digests, read_digest_set(*digest));
          source.commit = commit_of(digests);
        }
        provenance.source = std::move(source);
      }
    }
  }
  if (!provenance.source) {
    provenance.source =
        source_from_dependencies(provenance.dependencies, predicate.pointer() + "/materials");
  }
  if (const std::optional<json::Reader> metadata = predicate.find("metadata")) {
    ASSAY_TRY(std::optional<std::string> id, metadata->get_optional_string("buildInvocationId"));
    ASSAY_TRY(std::optional<std::string> started, metadata->get_optional_string("buildStartedOn"));
    ASSAY_TRY(std::optional<std::string> finished,
              metadata->get_optional_string("buildFinishedOn"));
    provenance.invocation_id = id.value_or("");
    provenance.started_on = started.value_or("");
    provenance.finished_on = finished.value_or("");
  }
  return provenance;
}

Result<Provenance> read_v1(const json::Reader& predicate) {
  Provenance provenance;
  provenance.version = ProvenanceVersion::kV1;
  ASSAY_TRY(const json::Reader definition, predicate.at("buildDefinition"));
  ASSAY_TRY(provenance.build_type, definition.get_string("buildType"));
  ASSAY_TRY(const json::Reader external, definition.at("externalParameters"));
  if (!external.node().is_object()) {
    return tl::unexpected(external.type_error("object"));
  }
  ASSAY_TRY(provenance.dependencies, read_resources(definition, "resolvedDependencies"));
  ASSAY_TRY(const json::Reader run, predicate.at("runDetails"));
  ASSAY_TRY(const json::Reader builder, run.at("builder"));
  ASSAY_TRY(provenance.builder_id, builder.get_string("id"));
  if (const std::optional<json::Reader> metadata = run.find("metadata")) {
    ASSAY_TRY(std::optional<std::string> id, metadata->get_optional_string("invocationId"));
    ASSAY_TRY(std::optional<std::string> started, metadata->get_optional_string("startedOn"));
    ASSAY_TRY(std::optional<std::string> finished, metadata->get_optional_string("finishedOn"));
    provenance.invocation_id = id.value_or("");
    provenance.started_on = started.value_or("");
    provenance.finished_on = finished.value_or("");
  }
  for (const std::string_view key : {"workflow", "buildConfigSource"}) {
    if (const std::optional<json::Reader> node = external.find(key)) {
      ASSAY_TRY(provenance.source, source_from_object(*node));
      if (provenance.source) {
        break;
      }
    }
  }
  if (!provenance.source) {
    if (const std::optional<json::Reader> node = external.find("source")) {
      if (node->node().is_string()) {
        provenance.source = source_from_uri(node->node().get<std::string>(), node->pointer());
      } else {
        ASSAY_TRY(ResourceRef resource, read_resource(*node));
        if (!resource.uri.empty()) {
          SourceRef source = source_from_uri(resource.uri, node->pointer() + "/uri");
          source.commit = commit_of(resource.digest);
          provenance.source = std::move(source);
        }
      }
    }
  }
  if (!provenance.source) {
    provenance.source = source_from_dependencies(provenance.dependencies,
                                                 definition.pointer() + "/resolvedDependencies");
  } else if (provenance.source->commit.empty()) {
    // The workflow names the repository and ref; the commit is in the matching dependency.
    for (const ResourceRef& dependency : provenance.dependencies) {
      std::string_view repository;
      std::string_view ref;
      split_ref(dependency.uri, repository, ref);
      if (starts_with(dependency.uri, "git+") &&
          canonical_repository(repository) == provenance.source->repository) {
        provenance.source->commit = commit_of(dependency.digest);
        break;
      }
    }
  }
  return provenance;
}

std::string subject_names(const intoto::Statement& statement) {
  std::vector<std::string> names;
  for (const intoto::Subject& subject : statement.subjects) {
    if (names.size() == 3) {
      names.push_back("and " + std::to_string(statement.subjects.size() - 3) + " more");
      break;
    }
    names.push_back(subject.name.empty() ? "(unnamed)" : subject.name);
  }
  return join(names, ", ");
}

}  // namespace

std::string_view to_string(ProvenanceVersion version) {
  return version == ProvenanceVersion::kV02 ? "v0.2" : "v1";
}

std::string_view to_string(BuildLevel level) {
  switch (level) {
    case BuildLevel::kNone:
      return "none";
    case BuildLevel::kL1:
      return "L1";
    case BuildLevel::kL2:
      return "L2";
    case BuildLevel::kL3:
      return "L3";
  }
  return "none";
}

bool is_provenance(std::string_view predicate_type) {
  return predicate_type == kProvenanceV02 || predicate_type == kProvenanceV1;
}

Result<Provenance> parse_provenance(const intoto::Statement& statement, std::string_view source) {
  const json::Reader predicate(statement.predicate, std::string(source), "/predicate");
  if (statement.predicate_type == kProvenanceV02) {
    return read_v02(predicate);
  }
  if (statement.predicate_type == kProvenanceV1) {
    return read_v1(predicate);
  }
  return fail(ErrorCode::kUnsupported,
              "predicate type " + quote(statement.predicate_type) +
                  " is not SLSA provenance; Assay reads " + quote(kProvenanceV1) + " and " +
                  quote(kProvenanceV02),
              std::string(source) + "#/predicateType");
}

Result<std::string> normalize_repository(std::string_view repository) {
  const std::string_view text = trim(repository);
  if (text.empty()) {
    return fail(ErrorCode::kInvalidInput, "the source repository is empty");
  }
  std::string_view rest = text;
  if (starts_with(rest, "git+")) {
    rest.remove_prefix(4);
  }
  const std::size_t scheme = rest.find("://");
  if (scheme != std::string_view::npos && rest.substr(0, scheme) != "https") {
    return fail(ErrorCode::kInvalidInput,
                "source repository " + quote(text) +
                    " must be an https URL or host/path (e.g. github.com/org/repo)");
  }
  const std::string_view host_and_path =
      scheme == std::string_view::npos ? rest : rest.substr(scheme + 3);
  const std::size_t slash = host_and_path.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 >= host_and_path.size()) {
    return fail(ErrorCode::kInvalidInput, "source repository " + quote(text) +
                                              " needs a host and a path, e.g. " +
                                              "github.com/org/repo");
  }
  if (host_and_path.find('@') != std::string_view::npos) {
    return fail(ErrorCode::kInvalidInput, "source repository " + quote(text) +
                                              " must not contain a ref; give the ref separately");
  }
  return canonical_repository(text);
}

LevelAssessment assess_level(const Provenance& provenance, const SignatureEvidence& signature) {
  if (provenance.builder_id.empty()) {
    return {BuildLevel::kNone, "the provenance names no builder"};
  }
  if (signature.state != SignatureState::kVerified) {
    return {BuildLevel::kL1, signature.state == SignatureState::kAbsent
                                 ? "provenance exists but is not signed, so L2 is not met"
                                 : "provenance exists but its signature was not verified, so L2 "
                                   "is not met"};
  }
  if (!is_hosted_platform(provenance.builder_id)) {
    return {BuildLevel::kL1, "signed provenance, but builder " + quote(provenance.builder_id) +
                                 " is not a hosted build platform Assay recognises, so L2 is not "
                                 "met"};
  }
  if (builder_without_version(provenance.builder_id) == kCloudBuildWorker) {
    return {BuildLevel::kL3, "signed provenance from Google Cloud Build's hosted worker"};
  }
  std::string why_not;
  if (!is_hardened_generator(provenance.builder_id, &why_not)) {
    if (why_not.empty()) {
      why_not = "builder " + quote(provenance.builder_id) +
                " runs on a hosted platform but is not a hardened builder Assay recognises";
    }
    return {BuildLevel::kL2, "signed by a hosted build platform; L3 is not met: " + why_not};
  }
  if (signature.signer_identity.empty()) {
    return {BuildLevel::kL2,
            "hardened builder, but the signer identity was not supplied, so it cannot be tied to "
            "the builder id; L3 is not met"};
  }
  if (signature.signer_identity != provenance.builder_id) {
    return {BuildLevel::kL2, "the signature was made by " + quote(signature.signer_identity) +
                                 ", not by the builder " + quote(provenance.builder_id) +
                                 "; L3 is not met"};
  }
  return {BuildLevel::kL3,
          "signed by the hardened slsa-github-generator builder " + quote(provenance.builder_id)};
}

Verification verify(const intoto::Statement& statement, const Provenance& provenance,
                    const Policy& policy, const SignatureEvidence& signature) {
  Verification result;
  result.method = "slsa-provenance";
  result.subject = subject_names(statement) + " (SLSA provenance " +
                   std::string(to_string(provenance.version)) + ")";
  result.identity = provenance.builder_id;

  if (policy.artefact) {
    result.checks.push_back(
        intoto::match_subject(statement, *policy.artefact, policy.artefact_name));
  } else {
    result.add("intoto.subject", "the artefact's digest is one of the statement's subjects",
               Outcome::kSkipped, "no artefact digest was given");
  }

  const std::string builder_description = "the builder is one of the expected builders";
  if (policy.builder_ids.empty()) {
    result.add("slsa.builder.id", builder_description, Outcome::kSkipped,
               "no expected builder was given (builder is " + quote(provenance.builder_id) + ")");
  } else {
    bool matched = false;
    for (const std::string& expected : policy.builder_ids) {
      matched = matched || builder_matches(provenance.builder_id, expected);
    }
    result.add("slsa.builder.id", builder_description, matched ? Outcome::kPass : Outcome::kFail,
               matched ? provenance.builder_id
                       : "builder " + quote(provenance.builder_id) + " is not one of " +
                             join(policy.builder_ids, ", "));
  }

  const std::string repository_description = "the build's source repository is the expected one";
  if (policy.source_repository.empty()) {
    result.add("slsa.source.repository", repository_description, Outcome::kSkipped,
               provenance.source ? "not asked for (source is " + provenance.source->repository + ")"
                                 : "not asked for");
  } else if (auto expected = normalize_repository(policy.source_repository); !expected) {
    result.add("slsa.source.repository", repository_description, Outcome::kFail,
               expected.error().message);
  } else if (!provenance.source) {
    result.add("slsa.source.repository", repository_description, Outcome::kFail,
               "the provenance names no source repository");
  } else if (provenance.source->repository == *expected) {
    result.add("slsa.source.repository", repository_description, Outcome::kPass,
               provenance.source->repository +
                   (provenance.source->commit.empty() ? "" : " @ " + provenance.source->commit));
  } else {
    result.add(
        "slsa.source.repository", repository_description, Outcome::kFail,
        "built from " + quote(provenance.source->repository) + ", expected " + quote(*expected));
  }

  const std::string ref_description = "the build's source ref is the expected one";
  if (policy.source_ref.empty()) {
    result.add("slsa.source.ref", ref_description, Outcome::kSkipped,
               provenance.source && !provenance.source->ref.empty()
                   ? "not asked for (ref is " + provenance.source->ref + ")"
                   : "not asked for");
  } else {
    const std::string expected = starts_with(policy.source_ref, "refs/")
                                     ? policy.source_ref
                                     : "refs/tags/" + policy.source_ref;
    if (!provenance.source || provenance.source->ref.empty()) {
      result.add("slsa.source.ref", ref_description, Outcome::kFail,
                 "the provenance names no source ref");
    } else if (provenance.source->ref == expected) {
      result.add("slsa.source.ref", ref_description, Outcome::kPass, expected);
    } else {
      result.add("slsa.source.ref", ref_description, Outcome::kFail,
                 "built from " + quote(provenance.source->ref) + ", expected " + quote(expected));
    }
  }

  const std::string type_description = "the build type is the expected one";
  if (policy.build_type.empty()) {
    result.add("slsa.build_type", type_description, Outcome::kSkipped,
               "not asked for (build type is " + quote(provenance.build_type) + ")");
  } else if (provenance.build_type == policy.build_type) {
    result.add("slsa.build_type", type_description, Outcome::kPass, provenance.build_type);
  } else {
    result.add(
        "slsa.build_type", type_description, Outcome::kFail,
        "build type " + quote(provenance.build_type) + ", expected " + quote(policy.build_type));
  }

  const LevelAssessment level = assess_level(provenance, signature);
  const std::string level_detail = std::string(to_string(level.level)) + ": " + level.reason;
  if (policy.minimum_level == BuildLevel::kNone) {
    result.add("slsa.level", "the SLSA Build level the provenance supports", Outcome::kSkipped,
               level_detail + " (no minimum level was asked for)");
  } else {
    const bool enough = static_cast<int>(level.level) >= static_cast<int>(policy.minimum_level);
    result.add("slsa.level",
               "the provenance supports at least SLSA Build " +
                   std::string(to_string(policy.minimum_level)),
               enough ? Outcome::kPass : Outcome::kFail, level_detail);
  }
  return result;
}

}  // namespace assay::verify::slsa
