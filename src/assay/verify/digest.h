// Artefact digests: SHA-256/384/512 computed over bytes or streamed over a file, compared with
// expected values from SBOMs, checksum files and provenance subjects. SHA-1 and MD5 are computed
// only so that they can be reported; they are never accepted as integrity evidence.
#ifndef ASSAY_VERIFY_DIGEST_H_
#define ASSAY_VERIFY_DIGEST_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assay/core/result.h"
#include "assay/verify/verification.h"

namespace assay::verify::digest {

enum class Algorithm { kSha256, kSha384, kSha512, kSha1, kMd5 };

// The in-toto / lower-case name: "sha256", "sha384", "sha512", "sha1", "md5".
std::string_view to_string(Algorithm algorithm);

// Recognises the spellings SBOM and provenance formats use for the same algorithm: "sha256",
// "SHA-256", "SHA256", "sha_256" (case-insensitive; '-' and '_' ignored). nullopt otherwise.
std::optional<Algorithm> algorithm_from_name(std::string_view name);

// True for SHA-256, SHA-384 and SHA-512: the only algorithms whose match is integrity evidence.
bool is_accepted(Algorithm algorithm);

// Length of the digest in hex characters (64 for SHA-256).
std::size_t hex_length(Algorithm algorithm);

// Every digest of one artefact, lower-case hex, plus its size in bytes.
struct Digests {
  std::string sha256;
  std::string sha384;
  std::string sha512;
  std::string sha1;  // legacy: reported, never accepted
  std::string md5;   // legacy: reported, never accepted
  std::uint64_t size = 0;

  // The hex digest for `algorithm`.
  const std::string& get(Algorithm algorithm) const;
};

// Incremental hashing of one artefact, for callers that read it in pieces (stdin, a socket).
// Not thread-safe; one Hasher per artefact.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;

  void update(std::string_view bytes);
  // Returns the digests of everything passed to update(). Requires: called once.
  Digests finish();

 private:
  struct State;
  State* state_;
};

// Digests of `bytes`.
Digests compute(std::string_view bytes);

// Digests of the regular file at `path`, streamed in 64 KiB blocks (the file is never held in
// memory). Fails with kNotFound when it does not exist, kIo when it cannot be read or is not a
// regular file.
[[nodiscard]] Result<Digests> compute_file(const std::filesystem::path& path);

// Validates `hex` as a digest of `algorithm` (exact length, hex characters only; surrounding
// whitespace ignored) and returns it in lower case. Fails with kInvalidInput naming the problem.
[[nodiscard]] Result<std::string> normalize_hex(Algorithm algorithm, std::string_view hex);

// One expected value, as a document states it: the algorithm name in the document's own spelling
// ("SHA-256", "sha512", "blake2b"), the value, and where it came from ("sbom.json#/components/3").
struct ExpectedDigest {
  std::string algorithm;
  std::string hex;
  std::string source;
};

// Parses "sha256:<hex>" (or "<algorithm>:<hex>" for any recognised algorithm) into an
// ExpectedDigest; a bare hex value is taken as SHA-256 when it is 64 characters long. Fails with
// kInvalidInput otherwise.
[[nodiscard]] Result<ExpectedDigest> parse_expected(std::string_view text,
                                                    std::string_view source = {});

// Compares `actual` with each expected value and returns method "digest", subject
// `subject_name (sha256:<hex>)`, one check per expected value:
//   "digest.sha256" / "digest.sha384" / "digest.sha512": pass when equal, fail otherwise (a
//       malformed expected value fails with the reason);
//   "digest.sha1" / "digest.md5": fail on a mismatch (it proves the artefact differs), otherwise
//       skipped with "legacy algorithm, not accepted as integrity evidence": a legacy match is
//       never a pass;
//   "digest.unsupported": skipped for algorithms Assay does not compute.
// With no expected values the result has one skipped "digest.expected" check, so it is never a
// pass. Thread-safe.
Verification verify(const Digests& actual, std::string_view subject_name,
                    const std::vector<ExpectedDigest>& expected);

}  // namespace assay::verify::digest

#endif  // ASSAY_VERIFY_DIGEST_H_
