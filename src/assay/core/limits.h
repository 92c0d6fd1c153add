// Input limits every reader enforces, so that no input can exhaust memory, stack or time.
#ifndef ASSAY_CORE_LIMITS_H_
#define ASSAY_CORE_LIMITS_H_

#include <cstddef>
#include <cstdint>

namespace assay {

struct InputLimits {
  std::uint64_t max_bytes = 512ULL * 1024 * 1024;  // whole document
  std::uint32_t max_depth = 64;                    // nesting of arrays/objects/elements
  std::uint64_t max_items = 5'000'000;             // array elements/components/records in total
  std::uint64_t max_string_bytes = 16ULL * 1024 * 1024;  // any single string value
};

// Short strings that arrive on a command line or inside documents: purls, versions, ranges.
inline constexpr std::size_t kMaxPurlBytes = 64 * 1024;
inline constexpr std::size_t kMaxVersionBytes = 4 * 1024;
inline constexpr std::size_t kMaxRangeBytes = 64 * 1024;

}  // namespace assay

#endif  // ASSAY_CORE_LIMITS_H_
