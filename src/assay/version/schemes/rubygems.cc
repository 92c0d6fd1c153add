// RubyGems Gem::Version.
#include "assay/version/schemes/rubygems.h"

namespace assay::version {

Result<RubyGemsVersion> RubyGemsVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "rubygems versions are not implemented yet",
              std::string(text));
}

int RubyGemsVersion::compare(const RubyGemsVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
