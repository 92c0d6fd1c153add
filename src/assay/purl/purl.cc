// Package URLs. TODO(#2): implement.
#include "assay/purl/purl.h"

namespace assay::purl {

std::string Purl::to_string() const {
  return "pkg:" + type + "/" + name;
}

Result<Purl> parse(std::string_view text) {
  return fail(ErrorCode::kUnsupported, "purl parsing is not implemented yet", std::string(text));
}

}  // namespace assay::purl
