#include "assay/core/clock.h"

#include <array>
#include <chrono>
#include <ctime>

namespace assay {

std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm parts{};
  gmtime_r(&now, &parts);
  std::array<char, 32> buffer{};
  const std::size_t size =
      std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &parts);
  return std::string(buffer.data(), size);
}

}  // namespace assay
