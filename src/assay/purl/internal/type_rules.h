// The registered purl types' rules (purl-spec types/*-definition.json, encoded by hand): which
// components are required or prohibited, which are case-insensitive, and the few types with
// rules of their own. Private to assay::purl.
#ifndef ASSAY_PURL_INTERNAL_TYPE_RULES_H_
#define ASSAY_PURL_INTERNAL_TYPE_RULES_H_

#include <cstdint>
#include <string_view>

#include "assay/core/result.h"
#include "assay/purl/purl.h"

namespace assay::purl::internal {

enum class Requirement : std::uint8_t { kOptional, kRequired, kProhibited };

// Types whose definitions carry a rule beyond requirement and case.
enum class Special : std::uint8_t {
  kNone,
  kChromeExtension,  // name ^[a-p]{32}$, version ^\d+(\.\d+){0,3}$
  kCpan,             // name is a distribution (no "::"); namespace (CPAN ID) upper case
  kGit,              // namespace is the host; the name is the path on it and may contain '/'
  kMlflow,           // name lower-cased when repository_url is a Databricks server
  kPub,              // name lower case, every character outside [a-z0-9_] becomes '_'
  kPypi,             // name lower case, '_' becomes '-'
  kSwid,             // at most two namespace segments
};

struct TypeRules {
  std::string_view type;
  Requirement namespace_requirement;
  bool lower_namespace;
  bool lower_name;
  bool lower_version;
  bool lower_subpath;
  std::string_view required_qualifier;  // "" when none
  Special special;
};

// The rules of a registered type (lower case), or nullptr.
const TypeRules* find_type_rules(std::string_view type);

// Applies the type's normalisation to `purl` (whose generic normalisation is done and whose type
// is lower case) and checks the type's rules. Fails with kInvalidInput naming the rule.
[[nodiscard]] Result<void> apply_type_rules(Purl& purl, Mode mode);

}  // namespace assay::purl::internal

#endif  // ASSAY_PURL_INTERNAL_TYPE_RULES_H_
