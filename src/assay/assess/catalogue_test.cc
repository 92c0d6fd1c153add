// Catalogues: the shipped ones load and have the shape the Code has (14 principles, 45 claims,
// 21 provisions), and every coded error of each loading stage is reported where it happens.
#include "assay/assess/catalogue.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace assay::assess {
namespace {

using ::testing::HasSubstr;

TEST(CatalogueBuiltinTest, LoadsBothCataloguesWithTheCodesShape) {
  std::vector<Diagnostic> diagnostics;
  auto set = load_catalogues(builtin_catalogue_texts(), &diagnostics);
  ASSERT_TRUE(set.has_value()) << set.error().to_string();
  EXPECT_TRUE(diagnostics.empty()) << diagnostics.front().to_string();
  const Catalogue* final_catalogue = set->find(kFinalCatalogue);
  const Catalogue* draft = set->find(kDraftCatalogue);
  ASSERT_NE(final_catalogue, nullptr);
  ASSERT_NE(draft, nullptr);
  EXPECT_EQ(final_catalogue->of_kind(EntryKind::kTheme).size(), 4U);
  EXPECT_EQ(final_catalogue->of_kind(EntryKind::kPrinciple).size(), 14U);
  EXPECT_EQ(final_catalogue->of_kind(EntryKind::kClaim).size(), 45U);
  EXPECT_EQ(draft->of_kind(EntryKind::kPrinciple).size(), 4U);
  EXPECT_EQ(draft->of_kind(EntryKind::kProvision).size(), 21U);
  std::size_t should = 0;
  for (const Entry* provision : draft->of_kind(EntryKind::kProvision)) {
    should += provision->level == Level::kShould ? 1 : 0;
    EXPECT_FALSE(set->claims_of(*draft, *provision).empty()) << provision->id;
  }
  EXPECT_EQ(should, 8U);  // 1.5, 1.6, 2.2, 2.3, 3.6, 4.4, 4.5, 4.6
}

TEST(CatalogueBuiltinTest, EveryFinalPrincipleMapsToTheCaf) {
  auto set = builtin_catalogues();
  ASSERT_TRUE(set.has_value());
  const Catalogue& final_catalogue = *set->find(kFinalCatalogue);
  for (const Entry* principle : final_catalogue.of_kind(EntryKind::kPrinciple)) {
    bool caf = false;
    for (const Mapping& mapping : principle->maps) {
      caf = caf || (mapping.target == "caf" && !mapping.ids.empty());
    }
    EXPECT_TRUE(caf) << principle->id;
  }
}

TEST(CatalogueBuiltinTest, RolesFollowTheCodesTableOne) {
  auto set = builtin_catalogues();
  ASSERT_TRUE(set.has_value());
  const Catalogue& final_catalogue = *set->find(kFinalCatalogue);
  const Entry* claim_121 = final_catalogue.find("1.2.1");
  const Entry* claim_321 = final_catalogue.find("3.2.1");
  const Entry* claim_421 = final_catalogue.find("4.2.1");
  ASSERT_NE(claim_121, nullptr);
  EXPECT_FALSE(final_catalogue.applies_to(*claim_121, Role::kReseller));
  EXPECT_TRUE(final_catalogue.applies_to(*claim_321, Role::kReseller));
  EXPECT_TRUE(final_catalogue.applies_to(*claim_121, Role::kDeveloperOnly));
  EXPECT_FALSE(final_catalogue.applies_to(*claim_421, Role::kDeveloperOnly));
}

TEST(CatalogueBuiltinTest, DraftProvisionResolvesToFinalClaims) {
  auto set = builtin_catalogues();
  ASSERT_TRUE(set.has_value());
  const Catalogue& draft = *set->find(kDraftCatalogue);
  std::vector<std::string> ids;
  for (const Entry* claim : set->claims_of(draft, *draft.find("1.5"))) {
    ids.push_back(claim->id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"1.4.1", "1.4.4"}));
  // A draft principle stands for the claims of all its provisions.
  EXPECT_EQ(set->claims_of(draft, *draft.find("4")).size(), 7U);
}

// --- stage errors -----------------------------------------------------------------------------

constexpr std::string_view kBase = R"({
  "format": "assay-catalogue/1", "id": "t", "version": "1", "title": "T",
  "frameworks": [{"id": "fw", "title": "F", "items": [{"id": "X.1", "title": "x"}]}],
  "entries": [
    {"id": "1", "kind": "theme", "title": "Theme"},
    {"id": "1.1", "kind": "principle", "parent": "1", "title": "P", "maps": {"fw": ["X.1"]}},
    {"id": "1.1.1", "kind": "claim", "parent": "1.1", "text": "C"}
  ]
})";

struct StageCase {
  std::string name;
  std::string from;  // replaced in kBase
  std::string to;
  std::string code;
  std::string location;  // suffix of the diagnostic's location
};

class CatalogueErrorTest : public ::testing::TestWithParam<StageCase> {};

