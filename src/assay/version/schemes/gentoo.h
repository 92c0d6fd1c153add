// Gentoo package versions, ordered by the Package Manager Specification (PMS 3.2, 3.3).
#ifndef ASSAY_VERSION_SCHEMES_GENTOO_H_
#define ASSAY_VERSION_SCHEMES_GENTOO_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class GentooVersion {
 public:
  // Parses `text` with the PMS grammar: digits{.digits}[a-z]{_alpha|_beta|_pre|_rc|_p[digits]}
  // [-r digits]. Fails with kInvalidInput naming the offending byte.
  [[nodiscard]] static Result<GentooVersion> parse(std::string_view text);

  // <0, 0 or >0 by PMS algorithms 3.1 to 3.7: the first number numerically; later numbers
  // numerically unless one starts with '0', then as strings with trailing zeros removed; more
  // numbers is newer; then the letter; then suffixes (_alpha < _beta < _pre < _rc < _p, a
  // missing suffix newer than any but _p); then the revision (missing = r0). A total order.
  // Never allocates.
  int compare(const GentooVersion& other) const noexcept;

 private:
  struct Span {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
  };
  struct Suffix {
    std::uint8_t kind = 0;  // 0 alpha, 1 beta, 2 pre, 3 rc, 4 p
    Span number;            // empty when absent (= 0)
  };

  std::string_view view(Span span) const {
    return std::string_view(text_).substr(span.begin, span.size);
  }

  std::string text_;
  std::vector<Span> numbers_;
  char letter_ = '\0';  // '\0' when absent
  std::vector<Suffix> suffixes_;
  Span revision_;  // empty when absent (= 0)
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_GENTOO_H_
