// The catalogues/*.json files, embedded at build time by catalogue_embed.cmake.
#ifndef ASSAY_ASSESS_INTERNAL_EMBEDDED_H_
#define ASSAY_ASSESS_INTERNAL_EMBEDDED_H_

#include <span>
#include <string_view>

namespace assay::assess::internal {

struct EmbeddedFile {
  std::string_view name;                     // file name, e.g. "uk-sscop-final-2025.json"
  std::span<const std::string_view> chunks;  // the content, in pieces to concatenate
};

std::span<const EmbeddedFile> embedded_catalogues();

}  // namespace assay::assess::internal

#endif  // ASSAY_ASSESS_INTERNAL_EMBEDDED_H_
