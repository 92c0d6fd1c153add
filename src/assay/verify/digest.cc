// Artefact digests through OpenSSL's EVP interface, and their comparison with expected values.
#include "assay/verify/digest.h"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <system_error>

#include <openssl/evp.h>

#include "assay/core/strings.h"

namespace assay::verify::digest {

namespace {

constexpr std::array<Algorithm, 5> kAllAlgorithms = {
    Algorithm::kSha256, Algorithm::kSha384, Algorithm::kSha512, Algorithm::kSha1, Algorithm::kMd5};

const EVP_MD* evp_for(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kSha256:
      return EVP_sha256();
    case Algorithm::kSha384:
      return EVP_sha384();
    case Algorithm::kSha512:
      return EVP_sha512();
    case Algorithm::kSha1:
      return EVP_sha1();
    case Algorithm::kMd5:
      return EVP_md5();
  }
  return EVP_sha256();
}

// strerror is not thread-safe; GNU strerror_r is.
std::string errno_text(int error_number) {
  std::array<char, 256> buffer{};
  return ::strerror_r(error_number, buffer.data(), buffer.size());
}

bool is_hex_digit(char c) {
  return is_ascii_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string_view to_string(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kSha256:
      return "sha256";
    case Algorithm::kSha384:
      return "sha384";
    case Algorithm::kSha512:
      return "sha512";
    case Algorithm::kSha1:
      return "sha1";
    case Algorithm::kMd5:
      return "md5";
  }
  return "sha256";
}

std::optional<Algorithm> algorithm_from_name(std::string_view name) {
  std::string folded;
  for (const char c : name) {
    if (c != '-' && c != '_') {
      folded.push_back(ascii_to_lower(c));
    }
  }
  for (const Algorithm algorithm : kAllAlgorithms) {
    if (folded == to_string(algorithm)) {
      return algorithm;
    }
  }
  return std::nullopt;
}

bool is_accepted(Algorithm algorithm) {
  return algorithm == Algorithm::kSha256 || algorithm == Algorithm::kSha384 ||
         algorithm == Algorithm::kSha512;
}

std::size_t hex_length(Algorithm algorithm) {
  switch (algorithm) {
    case Algorithm::kSha256:
      return 64;
    case Algorithm::kSha384:
      return 96;
    case Algorithm::kSha512:
      return 128;
    case Algorithm::kSha1:
      return 40;
    case Algorithm::kMd5:
      return 32;
  }
  return 64;
}

const std::string& Digests::get(Algorithm algorithm) const {
  switch (algorithm) {
    case Algorithm::kSha256:
      return sha256;
    case Algorithm::kSha384:
      return sha384;
    case Algorithm::kSha512:
      return sha512;
    case Algorithm::kSha1:
      return sha1;
    case Algorithm::kMd5:
      return md5;
  }
  return sha256;
}

struct Hasher::State {
  std::array<EVP_MD_CTX*, kAllAlgorithms.size()> contexts{};
  std::uint64_t size = 0;
};

Hasher::Hasher() : state_(new State) {
  for (std::size_t index = 0; index < kAllAlgorithms.size(); ++index) {
    state_->contexts[index] = EVP_MD_CTX_new();
    // Allocation failure or a missing provider is not reachable from input; treat as fatal.
    if (state_->contexts[index] == nullptr ||
        EVP_DigestInit_ex(state_->contexts[index], evp_for(kAllAlgorithms[index]), nullptr) != 1) {
      std::abort();
    }
  }
}

Hasher::~Hasher() {
  for (EVP_MD_CTX* context : state_->contexts) {
    EVP_MD_CTX_free(context);
  }
  delete state_;
}

void Hasher::update(std::string_view bytes) {
  state_->size += bytes.size();
  for (EVP_MD_CTX* context : state_->contexts) {
    if (EVP_DigestUpdate(context, bytes.data(), bytes.size()) != 1) {
      std::abort();
    }
  }
}

Digests Hasher::finish() {
  Digests out;
  out.size = state_->size;
  for (std::size_t index = 0; index < kAllAlgorithms.size(); ++index) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> raw{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(state_->contexts[index], raw.data(), &length) != 1) {
      std::abort();
    }
    std::string hex =
        hex_encode(std::string_view(reinterpret_cast<const char*>(raw.data()), length));
    switch (kAllAlgorithms[index]) {
      case Algorithm::kSha256:
        out.sha256 = std::move(hex);
        break;
      case Algorithm::kSha384:
        out.sha384 = std::move(hex);
        break;
      case Algorithm::kSha512:
        out.sha512 = std::move(hex);
        break;
      case Algorithm::kSha1:
        out.sha1 = std::move(hex);
        break;
      case Algorithm::kMd5:
        out.md5 = std::move(hex);
        break;
    }
  }
  return out;
}

Digests compute(std::string_view bytes) {
  Hasher hasher;
  hasher.update(bytes);
  return hasher.finish();
}

