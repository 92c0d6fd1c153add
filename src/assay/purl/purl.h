// Package URLs (package-url/purl-spec): parse, validate, normalise per type, build and print in
// canonical form.
#ifndef ASSAY_PURL_PURL_H_
#define ASSAY_PURL_PURL_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "assay/core/result.h"

namespace assay::purl {

struct Purl {
  std::string type;
  std::string namespace_;  // decoded; segments joined by '/'; empty when absent
  std::string name;
  std::string version;                                          // decoded; empty when absent
  std::vector<std::pair<std::string, std::string>> qualifiers;  // sorted by key, decoded
  std::string subpath;  // decoded; segments joined by '/'; empty when absent

  // Canonical string form.
  std::string to_string() const;
};

// Parses and normalises `text`. Fails with kInvalidInput naming the problem.
[[nodiscard]] Result<Purl> parse(std::string_view text);

}  // namespace assay::purl

#endif  // ASSAY_PURL_PURL_H_
