// Tests for OpenPGP verification. Throwaway keys (Ed25519 and RSA) are generated at test time in
// a temporary GNUPGHOME with gpg --batch --quick-gen-key; no key is ever committed.
#include "assay/verify/pgp.h"

#include <cstdlib>
#include <filesystem>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/verify/pgp_test_keyring.h"

namespace assay::verify::pgp {
namespace {

using ::testing::HasSubstr;

using test_keys::Keyring;
using test_keys::make_temp_dir;
using test_keys::TestKey;

const Check* find_check(const Verification& verification, std::string_view id) {
  for (const Check& check : verification.checks) {
    if (check.id == id) {
      return &check;
    }
  }
  return nullptr;
}

class PgpVerifyTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    keyring_ = new Keyring();
    ed25519_ = keyring_->generate("Assay Ed25519 <ed@example.invalid>", "ed25519");
    rsa_ = keyring_->generate("Assay RSA <rsa@example.invalid>", "rsa3072");
  }
  static void TearDownTestSuite() {
    delete keyring_;
    keyring_ = nullptr;
  }

  static Keyring* keyring_;
  static TestKey ed25519_;
  static TestKey rsa_;
};

Keyring* PgpVerifyTest::keyring_ = nullptr;
TestKey PgpVerifyTest::ed25519_;
TestKey PgpVerifyTest::rsa_;

const std::string kData = "release-1.2.3.tar.gz contents\n";

TEST_F(PgpVerifyTest, GoodDetachedSignaturesFromEd25519AndRsaKeysPass) {
  for (const TestKey* key : {&ed25519_, &rsa_}) {
    const std::string signature = keyring_->sign(key->fingerprint, kData, "--detach-sign");
    const Result<Verification> result =
        verify_detached(kData, signature, {key->armored, key->fingerprint});
    ASSERT_TRUE(result) << result.error().to_string();
    EXPECT_EQ(result->outcome(), Outcome::kPass) << to_text(*result);
    EXPECT_EQ(result->method, "openpgp");
    EXPECT_EQ(result->trust_root, "OpenPGP key " + key->fingerprint);
    EXPECT_THAT(result->identity, HasSubstr(key->fingerprint));
    EXPECT_EQ(find_check(*result, "openpgp.signer")->outcome, Outcome::kPass);
  }
}

TEST_F(PgpVerifyTest, FingerprintIsCaseAndSpaceInsensitive) {
  std::string spaced;
  for (std::size_t index = 0; index < ed25519_.fingerprint.size(); ++index) {
    spaced += static_cast<char>(std::tolower(ed25519_.fingerprint[index]));
    if (index % 4 == 3) {
      spaced += ' ';
    }
  }
  const std::string signature = keyring_->sign(ed25519_.fingerprint, kData, "--detach-sign");
  const Result<Verification> result = verify_detached(kData, signature, {ed25519_.armored, spaced});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kPass) << to_text(*result);
}

