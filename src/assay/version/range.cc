// Native range syntaxes. TODO(#2): implement.
#include "assay/version/range.h"

namespace assay::version {

class Range::Impl {
 public:
  Scheme scheme = Scheme::kGeneric;
  std::string text;
};

Result<Range> Range::parse(const Ecosystem& ecosystem, std::string_view text) {
  return parse_native(ecosystem.scheme, ecosystem.range_syntax, text);
}

Result<Range> Range::parse_native(Scheme scheme, RangeSyntax syntax, std::string_view text) {
  static_cast<void>(scheme);
  static_cast<void>(syntax);
  return fail(ErrorCode::kUnsupported, "ranges are not implemented yet", std::string(text));
}

Scheme Range::scheme() const {
  return impl_->scheme;
}
const std::string& Range::text() const {
  return impl_->text;
}
bool Range::contains(const Version& version, ContainsOptions options) const {
  static_cast<void>(version);
  static_cast<void>(options);
  return false;
}
Result<bool> Range::contains(std::string_view version, ContainsOptions options) const {
  ASSAY_TRY(const Version parsed, Version::parse(scheme(), version));
  return contains(parsed, options);
}
Result<std::string> Range::to_vers() const {
  return fail(ErrorCode::kUnsupported, "not implemented yet");
}

}  // namespace assay::version
