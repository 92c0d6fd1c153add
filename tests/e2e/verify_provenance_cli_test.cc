// End-to-end tests of `assay verify artifact --provenance`: DSSE provenance signed with a key made
// at test time and checked against the whole SLSA policy (--builder, --source, --ref,
// --build-type, --min-level); real slsa-verifier provenance as a DSSE envelope (--key) and as a
// Sigstore bundle (--trusted-root, --identity, --issuer), read in place from the shared data; and
// every key, trusted-root or envelope file that cannot be used, which is an error (exit 2).
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include "assay/core/strings.h"
#include "assay/verify/crypto.h"
#include "assay/verify/dsse.h"
#include "assay/verify/x509.h"

#include "cli_runner.h"
#include "testing.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kGenericBuilder =
    "https://github.com/slsa-framework/slsa-github-generator/.github/workflows/"
    "generator_generic_slsa3.yml";
const std::string kWorkflowBuildType =
    "https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1";
const std::string kGenericBuildType =
    "https://github.com/slsa-framework/slsa-github-generator/generic@v1";
const std::string kIssuer = "https://token.actions.githubusercontent.com";
constexpr std::string_view kSlsaTestdata = "slsa-verifier/cli/slsa-verifier/testdata";
constexpr std::string_view kPublicGoodRoot = "sigstore-conformance/public-good-trusted_root.json";

struct PkeyDeleter {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

// An ECDSA P-256 key generated for the test; only its public half is written to disk.
struct SigningKey {
  Pkey private_key;
  std::string public_pem;
};

SigningKey generate_key() {
  SigningKey key;
  key.private_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  EXPECT_NE(key.private_key, nullptr);
  unsigned char* der = nullptr;
  const int length = i2d_PUBKEY(key.private_key.get(), &der);
  EXPECT_GT(length, 0);
  key.public_pem = verify::crypto::pem_encode(
      "PUBLIC KEY",
      std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
  OPENSSL_free(der);
  return key;
}

std::string sign(EVP_PKEY* key, std::string_view message) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EXPECT_EQ(EVP_DigestSignInit_ex(ctx, nullptr, "SHA256", nullptr, nullptr, key, nullptr), 1);
  std::size_t length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(message.data());
  EVP_DigestSign(ctx, nullptr, &length, data, message.size());
  std::string signature(length, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                           message.size()),
            1);
  signature.resize(length);
  EVP_MD_CTX_free(ctx);
  return signature;
}

// An in-toto v1 statement with SLSA v1 provenance for `sha256_hex`, built by `builder` from
// github.com/acme/widget at refs/tags/v1.0.0.
std::string provenance_statement(const std::string& sha256_hex, const std::string& builder) {
  nlohmann::ordered_json statement = {
      {"_type", "https://in-toto.io/Statement/v1"},
      {"subject", {{{"name", "widget.tgz"}, {"digest", {{"sha256", sha256_hex}}}}}},
      {"predicateType", "https://slsa.dev/provenance/v1"},
      {"predicate",
       {{"buildDefinition",
         {{"buildType", kWorkflowBuildType},
          {"externalParameters",
           {{"workflow",
             {{"ref", "refs/tags/v1.0.0"},
              {"repository", "https://github.com/acme/widget"},
              {"path", ".github/workflows/release.yml"}}}}}}},
        {"runDetails", {{"builder", {{"id", builder}}}}}}}};
  return statement.dump();
}

std::string dsse_envelope(const std::string& statement, EVP_PKEY* key) {
  const std::string type = "application/vnd.in-toto+json";
  nlohmann::ordered_json envelope = {
      {"payloadType", type},
      {"payload", verify::crypto::base64_encode(statement)},
      {"signatures",
       {{{"keyid", ""},
         {"sig", verify::crypto::base64_encode(sign(key, verify::dsse::pae(type, statement)))}}}}};
  return envelope.dump();
}

class VerifyProvenanceCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "assay-verify-provenance-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    artefact_ = write("widget.tgz", "widget release 1.0.0\n");
    const std::string sha256 = hex_encode(verify::crypto::sha256("widget release 1.0.0\n"));
    statement_ = provenance_statement(sha256, kGenericBuilder + "@refs/tags/v2.1.0");
    key_ = generate_key();
    key_file_ = write("release.pub", key_.public_pem);
    envelope_ = write("widget.intoto.jsonl", dsse_envelope(statement_, key_.private_key.get()));
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

  // verify artifact <artefact> --provenance <envelope> --builder <generic builder>, then `extra`.
  std::vector<std::string> args(const std::vector<std::string>& extra) const {
    std::vector<std::string> out = {"verify",  "artifact",  artefact_,      "--provenance",
                                    envelope_, "--builder", kGenericBuilder};
    out.insert(out.end(), extra.begin(), extra.end());
    return out;
  }

  std::filesystem::path dir_;
  std::string artefact_;
  std::string statement_;
  SigningKey key_;
  std::string key_file_;
  std::string envelope_;
};

TEST_F(VerifyProvenanceCliTest, DsseProvenanceSignedWithTheKeyMeetsTheWholePolicy) {
  const CliResult result =
      run_cli(args({"--key", key_file_, "--source", "github.com/acme/widget", "--ref", "v1.0.0",
                    "--build-type", kWorkflowBuildType, "--min-level", "2"}));
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  for (const char* check :
       {"[pass] dsse.signature", "[pass] dsse.threshold", "[pass] intoto.subject",
        "[pass] slsa.builder.id", "[pass] slsa.source.repository", "[pass] slsa.source.ref",
        "[pass] slsa.build_type", "[pass] slsa.level"}) {
    EXPECT_THAT(result.out, HasSubstr(check));
  }
  EXPECT_THAT(result.out, HasSubstr("\nVERIFIED\n"));
  EXPECT_EQ(result.err, "");
}

TEST_F(VerifyProvenanceCliTest, EachPolicyFlagFailsItsOwnCheck) {
  struct Case {
    std::vector<std::string> flags;
    std::string failed;  // the one check that fails
  };
  const std::vector<Case> cases = {
      {{"--ref", "v2.0.0"}, "[fail] slsa.source.ref"},
      {{"--ref", "refs/heads/main"}, "[fail] slsa.source.ref"},
      {{"--build-type", kGenericBuildType}, "[fail] slsa.build_type"},
      {{"--min-level", "3"}, "[fail] slsa.level"},
  };
  for (const Case& test : cases) {
    std::vector<std::string> flags = {"--key", key_file_};
    flags.insert(flags.end(), test.flags.begin(), test.flags.end());
    const CliResult result = run_cli(args(flags));
    EXPECT_EQ(result.exit_code, 1) << test.failed << "\n" << result.out << result.err;
    EXPECT_THAT(result.out, HasSubstr(test.failed));
    EXPECT_THAT(result.out, HasSubstr("[pass] dsse.signature"));
    EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED"));
  }
  // A full ref is compared exactly and passes like the bare tag name.
  const CliResult full_ref = run_cli(args({"--key", key_file_, "--ref", "refs/tags/v1.0.0"}));
  EXPECT_EQ(full_ref.exit_code, 0) << full_ref.out << full_ref.err;
  EXPECT_THAT(full_ref.out, HasSubstr("[pass] slsa.source.ref"));
}

