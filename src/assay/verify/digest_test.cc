// Tests for artefact digests: known-answer vectors, streaming over files, expected-value parsing
// and the comparison rules (legacy algorithms are reported, never accepted).
#include "assay/verify/digest.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace assay::verify::digest {
namespace {

using ::testing::HasSubstr;

// FIPS 180-2 / RFC 1321 known answers for "abc".
constexpr const char* kAbcSha256 =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr const char* kAbcSha384 =
    "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825"
    "a7";
constexpr const char* kAbcSha512 =
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feeb"
    "bd"
    "454d4423643ce80e2a9ac94fa54ca49f";
constexpr const char* kAbcSha1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
constexpr const char* kAbcMd5 = "900150983cd24fb0d6963f7d28e17f72";

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "assay-digest-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(DigestComputeTest, MatchesKnownAnswersForAbc) {
  const Digests digests = compute("abc");
  EXPECT_EQ(digests.sha256, kAbcSha256);
  EXPECT_EQ(digests.sha384, kAbcSha384);
  EXPECT_EQ(digests.sha512, kAbcSha512);
  EXPECT_EQ(digests.sha1, kAbcSha1);
  EXPECT_EQ(digests.md5, kAbcMd5);
  EXPECT_EQ(digests.size, 3U);
}

TEST(DigestComputeTest, EmptyInputHasTheEmptyDigest) {
  EXPECT_EQ(compute("").sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(DigestComputeTest, IncrementalHashingEqualsOneShot) {
  std::string data;
  for (int index = 0; index < 10000; ++index) {
    data += std::to_string(index);
  }
  Hasher hasher;
  for (std::size_t offset = 0; offset < data.size(); offset += 777) {
    hasher.update(std::string_view(data).substr(offset, 777));
  }
  const Digests incremental = hasher.finish();
  const Digests once = compute(data);
  EXPECT_EQ(incremental.sha256, once.sha256);
  EXPECT_EQ(incremental.sha512, once.sha512);
  EXPECT_EQ(incremental.md5, once.md5);
  EXPECT_EQ(incremental.size, data.size());
}

TEST(DigestComputeFileTest, StreamsAFileLargerThanOneBlock) {
  TempDir dir;
  std::string data(200 * 1024 + 17, '\0');
  for (std::size_t index = 0; index < data.size(); ++index) {
    data[index] = static_cast<char>(index * 31 % 251);
  }
  const std::filesystem::path file = dir.path() / "artefact.bin";
  std::ofstream(file, std::ios::binary) << data;
  const Result<Digests> digests = compute_file(file);
  ASSERT_TRUE(digests) << digests.error().to_string();
  EXPECT_EQ(digests->sha256, compute(data).sha256);
  EXPECT_EQ(digests->sha384, compute(data).sha384);
  EXPECT_EQ(digests->size, data.size());
}

TEST(DigestComputeFileTest, MissingFileIsNotFound) {
  TempDir dir;
  const Result<Digests> digests = compute_file(dir.path() / "absent");
  ASSERT_FALSE(digests);
  EXPECT_EQ(digests.error().code, ErrorCode::kNotFound);
  EXPECT_THAT(digests.error().location, HasSubstr("absent"));
}

TEST(DigestComputeFileTest, DirectoryIsAnIoError) {
  TempDir dir;
  const Result<Digests> digests = compute_file(dir.path());
  ASSERT_FALSE(digests);
  EXPECT_EQ(digests.error().code, ErrorCode::kIo);
  EXPECT_EQ(digests.error().message, "not a regular file");
}

TEST(DigestAlgorithmTest, RecognisesSbomAndProvenanceSpellings) {
  struct Case {
    const char* name;
    std::optional<Algorithm> want;
  };
  const Case cases[] = {
      {"sha256", Algorithm::kSha256},
      {"SHA-256", Algorithm::kSha256},
      {"SHA256", Algorithm::kSha256},
      {"sha_256", Algorithm::kSha256},
      {"SHA-384", Algorithm::kSha384},
      {"sha512", Algorithm::kSha512},
      {"SHA1", Algorithm::kSha1},
      {"MD5", Algorithm::kMd5},
      {"blake2b", std::nullopt},
      {"sha3_256", std::nullopt},
      {"", std::nullopt},
      {"gitCommit", std::nullopt},
  };
  for (const Case& test : cases) {
    EXPECT_EQ(algorithm_from_name(test.name), test.want) << test.name;
  }
  EXPECT_TRUE(is_accepted(Algorithm::kSha384));
  EXPECT_FALSE(is_accepted(Algorithm::kSha1));
  EXPECT_FALSE(is_accepted(Algorithm::kMd5));
}

TEST(DigestNormalizeTest, LowerCasesAndTrims) {
  const Result<std::string> hex =
      normalize_hex(Algorithm::kMd5, "  900150983CD24FB0D6963F7D28E17F72\n");
  ASSERT_TRUE(hex);
  EXPECT_EQ(*hex, kAbcMd5);
}

TEST(DigestNormalizeTest, RejectsWrongLengthAndNonHex) {
  const Result<std::string> short_value = normalize_hex(Algorithm::kSha256, "abcd");
  ASSERT_FALSE(short_value);
  EXPECT_EQ(short_value.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(short_value.error().message, HasSubstr("has 4 characters; expected 64 hex digits"));
  std::string bad(kAbcSha256);
  bad[10] = 'g';
  const Result<std::string> non_hex = normalize_hex(Algorithm::kSha256, bad);
  ASSERT_FALSE(non_hex);
  EXPECT_THAT(non_hex.error().message, HasSubstr("non-hex character at 11"));
}

TEST(DigestParseExpectedTest, AcceptsPrefixedAndBareSha256) {
  const Result<ExpectedDigest> prefixed =
      parse_expected(std::string("SHA-512:") + kAbcSha512, "cli");
  ASSERT_TRUE(prefixed);
  EXPECT_EQ(prefixed->algorithm, "sha512");
  EXPECT_EQ(prefixed->hex, kAbcSha512);
  EXPECT_EQ(prefixed->source, "cli");
  const Result<ExpectedDigest> bare = parse_expected(kAbcSha256);
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare->algorithm, "sha256");
}

TEST(DigestParseExpectedTest, RejectsUnknownAlgorithmAndBadValues) {
  const Result<ExpectedDigest> unknown = parse_expected("blake3:00", "--sha");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().message,
            "unknown digest algorithm \"blake3\" (use sha256, sha384 or sha512)");
  EXPECT_EQ(unknown.error().location, "--sha");
  EXPECT_FALSE(parse_expected("sha256:zz"));
  const Result<ExpectedDigest> no_algorithm = parse_expected("abcdef");
  ASSERT_FALSE(no_algorithm);
  EXPECT_THAT(no_algorithm.error().message, HasSubstr("must be \"<algorithm>:<hex>\""));
}

TEST(DigestVerifyTest, MatchingSha256Passes) {
  const Verification result =
      verify(compute("abc"), "abc.txt", {{"SHA-256", kAbcSha256, "sbom.json#/components/0"}});
  ASSERT_EQ(result.checks.size(), 1U);
  EXPECT_EQ(result.checks[0].id, "digest.sha256");
  EXPECT_EQ(result.checks[0].outcome, Outcome::kPass);
  EXPECT_THAT(result.checks[0].description, HasSubstr("from sbom.json#/components/0"));
  EXPECT_EQ(result.outcome(), Outcome::kPass);
  EXPECT_EQ(result.subject, std::string("abc.txt (sha256:") + kAbcSha256 + ")");
}

TEST(DigestVerifyTest, MismatchFailsNamingBothValues) {
  const Verification result = verify(compute("abd"), "abd.txt", {{"sha256", kAbcSha256, ""}});
  EXPECT_EQ(result.outcome(), Outcome::kFail);
  EXPECT_THAT(result.first_failure(), HasSubstr(std::string("expected ") + kAbcSha256));
}

TEST(DigestVerifyTest, LegacyMatchIsReportedButNeverAPass) {
  const Verification result =
      verify(compute("abc"), "abc.txt", {{"sha1", kAbcSha1, ""}, {"md5", kAbcMd5, ""}});
  ASSERT_EQ(result.checks.size(), 2U);
  EXPECT_EQ(result.checks[0].id, "digest.sha1");
  EXPECT_EQ(result.checks[0].outcome, Outcome::kSkipped);
  EXPECT_THAT(result.checks[0].detail, HasSubstr("not accepted as integrity evidence"));
  EXPECT_EQ(result.checks[1].id, "digest.md5");
  EXPECT_EQ(result.outcome(), Outcome::kSkipped);
}

TEST(DigestVerifyTest, LegacyMismatchStillFails) {
  const Verification result = verify(compute("abd"), "x", {{"md5", kAbcMd5, ""}});
  EXPECT_EQ(result.outcome(), Outcome::kFail);
  EXPECT_THAT(result.first_failure(), HasSubstr("a mismatch still proves the artefact differs"));
}

TEST(DigestVerifyTest, UnsupportedAlgorithmIsSkippedAndMalformedValueFails) {
  const Verification result =
      verify(compute("abc"), "x",
             {{"BLAKE2b-256", "00", ""}, {"sha384", "not-hex", ""}, {"sha256", kAbcSha256, ""}});
  ASSERT_EQ(result.checks.size(), 3U);
  EXPECT_EQ(result.checks[0].id, "digest.unsupported");
  EXPECT_EQ(result.checks[0].outcome, Outcome::kSkipped);
  EXPECT_EQ(result.checks[1].outcome, Outcome::kFail);
  EXPECT_THAT(result.checks[1].detail, HasSubstr("expected value is malformed"));
  EXPECT_EQ(result.outcome(), Outcome::kFail);
}

TEST(DigestVerifyTest, NothingExpectedIsNeverAPass) {
  const Verification result = verify(compute("abc"), "x", {});
  ASSERT_EQ(result.checks.size(), 1U);
  EXPECT_EQ(result.checks[0].id, "digest.expected");
  EXPECT_EQ(result.outcome(), Outcome::kSkipped);
}

}  // namespace
}  // namespace assay::verify::digest
