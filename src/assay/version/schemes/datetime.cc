// RFC 3339 timestamps used as versions (vers 'datetime').
#include "assay/version/schemes/datetime.h"

namespace assay::version {

Result<DatetimeVersion> DatetimeVersion::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "datetime versions are not implemented yet",
              std::string(text));
}

int DatetimeVersion::compare(const DatetimeVersion& other) const noexcept {
  return text_.compare(other.text_);
}

}  // namespace assay::version
