// RubyGems versions as Gem::Version (RubyGems 3.3) parses and orders them.
#ifndef ASSAY_VERSION_SCHEMES_RUBYGEMS_H_
#define ASSAY_VERSION_SCHEMES_RUBYGEMS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/version/scheme.h"

namespace assay::version {

class RubyGemsVersion {
 public:
  // Parses `text` as Gem::Version.new does: it must match Gem::Version::ANCHORED_VERSION_PATTERN
  // (digits, then "." and alphanumerics, then optionally "-" and a pre-release of alphanumerics,
  // "-" and "."), surrounded by optional ASCII whitespace; blank text means "0". "-" is read as
  // ".pre.". Fails with kInvalidInput ("Malformed version number string") otherwise.
  [[nodiscard]] static Result<RubyGemsVersion> parse(std::string_view text);

  // <0, 0 or >0 as Gem::Version#<=> orders them (canonical segments: trailing zeros dropped from
  // the numeric and from the string part; a missing segment counts as 0; letters sort before
  // numbers). A total order. Never allocates.
  int compare(const RubyGemsVersion& other) const noexcept;

  // Gem::Version#version: stripped, "-" replaced by ".pre.", "0" for blank input.
  const std::string& text() const { return text_; }
  // Gem::Version#prerelease?: the version contains a letter.
  bool is_prerelease() const;
  // Gem::Version#segments: runs of digits (numbers) and letters.
  std::size_t segment_count() const { return segments_.size(); }
  std::string_view segment(std::size_t index) const { return view(segments_[index]); }
  bool segment_is_number(std::size_t index) const { return segments_[index].number; }

 private:
  struct Segment {
    std::uint32_t begin = 0;
    std::uint32_t size = 0;
    bool number = false;
  };
  std::string_view view(Segment segment) const {
    return std::string_view(names_).substr(segment.begin, segment.size);
  }

  std::string text_;
  std::string names_;  // segment text; numbers without leading zeros
  std::vector<Segment> segments_;
  std::vector<Segment> canonical_;
};

}  // namespace assay::version

#endif  // ASSAY_VERSION_SCHEMES_RUBYGEMS_H_
