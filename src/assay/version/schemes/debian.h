// Debian (dpkg) versions: [epoch:]upstream[-revision], ordered as dpkg's verrevcmp.
#ifndef ASSAY_VERSION_SCHEMES_DEBIAN_H_
#define ASSAY_VERSION_SCHEMES_DEBIAN_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class DebianVersion {
 public:
  // Parses `text` as dpkg's parseversion() does: blanks around the version are ignored; the
  // epoch is the decimal number before the first ':' (0..2147483647); the revision is what
  // follows the last '-'. Fails with kInvalidInput, with dpkg's own wording, for what dpkg
  // rejects or warns about (dpkg rejects warnings too when it reads package metadata): an empty
  // or negative epoch, an upstream version that does not start with a digit, characters outside
  // [A-Za-z0-9.+~-:] (upstream) or [A-Za-z0-9.+~] (revision), embedded blanks.
  [[nodiscard]] static Result<DebianVersion> parse(std::string_view text);

  // <0, 0 or >0: epoch, then upstream and revision by dpkg's verrevcmp ('~' before everything,
  // even the end; letters before other characters; digit runs numerically). A missing revision
  // equals "0". A total order. Never allocates.
  int compare(const DebianVersion& other) const noexcept;

  std::uint32_t epoch() const { return epoch_; }
  std::string_view upstream() const {
    return std::string_view(text_).substr(upstream_begin_, upstream_size_);
  }
  // Empty when the version has no revision.
  std::string_view revision() const {
    return std::string_view(text_).substr(revision_begin_, revision_size_);
  }

 private:
  std::string text_;  // the version without surrounding blanks
  std::uint32_t epoch_ = 0;
  std::size_t upstream_begin_ = 0;
  std::size_t upstream_size_ = 0;
  std::size_t revision_begin_ = 0;
  std::size_t revision_size_ = 0;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_DEBIAN_H_
