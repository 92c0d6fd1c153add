// Fuzzes the security.txt parser and checker (without a signing key, so GnuPG is never run), with
// oracles: a file with no errors has a usable Contact and an unexpired Expires; every finding has
// a code and a message and a line inside the file; an Expires that parsed formats and parses back
// to the same instant.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "assay/verify/securitytxt.h"

namespace {

namespace sectxt = assay::verify::securitytxt;

[[noreturn]] void oracle_failed(const char* what) {
  std::fprintf(stderr, "securitytxt oracle failed: %s\n", what);
  std::abort();
}

constexpr std::int64_t kNow = 1748736000;  // 2025-06-01T00:00:00Z

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  sectxt::CheckOptions options;
  options.now = kNow;
  options.retrieval_url = "https://example.com/.well-known/security.txt";
  options.content_type = "text/plain; charset=utf-8";
  const auto report = sectxt::check(input, options);
  if (!report) {
    oracle_failed("check without a key failed");
  }
  std::size_t lines = 1;
  for (const char c : input) {
    lines += c == '\n' ? 1 : 0;
  }
  for (const auto& finding : report->parsed.findings) {
    if (finding.code.empty() || finding.message.empty() || finding.line > lines) {
      oracle_failed("finding without code or message, or past the last line");
    }
  }
  const auto& file = report->parsed.file;
  if (report->valid() && (file.contact.empty() || !file.expires_at || *file.expires_at < kNow)) {
    oracle_failed("a valid file without contact or with a stale expiry");
  }
  if (file.expires_at) {
    const auto again = sectxt::parse_rfc3339(sectxt::format_rfc3339(*file.expires_at));
    if (!again || *again != *file.expires_at) {
      oracle_failed("Expires does not round-trip");
    }
  }
  static_cast<void>(sectxt::parse_rfc3339(input));
  static_cast<void>(sectxt::is_language_tag(input.substr(0, 64)));
  return 0;
}
