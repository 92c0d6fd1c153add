// The documented generic fallback order, for ecosystems without a published one (Linux,
// OSS-Fuzz, Android, opam, vers 'generic'). Defined in docs/formats/versions.md.
#ifndef ASSAY_VERSION_SCHEMES_GENERIC_H_
#define ASSAY_VERSION_SCHEMES_GENERIC_H_

#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class GenericVersion {
 public:
  // Accepts any text of printable ASCII or UTF-8 without whitespace or control characters that
  // contains at least one ASCII letter or digit. Fails with kInvalidInput otherwise.
  [[nodiscard]] static Result<GenericVersion> parse(std::string_view text);

  // <0, 0 or >0. The version is split into runs of ASCII digits and runs of ASCII letters; every
  // other byte only separates runs. The run lists are compared in turn, the shorter padded with
  // an "end" run: letter runs (compared case-insensitively) < end = the number 0 < numbers
  // above 0 (compared numerically). So "1.0rc1" < "1.0" == "1.0.0" == "1-0" < "1.0.1", and a
  // trailing letter run reads as a pre-release: "1.0a" < "1.0". A total order (a weak one:
  // different texts can be equal). Never allocates.
  int compare(const GenericVersion& other) const noexcept;

 private:
  std::string text_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_GENERIC_H_
