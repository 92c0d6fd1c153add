// Enum names, identities and the dependency graph walk for the normalised model.
#include <deque>
#include <unordered_map>

#include "assay/model/advisory.h"
#include "assay/model/sbom.h"
#include "assay/model/vex.h"

namespace assay::model {

std::string_view to_string(ComponentType type) {
  switch (type) {
    case ComponentType::kApplication:
      return "application";
    case ComponentType::kFramework:
      return "framework";
    case ComponentType::kLibrary:
      return "library";
    case ComponentType::kContainer:
      return "container";
    case ComponentType::kPlatform:
      return "platform";
    case ComponentType::kOperatingSystem:
      return "operating-system";
    case ComponentType::kDevice:
      return "device";
    case ComponentType::kDeviceDriver:
      return "device-driver";
    case ComponentType::kFirmware:
      return "firmware";
    case ComponentType::kFile:
      return "file";
    case ComponentType::kMachineLearningModel:
      return "machine-learning-model";
    case ComponentType::kData:
      return "data";
    case ComponentType::kCryptographicAsset:
      return "cryptographic-asset";
    case ComponentType::kSource:
      return "source";
    case ComponentType::kArchive:
      return "archive";
    case ComponentType::kInstall:
      return "install";
    case ComponentType::kOther:
      return "other";
  }
  return "other";
}

std::string_view to_string(Scope scope) {
  switch (scope) {
    case Scope::kUnspecified:
      return "";
    case Scope::kRequired:
      return "required";
    case Scope::kOptional:
      return "optional";
    case Scope::kExcluded:
      return "excluded";
  }
  return "";
}

std::string_view to_string(IdentityKind kind) {
  switch (kind) {
    case IdentityKind::kPurl:
      return "purl";
    case IdentityKind::kCpe:
      return "cpe";
    case IdentityKind::kNameVersionSupplier:
      return "name-version";
    case IdentityKind::kNone:
      return "none";
  }
  return "none";
}

std::string_view to_string(RelationshipType type) {
  switch (type) {
    case RelationshipType::kDependsOn:
      return "depends-on";
    case RelationshipType::kContains:
      return "contains";
    case RelationshipType::kDescribes:
      return "describes";
    case RelationshipType::kGeneratedFrom:
      return "generated-from";
    case RelationshipType::kBuildToolOf:
      return "build-tool-of";
    case RelationshipType::kDevDependencyOf:
      return "dev-dependency-of";
    case RelationshipType::kOptionalDependencyOf:
      return "optional-dependency-of";
    case RelationshipType::kProvidedBy:
      return "provided-by";
    case RelationshipType::kOther:
      return "other";
  }
  return "other";
}

std::string_view to_string(SbomFormat format) {
  switch (format) {
    case SbomFormat::kCycloneDxJson:
      return "cyclonedx-json";
    case SbomFormat::kCycloneDxXml:
      return "cyclonedx-xml";
    case SbomFormat::kSpdxJson:
      return "spdx-json";
    case SbomFormat::kSpdxTagValue:
      return "spdx-tag-value";
    case SbomFormat::kSpdx3JsonLd:
      return "spdx3-jsonld";
  }
  return "cyclonedx-json";
}

std::string_view to_string(VexStatus status) {
  switch (status) {
    case VexStatus::kNotAffected:
      return "not_affected";
    case VexStatus::kAffected:
      return "affected";
    case VexStatus::kFixed:
      return "fixed";
    case VexStatus::kUnderInvestigation:
      return "under_investigation";
  }
  return "under_investigation";
}

IdentityKind Component::identity_kind() const {
  if (!purl_canonical.empty()) {
    return IdentityKind::kPurl;
  }
  if (!cpes.empty()) {
    return IdentityKind::kCpe;
  }
  if (!name.empty()) {
    return IdentityKind::kNameVersionSupplier;
  }
  return IdentityKind::kNone;
}

std::string Component::identity() const {
  switch (identity_kind()) {
    case IdentityKind::kPurl:
      return purl_canonical;
    case IdentityKind::kCpe:
      return cpes.front();
    case IdentityKind::kNameVersionSupplier: {
      std::string key;
      if (!supplier.name.empty()) {
        key = supplier.name + "/";
      }
      if (!group.empty()) {
        key += group + "/";
      }
      key += name;
      if (!version.empty()) {
        key += "@" + version;
      }
      return key;
    }
    case IdentityKind::kNone:
      return {};
  }
  return {};
}

std::optional<std::size_t> Sbom::find(std::string_view ref) const {
  for (std::size_t index = 0; index < components.size(); ++index) {
    if (components[index].ref == ref) {
      return index;
    }
  }
  return std::nullopt;
}

std::vector<DependencyInfo> dependency_info(const Sbom& sbom) {
  std::vector<DependencyInfo> info(sbom.components.size());
  std::unordered_map<std::string_view, std::size_t> index_of;
  index_of.reserve(sbom.components.size());
  for (std::size_t index = 0; index < sbom.components.size(); ++index) {
    index_of.emplace(sbom.components[index].ref, index);
  }
  std::unordered_map<std::string_view, std::vector<std::string_view>> edges;
  for (const Relationship& relationship : sbom.relationships) {
    if (relationship.type == RelationshipType::kDependsOn ||
        relationship.type == RelationshipType::kContains) {
      edges[relationship.from].push_back(relationship.to);
    }
  }
  // Nested components are contained by their parent.
  for (const Component& component : sbom.components) {
    if (!component.parent_ref.empty()) {
      edges[component.parent_ref].push_back(component.ref);
    }
  }
  const std::string& root = sbom.metadata.subject_ref;
  if (root.empty()) {
    return info;
  }
  std::unordered_map<std::string_view, std::string_view> parent;
  std::unordered_map<std::string_view, std::uint32_t> depth;
  std::deque<std::string_view> queue;
  depth.emplace(root, 0);
  queue.push_back(root);
  while (!queue.empty()) {
    const std::string_view current = queue.front();
    queue.pop_front();
    const auto found = edges.find(current);
    if (found == edges.end()) {
      continue;
    }
    const std::uint32_t next_depth = depth[current] + 1;
    for (const std::string_view next : found->second) {
      if (depth.emplace(next, next_depth).second) {
        parent.emplace(next, current);
        queue.push_back(next);
      }
    }
  }
  for (const auto& [ref, component_depth] : depth) {
    const auto found = index_of.find(ref);
    if (found == index_of.end()) {
      continue;
    }
    DependencyInfo& entry = info[found->second];
    entry.depth = component_depth;
    std::vector<std::string> path;
    for (std::string_view step = ref;;) {
      path.emplace_back(step);
      const auto up = parent.find(step);
      if (up == parent.end()) {
        break;
      }
      step = up->second;
    }
    entry.path.assign(path.rbegin(), path.rend());
  }
  return info;
}

bool Advisory::is_malicious() const {
  return id.rfind("MAL-", 0) == 0;
}

}  // namespace assay::model
