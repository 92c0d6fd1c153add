// vers: ranges. TODO(#2): implement.
#include "assay/version/vers.h"

namespace assay::version {

std::string_view to_string(VersComparator comparator) {
  switch (comparator) {
    case VersComparator::kEqual:
      return "=";
    case VersComparator::kNotEqual:
      return "!=";
    case VersComparator::kLess:
      return "<";
    case VersComparator::kLessEqual:
      return "<=";
    case VersComparator::kGreater:
      return ">";
    case VersComparator::kGreaterEqual:
      return ">=";
    case VersComparator::kAny:
      return "*";
  }
  return "=";
}

Result<VersRange> VersRange::parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "vers is not implemented yet", std::string(text));
}

Result<VersRange> VersRange::from_constraints(std::string_view versioning_scheme,
                                              std::vector<VersConstraint> constraints) {
  static_cast<void>(constraints);
  return fail(ErrorCode::kUnsupported, "vers is not implemented yet",
              std::string(versioning_scheme));
}

bool VersRange::contains(const Version& version) const {
  static_cast<void>(version);
  return false;
}

Result<bool> VersRange::contains(std::string_view version) const {
  ASSAY_TRY(const Version parsed, Version::parse(scheme_, version));
  return contains(parsed);
}

std::string VersRange::to_string() const {
  return "vers:" + versioning_scheme_ + "/";
}

std::optional<Scheme> scheme_for_vers(std::string_view versioning_scheme) {
  static_cast<void>(versioning_scheme);
  return std::nullopt;
}

}  // namespace assay::version
