// NuGet.Versioning versions.
#include "assay/version/schemes/nuget.h"

namespace assay::version {

Result<NugetVersion> NugetVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "nuget versions are not implemented yet", std::string(text));
}

int NugetVersion::compare(const NugetVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
