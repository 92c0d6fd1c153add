// vers: version range specifiers (package-url/vers-spec): "vers:<scheme>/<constraint>|...".
#ifndef ASSAY_VERSION_VERS_H_
#define ASSAY_VERSION_VERS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/version.h"

namespace assay::version {

enum class VersComparator { kEqual, kNotEqual, kLess, kLessEqual, kGreater, kGreaterEqual, kAny };

// "=", "!=", "<", "<=", ">", ">=", "*".
std::string_view to_string(VersComparator comparator);

struct VersConstraint {
  VersComparator comparator = VersComparator::kEqual;
  std::optional<Version> version;  // absent only for kAny
};

class VersRange {
 public:
  // Parses and validates a vers URI: known versioning scheme, versions valid in it, constraints
  // sorted and not redundant as the spec requires (non-canonical input is normalised).
  // Fails with kInvalidInput naming the problem, or kUnsupported for an unknown scheme.
  [[nodiscard]] static Result<VersRange> parse(std::string_view text);

  // Builds a range from constraints, normalising their order as the spec requires.
  [[nodiscard]] static Result<VersRange> from_constraints(std::string_view versioning_scheme,
                                                          std::vector<VersConstraint> constraints);

  // The vers versioning scheme as written ("npm", "pypi", "deb", ...).
  const std::string& versioning_scheme() const { return versioning_scheme_; }
  Scheme scheme() const { return scheme_; }
  const std::vector<VersConstraint>& constraints() const { return constraints_; }

  // The containment algorithm of the vers specification. Requires: version.scheme() == scheme().
  bool contains(const Version& version) const;
  [[nodiscard]] Result<bool> contains(std::string_view version) const;

  // Canonical form.
  std::string to_string() const;

 private:
  std::string versioning_scheme_;
  Scheme scheme_ = Scheme::kGeneric;
  std::vector<VersConstraint> constraints_;
};

// The version scheme for a vers versioning scheme name ("npm" -> kNpm, "deb" -> kDebian), or
// nullopt when unknown.
std::optional<Scheme> scheme_for_vers(std::string_view versioning_scheme);

}  // namespace assay::version

#endif  // ASSAY_VERSION_VERS_H_
