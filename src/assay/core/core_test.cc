// Tests for the error model, diagnostics, UTF-8 validation and file I/O.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "assay/core/diagnostic.h"
#include "assay/core/error.h"
#include "assay/core/file.h"
#include "assay/core/result.h"
#include "assay/core/utf8.h"

namespace assay {
namespace {

Result<int> parse_positive(int value) {
  if (value <= 0) {
    return fail(ErrorCode::kInvalidInput, "not positive", "#/value");
  }
  return value;
}

Result<int> doubled(int value) {
  ASSAY_TRY(const int checked, parse_positive(value));
  return checked * 2;
}

Result<void> check_positive(int value) {
  ASSAY_TRY_VOID(parse_positive(value));
  return {};
}

TEST(ResultTest, TryPropagatesValueAndError) {
  EXPECT_EQ(doubled(4).value(), 8);
  const Result<int> bad = doubled(-1);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(bad.error().message, "not positive");
  EXPECT_EQ(bad.error().location, "#/value");
  EXPECT_TRUE(check_positive(1).has_value());
  EXPECT_FALSE(check_positive(0).has_value());
}

TEST(ErrorTest, RendersLocationBeforeMessage) {
  const Error error{ErrorCode::kNotFound, "no such file", "a.json"};
  EXPECT_EQ(error.to_string(), "a.json: no such file");
  EXPECT_EQ((Error{ErrorCode::kIo, "boom", ""}).to_string(), "boom");
  EXPECT_EQ(to_string(ErrorCode::kVerifyFailed), "verify-failed");
}

TEST(ErrorTest, LocationPrefixJoinsFileAndPointer) {
  const Error pointer{ErrorCode::kInvalidInput, "bad", "#/a/0"};
  EXPECT_EQ(pointer.with_location_prefix("sbom.json").location, "sbom.json#/a/0");
  const Error line{ErrorCode::kInvalidInput, "bad", "12:3"};
  EXPECT_EQ(line.with_location_prefix("x.spdx").location, "x.spdx:12:3");
  const Error none{ErrorCode::kInvalidInput, "bad", ""};
  EXPECT_EQ(none.with_location_prefix("f").location, "f");
}

TEST(DiagnosticTest, RendersSeverityCodeAndLocation) {
  const Diagnostic diagnostic{Severity::kWarning, "CDX-NO-VERSION", "component has no version",
                              "bom.json#/components/2"};
  EXPECT_EQ(diagnostic.to_string(),
            "bom.json#/components/2: warning [CDX-NO-VERSION]: component has no version");
}

TEST(DiagnosticSinkTest, CapsTheListAndCountsWhatWasDropped) {
  DiagnosticSink sink(3);
  for (int index = 0; index < 5; ++index) {
    sink.error("E", "problem " + std::to_string(index), "");
  }
  EXPECT_TRUE(sink.has_errors());
  EXPECT_EQ(sink.error_count(), 5U);
  const std::vector<Diagnostic> diagnostics = sink.take();
  ASSERT_EQ(diagnostics.size(), 4U);
  EXPECT_EQ(diagnostics.back().code, "DIAGNOSTICS-TRUNCATED");
  EXPECT_EQ(diagnostics.back().message, "2 further diagnostics were not listed");
}

TEST(LineColumnTest, CountsLinesAndColumnsFromOne) {
  const std::string_view text = "ab\ncd\nef";
  EXPECT_EQ(line_column_at(text, 0).line, 1U);
  EXPECT_EQ(line_column_at(text, 0).column, 1U);
  EXPECT_EQ(line_column_at(text, 4).line, 2U);
  EXPECT_EQ(line_column_at(text, 4).column, 2U);
  EXPECT_EQ(line_column_at(text, 100).line, 3U);
  EXPECT_EQ(text_location("f.txt", 3, 2), "f.txt:3:2");
  EXPECT_EQ(text_location("f.txt", 0, 0), "f.txt");
}

struct Utf8Case {
  std::string bytes;
  std::optional<std::size_t> first_bad;
};

class Utf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(Utf8Test, FindsFirstIllFormedByte) {
  EXPECT_EQ(find_invalid_utf8(GetParam().bytes), GetParam().first_bad);
}

INSTANTIATE_TEST_SUITE_P(Table, Utf8Test,
                         ::testing::Values(Utf8Case{"", std::nullopt},
                                           Utf8Case{"plain ascii", std::nullopt},
                                           Utf8Case{"caf\xC3\xA9", std::nullopt},
                                           Utf8Case{"\xF0\x9F\x98\x80", std::nullopt},  // U+1F600
                                           Utf8Case{"ab\xC3", 2},                       // truncated
                                           Utf8Case{"\xC0\xAF", 0},          // overlong '/'
                                           Utf8Case{"x\xED\xA0\x80", 1},     // surrogate
                                           Utf8Case{"\xF4\x90\x80\x80", 0},  // above U+10FFFF
                                           Utf8Case{"ok\xFF", 2},
                                           Utf8Case{"\xE2\x82", 0},            // stray / short
                                           Utf8Case{"\xE2\x82\xAC\x80", 3}));  // lone continuation

class FileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("assay_core_test_" + std::to_string(::getpid()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }
  std::filesystem::path directory_;
};

TEST_F(FileTest, ReadsWholeFileWithinLimit) {
  const auto path = directory_ / "a.txt";
  std::ofstream(path) << "hello";
  const Result<std::string> contents = read_file(path, 100);
  ASSERT_TRUE(contents.has_value()) << contents.error().to_string();
  EXPECT_EQ(*contents, "hello");
}

TEST_F(FileTest, RefusesFileOverLimitAndNamesIt) {
  const auto path = directory_ / "big.txt";
  std::ofstream(path) << std::string(50, 'x');
  const Result<std::string> contents = read_file(path, 10);
  ASSERT_FALSE(contents.has_value());
  EXPECT_EQ(contents.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(contents.error().location, path.string());
  EXPECT_NE(contents.error().message.find("over the limit of 10 bytes"), std::string::npos);
}

TEST_F(FileTest, MissingFileIsNotFoundAndDirectoryIsIo) {
  EXPECT_EQ(read_file(directory_ / "absent", 10).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(read_file(directory_, 10).error().code, ErrorCode::kIo);
}

TEST_F(FileTest, AtomicWriteReplacesWholeFile) {
  const auto path = directory_ / "out.txt";
  std::ofstream(path) << "old contents that are longer";
  ASSERT_TRUE(write_file_atomic(path, "new").has_value());
  EXPECT_EQ(read_file(path, 100).value(), "new");
  EXPECT_FALSE(write_file_atomic(directory_ / "no" / "such" / "dir.txt", "x").has_value());
}

TEST(ReadStreamTest, StopsAtLimit) {
  std::istringstream small("abc");
  EXPECT_EQ(read_stream(small, 10, "stdin").value(), "abc");
  std::istringstream large(std::string(100, 'x'));
  const Result<std::string> refused = read_stream(large, 10, "stdin");
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().location, "stdin");
}

}  // namespace
}  // namespace assay
