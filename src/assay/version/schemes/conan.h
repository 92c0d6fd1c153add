// ConanCenter versions, ordered as Conan 2's conan.internal.model.version.Version.
#ifndef ASSAY_VERSION_SCHEMES_CONAN_H_
#define ASSAY_VERSION_SCHEMES_CONAN_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class ConanVersion {
 public:
  // Splits `text` as Conan 2 does: the build is what follows the last '+', the pre-release what
  // follows the first '-' before it, and each part is a list of '.'-separated items, an item
  // being an integer when Python's int() reads it ("007", "1_000") and text otherwise. Accepts
  // printable ASCII without spaces; fails with kInvalidInput for an empty version, whitespace,
  // control characters or non-ASCII bytes (Conan references cannot hold them).
  [[nodiscard]] static Result<ConanVersion> parse(std::string_view text);

  // <0, 0 or >0 as Conan 2: the main items with trailing zero integers dropped ("1" == "1.0.0"),
  // then a pre-release sorts before no pre-release, then no build sorts before any build. Items
  // compare as Conan's _VersionItem: integers numerically, text byte-wise, an integer against
  // text by the integer's decimal form, except that text starting with a digit is ordered by
  // its leading number first (so "10" > "9a", where Conan's string comparison says the opposite
  // and loses transitivity). A total order. Never allocates.
  int compare(const ConanVersion& other) const noexcept;

  // The '.'-separated parts, without their separators; pre() and build() are empty when absent.
  std::string_view main() const { return part(0, main_size_); }
  bool has_pre() const { return has_pre_; }
  std::string_view pre() const { return part(pre_begin_, pre_size_); }
  bool has_build() const { return has_build_; }
  std::string_view build() const { return part(build_begin_, build_size_); }
  const std::string& text() const { return text_; }

 private:
  std::string_view part(std::size_t begin, std::size_t size) const {
    return std::string_view(text_).substr(begin, size);
  }

  std::string text_;
  std::size_t main_size_ = 0;
  bool has_pre_ = false;
  std::size_t pre_begin_ = 0;
  std::size_t pre_size_ = 0;
  bool has_build_ = false;
  std::size_t build_begin_ = 0;
  std::size_t build_size_ = 0;
};

namespace conan {

// Whether Python's int() reads `item` as a non-negative integer: ASCII digits, single '_'
// between digits allowed. (Signed forms are treated as text, see docs/formats/versions.md.)
bool is_integer_item(std::string_view item);

// The decimal form Python's str(int(item)) gives; requires is_integer_item(item).
std::string canonical_integer(std::string_view item);

// Compares two '.'-separated item lists as Conan compares tuples of _VersionItem, after
// dropping trailing zero integers from each. Never allocates.
int compare_item_lists(std::string_view a, std::string_view b) noexcept;

}  // namespace conan

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_CONAN_H_
