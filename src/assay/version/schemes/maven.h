// Maven versions as org.apache.maven.artifact.versioning.ComparableVersion (maven-artifact 3.8.x)
// orders them.
#ifndef ASSAY_VERSION_SCHEMES_MAVEN_H_
#define ASSAY_VERSION_SCHEMES_MAVEN_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class MavenVersion {
 public:
  // Parses `text` into ComparableVersion's item tree (numbers, qualifiers and nested lists split
  // at ".", "-" and digit/letter transitions, trailing "null" items removed). ComparableVersion
  // accepts any string; this fails with kInvalidInput only for the empty string and for text
  // longer than kMaxVersionBytes.
  [[nodiscard]] static Result<MavenVersion> parse(std::string_view text);

  // <0, 0 or >0 as ComparableVersion.compareTo orders them. A total order. Never allocates.
  int compare(const MavenVersion& other) const noexcept;

  // The version as given.
  const std::string& text() const { return text_; }
  // ComparableVersion.getCanonical(): the normalised item tree, e.g. "1-rc-1" for "1.0.0-RC1".
  std::string canonical() const;

 private:
  enum class Kind : std::uint8_t { kNumber, kQualifier, kList };
  struct Item {
    Kind kind = Kind::kNumber;
    std::uint8_t rank = 0;    // qualifiers: 0 alpha .. 4 snapshot, 5 release (""), 6 sp, 7 other
    std::uint32_t begin = 0;  // numbers: digits without leading zeros; qualifiers: the name
    std::uint32_t size = 0;
    std::uint32_t list = 0;  // kList: index into lists_
  };
  struct List {
    std::uint32_t first = 0;  // into items_
    std::uint32_t count = 0;
  };

  std::string_view view(const Item& item) const {
    return std::string_view(names_).substr(item.begin, item.size);
  }
  int compare_item(const Item& mine, const MavenVersion& other, const Item* theirs) const noexcept;
  int compare_to_null(const Item& item) const noexcept;
  int compare_lists(std::uint32_t mine, const MavenVersion& other,
                    std::uint32_t theirs) const noexcept;

  std::string text_;
  std::string names_;  // lower-cased digits and qualifier names the items point into
  std::vector<Item> items_;
  std::vector<List> lists_;  // lists_[0] is the whole version
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_MAVEN_H_
