// The JSON Schemas in docs/formats agree with the readers: the shipped catalogues, the example
// packs and the `pack init` skeleton are valid under them, and what the readers refuse the schema
// refuses too.
#include "assay/formats/schema.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/catalogue.h"
#include "assay/assess/pack.h"
#include "assay/core/json.h"

namespace assay::assess {
namespace {

std::string slurp(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  EXPECT_TRUE(stream) << path;
  std::ostringstream out;
  out << stream.rdbuf();
  return out.str();
}

std::shared_ptr<const formats::JsonSchema> schema(const std::string& name) {
  auto compiled = formats::JsonSchema::compile(slurp("docs/formats/" + name), name);
  EXPECT_TRUE(compiled.has_value()) << compiled.error().to_string();
  return compiled ? *compiled : nullptr;
}

std::vector<Diagnostic> validate(const formats::JsonSchema& compiled, const std::string& text,
                                 const std::string& source) {
  auto parsed = json::parse(text, source);
  EXPECT_TRUE(parsed.has_value()) << source;
  DiagnosticSink sink;
  if (parsed) {
    compiled.validate(*parsed, source, sink);
  }
  return sink.take();
}

TEST(SchemaTest, ShippedCataloguesAreValid) {
  const auto compiled = schema("catalogue.schema.json");
  ASSERT_NE(compiled, nullptr);
  std::size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator("catalogues")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    ++count;
    const auto problems = validate(*compiled, slurp(entry.path()), entry.path().string());
    EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  }
  EXPECT_EQ(count, 2U);
}

TEST(SchemaTest, ExamplePacksAndTheSkeletonAreValid) {
  const auto compiled = schema("assay-pack.schema.json");
  ASSERT_NE(compiled, nullptr);
  for (const char* pack : {"examples/packs/good-vendor/assay-pack.json",
                           "examples/packs/gappy-vendor/assay-pack.json"}) {
    const auto problems = validate(*compiled, slurp(pack), pack);
    EXPECT_TRUE(problems.empty()) << problems.front().to_string();
  }
  auto catalogues = builtin_catalogues();
  ASSERT_TRUE(catalogues.has_value());
  const auto problems = validate(*compiled, scaffold_manifest(*catalogues), "skeleton");
  EXPECT_TRUE(problems.empty()) << problems.front().to_string();
}

TEST(SchemaTest, SchemaRefusesWhatTheReaderRefuses) {
  const auto compiled = schema("assay-pack.schema.json");
  ASSERT_NE(compiled, nullptr);
  std::string text = slurp("examples/packs/gappy-vendor/assay-pack.json");
  const std::string from = "\"path\": \"sbom/kestrel-case-manager-3.1.0.cdx.json\"";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "\"path\": \"../../etc/passwd\"");
  const auto problems = validate(*compiled, text, "unsafe");
  ASSERT_FALSE(problems.empty());
  EXPECT_THAT(problems.front().location, ::testing::HasSubstr("/releases/0/sboms/0/path"));
  auto parsed = read_pack_manifest(text, "unsafe");
  ASSERT_TRUE(parsed.has_value());
  ASSERT_FALSE(parsed->diagnostics.empty());
  EXPECT_EQ(parsed->diagnostics.front().code, "PACK-UNSAFE-PATH");
}

}  // namespace
}  // namespace assay::assess
