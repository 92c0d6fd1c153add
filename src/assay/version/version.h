// Versions: parse a version string under an ecosystem's scheme and order it. This is where a
// wrong answer turns a vulnerable component into a clean one, so every scheme follows its
// ecosystem's reference implementation exactly; deliberate differences are listed in
// docs/formats/versions.md.
#ifndef ASSAY_VERSION_VERSION_H_
#define ASSAY_VERSION_VERSION_H_

#include <compare>
#include <string>
#include <string_view>
#include <variant>

#include "assay/core/result.h"
#include "assay/version/scheme.h"
#include "assay/version/schemes/alpine.h"
#include "assay/version/schemes/alpm.h"
#include "assay/version/schemes/composer.h"
#include "assay/version/schemes/conan.h"
#include "assay/version/schemes/cran.h"
#include "assay/version/schemes/datetime.h"
#include "assay/version/schemes/debian.h"
#include "assay/version/schemes/generic.h"
#include "assay/version/schemes/gentoo.h"
#include "assay/version/schemes/go.h"
#include "assay/version/schemes/hackage.h"
#include "assay/version/schemes/intdot.h"
#include "assay/version/schemes/lexicographic.h"
#include "assay/version/schemes/maven.h"
#include "assay/version/schemes/nuget.h"
#include "assay/version/schemes/openssl.h"
#include "assay/version/schemes/pep440.h"
#include "assay/version/schemes/rpm.h"
#include "assay/version/schemes/rubygems.h"
#include "assay/version/schemes/semver.h"

namespace assay::version {

// A parsed version. Cheap to compare (no allocation), copyable, immutable. Thread-safe for
// concurrent reads.
class Version {
 public:
  // Parses `text` under `scheme`. Fails with kInvalidInput when `text` is not a valid version of
  // that scheme (the message says why), or when it is longer than kMaxVersionBytes.
  [[nodiscard]] static Result<Version> parse(Scheme scheme, std::string_view text);

  // A Composer constraint bound as composer/semver holds it: an already normalised string, not
  // checked again (see ComposerVersion::from_normalized). Used by Composer range parsing.
  [[nodiscard]] static Version composer_bound(std::string_view normalized);

  Scheme scheme() const { return scheme_; }
  // The text as given to parse().
  const std::string& text() const { return text_; }

  // <0, 0 or >0: the scheme's total order. Equal means "the same version" in that ecosystem
  // (e.g. PEP 440 "1.0" == "1.0.0"), not that the strings are equal.
  // Requires: scheme() == other.scheme().
  int compare(const Version& other) const noexcept;

  friend bool operator==(const Version& a, const Version& b) { return a.compare(b) == 0; }
  friend std::weak_ordering operator<=>(const Version& a, const Version& b) {
    const int order = a.compare(b);
    return order < 0 ? std::weak_ordering::less
                     : (order > 0 ? std::weak_ordering::greater : std::weak_ordering::equivalent);
  }

  // The scheme-specific representation, or nullptr if this version is of another scheme.
  template <typename T>
  const T* as() const {
    return std::get_if<T>(&repr_);
  }

 private:
  using Repr = std::variant<SemverVersion, GoVersion, Pep440Version, MavenVersion, RubyGemsVersion,
                            ComposerVersion, NugetVersion, DebianVersion, RpmVersion, AlpineVersion,
                            CranVersion, HackageVersion, ConanVersion, GenericVersion, AlpmVersion,
                            GentooVersion, DatetimeVersion, LexicographicVersion, OpensslVersion,
                            IntdotVersion>;

  Version(Scheme scheme, std::string text, Repr repr)
      : scheme_(scheme), text_(std::move(text)), repr_(std::move(repr)) {}

  Scheme scheme_;
  std::string text_;
  Repr repr_;
};

// Parses both and compares: <0, 0 or >0. Errors name which of the two was invalid.
[[nodiscard]] Result<int> compare(Scheme scheme, std::string_view a, std::string_view b);

}  // namespace assay::version

#endif  // ASSAY_VERSION_VERSION_H_
