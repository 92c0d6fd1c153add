// Tests for X.509 parsing, chain building and embedded SCTs, on the real Fulcio certificates of
// the sigstore-conformance happy path and the public-good trusted root.
#include "assay/verify/x509.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <openssl/x509.h>

#include "assay/core/json.h"
#include "assay/core/strings.h"
#include "assay/verify/sigstore_policy.h"
#include "assay/verify/sigstore_trusted_root.h"
#include "assay/verify/x509_sct.h"

#include "testing.h"

namespace assay::verify::x509 {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view kHappyPath =
    "sigstore-conformance/test/assets/bundle-verify/happy-path-v0.3/bundle.sigstore.json";
constexpr std::string_view kRoot = "sigstore-conformance/public-good-trusted_root.json";

class FulcioCertificateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::filesystem::path bundle = assay::testing::shared_data(kHappyPath);
    const std::filesystem::path root = assay::testing::shared_data(kRoot);
    if (bundle.empty() || root.empty()) {
      if (assay::testing::is_ci()) {
        FAIL() << "shared data missing under CI: " << kHappyPath;
      }
      GTEST_SKIP() << "shared data missing: " << kHappyPath;
    }
    const json::Json document = json::Json::parse(assay::testing::read_text(bundle));
    const std::string der = *crypto::base64_decode(
        document["verificationMaterial"]["certificate"]["rawBytes"].get<std::string>());
    auto leaf = Certificate::from_der(der);
    ASSERT_TRUE(leaf.has_value()) << leaf.error().message;
    leaf_ = *leaf;
    auto trusted = sigstore::parse_trusted_root(assay::testing::read_text(root), "root");
    ASSERT_TRUE(trusted.has_value()) << trusted.error().to_string();
    root_ = std::move(*trusted);
  }

  // The CA whose intermediate issued the leaf (the second in the public-good root).
  const sigstore::CertificateAuthority& issuing_ca() const {
    return root_.certificate_authorities.back();
  }

  std::optional<Certificate> leaf_;
  sigstore::TrustedRoot root_;
};

TEST_F(FulcioCertificateTest, ReadsValidityNamesAndUsage) {
  const Certificate& leaf = *leaf_;
  EXPECT_EQ(leaf.not_before(), 1710869186);  // 2024-03-19T17:26:26Z
  EXPECT_EQ(leaf.not_after() - leaf.not_before(), 600);
  EXPECT_TRUE(leaf.valid_at(leaf.not_before()));
  EXPECT_TRUE(leaf.valid_at(leaf.not_after()));  // closed interval
  EXPECT_FALSE(leaf.valid_at(leaf.not_after() + 1));
  EXPECT_EQ(leaf.issuer(), "CN=sigstore-intermediate,O=sigstore.dev");
  EXPECT_EQ(leaf.subject(), "");
  EXPECT_FALSE(leaf.is_ca());
  EXPECT_FALSE(leaf.is_self_issued());
  EXPECT_TRUE(leaf.has_code_signing_usage());
  EXPECT_TRUE(leaf.allows_digital_signature());
  EXPECT_EQ(leaf.public_key().type(), crypto::KeyType::kEcdsaP256);
  EXPECT_EQ(leaf.serial_hex(), "68bfedb264131e4db59add54ba4fb0edabc3073e");
  EXPECT_EQ(leaf.fingerprint_sha256().size(), 64U);
  const std::vector<SubjectAltName> sans = leaf.subject_alt_names();
  ASSERT_EQ(sans.size(), 1U);
  EXPECT_EQ(sans[0].type, SanType::kUri);
  EXPECT_EQ(sans[0].value,
            "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/"
            ".github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main");
  auto identity = sigstore::certificate_identity(leaf);
  ASSERT_TRUE(identity.has_value());
  EXPECT_EQ(identity->issuer, "https://token.actions.githubusercontent.com");
  EXPECT_FALSE(leaf.extension_value("1.2.3.4").has_value());
}

TEST_F(FulcioCertificateTest, ChainsThroughTheTrustedIntermediateOnly) {
  const Certificate& intermediate = issuing_ca().chain.front();
  const Certificate& fulcio_root = issuing_ca().chain.back();
  EXPECT_TRUE(intermediate.is_ca());
  EXPECT_TRUE(fulcio_root.is_self_issued());
  EXPECT_TRUE(leaf_->is_signed_by(intermediate));
  EXPECT_FALSE(leaf_->is_signed_by(fulcio_root));
  EXPECT_TRUE(issuing_ca().chain_verified);

  auto path = issuing_ca().store.verify_path(*leaf_);
  ASSERT_TRUE(path.has_value()) << path.error().message;
  ASSERT_EQ(path->size(), 2U);
  EXPECT_EQ((*path)[1], intermediate);

  // A store anchored at the root only needs the intermediate supplied.
  auto root_only = TrustStore::create({fulcio_root}, /*partial_chain=*/false);
  ASSERT_TRUE(root_only.has_value());
  auto without = root_only->verify_path(*leaf_);
  ASSERT_FALSE(without.has_value());
  EXPECT_EQ(without.error().code, ErrorCode::kVerifyFailed);
  EXPECT_THAT(without.error().message, HasSubstr("unable to get local issuer certificate"));
  auto with = root_only->verify_path(*leaf_, {intermediate});
  ASSERT_TRUE(with.has_value()) << with.error().message;
  EXPECT_EQ(with->size(), 3U);
  EXPECT_EQ(with->back(), fulcio_root);

  // The other (older) public-good CA does not issue it.
  auto other = root_.certificate_authorities.front().store.verify_path(*leaf_);
  EXPECT_FALSE(other.has_value());
}

