// End-to-end tests of the top-level command line: help, version, usage errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "cli_runner.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;

TEST(CliTest, HelpListsCommandsWithExamples) {
  const CliResult result = run_cli({"--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("version"));
  EXPECT_THAT(result.out, HasSubstr("Examples:"));
}

TEST(CliTest, NoCommandIsAUsageError) {
  const CliResult result = run_cli({});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("assay --help"));
}

TEST(CliTest, UnknownOptionIsAUsageError) {
  const CliResult result = run_cli({"version", "compare", "--bogus"});
  EXPECT_EQ(result.exit_code, 2);
}

TEST(CliTest, UnknownEcosystemNamesItAndExitsTwo) {
  const CliResult result = run_cli({"version", "compare", "nosuch", "1", "2"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("unknown ecosystem \"nosuch\""));
}

TEST(CliTest, BatchRefusesPositionalVersions) {
  const CliResult result = run_cli({"version", "compare", "npm", "1.0.0", "--batch"});
  EXPECT_EQ(result.exit_code, 2);
}

TEST(CliTest, BatchLineWithoutTabIsReportedInPlace) {
  const CliResult result = run_cli({"version", "compare", "npm", "--batch"}, "no-tab-here\n");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.out, HasSubstr("error: line 1 needs two fields separated by a tab"));
}

}  // namespace
}  // namespace assay::testing