TEST_P(CatalogueErrorTest, ReportsTheCodeAtItsLocation) {
  const StageCase& c = GetParam();
  std::string text(kBase);
  const std::size_t at = text.find(c.from);
  ASSERT_NE(at, std::string::npos) << c.from;
  text.replace(at, c.from.size(), c.to);
  std::vector<Diagnostic> diagnostics;
  auto set = load_catalogues({{"t.json", text}}, &diagnostics);
  ASSERT_FALSE(set.has_value());
  EXPECT_EQ(set.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(set.error().message, HasSubstr(c.code));
  bool found = false;
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == c.code) {
      found = true;
      EXPECT_THAT(diagnostic.location, ::testing::EndsWith(c.location));
    }
  }
  EXPECT_TRUE(found) << c.code;
}

INSTANTIATE_TEST_SUITE_P(
    Stages, CatalogueErrorTest,
    ::testing::Values(StageCase{"DuplicateEntry", R"("id": "1.1.1")", R"("id": "1.1")",
                                "CAT-DUPLICATE-ID", "t.json#/entries/2/id"},
                      StageCase{"DanglingParent", R"("parent": "1.1")", R"("parent": "9.9")",
                                "CAT-DANGLING-REF", "t.json#/entries/2/parent"},
                      StageCase{"DanglingMapping", R"(["X.1"])", R"(["X.2"])", "CAT-DANGLING-REF",
                                "t.json#/entries/1/maps/fw/0"},
                      StageCase{"UnknownMappingTarget", R"({"fw": )", R"({"nist": )",
                                "CAT-DANGLING-REF", "t.json#/entries/1/maps/nist"},
                      StageCase{"ClaimUnderTheme", R"("parent": "1.1")", R"("parent": "1")",
                                "CAT-BAD-PARENT", "t.json#/entries/2/parent"},
                      StageCase{"UnknownKind", R"("kind": "claim")", R"("kind": "rule")",
                                "CAT-BAD-VALUE", "t.json#/entries/2/kind"},
                      StageCase{"WrongFormat", "assay-catalogue/1", "assay-catalogue/9",
                                "CAT-FORMAT", "t.json#/format"},
                      StageCase{"MissingId", R"("id": "t", )", "", "CAT-MISSING-FIELD",
                                "t.json#/id"},
                      StageCase{"TitleNotString", R"("title": "T")", R"("title": 7)", "CAT-TYPE",
                                "t.json#/title"},
                      StageCase{"UnknownRole", R"("title": "Theme")",
                                R"("title": "Theme", "applies_to": ["buyer"])", "CAT-BAD-VALUE",
                                "t.json#/entries/0/applies_to/0"},
                      StageCase{"DuplicateFrameworkItem", R"([{"id": "X.1", "title": "x"}])",
                                R"([{"id": "X.1", "title": "x"}, {"id": "X.1", "title": "y"}])",
                                "CAT-DUPLICATE-ID", "t.json#/frameworks/0/items/1/id"}),
    [](const ::testing::TestParamInfo<StageCase>& param_info) { return param_info.param.name; });

TEST(CatalogueErrorTest, EmptyCatalogueIsAnError) {
  std::vector<Diagnostic> diagnostics;
  auto set = load_catalogues(
      {{"e.json", R"({"format": "assay-catalogue/1", "id": "e", "version": "1", "title": "E",
                     "entries": []})"}},
      &diagnostics);
  ASSERT_FALSE(set.has_value());
  EXPECT_THAT(set.error().message, HasSubstr("CAT-EMPTY"));
}

TEST(CatalogueErrorTest, DuplicateCatalogueIdAcrossFiles) {
  auto set = load_catalogues({{"a.json", std::string(kBase)}, {"b.json", std::string(kBase)}});
  ASSERT_FALSE(set.has_value());
  EXPECT_THAT(set.error().message, HasSubstr("CAT-DUPLICATE-ID"));
  EXPECT_EQ(set.error().location, "b.json#/id");
}

TEST(CatalogueErrorTest, MalformedJsonFailsInTheReadStage) {
  std::vector<Diagnostic> diagnostics;
  auto set = load_catalogues({{"m.json", "{\"id\": "}}, &diagnostics);
  ASSERT_FALSE(set.has_value());
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].code, "CAT-MALFORMED");
  EXPECT_THAT(diagnostics[0].location, HasSubstr("m.json:1:"));
}

TEST(CatalogueErrorTest, UnknownFieldIsOnlyAWarning) {
  std::string text(kBase);
  text.replace(text.find(R"("title": "T")"), 12, R"("title": "T", "colour": "red")");
  std::vector<Diagnostic> diagnostics;
  auto set = load_catalogues({{"t.json", text}}, &diagnostics);
  ASSERT_TRUE(set.has_value()) << set.error().to_string();
  ASSERT_EQ(diagnostics.size(), 1U);
  EXPECT_EQ(diagnostics[0].code, "CAT-UNKNOWN-FIELD");
  EXPECT_EQ(diagnostics[0].severity, Severity::kWarning);
  EXPECT_EQ(diagnostics[0].location, "t.json#/colour");
}

TEST(CatalogueErrorTest, DraftMappingIntoAMissingCatalogueDangles) {
  std::string draft;
  for (const CatalogueText& text : builtin_catalogue_texts()) {
    if (text.name.find("draft") != std::string::npos) {
      draft = text.text;
    }
  }
  ASSERT_FALSE(draft.empty());
  auto set = load_catalogues({{"draft.json", draft}});  // without the final catalogue
  ASSERT_FALSE(set.has_value());
  EXPECT_THAT(set.error().message, HasSubstr("CAT-DANGLING-REF"));
}

}  // namespace
}  // namespace assay::assess
