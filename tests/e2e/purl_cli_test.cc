// End-to-end tests of `assay purl parse`: output format, batch mode, errors and exit codes.
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/core/limits.h"

#include "cli_runner.h"

namespace assay::testing {
namespace {

using ::testing::HasSubstr;

TEST(PurlCliTest, PrintsCanonicalFormThenComponentsAsJson) {
  const CliResult result =
      run_cli({"purl", "parse", "pkg:Maven/org.apache/Batik@1.9?b=2&A=x+y#/sub/dir/"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "pkg:maven/org.apache/Batik@1.9?a=x%2By&b=2#sub/dir\n"
            "{\"type\":\"maven\",\"namespace\":\"org.apache\",\"name\":\"Batik\",\"version\":"
            "\"1.9\",\"qualifiers\":{\"a\":\"x+y\",\"b\":\"2\"},\"subpath\":\"sub/dir\"}\n");
  EXPECT_EQ(result.err, "");
}

TEST(PurlCliTest, AbsentComponentsAreNull) {
  const CliResult result = run_cli({"purl", "parse", "pkg:PYPI/Django_Package"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "pkg:pypi/django-package\n"
            "{\"type\":\"pypi\",\"namespace\":null,\"name\":\"django-package\",\"version\":null,"
            "\"qualifiers\":null,\"subpath\":null}\n");
}

TEST(PurlCliTest, EscapesDecodedTextInJson) {
  const CliResult result = run_cli({"purl", "parse", "pkg:generic/a%22b@caf%C3%A9%0A"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "pkg:generic/a%22b@caf%C3%A9%0A\n"
            "{\"type\":\"generic\",\"namespace\":null,\"name\":\"a\\\"b\",\"version\":"
            "\"caf\xC3\xA9\\n\",\"qualifiers\":null,\"subpath\":null}\n");
}

TEST(PurlCliTest, InvalidPurlIsOneLineOnStderrAndExitsOne) {
  const CliResult result = run_cli({"purl", "parse", "pkg:1npm/foo"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "assay: \"pkg:1npm/foo\": type \"1npm\" must start with a letter\n");
}

TEST(PurlCliTest, MissingSchemeIsNamed) {
  const CliResult result = run_cli({"purl", "parse", "npm/foo"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "assay: \"npm/foo\": missing the \"pkg:\" scheme\n");
}

TEST(PurlCliTest, ErrorQuotesHostileInputSafely) {
  const CliResult result = run_cli({"purl", "parse", std::string("pkg:npm/a\x1B[31m")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err,
            "assay: \"pkg:npm/a\\x1b[31m\": contains a control character (byte 0x1b) at offset 9; "
            "percent-encode it\n");
}

TEST(PurlCliTest, StrictRejectsUpperCaseQualifierKeys) {
  const std::string input = "pkg:gem/jruby-launcher@1.1.2?Platform=java";
  EXPECT_EQ(run_cli({"purl", "parse", input}).exit_code, 0);
  const CliResult strict = run_cli({"purl", "parse", "--strict", input});
  EXPECT_EQ(strict.exit_code, 1);
  EXPECT_THAT(strict.err, HasSubstr("qualifier key \"Platform\" must be lower case"));
}

TEST(PurlCliTest, BatchAnswersEveryLineInOrder) {
  const CliResult result = run_cli({"purl", "parse", "--batch"},
                                   "pkg:npm/%40angular/core@17.0.0\r\n"
                                   "pkg:3x/y\n"
                                   "\n"
                                   "pkg:deb/debian/curl@7.50.3-1?arch=i386");
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "pkg:npm/%40angular/core@17.0.0\t{\"type\":\"npm\",\"namespace\":\"@angular\",\"name\":"
            "\"core\",\"version\":\"17.0.0\",\"qualifiers\":null,\"subpath\":null}\n"
            "error: type \"3x\" must start with a letter\n"
            "error: missing the \"pkg:\" scheme\n"
            "pkg:deb/debian/curl@7.50.3-1?arch=i386\t{\"type\":\"deb\",\"namespace\":\"debian\","
            "\"name\":\"curl\",\"version\":\"7.50.3-1\",\"qualifiers\":{\"arch\":\"i386\"},"
            "\"subpath\":null}\n");
  EXPECT_EQ(result.err, "");
}

TEST(PurlCliTest, BatchOfValidPurlsExitsZero) {
  const CliResult result =
      run_cli({"purl", "parse", "--batch"}, "pkg:cargo/rand@0.7.2\npkg:gem/rails@7.1.0\n");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out,
            "pkg:cargo/rand@0.7.2\t{\"type\":\"cargo\",\"namespace\":null,\"name\":\"rand\","
            "\"version\":\"0.7.2\",\"qualifiers\":null,\"subpath\":null}\n"
            "pkg:gem/rails@7.1.0\t{\"type\":\"gem\",\"namespace\":null,\"name\":\"rails\","
            "\"version\":\"7.1.0\",\"qualifiers\":null,\"subpath\":null}\n");
}

TEST(PurlCliTest, BatchBoundsLineLength) {
  std::string input = "pkg:generic/";
  input.append(kMaxPurlBytes * 2, 'a');
  input += "\npkg:generic/b\n";
  const CliResult result = run_cli({"purl", "parse", "--batch"}, input);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out,
            "error: line 1 is longer than 65536 bytes\n"
            "pkg:generic/b\t{\"type\":\"generic\",\"namespace\":null,\"name\":\"b\",\"version\":"
            "null,\"qualifiers\":null,\"subpath\":null}\n");
}

TEST(PurlCliTest, BatchWithEmptyInputPrintsNothing) {
  const CliResult result = run_cli({"purl", "parse", "--batch"}, "");
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
}

TEST(PurlCliTest, BatchWithAPurlArgumentIsAUsageError) {
  const CliResult result = run_cli({"purl", "parse", "--batch", "pkg:npm/foo"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("give no purl argument"));
}

TEST(PurlCliTest, NoPurlIsAUsageError) {
  const CliResult result = run_cli({"purl", "parse"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.err, HasSubstr("needs a purl"));
}

TEST(PurlCliTest, MissingSubcommandIsAUsageError) {
  EXPECT_EQ(run_cli({"purl"}).exit_code, 2);
}

TEST(PurlCliTest, HelpShowsExamples) {
  const CliResult result = run_cli({"purl", "parse", "--help"});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_THAT(result.out, HasSubstr("Examples:"));
  EXPECT_THAT(result.out, HasSubstr("--batch"));
}

}  // namespace
}  // namespace assay::testing
