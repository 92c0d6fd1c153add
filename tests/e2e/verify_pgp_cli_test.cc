// End-to-end tests of `assay verify artifact --pgp-signature <sig> --key <pubkey> --fingerprint`
// with keys generated at test time in a throwaway GnuPG home: a good signature passes, a wrong
// fingerprint or a tampered artefact fails (exit 1), and key or signature files that cannot be
// used are errors (exit 2).
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/verify/pgp_test_keyring.h"

#include "cli_runner.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace test_keys = verify::pgp::test_keys;

class VerifyPgpCliTest : public ::testing::Test {
 protected:
  // Key generation is slow, so the keyring and keys are made once for the suite.
  static void SetUpTestSuite() {
    keyring_ = std::make_unique<test_keys::Keyring>();
    signer_ = keyring_->generate("Release Signer <release@acme.example>", "ed25519");
    other_ = keyring_->generate("Someone Else <else@acme.example>", "ed25519");
  }
  static void TearDownTestSuite() { keyring_.reset(); }

  void SetUp() override {
    dir_ = test_keys::make_temp_dir("assay-verify-pgp-cli-");
    artefact_ = write("widget-1.0.0.tar.gz", "widget release 1.0.0\n");
    signature_ =
        write("widget-1.0.0.tar.gz.asc",
              keyring_->sign(signer_.fingerprint, "widget release 1.0.0\n", "--detach-sign"));
    key_ = write("acme.asc", signer_.armored);
  }

  void TearDown() override {
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path path = dir_ / name;
    std::ofstream(path, std::ios::binary) << contents;
    return path.string();
  }

  std::vector<std::string> args(const std::string& artefact, const std::string& key,
                                const std::string& fingerprint) const {
    return {"verify", "artifact", artefact,        "--pgp-signature", signature_,
            "--key",  key,        "--fingerprint", fingerprint};
  }

  static std::unique_ptr<test_keys::Keyring> keyring_;
  static test_keys::TestKey signer_;
  static test_keys::TestKey other_;
  std::filesystem::path dir_;
  std::string artefact_;
  std::string signature_;
  std::string key_;
};

std::unique_ptr<test_keys::Keyring> VerifyPgpCliTest::keyring_;
test_keys::TestKey VerifyPgpCliTest::signer_;
test_keys::TestKey VerifyPgpCliTest::other_;

TEST_F(VerifyPgpCliTest, GoodSignatureByTheExpectedKeyVerifies) {
  const CliResult result = run_cli(args(artefact_, key_, signer_.fingerprint));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[pass] openpgp.key"));
  EXPECT_THAT(result.out, HasSubstr("[pass] openpgp.signature"));
  EXPECT_THAT(result.out, HasSubstr("[pass] openpgp.signer"));
  EXPECT_THAT(result.out, HasSubstr("\nVERIFIED\n"));
  EXPECT_EQ(result.err, "");
}

TEST_F(VerifyPgpCliTest, FingerprintGivenWithSpacesAndLowerCaseVerifies) {
  std::string spaced;
  for (std::size_t index = 0; index < signer_.fingerprint.size(); ++index) {
    spaced +=
        static_cast<char>(std::tolower(static_cast<unsigned char>(signer_.fingerprint[index])));
    if (index % 4 == 3 && index + 1 < signer_.fingerprint.size()) {
      spaced += ' ';
    }
  }
  const CliResult result = run_cli(args(artefact_, key_, spaced));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
}

TEST_F(VerifyPgpCliTest, WrongFingerprintIsNotVerified) {
  const CliResult result = run_cli(args(artefact_, key_, other_.fingerprint));
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[fail] openpgp.key"));
  EXPECT_THAT(result.out,
              HasSubstr("fingerprint " + other_.fingerprint + " is not in the supplied key"));
  EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED"));
}

TEST_F(VerifyPgpCliTest, SignatureByAnotherKeyIsNotVerified) {
  // The other key and its own fingerprint: the key is fine, but it did not make the signature.
  const std::string other_key = write("other.asc", other_.armored);
  const CliResult result = run_cli(args(artefact_, other_key, other_.fingerprint));
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[fail] openpgp.signature"));
  EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED"));
}

TEST_F(VerifyPgpCliTest, TamperedArtefactIsNotVerified) {
  const std::string tampered = write("tampered.tar.gz", "widget release 1.0.1\n");
  const CliResult result = run_cli(args(tampered, key_, signer_.fingerprint));
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  EXPECT_THAT(result.out, HasSubstr("[fail] openpgp.signature"));
  EXPECT_THAT(result.out, HasSubstr("bad signature"));
  EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED"));
}

TEST_F(VerifyPgpCliTest, KeyAndSignatureFilesThatCannotBeUsedAreErrors) {
  const std::string missing = (dir_ / "missing.asc").string();
  const std::string garbage = write("garbage.asc", "this is not an OpenPGP key\n");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<std::string> missing_signature = args(artefact_, key_, signer_.fingerprint);
  missing_signature[4] = missing;
  std::vector<std::string> pgp_key_option = {
      "verify",    "artifact", artefact_,       "--pgp-signature",  signature_,
      "--pgp-key", garbage,    "--fingerprint", signer_.fingerprint};
  const std::vector<Case> cases = {
      {args(artefact_, missing, signer_.fingerprint), missing + ": --key: no such file"},
      {args(artefact_, garbage, signer_.fingerprint),
       garbage + ": --key is not a usable OpenPGP public key: "},
      {pgp_key_option, garbage + ": --pgp-key is not a usable OpenPGP public key: "},
      {missing_signature, missing + ": --pgp-signature: no such file"},
      {args(artefact_, key_, "ABCD"), "has 4 hex digits"},
  };
  for (const Case& test : cases) {
    const CliResult result = run_cli(test.args);
    EXPECT_EQ(result.exit_code, 2) << test.message << "\n" << result.out << result.err;
    EXPECT_THAT(result.err, HasSubstr(test.message));
    EXPECT_THAT(result.out, Not(HasSubstr("VERIFIED")));
  }
}

}  // namespace
}  // namespace assay::testing
