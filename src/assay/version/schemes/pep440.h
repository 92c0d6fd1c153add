// PEP 440 versions as packaging.version.Version (packaging 23) parses, normalises and orders them.
#ifndef ASSAY_VERSION_SCHEMES_PEP440_H_
#define ASSAY_VERSION_SCHEMES_PEP440_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class Pep440Version {
 public:
  enum class PreKind : std::uint8_t { kNone, kAlpha, kBeta, kRc };

  // Parses `text` as packaging.version.Version does: surrounding whitespace, a leading "v",
  // any letter case, alternative spellings ("alpha", "c", "pre", "preview", "rev", "r"),
  // optional separators ("1.0-alpha.1"), implicit post releases ("1.0-1") and local versions
  // ("1.0+ubuntu.1"). Fails with kInvalidInput when packaging raises InvalidVersion.
  [[nodiscard]] static Result<Pep440Version> parse(std::string_view text);

  // <0, 0 or >0 as packaging orders versions (its _cmpkey). A total order. Never allocates.
  int compare(const Pep440Version& other) const noexcept;

  // The normalised form, as str(Version) prints it: "1!1.0rc1.post2.dev3+local.7".
  const std::string& canonical() const { return text_; }
  // The normalised form without the local part (Version.public).
  std::string_view public_text() const;
  std::string_view epoch() const { return epoch_.size == 0 ? std::string_view("0") : view(epoch_); }
  std::size_t release_size() const { return release_.size(); }
  std::string_view release(std::size_t index) const { return view(release_[index]); }
  PreKind pre_kind() const { return pre_kind_; }
  std::string_view pre_number() const { return view(pre_); }  // empty when kNone
  bool has_post() const { return post_.size != 0; }
  std::string_view post() const { return view(post_); }
  bool has_dev() const { return dev_.size != 0; }
  std::string_view dev() const { return view(dev_); }
  bool has_local() const { return !local_.empty(); }
  // Version.is_prerelease: a pre-release or a development release.
  bool is_prerelease() const { return pre_kind_ != PreKind::kNone || has_dev(); }

 private:
  struct Part {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    bool numeric = false;  // local segments only
  };
  std::string_view view(Part part) const {
    return std::string_view(text_).substr(part.begin, part.size);
  }

  std::string text_;
  Part epoch_;
  std::vector<Part> release_;
  std::uint32_t release_significant_ = 0;  // release_ without trailing zeros
  PreKind pre_kind_ = PreKind::kNone;
  Part pre_;
  Part post_;
  Part dev_;
  std::vector<Part> local_;
  std::uint32_t local_begin_ = 0;  // offset of "+" in text_, or text_.size()
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_PEP440_H_
