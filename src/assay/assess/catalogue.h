// Catalogues of requirements as versioned data (catalogues/*.json, docs/formats/catalogues.md):
// the final Code's themes, principles and NCSC claims, the 2024 draft's principles and
// provisions, and their mappings to each other and to SSDF, the CRA and the CAF. Loaded in three
// stages: read (JSON into documents, every problem a CAT-* diagnostic with a JSON pointer), check
// (ids, references and structure across every document of a set) and compile (indexes).
#ifndef ASSAY_ASSESS_CATALOGUE_H_
#define ASSAY_ASSESS_CATALOGUE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "assay/core/diagnostic.h"
#include "assay/core/result.h"

namespace assay::assess {

inline constexpr std::string_view kCatalogueFormat = "assay-catalogue/1";
inline constexpr std::string_view kFinalCatalogue = "final-2025";
inline constexpr std::string_view kDraftCatalogue = "draft-2024";

enum class EntryKind { kTheme, kPrinciple, kClaim, kProvision };
std::string_view to_string(EntryKind kind);  // "theme", "principle", "claim", "provision"

enum class Level { kNone, kShall, kShould };
std::string_view to_string(Level level);  // "", "shall", "should"

// The vendor's role for a product (Code, table 1): which themes apply to it.
enum class Role { kDeveloperDistributor, kReseller, kDeveloperOnly };
std::string_view to_string(Role role);  // "developer-distributor", "reseller", "developer-only"
bool parse_role(std::string_view text, Role& role);

struct FrameworkItem {
  std::string id;
  std::string title;
};

// An outside framework a catalogue maps to (SSDF practices, CRA Annex I items, CAF outcomes).
struct Framework {
  std::string id;
  std::string title;
  std::vector<FrameworkItem> items;
};

// "maps": {"<framework or catalogue id>": ["<item id>", ...]}
struct Mapping {
  std::string target;
  std::vector<std::string> ids;
  std::string location;
};

struct Entry {
  std::string id;
  EntryKind kind = EntryKind::kClaim;
  std::string parent;  // "" for top-level entries
  Level level = Level::kNone;
  std::string title;
  std::string text;
  std::vector<std::string> applies_to;  // role names; empty: inherited from the parent
  std::vector<Mapping> maps;
  std::string location;  // "source#/entries/3"
};

struct CatalogueDocument {
  std::string id;  // "final-2025", "draft-2024"
  std::string version;
  std::string title;
  std::string published;
  std::string note;
  std::vector<Framework> frameworks;
  std::vector<Entry> entries;
  std::string source;
};

// Stage 1: reads one catalogue. Problems that leave a usable document are diagnostics
// (CAT-MISSING-FIELD, CAT-TYPE, CAT-BAD-VALUE, CAT-FORMAT, CAT-UNKNOWN-FIELD); fails with
// kInvalidInput when the text is not JSON or not an object.
[[nodiscard]] Result<Parsed<CatalogueDocument>> read_catalogue(std::string_view text,
                                                               std::string_view source);

// Stage 2: checks a set of documents together. Codes: CAT-DUPLICATE-ID (an entry, framework
// item or catalogue id given twice), CAT-DANGLING-REF (a parent or mapping that names nothing),
// CAT-BAD-PARENT (a claim not under a principle, a principle not under a theme, a provision not
// under a principle), CAT-BAD-VALUE (an unknown role), CAT-EMPTY (no entries).
std::vector<Diagnostic> check_catalogues(const std::vector<CatalogueDocument>& documents);

// One compiled catalogue: entries by id, children in document order, inherited roles.
class Catalogue {
 public:
  explicit Catalogue(CatalogueDocument document);

  const CatalogueDocument& document() const { return document_; }
  const std::string& id() const { return document_.id; }
  const std::vector<Entry>& entries() const { return document_.entries; }
  // The entry with `id`, or nullptr.
  const Entry* find(std::string_view id) const;
  // Direct children of `id` ("" for the top level), in document order.
  std::vector<const Entry*> children(std::string_view id) const;
  // Every entry of `kind`, in document order.
  std::vector<const Entry*> of_kind(EntryKind kind) const;
  // Roles the entry applies to: its own applies_to, else its nearest ancestor's; empty = all.
  std::vector<std::string> roles(const Entry& entry) const;
  bool applies_to(const Entry& entry, Role role) const;

 private:
  CatalogueDocument document_;
  std::unordered_map<std::string, std::size_t> index_;
};

// Every catalogue of a set, compiled.
class CatalogueSet {
 public:
  const Catalogue* find(std::string_view id) const;
  const std::vector<Catalogue>& catalogues() const { return catalogues_; }
  // The final catalogue's claims a mapped id denotes: a claim itself, or every claim under a
  // principle or theme. Empty when `id` is unknown.
  std::vector<const Entry*> final_claims_for(std::string_view id) const;
  // The final-catalogue claims an entry of `catalogue` stands for: its own claims for the final
  // catalogue (all claims under a theme or principle), or through its "final-2025" mappings.
  std::vector<const Entry*> claims_of(const Catalogue& catalogue, const Entry& entry) const;

 private:
  friend Result<CatalogueSet> compile_catalogues(std::vector<CatalogueDocument> documents,
                                                 std::vector<Diagnostic>* diagnostics);
  std::vector<Catalogue> catalogues_;
};

// Stage 3: runs check_catalogues and compiles. Fails with kInvalidInput naming the first error
// when any check reports an error; every diagnostic is appended to `diagnostics` when non-null.
[[nodiscard]] Result<CatalogueSet> compile_catalogues(std::vector<CatalogueDocument> documents,
                                                      std::vector<Diagnostic>* diagnostics);

// Reads and compiles the given texts (name, JSON) through all three stages. Fails with the first
// error (read or check); every diagnostic is appended to `diagnostics` when non-null.
struct CatalogueText {
  std::string name;
  std::string text;
};
[[nodiscard]] Result<CatalogueSet> load_catalogues(const std::vector<CatalogueText>& texts,
                                                   std::vector<Diagnostic>* diagnostics = nullptr);

// The catalogues shipped in the repository (catalogues/*.json), embedded in the binary at build
// time. Fails only if a shipped catalogue is broken (kInternal), which a unit test rules out.
[[nodiscard]] Result<CatalogueSet> builtin_catalogues();

// The embedded texts themselves, by file name ("uk-sscop-final-2025.json").
std::vector<CatalogueText> builtin_catalogue_texts();

}  // namespace assay::assess

#endif  // ASSAY_ASSESS_CATALOGUE_H_