TEST_F(PgpVerifyTest, AlteredDataFailsAsBadSignature) {
  const std::string signature = keyring_->sign(ed25519_.fingerprint, kData, "--detach-sign");
  const Result<Verification> result =
      verify_detached(kData + "x", signature, {ed25519_.armored, ed25519_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kFail);
  EXPECT_THAT(find_check(*result, "openpgp.signature")->detail, HasSubstr("bad signature"));
  EXPECT_EQ(find_check(*result, "openpgp.signer")->outcome, Outcome::kFail);
}

TEST_F(PgpVerifyTest, ExpectedFingerprintMissingFromTheKeyFails) {
  const std::string signature = keyring_->sign(ed25519_.fingerprint, kData, "--detach-sign");
  const Result<Verification> result =
      verify_detached(kData, signature, {ed25519_.armored, rsa_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kFail);
  EXPECT_THAT(result->first_failure(),
              HasSubstr("fingerprint " + rsa_.fingerprint + " is not in the supplied key"));
}

TEST_F(PgpVerifyTest, GoodSignatureByAnotherSuppliedKeyIsNotAccepted) {
  const std::string both = keyring_->export_keys({ed25519_.fingerprint, rsa_.fingerprint});
  const std::string signature = keyring_->sign(ed25519_.fingerprint, kData, "--detach-sign");
  const Result<Verification> result = verify_detached(kData, signature, {both, rsa_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(find_check(*result, "openpgp.signature")->outcome, Outcome::kPass);
  EXPECT_EQ(find_check(*result, "openpgp.signer")->outcome, Outcome::kFail);
  EXPECT_THAT(find_check(*result, "openpgp.signer")->detail,
              HasSubstr("good signature(s) by " + ed25519_.fingerprint));
  EXPECT_EQ(result->outcome(), Outcome::kFail);
}

TEST_F(PgpVerifyTest, SignatureBySigningSubkeyIsAcceptedForThePrimaryFingerprint) {
  const TestKey primary =
      keyring_->generate("Assay Subkey <sub@example.invalid>", "ed25519", "cert");
  keyring_->add_signing_subkey(primary.fingerprint);
  const std::string armored = keyring_->export_keys({primary.fingerprint});
  const std::string signature = keyring_->sign(primary.fingerprint, kData, "--detach-sign");
  const Result<Verification> result =
      verify_detached(kData, signature, {armored, primary.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kPass) << to_text(*result);
}

TEST_F(PgpVerifyTest, Sha1SignatureIsRefused) {
  const std::string signature =
      keyring_->sign(rsa_.fingerprint, kData, "--detach-sign", {"--digest-algo", "SHA1"});
  const Result<Verification> result =
      verify_detached(kData, signature, {rsa_.armored, rsa_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kFail);
  ASSERT_NE(find_check(*result, "openpgp.hash"), nullptr) << to_text(*result);
  EXPECT_THAT(find_check(*result, "openpgp.hash")->detail, HasSubstr("is not accepted"));
}

TEST_F(PgpVerifyTest, ClearSignedMessageReturnsTheSignedText) {
  const std::string body = "Contact: mailto:security@example.com\n- dash line\nExpires: x\n";
  const std::string message = keyring_->sign(ed25519_.fingerprint, body, "--clearsign");
  const Result<CleartextResult> result =
      verify_cleartext(message, {ed25519_.armored, ed25519_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->verification.outcome(), Outcome::kPass) << to_text(result->verification);
  EXPECT_EQ(result->signed_text, body);
}

TEST_F(PgpVerifyTest, AlteredClearSignedMessageFailsAndReturnsNoText) {
  std::string message =
      keyring_->sign(ed25519_.fingerprint, "Contact: a\nExpires: b\n", "--clearsign");
  message.replace(message.find("Contact: a"), 10, "Contact: z");
  const Result<CleartextResult> result =
      verify_cleartext(message, {ed25519_.armored, ed25519_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->verification.outcome(), Outcome::kFail);
  EXPECT_EQ(result->signed_text, "");
}

TEST_F(PgpVerifyTest, GarbageSignatureAndKeyFail) {
  Result<Verification> result =
      verify_detached(kData, "not a signature", {ed25519_.armored, ed25519_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kFail);
  result = verify_detached(kData, "x", {"no key here", ed25519_.fingerprint});
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(find_check(*result, "openpgp.key")->outcome, Outcome::kFail);
  EXPECT_THAT(find_check(*result, "openpgp.key")->detail, HasSubstr("no OpenPGP public key"));
}

TEST_F(PgpVerifyTest, TemporaryHomesAreRemoved) {
  const std::filesystem::path tmp = make_temp_dir("assay-pgp-tmpdir-");
  const char* previous = std::getenv("TMPDIR");
  const std::string saved = previous != nullptr ? previous : "";
  setenv("TMPDIR", tmp.c_str(), 1);
  const std::string signature = keyring_->sign(ed25519_.fingerprint, kData, "--detach-sign");
  const Result<Verification> result =
      verify_detached(kData, signature, {ed25519_.armored, ed25519_.fingerprint});
  if (previous != nullptr) {
    setenv("TMPDIR", saved.c_str(), 1);
  } else {
    unsetenv("TMPDIR");
  }
  ASSERT_TRUE(result) << result.error().to_string();
  EXPECT_EQ(result->outcome(), Outcome::kPass);
  EXPECT_TRUE(std::filesystem::is_empty(tmp)) << "a temporary GnuPG home was left behind";
  std::filesystem::remove_all(tmp);
}

TEST(PgpFingerprintTest, NormalisesAndRejectsShortIds) {
  const Result<std::string> spaced =
      normalize_fingerprint("5f2d e552 1c63 a801 ab59  ccb6 03d4 9de4 4b29 100f");
  ASSERT_TRUE(spaced);
  EXPECT_EQ(*spaced, "5F2DE5521C63A801AB59CCB603D49DE44B29100F");
  const Result<std::string> key_id = normalize_fingerprint("03D49DE44B29100F");
  ASSERT_FALSE(key_id);
  EXPECT_EQ(key_id.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(key_id.error().message, HasSubstr("has 16 hex digits"));
  const Result<std::string> bad =
      normalize_fingerprint("0x5F2DE5521C63A801AB59CCB603D49DE44B29100F");
  ASSERT_FALSE(bad);
  EXPECT_THAT(bad.error().message, HasSubstr("contains \"x\""));
}

TEST(PgpFingerprintTest, MalformedFingerprintIsAnErrorBeforeGnuPGRuns) {
  const Result<Verification> result = verify_detached("d", "s", {"k", "1234"});
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
}

}  // namespace
}  // namespace assay::verify::pgp
