// ASSAY_ASSERT: checks programmer errors in dev and sanitizer builds. Never reachable from input:
// anything input can trigger must be an Error instead.
#ifndef ASSAY_CORE_ASSERT_H_
#define ASSAY_CORE_ASSERT_H_

namespace assay::internal {
[[noreturn]] void assert_failed(const char* condition, const char* why, const char* file, int line);
}  // namespace assay::internal

#if defined(ASSAY_ENABLE_ASSERT) && ASSAY_ENABLE_ASSERT
#define ASSAY_ASSERT(condition, why)                                         \
  do {                                                                       \
    if (!(condition)) {                                                      \
      ::assay::internal::assert_failed(#condition, why, __FILE__, __LINE__); \
    }                                                                        \
  } while (false)
#else
#define ASSAY_ASSERT(condition, why)      \
  do {                                    \
    static_cast<void>(sizeof(condition)); \
  } while (false)
#endif

#endif  // ASSAY_CORE_ASSERT_H_