TEST_F(FulcioCertificateTest, EmbeddedSctVerifiesAgainstTheCtLogKey) {
  auto scts = embedded_scts(*leaf_);
  ASSERT_TRUE(scts.has_value()) << scts.error().message;
  ASSERT_EQ(scts->size(), 1U);
  const SignedCertificateTimestamp& sct = scts->front();
  EXPECT_EQ(sct.version, 0);
  EXPECT_EQ(sct.hash_algorithm, 4);
  EXPECT_EQ(sct.signature_algorithm, 3);
  EXPECT_TRUE(sct.extensions.empty());
  const sigstore::TransparencyLog* log = root_.find_ctlog(sct.log_id);
  ASSERT_NE(log, nullptr);
  const Certificate& intermediate = issuing_ca().chain.front();
  EXPECT_TRUE(verify_embedded_sct(sct, *leaf_, intermediate, *log->key).has_value());

  // Bound to the issuer's key: another issuer, a changed time or another log all fail.
  EXPECT_FALSE(verify_embedded_sct(sct, *leaf_, issuing_ca().chain.back(), *log->key));
  SignedCertificateTimestamp later = sct;
  later.timestamp_ms += 1;
  EXPECT_FALSE(verify_embedded_sct(later, *leaf_, intermediate, *log->key).has_value());
  const Result<void> wrong_log =
      verify_embedded_sct(sct, *leaf_, intermediate, *root_.tlogs.front().key);
  ASSERT_FALSE(wrong_log.has_value());
  EXPECT_THAT(wrong_log.error().message, HasSubstr("does not name this log's key"));
}

TEST_F(FulcioCertificateTest, PrecertTbsEqualsOpenSslsReencodingWithoutTheSctList) {
  // Oracle: OpenSSL's own way (as its CT code does it): copy, delete the extension, re-encode.
  X509* copy = X509_dup(leaf_->native());
  ASSERT_NE(copy, nullptr);
  X509_EXTENSION_free(X509_delete_ext(copy, X509_get_ext_by_NID(copy, NID_ct_precert_scts, -1)));
  unsigned char* der = nullptr;
  const int length = i2d_re_X509_tbs(copy, &der);
  ASSERT_GT(length, 0);
  const std::string expected(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length));
  OPENSSL_free(der);
  X509_free(copy);
  auto tbs = precert_tbs(*leaf_);
  ASSERT_TRUE(tbs.has_value()) << tbs.error().message;
  EXPECT_EQ(hex_encode(*tbs), hex_encode(expected));
  EXPECT_LT(tbs->size(), leaf_->der().size());
}

TEST_F(FulcioCertificateTest, CertificateWithoutSctsHasNone) {
  auto scts = embedded_scts(issuing_ca().chain.front());
  ASSERT_TRUE(scts.has_value());
  EXPECT_TRUE(scts->empty());
  EXPECT_FALSE(precert_signed_data(issuing_ca().chain.front(), issuing_ca().chain.back(), {}));
  auto tbs = precert_tbs(issuing_ca().chain.front());
  ASSERT_FALSE(tbs.has_value());
  EXPECT_EQ(tbs.error().message, "certificate has no embedded SCT list");
}

TEST_F(FulcioCertificateTest, RejectsTrailingBytesAndGarbage) {
  auto trailing = Certificate::from_der(leaf_->der() + "x");
  ASSERT_FALSE(trailing.has_value());
  EXPECT_THAT(trailing.error().message, HasSubstr("extra bytes after the DER certificate"));
  auto garbage = Certificate::from_der(leaf_->der().substr(0, 100));
  ASSERT_FALSE(garbage.has_value());
  EXPECT_EQ(garbage.error().code, ErrorCode::kInvalidInput);
  auto pem = Certificate::from_pem(crypto::pem_encode("CERTIFICATE", leaf_->der()) +
                                   crypto::pem_encode("CERTIFICATE", issuing_ca().chain[0].der()));
  ASSERT_TRUE(pem.has_value());
  EXPECT_EQ(pem->size(), 2U);
  auto none = Certificate::from_pem(crypto::pem_encode("PUBLIC KEY", "x"));
  ASSERT_FALSE(none.has_value());
  EXPECT_THAT(none.error().message, HasSubstr("no \"CERTIFICATE\" PEM block"));
}

TEST(UnixTimeTest, ConvertsCivilTimes) {
  EXPECT_EQ(unix_time_from_civil(1970, 1, 1, 0, 0, 0), 0);
  EXPECT_EQ(unix_time_from_civil(2000, 2, 29, 0, 0, 0), 951782400);
  EXPECT_EQ(unix_time_from_civil(2024, 3, 19, 17, 26, 26), 1710869186);
  EXPECT_EQ(unix_time_from_civil(1969, 12, 31, 23, 59, 59), -1);
  EXPECT_EQ(unix_time_from_civil(2106, 2, 7, 6, 28, 16), 4294967296);
}

}  // namespace
}  // namespace assay::verify::x509
