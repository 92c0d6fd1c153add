// Bounded file reading for the layers that do I/O (apps, store, server); parsers never call this.
#ifndef ASSAY_CORE_FILE_H_
#define ASSAY_CORE_FILE_H_

#include <cstdint>
#include <filesystem>
#include <istream>
#include <string>

#include "assay/core/result.h"

namespace assay {

// Reads the whole regular file at `path`. Fails with kNotFound when it does not exist, kIo when
// it cannot be read or is not a regular file, and kInvalidInput when it exceeds `max_bytes`.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path,
                                            std::uint64_t max_bytes);

// Reads `stream` to its end, failing with kInvalidInput past `max_bytes`. `name` is used in errors.
[[nodiscard]] Result<std::string> read_stream(std::istream& stream, std::uint64_t max_bytes,
                                              const std::string& name);

// Writes `contents` to `path` atomically: a temporary file in the same directory, flushed, then
// renamed over the target, so a reader never sees a half-written file.
[[nodiscard]] Result<void> write_file_atomic(const std::filesystem::path& path,
                                             const std::string& contents);

}  // namespace assay

#endif  // ASSAY_CORE_FILE_H_