TEST_F(VerifyProvenanceCliTest, MinLevelAboveOneNeedsTheSignatureVerified) {
  const CliResult level_one = run_cli(args({"--min-level", "1"}));
  EXPECT_EQ(level_one.exit_code, 0) << level_one.out << level_one.err;
  EXPECT_THAT(level_one.out, HasSubstr("[pass] slsa.level"));

  const CliResult unverified = run_cli(args({"--min-level", "2"}));
  EXPECT_EQ(unverified.exit_code, 1) << unverified.out;
  EXPECT_THAT(unverified.out, HasSubstr("[fail] slsa.level"));
  EXPECT_THAT(unverified.out, Not(HasSubstr("dsse.signature")));

  const SigningKey other = generate_key();
  const std::string other_file = write("other.pub", other.public_pem);
  const CliResult wrong_key = run_cli(args({"--key", other_file, "--min-level", "2"}));
  EXPECT_EQ(wrong_key.exit_code, 1) << wrong_key.out;
  EXPECT_THAT(wrong_key.out, HasSubstr("[fail] dsse.threshold"));
  EXPECT_THAT(wrong_key.out, HasSubstr("[fail] slsa.level"));
}

TEST_F(VerifyProvenanceCliTest, MinLevelOutsideZeroToThreeIsAUsageError) {
  for (const char* level : {"4", "-1", "L2"}) {
    const CliResult result = run_cli(args({"--min-level", level}));
    EXPECT_EQ(result.exit_code, 2) << level;
    EXPECT_THAT(result.err, HasSubstr("--min-level")) << level;
  }
}

TEST_F(VerifyProvenanceCliTest, PolicyAndTrustOptionsWithoutTheirSubjectAreRefused) {
  const std::string sha256 = hex_encode(verify::crypto::sha256("widget release 1.0.0\n"));
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--ref", "v1.0.0"}, "--ref is given but nothing uses it: it applies to --provenance"},
      {{"--build-type", kWorkflowBuildType}, "--build-type is given but nothing uses it"},
      {{"--min-level", "1"}, "--min-level is given but nothing uses it"},
      {{"--builder", kGenericBuilder}, "--builder is given but nothing uses it"},
      {{"--trusted-root", key_file_},
       "--trusted-root is given but nothing uses it: it applies to --bundle or --provenance"},
      {{"--key", key_file_}, "--key is given but nothing uses it"},
      {{"--fingerprint", std::string(40, 'A')}, "--fingerprint is given but nothing uses it"},
  };
  for (const auto& [flags, message] : cases) {
    std::vector<std::string> command = {"verify", "artifact", artefact_, "--sha256", sha256};
    command.insert(command.end(), flags.begin(), flags.end());
    const CliResult result = run_cli(command);
    EXPECT_EQ(result.exit_code, 2) << message;
    EXPECT_THAT(result.err, HasSubstr(message));
  }
}

TEST_F(VerifyProvenanceCliTest, KeyAndTrustedRootFilesThatCannotBeUsedAreErrors) {
  const std::string missing = (dir_ / "missing.pub").string();
  const std::string garbage = write("garbage.pub", "this is not a key\n");
  const std::string certificate =
      write("cert.pem", verify::crypto::pem_encode("CERTIFICATE", "not really DER"));
  const std::string bad_base64 =
      write("bad.pub", "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----\n");
  const std::string garbage_root = write("root.json", "{\"mediaType\": 7");
  const std::string wrong_root = write("wrong-root.json", "{\"mediaType\": \"x\"}");
  nlohmann::json unknown = nlohmann::json::parse(dsse_envelope(statement_, key_.private_key.get()));
  unknown["signatures"][0]["extra"] = true;
  const std::string odd_envelope = write("odd.intoto.jsonl", unknown.dump());
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {args({"--key", missing}), missing + ": --key: no such file"},
      {args({"--key", garbage}),
       garbage + ": --key is not a usable PEM public key: no PEM block found"},
      {args({"--key", certificate}),
       certificate + ": --key is not a usable PEM public key: no \"PUBLIC KEY\" PEM block (found " +
           "\"CERTIFICATE\")"},
      {args({"--key", bad_base64}), bad_base64 + ": --key is not a usable PEM public key: PEM"},
      {args({"--key", key_file_, "--trusted-root", missing}),
       missing + ": --trusted-root: no such file"},
      {args({"--trusted-root", garbage_root}), garbage_root},
      {args({"--trusted-root", wrong_root}), wrong_root + "#"},
      {args({"--trusted-root", dir_.string()}), dir_.string() + ": --trusted-root: not a regular"},
      {{"verify", "artifact", artefact_, "--provenance", odd_envelope, "--builder", kGenericBuilder,
        "--key", key_file_},
       odd_envelope + "#/signatures/0/extra: unknown member \"extra\""},
      {args({"--identity", kGenericBuilder, "--issuer", kIssuer}),
       envelope_ + ": the provenance is a DSSE envelope, not a Sigstore bundle: --identity and "
                   "--issuer cannot verify it"},
      {{"verify", "artifact", artefact_, "--provenance", missing, "--builder", kGenericBuilder},
       missing + ": --provenance: no such file"},
  };
  for (const Case& test : cases) {
    const CliResult result = run_cli(test.args);
    EXPECT_EQ(result.exit_code, 2) << test.message << "\n" << result.out << result.err;
    EXPECT_THAT(result.err, HasSubstr(test.message));
    EXPECT_THAT(result.out, Not(HasSubstr("VERIFIED")));
  }
}

