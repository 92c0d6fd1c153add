// Bounded file reading and atomic writes.
#include "assay/core/file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <sys/stat.h>

namespace assay {

namespace {
std::string errno_text(int error_number) {
  // strerror is not thread-safe; strerror_r (GNU) is.
  char buffer[256];
  return ::strerror_r(error_number, buffer, sizeof buffer);
}
}  // namespace

Result<std::string> read_file(const std::filesystem::path& path, std::uint64_t max_bytes) {
  const std::string name = path.string();
  const int fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int error_number = errno;
    if (error_number == ENOENT) {
      return fail(ErrorCode::kNotFound, "no such file", name);
    }
    return fail(ErrorCode::kIo, "cannot open: " + errno_text(error_number), name);
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    const int error_number = errno;
    ::close(fd);
    return fail(ErrorCode::kIo, "cannot stat: " + errno_text(error_number), name);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(fd);
    return fail(ErrorCode::kIo, "not a regular file", name);
  }
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes) {
    ::close(fd);
    return fail(ErrorCode::kInvalidInput,
                "file is " + std::to_string(info.st_size) + " bytes, over the limit of " +
                    std::to_string(max_bytes) + " bytes",
                name);
  }
  std::string contents;
  contents.resize(static_cast<std::size_t>(info.st_size));
  std::size_t filled = 0;
  while (true) {
    if (filled == contents.size()) {
      // The file may have grown since fstat; read on, within the limit.
      if (contents.size() >= max_bytes) {
        char probe = 0;
        const ssize_t extra = ::read(fd, &probe, 1);
        if (extra > 0) {
          ::close(fd);
          return fail(ErrorCode::kInvalidInput,
                      "file is over the limit of " + std::to_string(max_bytes) + " bytes", name);
        }
        break;
      }
      contents.resize(std::min<std::uint64_t>(max_bytes, contents.size() * 2 + 4096));
    }
    const ssize_t count = ::read(fd, contents.data() + filled, contents.size() - filled);
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int error_number = errno;
      ::close(fd);
      return fail(ErrorCode::kIo, "read failed: " + errno_text(error_number), name);
    }
    if (count == 0) {
      break;
    }
    filled += static_cast<std::size_t>(count);
  }
  ::close(fd);
  contents.resize(filled);
  return contents;
}

Result<std::string> read_stream(std::istream& stream, std::uint64_t max_bytes,
                                const std::string& name) {
  std::string contents;
  char buffer[65536];
  while (stream) {
    stream.read(buffer, sizeof buffer);
    const auto count = static_cast<std::size_t>(stream.gcount());
    if (contents.size() + count > max_bytes) {
      return fail(ErrorCode::kInvalidInput,
                  "input is over the limit of " + std::to_string(max_bytes) + " bytes", name);
    }
    contents.append(buffer, count);
  }
  if (stream.bad()) {
    return fail(ErrorCode::kIo, "read failed", name);
  }
  return contents;
}

Result<void> write_file_atomic(const std::filesystem::path& path, const std::string& contents) {
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string pattern = (directory / ("." + path.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(pattern.data());
  if (fd < 0) {
    return fail(ErrorCode::kIo, "cannot create temporary file: " + errno_text(errno),
                path.string());
  }
  std::size_t written = 0;
  while (written < contents.size()) {
    const ssize_t count = ::write(fd, contents.data() + written, contents.size() - written);
    if (count < 0) {
      if (errno == EINTR) {
        continue;
      }
      const int error_number = errno;
      ::close(fd);
      ::unlink(pattern.c_str());
      return fail(ErrorCode::kIo, "write failed: " + errno_text(error_number), path.string());
    }
    written += static_cast<std::size_t>(count);
  }
  // Readable by others like any file the user writes; the directory decides who can reach it.
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0 || ::close(fd) != 0) {
    const int error_number = errno;
    ::unlink(pattern.c_str());
    return fail(ErrorCode::kIo, "flush failed: " + errno_text(error_number), path.string());
  }
  if (::rename(pattern.c_str(), path.c_str()) != 0) {
    const int error_number = errno;
    ::unlink(pattern.c_str());
    return fail(ErrorCode::kIo, "rename failed: " + errno_text(error_number), path.string());
  }
  return {};
}

}  // namespace assay
