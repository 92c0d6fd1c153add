// Tests for the JSON adapter: limits, error locations and the typed reader.
#include "assay/core/json.h"

#include <gtest/gtest.h>

namespace assay::json {
namespace {

TEST(JsonParseTest, ParsesAndKeepsLastDuplicateKey) {
  const Result<Json> doc = parse(R"({"a": 1, "a": 2})", "t.json");
  ASSERT_TRUE(doc.has_value()) << doc.error().to_string();
  EXPECT_EQ((*doc)["a"], 2);
}

TEST(JsonParseTest, SyntaxErrorNamesLineAndColumn) {
  const Result<Json> doc = parse("{\n  \"a\": [1, 2}\n}", "bad.json");
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(doc.error().location, "bad.json:2:13");
  EXPECT_NE(doc.error().message.find("malformed JSON"), std::string::npos);
}

TEST(JsonParseTest, InvalidUtf8IsReportedWithItsPlace) {
  const Result<Json> doc = parse("{\"a\": \"x\xFFy\"}", "u.json");
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().location, "u.json:1:9");
  EXPECT_NE(doc.error().message.find("invalid UTF-8"), std::string::npos);
}

TEST(JsonParseTest, EnforcesDepthCountAndSizeLimits) {
  InputLimits limits;
  limits.max_depth = 4;
  EXPECT_TRUE(parse("[[[1]]]", "d", limits).has_value());
  const Result<Json> deep = parse("[[[[[[1]]]]]]", "d", limits);
  ASSERT_FALSE(deep.has_value());
  EXPECT_NE(deep.error().message.find("deeper than the limit of 4"), std::string::npos);

  limits = InputLimits{};
  limits.max_items = 3;
  EXPECT_FALSE(parse("[1,2,3,4,5]", "n", limits).has_value());

  limits = InputLimits{};
  limits.max_bytes = 4;
  EXPECT_FALSE(parse("[1,2,3]", "s", limits).has_value());

  limits = InputLimits{};
  limits.max_string_bytes = 3;
  EXPECT_FALSE(parse(R"(["abcd"])", "s", limits).has_value());
}

TEST(JsonParseTest, VeryDeepNestingFailsCleanly) {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_FALSE(parse(deep, "deep.json").has_value());
}

TEST(JsonPointerTest, EscapesTildeAndSlash) {
  EXPECT_EQ(pointer_append("", "a/b~c"), "/a~1b~0c");
  EXPECT_EQ(pointer_append("/x", std::size_t{3}), "/x/3");
}

TEST(JsonReaderTest, TypedAccessReportsPointers) {
  const Json doc =
      Json::parse(R"({"components": [{"name": "a", "n": 2, "flag": true}, {"name": 5}]})");
  const Reader root(doc, "bom.json");
  const Reader first = root.at("components").value().at(0).value();
  EXPECT_EQ(first.get_string("name").value(), "a");
  EXPECT_EQ(first.get_int("n").value(), 2);
  EXPECT_TRUE(first.get_bool("flag").value());
  EXPECT_EQ(first.get_optional_string("absent").value(), std::nullopt);

  const Reader second = root.at("components").value().at(1).value();
  const Result<std::string> name = second.get_string("name");
  ASSERT_FALSE(name.has_value());
  EXPECT_EQ(name.error().location, "bom.json#/components/1/name");
  EXPECT_EQ(name.error().message, "expected string, found number");

  const Result<std::string> missing = first.get_string("version");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message, "required member \"version\" is missing");
  EXPECT_EQ(missing.error().location, "bom.json#/components/0");
  EXPECT_FALSE(root.at("components").value().at(9).has_value());
}

}  // namespace
}  // namespace assay::json
