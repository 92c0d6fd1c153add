// OSV range evaluation. TODO(#2): implement.
#include "assay/version/osv_range.h"

namespace assay::version {

OsvEvaluation evaluate(const OsvRange& range, Scheme scheme, const std::string& version) {
  static_cast<void>(range);
  static_cast<void>(scheme);
  static_cast<void>(version);
  return OsvEvaluation{OsvVerdict::kUnknown, "not implemented yet"};
}

OsvEvaluation evaluate(const OsvRange& range, const Version& version) {
  static_cast<void>(range);
  static_cast<void>(version);
  return OsvEvaluation{OsvVerdict::kUnknown, "not implemented yet"};
}

}  // namespace assay::version
