// Tests for verification results: failing closed and rendering.
#include "assay/verify/verification.h"

#include <gtest/gtest.h>

namespace assay::verify {
namespace {

TEST(VerificationTest, NothingCheckedIsNeverAPass) {
  Verification verification;
  EXPECT_EQ(verification.outcome(), Outcome::kSkipped);
  verification.add("a", "skipped thing", Outcome::kSkipped);
  EXPECT_EQ(verification.outcome(), Outcome::kSkipped);
}

TEST(VerificationTest, AnyFailureFailsTheWhole) {
  Verification verification;
  verification.add("a", "first", Outcome::kPass);
  EXPECT_EQ(verification.outcome(), Outcome::kPass);
  verification.add("b", "second", Outcome::kFail, "digest differs");
  verification.add("c", "third", Outcome::kPass);
  EXPECT_EQ(verification.outcome(), Outcome::kFail);
  EXPECT_EQ(verification.first_failure(), "digest differs");
}

TEST(VerificationTest, RendersTextAndJson) {
  Verification verification;
  verification.method = "digest";
  verification.subject = "app.tar.gz";
  verification.add("digest.sha256", "SHA-256 equals the expected value", Outcome::kPass);
  const std::string text = to_text(verification);
  EXPECT_NE(text.find("[pass] digest.sha256"), std::string::npos);
  EXPECT_NE(text.find("result: pass"), std::string::npos);
  const std::string json = to_json({verification}, -1);
  EXPECT_NE(json.find(R"("outcome":"pass")"), std::string::npos);
  EXPECT_NE(json.find(R"("id":"digest.sha256")"), std::string::npos);
}

}  // namespace
}  // namespace assay::verify