TEST_F(VerifyProvenanceCliTest, HelpDocumentsThePolicyFlagsWithAnExample) {
  const CliResult result = run_cli({"verify", "artifact", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  for (const char* text : {"--ref", "--build-type", "--min-level", "bare tag name",
                           "--source github.com/acme/widget --ref v1.4.2",
                           "--build-type https://github.com/slsa-framework/slsa-github-generator/"
                           "generic@v1 --min-level 3"}) {
    EXPECT_THAT(result.out, HasSubstr(text));
  }
}

// Real provenance from slsa-verifier's test data. Its artefacts are not staged, so the subject
// binding fails on an artefact of ours; every other check must give its expected result.
class VerifyRealProvenanceCliTest : public VerifyProvenanceCliTest {
 protected:
  std::string real(std::string_view relative) const {
    return (testdata_ / std::string(relative)).string();
  }
  std::filesystem::path testdata_ = shared_data(kSlsaTestdata);
};

TEST_F(VerifyRealProvenanceCliTest, DsseEnvelopeVerifiesWithTheKeyOfItsSigner) {
  ASSAY_SHARED_DATA_OR_SKIP(testdata, kSlsaTestdata);
  const std::string file = real("gha_generic/v1.10.0/binary-linux-amd64-push-v14.intoto.jsonl");
  // The signer's key, taken from the certificate the envelope carries (a Fulcio certificate
  // for the builder workflow): what a vendor would publish as its release key.
  const nlohmann::json envelope = nlohmann::json::parse(read_text(file));
  auto certificates =
      verify::x509::Certificate::from_pem(envelope["signatures"][0]["cert"].get<std::string>());
  ASSERT_TRUE(certificates.has_value()) << certificates.error().to_string();
  const std::string key = write("signer.pub", certificates->front().public_key().to_pem());
  const std::vector<std::string> base = {"verify",
                                         "artifact",
                                         artefact_,
                                         "--provenance",
                                         file,
                                         "--builder",
                                         kGenericBuilder,
                                         "--source",
                                         "github.com/slsa-framework/example-package",
                                         "--ref",
                                         "v14",
                                         "--build-type",
                                         kGenericBuildType,
                                         "--min-level",
                                         "2",
                                         "--key"};
  std::vector<std::string> good = base;
  good.push_back(key);
  const CliResult result = run_cli(good);
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  for (const char* check :
       {"[pass] dsse.signature", "[pass] dsse.threshold", "[pass] slsa.builder.id",
        "[pass] slsa.source.repository", "[pass] slsa.source.ref", "[pass] slsa.build_type",
        "[pass] slsa.level", "[fail] intoto.subject"}) {
    EXPECT_THAT(result.out, HasSubstr(check));
  }
  EXPECT_THAT(result.out, HasSubstr("NOT VERIFIED: artefact sha256:"));

  // The same envelope with one bit of its signature flipped.
  nlohmann::json tampered = envelope;
  auto signature =
      verify::crypto::base64_decode(tampered["signatures"][0]["sig"].get<std::string>());
  ASSERT_TRUE(signature.has_value());
  (*signature)[signature->size() / 2] = static_cast<char>((*signature)[signature->size() / 2] ^ 1);
  tampered["signatures"][0]["sig"] = verify::crypto::base64_encode(*signature);
  std::vector<std::string> bad = base;
  bad.push_back(key);
  bad[4] = write("tampered.intoto.jsonl", tampered.dump());
  const CliResult rejected = run_cli(bad);
  EXPECT_EQ(rejected.exit_code, 1) << rejected.out << rejected.err;
  EXPECT_THAT(rejected.out, HasSubstr("[fail] dsse.threshold"));
  EXPECT_THAT(rejected.out, HasSubstr("[fail] slsa.level"));
}

TEST_F(VerifyRealProvenanceCliTest, SigstoreBundleVerifiesAgainstThePublicGoodRoot) {
  ASSAY_SHARED_DATA_OR_SKIP(testdata, kSlsaTestdata);
  ASSAY_SHARED_DATA_OR_SKIP(root, kPublicGoodRoot);
  const std::string file = real("gha_generic/v2.1.0/binary-linux-amd64-push-v14.intoto.jsonl");
  const std::string builder = kGenericBuilder + "@refs/tags/v2.1.0";
  const std::vector<std::string> base = {"verify",
                                         "artifact",
                                         artefact_,
                                         "--provenance",
                                         file,
                                         "--builder",
                                         builder,
                                         "--source",
                                         "github.com/slsa-framework/example-package",
                                         "--ref",
                                         "v14",
                                         "--build-type",
                                         kGenericBuildType,
                                         "--trusted-root",
                                         root.string(),
                                         "--issuer",
                                         kIssuer,
                                         "--identity"};
  std::vector<std::string> good = base;
  good.push_back(builder);
  const CliResult result = run_cli(good);
  EXPECT_EQ(result.exit_code, 1) << result.out << result.err;
  for (const char* check :
       {"[pass] sigstore.cert.chain", "[pass] sigstore.identity", "[pass] sigstore.signature",
        "[pass] sigstore.tlog", "[fail] sigstore.artifact", "[pass] slsa.builder.id",
        "[pass] slsa.source.repository", "[pass] slsa.source.ref", "[pass] slsa.build_type",
        "[fail] intoto.subject"}) {
    EXPECT_THAT(result.out, HasSubstr(check));
  }

  std::vector<std::string> other_signer = base;
  other_signer.push_back(kGenericBuilder + "@refs/tags/v9.9.9");
  const CliResult wrong = run_cli(other_signer);
  EXPECT_EQ(wrong.exit_code, 1);
  EXPECT_THAT(wrong.out, HasSubstr("[fail] sigstore.identity"));

  // Asking for the signature to be checked without a trusted root is an error, not a skip.
  const CliResult no_root =
      run_cli({"verify", "artifact", artefact_, "--provenance", file, "--builder", builder,
               "--identity", builder, "--issuer", kIssuer});
  EXPECT_EQ(no_root.exit_code, 2) << no_root.out;
  EXPECT_THAT(no_root.err, HasSubstr("(a Sigstore bundle) needs --trusted-root <file>"));

  // A trusted root alone does not say who must have signed.
  const CliResult no_signer = run_cli({"verify", "artifact", artefact_, "--provenance", file,
                                       "--builder", builder, "--trusted-root", root.string()});
  EXPECT_EQ(no_signer.exit_code, 2) << no_signer.out;
  EXPECT_THAT(no_signer.err, HasSubstr("(a Sigstore bundle) needs the signer: --identity"));
}

}  // namespace
}  // namespace assay::testing
