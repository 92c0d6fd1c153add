// Ranges of versions, in an ecosystem's native syntax (npm ranges, PEP 440 specifiers, Maven and
// NuGet intervals, RubyGems requirements, Composer constraints, Cargo requirements, plain
// comparators) or as a vers: URI. Used for VEX statements and vendor declarations; OSV advisory
// ranges are in osv_range.h.
#ifndef ASSAY_VERSION_RANGE_H_
#define ASSAY_VERSION_RANGE_H_

#include <memory>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/ecosystem.h"
#include "assay/version/version.h"

namespace assay::version {

// Whether pre-release versions can match a range that does not name a pre-release itself.
enum class PrereleasePolicy {
  kEcosystem,  // as the ecosystem's own tool decides (node-semver satisfies, packaging contains)
  kInclude,    // by order alone: every version between the bounds matches (advisory semantics)
};

struct ContainsOptions {
  PrereleasePolicy prereleases = PrereleasePolicy::kEcosystem;
};

class Range {
 public:
  // Parses `text` as a vers: URI when it starts with "vers:", else in `ecosystem`'s native range
  // syntax. Fails with kInvalidInput (message says what and where) or kUnsupported.
  [[nodiscard]] static Result<Range> parse(const Ecosystem& ecosystem, std::string_view text);

  // Parses `text` in the given native syntax, with versions of `scheme`.
  [[nodiscard]] static Result<Range> parse_native(Scheme scheme, RangeSyntax syntax,
                                                  std::string_view text);

  Scheme scheme() const;
  const std::string& text() const;

  // Whether `version` is in the range. Requires: version.scheme() == scheme().
  bool contains(const Version& version, ContainsOptions options = {}) const;

  // Parses `version` under scheme() first; fails if it is not a valid version.
  [[nodiscard]] Result<bool> contains(std::string_view version, ContainsOptions options = {}) const;

  // The same range as a canonical vers: URI (package-url/vers-spec), e.g.
  // "vers:npm/>=1.0.0|<2.0.0". Fails with kUnsupported when the range cannot be written in vers.
  [[nodiscard]] Result<std::string> to_vers() const;

  class Impl;

 private:
  explicit Range(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_RANGE_H_
