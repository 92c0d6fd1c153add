// Tests for Rekor evidence: inclusion proofs against a reference RFC 6962 implementation for
// every leaf of trees of 1..40 leaves, checkpoint parsing and signatures on real checkpoints,
// the signed entry timestamp payload, and entry bodies of every supported type.
#include "assay/verify/rekor.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_trusted_root.h"

#include "testing.h"

namespace assay::verify::rekor {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kSuite = "sigstore-conformance/test/assets/bundle-verify/";

// --- reference Merkle tree (RFC 6962 section 2.1, written recursively and independently) ---

std::string reference_root(const std::vector<std::string>& leaves, std::size_t begin,
                           std::size_t end) {
  if (end - begin == 1) {
    return leaf_hash(leaves[begin]);
  }
  std::size_t split = 1;
  while (split * 2 < end - begin) {
    split *= 2;
  }
  return crypto::sha256("\x01" + reference_root(leaves, begin, begin + split) +
                        reference_root(leaves, begin + split, end));
}

void reference_path(const std::vector<std::string>& leaves, std::size_t index, std::size_t begin,
                    std::size_t end, std::vector<std::string>& path) {
  if (end - begin == 1) {
    return;
  }
  std::size_t split = 1;
  while (split * 2 < end - begin) {
    split *= 2;
  }
  if (index < begin + split) {
    reference_path(leaves, index, begin, begin + split, path);
    path.push_back(reference_root(leaves, begin + split, end));
  } else {
    reference_path(leaves, index, begin + split, end, path);
    path.push_back(reference_root(leaves, begin, begin + split));
  }
}

TEST(InclusionProofTest, AcceptsEveryLeafOfTreesUpToFortyLeaves) {
  std::vector<std::string> leaves;
  for (std::size_t size = 1; size <= 40; ++size) {
    leaves.push_back("leaf " + std::to_string(size));
    const std::string root = reference_root(leaves, 0, size);
    for (std::size_t index = 0; index < size; ++index) {
      std::vector<std::string> path;
      reference_path(leaves, index, 0, size, path);
      const Result<void> ok = verify_inclusion(index, size, leaf_hash(leaves[index]), path, root);
      ASSERT_TRUE(ok.has_value()) << size << "/" << index << ": " << ok.error().message;
      // The same path proves nothing for a neighbour or another leaf.
      if (size > 1) {
        EXPECT_FALSE(
            verify_inclusion((index + 1) % size, size, leaf_hash(leaves[index]), path, root)
                .has_value())
            << size << "/" << index;
        EXPECT_FALSE(verify_inclusion(index, size, leaf_hash("other"), path, root).has_value());
      }
    }
  }
}

TEST(InclusionProofTest, NamesEachKindOfFailure) {
  const std::vector<std::string> leaves = {"a", "b", "c"};
  const std::string root = reference_root(leaves, 0, 3);
  std::vector<std::string> path;
  reference_path(leaves, 1, 0, 3, path);
  auto outside = verify_inclusion(3, 3, leaf_hash("b"), path, root);
  ASSERT_FALSE(outside.has_value());
  EXPECT_EQ(outside.error().message, "leaf index 3 is outside a tree of size 3");
  std::vector<std::string> longer = path;
  longer.push_back(root);
  EXPECT_THAT(verify_inclusion(1, 3, leaf_hash("b"), longer, root).error().message,
              HasSubstr("more than the path to the root needs"));
  EXPECT_THAT(verify_inclusion(1, 3, leaf_hash("b"), {path[0]}, root).error().message,
              HasSubstr("fewer than the path to the root needs"));
  EXPECT_THAT(verify_inclusion(1, 3, leaf_hash("b"), {"short", path[1]}, root).error().message,
              HasSubstr("proof hash 0 is 5 bytes, not 32"));
  EXPECT_THAT(verify_inclusion(1, 3, leaf_hash("b"), path, std::string(32, 'x')).error().message,
              HasSubstr("does not match the proof's root"));
  EXPECT_EQ(verify_inclusion(0, 0, leaf_hash("a"), {}, root).error().code,
            ErrorCode::kVerifyFailed);
}

// --- checkpoints ----------------------------------------------------------------------------

constexpr std::string_view kV1Checkpoint =
    "rekor.sigstore.dev - 2605736670972794746\n23083062\n"
    "dauhleYK4YyAdxwwDtR0l0KnSOWZdG2bwqHftlanvcI=\nTimestamp: 1689177396617352539\n\n"
    "\xE2\x80\x94 rekor.sigstore.dev wNI9ajBFAiBxaGyEtxkzFLkaCSEJqFuSS3dJjEZCNiyByVs1CNVQ8gIhAOoNn"
    "XtmMtTctV2oRnSRUZAo4EWUYPK/vBsqOzAU6TMs\n";

sigstore::TrustedRoot public_good() {
  const std::filesystem::path path =
      assay::testing::shared_data("sigstore-conformance/public-good-trusted_root.json");
  auto root = sigstore::parse_trusted_root(assay::testing::read_text(path), "root");
  EXPECT_TRUE(root.has_value());
  return root ? std::move(*root) : sigstore::TrustedRoot{};
}

TEST(CheckpointTest, ParsesTheNoteAndItsSignatureLines) {
  auto checkpoint = parse_checkpoint(kV1Checkpoint);
  ASSERT_TRUE(checkpoint.has_value()) << checkpoint.error().message;
  EXPECT_EQ(checkpoint->origin, "rekor.sigstore.dev - 2605736670972794746");
  EXPECT_EQ(checkpoint->tree_size, 23083062U);
  EXPECT_EQ(crypto::base64_encode(checkpoint->root_hash),
            "dauhleYK4YyAdxwwDtR0l0KnSOWZdG2bwqHftlanvcI=");
  EXPECT_EQ(checkpoint->extension_lines,
            std::vector<std::string>{"Timestamp: 1689177396617352539"});
  EXPECT_EQ(checkpoint->note, std::string(kV1Checkpoint.substr(0, kV1Checkpoint.find("\n\n") + 1)));
  ASSERT_EQ(checkpoint->signatures.size(), 1U);
  EXPECT_EQ(checkpoint->signatures[0].name, "rekor.sigstore.dev");
  EXPECT_EQ(hex_encode(checkpoint->signatures[0].key_hint), "c0d23d6a");
}

TEST(CheckpointTest, SignatureVerifiesWithTheLogKeyOnly) {
  ASSAY_SHARED_DATA_OR_SKIP(root_path, "sigstore-conformance/public-good-trusted_root.json");
  const sigstore::TrustedRoot root = public_good();
  const sigstore::TransparencyLog& log = root.tlogs.front();
  auto checkpoint = parse_checkpoint(kV1Checkpoint);
  ASSERT_TRUE(checkpoint.has_value());
  auto index = verify_checkpoint_signature(*checkpoint, log.log_id.substr(0, 4), *log.key);
  ASSERT_TRUE(index.has_value()) << index.error().message;
  EXPECT_EQ(*index, 0U);

  auto wrong_hint = verify_checkpoint_signature(*checkpoint, "abcd", *log.key);
  ASSERT_FALSE(wrong_hint.has_value());
  EXPECT_EQ(wrong_hint.error().message,
            "no checkpoint signature with the log's key hint 61626364 (found "
            "\"rekor.sigstore.dev\" key c0d23d6a)");
  Checkpoint tampered = *checkpoint;
  tampered.note[tampered.note.find("23083062")] = '3';
  auto bad = verify_checkpoint_signature(tampered, log.log_id.substr(0, 4), *log.key);
  ASSERT_FALSE(bad.has_value());
  EXPECT_THAT(bad.error().message,
              HasSubstr("checkpoint signature does not verify (line 0 by \"rekor.sigstore.dev\""));
}

TEST(CheckpointTest, Ed25519CheckpointWithWitnessCosignaturesVerifies) {
  ASSAY_SHARED_DATA_OR_SKIP(dir, std::string(kSuite) + "rekor2-checkpoint-multiple-cosigs");
  const json::Json bundle =
      json::Json::parse(assay::testing::read_text(dir / "bundle.sigstore.json"));
  auto root =
      sigstore::parse_trusted_root(assay::testing::read_text(dir / "trusted_root.json"), "root");
  ASSERT_TRUE(root.has_value());
  const sigstore::TransparencyLog& log = root->tlogs.back();
  ASSERT_EQ(log.key->type(), crypto::KeyType::kEd25519);
  auto checkpoint = parse_checkpoint(
      bundle["verificationMaterial"]["tlogEntries"][0]["inclusionProof"]["checkpoint"]["envelope"]
          .get<std::string>());
  ASSERT_TRUE(checkpoint.has_value()) << checkpoint.error().message;
  EXPECT_EQ(checkpoint->signatures.size(), 3U);
  auto index = verify_checkpoint_signature(*checkpoint, log.log_id.substr(0, 4), *log.key);
  ASSERT_TRUE(index.has_value()) << index.error().message;
  EXPECT_EQ(*index, 0U);
}

struct CheckpointErrorCase {
  std::string text;
  std::string message;
};

class CheckpointErrorTest : public ::testing::TestWithParam<CheckpointErrorCase> {};

TEST_P(CheckpointErrorTest, NamesTheProblem) {
  auto parsed = parse_checkpoint(GetParam().text);
  ASSERT_FALSE(parsed.has_value());
  EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(parsed.error().message, HasSubstr(GetParam().message));
}

const std::string kRootLine = "dauhleYK4YyAdxwwDtR0l0KnSOWZdG2bwqHftlanvcI=";
const std::string kSigLine = "\xE2\x80\x94 log wNI9ajBF\n";

INSTANTIATE_TEST_SUITE_P(
    Table, CheckpointErrorTest,
    ::testing::Values(
        CheckpointErrorCase{"origin\n1\n" + kRootLine + "\n" + kSigLine, "no blank line"},
        CheckpointErrorCase{"origin\n" + kRootLine + "\n\n" + kSigLine, "2 line(s)"},
        CheckpointErrorCase{"\n1\n" + kRootLine + "\n\n" + kSigLine, "origin line is empty"},
        CheckpointErrorCase{"o\n01\n" + kRootLine + "\n\n" + kSigLine, "not a decimal number"},
        CheckpointErrorCase{"o\nx\n" + kRootLine + "\n\n" + kSigLine, "not a decimal number"},
        CheckpointErrorCase{"o\n1\nAAAA\n\n" + kSigLine, "not a base64 SHA-256 hash"},
        CheckpointErrorCase{"o\n1\n" + kRootLine + "\n\n", "no signature lines"},
        CheckpointErrorCase{"o\n1\n" + kRootLine + "\n\n- log wNI9ajBF\n", "does not start with"},
        CheckpointErrorCase{"o\n1\n" + kRootLine + "\n\n\xE2\x80\x94 wNI9ajBF\n",
                            "needs a key name and a signature"},
        CheckpointErrorCase{"o\n1\n" + kRootLine + "\n\n\xE2\x80\x94 log AAAA\n",
                            "is not base64 of a key hint and a signature"},
        CheckpointErrorCase{"o\n1\n" + kRootLine + "\n\n" + kSigLine.substr(0, kSigLine.size() - 1),
                            "not terminated"},
        CheckpointErrorCase{std::string(kMaxCheckpointBytes + 1, 'x'), "larger than"}));

// --- signed entry timestamps ------------------------------------------------------------------

TEST(SignedEntryTimestampTest, PayloadIsCanonicalJsonInKeyOrder) {
  EXPECT_EQ(signed_entry_timestamp_payload("{}", 1700000000, std::string("\x01\xab", 2), 42),
            R"({"body":"e30=","integratedTime":1700000000,"logID":"01ab","logIndex":42})");
}

// --- entry bodies -----------------------------------------------------------------------------

std::string body_of(std::string_view case_name) {
  const std::filesystem::path path = assay::testing::shared_data(
      std::string(kSuite) + std::string(case_name) + "/bundle.sigstore.json");
  const json::Json bundle = json::Json::parse(assay::testing::read_text(path));
  return *crypto::base64_decode(
      bundle["verificationMaterial"]["tlogEntries"][0]["canonicalizedBody"].get<std::string>());
}

struct BodyCase {
  std::string bundle;
  std::string kind;
  std::string version;
  bool has_data_digest;
  bool verifier_is_certificate;
};

class EntryBodyTest : public ::testing::TestWithParam<BodyCase> {};

TEST_P(EntryBodyTest, ParsesEachSupportedType) {
  const BodyCase& test = GetParam();
  ASSAY_SHARED_DATA_OR_SKIP(path, std::string(kSuite) + test.bundle);
  auto body = parse_entry_body(body_of(test.bundle), "body");
  ASSERT_TRUE(body.has_value()) << body.error().to_string();
  EXPECT_EQ(body->kind, test.kind);
  EXPECT_EQ(body->api_version, test.version);
  EXPECT_EQ(body->data_algorithm.has_value(), test.has_data_digest);
  EXPECT_EQ(body->payload_algorithm.has_value(), !test.has_data_digest);
  EXPECT_EQ(test.has_data_digest ? body->data_digest.size() : body->payload_digest.size(), 32U);
  ASSERT_EQ(body->signatures.size(), 1U);
  EXPECT_FALSE(body->signatures[0].signature.empty());
  EXPECT_EQ(body->signatures[0].verifier_is_certificate, test.verifier_is_certificate);
}

INSTANTIATE_TEST_SUITE_P(
    Types, EntryBodyTest,
    ::testing::Values(BodyCase{"happy-path-v0.3", "hashedrekord", "0.0.1", true, true},
                      BodyCase{"rekor2-happy-path", "hashedrekord", "0.0.2", true, true},
                      BodyCase{"intoto-with-custom-trust-root", "intoto", "0.0.2", false, true},
                      BodyCase{"happy-path-intoto-in-dsse-v3", "dsse", "0.0.1", false, true},
                      BodyCase{"managed-key-happy-path", "hashedrekord", "0.0.1", true, false}),
    [](const ::testing::TestParamInfo<BodyCase>& param_info) {
      return assay::testing::sanitize_test_name(param_info.param.bundle);
    });

TEST(EntryBodyErrorTest, UnsupportedAndMalformedBodiesAreNamed) {
  auto rekord = parse_entry_body(R"({"kind":"rekord","apiVersion":"0.0.1","spec":{}})", "b");
  ASSERT_FALSE(rekord.has_value());
  EXPECT_EQ(rekord.error().code, ErrorCode::kUnsupported);
  EXPECT_THAT(rekord.error().message, HasSubstr("\"rekord 0.0.1\" is not supported"));
  auto bad_hash = parse_entry_body(
      R"({"kind":"hashedrekord","apiVersion":"0.0.1","spec":{"data":{"hash":{"algorithm":"sha256","value":"zz"}}}})",
      "b");
  ASSERT_FALSE(bad_hash.has_value());
  EXPECT_EQ(bad_hash.error().location, "b#/spec/data/hash/value");
  EXPECT_THAT(bad_hash.error().message, HasSubstr("not a hex sha256 digest"));
  auto not_json = parse_entry_body("{", "b");
  ASSERT_FALSE(not_json.has_value());
  EXPECT_THAT(not_json.error().message, HasSubstr("malformed JSON"));
}

}  // namespace
}  // namespace assay::verify::rekor
