// Tests for package URLs. TODO(#2): conformance suite.
#include "assay/purl/purl.h"

#include <gtest/gtest.h>

namespace assay::purl {
namespace {

TEST(PurlParseTest, RejectsMissingScheme) {
  EXPECT_FALSE(parse("npm/foo").has_value());
}

}  // namespace
}  // namespace assay::purl