Result<Digests> compute_file(const std::filesystem::path& path) {
  std::error_code error;
  const std::filesystem::file_status status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    if (error && error != std::errc::no_such_file_or_directory) {
      return fail(ErrorCode::kIo, "cannot read the file: " + error.message(), path.string());
    }
    return fail(ErrorCode::kNotFound, "no such file", path.string());
  }
  if (!std::filesystem::is_regular_file(status)) {
    return fail(ErrorCode::kIo, "not a regular file", path.string());
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    return fail(ErrorCode::kIo, "cannot open the file: " + errno_text(errno), path.string());
  }
  Hasher hasher;
  std::array<char, 64 * 1024> block{};
  while (stream) {
    stream.read(block.data(), static_cast<std::streamsize>(block.size()));
    const std::streamsize got = stream.gcount();
    if (got > 0) {
      hasher.update(std::string_view(block.data(), static_cast<std::size_t>(got)));
    }
  }
  if (stream.bad()) {
    return fail(ErrorCode::kIo, "read error", path.string());
  }
  return hasher.finish();
}

Result<std::string> normalize_hex(Algorithm algorithm, std::string_view hex) {
  const std::string_view trimmed = trim(hex);
  const std::size_t want = hex_length(algorithm);
  if (trimmed.size() != want) {
    return fail(ErrorCode::kInvalidInput,
                std::string(to_string(algorithm)) + " digest " + quote(trimmed, 140) + " has " +
                    std::to_string(trimmed.size()) + " characters; expected " +
                    std::to_string(want) + " hex digits");
  }
  for (std::size_t index = 0; index < trimmed.size(); ++index) {
    if (!is_hex_digit(trimmed[index])) {
      return fail(ErrorCode::kInvalidInput,
                  std::string(to_string(algorithm)) + " digest " + quote(trimmed, 140) +
                      " has a non-hex character at " + std::to_string(index + 1));
    }
  }
  return ascii_lower(trimmed);
}

Result<ExpectedDigest> parse_expected(std::string_view text, std::string_view source) {
  const std::string_view trimmed = trim(text);
  const std::size_t colon = trimmed.find(':');
  if (colon == std::string_view::npos) {
    if (trimmed.size() == hex_length(Algorithm::kSha256)) {
      ASSAY_TRY(std::string hex, normalize_hex(Algorithm::kSha256, trimmed));
      return ExpectedDigest{"sha256", std::move(hex), std::string(source)};
    }
    return fail(ErrorCode::kInvalidInput,
                "expected digest " + quote(trimmed) +
                    " must be \"<algorithm>:<hex>\" (e.g. sha256:...) or 64 hex digits of SHA-256",
                std::string(source));
  }
  const std::string_view name = trimmed.substr(0, colon);
  const std::optional<Algorithm> algorithm = algorithm_from_name(name);
  if (!algorithm) {
    return fail(ErrorCode::kInvalidInput,
                "unknown digest algorithm " + quote(name) + " (use sha256, sha384 or sha512)",
                std::string(source));
  }
  auto hex = normalize_hex(*algorithm, trimmed.substr(colon + 1));
  if (!hex) {
    return fail(hex.error().code, hex.error().message, std::string(source));
  }
  return ExpectedDigest{std::string(to_string(*algorithm)), std::move(*hex), std::string(source)};
}

Verification verify(const Digests& actual, std::string_view subject_name,
                    const std::vector<ExpectedDigest>& expected) {
  Verification result;
  result.method = "digest";
  result.subject = std::string(subject_name) + " (sha256:" + actual.sha256 + ")";
  if (expected.empty()) {
    result.add("digest.expected", "an expected digest to compare with", Outcome::kSkipped,
               "no expected digest was given");
    return result;
  }
  for (const ExpectedDigest& want : expected) {
    const std::string from = want.source.empty() ? std::string() : " from " + want.source;
    const std::optional<Algorithm> algorithm = algorithm_from_name(want.algorithm);
    if (!algorithm) {
      result.add("digest.unsupported",
                 "digest in algorithm " + quote(want.algorithm) + from + " not computed by Assay",
                 Outcome::kSkipped, "algorithm not supported; the value was not compared");
      continue;
    }
    const std::string name(to_string(*algorithm));
    const std::string id = "digest." + name;
    const std::string description = name + " of the artefact equals the expected value" + from;
    auto normalized = normalize_hex(*algorithm, want.hex);
    if (!normalized) {
      result.add(id, description, Outcome::kFail,
                 "expected value is malformed: " + normalized.error().message);
      continue;
    }
    const std::string& observed = actual.get(*algorithm);
    const bool equal = *normalized == observed;
    if (!is_accepted(*algorithm)) {
      if (equal) {
        result.add(id, description, Outcome::kSkipped,
                   "matches, but " + name +
                       " is a legacy algorithm and is not accepted as integrity evidence");
      } else {
        result.add(id, description, Outcome::kFail,
                   "expected " + *normalized + ", artefact has " + observed +
                       " (legacy algorithm, but a mismatch still proves the artefact differs)");
      }
      continue;
    }
    if (equal) {
      result.add(id, description, Outcome::kPass, observed);
    } else {
      result.add(id, description, Outcome::kFail,
                 "expected " + *normalized + ", artefact has " + observed);
    }
  }
  return result;
}

}  // namespace assay::verify::digest
