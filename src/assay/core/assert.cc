// The failure path of ASSAY_ASSERT.
#include "assay/core/assert.h"

#include <cstdio>
#include <cstdlib>

namespace assay::internal {

void assert_failed(const char* condition, const char* why, const char* file, int line) {
  std::fprintf(stderr, "assay: internal assertion failed at %s:%d: %s (%s)\n", file, line,
               condition, why);
  std::abort();
}

}  // namespace assay::internal
