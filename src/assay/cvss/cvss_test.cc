// Unit tests of CVSS parsing, printing, scoring and severity.
#include "assay/cvss/cvss.h"

#include <gtest/gtest.h>

namespace assay::cvss {
namespace {

TEST(CvssParseTest, ParsesV31) {
  const auto vector = parse("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
  ASSERT_TRUE(vector) << vector.error().to_string();
  EXPECT_EQ(score(*vector).base, 9.8);
}

}  // namespace
}  // namespace assay::cvss
