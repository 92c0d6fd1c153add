// The evidence pack: manifest reading (every problem coded at its JSON pointer), path
// confinement (unsafe paths, symlinks, zip members), validation against the pack's files and the
// catalogue, zips, and the scaffold that `assay pack init` writes.
#include "assay/assess/pack.h"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "assay/assess/test_pack.h"
#include "assay/verify/pgp_test_keyring.h"

namespace assay::assess {
namespace {

namespace fs = std::filesystem;
using test_pack::Json;
using ::testing::HasSubstr;

const CatalogueSet& catalogues() {
  static const CatalogueSet kSet = [] {
    auto set = builtin_catalogues();
    EXPECT_TRUE(set.has_value());
    return set ? std::move(*set) : CatalogueSet{};
  }();
  return kSet;
}

const Diagnostic* find_code(const std::vector<Diagnostic>& diagnostics, std::string_view code) {
  for (const Diagnostic& diagnostic : diagnostics) {
    if (diagnostic.code == code) {
      return &diagnostic;
    }
  }
  return nullptr;
}

TEST(PackPathTest, AcceptsOnlyRelativePathsInsideThePack) {
  EXPECT_TRUE(is_safe_pack_path("sbom/app.cdx.json"));
  EXPECT_TRUE(is_safe_pack_path("a..b/c"));
  for (const char* bad :
       {"", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/.", "a\\b", "C:/x", "a/"}) {
    EXPECT_FALSE(is_safe_pack_path(bad)) << bad;
  }
  EXPECT_FALSE(is_safe_pack_path(std::string(1025, 'a')));
}

struct ManifestCase {
  std::string name;
  std::function<void(Json&)> change;
  std::string code;
  std::string location;
};

void PrintTo(const ManifestCase& c, std::ostream* os) {
  *os << c.name;
}

class ManifestErrorTest : public ::testing::TestWithParam<ManifestCase> {};

TEST_P(ManifestErrorTest, ReportsTheCodeAtItsPointer) {
  const ManifestCase& c = GetParam();
  test_pack::Pack pack = test_pack::good_pack(catalogues());
  c.change(pack.manifest);
  auto parsed = read_pack_manifest(pack.manifest.dump(), "assay-pack.json");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
  const Diagnostic* diagnostic = find_code(parsed->diagnostics, c.code);
  ASSERT_NE(diagnostic, nullptr) << c.code;
  EXPECT_EQ(diagnostic->location, c.location);
}

INSTANTIATE_TEST_SUITE_P(
    Manifest, ManifestErrorTest,
    ::testing::Values(
        ManifestCase{"MissingVendorName", [](Json& m) { m["vendor"].erase("legal_name"); },
                     "PACK-MISSING-FIELD", "assay-pack.json#/vendor/legal_name"},
        ManifestCase{"BadDeliveryModel", [](Json& m) { m["product"]["delivery_model"] = "cloud"; },
                     "PACK-BAD-VALUE", "assay-pack.json#/product/delivery_model"},
        ManifestCase{"BadRole", [](Json& m) { m["product"]["role"] = "integrator"; },
                     "PACK-BAD-VALUE", "assay-pack.json#/product/role"},
        ManifestCase{"BadCompaniesHouseNumber",
                     [](Json& m) { m["vendor"]["companies_house_number"] = "123"; },
                     "PACK-BAD-VALUE", "assay-pack.json#/vendor/companies_house_number"},
        ManifestCase{"BadDate",
                     [](Json& m) { m["releases"][0]["support"]["end_of_support"] = "31/12/2029"; },
                     "PACK-BAD-DATE", "assay-pack.json#/releases/0/support/end_of_support"},
        ManifestCase{"BadDigest",
                     [](Json& m) { m["releases"][0]["artefacts"][0]["digests"]["sha256"] = "abc"; },
                     "PACK-BAD-DIGEST", "assay-pack.json#/releases/0/artefacts/0/digests/sha256"},
        ManifestCase{"DotDotPath",
                     [](Json& m) { m["releases"][0]["sboms"][0]["path"] = "../../etc/passwd"; },
                     "PACK-UNSAFE-PATH", "assay-pack.json#/releases/0/sboms/0/path"},
        ManifestCase{"AbsolutePath",
                     [](Json& m) { m["links"]["security_txt"]["file"] = "/etc/security.txt"; },
                     "PACK-UNSAFE-PATH", "assay-pack.json#/links/security_txt/file"},
        ManifestCase{"DuplicateClaim",
                     [](Json& m) {
                       m["self_assessment"]["claims"].push_back(m["self_assessment"]["claims"][0]);
                     },
                     "PACK-DUPLICATE", "assay-pack.json#/self_assessment/claims/45/id"},
        ManifestCase{"BadClaimStatus",
                     [](Json& m) { m["self_assessment"]["claims"][2]["status"] = "yes"; },
                     "PACK-BAD-VALUE", "assay-pack.json#/self_assessment/claims/2/status"},
        ManifestCase{"WrongType", [](Json& m) { m["releases"] = "4.2.0"; }, "PACK-TYPE",
                     "assay-pack.json#/releases"},
        ManifestCase{"WrongFormat", [](Json& m) { m["format"] = "assay-pack/9"; }, "PACK-FORMAT",
                     "assay-pack.json#/format"},
        ManifestCase{"UnknownField", [](Json& m) { m["vendor"]["colour"] = "red"; },
                     "PACK-UNKNOWN-FIELD", "assay-pack.json#/vendor/colour"},
        ManifestCase{"UnknownLink",
                     [](Json& m) {
                       m["links"]["blog"] = {{"url", "https://x"}};
                     },
                     "PACK-UNKNOWN-FIELD", "assay-pack.json#/links/blog"},
        ManifestCase{"InsecureLinkScheme",
                     [](Json& m) { m["links"]["support_policy"]["url"] = "ftp://good.example"; },
                     "PACK-BAD-VALUE", "assay-pack.json#/links/support_policy/url"},
        ManifestCase{"ArtefactWithoutDigest",
                     [](Json& m) { m["releases"][0]["artefacts"][0]["digests"] = Json::object(); },
                     "PACK-MISSING-FIELD", "assay-pack.json#/releases/0/artefacts/0/digests"}),
    [](const ::testing::TestParamInfo<ManifestCase>& param_info) { return param_info.param.name; });

TEST(PackManifestTest, GoodManifestHasNoDiagnostics) {
  const test_pack::Pack pack = test_pack::good_pack(catalogues());
  auto parsed = read_pack_manifest(pack.manifest.dump(), "assay-pack.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(parsed->diagnostics.empty()) << parsed->diagnostics.front().to_string();
  EXPECT_EQ(parsed->value.vendor.legal_name, "Good Vendor Ltd");
  EXPECT_EQ(parsed->value.product.role, Role::kDeveloperDistributor);
  EXPECT_EQ(parsed->value.releases.at(0).support.announced, "2026-10-01");
  EXPECT_EQ(parsed->value.self_assessment.claims.size(), 45U);
}

TEST(PackManifestTest, NotJsonOrNotAnObjectFails) {
  auto not_json = read_pack_manifest("{\"format\": ", "assay-pack.json");
  ASSERT_FALSE(not_json.has_value());
  EXPECT_THAT(not_json.error().location, HasSubstr("assay-pack.json:1:"));
  auto array = read_pack_manifest("[]", "assay-pack.json");
  ASSERT_FALSE(array.has_value());
  EXPECT_THAT(array.error().message, HasSubstr("must be a JSON object"));
}

TEST(PackManifestTest, DepthLimitIsEnforced) {
  std::string deep = "{\"vendor\": ";
  for (int i = 0; i < 40; ++i) {
    deep += "[";
  }
  EXPECT_FALSE(read_pack_manifest(deep, "assay-pack.json").has_value());
}

TEST(PackValidateTest, MissingFilesAndUnknownClaimsAreErrors) {
  test_pack::Pack pack = test_pack::good_pack(catalogues());
  pack.files.erase("sbom/ledger.cdx.json");
  pack.manifest["self_assessment"]["claims"][0]["id"] = "9.9.9";
  pack.manifest["releases"][0]["sboms"][0]["artefact"] = "nothing.tar.gz";
  const PackValidation validation = validate_pack(*pack.build(), catalogues());
  EXPECT_FALSE(validation.valid());
  const Diagnostic* missing = find_code(validation.diagnostics, "PACK-MISSING-FILE");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->location, "assay-pack.json#/releases/0/sboms/0/path");
  const Diagnostic* claim = find_code(validation.diagnostics, "PACK-UNKNOWN-CLAIM");
  ASSERT_NE(claim, nullptr);
  EXPECT_EQ(claim->location, "assay-pack.json#/self_assessment/claims/0/id");
  EXPECT_NE(find_code(validation.diagnostics, "PACK-DANGLING-REF"), nullptr);
}

TEST(PackValidateTest, GoodPackIsValid) {
  const PackValidation validation =
      validate_pack(*test_pack::good_pack(catalogues()).build(), catalogues());
  EXPECT_TRUE(validation.valid()) << validation.diagnostics.front().to_string();
}

TEST(PackValidateTest, NoManifest) {
  MemoryPackFiles files("empty");
  const PackValidation validation = validate_pack(files, catalogues());
  EXPECT_FALSE(validation.readable);
  ASSERT_EQ(validation.diagnostics.size(), 1U);
  EXPECT_EQ(validation.diagnostics[0].code, "PACK-NO-MANIFEST");
}

TEST(PackScaffoldTest, ScaffoldReadsBackWithEveryClaim) {
  auto parsed = read_pack_manifest(scaffold_manifest(catalogues()), "assay-pack.json");
  ASSERT_TRUE(parsed.has_value());
  EXPECT_TRUE(parsed->diagnostics.empty()) << parsed->diagnostics.front().to_string();
  EXPECT_EQ(parsed->value.self_assessment.claims.size(), 45U);
}

// --- files on disk ----------------------------------------------------------------------------

class PackDiskTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = verify::pgp::test_keys::make_temp_dir("assay-pack-test-"); }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }
  void write_zip(const fs::path& path,
                 const std::vector<std::pair<std::string, std::string>>& members,
                 bool symlink = false) {
    archive* writer = archive_write_new();
    archive_write_set_format_zip(writer);
    ASSERT_EQ(archive_write_open_filename(writer, path.c_str()), ARCHIVE_OK);
    for (const auto& [name, contents] : members) {
      archive_entry* entry = archive_entry_new();
      archive_entry_set_pathname(entry, name.c_str());
      if (symlink) {
        archive_entry_set_filetype(entry, AE_IFLNK);
        archive_entry_set_symlink(entry, contents.c_str());
        archive_entry_set_size(entry, 0);
      } else {
        archive_entry_set_filetype(entry, AE_IFREG);
        archive_entry_set_size(entry, static_cast<la_int64_t>(contents.size()));
      }
      archive_entry_set_perm(entry, 0644);
      archive_write_header(writer, entry);
      if (!symlink) {
        archive_write_data(writer, contents.data(), contents.size());
      }
      archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
  }
  fs::path root_;
};

TEST_F(PackDiskTest, DirectoryReadsFilesAndRefusesSymlinkEscape) {
  write(root_ / "pack" / "assay-pack.json", "{}");
  write(root_ / "secret.txt", "outside");
  fs::create_symlink(root_ / "secret.txt", root_ / "pack" / "escape.txt");
  auto files = PackFiles::open(root_ / "pack");
  ASSERT_TRUE(files.has_value()) << files.error().to_string();
  EXPECT_EQ(*(*files)->read("assay-pack.json", 100), "{}");
  auto escaped = (*files)->read("escape.txt", 100);
  ASSERT_FALSE(escaped.has_value());
  EXPECT_EQ(escaped.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(escaped.error().message, HasSubstr("outside the pack"));
  EXPECT_FALSE((*files)->exists("escape.txt"));
  EXPECT_EQ((*files)->read("../secret.txt", 100).error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ((*files)->read("absent.txt", 100).error().code, ErrorCode::kNotFound);
  EXPECT_EQ((*files)->read("assay-pack.json", 1).error().code, ErrorCode::kInvalidInput);
}

TEST_F(PackDiskTest, ZipWithTopLevelFolderIsRead) {
  write_zip(root_ / "pack.zip", {{"vendor/assay-pack.json", "{}"}, {"vendor/a/b.txt", "B"}});
  auto files = PackFiles::open(root_ / "pack.zip");
  ASSERT_TRUE(files.has_value()) << files.error().to_string();
  EXPECT_TRUE((*files)->exists("assay-pack.json"));
  EXPECT_EQ(*(*files)->read("a/b.txt", 10), "B");
}

TEST_F(PackDiskTest, ZipMemberEscapingThePackIsRefused) {
  write_zip(root_ / "evil.zip", {{"assay-pack.json", "{}"}, {"../../evil.txt", "x"}});
  auto files = PackFiles::open(root_ / "evil.zip");
  ASSERT_FALSE(files.has_value());
  EXPECT_EQ(files.error().code, ErrorCode::kInvalidInput);
  EXPECT_THAT(files.error().message, HasSubstr("outside the pack"));
}

TEST_F(PackDiskTest, ZipSymlinkMemberIsRefused) {
  write_zip(root_ / "link.zip", {{"assay-pack.json", "/etc/passwd"}}, true);
  auto files = PackFiles::open(root_ / "link.zip");
  ASSERT_FALSE(files.has_value());
  EXPECT_THAT(files.error().message, HasSubstr("links are not allowed"));
}

TEST_F(PackDiskTest, ZipOverTheSizeLimitIsRefused) {
  write_zip(root_ / "big.zip", {{"assay-pack.json", std::string(5000, ' ')}});
  PackLimits limits;
  limits.max_file_bytes = 1000;
  auto files = PackFiles::open(root_ / "big.zip", limits);
  ASSERT_FALSE(files.has_value());
  EXPECT_THAT(files.error().message, HasSubstr("size limits"));
}

TEST_F(PackDiskTest, NotAPack) {
  EXPECT_EQ(PackFiles::open(root_ / "absent").error().code, ErrorCode::kNotFound);
  write(root_ / "plain.txt", "not a zip");
  auto files = PackFiles::open(root_ / "plain.txt");
  ASSERT_FALSE(files.has_value());
  EXPECT_THAT(files.error().message, HasSubstr("not a pack directory or zip"));
}

}  // namespace
}  // namespace assay::assess
